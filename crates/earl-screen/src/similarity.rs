//! Pairwise name similarity: name parts paired by the lexicons and by budgeted edit distance,
//! weighed by rarity, unmatched parts costed by their role.
//!
//! 1. **Candidate pairs.** Every span of query parts against every span of list parts (up to
//!    [`MAX_SPAN`] parts, one side a single part unless both spell the same letters): equal
//!    text; a shared lexicon symbol (one person name in another script or spelling, a
//!    nickname, a legal form of the same class, an organisation word and its translation, a
//!    place); an equal romanisation key; a consonant skeleton when one side was written in an
//!    abjad (Arabic, Hebrew); an initial; or a weighted edit distance within the budget that the
//!    longer word's length allows ([`crate::distance`]). A query word that is a common English
//!    word ("walmart") tolerates no edit: it is not a misspelling of the listed "WELMART".
//! 2. **Pairing.** Candidates are taken best first (similarity × the weight of the parts they
//!    cover); each part pairs at most once.
//! 3. **Score.** `Σ sim·(w_q + w_l) / (Σ paired (w_q + w_l) + Σ unpaired λ(role)·w)`: an
//!    unpaired family or plain word costs its full weight, a given name 0.8, a patronymic 0.4,
//!    an initial 0.3, a particle or stop word 0.2 (see [`unpaired_cost`]). Then evidence of a
//!    different party lowers the score: both names carrying a number the other lacks (×0.7), a
//!    place (×0.8), a legal form (×0.9), distinctive words (×0.9), a family name paired with a
//!    given name (×0.75); a name that shares nothing distinctive scores at most 0.5.
//!
//! Weights: a distinctive part weighs its inverse document frequency over the list's names;
//! legal forms, organisation words, places, particles and initials a fixed share of an
//! ordinary word (`parts::role_weight`).

use crate::distance::{edit_budget, weighted_distance};
use crate::lexicon::{SymbolKind, SymbolSpan};
use crate::normalize::{Script, is_pinyin_word, other_english_of_term};
use crate::parts::{Part, PartTag, Prepared};
use serde::Serialize;

/// Joined spans are at most this many parts.
pub(crate) const MAX_SPAN: usize = 3;
/// Token similarities below this count as no match.
const MIN_SIMILARITY: f64 = 0.6;
/// Joins of words pair only when nearly equal.
const JOINED_MIN_SIMILARITY: f64 = 0.85;
/// Two words whose romanisation keys agree ("maksim" / "maxim").
const ROMANISED_SIMILARITY: f64 = 0.95;
/// An organisation word of a Chinese name against another English word the lists write for it
/// (集团 "group" / "Corporation"), as [`symbol_similarity`] weighs a shared organisation word.
const TERM_TRANSLATION_SIMILARITY: f64 = 0.95;
/// An initial ("j") against the word it abbreviates ("john").
const INITIAL_SIMILARITY: f64 = 0.8;
/// One industry word in the singular and the plural.
const PLURAL_SIMILARITY: f64 = 0.95;
/// Share of the score kept when both names carry numbers that differ: nomenklatura logic-v2's
/// `nm_number_mismatch` 0.3 (peers.md §1.2).
const NUMBER_CONFLICT: f64 = 0.7;
const PLACE_CONFLICT: f64 = 0.8;
const LEGAL_FORM_CONFLICT: f64 = 0.9;
const DISTINCTIVE_CONFLICT: f64 = 0.8;
/// A part marked as family name paired with one marked as given name: "John SMITH" is not
/// "Smith JOHN".
const ROLE_SWAP: f64 = 0.75;
/// The most a pair of names can score when nothing distinctive pairs.
const NOTHING_DISTINCTIVE_CAP: f64 = 0.5;

/// How two units were found alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MatchMethod {
    Exact,
    /// The same romanisation key: "maksim" / "maxim", "chernyshevskiy" / "tschernyschewski".
    Romanised,
    /// Within the edit budget of the words' length.
    Fuzzy,
    /// Adjacent parts of one side joined ("mo er" ↔ "moer").
    Joined,
    Initial,
    /// A word written in an abjad (Arabic, Hebrew) compared by consonants.
    Skeleton,
    /// One person name in two spellings or scripts (lexicon: rigour person names).
    NameVariant,
    Nickname,
    /// A name particle in two spellings (abd al / abdul).
    Particle,
    /// An organisation word and its translation (plant / zavod).
    Translation,
    /// Two legal forms of one class (OOO / LLC).
    LegalForm,
    /// One industry word in the singular and the plural ("textile" / "textiles").
    Plural,
    /// One place in two spellings or languages.
    Place,
}

impl MatchMethod {
    /// How the parts were compared, as a reader writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchMethod::Exact => "exact",
            MatchMethod::Romanised => "romanisation variant",
            MatchMethod::Fuzzy => "spelling",
            MatchMethod::Joined => "joined words",
            MatchMethod::Initial => "initial",
            MatchMethod::Skeleton => "consonant skeleton",
            MatchMethod::NameVariant => "name variant",
            MatchMethod::Nickname => "nickname",
            MatchMethod::Particle => "particle",
            MatchMethod::Translation => "translation",
            MatchMethod::LegalForm => "legal form",
            MatchMethod::Plural => "plural",
            MatchMethod::Place => "place",
        }
    }
}

/// One pairing of query parts with list-name parts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenPair {
    pub query: String,
    pub list: String,
    pub similarity: f64,
    pub method: MatchMethod,
}

/// The outcome of scoring one query against one list name.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scored {
    pub score: f64,
    pub pairs: Vec<TokenPair>,
    /// Which parts of each name were paired (inline up to 32 parts: scoring allocates nothing
    /// for the names lists hold).
    pub query_paired: Paired,
    pub list_paired: Paired,
}

