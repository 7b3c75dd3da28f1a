//! The SVG's pieces: the title, a panel's sea, land, borders, graticule and arcs, a
//! city's group (marker, label, leader line and tooltip), the legend, the key.

use std::fmt::Write;

use super::borders;
use super::labels::{FONT, Marker, Rect, Spot};
use super::layout::SIDE;
use super::projection::{Frame, Seam, great_circle, path};
use super::words::Language;
use crate::city::{Agreement, City, Status};
use crate::geo::Centre;
use crate::markup::pictured as xml;

/// The colour of each kind of agreement (and of one the data does not give), on
/// markers, arcs and the legend.
pub fn colour(agreement: Option<Agreement>) -> &'static str {
    match agreement {
        Some(Agreement::TwinCity) => "#c0392b",
        Some(Agreement::Partnership) => "#1f6fb4",
        Some(Agreement::HonoraryTwinCity) => "#8e44ad",
        Some(Agreement::LetterOfIntent) => "#2e9e44",
        Some(Agreement::Memorandum) => "#e67e22",
        Some(Agreement::CooperationProgramme) => "#8c564b",
        Some(Agreement::None) => "#6b6b6b",
        None => "#b3b3b3",
    }
}

/// How a partnership is drawn: in force filled with solid arcs (also one of a status
/// unknown); known out of force hollow with dashed arcs; unconfirmed by recent sources
/// hollow with dotted arcs and a dotted ring.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Standing {
    InForce,
    Ended,
    Unconfirmed,
}

impl Standing {
    fn of(city: &City) -> Standing {
        match city.status {
            Some(Status::Active) | None => Standing::InForce,
            Some(Status::Suspended | Status::Ended) => Standing::Ended,
            Some(Status::Unconfirmed) => Standing::Unconfirmed,
        }
    }

    /// The dash pattern of the partnership's arc, as an SVG attribute.
    fn arc_dash(self) -> &'static str {
        match self {
            Standing::InForce => "",
            Standing::Ended => r#" stroke-dasharray="5,4""#,
            Standing::Unconfirmed => r#" stroke-dasharray="1.5,3""#,
        }
    }

    /// The dash pattern of the marker's ring, as an SVG attribute.
    fn ring_dash(self) -> &'static str {
        match self {
            Standing::Unconfirmed => r#" stroke-dasharray="1.5,1.5""#,
            Standing::InForce | Standing::Ended => "",
        }
    }
}

const HOME_COLOUR: &str = "#1b1b1b";
const ROW: f64 = 18.0;

/// The title and the subtitle, in a group.
pub fn title(s: &mut String, left: f64, title: &str, subtitle: &str) {
    let _ = writeln!(
        s,
        r##"<g class="title"><text class="title" x="{left:.1}" y="32" font-size="22" font-weight="bold" fill="#1b1b1b">{}</text>"##,
        xml(title)
    );
    let _ = writeln!(
        s,
        r##"<text class="subtitle" x="{left:.1}" y="56" font-size="14" fill="#444444">{}</text></g>"##,
        xml(subtitle)
    );
}

