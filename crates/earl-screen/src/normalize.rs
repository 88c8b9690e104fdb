//! Name normalisation: any script in, lowercase ASCII tokens out, each tagged with how much it
//! says about identity.
//!
//! Steps, in order: cut to [`MAX_NAME_CHARS`]; drop the characters that cannot be seen
//! ([`vanishes`]: format characters such as U+200B, the soft hyphen, ZWJ/ZWNJ, bidirectional
//! controls, fillers), so that "Techno\u{200B}logies" is "Technologies" and not two words; NFKC; note the words written in capitals inside a
//! mixed-case name (lists write family names so: "Fyodor Dmitrievich BEREZIN"); lowercase;
//! "LAST, First" → "First LAST" (the LAST part marked as the family name); Han runs → known
//! trade names, legal-form words, or pinyin one token per syllable; Hangul one token per
//! syllable (Revised Romanization); Cyrillic, Greek, Arabic and Hebrew by the tables below; every
//! other character by its NFD base letter or `deunicode`; `.` and apostrophes join ("S.A." →
//! "sa", "Mo'er" → "moer"), `&` → "and", other punctuation splits; ordinals become digits ("1st",
//! "first" → "1"); each token is classified by `data/name_terms.txt`.
//!
//! One syllable per token for Han and Hangul: a name of three syllables that differs in one is
//! another person ("陈明国" / "王明山"), which a single joined token would hide; the scorer joins
//! adjacent tokens when the other side writes them as one word ("朱海仑" / "ZHU Hailun").

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Longer input is cut here: no real party name is longer, and it bounds the work per query.
pub const MAX_NAME_CHARS: usize = 512;

/// How much a token says about which party a name denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Script {
    Latin,
    Han,
    Hangul,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    /// Kana, and anything else `deunicode` romanises.
    Other,
}

impl Script {
    /// The script's name as a reader writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Han => "Han",
            Script::Hangul => "Hangul",
            Script::Cyrillic => "Cyrillic",
            Script::Greek => "Greek",
            Script::Arabic => "Arabic",
            Script::Hebrew => "Hebrew",
            Script::Other => "other script",
        }
    }

    /// Scripts that leave short vowels unwritten: their tokens compare by consonant skeleton.
    pub fn is_abjad(self) -> bool {
        matches!(self, Script::Arabic | Script::Hebrew)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub kind: TokenKind,
    pub script: Script,
    /// Written as a family name: in capitals inside a mixed-case name, or before the comma of
    /// "LAST, First".
    pub family_marked: bool,
    /// The role the name's structure gives the token (Chinese, Japanese and Korean organisation
    /// names); `None` where the tag comes from the lexicons alone.
    pub role: Option<NameRole>,
}

/// The part of a Chinese, Japanese or Korean organisation name a token comes from: place, trade
/// name (字号), industry or organisation words, organisation form ("上海|壁仞|智能科技|有限公司").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameRole {
    Place,
    TradeName,
    Generic,
    LegalForm,
}

/// A run of non-Latin text and what it became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Transliteration {
    pub script: Script,
    pub from: String,
    pub to: String,
    /// `pinyin`, `known_name` (data/han_names.tsv), `table` (Cyrillic/Greek/Arabic/Hebrew),
    /// `revised_romanization` (Hangul) or `deunicode`.
    pub method: std::borrow::Cow<'static, str>,
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
    normalize_as(raw, Reading::Sourced)
}

/// The ways earl reads a name: as [`normalize`] does and — when it read Chinese characters
/// through a cited name (中山 → "Sun Yat sen", 中兴 → "ZTE") — also with those characters in
/// pinyin ("zhong shan"), so that a translation never hides the romanised name a list may
/// write for another company of the same characters (a Zhongshan company).
pub fn readings(raw: &str) -> Vec<NormalizedName> {
    let sourced = normalize(raw);
    // A cited legal name (ending in its organisation form: 华为技术有限公司) is one company's
    // registered name, whose pinyin names no other: only a shorter cited name (中山, 中兴) may
    // hide another company's.
    let legal_name = |han: &str| form_ending(han).is_some();
    let hides_pinyin = sourced
        .transliterations
        .iter()
        .any(|t| t.method == "known_name" && !legal_name(&t.from));
    if hides_pinyin {
        vec![sourced, normalize_as(raw, Reading::Literal)]
    } else {
        vec![sourced]
    }
}

/// Whether Chinese characters are read through the cited names of data/han_names.tsv.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
enum Reading {
    #[default]
    Sourced,
    /// Characters in pinyin only (structure still read: places, industry words, forms).
    Literal,
}

fn normalize_as(raw: &str, reading: Reading) -> NormalizedName {
    let cut: String = raw
        .chars()
        .take(MAX_NAME_CHARS)
        .filter(|&c| !vanishes(c))
        .collect();
    let folded: String = split_glued_legal_forms(&cut.nfkc().collect::<String>());
    let capitals = capitalised_words(&folded);
    let lowered: String = folded.chars().flat_map(char::to_lowercase).collect();
    let (reordered, family_part) = reorder_last_first(&lowered);
    let mut name = tokenize_as(&reordered, reading);
    let mut family: Vec<String> = Vec::new();
    for part in family_part.iter().chain(&capitals) {
        family.extend(
            tokenize_as(part, reading)
                .tokens
                .into_iter()
                .map(|t| t.text),
        );
    }
    if !family.is_empty() {
        for token in &mut name.tokens {
            token.family_marked = family.contains(&token.text);
        }
    }
    name
}

/// Characters that change how a name is drawn, never which party it names: format characters
/// (category Cf: zero-width space, ZWJ/ZWNJ — significant to Arabic or Indic shaping, not to
/// identity —, the soft hyphen PDFs are full of, word joiner, BOM, bidirectional controls) and
/// the other default-ignorable fillers and variation selectors. They are removed, not read as
/// separators. The filler list is also in `earl_core::shown` (messages): `build.rs` compiles this
/// file on its own, so it cannot call earl-core; keep the two lists equal.
pub fn vanishes(c: char) -> bool {
    use unicode_general_category::{GeneralCategory, get_general_category};
    get_general_category(c) == GeneralCategory::Format
        || matches!(
            c,
            '\u{034F}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180D}'
                | '\u{180F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FFA0}'
                | '\u{E0100}'..='\u{E01EF}'
        )
}

fn tokenize(text: &str) -> NormalizedName {
    tokenize_as(text, Reading::Sourced)
}

