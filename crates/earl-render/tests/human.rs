//! The human output of every command, on representative answers, as snapshots (`insta`): what a
//! user reads is asserted byte for byte, and no Rust `Debug` text may appear in it.

use earl_core::ownership::Stake;
use earl_engine::explore::diff::DiffRequest;
use earl_engine::explore::impact::ImpactRequest;
use earl_engine::explore::timeline::TimelineRequest;
use earl_engine::{CheckRequest, Engine, Item, ListsSource, ScreenRequest};
use earl_render::{Explain, Lang, explained, explore, human};
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    Engine::new(
        earl_data::Dataset::bundled().expect("bundled data loads"),
        ListsSource::Bundled,
    )
});

/// Runs a printer into a string.
fn render(print: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    print(&mut out).expect("printing to memory");
    let text = String::from_utf8(out).expect("UTF-8");
    for debug in [
        "Some(",
        "None",
        "{ ",
        "Transliteration",
        "BundledSnapshot",
        "Tri::",
    ] {
        assert!(!text.contains(debug), "Debug text `{debug}` in:\n{text}");
    }
    text
}

/// Parts that change with the day the test runs.
fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.add_filter(r"are \d+ days old", "are [N] days old");
    // The same age in Chinese and Arabic (the Arabic number between Unicode isolates).
    s.add_filter(r"已有 \d+ 天", "已有 [N] 天");
    s.add_filter(r"\d+(\x{2069})? يومًا", "[N]$1 يومًا");
    s.add_filter(r"[0-9a-f]{64}", "[sha256]");
    s
}

fn check(chip: &str, to: &str, date: &str, end_user: Option<&str>) -> earl_engine::CheckAnswer {
    explained(
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
            .unwrap(),
    )
}

#[test]
fn classify() {
    let a = explained(
        ENGINE
            .classify(
                &Item::Catalog("H200".into()),
                "2026-03-01".parse().unwrap(),
                None,
            )
            .unwrap(),
    );
    insta::assert_snapshot!(render(|w| human::classify(w, &a, Lang::En)));
    let open = explained(
        ENGINE
            .classify(
                &Item::Catalog("MTT S4000".into()),
                "2026-03-01".parse().unwrap(),
                None,
            )
            .unwrap(),
    );
    insta::assert_snapshot!(
        "classify_undetermined",
        render(|w| human::classify(w, &open, Lang::En))
    );
}

#[test]
fn check_clean() {
    let a = check("H100", "DE", "2026-03-01", None);
    insta::assert_snapshot!(render(|w| human::check(w, &a, Lang::En)));
}

#[test]
fn check_licence_under_the_lane() {
    let a = check("H200", "CN", "2026-03-01", None);
    insta::assert_snapshot!(render(|w| human::check(w, &a, Lang::En)));
}

#[test]
fn check_exception() {
    let a = check("RTX 4090", "SA", "2025-06-01", None);
    insta::assert_snapshot!(render(|w| human::check(w, &a, Lang::En)));
}

#[test]
fn check_party_hit() {
    let a = check("H200", "CN", "2026-03-01", Some("Moore Threads"));
    settings().bind(|| insta::assert_snapshot!(render(|w| human::check(w, &a, Lang::En))));
}

#[test]
fn check_undetermined() {
    let a = check("H100", "AE", "2026-08-01", None);
    insta::assert_snapshot!(render(|w| human::check(w, &a, Lang::En)));
}

#[test]
fn check_owned_by_a_listed_party() {
    let mut a = ENGINE
        .check(&CheckRequest {
            item: Item::Catalog("T4".into()),
            to: "SG".into(),
            from: None,
            end_user: Some("Acme Widgets Trading Ltd".into()),
            end_user_hq: None,
            date: "2026-12-01".parse().unwrap(),
            scenario: None,
            quantity: None,
            ownership: Some(vec![Stake {
                owner: "Moore Threads".into(),
                owned: "Acme Widgets Trading Ltd".into(),
                percent: 60.0,
                origin: None,
            }]),
            made: Default::default(),
        })
        .unwrap();
    a.explain();
    settings().bind(|| insta::assert_snapshot!(render(|w| human::check(w, &a, Lang::En))));
}

#[test]
fn screen() {
    let a = ENGINE
        .screen(&ScreenRequest {
            name: "摩尔线程".into(),
            country: Some("China".into()),
            lists: None,
            threshold: None,
            include_below: false,
            date: "2026-03-01".parse().unwrap(),
        })
        .unwrap();
    settings().bind(|| insta::assert_snapshot!(render(|w| human::screen(w, &a, Lang::En))));
}

