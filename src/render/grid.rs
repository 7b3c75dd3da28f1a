//! The shape every answer takes on its way out: columns, and rows made one at a time.

use std::borrow::Cow;
use std::io;

pub use crate::columns::Keep;

use crate::value::Value;

/// How a one-row answer differs from a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Many rows: a JSON array, a table of rows.
    List,
    /// One row: a JSON object, a table of one row.
    Object,
    /// One row read as a card: a JSON object, a table of label and value (CSV and TSV
    /// write it as a list of one row).
    Card,
}

/// A column of a grid.
#[derive(Clone, Debug)]
pub struct Col {
    /// The key in JSON, CSV and TSV.
    pub key: Cow<'static, str>,
    /// The header in tables (the label, on a card).
    pub header: Cow<'static, str>,
    /// Numbers align right in tables.
    pub numeric: bool,
    /// In JSON, the key of the object this column nests in (a record's `city`).
    pub nest: Option<&'static str>,
    /// Free text a table may wrap between words; any other value is never split.
    pub wrap: bool,
    /// How much the column matters when a narrow terminal cannot show them all.
    pub keep: Keep,
}

impl Col {
    pub const fn new(key: &'static str, header: &'static str, numeric: bool) -> Col {
        Col::with(key, header, numeric, false, Keep::Always)
    }

    /// Free text a table may wrap.
    pub const fn wrapping(key: &'static str, header: &'static str) -> Col {
        Col::with(key, header, false, true, Keep::Always)
    }

    /// A column with everything said: whether it holds numbers, whether a table may
    /// wrap it, how much it matters in a narrow table.
    pub const fn with(
        key: &'static str,
        header: &'static str,
        numeric: bool,
        wrap: bool,
        keep: Keep,
    ) -> Col {
        Col {
            key: Cow::Borrowed(key),
            header: Cow::Borrowed(header),
            numeric,
            nest: None,
            wrap,
            keep,
        }
    }

    /// The column with another header.
    pub fn headed(self, header: impl Into<Cow<'static, str>>) -> Col {
        Col {
            header: header.into(),
            ..self
        }
    }
}

/// What a row is given to: its values, one per column, and the place it is about
/// (latitude, longitude), for GeoJSON.
pub type Emit<'e> = dyn FnMut(&[Value<'_>], Option<(f64, f64)>) -> io::Result<()> + 'e;

/// An answer's rows, made when written: a row's values may borrow from what is made
/// for it alone (a city read again), so they are lent to `emit`, not returned.
pub trait Rows: Sync {
    fn len(&self) -> usize;
    fn row(&self, i: usize, emit: &mut Emit) -> io::Result<()>;
}

/// An answer as columns and rows.
pub struct Grid<'a> {
    pub shape: Shape,
    pub columns: Vec<Col>,
    pub rows: Box<dyn Rows + 'a>,
}

impl<'a> Grid<'a> {
    /// The grid with only the columns `keys` names, in that order.
    pub fn select(self, keys: &[&str]) -> Grid<'a> {
        let order: Vec<usize> = keys
            .iter()
            .filter_map(|key| self.columns.iter().position(|c| c.key == *key))
            .collect();
        Grid {
            shape: self.shape,
            columns: order.iter().map(|&i| self.columns[i].clone()).collect(),
            rows: Box::new(Select {
                rows: self.rows,
                order,
            }),
        }
    }

    /// Gives row `i` to `emit`.
    pub fn row(
        &self,
        i: usize,
        mut emit: impl FnMut(&[Value<'_>], Option<(f64, f64)>) -> io::Result<()>,
    ) -> io::Result<()> {
        self.rows.row(i, &mut emit)
    }
}

/// Some of another grid's columns, in another order.
struct Select<'a> {
    rows: Box<dyn Rows + 'a>,
    /// For each column shown, where it is in the other grid.
    order: Vec<usize>,
}

impl Rows for Select<'_> {
    fn len(&self) -> usize {
        self.rows.len()
    }

    fn row(&self, i: usize, emit: &mut Emit) -> io::Result<()> {
        self.rows.row(i, &mut |cells, place| {
            let chosen: Vec<Value> = self.order.iter().map(|&j| cells[j].clone()).collect();
            emit(&chosen, place)
        })
    }
}
