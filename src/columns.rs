//! The columns of a city, stored and computed: the one table every other part of the
//! tool derives from (the data file's header, the loader's checks, JSON typing, table
//! headers, `show`'s labels, alignment, the default field sets, `--help`).
//!
//! Adding a column: the data, the field in [`City`], and one row below.

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::city::{Agreement, City, Continent, List, Status};
use crate::geo::{self, Centre};
use crate::provenance;
use crate::rules;
use crate::value::Value;

/// What kind of value a column holds: how JSON writes it, how a table aligns it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    Text,
    /// `;`-separated in CSV, an array of texts in JSON.
    List,
    Bool,
    /// A whole number.
    Integer,
    /// A measured number.
    Number,
    /// Sentences, which a table may wrap between words.
    Prose,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: a text in JSON.
    Date,
    /// One of a closed set of names (these): a text in JSON.
    Choice(&'static [&'static str]),
    /// Each field's sources: an object of arrays of URLs in JSON, its compact text in
    /// CSV and TSV.
    Provenance,
}

/// Reads a column's non-empty text into a city, or says what is wrong with it.
pub type Read = for<'a> fn(&mut City<'a>, Cow<'a, str>) -> Result<(), String>;

/// Where a column's values come from, and whether a data file must have them. A file
/// made by hand needs only what places a city (its name, its country, its
/// coordinates); any other column may be left out, unknown for every row.
#[derive(Clone, Copy)]
pub enum Origin {
    /// In the data file, and needed in every row: its rule is read even on an empty
    /// cell, to say what it should have held.
    Required(Read),
    /// In the data file, and needed in every row where the other column is empty: one
    /// of the two is enough (a country by name or by code; the loader fills in the
    /// other from the ISO table).
    Either(Field, Read),
    /// In the data file, and empty where no source gives it.
    Optional(Read),
    /// Not a column of the data file's header: the tool writes it with a city in JSON
    /// (and wherever it is asked for), and reads it back where a file has it.
    Attached(Read),
    /// Worked out by the tool, written but never read back.
    Computed,
    /// Worked out by the tool from the place distances are measured from (Kraków, or
    /// `--from`'s city), which tables then name; written but never read back.
    Measured,
}

/// How much a column of a table matters when a narrow terminal cannot show them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Keep {
    /// Left out before those of a higher rank.
    Rank(u8),
    /// Never left out.
    Always,
}

/// The default field sets a column belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Set {
    /// `list` as a table or TSV, at this place (from 1): the fields people scan first;
    /// on a narrow terminal the least important are left out first.
    Table(u8, Keep),
    /// `--format csv`: the data file's columns plus the distance.
    Csv,
    /// JSON, NDJSON and GeoJSON.
    Json,
    /// `show`: one city in full.
    Show,
}

/// One column: everything the tool knows about it.
pub struct Column {
    pub field: Field,
    /// The name in JSON, CSV and TSV headers and on the command line.
    pub key: &'static str,
    /// Other names `--fields` and `--sort` take (`distance` for `distance_km`).
    pub short: Option<&'static str>,
    /// A table's column header, with its unit.
    pub header: &'static str,
    /// The label `show` gives it.
    pub label: &'static str,
    pub ty: Type,
    pub origin: Origin,
    pub sets: &'static [Set],
    /// The city's value, distances and bearings measured from the centre.
    pub value: for<'c, 'a> fn(&'c City<'a>, &Centre) -> Value<'c>,
}

impl Column {
    /// Numbers align right in tables.
    pub fn is_numeric(&self) -> bool {
        matches!(self.ty, Type::Integer | Type::Number)
    }

    /// Whether a table may wrap its values between words.
    pub fn wraps(&self) -> bool {
        matches!(self.ty, Type::List | Type::Prose | Type::Provenance)
    }

    /// How much the column matters in a table of cities.
    pub fn keep(&self) -> Keep {
        self.sets
            .iter()
            .find_map(|s| match s {
                Set::Table(_, keep) => Some(*keep),
                _ => None,
            })
            .unwrap_or(Keep::Rank(0))
    }

