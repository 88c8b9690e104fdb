//! The in-memory index and the screening API.
//!
//! Candidate generation: every list-name token, and every join of two or three adjacent tokens,
//! is a *term* with a posting list of the names that contain it. A query finds terms by exact
//! text, by one-deletion neighbours (SymSpell-style: a typo, a missing or an extra letter reach
//! the same deleted form) and, for Arabic script, by consonant skeleton. Only the names that
//! share the most query weight are scored in full, so a query scores a few dozen of the ~57,000
//! names instead of all of them.

use crate::lists::{Entry, ScreeningLists};
use crate::normalize::{NormalizedName, Script, TokenKind, Transliteration, normalize, skeleton};
use crate::policy::{LicensePolicy, ListCode};
use crate::similarity::{
    MAX_SPAN, MIN_TOKEN_SIMILARITY, TokenPair, WeightedToken, jaro_winkler, same_long_skeleton,
    score_tokens,
};
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasher;

/// Default match threshold. Chosen on the labelled evaluation set (tests/evaluation.rs prints
/// precision, recall and F1 at thresholds 0.70–0.95): overall F1 is flat at its best from 0.70
/// to 0.75 and falls above, and 0.75 has the highest precision on that plateau. It sits between
/// yente's 0.70 and watchman's 0.85 review band (peers.md §5.5).
pub const DEFAULT_THRESHOLD: f64 = 0.75;
/// Share of the score kept when a query with a legal form ("Tata Motors Ltd") meets an entry
/// whose CSL `type` is `Individual` ("TATA"): a company is rarely a person.
const PERSON_FOR_COMPANY_FACTOR: f64 = 0.85;
/// With `include_below`, at most this many best entries under the threshold are shown.
const BELOW_THRESHOLD_SHOWN: usize = 5;
/// Names scored in full per query, best candidates first.
const MAX_SCORED_CANDIDATES: usize = 32;
/// Candidates sharing less than this share of the best candidate's query weight are not scored.
const MIN_CANDIDATE_SHARE: f32 = 0.4;
/// Longest term (in letters) that typo look-ups cover: a word or a join of two short words.
const MAX_TYPO_TERM_LENGTH: usize = 30;
/// Terms this common (e.g. "china", "bank") only find candidates when the query has nothing rarer.
const COMMON_TERM_POSTINGS: usize = 3000;
/// Weight factor per kind: legal forms and generic words say little about identity.
const LOW_WEIGHT_FACTOR: f64 = 0.1;
const STOP_WORD_FACTOR: f64 = 0.05;

/// A screening request. Build it with [`Query::new`] and adjust the fields.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Query {
    pub name: String,
    /// Keep only entries with an address in this ISO 3166-1 alpha-2 country (entries without
    /// any address country are kept: absence of an address is no evidence of a mismatch).
    pub country: Option<String>,
    /// Screen only these lists.
    pub lists: Option<Vec<ListCode>>,
    /// Minimum score of a match; [`DEFAULT_THRESHOLD`] when `None`.
    pub threshold: Option<f64>,
    /// Also return the best few entries below the threshold, marked `below_threshold`.
    pub include_below: bool,
}

impl Query {
    pub fn new(name: impl Into<String>) -> Query {
        Query {
            name: name.into(),
            country: None,
            lists: None,
            threshold: None,
            include_below: false,
        }
    }
}

/// The outcome of one screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScreenResult {
    pub query: String,
    pub threshold: f64,
    /// Best first; one per list entry (its best-scoring name).
    pub matches: Vec<Match>,
}

/// A list entry that the query resembles.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Match {
    /// The entry's primary name.
    pub name: String,
    /// The name or alias of the entry that scored best.
    pub matched_name: String,
    pub score: f64,
    pub below_threshold: bool,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub list: ListCode,
    pub source: String,
    pub entity_number: Option<String>,
    pub countries: Vec<String>,
    pub license_requirement: Option<String>,
    pub license_policy: Option<String>,
    pub license_policy_normalized: Option<LicensePolicy>,
    pub footnotes: Vec<String>,
    /// Federal Register notices of the entry, oldest first as the list gives them.
    pub federal_register_notice: Option<String>,
    pub explain: Explain,
}

