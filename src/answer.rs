//! What a command answers with, before it is written: the values, not yet text. Each
//! kind of answer says how it reads as a grid; `render` writes grids in every format.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::citations::Citations;
use crate::city::{City, Date, Status};
use crate::columns::{self, Field, Keep, Set};
use crate::error::{LoadError, PROBLEM_COLUMNS, ProblemRows};
use crate::fields::Pick;
use crate::geo::{self, Centre, Leg};
use crate::groups::Group;
use crate::listing::Listed;
use crate::pairs::{Matrix, Pairs};
use crate::periods::Period;
use crate::render::{Audience, Col, Emit, Format, Grid, Names, Rows, Shape, View};
use crate::superlatives::{By, Record};
use crate::tally::Summary;
use crate::value::Value;

pub enum Answer<'a> {
    /// Cities held.
    Cities(Vec<City<'a>>),
    /// `list`: cities read again from the file as they are written.
    Listed(Box<Listed<'a>>),
    /// `show`: one city in full, its age counted to `today`.
    City { city: Box<City<'a>>, today: Date },
    /// `show --sources`: a city's values with their sources.
    Citations(Box<Citations<'a>>),
    /// `records`: superlatives with their cities.
    Records(Vec<Record<'a>>),
    /// `stats`: counts per group.
    Groups(Vec<Group<'a>>),
    /// `stats --of`: counts per group, and a numeric field summed up over each.
    Summaries {
        of: Field,
        groups: Vec<(Group<'a>, Summary<'a>)>,
    },
    /// `timeline`: agreements signed and ended per period.
    Timeline(Vec<Period<'a>>),
    /// `distance`: from one place to another.
    Leg(Leg),
    /// `distance --pairs`: between every two places, nearest first.
    Pairs(Pairs),
    /// `distance --matrix`: between every two places, as a square.
    Matrix(Matrix),
    /// An answer whose distances and bearings are measured from a partner city
    /// (`--from`), which tables name.
    Measured {
        from: Centre,
        answer: Box<Answer<'a>>,
    },
    /// `validate` for programs: every problem found in a file (none when it is sound).
    Problems(LoadError),
    /// Text written as it is, whatever the format: a map, a completion script, a
    /// manual page, a summary.
    Text(String),
    /// Bytes written as they are: a map as PNG.
    Bytes(Vec<u8>),
}

/// A record's own columns; people read the unit with the value ("178 km").
pub const RECORD_COLUMNS: &[Col] = &[
    Col::new("record", "Record", false),
    Col::new("rank", "#", true),
    Col::new("value", "Value", true),
    UNIT,
];
const UNIT: Col = Col::new("unit", "Unit", false);

/// A group's columns (`stats`); those after `cities` are `--of`'s, which a narrow
/// table leaves out first (the cities at the least and most first of all).
pub const GROUP_COLUMNS: &[Col] = &[
    Col::new("group", "Group", false),
    Col::new("count", "Count", true),
    Col::wrapping("cities", "Cities"),
    Col::with("known", "Known", true, false, Keep::Rank(4)),
    Col::new("sum", "Sum", true),
    Col::with("mean", "Mean", true, false, Keep::Rank(5)),
    Col::new("median", "Median", true),
    Col::with("min", "Min", true, false, Keep::Rank(3)),
    Col::with("min_cities", "At min", false, true, Keep::Rank(2)),
    Col::with("max", "Max", true, false, Keep::Rank(3)),
    Col::with("max_cities", "At max", false, true, Keep::Rank(2)),
];

/// How many of [`GROUP_COLUMNS`] a group has without `--of`.
const GROUP_OWN: usize = 3;

/// `--of`'s columns: what `--fields` may name only with `--of`.
pub fn tally_columns() -> impl Iterator<Item = &'static str> {
    GROUP_COLUMNS[GROUP_OWN..].iter().map(|c| &*c.key)
}

/// A period's columns (`timeline`); people also see a bar after the count.
pub const PERIOD_COLUMNS: &[Col] = &[
    Col::new("period", "Period", false),
    Col::new("count", "Signed", true),
    Col::wrapping("cities", "Cities"),
    Col::wrapping("ended", "Ended or suspended"),
];

/// A leg's columns (`distance`).
pub const LEG_COLUMNS: &[Col] = &[
    Col::new("from", "From", false),
    Col::new("to", "To", false),
    Col::new("distance_km", "Distance (km)", true),
    Col::new("bearing_deg", "Bearing (°)", true),
    Col::new("bearing", "Direction", false),
];

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
        self.grid_from(view, &Centre::krakow())
    }

    /// The answer as a grid, its cities' distances and bearings measured from `from`.
    fn grid_from<'s>(&'s self, view: &View, from: &Centre) -> Option<Grid<'s>> {
        let audience = view.format.audience();
        let chosen = chosen_fields(view);
        let fields = || {
            chosen
                .clone()
                .unwrap_or_else(|| columns::set(view.format.default_fields()))
        };
        let grid = match self {
            Answer::Cities(cities) => city_list(Cities::Held(cities), fields(), view, from),
            Answer::Listed(listed) => city_list(Cities::Reread(listed), fields(), view, from),
            Answer::City { city, today } => {
                // People read a card; programs and tools get what `list` writes for
                // this one city with every field (so TSV and CSV load back), JSON as
                // one object (a city, as DESIGN.md's contract has it).
                let (shape, today) = match (audience, &chosen) {
                    (Audience::People, None) => (Shape::Card, Some(*today)),
                    (Audience::People, _) => (Shape::Card, None),
                    (Audience::Lines, _) => (Shape::List, None),
                    (Audience::Programs, _) => (Shape::Object, None),
                };
                let mut fields = chosen.clone().unwrap_or_else(|| columns::set(Set::Show));
                if today.is_some() {
                    // People read these within the lines they belong to (CityRows::card).
                    fields.retain(|f| !FOLDED.contains(f));
                    // `show --sources` lists them, value by value.
                    fields.retain(|f| *f != Field::Provenance);
                }
                let label = |f: Field| match (shape, chosen.is_some()) {
                    (Shape::Card, false) => f.column().label_from(from),
                    _ => f.column().header_from(from),
                };
                Grid {
                    shape,
                    columns: fields
                        .iter()
                        .map(|f| city_col(*f, view.fields.is_some(), from).headed(label(*f)))
                        .collect(),
                    rows: Box::new(CityRows {
                        cities: Cities::Held(std::slice::from_ref(&**city)),
                        fields,
                        names: view.names_shown(),
                        today,
                        from: from.clone(),
                    }),
                }
            }
            Answer::Citations(citations) => citations.grid(view),
            Answer::Records(records) => {
                let fields = match (&chosen, audience) {
                    (Some(fields), _) => fields.clone(),
                    (None, Audience::People | Audience::Lines) => {
                        vec![Field::Name, Field::Country, Field::Agreement]
                    }
                    (None, Audience::Programs) => fields(),
                };
                // People read the unit with the value ("178 km"), unless they ask for
                // the unit on its own.
                let joined = audience == Audience::People && !picked(view, &UNIT.key);
                let mut columns = RECORD_COLUMNS.to_vec();
                if joined {
                    columns.retain(|c| c.key != UNIT.key);
                }
                columns.extend(fields.iter().map(|f| {
                    let col = city_col(*f, view.fields.is_some(), from);
                    let col = match f {
                        Field::Name => col.headed("City"),
                        _ => col,
                    };
                    Col {
                        nest: Some("city"),
                        ..col
                    }
                }));
                own_chosen(
                    view,
                    Grid {
                        shape: Shape::List,
                        columns,
                        rows: Box::new(RecordRows {
                            records,
                            joined,
                            cities: CityRows {
                                cities: Cities::Held(&[]),
                                fields,
                                names: view.names_shown(),
                                today: None,
                                from: from.clone(),
                            },
                        }),
                    },
                )
            }
            Answer::Groups(groups) => own_chosen(
                view,
                Grid {
                    shape: Shape::List,
                    columns: GROUP_COLUMNS[..GROUP_OWN].to_vec(),
                    rows: Box::new(GroupRows(groups)),
                },
            ),
            Answer::Summaries { of, groups } => {
                // The numbers in a table's headers carry the field's unit.
                let unit = of.column().unit();
                let columns = GROUP_COLUMNS.iter().map(|c| match (unit, c.numeric) {
                    (Some(unit), true) if c.key != "count" && c.key != "known" => {
                        c.clone().headed(format!("{} ({unit})", c.header))
                    }
                    _ => c.clone(),
                });
                let grid = Grid {
                    shape: Shape::List,
                    columns: columns.collect(),
                    rows: Box::new(SummaryRows(groups)),
                };
                match (&view.fields, audience) {
                    (Some(_), _) | (None, Audience::Programs) => own_chosen(view, grid),
                    // People are shown the summary, not every city of the group.
                    (None, Audience::People | Audience::Lines) => {
                        let keys = GROUP_COLUMNS.iter().map(|c| &*c.key);
                        let keys: Vec<&str> = keys.filter(|k| *k != "cities").collect();
                        grid.select(&keys)
                    }
                }
            }
            Answer::Timeline(periods) => {
                // The bar goes with the table's own columns, not with columns chosen.
                let bar = audience == Audience::People && view.fields.is_none();
                let mut columns = PERIOD_COLUMNS.to_vec();
                if bar {
                    columns.insert(2, Col::new("bar", "", false));
                }
                own_chosen(
                    view,
                    Grid {
                        shape: Shape::List,
                        columns,
                        rows: Box::new(PeriodRows { periods, bar }),
                    },
                )
            }
            Answer::Leg(leg) => own_chosen(
                view,
                Grid {
                    shape: Shape::Object,
                    columns: LEG_COLUMNS.to_vec(),
                    rows: Box::new(LegRows(leg)),
                },
            ),
            Answer::Pairs(pairs) => own_chosen(view, pairs.grid()),
            Answer::Matrix(matrix) => matrix.grid(),
            Answer::Measured { from, answer } => return answer.grid_from(view, from),
            Answer::Problems(report) => Grid {
                shape: Shape::List,
                columns: PROBLEM_COLUMNS.to_vec(),
                rows: Box::new(ProblemRows(report)),
            },
            Answer::Text(_) | Answer::Bytes(_) => return None,
        };
        Some(grid)
    }

    /// What an empty answer lacks, for a note ("no cities"); `None` when it is not empty.
    pub fn nothing(&self) -> Option<&'static str> {
        let (len, what) = match self {
            Answer::Cities(cities) => (cities.len(), "no cities"),
            Answer::Listed(listed) => (listed.len(), "no cities"),
            Answer::Records(records) => (records.len(), "no records"),
            Answer::Groups(groups) => (groups.len(), "no cities"),
            Answer::Summaries { groups, .. } => (groups.len(), "no cities"),
            Answer::Timeline(periods) => (periods.len(), "no agreements"),
            Answer::Pairs(pairs) => (pairs.len(), "no pairs of cities"),
            Answer::Matrix(matrix) => (matrix.len(), "no cities"),
            Answer::Measured { answer, .. } => return answer.nothing(),
            Answer::City { .. }
            | Answer::Citations(_)
            | Answer::Leg(_)
            | Answer::Problems(_)
            | Answer::Text(_)
            | Answer::Bytes(_) => {
                return None;
            }
        };
        (len == 0).then_some(what)
    }

    /// Writes a text (or bytes) answer as it is, text escaped for a terminal (it may quote a file's
    /// name or its data).
    pub fn write_text(&self, terminal: bool, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Answer::Text(text) if terminal => {
                out.write_all(crate::terminal::escape(text, true).as_bytes())
            }
            Answer::Text(text) => out.write_all(text.as_bytes()),
            Answer::Bytes(bytes) => out.write_all(bytes),
            Answer::Measured { answer, .. } => answer.write_text(terminal, out),
            _ => Ok(()),
        }
    }
}

