//! Whether a point lies in a country, and how far outside it if not: the countries'
//! outlines from Natural Earth 1:50m admin-0 (public domain), in the npm package
//! world-atlas 2 (ISC), converted by `tools/natural-earth.py` into
//! `data/countries-50m.bin` (its format is described there).
//!
//! A point is inside when it is inside an odd number of its country's rings (holes
//! are rings too: Lesotho in South Africa, San Marino in Italy). Outside, what counts
//! is whether it is near the outline.

use std::sync::{LazyLock, OnceLock};

/// The outlines, built into the program.
static OUTLINES: &[u8] = include_bytes!("../data/countries-50m.bin");

/// Kilometres per degree of latitude (and of longitude at the equator), near enough
/// for distances up to a few hundred kilometres, where they decide anything.
const KM_PER_DEGREE: f64 = 111.2;

/// One country's outline: its edges, and for each band of latitudes the edges that
/// reach into it, so that a point is judged by the few edges near its latitude rather
/// than by all of them (China has thousands).
struct Outline {
    /// `[lon, lat, lon, lat]` of each edge's ends, in degrees.
    edges: Vec<[f64; 4]>,
    /// The southernmost latitude and the height of a band, in degrees.
    south: f64,
    band: f64,
    /// The edges reaching into each band, by their place in `edges`.
    bands: Vec<Vec<u32>>,
}

/// The height of a band of latitudes, in degrees.
const BAND: f64 = 0.1;

impl Outline {
    /// The outline of rings, each a list of `(lon, lat)` closed back to its start.
    fn of(rings: &[Vec<(f64, f64)>]) -> Outline {
        let mut edges = Vec::new();
        for ring in rings {
            let mut previous = ring[ring.len() - 1];
            for &point in ring {
                edges.push([previous.0, previous.1, point.0, point.1]);
                previous = point;
            }
        }
        let south = edges
            .iter()
            .map(|e| e[1].min(e[3]))
            .fold(f64::INFINITY, f64::min);
        let north = edges
            .iter()
            .map(|e| e[1].max(e[3]))
            .fold(f64::NEG_INFINITY, f64::max);
        let mut outline = Outline {
            edges: Vec::new(),
            south,
            band: BAND,
            bands: vec![Vec::new(); band_count(south, north)],
        };
        for (i, edge) in edges.iter().enumerate() {
            let (low, high) = (edge[1].min(edge[3]), edge[1].max(edge[3]));
            for band in outline.band_of(low)..=outline.band_of(high) {
                // An outline has far fewer than 2^32 edges.
                outline.bands[band].push(u32::try_from(i).unwrap_or(u32::MAX));
            }
        }
        outline.edges = edges;
        outline
    }

    /// The band a latitude falls in, the nearest where it is outside them all.
    fn band_of(&self, lat: f64) -> usize {
        let band = ((lat - self.south) / self.band).floor().max(0.0);
        // Non-negative and below the count of bands once clamped.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let band = band as usize;
        band.min(self.bands.len() - 1)
    }

    fn edges_in(&self, band: usize) -> impl Iterator<Item = &[f64; 4]> {
        self.bands[band].iter().map(|&i| &self.edges[i as usize])
    }

    /// Whether a ray from the point towards the east crosses the outline an odd number
    /// of times: whether the point is inside (holes are rings too).
    fn holds(&self, lon: f64, lat: f64) -> bool {
        let north = self.south + self.band * self.bands.len() as f64;
        if lat < self.south || lat > north {
            return false;
        }
        let mut odd = false;
        for &[x1, y1, x2, y2] in self.edges_in(self.band_of(lat)) {
            if (y1 > lat) != (y2 > lat) && lon < x1 + (lat - y1) / (y2 - y1) * (x2 - x1) {
                odd = !odd;
            }
        }
        odd
    }

    /// Whether an edge passes within `km` of the point, measured on a plane around
    /// the point (longitudes shrunk by the cosine of its latitude; across the
    /// antimeridian the short way).
    fn near(&self, lon: f64, lat: f64, km: f64) -> bool {
        let reach = km / KM_PER_DEGREE;
        let north = self.south + self.band * self.bands.len() as f64;
        if lat + reach < self.south || lat - reach > north {
            return false;
        }
        let shrink = lat.to_radians().cos();
        let plane = |x: f64, y: f64| {
            let dx = (x - lon + 540.0).rem_euclid(360.0) - 180.0;
            (dx * shrink * KM_PER_DEGREE, (y - lat) * KM_PER_DEGREE)
        };
        (self.band_of(lat - reach)..=self.band_of(lat + reach)).any(|band| {
            self.edges_in(band)
                .any(|&[x1, y1, x2, y2]| to_segment(plane(x1, y1), plane(x2, y2)) <= km)
        })
    }
}

