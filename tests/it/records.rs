//! `records`: each record is the minimum or maximum of its measure, named records,
//! filters, `--top`, unknown values and ties, and the CSV and TSV layout.

use crate::common::*;
use serde_json::Value;

/// The city with the smallest (or largest) value of `key`, computed here directly.
fn extreme(cities: &[Value], key: impl Fn(&Value) -> Option<f64>, largest: bool) -> String {
    let mut best: Option<(f64, &str)> = None;
    for c in cities {
        if let Some(v) = key(c) {
            let name = c["name"].as_str().unwrap();
            let better = match best {
                None => true,
                Some((b, n)) if v == b => name < n,
                Some((b, _)) => (v > b) == largest,
            };
            if better {
                best = Some((v, name));
            }
        }
    }
    best.unwrap().1.to_string()
}

fn num(field: &'static str) -> impl Fn(&Value) -> Option<f64> {
    move |c| c[field].as_f64()
}

#[test]
fn every_record_is_the_minimum_or_maximum_of_its_measure() {
    let cities = json(&["list"]);
    let records = json(&["records"]);
    let holder = |name: &str| -> String {
        let r = records
            .iter()
            .find(|r| r["record"] == name)
            .unwrap_or_else(|| panic!("no record {name}"));
        r["city"]["name"].as_str().unwrap().to_string()
    };
    let date = |c: &Value| {
        c["signed"].as_str().map(|s| {
            let mut parts = s.split('-').map(|p| p.parse::<f64>().unwrap());
            let (y, m, d) = (
                parts.next().unwrap(),
                parts.next().unwrap_or(0.0),
                parts.next().unwrap_or(0.0),
            );
            y * 10_000.0 + m * 100.0 + d
        })
    };
    let abs_lat = |c: &Value| c["lat"].as_f64().map(f64::abs);
    let expected = [
        ("nearest", extreme(&cities, num("distance_km"), false)),
        ("farthest", extreme(&cities, num("distance_km"), true)),
        ("oldest", extreme(&cities, date, false)),
        ("youngest", extreme(&cities, date, true)),
        ("highest", extreme(&cities, num("elevation_m"), true)),
        ("lowest", extreme(&cities, num("elevation_m"), false)),
        ("northernmost", extreme(&cities, num("lat"), true)),
        ("southernmost", extreme(&cities, num("lat"), false)),
        ("easternmost", extreme(&cities, num("lon"), true)),
        ("westernmost", extreme(&cities, num("lon"), false)),
        ("closest-to-equator", extreme(&cities, abs_lat, false)),
        ("most-populous", extreme(&cities, num("population"), true)),
        ("least-populous", extreme(&cities, num("population"), false)),
        ("largest", extreme(&cities, num("area_km2"), true)),
        ("smallest", extreme(&cities, num("area_km2"), false)),
        ("densest", extreme(&cities, num("density_per_km2"), true)),
    ];
    assert_eq!(records.len(), expected.len());
    for (record, city) in expected {
        assert_eq!(holder(record), city, "record {record}");
    }
}

#[test]
fn named_records_only_in_the_order_asked() {
    let records = json(&["records", "highest", "nearest"]);
    let kinds: Vec<&str> = records
        .iter()
        .map(|r| r["record"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["highest", "nearest"]);
    assert_eq!(records[1]["unit"], "km");
    assert_eq!(records[0]["unit"], "m");
    let err = fails(&["records", "tallest"], 2);
    assert!(err.contains("highest"), "{err}");
}

#[test]
fn records_take_the_filters() {
    let europe = json(&["records", "farthest", "--continent", "europe"]);
    assert_eq!(europe[0]["city"]["continent"], "europe");
    let everywhere = json(&["records", "farthest"]);
    assert!(europe[0]["value"].as_f64() < everywhere[0]["value"].as_f64());
}

#[test]
fn top_gives_the_leaders_ranked() {
    let top = json(&["records", "nearest", "--top", "3"]);
    assert_eq!(top.len(), 3);
    let ranks: Vec<u64> = top.iter().map(|r| r["rank"].as_u64().unwrap()).collect();
    assert_eq!(ranks, [1, 2, 3]);
    let values: Vec<f64> = top.iter().map(|r| r["value"].as_f64().unwrap()).collect();
    assert!(values.windows(2).all(|w| w[0] <= w[1]), "{values:?}");
    fails(&["records", "--top", "0"], 2);
}

#[test]
fn unknown_values_are_left_out_never_counted_as_zero() {
    let data = data_file(concat!(
        "Unknown,,,,X,XX,europe,false,partnership,2000,active,,,,10,10,,,,,https://e.org,\n",
        "Low,,,,X,XX,europe,false,partnership,2001,active,,,,11,11,500,2020,5,12,https://e.org,\n",
        "High,,,,X,XX,europe,false,partnership,2002,active,,,,12,12,900,2020,9,800,https://e.org,\n",
    ));
    let path = data.path().to_str().unwrap();
    let records = json(&[
        "--data",
        path,
        "records",
        "lowest",
        "least-populous",
        "smallest",
        "densest",
    ]);
    for r in &records {
        assert_ne!(r["city"]["name"], "Unknown", "{r}");
    }
    assert_eq!(records[0]["city"]["name"], "Low");
    assert_eq!(records[0]["value"], 12);
    // With --top 3 only the two cities with a value are ranked.
    assert_eq!(
        json(&["--data", path, "records", "highest", "--top", "3"]).len(),
        2
    );
    let table = stdout(&["--data", path, "list", "--format", "table"]);
    let unknown_row = table.lines().find(|l| l.contains("Unknown")).unwrap();
    assert!(unknown_row.contains(" - "), "{unknown_row}");
    assert!(!unknown_row.contains(" 0 "), "{unknown_row}");
}

#[test]
fn ties_are_broken_by_name() {
    let data = data_file(concat!(
        "Zeta,,,,X,XX,europe,false,partnership,2000,active,,,,10,10,,,,300,https://e.org,\n",
        "Alpha,,,,X,XX,europe,false,partnership,2000,active,,,,10,10,,,,300,https://e.org,\n",
    ));
    let path = data.path().to_str().unwrap();
    for kind in ["highest", "lowest", "oldest", "youngest", "nearest"] {
        let r = json(&["--data", path, "records", kind]);
        assert_eq!(r[0]["city"]["name"], "Alpha", "{kind}");
    }
}

#[test]
fn records_in_csv_and_tsv() {
    let csv = stdout(&["records", "nearest", "highest", "--format", "csv"]);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("record,rank,value,unit,name,")
    );
    assert!(lines.next().unwrap().starts_with("nearest,1,"));
    let tsv = stdout(&["records", "nearest"]);
    assert!(tsv.starts_with("record\trank\tvalue\tunit\tname\tcountry\tagreement\n"));
}

