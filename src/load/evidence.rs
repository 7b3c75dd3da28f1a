//! A provenance file (`data/evidence.csv`, or one given with `--evidence`): a row per
//! city, field and source, `city,field,url,quote,read`, CSV or TSV. Each row is checked
//! on its own here (a field that takes sources, a URL, a day, no row twice); what needs
//! the city (its sources, its values) is checked as the data file is read
//! (`load::checked`).

use std::borrow::Cow;
use std::collections::HashMap;

use super::delimited::Rows;
use super::sniff::{self, Kind, without_bom};
use crate::city::Date;
use crate::columns::Field;
use crate::error::{LoadError, Problem};
use crate::provenance::{self, Cited};
use crate::rules;
use crate::terminal::quote;

/// The columns of a provenance file, in the order the bundled one has them.
pub const COLUMNS: [&str; 5] = ["city", "field", "url", "quote", "read"];

/// One sound row.
pub struct Row {
    pub line: u64,
    pub field: Field,
    pub url: String,
    /// Empty for a value with no passage to quote (a country table's standard).
    pub quote: String,
    pub read: Date,
}

impl Row {
    /// The source as a city holds it.
    pub fn cited(&self) -> Cited<'_> {
        Cited {
            field: self.field,
            url: Cow::Borrowed(&self.url),
            quote: (!self.quote.is_empty()).then_some(Cow::Borrowed(&*self.quote)),
            read: Some(self.read),
        }
    }
}

/// A provenance file read: its sound rows by city, and the problems of the others.
pub struct Evidence {
    pub name: String,
    /// Each city's rows, in the file's order; the cities in the order they first come.
    pub cities: Vec<(String, Vec<Row>)>,
    by_name: HashMap<String, usize>,
    /// How many rows the file has, sound or not.
    pub rows: usize,
    pub problems: Vec<Problem>,
}

impl Evidence {
    /// The rows for the city called `name`, and its place in [`Evidence::cities`].
    pub fn of(&self, name: &str) -> Option<(usize, &[Row])> {
        let &i = self.by_name.get(name)?;
        Some((i, &self.cities[i].1))
    }

    /// A file that cannot be read as one: no rows, and what is wrong.
    pub fn refused(error: LoadError) -> Evidence {
        let problems = error
            .problems
            .into_iter()
            .map(|p| Problem {
                file: Some(error.file.clone()),
                ..p
            })
            .collect();
        Evidence {
            name: error.file,
            cities: Vec::new(),
            by_name: HashMap::new(),
            rows: 0,
            problems,
        }
    }

