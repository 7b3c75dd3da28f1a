//! Loading data, whatever the command: the built-in data, CSV and JSON from a file or
//! standard input, every bad file under tests/data/bad/ refused with its line, and a
//! large file read in parts giving the same answer however many parts there are.

use std::path::{Path, PathBuf};

use krakow_partners::{City, Count, Dialect, Format, HEADER, load, read_delimited};
use proptest::prelude::*;
use serde_json::Value;

use crate::common::*;

// ---------------------------------------------------------------- data files

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
        "bad_rows.csv:9: sources: 'ftp://example.org/' is not a URL (http:// or https://)",
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
fn works_from_any_directory_because_the_data_is_built_in() {
    let elsewhere = tempfile::tempdir().unwrap();
    let out = bin()
        .current_dir(elsewhere.path())
        .args(["list", "--search", "kosice", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let cities: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(cities[0]["name"], "Košice");
}

#[test]
fn json_and_csv_load_from_a_file_and_from_stdin() {
    let with_sources = json(&["list", "--all"]);
    for format in ["json", "csv"] {
        // JSON carries each value's sources; a CSV only the data's columns.
        let mut want = with_sources.clone();
        if format == "csv" {
            for city in &mut want {
                city["provenance"] = serde_json::json!({});
            }
        }
        let text = stdout(&["list", "--all", "--format", format]);
        let out = run_with_stdin(&["--data", "-", "list", "--all", "--json"], &text);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(got, want, "{format} from stdin loses nothing");
        let file = tempfile::Builder::new()
            .suffix(&format!(".{format}"))
            .tempfile()
            .unwrap();
        std::fs::write(file.path(), &text).unwrap();
        assert_eq!(
            json(&["--data", file.path().to_str().unwrap(), "list", "--all"]),
            want,
            "{format} from a file loses nothing"
        );
    }
}

#[test]
fn a_jq_style_filter_feeds_records() {
    // What `list --all --json | jq 'map(select(.population > 1000000))'` gives.
    let big: Vec<Value> = json(&["list", "--all"])
        .into_iter()
        .filter(|c| c["population"].as_u64().is_some_and(|p| p > 1_000_000))
        .collect();
    let input = serde_json::to_string(&big).unwrap();
    let out = run_with_stdin(
        &["--data", "-", "records", "least-populous", "--json"],
        &input,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(records[0]["value"].as_u64().unwrap() > 1_000_000);
}

#[test]
fn bom_crlf_and_quoted_fields_are_read() {
    let text = format!(
        "\u{feff}{}\r\n\"Town, the\",,,\"a;b\",X,XX,europe,false,partnership,2000,active,,,,1,1,,,,,https://e.org,\"said \"\"hi\"\"\r\nthen\"\r\n",
        HEADER
    );
    let out = run_with_stdin(&["--data", "-", "list", "--json"], &text);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cities: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(cities[0]["name"], "Town, the");
    assert_eq!(cities[0]["aliases"], serde_json::json!(["a", "b"]));
    assert_eq!(cities[0]["notes"], "said \"hi\"\r\nthen");
}

#[test]
fn bad_json_is_reported_by_line() {
    for (input, expected) in [
        // A single object is NDJSON of one city; a value that is not an object is not.
        ("[1]", "<stdin>:1: expected a city object"),
        ("[\n{\"name\": \"A\"", "<stdin>:2: the JSON ends too early"),
        (
            "[\n\n  {\"name\": 3}\n]",
            "<stdin>:3: name: expected a text",
        ),
        (
            "[{\"capital\": \"yes\"}]",
            "<stdin>:1: capital: expected true or false",
        ),
        ("[{\"lat\": \"50\"}]", "<stdin>:1: lat: expected a number"),
        ("[{\"planet\": 3}]", "<stdin>:1: unknown field 'planet'"),
        ("[1]", "<stdin>:1: expected a city object"),
    ] {
        let out = run_with_stdin(&["--data", "-", "list"], input);
        assert_eq!(out.status.code(), Some(1), "{input}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{input}: {err}");
    }
}

// ---------------------------------------------------------------- bad input

// Every file under tests/data/bad/ is refused: exit 1, nothing on stdout, and a message
// naming the file and line (and the column, where the file's name starts with one),
// never a panic. A new bad file is a new test.

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
    // `krakow-partners: file:line: …` on the first line, with a line number.
    let first = err.lines().next().unwrap_or_default();
    let rest = first
        .strip_prefix(&format!("krakow-partners: {shown}:"))
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
        // A file whose first block is not text stops there, with what it seems to be.
        (
            "invalid-utf8.csv",
            ":3: is not UTF-8 text (byte 0xFF); it looks like ISO-8859-2: convert it first: \
             iconv -f ISO-8859-2 -t UTF-8",
        ),
        ("nul-byte.csv", ":2: holds a NUL byte (byte "),
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
        (
            "missing-columns.csv",
            ":1: missing columns lat, lon (every data file has name, country or country_code, \
             lat and lon; any other column may be left out)",
        ),
        ("extra-column.csv", ":1: unknown column 'planet'"),
        (
            "wrong-column.csv",
            ":1: unknown column 'kontinent'; did you mean continent?",
        ),
        // By its name, a broken JSON file is told what is wrong with it as JSON.
        ("not-json.json", ":1: not valid JSON"),
        (
            "list-default-fields.tsv",
            ":1: missing columns lat, lon: this looks like `list` output with its default fields; use `--format csv` or `--json` \
             to keep every column",
        ),
        (
            "too-few-fields.tsv",
            ":2: the row has 4 fields (the header has 22)",
        ),
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
        err.contains(":2: the row has 1 field (the header has 22)"),
        "{}",
        &err[..200.min(err.len())]
    );
    assert!(
        err.len() < 10_000,
        "the message does not echo the whole line"
    );
}

// ---------------------------------------------------------------- parts

// A large file is read in parts, one per core, each starting at a guessed row; the
// answer must not depend on how many parts there are: the same cities, or the same
// problems on the same lines.

/// One row: sound, or broken in one of several ways; names repeat so that duplicates
/// fall in different parts; notes may hold quoted line breaks.
fn row() -> impl Strategy<Value = String> {
    (0u32..40, 0u8..12, "[a-z ]{0,12}").prop_map(|(n, kind, text)| {
        let good = |name: String, notes: String| {
            format!(
                "{name},,,,Poland,PL,europe,false,partnership,2001,active,,,,50.1,19.9,,,,,https://example.org/{n},{notes}"
            )
        };
        match kind {
            0 => good(format!("Town {n}"), format!("\"two\nlines {text}\"")),
            1 => good(format!("\"Town, {n}\""), format!("\"say \"\"{text}\"\"\"")),
            2 => good(format!("Town {n}"), String::new()).replace("50.1", "95"),
            3 => good(format!("Town {n}"), String::new()).replace(",PL,", ",XX1,"),
            4 => String::new(),
            5 => format!("Town {n},too,few"),
            6 => good(format!("TOWN {n}"), text),
            _ => good(format!("Town {n}"), text),
        }
    })
}

fn file() -> impl Strategy<Value = String> {
    prop::collection::vec(row(), 1..120).prop_map(|rows| format!("{HEADER}\n{}\n", rows.join("\n")))
}

/// The same rows as TSV, as the tool writes it: tabs, line breaks and backslashes
/// escaped, quotes as text.
fn tsv_row() -> impl Strategy<Value = String> {
    (0u32..40, 0u8..10, "[a-z \\\\\t\n\"]{0,12}").prop_map(|(n, kind, text)| {
        let escaped = text
            .replace('\\', "\\\\")
            .replace('\t', "\\t")
            .replace('\n', "\\n");
        let good = |name: String, notes: String| {
            format!(
                "{name}\t\t\t\tPoland\tPL\teurope\tfalse\tpartnership\t2001\tactive\t\t\t\t50.1\t19.9\t\t\t\t\thttps://example.org/{n}\t{notes}"
            )
        };
        match kind {
            0 => good(format!("Town\\t{n}"), format!("two\\nlines {escaped}")),
            1 => good(format!("\"Town, {n}\""), escaped),
            2 => good(format!("Town {n}"), String::new()).replace("50.1", "95"),
            3 => good(format!("Town {n}"), String::new()).replace("\tPL\t", "\tXX1\t"),
            4 => String::new(),
            5 => format!("Town {n}\ttoo\tfew"),
            // A CRLF line end.
            6 => format!("{}\r", good(format!("TOWN {n}"), escaped)),
            _ => good(format!("Town {n}"), escaped),
        }
    })
}

fn tsv_file() -> impl Strategy<Value = String> {
    prop::collection::vec(tsv_row(), 1..120)
        .prop_map(|rows| format!("{}\n{}\n", HEADER.replace(',', "\t"), rows.join("\n")))
}

fn answer_in(dialect: Dialect, text: &str, parts: usize) -> Result<Vec<City<'static>>, String> {
    read_delimited(text.as_bytes(), "f", dialect, parts, &Vec::new)
        .map(|cities| cities.into_iter().map(City::into_owned).collect())
        .map_err(|e| e.to_string())
}

