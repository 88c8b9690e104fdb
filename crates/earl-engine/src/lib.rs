//! earl's questions asked end to end. The engine holds the loaded data (and, on first need, the
//! screening index), resolves the names a user types, builds the rules in force on the date asked,
//! and returns answers whose every step is cited. The CLI and the HTTP server are thin layers
//! over [`Engine`].

mod answers;
pub mod audit;
pub mod explore;
mod index_cache;
pub mod ledger;
pub mod questions;
pub mod reexamine;
mod screen;
mod systems;

pub use answers::*;
pub use screen::{ListEffect, MAX_NAME_CHARS, ScreenAnswer, ScreenMatch, ScreenRequest};
pub use systems::SystemRow;

use earl_core::check::{self, Determination, Made, PartyHit, Question};
use earl_core::chip::{Chip, CustomSpec};
use earl_core::cite::Confidence;
use earl_core::classify::{self, Classification};
use earl_core::countries::Country;
use earl_core::metrics::{MetricName, Metrics};
use earl_core::ownership::Stake;
use earl_core::rules::{Amendment, Evaluator, ReviewPolicy, Snapshot};
use earl_core::step::{Fact, Reason, Step};
use earl_core::tri::Tri;
use earl_data::Dataset;
use earl_screen::{LicensePolicy, Provenance, Query, Screener, ScreeningLists, TokenStats};
use jiff::civil::Date;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

