//! Issue 12, "Never a false clear": one test per point, each written from the rule's text and
//! its source (cited beside it) before earl was run. A clean `license_required: false` where the
//! law requires a licence, or where the facts cannot tell, is the failure these guard against.

use earl_core::ownership::Stake;
use earl_core::rules::ReviewPolicy;
use earl_core::step::{Reason, Verdict};
use earl_engine::{CheckAnswer, CheckRequest, Engine, Item, ListsSource};
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    Engine::new(
        earl_data::Dataset::bundled().expect("bundled data loads"),
        ListsSource::Bundled,
    )
});

fn ask(chip: &str, to: &str, date: &str) -> CheckRequest {
    CheckRequest {
        item: Item::Catalog(chip.into()),
        to: to.into(),
        from: None,
        end_user: None,
        end_user_hq: None,
        date: date.parse().unwrap(),
        scenario: None,
        quantity: None,
        ownership: None,
        made: Default::default(),
    }
}

fn check(req: &CheckRequest) -> CheckAnswer {
    ENGINE.check(req).expect("answer")
}

fn required(chip: &str, to: &str, date: &str) -> Option<bool> {
    check(&ask(chip, to, date)).determination.license_required
}

fn decided_by(a: &CheckAnswer) -> &[String] {
    &a.determination.decided_by
}

/// Point 1. Russia and Belarus need a licence for every item on the CCL from Feb 24 / Mar 2,
/// 2022 (15 CFR 746.8(a)(1); 87 FR 12226; 87 FR 13048), under a policy of denial; North Korea
/// for all items subject to the EAR (746.4); Cuba (746.2); Iran (746.7 and OFAC's ITSR); Syria
/// for all items but EAR99 food and medicine (746.9(a), kept by 90 FR 42315). Chips outside
/// 3A090 are caught too.
#[test]
fn embargoed_and_sanctioned_destinations_need_a_licence_for_any_chip() {
    for (chip, to, date) in [
        ("H100", "RU", "2023-06-01"),
        ("V100", "RU", "2022-06-01"),
        ("H20", "RU", "2025-06-01"),
        ("T4", "BY", "2024-01-01"),
        ("H100", "KP", "2022-01-15"),
        ("V100", "KP", "2025-06-01"),
        ("T4", "CU", "2023-03-01"),
        ("H20", "IR", "2024-06-01"),
        ("V100", "SY", "2024-06-01"),
        ("T4", "SY", "2026-03-01"),
    ] {
        assert_eq!(
            required(chip, to, date),
            Some(true),
            "{chip} → {to} on {date}"
        );
    }
    let ru = check(&ask("H100", "RU", "2023-06-01"));
    assert_eq!(
        ru.determination.review_policy,
        Some(ReviewPolicy::PolicyOfDenial)
    );
    assert!(decided_by(&ru).contains(&"emb-russia-belarus".to_string()));
    // Before the sanctions an AT-only chip to Russia needed nothing under earl's rules, and
    // Belarus followed on Mar 2, not Feb 24.
    assert_eq!(required("V100", "RU", "2022-02-23"), Some(false));
    assert_eq!(required("V100", "BY", "2022-03-01"), Some(false));
    assert_eq!(required("V100", "BY", "2022-03-02"), Some(true));
    // No licence exception earl models reaches an embargo.
    let nac = check(&ask("RTX 4090", "RU", "2024-06-01"));
    assert_eq!(nac.determination.license_exception, None);
}

/// Point 2. NVIDIA's 8-K of Oct 24, 2023: on Oct 23 the US government made the Oct 2023 rule's
/// licence requirements effective immediately for A100, A800, H100, H800 and L40S (not the RTX
/// 4090); the rule itself took effect Nov 17, 2023.
#[test]
fn the_october_23_2023_acceleration_closes_the_named_chips_at_once() {
    for chip in ["A800", "H800", "L40S"] {
        assert_eq!(required(chip, "CN", "2023-10-22"), Some(false), "{chip}");
        assert_eq!(required(chip, "CN", "2023-10-23"), Some(true), "{chip}");
        assert_eq!(required(chip, "CN", "2023-11-16"), Some(true), "{chip}");
    }
    assert_eq!(required("RTX 4090", "CN", "2023-11-01"), Some(false));
    assert_eq!(required("RTX 4090", "CN", "2023-11-17"), Some(true));
}

fn party(chip: &str, to: &str, date: &str, end_user: &str) -> CheckAnswer {
    check(&CheckRequest {
        end_user: Some(end_user.into()),
        ..ask(chip, to, date)
    })
}

