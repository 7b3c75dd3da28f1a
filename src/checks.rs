//! The rules that only warn: values a row may hold, but which are most likely mistakes.
//! `validate` lists them; other commands say how many there are, once.
//!
//! - a point more than [`OUTSIDE_KM`] outside its country's borders (Natural Earth
//!   1:50m, `land`): latitude and longitude swapped, most often;
//! - a signing, ending or attestation date after the day the data reflects (the
//!   bundled data's date, or today for a file of one's own).

use crate::city::{City, Date};
use crate::countries;
use crate::land;

/// How far outside its country's borders a city may lie before it is warned of: the
/// borders are drawn at 1:50 000 000 (a coast may be a few kilometres off, a small
/// island left out), and a city's centre may be given roughly; a swap of latitude and
/// longitude moves a city hundreds or thousands of kilometres.
pub const OUTSIDE_KM: f64 = 25.0;

/// A value that is likely wrong: its column, the value, and why.
#[derive(Debug, PartialEq)]
pub struct Warning {
    pub column: &'static str,
    pub value: String,
    pub message: String,
}

/// The day a dataset reflects, which none of its dates should be after.
#[derive(Clone, Copy, Debug)]
pub struct AsOf {
    pub date: Date,
    /// What the day is, for messages: "the data's date", "today".
    pub what: &'static str,
}

/// Every warning about `city`.
pub fn warnings(city: &City, as_of: AsOf) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for (column, date) in [
        ("signed", city.signed),
        ("status_since", city.status_since),
        ("first_attested", city.first_attested),
        ("last_attested", city.last_attested),
    ] {
        // A year or month is after the day only if all of it is.
        if let Some(date) = date
            && date.first_day() > as_of.date
        {
            warnings.push(Warning {
                column,
                value: date.to_string(),
                message: format!(
                    "{date} is after {} ({}): a date yet to come?",
                    as_of.what, as_of.date
                ),
            });
        }
    }
    warnings.extend(outside(city));
    warnings
}

/// A city farther than [`OUTSIDE_KM`] outside its country.
fn outside(city: &City) -> Option<Warning> {
    let code = city.country_code.as_deref()?;
    let (lat, lon) = (city.lat, city.lon);
    if land::within(code, lat, lon, OUTSIDE_KM)? {
        return None;
    }
    let country = countries::by_code(code).map_or(code, |c| c.name);
    let swapped = lon.abs() <= 90.0 && land::within(code, lon, lat, OUTSIDE_KM) == Some(true);
    let hint = match swapped {
        true => format!("lat/lon swapped? ({lon}, {lat} lies in {country})"),
        false => "lat/lon swapped, or the wrong country?".to_string(),
    };
    Some(Warning {
        column: "lat",
        value: format!("{lat}, {lon}"),
        message: format!(
            "{lat}, {lon} lies more than {OUTSIDE_KM} km outside {country} ({code}): {hint}"
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn as_of() -> AsOf {
        AsOf {
            date: "2026-12-01".parse().unwrap(),
            what: "the data's date",
        }
    }

    fn frankfurt() -> City<'static> {
        City {
            name: "Frankfurt am Main".into(),
            country: Some("Germany".into()),
            country_code: Some("DE".into()),
            lat: 50.1109,
            lon: 8.6821,
            ..City::blank()
        }
    }

    #[test]
    fn a_sound_city_raises_no_warning() {
        assert_eq!(warnings(&frankfurt(), as_of()), []);
    }

    #[test]
    fn swapped_coordinates_are_told_and_the_swap_named() {
        let city = City {
            lat: 8.6821,
            lon: 50.1109,
            ..frankfurt()
        };
        let [warning] = &warnings(&city, as_of())[..] else {
            panic!("{:?}", warnings(&city, as_of()));
        };
        assert_eq!(warning.column, "lat");
        assert!(
            warning.message.starts_with("8.6821, 50.1109 lies ")
                && warning.message.ends_with(
                    "km outside Germany (DE): lat/lon swapped? (50.1109, 8.6821 lies in Germany)"
                ),
            "{}",
            warning.message
        );
        // Far from its country, but not swapped: said so too.
        let city = City {
            lat: -33.9,
            lon: 18.4,
            ..frankfurt()
        };
        assert!(
            warnings(&city, as_of())[0]
                .message
                .ends_with("or the wrong country?")
        );
        // A country the borders do not have, or a code that is none: not judged.
        let city = City {
            country_code: Some("QQ".into()),
            lat: 0.0,
            lon: 0.0,
            ..frankfurt()
        };
        assert_eq!(warnings(&city, as_of()), []);
    }

    #[test]
    fn dates_after_the_datas_are_told_and_partial_ones_only_when_all_of_them_is() {
        let date = |text: &str| Some(text.parse::<Date>().unwrap());
        let city = City {
            signed: date("2099-01-01"),
            status_since: date("2026-12"),
            first_attested: date("2027"),
            last_attested: date("2026-12-02"),
            ..frankfurt()
        };
        let told: Vec<(&str, String)> = warnings(&city, as_of())
            .into_iter()
            .map(|w| (w.column, w.message))
            .collect();
        assert_eq!(
            told,
            [
                (
                    "signed",
                    "2099-01-01 is after the data's date (2026-12-01): a date yet to come?"
                        .to_string()
                ),
                (
                    "first_attested",
                    "2027 is after the data's date (2026-12-01): a date yet to come?".to_string()
                ),
                (
                    "last_attested",
                    "2026-12-02 is after the data's date (2026-12-01): a date yet to come?"
                        .to_string()
                ),
            ]
        );
    }
}
