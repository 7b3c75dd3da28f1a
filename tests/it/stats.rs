//! `stats`: counts by every grouping, largest first, and each group's cities by name,
//! whatever order the file has them in and however many parts it is read in.

use crate::common::*;

#[test]
fn stats_by_country_puts_germany_first_with_three() {
    let groups = json(&["stats", "--by", "country"]);
    assert_eq!(groups[0]["group"], "Germany");
    assert_eq!(groups[0]["count"], 3);
    assert_eq!(
        groups[0]["cities"],
        serde_json::json!(["Frankfurt am Main", "Leipzig", "Nuremberg"])
    );
    let counts: Vec<u64> = groups
        .iter()
        .map(|g| g["count"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "largest first");
    let total: u64 = counts.iter().sum();
    assert_eq!(usize::try_from(total).unwrap(), json(&["list"]).len());
}

#[test]
fn stats_by_continent_as_of_the_seed_page() {
    let groups = json(&["stats", "--by", "continent", "--as-of", "2022-03-15"]);
    let find = |name: &str| groups.iter().find(|g| g["group"] == name).unwrap().clone();
    assert_eq!(groups[0]["group"], "europe");
    assert_eq!(find("north-america")["count"], 2);
    assert_eq!(find("south-america")["count"], 4);
    assert_eq!(find("asia")["count"], 2);
    assert_eq!(find("africa")["cities"], serde_json::json!(["Fes"]));
}

#[test]
fn stats_by_every_grouping() {
    for by in ["agreement", "status", "capital", "decade"] {
        let groups = json(&["stats", "--by", by, "--all"]);
        let total: u64 = groups.iter().map(|g| g["count"].as_u64().unwrap()).sum();
        assert_eq!(
            usize::try_from(total).unwrap(),
            json(&["list", "--all"]).len(),
            "{by}"
        );
    }
    let status = json(&["stats", "--by", "status", "--all"]);
    assert!(status.iter().any(|g| g["group"] == "ended"));
    let capital = json(&["stats", "--by", "capital", "--as-of", "2022-03-15"]);
    let capitals = capital.iter().find(|g| g["group"] == "capital").unwrap();
    assert_eq!(capitals["count"], 9);
    let decades = json(&["stats", "--by", "decade"]);
    assert!(decades.iter().any(|g| g["group"] == "1970s"));
    // Decades in time order, the unknown last.
    let labels: Vec<&str> = decades
        .iter()
        .map(|g| g["group"].as_str().unwrap())
        .collect();
    let mut in_order = labels.clone();
    in_order.sort_by_key(|l| (*l == "unknown", *l));
    assert_eq!(labels, in_order);
    assert_eq!(labels.last(), Some(&"unknown"));
    let err = fails(&["stats", "--by", "contnent"], 2);
    assert!(err.contains("continent"), "{err}");
}

#[test]
fn stats_in_table_and_tsv() {
    let table = stdout(&["stats", "--by", "country", "--format", "table"]);
    assert!(table.contains("Germany"), "{table}");
    assert!(table.contains("Count"));
    let tsv = stdout(&["stats", "--by", "country"]);
    assert!(tsv.starts_with("group\tcount\tcities\n"), "{tsv}");
    assert!(tsv.contains("Germany\t3\tFrankfurt am Main;Leipzig;Nuremberg\n"));
}

fn row(name: &str) -> String {
    let page = name.replace(' ', "_");
    format!(
        "{name},,,,Poland,PL,europe,false,partnership,2001,active,,,,50.1,19.9,,,,,https://example.org/{page},A note long enough to make a file of many megabytes from a few rows."
    )
}

fn groups(text: &str) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("unsorted.csv");
    std::fs::write(&path, text).unwrap();
    let out = bin()
        .args([
            "--data",
            path.to_str().unwrap(),
            "stats",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout).unwrap()
}

#[test]
fn a_small_file_out_of_order() {
    let text = format!(
        "{HEADER}\n{}\n{}\n{}\n",
        row("Zebra"),
        row("Mango"),
        row("Apple")
    );
    let groups = groups(&text);
    assert_eq!(groups[0]["group"], "europe");
    assert_eq!(
        groups[0]["cities"],
        serde_json::json!(["Apple", "Mango", "Zebra"])
    );
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
    assert!(
        cities.iter().zip(&sorted).all(|(a, b)| a == b),
        "not by name"
    );
}
