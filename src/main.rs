use std::process::ExitCode;

use clap::Parser;
use krakow_partners::cli::Cli;
use krakow_partners::dataset::LoadError;
use krakow_partners::error::UsageError;
use krakow_partners::{commands, output};

fn main() -> ExitCode {
    // clap prints its own usage errors and exits with 2.
    let cli = Cli::parse();
    let result = commands::run(&cli).and_then(|text| Ok(output::stdout(&text)?));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if output::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let usage = e.downcast_ref::<UsageError>().is_some();
            if e.downcast_ref::<LoadError>().is_some() {
                // Already one `file:line: column: problem` per line.
                output::stderr(&e.to_string());
            } else {
                output::stderr(&format!("krakow-partners: {e:#}"));
            }
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}
