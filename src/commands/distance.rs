//! `distance`: between two partner cities, or from Kraków to one.
//!
//! Usage: krakow-partners distance CITY [TO]

use anyhow::Result;

use crate::answer::Answer;
use crate::city::City;
use crate::cli::DistanceArgs;
use crate::geo::Leg;

pub fn run(args: &DistanceArgs, cities: &[City]) -> Result<Answer<'static>> {
    let first = super::one_city(cities, &args.from)?;
    let leg = match &args.to {
        Some(to) => Leg::between(first, super::one_city(cities, to)?),
        None => Leg::from_krakow(first),
    };
    Ok(Answer::Leg(leg))
}
