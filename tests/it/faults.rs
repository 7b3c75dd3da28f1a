//! What happens when things go wrong: files written whole or not at all (a full disk, a
//! file size limit, a signal mid-write), any input read once (a FIFO, process
//! substitution, a closed standard input), inputs that cannot be a dataset stopped
//! early, memory running out as an error, and every problem at its true place.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::{bin, names_in, stdout};

fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_krakow-partners"))
}

/// Runs a shell command with `$BIN` set to the binary; its output, whatever the outcome.
fn shell(script: &str) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("BIN", binary())
        .env_remove("COLUMNS")
        .output()
        .unwrap()
}

/// Waits for `child` at most `limit`, killing it past that: a hang fails the test
/// rather than the whole run.
fn wait(mut child: Child, limit: Duration) -> Output {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            child.kill().unwrap();
            panic!("still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The old file stays as it was, and nothing is left beside it.
fn untouched(dir: &Path, name: &str, old: &str) {
    assert_eq!(std::fs::read_to_string(dir.join(name)).unwrap(), old);
    assert_eq!(names_in(dir), [name]);
}

#[test]
fn a_map_that_does_not_fit_leaves_the_old_file_and_no_other() {
    // A file size limit fails every write past 8 KiB, as a full disk does.
    for name in ["map.svg", "map.png", "map.html"] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), "the old map").unwrap();
        let out = shell(&format!(
            "ulimit -f 16; cd '{}' && exec \"$BIN\" map -o {name}",
            dir.path().display()
        ));
        assert_eq!(out.status.code(), Some(1), "{name}: {}", text(&out.stderr));
        let err = text(&out.stderr);
        assert!(
            err.starts_with(&format!(
                "krakow-partners: cannot write the map to {name}: "
            )),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
        untouched(dir.path(), name, "the old map");
    }
}

#[test]
fn a_new_map_that_does_not_fit_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = shell(&format!(
        "ulimit -f 16; cd '{}' && exec \"$BIN\" map -o map.png",
        dir.path().display()
    ));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        names_in(dir.path()).is_empty(),
        "{:?}",
        names_in(dir.path())
    );
}

#[test]
fn manual_pages_that_do_not_fit_leave_no_part_of_a_page() {
    let dir = tempfile::tempdir().unwrap();
    let out = shell(&format!(
        "ulimit -f 8; exec \"$BIN\" man --dir '{}'",
        dir.path().display()
    ));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    // Each page there is whole: it ends as every page does.
    for name in names_in(dir.path()) {
        assert!(name.ends_with(".1"), "{name} left behind");
        let page = std::fs::read_to_string(dir.path().join(&name)).unwrap();
        assert!(page.contains(".SH \"SEE ALSO\"") || page.contains(".SH SEE ALSO"));
    }
}

