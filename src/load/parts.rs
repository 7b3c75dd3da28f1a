//! A large file read in parts at the same time, one per core, with the same answer as
//! one reading: each part keeps its own sink, problems and places, and the parts are
//! joined in file order.

use rayon::prelude::*;

use super::duplicates::Places;
use super::validate::{self, Cell};
use crate::columns::Column;
use crate::error::{LoadError, Problem};
use crate::sink::{Read, Sink};

/// Rows read before a part judges how many it will hold.
const SAMPLE: usize = 1000;

/// A stretch of a file's rows, read: what the sink keeps of its cities, and every
/// problem.
pub struct Part<S> {
    sink: S,
    /// How many sound cities were read.
    cities: usize,
    problems: Vec<Problem>,
    /// The JSON object being read, which its problems name.
    item: Option<u64>,
    places: Places,
    /// Where the part starts and ends in the text, and the line it ends on.
    start: usize,
    pub end: usize,
    pub end_line: u64,
}

impl<'a, S: Sink<'a>> Part<S> {
    pub fn new(sink: S, start: usize) -> Part<S> {
        Part {
            sink,
            cities: 0,
            problems: Vec::new(),
            item: None,
            places: Places::default(),
            start,
            end: start,
            end_line: 0,
        }
    }

    /// After `SAMPLE` cities, makes room for the rest of the part (`to`), judged by
    /// how far the sample reached (`at`).
    pub fn judge_size(&mut self, at: usize, to: usize) {
        if self.cities == SAMPLE {
            let rows = (to - self.start) / (at - self.start).max(1) * SAMPLE;
            self.places.reserve(rows);
        }
    }

    /// From now on problems name this JSON object's index (or none).
    pub fn in_item(&mut self, item: Option<u64>) {
        self.item = item;
    }

    pub fn problem(&mut self, line: u64, column: Option<&'static str>, message: String) {
        self.problems.push(Problem {
            item: self.item,
            ..Problem::new(line, column, None, message)
        });
    }

    /// Checks the cells of one row (on `line`, starting at byte `at`) and keeps the
    /// city if it is sound and new.
    pub fn add(
        &mut self,
        line: u64,
        at: usize,
        cells: impl Iterator<Item = (&'static Column, Cell<'a>)>,
    ) {
        let before = self.problems.len();
        let Some(city) = validate::city(line, cells, &mut self.problems) else {
            for problem in &mut self.problems[before..] {
                problem.item = self.item;
            }
            return;
        };
        // A place read twice fails the whole file (see `finish`): the sink may see it.
        self.places.add(&city, line);
        self.cities += 1;
        let folded = self.places.folded();
        self.sink.add(Read {
            city,
            at,
            folded,
            line,
            item: self.item,
        });
    }

    /// The part has been read, up to `end` (on line `end_line`).
    pub fn finish_part(&mut self, end: usize, end_line: u64) {
        (self.end, self.end_line) = (end, end_line);
        self.places.finish_part();
        self.sink.finish_part();
    }

    /// Adds the part that follows this one in the file.
    fn append(&mut self, mut later: Part<S>) {
        self.places.append(later.places);
        self.problems.append(&mut later.problems);
        self.cities += later.cities;
        self.sink.join(later.sink);
        self.end = later.end;
        self.end_line = later.end_line;
    }

    /// The sink, or every problem in the file by line.
    pub fn finish(mut self, file: &str) -> Result<S, LoadError> {
        let mut duplicates = std::mem::take(&mut self.places).duplicates();
        self.problems.append(&mut duplicates);
        if self.problems.is_empty() {
            return Ok(self.sink);
        }
        // Parts report in their own order; the file's is by line.
        self.problems.sort_by_key(|p| (p.line, p.item));
        Err(LoadError {
            file: file.to_string(),
            problems: self.problems,
        })
    }
}

/// Reads `text` from byte `start` (on line `line`) to the end in about `count` parts at
/// the same time; `read(from, line, to)` reads the rows from byte `from` until one ends
/// at or past `to`.
///
/// Each part but the first starts after a line break, guessing that a row starts
/// there (a quoted field may hold line breaks). The part before it reads on until a
/// row ends at or past that point: if one ends right there, the guess held; if not,
/// the rest of the file is read again from where that row ended, on one core.
pub fn read_in_parts<'a, S, R>(
    text: &'a [u8],
    start: usize,
    line: u64,
    count: usize,
    lines_in: fn(&[u8]) -> u64,
    read: R,
) -> Part<S>
where
    S: Sink<'a>,
    R: Fn(usize, u64, usize) -> Part<S> + Sync,
{
    let mut bounds = vec![start];
    for k in 1..count {
        let guess = start + (text.len() - start) / count * k;
        if let Some(i) = memchr::memchr(b'\n', &text[guess..]) {
            let bound = guess + i + 1;
            if bound > bounds[bounds.len() - 1] && bound < text.len() {
                bounds.push(bound);
            }
        }
    }
    bounds.push(text.len());
    // The line each part starts on, so that every message names its line: the line
    // ends before it (a vectorised count, a few milliseconds for 100 MB).
    let mut lines = vec![line];
    for w in bounds.windows(2).take(bounds.len() - 2) {
        lines.push(lines[lines.len() - 1] + lines_in(&text[w[0]..w[1]]));
    }
    if bounds.len() == 2 {
        // One part: no threads to start.
        return read(start, line, text.len());
    }
    let parts: Vec<Part<S>> = bounds
        .par_windows(2)
        .zip(lines.par_iter())
        .map(|(w, &line)| read(w[0], line, w[1]))
        .collect();
    let mut parts = parts.into_iter();
    let Some(mut whole) = parts.next() else {
        return read(start, line, text.len());
    };
    for part in parts {
        if whole.end != part.start {
            // The guess failed: a row ran over the bound.
            let rest = read(whole.end, whole.end_line, text.len());
            whole.append(rest);
            break;
        }
        whole.append(part);
    }
    whole
}
