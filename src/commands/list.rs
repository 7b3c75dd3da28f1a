//! `list`: partner cities, filtered and sorted.

use anyhow::Result;

use crate::city::City;
use crate::cli::ListArgs;
use crate::dataset::Source;
use crate::fields::Field;
use crate::filter;
use crate::render::{self, View};

pub fn run(args: &ListArgs, source: &Source, view: &View) -> Result<String> {
    let mut chosen: Vec<City> = super::gather_chosen(source, &args.filter.to_filter(), Vec::new)?;
    filter::sort(&mut chosen, args.sort.unwrap_or(Field::Name), args.desc);
    if let Some(limit) = args.limit {
        chosen.truncate(limit);
    }
    Ok(render::cities(&chosen, view))
}
