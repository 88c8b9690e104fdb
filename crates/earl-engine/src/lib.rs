//! earl's questions asked end to end. The engine holds the loaded data (and, on first need, the
//! screening index), resolves the names a user types, builds the rules in force on the date asked,
//! and returns answers whose every step is cited. The CLI and the HTTP server are thin layers
//! over [`Engine`].
//!
//! Here: the engine, classification and one check. Beside it: `questions` (a typed question →
//! a request), `lists` (the lists in use and their index), `parties` (the end user and owners
//! screened), `batch` (many checks, each distinct question once per epoch), `dates`,
//! `systems`, `explore`, `ledger`, `reexamine`, `audit` (the one constructor of records).

mod answers;
pub mod audit;
mod batch;
mod dates;
pub mod explore;
mod index_cache;
pub mod ledger;
mod lists;
pub mod owners;
mod parties;
pub mod questions;
pub mod reexamine;
pub mod review;
mod screen;
mod systems;

pub use answers::*;
pub use batch::{ANSWER_WINDOW, BatchChecker, Checked, KEPT_ANSWERS};
pub use dates::{parse_date, today};
pub use lists::{ListsSource, Screening};
pub use screen::{
    ListEffect, MAX_NAME_CHARS, ReviewedMatch, ScreenAnswer, ScreenMatch, ScreenRequest, screenable,
};
pub use systems::SystemRow;

use earl_core::check::{self, Determination, Made, Question};
use earl_core::chip::{Chip, CustomSpec};
use earl_core::cite::Confidence;
use earl_core::classify::{self, Classification};
use earl_core::countries::Country;
use earl_core::metrics::Metrics;
use earl_core::rules::{Amendment, Evaluator, Snapshot};
use earl_core::step::{Fact, Reason, Step};
use earl_core::tri::Tri;
use earl_data::Dataset;
use earl_screen::{Provenance, TokenStats};
use jiff::civil::Date;
use parties::Parties;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

/// Bad input earl can say in any language (the renderer's `errors::input`): an unknown chip
/// or country, a malformed date. Its `Display` is the English the API and the JSON carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    UnknownChip(earl_data::UnknownChip),
    Country(earl_data::CountryError),
    /// A date not shaped YYYY-MM-DD (`detail`: none), or not a real date (`detail`: the
    /// date parser's own reason, in English).
    BadDate {
        text: String,
        detail: Option<String>,
    },
    /// A scenario id earl does not know (`known`: every id it does).
    UnknownScenario {
        name: String,
        known: Vec<String>,
    },
    /// A side of `diff` that is neither a date, a rule version nor a scenario.
    UnknownPoint {
        spec: String,
        known: Vec<String>,
    },
    /// `FLAG ARG` not shaped `form` (e.g. `--units H200`: CHIP=N, example H200=1000).
    NotAssignment {
        flag: String,
        arg: String,
        form: String,
        example: String,
    },
    /// `--units CHIP=N` whose N is not a whole number.
    BadUnits {
        arg: String,
        n: String,
    },
    /// `--units CHIP=0`.
    ZeroUnits {
        arg: String,
    },
    /// `--price CHIP=USD` whose USD is not a price.
    BadPrice {
        arg: String,
        price: String,
    },
    /// A party name earl cannot screen; `subject` says which name, in English ("the name to
    /// screen", "the end user name"…).
    Unscreenable {
        subject: String,
        name: String,
        why: Unscreenable,
    },
    /// `--contains CHIP=N` whose N is not a whole number.
    BadCount {
        arg: String,
        n: String,
    },
    /// A screening threshold outside 0..=1 (`value` as Rust writes it).
    ThresholdRange {
        value: String,
    },
    /// A figure given by `flag` (`--tpp`, `--throughput fp8`…) outside its bound; `value` as
    /// Rust writes the number (`1000000000000`).
    OutOfBounds {
        flag: String,
        value: String,
        bound: earl_core::bounds::Bound,
    },
    /// A quantity of units (`what`: `quantity`, `--quantity`) outside 1..=10^9
    /// ([`ledger::MAX_UNITS`]).
    UnitsOutOfBounds {
        what: String,
        quantity: u64,
    },
    /// `earl owners`, or an affiliate question, before any ownership graph was imported.
    NoOwnershipGraph,
    /// `earl review show` or `revoke`: no disposition with this id is recorded.
    NoDisposition {
        id: u64,
    },
    /// `earl review revoke`: the disposition is revoked already.
    AlreadyRevoked {
        id: u64,
    },
    /// A value in US dollars outside 0..=10^13 ([`ledger::MAX_VALUE_USD`]); `value` as Rust
    /// writes the number.
    ValueOutOfBounds {
        what: String,
        value: String,
    },
}

