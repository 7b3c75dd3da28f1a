//! `show`: one city in full, found by any of its names.
//!
//! Usage: krakow-partners show CITY [FILTERS]

use anyhow::Result;

use crate::answer::Answer;
use crate::city::{City, Date};
use crate::cli::ShowArgs;
use crate::filter::Filter;
use crate::load::Source;
use crate::names::{self, Query};

pub fn run<'s>(args: &ShowArgs, source: &'s Source) -> Result<Answer<'s>> {
    let mut filter = args.filter.to_filter();
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
            Some(city) => anyhow::bail!("{}", left_out(city, &filter)),
            None => return Err(unfound.error()),
        },
    };
    // A year or month given to --as-of means its last day.
    let today = args.filter.as_of.map_or_else(Date::today, Date::last_day);
    Ok(Answer::City {
        city: Box::new(city),
        today,
    })
}

/// Why the filters leave out a city that exists.
fn left_out(city: &City, filter: &Filter) -> String {
    let name = &city.name;
    if let Some(date) = filter.as_of {
        match city.counts_from() {
            None => {
                return format!(
                    "{name} cannot be placed on {date}: neither its signing nor its first \
                     attestation is dated"
                );
            }
            Some(from) if !from.surely_by(date) => {
                return format!("{name} was not a partner on {date}: it counts from {from}");
            }
            Some(_) => {}
        }
    }
    let Some(status) = city.status else {
        if !filter.all && !filter.statuses.is_empty() {
            return format!("{name}'s status is unknown, so --status leaves it out; add --all");
        }
        return format!("{name} (status unknown) is left out by the filters given");
    };
    let shown = match city.status_since {
        Some(since) => format!("{status} since {since}"),
        None => status.to_string(),
    };
    if !filter.all && !filter.statuses.is_empty() && !filter.statuses.allows(&status) {
        return format!("{name} is {shown}; add --all, or --status {status}");
    }
    format!("{name} ({shown}) is left out by the filters given")
}
