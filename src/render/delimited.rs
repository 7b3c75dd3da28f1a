//! CSV and TSV: a header line of field keys, then one line per row.

use super::Grid;

/// The grid as delimited text; unknown values are empty cells.
pub fn render(grid: &Grid, delimiter: u8) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(&grid.keys);
    for row in &grid.rows {
        let _ = writer.write_record(row.iter().map(|v| v.plain()));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// `key<TAB>value` lines, for one city in TSV.
pub fn pairs(pairs: &[(String, String)]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .from_writer(Vec::new());
    for (key, value) in pairs {
        let _ = writer.write_record([key, value]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
