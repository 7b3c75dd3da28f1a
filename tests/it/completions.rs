//! `completions`: a script for every shell; the candidates the binary answers a script
//! with; and bash and fish completing through their own machinery.

use std::path::Path;
use std::process::Command;

use crate::common::*;
use crate::tools::{installed, path_with_binary};

/// The variable through which a script asks the binary for candidates.
const VAR: &str = "_KRAKOW_PARTNERS_COMPLETE";

const CONTINENTS: [&str; 6] = [
    "europe",
    "asia",
    "africa",
    "north-america",
    "south-america",
    "oceania",
];

#[test]
fn a_script_for_every_shell() {
    for (shell, marker) in [
        ("bash", "-F _clap_complete_krakow_partners krakow-partners"),
        ("zsh", "#compdef krakow-partners"),
        ("fish", "--command krakow-partners"),
        (
            "powershell",
            "Register-ArgumentCompleter -Native -CommandName krakow-partners",
        ),
        ("elvish", "arg-completer[krakow-partners]"),
    ] {
        let script = stdout(&["completions", shell]);
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(
            script.contains(VAR),
            "{shell} calls the binary back: {script}"
        );
    }
    // From a directory on $fpath, zsh runs the script on the first Tab: it completes.
    let zsh = stdout(&["completions", "zsh"]);
    assert!(zsh.contains(r#"if [ "$funcstack[1]" = "_krakow-partners" ]; then"#));
    fails(&["completions", "tcsh"], 2);
}

/// What the binary answers `shell`'s script for the last of `words`, run in `dir`.
fn asked(shell: &str, words: &[&str], dir: &Path) -> Vec<String> {
    let out = bin()
        .current_dir(dir)
        .env(VAR, shell)
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(words)
        .output()
        .unwrap();
    assert!(out.status.success(), "{words:?}: {out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    // fish and PowerShell get `value<TAB>help`, zsh `value:help`.
    let help = if shell == "zsh" { ':' } else { '\t' };
    let values = text
        .lines()
        .map(|l| l.split(help).next().unwrap_or_default());
    values.filter(|v| !v.is_empty()).map(String::from).collect()
}

/// A directory with a file in it, where file names would show if they were offered.
fn dir_with_a_file() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("cities.csv"), "").unwrap();
    dir
}

/// The candidates for the last of `line`'s words (split at spaces).
fn candidates(line: &str) -> Vec<String> {
    let dir = dir_with_a_file();
    asked("bash", &line.split(' ').collect::<Vec<_>>(), dir.path())
}

#[test]
fn named_values_complete_in_any_case_and_after_a_refusing_bang() {
    assert_eq!(
        candidates("krakow-partners list --continent EU"),
        ["EUrope"]
    );
    assert_eq!(
        candidates("krakow-partners list --continent !eu"),
        ["!europe"]
    );
    assert_eq!(
        candidates("krakow-partners list --status !"),
        ["!active", "!suspended", "!ended", "!unconfirmed"]
    );
    assert_eq!(candidates("krakow-partners list --format J"), ["Json"]);
}

#[test]
fn what_was_typed_is_kept_whatever_its_case_and_diacritics() {
    // Every candidate begins with the word as typed: zsh and fish keep no other, and
    // bash would shorten the word to the candidates' common start (kyo to Ky).
    assert_eq!(
        candidates("krakow-partners show kyo"),
        ["kyoto", "kyoto-shi"]
    );
    assert_eq!(candidates("krakow-partners show norym"), ["norymberga"]);
    assert_eq!(candidates("krakow-partners show kos")[0], "kosice");
    assert_eq!(
        candidates("krakow-partners list --country ger"),
        ["germany"]
    );
    for line in [
        "krakow-partners show kyo",
        "krakow-partners show NORYM",
        "krakow-partners list --country ger",
        "krakow-partners list --continent !EU",
        "krakow-partners list --sort -Pop",
        "krakow-partners list --fields name,CO",
    ] {
        let typed = line.rsplit(' ').next().unwrap();
        let offered = candidates(line);
        assert!(!offered.is_empty(), "{line}");
        for candidate in offered {
            assert!(candidate.starts_with(typed), "{line}: {candidate}");
        }
    }
}

#[test]
fn a_list_offers_no_value_it_holds() {
    let rest = candidates("krakow-partners list --continent europe,");
    assert_eq!(rest.len(), CONTINENTS.len() - 1, "{rest:?}");
    assert!(!rest.contains(&"europe,europe".to_string()), "{rest:?}");
    assert!(rest.contains(&"europe,asia".to_string()), "{rest:?}");
    let refused = candidates("krakow-partners list --continent !europe,!");
    assert!(
        !refused.contains(&"!europe,!europe".to_string()),
        "{refused:?}"
    );
    let fields = candidates("krakow-partners timeline --fields period,count,");
    assert_eq!(fields, ["period,count,cities", "period,count,ended"]);
}

#[test]
fn options_before_the_command_complete_too() {
    let formats = candidates("krakow-partners --format ");
    assert_eq!(
        formats,
        ["table", "tsv", "json", "ndjson", "csv", "geojson"]
    );
    assert_eq!(candidates("krakow-partners --continent eu"), ["europe"]);
    assert!(candidates("krakow-partners --json ").contains(&"list".to_string()));
    assert_eq!(
        candidates("krakow-partners --json stats --format "),
        ["table", "tsv", "json", "ndjson", "csv"]
    );
}

#[test]
fn every_shell_gets_the_values_after_the_command() {
    let dir = dir_with_a_file();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let words = ["krakow-partners", "list", "--continent", "eu"];
        assert_eq!(asked(shell, &words, dir.path()), ["europe"], "{shell}");
        let words = ["krakow-partners", "list", "--"];
        let options = asked(shell, &words, dir.path());
        assert!(
            options.contains(&"--sort".to_string()),
            "{shell}: {options:?}"
        );
        let words = ["krakow-partners", "list", "--search", ""];
        assert_eq!(asked(shell, &words, dir.path()), [""; 0], "{shell}");
    }
}

