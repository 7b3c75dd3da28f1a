//! `map -o`: the format chosen by the file's extension; the PNG decoded and measured;
//! the HTML page's content as written (the browser test is in `map_html`).

use std::path::Path;

use crate::common::*;

/// The map in `file` (named by its extension) under a temporary directory, as bytes.
fn written(args: &[&str], file: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file);
    let mut all = vec!["map", "-o", path.to_str().unwrap()];
    all.extend(args);
    assert_eq!(stdout(&all), "", "nothing on standard output with -o");
    std::fs::read(&path).unwrap()
}

/// The SVG's size and the box of its `<text class="…">` holding `text`, as drawn:
/// (left, top, right, bottom), the width estimated from the characters.
fn svg_facts(svg: &str, class: &str, text: &str) -> ((f64, f64), Area) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let root = doc.root_element();
    let number = |n: roxmltree::Node, a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
    let label = doc
        .descendants()
        .find(|n| n.attribute("class") == Some(class) && n.text() == Some(text))
        .unwrap_or_else(|| panic!("no {class} {text}"));
    let (x, y, size) = (
        number(label, "x"),
        number(label, "y"),
        number(label, "font-size"),
    );
    let width = text.chars().count() as f64 * size * 0.55;
    let left = match label.attribute("text-anchor") {
        Some("end") => x - width,
        Some("middle") => x - width / 2.0,
        _ => x,
    };
    (
        (number(root, "width"), number(root, "height")),
        (left, y - size, left + width, y + size * 0.25),
    )
}

/// A box on the picture: left, top, right, bottom.
type Area = (f64, f64, f64, f64);

/// The pixels in a box darker than a label's white halo and the land and sea.
fn dark_pixels(pixels: &[u8], width: u32, (left, top, right, bottom): Area) -> usize {
    let inside = |i: usize| {
        let (x, y) = (
            i as f64 % f64::from(width),
            (i as f64 / f64::from(width)).floor(),
        );
        (left..right).contains(&x) && (top..bottom).contains(&y)
    };
    pixels
        .chunks(4)
        .enumerate()
        .filter(|(i, p)| {
            let luminance = (u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2])) / 3;
            luminance < 90 && inside(*i)
        })
        .count()
}

#[test]
fn png_is_the_svgs_size_and_draws_its_text() {
    let svg = stdout(&["map", "--all"]);
    let (width, height, pixels) = decode_png(&written(&["--all"], "map.png"));
    let (size, title) = svg_facts(&svg, "title", "Kraków's international partner cities");
    assert_eq!((f64::from(width), f64::from(height)), size);
    // Not blank: many colours (land, sea, markers of each kind).
    let mut colours: Vec<&[u8]> = pixels.chunks(4).collect();
    colours.sort();
    colours.dedup();
    assert!(colours.len() > 50, "{} colours", colours.len());
    // The title's glyphs are drawn (nothing is without a font), and its box's
    // surroundings above it are not.
    let ink = dark_pixels(&pixels, width, title);
    assert!(ink > 500, "{ink} dark pixels in the title");
    assert_eq!(dark_pixels(&pixels, width, (title.0, 0.0, title.2, 4.0)), 0);
    // A city's label, away from the crowd.
    let (_, kyoto) = svg_facts(&svg, "label", "Kyoto");
    let ink = dark_pixels(&pixels, width, kyoto);
    assert!(ink > 40, "{ink} dark pixels in Kyoto's label");
}

#[test]
fn png_and_html_go_to_standard_output_when_named_so() {
    let out = bin().args(["map", "-o", "png:-"]).output().unwrap();
    assert!(out.status.success());
    let (width, _, _) = decode_png(&out.stdout);
    assert_eq!(width, 1200);
    let html = stdout(&["map", "-o", "html:-"]);
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..40]);
    let svg = stdout(&["map", "-o", "-"]);
    assert!(svg.starts_with("<svg"), "{}", &svg[..40]);
    assert_eq!(svg, stdout(&["map", "-o", "SVG:-"]));
}

#[test]
fn an_unknown_format_is_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["map.jpg", "map", "map.svg.gz"] {
        let path = dir.path().join(name);
        let err = fails(&["map", "-o", path.to_str().unwrap()], 2);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(".svg, .png, .html"), "{err}");
        assert!(!path.exists(), "{name} was written");
    }
    let err = fails(&["map", "-o", "gif:-"], 2);
    assert!(
        err.contains("'gif'") && err.contains("svg, png, html"),
        "{err}"
    );
}

#[test]
fn the_format_is_refused_before_the_data_is_read() {
    let missing = Path::new("/nonexistent/cities.csv");
    let err = fails(
        &["--data", missing.to_str().unwrap(), "map", "-o", "map.bmp"],
        2,
    );
    assert!(err.contains("map.bmp"), "{err}");
}

#[test]
fn html_holds_the_map_and_a_row_per_city_without_its_script() {
    let html = String::from_utf8(written(&["--all"], "map.HTML")).unwrap();
    let cities = json(&["list", "--all"]);
    // The script is one inline block; everything else stands without it.
    let start = html.find("<script>").unwrap();
    let end = html.find("</script>").unwrap();
    assert_eq!(html.matches("<script").count(), 1);
    let without = format!("{}{}", &html[..start], &html[end..]);
    assert_eq!(without.matches("<g class=\"city\"").count(), cities.len());
    assert_eq!(without.matches("<tr data-name=").count(), cities.len());
    for city in &cities {
        let name = city["name"].as_str().unwrap();
        let country = city["country"].as_str().unwrap();
        let row = format!("<tr data-name=\"{name}\" data-country=\"{country}\">");
        assert!(without.contains(&row), "{name}");
    }
    // Nothing fetched: no source or link to anything outside the page.
    assert!(html.contains("default-src 'none'"));
    for outside in ["src=", "href=\"http", "url(http", "@import"] {
        assert!(!html.contains(outside), "{outside}");
    }
}

#[test]
fn html_shows_words_and_the_names_asked_for() {
    let html = stdout(&["map", "-o", "html:-"]);
    assert!(html.contains("<html lang=\"en\">"));
    assert!(
        html.contains("<bdi>Honorary twin city</bdi>"),
        "agreements in words"
    );
    assert!(!html.contains("<bdi>honorary-twin-city</bdi>"));
    let polish = stdout(&["map", "--names", "pl", "-o", "html:-"]);
    assert!(polish.contains("<html lang=\"pl\">"));
    assert!(
        polish.contains(">Odległość (km)</th>"),
        "headings in Polish"
    );
    assert!(
        polish.contains("<bdi>Kijów</bdi>"),
        "names as the map shows them"
    );
    // The row is still found by the English name the map's city group carries.
    assert!(polish.contains("<tr data-name=\"Kyiv\""));
}

#[test]
fn html_escapes_the_data() {
    let data = data_file(
        "\"Q \"\"x\"\" <b>&amp; \u{202e}R\",,,,Land <i>,XX,europe,false,twin-city,1990,active,,,,50,20,,,,,https://example.org,\n",
    );
    let html = stdout(&[
        "--data",
        data.path().to_str().unwrap(),
        "map",
        "-o",
        "html:-",
    ]);
    let escaped = "Q &quot;x&quot; &lt;b&gt;&amp;amp; \u{202e}R";
    let row = format!("<tr data-name=\"{escaped}\" data-country=\"Land &lt;i&gt;\">");
    assert!(html.contains(&row), "{html}");
    assert!(html.contains("<bdi>Land &lt;i&gt;</bdi>"));
    assert!(!html.contains("<b>") && !html.contains("<i>"));
}
