//! `distance`: between two partner cities, or from Kraków to one; Kraków itself may
//! be either end.
//!
//! Usage: krakow-partners distance CITY [TO]

use anyhow::Result;

use crate::answer::Answer;
use crate::city::City;
use crate::cli::DistanceArgs;
use crate::filter::Filter;
use crate::geo::{self, Leg};
use crate::load::Source;
use crate::names::{self, Found, Query};

/// One end of the way: Kraków itself, or a partner city.
enum End<'a> {
    Krakow,
    City(Box<City<'a>>),
}

/// The place a name means: the one city of the data named so exactly first, else Kraków
/// by any of its names, else a city of the data the name fits less well.
fn end<'a>(query: &Query, found: Found<'a>) -> Result<End<'a>> {
    if geo::is_krakow(query.typed()) && !found.one_exactly() {
        return Ok(End::Krakow);
    }
    match query.city(found) {
        Ok(city) => Ok(End::City(Box::new(city))),
        Err(unfound) => Err(unfound.error()),
    }
}

pub fn run(args: &DistanceArgs, source: &Source) -> Result<Answer<'static>> {
    // Either end may be any city of the file, whatever its status.
    let every = Filter {
        all: true,
        ..Filter::default()
    };
    let (first, second) = match &args.to {
        None => {
            let queries = [Query::new(&args.from)];
            let [found] = names::find(source, &every, &queries)?;
            (end(&queries[0], found)?, None)
        }
        Some(to) => {
            // Both ends are looked for in one reading of the file.
            let queries = [Query::new(&args.from), Query::new(to)];
            let [from, to] = names::find(source, &every, &queries)?;
            (end(&queries[0], from)?, Some(end(&queries[1], to)?))
        }
    };
    let leg = match (first, second) {
        (End::City(city), None) | (End::Krakow, Some(End::City(city))) => Leg::from_krakow(&city),
        (End::City(from), Some(End::City(to))) => Leg::between(&from, &to),
        (End::City(city), Some(End::Krakow)) => Leg::to_krakow(&city),
        (End::Krakow, None | Some(End::Krakow)) => Leg::krakow(),
    };
    Ok(Answer::Leg(leg))
}
