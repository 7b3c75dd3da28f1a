//! `stats`: how many cities per continent, country, agreement, status, capital,
//! decade or year, and a numeric field summed up over each group (`--of`).
//!
//! Usage: krakow-partners stats [--by GROUP] [--of FIELD] [FILTERS]

use anyhow::Result;

use crate::answer::Answer;
use crate::cli::StatsArgs;
use crate::groups::Groups;
use crate::load::Source;

pub fn run<'s>(args: &StatsArgs, source: &'s Source) -> Result<Answer<'s>> {
    // Only each city's name is kept, in its group (with its value of --of), as the
    // file is read.
    let new = || Groups::new(args.groups(), args.of);
    let groups = super::gather_chosen(source, &args.filter.to_filter(), new)?;
    Ok(match args.of {
        Some(of) => Answer::Summaries {
            of,
            groups: groups.summaries(),
        },
        None => Answer::Groups(groups.groups()),
    })
}