/// Why a question could not be answered.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The question itself is wrong: an unknown chip or country, a bad date or figure.
    #[error("{0}")]
    BadInput(String),
    /// A data file is wrong.
    #[error("{0}")]
    Data(#[from] earl_data::DataError),
    /// The screening lists could not be loaded.
    #[error("{0}")]
    Lists(String),
    /// An answer could not be turned into its audit record.
    #[error("cannot record the answer: {0}")]
    Record(String),
    /// The audit trail could not be read or written (a full disk is one: see
    /// [`earl_store::StoreError::is_write_failure`]).
    #[error("{0}")]
    Audit(#[from] earl_store::StoreError),
}

/// A system given by what it contains: `CHIP=COUNT` values (`--contains H200=8`), as catalog
/// chip names and counts.
pub fn parse_contains(values: &[String]) -> Result<Vec<(String, u32)>, EngineError> {
    values
        .iter()
        .map(|s| {
            let (chip, n) = s.rsplit_once('=').ok_or_else(|| {
                EngineError::BadInput(format!(
                    "--contains `{s}`: expected CHIP=COUNT, e.g. H200=8"
                ))
            })?;
            let n: u32 = n.trim().parse().map_err(|_| {
                EngineError::BadInput(format!(
                    "--contains `{s}`: `{n}` is not a whole number of chips"
                ))
            })?;
            Ok((chip.trim().to_string(), n))
        })
        .collect()
}

/// Where the restricted-party lists come from.
#[derive(Debug, Clone, Default)]
pub enum ListsSource {
    #[default]
    Bundled,
    File(PathBuf),
    /// A list `earl update` fetched and verified: loaded only if its SHA-256 is still the one
    /// recorded at the update, and shown under `label` (where and when it was fetched).
    Stored {
        path: PathBuf,
        sha256: String,
        label: String,
    },
}

impl ListsSource {
    /// Loads the lists this source names.
    pub fn load(&self) -> Result<ScreeningLists, EngineError> {
        match self {
            ListsSource::Bundled => Ok(ScreeningLists::bundled()),
            ListsSource::File(p) => {
                ScreeningLists::from_path(p).map_err(|e| EngineError::Lists(e.to_string()))
            }
            ListsSource::Stored {
                path,
                sha256,
                label,
            } => {
                let mut lists = ScreeningLists::from_path(path)
                    .map_err(|e| EngineError::Lists(format!("the updated list: {e}")))?;
                if &lists.provenance.sha256 != sha256 {
                    return Err(EngineError::Lists(format!(
                        "{}: its SHA-256 is {}, not the {} `earl update` verified; run `earl update` again or pass --lists FILE",
                        path.display(),
                        lists.provenance.sha256,
                        sha256
                    )));
                }
                lists.provenance.source_file = label.clone();
                Ok(lists)
            }
        }
    }
}

/// Loaded screening lists: their provenance and their index (which holds the entries).
pub struct Screening {
    pub provenance: Provenance,
    pub screener: Screener,
    /// Every Federal Register citation of each listed entity, across all its rows: the CSL
    /// splits one entity into a row per address, and a row may cite only the notice that revised
    /// it, so the first listing is the oldest citation of any row (list and name as the key).
    entity_cites: HashMap<(String, String), String>,
    /// What every answer screened against these lists must say about them: lists that lost
    /// entries against the bundled snapshot, and the acceptance of lists missing the Entity
    /// List or the SDN list (see [`Engine::accept_partial_lists`]).
    pub warnings: Vec<String>,
}

/// The lists without which screening would clear the parties that matter most to the EAR.
const ESSENTIAL_LISTS: [(&str, &str); 2] = [("EL", "Entity List"), ("SDN", "SDN list")];

/// The warnings lists carry (their count drops against the bundled snapshot), or why they are
/// refused: a list file with no Entity List or no SDN rows is refused unless `accepted`.
fn list_warnings(provenance: &Provenance, accepted: bool) -> Result<Vec<String>, String> {
    let bundled = ScreeningLists::bundled_provenance();
    let mut warnings: Vec<String> =
        earl_screen::count_drop_warnings(&bundled.counts, &provenance.counts)
            .into_iter()
            .map(|w| {
                format!(
                    "{w} in {}, against the bundled lists",
                    provenance.source_file
                )
            })
            .collect();
    let missing: Vec<String> = ESSENTIAL_LISTS
        .iter()
        .filter(|(code, _)| provenance.counts.per_list.get(*code).copied().unwrap_or(0) == 0)
        .map(|(code, name)| format!("{name} ({code})"))
        .collect();
    if !missing.is_empty() {
        let missing = missing.join(" and the ");
        if !accepted {
            return Err(format!(
                "the screening lists in {} have no rows of the {missing}: screening against them would clear the parties listed there; use a complete list, or pass --accept-partial-lists (EARL_ACCEPT_PARTIAL_LISTS=1) to screen against them anyway",
                provenance.source_file
            ));
        }
        warnings.push(format!(
            "screened against lists with no rows of the {missing}, as accepted (--accept-partial-lists): a party listed only there is not found"
        ));
    }
    Ok(warnings)
}

impl Screening {
    fn new(provenance: Provenance, screener: Screener, warnings: Vec<String>) -> Screening {
        let mut entity_cites: HashMap<(String, String), String> = HashMap::new();
        for e in screener.entries() {
            if let Some(cell) = &e.federal_register_notice {
                let all = entity_cites
                    .entry(entity_key(e.list.as_str(), &e.name))
                    .or_default();
                if !all.is_empty() {
                    all.push_str("; ");
                }
                all.push_str(cell);
            }
        }
        Screening {
            provenance,
            screener,
            entity_cites,
            warnings,
        }
    }

    /// Every citation of the entities a match groups (each of its rows' names), so that the
    /// listing date is the oldest notice of any row.
    pub fn match_cites(&self, m: &earl_screen::Match) -> Option<String> {
        let mut names: Vec<&str> = std::iter::once(m.name.as_str())
            .chain(m.rows.iter().map(|r| r.name.as_str()))
            .collect();
        names.sort_unstable();
        names.dedup();
        let cites: Vec<&str> = names
            .into_iter()
            .filter_map(|name| self.entity_cites.get(&entity_key(m.list.as_str(), name)))
            .map(String::as_str)
            .collect();
        (!cites.is_empty()).then(|| cites.join("; "))
    }
}

fn entity_key(list: &str, name: &str) -> (String, String) {
    (
        list.to_string(),
        name.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
    )
}

/// The engine: data plus a lazily built screening index.
pub struct Engine {
    pub data: Dataset,
    lists_source: ListsSource,
    /// BIS documents published after the rules' `as_of` (from `earl update`): every answer
    /// dated after `as_of` lists them as documents that may change it.
    newer_documents: Vec<earl_core::step::DocumentRef>,
    screening: OnceLock<Result<Screening, String>>,
    token_stats: OnceLock<Result<(Provenance, TokenStats), String>>,
    /// Whether lists missing the Entity List or the SDN list may be screened against.
    partial_lists_accepted: bool,
    /// Where built screening indexes are kept between processes (`None`: nowhere).
    index_dir: Option<PathBuf>,
    /// The per-list counts of the lists the previous run loaded (`None`: not kept).
    list_state: Option<PathBuf>,
    count_drops: OnceLock<Vec<String>>,
    snapshots: Mutex<HashMap<SnapshotKey, Arc<Snapshot>>>,
}

/// A snapshot is fixed by its date and the id of the scenario laid over it.
type SnapshotKey = (Date, Option<String>);

/// How many rule snapshots the engine keeps.
pub const SNAPSHOT_CACHE: usize = 4096;

/// Today's date in UTC, the default date of every question.
pub fn today() -> Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
}

/// Parses a date written exactly `YYYY-MM-DD`, with an error that says what was wrong. Every
/// front end's dates pass here, so the CLI, a batch row (its cells trimmed) and the API take
/// the same dates.
pub fn parse_date(s: &str) -> Result<Date, EngineError> {
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, c)| match i {
            4 | 7 => c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shaped {
        return Err(EngineError::BadInput(format!(
            "invalid date `{}`: expected YYYY-MM-DD",
            earl_core::shown::shown(s)
        )));
    }
    s.parse::<Date>().map_err(|e| {
        EngineError::BadInput(format!(
            "invalid date `{}`: expected YYYY-MM-DD ({e})",
            earl_core::shown::shown(s)
        ))
    })
}

impl Engine {
    pub fn new(data: Dataset, lists_source: ListsSource) -> Engine {
        Engine {
            data,
            lists_source,
            newer_documents: Vec::new(),
            screening: OnceLock::new(),
            token_stats: OnceLock::new(),
            partial_lists_accepted: false,
            index_dir: index_cache::default_dir(),
            list_state: None,
            count_drops: OnceLock::new(),
            snapshots: Mutex::new(HashMap::new()),
        }
    }

