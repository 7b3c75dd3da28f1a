//! Where a data file's bytes come from: the bundled file, a path, or standard input.
//! The file is read whole; the cities borrow their text from it.

use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

use anyhow::Context;

use super::gather;
use crate::error::LoadError;
use crate::sink::{New, Sink};

/// The bundled dataset, compiled into the binary so it works from any directory.
pub const BUNDLED: &str = include_str!("../../data/partners.csv");

/// The day the bundled dataset reflects (see data/SOURCES.md).
pub const BUNDLED_AS_OF: &str = "2026-12-01";

/// What the bundled dataset is called in messages.
pub const BUNDLED_NAME: &str = "data/partners.csv";

/// Files this large are read in pieces on every core: copying a large file out of the
/// page cache on one core was the longest step that no other work overlapped.
const READ_IN_PIECES_FROM: u64 = 16 << 20;

/// The size of each piece.
const PIECE: usize = 4 << 20;

/// The whole file at `path`: a large regular file read in pieces at once, anything else
/// (a small file, a pipe, a device) read from start to end.
fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    #[cfg(unix)]
    {
        use rayon::prelude::*;
        use std::os::unix::fs::FileExt;

        let file = std::fs::File::open(path)?;
        let meta = file.metadata()?;
        if meta.is_file()
            && meta.len() >= READ_IN_PIECES_FROM
            && let Ok(len) = usize::try_from(meta.len())
        {
            let mut bytes = vec![0; len];
            let pieces = bytes
                .par_chunks_mut(PIECE)
                .enumerate()
                .try_for_each(|(i, piece)| file.read_exact_at(piece, (i * PIECE) as u64));
            // A file that shrank or grew while it was read is read again, whole.
            let mut probe = [0];
            if pieces.is_ok() && file.read_at(&mut probe, meta.len())? == 0 {
                return Ok(bytes);
            }
        }
    }
    std::fs::read(path)
}

/// A data file's bytes and the name messages give it.
pub struct Source {
    pub name: String,
    bytes: Cow<'static, [u8]>,
}

impl Source {
    /// The dataset compiled into the binary.
    pub fn bundled() -> Source {
        Source {
            name: BUNDLED_NAME.to_string(),
            bytes: Cow::Borrowed(BUNDLED.as_bytes()),
        }
    }

    /// The file at `path` ('-' for standard input), or the bundled data.
    pub fn open(path: Option<&Path>) -> anyhow::Result<Source> {
        let Some(path) = path else {
            return Ok(Source::bundled());
        };
        if path == Path::new("-") {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .context("cannot read the data from standard input")?;
            return Ok(Source {
                name: "<stdin>".to_string(),
                bytes: Cow::Owned(bytes),
            });
        }
        let bytes = read_file(path)
            .with_context(|| format!("cannot read the data file {}", path.display()))?;
        Ok(Source {
            name: path.display().to_string(),
            bytes: Cow::Owned(bytes),
        })
    }

    /// The file's size in bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// The file, to read cities again by where they start.
    pub fn reread(&self) -> Option<super::Reread<'_>> {
        super::Reread::new(&self.bytes, &self.name)
    }

    /// Every row checked; what the sinks `new` makes keep of the cities.
    pub fn gather<'a, S: Sink<'a>>(&'a self, new: &New<'_, S>) -> Result<S, LoadError> {
        gather(&self.bytes, &self.name, new)
    }
}
