//! A partner city and the small types that describe it.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use crate::provenance::Provenance;
use crate::terminal::quote;

/// Defines a closed set of values with the kebab-case names used in the data file,
/// on the command line and in JSON, so all three always agree.
macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in the order they are documented.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Every value's name, in the same order.
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            /// The name used in the data, on the command line and in JSON.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The allowed names, for error messages.
            pub fn allowed() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                let wanted = trim(s);
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().eq_ignore_ascii_case(wanted))
                    .ok_or_else(|| format!("'{}' is not one of: {}", quote(s), Self::allowed()))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

named_enum!(
    /// The continent a city lies on.
    Continent {
        Europe => "europe",
        Asia => "asia",
        Africa => "africa",
        NorthAmerica => "north-america",
        SouthAmerica => "south-america",
        Oceania => "oceania",
    }
);

named_enum!(
    /// The kind of document a partnership rests on.
    Agreement {
        TwinCity => "twin-city",
        Partnership => "partnership",
        HonoraryTwinCity => "honorary-twin-city",
        LetterOfIntent => "letter-of-intent",
        Memorandum => "memorandum",
        CooperationProgramme => "cooperation-programme",
        None => "none",
    }
);

named_enum!(
    /// Whether a partnership is in force. `Unconfirmed`: sources show it in force up to
    /// `last_attested`, and no later source confirms or ends it; it is never counted as
    /// active today, but reads active on a date its sources cover (see [`City::as_of`]).
    Status {
        Active => "active",
        Suspended => "suspended",
        Ended => "ended",
        Unconfirmed => "unconfirmed",
    }
);

/// A calendar date that may be known only to the year or the month: then it stands for
/// every day of that year or month, a range from [`Date::first_day`] to
/// [`Date::last_day`].
///
/// Ordering, for sorting only, puts a partial date at its first day, before the full
/// dates inside it (`2016` < `2016-01` < `2016-01-01`). Whether one event came before
/// another is [`Date::surely_before`]; whether one had happened by a day,
/// [`Date::surely_by`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

