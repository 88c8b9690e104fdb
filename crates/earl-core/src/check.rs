//! Licence determination: does exporting an item to a destination for an end user on a date need
//! a licence, which exception could authorise it, what review policy BIS applies, and under which
//! conditions — each step with the entry of the rules that decided it.

use crate::cite::{Cite, Step};
use crate::classify::{Classification, Outcome};
use crate::countries::Country;
use crate::metrics::Metrics;
use crate::rules::{Evaluator, Facts, Requirement, ReviewPolicy, Snapshot};
use crate::tri::Tri;
use jiff::civil::Date;
use serde::Serialize;

/// A restricted-party list match on the end user, as screening reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartyHit {
    /// List short code (EL, DPL, UVL, MEU, SDN, ...).
    pub list: String,
    /// The entry's primary name and the name or alias that matched.
    pub name: String,
    pub matched_name: String,
    pub entity_number: Option<String>,
    pub score: f64,
    pub license_requirement: Option<String>,
    /// The entry's own review policy, normalised (Entity List entries state one).
    pub policy: Option<ReviewPolicy>,
    pub raw_policy: Option<String>,
    /// The entry's oldest Federal Register notice, e.g. `88 FR 71992`.
    pub earliest_notice: Option<String>,
    /// The year of that notice: the party was listed no earlier.
    pub earliest_notice_year: Option<i16>,
    /// When that notice took effect, where earl's sources give it.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub listed_from: Option<Date>,
}

/// The question asked, with the item already measured and classified.
pub struct Question<'a> {
    pub chip_id: Option<&'a str>,
    pub chip_name: &'a str,
    pub vendor: Option<&'a str>,
    pub metrics: &'a Metrics,
    pub classification: &'a Classification,
    pub destination: &'a Country,
    pub from: &'a str,
    pub hq: Option<&'a Country>,
    pub date: Date,
    pub quantity: Option<u64>,
    pub frontier_tpp: Option<f64>,
    pub party_hits: &'a [PartyHit],
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChargeDue {
    pub kind: String,
    pub rate: f64,
    pub text: String,
    pub cite: String,
}

/// What one possible classification leads to, when the classification is undetermined.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PossibleOutcome {
    pub classification: String,
    pub license_required: bool,
    pub license_exception: Option<String>,
    pub review_policy: Option<ReviewPolicy>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Determination {
    pub chip: Option<String>,
    pub chip_name: String,
    pub eccn: Option<String>,
    pub paragraph: Option<String>,
    pub destination: String,
    /// The destination the EAR treats it as (Hong Kong → CN), when different.
    pub treated_as: Option<String>,
    pub from: String,
    pub end_user_hq: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: Date,
    pub regime: String,
    pub scenario: Option<String>,
    /// A licence requirement applies (null when the figures at hand cannot tell).
    pub license_required: Option<bool>,
    /// No licence can authorise it (a denial order or blocking).
    pub prohibited: bool,
    pub license_exception: Option<String>,
    pub review_policy: Option<ReviewPolicy>,
    pub conditions: Vec<Step>,
    pub charges: Vec<ChargeDue>,
    pub end_user_matches: Vec<PartyHit>,
    pub because: Vec<Step>,
    /// Ids of the rule entries that decided the answer (paragraph, controls, party rules,
    /// exception, review, conditions, charges), so tools can trace a decision to its rules.
    pub decided_by: Vec<String>,
    pub notices: Vec<Step>,
    pub not_checked: Vec<Step>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub possible_outcomes: Vec<PossibleOutcome>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deciding: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hinges_on_unverified: Vec<String>,
}

/// The answer for one possible classification.
struct Branch {
    license_required: Tri,
    prohibited: bool,
    exception: Option<String>,
    review: Option<ReviewPolicy>,
    conditions: Vec<Step>,
    charges: Vec<ChargeDue>,
    because: Vec<Step>,
    decided_by: Vec<String>,
    notices: Vec<Step>,
    not_checked: Vec<Step>,
}

