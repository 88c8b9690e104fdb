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
use crate::lexicon::{SymbolKind, SymbolSpan};
use crate::lists::{Entry, Provenance, ScreeningLists};
use crate::normalize::{
    NormalizedName, Script, TokenKind, Transliteration, alternatives, known_trade_names, normalize,
    readings,
};
use crate::parts::{Part, PartTag, Prepared, TokenStats, prepare};
use crate::policy::{LicensePolicy, ListCode};
use crate::romanisation::{HanSound, other_spellings};
use crate::similarity::{MAX_SPAN, TokenPair, score};
use crate::stored::{Section, Stored, Writer};
use rustc_hash::FxHashMap;
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
/// The most a Chinese trade name read in pinyin scores against a listed organisation whose trade
/// name, by a cited pair, is written in other characters of the same sound: shown under `--all`,
/// below any default threshold.
const HOMOPHONE_OF_KNOWN_NAME_CAP: f64 = 0.7;

/// A listed name and the names inside it: the Entity List writes an affiliate as "Parent
/// (Short). Affiliated Entity: Affiliate", and the parent's name and the affiliate's are each a
/// name a cited pair may give.
fn listed_name_forms(name: &str) -> impl Iterator<Item = &str> {
    let parent = name.split(" (").next();
    let affiliate = name.split("Affiliated Entity: ").nth(1);
    [Some(name), parent, affiliate].into_iter().flatten()
}

/// The characters of `name` read in pinyin (its trade name's, for an organisation), if any.
fn pinyin_trade_name(name: &Prepared) -> Option<String> {
    let written: String = name
        .transliterations
        .iter()
        .filter(|t| t.method == "pinyin")
        .map(|t| t.from.as_str())
        .collect();
    (!written.is_empty()).then_some(written)
}
/// With `include_below`, at most this many best entries under the threshold are shown.
const BELOW_THRESHOLD_SHOWN: usize = 5;
/// Spellings of a Chinese or Korean span in other romanisations looked up as terms: a Korean
/// given name of two syllables has a few dozen.
const OTHER_ROMANISATIONS_LOOKED_UP: usize = 64;
/// Names scored in full per query, best candidates first.
const MAX_SCORED_CANDIDATES: usize = 64;
/// Candidates sharing less than this share of the best candidate's query weight are not scored.
const MIN_CANDIDATE_SHARE: f32 = 0.3;
/// Longest term (in key letters) that typo look-ups cover.
const MAX_TYPO_TERM_LENGTH: usize = 24;
/// Terms this common (e.g. "china", "bank") only find candidates when the query has nothing rarer.
const COMMON_TERM_POSTINGS: usize = 3000;
/// A symbol this common (a frequent given name) finds no candidates by itself.
pub(crate) const COMMON_SYMBOL_POSTINGS: usize = 500;

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

/// What a name's record says without decoding: its entry, its form and four flags.
#[derive(Debug, Clone, Copy)]
struct NameRecord {
    entry: u32,
    /// Names with the same tokens share a form: it is scored once.
    form: u32,
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
}

const PERSON: u32 = 1;
const VESSEL: u32 = 2;
const DERIVED: u32 = 4;
const ACRONYM: u32 = 8;

impl NameRecord {
    fn flags(&self) -> u32 {
        [
            (self.person, PERSON),
            (self.vessel, VESSEL),
            (self.derived, DERIVED),
            (self.acronym, ACRONYM),
        ]
        .iter()
        .filter(|(set, _)| *set)
        .map(|(_, bit)| bit)
        .sum()
    }
}

/// A name's stored record: decoded only for the names a query scores or shows.
#[derive(Serialize, Deserialize)]
struct NameText {
    text: String,
    prepared: Prepared,
}

/// What the list and country filters read of an entry.
#[derive(Serialize, Deserialize)]
struct EntryFilter {
    list: ListCode,
    countries: Vec<String>,
}

/// An index over screening lists. Build it once ([`Screener::new`], about a second for the
/// full CSL) and share it: all methods take `&self` and it is `Send + Sync`. It lives in one
/// byte layout (`stored.rs`) that [`Screener::to_bytes`] writes and [`Screener::open`] maps
/// from a file in a later process, reading in place only what a query touches.
pub struct Screener {
    stored: Stored,
    provenance: Provenance,
    /// Decoded at open: every query's preparation weighs its words by them (a few hundred KB).
    stats: TokenStats,
    /// This index among those of the process (see [`DecodedNames`]).
    id: u64,
}