/// Why a name scored what it did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Explain {
    /// The list name compared (alias or primary name).
    pub matched_name: String,
    pub query_tokens: Vec<ExplainedToken>,
    pub list_tokens: Vec<ExplainedToken>,
    /// Which query tokens paired with which list tokens, and how alike they were.
    pub pairs: Vec<TokenPair>,
    pub unmatched_query_tokens: Vec<String>,
    pub unmatched_list_tokens: Vec<String>,
    /// Legal forms, generic words and stop words: kept, but weighed at a tenth or less.
    pub low_weight_tokens: Vec<ExplainedToken>,
    /// Non-Latin text of either side and what it became.
    pub transliterations: Vec<Transliteration>,
}

/// A normalised token, its kind and its weight in the score.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExplainedToken {
    pub text: String,
    pub kind: TokenKind,
    pub weight: f64,
}

/// The result of [`Screener::compare`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PairScore {
    pub score: f64,
    #[serde(rename = "match")]
    pub matched: bool,
    pub threshold: f64,
    pub explain: Explain,
}

/// One screenable name: an entry's primary name or one of its aliases.
struct IndexedName {
    entry: u32,
    /// The entry is an `Individual` (the CSL `type` column).
    person: bool,
    text: String,
    transliterations: Vec<Transliteration>,
    tokens: Vec<WeightedToken>,
}

/// An index over screening lists. Build once (well under a second for the full CSL) and share:
/// all methods take `&self` and it is `Send + Sync`.
pub struct Screener {
    entries: Vec<Entry>,
    names: Vec<IndexedName>,
    /// Number of names containing each token, for inverse document frequency.
    document_frequency: HashMap<Box<str>, u32>,
    /// Number of names, the N of inverse document frequency.
    name_total: f64,
    /// Median inverse document frequency of distinctive tokens: the weight of an ordinary word.
    median_weight: f64,
    /// Hash of a term's text → term id (texts live once, in `term_texts`).
    term_ids: HashMap<u64, u32>,
    term_texts: Vec<Box<str>>,
    /// Names containing term `t`: `posting_names[posting_starts[t]..posting_starts[t + 1]]`.
    posting_starts: Vec<u32>,
    posting_names: Vec<u32>,
    /// (32-bit hash of a one-deletion variant or of the term itself, term id), sorted. Hash
    /// collisions only add candidates, which the similarity check then drops.
    deletions: Vec<(u32, u32)>,
    /// (hash of a term's consonant skeleton, term id), sorted; for Arabic-script queries.
    skeletons: Vec<(u64, u32)>,
    hasher: std::collections::hash_map::RandomState,
}

/// Per-thread scratch space for accumulating candidate weights without reallocating.
struct Scratch {
    weight: Vec<f32>,
    touched: Vec<u32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = const { RefCell::new(Scratch { weight: Vec::new(), touched: Vec::new() }) };
}

