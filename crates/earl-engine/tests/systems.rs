//! Systems under ECCN 4A090 (issue 15): classification from the contained chips, each per
//! contained IC, and licence checks through the rules that name 3A090 and 4A090 together.

use earl_core::rules::ReviewPolicy;
use earl_engine::{CheckAnswer, CheckRequest, ClassifyAnswer, Engine, Item, ListsSource};
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    Engine::new(
        earl_data::Dataset::bundled().expect("bundled data loads"),
        ListsSource::Bundled,
    )
});

fn classify(item: Item, date: &str) -> ClassifyAnswer {
    ENGINE
        .classify(&item, date.parse().unwrap(), None)
        .expect("answer")
}

fn check(item: Item, to: &str, date: &str) -> CheckAnswer {
    ENGINE
        .check(&CheckRequest {
            item,
            to: to.into(),
            from: None,
            end_user: None,
            end_user_hq: None,
            date: date.parse().unwrap(),
            scenario: None,
            quantity: None,
            ownership: None,
            made: Default::default(),
        })
        .expect("answer")
}

/// Judged: `earl classify "DGX H200" --date 2026-03-01` is 4A090.a (8 × H200, each 3A090.a.1:
/// TPP 15,831 ≥ 4,800; 4A090.a pairs with 3A090.a, rules.md §2.6).
#[test]
fn dgx_h200_is_4a090_a() {
    let a = classify(Item::Catalog("DGX H200".into()), "2026-03-01");
    assert_eq!(a.eccn.as_deref(), Some("4A090.a"));
    assert!(a.determined);
    let sys = a.system.expect("a system answer");
    assert_eq!(sys.id.as_deref(), Some("dgx-h200"));
    assert_eq!(sys.contains[0].chip, "h200-sxm");
    assert_eq!(sys.contains[0].count, 8);
    assert_eq!(sys.contains[0].paragraph.as_deref(), Some("3A090.a.1"));
    // The 4A090 step is decisive and cites its rule.
    let step = a
        .because
        .iter()
        .find(|s| s.entry.as_deref() == Some("4A090.a"))
        .expect("the 4A090.a step");
    assert!(step.decisive);
    assert!(step.cite.contains("88 FR 73458"));
}

/// Judged: `earl check "HGX B200" --to CN --date 2026-03-01` requires a licence. "HGX B200" is
/// the 8-GPU board, not the chip (the chip's HGX aliases were removed).
#[test]
fn hgx_b200_to_china_needs_a_licence() {
    let a = check(Item::Catalog("HGX B200".into()), "CN", "2026-03-01");
    let d = &a.determination;
    assert_eq!(d.license_required, Some(true));
    assert_eq!(d.eccn.as_deref(), Some("4A090.a"));
    assert_eq!(d.chip, None);
    assert_eq!(d.system.as_ref().unwrap().id.as_deref(), Some("hgx-b200-8"));
    // B200's TPP (36,000) is above the lane's 21,000: the presumption of denial stands.
    assert_eq!(d.review_policy, Some(ReviewPolicy::PresumptionOfDenial));
    assert!(ENGINE.chip("HGX B200").is_err());
}

/// Before ECCN 3A090/4A090 existed (87 FR 62186, effective 2022-10-07) a DGX H100 is not 4A090;
/// from that date it is 4A090.a (the 2022 3A090.a: 600 GB/s I/O and TPP ≥ 4800).
#[test]
fn the_4a090_dates() {
    let before = classify(Item::Catalog("DGX H100".into()), "2022-10-06");
    assert_eq!(before.eccn, None);
    assert!(before.determined);
    let after = classify(Item::Catalog("DGX H100".into()), "2023-12-01");
    assert_eq!(after.eccn.as_deref(), Some("4A090.a"));
}

/// The Jan 2026 lane's caps are read per contained IC: a DGX H200 to China is case by case, as
/// the H200 is, and the answer says which reading was taken and cites the other.
#[test]
fn the_lane_is_read_per_contained_ic() {
    let a = check(Item::Catalog("DGX H200".into()), "CN", "2026-03-01");
    let d = &a.determination;
    assert_eq!(d.license_required, Some(true));
    assert_eq!(d.review_policy, Some(ReviewPolicy::CaseByCase));
    let notice = d
        .notices
        .iter()
        .find(|s| s.entry.as_deref() == Some("notice-lane-per-ic"))
        .expect("the per-IC reading is stated");
    assert!(notice.cite.contains("91 FR 1684") && notice.cite.contains("CSET"));
    // The chip's own answer carries no such notice.
    let chip = check(Item::Catalog("H200".into()), "CN", "2026-03-01");
    assert!(
        !chip
            .determination
            .notices
            .iter()
            .any(|s| s.entry.as_deref() == Some("notice-lane-per-ic"))
    );
    assert!(
        !d.not_checked
            .iter()
            .any(|s| s.entry.as_deref() == Some("nc-4a090"))
    );
    assert!(
        d.not_checked
            .iter()
            .any(|s| s.entry.as_deref() == Some("nc-4a090-parts"))
    );
}

