//! Licence determination: does exporting an item to a destination for an end user on a date need
//! a licence, which exception could authorise it, what review policy BIS applies, and under which
//! conditions — each step with the entry of the rules that decided it.
//!
//! The entry kinds combine in one fixed order (the rule-language header of `data/rules.toml`
//! states it for rule authors):
//!
//! 1. **controls** — every control whose `when` holds adds a licence requirement (or a
//!    prohibition); one that cannot be evaluated, or whose meaning is unsettled (`readings`),
//!    makes the requirement undetermined, never false;
//! 2. **parties** — each restricted-party match of the end user applies its list's `party` rule,
//!    if the party was listed by the date asked (undetermined when the listing date is unknown
//!    and the date falls in its year);
//! 3. **affiliates** — ownership at or above an `affiliates` rule's threshold by listed owners
//!    applies their lists' party rules as if the end user were listed, while the rule is in force;
//! 4. **exceptions** — the first by rank that covers every control that applied and whose `when`
//!    holds, unless a listing bars exceptions; one whose `when` cannot be evaluated is named;
//! 5. **review** — the first review entry by rank whose `when` holds, provided every entry
//!    ranked above it was evaluated; otherwise the policy stays open between the readings still
//!    possible (one policy only if they all give it). A listed party's stricter policy then
//!    overrides it (with readings open, only one at least as strict as all of them), and the
//!    overridden entry's conditions and charges go with it;
//! 6. **conditions** and **charges** — every one whose `when` holds on the review entry that
//!    decided; one on an open reading is shown as applying if that reading holds, and a charge
//!    whose figures cannot be told as possibly due;
//! 7. **notices** and **not checked** — every one whose `when` does not fail.
//!
//! An item whose classification is undetermined is decided once per possible classification;
//! the answer is settled only where every branch agrees.

use crate::classify::{Classification, Outcome};
use crate::countries::Country;
use crate::metrics::Metrics;
use crate::ownership::{self, Stake};
use crate::party::PartyHit;
use crate::rules::{
    Entries, Evaluator, Facts, Ground, InForce, PartyRule, Requirement, ReviewPolicy, Snapshot,
};
use crate::step::{Fact, Listed, Reason, ReviewReading, Step, Verdict, decided_by};
use crate::tri::Tri;
use jiff::civil::Date;
use serde::Serialize;

/// Where and how the item was produced, for the jurisdiction step: the user's facts where
/// given, else the catalog's, else unknown — never assumed.
#[derive(Debug, Clone, PartialEq)]
pub struct Made {
    /// Countries where the item may have been produced (several when sources name several).
    pub made_in: Fact<Vec<String>>,
    /// Controlled US-origin content, percent of the item's value.
    pub us_content: Fact<f64>,
    /// A direct product of the US-origin technology or software 734.9 names, or of a plant or
    /// major plant component that is.
    pub us_tech: Fact<bool>,
    /// Commercially available in the United States.
    pub us_available: Tri,
}

impl Default for Made {
    fn default() -> Made {
        Made {
            made_in: Fact::unknown(),
            us_content: Fact::unknown(),
            us_tech: Fact::unknown(),
            us_available: Tri::Unknown,
        }
    }
}

impl Made {
    /// Whether the item was produced in the United States.
    fn us_made(&self) -> Tri {
        match &self.made_in.value {
            Some(places) if !places.is_empty() => {
                let in_us = places.iter().filter(|c| *c == "US").count();
                if in_us == places.len() {
                    Tri::True
                } else if in_us == 0 {
                    Tri::False
                } else {
                    Tri::Unknown
                }
            }
            _ => Tri::Unknown,
        }
    }
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
    /// The end user as named, when one was.
    pub end_user: Option<&'a str>,
    /// Matches of the end user.
    pub party_hits: &'a [PartyHit],
    /// Who owns whom, when the user gave it; `None` when ownership was not given.
    pub stakes: Option<&'a [Stake]>,
    /// Matches of every owner named in `stakes`.
    pub owner_hits: &'a [PartyHit],
    /// The question is about a system containing the chip (its `when.system` conditions).
    pub system: bool,
    /// Where and how the item was produced.
    pub made: &'a Made,
}

/// A charge due (or possibly due) on the shipment.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChargeDue {
    pub entry: String,
    pub kind: String,
    pub rate: f64,
    /// `applies`, or `undetermined` when the figures that decide it are not known exactly.
    pub verdict: Verdict,
    pub text: String,
    pub cite: String,
}

/// What one possible classification leads to, when the classification is undetermined.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PossibleOutcome {
    pub classification: String,
    /// Null when this branch is itself undetermined.
    pub license_required: Option<bool>,
    pub license_exception: Option<String>,
    /// Null when no policy is stated, or when it is open between readings (`review_open`).
    pub review_policy: Option<ReviewPolicy>,
    /// The readings still possible when this branch's review policy is open: null review
    /// policy then means "open", never "none".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review_open: Option<OpenReview>,
}

