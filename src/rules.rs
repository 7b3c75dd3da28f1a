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

/// A name: empty, or with at least one character that shows. A name of only joiners,
/// soft hyphens, direction marks or blanks that look like letters (U+200D, U+00AD,
/// U+2800) reads as nothing, and cannot be told from another such name.
pub fn name(text: Cow<'_, str>) -> Result<Cow<'_, str>, String> {
    if text.is_empty() || text.chars().any(shows) {
        return Ok(text);
    }
    let points: Vec<String> = text
        .chars()
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    Err(format!(
        "'{}' has no visible character ({}): a name needs a letter or another character that shows",
        quote(&text),
        points.join(" ")
    ))
}

/// Names (`aliases`), each of which must show.
pub fn names(text: Cow<'_, str>) -> Result<List<'_>, String> {
    let names = List::new(text);
    if let Some(hidden) = names.iter().find(|n| !n.chars().any(shows)) {
        return name(Cow::Borrowed(hidden)).map(|_| List::default());
    }
    Ok(names)
}

/// Whether a character shows: not white space, a control or a format character
/// (`terminal::is_unsafe`: zero-width ones, soft hyphens, direction marks), nor a blank
/// that stands in for a letter (braille and Hangul blanks, variation selectors, the
/// combining grapheme joiner).
fn shows(c: char) -> bool {
    !(c.is_whitespace()
        || crate::terminal::is_unsafe(c)
        || matches!(c,
            '\u{034f}' | '\u{115f}' | '\u{1160}' | '\u{180b}'..='\u{180d}' | '\u{2800}'
            | '\u{3164}' | '\u{fe00}'..='\u{fe0f}' | '\u{ffa0}' | '\u{e0100}'..='\u{e01ef}'))
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
        if let Err(why) = url(source) {
            bad.push(why);
        }
    }
    if count == 0 {
        return Err("lists no URL (a source is the URL of a page, http:// or https://)".into());
    }
    if !bad.is_empty() {
        return Err(bad.join("; "));
    }
    Ok(sources)
}

/// The address of a page: an absolute `http://` or `https://` URL with a host, and no
/// character a URL writes %-escaped (spaces, quotes, angle brackets), so that it reads
/// the same wherever it is shown or pasted.
pub fn url(text: &str) -> Result<(), String> {
    let shown = || quote(text);
    let Some(rest) = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
    else {
        return Err(format!("'{}' is not a URL (http:// or https://)", shown()));
    };
    let raw = |c: char| {
        c.is_whitespace()
            || crate::terminal::is_unsafe(c)
            || matches!(
                c,
                '"' | '\'' | '<' | '>' | '`' | '\\' | '{' | '}' | '|' | '^'
            )
    };
    if let Some(c) = text.chars().find(|&c| raw(c)) {
        let what = match c {
            c if c.is_whitespace() => "a space",
            '"' | '\'' | '`' => "a quote",
            _ => "a character",
        };
        return Err(format!(
            "'{}' holds {what} (U+{:04X}) a URL writes %-escaped (%{:02X} for it)",
            shown(),
            u32::from(c),
            c.to_string().bytes().next().unwrap_or_default()
        ));
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let name = host.rsplit_once(':').map_or(host, |(name, port)| {
        match !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) {
            true => name,
            false => host,
        }
    });
    let label = |label: &str| {
        !label.is_empty()
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            && !label.starts_with('-')
    };
    if !name.split('.').all(label) {
        return Err(format!(
            "'{}' has no host name (https://host.example/page: letters, digits, '-' and dots)",
            shown()
        ));
    }
    Ok(())
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

    #[test]
    fn a_url_has_a_host_and_nothing_a_url_escapes() {
        for good in [
            "https://en.wikipedia.org/wiki/Kyoto",
            "http://web.archive.org/web/20190101000000/http://www.krakow.pl/a?b=c#d",
            "https://ru.wikipedia.org/wiki/Москва",
            "https://localhost:8080/",
            "https://xn--krakw-3ta.pl",
        ] {
            assert_eq!(url(good), Ok(()), "{good}");
        }
        for (bad, why) in [
            ("https://", "no host"),
            ("https:///page", "no host"),
            ("https://x..example/", "no host"),
            ("https://-x.example/", "no host"),
            ("https://x.example:port/", "no host"),
            ("https://x.example/\" onmouseover=\"alert(1)", "a quote"),
            ("https://x.example/a b", "a space"),
            ("https://x.example/a\u{200b}", "a character"),
            ("http:/x.example", "not a URL"),
            ("ftp://x.example", "not a URL"),
            ("x.example", "not a URL"),
        ] {
            let err = url(bad).unwrap_err();
            assert!(err.contains(why), "{bad}: {err}");
        }
    }

    #[test]
    fn a_name_shows_at_least_one_character() {
        for hidden in [
            "\u{200d}",
            "\u{00ad}",
            "\u{2800}",
            "\u{200b}\u{200d}\u{fe0f}",
            " \u{3164} ",
        ] {
            let err = name(Cow::Borrowed(hidden)).unwrap_err();
            assert!(err.contains("has no visible character (U+"), "{err}");
        }
        for shown in ["Kraków", "京都", "\u{200d}A", "Київ", ""] {
            assert!(name(Cow::Borrowed(shown)).is_ok(), "{shown}");
        }
        assert!(names(Cow::Borrowed("Kiev; \u{2800}")).is_err());
        assert_eq!(
            names(Cow::Borrowed("Kiev; Kiew")).unwrap().iter().count(),
            2
        );
    }
}
