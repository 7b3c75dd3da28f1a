//! Which source gives each value of a city: its provenance. The bundled data keeps it in
//! `data/evidence.csv` (a row per city, field and source, with the passage that gives
//! the value); a file of one's own gives it in a file of that shape (`--evidence`), or,
//! in JSON, as the `provenance` object the tool writes: `{field: [URL, …]}`.
//!
//! The rules, whichever way it comes: only the fields below take sources; a source is
//! one of the city's `sources` (or, for `country_code` and `continent`, the standard the
//! country table follows); no source for a value the city leaves empty; and where a
//! file cites any source, every value has one.

use std::borrow::Cow;

use crate::city::{City, Date};
use crate::columns::Field;
use crate::countries;
use crate::rules;
use crate::terminal::quote;
use crate::value::Value;

/// The fields that take sources, in column order: every stored value but the names,
/// the sources themselves and the notes.
pub const EVIDENCED: &[Field] = &[
    Field::Country,
    Field::CountryCode,
    Field::Continent,
    Field::Capital,
    Field::Agreement,
    Field::Signed,
    Field::Status,
    Field::StatusSince,
    Field::FirstAttested,
    Field::LastAttested,
    Field::Lat,
    Field::Lon,
    Field::Population,
    Field::PopulationYear,
    Field::AreaKm2,
    Field::ElevationM,
];

/// The standards the country table follows, which a country code and a continent may
/// cite without their being among a city's sources.
pub const STANDARDS: &[(Field, &str)] = &[
    (
        Field::CountryCode,
        "https://www.iso.org/iso-3166-country-codes.html",
    ),
    (
        Field::Continent,
        "https://unstats.un.org/unsd/methodology/m49/",
    ),
];

/// One source of one value.
#[derive(Clone, Debug, PartialEq)]
pub struct Cited<'a> {
    pub field: Field,
    pub url: Cow<'a, str>,
    /// The passage on the page that gives the value (a provenance file has it; JSON
    /// carries only the URLs).
    pub quote: Option<Cow<'a, str>>,
    /// The day the page was read.
    pub read: Option<Date>,
}

impl Cited<'_> {
    pub fn into_owned(self) -> Cited<'static> {
        Cited {
            url: Cow::Owned(self.url.into_owned()),
            quote: self.quote.map(|q| Cow::Owned(q.into_owned())),
            ..self
        }
    }
}

/// A city's sources, value by value: the fields in column order, each one's sources in
/// the order given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Provenance<'a>(Vec<Cited<'a>>);

impl<'a> Provenance<'a> {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Cited<'a>> {
        self.0.iter()
    }

    /// The sources of one field.
    pub fn of(&self, field: Field) -> impl Iterator<Item = &Cited<'a>> {
        self.0.iter().filter(move |c| c.field == field)
    }

    /// Adds a source; one the city already cites for that field (from its own JSON) is
    /// replaced, so that the passage and the day read come with it.
    pub fn cite(&mut self, cited: Cited<'a>) {
        match self
            .0
            .iter_mut()
            .find(|c| c.field == cited.field && c.url == cited.url)
        {
            Some(known) => *known = cited,
            // Fields in column order, however they came: the same provenance is the
            // same list.
            None => {
                let at = self.0.partition_point(|c| c.field <= cited.field);
                self.0.insert(at, cited);
            }
        }
    }

    /// The JSON value: each field with sources, in column order, and their URLs.
    pub fn value(&self) -> Value<'_> {
        let entries = EVIDENCED
            .iter()
            .filter_map(|&field| {
                let urls: Vec<Cow<str>> = self.of(field).map(|c| Cow::Borrowed(&*c.url)).collect();
                (!urls.is_empty()).then_some((field.key(), urls))
            })
            .collect();
        Value::Map(entries)
    }

    pub fn into_owned(self) -> Provenance<'static> {
        Provenance(self.0.into_iter().map(Cited::into_owned).collect())
    }
}

