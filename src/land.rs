//! Whether a point lies in a country, and how far outside it if not: the countries'
//! outlines from Natural Earth 1:50m admin-0 (public domain), in the npm package
//! world-atlas 2 (ISC), converted by `tools/natural-earth.py` into
//! `data/countries-50m.bin` (its format is described there).
//!
//! A point is inside when it is inside an odd number of its country's rings (holes
//! are rings too: Lesotho in South Africa, San Marino in Italy). Outside, the distance
//! is to the nearest point of the country's outline.

use std::sync::LazyLock;

/// The outlines, built into the program.
static OUTLINES: &[u8] = include_bytes!("../data/countries-50m.bin");

/// Kilometres per degree of latitude (and of longitude at the equator), near enough
/// for distances up to a few hundred kilometres, where they decide anything.
const KM_PER_DEGREE: f64 = 111.2;

/// One closed ring of a country's outline.
struct Ring {
    code: [u8; 2],
    /// `(lon, lat)` in degrees, the last point joined to the first.
    points: Vec<(f64, f64)>,
    /// West, south, east and north ends.
    bounds: [f64; 4],
}

impl Ring {
    fn holds_box(&self, lon: f64, lat: f64) -> bool {
        let [west, south, east, north] = self.bounds;
        (west..=east).contains(&lon) && (south..=north).contains(&lat)
    }

    /// Whether a ray from the point towards the east crosses the ring an odd number
    /// of times.
    fn crossed_oddly(&self, lon: f64, lat: f64) -> bool {
        let mut odd = false;
        let mut previous = self.points[self.points.len() - 1];
        for &point in &self.points {
            let ((x1, y1), (x2, y2)) = (previous, point);
            if (y1 > lat) != (y2 > lat) && lon < x1 + (lat - y1) / (y2 - y1) * (x2 - x1) {
                odd = !odd;
            }
            previous = point;
        }
        odd
    }

    /// The least distance in km from the point to the ring's box, by latitude alone:
    /// never more than the distance to any point of the ring.
    fn at_least_km(&self, lat: f64) -> f64 {
        let [_, south, _, north] = self.bounds;
        (south - lat).max(lat - north).max(0.0) * KM_PER_DEGREE
    }

    /// The distance in km from the point to the nearest point of the ring, measured on
    /// a plane around the point (longitudes shrunk by the cosine of its latitude).
    fn km_to(&self, lon: f64, lat: f64) -> f64 {
        let shrink = lat.to_radians().cos();
        let plane = |(x, y): (f64, f64)| {
            // Across the antimeridian the short way.
            let dx = (x - lon + 540.0).rem_euclid(360.0) - 180.0;
            (dx * shrink * KM_PER_DEGREE, (y - lat) * KM_PER_DEGREE)
        };
        let mut least = f64::INFINITY;
        let mut previous = plane(self.points[self.points.len() - 1]);
        for &point in &self.points {
            let point = plane(point);
            least = least.min(to_segment(previous, point));
            previous = point;
        }
        least
    }
}

