//! The map drawn: an SVG of the partner cities on the world's land, with great-circle arcs
//! from Kraków, labels kept apart and a legend of agreement kinds.

use std::fmt::Write;

use crate::city::{Agreement, City, Status};
use crate::geo::KRAKOW;

/// Natural Earth's 1:110m land (public domain), one ring of `lon,lat` points a line.
const LAND: &str = include_str!("../data/land-110m.txt");

const WIDTH: f64 = 1200.0;
const MAX_HEIGHT: f64 = 900.0;
const TOP: f64 = 70.0;
const MARGIN: f64 = 20.0;
const FONT: f64 = 12.0;
/// The average width of a character of the label font, for placing labels.
const CHAR_WIDTH: f64 = 6.8;

/// The colour of each kind of agreement, on markers, arcs and the legend.
fn colour(agreement: Option<Agreement>) -> &'static str {
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

/// An agreement's name on the map, or that the data does not say.
fn kind_name(agreement: Option<Agreement>) -> &'static str {
    agreement.map_or("agreement unknown", Agreement::as_str)
}

/// Whether a partnership is known to be out of force: drawn hollow and dashed.
fn ended(city: &City) -> bool {
    city.status.is_some_and(|s| s != Status::Active)
}

/// The part of the world shown, in degrees, and how it maps to the picture.
struct Frame {
    west: f64,
    east: f64,
    south: f64,
    north: f64,
    /// Horizontal degrees shrink with the cosine of the middle latitude, so regional
    /// maps keep their shapes.
    stretch: f64,
    scale: f64,
}

impl Frame {
    /// A frame around every point, with a margin, never beyond the poles or the
    /// antimeridian.
    fn around(points: &[(f64, f64)]) -> Frame {
        let (mut south, mut north, mut west, mut east) = (90.0f64, -90.0f64, 180.0f64, -180.0f64);
        for &(lat, lon) in points {
            south = south.min(lat);
            north = north.max(lat);
            west = west.min(lon);
            east = east.max(lon);
        }
        let pad_lat = ((north - south) * 0.12).max(4.0);
        let pad_lon = ((east - west) * 0.08).max(6.0);
        let south = (south - pad_lat).max(-85.0);
        let north = (north + pad_lat).min(85.0);
        let west = (west - pad_lon).max(-180.0);
        let east = (east + pad_lon).min(180.0);
        let stretch = ((south + north) / 2.0).to_radians().cos().max(0.2);
        let plot_width = WIDTH - 2.0 * MARGIN;
        let mut scale = plot_width / ((east - west) * stretch);
        if (north - south) * scale > MAX_HEIGHT {
            scale = MAX_HEIGHT / (north - south);
        }
        Frame {
            west,
            east,
            south,
            north,
            stretch,
            scale,
        }
    }

    fn x(&self, lon: f64) -> f64 {
        let plot_width = (self.east - self.west) * self.stretch * self.scale;
        let left = (WIDTH - plot_width) / 2.0;
        left + (lon - self.west) * self.stretch * self.scale
    }

    fn y(&self, lat: f64) -> f64 {
        TOP + (self.north - lat) * self.scale
    }

    fn height(&self) -> f64 {
        TOP + (self.north - self.south) * self.scale + 30.0
    }

    fn plot(&self) -> (f64, f64, f64, f64) {
        (
            self.x(self.west),
            self.y(self.north),
            self.x(self.east),
            self.y(self.south),
        )
    }
}