/// The city fields the user chose, if they chose.
fn chosen_fields(view: &View) -> Option<Vec<Field>> {
    let picks = view.fields.as_ref()?;
    let city = |pick: &Pick| match pick {
        Pick::City(field) => Some(*field),
        Pick::Own(_) => None,
    };
    Some(picks.iter().filter_map(city).collect())
}

/// Whether the user chose the answer's own column `key`.
fn picked(view: &View, key: &str) -> bool {
    view.fields
        .as_ref()
        .is_some_and(|picks| picks.iter().any(|p| matches!(p, Pick::Own(k) if *k == key)))
}

/// A grid with only the columns the user chose, in their order; all of them if they
/// chose none.
fn own_chosen<'s>(view: &View, grid: Grid<'s>) -> Grid<'s> {
    match &view.fields {
        Some(picks) => {
            let keys: Vec<&str> = picks.iter().map(|p| p.key()).collect();
            grid.select(&keys)
        }
        None => grid,
    }
}

/// A list of cities as a grid.
fn city_list<'s>(
    cities: Cities<'s, '_>,
    fields: Vec<Field>,
    view: &View,
    from: &Centre,
) -> Grid<'s> {
    Grid {
        shape: Shape::List,
        columns: fields
            .iter()
            .map(|f| city_col(*f, view.fields.is_some(), from))
            .collect(),
        rows: Box::new(CityRows {
            cities,
            fields,
            names: view.names_shown(),
            today: None,
            from: from.clone(),
        }),
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

/// A city's field as a column, headed with where it is measured from; fields the user
/// chose are never left out of a table.
fn city_col(field: Field, chosen: bool, from: &Centre) -> Col {
    let column = field.column();
    Col {
        key: column.key.into(),
        header: column.header_from(from),
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
    /// Where distances and bearings are measured from.
    from: Centre,
}

impl CityRows<'_, '_> {
    fn push<'s>(&self, city: &'s City<'_>, cells: &mut Vec<Value<'s>>) {
        for field in &self.fields {
            let name = self.names.of(city).map(|name| &**name);
            let country = self.names.country_of(city);
            let value = match (field, name, country, self.today) {
                (Field::Name, Some(name), _, _) => Value::Text(Cow::Borrowed(name)),
                (_, _, _, Some(today)) => card(*field, city, country, today, &self.from),
                (Field::Country, _, Some(country), None) => Value::Text(Cow::Borrowed(country)),
                _ => field.value(city, &self.from),
            };
            cells.push(value);
        }
    }
}

/// A field as a card for people reads it: with the values folded into it (see
/// [`FOLDED`]) and a signing date's age; the country by the name `country` where one
/// is chosen (Polish).
fn card<'s>(
    field: Field,
    city: &'s City<'_>,
    country: Option<&'static str>,
    today: Date,
    from: &Centre,
) -> Value<'s> {
    let text = |text: String| Value::Text(text.into());
    match field {
        Field::Country => match (country.or(city.country.as_deref()), &city.country_code) {
            (Some(country), Some(code)) => text(format!("{country} ({code})")),
            _ => Value::Text(city.country_shown().into()),
        },
        Field::Status => match (city.status, city.status_since, city.last_attested) {
            (Some(status), Some(since), _) => text(format!("{status} since {since}")),
            (Some(Status::Unconfirmed), None, Some(last)) => {
                text(format!("unconfirmed, last source {last}"))
            }
            _ => field.value(city, from),
        },
        Field::Signed => match city.signed {
            Some(signed) if signed.years_until(today) >= 0 => text(format!(
                "{signed} ({} years ago)",
                signed.years_until(today)
            )),
            _ => field.value(city, from),
        },
        Field::Population => match (city.population, city.population_year) {
            (Some(_), Some(year)) => text(format!("{} ({year})", field.value(city, from).pretty())),
            _ => field.value(city, from),
        },
        Field::DistanceKm => {
            let km = field.value(city, from).pretty();
            match from.bearing(city.lat, city.lon) {
                Some(bearing) => text(format!(
                    "{km} km, {} ({bearing:.0}°)",
                    geo::compass(bearing)
                )),
                None => text(format!("{km} km")),
            }
        }
        Field::Sources if !city.sources.is_empty() => {
            text(city.sources.iter().collect::<Vec<_>>().join("\n"))
        }
        _ => field.value(city, from),
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
        let from = self.cities.from.city().filter(|_| about.by == By::Distance);
        if self.joined {
            let text = about.unit.with(&value);
            cells.push(Value::Text(match from {
                // People read where a distance is measured from with it.
                Some(city) => format!("{text} from {}", city.name).into(),
                None => text.into(),
            }));
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

struct SummaryRows<'g, 'a>(&'g [(Group<'a>, Summary<'a>)]);

impl Rows for SummaryRows<'_, '_> {
    fn len(&self) -> usize {
        self.0.len()
    }

    fn row(&self, i: usize, emit: &mut Emit) -> io::Result<()> {
        let (group, summary) = &self.0[i];
        let or_unknown = |v: &Option<Value<'static>>| v.clone().unwrap_or(Value::Unknown);
        let (min, min_cities) = extreme(&summary.least);
        let (max, max_cities) = extreme(&summary.most);
        let cells = [
            Value::Text(Cow::Borrowed(&group.group)),
            Value::count(group.cities.len()),
            Value::list(&group.cities),
            Value::count(summary.known),
            or_unknown(&summary.sum),
            or_unknown(&summary.mean),
            or_unknown(&summary.median),
            min,
            min_cities,
            max,
            max_cities,
        ];
        emit(&cells, None)
    }
}

/// The least or most value of a summary, and the cities at it; unknown where no city
/// gives a value.
fn extreme<'e>(extreme: &'e Option<(Value<'static>, Vec<Cow<'_, str>>)>) -> (Value<'e>, Value<'e>) {
    match extreme {
        Some((value, cities)) => (value.clone(), Value::list(cities)),
        None => (Value::Unknown, Value::Unknown),
    }
}

struct PeriodRows<'p> {
    periods: &'p [Period<'p>],
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
