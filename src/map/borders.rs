//! The land and the borders between countries: Natural Earth admin-0 (public domain),
//! from the npm package world-atlas 2 (ISC), converted by `tools/natural-earth.py` into
//! delta-coded points (the file format is described there).

use std::fmt::Write;

use super::projection::{Frame, GeoBox, Seam, path};

/// 1:110m, for maps of the whole world.
static COARSE: &[u8] = include_bytes!("../../data/world-110m.bin");
/// 1:50m, for maps of a continent or a country.
static FINE: &[u8] = include_bytes!("../../data/world-50m.bin");

/// Frames narrower than this many degrees of longitude get the finer outlines.
const FINE_BELOW_DEGREES: f64 = 100.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A closed ring of land (a coast, or a lake's shore inside land).
    Land,
    /// An open line two countries share.
    Border,
}

struct Line {
    kind: Kind,
    /// `(lat, lon)` in degrees.
    points: Vec<(f64, f64)>,
}

/// Reads one varint; `None` at the end of the bytes.
fn varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

fn signed(bytes: &[u8], at: &mut usize) -> Option<i64> {
    let n = varint(bytes, at)?;
    // Zigzag: 0, -1, 1, -2, 2… as 0, 1, 2, 3, 4…
    let magnitude = i64::try_from(n >> 1).ok()?;
    Some(if n & 1 == 0 {
        magnitude
    } else {
        -magnitude - 1
    })
}

/// Every line in a file; the file is built into the program, so a malformed one ends
/// the reading early rather than failing the map.
fn lines(bytes: &[u8]) -> Vec<Line> {
    let mut out = Vec::new();
    let Some(body) = bytes.strip_prefix(b"KPNE\x01") else {
        return out;
    };
    let mut at = 0;
    while let Some(&kind) = body.get(at) {
        at += 1;
        let kind = if kind == 0 { Kind::Land } else { Kind::Border };
        let Some(count) = varint(body, &mut at) else {
            break;
        };
        let (mut lon, mut lat) = (0i64, 0i64);
        let mut points = Vec::new();
        for _ in 0..count {
            let (Some(dlon), Some(dlat)) = (signed(body, &mut at), signed(body, &mut at)) else {
                return out;
            };
            lon += dlon;
            lat += dlat;
            // Hundredths of a degree fit an i32 and so an f64 exactly.
            let hundredths = |v: i64| f64::from(i32::try_from(v).unwrap_or(0)) / 100.0;
            points.push((hundredths(lat), hundredths(lon)));
        }
        out.push(Line { kind, points });
    }
    out
}

/// Whether any point of the line lies in (or near) the frame's area.
fn shown(line: &Line, area: &GeoBox) -> bool {
    let bounds = GeoBox::around(&line.points);
    bounds.meets(&area.padded(0.0, 1.0))
}

/// The land and borders of the frame's area, as two SVG paths (clipped by the caller).
pub fn draw(s: &mut String, frame: &Frame) {
    let bytes = if frame.area.width() < FINE_BELOW_DEGREES {
        FINE
    } else {
        COARSE
    };
    let lines = lines(bytes);
    for (kind, style) in [
        (
            Kind::Land,
            r##"class="land" fill="#f3efe4" stroke="#a89f88" stroke-width="0.6" fill-rule="evenodd""##,
        ),
        (
            Kind::Border,
            r##"class="borders" fill="none" stroke="#a3967c" stroke-width="0.7" stroke-linejoin="round""##,
        ),
    ] {
        let _ = write!(s, r#"<path {style} d=""#);
        for line in lines
            .iter()
            .filter(|l| l.kind == kind && shown(l, &frame.area))
        {
            if kind == Kind::Land {
                path(s, frame, &line.points, Seam::Continue);
                s.push('Z');
            } else {
                path(s, frame, &line.points, Seam::Lift);
            }
        }
        s.push_str("\"/>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_files_hold_land_and_borders() {
        for bytes in [COARSE, FINE] {
            let lines = lines(bytes);
            let land = lines.iter().filter(|l| l.kind == Kind::Land).count();
            let borders = lines.len() - land;
            assert!(land > 100 && borders > 100, "{land} {borders}");
            // Every point is on the globe.
            assert!(
                lines
                    .iter()
                    .flat_map(|l| &l.points)
                    .all(|&(lat, lon)| lat.abs() <= 90.0 && lon.abs() <= 180.0)
            );
        }
    }

    #[test]
    fn zigzag_reads_back() {
        let bytes = [0u8, 1, 2, 3, 0x80, 0x01];
        let mut at = 0;
        let read: Vec<i64> = std::iter::from_fn(|| signed(&bytes, &mut at)).collect();
        assert_eq!(read, [0, -1, 1, -2, 64]);
    }
}
