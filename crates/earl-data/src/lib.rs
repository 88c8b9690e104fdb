//! Loading and validation of earl's data: the chip catalog, countries, Country Groups, the rule
//! book and scenarios. The bundled files under `data/` are embedded in the binary so earl works
//! with no setup; a user's files can replace or extend them. Every file is validated on load and
//! a fault is reported with its file, line and field.

pub mod catalog;
pub mod error;
pub mod feed;
pub mod figures;
pub mod geo;
pub mod rulebook;
pub mod systems;

pub use catalog::{Catalog, UnknownChip};
pub use error::{DataError, ErrorKind, FieldPath};
pub use geo::{Countries, CountryError};
pub use notices::ListNotices;
pub use rulebook::RuleBook;
pub use systems::Systems;

mod notices;

use earl_core::countries::CountryGroups;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// A data file's name and text.
struct Source {
    name: String,
    text: String,
}

impl Source {
    fn bundled(name: &str, text: &str) -> Source {
        Source {
            name: format!("bundled:{name}"),
            text: text.to_string(),
        }
    }

    fn read(path: &Path) -> Result<Source, DataError> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            DataError::new(
                &path.display().to_string(),
                ErrorKind::Io,
                format!("cannot read the file: {e}"),
            )
        })?;
        Ok(Source {
            name: path.display().to_string(),
            text,
        })
    }
}

const CHIPS: &str = include_str!("../../../data/chips.toml");
const COUNTRIES: &str = include_str!("../../../data/countries.toml");
const GROUPS: &str = include_str!("../../../data/country-groups.toml");
const RULES: &str = include_str!("../../../data/rules.toml");
const SYSTEMS: &str = include_str!("../../../data/systems.toml");
const LIST_NOTICES: &str = include_str!("../../../data/list-notices.toml");
const REFERENCE_FIGURES: &str = include_str!("../../../data/reference-figures.toml");
/// Scenario files shipped with earl.
const SCENARIOS: &[(&str, &str)] = &[
    (
        "scenarios/ai-diffusion.toml",
        include_str!("../../../data/scenarios/ai-diffusion.toml"),
    ),
    (
        "scenarios/h200-revenue-share.toml",
        include_str!("../../../data/scenarios/h200-revenue-share.toml"),
    ),
    (
        "scenarios/blackwell-down-the-stack.toml",
        include_str!("../../../data/scenarios/blackwell-down-the-stack.toml"),
    ),
    (
        "scenarios/safe-chips-act.toml",
        include_str!("../../../data/scenarios/safe-chips-act.toml"),
    ),
    (
        "scenarios/gain-ai-act.toml",
        include_str!("../../../data/scenarios/gain-ai-act.toml"),
    ),
    (
        "scenarios/ai-overwatch-act.toml",
        include_str!("../../../data/scenarios/ai-overwatch-act.toml"),
    ),
    (
        "scenarios/chip-security-act.toml",
        include_str!("../../../data/scenarios/chip-security-act.toml"),
    ),
];

/// Which files to use instead of (or on top of) the bundled ones.
#[derive(Debug, Clone, Default)]
pub struct DataPaths {
    /// Catalogs whose chips are added to the bundled catalog.
    pub extra_chips: Vec<PathBuf>,
    pub countries: Option<PathBuf>,
    pub country_groups: Option<PathBuf>,
    pub rules: Option<PathBuf>,
    /// Scenario files added to the bundled scenarios.
    pub scenarios: Vec<PathBuf>,
}

/// A file that went into the data set, with the SHA-256 of its content.
#[derive(Debug, Clone, Serialize)]
pub struct FileProvenance {
    pub name: String,
    pub sha256: String,
}