fn answer(text: &str, parts: usize) -> Result<Vec<City<'static>>, String> {
    answer_in(Dialect::Csv, text, parts)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_number_of_parts_gives_the_same_answer(text in file(), parts in 2usize..7) {
        let whole = answer(&text, 1);
        prop_assert_eq!(answer(&text, parts), whole.clone());
        let count = read_delimited(text.as_bytes(), "f", Dialect::Csv, parts, &Count::default).map_err(|e| e.to_string());
        prop_assert_eq!(count.map(|c| c.cities), whole.map(|cities| cities.len()));
    }

    #[test]
    fn any_number_of_parts_gives_the_same_answer_in_tsv(text in tsv_file(), parts in 2usize..7) {
        let whole = answer_in(Dialect::Tsv, &text, 1);
        prop_assert_eq!(answer_in(Dialect::Tsv, &text, parts), whole.clone());
        // Read whole, the file is TSV by its content.
        prop_assert_eq!(load(text.as_bytes(), "f").map(|c| c.len()).map_err(|e| e.to_string()), whole.map(|c| c.len()));
    }
}

#[test]
fn a_duplicate_in_a_later_part_names_the_first_line() {
    let row = |n: usize| {
        format!("Town {n},,,,Poland,PL,europe,false,none,,active,,,,50,19,,,,,https://e.org,")
    };
    let mut rows: Vec<String> = (0..200).map(row).collect();
    rows.push("TOWN 3,,,,Poland,PL,europe,false,none,,active,,,,50,19,,,,,https://e.org,".into());
    let text = format!("{HEADER}\n{}\n", rows.join("\n"));
    for parts in 1..5 {
        let err = answer(&text, parts).unwrap_err();
        assert_eq!(
            err,
            "krakow-partners: f:202: name: 'TOWN 3' (PL) is already on line 5 (each city appears once)",
            "{parts} parts"
        );
    }
}