#[test]
fn options_after_the_command() {
    let options = candidates("krakow-partners list --");
    for option in [
        "--continent",
        "--country",
        "--status",
        "--sort",
        "--fields",
        "--data",
    ] {
        assert!(
            options.contains(&option.to_string()),
            "{option}: {options:?}"
        );
    }
    assert!(!options.contains(&"--by".to_string()), "{options:?}");
    assert!(candidates("krakow-partners stats --").contains(&"--by".to_string()));
    assert_eq!(candidates("krakow-partners man l"), ["list"]);
}

#[test]
fn values_of_the_enumerated_options() {
    assert_eq!(candidates("krakow-partners list --continent "), CONTINENTS);
    assert_eq!(
        candidates("krakow-partners map --status "),
        ["active", "suspended", "ended", "unconfirmed"]
    );
    assert!(candidates("krakow-partners list --agreement ").contains(&"twin-city".into()));
    assert_eq!(
        candidates("krakow-partners records n"),
        ["nearest", "northernmost"]
    );
    assert_eq!(candidates("krakow-partners stats --by de"), ["decade"]);
    assert_eq!(
        candidates("krakow-partners timeline --by "),
        ["year", "decade"]
    );
    assert_eq!(candidates("krakow-partners list --format j"), ["json"]);
}

#[test]
fn fields_and_sort_keys_from_the_column_table() {
    assert_eq!(
        candidates("krakow-partners list --fields name,co"),
        ["name,country", "name,country_code", "name,continent"]
    );
    assert_eq!(
        candidates("krakow-partners list --sort dist"),
        ["distance_km"]
    );
    let all = candidates("krakow-partners show x --fields ");
    let header: Vec<&str> = HEADER.split(',').collect();
    assert!(
        header.iter().all(|k| all.contains(&k.to_string())),
        "{all:?}"
    );
}

#[test]
fn countries_by_name_and_code() {
    assert_eq!(
        candidates("krakow-partners list --country Germ"),
        ["Germany"]
    );
    assert_eq!(candidates("krakow-partners list --country DE"), ["DE"]);
    assert_eq!(
        candidates("krakow-partners records --country United"),
        ["United Kingdom", "United States"]
    );
    let all = candidates("krakow-partners list --country ");
    assert!(
        all.contains(&"Czechia".into()) && all.contains(&"CZ".into()),
        "{all:?}"
    );
}

#[test]
fn city_names_in_any_spelling() {
    assert_eq!(candidates("krakow-partners show Koš")[0], "Košice");
    assert_eq!(candidates("krakow-partners show Norym"), ["Norymberga"]);
    assert_eq!(
        candidates("krakow-partners distance kyiv Lv"),
        ["Lviv", "Lvov"]
    );
    // distance takes Kraków itself as either end.
    assert_eq!(candidates("krakow-partners distance kyiv Kra"), ["Kraków"]);
    assert_eq!(candidates("krakow-partners show kra"), [""; 0]);
    let mut all = candidates("krakow-partners distance ");
    all.retain(|c| !c.starts_with("--"));
    assert_eq!(all.len(), json(&["list", "--all"]).len() + 1, "{all:?}");
    assert!(all.contains(&"Frankfurt am Main".to_string()));
    assert_eq!(all.last().unwrap(), "Kraków");
}