/// Point 3. A listing applies from its Federal Register notice's effective date: Zhipu, 90 FR
/// 4617, effective Jan 16, 2025 (FR Doc 2025-00704, frtracker/usregs FR API mirrors); Nettrix,
/// 90 FR 14046, effective Mar 25, 2025 (FR Doc 2025-05427). Where only the publication date is
/// known (Inspur Group, 88 FR 13675, published Mar 6, 2023, announced Mar 2) a date between is
/// undetermined — never clear.
#[test]
fn listings_apply_from_their_notice_and_unknown_dates_are_undetermined() {
    let zhipu = "Beijing Zhipu Huazhang Technology Co., Ltd.";
    assert_eq!(
        party("T4", "CN", "2025-01-15", zhipu)
            .determination
            .license_required,
        Some(false)
    );
    assert_eq!(
        party("T4", "CN", "2025-01-16", zhipu)
            .determination
            .license_required,
        Some(true)
    );
    let nettrix = "Nettrix Information Industry Co., Ltd.";
    assert_eq!(
        party("H100", "GB", "2025-03-24", nettrix)
            .determination
            .license_required,
        Some(false)
    );
    assert_eq!(
        party("H100", "GB", "2025-03-25", nettrix)
            .determination
            .license_required,
        Some(true)
    );
    let inspur = |date| party("T4", "CN", date, "Inspur Group").determination;
    assert_eq!(inspur("2023-03-01").license_required, Some(false));
    let between = inspur("2023-03-03");
    assert_eq!(between.license_required, None, "undetermined, not clear");
    assert!(
        between.deciding.iter().any(|d| d.contains("88 FR 13675")),
        "{:?}",
        between.deciding
    );
    assert_eq!(inspur("2023-03-06").license_required, Some(true));
}

/// Point 6. The Section 232 tariff (Proclamation 11002, Annex; CBP CSMS 67400472) covers logic
/// ICs with TPP > 14,000 and < 17,500 and DRAM bandwidth > 4,500 and < 5,000 GB/s, or TPP >
/// 20,800 and < 21,100 with DRAM bandwidth in a second band beginning above 5,000 GB/s whose
/// limits were not found (the MI325X, 6,000 GB/s, is named).
#[test]
fn the_section_232_tariff_follows_the_annex_windows() {
    let tariff = |chip: &str| {
        let d = check(&ask(chip, "CN", "2026-03-01")).determination;
        d.charges
            .iter()
            .find(|c| c.kind == "tariff")
            .map(|c| c.verdict)
    };
    assert_eq!(tariff("H200"), Some(Verdict::Applies));
    assert_eq!(tariff("MI325X"), Some(Verdict::Applies));
    // 5,300 GB/s: inside band 2 only if its unknown lower limit is below it.
    assert_eq!(tariff("MI300X"), Some(Verdict::Undetermined));
    for chip in ["H100", "RTX 4090", "L40S", "L4"] {
        assert_eq!(tariff(chip), None, "{chip}");
    }
}

/// Point 7. The UAE moved to A:5 (FR Doc 2026-14132, effective Jul 10, 2026); the eCFR still
/// names the UAE for 3A090.b, and for 3A090.a the two readings differ: undetermined with both
/// cited.
#[test]
fn the_uae_after_a5_is_undetermined_for_3a090a_with_both_readings() {
    assert_eq!(
        required("H100", "AE", "2026-07-09"),
        Some(true),
        "still D:4"
    );
    let after = check(&ask("H100", "AE", "2026-08-01")).determination;
    assert_eq!(after.license_required, None);
    let readings = after
        .because
        .iter()
        .find_map(|s| match &s.reason {
            Reason::Control { readings, .. } if !readings.is_empty() => Some(readings.len()),
            _ => None,
        })
        .expect("the unsettled control cites its readings");
    assert!(readings >= 2);
    assert!(!after.deciding.is_empty());
}

/// Point 8. H200 → China for a party on the Entity List: the listing's stricter policy replaces
/// the Jan 2026 lane (91 FR 1684), and the lane's conditions and tariff go with it.
#[test]
fn an_overridden_lane_takes_its_conditions_and_charges_with_it() {
    let d = party("H200", "CN", "2026-03-01", "Huawei Technologies Co., Ltd.").determination;
    assert_eq!(d.license_required, Some(true));
    assert_ne!(d.review_policy, Some(ReviewPolicy::CaseByCase));
    assert!(d.conditions.is_empty(), "{:?}", d.conditions);
    assert!(d.charges.is_empty(), "{:?}", d.charges);
    assert!(!d.decided_by.contains(&"rp-2026-lane".to_string()));
    assert!(d.because.iter().any(|s| matches!(
        &s.reason,
        Reason::PolicyOverride { overridden: Some(id), .. } if id == "rp-2026-lane"
    )));
    // Without the listing the lane stands, with its terms.
    let lane = check(&ask("H200", "CN", "2026-03-01")).determination;
    assert_eq!(lane.review_policy, Some(ReviewPolicy::CaseByCase));
    assert!(!lane.conditions.is_empty());
}

