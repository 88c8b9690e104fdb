//! The other romanisations a Latin name may write a syllable in. earl reads Chinese characters
//! in Hanyu Pinyin and Hangul in the Revised Romanization of Korean (2000); the lists write
//! Taiwanese names in Wade–Giles ("LIN, Chun-ting" for 林俊廷, "Chung-Shan" for 中山) and
//! North Korean names in the DPRK's romanisation or McCune–Reischauer ("PAK Jong-chon" for
//! 박정천, "JONG Kyong-thaek" for 정경택), without diacritics or apostrophes.

use crate::normalize::Script;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The Wade–Giles spelling of a toneless pinyin syllable (data/wade_giles.tsv), where it is
/// spelled otherwise ("jun" → "chun", "bo" → "po"); `None` where the two agree ("lin").
fn wade_giles(syllable: &str) -> Option<&'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            include_str!("../data/wade_giles.tsv")
                .lines()
                .filter(|line| !line.starts_with('#'))
                .filter_map(|line| line.split_once('\t'))
                .collect()
        })
        .get(syllable)
        .copied()
}

/// Pinyin `syllables` written in Wade–Giles and joined (those it spells alike as they are).
pub(crate) fn in_wade_giles<'a>(syllables: impl IntoIterator<Item = &'a str>) -> String {
    syllables
        .into_iter()
        .map(|s| wade_giles(s).unwrap_or(s))
        .collect()
}

/// How a Chinese trade name sounds as earl reads it, its syllables toneless and joined, in pinyin
/// and in Wade–Giles: "兆芯" and "兆新" are both "zhaoxin"; "光启" and "匡吉" both "kuangchi" in
/// Wade–Giles, which the lists write without its aspiration mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HanSound {
    pinyin: String,
    wade_giles: String,
}

impl HanSound {
    pub(crate) fn of(han: &str) -> HanSound {
        let syllables = crate::normalize::han_syllables(han);
        HanSound {
            wade_giles: in_wade_giles(syllables.iter().map(String::as_str)),
            pinyin: syllables.concat(),
        }
    }

    /// Whether a list that romanises either way would write the two alike.
    pub(crate) fn alike(&self, other: &HanSound) -> bool {
        self.pinyin == other.pinyin || self.wade_giles == other.wade_giles
    }
}

/// Revised Romanization's initial consonants and the other spellings of each: McCune–Reischauer
/// without its apostrophe (k, t, p, ch for ㄱ ㄷ ㅂ ㅈ; Wikipedia, "McCune–Reischauer"), the
/// DPRK's 1992 romanisation (kh, th, ph for ㅋ ㅌ ㅍ; j for ㅈ), and the spellings names keep
/// (sh before i, tch for ㅉ). Longest first, as a syllable is parsed.
const INITIALS: [(&str, &[&str]); 19] = [
    ("kk", &["kk", "gg", "k"]),
    ("tt", &["tt", "dd", "t"]),
    ("pp", &["pp", "bb", "p"]),
    ("ss", &["ss", "s"]),
    ("jj", &["jj", "tch", "j"]),
    ("ch", &["ch"]),
    ("g", &["g", "k"]),
    ("n", &["n"]),
    ("d", &["d", "t"]),
    ("r", &["r", "l"]),
    ("m", &["m"]),
    ("b", &["b", "p"]),
    ("s", &["s", "sh"]),
    ("j", &["j", "ch"]),
    ("k", &["k", "kh"]),
    ("t", &["t", "th"]),
    ("p", &["p", "ph"]),
    ("h", &["h"]),
    ("", &[""]),
];

/// Revised Romanization's vowels and their other spellings: ŏ and ŭ of McCune–Reischauer and
/// the DPRK without the breve (o, u), and u for ㅓ and oo for ㅜ as South Korean names write
/// them ("Sung", "Chun", "Soo"). Longest first.
const MEDIALS: [(&str, &[&str]); 21] = [
    ("yae", &["yae"]),
    ("yeo", &["yeo", "yo", "yu"]),
    ("wae", &["wae"]),
    ("ae", &["ae"]),
    ("ya", &["ya"]),
    ("eo", &["eo", "o", "u"]),
    ("ye", &["ye"]),
    ("wa", &["wa"]),
    ("oe", &["oe"]),
    ("yo", &["yo"]),
    ("wo", &["wo"]),
    ("we", &["we"]),
    ("wi", &["wi"]),
    ("yu", &["yu"]),
    ("eu", &["eu", "u"]),
    ("ui", &["ui"]),
    ("a", &["a"]),
    ("e", &["e"]),
    ("o", &["o"]),
    ("u", &["u", "oo"]),
    ("i", &["i"]),
];

