//! Choosing cities: the filters shared by every command, and sorting.

use crate::city::{Agreement, City, Continent, Date, Status, fold};
use rustc_hash::FxHashSet;

use crate::error::UsageError;
use crate::sink::{Read, Sink};

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
    /// Only partnerships last attested on or after this date.
    pub attested_since: Option<Date>,
}

impl Filter {
    /// The filter ready to judge one city at a time.
    pub fn chooser(&self) -> Chooser {
        let statuses = match (self.all, self.statuses.is_empty()) {
            (true, _) => Status::ALL.to_vec(),
            (false, true) => vec![Status::Active],
            (false, false) => self.statuses.clone(),
        };
        Chooser {
            statuses,
            continents: self.continents.clone(),
            countries: self.countries.iter().map(|c| Wanted::new(c)).collect(),
            agreements: self.agreements.clone(),
            capital: self.capital,
            search: self.search.as_deref().map(fold),
            as_of: self.as_of,
            attested_since: self.attested_since,
        }
    }

    /// The cities that pass, as they stood on the `--as-of` date, in data order. Takes
    /// the cities, so none is copied.
    pub fn apply<'a>(&self, cities: Vec<City<'a>>) -> Result<Vec<City<'a>>, UsageError> {
        let chooser = self.chooser();
        let mut chosen = Chosen::new(&chooser, Vec::new());
        // The file's countries only name those a --country matched none of.
        let countries = match self.countries.is_empty() {
            true => Countries::default(),
            false => Countries::of(&cities),
        };
        for city in cities {
            let folded = fold(&city.name);
            chosen.add(Read {
                city,
                at: 0,
                folded: &folded,
            });
        }
        chosen.finish(|| countries)
    }
}

/// A `--country` as typed: an English name (any case, any diacritics) or an ISO code.
#[derive(Clone, Debug)]
struct Wanted {
    typed: String,
    folded: String,
}

impl Wanted {
    fn new(typed: &str) -> Wanted {
        Wanted {
            typed: typed.to_string(),
            folded: fold(typed.trim()),
        }
    }

    fn matches(&self, city: &City) -> bool {
        let name = &city.country;
        // A folded ASCII name is the name in lower case: no need to fold it again.
        let same_name = if name.is_ascii() {
            name.eq_ignore_ascii_case(&self.folded)
        } else {
            fold(name) == self.folded
        };
        same_name || city.country_code.eq_ignore_ascii_case(self.typed.trim())
    }
}

/// A filter ready to judge cities one at a time, as they are read.
#[derive(Clone, Debug)]
pub struct Chooser {
    statuses: Vec<Status>,
    continents: Vec<Continent>,
    /// Empty means any country.
    countries: Vec<Wanted>,
    agreements: Vec<Agreement>,
    capital: bool,
    /// Folded text to find in any name.
    search: Option<String>,
    as_of: Option<Date>,
    attested_since: Option<Date>,
}

impl Chooser {
    /// A city this chooser took, as it stood on the `--as-of` date.
    pub fn restate<'a>(&self, city: City<'a>) -> City<'a> {
        match self.as_of {
            Some(date) => city.clone().as_of(date).unwrap_or(city),
            None => city,
        }
    }

    /// The city as it stood on the `--as-of` date, if it passes; each `--country` the
    /// city is in is marked in `found`, whatever the other filters say.
    fn choose<'a>(&self, city: City<'a>, found: &mut [bool]) -> Choice<'a> {
        let mut in_country = self.countries.is_empty();
        for (wanted, found) in self.countries.iter().zip(found) {
            if wanted.matches(&city) {
                *found = true;
                in_country = true;
            }
        }
        if !in_country {
            return Choice::Left;
        }
        // A partnership that cannot be placed in time is left out of `--as-of`.
        let undated = self.as_of.is_some() && city.counts_from().is_none();
        let city = match self.as_of {
            Some(date) if !undated => match city.as_of(date) {
                Some(city) => city,
                None => return Choice::Left,
            },
            _ => city,
        };
        match (self.passes(&city), undated) {
            (true, false) => Choice::Taken(city),
            (true, true) => Choice::Undated,
            (false, _) => Choice::Left,
        }
    }

    /// Whether the city passes every filter but the country and the date.
    fn passes(&self, city: &City) -> bool {
        self.statuses.contains(&city.status)
            && (self.continents.is_empty() || self.continents.contains(&city.continent))
            && (self.agreements.is_empty() || self.agreements.contains(&city.agreement))
            && (!self.capital || city.capital)
            && self
                .attested_since
                .is_none_or(|since| city.last_attested.is_some_and(|last| last >= since))
            && match &self.search {
                Some(text) => city.all_names().any(|n| fold(n).contains(text.as_str())),
                None => true,
            }
    }
}

