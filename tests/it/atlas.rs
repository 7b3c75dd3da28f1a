//! `atlas`: one offline page holding the map, the charts, the table and a card per
//! city; its content as written, then in a real headless Chromium (`browser`): no
//! console error, nothing fetched, the table sorts, a card shows its city's sources,
//! and it prints on A4.

use serde_json::{Value, json};

use crate::browser::{Driver, browser, visit};
use crate::common::*;

fn page(args: &[&str]) -> String {
    let mut all = vec!["atlas"];
    all.extend(args);
    all.extend(["-o", "html:-"]);
    stdout(&all)
}

/// The page less its one script: what a reader without scripts gets.
fn without_script(html: &str) -> String {
    assert_eq!(html.matches("<script").count(), 1);
    let start = html.find("<script>").unwrap();
    let end = html.find("</script>").unwrap();
    format!("{}{}", &html[..start], &html[end..])
}

/// The `data-group` and `data-count` of each bar of `kind` in a piece of SVG.
fn bar_counts(svg: &str, kind: &str) -> Vec<(String, u64)> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some(kind))
        .map(|g| {
            (
                g.attribute("data-group").unwrap().to_string(),
                g.attribute("data-count").unwrap().parse().unwrap(),
            )
        })
        .collect()
}

/// The SVG of each `<figure>` of the page, in order.
fn figures(html: &str) -> Vec<String> {
    html.split("<figure class=\"")
        .skip(1)
        .map(|f| {
            let start = f.find("<svg").unwrap();
            let end = f.find("</svg>").unwrap() + "</svg>".len();
            f[start..end].to_string()
        })
        .collect()
}

