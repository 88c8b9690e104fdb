//! Name normalisation: any script in, lowercase ASCII tokens out, each tagged with how much it
//! says about identity.
//!
//! Steps, in order: cut to [`MAX_NAME_CHARS`]; NFKC; lowercase; "LAST, First" → "First LAST";
//! Han runs → known trade names or pinyin (legal-form words split off); Cyrillic, Greek and Arabic
//! by the tables below; every other character by its NFD base letter or `deunicode`; `.` and
//! apostrophes join ("S.A." → "sa", "Mo'er" → "moer"), `&` → "and", other punctuation splits;
//! ordinals become digits ("1st", "first" → "1"); each token is classified by `data/name_terms.txt`.

use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Longer input is cut here: no real party name is longer, and it bounds the work per query.
pub const MAX_NAME_CHARS: usize = 512;

/// How much a token says about which party a name denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Distinctive,
    /// Company type: Ltd., GmbH, OOO, 有限公司 ...
    LegalForm,
    /// A business word many names share: trading, group, technology, 科技 ...
    Generic,
    StopWord,
}

/// The script a token was written in before transliteration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Script {
    Latin,
    Han,
    Cyrillic,
    Greek,
    Arabic,
    /// Hangul, kana, and anything else `deunicode` romanises.
    Other,
}

impl Script {
    /// The script's name as a reader writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Han => "Han",
            Script::Cyrillic => "Cyrillic",
            Script::Greek => "Greek",
            Script::Arabic => "Arabic",
            Script::Other => "other script",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub kind: TokenKind,
    pub script: Script,
}

/// A run of non-Latin text and what it became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Transliteration {
    pub script: Script,
    pub from: String,
    pub to: String,
    /// `pinyin`, `known_name` (data/han_names.tsv), `table` (Cyrillic/Greek/Arabic) or `deunicode`.
    pub method: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NormalizedName {
    pub tokens: Vec<Token>,
    pub transliterations: Vec<Transliteration>,
}

