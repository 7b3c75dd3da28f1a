//! `timeline`: agreements signed, and partnerships ended, per year or decade.

use anyhow::Result;

use crate::city::City;
use crate::cli::TimelineArgs;
use crate::render::{self, View};
use crate::stats;

pub fn run(args: &TimelineArgs, cities: Vec<City>, view: &View) -> Result<String> {
    view.not_geojson("timeline")?;
    let chosen = args.filter.to_filter().apply(cities)?;
    Ok(render::timeline(&stats::timeline(&chosen, args.by), view))
}
