//! External programs some tests drive (shells, man): a test skips, saying so, where its
//! program is missing. `.ci/run` installs them.

use std::path::PathBuf;
use std::process::Command;

/// Whether `program` runs; if not, says on stderr that `test` is skipped.
#[allow(clippy::print_stderr)]
pub fn installed(program: &str, test: &str) -> bool {
    let runs = Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success());
    if !runs {
        eprintln!("skipping {test}: {program} is not installed");
    }
    runs
}

/// A `PATH` that finds the built `krakow-partners` first, as a completion script
/// calls it by name.
pub fn path_with_binary() -> std::ffi::OsString {
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_krakow-partners"));
    let mut dirs = vec![binary.parent().unwrap().to_path_buf()];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs).unwrap()
}
