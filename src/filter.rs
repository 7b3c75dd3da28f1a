//! Choosing cities: the filters shared by every command, and sorting.

use crate::city::{Agreement, City, Continent, Date, DateRange, Status, fold};
use rustc_hash::FxHashSet;

use crate::conditions::{self, Condition};
use crate::countries;
use crate::error::UsageError;
use crate::geo::Centre;
use crate::load::Source;
use crate::picks::Picks;
use crate::sink::{Read, Sink};

/// Which cities a command works on. Several values of one filter are alternatives,
/// refused values (`!europe`) are never taken; different filters must all hold.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub continents: Picks<Continent>,
    /// Country names or ISO codes, as the user typed them.
    pub countries: Picks<String>,
    pub agreements: Picks<Agreement>,
    /// The statuses wanted; none at all means active only, and the cities whose status
    /// the data does not give (a file made by hand may have no status column).
    pub statuses: Picks<Status>,
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
    /// Only partnerships signed surely within this span.
    pub signed: Option<DateRange>,
    /// `--where`: conditions on any column, all of which must hold.
    pub conditions: Vec<Condition>,
    /// Where the distances and bearings the conditions name are measured from.
    pub centre: Centre,
}

impl Filter {
    /// The filter ready to judge one city at a time.
    pub fn chooser(&self) -> Chooser {
        // A status asked for is known; none asked for keeps the unknown ones.
        let (statuses, unknown_status) = match (self.all, self.statuses.is_empty()) {
            (true, _) => (Status::ALL.to_vec(), true),
            (false, true) => (vec![Status::Active], true),
            (false, false) => (
                Status::ALL
                    .iter()
                    .copied()
                    .filter(|s| self.statuses.allows(s))
                    .collect(),
                false,
            ),
        };
        let wanted = |typed: &Vec<String>, refused| -> Vec<Wanted> {
            typed.iter().map(|c| Wanted::new(c, refused)).collect()
        };
        let mut countries = wanted(&self.countries.taken, false);
        countries.extend(wanted(&self.countries.refused, true));
        Chooser {
            statuses,
            unknown_status,
            continents: self.continents.clone(),
            countries,
            agreements: self.agreements.clone(),
            capital: self.capital,
            search: self.search.as_deref().map(fold),
            as_of: self.as_of,
            attested_since: self.attested_since,
            signed: self.signed,
            conditions: self.conditions.clone(),
            centre: self.centre.clone(),
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
                line: 0,
                item: None,
            });
        }
        chosen.finish(|| countries)
    }

    /// Why the filters leave out a city that exists: for a command that names one.
    pub fn why_left_out(&self, city: &City) -> String {
        let name = &city.name;
        if let Some(date) = self.as_of {
            match city.counts_from() {
                None => {
                    return format!(
                        "{name} cannot be placed on {date}: neither its signing nor its first \
                         attestation is dated"
                    );
                }
                Some(from) if !from.surely_by(date) => {
                    return format!("{name} was not a partner on {date}: it counts from {from}");
                }
                Some(_) => {}
            }
        }
        let Some(status) = city.status else {
            if !self.all && !self.statuses.is_empty() {
                return format!("{name}'s status is unknown, so --status leaves it out; add --all");
            }
            return format!("{name} (status unknown) is left out by the filters given");
        };
        let shown = match city.status_since {
            Some(since) => format!("{status} since {since}"),
            None => status.to_string(),
        };
        if !self.all && !self.statuses.is_empty() && !self.statuses.allows(&status) {
            return format!("{name} is {shown}; add --all, or --status {status}");
        }
        format!("{name} ({shown}) is left out by the filters given")
    }
}

/// A `--country` as typed (or the country of a city named `paris, fr`): an English name
/// (any case, any diacritics), a common short name or an ISO 3166 code; refused with a
/// `!`.
#[derive(Clone, Debug)]
pub struct Wanted {
    typed: String,
    refused: bool,
    folded: String,
    /// The ISO 3166 alpha-2 code of the country it names, if it names one.
    code: Option<&'static str>,
}

impl Wanted {
    pub fn new(typed: &str, refused: bool) -> Wanted {
        Wanted {
            typed: typed.to_string(),
            refused,
            folded: fold(typed.trim()),
            code: countries::find(typed).map(|c| c.code),
        }
    }