/// One flag per part of a name.
pub(crate) type Paired = smallvec::SmallVec<[bool; 32]>;

struct Candidate {
    q: (usize, usize),
    l: (usize, usize),
    similarity: f64,
    value: f64,
    method: MatchMethod,
}

/// What an unpaired part costs, as a share of its weight. In a person's name an unmarked word
/// is as likely a middle name as a family name.
pub(crate) fn unpaired_cost(tag: PartTag, person: bool) -> f64 {
    match tag {
        PartTag::Plain if person => PERSON_PLAIN_COST,
        PartTag::Plain | PartTag::Family | PartTag::Number => 1.0,
        PartTag::Given => 0.8,
        PartTag::Generic | PartTag::Place => 0.6,
        PartTag::LegalForm => 0.5,
        PartTag::Patronymic => 0.4,
        PartTag::Initial => 0.3,
        PartTag::Particle | PartTag::StopWord => 0.2,
        PartTag::Title => 0.1,
    }
}

/// How much of its edit budget a query word may use against a list word, in [0, 1]. A query
/// word that is a common English word is spelled as meant: against a word the list or English
/// knows, a letter's difference makes another word ("Walmart" / the listed "WELMART", "Mining" /
/// "Dining": 0). A rarer query word, or a list word nobody knows (a misspelling in the list:
/// "MOHAMEMD"), tolerates the full budget ("Tayota" / "Toyota", "Pudin" / "Putin": 1). Zipf 3
/// or less tolerates all of it, 4 or more none.
fn pair_tolerance(query: &Part, list: &Part) -> f64 {
    match query.zipf {
        Some(zipf) if list.known => (COMMON_WORD_ZIPF - zipf).clamp(0.0, 1.0),
        _ => 1.0,
    }
}

/// Zipf frequency from which a query word tolerates no edit (see [`pair_tolerance`]).
const COMMON_WORD_ZIPF: f64 = 4.0;
/// Cost of an unpaired unmarked word in a person's name (see [`unpaired_cost`]).
const PERSON_PLAIN_COST: f64 = 0.7;
/// The most a word of five letters or fewer may differ by: one cheap edit (a vowel, t/d).
const SHORT_WORD_BUDGET: f64 = 0.6;
/// Share of the score kept when both names are one word that pairs only by spelling.
const SINGLE_WORD_FUZZY: f64 = 0.85;
/// Share kept when each name has a word the other lacks, one of them generic or a place.
const CONTENT_CONFLICT: f64 = 0.9;
/// Share kept when two names of generic words only differ by one.
const GENERIC_ONLY_EXTRA: f64 = 0.85;
/// Share kept when a one-word list name pairs only by another spelling and the query has
/// more words than it.
const ONE_WORD_SPELLED_ALIKE: f64 = 0.8;
/// Share kept when both names carry a patronymic the other lacks: another father.
const PATRONYMIC_CONFLICT: f64 = 0.7;
/// The most a Chinese trade name scores against a name in another script when only some of its
/// syllables pair: a trade name is one word, and part of it names another company ("海安" is not
/// "HAI", "英力特" not "LI Ying").
const PARTIAL_TRADE_NAME_CAP: f64 = 0.7;

