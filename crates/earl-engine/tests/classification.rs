//! Classification under every rule version, on the bundled rules: each threshold on both sides
//! of its boundary, catalog chips on real dates, undetermined cases, and monotonicity.

use earl_core::chip::{ChipKind, CustomSpec};
use earl_core::metrics::MetricName;
use earl_core::step::Reason;
use earl_engine::{ClassifyAnswer, Engine, Item, ListsSource, parse_date};
use proptest::prelude::*;
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    Engine::new(
        earl_data::Dataset::bundled().expect("bundled data loads"),
        ListsSource::Bundled,
    )
});

fn spec(tpp: f64, die: Option<f64>, dc: bool) -> Item {
    Item::Spec(CustomSpec {
        tpp: Some(tpp),
        die_area_mm2: die,
        datacenter: Some(dc),
        ..Default::default()
    })
}

fn classify(item: &Item, date: &str) -> ClassifyAnswer {
    ENGINE
        .classify(item, parse_date(date).unwrap(), None)
        .unwrap()
}

/// The paragraph for a custom chip with TPP `tpp` and PD `pd` (die area chosen to give it).
fn para(tpp: f64, pd: f64, dc: bool, date: &str) -> Option<String> {
    let a = classify(&spec(tpp, Some(tpp / pd), dc), date);
    assert!(
        a.determined,
        "{tpp}/{pd}/{dc} on {date} should be determined: {:?}",
        a.possible
    );
    a.paragraph
}

const D2023: &str = "2024-06-01";

#[test]
fn a1_boundary_tpp_4800_inclusive() {
    assert_eq!(para(4800.0, 1.0, true, D2023).as_deref(), Some("3A090.a.1"));
    assert_eq!(para(4799.99, 1.0, true, D2023), None);
}

#[test]
fn a2_boundaries_tpp_1600_and_pd_5_92_inclusive() {
    assert_eq!(
        para(1600.0, 5.92, true, D2023).as_deref(),
        Some("3A090.a.2")
    );
    assert_eq!(para(1599.99, 5.92, true, D2023), None);
    // PD just under 5.92 with TPP below 2400 falls to b.2 (PD ≥ 3.2).
    assert_eq!(
        para(1600.0, 5.9199, true, D2023).as_deref(),
        Some("3A090.b.2")
    );
}

#[test]
fn b1_boundaries() {
    assert_eq!(para(2400.0, 1.6, true, D2023).as_deref(), Some("3A090.b.1"));
    assert_eq!(para(2399.99, 1.6, true, D2023), None);
    assert_eq!(para(2400.0, 1.5999, true, D2023), None);
    assert_eq!(
        para(4799.0, 5.9199, true, D2023).as_deref(),
        Some("3A090.b.1")
    );
}

#[test]
fn b2_boundaries_pd_3_2_inclusive() {
    assert_eq!(para(1600.0, 3.2, true, D2023).as_deref(), Some("3A090.b.2"));
    assert_eq!(para(1600.0, 3.1999, true, D2023), None);
    // H20's TPP 2,368 and PD 2.91 sit just under both .b tests.
    assert_eq!(para(2368.0, 2.91, true, D2023), None);
}

#[test]
fn note_2_excludes_non_datacenter_chips_below_4800_whatever_their_pd() {
    let a = classify(&spec(4799.0, Some(100.0), false), D2023);
    assert_eq!(a.paragraph, None);
    assert_eq!(a.excluded_by.as_deref(), Some("Note 2 to 3A090"));
    assert_eq!(
        para(4800.0, 50.0, false, D2023).as_deref(),
        Some("3A090.a.1")
    );
}

#[test]
fn oct_2022_rule_needs_both_600_gbps_io_and_tpp_4800() {
    let item = |tpp: f64, c2c: f64| {
        Item::Spec(CustomSpec {
            tpp: Some(tpp),
            chip_to_chip_gbps: Some(c2c),
            ..Default::default()
        })
    };
    assert_eq!(
        classify(&item(4800.0, 600.0), "2023-01-01")
            .paragraph
            .as_deref(),
        Some("3A090.a")
    );
    assert_eq!(classify(&item(4799.0, 900.0), "2023-01-01").paragraph, None);
    // 400 GB/s plus at most a PCIe 5.0 x16 host link stays under 600.
    assert_eq!(
        classify(&item(20000.0, 400.0), "2023-01-01").paragraph,
        None
    );
    // 500 GB/s plus a host link could reach 600: the rule cannot be decided from the figures.
    let unsure = classify(&item(20000.0, 500.0), "2023-01-01");
    assert!(!unsure.determined);
    assert!(
        unsure
            .deciding
            .iter()
            .any(|d| d.contains("aggregate bidirectional I/O"))
    );
}

