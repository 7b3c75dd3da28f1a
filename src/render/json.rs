//! JSON, NDJSON and GeoJSON, in the shape scripts rely on (README: JSON output), serialised straight
//! from the values (no tree in between) and written as the rows are made.

use std::io::{self, Write};

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::ser::Formatter;

use super::grid::{Col, Grid, Shape};
use super::write_rows;
use crate::value::Value;

/// A pretty JSON array of objects, or one object for a one-row answer.
pub fn write(grid: &Grid, out: &mut dyn Write) -> io::Result<()> {
    if grid.shape != Shape::List {
        grid.row(0, |cells, _| {
            pretty(&Object::new(&grid.columns, cells, false), 0, out)
        })?;
        return out.write_all(b"\n");
    }
    if grid.rows.len() == 0 {
        return out.write_all(b"[]\n");
    }
    out.write_all(b"[")?;
    write_rows(grid.rows.len(), out, |rows, buffer| {
        for i in rows {
            buffer.extend_from_slice(if i == 0 { b"\n  " } else { b",\n  " });
            grid.row(i, |cells, _| {
                pretty(&Object::new(&grid.columns, cells, false), 1, buffer)
            })?;
        }
        Ok(())
    })?;
    out.write_all(b"\n]\n")
}

/// One compact JSON object per line.
pub fn write_lines(grid: &Grid, out: &mut dyn Write) -> io::Result<()> {
    write_rows(grid.rows.len(), out, |rows, buffer| {
        for i in rows {
            grid.row(i, |cells, _| {
                serde_json::to_writer(&mut *buffer, &Object::new(&grid.columns, cells, false))?;
                buffer.push(b'\n');
                Ok(())
            })?;
        }
        Ok(())
    })
}

/// An RFC 7946 FeatureCollection: a Point (`[lon, lat]`) per row, its values as flat
/// properties (GIS tools read flat properties best).
pub fn write_features(grid: &Grid, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"{\n  \"type\": \"FeatureCollection\",\n  \"features\": [")?;
    write_rows(grid.rows.len(), out, |rows, buffer| {
        for i in rows {
            buffer.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
            grid.row(i, |cells, point| {
                let feature = Feature {
                    point,
                    properties: Object::new(&grid.columns, cells, true),
                };
                pretty(&feature, 2, buffer)
            })?;
        }
        Ok(())
    })?;
    let end: &[u8] = if grid.rows.len() == 0 {
        b"]\n}\n"
    } else {
        b"\n  ]\n}\n"
    };
    out.write_all(end)
}

/// `value` as pretty JSON whose first line is already indented `depth` levels.
fn pretty<T: Serialize, W: Write + ?Sized>(value: &T, depth: usize, out: &mut W) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Pretty::at(depth));
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// A row as an object with its columns' keys; columns that nest (a record's city) go
/// into an object of their own unless `flat`.
struct Object<'g, 'v> {
    columns: &'g [Col],
    cells: &'g [Value<'v>],
    flat: bool,
}

impl<'g, 'v> Object<'g, 'v> {
    fn new(columns: &'g [Col], cells: &'g [Value<'v>], flat: bool) -> Object<'g, 'v> {
        Object {
            columns,
            cells,
            flat,
        }
    }
}

impl Serialize for Object<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        let mut nested: Vec<&str> = Vec::new();
        for (col, value) in self.columns.iter().zip(self.cells) {
            match col.nest {
                Some(nest) if !self.flat => {
                    if !nested.contains(&nest) {
                        nested.push(nest);
                        map.serialize_entry(nest, &Nest { object: self, nest })?;
                    }
                }
                _ => map.serialize_entry(col.key, value)?,
            }
        }
        map.end()
    }
}

/// The columns of an object that nest under one key.
struct Nest<'o> {
    object: &'o Object<'o, 'o>,
    nest: &'static str,
}

impl Serialize for Nest<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        let columns = self.object.columns.iter().zip(self.object.cells);
        for (col, value) in columns.filter(|(c, _)| c.nest == Some(self.nest)) {
            map.serialize_entry(col.key, value)?;
        }
        map.end()
    }
}

struct Feature<'g, 'v> {
    point: Option<(f64, f64)>,
    properties: Object<'g, 'v>,
}

impl Serialize for Feature<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("type", "Feature")?;
        match self.point {
            Some((lat, lon)) => map.serialize_entry("geometry", &Point([lon, lat]))?,
            None => map.serialize_entry("geometry", &None::<()>)?,
        }
        map.serialize_entry("properties", &self.properties)?;
        map.end()
    }
}

struct Point([f64; 2]);

impl Serialize for Point {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("type", "Point")?;
        map.serialize_entry("coordinates", &self.0)?;
        map.end()
    }
}

/// serde_json's pretty layout (two spaces an indent), started at any depth, so rows
/// made apart read as one document.
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    fn at(depth: usize) -> Pretty {
        Pretty {
            depth,
            has_value: false,
        }
    }

    fn indent<W: Write + ?Sized>(&self, out: &mut W) -> io::Result<()> {
        for _ in 0..self.depth {
            out.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: Write + ?Sized>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: Write + ?Sized>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            out.write_all(b"\n")?;
            self.indent(out)?;
        }
        out.write_all(bracket)
    }

    fn item<W: Write + ?Sized>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(out)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: Write + ?Sized>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn end_array_value<W: Write + ?Sized>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: Write + ?Sized>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn begin_object_value<W: Write + ?Sized>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: Write + ?Sized>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}