/// A review policy open between readings: each policy still possible with its entry, highest
/// rank first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenReview {
    pub readings: Vec<ReviewReading>,
    /// The last reading applies if none above it does (false: it too is undetermined, and
    /// none of them may apply).
    pub fallback: bool,
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
    /// The item is subject to the EAR (15 CFR 734.3): null when the facts or the law at hand
    /// cannot tell, and then `license_required` is null too. False is a clear: no licence
    /// requirement of the EAR reaches the item.
    pub subject_to_ear: Option<bool>,
    /// A licence requirement applies (null when the facts or the law at hand cannot tell).
    pub license_required: Option<bool>,
    /// No licence can authorise it (a denial order or blocking); null when the facts at hand
    /// cannot tell (a denial whose listing date is undetermined, a prohibition that depends on
    /// the classification).
    pub prohibited: Option<bool>,
    pub license_exception: Option<String>,
    pub review_policy: Option<ReviewPolicy>,
    pub conditions: Vec<Step>,
    pub charges: Vec<ChargeDue>,
    pub end_user_matches: Vec<PartyHit>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub owner_matches: Vec<PartyHit>,
    pub because: Vec<Step>,
    /// Ids of the rule entries that decided the answer, once each: the paragraph, controls,
    /// party and ownership rules, the exception used, the review policy that stands, the
    /// conditions and the charges. Derived from the decisive steps.
    pub decided_by: Vec<String>,
    /// Every amendment in force on the date, oldest first, with its citation (`regime` is the
    /// newest; it need not be one that decided anything).
    pub rules_in_force: Vec<crate::rules::RuleInForce>,
    /// Each entry of `decided_by` with the amendment that put it in force and its citation.
    pub operative: Vec<crate::rules::Operative>,
    pub notices: Vec<Step>,
    pub not_checked: Vec<Step>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub possible_outcomes: Vec<PossibleOutcome>,
    /// What would settle an undetermined answer: figures, listing dates, readings of the law.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deciding: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hinges_on_unverified: Vec<String>,
    /// For a system: what it is and the chips it contains (then `chip` is null and `eccn` and
    /// `paragraph` are the system's 4A090 paragraph).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<crate::system::SystemOf>,
}

impl Determination {
    /// The classifications still possible when the known figures cannot decide it, whether or
    /// not they lead to different answers (`possible_outcomes` holds them only when they do):
    /// with `paragraph` null, the item is "not 3A090" only when this is `None`.
    pub fn open_classification(&self) -> Option<&[String]> {
        self.because.iter().find_map(|s| match &s.reason {
            Reason::ClassificationOpen { possible, .. } => Some(possible.as_slice()),
            _ => None,
        })
    }
}

/// The answer for one possible classification.
struct Branch {
    subject: Tri,
    /// The jurisdiction steps, shown before every other reason.
    jurisdiction: Vec<Step>,
    license_required: Tri,
    prohibited: Tri,
    exception: Option<String>,
    review: Option<ReviewPolicy>,
    conditions: Vec<Step>,
    charges: Vec<ChargeDue>,
    because: Vec<Step>,
    notices: Vec<Step>,
    not_checked: Vec<Step>,
    deciding: Vec<String>,
}

