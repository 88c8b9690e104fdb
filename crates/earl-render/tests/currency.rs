//! The printers that keep answers current (`earl lists diff`, `earl audit rescreen`, `earl
//! audit recheck`), in every language, as snapshots: English as it always was, Arabic and
//! Chinese wholly translated except list codes, names, hashes and record numbers.

use earl_core::party::{HitReview, Reraised, ReviewNote};
use earl_engine::reexamine::{
    ListsUsed, NotRead, Outcome, PartyChange, RecheckReport, Rechecked, RescreenReport,
    UnchangedByUpdate,
};
use earl_engine::{Engine, ListsSource};
use earl_render::{Lang, currency};
use serde_json::Value;
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    Engine::new(
        earl_data::Dataset::bundled().expect("bundled data loads"),
        ListsSource::Bundled,
    )
});

const BUNDLED: &str = include_str!("../../../data/csl/consolidated.csv");
const MOORE: &str = "Moore Thread Intelligent Technology (Beijing) Co., Ltd.";

fn render(print: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    print(&mut out).expect("printing to memory");
    String::from_utf8(out).expect("UTF-8")
}

/// English is snapshotted as it is; every other language must differ from it, fall back on
/// no message, and keep every name, list code, hash and record number English shows.
fn in_every_language(name: &str, kept: &[&str], answer: &impl Fn(Lang) -> String) {
    let english = answer(Lang::En);
    insta::assert_snapshot!(format!("{name}_en"), english);
    for lang in [Lang::Ar, Lang::ZhHans] {
        let text = answer(lang);
        assert!(
            !text.contains(earl_render::i18n::FALLBACK_MARK),
            "{lang}: a message fell back to English:\n{text}"
        );
        assert_ne!(text, english, "{lang}");
        for k in kept {
            assert!(english.contains(k), "English lacks {k}:\n{english}");
            assert!(text.contains(k), "{lang} lacks {k}:\n{text}");
        }
        let snapshot = format!("{name}_{}", lang.tag().replace('-', "_").to_lowercase());
        insta::assert_snapshot!(snapshot, text);
    }
}

