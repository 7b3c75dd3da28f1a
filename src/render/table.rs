//! Tables for people: aligned, units in the headers, unknowns as a dash, fitted to the
//! terminal's width. No value is ever split across lines: on a narrow terminal the least
//! important columns are left out (and said so); free text wraps between its words and a
//! list between its items; where even the columns always kept cannot fit, the longest
//! values are shortened with an ellipsis (and said so).
//!
//! The table is drawn here, in the house style (comfy-table's UTF8_FULL_CONDENSED with
//! rounded corners, which drew it before), so that it streams: a first pass over the rows
//! measures each column, a second writes them a batch at a time. A million rows take no
//! more memory than a batch of them, and laying out a value takes time in proportion to
//! its length.

use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};
use std::ops::Range;

use rayon::prelude::*;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::grid::{Grid, Keep, Shape};
use super::write_rows;
use crate::parallel;
use crate::value::{LIST_SEPARATOR, Value};

/// The width a card of long texts wraps at when there is no terminal to measure
/// (`--format table` into a pipe) and no `$COLUMNS`.
const CARD_WIDTH: usize = 120;

/// The width a terminal that reports no size (0×0, under `script` and in some CI jobs)
/// is taken to have when `$COLUMNS` does not say.
const TERMINAL_WIDTH: usize = 80;

/// The width to fit: the terminal's; `$COLUMNS`, then 80, for a terminal that reports
/// no size; `$COLUMNS` or none (the natural width) without a terminal.
fn width() -> Option<usize> {
    let columns = || {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse::<u16>().ok())
            .filter(|w| *w > 0)
            .map(usize::from)
    };
    let stdout = io::stdout();
    if !stdout.is_terminal() {
        return columns();
    }
    match terminal_columns() {
        Some(width) if width > 0 => Some(usize::from(width)),
        _ => Some(columns().unwrap_or(TERMINAL_WIDTH)),
    }
}

/// The columns of the terminal on standard output, as the terminal reports them. Asked
/// of the kernel directly: a terminal may report its columns and no rows (`stty cols 60`
/// under `script`), which the terminal_size crate takes for no size at all.
#[cfg(unix)]
fn terminal_columns() -> Option<u16> {
    // SAFETY: TIOCGWINSZ writes one `winsize` into the one passed, and nothing else.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    let asked = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) };
    (asked == 0).then_some(size.ws_col)
}

#[cfg(not(unix))]
fn terminal_columns() -> Option<u16> {
    terminal_size::terminal_size_of(io::stdout()).map(|(terminal_size::Width(width), _)| width)
}

/// The width a table is set to.
#[derive(Clone, Copy)]
struct Fit {
    width: usize,
    /// Whether the width is a limit: columns are left out and values shortened to keep
    /// to it. Otherwise (`--wide`, a card into a pipe) only free text wraps to it, and
    /// a line may run over.
    hard: bool,
}

/// The grid as a table for people; a card as a two-column table of labels and values.
/// Columns that do not fit the width are left out, the least important first, unless
/// `wide`; which ones is said once on standard error, as is any value shortened.
pub fn write(grid: &Grid, colour: bool, wide: bool, out: &mut dyn Write) -> io::Result<()> {
    let spans = measure(grid)?;
    match grid.shape {
        Shape::Card => card(grid, &spans, colour, wide, out),
        Shape::List | Shape::Object => rows_table(grid, &spans, colour, wide, out),
    }
}

/// The least width a table of every column of `grid` takes with no value split and no
/// header shortened, and the width tables are fitted to (none: a pipe, where a table
/// takes the width it needs).
pub fn room(grid: &Grid) -> io::Result<(usize, Option<usize>)> {
    let spans = measure(grid)?;
    let need = grid
        .columns
        .iter()
        .zip(&spans)
        .map(|(c, span)| span.least.max(Span::of(&header_text(&c.header)).natural) + 3)
        .sum::<usize>()
        + 1;
    Ok((need, width()))
}

