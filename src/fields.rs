//! The fields of a city, stored and computed: one list that every output format, the
//! sort order and field selection share, so a field is named the same everywhere.

use std::borrow::Cow;
use std::cmp::Ordering;

use crate::city::{City, Date, List};

/// A list's items as a [`Value::List`].
fn items<'a>(list: &'a List) -> Value<'a> {
    Value::List(list.iter().map(Cow::Borrowed).collect())
}
use crate::geo;

macro_rules! fields {
    ($($variant:ident => $key:literal, $header:literal;)+) => {
        /// A field of a city, as a column of a table or CSV file and a key of JSON.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Field { $($variant),+ }

        impl Field {
            /// Every field, in the order of the data file, the computed ones last.
            pub const ALL: &'static [Field] = &[$(Field::$variant),+];

            /// The name in JSON, CSV and TSV headers and on the command line.
            pub fn key(self) -> &'static str {
                match self { $(Field::$variant => $key),+ }
            }

            /// The column header of a table, with its unit.
            pub fn header(self) -> &'static str {
                match self { $(Field::$variant => $header),+ }
            }
        }
    };
}

fields! {
    Name => "name", "Name";
    NamePl => "name_pl", "Polish name";
    NameLocal => "name_local", "Local name";
    Aliases => "aliases", "Aliases";
    Country => "country", "Country";
    CountryCode => "country_code", "Code";
    Continent => "continent", "Continent";
    Capital => "capital", "Capital";
    Agreement => "agreement", "Agreement";
    Signed => "signed", "Signed";
    Status => "status", "Status";
    StatusSince => "status_since", "Status since";
    Lat => "lat", "Lat (°)";
    Lon => "lon", "Lon (°)";
    Population => "population", "Population";
    PopulationYear => "population_year", "Pop. year";
    AreaKm2 => "area_km2", "Area (km²)";
    ElevationM => "elevation_m", "Elevation (m)";
    Sources => "sources", "Sources";
    Notes => "notes", "Notes";
    DistanceKm => "distance_km", "Distance (km)";
    DensityPerKm2 => "density_per_km2", "Density (/km²)";
    BearingDeg => "bearing_deg", "Bearing (°)";
    Bearing => "bearing", "Direction";
}

/// The fields of a city in JSON and NDJSON lists: every column plus distance and
/// density (the bearing is for `show` and `--fields`).
pub const CITY_JSON: &[Field] = &[
    Field::Name,
    Field::NamePl,
    Field::NameLocal,
    Field::Aliases,
    Field::Country,
    Field::CountryCode,
    Field::Continent,
    Field::Capital,
    Field::Agreement,
    Field::Signed,
    Field::Status,
    Field::StatusSince,
    Field::Lat,
    Field::Lon,
    Field::Population,
    Field::PopulationYear,
    Field::AreaKm2,
    Field::ElevationM,
    Field::Sources,
    Field::Notes,
    Field::DistanceKm,
    Field::DensityPerKm2,
];

/// The fields a table of cities shows unless told otherwise: few enough to fit a
/// terminal 100 columns wide; `--fields` shows any others.
pub const TABLE: &[Field] = &[
    Field::Name,
    Field::Country,
    Field::Agreement,
    Field::Signed,
    Field::Status,
    Field::DistanceKm,
    Field::Population,
];

