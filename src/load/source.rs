//! Where a data file's bytes come from: the bundled file, a path, or standard input.
//! The file is read whole, once, from its first byte; the cities borrow their text from
//! it. What cannot be a dataset (a NUL or bytes that are not UTF-8 in its first block,
//! more than the most a data file may hold) is refused before more is read.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context;

use super::checked::Checked;
use super::evidence::Evidence;
use super::gather;
use crate::checks::AsOf;
use crate::city::Date;
use crate::error::{LoadError, Problem, UsageError};
use crate::memory;
use crate::sink::{New, Sink};

/// The bundled dataset, compiled into the binary so it works from any directory.
pub const BUNDLED: &str = include_str!("../../data/partners.csv");

/// The day the bundled dataset reflects (see data/SOURCES.md).
pub const BUNDLED_AS_OF: &str = "2026-12-01";

/// What the bundled dataset is called in messages.
pub const BUNDLED_NAME: &str = "data/partners.csv";

/// The bundled dataset's provenance: which source gives each value.
const BUNDLED_EVIDENCE: &str = include_str!("../../data/evidence.csv");

/// What the bundled provenance file is called in messages.
pub const BUNDLED_EVIDENCE_NAME: &str = "data/evidence.csv";

/// Files this large are read in pieces on every core: copying a large file out of the
/// page cache on one core was the longest step that no other work overlapped.
const READ_IN_PIECES_FROM: u64 = 16 << 20;

/// The size of each piece.
const PIECE: usize = 4 << 20;

/// The first bytes of any input, looked at before the rest is read: a file that is not
/// text is refused there, whatever follows (`--data /dev/zero`).
const FIRST_BLOCK: usize = 64 << 10;

/// The most a data file may hold, unless [`MAX_INPUT_VARIABLE`] says otherwise: about
/// ten million cities, and within reach of a machine's memory (an answer takes up to
/// twice its input).
pub const MAX_INPUT: u64 = 2 << 30;

/// The environment variable that sets another most a data file may hold.
pub const MAX_INPUT_VARIABLE: &str = "KRAKOW_PARTNERS_MAX_INPUT";

/// The most a data file may hold: [`MAX_INPUT_VARIABLE`] (`512M`, `8G`, a number of
/// bytes), or [`MAX_INPUT`].
fn max_input() -> Result<u64, UsageError> {
    match std::env::var(MAX_INPUT_VARIABLE) {
        Err(_) => Ok(MAX_INPUT),
        Ok(text) => size(&text).ok_or_else(|| {
            UsageError(format!(
                "{MAX_INPUT_VARIABLE}='{}' is not a size (a number of bytes, or of K, M or \
                 G: 512M, 8G)",
                crate::terminal::quote(&text)
            ))
        }),
    }
}

/// A size as people write it: `1000000`, `64K`, `512M`, `8G`, `8GiB` (units of 1024).
fn size(text: &str) -> Option<u64> {
    let text = text.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let number: u64 = text[..digits].parse().ok()?;
    let shift = match text[digits..].trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        "t" | "tb" | "tib" => 40,
        _ => return None,
    };
    number.checked_mul(1 << shift)
}

/// A size in the unit that reads best, for messages.
fn shown(size: u64) -> String {
    match size {
        s if s >= 1 << 30 && s % (1 << 30) == 0 => format!("{} GiB", s >> 30),
        s if s >= 1 << 20 => format!("{} MiB", s >> 20),
        s if s >= 1 << 10 => format!("{} KiB", s >> 10),
        s => format!("{s} bytes"),
    }
}

/// The refusal of an input larger than `limit`.
fn too_large(name: &str, limit: u64) -> anyhow::Error {
    anyhow::anyhow!(
        "{name} holds more than the {} a data file may hold (set {MAX_INPUT_VARIABLE}=8G, \
         say, to read a larger one)",
        shown(limit)
    )
}

/// The refusal of an input that memory cannot hold; `how_much` says how much of it
/// was to be held ("a file of 202 MiB", "after 12 MiB").
fn out_of_memory(name: &str, how_much: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "out of memory reading {name} ({how_much}: the machine's memory, or a limit such as \
         ulimit -v, is reached)"
    )
}

/// Whether an I/O error is memory that could not be had.
fn is_out_of_memory(error: &io::Error) -> bool {
    error.kind() == io::ErrorKind::OutOfMemory
}

