//! `distance --pairs` and `distance --matrix`: the distance between every two of a few
//! places, and how each answer reads as a grid. Places are taken in name order, so a
//! pair runs from the one first by name to the other and ties are always broken the
//! same way.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::io;

use crate::answer::LEG_COLUMNS;
use crate::city::{City, fold};
use crate::geo;
use crate::render::{Col, Emit, Grid, Rows, Shape};
use crate::value::Value;

/// The most places measured between: a thousand make half a million pairs, and a
/// matrix of a million distances.
pub const MOST: usize = 1000;

/// A place to measure between: a partner city, or Kraków itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub name: String,
    /// Its country's code (else name), to tell apart places of one name.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
}

impl Place {
    pub fn of(city: &City) -> Place {
        Place {
            name: city.name.to_string(),
            country: city
                .country_code
                .as_deref()
                .unwrap_or(city.country_shown())
                .to_string(),
            lat: city.lat,
            lon: city.lon,
        }
    }

    pub fn krakow() -> Place {
        Place {
            name: "Kraków".into(),
            country: String::new(),
            lat: geo::KRAKOW.0,
            lon: geo::KRAKOW.1,
        }
    }

    fn point(&self) -> (f64, f64) {
        (self.lat, self.lon)
    }
}

/// Sorts places by name, ignoring case and diacritics (then as written, then by
/// country), as lists of cities are sorted.
fn by_name(places: &mut [Place]) {
    places.sort_by_cached_key(|p| (fold(&p.name), p.name.clone(), p.country.clone()));
}

/// Each place's name as a column or a row shows it: the name, with its country where
/// another place has that name too (`Paris, FR`), as the tool takes it back.
fn labels(places: &[Place]) -> Vec<String> {
    places
        .iter()
        .map(|p| {
            let namesakes = places.iter().filter(|o| fold(&o.name) == fold(&p.name));
            match namesakes.count() {
                1 => p.name.clone(),
                _ if p.country.is_empty() => p.name.clone(),
                _ => format!("{}, {}", p.name, p.country),
            }
        })
        .collect()
}

/// Every two places, nearest first.
pub struct Pairs {
    places: Vec<Place>,
    labels: Vec<String>,
    /// The distance, and the two places (the first by name first).
    pairs: Vec<(f64, u32, u32)>,
}

impl Pairs {
    /// Every two of `places` (at most [`MOST`]), nearest first, ties by the names of
    /// the first place and then the second; at most `limit` of them.
    pub fn new(mut places: Vec<Place>, limit: Option<usize>) -> Pairs {
        by_name(&mut places);
        let index = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        let mut pairs = Vec::with_capacity(places.len() * places.len().saturating_sub(1) / 2);
        for (i, a) in places.iter().enumerate() {
            for (j, b) in places.iter().enumerate().skip(i + 1) {
                pairs.push((geo::km(a.point(), b.point()), index(i), index(j)));
            }
        }
        let order = |a: &(f64, u32, u32), b: &(f64, u32, u32)| -> Ordering {
            a.0.total_cmp(&b.0).then((a.1, a.2).cmp(&(b.1, b.2)))
        };
        match limit {
            Some(limit) if limit < pairs.len() => {
                // Only the nearest are sorted.
                if limit > 0 {
                    pairs.select_nth_unstable_by(limit - 1, order);
                }
                pairs.truncate(limit);
            }
            _ => {}
        }
        pairs.sort_unstable_by(order);
        Pairs {
            labels: labels(&places),
            places,
            pairs,
        }
    }

    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// The pairs as a grid of legs (`distance`'s own columns).
    pub fn grid(&self) -> Grid<'_> {
        Grid {
            shape: Shape::List,
            columns: LEG_COLUMNS.to_vec(),
            rows: Box::new(self),
        }
    }
}

impl Rows for &Pairs {
    fn len(&self) -> usize {
        self.pairs.len()
    }