/// Scores `query` against `list`; `record_pairs` fills [`Scored::pairs`].
pub(crate) fn score(query: &Prepared, list: &Prepared, record_pairs: bool) -> Scored {
    let (q, l) = (&query.parts, &list.parts);
    let mut candidates: smallvec::SmallVec<[Candidate; 32]> = smallvec::SmallVec::new();
    for qs in &query.spans {
        for ls in &list.spans {
            if let Some((similarity, method)) = symbol_similarity(qs, ls) {
                let (q_span, l_span) = (&q[qs.start..qs.end], &l[ls.start..ls.end]);
                if syllable_as_legal_form(q_span, l_span) || syllable_as_legal_form(l_span, q_span)
                {
                    continue;
                }
                // A company's two-syllable Chinese trade name is read in pinyin; person-name
                // groups would pair its syllables with other names' spellings ("海德" / "HEAD",
                // "利欧" / "RIO"), which say nothing of a company. Longer trade names are mostly
                // foreign names written in characters (莫斯特 / "Most"): groups keep pairing them.
                let company_syllables = |name: &Prepared, span: &[Part]| {
                    let syllables = name.parts.iter().filter(|p| p.trade_name_syllable).count();
                    name.organisation
                        && syllables <= 2
                        && span.iter().any(|p| p.trade_name_syllable)
                };
                if matches!(method, MatchMethod::NameVariant | MatchMethod::Nickname)
                    && (company_syllables(query, q_span) || company_syllables(list, l_span))
                    && han_against_latin(q_span, l_span)
                {
                    continue;
                }
                let weight: f64 = q_span.iter().chain(l_span).map(|p| p.weight).sum();
                candidates.push(Candidate {
                    q: (qs.start, qs.end),
                    l: (ls.start, ls.end),
                    similarity,
                    value: similarity * weight,
                    method,
                });
            }
        }
    }
    let (q_sums, l_sums) = (SpanSums::of(q), SpanSums::of(l));
    for qs in 0..q.len() {
        for qe in qs + 1..=(qs + MAX_SPAN).min(q.len()) {
            if qe - qs > 1 && (!q[qs].joinable() || !q[qe - 1].joinable()) {
                break; // every longer span from here holds the same unjoinable part
            }
            for ls in 0..l.len() {
                for le in ls + 1..=(ls + MAX_SPAN).min(l.len()) {
                    if le - ls > 1 && (!l[le - 1].joinable() || !l[ls].joinable()) {
                        break;
                    }
                    if joined_apart(&q_sums, (qs, qe), &l_sums, (ls, le)) {
                        continue;
                    }
                    let (q_span, l_span) = (&q[qs..qe], &l[ls..le]);
                    let Some((similarity, method)) = unit_similarity(q_span, l_span) else {
                        continue;
                    };
                    if syllable_as_legal_form(q_span, l_span)
                        || syllable_as_legal_form(l_span, q_span)
                    {
                        continue;
                    }
                    // A Chinese name's place is read from a table, spelled as the lists spell
                    // it: another spelling is another place (厦门 "Xiamen" is not "Xi'an"); for a
                    // body named by its place and words, whatever the other word's tag (山东
                    // "Shandong" is not "Dandong").
                    let places = |parts: &[Part]| parts.iter().all(|p| p.tag == PartTag::Place);
                    if places(q_span)
                        && ((query.chinese_trade_name && places(l_span)) || words_only(q))
                        && matches!(method, MatchMethod::Fuzzy | MatchMethod::Skeleton)
                    {
                        continue;
                    }
                    let weight: f64 = if method == MatchMethod::Initial {
                        // An initial says as little as one letter: count its weight, not the word's.
                        2.0 * q_span[0].weight.min(l_span[0].weight)
                    } else {
                        q_span.iter().chain(l_span).map(|p| p.weight).sum()
                    };
                    candidates.push(Candidate {
                        q: (qs, qe),
                        l: (ls, le),
                        similarity,
                        value: similarity * weight,
                        method,
                    });
                }
            }
        }
    }
    candidates.sort_by(|a, b| {
        b.value
            .total_cmp(&a.value)
            .then(b.similarity.total_cmp(&a.similarity))
    });

    let mut query_paired: Paired = smallvec::smallvec![false; q.len()];
    let mut list_paired: Paired = smallvec::smallvec![false; l.len()];
    let mut paired_value = 0.0;
    let mut paired_weight = 0.0;
    let mut pairs = Vec::new();
    let mut distinctive_pairs = 0usize;
    // Pairs that name something, and those of them that are one letter on each side.
    let (mut core_pairs, mut lone_initial_pairs) = (0usize, 0usize);
    let mut fuzzy_only = true;
    // No distinctive pair is spelled the same on both sides.
    let mut spelled_only = true;
    let mut role_swaps = 0usize;
    // Where a Chinese company's trade-name syllables met the other name's words, in the order
    // the syllables are written (see [`trade_name_reordered_or_longer`]).
    let han_company = |name: &Prepared| name.organisation && name.chinese_trade_name;
    let watch_trade_name = han_company(query) || han_company(list);
    let mut trade_name_pairs: Vec<SpanPair> = Vec::new();
    // The pairs of parts that name something (see [`Part::supports`]): a match rests on them.
    let mut core_value = 0.0;
    let mut core_weight = 0.0;
    for c in &candidates {
        if query_paired[c.q.0..c.q.1].iter().any(|&p| p)
            || list_paired[c.l.0..c.l.1].iter().any(|&p| p)
        {
            continue;
        }
        query_paired[c.q.0..c.q.1].fill(true);
        list_paired[c.l.0..c.l.1].fill(true);
        let weight = if c.method == MatchMethod::Initial {
            c.value / c.similarity
        } else {
            q[c.q.0..c.q.1]
                .iter()
                .chain(&l[c.l.0..c.l.1])
                .map(|p| p.weight)
                .sum::<f64>()
        };
        paired_value += c.value;
        paired_weight += weight;
        let (q_span, l_span) = (&q[c.q.0..c.q.1], &l[c.l.0..c.l.1]);
        if watch_trade_name && han_against_latin(q_span, l_span) {
            let syllables = |parts: &[Part]| parts.iter().any(|p| p.trade_name_syllable);
            if syllables(q_span) || syllables(l_span) {
                trade_name_pairs.push((c.q, c.l));
            }
        }
        let names = |parts: &[Part]| parts.iter().any(|p| !p.supports());
        if names(q_span) && names(l_span) {
            core_value += c.value;
            core_weight += weight;
            core_pairs += 1;
            let lone_initial =
                |parts: &[Part]| parts.len() == 1 && parts[0].tag == PartTag::Initial;
            if lone_initial(q_span) && lone_initial(l_span) {
                lone_initial_pairs += 1;
            }
        }
        let distinctive = |parts: &[Part]| parts.iter().any(Part::distinctive);
        let names_itself = |parts: &[Part]| parts.iter().any(|p| p.names_itself);
        if c.method != MatchMethod::Initial
            && ((distinctive(q_span) && distinctive(l_span))
                || (names_itself(q_span) && names(l_span))
                || (names_itself(l_span) && names(q_span)))
        {
            distinctive_pairs += 1;
            if !matches!(c.method, MatchMethod::Fuzzy | MatchMethod::Skeleton) {
                fuzzy_only = false;
            }
            // A trade name's pinyin syllables joined into the list's word ("da hua" / "Dahua")
            // are that word as pinyin writes it, not another spelling.
            let pinyin_joined = c.method == MatchMethod::Joined
                && c.similarity >= 1.0
                && q_span.iter().any(|p| p.trade_name_syllable);
            if c.method == MatchMethod::Exact || pinyin_joined {
                spelled_only = false;
            }
        }
        let role = |parts: &[Part], tag: PartTag| parts.iter().any(|p| p.tag == tag);
        if (role(q_span, PartTag::Family) && role(l_span, PartTag::Given))
            || (role(q_span, PartTag::Given) && role(l_span, PartTag::Family))
        {
            role_swaps += 1;
        }
        if record_pairs {
            let join =
                |parts: &[Part]| parts.iter().map(|p| &*p.text).collect::<Vec<_>>().join(" ");
            pairs.push(TokenPair {
                query: join(q_span),
                list: join(l_span),
                similarity: c.similarity,
                method: c.method,
            });
        }
    }
    // Unpaired parts: what they cost and what they say.
    let person = !query.organisation && !list.organisation;
    let unpaired = |parts: &[Part], paired: &[bool]| -> (f64, Unpaired) {
        let mut cost = 0.0;
        let mut seen = Unpaired::default();
        for (part, _) in parts.iter().zip(paired).filter(|(_, p)| !**p) {
            cost += unpaired_cost(part.tag, person) * part.weight;
            match part.tag {
                PartTag::Number => seen.number = true,
                PartTag::Patronymic => seen.patronymic = true,
                PartTag::Place => seen.place = true,
                PartTag::LegalForm => seen.legal_form = true,
                PartTag::Plain | PartTag::Family | PartTag::Given => seen.distinctive = true,
                PartTag::Generic => seen.generic = true,
                _ => {}
            }
        }
        (cost, seen)
    };
    let (q_cost, q_seen) = unpaired(q, &query_paired);
    let (l_cost, l_seen) = unpaired(l, &list_paired);
    let ratio = |value: f64, paired: f64| {
        let denominator = paired + q_cost + l_cost;
        if denominator > 0.0 {
            (value / denominator).clamp(0.0, 1.0)
        } else {
            0.0
        }
    };
    let mut score = ratio(paired_value, paired_weight);
    // Legal forms and stop words support a match but never make one ("Acme GmbH" is not
    // "LLC AKM" because GmbH ≈ LLC): paired, they spare the cost of an unpaired word, but the
    // score is at most what the other pairs earn alone; with no other pair (a query "GmbH",
    // or a list alias that is a legal form alone) it stays below any threshold.
    score = match core_weight > 0.0 {
        true => score.min(ratio(core_value, core_weight)),
        false => score.min(NOTHING_DISTINCTIVE_CAP),
    };
    if q_seen.number && l_seen.number {
        score *= NUMBER_CONFLICT; // "Leasing 3" vs "Leasing 6": different parties
    }
    if q_seen.place && l_seen.place {
        score *= PLACE_CONFLICT; // "Banco Santander México" vs "Banco Santander Chile"
    }
    if q_seen.patronymic && l_seen.patronymic {
        score *= PATRONYMIC_CONFLICT; // "Sergey Ivanovich" is not "Sergey Viktorovich"
    }
    if q_seen.legal_form && l_seen.legal_form {
        score *= LEGAL_FORM_CONFLICT;
    }
    // Words that are all of a name: a distinctive word or a place more is another name (中国核电,
    // China National Nuclear Power, is not China *Guangdong* Nuclear Power).
    let more = |seen: &Unpaired| seen.distinctive || seen.place;
    if q_seen.distinctive && l_seen.distinctive {
        score *= DISTINCTIVE_CONFLICT; // a substitution, not an addition
    } else if (words_only(q) && more(&l_seen)) || (words_only(l) && more(&q_seen)) {
        score *= DISTINCTIVE_CONFLICT;
    } else if q_seen.content() && l_seen.content() {
        score *= CONTENT_CONFLICT; // "Taiwan Semiconductor" / "Semiconductor International"
    }
    // Names of generic words only ("International Business Machines") are their words: one
    // left over is another name.
    let all_generic = !q.iter().chain(l).any(Part::distinctive);
    if all_generic && (q_seen.generic || l_seen.generic) {
        score *= GENERIC_ONLY_EXTRA;
    }
    // Marks are evidence only when each name marks one family name ("ABDUL AZIZ Aziz
    // Nooristani" writes given names in capitals).
    let one_family =
        |parts: &[Part]| parts.iter().filter(|p| p.tag == PartTag::Family).count() == 1;
    if role_swaps > 0 && one_family(q) && one_family(l) {
        score *= ROLE_SWAP;
    }
    let one_word = |parts: &[Part]| parts.iter().filter(|p| p.distinctive()).count() == 1;
    if one_word(q) && one_word(l) && fuzzy_only {
        score *= SINGLE_WORD_FUZZY; // "Auro" / "Aura", "Crius" / "Sirius"
    }
    // A one-word list name ("SISCO") met by another spelling while the query says more
    // ("Cisco Systems Inc."): the query names something else that is spelled alike.
    let says_more = q
        .iter()
        .zip(&query_paired)
        .any(|(p, paired)| !paired && !matches!(p.tag, PartTag::LegalForm | PartTag::StopWord));
    if one_word(l) && distinctive_pairs > 0 && spelled_only && says_more {
        score *= ONE_WORD_SPELLED_ALIKE;
    }
    if partial_trade_name(q, &query_paired, l)
        || partial_trade_name(l, &list_paired, q)
        || (han_company(query)
            && trade_name_reordered_or_longer(&trade_name_pairs, l, &list_paired))
        || (han_company(list)
            && trade_name_reordered_or_longer(
                &trade_name_pairs
                    .iter()
                    .map(|&(q, l)| (l, q))
                    .collect::<Vec<_>>(),
                q,
                &query_paired,
            ))
    {
        score = score.min(PARTIAL_TRADE_NAME_CAP);
    }
    let any_distinctive = q.iter().chain(l).any(Part::distinctive);
    if distinctive_pairs == 0 && any_distinctive {
        score = score.min(NOTHING_DISTINCTIVE_CAP);
    }
    // A body named by its place and its words is another body where none of its place pairs
    // (贵州燃气, Guizhou Gas, is not "OOO GAS").
    let place_left = |parts: &[Part], paired: &[bool]| {
        let mut places = parts
            .iter()
            .zip(paired)
            .filter(|(p, _)| p.tag == PartTag::Place);
        words_only(parts) && places.clone().next().is_some() && !places.any(|(_, &p)| p)
    };
    if place_left(q, &query_paired) || place_left(l, &list_paired) {
        score = score.min(NOTHING_DISTINCTIVE_CAP);
    }
    // One letter in common names nothing ("GmbH A/S OOO" is not OOO "A-K-S"); two can ("S&D").
    if core_pairs == 1 && lone_initial_pairs == 1 {
        score = score.min(NOTHING_DISTINCTIVE_CAP);
    }
    Scored {
        score,
        pairs,
        query_paired,
        list_paired,
    }
}

