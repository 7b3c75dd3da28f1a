//! Distances and bearings on the WGS84 ellipsoid (Karney's geodesic).

use geographiclib_rs::{Geodesic, InverseGeodesic};

/// Kraków's Main Market Square, where every distance is measured from.
pub const KRAKOW: (f64, f64) = (50.0617, 19.9373);

/// Distance in kilometres and initial bearing in degrees (0..360, clockwise from
/// north) from one point to another.
pub fn distance_and_bearing(from: (f64, f64), to: (f64, f64)) -> (f64, f64) {
    let (metres, azimuth, _, _): (f64, f64, f64, f64) =
        Geodesic::wgs84().inverse(from.0, from.1, to.0, to.1);
    (metres / 1000.0, azimuth.rem_euclid(360.0))
}

/// Distance in kilometres from Kraków's Main Market Square.
pub fn from_krakow_km(lat: f64, lon: f64) -> f64 {
    distance_and_bearing(KRAKOW, (lat, lon)).0
}

/// Every city's distance from Kraków, in order, over all the machine's cores: the
/// geodesic is the costliest measure a command makes.
pub fn distances_from_krakow(cities: &[crate::city::City]) -> Vec<f64> {
    const WORTH_A_THREAD: usize = 20_000;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if cities.len() < WORTH_A_THREAD || threads == 1 {
        return cities
            .iter()
            .map(|c| from_krakow_km(c.lat, c.lon))
            .collect();
    }
    let chunk = cities.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let parts: Vec<_> = cities
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|c| from_krakow_km(c.lat, c.lon))
                        .collect::<Vec<f64>>()
                })
            })
            .collect();
        parts
            .into_iter()
            .flat_map(|p| p.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// The eight-point compass direction of a bearing: N, NE, E, SE, S, SW, W, NW.
pub fn compass(bearing: f64) -> &'static str {
    const POINTS: [&str; 8] = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"];
    POINTS[((bearing.rem_euclid(360.0) + 22.5) / 45.0) as usize % 8]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_match_the_citys_own_figures() {
        // The City of Kraków gives Košice 177 km and La Serena 12 605 km.
        let kosice = from_krakow_km(48.7208, 21.2575);
        assert!((kosice - 177.0).abs() < 2.0, "{kosice}");
        let la_serena = from_krakow_km(-29.9027, -71.2520);
        assert!((la_serena - 12_605.0).abs() < 60.0, "{la_serena}");
    }

    #[test]
    fn a_point_is_zero_from_itself() {
        assert!(from_krakow_km(KRAKOW.0, KRAKOW.1) < 1e-9);
    }

    #[test]
    fn one_degree_of_latitude_on_the_meridian() {
        // 1° of latitude at 45° N is 111.132 km on WGS84.
        let (d, bearing) = distance_and_bearing((44.5, 0.0), (45.5, 0.0));
        assert!((d - 111.132).abs() < 0.01, "{d}");
        assert!(bearing.abs() < 1e-9);
    }

    #[test]
    fn compass_points() {
        assert_eq!(compass(0.0), "N");
        assert_eq!(compass(359.0), "N");
        assert_eq!(compass(135.0), "SE");
        assert_eq!(compass(-90.0), "W");
        assert_eq!(compass(292.4), "W");
        assert_eq!(compass(292.6), "NW");
    }
}
