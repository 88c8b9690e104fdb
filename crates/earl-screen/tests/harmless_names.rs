//! Issue 28, points 1 and 5, on the screener itself: an invisible character is no separator,
//! and a name made of legal forms and stop words matches nothing on the bundled lists.

use earl_screen::normalize::normalize;
use earl_screen::{DEFAULT_THRESHOLD, Query, Screener, ScreeningLists};
use proptest::prelude::*;
use std::sync::OnceLock;

fn screener() -> &'static Screener {
    static SCREENER: OnceLock<Screener> = OnceLock::new();
    SCREENER.get_or_init(|| Screener::new(&ScreeningLists::bundled()))
}

/// Every format character (category Cf: U+200B, U+2060, U+FEFF, U+180E, U+2063, the
/// bidirectional controls, tags ...), the soft hyphen and the fillers vanish inside a word.
#[test]
fn invisible_characters_vanish_inside_a_word() {
    let invisible = [
        '\u{AD}',
        '\u{34F}',
        '\u{61C}',
        '\u{180E}',
        '\u{200B}',
        '\u{200C}',
        '\u{200D}',
        '\u{200E}',
        '\u{202A}',
        '\u{202E}',
        '\u{2060}',
        '\u{2063}',
        '\u{2066}',
        '\u{2069}',
        '\u{3164}',
        '\u{FE0F}',
        '\u{FEFF}',
        '\u{FFA0}',
        '\u{E0041}',
        '\u{E007F}',
    ];
    for c in invisible {
        assert_eq!(
            normalize(&format!("Huawei Techno{c}logies")).text(),
            normalize("Huawei Technologies").text(),
            "U+{:04X}",
            c as u32
        );
        assert_eq!(
            normalize(&format!("华{c}为")).text(),
            normalize("华为").text()
        );
    }
}

/// "Acme GmbH" against SDN "LLC AKM" (0.751 before): GmbH ≈ LLC supports, never makes, a match.
#[test]
fn a_legal_form_pair_does_not_lift_a_weak_name_over_the_threshold() {
    let pair = screener().compare("Acme GmbH", "LLC AKM", None);
    assert!(!pair.matched, "{}", pair.score);
    assert!(pair.score < DEFAULT_THRESHOLD);
    // Equal names with equal legal forms still score 1; another form of the same class barely
    // lowers a real match.
    assert_eq!(
        screener()
            .compare("Rosoboronexport OAO", "ROSOBORONEXPORT OAO", None)
            .score,
        1.0
    );
    assert!(
        screener()
            .compare(
                "Huawei Technologies GmbH",
                "Huawei Technologies Co., Ltd.",
                None
            )
            .matched
    );
}

const SUPPORT_WORDS: &[&str] = &[
    "GmbH",
    "Ltd",
    "Ltd.",
    "Limited",
    "LLC",
    "S.A.",
    "SA",
    "S.A.R.L.",
    "SARL",
    "OOO",
    "ООО",
    "OAO",
    "ZAO",
    "AO",
    "PAO",
    "JSC",
    "Inc",
    "Inc.",
    "Corp",
    "Co",
    "Co.",
    "Company",
    "AG",
    "KG",
    "plc",
    "PLC",
    "B.V.",
    "N.V.",
    "S.p.A.",
    "S.r.l.",
    "Pte",
    "Pty",
    "Sdn Bhd",
    "A/S",
    "AB",
    "Oy",
    "有限公司",
    "股份有限公司",
    "有限责任公司",
    "株式会社",
    "주식회사",
    "of",
    "the",
    "and",
    "&",
    "de",
    "Общество с ограниченной ответственностью",
    "شركة",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// A query of legal forms and stop words only, in any order and script, matches nothing.
    #[test]
    fn legal_forms_and_stop_words_alone_match_nothing(
        words in prop::collection::vec(prop::sample::select(SUPPORT_WORDS), 1..4)
    ) {
        let name = words.join(" ");
        let result = screener().screen(&Query::new(&name));
        let matched: Vec<_> = result
            .matches
            .iter()
            .filter(|m| !m.below_threshold)
            .map(|m| (&m.name, m.score))
            .collect();
        prop_assert!(matched.is_empty(), "{}: {:?}", name, matched);
    }
}

/// Cases proptest found: a letter left over from a legal form ("A/S") met a one-letter word of
/// a listed name (OOO "A-K-S") at 0.86.
#[test]
fn one_letter_in_common_is_no_match() {
    let name = "GmbH A/S OOO";
    let result = screener().screen(&Query::new(name));
    assert!(
        result.matches.iter().all(|m| m.below_threshold),
        "{name}: {:?}",
        result
            .matches
            .iter()
            .map(|m| (&m.name, m.score))
            .collect::<Vec<_>>()
    );
}