#[test]
fn a_full_file_system_leaves_the_old_map() {
    // A real full disk: a 200 KiB tmpfs in a mount namespace of its own, where the
    // machine allows one (root, or user namespaces).
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("small");
    std::fs::create_dir(&small).unwrap();
    let script = format!(
        "cd '{}' && mount -t tmpfs -o size=200k tmpfs small || exit 99
         echo 'the old map' > small/map.png
         \"$BIN\" map -o small/map.png; echo \"exit $?\"
         cat small/map.png; ls -a small | tr '\\n' ' '",
        dir.path().display()
    );
    let out = Command::new("unshare")
        .args(["-rm", "sh", "-c", &script])
        .env("BIN", binary())
        .output();
    let out = match out {
        Ok(out) if out.status.success() => out,
        _ => {
            let note = "a_full_file_system_…: skipped, no mount namespace for a small file system";
            let _ = writeln!(std::io::stderr(), "{note}");
            return;
        }
    };
    let said = text(&out.stdout);
    assert!(said.contains("exit 1"), "{said}");
    assert!(said.contains("the old map\n. .. map.png "), "{said}");
    assert!(
        text(&out.stderr).contains("No space left on device"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_signal_mid_write_leaves_the_old_map_and_no_part_file() {
    for (signal, name) in [("INT", "map.svg"), ("TERM", "map.html"), ("HUP", "map.png")] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), "the old map").unwrap();
        // Test builds pause halfway through the write when asked.
        let child = Command::new(binary())
            .current_dir(dir.path())
            .env("KRAKOW_PARTNERS_PAUSE_MID_WRITE", "1")
            .args(["map", "-o", name])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let pid = child.id();
        // The part file appears beside the target, half written.
        let start = Instant::now();
        let part = loop {
            let found = names_in(dir.path())
                .into_iter()
                .find(|n| n.ends_with(".part"));
            if let Some(part) = found {
                let path = dir.path().join(&part);
                if std::fs::metadata(&path).is_ok_and(|m| m.len() > 0) {
                    break part;
                }
            }
            assert!(start.elapsed() < Duration::from_secs(30), "no part file");
            std::thread::sleep(Duration::from_millis(10));
        };
        assert!(part.starts_with(&format!(".{name}.")), "{part}");
        let killed = Command::new("kill")
            .args([&format!("-{signal}"), &pid.to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let out = wait(child, Duration::from_secs(30));
        // Ended by the signal, as it would have been without the clean-up.
        assert_eq!(out.status.code(), None, "{signal}: {:?}", out.status);
        untouched(dir.path(), name, "the old map");
    }
}

#[test]
fn a_map_is_written_whole_and_a_device_is_written_into() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("map.svg"), "the old map").unwrap();
    bin()
        .current_dir(dir.path())
        .args(["map", "-o", "map.svg"])
        .assert()
        .success();
    let svg = std::fs::read_to_string(dir.path().join("map.svg")).unwrap();
    assert!(svg.trim_end().ends_with("</svg>"));
    assert_eq!(names_in(dir.path()), ["map.svg"]);
    // A named pipe is not a file to replace: it is written straight into.
    let fifo = dir.path().join("pipe.svg");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let child = Command::new(binary())
        .args(["map", "-o", fifo.to_str().unwrap()])
        .spawn()
        .unwrap();
    assert!(wait(child, Duration::from_secs(30)).status.success());
    assert_eq!(reader.join().unwrap(), svg);
    assert!(!std::fs::metadata(&fifo).unwrap().is_file());
}

/// The bundled data as JSON, the answer every way of giving it must get.
fn bundled_json() -> String {
    // The bundled data as a plain file: a file read from a pipe has no provenance file.
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/data/partners.csv");
    stdout(&["--data", file, "list", "--all", "--json"])
}

#[test]
fn a_named_pipe_is_read_once_from_its_first_byte() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("cities");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let data = std::fs::read("data/partners.csv").unwrap();
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, data).unwrap())
    };
    let child = Command::new(binary())
        .args(["--data", fifo.to_str().unwrap(), "list", "--all", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait(child, Duration::from_secs(30));
    writer.join().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), bundled_json());
}

#[test]
fn process_substitution_and_dev_stdin_are_read_once() {
    let out = Command::new("bash")
        .arg("-c")
        .arg("\"$BIN\" --data <(cat data/partners.csv) list --all --json")
        .env("BIN", binary())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), bundled_json());
    let out = shell("\"$BIN\" --data /dev/stdin list --all --json < data/partners.csv");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), bundled_json());
}

#[test]
fn a_closed_or_unreadable_standard_input_is_an_error() {
    for script in [
        "exec \"$BIN\" --data - list <&-",
        "exec \"$BIN\" --data /dev/stdin list <&-",
        "exec \"$BIN\" --data - list < /",
    ] {
        let out = shell(script);
        assert_eq!(out.status.code(), Some(1), "{script}");
        assert!(out.stdout.is_empty(), "{script}");
        let err = text(&out.stderr);
        assert!(
            err.starts_with("krakow-partners: cannot read standard input: "),
            "{script}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    // An empty standard input that is open is an empty dataset, as before.
    let out = shell("exec \"$BIN\" --data - list --json < /dev/null");
    assert!(out.status.success());
    assert_eq!(text(&out.stdout).trim(), "[]");
}

#[test]
fn endless_input_stops_at_its_first_block_or_at_the_ceiling() {
    // The first byte of /dev/zero is a NUL: refused there, in bounded memory.
    let out = shell("ulimit -v 2000000; exec \"$BIN\" --data /dev/zero list");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr).trim_end(),
        "krakow-partners: /dev/zero:1: holds a NUL byte (byte 1): this is not a text file of cities (CSV, \
         TSV or JSON)"
    );
    // Text without end: read up to the most a data file may hold, then refused.
    let child = Command::new("sh")
        .arg("-c")
        .arg("yes name,country,lat,lon | \"$BIN\" --data - list")
        .env("BIN", binary())
        .env("KRAKOW_PARTNERS_MAX_INPUT", "1M")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait(child, Duration::from_secs(60));
    assert_eq!(
        text(&out.stderr).trim_end(),
        "krakow-partners: <stdin> holds more than the 1 MiB a data file may hold (set \
         KRAKOW_PARTNERS_MAX_INPUT=8G, say, to read a larger one)"
    );
}

