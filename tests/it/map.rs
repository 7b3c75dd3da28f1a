//! `map`: the SVG's structure (a group per city with its marker, label and tooltip),
//! labels that cannot be taken for another city's (measured from the SVG itself), the
//! inset, the words, `-o`, and refusals.

use std::io::Write;

use crate::common::*;

fn svg_of(args: &[&str]) -> String {
    stdout(args)
}

/// A text's width as the map estimates it: DejaVu Sans's glyph classes.
fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            'm' | 'w' | 'M' | 'W' => 0.92,
            'i' | 'j' | 'l' | 'f' | 't' | 'r' | 'I' | 'J' | ' ' | '.' | ',' | '\'' | '-' => 0.4,
            // Chinese, Japanese and Korean glyphs are square.
            '\u{1100}'..='\u{11ff}' | '\u{2e80}'..='\u{a4cf}' | '\u{ac00}'..='\u{d7af}' => 1.0,
            '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ff60}' => 1.0,
            c if c.is_uppercase() => 0.74,
            _ => 0.64,
        })
        .sum();
    ems * size * if bold { 1.12 } else { 1.0 }
}

#[derive(Clone, Copy, Debug)]
struct Rect {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

impl Rect {
    /// Overlapping by more than half a pixel both ways.
    fn overlaps(&self, o: &Rect) -> bool {
        self.right.min(o.right) - self.left.max(o.left) > 0.5
            && self.bottom.min(o.bottom) - self.top.max(o.top) > 0.5
    }

    fn distance(&self, (x, y): (f64, f64)) -> f64 {
        let dx = (self.left - x).max(x - self.right).max(0.0);
        let dy = (self.top - y).max(y - self.bottom).max(0.0);
        dx.hypot(dy)
    }

    /// Whether the segment passes through the rectangle's inside (sampled finely).
    fn crossed_by(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let inner = Rect {
            left: self.left + 0.5,
            top: self.top + 0.5,
            right: self.right - 0.5,
            bottom: self.bottom - 0.5,
        };
        (0..=200).any(|i| {
            let t = f64::from(i) / 200.0;
            let p = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            inner.distance(p) == 0.0
        })
    }
}

/// The box a `<text>` covers, from its position, size and characters.
fn text_box(node: roxmltree::Node) -> Rect {
    let num = |a: &str| node.attribute(a).unwrap().parse::<f64>().unwrap();
    let (x, y) = (num("x"), num("y"));
    let size = num("font-size");
    let bold = node.attribute("font-weight") == Some("bold");
    let text: String = node
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect();
    let width = text_width(&text, size, bold);
    let left = match node.attribute("text-anchor") {
        Some("end") => x - width,
        Some("middle") => x - width / 2.0,
        _ => x,
    };
    Rect {
        left,
        top: y - 0.75 * size,
        right: left + width,
        bottom: y + 0.25 * size,
    }
}

fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = dx * dx + dy * dy;
    let t = if length == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length).clamp(0.0, 1.0)
    };
    (a.0 + t * dx - p.0).hypot(a.1 + t * dy - p.1)
}

fn segments_cross(a: (f64, f64), b: (f64, f64), c: (f64, f64), d: (f64, f64)) -> bool {
    let side = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| {
        (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0)
    };
    side(c, d, a) * side(c, d, b) < 0.0 && side(a, b, c) * side(a, b, d) < 0.0
}

/// One place drawn: its name, marker, the text beside it and its leader line.
#[derive(Debug)]
struct Drawn {
    name: String,
    panel: String,
    centre: (f64, f64),
    r: f64,
    text: Option<(String, Rect)>,
    leader: Option<((f64, f64), (f64, f64))>,
}

fn has_class(node: &roxmltree::Node, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|c| c.split(' ').any(|w| w == class))
}

