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
/// nothing in them are left out. Cities whose date is unknown are counted last, in a
/// period of their own ("unknown"), so the totals match `stats`.
pub fn timeline(cities: &[City], span: Span) -> Vec<Period> {
    // `None` for an unknown date: it sorts after every year.
    let key = |year: Option<i32>| match (year, span) {
        (None, _) => (true, 0),
        (Some(year), Span::Year) => (false, year),
        (Some(year), Span::Decade) => (false, year - year.rem_euclid(10)),
    };
    let sorted = by_name_order(cities);
    let mut periods: BTreeMap<(bool, i32), (Vec<String>, Vec<String>)> = BTreeMap::new();
    for city in sorted {
        periods
            .entry(key(city.signed.map(|d| d.year())))
            .or_default()
            .0
            .push(city.name.to_string());
        if let Some(Status::Ended | Status::Suspended) = city.status {
            periods
                .entry(key(city.status_since.map(|d| d.year())))
                .or_default()
                .1
                .push(city.name.to_string());
        }
    }
    periods
        .into_iter()
        .map(|((unknown, start), (signed, ended))| Period {
            period: match (unknown, span) {
                (true, _) => "unknown".to_string(),
                (false, Span::Year) => start.to_string(),
                (false, Span::Decade) => decade(start),
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
