//! JSON, NDJSON and GeoJSON, in the shape scripts rely on (README: JSON output), written
//! straight from the values (no tree in between) as the rows are made. The layout is
//! serde_json's pretty one (two spaces an indent; NDJSON compact); keys are known
//! texts, written without escaping them again for every row. Texts are written as
//! serde_json writes them, except that the characters a terminal would obey or hide
//! (C1 controls, DEL, bidirectional and zero-width characters: `terminal::is_unsafe`)
//! are `\u` escapes: the same text to a program, and nothing raw on a terminal.

use std::io::{self, Write};

use serde::Serialize;

use super::grid::{Col, Grid, Shape};
use super::write_rows;
use crate::terminal;
use crate::value::Value;

/// A pretty JSON array of objects, or one object for a one-row answer.
pub fn write(grid: &Grid, out: &mut dyn Write) -> io::Result<()> {
    if grid.shape != Shape::List {
        let keys = Keys::of(&grid.columns, Layout::Pretty(0), false);
        let mut buffer = Vec::new();
        grid.row(0, |cells, _| {
            object(
                &mut buffer,
                &grid.columns,
                &keys,
                cells,
                Layout::Pretty(0),
                false,
            )
        })?;
        buffer.push(b'\n');
        return out.write_all(&buffer);
    }
    if grid.rows.len() == 0 {
        return out.write_all(b"[]\n");
    }
    let keys = Keys::of(&grid.columns, Layout::Pretty(1), false);
    out.write_all(b"[")?;
    write_rows(grid.rows.len(), out, |rows, buffer| {
        for i in rows {
            buffer.extend_from_slice(if i == 0 { b"\n  " } else { b",\n  " });
            grid.row(i, |cells, _| {
                object(
                    buffer,
                    &grid.columns,
                    &keys,
                    cells,
                    Layout::Pretty(1),
                    false,
                )
            })?;
        }
        Ok(())
    })?;
    out.write_all(b"\n]\n")
}

