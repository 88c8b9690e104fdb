//! The answers the engine returns, with the field names of earl's JSON output.

use earl_core::check::Determination;
use earl_core::chip::{Chip, CustomSpec};
use earl_core::classify::Classification;
use earl_core::metrics::Metrics;
use earl_core::rules::Snapshot;
use earl_core::step::Step;
use jiff::civil::Date;
use serde::Serialize;

/// What is being classified: a catalog chip or system by name, a specification, or a system
/// given by the chips it contains.
#[derive(Debug, Clone)]
pub enum Item {
    /// A catalog name: a system's name is looked up first (so "HGX B200" is the board), then
    /// a chip's.
    Catalog(String),
    Spec(CustomSpec),
    /// A catalog system only (`--system`).
    System(String),
    /// A system not in the catalog: catalog chip names and how many of each (`--contains`).
    Contains(Vec<(String, u32)>),
}

/// The answer to `earl classify`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClassifyAnswer {
    /// Catalog id, or null for a custom specification.
    pub chip: Option<String>,
    pub name: String,
    pub vendor: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: Date,
    /// Id of the newest rule version applied.
    pub regime: String,
    pub scenario: Option<String>,
    pub tpp: Option<f64>,
    pub tpp_precision: Option<String>,
    /// Null when the applicable die area is unknown.
    pub pd: Option<f64>,
    pub datacenter: Option<bool>,
    pub memory_bandwidth_gbps: Option<f64>,
    /// `"3A090.a"`, `"3A090.b"`, `"3A090.c"`, or null when not 3A090 (or undetermined).
    pub eccn: Option<String>,
    /// e.g. `"3A090.a.2"`, or null.
    pub paragraph: Option<String>,
    /// The note that excluded the item (Note 2 to 3A090), if one did.
    pub excluded_by: Option<String>,
    /// False when the figures at hand cannot decide between `possible` outcomes.
    pub determined: bool,
    pub possible: Vec<String>,
    pub deciding: Vec<String>,
    pub hinges_on_unverified: Vec<String>,
    pub because: Vec<Step>,
    /// For a system: what it is and the chips it contains; `eccn` and `paragraph` are then its
    /// 4A090 paragraph, and the per-chip figures (`tpp`, `pd`, ...) are null.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<earl_core::system::SystemOf>,
}

impl ClassifyAnswer {
    pub fn new(
        chip: Option<&Chip>,
        metrics: &Metrics,
        c: &Classification,
        snap: &Snapshot,
        notices: Vec<Step>,
    ) -> ClassifyAnswer {
        let determined = c.determined();
        let mut because = c.because(snap, metrics);
        because.extend(notices);
        ClassifyAnswer {
            chip: chip.map(|c| c.id.clone()),
            name: chip.map_or_else(|| "custom specification".into(), |c| c.name.clone()),
            vendor: chip.map(|c| c.vendor.clone()),
            date: snap.date,
            regime: snap.regime.clone(),
            scenario: snap.scenario.clone(),
            tpp: metrics.tpp.map(round2),
            tpp_precision: metrics.tpp_precision.map(|p| p.to_string()),
            pd: metrics.pd.map(round2),
            datacenter: metrics.datacenter,
            memory_bandwidth_gbps: metrics.memory_bandwidth_gbps,
            eccn: determined.and_then(|o| o.eccn.clone()),
            paragraph: determined.and_then(|o| o.paragraph.clone()),
            excluded_by: determined.and_then(|o| o.excluded_by.clone()),
            determined: determined.is_some(),
            possible: c.possible.iter().map(|o| o.label()).collect(),
            deciding: c.deciding.clone(),
            hinges_on_unverified: c
                .hinges_on_unverified
                .iter()
                .map(|s| s.to_string())
                .collect(),
            because,
            system: None,
        }
    }
}

/// Rounds to two decimals for output; the rules compare unrounded figures.
fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// A shipment to check.
#[derive(Debug, Clone)]
pub struct CheckRequest {
    pub item: Item,
    pub to: String,
    pub from: Option<String>,
    pub end_user: Option<String>,
    pub end_user_hq: Option<String>,
    pub date: Date,
    pub scenario: Option<String>,
    pub quantity: Option<u64>,
    /// Who owns whom (any depth), for the Affiliates rule; `None` when not given.
    pub ownership: Option<Vec<earl_core::ownership::Stake>>,
    /// Where and how the item was produced, as the user states it; what is not stated comes
    /// from the catalog, else stays unknown.
    pub made: MadeInput,
}

