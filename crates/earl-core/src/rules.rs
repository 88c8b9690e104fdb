//! The rules as data: amendments that add, replace and remove rule entries on a date, and the
//! snapshot of entries in force on any date (optionally with a scenario laid over it).
//!
//! Every entry has an id, a `when` condition over the facts of a question, and a citation. The
//! evaluator ([`crate::classify`], [`crate::check`]) reports the entries that decided an answer.

use crate::chip::ChipKind;
use crate::cite::Cite;
use crate::metrics::{MetricName, MetricValue, Metrics};
use crate::tri::Tri;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One reading of a rule whose meaning is unsettled, with its source.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Reading {
    /// What the reading says the answer is (e.g. "licence required").
    pub reading: String,
    pub cite: Cite,
}

/// A comparison as the rule text writes it: "4800 or more" is `>=`, "greater than 2" is `>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = "<")]
    Lt,
}

impl Op {
    /// The operator as the data writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Ge => ">=",
            Op::Gt => ">",
            Op::Le => "<=",
            Op::Lt => "<",
        }
    }

    fn holds(self, x: f64, v: f64) -> bool {
        match self {
            Op::Ge => x >= v,
            Op::Gt => x > v,
            Op::Le => x <= v,
            Op::Lt => x < v,
        }
    }
}

/// `metric op value`, e.g. TPP ≥ 4800. When a source gives the limit only as a range (the
/// digits were lost), `value_to` is the highest possible limit and `value` the lowest: the
/// threshold holds where it holds for every limit in the range, fails where it fails for every
/// one, and is undetermined where the unknown limit would decide.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    pub metric: MetricName,
    pub op: Op,
    pub value: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_to: Option<f64>,
}

impl Threshold {
    pub fn eval(&self, v: MetricValue) -> Tri {
        let (lo, hi) = match v {
            MetricValue::Exact(x) => (x, x),
            MetricValue::Between(lo, hi) => (lo, hi),
            MetricValue::Unknown => return Tri::Unknown,
            MetricValue::NotApplicable => return Tri::False,
        };
        let limits = [self.value, self.value_to.unwrap_or(self.value)];
        // Every comparison is monotone in the figure and in the limit, so the corners decide.
        let mut corners = [lo, hi]
            .into_iter()
            .flat_map(|x| limits.map(|l| self.op.holds(x, l)));
        let first = corners.next().expect("four corners");
        if corners.all(|c| c == first) {
            Tri::from(first)
        } else {
            Tri::Unknown
        }
    }
}

/// A set of destinations: countries and groups, minus exceptions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except_countries: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except_groups: Vec<String>,
}

/// Conditions of an entry; every field given must hold. An empty `when` always holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct When {
    /// The item's classification starts with one of these (e.g. "3A090.a" matches 3A090.a.2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eccn: Option<Vec<String>>,
    /// The item is not classified under any of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_eccn: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chips: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendors: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<Place>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_destination: Option<Place>,
    /// The end user (or its ultimate parent) is headquartered in this place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hq: Option<Place>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_hq: Option<Place>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_from_us: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datacenter: Option<bool>,
    /// Every threshold holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<Threshold>,
    /// At least one threshold holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics_any: Vec<Threshold>,
    /// One of these controls applies to the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub controls: Option<Vec<String>>,
    /// The review policy was set by one of these review entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Vec<String>>,
    /// The end user matched one of these restricted-party lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lists: Option<Vec<String>>,
    /// Whether the question gave the end user's owners.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ownership_given: Option<bool>,
    /// The question is about a system (a 4A090 computer, assembly or component) rather than a
    /// bare chip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<bool>,
    /// A party to the transaction is on the Entity List with one of these footnotes (1: Huawei,
    /// 734.9(e)(1); 4: advanced computing, 734.9(e)(2); 5: 734.9(e)(3)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub el_footnotes: Option<Vec<u8>>,
    /// The chip was commercially available in the United States (a catalog fact; unknown when
    /// the catalog does not say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub us_available: Option<bool>,
    /// At least one of these nested conditions holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any: Vec<When>,
    /// Every one of these nested conditions holds (to combine several `any`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub all: Vec<When>,
}

