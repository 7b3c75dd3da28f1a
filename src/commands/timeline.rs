//! `timeline`: agreements signed, and partnerships ended, per year or decade.
//!
//! Usage: krakow-partners timeline [--by SPAN] [FILTERS]

use anyhow::Result;

use crate::answer::Answer;
use crate::city::City;
use crate::cli::TimelineArgs;
use crate::periods;

pub fn run(args: &TimelineArgs, cities: Vec<City>) -> Result<Answer<'static>> {
    let chosen = args.filter.to_filter().apply(cities)?;
    Ok(Answer::Timeline(periods::timeline(&chosen, args.by)))
}