/// The distance from the origin to the segment from `a` to `b`.
fn to_segment(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = dx * dx + dy * dy;
    let t = if length > 0.0 {
        (-(a.0 * dx + a.1 * dy) / length).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (a.0 + t * dx).hypot(a.1 + t * dy)
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

/// Every ring, sorted by country; the file is built into the program, so a malformed
/// one ends the reading early (a country then has no outline, and is not judged).
static RINGS: LazyLock<Vec<Ring>> = LazyLock::new(|| {
    let mut rings = Vec::new();
    let Some(body) = OUTLINES.strip_prefix(b"KPNC\x01") else {
        return rings;
    };
    let mut at = 0;
    while let (Some(&a), Some(&b)) = (body.get(at), body.get(at + 1)) {
        at += 2;
        let Some(count) = varint(body, &mut at) else {
            break;
        };
        let (mut lon, mut lat) = (0i64, 0i64);
        let mut points = Vec::new();
        for _ in 0..count {
            let (Some(dlon), Some(dlat)) = (signed(body, &mut at), signed(body, &mut at)) else {
                break;
            };
            lon += dlon;
            lat += dlat;
            // Hundredths of a degree fit an i32 and so an f64 exactly.
            let degrees = |v: i64| f64::from(i32::try_from(v).unwrap_or(0)) / 100.0;
            points.push((degrees(lon), degrees(lat)));
        }
        if points.len() < 3 {
            break;
        }
        let bounds = points.iter().fold(
            [
                f64::INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
            ],
            |[w, s, e, n], &(x, y)| [w.min(x), s.min(y), e.max(x), n.max(y)],
        );
        rings.push(Ring {
            code: [a, b],
            points,
            bounds,
        });
    }
    rings.sort_by_key(|r| r.code);
    rings
});

/// The rings of the country with ISO 3166-1 alpha-2 code `code`.
fn rings_of(code: &str) -> &'static [Ring] {
    let rings: &[Ring] = &RINGS;
    let Ok(code) = <[u8; 2]>::try_from(code.as_bytes()) else {
        return &[];
    };
    let start = rings.partition_point(|r| r.code < code);
    let end = rings.partition_point(|r| r.code <= code);
    &rings[start..end]
}

/// How far in km the point lies outside the country of code `code`: 0 inside it;
/// `None` where the outlines have no such country (a small island state, a code that
/// is no country).
pub fn km_outside(code: &str, lat: f64, lon: f64) -> Option<f64> {
    let rings = rings_of(code);
    if rings.is_empty() {
        return None;
    }
    let inside = rings
        .iter()
        .filter(|r| r.holds_box(lon, lat))
        .fold(false, |odd, r| odd ^ r.crossed_oddly(lon, lat));
    if inside {
        return Some(0.0);
    }
    let mut least = f64::INFINITY;
    for ring in rings {
        if ring.at_least_km(lat) < least {
            least = least.min(ring.km_to(lon, lat));
        }
    }
    Some(least)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities_lie_in_their_countries_and_not_in_others() {
        // Kraków, Frankfurt, Kyoto, La Serena, Cusco, Rome.
        for (code, lat, lon) in [
            ("PL", 50.0614, 19.9366),
            ("DE", 50.1109, 8.6821),
            ("JP", 35.0117, 135.7683),
            ("CL", -29.9027, -71.2519),
            ("PE", -13.5320, -71.9675),
            ("IT", 41.8931, 12.4828),
        ] {
            assert_eq!(km_outside(code, lat, lon), Some(0.0), "{code}");
        }
        // Rome is not in the Vatican, a hole in Italy; Maseru is in Lesotho, a hole in
        // South Africa.
        assert_eq!(km_outside("ZA", -29.6, 28.2).map(|km| km > 0.0), Some(true));
        assert_eq!(km_outside("LS", -29.6, 28.2), Some(0.0));
        // Frankfurt with its latitude and longitude swapped: in the Arabian Sea.
        let km = km_outside("DE", 8.6821, 50.1109).unwrap();
        assert!((4000.0..6000.0).contains(&km), "{km}");
        // Just over the Polish border in Slovakia: a few kilometres out.
        let km = km_outside("PL", 49.25, 20.2).unwrap();
        assert!(km > 0.0 && km < 25.0, "{km}");
        assert_eq!(km_outside("QQ", 0.0, 0.0), None);
        assert_eq!(km_outside("", 0.0, 0.0), None);
    }

    #[test]
    fn distance_is_measured_across_the_antimeridian() {
        // Off Fiji's eastern islands, just west of 180°: near, not around the world.
        let km = km_outside("FJ", -16.8, 179.99).unwrap();
        assert!(km < 100.0, "{km}");
    }

    #[test]
    fn every_country_of_the_world_but_a_few_islands_has_an_outline() {
        let codes: std::collections::BTreeSet<[u8; 2]> = RINGS.iter().map(|r| r.code).collect();
        assert!(codes.len() > 230, "{}", codes.len());
        assert!(
            RINGS
                .iter()
                .flat_map(|r| &r.points)
                .all(|&(lon, lat)| lat.abs() <= 90.0 && lon.abs() <= 180.0)
        );
    }
}
