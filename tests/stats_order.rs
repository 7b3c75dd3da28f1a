//! `stats` lists each group's cities by name, whatever order the file has them in and
//! however many parts it is read in.

mod common;

use common::{HEADER, bin};

fn row(name: &str) -> String {
    format!("{name},,,,Poland,PL,europe,false,partnership,2001,active,,50.1,19.9,,,,,https://example.org/{name},A note long enough to make a file of many megabytes from a few rows.")
}

fn groups(text: &str) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("unsorted.csv");
    std::fs::write(&path, text).unwrap();
    let out = bin()
        .args(["--data", path.to_str().unwrap(), "stats", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout).unwrap()
}

#[test]
fn a_small_file_out_of_order() {
    let text = format!("{HEADER}\n{}\n{}\n{}\n", row("Zebra"), row("Mango"), row("Apple"));
    let groups = groups(&text);
    assert_eq!(groups[0]["group"], "europe");
    assert_eq!(groups[0]["cities"], serde_json::json!(["Apple", "Mango", "Zebra"]));
}

#[test]
fn a_file_read_in_several_parts_out_of_order() {
    // Over 8 MB, so the file is read in parts (one per core, at least two); the names
    // run backwards, so every part holds them out of order.
    let count = 60_000;
    let names: Vec<String> = (0..count).rev().map(|n| format!("Town {n:05}")).collect();
    let rows: Vec<String> = names.iter().map(|n| row(n)).collect();
    let text = format!("{HEADER}\n{}\n", rows.join("\n"));
    assert!(text.len() > 8 << 20, "{} bytes", text.len());
    let groups = groups(&text);
    let cities: Vec<&str> = groups[0]["cities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(cities.len(), count);
    assert!(cities.iter().zip(&sorted).all(|(a, b)| a == b), "not by name");
}
