//! `records`: the nearest, oldest, highest… of the chosen cities.

use anyhow::Result;

use crate::city::City;
use crate::cli::RecordsArgs;
use crate::records::{self, Kind};
use crate::render::{self, View};

pub fn run(args: &RecordsArgs, cities: Vec<City>, view: &View) -> Result<String> {
    let chosen = args.filter.to_filter().apply(cities)?;
    let kinds = if args.kinds.is_empty() {
        Kind::ALL
    } else {
        &args.kinds
    };
    let found = records::compute(&chosen, kinds, args.top as usize);
    Ok(render::records(&found, view))
}
