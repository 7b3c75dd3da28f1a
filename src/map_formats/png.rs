//! The map as a PNG, rendered in the process by resvg with a bundled font, so no system
//! fonts are needed and every machine draws the same picture.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use anyhow::{Context, Result};
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb, roxmltree};
use skrifa::MetadataProvider;

use crate::markup::escape;

/// DejaVu Sans, regular and bold (licence: data/fonts/LICENSE), cut by
/// tools/subset-fonts.sh to Latin with every diacritic, Greek, Cyrillic, Georgian,
/// Armenian, Hebrew and Arabic; not Chinese or Japanese, whose fonts would be larger
/// than the whole program.
const FONTS: [&[u8]; 2] = [
    include_bytes!("../../data/fonts/DejaVuSans.ttf"),
    include_bytes!("../../data/fonts/DejaVuSans-Bold.ttf"),
];
const FAMILY: &str = "DejaVu Sans";

/// The PNG of `svg`, at the SVG's own size.
pub fn render(svg: &str) -> Result<Vec<u8>> {
    let svg = drawable_labels(svg);
    let mut fonts = fontdb::Database::new();
    for font in FONTS {
        fonts.load_font_source(fontdb::Source::Binary(Arc::new(font)));
    }
    // Whatever family the SVG asks for, the bundled one answers.
    fonts.set_serif_family(FAMILY);
    fonts.set_sans_serif_family(FAMILY);
    fonts.set_monospace_family(FAMILY);
    fonts.set_cursive_family(FAMILY);
    fonts.set_fantasy_family(FAMILY);
    let options = usvg::Options {
        font_family: FAMILY.into(),
        fontdb: Arc::new(fonts),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&svg, &options).context("cannot read the map's SVG")?;
    let size = tree.size().to_int_size();
    let mut pixmap = Pixmap::new(size.width(), size.height())
        .with_context(|| format!("cannot draw a map of {}×{} px", size.width(), size.height()))?;
    resvg::render(&tree, Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().context("cannot encode the map as PNG")
}

/// Whether the bundled fonts draw every visible character of `text`.
fn drawable(text: &str) -> bool {
    let maps: Vec<_> = FONTS
        .iter()
        .filter_map(|f| skrifa::FontRef::new(f).ok())
        .map(|f| f.charmap())
        .collect();
    text.chars().all(|c| {
        c.is_whitespace()
            || invisible(c)
            || maps
                .iter()
                .any(|m| m.map(c).is_some_and(|g| g.to_u32() != 0))
    })
}

/// Format characters (direction marks, joiners) that shape text but draw nothing.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

/// `svg` with each city's label that the bundled fonts cannot draw (a name in Chinese
/// or Japanese) written as the city's English name, from its group's `data-name`, so no
/// city is labelled with empty boxes.
fn drawable_labels(svg: &str) -> Cow<'_, str> {
    // An SVG that does not parse is left for usvg to report.
    let Ok(doc) = roxmltree::Document::parse(svg) else {
        return Cow::Borrowed(svg);
    };
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let cities = doc.descendants().filter(|n| {
        n.has_tag_name("g")
            && n.attribute("class")
                .is_some_and(|c| c.split_whitespace().any(|c| c == "city"))
    });
    for city in cities {
        let Some(name) = city.attribute("data-name").filter(|n| drawable(n)) else {
            continue;
        };
        for label in city.descendants().filter(|n| n.has_tag_name("text")) {
            let pieces: Vec<_> = label.descendants().filter(|n| n.is_text()).collect();
            if pieces
                .iter()
                .all(|p| drawable(p.text().unwrap_or_default()))
            {
                continue;
            }
            for (i, piece) in pieces.iter().enumerate() {
                let text = if i == 0 { escape(name) } else { String::new() };
                edits.push((piece.range(), text));
            }
        }
    }
    if edits.is_empty() {
        return Cow::Borrowed(svg);
    }
    edits.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(svg.len());
    let mut at = 0;
    for (range, text) in edits {
        out.push_str(&svg[at..range.start]);
        out.push_str(&text);
        at = range.end;
    }
    out.push_str(&svg[at..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_font_draws_the_scripts_of_the_data() {
        for name in [
            "Kraków",
            "Košice",
            "Київ",
            "Велико Търново",
            "თბილისი",
            "فاس",
        ] {
            assert!(drawable(name), "{name}");
        }
        assert!(drawable("\u{200f}Fes\u{200e}"));
        assert!(!drawable("京都市"));
    }

    #[test]
    fn labels_the_font_lacks_become_english_names() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg"><g class="city" data-name="Kyoto &amp; Co"><title>京都市</title><text>京都市</text></g><g class="city" data-name="Lviv"><text>Львів</text></g></svg>"#;
        let out = drawable_labels(svg);
        assert!(out.contains("<text>Kyoto &amp; Co</text>"), "{out}");
        assert!(out.contains("<title>京都市</title>"), "{out}");
        assert!(out.contains("<text>Львів</text>"), "{out}");
        assert!(matches!(drawable_labels("<svg/>"), Cow::Borrowed(_)));
    }
}
