//! One module per command. Each takes its options and the loaded cities and returns
//! the whole answer as text; nothing is written until it is complete.

mod list;
mod records;

use std::io::IsTerminal;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::dataset;
use crate::render::Format;

/// Runs the command line's command and returns what goes to standard output.
pub fn run(cli: &Cli) -> Result<String> {
    let format = match (cli.json, cli.format) {
        (true, _) => Format::Json,
        (false, Some(format)) => format,
        (false, None) if std::io::stdout().is_terminal() => Format::Table,
        (false, None) => Format::Tsv,
    };
    let cities = dataset::open(cli.data.as_deref())?;
    match &cli.command {
        Command::List(args) => list::run(args, &cities, format),
        Command::Records(args) => records::run(args, &cities, format),
    }
}
