//! `earl classify`: a catalog chip or a specification, on a date.

use crate::app::{App, Failure, date_or_today};
use clap::Args;
use earl_core::chip::{ChipKind, CustomSpec, Precision};
use earl_engine::Item;
use serde_json::json;

#[derive(Args)]
pub struct ClassifyArgs {
    /// Catalog chip or system name (case, spaces, hyphens and vendor prefixes don't matter; a
    /// system's name is looked up first, so "HGX B200" is the board).
    #[arg(required_unless_present_any = ["tpp", "throughput", "hbm_bandwidth", "system", "contains"])]
    pub chip: Option<String>,
    /// A catalog system (see `earl systems`), classified under ECCN 4A090.
    #[arg(long, conflicts_with_all = ["chip", "tpp", "throughput", "hbm_bandwidth", "contains"])]
    pub system: Option<String>,
    /// A system not in the catalog: a catalog chip it contains and how many, e.g. H200=8;
    /// repeatable.
    #[arg(long, value_name = "CHIP=COUNT", conflicts_with_all = ["chip", "tpp", "throughput", "hbm_bandwidth"])]
    pub contains: Vec<String>,
    /// Date of the question, YYYY-MM-DD (default: today).
    #[arg(long)]
    pub date: Option<String>,
    /// Apply a scenario (id, or a scenario file).
    #[arg(long)]
    pub scenario: Option<String>,
    /// A chip not in the catalog: its TPP.
    #[arg(long, conflicts_with = "chip", allow_negative_numbers = true)]
    pub tpp: Option<f64>,
    /// A chip not in the catalog: dense throughput at a precision, e.g. fp8=1979; repeatable.
    #[arg(long, value_name = "PRECISION=TOPS", conflicts_with_all = ["chip", "tpp"])]
    pub throughput: Vec<String>,
    /// Applicable die area in mm² (all non-planar logic dies).
    #[arg(long = "die-area", allow_negative_numbers = true, value_name = "MM2")]
    pub die_area: Option<f64>,
    /// Performance density, when it is known but the die area is not.
    #[arg(long, allow_negative_numbers = true, conflicts_with = "die_area")]
    pub pd: Option<f64>,
    /// Whether the chip is designed or marketed for use in datacenters.
    #[arg(long, value_name = "true|false")]
    pub datacenter: Option<bool>,
    /// Total DRAM bandwidth in GB/s.
    #[arg(
        long = "memory-bandwidth",
        allow_negative_numbers = true,
        value_name = "GBPS"
    )]
    pub memory_bandwidth: Option<f64>,
    /// Chip-to-chip (interconnect) bandwidth in GB/s, for the Oct 2022 rule.
    #[arg(
        long = "chip-to-chip",
        allow_negative_numbers = true,
        value_name = "GBPS"
    )]
    pub chip_to_chip: Option<f64>,
    /// An HBM stack (3A090.c): its bandwidth in GB/s; give --package-area too.
    #[arg(long = "hbm-bandwidth", allow_negative_numbers = true, value_name = "GBPS", conflicts_with_all = ["chip", "tpp", "throughput"])]
    pub hbm_bandwidth: Option<f64>,
    /// An HBM stack's package area in mm².
    #[arg(
        long = "package-area",
        allow_negative_numbers = true,
        value_name = "MM2"
    )]
    pub package_area: Option<f64>,
    /// Print the answer as JSON (field names in docs/json.md).
    #[arg(long)]
    pub json: bool,
}

/// Parses `fp8=1979` into a precision and a TOPS figure.
pub fn parse_throughput(s: &str) -> Result<(Precision, f64), Failure> {
    let (p, v) = s.split_once('=').ok_or_else(|| {
        Failure::input(format!(
            "--throughput `{s}`: expected PRECISION=TOPS, e.g. fp8=1979"
        ))
    })?;
    let precision: Precision = p
        .parse()
        .map_err(|e: String| Failure::input(format!("--throughput `{s}`: {e}")))?;
    let tops: f64 = v
        .trim()
        .parse()
        .map_err(|_| Failure::input(format!("--throughput `{s}`: `{v}` is not a number")))?;
    Ok((precision, tops))
}

fn item(a: &ClassifyArgs) -> Result<Item, Failure> {
    if let Some(system) = &a.system {
        return Ok(Item::System(system.clone()));
    }
    if !a.contains.is_empty() {
        return Ok(Item::Contains(earl_engine::parse_contains(&a.contains)?));
    }
    if let Some(chip) = &a.chip {
        return Ok(Item::Catalog(chip.clone()));
    }
    let throughput = a
        .throughput
        .iter()
        .map(|s| parse_throughput(s))
        .collect::<Result<Vec<_>, _>>()?;
    let hbm = a.hbm_bandwidth.is_some();
    if hbm && a.package_area.is_none() {
        return Err(Failure::input(
            "--hbm-bandwidth needs --package-area (mm²) to compute memory bandwidth density",
        ));
    }
    Ok(Item::Spec(CustomSpec {
        tpp: a.tpp,
        throughput,
        die_area_mm2: a.die_area,
        pd: a.pd,
        datacenter: a.datacenter,
        memory_bandwidth_gbps: if hbm {
            a.hbm_bandwidth
        } else {
            a.memory_bandwidth
        },
        chip_to_chip_gbps: a.chip_to_chip,
        package_area_mm2: a.package_area,
        kind: if hbm {
            ChipKind::Hbm
        } else {
            ChipKind::Accelerator
        },
    }))
}

/// The explained, recorded answer of a classification (what `--json` prints).
pub fn answer(app: &App, a: &ClassifyArgs) -> Result<earl_engine::ClassifyAnswer, Failure> {
    let date = date_or_today(&a.date)?;
    let item = item(a)?;
    let (engine, scenario) = app.engine_with_scenario(a.scenario.as_deref())?;
    let answer = earl_render::explained(engine.classify(&item, date, scenario.as_deref())?);
    let inputs = json!({"chip": a.chip, "system": a.system, "contains": a.contains, "tpp": a.tpp, "throughput": a.throughput, "die_area": a.die_area, "pd": a.pd,
        "datacenter": a.datacenter, "memory_bandwidth": a.memory_bandwidth, "chip_to_chip": a.chip_to_chip,
        "hbm_bandwidth": a.hbm_bandwidth, "package_area": a.package_area, "date": date.to_string(), "scenario": scenario});
    app.record(&inputs, &answer)?;
    Ok(answer)
}
