//! Accelerators as the catalog describes them: every figure with its source, unknown figures
//! absent and said to be unknown.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// A number precision an accelerator computes in, with the bit length the TPP definition
/// multiplies by ("bit length of the operation", Technical Note to 3A090).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Fp64,
    Fp32,
    /// TF32 operands are stored in 32-bit registers; earl counts 32 bits. TF32 × 32 is within
    /// rounding of FP16 × 16 on catalog chips (it leads by 0.1% on the L20 and L2), so the reading
    /// moves no chip across a threshold.
    Tf32,
    Fp16,
    Bf16,
    Fp8,
    Fp6,
    Fp4,
    Int32,
    Int16,
    Int8,
    Int4,
}

impl Precision {
    pub const ALL: [Precision; 12] = [
        Precision::Fp64,
        Precision::Fp32,
        Precision::Tf32,
        Precision::Fp16,
        Precision::Bf16,
        Precision::Fp8,
        Precision::Fp6,
        Precision::Fp4,
        Precision::Int32,
        Precision::Int16,
        Precision::Int8,
        Precision::Int4,
    ];

    pub fn bits(self) -> u32 {
        match self {
            Precision::Fp64 => 64,
            Precision::Fp32 | Precision::Tf32 | Precision::Int32 => 32,
            Precision::Fp16 | Precision::Bf16 | Precision::Int16 => 16,
            Precision::Fp8 | Precision::Int8 => 8,
            Precision::Fp6 => 6,
            Precision::Fp4 | Precision::Int4 => 4,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Precision::Fp64 => "fp64",
            Precision::Fp32 => "fp32",
            Precision::Tf32 => "tf32",
            Precision::Fp16 => "fp16",
            Precision::Bf16 => "bf16",
            Precision::Fp8 => "fp8",
            Precision::Fp6 => "fp6",
            Precision::Fp4 => "fp4",
            Precision::Int32 => "int32",
            Precision::Int16 => "int16",
            Precision::Int8 => "int8",
            Precision::Int4 => "int4",
        }
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Precision {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase();
        Precision::ALL
            .into_iter()
            .find(|p| p.name() == wanted)
            .ok_or_else(|| {
                let known: Vec<&str> = Precision::ALL.iter().map(|p| p.name()).collect();
                format!("unknown precision `{s}` (known: {})", known.join(", "))
            })
    }
}

/// A figure from a source. `unverified` marks figures the source material itself marks
/// UNVERIFIED, derived or in conflict; answers that hinge on one say so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure<T> {
    pub value: T,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unverified: bool,
}

/// A figure its sources bound without giving it ("more than 12 times the H20's", "about half
/// a B300"): it lies in `low..=high`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub low: f64,
    pub high: f64,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unverified: bool,
}

/// Dense throughput at one precision, in tera-operations per second.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Throughput {
    pub precision: Precision,
    pub tops: f64,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unverified: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ChipKind {
    /// A processor (GPU, TPU, NPU): judged by TPP and PD under 3A090.a/.b.
    #[default]
    Accelerator,
    /// A high-bandwidth memory stack sold on its own: judged by memory bandwidth density
    /// under 3A090.c. HBM co-packaged with logic is judged with the logic instead.
    Hbm,
}

/// One catalog entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chip {
    pub id: String,
    pub vendor: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    pub released: String,
    #[serde(default)]
    pub kind: ChipKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datacenter: Option<Figure<bool>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub die_area_mm2: Option<Figure<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package_area_mm2: Option<Figure<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_bandwidth_gbps: Option<Figure<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_gb: Option<Figure<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chip_to_chip_gbps: Option<Figure<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_interface: Option<Figure<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tdp_w: Option<Figure<f64>>,
    #[serde(default)]
    pub throughput: Vec<Throughput>,
    /// TPP known only as a sourced range (no throughput published): used when `throughput`
    /// gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tpp_range: Option<Range>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Figures known to be unknown, with the reason.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unknown: BTreeMap<String, String>,
    /// Who designs it, where its dies are made and with what, as sources say: the defaults of
    /// the jurisdiction step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub production: Option<Production>,
}

/// Production facts of a chip, each from `source`; a fact no source gives is absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Production {
    pub designer: String,
    /// ISO code of the country of the designer's headquarters.
    pub designer_country: String,
    /// The foundries and processes named for its dies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fab: Option<String>,
    /// ISO codes of every country its dies are reported made in (several when sources name
    /// several fabs); empty when no source says.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fab_countries: Vec<String>,
    /// Whether it is a direct product of the US-origin technology or software 734.9 names, or
    /// of a plant or major plant component that is (US design tools, US-made fab equipment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub us_tech: Option<bool>,
    /// Whether it was commercially available in the United States (91 FR 1684's lane).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub us_available: Option<bool>,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unverified: bool,
}

impl Chip {
    /// The year the chip was released (the `released` field is "YYYY" or "YYYY-MM").
    pub fn release_year(&self) -> Option<i16> {
        self.released.get(..4)?.parse().ok()
    }
}

/// The specifications of a chip that is not in the catalog, as a user gives them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomSpec {
    /// TPP given directly, or computed from `throughput`.
    pub tpp: Option<f64>,
    pub throughput: Vec<(Precision, f64)>,
    pub die_area_mm2: Option<f64>,
    /// PD given directly instead of a die area.
    pub pd: Option<f64>,
    pub datacenter: Option<bool>,
    pub memory_bandwidth_gbps: Option<f64>,
    pub chip_to_chip_gbps: Option<f64>,
    /// For an HBM stack: its package area, for memory bandwidth density.
    pub package_area_mm2: Option<f64>,
    pub kind: ChipKind,
}
