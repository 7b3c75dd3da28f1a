//! A CSV file's header: which column of the table each of its fields is.

use std::borrow::Cow;

use crate::columns::{self, COLUMNS, Column, HEADER, Keep, Origin, Set};
use crate::error::Problem;
use crate::terminal::quote;

/// The column each field of the file's rows holds, by the header's names.
pub struct Layout {
    pub columns: Vec<&'static Column>,
}

impl Layout {
    pub fn read(header: &[Cow<str>]) -> Result<Layout, Problem> {
        let problem = |value: Option<&str>, message: String| Problem {
            line: 1,
            column: None,
            value: value.map(str::to_string),
            message,
        };
        let mut found: Vec<&'static Column> = Vec::with_capacity(header.len());
        for name in header {
            let Some(column) = COLUMNS.iter().find(|c| c.key == name) else {
                return Err(problem(
                    Some(name),
                    format!(
                        "unknown column '{}' (the columns are: {})",
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
        let missing: Vec<&str> = columns::stored()
            .filter(|c| matches!(c.origin, Origin::Required(_)))
            .filter(|c| !found.iter().any(|f| f.key == c.key))
            .map(|c| c.key)
            .collect();
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
                    None => format!("{missing} (the columns are: {HEADER})"),
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
