//! The atlas: one self-contained page of the chosen partners, for reading offline and
//! printing. The map, the timeline, the counts by continent and by agreement, the
//! table of cities (sortable by the map page's script; readable without it), and a
//! card per city with its values, notes and sources. Nothing is fetched: the page
//! forbids it. `cards` makes the cards, `words` says the atlas's own words.

mod cards;
mod words;

use std::fmt::Write;

use crate::city::City;
use crate::geo::Centre;
use crate::map::Language;
use crate::map_formats::html;
use crate::markup::escape;
use crate::render::Names;
use words::Section;

/// What the atlas's screen and print style adds to the map page's.
const STYLE: &str = include_str!("atlas.css");

/// What goes into the atlas: its cities, words, and pictures already drawn.
pub struct Atlas<'a> {
    pub cities: &'a [City<'a>],
    pub names: Names,
    pub title: &'a str,
    pub subtitle: &'a str,
    pub map: &'a str,
    pub timeline: &'a str,
    /// The counts by continent and by agreement.
    pub counts: [&'a str; 2],
}

/// The page, as text.
pub fn page(atlas: &Atlas) -> String {
    let lang = Language::of(atlas.names);
    let mut s = String::with_capacity(atlas.map.len() + 64 * 1024);
    html::head(&mut s, lang, atlas.title, STYLE);
    let _ = writeln!(
        s,
        "<header>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n<nav aria-label=\"{}\">\n<ul>",
        escape(atlas.title),
        escape(atlas.subtitle),
        lang.contents()
    );
    for section in Section::ALL {
        let _ = writeln!(
            s,
            r##"<li><a href="#{}">{}</a></li>"##,
            section.id(),
            lang.section(section)
        );
    }
    s.push_str("</ul>\n</nav>\n</header>\n<main>\n");
    for section in Section::ALL {
        let _ = writeln!(
            s,
            r#"<section id="{}">{}<h2>{}</h2>"#,
            section.id(),
            "\n",
            lang.section(section)
        );
        match section {
            Section::Map => figure(&mut s, "map", atlas.map),
            Section::Timeline => figure(&mut s, "chart", atlas.timeline),
            Section::Counts => {
                s.push_str("<div class=\"pair\">\n");
                for chart in atlas.counts {
                    figure(&mut s, "chart", chart);
                }
                s.push_str("</div>\n");
            }
            Section::Table => {
                s.push_str("<div class=\"rows\">\n");
                html::table(
                    &mut s,
                    atlas.cities,
                    atlas.names,
                    &Centre::krakow(),
                    atlas.subtitle,
                    Some(&cards::id),
                );
                let _ = writeln!(s, "</div>\n<p class=\"hint\">{}</p>", lang.table_hint());
            }
            Section::Cards => {
                s.push_str("<div class=\"cards\">\n");
                for (i, city) in atlas.cities.iter().enumerate() {
                    cards::card(&mut s, i, city, &cards::sources_of(city), atlas.names);
                }
                s.push_str("</div>\n");
            }
        }
        s.push_str("</section>\n");
    }
    s.push_str("</main>\n<div id=\"card\" class=\"card\" hidden></div>\n");
    html::foot(&mut s);
    s
}

/// A picture in its figure.
fn figure(s: &mut String, class: &str, svg: &str) {
    let _ = writeln!(
        s,
        "<figure class=\"{class}\">\n{}\n</figure>",
        html::inline(svg)
    );
}
