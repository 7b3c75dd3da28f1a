//! `stats`: how many cities per continent, country, agreement, status, capital or
//! decade.
//!
//! Usage: krakow-partners stats [--by GROUP] [FILTERS]

use anyhow::Result;

use crate::answer::Answer;
use crate::cli::StatsArgs;
use crate::groups::Groups;
use crate::load::Source;

pub fn run<'s>(args: &StatsArgs, source: &'s Source) -> Result<Answer<'s>> {
    // Only each city's name is kept, in its group, as the file is read.
    let new = || Groups::new(args.by);
    let groups = super::gather_chosen(source, &args.filter.to_filter(), new)?;
    Ok(Answer::Groups(groups.groups()))
}
