//! `map`: the chosen cities on a map, as SVG, PNG or an HTML page.
//!
//! Usage: krakow-partners map [-o FILE] [--title TEXT] [--names LANG] [FILTERS]

use std::path::Path;

use anyhow::{Context, Result};

use crate::answer::Answer;
use crate::city::City;
use crate::cli::MapArgs;
use crate::error::UsageError;
use crate::map::{self, Language};
use crate::map_formats::{self, Drawn, Target};
use crate::render::View;

/// The most cities one map draws: beyond it the picture is a blot and takes long to make.
const MOST: usize = 5000;

/// Where the map goes and as what, checked before the data is read.
pub fn target(args: &MapArgs, view: &View) -> Result<Target, UsageError> {
    Target::of(args.output.as_deref(), view.terminal)
}

/// The map for standard output, or nothing when it went to a file.
pub fn run(
    args: &MapArgs,
    view: &View,
    target: &Target,
    cities: Vec<City>,
    data: Option<&Path>,
) -> Result<Answer<'static>> {
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
    let drawn = Drawn {
        svg: map::render(&chosen, &text),
        names: view.names,
        title: text.title.as_deref().unwrap_or(lang.title()),
        subtitle: &text.subtitle,
        cities: &chosen,
    };
    let bytes = map_formats::bytes(target.format, drawn)?;
    match &target.file {
        Some(path) => {
            crate::whole_file::write(path, &bytes)
                .with_context(|| format!("cannot write the map to {}", path.display()))?;
            Ok(Answer::Text(String::new()))
        }
        None => Ok(Answer::Bytes(bytes)),
    }
}
