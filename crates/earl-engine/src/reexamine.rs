//! Decisions already recorded, examined again under the data in use now: `earl audit rescreen`
//! (every party name of the trail screened against the lists in use) and `earl audit recheck`
//! (every recorded check answered again, as of its own date).
//!
//! A record that cannot be read back into a question is reported (`not_read`,
//! `not_rechecked`), never skipped in silence: a re-examination that quietly left a record out
//! would be a false all-clear.

use crate::audit::Audited;
use crate::review::Judgement;
use crate::{CheckRequest, Engine, EngineError, Item};
use earl_core::ownership::Stake;
use earl_core::party::HitReview;
use earl_question::{CheckQuestion, Recorded};
use earl_screen::Query;
use earl_store::{AuditStore, ScanRow};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The version of the screening that produced a cached result: results are reused only for
/// the same lists *and* the same screener (earl's version and the hash of what its index is
/// built from).
fn screener_version() -> String {
    let build = earl_screen::Screener::build_hash();
    format!(
        "earl-{}-{}",
        env!("CARGO_PKG_VERSION"),
        build.get(..16).unwrap_or(build)
    )
}

/// A party whose screening changed: the entry it now matches (or no longer matches) and the
/// records the party came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartyChange {
    /// The party's name as recorded.
    pub name: String,
    /// The list entry's primary name.
    pub entry: String,
    /// The name or alias that matched (for a cleared party, as recorded then).
    pub matched_name: String,
    pub list: String,
    pub score: f64,
    /// Sequence numbers of the records the party came from.
    pub records: Vec<u64>,
    /// What a reviewer's disposition says of the match now: for a re-raised match, why the
    /// disposition that set it aside no longer holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<HitReview>,
}

/// How much of a re-screen an update did not reach.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnchangedByUpdate {
    /// SHA-256 of the earlier lists.
    pub earlier_lists: String,
    /// Entries the lists in use have and the earlier ones lack (added, or changed).
    pub entries_added: usize,
    /// Entries the earlier lists had and the lists in use lack (removed, or changed).
    pub entries_removed: usize,
    /// Names whose earlier result stands.
    pub names: usize,
}

/// The names a re-screen still had to screen, split by an update's delta: what it did not
/// reach (`kept`, with the earlier result) and what it must screen (`left`).
struct UpdateSplit<'a> {
    report: Option<UnchangedByUpdate>,
    kept: Vec<(&'a str, Vec<Hit>)>,
    left: Vec<&'a str>,
}

/// A record that could not be read back.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotRead {
    pub record: u64,
    pub reason: String,
}

/// Which lists a re-examination used.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ListsUsed {
    pub source_file: String,
    pub sha256: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub generated: Option<jiff::civil::Date>,
    /// What the lists lack (a list missing against the bundled one, a partial list accepted):
    /// a hit they no longer give may be a gap of theirs, not a clear.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The same as facts, for the renderer (not serialised: `warnings` is their English).
    #[serde(skip)]
    pub warning_facts: Vec<earl_screen::ListWarning>,
}

/// `earl audit rescreen`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RescreenReport {
    /// Distinct party names found in the trail.
    pub parties: usize,
    /// (record, party) pairs: a name named in many records counts once per record.
    pub occurrences: usize,
    /// Records read (checks and screens).
    pub records: u64,
    /// Names screened now; the others had been screened against the same lists before.
    pub screened: usize,
    /// Names taken from the cache of an earlier rescreen against the same lists.
    pub reused: usize,
    /// Names whose records were answered against these same lists by this same earl version:
    /// their recorded matches are the screening's result now.
    pub from_records: usize,
    /// Names screened against earlier lists that the update from them does not reach: their
    /// earlier result is the screening's result now ([`earl_screen::delta`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unchanged_by_update: Option<UnchangedByUpdate>,
    pub lists: ListsUsed,
    /// Matches now that the records did not have, and no reviewer set aside.
    pub new_hits: Vec<PartyChange>,
    /// Matches now that the records did not have because a reviewer set them aside as false
    /// positives, raised again: the entry changed or the disposition expired (`review.why`).
    pub reraised: Vec<PartyChange>,
    /// Matches the records had that the lists in use no longer give.
    pub cleared: Vec<PartyChange>,
    pub not_read: Vec<NotRead>,
}

impl Audited for RescreenReport {
    fn kind(&self) -> &'static str {
        "rescreen"
    }
    fn lists_hash(&self) -> Option<&str> {
        Some(&self.lists.sha256)
    }
}

/// The outcome of a check, as compared by `recheck`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Outcome {
    pub eccn: Value,
    pub license_required: Value,
    pub prohibited: Value,
    pub license_exception: Value,
    pub review_policy: Value,
    /// `LIST: entry name` of every end-user and owner match.
    pub matches: Vec<String>,
    pub decided_by: Vec<String>,
}

/// One recorded check whose answer is different now.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rechecked {
    pub record: u64,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: jiff::civil::Date,
    pub before: Outcome,
    pub after: Outcome,
    /// What made the difference: rule entries that decide one answer and not the other, and
    /// list entries matched in one and not the other (`EL: name`).
    pub decided_by: Vec<String>,
}

/// `earl audit recheck`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecheckReport {
    /// Check records read.
    pub records: u64,
    /// Distinct questions answered again.
    pub questions: usize,
    pub since: Option<String>,
    pub rules_hash: String,
    pub lists: ListsUsed,
    /// The version of the ownership graph the checks were asked under, when one was imported:
    /// an answer changed by an import names the graph's holdings in its steps.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ownership_graph: Option<String>,
    pub changed: Vec<Rechecked>,
    pub not_rechecked: Vec<NotRead>,
}

impl Audited for RecheckReport {
    fn kind(&self) -> &'static str {
        "recheck"
    }
    fn lists_hash(&self) -> Option<&str> {
        Some(&self.lists.sha256)
    }
}

