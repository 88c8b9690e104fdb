//! The in-memory index and the screening API.
//!
//! Candidate generation: every list-name token, and every join of two or three adjacent tokens,
//! is a *term* with a posting list of the names that contain it. A query finds terms by exact
//! text, by romanisation key and its one-deletion neighbours (SymSpell-style: a typo, a missing
//! or an extra letter reach the same deleted form), by consonant skeleton, and names by the
//! lexicon symbols they share (a person name in another script). Only the names that share the
//! most query weight are scored in full, so a query scores a few dozen of the ~57,000 names.
//!
//! Results are grouped by entity: the rows of one list that match under the same name (the CSL
//! writes one row per address, and the Entity List one row per affiliate under its parent's
//! name) come back as one match listing its rows.

use crate::distance::skeleton_of_key;
use crate::lexicon::SymbolKind;
use crate::lists::{Entry, ScreeningLists};
use crate::normalize::{
    NormalizedName, Script, TokenKind, Transliteration, alternatives, normalize,
};
use crate::parts::{Part, PartTag, Prepared, TokenStats, prepare};
use crate::policy::{LicensePolicy, ListCode};
use crate::similarity::{MAX_SPAN, TokenPair, score};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};

/// Default match threshold. Chosen on the development half of the third-party name pairs
/// (eval/names/pairs-dev.tsv; `scripts/eval-names.py --sweep` prints precision, recall and F1
/// by threshold).
pub const DEFAULT_THRESHOLD: f64 = 0.75;
/// Share of the score kept when an organisation's name meets an entry whose CSL `type` is
/// `Individual` ("Tata Motors Ltd" / "TATA"): a company is rarely a person.
const PERSON_FOR_COMPANY_FACTOR: f64 = 0.85;
/// The most a Chinese company's name (a trade name read in pinyin, with industry words or a
/// legal form) scores against an `Individual` or a `Vessel`: the pinyin of a two-syllable trade
/// name is, letter for letter, a Chinese given name or a ship's name ("张裕" / "ZHANG, Yu", "永新"
/// / the vessel "YONG XIN"), so the syllables carry no identity across the kinds of party. Still
/// shown below the threshold.
const CHINESE_COMPANY_FOR_PERSON_OR_VESSEL_CAP: f64 = 0.7;
/// The most an acronym alias ("RIM" of "Russian Imperial Movement") scores when it meets a word
/// inside a longer query ("Pacific Rim Shipping") rather than the whole query or an acronym: no
/// match, still shown below the threshold.
const ACRONYM_IN_LONGER_NAME_CAP: f64 = 0.5;
/// With `include_below`, at most this many best entries under the threshold are shown.
const BELOW_THRESHOLD_SHOWN: usize = 5;
/// Names scored in full per query, best candidates first.
const MAX_SCORED_CANDIDATES: usize = 64;
/// Candidates sharing less than this share of the best candidate's query weight are not scored.
const MIN_CANDIDATE_SHARE: f32 = 0.3;
/// Longest term (in key letters) that typo look-ups cover.
const MAX_TYPO_TERM_LENGTH: usize = 24;
/// Terms this common (e.g. "china", "bank") only find candidates when the query has nothing rarer.
const COMMON_TERM_POSTINGS: usize = 3000;
/// A symbol this common (a frequent given name) finds no candidates by itself.
const COMMON_SYMBOL_POSTINGS: usize = 500;

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
    /// Best first; one per listed entity (the rows of one list under one matched name).
    pub matches: Vec<Match>,
}

/// A listed entity that the query resembles.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Match {
    /// The primary name of the entity's best row.
    pub name: String,
    /// The name or alias that scored best.
    pub matched_name: String,
    pub score: f64,
    pub below_threshold: bool,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub list: ListCode,
    pub source: String,
    pub entity_number: Option<String>,
    /// The entry's stable id (`LIST:ENTITY_NUMBER`, or derived: [`crate::identity`]).
    pub entry_id: String,
    /// The hash of the entry's reviewed fields ([`crate::identity`]).
    pub entry_hash: String,
    /// Address countries of all the entity's rows.
    pub countries: Vec<String>,
    pub license_requirement: Option<String>,
    pub license_policy: Option<String>,
    pub license_policy_normalized: Option<LicensePolicy>,
    pub footnotes: Vec<String>,
    /// Federal Register notices of the best row, oldest first as the list gives them.
    pub federal_register_notice: Option<String>,
    /// The entity's other names (aliases of its rows), without the matched one.
    pub aliases: Vec<String>,
    /// Every list row this match stands for, best first (one per address, or one per affiliate
    /// listed under the matched name).
    pub rows: Vec<MatchedRow>,
    pub explain: Explain,
}

