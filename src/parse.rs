//! Reading the command line into [`Cli`]: a command's options may come before it
//! (`krakow-partners --json list`), and clap's errors speak with the tool's voice.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory, FromArgMatches};

use crate::cli::Cli;
use crate::error::UsageError;
use crate::suggest;

/// Why the command line does not lead to a command being run.
pub enum Stop {
    /// `--help` or `--version`: text for standard output.
    Help(String),
    /// A usage error: the message for standard error, and the exit code.
    Usage(String, u8),
}

/// The command line `args` (the program's name first) as a [`Cli`], and the filters it
/// gives as they were typed (`--continent oceania --capital`), for messages.
pub fn cli(
    args: impl IntoIterator<Item = OsString>,
    terminal: bool,
) -> Result<(Cli, String), Stop> {
    let mut command = Cli::command();
    // Built, so that `--help` and `--version` are among its options.
    command.build();
    let args = options_after_command(&command, args.into_iter().collect());
    let parsed = command.try_get_matches_from_mut(&args).and_then(|matches| {
        Ok((
            Cli::from_arg_matches(&matches)?,
            filters(&command, &matches),
        ))
    });
    match parsed {
        Ok(parsed) => Ok(parsed),
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let text = match terminal {
                true => e.render().ansi().to_string(),
                false => e.render().to_string(),
            };
            Err(Stop::Help(text))
        }
        Err(e) => {
            let code = u8::try_from(e.exit_code()).unwrap_or(2);
            Err(Stop::Usage(message(&command, &args, &e), code))
        }
    }
}

/// The filters given on the command line, as typed: `--continent oceania --capital`.
fn filters(cli: &clap::Command, matches: &ArgMatches) -> String {
    let Some((name, matches)) = matches.subcommand() else {
        return String::new();
    };
    let Some(command) = cli.find_subcommand(name) else {
        return String::new();
    };
    // clap gathers the options of `FilterArgs` in a group of that name.
    let Some(group) = command.get_groups().find(|g| g.get_id() == "FilterArgs") else {
        return String::new();
    };
    let mut given: Vec<String> = Vec::new();
    for id in group.get_args() {
        if matches.value_source(id.as_str()) != Some(ValueSource::CommandLine) {
            continue;
        }
        let Some(arg) = command.get_arguments().find(|a| a.get_id() == id) else {
            continue;
        };
        let name = arg.get_long().unwrap_or(id.as_str());
        let values: Vec<String> = match arg.get_action().takes_values() {
            true => matches
                .get_raw(id.as_str())
                .into_iter()
                .flatten()
                .map(|v| v.to_string_lossy().into_owned())
                .collect(),
            false => Vec::new(),
        };
        match values.is_empty() {
            true => given.push(format!("--{name}")),
            false => given.push(format!("--{name} {}", values.join(","))),
        }
    }
    given.join(" ")
}

/// `krakow-partners --json list` read as `krakow-partners list --json`: the options
/// before the command are moved after it, so that the command alone says which options
/// it takes, wherever they are written. `--help` and `--version` stay where they are.
fn options_after_command(cli: &clap::Command, mut args: Vec<OsString>) -> Vec<OsString> {
    let mut i = 1;
    while let Some(arg) = args.get(i).and_then(|a| a.to_str()) {
        if cli.find_subcommand(arg).is_some() {
            let before: Vec<OsString> = args.drain(1..i).collect();
            let at = 2.min(args.len());
            args.splice(at..at, before);
            return args;
        }
        // A word, `--`, or the tool's own `--help` and `--version`: left to clap.
        if !arg.starts_with('-') || arg == "--" || own(cli, arg) {
            break;
        }
        let takes_value = option(cli, arg).is_some_and(|o| o.get_action().takes_values());
        // `--fields=name` and `-fname` carry their value; `--fields name` is followed by it.
        let carries_value = arg.contains('=') || (!arg.starts_with("--") && arg.len() > 2);
        i += if takes_value && !carries_value { 2 } else { 1 };
    }
    args
}

