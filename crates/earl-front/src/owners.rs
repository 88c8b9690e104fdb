//! Ownership files read into the graph's edges, every row checked; a bad row is refused with
//! its file and place, and nothing of a refused file is imported:
//!
//! - earl's CSV: `owner,owned,percent`, optionally `source,from,to`;
//! - the Beneficial Ownership Data Standard 0.4 (Open Ownership): a JSON array of statements,
//!   as `schema/statement.json` and `schema/relationship-record.json` of
//!   github.com/openownership/data-standard define them (`recordType` entity / person /
//!   relationship, `recordDetails.subject` and `interestedParty` naming `recordId`s,
//!   `interests[].type`, `share.{exact, minimum, maximum, exclusiveMinimum, exclusiveMaximum}`,
//!   `startDate`, `endDate`);
//! - GLEIF Level 2 relationship records as the GLEIF API (api.gleif.org/api/v1) returns them:
//!   one JSON:API document or an array of them, `data` a `relationship-records` resource (or a
//!   list of them) with `attributes.relationship.{startNode.id, endNode.id, type, status,
//!   periods}`; `lei-records` documents in the same file give the parties' legal names
//!   (`attributes.entity.legalName.name`).

use crate::app::App;
use crate::check::check_columns;
use crate::failure::Failure;
use earl_core::shown::shown;
use earl_render::errors::{FileProblem, Problem, RowReason};
use earl_store::graph::{Edge, Share};
use jiff::civil::Date;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The ownership file formats earl reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// earl's CSV: `owner,owned,percent`, optionally `source,from,to`.
    Csv,
    /// Beneficial Ownership Data Standard 0.4 statements (JSON).
    Bods,
    /// GLEIF Level 2 relationship records, as the GLEIF API returns them (JSON).
    Gleif,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Bods => "bods",
            Format::Gleif => "gleif",
        }
    }

    /// The format a file's name says (a JSON file is told by its content: BODS statements are
    /// an array of objects with `statementId`, GLEIF documents have `data`).
    pub fn of(path: &Path) -> Result<Format, Failure> {
        let unknown = || {
            Failure::input(format!(
                "{}: cannot tell the format: give --format csv, bods or gleif",
                path.display()
            ))
        };
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("csv") => Ok(Format::Csv),
            Some(e) if e.eq_ignore_ascii_case("json") => {
                let text =
                    std::fs::read_to_string(path).map_err(|e| Failure::cannot_read(path, &e))?;
                let value = crate::json::parse(&text).map_err(|_| unknown())?;
                let first = match &value {
                    Value::Array(items) => items.first(),
                    other => Some(other),
                };
                match first {
                    Some(v) if v.get("statementId").is_some() => Ok(Format::Bods),
                    Some(v) if v.get("data").is_some() => Ok(Format::Gleif),
                    _ => Err(unknown()),
                }
            }
            _ => Err(unknown()),
        }
    }
}

/// A file read and checked, ready to import.
#[derive(Debug)]
pub struct ReadFile {
    pub format: Format,
    pub edges: Vec<Edge>,
    /// Data rows (or statements, or records) read.
    pub rows: u64,
    /// Records that give no edge (see `ImportAnswer::skipped`).
    pub skipped: u64,
    pub file_sha256: String,
}

/// The affiliates of listed parties the ownership graph shows on the question's date, as every
/// face asks it (`earl owners affiliates`, MCP's `affiliates`, Python's `earl.affiliates`).
pub fn affiliates_answer(
    app: &App,
    q: &earl_question::AffiliatesQuestion,
) -> Result<earl_engine::owners::AffiliatesAnswer, Failure> {
    let date = earl_engine::questions::date_or_today(q.date.as_deref())?;
    Ok(app.engine()?.affiliates(date)?)
}

