//! Splits TSV text (IANA text/tab-separated-values, as the tool writes it) into rows of
//! fields that borrow from the text: one line is one row, a tab ends a field, and
//! `\t`, `\n`, `\r` and `\\` in a field stand for a tab, a line feed, a carriage return
//! and a backslash (a backslash before anything else is itself). A field is copied
//! only when it holds an escape. Rows end at `\n` or `\r\n`; blank lines are skipped;
//! every field is trimmed of surrounding whitespace, as in CSV.

use std::borrow::Cow;

use memchr::memchr;

use super::csv_rows::{RowError, past_blank_lines, text_of};
use crate::city::trim;

/// The rows of a TSV text, read one at a time.
pub struct Rows<'a> {
    text: &'a [u8],
    /// Where the next row starts, and its line.
    pos: usize,
    line: u64,
}

impl<'a> Rows<'a> {
    /// The rows of `text` from byte `start`, which begins a row on line `line`.
    pub fn new(text: &'a [u8], start: usize, line: u64) -> Rows<'a> {
        Rows {
            text,
            pos: start,
            line,
        }
    }

    /// Where the next row starts: its byte offset and its line.
    pub fn position(&self) -> (usize, u64) {
        (self.pos, self.line)
    }

    /// Moves past blank lines, so that [`Rows::position`] is where a row starts.
    pub fn skip_blank_lines(&mut self) {
        (self.pos, self.line) = past_blank_lines(self.text, self.pos, self.line, false);
    }

    /// Reads the next row into `fields` and returns the line it is on, or what makes
    /// it unreadable (reading goes on at the next line); `None` at the end.
    pub fn next_row(
        &mut self,
        fields: &mut Vec<Cow<'a, str>>,
    ) -> Option<(u64, Result<(), RowError>)> {
        self.skip_blank_lines();
        let text = self.text;
        if self.pos >= text.len() {
            return None;
        }
        let line = self.line;
        let start = self.pos;
        let end = memchr(b'\n', &text[start..]).map_or(text.len(), |i| start + i);
        (self.pos, self.line) = (end + 1, line + 1);
        let row = &text[start..end];
        let row = row.strip_suffix(b"\r").unwrap_or(row);
        fields.clear();
        Some((line, split(row, fields)))
    }
}

/// The row's fields as text, checked for UTF-8 and NUL once for the whole row.
fn split<'a>(row: &'a [u8], fields: &mut Vec<Cow<'a, str>>) -> Result<(), RowError> {
    let field_at = |at: usize| memchr::memchr_iter(b'\t', &row[..at]).count();
    let row = text_of(row, field_at)?;
    for field in row.split('\t') {
        fields.push(match field.contains('\\') {
            true => Cow::Owned(trim(&unescape(field)).to_string()),
            false => Cow::Borrowed(trim(field)),
        });
    }
    Ok(())
}

/// The field's text with its escapes read.
fn unescape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<(u64, Result<Vec<String>, RowError>)> {
        let mut rows = Rows::new(text.as_bytes(), 0, 1);
        let mut fields = Vec::new();
        let mut out = Vec::new();
        while let Some((line, result)) = rows.next_row(&mut fields) {
            out.push((
                line,
                result.map(|()| fields.iter().map(|f| f.to_string()).collect()),
            ));
        }
        out
    }

    fn ok(line: u64, fields: &[&str]) -> (u64, Result<Vec<String>, RowError>) {
        (line, Ok(fields.iter().map(|f| f.to_string()).collect()))
    }

    #[test]
    fn rows_split_on_tabs_and_lines_and_quotes_are_text() {
        assert_eq!(
            rows("a\tb\t\"c\"\r\n\n d \t\tf,g\nlast"),
            [
                ok(1, &["a", "b", "\"c\""]),
                ok(3, &["d", "", "f,g"]),
                ok(4, &["last"])
            ]
        );
    }

    #[test]
    fn escapes_are_read() {
        assert_eq!(
            rows("a\\tb\\nc\\rd\\\\e\tx\\yz\\\n"),
            [ok(1, &["a\tb\nc\rd\\e", "x\\yz\\"])]
        );
        assert_eq!(rows("\\\\t\n"), [ok(1, &["\\t"])]);
    }

    #[test]
    fn fields_borrow_unless_escaped() {
        let mut rows = Rows::new(b"plain\tesc\\taped\n", 0, 1);
        let mut fields = Vec::new();
        rows.next_row(&mut fields);
        assert!(matches!(fields[0], Cow::Borrowed("plain")));
        assert!(matches!(&fields[1], Cow::Owned(s) if s == "esc\taped"));
    }

    #[test]
    fn broken_rows_name_their_field_and_reading_goes_on() {
        let mut rows = Rows::new(b"a\tb\xff\tc\nd\te\0\n", 0, 1);
        let mut fields = Vec::new();
        assert_eq!(
            rows.next_row(&mut fields),
            Some((1, Err(RowError::NotUtf8 { field: 1 })))
        );
        assert_eq!(
            rows.next_row(&mut fields),
            Some((2, Err(RowError::Nul { field: 1 })))
        );
        assert_eq!(rows.next_row(&mut fields), None);
    }
}