/// One list row of a grouped match.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MatchedRow {
    pub name: String,
    pub entity_number: Option<String>,
    pub countries: Vec<String>,
    pub federal_register_notice: Option<String>,
}

/// Why a name scored what it did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Explain {
    /// The list name compared (alias or primary name).
    pub matched_name: String,
    /// The query name compared, when the query named several (`A a.k.a. B`).
    pub query_name: String,
    pub query_tokens: Vec<ExplainedToken>,
    pub list_tokens: Vec<ExplainedToken>,
    /// Which query parts paired with which list parts, how alike they were and by what method.
    pub pairs: Vec<TokenPair>,
    pub unmatched_query_tokens: Vec<String>,
    pub unmatched_list_tokens: Vec<String>,
    /// Legal forms, organisation words, places, particles and stop words: kept, but weighed
    /// at a fraction of a distinctive word.
    pub low_weight_tokens: Vec<ExplainedToken>,
    /// Non-Latin text of either side and what it became.
    pub transliterations: Vec<Transliteration>,
}

/// A normalised token, its kind, role and weight in the score.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExplainedToken {
    pub text: String,
    pub kind: TokenKind,
    pub tag: PartTag,
    pub weight: f64,
}

/// The result of [`Screener::compare`] and [`compare`].
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
#[derive(Serialize, Deserialize)]
struct IndexedName {
    entry: u32,
    /// The entry is an `Individual` (the CSL `type` column).
    person: bool,
    /// The entry is a `Vessel`.
    vessel: bool,
    /// Derived from a list name (an affiliate's or parent's part, an alternative) rather than
    /// the name or an alias as the list writes it.
    derived: bool,
    /// One word made of the initials of another of the entry's names ("RIM" of "Russian
    /// Imperial Movement").
    acronym: bool,
    text: String,
    prepared: Prepared,
    /// Names with the same tokens share a form: it is scored once.
    form: u32,
}

/// An index over screening lists. Build once (about a second for the full CSL) and share:
/// all methods take `&self` and it is `Send + Sync`. [`Screener::to_bytes`] and
/// [`Screener::from_bytes`] keep a built index for the next process.
#[derive(Serialize, Deserialize)]
pub struct Screener {
    entries: Vec<Entry>,
    names: Vec<IndexedName>,
    /// The names of each form, in name order.
    forms: Vec<Vec<u32>>,
    stats: TokenStats,
    /// Hash of a term's text → term id (texts live once, in `term_texts`).
    term_ids: HashMap<u64, u32>,
    term_texts: Vec<Box<str>>,
    /// Names containing term `t`: `posting_names[posting_starts[t]..posting_starts[t + 1]]`.
    posting_starts: Vec<u32>,
    posting_names: Vec<u32>,
    /// (32-bit hash of a one-word term's romanisation key or of a one-deletion variant of it,
    /// term id), sorted. Hash collisions only add candidates, which scoring then drops.
    deletions: Vec<(u32, u32)>,
    /// (hash of a one-word term's consonant skeleton, term id), sorted; for abjad queries and
    /// vowel variants of long words.
    skeletons: Vec<(u64, u32)>,
    /// Person-name and nickname symbols → names carrying them: a name in another script.
    symbol_names: HashMap<u32, Vec<u32>>,
}

/// A stored index that cannot be read: another earl's, truncated, or not an index at all.
#[derive(Debug, thiserror::Error)]
#[error("not an index this earl can read: {0}")]
pub struct IndexError(String);

/// (score, name id, index of the query alternative that scored it).
type NameScore = (f64, u32, usize);