fn tokenize_as(text: &str, reading: Reading) -> NormalizedName {
    let mut builder = Builder {
        reading,
        ..Builder::default()
    };
    let mut han_run = String::new();
    let mut skip_to = 0;
    for (at, c) in text.char_indices() {
        if at < skip_to {
            continue;
        }
        if is_han(c) {
            han_run.push(simplified(c));
            continue;
        }
        // Chinese is written without spaces: one between two characters is a typist's (北京
        // 天泰科技發展有限公司 is one name).
        if c.is_whitespace()
            && !han_run.is_empty()
            && text[at..].trim_start().chars().next().is_some_and(is_han)
        {
            continue;
        }
        // 第 before digits makes them an ordinal (第14研究所, the 14th institute), as before
        // Chinese numerals: the number is the part.
        if c.is_ascii_digit()
            && let Some(run) = han_run.strip_suffix('第')
        {
            han_run.truncate(run.len());
        }
        if !han_run.is_empty() {
            builder.han(&std::mem::take(&mut han_run));
        }
        // A Korean organisation form (주식회사) is one legal form, not four syllables.
        if hangul_syllable(c).is_some()
            && let Some(term) = org_terms()
                .iter()
                .find(|t| text[at..].starts_with(t.han.as_str()))
        {
            builder.end_word();
            builder.structured(term, Script::Hangul);
            skip_to = at + term.han.len();
            continue;
        }
        builder.push_char(c);
    }
    if !han_run.is_empty() {
        builder.han(&han_run);
    }
    builder.finish()
}

/// Words of two or more letters written all in capitals, lowercased, when the name also has
/// lowercase letters (in an all-capitals name capitals say nothing).
fn capitalised_words(text: &str) -> Vec<String> {
    if !text.chars().any(char::is_lowercase) {
        return Vec::new();
    }
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars().all(|c| !c.is_lowercase())
                && w.chars().any(char::is_uppercase)
        })
        .map(|w| w.to_lowercase())
        .filter(|w| term_kind(w) == TokenKind::Distinctive && canonical_spelling(w).is_none())
        .collect()
}

/// "MADURO MOROS, nicolas" → "nicolas MADURO MOROS": one comma, at most three words on either
/// side, and no legal form or generic word on either side (so "Acme Co., Ltd." stays as it is).
/// Returns the text and, when reordered, the part that stood before the comma (the family name).
fn reorder_last_first(text: &str) -> (String, Option<String>) {
    let mut parts = text.split(',');
    let (Some(last), Some(first), None) = (parts.next(), parts.next(), parts.next()) else {
        return (text.to_string(), None);
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
        (
            format!("{} {}", first.trim(), last.trim()),
            Some(last.trim().to_string()),
        )
    } else {
        (text.to_string(), None)
    }
}

/// The names one written name stands for: "A a.k.a. B", "A; B", "A (formerly B)", "A f/k/a B",
/// "A, ex-B", "A c/o B", "A / B" (two names of two words or more), and an acronym in brackets,
/// "MODERN INDUSTRIES TECHNIQUE COMPANY (MITEC)", each give A and B: list names carry their
/// aliases and addressees so. A bracket that says where or what ("(Sweden)") stays part of the
/// name. The first is the name itself; an empty name gives nothing.
pub fn alternatives(raw: &str) -> Vec<String> {
    const SPLITTERS: [&str; 19] = [
        " a.k.a. ",
        " a.k.a ",
        " aka ",
        " a/k/a ",
        " f.k.a. ",
        " f.k.a ",
        " fka ",
        " f/k/a ",
        " formerly known as ",
        " formerly ",
        " previously known as ",
        " also known as ",
        " d/b/a ",
        " dba ",
        " doing business as ",
        " trading as ",
        " c/o ",
        " ex-",
        " ex ",
    ];
    let cut: String = raw
        .chars()
        .take(MAX_NAME_CHARS)
        .filter(|&c| !vanishes(c))
        .collect();
    let whole = cut.trim().to_string();
    // Brackets: an acronym or a splitter phrase inside separates an alternative; anything else
    // stays in the name without its brackets.
    let mut text = String::with_capacity(cut.len() + 8);
    let mut acronyms: Vec<String> = Vec::new();
    let mut rest = cut.as_str();
    while let Some(open) = rest.find(['(', '[']) {
        let close_char = if rest.as_bytes()[open] == b'(' {
            ')'
        } else {
            ']'
        };
        let Some(close) = rest[open..].find(close_char).map(|c| open + c) else {
            break;
        };
        let inner = rest[open + 1..close].trim();
        let acronym = !inner.contains(char::is_whitespace)
            && inner.chars().filter(|c| c.is_uppercase()).count() >= 2
            && inner
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '&');
        let lower = format!(" {} ", inner.to_lowercase());
        let phrase = SPLITTERS.iter().any(|s| lower.starts_with(s));
        text.push_str(&rest[..open]);
        if phrase {
            text.push_str(" ; ");
            text.push_str(inner);
            text.push_str(" ; ");
        } else {
            if acronym {
                // The acronym names the party alone; the name keeps it too, so that two names
                // differing only in a bracket ("(Sweden)" / "(Finland)") still differ.
                acronyms.push(inner.to_string());
            }
            text.push(' ');
            text.push_str(inner);
            text.push(' ');
        }
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    let mut pieces = vec![format!(" {} ", text.replace(';', " ; "))];
    for splitter in SPLITTERS {
        pieces = pieces
            .into_iter()
            .flat_map(|p| {
                let lower = p.to_lowercase();
                if lower.len() != p.len() || !lower.contains(splitter) {
                    return vec![p];
                }
                let mut out = Vec::new();
                let mut at_rest = 0;
                for (at, _) in lower.match_indices(splitter) {
                    out.push(format!(" {} ", &p[at_rest..at]));
                    at_rest = at + splitter.len();
                }
                out.push(format!(" {} ", &p[at_rest..]));
                out
            })
            .collect();
    }
    let mut out: Vec<String> = Vec::new();
    for piece in pieces.iter().flat_map(|p| p.split(';')) {
        // "Natalya Ivanovna BEZRUCHENKO/Natalia Ivanovna BEZRUCHENKO": a slash between names of
        // two words or more; "A/S" and "c/o" are no such thing.
        let slashed: Vec<&str> = piece.split('/').collect();
        let names =
            if slashed.len() > 1 && slashed.iter().all(|s| s.split_whitespace().count() >= 2) {
                slashed
            } else {
                vec![piece]
            };
        for name in names {
            let name = name
                .trim()
                .trim_matches(|c: char| c == ',' || c == ':' || c.is_whitespace());
            if name.chars().any(char::is_alphanumeric) && !out.iter().any(|o| o == name) {
                out.push(name.to_string());
            }
        }
    }
    // The name with its brackets as spaces is the name itself.
    let collapse = |t: &str| {
        t.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .trim_matches(|c: char| c == ',' || c == ':')
            .to_string()
    };
    let unbracketed = collapse(&whole.replace(['(', ')', '[', ']'], " "));
    out.retain(|o| collapse(o) != unbracketed);
    for acronym in acronyms {
        if !out.contains(&acronym) {
            out.push(acronym);
        }
    }
    if out.is_empty() {
        // Nothing split off: the name is itself (brackets are separators to the tokenizer).
        return if whole.chars().any(char::is_alphanumeric) {
            vec![whole]
        } else {
            Vec::new()
        };
    }
    // The whole name stays first, so that a list name's own words are always compared.
    out.retain(|o| *o != whole);
    out.insert(0, whole);
    out
}