/// A Chinese name of place, industry words and form alone (see [`Part::names_itself`]).
fn words_only(parts: &[Part]) -> bool {
    parts.iter().any(|p| p.names_itself)
}

#[derive(Default)]
struct Unpaired {
    number: bool,
    patronymic: bool,
    place: bool,
    legal_form: bool,
    distinctive: bool,
    generic: bool,
}

impl Unpaired {
    /// A word that names something (not a legal form, particle or title) is left over.
    fn content(&self) -> bool {
        self.distinctive || self.generic || self.place
    }
}

/// `name` has a Chinese trade name of which some syllables pair and some do not, against an
/// `other` name with no Chinese characters.
fn partial_trade_name(name: &[Part], paired: &[bool], other: &[Part]) -> bool {
    if other.iter().any(|p| p.script == Script::Han) {
        return false;
    }
    let syllables = || {
        name.iter()
            .zip(paired)
            .filter(|(p, _)| p.trade_name_syllable)
    };
    syllables().any(|(_, &p)| p) && syllables().any(|(_, &p)| !p)
}

/// A Chinese trade name's syllable is part of a name, never a legal form spelled like it: 奥
/// read "ao" is not the Russian "AO" (joint-stock company) of a listed "RED AO".
fn syllable_as_legal_form(syllables: &[Part], forms: &[Part]) -> bool {
    syllables.iter().any(|p| p.trade_name_syllable)
        && forms.iter().all(|p| p.tag == PartTag::LegalForm)
}

