//! Issue 22: Chinese buyers as they write themselves (full legal names, Traditional characters),
//! and acronym aliases that meet only an acronym or the whole query, on the bundled lists.

use earl_screen::{Query, Screener, ScreeningLists};
use std::sync::OnceLock;

fn screener() -> &'static Screener {
    static SCREENER: OnceLock<Screener> = OnceLock::new();
    SCREENER.get_or_init(|| Screener::new(&ScreeningLists::bundled()))
}

/// The first match's name, or `None` for "no match".
fn first_match(name: &str) -> Option<(String, f64)> {
    let result = screener().screen(&Query::new(name));
    result.matches.first().map(|m| (m.name.clone(), m.score))
}

#[test]
fn a_full_chinese_legal_name_meets_its_listed_entry_part_by_part() {
    for (query, listed) in [
        (
            "摩尔线程智能科技（北京）有限责任公司",
            "Moore Thread Intelligent Technology (Beijing) Co., Ltd.",
        ),
        (
            "摩尔线程智能科技(北京)有限责任公司",
            "Moore Thread Intelligent Technology (Beijing) Co., Ltd.",
        ),
        (
            "上海壁仞智能科技有限公司",
            "Shanghai Biren Intelligent Technology Co., Ltd.",
        ),
        // Traditional characters are the same name.
        (
            "摩爾線程智能科技（北京）有限責任公司",
            "Moore Thread Intelligent Technology (Beijing) Co., Ltd.",
        ),
        ("華為技術有限公司", "Huawei Technologies Co., Ltd."),
    ] {
        let (name, score) = first_match(query).unwrap_or_else(|| panic!("{query}: no match"));
        // Several lists carry Huawei; the CMIC writes it in capitals.
        assert!(
            name.eq_ignore_ascii_case(listed),
            "{query}: {name} ({score})"
        );
    }
}

#[test]
fn the_trade_name_decides_not_the_place_or_industry_words() {
    // 安 is a syllable of the trade name 海安, not the stop word "an"; 集团 is "group".
    assert_eq!(first_match("海安集团"), None);
    // Biren's place, industry words and form around another trade name: another company.
    assert_eq!(first_match("上海华虹智能科技有限公司"), None);
}

#[test]
fn an_acronym_alias_meets_an_acronym_or_the_whole_query_only() {
    // SDN "RUSSIAN IMPERIAL MOVEMENT", a.k.a. "RIM".
    assert_eq!(first_match("Pacific Rim Shipping"), None);
    let imperial = "RUSSIAN IMPERIAL MOVEMENT";
    assert_eq!(first_match("RIM").map(|m| m.0).as_deref(), Some(imperial));
    assert_eq!(
        first_match("RIM Shipping").map(|m| m.0).as_deref(),
        Some(imperial)
    );
}
