//! The command line resolved into what the work needs: how to write the answer.

use std::io::IsTerminal;

use clap::ValueEnum;

use crate::answer::tally_columns;
use crate::cli::{
    ChartArgs, ColorChoice, Command, DistanceArgs, ListArgs, OutputArgs, RecordsArgs, ShowArgs,
    StatsArgs, TimelineArgs,
};
use crate::error::UsageError;
use crate::render::{Format, View};

/// The view the command asks for: a table on a terminal, TSV into a pipe, unless told
/// otherwise; the columns `--fields` names, read against the command's own.
pub fn view(command: &Command) -> Result<View, UsageError> {
    let terminal = std::io::stdout().is_terminal();
    let (output, names, choice) = match command {
        Command::List(a) => (&a.output, a.names.names, ListArgs::ACCEPTS.fields),
        Command::Records(a) => (&a.output, a.names.names, RecordsArgs::ACCEPTS.fields),
        Command::Show(a) => (&a.output, a.names.names, ShowArgs::ACCEPTS.fields),
        Command::Stats(a) if a.chart.output.is_some() => return chart(&a.output, &a.chart),
        Command::Stats(a) => (&a.output, a.chart.names.names, StatsArgs::ACCEPTS.fields),
        Command::Distance(a) => (&a.output, None, DistanceArgs::ACCEPTS.fields),
        Command::Timeline(a) if a.chart.output.is_some() => return chart(&a.output, &a.chart),
        Command::Timeline(a) => (&a.output, a.chart.names.names, TimelineArgs::ACCEPTS.fields),
        // Problems for programs when asked for; otherwise text, as the others write.
        Command::Validate(a) => {
            let format = a.report.chosen_format().unwrap_or(Format::Tsv);
            return Ok(View {
                terminal,
                ..View::new(format)
            });
        }
        // The map and the atlas are drawn in the names asked for; they have no other
        // output options.
        Command::Atlas(a) => {
            return Ok(View {
                terminal,
                names: a.names.names.unwrap_or_default(),
                ..View::new(Format::Tsv)
            });
        }
        Command::Map(a) => {
            return Ok(View {
                terminal,
                names: a.names.names.unwrap_or_default(),
                ..View::new(Format::Tsv)
            });
        }
        Command::Completions(_) | Command::Man(_) => {
            return Ok(View {
                terminal,
                ..View::new(Format::Tsv)
            });
        }
    };
    let (format, default) = match output.chosen_format() {
        Some(format) => (format, ""),
        None if terminal => (Format::Table, ", the default on a terminal"),
        None => (Format::Tsv, ", the default into a pipe"),
    };
    for (option, formats) in output.for_some_formats() {
        if !formats.contains(&format) {
            return Err(for_other_formats(option, formats, format, default));
        }
    }
    let fields = match output.fields.as_slice() {
        [] => None,
        typed => Some(choice.pick(typed)?),
    };
    // A summary's columns are there only when a field is summed up.
    if let (Command::Stats(a), Some(picks)) = (command, &fields)
        && a.of.is_none()
        && let Some(pick) = picks.iter().find(|p| tally_columns().any(|k| k == p.key()))
    {
        return Err(UsageError(format!(
            "--fields {} needs --of FIELD (the numeric field summed up)",
            pick.key()
        )));
    }
    Ok(View {
        format,
        fields,
        names: names.unwrap_or_default(),
        colour: colour(
            output.color.unwrap_or(ColorChoice::Auto),
            terminal,
            &|name| std::env::var(name).ok(),
        ),
        terminal,
        guard_formulas: output.guard_formulas,
        wide: output.wide,
        no_header: output.no_header,
    })
}

/// The view of a chart (`-o`): drawn in the names asked for; the options of answers
/// written as rows are refused, never silently ignored.
fn chart(output: &OutputArgs, chart: &ChartArgs) -> Result<View, UsageError> {
    let given = [
        (output.format.is_some(), "--format"),
        (output.json, "--json"),
        (!output.fields.is_empty(), "--fields"),
        (output.wide, "--wide"),
        (output.color == Some(ColorChoice::Always), "--color always"),
        (output.no_header, "--no-header"),
        (output.guard_formulas, "--guard-formulas"),
    ];
    if let Some((_, option)) = given.iter().find(|(given, _)| *given) {
        return Err(UsageError(format!(
            "{option} is for the answer as rows; -o draws it as a chart (leave out -o for rows)"
        )));
    }
    Ok(View {
        terminal: std::io::stdout().is_terminal(),
        names: chart.names.names.unwrap_or_default(),
        ..View::new(Format::Tsv)
    })
}

/// "--wide is for --format table (the answer here is json)".
fn for_other_formats(
    option: &str,
    formats: &[Format],
    format: Format,
    default: &str,
) -> UsageError {
    let names: Vec<String> = formats.iter().map(|f| name(*f)).collect();
    let names = match names.as_slice() {
        [rest @ .., last] if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.join(""),
    };
    UsageError(format!(
        "{option} is for --format {names} (the answer here is {}{default})",
        name(format)
    ))
}

/// A format's name, as `--format` takes it.
fn name(format: Format) -> String {
    format
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}

/// Whether tables are coloured: `--color always|never` as asked; else never when
/// `NO_COLOR` is set (and not empty), always when `CLICOLOR_FORCE` is (and not 0), and
/// otherwise on a terminal that shows colour (`TERM=dumb` does not).
fn colour(choice: ColorChoice, terminal: bool, env: &dyn Fn(&str) -> Option<String>) -> bool {
    let set = |name: &str| env(name).filter(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("NO_COLOR").is_some() => false,
        ColorChoice::Auto if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") => true,
        ColorChoice::Auto => terminal && env("TERM").as_deref() != Some("dumb"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    #[test]
    fn colour_follows_the_flag_then_the_environment_then_the_terminal() {
        let auto =
            |terminal, vars: &[(&str, &str)]| colour(ColorChoice::Auto, terminal, &with(vars));
        assert!(auto(true, &[("TERM", "xterm-256color")]));
        assert!(!auto(false, &[("TERM", "xterm-256color")]));
        assert!(!auto(true, &[("TERM", "dumb")]));
        assert!(!auto(true, &[("NO_COLOR", "1")]));
        assert!(auto(true, &[("NO_COLOR", "")]));
        assert!(auto(false, &[("CLICOLOR_FORCE", "1")]));
        assert!(auto(true, &[("CLICOLOR_FORCE", "1"), ("TERM", "dumb")]));
        assert!(!auto(false, &[("CLICOLOR_FORCE", "0")]));
        assert!(!auto(false, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
        assert!(colour(
            ColorChoice::Always,
            false,
            &with(&[("NO_COLOR", "1")])
        ));
        assert!(!colour(
            ColorChoice::Never,
            true,
            &with(&[("CLICOLOR_FORCE", "1")])
        ));
    }
}