/// Two paired spans, (start, end) of parts on each side.
type SpanPair = ((usize, usize), (usize, usize));

/// A Chinese company's trade name met by another script's words that another trade name
/// explains better: its syllables met in another order ("新朋" / "Peng Xin Xu"), or the other
/// name's trade name goes on, in pinyin, beside the words met ("兴化" / "Xinghua Hengcheng";
/// "Peng Xin Xu"; an English word beside them, "Biren Intelligent", is not a syllable). A trade name is one word, written in one order: a person's name may be turned
/// around, a company's is not. `pairs` holds (Chinese side, other side) spans in the order the
/// Chinese side's syllables were paired; `other`/`other_paired` are the other name's parts.
fn trade_name_reordered_or_longer(
    pairs: &[SpanPair],
    other: &[Part],
    other_paired: &[bool],
) -> bool {
    let mut in_order: Vec<_> = pairs.to_vec();
    in_order.sort_by_key(|&(han, _)| han.0);
    let reordered = in_order.windows(2).any(|w| w[1].1.0 < w[0].1.1);
    let extra_word = |at: Option<usize>| {
        at.and_then(|i| other.get(i).zip(other_paired.get(i)))
            .is_some_and(|(part, &paired)| {
                !paired && part.tag == PartTag::Plain && is_pinyin_word(&part.text)
            })
    };
    let goes_on = pairs
        .iter()
        .any(|&(_, (start, end))| extra_word(start.checked_sub(1)) || extra_word(Some(end)));
    reordered || goes_on
}

/// Similarity of two lexicon spans that share a symbol.
fn symbol_similarity(q: &SymbolSpan, l: &SymbolSpan) -> Option<(f64, MatchMethod)> {
    // A symbol carries its kind in its high bits, so a symbol of `q` found among `l`'s is of
    // the same kind there: no per-kind lists are built (this runs for every pair of spans).
    let of_kind = |span: &SymbolSpan, kind: SymbolKind| {
        span.symbols
            .iter()
            .filter(|&&s| SymbolKind::of(s) == kind)
            .count()
    };
    let shared = |kind: SymbolKind| {
        q.symbols
            .iter()
            .filter(|&&s| SymbolKind::of(s) == kind && l.symbols.contains(&s))
            .count()
    };
    let mut best: Option<(f64, MatchMethod)> = None;
    let mut consider = |found: Option<(f64, MatchMethod)>| {
        if let Some(f) = found
            && best.is_none_or(|b| f.0 > b.0)
        {
            best = Some(f);
        }
    };
    let (qn, ln) = (of_kind(q, SymbolKind::Name), of_kind(l, SymbolKind::Name));
    if qn > 0 && ln > 0 {
        // A spelling shared by many names ("yi", one reading of dozens of Han characters) says
        // little: the share of the sparser side's groups that the other shares decides.
        let overlap = shared(SymbolKind::Name) as f64 / qn.min(ln) as f64;
        consider(match overlap {
            o if o >= 0.5 => Some((0.92, MatchMethod::NameVariant)),
            o if o >= 0.2 => Some((0.85, MatchMethod::NameVariant)),
            _ => None,
        });
    }
    for (kind, similarity, method) in [
        (SymbolKind::LegalForm, 1.0, MatchMethod::LegalForm),
        (SymbolKind::OrgWord, 0.95, MatchMethod::Translation),
        (SymbolKind::OrgDomain, 0.95, MatchMethod::Translation),
        (SymbolKind::Place, 0.95, MatchMethod::Place),
        (SymbolKind::Particle, 0.95, MatchMethod::Particle),
        (SymbolKind::Nick, 0.85, MatchMethod::Nickname),
    ] {
        if shared(kind) > 0 {
            consider(Some((similarity, method)));
        }
    }
    best
}

/// Running totals over a name's parts, so that a span's joined lengths are two look-ups.
struct SpanSums {
    /// Bytes of text, key letters and abjad-script parts before each part (and after the last).
    text: smallvec::SmallVec<[usize; 16]>,
    key: smallvec::SmallVec<[usize; 16]>,
    abjad: smallvec::SmallVec<[usize; 16]>,
}

