//! The metrics the rules test, computed from a chip's figures, never typed in.
//!
//! - TPP ("total processing performance") = max over precisions of dense TOPS × bit length
//!   (equivalently 2 × MacTOPS × bit length), Technical Note to 3A090 (88 FR 73458).
//! - PD ("performance density") = TPP / applicable die area in mm².
//! - The Oct 2022 rule's aggregate bidirectional I/O rate, from the chip-to-chip figure plus at
//!   most one PCIe 5.0 x16 host link, which earl's figures do not list separately.
//! - For an HBM stack, memory bandwidth density = bandwidth / package area (3A090.c).

use crate::chip::{Chip, ChipKind, CustomSpec, Precision, Throughput};
use crate::step::{Reason, Step};

/// The source named for figures a user typed in.
const USER_INPUT: &str = "user input";
use serde::Serialize;

/// Upper bound earl adds for host I/O not in the catalog: a PCIe 5.0 x16 link carries 32 GT/s
/// per lane and direction with 128b/130b coding, about 63 GB/s each way, 126 GB/s both ways
/// (PCI Express Base Specification 5.0). Rounded up to 128 so the bound stays an upper bound.
pub const HOST_LINK_MAX_GBPS: f64 = 128.0;
const HOST_LINK_CITE: &str =
    "PCI Express Base Specification 5.0: 32 GT/s per lane, x16 link ≈ 63 GB/s per direction";

/// A metric as the rule engine sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MetricValue {
    Exact(f64),
    /// Known only to lie in `[lo, hi]`.
    Between(f64, f64),
    Unknown,
    /// The metric does not exist for this kind of item (TPP of a memory stack).
    NotApplicable,
}

/// The metrics of one chip, with how each was computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metrics {
    pub kind: ChipKind,
    pub tpp: Option<f64>,
    /// The range TPP is known to lie in when its sources bound it without giving it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tpp_range: Option<(f64, f64)>,
    /// The precision whose TOPS × bits gives the TPP.
    pub tpp_precision: Option<Precision>,
    pub pd: Option<f64>,
    pub datacenter: Option<bool>,
    pub memory_bandwidth_gbps: Option<f64>,
    pub chip_to_chip_gbps: Option<f64>,
    pub hbm_density: Option<f64>,
    /// Names of metrics that rest on a figure marked unverified.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unverified: Vec<&'static str>,
    #[serde(skip)]
    pub steps: Vec<Step>,
}

/// Names of metrics a rule can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricName {
    Tpp,
    Pd,
    MemoryBandwidthGbps,
    ChipToChipGbps,
    /// Aggregate bidirectional transfer rate over all inputs and outputs (Oct 2022 3A090.a).
    IoAggregateGbps,
    HbmDensity,
    /// TPP as a fraction of the best datacenter chip in the catalog released by the date asked.
    FrontierShare,
    /// TPP × quantity of the shipment.
    ShipmentTpp,
}

impl MetricName {
    pub fn label(self) -> &'static str {
        match self {
            MetricName::Tpp => "TPP",
            MetricName::Pd => "PD",
            MetricName::MemoryBandwidthGbps => "memory bandwidth (GB/s)",
            MetricName::ChipToChipGbps => "chip-to-chip bandwidth (GB/s)",
            MetricName::IoAggregateGbps => "aggregate bidirectional I/O (GB/s)",
            MetricName::HbmDensity => "memory bandwidth density (GB/s/mm²)",
            MetricName::FrontierShare => "share of the frontier chip's TPP",
            MetricName::ShipmentTpp => "shipment TPP (TPP × quantity)",
        }
    }
}

