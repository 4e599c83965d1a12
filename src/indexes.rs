//! indexes — pure functions behind the index pages: the initial letter an entry is filed under
//! in an A–Z index, and the outputs related to an output. Computed once per build.

use std::collections::HashMap;

use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;

use crate::site::{Id, Item, Output};

/// The letter an A–Z index files `sort_key` under: its first letter without accents or marks
/// (É under E, آ under ا), upper-cased; `#` for keys that start with no letter.
pub(crate) fn initial(sort_key: &str) -> String {
    let Some(first) = sort_key.trim_start().chars().find(|c| c.is_alphanumeric()) else {
        return "#".into();
    };
    if first.is_numeric() {
        return "#".into();
    }
    let base = first.to_string().nfd().next().unwrap_or(first);
    base.to_uppercase().collect()
}

/// How many outputs on each side of an output, in date order, are candidates from each topic
/// or author list it is on. Lists of topics (and of prolific organisations) grow with the
/// portal: scoring every output on them made the work grow with the square of the number of
/// outputs (100 s of 470 at 100,000 outputs); the window keeps it linear, and prefers outputs of
/// the same period.
const WINDOW: usize = 100;

/// Up to `max` outputs related to each output: most shared topics and authors first, then the
/// newest, then by slug. Candidates are the outputs near it in date (`WINDOW`) on each list of
/// a topic or author it has, on each output's base version.
pub(crate) fn related(outputs: &[Item<Output>], max: usize) -> Vec<Vec<Id>> {
    // Each list in the order the result prefers: newest first, then by slug.
    let newest_first = |&a: &usize, &b: &usize| {
        let (va, vb) = (outputs[a].base(), outputs[b].base());
        vb.date
            .sort_key()
            .cmp(&va.date.sort_key())
            .then_with(|| outputs[a].slug.cmp(&outputs[b].slug))
    };
    let mut by_topic: HashMap<Id, Vec<usize>> = HashMap::new();
    let mut by_author: HashMap<Id, Vec<usize>> = HashMap::new();
    for (i, o) in outputs.iter().enumerate() {
        let v = o.base();
        for t in &v.topics {
            by_topic.entry(*t).or_default().push(i);
        }
        for a in &v.authors {
            by_author.entry(*a).or_default().push(i);
        }
    }
    // Where each output is on each of its lists.
    let mut at: HashMap<(bool, Id, usize), usize> = HashMap::new();
    for (is_topic, map) in [(true, &mut by_topic), (false, &mut by_author)] {
        for (key, list) in map.iter_mut() {
            list.sort_by(newest_first);
            list.dedup();
            at.extend(
                list.iter()
                    .enumerate()
                    .map(|(pos, &i)| ((is_topic, *key, i), pos)),
            );
        }
    }
    let window = |is_topic: bool, key: &Id, i: usize| -> &[usize] {
        let map = if is_topic { &by_topic } else { &by_author };
        match (map.get(key), at.get(&(is_topic, *key, i))) {
            (Some(list), Some(&pos)) => {
                &list[pos.saturating_sub(WINDOW)..(pos + WINDOW + 1).min(list.len())]
            }
            _ => &[],
        }
    };
    // Outputs are scored in parallel, each thread with its own score table.
    outputs
        .par_iter()
        .enumerate()
        .map_init(
            || (vec![0u32; outputs.len()], Vec::new()),
            |(scores, touched), (i, o)| {
                let v = o.base();
                let lists = v
                    .topics
                    .iter()
                    .map(|t| window(true, t, i))
                    .chain(v.authors.iter().map(|a| window(false, a, i)));
                for list in lists {
                    for &j in list {
                        if j != i {
                            if scores[j] == 0 {
                                touched.push(j);
                            }
                            scores[j] += 1;
                        }
                    }
                }
                let order = |&a: &usize, &b: &usize| {
                    let (va, vb) = (outputs[a].base(), outputs[b].base());
                    scores[b]
                        .cmp(&scores[a])
                        .then_with(|| vb.date.sort_key().cmp(&va.date.sort_key()))
                        .then_with(|| outputs[a].slug.cmp(&outputs[b].slug))
                };
                // Only the first `max` are sorted: linear in the candidates, not n log n.
                let k = max.min(touched.len());
                if touched.len() > k && k > 0 {
                    touched.select_nth_unstable_by(k - 1, order);
                }
                touched[..k].sort_unstable_by(order);
                let top = touched[..k].iter().map(|&j| Id(j)).collect();
                for &j in touched.iter() {
                    scores[j] = 0;
                }
                touched.clear();
                top
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_fold_accents_and_marks() {
        assert_eq!(initial("Élodie"), "E");
        assert_eq!(initial("eve"), "E");
        assert_eq!(initial("Zoé"), "Z");
        assert_eq!(initial("آمنہ"), "ا");
        assert_eq!(initial("ٹیپو"), "ٹ");
        assert_eq!(initial("پروین"), "پ");
        assert_eq!(initial("« Dastak »"), "D");
        assert_eq!(initial("1990 group"), "#");
        assert_eq!(initial(""), "#");
    }
}
