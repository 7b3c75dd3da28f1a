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
mod city;
mod cli;
mod columns;
mod commands;
mod config;
mod error;
mod filter;
#[doc(hidden)]
pub mod fuzzing;
mod geo;
mod groups;
mod listing;
mod load;
mod map_formats;
mod order;
mod output;
mod parallel;
mod periods;
mod render;
mod rules;
mod sink;
mod suggest;
mod superlatives;
mod svg_map;
mod terminal;
mod value;

use std::process::ExitCode;

use std::io::IsTerminal;

use clap::Parser;
use clap::error::ErrorKind;

pub use answer::Answer;
pub use city::{Agreement, City, Continent, Date, Status, fold};
pub use columns::{Field, HEADER};
pub use error::LoadError;
pub use filter::Filter;
pub use geo::{from_krakow_km, geodesic_km};
pub use load::{RowError, Rows, bundled, load, read_csv};
pub use order::cities as sort;
pub use render::{Format, View, write};
pub use sink::{Count, Sink};
pub use superlatives::{Kind, Measure, Record, compute as records};

/// The program: reads the command line, answers, writes the answer, and gives the
/// exit code (0 success, 1 failure, 2 usage error).
pub fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let text = match std::io::stdout().is_terminal() {
                true => e.render().ansi().to_string(),
                false => e.render().to_string(),
            };
            return output::help(&text);
        }
        // clap prints its own usage errors and exits with 2.
        Err(e) => e.exit(),
    };
    let view = config::view(&cli);
    let mut out = output::stdout();
    output::finish(commands::run(&cli, &view, &mut out))
}
