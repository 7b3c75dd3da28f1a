//! What `list` keeps of a file as it is read: each chosen city's place in the file and
//! its sort key, not the city. The cities are read again, in order, as they are
//! written, so a list of a million cities holds a million small keys, not a million
//! cities.

use crate::city::City;
use crate::columns::Field;
use crate::filter::Chooser;
use crate::geo::Centre;
use crate::load::Reread;
use crate::order::{self, SortKey};
use crate::render::Names;
use crate::sink::{Read, Sink};

type Kept<'a> = (SortKey<'a>, usize);

/// The sink: where each chosen city is, with its key; each part of the file sorted on
/// its own core, the parts kept apart (joining them would copy them) and merged as
/// the order is read.
pub struct Listing<'a> {
    by: Field,
    descending: bool,
    names: Names,
    /// Where distances and bearings are measured from.
    from: Centre,
    parts: Vec<Vec<Kept<'a>>>,
}

impl<'a> Listing<'a> {
    pub fn new(by: Field, descending: bool, names: Names, from: Centre) -> Listing<'a> {
        Listing {
            by,
            descending,
            names,
            from,
            parts: vec![Vec::new()],
        }
    }

    /// Where the cities are in the file, in order, at most `limit` of them.
    pub fn order(self, limit: Option<usize>) -> Vec<usize> {
        let descending = self.descending;
        let compare =
            |(a, at_a): &Kept, (b, at_b): &Kept| a.compare(b, descending).then(at_a.cmp(at_b));
        order::merged(self.parts, compare)
            .take(limit.unwrap_or(usize::MAX))
            .map(|(_, at)| at)
            .collect()
    }
}

impl<'a> Sink<'a> for Listing<'a> {
    fn add(&mut self, read: Read<'a, '_>) {
        let key = SortKey::folded(&read.city, read.folded, self.by, self.names, &self.from);
        if let Some(part) = self.parts.last_mut() {
            part.push((key, read.at));
        }
    }

    fn finish_part(&mut self) {
        let descending = self.descending;
        for part in &mut self.parts {
            order::sort(part, |(key, at)| (key, *at), descending);
        }
    }

    fn join(&mut self, later: Self) {
        self.parts.extend(later.parts);
    }
}

/// A list answered: the file to read the cities from, where they are, in order, and
/// the filter that chose them (which says how each stood on the `--as-of` date).
pub struct Listed<'a> {
    pub reread: Reread<'a>,
    pub at: Vec<usize>,
    pub chooser: Chooser,
}

impl<'a> Listed<'a> {
    pub fn len(&self) -> usize {
        self.at.len()
    }

    /// The `i`th city of the list, as it was chosen.
    pub fn city(&self, i: usize) -> Option<City<'a>> {
        // Rows are read in the list's order, not the file's: the memory a few rows on
        // is asked for now, so that it is at hand when their turn comes.
        const AHEAD: usize = 8;
        if let Some(&later) = self.at.get(i + AHEAD) {
            self.reread.prefetch(later);
        }
        let city = self.reread.city(*self.at.get(i)?)?;
        Some(self.chooser.restate(city))
    }
}