fn groups(args: &[&str]) -> Vec<(String, u64)> {
    json(args)
        .iter()
        .map(|g| {
            let key = if g.get("period").is_some() {
                "period"
            } else {
                "group"
            };
            (
                g[key].as_str().unwrap().into(),
                g["count"].as_u64().unwrap(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect()
}

#[test]
fn atlas_holds_every_section_and_each_city_without_its_script() {
    let html = page(&["--all"]);
    let cities = json(&["list", "--all"]);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("default-src 'none'"));
    let bare = without_script(&html);
    for id in ["map", "timeline", "counts", "table", "cards"] {
        assert!(bare.contains(&format!("<section id=\"{id}\">")), "{id}");
        assert!(
            bare.contains(&format!("<a href=\"#{id}\">")),
            "contents link to {id}"
        );
    }
    assert_eq!(bare.matches("<g class=\"city\"").count(), cities.len());
    assert_eq!(bare.matches("<tr data-name=").count(), cities.len());
    assert_eq!(
        bare.matches("<article class=\"city-card\"").count(),
        cities.len()
    );
    // Each city's card holds its sources, each a link, and its notes.
    for city in &cities {
        let name = city["name"].as_str().unwrap();
        let attribute = format!("data-name=\"{}\"", name.replace('&', "&amp;"));
        let card = bare
            .split("<article class=\"city-card\"")
            .skip(1)
            .find(|card| card.split('>').next().unwrap().contains(&attribute))
            .unwrap_or_else(|| panic!("no card for {name}"));
        let card = &card[..card.find("</article>").unwrap()];
        for source in city["sources"].as_array().unwrap() {
            let url = source.as_str().unwrap().replace('&', "&amp;");
            assert!(
                card.contains(&format!("<a href=\"{url}\" rel=\"noopener noreferrer\">")),
                "{name}: {url}"
            );
        }
        if let Some(notes) = city["notes"].as_str() {
            let start: String = notes.chars().take(20).collect();
            assert!(
                card.contains(&start.replace('&', "&amp;").replace('\'', "&#39;")),
                "{name}'s notes"
            );
        }
    }
    // The charts count as timeline and stats do.
    let svgs = figures(&bare);
    assert_eq!(svgs.len(), 4, "map, timeline, by continent, by agreement");
    assert_eq!(
        bar_counts(&svgs[1], "bar signed"),
        groups(&["timeline", "--by", "decade", "--all"])
    );
    assert_eq!(
        bar_counts(&svgs[2], "bar"),
        groups(&["stats", "--by", "continent", "--all"])
    );
    assert_eq!(
        bar_counts(&svgs[3], "bar"),
        groups(&["stats", "--by", "agreement", "--all"])
    );
    // A print layout for A4.
    assert!(html.contains("@media print") && html.contains("size: A4"));
}

#[test]
fn atlas_takes_every_filter_and_speaks_polish() {
    let europe = page(&["--continent", "europe", "--as-of", "2022-01-01", "--all"]);
    let cities = json(&[
        "list",
        "--continent",
        "europe",
        "--as-of",
        "2022-01-01",
        "--all",
    ]);
    assert_eq!(
        europe.matches("<article class=\"city-card\"").count(),
        cities.len()
    );
    assert!(europe.contains("Europe") && europe.contains("as of 2022-01-01"));
    assert!(
        europe.contains("data-name=\"Moscow\""),
        "Moscow was a partner then"
    );
    assert!(!europe.contains("data-name=\"Kyoto\""));
    let polish = page(&["--names", "pl"]);
    assert!(polish.contains("<html lang=\"pl\">"));
    for words in [
        "Spis treści",
        "Miasto po mieście",
        // Each value names its own sources, so the list is headed plainly.
        r#"<p class="sources-heading"><strong>Źródła</strong></p>"#,
        "<bdi>Kijów</bdi>",
        "Miasta partnerskie według kontynentu",
        "Umowy partnerskie podpisane w kolejnych dekadach",
        "<dt>Kontynent</dt><dd><bdi>Europa</bdi>",
    ] {
        assert!(polish.contains(words), "{words}");
    }
    // The table and the cards in the order of the names shown: Kijów before Kioto.
    assert!(polish.find("<bdi>Kijów</bdi>").unwrap() < polish.find("<bdi>Kioto</bdi>").unwrap());
    let titled = page(&["--title", "Partners <2026>"]);
    assert!(titled.contains("<title>Partners &lt;2026&gt;</title>"));
}

#[test]
fn atlas_refuses_what_it_cannot_write_and_an_empty_page() {
    for output in ["atlas.svg", "png:-"] {
        let err = fails(&["atlas", "-o", output], 2);
        assert!(
            err.contains(".html, .htm") || err.contains("(valid: html)"),
            "{err}"
        );
    }
    let err = fails(&["atlas", "--continent", "oceania", "-o", "html:-"], 1);
    assert!(err.contains("no cities to draw"), "{err}");
    // Into a pipe without -o: the page.
    assert!(stdout(&["atlas"]).starts_with("<!DOCTYPE html>"));
}

#[test]
fn atlas_escapes_the_data() {
    let data = data_file(
        "\"Q <b>\",,,,Land,XX,europe,false,twin-city,1990,active,,,,50,20,,,,,\"https://e.org/?a=1&b=2\",\"Note <i>x</i>\"\n",
    );
    let html = stdout(&[
        "--data",
        data.path().to_str().unwrap(),
        "atlas",
        "-o",
        "html:-",
    ]);
    assert!(html.contains("<a href=\"https://e.org/?a=1&amp;b=2\" rel=\"noopener noreferrer\">"));
    assert!(html.contains("Note &lt;i&gt;x&lt;/i&gt;") && !html.contains("<i>x"));
    assert!(html.contains("<h3><bdi>Q &lt;b&gt;</bdi></h3>") && !html.contains("<b>"));
    for outside in ["src=", "url(http", "@import"] {
        assert!(!html.contains(outside), "{outside}");
    }
}

#[test]
fn the_atlas_works_in_a_browser_and_prints_on_a4() {
    let Some(program) = browser() else { return };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("atlas.html");
    stdout(&["atlas", "--all", "-o", file.to_str().unwrap()]);
    let cities = json(&["list", "--all"]);
    let driver = Driver::start(&program);
    let session = visit(&driver, dir.path(), &file);

    // Every section there, the script ran without a console error, nothing fetched.
    let sections = session.script(
        "return Array.from(document.querySelectorAll('main > section')).map(s => s.id);",
        json!([]),
    );
    assert_eq!(
        sections,
        json!(["map", "timeline", "counts", "table", "cards"])
    );
    let buttons = session.script(
        "return document.querySelectorAll('#cities th button').length;",
        json!([]),
    );
    assert_eq!(buttons, 6);
    assert!(
        session.troubles().is_empty(),
        "console: {:?}",
        session.troubles()
    );
    assert_eq!(session.fetched(), json!([]));

    // The table sorts by distance as the tool orders the cities.
    session.click("#cities th:nth-child(6) button");
    assert_eq!(
        session.row_order(),
        names(&json(&["list", "--all", "--sort", "distance"]))
    );

    // A name in the table leads to its city's card, which shows its sources.
    let farthest = &session.row_order()[cities.len() - 1];
    let city: &Value = cities
        .iter()
        .find(|c| c["name"] == farthest.as_str())
        .unwrap();
    session.click("#cities tbody tr:last-child a");
    let card = session.script(
        "const card = document.querySelector(location.hash);\
         const box = card.getBoundingClientRect();\
         return {name: card.getAttribute('data-name'), text: card.innerText,\
                 top: box.top, height: window.innerHeight, scroll: window.scrollY,\
                 seen: box.top > -1 && box.top < window.innerHeight};",
        json!([]),
    );
    assert_eq!(card["name"], city["name"]);
    // A fraction of a pixel above the top is in view: layout rounds.
    assert_eq!(card["seen"], true, "the card is scrolled into view: {card}");
    let text = card["text"].as_str().unwrap();
    for source in city["sources"].as_array().unwrap() {
        assert!(
            text.contains(source.as_str().unwrap()),
            "{source} in {text}"
        );
    }

    // Printed on A4: a PDF of several pages, the map on the first.
    let pdf = session.call(
        "POST",
        "/print",
        Some(json!({"page": {"width": 21.0, "height": 29.7}, "background": true})),
    );
    let pdf = decode_base64(pdf.as_str().unwrap());
    assert!(pdf.starts_with(b"%PDF"));
    let pages = String::from_utf8_lossy(&pdf)
        .matches("/Type /Page\n")
        .count()
        + String::from_utf8_lossy(&pdf)
            .matches("/Type /Page>")
            .count()
        + String::from_utf8_lossy(&pdf)
            .matches("/Type /Page/")
            .count();
    assert!(pages >= 4, "{pages} pages: a section a page at least");
    assert!(
        session.troubles().is_empty(),
        "console: {:?}",
        session.troubles()
    );
}

/// Standard base64, as WebDriver sends a printed page.
fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let bytes: Vec<u8> = text
        .bytes()
        .filter(|c| *c != b'=' && !c.is_ascii_whitespace())
        .map(value)
        .collect();
    bytes
        .chunks(4)
        .flat_map(|c| {
            let n = c
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, v)| n | u32::from(*v) << (18 - 6 * i));
            let [_, a, b, c3] = n.to_be_bytes();
            [a, b, c3].into_iter().take(c.len() - 1)
        })
        .collect()
}