/// Points along the great circle from one place to another, for the arc's path.
fn great_circle(from: (f64, f64), to: (f64, f64), steps: usize) -> Vec<(f64, f64)> {
    let vector = |(lat, lon): (f64, f64)| {
        let (lat, lon) = (lat.to_radians(), lon.to_radians());
        [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
    };
    let (a, b) = (vector(from), vector(to));
    let dot = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2]).clamp(-1.0, 1.0);
    let angle = dot.acos();
    if angle < 1e-9 {
        return vec![from, to];
    }
    (0..=steps)
        .map(|i| {
            let t = i as f64 / steps as f64;
            let wa = ((1.0 - t) * angle).sin() / angle.sin();
            let wb = (t * angle).sin() / angle.sin();
            let p = [
                wa * a[0] + wb * b[0],
                wa * a[1] + wb * b[1],
                wa * a[2] + wb * b[2],
            ];
            let lat = p[2].atan2((p[0] * p[0] + p[1] * p[1]).sqrt()).to_degrees();
            let lon = p[1].atan2(p[0]).to_degrees();
            (lat, lon)
        })
        .collect()
}

/// An SVG path through projected points, lifting the pen where a line would cross the
/// antimeridian.
fn path(frame: &Frame, points: &[(f64, f64)]) -> String {
    let mut d = String::new();
    let mut last_lon: Option<f64> = None;
    for &(lat, lon) in points {
        let jump = last_lon.is_some_and(|l| (lon - l).abs() > 180.0);
        let command = if last_lon.is_none() || jump { 'M' } else { 'L' };
        let _ = write!(d, "{command}{:.1},{:.1}", frame.x(lon), frame.y(lat));
        last_lon = Some(lon);
    }
    d
}

/// A label's box on the picture, for keeping labels apart.
#[derive(Clone, Copy)]
struct Box {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

impl Box {
    fn overlap(&self, other: &Box) -> f64 {
        let w = (self.right.min(other.right) - self.left.max(other.left)).max(0.0);
        let h = (self.bottom.min(other.bottom) - self.top.max(other.top)).max(0.0);
        w * h
    }
}

/// A label placed on the picture: where its text is anchored and the box it covers.
struct Placed {
    x: f64,
    y: f64,
    anchor: &'static str,
    area: Box,
    /// Whether the label sits away from its marker and needs a leader line.
    away: bool,
}

/// Where a label goes: the nearest of eight places around its marker, at growing
/// distances, that overlaps no other label or marker and stays on the picture; else the
/// place overlapping least.
fn place_label(x: f64, y: f64, text: &str, taken: &[Box], bounds: Box) -> Placed {
    let w = text.chars().count() as f64 * CHAR_WIDTH;
    let h = FONT;
    let mut best: Option<Placed> = None;
    let mut best_cost = f64::INFINITY;
    for (ring, gap) in [6.0, 16.0, 30.0, 46.0, 64.0, 86.0].into_iter().enumerate() {
        let diagonal = gap * 0.7;
        // (anchor x, baseline y, text-anchor): right of the marker first.
        let places = [
            (x + gap, y + h / 3.0, "start"),
            (x - gap, y + h / 3.0, "end"),
            (x, y - gap, "middle"),
            (x, y + gap + h, "middle"),
            (x + diagonal, y - diagonal, "start"),
            (x - diagonal, y - diagonal, "end"),
            (x + diagonal, y + diagonal + h * 0.7, "start"),
            (x - diagonal, y + diagonal + h * 0.7, "end"),
        ];
        for (ax, ay, anchor) in places {
            let left = match anchor {
                "start" => ax,
                "end" => ax - w,
                _ => ax - w / 2.0,
            };
            let area = Box {
                left: left - 1.0,
                top: ay - h,
                right: left + w + 1.0,
                bottom: ay + 3.0,
            };
            let outside = (bounds.left - area.left).max(0.0)
                + (area.right - bounds.right).max(0.0)
                + (bounds.top - area.top).max(0.0)
                + (area.bottom - bounds.bottom).max(0.0);
            let overlap: f64 = taken.iter().map(|t| t.overlap(&area)).sum();
            // Farther places cost a little, so a label moves away only to find room.
            let cost = overlap + outside * 100.0 + ring as f64;
            if cost < best_cost {
                best_cost = cost;
                best = Some(Placed {
                    x: ax,
                    y: ay,
                    anchor,
                    area,
                    away: ring > 0,
                });
            }
        }
        if best_cost <= ring as f64 {
            break;
        }
    }
    best.unwrap_or(Placed {
        x,
        y,
        anchor: "start",
        area: bounds,
        away: false,
    })
}

/// Escapes text for XML, after showing what a terminal would obey or hide as tables
/// show it (`\x1b`, `\u{202e}`): a label is seen, never obeyed, wherever the SVG is
/// viewed (and control characters are not allowed in XML 1.0).
fn xml(text: &str) -> String {
    let text = crate::terminal::escape(text, false);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The map of `cities` as an SVG document. `subtitle` says which cities and as of when.
pub fn svg(cities: &[City], subtitle: &str) -> String {
    let mut points: Vec<(f64, f64)> = cities.iter().map(|c| (c.lat, c.lon)).collect();
    points.push(KRAKOW);
    let frame = Frame::around(&points);
    let height = frame.height();
    let (left, top, right, bottom) = frame.plot();
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH:.0}" height="{height:.0}" viewBox="0 0 {WIDTH:.0} {height:.0}" font-family="DejaVu Sans, Verdana, sans-serif">"#
    );
    let _ = writeln!(
        s,
        r#"<defs><clipPath id="plot"><rect x="{left:.1}" y="{top:.1}" width="{:.1}" height="{:.1}"/></clipPath></defs>"#,
        right - left,
        bottom - top
    );
    let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let _ = writeln!(
        s,
        r##"<rect class="sea" x="{left:.1}" y="{top:.1}" width="{:.1}" height="{:.1}" fill="#dcebf5"/>"##,
        right - left,
        bottom - top
    );

