//! Superlatives: the nearest, oldest, highest… of a set of cities. [`SUPERLATIVES`] is
//! the one table of them; `records` keeps only the leaders as a file is read.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use crate::city::{City, Date};
use crate::geo::Centre;
use crate::order::by_name;
use crate::sink::{Read, Sink};
use crate::value::Value;

/// Which way a record goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// The smallest value wins.
    Least,
    /// The largest value wins.
    Most,
}

/// What a record ranks cities by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    Distance,
    Signed,
    Elevation,
    Latitude,
    Longitude,
    /// Distance in latitude from the equator.
    AbsLatitude,
    Population,
    Area,
    Density,
}

/// Room for every measure `records` makes of one city (a measure beyond it is made
/// each time it is needed).
const MEASURES_KEPT: usize = 16;

/// The unit of a record's value, as JSON writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Km,
    Date,
    Metres,
    Degrees,
    Residents,
    SquareKm,
    PerSquareKm,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Km => "km",
            Unit::Date => "date",
            Unit::Metres => "m",
            Unit::Degrees => "°",
            Unit::Residents => "residents",
            Unit::SquareKm => "km²",
            Unit::PerSquareKm => "residents/km²",
        }
    }

    /// A value with its unit, for people: "178 km", "63.43°", a date as it is.
    pub fn with(self, value: &Value) -> String {
        match self {
            Unit::Date => value.pretty(),
            Unit::Degrees => format!("{}°", value.pretty()),
            _ => format!("{} {}", value.pretty(), self.as_str()),
        }
    }
}

/// One superlative: everything the tool knows about it.
pub struct Superlative {
    pub kind: Kind,
    /// The name on the command line and in every output.
    pub name: &'static str,
    pub description: &'static str,
    pub unit: Unit,
    pub direction: Direction,
    pub by: By,
    /// Decimal places the value is written with; `None`: as measured.
    pub decimals: Option<u8>,
}

/// Defines [`Kind`] and [`SUPERLATIVES`] from one list, so the two cannot disagree.
macro_rules! superlatives {
    ($($variant:ident { $($body:tt)* })+) => {
        /// A superlative, by name in the code; its facts are in [`SUPERLATIVES`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Kind { $($variant),+ }

        impl Kind {
            /// Every kind, in table order.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant),+];
        }

        /// Every superlative, in the order `records` lists them.
        pub const SUPERLATIVES: &[Superlative] =
            &[$(Superlative { kind: Kind::$variant, $($body)* }),+];
    };
}

use Direction::{Least, Most};

superlatives! {
    Nearest { name: "nearest", description: "shortest distance from Kraków",
        unit: Unit::Km, direction: Least, by: By::Distance, decimals: Some(1) }
    Farthest { name: "farthest", description: "longest distance from Kraków",
        unit: Unit::Km, direction: Most, by: By::Distance, decimals: Some(1) }
    Oldest { name: "oldest", description: "earliest agreement signed",
        unit: Unit::Date, direction: Least, by: By::Signed, decimals: None }
    Youngest { name: "youngest", description: "latest agreement signed",
        unit: Unit::Date, direction: Most, by: By::Signed, decimals: None }
    Highest { name: "highest", description: "highest elevation",
        unit: Unit::Metres, direction: Most, by: By::Elevation, decimals: None }
    Lowest { name: "lowest", description: "lowest elevation",
        unit: Unit::Metres, direction: Least, by: By::Elevation, decimals: None }
    Northernmost { name: "northernmost", description: "largest latitude",
        unit: Unit::Degrees, direction: Most, by: By::Latitude, decimals: None }
    Southernmost { name: "southernmost", description: "smallest latitude",
        unit: Unit::Degrees, direction: Least, by: By::Latitude, decimals: None }
    Easternmost { name: "easternmost", description: "largest longitude",
        unit: Unit::Degrees, direction: Most, by: By::Longitude, decimals: None }
    Westernmost { name: "westernmost", description: "smallest longitude",
        unit: Unit::Degrees, direction: Least, by: By::Longitude, decimals: None }
    ClosestToEquator { name: "closest-to-equator",
        description: "smallest distance in latitude from the equator",
        unit: Unit::Degrees, direction: Least, by: By::AbsLatitude, decimals: None }
    MostPopulous { name: "most-populous", description: "most residents",
        unit: Unit::Residents, direction: Most, by: By::Population, decimals: None }
    LeastPopulous { name: "least-populous", description: "fewest residents",
        unit: Unit::Residents, direction: Least, by: By::Population, decimals: None }
    Largest { name: "largest", description: "largest area",
        unit: Unit::SquareKm, direction: Most, by: By::Area, decimals: None }
    Smallest { name: "smallest", description: "smallest area",
        unit: Unit::SquareKm, direction: Least, by: By::Area, decimals: None }
    Densest { name: "densest", description: "most residents per km²",
        unit: Unit::PerSquareKm, direction: Most, by: By::Density, decimals: Some(1) }
}

