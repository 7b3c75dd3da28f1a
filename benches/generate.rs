//! Writes a deterministic dataset of N made-up partner cities in the project's columns,
//! for benchmarks: `cargo run --release --bin generate -- 1000000 > cities.csv`.
//! The same N always gives the same file (a fixed seed), with realistic values and
//! unicode names; the names carry a running number, so every row is a distinct city.

use std::io::{self, BufWriter, Write};

/// xorshift64*: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// An index below `len`.
    fn index(&mut self, len: usize) -> usize {
        usize::try_from(self.below(len as u64)).unwrap_or(0)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.index(items.len())]
    }
}

/// Country, code, continent, and the box of latitudes and longitudes it lies in.
type Country = (
    &'static str,
    &'static str,
    &'static str,
    (f64, f64),
    (f64, f64),
);

const COUNTRIES: &[Country] = &[
    ("Germany", "DE", "europe", (47.3, 55.0), (5.9, 15.0)),
    ("Poland", "PL", "europe", (49.0, 54.8), (14.1, 24.1)),
    ("Ukraine", "UA", "europe", (44.4, 52.3), (22.1, 40.2)),
    ("Italy", "IT", "europe", (36.6, 47.1), (6.6, 18.5)),
    ("France", "FR", "europe", (42.3, 51.1), (-4.8, 8.2)),
    ("Czechia", "CZ", "europe", (48.5, 51.1), (12.1, 18.9)),
    ("Norway", "NO", "europe", (58.0, 71.1), (4.6, 31.1)),
    ("Japan", "JP", "asia", (31.0, 45.5), (129.5, 145.8)),
    ("China", "CN", "asia", (18.2, 53.5), (73.5, 134.8)),
    ("Georgia", "GE", "asia", (41.0, 43.6), (40.0, 46.7)),
    ("Morocco", "MA", "africa", (27.7, 35.9), (-13.2, -1.0)),
    ("Kenya", "KE", "africa", (-4.7, 5.0), (33.9, 41.9)),
    (
        "United States",
        "US",
        "north-america",
        (25.0, 49.0),
        (-124.7, -67.0),
    ),
    (
        "Mexico",
        "MX",
        "north-america",
        (14.5, 32.7),
        (-117.1, -86.7),
    ),
    (
        "Brazil",
        "BR",
        "south-america",
        (-33.7, 5.3),
        (-73.9, -34.8),
    ),
    (
        "Chile",
        "CL",
        "south-america",
        (-55.9, -17.5),
        (-75.6, -66.4),
    ),
    ("Peru", "PE", "south-america", (-18.3, -0.0), (-81.3, -68.7)),
    ("Australia", "AU", "oceania", (-43.6, -10.7), (113.3, 153.6)),
];

const SYLLABLES: &[&str] = &[
    "kra", "ków", "lip", "sk", "nor", "ym", "ber", "ga", "wil", "no", "ko", "ši", "ce", "lwó",
    "ki", "jów", "ol", "mo", "uc", "san", "fran", "cis", "co", "ná", "ñe", "zü", "rich", "øs",
    "ter", "by", "京", "都", "南", "Київ", "ля", "де",
];
const AGREEMENTS: &[&str] = &[
    "twin-city",
    "partnership",
    "partnership",
    "partnership",
    "honorary-twin-city",
    "letter-of-intent",
    "memorandum",
    "cooperation-programme",
    "none",
];

fn main() -> io::Result<()> {
    let rows: u64 = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    writeln!(
        out,
        "name,name_pl,name_local,aliases,country,country_code,continent,capital,agreement,signed,status,status_since,lat,lon,population,population_year,area_km2,elevation_m,sources,notes"
    )?;
    for i in 0..rows {
        let parts = 2 + rng.below(3);
        let mut stem = String::new();
        for _ in 0..parts {
            stem.push_str(rng.pick(SYLLABLES));
        }
        let mut chars = stem.chars();
        let name = match chars.next() {
            Some(first) => format!("{}{} {i}", first.to_uppercase(), chars.as_str()),
            None => format!("City {i}"),
        };
        let (country, code, continent, (s, n), (w, e)) = COUNTRIES[rng.index(COUNTRIES.len())];
        let lat = s + (n - s) * rng.unit();
        let lon = w + (e - w) * rng.unit();
        let agreement = rng.pick(AGREEMENTS);
        // Signed by 2021, so a partnership ended in 2022 or later ended after it began.
        let year = 1950 + rng.below(72);
        let signed = match (agreement, rng.below(4)) {
            ("none", _) => String::new(),
            (_, 0) => format!("{year}"),
            (_, 1) => format!("{year}-{:02}", 1 + rng.below(12)),
            _ => format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
        };
        let (status, since) = match rng.below(20) {
            0 => ("ended", format!("{}-03-02", 2022 + rng.below(3))),
            1 => ("suspended", String::new()),
            _ => ("active", String::new()),
        };
        // About one city in ten has no known population, area or elevation.
        let unknown = |rng: &mut Rng| rng.below(10) == 0;
        let population = if unknown(&mut rng) {
            String::new()
        } else {
            (1_000 + rng.below(5_000_000)).to_string()
        };
        let population_year = if population.is_empty() {
            String::new()
        } else {
            (2000 + rng.below(25)).to_string()
        };
        let area = if unknown(&mut rng) {
            String::new()
        } else {
            format!("{:.2}", 5.0 + 2_000.0 * rng.unit())
        };
        let elevation = if unknown(&mut rng) {
            String::new()
        } else {
            format!("{}", rng.below(3_500))
        };
        let capital = rng.below(50) == 0;
        writeln!(
            out,
            "{name},{name} PL,{name},{stem};{stem}-{i},{country},{code},{continent},{capital},{agreement},{signed},{status},{since},{lat:.5},{lon:.5},{population},{population_year},{area},{elevation},https://example.org/cities/{i},"
        )?;
    }
    out.flush()
}
