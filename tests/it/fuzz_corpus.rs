//! Replays the committed fuzz corpus (fuzz/corpus/<target>/) through the same checks the
//! fuzz targets run, so every input the fuzzer found interesting stays a test.

use std::path::Path;

use krakow_partners::fuzzing;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| check(&bytes));
        assert!(outcome.is_ok(), "{} fails", path.display());
        count += 1;
    }
    assert!(count > 0, "no corpus for {target}");
}

#[test]
fn csv_loader_corpus() {
    replay("csv_loader", fuzzing::csv_loader);
}

#[test]
fn json_loader_corpus() {
    replay("json_loader", fuzzing::json_loader);
}

#[test]
fn date_corpus() {
    replay("date", fuzzing::date);
}

#[test]
fn filter_values_corpus() {
    replay("filter_values", fuzzing::filter_values);
}