    /// Whether the column is one of the data file's header.
    pub fn is_stored(&self) -> bool {
        !matches!(
            self.origin,
            Origin::Computed | Origin::Measured | Origin::Attached(_)
        )
    }

    /// Whether the column is read where a file has it: stored, or attached.
    pub fn is_read(&self) -> bool {
        !matches!(self.origin, Origin::Computed | Origin::Measured)
    }

    /// The column that may stand in for this one (`country_code` for `country`).
    pub fn partner(&self) -> Option<Field> {
        match self.origin {
            Origin::Either(other, _) => Some(other),
            Origin::Required(_)
            | Origin::Optional(_)
            | Origin::Attached(_)
            | Origin::Computed
            | Origin::Measured => None,
        }
    }

    /// A table's header, saying where a distance or bearing is measured from when that
    /// is not Kraków ("Distance from Vienna (km)").
    pub fn header_from(&self, centre: &Centre) -> Cow<'static, str> {
        match (self.origin, centre.city()) {
            (Origin::Measured, Some(city)) => {
                let (words, unit) = match self.header.split_once(" (") {
                    Some((words, unit)) => (words, format!(" ({unit}")),
                    None => (self.header, String::new()),
                };
                format!("{words} from {}{unit}", city.name).into()
            }
            _ => self.header.into(),
        }
    }

    /// The label `show` gives it, measured from the centre.
    pub fn label_from(&self, centre: &Centre) -> Cow<'static, str> {
        match (self.origin, centre.city()) {
            (Origin::Measured, Some(_)) => self.header_from(centre),
            _ => self.label.into(),
        }
    }

    /// The unit in its header ("km" of "Distance (km)", "/km²" of "Density (/km²)");
    /// none for a count.
    pub fn unit(&self) -> Option<&'static str> {
        let (_, unit) = self.header.rsplit_once(" (")?;
        unit.strip_suffix(')')
    }
}

/// Defines [`Field`] and [`COLUMNS`] from one list, so the two cannot disagree.
macro_rules! columns {
    ($($variant:ident { $($body:tt)* })+) => {
        /// A column of a city, by name in the code; its facts are in [`COLUMNS`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Field { $($variant),+ }

        /// Every column, in the order of the data file, the computed ones last.
        pub const COLUMNS: &[Column] = &[$(Column { field: Field::$variant, $($body)* }),+];
    };
}

use Origin::{Attached, Computed, Either, Measured, Optional, Required};
use Set::{Csv, Json, Show, Table};

const STORED: &[Set] = &[Csv, Json, Show];

