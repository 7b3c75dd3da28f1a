//! `map -o map.html` in a real headless Chromium, driven by chromedriver over the W3C
//! WebDriver protocol (a few JSON requests to a local port): no console errors, nothing
//! fetched, the table sorts on a click, the card shows the hovered city's data. Skips
//! where Chromium or chromedriver is missing (`.ci/run` installs both).

use serde_json::json;

use crate::browser::{Driver, Session, browser};
use crate::common::*;

#[test]
fn the_html_map_works_in_a_browser() {
    let Some(program) = browser() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("map.html");
    stdout(&["map", "--all", "-o", page.to_str().unwrap()]);
    let cities = json(&["list", "--all"]);

    let driver = Driver::start(&program);
    let session = Session::open(&driver, &dir.path().join("profile"));
    session.call(
        "POST",
        "/url",
        Some(json!({"url": format!("file://{}", page.display())})),
    );

    // The script ran (the headers became buttons), without a console error, and the
    // page fetched nothing.
    let buttons = session.script(
        "return document.querySelectorAll('#cities th button').length;",
        json!([]),
    );
    assert_eq!(buttons, 6);
    let errors: Vec<_> = session
        .console()
        .into_iter()
        .filter(|(level, _)| level == "SEVERE" || level == "WARNING")
        .collect();
    assert!(errors.is_empty(), "console: {errors:?}");
    let fetched = session.script(
        "return performance.getEntriesByType('resource').map(e => e.name);",
        json!([]),
    );
    assert_eq!(fetched, json!([]));

    // Sorting: by distance up, then down, as the tool itself orders them.
    let by_distance = names(&json(&["list", "--all", "--sort", "distance"]));
    session.click("#cities th:nth-child(6) button");
    assert_eq!(session.row_order(), by_distance);
    let sorted = session.script(
        "return document.querySelector('#cities th:nth-child(6)').getAttribute('aria-sort');",
        json!([]),
    );
    assert_eq!(sorted, "ascending");
    session.click("#cities th:nth-child(6) button");
    let mut farthest_first = by_distance.clone();
    farthest_first.reverse();
    assert_eq!(session.row_order(), farthest_first);

    // The card: the pointer on a city's marker (one not covered by another city's
    // label), and the card shows that city's data.
    let name = session.script(
        "for (const g of document.querySelectorAll('g.city')) {\
           const box = g.querySelector('circle').getBoundingClientRect();\
           const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);\
           if (top && top.closest('g.city') === g) return g.getAttribute('data-name');\
         }\
         return null;",
        json!([]),
    );
    let name = name.as_str().expect("a marker on top").to_string();
    let city = cities.iter().find(|c| c["name"] == name.as_str()).unwrap();
    let marker = session.element(&format!(
        "g.city[data-name=\"{}\"] circle",
        name.replace('"', "\\\"")
    ));
    session.call(
        "POST",
        "/actions",
        Some(json!({"actions": [{"type": "pointer", "id": "mouse",
            "parameters": {"pointerType": "mouse"},
            "actions": [{"type": "pointerMove", "duration": 0, "origin": marker, "x": 0, "y": 0}]}]})),
    );
    let card = Session::element_id(&session.element("#card"));
    let text = session.call("GET", &format!("/element/{card}/text"), None);
    let text = text.as_str().unwrap();
    // The agreement in words, as the legend says it.
    let agreement = match city["agreement"].as_str().unwrap() {
        "twin-city" => "Twin city",
        "partnership" => "Partnership",
        "honorary-twin-city" => "Honorary twin city",
        "letter-of-intent" => "Letter of intent",
        "memorandum" => "Memorandum",
        "cooperation-programme" => "Cooperation programme",
        _ => "No formal agreement",
    };
    for want in [
        name.as_str(),
        city["country"].as_str().unwrap(),
        agreement,
        city["signed"].as_str().unwrap_or("-"),
    ] {
        assert!(
            text.contains(want),
            "{want} not in the card for {name}: {text}"
        );
    }
    // The distance as people read it (rounded, maybe grouped by thousands).
    let (_, after) = text.split_once("Distance (km)").expect("a distance");
    let shown: String = after
        .trim_start()
        .lines()
        .next()
        .unwrap()
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let shown: f64 = shown.parse().unwrap();
    let distance = city["distance_km"].as_f64().unwrap();
    assert!(
        (shown - distance).abs() < 0.6,
        "{shown} km in the card, {distance} km"
    );

    // The console check would have seen an error.
    session.script("console.error('probe');", json!([]));
    let console = session.console();
    assert!(
        console
            .iter()
            .any(|(level, m)| level == "SEVERE" && m.contains("probe")),
        "{console:?}"
    );
}
