//! The map written out: the SVG as drawn, a PNG rendered from it, or a self-contained
//! HTML page around it. The format follows the name `-o` is given.

pub mod html;
mod png;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::answer::Answer;
use crate::city::City;
use crate::error::UsageError;
use crate::geo::Centre;
use crate::render::Names;

/// The kinds of file a picture is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapFormat {
    Svg,
    Png,
    Html,
}

/// What is drawn, which decides the formats `-o` takes for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picture {
    /// `map`: SVG, PNG or a page around the map.
    Map,
    /// `stats -o`, `timeline -o`: SVG or PNG.
    Chart,
    /// `atlas`: a page.
    Atlas,
}

impl Picture {
    /// What the picture is called in messages.
    fn noun(self) -> &'static str {
        match self {
            Picture::Map => "map",
            Picture::Chart => "chart",
            Picture::Atlas => "atlas",
        }
    }

    fn takes(self, format: MapFormat) -> bool {
        match self {
            Picture::Map => true,
            Picture::Chart => format != MapFormat::Html,
            Picture::Atlas => format == MapFormat::Html,
        }
    }

    /// The format without `-o`, or with `-o -`.
    fn default_format(self) -> MapFormat {
        match self {
            Picture::Map | Picture::Chart => MapFormat::Svg,
            Picture::Atlas => MapFormat::Html,
        }
    }

    /// The extensions `-o` takes, each with its format.
    fn extensions(self) -> impl Iterator<Item = &'static (&'static str, MapFormat)> {
        EXTENSIONS.iter().filter(move |(_, f)| self.takes(*f))
    }

    /// The formats' names, one each: svg, png, html.
    fn names(self) -> Vec<&'static str> {
        let mut names: Vec<&str> = Vec::new();
        let mut seen: Vec<MapFormat> = Vec::new();
        for (extension, format) in self.extensions() {
            if !seen.contains(format) {
                seen.push(*format);
                names.push(extension);
            }
        }
        names
    }

    /// What `-o` takes, in one line.
    fn allowed(self) -> String {
        let extensions: Vec<String> = self.extensions().map(|(e, _)| format!(".{e}")).collect();
        let outputs: Vec<String> = self.names().iter().map(|n| format!("{n}:-")).collect();
        format!(
            "{} (or {} for standard output)",
            extensions.join(", "),
            outputs.join(", ")
        )
    }

    /// The format an extension or a `FORMAT:-` prefix names, in any case, if this
    /// picture is written so.
    fn format_named(self, name: &str) -> Option<MapFormat> {
        self.extensions()
            .find(|(e, _)| e.eq_ignore_ascii_case(name))
            .map(|(_, f)| *f)
    }
}

/// The extensions `-o` takes, each with its format; the first of a format is its name.
const EXTENSIONS: &[(&str, MapFormat)] = &[
    ("svg", MapFormat::Svg),
    ("png", MapFormat::Png),
    ("html", MapFormat::Html),
    ("htm", MapFormat::Html),
];

/// Where a picture goes, and in which format.
#[derive(Debug, PartialEq)]
pub struct Target {
    pub format: MapFormat,
    /// `None` for standard output.
    pub file: Option<PathBuf>,
}

