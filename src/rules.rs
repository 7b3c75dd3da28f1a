//! The rules a data file's values must follow, one function per kind of value: each
//! reads a cell's text or says what is wrong and what is allowed.

use std::borrow::Cow;

use crate::city::List;
use crate::terminal::quote;

/// The largest population the tool takes: every JSON reader (jq, JavaScript) holds
/// whole numbers up to 2^53 exactly.
pub const MOST_RESIDENTS: u64 = (1 << 53) - 1;

/// The smallest area the tool takes, in km²: smaller ones are typing errors, and would
/// make densities no format can write.
pub const LEAST_AREA: f64 = 0.01;

/// A text every row needs.
pub fn required(text: Cow<'_, str>) -> Result<Cow<'_, str>, String> {
    if text.is_empty() {
        return Err("is empty (a value is required)".into());
    }
    Ok(text)
}

pub fn country_code(text: Cow<'_, str>) -> Result<Cow<'_, str>, String> {
    if text.len() == 2 && text.bytes().all(|b| b.is_ascii_uppercase()) {
        return Ok(text);
    }
    Err(format!(
        "'{}' is not a country code (two capital letters, ISO 3166-1 alpha-2)",
        quote(&text)
    ))
}

pub fn boolean(text: &str) -> Result<bool, String> {
    match text {
        t if t.eq_ignore_ascii_case("true") => Ok(true),
        t if t.eq_ignore_ascii_case("false") => Ok(false),
        _ => Err(format!("'{}' is not true or false", quote(text))),
    }
}

fn number(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(format!("'{}' is not a finite number", quote(text))),
    }
}

/// A latitude (`limit` 90) or longitude (180) in decimal degrees.
pub fn degrees(text: &str, limit: f64) -> Result<f64, String> {
    if text.is_empty() {
        return Err(format!(
            "is empty (decimal degrees from -{limit} to {limit})"
        ));
    }
    let x = number(text)?;
    if x.abs() > limit {
        return Err(format!(
            "{x} is out of range (decimal degrees from -{limit} to {limit})"
        ));
    }
    Ok(x)
}

pub fn population(text: &str) -> Result<u64, String> {
    let digits = text.bytes().all(|b| b.is_ascii_digit());
    match text.parse::<u64>() {
        Ok(n) if digits && n <= MOST_RESIDENTS => Ok(n),
        Ok(_) | Err(_) if digits && !text.is_empty() => Err(format!(
            "'{}' is too large (at most {MOST_RESIDENTS} residents)",
            quote(text)
        )),
        _ => Err(format!(
            "'{}' is not a count of residents (a whole number, 0 or more)",
            quote(text)
        )),
    }
}

pub fn year(text: &str) -> Result<i32, String> {
    let digits = text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit());
    match text.parse::<i32>() {
        Ok(y) if digits && y >= 1000 => Ok(y),
        _ => Err(format!(
            "'{}' is not a year (four digits from 1000, e.g. 2021)",
            quote(text)
        )),
    }
}

pub fn area(text: &str) -> Result<f64, String> {
    let x = number(text)?;
    if x <= 0.0 {
        return Err(format!(
            "{x} is not a positive number (leave it empty if unknown)"
        ));
    }
    if x < LEAST_AREA {
        return Err(format!(
            "{x} km² is too small for a city (at least {LEAST_AREA} km²)"
        ));
    }
    Ok(x)
}

pub fn elevation(text: &str) -> Result<f64, String> {
    let x = number(text)?;
    // The Dead Sea shore and Mount Everest bound every city on Earth.
    if !(-450.0..=8850.0).contains(&x) {
        return Err(format!(
            "{x} m is not an elevation on Earth (metres from -450 to 8850)"
        ));
    }
    Ok(x)
}

pub fn sources(text: Cow<'_, str>) -> Result<List<'_>, String> {
    let sources = List::new(text);
    let mut count = 0;
    let mut bad: Vec<String> = Vec::new();
    for source in sources.iter() {
        count += 1;
        if !(source.starts_with("https://") || source.starts_with("http://")) {
            bad.push(format!("'{}'", quote(source)));
        }
    }
    if count == 0 {
        return Err("lists no URL (a source is the URL of a page, http:// or https://)".into());
    }
    if !bad.is_empty() {
        let (what, verb) = if bad.len() == 1 {
            ("a URL", "is")
        } else {
            ("URLs", "are")
        };
        return Err(format!(
            "{} {verb} not {what} (http:// or https://)",
            bad.join(", ")
        ));
    }
    Ok(sources)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_no_format_can_carry_are_refused() {
        assert!(population("9007199254740991").is_ok());
        let err = population("9223372036854775808").unwrap_err();
        assert!(err.contains("too large"), "{err}");
        let err = area("1e-320").unwrap_err();
        assert!(err.contains("too small"), "{err}");
        assert!(population("-3").unwrap_err().contains("not a count"));
    }
}
