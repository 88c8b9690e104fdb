//! Name parts: each normalised token tagged with the role it plays in the name, weighed by how
//! rare it is, with the spellings the scorer compares (romanisation key, consonant skeleton) and
//! the lexicon spans it belongs to.
//!
//! The role decides what an unmatched part costs (see `similarity.rs`): a missing middle name or
//! patronymic is an abbreviation, a missing family name is another person; a legal form or a
//! place on one side only is an affiliate's suffix, a different one on both sides is evidence of
//! a different party.

use crate::distance::{roman_key, skeleton_of_key};
use crate::lexicon::{SymbolKind, SymbolSpan, symbol_spans, zipf};
use crate::normalize::{NameRole, NormalizedName, Script, TokenKind, Transliteration};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The role of a name part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartTag {
    /// A given name, when the name marks its family name.
    Given,
    /// Marked as the family name (capitals in a mixed-case name, or "LAST, First").
    Family,
    /// A Slavic patronymic (-ovich, -evna, ...).
    Patronymic,
    /// al, bin, van, de, abu ...
    Particle,
    /// One letter standing for a word.
    Initial,
    LegalForm,
    /// Words many organisations share: trading, group, bank, academy ...
    Generic,
    /// A country, nationality or city.
    Place,
    Number,
    StopWord,
    /// A title before a person's name: Dr, General, Haji ...
    Title,
    /// A distinctive word whose role the name does not say.
    Plain,
}

/// A part ready for scoring.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Part {
    pub text: Box<str>,
    pub kind: TokenKind,
    pub tag: PartTag,
    pub script: Script,
    pub weight: f64,
    /// [`roman_key`] of the text.
    pub key: Box<[u8]>,
    /// [`skeleton_of_key`] of the key.
    pub skeleton: Box<[u8]>,
    /// How common the word is in English ([`zipf`]), if it is an English word at all.
    pub zipf: Option<f64>,
    /// English or the list's names know the word: it is no misspelling of another.
    pub known: bool,
    /// A syllable of a Chinese trade name (字号), read from the name's structure.
    pub trade_name_syllable: bool,
    /// An industry or organisation word of a Chinese name that has no trade name (上海微电子装备
    /// （集团）股份有限公司, 乌鲁木齐市公安局): such words are what name it, so pairing one with any
    /// word of the other name but a legal form counts as pairing something distinctive.
    pub names_itself: bool,
    /// An organisation form or industry word translated from a Chinese, Japanese or Korean name
    /// (data/han_terms.tsv): the other English words the lists write for it pair with it too.
    pub translated_term: bool,
}

impl Part {
    /// Parts that join with neighbours into one word ("al qaida" ↔ "alqaida").
    pub fn joinable(&self) -> bool {
        !matches!(self.tag, PartTag::LegalForm | PartTag::Number)
    }

    /// Parts that carry identity.
    /// A legal form or a stop word: it can support a match between names but says nothing
    /// of which party a name denotes ("GmbH" ≈ "LLC" is true of a million companies). Generic
    /// words are not among them: some listed names are made of nothing else ("Islamic
    /// Revolutionary Guard Corps"), and beside a distinctive word they never make a match
    /// alone (see `NOTHING_DISTINCTIVE_CAP`).
    pub fn supports(&self) -> bool {
        matches!(self.tag, PartTag::LegalForm | PartTag::StopWord)
    }

    pub fn distinctive(&self) -> bool {
        matches!(
            self.tag,
            PartTag::Plain | PartTag::Family | PartTag::Given | PartTag::Patronymic
        )
    }
}

/// A name prepared for comparison.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Prepared {
    pub parts: Vec<Part>,
    /// Lexicon spans over `parts`.
    pub spans: Vec<SymbolSpan>,
    /// The name has a legal form or an organisation word.
    pub organisation: bool,
    /// The name has a Chinese trade name read in pinyin.
    pub chinese_trade_name: bool,
    pub transliterations: Vec<Transliteration>,
}

/// How often each token occurs in the names of a list: the rarity that weighs a part.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TokenStats {
    document_frequency: HashMap<Box<str>, u32>,
    names: f64,
    /// Median weight of a distinctive token: the weight of an ordinary word.
    median_weight: f64,
}

