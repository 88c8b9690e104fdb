//! Policy exploration: what changes between two dates, rule versions or scenarios
//! ([`diff`]), a chip's determination over time ([`timeline`]), and what a set of shipments moves
//! and what a scenario licenses ([`impact`]).
//!
//! Every comparison rests on the same unit: the [`Outcome`] of one (chip, destination) question,
//! asked through [`Engine::check`] exactly as `earl check` asks it (export from the United States,
//! no end user named), plus the rule entries that decided it ([`EntryRef`]), so a change can be
//! traced to the amendment that made it.

pub mod diff;
pub mod impact;
pub mod timeline;

use crate::{CheckRequest, Engine, EngineError, Item};
use earl_core::check::Determination;
use earl_core::chip::Chip;
use earl_core::cite::Cite;
use earl_core::rules::{Amendment, Entries, ReviewPolicy, Snapshot, Status};
use jiff::civil::Date;
use serde::Serialize;

/// What a side of a comparison names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PointKind {
    /// A date: the enforced rules in force on it.
    Date,
    /// An amendment id of the rule book: the rules in force on its effective date.
    RuleVersion,
    /// A scenario laid over the rules of a date.
    Scenario,
}

/// A set of rules to evaluate: a date, optionally with a scenario laid over it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RulePoint {
    /// What the user typed.
    pub spec: String,
    pub kind: PointKind,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: Date,
    pub scenario: Option<String>,
    /// The newest enforced amendment applied on `date`.
    pub regime: String,
    /// Every amendment applied, oldest first (the scenario last).
    pub applied: Vec<String>,
}

/// How restrictive an outcome is, from no licence to prohibited: the categories the SVGs colour
/// and `impact` counts as licensable or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
// Named apart in the OpenAPI document from `earl_core::step::Verdict`, which it would replace.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = OutcomeClass))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    NoLicence,
    /// A licence is required but a licence exception can authorise it.
    Exception,
    PresumptionOfApproval,
    CaseByCase,
    /// A licence is required and no review policy is stated.
    LicenceNoPolicy,
    PresumptionOfDenial,
    PolicyOfDenial,
    Prohibited,
    /// The figures at hand cannot decide the classification, and the outcomes differ.
    Undetermined,
}

impl Verdict {
    pub const ALL: [Verdict; 9] = [
        Verdict::NoLicence,
        Verdict::Exception,
        Verdict::PresumptionOfApproval,
        Verdict::CaseByCase,
        Verdict::LicenceNoPolicy,
        Verdict::PresumptionOfDenial,
        Verdict::PolicyOfDenial,
        Verdict::Prohibited,
        Verdict::Undetermined,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Verdict::NoLicence => "no licence required",
            Verdict::Exception => "licence exception available",
            Verdict::PresumptionOfApproval => "licence: presumption of approval",
            Verdict::CaseByCase => "licence: case-by-case review",
            Verdict::LicenceNoPolicy => "licence: no review policy stated",
            Verdict::PresumptionOfDenial => "licence: presumption of denial",
            Verdict::PolicyOfDenial => "licence: policy of denial",
            Verdict::Prohibited => "prohibited",
            Verdict::Undetermined => "undetermined (figures unknown)",
        }
    }

    /// Whether units with this verdict count as licensable in `earl impact`: anything but a
    /// denial, a prohibition, or an undetermined answer.
    pub fn licensable(self) -> bool {
        !matches!(
            self,
            Verdict::PresumptionOfDenial
                | Verdict::PolicyOfDenial
                | Verdict::Prohibited
                | Verdict::Undetermined
        )
    }
}

/// The legal outcome of one (chip, destination) question: what diffs compare.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Outcome {
    /// The 3A090 paragraph, "not 3A090", or the outcomes still possible. Shown, not compared.
    pub classification: String,
    /// Null when the figures at hand cannot tell.
    pub license_required: Option<bool>,
    /// Null when the figures or dates at hand cannot tell.
    pub prohibited: Option<bool>,
    pub license_exception: Option<String>,
    pub review_policy: Option<ReviewPolicy>,
    /// Licence conditions and exception duties, as text.
    pub conditions: Vec<String>,
    /// Charges due, as "kind rate%".
    pub charges: Vec<String>,
    pub verdict: Verdict,
}

