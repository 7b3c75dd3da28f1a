//! Distances and bearings on the WGS84 ellipsoid (Karney's geodesic).

use geographiclib_rs::{Geodesic, InverseGeodesic};

use crate::city::City;

/// Kraków's Main Market Square, where every distance is measured from.
pub const KRAKOW: (f64, f64) = (50.0617, 19.9373);

/// Distance in kilometres and initial bearing in degrees (0..360, clockwise from
/// north) from one point to another; no bearing from a point to itself.
pub fn distance_and_bearing(from: (f64, f64), to: (f64, f64)) -> (f64, Option<f64>) {
    let (metres, azimuth, _, _): (f64, f64, f64, f64) =
        Geodesic::wgs84().inverse(from.0, from.1, to.0, to.1);
    (metres / 1000.0, direction(metres, azimuth))
}

/// A bearing, where there is a way to go: none from a place to itself (closer than a
/// millimetre), whatever the azimuth the formula gives there.
fn direction(metres: f64, azimuth: f64) -> Option<f64> {
    const SAME_PLACE: f64 = 1e-3;
    (metres >= SAME_PLACE).then(|| azimuth.rem_euclid(360.0))
}

/// Distance in kilometres from Kraków's Main Market Square.
pub fn from_krakow_km(lat: f64, lon: f64) -> f64 {
    km(KRAKOW, (lat, lon))
}

/// Distance in kilometres between two points.
///
/// Vincenty's iteration agrees with Karney's geodesic to well under a millimetre and
/// costs a third as much; Karney's is used where Vincenty's does not converge (nearly
/// antipodal points) and where a millimetre could change the distance as printed
/// (to 0.1 km), so every printed distance is Karney's.
pub fn km(from: (f64, f64), to: (f64, f64)) -> f64 {
    match vincenty_km(from, to) {
        Some(km) if ((km * 10.0).fract() - 0.5).abs() > 1e-4 => km,
        _ => geodesic_km(from, to),
    }
}

/// The geodesic distance in kilometres (Karney), without the bearing.
pub fn geodesic_km(from: (f64, f64), to: (f64, f64)) -> f64 {
    let metres: f64 = Geodesic::wgs84().inverse(from.0, from.1, to.0, to.1);
    metres / 1000.0
}

/// Vincenty's inverse formula on WGS84, in kilometres; `None` where the iteration does
/// not settle.
fn vincenty_km(from: (f64, f64), to: (f64, f64)) -> Option<f64> {
    const A: f64 = 6_378_137.0;
    const F: f64 = 1.0 / 298.257_223_563;
    const B: f64 = A * (1.0 - F);
    let reduced = |lat: f64| ((1.0 - F) * lat.to_radians().tan()).atan().sin_cos();
    let (sin_u1, cos_u1) = reduced(from.0);
    let (sin_u2, cos_u2) = reduced(to.0);
    let l = (to.1 - from.1).to_radians();
    let mut lambda = l;
    for _ in 0..20 {
        let (sin_l, cos_l) = lambda.sin_cos();
        let sin_sigma = (cos_u2 * sin_l).hypot(cos_u1 * sin_u2 - sin_u1 * cos_u2 * cos_l);
        if sin_sigma == 0.0 {
            return Some(0.0);
        }
        let cos_sigma = sin_u1 * sin_u2 + cos_u1 * cos_u2 * cos_l;
        let sigma = sin_sigma.atan2(cos_sigma);
        let sin_alpha = cos_u1 * cos_u2 * sin_l / sin_sigma;
        let cos2_alpha = 1.0 - sin_alpha * sin_alpha;
        // On the equator cos²α is 0 and the term drops out.
        let cos_2sm = if cos2_alpha == 0.0 {
            0.0
        } else {
            cos_sigma - 2.0 * sin_u1 * sin_u2 / cos2_alpha
        };
        let c = F / 16.0 * cos2_alpha * (4.0 + F * (4.0 - 3.0 * cos2_alpha));
        let previous = lambda;
        lambda = l
            + (1.0 - c)
                * F
                * sin_alpha
                * (sigma
                    + c * sin_sigma * (cos_2sm + c * cos_sigma * (-1.0 + 2.0 * cos_2sm * cos_2sm)));
        if lambda.abs() > std::f64::consts::PI {
            return None;
        }
        if (lambda - previous).abs() < 1e-12 {
            let u2 = cos2_alpha * (A * A - B * B) / (B * B);
            let a = 1.0 + u2 / 16384.0 * (4096.0 + u2 * (-768.0 + u2 * (320.0 - 175.0 * u2)));
            let b = u2 / 1024.0 * (256.0 + u2 * (-128.0 + u2 * (74.0 - 47.0 * u2)));
            let delta = b
                * sin_sigma
                * (cos_2sm
                    + b / 4.0
                        * (cos_sigma * (-1.0 + 2.0 * cos_2sm * cos_2sm)
                            - b / 6.0
                                * cos_2sm
                                * (-3.0 + 4.0 * sin_sigma * sin_sigma)
                                * (-3.0 + 4.0 * cos_2sm * cos_2sm)));
            return Some(B * a * (sigma - delta) / 1000.0);
        }
    }
    None
}