/// The header and bundled rows `from..=to` (1-based line numbers), except those `drop` holds.
fn slice(from: usize, to: usize, drop: impl Fn(&str) -> bool) -> String {
    let mut lines = BUNDLED.lines();
    let mut out = format!("{}\n", lines.next().unwrap());
    for (i, line) in lines.enumerate() {
        if (from..=to).contains(&(i + 2)) && !drop(line) {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn lists_diff_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.csv"), dir.path().join("new.csv"));
    // Moore Threads is added by the newer version; the rows past 4395 are removed by it.
    std::fs::write(&old, slice(4200, 4400, |l| l.contains("Moore Thread"))).unwrap();
    std::fs::write(&new, slice(4200, 4395, |_| false)).unwrap();
    let load = |p: &std::path::Path| earl_screen::ScreeningLists::from_path(p).unwrap();
    let d = earl_screen::diff::diff(&load(&old), &load(&new));
    assert!(d.added.iter().any(|e| e.name == MOORE));
    assert!(!d.removed.is_empty());
    let kept = [MOORE, "old.csv", "new.csv", &d.from.sha256[..16]];
    in_every_language("lists_diff", &kept, &|lang| {
        render(|w| currency::lists_diff(w, &d, lang))
    });
    let same = earl_screen::diff::diff(&load(&new), &load(&new));
    in_every_language("lists_diff_same", &["new.csv"], &|lang| {
        render(|w| currency::lists_diff(w, &same, lang))
    });
}

fn lists_used() -> ListsUsed {
    let p = ENGINE.list_provenance().unwrap();
    ListsUsed {
        source_file: p.source_file,
        sha256: p.sha256,
        generated: p.generated,
        warnings: Vec::new(),
        warning_facts: Vec::new(),
    }
}

fn note() -> ReviewNote {
    ReviewNote {
        disposition: 12,
        reviewer: "analyst".into(),
        date: "2026-02-01".parse().unwrap(),
        reason: "different address".into(),
        expires: None,
    }
}

#[test]
fn rescreen_in_every_language() {
    let hit = |records: Vec<u64>, review: Option<HitReview>| PartyChange {
        name: "Moore Threads".into(),
        entry: MOORE.into(),
        matched_name: "Moore Threads".into(),
        list: "EL".into(),
        score: 0.97,
        records,
        review,
    };
    let report = RescreenReport {
        parties: 3,
        occurrences: 14,
        records: 12,
        screened: 1,
        reused: 2,
        from_records: 0,
        unchanged_by_update: Some(UnchangedByUpdate {
            earlier_lists: "ab".repeat(32),
            entries_added: 3,
            entries_removed: 1,
            names: 2,
        }),
        lists: lists_used(),
        new_hits: vec![hit((1..=12).collect(), None)],
        reraised: vec![hit(
            vec![4],
            Some(HitReview::Reraised {
                note: note(),
                why: Reraised::EntryChanged {
                    reviewed_hash: "1111".into(),
                    current_hash: "2222".into(),
                },
            }),
        )],
        cleared: vec![],
        not_read: vec![NotRead {
            record: 9,
            reason: "expected value at line 1 column 1".into(),
        }],
    };
    let kept = [MOORE, "EL", "0.97", "abababababababab", "1111"];
    in_every_language("rescreen", &kept, &|lang| {
        render(|w| currency::rescreen(w, &report, lang))
    });
    let quiet = RescreenReport {
        unchanged_by_update: None,
        new_hits: vec![],
        reraised: vec![],
        not_read: vec![],
        ..report.clone()
    };
    in_every_language("rescreen_unchanged", &[], &|lang| {
        render(|w| currency::rescreen(w, &quiet, lang))
    });
}

fn outcome(licence: Value, prohibited: Value) -> Outcome {
    Outcome {
        eccn: Value::from("3A090.a.1"),
        license_required: licence,
        prohibited,
        license_exception: Value::Null,
        review_policy: Value::Null,
        matches: vec![],
        decided_by: vec![],
    }
}

#[test]
fn recheck_in_every_language() {
    let report = RecheckReport {
        records: 5,
        questions: 2,
        since: None,
        rules_hash: "cd".repeat(32),
        lists: lists_used(),
        ownership_graph: Some("test-graph-1".into()),
        changed: vec![
            Rechecked {
                record: 3,
                date: "2026-03-01".parse().unwrap(),
                before: outcome(Value::Bool(false), Value::Bool(false)),
                after: outcome(Value::Bool(true), Value::Bool(false)),
                decided_by: vec![format!("EL: {MOORE}")],
            },
            Rechecked {
                record: 4,
                date: "2026-03-02".parse().unwrap(),
                before: outcome(Value::Bool(true), Value::Bool(false)),
                after: outcome(Value::Null, Value::Bool(true)),
                decided_by: vec![],
            },
        ],
        not_rechecked: vec![],
    };
    let kept = [MOORE, "2026-03-01", "test-graph-1"];
    in_every_language("recheck", &kept, &|lang| {
        render(|w| currency::recheck(w, &report, lang))
    });
    let none = RecheckReport {
        changed: vec![],
        ownership_graph: None,
        not_rechecked: vec![NotRead {
            record: 7,
            reason: "expected value at line 1 column 1".into(),
        }],
        ..report.clone()
    };
    in_every_language("recheck_none_changed", &[], &|lang| {
        render(|w| currency::recheck(w, &none, lang))
    });
}

#[test]
fn lists_in_use_in_every_language() {
    let p = ENGINE.list_provenance().unwrap();
    in_every_language("lists_in_use", &[p.source_file.as_str()], &|lang| {
        render(|w| currency::lists_in_use(w, &p, Some(128), lang))
    });
}

#[test]
fn the_status_lines_in_every_language() {
    use earl_render::status::{self, Written};
    let path = std::path::Path::new("out/h200-cn.svg");
    // A count drop's warning: a fact of the lists' loader, written in the language.
    let counts = |n: usize| earl_screen::ListCounts {
        per_list: [("EL".to_string(), n)].into(),
        total: n,
    };
    let drops = earl_screen::count_drops(&counts(120), &counts(60));
    assert_eq!(drops.len(), 1, "{drops:?}");
    in_every_language("status", &["out/h200-cn.svg"], &|lang| {
        [
            status::batch_screened(120, 3, 1, lang),
            status::batch_checked(
                status::BatchChecked {
                    rows: 120,
                    checked: 118,
                    required: 40,
                    undetermined: 0,
                    failed: 2,
                },
                lang,
            ),
            status::batch_checked(
                status::BatchChecked {
                    rows: 120,
                    checked: 118,
                    required: 40,
                    undetermined: 7,
                    failed: 2,
                },
                lang,
            ),
            status::audit_exported(1, lang),
            status::audit_exported(12, lang),
            status::written(Written::Matrix, path, lang),
            status::written(Written::Chart, path, lang),
            status::warning(&currency::count_drop(&drops[0], lang), lang),
        ]
        .join("\n")
    });
}

/// The count drops and list warnings: English exactly the loader's sentences (what the JSON
/// carries), and each in every language.
#[test]
fn count_drops_and_list_warnings_in_every_language() {
    use earl_screen::{CountDrop, ListCounts, ListWarning};
    let counts = |pairs: &[(&str, usize)]| ListCounts {
        per_list: pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
        total: pairs.iter().map(|p| p.1).sum(),
    };
    let drops = earl_screen::count_drops(
        &counts(&[("DTC", 686), ("ISN", 161), ("EL", 3420)]),
        &counts(&[("DTC", 515), ("EL", 3400)]),
    );
    assert_eq!(drops.len(), 2, "{drops:?}");
    let warnings: Vec<ListWarning> = drops
        .iter()
        .map(|d| ListWarning::AgainstBundled {
            drop: d.clone(),
            file: "consolidated-2026-11.csv".into(),
        })
        .chain([
            ListWarning::PartialAccepted {
                missing: vec!["EL".into(), "SDN".into()],
            },
            ListWarning::PartialAccepted {
                missing: vec!["SDN".into()],
            },
        ])
        .collect();
    for d in &drops {
        assert_eq!(currency::count_drop(d, Lang::En), d.to_string());
    }
    for w in &warnings {
        assert_eq!(currency::list_warning(w, Lang::En), w.to_string());
    }
    let one = CountDrop {
        list: "EL".into(),
        before: 1,
        now: 0,
    };
    assert_eq!(currency::count_drop(&one, Lang::En), one.to_string());
    in_every_language(
        "list_warnings",
        &[
            "DTC",
            "ISN",
            "686",
            "515",
            "161",
            "consolidated-2026-11.csv",
            "--accept-partial-lists",
        ],
        &|lang| {
            drops
                .iter()
                .map(|d| currency::count_drop(d, lang))
                .chain(warnings.iter().map(|w| currency::list_warning(w, lang)))
                .collect::<Vec<_>>()
                .join("\n")
        },
    );
}

/// `earl update`'s report: a dated JSON list with documents, and an undated CSV with accepted
/// drops and no documents file.
#[test]
fn the_update_report_in_every_language() {
    let documents = vec![
        earl_core::step::DocumentRef {
            document_number: "2026-21001".into(),
            title: "Additions to the Entity List".into(),
            doc_type: "Rule".into(),
            publication_date: "2026-10-20".parse().unwrap(),
            effective_on: Some("2026-10-20".parse().unwrap()),
            citation: Some("91 FR 70001".into()),
            html_url: None,
            cfr_parts: vec![744],
        },
        earl_core::step::DocumentRef {
            document_number: "2026-23002".into(),
            title: "Revisions to License Exception ACA".into(),
            doc_type: "Rule".into(),
            publication_date: "2026-11-13".parse().unwrap(),
            effective_on: None,
            citation: None,
            html_url: None,
            cfr_parts: vec![740],
        },
    ];
    let sha = "1df25030c110304f783371fda58961ad1e07824d94240693e028520d7881cbd3";
    let file = format!("{sha}.json");
    let dated = currency::Update {
        file: &file,
        url: "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json",
        entries: 25_921,
        generated: Some("2026-11-28"),
        fetched_at: "2026-12-01T08:00:00Z",
        sha256: sha,
        previous: "consolidated.csv (bundled)",
        accepted_drops: &[],
        documents: Some(currency::UpdateDocuments {
            since: "2026-10-01",
            pages: 12,
            documents: &documents,
        }),
    };
    let drops = vec![
        earl_screen::CountDrop {
            list: "DTC".into(),
            before: 787,
            now: 394,
        },
        earl_screen::CountDrop {
            list: "ISN".into(),
            before: 161,
            now: 0,
        },
    ];
    let csv = format!("{sha}.csv");
    let undated = currency::Update {
        file: &csv,
        url: "file:///home/a/download/consolidated.csv",
        generated: None,
        accepted_drops: &drops,
        documents: None,
        ..dated
    };
    in_every_language(
        "update",
        &[
            sha,
            "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json",
            "file:///home/a/download/consolidated.csv",
            "2026-12-01T08:00:00Z",
            "consolidated.csv (bundled)",
            "Additions to the Entity List",
            "91 FR 70001",
            "2026-23002",
            "--accept-drop",
            "documents*.json",
        ],
        &|lang| {
            let mut out = render(|w| currency::update(w, &dated, lang));
            out.push_str("---\n");
            out.push_str(&render(|w| currency::update(w, &undated, lang)));
            out
        },
    );
}
