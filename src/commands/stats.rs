//! `stats`: how many cities per continent, country, agreement, status, capital,
//! decade or year, a numeric field summed up over each group (`--of`); with `-o`, the
//! counts drawn as a bar chart.
//!
//! Usage: krakow-partners stats [--by GROUP] [--of FIELD] [-o FILE] [--names LANG] [FILTERS]

use anyhow::Result;

use crate::answer::Answer;
use crate::cli::StatsArgs;
use crate::error::UsageError;
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
    if let (Some(of), Some(_)) = (args.of, chart) {
        return Err(UsageError(format!(
            "-o draws how many cities each group has; --of {} is summed up in rows, not drawn",
            of.key()
        ))
        .into());
    }
    let filter = args.filter.to_filter();
    // Only each city's name is kept, in its group (with its value of --of), as the
    // file is read.
    let gathered = super::gather_shown(source, &filter, view, chart, || {
        Groups::new(args.groups(), args.of)
    })?;
    let Some(target) = chart else {
        return Ok(match args.of {
            Some(of) => Answer::Summaries {
                of,
                groups: gathered.summaries(),
            },
            None => Answer::Groups(gathered.groups()),
        });
    };
    let groups = gathered.groups();
    let count = groups.iter().map(|g| g.cities.len()).sum();
    let data = args.input.data.as_deref();
    let (lang, subtitle) = super::chart_words(view, count, &filter, data, filters)?;
    let svg = crate::charts::stats(&groups, args.groups(), lang, &subtitle);
    target.deliver(map_formats::chart(target.format, svg)?, "chart")
}