    fn row(&self, i: usize, emit: &mut Emit) -> io::Result<()> {
        let (km, from, to) = self.pairs[i];
        let (from, to) = (from as usize, to as usize);
        let (_, bearing) =
            geo::distance_and_bearing(self.places[from].point(), self.places[to].point());
        let cells = [
            Value::Text(Cow::Borrowed(&self.labels[from])),
            Value::Text(Cow::Borrowed(&self.labels[to])),
            Value::rounded(km),
            bearing.map_or(Value::Unknown, Value::rounded),
            bearing.map_or(Value::Unknown, |b| Value::Text(geo::compass(b).into())),
        ];
        emit(&cells, None)
    }
}

/// The distance between every two places, as a square: a row and a column a place.
pub struct Matrix {
    labels: Vec<String>,
    /// Row by row.
    km: Vec<f64>,
}

impl Matrix {
    /// The matrix of `places` (at most [`MOST`]), in name order.
    pub fn new(mut places: Vec<Place>) -> Matrix {
        by_name(&mut places);
        let n = places.len();
        let mut km = vec![0.0; n * n];
        for i in 0..n {
            for j in i + 1..n {
                let d = geo::km(places[i].point(), places[j].point());
                km[i * n + j] = d;
                km[j * n + i] = d;
            }
        }
        Matrix {
            labels: labels(&places),
            km,
        }
    }

    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// The matrix as a grid: the row's place (`city`), then a column a place, nested
    /// in JSON as `distance_km` (`{"city": "Kyoto", "distance_km": {"Kyoto": 0, …}}`).
    pub fn grid(&self) -> Grid<'_> {
        let mut columns = vec![Col::new("city", "City", false)];
        columns.extend(self.labels.iter().map(|label| Col {
            key: label.clone().into(),
            header: label.clone().into(),
            nest: Some("distance_km"),
            ..Col::new("", "", true)
        }));
        Grid {
            shape: Shape::List,
            columns,
            rows: Box::new(self),
        }
    }
}

impl Rows for &Matrix {
    fn len(&self) -> usize {
        self.labels.len()
    }

    fn row(&self, i: usize, emit: &mut Emit) -> io::Result<()> {
        let n = self.labels.len();
        let mut cells = Vec::with_capacity(n + 1);
        cells.push(Value::Text(Cow::Borrowed(&self.labels[i])));
        cells.extend(
            self.km[i * n..(i + 1) * n]
                .iter()
                .map(|&d| Value::rounded(d)),
        );
        emit(&cells, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, country: &str, lat: f64, lon: f64) -> Place {
        Place {
            name: name.into(),
            country: country.into(),
            lat,
            lon,
        }
    }

    #[test]
    fn pairs_come_nearest_first_each_once() {
        let places = vec![
            place("Zagreb", "HR", 45.81, 15.98),
            place("Vienna", "AT", 48.21, 16.37),
            place("Bratislava", "SK", 48.15, 17.11),
        ];
        let pairs = Pairs::new(places.clone(), None);
        assert_eq!(pairs.len(), 3);
        let first = pairs.pairs[0];
        // Bratislava to Vienna, about 55 km, from the first by name.
        assert_eq!((first.1, first.2), (0, 1));
        assert!((first.0 - 55.0).abs() < 5.0, "{first:?}");
        assert!(pairs.pairs.windows(2).all(|w| w[0].0 <= w[1].0));
        let nearest = Pairs::new(places, Some(1));
        assert_eq!(nearest.pairs, pairs.pairs[..1]);
    }

    #[test]
    fn a_matrix_is_square_symmetric_and_zero_on_its_diagonal() {
        let places = vec![
            place("Paris", "US", 33.66, -95.56),
            place("Paris", "FR", 48.86, 2.35),
            place("Kraków", "", 50.06, 19.94),
        ];
        let matrix = Matrix::new(places);
        assert_eq!(matrix.labels, ["Kraków", "Paris, FR", "Paris, US"]);
        let n = matrix.len();
        for i in 0..n {
            assert_eq!(matrix.km[i * n + i], 0.0);
            for j in 0..n {
                assert_eq!(matrix.km[i * n + j], matrix.km[j * n + i]);
            }
        }
    }
}
