//! Hit review as every front end asks it (`earl review`, `POST /v1/review`, MCP): the
//! dispositions recorded in the audit trail (`earl_engine::review`), their CSV import and
//! export, and the queue of recorded hits no disposition covers.
//!
//! The CSV columns (`earl review export`, read back by `earl review import`):
//! `party, country, entry, entry_hash, decision, reviewer, reason, expires` — `party`, `entry`,
//! `decision`, `reviewer` and `reason` required; `country` (ISO code or name), `expires`
//! (YYYY-MM-DD) and `entry_hash` optional. A row with an `entry_hash` is refused when the entry
//! has changed since (its reviewer did not see it as it is). Export also writes `id`, `list`,
//! `entry_name` and `date`, which import ignores. An import is recorded whole or not at all;
//! each row's record names the file by SHA-256.

use crate::app::{App, Failure};
use earl_engine::InputError;
use earl_engine::audit::Source;
use earl_engine::review::{Disposition, DispositionView, Evidence, ReviewAdd, RevocationView};
use earl_question::{Decision, ReviewQuestion, RevokeQuestion};
use earl_render::errors::{FileProblem, Problem, RowReason, TrailUse};
use sha2::{Digest, Sha256};
use std::path::Path;

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A file named as evidence or imported, by SHA-256.
fn evidence_of(path: &Path) -> Result<Evidence, Failure> {
    let bytes = std::fs::read(path).map_err(|e| Failure::cannot_read(path, &e))?;
    Ok(Evidence {
        file: path.display().to_string(),
        sha256: sha256_hex(&bytes),
    })
}

fn store(app: &App) -> Result<&earl_store::AuditStore, Failure> {
    app.audit()?
        .ok_or_else(|| Failure::said(2, Problem::NeedsTrail(TrailUse::Dispositions)))
}

/// Records the disposition `q` asks for.
pub fn add(app: &App, q: &ReviewQuestion, source: Source) -> Result<DispositionView, Failure> {
    let engine = app.engine()?;
    let evidence = q
        .evidence
        .as_deref()
        .map(|p| evidence_of(Path::new(p)))
        .transpose()?;
    let disposition =
        engine.disposition(&earl_engine::questions::review_add(q, evidence)?, None)?;
    let mut added = engine.record_dispositions(store(app)?, source, vec![disposition])?;
    Ok(added.remove(0))
}

/// Records the revocation `q` asks for.
pub fn revoke(app: &App, q: &RevokeQuestion, source: Source) -> Result<RevocationView, Failure> {
    let engine = app.engine()?;
    Ok(engine.review_revoke(store(app)?, source, q.disposition, &q.reviewer, &q.reason)?)
}

/// Every disposition recorded, oldest first.
pub fn list(app: &App) -> Result<Vec<DispositionView>, Failure> {
    let engine = app.engine()?;
    if app.args.no_audit {
        return Err(Failure::said(
            2,
            Problem::NeedsTrail(TrailUse::Dispositions),
        ));
    }
    Ok(engine.reviews().all().to_vec())
}

/// One disposition.
pub fn show(app: &App, id: u64) -> Result<DispositionView, Failure> {
    list(app)?
        .into_iter()
        .find(|v| v.id == id)
        .ok_or_else(|| Failure::said(2, Problem::Input(InputError::NoDisposition { id })))
}

/// The recorded hits no disposition covers, oldest first (read-only on the trail).
pub fn queue(app: &App) -> Result<earl_engine::reexamine::ReviewQueue, Failure> {
    let engine = app.engine()?;
    if app.args.no_audit {
        return Err(Failure::said(2, Problem::NeedsTrail(TrailUse::ReviewQueue)));
    }
    let path = app.audit_path()?;
    if !path.exists() {
        return Ok(earl_engine::reexamine::ReviewQueue {
            per_list: Default::default(),
            hits: Vec::new(),
            not_read: Vec::new(),
        });
    }
    Ok(engine.review_queue(&app.audit_read_only()?)?)
}

/// The columns import reads: required, then optional.
const REQUIRED_COLUMNS: [&str; 5] = ["party", "entry", "decision", "reviewer", "reason"];
const OPTIONAL_COLUMNS: [&str; 7] = [
    "country",
    "expires",
    "entry_hash",
    "id",
    "list",
    "entry_name",
    "date",
];

