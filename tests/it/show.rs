//! `show`: finding a city by any of its names, its JSON and table, suggestions for
//! unknown or ambiguous names, and `--as-of`.

use crate::common::*;

#[test]
fn show_finds_a_city_by_any_name_in_any_language() {
    for (typed, city) in [
        ("kosice", "Košice"),
        ("KOŠICE", "Košice"),
        ("kiev", "Kyiv"),
        ("Київ", "Kyiv"),
        ("nurnberg", "Nuremberg"),
        ("Norymberga", "Nuremberg"),
        ("Lipsk", "Leipzig"),
        ("fez", "Fes"),
        ("Solura", "Solothurn"),
    ] {
        assert_eq!(one(&["show", typed])["name"], city, "show {typed}");
    }
}

#[test]
fn show_json_is_the_city_with_its_bearing() {
    let city = one(&["show", "kosice"]);
    let keys: Vec<&str> = city
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected: Vec<&str> = HEADER.split(',').collect();
    expected.extend([
        "distance_km",
        "density_per_km2",
        "bearing_deg",
        "bearing",
        "provenance",
    ]);
    assert_eq!(keys, expected);
    // Košice lies south-east of Kraków.
    assert_eq!(city["bearing"], "SE");
    let bearing = city["bearing_deg"].as_f64().unwrap();
    assert!((112.5..157.5).contains(&bearing), "{bearing}");
}

#[test]
fn show_table_tells_the_whole_story() {
    let table = stdout(&["show", "leipzig", "--format", "table"]);
    for text in [
        "Leipzig",
        "Lipsk",
        "Germany (DE)",
        "1973-09-08 (",
        "years ago)",
        " km, W",
        "Population",
        "Sources",
        "https://",
    ] {
        assert!(table.contains(text), "«{text}» in\n{table}");
    }
    let moscow = stdout(&["show", "moscow", "--format", "table"]);
    assert!(moscow.contains("ended since 2022-03-02"), "{moscow}");
}

#[test]
fn show_years_ago_counts_from_the_as_of_date() {
    let table = stdout(&[
        "show",
        "leipzig",
        "--format",
        "table",
        "--as-of",
        "2023-09-08",
    ]);
    assert!(table.contains("1973-09-08 (50 years ago)"), "{table}");
}

#[test]
fn show_an_unknown_name_suggests_the_nearest() {
    let err = fails(&["show", "olomuc"], 1);
    assert_eq!(
        err.trim(),
        "krakow-partners: no partner city 'olomuc'; did you mean Olomouc?"
    );
    let err = fails(&["show", "qqqqqqq"], 1);
    assert!(err.contains("no partner city 'qqqqqqq'"), "{err}");
}

#[test]
fn show_a_name_that_fits_several_lists_them_and_how_to_name_each() {
    let err = fails(&["show", "ky"], 1);
    assert_eq!(
        err.trim(),
        "krakow-partners: 'ky' fits 2 cities: Kyiv (Ukraine), Kyoto (Japan); name one as \
         'Kyiv' or 'Kyoto'"
    );
}

