//! `timeline -o`: a column per year or decade, from the first to the last with an
//! agreement (the empty ones kept, so the spacing is time's), agreements signed above
//! the line and partnerships ended or suspended below it, hollow and dashed as the map
//! draws them, and the cities whose date is unknown in a column of their own, apart.

use super::bars::{self, Bar, FONT, MARGIN, PLAIN, Paint, SMALL, Scale, TOP, width_of};
use crate::map::Language;
use crate::periods::{Period, Span};

/// The height of the tallest column of agreements signed.
const UP: f64 = 220.0;
/// Room for a count above (or below) its bar.
const COUNT_ROOM: f64 = 16.0;
/// Room for the scale's numbers left of the plot.
const SCALE_ROOM: f64 = 36.0;
/// Between the dated columns and the column of unknown dates.
const APART: f64 = 24.0;

/// A column: a period the answer has, or an empty one between two that it has.
struct Column<'p> {
    /// The period as the answer names it ("1990s", "1973", "unknown").
    name: String,
    period: Option<&'p Period<'p>>,
}

/// The columns, oldest first, the unknown last; `None` if there would be more than
/// `most`.
fn columns<'p>(periods: &'p [Period<'p>], span: Span, most: usize) -> Option<Vec<Column<'p>>> {
    let start = |p: &Period| p.period.trim_end_matches('s').parse::<i32>().ok();
    let step = match span {
        Span::Year => 1,
        Span::Decade => 10,
    };
    let dated: Vec<(i32, &Period)> = periods
        .iter()
        .filter_map(|p| Some((start(p)?, p)))
        .collect();
    let mut columns = Vec::new();
    if let (Some((first, _)), Some((last, _))) = (dated.first(), dated.last()) {
        let count = usize::try_from((last - first) / step).ok()? + 1;
        if count > most {
            return None;
        }
        let mut held = dated.iter().peekable();
        for at in (*first..=*last).step_by(step.unsigned_abs() as usize) {
            let period = held.next_if(|(s, _)| *s == at).map(|(_, p)| *p);
            let name = match span {
                Span::Year => at.to_string(),
                Span::Decade => crate::groups::decade(at),
            };
            columns.push(Column { name, period });
        }
    }
    columns.extend(
        periods
            .iter()
            .filter(|p| start(p).is_none())
            .map(|p| Column {
                name: p.period.clone(),
                period: Some(p),
            }),
    );
    (columns.len() <= most).then_some(columns)
}

/// The chart of `periods` as an SVG document; `None` when it would have more than
/// `most` columns.
pub fn draw(
    periods: &[Period],
    span: Span,
    lang: Language,
    subtitle: &str,
    most: usize,
) -> Option<String> {
    let columns = columns(periods, span, most)?;
    let title = lang.timeline_title(span);
    let max_signed = periods.iter().map(|p| p.signed.len()).max().unwrap_or(0);
    let max_ended = periods.iter().map(|p| p.ended.len()).max().unwrap_or(0);
    let scale = Scale::of(max_signed.max(max_ended), 5);
    let unit = UP / scale.top as f64;

    // Each column as wide as its widest count and, for decades, its name need.
    let widest_count = width_of(&max_signed.max(max_ended).to_string(), SMALL);
    let (least, most_width): (f64, f64) = match span {
        Span::Year => (18.0, 48.0),
        Span::Decade => {
            let name = columns
                .iter()
                .map(|c| width_of(&lang.period(&c.name), FONT))
                .fold(0.0, f64::max);
            ((name + 10.0).max(40.0), 100.0)
        }
    };
    let least = least.max(widest_count + 6.0);
    let unknown = columns.iter().position(|c| c.name == "unknown");
    let dated = unknown.unwrap_or(columns.len());
    let unknown_width = unknown.map_or(0.0, |_| {
        width_of(&lang.period("unknown"), FONT).max(least) + 10.0
    });
    let left = MARGIN + SCALE_ROOM;
    let room =
        bars::WIDTH - left - MARGIN - unknown_width - if unknown.is_some() { APART } else { 0.0 };
    let slot = (room / dated.max(1) as f64).clamp(least, most_width.max(least));
    let plot_right = left + slot * dated as f64;
    let unknown_left = plot_right + if dated > 0 { APART } else { 0.0 };
    let right = unknown_left + unknown_width;
    let width = (right + MARGIN).max(bars::heading_width(title, subtitle));

    let mut body = String::new();
    let mut legend: Vec<(&str, Paint)> = vec![(lang.signed(), Paint::Solid(PLAIN))];
    if max_ended > 0 {
        legend.push((lang.ended_below(), Paint::Hollow));
    }
    bars::legend(&mut body, &legend, (MARGIN, TOP + 6.0));

    let top = TOP + 20.0 + COUNT_ROOM;
    let axis = top + UP;
    let down = if max_ended > 0 {
        max_ended as f64 * unit + COUNT_ROOM
    } else {
        0.0
    };

    // The scale: above the line for agreements signed, below it as far as endings go.
    body.push_str("<g class=\"scale\">\n");
    let mut mark_at = |y: f64, mark: usize| {
        if mark > 0 {
            bars::grid_line(&mut body, (left, y), (right, y));
        }
        let label = mark.to_string();
        bars::text(
            &mut body,
            "mark",
            (left - 6.0, y + 4.0),
            SMALL,
            "end",
            &label,
        );
    };
    for mark in scale.marks() {
        mark_at(axis - mark as f64 * unit, mark);
        if mark > 0 && mark <= max_ended {
            mark_at(axis + mark as f64 * unit, mark);
        }
    }
    body.push_str("</g>\n");

    // Years are named every so many, as often as their names fit.
    let every = match span {
        Span::Decade => 1,
        Span::Year => {
            let name = width_of("2000", FONT) + 8.0;
            [1, 2, 5, 10, 20, 50, 100, 200, 500]
                .into_iter()
                .find(|k| f64::from(*k) * slot >= name)
                .unwrap_or(1000)
        }
    };
    let names_y = axis + down + 18.0;
    let bar_width = (slot * 0.72).min(48.0);
    for (i, column) in columns.iter().enumerate() {
        let (centre, column_width) = if Some(i) == unknown {
            (unknown_left + unknown_width / 2.0, unknown_width)
        } else {
            (left + slot * (i as f64 + 0.5), slot)
        };
        let named = Some(i) == unknown
            || column
                .name
                .parse::<i32>()
                .map_or(true, |year| year % every == 0);
        if named {
            bars::text(
                &mut body,
                "period",
                (centre, names_y),
                FONT,
                "middle",
                &lang.period(&column.name),
            );
        }
        let Some(period) = column.period else {
            continue;
        };
        let what = lang.period(&column.name);
        let w = bar_width.min(column_width * 0.72);
        let x = centre - w / 2.0;
        if !period.signed.is_empty() {
            let h = period.signed.len() as f64 * unit;
            bars::bar(
                &mut body,
                &Bar {
                    kind: "signed",
                    group: &period.period,
                    count: period.signed.len(),
                    tooltip: lang.tooltip(&what, lang.events(true), &period.signed),
                    area: (x, axis - h, w, h),
                    paint: Paint::Solid(PLAIN),
                    label: (centre, axis - h - 4.0, "middle"),
                },
            );
        }
        if !period.ended.is_empty() {
            let h = period.ended.len() as f64 * unit;
            bars::bar(
                &mut body,
                &Bar {
                    kind: "ended",
                    group: &period.period,
                    count: period.ended.len(),
                    tooltip: lang.tooltip(&what, lang.events(false), &period.ended),
                    area: (x, axis, w, h),
                    paint: Paint::Hollow,
                    label: (centre, axis + h + 13.0, "middle"),
                },
            );
        }
    }
    bars::axis_line(&mut body, (left, axis), (plot_right.max(left), axis));
    if unknown.is_some() {
        bars::axis_line(&mut body, (unknown_left, axis), (right, axis));
    }
    let height = names_y + MARGIN;
    Some(bars::document(width, height, title, subtitle, &body))
}
