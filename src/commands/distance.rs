//! `distance`: between two partner cities, or from Kraków to one; Kraków itself may
//! be either end. With `--pairs` or `--matrix`: between every two of the cities named,
//! or, with none named, of the cities the filters choose.
//!
//! Usage: krakow-partners distance CITY [TO] [FILTERS]
//!        krakow-partners distance --pairs [CITY…] [FILTERS] [--limit N]
//!        krakow-partners distance --matrix [CITY…] [FILTERS]

use anyhow::Result;

use crate::answer::Answer;
use crate::cli::DistanceArgs;
use crate::error::UsageError;
use crate::filter::Filter;
use crate::geo::Leg;
use crate::load::Source;
use crate::names::{self, Place, Query};
use crate::pairs::{self, Matrix, Pairs};
use crate::render::{Format, View};
use crate::sink::Upto;

pub fn run(args: &DistanceArgs, source: &Source, view: &View) -> Result<Answer<'static>> {
    let many = args.pairs || args.matrix;
    let option = if args.pairs { "--pairs" } else { "--matrix" };
    match (many, args.cities.len()) {
        (false, 1 | 2) => {}
        (false, _) => {
            return Err(UsageError(
                "distance takes one city or two (CITY [TO]); --pairs or --matrix measure \
                 between more"
                    .into(),
            )
            .into());
        }
        (true, 1) => {
            return Err(UsageError(format!(
                "{option} needs two cities or more, or none (then the cities the filters \
                 choose)"
            ))
            .into());
        }
        (true, _) => {}
    }
    if args.limit.is_some() && !args.pairs {
        return Err(UsageError("--limit is for --pairs (how many pairs)".into()).into());
    }
    if args.matrix && view.fields.is_some() {
        return Err(
            UsageError("--fields is not for --matrix: its columns are its cities".into()).into(),
        );
    }
    let filter = args.filter.to_filter();
    let places = match args.cities.as_slice() {
        [] => chosen(source, &filter)?,
        named => named_places(source, &filter, named, many)?,
    };
    if !many {
        let leg = match places.as_slice() {
            [City(city)] => Leg::from_krakow(city),
            [Krakow] => Leg::krakow(),
            [Krakow, City(city)] => Leg::from_krakow(city),
            [City(city), Krakow] => Leg::to_krakow(city),
            [City(from), City(to)] => Leg::between(from, to),
            [Krakow, Krakow] => Leg::krakow(),
            _ => anyhow::bail!("a name was lost on the way (a bug)"),
        };
        return Ok(Answer::Leg(leg));
    }
    let places: Vec<pairs::Place> = places
        .iter()
        .map(|place| match place {
            Krakow => pairs::Place::krakow(),
            City(city) => pairs::Place::of(city),
        })
        .collect();
    if args.pairs {
        return Ok(Answer::Pairs(Pairs::new(places, args.limit)));
    }
    let matrix = Answer::Matrix(Matrix::new(places));
    if view.format == Format::Table && !view.wide {
        fits(&matrix, view)?;
    }
    Ok(matrix)
}

use Place::{City, Krakow};

/// The places the names mean, found as `show` finds a city: among every status unless
/// `--status` is given, the other filters as given. Between many (`once`), a place
/// named twice is refused.
fn named_places(
    source: &Source,
    filter: &Filter,
    typed: &[String],
    once: bool,
) -> Result<Vec<Place<'static>>> {
    let mut filter = filter.clone();
    if filter.statuses.is_empty() {
        filter.all = true;
    }
    let queries: Vec<Query> = typed.iter().map(|t| Query::new(t)).collect();
    let found = names::find_all(source, &filter, &queries)?;
    let mut places: Vec<(Place<'static>, &str)> = Vec::with_capacity(typed.len());
    for (query, found) in queries.iter().zip(found) {
        let place = match names::place(query, found, &filter)? {
            Krakow => Krakow,
            City(city) => City(Box::new((*city).into_owned())),
        };
        let name = |p: &Place| match p {
            Krakow => "Kraków".to_string(),
            City(city) => city.name.to_string(),
        };
        let same = |a: &Place, b: &Place| match (a, b) {
            (Krakow, Krakow) => true,
            (City(a), City(b)) => a == b,
            _ => false,
        };
        if let Some((_, earlier)) = places.iter().find(|(p, _)| once && same(p, &place)) {
            return Err(UsageError(format!(
                "'{}' and '{}' both name {}: name each city once",
                crate::terminal::quote(earlier),
                crate::terminal::quote(query.typed()),
                name(&place)
            ))
            .into());
        }
        places.push((place, query.typed()));
    }
    Ok(places.into_iter().map(|(p, _)| p).collect())
}

/// The cities the filters choose, at most as many as one answer measures between.
fn chosen(source: &Source, filter: &Filter) -> Result<Vec<Place<'static>>> {
    let chosen = super::gather_chosen(source, filter, || Upto::new(pairs::MOST))?;
    if chosen.count > pairs::MOST {
        anyhow::bail!(
            "{} cities are too many to measure between (at most {}); choose fewer with \
             --continent, --country, --where or --search",
            chosen.count,
            pairs::MOST
        );
    }
    let cities = chosen.cities.into_iter();
    Ok(cities.map(|c| City(Box::new(c.into_owned()))).collect())
}

/// A matrix as a table only where it fits the terminal whole: a matrix with columns
/// left out, or numbers shortened, would mislead.
fn fits(matrix: &Answer, view: &View) -> Result<()> {
    let Some(grid) = matrix.grid(view) else {
        return Ok(());
    };
    let (need, width) = crate::render::table_room(&grid)?;
    match width {
        Some(width) if need > width => Err(UsageError(format!(
            "the matrix of {} cities needs {need} columns and the terminal has {width}: \
             use --format csv, tsv or json, --wide, or fewer cities",
            grid.rows.len()
        ))
        .into()),
        _ => Ok(()),
    }
}
