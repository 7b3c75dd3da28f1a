//! What a command answers with, before it is written: the values, not yet text. Each
//! kind of answer says how it reads as a grid; `render` writes grids in every format.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::city::{City, Date};
use crate::columns::{self, Field, Keep, Set};
use crate::geo::{self, Leg};
use crate::groups::Group;
use crate::listing::Listed;
use crate::periods::Period;
use crate::render::{Audience, Col, Emit, Format, Grid, Names, Rows, Shape, View};
use crate::superlatives::Record;
use crate::value::Value;

pub enum Answer<'a> {
    /// Cities held.
    Cities(Vec<City<'a>>),
    /// `list`: cities read again from the file as they are written.
    Listed(Listed<'a>),
    /// `show`: one city in full, its age counted to `today`.
    City { city: Box<City<'a>>, today: Date },
    /// `records`: superlatives with their cities.
    Records(Vec<Record<'a>>),
    /// `stats`: counts per group.
    Groups(Vec<Group<'a>>),
    /// `timeline`: agreements signed and ended per period.
    Timeline(Vec<Period>),
    /// `distance`: from one place to another.
    Leg(Leg),
    /// Text written as it is, whatever the format: a map, a completion script, a
    /// manual page, a summary.
    Text(String),
    /// Bytes written as they are: a map as PNG.
    Bytes(Vec<u8>),
}

impl Format {
    /// The fields a format shows of a city unless told otherwise.
    fn default_fields(self) -> Set {
        match self {
            Format::Table | Format::Tsv => Set::Table(0, Keep::Always),
            Format::Csv => Set::Csv,
            Format::Json | Format::Ndjson | Format::Geojson => Set::Json,
        }
    }
}

impl Answer<'_> {
    /// The answer as a grid for `view`; `None` for text.
    pub fn grid<'s>(&'s self, view: &View) -> Option<Grid<'s>> {
        let audience = view.format.audience();
        let fields = || {
            view.fields
                .clone()
                .unwrap_or_else(|| columns::set(view.format.default_fields()))
        };
        let grid = match self {
            Answer::Cities(cities) => city_list(Cities::Held(cities), fields(), view),
            Answer::Listed(listed) => city_list(Cities::Reread(listed), fields(), view),
            Answer::City { city, today } => {
                let (shape, today) = match (audience, &view.fields) {
                    (Audience::People, None) => (Shape::Card, Some(*today)),
                    (Audience::People | Audience::Lines, _) => (Shape::Card, None),
                    (Audience::Programs, _) => (Shape::Object, None),
                };
                let mut fields = view
                    .fields
                    .clone()
                    .unwrap_or_else(|| columns::set(Set::Show));
                if today.is_some() {
                    // People read these within the lines they belong to (CityRows::card).
                    fields.retain(|f| !FOLDED.contains(f));
                }
                let label = |f: Field| match (audience, view.fields.is_some()) {
                    (Audience::People, false) => f.column().label,
                    _ => f.header(),
                };
                Grid {
                    shape,
                    columns: fields
                        .iter()
                        .map(|f| Col {
                            header: label(*f),
                            ..city_col(*f, view.fields.is_some())
                        })
                        .collect(),
                    rows: Box::new(CityRows {
                        cities: Cities::Held(std::slice::from_ref(&**city)),
                        fields,
                        names: names_for(view),
                        today,
                    }),
                }
            }
            Answer::Records(records) => {
                let fields = match (&view.fields, audience) {
                    (Some(fields), _) => fields.clone(),
                    (None, Audience::People | Audience::Lines) => {
                        vec![Field::Name, Field::Country, Field::Agreement]
                    }
                    (None, Audience::Programs) => fields(),
                };
                let joined = audience == Audience::People;
                let mut columns = vec![
                    Col::new("record", "Record", false),
                    Col::new("rank", "#", true),
                    Col::new("value", "Value", true),
                ];
                // People read the unit with the value ("178 km").
                if !joined {
                    columns.push(Col::new("unit", "Unit", false));
                }
                columns.extend(fields.iter().map(|f| Col {
                    header: if *f == Field::Name {
                        "City"
                    } else {
                        f.header()
                    },
                    nest: Some("city"),
                    ..city_col(*f, view.fields.is_some())
                }));
                Grid {
                    shape: Shape::List,
                    columns,
                    rows: Box::new(RecordRows {
                        records,
                        joined,
                        cities: CityRows {
                            cities: Cities::Held(&[]),
                            fields,
                            names: names_for(view),
                            today: None,
                        },
                    }),
                }
            }
            Answer::Groups(groups) => Grid {
                shape: Shape::List,
                columns: vec![
                    Col::new("group", "Group", false),
                    Col::new("count", "Count", true),
                    Col::new("cities", "Cities", false).wrapping(),
                ],
                rows: Box::new(GroupRows(groups)),
            },
            Answer::Timeline(periods) => {
                let bar = audience == Audience::People;
                let mut columns = vec![
                    Col::new("period", "Period", false),
                    Col::new("count", "Signed", true),
                ];
                if bar {
                    columns.push(Col::new("bar", "", false));
                }
                columns.push(Col::new("cities", "Cities", false).wrapping());
                columns.push(Col::new("ended", "Ended or suspended", false).wrapping());
                Grid {
                    shape: Shape::List,
                    columns,
                    rows: Box::new(PeriodRows { periods, bar }),
                }
            }
            Answer::Leg(leg) => Grid {
                shape: Shape::Object,
                columns: vec![
                    Col::new("from", "From", false),
                    Col::new("to", "To", false),
                    Col::new("distance_km", "Distance (km)", true),
                    Col::new("bearing_deg", "Bearing (°)", true),
                    Col::new("bearing", "Direction", false),
                ],
                rows: Box::new(LegRows(leg)),
            },
            Answer::Text(_) | Answer::Bytes(_) => return None,
        };
        Some(grid)
    }

    /// Writes a text (or bytes) answer as it is.
    pub fn write_text(&self, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Answer::Text(text) => out.write_all(text.as_bytes()),
            Answer::Bytes(bytes) => out.write_all(bytes),
            _ => Ok(()),
        }
    }
}

