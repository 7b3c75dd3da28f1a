//! Splits CSV text (RFC 4180) into rows of fields that borrow from the text: a field
//! is copied only when it holds an escaped quote (`""`). Rows end at `\n`, `\r\n` or
//! `\r`; blank lines are skipped; every field is trimmed of surrounding whitespace.
//! Lines are counted as rows are split: `\n`, `\r\n` and a lone `\r` each end one, so
//! a problem in a file written with any of them is named at its true line.

use std::borrow::Cow;

use memchr::memchr;

use crate::city::trim;

/// What makes a row unreadable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowError {
    /// A quoted field that never closes.
    Unclosed,
    /// Text after a quoted field's closing quote, in the field with this index.
    AfterQuote { field: usize },
    /// Bytes that are not UTF-8, in the field with this index.
    NotUtf8 { field: usize },
    /// A NUL byte, in the field with this index: text may not hold one.
    Nul { field: usize },
}

impl RowError {
    /// The index of the field at fault, where one is.
    pub fn field(self) -> Option<usize> {
        match self {
            RowError::Unclosed => None,
            RowError::AfterQuote { field }
            | RowError::NotUtf8 { field }
            | RowError::Nul { field } => Some(field),
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            RowError::Unclosed => {
                "unreadable CSV: a quoted field is never closed (a '\"' is missing)"
            }
            RowError::AfterQuote { .. } => {
                "unreadable CSV: text after a closing quote (quote the whole field, and write a quote inside it as \"\")"
            }
            RowError::NotUtf8 { .. } => "is not valid UTF-8 text",
            RowError::Nul { .. } => "contains a NUL byte (text may not)",
        }
    }
}

/// The rows of a CSV text, read one at a time.
pub struct Rows<'a> {
    text: &'a [u8],
    /// Where the next row starts, and its line.
    pos: usize,
    line: u64,
    spans: Vec<Span>,
}

/// Where a field's text is in the row, before trimming and unescaping.
struct Span {
    start: usize,
    end: usize,
    escaped: bool,
}

impl<'a> Rows<'a> {
    /// The rows of `text` from byte `start`, which begins a row on line `line`.
    pub fn new(text: &'a [u8], start: usize, line: u64) -> Rows<'a> {
        Rows {
            text,
            pos: start,
            line,
            // Room for a data file's row: reading one row again allocates once.
            spans: Vec::with_capacity(32),
        }
    }

    /// Where the next row starts: its byte offset and its line.
    pub fn position(&self) -> (usize, u64) {
        (self.pos, self.line)
    }

    /// Moves past blank lines, so that [`Rows::position`] is where a row starts.
    pub fn skip_blank_lines(&mut self) {
        (self.pos, self.line) = past_blank_lines(self.text, self.pos, self.line, true);
    }

    /// Reads the next row into `fields` and returns the line it starts on, or what
    /// makes it unreadable (reading goes on at the row after); `None` at the end.
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
        fields.clear();
        self.spans.clear();
        // Most rows have no quote and no fault: read whole, without noting where each
        // field is. Any other row is read field by field, which says where a fault is.
        let row_end =
            memchr::memchr2(b'\n', b'\r', &text[start..]).map_or(text.len(), |i| start + i);
        let row = &text[start..row_end];
        let whole = match memchr(b'"', row) {
            Some(_) => None,
            None => unquoted(row, fields),
        };
        let (mut pos, read) = match whole {
            Some(()) => (row_end, Ok(())),
            None => {
                fields.clear();
                match self.field_by_field(start) {
                    Some(read) => read,
                    None => {
                        self.pos = text.len();
                        return Some((line, Err(RowError::Unclosed)));
                    }
                }
            }
        };
        let row = &text[start..pos];
        // The row's terminator.
        match text.get(pos) {
            Some(b'\r') if text.get(pos + 1) == Some(&b'\n') => {
                (pos, self.line) = (pos + 2, self.line + 1)
            }
            Some(b'\n' | b'\r') => (pos, self.line) = (pos + 1, self.line + 1),
            _ => {}
        }
        self.pos = pos;
        match read {
            Err(e) => Some((line, Err(e))),
            Ok(()) if self.spans.is_empty() => Some((line, Ok(()))),
            Ok(()) => Some((line, self.fields(start, row, fields))),
        }
    }

