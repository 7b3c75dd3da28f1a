//! Property tests over random valid datasets: filters against a plain reference, records
//! against the minimum or maximum computed directly, and round trips through CSV and
//! JSON that lose nothing.

use std::borrow::Cow;

use krakow_partners::{
    Agreement, Answer, City, Continent, Date, DateRange, Field, Filter, Format, HEADER, Kind,
    Measure, Pick, Picks, Status, View, fold, from_krakow_km, load, records,
};
use proptest::prelude::*;

use crate::common::written;

/// Countries by name and code, and the continent a row without one gets from its code.
const COUNTRIES: [(&str, &str, Continent); 5] = [
    ("Germany", "DE", Continent::Europe),
    ("Ukraine", "UA", Continent::Europe),
    ("Česko", "CZ", Continent::Europe),
    ("日本", "JP", Continent::Asia),
    ("Chile", "CL", Continent::SouthAmerica),
];

fn text() -> impl Strategy<Value = String> {
    // Letters from several scripts, spaces, quotes, commas, tabs, backslashes, a
    // carriage return and a line break inside.
    "[a-zA-Z0-9ąęłśżŁÓКиїЇ京都 ,\"'\t\\\\\r\n-]{0,12}".prop_map(|s| s.trim().to_string())
}

/// The cities as TSV with every column a data file has.
fn every_column_as_tsv(cities: &[City]) -> String {
    let mut view = View::new(Format::Tsv);
    view.fields = Some(
        HEADER
            .split(',')
            .filter_map(Field::from_key)
            .map(Pick::City)
            .collect(),
    );
    let mut out = Vec::new();
    let answer = Answer::Cities(cities.to_vec());
    krakow_partners::write(&answer, &view, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn date() -> impl Strategy<Value = Date> {
    (1950i32..2030, prop::option::of(1u8..=12), 1u8..=28).prop_map(|(y, m, d)| match m {
        None => format!("{y:04}").parse().unwrap(),
        Some(m) if d % 3 == 0 => format!("{y:04}-{m:02}").parse().unwrap(),
        Some(m) => Date::ymd(y, m, d).unwrap(),
    })
}

fn city(index: usize) -> impl Strategy<Value = City<'static>> {
    (
        (
            text(),
            text(),
            prop::collection::vec("[a-zA-Zé ]{1,8}", 0..3),
        ),
        (
            0..COUNTRIES.len(),
            prop::option::of(prop::sample::select(Continent::ALL)),
            prop::option::of(any::<bool>()),
        ),
        (
            prop::option::of(prop::sample::select(Agreement::ALL)),
            prop::option::of(date()),
        ),
        (
            prop::option::of(prop::sample::select(Status::ALL)),
            prop::option::of(date()),
            prop::option::of(date()),
            prop::option::of(date()),
        ),
        (-90.0f64..=90.0, -180.0f64..=180.0),
        (
            prop::option::of(0u64..40_000_000),
            prop::option::of(1000i32..=2030),
        ),
        (
            prop::option::of(0.01f64..20_000.0),
            prop::option::of(-400.0f64..5000.0),
        ),
        (
            prop::collection::vec("[a-z]{1,8}", 1..3),
            prop::option::of(text()),
        ),
    )
        .prop_map(
            move |(names, place, agreement, status, (lat, lon), people, land, about)| {
                let (name_pl, name_local, aliases) = names;
                let (country, continent, capital) = place;
                let (agreement, signed) = agreement;
                let signed = if agreement == Some(Agreement::None) {
                    None
                } else {
                    signed
                };
                let (status, since, first_attested, last_attested) = status;
                let last_attested = match (first_attested, last_attested) {
                    (Some(f), Some(l)) if l < f => Some(f),
                    (_, l) => l,
                };
                let status_since = match (signed, since) {
                    (Some(s), Some(d)) if d < s => Some(s),
                    (_, d) => d,
                };
                let (sources, notes) = about;
                let aliases = aliases
                    .into_iter()
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty())
                    .collect();
                let text = |s: String| Some(Cow::<str>::Owned(s)).filter(|s| !s.is_empty());
                City {
                    name: format!("City {index} Ł").into(),
                    name_pl: text(name_pl),
                    name_local: text(name_local),
                    aliases,
                    country: Some(COUNTRIES[country].0.into()),
                    country_code: Some(COUNTRIES[country].1.into()),
                    // As the loader reads it: a missing continent is the country's.
                    continent: continent.or(Some(COUNTRIES[country].2)),
                    capital,
                    agreement,
                    signed,
                    status,
                    status_since,
                    first_attested,
                    last_attested,
                    lat,
                    lon,
                    population: people.0,
                    population_year: people.1,
                    area_km2: land.0,
                    elevation_m: land.1,
                    sources: sources
                        .iter()
                        .map(|s| format!("https://example.org/{s}"))
                        .collect(),
                    notes: notes.and_then(text),
                    ..City::blank()
                }
            },
        )
}