#[test]
fn large_answers_written_on_every_core_read_back_whole() {
    let rows: Vec<String> = (0..60_000)
        .map(|n| format!("\"Town, {n}\",,,,Poland,PL,europe,false,partnership,2001,active,,,,50.{n},19.9,{n},,,,https://e.org/{n},\"say \"\"{n}\"\"\""))
        .collect();
    let text = format!("{HEADER}\n{}\n", rows.join("\n"));
    let cities = answer(&text, 1).unwrap();
    for format in [Format::Csv, Format::Json] {
        let written = written(&cities, format);
        let again = load(written.as_bytes(), "again").unwrap();
        assert!(again == cities, "{format:?} did not read back whole");
    }
    let lines = written(&cities, Format::Ndjson);
    let names: Vec<String> = lines
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["name"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let expected: Vec<String> = cities.iter().map(|c| c.name.to_string()).collect();
    assert_eq!(names, expected);
}

#[test]
fn a_file_over_sixteen_megabytes_reads_the_same_from_a_path_and_from_a_pipe() {
    // Large files are read from a path in pieces on every core; a pipe is read from
    // start to end. The rows are long and varied, so a misplaced piece would show.
    let rows: Vec<String> = (0..70_000)
        .map(|n| format!("Town {n:05},,,,Poland,PL,europe,false,partnership,2001,active,,,,50.{n},19.9,{n},,,,https://e.org/{n},{}", "x".repeat(n % 300)))
        .collect();
    let text = format!("{HEADER}\n{}\n", rows.join("\n"));
    assert!(text.len() > 16 << 20, "{} bytes", text.len());
    let file = data_file_with(&HEADER, &text[HEADER.len() + 1..]);
    let args = |data: &str| {
        [
            "--data",
            data,
            "list",
            "--all",
            "--format",
            "csv",
            "--sort",
            "population",
        ]
        .map(str::to_string)
    };
    let from_path = bin()
        .args(args(file.path().to_str().unwrap()))
        .output()
        .unwrap();
    let from_pipe = run_with_stdin(&args("-").each_ref().map(String::as_str), &text);
    assert!(
        from_path.status.success(),
        "{}",
        String::from_utf8_lossy(&from_path.stderr)
    );
    assert_eq!(from_path.stdout, from_pipe.stdout);
    let last = String::from_utf8(from_path.stdout).unwrap();
    assert_eq!(last.lines().count(), 70_001);
    assert!(last.lines().last().unwrap().starts_with("Town 69999,"));
}

#[test]
fn a_file_without_cities_is_an_empty_dataset() {
    // A middle stage of a pipeline that selects nothing: every answer is empty, exit 0.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/empty");
    for file in [
        "header-only.csv",
        "header-only.tsv",
        "empty-array.json",
        "empty.csv",
        "blank-lines.csv",
    ] {
        let path = dir.join(file);
        let path = path.to_str().unwrap();
        assert!(json(&["--data", path, "list"]).is_empty(), "{file}");
        assert!(json(&["--data", path, "records"]).is_empty(), "{file}");
        assert!(json(&["--data", path, "stats"]).is_empty(), "{file}");
        assert!(json(&["--data", path, "timeline"]).is_empty(), "{file}");
        let summary = stdout(&["validate", path]);
        assert!(
            summary.contains(": 0 cities (0 active), every row valid"),
            "{summary}"
        );
    }
    let empty = stdout(&["list", "--continent", "oceania", "--json"]);
    let out = run_with_stdin(&["--data", "-", "records", "--json"], &empty);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
    // NDJSON of nothing is nothing at all: 0 bytes.
    let none = stdout(&["list", "--continent", "oceania", "--format", "ndjson"]);
    assert_eq!(none, "");
    let out = run_with_stdin(&["--data", "-", "stats", "--json"], &none);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
}

#[test]
fn the_tools_own_ndjson_reads_back() {
    let lines = stdout(&["list", "--all", "--format", "ndjson"]);
    let out = run_with_stdin(&["--data", "-", "list", "--all", "--json"], &lines);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(again, json(&["list", "--all"]));
    // A broken line is named by its line.
    let out = run_with_stdin(&["--data", "-", "list"], "{\"name\": \"A\"}\n{\"name\": \n");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("krakow-partners: <stdin>:"), "{err}");
}
