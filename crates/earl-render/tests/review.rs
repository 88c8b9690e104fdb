//! Hit review in the human output: a match set aside as a false positive (under `reviewed`),
//! one raised again because its entry changed, one because its disposition expired, a true
//! match kept with its note, an escalated one kept open; and `earl review list` — in English,
//! Arabic and Chinese, as snapshots.

use earl_engine::review::Reviews;
use earl_engine::{CheckRequest, Engine, Item, ListsSource, ScreenRequest};
use earl_render::{Lang, explained, human};
use earl_store::LedgerEntry;
use std::sync::LazyLock;

const PARTY: &str = "Huawei Technologies";
/// Entries `PARTY` matches in the bundled list, by primary name.
const SET_ASIDE: &str = "Huawei Tech Investment Limited";
const CHANGED: &str = "Huawei Technologies Lebanon";
const EXPIRED: &str = "Huawei Technology Portugal";
const TRUE_MATCH: &str = "Huawei Technologies Co., Ltd. (Huawei)";
const ESCALATED: &str = "Huawei Technologies Morocco";
/// A question date after every expiry below and fixed, so the snapshots do not age: expiry is
/// judged on the later of today and the question's date.
const ASKED: &str = "2030-01-02";

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    let engine = Engine::new(
        earl_data::Dataset::bundled().expect("bundled data loads"),
        ListsSource::Bundled,
    );
    let screener = &engine.screening().unwrap().screener;
    let entry = |name: &str| screener.entries().find(|e| e.name == name).unwrap();
    let disposition =
        |seq: u64, name: &str, decision: &str, expires: Option<&str>, hash: Option<&str>| {
            let e = entry(name);
            LedgerEntry {
                seq,
                recorded_at: "2026-12-01T00:00:00.000Z".into(),
                kind: "disposition".into(),
                inputs: serde_json::json!({
                    "party": PARTY, "party_key": "huawei technologies", "country": null,
                    "entry": e.entry_id, "entry_hash": hash.unwrap_or(&e.entry_hash),
                    "list": "EL", "entry_name": e.name, "decision": decision,
                    "reviewer": "A. Analyst", "reason": format!("reviewed {name}"),
                    "expires": expires, "evidence": null, "date": "2026-12-01",
                    "lists_sha256": "bundled",
                }),
            }
        };
    let reviews = Reviews::from_entries(&[
        disposition(1, SET_ASIDE, "false-positive", Some("2031-01-01"), None),
        disposition(2, CHANGED, "false-positive", None, Some("0000000000000000")),
        disposition(3, EXPIRED, "false-positive", Some("2030-01-01"), None),
        disposition(4, TRUE_MATCH, "true-match", None, None),
        disposition(5, ESCALATED, "escalated", None, None),
    ])
    .unwrap();
    engine.set_reviews(reviews);
    engine
});

fn render(print: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    print(&mut out).expect("printing to memory");
    String::from_utf8(out).expect("UTF-8")
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.add_filter(r"are \d+ days old", "are [N] days old");
    // The same age in Chinese and Arabic (the Arabic number between Unicode isolates).
    s.add_filter(r"已有 \d+ 天", "已有 [N] 天");
    s.add_filter(r"\d+(\x{2069})? يومًا", "[N]$1 يومًا");
    s
}

fn screen() -> earl_engine::ScreenAnswer {
    ENGINE
        .screen(&ScreenRequest {
            name: PARTY.into(),
            country: None,
            lists: Some(vec!["EL".into()]),
            threshold: Some(0.88),
            include_below: false,
            date: ASKED.parse().unwrap(),
        })
        .unwrap()
}

#[test]
fn each_disposition_does_what_it_says() {
    let a = screen();
    let names: Vec<&str> = a.matches.iter().map(|m| m.found.name.as_str()).collect();
    assert!(!names.contains(&SET_ASIDE), "{names:?}");
    for kept in [CHANGED, EXPIRED, TRUE_MATCH, ESCALATED] {
        assert!(names.contains(&kept), "{kept} kept: {names:?}");
    }
    assert_eq!(a.reviewed.len(), 1);
    assert_eq!(a.reviewed[0].found.found.name, SET_ASIDE);
    assert_eq!(a.reviewed[0].review.disposition, 1);
    // Relied on: the one set aside, the true match, the escalation; not the lapsed ones.
    assert_eq!(a.dispositions, [1, 4, 5]);
    let json = serde_json::to_value(&a).unwrap();
    let status = |name: &str| {
        json["matches"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["name"] == name)
            .unwrap()["review"]
            .clone()
    };
    assert_eq!(status(CHANGED)["why"]["kind"], "entry_changed");
    assert_eq!(status(EXPIRED)["why"]["kind"], "expired");
    assert_eq!(status(EXPIRED)["why"]["judged_on"], ASKED);
    assert_eq!(status(TRUE_MATCH)["status"], "confirmed");
    assert_eq!(status(ESCALATED)["status"], "escalated");
}

