//! JSON data files are checked exactly as CSV ones: the same trimming and rules, every
//! problem of an object with its column, a field given twice refused, and whatever the
//! tool accepts as JSON it accepts again as its own CSV.

use krakow_partners::{Format, load};
use proptest::prelude::*;

use crate::common::*;

/// The fields every city needs, with `fields` after them (a later field may repeat one).
fn object(fields: &str) -> String {
    format!(
        "{{\"name\": \"Testville\", \"country\": \"X\", \"country_code\": \"XX\", \
         \"continent\": \"europe\", \"capital\": false, \"agreement\": \"partnership\", \
         \"status\": \"active\", \"lat\": 1, \"lon\": 2, \"sources\": [\"https://e.org\"]{fields}}}"
    )
}

fn problems(input: &str) -> String {
    let out = run_with_stdin(&["--data", "-", "list"], input);
    assert_eq!(out.status.code(), Some(1), "{input}");
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn every_problem_of_an_object_is_reported_with_its_column() {
    let input = format!(
        "[\n{}\n]",
        object(
            ", \"name\": \"B\", \"capital\": \"no\", \"lat\": 1e400, \"lon\": \"\\ud800\", \
             \"notes\": \"x\\ud800\", \"nmae\": 1"
        )
    );
    let err = problems(&input);
    for expected in [
        "<stdin>:2: name: is given twice in the object (each field once)",
        "<stdin>:2: capital: is given twice",
        "<stdin>:2: unknown field 'nmae'",
        "<stdin>:2: lat: is given twice",
    ] {
        assert!(err.contains(expected), "missing «{expected}» in:\n{err}");
    }
    let input = format!(
        "[{}]",
        "{\"name\": \"   \", \"country\": \"X\", \"country_code\": \"XX\", \"continent\": \
         \"atlantis\", \"capital\": \"no\", \"agreement\": \"none\", \"status\": \"active\", \
         \"lat\": 1e400, \"lon\": 2, \"population\": -3, \"notes\": \"x\\ud800\", \
         \"sources\": [\"https://e.org\"]}"
    );
    let err = problems(&input);
    for expected in [
        "<stdin>:1: name: is empty",
        "<stdin>:1: continent: 'atlantis' is not one of",
        "<stdin>:1: capital: expected true or false",
        "<stdin>:1: lat: '1e400' is not a finite number",
        "<stdin>:1: population: '-3' is not a count of residents",
        "<stdin>:1: notes: has a lone surrogate (a \\uD800 to \\uDFFF escape without its pair",
    ] {
        assert!(err.contains(expected), "missing «{expected}» in:\n{err}");
    }
    assert_eq!(err.lines().count(), 6, "{err}");
}

#[test]
fn texts_are_trimmed_as_in_csv() {
    // "Testville" and " Testville ": one city twice, as in CSV.
    let input = format!(
        "{}\n{}\n",
        object(""),
        object("").replace("\"Testville\"", "\" Testville \"")
    );
    let err = problems(&input);
    assert!(
        err.contains("<stdin>:2: name: 'Testville' (XX) is already on line 1"),
        "{err}"
    );
    let out = run_with_stdin(
        &["--data", "-", "list", "--fields", "name,signed,aliases"],
        &object(", \"signed\": \" 2000 \", \"aliases\": [\" A \", \"  \"]")
            .replace("\"Testville\"", "\"  Testville\\t\""),
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "name\tsigned\taliases\nTestville\t2000\tA\n"
    );
}

#[test]
fn a_partial_date_is_checked_as_a_range() {
    // Signed 2000-06-15 and ended in 2000: the ending may well have come later.
    let input = object(", \"signed\": \"2000-06-15\", \"status_since\": \"2000\"")
        .replace("\"active\"", "\"ended\"");
    let out = run_with_stdin(
        &["--data", "-", "list", "--all", "--fields", "name"],
        &input,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Ended in 1999, signed in 2000: surely the wrong way round.
    let err = problems(&input.replace("\"2000\"", "\"1999\""));
    assert!(
        err.contains("status_since: 1999 is before the agreement was signed (2000-06-15)"),
        "{err}"
    );
}

/// A JSON value typed by hand: texts with the spaces, quotes, escapes and scripts
/// people put in them, numbers written every way JSON allows.
fn text_value() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ a-zA-Zł京\"\\\\\t\n,;'=+-]{0,8}".prop_map(|s| serde_json::to_string(&s).unwrap()),
        Just("\"\\u00a0A\\u3000\"".to_string()),
        Just("\"A\\u200fB\"".to_string()),
        Just("\"a\\u0001\\r\\u2028\\u0085b \\n\"".to_string()),
        Just("\"\\\"=1+2\\\"\"".to_string()),
        Just("null".to_string()),
    ]
}

