//! `--where`: every operator on every type of field, checked against the cities'
//! own values in the tool's JSON, read here by rules of this file's own; unknown
//! values; each refusal; every command that filters.

use std::collections::BTreeSet;

use krakow_partners::fold;
use serde_json::Value;

use crate::common::*;

/// Every field `list` writes in JSON, and the bearing, which only `show` has unasked.
const FIELDS: &str = "name,name_pl,name_local,aliases,country,country_code,continent,\
capital,agreement,signed,status,status_since,first_attested,last_attested,lat,lon,\
population,population_year,area_km2,elevation_m,sources,notes,distance_km,\
density_per_km2,bearing_deg,bearing";

/// What kind of value a field holds, as this test reads the JSON.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Number,
    Date,
    Bool,
    /// Text, compared in any case and without diacritics.
    Text,
    /// An array of texts: one item equal (or holding) is enough.
    List,
}

/// The fields the grid below tries, each with its kind and values to compare with.
const GRID: &[(&str, Kind, &[&str])] = &[
    ("population", Kind::Number, &["1e6", "475503", "1 000 000"]),
    ("population_year", Kind::Number, &["2021"]),
    ("elevation_m", Kind::Number, &["200", "6"]),
    ("distance_km", Kind::Number, &["1000", "177.2"]),
    ("density_per_km2", Kind::Number, &["2000"]),
    ("bearing_deg", Kind::Number, &["180"]),
    ("lat", Kind::Number, &["50"]),
    (
        "signed",
        Kind::Date,
        &["1990", "1993", "1993-06", "1991-12-06", "2009-07"],
    ),
    ("status_since", Kind::Date, &["2022-06"]),
    ("last_attested", Kind::Date, &["2024"]),
    ("capital", Kind::Bool, &["true", "false"]),
    ("continent", Kind::Text, &["europe", "ASIA"]),
    ("agreement", Kind::Text, &["twin-city"]),
    ("status", Kind::Text, &["ended"]),
    ("bearing", Kind::Text, &["E"]),
    ("country", Kind::Text, &["slovakia", "UNITED"]),
    ("name", Kind::Text, &["kosice", "burg"]),
    ("aliases", Kind::List, &["Kiev", "pet"]),
    ("notes", Kind::Text, &["wikipedia"]),
];

const ORDER: &[&str] = &["=", "!=", "<", "<=", ">", ">="];
const TEXT: &[&str] = &["=", "!=", "~"];
const BOOL: &[&str] = &["=", "!="];

/// Every city, every status, every field.
fn every_city() -> Vec<Value> {
    json(&["list", "--all", "--fields", FIELDS])
}

fn set(cities: &[Value]) -> BTreeSet<String> {
    cities
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_string())
        .collect()
}

/// The cities the tool takes with these conditions.
fn taken(extra: &[&str]) -> BTreeSet<String> {
    let mut args = vec!["list", "--all"];
    args.extend(extra);
    set(&json(&args))
}

/// The first and last day a date may mean, as (year, month, day).
fn span(text: &str) -> ((i64, i64, i64), (i64, i64, i64)) {
    let parts: Vec<i64> = text.split('-').map(|p| p.parse().unwrap()).collect();
    let days = |y: i64, m: i64| match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    };
    match parts[..] {
        [y] => ((y, 1, 1), (y, 12, 31)),
        [y, m] => ((y, m, 1), (y, m, days(y, m))),
        [y, m, d] => ((y, m, d), (y, m, d)),
        _ => panic!("{text}"),
    }
}

/// Whether a value the JSON gives is unknown: null, or a list of no items.
fn unknown(value: &Value) -> bool {
    value.is_null() || value.as_array().is_some_and(Vec::is_empty)
}

/// Whether `value` satisfies `op wanted`, read by this test's rules.
fn satisfies(kind: Kind, value: &Value, op: &str, wanted: &str) -> bool {
    if unknown(value) {
        return false;
    }
    match kind {
        Kind::Number => {
            let x = value.as_f64().unwrap();
            let w: f64 = wanted.replace(' ', "").parse().unwrap();
            match op {
                "=" => x == w,
                "!=" => x != w,
                "<" => x < w,
                "<=" => x <= w,
                ">" => x > w,
                ">=" => x >= w,
                _ => unreachable!(),
            }
        }
        Kind::Date => {
            let (first, last) = span(value.as_str().unwrap());
            let (from, to) = span(wanted);
            match op {
                "<" => last < from,
                "<=" => last <= to,
                ">" => first > to,
                ">=" => first >= from,
                "=" => first >= from && last <= to,
                "!=" => last < from || first > to,
                _ => unreachable!(),
            }
        }
        Kind::Bool => {
            let b = value.as_bool().unwrap();
            let w = wanted == "true";
            match op {
                "=" => b == w,
                "!=" => b != w,
                _ => unreachable!(),
            }
        }
        Kind::Text | Kind::List => {
            let texts: Vec<String> = match value {
                Value::Array(items) => items.iter().map(|i| fold(i.as_str().unwrap())).collect(),
                other => vec![fold(other.as_str().unwrap())],
            };
            let w = fold(wanted);
            match op {
                "=" => texts.contains(&w),
                "!=" => !texts.contains(&w),
                "~" => texts.iter().any(|t| t.contains(&w)),
                _ => unreachable!(),
            }
        }
    }
}