/// Whether `arg` is one of the top level's own options (`--help`, `--version`).
fn own(cli: &clap::Command, arg: &str) -> bool {
    cli.get_arguments().any(|a| names(a, arg))
}

/// Any command's option `arg` (`--format`, `-n`, `--fields=name`).
fn option<'c>(cli: &'c clap::Command, arg: &str) -> Option<&'c clap::Arg> {
    cli.get_subcommands()
        .flat_map(|c| c.get_arguments())
        .find(|a| names(a, arg))
}

/// Whether `arg` (`--format`, `--format=csv`, `-n`, `-n5`) names option `option`.
fn names(option: &clap::Arg, arg: &str) -> bool {
    if let Some(long) = arg.strip_prefix("--") {
        let long = long.split('=').next().unwrap_or_default();
        option.get_long() == Some(long)
    } else if let Some(short) = arg.strip_prefix('-') {
        short
            .chars()
            .next()
            .is_some_and(|c| option.get_short() == Some(c))
    } else {
        false
    }
}

/// clap's error in the tool's voice: one line, `krakow-partners:` first; a "did you
/// mean" ranked by closeness (`suggest.rs`, as everywhere else) instead of clap's; an
/// option another command takes refused with the commands that take it.
fn message(cli: &clap::Command, args: &[OsString], e: &clap::Error) -> String {
    let text = e.render().to_string();
    let Some(text) = text.strip_prefix("error: ") else {
        // The help, for a command line with no command.
        return text.trim_end().to_string();
    };
    let said = after_double_dash(args, e)
        .or_else(|| not_an_option_here(cli, args, e))
        .or_else(|| unknown(cli, args, e))
        .unwrap_or_else(|| first_paragraph(text));
    format!("krakow-partners: {said}")
}

/// clap's message up to its first blank line (before its tips and usage), on one line.
fn first_paragraph(text: &str) -> String {
    let lines = text.lines().take_while(|l| !l.trim().is_empty());
    lines.map(str::trim).collect::<Vec<_>>().join(" ")
}

/// A context string of clap's error.
fn context(e: &clap::Error, kind: ContextKind) -> Option<&str> {
    match e.get(kind) {
        Some(ContextValue::String(text)) => Some(text),
        _ => None,
    }
}

/// An unknown command, option or value, with the nearest known ones.
fn unknown(cli: &clap::Command, args: &[OsString], e: &clap::Error) -> Option<String> {
    match e.kind() {
        ErrorKind::InvalidSubcommand => {
            let typed = context(e, ContextKind::InvalidSubcommand)?;
            let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
            Some(UsageError::unknown("command", typed, &names).0)
        }
        ErrorKind::InvalidValue => {
            let typed = context(e, ContextKind::InvalidValue)?;
            let option = context(e, ContextKind::InvalidArg)?;
            let option = option.split(' ').next().unwrap_or(option);
            let Some(ContextValue::Strings(valid)) = e.get(ContextKind::ValidValue) else {
                return None;
            };
            let valid: Vec<&str> = valid.iter().map(String::as_str).collect();
            Some(UsageError::unknown(&format!("{option} value"), typed, &valid).0)
        }
        ErrorKind::UnknownArgument => {
            let typed = context(e, ContextKind::InvalidArg)?;
            let typed = typed.split('=').next().unwrap_or(typed);
            let command = cli.find_subcommand(args.get(1)?.to_str()?)?;
            let longs: Vec<String> = command
                .get_arguments()
                .filter_map(|a| a.get_long())
                .map(|long| format!("--{long}"))
                .collect();
            let longs: Vec<&str> = longs.iter().map(String::as_str).collect();
            let hint = suggest::did_you_mean(typed, &longs)
                .map(|h| format!("; {h}"))
                .unwrap_or_default();
            Some(format!(
                "{} does not take {typed}{hint} (see krakow-partners {} --help)",
                command.get_name(),
                command.get_name()
            ))
        }
        _ => None,
    }
}

