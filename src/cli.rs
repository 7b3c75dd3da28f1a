//! The command line: commands and options, nothing else.

use std::path::PathBuf;
use std::sync::LazyLock;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::city::{Agreement, Continent, Date, DateRange, Status};
use crate::columns::{COLUMNS, Field};
use crate::conditions::Condition;
use crate::fields::{self, Choice};
use crate::filter::Filter;
use crate::groups::GroupBy;
use crate::load::BUNDLED_AS_OF;
use crate::periods::Span;
use crate::picks::{Pick, PickParser, Picks};
use crate::render::{Format, Names};
use crate::superlatives::Kind;

/// What `--version` says: the tool's version and the day its built-in data reflects.
static VERSION: LazyLock<String> =
    LazyLock::new(|| format!("{} (data as of {BUNDLED_AS_OF})", env!("CARGO_PKG_VERSION")));

#[derive(Debug, Parser)]
#[command(
    name = "krakow-partners",
    version = VERSION.as_str(),
    about = "Ask questions about the City of Kraków's international partner cities.",
    long_about = "Ask questions about the City of Kraków's international partner cities: \
                  which they are, where, since when, and which is the nearest, oldest or \
                  highest. The data, with a source for every row, is built in; --data \
                  reads another file of those columns, of which only name, country or \
                  country_code, lat and lon are needed.",
    after_help = "Each command's options (--data FILE, --format FORMAT, --json, --fields …) \
                  are listed by krakow-partners COMMAND --help; they may also come before \
                  the command: krakow-partners --json list. An option of one value given \
                  twice takes the last; a list option (--continent, --fields …) gathers \
                  every value given.\n\
                  Distances are measured from Kraków's Main Market Square along the WGS84 \
                  ellipsoid.\nExit codes: 0 success (an empty answer too), 1 failure (bad \
                  data, unknown city, output that cannot be written), 2 usage error.",
    max_term_width = 100,
    // The rule for repeated options: one of one value given twice takes its last value
    // (a list option gathers them all), so options before the command may be overridden
    // after it.
    args_override_self = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Where the cities come from: for every command that reads them.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Read the cities from this CSV (a spreadsheet's ';'-separated one too), TSV, JSON,
    /// NDJSON or GeoJSON file ('-' for standard input) instead of the built-in data; it
    /// needs only name, country or country_code, lat and lon.
    #[arg(long, value_name = "FILE", help_heading = "Input")]
    pub data: Option<PathBuf>,

    /// Read which source gives each value of the cities from this CSV or TSV file,
    /// city,field,url,quote,read ('-' for standard input), instead of the built-in one
    /// (the data's own JSON may carry it as "provenance").
    #[arg(long, value_name = "FILE", help_heading = "Input")]
    pub evidence: Option<PathBuf>,
}

/// How an answer is written: for every command that answers with rows. Given twice,
/// `--format` and `--json` take the last one.
#[derive(Debug, Args)]
#[command(next_help_heading = "Output")]
pub struct OutputArgs {
    /// Output format [default: table on a terminal, tsv otherwise]
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        value_name = "FORMAT",
        overrides_with = "json"
    )]
    pub format: Option<Format>,

    /// Shorthand for --format json.
    #[arg(long, overrides_with = "format")]
    pub json: bool,

    /// Show exactly these fields, in this order (comma-separated), in every format.
    /// (Each command's help lists its own.)
    #[arg(short, long, value_name = "FIELDS", value_delimiter = ',')]
    pub fields: Vec<String>,

    /// Colour in tables: on a terminal only (never with NO_COLOR set or TERM=dumb; always
    /// with CLICOLOR_FORCE set), always, or never.
    #[arg(long, value_enum, ignore_case = true, value_name = "WHEN")]
    pub color: Option<ColorChoice>,

    /// Tables show every column, however narrow the terminal (the least important are
    /// otherwise left out, and said so).
    #[arg(long)]
    pub wide: bool,

    /// In CSV and TSV, start text cells a spreadsheet would run as a formula
    /// (=, +, -, @) with a ' so they stay text.
    #[arg(long)]
    pub guard_formulas: bool,

    /// CSV and TSV without their header line.
    #[arg(long)]
    pub no_header: bool,
}

/// The format asked for: `--json` and `--format` override each other, so at most one
/// is set, the last given.
fn chosen(json: bool, format: Option<Format>) -> Option<Format> {
    match json {
        true => Some(Format::Json),
        false => format,
    }
}