#[test]
fn pair() {
    let a = ENGINE.pair("Moore Threads", "摩尔线程", None).unwrap();
    insta::assert_snapshot!(render(|w| human::pair(w, &a.score, Lang::En)));
}

#[test]
fn pair_in_every_language() {
    let a = ENGINE.pair("Moore Threads", "摩尔线程", None).unwrap();
    in_every_language("pair", &|lang| render(|w| human::pair(w, &a.score, lang)));
}

#[test]
fn lists() {
    let p = ENGINE.list_provenance().unwrap();
    settings()
        .bind(|| insta::assert_snapshot!(render(|w| human::lists(w, &p, None, &[], Lang::En))));
}

#[test]
fn lists_in_every_language() {
    let p = ENGINE.list_provenance().unwrap();
    in_every_language("lists", &|lang| {
        let old = earl_screen::Staleness::Old {
            generated: "2026-07-31".parse().unwrap(),
            age_days: 128,
            max_days: 7,
        };
        render(|w| human::lists(w, &p, Some(&old), &[], lang))
    });
}

#[test]
fn about() {
    let a = ENGINE.about().unwrap();
    settings().bind(|| insta::assert_snapshot!(render(|w| human::about(w, &a, Lang::En))));
}

#[test]
fn about_in_every_language() {
    let a = ENGINE.about().unwrap();
    in_every_language("about", &|lang| render(|w| human::about(w, &a, lang)));
}

#[test]
fn diff() {
    let r = ENGINE
        .diff(&DiffRequest {
            from: "2025-11-20".into(),
            to: "2026-03-01".into(),
            destinations: vec!["CN".into()],
            chips: vec!["H200".into(), "H100".into(), "B200".into(), "MI325X".into()],
            scenario_date: "2026-03-01".parse().unwrap(),
        })
        .unwrap();
    insta::assert_snapshot!(render(|w| explore::diff(w, &r, Lang::En)));
}

#[test]
fn timeline() {
    let until = "2026-11-28".parse().unwrap();
    let r = ENGINE
        .timeline(&TimelineRequest {
            chip: "A800".into(),
            to: "CN".into(),
            until,
            scenario: None,
        })
        .unwrap();
    insta::assert_snapshot!(render(|w| explore::timeline(w, &r, until, Lang::En)));
}

#[test]
fn impact() {
    let r = ENGINE
        .impact(&ImpactRequest {
            units: vec![("H200".into(), 1000), ("MI300X".into(), 10)],
            prices: vec![("H200".into(), 2_700_000)],
            to: "CN".into(),
            date: "2026-03-01".parse().unwrap(),
            scenario: None,
        })
        .unwrap();
    insta::assert_snapshot!(render(|w| explore::impact(w, &r, Lang::En)));
    in_every_language("impact", &|lang| render(|w| explore::impact(w, &r, lang)));
}

#[test]
fn scenarios() {
    let rows = ENGINE.scenario_rows();
    insta::assert_snapshot!(render(|w| explore::scenarios(w, &rows, Lang::En)));
}

