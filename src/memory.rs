//! Running out of memory is an error, not an abort: the binary's allocator reports one
//! line (`krakow-partners: out of memory reading big.csv (…)`) and exits 1 where Rust
//! would print "memory allocation failed" and abort (exit 134), once per thread.
//!
//! Where the tool can recover, it asks for memory fallibly ([`fallibly`]): the
//! allocator then lets the failure through, to be reported by the caller with what it
//! knows (the file's size, say).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};

/// The system's allocator, which ends the program with a message when it has no more.
pub struct Allocator;

// SAFETY: every call is passed to the system's allocator unchanged; only a failure is
// looked at, before it is returned.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's promises are passed on.
        checked(unsafe { System.alloc(layout) }, layout.size())
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as above.
        checked(unsafe { System.alloc_zeroed(layout) }, layout.size())
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        checked(unsafe { System.realloc(ptr, layout, new_size) }, new_size)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

thread_local! {
    /// Whether this thread's caller handles a failed allocation itself.
    static FALLIBLE: Cell<bool> = const { Cell::new(false) };
}

/// What the program is doing, for the message: "reading big.csv".
static DOING: AtomicPtr<String> = AtomicPtr::new(std::ptr::null_mut());

/// Whether a thread has already reported: the message is written once.
static REPORTED: AtomicBool = AtomicBool::new(false);

/// Says what the program is doing from now on, for the message if memory runs out.
pub fn doing(what: String) {
    // Leaked on purpose: a handful of short texts per run, which the allocator may read
    // at any moment from any thread.
    let what = Box::into_raw(Box::new(what));
    DOING.store(what, Ordering::Release);
}

/// Runs `work` with failed allocations on this thread let through to it (as
/// `try_reserve` and `read_to_end` report them), rather than ending the program.
pub fn fallibly<T>(work: impl FnOnce() -> T) -> T {
    /// Puts the flag back as it was, however `work` ends.
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            let _ = FALLIBLE.try_with(|f| f.set(self.0));
        }
    }
    let _restore = Restore(FALLIBLE.with(|f| f.replace(true)));
    work()
}

/// `pointer`, or the end of the program when it is null and the caller cannot recover.
fn checked(pointer: *mut u8, size: usize) -> *mut u8 {
    if pointer.is_null() && !FALLIBLE.try_with(Cell::get).unwrap_or(false) {
        out_of_memory(size);
    }
    pointer
}

/// Writes the one line and exits 1. It allocates nothing (there is nothing left to
/// allocate): the line is put together in a buffer on the stack and written with one
/// system call, by the first thread that gets here; the others wait for the exit.
fn out_of_memory(size: usize) -> ! {
    if REPORTED.swap(true, Ordering::AcqRel) {
        loop {
            // SAFETY: pause only waits for a signal; nothing here may allocate.
            #[cfg(unix)]
            unsafe {
                libc::pause();
            }
        }
    }
    let mut line = Line::default();
    line.push(b"krakow-partners: out of memory");
    let doing = DOING.load(Ordering::Acquire);
    if !doing.is_null() {
        line.push(b" ");
        // SAFETY: DOING only ever holds a leaked, never freed String.
        line.push(unsafe { &*doing }.as_bytes());
    }
    line.push(b" (could not get ");
    line.push_size(size);
    line.push(b" more: the machine's memory, or a limit such as ulimit -v, is reached)");
    let bytes = line.finish();
    #[cfg(unix)]
    // SAFETY: writes initialised bytes of a buffer that lives until the call returns;
    // `_exit` ends the process without running anything that might allocate.
    unsafe {
        libc::write(2, bytes.as_ptr().cast(), bytes.len());
        libc::_exit(1);
    }
    #[cfg(not(unix))]
    std::process::abort();
}

/// A line of at most 512 bytes on the stack; what does not fit is cut off.
struct Line {
    bytes: [u8; 512],
    len: usize,
}

impl Default for Line {
    fn default() -> Self {
        Line {
            bytes: [0; 512],
            len: 0,
        }
    }
}

impl Line {
    /// Adds `text`, or as much of it as fits before the line break kept for the end.
    fn push(&mut self, text: &[u8]) {
        let room = (self.bytes.len() - 1).saturating_sub(self.len);
        let text = &text[..text.len().min(room)];
        self.bytes[self.len..self.len + text.len()].copy_from_slice(text);
        self.len += text.len();
    }

    /// The line, ended by its line break.
    fn finish(&mut self) -> &[u8] {
        self.bytes[self.len] = b'\n';
        &self.bytes[..=self.len]
    }

    /// A size in the unit that reads best: "12 bytes", "300 MiB".
    fn push_size(&mut self, size: usize) {
        let (value, unit): (usize, &[u8]) = match size {
            s if s >= 10 << 30 => (s >> 30, b" GiB"),
            s if s >= 10 << 20 => (s >> 20, b" MiB"),
            s if s >= 10 << 10 => (s >> 10, b" KiB"),
            s => (s, b" bytes"),
        };
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = value;
        loop {
            at -= 1;
            // A digit: below 10 whatever `rest` is.
            digits[at] = b'0' + u8::try_from(rest % 10).unwrap_or(0);
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        self.push(&digits[at..]);
        self.push(unit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &Line) -> &str {
        std::str::from_utf8(&line.bytes[..line.len]).unwrap()
    }

    #[test]
    fn sizes_read_in_their_unit() {
        for (size, shown) in [
            (0, "0 bytes"),
            (12, "12 bytes"),
            (10 << 10, "10 KiB"),
            (300 << 20, "300 MiB"),
            (12 << 30, "12 GiB"),
        ] {
            let mut line = Line::default();
            line.push_size(size);
            assert_eq!(text(&line), shown);
        }
    }

    #[test]
    fn a_long_line_is_cut_and_still_ends_its_line() {
        let mut line = Line::default();
        line.push(&[b'x'; 600]);
        line.push(b"more");
        let bytes = line.finish();
        assert_eq!(bytes.len(), 512);
        assert!(bytes.ends_with(b"x\n"));
    }
}