impl OutputArgs {
    pub fn chosen_format(&self) -> Option<Format> {
        chosen(self.json, self.format)
    }

    /// The options given that only some formats use, each with those formats: with any
    /// other format such an option is refused, never silently ignored. `--color never`
    /// and `auto` ask for nothing a format could fail to give, and fit every format.
    pub fn for_some_formats(&self) -> Vec<(&'static str, &'static [Format])> {
        let given = [
            (self.wide, "--wide", TABLE),
            (
                self.color == Some(ColorChoice::Always),
                "--color always",
                TABLE,
            ),
            (self.no_header, "--no-header", DELIMITED),
            (self.guard_formulas, "--guard-formulas", DELIMITED),
        ];
        let given = given.into_iter().filter(|(given, ..)| *given);
        given
            .map(|(_, option, formats)| (option, formats))
            .collect()
    }
}

impl ReportArgs {
    /// The format for programs, if asked for.
    pub fn chosen_format(&self) -> Option<Format> {
        chosen(self.json, self.format)
    }
}

/// Which of a city's names are shown: for the commands whose rows are cities.
#[derive(Debug, Args)]
pub struct NamesArgs {
    /// Which name tables, TSV and pictures show: English, Polish (a picture's own words
    /// in Polish too) or the city's own [default: en]
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        value_name = "LANG",
        help_heading = "Output"
    )]
    pub names: Option<Names>,
}

/// Where distances and bearings are measured from: for the commands whose rows are
/// cities.
#[derive(Debug, Args)]
pub struct FromArgs {
    /// Measure distance_km, bearing_deg and bearing (and --where and --sort on them)
    /// from this partner city instead of Kraków: any of its names, as show takes them.
    ///
    /// Tables say so in their headers ("Distance from Vienna (km)"), the map in its
    /// title; JSON, CSV and TSV keep their keys. Records nearest and farthest leave
    /// the city itself out; list and show give it 0 km and no bearing.
    #[arg(long, value_name = "CITY", help_heading = "Distances")]
    pub from: Option<String>,
}

/// A chart of the answer instead of rows, and the names it is drawn in: for `stats`
/// and `timeline`.
#[derive(Debug, Args)]
#[command(next_help_heading = "Output")]
pub struct ChartArgs {
    /// Draw the answer as a chart into FILE, SVG or PNG by its extension (.svg,
    /// .png); svg:- or png:- for standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[command(flatten)]
    pub names: NamesArgs,
}

/// How `validate` reports problems to programs.
#[derive(Debug, Args)]
#[command(next_help_heading = "Output")]
pub struct ReportArgs {
    /// Also write each problem as a JSON object {file, line, item, column, value, message} on
    /// standard output (the report for people stays on standard error); item is the
    /// object's index in a JSON file where objects share a line, else null.
    #[arg(
        long,
        value_name = "FORMAT",
        ignore_case = true,
        overrides_with = "json"
    )]
    pub format: Option<Format>,

    /// Shorthand for --format json.
    #[arg(long, overrides_with = "format")]
    pub json: bool,
}

