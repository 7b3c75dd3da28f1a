//! Helpers for running the real binary, shared by every module.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;

/// The built binary, with no colour settings leaking in from the environment.
pub fn bin() -> Command {
    let mut cmd = Command::cargo_bin("krakow-partners").unwrap();
    cmd.env_remove("NO_COLOR").env_remove("COLUMNS");
    cmd
}

/// Runs the binary, expects success and returns stdout.
pub fn stdout(args: &[&str]) -> String {
    let out = bin().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?} failed with {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs the binary with `--format json` and parses the answer.
pub fn json(args: &[&str]) -> Vec<Value> {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let text = stdout(&all);
    match serde_json::from_str(&text).unwrap() {
        Value::Array(items) => items,
        other => panic!("not an array: {other}"),
    }
}

/// The `name` of each city in a JSON answer, in order.
pub fn names(cities: &[Value]) -> Vec<String> {
    cities
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect()
}

/// The names, sorted, for comparing sets.
pub fn name_set(cities: &[Value]) -> Vec<String> {
    let mut n = names(cities);
    n.sort();
    n
}

/// Runs the binary expecting failure with `code`; returns stderr.
pub fn fails(args: &[&str], code: i32) -> String {
    let out = bin().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "{args:?}: stdout {} stderr {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "{args:?} wrote to stdout on failure");
    String::from_utf8(out.stderr).unwrap()
}

pub use krakow_partners::HEADER;

/// Writes a data file of `rows` under the header to a temporary file.
pub fn data_file(rows: &str) -> tempfile::NamedTempFile {
    let file = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    std::fs::write(file.path(), format!("{HEADER}\n{rows}")).unwrap();
    file
}

/// Writes a data file of `rows` under `header` (only some columns) to a temporary file.
pub fn data_file_with(header: &str, rows: &str) -> tempfile::NamedTempFile {
    let file = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    std::fs::write(file.path(), format!("{header}\n{rows}\n")).unwrap();
    file
}

/// Runs the binary with `--json` and parses the single object it prints.
pub fn one(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    serde_json::from_str(&stdout(&all)).unwrap()
}

/// Runs the binary with `input` on standard input, whatever the outcome.
/// Cities as `list` writes them in `format`, through the library.
pub fn written(cities: &[krakow_partners::City], format: krakow_partners::Format) -> String {
    let mut out = Vec::new();
    let answer = krakow_partners::Answer::Cities(cities.to_vec());
    krakow_partners::write(&answer, &krakow_partners::View::new(format), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

pub fn run_with_stdin(args: &[&str], input: &str) -> std::process::Output {
    bin().args(args).write_stdin(input).output().unwrap()
}

/// The names of the files in `dir`, sorted.
pub fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Width, height and RGBA pixels of a PNG.
pub fn decode_png(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(frame.color_type, png::ColorType::Rgba);
    pixels.truncate(frame.buffer_size());
    (frame.width, frame.height, pixels)
}
