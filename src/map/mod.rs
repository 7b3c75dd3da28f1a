//! The map, drawn as one SVG document: the partner cities on Natural Earth's land and
//! borders, great-circle arcs from Kraków (or `--from`'s city), a label beside each city placed so it cannot
//! be taken for another's, an inset where the cities crowd, a legend and a key.
//!
//! `projection` (where a place falls), `borders` (land and borders), `layout` (the
//! panels and the inset), `labels` (where labels go), `draw` (the SVG's pieces) and
//! `words` (English and Polish).

mod borders;
mod draw;
mod labels;
mod layout;
mod projection;
mod words;

use std::fmt::Write;

use crate::city::City;
use crate::geo::{Centre, KRAKOW};
use crate::render::Names;
use draw::{Legend, Tag};
pub use draw::{colour, title};
pub use labels::text_width;
use labels::{Board, FONT, Marker, Rect};
use layout::{HOME_RADIUS, MARGIN, Plan, RADIUS, WIDTH};
use projection::Frame;
pub use words::Language;

/// The words the map is drawn with.
pub struct Text {
    /// Which name labels the cities; Polish names also put the map's words in Polish.
    pub names: Names,
    /// The title, or the usual one in the map's language.
    pub title: Option<String>,
    /// What is shown: made by [`Language::subtitle`] from the filters.
    pub subtitle: String,
    /// Where the arcs start: Kraków, or a partner city.
    pub from: Centre,
}

/// A place on the map: Kraków (no city) or a partner city, and the name it is labelled with.
struct Place<'c, 'a> {
    city: Option<&'c City<'a>>,
    at: (f64, f64),
    label: String,
}

/// The map of `cities` as an SVG document.
pub fn render(cities: &[City], text: &Text) -> String {
    let lang = Language::of(text.names);
    let mut places = vec![Place {
        city: None,
        at: KRAKOW,
        label: lang.home().to_string(),
    }];
    places.extend(cities.iter().map(|c| Place {
        city: Some(c),
        at: (c.lat, c.lon),
        label: label(c, text.names),
    }));
    let points: Vec<(f64, f64)> = places.iter().map(|p| p.at).collect();
    let plan = layout::plan(&points);

    // Each place is drawn on one panel: the inset's if it lies in the inset's region.
    let in_inset = |p: &Place| {
        plan.inset
            .as_ref()
            .is_some_and(|f| f.area.contains(p.at.0, p.at.1))
    };
    let inset_outline = plan.inset.as_ref().map(|inset| {
        let a = inset.area;
        Rect {
            left: plan.main.x(a.west),
            top: plan.main.y(a.north),
            right: plan.main.x(a.east),
            bottom: plan.main.y(a.south),
        }
    });
    let mut panels = vec![(
        "main",
        plan.main,
        (0..places.len())
            .filter(|&i| !in_inset(&places[i]))
            .collect::<Vec<_>>(),
        inset_outline
            .map(|r| vec![r.grown(1.0)])
            .unwrap_or_default(),
    )];
    if let Some(inset) = plan.inset {
        let members = (0..places.len())
            .filter(|&i| in_inset(&places[i]))
            .collect();
        panels.push(("inset", inset, members, Vec::new()));
    }

    let mut numbered: Vec<String> = Vec::new();
    let mut unlabelled: Vec<String> = Vec::new();
    let mut body = String::new();
    for (class, frame, members, obstacles) in panels {
        let shown: Vec<&City> = members.iter().filter_map(|&i| places[i].city).collect();
        draw::backdrop(&mut body, class, &frame, &shown, &text.from);
        if let (Some(r), "main") = (inset_outline, class) {
            draw::inset_frame(&mut body, r);
        }
        let tags = label_panel(
            &places,
            &members,
            &frame,
            obstacles,
            &mut numbered,
            &mut unlabelled,
        );
        for (k, &i) in members.iter().enumerate() {
            let p = &places[i];
            draw::place(&mut body, lang, p.city, &p.label, tags[k].0, &tags[k].1);
        }
        body.push_str("</g>\n");
    }

    let legend = Legend::of(cities);
    let (side_x, side_y) = plan.side;
    legend.draw(&mut body, lang, (side_x, side_y));
    let key_bottom = draw::key(
        &mut body,
        lang,
        &numbered,
        &unlabelled,
        (side_x, side_y + legend.height() + 6.0),
    );
    let bottom = plan.bottom().max(key_bottom).max(side_y + legend.height());
    let _ = writeln!(
        body,
        r##"<text class="attribution" x="{:.1}" y="{:.1}" text-anchor="end" font-size="10" fill="#666666">{}</text>"##,
        WIDTH - MARGIN,
        bottom + 16.0,
        crate::markup::pictured(&lang.attribution(&text.from, text.names))
    );

    let height = bottom + 28.0;
    let mut s = String::with_capacity(body.len() + 1024);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH:.0}" height="{height:.0}" viewBox="0 0 {WIDTH:.0} {height:.0}" font-family="DejaVu Sans, Verdana, sans-serif">"#
    );
    let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let title = match &text.title {
        Some(title) => title.clone(),
        None => lang.title(&text.from, text.names),
    };
    draw::title(&mut s, MARGIN, &title, &text.subtitle);
    s.push_str(&body);
    s.push_str("</svg>\n");
    s
}