    /// The screening lists and index, loaded on first use (classification never pays for it).
    pub fn screening(&self) -> Result<&Screening, EngineError> {
        self.screening
            .get_or_init(|| {
                let (provenance, screener) =
                    index_cache::load(&self.lists_source, self.index_dir.as_deref())?;
                let warnings = list_warnings(&provenance, self.partial_lists_accepted)?;
                Ok(Screening::new(provenance, screener, warnings))
            })
            .as_ref()
            .map_err(|e| EngineError::Lists(e.clone()))
    }

    /// The lists' token statistics (what weighs a name comparison): the index's when it is
    /// loaded, else their own small cache file (see [`index_cache`]).
    pub fn token_stats(&self) -> Result<(&Provenance, &TokenStats), EngineError> {
        if let Some(Ok(s)) = self.screening.get() {
            return Ok((&s.provenance, s.screener.stats()));
        }
        self.token_stats
            .get_or_init(|| index_cache::load_stats(&self.lists_source, self.index_dir.as_deref()))
            .as_ref()
            .map(|(p, s)| (p, s))
            .map_err(|e| EngineError::Lists(e.clone()))
    }

    /// Provenance of the screening lists, without building the screening index when it is not
    /// built yet (`earl about`, `earl lists`).
    pub fn list_provenance(&self) -> Result<earl_screen::Provenance, EngineError> {
        if let Some(Ok(s)) = self.screening.get() {
            return Ok(s.provenance.clone());
        }
        match &self.lists_source {
            ListsSource::Bundled => Ok(ScreeningLists::bundled_provenance()),
            other => Ok(other.load()?.provenance),
        }
    }

    /// Keeps the per-list counts of the lists in use in `path`, and compares the next run's
    /// with them ([`Engine::count_drop_warnings`]).
    pub fn with_list_state(mut self, path: Option<PathBuf>) -> Engine {
        self.list_state = path;
        self
    }

    /// Lists that lost a sharp share of their entries since the previous run (a truncated
    /// download used in place of a whole one), said on every screening. The counts of a load
    /// without such drops become the next run's reference.
    pub fn count_drop_warnings(&self) -> Result<&[String], EngineError> {
        if let Some(w) = self.count_drops.get() {
            return Ok(w);
        }
        let warnings = match &self.list_state {
            None => Vec::new(),
            Some(state) => {
                let counts = self.list_provenance()?.counts;
                let previous: Option<earl_screen::ListCounts> = std::fs::read(state)
                    .ok()
                    .and_then(|b| serde_json::from_slice(&b).ok());
                let warnings = previous
                    .map(|prev| earl_screen::count_drop_warnings(&prev, &counts))
                    .unwrap_or_default();
                if warnings.is_empty()
                    && state
                        .parent()
                        .is_some_and(|d| std::fs::create_dir_all(d).is_ok())
                    && let Ok(bytes) = serde_json::to_vec(&counts)
                {
                    // A cache of the last good counts: a failed write only loses the comparison.
                    let _ = std::fs::write(state, bytes);
                }
                warnings
            }
        };
        Ok(self.count_drops.get_or_init(|| warnings))
    }

    /// Screens against lists that have no Entity List or no SDN rows (refused otherwise); each
    /// answer screened against them says so.
    pub fn accept_partial_lists(mut self, accepted: bool) -> Engine {
        self.partial_lists_accepted = accepted;
        self
    }

    /// Keeps built screening indexes in `dir` (the data directory's `index`), or nowhere.
    pub fn with_index_dir(mut self, dir: Option<PathBuf>) -> Engine {
        self.index_dir = dir;
        self
    }

    /// Sets the BIS documents published after the rules' `as_of` (those dated after it are
    /// kept): answers dated after `as_of` and `earl about` list them.
    pub fn with_newer_documents(mut self, documents: Vec<earl_core::step::DocumentRef>) -> Engine {
        let as_of = self.data.rules.meta.as_of;
        self.newer_documents = documents
            .into_iter()
            .filter(|d| d.publication_date > as_of)
            .collect();
        self
    }

    /// The BIS documents published after the rules' `as_of` that earl knows of.
    pub fn newer_documents(&self) -> &[earl_core::step::DocumentRef] {
        &self.newer_documents
    }

    /// Resolves a scenario id.
    pub fn scenario(&self, id: Option<&str>) -> Result<Option<&Amendment>, EngineError> {
        match id {
            None => Ok(None),
            Some(id) => self.data.rules.scenario(id).map(Some).ok_or_else(|| {
                EngineError::BadInput(format!(
                    "unknown scenario `{}` (known: {}; or give a scenario file)",
                    earl_core::shown::shown(id),
                    self.scenario_ids()
                ))
            }),
        }
    }

    /// The ids of every scenario, for messages that list them.
    pub fn scenario_ids(&self) -> String {
        let ids: Vec<&str> = self
            .data
            .rules
            .scenarios
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        ids.join(", ")
    }

