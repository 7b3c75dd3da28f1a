//! Finding a city by name, for every command that takes one (`show`, `distance`).
//!
//! A name fits a city, best first: one of its names or aliases whole; the start of its
//! English, Polish or local name; the start of a later word of one of those; the start
//! of an alias or of one of its words (words part at spaces and hyphens). Case and
//! diacritics never matter, and a piece inside a word never fits: `ork` is no York. The
//! cities a name fits best are the ones it means. `name, country` (`paris, fr`) keeps to
//! the cities of that country, written any way `--country` takes.
//!
//! [`Named`] is the sink that keeps, as a file is read, only what answers the names
//! asked: the few cities each fits best, and the names nearest it for "did you mean".

use std::borrow::Cow;
use std::cmp::Ordering;

use crate::city::{City, fold, fold_into};
use crate::filter::{Chooser, Countries, Filter, Judge, Wanted};
use crate::load::Source;
use crate::sink::{Read, Sink};
use crate::suggest::{Nearest, Typed};

/// How well a name fits a city, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fit {
    /// One of its names or aliases, whole.
    Exact,
    /// The start of its English, Polish or local name.
    Start,
    /// The start of a later word of its English, Polish or local name.
    Word,
    /// The start of an alias, or of one of its words.
    Alias,
}

/// The better of two fits, either of which may be none.
fn better(a: Option<Fit>, b: Option<Fit>) -> Option<Fit> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// How many cities a name that fits several keeps, to name them in the message.
const NAMED: usize = 8;

/// A city's name as the user typed it, ready to be compared with every city of a file.
pub struct Query {
    typed: String,
    /// The whole text, folded.
    whole: String,
    /// `paris, fr`: the text before the last comma, folded, and the country after it.
    qualified: Option<(String, Wanted)>,
    /// For suggestions: the name without its country; none when it is too long to be a
    /// typo of a name.
    near: Option<Typed>,
}

impl Query {
    pub fn new(typed: &str) -> Query {
        let qualified = typed.rsplit_once(',').and_then(|(name, country)| {
            let name = fold(name.trim());
            let country = country.trim();
            (!name.is_empty() && !country.is_empty()).then(|| (name, Wanted::new(country, false)))
        });
        let name = match typed.rsplit_once(',') {
            Some((name, _)) if qualified.is_some() => name,
            _ => typed,
        };
        Query {
            typed: typed.to_string(),
            whole: fold(typed.trim()),
            near: Typed::new(name).map(Typed::or_inside),
            qualified,
        }
    }

    /// The name as typed.
    pub fn typed(&self) -> &str {
        &self.typed
    }

    /// How well the query fits a city whose names `names` holds folded (`own`: its own
    /// names only, not its aliases).
    fn fit(&self, city: &City, names: &Folded, own: bool) -> Option<Fit> {
        let qualified = self
            .qualified
            .as_ref()
            .filter(|(_, country)| country.matches(city))
            .and_then(|(name, _)| names.fit(name, own));
        better(names.fit(&self.whole, own), qualified)
    }

