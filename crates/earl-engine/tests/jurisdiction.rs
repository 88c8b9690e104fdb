//! Is the item subject to the EAR at all (issue 21)? One test per prong, written from the
//! regulation's text (as summarised, with its marks, in shared/reference/jurisdiction.md) before
//! running earl: 15 CFR 734.3(a)(1) items in the United States; 734.3(a)(2) US-origin items;
//! 734.4(c)/(d) de minimis at 10% (E:1/E:2) and 25%; 734.9(h) the advanced computing FDP rule
//! in its 2022, 2023 (Macau), Nov 2023 (D:1/D:4/D:5, headquarters) and codified 2025
//! (worldwide, not enforced) versions; 734.9(e)(1)/(2) the Entity List FDP rule for footnotes 1
//! and 4; GP10 (736.2(b)(10)) as BIS applied it to Huawei Ascend on May 13, 2025. Clears
//! ("not subject to the EAR") are tested as hard as refusals, and a property holds over the
//! catalog that no licence answer is stated while jurisdiction is undetermined.

use earl_core::rules::Ground;
use earl_core::step::{Reason, Verdict};
use earl_engine::{CheckAnswer, CheckRequest, Engine, Item, ListsSource, MadeInput};
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    Engine::new(
        earl_data::Dataset::bundled().expect("bundled data loads"),
        ListsSource::Bundled,
    )
});

/// A question: `chip` to `to` from `from` on `date`, with the production facts `made`.
struct Ask {
    chip: &'static str,
    to: &'static str,
    from: Option<&'static str>,
    date: &'static str,
    made: MadeInput,
    end_user: Option<&'static str>,
    hq: Option<&'static str>,
}

fn ask(chip: &'static str, to: &'static str, date: &'static str) -> Ask {
    Ask {
        chip,
        to,
        from: None,
        date,
        made: MadeInput::default(),
        end_user: None,
        hq: None,
    }
}

impl Ask {
    fn from(mut self, place: &'static str) -> Ask {
        self.from = Some(place);
        self
    }
    fn made_in(mut self, place: &str) -> Ask {
        self.made.made_in = Some(place.into());
        self
    }
    fn us_content(mut self, pct: f64) -> Ask {
        self.made.us_content = Some(pct);
        self
    }
    fn us_tech(mut self, yes: bool) -> Ask {
        self.made.us_tech = Some(yes);
        self
    }
    fn end_user(mut self, name: &'static str) -> Ask {
        self.end_user = Some(name);
        self
    }
    fn hq(mut self, place: &'static str) -> Ask {
        self.hq = Some(place);
        self
    }
    fn check(self) -> CheckAnswer {
        ENGINE
            .check(&CheckRequest {
                item: Item::Catalog(self.chip.into()),
                to: self.to.into(),
                from: self.from.map(str::to_string),
                end_user: self.end_user.map(str::to_string),
                end_user_hq: self.hq.map(str::to_string),
                date: self.date.parse().unwrap(),
                scenario: None,
                quantity: None,
                ownership: None,
                made: self.made,
            })
            .unwrap()
    }
}

/// The verdict of the jurisdiction prong `entry`, if it was tested.
fn prong(a: &CheckAnswer, entry: &str) -> Option<Verdict> {
    a.determination
        .because
        .iter()
        .find_map(|s| match &s.reason {
            Reason::Jurisdiction { verdict, .. } if s.entry.as_deref() == Some(entry) => {
                Some(*verdict)
            }
            _ => None,
        })
}

/// A clear must be a clear: not subject, no licence, no prohibition, no control evaluated, and
/// the path that decided it shown first.
fn assert_not_subject(a: &CheckAnswer) {
    let d = &a.determination;
    assert_eq!(d.subject_to_ear, Some(false), "{:?}", d.because);
    assert_eq!(d.license_required, Some(false));
    assert_eq!(d.prohibited, Some(false));
    assert!(d.review_policy.is_none() && d.conditions.is_empty());
    assert!(
        !d.because
            .iter()
            .any(|s| matches!(s.reason, Reason::Control { .. })),
        "no control reaches an item not subject to the EAR"
    );
    assert!(matches!(d.because[0].reason, Reason::Production { .. }));
    assert!(d.because.iter().any(|s| matches!(
        s.reason,
        Reason::SubjectToEar {
            verdict: Verdict::DoesNotApply
        }
    )));
}

