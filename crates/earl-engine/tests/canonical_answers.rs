//! The audit trail's canonical text of real answers is the one the `Value` path gives.
//!
//! `earl_store::canonical::to_canonical_string` writes straight from `Serialize` rather than
//! through a `serde_json::Value`; a record's hashes cover those bytes, so for every kind of
//! answer earl records they must be exactly `canonical_json(&to_value(answer))`.

use earl_engine::{CheckRequest, Engine, Item, ListsSource, ScreenRequest};
use earl_store::canonical::{canonical_json, to_canonical_string};
use jiff::civil::date;
use serde::Serialize;
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    Engine::new(
        earl_data::Dataset::bundled().expect("bundled data loads"),
        ListsSource::Bundled,
    )
});

fn assert_same_text<T: Serialize>(answer: &T) {
    let value = serde_json::to_value(answer).expect("answer serialises");
    assert_eq!(
        to_canonical_string(answer).expect("answer serialises"),
        canonical_json(&value)
    );
}

#[test]
fn checks_classifications_and_screenings_have_the_value_path_text() {
    let dates = [
        date(2022, 10, 1),
        date(2024, 6, 1),
        date(2025, 4, 20),
        date(2026, 3, 1),
    ];
    for chip in [
        "H200",
        "H20",
        "A100",
        "B200",
        "MI308X",
        "RTX 4090 D",
        "T4",
        "Ascend 910B",
    ] {
        for at in dates {
            let item = Item::Catalog(chip.into());
            assert_same_text(&ENGINE.classify(&item, at, None).expect("classify"));
            for (to, end_user) in [
                ("CN", Some("Huawei Technologies Co., Ltd.")),
                ("DE", None),
                ("AE", Some("Acme Widgets Trading Ltd")),
                ("RU", None),
            ] {
                let request = CheckRequest {
                    item: item.clone(),
                    to: to.into(),
                    from: None,
                    end_user: end_user.map(str::to_string),
                    end_user_hq: end_user.map(|_| "CN".to_string()),
                    date: at,
                    scenario: None,
                    quantity: Some(1_000),
                    ownership: None,
                    made: Default::default(),
                };
                assert_same_text(&ENGINE.check(&request).expect("check"));
            }
        }
    }
    for name in [
        "Huawei Technologies",
        "Нетрикс",
        "华为技术有限公司",
        "Acme Widgets",
    ] {
        let request = ScreenRequest {
            name: name.into(),
            country: None,
            lists: None,
            threshold: None,
            include_below: true,
            date: date(2026, 3, 1),
        };
        assert_same_text(&ENGINE.screen(&request).expect("screen"));
    }
}