fn dataset() -> impl Strategy<Value = Vec<City<'static>>> {
    (1usize..25).prop_flat_map(|n| (0..n).map(city).collect::<Vec<_>>())
}

/// Values taken and refused: a few of each.
fn picks<T: Clone + std::fmt::Debug + 'static>(
    all: &'static [T],
) -> impl Strategy<Value = Picks<T>> {
    (
        prop::collection::vec(prop::sample::select(all), 0..3),
        prop::collection::vec(prop::sample::select(all), 0..2),
    )
        .prop_map(|(taken, refused)| Picks { taken, refused })
}

/// A country by name or by code, in any case.
fn country(i: usize) -> String {
    if i.is_multiple_of(2) {
        COUNTRIES[i].0.to_uppercase()
    } else {
        COUNTRIES[i].1.to_lowercase()
    }
}

fn filter() -> impl Strategy<Value = Filter> {
    (
        picks(Continent::ALL),
        (
            prop::collection::vec(0..COUNTRIES.len(), 0..2),
            prop::collection::vec(0..COUNTRIES.len(), 0..2),
        ),
        picks(Agreement::ALL),
        picks(Status::ALL),
        (any::<bool>(), any::<bool>()),
        prop::option::of(prop::sample::select(vec!["city 1", "ł", "CITY", "1", "zz"])),
        (prop::option::of(date()), prop::option::of(date())),
        prop::option::of((prop::option::of(date()), prop::option::of(date()))),
    )
        .prop_map(
            |(
                continents,
                (taken, refused),
                agreements,
                statuses,
                (all, capital),
                search,
                (as_of, attested_since),
                signed,
            )| {
                Filter {
                    continents,
                    countries: Picks {
                        taken: taken.into_iter().map(country).collect(),
                        refused: refused.into_iter().map(country).collect(),
                    },
                    agreements,
                    statuses,
                    all,
                    capital,
                    search: search.map(String::from),
                    as_of,
                    attested_since,
                    signed: signed.map(|(from, to)| DateRange { from, to }),
                    ..Filter::default()
                }
            },
        )
}

