//! "Did you mean": the known values closest to what a user typed.
//!
//! The cost is bounded whatever is typed and however many values there are: text too
//! long to be a typo gets no suggestions, each value is first weighed by two cheap
//! bounds (its length, its letters), and the edit distance gives up once it is past the
//! most a suggestion may be.

use crate::city::fold_into;

/// The most suggestions given.
const MOST: usize = 3;

/// Text longer than this, in characters, is no typo of a name, a field or a country: it
/// gets no suggestions (and is not folded at all).
const LONGEST: usize = 40;

/// What a user typed, folded once, ready to be weighed against many values.
pub struct Typed {
    /// Folded text is ASCII (folding transliterates), so a byte is a character.
    folded: String,
    /// How often each byte occurs in `folded`: a bound checked before the distance.
    letters: [u8; 256],
    /// Whether a value with the text inside it is near too, however long it is.
    inside: bool,
}

impl Typed {
    /// `None` when there is nothing to suggest for: empty text, or text too long.
    pub fn new(typed: &str) -> Option<Typed> {
        let typed = typed.trim();
        if typed.is_empty() || typed.chars().count() > LONGEST {
            return None;
        }
        let mut folded = String::new();
        fold_into(typed, &mut folded);
        let mut letters = [0; 256];
        for b in folded.bytes() {
            letters[usize::from(b)] += 1;
        }
        Some(Typed {
            folded,
            letters,
            inside: false,
        })
    }

    /// The same, and a value with the text inside it is near too, however long: what a
    /// piece of a city's name suggests (`ork`, Rochester New York).
    pub fn or_inside(self) -> Typed {
        Typed {
            inside: true,
            ..self
        }
    }

    /// The edit distance to a value (`folded`), if it is near enough to suggest and no
    /// more than `most`.
    fn distance(&self, folded: &str, most: usize) -> Option<usize> {
        let (typed, known) = (self.folded.as_bytes(), folded.as_bytes());
        // Text inside a value is that many insertions from it.
        let added = known.len().saturating_sub(typed.len());
        if self.inside && added <= most && folded.contains(&self.folded) {
            return Some(added);
        }
        // A third of the longer one's characters may differ: more is no likely typo.
        let most = most.min((typed.len().max(known.len()) / 3).max(1));
        if typed.len().abs_diff(known.len()) > most {
            return None;
        }
        // Each character one has and the other lacks takes an edit at least.
        let mut left = self.letters;
        let mut shared = 0;
        for &b in known {
            let count = &mut left[usize::from(b)];
            if *count > 0 {
                *count -= 1;
                shared += 1;
            }
        }
        if (typed.len() - shared).max(known.len() - shared) > most {
            return None;
        }
        within(typed, known, most)
    }
}

/// The edit distance between `a` and `b` (insertions, deletions, substitutions and
/// swaps of two neighbours: `lsit` is one from `list`) if it is at most `most`, else
/// `None`: only the cells within `most` of the diagonal are worked out (the others are
/// more than `most` anyway), and it stops at the first row whose cells all exceed `most`.
fn within(a: &[u8], b: &[u8], most: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > most {
        return None;
    }
    // Every value past `most` is the same to the answer: `over`.
    let over = most + 1;
    let mut row: Vec<usize> = (0..=b.len()).map(|j| j.min(over)).collect();
    // The row before the last, for swaps.
    let mut before = vec![over; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        let i = i + 1;
        let last = row.clone();
        // The band of this row; the length check above keeps `low - 1 <= b.len()`.
        let low = i.saturating_sub(most).max(1);
        let high = (i + most).min(b.len());
        let mut diagonal = row[low - 1];
        row[low - 1] = if low == 1 { i.min(over) } else { over };
        let mut least = row[low - 1];
        for j in low..=high {
            let above = row[j];
            let mut value = (above + 1)
                .min(row[j - 1] + 1)
                .min(diagonal + usize::from(ca != b[j - 1]));
            if i > 1 && j > 1 && ca == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(before[j - 2] + 1);
            }
            let value = value.min(over);
            diagonal = above;
            row[j] = value;
            least = least.min(value);
        }
        before = last;
        if least > most {
            return None;
        }
    }
    Some(row[b.len()]).filter(|d| *d <= most)
}

/// The values nearest what was typed among those offered so far: up to three, nearest
/// first, ties in the order offered, each value once with what came with it first.
pub struct Nearest<T> {
    held: Vec<Near<T>>,
    /// How many values were offered: the place of the next one, for ties.
    offered: usize,
}

struct Near<T> {
    distance: usize,
    /// Its place among the values offered: the earlier of two as near comes first.
    order: usize,
    name: String,
    with: T,
}

impl<T> Default for Nearest<T> {
    fn default() -> Self {
        Nearest {
            held: Vec::new(),
            offered: 0,
        }
    }
}

impl<T> Nearest<T> {
    /// Weighs `name` (`folded`, folded) as a suggestion for `typed`; `with` is kept with
    /// it if it is held.
    pub fn offer(&mut self, typed: &Typed, name: &str, folded: &str, with: impl FnOnce() -> T) {
        // Once three are held, only a value as near as the farthest of them can enter.
        let most = match self.held.get(MOST - 1) {
            Some(farthest) => farthest.distance,
            None => usize::MAX,
        };
        let order = self.offered;
        self.offered += 1;
        let Some(distance) = typed.distance(folded, most) else {
            return;
        };
        if !self.held.iter().any(|held| held.name == name) {
            self.insert(Near {
                distance,
                order,
                name: name.to_string(),
                with: with(),
            });
        }
    }