/// A query span's candidate hits with their similarity, the span's weight, and the term of the
/// span's own text (whose names a symbol unit skips: they count once).
type Unit = (Vec<(Hit, f64)>, f64, Option<u32>);

/// A fixed hasher: the index's hashes must not change between runs.
type FixedHasher = BuildHasherDefault<DefaultHasher>;

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
            let mut texts: Vec<(String, bool)> = Vec::new();
            for text in std::iter::once(&entry.name).chain(&entry.alt_names) {
                for (i, variant) in name_variants(text).into_iter().enumerate() {
                    if !texts.iter().any(|(t, _)| *t == variant) {
                        texts.push((variant, i > 0));
                    }
                }
            }
            let normalized_texts: Vec<_> = texts.iter().map(|(t, _)| normalize(t)).collect();
            let initials: Vec<String> = normalized_texts.iter().map(initials_of).collect();
            for ((text, derived), normalized) in texts.into_iter().zip(normalized_texts) {
                if normalized.tokens.is_empty() {
                    continue;
                }
                let acronym = matches!(&normalized.tokens[..], [word]
                    if word.script == Script::Latin
                        && (2..=6).contains(&word.text.len())
                        && initials.contains(&word.text));
                names.push(IndexedName {
                    entry: entry_index as u32,
                    person: entry.entity_type.as_deref() == Some("Individual"),
                    vessel: entry.entity_type.as_deref() == Some("Vessel"),
                    derived,
                    acronym,
                    text,
                    prepared: Prepared::default(),
                    form: 0,
                });
                normalized_names.push(normalized);
            }
        }
        let stats = TokenStats::from_names(&normalized_names);
        let mut form_ids: HashMap<String, u32> = HashMap::new();
        let mut forms: Vec<Vec<u32>> = Vec::new();
        for (name_id, (name, normalized)) in names.iter_mut().zip(&normalized_names).enumerate() {
            let next = forms.len() as u32;
            let form = *form_ids.entry(normalized.text()).or_insert(next);
            if form == next {
                forms.push(Vec::new());
            }
            forms[form as usize].push(name_id as u32);
            name.form = form;
        }
        for (name, normalized) in names.iter_mut().zip(&normalized_names) {
            name.prepared = prepare(normalized, &stats);
        }
        let mut screener = Screener {
            entries,
            names,
            forms,
            stats,
            term_ids: HashMap::new(),
            term_texts: Vec::new(),
            posting_starts: Vec::new(),
            posting_names: Vec::new(),
            deletions: Vec::new(),
            skeletons: Vec::new(),
            symbol_names: HashMap::new(),
        };
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
        let mut deletions = Vec::new();
        let mut skeletons = Vec::new();
        for (term_id, term) in screener.term_texts.iter().enumerate() {
            let term_id = term_id as u32;
            let key = crate::distance::roman_key(term);
            deletions.push((short_hash(&key), term_id));
            // Typos are looked for in words and short joins; longer joins match exactly or not at all.
            if (4..=MAX_TYPO_TERM_LENGTH).contains(&key.len()) {
                for i in 0..key.len() {
                    let variant = [&key[..i], &key[i + 1..]].concat();
                    deletions.push((short_hash(&variant), term_id));
                }
            }
            let skeleton = skeleton_of_key(&key);
            if skeleton.len() >= 2 {
                skeletons.push((hash_bytes(&skeleton), term_id));
            }
        }
        deletions.sort_unstable();
        deletions.dedup();
        skeletons.sort_unstable();
        skeletons.dedup();
        screener.deletions = deletions;
        screener.skeletons = skeletons;
        for (name_id, name) in screener.names.iter().enumerate() {
            for span in &name.prepared.spans {
                for &symbol in &span.symbols {
                    if matches!(SymbolKind::of(symbol), SymbolKind::Name | SymbolKind::Nick) {
                        let names = screener.symbol_names.entry(symbol).or_default();
                        if names.last() != Some(&(name_id as u32)) {
                            names.push(name_id as u32);
                        }
                    }
                }
            }
        }
        screener
    }

    /// What anything stored from an index of this build starts with: a magic number, then the
    /// hash of everything the index is built from besides the lists (this crate's sources and
    /// lexicons, taken at build time), so that an index built by another earl is never read as
    /// this one's.
    pub fn build_header() -> Vec<u8> {
        mod build {
            include!(concat!(env!("OUT_DIR"), "/index_inputs.rs"));
        }
        let mut header = b"EARLIDX\x01".to_vec();
        header.extend_from_slice(build::INDEX_INPUTS_SHA256.as_bytes());
        header
    }

    /// The index as bytes, for [`Screener::from_bytes`] in a later process: `postcard`'s compact
    /// serde encoding behind [`Screener::build_header`], with the payload's length.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Screener::build_header();
        let payload = postcard::to_allocvec(self).expect("an index serialises");
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&payload);
        out
    }

    /// Reads an index written by [`Screener::to_bytes`] of this same build.
    pub fn from_bytes(bytes: &[u8]) -> Result<Screener, IndexError> {
        let header = Screener::build_header();
        let rest = bytes
            .strip_prefix(header.as_slice())
            .ok_or_else(|| IndexError("another build's or no index header".into()))?;
        let (length, payload) = rest
            .split_first_chunk::<8>()
            .ok_or_else(|| IndexError("no payload length".into()))?;
        if u64::from_le_bytes(*length) != payload.len() as u64 {
            return Err(IndexError(format!(
                "payload of {} bytes where the header says {}",
                payload.len(),
                u64::from_le_bytes(*length)
            )));
        }
        postcard::from_bytes(payload).map_err(|e| IndexError(e.to_string()))
    }

    /// The list entries the index was built from, in list order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The id of `term`, registering it when new; `None` on a 64-bit hash collision with another
    /// term (vanishingly rare; it only costs this one candidate path).
    fn term_id(&mut self, term: String) -> Option<u32> {
        let next_id = self.term_texts.len() as u32;
        let term_id = *self
            .term_ids
            .entry(hash_bytes(term.as_bytes()))
            .or_insert(next_id);
        if term_id == next_id {
            self.term_texts.push(term.into());
            return Some(term_id);
        }
        (*self.term_texts[term_id as usize] == *term).then_some(term_id)
    }

    /// The id of an indexed term.
    fn term(&self, text: &str) -> Option<u32> {
        self.term_ids
            .get(&hash_bytes(text.as_bytes()))
            .copied()
            .filter(|&t| *self.term_texts[t as usize] == *text)
    }

    fn postings(&self, term: u32) -> &[u32] {
        let (start, end) = (
            self.posting_starts[term as usize],
            self.posting_starts[term as usize + 1],
        );
        &self.posting_names[start as usize..end as usize]
    }

    /// The token statistics of the indexed names, which weigh every comparison.
    pub fn stats(&self) -> &TokenStats {
        &self.stats
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
        let admitted =
            |name_id: u32| admits(&self.entries[self.names[name_id as usize].entry as usize]);
        // Best (score, query alternative, name) per name.
        let queries: Vec<(String, Prepared)> = alternatives(&query.name)
            .into_iter()
            .map(|a| {
                let p = prepare(&normalize(&a), &self.stats);
                (a, p)
            })
            .filter(|(_, p)| !p.parts.is_empty())
            .collect();
        let mut best: HashMap<u32, (f64, usize)> = HashMap::new();
        for (qi, (_, prepared)) in queries.iter().enumerate() {
            for form in self.candidates(prepared, &admitted) {
                let names = &self.forms[form as usize];
                let scored = score(prepared, &self.names[names[0] as usize].prepared, false);
                let acronym_met = acronym_met(prepared, &scored.query_paired);
                for &name_id in names.iter().filter(|&&n| admitted(n)) {
                    let mut s = scored.score;
                    if self.names[name_id as usize].acronym && !acronym_met {
                        s = s.min(ACRONYM_IN_LONGER_NAME_CAP);
                    }
                    let listed = &self.names[name_id as usize];
                    if prepared.organisation && prepared.chinese_trade_name {
                        if listed.person || listed.vessel {
                            s = s.min(CHINESE_COMPANY_FOR_PERSON_OR_VESSEL_CAP);
                        }
                    } else if prepared.organisation && listed.person {
                        s *= PERSON_FOR_COMPANY_FACTOR;
                    }
                    let slot = best.entry(name_id).or_insert((s, qi));
                    if s > slot.0 {
                        *slot = (s, qi);
                    }
                }
            }
        }
        // One name per list row: its best; among equals the name as the list writes it, then
        // the list's own order.
        let preferred = |a: &NameScore, b: &NameScore| {
            a.0.total_cmp(&b.0)
                .then(
                    self.names[b.1 as usize]
                        .derived
                        .cmp(&self.names[a.1 as usize].derived),
                )
                .then(b.1.cmp(&a.1))
                .is_gt()
        };
        let mut per_entry: HashMap<u32, NameScore> = HashMap::new();
        for (name_id, (s, qi)) in best {
            let entry = self.names[name_id as usize].entry;
            let candidate = (s, name_id, qi);
            let slot = per_entry.entry(entry).or_insert(candidate);
            if preferred(&candidate, slot) {
                *slot = candidate;
            }
        }
        // Group by entity: the rows of one list under one matched name.
        let mut groups: HashMap<(ListCode, String), Vec<NameScore>> = HashMap::new();
        for (_, (s, name_id, qi)) in per_entry {
            let name = &self.names[name_id as usize];
            let entry = &self.entries[name.entry as usize];
            // Legal forms and stop words aside: "Huawei Technologies Co., Ltd." and "Huawei
            // Technology" are one entity's names.
            let key = name
                .prepared
                .parts
                .iter()
                .filter(|p| !matches!(p.tag, PartTag::LegalForm | PartTag::StopWord))
                .map(|p| &*p.text)
                .collect::<Vec<_>>()
                .join(" ");
            groups
                .entry((entry.list.clone(), key))
                .or_default()
                .push((s, name_id, qi));
        }
        let mut ranked: Vec<Vec<NameScore>> = groups.into_values().collect();
        for group in &mut ranked {
            // Best score first; among equals the name as the list writes it, then list order.
            group.sort_by(|a, b| {
                b.0.total_cmp(&a.0)
                    .then(
                        self.names[a.1 as usize]
                            .derived
                            .cmp(&self.names[b.1 as usize].derived),
                    )
                    .then(
                        self.names[a.1 as usize]
                            .entry
                            .cmp(&self.names[b.1 as usize].entry),
                    )
                    .then(a.1.cmp(&b.1))
            });
        }
        ranked.sort_by(|a, b| {
            b[0].0
                .total_cmp(&a[0].0)
                .then(
                    self.names[a[0].1 as usize]
                        .entry
                        .cmp(&self.names[b[0].1 as usize].entry),
                )
                .then(a[0].1.cmp(&b[0].1))
        });
        let above = ranked.iter().take_while(|g| g[0].0 >= threshold).count();
        let shown = if query.include_below {
            above + BELOW_THRESHOLD_SHOWN
        } else {
            above
        };
        let matches = ranked
            .into_iter()
            .take(shown)
            .filter(|g| g[0].0 > 0.0)
            .map(|group| self.build_match(&queries, &group, threshold))
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
    /// (`a` plays the query, `b` the list name), weighed by this index's token statistics.
    pub fn compare(&self, a: &str, b: &str, threshold: Option<f64>) -> PairScore {
        compare(a, b, &self.stats, threshold)
    }

    fn build_match(
        &self,
        queries: &[(String, Prepared)],
        group: &[NameScore],
        threshold: f64,
    ) -> Match {
        let (score_value, name_id, qi) = group[0];
        let name = &self.names[name_id as usize];
        let entry = &self.entries[name.entry as usize];
        let (query_name, query) = &queries[qi];
        let scored = score(query, &name.prepared, true);
        let rows: Vec<MatchedRow> = group
            .iter()
            .map(|&(_, n, _)| {
                let row = &self.entries[self.names[n as usize].entry as usize];
                MatchedRow {
                    name: row.name.clone(),
                    entity_number: row.entity_number.clone(),
                    countries: row.countries.clone(),
                    federal_register_notice: row.federal_register_notice.clone(),
                }
            })
            .collect();
        let mut countries: Vec<String> = rows.iter().flat_map(|r| r.countries.clone()).collect();
        countries.sort();
        countries.dedup();
        let mut aliases: Vec<String> = Vec::new();
        for &(_, n, _) in group {
            let row = &self.entries[self.names[n as usize].entry as usize];
            for alias in std::iter::once(&row.name).chain(&row.alt_names) {
                if *alias != name.text && !aliases.contains(alias) {
                    aliases.push(alias.clone());
                }
            }
        }
        Match {
            name: entry.name.clone(),
            matched_name: name.text.clone(),
            score: score_value,
            below_threshold: score_value < threshold,
            list: entry.list.clone(),
            source: entry.source.clone(),
            entity_number: entry.entity_number.clone(),
            entry_id: entry.entry_id.clone(),
            entry_hash: entry.entry_hash.clone(),
            countries,
            license_requirement: entry.license_requirement.clone(),
            license_policy: entry.license_policy.clone(),
            license_policy_normalized: entry.license_policy_normalized,
            footnotes: entry.footnotes.clone(),
            federal_register_notice: entry.federal_register_notice.clone(),
            aliases,
            rows,
            explain: Explain {
                query_name: query_name.clone(),
                ..explain(&name.text, query, &name.prepared, scored)
            },
        }
    }

    /// Forms worth scoring in full, best first, with a name among those `admitted` (list and
    /// country filters).
    fn candidates(&self, query: &Prepared, admitted: &dyn Fn(u32) -> bool) -> Vec<u32> {
        let parts = &query.parts;
        let has_distinctive = parts.iter().any(Part::distinctive);
        // (term or name hits with their similarity, weight of the query unit, the term of the
        // unit's own text whose names a symbol unit skips: they count once)
        let mut units: Vec<Unit> = Vec::new();
        for start in 0..parts.len() {
            for end in start + 1..=(start + MAX_SPAN).min(parts.len()) {
                let span = &parts[start..end];
                if has_distinctive && !span.iter().any(Part::distinctive) {
                    continue;
                }
                let weight: f64 = span.iter().map(|p| p.weight).sum();
                let hits = self.similar_terms(span);
                if !hits.is_empty() {
                    units.push((hits, weight, None));
                }
            }
        }
        for span in &query.spans {
            let weight: f64 = parts[span.start..span.end].iter().map(|p| p.weight).sum();
            let hits: Vec<(Hit, f64)> = span
                .symbols
                .iter()
                .filter(|s| matches!(SymbolKind::of(**s), SymbolKind::Name | SymbolKind::Nick))
                .filter(|s| {
                    self.symbol_names
                        .get(s)
                        .is_some_and(|n| n.len() <= COMMON_SYMBOL_POSTINGS)
                })
                .map(|&s| (Hit::Symbol(s), 0.9))
                .collect();
            if !hits.is_empty() {
                let text: String = parts[span.start..span.end]
                    .iter()
                    .map(|p| &*p.text)
                    .collect();
                units.push((hits, weight, self.term(&text)));
            }
        }
        let names_of = |hit: &Hit| -> &[u32] {
            match hit {
                Hit::Term(t) => self.postings(*t),
                Hit::Symbol(s) => self.symbol_names.get(s).map_or(&[], Vec::as_slice),
            }
        };
        let postings_of =
            |hits: &[(Hit, f64)]| hits.iter().map(|(h, _)| names_of(h).len()).sum::<usize>();
        let rarest = units
            .iter()
            .map(|(hits, _, _)| postings_of(hits))
            .min()
            .unwrap_or(0);

        SCRATCH.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            let Scratch { weight, touched } = &mut *scratch;
            weight.resize(self.names.len(), 0.0);
            for (hits, unit_weight, own_term) in &units {
                if postings_of(hits) > COMMON_TERM_POSTINGS && rarest <= COMMON_TERM_POSTINGS {
                    continue;
                }
                let counted = own_term.map_or(&[][..], |t| self.postings(t));
                // A name counts once per unit, at its best hit.
                let mut unit_names: Vec<(u32, f64)> = Vec::new();
                for (hit, similarity) in hits {
                    for &name in names_of(hit) {
                        if counted.binary_search(&name).is_err() {
                            unit_names.push((name, *similarity));
                        }
                    }
                }
                unit_names.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
                unit_names.dedup_by_key(|(name, _)| *name);
                for (name, similarity) in unit_names {
                    let slot = &mut weight[name as usize];
                    if *slot == 0.0 {
                        touched.push(name);
                    }
                    *slot += (similarity * unit_weight) as f32;
                }
            }
            let mut ranked: Vec<(f32, u32)> = touched
                .iter()
                .filter(|&&n| admitted(n))
                .map(|&n| (weight[n as usize], self.names[n as usize].form))
                .collect();
            ranked.sort_unstable_by(|a, b| a.1.cmp(&b.1).then(b.0.total_cmp(&a.0)));
            ranked.dedup_by_key(|r| r.1);
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

    /// Terms like the span: its joined text, and for one word its romanisation key, the key's
    /// one-deletion neighbours and its consonant skeleton.
    fn similar_terms(&self, span: &[Part]) -> Vec<(Hit, f64)> {
        let mut found: Vec<(Hit, f64)> = Vec::new();
        let text: String = span.iter().map(|p| &*p.text).collect();
        if let Some(term) = self.term(&text) {
            found.push((Hit::Term(term), 1.0));
        }
        let add = |term: u32, similarity: f64, found: &mut Vec<(Hit, f64)>| {
            if !found.iter().any(|(h, _)| *h == Hit::Term(term)) {
                found.push((Hit::Term(term), similarity));
            }
        };
        let key: Vec<u8> = span.iter().flat_map(|p| p.key.iter().copied()).collect();
        let abjad = span.iter().any(|p| p.script.is_abjad());
        if abjad || key.len() >= 6 {
            let skeleton = skeleton_of_key(&key);
            if skeleton.len() >= 2 {
                let hash = hash_bytes(&skeleton);
                let start = self.skeletons.partition_point(|(h, _)| *h < hash);
                for &(_, term) in self.skeletons[start..]
                    .iter()
                    .take_while(|(h, _)| *h == hash)
                {
                    add(term, 0.8, &mut found);
                }
            }
        }
        if span.len() > 1 || abjad || span[0].zipf.is_some_and(|z| z >= 4.0) {
            return found;
        }
        let probe = |variant: &[u8], similarity: f64, found: &mut Vec<(Hit, f64)>| {
            let hash = short_hash(variant);
            let start = self.deletions.partition_point(|(h, _)| *h < hash);
            for &(h, term) in &self.deletions[start..] {
                if h != hash {
                    break;
                }
                add(term, similarity, found);
            }
        };
        probe(&key, 0.95, &mut found);
        if (4..=MAX_TYPO_TERM_LENGTH).contains(&key.len()) {
            for i in 0..key.len() {
                probe(&[&key[..i], &key[i + 1..]].concat(), 0.8, &mut found);
            }
        }
        found
    }
}

/// What a query unit found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hit {
    Term(u32),
    Symbol(u32),
}

