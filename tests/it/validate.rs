//! `validate`: the built-in data, a bad file, data on standard input, and the problems
//! as JSON for programs; each rule of what people get wrong with a file that breaks it,
//! and the warnings.

use crate::common::*;

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

#[test]
fn each_problem_is_an_object_for_programs_and_a_line_for_people() {
    let bad = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/bad_rows.csv");
    let out = bin()
        .args(["validate", bad, "--format", "ndjson"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let objects: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(
        objects[0],
        serde_json::json!({
            "file": bad,
            "line": 2,
            "item": null,
            "column": "lat",
            "value": "95",
            "message": "95 is out of range (decimal degrees from -90 to 90)",
            "severity": "error"
        })
    );
    // The same problems, one line each, on standard error.
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), objects.len());
    assert!(
        err.starts_with(&format!(
            "krakow-partners: {bad}:2: lat: 95 is out of range"
        )),
        "{err}"
    );
    // --json: one array of the same objects.
    let out = bin().args(["validate", bad, "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let array: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(array, objects);
}

#[test]
fn a_problem_with_no_one_value_has_a_null_value() {
    let out = run_with_stdin(&["validate", "-", "--json"], "name,country\nOslo\n");
    assert_eq!(out.status.code(), Some(1));
    let array: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(array[0]["file"], "<stdin>");
    assert_eq!(array[0]["line"], 1);
    assert_eq!(array[0]["column"], serde_json::Value::Null);
    assert_eq!(array[0]["value"], serde_json::Value::Null);
}

#[test]
fn a_sound_file_for_programs_is_an_empty_array_and_the_summary_on_stderr() {
    let out = bin()
        .args(["validate", "--format", "JSON"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, b"[]\n");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("krakow-partners: data/partners.csv: 38 cities ("),
        "{err}"
    );
    let out = bin()
        .args(["validate", "--format", "ndjson"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    // Only formats that write one object per problem.
    let err = fails(&["validate", "--format", "csv"], 2);
    assert!(err.contains("(valid: json, ndjson)"), "{err}");
    // One file: FILE or --data, not both.
    let err = fails(&["validate", "a.csv", "--data", "b.csv"], 2);
    assert!(err.contains("cannot be used with '--data <FILE>'"), "{err}");
}

#[test]
fn one_city_is_one_city() {
    let file = data_file(
        "Oslo,,,,Norway,NO,europe,false,partnership,1990,active,,,,59.9,10.7,,,,,https://example.org,",
    );
    let ok = stdout(&["validate", file.path().to_str().unwrap()]);
    assert!(ok.contains(": 1 city (1 active), every row valid"), "{ok}");
}

/// `validate`'s report on a file of `rows` under `header`: its exit code and standard
/// error.
fn report(header: &str, rows: &str) -> (Option<i32>, String) {
    let file = data_file_with(header, rows);
    let out = bin()
        .args(["validate", file.path().to_str().unwrap()])
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_country_and_a_code_of_two_countries_are_refused() {
    let (code, err) = report(
        "name,country,country_code,lat,lon",
        "Frankfurt,Germany,FR,50.11,8.68\nBerlin,Germany,QQ,52.52,13.405\n\
         Hamburg,DE,DE,53.55,9.99\nStrasbourg,Frankreich,FR,48.58,7.75",
    );
    assert_eq!(code, Some(1));
    assert!(
        err.contains(
            ":2: country_code: 'FR' is France's code, but country is Germany (DE): country \
             and country_code must name the same country"
        ),
        "{err}"
    );
    assert!(
        err.contains(":3: country_code: 'QQ' is not the code of Germany (DE)"),
        "{err}"
    );
    // A name the country table does not know cannot disagree.
    assert_eq!(err.lines().count(), 2, "{err}");
}

#[test]
fn a_source_that_is_no_web_address_is_refused() {
    for (source, why) in [
        ("https://", "'https://' has no host name"),
        (
            "https://x.example/\" onmouseover=\"alert(1)",
            "holds a quote (U+0022) a URL writes %-escaped (%22 for it)",
        ),
        ("https://x.example/a page", "holds a space (U+0020)"),
        ("www.example.org", "is not a URL (http:// or https://)"),
        ("http:/web.archive.org/web/2019/x", "is not a URL"),
    ] {
        let row = format!("Oslo,Norway,59.9,10.7,\"{}\"", source.replace('"', "\"\""));
        let (code, err) = report("name,country,lat,lon,sources", &row);
        assert_eq!(code, Some(1), "{source}");
        assert!(
            err.contains(":2: sources: ") && err.contains(why),
            "{source}: {err}"
        );
    }
}

#[test]
fn a_name_that_shows_nothing_is_refused() {
    for (column, name) in [
        ("name", "\u{200d}"),
        ("name", "\u{00ad}"),
        ("name", "\u{2800}"),
        ("name", "\u{200b}\u{2060} \u{feff}"),
        ("name_pl", "\u{2800}\u{2800}"),
        ("name_local", "\u{3164}"),
        ("aliases", "Oslo;\u{200d}"),
    ] {
        let header = match column {
            "name" => "name,country,lat,lon".to_string(),
            other => format!("name,country,lat,lon,{other}"),
        };
        let row = match column {
            "name" => format!("{name},Norway,59.9,10.7"),
            _ => format!("Oslo,Norway,59.9,10.7,{name}"),
        };
        let (code, err) = report(&header, &row);
        assert_eq!(code, Some(1), "{column} {name:?}");
        assert!(
            err.contains(&format!(":2: {column}: "))
                && err.contains("has no visible character (U+"),
            "{column} {name:?}: {err}"
        );
    }
}

/// A file whose only problems are warnings: `validate` lists them and succeeds.
fn warned(header: &str, row: &str) -> String {
    let file = data_file_with(header, row);
    let path = file.path().to_str().unwrap();
    let out = bin().args(["validate", path]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("every row valid; 1 warning"), "{stdout}");
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn a_city_outside_its_country_is_a_warning_that_names_the_swap() {
    let err = warned("name,country,lat,lon", "Frankfurt,Germany,8.6821,50.1109");
    assert!(
        err.ends_with(
            ":2: warning: lat: 8.6821, 50.1109 lies more than 25 km outside Germany (DE): \
             lat/lon swapped? (50.1109, 8.6821 lies in Germany)\n"
        ),
        "{err}"
    );
    let err = warned("name,country_code,lat,lon", "Cape Town,DE,-33.92,18.42");
    assert!(
        err.ends_with("lat/lon swapped, or the wrong country?\n"),
        "{err}"
    );
    // Near its border, on a small island, or in a country the borders lack: no warning.
    for row in [
        "Zakopane,Poland,49.2992,19.9496",
        "Visby,Sweden,57.6348,18.2948",
        "Monaco,Monaco,43.7384,7.4246",
        "Atlantis,Atlantis,0,-30",
    ] {
        let file = data_file_with("name,country,lat,lon", row);
        let out = bin()
            .args(["validate", file.path().to_str().unwrap()])
            .output()
            .unwrap();
        assert!(
            out.status.success() && out.stderr.is_empty(),
            "{row}: {:?}",
            out
        );
    }
}

#[test]
fn a_date_after_the_datas_is_a_warning() {
    for column in ["signed", "status_since", "first_attested", "last_attested"] {
        let err = warned(
            &format!("name,country,lat,lon,{column}"),
            "Oslo,Norway,59.9,10.7,2099-01-01",
        );
        assert!(
            err.contains(&format!(
                ":2: warning: {column}: 2099-01-01 is after today ("
            )) && err.ends_with("): a date yet to come?\n"),
            "{column}: {err}"
        );
    }
}

#[test]
fn warnings_are_rows_for_programs_and_one_note_for_other_commands() {
    let file = data_file_with(
        "name,country,lat,lon,signed",
        "Frankfurt,Germany,8.6821,50.1109,\nOslo,Norway,59.9,10.7,2099",
    );
    let path = file.path().to_str().unwrap();
    let out = bin().args(["validate", path, "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[1],
        serde_json::json!({
            "file": path,
            "line": 3,
            "item": null,
            "column": "signed",
            "value": "2099",
            "message": rows[1]["message"],
            "severity": "warning"
        })
    );
    assert_eq!(rows[0]["column"], "lat");
    // Another command answers, and says once how many there are.
    let out = bin()
        .args(["--data", path, "list", "--fields", "name"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("krakow-partners: 2 warnings in {path} (run validate to list them)\n")
    );
    // A file with errors fails with them; its warnings are listed once it has none.
    let file = data_file_with(
        "name,country,lat,lon,signed",
        "Frankfurt,Germany,8.6821,50.1109,\n,Norway,59.9,10.7,",
    );
    let err = fails(&["validate", file.path().to_str().unwrap()], 1);
    assert!(
        err.ends_with(":3: name: is empty (a value is required)\n"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn the_built_in_data_raises_no_warning() {
    let out = bin().args(["validate", "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        out.stdout,
        b"[]\n",
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = bin().args(["list", "--all"]).output().unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
