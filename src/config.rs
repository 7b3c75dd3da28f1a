//! The command line resolved into what the work needs: how to write the answer.

use std::io::IsTerminal;

use crate::cli::{Cli, ColorChoice};
use crate::render::{Format, View};

/// The view the command line asks for: a table on a terminal, TSV into a pipe, unless
/// told otherwise.
pub fn view(cli: &Cli) -> View {
    let terminal = std::io::stdout().is_terminal();
    let format = match (cli.json, cli.format) {
        (true, _) => Format::Json,
        (false, Some(format)) => format,
        (false, None) if terminal => Format::Table,
        (false, None) => Format::Tsv,
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    View {
        format,
        fields: (!cli.fields.is_empty()).then(|| cli.fields.clone()),
        names: cli.names,
        colour: match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        },
        terminal,
        guard_formulas: cli.guard_formulas,
        wide: cli.wide,
        no_header: cli.no_header,
    }
}