impl Date {
    /// A full date, if it exists in the calendar.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> Option<u8> {
        self.month
    }

    pub fn day(self) -> Option<u8> {
        self.day
    }

    /// The earliest day the date may mean: itself when it is a full date.
    pub fn first_day(self) -> Date {
        Date {
            year: self.year,
            month: Some(self.month.unwrap_or(1)),
            day: Some(self.day.unwrap_or(1)),
        }
    }

    /// The latest day the date may mean: itself when it is a full date.
    pub fn last_day(self) -> Date {
        let month = self.month.unwrap_or(12);
        Date {
            year: self.year,
            month: Some(month),
            day: Some(self.day.unwrap_or_else(|| days_in_month(self.year, month))),
        }
    }

    /// Whether this date is before `other` whichever days the two partial dates mean:
    /// `2000-06-15` is not surely before `2000`, nor `2000` before `2000-06-15`.
    pub fn surely_before(self, other: Date) -> bool {
        self.last_day() < other.first_day()
    }

    /// Whether an event on this date had surely happened by the end of `day` (itself
    /// a range, read as its last day): a partnership signed in `1996` had by
    /// `1996-12-31`, or by `--as-of 1996`, but not by `1996-06-30`.
    pub fn surely_by(self, day: Date) -> bool {
        self.last_day() <= day.last_day()
    }

    /// Whole years from this date to `later`, counting a partial date from its first day.
    pub fn years_until(self, later: Date) -> i32 {
        let mut years = later.year - self.year;
        let this = (self.month.unwrap_or(1), self.day.unwrap_or(1));
        let that = (later.month.unwrap_or(1), later.day.unwrap_or(1));
        if that < this {
            years -= 1;
        }
        years
    }

    /// Today's date in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let days = i64::try_from(secs / 86_400).unwrap_or(0);
        // Howard Hinnant's days-to-civil algorithm.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        // Each part is within its range by the algorithm: day 1..=31, month 1..=12.
        let day = u8::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
        let month = u8::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
        let year = i32::try_from(yoe + era * 400 + i64::from(month <= 2)).unwrap_or(9999);
        Date::ymd(year, month, day).unwrap_or(Date {
            year,
            month: None,
            day: None,
        })
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.year, self.month, self.day).cmp(&(other.year, other.month, other.day))
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl FromStr for Date {
    type Err = String;

    fn from_str(s: &str) -> Result<Date, String> {
        let bad = || format!("'{}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)", quote(s));
        let shown = || quote(s);
        let mut split = trim(s).splitn(4, '-');
        let parts: [Option<&str>; 4] = [split.next(), split.next(), split.next(), split.next()];
        let number = |part: &str, digits: usize| -> Option<u16> {
            (part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        };
        let year = i32::from(parts[0].and_then(|p| number(p, 4)).ok_or_else(bad)?);
        if year == 0 {
            return Err(format!("'{}' has no year 0 (years run from 0001)", shown()));
        }
        let month = match parts[1] {
            None => None,
            Some(p) => {
                let m = number(p, 2).ok_or_else(bad)?;
                if !(1..=12).contains(&m) {
                    return Err(format!(
                        "'{}' has no month {m:02} (months run 01 to 12)",
                        shown()
                    ));
                }
                Some(u8::try_from(m).map_err(|_| bad())?)
            }
        };
        let day = match parts[2] {
            None => None,
            Some(p) => {
                let d = number(p, 2).ok_or_else(bad)?;
                let m = month.ok_or_else(bad)?;
                let last = days_in_month(year, m);
                if d < 1 || d > u16::from(last) {
                    return Err(format!(
                        "'{}' does not exist ({year:04}-{m:02} has days 01 to {last})",
                        shown()
                    ));
                }
                Some(u8::try_from(d).map_err(|_| bad())?)
            }
        };
        if parts[3].is_some() {
            return Err(bad());
        }
        Ok(Date { year, month, day })
    }
}

impl Date {
    /// The date as ISO 8601 text: `2016`, `2016-02` or `2016-02-29`.
    pub fn iso(self) -> Iso {
        let mut iso = Iso {
            bytes: [b'0'; 10],
            len: 4,
        };
        // Years run from 0001 to 9999 (the parser's and the calendar's rule); any
        // other is written as 9999 rather than cut into a wrong date.
        let year = u16::try_from(self.year).unwrap_or(9999).min(9999);
        let digits = |n: u16, into: &mut [u8]| {
            let mut n = n;
            for byte in into.iter_mut().rev() {
                // A digit: below 10.
                *byte = b'0' + u8::try_from(n % 10).unwrap_or(0);
                n /= 10;
            }
        };
        digits(year, &mut iso.bytes[..4]);
        for part in [self.month, self.day].into_iter().map_while(|p| p) {
            iso.bytes[iso.len] = b'-';
            digits(u16::from(part), &mut iso.bytes[iso.len + 1..iso.len + 3]);
            iso.len += 3;
        }
        iso
    }
}

/// A date's ISO 8601 text, made without the formatting machinery: a large answer
/// writes many.
pub struct Iso {
    bytes: [u8; 10],
    len: usize,
}

impl std::ops::Deref for Iso {
    type Target = str;

    fn deref(&self) -> &str {
        // Digits and dashes only.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// A span of dates, `FROM..TO`, either end open (`..1980`, `2000..`), or one date
/// alone (`1996`: its whole year). A date is inside only when every day it may mean
/// is: `1999` is inside `1990..1999`, `2000` is not inside `..2000-06`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl DateRange {
    pub fn contains(&self, date: Date) -> bool {
        self.from
            .is_none_or(|from| date.first_day() >= from.first_day())
            && self.to.is_none_or(|to| date.last_day() <= to.last_day())
    }
}

impl FromStr for DateRange {
    type Err = String;

    fn from_str(s: &str) -> Result<DateRange, String> {
        let end = |text: &str| -> Result<Option<Date>, String> {
            match text.trim() {
                "" => Ok(None),
                text => text.parse().map(Some),
            }
        };
        let range = match s.split_once("..") {
            Some((from, to)) => DateRange {
                from: end(from)?,
                to: end(to)?,
            },
            None => {
                let date = end(s)?.ok_or("is empty (FROM..TO, ..TO, FROM.. or one date)")?;
                DateRange {
                    from: Some(date),
                    to: Some(date),
                }
            }
        };
        if let (Some(from), Some(to)) = (range.from, range.to)
            && to.surely_before(from)
        {
            return Err(format!(
                "'{}' ends before it begins ({to} is before {from})",
                quote(s)
            ));
        }
        Ok(range)
    }
}

/// One partner city, as the data file describes it. Every value a source may not give
/// is an `Option`. Texts borrow from the data file's bytes where they can, so loading a
/// large file does not copy it again string by string.
#[derive(Clone, Debug, PartialEq)]
pub struct City<'a> {
    pub name: Cow<'a, str>,
    pub name_pl: Option<Cow<'a, str>>,
    pub name_local: Option<Cow<'a, str>>,
    pub aliases: List<'a>,
    /// The country by English name and by ISO 3166-1 alpha-2 code: a row gives one or
    /// both, and the loader fills the other from the ISO table where it is there, so
    /// at least one is known.
    pub country: Option<Cow<'a, str>>,
    pub country_code: Option<Cow<'a, str>>,
    pub continent: Option<Continent>,
    pub capital: Option<bool>,
    pub agreement: Option<Agreement>,
    pub signed: Option<Date>,
    pub status: Option<Status>,
    pub status_since: Option<Date>,
    /// The earliest and the latest dated source showing the partnership in force.
    pub first_attested: Option<Date>,
    pub last_attested: Option<Date>,
    pub lat: f64,
    pub lon: f64,
    pub population: Option<u64>,
    pub population_year: Option<i32>,
    pub area_km2: Option<f64>,
    pub elevation_m: Option<f64>,
    pub sources: List<'a>,
    pub notes: Option<Cow<'a, str>>,
    /// Which of the sources gives each value.
    pub provenance: Provenance<'a>,
}

impl<'a> City<'a> {
    /// A city with every value unknown and placeholders for what every city has: what
    /// the loader fills in column by column, and lets out only when every required
    /// column was read.
    pub fn blank() -> City<'a> {
        City {
            name: Cow::Borrowed(""),
            name_pl: None,
            name_local: None,
            aliases: List::default(),
            country: None,
            country_code: None,
            continent: None,
            capital: None,
            agreement: None,
            signed: None,
            status: None,
            status_since: None,
            first_attested: None,
            last_attested: None,
            lat: 0.0,
            lon: 0.0,
            population: None,
            population_year: None,
            area_km2: None,
            elevation_m: None,
            sources: List::default(),
            notes: None,
            provenance: Provenance::default(),
        }
    }

    /// Residents per square kilometre, where both figures are known.
    pub fn density_per_km2(&self) -> Option<f64> {
        match (self.population, self.area_km2) {
            // Populations are at most 2^53 (the loader's rule): exact as f64.
            #[allow(clippy::cast_precision_loss)]
            (Some(p), Some(a)) if a > 0.0 => Some(p as f64 / a),
            _ => None,
        }
    }

    /// The country as people read it: its name, else its code (one of them is known).
    pub fn country_shown(&self) -> &str {
        self.country
            .as_deref()
            .or(self.country_code.as_deref())
            .unwrap_or_default()
    }

    /// Every name the city is known by: English, Polish, local and the aliases.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&*self.name)
            .chain(self.name_pl.as_deref())
            .chain(self.name_local.as_deref())
            .chain(self.aliases.iter())
    }

    /// The city as it stood at the end of `date` (a year or month: its last day):
    /// `None` if the partnership did not surely count yet (see [`City::counts_from`]);
    /// otherwise the city with the status it had then (a partnership that ended or was
    /// suspended later still reads active).
    ///
    /// A partial date has surely happened only once its last day has passed: signed in
    /// `1996`, a partnership counts as of `1996-12-31` (and `--as-of 1996`), not as of
    /// `1996-06-30`; ended in `2022`, it reads active until `2022-12-31`.
    ///
    /// An unconfirmed partnership was in force as far as its sources reach: it reads
    /// active up to its `last_attested` date (attested in `2007`, until `2007-12-31`, as
    /// an ended one would), and unconfirmed after it or when that date is unknown.
    pub fn as_of(self, date: Date) -> Option<City<'a>> {
        // A partnership with neither date cannot be placed in time: it is left out.
        if !self.counts_from()?.surely_by(date) {
            return None;
        }
        let in_force = match (self.status, self.status_since, self.last_attested) {
            // The change came later: on that date the partnership was in force.
            (Some(Status::Suspended | Status::Ended), Some(since), _) => !since.surely_by(date),
            // Still shown in force on that date.
            (Some(Status::Unconfirmed), _, Some(last)) => !last.surely_before(date.last_day()),
            // Active, or changed on a date unknown, or a status unknown: as the data says.
            _ => false,
        };
        Some(match in_force {
            true => City {
                status: Some(Status::Active),
                status_since: None,
                ..self
            },
            false => self,
        })
    }

    /// Since when the partnership counts: its signing, else the earliest source that
    /// shows it in force; `None` when neither is known.
    pub fn counts_from(&self) -> Option<Date> {
        self.signed.or(self.first_attested)
    }

    /// The city with nothing borrowed, to keep beyond the text it was read from.
    pub fn into_owned(self) -> City<'static> {
        let owned = |text: Cow<'a, str>| Cow::Owned(text.into_owned());
        City {
            name: owned(self.name),
            name_pl: self.name_pl.map(owned),
            name_local: self.name_local.map(owned),
            aliases: self.aliases.into_owned(),
            country: self.country.map(owned),
            country_code: self.country_code.map(owned),
            sources: self.sources.into_owned(),
            notes: self.notes.map(owned),
            provenance: self.provenance.into_owned(),
            ..self
        }
    }
}

