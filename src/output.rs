//! The one place that writes to standard output and standard error, and that turns an
//! outcome into an exit code: 0 success, 1 failure, 2 usage error.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{self, Write};
use std::process::ExitCode;

use crate::dataset::LoadError;
use crate::error::UsageError;

/// Writes the whole answer and flushes it.
pub fn write_answer(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Writes the answer to standard output.
pub fn stdout(text: &str) -> io::Result<()> {
    write_answer(&mut io::stdout().lock(), text)
}

/// Writes a message for the user to standard error, one line per problem.
pub fn stderr(message: &str) {
    // Messages quote the data: show its escape sequences, never obey them.
    let message = crate::terminal::escape(message, true);
    // If even stderr is gone there is no one left to tell.
    let _ = writeln!(io::stderr().lock(), "{message}");
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

/// The message for an error (none for a closed pipe) and the exit code.
pub fn outcome(result: &anyhow::Result<()>) -> (Option<String>, u8) {
    match result {
        Ok(()) => (None, 0),
        Err(e) if is_broken_pipe(e) => (None, 0),
        // Already one `file:line: column: problem` per line.
        Err(e) if e.downcast_ref::<LoadError>().is_some() => (Some(e.to_string()), 1),
        Err(e) if e.downcast_ref::<UsageError>().is_some() => {
            (Some(format!("krakow-partners: {e}")), 2)
        }
        Err(e) => (Some(format!("krakow-partners: {e:#}")), 1),
    }
}

/// Reports the outcome on standard error and gives the exit code.
pub fn finish(result: anyhow::Result<()>) -> ExitCode {
    let (message, code) = outcome(&result);
    if let Some(message) = message {
        stderr(&message);
    }
    ExitCode::from(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that fails like a closed pipe or a full disk.
    struct Failing(io::ErrorKind, usize);

    impl Write for Failing {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.1 == 0 {
                return Err(io::Error::from(self.0));
            }
            let n = buf.len().min(self.1);
            self.1 -= n;
            Ok(n)
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn through(kind: io::ErrorKind) -> (Option<String>, u8) {
        let big = "x".repeat(1 << 20);
        let result = write_answer(&mut Failing(kind, 65_536), &big).map_err(anyhow::Error::from);
        outcome(&result)
    }

    #[test]
    fn a_closed_pipe_is_a_quiet_success() {
        assert_eq!(through(io::ErrorKind::BrokenPipe), (None, 0));
    }

    #[test]
    fn other_write_errors_fail_with_a_message() {
        let (message, code) = through(io::ErrorKind::StorageFull);
        assert_eq!(code, 1);
        assert!(message.unwrap().starts_with("krakow-partners: "));
        let (_, code) = through(io::ErrorKind::PermissionDenied);
        assert_eq!(code, 1);
    }

    #[test]
    fn usage_errors_exit_2() {
        let result: anyhow::Result<()> = Err(UsageError("unknown country 'x'".into()).into());
        assert_eq!(outcome(&result).1, 2);
    }

    #[test]
    fn the_whole_answer_is_written() {
        let mut sink = Vec::new();
        write_answer(&mut sink, "all of it").unwrap();
        assert_eq!(sink, b"all of it");
    }
}
