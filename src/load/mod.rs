//! Loading and validating a data file: the bundled one or one given with `--data`.
//!
//! Every row is checked and every problem is reported, not only the first, as
//! `krakow-partners: file:line: column: what is wrong (what is allowed)`. Each sound
//! city goes to the command's [`Sink`] as it is read.
//!
//! - `source`: where the bytes come from; `sniff`: CSV, TSV, JSON, GeoJSON or nothing;
//! - `csv_rows`, `tsv_rows`: splitting CSV and TSV text into rows; `delimited`: either,
//!   and a CSV or TSV file read; `header`: which column each field is;
//! - `semicolons`: a spreadsheet's `;`-separated CSV with decimal commas, rewritten as CSV;
//! - `parts`: large files read in parts on every core; `duplicates`: each city once;
//! - `validate`: a row's cells against the column table's rules; `json`: JSON files;
//!   `geojson`: GeoJSON FeatureCollections (a city per feature).

mod checked;
mod csv_rows;
mod delimited;
mod duplicates;
mod evidence;
mod geojson;
mod header;
mod json;
mod lines;
mod parts;
mod semicolons;
mod sniff;
mod source;
mod tsv_rows;
mod validate;

pub use csv_rows::{RowError, Rows};
pub use sniff::{Dialect, Kind};
/// The bundled text, for tests that read it in parts of their choosing.
#[cfg(test)]
pub use source::BUNDLED;
pub use source::{BUNDLED_AS_OF, BUNDLED_NAME, Source};

use crate::city::City;
use crate::error::LoadError;
use crate::sink::{New, Sink};

/// Reads a data file in any of its formats; `file` names it in messages and hints at
/// its format by its extension.
pub fn load<'a>(bytes: &'a [u8], file: &str) -> Result<Vec<City<'a>>, LoadError> {
    gather(bytes, file, &Vec::new)
}

/// [`load`], each sound city given to a sink that `new` makes.
pub fn gather<'a, S: Sink<'a>>(
    bytes: &'a [u8],
    file: &str,
    new: &New<'_, S>,
) -> Result<S, LoadError> {
    match sniff::sniff(bytes, file) {
        Kind::Json => json::read(bytes, file, new),
        Kind::GeoJson => geojson::read(bytes, file, new),
        Kind::Delimited(dialect) => {
            delimited::read(bytes, file, dialect, parts_for(bytes.len()), new)
        }
        Kind::Semicolons => Err(LoadError::one(file, 1, None, SEMICOLONS.to_string())),
        Kind::Empty => {
            let mut part = parts::Part::new(new(), 0);
            part.finish_part(0, 1);
            part.finish(file)
        }
    }
}

/// Why a `;`-separated file is refused where it is given as bytes to read in place
/// (`Source` rewrites such a file as CSV before it is read: `semicolons`).
const SEMICOLONS: &str = "the columns are separated by ';' (a spreadsheet's CSV in a Polish \
     locale, with decimal commas such as 50,06): save it as \"CSV UTF-8 (comma delimited)\" \
     with '.' as the decimal separator, or as tab-separated text";

/// How many parts to read a file of `len` bytes in: below a few megabytes a thread
/// costs more than it saves.
fn parts_for(len: usize) -> usize {
    const WORTH_A_THREAD: usize = 4 << 20;
    let worth = len / WORTH_A_THREAD;
    if worth > 1 {
        worth.min(rayon::current_num_threads())
    } else {
        1
    }
}

/// The format a file called `file` is read in.
pub fn sniff(bytes: &[u8], file: &str) -> Kind {
    sniff::sniff(bytes, file)
}

/// Reads a CSV or TSV data file in `parts` parts: the same answer for any number.
pub fn read_delimited<'a, S: Sink<'a>>(
    bytes: &'a [u8],
    file: &str,
    dialect: Dialect,
    parts: usize,
    new: &New<'_, S>,
) -> Result<S, LoadError> {
    delimited::read(bytes, file, dialect, parts, new)
}

