//! Physical bounds on the figures earl accepts, from a data file or a request alike. A figure
//! outside them is a typing error, not a chip: `tops = 1.7e308` would print an 18-quintillion
//! TPP and still be classified. Each bound says why it is where it is; every real device sits
//! orders of magnitude inside it, so a bound never refuses a real chip, board or wafer.

/// An inclusive range a figure must lie in, and the reason.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    /// A stable name for the bound (the renderer's messages are keyed on it).
    pub key: &'static str,
    /// What the figure is, with its unit.
    pub what: &'static str,
    /// Smallest value accepted; `min_exclusive` makes it a strict lower bound.
    pub min: f64,
    pub min_exclusive: bool,
    pub max: f64,
    pub reason: &'static str,
}

/// The bounds are constants, none of them NaN: equality is total.
impl Eq for Bound {}

impl Bound {
    /// Whether `v` is a finite number inside the bound; the error says what and why.
    pub fn check(&self, v: f64) -> Result<(), String> {
        let low_ok = if self.min_exclusive {
            v > self.min
        } else {
            v >= self.min
        };
        if v.is_finite() && low_ok && v <= self.max {
            return Ok(());
        }
        Err(self.refusal(v))
    }

    /// The English refusal of `v` (a figure, or the text it was given as): "{v} is outside the
    /// bounds for {what} (…): {reason}".
    pub fn refusal(&self, v: impl std::fmt::Display) -> String {
        let low = if self.min_exclusive {
            format!("more than {}", self.min)
        } else {
            format!("at least {}", self.min)
        };
        format!(
            "{v} is outside the bounds for {} ({low} and at most {}): {}",
            self.what, self.max, self.reason
        )
    }

    /// Every bound, each once.
    pub fn all() -> [Bound; 9] {
        [
            TOPS,
            TPP,
            DIE_AREA_MM2,
            PD,
            MEMORY_BANDWIDTH_GBPS,
            CHIP_TO_CHIP_GBPS,
            PACKAGE_AREA_MM2,
            MEMORY_GB,
            TDP_W,
        ]
    }
}

/// Dense throughput at one precision.
pub const TOPS: Bound = Bound {
    key: "tops",
    what: "throughput in TOPS",
    min: 0.0,
    min_exclusive: true,
    max: 1.0e7,
    reason: "10 million TOPS is 80 times a whole-wafer processor's peak (Cerebras WSE-3, 125 PFLOPS sparse FP16); 3A090 aggregates at most a circuit board",
};

/// A total processing performance given directly.
pub const TPP: Bound = Bound {
    key: "tpp",
    what: "TPP",
    min: 0.0,
    min_exclusive: true,
    max: 1.0e9,
    reason: "the largest throughput accepted (10 million TOPS) at the longest bit length (64) is 640 million",
};

/// The applicable die area (all non-planar logic dies).
pub const DIE_AREA_MM2: Bound = Bound {
    key: "die-area",
    what: "die area in mm²",
    min: 1.0,
    min_exclusive: false,
    max: 1.0e6,
    reason: "a 300 mm wafer is 70,686 mm², and a circuit board of such dies is under a square metre (10⁶ mm²); a logic die under 1 mm² cannot carry a datacenter accelerator",
};

/// Performance density given directly.
pub const PD: Bound = Bound {
    key: "pd",
    what: "performance density",
    min: 0.0,
    min_exclusive: true,
    max: 1.0e4,
    reason: "the densest chip in chips.md is at most 45.8; 10,000 is over 200 times that",
};

/// Memory (DRAM or HBM) bandwidth.
pub const MEMORY_BANDWIDTH_GBPS: Bound = Bound {
    key: "memory-bandwidth",
    what: "memory bandwidth in GB/s",
    min: 0.0,
    min_exclusive: true,
    max: 1.0e8,
    reason: "100 PB/s is five times the on-wafer SRAM bandwidth of a whole-wafer processor (21 PB/s) and over 10,000 times any HBM package",
};

/// Chip-to-chip (interconnect) bandwidth; zero means none.
pub const CHIP_TO_CHIP_GBPS: Bound = Bound {
    key: "chip-to-chip",
    what: "chip-to-chip bandwidth in GB/s",
    min: 0.0,
    min_exclusive: false,
    max: 1.0e7,
    reason: "10 PB/s is over 1,000 times the fastest accelerator links (1.8 TB/s NVLink 5)",
};

/// An HBM stack's package area.
pub const PACKAGE_AREA_MM2: Bound = Bound {
    key: "package-area",
    what: "package area in mm²",
    min: 1.0,
    min_exclusive: false,
    max: 1.0e5,
    reason: "an HBM stack is about 100 mm²; 100,000 mm² is larger than any package",
};

/// Memory capacity.
pub const MEMORY_GB: Bound = Bound {
    key: "memory",
    what: "memory in GB",
    min: 0.0,
    min_exclusive: true,
    max: 1.0e6,
    reason: "a petabyte is thousands of times any accelerator's memory",
};

/// Board power.
pub const TDP_W: Bound = Bound {
    key: "power",
    what: "power in W",
    min: 0.0,
    min_exclusive: true,
    max: 1.0e6,
    reason: "a megawatt is a whole data-hall row, not a chip",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_refuse_the_absurd_and_keep_real_figures() {
        assert!(TOPS.check(1.7e308).is_err());
        assert!(TOPS.check(f64::NAN).is_err());
        assert!(TOPS.check(0.0).is_err());
        assert!(TOPS.check(4500.0).is_ok());
        assert!(DIE_AREA_MM2.check(1e-300).is_err());
        assert!(DIE_AREA_MM2.check(814.0).is_ok());
        assert!(
            DIE_AREA_MM2.check(46_225.0).is_ok(),
            "a whole wafer-scale die"
        );
        assert!(CHIP_TO_CHIP_GBPS.check(0.0).is_ok());
        let msg = TOPS.check(1.7e308).unwrap_err();
        assert!(
            msg.contains("throughput in TOPS") && msg.contains("wafer"),
            "{msg}"
        );
    }
}