impl Metrics {
    /// Metrics of a catalog chip, each step citing the catalog figure it used.
    pub fn of_chip(chip: &Chip) -> Metrics {
        let mut unverified = Vec::new();
        let mut steps = Vec::new();
        // The first precision listed wins a tie, so the explanation names the catalog's own order.
        let best = chip
            .throughput
            .iter()
            .map(|t| (t.tops * f64::from(t.precision.bits()), t))
            .fold(None, |best: Option<(f64, &Throughput)>, cur| match best {
                Some(b) if b.0 >= cur.0 => Some(b),
                _ => Some(cur),
            });
        let (tpp, tpp_precision) = match (chip.kind, best) {
            (ChipKind::Accelerator, Some((tpp, t))) => {
                if t.unverified {
                    unverified.push("tpp");
                }
                steps.push(Step::computed(
                    Reason::Tpp {
                        tpp,
                        tops: Some(t.tops),
                        precision: Some(t.precision),
                        bits: Some(t.precision.bits()),
                        precisions_listed: chip.throughput.len(),
                        source: t.source.clone(),
                    },
                    format!(
                        "catalog figure, source {}; TPP per Technical Note to 3A090 (88 FR 73458)",
                        t.source
                    ),
                ));
                (Some(tpp), Some(t.precision))
            }
            _ => (None, None),
        };
        let tpp_range = match (chip.kind, tpp, &chip.tpp_range) {
            (ChipKind::Accelerator, None, Some(r)) => {
                if r.unverified {
                    unverified.push("tpp");
                }
                steps.push(Step::computed(
                    Reason::TppRange {
                        low: r.low,
                        high: r.high,
                        source: r.source.clone(),
                    },
                    format!(
                        "catalog range, source {}; TPP per Technical Note to 3A090 (88 FR 73458)",
                        r.source
                    ),
                ));
                Some((r.low, r.high))
            }
            _ => None,
        };
        let die = chip.die_area_mm2.as_ref();
        let pd = match (tpp, die) {
            (Some(tpp), Some(area)) if area.value > 0.0 => {
                if area.unverified {
                    unverified.push("pd");
                }
                let pd = tpp / area.value;
                steps.push(Step::computed(
                    Reason::Pd {
                        tpp,
                        die_area_mm2: Some(area.value),
                        pd,
                        source: area.source.clone(),
                    },
                    format!(
                        "catalog figure, source {}; PD per Technical Note to 3A090 (88 FR 73458)",
                        area.source
                    ),
                ));
                Some(pd)
            }
            _ => None,
        };
        let memory_bandwidth = chip.memory_bandwidth_gbps.as_ref().map(|f| f.value);
        let hbm_density = match (chip.kind, memory_bandwidth, chip.package_area_mm2.as_ref()) {
            (ChipKind::Hbm, Some(bw), Some(area)) if area.value > 0.0 => Some(bw / area.value),
            _ => None,
        };
        let datacenter = chip.datacenter.as_ref().map(|f| {
            if f.unverified {
                unverified.push("datacenter");
            }
            f.value
        });
        if chip
            .memory_bandwidth_gbps
            .as_ref()
            .is_some_and(|f| f.unverified)
        {
            unverified.push("memory_bandwidth_gbps");
        }
        if chip
            .chip_to_chip_gbps
            .as_ref()
            .is_some_and(|f| f.unverified)
        {
            unverified.push("chip_to_chip_gbps");
        }
        Metrics {
            kind: chip.kind,
            tpp,
            tpp_range,
            tpp_precision,
            pd,
            datacenter,
            memory_bandwidth_gbps: memory_bandwidth,
            chip_to_chip_gbps: chip.chip_to_chip_gbps.as_ref().map(|f| f.value),
            hbm_density,
            unverified,
            steps,
        }
    }

    /// Metrics of a chip described on the command line or in a request.
    pub fn of_spec(spec: &CustomSpec) -> Metrics {
        let mut steps = Vec::new();
        let from_throughput = spec
            .throughput
            .iter()
            .map(|&(p, tops)| (tops * f64::from(p.bits()), p, tops))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let (tpp, tpp_precision) = match (spec.tpp, from_throughput) {
            (Some(tpp), _) => {
                steps.push(Step::computed(
                    Reason::Tpp {
                        tpp,
                        tops: None,
                        precision: None,
                        bits: None,
                        precisions_listed: 0,
                        source: USER_INPUT.into(),
                    },
                    USER_INPUT,
                ));
                (Some(tpp), None)
            }
            (None, Some((tpp, p, tops))) => {
                steps.push(Step::computed(
                    Reason::Tpp {
                        tpp,
                        tops: Some(tops),
                        precision: Some(p),
                        bits: Some(p.bits()),
                        precisions_listed: spec.throughput.len(),
                        source: USER_INPUT.into(),
                    },
                    "user input; TPP per Technical Note to 3A090 (88 FR 73458)",
                ));
                (Some(tpp), Some(p))
            }
            (None, None) => (None, None),
        };
        let tpp = if spec.kind == ChipKind::Hbm {
            None
        } else {
            tpp
        };
        let pd = match (tpp, spec.die_area_mm2, spec.pd) {
            (Some(tpp), None, Some(pd)) => {
                steps.push(Step::computed(
                    Reason::Pd {
                        tpp,
                        die_area_mm2: None,
                        pd,
                        source: USER_INPUT.into(),
                    },
                    USER_INPUT,
                ));
                Some(pd)
            }
            (Some(tpp), Some(area), _) => {
                let pd = tpp / area;
                steps.push(Step::computed(
                    Reason::Pd {
                        tpp,
                        die_area_mm2: Some(area),
                        pd,
                        source: USER_INPUT.into(),
                    },
                    "user input; PD per Technical Note to 3A090 (88 FR 73458)",
                ));
                Some(pd)
            }
            _ => None,
        };
        let hbm_density = match (spec.kind, spec.memory_bandwidth_gbps, spec.package_area_mm2) {
            (ChipKind::Hbm, Some(bw), Some(area)) => {
                let d = bw / area;
                steps.push(Step::computed(
                    Reason::HbmDensity {
                        bandwidth_gbps: bw,
                        package_area_mm2: area,
                        density: d,
                        source: USER_INPUT.into(),
                    },
                    "user input; definition in the technical note to 3A090.c (89 FR 96790)",
                ));
                Some(d)
            }
            _ => None,
        };
        Metrics {
            kind: spec.kind,
            tpp,
            tpp_range: None,
            tpp_precision,
            pd,
            datacenter: spec.datacenter,
            memory_bandwidth_gbps: spec.memory_bandwidth_gbps,
            chip_to_chip_gbps: spec.chip_to_chip_gbps,
            hbm_density,
            unverified: Vec::new(),
            steps,
        }
    }