/// A field that takes sources, by its key; or what is wrong with the key.
pub fn field(key: &str) -> Result<Field, String> {
    if let Some(field) = EVIDENCED.iter().find(|f| f.key() == key) {
        return Ok(*field);
    }
    let keys: Vec<&str> = EVIDENCED.iter().map(|f| f.key()).collect();
    let hint = crate::suggest::did_you_mean(key, &keys)
        .map(|h| format!("; {h}"))
        .unwrap_or_default();
    let what = match Field::from_key(key) {
        Some(_) => "does not take sources",
        None => "is not a field",
    };
    Err(format!(
        "'{}' {what}{hint} (the fields that do: {})",
        quote(key),
        keys.join(", ")
    ))
}

/// The provenance a JSON object's `provenance` holds (its text, as written), checked
/// on its own: fields that take sources, each once, with a list of distinct URLs.
pub fn read(text: Cow<'_, str>) -> Result<Provenance<'static>, String> {
    let entries: Vec<(String, serde_json::Value)> = match serde_json::from_str::<Entries>(&text) {
        Ok(Entries(entries)) => entries,
        Err(_) => {
            return Err("expected an object of fields, each with an array of URLs \
                     ({\"population\": [\"https://…\"]})"
                .into());
        }
    };
    let mut provenance = Provenance::default();
    let mut seen: Vec<Field> = Vec::new();
    for (key, urls) in entries {
        let field = field(&key)?;
        if seen.contains(&field) {
            return Err(format!("{key}: is given twice (each field once)"));
        }
        seen.push(field);
        let Some(urls) = urls.as_array().filter(|u| !u.is_empty()) else {
            return Err(format!("{key}: expected an array of one URL or more"));
        };
        for url in urls {
            let Some(url) = url.as_str() else {
                return Err(format!("{key}: expected an array of URLs (texts)"));
            };
            rules::url(url).map_err(|why| format!("{key}: {why}"))?;
            let cited = Cited {
                field,
                url: Cow::Owned(url.to_string()),
                quote: None,
                read: None,
            };
            if provenance.iter().any(|c| *c == cited) {
                return Err(format!("{key}: '{}' is given twice", quote(url)));
            }
            provenance.cite(cited);
        }
    }
    Ok(provenance)
}

/// What is wrong with citing `url` for `field` of `city`, if anything: an empty value,
/// or a URL that is not one of the city's sources.
pub fn judge(city: &City, field: Field, url: &str) -> Result<(), String> {
    if field.value(city, &crate::geo::Centre::krakow()) == Value::Unknown {
        return Err(
            "cites a source for a value the city leaves empty (a value no source \
                    gives stays empty, and cites none)"
                .into(),
        );
    }
    if STANDARDS.contains(&(field, url)) || city.sources.iter().any(|s| s == url) {
        return Ok(());
    }
    let standard = STANDARDS
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, standard)| format!(", or {standard}"))
        .unwrap_or_default();
    Err(format!(
        "'{}' is not among {}'s sources (cite a URL of its sources column, written as \
         there{standard})",
        quote(url),
        quote(&city.name)
    ))
}

/// The fields of `city` with a value and no source. A country code or continent the
/// country table gives for the city's country needs none: the table's standards are
/// their source.
pub fn unsourced<'c>(city: &'c City<'c>) -> impl Iterator<Item = Field> + 'c {
    EVIDENCED.iter().copied().filter(move |&field| {
        if field.value(city, &crate::geo::Centre::krakow()) == Value::Unknown
            || city.provenance.of(field).next().is_some()
        {
            return false;
        }
        let code = city.country_code.as_deref();
        match field {
            Field::CountryCode => city
                .country
                .as_deref()
                .and_then(countries::find)
                .is_none_or(|c| Some(c.code) != code),
            Field::Continent => code
                .and_then(countries::by_code)
                .is_none_or(|c| c.continent != city.continent),
            _ => true,
        }
    })
}