fn rows_table(
    grid: &Grid,
    spans: &[Span],
    colour: bool,
    wide: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let width = width();
    // A header may wrap between its words.
    let headers: Vec<Text> = grid
        .columns
        .iter()
        .map(|c| header_text(&c.header))
        .collect();
    let header_spans: Vec<Span> = headers.iter().map(Span::of).collect();
    let least: Vec<usize> = spans
        .iter()
        .zip(&header_spans)
        .map(|(span, header)| span.least.max(header.least))
        .collect();
    // Numbers and dates are never shortened; text may be.
    let firm: Vec<bool> = grid
        .columns
        .iter()
        .zip(spans)
        .map(|(col, span)| col.numeric || span.firm)
        .collect();
    let shown = match width {
        Some(width) if !wide => fitting(grid, &least, &firm, width),
        _ => (0..grid.columns.len()).collect(),
    };
    let left_out: Vec<&str> = (0..grid.columns.len())
        .filter(|i| !shown.contains(i))
        .map(|i| &*grid.columns[i].key)
        .collect();
    if !left_out.is_empty() {
        crate::output::stderr(&format!(
            "krakow-partners: {} left out to fit {} columns (--wide or --fields shows them)",
            left_out.join(", "),
            width.unwrap_or(TERMINAL_WIDTH)
        ));
    }
    let fit = width.map(|width| Fit { width, hard: !wide });
    let values: Vec<Span> = shown.iter().map(|&i| spans[i]).collect();
    let headers_shown: Vec<Span> = shown.iter().map(|&i| header_spans[i]).collect();
    let frame = Frame {
        widths: widths(
            &values,
            &headers_shown,
            &shown.iter().map(|&i| firm[i]).collect::<Vec<_>>(),
            fit,
        ),
        right: shown.iter().map(|&i| grid.columns[i].numeric).collect(),
    };
    say_if_shortened(&values, &headers_shown, &frame.widths, fit);

    frame.rule(out, &RULES[0])?;
    let header_cells: Vec<Cell> = shown
        .iter()
        .map(|&i| Cell {
            text: headers[i].clone(),
            style: colour.then_some(HEADER),
        })
        .collect();
    frame.row(out, &header_cells)?;
    frame.rule(out, &RULES[1])?;
    write_rows(grid.rows.len(), out, |rows, buffer| {
        let mut cells = Vec::with_capacity(shown.len());
        for i in rows {
            grid.row(i, |values, _| {
                cells.clear();
                cells.extend(shown.iter().map(|&k| {
                    let text = text(&values[k], grid.columns[k].wrap);
                    let style = if colour { paint(&text) } else { None };
                    Cell { text, style }
                }));
                frame.row(buffer, &cells)
            })?;
        }
        Ok(())
    })?;
    frame.rule(out, &RULES[2])
}

/// The columns to show in `width`: every one if they fit; else the most important
/// first, each that still fits, in their own order. A column of text always kept may be
/// shortened to fit, but to no less than a name's first few letters: past that it is
/// left out too.
fn fitting(grid: &Grid, least: &[usize], firm: &[bool], width: usize) -> Vec<usize> {
    const SHORTEST: usize = 8;
    // Each column also takes two spaces of padding and one border; the table one more.
    let cost = |i: usize| least[i] + 3;
    let all: usize = (0..least.len()).map(cost).sum::<usize>() + 1;
    if all <= width {
        return (0..least.len()).collect();
    }
    let mut by_importance: Vec<usize> = (0..least.len()).collect();
    by_importance.sort_by_key(|&i| std::cmp::Reverse(grid.columns[i].keep));
    let mut used = 1;
    let mut shown = Vec::new();
    // Whether a column always kept is shortened: then no other column takes its room.
    let mut squeezed = false;
    for i in by_importance {
        let cost = match grid.columns[i].keep {
            Keep::Always if used + cost(i) > width && !firm[i] => {
                squeezed = true;
                least[i].min(SHORTEST) + 3
            }
            Keep::Always => cost(i),
            Keep::Rank(_) if squeezed => continue,
            Keep::Rank(_) => cost(i),
        };
        if used + cost <= width {
            used += cost;
            shown.push(i);
        }
    }
    shown.sort_unstable();
    shown
}

