//! The command line resolved into what the work needs: how to write the answer.

use std::io::IsTerminal;

use crate::cli::{
    ColorChoice, Command, DistanceArgs, ListArgs, RecordsArgs, ShowArgs, StatsArgs, TimelineArgs,
};
use crate::error::UsageError;
use crate::render::{Format, View};

/// The view the command asks for: a table on a terminal, TSV into a pipe, unless told
/// otherwise; the columns `--fields` names, read against the command's own.
pub fn view(command: &Command) -> Result<View, UsageError> {
    let terminal = std::io::stdout().is_terminal();
    let (output, names, choice) = match command {
        Command::List(a) => (&a.output, a.names.names, ListArgs::FIELDS),
        Command::Records(a) => (&a.output, a.names.names, RecordsArgs::FIELDS),
        Command::Show(a) => (&a.output, a.names.names, ShowArgs::FIELDS),
        Command::Stats(a) => (&a.output, None, StatsArgs::FIELDS),
        Command::Distance(a) => (&a.output, None, DistanceArgs::FIELDS),
        Command::Timeline(a) => (&a.output, None, TimelineArgs::FIELDS),
        // Problems for programs when asked for; otherwise text, as the others write.
        Command::Validate(a) => {
            let format = a.report.chosen_format().unwrap_or(Format::Tsv);
            return Ok(View {
                terminal,
                ..View::new(format)
            });
        }
        // The map is drawn in the names asked for; it has no other output options.
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
    let format = match output.chosen_format() {
        Some(format) => format,
        None if terminal => Format::Table,
        None => Format::Tsv,
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let fields = match output.fields.as_slice() {
        [] => None,
        typed => Some(choice.pick(typed)?),
    };
    Ok(View {
        format,
        fields,
        names: names.unwrap_or_default(),
        colour: match output.color.unwrap_or(ColorChoice::Auto) {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        },
        terminal,
        guard_formulas: output.guard_formulas,
        wide: output.wide,
        no_header: output.no_header,
    })
}
