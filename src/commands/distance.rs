//! `distance`: between two partner cities, or from Kraków to one; Kraków itself may
//! be either end.
//!
//! Usage: krakow-partners distance CITY [TO]

use anyhow::Result;

use crate::answer::Answer;
use crate::city::City;
use crate::cli::DistanceArgs;
use crate::geo::{self, Leg};

/// One end of the way: Kraków itself, or a partner city.
enum End<'c, 'a> {
    Krakow,
    City(&'c City<'a>),
}

/// The place a name means: a city of the data first, else Kraków by any of its names.
fn end<'c, 'a>(cities: &'c [City<'a>], name: &str) -> Result<End<'c, 'a>> {
    match super::one_city(cities, name) {
        Ok(city) => Ok(End::City(city)),
        Err(_) if geo::is_krakow(name) => Ok(End::Krakow),
        Err(e) => Err(e),
    }
}

pub fn run(args: &DistanceArgs, cities: &[City]) -> Result<Answer<'static>> {
    let first = end(cities, &args.from)?;
    let second = match &args.to {
        Some(to) => Some(end(cities, to)?),
        None => None,
    };
    let leg = match (first, second) {
        (End::City(city), None) | (End::Krakow, Some(End::City(city))) => Leg::from_krakow(city),
        (End::City(from), Some(End::City(to))) => Leg::between(from, to),
        (End::City(city), Some(End::Krakow)) => Leg::to_krakow(city),
        (End::Krakow, None | Some(End::Krakow)) => Leg::krakow(),
    };
    Ok(Answer::Leg(leg))
}
