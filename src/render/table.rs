//! Tables for people: aligned, units in the headers, unknowns as a dash, fitted to the
//! terminal's width: on a narrow terminal the least important columns are left out
//! (and said so) so that no value is split, and only free text wraps, between its
//! words. Where even the most important columns cannot fit, the table wraps as it can.

use comfy_table::{
    Attribute, Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, Table, Width,
    presets,
};

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::grid::{Grid, Keep, Shape};

/// The width a two-column table of long texts wraps at when there is no terminal to
/// measure (`--format table` into a pipe) and no `$COLUMNS`.
const CARD_WIDTH: u16 = 120;

/// The width a terminal that reports no size (0×0, under `script` and in some CI jobs)
/// is taken to have when `$COLUMNS` does not say.
const TERMINAL_WIDTH: u16 = 80;

/// The width to fit: the terminal's; `$COLUMNS`, then 80, for a terminal that reports
/// no size; `$COLUMNS` or none (the natural width) without a terminal.
fn width(table: &Table) -> Option<u16> {
    let columns = || {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse::<u16>().ok())
            .filter(|w| *w > 0)
    };
    match table.width() {
        Some(width) if width > 0 => Some(width),
        Some(_) => Some(columns().unwrap_or(TERMINAL_WIDTH)),
        None => columns(),
    }
}

/// A table in the house style, set to the width to fit.
fn new_table(colour: bool) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners())
        .set_content_arrangement(ContentArrangement::Dynamic);
    if colour {
        table.enforce_styling();
    }
    if let Some(width) = width(&table) {
        table.set_width(width);
    }
    table
}

/// A cell, coloured where colour helps: ended partnerships red, suspended ones yellow,
/// unknown values dim.
fn cell(text: &str, colour: bool) -> Cell {
    let paint = match text {
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
/// Columns that do not fit the width are left out, the least important first, unless
/// `wide`; which ones is said once on standard error.
pub fn write(grid: &Grid, colour: bool, wide: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut rows: Vec<Vec<String>> = Vec::with_capacity(grid.rows.len());
    for i in 0..grid.rows.len() {
        grid.row(i, |cells, _| {
            // Escaped before they are measured: an escape is as wide as it is shown.
            rows.push(cells.iter().map(|v| escaped(&v.pretty())).collect());
            Ok(())
        })?;
    }
    let table = match grid.shape {
        Shape::Card => card(grid, rows.first().map_or(&[][..], Vec::as_slice), colour),
        Shape::List | Shape::Object => rows_table(grid, &rows, colour, wide),
    };
    writeln!(out, "{table}")
}

fn rows_table(grid: &Grid, rows: &[Vec<String>], colour: bool, wide: bool) -> Table {
    let mut table = new_table(colour);
    let least = least_widths(grid, rows);
    let shown = match table.width() {
        Some(width) if !wide => fitting(grid, &least, usize::from(width)),
        _ => (0..grid.columns.len()).collect(),
    };
    let left_out: Vec<&str> = (0..grid.columns.len())
        .filter(|i| !shown.contains(i))
        .map(|i| grid.columns[i].key)
        .collect();
    if !left_out.is_empty() {
        crate::output::stderr(&format!(
            "krakow-partners: {} left out to fit {} columns (--wide or --fields shows them)",
            left_out.join(", "),
            table.width().unwrap_or(TERMINAL_WIDTH)
        ));
    }
    table.set_header(
        shown
            .iter()
            .map(|&i| header(grid.columns[i].header, colour)),
    );
    for row in rows {
        table.add_row(shown.iter().map(|&i| cell(&row[i], colour)));
    }
    for (at, &i) in shown.iter().enumerate() {
        if let (true, Some(column)) = (grid.columns[i].numeric, table.column_mut(at)) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    // A value is never split: each column is at least as wide as its widest value
    // (its longest word, for text that may wrap), where the width allows.
    let needed: usize = shown.iter().map(|&i| least[i] + 3).sum::<usize>() + 1;
    if table
        .width()
        .is_none_or(|width| needed <= usize::from(width))
    {
        table.set_constraints(
            shown
                .iter()
                .map(|&i| ColumnConstraint::LowerBoundary(Width::Fixed(fixed(least[i] + 2)))),
        );
    }
    table
}

/// Each column's least width: its widest value, or, for text that may wrap, its longest
/// word; a header may wrap between its words.
fn least_widths(grid: &Grid, rows: &[Vec<String>]) -> Vec<usize> {
    let longest_word = |text: &str| text.split_whitespace().map(UnicodeWidthStr::width).max();
    let widest_line = |text: &str| text.lines().map(UnicodeWidthStr::width).max();
    grid.columns
        .iter()
        .enumerate()
        .map(|(i, col)| {
            let values = rows.iter().map(|row| row[i].as_str());
            let value = if col.wrap {
                values.filter_map(longest_word).max()
            } else {
                values.filter_map(widest_line).max()
            };
            value.max(longest_word(col.header)).unwrap_or(1)
        })
        .collect()
}

/// The columns to show in `width`: every one if they fit; else the most important
/// first, each that still fits, in their own order.
fn fitting(grid: &Grid, least: &[usize], width: usize) -> Vec<usize> {
    // Each column also takes two spaces of padding and one border; the table one more.
    let cost = |i: usize| least[i] + 3;
    let all: usize = (0..least.len()).map(cost).sum::<usize>() + 1;
    if all <= width {
        return (0..least.len()).collect();
    }
    let mut by_importance: Vec<usize> = (0..least.len()).collect();
    by_importance.sort_by_key(|&i| std::cmp::Reverse(grid.columns[i].keep));
    let mut used = 1;
    let mut shown = Vec::new();
    for i in by_importance {
        let always = grid.columns[i].keep == Keep::Always;
        if always || used + cost(i) <= width {
            used += cost(i);
            shown.push(i);
        }
    }
    shown.sort_unstable();
    shown
}

/// A two-column table of labels and their values, for one city.
fn card(grid: &Grid, values: &[String], colour: bool) -> Table {
    let mut table = new_table(colour);
    if table.width().is_none() {
        // Notes run to a thousand characters: wrap them even into a pipe.
        table.set_width(CARD_WIDTH);
    }
    for (col, value) in grid.columns.iter().zip(values) {
        table.add_row([header(col.header, colour), cell(value, colour)]);
    }
    table
}

/// Data never reaches the terminal raw: escape sequences are shown, not obeyed.
fn escaped(text: &str) -> String {
    crate::terminal::escape(text, true).into_owned()
}

/// A width as comfy-table takes it.
fn fixed(width: usize) -> u16 {
    u16::try_from(width).unwrap_or(u16::MAX)
}