columns! {
    Name {
        key: "name", short: None, header: "Name", label: "Name", ty: Type::Text,
        origin: Required(|c, t| { c.name = rules::name(rules::required(t)?)?; Ok(()) }),
        sets: &[Table(1, Keep::Always), Csv, Json, Show],
        value: |c, _| Value::Text(Cow::Borrowed(&c.name)),
    }
    NamePl {
        key: "name_pl", short: None, header: "Polish name", label: "Polish name",
        ty: Type::Text, origin: Optional(|c, t| { c.name_pl = Some(rules::name(t)?); Ok(()) }),
        sets: STORED, value: |c, _| text(&c.name_pl),
    }
    NameLocal {
        key: "name_local", short: None, header: "Local name", label: "Local name",
        ty: Type::Text, origin: Optional(|c, t| { c.name_local = Some(rules::name(t)?); Ok(()) }),
        sets: STORED, value: |c, _| text(&c.name_local),
    }
    Aliases {
        key: "aliases", short: None, header: "Aliases", label: "Also called",
        ty: Type::List, origin: Optional(|c, t| { c.aliases = rules::names(t)?; Ok(()) }),
        sets: STORED, value: |c, _| items(&c.aliases),
    }
    Country {
        key: "country", short: None, header: "Country", label: "Country", ty: Type::Text,
        origin: Either(Field::CountryCode, |c, t| { c.country = Some(t); Ok(()) }),
        sets: &[Table(2, Keep::Rank(6)), Csv, Json, Show],
        value: |c, _| text(&c.country),
    }
    CountryCode {
        key: "country_code", short: None, header: "Code", label: "Country code",
        ty: Type::Text,
        origin: Either(Field::Country, |c, t| {
            c.country_code = Some(rules::country_code(t)?);
            Ok(())
        }),
        sets: STORED, value: |c, _| text(&c.country_code),
    }
    Continent {
        key: "continent", short: None, header: "Continent", label: "Continent",
        ty: Type::Choice(Continent::NAMES),
        origin: Optional(|c, t| { c.continent = Some(t.parse()?); Ok(()) }),
        sets: STORED, value: |c, _| choice(c.continent.map(Continent::as_str)),
    }
    Capital {
        key: "capital", short: None, header: "Capital", label: "Capital", ty: Type::Bool,
        origin: Optional(|c, t| { c.capital = Some(rules::boolean(&t)?); Ok(()) }),
        sets: STORED, value: |c, _| c.capital.map_or(Value::Unknown, Value::Bool),
    }
    Agreement {
        key: "agreement", short: None, header: "Agreement", label: "Agreement",
        ty: Type::Choice(Agreement::NAMES),
        origin: Optional(|c, t| { c.agreement = Some(t.parse()?); Ok(()) }),
        sets: &[Table(3, Keep::Rank(3)), Csv, Json, Show],
        value: |c, _| choice(c.agreement.map(Agreement::as_str)),
    }
    Signed {
        key: "signed", short: None, header: "Signed", label: "Signed", ty: Type::Date,
        origin: Optional(|c, t| { c.signed = Some(t.parse()?); Ok(()) }),
        sets: &[Table(4, Keep::Rank(4)), Csv, Json, Show],
        value: |c, _| c.signed.map_or(Value::Unknown, Value::Date),
    }
    Status {
        key: "status", short: None, header: "Status", label: "Status",
        ty: Type::Choice(Status::NAMES),
        origin: Optional(|c, t| { c.status = Some(t.parse()?); Ok(()) }),
        sets: &[Table(5, Keep::Rank(1)), Csv, Json, Show],
        value: |c, _| choice(c.status.map(Status::as_str)),
    }
    StatusSince {
        key: "status_since", short: None, header: "Status since", label: "Status since",
        ty: Type::Date, origin: Optional(|c, t| { c.status_since = Some(t.parse()?); Ok(()) }),
        sets: STORED, value: |c, _| c.status_since.map_or(Value::Unknown, Value::Date),
    }
    FirstAttested {
        key: "first_attested", short: None, header: "First attested",
        label: "First attested", ty: Type::Date,
        origin: Optional(|c, t| { c.first_attested = Some(t.parse()?); Ok(()) }),
        sets: STORED, value: |c, _| c.first_attested.map_or(Value::Unknown, Value::Date),
    }
    LastAttested {
        key: "last_attested", short: None, header: "Last attested",
        label: "Last attested", ty: Type::Date,
        origin: Optional(|c, t| { c.last_attested = Some(t.parse()?); Ok(()) }),
        sets: STORED, value: |c, _| c.last_attested.map_or(Value::Unknown, Value::Date),
    }
    Lat {
        key: "lat", short: None, header: "Lat (°)", label: "Latitude (°)", ty: Type::Number,
        origin: Required(|c, t| { c.lat = rules::degrees(&t, 90.0)?; Ok(()) }),
        sets: STORED, value: |c, _| Value::number(c.lat),
    }
    Lon {
        key: "lon", short: None, header: "Lon (°)", label: "Longitude (°)", ty: Type::Number,
        origin: Required(|c, t| { c.lon = rules::degrees(&t, 180.0)?; Ok(()) }),
        sets: STORED, value: |c, _| Value::number(c.lon),
    }
    Population {
        key: "population", short: None, header: "Population", label: "Population",
        ty: Type::Integer,
        origin: Optional(|c, t| { c.population = Some(rules::population(&t)?); Ok(()) }),
        sets: &[Table(7, Keep::Rank(2)), Csv, Json, Show],
        value: |c, _| c.population.map_or(Value::Unknown, Value::count),
    }
    PopulationYear {
        key: "population_year", short: None, header: "Pop. year", label: "Population year",
        ty: Type::Integer,
        origin: Optional(|c, t| { c.population_year = Some(rules::year(&t)?); Ok(()) }),
        sets: STORED,
        value: |c, _| c.population_year.map_or(Value::Unknown, |y| Value::Integer(y.into())),
    }
    AreaKm2 {
        key: "area_km2", short: Some("area"), header: "Area (km²)", label: "Area (km²)",
        ty: Type::Number,
        origin: Optional(|c, t| { c.area_km2 = Some(rules::area(&t)?); Ok(()) }),
        sets: STORED, value: |c, _| c.area_km2.map_or(Value::Unknown, Value::number),
    }
    ElevationM {
        key: "elevation_m", short: Some("elevation"), header: "Elevation (m)",
        label: "Elevation (m)", ty: Type::Number,
        origin: Optional(|c, t| { c.elevation_m = Some(rules::elevation(&t)?); Ok(()) }),
        sets: STORED, value: |c, _| c.elevation_m.map_or(Value::Unknown, Value::number),
    }
    Sources {
        key: "sources", short: None, header: "Sources", label: "Sources", ty: Type::List,
        // Every row of the bundled data has a source (its tests say so); a file made
        // by hand may leave them out.
        origin: Optional(|c, t| { c.sources = rules::sources(t)?; Ok(()) }),
        sets: STORED,
        value: |c, _| if c.sources.is_empty() { Value::Unknown } else { items(&c.sources) },
    }
    Notes {
        key: "notes", short: None, header: "Notes", label: "Notes", ty: Type::Prose,
        origin: Optional(|c, t| { c.notes = Some(t); Ok(()) }),
        sets: STORED, value: |c, _| text(&c.notes),
    }
    DistanceKm {
        key: "distance_km", short: Some("distance"), header: "Distance (km)",
        label: "From Kraków", ty: Type::Number, origin: Measured,
        sets: &[Table(6, Keep::Rank(5)), Csv, Json, Show],
        value: |c, from| Value::rounded(from.km(c.lat, c.lon)),
    }
    DensityPerKm2 {
        key: "density_per_km2", short: Some("density"), header: "Density (/km²)",
        label: "Density (residents/km²)", ty: Type::Number, origin: Computed,
        sets: &[Json, Show],
        value: |c, _| c.density_per_km2().map_or(Value::Unknown, Value::rounded),
    }
    BearingDeg {
        key: "bearing_deg", short: None, header: "Bearing (°)",
        label: "Bearing from Kraków (°)", ty: Type::Number, origin: Measured,
        sets: &[Show],
        value: |c, from| from.bearing(c.lat, c.lon).map_or(Value::Unknown, Value::rounded),
    }
    Bearing {
        key: "bearing", short: None, header: "Direction", label: "Direction from Kraków",
        ty: Type::Choice(geo::COMPASS), origin: Measured, sets: &[Show],
        value: |c, from| {
            from.bearing(c.lat, c.lon)
                .map_or(Value::Unknown, |b| Value::Text(geo::compass(b).into()))
        },
    }
    Provenance {
        key: "provenance", short: None, header: "Sources of values", label: "Sources of values",
        ty: Type::Provenance,
        origin: Attached(|c, t| { c.provenance = provenance::read(t)?; Ok(()) }),
        sets: &[Json, Show], value: |c, _| c.provenance.value(),
    }
}