/// When tables use colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal that shows colour (not TERM=dumb), unless NO_COLOR is set; in a
    /// pipe too when CLICOLOR_FORCE is set.
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
                            krakow-partners list --all --as-of 2022-01-01 --search moscow\n  \
                            krakow-partners list --where 'population>1e6'\n  \
                            krakow-partners list --where 'signed<1990' --where capital=true\n  \
                            krakow-partners list --from vienna --sort distance --limit 3"
    )]
    #[command(mut_args(|a| accepts(a, &ListArgs::ACCEPTS)))]
    List(ListArgs),

    /// Superlatives: the nearest, farthest, oldest, highest… partner city.
    #[command(
        after_help = records_help(),
        mut_args(|a| accepts(a, &RecordsArgs::ACCEPTS))
    )]
    Records(RecordsArgs),

    /// One city in full, found by any of its names in any language.
    #[command(
        after_help = "Every status is searched unless --status is given.\n\nExamples:\n  \
                            krakow-partners show kosice\n  krakow-partners show Norymberga\n  \
                            krakow-partners show moscow --json\n  \
                            krakow-partners show kyoto --from nanjing\n  \
                            krakow-partners show kyoto --sources",
        mut_args(|a| accepts(a, &ShowArgs::ACCEPTS))
    )]
    Show(ShowArgs),

    /// Count the cities per continent, country, agreement, status, capital, decade or year.
    #[command(
        after_help = "Decades and years are in time order, the unknown last; other \
                      groups the largest first, ties by name.\n\nExamples:\n  \
                      krakow-partners stats --by country\n  \
                      krakow-partners stats --by continent --as-of 2022-03-15\n  \
                      krakow-partners stats --by continent --of population\n  \
                      krakow-partners stats --of distance_km --where 'population>1e6'\n  \
                      krakow-partners stats --by agreement -o agreements.png",
        mut_args(|a| accepts(a, &StatsArgs::ACCEPTS))
    )]
    Stats(StatsArgs),

    /// Distance and initial bearing between two partner cities, or from Kraków to one;
    /// between every two chosen cities with --pairs or --matrix.
    #[command(
        after_help = "Names are found as show finds them, among every status unless \
                      --status is given.\n\nExamples:\n  krakow-partners distance kosice\n  \
                      krakow-partners distance leipzig nuremberg\n  \
                      krakow-partners distance --pairs --limit 3\n  \
                      krakow-partners distance --pairs --continent asia\n  \
                      krakow-partners distance --matrix kyoto nanjing tbilisi --format csv",
        mut_args(|a| accepts(a, &DistanceArgs::ACCEPTS))
    )]
    Distance(DistanceArgs),

    /// Agreements signed per year or decade, and partnerships ended or suspended.
    #[command(
        after_help = "Cities whose date is unknown are counted last, as \"unknown\", so the \
                      totals match stats.\n\nExamples:\n  krakow-partners timeline\n  \
                      krakow-partners timeline --by decade --all\n  \
                      krakow-partners timeline --by decade --all -o timeline.svg",
        mut_args(|a| accepts(a, &TimelineArgs::ACCEPTS))
    )]
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
                            krakow-partners map --from vienna --continent europe -o vienna.svg\n  \
                            krakow-partners map -o png:- | display"
    )]
    Map(MapArgs),

    /// One offline page of the partners: the map, the timeline, counts by continent and
    /// by agreement, a sortable table and a card per city with its sources.
    #[command(
        after_help = "The page fetches nothing and needs no script: the script only sorts \
                      the table and shows a city's card under the pointer. It prints as a \
                      report on A4.\n\n\
                      Examples:\n  krakow-partners atlas -o atlas.html\n  \
                      krakow-partners atlas --all --as-of 2022-01-01 -o 2022.html\n  \
                      krakow-partners atlas --continent europe --names pl -o europa.html"
    )]
    Atlas(AtlasArgs),

    /// Check a data file (the built-in one without FILE) and its provenance, and report
    /// every problem and warning.
    #[command(
        after_help = validate_help(),
        mut_args(|a| accepts(a, &ValidateArgs::ACCEPTS))
    )]
    Validate(ValidateArgs),

    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(
        after_help = "The script calls krakow-partners (found on PATH) to complete \
                            each word.\n\nExamples:\n  \
                            krakow-partners completions bash > ~/.local/share/bash-completion/completions/krakow-partners\n  \
                            krakow-partners completions zsh > \"${fpath[1]}/_krakow-partners\"\n  \
                            krakow-partners completions fish > ~/.config/fish/completions/krakow-partners.fish"
    )]
    Completions(CompletionsArgs),

    /// Print a manual page (roff), or write them all into a directory.
    #[command(after_help = "Examples:\n  \
                            krakow-partners man list | man -l -\n  \
                            krakow-partners man --dir ~/.local/share/man/man1")]
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print (the main page without COMMAND).
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,

    /// Write the pages into DIR (made if missing) instead of printing one: every page,
    /// or COMMAND's.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The data file to check, CSV, TSV, JSON, NDJSON or GeoJSON ('-' for standard input).
    #[arg(value_name = "FILE", conflicts_with = "data")]
    pub file: Option<PathBuf>,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub report: ReportArgs,
}

