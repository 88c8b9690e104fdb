//! Reasons as data. Every answer earl gives is a list of [`Step`]s: what kind of step it is, the
//! rule entry that produced it, the facts it evaluated, its outcome, and the citation behind it.
//! The core never writes prose; `earl-render` turns steps into sentences, in one place, and the
//! text it writes is stored in [`Step::text`] only at the edge.

use crate::chip::Precision;
use crate::cite::{Cite, Confidence};
use crate::metrics::MetricName;
use crate::rules::{Reading, Requirement, ReviewPolicy};
use crate::tri::Tri;
use jiff::civil::Date;
use serde::Serialize;

/// A three-valued outcome as an answer shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Applies,
    DoesNotApply,
    Undetermined,
}

impl From<Tri> for Verdict {
    fn from(t: Tri) -> Verdict {
        match t {
            Tri::True => Verdict::Applies,
            Tri::False => Verdict::DoesNotApply,
            Tri::Unknown => Verdict::Undetermined,
        }
    }
}

/// A figure as a rule saw it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "is", content = "value", rename_all = "snake_case")]
pub enum Shown {
    Exact(f64),
    Between(f64, f64),
    Unknown,
    NotApplicable,
}

/// One threshold of a paragraph compared with the item's figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub metric: MetricName,
    pub value: Shown,
    /// The rule's operator as written: `>=`, `>`, `<=`, `<`.
    pub op: &'static str,
    pub threshold: f64,
    pub verdict: Verdict,
}

/// When a restricted-party entry was listed, as far as earl's sources tell.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "known", rename_all = "snake_case")]
pub enum Listed {
    /// The Federal Register notice's effective date is known.
    On { date: Date, notice: String },
    /// Listed by this date at the latest (the notice's publication date, or a date that rests on
    /// an inferred link): listed from it, undetermined before it back to `not_before` (the
    /// rule's announcement, before which it cannot have taken effect) or else to the start of
    /// its year.
    By {
        date: Date,
        not_before: Option<Date>,
        notice: String,
    },
    /// Only the notice's volume (its year) is known.
    InYear { year: i16, notice: String },
    /// The entry cites no Federal Register notice.
    NoNotice,
}

impl Listed {
    /// Whether the entry was listed on `date`: unknown when only the notice's year is known and
    /// `date` falls in it, or when `date` is before a "listed by" date in its year. An entry
    /// citing no notice is taken as listed (the cautious reading; answers say so).
    pub fn on(&self, date: Date) -> Tri {
        match self {
            Listed::On { date: from, .. } => Tri::from(*from <= date),
            Listed::By { date: by, .. } if *by <= date => Tri::True,
            Listed::By {
                not_before: Some(earliest),
                ..
            } if date < *earliest => Tri::False,
            Listed::By { date: by, .. } if by.year() > date.year() => Tri::False,
            Listed::By { .. } => Tri::Unknown,
            Listed::InYear { year, .. } if *year < date.year() => Tri::True,
            Listed::InYear { year, .. } if *year > date.year() => Tri::False,
            Listed::InYear { .. } => Tri::Unknown,
            Listed::NoNotice => Tri::True,
        }
    }
}

/// One owner's share in a chain of ownership.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Holding {
    pub owner: String,
    pub owned: String,
    /// The share stated; `null` when the source states control and no percentage (see `graph`).
    pub percent: Option<f64>,
    /// The list the owner is on (directly or as an affiliate), or none.
    pub list: Option<String>,
    /// Where the holding comes from when earl's ownership graph gave it (absent: the question
    /// gave it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub graph: Option<GraphHolding>,
}

/// A holding taken from the ownership graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GraphHolding {
    pub source: String,
    pub reading: HoldingReading,
    /// The most that may be held, when the source gives a range (`percent` is its lower bound).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
    /// The first and last days the holding held, when the source says.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub from: Option<Date>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub to: Option<Date>,
    /// The day earl imported it.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub imported: Date,
    /// The question stated another share for the same holding; the stricter was walked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question_percent: Option<f64>,
}

