//! Loading and validating a data file: the bundled one or one given with `--data`.
//!
//! Every row is checked and every problem is reported, not only the first, as
//! `file:line: column: what is wrong (what is allowed)`.

use std::borrow::Cow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::io::Read;
use std::ops::Range;
use std::path::Path;
use std::str::FromStr;

use anyhow::Context;
use hashbrown::HashTable;
use rustc_hash::FxHasher;

use crate::city::{Agreement, City, Continent, Date, List, Status, fold_into};
use crate::csv_rows::Rows;
use crate::terminal::quote;

/// The bundled dataset, compiled into the binary so it works from any directory.
pub const BUNDLED: &str = include_str!("../data/partners.csv");

/// The day the bundled dataset reflects (see data/SOURCES.md).
pub const BUNDLED_AS_OF: &str = "2026-11-28";

/// What the bundled dataset is called in messages.
pub const BUNDLED_NAME: &str = "data/partners.csv";

/// The columns of a data file, in the order the tool writes them.
pub const COLUMNS: [&str; 20] = [
    "name",
    "name_pl",
    "name_local",
    "aliases",
    "country",
    "country_code",
    "continent",
    "capital",
    "agreement",
    "signed",
    "status",
    "status_since",
    "lat",
    "lon",
    "population",
    "population_year",
    "area_km2",
    "elevation_m",
    "sources",
    "notes",
];

/// Columns the tool computes and writes but never reads back, so that its own output
/// loads as a dataset.
pub const COMPUTED_COLUMNS: [&str; 4] =
    ["distance_km", "density_per_km2", "bearing_deg", "bearing"];

/// One thing wrong with a data file.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub line: u64,
    pub column: Option<String>,
    pub message: String,
}

/// Every problem found in a data file.
#[derive(Debug)]
pub struct LoadError {
    pub file: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}:{}: ", self.file, p.line)?;
            if let Some(column) = &p.column {
                write!(f, "{column}: ")?;
            }
            write!(f, "{}", p.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// A data file's bytes, read whole: the cities borrow their text from them.
pub struct Source {
    /// What the file is called in messages.
    pub name: String,
    bytes: Cow<'static, [u8]>,
}

impl Source {
    /// The dataset compiled into the binary.
    pub fn bundled() -> Source {
        Source {
            name: BUNDLED_NAME.to_string(),
            bytes: Cow::Borrowed(BUNDLED.as_bytes()),
        }
    }

    /// The file at `path` ('-' for standard input), or the bundled data.
    pub fn open(path: Option<&Path>) -> anyhow::Result<Source> {
        let Some(path) = path else {
            return Ok(Source::bundled());
        };
        if path == Path::new("-") {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .context("cannot read the data from standard input")?;
            return Ok(Source {
                name: "<stdin>".to_string(),
                bytes: Cow::Owned(bytes),
            });
        }
        let bytes = std::fs::read(path)
            .with_context(|| format!("cannot read the data file {}", path.display()))?;
        Ok(Source {
            name: path.display().to_string(),
            bytes: Cow::Owned(bytes),
        })
    }

    /// Every city in the file, each row checked.
    pub fn cities(&self) -> Result<Vec<City<'_>>, LoadError> {
        load(&self.bytes, &self.name)
    }

    /// Every row checked; what `G` keeps of the cities.
    pub fn gather<'a, G: Gather<'a>>(&'a self, new: &New<'_, G>) -> Result<G, LoadError> {
        gather(&self.bytes, &self.name, new)
    }
}

/// Loads the dataset compiled into the binary.
pub fn bundled() -> Result<Vec<City<'static>>, LoadError> {
    load_csv(BUNDLED.as_bytes(), BUNDLED_NAME)
}

/// What a command keeps of a file's cities as they are read. Large files are read in
/// parts, each gathered on its own core; the parts are then joined in file order.
pub trait Gather<'a>: Send {
    fn add(&mut self, city: City<'a>);
    /// Adds what was gathered from the part of the file after this one.
    fn join(&mut self, later: Self);

    /// The part has been read: work that can be done on each part's own core.
    fn done(&mut self) {}
}

/// Makes an empty gatherer: one for each part of a file.
pub type New<'n, G> = dyn Fn() -> G + Sync + 'n;

