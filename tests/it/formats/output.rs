//! Standard output: closed, full, or a pipe whose reader left; and an empty answer on a
//! terminal and in a pipe.

use std::process::{Command, Output, Stdio};

fn binary() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("krakow-partners")
}

/// Runs the binary through `sh` with standard output closed (`>&-`).
fn closed(args: &str) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("\"$0\" {args} >&-"))
        .arg(binary())
        .output()
        .unwrap()
}

#[test]
fn a_closed_standard_output_is_a_failure() {
    for args in [
        "list",
        "list --json",
        "records",
        "--help",
        "--version",
        "list --help",
    ] {
        let out = closed(args);
        assert_eq!(out.status.code(), Some(1), "{args}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            err, "krakow-partners: cannot write to standard output: it is closed\n",
            "{args}"
        );
    }
}

#[test]
fn a_closed_standard_output_is_fine_when_nothing_goes_there() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("map.svg");
    let out = closed(&format!("map -o '{}'", svg.display()));
    assert_eq!(out.status.code(), Some(0));
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
}

#[test]
fn dev_null_opened_by_the_caller_is_a_success() {
    // Opened for reading and writing, as Python's DEVNULL does: not mistaken for closed.
    let null = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")
        .unwrap();
    let out = Command::new(binary())
        .arg("list")
        .stdout(null)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
}

#[test]
fn a_full_disk_is_a_failure_that_names_standard_output() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    for format in ["table", "tsv", "csv", "json", "ndjson", "geojson"] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(binary())
            .args(["list", "--format", format])
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with("krakow-partners: cannot write to standard output: "),
            "{err}"
        );
    }
}

#[test]
fn a_reader_that_leaves_early_is_a_quiet_success() {
    let mut child = Command::new(binary())
        .args(["list", "--all", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before reading anything.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs the tool with standard output on a pseudo-terminal (util-linux `script`) and
/// returns what it wrote on standard error; `None` where `script` is missing.
fn stderr_on_terminal(args: &str) -> Option<String> {
    let err = tempfile::NamedTempFile::new().unwrap();
    let line = format!(
        "'{}' {args} 2>'{}'",
        binary().display(),
        err.path().display()
    );
    let out = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env("NO_COLOR", "1")
        .output()
        .ok()?;
    assert!(out.status.success(), "{args}");
    Some(std::fs::read_to_string(err.path()).unwrap())
}

#[test]
fn an_empty_answer_on_a_terminal_gets_a_note_that_says_why() {
    let cases = [
        (
            "list --continent oceania",
            "krakow-partners: no cities match (--continent oceania)\n",
        ),
        (
            "records --continent Oceania --capital --json",
            "krakow-partners: no records match (--continent Oceania --capital)\n",
        ),
        (
            "stats --search nowhere",
            "krakow-partners: no cities match (--search nowhere)\n",
        ),
        (
            "timeline --as-of 1950",
            "krakow-partners: no agreements match (--as-of 1950)\n",
        ),
        // One line, whatever the filter holds.
        (
            "list --search \"$(printf 'a\\nb')\"",
            "krakow-partners: no cities match (--search a\\x0ab)\n",
        ),
    ];
    for (args, note) in cases {
        let Some(err) = stderr_on_terminal(args) else {
            return;
        };
        assert_eq!(err, note, "{args}");
    }
    // An answer that is not empty gets no note.
    assert_eq!(
        stderr_on_terminal("list --continent asia --json").unwrap(),
        ""
    );
}

#[test]
fn an_empty_table_on_a_terminal_is_only_the_note() {
    // What the terminal shows of standard output: no frame of a table without rows.
    let line = format!(
        "'{}' list --continent oceania 2>/dev/null",
        binary().display()
    );
    let Ok(out) = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .output()
    else {
        return;
    };
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    let line = format!("'{}' list --continent asia 2>/dev/null", binary().display());
    let out = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Kyoto"));
}

#[test]
fn an_empty_answer_in_a_pipe_is_quiet_and_valid() {
    for (args, answer) in [
        (&["list", "--continent", "oceania", "--json"][..], "[]\n"),
        (
            &["list", "--continent", "oceania", "-f", "name,country"],
            "name\tcountry\n",
        ),
        (
            &["stats", "--search", "nowhere", "--format", "csv"],
            "group,count,cities\n",
        ),
        (
            &["records", "--search", "nowhere", "--format", "ndjson"],
            "",
        ),
    ] {
        let out = Command::new(binary()).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stdout), answer, "{args:?}");
        assert!(out.stderr.is_empty(), "{args:?}");
    }
}
