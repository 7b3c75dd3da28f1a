//! `stats`: how many cities per continent, country, agreement, status, capital or
//! decade; with `-o`, drawn as a bar chart.
//!
//! Usage: krakow-partners stats [--by GROUP] [-o FILE] [--names LANG] [FILTERS]

use anyhow::Result;

use crate::answer::Answer;
use crate::cli::StatsArgs;
use crate::groups::Groups;
use crate::load::Source;
use crate::map_formats::{self, Target};
use crate::render::View;

pub fn run<'s>(
    args: &StatsArgs,
    view: &View,
    chart: Option<&Target>,
    source: &'s Source,
    filters: &str,
) -> Result<Answer<'s>> {
    let filter = args.filter.to_filter();
    // Only each city's name is kept, in its group, as the file is read.
    let groups =
        super::gather_shown(source, &filter, view, chart, || Groups::new(args.by))?.groups();
    let Some(target) = chart else {
        return Ok(Answer::Groups(groups));
    };
    let count = groups.iter().map(|g| g.cities.len()).sum();
    let data = args.input.data.as_deref();
    let (lang, subtitle) = super::chart_words(view, count, &filter, data, filters)?;
    let svg = crate::charts::stats(&groups, args.by, lang, &subtitle);
    target.deliver(map_formats::chart(target.format, svg)?, "chart")
}