impl When {
    /// Whether this condition (or a nested one) tests metric `m`.
    pub fn mentions(&self, m: MetricName) -> bool {
        self.metrics
            .iter()
            .chain(&self.metrics_any)
            .any(|t| t.metric == m)
            || self.any.iter().chain(&self.all).any(|w| w.mentions(m))
    }
}

/// Review policy BIS applies to a licence application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewPolicy {
    PresumptionOfApproval,
    CaseByCase,
    PresumptionOfDenial,
    PolicyOfDenial,
}

impl ReviewPolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewPolicy::PresumptionOfApproval => "presumption_of_approval",
            ReviewPolicy::CaseByCase => "case_by_case",
            ReviewPolicy::PresumptionOfDenial => "presumption_of_denial",
            ReviewPolicy::PolicyOfDenial => "policy_of_denial",
        }
    }

    pub fn parse(s: &str) -> Option<ReviewPolicy> {
        [
            ReviewPolicy::PresumptionOfApproval,
            ReviewPolicy::CaseByCase,
            ReviewPolicy::PresumptionOfDenial,
            ReviewPolicy::PolicyOfDenial,
        ]
        .into_iter()
        .find(|p| p.as_str() == s)
    }
}

/// A paragraph of ECCN 3A090 that an item can fall in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub id: String,
    pub eccn: String,
    #[serde(default)]
    pub kind: ChipKind,
    /// Every threshold must hold.
    pub all: Vec<Threshold>,
    pub text: String,
    pub cite: Cite,
}

/// A paragraph of ECCN 4A090: computers, electronic assemblies and components containing ICs
/// that meet the 3A090 paragraphs `contains` names (prefixes, as `when.eccn`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assembly {
    pub id: String,
    pub eccn: String,
    pub contains: Vec<String>,
    pub text: String,
    pub cite: Cite,
}

impl Assembly {
    /// Whether a contained IC classified under `paragraph` brings the system under this entry.
    pub fn covers(&self, paragraph: &str) -> bool {
        self.contains
            .iter()
            .any(|p| paragraph.starts_with(p.as_str()))
    }
}

/// A note that takes items out of the paragraphs (Note 2 to 3A090).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    pub id: String,
    pub when: When,
    pub text: String,
    pub cite: Cite,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// A licence is required.
    License,
    /// No licence can authorise it (a denial order).
    Prohibited,
}

/// A licence requirement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Control {
    pub id: String,
    pub when: When,
    #[serde(default = "license")]
    pub requirement: Requirement,
    pub text: String,
    pub cite: Cite,
    /// Readings of a requirement whose meaning is unsettled. A control with readings never
    /// settles an answer: where it holds, whether a licence is required is undetermined, and the
    /// answer cites every reading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
    /// What would settle an unsettled requirement (required with `readings`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deciding: Option<String>,
}

fn license() -> Requirement {
    Requirement::License
}

/// The review policy for licence applications where `when` holds; lowest rank first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub id: String,
    pub rank: i32,
    pub when: When,
    pub policy: ReviewPolicy,
    pub text: String,
    pub cite: Cite,
}

/// A licence exception that can authorise the export without a licence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exception {
    pub id: String,
    /// The code the EAR uses (NAC, ACA, HBM, LPP, ...).
    pub code: String,
    pub rank: i32,
    pub when: When,
    /// Ids of the controls it can authorise; it is usable only when it covers every control
    /// that applies.
    pub covers: Vec<String>,
    pub text: String,
    /// Duties that come with using it (notification, records).
    #[serde(default)]
    pub conditions: Vec<String>,
    pub cite: Cite,
}

