//! `records`: the nearest, oldest, highest… of the chosen cities.
//!
//! Usage: krakow-partners records [RECORD…] [--top N] [FILTERS] [--from CITY]

use anyhow::Result;

use crate::answer::Answer;
use crate::cli::RecordsArgs;
use crate::filter::Filter;
use crate::load::Source;
use crate::superlatives::{Kind, Leaders};

pub fn run<'s>(args: &RecordsArgs, source: &'s Source) -> Result<Answer<'s>> {
    let kinds = if args.kinds.is_empty() {
        Kind::ALL
    } else {
        &args.kinds
    };
    let top = usize::try_from(args.top).unwrap_or(usize::MAX);
    let from = super::centre(source, &args.from)?;
    let filter = Filter {
        centre: from.clone(),
        ..args.filter.to_filter()
    };
    // Only the leaders are kept as the file is read, not every city.
    let new = || Leaders::new(kinds, top, from.clone());
    let leaders = super::gather_chosen(source, &filter, new)?;
    Ok(super::measured(Answer::Records(leaders.records()), from))
}