/// How a holding's share is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HoldingReading {
    /// A stated percentage.
    Percent,
    /// A stated range: at least `percent`, at most `upper`.
    Range,
    /// Accounting consolidation (GLEIF Level 2): control without a stated percentage, read as
    /// majority ownership likely — undetermined, never 0%.
    ConsolidationMajorityLikely,
    /// An interest other than a stated shareholding (BODS voting rights, board appointment, a
    /// shareholding with no share): the share is unknown — undetermined, never 0%.
    ControlShareUnknown,
}

/// One review policy still possible, and the entry that sets it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewReading {
    pub entry: String,
    pub policy: ReviewPolicy,
}

/// A production fact as the jurisdiction step read it, with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact<T> {
    /// Null when unknown.
    pub value: Option<T>,
    /// `user input`, a catalog source key, or `unknown`.
    pub source: String,
    /// The catalog marks it unverified.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unverified: bool,
}

impl<T> Fact<T> {
    pub fn unknown() -> Fact<T> {
        Fact {
            value: None,
            source: "unknown".into(),
            unverified: false,
        }
    }
}

/// What a step is, with the facts it evaluated. The variants follow the order in which an
/// answer is built: metrics, classification, destination, controls, parties, exceptions, review,
/// conditions, charges, and what the answer must add.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// TPP computed from the best precision (or given).
    Tpp {
        tpp: f64,
        tops: Option<f64>,
        precision: Option<Precision>,
        bits: Option<u32>,
        precisions_listed: usize,
        /// Catalog source key, or `user input`.
        source: String,
    },
    /// TPP known only to lie in a range its sources give (no throughput published).
    TppRange {
        low: f64,
        high: f64,
        source: String,
    },
    /// PD computed from TPP and die area (or given).
    Pd {
        tpp: f64,
        die_area_mm2: Option<f64>,
        pd: f64,
        source: String,
    },
    /// HBM memory bandwidth density.
    HbmDensity {
        bandwidth_gbps: f64,
        package_area_mm2: f64,
        density: f64,
        source: String,
    },
    /// The bound on aggregate I/O earl forms from the chip-to-chip figure.
    IoBound {
        chip_to_chip_gbps: f64,
        host_link_max_gbps: f64,
        low: f64,
        high: f64,
    },
    /// No 3A090 paragraph was in force on the date asked.
    No3a090,
    Exclusion {
        verdict: Verdict,
        rule: String,
    },
    Paragraph {
        verdict: Verdict,
        rule: String,
        /// False when the paragraph is for another kind of item (HBM vs logic).
        applicable: bool,
        tests: Vec<Comparison>,
    },
    /// A figure is unknown but cannot change the classification.
    UnknownIrrelevant {
        metric: MetricName,
    },
    Classified {
        outcome: String,
    },
    ClassificationOpen {
        possible: Vec<String>,
        deciding: Vec<String>,
    },
    RestsOnUnverified {
        figures: Vec<String>,
    },
    /// What a system contains, as the systems data gives it.
    Contains {
        system: String,
        parts: Vec<crate::system::Contained>,
    },
    /// A 4A090 paragraph tested on a system: `by` are the contained chips (with their 3A090
    /// paragraph) that bring it under the paragraph, or could.
    Assembly {
        verdict: Verdict,
        rule: String,
        by: Vec<String>,
    },
    /// The EAR treats the destination as another (Hong Kong as China).
    TreatedAs {
        country: String,
        treated_as: String,
        from: Date,
    },
    /// The production facts the jurisdiction step read: where the item was made, its
    /// controlled US-origin content, whether it is a direct product of US technology.
    Production {
        /// Countries where it may have been produced (empty when unknown).
        made_in: Fact<Vec<String>>,
        /// Controlled US-origin content, percent of value.
        us_content: Fact<f64>,
        us_tech: Fact<bool>,
    },
    /// One prong of "is the item subject to the EAR" (15 CFR 734.3) tested.
    Jurisdiction {
        ground: crate::rules::Ground,
        verdict: Verdict,
        rule: String,
        /// The de minimis level, for a de minimis prong.
        #[serde(skip_serializing_if = "Option::is_none")]
        percent: Option<f64>,
        /// Readings of a prong whose reach is unsettled (the prong is undetermined).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        readings: Vec<Reading>,
    },
    /// Whether the item is subject to the EAR, every prong tested: applies (subject), does not
    /// apply (not subject: no licence requirement of the EAR can reach it), undetermined.
    SubjectToEar {
        verdict: Verdict,
    },
    /// A licence requirement evaluated true or undetermined.
    Control {
        verdict: Verdict,
        requirement: Requirement,
        rule: String,
        /// Readings of a requirement whose meaning is unsettled (the control is undetermined).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        readings: Vec<Reading>,
    },
    /// No licence requirement applied.
    NoRequirement {
        destination: String,
        regime: String,
    },
    /// A restricted-party match and whether its listing is applied on the date asked.
    Party {
        list: String,
        name: String,
        matched_name: String,
        /// Who matched: the end user, or one of its owners.
        party: String,
        listed: Listed,
        /// Applies: listed by the date asked; does not apply: listed later; undetermined: the
        /// listing date is not known to earl and the date asked falls in its year.
        verdict: Verdict,
        /// The party rule's text (the list's legal effect).
        rule: String,
    },
    /// The end user is owned 50% or more by listed parties (Affiliates rule).
    Owned {
        party: String,
        percent: f64,
        chain: Vec<Holding>,
        list: String,
        verdict: Verdict,
        rule: String,
    },
    /// An owner on the chains above the end user is known only by its LEI (its file gave no
    /// name): no list can be asked about it.
    OwnerNotScreenable {
        owner: String,
    },
    /// A party asked was found in the ownership graph under a name written otherwise.
    FoundInOwnershipGraph {
        asked: String,
        found: String,
    },
    /// Ownership reached the threshold, but the Affiliates rule is not in force on the date.
    OwnershipNotApplied {
        party: String,
        percent: f64,
        list: String,
    },
    Exception {
        code: String,
        rule: String,
        /// The list whose match bars every licence exception, if one does.
        barred_by: Option<String>,
    },
    Review {
        policy: ReviewPolicy,
        verdict: Verdict,
        rule: String,
        /// The stricter policy of a listed party replaced this one.
        overridden: bool,
    },
    /// A listed party's policy replaces the review policy, and with it that policy's terms.
    PolicyOverride {
        policy: ReviewPolicy,
        list: String,
        overridden: Option<String>,
    },
    /// Every possible classification gives the same answer.
    SameAcrossOutcomes,
    DependsOnClassification {
        deciding: Vec<String>,
    },
    /// A condition, notice or not-checked entry shown as written.
    Condition {
        rule: String,
    },
    Notice {
        rule: String,
    },
    NotChecked {
        rule: String,
    },
    /// A charge that may apply: the figures that decide it are not known exactly.
    ChargeUndetermined {
        rule: String,
    },
    /// No review policy is settled: a review entry ranked above the one that applies (or all
    /// of them) could not be evaluated. `readings` are the policies still possible, highest
    /// rank first, each with its entry; the last is the one that applies if none above does.
    ReviewUndetermined {
        readings: Vec<ReviewReading>,
        /// The last reading applies if none above it does (false: it too is undetermined).
        fallback: bool,
    },
    /// A licence condition that may apply: if the review entry `review` (undetermined)
    /// applies, or, without one, on facts not known.
    ConditionIf {
        rule: String,
        review: Option<String>,
    },
    /// A licence exception that may be available: whether its `when` holds cannot be told.
    ExceptionUndetermined {
        code: String,
        rule: String,
    },
    /// The party's listing date is unknown and the date asked is in the notice's year.
    ListingDateUnknown {
        list: String,
        name: String,
        notice: String,
        year: i16,
    },
    /// The entry cites no Federal Register notice: it was applied as if listed on the date.
    ListingUndated {
        list: String,
        name: String,
    },
    NoEndUser,
    HqNotGiven,
    /// No ownership was given while an affiliates rule is (or may be) in force.
    OwnershipNotGiven {
        in_force: Verdict,
    },
    /// The date asked is after the rules' vintage.
    RulesVintage {
        as_of: Date,
        source: String,
    },
    /// The date asked is after the rules' vintage, and BIS has published documents touching the
    /// encoded parts since then (fetched by `earl update`): they may change this answer.
    NewerDocuments {
        as_of: Date,
        source: String,
        documents: Vec<DocumentRef>,
    },
}