/// Reads an ownership file into edges of `dataset`, imported on `today`.
pub fn read(path: &Path, format: Format, dataset: &str, today: Date) -> Result<ReadFile, Failure> {
    let bytes = std::fs::read(path).map_err(|e| Failure::cannot_read(path, &e))?;
    let file_sha256 = hex_sha256(&bytes);
    let imported = today.to_string();
    let (edges, rows, skipped) = match format {
        Format::Csv => {
            let (edges, rows) = read_csv(path, &bytes, dataset, today)?;
            // Shares in one party can be checked only where each is stated exactly.
            check_totals(path, &edges)?;
            (edges, rows, 0)
        }
        Format::Bods => bods::read(path, &json_of(path, &bytes)?, dataset, &imported)?,
        Format::Gleif => gleif::read(path, &json_of(path, &bytes)?, dataset, &imported)?,
    };
    Ok(ReadFile {
        format,
        edges,
        rows,
        skipped,
        file_sha256,
    })
}

fn json_of(path: &Path, bytes: &[u8]) -> Result<Value, Failure> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| Failure::input(format!("{}: not UTF-8: {e}", path.display())))?;
    crate::json::parse(text).map_err(|e| {
        Failure::said(
            2,
            Problem::NotJson {
                file: path.display().to_string(),
                error: e.to_string(),
            },
        )
    })
}

/// A refusal at a place in a JSON file (`statements[3].recordDetails.interests[0]`).
fn at_path(path: &Path, place: &str, what: impl std::fmt::Display) -> Failure {
    Failure::input(format!("{}: {place}: {what}", path.display()))
}

/// A date of a JSON file: `YYYY-MM-DD`, or an RFC 3339 date-time whose date is taken.
fn json_date(path: &Path, place: &str, value: &Value) -> Result<Option<Date>, Failure> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => s
            .get(..10)
            .and_then(|d| d.parse::<Date>().ok())
            .map(Some)
            .ok_or_else(|| at_path(path, place, format!("`{}` is not a date", shown(s)))),
        other => Err(at_path(path, place, format!("{other} is not a date"))),
    }
}

/// A party's name from a JSON file, checked as a screened name is.
fn json_name(path: &Path, place: &str, name: &str) -> Result<String, Failure> {
    earl_engine::screenable(name, "the name").map_err(|e| at_path(path, place, e))?;
    Ok(name.to_string())
}

mod bods {
    //! BODS 0.4: statements of entities, persons and relationships, joined by `recordId`.
    use super::*;