// The table is indexed by the field: each row must sit at its variant's place.
const _: () = {
    let mut i = 0;
    while i < COLUMNS.len() {
        assert!(COLUMNS[i].field as usize == i);
        i += 1;
    }
};

/// The data file's header: the stored columns' keys, comma-separated. Tests, benches
/// and fuzz targets use this one too.
pub static HEADER: Header = Header(LazyLock::new(|| {
    let keys: Vec<&str> = stored().map(|c| c.key).collect();
    keys.join(",")
}));

/// The header, made from the table when first used; reads as a `str`.
pub struct Header(LazyLock<String>);

impl std::ops::Deref for Header {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Header {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

/// The columns a data file holds, in order.
pub fn stored() -> impl Iterator<Item = &'static Column> {
    COLUMNS.iter().filter(|c| c.is_stored())
}

/// The fields of a default set, in table order (a table's in its own order).
pub fn set(set: Set) -> Vec<Field> {
    let mut fields: Vec<(u8, Field)> = COLUMNS
        .iter()
        .filter_map(|c| {
            c.sets.iter().find_map(|s| match (s, set) {
                (Set::Table(place, _), Set::Table(..)) => Some((*place, c.field)),
                _ if *s == set => Some((0, c.field)),
                _ => None,
            })
        })
        .collect();
    fields.sort_by_key(|(place, _)| *place);
    fields.into_iter().map(|(_, f)| f).collect()
}

impl Field {
    /// Everything about this field.
    pub fn column(self) -> &'static Column {
        &COLUMNS[self as usize]
    }

