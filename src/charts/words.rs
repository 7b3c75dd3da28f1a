//! The charts' own words in English and Polish: titles, the legend, the bars' labels
//! and tooltips. The words they share with the map are the map's (`map::Language`).

use crate::city::{Agreement, Continent, Status};
use crate::groups::GroupBy;
use crate::map::Language;
use crate::periods::Span;

/// The most cities a bar's tooltip names; the others are counted.
const NAMED_AT_MOST: usize = 30;

/// What the answers call a group or period whose value is unknown.
const UNKNOWN: &str = "unknown";

impl Language {
    pub fn timeline_title(self, span: Span) -> &'static str {
        match (self, span) {
            (Language::English, Span::Year) => "Partnership agreements signed per year",
            (Language::English, Span::Decade) => "Partnership agreements signed per decade",
            (Language::Polish, Span::Year) => "Umowy partnerskie podpisane w kolejnych latach",
            (Language::Polish, Span::Decade) => "Umowy partnerskie podpisane w kolejnych dekadach",
        }
    }

    pub fn stats_title(self, by: GroupBy) -> &'static str {
        use GroupBy as B;
        match (self, by) {
            (Language::English, B::Continent) => "Partner cities by continent",
            (Language::English, B::Country) => "Partner cities by country",
            (Language::English, B::Agreement) => "Partner cities by kind of agreement",
            (Language::English, B::Status) => "Partner cities by status of the partnership",
            (Language::English, B::Capital) => "Partner cities: capitals and others",
            (Language::English, B::Decade) => "Partner cities by decade of signing",
            (Language::English, B::Year) => "Partner cities by year of signing",
            (Language::English, B::All) => "Partner cities",
            (Language::Polish, B::Continent) => "Miasta partnerskie według kontynentu",
            (Language::Polish, B::Country) => "Miasta partnerskie według kraju",
            (Language::Polish, B::Agreement) => "Miasta partnerskie według rodzaju umowy",
            (Language::Polish, B::Status) => "Miasta partnerskie według statusu partnerstwa",
            (Language::Polish, B::Capital) => "Miasta partnerskie: stolice i pozostałe",
            (Language::Polish, B::Decade) => "Miasta partnerskie według dekady podpisania",
            (Language::Polish, B::Year) => "Miasta partnerskie według roku podpisania",
            (Language::Polish, B::All) => "Miasta partnerskie",
        }
    }

    /// The legend's line for the bars above the line.
    pub fn signed(self) -> &'static str {
        match self {
            Language::English => "Agreements signed",
            Language::Polish => "Umowy podpisane",
        }
    }

    /// The legend's line for the bars below the line.
    pub fn ended_below(self) -> &'static str {
        match self {
            Language::English => "Partnerships ended or suspended (below the line)",
            Language::Polish => "Partnerstwa zakończone lub zawieszone (pod linią)",
        }
    }

    /// What the stats chart's axis counts.
    pub fn number_of_cities(self) -> &'static str {
        match self {
            Language::English => "Number of cities",
            Language::Polish => "Liczba miast",
        }
    }

    /// A period as the timeline's axis writes it: a year, a decade ("1990s",
    /// "1990–99"), or that the date is unknown.
    pub fn period(self, period: &str) -> String {
        if period == UNKNOWN {
            return self.date_unknown().to_string();
        }
        match (self, period.strip_suffix("0s")) {
            (Language::Polish, Some(start)) => {
                let end = format!("{start}9");
                // "1990–99": the decade's last year by its last two digits.
                let short = &end[end.len().saturating_sub(2)..];
                format!("{start}0–{short}")
            }
            _ => period.to_string(),
        }
    }

    fn date_unknown(self) -> &'static str {
        match self {
            Language::English => "Date unknown",
            Language::Polish => "Data nieznana",
        }
    }

    /// A group of `stats` in words: a continent, agreement or status by its name, a
    /// decade as the timeline writes it, a country as the data names it (in Polish
    /// from the country table), the unknown as such.
    pub fn group(self, by: GroupBy, group: &str) -> String {
        let word = match by {
            _ if group == UNKNOWN => match by {
                GroupBy::Decade | GroupBy::Year => self.date_unknown(),
                _ => match self {
                    Language::English => "Unknown",
                    Language::Polish => "Nieznane",
                },
            },
            GroupBy::Continent => match Continent::ALL.iter().find(|c| c.as_str() == group) {
                Some(c) => self.continent(*c),
                None => group,
            },
            GroupBy::Agreement => match Agreement::ALL.iter().find(|a| a.as_str() == group) {
                Some(a) => self.agreement(*a),
                None => group,
            },
            GroupBy::Status => match Status::ALL.iter().find(|s| s.as_str() == group) {
                Some(s) => return capitalised(self.status(*s)),
                None => group,
            },
            GroupBy::Capital => match (self, group) {
                (Language::English, "capital") => "Capital",
                (Language::English, _) => "Not a capital",
                (Language::Polish, "capital") => "Stolica",
                (Language::Polish, _) => "Nie stolica",
            },
            GroupBy::Country => match (self, crate::countries::find(group)) {
                (Language::Polish, Some(country)) => country.name_pl,
                _ => group,
            },
            GroupBy::Decade | GroupBy::Year => return self.period(group),
            GroupBy::All => match self {
                Language::English => "All",
                Language::Polish => "Wszystkie",
            },
        };
        word.to_string()
    }

    /// A bar's tooltip: "1990s · agreements signed: 3 (Bordeaux, Curitiba, Edinburgh)",
    /// the names cut short with how many more.
    pub fn tooltip(self, what: &str, counted: &str, names: &[impl AsRef<str>]) -> String {
        let mut shown: Vec<&str> = names
            .iter()
            .take(NAMED_AT_MOST)
            .map(AsRef::as_ref)
            .collect();
        let more;
        if names.len() > NAMED_AT_MOST {
            let n = names.len() - NAMED_AT_MOST;
            more = match self {
                Language::English => format!("and {n} more"),
                Language::Polish => format!("i {n} innych"),
            };
            shown.push(&more);
        }
        format!("{what} · {counted}: {} ({})", names.len(), shown.join(", "))
    }

    /// What a timeline's tooltip counts.
    pub fn events(self, signed: bool) -> &'static str {
        match (self, signed) {
            (Language::English, true) => "agreements signed",
            (Language::English, false) => "ended or suspended",
            (Language::Polish, true) => "podpisane umowy",
            (Language::Polish, false) => "zakończone lub zawieszone",
        }
    }

    /// What the stats chart's tooltip counts.
    pub fn cities(self) -> &'static str {
        match self {
            Language::English => "cities",
            Language::Polish => "miasta",
        }
    }
}

