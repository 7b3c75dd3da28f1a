//! Choosing cities: the filters shared by every command, and sorting.

use std::cmp::Ordering;

use crate::city::{Agreement, City, Continent, Date, Status, fold};
use crate::error::UsageError;
use crate::fields::{Field, Value};

/// Which cities a command works on. Several values of one filter are alternatives;
/// different filters must all hold.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub continents: Vec<Continent>,
    /// Country names or ISO codes, as the user typed them.
    pub countries: Vec<String>,
    pub agreements: Vec<Agreement>,
    /// The statuses wanted; empty means active only.
    pub statuses: Vec<Status>,
    /// Every status, ignoring `statuses`.
    pub all: bool,
    /// Only capitals.
    pub capital: bool,
    /// Text to find in any name or alias, ignoring case and diacritics.
    pub search: Option<String>,
    /// The partnerships as they stood on this date.
    pub as_of: Option<Date>,
}

impl Filter {
    /// The cities that pass, as they stood on the `--as-of` date, in data order. Takes
    /// the cities, so none is copied.
    pub fn apply<'a>(&self, cities: Vec<City<'a>>) -> Result<Vec<City<'a>>, UsageError> {
        let countries = self.country_codes(&cities)?;
        let search = self.search.as_deref().map(fold);
        let statuses: &[Status] = match (self.all, self.statuses.is_empty()) {
            (true, _) => Status::ALL,
            (false, true) => &[Status::Active],
            (false, false) => &self.statuses,
        };
        let chosen = cities
            .into_iter()
            .filter_map(|city| match self.as_of {
                Some(date) => city.as_of(date),
                None => Some(city),
            })
            .filter(|c| statuses.contains(&c.status))
            .filter(|c| self.continents.is_empty() || self.continents.contains(&c.continent))
            .filter(|c| {
                countries.is_empty() || countries.iter().any(|code| *code == c.country_code)
            })
            .filter(|c| self.agreements.is_empty() || self.agreements.contains(&c.agreement))
            .filter(|c| !self.capital || c.capital)
            .filter(|c| match &search {
                Some(text) => c.all_names().any(|n| fold(n).contains(text.as_str())),
                None => true,
            })
            .collect();
        Ok(chosen)
    }

    /// The ISO codes of the `--country` values, each matched by name or code against
    /// the countries in the data.
    fn country_codes(&self, cities: &[City]) -> Result<Vec<String>, UsageError> {
        let mut codes = Vec::new();
        for wanted in &self.countries {
            let folded = fold(wanted.trim());
            let found = cities.iter().find(|c| {
                fold(&c.country) == folded || c.country_code.eq_ignore_ascii_case(wanted.trim())
            });
            match found {
                Some(city) => codes.push(city.country_code.to_string()),
                None => {
                    let mut known: Vec<&str> = cities.iter().map(|c| &*c.country).collect();
                    known.sort();
                    known.dedup();
                    return Err(UsageError::unknown("country", wanted, &known));
                }
            }
        }
        Ok(codes)
    }
}

/// Sorts cities by a field; unknown values go last in either direction, and ties are
/// broken by name so the order is always the same.
pub fn sort(cities: &mut Vec<City>, field: Field, descending: bool) {
    // Each city's key is worked out once (text folded for comparison), not at every
    // comparison.
    let key = |city: &City| match field.value(city) {
        Value::Text(text) => Value::Text(fold(&text).into()),
        other => other.into_owned(),
    };
    // Sorting by name, the folded name that breaks ties is the whole key.
    let key = |city: &City| match field {
        Field::Name => Value::Unknown,
        _ => key(city),
    };
    // The keys are sorted with each city's place, then the cities moved once: a city
    // is large, a key small.
    let mut keyed: Vec<(Value<'static>, String, usize)> = cities
        .iter()
        .enumerate()
        .map(|(i, city)| (key(city), fold(&city.name), i))
        .collect();
    keyed.sort_by(|(a, na, ia), (b, nb, ib)| {
        let (ca, cb) = (&cities[*ia], &cities[*ib]);
        let by_value = match (a, b) {
            (Value::Unknown, Value::Unknown) => Ordering::Equal,
            (Value::Unknown, _) => Ordering::Greater,
            (_, Value::Unknown) => Ordering::Less,
            _ if descending => b.compare(a),
            _ => a.compare(b),
        };
        by_value
            .then_with(|| na.cmp(nb))
            .then_with(|| ca.name.cmp(&cb.name))
            .then_with(|| ca.country_code.cmp(&cb.country_code))
    });
    let mut slots: Vec<Option<City>> = std::mem::take(cities).into_iter().map(Some).collect();
    *cities = keyed
        .iter()
        .filter_map(|(_, _, i)| slots[*i].take())
        .collect();
}

/// The stable order of cities: by name, ignoring case and diacritics.
pub fn by_name(a: &City, b: &City) -> Ordering {
    fold(&a.name)
        .cmp(&fold(&b.name))
        .then_with(|| a.name.cmp(&b.name))
        .then_with(|| a.country_code.cmp(&b.country_code))
}

/// Finds the cities a name means: an exact name or alias (ignoring case and
/// diacritics) first, else every city with a name containing the text.
pub fn find_by_name<'c>(cities: &'c [City<'c>], text: &str) -> Vec<&'c City<'c>> {
    let wanted = fold(text.trim());
    let exact: Vec<&City> = cities
        .iter()
        .filter(|c| c.all_names().any(|n| fold(n) == wanted))
        .collect();
    if !exact.is_empty() || wanted.is_empty() {
        return exact;
    }
    cities
        .iter()
        .filter(|c| c.all_names().any(|n| fold(n).contains(&wanted)))
        .collect()
}

/// Every name of every city, for suggestions.
pub fn known_names<'c>(cities: &'c [City<'c>]) -> Vec<&'c str> {
    cities.iter().flat_map(City::all_names).collect()
}
