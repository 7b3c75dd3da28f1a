//! Tab completion. The script a shell loads (`completions SHELL`) calls the binary back
//! with the words typed so far, and the binary answers with the candidates: clap's
//! completion engine, the same for bash, zsh, fish, PowerShell and elvish.
//!
//! The engine reads the command line from `cli.rs`; this module adds what it cannot know
//! from the parsers there: which options take a file, and the values of the options and
//! arguments that are free text to clap (cities, countries, fields, pages). A value with
//! neither completes to nothing, never to file names.

use std::ffi::OsStr;

use clap::builder::StyledStr;
use clap::{Arg, Command, CommandFactory, ValueHint};
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::{CompleteEnv, Shells};

use crate::city::fold;
use crate::cli::Cli;
use crate::columns::COLUMNS;

/// The variable through which a completion script asks the binary for candidates.
const VAR: &str = "_KRAKOW_PARTNERS_COMPLETE";

/// The name the scripts complete, and call back.
const BIN: &str = "krakow-partners";

/// When the shell is asking for candidates, answers and exits; otherwise returns.
pub fn answer_if_asked() {
    CompleteEnv::with_factory(command)
        .var(VAR)
        .bin(BIN)
        .completer(BIN)
        .complete();
}

/// The script that makes `shell` complete `krakow-partners`, calling it back on each Tab.
pub fn script(shell: clap_complete::Shell) -> std::io::Result<String> {
    let name = shell.to_string();
    let shells = Shells::builtins();
    let completer = shells
        .completer(&name)
        .ok_or_else(|| std::io::Error::other(format!("no completion for {name}")))?;
    let mut script = Vec::new();
    completer.write_registration(VAR, BIN, BIN, BIN, &mut script)?;
    let script = String::from_utf8_lossy(&script).into_owned();
    match shell {
        clap_complete::Shell::Bash => bash_fixes(script),
        clap_complete::Shell::Zsh => zsh_autoload(script),
        _ => Ok(script),
    }
}

/// A zsh script from a directory on `$fpath` runs on the first Tab: there it must
/// complete as well as register itself, or that Tab completes nothing.
fn zsh_autoload(script: String) -> std::io::Result<String> {
    let register = "compdef _clap_dynamic_completer_krakow_partners krakow-partners\n";
    let either = r#"if [ "$funcstack[1]" = "_krakow-partners" ]; then
    _clap_dynamic_completer_krakow_partners "$@"
else
    compdef _clap_dynamic_completer_krakow_partners krakow-partners
fi
"#;
    match script.strip_suffix(register) {
        Some(function) => Ok(format!("{function}{either}")),
        None => Err(std::io::Error::other(
            "the zsh script's registration has a new shape",
        )),
    }
}

/// Two changes to the bash script. Bash splits `--continent=eu` at the `=`, which the
/// engine would take for a value of its own: the `=` is dropped, so it sees
/// `--continent eu`. And bash puts a candidate on the line as it is, so `Frankfurt am
/// Main` would become three words: its spaces are escaped, unless the word was begun in
/// quotes.
fn bash_fixes(script: String) -> std::io::Result<String> {
    let join = r#"    if [[ $_CLAP_COMPLETE_INDEX -ge 2 && ${words[_CLAP_COMPLETE_INDEX-1]} == = ]]; then
        unset 'words[_CLAP_COMPLETE_INDEX-1]'
        words=("${words[@]}")
        _CLAP_COMPLETE_INDEX=$((_CLAP_COMPLETE_INDEX - 1))
    fi
"#;
    let escape = r#"    if [[ ${2:0:1} != [\"\'] ]]; then
        COMPREPLY=( "${COMPREPLY[@]// /\\ }" )
    fi
"#;
    let script = insert_after(script, "        words[COMP_CWORD]=\"$2\"\n    fi\n", join)?;
    insert_after(script, "        compopt -o nospace\n    fi\n", escape)
}

/// `script` with `text` inserted where `marker` first ends; an error if it has none (a
/// new version of the engine writes its scripts differently).
fn insert_after(script: String, marker: &str, text: &str) -> std::io::Result<String> {
    let Some(at) = script.find(marker) else {
        let message = format!("the completion script has no {marker:?}");
        return Err(std::io::Error::other(message));
    };
    let (head, tail) = script.split_at(at + marker.len());
    Ok(format!("{head}{text}{tail}"))
}

/// The command line as the completion engine sees it.
pub fn command() -> Command {
    Cli::command()
        .mut_args(values)
        .mut_subcommands(|sub| sub.mut_args(values))
}

