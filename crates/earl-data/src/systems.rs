//! The systems catalog (`data/systems.toml`): boards, servers and racks, each naming the catalog
//! chips it contains and how many, with the source of that composition.

use crate::catalog::{Catalog, normalise_name};
use crate::error::{DataError, ErrorKind, FieldPath};
use earl_core::system::System;
use serde::Deserialize;
use std::collections::HashMap;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SystemsFile {
    meta: SystemsMeta,
    #[serde(default)]
    system: Vec<Spanned<System>>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct SystemsMeta {
    pub as_of: String,
    pub source_document: String,
}

/// The most accelerators one system may name (a rack of 72 packages is the largest listed).
pub const MAX_COUNT: u32 = 1_000_000;

/// The systems earl knows, with a name index.
#[derive(Debug, Clone)]
pub struct Systems {
    pub meta: SystemsMeta,
    pub list: Vec<System>,
    names: HashMap<String, usize>,
}

impl Systems {
    /// Parses and validates a systems file against the chip catalog: every contained chip is a
    /// catalog id, every count at least 1, every system cited, and no name shared with a chip
    /// (a system must never resolve to one of its chips, nor a chip to a system).
    pub fn parse(file: &str, text: &str, catalog: &Catalog) -> Result<Systems, DataError> {
        let parsed: SystemsFile =
            toml::from_str(text).map_err(|e| DataError::from_toml(file, text, &e))?;
        crate::catalog::vintage(file, text, "meta", &parsed.meta.as_of)?;
        let mut systems = Systems {
            meta: parsed.meta,
            list: Vec::new(),
            names: HashMap::new(),
        };
        for (i, spanned) in parsed.system.into_iter().enumerate() {
            let sys = spanned.into_inner();
            let here = FieldPath::new().key("system").index(i);
            let fail = |path: FieldPath, kind: ErrorKind, msg: String| {
                DataError::located(file, text, &path, kind, msg)
            };
            if sys.id.is_empty()
                || !sys
                    .id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return Err(fail(
                    here.key("id"),
                    ErrorKind::Invalid,
                    format!("`{}` must be lowercase letters, digits and hyphens", sys.id),
                ));
            }
            if !matches!(sys.form.as_str(), "board" | "server" | "rack") {
                return Err(fail(
                    here.key("form"),
                    ErrorKind::Invalid,
                    format!("form `{}` must be board, server or rack", sys.form),
                ));
            }
            if sys.cite.text.trim().is_empty() {
                return Err(fail(
                    here.key("cite"),
                    ErrorKind::MissingSource,
                    "every system's composition needs a source".into(),
                ));
            }
            if sys.contains.is_empty() {
                return Err(fail(
                    here.key("contains"),
                    ErrorKind::Invalid,
                    "a system names at least one contained chip".into(),
                ));
            }
            for (j, part) in sys.contains.iter().enumerate() {
                let at = here.key("contains").index(j);
                if catalog.get(&part.chip).is_none() {
                    return Err(fail(
                        at.key("chip"),
                        ErrorKind::UnknownReference,
                        format!("`{}` is not a chip id in the catalog", part.chip),
                    ));
                }
                if part.count == 0 || part.count > MAX_COUNT {
                    return Err(fail(
                        at.key("count"),
                        ErrorKind::OutOfBounds,
                        format!("count {} must be 1 to {MAX_COUNT}", part.count),
                    ));
                }
                if sys.contains[..j].iter().any(|p| p.chip == part.chip) {
                    return Err(fail(
                        at.key("chip"),
                        ErrorKind::Duplicate,
                        format!("`{}` is listed twice", part.chip),
                    ));
                }
            }
            let n = systems.list.len();
            let keys = std::iter::once(&sys.id)
                .chain(std::iter::once(&sys.name))
                .chain(&sys.aliases);
            for key in keys {
                let norm = normalise_name(key);
                if let Ok(chip) = catalog.resolve(key) {
                    return Err(fail(
                        here.key("id"),
                        ErrorKind::Duplicate,
                        format!("name `{key}` is also chip `{}`'s name", chip.id),
                    ));
                }
                if let Some(&other) = systems.names.get(&norm)
                    && other != n
                {
                    return Err(fail(
                        here.key("id"),
                        ErrorKind::Duplicate,
                        format!(
                            "name `{key}` collides with system `{}`",
                            systems.list[other].id
                        ),
                    ));
                }
                systems.names.insert(norm, n);
            }
            systems.list.push(sys);
        }
        Ok(systems)
    }

    /// Finds a system by id, name or alias (case, spacing and vendor prefixes forgiven).
    pub fn resolve(&self, name: &str) -> Option<&System> {
        self.names
            .get(&normalise_name(name))
            .map(|&i| &self.list[i])
    }

    pub fn get(&self, id: &str) -> Option<&System> {
        self.list.iter().find(|s| s.id == id)
    }

    /// The closest system names to `name`, for an error message.
    pub fn suggestions(&self, name: &str) -> Vec<String> {
        let norm = normalise_name(name);
        let mut scored: Vec<(f64, &str)> = self
            .names
            .iter()
            .map(|(k, &i)| (strsim::jaro_winkler(&norm, k), self.list[i].name.as_str()))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut out: Vec<String> = Vec::new();
        for (_, n) in scored {
            if !out.iter().any(|s| s == n) {
                out.push(n.to_string());
            }
            if out.len() == 3 {
                break;
            }
        }
        out
    }
}