fn number_value() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "0",
        "-0",
        "1",
        "12.5",
        "1e1",
        "5E-1",
        "-1.25e+1",
        "1e400",
        "1.0",
        "90",
        "-180.0",
        "9007199254740991",
        "9007199254740992",
        "0.01",
        "1e-7",
        "null",
    ])
    .prop_map(String::from)
}

fn list_value() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec!["\"A\"", "\" B \"", "\"  \"", "\"a;b\"", "\"\""]),
        0..3,
    )
    .prop_map(|items| format!("[{}]", items.join(",")))
}

/// Mostly a sound value, sometimes any: enough cities load to test their reading back.
fn mostly(
    sound: impl Strategy<Value = String> + 'static,
    any: impl Strategy<Value = String> + 'static,
) -> impl Strategy<Value = String> {
    prop_oneof![4 => sound.boxed(), 1 => any.boxed()]
}

fn json_city() -> impl Strategy<Value = String> {
    let name = mostly(
        "[a-zA-Zł京 \t\\\\\"]{0,3}[a-zA-Z][ a-zA-Z\n]{0,3}"
            .prop_map(|s| serde_json::to_string(&s).unwrap()),
        text_value(),
    );
    let degrees = || {
        mostly(
            prop::sample::select(vec!["0", "-0", "1e1", "5E-1", "-1.25e+1", "1.0", "1e-7"])
                .prop_map(String::from),
            number_value(),
        )
    };
    let one_of = |sound: Vec<&'static str>| prop::sample::select(sound).prop_map(String::from);
    (
        (
            name,
            text_value(),
            text_value(),
            mostly(Just("[\" A \"]".to_string()), list_value()),
        ),
        (
            degrees(),
            degrees(),
            mostly(
                one_of(vec!["0", "12", "9007199254740991", "null"]),
                number_value(),
            ),
            mostly(one_of(vec!["0.01", "12.5", "1e1", "null"]), number_value()),
        ),
        mostly(
            one_of(vec!["\"1990\"", "\" 1990-05 \"", "null"]),
            one_of(vec!["\"1990-02-30\"", "\"\\u00a01990\"", "1990"]),
        ),
    )
        .prop_map(
            |((name, pl, notes, aliases), (lat, lon, pop, area), signed)| {
                format!(
                    "{{\"name\": {name}, \"name_pl\": {pl}, \"notes\": {notes}, \
                 \"aliases\": {aliases}, \"country\": \"X\", \"country_code\": \"XX\", \
                 \"continent\": \"europe\", \"capital\": true, \"agreement\": \"partnership\", \
                 \"signed\": {signed}, \"status\": \"active\", \"lat\": {lat}, \"lon\": {lon}, \
                 \"population\": {pop}, \"area_km2\": {area}, \
                 \"sources\": [\"https://e.org\"]}}"
                )
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn whatever_json_loads_loads_again_as_the_tools_own_csv(
        cities in prop::collection::vec(json_city(), 1..4)
    ) {
        let text = format!("[{}]", cities.join(",\n"));
        if let Ok(from_json) = load(text.as_bytes(), "t.json") {
            let csv = written(&from_json, Format::Csv);
            let from_csv = load(csv.as_bytes(), "t.csv");
            prop_assert!(from_csv.is_ok(), "{text}\n→ {csv}\n→ {}", from_csv.unwrap_err());
            let from_csv = from_csv.unwrap();
            prop_assert_eq!(
                written(&from_json, Format::Json),
                written(&from_csv, Format::Json)
            );
        }
    }
}
