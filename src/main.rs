use std::process::ExitCode;

/// Runs when the binary is loaded, before Rust's start-up code replaces a closed
/// standard input or output with /dev/null: see `streams::look_at_streams`.
#[cfg(any(
    target_os = "linux",
    target_os = "android",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd",
    target_os = "dragonfly"
))]
#[used]
#[unsafe(link_section = ".init_array")]
static LOOK_AT_STREAMS: extern "C" fn() = krakow_partners::look_at_streams;

/// Running out of memory ends the program with one line and exit 1, not an abort.
#[global_allocator]
static ALLOCATOR: krakow_partners::Allocator = krakow_partners::Allocator;

fn main() -> ExitCode {
    krakow_partners::main()
}
