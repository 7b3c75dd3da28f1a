//! Files the tool writes (`map -o`, `man --dir`) are written whole or not at all: into
//! a temporary file beside the target, then renamed over it, which replaces the old
//! file at once. On a full disk, a failed write or a signal (Ctrl-C, `kill`, a closed
//! terminal) the old file is untouched and the temporary file is removed. Only
//! `kill -9`, which nothing can catch, may leave the temporary file behind: it is
//! named `.NAME.PID.part`, beside NAME.
//!
//! A target that is not a regular file (`/dev/stdout`, a named pipe, `>(gzip)`) is
//! written straight into: there is nothing to replace, and a pipe cannot be renamed
//! over.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `bytes` to the file at `path`, whole or not at all.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // A device or a descriptor (/dev/stdout, /proc/self/fd/3) is written into as it is,
    // even where it leads to a regular file: the caller's file, opened by the caller.
    if path.starts_with("/dev") || path.starts_with("/proc") {
        let mut target = OpenOptions::new().append(true).open(path)?;
        return target.write_all(bytes).and_then(|()| target.flush());
    }
    // A link is followed, so that the file it names is replaced, not the link.
    let path = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    match fs::metadata(&path) {
        Ok(meta) if meta.is_dir() => {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "it is a directory",
            ));
        }
        Ok(meta) if !meta.is_file() => {
            let mut target = OpenOptions::new().write(true).open(&path)?;
            return target.write_all(bytes).and_then(|()| target.flush());
        }
        _ => {}
    }
    let temp = Temp::beside(&path)?;
    match fill(&temp, bytes, &path).and_then(|()| fs::rename(&temp.path, &path)) {
        Ok(()) => {
            temp.kept();
            Ok(())
        }
        // Dropping `temp` removes it.
        Err(e) => Err(e),
    }
}

/// Writes the temporary file and gives it the old file's permissions.
fn fill(temp: &Temp, bytes: &[u8], target: &Path) -> io::Result<()> {
    let mut file = &temp.file;
    let written = slowly_for_tests(&mut file, bytes)?;
    file.write_all(&bytes[written..])?;
    if let Ok(meta) = fs::metadata(target) {
        file.set_permissions(meta.permissions())?;
    }
    // On disk before it replaces the old file: a crash then leaves one or the other.
    file.sync_all()
}

/// In test builds only, with `KRAKOW_PARTNERS_PAUSE_MID_WRITE` set: half the bytes
/// written, then a pause of ten seconds, so that a test can send a signal mid-write.
/// How many bytes it wrote.
#[cfg(debug_assertions)]
fn slowly_for_tests(file: &mut &File, bytes: &[u8]) -> io::Result<usize> {
    if std::env::var_os("KRAKOW_PARTNERS_PAUSE_MID_WRITE").is_none() {
        return Ok(0);
    }
    let half = bytes.len() / 2;
    file.write_all(&bytes[..half])?;
    file.flush()?;
    std::thread::sleep(std::time::Duration::from_secs(10));
    Ok(half)
}

#[cfg(not(debug_assertions))]
fn slowly_for_tests(_: &mut &File, _: &[u8]) -> io::Result<usize> {
    Ok(0)
}

/// A temporary file beside the target, removed unless [`Temp::kept`], and removed by
/// the signal handlers if a signal ends the program while it exists.
struct Temp {
    path: PathBuf,
    file: File,
    /// Renamed into place: there is nothing to remove.
    kept: bool,
}

