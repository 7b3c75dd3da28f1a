//! A card per city: its names, its values in words, its notes and its sources, each
//! source a link where it is a web address.

use std::fmt::Write;

use crate::city::City;
use crate::columns::Field;
use crate::map::Language;
use crate::markup::escape;
use crate::render::Names;

/// The lines of a card, in order, each with the fields it shows (the first names the
/// line): the names are its heading, the notes and sources follow the lines.
const LINES: &[&[Field]] = &[
    &[Field::Aliases],
    &[Field::Country],
    &[Field::Continent],
    &[Field::Capital],
    &[Field::Agreement],
    &[Field::Signed],
    &[Field::Status, Field::StatusSince],
    &[Field::FirstAttested],
    &[Field::LastAttested],
    &[Field::Population, Field::PopulationYear],
    &[Field::AreaKm2],
    &[Field::ElevationM],
    &[Field::Lat, Field::Lon],
    &[Field::DistanceKm],
];

/// Where a city's values come from: every source of the city, and for each field the
/// sources of its value (by their place in `all`).
pub struct Sources<'c> {
    pub all: Vec<&'c str>,
    /// Empty where the data says only which sources the whole row comes from.
    pub by_field: Vec<(Field, Vec<usize>)>,
}

/// The sources of a city's values: the row's sources (and the country table's
/// standards where a value cites them), and for each value with provenance the ones
/// that give it, so that each card line names its own.
pub fn sources_of<'c>(city: &'c City) -> Sources<'c> {
    let mut all: Vec<&'c str> = city.sources.iter().collect();
    let mut by_field = Vec::new();
    for &field in crate::provenance::EVIDENCED {
        let mut at = Vec::new();
        for cited in city.provenance.of(field) {
            let url: &'c str = &cited.url;
            let index = match all.iter().position(|u| *u == url) {
                Some(index) => index,
                None => {
                    all.push(url);
                    all.len() - 1
                }
            };
            at.push(index);
        }
        if !at.is_empty() {
            by_field.push((field, at));
        }
    }
    Sources { all, by_field }
}

/// The id of the card of the city at `index` in the page, for links to it.
pub fn id(index: usize) -> String {
    format!("city-{}", index + 1)
}