    /// Reads the row at `start` field by field, noting where each field is (`spans`):
    /// where the row ends, and whether it was read; `None` for a quoted field that
    /// never closes.
    fn field_by_field(&mut self, start: usize) -> Option<(usize, Result<(), RowError>)> {
        let text = self.text;
        let mut pos = start;
        loop {
            if text.get(pos) == Some(&b'"') {
                let (end, escaped) = closing_quote(text, pos + 1)?;
                self.line += crate::load::lines::ends(&text[pos + 1..end]);
                self.spans.push(Span {
                    start: pos + 1,
                    end,
                    escaped,
                });
                pos = end + 1;
                while let Some(b' ' | b'\t') = text.get(pos) {
                    pos += 1;
                }
                match text.get(pos) {
                    Some(b',') => pos += 1,
                    None | Some(b'\n' | b'\r') => return Some((pos, Ok(()))),
                    Some(_) => {
                        let field = self.spans.len() - 1;
                        pos = memchr::memchr2(b'\n', b'\r', &text[pos..])
                            .map_or(text.len(), |i| pos + i);
                        return Some((pos, Err(RowError::AfterQuote { field })));
                    }
                }
            } else {
                let end = plain_end(text, pos);
                self.spans.push(Span {
                    start: pos,
                    end,
                    escaped: false,
                });
                pos = end;
                if text.get(pos) == Some(&b',') {
                    pos += 1;
                } else {
                    return Some((pos, Ok(())));
                }
            }
        }
    }

    /// The row's fields as text, checked for UTF-8 and NUL once for the whole row.
    fn fields(
        &self,
        start: usize,
        row: &'a [u8],
        fields: &mut Vec<Cow<'a, str>>,
    ) -> Result<(), RowError> {
        let field_at = |offset: usize| {
            let at = start + offset;
            self.spans.iter().position(|s| at < s.end).unwrap_or(0)
        };
        let row = text_of(row, field_at)?;
        for span in &self.spans {
            // Every span starts and ends next to an ASCII delimiter (or the text's
            // ends), so it is on character boundaries.
            let text = trim(&row[span.start - start..span.end - start]);
            fields.push(if span.escaped {
                Cow::Owned(text.replace("\"\"", "\""))
            } else {
                Cow::Borrowed(text)
            });
        }
        Ok(())
    }
}

/// The fields of a row without a quote (and without its line break), checked for
/// UTF-8 and NUL once for the whole row; commas are found eight bytes at a time.
/// `None` if the row is not sound text.
fn unquoted<'a>(row: &'a [u8], fields: &mut Vec<Cow<'a, str>>) -> Option<()> {
    let text = text_of(row, |_| 0).ok()?;
    let mut field = 0;
    let mut at = 0;
    while at < row.len() {
        let word = match row[at..].first_chunk::<8>() {
            Some(eight) => *eight,
            None => {
                // The zeros after the row are no comma.
                let mut last = [0; 8];
                last[..row.len() - at].copy_from_slice(&row[at..]);
                last
            }
        };
        let mut commas = equal(u64::from_le_bytes(word), b',');
        while commas != 0 {
            let comma = at + (commas.trailing_zeros() / 8) as usize;
            commas &= commas - 1;
            // Commas are ASCII: the text is cut on character boundaries.
            fields.push(Cow::Borrowed(trim(&text[field..comma])));
            field = comma + 1;
        }
        at += 8;
    }
    fields.push(Cow::Borrowed(trim(&text[field..])));
    Some(())
}

/// Where the first row at or after `pos` (on `line`) starts, past blank lines, and its
/// line. CSV and TSV skip blank lines alike; a lone `\r` ends a line where it ends a
/// row (`lone_returns`: CSV).
pub fn past_blank_lines(
    text: &[u8],
    mut pos: usize,
    mut line: u64,
    lone_returns: bool,
) -> (usize, u64) {
    loop {
        match text.get(pos) {
            Some(b'\n') => line += 1,
            // The `\n` of a `\r\n` counts its line.
            Some(b'\r') if lone_returns && text.get(pos + 1) != Some(&b'\n') => line += 1,
            Some(b'\r') => {}
            _ => return (pos, line),
        }
        pos += 1;
    }
}

/// A row's bytes as text, checked for UTF-8 and NUL once for the whole row (CSV and
/// TSV alike); a fault names its field by `field_at` (the fault's offset in the row).
pub fn text_of(row: &[u8], field_at: impl Fn(usize) -> usize) -> Result<&str, RowError> {
    // The fast check first; the standard one only to say where the fault is.
    let row = match simdutf8::basic::from_utf8(row) {
        Ok(row) => row,
        Err(_) => {
            let at = std::str::from_utf8(row)
                .err()
                .map_or(0, |e| e.valid_up_to());
            return Err(RowError::NotUtf8 {
                field: field_at(at),
            });
        }
    };
    match memchr(0, row.as_bytes()) {
        Some(at) => Err(RowError::Nul {
            field: field_at(at),
        }),
        None => Ok(row),
    }
}

/// 0x80 in each byte of `word` that equals `byte`, 0 in every other byte (exact: no
/// carry crosses from one byte to the next).
fn equal(word: u64, byte: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let x = word ^ (ONES * u64::from(byte));
    !(((x & LOW) + LOW) | x | LOW)
}

