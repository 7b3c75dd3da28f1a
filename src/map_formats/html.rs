//! The map as one self-contained HTML page: the SVG inline, a table of its cities
//! under it, and a small script that sorts the table and shows a card for the city
//! under the pointer. Nothing is fetched: the page forbids it. Without the script the
//! map and the table are all there; each marker's `<title>` still names its city.

use std::fmt::Write;

use super::Drawn;
use crate::city::City;
use crate::columns::Field;
use crate::geo::Centre;
use crate::map::Language;
use crate::markup::escape;
use crate::render::Names;
use crate::value::Value;

/// The table's columns, and so the card's lines.
const COLUMNS: &[Field] = &[
    Field::Name,
    Field::Country,
    Field::Agreement,
    Field::Status,
    Field::Signed,
    Field::DistanceKm,
];

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// The page, as text.
pub fn page(map: &Drawn) -> String {
    let lang = Language::of(map.names);
    let mut s = String::with_capacity(map.svg.len() + 16 * 1024);
    head(&mut s, lang, map.title, "");
    let _ = write!(
        s,
        "<main>\n<h1 class=\"unseen\">{}</h1>\n<figure class=\"map\">\n{}\n</figure>\n\
         <div id=\"card\" class=\"card\" hidden></div>\n<div class=\"rows\">\n",
        escape(map.title),
        inline(&map.svg)
    );
    table(&mut s, map.cities, map.names, map.from, map.subtitle, None);
    s.push_str("</div>\n</main>\n");
    foot(&mut s);
    s
}

/// A page's start, up to its `<body>`: its language, a policy that lets it fetch
/// nothing, its title and the page's style with `more` after it.
pub fn head(s: &mut String, lang: Language, title: &str, more: &str) {
    let title = escape(title);
    let lang_code = lang.code();
    let _ = write!(
        s,
        r#"<!DOCTYPE html>
<html lang="{lang_code}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<link rel="icon" href="data:,">
<title>{title}</title>
<style>
{STYLE}{more}</style>
</head>
<body>
"#
    );
}

/// A page's end: the script, which only adds to what is there.
pub fn foot(s: &mut String) {
    let _ = write!(s, "<script>\n{SCRIPT}</script>\n</body>\n</html>\n");
}

/// An SVG as it goes into a page: less an XML declaration, which HTML does not take.
pub fn inline(svg: &str) -> &str {
    let svg = svg.trim_start();
    let svg = match svg.strip_prefix("<?xml") {
        Some(rest) => rest.split_once("?>").map_or(svg, |(_, after)| after),
        None => svg,
    };
    svg.trim()
}

/// The table of `cities` (`#cities`, which the script sorts), captioned; with `cards`,
/// each name links to its city's card, `#` and the card's id.
pub fn table(
    s: &mut String,
    cities: &[City],
    names: Names,
    from: &Centre,
    caption: &str,
    cards: Option<&dyn Fn(usize) -> String>,
) {
    let lang = Language::of(names);
    let _ = write!(
        s,
        "<table id=\"cities\">\n<caption>{}</caption>\n<thead>\n<tr>",
        escape(caption)
    );
    for field in COLUMNS {
        let class = if field.column().is_numeric() {
            r#" class="number""#
        } else {
            ""
        };
        let _ = write!(
            s,
            r#"<th scope="col"{class}>{}</th>"#,
            escape(&lang.heading(*field, from, names))
        );
    }
    s.push_str("</tr>\n</thead>\n<tbody>\n");
    for (i, city) in cities.iter().enumerate() {
        let _ = write!(
            s,
            r#"<tr data-name="{}" data-country="{}">"#,
            escape(&city.name),
            escape(city.country_shown())
        );
        for field in COLUMNS {
            // Names as the map shows them, agreements and statuses in words.
            let value = match field {
                Field::Name => names
                    .of(city)
                    .map_or_else(|| field.value(city, from), |name| Value::Text(name.clone())),
                Field::Country => Value::Text(lang.country(city).into()),
                Field::Agreement => city
                    .agreement
                    .map_or(Value::Unknown, |a| Value::Text(lang.agreement(a).into())),
                Field::Status => city
                    .status
                    .map_or(Value::Unknown, |s| Value::Text(lang.status(s).into())),
                _ => field.value(city, from),
            };
            match (field, cards) {
                (Field::Name, Some(card)) => {
                    let _ = write!(
                        s,
                        r##"<td><a href="#{}"><bdi>{}</bdi></a></td>"##,
                        card(i),
                        escape(&value.pretty())
                    );
                }
                _ => row_cell(s, *field, &value),
            }
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n</table>\n");
}

/// One cell: the value as people read it; numbers and dates also carry the plain value
/// the table sorts by (empty for an unknown one, which sorts last).
fn row_cell(s: &mut String, field: Field, value: &Value) {
    let shown = escape(&value.pretty());
    match value {
        Value::Number { .. } | Value::Integer(_) | Value::Date(_) | Value::Unknown => {
            let class = if field.column().is_numeric() {
                r#" class="number""#
            } else {
                ""
            };
            let _ = write!(
                s,
                r#"<td{class} data-sort="{}">{shown}</td>"#,
                escape(&value.plain())
            );
        }
        // Names in any script, isolated so a right-to-left one cannot reorder its row.
        _ => {
            let _ = write!(s, "<td><bdi>{shown}</bdi></td>");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::city::City;
    use std::borrow::Cow;

    fn page_of(name: &str) -> String {
        let mut city = City::blank();
        city.name = Cow::Borrowed(name);
        city.country = Some(Cow::Borrowed("Land"));
        let cities = [city];
        page(&Drawn {
            svg: "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".into(),
            names: crate::render::Names::En,
            title: "T <1>",
            subtitle: "1 city",
            cities: &cities,
            from: &crate::geo::Centre::krakow(),
        })
    }

    #[test]
    fn the_page_holds_the_map_and_escapes_the_data() {
        let page = page_of("A \"B\" <C> & 'D'\u{202e}");
        assert!(page.contains(r#"<figure class="map">"#));
        assert!(!page.contains("<?xml"), "no XML declaration in HTML");
        assert!(page.contains("<title>T &lt;1&gt;</title>"));
        let escaped = "A &quot;B&quot; &lt;C&gt; &amp; &#39;D&#39;\u{202e}";
        assert!(page.contains(&format!(
            r#"<tr data-name="{escaped}" data-country="Land">"#
        )));
        assert!(page.contains(&format!("<td><bdi>{escaped}</bdi></td>")));
        // An unknown date shows a dash and sorts last.
        assert!(page.contains(r#"<td data-sort="">-</td>"#), "{page}");
    }

    #[test]
    fn the_page_fetches_nothing() {
        let page = page_of("X");
        assert!(page.contains("default-src 'none'"));
        for outside in ["src=", "href=\"http", "url(http", "url('http", "@import"] {
            assert!(!page.contains(outside), "{outside}");
        }
    }
}