/// Compares two names as [`Screener::screen`] compares a query with a list name: `a` plays the
/// query, `b` the list name; each may name several (`A a.k.a. B`, `A; B`), and the best pairing
/// counts. Only the token statistics are needed, not an index.
pub fn compare(a: &str, b: &str, stats: &TokenStats, threshold: Option<f64>) -> PairScore {
    let threshold = threshold.unwrap_or(DEFAULT_THRESHOLD);
    let prepared = |text: &str| -> Vec<(String, Prepared)> {
        let mut out: Vec<(String, Prepared)> = alternatives(text)
            .into_iter()
            .map(|alt| {
                let p = prepare(&normalize(&alt), stats);
                (alt, p)
            })
            .collect();
        if out.is_empty() {
            out.push((text.to_string(), Prepared::default()));
        }
        out
    };
    let (a_names, b_names) = (prepared(a), prepared(b));
    let mut best: Option<(f64, usize, usize)> = None;
    for (i, (_, ap)) in a_names.iter().enumerate() {
        for (j, (_, bp)) in b_names.iter().enumerate() {
            let s = score(ap, bp, false).score;
            if best.is_none_or(|(b, _, _)| s > b) {
                best = Some((s, i, j));
            }
        }
    }
    let (s, i, j) = best.unwrap_or((0.0, 0, 0));
    let scored = score(&a_names[i].1, &b_names[j].1, true);
    let mut explained = explain(&b_names[j].0, &a_names[i].1, &b_names[j].1, scored);
    explained.query_name = a_names[i].0.clone();
    PairScore {
        score: s,
        matched: s >= threshold,
        threshold,
        explain: explained,
    }
}