/// Determines the licence requirement for `q` under `snapshot`.
pub fn check(snapshot: &Snapshot, q: &Question, eval: &Evaluator) -> Determination {
    let mut because = q.classification.because(snapshot, q.metrics);
    let asked = q.destination.code.clone();
    let (dest_code, treated_as) = match &q.destination.treated_as {
        Some(t) if q.date >= t.from => {
            because.push(Step::new(
                format!(
                    "{} is treated as {} under the EAR from {}.",
                    q.destination.name, t.code, t.from
                ),
                &Cite {
                    text: t.cite.clone(),
                    confidence: t.confidence,
                },
            ));
            (t.code.clone(), Some(t.code.clone()))
        }
        _ => (asked.clone(), None),
    };
    let hq_code = q.hq.map(|h| match &h.treated_as {
        Some(t) if q.date >= t.from => t.code.clone(),
        _ => h.code.clone(),
    });
    let branches: Vec<(Outcome, Branch)> = q
        .classification
        .possible
        .iter()
        .map(|o| {
            (
                o.clone(),
                decide(snapshot, q, eval, o, &dest_code, hq_code.as_deref()),
            )
        })
        .collect();

    let first = &branches[0].1;
    let all_same = branches.iter().all(|(_, b)| {
        b.license_required == first.license_required
            && b.exception == first.exception
            && b.review == first.review
    });
    // The requirement can be known even when the exception or review policy is not.
    let license_required = match first.license_required {
        Tri::True
            if branches
                .iter()
                .all(|(_, b)| b.license_required == Tri::True) =>
        {
            Some(true)
        }
        Tri::False
            if branches
                .iter()
                .all(|(_, b)| b.license_required == Tri::False) =>
        {
            Some(false)
        }
        _ => None,
    };
    let mut possible_outcomes = Vec::new();
    let (exception, review, prohibited, conditions, charges, notices, not_checked, decided_by);
    if branches.len() == 1 || all_same {
        because.extend(first.because.iter().cloned());
        exception = first.exception.clone();
        review = first.review;
        prohibited = first.prohibited;
        conditions = first.conditions.clone();
        charges = first.charges.clone();
        notices = first.notices.clone();
        not_checked = first.not_checked.clone();
        decided_by = first.decided_by.clone();
        if branches.len() > 1 {
            because.push(Step::computed(
                "Every possible classification leads to this same answer, so the unknown figures do not change it.",
                "earl: each possible classification evaluated",
            ));
        }
    } else {
        for (o, b) in &branches {
            because.extend(b.because.iter().map(|s| Step {
                text: format!("If {}: {}", o.label(), s.text),
                ..s.clone()
            }));
            possible_outcomes.push(PossibleOutcome {
                classification: o.label(),
                license_required: b.license_required == Tri::True,
                license_exception: b.exception.clone(),
                review_policy: b.review,
            });
        }
        because.push(Step::computed(
            format!(
                "The answer depends on the classification, which turns on {}.",
                q.classification.deciding.join(" and ")
            ),
            "earl: each possible classification evaluated",
        ));
        exception = None;
        review = None;
        prohibited = branches.iter().all(|(_, b)| b.prohibited);
        conditions = Vec::new();
        charges = Vec::new();
        notices = union(branches.iter().map(|(_, b)| &b.notices));
        not_checked = union(branches.iter().map(|(_, b)| &b.not_checked));
        // Every entry that decided any of the possible answers.
        let mut ids: Vec<String> = Vec::new();
        for id in branches.iter().flat_map(|(_, b)| &b.decided_by) {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        decided_by = ids;
    }
    let determined = q.classification.determined();
    Determination {
        chip: q.chip_id.map(str::to_string),
        chip_name: q.chip_name.to_string(),
        eccn: determined.and_then(|o| o.eccn.clone()),
        paragraph: determined.and_then(|o| o.paragraph.clone()),
        destination: asked,
        treated_as,
        from: q.from.to_string(),
        end_user_hq: hq_code,
        date: q.date,
        regime: snapshot.regime.clone(),
        scenario: snapshot.scenario.clone(),
        license_required,
        prohibited,
        license_exception: exception,
        review_policy: review,
        conditions,
        charges,
        end_user_matches: q.party_hits.to_vec(),
        because,
        decided_by,
        notices,
        not_checked,
        possible_outcomes,
        deciding: q.classification.deciding.clone(),
        hinges_on_unverified: q
            .classification
            .hinges_on_unverified
            .iter()
            .map(|s| s.to_string())
            .collect(),
    }
}

fn union<'a>(lists: impl Iterator<Item = &'a Vec<Step>>) -> Vec<Step> {
    let mut out: Vec<Step> = Vec::new();
    for s in lists.flatten() {
        if !out.contains(s) {
            out.push(s.clone());
        }
    }
    out
}

