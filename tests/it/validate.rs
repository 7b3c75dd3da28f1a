//! `validate`: the built-in data, a bad file, and data on standard input.

use crate::common::*;

#[test]
fn validate_the_built_in_data_and_a_file() {
    let ok = stdout(&["validate"]);
    assert!(ok.starts_with("data/partners.csv: 36 cities"), "{ok}");
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
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("<stdin>: 36 cities"));
}
