//! `earl impact`: how much compute a set of shipments moves, how much of it a scenario would
//! license, the fees or tariffs due, and how it compares with cited reference figures.
//!
//! Arithmetic is exact: TPP and throughput are held in thousandths (every catalog figure has at
//! most three decimals), prices in cents and rates in basis points, all as integers; only the
//! final ratios (H100 equivalents, shares) are divisions.

use super::{EntryRef, Outcome, PointKind, RulePoint};
use crate::{Engine, EngineError, InputError};
use earl_core::chip::{Chip, Precision};
use jiff::civil::Date;
use serde::Serialize;

/// The catalog id whose TPP defines one "H100 equivalent".
pub const H100_ID: &str = "h100-sxm";

/// How `earl impact` counts a unit as licensable.
pub const LICENSABLE_DEFINITION: &str = "A unit is licensable when, under the rules (and scenario) asked, its export to the destination needs no licence, or a licence exception can authorise it, or a licence is required under a review policy that is not a presumption or policy of denial (case-by-case, presumption of approval, or none stated), and it is not prohibited. Units under a presumption or policy of denial, prohibited, or whose classification the figures cannot decide are not licensable.";

pub use earl_data::figures::ReferenceFigure;

#[derive(Debug, Clone)]
pub struct ImpactRequest {
    /// (chip name, units).
    pub units: Vec<(String, u64)>,
    /// (chip name, price per unit in US cents).
    pub prices: Vec<(String, u64)>,
    pub to: String,
    pub date: Date,
    pub scenario: Option<String>,
}

/// Parses `CHIP=N` into a chip name and a positive whole number of units.
pub fn parse_units(arg: &str) -> Result<(String, u64), EngineError> {
    let (chip, n) = split_assignment(arg, "--units", "CHIP=N", "H200=1000")?;
    let n = n.trim();
    let units: u64 = n.parse().map_err(|_| {
        EngineError::Input(InputError::BadUnits {
            arg: arg.to_string(),
            n: n.to_string(),
        })
    })?;
    if units == 0 {
        return Err(EngineError::Input(InputError::ZeroUnits {
            arg: arg.to_string(),
        }));
    }
    Ok((chip, units))
}

/// Parses `CHIP=USD` (e.g. `H200=27000` or `H200=27000.50`) into a chip name and cents.
pub fn parse_price(arg: &str) -> Result<(String, u64), EngineError> {
    let (chip, p) = split_assignment(arg, "--price", "CHIP=USD", "H200=27000")?;
    let p = p.trim().trim_start_matches('$').replace(',', "");
    let bad = || {
        EngineError::Input(InputError::BadPrice {
            arg: arg.to_string(),
            price: p.clone(),
        })
    };
    let (whole, frac) = p.split_once('.').unwrap_or((&p, ""));
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 2
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(bad());
    }
    let dollars: u64 = whole.parse().map_err(|_| bad())?;
    let cents: u64 = format!("{frac:0<2}").parse().map_err(|_| bad())?;
    dollars
        .checked_mul(100)
        .and_then(|d| d.checked_add(cents))
        .map(|c| (chip, c))
        .ok_or_else(bad)
}

fn split_assignment(
    arg: &str,
    flag: &str,
    form: &str,
    example: &str,
) -> Result<(String, String), EngineError> {
    match arg.split_once('=') {
        Some((chip, v)) if !chip.trim().is_empty() => Ok((chip.trim().to_string(), v.to_string())),
        _ => Err(EngineError::Input(InputError::NotAssignment {
            flag: flag.to_string(),
            arg: arg.to_string(),
            form: form.to_string(),
            example: example.to_string(),
        })),
    }
}

/// One chip's line of the impact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImpactLine {
    pub chip: String,
    pub chip_name: String,
    pub units: u64,
    pub tpp_per_unit: f64,
    pub total_tpp: f64,
    pub h100_equivalents: f64,
    /// Dense FP16 FLOP/s of all units; null when the catalog lists no FP16 throughput.
    pub fp16_flops: Option<f64>,
    pub fp8_flops: Option<f64>,
    pub outcome: Outcome,
    pub licensable: bool,
    pub because: Vec<EntryRef>,
    /// The price per unit given, in US cents.
    pub price_cents: Option<u64>,
    pub charges: Vec<ChargeLine>,
}