#[test]
fn the_check_rests_on_no_hit_set_aside() {
    let a = explained(
        ENGINE
            .check(&CheckRequest {
                item: Item::Catalog("H200".into()),
                to: "CN".into(),
                from: None,
                end_user: Some(PARTY.into()),
                end_user_hq: None,
                date: ASKED.parse().unwrap(),
                scenario: None,
                quantity: None,
                ownership: None,
                made: Default::default(),
            })
            .unwrap(),
    );
    let d = &a.determination;
    assert!(d.end_user_matches.iter().all(|m| m.name != SET_ASIDE));
    assert_eq!(a.reviewed.len(), 1);
    assert_eq!(a.reviewed[0].hit.name, SET_ASIDE);
    assert_eq!(a.dispositions, [1, 4, 5]);
    // The true match still decides: the licence stays required.
    assert_eq!(d.license_required, Some(true));
}

#[test]
fn screen_in_every_language() {
    let a = screen();
    for (lang, name) in [
        (Lang::En, "en"),
        (Lang::Ar, "ar"),
        (Lang::ZhHans, "zh_hans"),
    ] {
        let text = render(|w| human::screen(w, &a, lang));
        assert!(
            !text.contains(earl_render::i18n::FALLBACK_MARK),
            "{lang}: a message fell back to English:\n{text}"
        );
        settings().bind(|| insta::assert_snapshot!(format!("screen_reviewed_{name}"), text));
    }
}

#[test]
fn dispositions_in_every_language() {
    let all = ENGINE.reviews().all().to_vec();
    for (lang, name) in [
        (Lang::En, "en"),
        (Lang::Ar, "ar"),
        (Lang::ZhHans, "zh_hans"),
    ] {
        let text = render(|w| earl_render::review::dispositions(w, &all, lang));
        insta::assert_snapshot!(format!("dispositions_{name}"), text);
    }
}

#[test]
fn queue_in_every_language() {
    use earl_core::party::{HitReview, Reraised, ReviewNote};
    use earl_engine::reexamine::{QueuedHit, ReviewQueue};
    let hit = |entry: &str, id: Option<&str>, review: Option<HitReview>| QueuedHit {
        party: PARTY.into(),
        list: "EL".into(),
        entry: entry.into(),
        entry_id: id.map(str::to_string),
        entry_hash: id.map(|_| "92e0332a073c9d59".to_string()),
        matched_name: entry.into(),
        score: 0.88,
        first_recorded: "2026-12-01T09:00:00.000Z".into(),
        records: vec![3, 7],
        review,
    };
    let queue = ReviewQueue {
        per_list: [("EL".to_string(), 2)].into(),
        hits: vec![
            hit(ESCALATED, None, None),
            hit(
                CHANGED,
                Some("EL:n0295831553762435"),
                Some(HitReview::Reraised {
                    note: ReviewNote {
                        disposition: 2,
                        reviewer: "A. Analyst".into(),
                        date: "2026-12-01".parse().unwrap(),
                        reason: "different entity".into(),
                        expires: None,
                    },
                    why: Reraised::EntryChanged {
                        reviewed_hash: "0000000000000000".into(),
                        current_hash: "92e0332a073c9d59".into(),
                    },
                }),
            ),
        ],
        not_read: Vec::new(),
    };
    for (lang, name) in [
        (Lang::En, "en"),
        (Lang::Ar, "ar"),
        (Lang::ZhHans, "zh_hans"),
    ] {
        let text = render(|w| earl_render::review::queue(w, &queue, lang));
        assert!(!text.contains(earl_render::i18n::FALLBACK_MARK), "{text}");
        insta::assert_snapshot!(format!("queue_{name}"), text);
    }
}

// The false-clear audit: a queue with no hit among the records read but with records it
// could not read printed only "No recorded hit awaits review." (the page said both); a record
// not read may hold a hit no disposition covers.
#[test]
fn the_queue_names_the_records_it_could_not_read() {
    let queue = earl_engine::reexamine::ReviewQueue {
        per_list: Default::default(),
        hits: Vec::new(),
        not_read: vec![earl_engine::reexamine::NotRead {
            record: 9,
            reason: "a recorded match lacks its list or name".into(),
        }],
    };
    for lang in [Lang::En, Lang::Ar, Lang::ZhHans] {
        let text = render(|w| earl_render::review::queue(w, &queue, lang));
        assert!(text.contains('9'), "{text}");
        assert!(
            text.contains("a recorded match lacks its list or name"),
            "{text}"
        );
    }
    let english = render(|w| earl_render::review::queue(w, &queue, Lang::En));
    assert_eq!(
        english,
        "No recorded hit awaits review.\n\
         1 records could not be read:\n  \
         record 9: a recorded match lacks its list or name\n"
    );
}
