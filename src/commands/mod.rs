//! One module per command. Each takes its options and the data and returns an
//! [`Answer`]; nothing is written until the whole input is read and the answer known.

mod distance;
mod help;
mod list;
mod map;
mod records;
mod show;
mod stats;
mod timeline;
mod validate;

use std::io::Write;

use anyhow::{Context, Result};

use crate::city::City;
use crate::cli::{Cli, Command};
use crate::error::UsageError;
use crate::filter::{Chosen, Countries, Filter};
use crate::load::Source;
use crate::render::{self, Format, View};
use crate::sink::Sink;

/// Runs the command line's command and writes its answer onto `out`.
pub fn run(cli: &Cli, view: &View, out: &mut dyn Write) -> Result<()> {
    let data = cli.data.as_deref();
    let source;
    let answer = match &cli.command {
        Command::Validate(args) => validate::run(args.file.as_deref().or(data))?,
        Command::Completions(args) => help::completions(args.shell),
        Command::Man => help::man()?,
        Command::List(args) => {
            source = Source::open(data)?;
            list::run(args, &source)?
        }
        Command::Records(args) => {
            source = Source::open(data)?;
            records::run(args, &source)?
        }
        Command::Show(args) => {
            source = Source::open(data)?;
            show::run(args, source.cities()?)?
        }
        Command::Stats(args) => {
            not_geojson(view, "stats")?;
            source = Source::open(data)?;
            stats::run(args, &source)?
        }
        Command::Distance(args) => {
            not_geojson(view, "distance")?;
            source = Source::open(data)?;
            distance::run(args, &source.cities()?)?
        }
        Command::Timeline(args) => {
            not_geojson(view, "timeline")?;
            source = Source::open(data)?;
            timeline::run(args, source.cities()?)?
        }
        Command::Map(args) => {
            let target = map::target(args, view)?;
            source = Source::open(data)?;
            map::run(args, &target, source.cities()?, data)?
        }
    };
    render::write(&answer, view, out).context("cannot write to standard output")?;
    Ok(())
}

/// Refuses GeoJSON for answers that are not places (counts, a distance).
fn not_geojson(view: &View, answer: &str) -> Result<(), UsageError> {
    if view.format == Format::Geojson {
        return Err(UsageError(format!(
            "{answer} has no place to put on a map: --format geojson is for list, show \
             and records (valid here: table, tsv, json, ndjson, csv)"
        )));
    }
    Ok(())
}

/// What the sinks `new` makes keep of the cities `filter` takes, gathered as the file
/// is read, so a large file's other cities are never kept.
fn gather_chosen<'s, S: Sink<'s>>(
    source: &'s Source,
    filter: &Filter,
    new: impl Fn() -> S + Sync,
) -> Result<S> {
    let chooser = filter.chooser();
    let new = || Chosen::new(&chooser, new());
    let chosen = source.gather(&new)?;
    // The file's countries are gathered only to explain a --country that is in none.
    let countries = || source.gather(&Countries::default).unwrap_or_default();
    Ok(chosen.finish(countries)?)
}

/// The one city `name` means, or an error: none (with the nearest names) or several.
fn one_city<'c, 'a>(cities: &'c [City<'a>], name: &str) -> Result<&'c City<'a>> {
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
