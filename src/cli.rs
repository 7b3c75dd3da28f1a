//! The command line: commands and options, nothing else.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::city::{Agreement, Continent, Date, Status};
use crate::columns::Field;
use crate::filter::Filter;
use crate::groups::GroupBy;
use crate::periods::Span;
use crate::render::{Format, Names};
use crate::superlatives::Kind;

#[derive(Debug, Parser)]
#[command(
    name = "krakow-partners",
    version,
    about = "Ask questions about the City of Kraków's international partner cities.",
    long_about = "Ask questions about the City of Kraków's international partner cities: \
                  which they are, where, since when, and which is the nearest, oldest or \
                  highest. The data, with a source for every row, is built in; --data \
                  reads another file of the same columns.",
    after_help = "Distances are measured from Kraków's Main Market Square along the WGS84 \
                  ellipsoid.\nExit codes: 0 success (an empty answer too), 1 failure (bad \
                  data, unknown city), 2 usage error.",
    max_term_width = 100
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Read the cities from this CSV, JSON or NDJSON file ('-' for standard input) instead of
    /// the built-in data.
    #[arg(long, global = true, value_name = "FILE", help_heading = "Input")]
    pub data: Option<PathBuf>,

    /// Output format [default: table on a terminal, tsv otherwise]
    #[arg(
        long,
        global = true,
        help_heading = "Output",
        value_enum,
        value_name = "FORMAT"
    )]
    pub format: Option<Format>,

    /// Shorthand for --format json.
    #[arg(
        long,
        global = true,
        help_heading = "Output",
        conflicts_with = "format"
    )]
    pub json: bool,

    #[arg(long, global = true, help_heading = "Output", value_name = "FIELDS", value_delimiter = ',', value_parser = parse_field, help = fields_help())]
    pub fields: Vec<Field>,

    /// Which name tables show: English, Polish or the city's own.
    #[arg(
        long,
        global = true,
        help_heading = "Output",
        value_enum,
        value_name = "LANG",
        default_value = "en"
    )]
    pub names: Names,

    /// Colour in tables: on a terminal only (never with NO_COLOR set), always, or never.
    #[arg(
        long,
        global = true,
        help_heading = "Output",
        value_enum,
        value_name = "WHEN",
        default_value = "auto"
    )]
    pub color: ColorChoice,

    /// Tables show every column, however narrow the terminal (the least important are
    /// otherwise left out, and said so).
    #[arg(long, global = true, help_heading = "Output")]
    pub wide: bool,

    /// In CSV and TSV, start text cells a spreadsheet would run as a formula
    /// (=, +, -, @) with a ' so they stay text.
    #[arg(long, global = true, help_heading = "Output")]
    pub guard_formulas: bool,
}

/// When tables use colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List partner cities, filtered and sorted.
    #[command(
        after_help = "Examples:\n  krakow-partners list --continent europe,asia\n  \
                            krakow-partners list --country germany --sort signed\n  \
                            krakow-partners list --all --as-of 2022-01-01 --search moscow"
    )]
    List(ListArgs),

    /// Superlatives: the nearest, farthest, oldest, highest… partner city.
    #[command(after_help = records_help())]
    Records(RecordsArgs),

    /// One city in full, found by any of its names in any language.
    #[command(
        after_help = "Every status is searched unless --status is given.\n\nExamples:\n  \
                            krakow-partners show kosice\n  krakow-partners show Norymberga\n  \
                            krakow-partners show moscow --json"
    )]
    Show(ShowArgs),

    /// Count the cities per continent, country, agreement, status, capital or decade.
    #[command(after_help = "Examples:\n  krakow-partners stats --by country\n  \
                            krakow-partners stats --by continent --as-of 2022-03-15")]
    Stats(StatsArgs),

    /// Distance and initial bearing between two partner cities, or from Kraków to one.
    #[command(after_help = "Examples:\n  krakow-partners distance kosice\n  \
                            krakow-partners distance leipzig nuremberg")]
    Distance(DistanceArgs),

    /// Agreements signed per year or decade, and partnerships ended or suspended.
    #[command(after_help = "Examples:\n  krakow-partners timeline\n  \
                            krakow-partners timeline --by decade --all")]
    Timeline(TimelineArgs),

    /// Draw the partner cities on a world map (SVG, PNG or HTML), with arcs from Kraków.
    #[command(
        after_help = "The map frames the cities shown: --continent europe zooms to Europe.\n\n\
                            Formats, by the name given to -o:\n  \
                            .svg   SVG, as without -o (onto standard output)\n  \
                            .png   a picture, drawn with a bundled font; names in scripts\n         \
                            it lacks (Chinese, Japanese) are drawn in English\n  \
                            .html  one page: the map, a card for the city under the\n         \
                            pointer and a sortable table of the cities; fetches nothing\n  \
                            svg:-, png:-, html:-  that format onto standard output\n         \
                            (a PNG never onto a terminal)\n\n\
                            Examples:\n  krakow-partners map -o map.svg\n  \
                            krakow-partners map --continent europe -o europe.png\n  \
                            krakow-partners map --all -o partners.html\n  \
                            krakow-partners map --all --as-of 2022-01-01 > 2022.svg\n  \
                            krakow-partners map -o png:- | display"
    )]
    Map(MapArgs),

    /// Check a data file (the built-in one without FILE) and report every problem.
    #[command(
        after_help = "Each problem is one line: file:line: column: what is wrong (what is \
                            allowed). Exit 0 when the file is sound, 1 when it is not."
    )]
    Validate(ValidateArgs),

    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(after_help = "Install, for example:\n  \
                            krakow-partners completions bash > ~/.local/share/bash-completion/completions/krakow-partners\n  \
                            krakow-partners completions zsh > \"${fpath[1]}/_krakow-partners\"\n  \
                            krakow-partners completions fish > ~/.config/fish/completions/krakow-partners.fish")]
    Completions(CompletionsArgs),

    /// Print the manual page (roff), for `man`.
    #[command(after_help = "Install, for example:\n  \
                            mkdir -p ~/.local/share/man/man1\n  \
                            krakow-partners man > ~/.local/share/man/man1/krakow-partners.1")]
    Man,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The data file to check, CSV, JSON or NDJSON ('-' for standard input).
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write completions for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct MapArgs {
    /// Write the map to FILE, as SVG, PNG or HTML by its extension (.svg, .png,
    /// .html); svg:-, png:- or html:- for standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Any name or alias: English, Polish or local, any case, any diacritics.
    #[arg(value_name = "CITY")]
    pub city: String,

    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// What to group by.
    #[arg(long, value_enum, value_name = "GROUP", default_value = "continent")]
    pub by: GroupBy,

    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, Args)]
