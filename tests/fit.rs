//! End to end: GeoJSON, the map, JSON and stdin input, validate, completions, the man
//! page and colour on a terminal.

mod common;

use common::*;
use serde_json::Value;

// ---------------------------------------------------------------- GeoJSON

fn geojson(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "geojson"]);
    serde_json::from_str(&stdout(&all)).unwrap()
}

/// The rules of RFC 7946 a map tool relies on.
fn assert_rfc7946(collection: &Value) {
    assert_eq!(collection["type"], "FeatureCollection");
    let features = collection["features"].as_array().unwrap();
    for feature in features {
        assert_eq!(feature["type"], "Feature");
        assert!(feature["properties"].is_object());
        let geometry = &feature["geometry"];
        assert_eq!(geometry["type"], "Point");
        let position = geometry["coordinates"].as_array().unwrap();
        assert_eq!(position.len(), 2, "[longitude, latitude]");
        let (lon, lat) = (position[0].as_f64().unwrap(), position[1].as_f64().unwrap());
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
    }
}

#[test]
fn geojson_is_a_feature_collection_of_points_lon_first() {
    let collection = geojson(&["list", "--all"]);
    assert_rfc7946(&collection);
    let features = collection["features"].as_array().unwrap();
    assert_eq!(features.len(), json(&["list", "--all"]).len());
    let la_serena = features
        .iter()
        .find(|f| f["properties"]["name"] == "La Serena")
        .unwrap();
    let position = la_serena["geometry"]["coordinates"].as_array().unwrap();
    assert!(position[0].as_f64().unwrap() < -70.0, "longitude first");
    assert!(position[1].as_f64().unwrap() < -29.0);
    // Every city field is a property.
    let properties = la_serena["properties"].as_object().unwrap();
    for key in HEADER.split(',') {
        assert!(properties.contains_key(key), "{key}");
    }
}

#[test]
fn geojson_for_show_records_and_fields() {
    let one = geojson(&["show", "kosice"]);
    assert_rfc7946(&one);
    assert_eq!(one["features"][0]["properties"]["bearing"], "SE");
    let records = geojson(&["records", "nearest", "farthest"]);
    assert_rfc7946(&records);
    assert_eq!(records["features"][1]["properties"]["record"], "farthest");
    assert_eq!(records["features"][1]["properties"]["name"], "La Serena");
    let some = geojson(&["list", "--fields", "name"]);
    assert_eq!(
        some["features"][0]["properties"],
        serde_json::json!({"name": "Bordeaux"})
    );
    let err = fails(&["stats", "--format", "geojson"], 2);
    assert!(err.contains("list, show and records"), "{err}");
}

// ---------------------------------------------------------------- map

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
    let mut markers = class_count(&doc, "circle", "city");
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
    assert!(subtitle.contains("38 cities"), "{subtitle}");
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
    assert_eq!(class_count(&doc, "circle", "city").len(), europe.len());
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
        "A & <B>,,,,X,XX,europe,false,partnership,2000,active,,40,10,,,,,https://e.org,\n",
    );
    let svg = svg_of(&["--data", data.path().to_str().unwrap(), "map"]);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(class_count(&doc, "text", "label"), ["A & <B>"]);
}

// ---------------------------------------------------------------- input

fn run_with_stdin(args: &[&str], input: &str) -> std::process::Output {
    bin().args(args).write_stdin(input).output().unwrap()
}

#[test]
fn json_and_csv_load_from_a_file_and_from_stdin() {
    let want = json(&["list", "--all"]);
    for format in ["json", "csv"] {
        let text = stdout(&["list", "--all", "--format", format]);
        let out = run_with_stdin(&["--data", "-", "list", "--all", "--json"], &text);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(got, want, "{format} from stdin loses nothing");
        let file = tempfile::Builder::new()
            .suffix(&format!(".{format}"))
            .tempfile()
            .unwrap();
        std::fs::write(file.path(), &text).unwrap();
        assert_eq!(
            json(&["--data", file.path().to_str().unwrap(), "list", "--all"]),
            want,
            "{format} from a file loses nothing"
        );
    }
}

