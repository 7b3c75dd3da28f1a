//! End to end through the real binary: filters, records, formats, errors, pipes.

mod common;

use common::*;
use serde_json::Value;

// ---------------------------------------------------------------- filters

#[test]
fn default_list_is_the_active_partners_sorted_by_name() {
    let active = json(&["list"]);
    assert!(active.len() > 25, "{} cities", active.len());
    assert!(active.iter().all(|c| c["status"] == "active"));
    let names = names(&active);
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| deunicode_lower(n));
    assert_eq!(names, sorted);
}

fn deunicode_lower(s: &str) -> String {
    s.to_lowercase()
        .replace(['š', 'ś'], "s")
        .replace(['é', 'è'], "e")
        .replace(['ö', 'ó'], "o")
}

#[test]
fn all_adds_ended_partnerships_and_status_picks_them() {
    let all = json(&["list", "--all"]);
    let active = json(&["list"]);
    let ended = json(&["list", "--status", "ended"]);
    assert!(all.len() > active.len());
    assert!(name_set(&ended).contains(&"Moscow".to_string()));
    assert!(name_set(&ended).contains(&"Saint Petersburg".to_string()));
    assert!(ended.iter().all(|c| c["status"] == "ended"));
    let both = json(&["list", "--status", "active,ended"]);
    assert_eq!(
        both.len(),
        active.len() + ended.len(),
        "several values of one filter are alternatives"
    );
}

#[test]
fn continent_takes_several_values_in_any_case() {
    let europe = json(&["list", "--continent", "europe"]);
    let asia = json(&["list", "--continent", "ASIA"]);
    let both = json(&["list", "--continent", "europe,asia"]);
    assert!(!europe.is_empty() && !asia.is_empty());
    assert_eq!(both.len(), europe.len() + asia.len());
    assert!(asia.iter().all(|c| c["continent"] == "asia"));
}

#[test]
fn country_by_name_or_iso_code() {
    let by_name = name_set(&json(&["list", "--country", "germany"]));
    let by_code = name_set(&json(&["list", "--country", "de"]));
    assert_eq!(by_name, ["Frankfurt am Main", "Leipzig", "Nuremberg"]);
    assert_eq!(by_name, by_code);
    let two = json(&["list", "--country", "Germany,SK"]);
    assert!(
        two.iter()
            .all(|c| c["country_code"] == "DE" || c["country_code"] == "SK")
    );
    assert!(two.iter().any(|c| c["country_code"] == "SK"));
}

#[test]
fn agreement_and_capital_filters() {
    let honorary = json(&["list", "--agreement", "honorary-twin-city"]);
    assert!(name_set(&honorary).contains(&"La Serena".to_string()));
    assert!(
        honorary
            .iter()
            .all(|c| c["agreement"] == "honorary-twin-city")
    );
    let none = name_set(&json(&["list", "--agreement", "none"]));
    assert!(none.contains(&"Košice".to_string()));
    let capitals = json(&["list", "--capital"]);
    assert!(capitals.iter().all(|c| c["capital"] == true));
    assert!(name_set(&capitals).contains(&"Vienna".to_string()));
}

#[test]
fn different_filters_all_apply() {
    let european_capitals = json(&["list", "--capital", "--continent", "europe"]);
    assert!(!european_capitals.is_empty());
    assert!(
        european_capitals
            .iter()
            .all(|c| c["capital"] == true && c["continent"] == "europe")
    );
    assert!(!name_set(&european_capitals).contains(&"Quito".to_string()));
}

#[test]
fn search_ignores_case_and_diacritics_and_reads_every_name() {
    for (typed, city) in [
        ("kosice", "Košice"),
        ("KOŠICE", "Košice"),
        ("kiev", "Kyiv"),
        ("Kijów", "Kyiv"),
        ("norymberga", "Nuremberg"),
        ("nürnberg", "Nuremberg"),
        ("lipsk", "Leipzig"),
    ] {
        let found = names(&json(&["list", "--search", typed]));
        assert_eq!(found, [city], "--search {typed}");
    }
    assert!(json(&["list", "--search", "no such place"]).is_empty());
}

