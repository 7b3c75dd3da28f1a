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
    // Every signed agreement is counted once.
    let signed: u64 = years.iter().map(|p| p["count"].as_u64().unwrap()).sum();
    let dated = json(&["list", "--all"])
        .iter()
        .filter(|c| !c["signed"].is_null())
        .count();
    assert_eq!(usize::try_from(signed).unwrap(), dated);
}

#[test]
fn timeline_by_decade_and_as_a_bar_chart() {
    let decades = json(&["timeline", "--by", "decade"]);
    assert!(
        decades
            .iter()
            .all(|p| p["period"].as_str().unwrap().ends_with("0s"))
    );
    let table = stdout(&["timeline", "--by", "decade", "--format", "table"]);
    assert!(table.contains('█'), "{table}");
    // As of the seed page nothing had ended yet in 2022.
    let then = json(&["timeline", "--as-of", "2022-03-01", "--all"]);
    assert!(then.iter().all(|p| p["period"] != "2022"));
}