#[derive(Default)]
struct Builder {
    tokens: Vec<Token>,
    transliterations: Vec<Transliteration>,
    word: String,
    /// Source characters of the current word that were not ASCII, for the transliteration note.
    word_source: String,
    word_script: Option<Script>,
    /// Length of `word` when an apostrophe was last seen in it: "bank's" is "bank".
    apostrophe_at: Option<usize>,
    reading: Reading,
}

impl Builder {
    fn push_char(&mut self, c: char) {
        if c.is_ascii_alphanumeric() {
            self.word.push(c);
            self.word_source.push(c);
            return;
        }
        match c {
            '\'' | '’' => {
                self.apostrophe_at = Some(self.word.len());
                return;
            }
            '.' | 'ʼ' | '`' | '´' | 'ʻ' | '‘' => return, // joiners: "S.A." → "sa"
            '&' => {
                self.end_word();
                self.push_token("and".to_string(), Script::Latin);
                return;
            }
            _ => {}
        }
        if let Some(latin) = hangul_syllable(c) {
            // One token per syllable (see the module documentation).
            self.end_word();
            self.transliterations.push(Transliteration {
                script: Script::Hangul,
                from: c.to_string(),
                to: latin.clone(),
                method: "revised_romanization".into(),
            });
            self.push_token(latin, Script::Hangul);
            return;
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
            self.apostrophe_at = None;
            return;
        }
        let mut word = std::mem::take(&mut self.word);
        if self.apostrophe_at.take() == Some(word.len() - 1)
            && word.ends_with('s')
            && word.len() > 3
        {
            word.pop(); // a possessive: "Deutsche Bank's" is Deutsche Bank
        }
        let source = std::mem::take(&mut self.word_source);
        let script = self.word_script.take().unwrap_or(Script::Latin);
        if script != Script::Latin {
            let method = match script {
                Script::Cyrillic | Script::Greek | Script::Arabic | Script::Hebrew => "table",
                _ => "deunicode",
            };
            self.transliterations.push(Transliteration {
                script,
                from: source,
                to: word.clone(),
                method: method.into(),
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
        self.tokens.push(Token {
            text,
            kind,
            script,
            family_marked: false,
            role: None,
        });
    }

    /// A run of Han characters, read as an organisation name is built: places (with their
    /// 省/市/区 suffix) and forms written first (株式会社東芝) at its start, organisation forms
    /// and industry words at its end, the trade name (字号) between them. A run that is only a
    /// place or only such words (a bracketed "（北京）") is that. Cuts never leave a trade name
    /// of one character, nor cut into a sourced name (data/han_names.tsv).
    fn han(&mut self, run: &str) {
        self.end_word();
        // A branch is its company (华为技术有限公司北京分公司 is 华为技术有限公司): the branch is
        // said, not read.
        if let Some((company, branch)) = branch_of(run) {
            self.han(company);
            self.transliterations.push(Transliteration {
                script: Script::Han,
                from: branch.to_string(),
                to: "branch".into(),
                method: "organisation_word".into(),
            });
            return;
        }
        let mut rest = run;
        let mut opening: Vec<Opening> = Vec::new();
        loop {
            // A sourced name that opens with a place is that name (哈尔滨工业大学 is Harbin
            // Institute of Technology, not Harbin + industry + university).
            let known_here = self.sourced_name_at(rest).is_some();
            if let Some(place) = place_prefix(rest)
                .filter(|p| !known_here && leaves_trade_name(&rest[p.written.len()..], 0))
            {
                rest = &rest[place.written.len()..];
                opening.push(Opening::Place(place));
            } else if let Some(term) = org_terms().iter().find(|t| {
                t.role == NameRole::LegalForm
                    && rest.starts_with(t.han.as_str())
                    && leaves_trade_name(&rest[t.han.len()..], 0)
            }) {
                rest = &rest[term.han.len()..];
                opening.push(Opening::Form(term));
            } else {
                break;
            }
        }
        // A university's or institute's cited name after a place it does not hold is another
        // body's: the place is part of such a name (西安电子科技大学, Xidian University, is not
        // 电子科技大学, the University of Electronic Science and Technology of China). Read so,
        // its words name it.
        let another_body = opening.iter().any(|o| matches!(o, Opening::Place(_)))
            && self
                .sourced_name_at(rest)
                .is_some_and(|(han, _)| han.len() == rest.len() && names_a_body(han));
        let reading = self.reading;
        if another_body {
            self.reading = Reading::Literal;
        }
        let known_end = self.sourced_name_end(rest);
        let mut suffixes: Vec<Suffix> = Vec::new();
        loop {
            if let Some(term) = org_terms().iter().find(|t| {
                rest.ends_with(t.han.as_str())
                    && leaves_trade_name(&rest[..rest.len() - t.han.len()], known_end)
            }) {
                suffixes.push(Suffix::Term(term));
                rest = &rest[..rest.len() - term.han.len()];
            } else if let Some((len, number)) =
                unit_number_suffix(rest, suffixes.last().is_some_and(Suffix::is_numbered_unit))
                    .filter(|&(len, _)| leaves_trade_name(&rest[..rest.len() - len], known_end))
            {
                suffixes.push(Suffix::Number(&rest[rest.len() - len..], number));
                rest = &rest[..rest.len() - len];
            } else {
                break;
            }
        }
        // A body named by its place and its words alone (喀什地区公安局) names its division too, as
        // the lists write it ("Kashgar Prefecture Public Security Bureau"); a company's is only
        // its address.
        let words_only = rest.is_empty() && !suffixes.is_empty();
        for part in opening {
            match part {
                Opening::Place(place) => match place.division.filter(|_| words_only) {
                    Some(division) => {
                        self.place(place.written, &format!("{} {division}", place.latin))
                    }
                    None => self.place(place.written, &place.latin),
                },
                Opening::Form(term) => self.structured(term, Script::Han),
            }
        }
        self.trade_name(rest);
        for suffix in suffixes.into_iter().rev() {
            match suffix {
                Suffix::Term(term) => self.structured(term, Script::Han),
                Suffix::Number(written, number) => {
                    self.transliterations.push(Transliteration {
                        script: Script::Han,
                        from: written.to_string(),
                        to: number.to_string(),
                        method: "number".into(),
                    });
                    self.push_token(number.to_string(), Script::Han);
                }
            }
        }
        self.reading = reading;
    }

    /// A trade name: sourced names as the lists write them, the rest in pinyin, one token per
    /// syllable, each a distinctive part whatever English word its spelling makes ("an", "de").
    fn trade_name(&mut self, name: &str) {
        let mut rest = name;
        while let Some(c) = rest.chars().next() {
            if let Some((han, latin)) = self.sourced_name_at(rest) {
                self.transliterations.push(Transliteration {
                    script: Script::Han,
                    from: han.clone(),
                    to: latin.clone(),
                    method: "known_name".into(),
                });
                // The name as the lists write it: Latin words, read as the lists' words are
                // ("University" a generic word, not a syllable).
                self.tokens.extend(tokenize(&latin.to_lowercase()).tokens);
                rest = &rest[han.len()..];
                continue;
            }
            let syllable = syllable_of(c);
            if !syllable.is_empty() {
                self.transliterations.push(Transliteration {
                    script: Script::Han,
                    from: c.to_string(),
                    to: syllable.clone(),
                    method: "pinyin".into(),
                });
                self.tokens.push(Token {
                    text: syllable,
                    kind: TokenKind::Distinctive,
                    script: Script::Han,
                    family_marked: false,
                    role: Some(NameRole::TradeName),
                });
            }
            rest = &rest[c.len_utf8()..];
        }
    }

    /// A place in an organisation name, written as the lists spell it (data/han_places.tsv).
    fn place(&mut self, written: &str, latin: &str) {
        self.transliterations.push(Transliteration {
            script: Script::Han,
            from: written.to_string(),
            to: latin.to_string(),
            method: "place_name".into(),
        });
        for word in latin.split_whitespace() {
            self.push_role_token(word, TokenKind::Distinctive, NameRole::Place);
        }
    }

    /// An organisation form or industry word written in `written_in`, in the English the lists
    /// use (data/han_terms.tsv).
    fn structured(&mut self, term: &OrgTerm, written_in: Script) {
        self.transliterations.push(Transliteration {
            script: written_in,
            from: term.han.clone(),
            to: term.latin.clone(),
            method: "organisation_word".into(),
        });
        let kind = match term.role {
            NameRole::LegalForm => TokenKind::LegalForm,
            _ => TokenKind::Generic,
        };
        for word in &term.words {
            self.push_role_token(word, kind, term.role);
        }
    }

    /// A translated word: Latin from here on, so the lexicons see "beijing" and "peking" as
    /// one place, "co ltd" as the forms the lists write.
    fn push_role_token(&mut self, word: &str, kind: TokenKind, role: NameRole) {
        self.tokens.push(Token {
            text: canonical_spelling(word).unwrap_or(word).to_string(),
            kind,
            script: Script::Latin,
            family_marked: false,
            role: Some(role),
        });
    }

    /// The longest cited name `run` starts with, unless reading literally.
    fn sourced_name_at(&self, run: &str) -> Option<&'static (String, String)> {
        match self.reading {
            Reading::Sourced => sourced_name_at(run),
            Reading::Literal => None,
        }
    }

    /// Where the last cited name that [`Self::trade_name`] reads in `run` ends, in bytes (0 if
    /// none or reading literally): cited names read left to right, each the longest at its
    /// place. A cited name inside one already read is not read (北京旷视科技有限公司 is 北京旷视科技
    /// and a form, although 旷视科技有限公司 is cited too), so it must not keep the form.
    fn sourced_name_end(&self, run: &str) -> usize {
        let (mut at, mut end) = (0, 0);
        while let Some(c) = run[at..].chars().next() {
            match self.sourced_name_at(&run[at..]) {
                Some((han, _)) => {
                    at += han.len();
                    end = at;
                }
                None => at += c.len_utf8(),
            }
        }
        end
    }

    fn finish(mut self) -> NormalizedName {
        self.end_word();
        join_number_words(&mut self.tokens);
        NormalizedName {
            tokens: self.tokens,
            transliterations: self.transliterations,
        }
    }
}

/// "forty four", "fourty-four", "twenty" → "44", "44", "20"; teens too. Units are digits already
/// (`ordinal_to_digits`).
fn join_number_words(tokens: &mut Vec<Token>) {
    const TENS: [(&str, u32); 9] = [
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fourty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
    ];
    const TEENS: [&str; 9] = [
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    let mut i = 0;
    while i < tokens.len() {
        let text = tokens[i].text.as_str();
        if let Some(n) = TEENS.iter().position(|t| *t == text) {
            tokens[i].text = (11 + n).to_string();
            tokens[i].kind = TokenKind::Distinctive;
        } else if let Some(&(_, tens)) = TENS.iter().find(|(t, _)| *t == text) {
            let unit = tokens
                .get(i + 1)
                .and_then(|t| t.text.parse::<u32>().ok())
                .filter(|u| (1..=9).contains(u));
            tokens[i].text = (tens + unit.unwrap_or(0)).to_string();
            tokens[i].kind = TokenKind::Distinctive;
            if unit.is_some() {
                tokens.remove(i + 1);
            }
        }
        i += 1;
    }
}

/// "SiemensAG" → "Siemens AG": a legal form glued in capitals to a capitalised word.
fn split_glued_legal_forms(text: &str) -> String {
    const FORMS: [&str; 14] = [
        "AG", "GMBH", "GmbH", "LLC", "LTD", "Ltd", "INC", "Inc", "PLC", "SA", "SPA", "BV", "NV",
        "KG",
    ];
    let mut out = String::with_capacity(text.len() + 4);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let split = FORMS.iter().find_map(|f| {
            let head = word.strip_suffix(f)?;
            let mut chars = head.chars();
            let first = chars.next()?;
            (head.chars().count() >= 3
                && first.is_uppercase()
                && chars.clone().all(|c| c.is_lowercase())
                && chars.count() >= 2)
                .then_some((head, *f))
        });
        match split {
            Some((head, form)) => {
                out.push_str(head);
                out.push(' ');
                out.push_str(form);
            }
            None => out.push_str(word),
        }
    }
    out
}

/// A Hangul syllable in the Revised Romanization of Korean (2000), composed from its jamo:
/// 김 → "gim", 정 → "jeong", 은 → "eun". Finals are written as pronounced alone (ㅅ → t).
pub(crate) fn hangul_syllable(c: char) -> Option<String> {
    const INITIALS: [&str; 19] = [
        "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t",
        "p", "h",
    ];
    const MEDIALS: [&str; 21] = [
        "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
        "we", "wi", "yu", "eu", "ui", "i",
    ];
    const FINALS: [&str; 28] = [
        "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p",
        "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
    ];
    let index = (c as u32).checked_sub(0xAC00).filter(|i| *i < 11172)? as usize;
    let (initial, medial, last) = (index / 588, (index % 588) / 28, index % 28);
    // The initial ㄹ of a syllable is "r" in RR, but names write it as they say it: "l" is for
    // finals; keep "r" here, the scorer treats r/l alike.
    Some(format!(
        "{}{}{}",
        INITIALS[initial], MEDIALS[medial], FINALS[last]
    ))
}

fn is_han(c: char) -> bool {
    // U+3007 〇, the ideographic zero of numbers written digit by digit (七〇一), sits outside
    // the ideograph blocks.
    matches!(c as u32, 0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
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
    if let Some(latin) = hebrew(c) {
        return Some((latin, Script::Hebrew));
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

/// Hebrew letters to Latin consonants (final forms as their letters; points dropped). Like
/// Arabic, Hebrew leaves most vowels unwritten: its tokens compare by consonant skeleton, with
/// א ע ה ו י as the weak letters that stand for vowels.
fn hebrew(c: char) -> Option<&'static str> {
    Some(match c {
        'א' | 'ע' => "",
        'ב' => "b",
        'ג' => "g",
        'ד' => "d",
        'ה' => "h",
        'ו' => "w",
        'ז' => "z",
        'ח' => "kh",
        'ט' => "t",
        'י' => "y",
        'כ' | 'ך' => "k",
        'ל' => "l",
        'מ' | 'ם' => "m",
        'נ' | 'ן' => "n",
        'ס' => "s",
        'פ' | 'ף' => "p",
        'צ' | 'ץ' => "ts",
        'ק' => "k",
        'ר' => "r",
        'ש' => "sh",
        'ת' => "t",
        '\u{0591}'..='\u{05C7}' => "", // cantillation marks and vowel points
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
            && crate::distance::osa_distance(w.as_bytes(), token.as_bytes()) <= budget
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

/// `data/han_names.tsv` (built by scripts/build-han-names.py from cited pairs), as read.
struct HanNames {
    /// Han name → the Latin name earl reads it as (`full` and `trade` rows), by first character,
    /// longest first; of one name's several Latin names, the first the file gives.
    readings: HashMap<char, Vec<(String, String)>>,
    /// A `full` row's name without its organisation forms → its Latin name, as `readings`: read
    /// only where forms alone follow (see [`sourced_name_at`]).
    stems: HashMap<char, Vec<(String, String)>>,
    /// The key ([`latin_key`]) of a listed organisation's Latin name → the characters its trade
    /// name is written in (`trade` and `pinyin` rows, through the full name they came from).
    trade_names_of: HashMap<String, Vec<String>>,
}

fn han_names() -> &'static HanNames {
    static NAMES: OnceLock<HanNames> = OnceLock::new();
    NAMES.get_or_init(|| {
        let rows: Vec<Vec<&str>> = include_str!("../data/han_names.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|l| l.split('\t').collect())
            .collect();
        let (han, latin, kind, from) = (0, 1, 2, 5);
        let mut readings: HashMap<char, Vec<(String, String)>> = HashMap::new();
        for row in rows.iter().filter(|r| matches!(r[kind], "full" | "trade")) {
            let Some(first) = row[han].chars().next() else {
                continue;
            };
            let names = readings.entry(first).or_default();
            if !names.iter().any(|(h, _)| h == row[han]) {
                names.push((row[han].to_string(), row[latin].to_string()));
            }
        }
        let mut stems: HashMap<char, Vec<(String, String)>> = HashMap::new();
        for row in rows.iter().filter(|r| r[kind] == "full") {
            let Some(stem) = without_forms(row[han]) else {
                continue;
            };
            let Some(first) = stem.chars().next() else {
                continue;
            };
            let names = stems.entry(first).or_default();
            if !names.iter().any(|(h, _)| h == stem) {
                names.push((stem.to_string(), row[latin].to_string()));
            }
        }
        for names in readings.values_mut().chain(stems.values_mut()) {
            names.sort_by_key(|(han, _)| std::cmp::Reverse(han.len()));
        }
        let mut trade_names_of: HashMap<String, Vec<String>> = HashMap::new();
        for row in rows
            .iter()
            .filter(|r| matches!(r[kind], "trade" | "pinyin"))
        {
            let full_names = rows
                .iter()
                .filter(|f| f[kind] == "full" && f.get(han) == row.get(from));
            for full in full_names {
                let written = trade_names_of.entry(latin_key(full[latin])).or_default();
                if !written.iter().any(|w| w == row[han]) {
                    written.push(row[han].to_string());
                }
            }
        }
        HanNames {
            readings,
            stems,
            trade_names_of,
        }
    })
}

/// A Han character as a trade name reads it: its name reading (长 cháng), else the `pinyin`
/// crate's first, toneless and in ASCII ("nü" → "nu"); a character pinyin lacks, as
/// `deunicode` spells it.
fn syllable_of(c: char) -> String {
    use pinyin::ToPinyin;
    match name_reading(c) {
        Some(reading) => reading.to_string(),
        None => match c.to_pinyin() {
            Some(p) => p
                .plain()
                .chars()
                .map(|c| if c == 'ü' { 'u' } else { c })
                .filter(char::is_ascii_alphanumeric)
                .collect(),
            None => deunicode::deunicode_char(c)
                .unwrap_or("")
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect(),
        },
    }
}

/// The longest sourced name `run` starts with, and its Latin name: a cited name, or a cited
/// legal name under another organisation form (中国核工业集团公司, cited, is 中国核工业集团有限公司
/// since the state groups' reform) — its name without the form, when `run` goes on with forms
/// alone.
fn sourced_name_at(run: &str) -> Option<&'static (String, String)> {
    let first = run.chars().next()?;
    let names = han_names();
    let cited = names
        .readings
        .get(&first)
        .and_then(|cited| cited.iter().find(|(han, _)| run.starts_with(han.as_str())));
    let other_form = names.stems.get(&first).and_then(|stems| {
        stems
            .iter()
            .find(|(stem, _)| run.starts_with(stem.as_str()) && forms_only(&run[stem.len()..]))
    });
    match (cited, other_form) {
        (Some(c), Some(o)) if o.0.len() > c.0.len() => Some(o),
        (Some(c), _) => Some(c),
        (None, o) => o,
    }
}

/// `han` without the organisation forms it ends with (中国核工业集团公司 → 中国核工业集团), if that
/// leaves two characters or more.
fn without_forms(han: &str) -> Option<&str> {
    let mut stem = han;
    while let Some(form) = form_ending(stem) {
        stem = &stem[..stem.len() - form.han.len()];
    }
    (stem != han && stem.chars().count() >= 2).then_some(stem)
}

/// Whether `text` is organisation forms alone (or nothing): 有限公司, 股份有限公司.
fn forms_only(text: &str) -> bool {
    let mut rest = text;
    while let Some(form) = form_opening(rest) {
        rest = &rest[form.han.len()..];
    }
    rest.is_empty()
}

/// The longest organisation form (data/han_terms.tsv) `text` ends with.
fn form_ending(text: &str) -> Option<&'static OrgTerm> {
    org_terms()
        .iter()
        .find(|t| t.role == NameRole::LegalForm && text.ends_with(t.han.as_str()))
}

/// Whether a cited name is a university's or a research body's, which its place is part of
/// (han_terms.tsv: 大学 university, 学院 college, 研究所 and 研究院 research institute, 科学院
/// academy of sciences).
fn names_a_body(han: &str) -> bool {
    ["大学", "学院", "研究所", "研究院", "科学院"]
        .iter()
        .any(|ending| han.ends_with(ending))
}

/// The longest organisation form `text` starts with.
fn form_opening(text: &str) -> Option<&'static OrgTerm> {
    org_terms()
        .iter()
        .find(|t| t.role == NameRole::LegalForm && text.starts_with(t.han.as_str()))
}

/// A Latin name as [`HanNames::trade_names_of`] keys it: letters and digits, lower case.
fn latin_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The characters the trade name of the listed organisation named `latin` is written in, when a
/// cited pair says so (empty otherwise).
pub(crate) fn known_trade_names(latin: &str) -> &'static [String] {
    han_names()
        .trade_names_of
        .get(&latin_key(latin))
        .map_or(&[], Vec::as_slice)
}

/// The syllables of `han` as earl reads a trade name, toneless.
pub(crate) fn han_syllables(han: &str) -> Vec<String> {
    han.chars().map(syllable_of).collect()
}

/// A word of Chinese, Japanese or Korean organisation names (data/han_terms.tsv).
struct OrgTerm {
    han: String,
    latin: String,
    /// The English read as a Latin name is ("people's" → "people"), once.
    words: Vec<String>,
    /// Another word the lists write for a one-word term (集团: "group", and "corporation" in
    /// the state groups' names), read as a Latin name is.
    also: Vec<String>,
    role: NameRole,
}

/// The other words the lists write for the one-word organisation term read as `reading`
/// (集团 "group": "corp"), from `data/han_terms.tsv`'s `latin` cells of several words
/// separated by `|`; empty for any other word.
pub(crate) fn other_english_of_term(reading: &str) -> &'static [String] {
    static ALSO: OnceLock<HashMap<&'static str, &'static [String]>> = OnceLock::new();
    let also = ALSO.get_or_init(|| {
        org_terms()
            .iter()
            .filter(|t| t.words.len() == 1 && !t.also.is_empty())
            .map(|t| (t.words[0].as_str(), t.also.as_slice()))
            .collect()
    });
    also.get(reading).copied().unwrap_or(&[])
}

/// `data/han_terms.tsv`: organisation forms and industry words, longest first.
fn org_terms() -> &'static [OrgTerm] {
    static TERMS: OnceLock<Vec<OrgTerm>> = OnceLock::new();
    TERMS.get_or_init(|| {
        let mut terms: Vec<OrgTerm> = include_str!("../data/han_terms.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut cells = l.split('\t');
                let (han, latin, role) = (cells.next()?, cells.next()?, cells.next()?);
                let role = match role {
                    "form" => NameRole::LegalForm,
                    "generic" => NameRole::Generic,
                    _ => return None,
                };
                let mut english = latin.split('|');
                let latin = english.next()?;
                let read = |english: &str| -> Vec<String> {
                    tokenize(english)
                        .tokens
                        .into_iter()
                        .map(|t| t.text)
                        .collect()
                };
                Some(OrgTerm {
                    han: han.to_string(),
                    latin: latin.to_string(),
                    words: read(latin),
                    also: english.flat_map(read).collect(),
                    role,
                })
            })
            .collect();
        terms.sort_by_key(|t| std::cmp::Reverse(t.han.chars().count()));
        terms
    })
}

