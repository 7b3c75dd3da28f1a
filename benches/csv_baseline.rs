//! The floor to measure against: the csv crate alone deserialising every row into a
//! struct of the dataset's columns (serde derive), with no validation, then counting
//! them. `cargo run --release --example csv_baseline -- FILE`.

use std::process::ExitCode;

#[derive(serde::Deserialize)]
#[allow(dead_code)] // the fields are read to be paid for, not used
struct Row {
    name: String,
    name_pl: Option<String>,
    name_local: Option<String>,
    aliases: Option<String>,
    country: String,
    country_code: String,
    continent: String,
    capital: bool,
    agreement: String,
    signed: Option<String>,
    status: String,
    status_since: Option<String>,
    lat: f64,
    lon: f64,
    population: Option<u64>,
    population_year: Option<i32>,
    area_km2: Option<f64>,
    elevation_m: Option<f64>,
    sources: String,
    notes: Option<String>,
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        return ExitCode::from(2);
    };
    let Ok(mut reader) = csv::Reader::from_path(&path) else {
        return ExitCode::from(1);
    };
    let rows: Result<Vec<Row>, _> = reader.deserialize().collect();
    match rows {
        Ok(rows) => {
            std::hint::black_box(&rows);
            let _ = std::io::Write::write_all(
                &mut std::io::stdout(),
                format!("{}\n", rows.len()).as_bytes(),
            );
            ExitCode::SUCCESS
        }
        Err(_) => ExitCode::from(1),
    }
}
