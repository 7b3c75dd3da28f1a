//! Files people bring: the tool's own GeoJSON read back, a spreadsheet's `;`-separated
//! CSV refused with how to convert it, and countries given as codes or short names.

use serde_json::Value;

use crate::common::*;

fn listed(input: &str, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--data", "-"];
    all.extend(args);
    all.push("--json");
    let out = run_with_stdin(&all, input);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn geojson_reads_back_as_the_cities_it_was_written_from() {
    let geojson = stdout(&["list", "--all", "--format", "geojson"]);
    assert_eq!(
        listed(&geojson, &["list", "--all"]),
        json(&["list", "--all"])
    );
    // From a file called .geojson too.
    let file = tempfile::Builder::new()
        .suffix(".geojson")
        .tempfile()
        .unwrap();
    std::fs::write(file.path(), &geojson).unwrap();
    let path = file.path().to_str().unwrap();
    assert_eq!(
        stdout(&["--data", path, "list", "--all", "--json"]),
        stdout(&["list", "--all", "--json"])
    );
}

#[test]
fn a_geojson_point_is_the_place_and_properties_must_agree_with_it() {
    let feature = |properties: &str| {
        format!(
            "{{\"type\": \"FeatureCollection\", \"features\": [\n\
             {{\"type\": \"Feature\", \"geometry\": {{\"type\": \"Point\", \"coordinates\": [19.94, 50.06]}},\n\
             \"properties\": {properties}}}]}}"
        )
    };
    let cities = listed(&feature(r#"{"name": "A", "country": "PL"}"#), &["list"]);
    assert_eq!(cities[0]["lat"], 50.06);
    assert_eq!(cities[0]["lon"], 19.94);
    assert_eq!(cities[0]["country"], "Poland");
    let wrong = feature(r#"{"name": "A", "country": "PL", "lat": 51, "lon": 19.94}"#);
    let out = run_with_stdin(&["--data", "-", "list"], &wrong);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim_end(),
        "krakow-partners: <stdin>:2: [0] lat: the properties say 51, the point's coordinates 50.06 (they must agree)"
    );
}

#[test]
fn a_spreadsheets_semicolon_separated_csv_with_decimal_commas_is_read() {
    let excel = "name;name_pl;country;lat;lon;aliases;notes\r\n\
                 Olomouc;Ołomuniec;CZ;49,59;17,25;\"Olmütz;Holomouc\";Moravia, Czechia\r\n\
                 \r\n\
                 Košice;Koszyce;Slovakia;48,72;21,26;;\r\n";
    let file = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    std::fs::write(file.path(), excel).unwrap();
    let path = file.path().to_str().unwrap();
    let cities = json(&["--data", path, "list", "--sort", "name"]);
    assert_eq!(names(&cities), ["Košice", "Olomouc"]);
    assert_eq!(cities[1]["lat"], 49.59);
    assert_eq!(cities[1]["lon"], 17.25);
    assert_eq!(
        cities[1]["aliases"],
        serde_json::json!(["Olmütz", "Holomouc"])
    );
    assert_eq!(cities[1]["notes"], "Moravia, Czechia");
    assert_eq!(cities[1]["country"], "Czechia");
    assert_eq!(cities[0]["continent"], "europe");
    // From standard input too, and problems at the file's own lines.
    let bad = "name;country;lat;lon\nA;PL;50,06;19,94\n\nB;PL;95,5;19\n";
    let out = run_with_stdin(&["--data", "-", "list"], bad);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("krakow-partners: <stdin>:4: lat: 95.5 is out of range"),
        "{stderr}"
    );
}

#[test]
fn a_country_given_as_a_code_or_short_name_reads_as_its_name() {
    let file = data_file_with(
        "name,country,lat,lon",
        "Olomouc,CZ,49.59,17.25\nRochester,USA,43.16,-77.61\nEdinburgh,UK,55.95,-3.19",
    );
    let path = file.path().to_str().unwrap();
    let cities = json(&["--data", path, "list"]);
    let countries: Vec<(&str, &str)> = cities
        .iter()
        .map(|c| {
            (
                c["country"].as_str().unwrap(),
                c["country_code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        countries,
        [
            ("United Kingdom", "GB"),
            ("Czechia", "CZ"),
            ("United States", "US")
        ]
    );
    let stats = stdout(&[
        "--data", path, "stats", "--by", "country", "--fields", "group",
    ]);
    assert_eq!(stats, "group\nCzechia\nUnited Kingdom\nUnited States\n");
}

#[test]
fn the_bundled_countries_are_read_as_written() {
    let text = std::fs::read_to_string("data/partners.csv").unwrap();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let header = rows.headers().unwrap().clone();
    let at = |key: &str| header.iter().position(|h| h == key).unwrap();
    let written: Vec<(String, String, String)> = rows
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                r[at("name")].to_string(),
                r[at("country")].to_string(),
                r[at("continent")].to_string(),
            )
        })
        .collect();
    let cities = json(&["list", "--all", "--sort", "name"]);
    let read: Vec<(String, String, String)> = cities
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                c["country"].as_str().unwrap().to_string(),
                c["continent"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut written = written;
    written.sort();
    let mut read = read;
    read.sort();
    assert_eq!(read, written);
}

#[test]
fn a_missing_continent_is_the_countrys_and_a_rows_own_wins() {
    let file = data_file_with(
        "name,country,country_code,continent,lat,lon",
        "Olomouc,Czechia,,,49.59,17.25\n\
         Tbilisi,,GE,,41.72,44.79\n\
         Panama City,Panama,,,8.98,-79.52\n\
         Base,Antarctica,,,-77.85,166.67\n\
         Odd,Japan,,europe,35,135\n\
         Nowhere,Atlantis,,,0,0",
    );
    let path = file.path().to_str().unwrap();
    let cities = json(&["--data", path, "list", "--sort", "name"]);
    let continents: Vec<(&str, &Value)> = cities
        .iter()
        .map(|c| (c["name"].as_str().unwrap(), &c["continent"]))
        .collect();
    assert_eq!(
        continents,
        [
            ("Base", &Value::Null),
            ("Nowhere", &Value::Null),
            ("Odd", &Value::from("europe")),
            ("Olomouc", &Value::from("europe")),
            ("Panama City", &Value::from("north-america")),
            ("Tbilisi", &Value::from("asia")),
        ]
    );
    // Without a continent column at all.
    let file = data_file_with(
        "name,country,lat,lon",
        "Olomouc,CZ,49.59,17.25\nKyoto,Japan,35,135",
    );
    let path = file.path().to_str().unwrap();
    let europe = json(&["--data", path, "list", "--continent", "europe"]);
    assert_eq!(names(&europe), ["Olomouc"]);
}

#[test]
fn names_pl_puts_countries_in_polish_for_people_and_english_for_programs() {
    let tsv = stdout(&[
        "list",
        "--names",
        "pl",
        "--search",
        "kosice",
        "--fields",
        "name,country",
    ]);
    assert_eq!(tsv, "name\tcountry\nKoszyce\tSłowacja\n");
    let card = stdout(&["show", "kosice", "--names", "pl", "--format", "table"]);
    assert!(card.contains("Słowacja (SK)"), "{card}");
    let records = stdout(&[
        "records",
        "nearest",
        "--names",
        "pl",
        "--fields",
        "name,country",
    ]);
    assert!(records.contains("Koszyce\tSłowacja"), "{records}");
    let json = one(&["show", "kosice", "--names", "pl"]);
    assert_eq!(json["country"], "Slovakia");
    let map = stdout(&["map", "--names", "pl", "--search", "kosice"]);
    assert!(map.contains("Koszyce (Košice), Słowacja"), "{map}");
    // A country the table does not know keeps the data's name.
    let file = data_file_with("name,country,lat,lon", "Farville,Atlantis,0,0");
    let path = file.path().to_str().unwrap();
    let tsv = stdout(&[
        "--data", path, "list", "--names", "pl", "--fields", "country",
    ]);
    assert_eq!(tsv, "country\nAtlantis\n");
}
