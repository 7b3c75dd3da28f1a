//! The countries of the world as `--country` takes them: ISO 3166-1 alpha-2 and
//! alpha-3 codes, English names and the short names people type (USA, UK, Czech
//! Republic, Holland), from `data/countries.tsv`, in any case and without diacritics;
//! and for each its continent (a row without one gets its country's) and Polish name
//! (`--names pl`).

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::city::{Continent, fold};

/// The table: `code`, `code3`, `name`, `also` (other names, `;`-separated),
/// `continent` (empty for Antarctica) and `name_pl`, tab-separated under a header
/// (`tools/countries.py` fills the last two; `data/SOURCES.md` says from where).
const TABLE: &str = include_str!("../data/countries.tsv");

/// One country of ISO 3166-1.
#[derive(Debug)]
pub struct Country {
    /// Alpha-2, as the data's `country_code`: `DE`.
    pub code: &'static str,
    /// Alpha-3: `DEU`.
    pub code3: &'static str,
    /// The English short name: `Germany`.
    pub name: &'static str,
    also: Vec<&'static str>,
    /// The continent, by UN M49; `None` for Antarctica.
    pub continent: Option<Continent>,
    /// The Polish short name: `Niemcy`.
    pub name_pl: &'static str,
}

impl Country {
    /// Every name and code the country is known by.
    fn known_as(&self) -> impl Iterator<Item = &'static str> + '_ {
        [self.code, self.code3, self.name]
            .into_iter()
            .chain(self.also.iter().copied())
    }
}

static COUNTRIES: LazyLock<Vec<Country>> = LazyLock::new(|| {
    TABLE
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut cells = line.split('\t');
            Some(Country {
                code: cells.next()?,
                code3: cells.next()?,
                name: cells.next()?,
                also: cells
                    .next()
                    .unwrap_or_default()
                    .split(';')
                    .filter(|n| !n.is_empty())
                    .collect(),
                continent: cells.next()?.parse().ok(),
                name_pl: cells.next()?,
            })
        })
        .collect()
});

/// Each name and code of a country, folded, with the country's place in the table: a
/// row's country is looked up once for every row of a file.
static BY_NAME: LazyLock<std::collections::HashMap<String, usize>> = LazyLock::new(|| {
    let mut names = std::collections::HashMap::new();
    for (i, country) in COUNTRIES.iter().enumerate() {
        for name in country.known_as() {
            names.entry(fold(name)).or_insert(i);
        }
    }
    names
});

/// The country `typed` names (a code or a name, folded), if any.
pub fn find(typed: &str) -> Option<&'static Country> {
    BY_NAME.get(&fold(typed.trim())).map(|&i| &COUNTRIES[i])
}

/// Fills in a city's country name from its code, or its code from its name, where
/// the ISO table has it; a name or code it lacks leaves the other unknown. A name the
/// table knows by a code or a short name (`CZ`, `USA`, `UK`) becomes its English name
/// (`Czechia`, `United States`, `United Kingdom`), unless a code given says another
/// country. Whether either is known.
pub fn fill<'a>(name: &mut Option<Cow<'a, str>>, code: &mut Option<Cow<'a, str>>) -> bool {
    match (name.as_deref(), code.as_deref()) {
        (None, None) => return false,
        (Some(typed), given) => {
            if let Some(country) = find(typed)
                && given.is_none_or(|given| given == country.code)
            {
                *name = Some(Cow::Borrowed(country.name));
                *code = Some(Cow::Borrowed(country.code));
            }
        }
        (None, Some(typed)) => *name = by_code(typed).map(|c| Cow::Borrowed(c.name)),
    }
    true
}

/// The country of an alpha-2 code, as the data's `country_code` holds it.
pub fn by_code(code: &str) -> Option<&'static Country> {
    let &i = BY_CODE.get(code)?;
    Some(&COUNTRIES[i])
}

