//! `show`: one city in full, found by any of its names.

use anyhow::Result;

use crate::city::{City, Date};
use crate::cli::ShowArgs;
use crate::render::{self, View};

pub fn run(args: &ShowArgs, cities: Vec<City>, view: &View) -> Result<String> {
    let mut filter = args.filter.to_filter();
    // A user asking about a city wants it whatever its status: Moscow too.
    if filter.statuses.is_empty() {
        filter.all = true;
    }
    let chosen = filter.apply(cities)?;
    let city = super::one_city(&chosen, &args.city)?;
    let today = args.filter.as_of.unwrap_or_else(Date::today);
    Ok(render::detail(city, today, view))
}
