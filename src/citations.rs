//! `show --sources`: a city's values, each with its sources, a row per value and
//! source: the URL, the passage that gives the value and the day the page was read. A
//! value with no source has a row of its own with none, so that it shows.

use std::borrow::Cow;
use std::io;

use crate::city::City;
use crate::columns::Field;
use crate::provenance::Cited;
use crate::render::{Audience, Col, Emit, Grid, Rows, Shape, View};
use crate::value::Value;

/// The columns programs and lines of text get.
pub const COLUMNS: &[Col] = &[
    Col::new("city", "City", false),
    Col::new("field", "Field", false),
    Col::new("value", "Value", false),
    Col::new("url", "URL", false),
    Col::wrapping("quote", "Quote"),
    Col::new("read", "Read", false),
];

/// The columns people get: the URL and the passage share a column, which a table may
/// wrap.
const FOR_PEOPLE: &[Col] = &[
    Col::new("field", "Field", false),
    Col::wrapping("value", "Value"),
    Col::wrapping("source", "Source"),
];

/// The longest line of a URL in a table: a URL breaks after a `/` (or anywhere, if a
/// part is longer), so that a table of 80 columns shows it whole beside the field and
/// its value.
const URL_LINE: usize = 36;

/// A city and the fields whose sources are shown, in column order.
pub struct Citations<'a> {
    pub city: City<'a>,
    pub fields: Vec<Field>,
}

impl Citations<'_> {
    pub fn grid(&self, view: &View) -> Grid<'_> {
        let people = view.format.audience() == Audience::People;
        let mut rows = Vec::new();
        for &field in &self.fields {
            let value = field.value(&self.city, &crate::geo::Centre::krakow());
            let mut sources = self.city.provenance.of(field).peekable();
            if sources.peek().is_none() && value != Value::Unknown {
                rows.push((field, None));
            }
            rows.extend(sources.map(|cited| (field, Some(cited))));
        }
        Grid {
            shape: Shape::List,
            columns: if people { FOR_PEOPLE } else { COLUMNS }.to_vec(),
            rows: Box::new(CitedRows {
                city: &self.city,
                rows,
                people,
            }),
        }
    }
}

struct CitedRows<'c, 'a> {
    city: &'c City<'a>,
    rows: Vec<(Field, Option<&'c Cited<'a>>)>,
    people: bool,
}

impl Rows for CitedRows<'_, '_> {
    fn len(&self) -> usize {
        self.rows.len()
    }

    fn row(&self, i: usize, emit: &mut Emit) -> io::Result<()> {
        let (field, cited) = self.rows[i];
        let city = self.city;
        let text = |text: &str| Value::Text(Cow::Owned(text.to_string()));
        let place = Some((city.lat, city.lon));
        if self.people {
            let source = cited.map_or(Value::Unknown, |cited| {
                let mut lines = broken(&cited.url);
                if let Some(quote) = &cited.quote {
                    lines.push(format!("“{quote}”"));
                }
                text(&lines.join("\n"))
            });
            let value = Value::Text(
                field
                    .value(city, &crate::geo::Centre::krakow())
                    .pretty()
                    .into(),
            );
            return emit(&[text(field.column().label), value, source], place);
        }
        let cells = [
            Value::Text(Cow::Borrowed(&city.name)),
            Value::Text(Cow::Borrowed(field.key())),
            field.value(city, &crate::geo::Centre::krakow()),
            cited.map_or(Value::Unknown, |c| Value::Text(Cow::Borrowed(&c.url))),
            cited
                .and_then(|c| c.quote.as_deref())
                .map_or(Value::Unknown, |q| Value::Text(Cow::Borrowed(q))),
            cited
                .and_then(|c| c.read)
                .map_or(Value::Unknown, Value::Date),
        ];
        emit(&cells, place)
    }
}

/// A URL as lines of at most [`URL_LINE`] characters, broken after a `/`, `?` or `&`
/// where it can be.
fn broken(url: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut part = String::new();
    let flush = |part: &mut String, line: &mut String, lines: &mut Vec<String>| {
        if line.chars().count() + part.chars().count() > URL_LINE && !line.is_empty() {
            lines.push(std::mem::take(line));
        }
        line.push_str(part);
        part.clear();
        // A part longer than a line is cut where the line is full.
        while line.chars().count() > URL_LINE {
            let cut = line
                .char_indices()
                .nth(URL_LINE)
                .map_or(line.len(), |(at, _)| at);
            lines.push(line[..cut].to_string());
            *line = line[cut..].to_string();
        }
    };
    for c in url.chars() {
        part.push(c);
        if matches!(c, '/' | '?' | '&') {
            flush(&mut part, &mut line, &mut lines);
        }
    }
    flush(&mut part, &mut line, &mut lines);
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_url_breaks_after_its_slashes_into_lines_of_a_table() {
        let url = "http://web.archive.org/web/20190101000000/http://www.krakow.pl/miasta_partnerskie/12702,artykul,kioto.html?a=1&b=2";
        let lines = broken(url);
        assert_eq!(lines.concat(), url);
        assert!(
            lines.iter().all(|l| l.chars().count() <= URL_LINE),
            "{lines:?}"
        );
        assert_eq!(lines[0], "http://web.archive.org/web/");
        assert_eq!(broken("https://a.example/"), ["https://a.example/"]);
        let long = format!("https://{}.example/", "x".repeat(80));
        let lines = broken(&long);
        assert_eq!(lines.concat(), long);
        assert!(
            lines.iter().all(|l| l.chars().count() <= URL_LINE),
            "{lines:?}"
        );
    }
}
