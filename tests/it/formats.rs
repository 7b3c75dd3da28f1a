//! Output formats across commands: JSON, NDJSON, CSV, TSV, tables and GeoJSON,
//! `--fields` and `--names`, colour, and tables that fit the terminal; terminal safety
//! is in `safety`, standard output that cannot be written in `output`, options that
//! apply or are refused in `options`, the tool's output read back in `round_trip`.

use serde_json::Value;

use crate::common::*;

mod options;
mod output;
mod round_trip;
mod safety;

#[test]
fn json_city_has_every_column_with_types() {
    let city = json(&["list", "--search", "kosice"]).remove(0);
    let keys: Vec<&str> = city
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected: Vec<&str> = HEADER.split(',').collect();
    expected.extend(["distance_km", "density_per_km2", "provenance"]);
    assert_eq!(keys, expected);
    assert!(city["aliases"].is_array());
    assert!(city["sources"].as_array().is_some_and(|s| !s.is_empty()));
    assert!(city["capital"].is_boolean());
    assert!(city["lat"].is_f64());
    assert!(city["signed"].is_null(), "no signed document with Košice");
    assert_eq!(city["agreement"], "none");
    let d = city["distance_km"].as_f64().unwrap();
    assert!((d - 177.0).abs() <= 2.0, "{d}");
}

#[test]
fn ndjson_is_one_object_per_line() {
    let text = stdout(&["list", "--format", "ndjson"]);
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines, json(&["list"]));
    let records = stdout(&["records", "--format", "ndjson"]);
    assert_eq!(records.lines().count(), 16);
}

#[test]
fn json_shorthand_and_empty_answer() {
    assert_eq!(stdout(&["list", "--json", "--search", "nowhere"]), "[]\n");
    assert_eq!(
        stdout(&["list", "--format", "ndjson", "--search", "nowhere"]),
        ""
    );
    // The last of --json and --format wins.
    let csv = stdout(&["list", "--json", "--format", "csv", "--search", "nowhere"]);
    assert!(csv.starts_with("name,"), "{csv}");
    let json = stdout(&["list", "--format", "csv", "--json", "--search", "nowhere"]);
    assert_eq!(json, "[]\n");
}

#[test]
fn csv_has_the_data_header_plus_distance_and_loads_back() {
    let csv = stdout(&["list", "--all", "--format", "csv"]);
    assert_eq!(
        csv.lines().next().unwrap(),
        format!("{},distance_km", HEADER)
    );
    let file = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    std::fs::write(file.path(), &csv).unwrap();
    let path = file.path().to_str().unwrap();
    // A CSV holds the data's columns; the provenance stays with the built-in data.
    let mut want = json(&["list", "--all"]);
    for city in &mut want {
        city["provenance"] = serde_json::json!({});
    }
    assert_eq!(
        json(&["--data", path, "list", "--all"]),
        want,
        "the tool's own CSV loads back unchanged"
    );
}

#[test]
fn tsv_is_the_default_when_piped() {
    let tsv = stdout(&["list", "--country", "de"]);
    let mut lines = tsv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "name\tcountry\tagreement\tsigned\tstatus\tdistance_km\tpopulation"
    );
    assert_eq!(lines.count(), 3);
    assert!(!tsv.contains('│'), "no borders when piped");
    let kosice = stdout(&["list", "--format", "tsv", "--search", "kosice"]);
    let row: Vec<&str> = kosice.lines().nth(1).unwrap().split('\t').collect();
    assert_eq!(row[3], "", "unknown signing date is an empty cell");
}

#[test]
fn table_has_units_and_dashes() {
    let table = stdout(&["list", "--format", "table", "--search", "kosice"]);
    let more = stdout(&[
        "list",
        "--format",
        "table",
        "--fields",
        "name,area_km2,elevation_m,density_per_km2",
    ]);
    for header in ["Area (km²)", "Elevation (m)", "Density (/km²)"] {
        assert!(more.contains(header), "{header} in\n{more}");
    }
    for header in ["Distance (km)", "Population"] {
        assert!(table.contains(header), "{header} in\n{table}");
    }
    let row = table.lines().find(|l| l.contains("Košice")).unwrap();
    assert!(row.contains(" - "), "no signing date shows a dash: {row}");
    let records = stdout(&["records", "nearest", "--format", "table"]);
    assert!(records.contains(" km"), "{records}");
}

// ---------------------------------------------------------------- --fields and --names