/// A match as compared: (list, entry name) plus what is shown.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
struct Hit {
    list: String,
    entry: String,
    matched_name: String,
    score: f64,
    /// The entry's stable id and content hash (empty in records older than hit review).
    entry_id: String,
    entry_hash: String,
}

/// The members of a recorded answer rescreen reads; every other member is skipped unparsed.
#[derive(serde::Deserialize)]
struct MatchesOnly {
    end_user_matches: Option<Value>,
    owner_matches: Option<Value>,
    matches: Option<Value>,
    /// Hits set aside by a reviewer when the record was made.
    reviewed: Option<Value>,
}

impl MatchesOnly {
    fn into_value(self) -> Value {
        let mut m = serde_json::Map::new();
        for (k, v) in [
            ("end_user_matches", self.end_user_matches),
            ("owner_matches", self.owner_matches),
            ("matches", self.matches),
            ("reviewed", self.reviewed),
        ] {
            if let Some(v) = v {
                m.insert(k.to_string(), v);
            }
        }
        Value::Object(m)
    }
}

/// Party changes by (party, list, entry name).
type Changes = BTreeMap<(String, String, String), PartyChange>;

/// Adds record `seq` to the change of `name` to hit `h`.
fn note_change(out: &mut Changes, name: &str, h: &Hit, review: Option<&HitReview>, seq: u64) {
    let change = out
        .entry((name.to_string(), h.list.clone(), h.entry.clone()))
        .or_insert_with(|| PartyChange {
            name: name.to_string(),
            entry: h.entry.clone(),
            matched_name: h.matched_name.clone(),
            list: h.list.clone(),
            score: h.score,
            records: Vec::new(),
            review: review.cloned(),
        });
    if change.records.last() != Some(&seq) {
        change.records.push(seq);
    }
}

/// The parties of one record and the hits recorded for each.
type RecordParties = Vec<(String, Vec<Hit>)>;

fn text(v: &Value) -> Option<&str> {
    v.as_str().map(str::trim).filter(|s| !s.is_empty())
}

