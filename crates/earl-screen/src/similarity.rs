//! Pairwise name similarity: weighted best-pairs of tokens, with joined/split words.
//!
//! Each token weighs its inverse document frequency over all list names, times a factor for its
//! kind (legal forms and generic words a tenth). Query and list tokens are paired greedily, best
//! pair first; a pair may join up to three adjacent tokens on one side ("mo er" ↔ "moer",
//! "al qaida" ↔ "alqaida"), or on both when the letters are the same ("sollers finance" ↔
//! "soller sfinance"). The score is the similarity-weighted share of paired weight:
//!
//! `score = Σ sim·(w_query + w_list) / (Σ w_query + Σ w_list_paired + Σ λ·w_list_unpaired)`
//!
//! λ = 0.3 for a list name's unpaired legal forms and generic words (an affiliate's suffix, a
//! city costs little) and 0.85 for its unpaired *distinctive* words: "ORIENTAL APPLE COMPANY"
//! says "oriental", which "Apple Inc." does not (watchman uses 0.15 for all, peers.md §1.1;
//! on tests/evaluation.rs that lets well-known companies hit listed parties that share one word).
//! Every unpaired query word costs its full weight. Then:
//!
//! - one shared distinctive word between names that both say more, or one *common* shared word
//!   with more said on either side, caps the score under the default threshold ("Toyota Motor"
//!   / "CHIT LINN MYAING TOYOTA", "Dell Technologies" / "BRENT DELL");
//! - both names carrying unpaired words the other lacks (a substitution, not an addition:
//!   "Mining" / "Dining", "Chemical" / "Pharmaceutical") keeps 0.85 of the score;
//! - differing numbers keep 0.7 of it.
//!
//! Token similarity is strict for short words (see [`token_similarity`]) and also compares
//! romanisation-neutral keys ([`transliteration_key`]) and, for long words, consonant skeletons.

use crate::normalize::{Script, TokenKind, skeleton};
use serde::Serialize;

/// Weight factor λ of a list name's unpaired legal-form, generic and stop words (see the module
/// documentation).
const UNPAIRED_LIST_WEIGHT: f64 = 0.3;
/// Weight factor λ of a list name's unpaired *distinctive* tokens: a word that carries identity
/// and has no counterpart in the query ("oriental" of ORIENTAL APPLE COMPANY against "Apple
/// Inc.", the given name "brent" of BRENT DELL against "Dell Technologies") is evidence of a
/// different party, not an affiliate's suffix.
const UNPAIRED_LIST_DISTINCTIVE_WEIGHT: f64 = 0.85;
/// When the only distinctive evidence is one shared token and both names carry other
/// distinctive tokens that do not pair (or the shared token is common), the score is scaled by
/// this factor and capped at [`SINGLE_OVERLAP_CAP`], under the default threshold.
const SINGLE_OVERLAP_FACTOR: f64 = 0.8;
pub(crate) const SINGLE_OVERLAP_CAP: f64 = 0.7;
/// Share of the score kept when both names carry distinctive or generic words the other lacks
/// (a substitution rather than an addition).
const CONFLICT_FACTOR: f64 = 0.85;
/// Token similarities below this count as no match. Jaro-Winkler 0.88 keeps one-letter typos in
/// words of five or more letters ("huawie"/"huawei" 0.97) and rejects different words that share
/// a prefix; tuned on the evaluation set in tests/data (see tests/evaluation.rs).
pub(crate) const MIN_TOKEN_SIMILARITY: f64 = 0.88;
/// Share of the score lost when both names carry numbers that differ: nomenklatura logic-v2's
/// `nm_number_mismatch` 0.3 (peers.md §1.2).
const NUMBER_MISMATCH_PENALTY: f64 = 0.3;
/// Two words whose [`transliteration_key`]s agree.
const TRANSLITERATION_SIMILARITY: f64 = 0.95;
/// An initial ("j") against the word it abbreviates ("john").
const INITIAL_SIMILARITY: f64 = 0.8;
/// Joined spans are at most this many tokens.
pub(crate) const MAX_SPAN: usize = 3;

/// A token ready for scoring.
#[derive(Debug, Clone)]
pub(crate) struct WeightedToken {
    pub text: Box<str>,
    pub kind: TokenKind,
    pub script: Script,
    pub weight: f64,
    /// [`transliteration_key`] of `text`, computed once per token.
    pub key: Box<str>,
    /// A legal form or a number: never part of a joined span.
    pub unjoinable: bool,
}