/// Each alpha-2 code with its country's place in the table.
static BY_CODE: LazyLock<std::collections::HashMap<&'static str, usize>> = LazyLock::new(|| {
    COUNTRIES
        .iter()
        .enumerate()
        .map(|(i, c)| (c.code, i))
        .collect()
});

/// Every English name, for suggestions.
pub fn names() -> impl Iterator<Item = &'static str> {
    COUNTRIES.iter().map(|c| c.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_names_and_short_names_find_their_country() {
        for (typed, code) in [
            ("USA", "US"),
            ("us", "US"),
            ("United States", "US"),
            ("uk", "GB"),
            ("GBR", "GB"),
            ("Czech Republic", "CZ"),
            ("czechia", "CZ"),
            ("cze", "CZ"),
            ("Holland", "NL"),
            ("turkiye", "TR"),
            ("Turkey", "TR"),
            ("Russia", "RU"),
            (" deu ", "DE"),
        ] {
            assert_eq!(find(typed).map(|c| c.code), Some(code), "{typed}");
        }
        assert!(find("Atlantis").is_none());
        assert!(find("").is_none());
    }

    #[test]
    fn a_country_is_filled_in_from_its_name_or_its_code() {
        let filled = |name: Option<&'static str>, code: Option<&'static str>| {
            let (mut name, mut code) = (name.map(Cow::Borrowed), code.map(Cow::Borrowed));
            let known = fill(&mut name, &mut code);
            (
                known,
                name.as_deref().map(str::to_string),
                code.as_deref().map(str::to_string),
            )
        };
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            filled(Some("Germany"), None),
            (true, some("Germany"), some("DE"))
        );
        // A code or a short name reads as the country's English name.
        assert_eq!(
            filled(Some("USA"), None),
            (true, some("United States"), some("US"))
        );
        assert_eq!(
            filled(Some("cz"), None),
            (true, some("Czechia"), some("CZ"))
        );
        assert_eq!(
            filled(Some("UK"), Some("GB")),
            (true, some("United Kingdom"), some("GB"))
        );
        // A code that says another country: both kept as written (validation's job).
        assert_eq!(
            filled(Some("UK"), Some("DE")),
            (true, some("UK"), some("DE"))
        );
        assert_eq!(
            filled(None, Some("CZ")),
            (true, some("Czechia"), some("CZ"))
        );
        assert_eq!(
            filled(Some("Atlantis"), None),
            (true, some("Atlantis"), None)
        );
        assert_eq!(filled(None, Some("QQ")), (true, None, some("QQ")));
        // Both given: both kept as written.
        assert_eq!(
            filled(Some("Deutschland"), Some("DE")),
            (true, some("Deutschland"), some("DE"))
        );
        assert_eq!(filled(None, None), (false, None, None));
    }

    #[test]
    fn every_country_but_antarctica_has_a_continent_and_a_polish_name() {
        for country in COUNTRIES.iter() {
            assert!(!country.name_pl.is_empty(), "{}", country.code);
            assert_eq!(
                country.continent.is_none(),
                country.code == "AQ",
                "{}",
                country.code
            );
        }
        let continent = |code| by_code(code).and_then(|c| c.continent);
        assert_eq!(continent("RU"), Some(Continent::Europe));
        assert_eq!(continent("GE"), Some(Continent::Asia));
        assert_eq!(continent("PA"), Some(Continent::NorthAmerica));
        assert_eq!(continent("CU"), Some(Continent::NorthAmerica));
        assert_eq!(by_code("RU").map(|c| c.name_pl), Some("Rosja"));
        assert_eq!(by_code("DE").map(|c| c.name_pl), Some("Niemcy"));
    }

    #[test]
    fn every_name_means_one_country() {
        assert_eq!(COUNTRIES.len(), 249);
        let mut seen = std::collections::HashMap::new();
        for country in COUNTRIES.iter() {
            for name in country.known_as() {
                if let Some(other) = seen.insert(fold(name), country.code) {
                    assert_eq!(other, country.code, "{name}");
                }
            }
        }
    }
}