/// Whether `word` (lower-case ASCII) is written wholly in toneless pinyin syllables ("xu",
/// "hengcheng", "zhaoxin"): a Latin word that may be part of a Chinese trade name. The
/// syllables are those the `pinyin` crate reads for the CJK Unified Ideographs block.
pub(crate) fn is_pinyin_word(word: &str) -> bool {
    static SYLLABLES: OnceLock<HashSet<String>> = OnceLock::new();
    let syllables = SYLLABLES.get_or_init(|| {
        use pinyin::ToPinyin;
        ('\u{4e00}'..='\u{9fff}')
            .filter_map(|c| c.to_pinyin())
            .map(|p| p.plain().replace('ü', "v"))
            .collect()
    });
    if word.is_empty() || !word.is_ascii() {
        return false;
    }
    // Syllables are 1–6 letters: whether each prefix can be cut into syllables.
    let bytes = word.as_bytes();
    let mut cut = vec![false; bytes.len() + 1];
    cut[0] = true;
    for end in 1..=bytes.len() {
        cut[end] = (end.saturating_sub(6)..end)
            .any(|start| cut[start] && syllables.contains(&word[start..end]));
    }
    cut[bytes.len()]
}

/// The reading a name gives a character with several, where it is not the pinyin crate's
/// first: 长 is cháng (long) in names (长江 Changjiang, 长城 Changcheng, 长光 Chang Guang), not
/// zhǎng (chief); 都 is dū (capital) in names (成都 Chengdu, 首都 Shoudu, 洪都 Hongdu), not dōu
/// (all); both readings of each are CC-CEDICT's.
fn name_reading(c: char) -> Option<&'static str> {
    match c {
        '长' => Some("chang"),
        '都' => Some("du"),
        _ => None,
    }
}