/// The finals earl writes and their other spellings (ㄱ and ㅂ voiced before a vowel in
/// McCune–Reischauer: "Pyong-gil").
const FINALS: [(&str, &[&str]); 8] = [
    ("ng", &["ng"]),
    ("k", &["k", "g"]),
    ("n", &["n"]),
    ("t", &["t"]),
    ("l", &["l"]),
    ("m", &["m"]),
    ("p", &["p", "b"]),
    ("", &[""]),
];

/// Every spelling of one Hangul syllable that earl writes as `syllable` (Revised Romanization).
fn korean_spellings(syllable: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (initial, initials) in INITIALS {
        let Some(rest) = syllable.strip_prefix(initial) else {
            continue;
        };
        for (medial, medials) in MEDIALS {
            let Some(last) = rest.strip_prefix(medial) else {
                continue;
            };
            let Some((_, finals)) = FINALS.iter().find(|(f, _)| *f == last) else {
                continue;
            };
            for i in initials {
                for m in medials.iter() {
                    for f in finals.iter() {
                        let spelled = format!("{i}{m}{f}");
                        if !out.contains(&spelled) {
                            out.push(spelled);
                        }
                    }
                }
            }
        }
    }
    out
}

/// Whether `latin` is `syllables` (read from `script`) written in another romanisation and
/// joined. What earl's own reading spells alike is compared as that reading, not here.
pub(crate) fn spells<'a>(
    script: Script,
    syllables: impl IntoIterator<Item = &'a str>,
    latin: &str,
) -> bool {
    let syllables: smallvec::SmallVec<[&str; MAX_SYLLABLES]> =
        syllables.into_iter().take(MAX_SYLLABLES + 1).collect();
    if syllables.len() > MAX_SYLLABLES || joins(latin, syllables.iter().copied()) {
        return false;
    }
    match script {
        // One word of a Chinese name is in one system: "Jincheng" is pinyin of other
        // characters, not 金证 with 证 in Wade–Giles.
        Script::Han => joins(latin, syllables.iter().map(|s| wade_giles(s).unwrap_or(s))),
        // Korean names mix systems jamo by jamo ("Kyong-thaek").
        Script::Hangul => {
            let options: Vec<Vec<String>> = syllables.iter().map(|s| korean_spellings(s)).collect();
            any_joins(&options, latin)
        }
        _ => false,
    }
}

/// Whether `latin` is `words` joined, without building the join.
fn joins<'a>(latin: &str, words: impl IntoIterator<Item = &'a str>) -> bool {
    let mut rest = latin;
    for word in words {
        match rest.strip_prefix(word) {
            Some(after) => rest = after,
            None => return false,
        }
    }
    rest.is_empty()
}

/// Whether `latin` is one spelling of each syllable joined, in order.
fn any_joins(options: &[Vec<String>], latin: &str) -> bool {
    let Some((first, others)) = options.split_first() else {
        return latin.is_empty();
    };
    first.iter().any(|spelled| {
        latin
            .strip_prefix(spelled.as_str())
            .is_some_and(|after| any_joins(others, after))
    })
}

/// Syllables joined in a span compared this way: a name's given name or a two-part surname.
const MAX_SYLLABLES: usize = 3;