fn hit_of(m: &Value) -> Option<Hit> {
    let field = |name: &str| {
        m.get(name)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    Some(Hit {
        list: m.get("list")?.as_str()?.to_string(),
        entry: m.get("name")?.as_str()?.to_string(),
        matched_name: m
            .get("matched_name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        score: m.get("score").and_then(Value::as_f64).unwrap_or(0.0),
        entry_id: field("entry_id"),
        entry_hash: field("entry_hash"),
    })
}

/// The question in a record's inputs: typed inputs ([`Recorded`]) hold it under `input`;
/// older records' inputs, written before the questions were typed, are the question's fields.
fn question_part(inputs: &Value) -> &Value {
    match (inputs.get("version"), inputs.get("input")) {
        (Some(_), Some(input)) => input,
        _ => inputs,
    }
}

/// Every party name the trail's check and screen records name (end users, owners, names
/// screened), each once, in the order first recorded.
pub fn screened_names(store: &AuditStore) -> Result<Vec<String>, EngineError> {
    let mut names: Vec<String> = Vec::new();
    store.scan(&["check", "screen"], None, &mut |row: ScanRow| {
        let Ok(inputs) = serde_json::from_str::<Value>(&row.inputs) else {
            return;
        };
        for (name, _) in parties_of(&row.kind, &inputs, &Value::Null).unwrap_or_default() {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    })?;
    Ok(names)
}

/// The party names of a check or screen record and the hits its answer recorded for each.
fn parties_of(kind: &str, inputs: &Value, outputs: &Value) -> Result<RecordParties, String> {
    let inputs = question_part(inputs);
    let mut parties: RecordParties = Vec::new();
    fn add<'p>(parties: &'p mut RecordParties, name: &str) -> &'p mut Vec<Hit> {
        let i = match parties.iter().position(|(n, _)| n == name) {
            Some(i) => i,
            None => {
                parties.push((name.to_string(), Vec::new()));
                parties.len() - 1
            }
        };
        &mut parties[i].1
    }
    match kind {
        "check" => {
            if let Some(name) = inputs.get("end_user").and_then(text) {
                add(&mut parties, name);
            }
            if let Some(Value::Array(stakes)) = inputs.get("ownership") {
                for s in stakes {
                    match s.get("owner").and_then(text) {
                        Some(owner) => {
                            add(&mut parties, owner);
                        }
                        None => return Err("an ownership row has no owner name".into()),
                    }
                }
            }
            for key in ["end_user_matches", "owner_matches"] {
                if let Some(Value::Array(hits)) = outputs.get(key) {
                    for h in hits {
                        let (Some(party), Some(hit)) = (h.get("party").and_then(text), hit_of(h))
                        else {
                            return Err(format!("a match in `{key}` lacks its party or entry"));
                        };
                        add(&mut parties, party).push(hit);
                    }
                }
            }
        }
        "screen" => {
            let name = inputs
                .get("name")
                .or_else(|| inputs.get("q"))
                .and_then(text)
                .ok_or("the screen record names no party")?;
            let hits = match outputs.get("matches") {
                Some(Value::Array(ms)) => ms
                    .iter()
                    .filter(|m| m.get("below_threshold") != Some(&Value::Bool(true)))
                    .map(|m| hit_of(m).ok_or("a recorded match lacks its list or name"))
                    .collect::<Result<Vec<_>, _>>()?,
                _ => return Err("the screen record has no `matches`".into()),
            };
            parties.push((name.to_string(), hits));
        }
        _ => {}
    }
    Ok(parties)
}

/// Adds to a record's parties the hits its answer set aside as false positives (`reviewed`):
/// the review queue must see them, for a disposition revoked or lapsed since leaves them
/// uncovered though no record kept them among its matches.
fn add_set_aside(kind: &str, outputs: &Value, parties: &mut RecordParties) -> Result<(), String> {
    let Some(Value::Array(reviewed)) = outputs.get("reviewed") else {
        return Ok(());
    };
    for r in reviewed {
        let (party, found) = match kind {
            "check" => {
                let hit = r.get("hit").ok_or("a set-aside hit lacks its `hit`")?;
                let party = hit
                    .get("party")
                    .and_then(text)
                    .ok_or("a set-aside hit lacks its party")?;
                (party.to_string(), hit)
            }
            "screen" => {
                // A screen record's one party is the name screened.
                let party = parties
                    .first()
                    .map(|(name, _)| name.clone())
                    .ok_or("the screen record names no party")?;
                (
                    party,
                    r.get("match").ok_or("a set-aside hit lacks its `match`")?,
                )
            }
            _ => continue,
        };
        let hit = hit_of(found).ok_or("a set-aside hit lacks its list or name")?;
        match parties.iter_mut().find(|(name, _)| *name == party) {
            Some((_, hits)) => hits.push(hit),
            None => parties.push((party, vec![hit])),
        }
    }
    Ok(())
}

impl Engine {
    fn lists_used(&self) -> Result<ListsUsed, EngineError> {
        let screening = self.screening()?;
        let p = &screening.provenance;
        Ok(ListsUsed {
            source_file: p.source_file.clone(),
            sha256: p.sha256.clone(),
            generated: p.generated,
            warnings: screening.warnings.iter().map(ToString::to_string).collect(),
            warning_facts: screening.warnings.clone(),
        })
    }

    /// Screens `name` as `check` screens a party: matches at or above the threshold.
    fn hits_now(&self, name: &str) -> Result<Vec<Hit>, EngineError> {
        let screening = self.screening()?;
        Ok(screening
            .screener
            .screen(&Query::new(name))
            .matches
            .iter()
            .filter(|m| !m.below_threshold)
            .map(|m| Hit {
                list: m.list.as_str().to_string(),
                entry: m.name.clone(),
                matched_name: m.matched_name.clone(),
                score: m.score,
                entry_id: m.entry_id.clone(),
                entry_hash: m.entry_hash.clone(),
            })
            .collect())
    }

    /// Every party name of the trail's checks and screens, screened again against the lists in
    /// use. Names already screened against the same lists (by SHA-256) by the same screener
    /// are taken from the store's cache.
    pub fn rescreen(&self, store: &AuditStore) -> Result<RescreenReport, EngineError> {
        let lists = self.lists_used()?;
        let store_error =
            |e: earl_store::StoreError| EngineError::Lists(format!("audit trail: {e}"));
        // Bodies are shared by many records: each is parsed once, and only for its matches.
        let mut bodies: HashMap<String, Result<Value, String>> = HashMap::new();
        let mut per_record: Vec<(u64, RecordParties)> = Vec::new();
        let mut not_read = Vec::new();
        // A check answered by this very earl holds what screening its parties gave against
        // the lists it consulted: against the lists in use, what screening them now gives (no
        // need to screen them again); against earlier lists, where a re-screen after an update
        // starts from. By lists SHA-256, then party name.
        let mut known: HashMap<String, HashMap<String, Vec<Hit>>> = HashMap::new();
        let version = env!("CARGO_PKG_VERSION");
        let records = store
            .scan(&["check", "screen"], None, &mut |row: ScanRow| {
                if let Some(body) = &row.body {
                    let parsed = serde_json::from_str::<MatchesOnly>(body)
                        .map(MatchesOnly::into_value)
                        .map_err(|e| e.to_string());
                    bodies.insert(row.body_hash.clone(), parsed);
                }
                let outputs = match &bodies[&row.body_hash] {
                    Ok(v) => v,
                    Err(e) => {
                        not_read.push(NotRead {
                            record: row.seq,
                            reason: format!("its answer is not JSON: {e}"),
                        });
                        return;
                    }
                };
                let parties = serde_json::from_str::<Value>(&row.inputs)
                    .map_err(|e| format!("its inputs are not JSON: {e}"))
                    .and_then(|inputs| parties_of(&row.kind, &inputs, outputs));
                // A record with hits set aside holds the screening less those: not the
                // screening's result.
                let screened_by = (row.kind == "check"
                    && row.earl_version == version
                    && outputs.get("reviewed").is_none())
                .then_some(row.lists_hash.as_deref())
                .flatten();
                match parties {
                    Ok(p) if !p.is_empty() => {
                        if let Some(lists_hash) = screened_by {
                            let known = known.entry(lists_hash.to_string()).or_default();
                            for (name, hits) in &p {
                                known.entry(name.clone()).or_insert_with(|| hits.clone());
                            }
                        }
                        per_record.push((row.seq, p))
                    }
                    Ok(_) => {}
                    Err(reason) => not_read.push(NotRead {
                        record: row.seq,
                        reason,
                    }),
                }
            })
            .map_err(store_error)?;
        drop(bodies);

        let mut names: BTreeSet<&str> = BTreeSet::new();
        let mut occurrences = 0;
        for (_, parties) in &per_record {
            occurrences += parties.len();
            names.extend(parties.iter().map(|(n, _)| n.as_str()));
        }
        let version = screener_version();
        let cache = store
            .screen_cache(&lists.sha256, &version)
            .map_err(store_error)?;
        let mut now: HashMap<&str, Vec<Hit>> = HashMap::with_capacity(names.len());
        let mut todo: Vec<&str> = Vec::new();
        let mut from_records = 0;
        let mut current = known.remove(&lists.sha256).unwrap_or_default();
        for name in &names {
            if let Some(hits) = current.remove(*name) {
                from_records += 1;
                now.insert(name, hits);
                continue;
            }
            match cache
                .get(*name)
                .and_then(|c| serde_json::from_str::<Vec<Hit>>(c).ok())
            {
                Some(hits) => {
                    now.insert(name, hits);
                }
                None => todo.push(name),
            }
        }
        let reused = now.len() - from_records;
        let UpdateSplit {
            report: unchanged_by_update,
            kept,
            left: todo,
        } = self.unchanged_by_update(store, &lists, &version, known, todo)?;
        let fresh = self.screen_many(&todo)?;
        for (name, hits) in todo.iter().copied().zip(fresh).chain(kept) {
            now.insert(name, hits);
        }
        // Every result not read from the cache is kept there for the next re-screen against
        // these lists, or against an update of them.
        let to_cache: Vec<(String, String)> = now
            .iter()
            .filter(|(name, _)| !cache.contains_key(**name))
            .map(|(name, hits)| {
                (
                    name.to_string(),
                    serde_json::to_string(hits).unwrap_or_else(|_| "[]".into()),
                )
            })
            .collect();
        store
            .put_screen_cache(&lists.sha256, &version, &to_cache)
            .map_err(store_error)?;

        // The reviewers' dispositions, judged today and without a country (a rescreen knows
        // the names alone): hits set aside stay out; the others carry what a disposition says.
        let reviews = self.reviews();
        let today = crate::today();
        let mut judged: HashMap<&str, Vec<(Hit, Option<HitReview>)>> = HashMap::new();
        for (name, hits) in &now {
            let kept = hits
                .iter()
                .filter_map(|h| {
                    let entry = (h.entry_id.as_str(), h.entry_hash.as_str());
                    match reviews.judge(name, None, entry, today) {
                        Judgement::Uncovered => Some((h.clone(), None)),
                        Judgement::Kept(review) => Some((h.clone(), Some(review))),
                        Judgement::SetAside(_) => None,
                    }
                })
                .collect();
            judged.insert(name, kept);
        }

        let mut new_hits = Changes::new();
        let mut reraised = Changes::new();
        let mut cleared = Changes::new();
        let same = |a: &Hit, b: &Hit| a.list == b.list && a.entry == b.entry;
        for (seq, parties) in &per_record {
            for (name, before) in parties {
                let after = &judged[name.as_str()];
                for (h, review) in after
                    .iter()
                    .filter(|(h, _)| !before.iter().any(|b| same(h, b)))
                {
                    let out = match review {
                        Some(HitReview::Reraised { .. }) => &mut reraised,
                        _ => &mut new_hits,
                    };
                    note_change(out, name, h, review.as_ref(), *seq);
                }
                // Cleared: what the lists no longer give. A hit a reviewer set aside is still
                // matched by the lists, so it is compared with the screening itself.
                let screened = &now[name.as_str()];
                for h in before
                    .iter()
                    .filter(|b| !screened.iter().any(|h| same(h, b)))
                {
                    note_change(&mut cleared, name, h, None, *seq);
                }
            }
        }
        Ok(RescreenReport {
            parties: names.len(),
            occurrences,
            records,
            screened: todo.len(),
            reused,
            from_records,
            unchanged_by_update,
            lists,
            new_hits: new_hits.into_values().collect(),
            reraised: reraised.into_values().collect(),
            cleared: cleared.into_values().collect(),
            not_read,
        })
    }

    /// Of the names `todo` still to screen, those an update does not reach keep their result
    /// against the earlier lists: the cached lists with the most names whose index the cache
    /// still holds, compared entry by entry with the lists in use ([`earl_screen::delta`]).
    fn unchanged_by_update<'a>(
        &self,
        store: &AuditStore,
        lists: &ListsUsed,
        version: &str,
        mut recorded: HashMap<String, HashMap<String, Vec<Hit>>>,
        todo: Vec<&'a str>,
    ) -> Result<UpdateSplit<'a>, EngineError> {
        let store_error =
            |e: earl_store::StoreError| EngineError::Lists(format!("audit trail: {e}"));
        let nothing_kept = |left| UpdateSplit {
            report: None,
            kept: Vec::new(),
            left,
        };
        if todo.is_empty() {
            return Ok(nothing_kept(todo));
        }
        // Earlier lists with results in the cache or in records of this earl, most names first.
        let mut earlier: HashMap<String, u64> = store
            .screen_cache_lists(version)
            .map_err(store_error)?
            .into_iter()
            .collect();
        for (sha, names) in &recorded {
            *earlier.entry(sha.clone()).or_default() += names.len() as u64;
        }
        let mut earlier: Vec<(String, u64)> = earlier.into_iter().collect();
        earlier.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let earlier = earlier
            .into_iter()
            .filter(|(sha, _)| *sha != lists.sha256)
            .find_map(|(sha, _)| {
                crate::index_cache::stored(self.index_dir.as_deref(), &sha).map(|s| (sha, s))
            });
        let Some((earlier_sha, earlier_index)) = earlier else {
            return Ok(nothing_kept(todo));
        };
        let mut earlier_results: HashMap<String, Vec<Hit>> = store
            .screen_cache(&earlier_sha, version)
            .map_err(store_error)?
            .into_iter()
            .filter_map(|(name, c)| Some((name, serde_json::from_str::<Vec<Hit>>(&c).ok()?)))
            .collect();
        earlier_results.extend(recorded.remove(&earlier_sha).unwrap_or_default());
        let delta = earl_screen::delta::Delta::between(&earlier_index, &self.screening()?.screener);
        let mut kept = Vec::new();
        let mut left = Vec::new();
        for name in todo {
            match earlier_results
                .remove(name)
                .filter(|_| !delta.affects(name))
            {
                Some(hits) => kept.push((name, hits)),
                None => left.push(name),
            }
        }
        let report = UnchangedByUpdate {
            earlier_lists: earlier_sha,
            entries_added: delta.added,
            entries_removed: delta.removed,
            names: kept.len(),
        };
        Ok(UpdateSplit {
            report: Some(report),
            kept,
            left,
        })
    }

    /// Screens many names on every core, results in the order given.
    fn screen_many(&self, names: &[&str]) -> Result<Vec<Vec<Hit>>, EngineError> {
        self.screening()?;
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = names.len().div_ceil(threads).max(1);
        std::thread::scope(|s| {
            let handles: Vec<_> = names
                .chunks(chunk)
                .map(|part| {
                    s.spawn(move || {
                        part.iter()
                            .map(|n| self.hits_now(n))
                            .collect::<Result<Vec<_>, _>>()
                    })
                })
                .collect();
            let mut out = Vec::with_capacity(names.len());
            for h in handles {
                out.extend(
                    h.join()
                        .map_err(|_| EngineError::Lists("a screening thread failed".into()))??,
                );
            }
            Ok(out)
        })
    }

    /// Every recorded check (recorded at or after `since`) answered again under the rules and
    /// lists in use, as of its own date; the ones whose answer changed.
    pub fn recheck(
        &self,
        store: &AuditStore,
        since: Option<&str>,
    ) -> Result<RecheckReport, EngineError> {
        let lists = self.lists_used()?;
        let store_error =
            |e: earl_store::StoreError| EngineError::BadInput(format!("audit trail: {e}"));
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        // One pass over the trail: this thread reads each record's question and its recorded
        // outcome, workers answer them again. Only the changed ones are kept; the trail is
        // never held whole.
        let (records, read, answered) = std::thread::scope(|scope| {
            let mut senders = Vec::with_capacity(workers);
            let mut handles = Vec::with_capacity(workers);
            for _ in 0..workers {
                let (send, receive) = std::sync::mpsc::sync_channel::<Vec<RecheckJob>>(2);
                senders.push(send);
                handles.push(scope.spawn(move || self.recheck_worker(receive)));
            }
            let mut read = ReadBack::default();
            let mut waiting: Vec<Vec<RecheckJob>> = (0..workers).map(|_| Vec::new()).collect();
            let records = store.scan(&["check"], since, &mut |row: ScanRow| {
                let Some(job) = read.job(row) else { return };
                // A question always goes to the same worker (by its end user), so each distinct
                // question is answered once, by one checker.
                let worker = job.shard(workers);
                waiting[worker].push(job);
                if waiting[worker].len() >= RECHECK_CHUNK {
                    // A worker that ended early has nothing more to say; the rows it would
                    // have answered are not lost silently: its join reports the panic.
                    let _ = senders[worker].send(std::mem::take(&mut waiting[worker]));
                }
            });
            for (send, jobs) in senders.iter().zip(&mut waiting) {
                if !jobs.is_empty() {
                    let _ = send.send(std::mem::take(jobs));
                }
            }
            drop(senders);
            let answered: Result<Vec<Answered>, EngineError> = handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .map_err(|_| EngineError::BadInput("a recheck thread failed".into()))
                })
                .collect();
            (records, read, answered)
        });
        let records = records.map_err(store_error)?;
        let mut questions = 0;
        let mut changed = Vec::new();
        let mut not_rechecked = read.not_rechecked;
        for a in answered? {
            questions += a.questions;
            changed.extend(a.changed);
            not_rechecked.extend(a.not_rechecked);
        }
        // In the trail's order, as one thread reading it would report them.
        changed.sort_by_key(|c| c.record);
        not_rechecked.sort_by_key(|n| n.record);
        Ok(RecheckReport {
            records,
            questions,
            since: since.map(str::to_string),
            rules_hash: self.data.content_hash.clone(),
            lists,
            ownership_graph: self.ownership_graph()?.map(|g| g.version.clone()),
            changed,
            not_rechecked,
        })
    }

    /// Answers again the recorded checks it is sent, each distinct question once.
    fn recheck_worker(&self, jobs: std::sync::mpsc::Receiver<Vec<RecheckJob>>) -> Answered {
        // The same question asked again (a batch repeats them) is answered once: by a batch
        // checker per scenario for checks without owners, else by the exact inputs and date.
        let mut asked: HashSet<String> = HashSet::new();
        let mut answers: HashMap<String, Result<Outcome, String>> = HashMap::new();
        let mut batchers: HashMap<
            Option<String>,
            (crate::BatchChecker<'_>, HashMap<usize, Outcome>),
        > = HashMap::new();
        let mut out = Answered::default();
        for job in jobs.iter().flatten() {
            let RecheckJob {
                seq,
                request,
                inputs,
                before,
            } = job;
            let (request, date) = match request {
                Ok(r) => r,
                Err(reason) => {
                    out.not_rechecked.push(NotRead {
                        record: seq,
                        reason,
                    });
                    continue;
                }
            };
            // The batch checker answers catalog chips; systems are asked one by one.
            let chip_only = matches!(request.item, Item::Catalog(_))
                && matches!(self.system_of(&request.item), Ok(None));
            let after = if request.ownership.is_none() && chip_only {
                // Without owners, the batch checker answers each question once per epoch and
                // screens each end user once, as `check --batch` does (and equals `check`).
                let scenario = request.scenario.clone();
                match batchers.entry(scenario.clone()) {
                    std::collections::hash_map::Entry::Vacant(v) => {
                        match self.batch(scenario.as_deref()) {
                            Ok(b) => Ok(v.insert((b, HashMap::new()))),
                            Err(e) => Err(e.to_string()),
                        }
                    }
                    std::collections::hash_map::Entry::Occupied(o) => Ok(o.into_mut()),
                }
                .and_then(|(checker, outcomes)| {
                    let checked = checker.check(&request).map_err(|e| e.to_string())?;
                    if let Some(o) = outcomes.get(&checked.id) {
                        return Ok(Outcome::clone(o));
                    }
                    let v = serde_json::to_value(checked.answer).map_err(|e| e.to_string())?;
                    let o = outcome(&v);
                    if outcomes.len() >= crate::ANSWER_WINDOW {
                        outcomes.clear();
                    }
                    outcomes.insert(checked.id, o.clone());
                    Ok(o)
                })
            } else {
                let key = format!("{}|{date}", strip_row(&inputs));
                if answers.len() >= crate::ANSWER_WINDOW && !answers.contains_key(&key) {
                    answers.clear();
                }
                asked.insert(key.clone());
                answers
                    .entry(key)
                    .or_insert_with(|| {
                        self.check(&request)
                            .map_err(|e| e.to_string())
                            .and_then(|a| serde_json::to_value(&a).map_err(|e| e.to_string()))
                            .map(|v| outcome(&v))
                    })
                    .clone()
            };
            match after {
                Err(reason) => out.not_rechecked.push(NotRead {
                    record: seq,
                    reason: format!("cannot be answered now: {reason}"),
                }),
                Ok(after) if after != *before => {
                    let sym = |a: &[String], b: &[String]| -> Vec<String> {
                        let mut d: Vec<String> = a
                            .iter()
                            .filter(|x| !b.contains(x))
                            .chain(b.iter().filter(|x| !a.contains(x)))
                            .cloned()
                            .collect();
                        d.sort();
                        d.dedup();
                        d
                    };
                    let mut decided_by = sym(&before.decided_by, &after.decided_by);
                    decided_by.extend(sym(&before.matches, &after.matches));
                    out.changed.push(Rechecked {
                        record: seq,
                        date: request.date,
                        before: Outcome::clone(&before),
                        after,
                        decided_by,
                    });
                }
                Ok(_) => {}
            }
        }
        out.questions = asked.len() + batchers.values().map(|(b, _)| b.questions()).sum::<usize>();
        out
    }
}

