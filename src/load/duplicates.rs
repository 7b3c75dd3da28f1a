//! Each city appears once: a city is one place by its folded name (no case, no
//! diacritics) and its country. Parts of a file are checked on their own cores and
//! then against the parts before them, so every message names the first line in the
//! whole file.

use std::hash::{Hash, Hasher};
use std::ops::Range;

use hashbrown::HashTable;
use rustc_hash::FxHasher;

use crate::city::{City, fold_into};
use crate::error::Problem;
use crate::terminal::quote;

/// The places read so far in one part of a file.
#[derive(Default)]
pub struct Places {
    /// Each place, by the hash of its key.
    seen: HashTable<Seen>,
    /// The key and name of each place, one after another: what a place whose hash
    /// matches is compared with, so a duplicate is never a guess.
    keys: String,
    /// Places read twice in this part, reported once the parts before are known.
    again: Vec<Again>,
    /// A buffer for the key being made.
    key: String,
}

/// A place read: its key's hash, its line, and where its key and name are in `keys`.
struct Seen {
    hash: u64,
    line: u64,
    key: Range<usize>,
    name: Range<usize>,
}

/// A place read again, with the line it first appeared on in its part.
struct Again {
    seen: Seen,
    first: u64,
}

impl Places {
    /// Room for `more` places, so the table is not rebuilt as it grows.
    pub fn reserve(&mut self, more: usize) {
        self.seen.reserve(more, |s| s.hash);
    }

    /// Notes `city`, read on `line`: `false` if this part already had it.
    pub fn add(&mut self, city: &City, line: u64) -> bool {
        fold_into(&city.name, &mut self.key);
        self.key.push('\n');
        self.key.push_str(&city.country_code);
        let hash = hash(&self.key);
        let keys = &self.keys;
        let key = &self.key;
        let first = self.seen.find(hash, |s| keys[s.key.clone()] == **key);
        let first = first.map(|s| s.line);
        let start = self.keys.len();
        self.keys.push_str(&self.key);
        let middle = self.keys.len();
        self.keys.push_str(&city.name);
        let seen = Seen {
            hash,
            line,
            key: start..middle,
            name: middle..self.keys.len(),
        };
        match first {
            Some(first) => {
                self.again.push(Again { seen, first });
                false
            }
            None => {
                self.seen.insert_unique(hash, seen, |s| s.hash);
                true
            }
        }
    }

    /// Adds the places of the part after this one, and returns the problems of its
    /// places read before. Unless `more` parts follow, they need not be remembered.
    pub fn append(&mut self, mut later: Places, more: bool) -> Vec<Problem> {
        let mut problems = Vec::new();
        for again in std::mem::take(&mut later.again) {
            let first = self.first_line(&later.keys, &again.seen);
            let first = first.unwrap_or(again.first);
            problems.push(duplicate(&later.keys, &again.seen, first));
        }
        let base = self.keys.len();
        if more {
            self.keys.push_str(&later.keys);
        }
        for seen in std::mem::take(&mut later.seen) {
            if let Some(first) = self.first_line(&later.keys, &seen) {
                problems.push(duplicate(&later.keys, &seen, first));
            } else if more {
                let shift = |r: Range<usize>| base + r.start..base + r.end;
                let seen = Seen {
                    key: shift(seen.key),
                    name: shift(seen.name),
                    ..seen
                };
                self.seen.insert_unique(seen.hash, seen, |s| s.hash);
            }
        }
        problems
    }

    /// The problems of the places read twice in this part (the first part of a file,
    /// or all of it).
    pub fn finish(&mut self) -> Vec<Problem> {
        std::mem::take(&mut self.again)
            .into_iter()
            .map(|again| duplicate(&self.keys, &again.seen, again.first))
            .collect()
    }

    /// The line a place read in another part (its key in `keys`) first appeared on
    /// here.
    fn first_line(&self, keys: &str, seen: &Seen) -> Option<u64> {
        let key = &keys[seen.key.clone()];
        let found = self
            .seen
            .find(seen.hash, |s| self.keys[s.key.clone()] == *key);
        found.map(|s| s.line)
    }
}

/// The problem of a place read again (its key and name in `keys`), first read on line
/// `first`.
fn duplicate(keys: &str, seen: &Seen, first: u64) -> Problem {
    let name = &keys[seen.name.clone()];
    let code = keys[seen.key.clone()]
        .rsplit('\n')
        .next()
        .unwrap_or_default();
    Problem {
        line: seen.line,
        column: Some("name"),
        message: format!(
            "'{}' ({code}) is already on line {first} (each city appears once)",
            quote(name)
        ),
    }
}

fn hash(key: &str) -> u64 {
    let mut hasher = FxHasher::default();
    key.hash(&mut hasher);
    hasher.finish()
}
