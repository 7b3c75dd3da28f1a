//! The answers of `timeline` and `stats` drawn as bar charts, each one SVG document
//! whose bars scripts can read: `<g class="bar" data-group="…" data-count="N">` with a
//! `<title>`. `bars` (what both are drawn with), `timeline`, `stats` and `words`
//! (English and Polish).

mod bars;
mod stats;
mod timeline;
mod words;

use crate::groups::{Group, GroupBy};
use crate::map::Language;
use crate::periods::{Period, Span};

/// The most columns a timeline draws: beyond it the years are a blur.
pub const MOST_COLUMNS: usize = 600;

/// The timeline chart; `None` when its years would be more than [`MOST_COLUMNS`].
pub fn timeline(periods: &[Period], span: Span, lang: Language, subtitle: &str) -> Option<String> {
    timeline::draw(periods, span, lang, subtitle, MOST_COLUMNS)
}

/// The chart of `stats`' groups.
pub fn stats(groups: &[Group], by: GroupBy, lang: Language, subtitle: &str) -> String {
    stats::draw(groups, by, lang, subtitle)
}