fn decision_of(cell: &str) -> Option<Decision> {
    match cell {
        "false-positive" => Some(Decision::FalsePositive),
        "true-match" => Some(Decision::TrueMatch),
        "escalated" => Some(Decision::Escalated),
        _ => None,
    }
}

fn decision_name(d: Decision) -> &'static str {
    match d {
        Decision::FalsePositive => "false-positive",
        Decision::TrueMatch => "true-match",
        Decision::Escalated => "escalated",
    }
}

/// Imports a CSV of dispositions: every row, or none with the first wrong row's line.
pub fn import(app: &App, path: &Path, source: Source) -> Result<Vec<DispositionView>, Failure> {
    let engine = app.engine()?;
    let file = evidence_of(path)?;
    let at = |line: u64, reason: RowReason| {
        Failure::file(FileProblem::At {
            file: path.display().to_string(),
            line,
            reason,
        })
    };
    // A line the CSV reader could not read, said as the other file readers say it.
    let unreadable = |e: csv::Error, or_line: u64| {
        let line = e.position().map_or(or_line, |p| p.line());
        at(line, RowReason::Unreadable((&e).into()))
    };
    let bytes = std::fs::read(path).map_err(|e| Failure::cannot_read(path, &e))?;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(bytes.as_slice());
    let headers = reader.headers().map_err(|e| unreadable(e, 1))?.clone();
    for h in &headers {
        if !REQUIRED_COLUMNS.contains(&h) && !OPTIONAL_COLUMNS.contains(&h) {
            return Err(at(
                1,
                RowReason::UnknownReviewColumn {
                    name: h.to_string(),
                    required: REQUIRED_COLUMNS.map(String::from).to_vec(),
                    optional: OPTIONAL_COLUMNS.map(String::from).to_vec(),
                },
            ));
        }
    }
    for required in REQUIRED_COLUMNS {
        if !headers.iter().any(|h| h == required) {
            return Err(at(
                1,
                RowReason::HeaderLacks {
                    name: required.to_string(),
                },
            ));
        }
    }
    let mut dispositions: Vec<Disposition> = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| unreadable(e, 0))?;
        let line = row.position().map_or(0, |p| p.line());
        let cell = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .and_then(|i| row.get(i))
                .filter(|c| !c.is_empty())
        };
        let decision = decision_of(cell("decision").unwrap_or_default())
            .ok_or_else(|| at(line, RowReason::NotDecision))?;
        let expires = cell("expires")
            .map(earl_engine::parse_date)
            .transpose()
            .map_err(|e| at(line, e.into()))?;
        let add = ReviewAdd {
            party: cell("party").unwrap_or_default().to_string(),
            entry: cell("entry").unwrap_or_default().to_string(),
            decision,
            reviewer: cell("reviewer").unwrap_or_default().to_string(),
            reason: cell("reason").unwrap_or_default().to_string(),
            country: cell("country").map(str::to_string),
            expires,
            evidence: None,
            imported_from: Some(file.clone()),
        };
        dispositions.push(
            engine
                .disposition(&add, cell("entry_hash"))
                .map_err(|e| at(line, e.into()))?,
        );
    }
    Ok(engine.record_dispositions(store(app)?, source, dispositions)?)
}

/// Writes the dispositions in force as CSV (the columns of the module documentation).
pub fn export(app: &App, out: impl std::io::Write) -> Result<(), Failure> {
    let mut writer = csv::Writer::from_writer(out);
    let csv_error = |e: csv::Error| Failure::internal(format!("output failed: {e}"));
    writer
        .write_record([
            "id",
            "party",
            "country",
            "entry",
            "list",
            "entry_name",
            "entry_hash",
            "decision",
            "reviewer",
            "reason",
            "expires",
            "date",
        ])
        .map_err(csv_error)?;
    for v in list(app)?.iter().filter(|v| v.revoked.is_none()) {
        let d = &v.disposition;
        writer
            .write_record([
                v.id.to_string().as_str(),
                &d.party,
                d.country.as_deref().unwrap_or_default(),
                &d.entry,
                &d.list,
                &d.entry_name,
                &d.entry_hash,
                decision_name(d.decision),
                &d.reviewer,
                &d.reason,
                &d.expires.map(|e| e.to_string()).unwrap_or_default(),
                &d.date.to_string(),
            ])
            .map_err(csv_error)?;
    }
    writer.flush()?;
    Ok(())
}