    /// Every scenario, as `earl scenarios` and `GET /v1/scenarios` list them.
    pub fn scenario_rows(&self) -> Vec<ScenarioRow<'_>> {
        self.data
            .rules
            .scenarios
            .iter()
            .map(ScenarioRow::new)
            .collect()
    }

    /// The vintage of every dataset, as `earl about` shows it. Reads the lists' provenance
    /// without building the screening index.
    pub fn about(&self) -> Result<AboutAnswer, EngineError> {
        let d = &self.data;
        let newest_rule = d
            .rules
            .timeline
            .iter()
            .filter_map(|x| x.effective.map(|e| (e, x)))
            .max_by_key(|(e, _)| *e)
            .map(|(effective, x)| NewestRule {
                id: x.id.clone(),
                effective,
                title: x.title.clone(),
            });
        Ok(AboutAnswer {
            earl_version: env!("CARGO_PKG_VERSION"),
            rules: AboutRules {
                as_of: d.rules.meta.as_of,
                source_document: d.rules.meta.source_document.clone(),
                newest_rule,
                rule_versions: d.rules.timeline.len(),
                scenarios: d.rules.scenarios.len(),
            },
            chips: AboutChips {
                as_of: d.catalog.meta.as_of.clone(),
                count: d.catalog.chips.len(),
                source_document: d.catalog.meta.source_document.clone(),
            },
            country_groups: AboutGroups {
                ecfr_issue: d.groups.base_issue,
                source: d.groups.base_source.clone(),
                dated_changes: d.groups.changes.len(),
            },
            listing_documents: d.list_notices.len(),
            newer_documents: self.newer_documents.clone(),
            screening_lists: self.list_provenance()?,
            files: d.files.clone(),
            content_hash: d.content_hash.clone(),
        })
    }

    /// The catalog with each chip's computed metrics, as `earl chips` and `GET /v1/chips` show it.
    pub fn chip_rows(&self) -> Vec<ChipRow<'_>> {
        self.data.catalog.chips.iter().map(ChipRow::new).collect()
    }

    /// The rules in force on `date` with `scenario` laid over them. Snapshots are kept (up to
    /// [`SNAPSHOT_CACHE`] of them) because most questions ask about the same few dates.
    pub fn snapshot(&self, date: Date, scenario: Option<&Amendment>) -> Arc<Snapshot> {
        let key = (date, scenario.map(|s| s.id.clone()));
        let mut cache = self
            .snapshots
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(s) = cache.get(&key) {
            return Arc::clone(s);
        }
        if cache.len() >= SNAPSHOT_CACHE {
            cache.clear();
        }
        let snap = Arc::new(self.data.rules.snapshot(date, scenario));
        cache.insert(key, Arc::clone(&snap));
        snap
    }

    pub fn chip(&self, name: &str) -> Result<&Chip, EngineError> {
        self.data
            .catalog
            .resolve(name)
            .map_err(|e| EngineError::BadInput(e.to_string()))
    }

    /// Finds a country by ISO code, name or alias.
    pub fn country(&self, name: &str) -> Result<&Country, EngineError> {
        self.data
            .countries
            .resolve(name)
            .map_err(|e| EngineError::BadInput(e.to_string()))
    }

    fn evaluator<'a>(&'a self, snap: &'a Snapshot) -> Evaluator<'a> {
        Evaluator {
            groups: &self.data.groups,
            own_groups: &snap.entries.group,
        }
    }

    /// Steps every answer carries about how current the data is for `date`.
    fn currency_notices(&self, date: Date) -> Vec<Step> {
        let meta = &self.data.rules.meta;
        if date <= meta.as_of {
            return Vec::new();
        }
        let published: Vec<_> = self
            .newer_documents
            .iter()
            .filter(|d| d.publication_date <= date)
            .cloned()
            .collect();
        if !published.is_empty() {
            return vec![Step::sourced(
                Reason::NewerDocuments {
                    as_of: meta.as_of,
                    source: meta.source_document.clone(),
                    documents: published,
                },
                "Federal Register documents API (federalregister.gov/api/v1), BIS documents affecting 15 CFR parts 734, 740, 742, 744, 746 and 774",
                Confidence::VerifiedPrimary,
            )];
        }
        vec![Step::computed(
            Reason::RulesVintage {
                as_of: meta.as_of,
                source: meta.source_document.clone(),
            },
            format!("rules data as of {} ({})", meta.as_of, meta.source_document),
        )]
    }

    /// Classifies a catalog chip or a user's specification on `date` under the rules (and
    /// optional scenario) then in force.
    pub fn classify(
        &self,
        item: &Item,
        date: Date,
        scenario: Option<&str>,
    ) -> Result<ClassifyAnswer, EngineError> {
        let scenario = self.scenario(scenario)?;
        let snap = self.snapshot(date, scenario);
        if let Some(sys) = self.system_of(item)? {
            return Ok(self.classify_system(&snap, &sys, self.currency_notices(date)));
        }
        let (chip, metrics) = self.measure(item)?;
        let classification = classify::classify(&snap, &metrics, &self.evaluator(&snap));
        Ok(ClassifyAnswer::new(
            chip,
            &metrics,
            &classification,
            &snap,
            self.currency_notices(date),
        ))
    }

    fn measure<'a>(&'a self, item: &Item) -> Result<(Option<&'a Chip>, Metrics), EngineError> {
        match item {
            Item::Catalog(name) => {
                let chip = self.chip(name)?;
                Ok((Some(chip), Metrics::of_chip(chip)))
            }
            Item::Spec(spec) => {
                validate_spec(spec)?;
                Ok((None, Metrics::of_spec(spec)))
            }
            Item::System(_) | Item::Contains(_) => Err(EngineError::BadInput(
                "a system is not a chip: ask about it as a system".into(),
            )),
        }
    }

    /// Screens a party name for `check`: matches at or above the screening threshold, each with
    /// when its entry was listed.
    fn screen_party(&self, name: &str, what: &str) -> Result<Vec<PartyHit>, EngineError> {
        screen::screenable(name, &format!("the {what} name"))?;
        let screening = self.screening()?;
        let result = screening.screener.screen(&Query::new(name));
        Ok(result
            .matches
            .iter()
            .filter(|m| !m.below_threshold)
            .map(|m| PartyHit {
                list: m.list.as_str().to_string(),
                name: m.name.clone(),
                matched_name: m.matched_name.clone(),
                entity_number: m.entity_number.clone(),
                score: m.score,
                license_requirement: m.license_requirement.clone(),
                policy: m.license_policy_normalized.map(review_policy),
                raw_policy: m.license_policy.clone(),
                party: name.to_string(),
                listed: self
                    .data
                    .list_notices
                    .listed(screening.match_cites(m).as_deref()),
            })
            .collect())
    }

    /// The provenance and warnings of the lists a check screened against; none when it
    /// screened no party.
    fn check_lists(
        &self,
        screened: bool,
    ) -> Result<(Option<Provenance>, Vec<String>), EngineError> {
        if !screened {
            return Ok((None, Vec::new()));
        }
        let screening = self.screening()?;
        Ok((
            Some(screening.provenance.clone()),
            screening.warnings.clone(),
        ))
    }

    /// Screens every owner named in `stakes` (each name once).
    fn screen_owners(&self, stakes: &[Stake]) -> Result<Vec<PartyHit>, EngineError> {
        let mut seen = std::collections::HashSet::new();
        let mut hits = Vec::new();
        for s in stakes {
            if seen.insert(earl_core::ownership::key(&s.owner)) {
                hits.extend(self.screen_party(&s.owner, "owner")?);
            }
        }
        Ok(hits)
    }

    /// Determines the licence requirement for one shipment.
    pub fn check(&self, req: &CheckRequest) -> Result<CheckAnswer, EngineError> {
        let scenario = self.scenario(req.scenario.as_deref())?;
        let snap = self.snapshot(req.date, scenario);
        if let Some(sys) = self.system_of(&req.item)? {
            return self.check_system(req, &snap, &sys);
        }
        let (chip, metrics) = self.measure(&req.item)?;
        let classification = classify::classify(&snap, &metrics, &self.evaluator(&snap));
        let parties = self.parties(req)?;
        let determination =
            self.determine(&snap, chip, &metrics, &classification, req, &parties, false)?;
        let (lists, list_warnings) = self.check_lists(parties.screened)?;
        Ok(CheckAnswer {
            determination,
            end_user: req.end_user.clone(),
            lists,
            list_warnings,
        })
    }

    /// Screens the end user and every owner of a request.
    fn parties(&self, req: &CheckRequest) -> Result<Parties, EngineError> {
        let stakes = match &req.ownership {
            Some(stakes) => {
                validate_stakes(stakes, req.end_user.as_deref())?;
                // Only the chains above the end user can restrict it: the rest of a large
                // ownership file is neither screened nor walked.
                let end_user = req.end_user.as_deref().unwrap_or_default();
                let above: Vec<Stake> = earl_core::ownership::above(end_user, stakes)
                    .into_iter()
                    .cloned()
                    .collect();
                // Holdings that never name the end user as owned say nothing of its owners
                // (an ownership file about other parties): its ownership is unknown, not
                // "no owners" — a silent clear. An empty list given as such is a statement.
                if above.is_empty() && !stakes.is_empty() {
                    None
                } else {
                    Some(above)
                }
            }
            None => None,
        };
        let end_user = match req.end_user.as_deref() {
            Some(name) => self.screen_party(name, "end user")?,
            None => Vec::new(),
        };
        let owners = match &stakes {
            Some(s) => self.screen_owners(s)?,
            None => Vec::new(),
        };
        Ok(Parties {
            screened: req.end_user.is_some(),
            end_user,
            stakes,
            owners,
        })
    }

    /// The determination for a measured and classified item; shared by single and batch checks
    /// and by each chip of a system (`system`).
    #[allow(clippy::too_many_arguments)]
    fn determine(
        &self,
        snap: &Snapshot,
        chip: Option<&Chip>,
        metrics: &Metrics,
        classification: &Classification,
        req: &CheckRequest,
        parties: &Parties,
        system: bool,
    ) -> Result<Determination, EngineError> {
        let destination = self.country(&req.to)?;
        let from = self.country(req.from.as_deref().unwrap_or("US"))?;
        let hq = req
            .end_user_hq
            .as_deref()
            .map(|h| self.country(h))
            .transpose()?;
        let frontier = self.data.catalog.frontier_tpp(req.date.year());
        let name = chip.map_or_else(
            || "custom specification".to_string(),
            |c| format!("{} {}", c.vendor, c.name),
        );
        let made = self.made(chip, &req.made, system)?;
        let q = Question {
            made: &made,
            chip_id: chip.map(|c| c.id.as_str()),
            chip_name: &name,
            vendor: chip.map(|c| c.vendor.as_str()),
            metrics,
            classification,
            destination,
            from: &from.code,
            hq,
            date: req.date,
            quantity: req.quantity,
            frontier_tpp: frontier,
            end_user: req.end_user.as_deref(),
            party_hits: &parties.end_user,
            stakes: parties.stakes.as_deref(),
            owner_hits: &parties.owners,
            system,
        };
        let mut determination = check::check(snap, &q, &self.evaluator(snap));
        if req.end_user.is_none() {
            determination.not_checked.push(Step::sourced(
                Reason::NoEndUser,
                "15 CFR 744.11 and Supp. No. 4 to Part 744 (Entity List); the CSL bundles the US lists",
                Confidence::VerifiedSecondary,
            ));
        }
        determination
            .notices
            .extend(self.currency_notices(req.date));
        Ok(determination)
    }

    /// The production facts of a question: the user's, else the catalog's, else unknown. For a
    /// system the catalog's fab country is the contained chip's, not where the system was
    /// built, so it is not used: that stays unknown unless the user gives it.
    fn made(
        &self,
        chip: Option<&Chip>,
        input: &MadeInput,
        system: bool,
    ) -> Result<Made, EngineError> {
        fn stated<T>(value: T) -> Fact<T> {
            Fact {
                value: Some(value),
                source: "user input".into(),
                unverified: false,
            }
        }
        fn catalog<T>(p: &earl_core::chip::Production, value: T) -> Fact<T> {
            Fact {
                value: Some(value),
                source: p.source.clone(),
                unverified: p.unverified,
            }
        }
        let production = chip.and_then(|c| c.production.as_ref());
        let made_in = match &input.made_in {
            Some(place) => stated(vec![self.country(place)?.code.clone()]),
            None => match production {
                Some(p) if !system && !p.fab_countries.is_empty() => {
                    catalog(p, p.fab_countries.clone())
                }
                _ => Fact::unknown(),
            },
        };
        let us_content = match input.us_content {
            Some(pct) if (0.0..=100.0).contains(&pct) => stated(pct),
            Some(pct) => {
                return Err(EngineError::BadInput(format!(
                    "US content {pct}: give the controlled US-origin content as a percent of the item's value, 0 to 100"
                )));
            }
            None => Fact::unknown(),
        };
        let us_tech = match (input.us_tech, production) {
            (Some(b), _) => stated(b),
            (None, Some(p)) => p.us_tech.map_or_else(Fact::unknown, |b| catalog(p, b)),
            (None, None) => Fact::unknown(),
        };
        let us_available = input
            .us_available
            .or_else(|| production.and_then(|p| p.us_available))
            .map_or(Tri::Unknown, Tri::from);
        Ok(Made {
            made_in,
            us_content,
            us_tech,
            us_available,
        })
    }

    /// A checker for many shipments that answers each distinct question once. A determination
    /// depends on the date only through the rules and Country Groups in force, which change on
    /// known dates; between two such dates ("an epoch") the same shipment gets the same answer.
    pub fn batch(&self, scenario: Option<&str>) -> Result<BatchChecker<'_>, EngineError> {
        let scenario = self.scenario(scenario)?;
        let mut breaks: Vec<Date> = Vec::new();
        for a in self.data.rules.timeline.iter().chain(scenario) {
            breaks.extend(a.effective);
            breaks.extend(a.until);
        }
        for c in &self.data.groups.changes {
            breaks.push(c.effective);
            breaks.extend(c.not_before);
        }
        breaks.extend(
            self.data
                .countries
                .list
                .iter()
                .filter_map(|c| c.treated_as.as_ref().map(|t| t.from)),
        );
        breaks.extend(self.data.rules.meta.as_of.tomorrow().ok());
        // Each newer BIS document joins the answers' notices from its publication date.
        breaks.extend(self.newer_documents.iter().map(|d| d.publication_date));
        // A listing changes answers from its notice's effective date.
        breaks.extend(self.data.list_notices.dates());
        breaks.sort();
        breaks.dedup();
        let by_quantity = self
            .data
            .rules
            .timeline
            .iter()
            .chain(scenario)
            .any(|a| a.add.mention(MetricName::ShipmentTpp));
        Ok(BatchChecker {
            engine: self,
            scenario,
            breaks,
            by_quantity,
            snapshots: HashMap::new(),
            measured: HashMap::new(),
            chip_names: Interner::default(),
            country_names: Interner::default(),
            party_names: Interner::default(),
            parties: HashMap::new(),
            answers: HashMap::new(),
            answered: Vec::new(),
        })
    }
}