/// The production facts a user can state for the jurisdiction step. `None` is "not stated":
/// the catalog's fact, else unknown — never "not subject".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MadeInput {
    /// Country where the item was produced (a name or code, as `to`).
    pub made_in: Option<String>,
    /// Controlled US-origin content, percent of the item's value (0 to 100).
    pub us_content: Option<f64>,
    /// A direct product of the US-origin technology or software 15 CFR 734.9 names, or of a
    /// plant or major plant component that is.
    pub us_tech: Option<bool>,
    /// The chip was commercially available in the United States (the Jan 2026 lane's scope).
    pub us_available: Option<bool>,
}

/// The answer to `earl check`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckAnswer {
    #[serde(flatten)]
    pub determination: Determination,
    pub end_user: Option<String>,
    /// Provenance of the screening lists used, when an end user was screened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lists: Option<earl_screen::Provenance>,
    /// What the lists screened against lack: lists that lost entries against the bundled
    /// snapshot, an accepted list without Entity List or SDN rows.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub list_warnings: Vec<String>,
    /// The same as facts, for the renderer to write in the language asked (not serialised:
    /// `list_warnings` is their English).
    #[serde(skip)]
    pub list_warning_facts: Vec<earl_screen::ListWarning>,
    /// Hits a reviewer set aside as false positives: no licence decision rests on them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reviewed: Vec<earl_core::party::ReviewedHit>,
    /// The dispositions this answer relied on (their record ids).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dispositions: Vec<u64>,
    /// The version (SHA-256) of the ownership graph the parties were looked up in, when one was
    /// imported; the holdings relied on are in the ownership steps' chains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ownership_graph: Option<String>,
}

/// One catalog row with its computed metrics.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChipRow<'a> {
    pub id: &'a str,
    pub vendor: &'a str,
    pub name: &'a str,
    pub released: &'a str,
    pub datacenter: Option<bool>,
    pub tpp: Option<f64>,
    pub tpp_precision: Option<String>,
    pub pd: Option<f64>,
    pub memory_bandwidth_gbps: Option<f64>,
    pub chip_to_chip_gbps: Option<f64>,
    /// Metrics that rest on a figure the sources mark unverified.
    pub unverified: Vec<&'static str>,
    /// The catalog entry: aliases, sourced figures and their source keys.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub chip: &'a Chip,
}

impl<'a> ChipRow<'a> {
    pub fn new(c: &'a Chip) -> ChipRow<'a> {
        let m = Metrics::of_chip(c);
        ChipRow {
            id: &c.id,
            vendor: &c.vendor,
            name: &c.name,
            released: &c.released,
            datacenter: m.datacenter,
            tpp: m.tpp.map(round2),
            tpp_precision: m.tpp_precision.map(|p| p.to_string()),
            pd: m.pd.map(round2),
            memory_bandwidth_gbps: m.memory_bandwidth_gbps,
            chip_to_chip_gbps: m.chip_to_chip_gbps,
            unverified: m.unverified,
            chip: c,
        }
    }
}

/// A scenario as `earl scenarios` and `GET /v1/scenarios` list it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScenarioRow<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub status: earl_core::rules::Status,
    /// Null when the scenario applies to any date asked.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub effective: Option<Date>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub until: Option<Date>,
    pub summary: &'a str,
    pub cites: Vec<&'a earl_core::cite::Cite>,
}

impl<'a> ScenarioRow<'a> {
    pub fn new(s: &'a earl_core::rules::Amendment) -> ScenarioRow<'a> {
        ScenarioRow {
            id: &s.id,
            title: &s.title,
            status: s.status,
            effective: s.effective,
            until: s.until,
            summary: &s.summary,
            cites: std::iter::once(&s.cite).chain(&s.more_cites).collect(),
        }
    }
}

/// The answer to `earl about`: the vintage of every dataset earl answers from.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AboutAnswer {
    pub earl_version: &'static str,
    pub rules: AboutRules,
    pub chips: AboutChips,
    pub country_groups: AboutGroups,
    /// Federal Register documents earl dates listings by.
    pub listing_documents: usize,
    /// BIS documents published after the rules' `as_of` (from `earl update`): they may change
    /// answers dated after it; earl has not encoded them.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub newer_documents: Vec<earl_core::step::DocumentRef>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub screening_lists: earl_screen::Provenance,
    /// Every data file with its SHA-256.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub files: Vec<earl_data::FileProvenance>,
    /// SHA-256 over the files' hashes, recorded with every audited answer.
    pub content_hash: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AboutRules {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub as_of: Date,
    pub source_document: String,
    /// The amendment with the latest effective date.
    pub newest_rule: Option<NewestRule>,
    pub rule_versions: usize,
    pub scenarios: usize,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewestRule {
    pub id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub effective: Date,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AboutChips {
    pub as_of: String,
    pub count: usize,
    pub source_document: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AboutGroups {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub ecfr_issue: Date,
    pub source: String,
    pub dated_changes: usize,
}