/// Why a name cannot be screened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unscreenable {
    Empty,
    /// Longer than `max` characters.
    TooLong {
        max: usize,
    },
    /// It holds a control character or line break (`bidi`: false) or a bidirectional control
    /// (`bidi`: true), `code_point` ("U+202E"), at the 1-based character `at`.
    Hidden {
        code_point: String,
        at: usize,
        bidi: bool,
    },
    /// No letter or digit in any script.
    NoLetter,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::UnknownChip(e) => e.fmt(f),
            InputError::Country(e) => e.fmt(f),
            InputError::BadDate { text, detail } => {
                write!(
                    f,
                    "invalid date `{}`: expected YYYY-MM-DD",
                    earl_core::shown::shown(text)
                )?;
                match detail {
                    Some(d) => write!(f, " ({d})"),
                    None => Ok(()),
                }
            }
            InputError::UnknownScenario { name, known } => write!(
                f,
                "unknown scenario `{}` (known: {}; or give a scenario file)",
                earl_core::shown::shown(name),
                known.join(", ")
            ),
            InputError::UnknownPoint { spec, known } => write!(
                f,
                "`{spec}` is not a date (YYYY-MM-DD), a rule version id (see data/rules.toml, e.g. 2026-01-15-h200-lane) or a scenario id (known: {})",
                known.join(", ")
            ),
            InputError::NotAssignment {
                flag,
                arg,
                form,
                example,
            } => write!(f, "{flag} `{arg}`: expected {form}, e.g. {example}"),
            InputError::BadUnits { arg, n } => write!(
                f,
                "--units `{arg}`: `{n}` is not a whole number of units (expected a positive integer)"
            ),
            InputError::ZeroUnits { arg } => {
                write!(f, "--units `{arg}`: the number of units must be at least 1")
            }
            InputError::BadPrice { arg, price } => write!(
                f,
                "--price `{arg}`: `{price}` is not a price in US dollars (e.g. 27000 or 27000.50)"
            ),
            InputError::Unscreenable { subject, name, why } => {
                let name = earl_core::shown::shown(name);
                match why {
                    Unscreenable::Empty => write!(f, "{subject} is empty"),
                    Unscreenable::TooLong { max } => {
                        write!(f, "{subject} is longer than {max} characters")
                    }
                    Unscreenable::Hidden {
                        code_point,
                        at,
                        bidi,
                    } => {
                        let what = match bidi {
                            false => "a control character or line break",
                            true => {
                                "a bidirectional control, which changes how the name is displayed but not what is screened"
                            }
                        };
                        write!(
                            f,
                            "{subject} `{name}` holds {code_point} at character {at} ({what}): remove it"
                        )
                    }
                    Unscreenable::NoLetter => write!(
                        f,
                        "{subject} `{name}` has no letter or digit: there is nothing to screen"
                    ),
                }
            }
            InputError::BadCount { arg, n } => write!(
                f,
                "--contains `{arg}`: `{n}` is not a whole number of chips"
            ),
            InputError::ThresholdRange { value } => {
                write!(f, "the threshold must be between 0 and 1, got {value}")
            }
            InputError::OutOfBounds { flag, value, bound } => {
                write!(f, "{flag}: {}", bound.refusal(value))
            }
            InputError::NoOwnershipGraph => {
                f.write_str("no ownership graph: import one with `earl owners import FILE`")
            }
            InputError::NoDisposition { id } => write!(f, "no disposition {id} is recorded"),
            InputError::AlreadyRevoked { id } => {
                write!(f, "disposition {id} is already revoked")
            }
            InputError::UnitsOutOfBounds { what, quantity } => write!(
                f,
                "{what} {quantity}: a quantity is a whole number of units from 1 to 1000000000 \
                 (10^9, more than a year's world output of AI accelerators)"
            ),
            InputError::ValueOutOfBounds { what, value } => write!(
                f,
                "{what} {value}: a value is a number of US dollars from 0 to 10000000000000 \
                 (10^13, more than any licence authorises)"
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// Why a question could not be answered.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The question itself is wrong: a bad figure, a malformed argument.
    #[error("{0}")]
    BadInput(String),
    /// The question itself is wrong, as a fact: an unknown chip or country, a bad date.
    #[error("{0}")]
    Input(InputError),
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
    /// The ownership graph file could not be read.
    #[error("ownership graph: {0}")]
    OwnershipGraph(String),
}

