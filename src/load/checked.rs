//! The checks that follow a sound row: its city given its sources from the provenance
//! file and each checked against it, the rule that every value has a source where a
//! file cites any, and the rules that only warn (`checks`). A sink around the command's
//! own, so every command reads a file checked the same way.

use super::evidence::Evidence;
use crate::checks::{self, AsOf};
use crate::error::{Problem, Severity};
use crate::provenance::{self, EVIDENCED};
use crate::sink::{Read, Sink};
use crate::terminal::quote;
use crate::value::Value;

pub struct Checked<'a, S> {
    inner: S,
    evidence: Option<&'a Evidence>,
    as_of: AsOf,
    /// Errors and warnings, by line.
    problems: Vec<Problem>,
    /// Which of the provenance file's cities the data has, by their place in it.
    matched: Vec<bool>,
    /// Whether a city cites a source: then every value needs one.
    cited: bool,
    /// Whether any may: a provenance file with rows, or a file that has provenance
    /// of its own somewhere. Where none can, values without a source are not kept.
    may_cite: bool,
    /// Where each city with values without a source starts, and which those are (bits
    /// of `EVIDENCED`): errors once any city cites a source.
    unsourced: Vec<(u64, Option<u64>, u32)>,
    /// The data's cities' names, to suggest one for a city the provenance file names
    /// that the data lacks (kept only beside a provenance file).
    names: Vec<String>,
}

impl<'a, S> Checked<'a, S> {
    pub fn new(inner: S, evidence: Option<&'a Evidence>, as_of: AsOf, may_cite: bool) -> Self {
        Checked {
            inner,
            evidence,
            as_of,
            problems: Vec::new(),
            matched: vec![false; evidence.map_or(0, |e| e.cities.len())],
            cited: false,
            may_cite,
            unsourced: Vec::new(),
            names: Vec::new(),
        }
    }

    /// The command's sink, and every problem found (by line within each file, the
    /// data file's first; warnings among them).
    pub fn finish(mut self) -> (S, Vec<Problem>) {
        if self.cited {
            for (line, item, fields) in std::mem::take(&mut self.unsourced) {
                for (bit, field) in EVIDENCED.iter().enumerate() {
                    if fields & (1 << bit) == 0 {
                        continue;
                    }
                    let message = match self.evidence {
                        Some(evidence) if evidence.rows > 0 => format!(
                            "has no source in {} (each value needs a row there: {})",
                            evidence.name,
                            super::evidence::COLUMNS.join(",")
                        ),
                        _ => "has no source in the city's provenance (where a file cites \
                              sources, each value needs one)"
                            .to_string(),
                    };
                    self.problems.push(Problem {
                        item,
                        ..Problem::new(line, Some(field.key()), None, message)
                    });
                }
            }
        }
        if let Some(evidence) = self.evidence {
            let names: Vec<&str> = self.names.iter().map(String::as_str).collect();
            for ((city, rows), _) in evidence
                .cities
                .iter()
                .zip(&self.matched)
                .filter(|(_, m)| !**m)
            {
                let hint = crate::suggest::did_you_mean(city, &names)
                    .map(|h| format!("; {h}"))
                    .unwrap_or_default();
                let message = format!(
                    "'{}' is no city of the data{hint} ({} row{} for it here; a city is named \
                     as in the data's name column)",
                    quote(city),
                    rows.len(),
                    if rows.len() == 1 { "" } else { "s" }
                );
                self.problems.push(Problem {
                    file: Some(evidence.name.clone()),
                    ..Problem::new(rows[0].line, Some("city"), Some(city.clone()), message)
                });
            }
        }
        (self.inner, self.problems)
    }
}

impl<'a, S: Sink<'a>> Sink<'a> for Checked<'a, S> {
    fn add(&mut self, mut read: Read<'a, '_>) {
        let (line, item) = (read.line, read.item);
        let city = &mut read.city;
        if let Some(evidence) = self.evidence
            && let Some((i, rows)) = evidence.of(&city.name)
        {
            self.matched[i] = true;
            for row in rows {
                if let Err(message) = provenance::judge(city, row.field, &row.url) {
                    let (column, value) = match row.field.value(city, &crate::geo::Centre::krakow())
                    {
                        Value::Unknown => ("field", row.field.key().to_string()),
                        _ => ("url", row.url.clone()),
                    };
                    self.problems.push(Problem {
                        file: Some(evidence.name.clone()),
                        ..Problem::new(
                            row.line,
                            Some(column),
                            Some(value),
                            format!("{}: {message}", row.field.key()),
                        )
                    });
                    continue;
                }
                city.provenance.cite(row.cited());
            }
        }
        if evidence_names(self.evidence) {
            self.names.push(city.name.to_string());
        }
        self.cited |= !city.provenance.is_empty();
        let fields = provenance::unsourced(city).fold(0u32, |bits, field| {
            let bit = EVIDENCED
                .iter()
                .position(|f| *f == field)
                .unwrap_or_default();
            bits | 1 << bit
        });
        if fields != 0 && self.may_cite {
            self.unsourced.push((line, item, fields));
        }
        for warning in checks::warnings(city, self.as_of) {
            self.problems.push(Problem {
                item,
                severity: Severity::Warning,
                ..Problem::new(
                    line,
                    Some(warning.column),
                    Some(warning.value),
                    warning.message,
                )
            });
        }
        self.inner.add(read);
    }

    fn finish_part(&mut self) {
        self.inner.finish_part();
    }

    fn join(&mut self, later: Self) {
        self.inner.join(later.inner);
        self.problems.extend(later.problems);
        for (mine, theirs) in self.matched.iter_mut().zip(later.matched) {
            *mine |= theirs;
        }
        self.cited |= later.cited;
        self.unsourced.extend(later.unsourced);
        self.names.extend(later.names);
    }
}

/// Whether the data's names are kept: only beside a provenance file with cities.
fn evidence_names(evidence: Option<&Evidence>) -> bool {
    evidence.is_some_and(|e| !e.cities.is_empty())
}
