//! The map's words in English and Polish: title, subtitle, legend, key, attribution.

use std::path::Path;

use crate::city::{Agreement, City, Continent, Status};
use crate::columns::Field;
use crate::filter::Filter;
use crate::geo::Centre;
use crate::load::BUNDLED_AS_OF;
use crate::picks::Picks;
use crate::render::Names;

/// The language of the map's own words: Polish with `--names pl`, else English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    English,
    Polish,
}

impl Language {
    pub fn of(names: Names) -> Language {
        match names {
            Names::Pl => Language::Polish,
            Names::En | Names::Local => Language::English,
        }
    }

    /// A city's country as the map names it: in Polish from the country table (the
    /// data's own name where the table does not know it).
    pub fn country<'c>(self, city: &'c City) -> &'c str {
        let names = match self {
            Language::Polish => Names::Pl,
            Language::English => Names::En,
        };
        names
            .country_of(city)
            .unwrap_or_else(|| city.country_shown())
    }

    /// The title: the partner cities, seen from `from` where that is not Kraków (its
    /// name as `names` labels it).
    pub fn title(self, from: &Centre, names: Names) -> String {
        let city = from.city().map(|c| super::label(c, names));
        match (self, city) {
            (Language::English, None) => "Kraków's international partner cities".into(),
            (Language::Polish, None) => "Miasta partnerskie Krakowa".into(),
            (Language::English, Some(city)) => {
                format!("Kraków's international partner cities, seen from {city}")
            }
            // "z miasta" keeps the name as it is, undeclined.
            (Language::Polish, Some(city)) => {
                format!("Miasta partnerskie Krakowa widziane z miasta {city}")
            }
        }
    }

    pub fn agreement(self, agreement: Agreement) -> &'static str {
        use Agreement as A;
        match (self, agreement) {
            (Language::English, A::TwinCity) => "Twin city",
            (Language::English, A::Partnership) => "Partnership",
            (Language::English, A::HonoraryTwinCity) => "Honorary twin city",
            (Language::English, A::LetterOfIntent) => "Letter of intent",
            (Language::English, A::Memorandum) => "Memorandum",
            (Language::English, A::CooperationProgramme) => "Cooperation programme",
            (Language::English, A::None) => "No formal agreement",
            (Language::Polish, A::TwinCity) => "Miasto bliźniacze",
            (Language::Polish, A::Partnership) => "Partnerstwo",
            (Language::Polish, A::HonoraryTwinCity) => "Honorowe miasto bliźniacze",
            (Language::Polish, A::LetterOfIntent) => "List intencyjny",
            (Language::Polish, A::Memorandum) => "Memorandum",
            (Language::Polish, A::CooperationProgramme) => "Program współpracy",
            (Language::Polish, A::None) => "Bez formalnej umowy",
        }
    }

    /// An agreement's name, or that the data does not give it.
    pub fn kind(self, agreement: Option<Agreement>) -> &'static str {
        match (self, agreement) {
            (_, Some(agreement)) => self.agreement(agreement),
            (Language::English, None) => "Agreement unknown",
            (Language::Polish, None) => "Umowa nieznana",
        }
    }

    /// A status the data does not give.
    pub fn status_unknown(self) -> &'static str {
        match self {
            Language::English => "status unknown",
            Language::Polish => "status nieznany",
        }
    }

    /// The legend's line for hollow markers and dashed arcs.
    pub fn ended(self) -> &'static str {
        match self {
            Language::English => "Ended or suspended (hollow, dashed)",
            Language::Polish => "Zakończone lub zawieszone (puste, przerywane)",
        }
    }

    /// The legend's line for markers and arcs of a partnership no recent source shows.
    pub fn unconfirmed(self) -> &'static str {
        match self {
            Language::English => "Unconfirmed (hollow, dotted)",
            Language::Polish => "Niepotwierdzone (puste, kropkowane)",
        }
    }

    /// Before the date of the latest source showing an unconfirmed partnership in force.
    pub fn last_source(self) -> &'static str {
        match self {
            Language::English => "last source",
            Language::Polish => "ostatnie źródło",
        }
    }

    pub fn status(self, status: Status) -> &'static str {
        match (self, status) {
            (Language::English, Status::Active) => "active",
            (Language::English, Status::Suspended) => "suspended",
            (Language::English, Status::Ended) => "ended",
            (Language::Polish, Status::Active) => "aktywne",
            (Language::Polish, Status::Suspended) => "zawieszone",
            (Language::Polish, Status::Ended) => "zakończone",
            (Language::English, Status::Unconfirmed) => "unconfirmed",
            (Language::Polish, Status::Unconfirmed) => "niepotwierdzone",
        }
    }

    /// The heading of a column of the HTML page's table of cities, distances measured
    /// from `from`.
    pub fn heading(self, field: Field, from: &Centre, names: Names) -> String {
        let city = from.city().map(|c| super::label(c, names));
        match (self, field, city) {
            (Language::Polish, Field::Name, _) => "Miasto".into(),
            (Language::Polish, Field::Country, _) => "Kraj".into(),
            (Language::Polish, Field::Agreement, _) => "Umowa".into(),
            (Language::Polish, Field::Status, _) => "Status".into(),
            (Language::Polish, Field::Signed, _) => "Podpisana".into(),
            (Language::Polish, Field::DistanceKm, None) => "Odległość (km)".into(),
            (Language::Polish, Field::DistanceKm, Some(city)) => {
                format!("Odległość od miasta {city} (km)")
            }
            (_, field, _) => field.column().header_from(from).into_owned(),
        }
    }

    /// The page's language, as HTML names it.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Polish => "pl",
        }
    }

    pub fn home(self) -> &'static str {
        match self {
            Language::English => "Kraków",
            Language::Polish => "Kraków",
        }
    }

    pub fn legend_heading(self) -> &'static str {
        match self {
            Language::English => "Agreement",
            Language::Polish => "Umowa",
        }
    }

    pub fn key_heading(self) -> &'static str {
        match self {
            Language::English => "Numbered on the map",
            Language::Polish => "Numery na mapie",
        }
    }

    /// The key's heading for cities whose markers leave no room even for a number.
    pub fn unplaced_heading(self) -> &'static str {
        match self {
            Language::English => "Not labelled",
            Language::Polish => "Bez podpisu",
        }
    }

    /// The key's line for more unlabelled cities than it lists.
    pub fn too_many(self, n: usize) -> String {
        match self {
            Language::English => format!("{n} cities: each marker's tooltip names it"),
            Language::Polish => format!("{}: nazwa w podpowiedzi znacznika", self.count(n)),
        }
    }

    /// Where the land and borders come from, and where the arcs start.
    pub fn attribution(self, from: &Centre, names: Names) -> String {
        let land = match self {
            Language::English => {
                "Land and borders: Natural Earth (public domain), via world-atlas."
            }
            Language::Polish => {
                "Ląd i granice: Natural Earth (domena publiczna), przez world-atlas."
            }
        };
        let city = from.city().map(|c| super::label(c, names));
        let arcs = match (self, city) {
            (Language::English, None) => {
                "Arcs: great circles from Kraków's Main Market Square.".to_string()
            }
            (Language::Polish, None) => "Łuki: ortodromy od Rynku Głównego w Krakowie.".into(),
            (Language::English, Some(city)) => format!("Arcs: great circles from {city}."),
            (Language::Polish, Some(city)) => format!("Łuki: ortodromy od miasta {city}."),
        };
        format!("{land} {arcs}")
    }

    pub fn continent(self, continent: Continent) -> &'static str {
        use Continent as C;
        match (self, continent) {
            (Language::English, C::Europe) => "Europe",
            (Language::English, C::Asia) => "Asia",
            (Language::English, C::Africa) => "Africa",
            (Language::English, C::NorthAmerica) => "North America",
            (Language::English, C::SouthAmerica) => "South America",
            (Language::English, C::Oceania) => "Oceania",
            (Language::Polish, C::Europe) => "Europa",
            (Language::Polish, C::Asia) => "Azja",
            (Language::Polish, C::Africa) => "Afryka",
            (Language::Polish, C::NorthAmerica) => "Ameryka Północna",
            (Language::Polish, C::SouthAmerica) => "Ameryka Południowa",
            (Language::Polish, C::Oceania) => "Oceania",
        }
    }

    /// "1 city", "3 miasta".
    pub fn count(self, n: usize) -> String {
        match self {
            Language::English if n == 1 => "1 city".to_string(),
            Language::English => format!("{n} cities"),
            Language::Polish if n == 1 => "1 miasto".to_string(),
            // 2–4, 22–24… take "miasta", except 12–14; the rest "miast".
            Language::Polish if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) => {
                format!("{n} miasta")
            }
            Language::Polish => format!("{n} miast"),
        }
    }

    /// The values a filter takes, then those it refuses: "Europe, Asia", "except Europe".
    fn picked<T: Copy + PartialEq>(
        self,
        picks: &Picks<T>,
        word: impl Fn(T) -> &'static str,
    ) -> String {
        let words = |values: &[T]| {
            values
                .iter()
                .map(|v| word(*v))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match (picks.taken.is_empty(), picks.refused.is_empty()) {
            (_, true) => words(&picks.taken),
            (true, false) => format!("{}{}", self.except(), words(&picks.refused)),
            (false, false) => format!(
                "{} ({}{})",
                words(&picks.taken),
                self.except(),
                words(&picks.refused)
            ),
        }
    }

    /// What goes before the values a filter refuses.
    fn except(self) -> &'static str {
        match self {
            Language::English => "except ",
            Language::Polish => "z wyjątkiem: ",
        }
    }

    /// What the map shows, with every filter that chose it: how many cities, where,
    /// which agreements and statuses, and as of when. The countries `--country` took
    /// are named as the data names them, whatever spelling or code was typed.
    pub fn subtitle(self, cities: &[City], filter: &Filter, data: Option<&Path>) -> String {
        let mut countries: Vec<&str> = cities.iter().map(|c| self.country(c)).collect();
        countries.sort_unstable();
        countries.dedup();
        self.summary(cities.len(), &countries, filter, data)
    }

    /// The subtitle of an answer that holds no cities, only counts (a chart): the
    /// countries `--country` took as the country table names them (as typed where it
    /// does not know one).
    pub fn counts_subtitle(self, count: usize, filter: &Filter, data: Option<&Path>) -> String {
        let countries: Vec<&str> = filter
            .countries
            .taken
            .iter()
            .map(|typed| match crate::countries::find(typed) {
                Some(c) if self == Language::Polish => c.name_pl,
                Some(c) => c.name,
                None => typed.as_str(),
            })
            .collect();
        self.summary(count, &countries, filter, data)
    }

    /// How many cities, the countries taken, and every filter.
    fn summary(
        self,
        count: usize,
        countries: &[&str],
        filter: &Filter,
        data: Option<&Path>,
    ) -> String {
        let pl = self == Language::Polish;
        let mut parts = vec![self.count(count)];
        if !filter.continents.is_empty() {
            parts.push(self.picked(&filter.continents, |c| self.continent(c)));
        }
        if !filter.countries.taken.is_empty() {
            parts.push(countries.join(", "));
        } else if !filter.countries.refused.is_empty() {
            let typed: Vec<&str> = filter.countries.refused.iter().map(|c| &**c).collect();
            parts.push(format!("{}{}", self.except(), typed.join(", ")));
        }
        if !filter.agreements.is_empty() {
            parts.push(self.picked(&filter.agreements, |a| self.agreement(a)));
        }
        if filter.capital {
            parts.push(if pl { "stolice" } else { "capitals" }.to_string());
        }
        if let Some(search) = &filter.search {
            parts.push(if pl {
                format!("„{search}”")
            } else {
                format!("“{search}”")
            });
        }
        parts.push(match (filter.all, filter.statuses.is_empty()) {
            (true, _) => if pl {
                "wszystkie partnerstwa"
            } else {
                "all partnerships"
            }
            .to_string(),
            (false, true) => if pl {
                "partnerstwa aktywne"
            } else {
                "active partnerships"
            }
            .to_string(),
            (false, false) => {
                let statuses = self.picked(&filter.statuses, |s| self.status(s));
                match (pl, filter.statuses.taken.is_empty()) {
                    (true, _) => format!("partnerstwa {statuses}"),
                    (false, false) => format!("{statuses} partnerships"),
                    (false, true) => format!("partnerships {statuses}"),
                }
            }
        });
        if let Some(range) = filter.signed {
            let end =
                |date: Option<crate::city::Date>| date.map(|d| d.to_string()).unwrap_or_default();
            let span = format!("{}..{}", end(range.from), end(range.to));
            parts.push(if pl {
                format!("podpisane {span}")
            } else {
                format!("signed {span}")
            });
        }
        if let Some(date) = filter.attested_since {
            parts.push(if pl {
                format!("potwierdzone od {date}")
            } else {
                format!("attested since {date}")
            });
        }
        parts.push(match (filter.as_of, data) {
            (Some(date), _) if pl => format!("stan na {date}"),
            (Some(date), _) => format!("as of {date}"),
            (None, None) if pl => format!("dane z {BUNDLED_AS_OF}"),
            (None, None) => format!("data as of {BUNDLED_AS_OF}"),
            (None, Some(path)) if pl => format!("dane z {}", path.display()),
            (None, Some(path)) => format!("data from {}", path.display()),
        });
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_counts_agree_with_their_number() {
        let l = Language::Polish;
        assert_eq!(l.count(1), "1 miasto");
        assert_eq!(l.count(3), "3 miasta");
        assert_eq!(l.count(13), "13 miast");
        assert_eq!(l.count(24), "24 miasta");
        assert_eq!(l.count(25), "25 miast");
    }
}
