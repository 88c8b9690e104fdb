//! `earl licence`, `earl ship` and `earl ledger`: licences and shipments, recorded in the audit
//! trail (see `earl_engine::ledger`). A refused licence or shipment exits with code 3, says why,
//! and writes nothing; one that could not be recorded exits with code 4. Quantities and values
//! are bounded (`earl_engine::ledger::MAX_UNITS`, `MAX_VALUE_USD`): beyond them, exit 2.

use crate::print_json;
use clap::{Args, Subcommand};
use earl_engine::audit::Source;
use earl_engine::ledger::{Refused, ShipRequest, units_in_bounds, value_in_bounds};
use earl_engine::questions::date_or_today;
use earl_front::app::{App, Failure};
use earl_question::{LicenceQuestion, ShipQuestion};
use earl_render::errors::{FileProblem, Problem, RowReason, TrailUse};
use std::path::PathBuf;

/// Exit code of a refused licence or shipment.
pub const REFUSED: u8 = 3;

#[derive(Args)]
pub struct LicenceArgs {
    #[command(subcommand)]
    pub command: LicenceCommand,
}

#[derive(Subcommand)]
pub enum LicenceCommand {
    /// Record a licence BIS granted.
    Add(LicenceAddArgs),
    /// Every licence with its balance.
    List(LicenceListArgs),
    /// One licence with its balance and shipments.
    Show(LicenceShowArgs),
}