/// A fee or tariff on one chip's units.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChargeLine {
    pub kind: String,
    pub rate: f64,
    pub text: String,
    pub cite: String,
    /// `applies`, or `undetermined` when the figures that decide it are not known exactly (it
    /// is then not added to the total).
    pub verdict: earl_core::step::Verdict,
    /// rate × price × units in US cents, rounded to the nearest cent; null without a price.
    pub amount_cents: Option<u64>,
}

/// A reference figure set against the shipment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    #[serde(flatten)]
    pub figure: ReferenceFigure,
    /// The figure in TPP (units × the chip's TPP), when it has a common unit with the shipment.
    pub reference_tpp: Option<f64>,
    pub reference_h100_equivalents: Option<f64>,
    /// Shipment TPP ÷ reference TPP (÷ the low end of a range).
    pub shipment_ratio: Option<f64>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImpactReport {
    pub rules: RulePoint,
    pub destination: String,
    pub lines: Vec<ImpactLine>,
    pub total_units: u64,
    pub total_tpp: f64,
    pub h100_tpp: f64,
    pub h100_equivalents: f64,
    /// FP16 and FP8 totals over the chips that list the precision (see `missing_precisions`).
    pub fp16_flops: f64,
    pub fp8_flops: f64,
    /// "chip: fp16" for each chip whose catalog entry lacks a precision.
    pub missing_precisions: Vec<String>,
    pub licensable_definition: &'static str,
    pub licensable_units: u64,
    pub licensable_tpp: f64,
    pub licensable_share_units: f64,
    pub licensable_share_tpp: f64,
    /// Sum of the charges that apply and have a price, in US cents.
    pub charges_total_cents: u64,
    /// Chips with a charge due but no price given.
    pub charges_unpriced: Vec<String>,
    pub comparisons: Vec<Comparison>,
    /// Set when a scenario was asked and no line's determination or charges differ from the
    /// rules alone, so every figure equals the answer without it; says why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scenario_without_effect: Option<ScenarioWithoutEffect>,
}

/// Why a scenario changes nothing in an impact answer: it is not in force on the date, or it
/// is, but the rules in force decide every line as they do without it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioWithoutEffect {
    pub scenario: String,
    /// The scenario's dates: in force from `effective` (any date when absent) until `until`.
    pub in_force: bool,
    pub effective: Option<Date>,
    pub until: Option<Date>,
    /// The entries that decide the lines, with the scenario as without it.
    pub decided_by: Vec<String>,
}

/// Thousandths of a figure, exactly (catalog figures have at most three decimals).
fn milli(x: f64) -> i128 {
    (x * 1000.0).round() as i128
}

fn tops_at(chip: &Chip, p: Precision) -> Option<f64> {
    chip.throughput
        .iter()
        .find(|t| t.precision == p)
        .map(|t| t.tops)
}

