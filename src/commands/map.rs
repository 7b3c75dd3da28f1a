//! `map`: the chosen cities on a map, as SVG.
//!
//! Usage: krakow-partners map [-o FILE] [--title TEXT] [FILTERS]

use std::path::Path;

use anyhow::{Context, Result};

use crate::answer::Answer;
use crate::city::City;
use crate::cli::MapArgs;
use crate::error::UsageError;
use crate::map::{self, Language};
use crate::render::View;

/// The most cities one map draws: beyond it the picture is a blot and takes long to make.
const MOST: usize = 5000;

/// The SVG for standard output, or nothing when it went to `--output`.
pub fn run(
    args: &MapArgs,
    view: &View,
    cities: Vec<City>,
    data: Option<&Path>,
) -> Result<Answer<'static>> {
    if args.output.is_none() && view.terminal {
        return Err(UsageError(
            "the map is an SVG document, not for reading on a terminal; write it to a file \
             with -o map.svg, or redirect it: krakow-partners map > map.svg"
                .to_string(),
        )
        .into());
    }
    if cities.is_empty() {
        anyhow::bail!("no cities to draw: the data holds none");
    }
    let filter = args.filter.to_filter();
    let chosen = filter.apply(cities)?;
    if chosen.is_empty() {
        anyhow::bail!("no cities to draw: the filters leave out every city");
    }
    if chosen.len() > MOST {
        anyhow::bail!(
            "{} cities are too many for one map (at most {MOST}); choose fewer with \
             --continent, --country, --agreement or --search",
            chosen.len()
        );
    }
    let lang = Language::of(view.names);
    let text = map::Text {
        names: view.names,
        title: args.title.clone(),
        subtitle: lang.subtitle(&chosen, &filter, data),
    };
    let svg = map::render(&chosen, &text);
    match &args.output {
        Some(path) => {
            std::fs::write(path, svg)
                .with_context(|| format!("cannot write the map to {}", path.display()))?;
            Ok(Answer::Text(String::new()))
        }
        None => Ok(Answer::Text(svg)),
    }
}