impl ValidateArgs {
    /// The formats that write one object per problem; no --fields (a problem is written
    /// whole).
    pub const ACCEPTS: Accepts = Accepts {
        fields: fields::NONE,
        formats: &[Format::Json, Format::Ndjson],
        answers: Answers::Problems,
    };
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write completions for.
    #[arg(value_enum, ignore_case = true, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct MapArgs {
    /// Write the map to FILE, as SVG, PNG or HTML by its extension (.svg, .png,
    /// .html); svg:-, png:- or html:- for standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The map's title, instead of "Kraków's international partner cities".
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    #[command(flatten)]
    pub filter: FilterArgs,

    #[command(flatten)]
    pub from: FromArgs,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub names: NamesArgs,
}

#[derive(Debug, Args)]
pub struct AtlasArgs {
    /// Write the page to FILE (.html); html:- for standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The page's title, instead of "Kraków's international partner cities".
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    #[command(flatten)]
    pub filter: FilterArgs,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub names: NamesArgs,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Any name or alias: English, Polish or local, any case, any diacritics.
    #[arg(value_name = "CITY")]
    pub city: String,

    /// Each value with its sources instead: a row per value and source, with the URL,
    /// the passage that gives the value and the day the page was read (--fields: only
    /// these values).
    #[arg(long)]
    pub sources: bool,

    #[command(flatten)]
    pub filter: FilterArgs,

    #[command(flatten)]
    pub from: FromArgs,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub names: NamesArgs,
}

impl ShowArgs {
    pub const ACCEPTS: Accepts = Accepts {
        fields: fields::CITIES,
        formats: EVERY_FORMAT,
        answers: Answers::City,
    };
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// What to group by [default: continent; with --of, all the cities in one line]
    #[arg(long, value_enum, ignore_case = true, value_name = "GROUP")]
    pub by: Option<GroupBy>,

    /// Sum, mean, median, least and most of this numeric field per group, with the
    /// cities at the least and most (every city tied there, by name); cities whose
    /// value is unknown are left out of them, and counted.
    ///
    /// Each group then also has known (how many give the value), sum, mean, median,
    /// min, min_cities, max and max_cities, which --fields may name. A value is taken
    /// as it is written (a distance to 0.1 km); sums of measures, means and medians
    /// are given to two decimal places. Tables leave out the cities of each group.
    #[arg(long, value_name = "FIELD", value_parser = NumericParser)]
    pub of: Option<Field>,

    #[command(flatten)]
    pub filter: FilterArgs,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub chart: ChartArgs,
}

impl StatsArgs {
    /// What to group by: as asked, else every city in one group with --of, else the
    /// continents.
    pub fn groups(&self) -> GroupBy {
        match (self.by, self.of) {
            (Some(by), _) => by,
            (None, Some(_)) => GroupBy::All,
            (None, None) => GroupBy::Continent,
        }
    }

    pub const ACCEPTS: Accepts = Accepts {
        fields: fields::GROUPS,
        formats: NOT_PLACES,
        answers: Answers::Rows,
    };
}

#[derive(Debug, Args)]
pub struct DistanceArgs {
    /// CITY [TO]: from Kraków to CITY, or from CITY to TO (Kraków itself may be either
    /// end); with --pairs or --matrix, the cities to measure between (without them,
    /// the cities the filters choose).
    #[arg(
        value_name = "CITY",
        required_unless_present_any = ["pairs", "matrix"]
    )]
    pub cities: Vec<String>,

    /// The distance between every two of the cities, nearest first (ties by name).
    #[arg(long, conflicts_with = "matrix", help_heading = "Between many cities")]
    pub pairs: bool,

    /// The distance between every two of the cities as a matrix: a row and a column
    /// per city (a table only where it fits the terminal).
    #[arg(long, help_heading = "Between many cities")]
    pub matrix: bool,

    /// Show at most N pairs (with --pairs).
    #[arg(short = 'n', long, value_name = "N", value_parser = parse_limit, allow_negative_numbers = true, help_heading = "Between many cities")]
    pub limit: Option<usize>,

    #[command(flatten)]
    pub filter: FilterArgs,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

impl DistanceArgs {
    pub const ACCEPTS: Accepts = Accepts {
        fields: fields::LEG,
        formats: NOT_PLACES,
        answers: Answers::Leg,
    };
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Count per year or per decade.
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        value_name = "SPAN",
        default_value = "year"
    )]
    pub by: Span,

    #[command(flatten)]
    pub filter: FilterArgs,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub chart: ChartArgs,
}

