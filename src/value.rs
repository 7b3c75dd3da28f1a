//! One value of one column of one city, and how it reads in each kind of output:
//! plain for CSV and TSV, pretty for people, typed for JSON.

use std::borrow::Cow;
use std::cmp::Ordering;

use crate::city::Date;

/// What stands between a list's items where people read them ("Kiev; Kiew"): tables
/// wrap a list only after it, never inside an item.
pub const LIST_SEPARATOR: &str = "; ";

/// One value, borrowed from the city where it can be.
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
    /// Keys, each with a list of texts: a city's provenance, each field with the URLs
    /// of its sources. An object in JSON, compact JSON text in CSV and TSV.
    Map(Vec<(&'static str, Vec<Cow<'a, str>>)>),
}

impl Value<'_> {
    /// A measured number, written in full.
    pub fn number(value: f64) -> Value<'static> {
        Value::Number {
            value: unsigned_zero(value),
            decimals: None,
        }
    }

    /// A computed number, written to one decimal place.
    pub fn rounded(value: f64) -> Value<'static> {
        Value::Number {
            value: unsigned_zero(value),
            decimals: Some(1),
        }
    }

    /// A count (residents, cities). Counts are at most 2^53 (the loader's rule), well
    /// within an `i64`.
    pub fn count(n: impl TryInto<i64>) -> Value<'static> {
        n.try_into().map_or(Value::Unknown, Value::Integer)
    }

    /// Texts as a list.
    pub fn list<S: AsRef<str>>(texts: &[S]) -> Value<'_> {
        Value::List(texts.iter().map(|t| Cow::Borrowed(t.as_ref())).collect())
    }

    /// A number as every format writes it (a computed one rounded as it is written),
    /// so what is compared or summed is what people and programs read; none for any
    /// other value.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            // Counts are at most 2^53 (the loader's rule): exact as f64.
            #[allow(clippy::cast_precision_loss)]
            Value::Integer(n) => Some(*n as f64),
            Value::Number { value, decimals } => {
                Some(decimals.map_or(*value, |d| round(*value, d)))
            }
            _ => None,
        }
    }

    /// Whether no source gives the value: unknown, or a list of no items.
    pub fn is_unknown(&self) -> bool {
        match self {
            Value::Unknown => true,
            Value::List(items) => items.is_empty(),
            _ => false,
        }
    }

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
            // Written as JSON writes it, so a number reads the same in every format.
            Value::Number { value, decimals } => match Written::of(*value, *decimals) {
                Written::Whole(n) => write!(text, "{n}"),
                // The shortest text that reads back as the same number, as in JSON.
                Written::Fraction(x) => text.write_str(zmij::Buffer::new().format(x)),
            },
            Value::Date(d) => write!(text, "{d}"),
            // A map of texts always serialises.
            Value::Map(_) => {
                text.push_str(&serde_json::to_string(self).unwrap_or_default());
                Ok(())
            }
        };
    }

    /// Text for people: unknowns as a dash, large numbers grouped by thousands.
    pub fn pretty(&self) -> String {
        match self {
            Value::Unknown => "-".into(),
            Value::List(items) if items.is_empty() => "-".into(),
            Value::List(items) => items.join(LIST_SEPARATOR),
            Value::Map(entries) if entries.is_empty() => "-".into(),
            Value::Map(entries) => {
                let entries: Vec<String> = entries
                    .iter()
                    .map(|(key, items)| format!("{key}: {}", items.join(" ")))
                    .collect();
                entries.join(LIST_SEPARATOR)
            }
            Value::Bool(true) => "yes".into(),
            Value::Bool(false) => "no".into(),
            Value::Integer(n) if n.unsigned_abs() >= 10_000 => group_thousands(&n.to_string()),
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
            Value::Map(entries) => Value::Map(
                entries
                    .into_iter()
                    .map(|(key, items)| {
                        let items = items.into_iter().map(|i| Cow::Owned(i.into_owned()));
                        (key, items.collect())
                    })
                    .collect(),
            ),
        }
    }

    /// Orders values of one field for sorting (texts as they are: fold them first to
    /// ignore case and diacritics). Values of different kinds never meet: one field
    /// has one kind, and unknowns are ordered by the caller.
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

/// Values write themselves as JSON without an intermediate tree: unknowns `null`,
/// lists arrays, whole numbers without a fraction (3399, not 3399.0).
impl serde::Serialize for Value<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Unknown => s.serialize_none(),
            Value::Text(t) => s.serialize_str(t),
            Value::List(items) => s.collect_seq(items.iter()),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Integer(n) => s.serialize_i64(*n),
            Value::Number { value, decimals } => match Written::of(*value, *decimals) {
                Written::Whole(n) => s.serialize_i64(n),
                Written::Fraction(x) => s.serialize_f64(x),
            },
            Value::Date(d) => s.collect_str(d),
            Value::Map(entries) => s.collect_map(entries.iter().map(|(k, v)| (k, v))),
        }
    }
}

/// A number as every format writes it: rounded once (so 177.25 is 177.3 everywhere),
/// then a whole number where it is one small enough to be exact (3399, not 3399.0).
enum Written {
    Whole(i64),
    Fraction(f64),
}

impl Written {
    fn of(value: f64, decimals: Option<u8>) -> Written {
        const EXACT: f64 = 1e15;
        let value = decimals.map_or(value, |d| round(value, d));
        #[allow(clippy::cast_possible_truncation)]
        if value.fract() == 0.0 && value.abs() < EXACT {
            Written::Whole(value as i64)
        } else {
            Written::Fraction(value)
        }
    }
}

/// Rounds to `decimals` places (never to `-0`).
pub fn round(value: f64, decimals: u8) -> f64 {
    let scale = 10f64.powi(decimals.into());
    unsigned_zero((value * scale).round() / scale)
}

/// Zero without a sign: `-0` reads as a number below zero.
fn unsigned_zero(value: f64) -> f64 {
    if value == 0.0 { 0.0 } else { value }
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
    fn numbers_print_for_people_and_for_programs() {
        assert_eq!(group_thousands("12605"), "12 605");
        assert_eq!(group_thousands("9314685"), "9 314 685");
        assert_eq!(group_thousands("-1000"), "-1 000");
        let distance = Value::rounded(177.84);
        assert_eq!(distance.plain(), "177.8");
        assert_eq!(distance.pretty(), "178");
        assert_eq!(serde_json::to_string(&distance).unwrap(), "177.8");
        assert_eq!(
            serde_json::to_string(&Value::number(3399.0)).unwrap(),
            "3399"
        );
        assert_eq!(Value::Unknown.pretty(), "-");
        // The same in TSV, CSV and JSON.
        assert_eq!(Value::rounded(293.01).plain(), "293");
        assert_eq!(Value::number(3399.0).plain(), "3399");
        assert_eq!(Value::number(-0.0).plain(), "0");
        assert_eq!(Value::rounded(-0.04).plain(), "0");
        assert_eq!(Value::number(1e20).plain(), "1e+20");
        assert_eq!(
            serde_json::to_string(&Value::number(1e20)).unwrap(),
            "1e+20"
        );
        assert_eq!(serde_json::to_string(&Value::Unknown).unwrap(), "null");
    }

    #[test]
    fn counts_beyond_i64_are_unknown_not_negative() {
        assert_eq!(Value::count(u64::MAX), Value::Unknown);
        assert_eq!(Value::count(42u64), Value::Integer(42));
    }
}
