//! Which standard streams were closed when the program started
//! (`krakow-partners list >&-`, `krakow-partners --data - list <&-`).
//!
//! Rust's start-up code opens /dev/null on a closed descriptor 0, 1 or 2 before `main`,
//! which would make every write succeed and every read end at once: the answer would
//! vanish, or an empty dataset be answered as if it were the input. So the descriptors
//! are looked at before that, by [`look_at_streams`], which the binary registers to run
//! when it is loaded. A /dev/null the caller opened (`> /dev/null`, `< /dev/null`) was
//! open at start, and stays what the caller asked for.

use std::sync::atomic::{AtomicBool, Ordering};

static STDIN_CLOSED: AtomicBool = AtomicBool::new(false);
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Whether standard input was closed at start.
pub fn stdin_closed() -> bool {
    STDIN_CLOSED.load(Ordering::Relaxed)
}

/// Whether standard output was closed at start.
pub fn stdout_closed() -> bool {
    STDOUT_CLOSED.load(Ordering::Relaxed)
}

/// Notes whether descriptors 0 and 1 are closed. For the loader to call before Rust's
/// start-up code runs (an ELF `.init_array` entry in `main.rs`); elsewhere it is never
/// called and both streams count as open.
#[cfg(unix)]
pub extern "C" fn look_at_streams() {
    for (descriptor, closed) in [
        (libc::STDIN_FILENO, &STDIN_CLOSED),
        (libc::STDOUT_FILENO, &STDOUT_CLOSED),
    ] {
        // SAFETY: F_GETFD only reads the descriptor's flags, and touches no memory.
        let flags = unsafe { libc::fcntl(descriptor, libc::F_GETFD) };
        if flags == -1 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EBADF) {
            closed.store(true, Ordering::Relaxed);
        }
    }
}