    fn insert(&mut self, near: Near<T>) {
        let at = self
            .held
            .partition_point(|held| (held.distance, held.order) <= (near.distance, near.order));
        if at < MOST {
            self.held.insert(at, near);
            self.held.truncate(MOST);
        }
    }

    /// Adds what was offered to `later` (offered after everything offered to this one).
    pub fn join(&mut self, later: Nearest<T>) {
        for mut near in later.held {
            near.order += self.offered;
            if !self.held.iter().any(|held| held.name == near.name) {
                self.insert(near);
            }
        }
        self.offered += later.offered;
    }

    /// The values held, nearest first, each with what came with it.
    pub fn into_held(self) -> impl Iterator<Item = (String, T)> {
        self.held.into_iter().map(|near| (near.name, near.with))
    }
}

/// Up to three of `known` closest to `typed` (ignoring case and diacritics), closest
/// first; none when nothing is near enough to be a likely typo.
pub fn closest(typed: &str, known: &[&str]) -> Vec<String> {
    let Some(typed) = Typed::new(typed) else {
        return Vec::new();
    };
    let mut nearest = Nearest::default();
    let mut folded = String::new();
    for name in known {
        fold_into(name, &mut folded);
        nearest.offer(&typed, name, &folded, || ());
    }
    nearest.into_held().map(|(name, ())| name).collect()
}

/// "did you mean X or Y?" with the known values closest to `typed`, or nothing.
pub fn did_you_mean(typed: &str, known: &[&str]) -> Option<String> {
    let close = closest(typed, known);
    let close: Vec<&str> = close.iter().map(String::as_str).collect();
    phrase(&close)
}

/// "did you mean X or Y?" for these suggestions, or nothing when there are none.
pub fn phrase(suggestions: &[&str]) -> Option<String> {
    match suggestions {
        [] => None,
        [one] => Some(format!("did you mean {one}?")),
        [rest @ .., last] => Some(format!("did you mean {} or {last}?", rest.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain distance (the whole matrix, swaps of neighbours counted as one edit),
    /// to check the banded one against.
    fn full(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let mut value = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]));
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    value = value.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = value;
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn typos_find_their_word() {
        assert_eq!(within(b"kitten", b"sitting", 3), Some(3));
        assert_eq!(within(b"kitten", b"sitting", 2), None);
        assert_eq!(within(b"lsit", b"list", 1), Some(1));
        assert_eq!(
            closest("olomuc", &["Olomouc", "Orléans", "Rome"]),
            ["Olomouc"]
        );
        assert_eq!(closest("germny", &["Germany", "Georgia"]), ["Germany"]);
        assert!(closest("xyz", &["Germany"]).is_empty());
        assert_eq!(
            did_you_mean("romee", &["Rome"]).as_deref(),
            Some("did you mean Rome?")
        );
    }

    #[test]
    fn the_banded_distance_is_the_distance_within_its_bound() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "kosice",
            "koszyce",
            "olomouc",
            "olomuc",
            "leipzig",
            "lipsk",
            "nuremberg",
            "nurnberg",
            "aaaa",
            "zujow 999999",
            "zujow 99999",
            "lsit",
            "list",
            "abcd",
            "badc",
            "ca",
        ];
        for a in words {
            for b in words {
                let d = full(a, b);
                for most in 0..8 {
                    let banded = within(a.as_bytes(), b.as_bytes(), most);
                    assert_eq!(banded, (d <= most).then_some(d), "{a} {b} {most}");
                }
            }
        }
    }

    #[test]
    fn the_three_nearest_are_kept_nearest_first_ties_in_the_order_offered() {
        let known = ["Rome", "Roma", "Rom", "Romy", "Rime", "Lome"];
        let nearest = closest("rome", &known);
        assert_eq!(nearest, ["Rome", "Roma", "Rom"]);
        let mut reversed = known;
        reversed.reverse();
        assert_eq!(closest("rome", &reversed), ["Rome", "Lome", "Rime"]);
        // Offered in two parts and joined, the same three.
        let typed = Typed::new("rome").unwrap();
        let part = |names: &[&'static str]| {
            let mut nearest = Nearest::default();
            for name in names {
                nearest.offer(&typed, name, &name.to_lowercase(), || ());
            }
            nearest
        };
        let mut first = part(&known[..3]);
        first.join(part(&known[3..]));
        let joined: Vec<String> = first.into_held().map(|(name, _)| name).collect();
        assert_eq!(joined, nearest);
    }

    #[test]
    fn a_piece_of_a_name_may_suggest_the_name() {
        let known = ["Rochester New York", "Rome", "Porto"];
        let typed = |text: &str| Typed::new(text).unwrap();
        let near = |typed: &Typed| {
            let mut nearest = Nearest::default();
            for name in known {
                nearest.offer(typed, name, &name.to_lowercase(), || ());
            }
            nearest
                .into_held()
                .map(|(name, ())| name)
                .collect::<Vec<_>>()
        };
        assert!(near(&typed("ork")).is_empty());
        assert_eq!(near(&typed("ork").or_inside()), ["Rochester New York"]);
        assert_eq!(
            near(&typed("or").or_inside()),
            ["Porto", "Rochester New York"]
        );
    }

    #[test]
    fn long_text_gets_no_suggestions() {
        let long = "a".repeat(LONGEST + 1);
        assert!(closest(&long, &[&long]).is_empty());
        assert!(Typed::new("   ").is_none());
    }
}