/// "Active" from "active".
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_and_groups_read_in_words() {
        let (en, pl) = (Language::English, Language::Polish);
        assert_eq!(en.period("1990s"), "1990s");
        assert_eq!(pl.period("1990s"), "1990–99");
        assert_eq!(pl.period("2000s"), "2000–09");
        assert_eq!(pl.period("1973"), "1973");
        assert_eq!(pl.period("unknown"), "Data nieznana");
        assert_eq!(
            en.group(GroupBy::Continent, "north-america"),
            "North America"
        );
        assert_eq!(pl.group(GroupBy::Country, "Germany"), "Niemcy");
        assert_eq!(pl.group(GroupBy::Country, "Atlantis"), "Atlantis");
        assert_eq!(en.group(GroupBy::Status, "ended"), "Ended");
        assert_eq!(
            pl.group(GroupBy::Agreement, "twin-city"),
            "Miasto bliźniacze"
        );
        assert_eq!(en.group(GroupBy::Agreement, "unknown"), "Unknown");
        assert_eq!(en.group(GroupBy::Decade, "unknown"), "Date unknown");
    }

    #[test]
    fn a_tooltip_names_at_most_thirty() {
        let names: Vec<String> = (0..32).map(|i| format!("C{i}")).collect();
        let tip = Language::English.tooltip("Europe", "cities", &names);
        assert!(tip.starts_with("Europe · cities: 32 (C0, C1,"), "{tip}");
        assert!(tip.ends_with("C29, and 2 more)"), "{tip}");
    }
}