#[test]
fn as_of_shows_the_partnerships_of_that_day() {
    let moscow_before = json(&["list", "--as-of", "2022-01-01", "--search", "moscow"]);
    assert_eq!(names(&moscow_before), ["Moscow"]);
    assert_eq!(
        moscow_before[0]["status"], "active",
        "ended only later, so active then"
    );
    assert!(json(&["list", "--as-of", "2022-03-15", "--search", "moscow"]).is_empty());
    // Nothing signed after the date shows up.
    for city in json(&["list", "--all", "--as-of", "2022-03-15"]) {
        if let Some(signed) = city["signed"].as_str() {
            assert!(signed <= "2022-03-15", "{} signed {signed}", city["name"]);
        }
    }
    // Every city signed after the seed page is missing from that day's list.
    let then = name_set(&json(&["list", "--as-of", "2022-03-15"]));
    for city in json(&["list"]) {
        if city["signed"].as_str().is_some_and(|s| s > "2022-03-15") {
            assert!(!then.contains(&city["name"].as_str().unwrap().to_string()));
        }
    }
    // A year alone is a date too.
    assert!(json(&["list", "--as-of", "1974"]).len() < json(&["list"]).len());
}

#[test]
fn as_of_places_a_partnership_in_time_by_its_dates() {
    let data = data_file(concat!(
        "Old,,,,X,XX,europe,false,partnership,1990-05-01,ended,2000-01-01,1,1,,,,,https://e.org,\n",
        "New,,,,X,XX,europe,false,partnership,2010,active,,2,2,,,,,https://e.org,\n",
    ));
    let path = data.path().to_str().unwrap();
    let on = |date: &str| names(&json(&["--data", path, "list", "--all", "--as-of", date]));
    assert!(on("1990-04-30").is_empty());
    assert_eq!(on("1990-05-01"), ["Old"]);
    assert_eq!(on("1999-12-31"), ["Old"]);
    assert_eq!(on("2005"), ["Old"]);
    assert_eq!(on("2010-01-01"), ["New", "Old"]);
    // Ended on 2000-01-01: active the day before, ended on the day.
    let status =
        |date: &str| json(&["--data", path, "list", "--all", "--as-of", date])[0]["status"].clone();
    assert_eq!(status("1999-12-31"), "active");
    assert_eq!(status("2000-01-01"), "ended");
}

