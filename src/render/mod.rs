//! Turning an answer into text: a table for people, TSV, CSV, JSON or NDJSON for
//! programs. Everything is rendered to a string first, so nothing is written until the
//! whole answer is known to be good.

mod delimited;
mod json;
mod table;

use std::borrow::Cow;

use clap::ValueEnum;

use crate::city::{City, Date};
use crate::dataset::COLUMNS;
use crate::error::UsageError;
use crate::fields::{self, Field, Value};
use crate::geo;
use crate::records::{Kind, Measure, Record};
use crate::stats::{Group, Leg, Period};

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
    /// A GeoJSON FeatureCollection of points (RFC 7946), for maps and GIS tools.
    Geojson,
}

/// A rectangle of values with a machine key and a human header per column.
pub struct Grid<'a> {
    pub keys: Vec<&'static str>,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<Value<'a>>>,
    /// Columns of numbers, aligned right in tables.
    pub numeric: Vec<bool>,
}

/// Which of a city's names tables and TSV show in the name column.
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

/// How to print an answer: the format, the fields the user chose, the names shown.
#[derive(Clone, Debug)]
pub struct View {
    pub format: Format,
    /// The fields to show, in order; `None` for the format's own choice.
    pub fields: Option<Vec<Field>>,
    pub names: Names,
    /// Whether tables use colour.
    pub colour: bool,
    /// Whether the answer goes to a terminal (plain text is then escaped).
    pub terminal: bool,
    /// Whether CSV and TSV guard cells a spreadsheet would run as formulas.
    pub guard_formulas: bool,
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
        }
    }

    /// The fields to show: the user's choice, else the format's own.
    fn fields(&self) -> Vec<Field> {
        if let Some(fields) = &self.fields {
            return fields.clone();
        }
        match self.format {
            Format::Table | Format::Tsv => fields::TABLE.to_vec(),
            // The data file's columns plus the distance: loads back as a dataset.
            Format::Csv => COLUMNS
                .iter()
                .filter_map(|c| Field::from_key(c))
                .chain([Field::DistanceKm])
                .collect(),
            Format::Json | Format::Ndjson | Format::Geojson => fields::CITY_JSON.to_vec(),
        }
    }

    fn care(&self) -> delimited::Care {
        delimited::Care {
            // CSV keeps the exact text even on a terminal; TSV there is text for people.
            escape: self.terminal && self.format == Format::Tsv,
            guard_formulas: self.guard_formulas,
        }
    }

    /// Refuses GeoJSON for answers that are not places (counts, a distance).
    pub fn not_geojson(&self, answer: &str) -> Result<(), UsageError> {
        if self.format == Format::Geojson {
            return Err(UsageError(format!(
                "{answer} has no place to put on a map: --format geojson is for list, show \
                 and records (valid here: table, tsv, json, ndjson, csv)"
            )));
        }
        Ok(())
    }

    /// A field's value as this view shows it: tables and TSV may show the Polish or
    /// local name in the name column; programs always get the data's own values.
    fn value<'c>(&self, field: Field, city: &'c City) -> Value<'c> {
        let people = matches!(self.format, Format::Table | Format::Tsv);
        let name = match self.names {
            Names::En => None,
            Names::Pl => city.name_pl.as_ref(),
            Names::Local => city.name_local.as_ref(),
        };
        match (field, people, name) {
            (Field::Name, true, Some(name)) => Value::Text(Cow::Borrowed(name)),
            _ => field.value(city),
        }
    }

    fn city_grid<'c>(&self, cities: &'c [City], fields: &[Field]) -> Grid<'c> {
        Grid {
            keys: fields.iter().map(|f| f.key()).collect(),
            headers: fields.iter().map(|f| f.header()).collect(),
            rows: cities
                .iter()
                .map(|c| fields.iter().map(|f| self.value(*f, c)).collect())
                .collect(),
            numeric: fields.iter().map(|f| is_numeric(*f)).collect(),
        }
    }

    /// Any grid, in any format: JSON objects have the grid's keys.
    fn grid(&self, grid: &Grid) -> String {
        match self.format {
            Format::Table => table::render(grid, self.colour),
            Format::Tsv => delimited::render(grid, b'\t', self.care()),
            Format::Csv => delimited::render(grid, b',', self.care()),
            Format::Json => json::grid_array(grid),
            Format::Ndjson => json::grid_lines(grid),
            // Refused before rendering (see `not_geojson`); an array is the safe answer.
            Format::Geojson => json::grid_array(grid),
        }
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
            | Field::BearingDeg
    )
}