/// A word after `--` that the command has no place for: a value, never an option, so
/// the message says so rather than naming options.
fn after_double_dash(args: &[OsString], e: &clap::Error) -> Option<String> {
    if e.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let typed = context(e, ContextKind::InvalidArg)?;
    let dashes = args.iter().position(|a| a == "--")?;
    let after = args[dashes + 1..].iter().any(|a| a.to_str() == Some(typed));
    let command = args.get(1)?.to_str()?;
    after.then(|| {
        format!(
            "{command} has no place for the value '{typed}' (after --, every word is a value, \
             and {command} takes no more)"
        )
    })
}

/// "map does not take --format (an option of list, records, …)": an unknown argument
/// that is an option of other commands.
fn not_an_option_here(cli: &clap::Command, args: &[OsString], e: &clap::Error) -> Option<String> {
    if e.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let Some(ContextValue::String(arg)) = e.get(ContextKind::InvalidArg) else {
        return None;
    };
    // After `options_after_command`, the command is the first argument.
    let command = cli.find_subcommand(args.get(1)?.to_str()?)?;
    let takers: Vec<&str> = cli
        .get_subcommands()
        .filter(|c| c.get_arguments().any(|a| names(a, arg)))
        .map(|c| c.get_name())
        .collect();
    let option = arg.split('=').next().unwrap_or(arg);
    match takers.as_slice() {
        [] => None,
        [one] => Some(format!(
            "{} does not take {option} (an option of {one})",
            command.get_name()
        )),
        [rest @ .., last] => Some(format!(
            "{} does not take {option} (an option of {} and {last})",
            command.get_name(),
            rest.join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved(line: &str) -> String {
        let args = line.split(' ').map(OsString::from).collect();
        let mut command = Cli::command();
        command.build();
        let args = options_after_command(&command, args);
        let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
        args.join(" ")
    }

    #[test]
    fn options_before_the_command_go_after_it() {
        assert_eq!(moved("kp --json list -n 2"), "kp list --json -n 2");
        assert_eq!(
            moved("kp --data map --format=csv map"),
            "kp map --data map --format=csv"
        );
        assert_eq!(moved("kp -fname list"), "kp list -fname");
        assert_eq!(moved("kp -f name -a list"), "kp list -f name -a");
        assert_eq!(moved("kp list --json"), "kp list --json");
        assert_eq!(moved("kp --version list"), "kp --version list");
        assert_eq!(moved("kp --json"), "kp --json");
    }

    #[test]
    fn the_filters_given_are_told_as_typed() {
        let args = "kp list --continent Oceania,asia -n 2 --capital --json --all";
        let Ok((_, filters)) = cli(args.split(' ').map(OsString::from), false) else {
            panic!("{args}");
        };
        assert_eq!(filters, "--continent Oceania,asia --all --capital");
    }

    fn usage(line: &str) -> String {
        let args = line.split(' ').map(OsString::from);
        match cli(args, false) {
            Err(Stop::Usage(message, 2)) => message,
            _ => panic!("{line} is not a usage error"),
        }
    }

    #[test]
    fn an_option_of_other_commands_is_refused_with_them() {
        assert_eq!(
            usage("kp map --json"),
            "krakow-partners: map does not take --json (an option of list, records, show, stats, distance, timeline and validate)"
        );
        assert!(usage("kp --json man").starts_with("krakow-partners: man does not take --json"));
    }

    #[test]
    fn clap_errors_use_the_tools_prefix() {
        assert_eq!(
            usage("kp lsit"),
            "krakow-partners: unknown command 'lsit'; did you mean list? (valid: list, \
             records, show, stats, distance, timeline, map, atlas, validate, completions, man, help)"
        );
        assert_eq!(
            usage("kp show -- --all --fields name"),
            "krakow-partners: show has no place for the value '--fields' (after --, every \
             word is a value, and show takes no more)"
        );
        assert_eq!(
            usage("kp list --feilds name"),
            "krakow-partners: list does not take --feilds; did you mean --fields? (see \
             krakow-partners list --help)"
        );
        // No command at all: the help, as it is.
        assert!(usage("kp").starts_with("Ask questions"));
    }
}