/// A two-column table of labels and their values, for one city.
fn card(
    grid: &Grid,
    spans: &[Span],
    colour: bool,
    wide: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let fit = match width() {
        Some(width) => Fit { width, hard: !wide },
        // Notes run to a thousand characters: wrap them even into a pipe.
        None => Fit {
            width: CARD_WIDTH,
            hard: false,
        },
    };
    let labels: Vec<Text> = grid
        .columns
        .iter()
        .map(|c| header_text(&c.header))
        .collect();
    let mut label = labels
        .iter()
        .fold(Span::default(), |span, l| span.max(Span::of(l)));
    // Labels stay whole while they take at most half the room.
    let room = fit.width.saturating_sub(7);
    if label.natural * 2 <= room {
        label.least = label.natural;
    }
    let value = spans.iter().fold(Span::default(), |a, &b| a.max(b));
    // The labels are the card's headers, but a column of their own.
    let no_headers = [Span::default(); 2];
    let frame = Frame {
        widths: widths(&[label, value], &no_headers, &[false, false], Some(fit)),
        right: vec![false, false],
    };
    say_if_shortened(&[label, value], &no_headers, &frame.widths, Some(fit));

    frame.rule(out, &RULES[0])?;
    if grid.rows.len() > 0 {
        grid.row(0, |values, _| {
            for ((col, label), value) in grid.columns.iter().zip(&labels).zip(values) {
                let text = text(value, col.wrap);
                let style = if colour { paint(&text) } else { None };
                let label = Cell {
                    text: label.clone(),
                    style: colour.then_some(HEADER),
                };
                frame.row(out, &[label, Cell { text, style }])?;
            }
            Ok(())
        })?;
    }
    frame.rule(out, &RULES[2])
}

/// Says once on standard error that text was shortened, if a column is narrower than its
/// widest piece or its header's widest word.
fn say_if_shortened(values: &[Span], headers: &[Span], widths: &[usize], fit: Option<Fit>) {
    let cut = |(span, &width): (&Span, &usize)| span.least > width;
    if let Some(fit) = fit
        && (values.iter().zip(widths).any(cut) || headers.iter().zip(widths).any(cut))
    {
        crate::output::stderr(&format!(
            "krakow-partners: text shortened with … to fit {} columns (--wide shows it whole)",
            fit.width
        ));
    }
}

/// A cell as the table sets it: its lines (a card's sources are one a line), each a run
/// of pieces that may go on lines of their own. A piece is never split: a value in a
/// column that does not wrap is one piece, free text a piece a word, a list a piece an
/// item (with its separator: "Saint Petersburg;").
type Text = Vec<Vec<String>>;

/// The text a table shows for a value. Data never reaches the terminal raw: escape
/// sequences are shown, not obeyed, and escaped before they are measured (an escape is as
/// wide as it is shown).
fn text(value: &Value, wrap: bool) -> Text {
    match value {
        Value::List(items) if wrap && !items.is_empty() => {
            // The pieces joined by spaces read as the list does elsewhere: the separator
            // is its mark and a space.
            let mark = LIST_SEPARATOR.trim_end();
            let last = items.len() - 1;
            let pieces = items.iter().enumerate().map(|(i, item)| {
                let item = crate::terminal::escape(item, false);
                if i < last {
                    format!("{item}{mark}")
                } else {
                    item.into_owned()
                }
            });
            vec![pieces.collect()]
        }
        _ => lines(&crate::terminal::escape(&value.pretty(), true), wrap),
    }
}

/// A header's text: it may wrap between its words.
fn header_text(header: &str) -> Text {
    lines(&crate::terminal::escape(header, false), true)
}

/// A text's lines, each a piece, or a piece a word where it may wrap.
fn lines(text: &str, wrap: bool) -> Text {
    text.split('\n')
        .map(|line| {
            if wrap {
                line.split_whitespace().map(str::to_owned).collect()
            } else {
                vec![line.to_owned()]
            }
        })
        .collect()
}

/// How wide a column's texts are: the widest piece (the least width that splits none)
/// and the widest line (the width that wraps none); and whether it holds numbers or
/// dates, which are never shortened while text can be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Span {
    least: usize,
    natural: usize,
    firm: bool,
}

impl Span {
    fn of_value(value: &Value, wrap: bool) -> Span {
        let firm = matches!(
            value,
            Value::Integer(_) | Value::Number { .. } | Value::Date(_)
        );
        Span {
            firm,
            ..Span::of(&text(value, wrap))
        }
    }

