//! Text made safe inside XML and HTML: the one escaper of the map, the charts and the
//! pages.

/// Text made safe as element text and in quoted attributes of XML and HTML. Control
/// characters, which XML 1.0 does not allow and HTML does not show, become U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Text for a picture, where nothing can isolate it as HTML's `<bdi>` does: what a
/// terminal would obey or hide is shown as tables show it (`\x1b`, `\u{202e}`), so a
/// label is seen, never obeyed, wherever the SVG is viewed; then escaped.
pub fn pictured(text: &str) -> String {
    escape(&crate::terminal::escape(text, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape(r#"A & <B> "c" 'd'"#),
            "A &amp; &lt;B&gt; &quot;c&quot; &#39;d&#39;"
        );
        assert_eq!(escape("a\u{1b}b\u{200f}"), "a\u{fffd}b\u{200f}");
    }

    #[test]
    fn pictures_show_what_a_terminal_would_obey() {
        assert_eq!(pictured("A & <B> \"c\""), "A &amp; &lt;B&gt; &quot;c&quot;");
        assert_eq!(
            pictured("x\u{1b}[2J\u{9b}\u{202e}\u{200b}"),
            "x\\x1b[2J\\u{9b}\\u{202e}\\u{200b}"
        );
    }
}
