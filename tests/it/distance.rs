//! `distance`: from Kraków or between two partner cities, with the bearing.

use crate::common::*;

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

#[test]
fn a_place_has_no_bearing_from_itself_and_no_number_reads_minus_zero() {
    let same = one(&["distance", "kyiv", "kyiv"]);
    assert_eq!(same["distance_km"], 0);
    assert!(
        same["bearing_deg"].is_null() && same["bearing"].is_null(),
        "{same}"
    );
    let tsv = stdout(&["distance", "kyiv", "kyiv"]);
    assert_eq!(tsv.lines().nth(1), Some("Kyiv\tKyiv\t0\t\t"));
    let table = stdout(&["distance", "kyiv", "kyiv", "--format", "table"]);
    assert!(table.contains(" - "), "{table}");
    // Two points on the antimeridian, one written -180 and one 180, and a pole.
    let data = data_file(concat!(
        "East,,,,X,XX,oceania,false,partnership,2000,active,,,,-16.5,180,,,,,https://e.org,\n",
        "West,,,,X,XX,oceania,false,partnership,2000,active,,,,-16.5,-180,,,,,https://e.org,\n",
        "Pole,,,,X,XY,oceania,false,partnership,2000,active,,,,-90,-0.0,,,,,https://e.org,\n",
    ));
    let path = data.path().to_str().unwrap();
    let leg = one(&["--data", path, "distance", "east", "west"]);
    assert_eq!(leg["distance_km"], 0);
    assert!(leg["bearing"].is_null(), "{leg}");
    let csv = stdout(&[
        "--data", path, "list", "--format", "csv", "--search", "pole",
    ]);
    assert!(!csv.contains("-0"), "{csv}");
}

#[test]
fn krakow_in_any_spelling_may_be_either_end() {
    let from_krakow = one(&["distance", "kyiv"]);
    for name in ["krakow", "Kraków", "KRAKAU", "Cracow"] {
        let leg = one(&["distance", name, "kyiv"]);
        assert_eq!(leg, from_krakow, "{name}");
    }
    let back = one(&["distance", "kyiv", "krakow"]);
    assert_eq!(back["from"], "Kyiv");
    assert_eq!(back["to"], "Kraków");
    assert_eq!(back["distance_km"], from_krakow["distance_km"]);
    assert_eq!(back["bearing"], "W");
    let home = one(&["distance", "krakow"]);
    assert_eq!(home["distance_km"], 0);
    assert!(home["bearing"].is_null());
}

#[test]
fn either_end_names_a_city_the_way_show_does() {
    let data = data_file_with(
        "name,country_code,lat,lon",
        "Paris,FR,48.8566,2.3522\nParis,US,33.6609,-95.5555",
    );
    let path = data.path().to_str().unwrap();
    let leg = one(&["--data", path, "distance", "paris, fr", "paris, us"]);
    let km = leg["distance_km"].as_f64().unwrap();
    // Paris, France to Paris, Texas: about 7 800 km.
    assert!((7700.0..7900.0).contains(&km), "{km}");
    let err = fails(&["--data", path, "distance", "paris"], 1);
    assert!(
        err.contains("name one as 'paris, FR' or 'paris, US'"),
        "{err}"
    );
    let err = fails(&["--data", path, "distance", "paris, fr", "paris"], 1);
    assert!(err.contains("'paris' fits 2 cities"), "{err}");
    // Kraków's own names still work beside a file's cities.
    let home = one(&["--data", path, "distance", "paris, fr", "krakow"]);
    assert_eq!(home["to"], "Kraków");
    // A piece inside a word is no city.
    let err = fails(&["distance", "ork"], 1);
    assert!(err.contains("no partner city 'ork'"), "{err}");
}

/// Each city's name and place, from `list`'s JSON.
fn places(args: &[&str]) -> Vec<(String, f64, f64)> {
    let mut all = vec!["list"];
    all.extend(args);
    json(&all)
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                c["lat"].as_f64().unwrap(),
                c["lon"].as_f64().unwrap(),
            )
        })
        .collect()
}

/// A distance to 0.1 km, as every format writes it.
fn tenths(km: f64) -> f64 {
    (km * 10.0).round() / 10.0
}

#[test]
fn pairs_are_every_two_chosen_cities_nearest_first() {
    let cities = places(&["--continent", "asia,south-america"]);
    let pairs = json(&["distance", "--pairs", "--continent", "asia,south-america"]);
    let n = cities.len();
    assert!(n >= 5, "{n}");
    assert_eq!(pairs.len(), n * (n - 1) / 2);
    let mut seen = std::collections::BTreeSet::new();
    for pair in &pairs {
        let (from, to) = (pair["from"].as_str().unwrap(), pair["to"].as_str().unwrap());
        assert!(from < to, "the first by name first: {pair}");
        assert!(
            seen.insert((from.to_string(), to.to_string())),
            "twice: {pair}"
        );
        let at = |name: &str| cities.iter().find(|c| c.0 == name).unwrap();
        let (a, b) = (at(from), at(to));
        let km = krakow_partners::geodesic_km((a.1, a.2), (b.1, b.2));
        assert_eq!(pair["distance_km"].as_f64(), Some(tenths(km)), "{pair}");
    }
    let km: Vec<f64> = pairs
        .iter()
        .map(|p| p["distance_km"].as_f64().unwrap())
        .collect();
    assert!(km.windows(2).all(|w| w[0] <= w[1]), "nearest first: {km:?}");
    // --limit keeps the nearest.
    let three = json(&[
        "distance",
        "--pairs",
        "--continent",
        "asia,south-america",
        "-n",
        "3",
    ]);
    assert_eq!(three, pairs[..3]);
    // The two partners nearest each other, of every active one.
    let nearest = json(&["distance", "--pairs", "--limit", "1"]);
    assert_eq!(
        (nearest[0]["from"].as_str(), nearest[0]["to"].as_str()),
        (Some("Bratislava"), Some("Vienna"))
    );
}

