//! `map`: the SVG's structure (a group per city with its marker, label and tooltip),
//! labels that cannot be taken for another city's (measured from the SVG itself), the
//! inset, the words, `-o`, and refusals.

use std::io::Write;

use crate::common::*;

#[path = "map_geometry.rs"]
pub mod geometry;
use geometry::{Drawn, assert_labels_cannot_mislead, drawn, has_class};

fn svg_of(args: &[&str]) -> String {
    stdout(args)
}

/// The selections the README shows.
const SELECTIONS: [&[&str]; 5] = [
    &["map"],
    &["map", "--all", "--as-of", "2022-01-01"],
    &["map", "--continent", "europe"],
    &["map", "--country", "DE"],
    &["map", "--names", "pl"],
];

#[test]
fn map_labels_cannot_mislead_on_the_readme_selections() {
    for args in SELECTIONS {
        let svg = svg_of(args);
        let places = assert_labels_cannot_mislead(&svg, &args.join(" "));
        // On the bundled data every city finds room for its name.
        let unnamed: Vec<&str> = places
            .iter()
            .filter(|p| {
                p.text
                    .as_ref()
                    .is_none_or(|(t, _)| t.parse::<usize>().is_ok())
            })
            .map(|p| p.name.as_str())
            .collect();
        assert!(unnamed.is_empty(), "{args:?}: {unnamed:?} not labelled");
    }
}

#[test]
fn map_has_one_group_per_city_with_marker_label_and_tooltip() {
    let svg = svg_of(&["map", "--all"]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let mut cities = name_set(&json(&["list", "--all"]));
    let groups: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("g") && has_class(n, "city"))
        .collect();
    let mut names: Vec<String> = groups
        .iter()
        .map(|g| g.attribute("data-name").unwrap().to_string())
        .collect();
    names.sort();
    cities.sort();
    assert_eq!(names, cities, "each city once");
    for g in &groups {
        let tags: Vec<&str> = g
            .children()
            .filter(|c| c.is_element())
            .map(|c| c.tag_name().name())
            .collect();
        assert!(
            tags.contains(&"title") && tags.contains(&"circle") && tags.contains(&"text"),
            "{tags:?}"
        );
        let title = g
            .children()
            .find(|c| c.has_tag_name("title"))
            .unwrap()
            .text()
            .unwrap();
        assert!(
            title.starts_with(g.attribute("data-name").unwrap()),
            "{title}"
        );
    }
    let homes: Vec<_> = doc.descendants().filter(|n| has_class(n, "home")).collect();
    assert_eq!(homes.len(), 1, "Kraków once");
    for class in ["title", "legend", "panel"] {
        assert!(
            doc.descendants()
                .any(|n| n.has_tag_name("g") && has_class(&n, class)),
            "{class}"
        );
    }
    assert_eq!(
        doc.descendants().filter(|n| has_class(n, "arc")).count(),
        cities.len()
    );
    assert!(svg.contains("Natural Earth"));
    assert!(doc.descendants().any(|n| has_class(&n, "borders")));
}

#[test]
fn map_puts_crowded_europe_in_an_inset_whose_markers_stand_apart() {
    let svg = svg_of(&["map"]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let places = drawn(&doc);
    let inset: Vec<&Drawn> = places
        .iter()
        .filter(|p| p.panel.contains("inset"))
        .collect();
    let inset_names: Vec<&str> = inset.iter().map(|p| p.name.as_str()).collect();
    for city in [
        "Kraków",
        "Vienna",
        "Bratislava",
        "Budapest",
        "Olomouc",
        "Košice",
        "Pécs",
    ] {
        assert!(inset_names.contains(&city), "{city} in {inset_names:?}");
    }
    assert!(!inset_names.contains(&"Nanjing"));
    for (i, a) in inset.iter().enumerate() {
        for b in &inset[i + 1..] {
            let d = (a.centre.0 - b.centre.0).hypot(a.centre.1 - b.centre.1);
            assert!(
                d > a.r + b.r,
                "{} and {} overlap ({d:.1} px)",
                a.name,
                b.name
            );
        }
    }
    // The region is framed on the world panel, and its cities are not drawn there again.
    assert!(doc.descendants().any(|n| has_class(&n, "inset-frame")));
    assert_eq!(places.iter().filter(|p| p.name == "Vienna").count(), 1);
    // Europe alone needs no inset.
    assert!(!svg_of(&["map", "--continent", "europe"]).contains("panel inset"));
}

/// `count` cities from a fixed pseudo-random sequence, `spread` degrees around a point.
fn generated(count: usize, centre: (f64, f64), spread: f64) -> tempfile::NamedTempFile {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        f64::from(u32::try_from(state >> 40).unwrap()) / f64::from(1u32 << 24)
    };
    let mut rows = String::new();
    for i in 0..count {
        let lat = (centre.0 + (next() - 0.5) * 2.0 * spread).clamp(-80.0, 80.0);
        let lon = (centre.1 + (next() - 0.5) * 2.0 * spread * 1.5).clamp(-179.0, 179.0);
        rows.push_str(&format!(
            "Town {i:03},,,,Testland,XX,europe,false,partnership,2000,active,,,,{lat:.4},{lon:.4},,,,,https://e.org,\n"
        ));
    }
    data_file(&rows)
}

