//! `timeline`: agreements signed and ended per year or decade, and the bar chart.

use crate::common::*;

#[test]
fn timeline_counts_agreements_per_year_and_shows_endings() {
    let years = json(&["timeline", "--all"]);
    let y1973 = years.iter().find(|p| p["period"] == "1973").unwrap();
    assert!(
        y1973["cities"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("Leipzig"))
    );
    assert_eq!(y1973["count"], y1973["cities"].as_array().unwrap().len());
    let y2022 = years.iter().find(|p| p["period"] == "2022").unwrap();
    let ended = y2022["ended"].as_array().unwrap();
    assert!(ended.contains(&serde_json::json!("Moscow")), "{y2022}");
    let periods: Vec<&str> = years
        .iter()
        .map(|p| p["period"].as_str().unwrap())
        .collect();
    let mut sorted = periods.clone();
    sorted.sort();
    assert_eq!(periods, sorted, "oldest first");
    // Every city is counted once: the undated ones last, in a period of their own.
    let signed: u64 = years.iter().map(|p| p["count"].as_u64().unwrap()).sum();
    let cities = json(&["list", "--all"]);
    assert_eq!(usize::try_from(signed).unwrap(), cities.len());
    let undated: Vec<&str> = cities
        .iter()
        .filter(|c| c["signed"].is_null())
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    let unknown = years.last().unwrap();
    assert_eq!(unknown["period"], "unknown");
    assert_eq!(unknown["cities"], serde_json::json!(undated));
}

#[test]
fn timeline_by_decade_and_as_a_bar_chart() {
    let decades = json(&["timeline", "--by", "decade"]);
    let (unknown, dated) = decades.split_last().unwrap();
    assert!(
        dated
            .iter()
            .all(|p| p["period"].as_str().unwrap().ends_with("0s"))
    );
    assert_eq!(unknown["period"], "unknown");
    // The same periods and counts as stats by decade.
    let stats = json(&["stats", "--by", "decade"]);
    let counts = |rows: &[serde_json::Value], key: &str| -> Vec<(String, u64)> {
        rows.iter()
            .map(|r| {
                (
                    r[key].as_str().unwrap().to_string(),
                    r["count"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(counts(&decades, "period"), counts(&stats, "group"));
    let table = stdout(&["timeline", "--by", "decade", "--format", "table"]);
    assert!(table.contains('█'), "{table}");
    // As of the seed page nothing had ended yet in 2022.
    let then = json(&["timeline", "--as-of", "2022-03-01", "--all"]);
    assert!(then.iter().all(|p| p["period"] != "2022"));
}
