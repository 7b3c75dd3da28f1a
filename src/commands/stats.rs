//! `stats`: how many cities per continent, country, agreement, status, capital or decade.

use anyhow::Result;

use crate::city::City;
use crate::cli::StatsArgs;
use crate::render::{self, View};
use crate::stats;

pub fn run(args: &StatsArgs, cities: Vec<City>, view: &View) -> Result<String> {
    view.not_geojson("stats")?;
    let chosen = args.filter.to_filter().apply(cities)?;
    Ok(render::groups(&stats::group(&chosen, args.by), view))
}