impl SpanSums {
    fn of(parts: &[Part]) -> SpanSums {
        let mut sums = SpanSums {
            text: smallvec::smallvec![0],
            key: smallvec::smallvec![0],
            abjad: smallvec::smallvec![0],
        };
        for (i, p) in parts.iter().enumerate() {
            sums.text.push(sums.text[i] + p.text.len());
            sums.key.push(sums.key[i] + p.key.len());
            sums.abjad
                .push(sums.abjad[i] + usize::from(p.script.is_abjad()));
        }
        sums
    }

    fn text(&self, (start, end): (usize, usize)) -> usize {
        self.text[end] - self.text[start]
    }

    fn key(&self, (start, end): (usize, usize)) -> usize {
        self.key[end] - self.key[start]
    }

    fn abjad(&self, (start, end): (usize, usize)) -> bool {
        self.abjad[end] > self.abjad[start]
    }
}

/// Whether two spans, one of them of several parts, are too far apart in length for
/// [`unit_similarity`] to pair them — a necessary condition of its own, read from running
/// totals, since most of the span pairs of two names end here. Both joined: only the same text
/// pairs. One joined: the same text, or (outside abjad scripts, whose skeletons are measured
/// instead) keys whose lengths differ by at most twice the longer one's edit budget.
fn joined_apart(
    q: &SpanSums,
    q_span: (usize, usize),
    l: &SpanSums,
    l_span: (usize, usize),
) -> bool {
    let (q_joined, l_joined) = (q_span.1 - q_span.0 > 1, l_span.1 - l_span.0 > 1);
    if !q_joined && !l_joined || q.text(q_span) == l.text(l_span) {
        return false;
    }
    if q_joined && l_joined {
        return true;
    }
    if q.abjad(q_span) || l.abjad(l_span) {
        return false;
    }
    let (a, b) = (q.key(q_span), l.key(l_span));
    (a as f64 - b as f64).abs() * 0.5 > edit_budget(a.max(b))
}

/// Similarity of a query span and a list span, if they match at all.
fn unit_similarity(q: &[Part], l: &[Part]) -> Option<(f64, MatchMethod)> {
    if q.len() == 1 && l.len() == 1 {
        return part_similarity(&q[0], &l[0]);
    }
    // Joined keys on the stack: a pair of spans that passes the length checks is compared by
    // the table, tens of times per name screened.
    let join = |parts: &[Part], f: fn(&Part) -> &[u8]| -> smallvec::SmallVec<[u8; 64]> {
        parts.iter().flat_map(|p| f(p).iter().copied()).collect()
    };
    fn text(p: &Part) -> &[u8] {
        p.text.as_bytes()
    }
    fn key(p: &Part) -> &[u8] {
        &p.key
    }
    // The joined texts compared without building them (their lengths first): this runs for
    // every pair of spans.
    let joined_alike = |f: fn(&Part) -> &[u8]| {
        let length = |parts: &[Part]| parts.iter().map(|p| f(p).len()).sum::<usize>();
        length(q) == length(l)
            && q.iter()
                .flat_map(|p| f(p).iter())
                .eq(l.iter().flat_map(|p| f(p).iter()))
    };
    if q.len() > 1 && l.len() > 1 {
        // Both sides joined: the same letters split differently ("sollers finance" /
        // "soller sfinance"), exactly.
        let split_alike = q.len() == l.len() && q.iter().zip(l).all(|(a, b)| a.text == b.text);
        return (joined_alike(text) && !split_alike).then_some((1.0, MatchMethod::Joined));
    }
    if joined_alike(text) {
        return Some((1.0, MatchMethod::Joined));
    }
    let joined_length = |parts: &[Part]| parts.iter().map(|p| p.text.len()).sum::<usize>();
    let (qt_length, lt_length) = (joined_length(q), joined_length(l));
    if other_romanisation(q, l) {
        return Some((ROMANISED_SIMILARITY, MatchMethod::Romanised));
    }
    if han_against_latin(q, l) {
        return (joined_alike(key) && !other_syllables(q, l))
            .then_some((ROMANISED_SIMILARITY, MatchMethod::Joined));
    }
    let abjad = q.iter().chain(l).any(|p| p.script.is_abjad());
    // Most pairs of spans end at the length checks: the keys are joined after them.
    let skeletons = abjad.then(|| {
        (
            crate::distance::skeleton_of_key(&join(q, key)),
            crate::distance::skeleton_of_key(&join(l, key)),
        )
    });
    let keys_length = |parts: &[Part]| parts.iter().map(|p| p.key.len()).sum::<usize>();
    let (a_length, b_length) = match &skeletons {
        Some((a, b)) => (a.len(), b.len()),
        None => (keys_length(q), keys_length(l)),
    };
    let length = a_length.max(b_length);
    if a_length.min(b_length) < 3 {
        return None;
    }
    // Joining must not swallow a word: the edits stay under half of the shortest joined part
    // ("ho paek" is not "paek", "xi jinpeng" is not "jinping").
    let joined = if q.len() > 1 { q } else { l };
    let shortest = joined.iter().map(|p| p.key.len()).min().unwrap_or(0) as f64;
    let budget = edit_budget(if abjad {
        qt_length.max(lt_length)
    } else {
        length
    })
    .min(0.5 * shortest - 0.01);
    if budget < 0.0 || (a_length as f64 - b_length as f64).abs() * 0.5 > budget {
        return None;
    }
    let cost = match &skeletons {
        Some((a, b)) => weighted_distance(a, b, budget)?,
        None => weighted_distance(&join(q, key), &join(l, key), budget)?,
    };
    let similarity = 1.0 - cost / length as f64;
    (similarity >= JOINED_MIN_SIMILARITY).then_some((similarity, MatchMethod::Joined))
}

