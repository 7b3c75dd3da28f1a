//! `distance`: between two partner cities, or from Kraków to one.

use anyhow::Result;

use crate::city::City;
use crate::cli::DistanceArgs;
use crate::render::{self, View};
use crate::stats::Leg;

pub fn run(args: &DistanceArgs, cities: &[City], view: &View) -> Result<String> {
    view.not_geojson("distance")?;
    let first = super::one_city(cities, &args.from)?;
    let leg = match &args.to {
        Some(to) => Leg::between(first, super::one_city(cities, to)?),
        None => Leg::from_krakow(first),
    };
    Ok(render::distance(&leg, view))
}