#[test]
fn ties_share_a_rank_and_every_tied_city_is_listed() {
    let data = data_file(concat!(
        "Zeta,,,,X,XX,europe,false,partnership,2000,active,,,,10,10,,,,300,https://e.org,\n",
        "Alpha,,,,X,XX,europe,false,partnership,2000,active,,,,11,11,,,,300,https://e.org,\n",
        "Mid,,,,X,XX,europe,false,partnership,2000,active,,,,12,12,,,,200,https://e.org,\n",
        "Low,,,,X,XX,europe,false,partnership,2000,active,,,,13,13,,,,100,https://e.org,\n",
    ));
    let path = data.path().to_str().unwrap();
    let ranked = |top: &str| -> Vec<(String, u64)> {
        json(&["--data", path, "records", "highest", "--top", top])
            .iter()
            .map(|r| {
                let name = r["city"]["name"].as_str().unwrap().to_string();
                (name, r["rank"].as_u64().unwrap())
            })
            .collect()
    };
    let tie = |rest: &[(&str, u64)]| -> Vec<(String, u64)> {
        rest.iter().map(|(n, r)| (n.to_string(), *r)).collect()
    };
    assert_eq!(ranked("1"), tie(&[("Alpha", 1), ("Zeta", 1)]));
    assert_eq!(ranked("2"), tie(&[("Alpha", 1), ("Zeta", 1)]));
    assert_eq!(ranked("3"), tie(&[("Alpha", 1), ("Zeta", 1), ("Mid", 3)]));
    let lowest = json(&["--data", path, "records", "lowest", "--top", "2"]);
    let ranks: Vec<u64> = lowest.iter().map(|r| r["rank"].as_u64().unwrap()).collect();
    assert_eq!(ranks, [1, 2]);
}

#[test]
fn nearest_and_farthest_from_another_partner_leave_it_out() {
    let records = json(&[
        "records", "nearest", "farthest", "--from", "vienna", "--top", "2",
    ]);
    let cities = json(&["list", "--from", "vienna"]);
    let mut others: Vec<(f64, &str)> = cities
        .iter()
        .filter(|c| c["name"] != "Vienna")
        .map(|c| {
            (
                c["distance_km"].as_f64().unwrap(),
                c["name"].as_str().unwrap(),
            )
        })
        .collect();
    others.sort_by(|a, b| a.0.total_cmp(&b.0));
    let nearest: Vec<&str> = records
        .iter()
        .filter(|r| r["record"] == "nearest")
        .map(|r| r["city"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(nearest, [others[0].1, others[1].1]);
    assert_eq!(nearest[0], "Bratislava");
    let farthest = records.iter().find(|r| r["record"] == "farthest").unwrap();
    assert_eq!(farthest["city"]["name"], others.last().unwrap().1);
    assert_eq!(farthest["value"].as_f64(), Some(others.last().unwrap().0));
    // People read where from with the value; other records are as they were.
    let table = stdout(&[
        "records", "nearest", "oldest", "--from", "vienna", "--format", "table",
    ]);
    assert!(table.contains("55.3 km from Vienna"), "{table}");
    let oldest = |args: &[&str]| {
        let mut all = vec!["records", "oldest", "--fields", "record,rank,value,name"];
        all.extend(args);
        json(&all)
    };
    assert_eq!(oldest(&["--from", "vienna"]), oldest(&[]));
}