/// What the end of a Han organisation name is cut into: an organisation word, or the number of
/// a numbered unit (第十四研究所, 七〇一研究所: the lists write "14th Research Institute", "701st").
enum Suffix<'a> {
    Term(&'a OrgTerm),
    Number(&'a str, u32),
}

impl Suffix<'_> {
    /// Units the lists number ("14th Research Institute", "159 Factory"): a number written
    /// before one of them is the unit's, even without 第.
    fn is_numbered_unit(&self) -> bool {
        matches!(self, Suffix::Term(t) if NUMBERED_UNITS.contains(&t.han.as_str()))
    }
}

const NUMBERED_UNITS: [&str; 3] = ["研究所", "研究院", "厂"];

/// The number a Han run ends with, as an ordinal (第十四) or, when `before_unit` (the next cut
/// is a numbered unit), as a bare numeral (七〇一); its length in bytes and its value.
/// A numeral that is not an ordinal and comes before no unit is left to the trade name (三一重工
/// is Sany, not 31).
fn unit_number_suffix(run: &str, before_unit: bool) -> Option<(usize, u32)> {
    let numeral_start = run
        .char_indices()
        .rev()
        .take_while(|&(_, c)| chinese_digit(c).is_some() || matches!(c, '十' | '百'))
        .last()?
        .0;
    let value = chinese_number(&run[numeral_start..])?;
    let head = &run[..numeral_start];
    match head.strip_suffix('第') {
        Some(before) => Some((run.len() - before.len(), value)),
        None if before_unit => Some((run.len() - numeral_start, value)),
        None => None,
    }
}