/// How many recorded checks go to a recheck worker at once (and at most two such chunks wait
/// for each worker): what bounds the rows held, whatever the trail's length.
const RECHECK_CHUNK: usize = 512;

/// A recorded check to answer again: its question (or why it cannot be read) and its outcome
/// as recorded.
struct RecheckJob {
    seq: u64,
    request: Result<(CheckRequest, jiff::civil::Date), String>,
    inputs: String,
    before: std::sync::Arc<Outcome>,
}

impl RecheckJob {
    /// Which of `workers` answers it: by end user, so that every question that could be the
    /// same (the same end user) meets the same checker and is counted once.
    fn shard(&self, workers: usize) -> usize {
        use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
        let end_user = self
            .request
            .as_ref()
            .ok()
            .and_then(|(r, _)| r.end_user.as_deref());
        let hash = BuildHasherDefault::<DefaultHasher>::default().hash_one(end_user);
        (hash % workers as u64) as usize
    }
}

/// What one recheck worker found.
#[derive(Default)]
struct Answered {
    questions: usize,
    changed: Vec<Rechecked>,
    not_rechecked: Vec<NotRead>,
}

/// A recorded answer's outcome (shared by the records with its body) and `date`.
type RecordedAnswer = (std::sync::Arc<Outcome>, Option<String>);