/// Listed names a thread has decoded, kept across its queries: a batch meets the same
/// candidates again and again ("… Technology Co., Ltd."), and decoding one costs about as much
/// as scoring it. At most [`DECODED_NAMES_KEPT`], emptied when full or when another index asks.
#[derive(Default)]
struct DecodedNames {
    index: u64,
    names: FxHashMap<u32, std::rc::Rc<NameText>>,
}

const DECODED_NAMES_KEPT: usize = 8192;

thread_local! {
    static DECODED: RefCell<DecodedNames> = RefCell::default();
}

/// Gives each index opened in this process its own id.
static NEXT_INDEX_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A stored index that cannot be read: another earl's, truncated, or not an index at all.
#[derive(Debug, thiserror::Error)]
#[error("not an index this earl can read: {0}")]
pub struct IndexError(pub(crate) String);

/// (score, name id, index of the query alternative that scored it).
type NameScore = (f64, u32, usize);

/// A query span's candidate hits with their similarity, the span's weight, and the term of the
/// span's own text (whose names a symbol unit skips: they count once).
type Unit = (Vec<(Hit, f64)>, f64, Option<u32>);

/// A fixed hasher: the index's hashes must not change between runs.
type FixedHasher = BuildHasherDefault<DefaultHasher>;

/// Per-thread scratch space for gathering candidates without reallocating or sorting: arrays
/// indexed by name or form id, reset through the lists of the ids each query touched.
#[derive(Default)]
struct Scratch {
    /// Per name: the query weight its units give it (0: untouched).
    weight: Vec<f32>,
    touched: Vec<u32>,
    /// Per name: its best hit similarity in the unit at hand (negative: not met in the unit).
    unit_best: Vec<f64>,
    unit_touched: Vec<u32>,
    /// Per form: the best weight among its admitted names (negative: none).
    form_best: Vec<f32>,
    forms: Vec<u32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

impl Screener {
    /// Indexes every name and alias of `lists`.
    pub fn new(lists: &ScreeningLists) -> Screener {
        let bytes = Screener::build(lists);
        Screener::from_stored(
            Stored::from_bytes(&bytes, Screener::build_hash().as_bytes())
                .expect("a fresh index reads"),
        )
        .expect("a fresh index reads")
    }

