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
