//! Grouping cities: counts per group, agreements per period, and the leg between two
//! places.

use std::borrow::Cow;
use std::collections::BTreeMap;

use clap::ValueEnum;
use rustc_hash::FxHashMap;

use crate::city::{City, Status, fold};
use crate::dataset::Gather;
use crate::filter::by_name;
use crate::geo;

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

fn decade(year: i32) -> String {
    format!("{}s", year - year.rem_euclid(10))
}

/// Groups cities, the largest group first (ties by group name), each group's cities
/// by name.
pub fn group<'c>(cities: &[City<'c>], by: GroupBy) -> Vec<Group<'c>> {
    let mut groups = Groups::new(by);
    for city in cities {
        groups.add(city.clone());
    }
    groups.done();
    groups.groups()
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

impl<'a> Gather<'a> for Groups<'a> {
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

    fn done(&mut self) {
        for members in self.members.values_mut() {
            members.sort_unstable();
        }
    }

    fn join(&mut self, later: Self) {
        for (group, members) in later.members {
            let held = self.members.entry(group).or_default();
            *held = crate::parallel::merge_by(std::mem::take(held), members, Ord::cmp);
        }
    }
}

/// How finely `timeline` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Span {
    Year,
    Decade,
}

/// What happened in one year or decade.
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    pub period: String,
    /// Cities whose agreement was signed then.
    pub signed: Vec<String>,
    /// Cities whose partnership ended or was suspended then.
    pub ended: Vec<String>,
}

/// Agreements signed and partnerships ended per period, oldest first; periods with
/// nothing in them are left out. Cities without a known date take no part.
pub fn timeline(cities: &[City], span: Span) -> Vec<Period> {
    let key = |year: i32| match span {
        Span::Year => year,
        Span::Decade => year - year.rem_euclid(10),
    };
    let sorted = by_name_order(cities);
    let mut periods: BTreeMap<i32, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for city in sorted {
        if let Some(signed) = city.signed {
            periods
                .entry(key(signed.year()))
                .or_default()
                .0
                .push(city.name.to_string());
        }
        if let (Status::Ended | Status::Suspended, Some(since)) = (city.status, city.status_since) {
            periods
                .entry(key(since.year()))
                .or_default()
                .1
                .push(city.name.to_string());
        }
    }
    periods
        .into_iter()
        .map(|(start, (signed, ended))| Period {
            period: match span {
                Span::Year => start.to_string(),
                Span::Decade => decade(start),
            },
            signed,
            ended,
        })
        .collect()
}

/// The cities in name order, each name folded once rather than at every comparison.
fn by_name_order<'c>(cities: &'c [City<'c>]) -> Vec<&'c City<'c>> {
    let mut keyed: Vec<(String, &City)> = cities.iter().map(|c| (fold(&c.name), c)).collect();
    keyed.sort_by(|(a, ca), (b, cb)| a.cmp(b).then_with(|| by_name(ca, cb)));
    keyed.into_iter().map(|(_, c)| c).collect()
}

/// The way from one place to another.
#[derive(Clone, Debug, PartialEq)]
pub struct Leg {
    pub from: String,
    pub to: String,
    pub km: f64,
    pub bearing: f64,
}

impl Leg {
    /// From Kraków's Main Market Square to a city.
    pub fn from_krakow(to: &City) -> Leg {
        // The same distance as every other command gives.
        let km = geo::from_krakow_km(to.lat, to.lon);
        let (_, bearing) = geo::distance_and_bearing(geo::KRAKOW, (to.lat, to.lon));
        Leg {
            from: "Kraków".into(),
            to: to.name.to_string(),
            km,
            bearing,
        }
    }

    /// Between two cities.
    pub fn between(from: &City, to: &City) -> Leg {
        let (km, bearing) = geo::distance_and_bearing((from.lat, from.lon), (to.lat, to.lon));
        Leg {
            from: from.name.to_string(),
            to: to.name.to_string(),
            km,
            bearing,
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
}
