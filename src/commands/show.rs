//! `show`: one city in full, found by any of its names.
//!
//! Usage: krakow-partners show CITY [--sources] [FILTERS] [--from CITY]

use anyhow::Result;

use crate::answer::Answer;
use crate::citations::Citations;
use crate::city::Date;
use crate::cli::ShowArgs;
use crate::columns::Field;
use crate::error::UsageError;
use crate::fields::Pick;
use crate::load::Source;
use crate::names::{self, Query};
use crate::provenance::EVIDENCED;

/// `fields`: the city's fields `--fields` chose, which for `--sources` are the values
/// whose sources are shown.
pub fn run<'s>(args: &ShowArgs, source: &'s Source, fields: Option<&[Pick]>) -> Result<Answer<'s>> {
    let sourced = match args.sources {
        true => Some(sourced(fields)?),
        false => None,
    };
    let from = super::centre(source, &args.from)?;
    let mut filter = args.filter.to_filter();
    filter.centre = from.clone();
    // A user asking about a city wants it whatever its status: Moscow too.
    if filter.statuses.is_empty() {
        filter.all = true;
    }
    // Only the cities the name fits are kept as the file is read.
    let queries = [Query::new(&args.city)];
    let [found] = names::find(source, &filter, &queries)?;
    let [query] = &queries;
    let city = match query.city(found) {
        Ok(city) => city,
        // A city that exists but the filters leave out is explained, not denied.
        Err(unfound) => match &unfound.left_out {
            Some(city) => anyhow::bail!("{}", filter.why_left_out(city)),
            None => return Err(unfound.error()),
        },
    };
    if let Some(fields) = sourced {
        return Ok(Answer::Citations(Box::new(Citations { city, fields })));
    }
    // A year or month given to --as-of means its last day.
    let today = args.filter.as_of.map_or_else(Date::today, Date::last_day);
    let answer = Answer::City {
        city: Box::new(city),
        today,
    };
    Ok(super::measured(answer, from))
}

/// The fields whose sources `--sources` shows: those `--fields` chose, each one that
/// takes sources, or all of them.
fn sourced(fields: Option<&[Pick]>) -> Result<Vec<Field>, UsageError> {
    let Some(picks) = fields else {
        return Ok(EVIDENCED.to_vec());
    };
    picks
        .iter()
        .map(|pick| match pick {
            Pick::City(field) if EVIDENCED.contains(field) => Ok(*field),
            other => {
                let keys: Vec<&str> = EVIDENCED.iter().map(|f| f.key()).collect();
                Err(UsageError(format!(
                    "--sources shows the sources of values, and {} has none (--fields takes: {})",
                    other.key(),
                    keys.join(", ")
                )))
            }
        })
        .collect()
}