/// See [`Engine::batch`].
pub struct BatchChecker<'a> {
    engine: &'a Engine,
    scenario: Option<&'a Amendment>,
    /// Dates on which any rule, group membership or treatment changes, sorted.
    breaks: Vec<Date>,
    /// Whether any rule looks at the shipment's quantity; if none does, quantity is not a key.
    by_quantity: bool,
    snapshots: HashMap<usize, Arc<Snapshot>>,
    measured: HashMap<(usize, usize), (&'a Chip, Metrics, Classification)>,
    chip_names: Interner,
    country_names: Interner,
    party_names: Interner,
    parties: HashMap<String, Parties>,
    /// Each distinct question's index in `answered`.
    answers: HashMap<AnswerKey, usize>,
    answered: Vec<CheckAnswer>,
}

/// One batch row's answer: shared by every row asking the same question in the same epoch.
pub struct Checked<'b> {
    /// Which distinct answer of the batch this is (0, 1, 2, ... in the order first met), so a
    /// caller can prepare what it derives from an answer once per answer.
    pub id: usize,
    /// Its `date` is the first date asked in the epoch: report the row's own date.
    pub answer: &'b CheckAnswer,
}

/// Everything a determination depends on, with the date reduced to its epoch and names to
/// small indices, so that a repeated question costs one hash lookup.
#[derive(PartialEq, Eq, Hash, Clone, Copy)]
struct AnswerKey {
    chip: usize,
    epoch: usize,
    year: i16,
    to: usize,
    from: Option<usize>,
    hq: Option<usize>,
    end_user: Option<usize>,
    quantity: Option<u64>,
    made_in: Option<usize>,
    /// The US content's bits (a percent is compared exactly).
    us_content: Option<u64>,
    us_tech: Option<bool>,
    us_available: Option<bool>,
}