/// `earl licence add`: the question, and JSON output.
#[derive(Args)]
pub struct LicenceAddArgs {
    #[command(flatten)]
    pub question: LicenceQuestion,
    /// Print the licence as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct LicenceListArgs {
    /// Balances and expiry as of this date (default: today).
    #[arg(long)]
    pub date: Option<String>,
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct LicenceShowArgs {
    /// The licence number.
    pub number: String,
    /// Balance and expiry as of this date (default: today).
    #[arg(long)]
    pub date: Option<String>,
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `earl ship`: the question, a batch of shipments, and JSON output.
#[derive(Args)]
pub struct ShipArgs {
    #[command(flatten)]
    pub question: ShipQuestion,
    /// A CSV of shipments (columns licence, quantity, date; optional value, chip, system, us),
    /// recorded all or none.
    #[arg(long, value_name = "FILE")]
    pub batch: Option<PathBuf>,
    /// Print the recorded shipments (or the refusal) as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct LedgerArgs {
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
}

fn store(app: &App) -> Result<&earl_store::AuditStore, Failure> {
    app.audit()?.ok_or_else(no_audit)
}

/// The trail opened for reading only, for listings.
fn read_only_store(app: &App) -> Result<earl_store::AuditStore, Failure> {
    match app.args.no_audit {
        true => Err(no_audit()),
        false => app.audit_read_only(),
    }
}

fn no_audit() -> Failure {
    Failure::said(2, Problem::NeedsTrail(TrailUse::Ledger))
}

fn refused(mut r: Refused, json: bool, lang: earl_render::Lang) -> Result<(), Failure> {
    r.text = earl_render::prose::refusal(&r.refusal, lang);
    if json {
        print_json(&serde_json::json!({ "refused": r }))?;
    }
    let row = r.row.map(|n| format!("row {n}: ")).unwrap_or_default();
    Err(Failure {
        code: REFUSED,
        message: format!("refused, nothing recorded: {row}{}", r.text),
        problem: None,
    })
}

pub fn licence(app: &App, a: &LicenceArgs, lang: earl_render::Lang) -> Result<(), Failure> {
    let engine = app.engine()?;
    match &a.command {
        LicenceCommand::Add(a) => {
            let add = earl_engine::questions::licence_add(&a.question)?;
            match engine.licence_add(store(app)?, Source::Cli, &add)? {
                Ok(added) => {
                    if let Some(warning) = earl_render::prose::licence_fresh_check(
                        &added.fresh_check,
                        &added.view.licence.number,
                        lang,
                    ) {
                        eprintln!("earl: warning: {warning}");
                    }
                    if a.json {
                        return print_json(&added);
                    }
                    earl_render::human::licences(
                        &mut std::io::stdout().lock(),
                        &[added.view],
                        lang,
                    )?;
                    Ok(())
                }
                Err(r) => refused(r, a.json, lang),
            }
        }
        LicenceCommand::List(a) => {
            let views =
                engine.licences(&read_only_store(app)?, date_or_today(a.date.as_deref())?)?;
            if a.json {
                return print_json(&serde_json::json!({ "licences": views }));
            }
            earl_render::human::licences(&mut std::io::stdout().lock(), &views, lang)?;
            Ok(())
        }
        LicenceCommand::Show(a) => {
            let ledger = engine.read_ledger(&read_only_store(app)?)?;
            let view = ledger
                .view(&a.number, date_or_today(a.date.as_deref())?)?
                .ok_or_else(|| Failure::input(format!("no licence {} is recorded", a.number)))?;
            if a.json {
                return print_json(&view);
            }
            earl_render::human::licences(&mut std::io::stdout().lock(), &[view], lang)?;
            Ok(())
        }
    }
}

pub fn ship(app: &App, a: &ShipArgs, lang: earl_render::Lang) -> Result<(), Failure> {
    let engine = app.engine()?;
    let requests = match &a.batch {
        Some(path) => read_batch(path, lang)?,
        None => vec![earl_engine::questions::ship_request(&a.question)?],
    };
    let source = if a.batch.is_some() {
        Source::CliBatch
    } else {
        Source::Cli
    };
    match engine.ship(store(app)?, source, &requests, &earl_render::explained)? {
        Ok(answers) if a.json => print_json(&serde_json::json!({ "shipments": answers })),
        Ok(answers) => {
            earl_render::human::shipments(&mut std::io::stdout().lock(), &answers, lang)?;
            Ok(())
        }
        Err(r) => refused(r, a.json, lang),
    }
}

/// Reads a shipments CSV: every row, or a clear error with its line.
fn read_batch(
    path: &std::path::Path,
    lang: earl_render::Lang,
) -> Result<Vec<ShipRequest>, Failure> {
    let file = std::fs::File::open(path).map_err(|e| Failure::cannot_open(path, &e))?;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(std::io::BufReader::new(file));
    let headers = reader
        .headers()
        .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?
        .clone();
    crate::check_columns(
        path,
        &headers,
        &["quantity", "date"],
        &["licence", "value", "chip", "system", "us"],
        lang,
    )?;
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = record.map_err(|e| Failure::unreadable_row(path, line as u64, &e))?;
        let field = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .and_then(|i| record.get(i))
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let row = |reason: RowReason| {
            Failure::file(FileProblem::Row {
                file: path.display().to_string(),
                line: line as u64,
                reason,
            })
        };
        let quantity: u64 = field("quantity")
            .unwrap_or_default()
            .parse()
            .map_err(|_| row(RowReason::QuantityNotUnits))?;
        units_in_bounds("quantity", quantity).map_err(|e| row(RowReason::Input(e)))?;
        let date = earl_engine::parse_date(&field("date").unwrap_or_default())
            .map_err(|e| row(e.into()))?;
        let value = field("value")
            .map(|v| {
                let value = v.parse::<f64>().map_err(|_| {
                    row(RowReason::NotNumber {
                        column: "value".into(),
                        text: v.clone(),
                    })
                })?;
                value_in_bounds("value", value).map_err(|e| row(RowReason::Input(e)))?;
                Ok::<f64, Failure>(value)
            })
            .transpose()?;
        let us = matches!(field("us").as_deref(), Some("true" | "yes" | "1"));
        if us && field("licence").is_some() {
            return Err(row(RowReason::LicenceAndUs));
        }
        // The row as the question it asks, and the shipment that question records.
        let question = ShipQuestion {
            licence: field("licence"),
            us,
            chip: field("chip"),
            system: field("system"),
            quantity: Some(quantity),
            value,
            date: Some(date.to_string()),
            ..ShipQuestion::default()
        };
        out.push(earl_engine::questions::ship_request(&question).map_err(|e| row(e.into()))?);
    }
    if out.is_empty() {
        return Err(Failure::input(format!("{}: no shipments", path.display())));
    }
    Ok(out)
}

pub fn ledger(app: &App, a: &LedgerArgs, lang: earl_render::Lang) -> Result<(), Failure> {
    let engine = app.engine()?;
    let ledger = engine.read_ledger(&read_only_store(app)?)?;
    let no_cap = earl_core::rules::VolumeCap {
        share: 0.0,
        places: Vec::new(),
    };
    let totals = ledger.totals(engine.volume_cap().unwrap_or(&no_cap))?;
    if a.json {
        return print_json(&serde_json::json!({ "items": totals }));
    }
    earl_render::human::ledger(&mut std::io::stdout().lock(), &totals, lang)?;
    Ok(())
}
