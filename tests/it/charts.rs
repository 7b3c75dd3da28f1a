//! `timeline -o` and `stats -o`: the charts read back from their SVG (each bar's count
//! is the JSON answer of the same command, bars start at zero, no text overlaps
//! another), the PNG decoded, the `-o` rules and refusals.

use std::collections::BTreeMap;

use crate::common::*;
use crate::map::geometry::{Rect, has_class, text_box};

/// The chart `args` draw, as SVG text.
fn chart(args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend(["-o", "svg:-"]);
    stdout(&all)
}

/// A bar read from the SVG.
#[derive(Debug)]
struct Bar {
    group: String,
    count: u64,
    kind: String,
    title: String,
    /// x, y, width, height, fill.
    rect: (f64, f64, f64, f64, String),
}

fn bars(svg: &str) -> Vec<Bar> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("g") && has_class(n, "bar"))
        .map(|g| {
            let rect = g
                .children()
                .find(|c| c.has_tag_name("rect"))
                .expect("a rect");
            let num = |a: &str| rect.attribute(a).unwrap().parse::<f64>().unwrap();
            Bar {
                group: g.attribute("data-group").unwrap().to_string(),
                count: g.attribute("data-count").unwrap().parse().unwrap(),
                kind: g
                    .attribute("class")
                    .unwrap()
                    .replace("bar", "")
                    .trim()
                    .to_string(),
                title: g
                    .children()
                    .find(|c| c.has_tag_name("title"))
                    .and_then(|t| t.text())
                    .expect("a title")
                    .to_string(),
                rect: (
                    num("x"),
                    num("y"),
                    num("width"),
                    num("height"),
                    rect.attribute("fill").unwrap().to_string(),
                ),
            }
        })
        .collect()
}

/// Every text's box overlaps no other, and lies inside the picture.
fn assert_texts_apart(svg: &str, what: &str) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let root = doc.root_element();
    let size = |a: &str| root.attribute(a).unwrap().parse::<f64>().unwrap();
    let (width, height) = (size("width"), size("height"));
    let texts: Vec<(String, Rect)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|t| (t.text().unwrap_or_default().to_string(), text_box(t)))
        .collect();
    assert!(texts.len() > 5, "{what}: {} texts", texts.len());
    for (i, (a, p)) in texts.iter().enumerate() {
        assert!(
            p.left >= 0.0 && p.right <= width && p.top >= 0.0 && p.bottom <= height,
            "{what}: '{a}' is outside the {width}×{height} picture: {p:?}"
        );
        for (b, q) in &texts[i + 1..] {
            assert!(!p.overlaps(q), "{what}: '{a}' overlaps '{b}'");
        }
    }
}

/// The timelines drawn in the tests: every span, filters, Polish, one city.
const TIMELINES: &[&[&str]] = &[
    &["timeline", "--all"],
    &["timeline", "--by", "decade", "--all"],
    &["timeline", "--by", "decade"],
    &["timeline", "--continent", "europe"],
    &["timeline", "--names", "pl", "--by", "decade", "--all"],
    &["timeline", "--search", "kyoto"],
    &["timeline", "--signed", "1990..1999", "--by", "decade"],
    &[
        "timeline",
        "--all",
        "--as-of",
        "2022-03-01",
        "--agreement",
        "!partnership",
    ],
];

