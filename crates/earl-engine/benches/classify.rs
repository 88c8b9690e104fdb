//! Classification and licence-determination speed on the bundled rules.
//!
//! `classify/core` is the rule evaluation alone (snapshot built and chip measured once, as a
//! batch run or the server does); `classify/engine` adds building the snapshot for the date and
//! measuring the chip, as a one-off CLI question does; `check/engine` is a full determination.

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use earl_core::classify::classify;
use earl_core::metrics::Metrics;
use earl_core::rules::Evaluator;
use earl_engine::{CheckRequest, Engine, Item, ListsSource, parse_date};

fn bench(c: &mut Criterion) {
    let engine = Engine::new(earl_data::Dataset::bundled().unwrap(), ListsSource::Bundled);
    let date = parse_date("2026-03-01").unwrap();
    let snap = engine.snapshot(date, None);
    let chip = engine.chip("H200").unwrap();
    let metrics = Metrics::of_chip(chip);
    let eval = Evaluator {
        groups: &engine.data.groups,
        own_groups: &snap.entries.group,
    };
    c.bench_function("classify/core H200", |b| {
        b.iter(|| classify(black_box(&snap), black_box(&metrics), &eval))
    });
    let item = Item::Catalog("H200".into());
    c.bench_function("classify/engine H200", |b| {
        b.iter(|| engine.classify(black_box(&item), date, None).unwrap())
    });
    let req = CheckRequest {
        item: Item::Catalog("H200".into()),
        to: "CN".into(),
        from: None,
        end_user: None,
        end_user_hq: None,
        date,
        scenario: None,
        quantity: None,
        ownership: None,
        made: Default::default(),
    };
    c.bench_function("check/engine H200 to CN", |b| {
        b.iter(|| engine.check(black_box(&req)).unwrap())
    });
    let mut batch = engine.batch(None).unwrap();
    c.bench_function("check/batch H200 to CN", |b| {
        b.iter(|| {
            batch
                .check(black_box(&req))
                .unwrap()
                .answer
                .determination
                .license_required
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
