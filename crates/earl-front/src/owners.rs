//! Ownership files read into the graph's edges, every row checked: earl's CSV
//! (`owner,owned,percent` and optionally `source,from,to`). A bad row is refused with its file,
//! line and column; nothing of a refused file is imported.

use crate::check::check_columns;
use crate::failure::Failure;
use earl_core::shown::shown;
use earl_store::graph::{Edge, Share};
use jiff::civil::Date;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The ownership file formats earl reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// earl's CSV: `owner,owned,percent`, optionally `source,from,to`.
    Csv,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
        }
    }

    /// The format a file's name says.
    pub fn of(path: &Path) -> Result<Format, Failure> {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("csv") => Ok(Format::Csv),
            _ => Err(Failure::input(format!(
                "{}: cannot tell the format from the file name: give --format csv",
                path.display()
            ))),
        }
    }
}

/// A file read and checked, ready to import.
#[derive(Debug)]
pub struct ReadFile {
    pub format: Format,
    pub edges: Vec<Edge>,
    /// Data rows (or statements) read.
    pub rows: u64,
    pub file_sha256: String,
}

/// Reads an ownership file into edges of `dataset`, imported on `today`.
pub fn read(path: &Path, format: Format, dataset: &str, today: Date) -> Result<ReadFile, Failure> {
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::input(format!("{}: cannot read: {e}", path.display())))?;
    let file_sha256 = hex_sha256(&bytes);
    let (edges, rows) = match format {
        Format::Csv => read_csv(path, &bytes, dataset, today)?,
    };
    check_totals(path, &edges)?;
    Ok(ReadFile {
        format,
        edges,
        rows,
        file_sha256,
    })
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn read_csv(
    path: &Path,
    bytes: &[u8],
    dataset: &str,
    today: Date,
) -> Result<(Vec<Edge>, u64), Failure> {
    let at = |line: u64, what: String| {
        Failure::input(format!("{}: line {line}: {what}", path.display()))
    };
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?
        .clone();
    check_columns(
        path,
        &headers,
        &["owner", "owned", "percent"],
        &["source", "from", "to"],
    )?;
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (owner_at, owned_at, percent_at) = (column("owner"), column("owned"), column("percent"));
    let (source_at, from_at, to_at) = (column("source"), column("from"), column("to"));
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let imported = today.to_string();
    let mut lines = crate::lines::LineCounter::open(path)
        .map_err(|e| Failure::input(format!("{}: cannot open: {e}", path.display())))?;
    let mut edges = Vec::new();
    let mut seen: HashSet<(String, String, String, String)> = HashSet::new();
    let mut rows = 0;
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
            at(line, format!("unreadable row: {e}"))
        })?;
        rows += 1;
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        let field = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("");
        let name = |i: Option<usize>, what: &str| -> Result<String, Failure> {
            let value = field(i);
            earl_engine::screenable(value, &format!("the {what}"))
                .map_err(|e| at(line, format!("column `{what}`: {e}")))?;
            Ok(value.to_string())
        };
        let owner = name(owner_at, "owner")?;
        let owned = name(owned_at, "owned")?;
        if earl_core::ownership::key(&owner) == earl_core::ownership::key(&owned) {
            return Err(at(
                line,
                format!("`{}` is said to own itself", shown(&owner)),
            ));
        }
        let raw = field(percent_at);
        let percent: f64 = raw
            .trim_end_matches('%')
            .parse()
            .ok()
            .filter(|p: &f64| p.is_finite() && *p > 0.0 && *p <= 100.0)
            .ok_or_else(|| {
                at(
                    line,
                    format!(
                        "column `percent`: `{}` is not a share more than 0 and at most 100",
                        shown(raw)
                    ),
                )
            })?;
        let date = |i: Option<usize>, what: &str| -> Result<Option<String>, Failure> {
            match field(i) {
                "" => Ok(None),
                d => d.parse::<Date>().map(|d| Some(d.to_string())).map_err(|_| {
                    at(
                        line,
                        format!("column `{what}`: `{}` is not a date (YYYY-MM-DD)", shown(d)),
                    )
                }),
            }
        };
        let (from, to) = (date(from_at, "from")?, date(to_at, "to")?);
        if let (Some(f), Some(t)) = (&from, &to)
            && f > t
        {
            return Err(at(line, format!("column `to`: {t} is before `from` {f}")));
        }
        let source = match field(source_at) {
            "" => format!("{file_name}, line {line}"),
            s => s.to_string(),
        };
        let identity = (
            earl_core::ownership::key(&owner),
            earl_core::ownership::key(&owned),
            from.clone().unwrap_or_default(),
            to.clone().unwrap_or_default(),
        );
        if !seen.insert(identity) {
            return Err(at(
                line,
                format!(
                    "the holding of `{}` in `{}` for the same dates is given twice",
                    shown(&owner),
                    shown(&owned)
                ),
            ));
        }
        edges.push(Edge {
            owner,
            owned,
            share: Share::Percent { percent },
            source,
            from,
            to,
            imported: imported.clone(),
            dataset: dataset.to_string(),
        });
    }
    Ok((edges, rows))
}

/// Refuses stated shares in one party that add up to more than 100% while holding at once
/// (holdings with no end date, or ending on the same day, are taken as concurrent).
fn check_totals(path: &Path, edges: &[Edge]) -> Result<(), Failure> {
    let mut totals: HashMap<(String, Option<&str>), f64> = HashMap::new();
    for e in edges {
        if let Share::Percent { percent } = e.share {
            let total = totals
                .entry((earl_core::ownership::key(&e.owned), e.to.as_deref()))
                .or_default();
            *total += percent;
            if *total > 100.0 + 1e-9 {
                return Err(Failure::input(format!(
                    "{}: the stated shares in `{}` add up to more than 100% ({})",
                    path.display(),
                    shown(&e.owned),
                    total
                )));
            }
        }
    }
    Ok(())
}
