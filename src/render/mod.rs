//! Writing an answer: a table for people, TSV, CSV, JSON, NDJSON or GeoJSON for
//! programs, onto any `io::Write`. Every answer is first seen as a [`Grid`] (columns,
//! and rows made one at a time from the answer), so each format is written once for
//! all answers, and rows stream out without the whole text in memory.

mod delimited;
mod grid;
mod json;
mod table;

use std::borrow::Cow;
use std::io::{self, Write};
use std::ops::Range;

use clap::ValueEnum;
use rayon::prelude::*;

use crate::answer::Answer;
use crate::city::City;
use crate::fields::Pick;
use crate::load::Dialect;
use crate::parallel;

pub use grid::{Col, Emit, Grid, Rows, Shape};
pub use table::room as table_room;

/// The output formats. (What each writes for a command is said in that command's
/// `--format` help: `cli::format_help`.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned table with units in the headers, for people.
    Table,
    /// Tab-separated values with a header line.
    Tsv,
    /// JSON: an array of objects, one object for one city or one leg.
    Json,
    /// One JSON object per line.
    Ndjson,
    /// Comma-separated values with a header line.
    Csv,
    /// A GeoJSON FeatureCollection of points (RFC 7946), for maps and GIS tools.
    Geojson,
}

/// Who reads a format, which decides the default fields, the names and the units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// A table: values with their units, grouped digits.
    People,
    /// Lines of text for people and simple tools: the table's fields, plain values.
    Lines,
    /// Programs: every field, typed.
    Programs,
}

impl Format {
    pub fn audience(self) -> Audience {
        match self {
            Format::Table => Audience::People,
            Format::Tsv => Audience::Lines,
            Format::Json | Format::Ndjson | Format::Csv | Format::Geojson => Audience::Programs,
        }
    }
}

/// Which of a city's names tables and TSV show in the name column (and, for Polish,
/// which name of its country).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Names {
    /// English, as the City of Kraków writes it (Kyiv, Nuremberg).
    #[default]
    En,
    /// Polish (Kijów, Norymberga).
    Pl,
    /// The city's own name in its own script (Київ, Nürnberg).
    Local,
}

impl Names {
    /// The name this choice shows for a city; `None` for English, or where the data
    /// has no such name (the English name is shown then).
    pub fn of<'c, 'a>(self, city: &'c City<'a>) -> Option<&'c Cow<'a, str>> {
        match self {
            Names::En => None,
            Names::Pl => city.name_pl.as_ref(),
            Names::Local => city.name_local.as_ref(),
        }
    }

    /// The country's name this choice shows for a city: Polish from the country table
    /// for `pl`; `None` for the data's own (English) name, also where the table does
    /// not know the country (a local name of countries is not in it).
    pub fn country_of(self, city: &City) -> Option<&'static str> {
        match self {
            Names::Pl => city
                .country_code
                .as_deref()
                .and_then(crate::countries::by_code)
                .map(|country| country.name_pl),
            Names::En | Names::Local => None,
        }
    }
}

/// How to write an answer: the format, the fields the user chose, the names shown.
#[derive(Clone, Debug)]
pub struct View {
    pub format: Format,
    /// The columns to show, in order; `None` for the answer's and the format's own
    /// choice.
    pub fields: Option<Vec<Pick>>,
    pub names: Names,
    /// Whether tables use colour.
    pub colour: bool,
    /// Whether the answer goes to a terminal (plain text is then escaped).
    pub terminal: bool,
    /// Whether CSV and TSV guard cells a spreadsheet would run as formulas.
    pub guard_formulas: bool,
    /// Whether tables show every column however narrow the terminal.
    pub wide: bool,
    /// Whether CSV and TSV leave out their header line.
    pub no_header: bool,
}

impl View {
    /// A view with the format's own fields, English names and no colour.
    pub fn new(format: Format) -> View {
        View {
            format,
            fields: None,
            names: Names::En,
            colour: false,
            terminal: false,
            guard_formulas: false,
            wide: false,
            no_header: false,
        }
    }

    /// The names the name column shows: people may read them in Polish or in the
    /// city's own language; programs always get the data's own values.
    pub fn names_shown(&self) -> Names {
        match self.format.audience() {
            Audience::People | Audience::Lines => self.names,
            Audience::Programs => Names::En,
        }
    }
}

/// Writes `answer` in the view's format onto `out`, every write error passed on.
pub fn write(answer: &Answer, view: &View, out: &mut dyn Write) -> io::Result<()> {
    let grid = match answer.grid(view) {
        Some(grid) => grid,
        None => {
            answer.write_text(view.terminal, out)?;
            return out.flush();
        }
    };
    let care = delimited::Care {
        // Into a pipe CSV and TSV keep the exact text.
        escape: view.terminal,
        guard_formulas: view.guard_formulas,
        no_header: view.no_header,
    };
    match view.format {
        Format::Table => table::write(&grid, view.colour, view.wide, out),
        Format::Tsv => delimited::write(&grid, Dialect::Tsv, care, out),
        Format::Csv => delimited::write(&grid, Dialect::Csv, care, out),
        Format::Json => json::write(&grid, out),
        Format::Ndjson => json::write_lines(&grid, out),
        Format::Geojson => json::write_features(&grid, out),
    }?;
    out.flush()
}

/// Writes rows `0..len` in order, made a batch at a time by `batch` into a buffer; a
/// large answer's batches are made on every core at once. Only one batch per core is
/// ever held, however long the answer, and the same buffers serve every round: fresh
/// memory would cost a page fault every few kilobytes. A batch holds about [`BYTES`]:
/// it starts at one row and grows by what the rows so far took, so that rows of a few
/// dozen bytes go thousands at a time and rows of megabytes (a decade's cities in a
/// narrow table) one at a time.
fn write_rows<F>(len: usize, out: &mut dyn Write, batch: F) -> io::Result<()>
where
    F: Fn(Range<usize>, &mut Vec<u8>) -> io::Result<()> + Sync,
{
    /// The most rows in a batch, and the bytes a batch aims at.
    const BATCH: usize = 4 * 1024;
    const BYTES: usize = 1 << 20;
    let cores = if parallel::worth_sharing(len) {
        rayon::current_num_threads()
    } else {
        1
    };
    let mut buffers: Vec<Vec<u8>> = vec![Vec::new(); cores];
    let (mut start, mut rows) = (0, 1);
    let mut written = 0;
    while start < len {
        let end = (start + rows * cores).min(len);
        let fill = |(k, buffer): (usize, &mut Vec<u8>)| {
            buffer.clear();
            let from = (start + k * rows).min(end);
            batch(from..(from + rows).min(end), buffer)
        };
        let made: Vec<io::Result<()>> = if cores == 1 {
            buffers.iter_mut().enumerate().map(fill).collect()
        } else {
            buffers.par_iter_mut().enumerate().map(fill).collect()
        };
        for (buffer, made) in buffers.iter().zip(made) {
            made?;
            out.write_all(buffer)?;
            written += buffer.len();
        }
        start = end;
        // The next batches' rows: as many as fill BYTES at the rows' mean size so far,
        // growing at most eightfold a round.
        let per_row = written / start.max(1);
        rows = (BYTES / per_row.max(1)).clamp(1, (rows * 8).min(BATCH));
    }
    Ok(())
}