    pub fn key(self) -> &'static str {
        self.column().key
    }

    pub fn header(self) -> &'static str {
        self.column().header
    }

    /// This field's value for `city`, distances and bearings measured from `centre`.
    pub fn value<'c>(self, city: &'c City<'_>, centre: &Centre) -> Value<'c> {
        (self.column().value)(city, centre)
    }

    /// Finds a field by its key or short name, as typed on the command line.
    pub fn from_key(key: &str) -> Option<Field> {
        let key = key.trim().to_ascii_lowercase().replace('-', "_");
        COLUMNS
            .iter()
            .find(|c| c.key == key || c.short == Some(key.as_str()))
            .map(|c| c.field)
    }

    /// The keys of every field, for messages and `--help`.
    pub fn keys() -> String {
        let keys: Vec<&str> = COLUMNS.iter().map(|c| c.key).collect();
        keys.join(", ")
    }
}

fn text<'c>(s: &'c Option<Cow<'_, str>>) -> Value<'c> {
    s.as_deref()
        .map_or(Value::Unknown, |t| Value::Text(Cow::Borrowed(t)))
}

fn choice(name: Option<&'static str>) -> Value<'static> {
    name.map_or(Value::Unknown, |n| Value::Text(Cow::Borrowed(n)))
}

fn items<'c>(list: &'c List<'_>) -> Value<'c> {
    Value::List(list.iter().map(Cow::Borrowed).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_found_in_any_case_and_by_their_short_names() {
        assert_eq!(Field::from_key("Distance-KM"), Some(Field::DistanceKm));
        assert_eq!(Field::from_key("elevation"), Some(Field::ElevationM));
        assert_eq!(Field::from_key("height"), None);
    }

    #[test]
    fn the_header_is_the_stored_columns() {
        assert!(HEADER.starts_with("name,name_pl,name_local,aliases,country,"));
        assert!(HEADER.ends_with(",sources,notes"));
        assert!(!HEADER.contains("distance_km"));
    }

    #[test]
    fn measured_columns_say_where_from() {
        let vienna = City {
            name: "Vienna".into(),
            ..City::blank()
        };
        let from = Centre::of(&vienna);
        let distance = Field::DistanceKm.column();
        assert_eq!(distance.header_from(&from), "Distance from Vienna (km)");
        assert_eq!(distance.header_from(&Centre::krakow()), "Distance (km)");
        assert_eq!(distance.label_from(&Centre::krakow()), "From Kraków");
        assert_eq!(
            Field::Bearing.column().label_from(&from),
            "Direction from Vienna"
        );
        assert_eq!(Field::Population.column().header_from(&from), "Population");
        assert_eq!(distance.unit(), Some("km"));
        assert_eq!(Field::DensityPerKm2.column().unit(), Some("/km²"));
        assert_eq!(Field::Population.column().unit(), None);
    }

    #[test]
    fn keys_and_short_names_are_unique() {
        let mut names: Vec<&str> = COLUMNS.iter().map(|c| c.key).collect();
        names.extend(COLUMNS.iter().filter_map(|c| c.short));
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count);
    }
}