impl Outcome {
    pub fn of(d: &Determination) -> Outcome {
        let classification = match (&d.paragraph, d.possible_outcomes.is_empty(), &d.eccn) {
            (Some(p), _, _) => p.clone(),
            (None, false, _) => {
                let labels: Vec<&str> = d
                    .possible_outcomes
                    .iter()
                    .map(|o| o.classification.as_str())
                    .collect();
                format!("undetermined: {}", labels.join(" or "))
            }
            (None, true, Some(e)) => e.clone(),
            // Open, though every possible classification gives this same answer.
            (None, true, None) => match d.open_classification() {
                Some(possible) => format!("undetermined: {}", possible.join(" or ")),
                None => "not 3A090".into(),
            },
        };
        let verdict = if d.prohibited == Some(true) {
            Verdict::Prohibited
        } else if d.prohibited.is_none() {
            Verdict::Undetermined
        } else {
            match d.license_required {
                None => Verdict::Undetermined,
                Some(false) => Verdict::NoLicence,
                Some(true) if d.license_exception.is_some() => Verdict::Exception,
                Some(true) => match d.review_policy {
                    Some(ReviewPolicy::PresumptionOfApproval) => Verdict::PresumptionOfApproval,
                    Some(ReviewPolicy::CaseByCase) => Verdict::CaseByCase,
                    Some(ReviewPolicy::PresumptionOfDenial) => Verdict::PresumptionOfDenial,
                    Some(ReviewPolicy::PolicyOfDenial) => Verdict::PolicyOfDenial,
                    None => Verdict::LicenceNoPolicy,
                },
            }
        };
        Outcome {
            classification,
            license_required: d.license_required,
            prohibited: d.prohibited,
            license_exception: d.license_exception.clone(),
            review_policy: d.review_policy,
            conditions: d
                .conditions
                .iter()
                .filter_map(|s| s.entry.clone())
                .collect(),
            charges: d
                .charges
                .iter()
                .map(|c| format!("{} {}%", c.kind, pct(c.rate)))
                .collect(),
            verdict,
        }
    }

    /// Same legal outcome (the classification label is context, not compared).
    pub fn same_as(&self, other: &Outcome) -> bool {
        self.license_required == other.license_required
            && self.prohibited == other.prohibited
            && self.license_exception == other.license_exception
            && self.review_policy == other.review_policy
            && self.conditions == other.conditions
            && self.charges == other.charges
    }
}

/// A percentage without trailing zeros: 0.25 → "25".
fn pct(rate: f64) -> String {
    let p = (rate * 10_000.0).round() / 100.0;
    if p.fract() == 0.0 {
        format!("{p:.0}")
    } else {
        format!("{p}")
    }
}

/// A rule entry that decided an outcome, with the amendment that put it in force.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntryRef {
    /// paragraph, control, exception, review, condition or charge.
    pub kind: &'static str,
    pub id: String,
    /// The amendment (or scenario) whose version of the entry is in force.
    pub amendment: Option<String>,
    pub cite: String,
}

/// One amendment, as a change's reason names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AmendmentRef {
    pub id: String,
    pub title: String,
    pub status: Status,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub effective: Option<Date>,
    pub cite: Cite,
}

impl AmendmentRef {
    pub fn of(a: &Amendment) -> AmendmentRef {
        AmendmentRef {
            id: a.id.clone(),
            title: a.title.clone(),
            status: a.status,
            effective: a.effective,
            cite: a.cite.clone(),
        }
    }
}

/// A Country Group membership change, as a change's reason names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupChangeRef {
    pub group: String,
    pub country: String,
    /// "add" or "remove".
    pub action: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub effective: Date,
    pub cite: String,
}

/// One question's answer with the entries that decided it.
pub struct Evaluated {
    pub outcome: Outcome,
    pub entries: Vec<EntryRef>,
    pub determination: Determination,
}

impl Engine {
    /// Resolves what a side of a comparison names: a `YYYY-MM-DD` date, an amendment id of the
    /// rule book (its effective date), or a scenario id laid over the rules of `scenario_date`.
    pub fn rule_point(&self, spec: &str, scenario_date: Date) -> Result<RulePoint, EngineError> {
        let spec = spec.trim();
        let (kind, date, scenario) = if let Some(a) = self.data.rules.amendment(spec) {
            let date = a.effective.ok_or_else(|| {
                EngineError::BadInput(format!(
                    "rule version `{spec}` has no effective date; give a date instead"
                ))
            })?;
            (PointKind::RuleVersion, date, None)
        } else if let Some(s) = self.data.rules.scenario(spec) {
            (PointKind::Scenario, scenario_date, Some(s.id.clone()))
        } else if spec.starts_with(|c: char| c.is_ascii_digit()) {
            (PointKind::Date, crate::parse_date(spec)?, None)
        } else {
            return Err(EngineError::Input(crate::InputError::UnknownPoint {
                spec: spec.to_string(),
                known: self.scenario_id_list(),
            }));
        };
        let snap = self.snapshot(
            date,
            scenario
                .as_deref()
                .and_then(|s| self.data.rules.scenario(s)),
        );
        Ok(RulePoint {
            spec: spec.to_string(),
            kind,
            date,
            scenario,
            regime: snap.regime.clone(),
            applied: snap.applied.clone(),
        })
    }