    // Land, then a graticule every 10° (30° on a world map), all clipped to the frame.
    let _ = write!(
        s,
        r##"<g clip-path="url(#plot)"><path class="land" fill="#f3efe4" stroke="#b9b09a" stroke-width="0.6" fill-rule="evenodd" d=""##
    );
    for line in LAND
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let ring: Vec<(f64, f64)> = line
            .split(' ')
            .filter_map(|p| {
                let (lon, lat) = p.split_once(',')?;
                Some((lat.parse().ok()?, lon.parse().ok()?))
            })
            .collect();
        s.push_str(&path(&frame, &ring));
        s.push('Z');
    }
    s.push_str("\"/>\n");
    let step = if frame.east - frame.west > 120.0 {
        30
    } else {
        10
    };
    let _ = write!(
        s,
        r##"<path class="graticule" fill="none" stroke="#9fb7c8" stroke-width="0.4" stroke-dasharray="2,3" d=""##
    );
    for lon in (-180..=180).step_by(step) {
        let lon = f64::from(lon);
        if lon > frame.west && lon < frame.east {
            let _ = write!(s, "M{:.1},{top:.1}V{bottom:.1}", frame.x(lon));
        }
    }
    for lat in (-80..=80).step_by(step) {
        let lat = f64::from(lat);
        if lat > frame.south && lat < frame.north {
            let _ = write!(s, "M{left:.1},{:.1}H{right:.1}", frame.y(lat));
        }
    }
    s.push_str("\"/>\n");

    // Arcs from Kraków, ended partnerships dashed.
    for city in cities {
        let dash = if ended(city) {
            r#" stroke-dasharray="5,4""#
        } else {
            ""
        };
        let _ = writeln!(
            s,
            r#"<path class="arc" fill="none" stroke="{}" stroke-width="1.2" stroke-opacity="0.55"{dash} d="{}"/>"#,
            colour(city.agreement),
            path(&frame, &great_circle(KRAKOW, (city.lat, city.lon), 64))
        );
    }
    s.push_str("</g>\n");

    // Markers first, so labels can keep off them all.
    let bounds = Box {
        left,
        top,
        right,
        bottom,
    };
    let mut taken: Vec<Box> = Vec::new();
    let marker = |x: f64, y: f64, r: f64| Box {
        left: x - r,
        top: y - r,
        right: x + r,
        bottom: y + r,
    };
    let (kx, ky) = (frame.x(KRAKOW.1), frame.y(KRAKOW.0));
    taken.push(marker(kx, ky, 6.0));
    let _ = writeln!(
        s,
        r##"<circle class="home" cx="{kx:.1}" cy="{ky:.1}" r="6" fill="#1b1b1b" stroke="#ffffff" stroke-width="1.5"><title>Kraków</title></circle>"##
    );
    for city in cities {
        let (x, y) = (frame.x(city.lon), frame.y(city.lat));
        taken.push(marker(x, y, 4.5));
        let fill = if ended(city) {
            "#ffffff"
        } else {
            colour(city.agreement)
        };
        let _ = writeln!(
            s,
            r#"<circle class="city" data-name="{}" cx="{x:.1}" cy="{y:.1}" r="4.5" fill="{fill}" stroke="{}" stroke-width="1.5"><title>{} ({}, {})</title></circle>"#,
            xml(&city.name),
            colour(city.agreement),
            xml(&city.name),
            xml(city.country_shown()),
            kind_name(city.agreement)
        );
    }

    // Labels: Kraków first, then the cities from north to south.
    let mut order: Vec<&City> = cities.iter().collect();
    order.sort_by(|a, b| b.lat.total_cmp(&a.lat));
    let mut leaders = String::new();
    let mut labels = String::new();
    let mut label = |text: &str,
                     class: &str,
                     x: f64,
                     y: f64,
                     weight: &str,
                     taken: &mut Vec<Box>| {
        let placed = place_label(x, y, text, taken, bounds);
        taken.push(placed.area);
        if placed.away {
            // A thin line from the marker to the nearest point of its label.
            let a = placed.area;
            let (lx, ly) = (x.clamp(a.left, a.right), y.clamp(a.top, a.bottom));
            let _ = writeln!(
                leaders,
                r##"<line class="leader" x1="{x:.1}" y1="{y:.1}" x2="{lx:.1}" y2="{ly:.1}" stroke="#555555" stroke-width="0.6"/>"##
            );
        }
        let _ = writeln!(
            labels,
            r##"<text class="{class}" x="{:.1}" y="{:.1}" text-anchor="{}" font-size="{FONT}" font-weight="{weight}" fill="#222222" stroke="#ffffff" stroke-width="3" paint-order="stroke">{}</text>"##,
            placed.x,
            placed.y,
            placed.anchor,
            xml(text)
        );
    };
    // The legend takes the corner with the fewest markers; labels keep off it too.
    let legend_area = legend_corner(cities, &taken, bounds);
    if let Some(area) = legend_area {
        taken.push(area);
    }
    label("Kraków", "home-label", kx, ky, "bold", &mut taken);
    for city in order {
        label(
            &city.name,
            "label",
            frame.x(city.lon),
            frame.y(city.lat),
            "normal",
            &mut taken,
        );
    }
    s.push_str(&leaders);
    s.push_str(&labels);

    // Frame, title, legend, attribution.
    let _ = writeln!(
        s,
        r##"<rect x="{left:.1}" y="{top:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="#7a8a96" stroke-width="0.8"/>"##,
        right - left,
        bottom - top
    );
    let _ = writeln!(
        s,
        r##"<text class="title" x="{left:.1}" y="30" font-size="22" font-weight="bold" fill="#1b1b1b">Kraków's international partner cities</text>"##
    );
    let _ = writeln!(
        s,
        r##"<text class="subtitle" x="{left:.1}" y="54" font-size="14" fill="#444444">{}</text>"##,
        xml(subtitle)
    );
    if let Some(area) = legend_area {
        legend(&mut s, cities, area);
    }
    let _ = writeln!(
        s,
        r##"<text class="attribution" x="{right:.1}" y="{:.1}" text-anchor="end" font-size="10" fill="#666666">Land: Natural Earth (public domain). Arcs: great circles from Kraków's Main Market Square.</text>"##,
        bottom + 16.0
    );
    s.push_str("</svg>\n");
    s
}