/// A panel's background, clipped to it: sea, land, borders, a graticule, and the arcs
/// from `from` (Kraków, or a partner city) to `cities`. Opens the panel's group, which
/// the caller closes.
pub fn backdrop(s: &mut String, class: &str, frame: &Frame, cities: &[&City], from: &Centre) {
    let r = super::layout::Plan::rect(frame);
    let (w, h) = (r.right - r.left, r.bottom - r.top);
    let _ = writeln!(
        s,
        r##"<g class="panel {class}"><clipPath id="clip-{class}"><rect x="{:.1}" y="{:.1}" width="{w:.1}" height="{h:.1}"/></clipPath>"##,
        r.left, r.top
    );
    let _ = writeln!(
        s,
        r##"<rect class="sea" x="{:.1}" y="{:.1}" width="{w:.1}" height="{h:.1}" fill="#dcebf5"/>"##,
        r.left, r.top
    );
    let _ = writeln!(s, r#"<g clip-path="url(#clip-{class})">"#);
    borders::draw(s, frame);
    let area = frame.area;
    let step = if area.width() > 120.0 { 30 } else { 10 };
    let _ = write!(
        s,
        r##"<path class="graticule" fill="none" stroke="#9fb7c8" stroke-width="0.4" stroke-dasharray="2,3" d=""##
    );
    for lon in (-180..=180).step_by(step).map(f64::from) {
        if lon > area.west && lon < area.east {
            let _ = write!(s, "M{:.1},{:.1}V{:.1}", frame.x(lon), r.top, r.bottom);
        }
    }
    for lat in (-80..=80).step_by(step).map(f64::from) {
        if lat > area.south && lat < area.north {
            let _ = write!(s, "M{:.1},{:.1}H{:.1}", r.left, frame.y(lat), r.right);
        }
    }
    s.push_str("\"/>\n<g class=\"arcs\">\n");
    // No arc from a city to itself.
    for city in cities.iter().filter(|c| !from.is(c)) {
        let dash = Standing::of(city).arc_dash();
        let mut d = String::new();
        path(
            &mut d,
            frame,
            &great_circle(from.point(), (city.lat, city.lon), 64),
            Seam::Lift,
        );
        let _ = writeln!(
            s,
            r#"<path class="arc" data-name="{}" fill="none" stroke="{}" stroke-width="1.2" stroke-opacity="0.55"{dash} d="{d}"/>"#,
            xml(&city.name),
            colour(city.agreement),
        );
    }
    s.push_str("</g>\n</g>\n");
    let _ = writeln!(
        s,
        r##"<rect class="panel-border" x="{:.1}" y="{:.1}" width="{w:.1}" height="{h:.1}" fill="none" stroke="#7a8a96" stroke-width="0.8"/>"##,
        r.left, r.top
    );
}

/// The outline, on the main panel, of the region the inset enlarges.
pub fn inset_frame(s: &mut String, r: Rect) {
    let _ = writeln!(
        s,
        r##"<rect class="inset-frame" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="#34495e" stroke-width="1.2" stroke-dasharray="6,3"/>"##,
        r.left,
        r.top,
        r.right - r.left,
        r.bottom - r.top
    );
}

/// What stands by a marker: its name, a number the key explains, or nothing.
pub enum Tag {
    Label(Spot),
    Number(usize, Spot),
    Unlabelled,
}

/// One place's group: Kraków (`city` is `None`) or a partner city, with its marker,
/// its label or number (and leader line), and a tooltip.
pub fn place(
    s: &mut String,
    lang: Language,
    city: Option<&City>,
    label: &str,
    marker: Marker,
    tag: &Tag,
) {
    let (class, name, tooltip) = match city {
        None => ("home", "Kraków".to_string(), lang.home().to_string()),
        Some(c) => ("city", c.name.to_string(), tooltip(lang, c, label)),
    };
    let _ = write!(s, r#"<g class="{class}" data-name="{}""#, xml(&name));
    if let Some(c) = city {
        let _ = write!(
            s,
            r#" data-country="{}" data-agreement="{}" data-status="{}""#,
            xml(c.country_shown()),
            c.agreement.map_or("", Agreement::as_str),
            c.status.map_or("", Status::as_str)
        );
    }
    let _ = writeln!(s, "><title>{}</title>", xml(&tooltip));
    let standing = city.map_or(Standing::InForce, Standing::of);
    let (fill, stroke) = match city {
        None => (HOME_COLOUR, "#ffffff"),
        Some(c) if standing == Standing::InForce => (colour(c.agreement), "#ffffff"),
        Some(c) => ("#ffffff", colour(c.agreement)),
    };
    let _ = writeln!(
        s,
        r#"<circle class="marker" cx="{:.1}" cy="{:.1}" r="{}" fill="{fill}" stroke="{stroke}" stroke-width="1.5"{}/>"#,
        marker.x,
        marker.y,
        marker.r,
        standing.ring_dash()
    );
    let (text, spot, text_class) = match tag {
        Tag::Label(spot) => (label.to_string(), spot, "label"),
        Tag::Number(n, spot) => (n.to_string(), spot, "number"),
        Tag::Unlabelled => {
            s.push_str("</g>\n");
            return;
        }
    };
    if let Some(((x1, y1), (x2, y2))) = spot.leader {
        let _ = writeln!(
            s,
            r##"<line class="leader" x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="#555555" stroke-width="0.7"/>"##
        );
    }
    let weight = if city.is_none() { "bold" } else { "normal" };
    let _ = writeln!(
        s,
        r##"<text class="{text_class}" x="{:.1}" y="{:.1}" font-size="{FONT}" font-weight="{weight}" fill="#222222" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">{}</text></g>"##,
        spot.x,
        spot.y,
        xml(&text)
    );
}

/// "Wiedeń (Vienna), Austria: Partnerstwo, 2005": the label, the English name where it
/// differs, the country, the agreement, when signed, and the status if not active.
fn tooltip(lang: Language, city: &City, label: &str) -> String {
    let mut t = label.to_string();
    if label != city.name {
        let _ = write!(t, " ({})", city.name);
    }
    let _ = write!(t, ", {}: {}", lang.country(city), lang.kind(city.agreement));
    if let Some(date) = city.signed {
        let _ = write!(t, ", {date}");
    }
    match city.status {
        Some(Status::Active) => {}
        Some(status) => {
            let _ = write!(t, " ({}", lang.status(status));
            if let Some(date) = city.status_since {
                let _ = write!(t, " {date}");
            }
            if let (Status::Unconfirmed, Some(date)) = (status, city.last_attested) {
                let _ = write!(t, ", {} {date}", lang.last_source());
            }
            t.push(')');
        }
        None => {
            let _ = write!(t, " ({})", lang.status_unknown());
        }
    }
    t
}

/// The agreement kinds on the map (one the data does not give last), and whether any
/// partnership there has ended, or is unconfirmed.
pub struct Legend {
    kinds: Vec<Option<Agreement>>,
    ended: bool,
    unconfirmed: bool,
}

impl Legend {
    pub fn of(cities: &[City]) -> Legend {
        let kinds = Agreement::ALL
            .iter()
            .copied()
            .map(Some)
            .chain([None])
            .filter(|k| cities.iter().any(|c| c.agreement == *k))
            .collect();
        let any = |standing| cities.iter().any(|c| Standing::of(c) == standing);
        Legend {
            kinds,
            ended: any(Standing::Ended),
            unconfirmed: any(Standing::Unconfirmed),
        }
    }

    /// The legend's height: a heading, Kraków, the kinds, the ended and the unconfirmed.
    pub fn height(&self) -> f64 {
        let rows = 2 + self.kinds.len() + usize::from(self.ended) + usize::from(self.unconfirmed);
        ROW * rows as f64 + 14.0
    }

    pub fn draw(&self, s: &mut String, lang: Language, (x, y): (f64, f64)) {
        let _ = writeln!(
            s,
            r##"<g class="legend"><rect x="{x:.1}" y="{y:.1}" width="{SIDE}" height="{:.1}" rx="4" fill="#ffffff" stroke="#9aa7b0"/>"##,
            self.height()
        );
        let _ = writeln!(
            s,
            r##"<text class="legend-heading" x="{:.1}" y="{:.1}" font-size="12" font-weight="bold" fill="#222222">{}</text>"##,
            x + 10.0,
            y + 19.0,
            lang.legend_heading()
        );
        let mut rows: Vec<(String, &str, &str, f64, Standing)> = vec![(
            lang.home().to_string(),
            HOME_COLOUR,
            "#ffffff",
            6.0,
            Standing::InForce,
        )];
        for kind in &self.kinds {
            let text = lang.kind(*kind).to_string();
            rows.push((text, colour(*kind), "#ffffff", 5.0, Standing::InForce));
        }
        if self.ended {
            let text = lang.ended().to_string();
            rows.push((text, "#ffffff", "#6b6b6b", 4.5, Standing::Ended));
        }
        if self.unconfirmed {
            let text = lang.unconfirmed().to_string();
            rows.push((text, "#ffffff", "#6b6b6b", 4.5, Standing::Unconfirmed));
        }
        for (i, (text, fill, stroke, r, standing)) in rows.iter().enumerate() {
            let cy = y + 15.0 + ROW * (i + 1) as f64;
            let _ = writeln!(
                s,
                r##"<circle cx="{:.1}" cy="{cy:.1}" r="{r}" fill="{fill}" stroke="{stroke}" stroke-width="1.5"{}/><text x="{:.1}" y="{:.1}" font-size="12" fill="#222222">{}</text>"##,
                x + 16.0,
                standing.ring_dash(),
                x + 30.0,
                cy + 4.0,
                xml(text)
            );
        }
        s.push_str("</g>\n");
    }
}

/// Beyond this many, the cities not labelled are counted in the key, not listed.
const KEY_AT_MOST: usize = 60;

/// The key: the numbered cities, then any not labelled at all. Returns its bottom.
pub fn key(
    s: &mut String,
    lang: Language,
    numbered: &[String],
    unlabelled: &[String],
    (x, mut y): (f64, f64),
) -> f64 {
    if numbered.is_empty() && unlabelled.is_empty() {
        return y;
    }
    s.push_str("<g class=\"key\">\n");
    let mut line = |s: &mut String, text: &str, bold: bool| {
        y += 15.0;
        let weight = if bold { "bold" } else { "normal" };
        let _ = writeln!(
            s,
            r##"<text x="{x:.1}" y="{y:.1}" font-size="11" font-weight="{weight}" fill="#222222">{}</text>"##,
            xml(text)
        );
    };
    if !numbered.is_empty() {
        line(s, lang.key_heading(), true);
        for (i, name) in numbered.iter().enumerate() {
            line(s, &format!("{}  {name}", i + 1), false);
        }
    }
    if !unlabelled.is_empty() {
        line(s, lang.unplaced_heading(), true);
        if unlabelled.len() > KEY_AT_MOST {
            line(s, &lang.too_many(unlabelled.len()), false);
        } else {
            for name in unlabelled {
                line(s, name, false);
            }
        }
    }
    s.push_str("</g>\n");
    y
}
