//! JSON data files: an array of city objects, as `--format json` writes them, or one
//! object after another, as `--format ndjson` writes them. Each value becomes the text
//! a CSV cell would hold, by its column's type, trimmed as CSV cells are, and is then
//! checked by the same rules: every problem of an object is reported with its column,
//! a field given twice among them.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::parts::Part;
use super::sniff::without_bom;
use super::validate::Cell;
use crate::city::trim;
use crate::columns::{COLUMNS, Column, HEADER, Type};
use crate::error::LoadError;
use crate::sink::{New, Sink};

pub fn read<'a, S: Sink<'a>>(
    bytes: &'a [u8],
    file: &str,
    new: &New<'_, S>,
) -> Result<S, LoadError> {
    let text = utf8(bytes, file)?;
    let fail = |e: serde_json::Error| failed(&e, file);
    let items: Vec<&RawValue> = match text.trim_start().as_bytes().first() {
        // NDJSON (or objects one after another however laid out).
        Some(b'{') => serde_json::Deserializer::from_str(text)
            .into_iter::<&RawValue>()
            .collect::<Result<_, _>>()
            .map_err(fail)?,
        _ => serde_json::from_str(text).map_err(fail)?,
    };
    read_items(text, &items, file, new, Items::Cities)
}

/// What the items of a JSON file are.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Items {
    /// City objects.
    Cities,
    /// GeoJSON features, their problems named by the feature's index.
    Features,
}

/// Reads `items`, each a value inside `text`, into cities.
pub fn read_items<'a, S: Sink<'a>>(
    text: &'a str,
    items: &[&'a RawValue],
    file: &str,
    new: &New<'_, S>,
    kind: Items,
) -> Result<S, LoadError> {
    let bytes = text.as_bytes();
    // Each city is reported at the line its object starts on.
    let mut places = Vec::with_capacity(items.len());
    let (mut line, mut counted) = (1, 0);
    for item in items {
        let offset = item.get().as_ptr() as usize - text.as_ptr() as usize;
        line += memchr::memchr_iter(b'\n', &text.as_bytes()[counted..offset]).count() as u64;
        counted = offset;
        places.push((line, offset));
    }
    // Where objects share a line (`jq -c` writes an array on one), the line does not
    // tell them apart: their problems name the object's index too.
    let shares_its_line = |i: usize| {
        let line = places[i].0;
        (i > 0 && places[i - 1].0 == line) || places.get(i + 1).is_some_and(|p| p.0 == line)
    };
    let mut part = Part::new(new(), 0);
    for (index, (item, &(line, offset))) in items.iter().zip(&places).enumerate() {
        let named = kind == Items::Features || shares_its_line(index);
        part.in_item(named.then_some(index as u64));
        let read = match kind {
            Items::Cities => object(item.get()),
            Items::Features => super::geojson::feature(item.get()),
        };
        match read {
            Ok(object) => {
                for (column, message) in object.problems {
                    part.problem(line, column, message);
                }
                part.add(line, offset, object.cells.into_iter());
            }
            Err(message) => part.problem(line, None, message),
        }
    }
    part.finish_part(bytes.len(), line);
    part.finish(file)
}

/// The file's text without its byte order mark, or where it is not UTF-8.
pub fn utf8<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str, LoadError> {
    let bytes = without_bom(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + memchr::memchr_iter(b'\n', &bytes[..e.valid_up_to()]).count();
        LoadError::one(file, line as u64, None, "is not valid UTF-8 text".into())
    })
}

/// What is wrong with a file serde_json could not read, at its line.
pub fn failed(e: &serde_json::Error, file: &str) -> LoadError {
    let what = if e.is_eof() {
        "the JSON ends too early".to_string()
    } else if e.is_data() {
        "expected a JSON array of city objects, or one object a line".to_string()
    } else {
        format!("not valid JSON ({e})")
    };
    LoadError::one(file, e.line().max(1) as u64, None, what)
}

/// A city object read: each stored column's cell (or what is wrong with its value),
/// in the order of the column table, and the problems of the object as a whole.
pub struct Object<'a> {
    pub cells: Vec<(&'static Column, Cell<'a>)>,
    /// Unknown and repeated fields: the column where it is one, and the message.
    pub problems: Vec<(Option<&'static str>, String)>,
}

