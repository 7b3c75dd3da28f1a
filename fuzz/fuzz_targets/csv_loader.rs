//! Any bytes as a CSV data file: never a panic, and what loads writes back as CSV and
//! loads again unchanged.
#![no_main]

use krakow_partners::fuzzing;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| fuzzing::csv_loader(data));
