//! `decided_by` is exactly the entries that decided an answer (issue 13, point 1): the
//! exception used is in it, a review policy a listed party overrode is not, and no id appears
//! twice; `diff` traces a change of exception to the exception entries.

use earl_engine::explore::diff::DiffRequest;
use earl_engine::{CheckRequest, Engine, Item, ListsSource};
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    Engine::new(
        earl_data::Dataset::bundled().expect("bundled data loads"),
        ListsSource::Bundled,
    )
});

fn decided(chip: &str, to: &str, date: &str, end_user: Option<&str>) -> Vec<String> {
    ENGINE
        .check(&CheckRequest {
            item: Item::Catalog(chip.into()),
            to: to.into(),
            from: None,
            end_user: end_user.map(str::to_string),
            end_user_hq: None,
            date: date.parse().unwrap(),
            scenario: None,
            quantity: None,
            ownership: None,
            made: Default::default(),
        })
        .unwrap()
        .determination
        .decided_by
}

#[test]
fn the_exception_used_decides_and_an_overridden_review_does_not() {
    let aca = decided("RTX 4090", "SA", "2025-06-01", None);
    assert_eq!(
        aca,
        vec!["jur-us-located", "3A090.a.1", "ac-dest", "aca", "rp-d1d4"]
    );
    let huawei = decided(
        "H200",
        "CN",
        "2026-03-01",
        Some("Huawei Technologies Co., Ltd."),
    );
    assert!(huawei.contains(&"party-el".to_string()));
    assert!(!huawei.contains(&"rp-2026-lane".to_string()), "{huawei:?}");
    assert!(
        !huawei.iter().any(|id| id.starts_with("cond-lane")),
        "{huawei:?}"
    );
}

#[test]
fn no_entry_is_named_twice() {
    for chip in ["H100", "H200", "RTX 4090", "H20", "A800", "T4"] {
        for to in ["CN", "SA", "RU", "DE", "AE", "MO"] {
            for date in [
                "2022-11-01",
                "2023-10-30",
                "2024-06-01",
                "2026-03-01",
                "2026-12-01",
            ] {
                for party in [None, Some("Huawei Technologies Co., Ltd.")] {
                    let ids = decided(chip, to, date, party);
                    let mut unique = ids.clone();
                    unique.sort();
                    unique.dedup();
                    assert_eq!(unique.len(), ids.len(), "{chip} {to} {date}: {ids:?}");
                }
            }
        }
    }
}

#[test]
fn diff_traces_a_change_of_exception_to_its_entries() {
    // 89 FR 23876 (effective Apr 4, 2024) split NAC: the D:1/D:4 branch became ACA.
    let r = ENGINE
        .diff(&DiffRequest {
            from: "2024-04-03".into(),
            to: "2024-04-04".into(),
            destinations: vec!["SA".into()],
            chips: vec!["RTX 4090".into()],
            scenario_date: "2024-04-04".parse().unwrap(),
        })
        .unwrap();
    let c = &r.changes[0];
    assert_eq!(c.from.license_exception.as_deref(), Some("NAC"));
    assert_eq!(c.to.license_exception.as_deref(), Some("ACA"));
    assert!(
        c.because
            .entries_added
            .iter()
            .any(|e| e.kind == "exception" && e.id == "aca")
    );
    assert!(
        c.because
            .entries_dropped
            .iter()
            .any(|e| e.kind == "exception" && e.id == "nac-2023")
    );
}
