//! Matching quality on a labelled set: precision, recall and F1 by category.
//!
//! Sources: `tests/data/pairs.csv` (labelled pairs copied from moov-io/watchman's
//! cascade-name-pairs.csv and cross_script_pairs.csv), `tests/data/screening.csv` (queries for
//! listed Chinese chip/AI companies in Chinese and Latin spellings, Arabic and Cyrillic names of
//! SDN entries, and well-known companies checked absent from the 2026-07-31 CSL), and
//! perturbations of real CSL names made here. Run with `--nocapture` to see the table.

use earl_screen::{DEFAULT_THRESHOLD, ListCode, Query, Screener, ScreeningLists};
use std::collections::BTreeMap;
use std::sync::OnceLock;

fn screener() -> &'static (ScreeningLists, Screener) {
    static SCREENER: OnceLock<(ScreeningLists, Screener)> = OnceLock::new();
    SCREENER.get_or_init(|| {
        let lists = ScreeningLists::bundled();
        let screener = Screener::new(&lists);
        (lists, screener)
    })
}

/// One labelled case: its category, whether it should match, and the score that decides it
/// (the best score of the expected entry, or of any entry for a negative).
struct Case {
    category: String,
    positive: bool,
    score: f64,
    label: String,
}

fn pair_cases() -> Vec<Case> {
    let (_, screener) = screener();
    let mut reader =
        csv::Reader::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/pairs.csv"))
            .unwrap();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let score = screener.compare(&r[0], &r[1], None).score;
            Case {
                category: format!("pairs/{}", &r[3]),
                positive: &r[2] == "true",
                score,
                label: format!("{} | {}", &r[0], &r[1]),
            }
        })
        .collect()
}

/// Best score of an entry whose name or matched alias contains `expected`; with an empty
/// `expected`, the best score of any entry.
fn screen_score(query: &str, expected: &str) -> f64 {
    let (_, screener) = screener();
    let mut q = Query::new(query);
    q.threshold = Some(0.5);
    q.include_below = true;
    let expected = expected.to_lowercase();
    screener
        .screen(&q)
        .matches
        .iter()
        .filter(|m| {
            expected.is_empty()
                || m.name.to_lowercase().contains(&expected)
                || m.matched_name.to_lowercase().contains(&expected)
        })
        .map(|m| m.score)
        .fold(0.0, f64::max)
}

fn screening_cases() -> Vec<Case> {
    let mut reader = csv::Reader::from_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/screening.csv"
    ))
    .unwrap();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            Case {
                category: format!("screen/{}", &r[2]),
                positive: !r[1].is_empty(),
                score: screen_score(&r[0], &r[1]),
                label: r[0].to_string(),
            }
        })
        .collect()
}

/// Real Entity List and SDN names, perturbed the ways customer records differ from the list:
/// upper case, an adjacent-letter swap, word order, a changed legal form, added diacritics.
fn perturbation_cases() -> Vec<Case> {
    let (lists, screener) = screener();
    let mut cases = Vec::new();
    let sample = lists
        .entries
        .iter()
        .filter(|e| matches!(e.list, ListCode::El | ListCode::Sdn))
        .step_by(97);
    for entry in sample {
        // "X (CETC 13). Subordinate Institution - Y", "X (CSSC) 12th Research Institute": cutting
        // at the parenthesis would leave the parent's name, which is another entry.
        let continues = entry.name.split_once(" (").is_some_and(|(_, rest)| {
            rest.split_once(')')
                .is_some_and(|(_, after)| !after.trim_matches(['.', ',', ' ']).is_empty())
        });
        if continues {
            continue;
        }
        let name = entry
            .name
            .split(" (")
            .next()
            .unwrap_or(&entry.name)
            .trim_end_matches(['.', ','])
            .to_string();
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() < 2 || name.len() > 80 {
            continue;
        }
        let longest = words.iter().copied().max_by_key(|w| w.len()).unwrap();
        let variants = [
            ("case", name.to_uppercase()),
            ("typo", name.replacen(longest, &swap_middle(longest), 1)),
            (
                "reorder",
                words.iter().rev().copied().collect::<Vec<_>>().join(" "),
            ),
            ("legal_form", format!("{name} Co., Ltd.")),
            ("diacritics", name.replace('e', "é").replace('a', "à")),
        ];
        for (kind, variant) in variants {
            let mut q = Query::new(variant.clone());
            q.threshold = Some(0.5);
            q.include_below = true;
            let score = screener
                .screen(&q)
                .matches
                .iter()
                .filter(|m| m.name == entry.name)
                .map(|m| m.score)
                .fold(0.0, f64::max);
            cases.push(Case {
                category: format!("perturbed/{kind}"),
                positive: true,
                score,
                label: variant,
            });
        }
    }
    cases
}

