//! What a command keeps of a file's cities as they are read: a sink. Large files are
//! read in parts, each into its own sink on its own core; the parts are then joined in
//! file order. Every sink says what it does at each step: there is no default to
//! forget.

use crate::city::{City, Status};

/// A sound city as it is read: the city, where its row (or object) starts in the file
/// (to read it again), and its name folded (no case, no diacritics), made once for all
/// who sort or compare by name.
pub struct Read<'a, 'r> {
    pub city: City<'a>,
    pub at: usize,
    pub folded: &'r str,
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