/// Every city is named, numbered (and in the key) or listed in the key.
fn assert_every_city_accounted_for(svg: &str, count: usize) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let places = drawn(&doc);
    assert_eq!(places.iter().filter(|p| p.name != "Kraków").count(), count);
    let key: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("g") && has_class(n, "key"))
        .flat_map(|g| g.descendants().filter_map(|t| t.text().map(String::from)))
        .collect();
    for p in places.iter().filter(|p| p.name != "Kraków") {
        match &p.text {
            Some((t, _)) if t == &p.name => {}
            Some((n, _)) => assert!(
                key.contains(&format!("{n}  {}", p.name)),
                "{n} {} in the key",
                p.name
            ),
            None => assert!(key.contains(&p.name), "{} in the key", p.name),
        }
    }
}

#[test]
fn map_labels_cannot_mislead_on_200_scattered_cities() {
    let data = generated(200, (10.0, 0.0), 60.0);
    let svg = svg_of(&["--data", data.path().to_str().unwrap(), "map"]);
    assert_labels_cannot_mislead(&svg, "200 cities");
    assert_every_city_accounted_for(&svg, 200);
    // Cities spread evenly form no crowd worth an inset.
    assert!(!svg.contains("panel inset"));
    assert_eq!(
        svg,
        svg_of(&["--data", data.path().to_str().unwrap(), "map"]),
        "deterministic"
    );
}