fn decide(
    snapshot: &Snapshot,
    q: &Question,
    eval: &Evaluator,
    outcome: &Outcome,
    dest: &str,
    hq: Option<&str>,
) -> Branch {
    let e = &snapshot.entries;
    let lists: Vec<String> = q.party_hits.iter().map(|h| h.list.clone()).collect();
    let mut facts = Facts {
        date: q.date,
        classification: outcome.paragraph.as_deref(),
        chip_id: q.chip_id,
        vendor: q.vendor,
        metrics: q.metrics,
        frontier_tpp: q.frontier_tpp,
        quantity: q.quantity,
        destination: Some(dest),
        hq,
        export_from_us: q.from == "US",
        controls: &[],
        review: None,
        lists: &lists,
    };
    let mut because = Vec::new();
    let mut decided_by: Vec<String> = outcome.paragraph.iter().cloned().collect();
    let mut triggered: Vec<String> = Vec::new();
    let mut required = Tri::False;
    let mut prohibited = false;
    for c in &e.control {
        match eval.eval(&c.when, &facts) {
            Tri::True => {
                because.push(Step::new(format!("Licence required: {}", c.text), &c.cite));
                triggered.push(c.id.clone());
                decided_by.push(c.id.clone());
                required = Tri::True;
                prohibited |= c.requirement == Requirement::Prohibited;
            }
            Tri::Unknown => {
                because.push(Step::new(
                    format!(
                        "Cannot tell whether this applies (figures unknown): {}",
                        c.text
                    ),
                    &c.cite,
                ));
                required = required.or(Tri::Unknown);
            }
            Tri::False => {}
        }
    }

    let mut party_policy: Option<ReviewPolicy> = None;
    let mut exceptions_barred: Option<String> = None;
    let mut party_notices = Vec::new();
    for hit in q.party_hits {
        // The bundled list is today's: a party listed after the date asked is not applied.
        let listed_later = match (hit.listed_from, hit.earliest_notice_year) {
            (Some(from), _) => from > q.date,
            (None, Some(year)) => year > q.date.year(),
            (None, None) => false,
        };
        let notice = hit.earliest_notice.as_deref().unwrap_or("none cited");
        if listed_later {
            because.push(Step::computed(
                format!(
                    "End user matches {} on the {} list, but the entry's oldest Federal Register notice ({notice}{}) is after {}: it was not yet listed then, so the listing is not applied.",
                    hit.name,
                    hit.list,
                    hit.listed_from.map(|d| format!(", effective {d}")).unwrap_or_default(),
                    q.date
                ),
                "the entry's Federal Register citations in the Consolidated Screening List; data/list-notices.toml",
            ));
            continue;
        }
        if hit.listed_from.is_none() && hit.earliest_notice_year == Some(q.date.year()) {
            party_notices.push(Step::computed(
                format!(
                    "The {} entry for {} first cites {notice}, from the year asked: earl does not know its exact effective date and applied the listing; check whether it was listed on {}.",
                    hit.list, hit.name, q.date
                ),
                "the entry's Federal Register citations in the Consolidated Screening List",
            ));
        }
        for rule in e.party.iter().filter(|r| r.list == hit.list) {
            decided_by.push(rule.id.clone());
            because.push(Step::new(
                format!(
                    "End user matches {} on the {} list: {}",
                    hit.name, hit.list, rule.text
                ),
                &rule.cite,
            ));
            match rule.requirement {
                Some(Requirement::License) => required = Tri::True,
                Some(Requirement::Prohibited) => {
                    required = Tri::True;
                    prohibited = true;
                }
                None => {}
            }
            if let Some(p) = rule.policy.or(hit.policy) {
                party_policy = party_policy.max(Some(p));
            }
            if rule.bars_exceptions {
                exceptions_barred = Some(hit.list.clone());
            }
        }
    }
    if required == Tri::False {
        because.push(Step::computed(
            format!(
                "No licence requirement in earl's rules applies to this item for {dest} on {}.",
                q.date
            ),
            format!("rules in force on {} (regime {})", q.date, snapshot.regime),
        ));
    }
    facts.controls = &triggered;

    let mut exception = None;
    let mut conditions = Vec::new();
    if required == Tri::True && !prohibited {
        for x in &e.exception {
            if triggered.is_empty() || !triggered.iter().all(|c| x.covers.contains(c)) {
                continue;
            }
            if eval.eval(&x.when, &facts) != Tri::True {
                continue;
            }
            if let Some(list) = &exceptions_barred {
                because.push(Step::new(
                    format!("License Exception {} would apply, but the end user's {list} listing bars licence exceptions.", x.code),
                    &x.cite,
                ));
                break;
            }
            because.push(Step::new(
                format!("License Exception {} can authorise it: {}", x.code, x.text),
                &x.cite,
            ));
            conditions.extend(x.conditions.iter().map(|c| Step::new(c.clone(), &x.cite)));
            exception = Some(x.code.clone());
            break;
        }
    }

    let mut review = None;
    let mut review_id = None;
    if required == Tri::True && !prohibited {
        for r in &e.review {
            match eval.eval(&r.when, &facts) {
                Tri::True => {
                    because.push(Step::new(
                        format!("Review policy {}: {}", r.policy.as_str(), r.text),
                        &r.cite,
                    ));
                    review = Some(r.policy);
                    review_id = Some(r.id.clone());
                    decided_by.push(r.id.clone());
                    break;
                }
                Tri::Unknown => because.push(Step::new(
                    format!(
                        "Cannot tell whether this review policy applies (figures unknown): {}",
                        r.text
                    ),
                    &r.cite,
                )),
                Tri::False => {}
            }
        }
        if let Some(p) = party_policy
            && review.is_none_or(|r| p > r)
        {
            because.push(Step::computed(
                format!(
                    "The end user's list entry sets the stricter review policy: {}.",
                    p.as_str()
                ),
                "15 CFR 744.11(b): Entity List entries state their own review policy",
            ));
            review = Some(p);
        }
    } else if prohibited {
        review = Some(ReviewPolicy::PolicyOfDenial);
    }
    facts.review = review_id.as_deref();

    for c in &e.condition {
        if eval.eval(&c.when, &facts) == Tri::True {
            conditions.push(Step::new(c.text.clone(), &c.cite));
            decided_by.push(c.id.clone());
        }
    }
    let charged: Vec<&crate::rules::Charge> = e
        .charge
        .iter()
        .filter(|c| eval.eval(&c.when, &facts) == Tri::True)
        .collect();
    decided_by.extend(charged.iter().map(|c| c.id.clone()));
    let charges = charged
        .into_iter()
        .map(|c| ChargeDue {
            kind: c.kind.clone(),
            rate: c.rate,
            text: c.text.clone(),
            cite: c.cite.text.clone(),
        })
        .collect();
    let shown = |notes: &[crate::rules::Note]| -> Vec<Step> {
        notes
            .iter()
            .filter(|n| eval.eval(&n.when, &facts) != Tri::False)
            .map(|n| Step::new(n.text.clone(), &n.cite))
            .collect()
    };
    let mut notices = shown(&e.notice);
    notices.extend(party_notices);
    let mut not_checked = shown(&e.not_checked);
    if q.hq.is_none() {
        not_checked.push(Step::computed(
            "The end user's headquarters was not given: earl assumed it is not headquartered (nor its ultimate parent) in Country Group D:5 or Macau. If it is, a licence is required for advanced computing items to any destination.",
            "15 CFR 742.6(a)(6)(iii)(A) / former 744.23(a)(3); BIS guidance of May 31, 2026",
        ));
    }
    Branch {
        license_required: required,
        prohibited,
        exception,
        review,
        conditions,
        charges,
        because,
        decided_by,
        notices,
        not_checked,
    }
}