    /// A share as BODS gives it, read into earl's: an exact percentage, or a range whose lower
    /// bound is `minimum` (else `exclusiveMinimum`, else 0) and upper bound `maximum` (else
    /// `exclusiveMaximum`, else 100). The exclusive bounds are kept as the bounds: the upper
    /// one can only add to what may be held, the lower one is never more than what is held.
    fn share(path: &Path, place: &str, share: &Value) -> Result<Share, Failure> {
        let bound = |key: &str| -> Result<Option<f64>, Failure> {
            match share.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(v) => v
                    .as_f64()
                    .filter(|p| (0.0..=100.0).contains(p))
                    .map(Some)
                    .ok_or_else(|| {
                        at_path(
                            path,
                            &format!("{place}.{key}"),
                            format!("{v} is not a percentage from 0 to 100"),
                        )
                    }),
            }
        };
        if let Some(exact) = bound("exact")? {
            return Ok(Share::Percent { percent: exact });
        }
        let minimum = bound("minimum")?
            .or(bound("exclusiveMinimum")?)
            .unwrap_or(0.0);
        let maximum = bound("maximum")?
            .or(bound("exclusiveMaximum")?)
            .unwrap_or(100.0);
        if minimum > maximum {
            return Err(at_path(
                path,
                place,
                format!("the minimum {minimum} is above the maximum {maximum}"),
            ));
        }
        Ok(Share::Range { minimum, maximum })
    }

    pub(super) fn read(
        path: &Path,
        value: &Value,
        dataset: &str,
        imported: &str,
    ) -> Result<(Vec<Edge>, u64, u64), Failure> {
        let statements = value
            .as_array()
            .ok_or_else(|| at_path(path, "top level", "BODS statements are a JSON array"))?;
        // The latest statement of each record, in file order (later statements update earlier).
        let mut names: HashMap<&str, String> = HashMap::new();
        let mut relationships: Vec<(usize, &Value)> = Vec::new();
        for (i, s) in statements.iter().enumerate() {
            let place = format!("statements[{i}]");
            let text = |key: &str| -> Result<&str, Failure> {
                s.get(key).and_then(Value::as_str).ok_or_else(|| {
                    at_path(path, &place, format!("no `{key}` (required by BODS 0.4)"))
                })
            };
            text("statementId")?;
            let record_id = text("recordId")?;
            let details = s.get("recordDetails").ok_or_else(|| {
                at_path(path, &place, "no `recordDetails` (required by BODS 0.4)")
            })?;
            match text("recordType")? {
                "entity" => {
                    if let Some(name) = details.get("name").and_then(Value::as_str) {
                        names.insert(
                            record_id,
                            json_name(path, &format!("{place}.recordDetails.name"), name)?,
                        );
                    }
                }
                "person" => {
                    let full = details
                        .get("names")
                        .and_then(Value::as_array)
                        .and_then(|n| {
                            n.iter()
                                .find_map(|n| n.get("fullName").and_then(Value::as_str))
                        });
                    if let Some(name) = full {
                        names.insert(
                            record_id,
                            json_name(path, &format!("{place}.recordDetails.names"), name)?,
                        );
                    }
                }
                "relationship" => relationships.push((i, s)),
                other => {
                    return Err(at_path(
                        path,
                        &format!("{place}.recordType"),
                        format!("`{}` is not entity, person or relationship", shown(other)),
                    ));
                }
            }
        }
        let mut edges = Vec::new();
        let mut skipped = 0;
        for (i, s) in relationships {
            let place = format!("statements[{i}].recordDetails");
            let details = &s["recordDetails"];
            // A primary indirect relationship restates its components, which are imported:
            // counting both would count the same shares twice.
            let has_components = details
                .get("componentRecords")
                .and_then(Value::as_array)
                .is_some_and(|c| !c.is_empty());
            // An unspecified party (an object with a reason) names no one to screen.
            let (Some(subject), Some(party)) = (
                details.get("subject").and_then(Value::as_str),
                details.get("interestedParty").and_then(Value::as_str),
            ) else {
                skipped += 1;
                continue;
            };
            if has_components {
                skipped += 1;
                continue;
            }
            let name = |id: &str, what: &str| {
                names.get(id).cloned().ok_or_else(|| {
                    at_path(
                        path,
                        &format!("{place}.{what}"),
                        format!(
                            "no entity or person statement with recordId `{}`",
                            shown(id)
                        ),
                    )
                })
            };
            let (owned, owner) = (name(subject, "subject")?, name(party, "interestedParty")?);
            let closed = s.get("recordStatus").and_then(Value::as_str) == Some("closed");
            let statement_date = json_date(
                path,
                &format!("statements[{i}].statementDate"),
                &s["statementDate"],
            )?;
            let interests = details
                .get("interests")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let source = format!(
                "BODS statement {}{}",
                s["statementId"].as_str().unwrap_or_default(),
                statement_date.map_or_else(String::new, |d| format!(" of {d}"))
            );
            // Shareholdings state ownership; any other interest states control, not a share.
            let mut shares = Vec::new();
            let mut other_interest = interests.is_empty();
            for (k, interest) in interests.iter().enumerate() {
                let iplace = format!("{place}.interests[{k}]");
                let from = json_date(
                    path,
                    &format!("{iplace}.startDate"),
                    interest.get("startDate").unwrap_or(&Value::Null),
                )?;
                // `endDate` is the day the interest ceased: it held until the day before.
                let ended = json_date(
                    path,
                    &format!("{iplace}.endDate"),
                    interest.get("endDate").unwrap_or(&Value::Null),
                )?
                .or(if closed { statement_date } else { None })
                .map(|d| d.yesterday().unwrap_or(d));
                match (
                    interest.get("type").and_then(Value::as_str),
                    interest.get("share"),
                ) {
                    (Some("shareholding"), Some(share_value)) => {
                        shares.push((
                            share(path, &format!("{iplace}.share"), share_value)?,
                            from,
                            ended,
                        ));
                    }
                    _ => other_interest = true,
                }
            }
            if shares.is_empty() && other_interest {
                shares.push((Share::Control, None, None));
            }
            for (share, from, to) in shares {
                edges.push(Edge {
                    owner: owner.clone(),
                    owned: owned.clone(),
                    share,
                    source: source.clone(),
                    from: from.map(|d| d.to_string()),
                    to: to.map(|d| d.to_string()),
                    imported: imported.to_string(),
                    dataset: dataset.to_string(),
                });
            }
        }
        Ok((edges, statements.len() as u64, skipped))
    }
}

