//! Terminal safety and output integrity: data never takes over a terminal, machine
//! formats keep the exact text, spreadsheet formulas can be guarded, and writing fails
//! loudly except on a closed pipe.

use crate::common::*;

const EVIL_NAME: &str = "Evil\u{1b}[31mRed\u{202e}txt";
const EVIL_NOTES: &str = "title\u{1b}]0;pwned\u{7} c1\u{9b}2J bell\u{7}";

fn evil_data() -> tempfile::NamedTempFile {
    data_file(&format!(
        "\"{EVIL_NAME}\",,,,X,XX,europe,false,partnership,2000,active,,,,50,20,,,,,https://e.org,\"{EVIL_NOTES}\"\n\
         \"=HYPERLINK(\"\"http://x\"\")\",,,,X,XX,europe,false,partnership,2000,active,,,,51,20,,,,,https://e.org,@SUM(A1)\n"
    ))
}

/// Runs under a pseudo-terminal; `None` where util-linux `script` is missing.
fn on_terminal(args: &str) -> Option<String> {
    let bin = assert_cmd::cargo::cargo_bin("krakow-partners");
    let line = format!("stty cols 200; '{}' {args}", bin.display());
    let out = std::process::Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env_remove("NO_COLOR")
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn tables_and_text_on_a_terminal_show_escapes_never_raw() {
    let data = evil_data();
    let path = data.path().to_str().unwrap();
    for args in [
        format!("--data {path} list --color never"),
        format!("--data {path} list --format tsv --fields name,notes"),
        format!("--data {path} show evil --color never"),
        format!("--data {path} records nearest --color never"),
    ] {
        let Some(seen) = on_terminal(&args) else {
            return;
        };
        assert!(!seen.contains('\u{1b}'), "raw ESC in {args}:\n{seen}");
        assert!(!seen.contains('\u{202e}'), "raw bidi override in {args}");
        assert!(!seen.contains('\u{9b}'), "raw C1 in {args}");
        assert!(!seen.contains('\u{7}'), "raw BEL in {args}");
        assert!(seen.contains("\\x1b[31m"), "{args}:\n{seen}");
        assert!(seen.contains("\\u{202e}"), "{args}:\n{seen}");
    }
    let show = on_terminal(&format!("--data {path} show evil --color never")).unwrap();
    assert!(show.contains("\\x1b]0;pwned\\x07"), "{show}");
    assert!(show.contains("\\u{9b}"), "{show}");
}

#[test]
fn tables_escape_even_into_a_pipe() {
    let data = evil_data();
    let path = data.path().to_str().unwrap();
    let table = stdout(&["--data", path, "list", "--format", "table"]);
    assert!(!table.contains('\u{1b}'));
    assert!(table.contains("\\x1b[31m"));
}

#[test]
fn json_and_csv_keep_the_exact_text() {
    let data = evil_data();
    let path = data.path().to_str().unwrap();
    let cities = json(&["--data", path, "list"]);
    let evil = cities.iter().find(|c| c["name"] == EVIL_NAME).unwrap();
    assert_eq!(evil["notes"], EVIL_NOTES);
    let csv = stdout(&["--data", path, "list", "--format", "csv"]);
    assert!(csv.contains(EVIL_NAME) && csv.contains(EVIL_NOTES));
    // Piped TSV is for programs too: exact.
    let tsv = stdout(&["--data", path, "list", "--fields", "name"]);
    assert!(tsv.contains(EVIL_NAME));
}

#[test]
fn messages_quote_data_escaped() {
    let out = bin()
        .args(["show", "\u{1b}]0;pwned\u{7}"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err}");
    assert!(err.contains("\\x1b]0;pwned\\x07"), "{err}");
    let bad = data_file(
        "A,,,,X,XX,\u{1b}[2Jeurope,false,partnership,2000,active,,,,50,20,,,,,https://e.org,\n",
    );
    let err = fails(&["--data", bad.path().to_str().unwrap(), "list"], 1);
    assert!(!err.contains('\u{1b}'), "{err}");
    assert!(
        err.contains("continent: '\\x1b[2Jeurope' is not one of"),
        "{err}"
    );
}

#[test]
fn formulas_are_guarded_on_request() {
    let data = evil_data();
    let path = data.path().to_str().unwrap();
    let plain = stdout(&[
        "--data",
        path,
        "list",
        "--format",
        "csv",
        "--fields",
        "name,notes,lat",
    ]);
    assert!(plain.contains("\n\"=HYPERLINK"), "{plain}");
    let guarded = stdout(&[
        "--data",
        path,
        "list",
        "--format",
        "csv",
        "--fields",
        "name,notes,lat",
        "--guard-formulas",
    ]);
    assert!(guarded.contains("\n\"'=HYPERLINK"), "{guarded}");
    assert!(guarded.contains(",'@SUM(A1),"), "{guarded}");
    // Numbers are numbers, not formulas: a negative latitude is left alone.
    let south = stdout(&[
        "list",
        "--format",
        "csv",
        "--fields",
        "name,lat",
        "--guard-formulas",
        "--search",
        "la serena",
    ]);
    assert!(south.contains(",-29."), "{south}");
}

/// A data file of `rows` made-up cities, to make answers far larger than a pipe's buffer.
fn big_data(rows: usize) -> tempfile::NamedTempFile {
    let mut text = String::new();
    for i in 0..rows {
        text.push_str(&format!(
            "City {i},,,,Country,XX,europe,false,partnership,2000,active,,,,{},{},{},2020,10,100,https://example.org/{i},\n",
            (i % 170) as f64 / 2.0 - 42.0,
            (i % 350) as f64 - 175.0,
            1000 + i
        ));
    }
    data_file(&text)
}

#[test]
fn output_larger_than_a_pipe_buffer_survives_a_closed_pipe_in_every_format() {
    let data = big_data(3000);
    let path = data.path().to_str().unwrap();
    let tsv = stdout(&["--data", path, "list"]);
    assert!(tsv.len() > 2 * 65_536, "{}", tsv.len());
    let bin = assert_cmd::cargo::cargo_bin("krakow-partners");
    for format in ["json", "ndjson", "geojson", "csv", "tsv", "table"] {
        let script = format!(
            "set -o pipefail; '{}' --data '{path}' list --format {format} | head -c 10 >/dev/null",
            bin.display()
        );
        let out = std::process::Command::new("bash")
            .args(["-c", &script])
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}: {:?}", out.status);
        assert!(
            out.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_full_disk_fails_in_every_format() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    for format in ["json", "csv", "tsv", "table", "geojson", "ndjson"] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("krakow-partners"))
            .args(["list", "--all", "--format", format])
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("No space left on device"));
    }
}

#[test]
fn exit_codes() {
    // 0: success, also for an empty answer.
    assert_eq!(stdout(&["list", "--search", "nowhere", "--json"]), "[]\n");
    // 1: failure (unknown city, bad data).
    fails(&["show", "atlantis"], 1);
    fails(&["--data", "/no/such/file", "list"], 1);
    // 2: usage.
    fails(&["list", "--continent", "atlantis"], 2);
    fails(&["list", "--country", "atlantis"], 2);
    fails(&["frobnicate"], 2);
}

#[test]
fn help_version_and_text_answers_into_a_full_disk_fail() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    for args in [
        &["--help"][..],
        &["--version"],
        &["list", "--help"],
        &["validate"],
        &["completions", "bash"],
        &["man"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let bin = assert_cmd::cargo::cargo_bin("krakow-partners");
        let out = std::process::Command::new(bin)
            .args(args)
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("cannot write to standard output"), "{err}");
    }
    assert!(stdout(&["--version"]).starts_with("krakow-partners "));
    assert!(stdout(&["--help"]).contains("Usage:"));
}
