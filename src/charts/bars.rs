//! What both charts are drawn with: the document and its title, a scale that starts at
//! zero and steps by round numbers, a bar as a group that scripts can read, texts and
//! the legend.

use std::fmt::Write;

use crate::markup::pictured;

/// The width a chart is drawn at, unless its bars or subtitle need more.
pub const WIDTH: f64 = 960.0;
pub const MARGIN: f64 = 24.0;
/// Where the first thing below the title and subtitle may stand.
pub const TOP: f64 = 76.0;
/// Group names and the legend.
pub const FONT: f64 = 12.0;
/// Counts and the scale's numbers.
pub const SMALL: f64 = 11.0;
pub const INK: &str = "#222222";
/// Bars that stand for no kind of agreement.
pub const PLAIN: &str = "#3f6e91";
/// What is unknown, as the map draws an agreement it does not know.
pub const UNKNOWN: &str = "#b3b3b3";
const HOLLOW: &str = "#6b6b6b";
const GRID: &str = "#d5dde3";

/// A text's width, as the map measures its labels.
pub fn width_of(text: &str, size: f64) -> f64 {
    crate::map::text_width(text, size, false)
}

/// A scale from zero to `top`, in steps of 1, 2 or 5 times a power of ten.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    pub top: usize,
    pub step: usize,
}

impl Scale {
    /// The smallest round scale that holds `max` in at most `steps` steps.
    pub fn of(max: usize, steps: usize) -> Scale {
        let max = max.max(1);
        let mut power = 1usize;
        loop {
            for step in [power, 2 * power, 5 * power] {
                let n = max.div_ceil(step);
                if n <= steps.max(1) {
                    return Scale {
                        top: n * step,
                        step,
                    };
                }
            }
            power = power.saturating_mul(10);
        }
    }

    /// The scale's marks: 0, step, 2 × step … top.
    pub fn marks(self) -> impl Iterator<Item = usize> {
        (0..=self.top).step_by(self.step)
    }
}

/// How a bar is painted.
#[derive(Clone, Copy, Debug)]
pub enum Paint {
    Solid(&'static str),
    /// White with a dashed outline: as the map draws partnerships out of force.
    Hollow,
}

/// A rectangle: left, top, width, height.
pub type Area = (f64, f64, f64, f64);

/// One bar: `<g class="bar KIND" data-group="…" data-count="N">` with its tooltip,
/// its rectangle and its count written at `label` (x, y, anchor).
pub struct Bar<'a> {
    pub kind: &'static str,
    pub group: &'a str,
    pub count: usize,
    pub tooltip: String,
    pub area: Area,
    pub paint: Paint,
    pub label: (f64, f64, &'static str),
}

pub fn bar(s: &mut String, bar: &Bar) {
    let class = match bar.kind {
        "" => "bar".to_string(),
        kind => format!("bar {kind}"),
    };
    let _ = writeln!(
        s,
        r#"<g class="{class}" data-group="{}" data-count="{}"><title>{}</title>"#,
        pictured(bar.group),
        bar.count,
        pictured(&bar.tooltip)
    );
    let (x, y, w, h) = bar.area;
    let paint = match bar.paint {
        Paint::Solid(colour) => format!(r#"fill="{colour}""#),
        Paint::Hollow => {
            format!(
                r##"fill="#ffffff" stroke="{HOLLOW}" stroke-width="1.5" stroke-dasharray="4,3""##
            )
        }
    };
    let _ = writeln!(
        s,
        r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" {paint}/>"#
    );
    let (lx, ly, anchor) = bar.label;
    text(s, "count", (lx, ly), SMALL, anchor, &bar.count.to_string());
    s.push_str("</g>\n");
}

/// A `<text>` of `class` at (x, y), anchored `start`, `middle` or `end`.
pub fn text(s: &mut String, class: &str, (x, y): (f64, f64), size: f64, anchor: &str, text: &str) {
    let _ = writeln!(
        s,
        r#"<text class="{class}" x="{x:.1}" y="{y:.1}" font-size="{size}" text-anchor="{anchor}" fill="{INK}">{}</text>"#,
        pictured(text)
    );
}

/// A light line across the plot, at a mark of the scale.
pub fn grid_line(s: &mut String, (x1, y1): (f64, f64), (x2, y2): (f64, f64)) {
    let _ = writeln!(
        s,
        r#"<line class="grid" x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{GRID}" stroke-width="1"/>"#
    );
}

/// The zero line the bars stand on.
pub fn axis_line(s: &mut String, (x1, y1): (f64, f64), (x2, y2): (f64, f64)) {
    let _ = writeln!(
        s,
        r#"<line class="axis" x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{INK}" stroke-width="1.2"/>"#
    );
}

/// The legend, in one row from (x, y): a swatch and its words each. Returns its width.
pub fn legend(s: &mut String, entries: &[(&str, Paint)], (x, y): (f64, f64)) -> f64 {
    s.push_str("<g class=\"legend\">\n");
    let mut at = x;
    for (words, paint) in entries {
        let fill = match paint {
            Paint::Solid(colour) => format!(r#"fill="{colour}""#),
            Paint::Hollow => format!(
                r##"fill="#ffffff" stroke="{HOLLOW}" stroke-width="1.5" stroke-dasharray="3,2""##
            ),
        };
        let _ = writeln!(
            s,
            r#"<rect x="{at:.1}" y="{:.1}" width="14" height="12" {fill}/>"#,
            y - 10.0
        );
        text(s, "legend-entry", (at + 20.0, y), FONT, "start", words);
        at += 20.0 + width_of(words, FONT) + 24.0;
    }
    s.push_str("</g>\n");
    at - x
}

/// The whole SVG document: a white page, the title and subtitle, then `body`.
pub fn document(width: f64, height: f64, title: &str, subtitle: &str, body: &str) -> String {
    let mut s = String::with_capacity(body.len() + 1024);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="DejaVu Sans, Verdana, sans-serif">"#
    );
    let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    crate::map::title(&mut s, MARGIN, title, subtitle);
    s.push_str(body);
    s.push_str("</svg>\n");
    s
}

/// The width the title and subtitle need (the map's sizes: 22 px bold, 14 px).
pub fn heading_width(title: &str, subtitle: &str) -> f64 {
    let title = crate::map::text_width(title, 22.0, true);
    let subtitle = width_of(subtitle, 14.0);
    2.0 * MARGIN + title.max(subtitle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_start_at_zero_and_step_roundly() {
        assert_eq!(Scale::of(1, 5), Scale { top: 1, step: 1 });
        assert_eq!(Scale::of(5, 5), Scale { top: 5, step: 1 });
        assert_eq!(Scale::of(7, 5), Scale { top: 8, step: 2 });
        assert_eq!(Scale::of(25, 5), Scale { top: 25, step: 5 });
        assert_eq!(Scale::of(26, 5), Scale { top: 30, step: 10 });
        assert_eq!(Scale::of(0, 5), Scale { top: 1, step: 1 });
        assert_eq!(
            Scale::of(999_999, 5),
            Scale {
                top: 1_000_000,
                step: 200_000
            }
        );
        let marks: Vec<usize> = Scale::of(7, 5).marks().collect();
        assert_eq!(marks, [0, 2, 4, 6, 8]);
    }
}