impl TimelineArgs {
    pub const ACCEPTS: Accepts = Accepts {
        fields: fields::TIMELINE,
        formats: NOT_PLACES,
        answers: Answers::Rows,
    };
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,

    #[command(flatten)]
    pub from: FromArgs,

    /// Sort by this field (name, signed, distance_km, population, …); a '-' before it
    /// sorts from the largest down, as --desc does (--sort -population).
    ///
    /// Names sort as they are shown (--names pl: by the Polish names). A date known
    /// only to the year or month sorts at its first day, before the full dates in it
    /// (1993, 1993-01, 1993-01-01). Unknown values come last in either direction.
    #[arg(short, long, value_name = "FIELD", value_parser = SortParser, allow_hyphen_values = true, help_heading = "Order")]
    pub sort: Option<SortBy>,

    /// Sort from the largest value down (unknown values still come last).
    #[arg(short = 'r', long, help_heading = "Order")]
    pub desc: bool,

    /// Show at most N cities.
    #[arg(short = 'n', long, value_name = "N", value_parser = parse_limit, allow_negative_numbers = true, help_heading = "Order")]
    pub limit: Option<usize>,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub names: NamesArgs,
}

impl ListArgs {
    pub const ACCEPTS: Accepts = Accepts {
        fields: fields::CITIES,
        formats: EVERY_FORMAT,
        answers: Answers::Cities,
    };
}

#[derive(Debug, Args)]
pub struct RecordsArgs {
    /// Only these records (all of them when none are named).
    #[arg(value_name = "RECORD", value_enum, ignore_case = true)]
    pub kinds: Vec<Kind>,

    /// Show the N leaders of each record.
    #[arg(short = 'n', long, value_name = "N", default_value_t = 1, value_parser = parse_top, allow_negative_numbers = true)]
    pub top: u32,

    #[command(flatten)]
    pub filter: FilterArgs,

    #[command(flatten)]
    pub from: FromArgs,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub names: NamesArgs,
}

impl RecordsArgs {
    pub const ACCEPTS: Accepts = Accepts {
        fields: fields::RECORDS,
        formats: EVERY_FORMAT,
        answers: Answers::Records,
    };
}