/// Every city, in file order.
impl<'a> Gather<'a> for Vec<City<'a>> {
    fn add(&mut self, city: City<'a>) {
        self.push(city);
    }

    fn join(&mut self, mut later: Self) {
        self.append(&mut later);
    }
}

/// How many cities a file holds and how many are active: all `validate` keeps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub cities: usize,
    pub active: usize,
}

impl Gather<'_> for Count {
    fn add(&mut self, city: City) {
        self.cities += 1;
        self.active += usize::from(city.status == Status::Active);
    }

    fn join(&mut self, later: Self) {
        self.cities += later.cities;
        self.active += later.active;
    }
}

/// Reads a data file in either format: JSON when it starts with `[` or `{`, else CSV.
pub fn load<'a>(bytes: &'a [u8], file: &str) -> Result<Vec<City<'a>>, LoadError> {
    gather(bytes, file, &Vec::new)
}

/// [`load`], keeping what `G` keeps.
pub fn gather<'a, G: Gather<'a>>(
    bytes: &'a [u8],
    file: &str,
    new: &New<'_, G>,
) -> Result<G, LoadError> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match text.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[' | b'{') => gather_json(bytes, file, new),
        _ => gather_csv(bytes, file, new),
    }
}

/// Reads a CSV data file; `file` names it in messages.
pub fn load_csv<'a>(bytes: &'a [u8], file: &str) -> Result<Vec<City<'a>>, LoadError> {
    gather_csv(bytes, file, &Vec::new)
}

fn gather_csv<'a, G: Gather<'a>>(
    bytes: &'a [u8],
    file: &str,
    new: &New<'_, G>,
) -> Result<G, LoadError> {
    // Below a few megabytes a thread costs more than it saves.
    const WORTH_A_THREAD: usize = 4 << 20;
    let worth = bytes.len() / WORTH_A_THREAD;
    // Asking for the cores reads files: only when there is something to share.
    let cores = || std::thread::available_parallelism().map_or(1, |n| n.get());
    let parts = if worth > 1 { worth.min(cores()) } else { 1 };
    read_csv(bytes, file, parts, new)
}

/// Reads a CSV data file in (about) `parts` parts, each on its own thread: the answer is
/// the same for any number of parts.
#[doc(hidden)]
pub fn read_csv<'a, G: Gather<'a>>(
    bytes: &'a [u8],
    file: &str,
    parts: usize,
    new: &New<'_, G>,
) -> Result<G, LoadError> {
    let fail = |problem| LoadError {
        file: file.to_string(),
        problems: vec![problem],
    };
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut rows = Rows::new(text, 0, 1);
    let mut fields = Vec::new();
    let layout = match rows.next_row(&mut fields) {
        None => {
            return Err(fail(Problem {
                line: 1,
                column: None,
                message: format!(
                    "the file is empty (expected the header: {})",
                    COLUMNS.join(",")
                ),
            }));
        }
        Some((line, Err(e))) => {
            return Err(fail(Problem {
                line,
                column: None,
                message: format!("the header {}", e.message()),
            }));
        }
        Some((_, Ok(()))) => Layout::read(&fields).map_err(fail)?,
    };
    rows.skip_blank_lines();
    let (body, line) = rows.position();
    read_in_parts(text, body, line, &layout, parts, new).finish(file)
}

