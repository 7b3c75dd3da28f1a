//! `show`: one city in full, found by any of its names.
//!
//! Usage: krakow-partners show CITY [FILTERS]

use anyhow::Result;

use crate::answer::Answer;
use crate::city::{City, Date};
use crate::cli::ShowArgs;

pub fn run<'s>(args: &ShowArgs, cities: Vec<City<'s>>) -> Result<Answer<'s>> {
    let mut filter = args.filter.to_filter();
    // A user asking about a city wants it whatever its status: Moscow too.
    if filter.statuses.is_empty() {
        filter.all = true;
    }
    let chosen = filter.apply(cities)?;
    let city = Box::new(super::one_city(&chosen, &args.city)?.clone());
    let today = args.filter.as_of.unwrap_or_else(Date::today);
    Ok(Answer::City { city, today })
}
