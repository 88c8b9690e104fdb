//! The chip catalog: parsing, validation and name resolution.

use crate::error::{DataError, ErrorKind, Fault, FieldPath};
use earl_core::bounds::{self, Bound};
use earl_core::chip::{Chip, Figure};
use earl_core::metrics::Metrics;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    catalog: CatalogMeta,
    #[serde(default)]
    sources: BTreeMap<String, String>,
    #[serde(default)]
    chip: Vec<Spanned<Chip>>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogMeta {
    pub as_of: String,
    pub source_document: String,
}

/// The chips earl knows, with their sources and a name index.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub meta: CatalogMeta,
    pub sources: BTreeMap<String, String>,
    pub chips: Vec<Chip>,
    /// Normalised name → index in `chips`.
    names: HashMap<String, usize>,
    /// (release year, TPP) of every datacenter chip, computed once for [`Catalog::frontier_tpp`].
    frontier: std::sync::OnceLock<Vec<(i16, f64)>>,
}

/// A chip name that matches nothing, with the closest catalog names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownChip {
    pub name: String,
    pub suggestions: Vec<String>,
}

impl std::fmt::Display for UnknownChip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown chip `{}`", earl_core::shown::shown(&self.name))?;
        if !self.suggestions.is_empty() {
            write!(
                f,
                "; closest catalog names: {}",
                self.suggestions.join(", ")
            )?;
        }
        write!(f, " (see `earl chips`)")
    }
}

impl std::error::Error for UnknownChip {}

const VENDOR_PREFIXES: [&str; 14] = [
    "nvidia",
    "amd",
    "intel",
    "google",
    "huawei",
    "cambricon",
    "biren",
    "moorethreads",
    "metax",
    "baidu",
    "alibaba",
    "iluvatar",
    "geforce",
    "instinct",
];

/// Lower-cases, drops spaces, hyphens, underscores and dots, and strips vendor and brand
/// prefixes, so `NVIDIA H200`, `h-200` and `H200` meet.
pub fn normalise_name(name: &str) -> String {
    let mut s: String = name
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '.' | '\t'))
        .flat_map(char::to_lowercase)
        .collect();
    loop {
        match VENDOR_PREFIXES
            .iter()
            .find(|p| s.starts_with(*p) && s.len() > p.len())
        {
            Some(p) => s = s[p.len()..].to_string(),
            None => return s,
        }
    }
}

impl Catalog {
    /// Parses and validates one catalog file.
    pub fn parse(file: &str, text: &str) -> Result<Catalog, DataError> {
        let parsed: CatalogFile =
            toml::from_str(text).map_err(|e| DataError::from_toml(file, text, &e))?;
        let as_of = vintage(file, text, "catalog", &parsed.catalog.as_of)?;
        let mut catalog = Catalog {
            meta: parsed.catalog,
            sources: parsed.sources,
            chips: Vec::new(),
            names: HashMap::new(),
            frontier: std::sync::OnceLock::new(),
        };
        catalog.add_chips(file, text, parsed.chip, None, as_of)?;
        Ok(catalog)
    }

    /// Adds the chips of a user's catalog file; an id or name already known is an error.
    pub fn extend_from(&mut self, file: &str, text: &str) -> Result<(), DataError> {
        let parsed: CatalogFile =
            toml::from_str(text).map_err(|e| DataError::from_toml(file, text, &e))?;
        let as_of = vintage(file, text, "catalog", &parsed.catalog.as_of)?;
        let own_sources = parsed.sources;
        self.add_chips(file, text, parsed.chip, Some(&own_sources), as_of)?;
        for (k, v) in own_sources {
            self.sources.entry(k).or_insert(v);
        }
        self.frontier = std::sync::OnceLock::new();
        Ok(())
    }

    fn add_chips(
        &mut self,
        file: &str,
        text: &str,
        chips: Vec<Spanned<Chip>>,
        extra_sources: Option<&BTreeMap<String, String>>,
        as_of: jiff::civil::Date,
    ) -> Result<(), DataError> {
        for (i, spanned) in chips.into_iter().enumerate() {
            let chip = spanned.into_inner();
            let here = FieldPath::new().key("chip").index(i);
            let n = self.chips.len();
            validate_chip(&chip, as_of, &|k| {
                self.sources.contains_key(k) || extra_sources.is_some_and(|s| s.contains_key(k))
            })
            .map_err(|f| f.locate(file, text, &here))?;
            let mut keys = vec![chip.id.clone(), chip.name.clone()];
            keys.extend(chip.aliases.iter().cloned());
            for key in keys {
                let norm = normalise_name(&key);
                if let Some(&other) = self.names.get(&norm)
                    && other != n
                {
                    return Err(DataError::located(
                        file,
                        text,
                        &here.key("id"),
                        ErrorKind::Duplicate,
                        format!(
                            "name `{key}` collides with chip `{}` (duplicate id or alias)",
                            self.chips[other].id
                        ),
                    ));
                }
                self.names.insert(norm, n);
            }
            self.chips.push(chip);
        }
        Ok(())
    }

