//! `--where`: a condition on any column of the column table, stored or computed, its
//! value read as the column's type (`population>1e6`, `signed<1990`, `capital=true`,
//! `agreement=twin-city`, `notes~sister`). Which operators a column takes follows from
//! its type alone, so a column added to the table takes them too.
//!
//! A value the data does not give satisfies no comparison, `!=` neither: `FIELD=?`
//! takes exactly those cities, `FIELD!=?` the others.

use std::str::FromStr;

use crate::city::{City, Date, fold};
use crate::columns::{Field, Type};
use crate::fields;
use crate::geo::Centre;
use crate::terminal::quote;
use crate::value::Value;

/// How a city's value is compared with the one given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    /// `~`: the text holds the one given, in any case, with or without diacritics.
    Contains,
}

/// Every operator as typed; one that begins another comes after it (`<=` before `<`).
const OPERATORS: &[(&str, Op)] = &[
    ("!=", Op::Ne),
    ("<=", Op::Le),
    (">=", Op::Ge),
    ("=", Op::Eq),
    ("<", Op::Lt),
    (">", Op::Gt),
    ("~", Op::Contains),
];

/// The characters an operator is made of: a field's name holds none of them.
const OPERATOR_CHARS: [char; 5] = ['=', '<', '>', '!', '~'];

impl Op {
    fn as_str(self) -> &'static str {
        OPERATORS
            .iter()
            .find(|(_, op)| *op == self)
            .map_or("", |(text, _)| text)
    }
}

/// The operators a type of value takes (`=?` and `!=?` besides, which every one does).
fn operators(ty: Type) -> &'static [Op] {
    match ty {
        Type::Integer | Type::Number | Type::Date => {
            &[Op::Eq, Op::Ne, Op::Lt, Op::Le, Op::Gt, Op::Ge]
        }
        Type::Text | Type::Prose | Type::List | Type::Choice(_) => &[Op::Eq, Op::Ne, Op::Contains],
        Type::Bool => &[Op::Eq, Op::Ne],
        // Sources are looked at with show --sources, not compared.
        Type::Provenance => &[],
    }
}

/// Whether `--where` compares values of this type (sources are listed, not compared).
pub fn compares(ty: Type) -> bool {
    !operators(ty).is_empty()
}

/// What a type of value is, for messages.
fn kind(ty: Type) -> &'static str {
    match ty {
        Type::Text | Type::Prose => "text",
        Type::List => "a list of texts",
        Type::Bool => "true or false",
        Type::Integer | Type::Number => "a number",
        Type::Date => "a date",
        Type::Choice(_) => "a name",
        Type::Provenance => "the sources of each value",
    }
}

/// One condition: a field, and what its value must be.
#[derive(Clone, Debug, PartialEq)]
pub struct Condition {
    field: Field,
    test: Test,
}

#[derive(Clone, Debug, PartialEq)]
enum Test {
    /// `=?`: no source gives the value.
    Unknown,
    /// `!=?`: a source gives it.
    Known,
    /// `~`: the text (or an item of the list) holds this, folded.
    Contains(String),
    /// Compared with a value of the field's type.
    Compare(Op, Wanted),
}

/// The value given, read as the field's type.
#[derive(Clone, Debug, PartialEq)]
enum Wanted {
    /// Text folded (no case, no diacritics): a text, an item of a list, a name.
    Text(String),
    Number(f64),
    Date(Date),
    Bool(bool),
}

/// The form of every condition, for messages.
const FORM: &str = "FIELD OP VALUE, OP one of = != < <= > >= ~, or FIELD=? for unknown values";

impl FromStr for Condition {
    type Err = String;

