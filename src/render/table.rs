//! Tables for people: aligned, units in the headers, unknowns as a dash, fitted to the
//! terminal's width by wrapping long cells.

use comfy_table::{
    Attribute, Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Table, Width,
    presets,
};

use super::Grid;

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
fn cell(text: String, colour: bool) -> Cell {
    // Data never reaches the terminal raw: escape sequences are shown, not obeyed.
    let text = crate::terminal::escape(&text, true).into_owned();
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

pub fn render(grid: &Grid, colour: bool) -> String {
    let mut table = new_table(colour);
    table.set_header(grid.headers.iter().map(|h| header(h, colour)));
    for row in &grid.rows {
        table.add_row(row.iter().map(|v| cell(v.pretty(), colour)));
    }
    for (i, numeric) in grid.numeric.iter().enumerate() {
        if let (true, Some(column)) = (*numeric, table.column_mut(i)) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    keep_words_whole(&mut table, grid);
    let mut text = table.to_string();
    text.push('\n');
    text
}

/// A two-column table of labels and their values, for one city.
pub fn pairs(pairs: &[(String, String)], colour: bool) -> String {
    let mut table = new_table(colour);
    if table.width().is_none() {
        // Notes run to a thousand characters: wrap them even into a pipe.
        table.set_width(DEFAULT_WIDTH);
    }
    for (label, value) in pairs {
        table.add_row([header(label, colour), cell(value.clone(), colour)]);
    }
    let mut text = table.to_string();
    text.push('\n');
    text
}

/// Asks the table to wrap between words rather than inside them ("Population", not
/// "Populati/on") where the terminal is wide enough for every column's longest word;
/// on a narrower one the table wraps as best it can.
fn keep_words_whole(table: &mut Table, grid: &Grid) {
    let longest_word = |i: usize| {
        std::iter::once(grid.headers[i].to_string())
            .chain(grid.rows.iter().map(|row| row[i].pretty()))
            .flat_map(|cell| cell.split_whitespace().map(|w| w.chars().count()).max())
            .max()
            .unwrap_or(1)
    };
    let words: Vec<usize> = (0..grid.headers.len()).map(longest_word).collect();
    // Each column also takes two spaces of padding and one border.
    let needed: usize = words.iter().map(|w| w + 3).sum::<usize>() + 1;
    if table
        .width()
        .is_some_and(|width| needed <= usize::from(width))
    {
        table.set_constraints(
            words
                .iter()
                .map(|w| ColumnConstraint::LowerBoundary(Width::Fixed(*w as u16 + 2))),
        );
    }
}