/// A condition BIS attaches to licences, a notice the answer must carry, or something earl did
/// not check: text shown when `when` holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: String,
    #[serde(default)]
    pub when: When,
    pub text: String,
    pub cite: Cite,
    /// A volume cap the condition sets, which `earl ship` enforces against the shipments ledger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<VolumeCap>,
}

/// A licence condition's cap on volume: shipments of a chip to `places` may in aggregate be at
/// most `share` of the units shipped to end users in the United States (the Jan 2026 lane).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VolumeCap {
    pub share: f64,
    pub places: Vec<String>,
}

/// A payment due on shipments where `when` holds: a tariff or a revenue share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Charge {
    pub id: String,
    pub when: When,
    /// "tariff" or "revenue_share".
    pub kind: String,
    /// Fraction of the value: 0.25 for 25 %.
    pub rate: f64,
    pub text: String,
    pub cite: Cite,
}

/// What a match on a restricted-party list does to a determination.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyRule {
    pub id: String,
    /// List short code: EL, DPL, UVL, MEU, SDN, ...
    pub list: String,
    /// A licence requirement or prohibition; none for lists that only bar exceptions or flag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirement: Option<Requirement>,
    /// Review policy; absent when the list entry states its own (Entity List).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<ReviewPolicy>,
    /// A match bars every licence exception.
    #[serde(default)]
    pub bars_exceptions: bool,
    pub text: String,
    pub cite: Cite,
}

/// Whether an ownership rule applies on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum InForce {
    /// Ownership extends the owners' listing to the owned party.
    InForce,
    /// The rule exists but is suspended (the 2025–26 stay of the Affiliates rule).
    Suspended,
    /// The rule does not (yet) exist.
    NotInForce,
}

/// An ownership rule: a party owned, directly or indirectly, individually or in the aggregate,
/// `percent` or more by parties on `lists` is restricted as they are (the Entity List Affiliates
/// rule, OFAC's 50% rule).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Affiliates {
    pub id: String,
    pub lists: Vec<String>,
    pub percent: f64,
    pub status: InForce,
    pub text: String,
    pub cite: Cite,
}

/// The ground on which a jurisdiction entry makes an item subject to the EAR (15 CFR 734.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Ground {
    /// The item is in the United States (734.3(a)(1)): exported from the US.
    UsLocated,
    /// The item was produced in the United States (734.3(a)(2)).
    UsOrigin,
    /// Foreign-made with controlled US-origin content above `percent` of its value (734.4).
    DeMinimis,
    /// A direct product of the US-origin technology or software a 734.9 rule names, or of a
    /// plant or major plant component that is; the rule's scope is the entry's `when`.
    DirectProduct,
    /// BIS presumes the item subject to the EAR whatever the facts the exporter gives (GP10
    /// guidance on Ascend): subject or undetermined, never "not subject".
    Presumed,
}

/// One prong of "is the item subject to the EAR", tested in file order before any licence
/// requirement; the item is subject when one holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jurisdiction {
    pub id: String,
    pub ground: Ground,
    #[serde(default)]
    pub when: When,
    /// The de minimis level: subject when controlled US content is above it (% of value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<f64>,
    pub text: String,
    pub cite: Cite,
    /// Readings of a prong whose reach is unsettled: where it holds, whether the item is
    /// subject is undetermined, and the answer cites every reading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
    /// What would settle it (required with `readings`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deciding: Option<String>,
}

/// A set of countries a rule defines for itself (the AI Diffusion rule's tiers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupDef {
    pub id: String,
    pub countries: Vec<String>,
    pub text: String,
    pub cite: Cite,
}

/// The entries one amendment adds or replaces (same id replaces).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entries {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraph: Vec<Paragraph>,
    /// ECCN 4A090 paragraphs, in the order they are tested.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assembly: Vec<Assembly>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclusion: Vec<Exclusion>,
    /// Whether the item is subject to the EAR at all, tested before the controls.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jurisdiction: Vec<Jurisdiction>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub control: Vec<Control>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<Review>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exception: Vec<Exception>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub condition: Vec<Note>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notice: Vec<Note>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_checked: Vec<Note>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charge: Vec<Charge>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub party: Vec<PartyRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affiliates: Vec<Affiliates>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group: Vec<GroupDef>,
}

