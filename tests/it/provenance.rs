//! Provenance: which source gives each value. A provenance file given with
//! `--evidence` (its rows checked alone and against the cities), the `provenance`
//! object in JSON (written, and read back), and a file without any.

use crate::common::*;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sourced.csv");
const EVIDENCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/sourced-evidence.csv"
);

/// A provenance file of `rows` under the header.
fn evidence_file(rows: &str) -> tempfile::NamedTempFile {
    data_file_with("city,field,url,quote,read", rows)
}

/// The problems `validate` reports for the fixture's data with a provenance file of
/// `rows`; it must fail.
fn refused(rows: &str) -> String {
    let evidence = evidence_file(rows);
    fails(
        &[
            "validate",
            DATA,
            "--evidence",
            evidence.path().to_str().unwrap(),
        ],
        1,
    )
}

/// The fixture's provenance file without the rows that contain `without`.
fn fixture_without(without: &str) -> String {
    let text = std::fs::read_to_string(EVIDENCE).unwrap();
    let rows: Vec<&str> = text
        .lines()
        .skip(1)
        .filter(|l| !l.contains(without))
        .collect();
    rows.join("\n")
}

#[test]
fn a_sourced_file_is_sound_and_its_json_carries_each_fields_urls_in_column_order() {
    let out = stdout(&["validate", DATA, "--evidence", EVIDENCE]);
    assert!(out.ends_with("every row valid\n"), "{out}");
    let city = one(&["--data", DATA, "--evidence", EVIDENCE, "show", "testville"]);
    let provenance = city["provenance"].as_object().unwrap();
    let keys: Vec<&str> = provenance.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "country",
            "country_code",
            "continent",
            "lat",
            "lon",
            "population",
            "population_year"
        ]
    );
    assert_eq!(
        city["provenance"]["population"],
        serde_json::json!([
            "https://example.org/atlas",
            "https://example.org/census/2021"
        ])
    );
    // The last key of a city, in list's JSON, NDJSON and GeoJSON alike.
    let listed = json(&["--data", DATA, "--evidence", EVIDENCE, "list", "--all"]);
    assert_eq!(listed[0]["provenance"], city["provenance"]);
    assert_eq!(
        listed[0].as_object().unwrap().keys().next_back().unwrap(),
        "provenance"
    );
    let geojson: serde_json::Value = serde_json::from_str(&stdout(&[
        "--data",
        DATA,
        "--evidence",
        EVIDENCE,
        "list",
        "--all",
        "--format",
        "geojson",
    ]))
    .unwrap();
    assert_eq!(
        geojson["features"][0]["properties"]["provenance"],
        city["provenance"]
    );
}

#[test]
fn provenance_reads_back_from_the_tools_own_json_ndjson_geojson_and_show_tsv() {
    let args = ["--data", DATA, "--evidence", EVIDENCE];
    let original = json(&[&args[..], &["list", "--all"]].concat());
    for format in ["json", "ndjson", "geojson"] {
        let written = stdout(&[&args[..], &["list", "--all", "--format", format]].concat());
        let out = run_with_stdin(&["--data", "-", "list", "--all", "--json"], &written);
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let back: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(back[0]["provenance"], original[0]["provenance"], "{format}");
    }
    // show's TSV has every field, its provenance as JSON text.
    let tsv = stdout(&[&args[..], &["show", "testville", "--format", "tsv"]].concat());
    let out = run_with_stdin(&["--data", "-", "list", "--all", "--json"], &tsv);
    let back: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(back[0]["provenance"], original[0]["provenance"]);
}

#[test]
fn a_file_without_provenance_is_valid_and_its_provenance_empty() {
    let file = data_file_with(
        "name,country,lat,lon,population",
        "Olomouc,CZ,49.59,17.25,100000",
    );
    let path = file.path().to_str().unwrap();
    stdout(&["validate", path]);
    let city = one(&["--data", path, "show", "olomouc"]);
    assert_eq!(city["provenance"], serde_json::json!({}));
    // The bundled data writes the object for every city.
    assert!(
        json(&["list", "--all"])
            .iter()
            .all(|c| c["provenance"].is_object())
    );
}