/// Reads cities again, by where their rows start, from a file already read and found
/// sound: what lets `list` keep only each city's place while the file is read.
pub struct Reread<'a> {
    text: &'a [u8],
    /// A CSV or TSV file's dialect and header's columns; `None` for JSON.
    layout: Option<(Dialect, header::Layout)>,
    /// Whether the file's objects are GeoJSON features.
    features: bool,
    /// The provenance file, whose sources each city is given again.
    evidence: Option<&'a evidence::Evidence>,
}

impl<'a> Reread<'a> {
    /// The text of the file called `file`; `None` if its header cannot be read (it
    /// was, when it loaded).
    pub fn new(
        bytes: &'a [u8],
        file: &str,
        evidence: Option<&'a evidence::Evidence>,
    ) -> Option<Reread<'a>> {
        let text = sniff::without_bom(bytes);
        let kind = sniff::sniff(bytes, file);
        let layout = match kind {
            Kind::Json | Kind::GeoJson | Kind::Semicolons | Kind::Empty => None,
            Kind::Delimited(dialect) => {
                let mut fields = Vec::new();
                match delimited::Rows::new(dialect, text, 0, 1).next_row(&mut fields) {
                    Some((_, Ok(()))) => Some((dialect, header::Layout::read(&fields).ok()?)),
                    _ => return None,
                }
            }
        };
        let features = kind == Kind::GeoJson;
        Some(Reread {
            text,
            layout,
            features,
            evidence,
        })
    }

    /// Asks the processor to bring the row (or object) at byte `at` into its cache,
    /// without waiting for it: a hint, which changes nothing but the time.
    pub fn prefetch(&self, at: usize) {
        // The row's first two cache lines: the processor's own prefetching follows
        // the rest of a row as it is read (in perf's samples two did as well as four,
        // and better than one).
        for line in [0, 64] {
            if let Some(byte) = self.text.get(at + line) {
                #[cfg(target_arch = "x86_64")]
                // SAFETY: a prefetch never faults or reads into the program, whatever
                // the address; this one is inside the text besides. `sse`, which it
                // needs, is in every x86-64 processor.
                unsafe {
                    use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
                    _mm_prefetch::<_MM_HINT_T0>(std::ptr::from_ref(byte).cast());
                }
                #[cfg(not(target_arch = "x86_64"))]
                let _ = byte;
            }
        }
    }

    /// The city whose row (or object) starts at byte `at`, read and checked again.
    pub fn city(&self, at: usize) -> Option<City<'a>> {
        let mut city = self.read(at)?;
        if let Some(evidence) = self.evidence {
            evidence.attach(&mut city);
        }
        Some(city)
    }

    /// The city whose row starts at byte `at`, as its file has it.
    fn read(&self, at: usize) -> Option<City<'a>> {
        let mut problems = Vec::new();
        match &self.layout {
            Some((dialect, layout)) => {
                let mut fields = Vec::with_capacity(layout.width());
                let mut rows = delimited::Rows::new(*dialect, self.text, at, 0);
                let (_, read) = rows.next_row(&mut fields)?;
                read.ok()?;
                let cells = layout
                    .columns
                    .iter()
                    .copied()
                    .zip(fields.into_iter().map(Ok));
                validate::city(0, cells, &mut problems)
            }
            None => {
                // From the object on: parsing checks only what it reads, not the rest
                // of the file.
                let mut objects = serde_json::Deserializer::from_slice(&self.text[at..])
                    .into_iter::<&serde_json::value::RawValue>();
                let object = objects.next()?.ok()?;
                let object = match self.features {
                    true => geojson::feature(object.get()).ok()?,
                    false => json::object(object.get()).ok()?,
                };
                validate::city(0, object.cells.into_iter(), &mut problems)
            }
        }
    }
}