impl WeightedToken {
    pub(crate) fn new(text: &str, kind: TokenKind, script: Script, weight: f64) -> WeightedToken {
        WeightedToken {
            text: text.into(),
            kind,
            script,
            weight,
            key: transliteration_key(text).into(),
            unjoinable: kind == TokenKind::LegalForm || text.bytes().all(|b| b.is_ascii_digit()),
        }
    }
}

/// A spelling that romanisation variants of one name share: x → ks, ph → f, kh → h, zh → j,
/// ck/q → k, w → v, y → i, ou → u, doubled letters once ("Rakhamim"/"Rachamim" differ still,
/// "Jelvinskiy"/"Zhelvinsky", "Qasr"/"Kasr", "Vasilii"/"Vasil'" meet).
pub(crate) fn transliteration_key(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 2);
    let mut i = 0;
    while i < bytes.len() {
        let next = bytes.get(i + 1).copied();
        let (piece, used): (&str, usize) = match (bytes[i], next) {
            (b'p', Some(b'h')) => ("f", 2),
            (b'k', Some(b'h')) => ("h", 2),
            (b'z', Some(b'h')) => ("j", 2),
            (b'c', Some(b'k')) => ("k", 2),
            (b'o', Some(b'u')) => ("u", 2),
            (b'x', _) => ("ks", 1),
            (b'q', _) => ("k", 1),
            (b'w', _) => ("v", 1),
            (b'y', _) => ("i", 1),
            (c, _) => {
                out.push(c as char);
                i += 1;
                continue;
            }
        };
        out.push_str(piece);
        i += used;
    }
    let mut collapsed = String::with_capacity(out.len());
    for c in out.chars() {
        if !collapsed.ends_with(c) {
            collapsed.push(c);
        }
    }
    collapsed
}

/// How two units were found alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MatchMethod {
    Exact,
    Fuzzy,
    /// Adjacent tokens of one side joined ("mo er" ↔ "moer").
    Joined,
    Initial,
    /// Arabic-script query compared by consonant skeleton.
    Skeleton,
}

impl MatchMethod {
    /// How the tokens were compared, as a reader writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchMethod::Exact => "exact",
            MatchMethod::Fuzzy => "fuzzy",
            MatchMethod::Joined => "joined words",
            MatchMethod::Initial => "initial",
            MatchMethod::Skeleton => "consonant skeleton",
        }
    }
}

/// One pairing of query tokens with list-name tokens.
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
    pub query_paired: Vec<bool>,
    pub list_paired: Vec<bool>,
}

/// A set of token positions; no allocation below 128 tokens.
enum Paired {
    Bits(u128, usize),
    Heap(Vec<bool>),
}

impl Paired {
    fn new(len: usize) -> Paired {
        if len <= 128 {
            Paired::Bits(0, len)
        } else {
            Paired::Heap(vec![false; len])
        }
    }
    fn get(&self, i: usize) -> bool {
        match self {
            Paired::Bits(bits, _) => bits >> i & 1 == 1,
            Paired::Heap(v) => v[i],
        }
    }
    fn any(&self, range: std::ops::Range<usize>) -> bool {
        range.into_iter().any(|i| self.get(i))
    }
    fn set(&mut self, range: std::ops::Range<usize>) {
        for i in range {
            match self {
                Paired::Bits(bits, _) => *bits |= 1 << i,
                Paired::Heap(v) => v[i] = true,
            }
        }
    }
    fn len(&self) -> usize {
        match self {
            Paired::Bits(_, len) => *len,
            Paired::Heap(v) => v.len(),
        }
    }
    fn to_vec(&self) -> Vec<bool> {
        (0..self.len()).map(|i| self.get(i)).collect()
    }
}

struct Candidate {
    q: (usize, usize),
    l: (usize, usize),
    similarity: f64,
    value: f64,
    method: MatchMethod,
}

/// Scores `query` against `list` (both weighted); `record_pairs` fills [`Scored::pairs`].
/// `rare_weight` is the weight from which a token counts as rare (the median distinctive weight).
pub(crate) fn score_tokens(
    query: &[WeightedToken],
    list: &[WeightedToken],
    rare_weight: f64,
    record_pairs: bool,
) -> Scored {
    CANDIDATES.with(|cell| match cell.try_borrow_mut() {
        Ok(mut candidates) => {
            candidates.clear();
            score_with(query, list, rare_weight, record_pairs, &mut candidates)
        }
        Err(_) => score_with(query, list, rare_weight, record_pairs, &mut Vec::new()),
    })
}

