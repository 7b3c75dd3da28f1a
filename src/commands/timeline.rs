//! `timeline`: agreements signed, and partnerships ended, per year or decade; with
//! `-o`, drawn as a bar chart.
//!
//! Usage: krakow-partners timeline [--by SPAN] [-o FILE] [--names LANG] [FILTERS]

use anyhow::Result;

use crate::answer::Answer;
use crate::charts::{self, MOST_COLUMNS};
use crate::cli::TimelineArgs;
use crate::load::Source;
use crate::map_formats::{self, Target};
use crate::periods::{Periods, Span};
use crate::render::View;

pub fn run<'s>(
    args: &TimelineArgs,
    view: &View,
    chart: Option<&Target>,
    source: &'s Source,
    filters: &str,
) -> Result<Answer<'s>> {
    let filter = args.filter.to_filter();
    // Only each city's name is kept, in its periods, as the file is read.
    let periods =
        super::gather_shown(source, &filter, view, chart, || Periods::new(args.by))?.timeline();
    let Some(target) = chart else {
        return Ok(Answer::Timeline(periods));
    };
    let count = periods.iter().map(|p| p.signed.len()).sum();
    let data = args.input.data.as_deref();
    let (lang, subtitle) = super::chart_words(view, count, &filter, data, filters)?;
    let Some(svg) = charts::timeline(&periods, args.by, lang, &subtitle) else {
        let advice = match args.by {
            Span::Year => "draw --by decade, or choose fewer years with --signed FROM..TO",
            Span::Decade => "choose fewer with --signed FROM..TO",
        };
        anyhow::bail!(
            "the agreements span more {} than one chart draws (at most {MOST_COLUMNS}): {advice}",
            match args.by {
                Span::Year => "years",
                Span::Decade => "decades",
            }
        );
    };
    target.deliver(map_formats::chart(target.format, svg)?, "chart")
}