    /// The alias the query fits `city` by, when it fits none of the city's own names:
    /// what a user is told, lest the answer seem to be another city.
    fn alias<'c>(&self, city: &'c City) -> Option<&'c str> {
        let mut names = Folded::default();
        names.fill(city, &fold(&city.name));
        let fit = self.fit(city, &names, false)?;
        if self.fit(city, &names, true).is_some() {
            return None;
        }
        // The first alias that fits as well as the city does.
        city.aliases.iter().find(|alias| {
            let mut one = Folded::default();
            one.push(alias);
            self.fit(city, &one, false) == Some(fit)
        })
    }

    /// The one city `found` holds for this query, said on standard error when it was
    /// found by an alias alone; or why there is no one city.
    pub fn city<'a>(&self, found: Found<'a>) -> Result<City<'a>, Unfound<'a>> {
        let Found { chosen, any, near } = found;
        // The file's one city the name fits best, when the filters leave it out.
        let left_out = || match (any.count, any.cities.into_iter().next()) {
            (1, Some(city)) => Some(Box::new(city)),
            _ => None,
        };
        match chosen.count {
            1 => {
                let city = chosen.cities.into_iter().next();
                if let Some(city) = city {
                    if let Some(alias) = self.alias(&city) {
                        crate::output::stderr(&format!(
                            "krakow-partners: '{}' matched {} (also called {alias})",
                            crate::terminal::quote(&self.typed),
                            city.name
                        ));
                    }
                    return Ok(city);
                }
                Err(Unfound {
                    message: self.none(near),
                    left_out: left_out(),
                })
            }
            0 => Err(Unfound {
                message: self.none(near),
                left_out: left_out(),
            }),
            _ => Err(Unfound {
                message: self.several(&chosen),
                left_out: left_out(),
            }),
        }
    }

    /// No city fits: the nearest names, each as its city's English name.
    fn none(&self, near: Nearest<Cow<str>>) -> String {
        let mut cities: Vec<Cow<str>> = Vec::new();
        for (_, city) in near.into_held() {
            if !cities.contains(&city) {
                cities.push(city);
            }
        }
        let cities: Vec<&str> = cities.iter().map(|c| &**c).collect();
        let hint = crate::suggest::phrase(&cities)
            .map(|h| format!("; {h}"))
            .unwrap_or_default();
        format!(
            "no partner city '{}'{hint}",
            crate::terminal::quote(&self.typed)
        )
    }

    /// Several cities fit equally well: which, and how to name each alone.
    fn several(&self, best: &Best) -> String {
        let listed: Vec<String> = best
            .cities
            .iter()
            .map(|c| format!("{} ({})", c.name, c.country_shown()))
            .collect();
        let more = match best.count - best.cities.len() {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        let picks: Vec<String> = best
            .cities
            .iter()
            .filter_map(|city| self.pick(city, best))
            .map(|pick| format!("'{}'", crate::terminal::quote(&pick)))
            .collect();
        let how = match picks.split_last() {
            None => "give more of the name".to_string(),
            Some((only, [])) => format!("name it as {only}"),
            Some((last, rest)) => format!("name one as {} or {last}", rest.join(", ")),
        };
        format!(
            "'{}' fits {} cities: {}{more}; {how}",
            crate::terminal::quote(&self.typed),
            best.count,
            listed.join(", ")
        )
    }

    /// How to name `city` alone among the cities that fit as well: its English name
    /// where no other of them has it, else the name with its country (the name as
    /// typed where it was typed whole); none where the country does not tell either.
    fn pick(&self, city: &City, best: &Best) -> Option<String> {
        let folded = fold(&city.name);
        let namesakes: Vec<&City> = best
            .cities
            .iter()
            .filter(|other| fold(&other.name) == folded)
            .collect();
        if let [_] = namesakes.as_slice() {
            return Some(city.name.to_string());
        }
        let country = city.country_code.as_deref().unwrap_or(city.country_shown());
        let same_country = namesakes
            .iter()
            .filter(|other| other.country_code == city.country_code)
            .count();
        if same_country > 1 || country.is_empty() {
            return None;
        }
        let name = match (best.fit, &self.qualified) {
            (Some(Fit::Exact), Some(_)) => self.typed.rsplit_once(',').map(|(n, _)| n.trim()),
            (Some(Fit::Exact), None) => Some(self.typed.trim()),
            _ => None,
        };
        Some(format!("{}, {country}", name.unwrap_or(&city.name)))
    }
}

/// Why a name gives no one city.
#[derive(Debug)]
pub struct Unfound<'a> {
    /// What the user is told: no city (with the nearest names) or several.
    message: String,
    /// The file's one city the name fits best, when the filters leave it out.
    pub left_out: Option<Box<City<'a>>>,
}

impl Unfound<'_> {
    /// The error the user is told.
    pub fn error(self) -> anyhow::Error {
        anyhow::Error::msg(self.message)
    }
}

/// What each of `queries` finds among the cities of `source`, the cities judged by
/// `filter` as they are read: one reading for every name.
pub fn find<'s, const N: usize>(
    source: &'s Source,
    filter: &Filter,
    queries: &[Query; N],
) -> anyhow::Result<[Found<'s>; N]> {
    find_all(source, filter, queries)?
        .try_into()
        .map_err(|_| anyhow::anyhow!("a name was lost on the way (a bug)"))
}

/// [`find`], for any number of names.
pub fn find_all<'s>(
    source: &'s Source,
    filter: &Filter,
    queries: &[Query],
) -> anyhow::Result<Vec<Found<'s>>> {
    let chooser = filter.chooser();
    let named = source.gather(&|| Named::new(queries, &chooser))?;
    Ok(named.finish(|| Countries::in_file(source))?)
}

/// A place a name means where Kraków itself may be meant too (either end of
/// `distance`, `--from`).
pub enum Place<'a> {
    Krakow,
    City(Box<City<'a>>),
}

/// The place `query` means: the one city the filters take that is named so exactly
/// first, else Kraków by any of its names, else a city the name fits less well; a city
/// that exists but the filters leave out is explained.
pub fn place<'a>(query: &Query, found: Found<'a>, filter: &Filter) -> anyhow::Result<Place<'a>> {
    if crate::geo::is_krakow(query.typed()) && !found.one_exactly() {
        return Ok(Place::Krakow);
    }
    match query.city(found) {
        Ok(city) => Ok(Place::City(Box::new(city))),
        Err(unfound) => match &unfound.left_out {
            Some(city) => anyhow::bail!("{}", filter.why_left_out(city)),
            None => Err(unfound.error()),
        },
    }
}