    fn of(text: &Text) -> Span {
        let mut span = Span::default();
        for line in text {
            let mut natural = 0;
            for (k, piece) in line.iter().enumerate() {
                let width = piece.width();
                span.least = span.least.max(width);
                natural += width + usize::from(k > 0);
            }
            span.natural = span.natural.max(natural);
        }
        span
    }

    fn max(self, other: Span) -> Span {
        Span {
            least: self.least.max(other.least),
            natural: self.natural.max(other.natural),
            firm: self.firm || other.firm,
        }
    }
}

/// Each column's span over all the grid's rows (the headers not counted); a large grid's
/// rows are measured on every core.
fn measure(grid: &Grid) -> io::Result<Vec<Span>> {
    const CHUNK: usize = 4 * 1024;
    let columns = grid.columns.len();
    let of_rows = |rows: Range<usize>| -> io::Result<Vec<Span>> {
        let mut spans = vec![Span::default(); columns];
        for i in rows {
            grid.row(i, |values, _| {
                for ((span, value), col) in spans.iter_mut().zip(values).zip(&grid.columns) {
                    *span = span.max(Span::of_value(value, col.wrap));
                }
                Ok(())
            })?;
        }
        Ok(spans)
    };
    let len = grid.rows.len();
    if !parallel::worth_sharing(len) {
        return of_rows(0..len);
    }
    (0..len.div_ceil(CHUNK))
        .into_par_iter()
        .map(|c| of_rows(c * CHUNK..((c + 1) * CHUNK).min(len)))
        .try_reduce(
            || vec![Span::default(); columns],
            |a, b| Ok(a.into_iter().zip(b).map(|(a, b)| a.max(b)).collect()),
        )
}

/// Each column's width inside its padding, from its values' spans and its header's:
/// every line whole if they fit; else free text and headers wrapped, no piece split;
/// else, where the width is a limit, headers shortened (to no less than a few
/// characters), then the widest values (text before the `firm` columns of numbers and
/// dates: a number cut short says nothing). Without a width, every line whole.
fn widths(values: &[Span], headers: &[Span], firm: &[bool], fit: Option<Fit>) -> Vec<usize> {
    const HEADER_LEAST: usize = 6;
    let both = values.iter().zip(headers);
    let natural: Vec<usize> = both
        .clone()
        .map(|(v, h)| v.natural.max(h.natural))
        .collect();
    let least: Vec<usize> = both.clone().map(|(v, h)| v.least.max(h.least)).collect();
    let Some(fit) = fit else {
        return natural;
    };
    // Each column also takes two spaces of padding and one border; the table one more.
    let room = fit.width.saturating_sub(3 * values.len() + 1);
    let sum = |widths: &[usize]| widths.iter().sum::<usize>();
    if sum(&natural) <= room {
        return natural;
    }
    if sum(&least) <= room {
        return grow(&least, &natural, room - sum(&least));
    }
    if !fit.hard {
        return least;
    }
    let short_headers: Vec<usize> = both
        .map(|(v, h)| v.least.max(h.least.min(HEADER_LEAST)))
        .collect();
    if sum(&short_headers) <= room {
        return grow(&short_headers, &least, room - sum(&short_headers));
    }
    let text: Vec<bool> = firm.iter().map(|f| !f).collect();
    cap(&short_headers, &text, room)
        .or_else(|| cap(&short_headers, &vec![true; values.len()], room))
        .unwrap_or_else(|| vec![1; values.len()])
}

/// `from` grown toward `to` by `room` in all: the columns that want least are given all
/// they want first, the others an equal share of what is left.
fn grow(from: &[usize], to: &[usize], mut room: usize) -> Vec<usize> {
    let mut widths = from.to_vec();
    let mut wanting: Vec<usize> = (0..from.len()).filter(|&i| to[i] > from[i]).collect();
    wanting.sort_by_key(|&i| to[i] - from[i]);
    for (k, &i) in wanting.iter().enumerate() {
        let share = room / (wanting.len() - k);
        let given = (to[i] - from[i]).min(share);
        widths[i] += given;
        room -= given;
    }
    widths
}