/// Reads the rows from byte `start` (on line `line`) to the end, in parts read at the
/// same time on the machine's cores.
///
/// Each part but the first starts after a line break, guessing that a row starts
/// there (a quoted field may hold line breaks). The part before it reads on until a
/// row ends at or past that point: if one ends right there, the guess held; if not,
/// the rest of the file is read again from where that row ended, on one core.
fn read_in_parts<'a, G: Gather<'a>>(
    text: &'a [u8],
    start: usize,
    line: u64,
    layout: &Layout,
    count: usize,
    new: &New<'_, G>,
) -> Part<G> {
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
    // feeds before it (a vectorised count, a few milliseconds for 100 MB).
    let mut lines = vec![line];
    for w in bounds.windows(2).take(bounds.len() - 2) {
        let feeds = memchr::memchr_iter(b'\n', &text[w[0]..w[1]]).count() as u64;
        lines.push(lines[lines.len() - 1] + feeds);
    }
    let (mut whole, later) = std::thread::scope(|scope| {
        let later: Vec<_> = bounds[1..]
            .windows(2)
            .zip(&lines[1..])
            .map(|(w, &line)| {
                let (from, to) = (w[0], w[1]);
                scope.spawn(move || Part::read(text, from, line, to, layout, new))
            })
            .collect();
        let first = Part::read(text, bounds[0], line, bounds[1], layout, new);
        let later: Vec<Part<G>> = later
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect();
        (first, later)
    });
    let count = later.len();
    for (i, part) in later.into_iter().enumerate() {
        if whole.end != part.start {
            let (end, line) = (whole.end, whole.end_line);
            let rest = Part::read(text, end, line, text.len(), layout, new);
            whole.append(rest, false);
            break;
        }
        whole.append(part, i + 1 < count);
    }
    whole
}

/// Reads a JSON data file: an array of city objects, as `--format json` writes them.
pub fn load_json<'a>(bytes: &'a [u8], file: &str) -> Result<Vec<City<'a>>, LoadError> {
    gather_json(bytes, file, &Vec::new)
}

fn gather_json<'a, G: Gather<'a>>(
    bytes: &'a [u8],
    file: &str,
    new: &New<'_, G>,
) -> Result<G, LoadError> {
    let fail = |line: u64, column: Option<&str>, message: String| LoadError {
        file: file.to_string(),
        problems: vec![Problem {
            line,
            column: column.map(String::from),
            message,
        }],
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        fail(line as u64, None, "is not valid UTF-8 text".into())
    })?;
    let items: Vec<&serde_json::value::RawValue> = serde_json::from_str(text).map_err(|e| {
        let what = if e.is_eof() {
            "the JSON ends too early".to_string()
        } else if e.is_data() {
            "expected a JSON array of city objects".to_string()
        } else {
            format!("not valid JSON ({e})")
        };
        fail(e.line().max(1) as u64, None, what)
    })?;
    let mut part = Part::new(new(), 0);
    let (mut line, mut counted) = (1, 0);
    for item in items {
        // Each city is reported at the line its object starts on.
        let offset = item.get().as_ptr() as usize - text.as_ptr() as usize;
        line += memchr::memchr_iter(b'\n', &text.as_bytes()[counted..offset]).count() as u64;
        counted = offset;
        match json_fields(item.get()) {
            Ok(fields) => part.add(line, fields),
            Err((column, message)) => part.problem(line, column, message),
        }
    }
    part.gathered.done();
    part.finish(file)
}

