//! The CLI's refusals of bad input: English exactly each error's own `Display` (what the API
//! and the JSON say), and each in every language, the user's input and earl's suggestions kept.

use earl_data::{CountryError, UnknownChip};
use earl_engine::{Engine, EngineError, InputError, ListsSource};
use earl_render::Lang;
use earl_render::errors::{Problem, problem, unreadable_row};

fn problems() -> Vec<Problem> {
    let engine = Engine::new(
        earl_data::Dataset::bundled().expect("bundled data loads"),
        ListsSource::Bundled,
    );
    let input = |e: EngineError| match e {
        EngineError::Input(e) => Problem::Input(e),
        other => panic!("expected a typed input error, got {other:?}"),
    };
    vec![
        // As the engine refuses them.
        input(engine.chip("H300").unwrap_err()),
        input(engine.country("Atlantis").unwrap_err()),
        input(earl_engine::parse_date("2026-13-01").unwrap_err()),
        input(earl_engine::parse_date("1 March").unwrap_err()),
        // Every other shape.
        Problem::Input(InputError::UnknownChip(UnknownChip {
            name: "zzzz\u{200b}".into(),
            suggestions: vec![],
        })),
        Problem::Input(InputError::Country(CountryError::Unknown {
            name: "Nowhere".into(),
            suggestions: vec![],
        })),
        Problem::Input(InputError::Country(CountryError::Unknown {
            name: "Chna".into(),
            suggestions: vec!["China".into(), "Chad".into()],
        })),
        Problem::Input(InputError::Country(CountryError::Ambiguous {
            name: "Congo".into(),
            candidates: vec![
                "CG (Congo)".into(),
                "CD (Congo, Democratic Republic of the)".into(),
            ],
        })),
        Problem::RowsNotChecked {
            failed: 2,
            rows: 120,
        },
        Problem::RowsNotScreened { failed: 1, rows: 3 },
    ]
}

#[test]
fn english_is_each_errors_own_sentence() {
    for p in problems() {
        assert_eq!(problem(&p, Lang::En), p.to_string());
        if let Problem::Input(e) = &p {
            assert_eq!(p.to_string(), e.to_string());
        }
    }
    assert_eq!(
        Problem::RowsNotChecked {
            failed: 2,
            rows: 120
        }
        .to_string(),
        "2 of 120 rows could not be checked (see above)"
    );
    assert_eq!(
        unreadable_row(
            "rows.csv",
            7,
            "CSV error: found record with 3 fields",
            Lang::En
        ),
        "rows.csv: line 7: unreadable row: CSV error: found record with 3 fields"
    );
}

#[test]
fn the_refusals_in_every_language() {
    let all = |lang: Lang| {
        let mut lines: Vec<String> = problems().iter().map(|p| problem(p, lang)).collect();
        lines.push(unreadable_row(
            "rows.csv",
            7,
            "CSV error: found record with 3 fields",
            lang,
        ));
        lines.join("\n")
    };
    let english = all(Lang::En);
    insta::assert_snapshot!("errors_en", english);
    for lang in [Lang::Ar, Lang::ZhHans] {
        let text = all(lang);
        assert!(!text.contains(earl_render::i18n::FALLBACK_MARK), "{text}");
        for kept in [
            "H300",
            "Atlantis",
            "2026-13-01",
            "zzzz<U+200B>",
            "CG (Congo)",
            "rows.csv",
            "`earl chips`",
            "ISO 3166-1",
        ] {
            assert!(english.contains(kept), "English lacks {kept}");
            assert!(text.contains(kept), "{lang} lacks {kept}:\n{text}");
        }
        for (en, other) in english.lines().zip(text.lines()) {
            assert_ne!(en, other, "{lang}");
        }
        let name = format!("errors_{}", lang.tag().replace('-', "_").to_lowercase());
        insta::assert_snapshot!(name, text);
    }
}