/// The spellings of `syllables` (read from `script`) joined, in other romanisations than earl's
/// own, at most `limit` of them: the words a list may write them as.
pub(crate) fn other_spellings(script: Script, syllables: &[&str], limit: usize) -> Vec<String> {
    if syllables.len() > MAX_SYLLABLES {
        return Vec::new();
    }
    let own: String = syllables.concat();
    let mut joined: Vec<String> = match script {
        // One system per word: the syllables all in Wade–Giles.
        Script::Han => vec![in_wade_giles(syllables.iter().copied())],
        Script::Hangul => {
            let mut joined = vec![String::new()];
            for syllable in syllables {
                let options = korean_spellings(syllable);
                joined = joined
                    .iter()
                    .flat_map(|head| options.iter().map(move |o| format!("{head}{o}")))
                    .take(limit + 1)
                    .collect();
            }
            joined
        }
        _ => Vec::new(),
    };
    joined.retain(|w| *w != own);
    joined.truncate(limit);
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taiwanese_names_in_wade_giles() {
        // 林俊廷 "Lin Chun-ting", 陈柏源 "Chen Po-yuan", 黄捷 "Huang Chieh", 徐 "Hsu", 中山.
        assert!(spells(Script::Han, ["jun"], "chun"));
        assert!(spells(Script::Han, ["jun", "ting"], "chunting"));
        assert!(spells(Script::Han, ["bo"], "po"));
        assert!(spells(Script::Han, ["jie"], "chieh"));
        assert!(spells(Script::Han, ["xu"], "hsu"));
        assert!(spells(Script::Han, ["zhong", "shan"], "chungshan"));
        assert_eq!(
            other_spellings(Script::Han, &["jun", "ting"], 8),
            ["chunting"]
        );
    }

    #[test]
    fn north_korean_names_in_mccune_reischauer_and_the_dprk_system() {
        // 박정천 "PAK Jong-chon", 정경택 "JONG Kyong-thaek", 김성수 "KIM Sung Su", 서상국 "SO Sang-kuk".
        assert!(spells(Script::Hangul, ["bak"], "pak"));
        assert!(spells(Script::Hangul, ["jeong", "cheon"], "jongchon"));
        assert!(spells(Script::Hangul, ["gyeong", "taek"], "kyongthaek"));
        assert!(spells(Script::Hangul, ["seong"], "sung"));
        assert!(spells(Script::Hangul, ["seo"], "so"));
        assert!(spells(Script::Hangul, ["guk"], "kuk"));
        assert!(spells(Script::Hangul, ["jeong"], "chung"));
        assert!(other_spellings(Script::Hangul, &["bak"], 16).contains(&"pak".to_string()));
    }

    #[test]
    fn a_reading_spelled_alike_or_another_syllable_is_no_match() {
        // Earl's own spelling is compared as that reading; a syllable longer or shorter, or
        // another vowel, is another syllable.
        assert!(!spells(Script::Han, ["lin"], "lin"));
        assert!(!spells(Script::Han, ["jun"], "chung"));
        assert!(!spells(Script::Han, ["jun", "ting"], "chun"));
        assert!(
            !spells(Script::Han, ["jin", "zheng"], "jincheng"),
            "pinyin jin, Wade–Giles cheng"
        );
        assert!(!spells(Script::Han, ["xiang", "you"], "xiangyu"));
        assert!(spells(Script::Han, ["jin", "zheng"], "chincheng"));
        // Wade–Giles "i" (yi) would join the syllable before it into another: "ta" + "i" is "tai".
        assert!(!spells(Script::Han, ["da", "yi"], "tai"));
        assert!(!spells(Script::Hangul, ["jeong"], "jeong"));
        assert!(!spells(Script::Hangul, ["jeong"], "jang"));
        assert!(!spells(Script::Hangul, ["gim"], "kin"));
        assert!(!spells(Script::Latin, ["jun"], "chun"));
        assert_eq!(
            other_spellings(Script::Han, &["lin", "ting"], 8),
            Vec::<String>::new()
        );
    }

    #[test]
    fn trade_names_sound_alike_in_pinyin_or_in_wade_giles() {
        assert!(HanSound::of("兆芯").alike(&HanSound::of("兆新")));
        // Wade–Giles as the lists write it drops the aspiration: 光启 "guang qi" and 匡吉
        // "kuang ji" are both "Kuang-chi".
        assert!(HanSound::of("光启").alike(&HanSound::of("匡吉")));
        assert!(!HanSound::of("光启").alike(&HanSound::of("光明")));
    }

    #[test]
    fn the_wade_giles_table_reads_every_row() {
        let rows = include_str!("../data/wade_giles.tsv")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .count();
        assert!(rows > 200, "{rows}");
        assert_eq!(wade_giles("hai"), None, "hai is hai in Wade–Giles");
        assert_eq!(wade_giles("tie"), Some("tieh"));
    }

    #[test]
    fn every_revised_romanization_syllable_parses() {
        // All 11,172 Hangul syllables as earl writes them have spellings, the first its own.
        for c in '가'..='힣' {
            let Some(syllable) = crate::normalize::hangul_syllable(c) else {
                panic!("{c} has no reading");
            };
            let all = korean_spellings(&syllable);
            assert!(all.contains(&syllable), "{c} {syllable}: {all:?}");
        }
    }
}
