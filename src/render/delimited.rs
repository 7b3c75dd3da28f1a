//! CSV and TSV: a header line of field keys, then one line per row.

use std::borrow::Cow;

use super::Grid;
use crate::fields::Value;
use crate::terminal;

/// How cells are written beyond the data's exact text.
#[derive(Clone, Copy, Default)]
pub struct Care {
    /// Escape control characters: the text goes to a terminal.
    pub escape: bool,
    /// Make text cells a spreadsheet would run as formulas inert.
    pub guard_formulas: bool,
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

/// The grid as delimited text; unknown values are empty cells.
pub fn render(grid: &Grid, delimiter: u8, care: Care) -> String {
    let mut text = header(&grid.keys, delimiter);
    text.push_str(&rows(
        grid.rows.iter().map(|row| row.iter().cloned()),
        delimiter,
        care,
    ));
    text
}

/// The header line: the keys.
pub fn header(keys: &[&str], delimiter: u8) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(keys);
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Rows of values as delimited lines, written as they come (a large answer needs no
/// table of cells first); unknown values are empty cells.
pub fn rows<'v, Row>(rows: impl Iterator<Item = Row>, delimiter: u8, care: Care) -> String
where
    Row: Iterator<Item = Value<'v>>,
{
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let mut text = String::new();
    for row in rows {
        for value in row {
            match value {
                // Text as it is: no copy.
                Value::Text(t) if !care.guard_formulas && !care.escape => {
                    let _ = writer.write_field(t.as_bytes());
                }
                _ => {
                    cell(&value, care, &mut text);
                    let _ = writer.write_field(&text);
                }
            }
        }
        let _ = writer.write_record(None::<&[u8]>);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// `key<TAB>value` lines, for one city in TSV.
pub fn pairs(pairs: &[(String, String)], care: Care) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .from_writer(Vec::new());
    for (key, value) in pairs {
        let value = if care.escape {
            terminal::escape(value, false)
        } else {
            value.into()
        };
        let _ = writer.write_record([key.as_str(), &value]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
