//! `timeline`'s agreements signed and partnerships ended per year or decade, counted as
//! the file is read.

use std::borrow::Cow;
use std::collections::BTreeMap;

use clap::ValueEnum;
use rustc_hash::FxHashMap;

use crate::city::Status;
use crate::groups::{Member, decade};
use crate::sink::{Read, Sink};

/// How finely `timeline` counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Span {
    Year,
    Decade,
}

/// What happened in one year or decade.
#[derive(Clone, Debug, PartialEq)]
pub struct Period<'a> {
    pub period: String,
    /// Cities whose agreement was signed then.
    pub signed: Vec<Cow<'a, str>>,
    /// Cities whose partnership ended or was suspended then.
    pub ended: Vec<Cow<'a, str>>,
}

/// A period's key: an unknown date (`true`) sorts after every year.
type Key = (bool, i32);

/// The cities signed and ended in each period, gathered as a file is read: each part
/// sorts its own periods' cities by name, on its own core, and the parts' are merged.
pub struct Periods<'a> {
    span: Span,
    // Hashed, not ordered, as cities come: periods are few and sorted once at the end.
    periods: FxHashMap<Key, (Vec<Member<'a>>, Vec<Member<'a>>)>,
}

impl<'a> Periods<'a> {
    pub fn new(span: Span) -> Periods<'a> {
        Periods {
            span,
            periods: FxHashMap::default(),
        }
    }

    fn key(&self, year: Option<i32>) -> Key {
        match (year, self.span) {
            (None, _) => (true, 0),
            (Some(year), Span::Year) => (false, year),
            (Some(year), Span::Decade) => (false, year - year.rem_euclid(10)),
        }
    }

    /// Agreements signed and partnerships ended per period, oldest first, each
    /// period's cities by name; periods with nothing in them are left out. Cities whose
    /// date is unknown are counted last, in a period of their own ("unknown"), so the
    /// totals match `stats`.
    pub fn timeline(self) -> Vec<Period<'a>> {
        let names = |members: Vec<Member<'a>>| members.into_iter().map(|m| m.name).collect();
        let sorted: BTreeMap<Key, _> = self.periods.into_iter().collect();
        sorted
            .into_iter()
            .map(|((unknown, start), (signed, ended))| Period {
                period: match (unknown, self.span) {
                    (true, _) => "unknown".to_string(),
                    (false, Span::Year) => start.to_string(),
                    (false, Span::Decade) => decade(start),
                },
                signed: names(signed),
                ended: names(ended),
            })
            .collect()
    }
}

impl<'a> Sink<'a> for Periods<'a> {
    fn add(&mut self, read: Read<'a, '_>) {
        let city = &read.city;
        let signed = self.key(city.signed.map(|d| d.year()));
        let ended = match city.status {
            Some(Status::Ended | Status::Suspended) => {
                Some(self.key(city.status_since.map(|d| d.year())))
            }
            Some(Status::Active | Status::Unconfirmed) | None => None,
        };
        self.periods
            .entry(signed)
            .or_default()
            .0
            .push(Member::of(&read));
        if let Some(ended) = ended {
            self.periods
                .entry(ended)
                .or_default()
                .1
                .push(Member::of(&read));
        }
    }

    /// Each part sorts its own periods' cities by name, on its own core.
    fn finish_part(&mut self) {
        for (signed, ended) in self.periods.values_mut() {
            signed.sort_unstable();
            ended.sort_unstable();
        }
    }

    fn join(&mut self, later: Self) {
        let merged = |held: &mut Vec<Member<'a>>, later: Vec<Member<'a>>| {
            let lists = vec![std::mem::take(held), later];
            *held = crate::order::merged(lists, Ord::cmp).collect();
        };
        for (key, (signed, ended)) in later.periods {
            let held = self.periods.entry(key).or_default();
            merged(&mut held.0, signed);
            merged(&mut held.1, ended);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::load::{BUNDLED, Dialect, read_delimited};

    /// The bundled data's timeline, read in `parts` parts.
    fn timeline(span: Span, parts: usize) -> Vec<Period<'static>> {
        let new = || Periods::new(span);
        let periods = read_delimited(BUNDLED.as_bytes(), "b.csv", Dialect::Csv, parts, &new);
        periods.map(Periods::timeline).unwrap_or_default()
    }

    #[test]
    fn a_file_read_in_parts_has_the_timeline_it_has_whole() {
        for span in [Span::Year, Span::Decade] {
            let whole = timeline(span, 1);
            assert!(whole.len() > 5, "{whole:?}");
            for parts in [2, 3, 7] {
                assert_eq!(timeline(span, parts), whole, "{parts} parts");
            }
        }
        let years = timeline(Span::Year, 1);
        let names = |period: &Period| -> Vec<String> {
            period.signed.iter().map(|n| crate::city::fold(n)).collect()
        };
        for period in &years {
            let mut sorted = names(period);
            sorted.sort();
            assert_eq!(names(period), sorted, "{}", period.period);
        }
        assert_eq!(years.last().map(|p| p.period.as_str()), Some("unknown"));
    }
}
