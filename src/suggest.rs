//! "Did you mean": the known values closest to what a user typed.

use crate::city::fold;

/// Up to three of `known` closest to `typed` (ignoring case and diacritics), closest
/// first; none when nothing is near enough to be a likely typo.
pub fn closest(typed: &str, known: &[&str]) -> Vec<String> {
    let typed = fold(typed.trim());
    let mut scored: Vec<(usize, &str)> = known
        .iter()
        .map(|k| (distance(&typed, &fold(k)), *k))
        .filter(|(d, k)| *d <= (fold(k).chars().count().max(typed.chars().count()) / 3).max(1))
        .collect();
    scored.sort();
    let mut names: Vec<String> = Vec::new();
    for (_, name) in scored {
        if !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    }
    names.truncate(3);
    names
}

/// Levenshtein edit distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
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

    #[test]
    fn typos_find_their_word() {
        assert_eq!(distance("kitten", "sitting"), 3);
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
}
