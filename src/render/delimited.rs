//! CSV and TSV: a header line of keys, then one line per row (a card in TSV: one
//! `key<TAB>value` line per column).

use std::borrow::Cow;
use std::io::{self, Write};

use super::grid::{Grid, Shape};
use super::write_rows;
use crate::terminal;
use crate::value::Value;

/// How cells are written beyond the data's exact text.
#[derive(Clone, Copy, Default)]
pub struct Care {
    /// Escape control characters: the text goes to a terminal.
    pub escape: bool,
    /// Make text cells a spreadsheet would run as formulas inert.
    pub guard_formulas: bool,
}

pub fn write(grid: &Grid, delimiter: u8, care: Care, out: &mut dyn Write) -> io::Result<()> {
    let new_writer = |buffer: &mut Vec<u8>| {
        csv::WriterBuilder::new()
            .delimiter(delimiter)
            .from_writer(std::mem::take(buffer))
    };
    if grid.shape == Shape::Card && delimiter == b'\t' {
        let mut writer = new_writer(&mut Vec::new());
        let mut text = String::new();
        grid.row(0, |cells, _| {
            for (col, value) in grid.columns.iter().zip(cells) {
                cell(value, care, &mut text);
                writer.write_record([col.key, &text])?;
            }
            Ok(())
        })?;
        return out.write_all(&into_bytes(writer)?);
    }
    let mut writer = new_writer(&mut Vec::new());
    writer.write_record(grid.columns.iter().map(|c| c.key))?;
    out.write_all(&into_bytes(writer)?)?;
    write_rows(grid.rows.len(), out, |rows, buffer| {
        let mut writer = new_writer(buffer);
        let mut text = String::new();
        for i in rows {
            grid.row(i, |cells, _| {
                for value in cells {
                    match value {
                        // Text as it is: no copy.
                        Value::Text(t) if !care.guard_formulas && !care.escape => {
                            writer.write_field(t.as_bytes())?;
                        }
                        _ => {
                            cell(value, care, &mut text);
                            writer.write_field(&text)?;
                        }
                    }
                }
                writer.write_record(None::<&[u8]>)?;
                Ok(())
            })?;
        }
        *buffer = into_bytes(writer)?;
        Ok(())
    })
}

fn into_bytes(writer: csv::Writer<Vec<u8>>) -> io::Result<Vec<u8>> {
    writer
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))
}

/// A cell's text, written into `text`.
fn cell(value: &Value, care: Care, text: &mut String) {
    text.clear();
    value.plain_into(text);
    if care.guard_formulas
        && matches!(value, Value::Text(_) | Value::List(_))
        && let Cow::Owned(guarded) = terminal::guard_formula(text)
    {
        *text = guarded;
    }
    if care.escape
        && let Cow::Owned(escaped) = terminal::escape(text, false)
    {
        *text = escaped;
    }
}
