//! Files people make by hand: only a name, a country (by name or code) and coordinates
//! are needed, every other column may be left out and is then unknown for every row,
//! and every command answers sensibly over them.

use serde_json::{Value, json};

use crate::common::*;

/// Berlin's coordinates under another name, and a city in a country ISO does not know.
const MINIMAL: &str =
    "name,country,lat,lon\nTestville,Germany,52.52,13.405\nFarville,Atlantis,-33.87,151.21\n";

fn minimal() -> tempfile::NamedTempFile {
    let file = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    std::fs::write(file.path(), MINIMAL).unwrap();
    file
}

fn with(path: &str, args: &[&str]) -> Vec<String> {
    let mut all = vec!["--data".to_string(), path.to_string()];
    all.extend(args.iter().map(|a| a.to_string()));
    all
}

fn run(path: &str, args: &[&str]) -> String {
    let all = with(path, args);
    stdout(&all.iter().map(String::as_str).collect::<Vec<_>>())
}

fn run_json(path: &str, args: &[&str]) -> Vec<Value> {
    let all = with(path, args);
    json(&all.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn a_missing_column_is_unknown_for_every_row() {
    let file = minimal();
    let path = file.path().to_str().unwrap();
    // No status column: the default (active) keeps the cities of unknown status.
    let cities = run_json(path, &["list"]);
    assert_eq!(names(&cities), ["Farville", "Testville"]);
    for city in &cities {
        for key in ["capital", "agreement", "status", "signed", "sources"] {
            assert_eq!(city[key], Value::Null, "{}: {key}", city["name"]);
        }
    }
    // The code and the continent are filled in from the ISO table; a country it lacks
    // keeps an unknown code and continent.
    assert_eq!(cities[1]["country_code"], "DE");
    assert_eq!(cities[1]["continent"], "europe");
    assert_eq!(cities[0]["continent"], Value::Null);
    assert_eq!(cities[0]["country"], "Atlantis");
    assert_eq!(cities[0]["country_code"], Value::Null);
    // Empty in CSV and TSV, a dash in tables.
    let csv = run(path, &["list", "--format", "csv"]);
    assert!(
        csv.contains("\nFarville,,,,Atlantis,,,,,,,,,,-33.87,151.21,,,,,,,"),
        "{csv}"
    );
    let tsv = run(path, &["list"]);
    assert!(tsv.contains("\nTestville\tGermany\t\t\t\t"), "{tsv}");
    let table = run(path, &["list", "--format", "table"]);
    let row = table.lines().find(|l| l.contains("Testville")).unwrap();
    assert!(row.contains("┆ - "), "{table}");
    let card = run(path, &["show", "farville", "--format", "table"]);
    for label in ["Country", "Continent", "Status", "Sources"] {
        let line = card.lines().find(|l| l.contains(label)).unwrap();
        let value = line
            .rsplit('┆')
            .next()
            .unwrap()
            .trim_end_matches('│')
            .trim();
        let expected = if label == "Country" { "Atlantis" } else { "-" };
        assert_eq!(value, expected, "{label}: {card}");
    }
    let out = stdout(&["validate", path]);
    assert!(
        out.contains("2 cities (0 active, 2 of unknown status), every row valid"),
        "{out}"
    );
}

#[test]
fn every_command_answers_over_a_minimal_file() {
    let file = minimal();
    let path = file.path().to_str().unwrap();
    let card: Value = serde_json::from_str(&run(path, &["show", "testville", "--json"])).unwrap();
    assert_eq!(
        (&card["country_code"], &card["status"]),
        (&json!("DE"), &Value::Null)
    );
    let records = run_json(path, &["records", "nearest", "farthest"]);
    assert_eq!(records[0]["city"]["name"], "Testville");
    assert_eq!(records[1]["city"]["name"], "Farville");
    assert_eq!(
        run_json(path, &["stats", "--by", "continent"]),
        [
            json!({"group": "europe", "count": 1, "cities": ["Testville"]}),
            json!({"group": "unknown", "count": 1, "cities": ["Farville"]})
        ]
    );
    let leg: Value =
        serde_json::from_str(&run(path, &["distance", "testville", "farville", "--json"])).unwrap();
    assert!(leg["distance_km"].as_f64().unwrap() > 15_000.0, "{leg}");
    // Nothing is dated: every city in the timeline's unknown period, not a failure.
    assert_eq!(
        run_json(path, &["timeline"]),
        [
            json!({"period": "unknown", "count": 2, "cities": ["Farville", "Testville"], "ended": []})
        ]
    );
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("x.svg");
    run(path, &["map", "-o", svg.to_str().unwrap()]);
    let svg = std::fs::read_to_string(svg).unwrap();
    assert!(svg.contains("Agreement unknown"), "no legend row for it");
    // A status unknown is not drawn as ended.
    assert!(
        !svg.lines()
            .any(|l| l.contains("class=\"arc\"") && l.contains("dasharray")),
        "drawn as ended"
    );
}

#[test]
fn a_filter_does_not_take_a_value_the_data_does_not_give() {
    let file = minimal();
    let path = file.path().to_str().unwrap();
    for filter in [
        &["--continent", "asia"][..],
        &["--continent", "!asia", "--country", "atlantis"],
        &["--agreement", "!none"],
        &["--status", "active"],
        &["--capital"],
    ] {
        let mut args = vec!["list"];
        args.extend(filter);
        assert!(run_json(path, &args).is_empty(), "{filter:?}");
    }
    assert_eq!(run_json(path, &["list", "--all"]).len(), 2);
    // show says why.
    let err = fails(
        &["--data", path, "show", "testville", "--status", "active"],
        1,
    );
    assert!(
        err.contains("Testville's status is unknown, so --status leaves it out; add --all"),
        "{err}"
    );
}

#[test]
fn an_unknown_group_comes_last() {
    let file = data_file_with(
        "name,country,continent,capital,lat,lon",
        "A,Germany,europe,true,50,10\nB,Atlantis,,,51,11\nC,Atlantis,,false,52,12",
    );
    let path = file.path().to_str().unwrap();
    let groups = run_json(path, &["stats", "--by", "continent"]);
    let order: Vec<&str> = groups
        .iter()
        .map(|g| g["group"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["europe", "unknown"]);
    let groups = run_json(path, &["stats", "--by", "capital"]);
    let order: Vec<&str> = groups
        .iter()
        .map(|g| g["group"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["capital", "not capital", "unknown"]);
}

#[test]
fn a_country_code_alone_gets_its_country_name() {
    let file = data_file_with(
        "name,country_code,lat,lon",
        "Testville,CZ,50,15\nNowhere,QQ,1,1",
    );
    let path = file.path().to_str().unwrap();
    let cities = run_json(path, &["list"]);
    let countries: Vec<(&Value, &Value)> = cities
        .iter()
        .map(|c| (&c["country"], &c["country_code"]))
        .collect();
    assert_eq!(
        countries,
        [
            (&Value::Null, &json!("QQ")),
            (&json!("Czechia"), &json!("CZ"))
        ]
    );
    assert_eq!(
        names(&run_json(path, &["list", "--country", "czech republic"])),
        ["Testville"]
    );
    // A country known only by its code reads as the code where a name is shown.
    let card = run(path, &["show", "nowhere", "--format", "table"]);
    assert!(
        card.lines()
            .any(|l| l.contains("Country") && l.contains("QQ")),
        "{card}"
    );
}

#[test]
fn the_same_minimal_file_in_tsv_json_and_ndjson() {
    let tsv = "name\tcountry\tlat\tlon\nTestville\tGermany\t52.52\t13.405\n";
    let json_array =
        r#"[{"name": "Testville", "country": "Germany", "lat": 52.52, "lon": 13.405}]"#;
    let ndjson =
        "{\"name\": \"Testville\", \"country_code\": \"DE\", \"lat\": 52.52, \"lon\": 13.405}\n";
    let expected = {
        let file = data_file_with("name,country,lat,lon", "Testville,Germany,52.52,13.405");
        run_json(file.path().to_str().unwrap(), &["list"])
    };
    assert_eq!(expected[0]["country_code"], "DE");
    for input in [tsv, json_array, ndjson] {
        let out = run_with_stdin(&["--data", "-", "list", "--json"], input);
        assert!(out.status.success(), "{input}: {out:?}");
        let got: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(got, expected, "{input}");
    }
}

#[test]
fn a_file_without_a_needed_column_is_refused_naming_it() {
    for (input, expected) in [
        (
            "name,country,lon\nA,Germany,10\n",
            "<stdin>:1: missing column lat (every data file has name, country or country_code, \
             lat and lon; any other column may be left out)",
        ),
        (
            "name\tcountry\tlon\nA\tGermany\t10\n",
            "<stdin>:1: missing column lat (every data file has",
        ),
        (
            r#"[{"name": "A", "country": "Germany", "lon": 10}]"#,
            "<stdin>:1: lat: is empty (decimal degrees from -90 to 90)",
        ),
        (
            "{\"name\": \"A\", \"country\": \"Germany\", \"lat\": 1, \"lon\": 10}\n\
             {\"name\": \"B\", \"country\": \"Germany\", \"lat\": 1}\n",
            "<stdin>:2: lon: is empty (decimal degrees from -180 to 180)",
        ),
        (
            "name,lat,lon\nA,1,1\n",
            "<stdin>:1: missing column country or country_code (every data file has",
        ),
        (
            "name,country,country_code,lat,lon\nA,,,1,1\n",
            "<stdin>:2: country: is empty, and no country_code is given (a row needs one of them)",
        ),
        (
            r#"[{"name": "A", "lat": 1, "lon": 1}]"#,
            "<stdin>:1: country: is empty, and no country_code is given (a row needs one of them)",
        ),
        (
            "name,country,lat,lon,contnent\n",
            "<stdin>:1: unknown column 'contnent'; did you mean continent?",
        ),
        (
            r#"[{"name": "A", "country": "Germany", "lat": 1, "lon": 1, "contnent": "europe"}]"#,
            "<stdin>:1: unknown field 'contnent'; did you mean continent?",
        ),
    ] {
        let out = run_with_stdin(&["--data", "-", "list"], input);
        assert_eq!(out.status.code(), Some(1), "{input}");
        assert!(out.stdout.is_empty(), "{input}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.strip_prefix("krakow-partners: ")
                .is_some_and(|e| e.starts_with(expected)),
            "{input}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{input}: {err}");
    }
}

#[test]
fn the_default_list_output_read_back_is_told_why_it_cannot_be() {
    let listed = stdout(&["list"]);
    assert!(listed.starts_with("name\tcountry\tagreement\t"), "{listed}");
    let out = run_with_stdin(&["--data", "-", "records"], &listed);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "krakow-partners: <stdin>:1: missing columns lat, lon: this looks like `list` output with its default \
         fields; use `--format csv` or `--json` to keep every column\n"
    );
    // With its coordinates kept, a narrowed output loads: what it lacks is unknown.
    let narrowed = stdout(&["list", "--fields", "name,country,lat,lon"]);
    let out = run_with_stdin(&["--data", "-", "records", "nearest", "--json"], &narrowed);
    assert!(out.status.success(), "{out:?}");
    let records: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(records[0]["city"]["name"], "Košice");
    assert_eq!(records[0]["city"]["country_code"], "SK");
    assert_eq!(records[0]["city"]["agreement"], Value::Null);
}