/// Undetermined jurisdiction: neither licence nor clear, and what would decide it said.
fn assert_undetermined(a: &CheckAnswer, deciding_word: &str) {
    let d = &a.determination;
    assert_eq!(d.subject_to_ear, None, "{:?}", d.because);
    assert_eq!(d.license_required, None);
    assert_ne!(d.prohibited, Some(true));
    assert!(
        d.deciding.iter().any(|x| x.contains(deciding_word)),
        "{:?}",
        d.deciding
    );
}

// 15 CFR 734.3(a)(1): "All items in the United States" are subject, whatever their origin.
#[test]
fn an_item_in_the_united_states_is_subject_whatever_its_origin() {
    let a = ask("H100", "DE", "2026-03-01").check();
    assert_eq!(a.determination.subject_to_ear, Some(true));
    assert_eq!(prong(&a, "jur-us-located"), Some(Verdict::Applies));
    assert_eq!(a.determination.license_required, Some(false));
    assert_eq!(
        a.determination.because[0].entry.as_deref(),
        Some("jur-us-located"),
        "the jurisdiction path comes first"
    );
    // A Chinese chip sitting in the US is subject too (jurisdiction.md §1.1).
    let a = ask("MTT S4000", "DE", "2026-03-01").check();
    assert_eq!(a.determination.subject_to_ear, Some(true));
}

// 734.3(a)(2): "All U.S.-origin items wherever located".
#[test]
fn a_us_made_item_abroad_is_subject() {
    let a = ask("T4", "DE", "2024-06-01")
        .from("DE")
        .made_in("US")
        .check();
    assert_eq!(a.determination.subject_to_ear, Some(true));
    assert_eq!(prong(&a, "jur-us-origin"), Some(Verdict::Applies));
}

// 734.4(d): foreign-made items with more than 25% controlled US content are subject; at or
// below it, and outside every FDP rule, they are not.
#[test]
fn de_minimis_at_twenty_five_percent() {
    let over = ask("T4", "DE", "2024-06-01")
        .from("TW")
        .made_in("TW")
        .us_content(30.0)
        .us_tech(false)
        .check();
    assert_eq!(over.determination.subject_to_ear, Some(true));
    assert_eq!(prong(&over, "jur-de-minimis"), Some(Verdict::Applies));
    let at = ask("T4", "DE", "2024-06-01")
        .from("TW")
        .made_in("TW")
        .us_content(25.0)
        .us_tech(false)
        .check();
    assert_eq!(prong(&at, "jur-de-minimis"), Some(Verdict::DoesNotApply));
    assert_not_subject(&at);
}

// 734.4(c): 10% for Country Group E:1/E:2 destinations.
#[test]
fn de_minimis_at_ten_percent_for_e1_and_e2() {
    let a = ask("T4", "IR", "2024-06-01")
        .from("TW")
        .made_in("TW")
        .us_content(15.0)
        .us_tech(false)
        .check();
    assert_eq!(a.determination.subject_to_ear, Some(true));
    assert_eq!(prong(&a, "jur-de-minimis-e"), Some(Verdict::Applies));
    assert_eq!(
        prong(&a, "jur-de-minimis"),
        None,
        "the 25% level is not tested"
    );
}

// US content unknown: de minimis undetermined, never "not subject".
#[test]
fn unknown_us_content_is_undetermined() {
    let a = ask("T4", "DE", "2024-06-01")
        .from("TW")
        .made_in("TW")
        .us_tech(false)
        .check();
    assert_eq!(prong(&a, "jur-de-minimis"), Some(Verdict::Undetermined));
    assert_undetermined(&a, "US-origin content");
}

