//! `stats --of`: a numeric field summed up over a group of cities as a file is read:
//! how many give the value, its sum, mean, median, least and most, and the cities at
//! the least and the most. A city whose value is unknown takes no part (it is counted
//! in the group, not in `known`); a value is taken as every format writes it (a
//! computed distance to 0.1 km), so the answer is what a reader of the cities' own
//! values would work out.
//!
//! The median needs every value of the group, so the values are kept (a number each,
//! not the cities); the cities at the least and most are kept by name, every one tied
//! there.

use std::cmp::Ordering;

use crate::groups::Member;
use crate::value::Value;

/// A numeric field over the cities of one group, so far.
#[derive(Default)]
pub struct Tally<'a> {
    /// The values known, as written.
    values: Vec<f64>,
    /// The sum of whole numbers, exact however many.
    whole: i128,
    /// The sum of measured numbers, with the compensation that keeps it exact to the
    /// last place (Neumaier's).
    measured: f64,
    lost: f64,
    /// Whether the field holds whole numbers (counts, years).
    integer: bool,
    least: Option<Extreme<'a>>,
    most: Option<Extreme<'a>>,
}

/// The least or most value so far, as written, and the cities that have it.
struct Extreme<'a> {
    number: f64,
    value: Value<'static>,
    cities: Vec<Member<'a>>,
}

impl<'a> Tally<'a> {
    /// Adds a city's value (an unknown one is left out).
    pub fn add(&mut self, value: &Value, city: impl Fn() -> Member<'a>) {
        let Some(number) = value.as_number() else {
            return;
        };
        self.values.push(number);
        match value {
            Value::Integer(n) => {
                self.integer = true;
                self.whole += i128::from(*n);
            }
            _ => self.add_measured(number),
        }
        for (slot, wanted) in [
            (&mut self.least, Ordering::Less),
            (&mut self.most, Ordering::Greater),
        ] {
            match slot {
                Some(held) => match number.total_cmp(&held.number) {
                    Ordering::Equal => held.cities.push(city()),
                    order if order == wanted => {
                        *slot = Some(Extreme {
                            number,
                            value: value.clone().into_owned(),
                            cities: vec![city()],
                        });
                    }
                    _ => {}
                },
                None => {
                    *slot = Some(Extreme {
                        number,
                        value: value.clone().into_owned(),
                        cities: vec![city()],
                    });
                }
            }
        }
    }

    fn add_measured(&mut self, number: f64) {
        let sum = self.measured + number;
        self.lost += if self.measured.abs() >= number.abs() {
            (self.measured - sum) + number
        } else {
            (number - sum) + self.measured
        };
        self.measured = sum;
    }

    /// Adds what was gathered from a later part of the file.
    pub fn join(&mut self, later: Tally<'a>) {
        self.values.extend(later.values);
        self.whole += later.whole;
        self.integer |= later.integer;
        self.add_measured(later.measured);
        self.lost += later.lost;
        for (slot, other, wanted) in [
            (&mut self.least, later.least, Ordering::Less),
            (&mut self.most, later.most, Ordering::Greater),
        ] {
            let Some(other) = other else { continue };
            match slot {
                Some(held) => match other.number.total_cmp(&held.number) {
                    Ordering::Equal => held.cities.extend(other.cities),
                    order if order == wanted => *slot = Some(other),
                    _ => {}
                },
                None => *slot = Some(other),
            }
        }
    }

