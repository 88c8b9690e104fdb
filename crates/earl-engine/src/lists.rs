//! The restricted-party lists in use: where they come from (bundled, a file, or what
//! `earl update` verified), their screening index (kept between processes by `index_cache`),
//! and what every answer screened against them must say about them.

use crate::{Engine, EngineError, index_cache};
use earl_screen::{
    CountDrop, ESSENTIAL_LISTS, ListWarning, Provenance, Screener, ScreeningLists, TokenStats,
};
use std::path::PathBuf;

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
    /// What every answer screened against these lists must say about them: lists that lost
    /// entries against the bundled snapshot, and the acceptance of lists missing the Entity
    /// List or the SDN list (see [`Engine::accept_partial_lists`]).
    pub warnings: Vec<ListWarning>,
}

/// The lists that lost entries against the bundled snapshot (a list missing, or cut short).
fn against_bundled(provenance: &Provenance) -> Vec<ListWarning> {
    let bundled = ScreeningLists::bundled_provenance();
    earl_screen::count_drops(&bundled.counts, &provenance.counts)
        .into_iter()
        .map(|drop| ListWarning::AgainstBundled {
            drop,
            file: provenance.source_file.clone(),
        })
        .collect()
}

/// The warnings lists carry (their count drops against the bundled snapshot), or why they are
/// refused: a list file with no Entity List or no SDN rows is refused unless `accepted`.
fn list_warnings(provenance: &Provenance, accepted: bool) -> Result<Vec<ListWarning>, String> {
    let mut warnings = against_bundled(provenance);
    let missing: Vec<String> = ESSENTIAL_LISTS
        .iter()
        .filter(|(code, _)| provenance.counts.per_list.get(*code).copied().unwrap_or(0) == 0)
        .map(|(code, _)| code.to_string())
        .collect();
    if !missing.is_empty() {
        if !accepted {
            let names: Vec<String> = missing
                .iter()
                .map(|c| earl_screen::essential_list_name(c))
                .collect();
            return Err(format!(
                "the screening lists in {} have no rows of the {}: screening against them would clear the parties listed there; use a complete list, or pass --accept-partial-lists (EARL_ACCEPT_PARTIAL_LISTS=1) to screen against them anyway",
                provenance.source_file,
                names.join(" and the ")
            ));
        }
        warnings.push(ListWarning::PartialAccepted { missing });
    }
    Ok(warnings)
}

impl Screening {
    fn new(provenance: Provenance, screener: Screener, warnings: Vec<ListWarning>) -> Screening {
        Screening {
            provenance,
            screener,
            warnings,
        }
    }

    /// Every Federal Register citation of the entities a match groups (each of its rows'
    /// names), across all their rows: the CSL splits one entity into a row per address, and a
    /// row may cite only the notice that revised it, so the first listing is the oldest
    /// citation of any row.
    pub fn match_cites(&self, m: &earl_screen::Match) -> Option<String> {
        let mut names: Vec<&str> = std::iter::once(m.name.as_str())
            .chain(m.rows.iter().map(|r| r.name.as_str()))
            .collect();
        names.sort_unstable();
        names.dedup();
        let cites: Vec<String> = names
            .into_iter()
            .filter_map(|name| {
                let cells: Vec<String> = self
                    .screener
                    .entity_rows(&m.list, name)
                    .into_iter()
                    .filter_map(|e| e.federal_register_notice)
                    .collect();
                (!cells.is_empty()).then(|| cells.join("; "))
            })
            .collect();
        (!cites.is_empty()).then(|| cites.join("; "))
    }
}

impl Engine {
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

    /// The lists in use that lost entries against the bundled snapshot, read without loading
    /// the screening (as `earl lists` shows them): a list missing there is no clear.
    pub fn lists_against_bundled(&self) -> Result<Vec<ListWarning>, EngineError> {
        Ok(against_bundled(&self.list_provenance()?))
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
    pub fn count_drops(&self) -> Result<&[CountDrop], EngineError> {
        if let Some(w) = self.count_drops.get() {
            return Ok(w);
        }
        let drops = match &self.list_state {
            None => Vec::new(),
            Some(state) => {
                let counts = self.list_provenance()?.counts;
                let previous: Option<earl_screen::ListCounts> = std::fs::read(state)
                    .ok()
                    .and_then(|b| serde_json::from_slice(&b).ok());
                let drops = previous
                    .map(|prev| earl_screen::count_drops(&prev, &counts))
                    .unwrap_or_default();
                if drops.is_empty()
                    && state
                        .parent()
                        .is_some_and(|d| std::fs::create_dir_all(d).is_ok())
                    && let Ok(bytes) = serde_json::to_vec(&counts)
                {
                    // A cache of the last good counts: a failed write only loses the comparison.
                    let _ = std::fs::write(state, bytes);
                }
                drops
            }
        };
        Ok(self.count_drops.get_or_init(|| drops))
    }

    /// [`Engine::count_drops`] as English sentences (what the JSON carries).
    pub fn count_drop_warnings(&self) -> Result<Vec<String>, EngineError> {
        Ok(self
            .count_drops()?
            .iter()
            .map(ToString::to_string)
            .collect())
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
}
