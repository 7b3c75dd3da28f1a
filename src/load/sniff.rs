//! Which format a data file is in (CSV, TSV, `;`-separated, JSON, GeoJSON or nothing): by its content, with its name's extension as a hint
//! where the content alone does not tell.

use std::path::Path;

/// The formats a data file can be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Comma- or tab-separated values with a header line.
    Delimited(Dialect),
    /// A JSON array of city objects, or objects one after another (NDJSON).
    Json,
    /// A GeoJSON FeatureCollection, as `--format geojson` writes it.
    GeoJson,
    /// Values separated by `;`, as a spreadsheet in a Polish (or German, French…)
    /// locale saves "CSV", with decimal commas: rewritten as CSV before it is read.
    Semicolons,
    /// Nothing but white space: an empty dataset.
    Empty,
}

/// How the fields of a delimited file are separated and written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// RFC 4180: commas, fields quoted where they need it.
    Csv,
    /// text/tab-separated-values: tabs, never quoted, `\t` `\n` `\r` `\\` escaped.
    Tsv,
}

/// The file's text without a UTF-8 byte order mark.
pub fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// The kind of the file called `name`: JSON when its first character that is not
/// white space is `[` or `{`, or when its name ends in `.json` (so that a broken JSON
/// file is told what is wrong with it as JSON); else TSV when its first line has more
/// tabs than commas, CSV when more commas than tabs, and by the name's extension when
/// neither (a header of one column); semicolon-separated when it has more `;` than
/// either (the tool's own CSV has `;` only inside its quoted lists, past the header).
pub fn sniff(bytes: &[u8], name: &str) -> Kind {
    let text = without_bom(bytes);
    let extension = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let named = |extensions: &[&str]| {
        extension
            .as_deref()
            .is_some_and(|e| extensions.contains(&e))
    };
    if named(&["geojson"]) || is_feature_collection(text) {
        return Kind::GeoJson;
    }
    match text.iter().find(|b| !b.is_ascii_whitespace()) {
        None => return Kind::Empty,
        Some(b'[' | b'{') => return Kind::Json,
        Some(_) if named(&["json", "ndjson", "jsonl"]) => return Kind::Json,
        Some(_) => {}
    }
    let first_line = &text[..memchr::memchr(b'\n', text).unwrap_or(text.len())];
    let count = |byte| memchr::memchr_iter(byte, first_line).count();
    let (tabs, commas) = (count(b'\t'), count(b','));
    if count(b';') > tabs.max(commas) {
        return Kind::Semicolons;
    }
    let dialect = match tabs.cmp(&commas) {
        std::cmp::Ordering::Greater => Dialect::Tsv,
        std::cmp::Ordering::Less => Dialect::Csv,
        std::cmp::Ordering::Equal if named(&["tsv", "tab"]) => Dialect::Tsv,
        std::cmp::Ordering::Equal => Dialect::Csv,
    };
    Kind::Delimited(dialect)
}

/// Whether the text begins `{"type": "FeatureCollection"` (white space allowed between
/// the tokens), as GeoJSON written by this tool and by most GIS tools does.
fn is_feature_collection(text: &[u8]) -> bool {
    let mut rest = text;
    for token in [&b"{"[..], b"\"type\"", b":", b"\"FeatureCollection\""] {
        rest = rest.trim_ascii_start();
        match rest.strip_prefix(token) {
            Some(after) => rest = after,
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_tells_and_the_name_hints() {
        let csv = Kind::Delimited(Dialect::Csv);
        let tsv = Kind::Delimited(Dialect::Tsv);
        assert_eq!(sniff(b"name,country\nA,B\n", "a.txt"), csv);
        assert_eq!(sniff(b"\xEF\xBB\xBFname\tcountry\n", "<stdin>"), tsv);
        // The content wins over a name that says otherwise.
        assert_eq!(sniff(b"name\tcountry\n", "out.csv"), tsv);
        assert_eq!(sniff(b" [\n]", "a.csv"), Kind::Json);
        assert_eq!(sniff(b"{\"name\": 1}\n{}", "-"), Kind::Json);
        // A broken JSON file is JSON still.
        assert_eq!(sniff(b"not json at all {", "bad.json"), Kind::Json);
        assert_eq!(sniff(b"name,country\n", "x.JSON"), Kind::Json);
        // Excel's CSV in a Polish locale.
        assert_eq!(
            sniff(b"name;country;lat;lon\nA;Poland;50,06;19,94\n", "a.csv"),
            Kind::Semicolons
        );
        assert_eq!(sniff(b"name,aliases\nA,\"B;C;D\"\n", "a.csv"), csv);
        // One column: the name decides.
        assert_eq!(sniff(b"name\n", "a.tsv"), tsv);
        assert_eq!(sniff(b"name\n", "a"), csv);
        let collection = b"{\n  \"type\": \"FeatureCollection\",\n  \"features\": []}";
        assert_eq!(sniff(collection, "-"), Kind::GeoJson);
        assert_eq!(
            sniff(b"{\"type\":\"FeatureCollection\"}", "a.json"),
            Kind::GeoJson
        );
        assert_eq!(sniff(b"{\"type\": \"Feature\"}", "-"), Kind::Json);
        assert_eq!(sniff(b"{}", "a.geojson"), Kind::GeoJson);
        for empty in [&b""[..], b"\n\r\n  ", b"\xEF\xBB\xBF"] {
            assert_eq!(sniff(empty, "a.csv"), Kind::Empty);
        }
    }
}