#[test]
fn pairs_and_a_matrix_of_cities_named() {
    let pairs = json(&["distance", "--pairs", "kyoto", "nanjing", "krakow"]);
    assert_eq!(pairs.len(), 3);
    assert_eq!(pairs[0]["from"], "Kyoto");
    assert_eq!(pairs[0]["to"], "Nanjing");
    let leg = one(&["distance", "kyoto", "nanjing"]);
    assert_eq!(pairs[0]["distance_km"], leg["distance_km"]);
    let csv = stdout(&[
        "distance", "--matrix", "nanjing", "kyoto", "Kraków", "--format", "csv",
    ]);
    let rows: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(rows[0], ["city", "Kraków", "Kyoto", "Nanjing"]);
    for (i, row) in rows.iter().enumerate().skip(1) {
        assert_eq!(row[0], rows[0][i], "rows and columns in one order");
        assert_eq!(row[i], "0", "{csv}");
        for (j, other) in rows.iter().enumerate().skip(1) {
            assert_eq!(row[j], other[i], "symmetric: {csv}");
        }
    }
    assert_eq!(rows[2][3], leg["distance_km"].to_string());
    let from_krakow = one(&["distance", "kyoto"]);
    assert_eq!(rows[1][2], from_krakow["distance_km"].to_string());
    // JSON: a row per city, its distances under distance_km.
    let matrix = json(&["distance", "--matrix", "kyoto", "nanjing"]);
    assert_eq!(matrix[0]["city"], "Kyoto");
    assert_eq!(matrix[0]["distance_km"]["Nanjing"], leg["distance_km"]);
    // TSV too, and NDJSON a row a line.
    let tsv = stdout(&["distance", "--matrix", "kyoto", "nanjing"]);
    assert!(tsv.starts_with("city\tKyoto\tNanjing\nKyoto\t0\t"), "{tsv}");
    let ndjson = stdout(&[
        "distance", "--matrix", "kyoto", "nanjing", "--format", "ndjson",
    ]);
    assert_eq!(ndjson.lines().count(), 2);
}

#[test]
fn cities_of_one_name_are_told_apart_in_a_matrix() {
    let data = data_file_with(
        "name,country_code,lat,lon",
        "Paris,FR,48.8566,2.3522\nParis,US,33.6609,-95.5555\nLyon,FR,45.76,4.84",
    );
    let path = data.path().to_str().unwrap();
    let csv = stdout(&["--data", path, "distance", "--matrix", "--format", "csv"]);
    assert!(
        csv.starts_with("city,Lyon,\"Paris, FR\",\"Paris, US\"\n"),
        "{csv}"
    );
    let pairs = json(&["--data", path, "distance", "--pairs"]);
    assert_eq!(pairs[0]["from"], "Lyon");
    assert_eq!(pairs[0]["to"], "Paris, FR");
}

#[test]
fn a_matrix_table_is_shown_only_where_it_fits() {
    let run = |args: &[&str], width: &str| bin().args(args).env("COLUMNS", width).output().unwrap();
    let small = run(
        &[
            "distance", "--matrix", "kyoto", "nanjing", "--format", "table",
        ],
        "80",
    );
    assert!(small.status.success());
    let table = String::from_utf8(small.stdout).unwrap();
    assert!(table.contains("│ Kyoto   ┆     0 ┆    1609 │"), "{table}");
    let big = run(&["distance", "--matrix", "--format", "table"], "80");
    assert_eq!(big.status.code(), Some(2));
    assert!(big.stdout.is_empty());
    let err = String::from_utf8(big.stderr).unwrap();
    assert!(err.starts_with("krakow-partners: the matrix of "), "{err}");
    assert!(
        err.contains("and the terminal has 80: use --format csv, tsv or json"),
        "{err}"
    );
    let wide = run(
        &["distance", "--matrix", "--format", "table", "--wide"],
        "80",
    );
    assert!(wide.status.success());
}

#[test]
fn distance_refuses_what_it_cannot_measure() {
    let err = fails(&["distance", "kyoto", "nanjing", "tbilisi"], 2);
    assert!(err.contains("distance takes one city or two"), "{err}");
    let err = fails(&["distance", "--pairs", "kyoto"], 2);
    assert!(
        err.contains("--pairs needs two cities or more, or none"),
        "{err}"
    );
    let err = fails(&["distance", "--matrix", "kyoto", "kioto"], 2);
    assert!(err.contains("'kyoto' and 'kioto' both name Kyoto"), "{err}");
    let err = fails(&["distance", "kyoto", "--limit", "2"], 2);
    assert!(err.contains("--limit is for --pairs"), "{err}");
    let err = fails(&["distance", "--matrix", "--fields", "from"], 2);
    assert!(err.contains("--fields is not for --matrix"), "{err}");
    let err = fails(&["distance", "--pairs", "--matrix"], 2);
    assert!(err.contains("--matrix"), "{err}");
    let err = fails(&["distance"], 2);
    assert!(err.contains("CITY"), "{err}");
    // Names are looked for among every status, the filters as given.
    assert_eq!(one(&["distance", "moscow"])["to"], "Moscow");
    let err = fails(&["distance", "moscow", "--status", "active"], 1);
    assert!(err.contains("Moscow is ended since 2022-03-02"), "{err}");
    // No pairs of one city, or none.
    assert!(json(&["distance", "--pairs", "--country", "jp"]).is_empty());
}
