//! Superlatives: the nearest, oldest, highest… of a set of cities.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use crate::city::{City, Date};
use crate::dataset::Gather;
use crate::filter::by_name;
use crate::geo;

/// One kind of superlative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Nearest,
    Farthest,
    Oldest,
    Youngest,
    Highest,
    Lowest,
    Northernmost,
    Southernmost,
    Easternmost,
    Westernmost,
    ClosestToEquator,
    MostPopulous,
    LeastPopulous,
    Largest,
    Smallest,
    Densest,
}

/// The measure a record ranks by: a number or a date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Measure {
    Number(f64),
    Date(Date),
}

impl Measure {
    fn compare(&self, other: &Measure) -> Ordering {
        match (self, other) {
            (Measure::Number(a), Measure::Number(b)) => a.total_cmp(b),
            (Measure::Date(a), Measure::Date(b)) => a.cmp(b),
            // One kind never mixes numbers and dates.
            _ => Ordering::Equal,
        }
    }
}

impl Kind {
    pub const ALL: &'static [Kind] = &[
        Kind::Nearest,
        Kind::Farthest,
        Kind::Oldest,
        Kind::Youngest,
        Kind::Highest,
        Kind::Lowest,
        Kind::Northernmost,
        Kind::Southernmost,
        Kind::Easternmost,
        Kind::Westernmost,
        Kind::ClosestToEquator,
        Kind::MostPopulous,
        Kind::LeastPopulous,
        Kind::Largest,
        Kind::Smallest,
        Kind::Densest,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Nearest => "nearest",
            Kind::Farthest => "farthest",
            Kind::Oldest => "oldest",
            Kind::Youngest => "youngest",
            Kind::Highest => "highest",
            Kind::Lowest => "lowest",
            Kind::Northernmost => "northernmost",
            Kind::Southernmost => "southernmost",
            Kind::Easternmost => "easternmost",
            Kind::Westernmost => "westernmost",
            Kind::ClosestToEquator => "closest-to-equator",
            Kind::MostPopulous => "most-populous",
            Kind::LeastPopulous => "least-populous",
            Kind::Largest => "largest",
            Kind::Smallest => "smallest",
            Kind::Densest => "densest",
        }
    }

    /// What the record measures, for help and tables.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Nearest => "shortest distance from Kraków",
            Kind::Farthest => "longest distance from Kraków",
            Kind::Oldest => "earliest agreement signed",
            Kind::Youngest => "latest agreement signed",
            Kind::Highest => "highest elevation",
            Kind::Lowest => "lowest elevation",
            Kind::Northernmost => "largest latitude",
            Kind::Southernmost => "smallest latitude",
            Kind::Easternmost => "largest longitude",
            Kind::Westernmost => "smallest longitude",
            Kind::ClosestToEquator => "smallest distance in latitude from the equator",
            Kind::MostPopulous => "most residents",
            Kind::LeastPopulous => "fewest residents",
            Kind::Largest => "largest area",
            Kind::Smallest => "smallest area",
            Kind::Densest => "most residents per km²",
        }
    }

    /// The unit of the record's value.
    pub fn unit(self) -> &'static str {
        match self {
            Kind::Nearest | Kind::Farthest => "km",
            Kind::Oldest | Kind::Youngest => "date",
            Kind::Highest | Kind::Lowest => "m",
            Kind::Northernmost
            | Kind::Southernmost
            | Kind::Easternmost
            | Kind::Westernmost
            | Kind::ClosestToEquator => "°",
            Kind::MostPopulous | Kind::LeastPopulous => "residents",
            Kind::Largest | Kind::Smallest => "km²",
            Kind::Densest => "residents/km²",
        }
    }

    /// Whether the record is the largest value (else the smallest).
    fn largest_wins(self) -> bool {
        matches!(
            self,
            Kind::Farthest
                | Kind::Youngest
                | Kind::Highest
                | Kind::Northernmost
                | Kind::Easternmost
                | Kind::MostPopulous
                | Kind::Largest
                | Kind::Densest
        )
    }

    /// The city's measure for this record; `None` where it is unknown, so the city
    /// takes no part (an unknown is never counted as zero).
    pub fn measure(self, city: &City) -> Option<Measure> {
        let number = |x: Option<f64>| x.map(Measure::Number);
        match self {
            Kind::Nearest | Kind::Farthest => number(Some(geo::from_krakow_km(city.lat, city.lon))),
            Kind::Oldest | Kind::Youngest => city.signed.map(Measure::Date),
            Kind::Highest | Kind::Lowest => number(city.elevation_m),
            Kind::Northernmost | Kind::Southernmost => number(Some(city.lat)),
            Kind::Easternmost | Kind::Westernmost => number(Some(city.lon)),
            Kind::ClosestToEquator => number(Some(city.lat.abs())),
            Kind::MostPopulous | Kind::LeastPopulous => number(city.population.map(|p| p as f64)),
            Kind::Largest | Kind::Smallest => number(city.area_km2),
            Kind::Densest => number(city.density_per_km2()),
        }
    }
}