/// An object's entries in the order written, every one kept: a field written twice is
/// a problem to report, not a value silently replaced.
struct Entries(Vec<(String, serde_json::Value)>);

impl<'de> serde::Deserialize<'de> for Entries {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Entries;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Entries, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    entries.push((key, map.next_value()?));
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(Visit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn city() -> City<'static> {
        City {
            name: "Fes".into(),
            country: Some("Morocco".into()),
            country_code: Some("MA".into()),
            continent: Some(crate::city::Continent::Africa),
            lat: 34.03,
            lon: -5.0,
            population: Some(1_256_172),
            sources: crate::city::List::new("https://a.example/; https://b.example/".into()),
            ..City::blank()
        }
    }

    #[test]
    fn provenance_reads_back_what_it_writes() {
        let text = r#"{"lat": ["https://a.example/"], "country": ["https://b.example/", "https://a.example/"]}"#;
        let provenance = read(Cow::Borrowed(text)).unwrap();
        // Keys in column order, URLs in the order given.
        let written = serde_json::to_string(&provenance.value()).unwrap();
        assert_eq!(
            written,
            r#"{"country":["https://b.example/","https://a.example/"],"lat":["https://a.example/"]}"#
        );
        assert_eq!(read(Cow::Owned(written)).unwrap(), provenance);
        assert_eq!(
            serde_json::to_string(&Provenance::default().value()).unwrap(),
            "{}"
        );
    }

    #[test]
    fn provenance_of_the_wrong_shape_is_refused() {
        for (text, why) in [
            ("[]", "expected an object"),
            (
                r#"{"name": ["https://a.example/"]}"#,
                "'name' does not take sources",
            ),
            (
                r#"{"popultion": ["https://a.example/"]}"#,
                "did you mean population?",
            ),
            (r#"{"lat": []}"#, "one URL or more"),
            (r#"{"lat": "https://a.example/"}"#, "one URL or more"),
            (r#"{"lat": [1]}"#, "URLs (texts)"),
            (r#"{"lat": ["https://"]}"#, "no host"),
            (
                r#"{"lat": ["https://a.example/", "https://a.example/"]}"#,
                "given twice",
            ),
            (
                r#"{"lat": ["https://a.example/"], "lat": ["https://b.example/"]}"#,
                "given twice",
            ),
        ] {
            let err = read(Cow::Borrowed(text)).unwrap_err();
            assert!(err.contains(why), "{text}: {err}");
        }
    }

    #[test]
    fn a_source_is_one_of_the_citys_and_for_a_value_it_has() {
        let city = city();
        assert!(judge(&city, Field::Population, "https://a.example/").is_ok());
        let err = judge(&city, Field::Population, "https://c.example/").unwrap_err();
        assert!(err.contains("is not among Fes's sources"), "{err}");
        let err = judge(&city, Field::ElevationM, "https://a.example/").unwrap_err();
        assert!(err.contains("leaves empty"), "{err}");
        // The country table's standards, for the values it gives.
        assert!(judge(&city, Field::CountryCode, STANDARDS[0].1).is_ok());
        assert!(judge(&city, Field::Continent, STANDARDS[1].1).is_ok());
        assert!(judge(&city, Field::Continent, STANDARDS[0].1).is_err());
    }

    #[test]
    fn every_value_but_the_country_tables_needs_a_source() {
        let mut city = city();
        let lacking: Vec<Field> = unsourced(&city).collect();
        assert_eq!(
            lacking,
            [Field::Country, Field::Lat, Field::Lon, Field::Population]
        );
        city.provenance.cite(Cited {
            field: Field::Population,
            url: "https://a.example/".into(),
            quote: None,
            read: None,
        });
        // A continent the country table does not give needs one.
        city.continent = Some(crate::city::Continent::Europe);
        let lacking: Vec<Field> = unsourced(&city).collect();
        assert_eq!(
            lacking,
            [Field::Country, Field::Continent, Field::Lat, Field::Lon]
        );
    }
}