/// The filter written out plainly, the way the README states it.
fn reference(cities: &[City], f: &Filter) -> Vec<String> {
    let mut names = Vec::new();
    for c in cities {
        let mut status = c.status;
        if let Some(day) = f.as_of {
            // A partial date is every day of it: it has happened once its last has.
            // From its signing, else its first attestation; with neither, left out.
            match c.signed.or(c.first_attested) {
                Some(from) if from.last_day() <= day.last_day() => {}
                _ => continue,
            }
            if status.is_some_and(|s| s != Status::Active)
                && c.status_since
                    .is_some_and(|s| s.last_day() > day.last_day())
            {
                status = Some(Status::Active);
            }
        }
        if let Some(range) = f.signed {
            // Signed on a date all of whose days are inside the span.
            let Some(signed) = c.signed else { continue };
            if range
                .from
                .is_some_and(|from| signed.first_day() < from.first_day())
                || range.to.is_some_and(|to| signed.last_day() > to.last_day())
            {
                continue;
            }
        }
        let allows =
            |taken: bool, refused: bool, any_taken: bool| (!any_taken || taken) && !refused;
        // A value the data does not give passes only a filter not used.
        fn known<T: PartialEq>(picks: &Picks<T>, value: Option<&T>) -> Option<(bool, bool)> {
            value.map(|v| (picks.taken.contains(v), picks.refused.contains(v)))
        }
        fn unused<T>(taken: &[T], refused: &[T]) -> bool {
            taken.is_empty() && refused.is_empty()
        }
        let wanted_status = if f.all {
            true
        } else if unused(&f.statuses.taken, &f.statuses.refused) {
            status.is_none_or(|s| s == Status::Active)
        } else {
            known(&f.statuses, status.as_ref()).is_some_and(|(taken, refused)| {
                allows(taken, refused, !f.statuses.taken.is_empty())
            })
        };
        let is_country = |w: &String| {
            c.country_code
                .as_deref()
                .is_some_and(|code| w.eq_ignore_ascii_case(code))
                || c.country
                    .as_deref()
                    .is_some_and(|name| fold(w) == fold(name))
        };
        let country_ok = allows(
            f.countries.taken.iter().any(is_country),
            f.countries.refused.iter().any(is_country),
            !f.countries.taken.is_empty(),
        );
        let search_ok = match &f.search {
            None => true,
            Some(s) => {
                let s = fold(s);
                let mut all = vec![c.name.to_string()];
                all.extend(c.name_pl.as_deref().map(String::from));
                all.extend(c.name_local.as_deref().map(String::from));
                all.extend(c.aliases.iter().map(String::from));
                all.iter().any(|n| fold(n).contains(&s))
            }
        };
        let attested_ok = match f.attested_since {
            None => true,
            // Every day the last attestation may mean is on or after the first of SINCE.
            Some(since) => c
                .last_attested
                .is_some_and(|last| last.first_day() >= since.first_day()),
        };
        let continent_ok = match known(&f.continents, c.continent.as_ref()) {
            None => unused(&f.continents.taken, &f.continents.refused),
            Some((taken, refused)) => allows(taken, refused, !f.continents.taken.is_empty()),
        };
        let agreement_ok = match known(&f.agreements, c.agreement.as_ref()) {
            None => unused(&f.agreements.taken, &f.agreements.refused),
            Some((taken, refused)) => allows(taken, refused, !f.agreements.taken.is_empty()),
        };
        if wanted_status
            && attested_ok
            && continent_ok
            && agreement_ok
            && (!f.capital || c.capital == Some(true))
            && country_ok
            && search_ok
        {
            names.push(c.name.to_string());
        }
    }
    names
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_filter_matches_the_reference(cities in dataset(), f in filter()) {
        // A name that is no country of the world, and in no city of the data, is a
        // usage error (of the test's countries, only Česko is not a name ISO 3166
        // knows); the reference has no such notion.
        let typed = f.countries.taken.iter().chain(&f.countries.refused);
        let present = typed.clone().all(|w| fold(w) != fold("Česko") || cities.iter().any(|c| {
            c.country_code.as_deref().is_some_and(|code| w.eq_ignore_ascii_case(code))
                || c.country.as_deref().is_some_and(|name| fold(w) == fold(name))
        }));
        match f.apply(cities.clone()) {
            Ok(chosen) => {
                prop_assert!(present);
                let got: Vec<String> = chosen.iter().map(|c| c.name.to_string()).collect();
                prop_assert_eq!(got, reference(&cities, &f));
            }
            Err(_) => prop_assert!(!present),
        }
    }

    #[test]
    fn every_record_is_the_extreme_computed_directly(cities in dataset()) {
        for &kind in Kind::ALL {
            let got = records(&cities, &[kind], 1);
            // The measure, straight from the fields.
            let value = |c: &City| -> Option<f64> {
                let date = |d: Date| f64::from(d.year()) * 10_000.0
                    + f64::from(d.month().unwrap_or(0)) * 100.0
                    + f64::from(d.day().unwrap_or(0));
                match kind {
                    Kind::Nearest | Kind::Farthest => Some(from_krakow_km(c.lat, c.lon)),
                    Kind::Oldest | Kind::Youngest => c.signed.map(date),
                    Kind::Highest | Kind::Lowest => c.elevation_m,
                    Kind::Northernmost | Kind::Southernmost => Some(c.lat),
                    Kind::Easternmost | Kind::Westernmost => Some(c.lon),
                    Kind::ClosestToEquator => Some(c.lat.abs()),
                    Kind::MostPopulous | Kind::LeastPopulous => c.population.map(|p| p as f64),
                    Kind::Largest | Kind::Smallest => c.area_km2,
                    Kind::Densest => match (c.population, c.area_km2) {
                        (Some(p), Some(a)) => Some(p as f64 / a),
                        _ => None,
                    },
                }
            };
            let largest = matches!(kind, Kind::Farthest | Kind::Youngest | Kind::Highest
                | Kind::Northernmost | Kind::Easternmost | Kind::MostPopulous
                | Kind::Largest | Kind::Densest);
            let mut best: Option<(f64, &City)> = None;
            for c in &cities {
                let Some(v) = value(c) else { continue };
                let better = match best {
                    None => true,
                    Some((b, bc)) if v == b => fold(&c.name) < fold(&bc.name),
                    Some((b, _)) => if largest { v > b } else { v < b },
                };
                if better { best = Some((v, c)); }
            }
            match best {
                None => prop_assert!(got.is_empty(), "{kind}: a record from unknowns"),
                Some((v, c)) => {
                    prop_assert_eq!(&got[0].city.name, &c.name, "{}", kind);
                    match got[0].measure {
                        Measure::Number(x) => prop_assert!((x - v).abs() <= 1e-9 * v.abs().max(1.0)),
                        Measure::Count(n) => prop_assert_eq!(n as f64, v),
                        Measure::Date(_) => {}
                    }
                }
            }
        }
    }

    #[test]
    fn csv_tsv_json_and_ndjson_round_trips_lose_nothing(cities in dataset()) {
        for format in [Format::Csv, Format::Json, Format::Ndjson, Format::Tsv] {
            let text = match format {
                // TSV with every column of a data file.
                Format::Tsv => every_column_as_tsv(&cities),
                _ => written(&cities, format),
            };
            let again = load(text.as_bytes(), "again");
            prop_assert!(again.is_ok(), "{:?}: {}", format, again.unwrap_err());
            prop_assert_eq!(again.unwrap(), cities.clone(), "{:?}", format);
        }
    }
}