/// A `;`-separated list as the data file writes it (aliases, sources), kept as the
/// one text it is and split when read.
#[derive(Clone, Debug, Default)]
pub struct List<'a>(Cow<'a, str>);

impl<'a> List<'a> {
    pub fn new(text: Cow<'a, str>) -> List<'a> {
        List(text)
    }

    /// The items, trimmed, without empty ones.
    pub fn iter(&self) -> impl Iterator<Item = &str> + Clone {
        self.0.split(';').map(trim).filter(|item| !item.is_empty())
    }

    /// The same list, borrowing this one's text.
    pub fn borrowed(&self) -> List<'_> {
        List(Cow::Borrowed(&self.0))
    }

    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }

    /// The list with nothing borrowed.
    pub fn into_owned(self) -> List<'static> {
        List(Cow::Owned(self.0.into_owned()))
    }
}

impl<S: AsRef<str>> FromIterator<S> for List<'static> {
    fn from_iter<I: IntoIterator<Item = S>>(items: I) -> Self {
        let items: Vec<S> = items.into_iter().collect();
        let texts: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
        List(Cow::Owned(texts.join(";")))
    }
}

/// Lists are equal when their items are, however the file spaced them.
impl PartialEq for List<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for List<'_> {}

impl PartialOrd for List<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for List<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.iter().cmp(other.iter())
    }
}

