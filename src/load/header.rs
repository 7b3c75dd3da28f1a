//! A CSV file's header: which column of the table each of its fields is.

use std::borrow::Cow;

use crate::columns::{self, COLUMNS, Column, HEADER, Origin};
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
            return Err(problem(
                None,
                format!(
                    "missing column{} {} (the columns are: {})",
                    if missing.len() == 1 { "" } else { "s" },
                    missing.join(", "),
                    HEADER
                ),
            ));
        }
        Ok(Layout { columns: found })
    }

    /// How many fields every row has.
    pub fn width(&self) -> usize {
        self.columns.len()
    }
}