/// The city a name is answered with, and what is said on standard error.
fn answered(args: &[&str]) -> (String, String) {
    let mut all = args.to_vec();
    all.push("--json");
    let out = bin().args(&all).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let city: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let name = city["name"].as_str().unwrap().to_string();
    (name, String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_name_fits_from_the_start_of_a_word_and_an_alias_match_is_said() {
    // The start of a name or of a word in it, with no note: the city's own name shows it.
    for (typed, city) in [
        ("norym", "Nuremberg"),
        ("San Fran", "San Francisco"),
        ("francisco", "San Francisco"),
        ("main", "Frankfurt am Main"),
        ("frankfurt", "Frankfurt am Main"),
    ] {
        assert_eq!(
            answered(&["show", typed]),
            (city.to_string(), String::new())
        );
    }
    // Through an alias alone, the answer says so.
    for typed in ["new york", "York"] {
        let (city, note) = answered(&["show", typed]);
        assert_eq!(city, "Rochester");
        assert_eq!(
            note.trim(),
            format!(
                "krakow-partners: '{typed}' matched Rochester (also called Rochester New York)"
            )
        );
    }
    let (city, note) = answered(&["show", "kiev"]);
    assert_eq!(city, "Kyiv");
    assert!(
        note.contains("'kiev' matched Kyiv (also called Kiev)"),
        "{note}"
    );
}

#[test]
fn a_piece_inside_a_word_fits_nothing_and_suggests() {
    let err = fails(&["show", "ork"], 1);
    assert_eq!(
        err.trim(),
        "krakow-partners: no partner city 'ork'; did you mean Rochester?"
    );
    // Inside "Leipzig", "Nuremberg": no city, however it was found before.
    fails(&["show", "eipz"], 1);
    fails(&["show", "remberg"], 1);
}

/// Two cities called Paris, one with an alias, and a Parma.
fn two_parises() -> tempfile::NamedTempFile {
    data_file_with(
        "name,country_code,lat,lon,aliases",
        "Paris,FR,48.8566,2.3522,Lutetia\n\
         Paris,US,33.6609,-95.5555,Paris Texas\n\
         Parma,IT,44.8015,10.3279,",
    )
}

#[test]
fn cities_of_one_name_are_told_apart_by_country() {
    let data = two_parises();
    let path = data.path().to_str().unwrap();
    let err = fails(&["--data", path, "show", "paris"], 1);
    assert_eq!(
        err.trim(),
        "krakow-partners: 'paris' fits 2 cities: Paris (France), Paris (United States); \
         name one as 'paris, FR' or 'paris, US'"
    );
    for (typed, country) in [
        ("paris, fr", "FR"),
        ("paris, FR", "FR"),
        ("Paris, France", "FR"),
        ("paris,fra", "FR"),
        ("paris, us", "US"),
        ("paris, USA", "US"),
        ("paris, United States", "US"),
    ] {
        let city = one(&["--data", path, "show", typed]);
        assert_eq!(
            (city["name"].as_str(), city["country_code"].as_str()),
            (Some("Paris"), Some(country)),
            "{typed}"
        );
    }
    let err = fails(&["--data", path, "show", "paris, de"], 1);
    assert!(err.contains("no partner city 'paris, de'"), "{err}");
    // A start that fits several names each by its name, and namesakes by country.
    let err = fails(&["--data", path, "show", "par"], 1);
    assert!(
        err.contains("name one as 'Paris, FR', 'Paris, US' or 'Parma'"),
        "{err}"
    );
    // An alias of one of them, noted.
    let out = bin()
        .args(["--data", path, "show", "texas", "--json"])
        .output()
        .unwrap();
    let city: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(city["country_code"], "US");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "krakow-partners: 'texas' matched Paris (also called Paris Texas)"
    );
}

#[test]
fn show_respects_as_of() {
    fails(
        &[
            "show",
            "moscow",
            "--as-of",
            "2022-03-15",
            "--status",
            "active",
        ],
        1,
    );
    let then = one(&["show", "moscow", "--as-of", "2022-01-01"]);
    assert_eq!(then["status"], "active");
}

#[test]
fn show_explains_a_city_the_filters_leave_out() {
    let err = fails(&["show", "moscow", "--status", "active"], 1);
    assert!(
        err.contains("Moscow is ended since 2022-03-02; add --all, or --status ended"),
        "{err}"
    );
    let err = fails(&["show", "kyoto", "--as-of", "2020"], 1);
    assert!(
        err.contains("Kyoto was not a partner on 2020: it counts from 2024-09-11"),
        "{err}"
    );
    let err = fails(&["show", "kyoto", "--continent", "europe"], 1);
    assert!(
        err.contains("Kyoto (active) is left out by the filters given"),
        "{err}"
    );
    // A name that is no city at all is still one.
    let err = fails(&["show", "nowhere"], 1);
    assert!(err.contains("no partner city 'nowhere'"), "{err}");
}

#[test]
fn every_name_of_every_city_finds_that_city() {
    for city in json(&["list", "--all"]) {
        let aliases = city["aliases"].as_array().unwrap();
        let names = ["name", "name_pl", "name_local"]
            .iter()
            .filter_map(|key| city[key].as_str())
            .chain(aliases.iter().filter_map(|a| a.as_str()));
        for name in names {
            assert_eq!(one(&["show", name])["name"], city["name"], "show {name}");
        }
    }
}

/// Every field `show` writes for programs and tools, in its order.
fn every_field() -> String {
    let mut fields: Vec<&str> = HEADER.split(',').collect();
    fields.extend([
        "distance_km",
        "density_per_km2",
        "bearing_deg",
        "bearing",
        "provenance",
    ]);
    fields.join(",")
}

#[test]
fn show_writes_what_list_writes_for_that_one_city_in_every_format() {
    let fields = every_field();
    for format in ["tsv", "csv", "ndjson", "geojson"] {
        for extra in [
            &["--fields", &fields][..],
            &["--fields", "lat,name,lon"][..],
        ] {
            let mut show = vec!["show", "kyoto", "--format", format];
            show.extend(extra);
            let mut list = vec!["list", "--search", "kyoto", "--format", format];
            list.extend(extra);
            assert_eq!(stdout(&show), stdout(&list), "{format} {extra:?}");
        }
    }
    for format in ["tsv", "csv"] {
        let show = ["show", "kyoto", "--format", format, "--no-header"];
        let list = [
            "list",
            "--search",
            "kyoto",
            "--format",
            format,
            "--no-header",
        ];
        let list = [&list[..], &["--fields", &fields]].concat();
        assert_eq!(stdout(&show), stdout(&list), "{format}");
    }
    // Without --fields too: show's own fields are every field.
    for format in ["tsv", "csv", "ndjson"] {
        let list = stdout(&[
            "list", "--search", "kyoto", "--format", format, "--fields", &fields,
        ]);
        assert_eq!(
            stdout(&["show", "kyoto", "--format", format]),
            list,
            "{format}"
        );
    }
    // JSON: the city as one object, the one list writes in its array.
    let shown = one(&["show", "kyoto"]);
    let listed = json(&["list", "--search", "kyoto", "--fields", &fields]);
    assert_eq!(listed, vec![shown]);
}

#[test]
fn show_tsv_has_a_header_line_unless_told_not_to() {
    let tsv = stdout(&[
        "show",
        "kyoto",
        "--format",
        "tsv",
        "--fields",
        "name,country",
    ]);
    assert_eq!(tsv, "name\tcountry\nKyoto\tJapan\n");
    let bare = [
        "show",
        "kyoto",
        "--format",
        "tsv",
        "--fields",
        "name,country",
        "--no-header",
    ];
    assert_eq!(stdout(&bare), "Kyoto\tJapan\n");
    let csv = [
        "show",
        "kyoto",
        "--format",
        "csv",
        "--fields",
        "name,country",
        "--no-header",
    ];
    assert_eq!(stdout(&csv), "Kyoto,Japan\n");
}

#[test]
fn show_loads_back_with_data_in_every_format() {
    let expected = json(&["list", "--all", "--search", "kyoto"]);
    for format in ["tsv", "csv", "json", "ndjson", "geojson"] {
        let shown = stdout(&["show", "kyoto", "--format", format]);
        let out = run_with_stdin(&["--data", "-", "list", "--all", "--json"], &shown);
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let back: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(back, expected, "{format}");
    }
}

#[test]
fn format_help_says_what_each_format_writes_for_the_command() {
    let show = stdout(&["show", "--help"]);
    assert!(show.contains("The city as one JSON object"), "{show}");
    assert!(!show.contains("JSON array"), "{show}");
    let distance = stdout(&["distance", "--help"]);
    assert!(distance.contains("One JSON object"), "{distance}");
    assert!(!distance.contains("JSON array"), "{distance}");
    assert!(!distance.contains("geojson"), "{distance}");
    let list = stdout(&["list", "--help"]);
    assert!(list.contains("A JSON array of objects"), "{list}");
    assert!(list.contains("geojson"), "{list}");
}

#[test]
fn show_from_another_partner_measures_from_it() {
    let city = one(&["show", "kyoto", "--from", "nanjing"]);
    let leg = one(&["distance", "nanjing", "kyoto"]);
    assert_eq!(city["distance_km"], leg["distance_km"]);
    assert_eq!(city["bearing_deg"], leg["bearing_deg"]);
    assert_eq!(city["bearing"], leg["bearing"]);
    let card = stdout(&["show", "kyoto", "--from", "nanjing", "--format", "table"]);
    assert!(card.contains("Distance from Nanjing (km)"), "{card}");
    assert!(!card.contains("From Kraków"), "{card}");
    let fields = stdout(&[
        "show", "kyoto", "--from", "nanjing", "--fields", "bearing", "--format", "table",
    ]);
    assert!(fields.contains("Direction from Nanjing"), "{fields}");
}

const SOURCED: [&str; 4] = [
    "--data",
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sourced.csv"),
    "--evidence",
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/sourced-evidence.csv"
    ),
];