fn swap_middle(word: &str) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.len() >= 4 {
        let mid = chars.len() / 2;
        chars.swap(mid - 1, mid);
    }
    chars.into_iter().collect()
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    tn: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, case: &Case, threshold: f64) {
        match (case.positive, case.score >= threshold) {
            (true, true) => self.tp += 1,
            (true, false) => self.fn_ += 1,
            (false, true) => self.fp += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn tally(cases: &[Case], threshold: f64) -> Counts {
    let mut counts = Counts::default();
    cases.iter().for_each(|c| counts.add(c, threshold));
    counts
}

#[test]
fn precision_recall_f1_by_category() {
    let mut cases = pair_cases();
    cases.extend(screening_cases());
    cases.extend(perturbation_cases());

    let mut by_category: BTreeMap<&str, Counts> = BTreeMap::new();
    for case in &cases {
        by_category
            .entry(&case.category)
            .or_default()
            .add(case, DEFAULT_THRESHOLD);
    }
    println!("\nthreshold {DEFAULT_THRESHOLD}");
    println!(
        "{:<26} {:>5} {:>4} {:>4} {:>4} {:>4} {:>9} {:>7} {:>6}",
        "category", "cases", "tp", "fp", "tn", "fn", "precision", "recall", "f1"
    );
    let mut overall = Counts::default();
    for (category, c) in &by_category {
        println!(
            "{category:<26} {:>5} {:>4} {:>4} {:>4} {:>4} {:>9.3} {:>7.3} {:>6.3}",
            c.tp + c.fp + c.tn + c.fn_,
            c.tp,
            c.fp,
            c.tn,
            c.fn_,
            c.precision(),
            c.recall(),
            c.f1()
        );
        overall.tp += c.tp;
        overall.fp += c.fp;
        overall.tn += c.tn;
        overall.fn_ += c.fn_;
    }
    println!(
        "{:<26} {:>5} {:>4} {:>4} {:>4} {:>4} {:>9.3} {:>7.3} {:>6.3}",
        "overall",
        cases.len(),
        overall.tp,
        overall.fp,
        overall.tn,
        overall.fn_,
        overall.precision(),
        overall.recall(),
        overall.f1()
    );
    println!("\nthreshold sweep (overall):");
    for step in 0..=10 {
        let threshold = 0.70 + 0.025 * step as f64;
        let c = tally(&cases, threshold);
        println!(
            "  {threshold:.3}: precision {:.3} recall {:.3} f1 {:.3}",
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
    println!("\nerrors at the default threshold:");
    for case in cases
        .iter()
        .filter(|c| c.positive != (c.score >= DEFAULT_THRESHOLD))
    {
        println!(
            "  {:<22} {} {:.3} {}",
            case.category,
            if case.positive { "missed" } else { "false+" },
            case.score,
            case.label
        );
    }
    let cross_script: Counts = cases
        .iter()
        .filter(|c| c.category.ends_with("cross_script"))
        .fold(Counts::default(), |mut acc, c| {
            acc.add(c, DEFAULT_THRESHOLD);
            acc
        });
    assert!(
        cross_script.tp > 0,
        "cross-script cases are part of the set"
    );
    assert!(
        overall.f1() >= 0.9,
        "overall F1 {:.3} below 0.9",
        overall.f1()
    );
}