/// A city object's values as the text a CSV cell would hold, in column order; or the
/// column whose value has the wrong type.
fn json_fields(
    raw: &str,
) -> Result<[Cow<'static, str>; COLUMNS.len()], (Option<&'static str>, String)> {
    use serde_json::Value;
    let Ok(Value::Object(object)) = serde_json::from_str::<Value>(raw) else {
        return Err((None, "expected a city object {\"name\": …}".into()));
    };
    for key in object.keys() {
        if !COLUMNS.contains(&key.as_str()) && !COMPUTED_COLUMNS.contains(&key.as_str()) {
            return Err((
                None,
                format!(
                    "unknown field '{key}' (the fields are: {})",
                    COLUMNS.join(", ")
                ),
            ));
        }
    }
    let mut fields: [Cow<'static, str>; COLUMNS.len()] = Default::default();
    for (slot, column) in fields.iter_mut().zip(COLUMNS) {
        let wrong = |expected: &str| Err((Some(column), format!("expected {expected}")));
        let value = object.get(column).unwrap_or(&Value::Null);
        let text = match (column, value) {
            (_, Value::Null) => String::new(),
            ("aliases" | "sources", Value::Array(items)) => {
                let mut texts = Vec::new();
                for item in items {
                    match item {
                        Value::String(s) if !s.contains(';') => texts.push(s.clone()),
                        _ => return wrong("an array of texts without ';'"),
                    }
                }
                texts.join(";")
            }
            ("aliases" | "sources", _) => return wrong("an array of texts"),
            ("capital", Value::Bool(b)) => b.to_string(),
            ("capital", _) => return wrong("true or false"),
            (
                "lat" | "lon" | "population" | "population_year" | "area_km2" | "elevation_m",
                Value::Number(n),
            ) => n.to_string(),
            ("lat" | "lon" | "population" | "population_year" | "area_km2" | "elevation_m", _) => {
                return wrong("a number");
            }
            (_, Value::String(s)) => s.clone(),
            (_, _) => return wrong("a text"),
        };
        if text.contains('\0') {
            return Err((Some(column), "contains a NUL byte (text may not)".into()));
        }
        *slot = Cow::Owned(text);
    }
    Ok(fields)
}

/// A stretch of a file's rows, read: what `G` keeps of its cities, and every problem.
struct Part<G> {
    gathered: G,
    /// How many sound cities were read.
    cities: usize,
    problems: Vec<Problem>,
    /// Each city read, by the hash of its folded name and country.
    seen: HashTable<Seen>,
    /// Cities already read: reported once the parts before are known, so each names
    /// the first line in the whole file.
    duplicates: Vec<Duplicate>,
    /// The folded name and country of each city read, one after another: what a
    /// city whose hash matches is compared with, so a duplicate is never a guess.
    keys: String,
    /// Where the part starts and ends in the text, and the line it ends on.
    start: usize,
    end: usize,
    end_line: u64,
}

/// A city read again, with the line it first appeared on in its part.
struct Duplicate {
    seen: Seen,
    first: u64,
}

/// Rows read before a part judges how many it will hold.
const SAMPLE: usize = 1000;

/// A city read, for finding it again: its key's hash, its line, and where its key
/// and its name (for messages) are in the part's `keys`.
struct Seen {
    hash: u64,
    line: u64,
    key: Range<usize>,
    name: Range<usize>,
}

impl<'a, G: Gather<'a>> Part<G> {
    /// Reads the rows from byte `from` (on line `line`) until one ends at or past `to`.
    fn new(gathered: G, start: usize) -> Part<G> {
        Part {
            gathered,
            cities: 0,
            problems: Vec::new(),
            seen: HashTable::new(),
            duplicates: Vec::new(),
            keys: String::new(),
            start,
            end: start,
            end_line: 0,
        }
    }

    fn read(
        text: &'a [u8],
        from: usize,
        line: u64,
        to: usize,
        layout: &Layout,
        new: &New<'_, G>,
    ) -> Part<G> {
        let mut part = Part::new(new(), from);
        let mut rows = Rows::new(text, from, line);
        let mut fields = Vec::with_capacity(layout.width);
        let mut key = String::new();
        loop {
            rows.skip_blank_lines();
            let at = rows.position().0;
            if at >= to {
                break;
            }
            if part.cities == SAMPLE {
                // Room for the rest of the part, judged by the rows so far, so the
                // duplicate check's table is not rebuilt as it grows.
                let rows = (to - from) / (at - from).max(1) * SAMPLE;
                part.seen.reserve(rows, |s| s.hash);
            }
            let Some((line, read)) = rows.next_row(&mut fields) else {
                break;
            };
            match read {
                Err(e) => {
                    let column = e.field().and_then(|i| layout.column_of(i));
                    part.problem(line, column, e.message().to_string());
                }
                Ok(()) if fields.len() != layout.width => {
                    let message = format!(
                        "the row has {} field{} (the header has {})",
                        fields.len(),
                        if fields.len() == 1 { "" } else { "s" },
                        layout.width
                    );
                    part.problem(line, None, message);
                }
                Ok(()) => part.add_with(line, layout.take(&mut fields), &mut key),
            }
        }
        (part.end, part.end_line) = rows.position();
        part.gathered.done();
        part
    }

    fn problem(&mut self, line: u64, column: Option<&str>, message: String) {
        self.problems.push(Problem {
            line,
            column: column.map(String::from),
            message,
        });
    }

    /// Checks one row's text, in column order, and keeps the city if it is sound.
    fn add(&mut self, line: u64, fields: [Cow<'a, str>; COLUMNS.len()]) {
        self.add_with(line, fields, &mut String::new());
    }

    /// [`Part::add`], with a buffer for the city's key.
    fn add_with(&mut self, line: u64, fields: [Cow<'a, str>; COLUMNS.len()], key: &mut String) {
        let mut row = Row {
            line,
            problems: &mut self.problems,
        };
        let Some(city) = row.city(fields) else {
            return;
        };
        place_key(&city, key);
        let hash = hash(key);
        let keys = &self.keys;
        let first = self.seen.find(hash, |s| keys[s.key.clone()] == **key);
        let first = first.map(|s| s.line);
        let start = self.keys.len();
        self.keys.push_str(key);
        let middle = self.keys.len();
        self.keys.push_str(&city.name);
        let seen = Seen {
            hash,
            line,
            key: start..middle,
            name: middle..self.keys.len(),
        };
        if let Some(first) = first {
            self.duplicates.push(Duplicate { seen, first });
            return;
        }
        self.seen.insert_unique(hash, seen, |s| s.hash);
        self.cities += 1;
        self.gathered.add(city);
    }

    /// Adds the part that follows this one in the file. A city in it that is one
    /// already read here is a duplicate; unless `more` parts follow, its cities need
    /// not be remembered.
    fn append(&mut self, mut later: Part<G>, more: bool) {
        // The first line of each duplicate, now that the parts before are known.
        for duplicate in std::mem::take(&mut later.duplicates) {
            let first = self.first_line(&later.keys, &duplicate.seen);
            let first = first.unwrap_or(duplicate.first);
            later
                .problems
                .push(duplicate_of(&later.keys, &duplicate.seen, first));
        }
        let base = self.keys.len();
        if more {
            self.keys.push_str(&later.keys);
        }
        for seen in std::mem::take(&mut later.seen) {
            if let Some(first) = self.first_line(&later.keys, &seen) {
                later.problems.push(duplicate_of(&later.keys, &seen, first));
            } else if more {
                let shift = |r: Range<usize>| base + r.start..base + r.end;
                let seen = Seen {
                    key: shift(seen.key),
                    name: shift(seen.name),
                    ..seen
                };
                self.seen.insert_unique(seen.hash, seen, |s| s.hash);
            }
        }
        self.problems.append(&mut later.problems);
        self.cities += later.cities;
        self.gathered.join(later.gathered);
        self.end = later.end;
        self.end_line = later.end_line;
    }

    /// The line a city read in another part (its key in `keys`) first appeared on here.
    fn first_line(&self, keys: &str, seen: &Seen) -> Option<u64> {
        let key = &keys[seen.key.clone()];
        let found = self
            .seen
            .find(seen.hash, |s| self.keys[s.key.clone()] == *key);
        found.map(|s| s.line)
    }

    fn finish(mut self, file: &str) -> Result<G, LoadError> {
        for duplicate in std::mem::take(&mut self.duplicates) {
            let problem = duplicate_of(&self.keys, &duplicate.seen, duplicate.first);
            self.problems.push(problem);
        }
        if self.cities == 0 && self.problems.is_empty() {
            let message = "the file has no cities (at least one is needed)".to_string();
            self.problem(1, None, message);
        }
        if self.problems.is_empty() {
            Ok(self.gathered)
        } else {
            // Parts report in their own order; the file's is by line.
            self.problems.sort_by_key(|p| p.line);
            Err(LoadError {
                file: file.to_string(),
                problems: self.problems,
            })
        }
    }
}

/// The problem of a city read again (its key and name in `keys`), first read on line
/// `first`.
fn duplicate_of(keys: &str, seen: &Seen, first: u64) -> Problem {
    let name = &keys[seen.name.clone()];
    let code = keys[seen.key.clone()]
        .rsplit('\n')
        .next()
        .unwrap_or_default();
    Problem {
        line: seen.line,
        column: Some("name".to_string()),
        message: format!(
            "'{}' ({code}) is already on line {first} (each city appears once)",
            quote(name)
        ),
    }
}

/// What makes a city one place: its name folded (no case, no diacritics) and its
/// country, as `name\ncode`, written into `key`.
fn place_key(city: &City, key: &mut String) {
    fold_into(&city.name, key);
    key.push('\n');
    key.push_str(&city.country_code);
}

fn hash(key: &str) -> u64 {
    let mut hasher = FxHasher::default();
    key.hash(&mut hasher);
    hasher.finish()
}

/// Where each dataset column is in this file's rows.
struct Layout {
    index: [usize; COLUMNS.len()],
    /// How many fields the header has, and so every row.
    width: usize,
}

impl Layout {
    fn read(header: &[Cow<str>]) -> Result<Layout, Problem> {
        let problem = |message: String| Problem {
            line: 1,
            column: None,
            message,
        };
        let names: Vec<&str> = header.iter().map(|name| &**name).collect();
        for name in &names {
            if !COLUMNS.contains(name) && !COMPUTED_COLUMNS.contains(name) {
                return Err(problem(format!(
                    "unknown column '{}' (the columns are: {})",
                    quote(name),
                    COLUMNS.join(",")
                )));
            }
        }
        let mut index = [0; COLUMNS.len()];
        let mut missing = Vec::new();
        for (slot, column) in index.iter_mut().zip(COLUMNS) {
            match names.iter().position(|n| *n == column) {
                Some(i) => *slot = i,
                None => missing.push(column),
            }
        }
        if !missing.is_empty() {
            return Err(problem(format!(
                "missing column{} {} (the columns are: {})",
                if missing.len() == 1 { "" } else { "s" },
                missing.join(", "),
                COLUMNS.join(",")
            )));
        }
        for (i, name) in names.iter().enumerate() {
            if names[..i].contains(name) {
                return Err(problem(format!("column '{name}' appears twice")));
            }
        }
        Ok(Layout {
            index,
            width: names.len(),
        })
    }

    /// The row's text in dataset column order, taken out of `fields`.
    fn take<'a>(&self, fields: &mut [Cow<'a, str>]) -> [Cow<'a, str>; COLUMNS.len()] {
        self.index.map(|i| std::mem::take(&mut fields[i]))
    }

    /// The dataset column a field of the file holds, if it is one.
    fn column_of(&self, field: usize) -> Option<&'static str> {
        let column = self.index.iter().position(|&i| i == field)?;
        Some(COLUMNS[column])
    }
}