    fn from_str(typed: &str) -> Result<Condition, String> {
        let malformed = || format!("not a condition ({FORM})");
        let at = typed.find(OPERATOR_CHARS).ok_or_else(malformed)?;
        let (name, rest) = typed.split_at(at);
        let (text, op) = OPERATORS
            .iter()
            .find(|(text, _)| rest.starts_with(text))
            .ok_or_else(malformed)?;
        let (name, value) = (name.trim(), rest[text.len()..].trim());
        if name.is_empty() {
            return Err(format!("no field before {text} ({FORM})"));
        }
        let field = Field::from_key(name).ok_or_else(|| fields::CITIES.unknown(name).0)?;
        let column = field.column();
        let key = column.key;
        if operators(column.ty).is_empty() {
            return Err(format!(
                "{key} is {} and --where does not compare it (show CITY --sources lists them)",
                kind(column.ty)
            ));
        }
        let test = match (value, op) {
            ("?", Op::Eq) => Test::Unknown,
            ("?", Op::Ne) => Test::Known,
            ("?", _) => {
                return Err(format!(
                    "? (a value unknown) goes with = or != only: {key}=? or {key}!=?"
                ));
            }
            _ if !operators(column.ty).contains(op) => {
                return Err(format!(
                    "{key} is {} and takes {} (and =? or !=? for unknown values), not {text}",
                    kind(column.ty),
                    listed(operators(column.ty)),
                ));
            }
            ("", _) => {
                return Err(format!(
                    "no value after {text} ({key}{text}VALUE; {key}=? takes unknown values)"
                ));
            }
            (value, Op::Contains) => match fold(value) {
                // Every text holds nothing: a mark that folds away is a mistake.
                folded if folded.is_empty() => {
                    return Err(format!(
                        "'{}' after ~ is nothing to look for once case and diacritics are \
                         set aside",
                        quote(value)
                    ));
                }
                folded => Test::Contains(folded),
            },
            (value, op) => Test::Compare(*op, wanted(field, value)?),
        };
        Ok(Condition { field, test })
    }
}

/// Operators as a message lists them: "=, != or ~".
fn listed(ops: &[Op]) -> String {
    let names: Vec<&str> = ops.iter().map(|op| op.as_str()).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.join(""),
    }
}

/// The value given, read as `field`'s type, or what is wrong with it.
fn wanted(field: Field, text: &str) -> Result<Wanted, String> {
    let column = field.column();
    let wrong = |what: &str| {
        format!(
            "{} is {}: '{}' is not {what}",
            column.key,
            kind(column.ty),
            quote(text)
        )
    };
    match column.ty {
        Type::Text | Type::Prose | Type::List => Ok(Wanted::Text(fold(text))),
        Type::Provenance => Err(wrong("a value --where compares (see show --sources)")),
        Type::Integer | Type::Number => number(text)
            .map(Wanted::Number)
            .ok_or_else(|| wrong("a number (1e6, 1000000, 2.5)")),
        Type::Date => text
            .parse()
            .map(Wanted::Date)
            .map_err(|_| wrong("a date (YYYY-MM-DD, YYYY-MM or YYYY)")),
        Type::Bool => match text.to_ascii_lowercase().as_str() {
            "true" | "yes" => Ok(Wanted::Bool(true)),
            "false" | "no" => Ok(Wanted::Bool(false)),
            _ => Err(wrong("true or false")),
        },
        Type::Choice(names) => names
            .iter()
            .find(|name| name.eq_ignore_ascii_case(text))
            .map(|name| Wanted::Text(fold(name)))
            .ok_or_else(|| crate::error::UsageError::unknown(column.key, text, names).0),
    }
}

/// A finite number, its digits perhaps grouped as tables group them (`1 000 000`,
/// `1_000_000`).
fn number(text: &str) -> Option<f64> {
    let plain: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '\u{a0}' | '\u{202f}'))
        .collect();
    plain.parse::<f64>().ok().filter(|x| x.is_finite())
}

impl Condition {
    /// Whether `city`'s value satisfies the condition, distances and bearings measured
    /// from `centre`.
    pub fn holds(&self, city: &City, centre: &Centre) -> bool {
        let value = self.field.value(city, centre);
        match &self.test {
            Test::Unknown => value.is_unknown(),
            Test::Known => !value.is_unknown(),
            // An unknown value satisfies no comparison, `!=` neither.
            _ if value.is_unknown() => false,
            Test::Contains(wanted) => texts(&value).any(|t| fold(t).contains(wanted.as_str())),
            Test::Compare(op, wanted) => compare(*op, &value, wanted),
        }
    }
}

