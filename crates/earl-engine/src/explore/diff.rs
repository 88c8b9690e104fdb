//! `earl diff`: every (chip, destination) whose outcome differs between two rule points, with the
//! amendments and entries that changed it.

use super::{AmendmentRef, EntryRef, GroupChangeRef, Outcome, RulePoint, Verdict, touches};
use crate::{Engine, EngineError};
use earl_core::chip::Chip;
use jiff::civil::Date;
use serde::Serialize;
use std::collections::BTreeMap;

/// Destinations compared when none are given: China and the places treated as or beside it, the
/// D:5 destinations most asked about, the Gulf and South/Southeast Asian hubs where diversion is
/// discussed, and allies in and outside AI Diffusion Tier 1.
pub const DEFAULT_DESTINATIONS: [&str; 16] = [
    "CN", "HK", "MO", "RU", "IR", "SA", "AE", "IN", "VN", "MY", "SG", "IL", "DE", "GB", "JP", "US",
];

/// What to compare.
#[derive(Debug, Clone)]
pub struct DiffRequest {
    pub from: String,
    pub to: String,
    /// Destination codes or names; empty for [`DEFAULT_DESTINATIONS`].
    pub destinations: Vec<String>,
    /// Chip names; empty for every catalog chip.
    pub chips: Vec<String>,
    /// The date scenarios are laid over (default: today).
    pub scenario_date: Date,
}

/// Why one cell changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Because {
    /// Amendments applied on one side only that add, replace or remove an entry deciding either
    /// side: the rule changes that made the difference.
    pub amendments: Vec<String>,
    /// Entries that decided the `to` side but not the `from` side.
    pub entries_added: Vec<EntryRef>,
    /// Entries that decided the `from` side but not the `to` side.
    pub entries_dropped: Vec<EntryRef>,
    /// Every entry that decided each side.
    pub entries_from: Vec<EntryRef>,
    pub entries_to: Vec<EntryRef>,
    /// Country Group changes for the destination between the two dates.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub country_group_changes: Vec<GroupChangeRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Change {
    pub chip: String,
    pub chip_name: String,
    pub destination: String,
    pub from: Outcome,
    pub to: Outcome,
    pub because: Because,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DiffSummary {
    pub chips: usize,
    pub destinations: usize,
    pub cells: usize,
    pub changed: usize,
    /// "from verdict → to verdict" and how many cells made that move.
    pub transitions: BTreeMap<String, usize>,
}

/// One cell of the chips × destinations matrix of the `to` side, for the SVG.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Cell {
    pub verdict: Verdict,
    pub exception: Option<String>,
    pub changed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DiffReport {
    pub from: RulePoint,
    pub to: RulePoint,
    /// Amendments applied in `to` and not in `from`, and the reverse.
    pub amendments_only_in_to: Vec<AmendmentRef>,
    pub amendments_only_in_from: Vec<AmendmentRef>,
    pub summary: DiffSummary,
    pub changes: Vec<Change>,
    /// Chip ids and names (rows) and destination codes (columns) of the matrix.
    #[serde(skip)]
    pub rows: Vec<(String, String)>,
    #[serde(skip)]
    pub columns: Vec<String>,
    /// `matrix[row][column]`: the `to` outcome.
    #[serde(skip)]
    pub matrix: Vec<Vec<Cell>>,
}

