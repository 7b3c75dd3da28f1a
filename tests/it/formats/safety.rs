//! Terminal safety and output integrity: data never takes over a terminal, machine
//! formats keep the exact text, spreadsheet formulas can be guarded, and writing fails
//! loudly except on a closed pipe.

use crate::common::*;

const EVIL_NAME: &str = "Evil\u{1b}[31mRed\u{202e}txt";
const EVIL_NOTES: &str = "title\u{1b}]0;pwned\u{7} c1\u{9b}2J bell\u{7}";
/// Invisible characters: a zero-width space, a byte order mark, a bidi isolate and the
/// Arabic letter mark, a DEL and a C1 next line.
const HIDDEN_NAME: &str = "Zero\u{200b}Width\u{feff}Bom\u{2066}Iso\u{61c}";
const HIDDEN_NOTES: &str = "del\u{7f} nel\u{85} lrm\u{200e} wj\u{2060}";

/// Every character that must never reach a terminal raw, in the data above.
const RAW: [char; 12] = [
    '\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{200b}', '\u{feff}', '\u{2066}', '\u{61c}',
    '\u{7f}', '\u{85}', '\u{200e}', '\u{2060}',
];

fn evil_data() -> tempfile::NamedTempFile {
    data_file(&format!(
        "\"{EVIL_NAME}\",,,,X,XX,europe,false,partnership,2000,active,,,,50,20,,,,,https://e.org,\"{EVIL_NOTES}\"\n\
         \"=HYPERLINK(\"\"http://x\"\")\",,,,X,XX,europe,false,partnership,2000,active,,,,51,20,,,,,https://e.org,@SUM(A1)\n\
         {HIDDEN_NAME},,,,X,XX,europe,false,partnership,2000,active,,,,52,20,,,,,https://e.org,{HIDDEN_NOTES}\n"
    ))
}

