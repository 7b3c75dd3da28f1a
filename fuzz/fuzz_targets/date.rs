//! Any text as a partial date: never a panic, and a date that parses prints back as
//! the same date.
#![no_main]

use krakow_partners::fuzzing;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| fuzzing::date(data));
