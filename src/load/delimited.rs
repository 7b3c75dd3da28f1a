//! CSV and TSV data files: the header, then each part's rows checked into cities.

use std::borrow::Cow;

use super::csv_rows::{self, RowError};
use super::header::Layout;
use super::parts::{Part, read_in_parts};
use super::sniff::{Dialect, without_bom};
use super::tsv_rows;
use crate::columns::HEADER;
use crate::error::LoadError;
use crate::sink::{New, Sink};

/// The rows of a CSV or TSV text, read one at a time.
pub enum Rows<'a> {
    Csv(csv_rows::Rows<'a>),
    Tsv(tsv_rows::Rows<'a>),
}

impl<'a> Rows<'a> {
    /// The rows of `text` from byte `start`, which begins a row on line `line`.
    pub fn new(dialect: Dialect, text: &'a [u8], start: usize, line: u64) -> Rows<'a> {
        match dialect {
            Dialect::Csv => Rows::Csv(csv_rows::Rows::new(text, start, line)),
            Dialect::Tsv => Rows::Tsv(tsv_rows::Rows::new(text, start, line)),
        }
    }

    /// Where the next row starts: its byte offset and its line.
    pub fn position(&self) -> (usize, u64) {
        match self {
            Rows::Csv(rows) => rows.position(),
            Rows::Tsv(rows) => rows.position(),
        }
    }

    /// Moves past blank lines, so that [`Rows::position`] is where a row starts.
    pub fn skip_blank_lines(&mut self) {
        match self {
            Rows::Csv(rows) => rows.skip_blank_lines(),
            Rows::Tsv(rows) => rows.skip_blank_lines(),
        }
    }

    /// Reads the next row into `fields`: the line it starts on, or what makes it
    /// unreadable; `None` at the end.
    pub fn next_row(
        &mut self,
        fields: &mut Vec<Cow<'a, str>>,
    ) -> Option<(u64, Result<(), RowError>)> {
        match self {
            Rows::Csv(rows) => rows.next_row(fields),
            Rows::Tsv(rows) => rows.next_row(fields),
        }
    }
}

/// Reads a CSV or TSV data file in (about) `parts` parts, each on its own core: the
/// answer is the same for any number of parts.
pub fn read<'a, S: Sink<'a>>(
    bytes: &'a [u8],
    file: &str,
    dialect: Dialect,
    parts: usize,
    new: &New<'_, S>,
) -> Result<S, LoadError> {
    let text = without_bom(bytes);
    let mut rows = Rows::new(dialect, text, 0, 1);
    let mut fields = Vec::new();
    let layout = match rows.next_row(&mut fields) {
        None => {
            let message = format!("the file is empty (expected the header: {})", HEADER);
            return Err(LoadError::one(file, 1, None, message));
        }
        Some((line, Err(e))) => {
            let message = format!("the header {}", e.message());
            return Err(LoadError::one(file, line, None, message));
        }
        Some((_, Ok(()))) => Layout::read(&fields).map_err(|p| LoadError {
            file: file.to_string(),
            problems: vec![p],
        })?,
    };
    rows.skip_blank_lines();
    let (body, line) = rows.position();
    let read = |from, line, to| read_part(dialect, text, from, line, to, &layout, new);
    // Lines are counted as the dialect splits rows.
    let lines_in = match dialect {
        Dialect::Csv => super::lines::ends,
        Dialect::Tsv => super::lines::feeds,
    };
    read_in_parts(text, body, line, parts, lines_in, read).finish(file)
}

/// The rows from byte `from` (on line `line`) until one ends at or past `to`.
fn read_part<'a, S: Sink<'a>>(
    dialect: Dialect,
    text: &'a [u8],
    from: usize,
    line: u64,
    to: usize,
    layout: &Layout,
    new: &New<'_, S>,
) -> Part<S> {
    let mut part = Part::new(new(), from);
    let mut rows = Rows::new(dialect, text, from, line);
    let mut fields = Vec::with_capacity(layout.width());
    loop {
        rows.skip_blank_lines();
        let at = rows.position().0;
        if at >= to {
            break;
        }
        part.judge_size(at, to);
        let Some((line, read)) = rows.next_row(&mut fields) else {
            break;
        };
        match read {
            Err(e) => {
                let column = e.field().and_then(|i| layout.columns.get(i)).map(|c| c.key);
                part.problem(line, column, e.message().to_string());
            }
            Ok(()) if fields.len() != layout.width() => {
                let message = format!(
                    "the row has {} field{} (the header has {})",
                    fields.len(),
                    if fields.len() == 1 { "" } else { "s" },
                    layout.width()
                );
                part.problem(line, None, message);
            }
            Ok(()) => part.add(
                line,
                at,
                layout.columns.iter().copied().zip(fields.drain(..).map(Ok)),
            ),
        }
    }
    let (end, end_line) = rows.position();
    part.finish_part(end, end_line);
    part
}