impl NormalizedName {
    /// The tokens joined by spaces: the canonical form (normalising it again gives it back).
    pub fn text(&self) -> String {
        self.tokens
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Normalises a name; never fails and never panics, whatever the input.
pub fn normalize(raw: &str) -> NormalizedName {
    let cut: String = raw.chars().take(MAX_NAME_CHARS).collect();
    let lowered: String = cut.nfkc().flat_map(char::to_lowercase).collect();
    let reordered = reorder_last_first(&lowered);
    let mut builder = Builder::default();
    let mut han_run = String::new();
    for c in reordered.chars() {
        if is_han(c) {
            han_run.push(c);
            continue;
        }
        if !han_run.is_empty() {
            builder.han(&std::mem::take(&mut han_run));
        }
        builder.push_char(c);
    }
    if !han_run.is_empty() {
        builder.han(&han_run);
    }
    builder.finish()
}

/// "MADURO MOROS, nicolas" → "nicolas MADURO MOROS": one comma, at most three words on either
/// side, and no legal form or generic word on either side (so "Acme Co., Ltd." stays as it is).
fn reorder_last_first(text: &str) -> String {
    let mut parts = text.split(',');
    let (Some(last), Some(first), None) = (parts.next(), parts.next(), parts.next()) else {
        return text.to_string();
    };
    let words = |s: &str| s.split_whitespace().count();
    let plain_words = |s: &str| {
        s.split_whitespace().all(|w| {
            let bare: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
            term_kind(&bare) == TokenKind::Distinctive && canonical_spelling(&bare).is_none()
        })
    };
    if (1..=3).contains(&words(last))
        && (1..=3).contains(&words(first))
        && plain_words(first)
        && plain_words(last)
    {
        format!("{} {}", first.trim(), last.trim())
    } else {
        text.to_string()
    }
}

#[derive(Default)]
struct Builder {
    tokens: Vec<Token>,
    transliterations: Vec<Transliteration>,
    word: String,
    /// Source characters of the current word that were not ASCII, for the transliteration note.
    word_source: String,
    word_script: Option<Script>,
}

impl Builder {
    fn push_char(&mut self, c: char) {
        if c.is_ascii_alphanumeric() {
            self.word.push(c);
            self.word_source.push(c);
            return;
        }
        match c {
            '.' | '\'' | '’' | 'ʼ' | '`' | '´' | 'ʻ' | '‘' => return, // joiners: "S.A." → "sa"
            '&' => {
                self.end_word();
                self.push_token("and".to_string(), Script::Latin);
                return;
            }
            _ => {}
        }
        if let Some((mapped, script)) = transliterate_char(c) {
            if script == Script::Arabic && mapped.is_empty() && c == '\u{0640}' {
                return; // tatweel: elongation only
            }
            self.word_source.push(c);
            self.word_script = Some(match self.word_script {
                Some(Script::Latin) | None => script,
                Some(existing) => existing,
            });
            for m in mapped.chars() {
                if m.is_ascii_alphanumeric() {
                    self.word.push(m.to_ascii_lowercase());
                } else {
                    self.end_word();
                }
            }
        } else {
            self.end_word();
        }
    }

    fn end_word(&mut self) {
        if self.word.is_empty() {
            self.word_source.clear();
            self.word_script = None;
            return;
        }
        let word = std::mem::take(&mut self.word);
        let source = std::mem::take(&mut self.word_source);
        let script = self.word_script.take().unwrap_or(Script::Latin);
        if script != Script::Latin {
            let method = match script {
                Script::Cyrillic | Script::Greek | Script::Arabic => "table",
                _ => "deunicode",
            };
            self.transliterations.push(Transliteration {
                script,
                from: source,
                to: word.clone(),
                method,
            });
        }
        if script == Script::Arabic {
            // The article is written joined (القاعدة); split it off as the Latin spellings do ("al qaida").
            if let Some(rest) = word
                .strip_prefix("al")
                .filter(|r| r.len() >= 2 && !word.starts_with("allh"))
            {
                self.push_token("al".to_string(), script);
                self.push_token(rest.to_string(), script);
                return;
            }
        }
        self.push_token(word, script);
    }

    fn push_token(&mut self, text: String, script: Script) {
        let text = ordinal_to_digits(&text).unwrap_or(text);
        let text = canonical_spelling(&text)
            .or_else(|| misspelt_term(&text))
            .map_or(text, str::to_string);
        let kind = term_kind(&text);
        self.tokens.push(Token { text, kind, script });
    }

    /// A run of Han characters: known names first, then legal/generic words, the rest as pinyin
    /// joined into one token per stretch (word boundaries are not written in Chinese).
    fn han(&mut self, run: &str) {
        self.end_word();
        let mut pinyin_stretch = String::new();
        let mut stretch_source = String::new();
        let mut rest = run;
        while let Some(c) = rest.chars().next() {
            if let Some((han, latin)) = han_names()
                .iter()
                .find(|(han, _)| rest.starts_with(han.as_str()))
            {
                self.flush_pinyin(&mut pinyin_stretch, &mut stretch_source);
                self.transliterations.push(Transliteration {
                    script: Script::Han,
                    from: han.clone(),
                    to: latin.clone(),
                    method: "known_name",
                });
                for part in normalize(latin).tokens {
                    self.tokens.push(Token {
                        script: Script::Han,
                        ..part
                    });
                }
                rest = &rest[han.len()..];
            } else if let Some((han, pinyin)) = han_terms()
                .iter()
                .find(|(han, _)| rest.starts_with(han.as_str()))
            {
                self.flush_pinyin(&mut pinyin_stretch, &mut stretch_source);
                self.transliterations.push(Transliteration {
                    script: Script::Han,
                    from: han.clone(),
                    to: pinyin.clone(),
                    method: "pinyin",
                });
                for word in pinyin.split_whitespace() {
                    self.push_token(word.to_string(), Script::Han);
                }
                rest = &rest[han.len()..];
            } else {
                use pinyin::ToPinyin;
                stretch_source.push(c);
                match c.to_pinyin() {
                    // "nü" → "nu": tokens are ASCII.
                    Some(p) => pinyin_stretch.extend(
                        p.plain()
                            .chars()
                            .map(|c| if c == 'ü' { 'u' } else { c })
                            .filter(char::is_ascii_alphanumeric),
                    ),
                    None => pinyin_stretch.extend(
                        deunicode::deunicode_char(c)
                            .unwrap_or("")
                            .chars()
                            .filter(char::is_ascii_alphanumeric)
                            .map(|c| c.to_ascii_lowercase()),
                    ),
                }
                rest = &rest[c.len_utf8()..];
            }
        }
        self.flush_pinyin(&mut pinyin_stretch, &mut stretch_source);
    }

    fn flush_pinyin(&mut self, stretch: &mut String, source: &mut String) {
        if stretch.is_empty() {
            source.clear();
            return;
        }
        self.transliterations.push(Transliteration {
            script: Script::Han,
            from: std::mem::take(source),
            to: stretch.clone(),
            method: "pinyin",
        });
        self.push_token(std::mem::take(stretch), Script::Han);
    }

    fn finish(mut self) -> NormalizedName {
        self.end_word();
        NormalizedName {
            tokens: self.tokens,
            transliterations: self.transliterations,
        }
    }
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// ASCII for one non-ASCII character and the script it came from; `None` for a separator.
fn transliterate_char(c: char) -> Option<(&'static str, Script)> {
    if let Some(latin) = cyrillic(c) {
        return Some((latin, Script::Cyrillic));
    }
    if let Some(latin) = greek(c) {
        return Some((latin, Script::Greek));
    }
    if let Some(latin) = arabic(c) {
        return Some((latin, Script::Arabic));
    }
    if c.is_whitespace() || c.is_control() {
        return None;
    }
    // Latin with diacritics: the base letter (é → e).
    let mut bases = std::iter::once(c).nfd().filter(|d| !is_combining_mark(*d));
    if let (Some(base), None) = (bases.next(), bases.next())
        && base.is_ascii_alphanumeric()
    {
        return Some((ascii_char_str(base), Script::Latin));
    }
    if is_combining_mark(c) {
        return Some(("", Script::Latin));
    }
    match deunicode::deunicode_char(c) {
        Some(ascii) if ascii.bytes().any(|b| b.is_ascii_alphanumeric()) => {
            Some((ascii, Script::Other))
        }
        _ => None,
    }
}

/// `&'static str` for an ASCII alphanumeric character.
fn ascii_char_str(c: char) -> &'static str {
    const ALNUM: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    let lower = c.to_ascii_lowercase();
    let at = ALNUM.find(lower).unwrap_or(0);
    &ALNUM[at..at + 1]
}

/// Russian/Ukrainian/Belarusian Cyrillic to Latin, BGN/PCGN-style (the spelling OFAC uses:
/// Рособоронэкспорт → ROSOBORONEKSPORT).
fn cyrillic(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' => "",
        'ы' => "y",
        'ь' => "",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        'і' => "i",
        'ї' => "yi",
        'є' => "ye",
        'ґ' => "g",
        'ў' => "u",
        'ј' => "j",
        'ђ' => "dj",
        'ћ' => "c",
        'љ' => "lj",
        'њ' => "nj",
        'џ' => "dz",
        'ѕ' => "dz",
        'ќ' => "k",
        'ѓ' => "g",
        _ => return None,
    })
}