thread_local! {
    /// Candidate pairs of the current comparison, reused so that scoring does not allocate.
    static CANDIDATES: std::cell::RefCell<Vec<Candidate>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn score_with(
    query: &[WeightedToken],
    list: &[WeightedToken],
    rare_weight: f64,
    record_pairs: bool,
    candidates: &mut Vec<Candidate>,
) -> Scored {
    for qs in 0..query.len() {
        for qe in qs + 1..=(qs + MAX_SPAN).min(query.len()) {
            if qe - qs > 1 && (query[qs].unjoinable || query[qe - 1].unjoinable) {
                break; // every longer span from here holds the same unjoinable token
            }
            let q_first = query[qs].text.as_bytes().first();
            let arabic = query[qs..qe].iter().any(|t| t.script == Script::Arabic);
            for ls in 0..list.len() {
                // Joined spans pair only when their first letters agree (Arabic skeletons aside):
                // most (query, list) starts are settled by the single-token comparison.
                let longest = if arabic || q_first == list[ls].text.as_bytes().first() {
                    MAX_SPAN
                } else if qe - qs > 1 {
                    continue;
                } else {
                    1
                };
                for le in ls + 1..=(ls + longest).min(list.len()) {
                    if le - ls > 1 && (list[ls].unjoinable || list[le - 1].unjoinable) {
                        break;
                    }
                    let (q_span, l_span) = (&query[qs..qe], &list[ls..le]);
                    let Some((similarity, method)) = unit_similarity(q_span, l_span) else {
                        continue;
                    };
                    let weight: f64 = if method == MatchMethod::Initial {
                        // An initial says as little as one letter: count its weight, not the word's.
                        2.0 * q_span[0].weight.min(l_span[0].weight)
                    } else {
                        q_span.iter().chain(l_span).map(|t| t.weight).sum()
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

    // Which tokens are paired: bit sets on the stack for names of up to 128 tokens.
    let mut query_paired = Paired::new(query.len());
    let mut list_paired = Paired::new(list.len());
    let mut paired_value = 0.0;
    let mut pairs = Vec::new();
    // Pairs with a distinctive token on both sides, and the heaviest such pair's lighter side.
    let mut distinctive_units = 0usize;
    let mut distinctive_unit_weight = 0.0f64;
    let mut initial_pairs = 0usize;
    for c in candidates.iter() {
        if query_paired.any(c.q.0..c.q.1) || list_paired.any(c.l.0..c.l.1) {
            continue;
        }
        query_paired.set(c.q.0..c.q.1);
        list_paired.set(c.l.0..c.l.1);
        paired_value += c.value;
        let distinctive = |tokens: &[WeightedToken]| {
            tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Distinctive)
                .map(|t| t.weight)
                .fold(None, |acc: Option<f64>, w| {
                    Some(acc.map_or(w, |a| a.max(w)))
                })
        };
        if c.method == MatchMethod::Initial {
            // An initial ("t" of T-MOTOR for "toyota") confirms nothing about identity.
            initial_pairs += 1;
        } else if let (Some(qw), Some(lw)) = (
            distinctive(&query[c.q.0..c.q.1]),
            distinctive(&list[c.l.0..c.l.1]),
        ) {
            distinctive_units += 1;
            distinctive_unit_weight = distinctive_unit_weight.max(qw.min(lw));
        }
        if record_pairs {
            let join = |tokens: &[WeightedToken]| {
                tokens
                    .iter()
                    .map(|t| &*t.text)
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            pairs.push(TokenPair {
                query: join(&query[c.q.0..c.q.1]),
                list: join(&list[c.l.0..c.l.1]),
                similarity: c.similarity,
                method: c.method,
            });
        }
    }
    let query_weight: f64 = query.iter().map(|t| t.weight).sum();
    let list_weight: f64 = list
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if list_paired.get(i) {
                t.weight
            } else if t.kind == TokenKind::Distinctive {
                UNPAIRED_LIST_DISTINCTIVE_WEIGHT * t.weight
            } else {
                UNPAIRED_LIST_WEIGHT * t.weight
            }
        })
        .sum();
    let denominator = query_weight + list_weight;
    let mut score = if denominator > 0.0 {
        (paired_value / denominator).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let unpaired_number = |tokens: &[WeightedToken], paired: &Paired| {
        tokens
            .iter()
            .enumerate()
            .any(|(i, t)| !paired.get(i) && t.text.bytes().all(|b| b.is_ascii_digit()))
    };
    if unpaired_number(query, &query_paired) && unpaired_number(list, &list_paired) {
        score *= 1.0 - NUMBER_MISMATCH_PENALTY; // "Leasing 3" vs "Leasing 6": different parties
    }
    // Tokens that say something about identity and found no counterpart; an initial's pair
    // counts as unmatched.
    let unpaired = |tokens: &[WeightedToken], paired: &Paired, kinds: &[TokenKind]| {
        tokens
            .iter()
            .enumerate()
            .filter(|(i, t)| !paired.get(*i) && kinds.contains(&t.kind))
            .count()
    };
    let (uq, ul) = (
        unpaired(query, &query_paired, &[TokenKind::Distinctive]) + initial_pairs,
        unpaired(list, &list_paired, &[TokenKind::Distinctive]) + initial_pairs,
    );
    if distinctive_units == 1
        && ((uq > 0 && ul > 0) || (distinctive_unit_weight < rare_weight && uq + ul > 0))
    {
        // "Toyota Motor" / "CHIT LINN MYAING TOYOTA": one shared word between two names that
        // both say more; or one common word ("beijing") with more said on either side.
        score = (score * SINGLE_OVERLAP_FACTOR).min(SINGLE_OVERLAP_CAP);
    }
    let described = [TokenKind::Distinctive, TokenKind::Generic];
    if unpaired(query, &query_paired, &described) > 0
        && unpaired(list, &list_paired, &described) > 0
    {
        // Each name says something the other contradicts: "Mining" / "Dining", "Chemical" /
        // "Pharmaceutical", "Traders" / "Transporters".
        score *= CONFLICT_FACTOR;
    }
    Scored {
        score,
        pairs,
        query_paired: if record_pairs {
            query_paired.to_vec()
        } else {
            Vec::new()
        },
        list_paired: if record_pairs {
            list_paired.to_vec()
        } else {
            Vec::new()
        },
    }
}

/// Similarity of a query span and a list span (one of them a single token), if they match at all.
fn unit_similarity(q: &[WeightedToken], l: &[WeightedToken]) -> Option<(f64, MatchMethod)> {
    let joined = q.len() > 1 || l.len() > 1;
    if joined && q.iter().chain(l).any(|t| t.unjoinable) {
        return None; // "technologies co" is not a word, nor "shipping 3"
    }
    if q.len() > 1 && l.len() > 1 {
        let length = |tokens: &[WeightedToken]| tokens.iter().map(|t| t.text.len()).sum::<usize>();
        if q[0].text.as_bytes()[0] != l[0].text.as_bytes()[0] || length(q) != length(l) {
            return None;
        }
        // Both sides joined: the same letters split differently ("sollers finance" /
        // "soller sfinance"), exactly.
        let same = q
            .iter()
            .flat_map(|t| t.text.bytes())
            .eq(l.iter().flat_map(|t| t.text.bytes()));
        let split_alike = q.len() == l.len() && q.iter().zip(l).all(|(a, b)| a.text == b.text);
        return (same && !split_alike).then_some((1.0, MatchMethod::Joined));
    }
    if q.iter().any(|t| t.script == Script::Arabic) {
        let (qs, ls) = (join_skeleton(q), join_skeleton(l));
        if qs.len() < 2 || ls.len() < 2 {
            return None;
        }
        let similarity = if qs == ls {
            1.0
        } else if joined {
            // A prefix scores high by Jaro-Winkler ("hmd" / "hmdhsn"); joins need the edit ratio.
            1.0 - osa_distance(qs.as_bytes(), ls.as_bytes()) as f64 / qs.len().max(ls.len()) as f64
        } else {
            jaro_winkler(qs.as_bytes(), ls.as_bytes())
        };
        return (similarity >= MIN_TOKEN_SIMILARITY).then_some((similarity, MatchMethod::Skeleton));
    }
    if !joined {
        let (a, b) = (&*q[0].text, &*l[0].text);
        if a == b {
            return Some((1.0, MatchMethod::Exact));
        }
        // Cheap rejection of the great majority of pairs: no rule below pairs words whose
        // lengths differ by more than three or whose first letters differ (but for a swap of
        // the first two or a transliteration variant), in spelling or in key.
        let plausible = |x: &[u8], y: &[u8]| {
            x.len() == 1
                || y.len() == 1
                || (x.len().abs_diff(y.len()) <= 3
                    && (same_initial(x[0], y[0]) || (x[0] == y[1] && x[1] == y[0])))
        };
        let (ka, kb) = (&*q[0].key, &*l[0].key);
        if !plausible(a.as_bytes(), b.as_bytes())
            && (ka.is_empty() || kb.is_empty() || !plausible(ka.as_bytes(), kb.as_bytes()))
        {
            return None;
        }
        if let Some(found) = token_similarity(a, b) {
            return Some(found);
        }
        if ka.len() < 2 || kb.len() < 2 {
            return None;
        }
        if ka == a && kb == b {
            return same_long_skeleton(ka.as_bytes(), kb.as_bytes())
                .then_some((TRANSLITERATION_SIMILARITY, MatchMethod::Fuzzy));
        }
        if ka == kb || same_long_skeleton(ka.as_bytes(), kb.as_bytes()) {
            return Some((TRANSLITERATION_SIMILARITY, MatchMethod::Fuzzy));
        }
        // Spelled alike once romanisation variants are set aside ("rabinovich"/"rabinowitz").
        return token_similarity(ka, kb)
            .filter(|(_, m)| *m == MatchMethod::Fuzzy)
            .map(|(similarity, m)| (similarity * TRANSLITERATION_SIMILARITY, m));
    }
    // Cheap checks before building the joined strings: same first letter, lengths within 25%.
    let length = |tokens: &[WeightedToken]| tokens.iter().map(|t| t.text.len()).sum::<usize>();
    let (a_len, b_len) = (length(q), length(l));
    if q[0].text.as_bytes().first() != l[0].text.as_bytes().first()
        || a_len * 4 < b_len * 3
        || b_len * 4 < a_len * 3
    {
        return None;
    }
    let (mut a_buffer, mut b_buffer) = ([0u8; JOIN_BUFFER], [0u8; JOIN_BUFFER]);
    let (Some(a), Some(b)) = (join_into(q, &mut a_buffer), join_into(l, &mut b_buffer)) else {
        return None;
    };
    // Edit ratio, not Jaro-Winkler: a word is a prefix of its join with the next word
    // ("taiwan" / "taiwan be"), which Jaro-Winkler scores high.
    let similarity = 1.0 - osa_distance(a, b) as f64 / a.len().max(b.len()) as f64;
    (similarity >= MIN_TOKEN_SIMILARITY).then_some((similarity, MatchMethod::Joined))
}

/// Similarity of two different single tokens.
///
/// Short words need a much higher bar than long ones: a one-letter difference in a word of up
/// to [`SHORT_TOKEN`] letters is a different word far more often than a typo ("lixing"/"lixin",
/// "mining"/"dining", "sony"/"song"). Up to three letters, only equality counts; four, only
/// an adjacent swap; five and six, a swap, a vowel written as another vowel ("huawai") or a
/// doubled letter ("husain"/"hussain"). Longer words take edits by length. Words whose first
/// letters differ are not typos of each other ("wrightstone"/"rightstone") unless the letters
/// are transliteration variants (q/k/c, j/z/y, v/w, i/y).
pub(crate) fn token_similarity(a: &str, b: &str) -> Option<(f64, MatchMethod)> {
    let digits = |s: &str| s.bytes().any(|c| c.is_ascii_digit());
    if digits(a) || digits(b) {
        return None; // numbers must agree exactly: "Institute 201" is not "Institute 202"
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() == 1 {
        return long
            .starts_with(short)
            .then_some((INITIAL_SIMILARITY, MatchMethod::Initial));
    }
    if short.len() <= 3 {
        return None; // short words: one letter changes the word
    }
    let (ab, bb) = (a.as_bytes(), b.as_bytes());
    let swapped = is_transposition(ab, bb);
    if short.len() == 4 && !swapped {
        return None; // four letters: only a swap is a typo ("dell"/"della", "sony"/"song" are other words)
    }
    if !swapped && !same_initial(ab[0], bb[0]) {
        return None;
    }
    if short.len() <= SHORT_TOKEN
        && !swapped
        && !spelling_variant(short.as_bytes(), long.as_bytes())
    {
        return None;
    }
    if osa_distance(ab, bb) > allowed_edits(long.len()) {
        return None;
    }
    let similarity = jaro_winkler(ab, bb);
    (similarity >= MIN_TOKEN_SIMILARITY).then_some((similarity, MatchMethod::Fuzzy))
}

/// Long words (seven letters or more, same first letter) with the same consonants in the same
/// order, vowels aside: the vowels of names romanised from Arabic or Persian vary
/// ("hezbollah"/"hizballah"). No allocation: it runs for every unpaired token pair.
pub(crate) fn same_long_skeleton(a: &[u8], b: &[u8]) -> bool {
    if a.len().min(b.len()) < 7 || a[0] != b[0] || a.len().abs_diff(b.len()) > 2 {
        return false;
    }
    fn consonants(s: &[u8]) -> impl Iterator<Item = u8> + '_ {
        let mut last = 0u8;
        s.iter().copied().filter(move |&c| {
            let keep = !is_vowel(c) && c != last;
            if !is_vowel(c) {
                last = c;
            }
            keep
        })
    }
    consonants(a).eq(consonants(b))
}

/// Words up to this many letters only pair by the spelling variants of [`token_similarity`].
pub(crate) const SHORT_TOKEN: usize = 6;

/// First letters that transliterations interchange.
fn same_initial(a: u8, b: u8) -> bool {
    const CLASSES: [&[u8]; 5] = [b"ckq", b"jz", b"vw", b"iy", b"ae"];
    a == b
        || CLASSES
            .iter()
            .any(|class| class.contains(&a) && class.contains(&b))
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// `short` and `long` differ by one vowel written as another, one vowel added ("dmitry" /
/// "dmitriy") or one doubled letter.
fn spelling_variant(short: &[u8], long: &[u8]) -> bool {
    if short.len() == long.len() {
        let mut differ = short.iter().zip(long).filter(|(x, y)| x != y);
        return match (differ.next(), differ.next()) {
            (Some((&x, &y)), None) => is_vowel(x) && is_vowel(y),
            _ => false,
        };
    }
    if long.len() != short.len() + 1 {
        return false;
    }
    // The extra letter of `long` doubles its neighbour: "husain" → "hussain".
    let at = short
        .iter()
        .zip(long)
        .position(|(x, y)| x != y)
        .unwrap_or(short.len());
    short[at..] == long[at + 1..]
        && (is_vowel(long[at])
            || (at > 0 && long[at] == long[at - 1])
            || long.get(at + 1) == Some(&long[at]))
}

/// True when `b` is `a` with two adjacent letters swapped.
fn is_transposition(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let Some(i) = a.iter().zip(b).position(|(x, y)| x != y) else {
        return false;
    };
    i + 1 < a.len() && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..]
}

/// Edits tolerated between two words, by the longer one's length: one up to 7 letters, two up
/// to 11, three beyond — the length-scaled Levenshtein budget nomenklatura's name matcher uses
/// (peers.md §1.2), so "moore"/"motor" (two edits in five letters) do not pair.
fn allowed_edits(length: usize) -> usize {
    match length {
        0..=7 => 1,
        8..=11 => 2,
        _ => 3,
    }
}

/// Optimal-string-alignment distance: Levenshtein plus adjacent transpositions ("huawie").
pub(crate) fn osa_distance(a: &[u8], b: &[u8]) -> usize {
    let width = b.len() + 1;
    // Most words are short: a small buffer is cheaper to clear than one for the longest join.
    let mut small = [0u32; 3 * 17];
    let mut stack;
    let mut heap;
    let rows: &mut [u32] = if width <= 17 {
        &mut small[..3 * width]
    } else if width <= JOIN_BUFFER + 1 {
        stack = [0u32; 3 * (JOIN_BUFFER + 1)];
        &mut stack[..3 * width]
    } else {
        heap = vec![0u32; 3 * width];
        &mut heap
    };
    let (mut before, mut previous, mut current) = (0, width, 2 * width);
    for (j, cell) in rows[previous..previous + width].iter_mut().enumerate() {
        *cell = j as u32;
    }
    for i in 1..=a.len() {
        rows[current] = i as u32;
        for j in 1..=b.len() {
            let cost = u32::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[previous + j] + 1)
                .min(rows[current + j - 1] + 1)
                .min(rows[previous + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[before + j - 2] + 1);
            }
            rows[current + j] = best;
        }
        (before, previous, current) = (previous, current, before);
    }
    rows[previous + b.len()] as usize
}

/// Joins longer than this are not compared (no real word is).
const JOIN_BUFFER: usize = 64;

/// Writes the tokens' texts back to back into `buffer`, without allocating.
fn join_into<'b>(tokens: &[WeightedToken], buffer: &'b mut [u8; JOIN_BUFFER]) -> Option<&'b [u8]> {
    let mut length = 0;
    for token in tokens {
        let bytes = token.text.as_bytes();
        buffer
            .get_mut(length..length + bytes.len())?
            .copy_from_slice(bytes);
        length += bytes.len();
    }
    Some(&buffer[..length])
}

fn join_text(tokens: &[WeightedToken]) -> String {
    tokens.iter().map(|t| &*t.text).collect()
}

fn join_skeleton(tokens: &[WeightedToken]) -> String {
    skeleton(&join_text(tokens))
}

/// Jaro-Winkler similarity of two byte strings (prefix scale 0.1 over at most 4 bytes, applied
/// when Jaro exceeds 0.7, as watchman's `JARO_WINKLER_BOOST_THRESHOLD`).
pub(crate) fn jaro_winkler(a: &[u8], b: &[u8]) -> f64 {
    let jaro = jaro(a, b);
    if jaro <= 0.7 {
        return jaro;
    }
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count();
    jaro + prefix as f64 * 0.1 * (1.0 - jaro)
}

fn jaro(a: &[u8], b: &[u8]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut a_flags = [false; 64];
    let mut b_flags = [false; 64];
    let (mut a_heap, mut b_heap);
    let (a_used, b_used): (&mut [bool], &mut [bool]) = if a.len() <= 64 && b.len() <= 64 {
        (&mut a_flags[..a.len()], &mut b_flags[..b.len()])
    } else {
        a_heap = vec![false; a.len()];
        b_heap = vec![false; b.len()];
        (&mut a_heap, &mut b_heap)
    };
    let mut matches = 0usize;
    for (i, &ca) in a.iter().enumerate() {
        let start = i.saturating_sub(window);
        let end = (i + window + 1).min(b.len());
        for j in start..end {
            if !b_used[j] && b[j] == ca {
                a_used[i] = true;
                b_used[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let mut j = 0;
    for (i, &ca) in a.iter().enumerate() {
        if !a_used[i] {
            continue;
        }
        while !b_used[j] {
            j += 1;
        }
        if ca != b[j] {
            transpositions += 1;
        }
        j += 1;
    }
    let m = matches as f64;
    (m / a.len() as f64 + m / b.len() as f64 + (m - transpositions as f64 / 2.0) / m) / 3.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaro_winkler_reference_values() {
        // Classic values from Winkler (1990) as reproduced by strsim's tests.
        assert!((jaro_winkler(b"martha", b"marhta") - 0.9611).abs() < 1e-3);
        assert!((jaro_winkler(b"dwayne", b"duane") - 0.84).abs() < 1e-3);
        assert!((jaro_winkler(b"dixon", b"dicksonx") - 0.8133).abs() < 1e-3);
        assert_eq!(jaro_winkler(b"", b""), 1.0);
        assert_eq!(jaro_winkler(b"abc", b""), 0.0);
        let long = vec![b'a'; 100];
        assert_eq!(jaro_winkler(&long, &long), 1.0);
    }

    #[test]
    fn token_rules() {
        assert_eq!(token_similarity("202", "201"), None);
        assert_eq!(
            token_similarity("j", "john"),
            Some((INITIAL_SIMILARITY, MatchMethod::Initial))
        );
        assert_eq!(token_similarity("ali", "alo"), None);
        assert!(token_similarity("huawie", "huawei").is_some());
        assert_eq!(token_similarity("moore", "motor"), None);
        assert_eq!(token_similarity("lixing", "lixin"), None);
        assert_eq!(token_similarity("mining", "dining"), None);
        assert_eq!(token_similarity("wrightstone", "rightstone"), None);
        assert!(token_similarity("huawai", "huawei").is_some());
        assert!(token_similarity("husain", "hussain").is_some());
        assert!(token_similarity("shabir", "shabbir").is_some());
        assert!(token_similarity("hauwei", "huawei").is_some());
        assert_eq!(osa_distance(b"huawie", b"huawei"), 1);
        assert_eq!(osa_distance(b"kitten", b"sitting"), 3);
        assert_eq!(osa_distance(b"", b"abc"), 3);
    }
}
