//! Choosing cities: the filters shared by every command, and sorting.

use std::cmp::Ordering;

use crate::city::{Agreement, City, Continent, Date, Status, fold};
use crate::dataset::Gather;
use crate::error::UsageError;
use crate::fields::{Field, Value};
use rustc_hash::FxHashMap;

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
        let countries = if self.countries.is_empty() {
            Countries::default()
        } else {
            Countries::of(&cities)
        };
        let chooser = self.chooser(&countries)?;
        Ok(cities
            .into_iter()
            .filter_map(|c| chooser.choose(c))
            .collect())
    }

    /// The filter ready to judge one city at a time, each `--country` (a name or an
    /// ISO code) matched against the `countries` in the data.
    pub fn chooser(&self, countries: &Countries) -> Result<Chooser, UsageError> {
        let mut codes = Vec::new();
        for wanted in &self.countries {
            let folded = fold(wanted.trim());
            let found = countries.order.iter().find(|(name, code)| {
                fold(name) == folded || code.eq_ignore_ascii_case(wanted.trim())
            });
            match found {
                Some((_, code)) => codes.push(code.to_string()),
                None => {
                    let mut known: Vec<&str> = countries.order.iter().map(|(n, _)| &**n).collect();
                    known.sort();
                    known.dedup();
                    return Err(UsageError::unknown("country", wanted, &known));
                }
            }
        }
        let statuses = match (self.all, self.statuses.is_empty()) {
            (true, _) => Status::ALL.to_vec(),
            (false, true) => vec![Status::Active],
            (false, false) => self.statuses.clone(),
        };
        Ok(Chooser {
            statuses,
            continents: self.continents.clone(),
            codes,
            agreements: self.agreements.clone(),
            capital: self.capital,
            search: self.search.as_deref().map(fold),
            as_of: self.as_of,
        })
    }
}

/// The countries in a data file, each name with its code, in the order they first
/// appear: what `--country` is matched against.
#[derive(Clone, Debug, Default)]
pub struct Countries {
    order: Vec<(String, String)>,
    /// The codes each name goes with, to find a pair without a search.
    codes: FxHashMap<String, Vec<String>>,
}

impl Countries {
    pub fn of(cities: &[City]) -> Countries {
        let mut countries = Countries::default();
        for city in cities {
            countries.add(city);
        }
        countries
    }

    pub fn add(&mut self, city: &City) {
        self.insert(&city.country, &city.country_code);
    }

    fn insert(&mut self, name: &str, code: &str) {
        let codes = match self.codes.get_mut(name) {
            Some(codes) => codes,
            None => self.codes.entry(name.to_string()).or_default(),
        };
        if !codes.iter().any(|c| c == code) {
            codes.push(code.to_string());
            self.order.push((name.to_string(), code.to_string()));
        }
    }

    /// Adds the countries of a later part of the file.
    pub fn join(&mut self, later: Countries) {
        for (name, code) in &later.order {
            self.insert(name, code);
        }
    }
}

impl<'a> Gather<'a> for Countries {
    fn add(&mut self, city: City<'a>) {
        Countries::add(self, &city);
    }

    fn join(&mut self, later: Self) {
        Countries::join(self, later);
    }
}

/// Keeps what `inner` keeps of the cities `chooser` takes, as they are read.
pub struct Chosen<'c, G> {
    pub chooser: &'c Chooser,
    pub inner: G,
}

impl<'a, G: Gather<'a>> Gather<'a> for Chosen<'_, G> {
    fn add(&mut self, city: City<'a>) {
        if let Some(city) = self.chooser.choose(city) {
            self.inner.add(city);
        }
    }

    fn join(&mut self, later: Self) {
        self.inner.join(later.inner);
    }
}

/// A filter ready to judge cities one at a time, as they are read.
#[derive(Clone, Debug)]
pub struct Chooser {
    statuses: Vec<Status>,
    continents: Vec<Continent>,
    /// ISO codes; empty means any country.
    codes: Vec<String>,
    agreements: Vec<Agreement>,
    capital: bool,
    /// Folded text to find in any name.
    search: Option<String>,
    as_of: Option<Date>,
}

impl Chooser {
    /// The city as it stood on the `--as-of` date, if it passes.
    pub fn choose<'a>(&self, city: City<'a>) -> Option<City<'a>> {
        let city = match self.as_of {
            Some(date) => city.as_of(date)?,
            None => city,
        };
        let pass = self.statuses.contains(&city.status)
            && (self.continents.is_empty() || self.continents.contains(&city.continent))
            && (self.codes.is_empty() || self.codes.iter().any(|c| *c == city.country_code))
            && (self.agreements.is_empty() || self.agreements.contains(&city.agreement))
            && (!self.capital || city.capital)
            && match &self.search {
                Some(text) => city.all_names().any(|n| fold(n).contains(text.as_str())),
                None => true,
            };
        pass.then_some(city)
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
    // is large, a key small. Keys are made, and sorted, on every core.
    let keyed: Vec<(Value<'static>, String, usize)> =
        crate::parallel::map(cities, |city| (key(city), fold(&city.name)))
            .into_iter()
            .enumerate()
            .map(|(i, (value, name))| (value, name, i))
            .collect();
    let keyed = crate::parallel::sort_by(keyed, |(a, na, ia), (b, nb, ib)| {
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