impl Temp {
    fn beside(target: &Path) -> io::Result<Temp> {
        let dir = match target.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let name = target.file_name().unwrap_or_default().to_string_lossy();
        let pid = std::process::id();
        // The handlers are in place before the file exists.
        signals::install();
        // A name no other file has: one left by `kill -9` of an earlier run with the
        // same process id is never opened, let alone removed.
        let mut attempt = 0;
        loop {
            let path = match attempt {
                0 => dir.join(format!(".{name}.{pid}.part")),
                n => dir.join(format!(".{name}.{pid}-{n}.part")),
            };
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(file) => {
                    signals::removes(&path);
                    return Ok(Temp {
                        path,
                        file,
                        kept: false,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1;
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// The file was renamed into place: nothing is left to remove.
    fn kept(mut self) {
        self.kept = true;
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        // Removed before the handlers forget it: a signal in between finds it gone.
        if !self.kept {
            let _ = fs::remove_file(&self.path);
        }
        signals::removes_nothing();
    }
}

/// The signal handlers that remove the temporary file before the signal ends the
/// program as it would have.
#[cfg(unix)]
mod signals {
    use std::ffi::{CString, c_char, c_int};
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;
    use std::sync::Once;
    use std::sync::atomic::{AtomicPtr, Ordering};

    /// The temporary file to remove, or null. The paths it has held are never freed: a
    /// handler running on another thread may still be reading one (a few bytes a file
    /// written, a dozen files at most in a run).
    static TEMP: AtomicPtr<c_char> = AtomicPtr::new(std::ptr::null_mut());

    /// The signals that end a program by default and that a user sends: Ctrl-C,
    /// Ctrl-\, `kill`, a closed terminal.
    const ENDING: [c_int; 4] = [libc::SIGINT, libc::SIGQUIT, libc::SIGTERM, libc::SIGHUP];

    /// Puts the handlers in place, once.
    pub fn install() {
        static INSTALL: Once = Once::new();
        INSTALL.call_once(put_in_place);
    }

    /// From now on a signal removes `path` first.
    pub fn removes(path: &Path) {
        if let Ok(path) = CString::new(path.as_os_str().as_bytes()) {
            TEMP.store(path.into_raw(), Ordering::SeqCst);
        }
    }

    /// From now on a signal removes nothing.
    pub fn removes_nothing() {
        TEMP.store(std::ptr::null_mut(), Ordering::SeqCst);
    }

    fn put_in_place() {
        for signal in ENDING {
            // SAFETY: sigaction with a zeroed, then filled, struct; the handler only
            // makes async-signal-safe calls.
            unsafe {
                let mut old: libc::sigaction = std::mem::zeroed();
                libc::sigaction(signal, std::ptr::null(), &mut old);
                // A signal the caller chose to ignore (nohup) stays ignored.
                if old.sa_sigaction == libc::SIG_IGN {
                    continue;
                }
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = on_signal as extern "C" fn(c_int) as usize;
                libc::sigemptyset(&mut action.sa_mask);
                libc::sigaction(signal, &action, std::ptr::null_mut());
            }
        }
        // A file size limit (ulimit -f) is a failed write to report, not a signal that
        // ends the program with the temporary file still there.
        // SAFETY: setting a signal's disposition to ignore.
        unsafe {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        }
    }

    extern "C" fn on_signal(signal: c_int) {
        let temp = TEMP.load(Ordering::SeqCst);
        // SAFETY: unlink, signal and raise are async-signal-safe; `temp` is a C string
        // that is never freed.
        unsafe {
            if !temp.is_null() {
                libc::unlink(temp);
            }
            libc::signal(signal, libc::SIG_DFL);
            libc::raise(signal);
        }
    }
}

#[cfg(not(unix))]
mod signals {
    pub fn install() {}
    pub fn removes(_: &std::path::Path) {}
    pub fn removes_nothing() {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_replaced_whole_and_nothing_is_left_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("map.svg");
        fs::write(&target, "old").unwrap();
        write(&target, b"new").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_part_file_left_by_an_earlier_run_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("map.svg");
        let left = dir
            .path()
            .join(format!(".map.svg.{}.part", std::process::id()));
        fs::write(&left, "an earlier run's").unwrap();
        write(&target, b"new").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(fs::read_to_string(&left).unwrap(), "an earlier run's");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn a_directory_is_refused_and_left_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let error = write(dir.path(), b"x").unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::IsADirectory);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_link_is_followed() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.svg");
        let link = dir.path().join("link.svg");
        fs::write(&real, "old").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&real, &link).unwrap();
            write(&link, b"new").unwrap();
            assert_eq!(fs::read_to_string(&real).unwrap(), "new");
            assert!(
                fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
        }
    }
}