/// A list of cities.
pub fn cities(cities: &[City], view: &View) -> String {
    let fields = view.fields();
    match view.format {
        Format::Geojson => json::features(cities.iter().map(|c| (c, json::city(c, &fields)))),
        // Large answers: written straight from the cities, without a tree in between.
        Format::Json => json::city_array(cities, &fields),
        Format::Ndjson => json::city_lines(cities, &fields),
        Format::Csv | Format::Tsv => {
            let delimiter = if view.format == Format::Csv {
                b','
            } else {
                b'\t'
            };
            let keys: Vec<&str> = fields.iter().map(|f| f.key()).collect();
            let fields = &fields;
            let header = delimited::header(&keys, delimiter);
            // Rows written on every core, each its share of the cities.
            let mut shares = crate::parallel::map_slices(cities, |share| {
                let rows = share
                    .iter()
                    .map(|c| fields.iter().map(move |f| view.value(*f, c)));
                delimited::rows(rows, delimiter, view.care())
            });
            shares.insert(0, header);
            crate::parallel::concat(shares)
        }
        Format::Table => view.grid(&view.city_grid(cities, &fields)),
    }
}

/// The value a record is measured by, rounded as people read it.
fn measure_value(kind: Kind, measure: Measure) -> Value<'static> {
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
pub fn records(records: &[Record], view: &View) -> String {
    let fields = match (&view.fields, view.format) {
        (Some(fields), _) => fields.clone(),
        (None, Format::Table | Format::Tsv) => TABLE_RECORD_FIELDS.to_vec(),
        (None, _) => view.fields(),
    };
    match view.format {
        Format::Json => json::record_array(records, &fields),
        Format::Ndjson => json::record_lines(records, &fields),
        Format::Geojson => json::features(
            records
                .iter()
                .map(|r| (&r.city, json::flat_record(r, &fields))),
        ),
        Format::Table => view.grid(&record_grid(records, &fields, view, true)),
        _ => view.grid(&record_grid(records, &fields, view, false)),
    }
}

/// The city fields a table of records shows.
const TABLE_RECORD_FIELDS: &[Field] = &[Field::Name, Field::Country, Field::Agreement];

/// Records as rows. For people (`for_people`) the unit goes with the value ("178 km",
/// "3 399 m") instead of in a column of its own.
fn record_grid<'c>(
    records: &'c [Record<'c>],
    fields: &[Field],
    view: &View,
    for_people: bool,
) -> Grid<'c> {
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
            } else {
                row.push(Value::Text(with_unit(&value, unit).into()));
            }
            row.extend(fields.iter().map(|f| view.value(*f, &r.city)));
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

/// "178 km", "3 399 m", "63.43°", a date as it is.
fn with_unit(value: &Value<'_>, unit: &str) -> String {
    match unit {
        "date" => value.pretty(),
        "°" => format!("{}°", value.pretty()),
        _ => format!("{} {unit}", value.pretty()),
    }
}

/// One city in full: for people a two-column table of every detail; for programs the
/// city with every field, bearing included.
pub fn detail(city: &City, today: Date, view: &View) -> String {
    let fields = view.fields.clone().unwrap_or_else(|| {
        let mut all = fields::CITY_JSON.to_vec();
        all.extend([Field::BearingDeg, Field::Bearing]);
        all
    });
    match view.format {
        Format::Table if view.fields.is_none() => {
            table::pairs(&detail_lines(city, today), view.colour)
        }
        Format::Table | Format::Tsv => {
            let pairs: Vec<(String, String)> = fields
                .iter()
                .map(|f| {
                    let value = view.value(*f, city);
                    match view.format {
                        Format::Table => (f.header().to_string(), value.pretty()),
                        _ => (f.key().to_string(), value.plain()),
                    }
                })
                .collect();
            if view.format == Format::Table {
                table::pairs(&pairs, view.colour)
            } else {
                delimited::pairs(&pairs, view.care())
            }
        }
        Format::Csv => view.grid(&view.city_grid(std::slice::from_ref(city), &fields)),
        Format::Json => {
            let mut text =
                serde_json::to_string_pretty(&json::city(city, &fields)).unwrap_or_default();
            text.push('\n');
            text
        }
        Format::Ndjson => json::lines(std::iter::once(json::city(city, &fields)), 0),
        Format::Geojson => json::features(std::iter::once((city, json::city(city, &fields)))),
    }
}

