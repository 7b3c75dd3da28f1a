//! One module per command. Each takes its options and the loaded cities and returns
//! the whole answer as text; nothing is written until it is complete.

mod distance;
mod help;
mod list;
mod map;
mod records;
mod show;
mod stats;
mod timeline;
mod validate;

use std::io::IsTerminal;

use anyhow::Result;

use crate::cli::{Cli, ColorChoice, Command};
use crate::dataset::{self, Gather, Source};
use crate::filter::{Chosen, Countries, Filter};
use crate::render::{Format, View};

/// Runs the command line's command and returns what goes to standard output.
pub fn run(cli: &Cli) -> Result<String> {
    // Commands that need no cities.
    match &cli.command {
        Command::Validate(args) => {
            return validate::run(args.file.as_deref().or(cli.data.as_deref()));
        }
        Command::Completions(args) => return Ok(help::completions(args.shell)),
        Command::Man => return help::man(),
        _ => {}
    }
    let terminal = std::io::stdout().is_terminal();
    let format = match (cli.json, cli.format) {
        (true, _) => Format::Json,
        (false, Some(format)) => format,
        (false, None) if terminal => Format::Table,
        (false, None) => Format::Tsv,
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let view = View {
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
    };
    let source = dataset::Source::open(cli.data.as_deref())?;
    match &cli.command {
        Command::List(args) => list::run(args, &source, &view),
        Command::Records(args) => records::run(args, &source, &view),
        Command::Show(args) => show::run(args, source.cities()?, &view),
        Command::Stats(args) => stats::run(args, &source, &view),
        Command::Distance(args) => distance::run(args, &source.cities()?, &view),
        Command::Timeline(args) => timeline::run(args, source.cities()?, &view),
        Command::Map(args) => map::run(args, source.cities()?, cli.data.as_deref()),
        Command::Validate(_) | Command::Completions(_) | Command::Man => unreachable!(),
    }
}

/// What `new` keeps of the cities `filter` takes, gathered as the file is read, so a
/// large file's other cities are never kept. A `--country` is matched against the
/// file's countries first, which takes one more reading.
fn gather_chosen<'s, G: Gather<'s>>(
    source: &'s Source,
    filter: &Filter,
    new: impl Fn() -> G + Sync,
) -> Result<G> {
    let countries = if filter.countries.is_empty() {
        Countries::default()
    } else {
        source.gather(&Countries::default)?
    };
    let chooser = filter.chooser(&countries)?;
    let new = || Chosen {
        chooser: &chooser,
        inner: new(),
    };
    Ok(source.gather(&new)?.inner)
}

/// The one city `name` means, or an error: none (with the nearest names) or several.
fn one_city<'c>(
    cities: &'c [crate::city::City<'c>],
    name: &str,
) -> Result<&'c crate::city::City<'c>> {
    match crate::filter::find_by_name(cities, name).as_slice() {
        [city] => Ok(city),
        [] => {
            // Match every name and alias, but suggest each city by its English name.
            let mut near: Vec<&str> = Vec::new();
            for close in crate::suggest::closest(name, &crate::filter::known_names(cities)) {
                let city = cities.iter().find(|c| c.all_names().any(|n| n == close));
                if let Some(city) = city.filter(|c| !near.contains(&&*c.name)) {
                    near.push(&city.name);
                }
            }
            let hint = crate::suggest::phrase(&near)
                .map(|h| format!("; {h}"))
                .unwrap_or_default();
            anyhow::bail!("no partner city '{name}'{hint}")
        }
        several => {
            let names: Vec<String> = several
                .iter()
                .map(|c| format!("{} ({})", c.name, c.country))
                .collect();
            anyhow::bail!(
                "'{name}' fits several cities: {}; give more of the name",
                names.join(", ")
            )
        }
    }
}
