//! The checks the fuzz targets (in `fuzz/`) run on each input, kept here so that
//! `cargo test` replays the fuzz corpus through exactly the same code.

use crate::answer::Answer;
use crate::city::{Agreement, Continent, Date, Status, fold};
use crate::columns::Field;
use crate::filter::Filter;
use crate::load::{self, bundled};
use crate::render::{self, Format, View};
use crate::suggest;
use crate::superlatives::{self, Kind};

/// A data file in CSV (or TSV): loading never panics; what loads survives a round trip
/// through CSV and through TSV.
pub fn csv_loader(data: &[u8]) {
    if matches!(load::sniff(data, "fuzz.csv"), load::Kind::Delimited(_)) {
        let cities = load::load(data, "fuzz.csv").ok();
        round_trip(cities.clone(), &View::new(Format::Csv));
        // TSV with every column a data file has.
        let mut tsv = View::new(Format::Tsv);
        tsv.fields = Some(
            crate::columns::stored()
                .map(|c| crate::fields::Pick::City(c.field))
                .collect(),
        );
        round_trip(cities, &tsv);
    }
}

/// A data file in JSON: loading never panics; what loads survives a round trip.
pub fn json_loader(data: &[u8]) {
    if load::sniff(data, "fuzz.json") == load::Kind::Json {
        round_trip(load::load(data, "fuzz.json").ok(), &View::new(Format::Json));
    }
}

fn round_trip(cities: Option<Vec<crate::city::City>>, view: &View) {
    let Some(cities) = cities else {
        return;
    };
    let text = written_in(&cities, view);
    let format = view.format;
    let again = load::load(text.as_bytes(), "again")
        .unwrap_or_else(|e| panic!("the tool's own {format:?} does not load back: {e}\n{text}"));
    assert_eq!(again, cities, "a {format:?} round trip changed the data");
    // Every command's work on them runs to the end.
    let _ = superlatives::compute(&cities, Kind::ALL, 3);
    let _ = Filter::default().apply(cities.clone());
    for format in [Format::Table, Format::Tsv, Format::Ndjson, Format::Geojson] {
        let _ = written(&cities, format);
    }
}

/// Cities as `list` writes them in `format`.
fn written(cities: &[crate::city::City], format: Format) -> String {
    written_in(cities, &View::new(format))
}

/// Cities as `list` writes them in `view`.
fn written_in(cities: &[crate::city::City], view: &View) -> String {
    let answer = Answer::Cities(cities.to_vec());
    let mut out = Vec::new();
    render::write(&answer, view, &mut out).expect("writing to memory succeeds");
    String::from_utf8(out).expect("the tool writes UTF-8")
}

/// A partial date: parsing never panics; a parsed date prints as it was read.
pub fn date(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(date) = text.parse::<Date>() {
        let printed = date.to_string();
        assert_eq!(printed.parse::<Date>(), Ok(date), "{text:?} → {printed}");
        assert_eq!(printed, text.trim(), "a date prints as it was written");
    }
}

/// A value typed on the command line: every parser and the suggestions take it.
pub fn filter_values(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = text.parse::<Continent>();
    let _ = text.parse::<Agreement>();
    let _ = text.parse::<Status>();
    let _ = text.parse::<crate::city::DateRange>();
    let _ = text.parse::<Kind>();
    let _ = Field::from_key(text);
    let _ = fold(text);
    let _ = suggest::closest(text, &["Kraków", "Košice", "Київ", ""]);
    if let Ok(cities) = bundled() {
        let queries = [crate::names::Query::new(text)];
        let source = crate::load::Source::bundled();
        if let Ok([found]) = crate::names::find(&source, &Filter::default(), &queries) {
            let _ = queries[0].city(found);
        }
        let filter = Filter {
            countries: crate::picks::Picks::only(vec![text.to_string()]),
            search: Some(text.to_string()),
            ..Filter::default()
        };
        let _ = filter.apply(cities.clone());
    }
}