#[test]
fn sort_desc_and_limit() {
    let by_distance = json(&["list", "--sort", "distance_km", "--limit", "3"]);
    assert_eq!(by_distance.len(), 3);
    assert_eq!(by_distance[0]["name"], "Košice");
    let d: Vec<f64> = by_distance
        .iter()
        .map(|c| c["distance_km"].as_f64().unwrap())
        .collect();
    assert!(d.windows(2).all(|w| w[0] <= w[1]), "{d:?}");
    let farthest = json(&["list", "--sort", "distance", "--desc", "--limit", "1"]);
    assert_eq!(farthest[0]["name"], "La Serena");
    let oldest = json(&["list", "--sort", "signed"]);
    let dates: Vec<&str> = oldest.iter().filter_map(|c| c["signed"].as_str()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    // Unknown values come last, in both directions.
    let last = oldest.last().unwrap();
    assert!(last["signed"].is_null(), "{last}");
    let newest = json(&["list", "--sort", "signed", "--desc"]);
    assert!(newest.last().unwrap()["signed"].is_null());
    assert!(!newest[0]["signed"].is_null());
}

#[test]
fn unknown_filter_values_are_usage_errors_listing_the_valid_ones() {
    let err = fails(&["list", "--continent", "eurpe"], 2);
    assert!(err.contains("europe, asia, africa"), "{err}");
    assert!(err.contains("'europe'"), "suggests the close value: {err}");
    let err = fails(&["list", "--country", "germny"], 2);
    assert!(err.contains("did you mean Germany?"), "{err}");
    assert!(err.contains("Slovakia"), "lists the valid countries: {err}");
    let err = fails(&["list", "--agreement", "treaty"], 2);
    assert!(err.contains("twin-city"), "{err}");
    let err = fails(&["list", "--status", "paused"], 2);
    assert!(err.contains("suspended"), "{err}");
    let err = fails(&["list", "--sort", "distanse"], 2);
    assert!(err.contains("distance_km"), "{err}");
    let err = fails(&["list", "--as-of", "2016-02-30"], 2);
    assert!(err.contains("2016-02 has days 01 to 29"), "{err}");
    fails(&["list", "--limit", "-1"], 2);
    fails(&["list", "--all", "--status", "active"], 2);
}

// ---------------------------------------------------------------- records

/// The city with the smallest (or largest) value of `key`, computed here directly.
fn extreme(cities: &[Value], key: impl Fn(&Value) -> Option<f64>, largest: bool) -> String {
    let mut best: Option<(f64, &str)> = None;
    for c in cities {
        if let Some(v) = key(c) {
            let name = c["name"].as_str().unwrap();
            let better = match best {
                None => true,
                Some((b, n)) if v == b => name < n,
                Some((b, _)) => (v > b) == largest,
            };
            if better {
                best = Some((v, name));
            }
        }
    }
    best.unwrap().1.to_string()
}

fn num(field: &'static str) -> impl Fn(&Value) -> Option<f64> {
    move |c| c[field].as_f64()
}

#[test]
fn every_record_is_the_minimum_or_maximum_of_its_measure() {
    let cities = json(&["list"]);
    let records = json(&["records"]);
    let holder = |name: &str| -> String {
        let r = records
            .iter()
            .find(|r| r["record"] == name)
            .unwrap_or_else(|| panic!("no record {name}"));
        r["city"]["name"].as_str().unwrap().to_string()
    };
    let date = |c: &Value| {
        c["signed"].as_str().map(|s| {
            let mut parts = s.split('-').map(|p| p.parse::<f64>().unwrap());
            let (y, m, d) = (
                parts.next().unwrap(),
                parts.next().unwrap_or(0.0),
                parts.next().unwrap_or(0.0),
            );
            y * 10_000.0 + m * 100.0 + d
        })
    };
    let abs_lat = |c: &Value| c["lat"].as_f64().map(f64::abs);
    let expected = [
        ("nearest", extreme(&cities, num("distance_km"), false)),
        ("farthest", extreme(&cities, num("distance_km"), true)),
        ("oldest", extreme(&cities, date, false)),
        ("youngest", extreme(&cities, date, true)),
        ("highest", extreme(&cities, num("elevation_m"), true)),
        ("lowest", extreme(&cities, num("elevation_m"), false)),
        ("northernmost", extreme(&cities, num("lat"), true)),
        ("southernmost", extreme(&cities, num("lat"), false)),
        ("easternmost", extreme(&cities, num("lon"), true)),
        ("westernmost", extreme(&cities, num("lon"), false)),
        ("closest-to-equator", extreme(&cities, abs_lat, false)),
        ("most-populous", extreme(&cities, num("population"), true)),
        ("least-populous", extreme(&cities, num("population"), false)),
        ("largest", extreme(&cities, num("area_km2"), true)),
        ("smallest", extreme(&cities, num("area_km2"), false)),
        ("densest", extreme(&cities, num("density_per_km2"), true)),
    ];
    assert_eq!(records.len(), expected.len());
    for (record, city) in expected {
        assert_eq!(holder(record), city, "record {record}");
    }
}

#[test]
fn named_records_only_in_the_order_asked() {
    let records = json(&["records", "highest", "nearest"]);
    let kinds: Vec<&str> = records
        .iter()
        .map(|r| r["record"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["highest", "nearest"]);
    assert_eq!(records[1]["unit"], "km");
    assert_eq!(records[0]["unit"], "m");
    let err = fails(&["records", "tallest"], 2);
    assert!(err.contains("highest"), "{err}");
}

#[test]
fn records_take_the_filters() {
    let europe = json(&["records", "farthest", "--continent", "europe"]);
    assert_eq!(europe[0]["city"]["continent"], "europe");
    let everywhere = json(&["records", "farthest"]);
    assert!(europe[0]["value"].as_f64() < everywhere[0]["value"].as_f64());
}

#[test]
fn top_gives_the_leaders_ranked() {
    let top = json(&["records", "nearest", "--top", "3"]);
    assert_eq!(top.len(), 3);
    let ranks: Vec<u64> = top.iter().map(|r| r["rank"].as_u64().unwrap()).collect();
    assert_eq!(ranks, [1, 2, 3]);
    let values: Vec<f64> = top.iter().map(|r| r["value"].as_f64().unwrap()).collect();
    assert!(values.windows(2).all(|w| w[0] <= w[1]), "{values:?}");
    fails(&["records", "--top", "0"], 2);
}

#[test]
fn unknown_values_are_left_out_never_counted_as_zero() {
    let data = data_file(concat!(
        "Unknown,,,,X,XX,europe,false,partnership,2000,active,,10,10,,,,,https://e.org,\n",
        "Low,,,,X,XX,europe,false,partnership,2001,active,,11,11,500,2020,5,12,https://e.org,\n",
        "High,,,,X,XX,europe,false,partnership,2002,active,,12,12,900,2020,9,800,https://e.org,\n",
    ));
    let path = data.path().to_str().unwrap();
    let records = json(&[
        "--data",
        path,
        "records",
        "lowest",
        "least-populous",
        "smallest",
        "densest",
    ]);
    for r in &records {
        assert_ne!(r["city"]["name"], "Unknown", "{r}");
    }
    assert_eq!(records[0]["city"]["name"], "Low");
    assert_eq!(records[0]["value"], 12);
    // With --top 3 only the two cities with a value are ranked.
    assert_eq!(
        json(&["--data", path, "records", "highest", "--top", "3"]).len(),
        2
    );
    let table = stdout(&["--data", path, "list", "--format", "table"]);
    let unknown_row = table.lines().find(|l| l.contains("Unknown")).unwrap();
    assert!(unknown_row.contains(" - "), "{unknown_row}");
    assert!(!unknown_row.contains(" 0 "), "{unknown_row}");
}

#[test]
fn ties_are_broken_by_name() {
    let data = data_file(concat!(
        "Zeta,,,,X,XX,europe,false,partnership,2000,active,,10,10,,,,300,https://e.org,\n",
        "Alpha,,,,X,XX,europe,false,partnership,2000,active,,10,10,,,,300,https://e.org,\n",
    ));
    let path = data.path().to_str().unwrap();
    for kind in ["highest", "lowest", "oldest", "youngest", "nearest"] {
        let r = json(&["--data", path, "records", kind]);
        assert_eq!(r[0]["city"]["name"], "Alpha", "{kind}");
    }
}

// ---------------------------------------------------------------- formats

#[test]
fn json_city_has_every_column_with_types() {
    let city = json(&["list", "--search", "kosice"]).remove(0);
    let keys: Vec<&str> = city
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected: Vec<&str> = HEADER.split(',').collect();
    expected.extend(["distance_km", "density_per_km2"]);
    assert_eq!(keys, expected);
    assert!(city["aliases"].is_array());
    assert!(city["sources"].as_array().is_some_and(|s| !s.is_empty()));
    assert!(city["capital"].is_boolean());
    assert!(city["lat"].is_f64());
    assert!(city["signed"].is_null(), "no signed document with Košice");
    assert_eq!(city["agreement"], "none");
    let d = city["distance_km"].as_f64().unwrap();
    assert!((d - 177.0).abs() <= 2.0, "{d}");
}

#[test]
fn ndjson_is_one_object_per_line() {
    let text = stdout(&["list", "--format", "ndjson"]);
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines, json(&["list"]));
    let records = stdout(&["records", "--format", "ndjson"]);
    assert_eq!(records.lines().count(), 16);
}

#[test]
fn json_shorthand_and_empty_answer() {
    assert_eq!(stdout(&["list", "--json", "--search", "nowhere"]), "[]\n");
    assert_eq!(
        stdout(&["list", "--format", "ndjson", "--search", "nowhere"]),
        ""
    );
    fails(&["list", "--json", "--format", "csv"], 2);
}

#[test]
fn csv_has_the_data_header_plus_distance_and_loads_back() {
    let csv = stdout(&["list", "--all", "--format", "csv"]);
    assert_eq!(csv.lines().next().unwrap(), format!("{},distance_km", HEADER));
    let file = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    std::fs::write(file.path(), &csv).unwrap();
    let path = file.path().to_str().unwrap();
    assert_eq!(
        json(&["--data", path, "list", "--all"]),
        json(&["list", "--all"]),
        "the tool's own CSV loads back unchanged"
    );
}

#[test]
fn tsv_is_the_default_when_piped() {
    let tsv = stdout(&["list", "--country", "de"]);
    let mut lines = tsv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "name\tcountry\tagreement\tsigned\tstatus\tdistance_km\tpopulation"
    );
    assert_eq!(lines.count(), 3);
    assert!(!tsv.contains('│'), "no borders when piped");
    let kosice = stdout(&["list", "--format", "tsv", "--search", "kosice"]);
    let row: Vec<&str> = kosice.lines().nth(1).unwrap().split('\t').collect();
    assert_eq!(row[3], "", "unknown signing date is an empty cell");
}