/// The first character of `RAW` in `text`, if any.
fn raw_in(text: &str) -> Option<char> {
    text.chars().find(|c| RAW.contains(c))
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
fn every_format_on_a_terminal_shows_escapes_never_raw() {
    let data = evil_data();
    let path = data.path().to_str().unwrap();
    for format in ["table", "tsv", "csv", "json", "ndjson", "geojson"] {
        let args =
            format!("--data {path} list --format {format} --fields name,notes --color never");
        let Some(seen) = on_terminal(&args) else {
            return;
        };
        assert_eq!(raw_in(&seen), None, "{format}:\n{seen}");
        let (zero_width, c1) = match format {
            "json" | "ndjson" | "geojson" => ("\\u200b", "\\u009b"),
            _ => ("\\u{200b}", "\\u{9b}"),
        };
        assert!(
            seen.contains(zero_width) && seen.contains(c1),
            "{format}:\n{seen}"
        );
    }
    for command in [
        "show zero",
        "records nearest --top 3",
        "stats --by country",
        "timeline",
    ] {
        let args = format!("--data {path} {command} --color never");
        let seen = on_terminal(&args).unwrap();
        assert_eq!(raw_in(&seen), None, "{command}:\n{seen}");
        assert!(
            seen.contains("Zero\\u{200b}Width\\u{feff}Bom"),
            "{command}:\n{seen}"
        );
    }
}

#[test]
fn json_writes_c1_bidi_and_zero_width_as_u_escapes_even_into_a_pipe() {
    let data = evil_data();
    let path = data.path().to_str().unwrap();
    for format in ["json", "ndjson", "geojson"] {
        let text = stdout(&["--data", path, "list", "--format", format]);
        assert_eq!(raw_in(&text), None, "{format}:\n{text}");
        assert!(
            text.contains("Zero\\u200bWidth\\ufeffBom\\u2066Iso\\u061c"),
            "{format}"
        );
        assert!(
            text.contains("del\\u007f nel\\u0085 lrm\\u200e wj\\u2060"),
            "{format}"
        );
    }
    // Lossless: the same text read back.
    let cities = json(&["--data", path, "list"]);
    let hidden = cities.iter().find(|c| c["name"] == HIDDEN_NAME).unwrap();
    assert_eq!(hidden["notes"], HIDDEN_NOTES);
}

#[test]
fn the_map_shows_escapes_never_raw() {
    let data = evil_data();
    let path = data.path().to_str().unwrap();
    let map = tempfile::Builder::new().suffix(".svg").tempfile().unwrap();
    let out = map.path().to_str().unwrap();
    stdout(&["--data", path, "map", "-o", out]);
    let svg = std::fs::read_to_string(out).unwrap();
    assert_eq!(raw_in(&svg), None);
    assert!(svg.contains("Zero\\u{200b}Width"), "{svg}");
    assert!(svg.contains("Evil\\x1b[31mRed\\u{202e}txt"));
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
    // Piped CSV and TSV are for programs too: exact.
    let tsv = stdout(&["--data", path, "list", "--fields", "name,notes"]);
    assert!(tsv.contains(EVIL_NAME) && tsv.contains(EVIL_NOTES));
    assert!(
        tsv.contains(&format!("{HIDDEN_NAME}\t{HIDDEN_NOTES}\n")),
        "{tsv}"
    );
    assert!(csv.contains(&format!("{HIDDEN_NAME},")) && csv.contains(HIDDEN_NOTES));
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

/// Whether every line of a message starts as a message about `file` does.
fn one_message_per_line(err: &str, file: &str) {
    assert!(!err.is_empty());
    for line in err.lines() {
        assert!(
            line.starts_with(&format!("krakow-partners: {file}")),
            "a line that is not a message of its own:\n{err}"
        );
    }
    assert_eq!(raw_in(err), None, "{err}");
}

#[test]
fn a_line_break_in_the_data_or_a_file_name_cannot_forge_a_message() {
    let bad = data_file(
        "A,,,,X,XX,\"europe\nforged.csv:9: lat: bad\",false,partnership,2000,active,,,,50,20,,,,,https://e.org,\n",
    );
    let path = bad.path().to_str().unwrap();
    let err = fails(&["--data", path, "list"], 1);
    one_message_per_line(&err, path);
    assert!(err.contains("'europe\\x0aforged.csv:9: lat: bad'"), "{err}");
    // A JSON key.
    let out = run_with_stdin(&["--data", "-", "list"], "[{\"na\\nme\u{200b}\": 1}]");
    let err = String::from_utf8(out.stderr).unwrap();
    one_message_per_line(&err, "<stdin>:");
    assert!(err.contains("unknown field 'na\\x0ame\\u{200b}'"), "{err}");
    // A file's name.
    let dir = tempfile::tempdir().unwrap();
    let named = dir.path().join("two\nlines\u{1b}[2J\u{202e}.csv");
    std::fs::write(&named, "name\n").unwrap();
    let err = fails(&["--data", named.to_str().unwrap(), "list"], 1);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("two\\x0alines\\x1b[2J\\u{202e}.csv:1: missing columns"),
        "{err}"
    );
    assert_eq!(raw_in(&err), None, "{err}");
    // A city's name typed on the command line.
    let err = fails(&["show", "x\nfile.csv:1: forged"], 1);
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn invisible_characters_in_messages_are_shown() {
    // clap's own messages too.
    let err = fails(&["list", "--continent", "europe\u{200b}"], 2);
    assert!(err.contains("'europe\\u{200b}'"), "{err}");
    let err = fails(&["list", "--country", "atlantis\u{feff}"], 2);
    assert!(err.contains("'atlantis\\u{feff}'"), "{err}");
    let header = data_file_with("name\u{200b},country", "A,X");
    let err = fails(&["--data", header.path().to_str().unwrap(), "list"], 1);
    assert!(err.contains("unknown column 'name\\u{200b}'"), "{err}");
}

#[test]
fn validate_shows_a_file_name_escaped_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let named = dir.path().join("t\u{1b}]0;title\u{7}.csv");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/partners.csv"),
        &named,
    )
    .unwrap();
    let quoted = format!("'{}'", named.to_str().unwrap());
    let Some(seen) = on_terminal(&format!("validate {quoted}")) else {
        return;
    };
    assert_eq!(raw_in(&seen), None, "{seen}");
    assert!(
        seen.contains("t\\x1b]0;title\\x07.csv: 38 cities"),
        "{seen}"
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