    /// Gives `city` the sources its rows cite (each row known to fit it: the file was
    /// checked when first read).
    pub fn attach<'a>(&'a self, city: &mut crate::city::City<'a>) {
        let Some((_, rows)) = self.of(&city.name) else {
            return;
        };
        for row in rows {
            if provenance::judge(city, row.field, &row.url).is_ok() {
                city.provenance.cite(row.cited());
            }
        }
    }

    /// A file's rows; `Err` only where the file cannot be read as one (not CSV or TSV,
    /// a header without the five columns).
    pub fn read(bytes: &[u8], name: &str) -> Result<Evidence, LoadError> {
        let header = COLUMNS.join(",");
        let dialect = match sniff::sniff(bytes, name) {
            Kind::Delimited(dialect) => dialect,
            Kind::Empty => {
                let message = format!("the file is empty (expected the header: {header})");
                return Err(LoadError::one(name, 1, None, message));
            }
            Kind::Json | Kind::GeoJson | Kind::Semicolons => {
                let message = format!(
                    "is not a CSV or TSV file of sources (a header {header}, then a row per \
                     city, field and source)"
                );
                return Err(LoadError::one(name, 1, None, message));
            }
        };
        let text = without_bom(bytes);
        let mut rows = Rows::new(dialect, text, 0, 1);
        let mut fields = Vec::new();
        let order = match rows.next_row(&mut fields) {
            Some((_, Ok(()))) => {
                columns(&fields).map_err(|message| LoadError::one(name, 1, None, message))?
            }
            Some((line, Err(e))) => {
                return Err(LoadError::one(
                    name,
                    line,
                    None,
                    format!("the header {}", e.message()),
                ));
            }
            None => unreachable!("a file that is not empty has a first row"),
        };
        let mut evidence = Evidence {
            name: name.to_string(),
            cities: Vec::new(),
            by_name: HashMap::new(),
            rows: 0,
            problems: Vec::new(),
        };
        // Where each (city, field, url) was first given.
        let mut seen: HashMap<(String, Field, String), u64> = HashMap::new();
        loop {
            rows.skip_blank_lines();
            let Some((line, read)) = rows.next_row(&mut fields) else {
                break;
            };
            evidence.rows += 1;
            let mut problem =
                |column: Option<&'static str>, value: Option<&str>, message: String| {
                    evidence.problems.push(Problem {
                        file: Some(name.to_string()),
                        ..Problem::new(line, column, value.map(str::to_string), message)
                    });
                };
            if let Err(e) = read {
                let column = e.field().and_then(|i| order.get(i)).map(|&k| COLUMNS[k]);
                problem(column, None, e.message().to_string());
                continue;
            }
            if fields.len() != COLUMNS.len() {
                problem(
                    None,
                    None,
                    format!("the row has {} fields (the header has 5)", fields.len()),
                );
                continue;
            }
            // The cells in COLUMNS' order.
            let mut cells = [""; 5];
            for (cell, &k) in fields.iter().zip(&order) {
                cells[k] = crate::city::trim(cell);
            }
            let [city, field, url, quote_text, day] = cells;
            let mut problem = |column: &'static str, value: &str, message: String| {
                evidence.problems.push(Problem {
                    file: Some(name.to_string()),
                    ..Problem::new(line, Some(column), Some(value.to_string()), message)
                });
            };
            if city.is_empty() {
                problem(
                    "city",
                    city,
                    "is empty (the city's name, as in the data)".into(),
                );
            }
            let field = match field {
                "" => Err("is empty (the field whose value the source gives)".to_string()),
                key => provenance::field(key),
            };
            let field = field
                .map_err(|message| problem("field", cells[1], message))
                .ok();
            let url_sound = rules::url(url).map_err(|m| problem("url", url, m)).is_ok();
            let read = match day.parse::<Date>() {
                Ok(date) if date.day().is_some() => Some(date),
                Ok(_) | Err(_) if day.is_empty() => {
                    problem(
                        "read",
                        day,
                        "is empty (the day the page was read, YYYY-MM-DD)".into(),
                    );
                    None
                }
                Ok(_) => {
                    let message = format!(
                        "'{}' is not a day (the day the page was read, YYYY-MM-DD)",
                        quote(day)
                    );
                    problem("read", day, message);
                    None
                }
                Err(message) => {
                    problem("read", day, message);
                    None
                }
            };
            let (Some(field), Some(read), true, false) = (field, read, url_sound, city.is_empty())
            else {
                continue;
            };
            let key = (city.to_string(), field, url.to_string());
            if let Some(first) = seen.get(&key) {
                let message = format!(
                    "'{}' is already given for {}'s {} on line {first} (each source once a value)",
                    quote(url),
                    quote(city),
                    field.key()
                );
                problem("url", url, message);
                continue;
            }
            seen.insert(key, line);
            let row = Row {
                line,
                field,
                url: url.to_string(),
                quote: quote_text.to_string(),
                read,
            };
            let next = evidence.cities.len();
            let i = *evidence.by_name.entry(city.to_string()).or_insert(next);
            if i == next {
                evidence.cities.push((city.to_string(), Vec::new()));
            }
            evidence.cities[i].1.push(row);
        }
        Ok(evidence)
    }
}