/// Everything `reader` gives, read once from where it stands: the first block, looked
/// at before anything more is read, then the rest, up to `limit` bytes.
fn read_whole(mut reader: impl Read, name: &str, limit: u64) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    // Only the reading itself may see its memory refused: anything else that runs out
    // (a message being made) is the allocator's to report.
    let mut read_up_to = |bytes: &mut Vec<u8>, most: u64| -> anyhow::Result<()> {
        match memory::fallibly(|| (&mut reader).take(most).read_to_end(bytes)) {
            Ok(_) => Ok(()),
            Err(e) if is_out_of_memory(&e) => Err(out_of_memory(
                name,
                &format!("after {}", shown(bytes.len() as u64)),
            )),
            Err(e) => Err(e.into()),
        }
    };
    read_up_to(&mut bytes, FIRST_BLOCK as u64)?;
    // The first block is looked at before more is read: it may be all there is.
    let whole = bytes.len() < FIRST_BLOCK;
    looks_like_text(&bytes, name, whole)?;
    if !whole {
        let rest = limit.saturating_add(1).saturating_sub(bytes.len() as u64);
        read_up_to(&mut bytes, rest)?;
    }
    if bytes.len() as u64 > limit {
        return Err(too_large(name, limit));
    }
    Ok(bytes)
}

/// A large regular file read in pieces on every core, or `None` when it changed size
/// under the reading (it is then read again from its start, whole).
#[cfg(unix)]
fn read_in_pieces(
    file: &File,
    len: u64,
    name: &str,
    limit: u64,
) -> anyhow::Result<Option<Vec<u8>>> {
    use rayon::prelude::*;
    use std::os::unix::fs::FileExt;

    let Ok(size) = usize::try_from(len) else {
        return Err(too_large(name, limit));
    };
    let mut first = vec![0; FIRST_BLOCK];
    if file.read_exact_at(&mut first, 0).is_err() {
        // It shrank since it was measured: read again from its start, whole.
        return Ok(None);
    }
    looks_like_text(&first, name, false)?;
    let mut bytes = Vec::new();
    if memory::fallibly(|| bytes.try_reserve_exact(size)).is_err() {
        return Err(out_of_memory(name, &format!("a file of {}", shown(len))));
    }
    bytes.resize(size, 0);
    let pieces = bytes
        .par_chunks_mut(PIECE)
        .enumerate()
        .try_for_each(|(i, piece)| file.read_exact_at(piece, (i * PIECE) as u64));
    if pieces.is_err() {
        return Ok(None);
    }
    // A file that grew while it was read: the rest, read on from where the pieces end.
    let mut rest = file;
    rest.seek(SeekFrom::Start(len))?;
    let grew = memory::fallibly(|| {
        rest.take(limit.saturating_add(1).saturating_sub(len))
            .read_to_end(&mut bytes)
    });
    match grew {
        Err(e) if is_out_of_memory(&e) => Err(out_of_memory(
            name,
            &format!("after {}", shown(bytes.len() as u64)),
        )),
        Err(e) => Err(e.into()),
        Ok(_) if bytes.len() as u64 > limit => Err(too_large(name, limit)),
        Ok(_) => Ok(Some(bytes)),
    }
}

/// The whole file at `path`, opened once and read once from its first byte: a large
/// regular file in pieces at once, anything else (a pipe, a device, a small file) from
/// start to end.
fn read_file(path: &Path, name: &str, limit: u64) -> anyhow::Result<Vec<u8>> {
    let cannot = || format!("cannot read {name}");
    let mut file = File::open(path).with_context(cannot)?;
    let meta = file.metadata().with_context(cannot)?;
    if meta.is_file() {
        if meta.len() > limit {
            return Err(too_large(name, limit));
        }
        #[cfg(unix)]
        if meta.len() >= READ_IN_PIECES_FROM {
            if let Some(bytes) = read_in_pieces(&file, meta.len(), name, limit)? {
                return Ok(bytes);
            }
            file.seek(SeekFrom::Start(0)).with_context(cannot)?;
        }
    }
    read_whole(&file, name, limit).map_err(|e| match e.downcast_ref::<io::Error>() {
        Some(_) => e.context(cannot()),
        None => e,
    })
}