// Where the item was made unknown (no catalog fact for the T4): undetermined, and said.
#[test]
fn unknown_place_of_production_is_undetermined() {
    let a = ask("T4", "DE", "2024-06-01").from("TW").check();
    assert_eq!(prong(&a, "jur-us-origin"), Some(Verdict::Undetermined));
    assert_undetermined(&a, "produced");
}

// 734.9(h) (87 FR 62186, Oct 21, 2022): a TSMC-made chip designed by a US firm is the direct
// product of US technology; destined to China it is subject. The catalog says so of the H100.
#[test]
fn advanced_computing_fdp_reaches_a_taiwan_made_h100_to_china() {
    let a = ask("H100", "CN", "2022-11-01").from("TW").check();
    assert_eq!(a.determination.subject_to_ear, Some(true));
    assert_eq!(prong(&a, "jur-fdp-ac"), Some(Verdict::Applies));
    assert_eq!(a.determination.license_required, Some(true));
    let facts = a
        .determination
        .because
        .iter()
        .find_map(|s| match &s.reason {
            Reason::Production {
                made_in, us_tech, ..
            } => Some((made_in.clone(), us_tech.clone())),
            _ => None,
        })
        .expect("the production facts are shown");
    assert_eq!(facts.0.value, Some(vec!["TW".to_string()]));
    assert!(facts.0.source.contains("J1"));
    assert_eq!(facts.1.value, Some(true));
    // Hong Kong is China for the rule.
    let hk = ask("H100", "HK", "2022-11-01").from("TW").check();
    assert_eq!(prong(&hk, "jur-fdp-ac"), Some(Verdict::Applies));
}

// The same chip made without US technology and with no US content: outside (h) and below
// de minimis — a correct clear.
#[test]
fn an_h100_made_without_us_technology_is_not_subject() {
    let a = ask("H100", "CN", "2024-06-01")
        .from("TW")
        .us_tech(false)
        .us_content(0.0)
        .check();
    assert_eq!(prong(&a, "jur-fdp-ac"), Some(Verdict::DoesNotApply));
    assert_not_subject(&a);
    // With US content unknown it is undetermined instead.
    let a = ask("H100", "CN", "2024-06-01")
        .from("TW")
        .us_tech(false)
        .check();
    assert_undetermined(&a, "US-origin content");
}

// 88 FR 2821 (Jan 17, 2023) added Macau to 734.9(h): not before.
#[test]
fn macau_joins_the_fdp_rule_on_january_17_2023() {
    let before = ask("H100", "MO", "2022-11-01")
        .from("TW")
        .us_content(0.0)
        .check();
    assert_eq!(
        prong(&before, "jur-fdp-ac"),
        None,
        "out of the rule's scope"
    );
    assert_not_subject(&before);
    let after = ask("H100", "MO", "2023-02-01")
        .from("TW")
        .us_content(0.0)
        .check();
    assert_eq!(prong(&after, "jur-fdp-ac"), Some(Verdict::Applies));
    assert_eq!(after.determination.subject_to_ear, Some(true));
}

// 88 FR 73458 (Nov 17, 2023): D:1/D:4/D:5 not also A:5/A:6, and parties headquartered in
// Macau or D:5 wherever located.
#[test]
fn the_november_2023_fdp_scope_reaches_d_groups_and_d5_headquarters() {
    let sa_before = ask("H100", "SA", "2023-06-01")
        .from("TW")
        .us_content(0.0)
        .check();
    assert_not_subject(&sa_before);
    let sa = ask("H100", "SA", "2024-06-01")
        .from("TW")
        .us_content(0.0)
        .check();
    assert_eq!(prong(&sa, "jur-fdp-ac"), Some(Verdict::Applies));
    assert_eq!(sa.determination.subject_to_ear, Some(true));
    let my_cn_hq = ask("H100", "MY", "2024-06-01")
        .from("TW")
        .us_content(0.0)
        .hq("CN")
        .check();
    assert_eq!(prong(&my_cn_hq, "jur-fdp-ac"), Some(Verdict::Applies));
    let my = ask("H100", "MY", "2024-06-01")
        .from("TW")
        .us_content(0.0)
        .check();
    assert_not_subject(&my);
}

