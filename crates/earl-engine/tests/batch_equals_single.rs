//! A batch gives every row the answer a single check gives it (issue 12, point 4).
//!
//! The batch checker answers each distinct question once per "epoch" (the span between two
//! dates on which anything an answer reads can change). Its memo was once keyed too coarsely:
//! Entity List listing dates were not epoch boundaries, so a party listed on Mar 25, 2025 was
//! clear for a whole batch that first asked about Mar 20. Here random orders — chips,
//! destinations written as codes and names, parties listed around their notice dates, owners,
//! headquarters, re-exports — are run through one batch checker in random order and each row is
//! compared, whole, with `Engine::check` on its own.

use earl_core::ownership::Stake;
use earl_engine::{CheckRequest, Engine, Item, ListsSource};
use jiff::ToSpan;
use jiff::civil::Date;
use proptest::prelude::*;
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    Engine::new(
        earl_data::Dataset::bundled().expect("bundled data loads"),
        ListsSource::Bundled,
    )
});

const CHIPS: &[&str] = &[
    "A100",
    "A800",
    "H100",
    "H800",
    "H20",
    "H200",
    "L40S",
    "RTX 4090",
    "RTX 4090 D",
    "B200",
    "MI308X",
    "MI325X",
    "T4",
    "V100",
    "Ascend 910B",
];

const DESTINATIONS: &[&str] = &[
    "CN",
    "China",
    "HK",
    "Hong Kong",
    "MO",
    "RU",
    "Russia",
    "BY",
    "DE",
    "SA",
    "AE",
    "KP",
    "IR",
    "CU",
    "SY",
    "UA",
    "VN",
    "KH",
    "IN",
    "GB",
    "US",
];

/// Parties from the bundled CSL whose listing dates straddle the dates asked, and one that is
/// on no list.
const PARTIES: &[&str] = &[
    "Huawei Technologies Co., Ltd.",
    "Nettrix Information Industry Co., Ltd.",
    "Beijing Zhipu Huazhang Technology Co., Ltd.",
    "Inspur Group",
    "Moore Threads",
    "Sophgo Technologies Ltd.",
    "Semiconductor Manufacturing International Corporation",
    "SKYWIND INTERNATIONAL LIMITED",
    "Acme Widgets Trading Ltd",
];

const HQS: &[&str] = &["CN", "MO", "US", "DE", "China"];