/// Greek to Latin (ELOT 743 letters, accents already split off by NFD where present).
fn greek(c: char) -> Option<&'static str> {
    Some(match c {
        'α' | 'ά' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' | 'έ' => "e",
        'ζ' => "z",
        'η' | 'ή' => "i",
        'θ' => "th",
        'ι' | 'ί' | 'ϊ' | 'ΐ' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' | 'ό' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' | 'ς' => "s",
        'τ' => "t",
        'υ' | 'ύ' | 'ϋ' | 'ΰ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' | 'ώ' => "o",
        _ => return None,
    })
}

/// Arabic and Persian letters to Latin consonants. Short vowels are not written in Arabic, so
/// Arabic-script tokens are compared by consonant skeleton ([`skeleton`]): حزب الله → "hzb allh"
/// meets "HIZBALLAH" as "hzblh".
fn arabic(c: char) -> Option<&'static str> {
    Some(match c {
        'ا' | 'أ' | 'إ' | 'آ' | 'ى' | 'ٱ' => "a",
        'ب' => "b",
        'ت' => "t",
        'ث' => "th",
        'ج' => "j",
        'ح' => "h",
        'خ' => "kh",
        'د' => "d",
        'ذ' => "dh",
        'ر' => "r",
        'ز' => "z",
        'س' => "s",
        'ش' => "sh",
        'ص' => "s",
        'ض' => "d",
        'ط' => "t",
        'ظ' => "z",
        'ع' | 'ء' | 'ئ' => "",
        'غ' => "gh",
        'ف' => "f",
        'ق' => "q",
        'ك' | 'ک' => "k",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'ه' | 'ھ' => "h",
        'ة' => "a",
        'و' | 'ؤ' => "w",
        'ي' | 'ی' | 'ې' => "y",
        'پ' => "p",
        'چ' => "ch",
        'ژ' => "zh",
        'گ' => "g",
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => "", // harakat, dagger alif, tatweel
        '٠' => "0",
        '١' => "1",
        '٢' => "2",
        '٣' => "3",
        '٤' => "4",
        '٥' => "5",
        '٦' => "6",
        '٧' => "7",
        '٨' => "8",
        '٩' => "9",
        _ => return None,
    })
}

