//! Errors that choose the exit code: usage errors exit 2, bad data and everything
//! else 1. A data file's problems also read as rows, for `validate --format json`.

use std::borrow::Cow;
use std::{fmt, io};

use crate::render::{Col, Emit, Rows};
use crate::suggest;
use crate::terminal::escape;
use crate::value::Value;

/// The user asked for something that does not exist or cannot be done (exit 2).
#[derive(Debug, Clone, PartialEq)]
pub struct UsageError(pub String);

impl UsageError {
    /// "unknown country 'germny'; did you mean Germany? (valid: ...)"
    pub fn unknown(what: &str, typed: &str, valid: &[&str]) -> UsageError {
        UsageError::unknown_among(what, typed, valid, valid)
    }

    /// The same, suggesting from `names` (which may hold more names than the valid ones
    /// listed: short names, aliases).
    pub fn unknown_among(what: &str, typed: &str, names: &[&str], valid: &[&str]) -> UsageError {
        let hint = suggest::did_you_mean(typed, names)
            .map(|h| format!("; {h}"))
            .unwrap_or_default();
        UsageError(format!(
            "unknown {what} '{typed}'{hint} (valid: {})",
            valid.join(", ")
        ))
    }
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Whether a problem fails the file or is only worth a look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file is refused (exit 1).
    Error,
    /// The file is read, and the value is likely wrong: `validate` lists it, other
    /// commands note how many there are.
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One thing wrong with a data file.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The file the problem is in where it is not the data file (its provenance file).
    pub file: Option<String>,
    pub line: u64,
    /// In a JSON file where several objects share the problem's line (`jq -c` writes
    /// an array on one), the index of the object the problem is in.
    pub item: Option<u64>,
    pub column: Option<&'static str>,
    /// The text found, where the problem is with one value.
    pub value: Option<String>,
    pub message: String,
    pub severity: Severity,
}

impl Problem {
    /// An error in the data file.
    pub fn new(
        line: u64,
        column: Option<&'static str>,
        value: Option<String>,
        message: String,
    ) -> Problem {
        Problem {
            file: None,
            line,
            item: None,
            column,
            value,
            message,
            severity: Severity::Error,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Every problem found in a data file (exit 1), one
/// `krakow-partners: file:line: column: problem` a line.
#[derive(Debug)]
pub struct LoadError {
    pub file: String,
    pub problems: Vec<Problem>,
}

impl LoadError {
    /// A file with one problem.
    pub fn one(file: &str, line: u64, column: Option<&'static str>, message: String) -> Self {
        LoadError {
            file: file.to_string(),
            problems: vec![Problem::new(line, column, None, message)],
        }
    }

    /// How many of the problems are errors (the others are warnings).
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    /// The file a problem is in.
    pub fn file_of<'p>(&'p self, problem: &'p Problem) -> &'p str {
        problem.file.as_deref().unwrap_or(&self.file)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            // One line per problem whatever the file's name or data hold: a line break
            // in them could otherwise forge a `file:line:` line of its own.
            write!(
                f,
                "krakow-partners: {}:{}: ",
                escape(self.file_of(p), false),
                p.line
            )?;
            if p.severity == Severity::Warning {
                write!(f, "warning: ")?;
            }
            if let Some(item) = p.item {
                write!(f, "[{item}] ")?;
            }
            if let Some(column) = &p.column {
                write!(f, "{column}: ")?;
            }
            write!(f, "{}", escape(&p.message, false))?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Some text, or unknown.
fn text(text: Option<&str>) -> Value<'_> {
    text.map_or(Value::Unknown, |t| Value::Text(Cow::Borrowed(t)))
}

/// A problem's columns, as `validate` writes them for programs.
pub const PROBLEM_COLUMNS: &[Col] = &[
    Col::new("file", "File", false),
    Col::new("line", "Line", true),
    Col::new("item", "Item", true),
    Col::new("column", "Column", false),
    Col::new("value", "Value", false),
    Col::new("message", "Message", false),
    Col::new("severity", "Severity", false),
];

/// The problems of a file as rows of [`PROBLEM_COLUMNS`].
pub struct ProblemRows<'e>(pub &'e LoadError);

impl Rows for ProblemRows<'_> {
    fn len(&self) -> usize {
        self.0.problems.len()
    }

    fn row(&self, i: usize, emit: &mut Emit) -> io::Result<()> {
        let problem = &self.0.problems[i];
        let cells = [
            Value::Text(Cow::Borrowed(self.0.file_of(problem))),
            Value::count(problem.line),
            problem.item.map_or(Value::Unknown, Value::count),
            text(problem.column),
            text(problem.value.as_deref()),
            Value::Text(Cow::Borrowed(&problem.message)),
            Value::Text(Cow::Borrowed(problem.severity.as_str())),
        ];
        emit(&cells, None)
    }
}