#[test]
fn audit() {
    let dir = tempfile::tempdir().unwrap();
    let store = earl_store::AuditStore::open(&dir.path().join("a.sqlite")).unwrap();
    let answer = check("H200", "CN", "2026-03-01", None);
    let record = ENGINE
        .record(
            earl_engine::audit::Source::Cli,
            &serde_json::json!({"chip": "H200", "to": "CN", "date": "2026-03-01"}),
            &answer,
        )
        .unwrap();
    store.append_prepared(&record).unwrap();
    let rows = store.list(&earl_store::ListFilter::default()).unwrap();
    let mut s = settings();
    s.add_filter(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", "[time]");
    s.add_filter(r"\(/tmp/[^)]*\)", "([path])");
    s.add_filter(r"  [0-9a-f]{16}\n", "  [hash]\n");
    s.bind(|| {
        insta::assert_snapshot!(
            "audit_list",
            render(|w| human::audit_list(w, &rows, store.path(), Lang::En))
        );
        let report = store.verify().unwrap();
        insta::assert_snapshot!(
            "audit_verify",
            render(|w| human::audit_verify(w, &report, store.path(), Lang::En))
        );
    });
}

/// A check of `chip` from abroad with the production facts stated.
fn check_made(
    chip: &str,
    to: &str,
    from: &str,
    date: &str,
    made: earl_engine::MadeInput,
) -> earl_engine::CheckAnswer {
    explained(
        ENGINE
            .check(&CheckRequest {
                item: Item::Catalog(chip.into()),
                to: to.into(),
                from: Some(from.into()),
                end_user: None,
                end_user_hq: None,
                date: date.parse().unwrap(),
                scenario: None,
                quantity: None,
                ownership: None,
                made,
            })
            .unwrap(),
    )
}

/// Issue 21: the jurisdiction path first — a clear (not subject), an undetermined one, and
/// Ascend under BIS's GP10 guidance.
#[test]
fn check_jurisdiction() {
    let not_subject = check_made(
        "H100",
        "MY",
        "TW",
        "2024-06-01",
        earl_engine::MadeInput {
            us_content: Some(10.0),
            ..Default::default()
        },
    );
    insta::assert_snapshot!(
        "check_not_subject",
        render(|w| human::check(w, &not_subject, Lang::En))
    );
    let open = check_made(
        "H100",
        "DE",
        "TW",
        "2025-06-01",
        earl_engine::MadeInput::default(),
    );
    insta::assert_snapshot!(
        "check_jurisdiction_undetermined",
        render(|w| human::check(w, &open, Lang::En))
    );
    let ascend = check_made(
        "Ascend 910B",
        "DE",
        "CN",
        "2026-03-01",
        earl_engine::MadeInput::default(),
    );
    insta::assert_snapshot!(
        "check_ascend_gp10",
        render(|w| human::check(w, &ascend, Lang::En))
    );
}

/// The same answer in every other language: the same facts (figures, ids, citations), every
/// sentence from that language's catalog, none falling back to English.
fn in_every_language(name: &str, answer: &impl Fn(Lang) -> String) {
    let english = answer(Lang::En);
    for lang in [Lang::Ar, Lang::ZhHans] {
        let text = answer(lang);
        assert!(
            !text.contains(earl_render::i18n::FALLBACK_MARK),
            "{lang}: a message fell back to English:\n{text}"
        );
        assert_ne!(text, english, "{lang}");
        // Citations stay as published, beside the translated sentence.
        for cite in ["91 FR 1684", "15 CFR"] {
            assert_eq!(
                english.contains(cite),
                text.contains(cite),
                "{lang}: {cite}"
            );
        }
        let snapshot = format!("{name}_{}", lang.tag().replace('-', "_").to_lowercase());
        settings().bind(|| insta::assert_snapshot!(snapshot, text));
    }
}

#[test]
fn check_h200_to_china_in_every_language() {
    let a = check("H200", "CN", "2026-03-01", None);
    in_every_language("check_h200_cn", &|lang| {
        let a = earl_render::explained_in(a.clone(), lang);
        render(|w| human::check(w, &a, lang))
    });
}

#[test]
fn check_party_hit_in_every_language() {
    let a = check("H200", "CN", "2026-03-01", Some("Moore Threads"));
    in_every_language("check_party_hit", &|lang| {
        let a = earl_render::explained_in(a.clone(), lang);
        render(|w| human::check(w, &a, lang))
    });
}

#[test]
fn classify_in_every_language() {
    let a = ENGINE
        .classify(
            &Item::Catalog("MTT S4000".into()),
            "2026-03-01".parse().unwrap(),
            None,
        )
        .unwrap();
    in_every_language("classify_undetermined", &|lang| {
        let a = earl_render::explained_in(a.clone(), lang);
        render(|w| human::classify(w, &a, lang))
    });
}

#[test]
fn screen_in_every_language() {
    let a = ENGINE
        .screen(&ScreenRequest {
            name: "摩尔线程".into(),
            country: Some("China".into()),
            lists: None,
            threshold: None,
            include_below: false,
            date: "2026-03-01".parse().unwrap(),
        })
        .unwrap();
    in_every_language("screen", &|lang| render(|w| human::screen(w, &a, lang)));
}

#[test]
fn timeline_in_every_language() {
    let until = "2026-11-28".parse().unwrap();
    let r = ENGINE
        .timeline(&TimelineRequest {
            chip: "H200".into(),
            to: "CN".into(),
            until,
            scenario: None,
        })
        .unwrap();
    in_every_language("timeline_h200_cn", &|lang| {
        render(|w| explore::timeline(w, &r, until, lang))
    });
}

#[test]
fn scenarios_in_every_language() {
    let rows = ENGINE.scenario_rows();
    in_every_language("scenarios", &|lang| {
        render(|w| explore::scenarios(w, &rows, lang))
    });
}
