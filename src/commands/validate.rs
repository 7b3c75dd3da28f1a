//! `validate`: check a data file and report every problem, or say it is sound; for
//! programs, each problem as an object too.
//!
//! Usage: krakow-partners validate [FILE] [--format json|ndjson]

use std::path::Path;

use anyhow::Result;

use crate::answer::Answer;
use crate::error::LoadError;
use crate::load::{BUNDLED_NAME, Source};
use crate::sink::Count;

/// For people (`for_programs` false): one summary line when the file is sound, its
/// problems (exit 1) when not. For programs: the problems as rows, none when the file
/// is sound, with the summary for people on standard error.
pub fn run(file: Option<&Path>, for_programs: bool) -> Result<Answer<'static>> {
    let source = Source::open(file)?;
    // Every row checked, none kept.
    let count = match (source.gather(&Count::default), for_programs) {
        (Ok(count), _) => count,
        (Err(problems), true) => return Ok(Answer::Problems(problems)),
        (Err(problems), false) => return Err(problems.into()),
    };
    let name = match file {
        None => BUNDLED_NAME.to_string(),
        Some(path) if path == Path::new("-") => "<stdin>".to_string(),
        Some(path) => path.display().to_string(),
    };
    let cities = match count.cities {
        1 => "1 city".to_string(),
        n => format!("{n} cities"),
    };
    let unknown = match count.unknown_status {
        0 => String::new(),
        n => format!(", {n} of unknown status"),
    };
    let summary = format!(
        "{name}: {cities} ({} active{unknown}), every row valid",
        count.active
    );
    if for_programs {
        crate::output::stderr(&summary);
        return Ok(Answer::Problems(LoadError {
            file: name,
            problems: Vec::new(),
        }));
    }
    Ok(Answer::Text(format!("{summary}\n")))
}
