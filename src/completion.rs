//! Tab completion. The script a shell loads (`completions SHELL`) calls the binary back
//! with the words typed so far, and the binary answers with the candidates: clap's
//! completion engine, the same for bash, zsh, fish, PowerShell and elvish.
//!
//! The engine reads the command line from `cli.rs`; this module adds what it cannot know
//! from the parsers there: which options take a file, and the values of the options and
//! arguments that are free text to clap (cities, countries, fields, pages). A value with
//! neither completes to nothing, never to file names.

use std::ffi::OsStr;

use clap::builder::{PossibleValue, PossibleValuesParser, Resettable, StyledStr};
use clap::{Arg, Command, CommandFactory, ValueHint};
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::{CompleteEnv, Shells};

use crate::city::fold;
use crate::cli::Cli;

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

/// The command line as the completion engine sees it: every command's options are also
/// the top level's, since the parser takes them before the command too
/// (`krakow-partners --format <TAB>`).
pub fn command() -> Command {
    let cli = Cli::command();
    let before = options_of_every_command(&cli);
    cli.args(before)
        .mut_args(values)
        .mut_subcommands(|sub| sub.mut_args(values))
}

/// Each option of any command, once, as an option of the top level: its names, what it
/// takes, and the values of every command's option of that name (whichever command
/// follows, each of them may be right). Only what completion reads is copied: the
/// relations between options are the commands' own.
fn options_of_every_command(cli: &Command) -> Vec<Arg> {
    let commands: Vec<&Command> = cli.get_subcommands().collect();
    let mut options: Vec<Arg> = Vec::new();
    let mut shorts: Vec<char> = Vec::new();
    let every = commands.iter().flat_map(|c| c.get_arguments());
    for arg in every.filter(|a| !a.is_positional()) {
        let id = arg.get_id();
        if matches!(id.as_str(), "help" | "version") || options.iter().any(|o| o.get_id() == id) {
            continue;
        }
        let mut option = arg
            .clone()
            .conflicts_with(Resettable::<clap::Id>::Reset)
            .overrides_with(Resettable::<clap::Id>::Reset)
            .requires(Resettable::<clap::Id>::Reset);
        // `-n` is list's --limit and records' --top: the first keeps it here.
        match arg.get_short() {
            Some(short) if !shorts.contains(&short) => shorts.push(short),
            Some(_) => option = option.short(None),
            None => {}
        }
        let same = commands.iter().flat_map(|c| c.get_arguments());
        let mut values: Vec<PossibleValue> = Vec::new();
        for value in same
            .filter(|a| a.get_id() == id)
            .flat_map(|a| a.get_possible_values())
        {
            if !values.iter().any(|v| v.get_name() == value.get_name()) {
                values.push(value);
            }
        }
        if !values.is_empty() {
            option = option.value_parser(PossibleValuesParser::new(values));
        }
        options.push(option);
    }
    options
}

/// Where the candidates for an argument's values come from: the names (each with a
/// line of help) that what was typed begins, in any case, with or without diacritics.
type Source = Box<dyn Fn(&str) -> Vec<(String, StyledStr)> + Send + Sync>;

/// What an argument of `cli.rs` (by its name there, wherever it is) completes to: a
/// file, values from the data, or the values its parser takes (the enumerations,
/// fields, formats and sort keys of each command). Every other argument completes to
/// nothing, never to file names.
fn values(arg: Arg) -> Arg {
    let source: Source = match arg.get_id().as_str() {
        "data" | "evidence" | "output" | "file" => return arg.value_hint(ValueHint::FilePath),
        "dir" => return arg.value_hint(ValueHint::DirPath),
        "country" => Box::new(countries),
        "city" => Box::new(city_names),
        // distance's cities, and where --from measures from: partner cities or Kraków
        "cities" | "from" => Box::new(ends),
        // man's page
        "command" => Box::new(pages),
        // --where: a condition begins with a field
        "conditions" => Box::new(fields),
        _ if arg.get_action().takes_values() && !arg.get_possible_values().is_empty() => {
            Box::new(enumerated(&arg))
        }
        _ => return arg,
    };
    let word = Word {
        delimiter: arg.get_value_delimiter(),
        sign: sign(&arg),
    };
    // The list is split here, not by the engine, to leave out the values it holds.
    arg.value_delimiter(None)
        .add(ArgValueCompleter::new(move |typed: &OsStr| {
            word.complete(typed, &source)
        }))
}

/// The sign an argument's value may start with: a filter's `!` (refusing the value),
/// `--sort`'s `-` (from the largest down).
fn sign(arg: &Arg) -> Option<char> {
    match arg.get_id().as_str() {
        "continent" | "country" | "agreement" | "status" => Some(crate::picks::REFUSE),
        "sort" => Some('-'),
        _ => None,
    }
}

/// The values an argument's parser takes (short names, hidden, left out).
fn enumerated(arg: &Arg) -> impl Fn(&str) -> Vec<(String, StyledStr)> + use<> {
    let values: Vec<(String, StyledStr)> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| {
            let help = v.get_help().cloned().unwrap_or_default();
            (v.get_name().to_string(), help)
        })
        .collect();
    move |typed: &str| {
        let fit = values.iter().filter(|(value, _)| begins(value, typed));
        fit.cloned().collect()
    }
}

