//! Counting lines the way rows are split: a line feed, a carriage return and line feed,
//! or a carriage return alone each end one line, so that a file written with any of
//! them names every problem at its true line.

/// How many lines end in `bytes`. A `\r` at the very end counts as a line end of its
/// own: the callers never cut a `\r\n` in two (they cut after a line feed).
pub fn ends(bytes: &[u8]) -> u64 {
    let feeds = memchr::memchr_iter(b'\n', bytes).count();
    // Most files have no carriage return: one more vectorised look finds none.
    let lone_returns = match memchr::memchr(b'\r', bytes) {
        None => 0,
        Some(first) => memchr::memchr_iter(b'\r', &bytes[first..])
            .filter(|&i| bytes.get(first + i + 1) != Some(&b'\n'))
            .count(),
    };
    (feeds + lone_returns) as u64
}

/// How many line feeds `bytes` holds: the lines of a TSV file, whose rows end at a
/// line feed alone (a `\r` before it is trimmed, one elsewhere is text).
pub fn feeds(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_line_end_counts_once() {
        assert_eq!(ends(b""), 0);
        assert_eq!(ends(b"a\nb\n"), 2);
        assert_eq!(ends(b"a\r\nb\r\n"), 2);
        assert_eq!(ends(b"a\rb\rc"), 2);
        assert_eq!(ends(b"a\r\n\r\rb\n"), 4);
        assert_eq!(ends(b"\r"), 1);
    }
}