impl Target {
    /// The target `-o` names: a file, its format from its extension (in any case);
    /// `-` or `FORMAT:-` for standard output; without `-o`, SVG (a page for the atlas)
    /// on standard output, which a terminal is refused: it would show markup. A PNG is
    /// refused on a terminal, which would show its bytes as noise.
    pub fn of(
        output: Option<&Path>,
        terminal: bool,
        picture: Picture,
    ) -> Result<Target, UsageError> {
        let noun = picture.noun();
        let target = match output.map(|p| (p, p.to_str())) {
            None | Some((_, Some("-"))) => Target {
                format: picture.default_format(),
                file: None,
            },
            Some((_, Some(text))) if text.ends_with(":-") => {
                let name = &text[..text.len() - 2];
                Target {
                    format: picture.format_named(name).ok_or_else(|| {
                        UsageError(format!(
                            "unknown {noun} format '{name}' in '-o {text}' (valid: {})",
                            picture.names().join(", ")
                        ))
                    })?,
                    file: None,
                }
            }
            Some((path, _)) => {
                let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
                let format = picture.format_named(extension).ok_or_else(|| {
                    UsageError(format!(
                        "cannot tell the {noun}'s format from '{}': name a file ending in {}",
                        crate::terminal::quote(&path.display().to_string()),
                        picture.allowed()
                    ))
                })?;
                Target {
                    format,
                    file: Some(path.to_path_buf()),
                }
            }
        };
        if output.is_none() && terminal {
            let files: Vec<String> = picture
                .names()
                .iter()
                .map(|n| format!("{noun}.{n}"))
                .collect();
            let files = match files.as_slice() {
                [rest @ .., last] if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
                _ => files.join(""),
            };
            return Err(UsageError(format!(
                "the {noun} is a document, not for reading on a terminal: name a file \
                 (-o {files}) or redirect it (> {noun}.{})",
                picture.names()[0]
            )));
        }
        if target.file.is_none() && target.format == MapFormat::Png && terminal {
            return Err(UsageError(format!(
                "a PNG is not for a terminal: redirect it (> {noun}.png) or name a file (-o {noun}.png)"
            )));
        }
        Ok(target)
    }

    /// Writes `bytes` to the file, whole or not at all, and answers nothing; or
    /// answers with them, for standard output.
    pub fn deliver(&self, bytes: Vec<u8>, what: &str) -> Result<Answer<'static>> {
        match &self.file {
            Some(path) => {
                crate::whole_file::write(path, &bytes)
                    .with_context(|| format!("cannot write the {what} to {}", path.display()))?;
                Ok(Answer::Text(String::new()))
            }
            None => Ok(Answer::Bytes(bytes)),
        }
    }
}

/// A drawn map and what an HTML page says about it.
pub struct Drawn<'m> {
    pub svg: String,
    /// The names the cities are shown by, and the language of the page's own words.
    pub names: Names,
    pub title: &'m str,
    pub subtitle: &'m str,
    pub cities: &'m [City<'m>],
    /// Where distances are measured from.
    pub from: &'m Centre,
}

/// The map's bytes in `format`.
pub fn bytes(format: MapFormat, map: Drawn) -> Result<Vec<u8>> {
    match format {
        MapFormat::Svg => Ok(map.svg.into_bytes()),
        MapFormat::Png => png::render(&map.svg),
        MapFormat::Html => Ok(html::page(&map).into_bytes()),
    }
}

/// A chart's bytes: the SVG as drawn, or a PNG of it. (A chart has no page of its
/// own: the atlas holds them.)
pub fn chart(format: MapFormat, svg: String) -> Result<Vec<u8>> {
    match format {
        MapFormat::Svg => Ok(svg.into_bytes()),
        MapFormat::Png => png::render(&svg),
        MapFormat::Html => anyhow::bail!("a chart is written as SVG or PNG"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(output: &str) -> Result<MapFormat, UsageError> {
        Target::of(Some(Path::new(output)), false, Picture::Map).map(|t| t.format)
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
        assert!(Target::of(Some(png), true, Picture::Map).is_err());
        let piped = Target::of(Some(png), false, Picture::Map).unwrap();
        assert_eq!((piped.format, piped.file), (MapFormat::Png, None));
        // Without -o: SVG into a pipe; refused on a terminal, which would show markup.
        let default = Target::of(None, false, Picture::Map).unwrap();
        assert_eq!((default.format, default.file), (MapFormat::Svg, None));
        assert!(Target::of(None, true, Picture::Map).is_err());
        let asked = Target::of(Some(Path::new("svg:-")), true, Picture::Map).unwrap();
        assert_eq!((asked.format, asked.file), (MapFormat::Svg, None));
    }
}
