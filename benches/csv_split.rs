//! The project's CSV splitter (`csv_rows::Rows`) against the csv crate's fastest
//! path, on one file, best of 5 runs each (in interleaved rounds), in one process:
//! `cargo run --release --example csv_split -- FILE`.
//!
//! Every reader reads every row, header included, into a reused buffer, checks each
//! field is UTF-8 and trims it, then counts rows, fields and trimmed bytes (the counts
//! must agree, so no reader skips work):
//!
//! - (a) ours: `Rows::next_row` into a reused `Vec<Cow<str>>`, the file already in
//!   memory (reading it is timed apart);
//! - (b) the csv crate streaming the file (`ReaderBuilder::from_path`): `read_byte_record`
//!   into a reused `ByteRecord`, one simdutf8 check of the record's bytes, each field
//!   taken as `&str` by its range (which checks it starts and ends on a character
//!   boundary) and trimmed with `str::trim`, as ours trims;
//! - (b') the same with a 1 MiB read buffer instead of the crate's 8 KiB
//!   (`buffer_capacity`);
//! - (c) the same on the file in memory (`ReaderBuilder::from_reader(&bytes[..])`);
//! - (d) the csv crate as the differential test configures it, on the file in memory:
//!   `Trim::All` (the crate's trim, which builds a new record each row) and
//!   `std::str::from_utf8` on each field.

use std::borrow::Cow;
use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use krakow_partners::Rows;

/// Rows, fields, and bytes in the trimmed fields.
type Counts = (u64, u64, u64);

const RUNS: usize = 5;

fn ours(bytes: &[u8]) -> Result<Counts, String> {
    let mut rows = Rows::new(bytes, 0, 1);
    let mut fields: Vec<Cow<str>> = Vec::new();
    let mut counts = (0, 0, 0);
    while let Some((line, result)) = rows.next_row(&mut fields) {
        result.map_err(|e| format!("line {line}: {}", e.message()))?;
        counts.0 += 1;
        counts.1 += fields.len() as u64;
        for field in &fields {
            counts.2 += black_box(field).len() as u64;
        }
    }
    Ok(counts)
}

fn builder() -> csv::ReaderBuilder {
    let mut builder = csv::ReaderBuilder::new();
    builder.has_headers(false).flexible(true);
    builder
}

/// The csv crate's fast path: one reused `ByteRecord`, one UTF-8 check a record.
fn csv_fast<R: std::io::Read>(mut reader: csv::Reader<R>) -> Result<Counts, String> {
    let mut record = csv::ByteRecord::new();
    let mut counts = (0, 0, 0);
    while reader
        .read_byte_record(&mut record)
        .map_err(|e| e.to_string())?
    {
        let text = simdutf8::basic::from_utf8(record.as_slice())
            .map_err(|_| format!("row {}: not UTF-8", counts.0 + 1))?;
        counts.0 += 1;
        counts.1 += record.len() as u64;
        for i in 0..record.len() {
            let field = record
                .range(i)
                .and_then(|range| text.get(range))
                .ok_or_else(|| format!("row {}: not UTF-8", counts.0))?;
            counts.2 += black_box(field.trim()).len() as u64;
        }
    }
    Ok(counts)
}

/// The csv crate as the differential test reads: `Trim::All`, UTF-8 field by field.
fn csv_trim_all(bytes: &[u8]) -> Result<Counts, String> {
    let mut reader = builder().trim(csv::Trim::All).from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut counts = (0, 0, 0);
    while reader
        .read_byte_record(&mut record)
        .map_err(|e| e.to_string())?
    {
        counts.0 += 1;
        counts.1 += record.len() as u64;
        for field in &record {
            let field =
                std::str::from_utf8(field).map_err(|_| format!("row {}: not UTF-8", counts.0))?;
            counts.2 += black_box(field).len() as u64;
        }
    }
    Ok(counts)
}

fn ms(time: Duration) -> f64 {
    time.as_secs_f64() * 1e3
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        return ExitCode::from(2);
    };
    let Ok(bytes) = std::fs::read(&path) else {
        return ExitCode::from(1);
    };
    let from_path = |capacity: usize| {
        builder()
            .buffer_capacity(capacity)
            .from_path(&path)
            .map_err(|e| e.to_string())
            .and_then(csv_fast)
    };
    let mut readers: [Box<dyn FnMut() -> Result<Counts, String>>; 6] = [
        Box::new(|| {
            std::fs::read(&path)
                .map(|b| (0, 0, b.len() as u64))
                .map_err(|e| e.to_string())
        }),
        Box::new(|| ours(&bytes)),
        Box::new(|| from_path(8 * 1024)),
        Box::new(|| from_path(1 << 20)),
        Box::new(|| csv_fast(builder().from_reader(&bytes[..]))),
        Box::new(|| csv_trim_all(&bytes)),
    ];
    // Rounds of one run of each, so that other work on the machine weighs on all alike.
    let mut times = [Duration::MAX; 6];
    let mut counts: [Result<Counts, String>; 6] = std::array::from_fn(|_| Ok((0, 0, 0)));
    for _ in 0..RUNS {
        for (i, reader) in readers.iter_mut().enumerate() {
            let start = Instant::now();
            counts[i] = black_box(reader());
            times[i] = times[i].min(start.elapsed());
        }
    }
    let [read, a, b, b1, c, d] = times;
    let [_, ours, file, big_buffer, memory, trim_all] = counts;
    let results = [&ours, &file, &big_buffer, &memory, &trim_all];
    if results.iter().any(|r| r.is_err()) || results.windows(2).any(|w| w[0] != w[1]) {
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            format!("the readers disagree: {results:?}\n").as_bytes(),
        );
        return ExitCode::from(1);
    }
    let (rows, fields, text) = ours.unwrap_or_default();
    let report = format!(
        "{path}: {} bytes, {rows} rows, {fields} fields, {text} bytes of fields; best of {RUNS} (interleaved rounds)\n\
         reading the file (fs::read)                       {:8.1} ms\n\
         (a) ours, Rows::next_row, file in memory          {:8.1} ms\n\
         (b) csv crate, from_path, fast path               {:8.1} ms  {:.2}x ours\n\
         (b') the same, 1 MiB read buffer                  {:8.1} ms  {:.2}x ours\n\
         (c) csv crate, from_reader(&bytes[..]), fast path {:8.1} ms  {:.2}x ours\n\
         (d) csv crate, in memory, Trim::All + from_utf8   {:8.1} ms  {:.2}x ours\n\
         (a) + reading the file                            {:8.1} ms  (b)/that: {:.2}x\n",
        bytes.len(),
        ms(read),
        ms(a),
        ms(b),
        ms(b) / ms(a),
        ms(b1),
        ms(b1) / ms(a),
        ms(c),
        ms(c) / ms(a),
        ms(d),
        ms(d) / ms(a),
        ms(read + a),
        ms(b) / ms(read + a),
    );
    let _ = std::io::Write::write_all(&mut std::io::stdout(), report.as_bytes());
    ExitCode::SUCCESS
}
