//! What every command shares: the data options, the engine, the audit trail, errors.

pub use crate::failure::{EXIT_NETWORK, EXIT_NOT_RECORDED, Failure};
use clap::Args;
use earl_data::{DataPaths, Dataset};
use earl_engine::audit::Source;
use earl_engine::{Engine, ListsSource};
use earl_store::AuditStore;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Where the data comes from; every option defaults to the data bundled in the binary.
#[derive(Args, Debug, Clone, Default)]
pub struct DataArgs {
    /// Add the chips of this catalog file (the schema of data/chips.toml); repeatable.
    #[arg(long = "chips-file", global = true, value_name = "FILE")]
    pub chips_file: Vec<PathBuf>,
    /// Use this rule book instead of the bundled data/rules.toml.
    #[arg(long, global = true, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Use this countries file instead of the bundled one.
    #[arg(long, global = true, value_name = "FILE")]
    pub countries: Option<PathBuf>,
    /// Use this Country Groups file instead of the bundled one.
    #[arg(long = "country-groups", global = true, value_name = "FILE")]
    pub country_groups: Option<PathBuf>,
    /// Screen against this Consolidated Screening List file (trade.gov CSV or JSON).
    #[arg(long, global = true, env = "EARL_LISTS", value_name = "FILE")]
    pub lists: Option<PathBuf>,
    /// Screen even against a list with no Entity List or no SDN rows (refused otherwise); every
    /// answer screened against it says so.
    #[arg(
        long = "accept-partial-lists",
        global = true,
        env = "EARL_ACCEPT_PARTIAL_LISTS",
        value_parser = clap::builder::BoolishValueParser::new()
    )]
    pub accept_partial_lists: bool,
    /// The audit trail database (default: under the user's data directory).
    #[arg(long, global = true, env = "EARL_DB", value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// Do not record determinations in the audit trail.
    #[arg(long = "no-audit", global = true)]
    pub no_audit: bool,
    /// Where `earl update` keeps what it fetched (default: the directory of the audit trail's
    /// default location, e.g. ~/.local/share/earl).
    #[arg(
        long = "data-dir",
        global = true,
        env = "EARL_DATA_DIR",
        value_name = "DIR"
    )]
    pub data_dir: Option<PathBuf>,
}

/// The loaded engine and audit trail, built on first use.
pub struct App {
    pub args: DataArgs,
    engine: OnceLock<Engine>,
    audit: OnceLock<Option<AuditStore>>,
    /// The front end the records name (`cli`, or `mcp` under `earl mcp`).
    pub source: Source,
}

impl App {
    pub fn new(args: DataArgs) -> App {
        App {
            args,
            engine: OnceLock::new(),
            audit: OnceLock::new(),
            source: Source::Cli,
        }
    }

    /// An app whose records name another front end (`earl mcp`).
    pub fn with_source(args: DataArgs, source: Source) -> App {
        App {
            source,
            ..App::new(args)
        }
    }

    pub fn data_paths(&self) -> DataPaths {
        DataPaths {
            extra_chips: self.args.chips_file.clone(),
            countries: self.args.countries.clone(),
            country_groups: self.args.country_groups.clone(),
            rules: self.args.rules.clone(),
            scenarios: Vec::new(),
        }
    }

    /// `--data-dir`, `EARL_DATA_DIR`, or the directory of the audit trail's default path.
    pub fn data_dir(&self) -> Option<PathBuf> {
        self.args.data_dir.clone().or_else(|| {
            AuditStore::default_path().and_then(|p| p.parent().map(|d| d.to_path_buf()))
        })
    }

    /// `--lists FILE` if given, else the newest list `earl update` verified, else the bundled one.
    pub fn lists_source(&self) -> Result<ListsSource, Failure> {
        if let Some(file) = &self.args.lists {
            return Ok(ListsSource::File(file.clone()));
        }
        match self.data_dir() {
            Some(dir) => crate::stored::stored_lists(&dir),
            None => Ok(ListsSource::Bundled),
        }
    }

    /// An engine over `data` with the lists in use and the BIS documents `earl update` fetched.
    pub fn new_engine(&self, data: Dataset) -> Result<Engine, Failure> {
        let documents = match self.data_dir() {
            Some(dir) => crate::stored::stored_documents(&dir)?,
            None => Vec::new(),
        };
        let engine = Engine::new(data, self.lists_source()?)
            .with_newer_documents(documents)
            .with_ownership_graph_file(self.ownership_graph_path())
            .accept_partial_lists(self.args.accept_partial_lists)
            // `--no-audit` writes nothing of earl's own (the index is a cache, not data).
            .with_list_state(
                self.data_dir()
                    .filter(|_| !self.args.no_audit)
                    .map(|dir| dir.join("lists-state.json")),
            );
        self.load_reviews(&engine)?;
        Ok(engine)
    }