    /// Finds a chip by id, name or alias, forgiving case, spacing and vendor prefixes.
    pub fn resolve(&self, name: &str) -> Result<&Chip, UnknownChip> {
        let norm = normalise_name(name);
        if let Some(&i) = self.names.get(&norm) {
            return Ok(&self.chips[i]);
        }
        let mut scored: Vec<(f64, &str)> = self
            .names
            .iter()
            .map(|(k, &i)| (strsim::jaro_winkler(&norm, k), self.chips[i].name.as_str()))
            .collect();
        // Ties broken by name: the map's order is random, and the same question must get the
        // same message everywhere.
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let mut suggestions: Vec<String> = Vec::new();
        for (_, name) in scored {
            if !suggestions.iter().any(|s| s == name) {
                suggestions.push(name.to_string());
            }
            if suggestions.len() == 5 {
                break;
            }
        }
        Err(UnknownChip {
            name: name.to_string(),
            suggestions,
        })
    }

    pub fn get(&self, id: &str) -> Option<&Chip> {
        self.chips.iter().find(|c| c.id == id)
    }

    /// The highest TPP among datacenter chips released in or before `year`: the frontier that
    /// scenario rules like "at most X% of the best chip" are measured against.
    pub fn frontier_tpp(&self, year: i16) -> Option<f64> {
        let frontier = self.frontier.get_or_init(|| {
            self.chips
                .iter()
                .filter(|c| c.datacenter.as_ref().is_some_and(|d| d.value))
                .filter_map(|c| Some((c.release_year()?, Metrics::of_chip(c).tpp?)))
                .collect()
        });
        frontier
            .iter()
            .filter(|(y, _)| *y <= year)
            .map(|(_, tpp)| *tpp)
            .max_by(f64::total_cmp)
    }
}

/// A data file's vintage (`as_of`, the date of its newest source) read as a real date; `table`
/// is the table holding it. Shared with the systems file.
pub(crate) fn vintage(
    file: &str,
    text: &str,
    table: &str,
    as_of: &str,
) -> Result<jiff::civil::Date, DataError> {
    as_of.parse().map_err(|e| {
        DataError::located(
            file,
            text,
            &FieldPath::new().key(table).key("as_of"),
            ErrorKind::Invalid,
            format!("`{as_of}` is not a date (YYYY-MM-DD): {e}"),
        )
    })
}

/// A release written `YYYY` or `YYYY-MM`, as (year, month if given); None when it is neither.
fn release(released: &str) -> Option<(i16, Option<i8>)> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (year, month) = match released.split_once('-') {
        Some((y, m)) if m.len() == 2 && digits(m) => (y, Some(m.parse().ok()?)),
        Some(_) => return None,
        None => (released, None),
    };
    if year.len() != 4 || !digits(year) || month.is_some_and(|m: i8| !(1..=12).contains(&m)) {
        return None;
    }
    Some((year.parse().ok()?, month))
}

