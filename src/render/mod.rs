//! Turning an answer into text: a table for people, TSV, CSV, JSON or NDJSON for
//! programs. Everything is rendered to a string first, so nothing is written until the
//! whole answer is known to be good.

mod delimited;
mod json;
mod table;

use clap::ValueEnum;

use crate::city::City;
use crate::dataset::COLUMNS;
use crate::fields::{self, Field, Value};
use crate::records::{Kind, Measure, Record};

/// The output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned table with units in the headers, for people.
    Table,
    /// Tab-separated values with a header line.
    Tsv,
    /// A JSON array.
    Json,
    /// One JSON object per line.
    Ndjson,
    /// Comma-separated values with the data file's header.
    Csv,
}

/// A rectangle of values with a machine key and a human header per column.
pub struct Grid {
    pub keys: Vec<&'static str>,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<Value>>,
    /// Columns of numbers, aligned right in tables.
    pub numeric: Vec<bool>,
}

/// The fields a format shows unless the user chose them.
fn default_fields(format: Format) -> Vec<Field> {
    match format {
        Format::Table | Format::Tsv => fields::TABLE.to_vec(),
        // The data file's columns plus the distance: loads back as a dataset.
        Format::Csv => COLUMNS
            .iter()
            .filter_map(|c| Field::from_key(c))
            .chain([Field::DistanceKm])
            .collect(),
        Format::Json | Format::Ndjson => Field::ALL.to_vec(),
    }
}

fn is_numeric(field: Field) -> bool {
    matches!(
        field,
        Field::Lat
            | Field::Lon
            | Field::Population
            | Field::PopulationYear
            | Field::AreaKm2
            | Field::ElevationM
            | Field::DistanceKm
            | Field::DensityPerKm2
    )
}

fn city_grid(cities: &[City], fields: &[Field]) -> Grid {
    Grid {
        keys: fields.iter().map(|f| f.key()).collect(),
        headers: fields.iter().map(|f| f.header()).collect(),
        rows: cities
            .iter()
            .map(|c| fields.iter().map(|f| f.value(c)).collect())
            .collect(),
        numeric: fields.iter().map(|f| is_numeric(*f)).collect(),
    }
}

/// A list of cities.
pub fn cities(cities: &[City], format: Format) -> String {
    let fields = default_fields(format);
    match format {
        Format::Table => table::render(&city_grid(cities, &fields)),
        Format::Tsv => delimited::render(&city_grid(cities, &fields), b'\t'),
        Format::Csv => delimited::render(&city_grid(cities, &fields), b','),
        Format::Json => json::array(cities.iter().map(|c| json::city(c, &fields))),
        Format::Ndjson => json::lines(cities.iter().map(|c| json::city(c, &fields))),
    }
}

/// The value a record is measured by, rounded as people read it.
fn measure_value(kind: Kind, measure: Measure) -> Value {
    match measure {
        Measure::Date(d) => Value::Date(d),
        Measure::Number(x) => match kind {
            Kind::MostPopulous | Kind::LeastPopulous => Value::Integer(x as i64),
            Kind::Nearest | Kind::Farthest | Kind::Densest => Value::Number {
                value: x,
                decimals: Some(1),
            },
            _ => Value::Number {
                value: x,
                decimals: None,
            },
        },
    }
}

/// Superlatives with the cities holding them.
pub fn records(records: &[Record], format: Format) -> String {
    match format {
        Format::Json => json::array(records.iter().map(|r| json::record(r, Field::ALL))),
        Format::Ndjson => json::lines(records.iter().map(|r| json::record(r, Field::ALL))),
        Format::Table => table::render(&record_grid(records, TABLE_RECORD_FIELDS, true)),
        Format::Tsv => delimited::render(&record_grid(records, TABLE_RECORD_FIELDS, false), b'\t'),
        Format::Csv => delimited::render(
            &record_grid(records, &default_fields(Format::Csv), false),
            b',',
        ),
    }
}

/// The city fields a table of records shows.
const TABLE_RECORD_FIELDS: &[Field] = &[Field::Name, Field::Country, Field::Agreement];

/// Records as rows. For people (`for_people`) the unit goes with the value ("178 km",
/// "3 399 m") instead of in a column of its own.
fn record_grid(records: &[Record], fields: &[Field], for_people: bool) -> Grid {
    let mut keys = vec!["record", "rank", "value"];
    let mut headers = vec!["Record", "#", "Value"];
    let mut numeric = vec![false, true, true];
    if !for_people {
        keys.push("unit");
        headers.push("Unit");
        numeric.push(false);
    }
    keys.extend(fields.iter().map(|f| f.key()));
    headers.extend(fields.iter().map(|f| match f {
        Field::Name => "City",
        other => other.header(),
    }));
    numeric.extend(fields.iter().map(|f| is_numeric(*f)));
    let rows = records
        .iter()
        .map(|r| {
            let value = measure_value(r.kind, r.measure);
            let unit = r.kind.unit();
            let mut row = vec![
                Value::Text(r.kind.as_str().into()),
                Value::Integer(r.rank as i64),
            ];
            if !for_people {
                row.extend([value, Value::Text(unit.into())]);
            } else if unit == "date" {
                row.push(value);
            } else if unit == "°" {
                row.push(Value::Text(format!("{}°", value.pretty())));
            } else {
                row.push(Value::Text(format!("{} {unit}", value.pretty())));
            }
            row.extend(fields.iter().map(|f| f.value(r.city)));
            row
        })
        .collect();
    Grid {
        keys,
        headers,
        rows,
        numeric,
    }
}