/// Loads the dataset compiled into the binary.
pub fn bundled() -> Result<Vec<City<'static>>, LoadError> {
    load(source::BUNDLED.as_bytes(), BUNDLED_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::columns::HEADER;

    fn rows(rows: &str) -> Result<Vec<City<'static>>, LoadError> {
        let text = format!("{}\n{rows}", HEADER);
        let cities = super::load(text.as_bytes(), "test.csv")?;
        Ok(cities.into_iter().map(City::into_owned).collect())
    }

    #[test]
    fn the_bundled_dataset_loads() {
        let cities = bundled().unwrap();
        assert!(cities.len() > 30, "{} cities", cities.len());
    }

    #[test]
    fn a_good_row_loads_with_unknowns_left_empty() {
        let cities = rows("Košice,Koszyce,Košice,Kosice;Kaschau,Slovakia,SK,europe,false,none,,active,,,,48.72,21.26,,,,,https://example.org/a; https://example.org/b,\n").unwrap();
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
    fn a_file_made_by_hand_needs_only_a_name_a_country_and_coordinates() {
        let text = "name,country,country_code,lat,lon\n\
                    A,Germany,,50,10\n\
                    B,,CZ,50,15\n\
                    C,Atlantis,,0,0\n\
                    D,,,1,1\n";
        let err = super::load(text.as_bytes(), "h.csv").unwrap_err();
        assert_eq!(
            err.to_string(),
            "krakow-partners: h.csv:5: country: is empty, and no country_code is given (a row needs one of them)"
        );
        let text = &text[..text.find("D,").unwrap()];
        let cities = super::load(text.as_bytes(), "h.csv").unwrap();
        let countries: Vec<_> = cities
            .iter()
            .map(|c| (c.country.as_deref(), c.country_code.as_deref()))
            .collect();
        assert_eq!(
            countries,
            [
                (Some("Germany"), Some("DE")),
                (Some("Czechia"), Some("CZ")),
                (Some("Atlantis"), None)
            ]
        );
        // The continent comes from the country; the rest is unknown.
        let city = &cities[0];
        assert_eq!(
            (city.continent, city.capital, city.agreement, city.status),
            (Some(crate::city::Continent::Europe), None, None, None)
        );
        assert_eq!(cities[2].continent, None);
        assert!(city.sources.is_empty());
    }

    #[test]
    fn every_problem_is_reported_with_its_line_and_column() {
        let err = rows(concat!(
            "A,,,,X,XX,europe,false,partnership,2016-02-30,active,,,,95,0,-3,2020,1,1,https://e.org,\n",
            ",,,,X,XX,atlantis,maybe,treaty,,active,,,,0,0,,,,,nowhere,\n",
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
            "test.csv:3: sources: 'nowhere' is not a URL",
        ] {
            assert!(text.contains(expected), "missing «{expected}» in:\n{text}");
        }
    }

    #[test]
    fn a_duplicate_city_names_the_first_line() {
        let row = "A,,,,X,XX,europe,false,partnership,2016,active,,,,1,1,,,,,https://e.org,\n";
        let err = rows(&format!("{row}{row}")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "krakow-partners: test.csv:3: name: 'A' (XX) is already on line 2 (each city appears once)"
        );
    }

    #[test]
    fn header_problems_are_reported() {
        let err = super::load(b"name,continent\n", "h.csv").unwrap_err();
        assert!(
            err.to_string().starts_with(
                "krakow-partners: h.csv:1: missing columns country or country_code, lat, lon"
            ),
            "{err}"
        );
        let err = super::load(b"name,country,lat,lon,contnent\n", "h.csv").unwrap_err();
        assert!(
            err.to_string().starts_with(
                "krakow-partners: h.csv:1: unknown column 'contnent'; did you mean continent?"
            ),
            "{err}"
        );
        for empty in [&b""[..], b"\n", b"\xEF\xBB\xBF"] {
            assert_eq!(super::load(empty, "e.csv").unwrap(), []);
        }
    }

    #[test]
    fn a_byte_order_mark_and_crlf_are_read() {
        let text = format!(
            "\u{feff}{}\r\n\"A, the city\",,,,X,XX,europe,false,partnership,2016,active,,,,1,1,,,,,https://e.org,\"two\r\nlines\"\r\n",
            HEADER
        );
        let cities = super::load(text.as_bytes(), "bom.csv").unwrap();
        assert_eq!(cities[0].name, "A, the city");
        assert_eq!(cities[0].notes.as_deref(), Some("two\r\nlines"));
    }
}
