//! Countries and the Country Groups of 15 CFR Part 740 Supplement No. 1, dated.
//!
//! Membership is stored as of one eCFR issue (the base) plus dated changes, so membership on any
//! date can be computed. A change whose exact date is unknown carries a window
//! (`not_before`..`effective`) inside which membership is [`Tri::Unknown`].

use crate::tri::Tri;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub code: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ecfr_name: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treated_as: Option<TreatedAs>,
}

/// A place the EAR treats as another destination from a date (Hong Kong as China).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreatedAs {
    pub code: String,
    pub from: Date,
    pub cite: String,
    #[serde(default)]
    pub confidence: crate::cite::Confidence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeAction {
    Add,
    Remove,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupChange {
    pub group: String,
    pub country: String,
    pub action: ChangeAction,
    pub effective: Date,
    /// Set when the exact date is unknown: the change happened between this date and `effective`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before: Option<Date>,
    pub cite: String,
    #[serde(default)]
    pub confidence: crate::cite::Confidence,
}

/// Country Group membership over time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryGroups {
    pub base_issue: Date,
    pub base_source: String,
    pub citation: String,
    pub labels: BTreeMap<String, String>,
    pub base: BTreeMap<String, BTreeSet<String>>,
    /// Sorted by effective date.
    pub changes: Vec<GroupChange>,
}

impl CountryGroups {
    /// Whether `country` is in `group` on `date`.
    pub fn is_member(&self, group: &str, country: &str, date: Date) -> Tri {
        let changes: Vec<&GroupChange> = self
            .changes
            .iter()
            .filter(|c| c.group == group && c.country == country)
            .collect();
        if changes.iter().any(|c| {
            c.not_before
                .is_some_and(|nb| date >= nb && date < c.effective)
        }) {
            return Tri::Unknown;
        }
        let in_base = self.base.get(group).is_some_and(|m| m.contains(country));
        let member = match changes.iter().rev().find(|c| c.effective <= date) {
            Some(latest) => latest.action == ChangeAction::Add,
            None => match changes.first() {
                Some(first) => first.action == ChangeAction::Remove,
                None => in_base,
            },
        };
        Tri::from(member)
    }

    pub fn knows_group(&self, group: &str) -> bool {
        self.base.contains_key(group) || self.labels.contains_key(group)
    }
}
