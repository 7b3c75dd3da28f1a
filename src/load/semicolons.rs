//! `;`-separated files, as a spreadsheet in a Polish (German, French…) locale saves
//! "CSV": rewritten as the tool's CSV before they are read, `;` between fields becoming
//! `,` and a decimal comma in a number column (`50,06`) a point. Each row stays on its
//! own line, so problems are reported at the lines of the file as given. A list
//! column (`aliases`, `sources`) keeps `;` between its items: in such a file it must be
//! quoted, as the spreadsheet does.

use crate::columns::{COLUMNS, Type};

/// The file rewritten as comma-separated values, line for line.
pub fn to_csv(bytes: &[u8]) -> Vec<u8> {
    let text = super::sniff::without_bom(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(text);
    let mut out = Vec::with_capacity(text.len());
    let mut numbers: Vec<bool> = Vec::new();
    // The line the next row is written on, and the line of the file's byte `read`.
    let (mut written, mut line, mut read) = (1, 1, 0);
    let mut record = csv::ByteRecord::new();
    // What the csv crate cannot read ends the rewriting: the loader then reports the
    // rows it lacks, rather than rows made up.
    while let Ok(true) = reader.read_byte_record(&mut record) {
        // Blank lines the reader skips are kept, so line numbers stay the file's.
        // (A record's position is where the reader began it: before the blank lines
        // it skipped.)
        let mut at = record
            .position()
            .map_or(read, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX))
            .min(text.len());
        while matches!(text.get(at), Some(b'\n' | b'\r')) {
            at += 1;
        }
        line += super::lines::ends(&text[read..at]);
        read = at;
        while written < line {
            out.push(b'\n');
            written += 1;
        }
        if numbers.is_empty() {
            numbers = record.iter().map(is_number_column).collect();
        }
        for (i, field) in record.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            match numbers.get(i).copied().unwrap_or(false) {
                true => quoted(&decimal_point(field), &mut out),
                false => quoted(field, &mut out),
            }
            written += super::lines::ends(field);
        }
        out.push(b'\n');
        written += 1;
    }
    out
}

/// A CSV field, quoted where it needs it (RFC 4180).
fn quoted(field: &[u8], out: &mut Vec<u8>) {
    if !field
        .iter()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
    {
        out.extend_from_slice(field);
        return;
    }
    out.push(b'"');
    for &b in field {
        if b == b'"' {
            out.push(b'"');
        }
        out.push(b);
    }
    out.push(b'"');
}

/// Whether a header's field names a column of decimal numbers.
fn is_number_column(header: &[u8]) -> bool {
    let key = String::from_utf8_lossy(header);
    COLUMNS
        .iter()
        .any(|c| c.key == crate::city::trim(&key) && c.ty == Type::Number)
}

/// `50,06` as `50.06`; anything else as it is (the column's rule judges it).
fn decimal_point(field: &[u8]) -> Vec<u8> {
    let text = field.trim_ascii();
    let digits = |part: &[u8]| !part.is_empty() && part.iter().all(u8::is_ascii_digit);
    let unsigned = text.strip_prefix(b"-").unwrap_or(text);
    match unsigned.iter().position(|&b| b == b',') {
        Some(comma) if digits(&unsigned[..comma]) && digits(&unsigned[comma + 1..]) => field
            .iter()
            .map(|&b| if b == b',' { b'.' } else { b })
            .collect(),
        _ => field.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &str) -> String {
        String::from_utf8(to_csv(text.as_bytes())).unwrap()
    }

    #[test]
    fn semicolons_become_commas_and_decimal_commas_points_in_number_columns() {
        assert_eq!(
            csv("name;country;lat;lon\r\nA, the city;PL;50,06;-19,94\r\n"),
            "name,country,lat,lon\n\"A, the city\",PL,50.06,-19.94\n"
        );
        // Lists keep their `;` inside quotes; other columns keep their commas.
        assert_eq!(
            csv("name;aliases;notes;lat;lon\n\"Kyiv\";\"Kiev;Kiew\";1,5 km;1,2,3;1\n"),
            "name,aliases,notes,lat,lon\nKyiv,Kiev;Kiew,\"1,5 km\",\"1,2,3\",1\n"
        );
    }

    #[test]
    fn each_row_stays_on_its_line() {
        assert_eq!(
            csv("name;lat\n\nA;\"two\nlines\"\n\nB;1,5\n"),
            "name,lat\n\nA,\"two\nlines\"\n\nB,1.5\n"
        );
    }
}