/// A list of cities as a grid.
fn city_list<'s>(cities: Cities<'s, '_>, fields: Vec<Field>, view: &View) -> Grid<'s> {
    Grid {
        shape: Shape::List,
        columns: fields
            .iter()
            .map(|f| city_col(*f, view.fields.is_some()))
            .collect(),
        rows: Box::new(CityRows {
            cities,
            fields,
            names: names_for(view),
            today: None,
        }),
    }
}

/// The names a view shows in the name column: people may read them in Polish or in
/// the city's own language; programs always get the data's own values.
fn names_for(view: &View) -> Names {
    match view.format.audience() {
        Audience::People | Audience::Lines => view.names,
        Audience::Programs => Names::En,
    }
}

/// Fields a card for people shows within another line: "Germany (DE)", "ended since
/// 2022-03-02", "553 km, W (263°)", "619 879 (2023)".
const FOLDED: &[Field] = &[
    Field::CountryCode,
    Field::StatusSince,
    Field::PopulationYear,
    Field::BearingDeg,
    Field::Bearing,
];

/// A city's field as a column; fields the user chose are never left out of a table.
fn city_col(field: Field, chosen: bool) -> Col {
    let column = field.column();
    Col {
        key: column.key,
        header: column.header,
        numeric: column.is_numeric(),
        nest: None,
        wrap: column.wraps(),
        keep: if chosen { Keep::Always } else { column.keep() },
    }
}

/// Cities held, or read again from the file as they are written.
#[derive(Clone, Copy)]
enum Cities<'c, 'a> {
    Held(&'c [City<'a>]),
    Reread(&'c Listed<'a>),
}

struct CityRows<'c, 'a> {
    cities: Cities<'c, 'a>,
    fields: Vec<Field>,
    names: Names,
    /// For people reading one city: the day its age is counted to.
    today: Option<Date>,
}

impl CityRows<'_, '_> {
    fn push<'s>(&self, city: &'s City<'_>, cells: &mut Vec<Value<'s>>) {
        for field in &self.fields {
            let name = match self.names {
                Names::En => None,
                Names::Pl => city.name_pl.as_deref(),
                Names::Local => city.name_local.as_deref(),
            };
            let value = match (field, name, self.today) {
                (Field::Name, Some(name), _) => Value::Text(Cow::Borrowed(name)),
                (_, _, Some(today)) => card(*field, city, today),
                _ => field.value(city),
            };
            cells.push(value);
        }
    }
}

