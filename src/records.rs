//! Superlatives: the nearest, oldest, highest… of a set of cities.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use crate::city::{City, Date};
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
    pub city: &'c City<'c>,
}

/// The `top` leaders of each kind, in the order of `kinds`. Ties are broken by name so
/// the answer is always the same; a kind no city has a value for yields nothing.
pub fn compute<'c>(cities: &'c [City], kinds: &[Kind], top: usize) -> Vec<Record<'c>> {
    // Distances cost the most: work them out once, and only when a record needs them.
    let by_distance = kinds
        .iter()
        .any(|k| matches!(k, Kind::Nearest | Kind::Farthest));
    let distances = if by_distance {
        geo::distances_from_krakow(cities)
    } else {
        Vec::new()
    };
    let mut records = Vec::new();
    for &kind in kinds {
        // The leaders so far, best first; one pass, never a sort of every city.
        let mut leaders: Vec<(Measure, &City)> = Vec::with_capacity(top + 1);
        for (i, city) in cities.iter().enumerate() {
            let measure = match kind {
                Kind::Nearest | Kind::Farthest => Some(Measure::Number(distances[i])),
                _ => kind.measure(city),
            };
            let Some(measure) = measure else {
                continue;
            };
            let entry = (measure, city);
            if leaders.len() == top
                && leaders
                    .last()
                    .is_some_and(|last| rank(kind, &entry, last).is_ge())
            {
                continue;
            }
            let at = leaders.partition_point(|held| rank(kind, held, &entry).is_le());
            leaders.insert(at, entry);
            leaders.truncate(top);
        }
        records.extend(
            leaders
                .into_iter()
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

/// Which of two entries ranks first for a kind of record: the better value, then the
/// name.
fn rank(kind: Kind, a: &(Measure, &City), b: &(Measure, &City)) -> Ordering {
    let by_value = if kind.largest_wins() {
        b.0.compare(&a.0)
    } else {
        a.0.compare(&b.0)
    };
    by_value.then_with(|| by_name(a.1, b.1))
}