// 90 FR 4544 codified (h) worldwide; BIS does not enforce it. From Jan 13, 2025 a US-tech
// 3A090 item anywhere is undetermined, with both readings cited — never "not subject".
#[test]
fn the_codified_worldwide_fdp_prong_leaves_jurisdiction_open() {
    let a = ask("H100", "DE", "2025-06-01")
        .from("TW")
        .us_content(0.0)
        .check();
    assert_eq!(
        prong(&a, "jur-fdp-ac-worldwide"),
        Some(Verdict::Undetermined)
    );
    let readings = a
        .determination
        .because
        .iter()
        .find_map(|s| match &s.reason {
            Reason::Jurisdiction { readings, .. } if !readings.is_empty() => Some(readings.len()),
            _ => None,
        });
    assert_eq!(readings, Some(2));
    assert_undetermined(&a, "non-enforcement");
    // A chip outside 3A090 is outside (h) altogether.
    let t4 = ask("T4", "DE", "2025-06-01")
        .from("TW")
        .made_in("TW")
        .us_content(0.0)
        .us_tech(true)
        .check();
    assert_not_subject(&t4);
}

// 734.9(e)(1): Huawei (footnote 1) as a party makes a US-tech direct product subject.
#[test]
fn the_entity_list_fdp_rule_for_footnote_1() {
    let a = ask("T4", "DE", "2024-06-01")
        .from("TW")
        .made_in("TW")
        .us_content(0.0)
        .us_tech(true)
        .end_user("Huawei Technologies Co., Ltd.")
        .check();
    assert_eq!(prong(&a, "jur-fdp-el-fn1"), Some(Verdict::Applies));
    assert_eq!(a.determination.subject_to_ear, Some(true));
    assert_eq!(a.determination.license_required, Some(true));
    // Without US technology the footnote rule does not reach it.
    let a = ask("T4", "DE", "2024-06-01")
        .from("TW")
        .made_in("TW")
        .us_content(0.0)
        .us_tech(false)
        .end_user("Huawei Technologies Co., Ltd.")
        .check();
    assert_eq!(prong(&a, "jur-fdp-el-fn1"), Some(Verdict::DoesNotApply));
}

// 734.9(e)(2): footnote 4 entities (Biren, listed Oct 17, 2023).
#[test]
fn the_entity_list_fdp_rule_for_footnote_4() {
    let a = ask("T4", "DE", "2024-06-01")
        .from("TW")
        .made_in("TW")
        .us_content(0.0)
        .us_tech(true)
        .end_user("Beijing Biren Technology Development Co., Ltd.")
        .check();
    assert_eq!(prong(&a, "jur-fdp-el-fn4"), Some(Verdict::Applies));
    assert_eq!(a.determination.subject_to_ear, Some(true));
}

// Issue 21 point 1: BIS's GP10 guidance of May 13, 2025 — Ascend 910B/910C anywhere.
#[test]
fn ascend_is_never_cleared() {
    for a in [
        ask("Ascend 910C", "MY", "2026-03-01").check(),
        ask("Ascend 910B", "DE", "2026-03-01").from("CN").check(),
        // Even on the exporter's word that no US technology or content went into it.
        ask("Ascend 910B", "DE", "2026-03-01")
            .from("CN")
            .made_in("CN")
            .us_tech(false)
            .us_content(0.0)
            .check(),
    ] {
        let d = &a.determination;
        assert_ne!(d.license_required, Some(false), "{:?}", d.because);
        assert_ne!(d.prohibited, Some(false));
        assert_ne!(d.subject_to_ear, Some(false));
        assert!(
            d.decided_by
                .iter()
                .any(|e| e == "gp10-ascend" || e == "jur-gp10-ascend")
        );
        assert!(
            d.because
                .iter()
                .any(|s| s.cite.contains("GP10 guidance of May 13, 2025")),
            "the guidance is cited"
        );
        assert!(d.deciding.iter().any(|x| x.contains("Ascend")));
    }
    // In the US it is subject, and GP10 leaves the licence open (prohibited or not).
    let us = ask("Ascend 910C", "MY", "2026-03-01").check();
    assert_eq!(us.determination.subject_to_ear, Some(true));
    assert_eq!(us.determination.license_required, None);
    assert_eq!(us.determination.prohibited, None);
    // Before the guidance nothing presumes it: from China to Germany in 2024, undetermined on
    // its US content and technology, never clear.
    let before = ask("Ascend 910B", "DE", "2024-06-01").from("CN").check();
    assert_eq!(prong(&before, "jur-gp10-ascend"), None);
    assert_ne!(before.determination.license_required, Some(false));
}

