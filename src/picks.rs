//! The values a filter takes or refuses: `--continent europe,asia` takes those two,
//! `--continent '!europe'` every continent but Europe. One style for every filter of
//! named values: a `!` before a value refuses it.

use std::ffi::OsStr;
use std::marker::PhantomData;

use clap::builder::{EnumValueParser, PossibleValue, TypedValueParser};
use clap::{Arg, Command, ValueEnum};

/// What a value is refused with, written before it.
pub const REFUSE: char = '!';

/// One value as typed: taken, or refused with a leading `!`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pick<T> {
    pub value: T,
    pub refused: bool,
}

impl<T> Pick<T> {
    /// Splits off a leading `!`: the text of the value, and whether it is refused.
    pub fn split(text: &str) -> (&str, bool) {
        match text.trim_start().strip_prefix(REFUSE) {
            Some(rest) => (rest, true),
            None => (text, false),
        }
    }
}

/// The values one filter takes and refuses. With none taken, every value not refused
/// passes; with some taken, only those (and never a refused one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picks<T> {
    pub taken: Vec<T>,
    pub refused: Vec<T>,
}

impl<T> Default for Picks<T> {
    fn default() -> Self {
        Picks {
            taken: Vec::new(),
            refused: Vec::new(),
        }
    }
}

impl<T: PartialEq> Picks<T> {
    /// Only these values (none: every value).
    pub fn only(taken: Vec<T>) -> Picks<T> {
        Picks {
            taken,
            refused: Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.taken.is_empty() && self.refused.is_empty()
    }

    pub fn allows(&self, value: &T) -> bool {
        (self.taken.is_empty() || self.taken.contains(value)) && !self.refused.contains(value)
    }

    /// Whether a value the data may not know passes: an unknown one only where the
    /// filter is not used, as it may be any value (`--continent '!europe'` does not
    /// take a city whose continent is unknown).
    pub fn allows_known(&self, value: Option<&T>) -> bool {
        value.map_or(self.is_empty(), |v| self.allows(v))
    }
}

impl<T> FromIterator<Pick<T>> for Picks<T> {
    fn from_iter<I: IntoIterator<Item = Pick<T>>>(picks: I) -> Self {
        let mut all = Picks::default();
        for pick in picks {
            match pick.refused {
                true => all.refused.push(pick.value),
                false => all.taken.push(pick.value),
            }
        }
        all
    }
}

/// Reads a value of `T` with an optional `!` before it, with clap's own messages and
/// suggestions for a value that does not exist, and `T`'s values for help and
/// completions.
#[derive(Clone)]
pub struct PickParser<T>(PhantomData<T>);

impl<T> PickParser<T> {
    pub fn new() -> PickParser<T> {
        PickParser(PhantomData)
    }
}

impl<T: ValueEnum + Clone + Send + Sync + 'static> TypedValueParser for PickParser<T> {
    type Value = Pick<T>;

    fn parse_ref(
        &self,
        cmd: &Command,
        arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<Pick<T>, clap::Error> {
        let text = value.to_string_lossy();
        let (rest, refused) = Pick::<T>::split(&text);
        let value = EnumValueParser::<T>::new().parse_ref(cmd, arg, OsStr::new(rest))?;
        Ok(Pick { value, refused })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            T::value_variants()
                .iter()
                .filter_map(ValueEnum::to_possible_value),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taken_and_refused_values() {
        let picks: Picks<u8> = [
            Pick {
                value: 1,
                refused: false,
            },
            Pick {
                value: 2,
                refused: true,
            },
        ]
        .into_iter()
        .collect();
        assert!(picks.allows(&1) && !picks.allows(&2) && !picks.allows(&3));
        let refused = Picks {
            taken: vec![],
            refused: vec![2],
        };
        assert!(refused.allows(&1) && !refused.allows(&2) && refused.allows(&3));
        assert!(Picks::<u8>::default().allows(&7));
        assert_eq!(Pick::<u8>::split("!europe"), ("europe", true));
        assert_eq!(Pick::<u8>::split("europe"), ("europe", false));
    }
}