/// `show testville --sources` of the sourced fixture, with `args`.
fn sources(args: &[&str]) -> String {
    stdout(&[&SOURCED[..], &["show", "testville", "--sources"], args].concat())
}

#[test]
fn show_sources_is_a_row_per_value_and_source_in_every_format() {
    let tsv = sources(&["--format", "tsv"]);
    let mut lines = tsv.lines();
    assert_eq!(lines.next(), Some("city\tfield\tvalue\turl\tquote\tread"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    let fields: Vec<&str> = rows.iter().map(|r| r[1]).collect();
    assert_eq!(
        fields,
        [
            "country",
            "country_code",
            "continent",
            "lat",
            "lon",
            "population",
            "population",
            "population_year",
            "population_year"
        ]
    );
    assert_eq!(
        rows[6],
        [
            "Testville",
            "population",
            "12345",
            "https://example.org/census/2021",
            "Testville, town: 12 345 residents on 31 March 2021, the census day of the national \
             statistics office.",
            "2026-12-01"
        ]
    );
    // The country table's standard has no passage to quote.
    assert_eq!(rows[1][4], "");
    let csv = sources(&["--format", "csv"]);
    assert!(
        csv.starts_with("city,field,value,url,quote,read\n"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), rows.len() + 1);
    assert!(csv.contains(
        "Testville,population,12345,https://example.org/atlas,\"Population (2021) 12,345\",2026-12-04\n"
    ));
    let json: Vec<serde_json::Value> = serde_json::from_str(&sources(&["--json"])).unwrap();
    assert_eq!(json.len(), rows.len());
    assert_eq!(
        json[5],
        serde_json::json!({
            "city": "Testville",
            "field": "population",
            "value": 12345,
            "url": "https://example.org/atlas",
            "quote": "Population (2021) 12,345",
            "read": "2026-12-04"
        })
    );
    assert_eq!(json[1]["quote"], serde_json::Value::Null);
    let ndjson = sources(&["--format", "ndjson"]);
    let objects: Vec<serde_json::Value> = ndjson
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(objects, json);
    let geojson: serde_json::Value =
        serde_json::from_str(&sources(&["--format", "geojson"])).unwrap();
    let features = geojson["features"].as_array().unwrap();
    assert_eq!(features.len(), rows.len());
    assert_eq!(
        features[3]["geometry"]["coordinates"],
        serde_json::json!([19.94, 50.06])
    );
    assert_eq!(features[3]["properties"], json[3]);
}

#[test]
fn show_sources_as_a_table_fits_80_columns_with_every_url_whole_across_its_lines() {
    let out = bin()
        .args(
            [
                &SOURCED[..],
                &["show", "testville", "--sources", "--format", "table"],
            ]
            .concat(),
        )
        .env("COLUMNS", "80")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table
            .lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 80),
        "{table}"
    );
    assert!(
        table.lines().next().unwrap().chars().count() > 70,
        "{table}"
    );
    // Each source's cell: its URL's lines, then the passage, wrapped.
    let mut cell = String::new();
    for line in table.lines().filter(|l| l.starts_with('│')) {
        let source = line
            .rsplit('┆')
            .next()
            .unwrap()
            .trim_end_matches('│')
            .trim();
        cell.push_str(source);
        if source.ends_with('”') {
            cell.push('\n');
        }
    }
    for url in [
        "https://www.iso.org/iso-3166-country-codes.html",
        "http://web.archive.org/web/20210331000000/https://example.org/census/2021/towns/testville.html“Census",
    ] {
        assert!(cell.contains(url), "{url} not whole in\n{table}");
    }
    assert!(table.contains("│ Population year ┆ 2021 "), "{table}");
    assert!(
        table.contains("“Testville, town: 12 345 residents on 31 March"),
        "{table}"
    );
}

