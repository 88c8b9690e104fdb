//! `earl audit list|show|verify|tail|migrate|rescreen|recheck|export`. Reading commands open
//! the trail read-only, so an auditor's read-only or WORM copy lists and verifies.

use crate::print_json;
use clap::{Args, Subcommand};
use earl_front::app::{App, Failure};
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
        /// Only records of this kind (check, classify, screen, match, diff, timeline, impact, ...).
        #[arg(long)]
        kind: Option<String>,
        /// Records at or after this time (RFC 3339 or YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
        /// Records before this time (a bare date includes that day).
        #[arg(long)]
        until: Option<String>,
        /// Most records to list.
        #[arg(long, default_value_t = 100)]
        limit: u64,
        /// Print the records as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one record in full.
    Show {
        /// The record's sequence number (see `earl audit list`).
        seq: u64,
        /// Print the record as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Recompute the hash chain and report the first altered record.
    Verify {
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the last record's sequence number and hash: keep them elsewhere (a ticket, a
    /// signed log), since a hash chain cannot show by itself that its tail was cut.
    Tail {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Upgrade an audit trail of schema 2 to schema 3: backed up beside it, verified before
    /// and after, left untouched if either check fails.
    Migrate {
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Screen every party name of the trail (end users, owners, batch rows, screened names)
    /// again against the lists in use; report new matches and matches gone, with their records.
    /// Names already rescreened against the same lists are not screened again.
    Rescreen {
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Answer every recorded check again under the rules and lists in use, as of its own date;
    /// report the ones whose answer changed and what made the difference.
    Recheck {
        /// Only checks recorded at or after this time (RFC 3339 or YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
        /// Print the report as JSON.
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

pub fn run(app: &App, a: &AuditArgs, lang: earl_render::Lang) -> Result<(), Failure> {
    if app.args.no_audit {
        return Err(Failure::input(
            "--no-audit turns the audit trail off; drop it to read the trail",
        ));
    }
    let open = || app.audit()?.ok_or_else(|| Failure::input("no audit trail"));
    match &a.command {
        AuditCommand::Migrate { json } => {
            let path = app.audit_path()?;
            let report = earl_store::migrate(&path)?;
            if *json {
                return print_json(&report);
            }
            earl_render::human::migration(&mut std::io::stdout().lock(), &path, &report)?;
            Ok(())
        }
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
            let store = app.audit_read_only()?;
            let rows = store.list(&filter)?;
            if *json {
                return print_json(&rows);
            }
            earl_render::human::audit_list(
                &mut std::io::stdout().lock(),
                &rows,
                store.path(),
                lang,
            )?;
            Ok(())
        }
        AuditCommand::Show { seq, json } => {
            let store = app.audit_read_only()?;
            let rec = store.get(*seq)?.ok_or_else(|| {
                Failure::input(format!("no record {seq} in {}", store.path().display()))
            })?;
            if *json {
                return print_json(&rec);
            }
            earl_render::human::audit_record(&mut std::io::stdout().lock(), &rec)?;
            Ok(())
        }
        AuditCommand::Verify { json } => {
            let store = app.audit_read_only()?;
            let report = store.verify()?;
            if *json {
                print_json(&report)?;
            } else {
                earl_render::human::audit_verify(
                    &mut std::io::stdout().lock(),
                    &report,
                    store.path(),
                    lang,
                )?;
            }
            if report.ok {
                Ok(())
            } else {
                Err(Failure {
                    code: 1,
                    message: "the audit trail does not verify".into(),
                    problem: None,
                })
            }
        }
        AuditCommand::Tail { json } => {
            let store = app.audit_read_only()?;
            let tail = store.tail()?;
            if *json {
                let (seq, hash) = tail.unzip();
                return print_json(&serde_json::json!({"seq": seq, "hash": hash}));
            }
            earl_render::human::audit_tail(
                &mut std::io::stdout().lock(),
                tail,
                store.path(),
                lang,
            )?;
            Ok(())
        }
        AuditCommand::Rescreen { json } => {
            let store = open()?;
            let report = app.engine()?.rescreen(store)?;
            app.record(&serde_json::json!({"command": "audit rescreen"}), &report)?;
            if *json {
                return print_json(&report);
            }
            earl_render::currency::rescreen(&mut std::io::stdout().lock(), &report, lang)?;
            Ok(())
        }
        AuditCommand::Recheck { since, json } => {
            let store = open()?;
            let report = app.engine()?.recheck(store, since.as_deref())?;
            app.record(
                &serde_json::json!({"command": "audit recheck", "since": since}),
                &report,
            )?;
            if *json {
                return print_json(&report);
            }
            earl_render::currency::recheck(&mut std::io::stdout().lock(), &report, lang)?;
            Ok(())
        }
        AuditCommand::Export { out } => {
            let mut w: Box<dyn Write> = match out {
                Some(p) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(p).map_err(|e| Failure::cannot_create(p, &e))?,
                )),
                None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            };
            let n = app.audit_read_only()?.export_jsonl(&mut *w)?;
            w.flush()?;
            eprintln!("earl: {}", earl_render::status::audit_exported(n, lang));
            Ok(())
        }
    }
}