/// The low 32 bits of [`hash_bytes`], for the large deletion table.
fn short_hash(bytes: &[u8]) -> u32 {
    hash_bytes(bytes) as u32
}

fn hash_bytes(bytes: &[u8]) -> u64 {
    FixedHasher::default().hash_one(bytes)
}

/// The names screened for one list name: itself first, then its alternatives (`A a.k.a. B`,
/// `A (formerly B)`), and for Entity List names that embed an affiliate ("Huawei Technologies
/// Co., Ltd. (Huawei). Affiliated Entity: Huawei Marine Networks Co., Ltd.") the affiliate's own
/// name and the parent's; a trailing short parenthetical ("... Corporation (SMIC)") also stands
/// alone.
/// The first letters of a name's words, legal forms, stop words and numbers aside ("Russian
/// Imperial Movement" → "rim"); empty for a name of fewer than two such words.
fn initials_of(name: &NormalizedName) -> String {
    let words: Vec<&str> = name
        .tokens
        .iter()
        .filter(|t| t.kind != TokenKind::LegalForm && t.kind != TokenKind::StopWord)
        .map(|t| t.text.as_str())
        .filter(|w| !w.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    if words.len() < 2 {
        return String::new();
    }
    words.iter().filter_map(|w| w.chars().next()).collect()
}

/// Whether a query meets an acronym alias as an acronym: the query is the acronym (nothing else
/// left but legal forms and stop words), or the word it pairs is written in capitals inside a
/// mixed-case query ("RIM Shipping"), which is how acronyms are written.
fn acronym_met(query: &Prepared, query_paired: &[bool]) -> bool {
    let parts = query.parts.iter().zip(query_paired);
    let whole = parts
        .clone()
        .all(|(p, &paired)| paired || matches!(p.tag, PartTag::LegalForm | PartTag::StopWord));
    whole
        || parts
            .into_iter()
            .any(|(p, &paired)| paired && p.tag == PartTag::Family)
}

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
    for alternative in alternatives(text).into_iter().skip(1) {
        variants.push(alternative);
    }
    variants.retain(|v| !v.is_empty());
    let mut unique: Vec<String> = Vec::new();
    for v in variants {
        if !unique.contains(&v) {
            unique.push(v);
        }
    }
    unique
}