/// How the shell's word is read: a list (`europe,as`), a sign before the value.
struct Word {
    delimiter: Option<char>,
    sign: Option<char>,
}

impl Word {
    /// The candidates for the word `typed`: the values that fit its last item, less the
    /// ones it already holds, each beginning with exactly what was typed, so that a
    /// shell neither drops it (zsh and fish keep only candidates that begin with the
    /// word) nor shortens the word to a common start (bash: `kyo` must not become `Ky`).
    fn complete(&self, typed: &OsStr, source: &Source) -> Vec<CompletionCandidate> {
        let typed = unquoted(typed);
        let (given, last) = match self.delimiter.and_then(|d| typed.rsplit_once(d)) {
            Some((given, last)) => (Some(given), last),
            None => (None, typed.as_str()),
        };
        let (sign, last) = match self.sign.and_then(|c| Some((c, last.strip_prefix(c)?))) {
            Some((c, rest)) => (Some(c), rest),
            None => (None, last),
        };
        let held: Vec<String> = match (given, self.delimiter) {
            (Some(given), Some(d)) => given
                .split(d)
                .map(|v| fold(self.sign.map_or(v, |c| v.trim_start_matches(c))))
                .collect(),
            _ => Vec::new(),
        };
        let head = match (given, self.delimiter) {
            (Some(given), Some(d)) => format!("{given}{d}"),
            _ => String::new(),
        };
        let sign = sign.map(String::from).unwrap_or_default();
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for (name, help) in source(last) {
            if held.contains(&fold(&name)) {
                continue;
            }
            let shown = keeping(last, &name);
            if seen.insert(shown.clone()) {
                out.push(CompletionCandidate::new(format!("{head}{sign}{shown}")).help(Some(help)));
            }
        }
        out
    }
}

/// `name` beginning with `typed` as typed (`norym` and Norymberga: `norymberga`), where
/// it begins with it only in another case or with other diacritics; the parser takes
/// either, and a shell keeps only candidates that begin with the word typed.
fn keeping(typed: &str, name: &str) -> String {
    if name.starts_with(typed) {
        return name.to_string();
    }
    let folded = fold(typed);
    let start = name.char_indices().map(|(i, _)| i).chain([name.len()]);
    match start.skip(1).find(|&i| fold(&name[..i]) == folded) {
        Some(i) => format!("{typed}{}", &name[i..]),
        None => name.to_string(),
    }
}

/// Either end of `distance`: a partner city, or Kraków itself.
fn ends(typed: &str) -> Vec<(String, StyledStr)> {
    let mut names = city_names(typed);
    if begins("Kraków", typed) {
        names.push((
            "Kraków".to_string(),
            StyledStr::from("the Main Market Square"),
        ));
    }
    names
}

/// Every city's English name; once something is typed, every name or alias it begins
/// (in any case, with or without diacritics), so `kos` offers Košice and `norym`
/// Norymberga.
fn city_names(typed: &str) -> Vec<(String, StyledStr)> {
    let cities = crate::load::bundled().unwrap_or_default();
    let mut names: Vec<(String, StyledStr)> = Vec::new();
    for city in &cities {
        let about = StyledStr::from(format!("{}, {}", city.name, city.country_shown()));
        if typed.is_empty() {
            names.push((city.name.to_string(), about));
            continue;
        }
        for name in city.all_names().filter(|n| begins(n, typed)) {
            names.push((name.to_string(), about.clone()));
        }
    }
    names
}

/// Every country of the data, by English name and by ISO code.
fn countries(typed: &str) -> Vec<(String, StyledStr)> {
    let cities = crate::load::bundled().unwrap_or_default();
    let mut names: Vec<(String, StyledStr)> = Vec::new();
    for city in &cities {
        let (Some(country), Some(code)) = (&city.country, &city.country_code) else {
            continue;
        };
        names.push((country.to_string(), StyledStr::from(code.to_string())));
        names.push((code.to_string(), StyledStr::from(country.to_string())));
    }
    names.retain(|(name, _)| begins(name, typed));
    names
}

/// Every field of the column table a condition compares, for a condition's start.
fn fields(typed: &str) -> Vec<(String, StyledStr)> {
    let columns = crate::columns::COLUMNS.iter();
    let compared = columns.filter(|c| crate::conditions::compares(c.ty));
    let fit = compared.filter(|c| begins(c.key, typed));
    fit.map(|c| (c.key.to_string(), StyledStr::from(c.header)))
        .collect()
}

/// The commands that have a manual page of their own.
fn pages(typed: &str) -> Vec<(String, StyledStr)> {
    let cli = Cli::command();
    cli.get_subcommands()
        .filter(|c| begins(c.get_name(), typed))
        .map(|c| {
            let about = c.get_about().cloned().unwrap_or_default();
            (c.get_name().to_string(), about)
        })
        .collect()
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
