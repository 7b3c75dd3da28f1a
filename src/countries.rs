//! The countries of the world as `--country` takes them: ISO 3166-1 alpha-2 and
//! alpha-3 codes, English names and the short names people type (USA, UK, Czech
//! Republic, Holland), from `data/countries.tsv`, in any case and without diacritics.

use std::sync::LazyLock;

use crate::city::fold;

/// The table: `code`, `code3`, `name` and `also` (other names, `;`-separated),
/// tab-separated under a header.
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
            })
        })
        .collect()
});

/// The country `typed` names (a code or a name, folded), if any.
pub fn find(typed: &str) -> Option<&'static Country> {
    let wanted = fold(typed.trim());
    COUNTRIES
        .iter()
        .find(|c| c.known_as().any(|name| fold(name) == wanted))
}

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
