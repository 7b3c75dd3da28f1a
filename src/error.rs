//! Errors that choose the exit code: usage errors exit 2, everything else 1.

use std::fmt;

use crate::suggest;

/// The user asked for something that does not exist or cannot be done (exit 2).
#[derive(Debug, Clone, PartialEq)]
pub struct UsageError(pub String);

impl UsageError {
    /// "unknown country 'germny'; did you mean Germany? (valid: ...)"
    pub fn unknown(what: &str, typed: &str, valid: &[&str]) -> UsageError {
        let hint = suggest::did_you_mean(typed, valid)
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
