//! When work is worth sharing over the machine's cores (by rayon): only for large
//! inputs, since below a few thousand items starting the threads costs more than it
//! saves, and a small answer must start as fast as a program that shares nothing.

/// Items below which a piece of work stays on one core.
pub const WORTH_A_THREAD: usize = 20_000;

/// Whether `len` items are worth sharing over the cores.
pub fn worth_sharing(len: usize) -> bool {
    len >= 2 * WORTH_A_THREAD
}