/// A Federal Register document, as the Federal Register's documents API lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentRef {
    pub document_number: String,
    pub title: String,
    /// The API's display type: `Rule`, `Proposed Rule`, `Notice`, ...
    #[serde(rename = "type")]
    pub doc_type: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub publication_date: Date,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub effective_on: Option<Date>,
    /// `89 FR 1520`.
    pub citation: Option<String>,
    pub html_url: Option<String>,
    /// The parts of 15 CFR it affects, from `cfr_references`.
    pub cfr_parts: Vec<u32>,
}

impl Reason {
    /// The rule's own wording this step quotes (from the rules file), if it quotes one: the
    /// renderer puts it in the language asked.
    pub fn rule_mut(&mut self) -> Option<&mut String> {
        match self {
            Reason::Exclusion { rule, .. }
            | Reason::Paragraph { rule, .. }
            | Reason::Assembly { rule, .. }
            | Reason::Jurisdiction { rule, .. }
            | Reason::Control { rule, .. }
            | Reason::Party { rule, .. }
            | Reason::Owned { rule, .. }
            | Reason::Exception { rule, .. }
            | Reason::Review { rule, .. }
            | Reason::Condition { rule }
            | Reason::Notice { rule }
            | Reason::NotChecked { rule }
            | Reason::ChargeUndetermined { rule }
            | Reason::ConditionIf { rule, .. }
            | Reason::ExceptionUndetermined { rule, .. } => Some(rule),
            _ => None,
        }
    }
}