/// The card of `city`, the `index`th on the page.
pub fn card(s: &mut String, index: usize, city: &City, sources: &Sources, names: Names) {
    let lang = Language::of(names);
    let id = id(index);
    let _ = writeln!(
        s,
        r#"<article class="city-card" id="{id}" data-name="{}" data-country="{}">"#,
        escape(&city.name),
        escape(city.country_shown())
    );
    // The name shown, then the city's other names.
    let shown = names.of(city).unwrap_or(&city.name);
    let others: Vec<&str> = [
        Some(&city.name),
        city.name_pl.as_ref(),
        city.name_local.as_ref(),
    ]
    .into_iter()
    .flatten()
    .map(|n| &**n)
    .filter(|n| *n != &**shown)
    .fold(Vec::new(), |mut kept, n| {
        if !kept.contains(&n) {
            kept.push(n);
        }
        kept
    });
    let _ = write!(s, "<h3><bdi>{}</bdi>", escape(shown));
    if !others.is_empty() {
        let others: Vec<String> = others
            .iter()
            .map(|n| format!("<bdi>{}</bdi>", escape(n)))
            .collect();
        let _ = write!(
            s,
            r#" <span class="other-names">{}</span>"#,
            others.join(" · ")
        );
    }
    s.push_str("</h3>\n<dl>\n");
    for line in LINES {
        let _ = write!(
            s,
            "<dt>{}</dt><dd><bdi>{}</bdi>",
            escape(line_label(line[0], lang)),
            escape(&shown_value(line[0], city, lang))
        );
        let mut refs: Vec<usize> = sources
            .by_field
            .iter()
            .filter(|(f, _)| line.contains(f))
            .flat_map(|(_, refs)| refs.iter().copied())
            .collect();
        refs.sort_unstable();
        refs.dedup();
        if !refs.is_empty() {
            let refs: Vec<String> = refs
                .iter()
                .map(|r| format!(r##"<a href="#{id}-source-{}">{}</a>"##, r + 1, r + 1))
                .collect();
            let _ = write!(s, r#" <sup class="refs">[{}]</sup>"#, refs.join(", "));
        }
        s.push_str("</dd>\n");
    }
    s.push_str("</dl>\n");
    if let Some(notes) = &city.notes {
        let _ = writeln!(
            s,
            r#"<p class="notes"><strong>{}:</strong> <bdi>{}</bdi></p>"#,
            escape(lang.label(Field::Notes)),
            escape(notes)
        );
    }
    let _ = writeln!(
        s,
        r#"<p class="sources-heading"><strong>{}</strong></p>"#,
        escape(lang.sources_heading(!sources.by_field.is_empty()))
    );
    if sources.all.is_empty() {
        let _ = writeln!(s, r#"<p class="no-sources">{}</p>"#, lang.no_sources());
    } else {
        s.push_str("<ol class=\"sources\">\n");
        for (i, source) in sources.all.iter().enumerate() {
            let _ = writeln!(s, r#"<li id="{id}-source-{}">{}</li>"#, i + 1, link(source));
        }
        s.push_str("</ol>\n");
    }
    s.push_str("</article>\n");
}

/// A source as a link where it is a web address; anything else (a `javascript:` URL
/// in a file of one's own) only as text, which nothing runs.
fn link(source: &str) -> String {
    let web = ["https://", "http://"].iter().any(|scheme| {
        source
            .get(..scheme.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
    });
    let text = escape(source);
    match web {
        true => format!(r#"<a href="{text}" rel="noopener noreferrer">{text}</a>"#),
        false => text,
    }
}

/// The label of a card's line.
fn line_label(field: Field, lang: Language) -> &'static str {
    match field {
        Field::Lat => lang.coordinates(),
        _ => lang.label(field),
    }
}

/// A line's value as a card says it: agreements, statuses, continents and yes or no
/// in words, the country in the page's language, a status with its date, the
/// population with its year, the place as latitude and longitude; the others as
/// tables write them.
fn shown_value(field: Field, city: &City, lang: Language) -> String {
    let words = |word: Option<&str>| word.map_or_else(|| "-".to_string(), str::to_string);
    // The atlas measures from Kraków.
    let krakow = crate::geo::Centre::krakow();
    let with = |value: String, then: Field| match then.value(city, &krakow) {
        crate::value::Value::Unknown => value,
        known => format!("{value} ({})", known.pretty()),
    };
    match field {
        Field::Status => with(
            words(city.status.map(|s| lang.status(s))),
            Field::StatusSince,
        ),
        Field::Population => with(field.value(city, &krakow).pretty(), Field::PopulationYear),
        Field::Lat => format!(
            "{}, {}",
            field.value(city, &krakow).pretty(),
            Field::Lon.value(city, &krakow).pretty()
        ),
        Field::Country => lang.country(city).to_string(),
        Field::Continent => words(city.continent.map(|c| lang.continent(c))),
        Field::Capital => words(city.capital.map(|c| lang.yes_no(c))),
        Field::Agreement => words(city.agreement.map(|a| lang.agreement(a))),
        _ => field.value(city, &krakow).pretty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn a_card_has_values_notes_and_linked_sources() {
        let mut city = City::blank();
        city.name = Cow::Borrowed("Kyiv");
        city.name_pl = Some(Cow::Borrowed("Kijów"));
        city.notes = Some(Cow::Borrowed("A <note>"));
        city.sources = crate::city::List::new(Cow::Borrowed(
            "https://www.krakow.pl/a?x=1&y=2;javascript:alert(1)",
        ));
        let mut s = String::new();
        card(&mut s, 2, &city, &sources_of(&city), Names::Pl);
        assert!(
            s.contains(r#"<article class="city-card" id="city-3" data-name="Kyiv""#),
            "{s}"
        );
        assert!(
            s.contains(
                "<h3><bdi>Kijów</bdi> <span class=\"other-names\"><bdi>Kyiv</bdi></span></h3>"
            ),
            "{s}"
        );
        assert!(s.contains("<dt>Umowa</dt><dd><bdi>-</bdi></dd>"), "{s}");
        assert!(
            s.contains("<dt>Współrzędne (°)</dt><dd><bdi>0, 0</bdi></dd>"),
            "{s}"
        );
        assert!(s.contains("A &lt;note&gt;"));
        assert!(s.contains(
            r#"<li id="city-3-source-1"><a href="https://www.krakow.pl/a?x=1&amp;y=2" rel="noopener noreferrer">"#
        ));
        assert!(
            s.contains(r#"<li id="city-3-source-2">javascript:alert(1)</li>"#),
            "{s}"
        );
        assert!(s.contains("Źródła danych tego miasta"));
    }

    #[test]
    fn values_with_their_own_sources_name_them() {
        let mut city = City::blank();
        city.name = Cow::Borrowed("X");
        city.sources = crate::city::List::new(Cow::Borrowed("https://a.org;https://b.org"));
        let mut sources = sources_of(&city);
        sources.by_field = vec![
            (Field::Population, vec![1]),
            (Field::PopulationYear, vec![1, 0]),
        ];
        let mut s = String::new();
        card(&mut s, 0, &city, &sources, Names::En);
        assert!(
            s.contains(r##"<sup class="refs">[<a href="#city-1-source-1">1</a>, <a href="#city-1-source-2">2</a>]</sup>"##),
            "{s}"
        );
        assert!(s.contains("<strong>Sources</strong>"));
    }
}
