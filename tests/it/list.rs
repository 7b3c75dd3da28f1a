//! `list`: the filters (continent, country, agreement, status, capital, search, as of),
//! sorting and limits, their usage errors, and `--help`.

use crate::common::*;

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
        "Old,,,,X,XX,europe,false,partnership,1990-05-01,ended,2000-01-01,,,1,1,,,,,https://e.org,\n",
        "New,,,,X,XX,europe,false,partnership,2010,active,,,,2,2,,,,,https://e.org,\n",
    ));
    let path = data.path().to_str().unwrap();
    let on = |date: &str| names(&json(&["--data", path, "list", "--all", "--as-of", date]));
    assert!(on("1990-04-30").is_empty());
    assert_eq!(on("1990-05-01"), ["Old"]);
    assert_eq!(on("1999-12-31"), ["Old"]);
    assert_eq!(on("2005"), ["Old"]);
    // Signed in 2010, day unknown: surely a partner only once 2010 is over; a year
    // given to --as-of is its last day.
    assert_eq!(on("2010-01-01"), ["Old"]);
    assert_eq!(on("2010-12-30"), ["Old"]);
    assert_eq!(on("2010-12-31"), ["New", "Old"]);
    assert_eq!(on("2010"), ["New", "Old"]);
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
    assert!(
        err.contains("did you mean europe?"),
        "suggests the close value: {err}"
    );
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

/// A row of a generated data file: names out of order, some partnerships ended.
fn town(n: usize) -> String {
    let (status, since) = if n.is_multiple_of(7) {
        ("ended", "2012-05-01")
    } else {
        ("active", "")
    };
    format!(
        "Town {n:05},,,,Poland,PL,europe,false,partnership,2001,{status},{since},,,50.1,19.9,{n},,,,\
         https://example.org/{n},A note long enough to make a file of many megabytes from few rows."
    )
}

#[test]
fn a_large_file_lists_as_a_small_one() {
    // Over 8 MB: the list keeps each city's place and reads it again as it is written.
    let count = 60_000;
    let order: Vec<usize> = (0..count).map(|i| i * 7919 % count).collect();
    let rows: Vec<String> = order.iter().map(|&n| town(n)).collect();
    let big = data_file(&rows.join("\n"));
    assert!(std::fs::metadata(big.path()).unwrap().len() > 8 << 20);
    let big = big.path().to_str().unwrap();
    // The same cities one by one in a small file: the cities kept as read.
    let picked = [3, 7, 42, 59_999];
    let small_rows: Vec<String> = picked.iter().map(|&n| town(n)).collect();
    let small = data_file(&small_rows.join("\n"));
    let small = small.path().to_str().unwrap();
    for args in [
        &["list", "--all", "--format", "json"][..],
        &["list", "--as-of", "2010", "--format", "csv"],
        &[
            "list",
            "--all",
            "--sort",
            "population",
            "--desc",
            "--format",
            "ndjson",
        ],
    ] {
        let of = |file: &str| {
            let mut all = vec!["--data", file];
            all.extend(args);
            stdout(&all)
        };
        let big_answer = of(big);
        let small_answer = of(small);
        // Every line of the small answer is in the big one, in the same order.
        let lines: Vec<&str> = big_answer.lines().collect();
        let mut at = 0;
        for line in small_answer
            .lines()
            .filter(|l| l.contains("Town") || !l.starts_with(' '))
        {
            match lines[at..].iter().position(|l| *l == line) {
                Some(i) => at += i + 1,
                None => panic!("{args:?}: {line:?} missing or out of order"),
            }
        }
    }
    let names = names(&json(&["--data", big, "list", "--all"]));
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names.len(), count);
    assert_eq!(names, sorted, "by name");
    // As of 2010 every partnership was in force, the later-ended ones too.
    let then = json(&["--data", big, "list", "--as-of", "2010"]);
    assert_eq!(then.len(), count);
    assert!(then.iter().all(|c| c["status"] == "active"));
    let now = json(&["--data", big, "list"]);
    assert_eq!(now.len(), count - count.div_ceil(7));
}

#[test]
fn sorting_by_name_descending_runs_z_to_a() {
    let down = names(&json(&["list", "--sort", "name", "--desc"]));
    let mut up = names(&json(&["list", "--sort", "name"]));
    up.reverse();
    assert_eq!(down, up);
}