#[test]
fn timeline_bars_are_the_json_answer_and_start_at_the_line() {
    for args in TIMELINES {
        let svg = chart(args);
        let answer = json(args);
        let drawn = bars(&svg);
        let counted = |kind: &str| -> BTreeMap<String, u64> {
            drawn
                .iter()
                .filter(|b| b.kind == kind)
                .map(|b| (b.group.clone(), b.count))
                .collect()
        };
        let signed: BTreeMap<String, u64> = answer
            .iter()
            .filter(|p| p["count"].as_u64().unwrap() > 0)
            .map(|p| {
                (
                    p["period"].as_str().unwrap().into(),
                    p["count"].as_u64().unwrap(),
                )
            })
            .collect();
        let ended: BTreeMap<String, u64> = answer
            .iter()
            .map(|p| {
                (
                    p["period"].as_str().unwrap().into(),
                    p["ended"].as_array().unwrap().len() as u64,
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        assert_eq!(counted("signed"), signed, "{args:?}");
        assert_eq!(counted("ended"), ended, "{args:?}");
        assert_eq!(drawn.len(), signed.len() + ended.len(), "{args:?}");
        // One line, zero: signed bars stand on it, ended ones hang from it, and each
        // bar's length is its count on one scale.
        let line = drawn
            .iter()
            .find(|b| b.kind == "signed")
            .map(|b| b.rect.1 + b.rect.3)
            .unwrap();
        let per = drawn[0].rect.3 / drawn[0].count as f64;
        for b in &drawn {
            let (_, y, _, h, _) = &b.rect;
            match b.kind.as_str() {
                "signed" => assert!((y + h - line).abs() < 0.2, "{args:?} {b:?}"),
                _ => assert!((y - line).abs() < 0.2, "{args:?} {b:?}"),
            }
            assert!((h - per * b.count as f64).abs() < 0.2, "{args:?} {b:?}");
            assert!(b.title.contains(&format!(": {} (", b.count)), "{}", b.title);
        }
        assert_texts_apart(&svg, &args.join(" "));
    }
}

#[test]
fn timeline_names_the_unknown_dates_in_words_and_states_its_filters() {
    let svg = chart(&["timeline", "--by", "decade", "--all"]);
    assert!(
        svg.contains(">Date unknown</text>"),
        "the unknown column in words"
    );
    assert!(svg.contains(">1970s</text>") && svg.contains("all partnerships"));
    assert!(
        svg.contains("Partnerships ended or suspended"),
        "the legend"
    );
    let polish = chart(&[
        "timeline",
        "--by",
        "decade",
        "--names",
        "pl",
        "--as-of",
        "2022-03-15",
        "--all",
    ]);
    for words in [
        ">Data nieznana</text>",
        ">1970–79</text>",
        "stan na 2022-03-15",
        "Umowy podpisane",
    ] {
        assert!(polish.contains(words), "{words}");
    }
    // Tooltips name cities as the chart is drawn: in Polish.
    assert!(polish.contains("Kijów"));
    let europe = chart(&["timeline", "--continent", "europe", "--country", "!de"]);
    assert!(
        europe.contains("Europe · except de"),
        "the filters in the subtitle"
    );
}

/// The groupings `stats` draws.
const GROUPINGS: &[&str] = &[
    "continent",
    "country",
    "agreement",
    "status",
    "capital",
    "decade",
    "year",
];

#[test]
fn stats_bars_are_the_json_answer_sorted_and_start_at_zero() {
    for by in GROUPINGS {
        for extra in [
            &["--all"][..],
            &["--names", "pl"],
            &["--search", "kyoto"],
            &["--continent", "europe"],
        ] {
            let mut args = vec!["stats", "--by", by];
            args.extend(extra);
            let svg = chart(&args);
            let answer = json(&args);
            let drawn = bars(&svg);
            let read: Vec<(String, u64)> =
                drawn.iter().map(|b| (b.group.clone(), b.count)).collect();
            let expected: Vec<(String, u64)> = answer
                .iter()
                .map(|g| {
                    (
                        g["group"].as_str().unwrap().into(),
                        g["count"].as_u64().unwrap(),
                    )
                })
                .collect();
            assert_eq!(
                read, expected,
                "{args:?}: the answer's groups, in its order"
            );
            // Horizontal, top to bottom, from one zero line, lengths on one scale.
            let zero = drawn[0].rect.0;
            let per = drawn[0].rect.2 / drawn[0].count as f64;
            for (b, next) in drawn.iter().zip(drawn.iter().skip(1)) {
                assert!(
                    next.rect.1 > b.rect.1 + b.rect.3,
                    "{args:?}: one below the other"
                );
            }
            for b in &drawn {
                assert!((b.rect.0 - zero).abs() < 0.05, "{args:?} {b:?}");
                assert!(
                    (b.rect.2 - per * b.count as f64).abs() < 0.2,
                    "{args:?} {b:?}"
                );
            }
            assert_texts_apart(&svg, &args.join(" "));
        }
    }
}

#[test]
fn stats_writes_group_names_and_counts_in_words_and_agreements_in_the_maps_colours() {
    let svg = chart(&["stats", "--by", "agreement", "--all"]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
    for words in ["Honorary twin city", "Partnership", "No formal agreement"] {
        assert!(texts.contains(&words), "{words}");
    }
    // Each bar's count is written in it, as text of its own group.
    for g in doc.descendants().filter(|n| has_class(n, "bar")) {
        let count = g.attribute("data-count").unwrap();
        assert!(
            g.descendants()
                .any(|t| t.has_tag_name("text") && t.text() == Some(count)),
            "{count}"
        );
    }
    // The same colour as the map's markers of the same kind.
    let map = stdout(&["map", "--all"]);
    let map = roxmltree::Document::parse(&map).unwrap();
    for bar in bars(&svg) {
        let marker = map
            .descendants()
            .find(|n| {
                has_class(n, "city")
                    && (n
                        .attribute("data-agreement")
                        .filter(|a| !a.is_empty())
                        .unwrap_or("unknown"))
                        == bar.group
            })
            .and_then(|g| g.children().find(|c| c.has_tag_name("circle")))
            .unwrap();
        let fill = marker.attribute("fill").unwrap();
        let colour = if fill == "#ffffff" {
            marker.attribute("stroke").unwrap()
        } else {
            fill
        };
        assert_eq!(bar.rect.4, colour, "{}", bar.group);
    }
    let polish = chart(&["stats", "--names", "pl", "--by", "country"]);
    assert!(polish.contains(">Niemcy</text>") && polish.contains("Liczba miast"));
    assert!(
        polish.contains(r#"data-group="Germany""#),
        "the group as the answer has it"
    );
}

#[test]
fn names_shown_reach_tables_of_stats_and_timeline_but_not_json() {
    let args = [
        "stats",
        "--by",
        "country",
        "--names",
        "pl",
        "--country",
        "de",
    ];
    assert_eq!(
        stdout(&args),
        "group\tcount\tcities\nGermany\t3\tFrankfurt nad Menem;Lipsk;Norymberga\n"
    );
    let answer = json(&args);
    assert_eq!(answer[0]["cities"][2], "Nuremberg");
    let tsv = stdout(&[
        "timeline", "--names", "pl", "--search", "kyiv", "--fields", "cities",
    ]);
    assert_eq!(tsv, "cities\nKijów\n");
}

#[test]
fn png_is_the_svgs_size_and_draws_bars_and_text() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["timeline", "--by", "decade", "--all"][..],
        &["stats", "--by", "agreement"],
    ] {
        let path = dir.path().join("chart.PNG");
        let mut all = args.to_vec();
        all.extend(["-o", path.to_str().unwrap()]);
        assert_eq!(stdout(&all), "", "nothing on standard output with -o");
        let (width, height, pixels) = decode_png(&std::fs::read(&path).unwrap());
        let svg = chart(args);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let root = doc.root_element();
        let size = |a: &str| root.attribute(a).unwrap().parse::<u32>().unwrap();
        assert_eq!((width, height), (size("width"), size("height")), "{args:?}");
        // Inside each bar its colour; in the title's box dark glyphs.
        // Each pixel with its place.
        let placed = || {
            let columns = usize::try_from(width).unwrap();
            pixels
                .chunks(4)
                .enumerate()
                .map(move |(i, p)| ((i % columns) as f64, (i / columns) as f64, p))
        };
        let at = |x: f64, y: f64| {
            let (_, _, p) = placed()
                .find(|(px, py, _)| *px == x.floor() && *py == y.floor())
                .unwrap();
            format!("#{:02x}{:02x}{:02x}", p[0], p[1], p[2])
        };
        for bar in bars(&svg)
            .iter()
            .filter(|b| b.rect.4 != "#ffffff" && b.rect.2 > 4.0)
        {
            let (x, y, w, h, fill) = &bar.rect;
            assert_eq!(
                &at(x + w / 2.0, y + h / 2.0),
                fill,
                "{args:?} {}",
                bar.group
            );
        }
        let title = doc
            .descendants()
            .find(|n| has_class(n, "title") && n.has_tag_name("text"))
            .unwrap();
        let b = text_box(title);
        let dark = placed()
            .filter(|(x, y, p)| {
                (b.left..b.right).contains(x)
                    && (b.top..b.bottom).contains(y)
                    && u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2]) < 270
            })
            .count();
        assert!(dark > 400, "{args:?}: {dark} dark pixels in the title");
    }
    let out = bin().args(["stats", "-o", "png:-"]).output().unwrap();
    assert!(out.status.success());
    assert!(decode_png(&out.stdout).0 > 0);
}

#[test]
fn chart_output_follows_the_maps_rules() {
    let dir = tempfile::tempdir().unwrap();
    // The format by the extension; a page is the atlas's, not a chart's.
    for name in ["chart.html", "chart.jpg", "chart"] {
        let path = dir.path().join(name);
        let err = fails(&["timeline", "-o", path.to_str().unwrap()], 2);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains(".svg, .png (or svg:-, png:- for standard output)"),
            "{err}"
        );
        assert!(!path.exists());
    }
    let err = fails(&["stats", "-o", "html:-"], 2);
    assert!(err.contains("unknown chart format 'html'"), "{err}");
    // Options of rows are refused with a chart, never ignored.
    for option in [
        &["--format", "csv"][..],
        &["--json"],
        &["--fields", "group"],
        &["--wide"],
    ] {
        let mut args = vec!["stats", "-o", "svg:-"];
        args.extend(option);
        let err = fails(&args, 2);
        assert!(err.contains("-o draws it as a chart"), "{err}");
    }
    // An empty answer is refused in one line, and the file is left as it was.
    let path = dir.path().join("old.svg");
    std::fs::write(&path, "old").unwrap();
    for command in ["stats", "timeline"] {
        let err = fails(
            &[
                command,
                "--continent",
                "oceania",
                "-o",
                path.to_str().unwrap(),
            ],
            1,
        );
        assert_eq!(
            err,
            "krakow-partners: nothing to draw: no city matches (--continent oceania)\n"
        );
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    assert_eq!(names_in(dir.path()), ["old.svg"], "no temporary file left");
    // Written whole: the file is the chart on standard output.
    stdout(&["stats", "-o", path.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), chart(&["stats"]));
}

#[test]
fn a_decade_over_a_thousand_years_is_refused_by_year_not_by_decade() {
    let data = data_file(
        "Old,,,,Land,XX,europe,false,partnership,1000,active,,,,50,20,,,,,https://e.org,\n\
         New,,,,Land,XX,europe,false,partnership,2000,active,,,,51,20,,,,,https://e.org,\n",
    );
    let path = data.path().to_str().unwrap();
    let err = fails(&["--data", path, "timeline", "-o", "svg:-"], 1);
    assert!(err.contains("--by decade"), "{err}");
    let svg = chart(&["--data", path, "timeline", "--by", "decade"]);
    assert_eq!(bars(&svg).len(), 2);
    assert_texts_apart(&svg, "1000 to 2000 by decade");
}
