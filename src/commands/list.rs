//! `list`: partner cities, filtered and sorted.
//!
//! Usage: krakow-partners list [FILTERS] [--sort FIELD] [--desc] [--limit N]

use anyhow::Result;

use crate::answer::Answer;
use crate::city::City;
use crate::cli::ListArgs;
use crate::columns::Field;
use crate::filter;
use crate::load::Source;

pub fn run<'s>(args: &ListArgs, source: &'s Source) -> Result<Answer<'s>> {
    let mut chosen: Vec<City> = super::gather_chosen(source, &args.filter.to_filter(), Vec::new)?;
    filter::sort(&mut chosen, args.sort.unwrap_or(Field::Name), args.desc);
    if let Some(limit) = args.limit {
        chosen.truncate(limit);
    }
    Ok(Answer::Cities(chosen))
}