/// One row being checked: collects its problems with its line number.
struct Row<'p> {
    line: u64,
    problems: &'p mut Vec<Problem>,
}

impl Row<'_> {
    fn problem(&mut self, column: &str, message: String) {
        self.problems.push(Problem {
            line: self.line,
            column: Some(column.to_string()),
            message,
        });
    }

    fn city<'a>(&mut self, f: [Cow<'a, str>; COLUMNS.len()]) -> Option<City<'a>> {
        let before = self.problems.len();
        self.required(&f, 0);
        self.required(&f, 4);
        self.country_code(&f[5]);
        let continent = self.parse::<Continent>(&f, 6);
        let capital = self.boolean(&f, 7);
        let agreement = self.parse::<Agreement>(&f, 8);
        let signed = self.date(&f, 9);
        let status = self.parse::<Status>(&f, 10);
        let status_since = self.date(&f, 11);
        let lat = self.coordinate(&f, 12, 90.0);
        let lon = self.coordinate(&f, 13, 180.0);
        let population = self.population(&f[14]);
        let population_year = self.year(&f[15]);
        let area_km2 = self.positive(&f, 16);
        let elevation_m = self.elevation(&f[17]);
        self.sources(&f[18]);

        if agreement == Some(Agreement::None) && signed.is_some() {
            self.problem(
                "signed",
                "a city with agreement 'none' has no signing date (leave it empty)".into(),
            );
        }
        if let (Some(signed), Some(since)) = (signed, status_since)
            && since < signed
        {
            self.problem(
                "status_since",
                format!("{since} is before the agreement was signed ({signed})"),
            );
        }
        if self.problems.len() > before {
            return None;
        }
        let text = |t: Cow<'a, str>| (!t.is_empty()).then_some(t);
        let [
            name,
            name_pl,
            name_local,
            aliases,
            country,
            country_code,
            ..,
            sources,
            notes,
        ] = f;
        Some(City {
            name,
            name_pl: text(name_pl),
            name_local: text(name_local),
            aliases: List::new(aliases),
            country,
            country_code,
            continent: continent?,
            capital: capital?,
            agreement: agreement?,
            signed,
            status: status?,
            status_since,
            lat: lat?,
            lon: lon?,
            population,
            population_year,
            area_km2,
            elevation_m,
            sources: List::new(sources),
            notes: text(notes),
        })
    }

    fn required(&mut self, f: &[Cow<str>], i: usize) {
        if f[i].is_empty() {
            self.problem(COLUMNS[i], "is empty (a value is required)".into());
        }
    }

    fn parse<T: FromStr<Err = String>>(&mut self, f: &[Cow<str>], i: usize) -> Option<T> {
        f[i].parse().map_err(|e| self.problem(COLUMNS[i], e)).ok()
    }

    fn country_code(&mut self, text: &str) {
        if text.len() == 2 && text.bytes().all(|b| b.is_ascii_uppercase()) {
            return;
        }
        self.problem(
            "country_code",
            format!(
                "'{}' is not a country code (two capital letters, ISO 3166-1 alpha-2)",
                quote(text)
            ),
        );
    }

    fn boolean(&mut self, f: &[Cow<str>], i: usize) -> Option<bool> {
        match &*f[i] {
            t if t.eq_ignore_ascii_case("true") => Some(true),
            t if t.eq_ignore_ascii_case("false") => Some(false),
            _ => {
                self.problem(
                    COLUMNS[i],
                    format!("'{}' is not true or false", quote(&f[i])),
                );
                None
            }
        }
    }

    fn date(&mut self, f: &[Cow<str>], i: usize) -> Option<Date> {
        if f[i].is_empty() {
            return None;
        }
        self.parse(f, i)
    }

    fn number(&mut self, column: &str, text: &str) -> Option<f64> {
        match text.parse::<f64>() {
            Ok(x) if x.is_finite() => Some(x),
            _ => {
                self.problem(column, format!("'{}' is not a finite number", quote(text)));
                None
            }
        }
    }

    fn coordinate(&mut self, f: &[Cow<str>], i: usize, limit: f64) -> Option<f64> {
        if f[i].is_empty() {
            self.problem(
                COLUMNS[i],
                format!("is empty (decimal degrees from -{limit} to {limit})"),
            );
            return None;
        }
        let x = self.number(COLUMNS[i], &f[i])?;
        if x.abs() > limit {
            self.problem(
                COLUMNS[i],
                format!("{x} is out of range (decimal degrees from -{limit} to {limit})"),
            );
            return None;
        }
        Some(x)
    }

    fn population(&mut self, text: &str) -> Option<u64> {
        if text.is_empty() {
            return None;
        }
        let digits = text.bytes().all(|b| b.is_ascii_digit());
        match text.parse::<u64>() {
            Ok(n) if digits => Some(n),
            _ => {
                self.problem(
                    "population",
                    format!(
                        "'{}' is not a count of residents (a whole number, 0 or more)",
                        quote(text)
                    ),
                );
                None
            }
        }
    }

    fn year(&mut self, text: &str) -> Option<i32> {
        if text.is_empty() {
            return None;
        }
        let digits = text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit());
        match text.parse::<i32>() {
            Ok(y) if digits && y >= 1000 => Some(y),
            _ => {
                self.problem(
                    "population_year",
                    format!(
                        "'{}' is not a year (four digits from 1000, e.g. 2021)",
                        quote(text)
                    ),
                );
                None
            }
        }
    }

    fn positive(&mut self, f: &[Cow<str>], i: usize) -> Option<f64> {
        if f[i].is_empty() {
            return None;
        }
        let x = self.number(COLUMNS[i], &f[i])?;
        if x <= 0.0 {
            self.problem(
                COLUMNS[i],
                format!("{x} is not a positive number (leave it empty if unknown)"),
            );
            return None;
        }
        Some(x)
    }

    fn elevation(&mut self, text: &str) -> Option<f64> {
        if text.is_empty() {
            return None;
        }
        let x = self.number("elevation_m", text)?;
        // The Dead Sea shore and Mount Everest bound every city on Earth.
        if !(-450.0..=8850.0).contains(&x) {
            self.problem(
                "elevation_m",
                format!("{x} m is not an elevation on Earth (metres from -450 to 8850)"),
            );
            return None;
        }
        Some(x)
    }

    fn sources(&mut self, text: &str) {
        let sources = List::new(Cow::Borrowed(text));
        if sources.is_empty() {
            self.problem(
                "sources",
                "is empty (every row needs the URL of at least one source)".into(),
            );
        }
        for source in sources.iter() {
            if !(source.starts_with("https://") || source.starts_with("http://")) {
                self.problem(
                    "sources",
                    format!("'{}' is not a URL (http:// or https://)", quote(source)),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "name,name_pl,name_local,aliases,country,country_code,continent,capital,agreement,signed,status,status_since,lat,lon,population,population_year,area_km2,elevation_m,sources,notes";

    fn load(rows: &str) -> Result<Vec<City<'static>>, LoadError> {
        let text = format!("{HEADER}\n{rows}");
        let cities = load_csv(text.as_bytes(), "test.csv")?;
        Ok(cities.into_iter().map(City::into_owned).collect())
    }

    #[test]
    fn the_bundled_dataset_loads() {
        let cities = bundled().unwrap();
        assert!(cities.len() > 30, "{} cities", cities.len());
    }

    #[test]
    fn a_good_row_loads_with_unknowns_left_empty() {
        let cities = load("Košice,Koszyce,Košice,Kosice;Kaschau,Slovakia,SK,europe,false,none,,active,,48.72,21.26,,,,,https://example.org/a; https://example.org/b,\n").unwrap();
        let city = &cities[0];
        assert_eq!(
            city.aliases.iter().collect::<Vec<_>>(),
            ["Kosice", "Kaschau"]
        );
        assert_eq!(city.sources.iter().count(), 2);
        assert_eq!(city.population, None);
        assert_eq!(city.elevation_m, None);
        assert_eq!(city.notes, None);
    }

    #[test]
    fn every_problem_is_reported_with_its_line_and_column() {
        let err = load(concat!(
            "A,,,,X,XX,europe,false,partnership,2016-02-30,active,,95,0,-3,2020,1,1,https://e.org,\n",
            ",,,,X,XX,atlantis,maybe,treaty,,active,,0,0,,,,,,\n",
        ))
        .unwrap_err();
        let text = err.to_string();
        for expected in [
            "test.csv:2: signed: '2016-02-30' does not exist",
            "test.csv:2: lat: 95 is out of range (decimal degrees from -90 to 90)",
            "test.csv:2: population: '-3' is not a count of residents",
            "test.csv:3: name: is empty",
            "test.csv:3: continent: 'atlantis' is not one of: europe, asia",
            "test.csv:3: capital: 'maybe' is not true or false",
            "test.csv:3: agreement: 'treaty' is not one of",
            "test.csv:3: sources: is empty",
        ] {
            assert!(text.contains(expected), "missing «{expected}» in:\n{text}");
        }
    }

    #[test]
    fn a_duplicate_city_names_the_first_line() {
        let row = "A,,,,X,XX,europe,false,partnership,2016,active,,1,1,,,,,https://e.org,\n";
        let err = load(&format!("{row}{row}")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "test.csv:3: name: 'A' (XX) is already on line 2 (each city appears once)"
        );
    }

    #[test]
    fn header_problems_are_reported() {
        let err = load_csv(b"name,country\n", "h.csv").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("h.csv:1: missing columns name_pl"),
            "{err}"
        );
        let err = load_csv(b"", "e.csv").unwrap_err();
        assert!(
            err.to_string().starts_with("e.csv:1: the file is empty"),
            "{err}"
        );
    }

    #[test]
    fn a_byte_order_mark_and_crlf_are_read() {
        let text = format!(
            "\u{feff}{HEADER}\r\n\"A, the city\",,,,X,XX,europe,false,partnership,2016,active,,1,1,,,,,https://e.org,\"two\r\nlines\"\r\n"
        );
        let cities = load_csv(text.as_bytes(), "bom.csv").unwrap();
        assert_eq!(cities[0].name, "A, the city");
        assert_eq!(cities[0].notes.as_deref(), Some("two\r\nlines"));
    }
}