impl Screener {
    /// Indexes every name and alias of `lists`.
    pub fn new(lists: &ScreeningLists) -> Screener {
        let entries = lists.entries.clone();
        let mut names = Vec::new();
        let mut normalized_names = Vec::new();
        for (entry_index, entry) in entries.iter().enumerate() {
            let mut texts: Vec<String> = Vec::new();
            for text in std::iter::once(&entry.name).chain(&entry.alt_names) {
                for variant in name_variants(text) {
                    if !texts.contains(&variant) {
                        texts.push(variant);
                    }
                }
            }
            for text in texts {
                let normalized = normalize(&text);
                if normalized.tokens.is_empty() {
                    continue;
                }
                names.push(IndexedName {
                    entry: entry_index as u32,
                    person: entry.entity_type.as_deref() == Some("Individual"),
                    text,
                    transliterations: Vec::new(),
                    tokens: Vec::new(),
                });
                normalized_names.push(normalized);
            }
        }
        let mut document_frequency: HashMap<Box<str>, u32> = HashMap::new();
        for name in &normalized_names {
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
        let mut screener = Screener {
            entries,
            names: Vec::new(),
            name_total: names.len().max(1) as f64,
            median_weight: 1.0,
            document_frequency,
            term_ids: HashMap::new(),
            term_texts: Vec::new(),
            posting_starts: Vec::new(),
            posting_names: Vec::new(),
            deletions: Vec::new(),
            skeletons: Vec::new(),
            hasher: Default::default(),
        };
        let mut distinctive: Vec<f64> = normalized_names
            .iter()
            .flat_map(|n| &n.tokens)
            .filter(|t| t.kind == TokenKind::Distinctive)
            .map(|t| {
                (1.0 + screener.name_total
                    / f64::from(screener.document_frequency[t.text.as_str()]))
                .ln()
            })
            .collect();
        if !distinctive.is_empty() {
            let middle = distinctive.len() / 2;
            screener.median_weight = *distinctive.select_nth_unstable_by(middle, f64::total_cmp).1;
        }
        for (name, normalized) in names.iter_mut().zip(&normalized_names) {
            name.tokens = screener.weigh(normalized);
            name.transliterations = normalized.transliterations.clone();
        }
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for (name_id, normalized) in normalized_names.iter().enumerate() {
            let tokens = &normalized.tokens;
            for start in 0..tokens.len() {
                for end in start + 1..=(start + MAX_SPAN).min(tokens.len()) {
                    let term: String = tokens[start..end].iter().map(|t| t.text.as_str()).collect();
                    if let Some(term_id) = screener.term_id(term) {
                        pairs.push((term_id, name_id as u32));
                    }
                }
            }
        }
        drop(normalized_names);
        pairs.sort_unstable();
        pairs.dedup();
        screener.posting_starts = vec![0; screener.term_texts.len() + 1];
        for &(term, _) in &pairs {
            screener.posting_starts[term as usize + 1] += 1;
        }
        for t in 1..screener.posting_starts.len() {
            screener.posting_starts[t] += screener.posting_starts[t - 1];
        }
        screener.posting_names = pairs.into_iter().map(|(_, name)| name).collect();
        for (term_id, term) in screener.term_texts.iter().enumerate() {
            let term_id = term_id as u32;
            screener
                .deletions
                .push((short_hash(&screener.hasher, term), term_id));
            // Typos are looked for in words and short joins; longer joins match exactly or not at all.
            if (4..=MAX_TYPO_TERM_LENGTH).contains(&term.len()) {
                for (i, _) in term.char_indices() {
                    let variant = [&term[..i], &term[i + 1..]].concat();
                    screener
                        .deletions
                        .push((short_hash(&screener.hasher, &variant), term_id));
                }
            }
            let skeleton = skeleton(term);
            if skeleton.len() >= 2 {
                screener
                    .skeletons
                    .push((hash_str(&screener.hasher, &skeleton), term_id));
            }
        }
        screener.deletions.sort_unstable();
        screener.deletions.dedup();
        screener.skeletons.sort_unstable();
        screener.names = names;
        screener
    }

    /// The id of `term`, registering it when new; `None` on a 64-bit hash collision with another
    /// term (vanishingly rare; it only costs this one candidate path).
    fn term_id(&mut self, term: String) -> Option<u32> {
        let next_id = self.term_texts.len() as u32;
        let term_id = *self
            .term_ids
            .entry(hash_str(&self.hasher, &term))
            .or_insert(next_id);
        if term_id == next_id {
            self.term_texts.push(term.into());
            return Some(term_id);
        }
        (*self.term_texts[term_id as usize] == *term).then_some(term_id)
    }

    fn postings(&self, term: u32) -> &[u32] {
        let (start, end) = (
            self.posting_starts[term as usize],
            self.posting_starts[term as usize + 1],
        );
        &self.posting_names[start as usize..end as usize]
    }

    /// Weights of a normalised name's tokens: `ln(1 + N/df)` (unknown tokens count as df = 1),
    /// scaled down for legal forms, generic and stop words.
    fn weigh(&self, name: &NormalizedName) -> Vec<WeightedToken> {
        name.tokens
            .iter()
            .map(|token| {
                let df = self
                    .document_frequency
                    .get(token.text.as_str())
                    .copied()
                    .unwrap_or(1)
                    .max(1) as f64;
                let idf = (1.0 + self.name_total / df).ln();
                // Low-weight kinds get a fixed share of an ordinary word, so a rare legal form
                // ("youxian", "gmbh" in a mostly English list) is not promoted by its rarity.
                let weight = match token.kind {
                    TokenKind::Distinctive => idf,
                    TokenKind::LegalForm | TokenKind::Generic => {
                        LOW_WEIGHT_FACTOR * self.median_weight
                    }
                    TokenKind::StopWord => STOP_WORD_FACTOR * self.median_weight,
                };
                WeightedToken::new(&token.text, token.kind, token.script, weight)
            })
            .collect()
    }

    /// Number of list entries indexed.
    pub fn entry_count(&self) -> usize {
        self.entries.len()
    }

    /// Number of names and aliases indexed.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    /// Screens one name against the lists.
    pub fn screen(&self, query: &Query) -> ScreenResult {
        let threshold = query.threshold.unwrap_or(DEFAULT_THRESHOLD);
        let normalized = normalize(&query.name);
        let tokens = self.weigh(&normalized);
        let country = query.country.as_deref().map(str::to_ascii_uppercase);
        let admits = |entry: &Entry| {
            query
                .lists
                .as_ref()
                .is_none_or(|lists| lists.contains(&entry.list))
                && country
                    .as_ref()
                    .is_none_or(|c| entry.countries.is_empty() || entry.countries.contains(c))
        };

        // A legal form says the query is a company: a person's entry needs a stronger match.
        let company_query = tokens.iter().any(|t| t.kind == TokenKind::LegalForm);
        // Best name per entry among the candidates.
        let mut best: HashMap<u32, (f64, u32)> = HashMap::new();
        let admitted =
            |name_id: u32| admits(&self.entries[self.names[name_id as usize].entry as usize]);
        for name_id in self.candidates(&tokens, &admitted) {
            let name = &self.names[name_id as usize];
            let mut score = score_tokens(&tokens, &name.tokens, self.median_weight, false).score;
            if company_query && name.person {
                score *= PERSON_FOR_COMPANY_FACTOR;
            }
            let slot = best.entry(name.entry).or_insert((score, name_id));
            if score > slot.0 {
                *slot = (score, name_id);
            }
        }
        let mut ranked: Vec<(u32, f64, u32)> = best
            .into_iter()
            .map(|(entry, (score, name))| (entry, score, name))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let above = ranked.iter().take_while(|r| r.1 >= threshold).count();
        let shown = if query.include_below {
            above + BELOW_THRESHOLD_SHOWN
        } else {
            above
        };
        let matches = ranked
            .into_iter()
            .take(shown)
            .filter(|r| r.1 > 0.0)
            .map(|(entry, score, name_id)| {
                self.build_match(&normalized, &tokens, entry, name_id, score, threshold)
            })
            .collect();
        ScreenResult {
            query: query.name.clone(),
            threshold,
            matches,
        }
    }

    /// Screens a stream of queries lazily, in order (the caller owns I/O and progress).
    pub fn screen_all<'a, I>(&'a self, queries: I) -> impl Iterator<Item = ScreenResult> + 'a
    where
        I: IntoIterator<Item = Query>,
        I::IntoIter: 'a,
    {
        queries.into_iter().map(move |query| self.screen(&query))
    }

