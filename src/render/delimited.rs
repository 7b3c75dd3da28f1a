//! CSV and TSV: a header line of field keys, then one line per row.

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

fn cell(value: &Value, care: Care) -> String {
    let text = value.plain();
    let text = if care.guard_formulas && matches!(value, Value::Text(_) | Value::List(_)) {
        terminal::guard_formula(&text).into_owned()
    } else {
        text
    };
    if care.escape {
        terminal::escape(&text, false).into_owned()
    } else {
        text
    }
}

/// The grid as delimited text; unknown values are empty cells.
pub fn render(grid: &Grid, delimiter: u8, care: Care) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(&grid.keys);
    for row in &grid.rows {
        let _ = writer.write_record(row.iter().map(|v| cell(v, care)));
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
