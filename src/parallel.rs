//! Work shared over the machine's cores, for large inputs only: below a few thousand
//! items a thread costs more than it saves.

use std::cmp::Ordering;

/// Items below which everything stays on one core.
const WORTH_A_THREAD: usize = 20_000;

/// How many cores to share `len` items over.
fn cores_for(len: usize) -> usize {
    if len < 2 * WORTH_A_THREAD {
        // Asking for the cores reads files: only when there is something to share.
        return 1;
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    cores.min(len / WORTH_A_THREAD).max(1)
}

/// `work` on consecutive slices of `items`, one per core, the results in order.
pub fn map_slices<T: Sync, R: Send>(items: &[T], work: impl Fn(&[T]) -> R + Sync) -> Vec<R> {
    let cores = cores_for(items.len());
    if cores == 1 {
        return vec![work(items)];
    }
    let size = items.len().div_ceil(cores);
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(size)
            .map(|slice| scope.spawn(move || work(slice)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// `work` on each item, in order.
pub fn map<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    map_slices(items, |slice| slice.iter().map(&work).collect::<Vec<R>>())
        .into_iter()
        .flatten()
        .collect()
}

/// Texts written on several cores as one text: each is added to the first and let go,
/// so the whole is never held twice.
pub fn concat(texts: Vec<String>) -> String {
    let total: usize = texts.iter().map(String::len).sum();
    let mut texts = texts.into_iter();
    let mut whole = texts.next().unwrap_or_default();
    whole.reserve(total - whole.len());
    for text in texts {
        whole.push_str(&text);
    }
    whole
}

/// Sorts: each core sorts a share, then the shares are merged.
pub fn sort_by<T: Send>(items: Vec<T>, compare: impl Fn(&T, &T) -> Ordering + Sync) -> Vec<T> {
    let cores = cores_for(items.len());
    let size = items.len().div_ceil(cores).max(1);
    let compare = &compare;
    let mut shares: Vec<Vec<T>> = Vec::new();
    let mut items = items.into_iter();
    loop {
        let share: Vec<T> = items.by_ref().take(size).collect();
        if share.is_empty() {
            break;
        }
        shares.push(share);
    }
    if shares.len() <= 1 {
        let mut all = shares.pop().unwrap_or_default();
        all.sort_by(compare);
        return all;
    }
    let sorted: Vec<Vec<T>> = std::thread::scope(|scope| {
        let handles: Vec<_> = shares
            .into_iter()
            .map(|mut share| {
                scope.spawn(move || {
                    share.sort_by(compare);
                    share
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    sorted
        .into_iter()
        .reduce(|a, b| merge_by(a, b, compare))
        .unwrap_or_default()
}

/// Two sorted lists as one sorted list; on a tie the first list's item goes first.
pub fn merge_by<T>(a: Vec<T>, b: Vec<T>, compare: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    let mut merged = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if compare(y, x).is_lt() => b.next(),
            (Some(_), _) => a.next(),
            (None, _) => b.next(),
        };
        match next {
            Some(item) => merged.push(item),
            None => return merged,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_in_shares_sorts_stably() {
        // Pairs sorted by their first number only: equal ones keep their order.
        let items: Vec<(u32, usize)> = (0..100_000)
            .map(|i| ((i * 7919 % 1000) as u32, i))
            .collect();
        let mut expected = items.clone();
        expected.sort_by_key(|p| p.0);
        assert_eq!(sort_by(items, |a, b| a.0.cmp(&b.0)), expected);
    }

    #[test]
    fn maps_keep_the_order() {
        let items: Vec<usize> = (0..100_000).collect();
        assert_eq!(
            map(&items, |i| i * 2),
            items.iter().map(|i| i * 2).collect::<Vec<_>>()
        );
        assert_eq!(map_slices(&items[..5], |s| s.len()), [5]);
    }
}
