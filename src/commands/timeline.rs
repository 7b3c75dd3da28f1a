//! `timeline`: agreements signed, and partnerships ended, per year or decade.
//!
//! Usage: krakow-partners timeline [--by SPAN] [FILTERS]

use anyhow::Result;

use crate::answer::Answer;
use crate::cli::TimelineArgs;
use crate::load::Source;
use crate::periods::Periods;

pub fn run<'s>(args: &TimelineArgs, source: &'s Source) -> Result<Answer<'s>> {
    // Only each city's name is kept, in its periods, as the file is read.
    let new = || Periods::new(args.by);
    let periods = super::gather_chosen(source, &args.filter.to_filter(), new)?;
    Ok(Answer::Timeline(periods.timeline()))
}