impl Engine {
    /// Compares the outcome of every (chip, destination) under two rule points.
    pub fn diff(&self, req: &DiffRequest) -> Result<DiffReport, EngineError> {
        let from = self.rule_point(&req.from, req.scenario_date)?;
        let to = self.rule_point(&req.to, req.scenario_date)?;
        let chips = self.chips_or_all(&req.chips)?;
        let destinations = self.destination_codes(&req.destinations)?;
        let (snap_from, snap_to) = (self.point_snapshot(&from), self.point_snapshot(&to));
        let only = |a: &RulePoint, b: &RulePoint| -> Vec<String> {
            a.applied
                .iter()
                .filter(|x| !b.applied.contains(x))
                .cloned()
                .collect()
        };
        let (only_to, only_from) = (only(&to, &from), only(&from, &to));
        let refs = |ids: &[String]| {
            ids.iter()
                .filter_map(|id| self.amendment_or_scenario(id))
                .map(AmendmentRef::of)
                .collect()
        };

        let mut changes = Vec::new();
        let mut matrix = Vec::new();
        let mut transitions = BTreeMap::new();
        for chip in &chips {
            let mut row = Vec::new();
            for dest in &destinations {
                let a = self.evaluate(chip, dest, &from, &snap_from, None)?;
                let b = self.evaluate(chip, dest, &to, &snap_to, None)?;
                let changed = !a.outcome.same_as(&b.outcome);
                row.push(Cell {
                    verdict: b.outcome.verdict,
                    exception: b.outcome.license_exception.clone(),
                    changed,
                });
                if !changed {
                    continue;
                }
                *transitions
                    .entry(format!(
                        "{} → {}",
                        a.outcome.verdict.label(),
                        b.outcome.verdict.label()
                    ))
                    .or_insert(0) += 1;
                let because = self.because(
                    &a.entries, &b.entries, &only_to, &only_from, dest, from.date, to.date,
                );
                changes.push(Change {
                    chip: chip.id.clone(),
                    chip_name: format!("{} {}", chip.vendor, chip.name),
                    destination: dest.clone(),
                    from: a.outcome,
                    to: b.outcome,
                    because,
                });
            }
            matrix.push(row);
        }
        Ok(DiffReport {
            summary: DiffSummary {
                chips: chips.len(),
                destinations: destinations.len(),
                cells: chips.len() * destinations.len(),
                changed: changes.len(),
                transitions,
            },
            amendments_only_in_to: refs(&only_to),
            amendments_only_in_from: refs(&only_from),
            from,
            to,
            changes,
            rows: chips
                .iter()
                .map(|c| (c.id.clone(), c.name.clone()))
                .collect(),
            columns: destinations,
            matrix,
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn because(
        &self,
        from: &[EntryRef],
        to: &[EntryRef],
        only_to: &[String],
        only_from: &[String],
        dest: &str,
        date_from: Date,
        date_to: Date,
    ) -> Because {
        let entries_added: Vec<EntryRef> =
            to.iter().filter(|e| !from.contains(e)).cloned().collect();
        let entries_dropped: Vec<EntryRef> =
            from.iter().filter(|e| !to.contains(e)).cloned().collect();
        let moved: Vec<&EntryRef> = entries_added.iter().chain(&entries_dropped).collect();
        let amendments = only_to
            .iter()
            .chain(only_from)
            .filter(|id| {
                self.amendment_or_scenario(id)
                    .is_some_and(|a| moved.iter().any(|e| touches(a, e)))
            })
            .cloned()
            .collect();
        Because {
            amendments,
            entries_added,
            entries_dropped,
            entries_from: from.to_vec(),
            entries_to: to.to_vec(),
            country_group_changes: self.group_changes_between(dest, date_from, date_to),
        }
    }

    /// Country Group changes for `dest` (or the destination it is treated as) effective after
    /// the earlier date and on or before the later one.
    pub fn group_changes_between(&self, dest: &str, a: Date, b: Date) -> Vec<GroupChangeRef> {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        self.group_changes_for(dest)
            .into_iter()
            .filter(|c| c.effective > lo && c.effective <= hi)
            .collect()
    }

    /// Every Country Group change recorded for `dest` and the destination it is treated as.
    pub fn group_changes_for(&self, dest: &str) -> Vec<GroupChangeRef> {
        let mut codes = vec![dest.to_string()];
        if let Some(t) = self
            .data
            .countries
            .by_code(dest)
            .and_then(|c| c.treated_as.as_ref())
        {
            codes.push(t.code.clone());
        }
        self.data
            .groups
            .changes
            .iter()
            .filter(|c| codes.contains(&c.country))
            .map(|c| GroupChangeRef {
                group: c.group.clone(),
                country: c.country.clone(),
                action: format!("{:?}", c.action).to_lowercase(),
                effective: c.effective,
                cite: c.cite.clone(),
            })
            .collect()
    }

    /// The chips named, or every catalog chip.
    pub fn chips_or_all(&self, names: &[String]) -> Result<Vec<&Chip>, EngineError> {
        if names.is_empty() {
            return Ok(self.data.catalog.chips.iter().collect());
        }
        let mut out: Vec<&Chip> = Vec::new();
        for n in names
            .iter()
            .flat_map(|n| n.split(','))
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            let chip = self.chip(n)?;
            if !out.iter().any(|c| c.id == chip.id) {
                out.push(chip);
            }
        }
        Ok(out)
    }

    /// The destination codes named, or [`DEFAULT_DESTINATIONS`].
    pub fn destination_codes(&self, names: &[String]) -> Result<Vec<String>, EngineError> {
        if names.is_empty() {
            return Ok(DEFAULT_DESTINATIONS.iter().map(|s| s.to_string()).collect());
        }
        let mut out: Vec<String> = Vec::new();
        for n in names
            .iter()
            .flat_map(|n| n.split(','))
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            let code = self.country(n)?.code.clone();
            if !out.contains(&code) {
                out.push(code);
            }
        }
        Ok(out)
    }
}
