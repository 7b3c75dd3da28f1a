//! Loading and validating a data file: the bundled one or one given with `--data`.
//!
//! Every row is checked and every problem is reported, not only the first, as
//! `file:line: column: what is wrong (what is allowed)`.

use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::str::FromStr;

use anyhow::Context;
use rustc_hash::FxHashMap;

use crate::city::{Agreement, City, Continent, Date, Status, fold};
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

/// Loads the dataset compiled into the binary.
pub fn bundled() -> Result<Vec<City>, LoadError> {
    load_csv(BUNDLED.as_bytes(), BUNDLED_NAME)
}

/// Loads the cities from `path` ('-' for standard input), or the bundled data. CSV is
/// read as it streams in, so a large file is never held twice in memory.
pub fn open(path: Option<&Path>) -> anyhow::Result<Vec<City>> {
    let Some(path) = path else {
        return Ok(bundled()?);
    };
    let (input, name): (Box<dyn Read>, String) = if path == Path::new("-") {
        (Box::new(std::io::stdin().lock()), "<stdin>".to_string())
    } else {
        let file = std::fs::File::open(path)
            .with_context(|| format!("cannot read the data file {}", path.display()))?;
        (Box::new(file), path.display().to_string())
    };
    let mut input = BufReader::with_capacity(1 << 16, input);
    let head = input
        .fill_buf()
        .with_context(|| format!("cannot read the data file {name}"))?;
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if let Some(b'[' | b'{') = head.iter().find(|b| !b.is_ascii_whitespace()) {
        let mut bytes = Vec::new();
        input
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read the data file {name}"))?;
        return Ok(load_json(&bytes, &name)?);
    }
    Ok(read_csv(input, &name)?)
}

/// Reads a data file in either format: JSON when it starts with `[` or `{`, else CSV.
pub fn load(bytes: &[u8], file: &str) -> Result<Vec<City>, LoadError> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match text.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[' | b'{') => load_json(bytes, file),
        _ => load_csv(bytes, file),
    }
}

/// Reads a CSV data file; `file` names it in messages.
pub fn load_csv(bytes: &[u8], file: &str) -> Result<Vec<City>, LoadError> {
    read_csv(bytes, file)
}

/// Reads CSV as it streams from `input`; `file` names it in messages.
fn read_csv(mut input: impl BufRead, file: &str) -> Result<Vec<City>, LoadError> {
    let fail = |problems| LoadError {
        file: file.to_string(),
        problems,
    };
    if input
        .fill_buf()
        .is_ok_and(|head| head.starts_with(b"\xEF\xBB\xBF"))
    {
        input.consume(3);
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(input);
    let mut records = reader.records();

    let header = match records.next() {
        None => {
            return Err(fail(vec![Problem {
                line: 1,
                column: None,
                message: format!(
                    "the file is empty (expected the header: {})",
                    COLUMNS.join(",")
                ),
            }]));
        }
        Some(Err(e)) => return Err(fail(vec![csv_problem(&e)])),
        Some(Ok(header)) => header,
    };
    let layout = Layout::read(&header).map_err(|p| fail(vec![p]))?;

    let mut collector = Collector::default();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                collector.problems.push(layout.problem(&e));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.len() != header.len() {
            let message = format!(
                "the row has {} field{} (the header has {})",
                record.len(),
                if record.len() == 1 { "" } else { "s" },
                header.len()
            );
            collector.problem(line, None, message);
            continue;
        }
        collector.add(line, &layout.fields(&record));
    }
    collector.finish(file)
}

/// Reads a JSON data file: an array of city objects, as `--format json` writes them.
pub fn load_json(bytes: &[u8], file: &str) -> Result<Vec<City>, LoadError> {
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
    let mut collector = Collector::default();
    for item in items {
        // Each city is reported at the line its object starts on.
        let offset = item.get().as_ptr() as usize - text.as_ptr() as usize;
        let line = 1 + text[..offset].bytes().filter(|b| *b == b'\n').count() as u64;
        match json_fields(item.get()) {
            Ok(fields) => {
                let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
                collector.add(line, &fields);
            }
            Err((column, message)) => collector.problem(line, column, message),
        }
    }
    collector.finish(file)
}