/// The lines people read about one city, each a label and its text.
fn detail_lines(city: &City, today: Date) -> Vec<(String, String)> {
    let value = |f: Field| f.value(city).pretty();
    let km = geo::from_krakow_km(city.lat, city.lon);
    let (_, bearing) = geo::distance_and_bearing(geo::KRAKOW, (city.lat, city.lon));
    let mut lines = vec![
        ("Name".to_string(), city.name.to_string()),
        ("Polish name".into(), value(Field::NamePl)),
        ("Local name".into(), value(Field::NameLocal)),
        ("Also called".into(), value(Field::Aliases)),
        (
            "Country".into(),
            format!("{} ({})", city.country, city.country_code),
        ),
        ("Continent".into(), value(Field::Continent)),
        ("Capital".into(), value(Field::Capital)),
        ("Agreement".into(), value(Field::Agreement)),
    ];
    let signed = match city.signed {
        Some(date) => match date.years_until(today) {
            years if years >= 0 => format!("{date} ({years} years ago)"),
            _ => date.to_string(),
        },
        None => "-".into(),
    };
    lines.push(("Signed".into(), signed));
    let status = match city.status_since {
        Some(since) => format!("{} since {since}", city.status),
        None => city.status.to_string(),
    };
    lines.push(("Status".into(), status));
    lines.push((
        "Coordinates".into(),
        format!(
            "{:.4}° {}, {:.4}° {}",
            city.lat.abs(),
            if city.lat < 0.0 { "S" } else { "N" },
            city.lon.abs(),
            if city.lon < 0.0 { "W" } else { "E" }
        ),
    ));
    lines.push((
        "From Kraków".into(),
        format!(
            "{} km, {} ({bearing:.0}°)",
            fields::group_thousands(&format!("{km:.0}")),
            geo::compass(bearing)
        ),
    ));
    let population = match (city.population, city.population_year) {
        (Some(_), Some(year)) => format!("{} ({year})", value(Field::Population)),
        _ => value(Field::Population),
    };
    lines.push(("Population".into(), population));
    lines.push(("Area (km²)".into(), value(Field::AreaKm2)));
    lines.push(("Density (/km²)".into(), value(Field::DensityPerKm2)));
    lines.push(("Elevation (m)".into(), value(Field::ElevationM)));
    lines.push(("Notes".into(), value(Field::Notes)));
    lines.push((
        "Sources".into(),
        city.sources.iter().collect::<Vec<_>>().join("\n"),
    ));
    lines
}

/// Counts per group with the cities in each.
pub fn groups(groups: &[Group], view: &View) -> String {
    let grid = Grid {
        keys: vec!["group", "count", "cities"],
        headers: vec!["Group", "Count", "Cities"],
        numeric: vec![false, true, false],
        rows: groups
            .iter()
            .map(|g| {
                vec![
                    Value::Text(Cow::Borrowed(&g.group)),
                    Value::Integer(g.cities.len() as i64),
                    fields::list(&g.cities),
                ]
            })
            .collect(),
    };
    view.grid(&grid)
}

/// Agreements signed per period, with the partnerships that ended or were suspended
/// then; tables draw a bar per period.
pub fn timeline(periods: &[Period], view: &View) -> String {
    let mut grid = Grid {
        keys: vec!["period", "count", "cities", "ended"],
        headers: vec!["Period", "Signed", "Cities", "Ended or suspended"],
        numeric: vec![false, true, false, false],
        rows: periods
            .iter()
            .map(|p| {
                vec![
                    Value::Text(p.period.as_str().into()),
                    Value::Integer(p.signed.len() as i64),
                    fields::list(&p.signed),
                    fields::list(&p.ended),
                ]
            })
            .collect(),
    };
    if view.format == Format::Table {
        grid.headers.insert(2, "");
        grid.keys.insert(2, "bar");
        grid.numeric.insert(2, false);
        for (row, period) in grid.rows.iter_mut().zip(periods) {
            row.insert(2, Value::Text("█".repeat(period.signed.len()).into()));
        }
    }
    view.grid(&grid)
}

/// The distance and bearing from one place to another.
pub fn distance(leg: &Leg, view: &View) -> String {
    let grid = Grid {
        keys: vec!["from", "to", "distance_km", "bearing_deg", "bearing"],
        headers: vec!["From", "To", "Distance (km)", "Bearing (°)", "Direction"],
        numeric: vec![false, false, true, true, false],
        rows: vec![vec![
            Value::Text(leg.from.as_str().into()),
            Value::Text(leg.to.as_str().into()),
            Value::Number {
                value: leg.km,
                decimals: Some(1),
            },
            Value::Number {
                value: leg.bearing,
                decimals: Some(1),
            },
            Value::Text(geo::compass(leg.bearing).into()),
        ]],
    };
    match view.format {
        Format::Json => {
            let mut text = serde_json::to_string_pretty(&json::object(&grid.keys, &grid.rows[0]))
                .unwrap_or_default();
            text.push('\n');
            text
        }
        _ => view.grid(&grid),
    }
}
