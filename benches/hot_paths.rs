//! Criterion benches of the library's hot paths on 10 000 generated cities:
//! loading and validating, filtering and sorting, records, rendering JSON and tables
//! (and a table of one very long name), and the distance itself. `cargo bench --bench hot_paths`.

use std::hint::black_box;
use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};
use krakow_partners::{
    Answer, Continent, Field, Filter, Format, Kind, Picks, View, from_krakow_km, load, records,
    sort, write,
};

/// 10 000 rows from the deterministic generator.
fn data() -> Vec<u8> {
    let out = Command::new(env!("CARGO"))
        .args([
            "run",
            "--quiet",
            "--release",
            "--example",
            "generate",
            "--",
            "10000",
        ])
        .output()
        .expect("the generator runs");
    assert!(out.status.success());
    out.stdout
}

fn benches(c: &mut Criterion) {
    let bytes = data();
    let cities = load(&bytes, "bench.csv").expect("generated data is valid");

    c.bench_function("load and validate 10k rows", |b| {
        b.iter(|| load(black_box(&bytes), "bench.csv").unwrap())
    });
    c.bench_function("filter europe and sort by name, 10k", |b| {
        let filter = Filter {
            continents: Picks::only(vec![Continent::Europe]),
            all: true,
            ..Filter::default()
        };
        b.iter(|| {
            let mut chosen = filter.apply(black_box(cities.clone())).unwrap();
            sort(&mut chosen, Field::Name, false);
            chosen
        })
    });
    c.bench_function("records highest and northernmost, 10k", |b| {
        b.iter(|| records(black_box(&cities), &[Kind::Highest, Kind::Northernmost], 1).len())
    });
    c.bench_function("records nearest and farthest, 10k", |b| {
        b.iter(|| records(black_box(&cities), &[Kind::Nearest, Kind::Farthest], 1).len())
    });
    c.bench_function("render 10k cities as JSON", |b| {
        let answer = Answer::Cities(cities.clone());
        b.iter(|| {
            let mut out = Vec::new();
            write(black_box(&answer), &View::new(Format::Json), &mut out).unwrap();
            out.len()
        })
    });
    c.bench_function("render 10k cities as a table", |b| {
        let answer = Answer::Cities(cities.clone());
        b.iter(|| {
            let mut out = Vec::new();
            write(black_box(&answer), &View::new(Format::Table), &mut out).unwrap();
            out.len()
        })
    });
    // Laying out a value takes time in proportion to its length: these three should
    // grow as 1 : 4 : 8 (comfy-table took 6 s for 500 KB and 22 s for 1 MB).
    for (label, size) in [
        ("125 KB", 125_000),
        ("500 KB", 500_000),
        ("1 MB", 1_000_000),
    ] {
        let csv = format!("name,country,lat,lon\n{},Poland,50,20\n", "Q".repeat(size));
        let one = load(csv.as_bytes(), "long.csv").expect("one long name is valid");
        let answer = Answer::Cities(one);
        c.bench_function(&format!("render a table of one {label} name"), |b| {
            b.iter(|| {
                let mut out = Vec::new();
                write(black_box(&answer), &View::new(Format::Table), &mut out).unwrap();
                out.len()
            })
        });
    }
    c.bench_function("geodesic distance, one city", |b| {
        b.iter(|| from_krakow_km(black_box(-29.9078), black_box(-71.2542)))
    });
}

criterion_group!(hot_paths, benches);
criterion_main!(hot_paths);