#[test]
fn a_file_over_the_ceiling_is_refused_before_it_is_read() {
    let out = bin()
        .env("KRAKOW_PARTNERS_MAX_INPUT", "10K")
        .args(["--data", "data/partners.csv", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).starts_with(
            "krakow-partners: data/partners.csv holds more than the 10 KiB a data file may hold"
        ),
        "{}",
        text(&out.stderr)
    );
    for bad in ["lots", "-1", "12Q", "99999999999T"] {
        let out = bin()
            .env("KRAKOW_PARTNERS_MAX_INPUT", bad)
            .args(["--data", "data/partners.csv", "list"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = text(&out.stderr);
        assert!(
            err.contains("KRAKOW_PARTNERS_MAX_INPUT=") && err.contains("is not a size"),
            "{err}"
        );
    }
    // Sizes as people write them.
    for good in ["64K", "64k", "1M", "1 MiB", "2G", "100000"] {
        let out = bin()
            .env("KRAKOW_PARTNERS_MAX_INPUT", good)
            .args(["--data", "data/partners.csv", "list", "-n", "1"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{good}: {}", text(&out.stderr));
    }
}

#[test]
fn a_file_in_another_encoding_is_named_with_the_way_to_convert_it() {
    let dir = tempfile::tempdir().unwrap();
    // "Łódź,Poland,51.76,19.45" and "Gdańsk" in Windows-1250: 0xA3 Ł, 0xF3 ó, 0x9F ź.
    let mut windows = b"name,country,lat,lon\n".to_vec();
    windows.extend(b"\xA3\xF3d\x9F,Poland,51.76,19.45\nGda\xF1sk,Poland,54.35,18.65\n");
    let path = dir.path().join("cp1250.csv");
    std::fs::write(&path, &windows).unwrap();
    let shown = path.to_str().unwrap();
    let out = bin().args(["--data", shown, "list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.starts_with(&format!(
            "krakow-partners: {shown}:2: is not UTF-8 text (byte 0xA3); it looks like WINDOWS-1250: convert \
             it first: iconv -f WINDOWS-1250 -t UTF-8 '{shown}' > converted.csv"
        )),
        "{err}"
    );
    // UTF-16, as some spreadsheets save "Unicode text".
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "name,country,lat,lon\n".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    let path = dir.path().join("utf16.csv");
    std::fs::write(&path, &utf16).unwrap();
    let out = bin()
        .args(["--data", path.to_str().unwrap(), "list"])
        .output()
        .unwrap();
    assert!(text(&out.stderr).contains(":1: is UTF-16LE text, not UTF-8; convert it first"));
    // A damaged byte in a UTF-8 file is not taken for another encoding.
    let path = dir.path().join("damaged.csv");
    std::fs::write(
        &path,
        b"name,country,lat,lon\nK\xC3\xB6ln,Germany,50.9,6.9\nX\xFF,Poland,50,20\n",
    )
    .unwrap();
    let out = bin()
        .args(["--data", path.to_str().unwrap(), "list"])
        .output()
        .unwrap();
    assert!(
        text(&out.stderr).contains(
            ":3: is not UTF-8 text (byte 0xFF); the text before it is UTF-8: mend or remove \
             that byte"
        ),
        "{}",
        text(&out.stderr)
    );
}

/// A data file of `rows` made-up cities in the minimal schema, about 40 bytes a row.
fn many_cities(dir: &Path, rows: usize) -> PathBuf {
    let mut text = String::from("name,country,lat,lon\n");
    for i in 0..rows {
        text.push_str(&format!("Town {i},Poland,{}.5,{}.25\n", i % 80, i % 170));
    }
    let path = dir.join("many.csv");
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs `script` under a limit of `kib` KiB of address space, with one thread and one
/// malloc arena (so that the space the program needs does not grow with the machine's
/// cores); its one line on stderr.
fn out_of_memory(kib: u64, script: &str) -> String {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {kib}; {script}"))
        .env("BIN", binary())
        .env("RAYON_NUM_THREADS", "1")
        .env("MALLOC_ARENA_MAX", "1")
        .output()
        .unwrap();
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{kib} KiB, {script}: {err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains("memory allocation of"), "{err}");
    err
}

/// The least address space (KiB, to 1 MiB) in which the program answers from the
/// bundled data: what this build and machine need before any data of a user's.
fn least_space() -> u64 {
    let answers = |kib: u64| {
        Command::new("sh")
            .arg("-c")
            .arg(format!("ulimit -v {kib}; exec \"$BIN\" list -n 1 --json"))
            .env("BIN", binary())
            .env("RAYON_NUM_THREADS", "1")
            .env("MALLOC_ARENA_MAX", "1")
            .output()
            .unwrap()
            .status
            .success()
    };
    let (mut low, mut high) = (0, 4 << 20);
    assert!(answers(high));
    while high - low > 1024 {
        let middle = (low + high) / 2;
        match answers(middle) {
            true => high = middle,
            false => low = middle,
        }
    }
    high
}

#[test]
fn running_out_of_memory_is_one_line_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let least = least_space();
    // A file of 300 KiB is read (fallibly) in the 2 MiB more, but its ten thousand
    // cities cannot be answered from: the allocator's failure is the one line.
    let path = many_cities(dir.path(), 10_000);
    let err = out_of_memory(
        least + 2048,
        &format!(
            "exec \"$BIN\" --data '{}' list --all --json > /dev/null",
            path.display()
        ),
    );
    assert!(
        err.starts_with(&format!(
            "krakow-partners: out of memory reading {} (",
            path.display()
        )) || err.starts_with("krakow-partners: out of memory writing the answer ("),
        "{err}"
    );
    assert!(err.contains(" (could not get "), "{err}");
    // A file larger than the memory left: its reading asks for the memory first, and
    // is refused with its size, from a file and from standard input alike.
    let big = dir.path().join("big.csv");
    std::fs::write(&big, vec![b'\n'; 64 << 20]).unwrap();
    let err = out_of_memory(
        least + 2048,
        &format!("exec \"$BIN\" --data '{}' list", big.display()),
    );
    assert!(
        err.starts_with(&format!(
            "krakow-partners: out of memory reading {} (a file of 64 MiB: ",
            big.display()
        )),
        "{err}"
    );
    let err = out_of_memory(
        least + 2048,
        &format!("exec \"$BIN\" --data - list < '{}'", big.display()),
    );
    assert!(
        err.starts_with("krakow-partners: out of memory reading <stdin> (after "),
        "{err}"
    );
}

#[test]
fn lines_are_counted_as_rows_are_split() {
    let dir = tempfile::tempdir().unwrap();
    for (ending, name) in [("\r", "cr.csv"), ("\n", "lf.csv"), ("\r\n", "crlf.csv")] {
        let rows = [
            "name,country,lat,lon",
            "A,Poland,50,20",
            "B,Poland,x,20",
            "",
            "C,Poland,50,y",
        ];
        let path = dir.path().join(name);
        std::fs::write(&path, rows.join(ending) + ending).unwrap();
        let shown = path.to_str().unwrap();
        let out = bin().args(["--data", shown, "list"]).output().unwrap();
        assert_eq!(
            text(&out.stderr),
            format!(
                "krakow-partners: {shown}:3: lat: 'x' is not a finite number\n\
                 krakow-partners: {shown}:5: lon: 'y' is not a finite number\n"
            ),
            "{name}"
        );
    }
}

#[test]
fn problems_in_a_json_file_on_one_line_name_their_object() {
    let dir = tempfile::tempdir().unwrap();
    let cities = [
        r#"{"name":"A","country":"Poland","lat":50,"lon":20}"#,
        r#"{"name":"B","country":"Poland","lat":"north","lon":20}"#,
        r#"{"name":"C","country":"Poland","lat":50,"lon":20,"planet":"Mars"}"#,
    ];
    let path = dir.path().join("one-line.json");
    std::fs::write(&path, format!("[{}]", cities.join(","))).unwrap();
    let shown = path.to_str().unwrap();
    let out = bin().args(["--data", shown, "list"]).output().unwrap();
    let err = text(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    let at = format!("krakow-partners: {shown}:1:");
    assert!(lines[0].starts_with(&format!("{at} [1] lat: ")), "{err}");
    assert!(
        lines[1].starts_with(&format!("{at} [2] unknown field 'planet'")),
        "{err}"
    );
    // And for programs, the index as a field of its own.
    let out = bin()
        .args(["validate", shown, "--format", "json"])
        .output()
        .unwrap();
    let problems: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items: Vec<_> = problems
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["item"].clone())
        .collect();
    assert_eq!(items, [serde_json::json!(1), serde_json::json!(2)]);
}