/// The reading side of a recheck: each recorded body's outcome and date, kept by body hash
/// (records of a batch share bodies, and the trail gives each body once).
#[derive(Default)]
struct ReadBack {
    bodies: HashMap<String, Result<RecordedAnswer, String>>,
    not_rechecked: Vec<NotRead>,
}

impl ReadBack {
    /// The job of one record, or `None` (with the reason kept) when its answer cannot be read.
    fn job(&mut self, row: ScanRow) -> Option<RecheckJob> {
        if let Some(body) = &row.body {
            let read = recorded_outcome(body).map(|(o, date)| (std::sync::Arc::new(o), date));
            self.bodies.insert(row.body_hash.clone(), read);
        }
        let (before, body_date) = match &self.bodies[&row.body_hash] {
            Ok(read) => read,
            Err(e) => {
                self.not_rechecked.push(NotRead {
                    record: row.seq,
                    reason: format!("its answer is not JSON: {e}"),
                });
                return None;
            }
        };
        let date = row
            .overlay
            .as_deref()
            .and_then(|o| serde_json::from_str::<Value>(o).ok())
            .and_then(|o| o.get("date").and_then(Value::as_str).map(str::to_string))
            .or_else(|| body_date.clone());
        let request = serde_json::from_str::<Value>(&row.inputs)
            .map_err(|e| format!("its inputs are not JSON: {e}"))
            .and_then(|i| {
                let date = date.ok_or("its answer has no date")?;
                request_of(&i, &date)
            });
        Some(RecheckJob {
            seq: row.seq,
            request,
            inputs: row.inputs,
            before: std::sync::Arc::clone(before),
        })
    }
}

