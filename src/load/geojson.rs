//! GeoJSON data files, as `--format geojson` writes them: a FeatureCollection of Point
//! features whose properties are city objects (read as the JSON loader reads them),
//! the place from the point's `[lon, lat]`.

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::json::{self, Object};
use crate::columns::Field;
use crate::error::LoadError;
use crate::sink::{New, Sink};

#[derive(Deserialize)]
struct Collection<'a> {
    #[serde(borrow)]
    features: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct Feature<'a> {
    #[serde(borrow, default)]
    geometry: Option<Geometry<'a>>,
    #[serde(borrow, default)]
    properties: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct Geometry<'a> {
    #[serde(rename = "type")]
    kind: Cow<'a, str>,
    #[serde(borrow)]
    coordinates: Vec<&'a RawValue>,
}

pub fn read<'a, S: Sink<'a>>(
    bytes: &'a [u8],
    file: &str,
    new: &New<'_, S>,
) -> Result<S, LoadError> {
    let text = json::utf8(bytes, file)?;
    let collection: Collection = serde_json::from_str(text).map_err(|e| {
        let what = if e.is_data() {
            format!(
                "expected a GeoJSON FeatureCollection with its \"features\" ({})",
                json::plain(&e)
            )
        } else {
            return json::failed(&e, file);
        };
        LoadError::one(file, e.line().max(1) as u64, None, what)
    })?;
    json::read_items(text, &collection.features, file, new, json::Items::Features)
}

/// A feature as a city: its properties, with `lat` and `lon` from its point (where the
/// properties give them too, they must be the point's).
pub fn feature(raw: &str) -> Result<Object<'_>, String> {
    let feature: Feature = serde_json::from_str(raw).map_err(|e| {
        format!(
            "expected a GeoJSON Feature with a Point geometry and properties ({})",
            json::plain(&e)
        )
    })?;
    let properties = feature.properties.map_or("{}", |p| p.get());
    let properties = if properties == "null" {
        "{}"
    } else {
        properties
    };
    let mut object = json::object(properties)?;
    let Some(geometry) = feature.geometry else {
        // No point: the properties' own lat and lon, if any, are the place.
        return Ok(object);
    };
    let [lon, lat] = match (&*geometry.kind, &geometry.coordinates[..]) {
        ("Point", [lon, lat, ..]) => [lon.get(), lat.get()],
        (kind, _) => {
            return Err(format!(
                "the geometry is a {kind}, not a Point with [lon, lat] (a city is a point)"
            ));
        }
    };
    for (field, from_point) in [(Field::Lat, lat), (Field::Lon, lon)] {
        let Some((column, cell)) = object.cells.iter_mut().find(|(c, _)| c.field == field) else {
            continue;
        };
        match cell {
            Ok(given) if given.is_empty() => *cell = Ok(Cow::Borrowed(from_point)),
            Ok(given) if same_number(given, from_point) => {}
            Ok(given) => object.problems.push((
                Some(column.key),
                format!(
                    "the properties say {given}, the point's coordinates {from_point} (they must agree)"
                ),
            )),
            // The property's own problem is reported.
            Err(_) => {}
        }
    }
    Ok(object)
}

/// Whether two numbers as written are the same number (`50.0` and `50`).
fn same_number(a: &str, b: &str) -> bool {
    match (a.trim().parse::<f64>(), b.trim().parse::<f64>()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell<'a>(object: &'a Object, field: Field) -> &'a str {
        let (_, cell) = object.cells.iter().find(|(c, _)| c.field == field).unwrap();
        cell.as_deref().unwrap()
    }

    #[test]
    fn a_feature_is_its_properties_at_its_point() {
        let raw = r#"{"type": "Feature", "geometry": {"type": "Point", "coordinates": [19.94, 50.06]},
                      "properties": {"name": "A", "country": "Poland"}}"#;
        let object = feature(raw).unwrap();
        assert!(object.problems.is_empty());
        assert_eq!(cell(&object, Field::Lat), "50.06");
        assert_eq!(cell(&object, Field::Lon), "19.94");
        assert_eq!(cell(&object, Field::Name), "A");
    }

    #[test]
    fn properties_that_disagree_with_the_point_are_a_problem() {
        let raw = r#"{"type": "Feature", "geometry": {"type": "Point", "coordinates": [19.94, 50.06]},
                      "properties": {"name": "A", "country": "Poland", "lat": 50.0600, "lon": 20}}"#;
        let object = feature(raw).unwrap();
        assert_eq!(object.problems.len(), 1, "{:?}", object.problems);
        assert_eq!(object.problems[0].0, Some("lon"));
        let line = r#"{"type": "Feature", "geometry": {"type": "LineString", "coordinates": []}}"#;
        assert!(
            feature(line)
                .err()
                .is_some_and(|e| e.contains("not a Point"))
        );
    }
}
