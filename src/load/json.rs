//! JSON data files: an array of city objects, as `--format json` writes them, or one
//! object after another, as `--format ndjson` writes them. Each value becomes the text
//! a CSV cell would hold, by its column's type, and is then checked by the same rules.

use std::borrow::Cow;

use serde_json::Value;
use serde_json::value::RawValue;

use super::parts::Part;
use super::sniff::without_bom;
use crate::columns::{COLUMNS, Column, HEADER, Type};
use crate::error::LoadError;
use crate::sink::{New, Sink};

pub fn read<'a, S: Sink<'a>>(
    bytes: &'a [u8],
    file: &str,
    new: &New<'_, S>,
) -> Result<S, LoadError> {
    let bytes = without_bom(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + memchr::memchr_iter(b'\n', &bytes[..e.valid_up_to()]).count();
        LoadError::one(file, line as u64, None, "is not valid UTF-8 text".into())
    })?;
    let fail = |e: serde_json::Error| {
        let what = if e.is_eof() {
            "the JSON ends too early".to_string()
        } else if e.is_data() {
            "expected a JSON array of city objects, or one object a line".to_string()
        } else {
            format!("not valid JSON ({e})")
        };
        LoadError::one(file, e.line().max(1) as u64, None, what)
    };
    let items: Vec<&RawValue> = match text.trim_start().as_bytes().first() {
        // NDJSON (or objects one after another however laid out).
        Some(b'{') => serde_json::Deserializer::from_str(text)
            .into_iter::<&RawValue>()
            .collect::<Result<_, _>>()
            .map_err(fail)?,
        _ => serde_json::from_str(text).map_err(fail)?,
    };
    let mut part = Part::new(new(), 0);
    let (mut line, mut counted) = (1, 0);
    for item in items {
        // Each city is reported at the line its object starts on.
        let offset = item.get().as_ptr() as usize - text.as_ptr() as usize;
        line += memchr::memchr_iter(b'\n', &text.as_bytes()[counted..offset]).count() as u64;
        counted = offset;
        match cells(item.get()) {
            Ok(cells) => part.add(line, offset, cells.into_iter()),
            Err((column, message)) => part.problem(line, column, message),
        }
    }
    part.finish_part(bytes.len(), line);
    part.finish(file)
}

type Cells<'a> = Vec<(&'static Column, Cow<'a, str>)>;

/// A city object's values as the text CSV cells would hold, with their columns; or
/// the column whose value has the wrong type.
pub fn cells<'a>(raw: &str) -> Result<Cells<'a>, (Option<&'static str>, String)> {
    let Ok(Value::Object(object)) = serde_json::from_str::<Value>(raw) else {
        return Err((None, "expected a city object {\"name\": …}".into()));
    };
    for key in object.keys() {
        if !COLUMNS.iter().any(|c| c.key == key) {
            return Err((
                None,
                format!(
                    "unknown field '{}' (the fields are: {})",
                    crate::terminal::quote(key),
                    HEADER.replace(',', ", ")
                ),
            ));
        }
    }
    let mut cells = Vec::with_capacity(object.len());
    for column in COLUMNS.iter().filter(|c| c.is_stored()) {
        let wrong = |expected: &str| Err((Some(column.key), format!("expected {expected}")));
        let value = object.get(column.key).unwrap_or(&Value::Null);
        let text = match (column.ty, value) {
            (_, Value::Null) => String::new(),
            (Type::List, Value::Array(items)) => {
                let mut texts = Vec::new();
                for item in items {
                    match item {
                        Value::String(s) if !s.contains(';') => texts.push(s.as_str()),
                        _ => return wrong("an array of texts without ';'"),
                    }
                }
                texts.join(";")
            }
            (Type::List, _) => return wrong("an array of texts"),
            (Type::Bool, Value::Bool(b)) => b.to_string(),
            (Type::Bool, _) => return wrong("true or false"),
            (Type::Integer | Type::Number, Value::Number(n)) => n.to_string(),
            (Type::Integer | Type::Number, _) => return wrong("a number"),
            (Type::Text | Type::Prose | Type::Date | Type::Choice, Value::String(s)) => s.clone(),
            (Type::Text | Type::Prose | Type::Date | Type::Choice, _) => return wrong("a text"),
        };
        if text.contains('\0') {
            return Err((
                Some(column.key),
                "contains a NUL byte (text may not)".into(),
            ));
        }
        cells.push((column, Cow::Owned(text)));
    }
    Ok(cells)
}
