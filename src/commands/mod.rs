//! One module per command. Each takes its options and the data and returns an
//! [`Answer`]; nothing is written until the whole input is read and the answer known.

mod atlas;
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
use std::path::Path;

use anyhow::{Context, Result};

use crate::answer::Answer;
use crate::cli::{Command, FromArgs, InputArgs};
use crate::error::UsageError;
use crate::filter::{Chosen, Countries, Filter};
use crate::geo::Centre;
use crate::load::Source;
use crate::map::Language;
use crate::map_formats::{Picture, Target};
use crate::names::{self, Place, Query};
use crate::render::{self, Format, View};
use crate::sink::Renamed;
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
            let chart = chart_target(args.chart.output.as_deref(), view)?;
            source = open(&args.input)?;
            stats::run(args, view, chart.as_ref(), &source, filters)?
        }
        Command::Distance(args) => {
            source = open(&args.input)?;
            distance::run(args, &source, view)?
        }
        Command::Timeline(args) => {
            let chart = chart_target(args.chart.output.as_deref(), view)?;
            source = open(&args.input)?;
            timeline::run(args, view, chart.as_ref(), &source, filters)?
        }
        Command::Atlas(args) => {
            let target = Target::of(args.output.as_deref(), view.terminal, Picture::Atlas)?;
            source = open(&args.input)?;
            atlas::run(args, view, &target, &source, args.input.data.as_deref())?
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

/// Where `-o` sends a chart, checked before the data is read; `None` without `-o`
/// (the answer is rows then).
fn chart_target(output: Option<&Path>, view: &View) -> Result<Option<Target>, UsageError> {
    output
        .map(|path| Target::of(Some(path), view.terminal, Picture::Chart))
        .transpose()
}

/// What the sinks `new` makes keep of the cities `filter` chooses, each under the name
/// it is shown by: in a chart's names (for people, whatever the format), or in the
/// answer's.
fn gather_shown<'s, S: Sink<'s>>(
    source: &'s Source,
    filter: &Filter,
    view: &View,
    chart: Option<&Target>,
    new: impl Fn() -> S + Sync,
) -> Result<S> {
    let names = chart.map_or(view.names_shown(), |_| view.names);
    let renamed = gather_chosen(source, filter, || Renamed::new(names, new()))?;
    Ok(renamed.into_inner())
}

/// A chart's language and subtitle for `count` cities; none is refused.
fn chart_words(
    view: &View,
    count: usize,
    filter: &Filter,
    data: Option<&Path>,
    filters: &str,
) -> Result<(Language, String)> {
    if count == 0 {
        return Err(nothing_to_draw(filters));
    }
    let lang = Language::of(view.names);
    Ok((lang, lang.counts_subtitle(count, filter, data)))
}

/// Why a picture of no cities is refused, with the filters as typed.
fn nothing_to_draw(filters: &str) -> anyhow::Error {
    match &*crate::terminal::escape(filters, false) {
        "" => anyhow::anyhow!(
            "nothing to draw: the data holds no active partnership (--all takes every status)"
        ),
        given => anyhow::anyhow!("nothing to draw: no city matches ({given})"),
    }
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

/// Where `--from` says distances and bearings are measured from: a city of the file,
/// whatever its status and the filters (they choose the cities measured to), or Kraków
/// by any of its names; Kraków without `--from`.
fn centre(source: &Source, from: &FromArgs) -> Result<Centre> {
    let Some(typed) = from.from.as_deref() else {
        return Ok(Centre::krakow());
    };
    let every = Filter {
        all: true,
        ..Filter::default()
    };
    let queries = [Query::new(typed)];
    let [found] = names::find(source, &every, &queries)?;
    match names::place(&queries[0], found, &every) {
        Ok(Place::Krakow) => Ok(Centre::krakow()),
        Ok(Place::City(city)) => Ok(Centre::of(&city)),
        Err(e) => Err(e.context("--from")),
    }
}

/// The answer, said to be measured from `from` where that is not Kraków.
fn measured(answer: Answer, from: Centre) -> Answer {
    match from.city() {
        None => answer,
        Some(_) => Answer::Measured {
            from,
            answer: Box::new(answer),
        },
    }
}