#[test]
fn show_sources_takes_the_fields_that_have_sources() {
    let tsv = sources(&["--fields", "population_year,lat"]);
    let fields: Vec<&str> = tsv
        .lines()
        .skip(1)
        .map(|l| l.split('\t').nth(1).unwrap())
        .collect();
    assert_eq!(fields, ["population_year", "population_year", "lat"]);
    let err = fails(
        &[
            &SOURCED[..],
            &["show", "testville", "--sources", "--fields", "name"],
        ]
        .concat(),
        2,
    );
    assert!(
        err.starts_with(
            "krakow-partners: --sources shows the sources of values, and name has none"
        ),
        "{err}"
    );
}

#[test]
fn show_sources_of_the_built_in_data_lists_each_value_it_has() {
    for city in ["kyoto", "moscow", "kosice"] {
        let shown = one(&["show", city]);
        let rows: Vec<serde_json::Value> =
            serde_json::from_str(&stdout(&["show", city, "--sources", "--json"])).unwrap();
        let mut listed: Vec<&str> = rows.iter().map(|r| r["field"].as_str().unwrap()).collect();
        listed.dedup();
        let evidenced = [
            "country",
            "country_code",
            "continent",
            "capital",
            "agreement",
            "signed",
            "status",
            "status_since",
            "first_attested",
            "last_attested",
            "lat",
            "lon",
            "population",
            "population_year",
            "area_km2",
            "elevation_m",
        ];
        let with_values: Vec<&str> = evidenced
            .into_iter()
            .filter(|f| !shown[*f].is_null())
            .collect();
        assert_eq!(listed, with_values, "{city}");
        for row in &rows {
            assert_eq!(
                row["value"],
                shown[row["field"].as_str().unwrap()],
                "{city}"
            );
        }
    }
}

#[test]
fn a_file_without_provenance_shows_its_values_without_sources() {
    let file = data_file_with("name,country,lat,lon", "Olomouc,CZ,49.59,17.25");
    let tsv = stdout(&[
        "--data",
        file.path().to_str().unwrap(),
        "show",
        "olomouc",
        "--sources",
    ]);
    assert_eq!(
        tsv,
        "city\tfield\tvalue\turl\tquote\tread\n\
         Olomouc\tcountry\tCzechia\t\t\t\n\
         Olomouc\tcountry_code\tCZ\t\t\t\n\
         Olomouc\tcontinent\teurope\t\t\t\n\
         Olomouc\tlat\t49.59\t\t\t\n\
         Olomouc\tlon\t17.25\t\t\t\n"
    );
}