pub struct DistanceArgs {
    /// A partner city (from Kraków when it is the only one).
    #[arg(value_name = "CITY")]
    pub from: String,

    /// A second partner city: the distance from the first to it.
    #[arg(value_name = "TO")]
    pub to: Option<String>,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Count per year or per decade.
    #[arg(long, value_enum, value_name = "SPAN", default_value = "year")]
    pub by: Span,

    #[command(flatten)]
    pub filter: FilterArgs,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Sort by this field (name, signed, distance_km, population, …).
    #[arg(long, value_name = "FIELD", value_parser = parse_field, help_heading = "Order")]
    pub sort: Option<Field>,

    /// Sort from the largest value down (unknown values still come last).
    #[arg(long, help_heading = "Order")]
    pub desc: bool,

    /// Show at most N cities.
    #[arg(long, value_name = "N", help_heading = "Order")]
    pub limit: Option<usize>,
}

#[derive(Debug, Args)]
pub struct RecordsArgs {
    /// Only these records (all of them when none are named).
    #[arg(value_name = "RECORD", value_enum, ignore_case = true)]
    pub kinds: Vec<Kind>,

    /// Show the N leaders of each record.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    pub top: u32,

    #[command(flatten)]
    pub filter: FilterArgs,
}

/// The filters every command that chooses cities takes.
#[derive(Debug, Args)]
#[command(next_help_heading = "Filters")]
pub struct FilterArgs {
    /// Only cities on these continents (comma-separated).
    #[arg(
        long,
        value_name = "CONTINENT",
        value_enum,
        value_delimiter = ',',
        ignore_case = true
    )]
    pub continent: Vec<Continent>,

    /// Only cities in these countries, by English name or ISO code (comma-separated).
    #[arg(long, value_name = "COUNTRY", value_delimiter = ',')]
    pub country: Vec<String>,

    /// Only partnerships resting on these kinds of agreement (comma-separated).
    #[arg(
        long,
        value_name = "KIND",
        value_enum,
        value_delimiter = ',',
        ignore_case = true
    )]
    pub agreement: Vec<Agreement>,

    /// Only partnerships with these statuses (comma-separated) [default: active]
    #[arg(
        long,
        value_name = "STATUS",
        value_enum,
        value_delimiter = ',',
        ignore_case = true
    )]
    pub status: Vec<Status>,

    /// Every status: active, suspended and ended.
    #[arg(long, conflicts_with = "status")]
    pub all: bool,

    /// Only state capitals.
    #[arg(long)]
    pub capital: bool,

    /// Only cities with a name or alias containing TEXT (any case, any diacritics).
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,

    /// The partnerships as they stood on DATE (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,

    /// Only partnerships a source shows in force on or after DATE (last_attested).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub attested_since: Option<Date>,
}

impl FilterArgs {
    pub fn to_filter(&self) -> Filter {
        Filter {
            continents: self.continent.clone(),
            countries: self.country.clone(),
            agreements: self.agreement.clone(),
            statuses: self.status.clone(),
            all: self.all,
            capital: self.capital,
            search: self.search.clone(),
            as_of: self.as_of,
            attested_since: self.attested_since,
        }
    }
}

/// `records --help`: each record from the table of superlatives, then examples.
fn records_help() -> String {
    format!(
        "Records:\n{}\n\nExamples:\n  krakow-partners records\n  \
         krakow-partners records highest nearest --top 3\n  \
         krakow-partners records --continent europe --as-of 2022-03-15",
        Kind::help()
    )
}

/// `--fields`' help, with every field from the column table.
fn fields_help() -> String {
    format!(
        "Show exactly these fields, in this order (comma-separated), in every format: {}",
        Field::keys()
    )
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse()
}

fn parse_field(text: &str) -> Result<Field, String> {
    Field::from_key(text).ok_or_else(|| {
        let keys: Vec<&str> = crate::columns::COLUMNS.iter().map(|c| c.key).collect();
        let hint = crate::suggest::did_you_mean(text, &keys)
            .map(|h| format!("; {h}"))
            .unwrap_or_default();
        format!("unknown field '{text}'{hint} (valid: {})", Field::keys())
    })
}

/// Lets clap offer, check and suggest the values of the data's own enums.
macro_rules! value_enum {
    ($($name:ty),+) => {$(
        impl ValueEnum for $name {
            fn value_variants<'a>() -> &'a [Self] {
                <$name>::ALL
            }
            fn to_possible_value(&self) -> Option<PossibleValue> {
                Some(PossibleValue::new(self.as_str()))
            }
        }
    )+};
}

value_enum!(Continent, Agreement, Status, Kind);