/// How many bands of [`BAND`] cover the latitudes from `south` to `north`.
fn band_count(south: f64, north: f64) -> usize {
    let count = ((north - south) / BAND).floor() + 1.0;
    // At most 1 800 bands: latitudes span 180 degrees.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let count = count.clamp(1.0, 1800.0) as usize;
    count
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

/// A country's code and its rings, each a list of `(lon, lat)`.
type Rings = ([u8; 2], Vec<Vec<(f64, f64)>>);

/// Each country's rings, by its code, in the order of the codes; the file is built
/// into the program, so a malformed one ends the reading early (a country then has
/// fewer rings, or none, and is not judged).
static RINGS: LazyLock<Vec<Rings>> = LazyLock::new(|| {
    let mut countries: Vec<Rings> = Vec::new();
    let Some(body) = OUTLINES.strip_prefix(b"KPNC\x01") else {
        return countries;
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
        match countries.iter_mut().find(|(code, _)| *code == [a, b]) {
            Some((_, rings)) => rings.push(points),
            None => countries.push(([a, b], vec![points])),
        }
    }
    countries.sort_by_key(|(code, _)| *code);
    countries
});

/// Each country's outline, made when first asked for.
static OUTLINES_MADE: LazyLock<Vec<OnceLock<Outline>>> =
    LazyLock::new(|| RINGS.iter().map(|_| OnceLock::new()).collect());

/// The outline of the country with ISO 3166-1 alpha-2 code `code`.
fn outline(code: &str) -> Option<&'static Outline> {
    let code = <[u8; 2]>::try_from(code.as_bytes()).ok()?;
    let i = RINGS.binary_search_by_key(&code, |(c, _)| *c).ok()?;
    Some(OUTLINES_MADE[i].get_or_init(|| Outline::of(&RINGS[i].1)))
}

/// Whether the point lies in the country of code `code`, or within `km` of its
/// borders; `None` where the outlines have no such country (a small island state, a
/// code that is no country).
pub fn within(code: &str, lat: f64, lon: f64, km: f64) -> Option<bool> {
    let outline = outline(code)?;
    Some(outline.holds(lon, lat) || outline.near(lon, lat, km))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the point is in the country itself.
    fn inside(code: &str, lat: f64, lon: f64) -> Option<bool> {
        within(code, lat, lon, 0.0)
    }

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
            assert_eq!(inside(code, lat, lon), Some(true), "{code}");
        }
        assert_eq!(inside("DE", 50.0614, 19.9366), Some(false));
        // Lesotho is a hole in South Africa.
        assert_eq!(inside("ZA", -29.6, 28.2), Some(false));
        assert_eq!(inside("LS", -29.6, 28.2), Some(true));
        // Frankfurt with its latitude and longitude swapped: in the Arabian Sea.
        assert_eq!(within("DE", 8.6821, 50.1109, 1000.0), Some(false));
        assert_eq!(within("DE", 8.6821, 50.1109, 10_000.0), Some(true));
        // Just over the Polish border in Slovakia: a few kilometres out.
        assert_eq!(inside("PL", 49.25, 20.2), Some(false));
        assert_eq!(within("PL", 49.25, 20.2, 25.0), Some(true));
        assert_eq!(within("QQ", 0.0, 0.0, 25.0), None);
        assert_eq!(within("", 0.0, 0.0, 25.0), None);
    }

    #[test]
    fn distance_is_measured_across_the_antimeridian() {
        // Off Fiji's eastern islands, just west of 180°: near, not around the world.
        assert_eq!(inside("FJ", -16.8, 179.99), Some(false));
        assert_eq!(within("FJ", -16.8, 179.99, 100.0), Some(true));
    }

    #[test]
    fn every_country_of_the_world_but_a_few_islands_has_an_outline() {
        assert!(RINGS.len() > 230, "{}", RINGS.len());
        assert!(
            RINGS
                .iter()
                .flat_map(|(_, rings)| rings.iter().flatten())
                .all(|&(lon, lat)| lat.abs() <= 90.0 && lon.abs() <= 180.0)
        );
    }
}