#[test]
fn map_of_thousands_is_drawn_without_labels_and_more_refused() {
    let data = generated(1000, (10.0, 0.0), 60.0);
    let svg = svg_of(&["--data", data.path().to_str().unwrap(), "map"]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let cities: Vec<_> = doc.descendants().filter(|n| has_class(n, "city")).collect();
    assert_eq!(cities.len(), 1000);
    assert!(
        cities
            .iter()
            .all(|g| !g.children().any(|c| c.has_tag_name("text")))
    );
    let key = svg.split("<g class=\"key\">").nth(1).unwrap_or_default();
    assert!(key.contains(" cities: each marker"), "{key}");
    let data = generated(5001, (10.0, 0.0), 60.0);
    let err = fails(&["--data", data.path().to_str().unwrap(), "map"], 1);
    assert!(err.contains("5001 cities are too many"), "{err}");
}

#[test]
fn map_labels_cannot_mislead_on_40_cities_within_50_km() {
    // Around Lisbon, far from Kraków: an inset; and around Kraków itself.
    for centre in [(38.72, -9.14), (50.06, 19.94)] {
        let data = generated(40, centre, 0.3);
        let svg = svg_of(&["--data", data.path().to_str().unwrap(), "map"]);
        assert_labels_cannot_mislead(&svg, "40 close cities");
        assert_every_city_accounted_for(&svg, 40);
        // Far from Kraków the group gets an inset; around Kraków the map itself zooms in.
        assert_eq!(svg.contains("panel inset"), centre.1 < 0.0, "{centre:?}");
    }
}

#[test]
fn map_speaks_words_not_tokens() {
    let svg = svg_of(&["map", "--all"]);
    for words in [
        "Twin city",
        "Partnership",
        "Honorary twin city",
        "No formal agreement",
        "Ended or suspended",
    ] {
        assert!(svg.contains(&format!(">{words}")), "{words}");
    }
    for token in [
        ">twin-city<",
        ">honorary-twin-city<",
        ">none<",
        ">letter-of-intent<",
    ] {
        assert!(!svg.contains(token), "{token}");
    }
}

#[test]
fn map_draws_unconfirmed_partnerships_dotted_and_says_so() {
    let svg = svg_of(&["map", "--all"]);
    assert!(svg.contains(">Unconfirmed (hollow, dotted)<"), "legend");
    let leuven = svg
        .split("<g class=\"city\"")
        .skip(1)
        .find(|g| g.starts_with(" data-name=\"Leuven\""))
        .unwrap();
    assert!(leuven.contains("data-status=\"unconfirmed\""), "{leuven}");
    assert!(leuven.contains("last source 2007-12-22"), "{leuven}");
    assert!(leuven.contains(r##"fill="#ffffff""##), "hollow: {leuven}");
    assert!(leuven.contains("stroke-dasharray"), "dotted: {leuven}");
    // Not drawn, nor in the legend, where no partnership is unconfirmed.
    let active = svg_of(&["map"]);
    assert!(!active.contains("Unconfirmed"));
    assert!(!active.contains("data-name=\"Leuven\""));
}

#[test]
fn map_in_polish_and_in_local_names() {
    let svg = svg_of(&["map", "--names", "pl"]);
    for words in [
        "Miasta partnerskie Krakowa",
        ">Wiedeń<",
        ">Norymberga<",
        "Partnerstwo",
        "partnerstwa aktywne",
        "Umowa",
    ] {
        assert!(svg.contains(words), "{words}");
    }
    // The group keeps the English name, for scripts.
    assert!(svg.contains(r#"data-name="Vienna""#));
    let svg = svg_of(&["map", "--names", "local"]);
    assert!(svg.contains(">Wien<") && svg.contains(">Київ<") && svg.contains(">南京<"));
    assert_labels_cannot_mislead(&svg, "--names local");
}

#[test]
fn map_subtitle_states_the_filters_and_title_can_be_set() {
    let subtitle = |args: &[&str]| {
        let svg = svg_of(args);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let node = doc
            .descendants()
            .find(|n| has_class(n, "subtitle"))
            .unwrap();
        node.text().unwrap().to_string()
    };
    let s = subtitle(&["map", "--continent", "europe"]);
    assert!(
        s.contains("Europe") && s.contains("active partnerships"),
        "{s}"
    );
    let s = subtitle(&["map", "--country", "DE", "--all", "--as-of", "2022-01-01"]);
    assert!(
        s.starts_with("3 cities")
            && s.contains("Germany")
            && s.contains("all partnerships")
            && s.contains("as of 2022-01-01"),
        "{s}"
    );
    let s = subtitle(&["map", "--status", "ended"]);
    assert!(s.contains("ended partnerships"), "{s}");
    let svg = svg_of(&["map", "--title", "Partners & friends"]);
    assert!(svg.contains(">Partners &amp; friends</text>"));
}

#[test]
fn map_refuses_an_empty_selection_and_a_terminal() {
    let err = fails(&["map", "--continent", "oceania"], 1);
    assert!(err.contains("no cities to draw"), "{err}");
    let err = fails(&["--data", "tests/data/empty/header-only.csv", "map"], 1);
    assert!(
        err.contains("no cities to draw: the data holds none"),
        "{err}"
    );
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        let note = "map_refuses_…: terminal part skipped, script (util-linux) is missing";
        let _ = writeln!(std::io::stderr(), "{note}");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("krakow-partners");
    let out = std::process::Command::new("script")
        .args(["-qec", &format!("{} map", bin.display()), "/dev/null"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("-o map.svg") && !text.contains("<svg"),
        "{text}"
    );
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
    let places = drawn(&doc);
    let city = places.iter().find(|p| p.name == "A & <B>").unwrap();
    assert_eq!(city.text.as_ref().unwrap().0, "A & <B>");
}

#[test]
fn map_from_another_partner_says_so_and_draws_its_arcs() {
    let svg = svg_of(&["map", "--from", "vienna", "--continent", "europe"]);
    assert!(
        svg.contains("Kraków&#39;s international partner cities, seen from Vienna"),
        "title"
    );
    assert!(svg.contains("Arcs: great circles from Vienna."));
    let cities = svg.matches(r#"<g class="city""#).count();
    // No arc from Vienna to itself.
    assert_eq!(svg.matches(r#"<path class="arc""#).count(), cities - 1);
    assert!(!svg.contains(r#"<path class="arc" data-name="Vienna""#));
    let polish = svg_of(&["map", "--from", "vienna", "--names", "pl"]);
    assert!(polish.contains("Miasta partnerskie Krakowa widziane z miasta Wiedeń"));
    assert!(polish.contains("Łuki: ortodromy od miasta Wiedeń."));
    // --title still wins; the page's table measures from Vienna.
    let titled = svg_of(&["map", "--from", "vienna", "--title", "Mine"]);
    assert!(titled.contains(">Mine<") && !titled.contains("seen from"));
    let page = stdout(&["map", "--from", "vienna", "-o", "html:-"]);
    assert!(page.contains("Distance from Vienna (km)"), "html");
    let plain = svg_of(&["map"]);
    assert!(plain.contains("Arcs: great circles from Kraków"));
}
