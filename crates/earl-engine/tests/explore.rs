//! The explorer on the bundled data: the held-out diffs, every bundled scenario, timelines,
//! impact arithmetic, SVG structure and bad input.

use earl_core::rules::ReviewPolicy;
use earl_engine::explore::diff::{DiffReport, DiffRequest};
use earl_engine::explore::impact::{ImpactRequest, parse_price, parse_units};
use earl_engine::explore::timeline::Event;
use earl_engine::explore::timeline::TimelineRequest;
use earl_engine::explore::{PointKind, Verdict};
use earl_engine::{Engine, EngineError, ListsSource};
use jiff::civil::{Date, date};

fn engine() -> Engine {
    Engine::new(
        earl_data::Dataset::bundled().expect("bundled data loads"),
        ListsSource::Bundled,
    )
}

fn diff(e: &Engine, from: &str, to: &str, dests: &[&str], chips: &[&str], on: Date) -> DiffReport {
    e.diff(&DiffRequest {
        from: from.into(),
        to: to.into(),
        destinations: dests.iter().map(|s| s.to_string()).collect(),
        chips: chips.iter().map(|s| s.to_string()).collect(),
        scenario_date: on,
    })
    .expect("diff runs")
}

fn change<'a>(
    r: &'a DiffReport,
    chip: &str,
    dest: &str,
) -> Option<&'a earl_engine::explore::diff::Change> {
    r.changes
        .iter()
        .find(|c| c.chip == chip && c.destination == dest)
}

#[test]
fn h200_lane_opens_case_by_case_for_china_and_leaves_b200() {
    let e = engine();
    let r = diff(
        &e,
        "2025-11-20",
        "2026-03-01",
        &["CN"],
        &[],
        date(2026, 11, 28),
    );
    // The H100's availability in the US has no source in the catalog (issue 21 point 4).
    for chip in ["h200-sxm", "mi325x"] {
        let c = change(&r, chip, "CN").unwrap_or_else(|| panic!("{chip} should change"));
        assert_eq!(
            c.from.review_policy,
            Some(ReviewPolicy::PresumptionOfDenial),
            "{chip}"
        );
        assert_eq!(c.to.review_policy, Some(ReviewPolicy::CaseByCase), "{chip}");
        assert_eq!(c.from.license_required, Some(true));
        assert_eq!(c.to.license_required, Some(true));
        assert_eq!(
            c.because.amendments,
            vec!["2026-01-15-h200-lane".to_string()]
        );
        assert!(
            c.because
                .entries_added
                .iter()
                .any(|x| x.kind == "review" && x.id == "rp-2026-lane")
        );
        assert!(
            c.because
                .entries_dropped
                .iter()
                .any(|x| x.kind == "review" && x.id == "rp-d5-macau")
        );
        // The Section 232 tariff follows the Proclamation's Annex windows (CBP CSMS 67400472):
        // H200 (TPP 15,832, 4,800 GB/s) is in band 1, MI325X (TPP ≈20,919, 6,000 GB/s) in band
        // 2; H100 SXM (3,350 GB/s) is in neither.
        let tariff = c.to.charges.contains(&"tariff 25%".to_string());
        assert_eq!(tariff, chip != "h100-sxm", "{chip}: tariff {tariff}");
    }
    for chip in ["b200", "b300", "gb300"] {
        assert!(change(&r, chip, "CN").is_none(), "{chip} must be unchanged");
    }
    assert_eq!(r.amendments_only_in_to.len(), 1);
    assert_eq!(r.summary.changed, r.changes.len());
    assert_eq!(r.summary.cells, e.data.catalog.chips.len());
}

#[test]
fn october_2023_acceleration_closes_a800_and_h800_for_china() {
    // NVIDIA's 8-K of Oct 24, 2023: the US government made the Oct 17, 2023 rule's licence
    // requirements effective immediately on Oct 23 for A100, A800, H100, H800 and L40S
    // (rules-addendum-2026-12 §2), so A800 and H800 close on Oct 23, not Nov 17.
    let e = engine();
    let r = diff(
        &e,
        "2023-10-22",
        "2023-10-23",
        &["CN"],
        &[],
        date(2026, 11, 28),
    );
    for chip in ["a800-sxm", "h800-sxm", "l40s"] {
        let c = change(&r, chip, "CN").unwrap_or_else(|| panic!("{chip} should change"));
        assert_eq!(c.from.license_required, Some(false), "{chip}");
        assert_eq!(c.to.license_required, Some(true), "{chip}");
        assert_eq!(c.to.verdict, Verdict::PresumptionOfDenial);
        assert!(
            c.because
                .amendments
                .contains(&"2023-10-23-nvidia-acceleration".to_string())
        );
    }
    // The RTX 4090 was not named: it stays open until the rule itself, Nov 17.
    assert!(change(&r, "rtx-4090", "CN").is_none());
    // The A100 and H100 were already controlled under the 2022 rule.
    assert!(change(&r, "h100-sxm", "CN").is_none());

    let r = diff(
        &e,
        "2023-11-16",
        "2023-11-17",
        &["CN"],
        &["A800", "H800", "RTX 4090"],
        date(2026, 11, 28),
    );
    assert!(change(&r, "a800-sxm", "CN").is_none(), "already closed");
    assert!(change(&r, "rtx-4090", "CN").is_some(), "the rule itself");
}

