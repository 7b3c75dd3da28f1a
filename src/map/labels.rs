//! Where each label goes. A label is only put where it cannot be read as another
//! city's: nearer its own marker than any other, overlapping no label, marker, leader
//! line or other obstacle, inside its panel; a label set apart from its marker gets a
//! leader line that crosses nothing. A city with no such place gets a number (placed by
//! the same rules) that the key beside the map explains; the few that find no place even
//! for a number are listed in the key alone. Everything is tried in a fixed order, so the
//! same cities give the same map.

/// A rectangle on the picture.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn grown(self, by: f64) -> Rect {
        Rect {
            left: self.left - by,
            top: self.top - by,
            right: self.right + by,
            bottom: self.bottom + by,
        }
    }

    fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    fn inside(&self, outer: &Rect) -> bool {
        self.left >= outer.left
            && self.right <= outer.right
            && self.top >= outer.top
            && self.bottom <= outer.bottom
    }

    /// The point of the rectangle nearest to `(x, y)`.
    pub fn nearest(&self, (x, y): (f64, f64)) -> (f64, f64) {
        (
            x.clamp(self.left, self.right),
            y.clamp(self.top, self.bottom),
        )
    }

    fn distance(&self, p: (f64, f64)) -> f64 {
        let q = self.nearest(p);
        (q.0 - p.0).hypot(q.1 - p.1)
    }

    /// Whether the segment from `a` to `b` passes through the rectangle.
    fn crossed_by(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        // Clip the segment's parameter range to the rectangle's slabs (Liang–Barsky).
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        for (p, q) in [
            (-dx, a.0 - self.left),
            (dx, self.right - a.0),
            (-dy, a.1 - self.top),
            (dy, self.bottom - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        t0 < t1
    }
}

/// A marker: a disc on the picture.
#[derive(Clone, Copy, Debug)]
pub struct Marker {
    pub x: f64,
    pub y: f64,
    pub r: f64,
}

/// The size of label text, and the box its glyphs cover around the baseline.
pub const FONT: f64 = 12.0;
const ASCENT: f64 = 0.75;
const DESCENT: f64 = 0.25;
/// Room kept around a label's glyphs for the white halo behind them.
const HALO: f64 = 2.0;
/// How much nearer its own marker a label must be than any other, in pixels.
const CLEAR: f64 = 3.0;

/// A text's width in pixels, from the widths of DejaVu Sans's glyph classes.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            'm' | 'w' | 'M' | 'W' => 0.92,
            'i' | 'j' | 'l' | 'f' | 't' | 'r' | 'I' | 'J' | ' ' | '.' | ',' | '\'' | '-' => 0.4,
            // Chinese, Japanese and Korean glyphs are square.
            '\u{1100}'..='\u{11ff}' | '\u{2e80}'..='\u{a4cf}' | '\u{ac00}'..='\u{d7af}' => 1.0,
            '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ff60}' => 1.0,
            c if c.is_uppercase() => 0.74,
            _ => 0.64,
        })
        .sum();
    ems * size * if bold { 1.12 } else { 1.0 }
}

/// Where a text went: its baseline's start, and a leader line from the marker's edge
/// to the text's box where it stands apart.
#[derive(Clone, Copy, Debug)]
pub struct Spot {
    pub x: f64,
    pub y: f64,
    pub leader: Option<((f64, f64), (f64, f64))>,
}

/// Directions tried around a marker, in order of preference (degrees, y down): right,
/// above right, left, above left, above, below, then the rest.
const DIRECTIONS: [f64; 16] = [
    0.0, -45.0, 180.0, -135.0, -90.0, 90.0, 45.0, 135.0, -22.5, 22.5, -157.5, 157.5, -67.5, -112.5,
    67.5, 112.5,
];
/// Gaps between a marker's edge and its label, nearest first; from `LEADER_FROM` on a
/// leader line joins them.
const GAPS: [f64; 7] = [1.5, 5.0, 10.0, 17.0, 26.0, 38.0, 52.0];
const LEADER_FROM: f64 = 10.0;

/// What is already on a panel, which a new label must keep clear of.
pub struct Board<'m> {
    markers: &'m [Marker],
    bounds: Rect,
    obstacles: Vec<Rect>,
    taken: Vec<Rect>,
    leaders: Vec<((f64, f64), (f64, f64))>,
}