fn explain(
    matched_name: &str,
    query: &Prepared,
    list: &Prepared,
    scored: crate::similarity::Scored,
) -> Explain {
    let describe = |parts: &[Part]| -> Vec<ExplainedToken> {
        parts
            .iter()
            .map(|p| ExplainedToken {
                text: p.text.to_string(),
                kind: p.kind,
                tag: p.tag,
                weight: (p.weight * 1000.0).round() / 1000.0,
            })
            .collect()
    };
    let unmatched = |parts: &[Part], paired: &[bool]| -> Vec<String> {
        parts
            .iter()
            .zip(paired)
            .filter(|(_, p)| !**p)
            .map(|(t, _)| t.text.to_string())
            .collect()
    };
    let low_weight = describe(&query.parts)
        .into_iter()
        .chain(describe(&list.parts))
        .filter(|t| {
            !matches!(
                t.tag,
                PartTag::Plain
                    | PartTag::Family
                    | PartTag::Given
                    | PartTag::Patronymic
                    | PartTag::Number
            )
        })
        .collect();
    Explain {
        matched_name: matched_name.to_string(),
        query_name: String::new(),
        query_tokens: describe(&query.parts),
        list_tokens: describe(&list.parts),
        pairs: scored.pairs,
        unmatched_query_tokens: unmatched(&query.parts, &scored.query_paired),
        unmatched_list_tokens: unmatched(&list.parts, &scored.list_paired),
        low_weight_tokens: low_weight,
        transliterations: query
            .transliterations
            .iter()
            .chain(&list.transliterations)
            .cloned()
            .collect(),
    }
}