/// What an argument of `cli.rs` (by its name there, wherever it is) takes where clap
/// cannot tell: a file, or values from the data or the column table. Every other
/// argument's values are clap's own (the enumerations) or none.
fn values(arg: Arg) -> Arg {
    let from = |complete: fn(&OsStr) -> Vec<CompletionCandidate>| {
        arg.clone().add(ArgValueCompleter::new(complete))
    };
    match arg.get_id().as_str() {
        "data" | "output" | "file" => arg.value_hint(ValueHint::FilePath),
        "dir" => arg.value_hint(ValueHint::DirPath),
        "fields" | "sort" => from(fields),
        "country" => from(countries),
        "city" => from(city_names),
        // distance's two ends
        "from" | "to" => from(ends),
        // man's page
        "command" => from(pages),
        // The enumerations: clap's own values, matched in any case and after a '!'.
        _ if arg.get_action().takes_values() && !arg.get_possible_values().is_empty() => {
            let values: Vec<(String, StyledStr)> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| {
                    (
                        v.get_name().to_string(),
                        v.get_help().cloned().unwrap_or_default(),
                    )
                })
                .collect();
            arg.add(ArgValueCompleter::new(move |typed: &OsStr| {
                named(&values, typed)
            }))
        }
        _ => arg,
    }
}

/// The values of an enumeration that begin with what was typed, in any case; a `!`
/// typed first (refusing the value) is kept.
fn named(values: &[(String, StyledStr)], typed: &OsStr) -> Vec<CompletionCandidate> {
    let typed = unquoted(typed);
    let (bang, typed) = match typed.strip_prefix('!') {
        Some(rest) => ("!", rest),
        None => ("", typed.as_str()),
    };
    values
        .iter()
        .filter(|(value, _)| begins(value, typed))
        .map(|(value, help)| {
            CompletionCandidate::new(format!("{bang}{value}")).help(Some(help.clone()))
        })
        .collect()
}

/// Either end of `distance`: a partner city, or Kraków itself.
fn ends(typed: &OsStr) -> Vec<CompletionCandidate> {
    let mut names = city_names(typed);
    if begins("Kraków", &unquoted(typed)) {
        names.push(CompletionCandidate::new("Kraków"));
    }
    names
}

/// Every city's English name; once something is typed, every name or alias it begins
/// (in any case, with or without diacritics), so `kos` offers Košice and `norym`
/// Norymberga.
fn city_names(typed: &OsStr) -> Vec<CompletionCandidate> {
    let cities = crate::load::bundled().unwrap_or_default();
    let typed = unquoted(typed);
    let mut names: Vec<(&str, StyledStr)> = Vec::new();
    for city in &cities {
        let about = StyledStr::from(format!("{}, {}", city.name, city.country_shown()));
        if typed.is_empty() {
            names.push((&city.name, about));
            continue;
        }
        for name in city.all_names().filter(|n| begins(n, &typed)) {
            names.push((name, about.clone()));
        }
    }
    candidates(names)
}

/// Every country of the data, by English name and by ISO code.
fn countries(typed: &OsStr) -> Vec<CompletionCandidate> {
    let cities = crate::load::bundled().unwrap_or_default();
    let typed = unquoted(typed);
    let mut names: Vec<(&str, StyledStr)> = Vec::new();
    for city in &cities {
        let (Some(country), Some(code)) = (&city.country, &city.country_code) else {
            continue;
        };
        names.push((country, StyledStr::from(code.to_string())));
        names.push((code, StyledStr::from(country.to_string())));
    }
    names.retain(|(name, _)| begins(name, &typed));
    candidates(names)
}

/// Every field of the column table, with its label.
fn fields(typed: &OsStr) -> Vec<CompletionCandidate> {
    let typed = unquoted(typed);
    let names = COLUMNS
        .iter()
        .filter(|c| begins(c.key, &typed))
        .map(|c| (c.key, StyledStr::from(c.label)))
        .collect();
    candidates(names)
}

/// The commands that have a manual page of their own.
fn pages(typed: &OsStr) -> Vec<CompletionCandidate> {
    let typed = unquoted(typed);
    let cli = Cli::command();
    let names = cli
        .get_subcommands()
        .filter(|c| begins(c.get_name(), &typed))
        .map(|c| (c.get_name(), c.get_about().cloned().unwrap_or_default()))
        .collect();
    candidates(names)
}

/// The word typed so far as the shell passed it, without the backslashes or the
/// opening quote that keep a name with spaces one word (`Frankfurt\ am`, `'La Se`).
fn unquoted(typed: &OsStr) -> String {
    let typed = typed.to_string_lossy();
    let typed = typed.trim_start_matches(['\'', '"']);
    let mut plain = String::with_capacity(typed.len());
    let mut chars = typed.chars();
    while let Some(c) = chars.next() {
        plain.extend(if c == '\\' { chars.next() } else { Some(c) });
    }
    plain
}

/// Whether `name` begins with `typed`, in any case, with or without diacritics.
fn begins(name: &str, typed: &str) -> bool {
    fold(name).starts_with(&fold(typed))
}

/// Candidates in order, each once.
fn candidates(mut names: Vec<(&str, StyledStr)>) -> Vec<CompletionCandidate> {
    let mut seen = std::collections::HashSet::new();
    names.retain(|(name, _)| seen.insert(*name));
    names
        .into_iter()
        .map(|(name, about)| CompletionCandidate::new(name).help(Some(about)))
        .collect()
}
