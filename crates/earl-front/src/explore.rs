//! `earl scenarios`, `earl diff`, `earl timeline`, `earl impact`: exploring rule versions and
//! proposals. The work is in `earl_engine::explore`; this file parses arguments and prints.

use crate::app::{App, Failure};
use clap::Args;
use earl_engine::explore::diff::DiffRequest;
use earl_engine::explore::impact::{ImpactRequest, parse_price, parse_units};
use earl_engine::explore::timeline::TimelineRequest;
use earl_engine::questions::date_or_today;
use earl_question::{DiffQuestion, ImpactQuestion, Recorded, ScenariosQuestion, TimelineQuestion};
use std::path::PathBuf;

/// `earl scenarios`: the question, and JSON output.
#[derive(Args)]
pub struct ScenariosArgs {
    #[command(flatten)]
    pub question: ScenariosQuestion,
    /// Print the answer as JSON (field names in docs/json.md).
    #[arg(long)]
    pub json: bool,
}

/// `earl diff`: the question, a chart, and JSON output.
#[derive(Args)]
pub struct DiffArgs {
    #[command(flatten)]
    pub question: DiffQuestion,
    /// Write the chips × destinations matrix of B, changed cells outlined, to this SVG file.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Print the answer as JSON (field names in docs/json.md).
    #[arg(long)]
    pub json: bool,
}

/// `earl timeline`: the question, a chart, and JSON output.
#[derive(Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub question: TimelineQuestion,
    /// Write a step chart of the determination over time to this SVG file.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Print the answer as JSON (field names in docs/json.md).
    #[arg(long)]
    pub json: bool,
}

/// `earl impact`: the question, and JSON output.
#[derive(Args)]
pub struct ImpactArgs {
    #[command(flatten)]
    pub question: ImpactQuestion,
    /// Print the answer as JSON (field names in docs/json.md).
    #[arg(long)]
    pub json: bool,
}

use crate::app::is_scenario_file as is_file;

/// The recorded diff report (what `earl diff --json` prints).
pub fn diff_answer(
    app: &App,
    a: &DiffQuestion,
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
        scenario_date: date_or_today(a.date.as_deref())?,
    };
    let report = engine.diff(&req)?;
    app.record(&Recorded::new(a.clone()), &report)?;
    Ok(report)
}

/// The recorded timeline report and its last date (the report is what `--json` prints).
pub fn timeline_answer(
    app: &App,
    a: &TimelineQuestion,
) -> Result<
    (
        earl_engine::explore::timeline::TimelineReport,
        jiff::civil::Date,
    ),
    Failure,
> {
    let (engine, scenario) = app.engine_with_scenario(a.scenario.as_deref())?;
    let until = date_or_today(a.until.as_deref())?;
    let report = engine.timeline(&TimelineRequest {
        chip: a.chip.clone(),
        to: a.to.clone(),
        until,
        scenario: scenario.clone(),
    })?;
    app.record(&Recorded::new(a.clone()), &report)?;
    Ok((report, until))
}

/// The recorded impact report (what `earl impact --json` prints).
pub fn impact_answer(
    app: &App,
    a: &ImpactQuestion,
) -> Result<earl_engine::explore::impact::ImpactReport, Failure> {
    let units = a
        .units
        .iter()
        .map(|u| parse_units(u))
        .collect::<Result<Vec<_>, _>>()?;
    let prices = a
        .prices
        .iter()
        .map(|p| parse_price(p))
        .collect::<Result<Vec<_>, _>>()?;
    let (engine, scenario) = app.engine_with_scenario(a.scenario.as_deref())?;
    let req = ImpactRequest {
        units,
        prices,
        to: a.to.clone().unwrap_or_else(|| "CN".to_string()),
        date: date_or_today(a.date.as_deref())?,
        scenario,
    };
    let report = engine.impact(&req)?;
    app.record(&Recorded::new(a.clone()), &report)?;
    Ok(report)
}