#[test]
fn table_has_units_and_dashes() {
    let table = stdout(&["list", "--format", "table", "--search", "kosice"]);
    let more = stdout(&[
        "list",
        "--format",
        "table",
        "--fields",
        "name,area_km2,elevation_m,density_per_km2",
    ]);
    for header in ["Area (km²)", "Elevation (m)", "Density (/km²)"] {
        assert!(more.contains(header), "{header} in\n{more}");
    }
    for header in ["Distance (km)", "Population"] {
        assert!(table.contains(header), "{header} in\n{table}");
    }
    let row = table.lines().find(|l| l.contains("Košice")).unwrap();
    assert!(row.contains(" - "), "no signing date shows a dash: {row}");
    let records = stdout(&["records", "nearest", "--format", "table"]);
    assert!(records.contains(" km"), "{records}");
}

#[test]
fn records_in_csv_and_tsv() {
    let csv = stdout(&["records", "nearest", "highest", "--format", "csv"]);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("record,rank,value,unit,name,")
    );
    assert!(lines.next().unwrap().starts_with("nearest,1,"));
    let tsv = stdout(&["records", "nearest"]);
    assert!(tsv.starts_with("record\trank\tvalue\tunit\tname\tcountry\tagreement\n"));
}

// ---------------------------------------------------------------- data files and errors