#[test]
fn rule_version_ids_resolve_to_their_effective_date() {
    let e = engine();
    let r = diff(
        &e,
        "2023-10-22",
        "2023-10-23-nvidia-acceleration",
        &["CN"],
        &["A800", "H800"],
        date(2026, 11, 28),
    );
    assert_eq!(r.to.kind, PointKind::RuleVersion);
    assert_eq!(r.to.date, date(2023, 10, 23));
    assert_eq!(r.changes.len(), 2);
}

#[test]
fn every_bundled_scenario_validates_and_changes_something() {
    let e = engine();
    let ids: Vec<&str> = e
        .data
        .rules
        .scenarios
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    for want in [
        "h200-revenue-share",
        "blackwell-down-the-stack",
        "safe-chips-act",
        "gain-ai-act",
        "ai-overwatch-act",
        "chip-security-act",
        "ai-diffusion",
    ] {
        assert!(ids.contains(&want), "missing scenario {want}");
    }
    for s in &e.data.rules.scenarios {
        assert!(!s.summary.is_empty() && !s.cite.text.is_empty(), "{}", s.id);
        // Lay it over the day it takes effect (or today's rules when it has no date).
        let on = s.effective.unwrap_or(date(2026, 11, 28));
        let r = diff(&e, &on.to_string(), &s.id, &[], &[], on);
        assert!(
            r.summary.changed > 0,
            "scenario {} changes nothing on {on}",
            s.id
        );
        let untraced: Vec<_> = r
            .changes
            .iter()
            .filter(|c| !c.because.amendments.contains(&s.id))
            .collect();
        assert!(
            untraced.is_empty(),
            "{}: a change not traced to it: {} to {}: {:?}",
            s.id,
            untraced[0].chip,
            untraced[0].destination,
            untraced[0].because,
        );
    }
}

#[test]
fn scenarios_encode_their_reading() {
    let e = engine();
    let today = date(2026, 11, 28);
    // H200 announcement: case-by-case with 25% before the Jan 2026 rule.
    let r = diff(
        &e,
        "2025-12-08",
        "h200-revenue-share",
        &["CN"],
        &["H200", "B200"],
        date(2025, 12, 8),
    );
    let h200 = change(&r, "h200-sxm", "CN").expect("H200 opens");
    assert_eq!(h200.to.verdict, Verdict::CaseByCase);
    assert_eq!(h200.to.charges, vec!["revenue_share 25%".to_string()]);
    assert!(change(&r, "b200", "CN").is_none());
    // Down the stack: B100 (47% of GB300's TPP) opens, B200 (60%) does not.
    let r = diff(
        &e,
        "2026-11-28",
        "blackwell-down-the-stack",
        &["CN"],
        &["B100", "B200"],
        today,
    );
    assert_eq!(
        change(&r, "b100", "CN").map(|c| c.to.verdict),
        Some(Verdict::CaseByCase)
    );
    assert!(change(&r, "b200", "CN").is_none());
    // SAFE CHIPS: the H200 lane closes again; not in force after its 30 months.
    let r = diff(
        &e,
        "2026-11-28",
        "safe-chips-act",
        &["CN", "DE"],
        &["H200"],
        today,
    );
    assert_eq!(
        change(&r, "h200-sxm", "CN").map(|c| c.to.verdict),
        Some(Verdict::PolicyOfDenial)
    );
    assert!(change(&r, "h200-sxm", "DE").is_none());
    let later = diff(
        &e,
        "2028-06-04",
        "safe-chips-act",
        &["CN"],
        &["H200"],
        date(2028, 6, 4),
    );
    assert_eq!(later.summary.changed, 0);
    // AI Overwatch: Blackwell denied outright, H200 keeps case-by-case with a congressional review.
    let r = diff(
        &e,
        "2026-11-28",
        "ai-overwatch-act",
        &["CN"],
        &["B200", "H200"],
        today,
    );
    assert_eq!(
        change(&r, "b200", "CN").map(|c| c.to.verdict),
        Some(Verdict::PolicyOfDenial)
    );
    let h = change(&r, "h200-sxm", "CN").expect("condition added");
    assert_eq!(h.to.verdict, Verdict::CaseByCase);
    assert_eq!(h.to.conditions.len(), h.from.conditions.len() + 1);
    // AI Diffusion: AIA for Tier 1, a licence with no stated policy for Tier 2, none for the US.
    let r = diff(
        &e,
        "2026-11-28",
        "ai-diffusion",
        &["DE", "IN", "US"],
        &["H100"],
        today,
    );
    assert_eq!(
        change(&r, "h100-sxm", "DE").and_then(|c| c.to.license_exception.clone()),
        Some("AIA".into())
    );
    assert_eq!(
        change(&r, "h100-sxm", "IN").map(|c| c.to.verdict),
        Some(Verdict::LicenceNoPolicy)
    );
    assert!(change(&r, "h100-sxm", "US").is_none());
}