    /// Compares two names exactly as [`Screener::screen`] compares a query with a list name
    /// (`a` plays the query, `b` the list name), with the default or given threshold.
    pub fn compare(&self, a: &str, b: &str, threshold: Option<f64>) -> PairScore {
        let threshold = threshold.unwrap_or(DEFAULT_THRESHOLD);
        let (a_norm, b_norm) = (normalize(a), normalize(b));
        let (a_tokens, b_tokens) = (self.weigh(&a_norm), self.weigh(&b_norm));
        let scored = score_tokens(&a_tokens, &b_tokens, self.median_weight, true);
        let explain = explain(
            b,
            &a_norm,
            &a_tokens,
            &b_norm.transliterations,
            &b_tokens,
            scored.pairs,
            &scored.query_paired,
            &scored.list_paired,
        );
        PairScore {
            score: scored.score,
            matched: scored.score >= threshold,
            threshold,
            explain,
        }
    }

    fn build_match(
        &self,
        query: &NormalizedName,
        tokens: &[WeightedToken],
        entry: u32,
        name_id: u32,
        score: f64,
        threshold: f64,
    ) -> Match {
        let entry = &self.entries[entry as usize];
        let name = &self.names[name_id as usize];
        let scored = score_tokens(tokens, &name.tokens, self.median_weight, true);
        Match {
            name: entry.name.clone(),
            matched_name: name.text.clone(),
            score,
            below_threshold: score < threshold,
            list: entry.list.clone(),
            source: entry.source.clone(),
            entity_number: entry.entity_number.clone(),
            countries: entry.countries.clone(),
            license_requirement: entry.license_requirement.clone(),
            license_policy: entry.license_policy.clone(),
            license_policy_normalized: entry.license_policy_normalized,
            footnotes: entry.footnotes.clone(),
            federal_register_notice: entry.federal_register_notice.clone(),
            explain: explain(
                &name.text,
                query,
                tokens,
                &name.transliterations,
                &name.tokens,
                scored.pairs,
                &scored.query_paired,
                &scored.list_paired,
            ),
        }
    }