impl Engine {
    pub fn impact(&self, req: &ImpactRequest) -> Result<ImpactReport, EngineError> {
        if req.units.is_empty() {
            return Err(EngineError::BadInput(
                "give at least one --units CHIP=N".into(),
            ));
        }
        let scenario = self
            .scenario(req.scenario.as_deref())?
            .map(|s| s.id.clone());
        let dest = self.country(&req.to)?.code.clone();
        let point = RulePoint {
            spec: scenario.clone().unwrap_or_else(|| req.date.to_string()),
            kind: if scenario.is_some() {
                PointKind::Scenario
            } else {
                PointKind::Date
            },
            date: req.date,
            scenario: scenario.clone(),
            regime: String::new(),
            applied: Vec::new(),
        };
        let snap = self.point_snapshot(&point);
        let point = RulePoint {
            regime: snap.regime.clone(),
            applied: snap.applied.clone(),
            ..point
        };
        let h100 = self
            .data
            .catalog
            .get(H100_ID)
            .ok_or_else(|| EngineError::BadInput(format!("the catalog has no `{H100_ID}`")))?;
        let h100_milli = milli(
            earl_core::metrics::Metrics::of_chip(h100)
                .tpp
                .unwrap_or(0.0),
        );
        if h100_milli <= 0 {
            return Err(EngineError::BadInput(format!(
                "the catalog's `{H100_ID}` has no TPP"
            )));
        }

        // Merge repeated chips, keeping the order given.
        let mut units: Vec<(&Chip, u64)> = Vec::new();
        for (name, n) in &req.units {
            let chip = self.chip(name)?;
            match units.iter_mut().find(|(c, _)| c.id == chip.id) {
                Some((_, total)) => {
                    *total = total
                        .checked_add(*n)
                        .ok_or_else(|| EngineError::BadInput("too many units".into()))?
                }
                None => units.push((chip, *n)),
            }
        }
        let mut prices: Vec<(&str, u64)> = Vec::new();
        for (name, cents) in &req.prices {
            let chip = self.chip(name)?;
            if !units.iter().any(|(c, _)| c.id == chip.id) {
                return Err(EngineError::BadInput(format!(
                    "--price for `{name}`, which has no --units"
                )));
            }
            prices.push((chip.id.as_str(), *cents));
        }

        let mut lines = Vec::new();
        let (mut tpp_total, mut fp16_total, mut fp8_total, mut lic_tpp) =
            (0i128, 0i128, 0i128, 0i128);
        let (mut lic_units, mut total_units) = (0u64, 0u64);
        let mut charges_total = 0u64; // cents
        let (mut missing, mut unpriced) = (Vec::new(), Vec::new());
        for (chip, n) in &units {
            let tpp = earl_core::metrics::Metrics::of_chip(chip)
                .tpp
                .ok_or_else(|| {
                    EngineError::BadInput(format!(
                        "{} {} has no TPP in the catalog, so its compute cannot be counted",
                        chip.vendor, chip.name
                    ))
                })?;
            let line_tpp = milli(tpp) * i128::from(*n);
            let flops = |p: Precision, total: &mut i128, missing: &mut Vec<String>| match tops_at(
                chip, p,
            ) {
                // TOPS in thousandths × 1e9 = operations per second.
                Some(t) => {
                    let m = milli(t) * i128::from(*n);
                    *total += m;
                    Some(m as f64 * 1e9)
                }
                None => {
                    missing.push(format!("{}: {p}", chip.id));
                    None
                }
            };
            let fp16 = flops(Precision::Fp16, &mut fp16_total, &mut missing);
            let fp8 = flops(Precision::Fp8, &mut fp8_total, &mut missing);
            let ev = self.evaluate(chip, &dest, &point, &snap, Some(*n))?;
            let licensable = ev.outcome.verdict.licensable();
            let price = prices
                .iter()
                .find(|(id, _)| *id == chip.id)
                .map(|(_, c)| *c);
            let mut charges = Vec::new();
            for c in &ev.determination.charges {
                let bp = (c.rate * 10_000.0).round() as u128;
                // cents × units × basis points / 10,000, rounded half up to a whole cent.
                let amount = price.map(|cents| {
                    let exact = u128::from(cents) * u128::from(*n) * bp;
                    u64::try_from((exact + 5_000) / 10_000).unwrap_or(u64::MAX)
                });
                let applies = c.verdict == earl_core::step::Verdict::Applies;
                match amount {
                    Some(a) if applies => charges_total = charges_total.saturating_add(a),
                    Some(_) => {}
                    None if !unpriced.contains(&chip.id) => unpriced.push(chip.id.clone()),
                    None => {}
                }
                charges.push(ChargeLine {
                    kind: c.kind.clone(),
                    rate: c.rate,
                    text: c.text.clone(),
                    cite: c.cite.clone(),
                    verdict: c.verdict,
                    amount_cents: amount,
                });
            }
            tpp_total += line_tpp;
            total_units += n;
            if licensable {
                lic_units += n;
                lic_tpp += line_tpp;
            }
            lines.push(ImpactLine {
                chip: chip.id.clone(),
                chip_name: format!("{} {}", chip.vendor, chip.name),
                units: *n,
                tpp_per_unit: tpp,
                total_tpp: line_tpp as f64 / 1000.0,
                h100_equivalents: line_tpp as f64 / h100_milli as f64,
                fp16_flops: fp16,
                fp8_flops: fp8,
                licensable,
                because: ev.entries,
                outcome: ev.outcome,
                price_cents: price,
                charges,
            });
        }
        let comparisons = self
            .data
            .reference_figures
            .iter()
            .map(|f| self.compare(f.clone(), tpp_total, h100_milli))
            .collect();
        Ok(ImpactReport {
            rules: point,
            destination: dest,
            lines,
            total_units,
            total_tpp: tpp_total as f64 / 1000.0,
            h100_tpp: h100_milli as f64 / 1000.0,
            h100_equivalents: tpp_total as f64 / h100_milli as f64,
            fp16_flops: fp16_total as f64 * 1e9,
            fp8_flops: fp8_total as f64 * 1e9,
            missing_precisions: missing,
            licensable_definition: LICENSABLE_DEFINITION,
            licensable_units: lic_units,
            licensable_tpp: lic_tpp as f64 / 1000.0,
            licensable_share_units: lic_units as f64 / total_units as f64,
            licensable_share_tpp: if tpp_total > 0 {
                lic_tpp as f64 / tpp_total as f64
            } else {
                0.0
            },
            charges_total_cents: charges_total,
            charges_unpriced: unpriced,
            comparisons,
            scenario_without_effect: None,
        })
        .and_then(|report| self.note_scenario_without_effect(req, report))
    }

