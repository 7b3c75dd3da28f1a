//! The picture's parts: the title on top, the main panel, and where the data crowd
//! markers together, an inset panel below it enlarging that region; the legend and the
//! key in a column beside the lowest panel.

use super::labels::Rect;
use super::projection::{Frame, GeoBox};

pub const WIDTH: f64 = 1200.0;
pub const MARGIN: f64 = 20.0;
/// The room the title and subtitle take above the panels.
pub const HEADER: f64 = 72.0;
/// The column beside the panels for the legend and the key.
pub const SIDE: f64 = 270.0;
const GAP: f64 = 20.0;
/// The radius of a city's marker; Kraków's is larger.
pub const RADIUS: f64 = 4.5;
pub const HOME_RADIUS: f64 = 6.0;

/// Markers nearer than this (centre to centre, in pixels) leave no room for labels.
const CROWDED: f64 = 2.0 * RADIUS + 12.0;
/// Markers this near belong to the same crowd.
const LINK: f64 = 40.0;
/// An inset is drawn only when it enlarges at least this much…
const LEAST_ZOOM: f64 = 2.0;
/// …and its crowd is at least this many times denser than the whole map.
const LEAST_DENSITY: f64 = 4.0;

/// Where everything goes.
pub struct Plan {
    pub main: Frame,
    pub inset: Option<Frame>,
    /// The top left corner of the legend's column.
    pub side: (f64, f64),
}

impl Plan {
    /// The panel a frame fills, as a rectangle of the picture.
    pub fn rect(frame: &Frame) -> Rect {
        Rect {
            left: frame.left,
            top: frame.top,
            right: frame.left + frame.width(),
            bottom: frame.top + frame.height(),
        }
    }

    /// The lowest panel's bottom edge.
    pub fn bottom(&self) -> f64 {
        let last = self.inset.as_ref().unwrap_or(&self.main);
        last.top + last.height()
    }
}

/// The plan for `(lat, lon)` points (Kraków among them).
pub fn plan(points: &[(f64, f64)]) -> Plan {
    let bounds = GeoBox::around(points);
    // Some land around the places, but never so much that a close group shrinks to a dot.
    let least = ((bounds.width()).max(bounds.north - bounds.south) * 0.2).clamp(0.2, 3.0);
    let area = bounds.padded(0.08, least);
    let side_left = WIDTH - MARGIN - SIDE;
    let full = Frame::fit(area, WIDTH - 2.0 * MARGIN, 560.0);
    let full = full.at(MARGIN + (WIDTH - 2.0 * MARGIN - full.width()) / 2.0, HEADER);
    let inset = crowd(points, &full).and_then(|crowd| {
        let region = crowd.padded(0.06, 0.6);
        let everything = points.iter().all(|&(lat, lon)| region.contains(lat, lon));
        let frame = Frame::fit(region, side_left - GAP - MARGIN, 820.0);
        (!everything && frame.scale >= LEAST_ZOOM * full.scale).then_some(frame)
    });
    match inset {
        Some(frame) => {
            let top = full.top + full.height() + GAP;
            Plan {
                main: full,
                inset: Some(frame.at(MARGIN, top)),
                side: (side_left, top),
            }
        }
        None => Plan {
            main: Frame::fit(area, side_left - GAP - MARGIN, 820.0).at(MARGIN, HEADER),
            inset: None,
            side: (side_left, HEADER),
        },
    }
}

/// The region of the densest crowd of markers on `frame`, if three or more markers
/// are crowded: the crowd is every marker linked to the most crowded one through
/// markers less than `LINK` apart.
fn crowd(points: &[(f64, f64)], frame: &Frame) -> Option<GeoBox> {
    let at: Vec<(f64, f64)> = points.iter().map(|&p| frame.point(p)).collect();
    let at = &at;
    let near = |i: usize, within: f64| {
        (0..at.len())
            .filter(move |&j| j != i && (at[i].0 - at[j].0).hypot(at[i].1 - at[j].1) < within)
    };
    let crowded: Vec<usize> = (0..at.len())
        .filter(|&i| near(i, CROWDED).next().is_some())
        .collect();
    if crowded.len() < 3 {
        return None;
    }
    // The first of the most crowded, so the choice is the same every time.
    let seed = crowded
        .iter()
        .copied()
        .max_by_key(|&i| (near(i, 60.0).count(), std::cmp::Reverse(i)))?;
    let mut member = vec![false; at.len()];
    member[seed] = true;
    let mut queue = vec![seed];
    while let Some(i) = queue.pop() {
        for j in near(i, LINK) {
            if !member[j] {
                member[j] = true;
                queue.push(j);
            }
        }
    }
    let chosen: Vec<usize> = (0..points.len()).filter(|&i| member[i]).collect();
    // Markers per square pixel, in the crowd's box and on the whole frame.
    let area = |of: &[usize]| {
        let spread = |f: fn(&(f64, f64)) -> f64| {
            let values = of.iter().map(|&i| f(&at[i]));
            let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
                (l.min(v), h.max(v))
            });
            (high - low).max(LINK)
        };
        spread(|p| p.0) * spread(|p| p.1)
    };
    let everyone: Vec<usize> = (0..at.len()).collect();
    let density = |of: &[usize]| of.len() as f64 / area(of);
    if chosen.len() < 4 || density(&chosen) < LEAST_DENSITY * density(&everyone) {
        return None;
    }
    // Markers just outside the crowd would sit on the edge of its frame: take them in.
    let (mut left, mut top, mut right, mut bottom) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &i in &chosen {
        (left, top) = (left.min(at[i].0), top.min(at[i].1));
        (right, bottom) = (right.max(at[i].0), bottom.max(at[i].1));
    }
    let reach = LINK / 2.0;
    let chosen: Vec<(f64, f64)> = (0..at.len())
        .filter(|&i| {
            let (x, y) = at[i];
            (left - reach..=right + reach).contains(&x)
                && (top - reach..=bottom + reach).contains(&y)
        })
        .map(|i| points[i])
        .collect();
    Some(GeoBox::around(&chosen))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crowd_far_from_the_rest_gets_an_inset() {
        let mut points = vec![(-30.0, -70.0), (40.0, -100.0), (35.0, 120.0)];
        points.extend((0..8).map(|i| (50.0 + f64::from(i) * 0.2, 15.0 + f64::from(i) * 0.3)));
        let plan = plan(&points);
        let inset = plan.inset.expect("an inset");
        assert!(inset.area.contains(50.7, 16.0));
        assert!(!inset.area.contains(-30.0, -70.0));
        assert!(inset.top > plan.main.top + plan.main.height());
    }

    #[test]
    fn scattered_points_get_none() {
        let points = [(-30.0, -70.0), (40.0, -100.0), (35.0, 120.0), (50.0, 20.0)];
        assert!(plan(&points).inset.is_none());
    }
}