impl TokenStats {
    /// Counts, for each token, the names that contain it.
    pub(crate) fn from_names<'a>(names: impl IntoIterator<Item = &'a NormalizedName>) -> Self {
        let mut document_frequency: HashMap<Box<str>, u32> = HashMap::new();
        let mut total = 0usize;
        for name in names {
            total += 1;
            let mut seen: Vec<&str> = Vec::new();
            for token in &name.tokens {
                if !seen.contains(&token.text.as_str()) {
                    seen.push(&token.text);
                    *document_frequency
                        .entry(token.text.as_str().into())
                        .or_default() += 1;
                }
            }
        }
        let mut stats = TokenStats {
            document_frequency,
            names: total.max(1) as f64,
            median_weight: 1.0,
        };
        let mut weights: Vec<f64> = stats
            .document_frequency
            .iter()
            .filter(|(t, _)| crate::normalize::term_kind(t) == TokenKind::Distinctive)
            .flat_map(|(t, &df)| std::iter::repeat_n(stats.idf(t), df as usize))
            .collect();
        if !weights.is_empty() {
            let middle = weights.len() / 2;
            stats.median_weight = *weights.select_nth_unstable_by(middle, f64::total_cmp).1;
        }
        stats
    }

    /// Names containing `token`.
    pub(crate) fn document_frequency(&self, token: &str) -> u32 {
        self.document_frequency.get(token).copied().unwrap_or(0)
    }

    /// `ln(1 + N / df)`; a token no list name has counts as df = 1.
    pub(crate) fn idf(&self, token: &str) -> f64 {
        let df = self
            .document_frequency
            .get(token)
            .copied()
            .unwrap_or(1)
            .max(1) as f64;
        (1.0 + self.names / df).ln()
    }

    pub(crate) fn median_weight(&self) -> f64 {
        self.median_weight
    }
}

/// Share of an ordinary word's weight that a part of each low-weight role carries.
fn role_weight(tag: PartTag) -> Option<f64> {
    Some(match tag {
        PartTag::LegalForm => 0.1,
        PartTag::Generic => 0.25,
        PartTag::Place => 0.4,
        PartTag::Particle | PartTag::StopWord | PartTag::Title => 0.05,
        PartTag::Initial => 0.3,
        PartTag::Number => 1.0,
        _ => return None,
    })
}

/// Weight of a Han or Hangul syllable, as a share of an ordinary word's.
const SYLLABLE_WEIGHT: f64 = 0.8;

const PARTICLES: [&str; 30] = [
    "van", "von", "der", "den", "de", "du", "da", "di", "del", "della", "dos", "das", "la", "le",
    "al", "el", "bin", "ibn", "ben", "bint", "binti", "abu", "abd", "ould", "ter", "ten", "st",
    "ul", "ud", "y",
];

/// Generational suffixes: said of a person, never identity.
const SUFFIXES: [&str; 6] = ["jr", "sr", "ii", "iii", "iv", "junior"];

fn is_patronymic(text: &str) -> bool {
    // Russian, Ukrainian, Belarusian (-avich), Serbo-Croatian (-ović), and the German, French,
    // Dutch, Danish and Catalan spellings of -ovich.
    const ENDINGS: [&str; 17] = [
        "ovich", "evich", "ovych", "evych", "avich", "ovitch", "ovitsch", "owitsch", "ovitsj",
        "ovitj", "ovitx", "ovna", "evna", "ivna", "ichna", "ovic", "evic",
    ];
    text.len() >= 7 && ENDINGS.iter().any(|e| text.ends_with(e))
}