/// The agreement kinds shown on the map (an unknown one last), and whether any
/// partnership there has ended.
fn legend_rows(cities: &[City]) -> (Vec<Option<Agreement>>, bool) {
    let kinds = Agreement::ALL
        .iter()
        .copied()
        .map(Some)
        .chain([None])
        .filter(|k| cities.iter().any(|c| c.agreement == *k))
        .collect();
    let ended = cities.iter().any(ended);
    (kinds, ended)
}

/// The legend's box, in the corner of the frame covering the fewest markers.
fn legend_corner(cities: &[City], markers: &[Box], frame: Box) -> Option<Box> {
    let (kinds, ended) = legend_rows(cities);
    let rows = kinds.len() + usize::from(ended);
    if rows == 0 {
        return None;
    }
    let (w, h) = (190.0, 18.0 * rows as f64 + 12.0);
    let (west, east) = (frame.left + 10.0, frame.right - 10.0 - w);
    let (north, south) = (frame.top + 10.0, frame.bottom - 10.0 - h);
    [(west, south), (east, south), (west, north), (east, north)]
        .into_iter()
        .map(|(left, top)| Box {
            left,
            top,
            right: left + w,
            bottom: top + h,
        })
        .min_by(|a, b| {
            let covered = |area: &Box| markers.iter().map(|m| m.overlap(area)).sum::<f64>();
            covered(a).total_cmp(&covered(b))
        })
}

