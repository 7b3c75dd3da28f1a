use std::process::ExitCode;

use clap::Parser;
use krakow_partners::cli::Cli;
use krakow_partners::{commands, output};

fn main() -> ExitCode {
    // clap prints its own usage errors and exits with 2.
    let cli = Cli::parse();
    // The whole answer is computed before its first byte is written.
    let result = commands::run(&cli).and_then(|text| Ok(output::stdout(&text)?));
    output::finish(result)
}