/// The eight points of the compass, clockwise from north.
pub const COMPASS: &[&str] = &["N", "NE", "E", "SE", "S", "SW", "W", "NW"];

/// The eight-point compass direction of a bearing: N, NE, E, SE, S, SW, W, NW.
pub fn compass(bearing: f64) -> &'static str {
    const POINTS: &[&str] = COMPASS;
    // Eight sectors of 45°, the first centred on north.
    let sector = ((bearing.rem_euclid(360.0) + 22.5) / 45.0).floor();
    let index = POINTS
        .iter()
        .zip(0u8..)
        .find(|(_, i)| f64::from(*i) == sector)
        .map_or(0, |(_, i)| usize::from(i));
    POINTS[index]
}

/// Whether a name means Kraków itself, in any of its spellings (any case, any
/// diacritics).
pub fn is_krakow(name: &str) -> bool {
    const NAMES: &[&str] = &[
        "krakow", "cracow", "krakau", "cracovia", "cracovie", "krakov",
    ];
    NAMES.contains(&crate::city::fold(name.trim()).as_str())
}

/// Where distances and bearings are measured from: Kraków's Main Market Square, or a
/// partner city (`--from`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Centre {
    /// The partner city; none for Kraków.
    city: Option<Box<City<'static>>>,
}

impl Centre {
    /// Kraków's Main Market Square.
    pub fn krakow() -> Centre {
        Centre { city: None }
    }

    /// A partner city.
    pub fn of(city: &City) -> Centre {
        Centre {
            city: Some(Box::new(city.clone().into_owned())),
        }
    }

    /// The partner city it is; none for Kraków.
    pub fn city(&self) -> Option<&City<'static>> {
        self.city.as_deref()
    }

    /// Its English name, as answers give it.
    pub fn name(&self) -> &str {
        self.city.as_ref().map_or("Kraków", |c| &c.name)
    }

    pub fn point(&self) -> (f64, f64) {
        self.city.as_ref().map_or(KRAKOW, |c| (c.lat, c.lon))
    }

    /// Whether `city` is the partner city it is (by name and country, as the loader
    /// tells cities apart).
    pub fn is(&self, city: &City) -> bool {
        self.city.as_ref().is_some_and(|c| {
            c.country_shown() == city.country_shown()
                && crate::city::fold(&c.name) == crate::city::fold(&city.name)
        })
    }

    /// Distance in kilometres to a point.
    pub fn km(&self, lat: f64, lon: f64) -> f64 {
        km(self.point(), (lat, lon))
    }

    /// Initial bearing in degrees to a point; none to the centre itself.
    pub fn bearing(&self, lat: f64, lon: f64) -> Option<f64> {
        distance_and_bearing(self.point(), (lat, lon)).1
    }
}

