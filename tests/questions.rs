//! End to end: show, stats, distance, timeline, --fields and --names.

mod common;

use common::*;
use serde_json::Value;

fn one(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    serde_json::from_str(&stdout(&all)).unwrap()
}

// ---------------------------------------------------------------- show

#[test]
fn show_finds_a_city_by_any_name_in_any_language() {
    for (typed, city) in [
        ("kosice", "Košice"),
        ("KOŠICE", "Košice"),
        ("kiev", "Kyiv"),
        ("Київ", "Kyiv"),
        ("nurnberg", "Nuremberg"),
        ("Norymberga", "Nuremberg"),
        ("Lipsk", "Leipzig"),
        ("fez", "Fes"),
        ("Solura", "Solothurn"),
    ] {
        assert_eq!(one(&["show", typed])["name"], city, "show {typed}");
    }
}

#[test]
fn show_json_is_the_city_with_its_bearing() {
    let city = one(&["show", "kosice"]);
    let keys: Vec<&str> = city
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected: Vec<&str> = HEADER.split(',').collect();
    expected.extend(["distance_km", "density_per_km2", "bearing_deg", "bearing"]);
    assert_eq!(keys, expected);
    // Košice lies south-east of Kraków.
    assert_eq!(city["bearing"], "SE");
    let bearing = city["bearing_deg"].as_f64().unwrap();
    assert!((112.5..157.5).contains(&bearing), "{bearing}");
}

#[test]
fn show_table_tells_the_whole_story() {
    let table = stdout(&["show", "leipzig", "--format", "table"]);
    for text in [
        "Leipzig",
        "Lipsk",
        "Germany (DE)",
        "1973-09-08 (",
        "years ago)",
        " km, W",
        "Population",
        "Sources",
        "https://",
    ] {
        assert!(table.contains(text), "«{text}» in\n{table}");
    }
    let moscow = stdout(&["show", "moscow", "--format", "table"]);
    assert!(moscow.contains("ended since 2022-03-02"), "{moscow}");
}

#[test]
fn show_years_ago_counts_from_the_as_of_date() {
    let table = stdout(&[
        "show",
        "leipzig",
        "--format",
        "table",
        "--as-of",
        "2023-09-08",
    ]);
    assert!(table.contains("1973-09-08 (50 years ago)"), "{table}");
}

#[test]
fn show_an_unknown_name_suggests_the_nearest() {
    let err = fails(&["show", "olomuc"], 1);
    assert_eq!(
        err.trim(),
        "krakow-partners: no partner city 'olomuc'; did you mean Olomouc?"
    );
    let err = fails(&["show", "qqqqqqq"], 1);
    assert!(err.contains("no partner city 'qqqqqqq'"), "{err}");
}

#[test]
fn show_a_name_that_fits_several_lists_them() {
    let err = fails(&["show", "an"], 1);
    assert!(err.contains("fits several cities"), "{err}");
    assert!(err.contains("San Francisco"), "{err}");
    assert!(err.contains("Milan"), "{err}");
}

#[test]
fn show_respects_as_of() {
    fails(
        &[
            "show",
            "moscow",
            "--as-of",
            "2022-03-15",
            "--status",
            "active",
        ],
        1,
    );
    let then = one(&["show", "moscow", "--as-of", "2022-01-01"]);
    assert_eq!(then["status"], "active");
}

// ---------------------------------------------------------------- stats

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
        assert_eq!(usize::try_from(total).unwrap(), json(&["list", "--all"]).len(), "{by}");
    }
    let status = json(&["stats", "--by", "status", "--all"]);
    assert!(status.iter().any(|g| g["group"] == "ended"));
    let capital = json(&["stats", "--by", "capital", "--as-of", "2022-03-15"]);
    let capitals = capital.iter().find(|g| g["group"] == "capital").unwrap();
    assert_eq!(capitals["count"], 9);
    let decades = json(&["stats", "--by", "decade"]);
    assert!(decades.iter().any(|g| g["group"] == "1970s"));
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

// ---------------------------------------------------------------- distance