fn drawn(doc: &roxmltree::Document) -> Vec<Drawn> {
    doc.descendants()
        .filter(|n| n.has_tag_name("g") && (has_class(n, "city") || has_class(n, "home")))
        .map(|g| {
            let child = |tag: &str| g.children().find(|c| c.has_tag_name(tag));
            let circle = child("circle").expect("a marker");
            let num = |n: roxmltree::Node, a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
            let panel = g
                .ancestors()
                .find(|a| has_class(a, "panel"))
                .and_then(|p| p.attribute("class"))
                .unwrap_or_default()
                .to_string();
            Drawn {
                name: g.attribute("data-name").unwrap().to_string(),
                panel,
                centre: (num(circle, "cx"), num(circle, "cy")),
                r: num(circle, "r"),
                text: child("text")
                    .map(|t| (t.text().unwrap_or_default().to_string(), text_box(t))),
                leader: child("line")
                    .map(|l| ((num(l, "x1"), num(l, "y1")), (num(l, "x2"), num(l, "y2")))),
            }
        })
        .collect()
}

/// What labels must keep clear of besides one another: the title, legend and key.
fn furniture(doc: &roxmltree::Document) -> Vec<Rect> {
    let mut out = Vec::new();
    for g in doc.descendants().filter(|n| n.has_tag_name("g")) {
        if has_class(&g, "title") || has_class(&g, "key") || has_class(&g, "legend") {
            for t in g.descendants().filter(|n| n.has_tag_name("text")) {
                out.push(text_box(t));
            }
        }
        if has_class(&g, "legend") {
            let rect = g.children().find(|c| c.has_tag_name("rect")).unwrap();
            let num = |a: &str| rect.attribute(a).unwrap().parse::<f64>().unwrap();
            out.push(Rect {
                left: num("x"),
                top: num("y"),
                right: num("x") + num("width"),
                bottom: num("y") + num("height"),
            });
        }
    }
    out
}

/// Every rule that keeps a label from misleading, measured on the SVG; returns the
/// places drawn.
fn assert_labels_cannot_mislead(svg: &str, what: &str) -> Vec<Drawn> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed XML");
    let places = drawn(&doc);
    let furniture = furniture(&doc);
    for p in &places {
        let Some((text, b)) = &p.text else { continue };
        let mine = b.distance(p.centre);
        assert!(mine > p.r - 0.5, "{what}: '{text}' covers its own marker");
        for q in places.iter().filter(|q| q.name != p.name) {
            let theirs = b.distance(q.centre);
            assert!(
                theirs > mine,
                "{what}: '{text}' is {theirs:.1} px from {}'s marker, {mine:.1} from {}'s",
                q.name,
                p.name
            );
            assert!(theirs > q.r, "{what}: '{text}' covers {}'s marker", q.name);
            if let Some((other, c)) = &q.text {
                assert!(!b.overlaps(c), "{what}: '{text}' overlaps '{other}'");
            }
            if let Some((a, z)) = q.leader {
                assert!(
                    !b.crossed_by(a, z),
                    "{what}: {}'s leader crosses '{text}'",
                    q.name
                );
            }
        }
        for f in &furniture {
            assert!(
                !b.overlaps(f),
                "{what}: '{text}' overlaps the title, legend or key"
            );
        }
    }
    for p in places.iter().filter(|p| p.leader.is_some()) {
        let (a, z) = p.leader.unwrap();
        for q in places.iter().filter(|q| q.name != p.name) {
            assert!(
                segment_distance(q.centre, a, z) > q.r,
                "{what}: {}'s leader crosses {}'s marker",
                p.name,
                q.name
            );
            if let Some((a2, z2)) = q.leader {
                assert!(
                    !segments_cross(a, z, a2, z2),
                    "{what}: leaders of {} and {} cross",
                    p.name,
                    q.name
                );
            }
        }
        for f in &furniture {
            assert!(
                !f.crossed_by(a, z),
                "{what}: {}'s leader crosses the title, legend or key",
                p.name
            );
        }
    }
    places
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