/// The members of a recorded answer that [`outcome`] compares, read without building the
/// whole answer.
#[derive(serde::Deserialize)]
struct OutcomeMembers {
    #[serde(default)]
    eccn: Value,
    #[serde(default)]
    license_required: Value,
    #[serde(default)]
    prohibited: Value,
    #[serde(default)]
    license_exception: Value,
    #[serde(default)]
    review_policy: Value,
    #[serde(default)]
    end_user_matches: Value,
    #[serde(default)]
    owner_matches: Value,
    #[serde(default)]
    decided_by: Value,
    #[serde(default)]
    date: Value,
}

/// A recorded answer's outcome and `date`, as [`outcome`] reads them from the whole answer.
fn recorded_outcome(body: &str) -> Result<(Outcome, Option<String>), String> {
    let v = match serde_json::from_str::<OutcomeMembers>(body) {
        Ok(m) => serde_json::json!({
            "eccn": m.eccn,
            "license_required": m.license_required,
            "prohibited": m.prohibited,
            "license_exception": m.license_exception,
            "review_policy": m.review_policy,
            "end_user_matches": m.end_user_matches,
            "owner_matches": m.owner_matches,
            "decided_by": m.decided_by,
            "date": m.date,
        }),
        // Not an object of distinct members: read it whole, as before.
        Err(_) => serde_json::from_str::<Value>(body).map_err(|e| e.to_string())?,
    };
    let date = v.get("date").and_then(Value::as_str).map(str::to_string);
    Ok((outcome(&v), date))
}