/// One value of one field of one city, borrowed from the city where it can be.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    /// No source gives it: empty in CSV, `null` in JSON, a dash in tables.
    Unknown,
    Text(Cow<'a, str>),
    List(Vec<Cow<'a, str>>),
    Bool(bool),
    Integer(i64),
    /// A measured number, rounded to `decimals` places where it is computed.
    Number {
        value: f64,
        decimals: Option<u8>,
    },
    Date(Date),
}

impl Field {
    /// Finds a field by its key, as typed on the command line; the measured fields
    /// answer to their names without the unit too (`distance`, `area`).
    pub fn from_key(key: &str) -> Option<Field> {
        let key = key.trim().to_ascii_lowercase().replace('-', "_");
        let short = match key.as_str() {
            "distance" => Some(Field::DistanceKm),
            "area" => Some(Field::AreaKm2),
            "elevation" => Some(Field::ElevationM),
            "density" => Some(Field::DensityPerKm2),
            _ => None,
        };
        short.or_else(|| Field::ALL.iter().copied().find(|f| f.key() == key))
    }

    /// The keys of every field, for error messages.
    pub fn keys() -> String {
        Field::ALL
            .iter()
            .map(|f| f.key())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Whether the tool computes this field rather than reading it from the data.
    pub fn is_computed(self) -> bool {
        matches!(
            self,
            Field::DistanceKm | Field::DensityPerKm2 | Field::BearingDeg | Field::Bearing
        )
    }

    /// This field's value for `city`.
    pub fn value<'c>(self, city: &'c City) -> Value<'c> {
        fn text<'c>(s: &'c Option<Cow<'_, str>>) -> Value<'c> {
            s.as_deref()
                .map_or(Value::Unknown, |t| Value::Text(t.into()))
        }
        let number = |x: Option<f64>| {
            x.map_or(Value::Unknown, |value| Value::Number {
                value,
                decimals: None,
            })
        };
        let rounded = |x: Option<f64>| {
            x.map_or(Value::Unknown, |value| Value::Number {
                value,
                decimals: Some(1),
            })
        };
        match self {
            Field::Name => Value::Text(Cow::Borrowed(&city.name)),
            Field::NamePl => text(&city.name_pl),
            Field::NameLocal => text(&city.name_local),
            Field::Aliases => items(&city.aliases),
            Field::Country => Value::Text(Cow::Borrowed(&city.country)),
            Field::CountryCode => Value::Text(Cow::Borrowed(&city.country_code)),
            Field::Continent => Value::Text(city.continent.as_str().into()),
            Field::Capital => Value::Bool(city.capital),
            Field::Agreement => Value::Text(city.agreement.as_str().into()),
            Field::Signed => city.signed.map_or(Value::Unknown, Value::Date),
            Field::Status => Value::Text(city.status.as_str().into()),
            Field::StatusSince => city.status_since.map_or(Value::Unknown, Value::Date),
            Field::Lat => number(Some(city.lat)),
            Field::Lon => number(Some(city.lon)),
            Field::Population => city
                .population
                .map_or(Value::Unknown, |p| Value::Integer(p as i64)),
            Field::PopulationYear => city
                .population_year
                .map_or(Value::Unknown, |y| Value::Integer(y.into())),
            Field::AreaKm2 => number(city.area_km2),
            Field::ElevationM => number(city.elevation_m),
            Field::Sources => items(&city.sources),
            Field::Notes => text(&city.notes),
            Field::DistanceKm => rounded(Some(geo::from_krakow_km(city.lat, city.lon))),
            Field::DensityPerKm2 => rounded(city.density_per_km2()),
            Field::BearingDeg => rounded(Some(bearing_from_krakow(city))),
            Field::Bearing => Value::Text(geo::compass(bearing_from_krakow(city)).into()),
        }
    }
}

fn bearing_from_krakow(city: &City) -> f64 {
    geo::distance_and_bearing(geo::KRAKOW, (city.lat, city.lon)).1
}

/// Texts as a [`Value::List`].
pub fn list<S: AsRef<str>>(texts: &[S]) -> Value<'_> {
    Value::List(texts.iter().map(|t| Cow::Borrowed(t.as_ref())).collect())
}

