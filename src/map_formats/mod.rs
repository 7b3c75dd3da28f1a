//! The map written out: the SVG as drawn, a PNG rendered from it, or a self-contained
//! HTML page around it. The format follows the name `-o` is given.

mod html;
mod png;

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::city::City;
use crate::error::UsageError;
use crate::render::Names;

/// The kinds of file a map is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapFormat {
    Svg,
    Png,
    Html,
}

/// The extensions `-o` takes, each with its format; the first of a format is its name.
const EXTENSIONS: &[(&str, MapFormat)] = &[
    ("svg", MapFormat::Svg),
    ("png", MapFormat::Png),
    ("html", MapFormat::Html),
    ("htm", MapFormat::Html),
];

/// The formats' names, one each: svg, png, html.
fn names() -> Vec<&'static str> {
    let mut names = Vec::new();
    for (i, (extension, format)) in EXTENSIONS.iter().enumerate() {
        if !EXTENSIONS[..i].iter().any(|(_, f)| f == format) {
            names.push(*extension);
        }
    }
    names
}

/// What `-o` takes, in one line.
fn allowed() -> String {
    let extensions: Vec<String> = EXTENSIONS.iter().map(|(e, _)| format!(".{e}")).collect();
    let outputs: Vec<String> = names().iter().map(|n| format!("{n}:-")).collect();
    format!(
        "{} (or {} for standard output)",
        extensions.join(", "),
        outputs.join(", ")
    )
}

/// Where the map goes, and in which format.
#[derive(Debug, PartialEq)]
pub struct Target {
    pub format: MapFormat,
    /// `None` for standard output.
    pub file: Option<PathBuf>,
}

impl Target {
    /// The target `-o` names: a file, its format from its extension (in any case);
    /// `-` or `FORMAT:-` for standard output; without `-o`, SVG on standard output.
    /// A PNG is refused on a terminal, which would show its bytes as noise.
    pub fn of(output: Option<&Path>, terminal: bool) -> Result<Target, UsageError> {
        let target = match output.map(|p| (p, p.to_str())) {
            None | Some((_, Some("-"))) => Target {
                format: MapFormat::Svg,
                file: None,
            },
            Some((_, Some(text))) if text.ends_with(":-") => {
                let name = &text[..text.len() - 2];
                Target {
                    format: format_named(name).ok_or_else(|| {
                        UsageError(format!(
                            "unknown map format '{name}' in '-o {text}' (valid: {})",
                            names().join(", ")
                        ))
                    })?,
                    file: None,
                }
            }
            Some((path, _)) => {
                let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
                let format = format_named(extension).ok_or_else(|| {
                    UsageError(format!(
                        "cannot tell the map's format from '{}': name a file ending in {}",
                        crate::terminal::quote(&path.display().to_string()),
                        allowed()
                    ))
                })?;
                Target {
                    format,
                    file: Some(path.to_path_buf()),
                }
            }
        };
        if output.is_none() && terminal {
            return Err(UsageError(
                "the map is a document, not for reading on a terminal: name a file \
                 (-o map.svg, map.png or map.html) or redirect it (> map.svg)"
                    .into(),
            ));
        }
        if target.file.is_none() && target.format == MapFormat::Png && terminal {
            return Err(UsageError(
                "a PNG is not for a terminal: redirect it (> map.png) or name a file (-o map.png)"
                    .into(),
            ));
        }
        Ok(target)
    }
}

/// The format an extension or a `FORMAT:-` prefix names, in any case.
fn format_named(name: &str) -> Option<MapFormat> {
    EXTENSIONS
        .iter()
        .find(|(e, _)| e.eq_ignore_ascii_case(name))
        .map(|(_, f)| *f)
}

/// A drawn map and what an HTML page says about it.
pub struct Drawn<'m> {
    pub svg: String,
    /// The names the cities are shown by, and the language of the page's own words.
    pub names: Names,
    pub title: &'m str,
    pub subtitle: &'m str,
    pub cities: &'m [City<'m>],
}

/// The map's bytes in `format`.
pub fn bytes(format: MapFormat, map: Drawn) -> Result<Vec<u8>> {
    match format {
        MapFormat::Svg => Ok(map.svg.into_bytes()),
        MapFormat::Png => png::render(&map.svg),
        MapFormat::Html => Ok(html::page(&map).into_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(output: &str) -> Result<MapFormat, UsageError> {
        Target::of(Some(Path::new(output)), false).map(|t| t.format)
    }

    #[test]
    fn the_extension_chooses_the_format() {
        assert_eq!(format("map.svg"), Ok(MapFormat::Svg));
        assert_eq!(format("out/Map.PNG"), Ok(MapFormat::Png));
        assert_eq!(format("map.html"), Ok(MapFormat::Html));
        assert_eq!(format("map.htm"), Ok(MapFormat::Html));
        assert_eq!(format("html:-"), Ok(MapFormat::Html));
        assert_eq!(format("-"), Ok(MapFormat::Svg));
        let refused = format("map.jpg").unwrap_err().0;
        assert!(
            refused
                .ends_with(".svg, .png, .html, .htm (or svg:-, png:-, html:- for standard output)"),
            "{refused}"
        );
        let refused = format("pdf:-").unwrap_err().0;
        assert!(refused.ends_with("(valid: svg, png, html)"), "{refused}");
        assert!(format("map").is_err());
    }

    #[test]
    fn standard_output_takes_a_png_only_from_a_pipe() {
        let png = Path::new("png:-");
        assert!(Target::of(Some(png), true).is_err());
        let piped = Target::of(Some(png), false).unwrap();
        assert_eq!((piped.format, piped.file), (MapFormat::Png, None));
        // Without -o: SVG into a pipe; refused on a terminal, which would show markup.
        let default = Target::of(None, false).unwrap();
        assert_eq!((default.format, default.file), (MapFormat::Svg, None));
        assert!(Target::of(None, true).is_err());
        let asked = Target::of(Some(Path::new("svg:-")), true).unwrap();
        assert_eq!((asked.format, asked.file), (MapFormat::Svg, None));
    }
}
