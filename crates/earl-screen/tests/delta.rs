//! Re-screening through a [`Delta`] equals screening against the new lists in full, for random
//! edits of a list (entries removed, added, renamed, given or stripped of an alias) and names
//! drawn from both lists, misspelt, shortened and made up.

use earl_screen::delta::Delta;
use earl_screen::{Entry, Query, Screener, ScreeningLists};
use proptest::prelude::*;
use std::sync::OnceLock;

fn bundled() -> &'static ScreeningLists {
    static LISTS: OnceLock<ScreeningLists> = OnceLock::new();
    LISTS.get_or_init(ScreeningLists::bundled)
}

/// What a re-screen keeps of a screening: each hit's entry, name matched and score.
fn hits(screener: &Screener, name: &str) -> Vec<(String, String, String, String, u64)> {
    let mut hits: Vec<_> = screener
        .screen(&Query::new(name))
        .matches
        .into_iter()
        .filter(|m| !m.below_threshold)
        .map(|m| {
            (
                m.entry_id,
                m.entry_hash,
                m.name,
                m.matched_name,
                m.score.to_bits(),
            )
        })
        .collect();
    hits.sort();
    hits
}

/// One edit of the old list.
#[derive(Debug, Clone)]
enum Edit {
    Remove(usize),
    /// An entry of the bundled lists from outside the old list.
    Add(usize),
    /// A letter of the primary name replaced.
    Rename(usize, usize),
    /// Another entry's name given as an alias.
    Alias(usize, usize),
    /// The aliases dropped.
    Unalias(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<usize>().prop_map(Edit::Remove),
        any::<usize>().prop_map(Edit::Add),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Rename(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Alias(a, b)),
        any::<usize>().prop_map(Edit::Unalias),
    ]
}

/// How a query name is drawn from an entry's name.
#[derive(Debug, Clone)]
enum Draw {
    AsListed,
    /// One letter dropped.
    Typo(usize),
    /// The first word left out.
    Shortened,
}

fn apply(old: &[Entry], pool: &[Entry], edits: &[Edit]) -> Vec<Entry> {
    let mut new = old.to_vec();
    for e in edits {
        if new.is_empty() {
            break;
        }
        match *e {
            Edit::Remove(i) => {
                new.remove(i % new.len());
            }
            Edit::Add(i) => {
                let at = i % (new.len() + 1);
                new.insert(at, pool[i % pool.len()].clone());
            }
            Edit::Rename(i, at) => {
                let n = new.len();
                let name: Vec<char> = new[i % n].name.chars().collect();
                let at = at % name.len().max(1);
                let renamed: String = name
                    .iter()
                    .enumerate()
                    .map(|(j, &c)| if j == at { 'x' } else { c })
                    .collect();
                new[i % n].name = renamed;
            }
            Edit::Alias(i, j) => {
                let n = new.len();
                let alias = pool[j % pool.len()].name.clone();
                new[i % n].alt_names.push(alias);
            }
            Edit::Unalias(i) => {
                let n = new.len();
                new[i % n].alt_names.clear();
            }
        }
    }
    new
}

fn drawn(name: &str, draw: &Draw) -> String {
    match *draw {
        Draw::AsListed => name.to_string(),
        Draw::Typo(at) => {
            let chars: Vec<char> = name.chars().collect();
            let at = at % chars.len().max(1);
            chars
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != at)
                .map(|(_, c)| c)
                .collect()
        }
        Draw::Shortened => name
            .split_whitespace()
            .skip(1)
            .collect::<Vec<_>>()
            .join(" "),
    }
}

fn lists(entries: Vec<Entry>) -> ScreeningLists {
    ScreeningLists {
        entries,
        provenance: bundled().provenance.clone(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn a_delta_rescreen_equals_a_full_one(
        start in 0usize..20_000,
        edits in prop::collection::vec(edit(), 1..40),
        draws in prop::collection::vec((any::<usize>(), prop_oneof![
            Just(Draw::AsListed),
            any::<usize>().prop_map(Draw::Typo),
            Just(Draw::Shortened),
        ]), 60),
    ) {
        let all = &bundled().entries;
        let window = 1_500;
        let old: Vec<Entry> = all[start..start + window].to_vec();
        let pool: Vec<Entry> = all[..start].iter().chain(&all[start + window..]).cloned().collect();
        let new = apply(&old, &pool, &edits);
        let (old_index, new_index) = (Screener::new(&lists(old.clone())), Screener::new(&lists(new.clone())));
        let delta = Delta::between(&old_index, &new_index);
        let mut names: Vec<String> = draws
            .iter()
            .map(|(i, draw)| {
                // From the old list, the new list and the bundled lists beyond both, in turn.
                let source = match i % 3 {
                    0 => &old[i % old.len()],
                    1 if !new.is_empty() => &new[i % new.len()],
                    _ => &all[i % all.len()],
                };
                drawn(&source.name, draw)
            })
            .collect();
        names.extend(["Huawei Technologies", "Bright Star Electronics Co., Ltd.", "Mohammad Ali"].map(String::from));
        let mut reused_hits = 0;
        for name in &names {
            let full = hits(&new_index, name);
            if delta.affects(name) {
                continue;
            }
            let kept = hits(&old_index, name);
            prop_assert_eq!(&kept, &full, "{} was not affected by the edits", name);
            reused_hits += kept.len();
        }
        // The property must not hold vacuously: most names drawn from the old list keep hits.
        prop_assert!(reused_hits > 0 || edits.len() > 30, "no hit was kept");
    }
}

/// Each thread keeps the listed names it decoded for its next queries: two indexes screened in
/// turn on one thread (a re-screen reads the old lists and the new) must each read their own
/// names, though their name ids are the same. Here the first name of each list is another
/// entity, and each index answers as a fresh one would.
#[test]
fn two_indexes_in_turn_each_read_their_own_names() {
    let entries = &bundled().entries;
    let named = |name: &str| {
        entries
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name} is a bundled entry"))
            .clone()
    };
    let a = Screener::new(&lists(vec![named("Huawei Technologies Co., Ltd.")]));
    let b = Screener::new(&lists(vec![named(
        "Moscow Institute of Physics and Technology",
    )]));
    let alone_a = hits(
        &Screener::new(&lists(vec![named("Huawei Technologies Co., Ltd.")])),
        "Huawei Technologies",
    );
    assert_eq!(alone_a.len(), 1, "{alone_a:?}");
    for _ in 0..3 {
        assert_eq!(hits(&a, "Huawei Technologies"), alone_a);
        assert_eq!(hits(&b, "Huawei Technologies"), vec![]);
        assert_eq!(
            hits(&b, "Moscow Institute of Physics and Technology").len(),
            1
        );
        assert_eq!(
            hits(&a, "Moscow Institute of Physics and Technology"),
            vec![]
        );
    }
}
