//! Where a place falls on the picture: a box of the world, fitted to a panel with
//! horizontal degrees shrunk by the cosine of its middle latitude, so shapes keep.

use std::fmt::Write;

/// A part of the world, in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GeoBox {
    pub west: f64,
    pub east: f64,
    pub south: f64,
    pub north: f64,
}

impl GeoBox {
    /// The smallest box holding every `(lat, lon)` point.
    pub fn around(points: &[(f64, f64)]) -> GeoBox {
        let mut b = GeoBox {
            west: 180.0,
            east: -180.0,
            south: 90.0,
            north: -90.0,
        };
        for &(lat, lon) in points {
            b.south = b.south.min(lat);
            b.north = b.north.max(lat);
            b.west = b.west.min(lon);
            b.east = b.east.max(lon);
        }
        b
    }

    /// The box grown by a share of its size on each side, at least `least` degrees,
    /// never beyond the poles or the antimeridian.
    pub fn padded(self, share: f64, least: f64) -> GeoBox {
        let pad_lat = ((self.north - self.south) * share).max(least);
        let pad_lon = ((self.east - self.west) * share).max(least * 1.5);
        GeoBox {
            west: (self.west - pad_lon).max(-180.0),
            east: (self.east + pad_lon).min(180.0),
            south: (self.south - pad_lat).max(-85.0),
            north: (self.north + pad_lat).min(85.0),
        }
    }

    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        (self.south..=self.north).contains(&lat) && (self.west..=self.east).contains(&lon)
    }

    /// Whether the two boxes share any ground.
    pub fn meets(&self, other: &GeoBox) -> bool {
        self.west <= other.east
            && other.west <= self.east
            && self.south <= other.north
            && other.south <= self.north
    }

    pub fn width(&self) -> f64 {
        self.east - self.west
    }
}

/// A box of the world drawn on a panel of the picture.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub area: GeoBox,
    /// Horizontal degrees shrink with the cosine of the middle latitude.
    stretch: f64,
    /// Pixels per degree of latitude.
    pub scale: f64,
    pub left: f64,
    pub top: f64,
}

impl Frame {
    /// The frame showing `area` as large as fits in `max_width` by `max_height`, its
    /// top left corner at the picture's origin until it is moved with [`Frame::at`].
    pub fn fit(area: GeoBox, max_width: f64, max_height: f64) -> Frame {
        let stretch = ((area.south + area.north) / 2.0)
            .to_radians()
            .cos()
            .max(0.2);
        let width = (area.east - area.west).max(1e-6) * stretch;
        let height = (area.north - area.south).max(1e-6);
        let scale = (max_width / width).min(max_height / height);
        Frame {
            area,
            stretch,
            scale,
            left: 0.0,
            top: 0.0,
        }
    }

    pub fn at(self, left: f64, top: f64) -> Frame {
        Frame { left, top, ..self }
    }

    pub fn width(&self) -> f64 {
        (self.area.east - self.area.west) * self.stretch * self.scale
    }

    pub fn height(&self) -> f64 {
        (self.area.north - self.area.south) * self.scale
    }

    pub fn x(&self, lon: f64) -> f64 {
        self.left + (lon - self.area.west) * self.stretch * self.scale
    }

    pub fn y(&self, lat: f64) -> f64 {
        self.top + (self.area.north - lat) * self.scale
    }

    /// Where a `(lat, lon)` point falls.
    pub fn point(&self, (lat, lon): (f64, f64)) -> (f64, f64) {
        (self.x(lon), self.y(lat))
    }
}

/// Points along the great circle from one place to another, for an arc's path.
pub fn great_circle(from: (f64, f64), to: (f64, f64), steps: usize) -> Vec<(f64, f64)> {
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

/// How a line meets the antimeridian.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Seam {
    /// An open line lifts the pen there.
    Lift,
    /// A ring of land goes on past it, off the frame, so its fill stays whole.
    Continue,
}

/// An SVG path through `(lat, lon)` points, leaving out points less than half a pixel
/// from the last drawn.
pub fn path(d: &mut String, frame: &Frame, points: &[(f64, f64)], seam: Seam) {
    let mut last: Option<(f64, f64, f64)> = None;
    for (i, &(lat, mut lon)) in points.iter().enumerate() {
        let mut command = 'L';
        if let Some((_, _, l)) = last
            && (lon - l).abs() > 180.0
        {
            match seam {
                Seam::Lift => command = 'M',
                Seam::Continue => lon += 360.0 * (l - lon).signum(),
            }
        }
        let (x, y) = frame.point((lat, lon));
        match last {
            None => command = 'M',
            Some((lx, ly, _)) if command == 'L' => {
                let near = (x - lx).abs() < 0.5 && (y - ly).abs() < 0.5;
                if near && i + 1 < points.len() {
                    continue;
                }
            }
            Some(_) => {}
        }
        let _ = write!(d, "{command}{x:.1},{y:.1}");
        last = Some((x, y, lon));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::KRAKOW;

    #[test]
    fn great_circles_end_where_they_should() {
        let arc = great_circle(KRAKOW, (-29.9, -71.25), 16);
        let (lat, lon) = arc[arc.len() - 1];
        assert!((lat + 29.9).abs() < 1e-6 && (lon + 71.25).abs() < 1e-6);
        assert!((arc[0].0 - KRAKOW.0).abs() < 1e-6);
    }

    #[test]
    fn a_frame_fits_its_panel_and_keeps_north_up() {
        let area = GeoBox::around(&[(40.0, 0.0), (60.0, 30.0)]);
        let frame = Frame::fit(area, 800.0, 600.0).at(10.0, 20.0);
        assert!(frame.width() <= 800.0 + 1e-9 && frame.height() <= 600.0 + 1e-9);
        assert!((frame.x(0.0) - 10.0).abs() < 1e-9 && (frame.y(60.0) - 20.0).abs() < 1e-9);
        assert!(frame.y(40.0) > frame.y(60.0));
    }
}