// Issue 21 point 4: the Jan 2026 lane only for chips commercially available in the US.
#[test]
fn the_lane_is_only_for_chips_commercially_available_in_the_us() {
    let h200 = ask("H200", "CN", "2026-03-01").check();
    assert_eq!(
        h200.determination.review_policy,
        Some(earl_core::rules::ReviewPolicy::CaseByCase)
    );
    // No source says the Ascend 910C was on sale in the US: the lane stays open, not offered.
    let ascend = ask("Ascend 910C", "CN", "2026-03-01").check();
    assert_ne!(
        ascend.determination.review_policy,
        Some(earl_core::rules::ReviewPolicy::CaseByCase)
    );
    assert!(
        !ascend
            .determination
            .decided_by
            .iter()
            .any(|e| e == "rp-2026-lane")
            || ascend.determination.review_policy.is_none()
    );
}

/// Every catalog chip, from the US and from abroad, to places of every kind, on dates across
/// every FDP version: no licence answer while jurisdiction is undetermined, no control on an
/// item not subject, and the jurisdiction path first.
#[test]
fn no_licence_answer_while_jurisdiction_is_undetermined() {
    let places = ["CN", "HK", "MO", "SA", "DE", "MY", "IR", "RU", "IL"];
    let dates = [
        "2022-11-01",
        "2023-06-01",
        "2024-06-01",
        "2025-06-01",
        "2026-12-06",
    ];
    let froms = [None, Some("TW"), Some("CN"), Some("SG")];
    let facts = [
        MadeInput::default(),
        MadeInput {
            us_tech: Some(false),
            us_content: Some(0.0),
            ..MadeInput::default()
        },
        MadeInput {
            made_in: Some("MX".into()),
            us_content: Some(40.0),
            ..MadeInput::default()
        },
    ];
    let mut asked = 0;
    let mut seen = [0usize; 3];
    for chip in &ENGINE.data.catalog.chips {
        for to in places {
            for date in dates {
                for from in froms {
                    for made in &facts {
                        let d = ENGINE
                            .check(&CheckRequest {
                                item: Item::Catalog(chip.id.clone()),
                                to: to.into(),
                                from: from.map(str::to_string),
                                end_user: None,
                                end_user_hq: None,
                                date: date.parse().unwrap(),
                                scenario: None,
                                quantity: None,
                                ownership: None,
                                made: made.clone(),
                            })
                            .unwrap()
                            .determination;
                        asked += 1;
                        let at = format!("{} to {to} from {from:?} on {date}", chip.id);
                        match d.subject_to_ear {
                            None => {
                                seen[0] += 1;
                                assert_eq!(d.license_required, None, "{at}");
                                assert!(!d.deciding.is_empty(), "{at}");
                            }
                            Some(false) => {
                                seen[1] += 1;
                                assert!(
                                    !d.because
                                        .iter()
                                        .any(|s| matches!(s.reason, Reason::Control { .. })),
                                    "{at}"
                                );
                                assert!(from.is_some(), "an item in the US is subject: {at}");
                            }
                            Some(true) => seen[2] += 1,
                        }
                        assert!(
                            matches!(
                                d.because[0].reason,
                                Reason::Production { .. } | Reason::Jurisdiction { .. }
                            ),
                            "{at}: {:?}",
                            d.because[0].reason
                        );
                        if chip.id.starts_with("ascend-910") && date >= "2025-05-13" {
                            assert_ne!(d.license_required, Some(false), "{at}");
                        }
                    }
                }
            }
        }
    }
    assert!(asked > 5_000, "{asked}");
    assert!(seen.iter().all(|n| *n > 0), "every outcome met: {seen:?}");
}