    /// Names worth scoring in full, best first, among those `admitted` (list and country filters).
    fn candidates(&self, query: &[WeightedToken], admitted: &dyn Fn(u32) -> bool) -> Vec<u32> {
        let has_distinctive = query.iter().any(|t| t.kind == TokenKind::Distinctive);
        let mut units: Vec<(Vec<(u32, f64)>, f64)> = Vec::new();
        for start in 0..query.len() {
            for end in start + 1..=(start + MAX_SPAN).min(query.len()) {
                let span = &query[start..end];
                if has_distinctive && span.iter().all(|t| t.kind != TokenKind::Distinctive) {
                    continue;
                }
                let weight: f64 = span.iter().map(|t| t.weight).sum();
                let text: String = span.iter().map(|t| &*t.text).collect();
                let arabic = span.iter().any(|t| t.script == Script::Arabic);
                let terms = self.similar_terms(&text, arabic, end - start == 1);
                if !terms.is_empty() {
                    units.push((terms, weight));
                }
            }
        }
        let postings_of = |terms: &[(u32, f64)]| {
            terms
                .iter()
                .map(|(t, _)| self.postings(*t).len())
                .sum::<usize>()
        };
        let rarest = units
            .iter()
            .map(|(terms, _)| postings_of(terms))
            .min()
            .unwrap_or(0);

        SCRATCH.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            let Scratch { weight, touched } = &mut *scratch;
            weight.resize(self.names.len(), 0.0);
            for (terms, unit_weight) in &units {
                if postings_of(terms) > COMMON_TERM_POSTINGS && rarest <= COMMON_TERM_POSTINGS {
                    continue;
                }
                for &(term, similarity) in terms {
                    for &name in self.postings(term) {
                        let slot = &mut weight[name as usize];
                        if *slot == 0.0 {
                            touched.push(name);
                        }
                        *slot += (similarity * unit_weight) as f32;
                    }
                }
            }
            let mut ranked: Vec<(f32, u32)> = touched
                .iter()
                .filter(|&&n| admitted(n))
                .map(|&n| (weight[n as usize], n))
                .collect();
            for &n in touched.iter() {
                weight[n as usize] = 0.0;
            }
            touched.clear();
            let best = ranked.iter().map(|r| r.0).fold(0.0, f32::max);
            ranked.retain(|r| r.0 >= MIN_CANDIDATE_SHARE * best);
            let keep = MAX_SCORED_CANDIDATES.min(ranked.len());
            if keep < ranked.len() {
                ranked.select_nth_unstable_by(keep, |a, b| b.0.total_cmp(&a.0));
                ranked.truncate(keep);
            }
            ranked.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            ranked.into_iter().map(|(_, n)| n).collect()
        })
    }

    /// Terms like `text`: itself, its one-deletion neighbours when `typos`, or (Arabic script)
    /// its skeleton.
    fn similar_terms(&self, text: &str, arabic: bool, typos: bool) -> Vec<(u32, f64)> {
        let mut found: Vec<(u32, f64)> = Vec::new();
        if arabic {
            let key = skeleton(text);
            if key.len() >= 2 {
                let hash = hash_str(&self.hasher, &key);
                let start = self.skeletons.partition_point(|(h, _)| *h < hash);
                found.extend(
                    self.skeletons[start..]
                        .iter()
                        .take_while(|(h, _)| *h == hash)
                        .map(|&(_, t)| (t, 1.0)),
                );
            }
            return found;
        }
        if let Some(&term) = self.term_ids.get(&hash_str(&self.hasher, text))
            && *self.term_texts[term as usize] == *text
        {
            found.push((term, 1.0));
        }
        if typos && text.len() >= 7 && text.is_ascii() {
            // Vowels aside ("hezbollah" / "hizballah"): the skeleton table, checked by
            // `same_long_skeleton` as the scoring does.
            let hash = hash_str(&self.hasher, &skeleton(text));
            let start = self.skeletons.partition_point(|(h, _)| *h < hash);
            for &(_, term) in self.skeletons[start..]
                .iter()
                .take_while(|(h, _)| *h == hash)
            {
                let term_text = self.term_texts[term as usize].as_bytes();
                if !found.iter().any(|(t, _)| *t == term)
                    && same_long_skeleton(text.as_bytes(), term_text)
                {
                    found.push((term, MIN_TOKEN_SIMILARITY));
                }
            }
        }
        if !typos || !(4..=MAX_TYPO_TERM_LENGTH).contains(&text.len()) || !text.is_ascii() {
            return found;
        }
        let mut probe = |key: &str| {
            let hash = short_hash(&self.hasher, key);
            let start = self.deletions.partition_point(|(h, _)| *h < hash);
            for &(h, term) in &self.deletions[start..] {
                if h != hash {
                    break;
                }
                if found.iter().any(|(t, _)| *t == term) {
                    continue;
                }
                let similarity =
                    jaro_winkler(text.as_bytes(), self.term_texts[term as usize].as_bytes());
                if similarity >= MIN_TOKEN_SIMILARITY {
                    found.push((term, similarity));
                }
            }
        };
        probe(text);
        for (i, _) in text.char_indices() {
            probe(&[&text[..i], &text[i + 1..]].concat());
        }
        found
    }
}