impl FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Kind, String> {
        let wanted = s.trim().to_lowercase();
        Kind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| format!("unknown record '{s}'"))
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A city holding a record, with its place among the leaders (1 = the record).
#[derive(Clone, Debug)]
pub struct Record<'c> {
    pub kind: Kind,
    pub rank: usize,
    pub measure: Measure,
    pub city: City<'c>,
}

/// The `top` leaders of each kind, in the order of `kinds`. Ties are broken by name so
/// the answer is always the same; a kind no city has a value for yields nothing.
pub fn compute<'c>(cities: &[City<'c>], kinds: &[Kind], top: usize) -> Vec<Record<'c>> {
    let mut leaders = Leaders::new(kinds, top);
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
    /// Per kind, the leaders so far, best first.
    held: Vec<Vec<(Measure, City<'a>)>>,
    /// Whether a kind ranks by distance: the costliest measure, made once per city.
    by_distance: bool,
}

impl<'a> Leaders<'a> {
    pub fn new(kinds: &[Kind], top: usize) -> Leaders<'a> {
        Leaders {
            kinds: kinds.to_vec(),
            top,
            held: vec![Vec::new(); kinds.len()],
            by_distance: kinds
                .iter()
                .any(|k| matches!(k, Kind::Nearest | Kind::Farthest)),
        }
    }

    fn offer(&mut self, k: usize, measure: Measure, city: &City<'a>) {
        let (kind, top, held) = (self.kinds[k], self.top, &mut self.held[k]);
        let entry = (measure, city);
        if held.len() == top
            && held
                .last()
                .is_some_and(|(m, c)| rank(kind, entry, (*m, c)).is_ge())
        {
            return;
        }
        let at = held.partition_point(|(m, c)| rank(kind, (*m, c), entry).is_le());
        held.insert(at, (measure, city.clone()));
        held.truncate(top);
    }

    /// The records, in the order of the kinds asked for.
    pub fn records(self) -> Vec<Record<'a>> {
        let mut records = Vec::new();
        for (kind, held) in self.kinds.into_iter().zip(self.held) {
            records.extend(
                held.into_iter()
                    .enumerate()
                    .map(|(i, (measure, city))| Record {
                        kind,
                        rank: i + 1,
                        measure,
                        city,
                    }),
            );
        }
        records
    }
}

impl<'a> Gather<'a> for Leaders<'a> {
    fn add(&mut self, city: City<'a>) {
        self.consider(&city);
    }

    fn join(&mut self, later: Self) {
        for (k, held) in later.held.into_iter().enumerate() {
            for (measure, city) in held {
                self.offer(k, measure, &city);
            }
        }
    }
}

impl<'a> Leaders<'a> {
    /// Makes `city` a leader of each kind it leads so far (a copy, where it does).
    fn consider(&mut self, city: &City<'a>) {
        let distance = self
            .by_distance
            .then(|| geo::from_krakow_km(city.lat, city.lon));
        for k in 0..self.kinds.len() {
            let measure = match (self.kinds[k], distance) {
                (Kind::Nearest | Kind::Farthest, Some(km)) => Some(Measure::Number(km)),
                (kind, _) => kind.measure(city),
            };
            if let Some(measure) = measure {
                self.offer(k, measure, city);
            }
        }
    }
}

/// Which of two entries ranks first for a kind of record: the better value, then the
/// name.
fn rank(kind: Kind, a: (Measure, &City), b: (Measure, &City)) -> Ordering {
    let by_value = if kind.largest_wins() {
        b.0.compare(&a.0)
    } else {
        a.0.compare(&b.0)
    };
    by_value.then_with(|| by_name(a.1, b.1))
}