#[test]
fn a_jq_style_filter_feeds_records() {
    // What `list --all --json | jq 'map(select(.population > 1000000))'` gives.
    let big: Vec<Value> = json(&["list", "--all"])
        .into_iter()
        .filter(|c| c["population"].as_u64().is_some_and(|p| p > 1_000_000))
        .collect();
    let input = serde_json::to_string(&big).unwrap();
    let out = run_with_stdin(
        &["--data", "-", "records", "least-populous", "--json"],
        &input,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(records[0]["value"].as_u64().unwrap() > 1_000_000);
}

#[test]
fn bom_crlf_and_quoted_fields_are_read() {
    let text = format!(
        "\u{feff}{}\r\n\"Town, the\",,,\"a;b\",X,XX,europe,false,partnership,2000,active,,1,1,,,,,https://e.org,\"said \"\"hi\"\"\r\nthen\"\r\n",
        HEADER
    );
    let out = run_with_stdin(&["--data", "-", "list", "--json"], &text);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cities: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(cities[0]["name"], "Town, the");
    assert_eq!(cities[0]["aliases"], serde_json::json!(["a", "b"]));
    assert_eq!(cities[0]["notes"], "said \"hi\"\r\nthen");
}

#[test]
fn bad_json_is_reported_by_line() {
    for (input, expected) in [
        (
            "{\"name\": \"A\"}",
            "<stdin>:1: expected a JSON array of city objects",
        ),
        ("[\n{\"name\": \"A\"", "<stdin>:2: the JSON ends too early"),
        (
            "[\n\n  {\"name\": 3}\n]",
            "<stdin>:3: name: expected a text",
        ),
        (
            "[{\"capital\": \"yes\"}]",
            "<stdin>:1: capital: expected true or false",
        ),
        ("[{\"lat\": \"50\"}]", "<stdin>:1: lat: expected a number"),
        ("[{\"planet\": 3}]", "<stdin>:1: unknown field 'planet'"),
        ("[1]", "<stdin>:1: expected a city object"),
    ] {
        let out = run_with_stdin(&["--data", "-", "list"], input);
        assert_eq!(out.status.code(), Some(1), "{input}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{input}: {err}");
    }
}

// ---------------------------------------------------------------- validate

#[test]
fn validate_the_built_in_data_and_a_file() {
    let ok = stdout(&["validate"]);
    assert!(ok.starts_with("data/partners.csv: 38 cities"), "{ok}");
    assert_eq!(ok.lines().count(), 1);
    let bad = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bad_rows.csv");
    let err = fails(&["validate", bad], 1);
    assert!(
        err.contains("bad_rows.csv:2: lat: 95 is out of range"),
        "{err}"
    );
    assert!(err.contains("bad_rows.csv:15: elevation_m: 'NaN' is not a finite number"));
    let json = stdout(&["list", "--all", "--json"]);
    let out = run_with_stdin(&["validate", "-"], &json);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("<stdin>: 38 cities"));
}

// ---------------------------------------------------------------- completions and man

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef krakow-partners"),
        ("fish", "complete -c krakow-partners"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer"),
    ] {
        let script = stdout(&["completions", shell]);
        assert!(script.contains(marker), "{shell}");
        assert!(script.contains("records"), "{shell} completes the commands");
    }
    fails(&["completions", "tcsh"], 2);
}

#[test]
fn man_page_is_roff() {
    let page = stdout(&["man"]);
    assert!(page.contains(".TH krakow-partners 1"), "{page}");
    assert!(page.contains(".SH NAME"));
    assert!(page.contains("records"));
}

// ---------------------------------------------------------------- colour

/// Runs the tool under a pseudo-terminal (util-linux `script`), returning what it
/// printed; `None` where `script` is missing.
fn on_terminal(args: &str, env: &[(&str, &str)]) -> Option<String> {
    on_terminal_of_width(120, args, env)
}

fn on_terminal_of_width(columns: u16, args: &str, env: &[(&str, &str)]) -> Option<String> {
    let bin = assert_cmd::cargo::cargo_bin("krakow-partners");
    let mut cmd = std::process::Command::new("script");
    let line = format!("stty cols {columns} rows 50; '{}' {args}", bin.display());
    cmd.args(["-qec", &line, "/dev/null"]);
    cmd.env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn colour_only_on_a_terminal_and_never_with_no_color() {
    let Some(tty) = on_terminal("list --all", &[]) else {
        return;
    };
    assert!(tty.contains("\u{1b}["), "colour on a terminal");
    assert!(tty.contains('│'), "a table on a terminal");
    let no_color = on_terminal("list --all", &[("NO_COLOR", "1")]).unwrap();
    assert!(!no_color.contains("\u{1b}["), "{no_color}");
    assert!(no_color.contains('│'));
    let never = on_terminal("list --all --color never", &[]).unwrap();
    assert!(!never.contains("\u{1b}["));
    // An empty NO_COLOR does not count.
    let empty = on_terminal("list --all", &[("NO_COLOR", "")]).unwrap();
    assert!(empty.contains("\u{1b}["));
    // Piped: no colour, unless asked for.
    assert!(!stdout(&["list", "--format", "table"]).contains('\u{1b}'));
    assert!(stdout(&["list", "--format", "table", "--color", "always"]).contains("\u{1b}["));
    // Machine formats never carry colour.
    assert!(!stdout(&["list", "--json", "--color", "always"]).contains('\u{1b}'));
}

#[test]
fn tables_fit_the_terminal_and_wrap_instead_of_cutting() {
    let Some(narrow) = on_terminal_of_width(60, "show kosice --color never", &[]) else {
        return;
    };
    let longest = narrow.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest <= 60, "{longest}\n{narrow}");
    // Wrapped, not cut: every word of the notes is still there.
    let notes = json(&["list", "--search", "kosice"])[0]["notes"]
        .as_str()
        .unwrap()
        .to_string();
    let flat: String = narrow.split_whitespace().collect::<Vec<_>>().join(" ");
    for word in notes.split_whitespace().take(12) {
        assert!(flat.contains(word), "{word} missing");
    }
    let Some(list) = on_terminal_of_width(100, "list --all --color never", &[]) else {
        return;
    };
    let longest = list.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest <= 100, "{longest}\n{list}");
    assert!(
        list.contains("honorary-twin-city"),
        "short words stay whole"
    );
}

// ---------------------------------------------------------------- installed anywhere

#[test]
fn works_from_any_directory_because_the_data_is_built_in() {
    let elsewhere = tempfile::tempdir().unwrap();
    let out = bin()
        .current_dir(elsewhere.path())
        .args(["list", "--search", "kosice", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let cities: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(cities[0]["name"], "Košice");
}