fn validate_chip(
    chip: &Chip,
    as_of: jiff::civil::Date,
    source_known: &dyn Fn(&str) -> bool,
) -> Result<(), Fault> {
    if chip.id.is_empty()
        || !chip
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(Fault::new(
            "id",
            ErrorKind::Invalid,
            format!(
                "`{}` must be lowercase letters, digits and hyphens",
                chip.id
            ),
        ));
    }
    let Some((year, month)) = release(&chip.released) else {
        return Err(Fault::new(
            "released",
            ErrorKind::Invalid,
            format!(
                "`{}` is not a year and month (YYYY-MM, month 01 to 12) or a year (YYYY)",
                chip.released
            ),
        ));
    };
    // A chip cannot be released after the newest source the file reflects (its `as_of`).
    if (year, month.unwrap_or(1)) > (as_of.year(), as_of.month()) {
        return Err(Fault::new(
            "released",
            ErrorKind::Invalid,
            format!(
                "`{}` is after the file's as_of {as_of}: a release cannot postdate the sources",
                chip.released
            ),
        ));
    }
    let check_source = |field: &str, source: &str| -> Result<(), Fault> {
        if source.trim().is_empty() {
            return Err(Fault::new(
                &format!("{field}.source"),
                ErrorKind::MissingSource,
                "every figure needs a source",
            ));
        }
        for key in source.split(',').map(str::trim) {
            if !source_known(key) {
                return Err(Fault::new(
                    &format!("{field}.source"),
                    ErrorKind::UnknownReference,
                    format!("source `{key}` is not defined in [sources]"),
                ));
            }
        }
        Ok(())
    };
    let figure = |field: &str, f: &Option<Figure<f64>>, bound: Bound| -> Result<(), Fault> {
        if let Some(f) = f {
            check_source(field, &f.source)?;
            bound
                .check(f.value)
                .map_err(|m| Fault::new(&format!("{field}.value"), ErrorKind::OutOfBounds, m))?;
        }
        Ok(())
    };
    figure("die_area_mm2", &chip.die_area_mm2, bounds::DIE_AREA_MM2)?;
    figure(
        "package_area_mm2",
        &chip.package_area_mm2,
        bounds::PACKAGE_AREA_MM2,
    )?;
    figure(
        "memory_bandwidth_gbps",
        &chip.memory_bandwidth_gbps,
        bounds::MEMORY_BANDWIDTH_GBPS,
    )?;
    figure("memory_gb", &chip.memory_gb, bounds::MEMORY_GB)?;
    figure(
        "chip_to_chip_gbps",
        &chip.chip_to_chip_gbps,
        bounds::CHIP_TO_CHIP_GBPS,
    )?;
    figure("tdp_w", &chip.tdp_w, bounds::TDP_W)?;
    if let Some(d) = &chip.datacenter {
        check_source("datacenter", &d.source)?;
    }
    if let Some(h) = &chip.host_interface {
        check_source("host_interface", &h.source)?;
    }
    if let Some(r) = &chip.tpp_range {
        check_source("tpp_range", &r.source)?;
        for (field, v) in [("tpp_range.low", r.low), ("tpp_range.high", r.high)] {
            bounds::TPP
                .check(v)
                .map_err(|m| Fault::new(field, ErrorKind::OutOfBounds, m))?;
        }
        if r.low >= r.high {
            return Err(Fault::new(
                "tpp_range.high",
                ErrorKind::Invalid,
                format!("{} is not above low {}", r.high, r.low),
            ));
        }
        if !chip.throughput.is_empty() {
            return Err(Fault::new(
                "tpp_range",
                ErrorKind::Invalid,
                "a TPP range is for a chip without published throughput",
            ));
        }
    }
    if let Some(p) = &chip.production {
        check_source("production", &p.source)?;
        let code = |field: &str, c: &str| -> Result<(), Fault> {
            if c.len() == 2 && c.chars().all(|x| x.is_ascii_uppercase()) {
                Ok(())
            } else {
                Err(Fault::new(
                    field,
                    ErrorKind::Invalid,
                    format!("`{c}` is not an ISO country code like US or TW"),
                ))
            }
        };
        code("production.designer_country", &p.designer_country)?;
        for (i, c) in p.fab_countries.iter().enumerate() {
            code(&format!("production.fab_countries[{i}]"), c)?;
        }
    }
    let mut seen = Vec::new();
    for (i, t) in chip.throughput.iter().enumerate() {
        let field = format!("throughput[{i}]");
        check_source(&field, &t.source)?;
        bounds::TOPS
            .check(t.tops)
            .map_err(|m| Fault::new(&format!("{field}.tops"), ErrorKind::OutOfBounds, m))?;
        if seen.contains(&t.precision) {
            return Err(Fault::new(
                &format!("{field}.precision"),
                ErrorKind::Duplicate,
                format!("{} is listed twice", t.precision),
            ));
        }
        seen.push(t.precision);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise_across_spelling() {
        assert_eq!(normalise_name("NVIDIA H200"), "h200");
        assert_eq!(normalise_name("rtx-4090-d"), normalise_name("RTX 4090D"));
        assert_eq!(normalise_name("GeForce RTX 4090 D"), "rtx4090d");
        assert_eq!(normalise_name("AMD Instinct MI300X"), "mi300x");
    }
}
