//! The integration tests, one test binary: the real `krakow-partners` binary run end to
//! end, one module per command plus modules for what spans commands.

mod browser;
mod common;

mod accepts;
mod atlas;
mod charts;
mod completions;
mod conditions;
mod data;
mod distance;
mod list;
mod man;
mod map;
mod map_formats;
mod map_html;
mod records;
mod show;
mod stats;
mod tables;
mod timeline;
mod validate;

mod brought;
mod faults;
mod formats;
mod fuzz_corpus;
mod hand_made;
mod json_data;
mod loading;
mod properties;
mod provenance;
mod questions;
mod readme;
mod seed;
mod tools;
