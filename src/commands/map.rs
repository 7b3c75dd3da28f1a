//! `map`: the chosen cities on a map, as SVG, PNG or an HTML page.
//!
//! Usage: krakow-partners map [-o FILE] [--title TEXT] [--names LANG] [FILTERS] [--from CITY]

use std::path::Path;

use anyhow::Result;

use crate::answer::Answer;
use crate::city::City;
use crate::cli::MapArgs;
use crate::error::UsageError;
use crate::filter::{Chosen, Countries, Filter};
use crate::load::Source;
use crate::map::{self, Language};
use crate::map_formats::{self, Drawn, Picture, Target};
use crate::render::View;
use crate::sink::{Read, Sink, Upto};

/// The most cities one map draws: beyond it the picture is a blot and takes long to make.
const MOST: usize = 5000;

/// Where the map goes and as what, checked before the data is read.
pub fn target(args: &MapArgs, view: &View) -> Result<Target, UsageError> {
    Target::of(args.output.as_deref(), view.terminal, Picture::Map)
}

/// What `map` keeps as the file is read: how many cities it holds, and the chosen ones
/// up to the most a map draws, the others only counted (a map refused costs little).
struct Drawable<'c, 'a> {
    held: usize,
    chosen: Chosen<'c, Upto<'a>>,
}

impl<'a> Sink<'a> for Drawable<'_, 'a> {
    fn add(&mut self, read: Read<'a, '_>) {
        self.held += 1;
        self.chosen.add(read);
    }

    fn finish_part(&mut self) {
        self.chosen.finish_part();
    }

    fn join(&mut self, later: Self) {
        self.held += later.held;
        self.chosen.join(later.chosen);
    }
}

/// The cities `filter` chooses, as long as there is one and not more than a map
/// draws.
pub fn drawable<'s>(filter: &Filter, source: &'s Source) -> Result<Vec<City<'s>>> {
    let chooser = filter.chooser();
    let drawable = source.gather(&|| Drawable {
        held: 0,
        chosen: Chosen::new(&chooser, Upto::new(MOST)),
    })?;
    if drawable.held == 0 {
        anyhow::bail!("no cities to draw: the data holds none");
    }
    let chosen = drawable.chosen.finish(|| Countries::in_file(source))?;
    if chosen.count == 0 {
        anyhow::bail!("no cities to draw: the filters leave out every city");
    }
    if chosen.count > MOST {
        anyhow::bail!(
            "{} cities are too many for one map (at most {MOST}); choose fewer with \
             --continent, --country, --agreement or --search",
            chosen.count
        );
    }
    Ok(chosen.cities)
}

/// The map for standard output, or nothing when it went to a file.
pub fn run(
    args: &MapArgs,
    view: &View,
    target: &Target,
    source: &Source,
    data: Option<&Path>,
) -> Result<Answer<'static>> {
    let from = super::centre(source, &args.from)?;
    let filter = Filter {
        centre: from.clone(),
        ..args.filter.to_filter()
    };
    let chosen = drawable(&filter, source)?;
    let lang = Language::of(view.names);
    let text = map::Text {
        names: view.names,
        title: args.title.clone(),
        subtitle: lang.subtitle(&chosen, &filter, data),
        from,
    };
    let title = match &text.title {
        Some(title) => title.clone(),
        None => lang.title(&text.from, view.names),
    };
    let drawn = Drawn {
        svg: map::render(&chosen, &text),
        names: view.names,
        title: &title,
        subtitle: &text.subtitle,
        cities: &chosen,
        from: &text.from,
    };
    target.deliver(map_formats::bytes(target.format, drawn)?, "map")
}
