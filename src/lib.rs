//! krakow-partners: the City of Kraków's international partner cities, as typed records
//! with commands to filter, rank and print them.
//!
//! Data flows one way: [`dataset`] loads and validates, [`filter`] chooses,
//! [`records`] computes, [`render`] prints.

pub mod city;
pub mod cli;
pub mod commands;
pub mod csv_rows;
pub mod dataset;
pub mod error;
pub mod fields;
pub mod filter;
#[doc(hidden)]
pub mod fuzzing;
pub mod geo;
pub mod map;
pub mod output;
pub mod parallel;
pub mod records;
pub mod render;
pub mod stats;
pub mod suggest;
pub mod terminal;
