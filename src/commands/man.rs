//! `man`: the manual pages in roff, one for the tool and one per command.
//!
//! Usage: krakow-partners man [COMMAND] [--dir DIR]
//!
//! Each page is the command line itself (clap_mangen: name, synopsis, description,
//! options) plus the sections a manual page has: EXAMPLES (the examples of the command's
//! `--help`), EXIT STATUS, ENVIRONMENT, FILES and SEE ALSO.

use std::path::Path;

use anyhow::{Context, Result};
use clap::{Command, CommandFactory};
use clap_mangen::Man;
use roff::{Roff, bold, roman};

use crate::answer::Answer;
use crate::cli::{Cli, ManArgs};
use crate::error::UsageError;

/// The tool's name, and the first part of every page's name.
const TOOL: &str = "krakow-partners";

/// The page of `args.command` (the main page without one) on standard output, or the
/// pages written into `args.dir`.
pub fn run(args: &ManArgs) -> Result<Answer<'static>> {
    let pages = pages();
    let chosen: Vec<&Page> = match &args.command {
        None if args.dir.is_some() => pages.iter().collect(),
        None => vec![&pages[0]],
        Some(wanted) => {
            let page = pages.iter().find(|p| p.command.as_deref() == Some(wanted));
            let names: Vec<&str> = pages.iter().filter_map(|p| p.command.as_deref()).collect();
            vec![page.ok_or_else(|| UsageError::unknown("command", wanted, &names))?]
        }
    };
    let see_also: Vec<&str> = pages.iter().map(|p| p.name.as_str()).collect();
    let Some(dir) = &args.dir else {
        return Ok(Answer::Text(chosen[0].render(&see_also)?));
    };
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot make the directory {}", dir.display()))?;
    for page in chosen {
        write(dir, page, &see_also)?;
    }
    Ok(Answer::Text(String::new()))
}