#[test]
fn hbm_3a090c_is_strictly_greater_than_2() {
    let hbm = |bw: f64| {
        Item::Spec(CustomSpec {
            memory_bandwidth_gbps: Some(bw),
            package_area_mm2: Some(100.0),
            kind: ChipKind::Hbm,
            ..Default::default()
        })
    };
    assert_eq!(
        classify(&hbm(200.01), "2025-01-01").paragraph.as_deref(),
        Some("3A090.c")
    );
    assert_eq!(classify(&hbm(200.0), "2025-01-01").paragraph, None);
    assert_eq!(
        classify(&hbm(900.0), "2024-11-30").paragraph,
        None,
        "3A090.c starts 2024-12-02"
    );
}

#[test]
fn no_3a090_before_october_2022() {
    let a = classify(&Item::Catalog("H100".into()), "2022-10-06");
    assert_eq!(a.eccn, None);
    assert!(a.because.iter().any(|s| s.reason == Reason::No3a090));
    assert_eq!(a.regime, "2022-08-26-nvidia-letter");
}

#[test]
fn catalog_chips_on_real_dates() {
    let cases = [
        ("A100", "2022-11-01", Some("3A090.a")),
        ("A800", "2022-11-01", None),
        ("H800", "2023-06-01", None),
        ("A800", "2023-11-17", Some("3A090.a.1")),
        ("H800", "2023-11-17", Some("3A090.a.1")),
        ("RTX 4090", "2023-06-01", None),
        ("RTX 4090", "2023-11-17", Some("3A090.a.1")),
        ("rtx-4090-d", "2024-01-01", None),
        ("H20", "2025-06-01", None),
        ("L20", "2025-06-01", None),
        ("L40S", "2024-06-01", Some("3A090.a.1")),
        ("L4", "2024-06-01", Some("3A090.a.2")),
        ("nvidia h200", "2026-03-01", Some("3A090.a.1")),
        ("B200", "2026-03-01", Some("3A090.a.1")),
        ("MI300X", "2026-03-01", Some("3A090.a.1")),
        ("A10", "2024-06-01", None),
        ("T4", "2024-06-01", None),
        ("V100", "2024-06-01", None),
        ("Gaudi 3", "2024-06-01", Some("3A090.a.1")),
    ];
    for (chip, date, want) in cases {
        let a = classify(&Item::Catalog(chip.into()), date);
        assert!(a.determined, "{chip} on {date}: {:?}", a.possible);
        assert_eq!(a.paragraph.as_deref(), want, "{chip} on {date}");
    }
}

#[test]
fn unknown_pd_is_said_to_decide_or_not_to_matter() {
    let b200 = classify(&Item::Catalog("B200".into()), "2026-03-01");
    assert_eq!(b200.pd, None);
    assert!(b200.determined);
    assert!(b200.because.iter().any(|s| s.reason
        == Reason::UnknownIrrelevant {
            metric: MetricName::Pd
        }));
    let s4000 = classify(&Item::Catalog("MTT S4000".into()), "2026-03-01");
    assert!(!s4000.determined);
    assert_eq!(s4000.eccn, None);
    assert!(s4000.deciding.iter().any(|d| d.starts_with("PD")));
    assert!(s4000.possible.contains(&"3A090.a.2".to_string()));
}

#[test]
fn results_resting_on_unverified_figures_say_so() {
    let a = classify(&Item::Catalog("MI300X".into()), "2026-03-01");
    assert!(
        a.hinges_on_unverified.is_empty(),
        "MI300X's TPP is sourced; only its die area is unverified and PD is not used"
    );
    let d = classify(&Item::Catalog("RTX 5090".into()), "2026-03-01");
    assert_eq!(d.paragraph.as_deref(), Some("3A090.a.1"));
}

fn rank(p: &Option<String>) -> u8 {
    match p.as_deref() {
        Some(p) if p.starts_with("3A090.a") => 2,
        Some(p) if p.starts_with("3A090.b") => 1,
        _ => 0,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Within one rule version, more TPP or more PD never makes a chip less controlled.
    #[test]
    fn raising_tpp_or_pd_never_loosens_control(
        tpp in 100.0f64..30000.0,
        pd in 0.1f64..40.0,
        dtpp in 0.0f64..10000.0,
        dpd in 0.0f64..20.0,
        dc in any::<bool>(),
        date in prop::sample::select(vec!["2023-12-01", "2024-06-01", "2025-06-01", "2026-03-01"]),
    ) {
        let base = rank(&para(tpp, pd, dc, date));
        prop_assert!(rank(&para(tpp + dtpp, pd, dc, date)) >= base);
        prop_assert!(rank(&para(tpp, pd + dpd, dc, date)) >= base);
    }
}