/// Every date on which the data says something changes, with the days either side.
fn critical_dates() -> Vec<Date> {
    let d = &ENGINE.data;
    let mut dates: Vec<Date> = Vec::new();
    for a in &d.rules.timeline {
        dates.extend(a.effective);
        dates.extend(a.until);
    }
    for c in &d.groups.changes {
        dates.push(c.effective);
        dates.extend(c.not_before);
    }
    dates.extend(d.list_notices.dates().filter(|x| x.year() >= 2019));
    dates.push(d.rules.meta.as_of);
    let mut out = Vec::new();
    for x in dates {
        for shift in [-1i64, 0, 1] {
            if let Ok(y) = x.checked_add(shift.days()) {
                out.push(y);
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[derive(Debug, Clone)]
struct Order {
    chip: &'static str,
    to: &'static str,
    from: Option<&'static str>,
    end_user: Option<&'static str>,
    hq: Option<&'static str>,
    date: Date,
    owned_by: Option<&'static str>,
}

fn order(dates: Vec<Date>) -> impl Strategy<Value = Order> {
    (
        prop::sample::select(CHIPS),
        prop::sample::select(DESTINATIONS),
        prop::option::weighted(0.15, prop::sample::select(&["US", "SG", "TW"][..])),
        prop::option::weighted(0.6, prop::sample::select(PARTIES)),
        prop::option::weighted(0.25, prop::sample::select(HQS)),
        prop::sample::select(dates),
        prop::option::weighted(0.2, prop::sample::select(PARTIES)),
    )
        .prop_map(|(chip, to, from, end_user, hq, date, owned_by)| Order {
            chip,
            to,
            from,
            end_user,
            hq,
            date,
            owned_by,
        })
}

/// The batch's ownership file: one listed owner holding 60% of the unlisted party.
fn stakes() -> Vec<Stake> {
    vec![Stake {
        owner: "Huawei Technologies Co., Ltd.".into(),
        owned: "Acme Widgets Trading Ltd".into(),
        percent: 60.0,
        origin: None,
    }]
}

fn request(o: &Order) -> CheckRequest {
    CheckRequest {
        item: Item::Catalog(o.chip.into()),
        to: o.to.into(),
        from: o.from.map(str::to_string),
        end_user: o.end_user.or(o.owned_by).map(str::to_string),
        end_user_hq: o.hq.map(str::to_string),
        date: o.date,
        scenario: None,
        quantity: None,
        ownership: o.end_user.or(o.owned_by).map(|_| stakes()),
        made: Default::default(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn every_batch_row_equals_its_single_check(
        seeds in prop::collection::vec((order(critical_dates()), 0usize..4), 20)
    ) {
        // Each order is asked again on the next few critical dates: the same question on both
        // sides of a change is what a too-coarse memo gets wrong.
        let dates = critical_dates();
        let mut orders = Vec::new();
        for (o, spread) in seeds {
            let at = dates.partition_point(|d| *d < o.date);
            for k in 0..=spread {
                if let Some(&date) = dates.get(at + k) {
                    orders.push(Order { date, ..o.clone() });
                }
            }
        }
        let mut batch = ENGINE.batch(None).expect("batch");
        for o in &orders {
            let req = request(o);
            let single = ENGINE.check(&req).expect("single check");
            let mut row = batch.check(&req).expect("batch row").answer.clone();
            // A shared answer carries the first date of its epoch; the row's own date is the
            // request's.
            row.determination.date = req.date;
            prop_assert_eq!(
                serde_json::to_value(&row).unwrap(),
                serde_json::to_value(&single).unwrap(),
                "{:?}",
                o
            );
        }
    }
}

/// The case the issue reports: two rows for one listed party, before and after its listing.
#[test]
fn a_listing_inside_a_batch_changes_the_rows_after_it() {
    let mut batch = ENGINE.batch(None).expect("batch");
    let nettrix = |date: &str| CheckRequest {
        item: Item::Catalog("H100".into()),
        to: "GB".into(),
        from: None,
        end_user: Some("Nettrix Information Industry Co., Ltd.".into()),
        end_user_hq: None,
        date: date.parse().unwrap(),
        scenario: None,
        quantity: None,
        ownership: None,
        made: Default::default(),
    };
    // 90 FR 14046 (FR Doc 2025-05427), effective Mar 25, 2025 (frtracker FR API mirror).
    let required = |batch: &mut earl_engine::BatchChecker, date| {
        batch
            .check(&nettrix(date))
            .unwrap()
            .answer
            .determination
            .license_required
    };
    let before = required(&mut batch, "2025-03-20");
    let after = required(&mut batch, "2025-03-30");
    assert_eq!(before, Some(false));
    assert_eq!(after, Some(true));
}

/// A batch keeps a bounded window of full answers (issue 27: 100,000 distinct end users held
/// gigabytes). A question asked again after its answer left the window keeps its id, is
/// counted once, and gets the same answer.
#[test]
fn a_question_asked_again_after_its_answer_left_the_window_is_answered_the_same() {
    let ask = |chip: &str, to: &str, year: i16| CheckRequest {
        item: Item::Catalog(chip.into()),
        to: to.into(),
        from: None,
        end_user: None,
        end_user_hq: None,
        date: jiff::civil::date(year, 6, 1),
        scenario: None,
        quantity: None,
        ownership: None,
        made: Default::default(),
    };
    let mut batch = ENGINE.batch(None).expect("batch");
    let first = ask("H200", "CN", 2025);
    let (first_id, first_answer) = {
        let checked = batch.check(&first).expect("first question");
        (checked.id, serde_json::to_value(checked.answer).unwrap())
    };
    let codes = [
        "CN", "HK", "MO", "RU", "BY", "DE", "SA", "AE", "UA", "VN", "SG", "MY",
    ];
    'fill: for year in 1990..2040 {
        for chip in CHIPS {
            for to in codes {
                if batch.questions() > earl_engine::ANSWER_WINDOW {
                    break 'fill;
                }
                batch
                    .check(&ask(chip, to, year))
                    .expect("a catalog question");
            }
        }
    }
    let asked = batch.questions();
    assert!(
        asked > earl_engine::ANSWER_WINDOW,
        "{asked} questions asked"
    );
    let again = batch.check(&first).expect("the first question again");
    assert_eq!(again.id, first_id);
    assert_eq!(serde_json::to_value(again.answer).unwrap(), first_answer);
    assert_eq!(batch.questions(), asked);
}