impl Entries {
    /// Whether any condition of these entries tests metric `m`.
    pub fn mention(&self, m: MetricName) -> bool {
        let whens = self
            .exclusion
            .iter()
            .map(|x| &x.when)
            .chain(self.jurisdiction.iter().map(|x| &x.when))
            .chain(self.control.iter().map(|x| &x.when))
            .chain(self.review.iter().map(|x| &x.when))
            .chain(self.exception.iter().map(|x| &x.when))
            .chain(self.condition.iter().map(|x| &x.when))
            .chain(self.notice.iter().map(|x| &x.when))
            .chain(self.not_checked.iter().map(|x| &x.when))
            .chain(self.charge.iter().map(|x| &x.when));
        let mut whens = whens;
        whens.any(|w| w.mentions(m))
            || self
                .paragraph
                .iter()
                .any(|p| p.all.iter().any(|t| t.metric == m))
    }
}

/// Where a rule or proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// In force and enforced.
    Enforced,
    /// Published in the Federal Register but not enforced (the AI Diffusion rule).
    PublishedNotEnforced,
    /// A company-specific "is-informed" letter or an executive announcement.
    Announced,
    Proposed,
    Introduced,
    PassedCommittee,
    PassedOneChamber,
    Enacted,
    Withdrawn,
}

/// A dated change to the rules: a Federal Register rule, a letter, or a scenario's overlay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    pub id: String,
    pub title: String,
    pub status: Status,
    /// First day in force. A scenario without one applies on any date asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    /// First day no longer in force (a stay's end, a bill's sunset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    pub summary: String,
    pub cite: Cite,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more_cites: Vec<Cite>,
    /// Ids of entries this amendment removes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove: Vec<String>,
    #[serde(default)]
    pub add: Entries,
}

impl Amendment {
    pub fn in_force(&self, date: Date) -> bool {
        self.effective.is_none_or(|e| e <= date) && self.until.is_none_or(|u| date < u)
    }
}

/// An amendment in force on a date, with its citation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RuleInForce {
    pub id: String,
    pub cite: String,
}

/// An entry that decided an answer, with the amendment in force that put it there and that
/// amendment's citation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Operative {
    pub entry: String,
    pub amendment: String,
    pub cite: String,
}

/// The rule entries in force on one date, under one optional scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snapshot {
    pub date: Date,
    /// Id of the newest amendment of the timeline applied (whatever its status: the timeline
    /// holds what earl applies by default, company letters included), or "none" before the first.
    pub regime: String,
    /// Ids of every amendment applied, oldest first.
    pub applied: Vec<String>,
    /// Every amendment applied with its citation, oldest first (the scenario's last).
    pub in_force: Vec<RuleInForce>,
    /// Each entry in force, by id, with the index in `in_force` of the amendment that put it
    /// there.
    origin: BTreeMap<String, usize>,
    pub scenario: Option<String>,
    pub entries: Entries,
}

impl Snapshot {
    /// Folds `timeline` (sorted by effective date) up to `date`, then lays `scenario` over it.
    pub fn build(timeline: &[Amendment], date: Date, scenario: Option<&Amendment>) -> Snapshot {
        let mut snap = Snapshot {
            date,
            regime: "none".into(),
            applied: Vec::new(),
            in_force: Vec::new(),
            origin: BTreeMap::new(),
            scenario: None,
            entries: Entries::default(),
        };
        for a in timeline.iter().filter(|a| a.in_force(date)) {
            snap.apply(a);
            snap.regime = a.id.clone();
        }
        if let Some(s) = scenario.filter(|s| s.in_force(date)) {
            snap.apply(s);
            snap.scenario = Some(s.id.clone());
        }
        snap
    }