/// The inputs without the batch row number, as the key of a question.
fn strip_row(inputs: &str) -> String {
    match serde_json::from_str::<Value>(inputs) {
        Ok(Value::Object(mut m)) => {
            m.remove("row");
            Value::Object(m).to_string()
        }
        _ => inputs.to_string(),
    }
}

/// The compared outcome of a check answer (recorded or new).
fn outcome(v: &Value) -> Outcome {
    let get = |k: &str| v.get(k).cloned().unwrap_or(Value::Null);
    let mut matches: Vec<String> = ["end_user_matches", "owner_matches"]
        .iter()
        .filter_map(|k| v.get(*k).and_then(Value::as_array))
        .flatten()
        .filter_map(|m| {
            Some(format!(
                "{}: {}",
                m.get("list")?.as_str()?,
                m.get("name")?.as_str()?
            ))
        })
        .collect();
    matches.sort();
    matches.dedup();
    let mut decided_by: Vec<String> = v
        .get("decided_by")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|d| d.as_str().map(str::to_string))
        .collect();
    decided_by.sort();
    Outcome {
        eccn: get("eccn"),
        license_required: get("license_required"),
        prohibited: get("prohibited"),
        license_exception: get("license_exception"),
        review_policy: get("review_policy"),
        matches,
        decided_by,
    }
}

/// A recorded check's inputs as a request on `date` (the date its answer was given for).
/// Typed inputs are the check question itself, asked again through the one path every front
/// end takes; older records are read by [`legacy_request_of`].
fn request_of(i: &Value, date: &str) -> Result<(CheckRequest, jiff::civil::Date), String> {
    if i.get("version").is_none() {
        return legacy_request_of(i, date);
    }
    let recorded: Recorded<CheckQuestion> = serde_json::from_value(i.clone())
        .map_err(|e| format!("its inputs are not a check question: {e}"))?;
    if recorded.question != "check" || recorded.version != earl_question::VERSION {
        return Err(format!(
            "its inputs are a `{}` question of version {}, not a check of version {}",
            recorded.question,
            recorded.version,
            earl_question::VERSION
        ));
    }
    if let Some(file) = recorded.ownership_file {
        return Err(format!(
            "its owners came from the file {file}, which the record does not hold"
        ));
    }
    let question = CheckQuestion {
        date: Some(date.to_string()),
        ..recorded.input
    };
    let request = crate::questions::check_request(&question, question.scenario.clone())
        .map_err(|e| e.to_string())?;
    let date = request.date;
    Ok((request, date))
}

/// The inputs of a check recorded before the questions were typed (CLI, batch row or API
/// body, each with its own keys) as a request on `date`.
fn legacy_request_of(i: &Value, date: &str) -> Result<(CheckRequest, jiff::civil::Date), String> {
    let s = |k: &str| i.get(k).and_then(Value::as_str).map(str::to_string);
    // As the check was asked: a catalog system, a system given by what it contains, or a
    // catalog name (a system's name first, so "HGX B200" is the board).
    let contains: Vec<String> = match i.get("contains") {
        Some(Value::Array(values)) => values
            .iter()
            .map(|v| v.as_str().map(str::to_string))
            .collect::<Option<_>>()
            .ok_or("its `contains` is not a list of CHIP=COUNT")?,
        _ => Vec::new(),
    };
    let item = match (s("system"), contains.is_empty(), s("chip")) {
        (Some(system), _, _) => Item::System(system),
        (None, false, _) => {
            Item::Contains(crate::parse_contains(&contains).map_err(|e| e.to_string())?)
        }
        (None, true, Some(chip)) => Item::Catalog(chip),
        (None, true, None) => {
            return Err(
                "a chip given by its figures, not by name: recheck answers catalog chips and systems only"
                    .into(),
            );
        }
    };
    if i.get("ownership_file").is_some_and(|f| !f.is_null()) {
        return Err(format!(
            "its owners came from the file {}, which the record does not hold",
            i["ownership_file"]
        ));
    }
    let date: jiff::civil::Date = date
        .parse()
        .map_err(|e| format!("its date `{date}` is not a date: {e}"))?;
    let end_user = s("end_user").filter(|e| !e.trim().is_empty());
    let ownership = match i.get("ownership") {
        Some(Value::Array(rows)) => Some(
            rows.iter()
                .map(|r| {
                    Ok(Stake {
                        owner: r
                            .get("owner")
                            .and_then(Value::as_str)
                            .ok_or("an ownership row has no owner")?
                            .to_string(),
                        owned: r
                            .get("owned")
                            .and_then(Value::as_str)
                            .map(str::to_string)
                            .or_else(|| end_user.clone())
                            .ok_or("an ownership row names no owned party")?,
                        percent: r
                            .get("percent")
                            .and_then(Value::as_f64)
                            .ok_or("an ownership row has no percentage")?,
                        origin: None,
                    })
                })
                .collect::<Result<Vec<_>, String>>()?,
        ),
        _ => None,
    };
    let quantity = match i.get("quantity") {
        Some(Value::Number(n)) => Some(n.as_u64().ok_or("its quantity is not a whole number")?),
        Some(Value::String(q)) if !q.trim().is_empty() => Some(
            q.trim()
                .parse()
                .map_err(|_| format!("its quantity `{q}` is not a whole number"))?,
        ),
        _ => None,
    };
    let empty_none = |o: Option<String>| o.filter(|v| !v.trim().is_empty());
    let made = made_of(i)?;
    Ok((
        CheckRequest {
            item,
            to: s("to").ok_or("the record names no destination")?,
            from: empty_none(s("from")),
            end_user,
            end_user_hq: empty_none(s("end_user_hq")),
            date,
            scenario: empty_none(s("scenario")),
            quantity,
            ownership,
            made,
        },
        date,
    ))
}

