//! The tool's own output read back: TSV, CSV, JSON and NDJSON into `--data -` give the
//! same cities, whatever the text holds (tabs, line breaks, backslashes, quotes, carriage
//! returns); and Miller reads the TSV as the same values as the JSON.

use serde_json::Value;

use crate::common::*;

/// Cities whose names and notes hold everything TSV and CSV must escape or quote.
fn awkward_data() -> tempfile::NamedTempFile {
    let row = |name: &str, notes: &str, lat: u8| {
        format!(
            "\"{}\",,,,X,XX,europe,false,partnership,2000,active,,,,{lat},20,100,2020,1.5,3,https://e.org,\"{}\"\n",
            name.replace('"', "\"\""),
            notes.replace('"', "\"\"")
        )
    };
    data_file(
        &[
            row(
                "Tab\there",
                "line one\nline two \\ back\\slash \"q\" cr\rend",
                50,
            ),
            row("\"Quoted\" \\t", "\\t is not a tab, \\n not a line\\\\", 51),
            row("Back\\slash", "'single' and \"double\"; semi", 52),
        ]
        .concat(),
    )
}

/// Every column a data file has, for `--fields`.
fn every_column() -> String {
    HEADER.to_string()
}

/// What `args` print when fed `input` on standard input.
fn through(args: &[&str], input: &str) -> String {
    let out = run_with_stdin(args, input);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_tools_own_output_reads_back_in_every_format() {
    let data = awkward_data();
    let path = data.path().to_str().unwrap();
    let fields = every_column();
    for source in [None, Some(path)] {
        let with_data = |args: &[&str]| -> Vec<String> {
            let mut all: Vec<String> = source
                .map(|p| vec!["--data".to_string(), p.to_string()])
                .unwrap_or_default();
            all.extend(args.iter().map(|a| a.to_string()));
            all
        };
        let direct_args = with_data(&["list", "--all", "--format", "csv"]);
        let direct_args: Vec<&str> = direct_args.iter().map(String::as_str).collect();
        let direct = stdout(&direct_args);
        for written in [
            &["--format", "tsv", "--fields", &fields][..],
            &["--format", "csv"],
            &["--format", "json"],
            &["--format", "ndjson"],
        ] {
            let mut args = with_data(&["list", "--all"]);
            args.extend(written.iter().map(|a| a.to_string()));
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let text = stdout(&args);
            let again = through(&["--data", "-", "list", "--all", "--format", "csv"], &text);
            assert_eq!(again, direct, "{written:?} from {source:?} read back");
        }
    }
}

#[test]
fn tsv_is_one_line_per_row_and_never_quoted() {
    let data = awkward_data();
    let path = data.path().to_str().unwrap();
    let tsv = stdout(&["--data", path, "list", "--fields", "name,notes,population"]);
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(lines.len(), 4, "{tsv}");
    assert!(lines.iter().all(|l| l.split('\t').count() == 3), "{tsv}");
    assert!(!tsv.contains('\r'), "{tsv}");
    assert!(
        lines.contains(&"Tab\\there\tline one\\nline two \\\\ back\\\\slash \"q\" cr\\rend\t100"),
        "{tsv}"
    );
    assert!(
        lines.contains(&"\"Quoted\" \\\\t\t\\\\t is not a tab, \\\\n not a line\\\\\\\\\t100"),
        "{tsv}"
    );
    // cut reads the fields.
    let mut names: Vec<&str> = lines
        .iter()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["\"Quoted\" \\\\t", "Back\\\\slash", "Tab\\there", "name"]
    );
}

#[test]
fn no_header_leaves_out_the_header_line_of_csv_and_tsv() {
    let args = ["list", "--country", "de", "--fields", "name,population"];
    let tsv = stdout(&[&args[..], &["--no-header"]].concat());
    assert_eq!(tsv.lines().next(), Some("Frankfurt am Main\t773068"));
    assert_eq!(tsv.lines().count(), 3);
    let csv = stdout(&[&args[..], &["--format", "csv", "--no-header"]].concat());
    assert_eq!(csv.lines().next(), Some("Frankfurt am Main,773068"));
    assert_eq!(csv.lines().count(), 3);
    let empty = stdout(&["list", "--search", "nowhere", "--no-header"]);
    assert_eq!(empty, "");
    for format in ["json", "table", "ndjson"] {
        let err = fails(&["list", "--format", format, "--no-header"], 2);
        assert!(
            err.contains("--no-header is for --format csv and tsv"),
            "{err}"
        );
    }
}

#[test]
fn numbers_read_the_same_in_tsv_csv_and_json() {
    let fields = ["--fields", "name,distance_km,lat,population,area_km2"];
    let json = json(&[&["list", "--all"][..], &fields].concat());
    let tsv = stdout(&[&["list", "--all", "--format", "tsv"][..], &fields].concat());
    let csv = stdout(&[&["list", "--all", "--format", "csv"][..], &fields].concat());
    for (city, (tsv, csv)) in json
        .iter()
        .zip(tsv.lines().skip(1).zip(csv.lines().skip(1)))
    {
        let from_json: Vec<String> = ["name", "distance_km", "lat", "population", "area_km2"]
            .iter()
            .map(|k| match &city[k] {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        assert_eq!(tsv.split('\t').collect::<Vec<_>>(), from_json);
        assert_eq!(csv.split(',').collect::<Vec<_>>(), from_json);
    }
    // Edinburgh is 1675 km away: 1675, not 1675.0, in TSV as in JSON.
    let edinburgh = stdout(&["list", "--search", "edinburgh", "--fields", "distance_km"]);
    assert_eq!(edinburgh, "distance_km\n1675\n");
    let every = stdout(&["list", "--all", "--format", "csv"]);
    assert!(!every.contains(",-0,") && !every.contains(",-0.0,"));
}

/// The JSON value as the text a TSV cell holds.
fn as_cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(as_cell).collect::<Vec<_>>().join(";"),
        other => other.to_string(),
    }
}

#[test]
#[allow(clippy::print_stderr)] // A skipped test says why.
fn miller_reads_the_tsv_as_the_same_values_as_the_json() {
    if std::process::Command::new("mlr")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: Miller (mlr) is not installed (Debian: apt-get install miller)");
        return;
    }
    let data = awkward_data();
    let path = data.path().to_str().unwrap();
    let fields = every_column();
    for source in [None, Some(path)] {
        let prefix: Vec<&str> = source.map(|p| vec!["--data", p]).unwrap_or_default();
        let tsv = stdout(
            &[
                &prefix[..],
                &["list", "--all", "--format", "tsv", "--fields", &fields],
            ]
            .concat(),
        );
        let json = json(&[&prefix[..], &["list", "--all", "--fields", &fields]].concat());
        let out = std::process::Command::new("mlr")
            .args(["-S", "--itsv", "--ojson", "cat"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write;
                child.stdin.take().unwrap().write_all(tsv.as_bytes())?;
                child.wait_with_output()
            })
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let read: Vec<serde_json::Map<String, Value>> =
            serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(read.len(), json.len());
        for (miller, ours) in read.iter().zip(&json) {
            let ours = ours.as_object().unwrap();
            let keys: Vec<&String> = miller.keys().collect();
            assert_eq!(keys, ours.keys().collect::<Vec<_>>());
            for (key, value) in ours {
                assert_eq!(
                    as_cell(&miller[key]),
                    as_cell(value),
                    "{key} of {}",
                    ours["name"]
                );
            }
        }
    }
}