/// The low 32 bits of [`hash_str`], for the large deletion table.
fn short_hash(hasher: &impl BuildHasher, text: &str) -> u32 {
    hash_str(hasher, text) as u32
}

fn hash_str(hasher: &impl BuildHasher, text: &str) -> u64 {
    hasher.hash_one(text)
}

/// The names screened for one list name: itself, and for Entity List names that embed an
/// affiliate ("Huawei Technologies Co., Ltd. (Huawei). Affiliated Entity: Huawei Marine
/// Networks Co., Ltd.") the affiliate's own name; a trailing short parenthetical
/// ("... Corporation (SMIC)") also stands alone.
fn name_variants(text: &str) -> Vec<String> {
    let mut variants = vec![text.trim().to_string()];
    if let Some((_, affiliate)) = text.split_once("Affiliated Entity:") {
        variants.push(affiliate.trim().to_string());
    }
    let head = text
        .split_once("Affiliated Entity:")
        .map_or(text, |(head, _)| head)
        .trim()
        .trim_end_matches('.');
    if let Some(open) = head.rfind('(').filter(|_| head.ends_with(')')) {
        let inner = head[open + 1..head.len() - 1].trim();
        if (1..=3).contains(&inner.split_whitespace().count()) {
            variants.push(inner.to_string());
            variants.push(head[..open].trim().to_string());
        }
    }
    variants.retain(|v| !v.is_empty());
    variants
}

#[allow(clippy::too_many_arguments)] // the two sides of a comparison, each in three forms
fn explain(
    matched_name: &str,
    query: &NormalizedName,
    query_tokens: &[WeightedToken],
    list_transliterations: &[Transliteration],
    list_tokens: &[WeightedToken],
    pairs: Vec<TokenPair>,
    query_paired: &[bool],
    list_paired: &[bool],
) -> Explain {
    let describe = |tokens: &[WeightedToken]| -> Vec<ExplainedToken> {
        tokens
            .iter()
            .map(|t| ExplainedToken {
                text: t.text.to_string(),
                kind: t.kind,
                weight: (t.weight * 1000.0).round() / 1000.0,
            })
            .collect()
    };
    let unmatched = |tokens: &[WeightedToken], paired: &[bool]| -> Vec<String> {
        tokens
            .iter()
            .zip(paired)
            .filter(|(_, p)| !**p)
            .map(|(t, _)| t.text.to_string())
            .collect()
    };
    let low_weight = describe(query_tokens)
        .into_iter()
        .chain(describe(list_tokens))
        .filter(|t| t.kind != TokenKind::Distinctive)
        .collect();
    Explain {
        matched_name: matched_name.to_string(),
        query_tokens: describe(query_tokens),
        list_tokens: describe(list_tokens),
        pairs,
        unmatched_query_tokens: unmatched(query_tokens, query_paired),
        unmatched_list_tokens: unmatched(list_tokens, list_paired),
        low_weight_tokens: low_weight,
        transliterations: query
            .transliterations
            .iter()
            .chain(list_transliterations)
            .cloned()
            .collect(),
    }
}
