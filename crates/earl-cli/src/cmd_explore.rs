//! `earl scenarios`, `earl diff`, `earl timeline`, `earl impact`: exploring rule versions and
//! proposals. The work is in `earl_engine::explore`; this file parses arguments and prints.

use crate::app::{App, Failure, date_or_today, print_json};
use clap::Args;
use earl_core::metrics::fmt_num;
use earl_engine::explore::diff::{DiffReport, DiffRequest};
use earl_engine::explore::impact::{
    ImpactReport, ImpactRequest, fmt_count, parse_price, parse_units,
};
use earl_engine::explore::timeline::{TimelineReport, TimelineRequest};
use earl_engine::explore::{EntryRef, svg};
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct ScenariosArgs {
    /// Also validate and list this scenario file.
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<String>,
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
    #[arg(long)]
    pub json: bool,
}

pub fn scenarios(app: &App, a: &ScenariosArgs) -> Result<(), Failure> {
    let (engine, _) = app.engine_with_scenario(a.scenario.as_deref())?;
    let rows = engine.scenario_rows();
    if a.json {
        return print_json(&rows);
    }
    println!(
        "{} scenarios (use with --scenario ID, or as A/B of earl diff):",
        rows.len()
    );
    for r in &rows {
        let status = serde_json::to_value(r.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let when = match (r.effective, r.until) {
            (Some(e), Some(u)) => format!("effective {e} until {u}"),
            (Some(e), None) => format!("effective {e}"),
            (None, _) => "no effective date: applies to any date asked".into(),
        };
        println!("\n{} — {}\n  status: {status}; {when}", r.id, r.title);
        println!("  {}", wrap(r.summary, 100, "  "));
        for c in &r.cites {
            println!("  — {} [{}]", c.text, confidence(c.confidence));
        }
    }
    Ok(())
}

fn confidence(c: earl_core::cite::Confidence) -> String {
    serde_json::to_value(c)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Wraps text at `width` columns, continuing lines with `indent`.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split_whitespace() {
        if line > 0 && line + 1 + word.chars().count() > width {
            out.push('\n');
            out.push_str(indent);
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += word.chars().count();
    }
    out
}

/// Whether a value names a scenario file rather than an id or a date.
fn is_file(s: &str) -> bool {
    s.ends_with(".toml") || Path::new(s).is_file()
}

pub fn diff(app: &App, a: &DiffArgs) -> Result<(), Failure> {
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
    if let Some(path) = &a.svg {
        write_file(path, &svg::diff_matrix(&report))?;
    }
    if a.json {
        return print_json(&report);
    }
    print_diff(&report);
    if let Some(path) = &a.svg {
        println!("\nMatrix written to {}", path.display());
    }
    Ok(())
}

fn write_file(path: &Path, text: &str) -> Result<(), Failure> {
    std::fs::write(path, text)
        .map_err(|e| Failure::input(format!("cannot write {}: {e}", path.display())))
}

fn entry(e: &EntryRef) -> String {
    format!(
        "{} {} ({})",
        e.kind,
        e.id,
        e.amendment.as_deref().unwrap_or("?")
    )
}

fn print_diff(r: &DiffReport) {
    println!(
        "earl diff: A = {}  →  B = {}",
        r.from.describe(),
        r.to.describe()
    );
    println!(
        "Exports from the United States, no end user named; outcomes compared: licence, exception, review policy, conditions, charges."
    );
    for (title, list) in [
        ("Applied in B only", &r.amendments_only_in_to),
        ("Applied in A only", &r.amendments_only_in_from),
    ] {
        if !list.is_empty() {
            println!("\n{title}:");
            for am in list {
                println!("  {} — {}\n      — {}", am.id, am.title, am.cite.text);
            }
        }
    }
    println!(
        "\n{} chips × {} destinations = {} cells; {} changed.",
        r.summary.chips, r.summary.destinations, r.summary.cells, r.summary.changed
    );
    for (t, n) in &r.summary.transitions {
        println!("  {n:>4}  {t}");
    }
    for c in &r.changes {
        println!("\n{} → {}", c.chip_name, c.destination);
        println!("  A: {}  [{}]", c.from.brief(), c.from.classification);
        println!("  B: {}  [{}]", c.to.brief(), c.to.classification);
        if !c.because.amendments.is_empty() {
            println!("  because of: {}", c.because.amendments.join(", "));
        }
        for e in &c.because.entries_added {
            println!("    + {}", entry(e));
        }
        for e in &c.because.entries_dropped {
            println!("    − {}", entry(e));
        }
        for g in &c.because.country_group_changes {
            println!(
                "    Country Group: {} {} {} on {} — {}",
                g.country, g.action, g.group, g.effective, g.cite
            );
        }
    }
}

pub fn timeline(app: &App, a: &TimelineArgs) -> Result<(), Failure> {
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
    if let Some(path) = &a.svg {
        write_file(path, &svg::timeline_chart(&report, until))?;
    }
    if a.json {
        return print_json(&report);
    }
    print_timeline(&report, until);
    if let Some(path) = &a.svg {
        println!("\nChart written to {}", path.display());
    }
    Ok(())
}

fn print_timeline(r: &TimelineReport, until: jiff::civil::Date) {
    let scenario = r
        .scenario
        .as_deref()
        .map(|s| format!(", scenario {s}"))
        .unwrap_or_default();
    println!(
        "{} → {}: exports from the United States, no end user named{scenario}; {} rule versions checked from {} to {until}, {} distinct periods.",
        r.chip_name,
        r.destination,
        r.dates_checked.len(),
        r.dates_checked
            .first()
            .map(|d| d.to_string())
            .unwrap_or_default(),
        r.periods.len()
    );
    for p in &r.periods {
        let end = p
            .until
            .map_or_else(|| "today".to_string(), |d| d.to_string());
        println!("\n{} → {end}   {}", p.from, p.outcome.verdict.label());
        println!("  {}  [{}]", p.outcome.brief(), p.outcome.classification);
        for e in &p.changed_by {
            println!("  changed by: {}", e.describe());
        }
        if !p.because.is_empty() {
            let ids: Vec<String> = p.because.iter().map(entry).collect();
            println!("  decided by: {}", ids.join("; "));
        }
    }
}

pub fn impact(app: &App, a: &ImpactArgs) -> Result<(), Failure> {
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
    if a.json {
        return print_json(&report);
    }
    print_impact(&report);
    Ok(())
}

/// A share as a percentage: 0.8252 → "82.52%".
fn percent(x: f64) -> String {
    format!("{:.2}%", x * 100.0)
}

/// A rate as a percentage without trailing zeros: 0.25 → "25%".
fn rate(x: f64) -> String {
    format!("{}%", fmt_num(x * 100.0))
}

/// US dollars with thousands separators and cents: 2700000000 → "$2,700,000,000.00".
fn money(x: f64) -> String {
    let cents = (x * 100.0).round() as i128;
    format!("${}.{:02}", fmt_count((cents / 100) as f64), cents % 100)
}

/// A number with thousands separators and two decimals.
fn decimal(x: f64) -> String {
    let hundredths = (x * 100.0).round() as i128;
    format!(
        "{}.{:02}",
        fmt_count((hundredths / 100) as f64),
        hundredths % 100
    )
}

/// FLOP/s in the largest readable unit.
fn flops(x: f64) -> String {
    match x {
        x if x >= 1e18 => format!("{:.3} EFLOP/s", x / 1e18),
        x if x >= 1e15 => format!("{:.3} PFLOP/s", x / 1e15),
        x => format!("{:.3} TFLOP/s", x / 1e12),
    }
}

fn print_impact(r: &ImpactReport) {
    println!(
        "earl impact: {} to {}, exports from the United States",
        r.rules.describe(),
        r.destination
    );
    println!(
        "\n{:<28} {:>10} {:>16} {:>12} {:>16} {:>16}  determination",
        "chip", "units", "TPP", "H100-eq", "FP16 dense", "FP8 dense"
    );
    for l in &r.lines {
        println!(
            "{:<28} {:>10} {:>16} {:>12} {:>16} {:>16}  {} — {}",
            l.chip_name,
            fmt_count(l.units as f64),
            fmt_num(l.total_tpp),
            decimal(l.h100_equivalents),
            l.fp16_flops.map_or_else(|| "missing".into(), flops),
            l.fp8_flops.map_or_else(|| "missing".into(), flops),
            l.outcome.brief(),
            l.outcome.verdict.licensable_label()
        );
    }
    println!(
        "\nTotal: {} units, {} TPP = {} H100 equivalents (one H100 SXM = {} TPP in the catalog).",
        fmt_count(r.total_units as f64),
        fmt_num(r.total_tpp),
        decimal(r.h100_equivalents),
        fmt_num(r.h100_tpp)
    );
    println!(
        "Dense FP16: {}; dense FP8: {}.",
        flops(r.fp16_flops),
        flops(r.fp8_flops)
    );
    if !r.missing_precisions.is_empty() {
        println!(
            "Not counted (the catalog lists no throughput at that precision): {}.",
            r.missing_precisions.join(", ")
        );
    }
    println!(
        "\nLicensable: {} of {} units ({}), {} TPP ({}).",
        fmt_count(r.licensable_units as f64),
        fmt_count(r.total_units as f64),
        percent(r.licensable_share_units),
        fmt_num(r.licensable_tpp),
        percent(r.licensable_share_tpp)
    );
    println!("  {}", wrap(r.licensable_definition, 100, "  "));
    let charges: Vec<_> = r
        .lines
        .iter()
        .flat_map(|l| l.charges.iter().map(move |c| (l, c)))
        .collect();
    if charges.is_empty() {
        println!("\nNo fee or tariff applies under these rules.");
    } else {
        println!("\nFees and tariffs (rate × price × units):");
        for (l, c) in charges {
            let amount = match (c.amount_usd, l.price_usd) {
                (Some(a), Some(p)) => format!(
                    "{} × {} × {} units = {}",
                    rate(c.rate),
                    money(p),
                    fmt_count(l.units as f64),
                    money(a)
                ),
                _ => "no --price given, amount not computed".into(),
            };
            println!(
                "  {} {} {}: {amount}\n      — {}",
                l.chip_name,
                c.kind,
                rate(c.rate),
                c.cite
            );
        }
        println!("  Total due: {}", money(r.charges_total_usd));
        if !r.charges_unpriced.is_empty() {
            println!("  Give --price for: {}", r.charges_unpriced.join(", "));
        }
    }
    println!("\nReference figures (source, date, confidence):");
    for c in &r.comparisons {
        let f = &c.figure;
        let value = match f.high {
            Some(h) => format!("{}–{}", fmt_count(f.value), fmt_count(h)),
            None => fmt_count(f.value),
        };
        let unit = match (f.unit.as_str(), &f.chip) {
            ("units", Some(chip)) => format!("units ({chip})"),
            ("percent", _) => "%".into(),
            (u, _) => u.to_string(),
        };
        println!("  {}: {value} {unit}", f.label);
        println!("      {}", c.text);
        println!(
            "      — {} ({}, {})",
            f.source,
            f.date,
            confidence(f.confidence)
        );
        if let Some(n) = &f.note {
            println!("      note: {n}");
        }
    }
}