#[test]
fn a_value_without_a_source_fails_where_the_file_cites_any() {
    let err = refused(&fixture_without(",lat,"));
    assert!(
        err.starts_with(&format!(
            "krakow-partners: {DATA}:2: lat: has no source in "
        )) && err.ends_with("(each value needs a row there: city,field,url,quote,read)\n"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    // In JSON: a city with provenance, another with a value of none.
    let mut cities = json(&["--data", DATA, "--evidence", EVIDENCE, "list", "--all"]);
    let mut second = cities[0].clone();
    second["name"] = "Otherville".into();
    second["provenance"] = serde_json::json!({});
    cities.push(second);
    let out = run_with_stdin(&["validate", "-"], &serde_json::to_string(&cities).unwrap());
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("<stdin>:1: [1] country: has no source in the city's provenance"),
        "{err}"
    );
}

#[test]
fn each_wrong_row_of_a_provenance_file_is_named_at_its_line() {
    let good = fixture_without("\u{0}");
    for (row, expected) in [
        (
            "Testvile,lat,https://example.org/atlas,,2026-12-04",
            ":11: city: 'Testvile' is no city of the data; did you mean Testville?",
        ),
        (
            "Testville,name,https://example.org/atlas,,2026-12-04",
            ":11: field: 'name' does not take sources",
        ),
        (
            "Testville,notes,https://example.org/atlas,,2026-12-04",
            ":11: field: 'notes' does not take sources",
        ),
        (
            "Testville,lat,https://example.org/elsewhere,,2026-12-04",
            ":11: url: lat: 'https://example.org/elsewhere' is not among Testville's sources",
        ),
        (
            "Testville,lat,https://www.iso.org/iso-3166-country-codes.html,,2026-12-04",
            ":11: url: lat: 'https://www.iso.org/iso-3166-country-codes.html' is not among",
        ),
        (
            "Testville,elevation_m,https://example.org/atlas,,2026-12-04",
            ":11: field: elevation_m: cites a source for a value the city leaves empty",
        ),
        (
            "Testville,lat,https://,,2026-12-04",
            ":11: url: 'https://' has no host name",
        ),
        (
            "Testville,lat,https://example.org/atlas?q=a b,,2026-12-04",
            ":11: url: 'https://example.org/atlas?q=a b' holds a space",
        ),
        (
            "Testville,lat,https://example.org/atlas,,04.12.2026",
            ":11: read: '04.12.2026' is not a date",
        ),
        (
            "Testville,lat,https://example.org/atlas,,2026-12",
            ":11: read: '2026-12' is not a day",
        ),
        (
            "Testville,lat,https://example.org/atlas,Again,2026-12-05",
            ":11: url: 'https://example.org/atlas' is already given for Testville's lat on line 5",
        ),
    ] {
        let err = refused(&format!("{good}\n{row}"));
        assert!(
            err.contains(expected),
            "{row}: missing «{expected}» in\n{err}"
        );
        assert_eq!(err.lines().count(), 1, "{row}: {err}");
    }
}

#[test]
fn a_file_that_is_no_provenance_file_is_refused() {
    let wrong = data_file_with("city,field,link,quote,read", "");
    let err = fails(
        &[
            "validate",
            DATA,
            "--evidence",
            wrong.path().to_str().unwrap(),
        ],
        1,
    );
    assert!(err.contains(":1: unknown column 'link'"), "{err}");
    let err = fails(
        &["--data", DATA, "--evidence", "/nonexistent.csv", "list"],
        1,
    );
    assert!(
        err.starts_with("krakow-partners: cannot read /nonexistent.csv"),
        "{err}"
    );
    let err = fails(&["--data", "-", "--evidence", "-", "list"], 2);
    assert!(err.contains("cannot both read standard input"), "{err}");
}

#[test]
fn json_provenance_is_checked_against_its_city() {
    let mut city = one(&["--data", DATA, "--evidence", EVIDENCE, "show", "testville"]);
    for (provenance, expected) in [
        (
            serde_json::json!({"lat": ["https://example.org/elsewhere"]}),
            "provenance: lat: 'https://example.org/elsewhere' is not among Testville's sources",
        ),
        (
            serde_json::json!({"elevation_m": ["https://example.org/atlas"]}),
            "provenance: elevation_m: cites a source for a value the city leaves empty",
        ),
        (
            serde_json::json!({"aliases": ["https://example.org/atlas"]}),
            "provenance: 'aliases' does not take sources",
        ),
        (
            serde_json::json!(["https://example.org/atlas"]),
            "provenance: expected an object {\"field\": [URL, …]}",
        ),
    ] {
        city["provenance"] = provenance;
        let out = run_with_stdin(&["validate", "-"], &city.to_string());
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(expected), "missing «{expected}» in\n{err}");
    }
}
