//! `stats`' groups: the cities sharing a continent, country, agreement, status,
//! capital flag, decade or year (or all of them), gathered as a file is read, with a
//! numeric field summed up over each (`--of`, [`Tally`]).

use std::borrow::Cow;

use clap::ValueEnum;
use rustc_hash::FxHashMap;

use crate::city::City;
use crate::columns::Field;
use crate::geo::Centre;
use crate::sink::{Read, Sink};
use crate::tally::{Summary, Tally};

/// What `stats` groups by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GroupBy {
    Continent,
    Country,
    Agreement,
    Status,
    Capital,
    /// The decade the agreement was signed in.
    Decade,
    /// The year the agreement was signed in.
    Year,
    /// Every city in one group.
    All,
}

/// The cities sharing one value.
#[derive(Clone, Debug, PartialEq)]
pub struct Group<'c> {
    pub group: Cow<'c, str>,
    pub cities: Vec<Cow<'c, str>>,
}

/// The group of cities whose value is unknown.
const UNKNOWN: &str = "unknown";

/// What a city is grouped under; `unknown` where the value is.
fn label<'c>(city: &City<'c>, by: GroupBy) -> Cow<'c, str> {
    match by {
        GroupBy::Continent => city.continent.map_or(UNKNOWN, |c| c.as_str()).into(),
        GroupBy::Country => city.country.clone().unwrap_or(UNKNOWN.into()),
        GroupBy::Agreement => city.agreement.map_or(UNKNOWN, |a| a.as_str()).into(),
        GroupBy::Status => city.status.map_or(UNKNOWN, |s| s.as_str()).into(),
        GroupBy::Capital => match city.capital {
            Some(true) => "capital".into(),
            Some(false) => "not capital".into(),
            None => UNKNOWN.into(),
        },
        GroupBy::Decade => city
            .signed
            .map_or(UNKNOWN.into(), |d| decade(d.year()).into()),
        GroupBy::Year => city
            .signed
            .map_or(UNKNOWN.into(), |d| d.year().to_string().into()),
        GroupBy::All => "all".into(),
    }
}

pub fn decade(year: i32) -> String {
    format!("{}s", year - year.rem_euclid(10))
}

/// The cities of each group, gathered as a file is read: each part of the file sorts
/// its own groups by name, on its own core, and the parts' sorted groups are merged.
pub struct Groups<'a> {
    by: GroupBy,
    /// The numeric field summed up over each group, if any.
    of: Option<Field>,
    // Hashed, not ordered, as cities come: groups are few and sorted once at the end.
    members: FxHashMap<Cow<'a, str>, (Vec<Member<'a>>, Tally<'a>)>,
}

/// A city in a group (or a period of `timeline`), ordered by name the way
/// `order::by_name` orders cities: the folded name, then the name, then the country code.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
pub struct Member<'a> {
    folded: Box<str>,
    pub name: Cow<'a, str>,
    code: [u8; 2],
}

impl<'a> Member<'a> {
    pub fn of(read: &Read<'a, '_>) -> Member<'a> {
        Member {
            folded: read.folded.into(),
            name: read.city.name.clone(),
            code: code(read.city.country_code.as_deref().unwrap_or_default()),
        }
    }
}

impl<'a> Groups<'a> {
    /// Groups by `by`, with `of` summed up over each (`stats --of`).
    pub fn new(by: GroupBy, of: Option<Field>) -> Groups<'a> {
        Groups {
            by,
            of,
            members: FxHashMap::default(),
        }
    }

    /// The groups, each group's cities by name: decades and years in time order, the
    /// others the largest first, ties by group name; the unknown last.
    pub fn groups(self) -> Vec<Group<'a>> {
        self.summaries()
            .into_iter()
            .map(|(group, _)| group)
            .collect()
    }

    /// The groups in order, each with its summary of the `--of` field.
    pub fn summaries(self) -> Vec<(Group<'a>, Summary<'a>)> {
        let mut groups: Vec<(Group, Summary)> = self
            .members
            .into_iter()
            .map(|(group, (members, tally))| {
                let group = Group {
                    group,
                    cities: members.into_iter().map(|m| m.name).collect(),
                };
                (group, tally.summary())
            })
            .collect();
        match self.by {
            GroupBy::Decade | GroupBy::Year => groups.sort_by(|(a, _), (b, _)| {
                // "990s" before "2000s": fewer digits, an earlier time.
                let key = |g: &Group| (g.group == UNKNOWN, g.group.len());
                key(a).cmp(&key(b)).then_with(|| a.group.cmp(&b.group))
            }),
            GroupBy::Continent
            | GroupBy::Country
            | GroupBy::Agreement
            | GroupBy::Status
            | GroupBy::Capital
            | GroupBy::All => groups.sort_by(|(a, _), (b, _)| {
                let unknown = |g: &Group| g.group == UNKNOWN;
                (unknown(a).cmp(&unknown(b)))
                    .then_with(|| b.cities.len().cmp(&a.cities.len()))
                    .then_with(|| a.group.cmp(&b.group))
            }),
        }
        groups
    }
}

impl<'a> Sink<'a> for Groups<'a> {
    fn add(&mut self, read: Read<'a, '_>) {
        let (members, tally) = self.members.entry(label(&read.city, self.by)).or_default();
        if let Some(field) = self.of {
            // `stats` measures from Kraków.
            tally.add(&field.value(&read.city, &Centre::krakow()), || {
                Member::of(&read)
            });
        }
        members.push(Member::of(&read));
    }

    /// Each part sorts its own groups by name, on its own core.
    fn finish_part(&mut self) {
        for (members, _) in self.members.values_mut() {
            members.sort_unstable();
        }
    }

    fn join(&mut self, later: Self) {
        for (group, (members, tally)) in later.members {
            let (held, held_tally) = self.members.entry(group).or_default();
            let lists = vec![std::mem::take(held), members];
            *held = crate::order::merged(lists, Ord::cmp).collect();
            held_tally.join(tally);
        }
    }
}

/// A country code as two bytes (the loader's rule makes it two capital letters; an
/// unknown one is empty).
pub fn code(text: &str) -> [u8; 2] {
    let bytes = text.as_bytes();
    [
        bytes.first().copied().unwrap_or(0),
        bytes.get(1).copied().unwrap_or(0),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decades() {
        assert_eq!(decade(1973), "1970s");
        assert_eq!(decade(2000), "2000s");
        assert_eq!(decade(2009), "2000s");
    }
}
