//! The start-up floor: a Rust binary that prints one line, built with the same profile
//! as the tool. `cargo run --release --example hello`.

fn main() {
    let _ = std::io::Write::write_all(&mut std::io::stdout(), b"hello\n");
}