/// A city object's values as the text a CSV cell would hold, in column order; or the
/// column whose value has the wrong type.
fn json_fields(raw: &str) -> Result<Vec<String>, (Option<&'static str>, String)> {
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
    let mut fields = Vec::with_capacity(COLUMNS.len());
    for column in COLUMNS {
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
        fields.push(text);
    }
    Ok(fields)
}

/// Gathers a file's cities row by row with every problem, leaving out duplicates.
#[derive(Default)]
struct Collector {
    cities: Vec<City>,
    problems: Vec<Problem>,
    /// The line each city (its folded name and country) first appeared on.
    seen: FxHashMap<String, u64>,
}

impl Collector {
    fn problem(&mut self, line: u64, column: Option<&str>, message: String) {
        self.problems.push(Problem {
            line,
            column: column.map(String::from),
            message,
        });
    }

    /// Checks one row's text, in column order, and keeps the city if it is sound.
    fn add(&mut self, line: u64, fields: &[&str]) {
        if let Some(i) = fields.iter().position(|f| f.contains('\0')) {
            let message = "contains a NUL byte (text may not)".to_string();
            self.problem(line, Some(COLUMNS[i]), message);
            return;
        }
        let mut row = Row {
            line,
            problems: &mut self.problems,
        };
        let Some(city) = row.city(fields) else {
            return;
        };
        let mut key = fold(&city.name);
        key.push('\n');
        key.push_str(&city.country_code);
        if let Some(first) = self.seen.get(&key) {
            let message = format!(
                "'{}' ({}) is already on line {first} (each city appears once)",
                quote(&city.name),
                city.country_code
            );
            self.problem(line, Some("name"), message);
        } else {
            self.seen.insert(key, line);
            self.cities.push(city);
        }
    }

    fn finish(mut self, file: &str) -> Result<Vec<City>, LoadError> {
        if self.cities.is_empty() && self.problems.is_empty() {
            let message = "the file has no cities (at least one is needed)".to_string();
            self.problem(1, None, message);
        }
        if self.problems.is_empty() {
            Ok(self.cities)
        } else {
            Err(LoadError {
                file: file.to_string(),
                problems: self.problems,
            })
        }
    }
}

fn csv_problem(e: &csv::Error) -> Problem {
    let line = e.position().map_or(1, |p| p.line());
    Problem {
        line,
        column: None,
        message: format!("unreadable CSV ({e})"),
    }
}

/// Where each dataset column is in this file's rows.
struct Layout {
    index: [usize; COLUMNS.len()],
}

impl Layout {
    fn read(header: &csv::StringRecord) -> Result<Layout, Problem> {
        let problem = |message: String| Problem {
            line: 1,
            column: None,
            message,
        };
        let names: Vec<&str> = header.iter().collect();
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
        Ok(Layout { index })
    }

