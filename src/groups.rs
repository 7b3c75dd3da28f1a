//! `stats`' groups: the cities sharing a continent, country, agreement, status,
//! capital flag or decade, gathered as a file is read.

use std::borrow::Cow;

use clap::ValueEnum;
use rustc_hash::FxHashMap;

use crate::city::{City, fold};
use crate::sink::Sink;

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
}

/// The cities sharing one value.
#[derive(Clone, Debug, PartialEq)]
pub struct Group<'c> {
    pub group: Cow<'c, str>,
    pub cities: Vec<Cow<'c, str>>,
}

/// What a city is grouped under; `unknown` where the value is.
fn label<'c>(city: &City<'c>, by: GroupBy) -> Cow<'c, str> {
    match by {
        GroupBy::Continent => city.continent.as_str().into(),
        GroupBy::Country => city.country.clone(),
        GroupBy::Agreement => city.agreement.as_str().into(),
        GroupBy::Status => city.status.as_str().into(),
        GroupBy::Capital if city.capital => "capital".into(),
        GroupBy::Capital => "not capital".into(),
        GroupBy::Decade => city
            .signed
            .map_or("unknown".into(), |d| decade(d.year()).into()),
    }
}

pub fn decade(year: i32) -> String {
    format!("{}s", year - year.rem_euclid(10))
}

/// The cities of each group, gathered as a file is read: each part of the file sorts
/// its own groups by name, on its own core, and the parts' sorted groups are merged.
pub struct Groups<'a> {
    by: GroupBy,
    // Hashed, not ordered, as cities come: groups are few and sorted once at the end.
    members: FxHashMap<Cow<'a, str>, Vec<Member<'a>>>,
}

/// A city in a group, ordered by name the way [`by_name`] orders cities: the folded
/// name, then the name, then the country code.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Member<'a> {
    folded: String,
    name: Cow<'a, str>,
    code: Cow<'a, str>,
}

impl<'a> Groups<'a> {
    pub fn new(by: GroupBy) -> Groups<'a> {
        Groups {
            by,
            members: FxHashMap::default(),
        }
    }

    /// The groups, the largest first (ties by group name), each group's cities by name.
    pub fn groups(self) -> Vec<Group<'a>> {
        let mut groups: Vec<Group> = self
            .members
            .into_iter()
            .map(|(group, members)| Group {
                group,
                cities: members.into_iter().map(|m| m.name).collect(),
            })
            .collect();
        groups.sort_by(|a, b| {
            (b.cities.len().cmp(&a.cities.len())).then_with(|| a.group.cmp(&b.group))
        });
        groups
    }
}

impl<'a> Sink<'a> for Groups<'a> {
    fn add(&mut self, city: City<'a>) {
        let member = Member {
            folded: fold(&city.name),
            name: city.name.clone(),
            code: city.country_code.clone(),
        };
        self.members
            .entry(label(&city, self.by))
            .or_default()
            .push(member);
    }

    /// Each part sorts its own groups by name, on its own core.
    fn finish_part(&mut self) {
        for members in self.members.values_mut() {
            members.sort_unstable();
        }
    }

    fn join(&mut self, later: Self) {
        for (group, members) in later.members {
            let held = self.members.entry(group).or_default();
            *held = merge(std::mem::take(held), members);
        }
    }
}

/// Two sorted lists as one sorted list; on a tie the first list's item goes first.
fn merge<T: Ord>(a: Vec<T>, b: Vec<T>) -> Vec<T> {
    let mut merged = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if y < x => b.next(),
            (Some(_), _) => a.next(),
            (None, _) => b.next(),
        };
        match next {
            Some(item) => merged.push(item),
            None => return merged,
        }
    }
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

    #[test]
    fn merging_keeps_order() {
        assert_eq!(merge(vec![1, 4, 6], vec![2, 4, 7]), [1, 2, 4, 4, 6, 7]);
    }
}