/// The texts a value holds: a text, or a list's items.
fn texts<'v>(value: &'v Value) -> Box<dyn Iterator<Item = &'v str> + 'v> {
    match value {
        Value::Text(text) => Box::new(std::iter::once(&**text)),
        Value::List(items) => Box::new(items.iter().map(|i| &**i)),
        _ => Box::new(std::iter::empty()),
    }
}

/// Whether a known value compares with the one given as `op` says.
fn compare(op: Op, value: &Value, wanted: &Wanted) -> bool {
    match wanted {
        // A list equals a text when one of its items does, and differs when none does.
        Wanted::Text(wanted) => {
            let equal = texts(value).any(|t| fold(t) == *wanted);
            match op {
                Op::Eq => equal,
                Op::Ne => !equal,
                _ => false,
            }
        }
        Wanted::Number(wanted) => value.as_number().is_some_and(|x| match op {
            Op::Eq => x == *wanted,
            Op::Ne => x != *wanted,
            Op::Lt => x < *wanted,
            Op::Le => x <= *wanted,
            Op::Gt => x > *wanted,
            Op::Ge => x >= *wanted,
            Op::Contains => false,
        }),
        Wanted::Date(wanted) => match value {
            Value::Date(date) => surely(op, *date, *wanted),
            _ => false,
        },
        Wanted::Bool(wanted) => match (value, op) {
            (Value::Bool(b), Op::Eq) => b == wanted,
            (Value::Bool(b), Op::Ne) => b != wanted,
            _ => false,
        },
    }
}

/// Whether every day `date` may mean stands so to the span `wanted` stands for (a year
/// or month is every day of it): `<` before its first day, `<=` by its last, `>` after
/// its last, `>=` from its first, `=` within it, `!=` outside it. `1996` is not `<
/// 1996-06`, nor `>=` it; `1996-03-02` is `= 1996`.
fn surely(op: Op, date: Date, wanted: Date) -> bool {
    let (first, last) = (date.first_day(), date.last_day());
    match op {
        Op::Lt => last < wanted.first_day(),
        Op::Le => last <= wanted.last_day(),
        Op::Gt => first > wanted.last_day(),
        Op::Ge => first >= wanted.first_day(),
        Op::Eq => first >= wanted.first_day() && last <= wanted.last_day(),
        Op::Ne => last < wanted.first_day() || first > wanted.last_day(),
        Op::Contains => false,
    }
}