fn chinese_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|d| d as u32)
        .or((c == '零').then_some(0))
}

/// A Chinese numeral's value: positional with 十 and 百 (十四 = 14, 二百零三 = 203), digit by digit
/// without them (七〇一 = 701, as institute numbers are written).
fn chinese_number(numeral: &str) -> Option<u32> {
    if !numeral.contains(['十', '百']) {
        return numeral
            .chars()
            .try_fold(0u32, |n, c| Some(n.checked_mul(10)? + chinese_digit(c)?));
    }
    let (mut total, mut pending) = (0u32, None::<u32>);
    for c in numeral.chars() {
        match c {
            '百' => total += pending.take().unwrap_or(1) * 100,
            '十' => total += pending.take().unwrap_or(1) * 10,
            _ => {
                let digit = chinese_digit(c)?;
                // 零 holds a place (二百零三); two digits in a row are no positional numeral.
                if pending.is_some() {
                    return None;
                }
                pending = (digit != 0).then_some(digit);
            }
        }
    }
    Some(total + pending.unwrap_or(0))
}

/// A company's name and the branch it ends with (分公司 "branch office", 分行 "branch of bank",
/// CC-CEDICT), maybe after the branch's place: 华为技术有限公司 and 北京分公司. Only after an
/// organisation form, where the company's name is whole.
fn branch_of(run: &str) -> Option<(&str, &str)> {
    let before_branch = ["分公司", "分行"]
        .iter()
        .find_map(|branch| run.strip_suffix(branch))?;
    let company_end = before_branch
        .char_indices()
        .map(|(at, _)| at)
        .chain([before_branch.len()])
        .find(|&at| {
            let between = &before_branch[at..];
            form_ending(&run[..at]).is_some()
                && (between.is_empty()
                    || place_prefix(between).is_some_and(|p| p.written == between))
        })?;
    Some((&run[..company_end], &run[company_end..]))
}