/// Whether the first bytes of a file can begin a dataset: text in UTF-8, without a NUL.
/// `whole` says they are the whole file (a character cut at their end is then cut
/// for good). The refusal names the line and what the file seems to be.
fn looks_like_text(first: &[u8], name: &str, whole: bool) -> Result<(), LoadError> {
    let line_of = |at: usize| 1 + super::lines::ends(&first[..at]);
    let quoted = crate::terminal::quote(name);
    let convert = |from: &str| {
        format!("convert it first: iconv -f {from} -t UTF-8 '{quoted}' > converted.csv")
    };
    if let Some(from) = utf16(first) {
        return Err(LoadError::one(
            name,
            1,
            None,
            format!("is {from} text, not UTF-8; {}", convert(from)),
        ));
    }
    if let Some(at) = memchr::memchr(0, first) {
        return Err(LoadError::one(
            name,
            line_of(at),
            None,
            format!(
                "holds a NUL byte (byte {}): this is not a text file of cities (CSV, TSV or \
                 JSON)",
                at + 1
            ),
        ));
    }
    if let Err(e) = simdutf8::compat::from_utf8(first)
        && (whole || e.error_len().is_some())
    {
        let at = e.valid_up_to();
        let byte = first[at];
        // Letters of UTF-8 before the fault: a damaged byte, not another encoding.
        let hint = match first[..at].is_ascii() {
            true => {
                let from = eight_bit(first);
                format!("it looks like {from}: {}", convert(from))
            }
            false => "the text before it is UTF-8: mend or remove that byte".to_string(),
        };
        return Err(LoadError::one(
            name,
            line_of(at),
            None,
            format!("is not UTF-8 text (byte 0x{byte:02X}); {hint}"),
        ));
    }
    Ok(())
}

/// The UTF-16 a file's first bytes are in, by its byte order mark or by the zero bytes
/// beside ASCII letters that UTF-16 gives them.
fn utf16(first: &[u8]) -> Option<&'static str> {
    match first {
        [0xFF, 0xFE, ..] => return Some("UTF-16LE"),
        [0xFE, 0xFF, ..] => return Some("UTF-16BE"),
        _ => {}
    }
    let pairs = &first[..first.len().min(64) & !1];
    let ascii_then_zero = |pair: &[u8]| pair[0] != 0 && pair[1] == 0;
    let zero_then_ascii = |pair: &[u8]| pair[0] == 0 && pair[1] != 0;
    if pairs.len() >= 8 && pairs.chunks(2).all(ascii_then_zero) {
        return Some("UTF-16LE");
    }
    if pairs.len() >= 8 && pairs.chunks(2).all(zero_then_ascii) {
        return Some("UTF-16BE");
    }
    None
}

/// The 8-bit encoding a file that is not UTF-8 is most likely in. Polish text written
/// by Windows uses bytes 0x80–0x9F (ś, Ś, ź, Ź…) that ISO 8859-2 leaves to controls.
fn eight_bit(bytes: &[u8]) -> &'static str {
    if bytes.iter().any(|b| (0x80..=0x9F).contains(b)) {
        "WINDOWS-1250"
    } else {
        "ISO-8859-2"
    }
}

