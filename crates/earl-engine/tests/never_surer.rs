//! Never surer than the facts (issue 21, point 2): no answer states a review policy while a
//! review entry ranked above the one it names could not be evaluated and would say otherwise,
//! no clear ("no licence required") while a control could not be evaluated, and no condition
//! of an open review reading is dropped in silence. Checked over every catalog chip, country of
//! interest, rule date and scenario, and over random specifications with figures left unknown.
//!
//! The combining order is 15 CFR 742.6(b)'s as earl encodes it (`data/rules.toml` header):
//! review entries by rank; the first that applies sets the policy; a listed party's stricter
//! policy governs (15 CFR 744.11(b)).

use earl_core::chip::{ChipKind, CustomSpec, Precision};
use earl_core::rules::ReviewPolicy;
use earl_core::step::{Reason, Verdict};
use earl_engine::{CheckRequest, Engine, Item, ListsSource};
use proptest::prelude::*;
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    Engine::new(
        earl_data::Dataset::bundled().expect("bundled data loads"),
        ListsSource::Bundled,
    )
});

const PLACES: [&str; 12] = [
    "CN", "MO", "HK", "AE", "SA", "DE", "IN", "VN", "MY", "SG", "RU", "IL",
];
const DATES: [&str; 8] = [
    "2022-10-21",
    "2023-11-17",
    "2025-01-20",
    "2025-05-13",
    "2025-12-08",
    "2026-01-15",
    "2026-03-01",
    "2026-12-06",
];

fn ask(item: Item, to: &str, date: &str, scenario: Option<&str>) -> CheckRequest {
    CheckRequest {
        item,
        to: to.into(),
        from: None,
        end_user: None,
        end_user_hq: None,
        date: date.parse().unwrap(),
        scenario: scenario.map(str::to_string),
        quantity: None,
        ownership: None,
        made: Default::default(),
    }
}

/// Every way the answer could be surer than its steps, as a list of complaints.
fn surer_than_its_steps(d: &earl_core::check::Determination) -> Vec<String> {
    let mut wrong = Vec::new();
    let overriding: Option<ReviewPolicy> = d.because.iter().find_map(|s| match &s.reason {
        Reason::PolicyOverride { policy, .. } => Some(*policy),
        _ => None,
    });
    let mut open = false;
    for s in d.because.iter().filter(|s| s.branch.is_none()) {
        match &s.reason {
            Reason::Review {
                policy,
                verdict: Verdict::Undetermined,
                overridden: false,
                ..
            } => {
                open = true;
                if let Some(stated) = d.review_policy
                    && stated != *policy
                    && overriding.is_none_or(|p| p < *policy)
                {
                    wrong.push(format!(
                        "states {stated:?} while {:?} ({policy:?}) was undetermined",
                        s.entry
                    ));
                }
            }
            Reason::ReviewUndetermined { .. } if d.review_policy.is_some() => {
                wrong.push("a policy stated beside 'review undetermined'".into());
            }
            Reason::Control {
                verdict: Verdict::Undetermined,
                ..
            } if d.license_required == Some(false) => {
                wrong.push(format!(
                    "a clear while control {:?} is undetermined",
                    s.entry
                ));
            }
            _ => {}
        }
    }
    // A possible outcome whose review is open says so (null alone would read as "none").
    for o in &d.possible_outcomes {
        let open_here = d.because.iter().any(|s| {
            s.branch.as_deref() == Some(o.classification.as_str())
                && matches!(s.reason, Reason::ReviewUndetermined { .. })
        });
        if open_here && o.review_policy.is_none() && o.review_open.is_none() {
            wrong.push(format!(
                "possible outcome {} has an open review with no readings",
                o.classification
            ));
        }
    }
    // An open reading's conditions are shown as applying if it holds, or the policy is settled.
    if open && d.review_policy.is_none() {
        let said = d
            .because
            .iter()
            .any(|s| matches!(s.reason, Reason::ReviewUndetermined { .. }));
        if !said {
            wrong.push("an open review with no 'review undetermined' step".into());
        }
    }
    wrong
}