/// One compact JSON object per line.
pub fn write_lines(grid: &Grid, out: &mut dyn Write) -> io::Result<()> {
    let keys = Keys::of(&grid.columns, Layout::Compact, false);
    write_rows(grid.rows.len(), out, |rows, buffer| {
        for i in rows {
            grid.row(i, |cells, _| {
                object(buffer, &grid.columns, &keys, cells, Layout::Compact, false)?;
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
    let keys = Keys::of(&grid.columns, Layout::Pretty(3), true);
    out.write_all(b"{\n  \"type\": \"FeatureCollection\",\n  \"features\": [")?;
    write_rows(grid.rows.len(), out, |rows, buffer| {
        for i in rows {
            buffer.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
            grid.row(i, |cells, point| {
                buffer.extend_from_slice(b"{\n      \"type\": \"Feature\",\n      \"geometry\": ");
                match point {
                    Some((lat, lon)) => {
                        buffer.extend_from_slice(
                            b"{\n        \"type\": \"Point\",\n        \"coordinates\": [\n          ",
                        );
                        scalar(buffer, &lon)?;
                        buffer.extend_from_slice(b",\n          ");
                        scalar(buffer, &lat)?;
                        buffer.extend_from_slice(b"\n        ]\n      }");
                    }
                    None => buffer.extend_from_slice(b"null"),
                }
                buffer.extend_from_slice(b",\n      \"properties\": ");
                object(buffer, &grid.columns, &keys, cells, Layout::Pretty(3), true)?;
                buffer.extend_from_slice(b"\n    }");
                Ok(())
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

/// Pretty, its first line already indented this many levels; or compact.
#[derive(Clone, Copy)]
enum Layout {
    Pretty(usize),
    Compact,
}

impl Layout {
    fn deeper(self) -> Layout {
        match self {
            Layout::Pretty(depth) => Layout::Pretty(depth + 1),
            Layout::Compact => Layout::Compact,
        }
    }

    /// What comes before an item of an object or array at this layout's depth plus
    /// one, a comma first (left off before the first item: see [`Layout::item`]).
    fn before_item(self) -> Vec<u8> {
        match self {
            Layout::Pretty(depth) => {
                let mut before = b",\n".to_vec();
                indent(&mut before, depth + 1);
                before
            }
            Layout::Compact => b",".to_vec(),
        }
    }

    /// Before an item of an object or array, at this layout's depth plus one.
    fn item(self, out: &mut Vec<u8>, first: bool) {
        match self {
            Layout::Pretty(depth) => {
                out.extend_from_slice(if first { b"\n" } else { b",\n" });
                indent(out, depth + 1);
            }
            Layout::Compact if first => {}
            Layout::Compact => out.push(b','),
        }
    }

    /// After the items of an object or array that had some.
    fn close(self, out: &mut Vec<u8>, bracket: u8) {
        if let Layout::Pretty(depth) = self {
            out.push(b'\n');
            indent(out, depth);
        }
        out.push(bracket);
    }

    fn colon(self) -> &'static [u8] {
        match self {
            Layout::Pretty(_) => b": ",
            Layout::Compact => b":",
        }
    }
}

fn indent(out: &mut Vec<u8>, depth: usize) {
    const SPACES: &[u8] = &[b' '; 64];
    let mut width = 2 * depth;
    while width > 0 {
        let step = width.min(SPACES.len());
        out.extend_from_slice(&SPACES[..step]);
        width -= step;
    }
}

/// What comes before each column's value, made once for the whole answer: the comma,
/// the line break and indent, the key and the colon (`,\n    "name": `); the first
/// item of an object leaves the comma off. Columns in a nest are one level deeper.
struct Keys {
    columns: Vec<Vec<u8>>,
}

impl Keys {
    fn of(columns: &[Col], layout: Layout, flat: bool) -> Keys {
        let columns = columns
            .iter()
            .map(|c| {
                let depth = match c.nest {
                    Some(_) if !flat => layout.deeper(),
                    _ => layout,
                };
                let mut before = depth.before_item();
                before.extend_from_slice(&quoted(&c.key));
                before.extend_from_slice(layout.colon());
                before
            })
            .collect();
        Keys { columns }
    }

    /// Writes what comes before column `i`'s value.
    fn before(&self, out: &mut Vec<u8>, i: usize, first: bool) {
        let before = &self.columns[i];
        // The comma is the first byte.
        out.extend_from_slice(if first { &before[1..] } else { before });
    }
}

fn quoted(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    match scalar(&mut out, text) {
        Ok(()) => out,
        Err(_) => b"\"\"".to_vec(),
    }
}

/// A row as an object with its columns' keys (made by [`Keys::of`] for this layout and
/// `flat`); columns that nest (a record's city) go into an object of their own under
/// the nest's key, unless `flat`.
fn object(
    out: &mut Vec<u8>,
    columns: &[Col],
    keys: &Keys,
    cells: &[Value],
    layout: Layout,
    flat: bool,
) -> io::Result<()> {
    out.push(b'{');
    let mut first = true;
    let mut nested: Vec<&str> = Vec::new();
    for (i, (col, value)) in columns.iter().zip(cells).enumerate() {
        match col.nest {
            // Written with the first column of its nest.
            Some(nest) if !flat && nested.contains(&nest) => continue,
            Some(nest) if !flat => {
                nested.push(nest);
                layout.item(out, first);
                out.extend_from_slice(&quoted(nest));
                out.extend_from_slice(layout.colon());
                let inner = layout.deeper();
                out.push(b'{');
                let mut inner_first = true;
                for (j, (col, value)) in columns.iter().zip(cells).enumerate().skip(i) {
                    if col.nest == Some(nest) {
                        keys.before(out, j, inner_first);
                        inner_first = false;
                        value_into(out, value, inner.deeper())?;
                    }
                }
                if inner_first {
                    out.push(b'}');
                } else {
                    inner.close(out, b'}');
                }
            }
            _ => {
                keys.before(out, i, first);
                value_into(out, value, layout.deeper())?;
            }
        }
        first = false;
    }
    if first {
        out.push(b'}');
    } else {
        layout.close(out, b'}');
    }
    Ok(())
}

/// A value: lists as arrays laid out like objects, texts as [`text`] writes them,
/// everything else as serde writes it (see `Value`'s `Serialize`).
fn value_into(out: &mut Vec<u8>, value: &Value, layout: Layout) -> io::Result<()> {
    match value {
        Value::Unknown => out.extend_from_slice(b"null"),
        Value::Text(t) => text(out, t)?,
        Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Value::Date(d) => text(out, &d.iso())?,
        Value::List(items) if !items.is_empty() => texts(out, items, layout)?,
        Value::Map(entries) if !entries.is_empty() => {
            out.push(b'{');
            for (i, (key, items)) in entries.iter().enumerate() {
                layout.item(out, i == 0);
                text(out, key)?;
                out.extend_from_slice(layout.colon());
                match items.is_empty() {
                    true => out.extend_from_slice(b"[]"),
                    false => texts(out, items, layout.deeper())?,
                }
            }
            layout.close(out, b'}');
        }
        other => scalar(out, other)?,
    }
    Ok(())
}

/// Texts as an array laid out like objects (not empty: `[]` is written as serde does).
fn texts(out: &mut Vec<u8>, items: &[std::borrow::Cow<str>], layout: Layout) -> io::Result<()> {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        layout.item(out, i == 0);
        text(out, item)?;
    }
    layout.close(out, b']');
    Ok(())
}

/// A text as a JSON string. Most texts need no escape at all, which one pass over
/// their bytes tells; the others are written by serde_json with [`Safe`].
fn text(out: &mut Vec<u8>, text: &str) -> io::Result<()> {
    /// Bytes a JSON string may hold as they are, wherever they are: not a quote, a
    /// backslash, a control, or a byte an unsafe character may start with.
    const PLAIN: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = !terminal::MAY_START_UNSAFE[b] && b != b'"' as usize && b != b'\\' as usize;
            b += 1;
        }
        table
    };
    if text.bytes().all(|b| PLAIN[usize::from(b)]) {
        out.reserve(text.len() + 2);
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
        Ok(())
    } else {
        scalar(out, text)
    }
}

fn scalar<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Safe);
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// serde_json's compact layout, with unsafe characters in texts as `\u` escapes.
struct Safe;

impl serde_json::ser::Formatter for Safe {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if !terminal::may_be_unsafe(fragment) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut from = 0;
        for (i, c) in fragment.char_indices() {
            if terminal::is_unsafe(c) {
                writer.write_all(&fragment.as_bytes()[from..i])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                from = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[from..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        let mut out = Vec::new();
        super::text(&mut out, s).unwrap();
        let fast = String::from_utf8(out).unwrap();
        // The careful way writes every text the same.
        let mut out = Vec::new();
        scalar(&mut out, s).unwrap();
        assert_eq!(fast, String::from_utf8(out).unwrap());
        fast
    }

    #[test]
    fn unsafe_characters_are_escaped_and_the_rest_is_as_serde_json_writes_it() {
        assert_eq!(text("a\u{9b}b"), r#""a\u009bb""#);
        assert_eq!(
            text("\u{202e}x\u{200b}\u{feff}\u{7f}"),
            r#""\u202ex\u200b\ufeff\u007f""#
        );
        assert_eq!(text("tag\u{e0041}"), r#""tag\udb40\udc41""#);
        for plain in ["Kraków", "Київ", "\u{1b}[31m \"q\" \\ \n\t", "日本", "👍"] {
            assert_eq!(text(plain), serde_json::to_string(plain).unwrap());
        }
        let back: String = serde_json::from_str(&text("\u{9b}\u{202e}\u{e0041}")).unwrap();
        assert_eq!(back, "\u{9b}\u{202e}\u{e0041}");
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_back_the_same_and_differs_from_serde_json_only_where_unsafe(
            s in "\\PC*|[\u{0}-\u{ff}\u{200b}-\u{206f}\u{feff}\u{e0000}-\u{e007f}a-z]{0,20}"
        ) {
            let ours = text(&s);
            let back: String = serde_json::from_str(&ours).unwrap();
            proptest::prop_assert_eq!(&back, &s);
            proptest::prop_assert!(!ours.chars().any(terminal::is_unsafe), "{}", ours);
            // serde_json escapes the C0 controls itself, as ours does.
            if !s.chars().any(|c| terminal::is_unsafe(c) && c >= ' ') {
                proptest::prop_assert_eq!(ours, serde_json::to_string(&s).unwrap());
            }
        }
    }
}