/// The text without surrounding whitespace, as `str::trim` gives it; two bytes are
/// checked in the usual case, where there is none.
pub fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if !needs_trim(*first) && !needs_trim(*last) => text,
        _ => text.trim(),
    }
}

/// Whether a text starting or ending with this byte may have whitespace to trim:
/// ASCII whitespace, or a byte of a multi-byte character (which may be a space).
fn needs_trim(byte: u8) -> bool {
    // `str::trim` also trims the vertical tab, which is not ASCII white space to Rust.
    byte.is_ascii_whitespace() || byte == 0x0B || byte >= 0x80
}

/// Folds text for matching: no case, no diacritics, Latin letters only where a
/// transliteration exists (`KOŠICE` and `kosice` fold alike).
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    fold_into(text, &mut folded);
    folded
}

/// [`fold`] into a buffer, so a loop can reuse one.
pub fn fold_into(text: &str, folded: &mut String) {
    folded.clear();
    if text.is_ascii() {
        // The common case, without the transliteration tables.
        folded.push_str(text);
        folded.make_ascii_lowercase();
    } else {
        // Transliterated text is ASCII: lowered in place, not copied again.
        folded.push_str(&deunicode::deunicode(text));
        folded.make_ascii_lowercase();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_parse_print_and_order() {
        for text in ["1973", "1973-09", "1973-09-08", "2016-02-29"] {
            assert_eq!(text.parse::<Date>().unwrap().to_string(), text);
        }
        let year: Date = "2016".parse().unwrap();
        let month: Date = "2016-06".parse().unwrap();
        let day: Date = "2016-06-02".parse().unwrap();
        assert!(year < month && month < day);
        assert!(day < "2016-06-03".parse().unwrap());
        assert!("2015-12-31".parse::<Date>().unwrap() < year);
    }

    #[test]
    fn partial_dates_are_ranges() {
        let date = |text: &str| text.parse::<Date>().unwrap();
        assert_eq!(date("2000").first_day(), date("2000-01-01"));
        assert_eq!(date("2000").last_day(), date("2000-12-31"));
        assert_eq!(date("2000-02").last_day(), date("2000-02-29"));
        assert_eq!(date("2001-02").last_day(), date("2001-02-28"));
        // Signed 2000-06-15 and ended "2000": not surely in the wrong order.
        assert!(!date("2000").surely_before(date("2000-06-15")));
        assert!(!date("2000-06-15").surely_before(date("2000")));
        assert!(date("1999").surely_before(date("2000-01-01")));
        assert!(date("1996").surely_by(date("1996-12-31")));
        assert!(date("1996").surely_by(date("1996")));
        assert!(!date("1996").surely_by(date("1996-06-30")));
        assert!(date("1996-03-02").surely_by(date("1996-03")));
    }

    #[test]
    fn date_ranges_hold_the_dates_surely_inside() {
        let date = |text: &str| text.parse::<Date>().unwrap();
        let range = |text: &str| text.parse::<DateRange>().unwrap();
        assert!(range("1990..1999").contains(date("1999")));
        assert!(range("1990..1999").contains(date("1990-01-01")));
        assert!(!range("1990..1999").contains(date("2000-01-01")));
        assert!(!range("..2000-06").contains(date("2000")));
        assert!(range("2000..").contains(date("2000")));
        assert!(range("1996").contains(date("1996-03")));
        assert!(!range("1996-03").contains(date("1996")));
        assert!("1999..1990".parse::<DateRange>().is_err());
        assert!("1990..soon".parse::<DateRange>().is_err());
        assert!("".parse::<DateRange>().is_err());
        assert_eq!(
            range(".."),
            DateRange {
                from: None,
                to: None
            }
        );
    }

    #[test]
    fn as_of_counts_a_partial_date_once_it_has_surely_passed() {
        let date = |text: &str| text.parse::<Date>().unwrap();
        let city = City {
            signed: Some(date("1996")),
            status: Some(Status::Ended),
            status_since: Some(date("2022")),
            ..City::blank()
        };
        assert!(city.clone().as_of(date("1996-06-30")).is_none());
        assert_eq!(
            city.clone().as_of(date("1996")).unwrap().status,
            Some(Status::Active)
        );
        let mid = city.clone().as_of(date("2022-03-15")).unwrap();
        assert_eq!(mid.status, Some(Status::Active));
        assert_eq!(
            city.as_of(date("2022")).unwrap().status,
            Some(Status::Ended)
        );
    }

    #[test]
    fn as_of_reads_an_unconfirmed_partnership_active_as_far_as_its_sources_reach() {
        let date = |text: &str| text.parse::<Date>().unwrap();
        let city = City {
            signed: Some(date("1991")),
            status: Some(Status::Unconfirmed),
            last_attested: Some(date("2007-12-22")),
            ..City::blank()
        };
        let status = |on: &str| city.clone().as_of(date(on)).map(|c| c.status);
        assert_eq!(status("1990"), None);
        assert_eq!(status("1991"), Some(Some(Status::Active)));
        assert_eq!(status("2007-12-22"), Some(Some(Status::Active)));
        assert_eq!(status("2007-12-23"), Some(Some(Status::Unconfirmed)));
        // A month or year asked for is its last day: past the source's day.
        assert_eq!(status("2007-12"), Some(Some(Status::Unconfirmed)));
        assert_eq!(status("2022-03-15"), Some(Some(Status::Unconfirmed)));
        // Attested only to the year: in force until that year's last day.
        let year = City {
            last_attested: Some(date("2007")),
            ..city.clone()
        };
        assert_eq!(
            year.clone().as_of(date("2007")).unwrap().status,
            Some(Status::Active)
        );
        assert_eq!(
            year.as_of(date("2008-01-01")).unwrap().status,
            Some(Status::Unconfirmed)
        );
        // With no date of its last source, it is never known to be in force.
        let never = City {
            last_attested: None,
            ..city
        };
        assert_eq!(
            never.as_of(date("2000")).unwrap().status,
            Some(Status::Unconfirmed)
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        for text in [
            "2016-02-30",
            "2015-02-29",
            "2016-13-01",
            "0000-00-00",
            "2016-00",
            "16-01-01",
            "2016-1-1",
            "2016-01-01-01",
            "",
            "soon",
            "2016--01",
        ] {
            assert!(text.parse::<Date>().is_err(), "{text} was accepted");
        }
        let message = "2016-02-30".parse::<Date>().unwrap_err();
        assert!(message.contains("days 01 to 29"), "{message}");
    }

    #[test]
    fn years_until_counts_whole_years() {
        let signed: Date = "1973-09-08".parse().unwrap();
        assert_eq!(signed.years_until("2022-09-07".parse().unwrap()), 48);
        assert_eq!(signed.years_until("2022-09-08".parse().unwrap()), 49);
    }

    #[test]
    fn enums_read_their_names_in_any_case() {
        assert_eq!(
            "North-America".parse::<Continent>(),
            Ok(Continent::NorthAmerica)
        );
        assert_eq!(
            "letter-of-intent".parse::<Agreement>(),
            Ok(Agreement::LetterOfIntent)
        );
        let err = "antarctica".parse::<Continent>().unwrap_err();
        assert!(err.contains("europe, asia"), "{err}");
    }

    #[test]
    fn fold_ignores_case_and_diacritics() {
        assert_eq!(fold("KOŠICE"), "kosice");
        assert_eq!(fold("Kraków"), "krakow");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Nürnberg"), "nurnberg");
    }

    #[test]
    fn today_is_a_real_date() {
        assert!(Date::today().year() >= 2024);
        assert!(Date::today().day().is_some());
    }
}