/// `least` with the columns that `may` be shortened cut to one cap, the largest that
/// fits `room`; `None` if not even a cap of one fits.
fn cap(least: &[usize], may: &[bool], room: usize) -> Option<Vec<usize>> {
    let capped = |cap: usize| -> Vec<usize> {
        least
            .iter()
            .zip(may)
            .map(|(&w, &m)| if m { w.min(cap) } else { w })
            .collect()
    };
    let total = |cap: usize| capped(cap).iter().sum::<usize>();
    if total(1) > room {
        return None;
    }
    // Halving, not counting down: a value may be a million characters wide. Every
    // column at its least is known not to fit.
    let (mut fits, mut over) = (1, least.iter().copied().max().unwrap_or(1));
    while over - fits > 1 {
        let middle = fits + (over - fits) / 2;
        if total(middle) <= room {
            fits = middle;
        } else {
            over = middle;
        }
    }
    let mut widths = capped(fits);
    // What the cap leaves over, a character each to the columns it cut.
    let mut spare = room - total(fits);
    for (width, (&want, &m)) in widths.iter_mut().zip(least.iter().zip(may)) {
        if m && want > *width && spare > 0 {
            *width += 1;
            spare -= 1;
        }
    }
    Some(widths)
}

/// The columns' widths and alignment: all a row needs to be drawn on its own.
struct Frame {
    widths: Vec<usize>,
    /// Numbers align right.
    right: Vec<bool>,
}

/// A cell to draw: its text and, in colour, the codes it starts and ends with.
struct Cell {
    text: Text,
    style: Option<Style>,
}

type Style = (&'static str, &'static str);

/// Headers bold cyan (ANSI 256-colour codes, as crossterm wrote them for comfy-table).
const HEADER: Style = ("\x1b[38;5;14m\x1b[1m", "\x1b[0m");