#[test]
fn a_large_json_file_lists_as_its_csv() {
    // Over 8 MiB of JSON: the cities are read again from their objects.
    let rows: Vec<String> = (0..13_000).map(town).collect();
    let csv = data_file(&rows.join("\n"));
    let csv = csv.path().to_str().unwrap();
    let json_text = stdout(&["--data", csv, "list", "--all", "--format", "json"]);
    assert!(json_text.len() > 8 << 20, "{} bytes", json_text.len());
    let json_file = tempfile::Builder::new().suffix(".json").tempfile().unwrap();
    std::fs::write(json_file.path(), &json_text).unwrap();
    let json_path = json_file.path().to_str().unwrap();
    for args in [
        &["list", "--all", "--format", "csv"][..],
        &[
            "list",
            "--as-of",
            "2010",
            "--sort",
            "population",
            "--desc",
            "--format",
            "ndjson",
        ],
    ] {
        let of = |file: &str| {
            let mut all = vec!["--data", file];
            all.extend(args);
            stdout(&all)
        };
        assert_eq!(of(json_path), of(csv), "{args:?}");
    }
}

#[test]
fn a_negative_or_wrong_number_is_refused_naming_its_option() {
    for (args, expected) in [
        (
            &["list", "--limit", "-1"][..],
            "krakow-partners: invalid value '-1' for '--limit <N>': a whole number, 0 or more, is wanted",
        ),
        (
            &["list", "-n", "two"][..],
            "krakow-partners: invalid value 'two' for '--limit <N>': a whole number, 0 or more, is wanted",
        ),
        (
            &["records", "--top", "0"][..],
            "krakow-partners: invalid value '0' for '--top <N>': a whole number, 1 or more, is wanted",
        ),
        (
            &["list", "--as-of", "-2022"][..],
            "krakow-partners: invalid value '-2022' for '--as-of <DATE>': '-2022' is not a date",
        ),
    ] {
        let err = fails(args, 2);
        assert!(err.starts_with(expected), "{args:?}: {err}");
    }
}

/// The distance from `from` to each city of a JSON answer, worked out here from the
/// cities' own coordinates, to 0.1 km.
fn from_here(cities: &[serde_json::Value], from: (f64, f64)) -> Vec<f64> {
    cities
        .iter()
        .map(|c| {
            let to = (c["lat"].as_f64().unwrap(), c["lon"].as_f64().unwrap());
            (krakow_partners::geodesic_km(from, to) * 10.0).round() / 10.0
        })
        .collect()
}

#[test]
fn from_measures_distances_from_another_partner() {
    let vienna = json(&["list", "--search", "vienna"]);
    let at = (
        vienna[0]["lat"].as_f64().unwrap(),
        vienna[0]["lon"].as_f64().unwrap(),
    );
    let cities = json(&["list", "--from", "Wiedeń"]);
    let distances: Vec<f64> = cities
        .iter()
        .map(|c| c["distance_km"].as_f64().unwrap())
        .collect();
    assert_eq!(distances, from_here(&cities, at));
    // Vienna itself: 0 km, and no bearing.
    let own = json(&[
        "list",
        "--from",
        "vienna",
        "--search",
        "vienna",
        "--fields",
        "distance_km,bearing_deg,bearing",
    ]);
    assert_eq!(own[0]["distance_km"], 0);
    assert!(own[0]["bearing_deg"].is_null() && own[0]["bearing"].is_null());
    // --where and --sort measure from it too.
    let near = json(&[
        "list",
        "--from",
        "vienna",
        "--where",
        "distance_km<300",
        "--sort",
        "distance",
    ]);
    let expected: Vec<&str> = {
        let mut within: Vec<(f64, &str)> = cities
            .iter()
            .zip(&distances)
            .filter(|(_, d)| **d < 300.0)
            .map(|(c, d)| (*d, c["name"].as_str().unwrap()))
            .collect();
        within.sort_by(|a, b| a.0.total_cmp(&b.0));
        within.into_iter().map(|(_, n)| n).collect()
    };
    assert_eq!(names(&near), expected);
    assert!(
        expected.len() > 3 && expected[0] == "Vienna",
        "{expected:?}"
    );
    // Kraków's own names measure from Kraków, as without --from.
    assert_eq!(json(&["list", "--from", "cracow"]), json(&["list"]));
}

#[test]
fn from_is_said_in_tables_and_the_keys_stay() {
    let table = stdout(&["list", "--from", "vienna", "-n", "2", "--format", "table"]);
    assert!(table.contains("Distance from Vienna (km)"), "{table}");
    let tsv = stdout(&[
        "list",
        "--from",
        "vienna",
        "-n",
        "2",
        "--fields",
        "name,distance_km",
    ]);
    assert!(tsv.starts_with("name\tdistance_km\n"), "{tsv}");
    let err = fails(&["list", "--from", "viena"], 1);
    assert_eq!(
        err,
        "krakow-partners: --from: no partner city 'viena'; did you mean Vienna or Vilnius?\n"
    );
    let err = fails(&["list", "--from", "ky"], 1);
    assert!(err.contains("'ky' fits 2 cities"), "{err}");
    // Any city of the file, whatever the filters: Moscow's partnership ended.
    let from_moscow = json(&["list", "--from", "moscow", "--search", "kyiv"]);
    assert!(from_moscow[0]["distance_km"].as_f64().unwrap() < 800.0);
}