#[test]
fn diffusion_lpp_turns_on_the_shipment_tpp() {
    let e = engine();
    let at = |n: u64| {
        e.impact(&ImpactRequest {
            units: vec![("H100".into(), n)],
            prices: vec![],
            to: "IN".into(),
            date: date(2026, 3, 1),
            scenario: Some("ai-diffusion".into()),
        })
        .expect("impact runs")
        .lines[0]
            .outcome
            .license_exception
            .clone()
    };
    // 1,699 × 15,831.2 = 26,897,208 ≤ 26,900,000 < 1,700 × 15,831.2 = 26,913,040.
    assert_eq!(at(1699), Some("LPP".into()));
    assert_eq!(at(1700), None);
}

#[test]
fn impact_arithmetic_is_exact() {
    let e = engine();
    let r = e
        .impact(&ImpactRequest {
            units: vec![
                ("H200".into(), 1000),
                ("A100".into(), 3),
                ("B200".into(), 10),
                ("H200".into(), 500),
            ],
            prices: vec![("H200".into(), 2_700_050)],
            to: "CN".into(),
            date: date(2025, 12, 20),
            scenario: Some("h200-revenue-share".into()),
        })
        .expect("impact runs");
    // H200 1,500 × 15,831.2; A100 3 × 4,992; B200 10 × 36,000.
    assert_eq!(r.total_units, 1513);
    assert_eq!(r.total_tpp, 23_746_800.0 + 14_976.0 + 360_000.0);
    assert_eq!(r.h100_tpp, 15_831.2);
    assert_eq!(r.h100_equivalents, 24_121_776_000.0 / 15_831_200.0);
    assert_eq!(r.lines[0].h100_equivalents, 1500.0);
    // Dense FP16: 989.4 × 1,500 + 312 × 3 + 2,250 × 10 TFLOP/s; A100 lists no FP8.
    assert_eq!(r.fp16_flops, (1_484_100.0 + 936.0 + 22_500.0) * 1e12);
    assert_eq!(r.lines[1].fp8_flops, None);
    assert!(
        r.missing_precisions
            .contains(&"a100-sxm4-80gb: fp8".to_string())
    );
    // B200 stays under a presumption of denial: not licensable.
    assert!(!r.lines[2].licensable);
    assert_eq!(r.licensable_units, 1503);
    assert_eq!(r.licensable_tpp, 23_746_800.0 + 14_976.0);
    assert_eq!(r.licensable_share_units, 1503.0 / 1513.0);
    // 25% × $27,000.50 × 1,500 = $10,125,187.50, in cents exactly; the A100's charge (the
    // scenario's revenue share) has no price.
    assert_eq!(r.lines[0].charges[0].amount_cents, Some(1_012_518_750));
    assert_eq!(r.charges_total_cents, 1_012_518_750);
    assert_eq!(r.charges_unpriced, vec!["a100-sxm4-80gb".to_string()]);
    // Every reference figure is shown with its source and date.
    assert!(r.comparisons.len() >= 10);
    assert!(r.comparisons.iter().all(|c| !c.figure.source.is_empty()));
    let bis = r
        .comparisons
        .iter()
        .find(|c| c.figure.id == "ascend-2025-bis")
        .expect("BIS Ascend figure");
    assert_eq!(bis.reference_tpp, Some(200_000.0 * 12_800.0));
    assert_eq!(
        bis.shipment_ratio,
        Some(24_121_776_000.0 / 2_560_000_000_000.0)
    );
}