#[test]
fn every_operator_on_every_type_takes_what_the_values_say() {
    let cities = every_city();
    let all = set(&cities);
    let mut nontrivial = 0;
    for (field, kind, values) in GRID {
        let ops = match kind {
            Kind::Number | Kind::Date => ORDER,
            Kind::Bool => BOOL,
            Kind::Text | Kind::List => TEXT,
        };
        for op in ops {
            for value in *values {
                let condition = format!("{field}{op}{value}");
                let expected: BTreeSet<String> = cities
                    .iter()
                    .filter(|c| satisfies(*kind, &c[*field], op, value))
                    .map(|c| c["name"].as_str().unwrap().to_string())
                    .collect();
                let got = taken(&["--where", &condition]);
                assert_eq!(got, expected, "--where {condition}");
                nontrivial += usize::from(!expected.is_empty() && expected != all);
            }
        }
    }
    // The grid tells cities apart, rather than taking all or none.
    assert!(nontrivial > 60, "{nontrivial}");
}

#[test]
fn partial_dates_pass_only_when_every_day_they_may_mean_does() {
    // Bordeaux was signed in 1993, Curitiba on 1993-02-05.
    let names = |condition: &str| taken(&["--where", condition, "--where", "signed=1993"]);
    assert_eq!(
        names("signed=1993"),
        ["Bordeaux", "Curitiba"].map(String::from).into()
    );
    assert_eq!(
        names("signed<1993-06"),
        ["Curitiba"].map(String::from).into()
    );
    assert_eq!(
        names("signed<=1993-02"),
        ["Curitiba"].map(String::from).into()
    );
    assert_eq!(
        names("signed>1993-01"),
        ["Curitiba"].map(String::from).into()
    );
    assert_eq!(names("signed>1993-02"), BTreeSet::new());
    assert_eq!(names("signed>=1993-01-01").len(), 2);
    assert_eq!(names("signed!=1993-02"), BTreeSet::new());
    // Before 1990 means surely before: none of 1990, and Solothurn's 1990-11-06 neither.
    let before = taken(&["--where", "signed<1990"]);
    assert!(
        before.contains("Rochester") && !before.contains("Solothurn"),
        "{before:?}"
    );
}

#[test]
fn an_unknown_value_satisfies_no_comparison_and_is_taken_with_a_question_mark() {
    let cities = every_city();
    for field in [
        "elevation_m",
        "signed",
        "status_since",
        "name_pl",
        "capital",
    ] {
        let unknown_ones: BTreeSet<String> = set(&cities
            .iter()
            .filter(|c| unknown(&c[field]))
            .cloned()
            .collect::<Vec<_>>());
        let known_ones: BTreeSet<String> =
            set(&cities).difference(&unknown_ones).cloned().collect();
        assert_eq!(
            taken(&["--where", &format!("{field}=?")]),
            unknown_ones,
            "{field}"
        );
        assert_eq!(
            taken(&["--where", &format!("{field}!=?")]),
            known_ones,
            "{field}"
        );
    }
    // `!=` takes no unknown: Bratislava has no signing date.
    let not_1990 = taken(&["--where", "signed!=1990"]);
    assert!(!not_1990.contains("Bratislava") && not_1990.contains("Kyoto"));
    // In a file without the column, every value is unknown.
    let file = data_file_with(
        "name,country,lat,lon",
        "Here,Poland,50,20\nThere,Poland,51,21",
    );
    let path = file.path().to_str().unwrap();
    let all = json(&["--data", path, "list", "--where", "population=?"]);
    assert_eq!(all.len(), 2);
    let none = json(&["--data", path, "list", "--where", "population!=1"]);
    assert!(none.is_empty());
}

#[test]
fn conditions_are_repeated_and_all_must_hold() {
    let capitals = taken(&["--where", "capital=true"]);
    let early = taken(&["--where", "signed<1990"]);
    let both = taken(&["--where", "capital=true", "--where", "signed<1990"]);
    let expected: BTreeSet<String> = capitals.intersection(&early).cloned().collect();
    assert_eq!(both, expected);
    assert!(!both.is_empty() && both.len() < capitals.len());
    // With the other filters too.
    let europe = taken(&["--continent", "europe", "--where", "population>1e6"]);
    assert!(
        europe.contains("Vienna") && !europe.contains("Kyoto"),
        "{europe:?}"
    );
}