#[test]
fn the_grounds_are_named_in_the_steps() {
    let a = ask("H100", "CN", "2024-06-01").from("TW").check();
    let grounds: Vec<Ground> = a
        .determination
        .because
        .iter()
        .filter_map(|s| match &s.reason {
            Reason::Jurisdiction { ground, .. } => Some(*ground),
            _ => None,
        })
        .collect();
    assert_eq!(
        grounds,
        vec![
            Ground::UsLocated,
            Ground::UsOrigin,
            Ground::DeMinimis,
            Ground::DirectProduct
        ]
    );
}

// Issue 21 point 6: a part with no published throughput is classified from the range its
// sources give. B30A: more than 12× the H20's TPP (IFP) and no more than a full B300 (about
// half a B300, Reuters): TPP 28,416–56,000, so 3A090.a.1 (TPP ≥ 4,800) and outside the Jan 2026
// lane (TPP < 21,000). The RTX Pro 6000D has no sourced bound: it stays undetermined.
#[test]
fn b30a_is_classified_from_its_sourced_range() {
    let a = ask("B30A", "CN", "2026-03-01").check();
    let d = &a.determination;
    assert_eq!(d.paragraph.as_deref(), Some("3A090.a.1"));
    assert_eq!(d.license_required, Some(true));
    assert_eq!(
        d.review_policy,
        Some(earl_core::rules::ReviewPolicy::PresumptionOfDenial)
    );
    assert!(d.because.iter().any(|s| matches!(
        s.reason,
        Reason::TppRange { low, high, .. } if low == 28_416.0 && high == 56_000.0
    )));
    assert!(d.hinges_on_unverified.iter().any(|f| f == "tpp"));
    let rtx = ask("RTX Pro 6000D", "CN", "2026-03-01").check();
    assert_eq!(rtx.determination.paragraph, None, "no range: undetermined");
}

// A server assembled abroad with US-designed GPUs: destined to China, the GPUs are caught by
// 734.9(h) ("incorporated into" an item destined there) whatever the server's own origin; to
// Germany, where the server was built decides US origin, and the catalog does not know it (the
// GPUs' fab is not the server's factory).
#[test]
fn a_foreign_made_server_with_us_chips() {
    let cn = ask("HGX H100 8-GPU", "CN", "2024-06-01").from("MX").check();
    assert_eq!(cn.determination.subject_to_ear, Some(true));
    assert_eq!(cn.determination.license_required, Some(true));
    let de = ask("HGX H100 8-GPU", "DE", "2024-06-01")
        .from("MX")
        .us_content(0.0)
        .check();
    assert_eq!(de.determination.subject_to_ear, None);
    assert_eq!(de.determination.license_required, None);
    let built_in_mexico = ask("HGX H100 8-GPU", "DE", "2024-06-01")
        .from("MX")
        .made_in("MX")
        .us_content(0.0)
        .check();
    assert_eq!(built_in_mexico.determination.subject_to_ear, Some(false));
    assert_eq!(built_in_mexico.determination.license_required, Some(false));
}

// A catalog production fact marked unverified (Cambricon's fab and US technology: one source)
// that decides the answer is said to: the answer hinges on it.
#[test]
fn an_unverified_production_fact_that_decides_is_said_to() {
    let a = ask("MLU590", "CN", "2024-06-01").from("TW").check();
    assert_eq!(
        prong(&a, "jur-fdp-ac"),
        Some(Verdict::Applies),
        "{:?}",
        a.determination.because
    );
    assert!(
        a.determination
            .hinges_on_unverified
            .iter()
            .any(|f| f == "us_tech"),
        "{:?}",
        a.determination.hinges_on_unverified
    );
    let h100 = ask("H100", "CN", "2024-06-01").from("TW").check();
    assert!(
        !h100
            .determination
            .hinges_on_unverified
            .iter()
            .any(|f| f == "us_tech")
    );
}