/// The filters every command that chooses cities takes.
#[derive(Debug, Args)]
#[command(next_help_heading = "Filters")]
pub struct FilterArgs {
    /// Only cities on these continents (comma-separated; '!' before one refuses it).
    ///
    /// A '!' before a value refuses it, in every filter of named values: quote it for
    /// the shell, --continent '!europe' (every continent but Europe), --status '!ended',
    /// --country '!de,!fr'.
    #[arg(
        long,
        value_name = "CONTINENT",
        value_delimiter = ',',
        value_parser = PickParser::<Continent>::new(),
        ignore_case = true
    )]
    pub continent: Vec<Pick<Continent>>,

    /// Only cities in these countries (comma-separated; '!' before one refuses it): an
    /// English name, a short name (USA, UK, Czech Republic, Holland) or an ISO 3166
    /// code (DE, DEU), in any case, with or without diacritics.
    #[arg(long, value_name = "COUNTRY", value_delimiter = ',')]
    pub country: Vec<String>,

    /// Only partnerships resting on these kinds of agreement (comma-separated; '!'
    /// before one refuses it).
    #[arg(
        long,
        value_name = "KIND",
        value_delimiter = ',',
        value_parser = PickParser::<Agreement>::new(),
        ignore_case = true
    )]
    pub agreement: Vec<Pick<Agreement>>,

    /// Only partnerships with these statuses (comma-separated; '!' before one refuses
    /// it; unconfirmed: no source after last_attested confirms or ends it) [default:
    /// active, and those of a status the data does not give]
    #[arg(
        long,
        value_name = "STATUS",
        value_delimiter = ',',
        value_parser = PickParser::<Status>::new(),
        ignore_case = true
    )]
    pub status: Vec<Pick<Status>>,

    /// Every status: active, suspended, ended and unconfirmed.
    #[arg(short, long, conflicts_with = "status")]
    pub all: bool,

    /// Only state capitals.
    #[arg(long)]
    pub capital: bool,

    /// Only cities with a name or alias containing TEXT (any case, any diacritics).
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,

    /// The partnerships as they stood at the end of DATE (YYYY-MM-DD, YYYY-MM or YYYY:
    /// a year or month means its last day).
    ///
    /// --as-of 1996 is 1996-12-31. A date in the data known only to the year or month
    /// stands for every day of it, and has happened only once the last has passed: a
    /// partnership signed in 1996 counts as of 1996-12-31, not before; one ended in
    /// 2022 reads active until 2022-12-31; an unconfirmed one reads active up to its
    /// last_attested date.
    #[arg(long, value_name = "DATE", value_parser = parse_date, allow_negative_numbers = true)]
    pub as_of: Option<Date>,

    /// Only partnerships signed within FROM..TO (either end may be left out: ..1980,
    /// 2000..; one date alone is its whole span: 1996).
    ///
    /// A signing date known only to the year or month is inside only when all of it
    /// is: 1999 is inside 1990..1999, 2000 is not inside ..2000-06. Cities with no
    /// signing date are left out, and a note on standard error says how many.
    #[arg(long, value_name = "FROM..TO", value_parser = parse_range)]
    pub signed: Option<DateRange>,

    /// Only partnerships a source shows in force on or after DATE (last_attested).
    #[arg(long, value_name = "DATE", value_parser = parse_date, allow_negative_numbers = true)]
    pub attested_since: Option<Date>,

    /// Only cities whose FIELD satisfies OP VALUE: population>1e6, signed<1990,
    /// capital=true, agreement=twin-city, notes~sister, elevation=? (repeatable: all
    /// must hold).
    ///
    /// FIELD is any field --fields takes, the computed ones too (distance_km,
    /// density_per_km2, bearing_deg, bearing). Numbers and dates take = != < <= > >=;
    /// texts, lists and named values = != and ~ (contains); true or false = !=. Texts
    /// compare in any case, with or without diacritics; a list equals a text when one
    /// of its items does. VALUE is read as the field's type: a number (1e6 or
    /// 1000000), a date, true or false, a name (agreement=twin-city). A date stands
    /// for its whole span: signed<1990 is before 1990-01-01, signed<=1990 by
    /// 1990-12-31, signed>1990 after 1990-12-31, signed>=1990 from 1990-01-01,
    /// signed=1990 within 1990, != outside it; a date in the data known only to the
    /// year or month passes only when every day it may mean does (signed 1996 is not
    /// <1996-06). A value the data does not give satisfies no comparison, != neither:
    /// FIELD=? takes exactly those cities, FIELD!=? the others. Quote it for the
    /// shell: --where 'population>1e6'.
    #[arg(long = "where", value_name = "CONDITION", value_parser = parse_condition)]
    pub conditions: Vec<Condition>,
}

impl FilterArgs {
    pub fn to_filter(&self) -> Filter {
        let countries = self.country.iter().map(|typed| {
            let (value, refused) = Pick::<String>::split(typed);
            Pick {
                value: value.to_string(),
                refused,
            }
        });
        Filter {
            continents: self.continent.iter().copied().collect(),
            countries: countries.collect::<Picks<String>>(),
            agreements: self.agreement.iter().copied().collect(),
            statuses: self.status.iter().copied().collect(),
            all: self.all,
            capital: self.capital,
            search: self.search.clone(),
            as_of: self.as_of,
            attested_since: self.attested_since,
            signed: self.signed,
            conditions: self.conditions.clone(),
            centre: crate::geo::Centre::krakow(),
        }
    }
}

/// `validate --help`: what a problem and a warning are, then examples.
fn validate_help() -> String {
    format!(
        "Each problem is one line on standard error: krakow-partners: file:line: column: \
         what is wrong (what is allowed). Exit 0 when the file is sound, 1 when it is not. \
         A warning (file:line: warning: …) is a value that is allowed but likely wrong: a \
         city more than {} km outside its country's borders, a date after the data's; it \
         does not fail the file, and other commands only count them.\n\nExamples:\n  \
         krakow-partners validate my.csv\n  \
         krakow-partners validate my.csv --evidence my-sources.csv\n  \
         krakow-partners validate my.csv --format ndjson | jq -r .message",
        crate::checks::OUTSIDE_KM
    )
}

/// `records --help`: each record from the table of superlatives, then examples.
fn records_help() -> String {
    format!(
        "Records:\n{}\n\nExamples:\n  krakow-partners records\n  \
         krakow-partners records highest nearest --top 3\n  \
         krakow-partners records --continent europe --as-of 2022-03-15\n  \
         krakow-partners records nearest --from vienna\n  \
         krakow-partners records most-populous --where 'signed<1990'",
        Kind::help()
    )
}

