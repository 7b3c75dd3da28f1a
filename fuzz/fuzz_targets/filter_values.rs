//! Any text as a filter value (continent, agreement, status, field, record, a city's
//! name): never a panic.
#![no_main]

use krakow_partners::fuzzing;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| fuzzing::filter_values(data));