#[test]
fn every_command_that_filters_takes_the_conditions() {
    let condition = ["--where", "population>=500000"];
    let cities = json(&["list", "--where", condition[1]]);
    let count = cities.len();
    assert!(count > 5, "{count}");
    // stats and timeline count the same cities.
    let groups = json(&["stats", "--where", condition[1]]);
    let counted: u64 = groups.iter().map(|g| g["count"].as_u64().unwrap()).sum();
    assert_eq!(usize::try_from(counted).unwrap(), count);
    let periods = json(&["timeline", "--where", condition[1]]);
    let signed: u64 = periods.iter().map(|p| p["count"].as_u64().unwrap()).sum();
    assert_eq!(usize::try_from(signed).unwrap(), count);
    // records ranks among them only.
    let records = json(&["records", "least-populous", "--where", condition[1]]);
    let least = cities
        .iter()
        .map(|c| c["population"].as_u64().unwrap())
        .min()
        .unwrap();
    assert_eq!(records[0]["value"], least);
    // The map draws them.
    let svg = stdout(&["map", "--where", condition[1]]);
    assert_eq!(svg.matches(r#"<g class="city""#).count(), count);
    // distance --pairs measures between them.
    let pairs = json(&["distance", "--pairs", "--where", condition[1]]);
    assert_eq!(pairs.len(), count * (count - 1) / 2);
    // show explains a city they leave out.
    let err = fails(&["show", "solothurn", "--where", condition[1]], 1);
    assert!(
        err.contains("Solothurn (active) is left out by the filters given"),
        "{err}"
    );
    // A condition no city satisfies is an empty answer, not an error.
    assert!(json(&["list", "--where", "population>1e9"]).is_empty());
}

#[test]
fn texts_compare_in_any_case_and_without_diacritics() {
    assert_eq!(
        taken(&["--where", "name=KOSICE"]),
        ["Košice"].map(String::from).into()
    );
    assert_eq!(
        taken(&["--where", "name_pl~kijow"]),
        ["Kyiv"].map(String::from).into()
    );
    assert_eq!(
        taken(&["--where", "aliases=kiew"]),
        ["Kyiv"].map(String::from).into()
    );
    // A short name of a field is taken too; spaces around the operator too.
    assert_eq!(
        taken(&["--where", "elevation > 2000"]),
        ["Cusco", "Quito"].map(String::from).into()
    );
}

/// The one line a usage error writes.
fn refused(condition: &str) -> String {
    let err = fails(&["list", "--where", condition], 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("krakow-partners: "), "{err}");
    err
}

#[test]
fn each_refusal_says_what_is_allowed() {
    let err = refused("popultion>1e6");
    assert!(
        err.contains("unknown field 'popultion'; did you mean population?"),
        "{err}"
    );
    assert!(
        err.contains("distance_km"),
        "the computed fields are listed: {err}"
    );
    let err = refused("country<G");
    assert!(
        err.contains("country is text and takes =, != or ~"),
        "{err}"
    );
    let err = refused("aliases>=K");
    assert!(
        err.contains("aliases is a list of texts and takes =, != or ~"),
        "{err}"
    );
    let err = refused("capital>true");
    assert!(
        err.contains("capital is true or false and takes = or !="),
        "{err}"
    );
    let err = refused("signed~19");
    assert!(
        err.contains("signed is a date and takes =, !=, <, <=, > or >="),
        "{err}"
    );
    let err = refused("population>lots");
    assert!(
        err.contains("population is a number: 'lots' is not a number"),
        "{err}"
    );
    let err = refused("signed<1990-13");
    assert!(
        err.contains("'1990-13' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"),
        "{err}"
    );
    let err = refused("capital=maybe");
    assert!(err.contains("'maybe' is not true or false"), "{err}");
    let err = refused("agreement=twin-cty");
    assert!(err.contains("did you mean twin-city?"), "{err}");
    assert!(err.contains("(valid: twin-city, partnership,"), "{err}");
    let err = refused("bearing=NNE");
    assert!(err.contains("(valid: N, NE, E, SE, S, SW, W, NW)"), "{err}");
    for malformed in ["population 1e6", "population", "=1", "name!kos"] {
        let err = refused(malformed);
        assert!(err.contains("FIELD OP VALUE"), "{malformed}: {err}");
    }
    assert!(refused("population>").contains("no value after >"));
    assert!(refused("population<?").contains("goes with = or != only"));
}

#[test]
fn completion_offers_the_fields() {
    let out = bin()
        .env("_KRAKOW_PARTNERS_COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", "3")
        .env("_CLAP_IFS", "\n")
        .args(["--", "krakow-partners", "list", "--where", "dis"])
        .output()
        .unwrap();
    let offered = String::from_utf8(out.stdout).unwrap();
    let offered: Vec<&str> = offered.lines().collect();
    assert_eq!(offered, ["distance_km"]);
}

#[test]
fn the_sources_of_values_are_not_compared() {
    for condition in ["provenance=?", "provenance~wiki"] {
        let err = refused(condition);
        assert!(
            err.contains("provenance is the sources of each value and --where does not compare it"),
            "{err}"
        );
    }
}
