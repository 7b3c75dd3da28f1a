//! Tables for people: aligned, units in the headers, unknowns as a dash, fitted to the
//! terminal's width by wrapping long cells.

use comfy_table::{
    Attribute, Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Table, Width,
    presets,
};

use std::io::{self, Write};

use super::grid::{Grid, Shape};
use crate::value::Value;

/// The width a two-column table of long texts wraps at when there is no terminal to
/// measure (`--format table` into a pipe): `$COLUMNS` if set, else 120.
const DEFAULT_WIDTH: u16 = 120;

/// A table in the house style that fits the terminal's width by wrapping long cells.
/// Without a terminal it fits `$COLUMNS` if set, else it keeps its natural width.
fn new_table(colour: bool) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners())
        .set_content_arrangement(ContentArrangement::Dynamic);
    if colour {
        table.enforce_styling();
    }
    if table.width().is_none()
        && let Some(columns) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok())
    {
        table.set_width(columns);
    }
    table
}

/// A cell, coloured where colour helps: ended partnerships red, suspended ones yellow,
/// unknown values dim.
fn cell(text: &str, colour: bool) -> Cell {
    // Data never reaches the terminal raw: escape sequences are shown, not obeyed.
    let text = crate::terminal::escape(text, true).into_owned();
    let paint = match text.as_str() {
        _ if !colour => None,
        "ended" => Some(Color::Red),
        "suspended" => Some(Color::Yellow),
        "-" => Some(Color::DarkGrey),
        _ => None,
    };
    match paint {
        Some(c) => Cell::new(text).fg(c),
        None => Cell::new(text),
    }
}

fn header(text: &str, colour: bool) -> Cell {
    let cell = Cell::new(crate::terminal::escape(text, false));
    if colour {
        cell.add_attribute(Attribute::Bold).fg(Color::Cyan)
    } else {
        cell
    }
}

/// The grid as a table for people; a card as a two-column table of labels and values.
pub fn write(grid: &Grid, colour: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut rows: Vec<Vec<String>> = Vec::with_capacity(grid.rows.len());
    for i in 0..grid.rows.len() {
        grid.row(i, |cells, _| {
            rows.push(cells.iter().map(Value::pretty).collect());
            Ok(())
        })?;
    }
    let table = match grid.shape {
        Shape::Card => card(grid, rows.first().map_or(&[][..], Vec::as_slice), colour),
        Shape::List | Shape::Object => rows_table(grid, &rows, colour),
    };
    writeln!(out, "{table}")
}

fn rows_table(grid: &Grid, rows: &[Vec<String>], colour: bool) -> Table {
    let mut table = new_table(colour);
    table.set_header(grid.columns.iter().map(|c| header(c.header, colour)));
    for row in rows {
        table.add_row(row.iter().map(|text| cell(text, colour)));
    }
    for (i, col) in grid.columns.iter().enumerate() {
        if let (true, Some(column)) = (col.numeric, table.column_mut(i)) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    let headers: Vec<&str> = grid.columns.iter().map(|c| c.header).collect();
    keep_words_whole(&mut table, &headers, rows);
    table
}

/// A two-column table of labels and their values, for one city.
fn card(grid: &Grid, values: &[String], colour: bool) -> Table {
    let mut table = new_table(colour);
    if table.width().is_none() {
        // Notes run to a thousand characters: wrap them even into a pipe.
        table.set_width(DEFAULT_WIDTH);
    }
    for (col, value) in grid.columns.iter().zip(values) {
        table.add_row([header(col.header, colour), cell(value, colour)]);
    }
    table
}

/// Asks the table to wrap between words rather than inside them ("Population", not
/// "Populati/on") where the terminal is wide enough for every column's longest word;
/// on a narrower one the table wraps as best it can.
fn keep_words_whole(table: &mut Table, headers: &[&str], rows: &[Vec<String>]) {
    let longest_word = |i: usize| {
        std::iter::once(headers[i])
            .chain(rows.iter().map(|row| row[i].as_str()))
            .flat_map(|cell| cell.split_whitespace().map(|w| w.chars().count()).max())
            .max()
            .unwrap_or(1)
    };
    let words: Vec<usize> = (0..headers.len()).map(longest_word).collect();
    // Each column also takes two spaces of padding and one border.
    let needed: usize = words.iter().map(|w| w + 3).sum::<usize>() + 1;
    if table
        .width()
        .is_some_and(|width| needed <= usize::from(width))
    {
        table.set_constraints(
            words
                .iter()
                .map(|w| ColumnConstraint::LowerBoundary(Width::Fixed(fixed(w + 2)))),
        );
    }
}

/// A width as comfy-table takes it.
fn fixed(width: usize) -> u16 {
    u16::try_from(width).unwrap_or(u16::MAX)
}