/// A city object's values as the text CSV cells would hold, trimmed as CSV cells are,
/// so the same rules judge them; or what the value is when it is no object.
pub fn object(raw: &str) -> Result<Object<'_>, String> {
    let Fields(fields) = serde_json::from_str(raw)
        .map_err(|e| format!("expected a city object {{\"name\": …}} ({})", plain(&e)))?;
    let mut problems = Vec::new();
    // Each column's value, the first where a field is repeated.
    let mut values: Vec<Option<&RawValue>> = vec![None; COLUMNS.len()];
    for (key, value) in fields {
        match COLUMNS.iter().find(|c| c.key == key) {
            Some(column) => match &mut values[column.field as usize] {
                Some(_) => problems.push((
                    Some(column.key),
                    "is given twice in the object (each field once)".to_string(),
                )),
                slot => *slot = Some(value),
            },
            None => {
                let keys: Vec<&str> = COLUMNS.iter().map(|c| c.key).collect();
                let hint = crate::suggest::did_you_mean(&key, &keys)
                    .map(|h| format!("; {h}"))
                    .unwrap_or_default();
                problems.push((
                    None,
                    format!(
                        "unknown field '{}'{hint} (the fields are: {})",
                        crate::terminal::quote(&key),
                        HEADER.replace(',', ", ")
                    ),
                ));
            }
        }
    }
    let cells = COLUMNS
        .iter()
        .filter(|c| c.is_read())
        .map(|column| (column, cell(column.ty, values[column.field as usize])))
        .collect();
    Ok(Object { cells, problems })
}

/// One value as the text of a CSV cell: `null` or a missing field is empty, a number
/// is the number as written (the column's rule reads it, as it would in CSV).
fn cell(ty: Type, value: Option<&RawValue>) -> Cell<'_> {
    let Some(value) = value else {
        return Ok(Cow::Borrowed(""));
    };
    let raw = value.get();
    let wrong = |expected: &str| Err(format!("expected {expected}"));
    let text = match (ty, raw.as_bytes().first()) {
        (_, Some(b'n')) => Cow::Borrowed(""),
        (Type::List, Some(b'[')) => {
            let items: Vec<&RawValue> =
                serde_json::from_str(raw).map_err(|e| format!("not a list ({})", plain(&e)))?;
            let mut texts = Vec::with_capacity(items.len());
            for item in items {
                match item.get().as_bytes().first() {
                    Some(b'"') => texts.push(string(item)?),
                    _ => return wrong("an array of texts"),
                }
            }
            if texts.iter().any(|t| t.contains(';')) {
                return wrong("an array of texts without ';'");
            }
            let texts: Vec<&str> = texts.iter().map(|t| &**t).collect();
            Cow::Owned(texts.join(";"))
        }
        (Type::List, _) => return wrong("an array of texts"),
        // Read as written: its column's rule reads it (provenance::read).
        (Type::Provenance, Some(b'{')) => Cow::Borrowed(raw),
        (Type::Provenance, _) => return wrong("an object {\"field\": [URL, …]}"),
        (Type::Bool, Some(b't' | b'f')) => Cow::Borrowed(raw),
        (Type::Bool, _) => return wrong("true or false"),
        (Type::Integer | Type::Number, Some(b'-' | b'0'..=b'9')) => Cow::Borrowed(raw),
        (Type::Integer | Type::Number, _) => return wrong("a number"),
        (Type::Text | Type::Prose | Type::Date | Type::Choice(_), Some(b'"')) => string(value)?,
        (Type::Text | Type::Prose | Type::Date | Type::Choice(_), _) => return wrong("a text"),
    };
    if text.contains('\0') {
        return Err("contains a NUL byte (text may not)".into());
    }
    Ok(text)
}

/// A JSON string's text, trimmed as a CSV cell is; borrowed where it has no escapes.
fn string(value: &RawValue) -> Cell<'_> {
    let text = match serde_json::from_str::<&str>(value.get()) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => match serde_json::from_str::<String>(value.get()) {
            Ok(text) => Cow::Owned(text),
            // serde_json says "lone leading surrogate", or "unexpected end of hex
            // escape" where the pair's second half is missing.
            Err(e)
                if e.to_string().contains("surrogate") || e.to_string().contains("hex escape") =>
            {
                return Err(
                    "has a lone surrogate (a \\uD800 to \\uDFFF escape without its pair; \
                     text must be valid Unicode)"
                        .into(),
                );
            }
            Err(e) => return Err(format!("is not valid text ({})", plain(&e))),
        },
    };
    Ok(match text {
        Cow::Borrowed(text) => Cow::Borrowed(trim(text)),
        Cow::Owned(text) if trim(&text).len() == text.len() => Cow::Owned(text),
        Cow::Owned(text) => Cow::Owned(trim(&text).to_string()),
    })
}

/// A parser's message without its place (which is within one value, not the file).
pub fn plain(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.split_once(" at line ") {
        Some((what, _)) => what.to_string(),
        None => text,
    }
}

/// An object's fields in the order written, every one kept: a field written twice is
/// a problem to report, not a value silently replaced.
struct Fields<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> Visitor<'de> for Visit {
            type Value = Fields<'de>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'de>, A::Error> {
                let mut fields = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    fields.push((key, map.next_value::<&'de RawValue>()?));
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(Visit)
    }
}