impl<'m> Board<'m> {
    /// A panel `bounds` with its markers and what else labels must avoid (a legend, a
    /// title, the frame of an inset).
    pub fn new(markers: &'m [Marker], bounds: Rect, obstacles: Vec<Rect>) -> Board<'m> {
        Board {
            markers,
            bounds,
            obstacles,
            taken: Vec::new(),
            leaders: Vec::new(),
        }
    }

    /// Places a text of `width` beside marker `own`, taking its room; `None` where no
    /// spot keeps every rule.
    pub fn place(&mut self, own: usize, width: f64) -> Option<Spot> {
        let m = self.markers[own];
        let height = (ASCENT + DESCENT) * FONT;
        for gap in GAPS {
            let reach = m.r + gap;
            for degrees in DIRECTIONS {
                let (sin, cos) = degrees.to_radians().sin_cos();
                let (px, py) = (m.x + reach * cos, m.y + reach * sin);
                let left = if cos > 0.38 {
                    px
                } else if cos < -0.38 {
                    px - width
                } else {
                    px - width / 2.0
                };
                let top = if sin > 0.38 {
                    py
                } else if sin < -0.38 {
                    py - height
                } else {
                    py - height / 2.0
                };
                let glyphs = Rect {
                    left,
                    top,
                    right: left + width,
                    bottom: top + height,
                };
                let leader = (gap >= LEADER_FROM).then(|| {
                    let end = glyphs.nearest((m.x, m.y));
                    let along = (end.0 - m.x).hypot(end.1 - m.y).max(1e-9);
                    let start = (
                        m.x + (end.0 - m.x) * m.r / along,
                        m.y + (end.1 - m.y) * m.r / along,
                    );
                    (start, end)
                });
                if self.fits(own, glyphs, leader) {
                    self.taken.push(glyphs.grown(HALO));
                    self.leaders.extend(leader);
                    return Some(Spot {
                        x: left,
                        y: top + ASCENT * FONT,
                        leader,
                    });
                }
            }
        }
        None
    }

    fn fits(&self, own: usize, glyphs: Rect, leader: Option<((f64, f64), (f64, f64))>) -> bool {
        let room = glyphs.grown(HALO);
        if !room.inside(&self.bounds) {
            return false;
        }
        let mine = glyphs.distance((self.markers[own].x, self.markers[own].y));
        let misleads = self.markers.iter().enumerate().any(|(i, m)| {
            let at = (m.x, m.y);
            if i == own {
                // Its own marker may touch the halo, not the letters.
                return glyphs.distance(at) <= m.r;
            }
            room.distance(at) <= m.r || glyphs.distance(at) <= mine + CLEAR
        });
        if misleads
            || self.taken.iter().any(|t| t.overlaps(&room))
            || self.obstacles.iter().any(|o| o.overlaps(&room))
            || self.leaders.iter().any(|&(a, b)| room.crossed_by(a, b))
        {
            return false;
        }
        let Some((a, b)) = leader else {
            return true;
        };
        let near_marker = self
            .markers
            .iter()
            .enumerate()
            .any(|(i, m)| i != own && segment_distance((m.x, m.y), a, b) <= m.r + 1.5);
        !near_marker
            && !self.taken.iter().any(|t| t.crossed_by(a, b))
            && !self.obstacles.iter().any(|o| o.crossed_by(a, b))
            && !self
                .leaders
                .iter()
                .any(|&(c, d)| segments_cross(a, b, c, d))
    }
}

/// The distance from point `p` to the segment from `a` to `b`.
fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = dx * dx + dy * dy;
    let t = if length == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length).clamp(0.0, 1.0)
    };
    (a.0 + t * dx - p.0).hypot(a.1 + t * dy - p.1)
}

/// Whether two segments cross (touching counts).
fn segments_cross(a: (f64, f64), b: (f64, f64), c: (f64, f64), d: (f64, f64)) -> bool {
    let side = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| {
        (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0)
    };
    let (d1, d2) = (side(c, d, a), side(c, d, b));
    let (d3, d4) = (side(a, b, c), side(a, b, d));
    (d1 * d2 <= 0.0) && (d3 * d4 <= 0.0)
}

/// The order labels are placed in: the first `first` (Kraków) as given, then the most
/// crowded markers first, so they choose while there is room; ties by position.
pub fn order(markers: &[Marker], first: usize) -> Vec<usize> {
    let crowd: Vec<usize> = markers
        .iter()
        .map(|m| {
            markers
                .iter()
                .filter(|o| (o.x - m.x).hypot(o.y - m.y) < 60.0)
                .count()
        })
        .collect();
    let mut rest: Vec<usize> = (first..markers.len()).collect();
    rest.sort_by(|&a, &b| {
        crowd[b]
            .cmp(&crowd[a])
            .then(markers[a].y.total_cmp(&markers[b].y))
            .then(markers[a].x.total_cmp(&markers[b].x))
            .then(a.cmp(&b))
    });
    (0..first).chain(rest).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn board(markers: &[Marker]) -> Board<'_> {
        let bounds = Rect {
            left: 0.0,
            top: 0.0,
            right: 400.0,
            bottom: 300.0,
        };
        Board::new(markers, bounds, Vec::new())
    }

    #[test]
    fn a_lone_marker_is_labelled_on_its_right() {
        let markers = [Marker {
            x: 100.0,
            y: 100.0,
            r: 4.5,
        }];
        let spot = board(&markers).place(0, 40.0).unwrap();
        assert!(spot.x > 104.5 && spot.x < 108.0, "{spot:?}");
        assert!(spot.leader.is_none());
    }

    #[test]
    fn markers_on_one_spot_get_no_label() {
        let markers = [Marker {
            x: 100.0,
            y: 100.0,
            r: 4.5,
        }; 2];
        assert!(board(&markers).place(0, 40.0).is_none());
    }

    #[test]
    fn a_label_is_nearer_its_own_marker() {
        let markers = [
            Marker {
                x: 100.0,
                y: 100.0,
                r: 4.5,
            },
            Marker {
                x: 130.0,
                y: 100.0,
                r: 4.5,
            },
        ];
        let mut b = board(&markers);
        let spot = b.place(0, 60.0).unwrap();
        let glyphs = Rect {
            left: spot.x,
            top: spot.y - ASCENT * FONT,
            right: spot.x + 60.0,
            bottom: spot.y + DESCENT * FONT,
        };
        let mine = glyphs.distance((100.0, 100.0));
        assert!(glyphs.distance((130.0, 100.0)) > mine, "{spot:?}");
    }

    #[test]
    fn segments() {
        assert!(segments_cross(
            (0.0, 0.0),
            (2.0, 2.0),
            (0.0, 2.0),
            (2.0, 0.0)
        ));
        assert!(!segments_cross(
            (0.0, 0.0),
            (1.0, 0.0),
            (0.0, 1.0),
            (1.0, 1.0)
        ));
        let r = Rect {
            left: 1.0,
            top: 1.0,
            right: 2.0,
            bottom: 2.0,
        };
        assert!(r.crossed_by((0.0, 1.5), (3.0, 1.5)));
        assert!(!r.crossed_by((0.0, 0.0), (3.0, 0.5)));
    }
}