#[test]
fn no_catalog_answer_is_surer_than_its_steps() {
    let scenarios: Vec<Option<&str>> = std::iter::once(None)
        .chain(
            ENGINE
                .data
                .rules
                .scenarios
                .iter()
                .map(|s| Some(s.id.as_str())),
        )
        .collect();
    let mut asked = 0;
    let mut wrong = Vec::new();
    for chip in &ENGINE.data.catalog.chips {
        for to in PLACES {
            for (i, date) in DATES.iter().enumerate() {
                // Every scenario on the two newest dates; the timeline alone on all of them.
                let laid = if i >= DATES.len() - 2 {
                    &scenarios[..]
                } else {
                    &scenarios[..1]
                };
                for scenario in laid {
                    let a = ENGINE
                        .check(&ask(Item::Catalog(chip.id.clone()), to, date, *scenario))
                        .unwrap();
                    asked += 1;
                    for w in surer_than_its_steps(&a.determination) {
                        wrong.push(format!("{} → {to} on {date} {scenario:?}: {w}", chip.id));
                    }
                }
            }
        }
    }
    assert!(asked > 5_000, "{asked}");
    assert!(
        wrong.is_empty(),
        "{} of {asked}:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// The judged case: Ascend 910B3 to China on 2026-03-01, whose memory bandwidth the sources do
/// not give, is not "presumption of denial": the Jan 2026 lane (91 FR 1684) may apply, and its
/// conditions are shown as applying if it does.
#[test]
fn an_open_lane_leaves_the_review_policy_undetermined_with_both_readings() {
    let a = ENGINE
        .check(&ask(
            Item::Catalog("Ascend 910B3".into()),
            "CN",
            "2026-03-01",
            None,
        ))
        .unwrap();
    let d = &a.determination;
    assert_eq!(d.license_required, Some(true));
    assert_eq!(d.review_policy, None, "{:?}", d.decided_by);
    let readings = d
        .because
        .iter()
        .find_map(|s| match &s.reason {
            Reason::ReviewUndetermined { readings, fallback } => Some((readings, *fallback)),
            _ => None,
        })
        .expect("a 'review undetermined' step");
    let policies: Vec<(&str, ReviewPolicy)> = readings
        .0
        .iter()
        .map(|r| (r.entry.as_str(), r.policy))
        .collect();
    assert_eq!(
        policies,
        [
            ("rp-2026-lane", ReviewPolicy::CaseByCase),
            ("rp-d5-macau", ReviewPolicy::PresumptionOfDenial)
        ]
    );
    assert!(
        readings.1,
        "presumption of denial if the lane does not apply"
    );
    let conditional: Vec<&str> = d
        .conditions
        .iter()
        .filter_map(|s| match &s.reason {
            Reason::ConditionIf {
                review: Some(r), ..
            } if r == "rp-2026-lane" => s.entry.as_deref(),
            _ => None,
        })
        .collect();
    assert!(conditional.contains(&"cond-lane-volume"), "{conditional:?}");
    assert!(d.decided_by.iter().any(|e| e == "rp-2026-lane"));
}

/// The same specification through the API's shape: TPP 15,000, die 800 mm², datacenter, no
/// memory bandwidth, to China on 2026-03-01.
/// The RTX Pro 6000D has no sourced throughput: each 3A090 paragraph still possible needs a
/// licence to China, under the H200 lane (case-by-case) if it applies, else presumption of
/// denial. The outcome says both readings; its null policy does not read as "none".
#[test]
fn a_possible_outcome_names_its_open_review_readings() {
    let d = ENGINE
        .check(&ask(
            Item::Catalog("RTX Pro 6000D".into()),
            "CN",
            "2026-12-06",
            None,
        ))
        .expect("answers")
        .determination;
    assert_eq!(d.license_required, None);
    let licensed: Vec<_> = d
        .possible_outcomes
        .iter()
        .filter(|o| o.license_required == Some(true))
        .collect();
    assert_eq!(licensed.len(), 4, "{:#?}", d.possible_outcomes);
    for o in licensed {
        assert_eq!(o.review_policy, None);
        let open = o.review_open.as_ref().expect("readings named");
        let readings: Vec<_> = open
            .readings
            .iter()
            .map(|r| (r.entry.as_str(), r.policy))
            .collect();
        assert_eq!(
            readings,
            [
                ("rp-2026-lane", ReviewPolicy::CaseByCase),
                ("rp-d5-macau", ReviewPolicy::PresumptionOfDenial)
            ],
            "{}",
            o.classification
        );
        assert!(open.fallback);
    }
    let clear = d
        .possible_outcomes
        .iter()
        .find(|o| o.license_required == Some(false))
        .expect("not 3A090 is possible");
    assert_eq!((clear.review_policy, &clear.review_open), (None, &None));
}

#[test]
fn a_spec_without_memory_bandwidth_keeps_the_lane_open() {
    let spec = CustomSpec {
        tpp: Some(15_000.0),
        throughput: Vec::new(),
        die_area_mm2: Some(800.0),
        pd: None,
        datacenter: Some(true),
        memory_bandwidth_gbps: None,
        chip_to_chip_gbps: None,
        package_area_mm2: None,
        kind: ChipKind::Accelerator,
    };
    let a = ENGINE
        .check(&ask(Item::Spec(spec.clone()), "CN", "2026-03-01", None))
        .unwrap();
    assert_eq!(a.determination.review_policy, None);
    assert!(surer_than_its_steps(&a.determination).is_empty());
    // With the bandwidth known below 6,500 GB/s, and the chip stated to be commercially
    // available in the US (the lane's scope, issue 21 point 4), the lane applies: case by case,
    // conditions set.
    let known = CustomSpec {
        memory_bandwidth_gbps: Some(4_800.0),
        ..spec
    };
    let mut asked = ask(Item::Spec(known), "CN", "2026-03-01", None);
    asked.made.us_available = Some(true);
    let a = ENGINE.check(&asked).unwrap();
    assert_eq!(
        a.determination.review_policy,
        Some(ReviewPolicy::CaseByCase)
    );
    assert!(
        a.determination
            .conditions
            .iter()
            .any(|s| s.entry.as_deref() == Some("cond-lane-volume") && s.decisive)
    );
}

fn figure(lo: f64, hi: f64) -> impl Strategy<Value = Option<f64>> {
    prop_oneof![Just(None), (lo..hi).prop_map(Some)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn no_spec_answer_is_surer_than_its_steps(
        // TPP given directly, or dense FP8 throughput to compute it from (never both).
        performance in prop_oneof![
            (500.0..40_000.0).prop_map(|t| (Some(t), None)),
            (100.0..5_000.0).prop_map(|t| (None, Some(t))),
        ],
        die in figure(100.0, 1_600.0),
        bandwidth in figure(500.0, 12_000.0),
        datacenter in prop_oneof![Just(None), Just(Some(true)), Just(Some(false))],
        to in proptest::sample::select(PLACES.to_vec()),
        date in proptest::sample::select(DATES.to_vec()),
    ) {
        let (tpp, fp8): (Option<f64>, Option<f64>) = performance;
        let spec = CustomSpec {
            tpp,
            throughput: fp8.map(|t| vec![(Precision::Fp8, t)]).unwrap_or_default(),
            die_area_mm2: die,
            pd: None,
            datacenter,
            memory_bandwidth_gbps: bandwidth,
            chip_to_chip_gbps: None,
            package_area_mm2: None,
            kind: ChipKind::Accelerator,
        };
        let a = ENGINE.check(&ask(Item::Spec(spec), to, date, None)).unwrap();
        let wrong = surer_than_its_steps(&a.determination);
        prop_assert!(wrong.is_empty(), "{wrong:?}");
    }
}