/// One city's names folded, each once: its own (English, Polish, local) first, then its
/// aliases. The strings are kept from city to city, so folding allocates rarely.
#[derive(Default)]
struct Folded {
    names: Vec<String>,
    /// How many of `names` are the city's now.
    len: usize,
    /// How many of those are its own names.
    own: usize,
}

impl Folded {
    /// The names of `city`, whose English name folded is `english`.
    fn fill(&mut self, city: &City, english: &str) {
        self.len = 0;
        let slot = self.slot();
        slot.clear();
        slot.push_str(english);
        for own in [&city.name_pl, &city.name_local].into_iter().flatten() {
            self.push(own);
        }
        self.own = self.len;
        for alias in city.aliases.iter() {
            self.push(alias);
        }
    }

    /// The next string to fold a name into.
    fn slot(&mut self) -> &mut String {
        if self.names.len() == self.len {
            self.names.push(String::new());
        }
        self.len += 1;
        &mut self.names[self.len - 1]
    }

    /// Adds a name, folding it.
    fn push(&mut self, name: &str) {
        fold_into(name, self.slot());
    }

    /// The names, each with whether it is one of the city's own.
    fn iter(&self) -> impl Iterator<Item = (&str, bool)> {
        self.names[..self.len]
            .iter()
            .enumerate()
            .map(|(i, name)| (name.as_str(), i < self.own))
    }

    /// How well the folded text `wanted` fits these names (`own_only`: the city's own
    /// names, not its aliases).
    fn fit(&self, wanted: &str, own_only: bool) -> Option<Fit> {
        if wanted.is_empty() {
            return None;
        }
        let mut best = None;
        for (name, own) in self.iter().filter(|(_, own)| *own || !own_only) {
            let fit = if name == wanted {
                Some(Fit::Exact)
            } else if own && name.starts_with(wanted) {
                Some(Fit::Start)
            } else if from_a_word(name, wanted) {
                Some(if own { Fit::Word } else { Fit::Alias })
            } else if name.starts_with(wanted) {
                Some(Fit::Alias)
            } else {
                None
            };
            best = better(best, fit);
        }
        best
    }
}

/// Whether `wanted` starts at the start of a word of `name` other than the first (both
/// folded: ASCII).
fn from_a_word(name: &str, wanted: &str) -> bool {
    name.match_indices([' ', '-'])
        .any(|(at, _)| name[at + 1..].starts_with(wanted))
}

/// The cities a name fits best so far: the first few in file order, and how many.
struct Best<'a> {
    fit: Option<Fit>,
    cities: Vec<City<'a>>,
    count: usize,
}

impl<'a> Best<'a> {
    fn new() -> Best<'a> {
        Best {
            fit: None,
            cities: Vec::new(),
            count: 0,
        }
    }

    /// Counts a city that fits so, and keeps it if it is among the first few that fit
    /// best (`city` makes the copy kept, only then).
    fn offer(&mut self, fit: Fit, city: impl FnOnce() -> City<'a>) {
        match self.fit.map(|best| fit.cmp(&best)) {
            Some(Ordering::Greater) => return,
            None | Some(Ordering::Less) => {
                self.fit = Some(fit);
                self.cities.clear();
                self.count = 0;
            }
            Some(Ordering::Equal) => {}
        }
        self.count += 1;
        if self.cities.len() < NAMED {
            self.cities.push(city());
        }
    }

    /// Adds the cities of the part of the file after this one.
    fn join(&mut self, later: Best<'a>) {
        let Some(fit) = later.fit else {
            return;
        };
        match self.fit.map(|best| fit.cmp(&best)) {
            Some(Ordering::Greater) => {}
            None | Some(Ordering::Less) => *self = later,
            Some(Ordering::Equal) => {
                let room = NAMED - self.cities.len();
                self.cities.extend(later.cities.into_iter().take(room));
                self.count += later.count;
            }
        }
    }
}

/// What one name found in a file.
pub struct Found<'a> {
    /// Among the cities the filters take, as they stood on the `--as-of` date.
    chosen: Best<'a>,
    /// Among every city of the file, as it is there: to explain one the filters leave
    /// out.
    any: Best<'a>,
    /// The names nearest the query among the cities the filters take, each with the
    /// English name of the first city that has it: "did you mean", when none fits.
    near: Nearest<Cow<'a, str>>,
}

impl Found<'_> {
    /// Whether the name is one of the names of one city the filters take, and of no
    /// other.
    pub fn one_exactly(&self) -> bool {
        self.chosen.fit == Some(Fit::Exact) && self.chosen.count == 1
    }
}

/// A sink that keeps what each of a few names finds among a file's cities, judging the
/// cities by the filters as it goes.
pub struct Named<'q, 'a> {
    queries: &'q [Query],
    judge: Judge<'q>,
    found: Vec<Found<'a>>,
    /// The names of the city being read, folded.
    folded: Folded,
    /// How well each name fits the city being read.
    fits: Vec<Option<Fit>>,
}

