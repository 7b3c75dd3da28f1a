//! `validate`: the built-in data, a bad file, data on standard input, and the problems
//! as JSON for programs.

use crate::common::*;

#[test]
fn validate_the_built_in_data_and_a_file() {
    let ok = stdout(&["validate"]);
    assert!(ok.starts_with("data/partners.csv: 38 cities"), "{ok}");
    assert_eq!(ok.lines().count(), 1);
    let bad = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bad_rows.csv");
    let err = fails(&["validate", bad], 1);
    assert!(
        err.contains("bad_rows.csv:2: lat: 95 is out of range"),
        "{err}"
    );
    assert!(err.contains("bad_rows.csv:15: elevation_m: 'NaN' is not a finite number"));
    let json = stdout(&["list", "--all", "--json"]);
    let out = run_with_stdin(&["validate", "-"], &json);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("<stdin>: 38 cities"));
}

#[test]
fn each_problem_is_an_object_for_programs_and_a_line_for_people() {
    let bad = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bad_rows.csv");
    let out = bin()
        .args(["validate", bad, "--format", "ndjson"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let objects: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(
        objects[0],
        serde_json::json!({
            "file": bad,
            "line": 2,
            "item": null,
            "column": "lat",
            "value": "95",
            "message": "95 is out of range (decimal degrees from -90 to 90)"
        })
    );
    // The same problems, one line each, on standard error.
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), objects.len());
    assert!(
        err.starts_with(&format!(
            "krakow-partners: {bad}:2: lat: 95 is out of range"
        )),
        "{err}"
    );
    // --json: one array of the same objects.
    let out = bin().args(["validate", bad, "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let array: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(array, objects);
}

#[test]
fn a_problem_with_no_one_value_has_a_null_value() {
    let out = run_with_stdin(&["validate", "-", "--json"], "name,country\nOslo\n");
    assert_eq!(out.status.code(), Some(1));
    let array: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(array[0]["file"], "<stdin>");
    assert_eq!(array[0]["line"], 1);
    assert_eq!(array[0]["column"], serde_json::Value::Null);
    assert_eq!(array[0]["value"], serde_json::Value::Null);
}

#[test]
fn a_sound_file_for_programs_is_an_empty_array_and_the_summary_on_stderr() {
    let out = bin()
        .args(["validate", "--format", "JSON"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, b"[]\n");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("krakow-partners: data/partners.csv: 38 cities ("),
        "{err}"
    );
    let out = bin()
        .args(["validate", "--format", "ndjson"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    // Only formats that write one object per problem.
    let err = fails(&["validate", "--format", "csv"], 2);
    assert!(err.contains("(valid: json, ndjson)"), "{err}");
    // One file: FILE or --data, not both.
    let err = fails(&["validate", "a.csv", "--data", "b.csv"], 2);
    assert!(err.contains("cannot be used with '--data <FILE>'"), "{err}");
}

#[test]
fn one_city_is_one_city() {
    let file = data_file(
        "Oslo,,,,Norway,NO,europe,false,partnership,1990,active,,,,59.9,10.7,,,,,https://example.org,",
    );
    let ok = stdout(&["validate", file.path().to_str().unwrap()]);
    assert!(ok.contains(": 1 city (1 active), every row valid"), "{ok}");
}
