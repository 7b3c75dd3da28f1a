//! JSON and NDJSON, in the shape DESIGN promises scripts.

use serde_json::{Map, Value as J};

use super::{Grid, measure_value};
use crate::city::City;
use crate::fields::{Field, Value};
use crate::parallel;
use crate::records::Record;

/// A city with the fields to write, serialised straight from its values.
struct CityObject<'a> {
    city: &'a City<'a>,
    fields: &'a [Field],
}

impl serde::Serialize for CityObject<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.fields.len()))?;
        for field in self.fields {
            map.serialize_entry(field.key(), &field.value(self.city))?;
        }
        map.end()
    }
}

/// Cities as a pretty-printed JSON array.
pub fn city_array(cities: &[City], fields: &[Field]) -> String {
    let items = cities.iter().map(|city| CityObject { city, fields });
    pretty_array(items, cities.len() * 600)
}

/// Cities as one compact JSON object per line, written on every core.
pub fn city_lines(cities: &[City], fields: &[Field]) -> String {
    let shares = parallel::map_slices(cities, |share| {
        let items = share.iter().map(|city| CityObject { city, fields });
        lines(items, share.len() * 500)
    });
    parallel::concat(shares)
}

/// A city as a JSON object with the given fields, in order.
pub fn city(city: &City, fields: &[Field]) -> J {
    let object: Map<String, J> = fields
        .iter()
        .map(|f| (f.key().to_string(), f.value(city).json()))
        .collect();
    J::Object(object)
}

/// What a record is: `{"record": "nearest", "rank": 1, "value": 177.8, "unit": "km"}`.
fn record_head(record: &Record) -> Map<String, J> {
    let mut object = Map::new();
    object.insert("record".into(), J::from(record.kind.as_str()));
    object.insert("rank".into(), J::from(record.rank));
    object.insert(
        "value".into(),
        measure_value(record.kind, record.measure).json(),
    );
    object.insert("unit".into(), J::from(record.kind.unit()));
    object
}

/// A record with its city inside, serialised straight from its values.
struct RecordObject<'a> {
    record: &'a Record<'a>,
    fields: &'a [Field],
}

impl serde::Serialize for RecordObject<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let record = self.record;
        let mut map = s.serialize_map(Some(5))?;
        map.serialize_entry("record", record.kind.as_str())?;
        map.serialize_entry("rank", &record.rank)?;
        map.serialize_entry("value", &measure_value(record.kind, record.measure))?;
        map.serialize_entry("unit", record.kind.unit())?;
        let city = CityObject {
            city: &record.city,
            fields: self.fields,
        };
        map.serialize_entry("city", &city)?;
        map.end()
    }
}

/// Records as a pretty-printed JSON array: `[{"record": …, "city": {…}}, …]`.
pub fn record_array(records: &[Record], fields: &[Field]) -> String {
    let items = records.iter().map(|record| RecordObject { record, fields });
    pretty_array(items, records.len() * 2048)
}

/// Records as one compact JSON object per line.
pub fn record_lines(records: &[Record], fields: &[Field]) -> String {
    let items = records.iter().map(|record| RecordObject { record, fields });
    lines(items, records.len() * 1024)
}

/// A record with its city's fields beside it, for GeoJSON properties (GIS tools read
/// flat properties best).
pub fn flat_record(record: &Record, fields: &[Field]) -> J {
    let mut object = record_head(record);
    if let J::Object(city) = city(&record.city, fields) {
        object.extend(city);
    }
    J::Object(object)
}

/// An RFC 7946 FeatureCollection: a Point feature (`[lon, lat]`) per city, with the
/// given properties.
pub fn features<'c>(items: impl Iterator<Item = (&'c City<'c>, J)>) -> String {
    let features: Vec<J> = items
        .map(|(city, properties)| {
            serde_json::json!({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [city.lon, city.lat]},
                "properties": properties,
            })
        })
        .collect();
    let collection = serde_json::json!({"type": "FeatureCollection", "features": features});
    let mut text = serde_json::to_string_pretty(&collection).unwrap_or_default();
    text.push('\n');
    text
}

/// A row of a grid as an object with the grid's keys, serialised straight from its
/// values.
struct RowObject<'a> {
    keys: &'a [&'static str],
    row: &'a [Value<'a>],
}

impl serde::Serialize for RowObject<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.keys.len()))?;
        for (key, value) in self.keys.iter().zip(self.row) {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// A grid's rows as a pretty-printed JSON array of objects.
pub fn grid_array(grid: &Grid) -> String {
    pretty_array(grid_rows(grid), 0)
}

/// A grid's rows as one compact JSON object per line.
pub fn grid_lines(grid: &Grid) -> String {
    lines(grid_rows(grid), 0)
}

fn grid_rows<'g>(grid: &'g Grid) -> impl Iterator<Item = RowObject<'g>> {
    grid.rows.iter().map(|row| RowObject {
        keys: &grid.keys,
        row,
    })
}

/// Any row as an object with the given keys.
pub fn object(keys: &[&str], row: &[Value]) -> J {
    J::Object(
        keys.iter()
            .zip(row)
            .map(|(k, v)| (k.to_string(), v.json()))
            .collect(),
    )
}

/// Items as a pretty-printed JSON array, ending with a newline; `capacity` is a guess
/// at the size, to spare the buffer regrowing.
fn pretty_array<T: serde::Serialize>(items: impl Iterator<Item = T>, capacity: usize) -> String {
    let mut out = Vec::with_capacity(capacity + 4);
    let mut serializer = serde_json::Serializer::pretty(&mut out);
    // Writing to memory cannot fail.
    let _ = serde::Serializer::collect_seq(&mut serializer, items);
    out.push(b'\n');
    String::from_utf8(out).unwrap_or_default()
}

/// Items as one compact JSON object per line.
pub fn lines<T: serde::Serialize>(items: impl Iterator<Item = T>, capacity: usize) -> String {
    let mut out = Vec::with_capacity(capacity);
    for item in items {
        // Writing to memory cannot fail.
        let _ = serde_json::to_writer(&mut out, &item);
        out.push(b'\n');
    }
    String::from_utf8(out).unwrap_or_default()
}
