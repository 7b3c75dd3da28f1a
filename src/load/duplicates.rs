//! Each city appears once: a city is one place by its folded name (no case, no
//! diacritics) and its country. Every part of a file notes its places and sorts them
//! by key on its own core; once the whole file is read, the parts' lists are merged
//! and each place found again is reported with the first line it appeared on. Sorted
//! lists hold a million places in less memory than a hash table, and parts join
//! without a copy.

use std::cmp::Ordering;
use std::hash::{Hash, Hasher};
use std::ops::Range;

use rustc_hash::FxHasher;

use crate::city::{City, fold_into};
use crate::error::Problem;
use crate::terminal::quote;

/// The places read in one part of a file, or in several joined.
pub struct Places {
    parts: Vec<List>,
    /// A buffer for the key being made: the name folded, a line feed, the country.
    key: String,
    /// How long the folded name is in `key`.
    folded: usize,
}

/// The places of one part.
#[derive(Default)]
struct List {
    seen: Vec<Seen>,
    /// The key and name of each place, one after another: what places whose hashes
    /// match are compared by, so a duplicate is never a guess.
    keys: String,
}

/// A place read: its key's hash, its line, and where its key and name are in its
/// list's `keys` (the name right after the key). 32 bytes: a million of them are held
/// at once.
struct Seen {
    hash: u64,
    line: u64,
    start: usize,
    key_len: u32,
    name_len: u32,
}

impl Seen {
    fn key(&self) -> Range<usize> {
        self.start..self.start + self.key_len as usize
    }

    fn name(&self) -> Range<usize> {
        let key = self.key();
        key.end..key.end + self.name_len as usize
    }
}

/// A length as `Seen` holds it: a name of 4 GiB would be cut short, and only its
/// duplicates missed.
fn len(range: Range<usize>) -> u32 {
    u32::try_from(range.len()).unwrap_or(u32::MAX)
}

impl Default for Places {
    fn default() -> Places {
        Places {
            parts: vec![List::default()],
            key: String::new(),
            folded: 0,
        }
    }
}

impl Places {
    /// Room for `more` places, so the list and the keys are not copied as they grow.
    pub fn reserve(&mut self, more: usize) {
        if let Some(list) = self.parts.last_mut() {
            let per_place = list.keys.len() / list.seen.len().max(1);
            list.seen.reserve(more);
            list.keys.reserve(more * per_place);
        }
    }

    /// Notes `city`, read on `line`.
    pub fn add(&mut self, city: &City, line: u64) {
        let Some(list) = self.parts.last_mut() else {
            return;
        };
        fold_into(&city.name, &mut self.key);
        self.folded = self.key.len();
        self.key.push('\n');
        // A country by its code where known, else by its name: the same key either way
        // once the loader has filled in the code from the name.
        self.key
            .push_str(city.country_code.as_deref().unwrap_or(city.country_shown()));
        let start = list.keys.len();
        list.keys.push_str(&self.key);
        let middle = list.keys.len();
        list.keys.push_str(&city.name);
        list.seen.push(Seen {
            hash: hash(&self.key),
            line,
            start,
            key_len: len(start..middle),
            name_len: len(middle..list.keys.len()),
        });
    }

    /// The name of the place added last, folded.
    pub fn folded(&self) -> &str {
        &self.key[..self.folded]
    }

    /// The part has been read: its places sorted by key, then line, on its own core.
    pub fn finish_part(&mut self) {
        for list in &mut self.parts {
            let keys = &list.keys;
            list.seen.sort_unstable_by(|a, b| order(keys, a, keys, b));
        }
    }

    /// Adds the places of the part after this one (both finished).
    pub fn append(&mut self, later: Places) {
        self.parts.extend(later.parts);
    }

    /// A problem for every place read again, naming the first line it was on: the
    /// parts' sorted lists read as one, each place after the first of its key a
    /// duplicate.
    pub fn duplicates(self) -> Vec<Problem> {
        let lists = &self.parts;
        let before = |(la, a): (usize, &Seen), (lb, b): (usize, &Seen)| {
            order(&lists[la].keys, a, &lists[lb].keys, b).is_lt()
        };
        let same = |(la, a): (usize, &Seen), (lb, b): (usize, &Seen)| {
            a.hash == b.hash && lists[la].keys[a.key()] == lists[lb].keys[b.key()]
        };
        let mut next = vec![0; lists.len()];
        let mut first: Option<(usize, &Seen)> = None;
        let mut problems = Vec::new();
        loop {
            let mut best: Option<(usize, &Seen)> = None;
            for (l, list) in lists.iter().enumerate() {
                let Some(seen) = list.seen.get(next[l]) else {
                    continue;
                };
                if best.is_none_or(|held| before((l, seen), held)) {
                    best = Some((l, seen));
                }
            }
            let Some((l, seen)) = best else {
                return problems;
            };
            next[l] += 1;
            match first {
                Some(head) if same(head, (l, seen)) => {
                    problems.push(duplicate(&lists[l].keys, seen, head.1.line));
                }
                _ => first = Some((l, seen)),
            }
        }
    }
}

/// Places in order of their keys' hashes, then keys (only where the hashes are equal:
/// rarely), then lines.
fn order(keys_a: &str, a: &Seen, keys_b: &str, b: &Seen) -> Ordering {
    a.hash
        .cmp(&b.hash)
        .then_with(|| keys_a[a.key()].cmp(&keys_b[b.key()]))
        .then(a.line.cmp(&b.line))
}

/// The problem of a place read again (its key and name in `keys`), first read on line
/// `first`.
fn duplicate(keys: &str, seen: &Seen, first: u64) -> Problem {
    let name = &keys[seen.name()];
    let code = keys[seen.key()].rsplit('\n').next().unwrap_or_default();
    Problem::new(
        seen.line,
        Some("name"),
        Some(name.to_string()),
        format!(
            "'{}' ({code}) is already on line {first} (each city appears once)",
            quote(name)
        ),
    )
}

fn hash(key: &str) -> u64 {
    let mut hasher = FxHasher::default();
    key.hash(&mut hasher);
    hasher.finish()
}