/// A China-variant board whose chip is not 3A090 is not 4A090, but the H20 letter (Apr 2025)
/// still requires a licence: a system is never cleared where its chip is not.
#[test]
fn hgx_h20_is_not_cleared() {
    let a = check(Item::Catalog("HGX H20".into()), "CN", "2026-03-01");
    assert_eq!(a.determination.eccn, None);
    assert_eq!(a.determination.license_required, Some(true));
    let chip = check(Item::Catalog("H20".into()), "CN", "2026-03-01");
    assert_eq!(chip.determination.license_required, Some(true));
}

/// `--contains` gives a custom system; 8 × H200 is what a DGX H200 is.
#[test]
fn a_custom_system_matches_the_catalog_one() {
    let custom = check(Item::Contains(vec![("H200".into(), 8)]), "CN", "2026-03-01");
    let dgx = check(Item::Catalog("DGX H200".into()), "CN", "2026-03-01");
    assert_eq!(custom.determination.eccn, dgx.determination.eccn);
    assert_eq!(
        custom.determination.license_required,
        dgx.determination.license_required
    );
    assert_eq!(
        custom.determination.review_policy,
        dgx.determination.review_policy
    );
    assert!(custom.determination.system.as_ref().unwrap().id.is_none());
    // A mix is judged by its strictest chip: a B200 in it takes it out of the lane.
    let mixed = check(
        Item::Contains(vec![("H200".into(), 4), ("B200".into(), 4)]),
        "CN",
        "2026-03-01",
    );
    assert_eq!(mixed.determination.license_required, Some(true));
    assert_eq!(
        mixed.determination.review_policy,
        Some(ReviewPolicy::PresumptionOfDenial)
    );
    // Bad input is an error, not a panic.
    assert!(
        ENGINE
            .check(&CheckRequest {
                item: Item::Contains(vec![("H200".into(), 0)]),
                to: "CN".into(),
                from: None,
                end_user: None,
                end_user_hq: None,
                date: "2026-03-01".parse().unwrap(),
                scenario: None,
                quantity: None,
                ownership: None,
                made: Default::default(),
            })
            .is_err()
    );
    assert!(
        ENGINE
            .classify(
                &Item::System("DGX H999".into()),
                "2026-03-01".parse().unwrap(),
                None
            )
            .is_err()
    );
}

/// Every system names catalog chips and cites the source of its composition; an unverified
/// composition is said to be one.
#[test]
fn every_system_is_sourced() {
    let rows = ENGINE.system_rows();
    assert!(rows.len() >= 30, "{} systems", rows.len());
    for r in &rows {
        assert!(!r.cite.text.is_empty(), "{}", r.id);
        assert!(
            r.cite.text.contains("systems.md"),
            "{} cites the research note",
            r.id
        );
        for p in r.contains {
            assert!(
                ENGINE.data.catalog.get(&p.chip).is_some(),
                "{}: {}",
                r.id,
                p.chip
            );
        }
    }
    for needed in [
        "dgx-h100",
        "dgx-h200",
        "dgx-b200",
        "dgx-b300",
        "hgx-h100-8",
        "hgx-h200-8",
        "hgx-b200-8",
        "hgx-b300-8",
        "gb200-nvl72",
        "hgx-h20-8",
        "amd-mi300x-platform",
        "amd-mi325x-platform",
        "dell-xe9680-h200",
        "smc-821ge-tnhr-h100",
    ] {
        assert!(rows.iter().any(|r| r.id == needed), "{needed}");
    }
    let nvl72 = rows.iter().find(|r| r.id == "gb200-nvl72").unwrap();
    assert_eq!(nvl72.accelerators, 72);
    let b300 = rows.iter().find(|r| r.id == "hgx-b300-8").unwrap();
    assert_eq!(b300.accelerators, 8, "packages, not dies");
    let weak = classify(Item::Catalog("GB200 NVL4".into()), "2026-03-01");
    assert!(
        weak.hinges_on_unverified
            .iter()
            .any(|h| h.contains("composition"))
    );
}
