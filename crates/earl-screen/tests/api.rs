//! The screening API as a caller sees it: filters, thresholds, explanations, JSON shape.

use earl_screen::{DEFAULT_THRESHOLD, ListCode, MatchMethod, Query, Screener, ScreeningLists};
use std::sync::OnceLock;

fn screener() -> &'static Screener {
    static SCREENER: OnceLock<Screener> = OnceLock::new();
    SCREENER.get_or_init(|| Screener::new(&ScreeningLists::bundled()))
}

#[test]
fn generic_words_alone_do_not_match() {
    let result = screener().screen(&Query::new("Completely Fictional Trading Company"));
    assert!(
        result.matches.is_empty(),
        "{:?}",
        result
            .matches
            .iter()
            .map(|m| &m.matched_name)
            .collect::<Vec<_>>()
    );
    assert_eq!(result.threshold, DEFAULT_THRESHOLD);
}

#[test]
fn chinese_name_finds_entity_list_entry_with_effect_and_explanation() {
    let result = screener().screen(&Query::new("摩尔线程"));
    let best = &result.matches[0];
    assert_eq!(best.list, ListCode::El);
    assert!(best.name.starts_with("Moore Thread"), "{}", best.name);
    assert_eq!(best.footnotes, ["FN4"]);
    let explain = &best.explain;
    assert!(
        explain
            .transliterations
            .iter()
            .any(|t| t.from == "摩尔线程")
    );
    assert!(explain.pairs.iter().all(|p| p.similarity > 0.8));
    assert!(explain.unmatched_query_tokens.is_empty());
}

#[test]
fn arabic_script_finds_hizballah_by_skeleton() {
    let result = screener().screen(&Query::new("حزب الله"));
    let best = &result.matches[0];
    assert_eq!(best.list, ListCode::Sdn);
    // The two Arabic words, written without vowels, meet the one-word list name by consonants.
    assert!(
        matches!(
            best.explain.pairs[0].method,
            MatchMethod::Skeleton | MatchMethod::Joined
        ),
        "{:?}",
        best.explain.pairs[0].method
    );
}

#[test]
fn legal_forms_are_reported_as_low_weight() {
    let pair = screener().compare(
        "Huawei Technologies Co., Ltd.",
        "HUAWEI TECHNOLOGIES COMPANY LIMITED",
        None,
    );
    assert!(pair.matched && pair.score > 0.95, "{}", pair.score);
    let low: Vec<&str> = pair
        .explain
        .low_weight_tokens
        .iter()
        .map(|t| t.text.as_str())
        .collect();
    assert!(
        low.contains(&"ltd") && low.contains(&"co") && low.contains(&"technology"),
        "{low:?}"
    );
    let json = serde_json::to_value(&pair).unwrap();
    assert!(json.get("match").is_some() && json.get("explain").is_some());
}

#[test]
fn list_and_country_filters_and_threshold() {
    let mut query = Query::new("Huawei Technologies");
    query.lists = Some(vec![ListCode::Cmic]);
    let cmic = screener().screen(&query);
    assert!(!cmic.matches.is_empty() && cmic.matches.iter().all(|m| m.list == ListCode::Cmic));

    let mut query = Query::new("Huawei Technologies");
    query.country = Some("cr".into());
    query.name = "Huawei Technologies Costa Rica".into();
    let costa_rica = screener().screen(&query);
    assert!(
        costa_rica
            .matches
            .iter()
            .all(|m| m.countries.is_empty() || m.countries.contains(&"CR".to_string()))
    );
    assert!(
        costa_rica
            .matches
            .iter()
            .any(|m| m.name.contains("Costa Rica"))
    );

    let mut query = Query::new("Huawie");
    query.threshold = Some(0.99);
    assert!(screener().screen(&query).matches.is_empty());
    query.include_below = true;
    let below = screener().screen(&query);
    assert!(!below.matches.is_empty() && below.matches.iter().all(|m| m.below_threshold));
}

#[test]
fn batch_keeps_order() {
    let names = [
        "Completely Fictional Trading Company",
        "华为",
        "Рособоронэкспорт",
    ];
    let results: Vec<_> = screener()
        .screen_all(names.iter().map(|n| Query::new(*n)))
        .collect();
    assert_eq!(
        results.iter().map(|r| r.query.as_str()).collect::<Vec<_>>(),
        names
    );
    assert!(results[0].matches.is_empty());
    assert!(!results[1].matches.is_empty() && !results[2].matches.is_empty());
}