#[test]
fn impact_inputs_are_checked() {
    assert_eq!(
        parse_units("H200=400000").unwrap(),
        ("H200".to_string(), 400_000)
    );
    assert_eq!(
        parse_price("H200=27000.5").unwrap(),
        ("H200".to_string(), 2_700_050)
    );
    assert_eq!(
        parse_price("H200=$27,000").unwrap(),
        ("H200".to_string(), 2_700_000)
    );
    for bad in ["H200=abc", "H200=-5", "H200", "=5", "H200=0", "H200=1.5"] {
        assert!(
            matches!(
                parse_units(bad),
                Err(EngineError::BadInput(_) | EngineError::Input(_))
            ),
            "{bad}"
        );
    }
    for bad in ["H200=-1", "H200=12.345", "H200=ten"] {
        assert!(
            matches!(
                parse_price(bad),
                Err(EngineError::BadInput(_) | EngineError::Input(_))
            ),
            "{bad}"
        );
    }
    let e = engine();
    let req = |chip: &str, to: &str, scenario: Option<&str>| ImpactRequest {
        units: vec![(chip.into(), 1)],
        prices: vec![],
        to: to.into(),
        date: date(2026, 3, 1),
        scenario: scenario.map(str::to_string),
    };
    assert!(matches!(
        e.impact(&req("H9000", "CN", None)),
        Err(EngineError::BadInput(_) | EngineError::Input(_))
    ));
    assert!(matches!(
        e.impact(&req("H200", "Atlantis", None)),
        Err(EngineError::BadInput(_) | EngineError::Input(_))
    ));
    assert!(matches!(
        e.impact(&req("H200", "CN", Some("no-such-bill"))),
        Err(EngineError::BadInput(_) | EngineError::Input(_))
    ));
}

#[test]
fn diff_and_timeline_reject_bad_input() {
    let e = engine();
    let bad = |from: &str, to: &str, dests: Vec<String>| {
        e.diff(&DiffRequest {
            from: from.into(),
            to: to.into(),
            destinations: dests,
            chips: vec![],
            scenario_date: date(2026, 1, 1),
        })
    };
    assert!(matches!(
        bad("2025-13-01", "2026-01-01", vec![]),
        Err(EngineError::BadInput(_) | EngineError::Input(_))
    ));
    assert!(matches!(
        bad("no-such-scenario", "2026-01-01", vec![]),
        Err(EngineError::BadInput(_) | EngineError::Input(_))
    ));
    assert!(matches!(
        bad("2025-01-01", "2026-01-01", vec!["Atlantis".into()]),
        Err(EngineError::BadInput(_) | EngineError::Input(_))
    ));
    let tl = |chip: &str, to: &str| {
        e.timeline(&TimelineRequest {
            chip: chip.into(),
            to: to.into(),
            until: date(2026, 11, 28),
            scenario: None,
        })
    };
    assert!(matches!(tl("H9000", "CN"), Err(EngineError::Input(_))));
    assert!(matches!(tl("H200", "Atlantis"), Err(EngineError::Input(_))));
}

#[test]
fn timeline_collapses_and_dates_each_change() {
    let e = engine();
    let until = date(2026, 11, 28);
    let r = e
        .timeline(&TimelineRequest {
            chip: "H200".into(),
            to: "CN".into(),
            until,
            scenario: None,
        })
        .expect("timeline");
    let starts: Vec<Date> = r.periods.iter().map(|p| p.from).collect();
    assert_eq!(
        starts,
        vec![date(2022, 1, 1), date(2022, 10, 7), date(2026, 1, 15)]
    );
    let verdicts: Vec<Verdict> = r.periods.iter().map(|p| p.outcome.verdict).collect();
    assert_eq!(
        verdicts,
        vec![
            Verdict::NoLicence,
            Verdict::PresumptionOfDenial,
            Verdict::CaseByCase
        ]
    );
    assert_eq!(r.periods[1].until, Some(date(2026, 1, 15)));
    assert!(
        r.periods[2]
            .changed_by
            .iter()
            .any(|ev| matches!(ev, Event::Amendment(a) if a.cite.text.contains("91 FR 1684")))
    );
    // Every rule version up to the end date was asked, including the 2023 rule.
    assert!(r.dates_checked.contains(&date(2023, 11, 17)));
    assert!(r.dates_checked.iter().all(|d| *d <= until));

    let a800 = e
        .timeline(&TimelineRequest {
            chip: "A800".into(),
            to: "CN".into(),
            until,
            scenario: None,
        })
        .expect("timeline");
    let closed = a800
        .periods
        .iter()
        .find(|p| p.outcome.license_required == Some(true))
        .expect("A800 closes");
    // From the Oct 23, 2023 acceleration (NVIDIA 8-K of Oct 24, 2023).
    assert_eq!(closed.from, date(2023, 10, 23));

    // Country Group changes for the destination are dates too: Cambodia left D:5 in Feb 2026.
    let kh = e
        .timeline(&TimelineRequest {
            chip: "H100".into(),
            to: "KH".into(),
            until,
            scenario: None,
        })
        .expect("timeline");
    let removal = e
        .group_changes_for("KH")
        .into_iter()
        .find(|g| g.group == "D:5")
        .expect("KH D:5 change");
    assert!(kh.dates_checked.contains(&removal.effective));
}
