//! `earl audit list|show|verify|export`.

use crate::app::{App, Failure, print_json};
use clap::{Args, Subcommand};
use earl_store::ListFilter;
use std::io::Write;
use std::path::PathBuf;

#[derive(Args)]
pub struct AuditArgs {
    #[command(subcommand)]
    pub command: AuditCommand,
}

#[derive(Subcommand)]
pub enum AuditCommand {
    /// List recorded determinations, oldest first.
    List {
        #[arg(long)]
        kind: Option<String>,
        /// Records at or after this time (RFC 3339 or YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
        /// Records before this time (a bare date includes that day).
        #[arg(long)]
        until: Option<String>,
        #[arg(long, default_value_t = 100)]
        limit: u64,
        #[arg(long)]
        json: bool,
    },
    /// Show one record in full.
    Show {
        seq: u64,
        #[arg(long)]
        json: bool,
    },
    /// Recompute the hash chain and report the first altered record.
    Verify {
        #[arg(long)]
        json: bool,
    },
    /// Write every record as JSON Lines.
    Export {
        /// Output file (default stdout).
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

pub fn run(app: &App, a: &AuditArgs) -> Result<(), Failure> {
    if app.args.no_audit {
        return Err(Failure::input(
            "--no-audit turns the audit trail off; drop it to read the trail",
        ));
    }
    let store = app
        .audit()?
        .ok_or_else(|| Failure::input("no audit trail"))?;
    match &a.command {
        AuditCommand::List {
            kind,
            since,
            until,
            limit,
            json,
        } => {
            let filter = ListFilter {
                kind: kind.clone(),
                since: since.clone(),
                until: until.clone(),
                limit: Some(*limit),
                ..Default::default()
            };
            let rows = store.list(&filter)?;
            if *json {
                return print_json(&rows);
            }
            for r in &rows {
                println!(
                    "{:>6}  {}  {:<9} {:<4} {}",
                    r.seq,
                    r.recorded_at,
                    r.kind,
                    r.source,
                    &r.hash[..16]
                );
            }
            println!("{} records shown ({})", rows.len(), store.path().display());
            Ok(())
        }
        AuditCommand::Show { seq, json } => {
            let rec = store.get(*seq)?.ok_or_else(|| {
                Failure::input(format!("no record {seq} in {}", store.path().display()))
            })?;
            if *json {
                return print_json(&rec);
            }
            println!(
                "record {} — {} {} at {}",
                rec.seq, rec.source, rec.kind, rec.recorded_at
            );
            println!(
                "earl {} · rules {} · lists {}",
                rec.earl_version,
                rec.rules_hash,
                rec.lists_hash.as_deref().unwrap_or("-")
            );
            println!("hash {} (previous {})", rec.hash, rec.prev_hash);
            println!(
                "inputs: {}",
                serde_json::to_string_pretty(&rec.inputs).unwrap_or_default()
            );
            println!(
                "outputs: {}",
                serde_json::to_string_pretty(&rec.outputs).unwrap_or_default()
            );
            Ok(())
        }
        AuditCommand::Verify { json } => {
            let report = store.verify()?;
            if *json {
                print_json(&report)?;
            } else if report.ok {
                println!(
                    "ok: {} records, chain intact ({})",
                    report.records,
                    store.path().display()
                );
            } else {
                println!(
                    "ALTERED: first bad record {} of {}: {}",
                    report.first_bad.map_or("?".into(), |s| s.to_string()),
                    report.records,
                    report.reason.as_deref().unwrap_or("")
                );
            }
            if report.ok {
                Ok(())
            } else {
                Err(Failure {
                    code: 1,
                    message: "the audit trail does not verify".into(),
                })
            }
        }
        AuditCommand::Export { out } => {
            let mut w: Box<dyn Write> = match out {
                Some(p) => Box::new(std::io::BufWriter::new(std::fs::File::create(p).map_err(
                    |e| Failure::input(format!("{}: cannot create: {e}", p.display())),
                )?)),
                None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            };
            let n = store.export_jsonl(&mut *w)?;
            w.flush()?;
            eprintln!("earl: exported {n} records");
            Ok(())
        }
    }
}
