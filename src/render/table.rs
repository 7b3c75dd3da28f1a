//! Tables for people: aligned, units in the headers, unknowns as a dash, fitted to the
//! terminal's width by wrapping long cells.

use comfy_table::{CellAlignment, ContentArrangement, Table, presets};

use super::Grid;

pub fn render(grid: &Grid) -> String {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners())
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(grid.headers.clone());
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
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners())
        .set_content_arrangement(ContentArrangement::Dynamic);
    for (label, value) in pairs {
        table.add_row([label, value]);
    }
    let mut text = table.to_string();
    text.push('\n');
    text
}