    /// The index of `lists`, as bytes.
    fn build(lists: &ScreeningLists) -> Vec<u8> {
        let entries = &lists.entries;
        let (mut names, normalized_names) = indexed_names(entries);
        // The bundled lists' own index computes the reference statistics on the way.
        let stats = if lists.provenance.sha256 == ScreeningLists::bundled_provenance().sha256 {
            REFERENCE.get_or_init(|| TokenStats::from_names(&normalized_names))
        } else {
            reference_stats()
        };
        let mut form_ids: HashMap<String, u32> = HashMap::new();
        let mut forms: Vec<Vec<u32>> = Vec::new();
        for (name_id, ((record, _), normalized)) in
            names.iter_mut().zip(&normalized_names).enumerate()
        {
            let next = forms.len() as u32;
            let form = *form_ids.entry(normalized.text()).or_insert(next);
            if form == next {
                forms.push(Vec::new());
            }
            forms[form as usize].push(name_id as u32);
            record.form = form;
        }
        let prepared: Vec<Prepared> = normalized_names
            .iter()
            .map(|normalized| prepare(normalized, stats))
            .collect();

        let mut terms = Terms::default();
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for (name_id, normalized) in normalized_names.iter().enumerate() {
            let tokens = &normalized.tokens;
            for start in 0..tokens.len() {
                for end in start + 1..=(start + MAX_SPAN).min(tokens.len()) {
                    let term: String = tokens[start..end].iter().map(|t| t.text.as_str()).collect();
                    if let Some(term_id) = terms.id(term) {
                        pairs.push((term_id, name_id as u32));
                    }
                }
            }
        }
        drop(normalized_names);
        pairs.sort_unstable();
        pairs.dedup();
        let mut posting_starts = vec![0u32; terms.texts.len() + 1];
        for &(term, _) in &pairs {
            posting_starts[term as usize + 1] += 1;
        }
        for t in 1..posting_starts.len() {
            posting_starts[t] += posting_starts[t - 1];
        }
        let posting_names: Vec<u32> = pairs.into_iter().map(|(_, name)| name).collect();
        let mut deletions = Vec::new();
        let mut skeletons = Vec::new();
        for (term_id, term) in terms.texts.iter().enumerate() {
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
        let mut symbol_names: HashMap<u32, Vec<u32>> = HashMap::new();
        for (name_id, p) in prepared.iter().enumerate() {
            for span in &p.spans {
                for &symbol in &span.symbols {
                    if matches!(SymbolKind::of(symbol), SymbolKind::Name | SymbolKind::Nick) {
                        let names = symbol_names.entry(symbol).or_default();
                        if names.last() != Some(&(name_id as u32)) {
                            names.push(name_id as u32);
                        }
                    }
                }
            }
        }
        let mut symbols: Vec<(u32, Vec<u32>)> = symbol_names.into_iter().collect();
        symbols.sort_unstable_by_key(|(s, _)| *s);
        let mut term_hashes: Vec<(u64, u32)> = terms.ids.into_iter().collect();
        term_hashes.sort_unstable();
        let mut entity_keys: Vec<(u64, u32)> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (entity_hash(e.list.as_str(), &e.name), i as u32))
            .collect();
        entity_keys.sort_unstable();

        let mut w = Writer::new();
        w.bytes(
            Section::Provenance,
            serde_json::to_vec(&lists.provenance).expect("provenance serialises"),
        );
        w.bytes(Section::Stats, postcard_of(stats));
        let records: Vec<u32> = names
            .iter()
            .flat_map(|(r, _)| [r.entry, r.form, r.flags()])
            .collect();
        w.u32s(Section::NameRecords, &records);
        let name_texts: Vec<Vec<u8>> = names
            .into_iter()
            .zip(prepared)
            .map(|((_, text), prepared)| postcard_of(&NameText { text, prepared }))
            .collect();
        w.records(Section::NameStarts, Section::NameBlobs, &name_texts);
        let entry_records: Vec<Vec<u8>> = entries.iter().map(postcard_of).collect();
        w.records(Section::EntryStarts, Section::EntryBlobs, &entry_records);
        let filters: Vec<Vec<u8>> = entries
            .iter()
            .map(|e| {
                postcard_of(&EntryFilter {
                    list: e.list.clone(),
                    countries: e.countries.clone(),
                })
            })
            .collect();
        w.records(Section::FilterStarts, Section::FilterBlobs, &filters);
        let (form_starts, form_names) = flatten(forms.iter().map(Vec::as_slice));
        w.u32s(Section::FormStarts, &form_starts);
        w.u32s(Section::FormNames, &form_names);
        w.u64s(
            Section::TermHashes,
            &term_hashes.iter().map(|t| t.0).collect::<Vec<_>>(),
        );
        w.u32s(
            Section::TermIds,
            &term_hashes.iter().map(|t| t.1).collect::<Vec<_>>(),
        );
        let (text_starts, text_bytes) = flatten(terms.texts.iter().map(|t| t.as_bytes()));
        w.u32s(Section::TermTextStarts, &text_starts);
        w.bytes(Section::TermTexts, text_bytes);
        w.u32s(Section::PostingStarts, &posting_starts);
        w.u32s(Section::PostingNames, &posting_names);
        w.u32s(
            Section::DeletionHashes,
            &deletions.iter().map(|d| d.0).collect::<Vec<_>>(),
        );
        w.u32s(
            Section::DeletionTerms,
            &deletions.iter().map(|d| d.1).collect::<Vec<_>>(),
        );
        w.u64s(
            Section::SkeletonHashes,
            &skeletons.iter().map(|s| s.0).collect::<Vec<_>>(),
        );
        w.u32s(
            Section::SkeletonTerms,
            &skeletons.iter().map(|s| s.1).collect::<Vec<_>>(),
        );
        w.u32s(
            Section::Symbols,
            &symbols.iter().map(|s| s.0).collect::<Vec<_>>(),
        );
        let (symbol_starts, symbol_names) = flatten(symbols.iter().map(|s| s.1.as_slice()));
        w.u32s(Section::SymbolStarts, &symbol_starts);
        w.u32s(Section::SymbolNames, &symbol_names);
        w.u64s(
            Section::EntityKeys,
            &entity_keys.iter().map(|k| k.0).collect::<Vec<_>>(),
        );
        w.u32s(
            Section::EntityEntries,
            &entity_keys.iter().map(|k| k.1).collect::<Vec<_>>(),
        );
        w.finish(Screener::build_hash().as_bytes())
    }

    fn from_stored(stored: Stored) -> Result<Screener, IndexError> {
        let provenance = serde_json::from_slice(stored.bytes(Section::Provenance))
            .map_err(|e| IndexError(format!("provenance: {e}")))?;
        let stats = postcard::from_bytes(stored.bytes(Section::Stats))
            .map_err(|e| IndexError(format!("token statistics: {e}")))?;
        Ok(Screener {
            stored,
            provenance,
            stats,
            id: NEXT_INDEX_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        })
    }

    /// The hash of everything an index is built from besides the lists (this crate's sources
    /// and lexicons, taken at build time): every stored index and cached screening result of
    /// this build carries it, so that another earl's is never read as this one's.
    pub fn build_hash() -> &'static str {
        mod build {
            include!(concat!(env!("OUT_DIR"), "/index_inputs.rs"));
        }
        build::INDEX_INPUTS_SHA256
    }