/// All conditions hold.
pub fn all_hold(conditions: &[Condition], city: &City, centre: &Centre) -> bool {
    conditions.iter().all(|c| c.holds(city, centre))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::city::{Agreement, Continent};

    fn city() -> City<'static> {
        City {
            name: "Košice".into(),
            aliases: ["Kassa", "Kaschau"].into_iter().collect(),
            country: Some("Slovakia".into()),
            continent: Some(Continent::Europe),
            capital: Some(false),
            agreement: Some(Agreement::None),
            signed: Some("1996".parse().unwrap()),
            lat: 48.7208,
            lon: 21.2575,
            population: Some(229_040),
            notes: Some("Cooperation without a signed document.".into()),
            ..City::blank()
        }
    }

    fn holds(condition: &str) -> bool {
        let condition: Condition = condition.parse().unwrap();
        condition.holds(&city(), &Centre::krakow())
    }

    fn refused(condition: &str) -> String {
        condition.parse::<Condition>().unwrap_err()
    }

    #[test]
    fn numbers_compare_with_every_operator() {
        for (condition, expected) in [
            ("population=229040", true),
            ("population!=229040", false),
            ("population<2.3e5", true),
            ("population<=229040", true),
            ("population>229 040", false),
            ("population>=229_040", true),
            ("population > 1e5", true),
            ("bearing_deg>90", true),
        ] {
            assert_eq!(holds(condition), expected, "{condition}");
        }
        // A computed value compares as written (to 0.1 km), whatever the digits beyond.
        let km = crate::geo::from_krakow_km(city().lat, city().lon);
        let written = Value::rounded(km).plain();
        assert_ne!(km.to_string(), written);
        assert!(holds(&format!("distance_km={written}")));
        assert!(holds(&format!("distance_km<={written}")));
        assert!(!holds(&format!("distance<{written}")));
    }

    #[test]
    fn partial_dates_compare_surely() {
        for (condition, expected) in [
            ("signed=1996", true),
            ("signed!=1996", false),
            ("signed!=1997", true),
            ("signed<1997", true),
            ("signed<1996-12-31", false),
            ("signed<=1996", true),
            ("signed<=1996-06", false),
            ("signed>1995", true),
            ("signed>1995-06-30", true),
            ("signed>1996-01-01", false),
            ("signed>=1996-01-01", true),
            ("signed>=1996-01-02", false),
            ("signed=1996-03", false),
            ("signed!=1996-03", false),
        ] {
            assert_eq!(holds(condition), expected, "{condition}");
        }
    }

    #[test]
    fn texts_lists_names_and_booleans() {
        for (condition, expected) in [
            ("name=KOSICE", true),
            ("name!=kosice", false),
            ("name~OSI", true),
            ("name~x", false),
            ("country=slovakia", true),
            ("aliases=kassa", true),
            ("aliases!=kassa", false),
            ("aliases!=pressburg", true),
            ("aliases~schau", true),
            ("notes~SIGNED doc", true),
            ("continent=Europe", true),
            ("continent!=asia", true),
            ("agreement=none", true),
            ("agreement~twin", false),
            ("bearing=SE", true),
            ("capital=false", true),
            ("capital=no", true),
            ("capital!=true", true),
        ] {
            assert_eq!(holds(condition), expected, "{condition}");
        }
    }

    #[test]
    fn an_unknown_value_satisfies_no_comparison() {
        for condition in [
            "elevation_m<0",
            "elevation_m>=0",
            "elevation_m!=3",
            "status!=ended",
            "status~a",
            "name_pl!=x",
            "sources~http",
            "status_since<=9999",
            "density!=1",
        ] {
            assert!(!holds(condition), "{condition}");
        }
        for (condition, expected) in [
            ("elevation=?", true),
            ("elevation!=?", false),
            ("sources=?", true),
            ("aliases=?", false),
            ("population=?", false),
            ("population!=?", true),
        ] {
            assert_eq!(holds(condition), expected, "{condition}");
        }
    }

    #[test]
    fn the_centre_measures_computed_values() {
        let condition: Condition = "distance_km<1".parse().unwrap();
        let kosice = city();
        assert!(!condition.holds(&kosice, &Centre::krakow()));
        assert!(condition.holds(&kosice, &Centre::of(&kosice)));
    }

    #[test]
    fn refusals_say_what_is_allowed() {
        let err = refused("popualtion>1");
        assert!(err.contains("did you mean population?"), "{err}");
        let err = refused("country<G");
        assert!(
            err.contains("country is text and takes =, != or ~"),
            "{err}"
        );
        let err = refused("aliases>=a");
        assert!(err.contains("a list of texts"), "{err}");
        let err = refused("capital<true");
        assert!(err.contains("takes = or !="), "{err}");
        let err = refused("population~1");
        assert!(err.contains("takes =, !=, <, <=, > or >="), "{err}");
        let err = refused("population>many");
        assert!(err.contains("'many' is not a number"), "{err}");
        assert!(refused("population>inf").contains("not a number"));
        let err = refused("signed<soon");
        assert!(err.contains("'soon' is not a date"), "{err}");
        let err = refused("capital=maybe");
        assert!(err.contains("'maybe' is not true or false"), "{err}");
        let err = refused("agreement=twin-cty");
        assert!(err.contains("did you mean twin-city?"), "{err}");
        assert!(err.contains("valid: twin-city, partnership"), "{err}");
        for malformed in ["population", "population 1e6", "", "=3", "name!x"] {
            assert!(refused(malformed).contains("FIELD OP VALUE"), "{malformed}");
        }
        assert!(refused("population>").contains("no value after >"));
        assert!(refused("name~\u{202e}").contains("nothing to look for"));
        assert!(refused("population<?").contains("goes with = or !="));
    }
}