/// Everything earl knows, loaded and validated.
#[derive(Debug, Clone)]
pub struct Dataset {
    pub catalog: Catalog,
    /// Boards, servers and racks and the chips they contain.
    pub systems: Systems,
    pub countries: Countries,
    pub groups: CountryGroups,
    pub rules: RuleBook,
    /// Effective dates of the Federal Register notices restricted-party entries cite.
    pub list_notices: ListNotices,
    /// Published estimates `earl impact` compares shipments with.
    pub reference_figures: Vec<figures::ReferenceFigure>,
    pub files: Vec<FileProvenance>,
    /// SHA-256 over the hashes of every file, recorded with each audited determination.
    pub content_hash: String,
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Dataset {
    /// The data embedded in the binary.
    pub fn bundled() -> Result<Dataset, DataError> {
        Dataset::load(&DataPaths::default())
    }

    /// The bundled data with the user's files laid over it.
    pub fn load(paths: &DataPaths) -> Result<Dataset, DataError> {
        let pick = |p: &Option<PathBuf>, name: &str, text: &str| match p {
            Some(p) => Source::read(p),
            None => Ok(Source::bundled(name, text)),
        };
        let chips = Source::bundled("chips.toml", CHIPS);
        let countries_src = pick(&paths.countries, "countries.toml", COUNTRIES)?;
        let groups_src = pick(&paths.country_groups, "country-groups.toml", GROUPS)?;
        let rules_src = pick(&paths.rules, "rules.toml", RULES)?;
        let extra_chips: Vec<Source> = paths
            .extra_chips
            .iter()
            .map(|p| Source::read(p))
            .collect::<Result<_, _>>()?;
        let mut scenario_srcs: Vec<Source> = SCENARIOS
            .iter()
            .map(|(n, t)| Source::bundled(n, t))
            .collect();
        for p in &paths.scenarios {
            scenario_srcs.push(Source::read(p)?);
        }

        let mut catalog = Catalog::parse(&chips.name, &chips.text)?;
        for s in &extra_chips {
            catalog.extend_from(&s.name, &s.text)?;
        }
        let systems_src = Source::bundled("systems.toml", SYSTEMS);
        let systems = Systems::parse(&systems_src.name, &systems_src.text, &catalog)?;
        let countries = Countries::parse(&countries_src.name, &countries_src.text)?;
        let groups = geo::parse_groups(&groups_src.name, &groups_src.text, &countries)?;
        let known = rulebook::Known {
            catalog: &catalog,
            countries: &countries,
            groups: &groups,
        };
        let mut rules = RuleBook::parse(&rules_src.name, &rules_src.text, &known)?;
        for s in &scenario_srcs {
            rules.add_scenario(&s.name, &s.text, &known)?;
        }

        let notices_src = Source::bundled("list-notices.toml", LIST_NOTICES);
        let list_notices = ListNotices::parse(&notices_src.name, &notices_src.text)?;
        let figures_src = Source::bundled("reference-figures.toml", REFERENCE_FIGURES);
        let reference_figures = figures::parse(&figures_src.name, &figures_src.text, &catalog)?;

        let mut files: Vec<FileProvenance> = Vec::new();
        for s in std::iter::once(&chips)
            .chain(&extra_chips)
            .chain([
                &systems_src,
                &countries_src,
                &groups_src,
                &rules_src,
                &notices_src,
                &figures_src,
            ])
            .chain(&scenario_srcs)
        {
            files.push(FileProvenance {
                name: s.name.clone(),
                sha256: sha256_hex(s.text.as_bytes()),
            });
        }
        let content_hash = sha256_hex(
            files
                .iter()
                .map(|f| f.sha256.as_str())
                .collect::<Vec<_>>()
                .join("\n")
                .as_bytes(),
        );
        Ok(Dataset {
            catalog,
            systems,
            countries,
            groups,
            rules,
            list_notices,
            reference_figures,
            files,
            content_hash,
        })
    }

    /// Reads one scenario file for `--scenario FILE`, validating it against this data set.
    pub fn add_scenario_file(&mut self, path: &Path) -> Result<String, DataError> {
        let src = Source::read(path)?;
        let known = rulebook::Known {
            catalog: &self.catalog,
            countries: &self.countries,
            groups: &self.groups,
        };
        let id = self
            .rules
            .add_scenario(&src.name, &src.text, &known)?
            .id
            .clone();
        self.files.push(FileProvenance {
            name: src.name,
            sha256: sha256_hex(src.text.as_bytes()),
        });
        self.content_hash = sha256_hex(
            self.files
                .iter()
                .map(|f| f.sha256.as_str())
                .collect::<Vec<_>>()
                .join("\n")
                .as_bytes(),
        );
        Ok(id)
    }
}
