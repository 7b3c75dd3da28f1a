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