// The table is indexed by the kind: each row must sit at its variant's place.
const _: () = {
    let mut i = 0;
    while i < SUPERLATIVES.len() {
        assert!(SUPERLATIVES[i].kind as usize == i);
        i += 1;
    }
};

impl Kind {
    /// Everything about this kind.
    pub fn about(self) -> &'static Superlative {
        &SUPERLATIVES[self as usize]
    }

    pub fn as_str(self) -> &'static str {
        self.about().name
    }

    /// The `records --help` text: each record with what it measures.
    pub fn help() -> String {
        let width = SUPERLATIVES.iter().map(|s| s.name.len()).max().unwrap_or(0);
        let lines: Vec<String> = SUPERLATIVES
            .iter()
            .map(|s| {
                format!(
                    "  {:width$}  {} ({})",
                    s.name,
                    s.description,
                    s.unit.as_str()
                )
            })
            .collect();
        lines.join("\n")
    }
}

impl FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Kind, String> {
        let wanted = s.trim().to_lowercase();
        SUPERLATIVES
            .iter()
            .find(|k| k.name == wanted)
            .map(|k| k.kind)
            .ok_or_else(|| format!("unknown record '{s}'"))
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The measure a record ranks by.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Measure {
    Count(u64),
    Number(f64),
    Date(Date),
}

impl Measure {
    fn compare(&self, other: &Measure) -> Ordering {
        match (self, other) {
            (Measure::Count(a), Measure::Count(b)) => a.cmp(b),
            (Measure::Number(a), Measure::Number(b)) => a.total_cmp(b),
            (Measure::Date(a), Measure::Date(b)) => a.cmp(b),
            // One kind measures one way: they never mix.
            _ => Ordering::Equal,
        }
    }
}

impl By {
    /// The city's measure, distances from `from`; `None` where it is unknown, so the
    /// city takes no part (an unknown is never counted as zero), and for the distance
    /// of the city distances are measured from (the nearest to Vienna is not Vienna).
    pub fn measure(self, city: &City, from: &Centre) -> Option<Measure> {
        let number = |x: Option<f64>| x.map(Measure::Number);
        match self {
            By::Distance if from.is(city) => None,
            By::Distance => number(Some(from.km(city.lat, city.lon))),
            By::Signed => city.signed.map(Measure::Date),
            By::Elevation => number(city.elevation_m),
            By::Latitude => number(Some(city.lat)),
            By::Longitude => number(Some(city.lon)),
            By::AbsLatitude => number(Some(city.lat.abs())),
            By::Population => city.population.map(Measure::Count),
            By::Area => number(city.area_km2),
            By::Density => number(city.density_per_km2()),
        }
    }
}

/// A city holding a record, with its place among the leaders (1 = the record).
#[derive(Clone, Debug, PartialEq)]
pub struct Record<'c> {
    pub kind: Kind,
    pub rank: usize,
    pub measure: Measure,
    pub city: City<'c>,
}

impl Record<'_> {
    /// The value the record is measured by, rounded as its table says.
    pub fn value(&self) -> Value<'static> {
        match self.measure {
            Measure::Count(n) => Value::count(n),
            Measure::Date(d) => Value::Date(d),
            Measure::Number(value) => Value::Number {
                value,
                decimals: self.kind.about().decimals,
            },
        }
    }
}