/// Tags, weighs and keys the tokens of a normalised name.
pub(crate) fn prepare(name: &NormalizedName, stats: &TokenStats) -> Prepared {
    let tokens = &name.tokens;
    let spans: Vec<SymbolSpan> =
        symbol_spans(|i| tokens.get(i).map(|t| (t.text.as_str(), t.script)));
    let span_kind = |i: usize, kind: SymbolKind, multi_token_only: bool| {
        spans.iter().any(|s| {
            (s.start..s.end).contains(&i)
                && (!multi_token_only || s.end - s.start > 1)
                && s.symbols.iter().any(|&x| SymbolKind::of(x) == kind)
        })
    };
    let marked = tokens.iter().any(|t| t.family_marked);
    let organisation_words = tokens
        .iter()
        .any(|t| matches!(t.kind, TokenKind::LegalForm | TokenKind::Generic));
    // Place, industry words and form, and nothing else: the words are the name.
    let words_are_the_name = tokens.iter().any(|t| t.role == Some(NameRole::Generic))
        && tokens.iter().all(|t| {
            matches!(
                t.role,
                Some(NameRole::Place | NameRole::Generic | NameRole::LegalForm)
            ) || t.text.bytes().all(|b| b.is_ascii_digit())
        });
    let mut parts: Vec<Part> = Vec::with_capacity(tokens.len());
    for (i, token) in tokens.iter().enumerate() {
        let text = token.text.as_str();
        // A one-syllable Han or Hangul token is never read as a Latin abbreviation ("sa", "ao").
        let syllabic = matches!(token.script, Script::Han | Script::Hangul);
        let tag = if let Some(role) = token.role {
            match role {
                NameRole::Place => PartTag::Place,
                NameRole::Generic => PartTag::Generic,
                NameRole::LegalForm => PartTag::LegalForm,
                NameRole::TradeName => PartTag::Plain,
            }
        } else if text.bytes().all(|b| b.is_ascii_digit()) {
            PartTag::Number
        } else if token.kind == TokenKind::LegalForm
            || span_kind(i, SymbolKind::LegalForm, syllabic || text.len() <= 2)
        {
            PartTag::LegalForm
        } else if token.kind == TokenKind::Generic
            || span_kind(i, SymbolKind::OrgWord, syllabic)
            || span_kind(i, SymbolKind::OrgDomain, syllabic)
        {
            PartTag::Generic
        } else if span_kind(i, SymbolKind::Place, syllabic) {
            PartTag::Place
        } else if PARTICLES.contains(&text) || span_kind(i, SymbolKind::Particle, true) {
            PartTag::Particle
        } else if token.kind == TokenKind::StopWord || SUFFIXES.contains(&text) {
            PartTag::StopWord
        } else if (!organisation_words
            && parts.iter().all(|p: &Part| p.tag == PartTag::Title)
            && spans.iter().any(|s| {
                s.start == i
                    && s.symbols
                        .iter()
                        .any(|&x| SymbolKind::of(x) == SymbolKind::Title)
            }))
            // the second word of "Field Marshal"
            || (parts.last().is_some_and(|p| p.tag == PartTag::Title)
                && spans.iter().any(|s| {
                    (s.start..s.end).contains(&i)
                        && s.start < i
                        && s.symbols
                            .iter()
                            .any(|&x| SymbolKind::of(x) == SymbolKind::Title)
                }))
        {
            PartTag::Title
        } else if text.len() == 1 && token.script == Script::Latin {
            PartTag::Initial
        } else if token.family_marked {
            PartTag::Family
        } else if is_patronymic(text) {
            PartTag::Patronymic
        } else if marked {
            PartTag::Given
        } else {
            PartTag::Plain
        };
        let weight = match role_weight(tag) {
            Some(share) => share * stats.median_weight(),
            // A Han or Hangul syllable is a third of a name, and lists write few names so:
            // its rarity among list tokens says little.
            None if syllabic => SYLLABLE_WEIGHT * stats.median_weight(),
            None => stats.idf(text),
        };
        let zipf = zipf(text);
        let known = zipf.is_some() || stats.document_frequency(text) > 0;
        let key = roman_key(text);
        parts.push(Part {
            text: text.into(),
            kind: token.kind,
            tag,
            script: token.script,
            weight,
            skeleton: skeleton_of_key(&key).into(),
            key: key.into(),
            zipf,
            known,
            trade_name_syllable: token.role == Some(NameRole::TradeName),
            names_itself: words_are_the_name && token.role == Some(NameRole::Generic),
            translated_term: matches!(token.role, Some(NameRole::Generic | NameRole::LegalForm)),
        });
    }
    // A Chinese name that opens with a place (重庆建工, 中国东航) is an organisation's: people
    // are not named so.
    let organisation = parts
        .iter()
        .any(|p| matches!(p.tag, PartTag::LegalForm | PartTag::Generic))
        || tokens.iter().any(|t| t.role == Some(NameRole::Place));
    let chinese_trade_name = parts.iter().any(|p| p.trade_name_syllable);
    Prepared {
        parts,
        spans,
        organisation,
        chinese_trade_name,
        transliterations: name.transliterations.clone(),
    }
}