    /// Compares an answer under a scenario with the rules alone on the same date: when no line
    /// differs (determination, licensable, charges), the figures are the same, and the answer
    /// says so and why instead of leaving a reader to think the scenario was weighed in.
    fn note_scenario_without_effect(
        &self,
        req: &ImpactRequest,
        mut report: ImpactReport,
    ) -> Result<ImpactReport, EngineError> {
        let Some(scenario) = self.scenario(req.scenario.as_deref())? else {
            return Ok(report);
        };
        let alone = self.impact(&ImpactRequest {
            scenario: None,
            ..req.clone()
        })?;
        let same = report.lines.len() == alone.lines.len()
            && report.lines.iter().zip(&alone.lines).all(|(a, b)| {
                a.outcome == b.outcome && a.licensable == b.licensable && a.charges == b.charges
            });
        if same {
            let mut decided_by: Vec<String> = Vec::new();
            for e in report.lines.iter().flat_map(|l| &l.because) {
                if !decided_by.contains(&e.id) {
                    decided_by.push(e.id.clone());
                }
            }
            report.scenario_without_effect = Some(ScenarioWithoutEffect {
                scenario: scenario.id.clone(),
                in_force: scenario.in_force(req.date),
                effective: scenario.effective,
                until: scenario.until,
                decided_by,
            });
        }
        Ok(report)
    }

    fn compare(
        &self,
        figure: ReferenceFigure,
        shipment_milli: i128,
        h100_milli: i128,
    ) -> Comparison {
        let reference_milli = match (figure.unit.as_str(), &figure.chip) {
            ("units", Some(id)) => self
                .data
                .catalog
                .get(id)
                .and_then(|c| earl_core::metrics::Metrics::of_chip(c).tpp)
                .map(|tpp| milli(tpp) * figure.value as i128),
            ("tpp", _) => Some(milli(figure.value)),
            _ => None,
        };
        let ratio = reference_milli
            .filter(|r| *r > 0)
            .map(|r| shipment_milli as f64 / r as f64);
        let text = match (ratio, &figure.chip) {
            (Some(r), Some(chip)) => format!(
                "the shipment's TPP is {} of this figure ({} {chip} ≈ {} H100 equivalents)",
                ratio_text(r),
                fmt_count(figure.value),
                fmt_count((reference_milli.unwrap_or(0) as f64 / h100_milli as f64).round())
            ),
            (Some(r), None) => format!("the shipment's TPP is {} of this figure", ratio_text(r)),
            (None, _) => {
                "context only: a share of world compute has no common unit with a shipment"
                    .to_string()
            }
        };
        Comparison {
            reference_tpp: reference_milli.map(|m| m as f64 / 1000.0),
            reference_h100_equivalents: reference_milli.map(|m| m as f64 / h100_milli as f64),
            shipment_ratio: ratio,
            text,
            figure,
        }
    }
}

/// "2.5×" for ratios of one or more, "12.3%" below.
pub fn ratio_text(r: f64) -> String {
    if r >= 1.0 {
        format!("{r:.2}×")
    } else {
        format!("{:.2}%", r * 100.0)
    }
}

/// A count with thousands separators: 1234567 → "1,234,567".
pub fn fmt_count(x: f64) -> String {
    let s = format!("{:.0}", x.abs());
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if x < 0.0 { format!("-{out}") } else { out }
}