    /// `DIR/ownership.sqlite` of the data directory: the graph `earl owners import` writes.
    pub fn ownership_graph_path(&self) -> Option<PathBuf> {
        self.data_dir()
            .map(|dir| earl_store::graph::OwnershipGraph::path_in(&dir))
    }

    /// Loads the data (once) and returns the engine.
    pub fn engine(&self) -> Result<&Engine, Failure> {
        if let Some(e) = self.engine.get() {
            return Ok(e);
        }
        let engine = self.new_engine(Dataset::load(&self.data_paths())?)?;
        Ok(self.engine.get_or_init(|| engine))
    }

    /// Sets on `engine` the reviewers' dispositions the audit trail holds, so every answer that
    /// screens a party is judged against them (`earl_engine::review`). With `--no-audit`, or
    /// before any trail exists, there are none: every hit is raised.
    pub fn load_reviews(&self, engine: &Engine) -> Result<(), Failure> {
        if self.args.no_audit {
            return Ok(());
        }
        // No trail (or nowhere for one): no dispositions.
        let Some(path) = self.audit_path().ok().filter(|p| p.exists()) else {
            return Ok(());
        };
        let store = match self.audit.get() {
            Some(Some(store)) => engine.read_reviews(store)?,
            _ => engine.read_reviews(&AuditStore::open_read_only(&path)?)?,
        };
        engine.set_reviews(store);
        Ok(())
    }

    /// Loads the data with a scenario file added, returning the engine and the scenario's id.
    /// A value that names no file is taken as a scenario id.
    pub fn engine_with_scenario(
        &self,
        scenario: Option<&str>,
    ) -> Result<(&Engine, Option<String>), Failure> {
        let Some(s) = scenario else {
            return Ok((self.engine()?, None));
        };
        if !is_scenario_file(s) {
            return Ok((self.engine()?, Some(s.to_string())));
        }
        let path = std::path::Path::new(s);
        if let Some(e) = self.engine.get() {
            let _ = e;
            return Err(Failure::internal(
                "scenario file given after the data was loaded",
            ));
        }
        let mut data = Dataset::load(&self.data_paths())?;
        let id = data.add_scenario_file(path)?;
        let engine = self.new_engine(data)?;
        Ok((self.engine.get_or_init(|| engine), Some(id)))
    }

    /// Where the audit trail is (`--db`, `EARL_DB`, or under the user's data directory).
    pub fn audit_path(&self) -> Result<PathBuf, Failure> {
        match &self.args.db {
            Some(p) => Ok(p.clone()),
            None => AuditStore::default_path().ok_or_else(|| {
                Failure::input(
                    "no data directory for the audit trail: set EARL_DB, pass --db FILE, or --no-audit",
                )
            }),
        }
    }

    /// The audit trail, unless `--no-audit`.
    pub fn audit(&self) -> Result<Option<&AuditStore>, Failure> {
        if let Some(a) = self.audit.get() {
            return Ok(a.as_ref());
        }
        let store = if self.args.no_audit {
            None
        } else {
            Some(AuditStore::open(&self.audit_path()?)?)
        };
        Ok(self.audit.get_or_init(|| store).as_ref())
    }

    /// The audit trail opened for reading only (nothing created, migrated or written), so a
    /// read-only or WORM copy can be listed and verified.
    pub fn audit_read_only(&self) -> Result<AuditStore, Failure> {
        Ok(AuditStore::open_read_only(&self.audit_path()?)?)
    }

    /// Records an answer in the audit trail (unless `--no-audit`), durably, before it is shown.
    pub fn record(
        &self,
        inputs: &impl serde::Serialize,
        answer: &impl earl_engine::audit::Audited,
    ) -> Result<(), Failure> {
        let Some(store) = self.audit()? else {
            return Ok(());
        };
        let record = self.engine()?.record(self.source, inputs, answer)?;
        store.append_prepared(&record)?;
        Ok(())
    }
}

/// Whether a scenario value names a file (`.toml`, or an existing file) rather than a bundled
/// scenario id: the one place every front end decides it.
pub fn is_scenario_file(s: &str) -> bool {
    s.ends_with(".toml") || std::path::Path::new(s).is_file()
}
