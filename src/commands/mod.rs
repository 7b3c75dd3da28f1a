//! One module per command. Each takes its options and the data and returns an
//! [`Answer`]; nothing is written until the whole input is read and the answer known.

mod completions;
mod distance;
mod list;
mod man;
mod map;
mod records;
mod show;
mod stats;
mod timeline;
mod validate;

use std::io::Write;

use anyhow::{Context, Result};

use crate::answer::Answer;
use crate::cli::{Command, InputArgs};
use crate::filter::{Chosen, Countries, Filter};
use crate::load::Source;
use crate::render::{self, Format, View};
use crate::sink::Sink;

/// Runs the command and writes its answer onto `out`; `filters` are the filters given,
/// as typed, for the note an empty answer gets on a terminal.
pub fn run(command: &Command, view: &View, filters: &str, out: &mut dyn Write) -> Result<()> {
    let source;
    let answer = match command {
        Command::Validate(args) => {
            let file = args.file.as_deref().or(args.input.data.as_deref());
            let for_programs = args.report.chosen_format().is_some();
            let answer = validate::run(file, args.input.evidence.as_deref(), for_programs)?;
            render::write(&answer, view, out).context("cannot write to standard output")?;
            // Problems written for programs are told to people too, and errors fail.
            return match answer {
                Answer::Problems(problems) if problems.errors() > 0 => Err(problems.into()),
                _ => Ok(()),
            };
        }
        Command::Completions(args) => completions::run(args.shell)?,
        Command::Man(args) => man::run(args)?,
        Command::List(args) => {
            source = open(&args.input)?;
            list::run(args, &source, view.names_shown())?
        }
        Command::Records(args) => {
            source = open(&args.input)?;
            records::run(args, &source)?
        }
        Command::Show(args) => {
            source = open(&args.input)?;
            show::run(args, &source, view.fields.as_deref())?
        }
        Command::Stats(args) => {
            source = open(&args.input)?;
            stats::run(args, &source)?
        }
        Command::Distance(args) => {
            source = open(&args.input)?;
            distance::run(args, &source)?
        }
        Command::Timeline(args) => {
            source = open(&args.input)?;
            timeline::run(args, &source)?
        }
        Command::Map(args) => {
            let target = map::target(args, view)?;
            source = open(&args.input)?;
            map::run(args, view, &target, &source, args.input.data.as_deref())?
        }
    };
    // A person sees an empty table or `[]` and wonders why; a pipe wants only the answer.
    if let Some(none) = answer.nothing().filter(|_| view.terminal) {
        // One line, whatever the filters hold.
        let filters = crate::terminal::escape(filters, false);
        crate::output::stderr(&match &*filters {
            "" => format!("{none} to show"),
            given => format!("{none} match ({given})"),
        });
        // The note says it all: a table of no rows would be only its frame.
        if view.format == Format::Table {
            return Ok(());
        }
    }
    crate::memory::doing("writing the answer".to_string());
    render::write(&answer, view, out).context("cannot write to standard output")?;
    Ok(())
}

/// The data `--data` names (the built-in data without it), with the provenance file
/// `--evidence` names.
fn open(input: &InputArgs) -> Result<Source> {
    Source::open(input.data.as_deref(), input.evidence.as_deref())
}

/// What the sinks `new` makes keep of the cities `filter` takes, gathered as the file
/// is read, so a large file's other cities are never kept.
fn gather_chosen<'s, S: Sink<'s>>(
    source: &'s Source,
    filter: &Filter,
    new: impl Fn() -> S + Sync,
) -> Result<S> {
    let chooser = filter.chooser();
    let new = || Chosen::new(&chooser, new());
    let chosen = source.gather(&new)?;
    // The file's countries are gathered only to explain a --country that is in none.
    Ok(chosen.finish(|| Countries::in_file(source))?)
}
