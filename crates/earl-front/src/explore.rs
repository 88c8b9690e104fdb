//! `earl scenarios`, `earl diff`, `earl timeline`, `earl impact`: exploring rule versions and
//! proposals. The work is in `earl_engine::explore`; this file parses arguments and prints.

use crate::app::{App, Failure, date_or_today};
use clap::Args;
use earl_engine::explore::diff::DiffRequest;
use earl_engine::explore::impact::{ImpactRequest, parse_price, parse_units};
use earl_engine::explore::timeline::TimelineRequest;
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct ScenariosArgs {
    /// Also validate and list this scenario file.
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<String>,
    /// Print the answer as JSON (field names in docs/json.md).
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct DiffArgs {
    /// The rules to compare from: a date (YYYY-MM-DD), a rule version id (an amendment id of
    /// data/rules.toml), a scenario id, or a scenario file.
    #[arg(value_name = "A")]
    pub from: String,
    /// The rules to compare to, in the same forms as A.
    #[arg(value_name = "B")]
    pub to: String,
    /// Destinations (ISO codes or names; repeatable or comma-separated). Default: CN, HK, MO, RU,
    /// IR, SA, AE, IN, VN, MY, SG, IL, DE, GB, JP, US.
    #[arg(long = "to", value_name = "CC")]
    pub destinations: Vec<String>,
    /// Chips (repeatable or comma-separated). Default: every catalog chip.
    #[arg(long)]
    pub chips: Vec<String>,
    /// The date a scenario is laid over (default: today).
    #[arg(long)]
    pub date: Option<String>,
    /// Write the chips × destinations matrix of B, changed cells outlined, to this SVG file.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Print the answer as JSON (field names in docs/json.md).
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct TimelineArgs {
    /// Catalog chip name.
    pub chip: String,
    /// Destination (ISO code or name).
    #[arg(long)]
    pub to: String,
    /// Last date considered (default: today).
    #[arg(long)]
    pub until: Option<String>,
    /// Lay a scenario (id or file) over every date.
    #[arg(long)]
    pub scenario: Option<String>,
    /// Write a step chart of the determination over time to this SVG file.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Print the answer as JSON (field names in docs/json.md).
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct ImpactArgs {
    /// Units shipped, CHIP=N (repeatable), e.g. --units H200=400000.
    #[arg(long, value_name = "CHIP=N", num_args = 1.., required = true)]
    pub units: Vec<String>,
    /// Price per unit in US dollars, CHIP=USD (repeatable), for fees and tariffs.
    #[arg(long, value_name = "CHIP=USD", num_args = 1..)]
    pub price: Vec<String>,
    /// Destination (default CN).
    #[arg(long, default_value = "CN")]
    pub to: String,
    /// Date of the rules (default: today).
    #[arg(long)]
    pub date: Option<String>,
    /// Scenario (id or file) laid over the rules of the date.
    #[arg(long)]
    pub scenario: Option<String>,
    /// Print the answer as JSON (field names in docs/json.md).
    #[arg(long)]
    pub json: bool,
}

/// Whether a value names a scenario file rather than an id or a date.
fn is_file(s: &str) -> bool {
    s.ends_with(".toml") || Path::new(s).is_file()
}

/// The recorded diff report (what `earl diff --json` prints).
pub fn diff_answer(
    app: &App,
    a: &DiffArgs,
) -> Result<earl_engine::explore::diff::DiffReport, Failure> {
    let files: Vec<&str> = [a.from.as_str(), a.to.as_str()]
        .into_iter()
        .filter(|s| is_file(s))
        .collect();
    if files.len() > 1 {
        return Err(Failure::input(
            "at most one side of earl diff can be a scenario file; the other can be a bundled scenario id, a rule version or a date",
        ));
    }
    let (engine, loaded) = app.engine_with_scenario(files.first().copied())?;
    let side = |s: &str| {
        if is_file(s) {
            loaded.clone().unwrap_or_default()
        } else {
            s.to_string()
        }
    };
    let req = DiffRequest {
        from: side(&a.from),
        to: side(&a.to),
        destinations: a.destinations.clone(),
        chips: a.chips.clone(),
        scenario_date: date_or_today(&a.date)?,
    };
    let report = engine.diff(&req)?;
    app.record(&serde_json::json!({"from": req.from, "to": req.to, "destinations": req.destinations, "chips": req.chips, "date": req.scenario_date.to_string()}),
        &report,
    )?;
    Ok(report)
}

/// The recorded timeline report and its last date (the report is what `--json` prints).
pub fn timeline_answer(
    app: &App,
    a: &TimelineArgs,
) -> Result<
    (
        earl_engine::explore::timeline::TimelineReport,
        jiff::civil::Date,
    ),
    Failure,
> {
    let (engine, scenario) = app.engine_with_scenario(a.scenario.as_deref())?;
    let until = date_or_today(&a.until)?;
    let report = engine.timeline(&TimelineRequest {
        chip: a.chip.clone(),
        to: a.to.clone(),
        until,
        scenario: scenario.clone(),
    })?;
    app.record(&serde_json::json!({"chip": a.chip, "to": a.to, "until": until.to_string(), "scenario": scenario}),
        &report,
    )?;
    Ok((report, until))
}

/// The recorded impact report (what `earl impact --json` prints).
pub fn impact_answer(
    app: &App,
    a: &ImpactArgs,
) -> Result<earl_engine::explore::impact::ImpactReport, Failure> {
    let units = a
        .units
        .iter()
        .map(|u| parse_units(u))
        .collect::<Result<Vec<_>, _>>()?;
    let prices = a
        .price
        .iter()
        .map(|p| parse_price(p))
        .collect::<Result<Vec<_>, _>>()?;
    let (engine, scenario) = app.engine_with_scenario(a.scenario.as_deref())?;
    let req = ImpactRequest {
        units,
        prices,
        to: a.to.clone(),
        date: date_or_today(&a.date)?,
        scenario,
    };
    let report = engine.impact(&req)?;
    app.record(&serde_json::json!({"units": a.units, "prices": a.price, "to": req.to, "date": req.date.to_string(), "scenario": req.scenario}),
        &report,
    )?;
    Ok(report)
}
