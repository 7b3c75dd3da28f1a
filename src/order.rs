//! The order of lists: by a field, unknown values last in either direction, ties by
//! name (ignoring case and diacritics), so the order is always the same. Each city's
//! key is made once, not at every comparison.

use std::borrow::Cow;
use std::cmp::Ordering;

use rayon::prelude::*;

use crate::city::{City, fold};
use crate::columns::Field;
use crate::geo::Centre;
use crate::parallel;
use crate::render::Names;
use crate::value::Value;

/// What a city is sorted by.
#[derive(Clone, Debug)]
pub struct SortKey<'a> {
    /// The field's value, texts folded; unknown when sorting by name (the name is
    /// next, and then decides the direction).
    value: Value<'static>,
    by_name: bool,
    folded: Box<str>,
    name: Cow<'a, str>,
    code: [u8; 2],
}

impl<'a> SortKey<'a> {
    pub fn of(city: &City<'a>, field: Field, names: Names, from: &Centre) -> SortKey<'a> {
        SortKey::folded(city, &fold(&city.name), field, names, from)
    }

    /// The key, the city's English name already folded. Names are compared as they
    /// are shown: in Polish or the city's own language where `names` says so (and the
    /// data has that name), so a list reads in order. Distances and bearings are
    /// measured from `from`.
    pub fn folded(
        city: &City<'a>,
        folded: &str,
        field: Field,
        names: Names,
        from: &Centre,
    ) -> SortKey<'a> {
        let (folded, name) = match names.of(city) {
            Some(shown) => (fold(shown).into(), shown.clone()),
            None => (folded.into(), city.name.clone()),
        };
        let value = match (field, field.value(city, from)) {
            (Field::Name, _) => Value::Unknown,
            (_, Value::Text(text)) => Value::Text(fold(&text).into()),
            (_, other) => other.into_owned(),
        };
        SortKey {
            value,
            by_name: field == Field::Name,
            folded,
            name,
            code: crate::groups::code(city.country_code.as_deref().unwrap_or_default()),
        }
    }

    pub fn compare(&self, other: &SortKey, descending: bool) -> Ordering {
        let (a, b) = (&self.value, &other.value);
        let by_value = match (a, b) {
            (Value::Unknown, Value::Unknown) => Ordering::Equal,
            (Value::Unknown, _) => Ordering::Greater,
            (_, Value::Unknown) => Ordering::Less,
            _ if descending => b.compare(a),
            _ => a.compare(b),
        };
        let by_name = self
            .folded
            .cmp(&other.folded)
            .then_with(|| self.name.cmp(&other.name))
            .then_with(|| self.code.cmp(&other.code));
        match (self.by_name, descending) {
            (true, true) => by_name.reverse(),
            // Ties of other fields are broken by name, A to Z, in either direction.
            _ => by_value.then(by_name),
        }
    }
}

/// Sorts items by their keys, ties by their place `at` (no two items share one), on
/// every core for large lists. The sort need not be stable, so it needs no second
/// list of the items.
pub fn sort<T: Send + Sync>(
    items: &mut [T],
    key: impl Fn(&T) -> (&SortKey, usize) + Sync,
    descending: bool,
) {
    let compare = |a: &T, b: &T| {
        let ((a, at_a), (b, at_b)) = (key(a), key(b));
        a.compare(b, descending).then(at_a.cmp(&at_b))
    };
    if parallel::worth_sharing(items.len()) {
        items.par_sort_unstable_by(compare);
    } else {
        items.sort_unstable_by(compare);
    }
}

/// Sorts cities in place by `field`, names in English, distances from Kraków.
pub fn cities(cities: &mut [City], field: Field, descending: bool) {
    named(cities, field, descending, Names::En, &Centre::krakow());
}

/// Sorts cities in place by `field`, names as `names` shows them, distances and
/// bearings from `from`.
pub fn named<'a>(
    cities: &mut [City<'a>],
    field: Field,
    descending: bool,
    names: Names,
    from: &Centre,
) {
    // The keys are sorted with each city's place, then the cities moved once: a city
    // is large, a key small.
    let make = |(i, city): (usize, &City<'a>)| (SortKey::of(city, field, names, from), i);
    let mut keyed: Vec<(SortKey<'a>, usize)> = if parallel::worth_sharing(cities.len()) {
        cities
            .par_iter()
            .enumerate()
            .with_min_len(parallel::WORTH_A_THREAD)
            .map(make)
            .collect()
    } else {
        cities.iter().enumerate().map(make).collect()
    };
    sort(&mut keyed, |(key, i)| (key, *i), descending);
    let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    permute(cities, &order);
}

/// Puts `items[order[k]]` at place `k` for every `k`, in place: a city is large, and a
/// second list of them would double a large answer's memory.
fn permute<T>(items: &mut [T], order: &[usize]) {
    // Where each item goes; each swap puts one item in its final place.
    let mut place = vec![0; order.len()];
    for (k, &from) in order.iter().enumerate() {
        place[from] = k;
    }
    for i in 0..items.len() {
        while place[i] != i {
            let to = place[i];
            items.swap(i, to);
            place.swap(i, to);
        }
    }
}

/// The stable order of cities: by name, ignoring case and diacritics.
pub fn by_name(a: &City, b: &City) -> Ordering {
    fold(&a.name)
        .cmp(&fold(&b.name))
        .then_with(|| a.name.cmp(&b.name))
        .then_with(|| a.country_code.cmp(&b.country_code))
}

/// Lists each sorted by `compare`, merged into one sorted sequence as it is read; on a
/// tie the earlier list's item comes first. Lists are few (one per part of a file).
pub fn merged<T>(
    lists: Vec<Vec<T>>,
    compare: impl Fn(&T, &T) -> Ordering,
) -> impl Iterator<Item = T> {
    let mut lists: Vec<std::vec::IntoIter<T>> = lists.into_iter().map(Vec::into_iter).collect();
    let mut heads: Vec<Option<T>> = lists.iter_mut().map(Iterator::next).collect();
    std::iter::from_fn(move || {
        let mut best: Option<usize> = None;
        for (i, head) in heads.iter().enumerate() {
            let Some(item) = head else {
                continue;
            };
            let better = match best.and_then(|b| heads[b].as_ref()) {
                Some(held) => compare(item, held).is_lt(),
                None => true,
            };
            if better {
                best = Some(i);
            }
        }
        let best = best?;
        let item = heads[best].take();
        heads[best] = lists[best].next();
        item
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn permuting_in_place() {
        let mut items = vec!['a', 'b', 'c', 'd', 'e'];
        super::permute(&mut items, &[3, 0, 4, 1, 2]);
        assert_eq!(items, ['d', 'a', 'e', 'b', 'c']);
    }

    #[test]
    fn merging_sorted_lists() {
        let lists = vec![vec![1, 4, 6], vec![2, 4, 7], vec![], vec![0]];
        let all: Vec<i32> = super::merged(lists, |a, b| a.cmp(b)).collect();
        assert_eq!(all, [0, 1, 2, 4, 4, 6, 7]);
    }
}