    /// The index as bytes, for [`Screener::from_bytes`] or [`Screener::open`] in a later process.
    pub fn to_bytes(&self) -> &[u8] {
        self.stored.all()
    }

    /// Reads an index written by [`Screener::to_bytes`] of this same build (copied into memory).
    pub fn from_bytes(bytes: &[u8]) -> Result<Screener, IndexError> {
        Screener::from_stored(Stored::from_bytes(
            bytes,
            Screener::build_hash().as_bytes(),
        )?)
    }

    /// Maps the index file at `path` (written from [`Screener::to_bytes`] of this same build and
    /// renamed into place, never rewritten): a query reads only the pages it needs.
    pub fn open(path: &std::path::Path) -> Result<Screener, IndexError> {
        Screener::from_stored(Stored::map(path, Screener::build_hash().as_bytes())?)
    }

    /// Reads the whole index and checks its payload hash and every table (see `stored.rs`):
    /// what a file just written must pass before it is used.
    pub fn verify(&self) -> Result<(), IndexError> {
        self.stored.verify()
    }

    /// The provenance of the lists the index was built from.
    pub fn provenance(&self) -> &Provenance {
        &self.provenance
    }

    /// List entry `index` (in list order).
    pub fn entry(&self, index: usize) -> Entry {
        decoded(
            self.stored
                .record(Section::EntryStarts, Section::EntryBlobs, index),
        )
    }