/// Where the unquoted field starting at `from` ends: at the next `,`, `\n` or `\r`, or
/// at the text's end. Eight bytes are compared at a time, by arithmetic on a 64-bit
/// word: this scan was most of the time spent splitting rows, and fields are too short
/// for a vectorised search's set-up to pay (memchr3 per field took 10% longer).
fn plain_end(text: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(eight) = text[at..].first_chunk::<8>() {
        let word = u64::from_le_bytes(*eight);
        let found = equal(word, b',') | equal(word, b'\n') | equal(word, b'\r');
        if found != 0 {
            // The lowest flagged byte is the first in the text (little-endian).
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    text[at..]
        .iter()
        .position(|&b| matches!(b, b',' | b'\n' | b'\r'))
        .map_or(text.len(), |i| at + i)
}

/// The closing quote of a quoted field whose text starts at `from`, and whether the
/// field holds escaped quotes; `None` if it never closes.
fn closing_quote(text: &[u8], from: usize) -> Option<(usize, bool)> {
    let mut at = from;
    let mut escaped = false;
    loop {
        let quote = at + memchr(b'"', &text[at..])?;
        if text.get(quote + 1) == Some(&b'"') {
            escaped = true;
            at = quote + 2;
        } else {
            return Some((quote, escaped));
        }
    }
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
    fn plain_rows_split_on_commas_and_line_ends() {
        assert_eq!(
            rows("a,b,c\n d ,,f\r\ng\rh,"),
            [
                ok(1, &["a", "b", "c"]),
                ok(2, &["d", "", "f"]),
                ok(3, &["g"]),
                ok(4, &["h", ""])
            ]
        );
    }

    #[test]
    fn quoted_fields_hold_commas_quotes_and_line_breaks() {
        assert_eq!(
            rows("\"a, b\",\"say \"\"hi\"\"\"\n\"two\nlines\" ,x\nnext\n"),
            [
                ok(1, &["a, b", "say \"hi\""]),
                ok(2, &["two\nlines", "x"]),
                ok(4, &["next"])
            ]
        );
    }

    #[test]
    fn a_quote_inside_a_plain_field_is_text() {
        assert_eq!(rows("5'11\",x\n"), [ok(1, &["5'11\"", "x"])]);
    }

    #[test]
    fn blank_lines_are_skipped_and_counted() {
        assert_eq!(rows("\n\na\r\n\r\nb\n"), [ok(3, &["a"]), ok(5, &["b"])]);
    }

    #[test]
    fn broken_rows_are_reported_and_reading_goes_on() {
        assert_eq!(
            rows("\"a\"b,c\nd\n"),
            [(1, Err(RowError::AfterQuote { field: 0 })), ok(2, &["d"])]
        );
        assert_eq!(rows("a,\"b\nc"), [(1, Err(RowError::Unclosed))]);
        let bad = b"a,b\xff,c\nd\n".to_vec();
        let mut rows = Rows::new(&bad, 0, 1);
        let mut fields = Vec::new();
        assert_eq!(
            rows.next_row(&mut fields),
            Some((1, Err(RowError::NotUtf8 { field: 1 })))
        );
        assert_eq!(rows.next_row(&mut fields), Some((2, Ok(()))));
        let mut rows = Rows::new(b"a,b\0,c\n", 0, 1);
        assert_eq!(
            rows.next_row(&mut fields),
            Some((1, Err(RowError::Nul { field: 1 })))
        );
    }

    #[test]
    fn plain_fields_end_at_the_first_delimiter_in_any_of_eight_places() {
        for place in 0..20 {
            for delimiter in [b',', b'\n', b'\r'] {
                let mut text = vec![b'x'; 20];
                text[place] = delimiter;
                text[19] = b',';
                assert_eq!(super::plain_end(&text, 0), place, "{place} {delimiter}");
            }
        }
        // Bytes one off a delimiter, and bytes with the high bit set, are not one.
        let near = b"+-\x0b\x0c\x0e\xac\x8a\xff+-\x0b\x0c\x0e\xac\x8a\xff";
        assert_eq!(super::plain_end(near, 0), near.len());
        assert_eq!(super::plain_end(b"abc", 3), 3);
    }

    #[test]
    fn fields_borrow_unless_unescaped() {
        let text = b"plain,\"quoted\",\"esc\"\"aped\"\n";
        let mut rows = Rows::new(text, 0, 1);
        let mut fields = Vec::new();
        rows.next_row(&mut fields);
        assert!(matches!(fields[0], Cow::Borrowed("plain")));
        assert!(matches!(fields[1], Cow::Borrowed("quoted")));
        assert!(matches!(&fields[2], Cow::Owned(s) if s == "esc\"aped"));
    }
}

#[cfg(test)]
mod differential;
