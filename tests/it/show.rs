//! `show`: finding a city by any of its names, its JSON and table, suggestions for
//! unknown or ambiguous names, and `--as-of`.

use crate::common::*;

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

#[test]
fn show_explains_a_city_the_filters_leave_out() {
    let err = fails(&["show", "moscow", "--status", "active"], 1);
    assert!(
        err.contains("Moscow is ended since 2022-03-02; add --all, or --status ended"),
        "{err}"
    );
    let err = fails(&["show", "kyoto", "--as-of", "2020"], 1);
    assert!(
        err.contains("Kyoto was not a partner on 2020: it counts from 2024-09-11"),
        "{err}"
    );
    let err = fails(&["show", "kyoto", "--continent", "europe"], 1);
    assert!(
        err.contains("Kyoto (active) is left out by the filters given"),
        "{err}"
    );
    // A name that is no city at all is still one.
    let err = fails(&["show", "nowhere"], 1);
    assert!(err.contains("no partner city 'nowhere'"), "{err}");
}
