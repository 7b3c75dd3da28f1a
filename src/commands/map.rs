//! `map`: the chosen cities on a world map, as SVG.
//!
//! Usage: krakow-partners map [-o FILE] [FILTERS]

use std::path::Path;

use anyhow::{Context, Result};

use crate::answer::Answer;
use crate::city::{City, Status};
use crate::cli::MapArgs;
use crate::load::BUNDLED_AS_OF;
use crate::svg_map;

/// The SVG for standard output, or nothing when it went to `--output`.
pub fn run(args: &MapArgs, cities: Vec<City>, data: Option<&Path>) -> Result<Answer<'static>> {
    let filter = args.filter.to_filter();
    let chosen = filter.apply(cities)?;
    let which = match (filter.all, filter.statuses.is_empty()) {
        (true, _) => "all partnerships".to_string(),
        (false, true) => "active partnerships".to_string(),
        (false, false) => {
            let names = |statuses: &[Status]| -> String {
                let names: Vec<&str> = statuses.iter().map(|s| s.as_str()).collect();
                names.join(" or ")
            };
            match filter.statuses.taken.is_empty() {
                false => format!("{} partnerships", names(&filter.statuses.taken)),
                true => format!("partnerships not {}", names(&filter.statuses.refused)),
            }
        }
    };
    let when = match (filter.as_of, data) {
        (Some(date), _) => format!("as of {date}"),
        (None, None) => format!("data as of {BUNDLED_AS_OF}"),
        (None, Some(path)) => format!("data from {}", path.display()),
    };
    let count = match chosen.len() {
        1 => "1 city".to_string(),
        n => format!("{n} cities"),
    };
    let svg = svg_map::svg(&chosen, &format!("{count} · {which} · {when}"));
    match &args.output {
        Some(path) => {
            std::fs::write(path, svg)
                .with_context(|| format!("cannot write the map to {}", path.display()))?;
            Ok(Answer::Text(String::new()))
        }
        None => Ok(Answer::Text(svg)),
    }
}
