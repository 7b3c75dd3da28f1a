//! The README's examples are true: every `$ krakow-partners …` line in a `console`
//! block is run, and its output must be exactly what the README shows.

use std::path::Path;
use std::process::Command;

struct Example {
    command: String,
    expected: String,
}

fn examples(readme: &str) -> Vec<Example> {
    let mut examples = Vec::new();
    let mut in_console = false;
    let mut current: Option<Example> = None;
    for line in readme.lines() {
        if line.starts_with("```") {
            if in_console {
                examples.extend(current.take());
            }
            in_console = line == "```console";
            continue;
        }
        if !in_console {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            examples.extend(current.take());
            current = Some(Example {
                command: command.to_string(),
                expected: String::new(),
            });
        } else if let Some(example) = current.as_mut() {
            example.expected.push_str(line);
            example.expected.push('\n');
        }
    }
    examples
}

fn trim_lines(text: &str) -> String {
    text.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn readme_examples_print_what_the_readme_shows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let examples = examples(&readme);
    assert!(examples.len() >= 5, "found {} examples", examples.len());
    let bin = assert_cmd::cargo::cargo_bin("krakow-partners");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut failures = Vec::new();
    for example in &examples {
        let out = Command::new("bash")
            .args(["-o", "pipefail", "-c", &example.command])
            .current_dir(root)
            .env("PATH", &path)
            .env_remove("NO_COLOR")
            .env_remove("COLUMNS")
            .output()
            .unwrap();
        let got = String::from_utf8_lossy(&out.stdout);
        if !out.status.success() || trim_lines(&got) != trim_lines(&example.expected) {
            failures.push(format!(
                "$ {}\n--- README shows:\n{}--- the tool printed (exit {:?}):\n{}{}",
                example.command,
                example.expected,
                out.status.code(),
                got,
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