    /// The snapshot a rule point stands for.
    pub fn point_snapshot(&self, point: &RulePoint) -> std::sync::Arc<Snapshot> {
        self.snapshot(
            point.date,
            point
                .scenario
                .as_deref()
                .and_then(|s| self.data.rules.scenario(s)),
        )
    }

    /// Asks one (chip, destination) question under `point`, as `earl check` would, and finds the
    /// entries of `snap` (the snapshot of `point`) that decided it.
    pub fn evaluate(
        &self,
        chip: &Chip,
        destination: &str,
        point: &RulePoint,
        snap: &Snapshot,
        quantity: Option<u64>,
    ) -> Result<Evaluated, EngineError> {
        let answer = self.check(&CheckRequest {
            item: Item::Catalog(chip.id.clone()),
            to: destination.to_string(),
            from: None,
            end_user: None,
            end_user_hq: None,
            date: point.date,
            scenario: point.scenario.clone(),
            quantity,
            ownership: None,
            made: Default::default(),
        })?;
        let determination = answer.determination;
        let entries = self.deciding_entries(snap, &determination);
        Ok(Evaluated {
            outcome: Outcome::of(&determination),
            entries,
            determination,
        })
    }

    /// The entries of `snap` that decided `d`: the paragraph met, the controls that applied, the
    /// exception used, the review policy, the conditions and the charges. Found by matching the
    /// entry's own text and citation in the determination's steps, so nothing is re-evaluated.
    pub fn deciding_entries(&self, snap: &Snapshot, d: &Determination) -> Vec<EntryRef> {
        let e = &snap.entries;
        let decided = |id: &str| d.decided_by.iter().any(|x| x == id);
        let mut out = Vec::new();
        let mut push = |kind: &'static str, id: &str, cite: &Cite| {
            out.push(EntryRef {
                kind,
                id: id.to_string(),
                amendment: self.introduced_by(snap, kind, id),
                cite: cite.text.clone(),
            });
        };
        if let Some(p) = e
            .paragraph
            .iter()
            .find(|p| d.paragraph.as_deref() == Some(p.id.as_str()))
        {
            push("paragraph", &p.id, &p.cite);
        }
        for c in e.control.iter().filter(|c| decided(&c.id)) {
            push("control", &c.id, &c.cite);
        }
        for x in e.exception.iter().filter(|x| decided(&x.id)) {
            push("exception", &x.id, &x.cite);
        }
        for r in e.review.iter().filter(|r| decided(&r.id)) {
            push("review", &r.id, &r.cite);
        }
        for c in e.condition.iter().filter(|c| decided(&c.id)) {
            push("condition", &c.id, &c.cite);
        }
        for c in e.charge.iter().filter(|c| decided(&c.id)) {
            push("charge", &c.id, &c.cite);
        }
        out
    }

    /// The newest applied amendment that adds the entry `id` of `kind`.
    fn introduced_by(&self, snap: &Snapshot, kind: &str, id: &str) -> Option<String> {
        snap.applied
            .iter()
            .rev()
            .find(|a| {
                self.amendment_or_scenario(a)
                    .is_some_and(|a| adds(&a.add, kind, id))
            })
            .cloned()
    }

    pub fn amendment_or_scenario(&self, id: &str) -> Option<&Amendment> {
        self.data
            .rules
            .amendment(id)
            .or_else(|| self.data.rules.scenario(id))
    }
}

/// Whether `entries` adds an entry of `kind` with `id`.
fn adds(entries: &Entries, kind: &str, id: &str) -> bool {
    match kind {
        "paragraph" => entries.paragraph.iter().any(|x| x.id == id),
        "control" => entries.control.iter().any(|x| x.id == id),
        "exception" => entries.exception.iter().any(|x| x.id == id),
        "review" => entries.review.iter().any(|x| x.id == id),
        "condition" => entries.condition.iter().any(|x| x.id == id),
        "charge" => entries.charge.iter().any(|x| x.id == id),
        _ => false,
    }
}

/// Whether `a` adds, replaces or removes the entry `e`.
fn touches(a: &Amendment, e: &EntryRef) -> bool {
    adds(&a.add, e.kind, &e.id) || a.remove.contains(&e.id)
}