/// The parties of a request, screened.
struct Parties {
    /// Whether an end user was named (so the lists were consulted).
    screened: bool,
    end_user: Vec<PartyHit>,
    stakes: Option<Vec<Stake>>,
    owners: Vec<PartyHit>,
}

/// Checks a request's ownership: every share in (0, 100], no party owned more than 100% in all,
/// no name empty, and the end user named when owners are given.
fn validate_stakes(stakes: &[Stake], end_user: Option<&str>) -> Result<(), EngineError> {
    if end_user.is_none() {
        return Err(EngineError::BadInput(
            "ownership was given without an end user: name the end user whose owners these are"
                .into(),
        ));
    }
    let mut totals: HashMap<String, f64> = HashMap::new();
    for (i, s) in stakes.iter().enumerate() {
        let n = i + 1;
        if s.owner.trim().is_empty() || s.owned.trim().is_empty() {
            return Err(EngineError::BadInput(format!(
                "ownership row {n}: the owner and the owned party must both be named"
            )));
        }
        if !(s.percent.is_finite() && s.percent > 0.0 && s.percent <= 100.0) {
            return Err(EngineError::BadInput(format!(
                "ownership row {n} ({} owns {}): the share must be more than 0 and at most 100 percent, got {}",
                s.owner, s.owned, s.percent
            )));
        }
        let total = totals
            .entry(earl_core::ownership::key(&s.owned))
            .or_default();
        *total += s.percent;
        if *total > 100.0 + 1e-9 {
            return Err(EngineError::BadInput(format!(
                "ownership: the shares in {} add up to more than 100 percent ({})",
                s.owned, total
            )));
        }
    }
    Ok(())
}