/// What a chooser makes of a city. Returned and matched at once, never stored: boxing
/// the city would cost an allocation a row.
#[allow(clippy::large_enum_variant)]
enum Choice<'a> {
    /// Taken, as it stood on the `--as-of` date.
    Taken(City<'a>),
    /// Left out of `--as-of` only because neither its signing nor its first
    /// attestation is known.
    Undated,
    Left,
}

/// A sink that passes on to `inner` only the cities a chooser takes.
pub struct Chosen<'c, S> {
    chooser: &'c Chooser,
    inner: S,
    /// Which `--country` values some city of the file is in.
    found: Vec<bool>,
    /// How many cities `--as-of` left out for want of a date.
    undated: usize,
}

impl<'c, S> Chosen<'c, S> {
    pub fn new(chooser: &'c Chooser, inner: S) -> Chosen<'c, S> {
        Chosen {
            chooser,
            inner,
            found: vec![false; chooser.countries.len()],
            undated: 0,
        }
    }

    /// What `inner` kept; or, where a `--country` is in no city of the file, a usage
    /// error naming the file's countries (which only then are gathered).
    pub fn finish(self, countries: impl FnOnce() -> Countries) -> Result<S, UsageError> {
        let missing = self
            .chooser
            .countries
            .iter()
            .zip(&self.found)
            .find(|(_, f)| !**f);
        if self.undated > 0 {
            // Not a silent half answer: say what was left out, and why.
            let count = match self.undated {
                1 => "1 partnership".to_string(),
                n => format!("{n} partnerships"),
            };
            crate::output::stderr(&format!(
                "krakow-partners: {count} left out of --as-of: no date says since when \
                 (neither signed nor first_attested)"
            ));
        }
        match missing {
            None => Ok(self.inner),
            Some((wanted, _)) => {
                let countries = countries();
                let mut known: Vec<&str> = countries.names.iter().map(String::as_str).collect();
                known.sort_unstable();
                Err(UsageError::unknown("country", &wanted.typed, &known))
            }
        }
    }
}

impl<'a, S: Sink<'a>> Sink<'a> for Chosen<'_, S> {
    fn add(&mut self, read: Read<'a, '_>) {
        match self.chooser.choose(read.city, &mut self.found) {
            Choice::Taken(city) => self.inner.add(Read { city, ..read }),
            Choice::Undated => self.undated += 1,
            Choice::Left => {}
        }
    }

    fn finish_part(&mut self) {
        self.inner.finish_part();
    }

    fn join(&mut self, later: Self) {
        for (found, later) in self.found.iter_mut().zip(later.found) {
            *found |= later;
        }
        self.undated += later.undated;
        self.inner.join(later.inner);
    }
}

/// The English names of the countries in a data file: what a `--country` that matches
/// nothing is compared with.
#[derive(Clone, Debug, Default)]
pub struct Countries {
    names: FxHashSet<String>,
}

impl Countries {
    pub fn of(cities: &[City]) -> Countries {
        let mut countries = Countries::default();
        for city in cities {
            countries.add_name(&city.country);
        }
        countries
    }

    fn add_name(&mut self, name: &str) {
        if !self.names.contains(name) {
            self.names.insert(name.to_string());
        }
    }
}

impl<'a> Sink<'a> for Countries {
    fn add(&mut self, read: Read<'a, '_>) {
        self.add_name(&read.city.country);
    }

    fn finish_part(&mut self) {}

    fn join(&mut self, later: Self) {
        self.names.extend(later.names);
    }
}

/// Finds the cities a name means: an exact name or alias (ignoring case and
/// diacritics) first, else every city with a name containing the text.
pub fn find_by_name<'c, 'a>(cities: &'c [City<'a>], text: &str) -> Vec<&'c City<'a>> {
    let wanted = fold(text.trim());
    let exact: Vec<&City<'a>> = cities
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
pub fn known_names<'c>(cities: &'c [City<'_>]) -> Vec<&'c str> {
    cities.iter().flat_map(City::all_names).collect()
}
