//! Help, completion and the parser agree, for every command × every option with named
//! values × every value: what `-h` lists is what Tab offers, everything offered is
//! taken, and every value some command takes is taken here only if it is offered here.
//! Then the messages: one line each, the nearest names suggested.

use std::collections::BTreeSet;

use crate::common::*;

/// Each command with the words it needs before its options.
const COMMANDS: &[&[&str]] = &[
    &["list"],
    &["records"],
    &["show", "kosice"],
    // The summary's own fields (--fields sum) are for --of.
    &["stats", "--of", "population"],
    &["distance", "kosice"],
    &["timeline"],
    &["validate"],
    &["map", "-o", "svg:-"],
    &["atlas", "-o", "html:-"],
];

/// The options whose values are named ones.
const OPTIONS: &[&str] = &[
    "--fields",
    "--format",
    "--sort",
    "--continent",
    "--agreement",
    "--status",
    "--by",
    "--of",
    "--names",
    "--color",
];

/// The values `-h` lists for `option` of `command` ("[possible values: …]"), if it
/// takes the option.
fn listed(command: &[&str], option: &str) -> Option<BTreeSet<String>> {
    let help = stdout(&[command[0], "-h"]);
    let lines: Vec<&str> = help.lines().collect();
    let start = lines.iter().position(|l| {
        let l = l.trim_start();
        l.starts_with(&format!("{option} ")) || l.contains(&format!(", {option} "))
    })?;
    // The option's help: its line and those indented under it.
    let mut text = lines[start].to_string();
    for line in &lines[start + 1..] {
        if line.trim().is_empty() || line.trim_start().starts_with('-') {
            break;
        }
        text.push(' ');
        text.push_str(line.trim());
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let values = text.split("[possible values: ").nth(1)?.split(']').next()?;
    Some(values.split(", ").map(String::from).collect())
}

/// What Tab offers for the value of `option` of `command`.
fn offered(command: &[&str], option: &str) -> BTreeSet<String> {
    let mut words = vec!["krakow-partners"];
    words.extend(command);
    words.extend([option, ""]);
    let out = bin()
        .env("_KRAKOW_PARTNERS_COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(&words)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// The exit code of `command` with `option value` (a table for --color, the format it
/// is for).
fn code(command: &[&str], option: &str, value: &str) -> i32 {
    let mut args = command.to_vec();
    args.extend([option, value]);
    if option == "--color" {
        args.extend(["--format", "table"]);
    }
    let out = bin().args(&args).output().unwrap();
    out.status.code().unwrap_or(-1)
}

#[test]
fn help_completion_and_the_parser_agree_on_every_value() {
    for option in OPTIONS {
        let lists: Vec<Option<BTreeSet<String>>> =
            COMMANDS.iter().map(|c| listed(c, option)).collect();
        // Every value some command takes.
        let every: BTreeSet<String> = lists.iter().flatten().flatten().cloned().collect();
        assert!(!every.is_empty(), "{option}: listed nowhere");
        for (command, listed) in COMMANDS.iter().zip(&lists) {
            let Some(listed) = listed else {
                // Not this command's option: refused, whatever the value.
                let value = every.iter().next().unwrap();
                assert_eq!(code(command, option, value), 2, "{command:?} {option}");
                continue;
            };
            assert_eq!(&offered(command, option), listed, "{command:?} {option}");
            for value in &every {
                let code = code(command, option, value);
                match listed.contains(value) {
                    true => assert_ne!(code, 2, "{command:?} {option} {value}: refused"),
                    false => assert_eq!(code, 2, "{command:?} {option} {value}: taken"),
                }
            }
        }
    }
}

#[test]
fn each_command_offers_and_lists_only_its_own_fields_and_formats() {
    let stats = listed(&["stats"], "--fields").unwrap();
    let own = [
        "cities",
        "count",
        "group",
        "known",
        "max",
        "max_cities",
        "mean",
        "median",
        "min",
        "min_cities",
        "sum",
    ];
    assert_eq!(stats, own.map(String::from).into());
    assert!(!listed(&["stats"], "--format").unwrap().contains("geojson"));
    assert!(listed(&["list"], "--format").unwrap().contains("geojson"));
    assert!(listed(&["records"], "--fields").unwrap().contains("record"));
    assert_eq!(
        listed(&["validate"], "--format").unwrap(),
        ["json", "ndjson"].map(String::from).into()
    );
}

/// The one line a usage error writes.
fn refused(args: &[&str]) -> String {
    let err = fails(args, 2);
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    err.trim_end().to_string()
}

#[test]
fn options_for_some_formats_are_refused_with_the_others() {
    assert_eq!(
        refused(&["list", "--json", "--wide"]),
        "krakow-partners: --wide is for --format table (the answer here is json)"
    );
    assert_eq!(
        refused(&["list", "--json", "--guard-formulas"]),
        "krakow-partners: --guard-formulas is for --format csv and tsv (the answer here is json)"
    );
    assert_eq!(
        refused(&["list", "--format", "table", "--no-header"]),
        "krakow-partners: --no-header is for --format csv and tsv (the answer here is table)"
    );
    assert_eq!(
        refused(&["stats", "--color", "always", "--format", "csv"]),
        "krakow-partners: --color always is for --format table (the answer here is csv)"
    );
    // Into a pipe the answer is TSV unless told otherwise.
    assert_eq!(
        refused(&["list", "--wide"]),
        "krakow-partners: --wide is for --format table (the answer here is tsv, the default \
         into a pipe)"
    );
    // Asking for no colour asks for nothing a format could fail to give.
    stdout(&["list", "--json", "--color", "never"]);
    stdout(&["list", "--format", "csv", "--guard-formulas", "--no-header"]);
    stdout(&["list", "--format", "table", "--wide", "--color", "always"]);
}

#[test]
fn every_unknown_name_gets_the_nearest_first() {
    let sort = refused(&["list", "--sort", "distnce"]);
    assert!(sort.contains("did you mean distance?"), "{sort}");
    assert!(refused(&["lsit"]).starts_with(
        "krakow-partners: unknown command 'lsit'; did you mean list? (valid: list, records,"
    ),);
    assert!(refused(&["list", "--continent", "eurpe"]).contains("did you mean europe?"));
    assert!(refused(&["list", "--fields", "nme"]).contains("did you mean name?"));
    assert!(refused(&["stats", "--by", "contnent"]).contains("did you mean continent?"));
    assert!(refused(&["records", "higest"]).contains("did you mean highest?"));
    assert!(refused(&["list", "--feilds", "name"]).contains("did you mean --fields?"));
    assert!(refused(&["stats", "--format", "jsn"]).contains("did you mean json?"));
}

#[test]
fn after_a_double_dash_every_word_is_a_value() {
    assert_eq!(
        refused(&["show", "--", "--all", "--fields", "name"]),
        "krakow-partners: show has no place for the value '--fields' (after --, every word \
         is a value, and show takes no more)"
    );
}

#[test]
fn a_single_value_given_twice_takes_the_last_and_a_list_gathers() {
    let last = stdout(&["list", "--search", "kos", "--search", "kyiv", "-f", "name"]);
    assert_eq!(last, "name\nKyiv\n");
    let both = json(&["list", "--continent", "asia", "--continent", "africa"]);
    let continents: BTreeSet<&str> = both
        .iter()
        .map(|c| c["continent"].as_str().unwrap())
        .collect();
    assert_eq!(continents, ["africa", "asia"].into());
}
