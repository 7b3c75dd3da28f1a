//! `list`: partner cities, filtered and sorted.
//!
//! Usage: krakow-partners list [FILTERS] [--sort FIELD] [--desc] [--limit N]

use anyhow::{Context, Result};

use crate::answer::Answer;
use crate::city::City;
use crate::cli::ListArgs;
use crate::columns::Field;
use crate::listing::{Listed, Listing};
use crate::load::Source;
use crate::order;

/// Files below this size have their chosen cities kept as they are read: reading them
/// again costs more time than keeping them costs memory. Above it, only each city's
/// place and sort key are kept (a city takes more memory than its row).
const KEEP_CITIES_BELOW: usize = 8 << 20;

pub fn run<'s>(args: &ListArgs, source: &'s Source) -> Result<Answer<'s>> {
    let filter = args.filter.to_filter();
    let by = args.sort.unwrap_or(Field::Name);
    if source.len() < KEEP_CITIES_BELOW {
        let mut chosen: Vec<City> = super::gather_chosen(source, &filter, Vec::new)?;
        order::cities(&mut chosen, by, args.desc);
        chosen.truncate(args.limit.unwrap_or(usize::MAX));
        return Ok(Answer::Cities(chosen));
    }
    let listing = super::gather_chosen(source, &filter, || Listing::new(by, args.desc))?;
    let at = listing.order(args.limit);
    let reread = source
        .reread()
        .with_context(|| format!("{} changed while it was read", source.name))?;
    Ok(Answer::Listed(Listed {
        reread,
        at,
        chooser: filter.chooser(),
    }))
}
