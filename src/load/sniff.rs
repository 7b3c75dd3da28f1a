//! Which format a data file is in, from its first bytes.

/// The formats a data file can be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Csv,
    Json,
}

/// The file's text without a UTF-8 byte order mark.
pub fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// JSON when the first character that is not white space is `[` or `{`, else CSV.
pub fn sniff(bytes: &[u8]) -> Kind {
    match without_bom(bytes).iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[' | b'{') => Kind::Json,
        _ => Kind::Csv,
    }
}
