use geographiclib_rs::{Geodesic, InverseGeodesic};
fn main() {
    let g = Geodesic::wgs84();
    let n = 1_000_000;
    let pts: Vec<(f64,f64)> = (0..n).map(|i| (((i*7919)%180000) as f64/1000.0-90.0, ((i*104729)%360000) as f64/1000.0-180.0)).collect();
    let t = std::time::Instant::now();
    let mut s = 0.0;
    for &(a,b) in &pts { let d: f64 = g.inverse(50.0617, 19.9373, a, b); s += d; }
    println!("distance only {:?} {s}", t.elapsed());
    let t = std::time::Instant::now();
    let mut s = 0.0;
    for &(a,b) in &pts { let (d, _, _, _): (f64,f64,f64,f64) = g.inverse(50.0617, 19.9373, a, b); s += d; }
    println!("full {:?} {s}", t.elapsed());
}