/// What a command that answers takes: the one table its `--help`, its manual page, its
/// completion and its parser all read (through `accepts`, which sets the parsers of
/// `--fields` and `--format` from it).
#[derive(Clone, Copy, Debug)]
pub struct Accepts {
    /// What `--fields` may name.
    pub fields: Choice,
    /// What `--format` takes.
    pub formats: &'static [Format],
    /// What the command answers with: what each format writes for it, in its help.
    pub answers: Answers,
}

/// What a command answers with, which decides what each format writes for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answers {
    /// `list`: cities.
    Cities,
    /// `records`: records, each with its city.
    Records,
    /// `show`: one city.
    City,
    /// `stats`, `timeline`: rows of counts.
    Rows,
    /// `distance`: one row.
    Leg,
    /// `validate`: the problems of a file.
    Problems,
}

impl Answers {
    /// What `format` writes for this answer, for `--format`'s help.
    fn written_as(self, format: Format) -> &'static str {
        use Answers::*;
        match (format, self) {
            (Format::Table, City) => {
                "The city as a card of labels and values, for people (--sources: a row per \
                 value and source)"
            }
            (Format::Table, _) => "Aligned table with units in the headers, for people",
            (Format::Tsv, City) => {
                "Tab-separated values: a header line and the city's row (every field: it loads \
                 back with --data; --sources: a row per value and source)"
            }
            (Format::Tsv, Leg) => "Tab-separated values: a header line and one row",
            (Format::Tsv, _) => "Tab-separated values: a header line, then a row each",
            (Format::Csv, Cities) => {
                "Comma-separated values: the data file's header plus distance_km, then a row each"
            }
            (Format::Csv, City) => {
                "Comma-separated values: a header line and the city's row (every field: it \
                 loads back with --data; --sources: a row per value and source)"
            }
            (Format::Csv, Leg) => "Comma-separated values: a header line and one row",
            (Format::Csv, _) => "Comma-separated values: a header line, then a row each",
            (Format::Json, City) => {
                "The city as one JSON object (as list writes it in its array; --sources: an \
                 array, an object per value and source)"
            }
            (Format::Json, Leg) => "One JSON object",
            (Format::Json, Problems) => {
                "A JSON array: each problem an object {file, line, item, column, value, message, \
                 severity}"
            }
            (Format::Json, _) => "A JSON array of objects",
            (Format::Ndjson, City) => {
                "One JSON object on one line (--sources: one per value and source, a line each)"
            }
            (Format::Ndjson, Leg) => "One JSON object on one line",
            (Format::Ndjson, Problems) => "Each problem a JSON object on a line of its own",
            (Format::Ndjson, _) => "One JSON object per line",
            (Format::Geojson, City) => "A GeoJSON FeatureCollection (RFC 7946) of the city's point",
            (Format::Geojson, Records) => {
                "A GeoJSON FeatureCollection (RFC 7946): a point per record's city"
            }
            (Format::Geojson, _) => {
                "A GeoJSON FeatureCollection (RFC 7946) of points, for maps and GIS tools"
            }
        }
    }
}

/// Every format: for answers whose rows are places.
const EVERY_FORMAT: &[Format] = &[
    Format::Table,
    Format::Tsv,
    Format::Json,
    Format::Ndjson,
    Format::Csv,
    Format::Geojson,
];

/// Every format but GeoJSON: for answers that are no places (counts, a distance).
const NOT_PLACES: &[Format] = &[
    Format::Table,
    Format::Tsv,
    Format::Json,
    Format::Ndjson,
    Format::Csv,
];

/// Tables.
const TABLE: &[Format] = &[Format::Table];
/// The delimited formats, with a header line and cells a spreadsheet may read.
const DELIMITED: &[Format] = &[Format::Csv, Format::Tsv];

/// A command's `--fields` and `--format` as its table says: the parsers, so that help,
/// the manual page and completion list what the parser takes, and nothing else.
fn accepts(arg: clap::Arg, accepts: &Accepts) -> clap::Arg {
    match arg.get_id().as_str() {
        "fields" => {
            let text = "Show exactly these fields, in this order (comma-separated), in every \
                        format";
            arg.help(text)
                .long_help(text)
                .value_parser(FieldsParser(accepts.fields))
        }
        "format" => {
            let formats = accepts
                .formats
                .iter()
                .filter_map(|f| Some(f.to_possible_value()?.help(accepts.answers.written_as(*f))));
            let parser =
                PossibleValuesParser::new(formats).try_map(|name| Format::from_str(&name, true));
            arg.value_parser(parser)
        }
        _ => arg,
    }
}

