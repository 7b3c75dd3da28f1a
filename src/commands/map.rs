//! `map`: the chosen cities on a world map, as SVG, PNG or an HTML page.
//!
//! Usage: krakow-partners map [-o FILE] [FILTERS]

use std::path::Path;

use anyhow::{Context, Result};

use crate::answer::Answer;
use crate::city::City;
use crate::cli::MapArgs;
use crate::error::UsageError;
use crate::load::BUNDLED_AS_OF;
use crate::map_formats::{self, Drawn, Target};
use crate::render::View;
use crate::svg_map;

/// Where the map goes and as what, checked before the data is read.
pub fn target(args: &MapArgs, view: &View) -> Result<Target, UsageError> {
    Target::of(args.output.as_deref(), view.terminal)
}

/// The map for standard output, or nothing when it went to a file.
pub fn run(
    args: &MapArgs,
    target: &Target,
    cities: Vec<City>,
    data: Option<&Path>,
) -> Result<Answer<'static>> {
    let filter = args.filter.to_filter();
    let chosen = filter.apply(cities)?;
    let which = match (filter.all, filter.statuses.is_empty()) {
        (true, _) => "all partnerships".to_string(),
        (false, true) => "active partnerships".to_string(),
        (false, false) => {
            let names: Vec<&str> = filter.statuses.iter().map(|s| s.as_str()).collect();
            format!("{} partnerships", names.join(" or "))
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
    let subtitle = format!("{count} · {which} · {when}");
    let drawn = Drawn {
        svg: svg_map::svg(&chosen, &subtitle),
        title: svg_map::TITLE,
        subtitle: &subtitle,
        cities: &chosen,
    };
    let bytes = map_formats::bytes(target.format, drawn)?;
    match &target.file {
        Some(path) => {
            std::fs::write(path, bytes)
                .with_context(|| format!("cannot write the map to {}", path.display()))?;
            Ok(Answer::Text(String::new()))
        }
        None => Ok(Answer::Bytes(bytes)),
    }
}