/// The way from one place to another.
#[derive(Clone, Debug, PartialEq)]
pub struct Leg {
    pub from: String,
    pub to: String,
    pub km: f64,
    /// None between a place and itself.
    pub bearing: Option<f64>,
}

impl Leg {
    /// From Kraków's Main Market Square to a city.
    pub fn from_krakow(to: &City) -> Leg {
        // The same distance as every other command gives.
        let km = from_krakow_km(to.lat, to.lon);
        let (_, bearing) = distance_and_bearing(KRAKOW, (to.lat, to.lon));
        Leg {
            from: "Kraków".into(),
            to: to.name.to_string(),
            km,
            bearing,
        }
    }

    /// From a city back to Kraków's Main Market Square.
    pub fn to_krakow(from: &City) -> Leg {
        let km = from_krakow_km(from.lat, from.lon);
        let (_, bearing) = distance_and_bearing((from.lat, from.lon), KRAKOW);
        Leg {
            from: from.name.to_string(),
            to: "Kraków".into(),
            km,
            bearing,
        }
    }

    /// From Kraków to itself.
    pub fn krakow() -> Leg {
        Leg {
            from: "Kraków".into(),
            to: "Kraków".into(),
            km: 0.0,
            bearing: None,
        }
    }

    /// Between two cities.
    pub fn between(from: &City, to: &City) -> Leg {
        let (km, bearing) = distance_and_bearing((from.lat, from.lon), (to.lat, to.lon));
        Leg {
            from: from.name.to_string(),
            to: to.name.to_string(),
            km,
            bearing,
        }
    }
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
        assert!(bearing.is_some_and(|b| b.abs() < 1e-9));
    }

    #[test]
    fn distances_from_krakow_are_the_geodesics() {
        // Points spread over the globe, and many near Kraków and near its antipode.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut worst: f64 = 0.0;
        for i in 0..200_000 {
            let (lat, lon) = match i % 3 {
                0 => (next() * 180.0 - 90.0, next() * 360.0 - 180.0),
                1 => (KRAKOW.0 + next() * 2.0 - 1.0, KRAKOW.1 + next() * 2.0 - 1.0),
                _ => (
                    -KRAKOW.0 + next() * 16.0 - 8.0,
                    KRAKOW.1 - 180.0 + next() * 16.0 - 8.0,
                ),
            };
            let exact = geodesic_km(KRAKOW, (lat, lon));
            let fast = from_krakow_km(lat, lon);
            worst = worst.max((fast - exact).abs());
            // As printed, to 0.1 km, always the same.
            assert_eq!(format!("{fast:.1}"), format!("{exact:.1}"), "{lat} {lon}");
        }
        // Well within 0.01%: under a millimetre.
        assert!(worst < 1e-6, "worst difference {worst:e} km");
    }

    #[test]
    fn a_place_has_no_bearing_from_itself() {
        assert_eq!(
            distance_and_bearing((50.0, 20.0), (50.0, 20.0)),
            (0.0, None)
        );
        assert_eq!(distance_and_bearing((10.0, 180.0), (10.0, -180.0)).1, None);
        assert_eq!(Centre::krakow().bearing(KRAKOW.0, KRAKOW.1), None);
    }

    #[test]
    fn a_centre_measures_from_its_city() {
        let vienna = City {
            name: "Vienna".into(),
            country: Some("Austria".into()),
            lat: 48.2083,
            lon: 16.3731,
            ..City::blank()
        };
        let centre = Centre::of(&vienna);
        assert_eq!(centre.name(), "Vienna");
        assert!(centre.is(&vienna) && !Centre::krakow().is(&vienna));
        assert!(centre.km(vienna.lat, vienna.lon) < 1e-9);
        assert_eq!(centre.bearing(vienna.lat, vienna.lon), None);
        let to_krakow = centre.km(KRAKOW.0, KRAKOW.1);
        assert!((to_krakow - from_krakow_km(vienna.lat, vienna.lon)).abs() < 1e-6);
        assert_eq!(Centre::krakow().name(), "Kraków");
        assert_eq!(Centre::default(), Centre::krakow());
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