/// One step of an answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Step {
    /// `kind` (the step kind) and the facts it evaluated, which depend on the kind.
    #[serde(flatten)]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub reason: Reason,
    /// The id of the rule entry this step evaluated, if it came from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    /// The classification this step belongs to, when an answer depends on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub branch: Option<String>,
    /// Whether this step's entry decided the answer (the answer's `decided_by` lists these).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub decisive: bool,
    pub cite: String,
    pub confidence: Confidence,
    /// The sentence `earl-render` writes for this step; empty inside the core.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl Step {
    /// A step from a rule entry and its citation.
    pub fn entry(reason: Reason, id: &str, cite: &Cite) -> Step {
        Step {
            reason,
            entry: Some(id.to_string()),
            branch: None,
            decisive: false,
            cite: cite.text.clone(),
            confidence: cite.confidence,
            text: String::new(),
        }
    }

    /// A step cited to a source outside the rules, with its confidence.
    pub fn sourced(reason: Reason, cite: impl Into<String>, confidence: Confidence) -> Step {
        Step {
            reason,
            entry: None,
            branch: None,
            decisive: false,
            cite: cite.into(),
            confidence,
            text: String::new(),
        }
    }

    /// A step whose source is earl's own arithmetic or evaluation.
    pub fn computed(reason: Reason, cite: impl Into<String>) -> Step {
        Step::sourced(reason, cite, Confidence::Computed)
    }

    pub fn decisive(mut self) -> Step {
        self.decisive = true;
        self
    }
}

/// The ids of the entries that decided an answer: the decisive steps' entries, once each, in
/// the order the steps were taken.
pub fn decided_by<'a>(steps: impl IntoIterator<Item = &'a Step>) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for s in steps {
        if let (true, Some(id)) = (s.decisive, &s.entry)
            && !ids.contains(id)
        {
            ids.push(id.clone());
        }
    }
    ids
}