/// Interns names as they are met: the index of a name already seen costs no allocation.
#[derive(Default)]
struct Interner(HashMap<String, usize>);

impl Interner {
    fn get(
        &mut self,
        name: &str,
        resolve: impl FnOnce(&str) -> Result<usize, EngineError>,
    ) -> Result<usize, EngineError> {
        if let Some(&i) = self.0.get(name) {
            return Ok(i);
        }
        let i = resolve(name)?;
        self.0.insert(name.to_string(), i);
        Ok(i)
    }
}

impl BatchChecker<'_> {
    /// Checks one shipment of the catalog chip named `chip`. The answer is shared by every
    /// shipment with the same inputs in the same epoch, so its `date` is the first date asked
    /// in that epoch: report the row's own date. Every row of one batch must carry the same
    /// `ownership` (the batch's ownership file): parties are screened once per end user.
    pub fn check(&mut self, req: &CheckRequest) -> Result<Checked<'_>, EngineError> {
        let engine = self.engine;
        let Item::Catalog(chip) = &req.item else {
            return Err(EngineError::BadInput(
                "a batch row names a catalog chip; give a specification to `check` instead".into(),
            ));
        };
        let epoch = self.breaks.partition_point(|b| *b <= req.date);
        let catalog = &engine.data.catalog;
        let countries = &engine.data.countries;
        let chip_index = self.chip_names.get(chip, |n| {
            let id = &engine.chip(n)?.id;
            Ok(catalog
                .chips
                .iter()
                .position(|c| &c.id == id)
                .expect("resolved chips are in the catalog"))
        })?;
        let mut country = |s: &str| {
            self.country_names.get(s, |n| {
                let code = &engine.country(n)?.code;
                Ok(countries
                    .list
                    .iter()
                    .position(|c| &c.code == code)
                    .expect("resolved countries are listed"))
            })
        };
        let to = country(&req.to)?;
        let from = req.from.as_deref().map(&mut country).transpose()?;
        let hq = req.end_user_hq.as_deref().map(&mut country).transpose()?;
        let made_in = req.made.made_in.as_deref().map(&mut country).transpose()?;
        let end_user = match req.end_user.as_deref() {
            Some(name) => {
                let next = self.party_names.0.len();
                Some(self.party_names.get(name, |_| Ok(next))?)
            }
            None => None,
        };
        let key = AnswerKey {
            chip: chip_index,
            epoch,
            year: req.date.year(),
            to,
            from,
            hq,
            end_user,
            quantity: req.quantity.filter(|_| self.by_quantity),
            made_in,
            us_content: req.made.us_content.map(f64::to_bits),
            us_tech: req.made.us_tech,
            us_available: req.made.us_available,
        };
        if let Some(&id) = self.answers.get(&key) {
            return Ok(Checked {
                id,
                answer: &self.answered[id],
            });
        }
        let scenario = self.scenario;
        let snap = self
            .snapshots
            .entry(epoch)
            .or_insert_with(|| engine.snapshot(req.date, scenario));
        let measured = match self.measured.entry((chip_index, epoch)) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => {
                let c = engine.chip(chip)?;
                let metrics = Metrics::of_chip(c);
                let classification = classify::classify(snap, &metrics, &engine.evaluator(snap));
                v.insert((c, metrics, classification))
            }
        };
        let (c, metrics, classification) = &*measured;
        // Parties depend only on the end user's name: a batch's ownership is the same for every
        // row (see `BatchChecker::check`).
        let parties = match self.parties.entry(req.end_user.clone().unwrap_or_default()) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => v.insert(engine.parties(req)?),
        };
        let determination =
            engine.determine(snap, Some(c), metrics, classification, req, parties, false)?;
        let (lists, list_warnings) = engine.check_lists(parties.screened)?;
        let id = self.answered.len();
        self.answered.push(CheckAnswer {
            determination,
            end_user: req.end_user.clone(),
            lists,
            list_warnings,
        });
        self.answers.insert(key, id);
        Ok(Checked {
            id,
            answer: &self.answered[id],
        })
    }
}

