//! Keeping data from taking over a terminal: control characters, escape sequences and
//! bidirectional overrides in a data file are shown escaped, never sent raw.

use std::borrow::Cow;

/// Whether a character could move the cursor, recolour or retitle a terminal, or
/// reorder the text around it.
fn is_unsafe(c: char) -> bool {
    c.is_control() // C0, DEL and the C1 codes U+0080–U+009F
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The text with every unsafe character written as an escape: `\x1b` below U+0080,
/// `\u{202e}` above. Line breaks are kept where `keep_newlines` is set (table cells).
pub fn escape(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| is_unsafe(c) && !(keep_newlines && c == '\n');
    if !text.chars().any(unsafe_char) {
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
