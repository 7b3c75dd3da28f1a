//! `validate`: check a data file (and its provenance file) and report every problem
//! and warning, or say it is sound; for programs, each problem as an object too.
//!
//! Usage: krakow-partners validate [FILE] [--evidence FILE] [--format json|ndjson]

use std::path::Path;

use anyhow::Result;

use crate::answer::Answer;
use crate::error::LoadError;
use crate::load::{BUNDLED_NAME, Source};
use crate::sink::Count;

/// For people (`for_programs` false): the warnings on standard error and one summary
/// line when the file is sound, its problems (exit 1) when not. For programs: the
/// problems as rows (the warnings, when the file is sound), with the summary for people
/// on standard error. `evidence` is the provenance file, if another than the bundled one.
pub fn run(
    file: Option<&Path>,
    evidence: Option<&Path>,
    for_programs: bool,
) -> Result<Answer<'static>> {
    let source = Source::open(file, evidence)?;
    // Every row checked, none kept.
    let (count, warnings) = match (source.checked(&Count::default), for_programs) {
        (Ok(checked), _) => checked,
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
    let warned = match warnings.len() {
        0 => String::new(),
        1 => "; 1 warning".to_string(),
        n => format!("; {n} warnings"),
    };
    let summary = format!(
        "{name}: {cities} ({} active{unknown}), every row valid{warned}",
        count.active
    );
    let report = LoadError {
        file: name,
        problems: warnings,
    };
    if for_programs {
        crate::output::stderr(&summary);
        return Ok(Answer::Problems(report));
    }
    if !report.problems.is_empty() {
        for line in report.to_string().lines() {
            crate::output::stderr(line);
        }
    }
    Ok(Answer::Text(format!("{summary}\n")))
}