    /// Whether `city` is in this country (whether it is refused or not).
    pub fn matches(&self, city: &City) -> bool {
        // A folded ASCII name is the name in lower case: no need to fold it again.
        let same_name = city.country.as_deref().is_some_and(|name| {
            if name.is_ascii() {
                name.eq_ignore_ascii_case(&self.folded)
            } else {
                fold(name) == self.folded
            }
        });
        let code = city.country_code.as_deref();
        same_name
            || code.is_some_and(|code| code.eq_ignore_ascii_case(self.typed.trim()))
            || self.code.is_some_and(|wanted| code == Some(wanted))
    }
}

/// A filter ready to judge cities one at a time, as they are read.
#[derive(Clone, Debug)]
pub struct Chooser {
    statuses: Vec<Status>,
    /// Whether a city whose status is unknown is taken.
    unknown_status: bool,
    continents: Picks<Continent>,
    /// Empty means any country.
    countries: Vec<Wanted>,
    agreements: Picks<Agreement>,
    capital: bool,
    /// Folded text to find in any name.
    search: Option<String>,
    as_of: Option<Date>,
    attested_since: Option<Date>,
    signed: Option<DateRange>,
    conditions: Vec<Condition>,
    centre: Centre,
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
        // Any country unless one is taken; never a refused one.
        let mut in_country = !self.countries.iter().any(|w| !w.refused);
        let mut refused = false;
        for (wanted, found) in self.countries.iter().zip(found) {
            if wanted.matches(&city) {
                *found = true;
                in_country |= !wanted.refused;
                refused |= wanted.refused;
            }
        }
        if !in_country || refused {
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
        // Nor is one whose signing date is unknown inside any `--signed` span.
        let unsigned = self.signed.is_some() && city.signed.is_none();
        if let (Some(range), Some(signed)) = (self.signed, city.signed)
            && !range.contains(signed)
        {
            return Choice::Left;
        }
        match (self.passes(&city), undated, unsigned) {
            (false, _, _) => Choice::Left,
            (true, true, _) => Choice::Undated,
            (true, false, true) => Choice::Unsigned,
            (true, false, false) => Choice::Taken(city),
        }
    }

    /// Whether the city passes every filter but the country and the date.
    fn passes(&self, city: &City) -> bool {
        city
            .status
            .map_or(self.unknown_status, |s| self.statuses.contains(&s))
            && self.continents.allows_known(city.continent.as_ref())
            && self.agreements.allows_known(city.agreement.as_ref())
            && (!self.capital || city.capital == Some(true))
            // Surely on or after: a partial date's first day is no earlier.
            && self.attested_since.is_none_or(|since| {
                city.last_attested
                    .is_some_and(|last| last.first_day() >= since.first_day())
            })
            && match &self.search {
                Some(text) => city.all_names().any(|n| fold(n).contains(text.as_str())),
                None => true,
            }
            && conditions::all_hold(&self.conditions, city, &self.centre)
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
    /// Left out of `--signed` only because its signing date is unknown.
    Unsigned,
    Left,
}

/// A chooser's verdicts on cities one at a time, with what it must tell once the file
/// is read: the `--country` values no city is in, and the cities left out for want of a
/// date. For a sink that judges cities itself (one that also looks at those left out).
pub struct Judge<'c> {
    chooser: &'c Chooser,
    /// Which `--country` values some city of the file is in.
    found: Vec<bool>,
    /// How many cities `--as-of` left out for want of a date.
    undated: usize,
    /// How many cities `--signed` left out for want of a signing date.
    unsigned: usize,
}

