use std::process::ExitCode;

/// Runs when the binary is loaded, before Rust's start-up code replaces a closed
/// standard output with /dev/null: see `output::look_at_stdout`.
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
static LOOK_AT_STDOUT: extern "C" fn() = krakow_partners::look_at_stdout;

fn main() -> ExitCode {
    krakow_partners::main()
}