/// Determines the licence requirement for `q` under `snapshot`.
pub fn check(snapshot: &Snapshot, q: &Question, eval: &Evaluator) -> Determination {
    let mut because = q.classification.because(snapshot, q.metrics);
    let asked = q.destination.code.clone();
    let (dest_code, treated_as) = match &q.destination.treated_as {
        Some(t) if q.date >= t.from => {
            because.push(Step::sourced(
                Reason::TreatedAs {
                    country: q.destination.name.clone(),
                    treated_as: t.code.clone(),
                    from: t.from,
                },
                t.cite.clone(),
                t.confidence,
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
        b.subject == first.subject
            && b.license_required == first.license_required
            && b.prohibited == first.prohibited
            && b.exception == first.exception
            && b.review == first.review
    });
    // The requirement can be known even when the exception or review policy is not.
    let license_required = if branches
        .iter()
        .all(|(_, b)| b.license_required == Tri::True)
    {
        Some(true)
    } else if branches
        .iter()
        .all(|(_, b)| b.license_required == Tri::False)
    {
        Some(false)
    } else {
        None
    };
    let mut possible_outcomes = Vec::new();
    let mut deciding = q.classification.deciding.clone();
    let subject_to_ear = tri_option(
        branches
            .iter()
            .map(|(_, b)| b.subject)
            .reduce(|a, b| if a == b { a } else { Tri::Unknown })
            .unwrap_or(Tri::Unknown),
    );
    let (exception, review, prohibited, conditions, charges, notices, not_checked);
    let jurisdiction: Vec<Step>;
    if branches.len() == 1 || all_same {
        jurisdiction = first.jurisdiction.clone();
        because.extend(first.because.iter().cloned());
        exception = first.exception.clone();
        review = first.review;
        prohibited = tri_option(first.prohibited);
        conditions = first.conditions.clone();
        charges = first.charges.clone();
        notices = first.notices.clone();
        not_checked = first.not_checked.clone();
        if branches.len() > 1 {
            because.push(Step::computed(
                Reason::SameAcrossOutcomes,
                "earl: each possible classification evaluated",
            ));
        }
    } else {
        let label = |o: &Outcome, s: &Step| Step {
            branch: Some(o.label()),
            ..s.clone()
        };
        jurisdiction = if branches
            .iter()
            .all(|(_, b)| b.jurisdiction == first.jurisdiction)
        {
            first.jurisdiction.clone()
        } else {
            branches
                .iter()
                .flat_map(|(o, b)| b.jurisdiction.iter().map(move |s| label(o, s)))
                .collect()
        };
        for (o, b) in &branches {
            because.extend(b.because.iter().map(|s| Step {
                branch: Some(o.label()),
                ..s.clone()
            }));
            possible_outcomes.push(PossibleOutcome {
                classification: o.label(),
                license_required: tri_option(b.license_required),
                license_exception: b.exception.clone(),
                review_policy: b.review,
                review_open: b.because.iter().find_map(|s| match &s.reason {
                    Reason::ReviewUndetermined { readings, fallback } => Some(OpenReview {
                        readings: readings.clone(),
                        fallback: *fallback,
                    }),
                    _ => None,
                }),
            });
        }
        because.push(Step::computed(
            Reason::DependsOnClassification {
                deciding: q.classification.deciding.clone(),
            },
            "earl: each possible classification evaluated",
        ));
        exception = None;
        review = None;
        // Prohibited under one possible classification and not under another: unknown.
        prohibited = tri_option(
            branches
                .iter()
                .map(|(_, b)| b.prohibited)
                .reduce(|a, b| if a == b { a } else { Tri::Unknown })
                .unwrap_or(Tri::False),
        );
        conditions = Vec::new();
        charges = Vec::new();
        notices = union(branches.iter().map(|(_, b)| &b.notices));
        not_checked = union(branches.iter().map(|(_, b)| &b.not_checked));
    }
    for (_, b) in &branches {
        for d in &b.deciding {
            if !deciding.contains(d) {
                deciding.push(d.clone());
            }
        }
    }
    let mut hinges_on_unverified: Vec<String> = q
        .classification
        .hinges_on_unverified
        .iter()
        .map(|s| s.to_string())
        .collect();
    hinges_on_unverified.extend(unverified_production(q.made, &jurisdiction));
    // Whether the EAR reaches the item at all comes first among the reasons.
    because.splice(0..0, jurisdiction);
    let mut decided = decided_by(because.iter().chain(&conditions));
    for c in charges.iter().filter(|c| c.verdict == Verdict::Applies) {
        if !decided.contains(&c.entry) {
            decided.push(c.entry.clone());
        }
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
        subject_to_ear,
        license_required,
        prohibited,
        license_exception: exception,
        review_policy: review,
        conditions,
        charges,
        end_user_matches: q.party_hits.to_vec(),
        owner_matches: q.owner_hits.to_vec(),
        because,
        rules_in_force: snapshot.in_force.clone(),
        operative: snapshot.operative(&decided),
        decided_by: decided,
        notices,
        not_checked,
        possible_outcomes,
        deciding,
        hinges_on_unverified,
        system: None,
    }
}

/// The production facts marked unverified in the catalog that a decisive jurisdiction prong
/// read: where the item was made (US origin) and whether it is a direct product of US
/// technology.
fn unverified_production(made: &Made, jurisdiction: &[Step]) -> Vec<String> {
    let read = |wanted: Ground| {
        jurisdiction.iter().any(|s| {
            s.decisive
                && matches!(s.reason, Reason::Jurisdiction { ground, .. } if ground == wanted)
        })
    };
    let mut out = Vec::new();
    if made.made_in.unverified && read(Ground::UsOrigin) {
        out.push("made_in".to_string());
    }
    if made.us_tech.unverified && read(Ground::DirectProduct) {
        out.push("us_tech".to_string());
    }
    out
}

fn tri_option(t: Tri) -> Option<bool> {
    match t {
        Tri::True => Some(true),
        Tri::False => Some(false),
        Tri::Unknown => None,
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

/// What the listings and ownership of the parties add to an answer.
struct PartyEffects {
    required: Tri,
    prohibited: Tri,
    /// The strictest review policy a listing states, and the party rule that states it.
    policy: Option<(ReviewPolicy, String, String)>,
    /// A listing that bars licence exceptions, and whether it applies on the date.
    barred: Option<(String, Tri)>,
    /// The lists matched, with whether each applies on the date (for `when.lists`).
    lists: Vec<(String, Tri)>,
}

impl PartyEffects {
    /// Applies `rule` for a match on `list` that holds with `listed`.
    fn apply(&mut self, rule: &PartyRule, hit_policy: Option<ReviewPolicy>, listed: Tri) {
        match rule.requirement {
            Some(Requirement::License) => self.required = self.required.or(listed),
            Some(Requirement::Prohibited) => {
                self.required = self.required.or(listed);
                self.prohibited = self.prohibited.or(listed);
            }
            None => {}
        }
        if let Some(p) = rule.policy.or(hit_policy)
            && self.policy.as_ref().is_none_or(|(q, _, _)| p > *q)
        {
            self.policy = Some((p, rule.id.clone(), rule.list.clone()));
        }
        if rule.bars_exceptions && self.barred.as_ref().is_none_or(|(_, t)| *t != Tri::True) {
            self.barred = Some((rule.list.clone(), listed));
        }
        self.lists.push((rule.list.clone(), listed));
    }
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
        ownership_given: q.stakes.is_some(),
        system: q.system,
        controls: &[],
        review: None,
        review_open: &[],
        lists: &[],
        el_footnotes: &[],
        us_available: q.made.us_available,
    };
    let mut because = Vec::new();
    let mut notices = Vec::new();
    let mut deciding = Vec::new();

    // 0. Is the item subject to the EAR at all? Footnotes name parties to the transaction: the
    // end user's listings, not its owners'.
    let footnotes = el_footnotes(q.party_hits, q.date);
    facts.el_footnotes = &footnotes;
    let (subject, jurisdiction_steps) = jurisdiction(e, q, eval, &facts, &mut deciding);

    // 1. Controls.
    let (triggered, required, prohibited) =
        controls(e, eval, &facts, subject, &mut because, &mut deciding);

    // 2. Parties, and 3. ownership.
    let parties = parties(
        e,
        q,
        required,
        prohibited,
        &mut because,
        &mut notices,
        &mut deciding,
    );
    let PartyEffects {
        required,
        prohibited,
        policy: party_policy,
        barred,
        lists,
    } = parties;
    facts.lists = &lists;
    if required == Tri::False && subject != Tri::False {
        because.push(Step::computed(
            Reason::NoRequirement {
                destination: dest.to_string(),
                regime: snapshot.regime.clone(),
            },
            format!(
                "earl's rules in force on the date asked (regime {})",
                snapshot.regime
            ),
        ));
    }
    facts.controls = &triggered;

    // 4. Exceptions.
    let (exception, mut conditions) = exception(
        e,
        eval,
        &facts,
        (&triggered, required, prohibited),
        &barred,
        &mut because,
    );

    // 5. Review policy, then a listed party's stricter policy.
    let (review, review_id, readings) = review(
        e,
        eval,
        &facts,
        (required, prohibited),
        party_policy,
        &mut because,
    );
    let review_entry = review_id.map(|(id, _)| id);
    facts.review = review_entry.as_deref();
    // Every reading still possible (the entry below the open ones included) is open.
    let open_entries: Vec<String> = readings.iter().map(|(x, _)| x.entry.clone()).collect();
    facts.review_open = &open_entries;

    // 6. Conditions and charges.
    let charges = conditions_and_charges(
        e,
        eval,
        &facts,
        &open_entries,
        &mut conditions,
        &mut notices,
    );

    // 7. Notices and what was not checked.
    let shown = |notes: &[crate::rules::Note], as_reason: fn(String) -> Reason| -> Vec<Step> {
        notes
            .iter()
            .filter(|n| eval.eval(&n.when, &facts) != Tri::False)
            .map(|n| Step::entry(as_reason(n.text.clone()), &n.id, &n.cite))
            .collect()
    };
    let mut all_notices = shown(&e.notice, |rule| Reason::Notice { rule });
    all_notices.extend(notices);
    let mut not_checked = shown(&e.not_checked, |rule| Reason::NotChecked { rule });
    if q.hq.is_none() {
        not_checked.push(Step::sourced(
            Reason::HqNotGiven,
            "15 CFR 742.6(a)(6)(iii)(A) / former 744.23(a)(3); BIS guidance of May 31, 2026",
            crate::cite::Confidence::VerifiedPrimary,
        ));
    }
    // Subject or not undetermined: what applies if it is subject is shown, but no licence
    // answer is stated, and no prohibition either.
    let (required, prohibited) = if subject == Tri::Unknown {
        (Tri::Unknown, prohibited.and(Tri::Unknown))
    } else {
        (required, prohibited)
    };
    Branch {
        subject,
        jurisdiction: jurisdiction_steps,
        license_required: required,
        prohibited,
        exception,
        review,
        conditions,
        charges,
        because,
        notices: all_notices,
        not_checked,
        deciding,
    }
}

/// Phase 1 of the combining order, controls: each that holds requires a licence (or prohibits); one that cannot be evaluated,
/// or whose law is unsettled, leaves it undetermined. None reaches an item not subject to the
/// EAR. Returns the controls that hold, whether a licence is required, and whether prohibited.
fn controls(
    e: &Entries,
    eval: &Evaluator,
    facts: &Facts,
    subject: Tri,
    because: &mut Vec<Step>,
    deciding: &mut Vec<String>,
) -> (Vec<String>, Tri, Tri) {
    let mut triggered: Vec<String> = Vec::new();
    let mut required = Tri::False;
    let mut prohibited = Tri::False;
    for c in e.control.iter().filter(|_| subject != Tri::False) {
        let verdict = eval.eval(&c.when, facts);
        if verdict == Tri::False {
            continue;
        }
        let unsettled = verdict == Tri::True && !c.readings.is_empty();
        let holds = if unsettled { Tri::Unknown } else { verdict };
        because.push(
            Step::entry(
                Reason::Control {
                    verdict: holds.into(),
                    requirement: c.requirement,
                    rule: c.text.clone(),
                    readings: c.readings.clone(),
                },
                &c.id,
                &c.cite,
            )
            .decisive(),
        );
        if holds == Tri::True {
            triggered.push(c.id.clone());
        }
        if let (Tri::Unknown, Some(d)) = (holds, &c.deciding) {
            deciding.push(d.clone());
        }
        required = required.or(holds);
        if c.requirement == Requirement::Prohibited {
            prohibited = prohibited.or(holds);
        }
    }
    (triggered, required, prohibited)
}

/// Phases 2 and 3 of the combining order. Parties: each match applies its list's rule from its listing date; and 3. ownership:
/// listed owners holding the threshold apply their lists' rules while the Affiliates rule is
/// in force.
fn parties(
    e: &Entries,
    q: &Question,
    required: Tri,
    prohibited: Tri,
    because: &mut Vec<Step>,
    notices: &mut Vec<Step>,
    deciding: &mut Vec<String>,
) -> PartyEffects {
    let mut parties = PartyEffects {
        required,
        prohibited,
        policy: None,
        barred: None,
        lists: Vec::new(),
    };
    for hit in q.party_hits {
        let listed = hit.listed_on(q.date);
        listing_notices(notices, deciding, hit, listed);
        for rule in e.party.iter().filter(|r| r.list == hit.list) {
            because.push(party_step(hit, rule, listed));
            if listed != Tri::False {
                parties.apply(rule, hit.policy, listed);
            }
        }
    }
    if let (Some(stakes), Some(end_user)) = (q.stakes, q.end_user) {
        for aff in &e.affiliates {
            let Some(a) = ownership::affiliation(
                end_user,
                stakes,
                q.owner_hits,
                &aff.lists,
                aff.percent,
                q.date,
            ) else {
                continue;
            };
            let list = a
                .owners
                .first()
                .map_or_else(String::new, |h| h.list.clone());
            if aff.status != InForce::InForce {
                because.push(Step::entry(
                    Reason::OwnershipNotApplied {
                        party: end_user.to_string(),
                        percent: a.percent,
                        list,
                    },
                    &aff.id,
                    &aff.cite,
                ));
                continue;
            }
            because.push(
                Step::entry(
                    Reason::Owned {
                        party: end_user.to_string(),
                        percent: a.percent,
                        chain: a.chain.clone(),
                        list,
                        verdict: a.verdict.into(),
                        rule: aff.text.clone(),
                    },
                    &aff.id,
                    &aff.cite,
                )
                .decisive(),
            );
            if a.verdict == Tri::Unknown {
                deciding.push(format!(
                    "whether {end_user}'s owners were listed on the date asked (their listing dates are not known to earl)"
                ));
            }
            for owner in &a.owners {
                for rule in e.party.iter().filter(|r| r.list == owner.list) {
                    because.push(party_step(owner, rule, a.verdict));
                    parties.apply(rule, owner.policy, a.verdict);
                }
            }
        }
    }
    parties
}

/// Phase 4 of the combining order, exceptions: the first by rank covering every control that holds, unless a listing bars
/// it; one whose terms cannot be evaluated is named, never skipped in silence. Returns the
/// exception and its conditions.
fn exception(
    e: &Entries,
    eval: &Evaluator,
    facts: &Facts,
    (triggered, required, prohibited): (&[String], Tri, Tri),
    barred: &Option<(String, Tri)>,
    because: &mut Vec<Step>,
) -> (Option<String>, Vec<Step>) {
    let mut exception = None;
    let mut conditions = Vec::new();
    if required != Tri::False && prohibited != Tri::True && !triggered.is_empty() {
        for x in &e.exception {
            if !triggered.iter().all(|c| x.covers.contains(c)) {
                continue;
            }
            match eval.eval(&x.when, facts) {
                Tri::True => {}
                Tri::False => continue,
                // Never skipped without a word: it may be available, on facts not known.
                Tri::Unknown => {
                    because.push(Step::entry(
                        Reason::ExceptionUndetermined {
                            code: x.code.clone(),
                            rule: x.text.clone(),
                        },
                        &x.id,
                        &x.cite,
                    ));
                    continue;
                }
            }
            let barred_by = barred
                .as_ref()
                .filter(|(_, t)| *t != Tri::False)
                .map(|(l, _)| l.clone());
            let step = Step::entry(
                Reason::Exception {
                    code: x.code.clone(),
                    rule: x.text.clone(),
                    barred_by: barred_by.clone(),
                },
                &x.id,
                &x.cite,
            );
            if barred_by.is_some() {
                because.push(step);
                break;
            }
            because.push(step.decisive());
            conditions.extend(x.conditions.iter().map(|c| {
                Step::entry(Reason::Condition { rule: c.clone() }, &x.id, &x.cite).decisive()
            }));
            exception = Some(x.code.clone());
            break;
        }
    }
    (exception, conditions)
}

/// The review policy (if settled), the entry that set it with where its step is in `because`,
/// and the readings still open with theirs.
type Reviewed = (
    Option<ReviewPolicy>,
    Option<(String, usize)>,
    Vec<(ReviewReading, usize)>,
);

/// Phase 5 of the combining order, the review policy: the first by rank whose `when` holds, if every entry ranked above it was
/// evaluated; else the readings still possible (`review_undetermined`). Then a listed party's
/// stricter policy. Returns the policy, the entry that set it, and the readings still open.
fn review(
    e: &Entries,
    eval: &Evaluator,
    facts: &Facts,
    (required, prohibited): (Tri, Tri),
    party_policy: Option<(ReviewPolicy, String, String)>,
    because: &mut Vec<Step>,
) -> Reviewed {
    // A policy is settled only when every entry ranked above it was evaluated: one that could
    // not be leaves the policy open between the readings (its own and those below), unless
    // they all say the same.
    let mut review = None;
    let mut review_id = None;
    // The readings still possible, in rank order, and where their steps are in `because`.
    let mut readings: Vec<(ReviewReading, usize)> = Vec::new();
    let mut fallback = false;
    if required != Tri::False && prohibited != Tri::True {
        for r in &e.review {
            let verdict = eval.eval(&r.when, facts);
            if verdict == Tri::False {
                continue;
            }
            let at = because.len();
            because.push(Step::entry(
                Reason::Review {
                    policy: r.policy,
                    verdict: verdict.into(),
                    rule: r.text.clone(),
                    overridden: false,
                },
                &r.id,
                &r.cite,
            ));
            let reading = ReviewReading {
                entry: r.id.clone(),
                policy: r.policy,
            };
            if verdict == Tri::Unknown {
                readings.push((reading, at));
                continue;
            }
            if readings.is_empty() {
                because[at].decisive = true;
                review = Some(r.policy);
                review_id = Some((r.id.clone(), at));
            } else {
                readings.push((reading, at));
                fallback = true;
            }
            break;
        }
        // One policy whichever reading holds is still that policy, though no entry is settled.
        if fallback
            && readings
                .iter()
                .all(|(x, _)| x.policy == readings[0].0.policy)
        {
            review = Some(readings[0].0.policy);
        }
        // With readings open, a listed party's policy settles the answer only when it is at
        // least as strict as every one of them (the stricter policy governs).
        if let Some((p, party_rule, list)) = party_policy
            && review.is_none_or(|r| p > r)
            && readings.iter().all(|(x, _)| p >= x.policy)
        {
            readings.clear();
            let overridden = review_id.take().map(|(id, at)| {
                let step = &mut because[at];
                step.decisive = false;
                if let Reason::Review { overridden, .. } = &mut step.reason {
                    *overridden = true;
                }
                id
            });
            because.push(Step {
                entry: Some(party_rule),
                ..Step::sourced(
                    Reason::PolicyOverride {
                        policy: p,
                        list,
                        overridden,
                    },
                    "15 CFR 744.11(b): Entity List entries state their own review policy; the stricter policy governs",
                    crate::cite::Confidence::VerifiedSecondary,
                )
                .decisive()
            });
            review = Some(p);
        }
        if !readings.is_empty() {
            // The open readings decided that no policy (or only one) can be stated.
            for (_, at) in &readings {
                because[*at].decisive = true;
            }
            if review.is_none() {
                because.push(Step::computed(
                    Reason::ReviewUndetermined {
                        readings: readings.iter().map(|(x, _)| x.clone()).collect(),
                        fallback,
                    },
                    "earl: review entries taken in rank order; one not evaluated leaves those below it open",
                ));
            }
        }
    } else if prohibited == Tri::True {
        review = Some(ReviewPolicy::PolicyOfDenial);
    }
    (review, review_id, readings)
}

/// Phase 6 of the combining order, conditions and charges: a condition of an open review reading is shown as applying if
/// that reading holds (`condition_if`), a charge that cannot be evaluated as possibly due.
fn conditions_and_charges(
    e: &Entries,
    eval: &Evaluator,
    facts: &Facts,
    open_entries: &[String],
    conditions: &mut Vec<Step>,
    notices: &mut Vec<Step>,
) -> Vec<ChargeDue> {
    for c in &e.condition {
        match eval.eval(&c.when, facts) {
            Tri::True => conditions.push(
                Step::entry(
                    Reason::Condition {
                        rule: c.text.clone(),
                    },
                    &c.id,
                    &c.cite,
                )
                .decisive(),
            ),
            // Shown as applying if its review reading holds, never dropped in silence.
            Tri::Unknown => {
                let review = c
                    .when
                    .review
                    .iter()
                    .flatten()
                    .find(|r| open_entries.contains(r))
                    .cloned();
                conditions.push(Step::entry(
                    Reason::ConditionIf {
                        rule: c.text.clone(),
                        review,
                    },
                    &c.id,
                    &c.cite,
                ));
            }
            Tri::False => {}
        }
    }
    let mut charges = Vec::new();
    for c in &e.charge {
        let verdict = eval.eval(&c.when, facts);
        if verdict == Tri::False {
            continue;
        }
        if verdict == Tri::Unknown {
            notices.push(Step::entry(
                Reason::ChargeUndetermined {
                    rule: c.text.clone(),
                },
                &c.id,
                &c.cite,
            ));
        }
        charges.push(ChargeDue {
            entry: c.id.clone(),
            kind: c.kind.clone(),
            rate: c.rate,
            verdict: verdict.into(),
            text: c.text.clone(),
            cite: c.cite.text.clone(),
        });
    }
    charges
}

/// The Entity List FDP footnotes (Supp. No. 4 to Part 744) of the matches, each with whether
/// the listing applies on `date`. The CSL's licence requirement text cites the paragraph of
/// 734.9(e) the footnote invokes: (e)(1) footnote 1, (e)(2) footnote 4, (e)(3) footnote 5.
fn el_footnotes(hits: &[PartyHit], date: Date) -> Vec<(u8, Tri)> {
    let mut out = Vec::new();
    for hit in hits.iter().filter(|h| h.list == "EL") {
        let Some(text) = &hit.license_requirement else {
            continue;
        };
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        for (cited, footnote) in [
            ("734.9(e)(1)", 1),
            ("734.9(e)1", 1),
            ("734.9(e)(2)", 4),
            ("734.9(e)(3)", 5),
        ] {
            if compact.contains(cited) {
                out.push((footnote, hit.listed_on(date)));
            }
        }
    }
    out
}

/// Whether the item is subject to the EAR: every jurisdiction prong in force, in file order,
/// until one holds. A prong whose facts are unknown, or whose reach is unsettled (`readings`),
/// leaves the answer undetermined with what would decide it — never "not subject".
fn jurisdiction(
    e: &Entries,
    q: &Question,
    eval: &Evaluator,
    facts: &Facts,
    deciding: &mut Vec<String>,
) -> (Tri, Vec<Step>) {
    if e.jurisdiction.is_empty() {
        return (Tri::True, Vec::new());
    }
    let made = q.made;
    let mut steps = vec![Step::computed(
        Reason::Production {
            made_in: made.made_in.clone(),
            us_content: made.us_content.clone(),
            us_tech: made.us_tech.clone(),
        },
        "the question's facts (--made-in, --us-content, --us-tech), else the catalog's production facts (data/chips.toml)",
    )];
    let mut subject = Tri::False;
    for j in &e.jurisdiction {
        let scope = eval.eval(&j.when, facts);
        if scope == Tri::False {
            continue;
        }
        let (ground, unknown_fact) = match j.ground {
            Ground::UsLocated => (Tri::from(q.from == "US"), None),
            Ground::UsOrigin => (
                made.us_made(),
                Some("where the item was produced (--made-in)"),
            ),
            Ground::DeMinimis => (
                match (made.us_content.value, j.percent) {
                    (Some(content), Some(level)) => Tri::from(content > level),
                    _ => Tri::Unknown,
                },
                Some(
                    "the item's controlled US-origin content, percent of its value (--us-content)",
                ),
            ),
            Ground::DirectProduct => (
                made.us_tech.value.map_or(Tri::Unknown, Tri::from),
                Some(
                    "whether the item is a direct product of US-origin technology or software, or of a plant or major plant component that is (--us-tech)",
                ),
            ),
            Ground::Presumed => (Tri::True, None),
        };
        let holds = scope.and(ground);
        let unsettled = holds == Tri::True && !j.readings.is_empty();
        let holds = if unsettled { Tri::Unknown } else { holds };
        if holds == Tri::Unknown {
            let what = match (&j.deciding, unknown_fact) {
                (Some(d), _) if unsettled => Some(d.as_str()),
                (_, Some(fact)) if ground == Tri::Unknown => Some(fact),
                (Some(d), _) => Some(d.as_str()),
                _ => None,
            };
            if let Some(w) = what.map(str::to_string)
                && !deciding.contains(&w)
            {
                deciding.push(w);
            }
        }
        let step = Step::entry(
            Reason::Jurisdiction {
                ground: j.ground,
                verdict: holds.into(),
                rule: j.text.clone(),
                percent: j.percent,
                readings: if unsettled {
                    j.readings.clone()
                } else {
                    Vec::new()
                },
            },
            &j.id,
            &j.cite,
        );
        steps.push(if holds == Tri::False {
            step
        } else {
            step.decisive()
        });
        subject = subject.or(holds);
        // The first prong that holds settles it: the rest cannot make it less subject.
        if subject == Tri::True {
            break;
        }
    }
    // An item in the United States is subject whatever its production: its facts said nothing.
    if subject == Tri::True && steps.len() == 2 {
        steps.remove(0);
    }
    // Not subject is a clear, decided by every prong that failed.
    if subject == Tri::False {
        for s in steps.iter_mut().skip(1) {
            s.decisive = true;
        }
    }
    steps.push(Step::computed(
        Reason::SubjectToEar {
            verdict: subject.into(),
        },
        "15 CFR 734.3(a): items subject to the EAR; earl: every prong in force tested",
    ));
    (subject, steps)
}

/// The step for a party rule applied to a match.
fn party_step(hit: &PartyHit, rule: &PartyRule, listed: Tri) -> Step {
    let step = Step::entry(
        Reason::Party {
            list: hit.list.clone(),
            name: hit.name.clone(),
            matched_name: hit.matched_name.clone(),
            party: hit.party.clone(),
            listed: hit.listed.clone(),
            verdict: listed.into(),
            rule: rule.text.clone(),
        },
        &rule.id,
        &rule.cite,
    );
    // A list without legal effect on the determination (CMIC: a securities rule) is shown,
    // but it did not decide anything.
    let effective = rule.requirement.is_some() || rule.policy.is_some() || rule.bars_exceptions;
    if listed == Tri::False || !effective {
        step
    } else {
        step.decisive()
    }
}

/// What the answer must say about when a matched party was listed.
fn listing_notices(
    notices: &mut Vec<Step>,
    deciding: &mut Vec<String>,
    hit: &PartyHit,
    listed: Tri,
) {
    match (&hit.listed, listed) {
        (Listed::By { date, notice, .. }, Tri::Unknown) => {
            notices.push(Step::computed(
                Reason::ListingDateUnknown {
                    list: hit.list.clone(),
                    name: hit.name.clone(),
                    notice: notice.clone(),
                    year: date.year(),
                },
                "the entry's Federal Register citations in the Consolidated Screening List; data/list-notices.toml",
            ));
            deciding.push(format!(
                "the effective date of {notice}, which listed {} (earl knows only that it was in force by {date})",
                hit.name
            ));
        }
        (Listed::InYear { year, notice }, Tri::Unknown) => {
            notices.push(Step::computed(
                Reason::ListingDateUnknown {
                    list: hit.list.clone(),
                    name: hit.name.clone(),
                    notice: notice.clone(),
                    year: *year,
                },
                "the entry's Federal Register citations in the Consolidated Screening List; data/list-notices.toml",
            ));
            deciding.push(format!(
                "the effective date of {notice}, which listed {} (earl knows only its year)",
                hit.name
            ));
        }
        (Listed::NoNotice, _) => notices.push(Step::computed(
            Reason::ListingUndated {
                list: hit.list.clone(),
                name: hit.name.clone(),
            },
            "the Consolidated Screening List gives no Federal Register notice for this entry",
        )),
        _ => {}
    }
}
