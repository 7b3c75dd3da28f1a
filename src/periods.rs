//! `timeline`: agreements signed, and partnerships ended, per year or decade.

use std::collections::BTreeMap;

use clap::ValueEnum;

use crate::city::{City, Status, fold};
use crate::groups::decade;
use crate::order::by_name;

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
        if let (Some(Status::Ended | Status::Suspended), Some(since)) =
            (city.status, city.status_since)
        {
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
