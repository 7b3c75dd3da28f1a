//! The one place that writes to standard output and standard error, and that turns an
//! outcome into an exit code: 0 success, 1 failure, 2 usage error.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{self, Write};
use std::process::ExitCode;

use crate::error::{LoadError, UsageError};
use crate::terminal::escape;

/// Standard output, locked and buffered: answers are written through it with `?`
/// everywhere, so a closed pipe is seen, never a panic. If standard output was closed
/// when the program started, every write fails.
pub fn stdout() -> Stdout {
    match crate::streams::stdout_closed() {
        true => Stdout(None),
        false => Stdout(Some(io::BufWriter::with_capacity(
            64 * 1024,
            io::stdout().lock(),
        ))),
    }
}

/// Standard output, or `None` when it was closed at start.
pub struct Stdout(Option<io::BufWriter<io::StdoutLock<'static>>>);

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.0 {
            Some(out) => out.write(buf),
            None => Err(io::Error::other("it is closed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.0 {
            Some(out) => out.flush(),
            None => Ok(()),
        }
    }
}

/// Writes clap's help or version text to standard output; a failure to write it is a
/// failure (exit 1), as for any answer.
pub fn help(text: &str) -> ExitCode {
    let mut out = stdout();
    let written = out
        .write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| anyhow::Error::new(e).context("cannot write to standard output"));
    finish(written)
}

/// Writes a one-line message for the user to standard error, after the tool's name as
/// every line there starts.
pub fn stderr(message: &str) {
    let message = match message.starts_with(PREFIX) {
        true => escape(message, false),
        false => escape(&format!("{PREFIX}{message}"), false)
            .into_owned()
            .into(),
    };
    write_stderr(&message);
}

/// What every line on standard error starts with.
const PREFIX: &str = "krakow-partners: ";

/// Writes a usage message of several lines (clap's) to standard error, and gives its
/// exit code.
pub fn usage(message: &str, code: i32) -> ExitCode {
    write_stderr(escape(message, true).trim_end());
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

/// Writes lines already made safe for a terminal to standard error.
fn write_stderr(lines: &str) {
    // If even stderr is gone there is no one left to tell.
    let _ = writeln!(io::stderr().lock(), "{lines}");
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

/// The message for an error (none for a closed pipe) and the exit code. Messages
/// quote the data and name files: what a terminal would obey is escaped, and a line
/// break in them cannot start a line that looks like a message of its own.
pub fn outcome(result: &anyhow::Result<()>) -> (Option<String>, u8) {
    match result {
        Ok(()) => (None, 0),
        Err(e) if is_broken_pipe(e) => (None, 0),
        // Already one `krakow-partners: file:line: column: problem` per line, each escaped.
        Err(e) if e.downcast_ref::<LoadError>().is_some() => (Some(e.to_string()), 1),
        Err(e) if e.downcast_ref::<UsageError>().is_some() => {
            let message = format!("{PREFIX}{e}");
            (Some(escape(&message, false).into_owned()), 2)
        }
        Err(e) => {
            let message = format!("{PREFIX}{e:#}");
            (Some(escape(&message, false).into_owned()), 1)
        }
    }
}

/// Reports the outcome on standard error and gives the exit code.
pub fn finish(result: anyhow::Result<()>) -> ExitCode {
    let (message, code) = outcome(&result);
    if let Some(message) = message {
        write_stderr(&message);
    }
    ExitCode::from(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Answer;
    use crate::render::{Format, View};

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

    /// Writes the bundled cities, in `format`, into a writer that fails after 512 bytes.
    fn through_as(kind: io::ErrorKind, format: Format) -> (Option<String>, u8) {
        let cities = crate::load::bundled().unwrap();
        let answer = Answer::Cities(cities);
        let result = crate::render::write(&answer, &View::new(format), &mut Failing(kind, 512))
            .map_err(anyhow::Error::from);
        outcome(&result)
    }

    fn through(kind: io::ErrorKind) -> (Option<String>, u8) {
        through_as(kind, Format::Json)
    }

    #[test]
    fn every_format_passes_write_errors_on() {
        for format in [
            Format::Table,
            Format::Tsv,
            Format::Csv,
            Format::Json,
            Format::Ndjson,
            Format::Geojson,
        ] {
            let (message, code) = through_as(io::ErrorKind::StorageFull, format);
            assert_eq!(code, 1, "{format:?}");
            assert!(message.is_some(), "{format:?}");
        }
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
}
