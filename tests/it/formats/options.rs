//! Options mean something or are refused: an option a command does not take, values in
//! any case, the last of `--json` and `--format`, options before the command, and
//! `--fields` with each command's own columns.

use crate::common::*;

#[test]
fn an_option_a_command_does_not_take_is_refused_with_the_commands_that_do() {
    let cases: [(&[&str], &str); 6] = [
        (&["map", "--format", "csv"], "map does not take --format"),
        (&["map", "--json"], "map does not take --json"),
        (&["man", "--json"], "man does not take --json"),
        (
            &["validate", "--fields", "name"],
            "validate does not take --fields",
        ),
        (
            &["distance", "--names", "pl"],
            "distance does not take --names",
        ),
        (
            &["completions", "bash", "--data", "x.csv"],
            "completions does not take --data",
        ),
    ];
    for (args, says) in cases {
        let err = fails(args, 2);
        assert!(
            err.starts_with(&format!("krakow-partners: {says} (an option of ")),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    // Before the command, the same.
    let err = fails(&["--format", "csv", "map"], 2);
    assert!(
        err.starts_with("krakow-partners: map does not take --format"),
        "{err}"
    );
}

#[test]
fn options_may_come_before_the_command() {
    assert_eq!(
        stdout(&["--json", "list", "--search", "kosice", "--fields", "name"]),
        "[\n  {\n    \"name\": \"Košice\"\n  }\n]\n"
    );
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/partners.csv");
    assert_eq!(
        stdout(&["--data", path, "--fields=name", "list", "-n", "1"]),
        "name\nBordeaux\n"
    );
}

#[test]
fn every_value_is_case_insensitive() {
    let json = stdout(&["list", "--format", "JSON", "--search", "kosice"]);
    assert!(json.starts_with("[\n"), "{json}");
    let tsv = stdout(&[
        "list", "--names", "PL", "--search", "kosice", "--fields", "NAME",
    ]);
    assert_eq!(tsv, "name\nKoszyce\n");
    let by = stdout(&[
        "stats",
        "--by",
        "Status",
        "--all",
        "--fields",
        "group,count",
    ]);
    assert!(by.starts_with("group\tcount\nactive\t"), "{by}");
    assert!(stdout(&["timeline", "--by", "DECADE"]).contains("1970s"));
    assert!(stdout(&["completions", "BASH"]).contains("krakow"));
    let table = stdout(&["list", "--color", "Never", "--format", "Table", "-n", "1"]);
    assert!(!table.contains('\x1b'), "{table}");
}

#[test]
fn the_last_format_given_wins() {
    let csv = stdout(&["list", "--json", "--format", "csv", "-n", "1", "-f", "name"]);
    assert_eq!(csv, "name\nBordeaux\n");
    let json = stdout(&["list", "--format", "csv", "--json", "-n", "1", "-f", "name"]);
    assert!(json.starts_with("[\n  {"), "{json}");
    let ndjson = stdout(&[
        "list", "--format", "csv", "--format", "ndjson", "-n", "1", "-f", "name",
    ]);
    assert_eq!(ndjson, "{\"name\":\"Bordeaux\"}\n");
    // Before and after the command: the later one.
    let tsv = stdout(&["--json", "list", "--format", "tsv", "-n", "1", "-f", "name"]);
    assert_eq!(tsv, "name\nBordeaux\n");
}

#[test]
fn fields_are_each_commands_own_columns() {
    assert_eq!(
        stdout(&["distance", "kyiv", "lviv", "--fields", "distance_km"]),
        "distance_km\n468.7\n"
    );
    let leg = one(&["distance", "kyiv", "--fields", "to,bearing"]);
    assert_eq!(leg, serde_json::json!({"to": "Kyiv", "bearing": "E"}));
    let stats = stdout(&["stats", "--fields", "count,group"]);
    assert!(stats.starts_with("count\tgroup\n23\teurope\n"), "{stats}");
    let records = stdout(&["records", "highest", "--top", "2", "--fields", "name,value"]);
    assert_eq!(records, "name\tvalue\nCusco\t3399\nQuito\t2850\n");
    let timeline = stdout(&["timeline", "--by", "decade", "--fields", "period,count"]);
    assert!(timeline.starts_with("period\tcount\n1970s\t"), "{timeline}");
    // A record's city stays nested in JSON, whatever the order asked for.
    let nearest = json(&["records", "nearest", "--fields", "name,rank,country"]);
    assert_eq!(
        nearest[0],
        serde_json::json!({"city": {"name": "Košice", "country": "Slovakia"}, "rank": 1})
    );
}

#[test]
fn a_table_of_records_shows_the_unit_with_the_value_unless_asked_apart() {
    let joined = stdout(&[
        "records",
        "nearest",
        "--format",
        "table",
        "-f",
        "name,value",
    ]);
    assert!(joined.contains("177 km"), "{joined}");
    let apart = stdout(&[
        "records",
        "nearest",
        "--format",
        "table",
        "-f",
        "value,unit",
    ]);
    assert!(
        apart.contains("Unit") && !apart.contains("177 km"),
        "{apart}"
    );
}

#[test]
fn fields_outside_a_commands_columns_or_repeated_are_refused() {
    let err = fails(&["distance", "kyiv", "--fields", "population"], 2);
    assert_eq!(
        err,
        "krakow-partners: unknown field 'population' (valid: from, to, distance_km, \
         bearing_deg, bearing)\n"
    );
    let err = fails(&["list", "--fields", "name,NAME", "--format", "json"], 2);
    assert_eq!(
        err,
        "krakow-partners: --fields names 'name' twice (each field is shown once)\n"
    );
    fails(&["records", "--fields", "value,distance,distance_km"], 2);
}

#[test]
fn each_commands_help_lists_its_fields() {
    let cases: [(&str, &str); 5] = [
        ("stats", "group, count, cities"),
        ("timeline", "period, count, cities, ended"),
        ("distance", "from, to, distance_km, bearing_deg, bearing"),
        ("records", "record, rank, value, unit, name,"),
        ("list", "name, name_pl,"),
    ];
    for (command, fields) in cases {
        let help = stdout(&[command, "--help"])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(help.contains(fields), "{command}: {help}");
    }
}

#[test]
fn short_flags_are_listed_and_work() {
    let help = stdout(&["list", "--help"]);
    for short in [
        "-s, --sort",
        "-r, --desc",
        "-n, --limit",
        "-f, --fields",
        "-a, --all",
    ] {
        assert!(help.contains(short), "{short}");
    }
    assert!(stdout(&["records", "--help"]).contains("-n, --top"));
    assert_eq!(
        stdout(&["list", "-a", "-s", "signed", "-r", "-n", "2", "-f", "name"]),
        stdout(&[
            "list", "--all", "--sort", "signed", "--desc", "--limit", "2", "--fields", "name"
        ]),
    );
}

#[test]
fn version_gives_the_datas_date() {
    let version = stdout(&["--version"]);
    let date = version
        .strip_prefix("krakow-partners 0.")
        .and_then(|v| v.split_once(" (data as of "))
        .and_then(|(_, date)| date.strip_suffix(")\n"));
    assert!(
        date.is_some_and(|d| d.parse::<krakow_partners::Date>().is_ok()),
        "{version}"
    );
}

#[test]
fn every_usage_error_speaks_with_the_tools_prefix() {
    for (args, starts) in [
        (&["list", "--frob"][..], "list does not take --frob"),
        (&["lsit"], "unknown command 'lsit'; did you mean list?"),
        (
            &["list", "--format", "xml"],
            "unknown --format value 'xml' (valid: table,",
        ),
        (
            &["show"],
            "the following required arguments were not provided: <CITY>",
        ),
        (
            &["list", "--continent", "atlantis"],
            "unknown --continent value 'atlantis'",
        ),
    ] {
        let err = fails(args, 2);
        assert!(
            err.starts_with(&format!("krakow-partners: {starts}")),
            "{args:?}: {err}"
        );
        assert!(!err.contains("error:"), "{err}");
        // One line, as every message.
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn an_option_given_twice_takes_its_last_value() {
    assert_eq!(
        stdout(&[
            "--names", "pl", "list", "--names", "local", "-f", "name", "--search", "kyiv"
        ]),
        "name\nКиїв\n"
    );
    assert_eq!(
        stdout(&["list", "-n", "1", "-n", "2", "-f", "name"])
            .lines()
            .count(),
        3
    );
    assert_eq!(
        stdout(&[
            "--no-header",
            "list",
            "--no-header",
            "-n",
            "1",
            "-f",
            "name"
        ]),
        "Bordeaux\n"
    );
    // A list option gathers every value given.
    assert_eq!(
        stdout(&[
            "list",
            "--continent",
            "africa",
            "--continent",
            "oceania",
            "-f",
            "name"
        ]),
        "name\nFes\n"
    );
}