impl Value<'_> {
    /// Plain text for CSV and TSV: unknowns empty, lists `;`-separated, numbers in
    /// full unless computed.
    pub fn plain(&self) -> String {
        let mut text = String::new();
        self.plain_into(&mut text);
        text
    }

    /// [`Value::plain`], added to `text`.
    pub fn plain_into(&self, text: &mut String) {
        use std::fmt::Write;
        // Writing to a String cannot fail.
        let _ = match self {
            Value::Unknown => Ok(()),
            Value::Text(s) => text.write_str(s),
            Value::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        text.push(';');
                    }
                    text.push_str(item);
                }
                Ok(())
            }
            Value::Bool(b) => write!(text, "{b}"),
            Value::Integer(n) => write!(text, "{n}"),
            Value::Number { value, decimals } => match decimals {
                // Round once, the same way as JSON, so 177.25 is 177.3 in every format.
                Some(d) => write!(text, "{:.*}", usize::from(*d), round(*value, *d)),
                None => write!(text, "{value}"),
            },
            Value::Date(d) => write!(text, "{d}"),
        };
    }

    /// Text for people: unknowns as a dash, large numbers grouped by thousands.
    pub fn pretty(&self) -> String {
        match self {
            Value::Unknown => "-".into(),
            Value::List(items) if items.is_empty() => "-".into(),
            Value::List(items) => items.join("; "),
            Value::Bool(true) => "yes".into(),
            Value::Bool(false) => "no".into(),
            Value::Integer(n) if n.abs() >= 10_000 => group_thousands(&n.to_string()),
            Value::Number {
                value,
                decimals: Some(_),
            } if value.abs() >= 10_000.0 => group_thousands(&format!("{value:.0}")),
            Value::Number {
                value,
                decimals: Some(d),
            } if *d > 0 && value.abs() >= 100.0 => format!("{:.0}", value.round()),
            other => other.plain(),
        }
    }

    /// The value in JSON: unknowns `null`, lists arrays, numbers numbers.
    pub fn json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            Value::Unknown => J::Null,
            Value::Text(s) => J::String(s.to_string()),
            Value::List(items) => J::Array(items.iter().map(|i| J::from(&**i)).collect()),
            Value::Bool(b) => J::Bool(*b),
            Value::Integer(n) => J::from(*n),
            Value::Number { value, decimals } => {
                let value = match decimals {
                    Some(d) => round(*value, *d),
                    None => *value,
                };
                json_number(value)
            }
            Value::Date(d) => J::String(d.to_string()),
        }
    }

    /// The value with nothing borrowed.
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Unknown => Value::Unknown,
            Value::Text(t) => Value::Text(Cow::Owned(t.into_owned())),
            Value::List(l) => {
                Value::List(l.into_iter().map(|i| Cow::Owned(i.into_owned())).collect())
            }
            Value::Bool(b) => Value::Bool(b),
            Value::Integer(n) => Value::Integer(n),
            Value::Number { value, decimals } => Value::Number { value, decimals },
            Value::Date(d) => Value::Date(d),
        }
    }

    /// Orders values of one field for sorting (texts as they are: fold them first to
    /// ignore case and diacritics); unknowns are not ordered here.
    pub fn compare(&self, other: &Value<'_>) -> Ordering {
        match (self, other) {
            (Value::Text(a), Value::Text(b)) => a.cmp(b),
            (Value::Integer(a), Value::Integer(b)) => a.cmp(b),
            (Value::Number { value: a, .. }, Value::Number { value: b, .. }) => a.total_cmp(b),
            (Value::Date(a), Value::Date(b)) => a.cmp(b),
            (Value::Bool(a), Value::Bool(b)) => a.cmp(b),
            (Value::List(a), Value::List(b)) => a.cmp(b),
            _ => Ordering::Equal,
        }
    }
}

/// Values write themselves as JSON without an intermediate tree: the fast path for
/// large answers. The same rules as [`Value::json`].
impl serde::Serialize for Value<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Unknown => s.serialize_none(),
            Value::Text(t) => s.serialize_str(t),
            Value::List(items) => s.collect_seq(items.iter()),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Integer(n) => s.serialize_i64(*n),
            Value::Number { value, decimals } => {
                let value = decimals.map_or(*value, |d| round(*value, d));
                if value.fract() == 0.0 && value.abs() < 1e15 {
                    s.serialize_i64(value as i64)
                } else {
                    s.serialize_f64(value)
                }
            }
            Value::Date(d) => s.collect_str(d),
        }
    }
}

/// A number for JSON: whole numbers without a fraction (3399, not 3399.0).
pub fn json_number(value: f64) -> serde_json::Value {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        serde_json::Value::from(value as i64)
    } else {
        serde_json::Value::from(value)
    }
}

/// Rounds to `decimals` places.
pub fn round(value: f64, decimals: u8) -> f64 {
    let scale = 10f64.powi(decimals.into());
    (value * scale).round() / scale
}

/// `12605` → `12 605`: the grouping the City of Kraków's own pages use.
pub fn group_thousands(digits: &str) -> String {
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", digits),
    };
    let mut out = String::from(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_in_any_case() {
        assert_eq!(Field::from_key("Distance-KM"), Some(Field::DistanceKm));
        assert_eq!(Field::from_key("elevation"), Some(Field::ElevationM));
        assert_eq!(Field::from_key("height"), None);
    }

    #[test]
    fn numbers_print_for_people_and_for_programs() {
        assert_eq!(group_thousands("12605"), "12 605");
        assert_eq!(group_thousands("9314685"), "9 314 685");
        assert_eq!(group_thousands("-1000"), "-1 000");
        let distance = Value::Number {
            value: 177.84,
            decimals: Some(1),
        };
        assert_eq!(distance.plain(), "177.8");
        assert_eq!(distance.pretty(), "178");
        assert_eq!(distance.json(), serde_json::json!(177.8));
        assert_eq!(json_number(3399.0).to_string(), "3399");
        assert_eq!(Value::Unknown.pretty(), "-");
        assert_eq!(Value::Unknown.json(), serde_json::Value::Null);
    }
}
