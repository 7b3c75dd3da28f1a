//! A CSV file's header: which column of the table each of its fields is.

use std::borrow::Cow;

use crate::columns::{self, COLUMNS, Column, Field, HEADER, Keep, Origin, Set};
use crate::error::Problem;
use crate::terminal::quote;

/// The column each field of the file's rows holds, by the header's names.
pub struct Layout {
    pub columns: Vec<&'static Column>,
}

impl Layout {
    pub fn read(header: &[Cow<str>]) -> Result<Layout, Problem> {
        let problem = |value: Option<&str>, message: String| {
            Problem::new(1, None, value.map(str::to_string), message)
        };
        let mut found: Vec<&'static Column> = Vec::with_capacity(header.len());
        for name in header {
            let Some(column) = COLUMNS.iter().find(|c| c.key == name) else {
                let keys: Vec<&str> = columns::stored().map(|c| c.key).collect();
                let hint = crate::suggest::did_you_mean(name, &keys)
                    .map(|h| format!("; {h}"))
                    .unwrap_or_default();
                return Err(problem(
                    Some(name),
                    format!(
                        "unknown column '{}'{hint} (the columns are: {})",
                        quote(name),
                        HEADER
                    ),
                ));
            };
            if found.iter().any(|c| c.key == column.key) {
                return Err(problem(
                    Some(name),
                    format!("column '{}' appears twice", column.key),
                ));
            }
            found.push(column);
        }
        // A column a row may leave empty may be left out: unknown for every row.
        let has = |field: Field| found.iter().any(|f| f.field == field);
        let missing = needed(|c| !has(c.field) && c.partner().is_none_or(|p| !has(p)));
        if !missing.is_empty() {
            let missing = format!(
                "missing column{} {}",
                if missing.len() == 1 { "" } else { "s" },
                missing.join(", ")
            );
            return Err(problem(
                None,
                match narrowed(&found) {
                    Some(why) => format!("{missing}: {why}"),
                    None => format!(
                        "{missing} (every data file has {}; any other column may be left out)",
                        and(&needed(|_| true))
                    ),
                },
            ));
        }
        Ok(Layout { columns: found })
    }

    /// How many fields every row has.
    pub fn width(&self) -> usize {
        self.columns.len()
    }
}

/// The columns (or pairs, `country or country_code`) a data file must have, of those
/// `which` picks.
fn needed(which: impl Fn(&Column) -> bool) -> Vec<String> {
    columns::stored()
        .filter(|c| which(c))
        .filter_map(|c| match c.origin {
            Origin::Required(_) => Some(c.key.to_string()),
            // A pair is named once, at its first column.
            Origin::Either(other, _) if c.field < other => {
                Some(format!("{} or {}", c.key, other.key()))
            }
            Origin::Either(..)
            | Origin::Optional(_)
            | Origin::Attached(_)
            | Origin::Computed
            | Origin::Measured => None,
        })
        .collect()
}

/// `a, b and c`.
fn and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Why a file may lack columns: it is the tool's own output with fewer fields than a
/// data file has (the usual mistake: `list`'s default TSV fed back to `--data`).
fn narrowed(found: &[&'static Column]) -> Option<&'static str> {
    let listed = columns::set(Set::Table(0, Keep::Always));
    if found.iter().map(|c| c.field).eq(listed) {
        Some(
            "this looks like `list` output with its default fields; use `--format csv` or \
             `--json` to keep every column",
        )
    } else if found.iter().any(|c| !c.is_stored()) {
        Some(
            "this looks like the tool's output with fewer fields (--fields); use \
             `--format csv` or `--json` without --fields to keep every column",
        )
    } else {
        None
    }
}