fn write(dir: &Path, page: &Page, see_also: &[&str]) -> Result<()> {
    let path = dir.join(format!("{}.1", page.name));
    crate::whole_file::write(&path, page.render(see_also)?.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// One manual page: the tool's (`command` none) or a command's.
struct Page {
    /// `krakow-partners`, `krakow-partners-list`, …
    name: String,
    command: Option<String>,
    cmd: Command,
}

/// The main page, then one per command, in the order of `--help`.
fn pages() -> Vec<Page> {
    let mut cli = Cli::command().disable_help_subcommand(true);
    cli.build();
    let mut pages = vec![Page {
        name: TOOL.to_string(),
        command: None,
        cmd: cli.clone(),
    }];
    for sub in cli.get_subcommands() {
        pages.push(Page {
            name: format!("{TOOL}-{}", sub.get_name()),
            command: Some(sub.get_name().to_string()),
            cmd: sub.clone(),
        });
    }
    pages
}

impl Page {
    /// The page in roff; `pages` are the names of every page there is, for SEE ALSO.
    fn render(&self, pages: &[&str]) -> Result<String> {
        let version = env!("CARGO_PKG_VERSION");
        let man = Man::new(self.cmd.clone())
            .title(&self.name)
            .source(format!("{TOOL} {version}"))
            .manual("User Commands");
        let mut out = Vec::new();
        man.render_title(&mut out)?;
        man.render_name_section(&mut out)?;
        man.render_synopsis_section(&mut out)?;
        man.render_description_section(&mut out)?;
        let (notes, mut examples) = after_help(&self.cmd);
        if self.command.is_none() {
            // The main page shows each command's first example.
            let firsts = self.cmd.get_subcommands().map(|c| after_help(c).1);
            examples.extend(firsts.filter_map(|e| e.into_iter().next()));
        }
        out.extend(notes.render().into_bytes());
        if self.cmd.get_arguments().any(|a| !a.is_hide_set()) {
            man.render_options_section(&mut out)?;
        }
        if self.command.is_none() {
            man.render_subcommands_section(&mut out)?;
        }
        let mut roff = Roff::new();
        sections(&mut roff, &examples);
        see_also(&mut roff, &self.name, pages);
        out.extend(roff.render().into_bytes());
        if self.command.is_none() {
            man.render_version_section(&mut out)?;
        }
        // Each part comes with roff's preamble (how to set apostrophes): keep one.
        let preamble = Roff::new().render();
        let page = String::from_utf8(out)?.replace(&preamble, "");
        Ok(format!("{preamble}{page}"))
    }
}

/// The command's `--help` epilogue split in two: its prose (more of the description)
/// and its examples (the lines that run the tool).
fn after_help(cmd: &Command) -> (Roff, Vec<String>) {
    let text = cmd
        .get_after_help()
        .map(ToString::to_string)
        .unwrap_or_default();
    let mut notes = Roff::new();
    let mut examples = Vec::new();
    let mut indented = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with(&format!("{TOOL} ")) {
            examples.push(trimmed.to_string());
            continue;
        }
        if trimmed == "Examples:" {
            continue;
        }
        // An indented block (the records' list) keeps its lines and columns.
        let indent = line.starts_with(' ');
        if indent != indented {
            notes.control(if indent { "nf" } else { "fi" }, []);
            indented = indent;
        }
        match trimmed.is_empty() {
            true => notes.control("PP", []),
            false if indent => notes.text([roman(format!("  {trimmed}"))]),
            false => notes.control("PP", []).text([roman(trimmed)]),
        };
    }
    if indented {
        notes.control("fi", []);
    }
    (notes, examples)
}

/// EXAMPLES, EXIT STATUS, ENVIRONMENT and FILES: the same for every page but the
/// examples.
fn sections(roff: &mut Roff, examples: &[String]) {
    if !examples.is_empty() {
        roff.control("SH", ["EXAMPLES"]);
        roff.control("nf", []).control("RS", ["4"]);
        for example in examples {
            roff.text([roman(example.as_str())]);
        }
        roff.control("RE", []).control("fi", []);
    }
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in [
        (
            "0",
            "Success, an empty answer too. A closed pipe (krakow-partners list | head -1) \
             is a normal end.",
        ),
        (
            "1",
            "Failure: a bad data file (every problem is listed), an unknown city, an \
             output that cannot be written.",
        ),
        (
            "2",
            "Usage error: an unknown command, option or value; the message lists the \
             valid ones.",
        ),
    ] {
        roff.control("TP", [])
            .text([bold(code)])
            .text([roman(meaning)]);
    }
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, meaning) in [
        (
            "NO_COLOR",
            "When set and not empty, tables have no colour unless --color always is given.",
        ),
        (
            "CLICOLOR_FORCE",
            "When set and not 0, tables have colour even in a pipe, unless NO_COLOR is set \
             or --color never is given.",
        ),
        (
            "TERM",
            "dumb: a terminal that shows no colour; tables have none unless asked for.",
        ),
        (
            "COLUMNS",
            "The width tables fit when the terminal reports no size (80 without it), and \
             when a table goes into a pipe.",
        ),
        (
            "KRAKOW_PARTNERS_MAX_INPUT",
            "The most a data file may hold (2G without it): a number of bytes, or of K, M \
             or G (512M, 8G). A larger input is refused as soon as the limit is passed.",
        ),
    ] {
        roff.control("TP", [])
            .text([bold(name)])
            .text([roman(meaning)]);
    }
    roff.control("SH", ["FILES"]);
    roff.text([roman(
        "The data is built into the binary (data/partners.csv in the source). No file is \
         read unless --data names one, and none is written unless map -o or man --dir \
         names it; each is written into a temporary file beside it (.NAME.PID.part) and \
         renamed over it when whole, so a failure or a signal leaves the old file as it \
         was. There is no configuration file.",
    )]);
}

/// SEE ALSO: from the main page every command's page, from a command's page the main
/// one; only pages `man` writes.
fn see_also(roff: &mut Roff, page: &str, pages: &[&str]) {
    let others: Vec<&&str> = pages
        .iter()
        .filter(|p| **p != page && (page == TOOL || **p == TOOL))
        .collect();
    roff.control("SH", ["SEE ALSO"]);
    // Page names are neither hyphenated nor spread out.
    roff.control("nh", []).control("ad", ["l"]);
    let mut line = Vec::new();
    for (i, other) in others.iter().enumerate() {
        if i > 0 {
            line.push(roman(", "));
        }
        line.push(bold(**other));
        line.push(roman("(1)"));
    }
    roff.text(line);
    roff.control("ad", []).control("hy", []);
}
