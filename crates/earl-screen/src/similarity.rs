//! Pairwise name similarity: weighted best-pairs of tokens, with joined/split words.
//!
//! Each token weighs its inverse document frequency over all list names, times a factor for its
//! kind (legal forms and generic words a tenth). Query and list tokens are paired greedily, best
//! pair first; a pair may join up to three adjacent tokens on one side ("mo er" ↔ "moer",
//! "al qaida" ↔ "alqaida"). The score is the similarity-weighted share of paired weight:
//!
//! `score = Σ sim·(w_query + w_list) / (Σ w_query + Σ w_list_paired + λ·Σ w_list_unpaired)`
//!
//! λ = 0.3 lets a list name carry extra words (a city, an affiliate's suffix) at small cost
//! while every unpaired query word costs its full weight. watchman uses 0.15
//! (`UNMATCHED_INDEX_TOKEN_WEIGHT`, peers.md §1.1); on tests/evaluation.rs 0.3 keeps recall and
//! halves the false hits of one-word queries ("Apple Inc." on "ORIENTAL APPLE COMPANY").

use crate::normalize::{Script, TokenKind, skeleton};
use serde::Serialize;

/// Weight factor λ of a list name's unpaired tokens (see the module documentation).
const UNPAIRED_LIST_WEIGHT: f64 = 0.3;
/// Token similarities below this count as no match. Jaro-Winkler 0.88 keeps one-letter typos in
/// words of five or more letters ("huawie"/"huawei" 0.97) and rejects different words that share
/// a prefix; tuned on the evaluation set in tests/data (see tests/evaluation.rs).
pub(crate) const MIN_TOKEN_SIMILARITY: f64 = 0.88;
/// Share of the score lost when both names carry numbers that differ: nomenklatura logic-v2's
/// `nm_number_mismatch` 0.3 (peers.md §1.2).
const NUMBER_MISMATCH_PENALTY: f64 = 0.3;
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
}

/// How two units were found alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

/// One pairing of query tokens with list-name tokens.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

struct Candidate {
    q: (usize, usize),
    l: (usize, usize),
    similarity: f64,
    value: f64,
    method: MatchMethod,
}

/// Scores `query` against `list` (both weighted); `record_pairs` fills [`Scored::pairs`].
pub(crate) fn score_tokens(
    query: &[WeightedToken],
    list: &[WeightedToken],
    record_pairs: bool,
) -> Scored {
    let mut candidates: Vec<Candidate> = Vec::new();
    for qs in 0..query.len() {
        for qe in qs + 1..=(qs + MAX_SPAN).min(query.len()) {
            for ls in 0..list.len() {
                for le in ls + 1..=(ls + MAX_SPAN).min(list.len()) {
                    let single_sides = usize::from(qe - qs == 1) + usize::from(le - ls == 1);
                    if single_sides == 0 {
                        continue;
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

    let mut query_paired = vec![false; query.len()];
    let mut list_paired = vec![false; list.len()];
    let mut paired_value = 0.0;
    let mut pairs = Vec::new();
    for c in &candidates {
        if query_paired[c.q.0..c.q.1].iter().any(|&p| p)
            || list_paired[c.l.0..c.l.1].iter().any(|&p| p)
        {
            continue;
        }
        query_paired[c.q.0..c.q.1]
            .iter_mut()
            .for_each(|p| *p = true);
        list_paired[c.l.0..c.l.1].iter_mut().for_each(|p| *p = true);
        paired_value += c.value;
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
        .zip(&list_paired)
        .map(|(t, &paired)| {
            if paired {
                t.weight
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
    let unpaired_number = |tokens: &[WeightedToken], paired: &[bool]| {
        tokens
            .iter()
            .zip(paired)
            .any(|(t, &p)| !p && t.text.bytes().all(|b| b.is_ascii_digit()))
    };
    if unpaired_number(query, &query_paired) && unpaired_number(list, &list_paired) {
        score *= 1.0 - NUMBER_MISMATCH_PENALTY; // "Leasing 3" vs "Leasing 6": different parties
    }
    Scored {
        score,
        pairs,
        query_paired,
        list_paired,
    }
}

/// Similarity of a query span and a list span (one of them a single token), if they match at all.
fn unit_similarity(q: &[WeightedToken], l: &[WeightedToken]) -> Option<(f64, MatchMethod)> {
    let joined = q.len() > 1 || l.len() > 1;
    if joined && q.iter().chain(l).any(|t| t.kind == TokenKind::LegalForm) {
        return None; // "technologies co" is not a word
    }
    if q.iter().any(|t| t.script == Script::Arabic) {
        let (qs, ls) = (join_skeleton(q), join_skeleton(l));
        if qs.len() < 2 || ls.len() < 2 {
            return None;
        }
        let similarity = if qs == ls {
            1.0
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
        return token_similarity(a, b);
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
    if short.len() == 4 && !is_transposition(a.as_bytes(), b.as_bytes()) {
        return None; // four letters: only a swap is a typo ("dell"/"della", "sony"/"song" are other words)
    }
    if osa_distance(a.as_bytes(), b.as_bytes()) > allowed_edits(long.len()) {
        return None;
    }
    let similarity = jaro_winkler(a.as_bytes(), b.as_bytes());
    (similarity >= MIN_TOKEN_SIMILARITY).then_some((similarity, MatchMethod::Fuzzy))
}

/// True when `b` is `a` with two adjacent letters swapped.
fn is_transposition(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(differ[..], [i, j] if j == i + 1 && a[i] == b[j] && a[j] == b[i])
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
    let mut stack = [0u32; 3 * (JOIN_BUFFER + 1)];
    let mut heap;
    let rows: &mut [u32] = if width <= JOIN_BUFFER + 1 {
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
        assert_eq!(osa_distance(b"huawie", b"huawei"), 1);
        assert_eq!(osa_distance(b"kitten", b"sitting"), 3);
        assert_eq!(osa_distance(b"", b"abc"), 3);
    }
}