    /// The entries of `decided_by` with the amendments that put them in force, in that order.
    pub fn operative(&self, decided_by: &[String]) -> Vec<Operative> {
        decided_by
            .iter()
            .filter_map(|id| {
                let rule = &self.in_force[*self.origin.get(id)?];
                Some(Operative {
                    entry: id.clone(),
                    amendment: rule.id.clone(),
                    cite: rule.cite.clone(),
                })
            })
            .collect()
    }

    fn apply(&mut self, a: &Amendment) {
        let gone: BTreeSet<&str> = a.remove.iter().map(String::as_str).collect();
        let here = self.in_force.len();
        self.origin.retain(|id, _| !gone.contains(id.as_str()));
        let e = &mut self.entries;
        let origin = &mut self.origin;
        macro_rules! merge {
            ($($field:ident),*) => {$(
                e.$field.retain(|x| !gone.contains(x.id.as_str()) && !a.add.$field.iter().any(|n| n.id == x.id));
                e.$field.extend(a.add.$field.iter().cloned());
                origin.extend(a.add.$field.iter().map(|n| (n.id.clone(), here)));
            )*};
        }
        merge!(
            paragraph,
            assembly,
            exclusion,
            jurisdiction,
            control,
            review,
            exception,
            condition,
            notice,
            not_checked,
            charge,
            party,
            affiliates,
            group
        );
        e.review.sort_by_key(|r| r.rank);
        e.exception.sort_by_key(|x| x.rank);
        self.applied.push(a.id.clone());
        self.in_force.push(RuleInForce {
            id: a.id.clone(),
            cite: a.cite.text.clone(),
        });
    }
}

/// What the question says, for evaluating `when` conditions.
pub struct Facts<'a> {
    pub date: Date,
    pub classification: Option<&'a str>,
    pub chip_id: Option<&'a str>,
    pub vendor: Option<&'a str>,
    pub metrics: &'a Metrics,
    pub frontier_tpp: Option<f64>,
    pub quantity: Option<u64>,
    pub destination: Option<&'a str>,
    pub hq: Option<&'a str>,
    pub export_from_us: bool,
    pub ownership_given: bool,
    /// The question is about a system containing the chip.
    pub system: bool,
    pub controls: &'a [String],
    pub review: Option<&'a str>,
    /// Review entries ranked above the one that applies (or that none did) whose `when` could
    /// not be evaluated: a condition on one of them may hold.
    pub review_open: &'a [String],
    /// The lists the parties matched, each with whether the listing applies on the date.
    pub lists: &'a [(String, Tri)],
    /// Entity List footnotes of the parties matched, each with whether the listing applies.
    pub el_footnotes: &'a [(u8, Tri)],
    /// Whether the chip was commercially available in the United States.
    pub us_available: Tri,
}

/// Answers "is country X in group G on date D", for the groups rules name.
pub trait GroupLookup {
    fn is_member(&self, group: &str, country: &str, date: Date) -> Tri;
}

impl GroupLookup for crate::countries::CountryGroups {
    fn is_member(&self, group: &str, country: &str, date: Date) -> Tri {
        crate::countries::CountryGroups::is_member(self, group, country, date)
    }
}

/// Evaluates conditions against facts, Country Groups and the snapshot's own groups.
pub struct Evaluator<'a> {
    pub groups: &'a dyn GroupLookup,
    pub own_groups: &'a [GroupDef],
}