/// The production facts a recorded check stated (`made_in`, `us_content`, `us_tech`): a
/// fact the record does not hold was not stated, so it is asked again as not stated.
fn made_of(i: &Value) -> Result<crate::MadeInput, String> {
    let us_content = match i.get("us_content") {
        Some(Value::Number(n)) => Some(n.as_f64().ok_or("its us_content is not a number")?),
        Some(Value::String(v)) if !v.trim().is_empty() && v.trim() != "unknown" => Some(
            v.trim()
                .parse()
                .map_err(|_| format!("its us_content `{v}` is not a percent"))?,
        ),
        _ => None,
    };
    let yes_no = |key: &str| -> Result<Option<bool>, String> {
        Ok(match i.get(key) {
            Some(Value::Bool(b)) => Some(*b),
            Some(Value::String(v)) => match v.trim() {
                "yes" | "true" => Some(true),
                "no" | "false" => Some(false),
                "" | "unknown" => None,
                other => return Err(format!("its {key} `{other}` is not yes, no or unknown")),
            },
            _ => None,
        })
    };
    Ok(crate::MadeInput {
        made_in: i
            .get("made_in")
            .and_then(Value::as_str)
            .filter(|v| !v.trim().is_empty())
            .map(str::to_string),
        us_content,
        us_tech: yes_no("us_tech")?,
        us_available: yes_no("us_available")?,
    })
}

/// One recorded hit no disposition covers (`earl review queue`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueuedHit {
    /// The party name as recorded.
    pub party: String,
    pub list: String,
    /// The entry's primary name, id and content hash as recorded (the id and hash are null
    /// in records made before entries carried them: screen the party again to review it).
    pub entry: String,
    pub entry_id: Option<String>,
    pub entry_hash: Option<String>,
    pub matched_name: String,
    pub score: f64,
    /// When it was first recorded, and the records that carry it, oldest first.
    pub first_recorded: String,
    pub records: Vec<u64>,
    /// Why a disposition that covered it no longer holds, when one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<HitReview>,
}

/// `earl review queue`: the recorded hits no disposition covers, oldest first.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewQueue {
    /// Hits per list code.
    pub per_list: BTreeMap<String, usize>,
    pub hits: Vec<QueuedHit>,
    pub not_read: Vec<NotRead>,
}

impl Engine {
    /// The hits of the trail's checks and screens that no disposition covers, judged today
    /// and without a country (a disposition limited to a country covers only questions that
    /// name it). A hit whose disposition no longer holds (the entry changed, as recorded, or
    /// it expired) is queued again with why; confirmed and escalated hits are not queued.
    pub fn review_queue(&self, store: &AuditStore) -> Result<ReviewQueue, EngineError> {
        let reviews = self.reviews();
        let today = crate::today();
        let mut bodies: HashMap<String, Result<Value, String>> = HashMap::new();
        let mut queued: Vec<QueuedHit> = Vec::new();
        let mut index: HashMap<(String, String, String), usize> = HashMap::new();
        let mut not_read = Vec::new();
        store
            .scan(&["check", "screen"], None, &mut |row: ScanRow| {
                if let Some(body) = &row.body {
                    let parsed = serde_json::from_str::<MatchesOnly>(body)
                        .map(MatchesOnly::into_value)
                        .map_err(|e| e.to_string());
                    bodies.insert(row.body_hash.clone(), parsed);
                }
                let parties = match &bodies[&row.body_hash] {
                    Ok(outputs) => serde_json::from_str::<Value>(&row.inputs)
                        .map_err(|e| format!("its inputs are not JSON: {e}"))
                        .and_then(|inputs| parties_of(&row.kind, &inputs, outputs))
                        .and_then(|mut parties| {
                            add_set_aside(&row.kind, outputs, &mut parties).map(|()| parties)
                        }),
                    Err(e) => Err(format!("its answer is not JSON: {e}")),
                };
                let parties = match parties {
                    Ok(p) => p,
                    Err(reason) => {
                        not_read.push(NotRead {
                            record: row.seq,
                            reason,
                        });
                        return;
                    }
                };
                for (party, hits) in parties {
                    for h in hits {
                        let entry = (h.entry_id.as_str(), h.entry_hash.as_str());
                        let review = match reviews.judge(&party, None, entry, today) {
                            Judgement::Uncovered => None,
                            Judgement::Kept(review @ HitReview::Reraised { .. }) => Some(review),
                            Judgement::Kept(_) | Judgement::SetAside(_) => continue,
                        };
                        let key = (
                            earl_core::ownership::key(&party),
                            h.list.clone(),
                            h.entry.clone(),
                        );
                        match index.get(&key) {
                            Some(&i) => {
                                if queued[i].records.last() != Some(&row.seq) {
                                    queued[i].records.push(row.seq);
                                }
                            }
                            None => {
                                index.insert(key, queued.len());
                                let known = |s: &str| (!s.is_empty()).then(|| s.to_string());
                                queued.push(QueuedHit {
                                    party: party.clone(),
                                    list: h.list.clone(),
                                    entry: h.entry.clone(),
                                    entry_id: known(&h.entry_id),
                                    entry_hash: known(&h.entry_hash),
                                    matched_name: h.matched_name.clone(),
                                    score: h.score,
                                    first_recorded: row.recorded_at.clone(),
                                    records: vec![row.seq],
                                    review,
                                });
                            }
                        }
                    }
                }
            })
            .map_err(|e| EngineError::Lists(format!("audit trail: {e}")))?;
        let mut per_list = BTreeMap::new();
        for q in &queued {
            *per_list.entry(q.list.clone()).or_default() += 1;
        }
        Ok(ReviewQueue {
            per_list,
            hits: queued,
            not_read,
        })
    }
}
