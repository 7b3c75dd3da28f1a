//! CSV and TSV: a header line of keys (unless left out), then one line per row, whatever
//! the answer's shape (`show`'s one city too: the same as `list` writes it).
//!
//! TSV is IANA text/tab-separated-values: never quoted; a tab, line feed, carriage
//! return or backslash in a value is written `\t`, `\n`, `\r`, `\\`, so every line is
//! one row and every tab ends a field (`cut`, `awk -F'\t'`, Miller and `--data` read
//! it back exactly).

use std::borrow::Cow;
use std::io::{self, Write};

use super::grid::Grid;
use super::write_rows;
use crate::load::Dialect;
use crate::terminal;
use crate::value::Value;

/// How cells are written beyond the data's exact text.
#[derive(Clone, Copy, Default)]
pub struct Care {
    /// Escape what a terminal would obey: the text goes to a terminal.
    pub escape: bool,
    /// Make text cells a spreadsheet would run as formulas inert.
    pub guard_formulas: bool,
    /// Leave out the header line.
    pub no_header: bool,
}

pub fn write(grid: &Grid, dialect: Dialect, care: Care, out: &mut dyn Write) -> io::Result<()> {
    match dialect {
        Dialect::Csv => write_csv(grid, care, out),
        Dialect::Tsv => write_tsv(grid, care, out),
    }
}

fn write_tsv(grid: &Grid, care: Care, out: &mut dyn Write) -> io::Result<()> {
    if !care.no_header {
        let keys: Vec<&str> = grid.columns.iter().map(|c| &*c.key).collect();
        out.write_all(keys.join("\t").as_bytes())?;
        out.write_all(b"\n")?;
    }
    write_rows(grid.rows.len(), out, |rows, buffer| {
        let mut text = String::new();
        for i in rows {
            grid.row(i, |cells, _| {
                for (j, value) in cells.iter().enumerate() {
                    if j > 0 {
                        buffer.push(b'\t');
                    }
                    match value {
                        // Text as it is: no copy.
                        Value::Text(t) if !care.guard_formulas => tsv_field(t, care, buffer),
                        _ => {
                            cell(value, care, &mut text);
                            tsv_field(&text, care, buffer);
                        }
                    }
                }
                buffer.push(b'\n');
                Ok(())
            })?;
        }
        Ok(())
    })
}

/// A TSV field: the text with its tabs, line breaks and backslashes escaped (and then
/// what a terminal would obey, for one).
fn tsv_field(text: &str, care: Care, out: &mut Vec<u8>) {
    if care.escape {
        let mut escaped = Vec::with_capacity(text.len());
        tsv_escape(text, &mut escaped);
        // Only ASCII escapes were added to valid UTF-8.
        let escaped = String::from_utf8_lossy(&escaped);
        out.extend_from_slice(terminal::escape(&escaped, false).as_bytes());
    } else {
        tsv_escape(text, out);
    }
}

/// The text with its tabs, line breaks and backslashes written `\t`, `\n`, `\r`, `\\`.
fn tsv_escape(text: &str, out: &mut Vec<u8>) {
    let bytes = text.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escaped: &[u8] = match b {
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\\' => b"\\\\",
            _ => continue,
        };
        out.extend_from_slice(&bytes[from..i]);
        out.extend_from_slice(escaped);
        from = i + 1;
    }
    out.extend_from_slice(&bytes[from..]);
}

fn write_csv(grid: &Grid, care: Care, out: &mut dyn Write) -> io::Result<()> {
    let new_writer = |buffer: &mut Vec<u8>| csv::Writer::from_writer(std::mem::take(buffer));
    if !care.no_header {
        let mut writer = new_writer(&mut Vec::new());
        writer.write_record(grid.columns.iter().map(|c| c.key.as_bytes()))?;
        out.write_all(&into_bytes(writer)?)?;
    }
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
                            if care.escape {
                                // Line breaks kept: the field is quoted.
                                text = terminal::escape(&text, true).into_owned();
                            }
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

/// A cell's plain text, written into `text`, guarded where asked.
fn cell(value: &Value, care: Care, text: &mut String) {
    text.clear();
    value.plain_into(text);
    if care.guard_formulas
        && matches!(value, Value::Text(_) | Value::List(_))
        && let Cow::Owned(guarded) = terminal::guard_formula(text)
    {
        *text = guarded;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tsv(text: &str) -> String {
        let mut out = Vec::new();
        tsv_escape(text, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn tsv_fields_escape_tabs_line_breaks_and_backslashes_and_never_quote() {
        assert_eq!(tsv("plain \"quoted\""), "plain \"quoted\"");
        assert_eq!(tsv("a\tb\nc\r\nd\\e"), "a\\tb\\nc\\r\\nd\\\\e");
        assert_eq!(tsv("\\t"), "\\\\t");
    }
}