/// The consonant skeleton used to compare Arabic-script tokens: vowels and semivowels dropped,
/// q → k, doubled letters collapsed ("hizballah" → "hzblh", "qaida" → "kd").
pub fn skeleton(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    for c in token.chars() {
        let c = match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'w' | 'y' => continue,
            'q' => 'k',
            other => other,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// "1st", "first", "one" → "1" (words up to ten), "13th" → "13", so numbered names compare as digits.
fn ordinal_to_digits(token: &str) -> Option<String> {
    let numeric = token
        .strip_suffix("st")
        .or(token.strip_suffix("nd"))
        .or(token.strip_suffix("rd"))
        .or(token.strip_suffix("th"));
    if let Some(digits) = numeric.filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some(digits.to_string());
    }
    const WORDS: [[&str; 2]; 10] = [
        ["first", "one"],
        ["second", "two"],
        ["third", "three"],
        ["fourth", "four"],
        ["fifth", "five"],
        ["sixth", "six"],
        ["seventh", "seven"],
        ["eighth", "eight"],
        ["ninth", "nine"],
        ["tenth", "ten"],
    ];
    const DIGITS: [&str; 10] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];
    WORDS
        .iter()
        .position(|forms| forms.contains(&token))
        .map(|i| DIGITS[i].to_string())
}

/// One spelling for words written several ways ("company" → "co", "limited" → "ltd"), from the
/// `same` lines of `data/name_terms.txt`.
fn canonical_spelling(token: &str) -> Option<&'static str> {
    static SAME: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    let same = SAME.get_or_init(|| {
        let mut map = HashMap::new();
        for line in include_str!("../data/name_terms.txt").lines() {
            let Some(("same", words)) = line.split_once('\t') else {
                continue;
            };
            let mut words = words.split_whitespace();
            let Some(canonical) = words.next() else {
                continue;
            };
            for variant in words {
                map.insert(variant, canonical);
            }
        }
        map
    });
    same.get(token).copied()
}

/// The table word a long unknown token misspells ("corproation" → "corp", "interantional" →
/// "intl"): one edit (a swap counts as one) in words of 6–8 letters, two from 9.
fn misspelt_term(token: &str) -> Option<&'static str> {
    static LONG_TERMS: OnceLock<Vec<&'static str>> = OnceLock::new();
    if token.len() < 6 || term_kind(token) != TokenKind::Distinctive {
        return None;
    }
    let terms = LONG_TERMS.get_or_init(|| {
        include_str!("../data/name_terms.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .flat_map(|(_, words)| words.split_whitespace())
            .filter(|w| w.len() >= 6)
            .collect()
    });
    let budget = if token.len() >= 9 { 2 } else { 1 };
    let first = token.as_bytes()[0];
    let word = terms.iter().find(|w| {
        w.as_bytes()[0] == first
            && w.len().abs_diff(token.len()) <= budget
            && crate::similarity::osa_distance(w.as_bytes(), token.as_bytes()) <= budget
    })?;
    Some(canonical_spelling(word).unwrap_or(word))
}

/// The kind of a normalised token, from `data/name_terms.txt`.
pub fn term_kind(token: &str) -> TokenKind {
    static TERMS: OnceLock<HashMap<&'static str, TokenKind>> = OnceLock::new();
    let terms = TERMS.get_or_init(|| {
        let mut map = HashMap::new();
        for line in include_str!("../data/name_terms.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
        {
            let Some((kind, words)) = line.split_once('\t') else {
                continue;
            };
            let kind = match kind {
                "legal" => TokenKind::LegalForm,
                "generic" => TokenKind::Generic,
                "stop" => TokenKind::StopWord,
                _ => continue,
            };
            for word in words.split_whitespace() {
                map.insert(word, kind);
            }
        }
        map
    });
    terms.get(token).copied().unwrap_or(TokenKind::Distinctive)
}

/// `data/han_names.tsv`: Han name → the Latin name the lists use, longest Han first.
fn han_names() -> &'static [(String, String)] {
    static NAMES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    NAMES.get_or_init(|| tsv_pairs(include_str!("../data/han_names.tsv")))
}

