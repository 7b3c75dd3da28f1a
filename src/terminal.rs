//! Keeping data from taking over a terminal: control characters, escape sequences,
//! bidirectional controls and invisible characters in a data file are shown escaped,
//! never sent raw. Every table, terminal text, message and the map go through
//! [`escape`]; JSON writes the same characters as `\u` escapes (see [`is_unsafe`]).

use std::borrow::Cow;

/// Whether a character could move the cursor, recolour or retitle a terminal, reorder
/// the text around it, or hide in it: C0 and C1 controls and DEL; bidirectional marks,
/// embeddings, overrides and isolates; zero-width and other invisible characters
/// (a byte order mark, a soft hyphen, line and paragraph separators).
pub fn is_unsafe(c: char) -> bool {
    c.is_control() // C0, DEL and the C1 codes U+0080–U+009F
        || matches!(c,
            '\u{00ad}' | '\u{061c}' | '\u{17b4}' | '\u{17b5}' | '\u{180e}' | '\u{180f}'
            | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}'
            | '\u{3164}' | '\u{feff}' | '\u{ffa0}' | '\u{fff9}'..='\u{fffb}'
            | '\u{1bca0}'..='\u{1bca3}' | '\u{1d173}'..='\u{1d17a}' | '\u{e0000}'..='\u{e007f}')
}

/// Whether the text may hold an unsafe character (`false` is sure): every one is a
/// control, DEL, or starts with one of a few UTF-8 lead bytes, so most text is told
/// by one pass over its bytes, without decoding a character.
pub fn may_be_unsafe(text: &str) -> bool {
    text.bytes().any(|b| MAY_START_UNSAFE[usize::from(b)])
}

/// The bytes an unsafe character's UTF-8 may start with: a table, so a text is judged
/// a byte a step.
pub const MAY_START_UNSAFE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b < 0x20
            || matches!(
                b,
                0x7f | 0xc2 | 0xd8 | 0xe1 | 0xe2 | 0xe3 | 0xef | 0xf0 | 0xf3
            );
        b += 1;
    }
    table
};

/// The text with every unsafe character written as an escape: `\x1b` below U+0080,
/// `\u{202e}` above. Line breaks are kept where `keep_newlines` is set (table cells).
pub fn escape(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| is_unsafe(c) && !(keep_newlines && c == '\n');
    if !may_be_unsafe(text) || !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !unsafe_char(c) {
            out.push(c);
        } else if (c as u32) < 0x80 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
    }
    Cow::Owned(out)
}

/// A value quoted in a message: escaped, and cut short if long, so a message stays one
/// readable line whatever the data holds.
pub fn quote(text: &str) -> String {
    const LONGEST: usize = 60;
    let escaped = escape(text, false);
    if escaped.chars().count() <= LONGEST {
        return escaped.into_owned();
    }
    let cut: String = escaped.chars().take(LONGEST).collect();
    format!("{cut}… ({} characters)", text.chars().count())
}

/// A CSV cell a spreadsheet would run as a formula, made inert with a leading `'`.
pub fn guard_formula(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_unsafe_character_starts_with_a_byte_the_quick_look_sees() {
        for c in (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|c| super::is_unsafe(*c))
        {
            assert!(
                super::may_be_unsafe(c.encode_utf8(&mut [0; 4])),
                "{:x}",
                c as u32
            );
        }
        assert!(!super::may_be_unsafe("Kraków, Київ, 京都, Łódź"));
    }

    use super::*;

    #[test]
    fn escapes_what_a_terminal_would_obey() {
        assert_eq!(escape("plain Kraków", false), "plain Kraków");
        assert_eq!(escape("\u{1b}[31mred", false), "\\x1b[31mred");
        assert_eq!(escape("\u{1b}]0;title\u{7}", false), "\\x1b]0;title\\x07");
        assert_eq!(escape("a\u{9b}b", false), "a\\u{9b}b");
        assert_eq!(escape("\u{202e}evil", false), "\\u{202e}evil");
        assert_eq!(escape("two\nlines", true), "two\nlines");
        assert_eq!(escape("two\nlines", false), "two\\x0alines");
        assert_eq!(escape("\u{feff}name", false), "\\u{feff}name");
        assert_eq!(escape("euro\u{200b}pe", false), "euro\\u{200b}pe");
        assert_eq!(escape("a\u{2066}b\u{061c}", false), "a\\u{2066}b\\u{61c}");
        assert_eq!(escape("del\u{7f}", false), "del\\x7f");
        assert_eq!(escape("line\u{2028}sep", false), "line\\u{2028}sep");
        assert_eq!(escape("tag\u{e0041}", false), "tag\\u{e0041}");
    }

    #[test]
    fn quotes_are_short() {
        let long = "x".repeat(1000);
        let q = quote(&long);
        assert!(q.chars().count() < 90, "{q}");
        assert!(q.ends_with("(1000 characters)"));
    }

    #[test]
    fn formulas_are_guarded() {
        assert_eq!(guard_formula("=1+1"), "'=1+1");
        assert_eq!(guard_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(guard_formula("Kraków"), "Kraków");
    }
}
