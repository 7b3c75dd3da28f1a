//! The filters, names and orders for the questions people ask: signing-date spans,
//! refused values, countries by any name or code, partial dates as ranges, lists in
//! the order of the names shown, and groups in time order.

use krakow_partners::fold;

use crate::common::*;

fn signed_of(cities: &[serde_json::Value]) -> Vec<String> {
    cities
        .iter()
        .map(|c| c["signed"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn signed_takes_a_span_of_signing_dates() {
    let nineties = json(&["list", "--signed", "1990..1999"]);
    assert!(!nineties.is_empty());
    for signed in signed_of(&nineties) {
        assert!(("1990".."2000").contains(&signed.as_str()), "{signed}");
    }
    // Every active city signed in the 1990s, by its date's text, is there.
    let every = json(&["list"]);
    let expected = every
        .iter()
        .filter(|c| c["signed"].as_str().is_some_and(|s| s.starts_with("199")))
        .count();
    assert_eq!(nineties.len(), expected);
    for signed in signed_of(&json(&["list", "--all", "--signed", "..1980"])) {
        assert!(signed.as_str() < "1981", "{signed}");
    }
    for signed in signed_of(&json(&["list", "--all", "--signed", "2000.."])) {
        assert!(signed.as_str() >= "2000", "{signed}");
    }
    // A year alone: Bordeaux (1993) and Curitiba (1993-02-05).
    assert_eq!(
        names(&json(&["list", "--signed", "1993"])),
        ["Bordeaux", "Curitiba"]
    );
    let err = fails(&["list", "--signed", "1999..1990"], 2);
    assert!(err.contains("ends before it begins"), "{err}");
    let err = fails(&["list", "--signed", "nineties"], 2);
    assert!(err.contains("is not a date"), "{err}");
}

#[test]
fn a_city_with_no_signing_date_is_in_no_span_and_said_so() {
    let data = data_file(concat!(
        "Dated,,,,X,XX,europe,false,partnership,1995,active,,,,1,1,,,,,https://e.org,\n",
        "Undated,,,,X,XX,europe,false,partnership,,active,,2001,,2,2,,,,,https://e.org,\n",
        "Partial,,,,X,XX,europe,false,partnership,2000,active,,,,3,3,,,,,https://e.org,\n",
    ));
    let path = data.path().to_str().unwrap();
    let out = bin()
        .args(["--data", path, "list", "--signed", "..2000-06", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let cities: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    // "2000" may be after 2000-06: not surely inside.
    assert_eq!(names(&cities), ["Dated"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("1 partnership left out of --signed: the data has no signing date"),
        "{err}"
    );
    let on = |args: &[&str]| {
        let mut all = vec!["--data", path, "list"];
        all.extend(args);
        names(&json(&all))
    };
    assert_eq!(on(&["--signed", "2000"]), ["Partial"]);
    assert_eq!(on(&["--signed", "1995..2000"]), ["Dated", "Partial"]);
}

#[test]
fn a_bang_refuses_a_value_in_every_filter_of_named_values() {
    let all = json(&["list", "--all"]);
    let outside = json(&["list", "--all", "--continent", "!europe"]);
    assert!(!outside.is_empty());
    assert!(outside.iter().all(|c| c["continent"] != "europe"));
    let europe = all.iter().filter(|c| c["continent"] == "europe").count();
    assert_eq!(outside.len() + europe, all.len());
    // In a comma list, and alongside taken values.
    let neither = json(&["list", "--all", "--continent", "!europe,!asia"]);
    assert!(
        neither
            .iter()
            .all(|c| c["continent"] != "europe" && c["continent"] != "asia")
    );
    assert!(json(&["list", "--continent", "europe,!EUROPE"]).is_empty());
    let not_active = json(&["list", "--status", "!active"]);
    assert_eq!(
        name_set(&not_active),
        [
            "Leuven",
            "Moscow",
            "Saint Petersburg",
            "Seville",
            "Veliko Tarnovo"
        ]
    );
    let other = json(&["list", "--agreement", "!partnership"]);
    assert!(!other.is_empty() && other.iter().all(|c| c["agreement"] != "partnership"));
    let no_de_fr = json(&["list", "--country", "!de,!France"]);
    assert!(
        no_de_fr
            .iter()
            .all(|c| c["country_code"] != "DE" && c["country_code"] != "FR")
    );
    assert_eq!(
        no_de_fr.len() + 5,
        json(&["list"]).len(),
        "Germany has 3 partners, France 2"
    );
    // A refused value must exist like a taken one.
    let err = fails(&["list", "--continent", "!europa"], 2);
    assert!(err.contains("'europa'") && err.contains("europe"), "{err}");
    let help = stdout(&["list", "--help"]);
    assert!(help.contains("--continent '!europe'"), "{help}");
}

#[test]
fn countries_by_name_short_name_and_iso_code() {
    let us = name_set(&json(&["list", "--country", "United States"]));
    assert_eq!(us, ["Rochester", "San Francisco"]);
    for typed in ["USA", "us", "usa", "United States of America", "america"] {
        assert_eq!(
            name_set(&json(&["list", "--country", typed])),
            us,
            "{typed}"
        );
    }
    for typed in ["UK", "gb", "GBR", "great britain"] {
        assert_eq!(
            names(&json(&["list", "--country", typed])),
            ["Edinburgh"],
            "{typed}"
        );
    }
    for typed in ["Czech Republic", "CZE", "czechia", "cz"] {
        assert_eq!(
            names(&json(&["list", "--country", typed])),
            ["Olomouc"],
            "{typed}"
        );
    }
    // A country of the world with no partner: an empty answer, not an error.
    assert!(json(&["list", "--country", "NZ"]).is_empty());
    assert!(json(&["list", "--country", "Türkiye"]).is_empty());
    let err = fails(&["list", "--country", "Germny"], 2);
    assert!(err.contains("did you mean Germany?"), "{err}");
    assert!(err.contains("ISO 3166 code"), "{err}");
    let help = stdout(&["list", "--help"]);
    assert!(help.contains("ISO 3166") && help.contains("USA"), "{help}");
}

#[test]
fn sort_minus_field_runs_from_the_largest_down() {
    let minus = names(&json(&["list", "--sort", "-population"]));
    let desc = names(&json(&["list", "--sort", "population", "--desc"]));
    assert_eq!(minus, desc);
    assert_eq!(minus[0], "Nanjing");
    let err = fails(&["list", "--sort", "-populaton"], 2);
    assert!(err.contains("did you mean population?"), "{err}");
}

#[test]
fn lists_are_sorted_by_the_names_shown() {
    for shown_as in ["pl", "local"] {
        let tsv = stdout(&["list", "--all", "--names", shown_as, "--fields", "name"]);
        let shown: Vec<&str> = tsv.lines().skip(1).collect();
        let mut sorted = shown.clone();
        sorted.sort_by_key(|n| fold(n));
        assert_eq!(shown, sorted, "--names {shown_as}");
        // Programs get the English names, in their order.
        let programs = names(&json(&["list", "--all", "--names", shown_as]));
        let mut english = programs.clone();
        english.sort_by_key(|n| fold(n));
        assert_eq!(programs, english, "--names {shown_as} --json");
    }
    // Curitiba comes before Cusco in English; Kurytyba after it in Polish.
    let tsv = stdout(&["list", "--names", "pl", "--fields", "name"]);
    let at = |name: &str| tsv.lines().position(|l| l == name);
    assert!(
        at("Cusco").is_some() && at("Cusco") < at("Kurytyba"),
        "{tsv}"
    );
}

#[test]
fn a_prefix_of_a_name_wins_over_an_alias() {
    // Quito's alias "San Francisco de Quito" also holds the text.
    assert_eq!(one(&["show", "San Fran"])["name"], "San Francisco");
    assert_eq!(one(&["show", "norym"])["name"], "Nuremberg");
    // Where no name starts with it, any name containing it still finds the city.
    assert_eq!(one(&["show", "de Quito"])["name"], "Quito");
}

#[test]
fn partial_dates_are_ranges_for_as_of() {
    let data = data_file(concat!(
        "Year,,,,X,XX,europe,false,partnership,1996,ended,2022,,,1,1,,,,,https://e.org,\n",
        "Day,,,,X,XX,europe,false,partnership,1996-06-15,active,,,,2,2,,,,,https://e.org,\n",
    ));
    let path = data.path().to_str().unwrap();
    let on = |date: &str| {
        json(&["--data", path, "list", "--all", "--as-of", date])
            .iter()
            .map(|c| format!("{} {}", c["name"].as_str().unwrap(), c["status"]))
            .collect::<Vec<_>>()
    };
    // Signed in 1996, day unknown: surely a partner only at the year's end.
    assert_eq!(on("1996-06-30"), ["Day \"active\""]);
    assert_eq!(on("1996-12-31"), ["Day \"active\"", "Year \"active\""]);
    // A year given to --as-of is its last day.
    assert_eq!(on("1996"), ["Day \"active\"", "Year \"active\""]);
    assert_eq!(on("1996-06"), ["Day \"active\""]);
    // Ended in 2022: active until the year is surely over.
    assert_eq!(on("2022-03-15")[1], "Year \"active\"");
    assert_eq!(on("2022")[1], "Year \"ended\"");
    let help = stdout(&["list", "--help"]);
    assert!(help.contains("--as-of 1996 is 1996-12-31"), "{help}");
}

#[test]
fn partial_dates_sort_at_their_first_day() {
    let data = data_file(concat!(
        "Late,,,,X,XX,europe,false,partnership,1993-12-31,active,,,,1,1,,,,,https://e.org,\n",
        "Month,,,,X,XX,europe,false,partnership,1993-01,active,,,,2,2,,,,,https://e.org,\n",
        "Year,,,,X,XX,europe,false,partnership,1993,active,,,,3,3,,,,,https://e.org,\n",
        "Day,,,,X,XX,europe,false,partnership,1993-01-01,active,,,,4,4,,,,,https://e.org,\n",
    ));
    let path = data.path().to_str().unwrap();
    let sorted = names(&json(&["--data", path, "list", "--sort", "signed"]));
    assert_eq!(sorted, ["Year", "Month", "Day", "Late"]);
}

#[test]
fn stats_by_year_and_decade_run_in_time_order_the_unknown_last() {
    for by in ["year", "decade"] {
        let groups = json(&["stats", "--by", by, "--all"]);
        let labels: Vec<&str> = groups
            .iter()
            .map(|g| g["group"].as_str().unwrap())
            .collect();
        assert_eq!(labels.last(), Some(&"unknown"), "{by}");
        let known = &labels[..labels.len() - 1];
        let mut sorted = known.to_vec();
        sorted.sort_by_key(|l| l.trim_end_matches('s').parse::<i32>().unwrap());
        assert_eq!(known, sorted, "{by}");
    }
    let years = json(&["stats", "--by", "year", "--all"]);
    assert_eq!(years[0]["group"], "1973");
    assert_eq!(
        years[0]["cities"],
        serde_json::json!(["Leipzig", "Rochester"])
    );
    // Other groupings: the largest first, ties by name.
    let countries = json(&["stats", "--by", "country", "--all"]);
    for pair in countries.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let (ca, cb) = (a["count"].as_u64().unwrap(), b["count"].as_u64().unwrap());
        assert!(
            ca > cb || (ca == cb && a["group"].as_str() < b["group"].as_str()),
            "{a} before {b}"
        );
    }
}

#[test]
fn attested_since_takes_a_partial_date_surely_on_or_after_it() {
    let data = data_file(
        "Year,,,,X,XX,europe,false,partnership,1990,active,,1990,2020,1,1,,,,,https://e.org,\n",
    );
    let path = data.path().to_str().unwrap();
    let since = |date: &str| names(&json(&["--data", path, "list", "--attested-since", date]));
    // Last attested some day in 2020: surely on or after 2020-01-01, not after 2020-06.
    assert_eq!(since("2020-01-01"), ["Year"]);
    assert_eq!(since("2020"), ["Year"]);
    assert!(since("2020-06").is_empty());
}