#[test]
fn fields_choose_the_columns_in_every_format() {
    let args = [
        "list",
        "--country",
        "de",
        "--fields",
        "name,population,distance_km",
    ];
    let cities = json(&args);
    for city in &cities {
        let keys: Vec<&str> = city
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["name", "population", "distance_km"]);
    }
    let csv = stdout(&[&args[..], &["--format", "csv"]].concat());
    assert_eq!(csv.lines().next().unwrap(), "name,population,distance_km");
    let tsv = stdout(&args);
    assert_eq!(tsv.lines().next().unwrap(), "name\tpopulation\tdistance_km");
    let ndjson = stdout(&[&args[..], &["--format", "ndjson"]].concat());
    assert!(ndjson.lines().all(|l| l.starts_with("{\"name\":")));
    let table = stdout(&[&args[..], &["--format", "table"]].concat());
    assert!(table.contains("Distance (km)") && !table.contains("Continent"));
    let show = one(&["show", "kosice", "--fields", "bearing,name"]);
    assert_eq!(show, serde_json::json!({"bearing": "SE", "name": "Košice"}));
    let records = json(&["records", "nearest", "--fields", "name"]);
    assert_eq!(records[0]["city"], serde_json::json!({"name": "Košice"}));
}

#[test]
fn an_unknown_field_is_a_usage_error_listing_the_valid_ones() {
    let err = fails(&["list", "--fields", "name,populaton"], 2);
    assert!(err.contains("did you mean population?"), "{err}");
    assert!(err.contains("elevation_m"), "{err}");
}

#[test]
fn names_choose_the_language_of_the_name_column() {
    let polish = stdout(&[
        "list", "--names", "pl", "--fields", "name", "--search", "kyiv",
    ]);
    assert_eq!(polish, "name\nKijów\n");
    let local = stdout(&[
        "list",
        "--names",
        "local",
        "--fields",
        "name",
        "--country",
        "de",
    ]);
    assert!(local.contains("Nürnberg"), "{local}");
    let table = stdout(&[
        "list",
        "--names",
        "pl",
        "--format",
        "table",
        "--country",
        "de",
    ]);
    assert!(
        table.contains("Norymberga") && table.contains("Lipsk"),
        "{table}"
    );
    // Programs always get the data's own fields.
    let json = json(&["list", "--names", "pl", "--search", "kyiv"]);
    assert_eq!(json[0]["name"], "Kyiv");
    assert_eq!(json[0]["name_pl"], "Kijów");
}

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
    assert!(
        err.contains("(valid: table, tsv, json, ndjson, csv)"),
        "{err}"
    );
}

// ---------------------------------------------------------------- colour and fitting the terminal

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
    // Machine formats never carry colour: asking for it is refused.
    let err = fails(&["list", "--json", "--color", "always"], 2);
    assert!(
        err.contains("--color always is for --format table"),
        "{err}"
    );
}

#[test]
fn tables_fit_the_terminal_and_wrap_instead_of_cutting() {
    let Some(narrow) = on_terminal_of_width(60, "show kosice --color never", &[]) else {
        return;
    };
    // The table's lines: a note on standard error (that URLs were shortened) may wrap.
    let (lines, _) = table_lines(&narrow);
    let longest = lines.iter().map(|l| l.chars().count()).max().unwrap();
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

/// The table's lines in a terminal's output, and the number of rows under its header.
fn table_lines(tty: &str) -> (Vec<&str>, usize) {
    let lines: Vec<&str> = tty
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| l.starts_with(['│', '╭', '╞', '╰']))
        .collect();
    let body = lines
        .iter()
        .skip_while(|l| !l.starts_with('╞'))
        .filter(|l| l.starts_with('│'))
        .count();
    (lines, body)
}

#[test]
fn tables_fit_80_columns_one_line_a_row() {
    for (args, count) in [
        (
            "list --continent europe",
            json(&["list", "--continent", "europe"]).len(),
        ),
        ("records", json(&["records"]).len()),
        ("list --all", json(&["list", "--all"]).len()),
    ] {
        // A terminal of 80 columns, and one that reports no size (taken as 80).
        for columns in [80, 0] {
            let Some(tty) = on_terminal_of_width(columns, &format!("{args} --color never"), &[])
            else {
                return;
            };
            let (lines, rows) = table_lines(&tty);
            assert!(
                lines.iter().all(|l| l.chars().count() <= 80),
                "{args} at {columns}:\n{tty}"
            );
            assert_eq!(rows, count, "{args} at {columns}: one line a row\n{tty}");
            assert!(tty.contains("left out to fit 80 columns"), "{tty}");
        }
    }
}

#[test]
fn wide_tables_show_every_column() {
    let Some(narrow) = on_terminal_of_width(80, "list --wide --color never", &[]) else {
        return;
    };
    assert!(!narrow.contains("left out"), "{narrow}");
    assert!(
        narrow.contains("Agreement") && narrow.contains("Status"),
        "{narrow}"
    );
    let wide = on_terminal_of_width(200, "list --color never", &[]).unwrap();
    assert!(!wide.contains("left out"), "{wide}");
    let (lines, _) = table_lines(&wide);
    assert!(lines[0].chars().count() > 80, "{wide}");
}
