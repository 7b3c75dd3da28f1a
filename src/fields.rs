//! What `--fields` may name in each command's answer, and the user's list read against
//! it: an answer's own columns (a record's `value`, a group's `count`), then, where its
//! rows are about cities, a city's fields.

use crate::answer;
use crate::columns::{COLUMNS, Field};
use crate::error::UsageError;
use crate::render::Col;

/// The columns of an answer `--fields` may name.
#[derive(Clone, Copy, Debug)]
pub struct Choice {
    /// The answer's own columns.
    pub own: &'static [Col],
    /// Whether a city's fields may be named too.
    pub cities: bool,
}

/// `validate`: no columns to choose.
pub const NONE: Choice = Choice {
    own: &[],
    cities: false,
};
/// `list` and `show`: a city's fields.
pub const CITIES: Choice = Choice {
    own: &[],
    cities: true,
};
/// `records`: the record, then its city's fields.
pub const RECORDS: Choice = Choice {
    own: answer::RECORD_COLUMNS,
    cities: true,
};
/// `stats`.
pub const GROUPS: Choice = Choice {
    own: answer::GROUP_COLUMNS,
    cities: false,
};
/// `timeline`.
pub const TIMELINE: Choice = Choice {
    own: answer::PERIOD_COLUMNS,
    cities: false,
};
/// `distance`.
pub const LEG: Choice = Choice {
    own: answer::LEG_COLUMNS,
    cities: false,
};

/// A column the user named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// One of the answer's own columns, by key.
    Own(&'static str),
    /// A city's field.
    City(Field),
}

impl Pick {
    pub fn key(self) -> &'static str {
        match self {
            Pick::Own(key) => key,
            Pick::City(field) => field.key(),
        }
    }
}

impl Choice {
    /// Every name it takes, for `--help` and messages.
    pub fn keys(self) -> Vec<&'static str> {
        let own = self.own.iter().map(|c| -> &'static str { &c.key });
        let cities = COLUMNS.iter().filter(|_| self.cities).map(|c| c.key);
        own.chain(cities).collect()
    }

    /// The short names of a city's fields it takes too (`distance` for `distance_km`).
    pub fn shorts(self) -> impl Iterator<Item = &'static str> {
        let cities = COLUMNS.iter().filter(move |_| self.cities);
        cities.filter_map(|c| c.short)
    }

    /// "unknown field 'x'; did you mean …? (valid: …)": suggestions from every name it
    /// takes, short ones too; the keys listed.
    pub fn unknown(self, typed: &str) -> UsageError {
        let keys = self.keys();
        let mut names = keys.clone();
        names.extend(self.shorts());
        UsageError::unknown_among("field", typed, &names, &keys)
    }

    /// The columns `typed` names, in its order, in any case; an unknown or repeated
    /// name is a usage error.
    pub fn pick(self, typed: &[String]) -> Result<Vec<Pick>, UsageError> {
        let mut picks: Vec<Pick> = Vec::with_capacity(typed.len());
        for text in typed {
            let key = text.trim().to_ascii_lowercase();
            let own = self.own.iter().find(|c| c.key == key);
            let pick = match (own, self.cities) {
                (Some(col), _) => Some(Pick::Own(&col.key)),
                (None, true) => Field::from_key(&key).map(Pick::City),
                (None, false) => None,
            };
            let Some(pick) = pick else {
                return Err(self.unknown(text));
            };
            if picks.contains(&pick) {
                return Err(UsageError(format!(
                    "--fields names '{}' twice (each field is shown once)",
                    pick.key()
                )));
            }
            picks.push(pick);
        }
        Ok(picks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(list: &str) -> Vec<String> {
        list.split(',').map(str::to_string).collect()
    }

    #[test]
    fn each_answer_takes_its_own_columns() {
        assert_eq!(
            RECORDS.pick(&typed("name,VALUE")).unwrap(),
            [Pick::City(Field::Name), Pick::Own("value")]
        );
        assert_eq!(
            GROUPS.pick(&typed("group,count")).unwrap(),
            [Pick::Own("group"), Pick::Own("count")]
        );
        assert_eq!(
            LEG.pick(&typed("distance_km")).unwrap(),
            [Pick::Own("distance_km")]
        );
        assert!(GROUPS.pick(&typed("name")).is_err());
        assert!(CITIES.pick(&typed("value")).is_err());
    }

    #[test]
    fn a_field_named_twice_is_refused_under_any_of_its_names() {
        let err = CITIES.pick(&typed("distance,distance_km")).unwrap_err();
        assert_eq!(
            err.0,
            "--fields names 'distance_km' twice (each field is shown once)"
        );
        assert!(TIMELINE.pick(&typed("count,Count")).is_err());
    }

    #[test]
    fn an_unknown_field_lists_the_answers_own() {
        let err = GROUPS.pick(&typed("name")).unwrap_err();
        assert_eq!(
            err.0,
            "unknown field 'name' (valid: group, count, cities, known, sum, mean, median, \
             min, min_cities, max, max_cities)"
        );
    }
}