/// What a Han run opens with, before its trade name.
enum Opening<'a> {
    Place(PlacePrefix<'a>),
    Form(&'static OrgTerm),
}

/// A place a Han run opens with.
struct PlacePrefix<'a> {
    /// As written, with any 省/市/区 suffix.
    written: &'a str,
    /// As the lists write it. An autonomous division keeps its people and its kind, as the lists
    /// write those too (新疆维吾尔自治区 "xinjiang uyghur autonomous region", 伊犁哈萨克自治州 "yili
    /// kazakh autonomous prefecture").
    latin: Cow<'static, str>,
    /// The kind of division its suffix says, where CC-CEDICT (2023-11-07) glosses it as the
    /// lists write it: 地区 "prefecture", 县 "county", 区 "district".
    division: Option<&'static str>,
}

/// The place a Han run opens with, if any.
fn place_prefix(run: &str) -> Option<PlacePrefix<'_>> {
    static PLACES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    const DIVISION_SUFFIXES: [(&str, Option<&str>); 8] = [
        ("特别行政区", None),
        ("自治区", None),
        ("自治州", None),
        ("地区", Some("prefecture")),
        ("省", None),
        ("市", None),
        ("区", Some("district")),
        ("县", Some("county")),
    ];
    // The peoples of the autonomous divisions the lists' entries sit in, and the kinds of
    // division, each as CC-CEDICT (2023-11-07) glosses it: 维吾尔 "Uighur ethnic group", 哈萨克
    // "Kazakh ethnic group", 蒙古 "Mongolia", 回族 "Hui ethnic group", 柯尔克孜 "Kyrghiz ethnic group",
    // 藏族 "Tibetan ethnic group", 壮族 "Zhuang ethnic group"; 自治区 "autonomous region", 自治州
    // "autonomous prefecture", 自治县 "autonomous county". Spelled as the lists spell them
    // (Uyghur, Mongolian, Kyrgyz; the other spellings are one place in places.txt).
    const PEOPLES: [(&str, &str); 7] = [
        ("维吾尔", "uyghur"),
        ("哈萨克", "kazakh"),
        ("蒙古", "mongolian"),
        ("回族", "hui"),
        ("柯尔克孜", "kyrgyz"),
        ("藏族", "tibetan"),
        ("壮族", "zhuang"),
    ];
    const AUTONOMOUS: [(&str, &str); 3] = [
        ("自治区", "autonomous region"),
        ("自治州", "autonomous prefecture"),
        ("自治县", "autonomous county"),
    ];
    let places = PLACES.get_or_init(|| tsv_pairs(include_str!("../data/han_places.tsv")));
    let (han, latin) = places
        .iter()
        .find(|(han, _)| run.starts_with(han.as_str()))?;
    let after = &run[han.len()..];
    let autonomous = PEOPLES.iter().find_map(|&(people, people_latin)| {
        let rest = after.strip_prefix(people)?;
        let &(division, division_latin) = AUTONOMOUS.iter().find(|(d, _)| rest.starts_with(d))?;
        Some((
            people.len() + division.len(),
            format!("{latin} {people_latin} {division_latin}"),
        ))
    });
    let (suffix_len, latin, division) = match autonomous {
        Some((len, written)) => (len, Cow::Owned(written), None),
        None => {
            let (suffix, division) = DIVISION_SUFFIXES
                .iter()
                .find(|(s, _)| after.starts_with(s))
                .map_or((0, None), |&(s, division)| (s.len(), division));
            (suffix, Cow::Borrowed(latin.as_str()), division)
        }
    };
    Some(PlacePrefix {
        written: &run[..han.len() + suffix_len],
        latin,
        division,
    })
}

/// Whether `left`, what a cut leaves of a run, is no trade name at all, or one of two characters
/// or more that still holds its first `keep` bytes (a sourced name).
fn leaves_trade_name(left: &str, keep: usize) -> bool {
    (left.is_empty() && keep == 0) || (left.len() >= keep && left.chars().count() >= 2)
}