mod gleif {
    //! GLEIF Level 2: accounting-consolidation parents, as the GLEIF API returns them.
    use super::*;

    /// The relationship types that state a consolidation parent (GLEIF RR CDF
    /// `RelationshipType`): the direct and the ultimate accounting-consolidation parent.
    const CONSOLIDATION: [&str; 2] = [
        "IS_DIRECTLY_CONSOLIDATED_BY",
        "IS_ULTIMATELY_CONSOLIDATED_BY",
    ];

    pub(super) fn read(
        path: &Path,
        value: &Value,
        dataset: &str,
        imported: &str,
    ) -> Result<(Vec<Edge>, u64, u64), Failure> {
        let documents: Vec<&Value> = match value {
            Value::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        // Every resource of every document, with its place.
        let mut resources: Vec<(String, &Value, Option<&str>)> = Vec::new();
        for (d, doc) in documents.iter().enumerate() {
            let published = doc
                .pointer("/meta/goldenCopy/publishDate")
                .and_then(Value::as_str);
            match doc.get("data") {
                Some(Value::Array(items)) => {
                    for (k, r) in items.iter().enumerate() {
                        resources.push((format!("documents[{d}].data[{k}]"), r, published));
                    }
                }
                Some(r @ Value::Object(_)) => {
                    resources.push((format!("documents[{d}].data"), r, published))
                }
                _ => {
                    return Err(at_path(
                        path,
                        &format!("documents[{d}]"),
                        "no `data` (a GLEIF API document has one)",
                    ));
                }
            }
        }
        let mut names: HashMap<&str, String> = HashMap::new();
        for (place, r, _) in &resources {
            if r.get("type").and_then(Value::as_str) == Some("lei-records")
                && let (Some(lei), Some(name)) = (
                    r.get("id").and_then(Value::as_str),
                    r.pointer("/attributes/entity/legalName/name")
                        .and_then(Value::as_str),
                )
            {
                names.insert(
                    lei,
                    json_name(
                        path,
                        &format!("{place}.attributes.entity.legalName.name"),
                        name,
                    )?,
                );
            }
        }
        let named = |lei: &str| {
            names
                .get(lei)
                .cloned()
                .unwrap_or_else(|| format!("LEI {lei}"))
        };
        let mut edges = Vec::new();
        let (mut rows, mut skipped) = (0, 0);
        for (place, r, published) in &resources {
            if r.get("type").and_then(Value::as_str) != Some("relationship-records") {
                continue;
            }
            rows += 1;
            let relationship = r
                .pointer("/attributes/relationship")
                .ok_or_else(|| at_path(path, place, "no `attributes.relationship`"))?;
            let field = |pointer: &str| -> Result<&str, Failure> {
                relationship
                    .pointer(pointer)
                    .and_then(Value::as_str)
                    .ok_or_else(|| {
                        at_path(
                            path,
                            &format!(
                                "{place}.attributes.relationship{}",
                                pointer.replace('/', ".")
                            ),
                            "missing",
                        )
                    })
            };
            let kind = field("/type")?;
            let deleted = r
                .pointer("/attributes/extension/deletedAt")
                .is_some_and(|d| !d.is_null());
            if !CONSOLIDATION.contains(&kind) || deleted {
                skipped += 1;
                continue;
            }
            // The start node is consolidated by the end node: the end node is the parent.
            let (child, parent) = (field("/startNode/id")?, field("/endNode/id")?);
            let status = field("/status")?;
            // The relationship's own period (not the accounting or filing period) dates it.
            let period = relationship
                .get("periods")
                .and_then(Value::as_array)
                .and_then(|p| {
                    p.iter().find(|p| {
                        p.get("type").and_then(Value::as_str) == Some("RELATIONSHIP_PERIOD")
                    })
                });
            let date = |key: &str| -> Result<Option<Date>, Failure> {
                match period.and_then(|p| p.get(key)) {
                    Some(v) => json_date(
                        path,
                        &format!("{place}.attributes.relationship.periods.{key}"),
                        v,
                    ),
                    None => Ok(None),
                }
            };
            let source = format!(
                "GLEIF relationship record {} {kind} ({status}){}",
                r.get("id").and_then(Value::as_str).unwrap_or(child),
                published.map_or_else(String::new, |p| format!(
                    ", golden copy of {}",
                    &p[..p.len().min(10)]
                ))
            );
            edges.push(Edge {
                owner: named(parent),
                owned: named(child),
                share: Share::Consolidation,
                source,
                from: date("startDate")?.map(|d| d.to_string()),
                to: date("endDate")?.map(|d| d.to_string()),
                imported: imported.to_string(),
                dataset: dataset.to_string(),
            });
        }
        Ok((edges, rows, skipped))
    }
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
    let row = |line: u64, reason: RowReason| {
        Failure::file(FileProblem::Row {
            file: path.display().to_string(),
            line,
            reason,
        })
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
    let mut lines =
        crate::lines::LineCounter::open(path).map_err(|e| Failure::cannot_open(path, &e))?;
    let mut edges = Vec::new();
    let mut seen: HashSet<(String, String, String, String)> = HashSet::new();
    let mut rows = 0;
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
            Failure::unreadable_row(path, line, &e)
        })?;
        rows += 1;
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        let field = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("");
        let name = |i: Option<usize>, what: &str| -> Result<String, Failure> {
            let value = field(i);
            earl_engine::screenable(value, &format!("the {what}")).map_err(|e| {
                let reason = match e {
                    earl_engine::EngineError::Input(error) => RowReason::InColumn {
                        column: what.to_string(),
                        error: Box::new(error),
                    },
                    e => RowReason::Said(format!("column `{what}`: {e}")),
                };
                row(line, reason)
            })?;
            Ok(value.to_string())
        };
        let owner = name(owner_at, "owner")?;
        let owned = name(owned_at, "owned")?;
        if earl_core::ownership::key(&owner) == earl_core::ownership::key(&owned) {
            return Err(row(line, RowReason::OwnsItself { name: owner }));
        }
        let raw = field(percent_at);
        let percent: f64 = raw
            .trim_end_matches('%')
            .parse()
            .ok()
            .filter(|p: &f64| p.is_finite() && *p > 0.0 && *p <= 100.0)
            .ok_or_else(|| {
                row(
                    line,
                    RowReason::NotShare {
                        text: raw.to_string(),
                    },
                )
            })?;
        let date = |i: Option<usize>, what: &str| -> Result<Option<String>, Failure> {
            match field(i) {
                "" => Ok(None),
                d => d.parse::<Date>().map(|d| Some(d.to_string())).map_err(|_| {
                    row(
                        line,
                        RowReason::NotDate {
                            column: what.to_string(),
                            text: d.to_string(),
                        },
                    )
                }),
            }
        };
        let (from, to) = (date(from_at, "from")?, date(to_at, "to")?);
        if let (Some(f), Some(t)) = (&from, &to)
            && f > t
        {
            return Err(row(
                line,
                RowReason::ToBeforeFrom {
                    from: f.clone(),
                    to: t.clone(),
                },
            ));
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
            return Err(row(line, RowReason::HoldingTwice { owner, owned }));
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