impl<'q, 'a> Named<'q, 'a> {
    pub fn new(queries: &'q [Query], chooser: &'q Chooser) -> Named<'q, 'a> {
        let found = queries
            .iter()
            .map(|_| Found {
                chosen: Best::new(),
                any: Best::new(),
                near: Nearest::default(),
            })
            .collect();
        Named {
            queries,
            judge: Judge::new(chooser),
            found,
            folded: Folded::default(),
            fits: vec![None; queries.len()],
        }
    }

    /// What each name found, in the order asked, once the judge has told what it must
    /// ([`Judge::finish`]).
    pub fn finish(
        self,
        countries: impl FnOnce() -> Countries,
    ) -> Result<Vec<Found<'a>>, crate::error::UsageError> {
        self.judge.finish(countries)?;
        Ok(self.found)
    }
}

impl<'a> Sink<'a> for Named<'_, 'a> {
    fn add(&mut self, read: Read<'a, '_>) {
        let city = read.city;
        self.folded.fill(&city, read.folded);
        let queries = self.queries.iter().zip(&mut self.found).zip(&mut self.fits);
        for ((query, found), fit) in queries {
            *fit = query.fit(&city, &self.folded, false);
            if let Some(fit) = *fit {
                found.any.offer(fit, || city.clone());
            }
        }
        let Some(city) = self.judge.take(city) else {
            return;
        };
        let queries = self.queries.iter().zip(&mut self.found).zip(&self.fits);
        for ((query, found), fit) in queries {
            match *fit {
                Some(fit) => found.chosen.offer(fit, || city.clone()),
                // Suggestions matter only while nothing fits.
                None if found.chosen.fit.is_none() => {
                    if let Some(typed) = &query.near {
                        let names = city.all_names().zip(self.folded.iter());
                        for (name, (folded, _)) in names {
                            found.near.offer(typed, name, folded, || city.name.clone());
                        }
                    }
                }
                None => {}
            }
        }
    }

    fn finish_part(&mut self) {}

    fn join(&mut self, later: Self) {
        self.judge.join(later.judge);
        for (found, later) in self.found.iter_mut().zip(later.found) {
            found.chosen.join(later.chosen);
            found.any.join(later.any);
            found.near.join(later.near);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fit(typed: &str, city: &City) -> Option<Fit> {
        let mut names = Folded::default();
        names.fill(city, &fold(&city.name));
        Query::new(typed).fit(city, &names, false)
    }

    fn rochester() -> City<'static> {
        City {
            name: "Rochester".into(),
            aliases: ["Rochester NY", "Rochester New York"].into_iter().collect(),
            country_code: Some("US".into()),
            country: Some("United States".into()),
            ..City::blank()
        }
    }

    #[test]
    fn a_name_fits_whole_then_from_its_start_then_from_a_word_never_inside_one() {
        let city = City {
            name: "Frankfurt am Main".into(),
            name_pl: Some("Frankfurt nad Menem".into()),
            aliases: ["Frankfurt", "Frankfurt/Main"].into_iter().collect(),
            ..City::blank()
        };
        assert_eq!(fit("FRANKFURT", &city), Some(Fit::Exact));
        assert_eq!(fit("frankfurt a", &city), Some(Fit::Start));
        assert_eq!(fit("main", &city), Some(Fit::Word));
        assert_eq!(fit("menem", &city), Some(Fit::Word));
        assert_eq!(fit("ain", &city), None);
        assert_eq!(fit("", &city), None);
        let city = rochester();
        assert_eq!(fit("york", &city), Some(Fit::Alias));
        assert_eq!(fit("new york", &city), Some(Fit::Alias));
        assert_eq!(fit("ork", &city), None);
        assert_eq!(fit("rochester ny", &city), Some(Fit::Exact));
    }

    #[test]
    fn a_country_after_a_comma_keeps_to_it() {
        let city = rochester();
        for typed in [
            "rochester, us",
            "Rochester, USA",
            "rochester,united states",
            "roch, US",
        ] {
            assert!(fit(typed, &city).is_some(), "{typed}");
        }
        assert_eq!(fit("rochester, fr", &city), None);
        assert_eq!(fit("rochester, atlantis", &city), None);
    }

    #[test]
    fn a_fit_by_an_alias_alone_is_named() {
        let city = rochester();
        assert_eq!(Query::new("york").alias(&city), Some("Rochester New York"));
        assert_eq!(
            Query::new("rochester ny").alias(&city),
            Some("Rochester NY")
        );
        assert_eq!(Query::new("roch").alias(&city), None);
        assert_eq!(Query::new("rochester").alias(&city), None);
    }
}
