//! `list`: partner cities, filtered and sorted.
//!
//! Usage: krakow-partners list [FILTERS] [--from CITY] [--sort FIELD] [--desc] [--limit N]

use anyhow::{Context, Result};

use crate::answer::Answer;
use crate::city::City;
use crate::cli::ListArgs;
use crate::columns::Field;
use crate::filter::Filter;
use crate::listing::{Listed, Listing};
use crate::load::Source;
use crate::order;
use crate::render::Names;

/// Files below this size have their chosen cities kept as they are read: reading them
/// again costs more time than keeping them costs memory. Above it, only each city's
/// place and sort key are kept (a city takes more memory than its row).
const KEEP_CITIES_BELOW: usize = 8 << 20;

/// The cities, sorted by the names `names` (those the answer shows) where by name.
pub fn run<'s>(args: &ListArgs, source: &'s Source, names: Names) -> Result<Answer<'s>> {
    let from = super::centre(source, &args.from)?;
    let filter = Filter {
        centre: from.clone(),
        ..args.filter.to_filter()
    };
    let by = args.sort.map_or(Field::Name, |s| s.field);
    let desc = args.desc || args.sort.is_some_and(|s| s.descending);
    if source.len() < KEEP_CITIES_BELOW {
        let mut chosen: Vec<City> = super::gather_chosen(source, &filter, Vec::new)?;
        order::named(&mut chosen, by, desc, names, &from);
        chosen.truncate(args.limit.unwrap_or(usize::MAX));
        return Ok(super::measured(Answer::Cities(chosen), from));
    }
    let new = || Listing::new(by, desc, names, from.clone());
    let listing = super::gather_chosen(source, &filter, new)?;
    let at = listing.order(args.limit);
    let reread = source
        .reread()
        .with_context(|| format!("{} changed while it was read", source.name))?;
    let listed = Answer::Listed(Box::new(Listed {
        reread,
        at,
        chooser: filter.chooser(),
    }));
    Ok(super::measured(listed, from))
}
