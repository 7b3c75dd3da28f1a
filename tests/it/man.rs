//! `man`: a page for the tool and one per command, printed or written into a directory,
//! each with the sections a manual page has, and clean to `man --warnings`.

use std::path::Path;
use std::process::Command;

use crate::common::*;
use crate::tools::installed;

const COMMANDS: [&str; 11] = [
    "list",
    "records",
    "show",
    "stats",
    "distance",
    "timeline",
    "map",
    "atlas",
    "validate",
    "completions",
    "man",
];

#[test]
fn the_main_page() {
    let page = stdout(&["man"]);
    assert!(page.contains("\n.TH krakow-partners 1 "), "{page}");
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH EXAMPLES",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(page.contains(section), "{section}");
    }
    // SEE ALSO names each command's page, and only those.
    let see_also = page.split(".SH \"SEE ALSO\"").nth(1).unwrap();
    let mut pages = references(see_also);
    pages.sort();
    let mut expected: Vec<String> = COMMANDS
        .iter()
        .map(|c| format!("krakow-partners-{c}"))
        .collect();
    expected.sort();
    assert_eq!(pages, expected);
}

#[test]
fn a_page_per_command() {
    for command in COMMANDS {
        let page = stdout(&["man", command]);
        let title = format!("\n.TH krakow-partners-{command} 1 ");
        assert!(page.contains(&title), "{page}");
        for section in [
            ".SH EXAMPLES",
            ".SH \"EXIT STATUS\"",
            ".SH ENVIRONMENT",
            ".SH FILES",
        ] {
            assert!(page.contains(section), "{command} has no {section}");
        }
        for variable in ["NO_COLOR", "COLUMNS"] {
            assert!(page.contains(variable), "{command}: {variable}");
        }
        // Every option the command's --help lists.
        let help = stdout(&[command, "--help"]);
        let options = help
            .split_whitespace()
            .filter_map(|word| word.strip_prefix("--"))
            .map(|option| option.trim_end_matches(|c: char| !c.is_ascii_alphanumeric()))
            .filter(|option| {
                !option.is_empty() && option.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            });
        for option in options {
            let roff = format!("\\-\\-{}", option.replace('-', "\\-"));
            assert!(
                page.contains(&roff),
                "{command}: --{option} is not on its page"
            );
        }
        let examples = page.split(".SH EXAMPLES").nth(1).unwrap();
        assert!(
            examples.contains(&format!("krakow\\-partners {command}")),
            "{command}: {examples}"
        );
    }
    let list = stdout(&["man", "list"]);
    assert!(list.contains("\\-\\-continent") && list.contains("\\-\\-sort"));
    let see_also = list.split(".SH \"SEE ALSO\"").nth(1).unwrap();
    assert_eq!(references(see_also), ["krakow-partners"]);
}

#[test]
fn an_unknown_page_is_a_usage_error() {
    let err = fails(&["man", "lst"], 2);
    assert!(err.contains("'lst'") && err.contains("list"), "{err}");
}

/// The pages a page points at: `krakow-partners-list(1)`, as `krakow-partners-list`.
fn references(page: &str) -> Vec<String> {
    let plain = page
        .replace("\\-", "-")
        .replace("\\fB", "")
        .replace("\\fR", "");
    let mut found = Vec::new();
    for (at, _) in plain.match_indices("(1)") {
        let name: String = plain[..at]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_lowercase() || *c == '-')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if name.starts_with("krakow-partners") {
            found.push(name);
        }
    }
    found
}

/// The pages `man --dir` writes, by file name.
fn written(dir: &Path) -> Vec<String> {
    crate::common::names_in(dir)
}

#[test]
fn every_page_into_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("man1");
    assert_eq!(stdout(&["man", "--dir", pages.to_str().unwrap()]), "");
    let mut expected: Vec<String> = COMMANDS
        .iter()
        .map(|c| format!("krakow-partners-{c}.1"))
        .chain(["krakow-partners.1".to_string()])
        .collect();
    expected.sort();
    assert_eq!(written(&pages), expected);
    // Each file is the page `man COMMAND` prints.
    let list = std::fs::read_to_string(pages.join("krakow-partners-list.1")).unwrap();
    assert_eq!(list, stdout(&["man", "list"]));
    // Every page another page points at exists.
    for name in written(&pages) {
        let page = std::fs::read_to_string(pages.join(&name)).unwrap();
        for target in references(&page) {
            assert!(
                expected.contains(&format!("{target}.1")),
                "{name} points at {target}"
            );
        }
    }
    let one = dir.path().join("one");
    stdout(&["man", "map", "--dir", one.to_str().unwrap()]);
    assert_eq!(written(&one), ["krakow-partners-map.1"]);
}

#[test]
fn man_reads_every_page_without_a_warning() {
    if !installed("man", "man_reads_every_page_without_a_warning") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    stdout(&["man", "--dir", dir.path().to_str().unwrap()]);
    for name in written(dir.path()) {
        let out = Command::new("man")
            .args(["--warnings", "-l"])
            .arg(dir.path().join(&name))
            .env("MANWIDTH", "80")
            .env("LC_ALL", "C.UTF-8")
            .env_remove("MANPAGER")
            .env_remove("PAGER")
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: {out:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{name}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("EXIT STATUS"), "{name}: {text}");
    }
}