impl<'c> Judge<'c> {
    pub fn new(chooser: &'c Chooser) -> Judge<'c> {
        Judge {
            chooser,
            found: vec![false; chooser.countries.len()],
            undated: 0,
            unsigned: 0,
        }
    }

    /// The city as it stood on the `--as-of` date, if the filters take it.
    pub fn take<'a>(&mut self, city: City<'a>) -> Option<City<'a>> {
        match self.chooser.choose(city, &mut self.found) {
            Choice::Taken(city) => return Some(city),
            Choice::Undated => self.undated += 1,
            Choice::Unsigned => self.unsigned += 1,
            Choice::Left => {}
        }
        None
    }

    /// Adds the verdicts on the part of the file after this one.
    pub fn join(&mut self, later: Judge) {
        for (found, later) in self.found.iter_mut().zip(later.found) {
            *found |= later;
        }
        self.undated += later.undated;
        self.unsigned += later.unsigned;
    }

    /// Says on standard error what was left out for want of a date; a `--country` that
    /// is in no city of the file and names no country is a usage error naming the
    /// file's countries (which only then are gathered).
    pub fn finish(self, countries: impl FnOnce() -> Countries) -> Result<(), UsageError> {
        // A country of the world in none of the file's cities is an empty answer; a
        // name that is no country, and in no city, a mistake.
        let missing = self
            .chooser
            .countries
            .iter()
            .zip(&self.found)
            .find(|(wanted, found)| !**found && wanted.code.is_none());
        // Not a silent half answer: say what was left out, and why.
        let count = |n: usize| match n {
            1 => "1 partnership".to_string(),
            n => format!("{n} partnerships"),
        };
        if self.undated > 0 {
            crate::output::stderr(&format!(
                "{} left out of --as-of: no date says since when \
                 (neither signed nor first_attested)",
                count(self.undated)
            ));
        }
        if self.unsigned > 0 {
            crate::output::stderr(&format!(
                "{} left out of --signed: the data has no signing date \
                 for them",
                count(self.unsigned)
            ));
        }
        match missing {
            None => Ok(()),
            Some((wanted, _)) => Err(unknown_country(&wanted.typed, &countries())),
        }
    }
}

/// A sink that passes on to `inner` only the cities a chooser takes.
pub struct Chosen<'c, S> {
    judge: Judge<'c>,
    inner: S,
}

impl<'c, S> Chosen<'c, S> {
    pub fn new(chooser: &'c Chooser, inner: S) -> Chosen<'c, S> {
        Chosen {
            judge: Judge::new(chooser),
            inner,
        }
    }

    /// What `inner` kept, once the judge has told what it must ([`Judge::finish`]).
    pub fn finish(self, countries: impl FnOnce() -> Countries) -> Result<S, UsageError> {
        self.judge.finish(countries)?;
        Ok(self.inner)
    }
}

impl<'a, S: Sink<'a>> Sink<'a> for Chosen<'_, S> {
    fn add(&mut self, read: Read<'a, '_>) {
        if let Some(city) = self.judge.take(read.city) {
            self.inner.add(Read { city, ..read });
        }
    }

    fn finish_part(&mut self) {
        self.inner.finish_part();
    }

    fn join(&mut self, later: Self) {
        self.judge.join(later.judge);
        self.inner.join(later.inner);
    }
}

/// A `--country` that names no country: the nearest names, what is taken, and the
/// file's own countries.
fn unknown_country(typed: &str, countries: &Countries) -> UsageError {
    let mut known: Vec<&str> = countries.names.iter().map(String::as_str).collect();
    known.sort_unstable();
    let mut near: Vec<&str> = crate::countries::names().collect();
    near.extend(&known);
    let hint = crate::suggest::did_you_mean(typed, &near)
        .map(|h| format!("; {h}"))
        .unwrap_or_default();
    UsageError(format!(
        "unknown country '{}'{hint} (an English name, a short name such as USA or UK, or an \
         ISO 3166 code such as DE or DEU; the data's countries: {})",
        crate::terminal::quote(typed),
        known.join(", ")
    ))
}

/// The English names of the countries in a data file: what a `--country` that matches
/// nothing is compared with.
#[derive(Clone, Debug, Default)]
pub struct Countries {
    names: FxHashSet<String>,
}

impl Countries {
    /// The countries of a file already read and found sound.
    pub fn in_file(source: &Source) -> Countries {
        source.gather(&Countries::default).unwrap_or_default()
    }

    pub fn of(cities: &[City]) -> Countries {
        let mut countries = Countries::default();
        for city in cities {
            countries.add_name(city.country_shown());
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
        self.add_name(read.city.country_shown());
    }

    fn finish_part(&mut self) {}

    fn join(&mut self, later: Self) {
        self.names.extend(later.names);
    }
}
