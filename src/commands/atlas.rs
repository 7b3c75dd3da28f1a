//! `atlas`: one offline page of the chosen cities: the map, the charts, the table and
//! a card per city.
//!
//! Usage: krakow-partners atlas [-o FILE.html] [--title TEXT] [--names LANG] [FILTERS]

use std::path::Path;

use anyhow::{Context, Result};

use crate::answer::Answer;
use crate::atlas::{self, Atlas};
use crate::charts;
use crate::city::City;
use crate::cli::AtlasArgs;
use crate::geo::Centre;
use crate::groups::{GroupBy, Groups};
use crate::load::Source;
use crate::map::{self, Language};
use crate::map_formats::Target;
use crate::periods::{Periods, Span};
use crate::render::View;
use crate::sink::{Renamed, fed};

pub fn run(
    args: &AtlasArgs,
    view: &View,
    target: &Target,
    source: &Source,
    data: Option<&Path>,
) -> Result<Answer<'static>> {
    let filter = args.filter.to_filter();
    let mut cities = super::map::drawable(&filter, source)?;
    // The table and the cards in the order of the names shown.
    cities.sort_by_cached_key(|c| crate::city::fold(view.names.of(c).unwrap_or(&c.name)));
    let lang = Language::of(view.names);
    let title = args
        .title
        .clone()
        .unwrap_or_else(|| lang.title(&Centre::krakow(), view.names));
    let subtitle = lang.subtitle(&cities, &filter, data);
    let map = map::render(
        &cities,
        &map::Text {
            names: view.names,
            title: Some(title.clone()),
            subtitle: subtitle.clone(),
            from: Centre::krakow(),
        },
    );
    // The charts are made from the cities the map holds, by the sinks of `timeline`
    // and `stats`, so they count as those commands do.
    let periods = fed(
        &cities,
        Renamed::new(view.names, Periods::new(Span::Decade)),
    )
    .into_inner()
    .timeline();
    let timeline = charts::timeline(&periods, Span::Decade, lang, &subtitle)
        .context("the agreements span too many decades for one chart")?;
    let counts = [GroupBy::Continent, GroupBy::Agreement]
        .map(|by| counts(&cities, by, view, lang, &subtitle));
    let page = atlas::page(&Atlas {
        cities: &cities,
        names: view.names,
        title: &title,
        subtitle: &subtitle,
        map: &map,
        timeline: &timeline,
        counts: [&counts[0], &counts[1]],
    });
    target.deliver(page.into_bytes(), "atlas")
}

/// The chart of the cities counted by `by`.
fn counts(cities: &[City], by: GroupBy, view: &View, lang: Language, subtitle: &str) -> String {
    let groups = fed(cities, Renamed::new(view.names, Groups::new(by, None)))
        .into_inner()
        .groups();
    charts::stats(&groups, by, lang, subtitle)
}
