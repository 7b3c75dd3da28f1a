//! `records`: the nearest, oldest, highest… of the chosen cities.

use anyhow::Result;

use crate::cli::RecordsArgs;
use crate::dataset::Source;
use crate::records::{Kind, Leaders};
use crate::render::{self, View};

pub fn run(args: &RecordsArgs, source: &Source, view: &View) -> Result<String> {
    let kinds = if args.kinds.is_empty() {
        Kind::ALL
    } else {
        &args.kinds
    };
    // Only the leaders are kept as the file is read, not every city.
    let new = || Leaders::new(kinds, args.top as usize);
    let leaders = super::gather_chosen(source, &args.filter.to_filter(), new)?;
    Ok(render::records(&leaders.records(), view))
}
