//! The one place that writes to standard output and standard error.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{self, Write};

/// Writes the whole answer to standard output and flushes it.
pub fn stdout(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Writes a message for the user to standard error, one line per problem.
pub fn stderr(message: &str) {
    let mut err = io::stderr().lock();
    // If even stderr is gone there is no one left to tell.
    let _ = writeln!(err, "{message}");
}

/// Whether an error is, anywhere in its chain, a closed pipe: the reader (`head`) has
/// all it wanted, which is a normal end.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