    /// The row's text in dataset column order.
    fn fields<'r>(&self, record: &'r csv::StringRecord) -> [&'r str; COLUMNS.len()] {
        self.index.map(|i| &record[i])
    }

    /// A problem reading a row, naming the column where the reader says which field.
    fn problem(&self, e: &csv::Error) -> Problem {
        let mut problem = csv_problem(e);
        if let csv::ErrorKind::Utf8 { err, .. } = e.kind() {
            let column = self.index.iter().position(|&i| i == err.field());
            problem.column = column.map(|c| COLUMNS[c].to_string());
            problem.message = "is not valid UTF-8 text".into();
        }
        problem
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

    fn city(&mut self, f: &[&str]) -> Option<City> {
        let before = self.problems.len();
        let text = |i: usize| (!f[i].is_empty()).then(|| f[i].to_string());

        let name = self.required(f, 0);
        let country = self.required(f, 4);
        let country_code = self.country_code(f[5]);
        let continent = self.parse::<Continent>(f, 6);
        let capital = self.boolean(f, 7);
        let agreement = self.parse::<Agreement>(f, 8);
        let signed = self.date(f, 9);
        let status = self.parse::<Status>(f, 10);
        let status_since = self.date(f, 11);
        let lat = self.coordinate(f, 12, 90.0);
        let lon = self.coordinate(f, 13, 180.0);
        let population = self.population(f[14]);
        let population_year = self.year(f[15]);
        let area_km2 = self.positive(f, 16);
        let elevation_m = self.elevation(f[17]);
        let sources = self.sources(f[18]);

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
        Some(City {
            name: name?,
            name_pl: text(1),
            name_local: text(2),
            aliases: split_list(f[3]),
            country: country?,
            country_code: country_code?,
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
            sources,
            notes: text(19),
        })
    }

    fn required(&mut self, f: &[&str], i: usize) -> Option<String> {
        if f[i].is_empty() {
            self.problem(COLUMNS[i], "is empty (a value is required)".into());
            return None;
        }
        Some(f[i].to_string())
    }

    fn parse<T: FromStr<Err = String>>(&mut self, f: &[&str], i: usize) -> Option<T> {
        f[i].parse().map_err(|e| self.problem(COLUMNS[i], e)).ok()
    }

    fn country_code(&mut self, text: &str) -> Option<String> {
        if text.len() == 2 && text.bytes().all(|b| b.is_ascii_uppercase()) {
            return Some(text.to_string());
        }
        self.problem(
            "country_code",
            format!(
                "'{}' is not a country code (two capital letters, ISO 3166-1 alpha-2)",
                quote(text)
            ),
        );
        None
    }

    fn boolean(&mut self, f: &[&str], i: usize) -> Option<bool> {
        match f[i].to_ascii_lowercase().as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => {
                self.problem(
                    COLUMNS[i],
                    format!("'{}' is not true or false", quote(f[i])),
                );
                None
            }
        }
    }

    fn date(&mut self, f: &[&str], i: usize) -> Option<Date> {
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

    fn coordinate(&mut self, f: &[&str], i: usize, limit: f64) -> Option<f64> {
        if f[i].is_empty() {
            self.problem(
                COLUMNS[i],
                format!("is empty (decimal degrees from -{limit} to {limit})"),
            );
            return None;
        }
        let x = self.number(COLUMNS[i], f[i])?;
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

    fn positive(&mut self, f: &[&str], i: usize) -> Option<f64> {
        if f[i].is_empty() {
            return None;
        }
        let x = self.number(COLUMNS[i], f[i])?;
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

    fn sources(&mut self, text: &str) -> Vec<String> {
        let sources = split_list(text);
        if sources.is_empty() {
            self.problem(
                "sources",
                "is empty (every row needs the URL of at least one source)".into(),
            );
        }
        for source in &sources {
            if !(source.starts_with("https://") || source.starts_with("http://")) {
                self.problem(
                    "sources",
                    format!("'{}' is not a URL (http:// or https://)", quote(source)),
                );
            }
        }
        sources
    }
}

/// Splits a `;`-separated cell, dropping empty items.
fn split_list(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "name,name_pl,name_local,aliases,country,country_code,continent,capital,agreement,signed,status,status_since,lat,lon,population,population_year,area_km2,elevation_m,sources,notes";

    fn load(rows: &str) -> Result<Vec<City>, LoadError> {
        load_csv(format!("{HEADER}\n{rows}").as_bytes(), "test.csv")
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
        assert_eq!(city.aliases, ["Kosice", "Kaschau"]);
        assert_eq!(city.sources.len(), 2);
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