/// The agreement kinds on the map, with their colours, and how ended ones look.
fn legend(s: &mut String, cities: &[City], area: Box) {
    let (kinds, ended) = legend_rows(cities);
    let (x, y, h) = (area.left, area.top, area.bottom - area.top);
    let _ = writeln!(
        s,
        r##"<g class="legend"><rect x="{x:.1}" y="{y:.1}" width="190" height="{h:.1}" rx="4" fill="#ffffff" fill-opacity="0.9" stroke="#9aa7b0"/>"##
    );
    for (i, kind) in kinds.iter().enumerate() {
        let cy = y + 15.0 + 18.0 * i as f64;
        let _ = writeln!(
            s,
            r##"<circle cx="{:.1}" cy="{cy:.1}" r="5" fill="{}"/><text x="{:.1}" y="{:.1}" font-size="12" fill="#222222">{}</text>"##,
            x + 14.0,
            colour(*kind),
            x + 26.0,
            cy + 4.0,
            kind_name(*kind)
        );
    }
    if ended {
        let cy = y + 15.0 + 18.0 * kinds.len() as f64;
        let _ = writeln!(
            s,
            r##"<circle cx="{:.1}" cy="{cy:.1}" r="4.5" fill="#ffffff" stroke="#6b6b6b" stroke-width="1.5"/><text x="{:.1}" y="{:.1}" font-size="12" fill="#222222">ended or suspended</text>"##,
            x + 14.0,
            x + 26.0,
            cy + 4.0
        );
    }
    s.push_str("</g>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn great_circles_end_where_they_should() {
        let arc = great_circle(KRAKOW, (-29.9, -71.25), 16);
        let (lat, lon) = arc[arc.len() - 1];
        assert!((lat + 29.9).abs() < 1e-6 && (lon + 71.25).abs() < 1e-6);
        assert!((arc[0].0 - KRAKOW.0).abs() < 1e-6);
    }

    #[test]
    fn xml_is_escaped() {
        assert_eq!(xml("A & <B> \"c\""), "A &amp; &lt;B&gt; &quot;c&quot;");
        assert_eq!(
            xml("x\u{1b}[2J\u{9b}\u{202e}\u{200b}"),
            "x\\x1b[2J\\u{9b}\\u{202e}\\u{200b}"
        );
        assert_eq!(xml("a\u{1b}b"), "a\\x1bb");
    }

    #[test]
    fn the_land_file_has_rings() {
        let rings = LAND.lines().filter(|l| !l.starts_with('#')).count();
        assert!(rings > 100, "{rings}");
    }
}
