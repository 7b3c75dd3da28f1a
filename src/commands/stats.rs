//! `stats`: how many cities per continent, country, agreement, status, capital or
//! decade; with `-o`, drawn as a bar chart.
//!
//! Usage: krakow-partners stats [--by GROUP] [-o FILE] [--names LANG] [FILTERS]

use anyhow::Result;

use crate::answer::Answer;
use crate::cli::StatsArgs;
use crate::groups::Groups;
use crate::load::Source;
use crate::map::Language;
use crate::map_formats::{self, Target};
use crate::render::View;
use crate::sink::Renamed;

pub fn run<'s>(
    args: &StatsArgs,
    view: &View,
    chart: Option<&Target>,
    source: &'s Source,
    filters: &str,
) -> Result<Answer<'s>> {
    let filter = args.filter.to_filter();
    // Only each city's name is kept, in its group, as the file is read: the name it is
    // shown by (a chart's tooltips are for people whatever the format).
    let names = chart.map_or(view.names_shown(), |_| view.names);
    let new = || Renamed::new(names, Groups::new(args.by));
    let groups = super::gather_chosen(source, &filter, new)?
        .into_inner()
        .groups();
    let Some(target) = chart else {
        return Ok(Answer::Groups(groups));
    };
    if groups.is_empty() {
        return Err(super::nothing_to_draw(filters));
    }
    let lang = Language::of(view.names);
    let count = groups.iter().map(|g| g.cities.len()).sum();
    let subtitle = lang.counts_subtitle(count, &filter, args.input.data.as_deref());
    let svg = crate::charts::stats(&groups, args.by, lang, &subtitle);
    target.deliver(map_formats::chart(target.format, svg)?, "chart")
}
