//! The shape every answer takes on its way out: columns, and rows made one at a time.

use crate::value::Value;

/// How a one-row answer differs from a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Many rows: a JSON array, a table of rows.
    List,
    /// One row: a JSON object, a table of one row.
    Object,
    /// One row read as a card: a JSON object, a table (and TSV) of label and value.
    Card,
}

/// A column of a grid.
#[derive(Clone, Debug)]
pub struct Col {
    /// The key in JSON, CSV and TSV.
    pub key: &'static str,
    /// The header in tables (the label, on a card).
    pub header: &'static str,
    /// Numbers align right in tables.
    pub numeric: bool,
    /// In JSON, the key of the object this column nests in (a record's `city`).
    pub nest: Option<&'static str>,
}

impl Col {
    pub fn new(key: &'static str, header: &'static str, numeric: bool) -> Col {
        Col {
            key,
            header,
            numeric,
            nest: None,
        }
    }
}

/// An answer's rows, made when written.
pub trait Rows: Sync {
    fn len(&self) -> usize;
    /// The values of row `i`, one per column, into `cells`.
    fn row<'s>(&'s self, i: usize, cells: &mut Vec<Value<'s>>);
    /// The place row `i` is about (latitude, longitude), for GeoJSON.
    fn point(&self, i: usize) -> Option<(f64, f64)>;
}

/// An answer as columns and rows.
pub struct Grid<'a> {
    pub shape: Shape,
    pub columns: Vec<Col>,
    pub rows: Box<dyn Rows + 'a>,
}

impl Grid<'_> {
    /// Row `i`'s values.
    pub fn cells(&self, i: usize) -> Vec<Value<'_>> {
        let mut cells = Vec::with_capacity(self.columns.len());
        self.rows.row(i, &mut cells);
        cells
    }
}
