//! `validate`: check a data file and report every problem, or say it is sound.
//!
//! Usage: krakow-partners validate [FILE]

use std::path::Path;

use anyhow::Result;

use crate::answer::Answer;
use crate::load::{BUNDLED_NAME, Source};
use crate::sink::Count;

/// One summary line when the file is sound; its problems (exit 1) when not.
pub fn run(file: Option<&Path>) -> Result<Answer<'static>> {
    let source = Source::open(file)?;
    // Every row checked, none kept.
    let count = source.gather(&Count::default)?;
    let name = match file {
        None => BUNDLED_NAME.to_string(),
        Some(path) if path == Path::new("-") => "<stdin>".to_string(),
        Some(path) => path.display().to_string(),
    };
    Ok(Answer::Text(format!(
        "{name}: {} cities ({} active), every row valid\n",
        count.cities, count.active
    )))
}
