//! What a command keeps of a file's cities as they are read: a sink. Large files are
//! read in parts, each into its own sink on its own core; the parts are then joined in
//! file order. Every sink says what it does at each step: there is no default to
//! forget.

use crate::city::{City, Status};
use crate::render::Names;

/// A sound city as it is read: the city, where its row (or object) starts in the file
/// (to read it again), and its name folded (no case, no diacritics), made once for all
/// who sort or compare by name.
pub struct Read<'a, 'r> {
    pub city: City<'a>,
    pub at: usize,
    pub folded: &'r str,
    /// The line its row (or object) starts on, and in a JSON file whose objects share
    /// lines, the object's index: where messages about it point.
    pub line: u64,
    pub item: Option<u64>,
}

pub trait Sink<'a>: Send {
    fn add(&mut self, read: Read<'a, '_>);

    /// The part has been read: work that can be done on each part's own core.
    fn finish_part(&mut self);

    /// Adds what was gathered from the part of the file after this one (both
    /// finished).
    fn join(&mut self, later: Self);
}

/// Makes an empty sink: one for each part of a file.
pub type New<'n, S> = dyn Fn() -> S + Sync + 'n;

/// Every city, in file order.
impl<'a> Sink<'a> for Vec<City<'a>> {
    fn add(&mut self, read: Read<'a, '_>) {
        self.push(read.city);
    }

    fn finish_part(&mut self) {}

    fn join(&mut self, mut later: Self) {
        if self.is_empty() {
            // No copy of the later part's cities.
            *self = later;
        } else {
            self.append(&mut later);
        }
    }
}

/// The cities under the names they are shown by (`--names pl`: Kijów), for the
/// answers that list cities by name for people; each is folded again, so the names
/// sort as they are shown.
pub struct Renamed<S> {
    names: Names,
    inner: S,
}

impl<S> Renamed<S> {
    pub fn new(names: Names, inner: S) -> Renamed<S> {
        Renamed { names, inner }
    }

    pub fn into_inner(self) -> S {
        self.inner
    }
}

impl<'a, S: Sink<'a>> Sink<'a> for Renamed<S> {
    fn add(&mut self, mut read: Read<'a, '_>) {
        match self.names.of(&read.city).cloned() {
            Some(name) => {
                let folded = crate::city::fold(&name);
                read.city.name = name;
                self.inner.add(Read {
                    folded: &folded,
                    ..read
                });
            }
            None => self.inner.add(read),
        }
    }

    fn finish_part(&mut self) {
        self.inner.finish_part();
    }

    fn join(&mut self, later: Self) {
        self.inner.join(later.inner);
    }
}

/// `sink` fed with cities already held, in their order, as one part of a file: for
/// answers made again from cities a command holds anyway (the atlas's charts). Each
/// city's place is its index, which none of these sinks reads again.
pub fn fed<'a, S: Sink<'a>>(cities: &[City<'a>], mut sink: S) -> S {
    let mut folded = String::new();
    for (at, city) in cities.iter().enumerate() {
        folded.clear();
        crate::city::fold_into(&city.name, &mut folded);
        sink.add(Read {
            city: city.clone(),
            at,
            folded: &folded,
            // Not read from a file again: nothing points at a line.
            line: 0,
            item: None,
        });
    }
    sink.finish_part();
    sink
}

/// How many cities a file holds, how many are active and how many of a status the
/// file does not give: all `validate` keeps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub cities: usize,
    pub active: usize,
    pub unknown_status: usize,
}

impl Sink<'_> for Count {
    fn add(&mut self, read: Read) {
        self.cities += 1;
        self.active += usize::from(read.city.status == Some(Status::Active));
        self.unknown_status += usize::from(read.city.status.is_none());
    }

    fn finish_part(&mut self) {}

    fn join(&mut self, later: Self) {
        self.cities += later.cities;
        self.active += later.active;
        self.unknown_status += later.unknown_status;
    }
}

/// The first `most` cities in file order, and how many there were: what lets a command
/// that refuses too many cities refuse them without holding them.
pub struct Upto<'a> {
    pub cities: Vec<City<'a>>,
    pub count: usize,
    most: usize,
}

impl<'a> Upto<'a> {
    pub fn new(most: usize) -> Upto<'a> {
        Upto {
            cities: Vec::new(),
            count: 0,
            most,
        }
    }
}

impl<'a> Sink<'a> for Upto<'a> {
    fn add(&mut self, read: Read<'a, '_>) {
        self.count += 1;
        if self.cities.len() < self.most {
            self.cities.push(read.city);
        }
    }

    fn finish_part(&mut self) {}

    fn join(&mut self, later: Self) {
        self.count += later.count;
        let room = self.most.saturating_sub(self.cities.len());
        self.cities.extend(later.cities.into_iter().take(room));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str) -> Read<'static, 'static> {
        Read {
            city: City {
                name: name.to_string().into(),
                ..City::blank()
            },
            at: 0,
            folded: "",
            line: 0,
            item: None,
        }
    }

    #[test]
    fn upto_keeps_the_first_few_and_counts_them_all() {
        let part = |names: &[&str]| {
            let mut upto = Upto::new(3);
            for name in names {
                upto.add(read(name));
            }
            upto
        };
        let mut first = part(&["a", "b"]);
        first.join(part(&["c", "d", "e"]));
        let names: Vec<&str> = first.cities.iter().map(|c| &*c.name).collect();
        assert_eq!((names, first.count), (vec!["a", "b", "c"], 5));
    }
}
