//! `stats -o`: a bar per group, in the answer's order (the largest first; decades and
//! years in time order), each group's name left of its bar and its count after it;
//! agreements in the map's colours, partnerships out of force hollow and dashed.

use super::bars::{self, Bar, FONT, MARGIN, PLAIN, Paint, SMALL, Scale, TOP, UNKNOWN, width_of};
use crate::city::{Agreement, Status};
use crate::groups::{Group, GroupBy};
use crate::map::Language;

/// The distance from one bar to the next, and a bar's thickness.
const ROW: f64 = 26.0;
const THICK: f64 = 16.0;
/// The widest a group's name is written; a longer one is cut short with "…" (the
/// tooltip has it whole).
const NAME_AT_MOST: f64 = 240.0;
/// The narrowest the bars' room may be.
const PLOT_AT_LEAST: f64 = 320.0;

/// How the bar of `group` is painted.
fn paint(by: GroupBy, group: &str) -> Paint {
    match by {
        _ if group == "unknown" => Paint::Solid(UNKNOWN),
        GroupBy::Agreement => Paint::Solid(crate::map::colour(
            Agreement::ALL.iter().copied().find(|a| a.as_str() == group),
        )),
        GroupBy::Status => match Status::ALL.iter().find(|s| s.as_str() == group) {
            Some(Status::Active) | None => Paint::Solid(PLAIN),
            Some(Status::Ended | Status::Suspended | Status::Unconfirmed) => Paint::Hollow,
        },
        _ => Paint::Solid(PLAIN),
    }
}

/// `text` cut short with "…" to at most `most` pixels wide.
fn fitted(text: &str, most: f64) -> String {
    if width_of(text, FONT) <= most {
        return text.to_string();
    }
    let mut cut: String = text.to_string();
    while !cut.is_empty() && width_of(&format!("{cut}…"), FONT) > most {
        cut.pop();
    }
    format!("{}…", cut.trim_end())
}

/// The chart of `groups` as an SVG document.
pub fn draw(groups: &[Group], by: GroupBy, lang: Language, subtitle: &str) -> String {
    let title = lang.stats_title(by);
    let names: Vec<String> = groups
        .iter()
        .map(|g| fitted(&lang.group(by, &g.group), NAME_AT_MOST))
        .collect();
    let name_width = names.iter().map(|n| width_of(n, FONT)).fold(0.0, f64::max);
    let max = groups.iter().map(|g| g.cities.len()).max().unwrap_or(0);
    let scale = Scale::of(max, 5);
    let count_room = width_of(&scale.top.to_string(), SMALL) + 10.0;
    let left = MARGIN + name_width + 10.0;
    let plot = (bars::WIDTH - MARGIN - count_room - left).max(PLOT_AT_LEAST);
    let right = left + plot;
    let width = (right + count_room + MARGIN).max(bars::heading_width(title, subtitle));
    let unit = plot / scale.top as f64;

    let top = TOP + 8.0;
    let bottom = top + ROW * groups.len() as f64;
    let mut body = String::new();
    body.push_str("<g class=\"scale\">\n");
    for mark in scale.marks() {
        let x = left + mark as f64 * unit;
        if mark > 0 {
            bars::grid_line(&mut body, (x, top - 4.0), (x, bottom));
        }
        bars::text(
            &mut body,
            "mark",
            (x, bottom + 16.0),
            SMALL,
            "middle",
            &mark.to_string(),
        );
    }
    bars::text(
        &mut body,
        "caption",
        (left + plot / 2.0, bottom + 34.0),
        FONT,
        "middle",
        lang.number_of_cities(),
    );
    body.push_str("</g>\n");

    for (i, (group, name)) in groups.iter().zip(&names).enumerate() {
        let middle = top + ROW * (i as f64 + 0.5);
        bars::text(
            &mut body,
            "group",
            (left - 8.0, middle + 4.0),
            FONT,
            "end",
            name,
        );
        let w = group.cities.len() as f64 * unit;
        let what = lang.group(by, &group.group);
        bars::bar(
            &mut body,
            &Bar {
                kind: "",
                group: &group.group,
                count: group.cities.len(),
                tooltip: lang.tooltip(&what, lang.cities(), &group.cities),
                area: (left, middle - THICK / 2.0, w, THICK),
                paint: paint(by, &group.group),
                label: (left + w + 5.0, middle + 4.0, "start"),
            },
        );
    }
    bars::axis_line(&mut body, (left, top - 4.0), (left, bottom));
    let height = bottom + 34.0 + MARGIN;
    bars::document(width, height, title, subtitle, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_are_cut_short() {
        assert_eq!(fitted("Europe", 100.0), "Europe");
        let cut = fitted(&"Long name ".repeat(10), 100.0);
        assert!(cut.ends_with('…') && width_of(&cut, FONT) <= 100.0, "{cut}");
    }
}
