//! Tables for people: aligned, units in the headers, unknowns as a dash, fitted to the
//! terminal's width by wrapping long cells.

use comfy_table::{CellAlignment, ContentArrangement, Table, presets};

use super::Grid;

/// The width a two-column table of long texts wraps at when there is no terminal to
/// measure (`--format table` into a pipe): `$COLUMNS` if set, else 120.
const DEFAULT_WIDTH: u16 = 120;

/// A table in the house style that fits the terminal's width by wrapping long cells.
/// Without a terminal it fits `$COLUMNS` if set, else it keeps its natural width.
fn new_table() -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners())
        .set_content_arrangement(ContentArrangement::Dynamic);
    if table.width().is_none()
        && let Some(columns) = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok())
    {
        table.set_width(columns);
    }
    table
}

pub fn render(grid: &Grid) -> String {
    let mut table = new_table();
    table.set_header(grid.headers.clone());
    for row in &grid.rows {
        table.add_row(row.iter().map(|v| v.pretty()));
    }
    for (i, numeric) in grid.numeric.iter().enumerate() {
        if let (true, Some(column)) = (*numeric, table.column_mut(i)) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    let mut text = table.to_string();
    text.push('\n');
    text
}

/// A two-column table of labels and their values, for one city.
pub fn pairs(pairs: &[(String, String)]) -> String {
    let mut table = new_table();
    if table.width().is_none() {
        // Notes run to a thousand characters: wrap them even into a pipe.
        table.set_width(DEFAULT_WIDTH);
    }
    for (label, value) in pairs {
        table.add_row([label, value]);
    }
    let mut text = table.to_string();
    text.push('\n');
    text
}
