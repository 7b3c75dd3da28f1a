//! `validate`: check a data file and report every problem, or say it is sound.

use std::path::Path;

use anyhow::Result;

use crate::city::Status;
use crate::dataset::{self, BUNDLED_NAME};

/// One summary line when the file is sound; its problems (exit 1) when not.
pub fn run(file: Option<&Path>) -> Result<String> {
    let source = dataset::Source::open(file)?;
    let cities = source.cities()?;
    let name = match file {
        None => BUNDLED_NAME.to_string(),
        Some(path) if path == Path::new("-") => "<stdin>".to_string(),
        Some(path) => path.display().to_string(),
    };
    let active = cities.iter().filter(|c| c.status == Status::Active).count();
    Ok(format!(
        "{name}: {} cities ({active} active), every row valid\n",
        cities.len()
    ))
}