/// Chinese characters on one side only: their reading is known, so the other side's word must be
/// a romanisation of it (equal romanisation keys), never a spelling one letter away ("海德" is
/// not "head", "泰达" not "Tida"). Between two Han names a changed syllable stays a spelling
/// difference, weighed as such.
fn han_against_latin(q: &[Part], l: &[Part]) -> bool {
    let han = |parts: &[Part]| parts.iter().any(|p| p.script == Script::Han);
    han(q) != han(l)
}

/// Whether one side is Chinese characters or Hangul and the other, in Latin, its syllables in
/// another romanisation than earl reads them in: Wade–Giles (林俊廷 "Lin Chun-ting"),
/// McCune–Reischauer or the DPRK's system (박정천 "Pak Jong-chon"); one word or several.
fn other_romanisation(q: &[Part], l: &[Part]) -> bool {
    // Most pairs screened are of one script: this runs for every pair of spans.
    if let (Some(a), Some(b)) = (q.first(), l.first())
        && a.script == b.script
    {
        return false;
    }
    let script = |parts: &[Part]| {
        let first = parts.first()?.script;
        parts.iter().all(|p| p.script == first).then_some(first)
    };
    let (read, latin) = match (script(q), script(l)) {
        (Some(Script::Han | Script::Hangul), Some(Script::Latin)) => (q, l),
        (Some(Script::Latin), Some(Script::Han | Script::Hangul)) => (l, q),
        _ => return false,
    };
    let written: String = latin.iter().map(|p| &*p.text).collect();
    written.len() >= 2
        && crate::romanisation::spells(read[0].script, read.iter().map(|p| &*p.text), &written)
}

/// Whether a Chinese trade name's syllables, against Latin spelled alike, meet pinyin of other
/// syllables: the romanisation key spells some pinyin syllables one way (dou/du, you/yu,
/// zhi/ji, cai/kai, ci/si), but a list word that is itself pinyin and not the trade name's
/// names other characters (红豆 "hong dou" is not the listed "Hongdu", 洪都; 湘邮 not "Xiangyu").
/// Called only for spans of Han against Latin whose keys agree.
fn other_syllables(q: &[Part], l: &[Part]) -> bool {
    let han = |parts: &[Part]| parts.iter().any(|p| p.script == Script::Han);
    let (han_side, latin_side) = if han(q) { (q, l) } else { (l, q) };
    let trade_name = han_side.iter().any(|p| p.trade_name_syllable);
    trade_name && {
        let latin: String = latin_side.iter().map(|p| &*p.text).collect();
        let reading: String = han_side.iter().map(|p| &*p.text).collect();
        latin != reading && is_pinyin_word(&latin)
    }
}

/// Similarity of two single parts.
fn part_similarity(q: &Part, l: &Part) -> Option<(f64, MatchMethod)> {
    if q.text == l.text {
        return Some((1.0, MatchMethod::Exact));
    }
    if q.translated_term != l.translated_term {
        let (term, other) = if q.translated_term { (q, l) } else { (l, q) };
        if other_english_of_term(&term.text)
            .iter()
            .any(|w| **w == *other.text)
        {
            return Some((TERM_TRANSLATION_SIMILARITY, MatchMethod::Translation));
        }
    }
    if q.tag == PartTag::Number || l.tag == PartTag::Number {
        return None; // numbers must agree exactly: "Institute 201" is not "Institute 202"
    }
    // Industry words are the lists' in either number (纺织 "textile" / "Textiles").
    let plural = |one: &str, many: &str| {
        many.strip_suffix('s')
            .is_some_and(|stem| stem == one || stem.strip_suffix('e') == Some(one))
    };
    if (q.tag == PartTag::Generic || l.tag == PartTag::Generic)
        && (plural(&q.text, &l.text) || plural(&l.text, &q.text))
    {
        return Some((PLURAL_SIMILARITY, MatchMethod::Plural));
    }
    if (q.tag == PartTag::Initial) != (l.tag == PartTag::Initial) {
        let (initial, word) = if q.tag == PartTag::Initial {
            (q, l)
        } else {
            (l, q)
        };
        return (word.script == Script::Latin && word.text.starts_with(&*initial.text))
            .then_some((INITIAL_SIMILARITY, MatchMethod::Initial));
    }
    if q.tag == PartTag::Initial {
        return None;
    }
    let abjad = q.script.is_abjad() || l.script.is_abjad();
    if abjad && q.script != l.script {
        return skeleton_similarity(q, l);
    }
    if q.key == l.key && q.key.len() >= 2 {
        let (q, l) = (std::slice::from_ref(q), std::slice::from_ref(l));
        return (!(han_against_latin(q, l) && other_syllables(q, l)))
            .then_some((ROMANISED_SIMILARITY, MatchMethod::Romanised));
    }
    let (q_alone, l_alone) = (std::slice::from_ref(q), std::slice::from_ref(l));
    if other_romanisation(q_alone, l_alone) {
        return Some((ROMANISED_SIMILARITY, MatchMethod::Romanised));
    }
    if han_against_latin(q_alone, l_alone) {
        return None;
    }
    let length = q.key.len().max(l.key.len());
    let mut budget = edit_budget(length) * pair_tolerance(q, l);
    if length <= 5 {
        budget = budget.min(SHORT_WORD_BUDGET); // "kyong" / "yong", "wai" / "hai" are other words
    }
    if budget <= 0.0 || (q.key.len() as f64 - l.key.len() as f64).abs() * 0.5 > budget {
        return None;
    }
    let cost = weighted_distance(&q.key, &l.key, budget)?;
    let similarity = 1.0 - cost / length as f64;
    (similarity >= MIN_SIMILARITY).then_some((similarity, MatchMethod::Fuzzy))
}