/// Point 9. The Affiliates rule (90 FR 47201, effective Sep 29, 2025) restricts a party at least
/// 50% owned, individually or in the aggregate, by listed parties; it was suspended Nov 10, 2025
/// through Nov 9, 2026 (90 FR 50857) and applies again from Nov 10, 2026.
#[test]
fn ownership_by_listed_parties_restricts_while_the_affiliates_rule_is_in_force() {
    let owned = |date: &str, stakes: Vec<Stake>| {
        check(&CheckRequest {
            end_user: Some("Acme Widgets Trading Ltd".into()),
            ownership: Some(stakes),
            ..ask("T4", "SG", date)
        })
        .determination
    };
    let huawei = |p: f64| Stake {
        owner: "Huawei Technologies Co., Ltd.".into(),
        owned: "Acme Widgets Trading Ltd".into(),
        percent: p,
        origin: None,
    };
    let aggregate = || {
        vec![
            Stake {
                owner: "Huawei Technologies Co., Ltd.".into(),
                owned: "Acme Widgets Trading Ltd".into(),
                percent: 30.0,
                origin: None,
            },
            Stake {
                owner: "Semiconductor Manufacturing International Corporation".into(),
                owned: "Acme Widgets Trading Ltd".into(),
                percent: 25.0,
                origin: None,
            },
        ]
    };
    assert_eq!(
        owned("2025-09-28", vec![huawei(60.0)]).license_required,
        Some(false)
    );
    assert_eq!(
        owned("2025-10-15", vec![huawei(60.0)]).license_required,
        Some(true)
    );
    assert_eq!(
        owned("2025-10-15", aggregate()).license_required,
        Some(true),
        "30% + 25%"
    );
    assert_eq!(
        owned("2025-10-15", vec![huawei(49.0)]).license_required,
        Some(false)
    );
    let stayed = owned("2026-03-01", vec![huawei(60.0)]);
    assert_eq!(stayed.license_required, Some(false));
    assert!(
        stayed
            .because
            .iter()
            .any(|s| matches!(s.reason, Reason::OwnershipNotApplied { .. }))
    );
    let again = owned("2026-12-01", vec![huawei(60.0)]);
    assert_eq!(again.license_required, Some(true));
    assert!(again.decided_by.contains(&"affiliates-bis".to_string()));

    // No ownership given: the not-checked line says the rule applies again.
    let unknown = check(&CheckRequest {
        end_user: Some("Acme Widgets Trading Ltd".into()),
        ..ask("T4", "SG", "2026-12-01")
    })
    .determination;
    let line = unknown
        .not_checked
        .iter()
        .find_map(|s| match &s.reason {
            Reason::NotChecked { rule } if s.entry.as_deref() == Some("nc-affiliates") => {
                Some(rule.clone())
            }
            _ => None,
        })
        .expect("nc-affiliates");
    assert!(line.contains("applies again from Nov 10, 2026"), "{line}");
}

/// A party name without a letter or digit in any script ("---", an emoji) cannot be screened:
/// it is an input error for check, screen and match, never "no match" and a clean answer.
#[test]
fn an_unscreenable_name_is_refused_not_cleared() {
    for name in ["---", "😀", "  ...  "] {
        let mut req = ask("H100", "GB", "2026-03-01");
        req.end_user = Some(name.into());
        assert!(
            matches!(
                ENGINE.check(&req),
                Err(earl_engine::EngineError::Input(
                    earl_engine::InputError::Unscreenable { .. }
                ))
            ),
            "check with end user {name:?}"
        );
        let screen = earl_engine::ScreenRequest {
            name: name.into(),
            country: None,
            lists: None,
            threshold: None,
            include_below: false,
            date: "2026-03-01".parse().unwrap(),
        };
        assert!(ENGINE.screen(&screen).is_err(), "screen {name:?}");
        assert!(ENGINE.pair(name, "Huawei", None).is_err(), "match {name:?}");
    }
}