    /// The summary, once every city is in.
    pub fn summary(self) -> Summary<'a> {
        let known = self.values.len();
        let mut values = self.values;
        values.sort_unstable_by(f64::total_cmp);
        let median = match known {
            0 => None,
            n if n % 2 == 1 => Some(values[n / 2]),
            n => Some(values[n / 2 - 1] / 2.0 + values[n / 2] / 2.0),
        };
        let sum = (known > 0).then(|| match self.integer {
            true => i64::try_from(self.whole).map_or_else(
                // Beyond what a JSON reader holds exactly: a measure, not a count.
                #[allow(clippy::cast_precision_loss)]
                |_| Value::number(self.whole as f64),
                Value::Integer,
            ),
            false => computed(self.measured + self.lost),
        });
        #[allow(clippy::cast_precision_loss)]
        let mean = (known > 0).then(|| {
            let total = match self.integer {
                true => self.whole as f64,
                false => self.measured + self.lost,
            };
            computed(total / known as f64)
        });
        let sorted = |extreme: Option<Extreme<'a>>| {
            extreme.map(|mut e| {
                e.cities.sort_unstable();
                (e.value, e.cities.into_iter().map(|m| m.name).collect())
            })
        };
        Summary {
            known,
            sum,
            mean,
            median: median.map(computed),
            least: sorted(self.least),
            most: sorted(self.most),
        }
    }
}

/// A number the tool works out from the data's: to two decimal places.
fn computed(value: f64) -> Value<'static> {
    Value::Number {
        value: crate::value::round(value, 2),
        decimals: Some(2),
    }
}

/// A numeric field over a group: how many give it, and what they give. Everything is
/// `None` where none does (a sum of no values is not 0: it is unknown).
#[derive(Clone, Debug, PartialEq)]
pub struct Summary<'a> {
    pub known: usize,
    pub sum: Option<Value<'static>>,
    pub mean: Option<Value<'static>>,
    pub median: Option<Value<'static>>,
    /// The least value as written, and every city that has it, by name.
    pub least: Option<(Value<'static>, Vec<std::borrow::Cow<'a, str>>)>,
    /// The most.
    pub most: Option<(Value<'static>, Vec<std::borrow::Cow<'a, str>>)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::Read;

    fn member(name: &'static str) -> impl Fn() -> Member<'static> {
        move || {
            let city = crate::city::City {
                name: name.into(),
                ..crate::city::City::blank()
            };
            let folded = crate::city::fold(name);
            Member::of(&Read {
                city,
                at: 0,
                folded: &folded,
                line: 1,
                item: None,
            })
        }
    }

    #[test]
    fn counts_sum_exactly_and_ties_name_every_city() {
        let mut tally = Tally::default();
        for (n, name) in [(3, "c"), (1, "b"), (3, "a"), (2, "d")] {
            tally.add(&Value::Integer(n), member(name));
        }
        tally.add(&Value::Unknown, member("e"));
        let summary = tally.summary();
        assert_eq!(summary.known, 4);
        assert_eq!(summary.sum, Some(Value::Integer(9)));
        assert_eq!(summary.mean.unwrap().plain(), "2.25");
        assert_eq!(summary.median.unwrap().plain(), "2.5");
        let (least, at) = summary.least.unwrap();
        assert_eq!((least, at), (Value::Integer(1), vec!["b".into()]));
        let (most, at) = summary.most.unwrap();
        assert_eq!(most, Value::Integer(3));
        assert_eq!(at, ["a", "c"]);
    }

    #[test]
    fn parts_join_as_one() {
        let values = [177.2, 12_572.4, 293.0, 0.1, 177.2];
        let mut whole = Tally::default();
        for v in values {
            whole.add(&Value::rounded(v), member("x"));
        }
        let mut first = Tally::default();
        let mut later = Tally::default();
        for v in &values[..2] {
            first.add(&Value::rounded(*v), member("x"));
        }
        for v in &values[2..] {
            later.add(&Value::rounded(*v), member("x"));
        }
        first.join(later);
        let (a, b) = (whole.summary(), first.summary());
        assert_eq!(a, b);
        assert_eq!(a.sum.unwrap().plain(), "13219.9");
        assert_eq!(a.median.unwrap().plain(), "177.2");
        assert_eq!(a.least.unwrap().0.plain(), "0.1");
    }

    #[test]
    fn nothing_known_is_unknown_not_zero() {
        let mut tally = Tally::default();
        tally.add(&Value::Unknown, member("a"));
        let summary = tally.summary();
        assert_eq!(summary.known, 0);
        assert!(summary.sum.is_none() && summary.mean.is_none() && summary.median.is_none());
        assert!(summary.least.is_none() && summary.most.is_none());
    }
}
