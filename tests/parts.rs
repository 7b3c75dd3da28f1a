//! A large file is read in parts, one per core, each starting at a guessed row; the
//! answer must not depend on how many parts there are: the same cities, or the same
//! problems on the same lines.

use krakow_partners::{Answer, City, Count, Format, HEADER, View, load, read_csv, write};
use proptest::prelude::*;


/// One row: sound, or broken in one of several ways; names repeat so that duplicates
/// fall in different parts; notes may hold quoted line breaks.
fn row() -> impl Strategy<Value = String> {
    (0u32..40, 0u8..12, "[a-z ]{0,12}").prop_map(|(n, kind, text)| {
        let good = |name: String, notes: String| {
            format!(
                "{name},,,,Poland,PL,europe,false,partnership,2001,active,,50.1,19.9,,,,,https://example.org/{n},{notes}"
            )
        };
        match kind {
            0 => good(format!("Town {n}"), format!("\"two\nlines {text}\"")),
            1 => good(format!("\"Town, {n}\""), format!("\"say \"\"{text}\"\"\"")),
            2 => good(format!("Town {n}"), String::new()).replace("50.1", "95"),
            3 => good(format!("Town {n}"), String::new()).replace(",PL,", ",XX1,"),
            4 => String::new(),
            5 => format!("Town {n},too,few"),
            6 => good(format!("TOWN {n}"), text),
            _ => good(format!("Town {n}"), text),
        }
    })
}

fn file() -> impl Strategy<Value = String> {
    prop::collection::vec(row(), 1..120).prop_map(|rows| format!("{HEADER}\n{}\n", rows.join("\n")))
}

fn answer(text: &str, parts: usize) -> Result<Vec<City<'static>>, String> {
    read_csv(text.as_bytes(), "f.csv", parts, &Vec::new)
        .map(|cities| cities.into_iter().map(City::into_owned).collect())
        .map_err(|e| e.to_string())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_number_of_parts_gives_the_same_answer(text in file(), parts in 2usize..7) {
        let whole = answer(&text, 1);
        prop_assert_eq!(answer(&text, parts), whole.clone());
        let count = read_csv(text.as_bytes(), "f.csv", parts, &Count::default).map_err(|e| e.to_string());
        prop_assert_eq!(count.map(|c| c.cities), whole.map(|cities| cities.len()));
    }
}

#[test]
fn a_duplicate_in_a_later_part_names_the_first_line() {
    let row = |n: usize| {
        format!("Town {n},,,,Poland,PL,europe,false,none,,active,,50,19,,,,,https://e.org,")
    };
    let mut rows: Vec<String> = (0..200).map(row).collect();
    rows.push("TOWN 3,,,,Poland,PL,europe,false,none,,active,,50,19,,,,,https://e.org,".into());
    let text = format!("{HEADER}\n{}\n", rows.join("\n"));
    for parts in 1..5 {
        let err = answer(&text, parts).unwrap_err();
        assert_eq!(
            err, "f.csv:202: name: 'TOWN 3' (PL) is already on line 5 (each city appears once)",
            "{parts} parts"
        );
    }
}

#[test]
fn large_answers_written_on_every_core_read_back_whole() {
    let rows: Vec<String> = (0..60_000)
        .map(|n| format!("\"Town, {n}\",,,,Poland,PL,europe,false,partnership,2001,active,,50.{n},19.9,{n},,,,https://e.org/{n},\"say \"\"{n}\"\"\""))
        .collect();
    let text = format!("{HEADER}\n{}\n", rows.join("\n"));
    let cities = answer(&text, 1).unwrap();
    for format in [Format::Csv, Format::Json] {
        let written = written(&cities, format);
        let again = load(written.as_bytes(), "again").unwrap();
        assert!(again == cities, "{format:?} did not read back whole");
    }
    let lines = written(&cities, Format::Ndjson);
    let names: Vec<String> = lines
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["name"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let expected: Vec<String> = cities.iter().map(|c| c.name.to_string()).collect();
    assert_eq!(names, expected);
}

fn written(cities: &[City], format: Format) -> String {
    let mut out = Vec::new();
    write(&Answer::Cities(cities.to_vec()), &View::new(format), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}