/// Colour where it helps: ended partnerships red, suspended ones yellow, unknown values
/// dim.
fn paint(text: &Text) -> Option<Style> {
    const END: &str = "\x1b[39m";
    match text.as_slice() {
        [line] => match line.as_slice() {
            [piece] => match piece.as_str() {
                "ended" => Some(("\x1b[38;5;9m", END)),
                "suspended" => Some(("\x1b[38;5;11m", END)),
                "-" => Some(("\x1b[38;5;8m", END)),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// A horizontal line: its left end, its run, the crossing between columns, its right end.
struct Rule {
    left: &'static str,
    run: &'static str,
    cross: &'static str,
    right: &'static str,
}

/// The top line, the line under the header, the bottom line.
const RULES: [Rule; 3] = [
    Rule {
        left: "╭",
        run: "─",
        cross: "┬",
        right: "╮",
    },
    Rule {
        left: "╞",
        run: "═",
        cross: "╪",
        right: "╡",
    },
    Rule {
        left: "╰",
        run: "─",
        cross: "┴",
        right: "╯",
    },
];

impl Frame {
    fn rule(&self, out: &mut dyn Write, rule: &Rule) -> io::Result<()> {
        let mut line = String::from(rule.left);
        for (k, width) in self.widths.iter().enumerate() {
            if k > 0 {
                line.push_str(rule.cross);
            }
            line.push_str(&rule.run.repeat(width + 2));
        }
        line.push_str(rule.right);
        line.push('\n');
        out.write_all(line.as_bytes())
    }

    /// Writes one row: each cell set to its column's width, on as many lines as its
    /// tallest cell takes; a cell's lines in its colour, padding included.
    fn row(&self, out: &mut (impl Write + ?Sized), cells: &[Cell]) -> io::Result<()> {
        let set: Vec<Vec<(Cow<str>, usize)>> = cells
            .iter()
            .zip(&self.widths)
            .map(|(cell, &width)| set(&cell.text, width))
            .collect();
        let height = set.iter().map(Vec::len).max().unwrap_or(0);
        let mut line = String::new();
        for at in 0..height {
            line.clear();
            line.push('│');
            for (k, ((lines, cell), &width)) in set.iter().zip(cells).zip(&self.widths).enumerate()
            {
                if k > 0 {
                    line.push('┆');
                }
                let Some((text, used)) = lines.get(at) else {
                    // Below a shorter cell: blank, and never coloured.
                    push_spaces(&mut line, width + 2);
                    continue;
                };
                let (start, end) = cell.style.unwrap_or(("", ""));
                line.push_str(start);
                line.push(' ');
                let pad = width.saturating_sub(*used);
                if self.right[k] {
                    push_spaces(&mut line, pad);
                    line.push_str(text);
                } else {
                    line.push_str(text);
                    push_spaces(&mut line, pad);
                }
                line.push(' ');
                line.push_str(end);
            }
            line.push_str("│\n");
            out.write_all(line.as_bytes())?;
        }
        Ok(())
    }
}

fn push_spaces(line: &mut String, n: usize) {
    line.extend(std::iter::repeat_n(' ', n));
}

/// A cell's lines at `width`, each with its width: pieces joined by a space while they
/// fit, a piece too wide for the column shortened with an ellipsis.
fn set(text: &Text, width: usize) -> Vec<(Cow<'_, str>, usize)> {
    let mut lines = Vec::with_capacity(text.len());
    for pieces in text {
        let mut line: Option<(Cow<str>, usize)> = None;
        for piece in pieces {
            let (piece, used) = shortened(piece, width);
            line = match line {
                Some((mut joined, so_far)) if so_far + 1 + used <= width => {
                    joined.to_mut().push(' ');
                    joined.to_mut().push_str(&piece);
                    Some((joined, so_far + 1 + used))
                }
                Some(full) => {
                    lines.push(full);
                    Some((piece, used))
                }
                None => Some((piece, used)),
            };
        }
        lines.push(line.unwrap_or((Cow::Borrowed(""), 0)));
    }
    lines
}

/// The text, cut to `width` with an ellipsis if it is wider; and its width. Time in
/// proportion to the part kept.
fn shortened(text: &str, width: usize) -> (Cow<'_, str>, usize) {
    let full = text.width();
    if full <= width {
        return (Cow::Borrowed(text), full);
    }
    let Some(room) = width.checked_sub(1) else {
        return (Cow::Borrowed(""), 0);
    };
    let (mut end, mut used) = (0, 0);
    for (at, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        end = at + c.len_utf8();
    }
    // "Veliko…", not "Veliko …".
    let cut = format!("{}…", text[..end].trim_end());
    let used = cut.width();
    (Cow::Owned(cut), used)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_value_is_cut_to_the_width_in_one_pass() {
        let long = "a".repeat(1 << 20);
        let (cut, used) = shortened(&long, 30);
        assert_eq!(used, 30);
        assert_eq!(cut.chars().count(), 30);
        assert!(cut.ends_with('…'));
        // Wide characters are never cut in half, nor let run over.
        let (cut, used) = shortened("京都市京都市", 4);
        assert_eq!((cut.as_ref(), used), ("京…", 3));
    }

    #[test]
    fn lists_wrap_between_items_never_inside_a_name() {
        let cities = Value::list(&["Rome", "Saint Petersburg", "San Francisco"]);
        let text = text(&cities, true);
        let lines = set(&text, 20);
        let lines: Vec<&str> = lines.iter().map(|(l, _)| l.as_ref()).collect();
        assert_eq!(lines, ["Rome;", "Saint Petersburg;", "San Francisco"]);
    }

    #[test]
    fn widths_wrap_text_before_shortening_and_numbers_last() {
        let span = |least, natural| Span {
            least,
            natural,
            firm: false,
        };
        let none = [Span::default(); 2];
        let hard = Some(Fit {
            width: 30,
            hard: true,
        });
        // Room 30 - 7 = 23: the text column wraps to what is left.
        assert_eq!(
            widths(&[span(5, 5), span(8, 40)], &none, &[true, false], hard),
            [5, 18]
        );
        // A 1 MB word: the text is cut, the number kept.
        assert_eq!(
            widths(
                &[span(9, 9), span(1 << 20, 1 << 20)],
                &none,
                &[true, false],
                hard
            ),
            [9, 14]
        );
        // Without a limit the table runs over rather than cut.
        let soft = Some(Fit {
            width: 30,
            hard: false,
        });
        assert_eq!(
            widths(&[span(9, 9), span(100, 200)], &none, &[true, false], soft),
            [9, 100]
        );
    }
}