/// The name a city is labelled with: English, Polish or its own, the English name where
/// the other is unknown.
pub fn label(city: &City, names: Names) -> String {
    let other = match names {
        Names::En => None,
        Names::Pl => city.name_pl.as_deref(),
        Names::Local => city.name_local.as_deref(),
    };
    other.unwrap_or(&city.name).to_string()
}

/// Panels with more markers than this are drawn without labels.
const LABEL_AT_MOST: usize = 400;

/// The marker and the tag of each member of a panel, in the members' order. Cities
/// that find no place for their name get the next number (listed in `numbered`), or
/// none (listed in `unlabelled`).
fn label_panel(
    places: &[Place],
    members: &[usize],
    frame: &Frame,
    obstacles: Vec<Rect>,
    numbered: &mut Vec<String>,
    unlabelled: &mut Vec<String>,
) -> Vec<(Marker, Tag)> {
    let markers: Vec<Marker> = members
        .iter()
        .map(|&i| {
            let (x, y) = frame.point(places[i].at);
            let r = if places[i].city.is_none() {
                HOME_RADIUS
            } else {
                RADIUS
            };
            Marker { x, y, r }
        })
        .collect();
    // Too many names to read: only Kraków is labelled, each marker's tooltip names it,
    // and the key says so.
    let too_many = markers.len() > LABEL_AT_MOST;
    let home_first = usize::from(members.first() == Some(&0));
    let mut board = Board::new(&markers, Plan::rect(frame), obstacles);
    let mut tags: Vec<Option<Tag>> = members.iter().map(|_| None).collect();
    for k in labels::order(&markers, home_first) {
        let place = &places[members[k]];
        let bold = place.city.is_none();
        if too_many && !bold {
            unlabelled.push(place.label.clone());
            tags[k] = Some(Tag::Unlabelled);
            continue;
        }
        let width = labels::text_width(&place.label, FONT, bold);
        let tag = if let Some(spot) = board.place(k, width) {
            Tag::Label(spot)
        } else {
            let n = numbered.len() + 1;
            let width = labels::text_width(&n.to_string(), FONT, bold);
            match board.place(k, width) {
                Some(spot) => {
                    numbered.push(place.label.clone());
                    Tag::Number(n, spot)
                }
                None => {
                    unlabelled.push(place.label.clone());
                    Tag::Unlabelled
                }
            }
        };
        tags[k] = Some(tag);
    }
    markers
        .into_iter()
        .zip(tags)
        .map(|(m, t)| (m, t.unwrap_or(Tag::Unlabelled)))
        .collect()
}
