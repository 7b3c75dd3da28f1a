//! `map`: the SVG map's markers, labels and frame, `-o`, and escaped names.

use crate::common::*;

fn svg_of(args: &[&str]) -> String {
    stdout(args)
}

fn class_count(doc: &roxmltree::Document, element: &str, class: &str) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name(element) && n.attribute("class") == Some(class))
        .map(|n| {
            n.attribute("data-name")
                .map(String::from)
                .unwrap_or_else(|| n.text().unwrap_or_default().to_string())
        })
        .collect()
}

#[test]
fn map_has_one_marker_and_one_label_per_city() {
    let svg = svg_of(&["map", "--all"]);
    let doc = roxmltree::Document::parse(&svg).expect("the map is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let mut cities = name_set(&json(&["list", "--all"]));
    let mut markers = class_count(&doc, "g", "city");
    let mut labels = class_count(&doc, "text", "label");
    markers.sort();
    labels.sort();
    cities.sort();
    assert_eq!(markers, cities);
    assert_eq!(labels, cities);
    assert_eq!(class_count(&doc, "circle", "home").len(), 1, "Kraków");
    assert_eq!(class_count(&doc, "text", "home-label"), ["Kraków"]);
    assert_eq!(class_count(&doc, "path", "arc").len(), cities.len());
    let title = class_count(&doc, "text", "title");
    assert_eq!(title, ["Kraków's international partner cities"]);
    let subtitle = class_count(&doc, "text", "subtitle").remove(0);
    assert!(subtitle.contains("36 cities"), "{subtitle}");
    assert!(subtitle.contains("data as of"), "{subtitle}");
    assert!(svg.contains("Natural Earth"));
    // A legend entry for every kind of agreement shown.
    for kind in ["twin-city", "partnership", "honorary-twin-city", "none"] {
        assert!(svg.contains(&format!(">{kind}</text>")), "{kind}");
    }
}

/// The horizontal spread of the named cities' markers, as a share of the width.
fn spread(svg: &str, names: &[String]) -> f64 {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let xs: Vec<f64> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("city"))
        .filter(|n| {
            names
                .iter()
                .any(|name| Some(name.as_str()) == n.attribute("data-name"))
        })
        .filter_map(|g| g.children().find(|n| n.has_tag_name("circle")))
        .map(|n| n.attribute("cx").unwrap().parse().unwrap())
        .collect();
    let width: f64 = doc
        .root_element()
        .attribute("width")
        .unwrap()
        .parse()
        .unwrap();
    let min = xs.iter().copied().fold(f64::INFINITY, f64::min);
    let max = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    (max - min) / width
}

#[test]
fn map_frames_the_cities_shown() {
    // On the world map Europe is a small part; on Europe's own it fills the frame.
    let europe = names(&json(&["list", "--continent", "europe"]));
    let on_world = spread(&svg_of(&["map"]), &europe);
    let on_europe = spread(&svg_of(&["map", "--continent", "europe"]), &europe);
    assert!(on_world < 0.25, "{on_world}");
    assert!(on_europe > 0.5, "{on_europe}");
    let svg = svg_of(&["map", "--continent", "europe"]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(class_count(&doc, "g", "city").len(), europe.len());
}

#[test]
fn map_writes_a_file_with_output() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.svg");
    let out = stdout(&["map", "-o", path.to_str().unwrap()]);
    assert!(out.is_empty(), "nothing on stdout with -o");
    let svg = std::fs::read_to_string(&path).unwrap();
    roxmltree::Document::parse(&svg).unwrap();
    let err = fails(&["map", "-o", "/no/such/dir/map.svg"], 1);
    assert!(err.contains("/no/such/dir/map.svg"), "{err}");
}

#[test]
fn map_escapes_names() {
    let data = data_file(
        "A & <B>,,,,X,XX,europe,false,partnership,2000,active,,,,40,10,,,,,https://e.org,\n",
    );
    let svg = svg_of(&["--data", data.path().to_str().unwrap(), "map"]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(class_count(&doc, "text", "label"), ["A & <B>"]);
}