/// Where each of [`COLUMNS`] is in a header, or what is wrong with it.
fn columns(header: &[std::borrow::Cow<str>]) -> Result<Vec<usize>, String> {
    let mut order = Vec::with_capacity(header.len());
    for name in header {
        let name = crate::city::trim(name);
        let Some(k) = COLUMNS.iter().position(|c| *c == name) else {
            let hint = crate::suggest::did_you_mean(name, &COLUMNS)
                .map(|h| format!("; {h}"))
                .unwrap_or_default();
            return Err(format!(
                "unknown column '{}'{hint} (the columns are: {})",
                quote(name),
                COLUMNS.join(",")
            ));
        };
        if order.contains(&k) {
            return Err(format!("column '{name}' appears twice"));
        }
        order.push(k);
    }
    let missing: Vec<&str> = (0..COLUMNS.len())
        .filter(|k| !order.contains(k))
        .map(|k| COLUMNS[k])
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "missing column{} {} (a provenance file has {})",
            if missing.len() == 1 { "" } else { "s" },
            missing.join(", "),
            COLUMNS.join(",")
        ));
    }
    Ok(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Evidence, LoadError> {
        Evidence::read(text.as_bytes(), "e.csv")
    }

    fn problems(text: &str) -> String {
        let evidence = read(text).unwrap();
        let error = LoadError {
            file: "data.csv".into(),
            problems: evidence.problems,
        };
        error.to_string()
    }

    #[test]
    fn rows_are_kept_by_city_in_any_order_of_columns() {
        let evidence = read(
            "url,city,field,read,quote\n\
             https://a.example/,Fes,lat,2026-12-04,Coordinates: 34°02′N\n\
             https://a.example/,Fes,lon,2026-12-04,\"Coordinates: 34°02′N, 5°00′W\"\n\
             https://b.example/,Kyoto,population,2026-12-01,\n",
        )
        .unwrap();
        assert!(evidence.problems.is_empty());
        assert_eq!(evidence.rows, 3);
        let (_, fes) = evidence.of("Fes").unwrap();
        assert_eq!(fes.len(), 2);
        assert_eq!((fes[1].line, fes[1].field), (3, Field::Lon));
        assert_eq!(fes[1].quote, "Coordinates: 34°02′N, 5°00′W");
        assert!(evidence.of("fes").is_none());
        let tsv = Evidence::read(b"city\tfield\turl\tquote\tread\n", "e.tsv").unwrap();
        assert_eq!(tsv.rows, 0);
    }

    #[test]
    fn each_bad_row_is_named_at_its_line() {
        let text = problems(
            "city,field,url,quote,read\n\
             Fes,name,https://a.example/,,2026-12-04\n\
             Fes,popultion,https://a.example/,,2026-12-04\n\
             Fes,lat,https://,,2026-12-04\n\
             Fes,lat,https://a.example/,,2026-12\n\
             Fes,lat,https://a.example/,,yesterday\n\
             ,lat,https://a.example/,,2026-12-04\n\
             Fes,lat,https://a.example/,,2026-12-04\n\
             Fes,lat,https://a.example/,,2026-12-05\n\
             Fes,lat\n",
        );
        for expected in [
            "e.csv:2: field: 'name' does not take sources",
            "e.csv:3: field: 'popultion' is not a field; did you mean population?",
            "e.csv:4: url: 'https://' has no host name",
            "e.csv:5: read: '2026-12' is not a day",
            "e.csv:6: read: 'yesterday' is not a date",
            "e.csv:7: city: is empty",
            "e.csv:9: url: 'https://a.example/' is already given for Fes's lat on line 8",
            "e.csv:10: the row has 2 fields (the header has 5)",
        ] {
            assert!(text.contains(expected), "missing «{expected}» in:\n{text}");
        }
        assert_eq!(text.lines().count(), 8, "{text}");
    }

    #[test]
    fn a_file_that_is_no_provenance_file_is_refused_at_once() {
        for (text, why) in [
            ("", "the file is empty"),
            ("city,field,url,quote\n", "missing column read"),
            ("city,field,url,quote,red\n", "did you mean read?"),
            ("city,field,url,quote,read,city\n", "appears twice"),
            ("[{\"city\": \"Fes\"}]", "is not a CSV or TSV file"),
        ] {
            let err = read(text).err().unwrap().to_string();
            assert!(err.contains(why), "{text}: {err}");
        }
    }
}