/// A word transliterated from an abjad against a word in another script, by consonants.
fn skeleton_similarity(q: &Part, l: &Part) -> Option<(f64, MatchMethod)> {
    let (a, b) = (&q.skeleton, &l.skeleton);
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let length = a.len().max(b.len());
    if a == b {
        // A skeleton of one or two consonants is shared by many words.
        let similarity = match length {
            1 => 0.75,
            2 => 0.85,
            _ => 0.95,
        };
        return Some((similarity, MatchMethod::Skeleton));
    }
    if length < 3 {
        return None;
    }
    let budget = edit_budget(q.key.len().max(l.key.len()));
    let cost = weighted_distance(a, b, budget)?;
    let similarity = 0.95 * (1.0 - cost / length as f64);
    (similarity >= MIN_SIMILARITY).then_some((similarity, MatchMethod::Skeleton))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;
    use crate::parts::{TokenStats, prepare};
    use proptest::prelude::*;

    fn both_parts(a: &str, b: &str) -> (Vec<Part>, Vec<Part>) {
        let (a, b) = (normalize(a), normalize(b));
        let stats = TokenStats::from_names([&a, &b]);
        (prepare(&a, &stats).parts, prepare(&b, &stats).parts)
    }

    proptest! {
        /// The length test that skips span pairs never skips one [`unit_similarity`] pairs:
        /// names of a few letters, the second the first re-split, misspelt or another name.
        #[test]
        fn joined_apart_only_skips_what_unit_similarity_rejects(
            a in "[a-fs]{1,6}( [a-fs]{1,6}){0,4}",
            splits in proptest::collection::vec(any::<bool>(), 0..24),
            other in "[a-fs]{1,7}( [a-fs]{1,7}){0,4}",
            arabic in any::<bool>(),
        ) {
            // The first name with some of its spaces moved: "abc de" / "ab cde".
            let letters: Vec<char> = a.chars().filter(|c| *c != ' ').collect();
            let resplit: String = letters
                .iter()
                .enumerate()
                .flat_map(|(i, c)| {
                    let space = splits.get(i).copied().unwrap_or(false) && i > 0;
                    space.then_some(' ').into_iter().chain(std::iter::once(*c))
                })
                .collect();
            let b = if arabic { "محمد بن سلمان".to_string() } else { other };
            for second in [resplit.as_str(), b.as_str()] {
                let (q, l) = both_parts(&a, second);
                let (q_sums, l_sums) = (SpanSums::of(&q), SpanSums::of(&l));
                for qs in 0..q.len() {
                    for qe in qs + 1..=(qs + MAX_SPAN).min(q.len()) {
                        for ls in 0..l.len() {
                            for le in ls + 1..=(ls + MAX_SPAN).min(l.len()) {
                                if joined_apart(&q_sums, (qs, qe), &l_sums, (ls, le)) {
                                    prop_assert_eq!(
                                        unit_similarity(&q[qs..qe], &l[ls..le]),
                                        None,
                                        "{:?} / {:?}: {}..{} / {}..{}", a, second, qs, qe, ls, le
                                    );
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The formulation [`symbol_similarity`] replaced: per-kind lists of each side's symbols.
    fn symbol_similarity_by_lists(q: &SymbolSpan, l: &SymbolSpan) -> Option<(f64, MatchMethod)> {
        let of_kind = |span: &SymbolSpan, kind: SymbolKind| -> Vec<u32> {
            span.symbols
                .iter()
                .copied()
                .filter(|&s| SymbolKind::of(s) == kind)
                .collect()
        };
        let mut best: Option<(f64, MatchMethod)> = None;
        let mut consider = |found: Option<(f64, MatchMethod)>| {
            if let Some(f) = found
                && best.is_none_or(|b| f.0 > b.0)
            {
                best = Some(f);
            }
        };
        let (qn, ln) = (of_kind(q, SymbolKind::Name), of_kind(l, SymbolKind::Name));
        if !qn.is_empty() && !ln.is_empty() {
            // A spelling shared by many names ("yi", one reading of dozens of Han characters) says
            // little: the share of the sparser side's groups that the other shares decides.
            let shared = qn.iter().filter(|s| ln.contains(s)).count();
            let overlap = shared as f64 / qn.len().min(ln.len()) as f64;
            consider(match overlap {
                o if o >= 0.5 => Some((0.92, MatchMethod::NameVariant)),
                o if o >= 0.2 => Some((0.85, MatchMethod::NameVariant)),
                _ => None,
            });
        }
        for (kind, similarity, method) in [
            (SymbolKind::LegalForm, 1.0, MatchMethod::LegalForm),
            (SymbolKind::OrgWord, 0.95, MatchMethod::Translation),
            (SymbolKind::OrgDomain, 0.95, MatchMethod::Translation),
            (SymbolKind::Place, 0.95, MatchMethod::Place),
            (SymbolKind::Particle, 0.95, MatchMethod::Particle),
            (SymbolKind::Nick, 0.85, MatchMethod::Nickname),
        ] {
            let (qs, ls) = (of_kind(q, kind), of_kind(l, kind));
            if qs.iter().any(|s| ls.contains(s)) {
                consider(Some((similarity, method)));
            }
        }
        best
    }

    proptest! {
        /// [`symbol_similarity`] counts in place what the per-kind lists counted.
        #[test]
        fn symbol_similarity_equals_the_per_kind_lists(
            a in proptest::collection::vec((0u32..8, 0u32..6), 0..8),
            b in proptest::collection::vec((0u32..8, 0u32..6), 0..8),
        ) {
            let span = |symbols: &[(u32, u32)]| SymbolSpan {
                start: 0,
                end: 1,
                symbols: symbols.iter().map(|&(kind, id)| (kind << crate::lexicon_build::KIND_SHIFT) | id).collect(),
            };
            let (q, l) = (span(&a), span(&b));
            prop_assert_eq!(symbol_similarity(&q, &l), symbol_similarity_by_lists(&q, &l));
        }
    }
}