/// Whether `path` names standard input by another name.
fn is_stdin(path: &Path) -> bool {
    ["/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]
        .iter()
        .any(|p| path == Path::new(p))
}

/// A data file's bytes and the name messages give it, with its provenance file (if
/// it has one) and the day it reflects.
pub struct Source {
    pub name: String,
    bytes: Cow<'static, [u8]>,
    evidence: Option<Evidence>,
    as_of: AsOf,
    /// Whether the warnings were told (once a run, however often the file is read).
    told: AtomicBool,
}

impl Source {
    /// The dataset compiled into the binary, and its provenance.
    pub fn bundled() -> Source {
        Source {
            name: BUNDLED_NAME.to_string(),
            bytes: Cow::Borrowed(BUNDLED.as_bytes()),
            evidence: Some(evidence(BUNDLED_EVIDENCE.as_bytes(), BUNDLED_EVIDENCE_NAME)),
            as_of: AsOf {
                date: BUNDLED_AS_OF.parse().unwrap_or_else(|_| Date::today()),
                what: "the data's date",
            },
            told: AtomicBool::new(false),
        }
    }

    /// The data file at `data`, or the bundled data, with the provenance file at
    /// `evidence` (the bundled one for the bundled data, or none). Each is read once,
    /// from its first byte ('-' for standard input).
    pub fn open(data: Option<&Path>, evidence: Option<&Path>) -> anyhow::Result<Source> {
        if let (Some(data), Some(evidence)) = (data, evidence)
            && reads_stdin(data)
            && reads_stdin(evidence)
        {
            return Err(
                UsageError("--data and --evidence cannot both read standard input".into()).into(),
            );
        }
        let mut source = match data {
            None => Source::bundled(),
            Some(path) => Source {
                name: name_of(path),
                bytes: Cow::Owned(read_data(path)?),
                evidence: None,
                as_of: AsOf {
                    date: Date::today(),
                    what: "today",
                },
                told: AtomicBool::new(false),
            },
        };
        if let Some(path) = evidence {
            let name = name_of(path);
            let bytes = read_data(path)?;
            source.evidence = Some(self::evidence(&bytes, &name));
        }
        Ok(source)
    }

    /// Every row checked, the provenance file's too; what the sinks `new` makes keep of
    /// the cities. Warnings are said once on standard error, as a count: `validate`
    /// lists them.
    pub fn gather<'a, S: Sink<'a>>(&'a self, new: &New<'_, S>) -> Result<S, LoadError> {
        let (sink, warnings) = self.checked(new)?;
        if !warnings.is_empty() && !self.told.swap(true, Ordering::Relaxed) {
            let count = match warnings.len() {
                1 => "1 warning".to_string(),
                n => format!("{n} warnings"),
            };
            crate::output::stderr(&format!(
                "{count} in {} (run validate to list them)",
                self.name
            ));
        }
        Ok(sink)
    }

    /// [`Source::gather`], with the warnings; the errors of both files, and their
    /// warnings, fail it.
    pub fn checked<'a, S: Sink<'a>>(
        &'a self,
        new: &New<'_, S>,
    ) -> Result<(S, Vec<Problem>), LoadError> {
        let evidence = self.evidence.as_ref();
        // A file names "provenance" where it has some of its own (a JSON key, a
        // column); without it and without a provenance file no city can cite a source.
        let may_cite = evidence.is_some_and(|e| e.rows > 0)
            || memchr::memmem::find(&self.bytes, b"provenance").is_some();
        let wrapped = || Checked::new(new(), evidence, self.as_of, may_cite);
        let of_evidence = evidence.iter().flat_map(|e| e.problems.iter().cloned());
        let (sink, mut problems) = match gather(&self.bytes, &self.name, &wrapped) {
            Ok(checked) => checked.finish(),
            // The provenance file's own problems too: every problem at once.
            Err(mut error) => {
                error.problems.extend(of_evidence);
                return Err(error);
            }
        };
        problems.extend(of_evidence);
        // The data file's first, each file's by line.
        problems.sort_by_key(|p| (p.file.is_some(), p.line, p.item));
        if problems.iter().any(Problem::is_error) {
            return Err(LoadError {
                file: self.name.clone(),
                problems,
            });
        }
        Ok((sink, problems))
    }
}

/// A provenance file read; one that cannot be read as one is its problems (told with
/// the data's, when the data is read).
fn evidence(bytes: &[u8], name: &str) -> Evidence {
    Evidence::read(bytes, name).unwrap_or_else(Evidence::refused)
}

/// Whether `path` is standard input, by `-` or another name.
fn reads_stdin(path: &Path) -> bool {
    path == Path::new("-") || is_stdin(path)
}

/// What messages call the file at `path`.
fn name_of(path: &Path) -> String {
    match path == Path::new("-") {
        true => "<stdin>".to_string(),
        false => path.display().to_string(),
    }
}

/// The bytes of a file the tool reads (a `;`-separated one as CSV): read once, whole,
/// from its first byte; a closed standard input is an error, not an empty file.
fn read_data(path: &Path) -> anyhow::Result<Vec<u8>> {
    let limit = max_input()?;
    let stdin = path == Path::new("-");
    let name = name_of(path);
    crate::memory::doing(format!("reading {}", crate::terminal::quote(&name)));
    if (stdin || is_stdin(path)) && crate::streams::stdin_closed() {
        anyhow::bail!(
            "cannot read standard input: it is closed (give the data with < FILE, or --data FILE)"
        );
    }
    let bytes = match stdin {
        true => read_whole(io::stdin().lock(), &name, limit).map_err(|e| {
            match e.downcast_ref::<io::Error>() {
                Some(_) => e.context("cannot read standard input"),
                None => e,
            }
        })?,
        false => read_file(path, &name, limit)?,
    };
    // A spreadsheet's `;`-separated CSV is read as the CSV it stands for.
    let bytes = match super::sniff(&bytes, &name) {
        super::Kind::Semicolons => super::semicolons::to_csv(&bytes),
        _ => bytes,
    };
    Ok(bytes)
}

impl Source {
    /// The file's size in bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// The file, to read cities again by where they start.
    pub fn reread(&self) -> Option<super::Reread<'_>> {
        super::Reread::new(&self.bytes, &self.name, self.evidence.as_ref())
    }
}
