//! Every file under tests/data/bad/ is refused: exit 1, nothing on stdout, and a message
//! naming the file and line (and the column, where the file's name starts with one),
//! never a panic. A new bad file is a new test.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use krakow_partners::HEADER;

fn bad_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// The column a file is about, from its name: `lat-91.csv` is about `lat`.
fn column_of(path: &Path) -> Option<&'static str> {
    let stem = path.file_stem()?.to_str()?;
    let prefix = stem.split('-').next()?;
    HEADER.split(',').find(|c| *c == prefix)
}

fn refused(path: &Path, command: &[&str]) -> String {
    let shown = path.to_str().unwrap();
    let mut args = vec!["--data", shown];
    args.extend(command);
    let out = bin().args(&args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{shown}: {err}");
    assert!(out.stdout.is_empty(), "{shown} wrote to stdout");
    assert!(!err.contains("panicked"), "{shown}: {err}");
    // `file:line: …` on the first line, with a line number.
    let first = err.lines().next().unwrap_or_default();
    let rest = first
        .strip_prefix(&format!("{shown}:"))
        .unwrap_or_else(|| panic!("{shown}: message does not name the file: {err}"));
    let line: String = rest.chars().take_while(char::is_ascii_digit).collect();
    assert!(!line.is_empty(), "{shown}: no line number: {err}");
    if let Some(column) = column_of(path) {
        assert!(
            err.lines().any(|l| l.contains(&format!(": {column}: "))),
            "{shown}: no message names the column {column}: {err}"
        );
    }
    err
}

#[test]
fn every_bad_file_is_refused_with_its_line() {
    let files = bad_files();
    assert!(files.len() >= 30, "{} files", files.len());
    for path in &files {
        refused(path, &["list"]);
        // validate says the same, on any command.
        let shown = path.to_str().unwrap();
        let out = bin().args(["validate", shown]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "validate {shown}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn the_messages_say_what_is_wrong() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad");
    for (file, expected) in [
        ("empty.csv", ":1: the file is empty"),
        ("header-only.csv", ":1: the file has no cities"),
        ("empty-array.json", ":1: the file has no cities"),
        ("invalid-utf8.csv", ":3: name: is not valid UTF-8 text"),
        ("nul-byte.csv", ":2: name: contains a NUL byte"),
        (
            "population-1e400.csv",
            ":2: population: '1e400' is not a count",
        ),
        (
            "population-fractional.csv",
            ":2: population: '1.5' is not a count",
        ),
        (
            "area_km2-inf.csv",
            ":2: area_km2: 'inf' is not a finite number",
        ),
        (
            "signed-2016-13-01.csv",
            ":2: signed: '2016-13-01' has no month 13",
        ),
        (
            "signed-0000-00-00.csv",
            ":2: signed: '0000-00-00' has no year 0",
        ),
        (
            "too-many-fields.csv",
            ":2: the row has 21 fields (the header has 20)",
        ),
        ("truncated.json", ":3: the JSON ends too early"),
        ("not-objects.json", ":2: expected a city object"),
        ("unknown-field.json", ":2: unknown field 'planet'"),
        ("missing-columns.csv", ":1: missing columns name_pl"),
        ("extra-column.csv", ":1: unknown column 'planet'"),
    ] {
        let err = refused(&dir.join(file), &["records"]);
        assert!(err.contains(expected), "{file}: {err}");
    }
}

#[test]
fn a_ten_megabyte_line_is_refused_quickly_and_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long-line.csv");
    let mut text = HEADER.to_string();
    text.push('\n');
    text.push_str(&"x".repeat(10 * 1024 * 1024));
    text.push('\n');
    std::fs::write(&path, text).unwrap();
    let err = refused(&path, &["list"]);
    assert!(
        err.contains(":2: the row has 1 field (the header has 20)"),
        "{}",
        &err[..200.min(err.len())]
    );
    assert!(
        err.len() < 10_000,
        "the message does not echo the whole line"
    );
}
