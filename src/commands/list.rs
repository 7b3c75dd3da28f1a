//! `list`: partner cities, filtered and sorted.
//!
//! Usage: krakow-partners list [FILTERS] [--sort FIELD] [--desc] [--limit N]

use anyhow::{Context, Result};

use crate::answer::Answer;
use crate::cli::ListArgs;
use crate::columns::Field;
use crate::listing::{Listed, Listing};
use crate::load::Source;

pub fn run<'s>(args: &ListArgs, source: &'s Source) -> Result<Answer<'s>> {
    let filter = args.filter.to_filter();
    let by = args.sort.unwrap_or(Field::Name);
    // Only each chosen city's place and sort key are kept as the file is read.
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
