//! Properties that must hold for any input: normalisation is idempotent, scores stay in [0, 1],
//! identical names score 1, single-word comparisons are symmetric, and nothing panics.

use earl_screen::normalize::normalize;
use earl_screen::{Query, Screener, ScreeningLists};
use proptest::prelude::*;
use std::sync::OnceLock;

fn screener() -> &'static Screener {
    static SCREENER: OnceLock<Screener> = OnceLock::new();
    SCREENER.get_or_init(|| Screener::new(&ScreeningLists::bundled()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn normalisation_is_idempotent(raw in "\\PC{0,80}") {
        let once = normalize(&raw).text();
        prop_assert_eq!(normalize(&once).text(), once);
    }

    #[test]
    fn scores_are_within_unit_interval(a in "\\PC{0,60}", b in "\\PC{0,60}") {
        let pair = screener().compare(&a, &b, None);
        prop_assert!((0.0..=1.0).contains(&pair.score), "{}", pair.score);
    }

    #[test]
    fn identical_names_score_one(name in "[a-z]{5,10}( [a-z]{5,10}){0,3}") {
        prop_assert_eq!(screener().compare(&name, &name, None).score, 1.0);
    }

    #[test]
    fn single_word_comparison_is_symmetric(a in "[a-z]{1,12}", b in "[a-z]{1,12}") {
        let (ab, ba) = (screener().compare(&a, &b, None).score, screener().compare(&b, &a, None).score);
        prop_assert!((ab - ba).abs() < 1e-12, "{} vs {}", ab, ba);
    }

    #[test]
    fn screening_any_text_does_not_panic(raw in "\\PC{0,300}") {
        let mut query = Query::new(raw);
        query.include_below = true;
        let result = screener().screen(&query);
        prop_assert!(result.matches.iter().all(|m| (0.0..=1.0).contains(&m.score)));
    }
}

#[test]
fn huge_and_control_inputs_do_not_panic() {
    let inputs = [
        String::new(),
        "\u{0}\u{1b}[31m\t\n".to_string(),
        "华".repeat(100_000),
        "a ".repeat(100_000),
        "\u{202e}حزب\u{200d}الله".to_string(),
    ];
    for input in inputs {
        screener().screen(&Query::new(input.clone()));
        screener().compare(&input, &input, None);
    }
}