    /// The list entries the index was built from, in list order (each decoded as it comes).
    pub fn entries(&self) -> impl Iterator<Item = Entry> + '_ {
        (0..self.entry_count()).map(|i| self.entry(i))
    }

    /// The rows of one list under one name (spaces and case aside), in list order: the
    /// entity's rows (the CSL writes one row per address, and the Entity List one row per
    /// affiliate under its parent's name).
    pub fn entity_rows(&self, list: &ListCode, name: &str) -> Vec<Entry> {
        let keys = self.stored.u64s(Section::EntityKeys);
        let entries = self.stored.u32s(Section::EntityEntries);
        let hash = entity_hash(list.as_str(), name);
        let start = keys.partition_point(|&k| k < hash);
        let wanted = entity_name(name);
        keys[start..]
            .iter()
            .take_while(|&&k| k == hash)
            .zip(&entries[start..])
            .map(|(_, &e)| self.entry(e as usize))
            .filter(|e| e.list == *list && entity_name(&e.name) == wanted)
            .collect()
    }

    fn name(&self, name: u32) -> NameRecord {
        let r = &self.stored.u32s(Section::NameRecords)[name as usize * 3..][..3];
        NameRecord {
            entry: r[0],
            form: r[1],
            person: r[2] & PERSON != 0,
            vessel: r[2] & VESSEL != 0,
            derived: r[2] & DERIVED != 0,
            acronym: r[2] & ACRONYM != 0,
        }
    }

    /// A listed name decoded, from this thread's [`DecodedNames`] when it holds it.
    fn decoded_name(&self, name: u32) -> std::rc::Rc<NameText> {
        DECODED.with(|decoded| {
            let mut decoded = decoded.borrow_mut();
            if decoded.index != self.id || decoded.names.len() >= DECODED_NAMES_KEPT {
                decoded.index = self.id;
                decoded.names.clear();
            }
            decoded
                .names
                .entry(name)
                .or_insert_with(|| std::rc::Rc::new(self.name_text(name)))
                .clone()
        })
    }

    fn name_text(&self, name: u32) -> NameText {
        decoded(
            self.stored
                .record(Section::NameStarts, Section::NameBlobs, name as usize),
        )
    }

    fn filter(&self, entry: u32) -> EntryFilter {
        decoded(
            self.stored
                .record(Section::FilterStarts, Section::FilterBlobs, entry as usize),
        )
    }

    fn form_names(&self, form: u32) -> &[u32] {
        let starts = self.stored.u32s(Section::FormStarts);
        &self.stored.u32s(Section::FormNames)
            [starts[form as usize] as usize..starts[form as usize + 1] as usize]
    }

    /// The id of an indexed term.
    fn term(&self, text: &str) -> Option<u32> {
        let hashes = self.stored.u64s(Section::TermHashes);
        let hash = hash_bytes(text.as_bytes());
        let at = hashes.binary_search(&hash).ok()?;
        let term = self.stored.u32s(Section::TermIds)[at];
        let starts = self.stored.u32s(Section::TermTextStarts);
        let stored = &self.stored.bytes(Section::TermTexts)
            [starts[term as usize] as usize..starts[term as usize + 1] as usize];
        (stored == text.as_bytes()).then_some(term)
    }

    fn postings(&self, term: u32) -> &[u32] {
        let starts = self.stored.u32s(Section::PostingStarts);
        &self.stored.u32s(Section::PostingNames)
            [starts[term as usize] as usize..starts[term as usize + 1] as usize]
    }

    /// The names carrying a person-name symbol.
    pub(crate) fn symbol_names(&self, symbol: u32) -> &[u32] {
        let symbols = self.stored.u32s(Section::Symbols);
        match symbols.binary_search(&symbol) {
            Ok(at) => {
                let starts = self.stored.u32s(Section::SymbolStarts);
                &self.stored.u32s(Section::SymbolNames)
                    [starts[at] as usize..starts[at + 1] as usize]
            }
            Err(_) => &[],
        }
    }

    /// The token statistics of the indexed names, which weigh every comparison.
    pub fn stats(&self) -> &TokenStats {
        &self.stats
    }

    /// Number of list entries indexed.
    pub fn entry_count(&self) -> usize {
        self.stored.u32s(Section::EntryStarts).len() - 1
    }

    /// Number of distinct prepared forms the names are scored by.
    fn form_count(&self) -> usize {
        self.stored
            .u32s(Section::FormStarts)
            .len()
            .saturating_sub(1)
    }

    /// Number of names and aliases indexed.
    pub fn name_count(&self) -> usize {
        self.stored.u32s(Section::NameRecords).len() / 3
    }

    /// Screens one name against the lists.
    pub fn screen(&self, query: &Query) -> ScreenResult {
        let threshold = query.threshold.unwrap_or(DEFAULT_THRESHOLD);
        let country = query.country.as_deref().map(str::to_ascii_uppercase);
        let filtered = query.lists.is_some() || country.is_some();
        let admits = |entry: &EntryFilter| {
            query
                .lists
                .as_ref()
                .is_none_or(|lists| lists.contains(&entry.list))
                && country
                    .as_ref()
                    .is_none_or(|c| entry.countries.is_empty() || entry.countries.contains(c))
        };
        let admitted = |name_id: u32| !filtered || admits(&self.filter(self.name(name_id).entry));
        // Each name decoded once by this thread (see [`DecodedNames`]).
        let text_of = |name_id: u32| self.decoded_name(name_id);
        // Best (score, query alternative, name) per name.
        let queries: Vec<(String, Prepared)> = alternatives(&query.name)
            .into_iter()
            .flat_map(|a| {
                readings(&a)
                    .into_iter()
                    .map(|reading| (a.clone(), prepare(&reading, &self.stats)))
                    .collect::<Vec<_>>()
            })
            .filter(|(_, p)| !p.parts.is_empty())
            .collect();
        let mut best: FxHashMap<u32, (f64, usize)> = FxHashMap::default();
        for (qi, (_, prepared)) in queries.iter().enumerate() {
            for form in self.candidates(prepared, &admitted) {
                let names = self.form_names(form);
                let scored = score(prepared, &text_of(names[0]).prepared, false);
                let acronym_met = acronym_met(prepared, &scored.query_paired);
                for &name_id in names.iter().filter(|&&n| admitted(n)) {
                    let mut s = scored.score;
                    let listed = self.name(name_id);
                    if listed.acronym && !acronym_met {
                        s = s.min(ACRONYM_IN_LONGER_NAME_CAP);
                    }
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
                .then(self.name(b.1).derived.cmp(&self.name(a.1).derived))
                .then(b.1.cmp(&a.1))
                .is_gt()
        };
        let mut per_entry: FxHashMap<u32, NameScore> = FxHashMap::default();
        for (name_id, (s, qi)) in best {
            let entry = self.name(name_id).entry;
            let candidate = (s, name_id, qi);
            let slot = per_entry.entry(entry).or_insert(candidate);
            if preferred(&candidate, slot) {
                *slot = candidate;
            }
        }
        // A trade name read in pinyin that sounds like the listed organisation's but is written
        // in other characters, which a cited pair gives (兆新 and 兆芯 are both "Zhaoxin"): another
        // company, whatever the romanised names say.
        let written: Vec<Option<(String, HanSound)>> = queries
            .iter()
            .map(|(_, prepared)| {
                pinyin_trade_name(prepared).map(|written| {
                    let sound = HanSound::of(&written);
                    (written, sound)
                })
            })
            .collect();
        for (entry, (s, _, qi)) in per_entry.iter_mut() {
            let Some((written, sound)) = &written[*qi] else {
                continue;
            };
            if *s > HOMOPHONE_OF_KNOWN_NAME_CAP && self.written_otherwise(*entry, written, sound) {
                *s = HOMOPHONE_OF_KNOWN_NAME_CAP;
            }
        }
        // Group by entity: the rows of one list under one matched name.
        let mut groups: HashMap<(ListCode, String), Vec<NameScore>> = HashMap::new();
        for (_, (s, name_id, qi)) in per_entry {
            let name = text_of(name_id);
            let list = self.filter(self.name(name_id).entry).list;
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
                .entry((list, key))
                .or_default()
                .push((s, name_id, qi));
        }
        let mut ranked: Vec<Vec<NameScore>> = groups.into_values().collect();
        for group in &mut ranked {
            // Best score first; among equals the name as the list writes it, then list order.
            group.sort_by(|a, b| {
                b.0.total_cmp(&a.0)
                    .then(self.name(a.1).derived.cmp(&self.name(b.1).derived))
                    .then(self.name(a.1).entry.cmp(&self.name(b.1).entry))
                    .then(a.1.cmp(&b.1))
            });
        }
        ranked.sort_by(|a, b| {
            b[0].0
                .total_cmp(&a[0].0)
                .then(self.name(a[0].1).entry.cmp(&self.name(b[0].1).entry))
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
            .map(|group| self.build_match(&queries, &group, threshold, &text_of))
            .collect();
        ScreenResult {
            query: query.name.clone(),
            threshold,
            matches,
        }
    }

    /// Whether a cited pair gives the trade name of entry `entry` in characters other than
    /// `written` that sound the same (`sound`: that of `written`).
    fn written_otherwise(&self, entry: u32, written: &str, sound: &HanSound) -> bool {
        let entry = self.entry(entry as usize);
        std::iter::once(&entry.name)
            .chain(&entry.alt_names)
            .flat_map(|name| listed_name_forms(name))
            .flat_map(known_trade_names)
            .any(|known| known != written && HanSound::of(known).alike(sound))
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
        text_of: &dyn Fn(u32) -> std::rc::Rc<NameText>,
    ) -> Match {
        let (score_value, name_id, qi) = group[0];
        let name = text_of(name_id);
        let entry = self.entry(self.name(name_id).entry as usize);
        let (query_name, query) = &queries[qi];
        let scored = score(query, &name.prepared, true);
        let rows: Vec<MatchedRow> = group
            .iter()
            .map(|&(_, n, _)| {
                let row = self.entry(self.name(n).entry as usize);
                MatchedRow {
                    name: row.name,
                    entity_number: row.entity_number,
                    countries: row.countries,
                    federal_register_notice: row.federal_register_notice,
                }
            })
            .collect();
        let mut countries: Vec<String> = rows.iter().flat_map(|r| r.countries.clone()).collect();
        countries.sort();
        countries.dedup();
        let mut aliases: Vec<String> = Vec::new();
        for &(_, n, _) in group {
            let row = self.entry(self.name(n).entry as usize);
            for alias in std::iter::once(&row.name).chain(&row.alt_names) {
                if *alias != name.text && !aliases.contains(alias) {
                    aliases.push(alias.clone());
                }
            }
        }
        Match {
            name: entry.name,
            matched_name: name.text.clone(),
            score: score_value,
            below_threshold: score_value < threshold,
            list: entry.list,
            source: entry.source,
            entity_number: entry.entity_number,
            entry_id: entry.entry_id,
            entry_hash: entry.entry_hash,
            countries,
            license_requirement: entry.license_requirement,
            license_policy: entry.license_policy,
            license_policy_normalized: entry.license_policy_normalized,
            footnotes: entry.footnotes,
            federal_register_notice: entry.federal_register_notice,
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
        // (term or name hits with their similarity, weight of the query unit, the term of the
        // unit's own text whose names a symbol unit skips: they count once)
        let mut units: Vec<Unit> = Vec::new();
        for span in looked_up_spans(parts) {
            let weight: f64 = span.iter().map(|p| p.weight).sum();
            let hits = self.similar_terms(span);
            if !hits.is_empty() {
                units.push((hits, weight, None));
            }
        }
        for span in &query.spans {
            let weight: f64 = parts[span.start..span.end].iter().map(|p| p.weight).sum();
            let hits: Vec<(Hit, f64)> = person_symbols(span)
                .filter(|&s| {
                    let names = self.symbol_names(s);
                    !names.is_empty() && names.len() <= COMMON_SYMBOL_POSTINGS
                })
                .map(|s| (Hit::Symbol(s), 0.9))
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
                Hit::Symbol(s) => self.symbol_names(*s),
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
            let Scratch {
                weight,
                touched,
                unit_best,
                unit_touched,
                form_best,
                forms,
            } = &mut *scratch;
            weight.resize(self.name_count(), 0.0);
            unit_best.resize(self.name_count(), -1.0);
            form_best.resize(self.form_count(), -1.0);
            for (hits, unit_weight, own_term) in &units {
                if postings_of(hits) > COMMON_TERM_POSTINGS && rarest <= COMMON_TERM_POSTINGS {
                    continue;
                }
                let counted = own_term.map_or(&[][..], |t| self.postings(t));
                // A name counts once per unit, at its best hit.
                for (hit, similarity) in hits {
                    for &name in names_of(hit) {
                        if counted.binary_search(&name).is_ok() {
                            continue;
                        }
                        let best = &mut unit_best[name as usize];
                        if *best < 0.0 {
                            unit_touched.push(name);
                        }
                        *best = best.max(*similarity);
                    }
                }
                for &name in unit_touched.iter() {
                    let similarity = std::mem::replace(&mut unit_best[name as usize], -1.0);
                    let slot = &mut weight[name as usize];
                    if *slot == 0.0 {
                        touched.push(name);
                    }
                    *slot += (similarity * unit_weight) as f32;
                }
                unit_touched.clear();
            }
            // Each form at the best weight of its admitted names.
            for &n in touched.iter() {
                let w = std::mem::replace(&mut weight[n as usize], 0.0);
                if !admitted(n) {
                    continue;
                }
                let form = self.name(n).form;
                let best = &mut form_best[form as usize];
                if *best < 0.0 {
                    forms.push(form);
                }
                *best = best.max(w);
            }
            touched.clear();
            let mut ranked: Vec<(f32, u32)> = forms
                .drain(..)
                .map(|f| (std::mem::replace(&mut form_best[f as usize], -1.0), f))
                .collect();
            let best = ranked.iter().map(|r| r.0).fold(0.0, f32::max);
            ranked.retain(|r| r.0 >= MIN_CANDIDATE_SHARE * best);
            // Best weight first, then the lower form id: one order, whatever order the names
            // were met in.
            let order = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
            // Among forms tied at the cut, the lower form ids are scored.
            let keep = MAX_SCORED_CANDIDATES.min(ranked.len());
            if keep < ranked.len() {
                ranked.select_nth_unstable_by(keep, order);
                ranked.truncate(keep);
            }
            ranked.sort_unstable_by(order);
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
        // Syllables read from Chinese characters or Hangul meet a name the list writes in
        // another romanisation (Wade–Giles, McCune–Reischauer).
        let script = span[0].script;
        if matches!(script, Script::Han | Script::Hangul) && span.iter().all(|p| p.script == script)
        {
            let syllables: Vec<&str> = span.iter().map(|p| &*p.text).collect();
            for written in other_spellings(script, &syllables, OTHER_ROMANISATIONS_LOOKED_UP) {
                if let Some(term) = self.term(&written)
                    && !found.iter().any(|(h, _)| *h == Hit::Term(term))
                {
                    found.push((Hit::Term(term), 1.0));
                }
            }
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
                let hashes = self.stored.u64s(Section::SkeletonHashes);
                let start = hashes.partition_point(|h| *h < hash);
                let terms = &self.stored.u32s(Section::SkeletonTerms)[start..];
                for (_, &term) in hashes[start..]
                    .iter()
                    .zip(terms)
                    .take_while(|(h, _)| **h == hash)
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
            let hashes = self.stored.u32s(Section::DeletionHashes);
            let start = hashes.partition_point(|h| *h < hash);
            let terms = &self.stored.u32s(Section::DeletionTerms)[start..];
            for (_, &term) in hashes[start..]
                .iter()
                .zip(terms)
                .take_while(|(h, _)| **h == hash)
            {
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

    /// Whether screening `name` could meet any name of this index: some part of it finds a
    /// term or a person-name symbol here, as [`Screener::screen`] looks for candidates but
    /// looser (no term is too common, nothing is pruned), so a name that reaches nothing here
    /// is screened by no name of this index.
    /// `symbol_used` says whether screening uses a person-name symbol at all (the full
    /// indexes' [`COMMON_SYMBOL_POSTINGS`] rule).
    pub(crate) fn reaches(&self, name: &str, symbol_used: &dyn Fn(u32) -> bool) -> bool {
        alternatives(name)
            .iter()
            .flat_map(|a| readings(a))
            .any(|reading| {
                let prepared = prepare(&reading, &self.stats);
                // Every term the index registers has names, so any term found reaches one.
                looked_up_spans(&prepared.parts).any(|span| !self.similar_terms(span).is_empty())
                    || prepared.spans.iter().any(|span| {
                        person_symbols(span)
                            .any(|s| !self.symbol_names(s).is_empty() && symbol_used(s))
                    })
            })
    }
}

/// The runs of a query's parts whose terms screening looks up: every run of up to
/// [`MAX_SPAN`] parts, and beside a distinctive word only the runs that hold one.
fn looked_up_spans(parts: &[Part]) -> impl Iterator<Item = &[Part]> {
    let has_distinctive = parts.iter().any(Part::distinctive);
    (0..parts.len())
        .flat_map(move |start| {
            (start + 1..=(start + MAX_SPAN).min(parts.len())).map(move |end| &parts[start..end])
        })
        .filter(move |span| !has_distinctive || span.iter().any(Part::distinctive))
}

/// The person-name and nickname symbols of a lexicon span: those screening looks up.
fn person_symbols(span: &SymbolSpan) -> impl Iterator<Item = u32> + '_ {
    span.symbols
        .iter()
        .copied()
        .filter(|&s| matches!(SymbolKind::of(s), SymbolKind::Name | SymbolKind::Nick))
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
            .flat_map(|alt| {
                readings(&alt)
                    .into_iter()
                    .map(|reading| (alt.clone(), prepare(&reading, stats)))
                    .collect::<Vec<_>>()
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

static REFERENCE: std::sync::OnceLock<TokenStats> = std::sync::OnceLock::new();

/// Every screenable name of `entries`: each entry's primary name and aliases, with the
/// variants a list name implies ([`name_variants`]), normalised; names that normalise to
/// nothing are left out.
fn indexed_names(entries: &[Entry]) -> (Vec<(NameRecord, String)>, Vec<NormalizedName>) {
    let mut names: Vec<(NameRecord, String)> = Vec::new();
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
            let record = NameRecord {
                entry: entry_index as u32,
                form: 0,
                person: entry.entity_type.as_deref() == Some("Individual"),
                vessel: entry.entity_type.as_deref() == Some("Vessel"),
                derived,
                acronym,
            };
            names.push((record, text));
            normalized_names.push(normalized);
        }
    }
    (names, normalized_names)
}

/// The token statistics every index weighs words by: those of the names of the bundled lists
/// (the snapshot this build ships), whatever lists the index is built from. A word's weight is
/// then earl's, not the day's list's: a name scores the same against an entry whatever other
/// entries an update adds or removes, so a reviewed hit keeps its score and a re-screen after
/// an update need only look at what changed ([`Delta`]). A word no bundled name has weighs as
/// the rarest.
pub fn reference_stats() -> &'static TokenStats {
    REFERENCE.get_or_init(|| {
        let (_, normalized) = indexed_names(&ScreeningLists::bundled().entries);
        TokenStats::from_names(&normalized)
    })
}

/// Terms as the index is built: each text once, with its id.
#[derive(Default)]
struct Terms {
    /// Hash of a term's text → term id.
    ids: HashMap<u64, u32>,
    texts: Vec<Box<str>>,
}

impl Terms {
    /// The id of `term`, registering it when new; `None` on a 64-bit hash collision with another
    /// term (vanishingly rare; it only costs this one candidate path).
    fn id(&mut self, term: String) -> Option<u32> {
        let next_id = self.texts.len() as u32;
        let term_id = *self
            .ids
            .entry(hash_bytes(term.as_bytes()))
            .or_insert(next_id);
        if term_id == next_id {
            self.texts.push(term.into());
            return Some(term_id);
        }
        (*self.texts[term_id as usize] == *term).then_some(term_id)
    }
}

fn postcard_of<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).expect("index records serialise")
}

/// A record of the index. The tables around it were checked when the file was opened; a
/// record that still does not decode means the file changed under earl, which is not a state
/// to screen in.
fn decoded<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> T {
    postcard::from_bytes(bytes).unwrap_or_else(|e| {
        panic!("the stored screening index is damaged ({e}): delete it and screen again")
    })
}

/// Lists of numbers as one table of starts (and the end) and their items one after another.
fn flatten<'a, T: Copy + 'a>(lists: impl Iterator<Item = &'a [T]>) -> (Vec<u32>, Vec<T>) {
    let mut starts = vec![0u32];
    let mut items = Vec::new();
    for list in lists {
        items.extend_from_slice(list);
        starts.push(u32::try_from(items.len()).expect("tables under 4 G items"));
    }
    (starts, items)
}

/// An entity's name as its rows share it: spaces collapsed, lower case.
fn entity_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn entity_hash(list: &str, name: &str) -> u64 {
    hash_bytes(format!("{list}\0{}", entity_name(name)).as_bytes())
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