/// `--fields`: the names a command's answer has, for help and completion (short names
/// hidden, but taken); the list is read against them in `config`, where a name given
/// twice or not at all is told with the others.
#[derive(Clone, Copy, Debug)]
struct FieldsParser(Choice);

impl TypedValueParser for FieldsParser {
    type Value = String;

    fn parse_ref(
        &self,
        _: &clap::Command,
        _: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        Ok(value.to_string_lossy().into_owned())
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let keys = self.0.keys().into_iter().map(PossibleValue::new);
        let shorts = self.0.shorts().map(|s| PossibleValue::new(s).hide(true));
        Some(Box::new(keys.chain(shorts)))
    }
}

/// `--limit`: how many cities, none too.
fn parse_limit(text: &str) -> Result<usize, String> {
    whole_number(text, 0)
}

/// `--top`: how many leaders, one at least.
fn parse_top(text: &str) -> Result<u32, String> {
    whole_number(text, 1)
}

/// A whole number of at least `least` that fits `T`, or what is wanted instead.
fn whole_number<T: TryFrom<u64>>(text: &str, least: u64) -> Result<T, String> {
    let wanted = || format!("a whole number, {least} or more, is wanted");
    let number: u64 = text.trim().parse().map_err(|_| wanted())?;
    if number < least {
        return Err(wanted());
    }
    T::try_from(number).map_err(|_| format!("{number} is more than can be counted"))
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse()
}

fn parse_range(text: &str) -> Result<DateRange, String> {
    text.parse()
}

fn parse_condition(text: &str) -> Result<Condition, String> {
    text.parse()
}

/// `stats --of`: a numeric field, the keys listed for help and completion (short
/// names hidden, but taken).
#[derive(Clone, Copy, Debug)]
struct NumericParser;

impl NumericParser {
    fn numeric() -> impl Iterator<Item = &'static crate::columns::Column> {
        COLUMNS.iter().filter(|c| c.is_numeric())
    }
}

impl TypedValueParser for NumericParser {
    type Value = Field;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Field, clap::Error> {
        let parse: fn(&str) -> Result<Field, String> = |text| {
            let numeric: Vec<&str> = NumericParser::numeric().map(|c| c.key).collect();
            match Field::from_key(text) {
                Some(field) if field.column().is_numeric() => Ok(field),
                Some(field) => Err(format!(
                    "{} is not a number (a numeric field is wanted: {})",
                    field.key(),
                    numeric.join(", ")
                )),
                None => {
                    let mut names = numeric.clone();
                    names.extend(NumericParser::numeric().filter_map(|c| c.short));
                    Err(crate::error::UsageError::unknown_among("field", text, &names, &numeric).0)
                }
            }
        };
        parse.parse_ref(command, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let keys = NumericParser::numeric().map(|c| PossibleValue::new(c.key));
        let shorts = NumericParser::numeric()
            .filter_map(|c| c.short)
            .map(|s| PossibleValue::new(s).hide(true));
        Some(Box::new(keys.chain(shorts)))
    }
}

/// `--sort`: a field, from the largest down with a `-` before it.
#[derive(Clone, Copy, Debug)]
pub struct SortBy {
    pub field: Field,
    pub descending: bool,
}

fn parse_sort(text: &str) -> Result<SortBy, String> {
    let (field, descending) = match text.strip_prefix('-') {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    Ok(SortBy {
        field: parse_field(field)?,
        descending,
    })
}

fn parse_field(text: &str) -> Result<Field, String> {
    Field::from_key(text).ok_or_else(|| fields::CITIES.unknown(text).0)
}

/// `--sort`'s parser, with the keys it takes for help and completion (short names
/// hidden, but taken).
#[derive(Clone, Copy, Debug)]
struct SortParser;

impl TypedValueParser for SortParser {
    type Value = SortBy;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<SortBy, clap::Error> {
        let parse: fn(&str) -> Result<SortBy, String> = parse_sort;
        parse.parse_ref(command, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        FieldsParser(fields::CITIES).possible_values()
    }
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
