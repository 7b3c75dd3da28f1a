//! `show`: one city in full, found by any of its names.
//!
//! Usage: krakow-partners show CITY [FILTERS] [--from CITY]

use anyhow::Result;

use crate::answer::Answer;
use crate::city::Date;
use crate::cli::ShowArgs;
use crate::load::Source;
use crate::names::{self, Query};

pub fn run<'s>(args: &ShowArgs, source: &'s Source) -> Result<Answer<'s>> {
    let from = super::centre(source, &args.from)?;
    let mut filter = args.filter.to_filter();
    filter.centre = from.clone();
    // A user asking about a city wants it whatever its status: Moscow too.
    if filter.statuses.is_empty() {
        filter.all = true;
    }
    // Only the cities the name fits are kept as the file is read.
    let queries = [Query::new(&args.city)];
    let [found] = names::find(source, &filter, &queries)?;
    let [query] = &queries;
    let city = match query.city(found) {
        Ok(city) => city,
        // A city that exists but the filters leave out is explained, not denied.
        Err(unfound) => match &unfound.left_out {
            Some(city) => anyhow::bail!("{}", filter.why_left_out(city)),
            None => return Err(unfound.error()),
        },
    };
    // A year or month given to --as-of means its last day.
    let today = args.filter.as_of.map_or_else(Date::today, Date::last_day);
    let answer = Answer::City {
        city: Box::new(city),
        today,
    };
    Ok(super::measured(answer, from))
}