/// `data/han_terms.tsv`: Han legal-form and generic words → pinyin, longest first.
fn han_terms() -> &'static [(String, String)] {
    static TERMS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    TERMS.get_or_init(|| tsv_pairs(include_str!("../data/han_terms.tsv")))
}

fn tsv_pairs(text: &str) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cells = l.split('\t');
            Some((cells.next()?.to_string(), cells.next()?.to_string()))
        })
        .collect();
    pairs.sort_by_key(|(han, _)| std::cmp::Reverse(han.chars().count()));
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(raw: &str) -> Vec<String> {
        normalize(raw).tokens.into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn latin_cleanup() {
        assert_eq!(
            texts("Huawei Technologies Co., Ltd."),
            ["huawei", "technology", "co", "ltd"]
        );
        assert_eq!(
            texts("HUAWEI TECHNOLOGIES COMPANY LIMITED"),
            ["huawei", "technology", "co", "ltd"]
        );
        assert_eq!(texts("Société Générale S.A."), ["societe", "general", "sa"]);
        assert_eq!(texts("Mo’er Xianchen"), ["moer", "xianchen"]);
        assert_eq!(texts("AT&T"), ["at", "and", "t"]);
        assert_eq!(texts("Smith & Sons"), ["smith", "and", "sons"]);
        assert_eq!(texts("1st Institute"), ["1", "institute"]);
        assert_eq!(
            texts("13th Research Institute"),
            ["13", "research", "institute"]
        );
        assert_eq!(
            texts("Acme Corproation Interantional"),
            ["acme", "corp", "intl"]
        );
        assert_eq!(texts("Straße ÆON Łódź"), ["strasse", "aeon", "lodz"]);
        assert_eq!(texts("ＡＢＣ"), ["abc"]); // NFKC folds full-width letters
    }

    #[test]
    fn last_first_is_reordered_but_company_suffixes_are_not() {
        assert_eq!(
            texts("MADURO MOROS, Nicolas"),
            ["nicolas", "maduro", "moros"]
        );
        assert_eq!(
            texts("Inspur Group Co., Ltd."),
            ["inspur", "group", "co", "ltd"]
        );
        assert_eq!(
            texts("Acme Limited, Hong Kong"),
            ["acme", "ltd", "hong", "kong"]
        );
    }

    #[test]
    fn token_kinds() {
        let kinds: Vec<TokenKind> = normalize("Completely Fictional Trading Company")
            .tokens
            .iter()
            .map(|t| t.kind)
            .collect();
        use TokenKind::*;
        assert_eq!(kinds, [Distinctive, Distinctive, Generic, LegalForm]);
        assert_eq!(normalize("ООО Ромашка").tokens[0].kind, LegalForm);
    }

    #[test]
    fn other_scripts() {
        assert_eq!(texts("摩尔线程"), ["moore", "threads"]);
        assert_eq!(
            texts("华为技术有限公司"),
            ["huawei", "jishu", "youxian", "gongsi"]
        );
        assert_eq!(texts("壁仞科技"), ["biren", "keji"]);
        assert_eq!(texts("Рособоронэкспорт"), ["rosoboroneksport"]);
        assert_eq!(texts("حزب الله"), ["hzb", "allh"]);
        assert_eq!(texts("القاعدة"), ["al", "qada"]);
        assert_eq!(texts("Αθήνα"), ["athina"]);
        assert!(!texts("삼성전자").is_empty());
        assert!(!texts("トヨタ").is_empty());
        let name = normalize("华为");
        assert_eq!(name.transliterations[0].method, "pinyin");
        assert_eq!(name.transliterations[0].to, "huawei");
    }

    #[test]
    fn skeletons() {
        assert_eq!(skeleton("hizballah"), "hzblh");
        assert_eq!(skeleton("hzballh"), "hzblh");
        assert_eq!(skeleton("qaida"), "kd");
    }

    #[test]
    fn degenerate_inputs() {
        assert!(texts("").is_empty());
        assert!(texts(" \u{0}\u{7}\t,.;").is_empty());
        assert_eq!(texts(&"x".repeat(10_000)).concat().len(), MAX_NAME_CHARS);
    }
}
