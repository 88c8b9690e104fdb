//! The refusals of a licence or shipment and the fresh check's warnings: in English exactly as
//! they read before the catalogs, and in every language without an English fallback.

use earl_core::cite::Cite;
use earl_engine::ledger::{FreshCheck, Refusal};
use earl_render::Lang;
use earl_render::i18n::FALLBACK_MARK;
use earl_render::prose::{licence_fresh_check, refusal};

fn date(s: &str) -> jiff::civil::Date {
    s.parse().unwrap()
}

fn refusals() -> Vec<(Refusal, &'static str)> {
    let n = || "L-1".to_string();
    vec![
        (
            Refusal::UnknownLicence { number: n() },
            "No licence L-1 is recorded (see `earl licence list`).",
        ),
        (
            Refusal::BeforeIssue {
                number: n(),
                issued: date("2026-03-01"),
                date: date("2026-02-01"),
            },
            "The shipment date 2026-02-01 is before licence L-1 was issued (2026-03-01).",
        ),
        (
            Refusal::OverValue {
                number: n(),
                remaining: 1500.0,
                asked: 2_000_000.0,
            },
            "The shipment's value, US$2,000,000, exceeds what licence L-1 has left: US$1,500.",
        ),
        (
            Refusal::EndUserMismatch {
                number: n(),
                licensed: Some("Acme".into()),
                asked: None,
            },
            "Licence L-1 names the end user Acme, not (none).",
        ),
        (
            Refusal::DestinationMismatch {
                number: n(),
                licensed: "CN".into(),
                asked: "AE".into(),
            },
            "Licence L-1 is for CN, not AE.",
        ),
        (
            Refusal::Cap {
                chip: "H200".into(),
                us_units: 1000,
                capped_units: 450,
                asked: 100,
                share: 0.5,
                places: vec!["CN".into(), "MO".into()],
                entry: "cond-lane-volume".into(),
                rule: "at most 50 percent".into(),
                cite: Cite {
                    text: "91 FR 1684".into(),
                    confidence: Default::default(),
                },
            },
            "Refused under cond-lane-volume (at most 50 percent — 91 FR 1684): 100 more units of H200 would bring shipments to CN/MO under the lane to 550, above 50% of the 1000 units shipped to US end users by the shipment's date (500 allowed).",
        ),
    ]
}

#[test]
fn english_refusals_read_as_before() {
    for (r, english) in refusals() {
        assert_eq!(refusal(&r, Lang::En), english);
    }
}

#[test]
fn every_language_refuses_in_its_own_words() {
    for lang in [Lang::Ar, Lang::ZhHans] {
        for (r, english) in refusals() {
            let said = refusal(&r, lang);
            assert!(!said.starts_with(FALLBACK_MARK), "{lang}: {said}");
            assert_ne!(said, english, "{lang}");
            assert!(
                said.contains("L-1") || said.contains("cond-lane-volume"),
                "{said}"
            );
        }
    }
}

#[test]
fn the_fresh_check_warns_unless_a_licence_is_needed() {
    let check = |required, prohibited| FreshCheck {
        date: date("2026-03-01"),
        license_required: required,
        prohibited,
        decided_by: vec!["ac-dest".into()],
    };
    assert_eq!(
        licence_fresh_check(&check(Some(true), Some(false)), "L-1", Lang::En),
        None
    );
    assert_eq!(
        licence_fresh_check(&check(Some(false), Some(false)), "L-1", Lang::En).unwrap(),
        "a fresh check finds that this export needs no licence on 2026-03-01 (decided by ac-dest); licence L-1 is recorded as asked, but authorises nothing that needed one"
    );
    assert_eq!(
        licence_fresh_check(&check(None, None), "L-1", Lang::En).unwrap(),
        "a fresh check cannot rule out that this export is prohibited on 2026-03-01 (decided by ac-dest): shipments under licence L-1 will be refused until that is decided; recorded as asked"
    );
    let chinese = licence_fresh_check(&check(Some(true), Some(true)), "L-1", Lang::ZhHans).unwrap();
    assert!(
        chinese.starts_with("重新检查发现此出口在 2026-03-01 被禁止"),
        "{chinese}"
    );
}