#[test]
fn a_bad_data_file_reports_every_problem_with_its_line() {
    let bad = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bad_rows.csv");
    let err = fails(&["--data", bad, "list"], 1);
    let expected = [
        "bad_rows.csv:2: lat: 95 is out of range (decimal degrees from -90 to 90)",
        "bad_rows.csv:3: population: '-3' is not a count of residents (a whole number, 0 or more)",
        "bad_rows.csv:4: continent: 'atlantis' is not one of: europe, asia, africa, north-america, south-america, oceania",
        "bad_rows.csv:5: signed: '2016-02-30' does not exist (2016-02 has days 01 to 29)",
        "bad_rows.csv:7: name: 'Duplicate' (XX) is already on line 6 (each city appears once)",
        "bad_rows.csv:8: name: is empty (a value is required)",
        "bad_rows.csv:9: sources: is empty (every row needs the URL of at least one source)",
        "bad_rows.csv:10: agreement: 'treaty' is not one of",
        "bad_rows.csv:11: status: 'paused' is not one of: active, suspended, ended",
        "bad_rows.csv:12: capital: 'yes' is not true or false",
        "bad_rows.csv:13: the row has 3 fields (the header has 20)",
        "bad_rows.csv:14: lon: -181 is out of range (decimal degrees from -180 to 180)",
        "bad_rows.csv:15: elevation_m: 'NaN' is not a finite number",
    ];
    for line in expected {
        assert!(err.contains(line), "missing «{line}» in\n{err}");
    }
    assert_eq!(
        err.lines().count(),
        expected.len(),
        "one line per problem:\n{err}"
    );
}

#[test]
fn a_missing_data_file_is_a_failure() {
    let err = fails(&["--data", "/no/such/file.csv", "list"], 1);
    assert!(err.contains("/no/such/file.csv"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn data_from_standard_input() {
    let csv = stdout(&["list", "--country", "de", "--format", "csv"]);
    let out = bin()
        .args(["--data", "-", "list", "--json"])
        .write_stdin(csv)
        .output()
        .unwrap();
    assert!(out.status.success());
    let cities: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(cities.len(), 3);
}

#[test]
fn help_names_every_command_and_filter() {
    let help = stdout(&["--help"]);
    for word in ["list", "records", "--data", "--format", "--json"] {
        assert!(help.contains(word), "{word}");
    }
    let list_help = stdout(&["list", "--help"]);
    for word in [
        "--continent",
        "--country",
        "--agreement",
        "--status",
        "--all",
        "--capital",
        "--search",
        "--as-of",
        "--sort",
        "--desc",
        "--limit",
    ] {
        assert!(list_help.contains(word), "{word}");
    }
}