    /// The value a rule sees for `name`. `frontier_tpp` and `quantity` come from the question.
    pub fn value(
        &self,
        name: MetricName,
        frontier_tpp: Option<f64>,
        quantity: Option<u64>,
    ) -> MetricValue {
        let accel = |v: Option<f64>| match (self.kind, v) {
            (ChipKind::Hbm, _) => MetricValue::NotApplicable,
            (_, Some(v)) => MetricValue::Exact(v),
            (_, None) => MetricValue::Unknown,
        };
        match name {
            MetricName::Tpp => match (self.kind, self.tpp, self.tpp_range) {
                (ChipKind::Accelerator, None, Some((low, high))) => MetricValue::Between(low, high),
                _ => accel(self.tpp),
            },
            MetricName::Pd => accel(self.pd),
            MetricName::MemoryBandwidthGbps => self
                .memory_bandwidth_gbps
                .map_or(MetricValue::Unknown, MetricValue::Exact),
            MetricName::ChipToChipGbps => accel(self.chip_to_chip_gbps),
            MetricName::IoAggregateGbps => match (self.kind, self.chip_to_chip_gbps) {
                (ChipKind::Hbm, _) => MetricValue::NotApplicable,
                (_, Some(c2c)) => MetricValue::Between(c2c, c2c + HOST_LINK_MAX_GBPS),
                (_, None) => MetricValue::Unknown,
            },
            MetricName::HbmDensity => match (self.kind, self.hbm_density) {
                (ChipKind::Accelerator, _) => MetricValue::NotApplicable,
                (_, Some(d)) => MetricValue::Exact(d),
                (_, None) => MetricValue::Unknown,
            },
            MetricName::FrontierShare => match (self.tpp, frontier_tpp) {
                (Some(tpp), Some(f)) if f > 0.0 => MetricValue::Exact(tpp / f),
                _ => MetricValue::Unknown,
            },
            MetricName::ShipmentTpp => match (self.tpp, quantity) {
                (Some(tpp), Some(q)) => MetricValue::Exact(tpp * q as f64),
                _ => MetricValue::Unknown,
            },
        }
    }

    /// How the aggregate I/O bound is formed, for answers that use it.
    pub fn io_bound_step(&self) -> Option<Step> {
        self.chip_to_chip_gbps.map(|c2c| {
            Step::computed(
                Reason::IoBound {
                    chip_to_chip_gbps: c2c,
                    host_link_max_gbps: HOST_LINK_MAX_GBPS,
                    low: c2c,
                    high: c2c + HOST_LINK_MAX_GBPS,
                },
                HOST_LINK_CITE,
            )
        })
    }
}

/// Formats a figure the way a reader writes it: thousands separated, at most two decimals.
pub fn fmt_num(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let abs = rounded.abs();
    let int = abs.trunc() as u64;
    let frac = ((abs - abs.trunc()) * 100.0).round() as u64;
    let digits = int.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if negative { "-" } else { "" };
    match frac {
        0 => format!("{sign}{grouped}"),
        f if f % 10 == 0 => format!("{sign}{grouped}.{}", f / 10),
        f => format!("{sign}{grouped}.{f:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers_for_readers() {
        assert_eq!(fmt_num(15831.2), "15,831.2");
        assert_eq!(fmt_num(4800.0), "4,800");
        assert_eq!(fmt_num(5.92), "5.92");
        assert_eq!(fmt_num(0.5), "0.5");
        assert_eq!(fmt_num(1000000.0), "1,000,000");
    }
}