#[test]
fn distance_from_krakow_and_between_two_cities() {
    let from_krakow = one(&["distance", "kosice"]);
    assert_eq!(from_krakow["from"], "Kraków");
    assert_eq!(from_krakow["to"], "Košice");
    assert_eq!(from_krakow["bearing"], "SE");
    let km = from_krakow["distance_km"].as_f64().unwrap();
    assert!((km - 177.0).abs() < 2.0, "{km}");
    let leg = one(&["distance", "leipzig", "nürnberg"]);
    assert_eq!(leg["to"], "Nuremberg");
    let km = leg["distance_km"].as_f64().unwrap();
    // Leipzig to Nuremberg is about 230 km as the crow flies.
    assert!((200.0..260.0).contains(&km), "{km}");
    assert!(
        ["S", "SW"].contains(&leg["bearing"].as_str().unwrap()),
        "{leg}"
    );
    let back = one(&["distance", "nuremberg", "leipzig"]);
    assert_eq!(back["distance_km"], leg["distance_km"]);
    assert!(
        ["N", "NE"].contains(&back["bearing"].as_str().unwrap()),
        "{back}"
    );
    let err = fails(&["distance", "leipzg"], 1);
    assert!(err.contains("did you mean Leipzig?"), "{err}");
    let table = stdout(&["distance", "kosice", "--format", "table"]);
    assert!(table.contains("Distance (km)") && table.contains("Košice"));
}

// ---------------------------------------------------------------- timeline

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

// ---------------------------------------------------------------- --fields and --names

#[test]
fn fields_choose_the_columns_in_every_format() {
    let args = [
        "list",
        "--country",
        "de",
        "--fields",
        "name,population,distance_km",
    ];
    let cities = json(&args);
    for city in &cities {
        let keys: Vec<&str> = city
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["name", "population", "distance_km"]);
    }
    let csv = stdout(&[&args[..], &["--format", "csv"]].concat());
    assert_eq!(csv.lines().next().unwrap(), "name,population,distance_km");
    let tsv = stdout(&args);
    assert_eq!(tsv.lines().next().unwrap(), "name\tpopulation\tdistance_km");
    let ndjson = stdout(&[&args[..], &["--format", "ndjson"]].concat());
    assert!(ndjson.lines().all(|l| l.starts_with("{\"name\":")));
    let table = stdout(&[&args[..], &["--format", "table"]].concat());
    assert!(table.contains("Distance (km)") && !table.contains("Continent"));
    let show = one(&["show", "kosice", "--fields", "bearing,name"]);
    assert_eq!(show, serde_json::json!({"bearing": "SE", "name": "Košice"}));
    let records = json(&["records", "nearest", "--fields", "name"]);
    assert_eq!(records[0]["city"], serde_json::json!({"name": "Košice"}));
}

#[test]
fn an_unknown_field_is_a_usage_error_listing_the_valid_ones() {
    let err = fails(&["list", "--fields", "name,populaton"], 2);
    assert!(err.contains("did you mean population?"), "{err}");
    assert!(err.contains("elevation_m"), "{err}");
}

#[test]
fn names_choose_the_language_of_the_name_column() {
    let polish = stdout(&[
        "list", "--names", "pl", "--fields", "name", "--search", "kyiv",
    ]);
    assert_eq!(polish, "name\nKijów\n");
    let local = stdout(&[
        "list",
        "--names",
        "local",
        "--fields",
        "name",
        "--country",
        "de",
    ]);
    assert!(local.contains("Nürnberg"), "{local}");
    let table = stdout(&[
        "list",
        "--names",
        "pl",
        "--format",
        "table",
        "--country",
        "de",
    ]);
    assert!(
        table.contains("Norymberga") && table.contains("Lipsk"),
        "{table}"
    );
    // Programs always get the data's own fields.
    let json = json(&["list", "--names", "pl", "--search", "kyiv"]);
    assert_eq!(json[0]["name"], "Kyiv");
    assert_eq!(json[0]["name_pl"], "Kijów");
}
