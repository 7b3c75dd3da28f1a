//! Any bytes as a JSON data file: never a panic, and what loads writes back as JSON and
//! loads again unchanged.
#![no_main]

use krakow_partners::fuzzing;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| fuzzing::json_loader(data));