/// The Simplified form of a Traditional character (OpenCC's table, data/opencc); any other
/// character as it is.
fn simplified(c: char) -> char {
    static TABLE: OnceLock<HashMap<char, char>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        include_str!("../data/opencc/TSCharacters.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (from, to) = l.split_once('\t')?;
                let mut from = from.chars();
                let from_char = from.next().filter(|_| from.next().is_none())?;
                let to_char = to.split(' ').next()?.chars().next()?;
                Some((from_char, to_char))
            })
            .collect()
    });
    table.get(&c).copied().unwrap_or(c)
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
        // One token per Han syllable; the scorer joins them where the other side writes a word.
        assert_eq!(
            texts("海安技术有限公司"),
            ["hai", "an", "technology", "co", "ltd"]
        );
        // A cited name is read as the lists write it, and also, literally, in pinyin; a cited
        // legal name (with its organisation form) only as the lists write it.
        let read = |raw: &str| -> Vec<Vec<String>> {
            readings(raw)
                .iter()
                .map(|r| r.tokens.iter().map(|t| t.text.clone()).collect())
                .collect()
        };
        assert_eq!(
            read("中兴通讯"),
            [
                // 中兴通讯股份有限公司, cited, without its form.
                vec!["zhongxing", "telecommunication", "equipment", "corp"],
                vec!["zhong", "xing", "communication"]
            ]
        );
        assert_eq!(
            read("华为技术有限公司"),
            [vec!["huawei", "technology", "co", "ltd"]]
        );
        assert_eq!(readings("海安技术有限公司").len(), 1);
        assert_eq!(texts("海安科技"), ["hai", "an", "technology"]);
        assert_eq!(texts("Рособоронэкспорт"), ["rosoboroneksport"]);
        assert_eq!(texts("حزب الله"), ["hzb", "allh"]);
        assert_eq!(texts("القاعدة"), ["al", "qada"]);
        assert_eq!(texts("Αθήνα"), ["athina"]);
        assert_eq!(texts("김정은"), ["gim", "jeong", "eun"]);
        assert_eq!(texts("בנימין נתניהו"), ["bnymyn", "ntnyhw"]);
        assert!(!texts("トヨタ").is_empty());
        let name = normalize("海安");
        assert_eq!(name.transliterations[0].method, "pinyin");
        assert_eq!(name.transliterations[0].to, "hai");
        assert_eq!(normalize("华为").transliterations[0].method, "known_name");
    }

    /// Each token's role in a Chinese, Japanese or Korean organisation name.
    fn roles(raw: &str) -> Vec<(String, Option<NameRole>)> {
        normalize(raw)
            .tokens
            .into_iter()
            .map(|t| (t.text, t.role))
            .collect()
    }

    #[test]
    fn chinese_organisation_names_are_read_by_structure() {
        use NameRole::*;
        let owned = |parts: &[(&str, NameRole)]| -> Vec<(String, Option<NameRole>)> {
            parts
                .iter()
                .map(|(t, r)| (t.to_string(), Some(*r)))
                .collect()
        };
        assert_eq!(
            roles("上海海安智能科技有限公司"),
            owned(&[
                ("shanghai", Place),
                ("hai", TradeName),
                ("an", TradeName),
                ("intelligent", Generic),
                ("technology", Generic),
                ("co", LegalForm),
                ("ltd", LegalForm),
            ])
        );
        // The place in brackets, full-width or half-width, and the division suffix 市.
        for written in [
            "摩尔线程智能科技（北京）有限责任公司",
            "摩尔线程智能科技(北京市)有限责任公司",
        ] {
            assert_eq!(
                texts(written),
                [
                    "moore",
                    "threads",
                    "intelligent",
                    "technology",
                    "beijing",
                    "co",
                    "ltd"
                ]
            );
        }
        // 安 is a syllable of the trade name 海安, not the English stop word "an".
        assert_eq!(
            roles("海安集团"),
            owned(&[("hai", TradeName), ("an", TradeName), ("group", Generic)])
        );
        // A cut never leaves a one-character trade name, nor cuts into a sourced name.
        assert_eq!(texts("中芯国际"), ["smic"]);
        assert_eq!(texts("华科技"), ["hua", "ke", "ji"]);
        // A sourced name is read whole, even when it opens with a place.
        assert_eq!(
            texts("哈尔滨工业大学"),
            ["harbin", "institute", "of", "technology"]
        );
        // Japanese and Korean forms, before or after the name.
        assert_eq!(texts("株式会社东芝"), ["co", "ltd", "dong", "zhi"]);
        assert_eq!(
            texts("삼성전자 주식회사"),
            ["sam", "seong", "jeon", "ja", "co", "ltd"]
        );
    }

    #[test]
    fn a_space_between_chinese_characters_is_a_typists() {
        assert_eq!(
            texts("北京 天泰科技發展有限公司"),
            texts("北京天泰科技發展有限公司")
        );
        assert_eq!(texts("北京\u{3000}华为"), texts("北京华为"));
        // Between Chinese and Latin a space still parts words.
        assert_eq!(texts("北京 Huawei"), ["beijing", "huawei"]);
    }

    #[test]
    fn a_branch_is_its_company() {
        for branch in [
            "华为技术有限公司北京分公司",
            "华为技术有限公司分公司",
            "华为技术有限公司北京市分公司",
        ] {
            assert_eq!(texts(branch), texts("华为技术有限公司"), "{branch}");
            assert!(
                normalize(branch)
                    .transliterations
                    .iter()
                    .any(|t| t.to == "branch")
            );
        }
        // Not after an organisation form: no company is whole.
        assert_ne!(texts("华为北京分公司"), texts("华为"));
    }

    #[test]
    fn numbered_units_are_numbers() {
        // 第 + a positional numeral, or a numeral digit by digit before a numbered unit.
        assert_eq!(
            texts("中国电子科技集团公司第十四研究所"),
            [
                "china",
                "electronics",
                "technology",
                "group",
                "corp",
                "14",
                "research",
                "institute"
            ]
        );
        assert_eq!(
            texts("中国船舶集团有限公司第七〇一研究所")
                .iter()
                .rev()
                .nth(2),
            Some(&"701".to_string())
        );
        // 第 before digits, as before a numeral; full-width digits are digits.
        for written in [
            "中国电子科技集团公司第14研究所",
            "中国电子科技集团公司第１４研究所",
        ] {
            assert_eq!(texts(written), texts("中国电子科技集团公司第十四研究所"));
        }
        assert_eq!(
            texts("第三十八研究所")[0],
            "38",
            "a run that is only a numbered unit"
        );
        // A numeral before an industry word is a trade name (三一重工 is Sany), not a number.
        assert_eq!(texts("三一重工")[..2], ["san", "yi"]);
        for (numeral, value) in [
            ("十", 10),
            ("十四", 14),
            ("三十八", 38),
            ("二百零三", 203),
            ("七〇一", 701),
            ("七零二", 702),
        ] {
            assert_eq!(chinese_number(numeral), Some(value), "{numeral}");
        }
        assert_eq!(chinese_number("三四十"), None);
    }

    #[test]
    fn traditional_and_simplified_are_one_name() {
        assert_eq!(texts("華為技術有限公司"), texts("华为技术有限公司"));
        assert_eq!(texts("摩爾線程"), ["moore", "threads"]);
        assert_eq!(texts("（北京）"), texts("(北京)"));
    }

    #[test]
    fn family_names_are_marked() {
        let marked = |raw: &str| -> Vec<bool> {
            normalize(raw)
                .tokens
                .iter()
                .map(|t| t.family_marked)
                .collect()
        };
        assert_eq!(marked("Fyodor Dmitrievich BEREZIN"), [false, false, true]);
        assert_eq!(marked("PUTIN, Vladimir"), [false, true]);
        assert_eq!(marked("VLADIMIR PUTIN"), [false, false]);
    }

    #[test]
    fn alternatives_split_aliases_not_places() {
        assert_eq!(
            alternatives("ACME LTD a.k.a. ACME TRADING"),
            ["ACME LTD a.k.a. ACME TRADING", "ACME LTD", "ACME TRADING"]
        );
        assert_eq!(
            alternatives("MODERN INDUSTRIES TECHNIQUE COMPANY (MITEC)"),
            ["MODERN INDUSTRIES TECHNIQUE COMPANY (MITEC)", "MITEC"]
        );
        assert_eq!(
            alternatives("Bowne Global Solutions II (Sweden) AB"),
            ["Bowne Global Solutions II (Sweden) AB"]
        );
        assert_eq!(
            alternatives("Bowne Global Solutions Denmark, A/S"),
            ["Bowne Global Solutions Denmark, A/S"]
        );
        assert_eq!(
            alternatives("Natalya Ivanovna BEZRUCHENKO/Natalia Ivanovna BEZRUCHENKO").len(),
            3
        );
        assert!(alternatives("  ").is_empty());
    }

    #[test]
    fn numbers_glued_forms_and_possessives() {
        assert_eq!(texts("Brigade Forty-Four"), ["brigade", "44"]);
        assert_eq!(texts("SiemensAG"), ["siemens", "ag"]);
        assert_eq!(texts("Deutsche Bank's AG"), ["deutsche", "bank", "ag"]);
        assert_eq!(texts("Mo'er"), ["moer"]);
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