/// A field as a card for people reads it: with the values folded into it (see
/// [`FOLDED`]) and a signing date's age.
fn card<'s>(field: Field, city: &'s City<'_>, today: Date) -> Value<'s> {
    let text = |text: String| Value::Text(text.into());
    match field {
        Field::Country => text(format!("{} ({})", city.country, city.country_code)),
        Field::Status => match city.status_since {
            Some(since) => text(format!("{} since {since}", city.status)),
            None => field.value(city),
        },
        Field::Signed => match city.signed {
            Some(signed) if signed.years_until(today) >= 0 => text(format!(
                "{signed} ({} years ago)",
                signed.years_until(today)
            )),
            _ => field.value(city),
        },
        Field::Population => match (city.population, city.population_year) {
            (Some(_), Some(year)) => text(format!("{} ({year})", field.value(city).pretty())),
            _ => field.value(city),
        },
        Field::DistanceKm => {
            let km = field.value(city).pretty();
            match geo::bearing_from_krakow(city.lat, city.lon) {
                Some(bearing) => text(format!(
                    "{km} km, {} ({bearing:.0}°)",
                    geo::compass(bearing)
                )),
                None => text(format!("{km} km")),
            }
        }
        Field::Sources => text(city.sources.iter().collect::<Vec<_>>().join("\n")),
        _ => field.value(city),
    }
}

impl Rows for CityRows<'_, '_> {
    fn len(&self) -> usize {
        match self.cities {
            Cities::Held(cities) => cities.len(),
            Cities::Reread(listed) => listed.len(),
        }
    }

    fn row(&self, i: usize, emit: &mut Emit) -> io::Result<()> {
        let mut cells = Vec::with_capacity(self.fields.len());
        match self.cities {
            Cities::Held(cities) => {
                let city = &cities[i];
                self.push(city, &mut cells);
                emit(&cells, Some((city.lat, city.lon)))
            }
            Cities::Reread(listed) => {
                let city = listed
                    .city(i)
                    .ok_or_else(|| io::Error::other("the data file changed while it was read"))?;
                self.push(&city, &mut cells);
                emit(&cells, Some((city.lat, city.lon)))
            }
        }
    }
}

struct RecordRows<'r, 'a> {
    records: &'r [Record<'a>],
    /// The value with its unit, for people.
    joined: bool,
    /// How the records' cities are shown.
    cities: CityRows<'r, 'a>,
}

impl Rows for RecordRows<'_, '_> {
    fn len(&self) -> usize {
        self.records.len()
    }

    fn row(&self, i: usize, emit: &mut Emit) -> io::Result<()> {
        let mut cells = Vec::with_capacity(4 + self.cities.fields.len());
        let cells = &mut cells;
        let record = &self.records[i];
        let about = record.kind.about();
        cells.push(Value::Text(about.name.into()));
        cells.push(Value::count(record.rank));
        let value = record.value();
        if self.joined {
            cells.push(Value::Text(about.unit.with(&value).into()));
        } else {
            cells.push(value);
            cells.push(Value::Text(about.unit.as_str().into()));
        }
        self.cities.push(&record.city, cells);
        emit(cells, Some((record.city.lat, record.city.lon)))
    }
}

struct GroupRows<'g, 'a>(&'g [Group<'a>]);

impl Rows for GroupRows<'_, '_> {
    fn len(&self) -> usize {
        self.0.len()
    }

    fn row(&self, i: usize, emit: &mut Emit) -> io::Result<()> {
        let group = &self.0[i];
        let cells = [
            Value::Text(Cow::Borrowed(&group.group)),
            Value::count(group.cities.len()),
            Value::list(&group.cities),
        ];
        emit(&cells, None)
    }
}

struct PeriodRows<'p> {
    periods: &'p [Period],
    /// A bar per period, for people.
    bar: bool,
}

impl Rows for PeriodRows<'_> {
    fn len(&self) -> usize {
        self.periods.len()
    }

    fn row(&self, i: usize, emit: &mut Emit) -> io::Result<()> {
        let mut cells = Vec::with_capacity(5);
        let period = &self.periods[i];
        cells.push(Value::Text(period.period.as_str().into()));
        cells.push(Value::count(period.signed.len()));
        if self.bar {
            cells.push(Value::Text("█".repeat(period.signed.len()).into()));
        }
        cells.push(Value::list(&period.signed));
        cells.push(Value::list(&period.ended));
        emit(&cells, None)
    }
}

struct LegRows<'l>(&'l Leg);

impl Rows for LegRows<'_> {
    fn len(&self) -> usize {
        1
    }

    fn row(&self, _: usize, emit: &mut Emit) -> io::Result<()> {
        let leg = self.0;
        let cells = [
            Value::Text(leg.from.as_str().into()),
            Value::Text(leg.to.as_str().into()),
            Value::rounded(leg.km),
            leg.bearing.map_or(Value::Unknown, Value::rounded),
            leg.bearing
                .map_or(Value::Unknown, |b| Value::Text(geo::compass(b).into())),
        ];
        emit(&cells, None)
    }
}