#[test]
fn file_names_only_where_a_file_is_wanted() {
    for line in [
        "krakow-partners list --data ",
        "krakow-partners map -o ",
        "krakow-partners validate ",
    ] {
        assert!(
            candidates(line).contains(&"cities.csv".to_string()),
            "{line}"
        );
    }
    for line in [
        "krakow-partners list --search ",
        "krakow-partners list --limit ",
        "krakow-partners list --as-of ",
        "krakow-partners records --top ",
        "krakow-partners show ",
        "krakow-partners list --country ",
        "krakow-partners list --sort ",
    ] {
        let offered = candidates(line);
        assert!(
            !offered.contains(&"cities.csv".to_string()),
            "{line}: {offered:?}"
        );
    }
}

/// Completes the last of `words` in a real bash: the script sourced, the completion
/// function it registered called as bash calls it; `None` where bash is missing.
fn bash(words: &[&str], test: &str) -> Option<Vec<String>> {
    if !installed("bash", test) {
        return None;
    }
    let dir = dir_with_a_file();
    let script = dir.path().join("krakow-partners.bash");
    std::fs::write(&script, stdout(&["completions", "bash"])).unwrap();
    let complete = r#"
        source "$0"
        spec=$(complete -p krakow-partners) || exit 3
        fn=${spec##*-F }
        fn=${fn%% *}
        COMP_WORDS=("$@")
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        COMP_LINE="${COMP_WORDS[*]}"
        COMP_POINT=${#COMP_LINE}
        COMP_TYPE=9
        "$fn" krakow-partners "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf '%s\n' "${COMPREPLY[@]}"
    "#;
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", complete])
        .arg(&script)
        .args(words)
        .current_dir(dir.path())
        .env("PATH", path_with_binary())
        .output()
        .unwrap();
    assert!(out.status.success(), "{words:?}: {out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    Some(
        text.lines()
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
    )
}

#[test]
fn bash_completes_after_the_command() {
    let test = "bash_completes_after_the_command";
    let Some(options) = bash(&["krakow-partners", "list", "--"], test) else {
        return;
    };
    assert!(options.contains(&"--continent".to_string()), "{options:?}");
    let continents = bash(&["krakow-partners", "list", "--continent", ""], test).unwrap();
    assert_eq!(continents, CONTINENTS);
    // Bash splits --continent=eu into three words.
    let joined = bash(&["krakow-partners", "list", "--continent", "=", "eu"], test).unwrap();
    assert_eq!(joined, ["europe"]);
    let fields = bash(&["krakow-partners", "list", "--fields", "name,la"], test).unwrap();
    assert_eq!(fields, ["name,last_attested", "name,lat"]);
    let countries = bash(&["krakow-partners", "stats", "--country", "United"], test).unwrap();
    assert_eq!(countries, [r"United\ Kingdom", r"United\ States"]);
    let city = bash(&["krakow-partners", "show", r"Frankfurt\ a"], test).unwrap();
    assert_eq!(city, [r"Frankfurt\ am\ Main"]);
    let file = bash(&["krakow-partners", "list", "--data", "ci"], test).unwrap();
    assert_eq!(file, ["cities.csv"]);
    let none = bash(&["krakow-partners", "list", "--search", ""], test).unwrap();
    assert_eq!(none, [""; 0]);
    // The word is never shortened: kyo is not cut back to a common Ky.
    let kyoto = bash(&["krakow-partners", "show", "kyo"], test).unwrap();
    assert_eq!(kyoto, ["kyoto", "kyoto-shi"]);
    let before = bash(&["krakow-partners", "--format", "nd"], test).unwrap();
    assert_eq!(before, ["ndjson"]);
}

/// Completes `line` in a real fish (`complete -C`) after sourcing the script; `None`
/// where fish is missing.
fn fish(line: &str, test: &str) -> Option<Vec<String>> {
    if !installed("fish", test) {
        return None;
    }
    let dir = dir_with_a_file();
    let script = dir.path().join("krakow-partners.fish");
    std::fs::write(&script, stdout(&["completions", "fish"])).unwrap();
    let out = Command::new("fish")
        .args([
            "--no-config",
            "-c",
            "source $argv[1]; and complete -C $argv[2]",
        ])
        .arg(&script)
        .arg(line)
        .current_dir(dir.path())
        .env("PATH", path_with_binary())
        .output()
        .unwrap();
    assert!(out.status.success(), "{line}: {out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    Some(
        text.lines()
            .map(|l| l.split('\t').next().unwrap().to_string())
            .collect(),
    )
}

#[test]
fn fish_completes_after_the_command() {
    let test = "fish_completes_after_the_command";
    let Some(options) = fish("krakow-partners list --", test) else {
        return;
    };
    assert!(options.contains(&"--continent".to_string()), "{options:?}");
    let continents = fish("krakow-partners list --continent ", test).unwrap();
    assert_eq!(continents, CONTINENTS);
    let fields = fish("krakow-partners list --sort pop", test).unwrap();
    assert_eq!(fields, ["population", "population_year"]);
    let cities = fish("krakow-partners show Frankfurt", test).unwrap();
    assert!(
        cities.contains(&"Frankfurt am Main".to_string()),
        "{cities:?}"
    );
    let to = fish("krakow-partners distance kyiv Lv", test).unwrap();
    assert_eq!(to, ["Lviv", "Lvov"]);
    let file = fish("krakow-partners list --data ci", test).unwrap();
    assert_eq!(file, ["cities.csv"]);
    let none = fish("krakow-partners list --search ", test).unwrap();
    assert_eq!(none, [""; 0]);
    let city = fish("krakow-partners show norym", test).unwrap();
    assert_eq!(city, ["norymberga"]);
    let country = fish("krakow-partners list --country ger", test).unwrap();
    assert_eq!(country, ["germany"]);
    let fields = fish("krakow-partners timeline --fields ", test).unwrap();
    assert_eq!(fields, ["period", "count", "cities", "ended"]);
}

/// The line after `line` and a Tab in a real, interactive zsh (on a pseudo-terminal,
/// through zsh's own zpty), the script loaded from `$fpath` as an installed one is;
/// `None` where zsh is missing.
fn zsh(line: &str, test: &str) -> Option<String> {
    if !installed("zsh", test) {
        return None;
    }
    let dir = dir_with_a_file();
    std::fs::write(
        dir.path().join("_krakow-partners"),
        stdout(&["completions", "zsh"]),
    )
    .unwrap();
    // Keys are read in order: the Tab's completion is over before ^X writes the line.
    let drive = r#"
        zmodload zsh/zpty
        zpty -b z 'zsh -f -i'
        zpty -w z "fpath=($PWD \$fpath); autoload -U compinit; compinit -u -D"
        zpty -w z 'dump() { print -r -- "$BUFFER" > line.out }; zle -N dump; bindkey "^X" dump'
        zpty -n -w z "$1"$'\t\x18'
        for i in {1..300}; do [[ -s line.out ]] && break; sleep 0.1; done
        zpty -d z
        cat line.out
    "#;
    let out = Command::new("zsh")
        .args(["-f", "-c", drive, "zsh"])
        .arg(line)
        .current_dir(dir.path())
        .env("PATH", path_with_binary())
        .output()
        .unwrap();
    assert!(out.status.success(), "{line}: {out:?}");
    Some(
        String::from_utf8(out.stdout)
            .unwrap()
            .trim_end()
            .to_string(),
    )
}

#[test]
fn zsh_completes_in_any_case_and_spelling() {
    let test = "zsh_completes_in_any_case_and_spelling";
    let Some(city) = zsh("krakow-partners show norym", test) else {
        return;
    };
    assert_eq!(city, "krakow-partners show norymberga");
    let country = zsh("krakow-partners list --country ger", test).unwrap();
    assert_eq!(country, "krakow-partners list --country germany");
    let format = zsh("krakow-partners --format nd", test).unwrap();
    assert_eq!(format, "krakow-partners --format ndjson");
    let fields = zsh("krakow-partners records --fields rec", test).unwrap();
    assert_eq!(fields, "krakow-partners records --fields record");
}

#[test]
fn every_name_of_every_city_completes_from_its_start_as_typed() {
    let cities = json(&["list", "--all"]);
    for city in &cities {
        let mut names: Vec<&str> = ["name", "name_pl", "name_local"]
            .iter()
            .filter_map(|k| city[k].as_str())
            .collect();
        names.extend(
            city["aliases"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|a| a.as_str()),
        );
        for name in names {
            // The first word's start, typed in lower case.
            let typed: String = name
                .split(' ')
                .next()
                .unwrap()
                .chars()
                .take(3)
                .collect::<String>()
                .to_lowercase();
            let offered = candidates(&format!("krakow-partners show {typed}"));
            assert!(!offered.is_empty(), "{name}: {typed}");
            for candidate in &offered {
                assert!(
                    candidate.starts_with(&typed),
                    "{name}: {typed} → {candidate}"
                );
            }
        }
    }
}

#[test]
fn a_condition_is_offered_only_the_fields_it_compares() {
    let offered = candidates("krakow-partners list --where p");
    assert!(offered.iter().any(|c| c == "population"), "{offered:?}");
    assert!(!offered.iter().any(|c| c == "provenance"), "{offered:?}");
}
