//! `stats`: how many cities per continent, country, agreement, status, capital or decade.

use anyhow::Result;

use crate::cli::StatsArgs;
use crate::dataset::Source;
use crate::render::{self, View};
use crate::stats::Groups;

pub fn run(args: &StatsArgs, source: &Source, view: &View) -> Result<String> {
    view.not_geojson("stats")?;
    // Only each city's name is kept, in its group, as the file is read.
    let new = || Groups::new(args.by);
    let groups = super::gather_chosen(source, &args.filter.to_filter(), new)?;
    Ok(render::groups(&groups.groups(), view))
}
