//! krakow-partners: the City of Kraków's international partner cities, as typed records
//! with commands to filter, rank and print them.
//!
//! Data flows one way: argv ([`cli`]) → a view ([`config`]) → load ([`load`], each
//! city into a command's [`sink`]) → choose ([`filter`]) → compute ([`superlatives`],
//! [`groups`], [`periods`], [`geo`]) → an [`answer`] → written ([`render`]) onto
//! standard output ([`output`]). `docs/ARCHITECTURE.md` is the map.
//!
//! The modules are private; the few items tests, benches and fuzz targets use are
//! re-exported below.

mod answer;
mod atlas;
mod charts;
mod checks;
mod citations;
mod city;
mod cli;
mod columns;
mod commands;
mod completion;
mod conditions;
mod config;
mod countries;
mod error;
mod fields;
mod filter;
#[doc(hidden)]
pub mod fuzzing;
mod geo;
mod groups;
mod land;
mod listing;
mod load;
mod map;
mod map_formats;
mod markup;
mod memory;
mod names;
mod order;
mod output;
mod pairs;
mod parallel;
mod parse;
mod periods;
mod picks;
mod provenance;
mod render;
mod rules;
mod sink;
mod streams;
mod suggest;
mod superlatives;
mod tally;
mod terminal;
mod value;
mod whole_file;

use std::process::ExitCode;

use std::io::IsTerminal;

pub use answer::Answer;
pub use city::{Agreement, City, Continent, Date, DateRange, Status, fold};
pub use columns::{Field, HEADER};
pub use error::LoadError;
pub use fields::Pick;
pub use filter::Filter;
pub use geo::{from_krakow_km, geodesic_km};
pub use load::{Dialect, RowError, Rows, bundled, load, read_delimited};
pub use memory::Allocator;
pub use order::cities as sort;
pub use picks::Picks;
pub use render::{Format, View, write};
pub use sink::{Count, Sink};
#[cfg(unix)]
#[doc(hidden)]
pub use streams::look_at_streams;
pub use superlatives::{Kind, Measure, Record, compute as records};

/// The program: reads the command line, answers, writes the answer, and gives the
/// exit code (0 success, 1 failure, 2 usage error).
pub fn main() -> ExitCode {
    completion::answer_if_asked();
    let terminal = std::io::stdout().is_terminal();
    let (cli, filters) = match parse::cli(std::env::args_os(), terminal) {
        Ok(parsed) => parsed,
        Err(parse::Stop::Help(text)) => return output::help(&text),
        // Usage errors, clap's of several lines, with what was typed shown escaped.
        Err(parse::Stop::Usage(message, code)) => return output::usage(&message, code.into()),
    };
    let view = match config::view(&cli.command) {
        Ok(view) => view,
        Err(e) => return output::finish(Err(e.into())),
    };
    let mut out = output::stdout();
    output::finish(commands::run(&cli.command, &view, &filters, &mut out))
}