fn review_policy(p: LicensePolicy) -> ReviewPolicy {
    match p {
        LicensePolicy::PolicyOfDenial => ReviewPolicy::PolicyOfDenial,
        LicensePolicy::PresumptionOfDenial => ReviewPolicy::PresumptionOfDenial,
        LicensePolicy::CaseByCase => ReviewPolicy::CaseByCase,
        LicensePolicy::PresumptionOfApproval => ReviewPolicy::PresumptionOfApproval,
    }
}

fn validate_spec(spec: &CustomSpec) -> Result<(), EngineError> {
    use earl_core::bounds::{self, Bound};
    let check = |what: &str, v: Option<f64>, bound: Bound| match v {
        Some(v) => bound
            .check(v)
            .map_err(|m| EngineError::BadInput(format!("{what}: {m}"))),
        None => Ok(()),
    };
    check("--tpp", spec.tpp, bounds::TPP)?;
    check("--die-area", spec.die_area_mm2, bounds::DIE_AREA_MM2)?;
    check("--pd", spec.pd, bounds::PD)?;
    check(
        "--memory-bandwidth",
        spec.memory_bandwidth_gbps,
        bounds::MEMORY_BANDWIDTH_GBPS,
    )?;
    check(
        "--package-area",
        spec.package_area_mm2,
        bounds::PACKAGE_AREA_MM2,
    )?;
    check(
        "--chip-to-chip",
        spec.chip_to_chip_gbps,
        bounds::CHIP_TO_CHIP_GBPS,
    )?;
    for (p, tops) in &spec.throughput {
        check(&format!("--throughput {p}"), Some(*tops), bounds::TOPS)?;
    }
    if spec.pd.is_some() && spec.die_area_mm2.is_some() {
        return Err(EngineError::BadInput(
            "give either --die-area or --pd, not both".into(),
        ));
    }
    if spec.tpp.is_some() && !spec.throughput.is_empty() {
        return Err(EngineError::BadInput(
            "give either --tpp or --throughput, not both".into(),
        ));
    }
    if spec.kind == earl_core::chip::ChipKind::Accelerator
        && spec.tpp.is_none()
        && spec.throughput.is_empty()
    {
        return Err(EngineError::BadInput(
            "a custom chip needs --tpp or at least one --throughput PRECISION=TOPS".into(),
        ));
    }
    Ok(())
}