impl Evaluator<'_> {
    pub fn in_place(&self, place: &Place, country: &str, date: Date) -> Tri {
        let member = |g: &str| -> Tri {
            if g == "*" {
                return Tri::True;
            }
            match self.own_groups.iter().find(|d| d.id == g) {
                Some(def) => Tri::from(def.countries.iter().any(|c| c == country)),
                None => self.groups.is_member(g, country, date),
            }
        };
        let included = Tri::from(place.countries.iter().any(|c| c == country))
            .or(Tri::any(place.groups.iter().map(|g| member(g))));
        let excluded = Tri::from(place.except_countries.iter().any(|c| c == country))
            .or(Tri::any(place.except_groups.iter().map(|g| member(g))));
        included.and(excluded.negate())
    }

    pub fn eval(&self, w: &When, f: &Facts) -> Tri {
        let mut t = Tri::True;
        let prefix_match = |list: &[String]| {
            f.classification
                .is_some_and(|c| list.iter().any(|p| c.starts_with(p.as_str())))
        };
        if let Some(list) = &w.eccn {
            t = t.and(Tri::from(prefix_match(list)));
        }
        if let Some(list) = &w.not_eccn {
            t = t.and(Tri::from(!prefix_match(list)));
        }
        if let Some(list) = &w.chips {
            t = t.and(Tri::from(
                f.chip_id.is_some_and(|id| list.iter().any(|c| c == id)),
            ));
        }
        if let Some(list) = &w.vendors {
            t = t
                .and(Tri::from(f.vendor.is_some_and(|v| {
                    list.iter().any(|x| x.eq_ignore_ascii_case(v))
                })));
        }
        if let Some(p) = &w.destination {
            t = t.and(
                f.destination
                    .map_or(Tri::False, |d| self.in_place(p, d, f.date)),
            );
        }
        if let Some(p) = &w.not_destination {
            t = t.and(
                f.destination
                    .map_or(Tri::True, |d| self.in_place(p, d, f.date).negate()),
            );
        }
        // An end user whose headquarters is not given is taken as not headquartered there; the
        // answer's not-checked list says so.
        if let Some(p) = &w.hq {
            t = t.and(f.hq.map_or(Tri::False, |h| self.in_place(p, h, f.date)));
        }
        if let Some(p) = &w.not_hq {
            t = t.and(f.hq.map_or(Tri::True, |h| self.in_place(p, h, f.date).negate()));
        }
        if let Some(b) = w.export_from_us {
            t = t.and(Tri::from(f.export_from_us == b));
        }
        if let Some(b) = w.system {
            t = t.and(Tri::from(f.system == b));
        }
        if let Some(b) = w.ownership_given {
            t = t.and(Tri::from(f.ownership_given == b));
        }
        if let Some(b) = w.datacenter {
            t = t.and(
                f.metrics
                    .datacenter
                    .map_or(Tri::Unknown, |d| Tri::from(d == b)),
            );
        }
        let metric =
            |th: &Threshold| th.eval(f.metrics.value(th.metric, f.frontier_tpp, f.quantity));
        t = t.and(Tri::all(w.metrics.iter().map(metric)));
        if !w.metrics_any.is_empty() {
            t = t.and(Tri::any(w.metrics_any.iter().map(metric)));
        }
        if let Some(list) = &w.controls {
            t = t.and(Tri::from(f.controls.iter().any(|c| list.contains(c))));
        }
        if let Some(list) = &w.review {
            let named = |r: &str| list.iter().any(|x| x == r);
            t = t.and(if f.review.is_some_and(named) {
                Tri::True
            } else if f.review_open.iter().any(|r| named(r)) {
                Tri::Unknown
            } else {
                Tri::False
            });
        }
        if let Some(list) = &w.lists {
            t = t.and(Tri::any(
                f.lists
                    .iter()
                    .filter(|(l, _)| list.contains(l))
                    .map(|(_, listed)| *listed),
            ));
        }
        if let Some(list) = &w.el_footnotes {
            t = t.and(Tri::any(
                f.el_footnotes
                    .iter()
                    .filter(|(n, _)| list.contains(n))
                    .map(|(_, listed)| *listed),
            ));
        }
        if let Some(b) = w.us_available {
            t = t.and(match f.us_available {
                Tri::Unknown => Tri::Unknown,
                known => Tri::from((known == Tri::True) == b),
            });
        }
        if !w.any.is_empty() {
            t = t.and(Tri::any(w.any.iter().map(|sub| self.eval(sub, f))));
        }
        t.and(Tri::all(w.all.iter().map(|sub| self.eval(sub, f))))
    }
}
