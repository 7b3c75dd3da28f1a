//! CSV data files: the header, then each part's rows checked into cities.

use super::csv_rows::Rows;
use super::header::Layout;
use super::parts::{Part, read_in_parts};
use super::sniff::without_bom;
use crate::columns::HEADER;
use crate::error::LoadError;
use crate::sink::{New, Sink};

/// Reads a CSV data file in (about) `parts` parts, each on its own core: the answer is
/// the same for any number of parts.
pub fn read<'a, S: Sink<'a>>(
    bytes: &'a [u8],
    file: &str,
    parts: usize,
    new: &New<'_, S>,
) -> Result<S, LoadError> {
    let text = without_bom(bytes);
    let mut rows = Rows::new(text, 0, 1);
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
    let read = |from, line, to| read_part(text, from, line, to, &layout, new);
    read_in_parts(text, body, line, parts, read).finish(file)
}

/// The rows from byte `from` (on line `line`) until one ends at or past `to`.
fn read_part<'a, S: Sink<'a>>(
    text: &'a [u8],
    from: usize,
    line: u64,
    to: usize,
    layout: &Layout,
    new: &New<'_, S>,
) -> Part<S> {
    let mut part = Part::new(new(), from);
    let mut rows = Rows::new(text, from, line);
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