/// A system given by what it contains: `CHIP=COUNT` values (`--contains H200=8`), as catalog
/// chip names and counts.
pub fn parse_contains(values: &[String]) -> Result<Vec<(String, u32)>, EngineError> {
    values
        .iter()
        .map(|s| {
            let (chip, n) = s.rsplit_once('=').ok_or_else(|| {
                EngineError::Input(InputError::NotAssignment {
                    flag: "--contains".into(),
                    arg: s.to_string(),
                    form: "CHIP=COUNT".into(),
                    example: "H200=8".into(),
                })
            })?;
            let n: u32 = n.trim().parse().map_err(|_| {
                EngineError::Input(InputError::BadCount {
                    arg: s.to_string(),
                    n: n.to_string(),
                })
            })?;
            Ok((chip.trim().to_string(), n))
        })
        .collect()
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
    count_drops: OnceLock<Vec<earl_screen::CountDrop>>,
    snapshots: Mutex<HashMap<SnapshotKey, Arc<Snapshot>>>,
    /// The reviewers' dispositions every answer that screens a party is judged against.
    reviews: std::sync::RwLock<Arc<review::Reviews>>,
    /// The ownership graph file `earl owners import` writes (`None`: no data directory).
    ownership_file: Option<PathBuf>,
    /// Who owns whom, loaded from `ownership_file` on first use (only a question naming a
    /// party needs it); `None` when nothing was imported.
    ownership: OnceLock<Result<Option<owners::OwnershipGraph>, String>>,
}

/// A snapshot is fixed by its date and the id of the scenario laid over it.
type SnapshotKey = (Date, Option<String>);

/// How many rule snapshots the engine keeps.
pub const SNAPSHOT_CACHE: usize = 4096;

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
            reviews: std::sync::RwLock::default(),
            ownership_file: None,
            ownership: OnceLock::new(),
        }
    }

    /// An engine that finds the parties of every check in the ownership graph kept in this
    /// file (when it exists).
    pub fn with_ownership_graph_file(mut self, file: Option<PathBuf>) -> Engine {
        self.ownership_file = file;
        self
    }

    /// The ownership graph in use, loaded on first use; `None` when none was imported.
    pub fn ownership_graph(&self) -> Result<Option<&owners::OwnershipGraph>, EngineError> {
        self.ownership
            .get_or_init(|| match &self.ownership_file {
                Some(file) => owners::OwnershipGraph::open(file).map_err(|e| e.to_string()),
                None => Ok(None),
            })
            .as_ref()
            .map(Option::as_ref)
            .map_err(|e| EngineError::OwnershipGraph(e.clone()))
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
                EngineError::Input(InputError::UnknownScenario {
                    name: id.to_string(),
                    known: self.scenario_id_list(),
                })
            }),
        }
    }

    /// The ids of every scenario, for messages that list them.
    pub fn scenario_ids(&self) -> String {
        self.scenario_id_list().join(", ")
    }

    /// The ids of every scenario.
    pub fn scenario_id_list(&self) -> Vec<String> {
        self.data
            .rules
            .scenarios
            .iter()
            .map(|s| s.id.clone())
            .collect()
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
            .map_err(|e| EngineError::Input(InputError::UnknownChip(e)))
    }

    /// Finds a country by ISO code, name or alias.
    pub fn country(&self, name: &str) -> Result<&Country, EngineError> {
        self.data
            .countries
            .resolve(name)
            .map_err(|e| EngineError::Input(InputError::Country(e)))
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

    /// Determines the licence requirement for one shipment.
    pub fn check(&self, req: &CheckRequest) -> Result<CheckAnswer, EngineError> {
        let scenario = self.scenario(req.scenario.as_deref())?;
        let snap = self.snapshot(req.date, scenario);
        if let Some(sys) = self.system_of(&req.item)? {
            return self.check_system(req, &snap, &sys);
        }
        let (chip, metrics) = self.measure(&req.item)?;
        let classification = classify::classify(&snap, &metrics, &self.evaluator(&snap));
        let parties = self.reviewed(&self.parties(req)?, req)?;
        let determination =
            self.determine(&snap, chip, &metrics, &classification, req, &parties, false)?;
        self.answer(determination, req, parties)
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
        // An owner no list can be asked about leaves the ownership rules unchecked through it.
        for owner in &parties.unscreenable_owners {
            determination.not_checked.push(Step::sourced(
                Reason::OwnerNotScreenable {
                    owner: owner.clone(),
                },
                "earl's ownership graph (a GLEIF relationship whose parent's lei-record was not imported)",
                Confidence::Computed,
            ));
        }
        // The match is shown: the graph's holdings were taken for a name written otherwise.
        for (asked, found) in &parties.graph_matches {
            determination.notices.push(Step::sourced(
                Reason::FoundInOwnershipGraph {
                    asked: asked.clone(),
                    found: found.clone(),
                },
                "earl's ownership graph (earl owners import); names compared as screening normalises them",
                Confidence::Computed,
            ));
        }
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
}

fn validate_spec(spec: &CustomSpec) -> Result<(), EngineError> {
    use earl_core::bounds::{self, Bound};
    let check = |what: &str, v: Option<f64>, bound: Bound| match v {
        Some(v) => bound.check(v).map_err(|_| {
            EngineError::Input(InputError::OutOfBounds {
                flag: what.to_string(),
                value: v.to_string(),
                bound,
            })
        }),
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