/// The `top` leaders of each kind, in the order of `kinds`. Ties are broken by name so
/// the answer is always the same; a kind no city has a value for yields nothing.
pub fn compute<'c>(cities: &[City<'c>], kinds: &[Kind], top: usize) -> Vec<Record<'c>> {
    let mut leaders = Leaders::new(kinds, top, Centre::krakow());
    for city in cities {
        leaders.consider(city);
    }
    leaders.records()
}

/// The leaders of each kind among the cities seen so far: all `records` keeps of a
/// file, gathered as it is read, one pass and never a sort of every city.
pub struct Leaders<'a> {
    kinds: Vec<Kind>,
    top: usize,
    /// Where distances are measured from.
    from: Centre,
    /// Per kind, the leaders so far, best first.
    held: Vec<Vec<(Measure, City<'a>)>>,
}

impl<'a> Leaders<'a> {
    pub fn new(kinds: &[Kind], top: usize, from: Centre) -> Leaders<'a> {
        Leaders {
            kinds: kinds.to_vec(),
            top,
            from,
            held: vec![Vec::new(); kinds.len()],
        }
    }

    /// Makes `city` a leader of each kind it leads so far (a copy, where it does).
    /// Each measure is made once per city, however many kinds rank by it: the
    /// distance is the costliest.
    fn consider(&mut self, city: &City<'a>) {
        // Each measure made at most once, kept by its place in `By`.
        let mut made: [Option<Option<Measure>>; MEASURES_KEPT] = [None; MEASURES_KEPT];
        for k in 0..self.kinds.len() {
            let by = self.kinds[k].about().by;
            let measure = match made.get_mut(by as usize) {
                Some(slot) => *slot.get_or_insert_with(|| by.measure(city, &self.from)),
                None => by.measure(city, &self.from),
            };
            if let Some(measure) = measure {
                self.offer(k, measure, city);
            }
        }
    }

    /// Makes the city a leader of kind `k` if it is among the `top`, or tied by value
    /// with the last of them (every city tied within the top is listed).
    fn offer(&mut self, k: usize, measure: Measure, city: &City<'a>) {
        let (kind, top, held) = (self.kinds[k], self.top, &mut self.held[k]);
        let entry = (measure, city);
        if let Some((last, _)) = held.get(top.saturating_sub(1))
            && better(kind, *last, measure).is_lt()
        {
            return;
        }
        let at = held.partition_point(|(m, c)| rank(kind, (*m, c), entry).is_le());
        held.insert(at, (measure, city.clone()));
        if let Some(last) = held.get(top.saturating_sub(1)).map(|(m, _)| *m) {
            let tied = held[top..]
                .iter()
                .take_while(|(m, _)| better(kind, last, *m).is_eq())
                .count();
            held.truncate(top + tied);
        }
    }

    /// The records, in the order of the kinds asked for.
    pub fn records(self) -> Vec<Record<'a>> {
        let mut records = Vec::new();
        for (kind, held) in self.kinds.into_iter().zip(self.held) {
            // Competition ranking: ties share a rank, and the next rank skips them
            // (1, 1, 3).
            let mut previous: Option<(Measure, usize)> = None;
            for (i, (measure, city)) in held.into_iter().enumerate() {
                let rank = match previous {
                    Some((value, rank)) if better(kind, value, measure).is_eq() => rank,
                    _ => i + 1,
                };
                previous = Some((measure, rank));
                records.push(Record {
                    kind,
                    rank,
                    measure,
                    city,
                });
            }
        }
        records
    }
}

impl<'a> Sink<'a> for Leaders<'a> {
    fn add(&mut self, read: Read<'a, '_>) {
        self.consider(&read.city);
    }

    fn finish_part(&mut self) {}

    fn join(&mut self, later: Self) {
        for (k, held) in later.held.into_iter().enumerate() {
            for (measure, city) in held {
                self.offer(k, measure, &city);
            }
        }
    }
}

/// Which of two entries ranks first for a kind of record: the better value, then the
/// name.
fn rank(kind: Kind, a: (Measure, &City), b: (Measure, &City)) -> Ordering {
    better(kind, a.0, b.0).then_with(|| by_name(a.1, b.1))
}

/// Which of two values is the better for a kind of record (`Less`: the first).
fn better(kind: Kind, a: Measure, b: Measure) -> Ordering {
    match kind.about().direction {
        Most => b.compare(&a),
        Least => a.compare(&b),
    }
}
