//! One row's cells checked against the column table's rules, and the rules that span
//! columns: a sound city, or every problem with it.

use std::borrow::Cow;

use crate::city::{Agreement, City};
use crate::columns::{Column, Field, Origin};
use crate::countries;
use crate::error::Problem;
use crate::provenance;

/// A cell's text; or, for a JSON value of the wrong type, what was wrong with it.
pub type Cell<'a> = Result<Cow<'a, str>, String>;

/// The city a row's cells describe (each cell with its column), or `None` with its
/// problems added to `problems`.
pub fn city<'a>(
    line: u64,
    cells: impl Iterator<Item = (&'static Column, Cell<'a>)>,
    problems: &mut Vec<Problem>,
) -> Option<City<'a>> {
    let before = problems.len();
    let mut problem = |column: &'static str, value: Option<String>, message: String| {
        problems.push(Problem::new(line, Some(column), value, message));
    };
    let mut city = City::blank();
    // Rules across columns hold only between values that were read.
    let mut failed: Vec<Field> = Vec::new();
    for (column, cell) in cells {
        let text = match cell {
            Ok(text) => text,
            Err(message) => {
                problem(column.key, None, message);
                failed.push(column.field);
                continue;
            }
        };
        let read = match column.origin {
            Origin::Required(read) => read,
            // Whether the other column holds a value is judged once the row is read.
            Origin::Either(_, _) | Origin::Optional(_) | Origin::Attached(_) if text.is_empty() => {
                continue;
            }
            Origin::Either(_, read) | Origin::Optional(read) | Origin::Attached(read) => read,
            // The tool's own output: worked out again, never read.
            Origin::Computed | Origin::Measured => continue,
        };
        // Kept for the report: a borrowed cell costs nothing to keep.
        let found = text.clone();
        if let Err(message) = read(&mut city, text) {
            problem(column.key, Some(found.into_owned()), message);
            failed.push(column.field);
        }
    }
    let read = |field: Field| !failed.contains(&field);
    if read(Field::Country)
        && read(Field::CountryCode)
        && !countries::fill(&mut city.country, &mut city.country_code)
    {
        problem(
            "country",
            None,
            "is empty, and no country_code is given (a row needs one of them)".into(),
        );
    }
    // `fill` keeps a name and a code that name different countries as written.
    if let (Some(name), Some(code)) = (city.country.as_deref(), city.country_code.as_deref())
        && let Some(named) = countries::find(name)
        && named.code != code
    {
        let what = match countries::by_code(code) {
            Some(coded) => format!("is {}'s code, but country is {}", coded.name, named.name),
            None => format!("is not the code of {}", named.name),
        };
        problem(
            "country_code",
            Some(code.to_string()),
            format!(
                "'{code}' {what} ({}): country and country_code must name the same country",
                named.code
            ),
        );
    }
    // A file without continents still answers --continent: the country tells it.
    if city.continent.is_none()
        && read(Field::Continent)
        && let Some(code) = city.country_code.as_deref()
    {
        city.continent = countries::by_code(code).and_then(|c| c.continent);
    }
    if read(Field::Agreement)
        && read(Field::Signed)
        && city.agreement == Some(Agreement::None)
        && city.signed.is_some()
    {
        let signed = city.signed.map(|d| d.to_string()).unwrap_or_default();
        problem(
            "signed",
            Some(signed),
            "a city with agreement 'none' has no signing date (leave it empty)".into(),
        );
    }
    if let (Some(signed), Some(since)) = (city.signed, city.status_since)
        && read(Field::StatusSince)
        && since.surely_before(signed)
    {
        problem(
            "status_since",
            Some(since.to_string()),
            format!("{since} is before the agreement was signed ({signed})"),
        );
    }
    if let (Some(first), Some(last)) = (city.first_attested, city.last_attested)
        && read(Field::FirstAttested)
        && read(Field::LastAttested)
        && last.surely_before(first)
    {
        problem(
            "last_attested",
            Some(last.to_string()),
            format!("{last} is before the partnership was first attested ({first})"),
        );
    }
    // A file's own provenance (JSON): each source one of the city's, for a value it has.
    for cited in city.provenance.iter() {
        if let Err(message) = provenance::judge(&city, cited.field, &cited.url) {
            let message = format!("{}: {message}", cited.field.key());
            problem("provenance", Some(cited.url.to_string()), message);
        }
    }
    (problems.len() == before).then_some(city)
}
