//! The parties of a check: the end user and its owners, each screened, and the holdings given
//! checked before any is walked.

use crate::{CheckAnswer, CheckRequest, Engine, EngineError, screen};
use earl_core::check::Determination;
use earl_core::ownership::Stake;
use earl_core::party::{PartyHit, ReviewedHit};
use earl_core::rules::ReviewPolicy;
use earl_screen::{LicensePolicy, Query};
use std::collections::HashMap;

/// The parties of a request, screened.
pub(crate) struct Parties {
    /// Whether an end user was named (so the lists were consulted).
    pub(crate) screened: bool,
    pub(crate) end_user: Vec<PartyHit>,
    pub(crate) stakes: Option<Vec<Stake>>,
    pub(crate) owners: Vec<PartyHit>,
    /// The ownership graph's version, when it was consulted (an end user named, a graph
    /// imported).
    pub(crate) graph: Option<String>,
    /// Names asked that the graph writes otherwise: (asked, the graph's).
    pub(crate) graph_matches: Vec<(String, String)>,
    /// Owners above the end user known only by an LEI ("LEI 5493…"): not screenable.
    pub(crate) unscreenable_owners: Vec<String>,
    /// Hits a reviewer set aside as false positives ([`Engine::reviewed`]).
    pub(crate) reviewed: Vec<ReviewedHit>,
}

impl Parties {
    /// The dispositions the parties' answer relies on.
    pub(crate) fn relied_on(&self) -> Vec<u64> {
        crate::review::relied_on(self.end_user.iter().chain(&self.owners), &self.reviewed)
    }
}

/// Checks a request's ownership: every share in (0, 100], no party owned more than 100% in all,
/// no name empty, and the end user named when owners are given.
fn validate_stakes(stakes: &[Stake], end_user: Option<&str>) -> Result<(), EngineError> {
    if end_user.is_none() {
        return Err(EngineError::BadInput(
            "ownership was given without an end user: name the end user whose owners these are"
                .into(),
        ));
    }
    let mut totals: HashMap<String, f64> = HashMap::new();
    for (i, s) in stakes.iter().enumerate() {
        let n = i + 1;
        if s.owner.trim().is_empty() || s.owned.trim().is_empty() {
            return Err(EngineError::BadInput(format!(
                "ownership row {n}: the owner and the owned party must both be named"
            )));
        }
        if !(s.percent.is_finite() && s.percent > 0.0 && s.percent <= 100.0) {
            return Err(EngineError::BadInput(format!(
                "ownership row {n} ({} owns {}): the share must be more than 0 and at most 100 percent, got {}",
                s.owner, s.owned, s.percent
            )));
        }
        let total = totals
            .entry(earl_core::ownership::key(&s.owned))
            .or_default();
        *total += s.percent;
        if *total > 100.0 + 1e-9 {
            return Err(EngineError::BadInput(format!(
                "ownership: the shares in {} add up to more than 100 percent ({})",
                s.owned, total
            )));
        }
    }
    Ok(())
}

impl Engine {
    /// Screens a party name for `check`: matches at or above the screening threshold, each with
    /// when its entry was listed.
    pub(crate) fn screen_party(
        &self,
        name: &str,
        what: &str,
    ) -> Result<Vec<PartyHit>, EngineError> {
        screen::screenable(name, &format!("the {what} name"))?;
        let screening = self.screening()?;
        let result = screening.screener.screen(&Query::new(name));
        Ok(result
            .matches
            .iter()
            .filter(|m| !m.below_threshold)
            .map(|m| PartyHit {
                list: m.list.as_str().to_string(),
                name: m.name.clone(),
                matched_name: m.matched_name.clone(),
                entity_number: m.entity_number.clone(),
                entry_id: m.entry_id.clone(),
                entry_hash: m.entry_hash.clone(),
                score: m.score,
                license_requirement: m.license_requirement.clone(),
                policy: m.license_policy_normalized.map(review_policy),
                raw_policy: m.license_policy.clone(),
                party: name.to_string(),
                listed: self
                    .data
                    .list_notices
                    .listed(screening.match_cites(m).as_deref()),
                review: None,
            })
            .collect())
    }

    /// A check's answer: its determination, with the parties it rests on and, when it
    /// screened any, the provenance and warnings of the lists it screened them against.
    pub(crate) fn answer(
        &self,
        determination: Determination,
        req: &CheckRequest,
        parties: Parties,
    ) -> Result<CheckAnswer, EngineError> {
        let (lists, list_warning_facts) = if parties.screened {
            let screening = self.screening()?;
            (
                Some(screening.provenance.clone()),
                screening.warnings.clone(),
            )
        } else {
            (None, Vec::new())
        };
        Ok(CheckAnswer {
            determination,
            end_user: req.end_user.clone(),
            lists,
            list_warnings: list_warning_facts.iter().map(ToString::to_string).collect(),
            list_warning_facts,
            dispositions: parties.relied_on(),
            reviewed: parties.reviewed,
            ownership_graph: parties.graph,
        })
    }

    /// Screens every owner named in `stakes` (each name once).
    pub(crate) fn screen_owners(&self, stakes: &[Stake]) -> Result<Vec<PartyHit>, EngineError> {
        let mut seen = std::collections::HashSet::new();
        let mut hits = Vec::new();
        for s in stakes {
            if seen.insert(earl_core::ownership::key(&s.owner)) {
                hits.extend(self.screen_party(&s.owner, "owner")?);
            }
        }
        Ok(hits)
    }

    /// Screens the end user and every owner of a request, with the holdings above them that
    /// the question gives and the ownership graph holds.
    pub(crate) fn parties(&self, req: &CheckRequest) -> Result<Parties, EngineError> {
        if let Some(stakes) = &req.ownership {
            validate_stakes(stakes, req.end_user.as_deref())?;
        }
        let end_user_name = req.end_user.as_deref();
        // The graph is walked up from the end user and from every owner the question names.
        let graph = match end_user_name {
            Some(_) => self.ownership_graph()?,
            None => None,
        };
        let (graph_stakes, graph_matches) = match (graph, end_user_name) {
            (Some(graph), Some(end_user)) => {
                let mut named = vec![end_user];
                for s in req.ownership.iter().flatten() {
                    named.push(&s.owner);
                }
                let (stakes, matches) = graph.stakes_above(&named)?;
                (Some(stakes), matches)
            }
            _ => (None, Vec::new()),
        };
        let combined = match (&req.ownership, graph_stakes) {
            (Some(q), Some(g)) => Some(crate::owners::combine(q, g)),
            (Some(q), None) => Some(q.clone()),
            (None, Some(g)) if !g.is_empty() => Some(g),
            (None, _) => None,
        };
        let stakes = match combined {
            Some(stakes) => {
                // Only the chains above the end user can restrict it: the rest of a large
                // ownership file is neither screened nor walked.
                let end_user = end_user_name.unwrap_or_default();
                let above: Vec<Stake> = earl_core::ownership::above(end_user, &stakes)
                    .into_iter()
                    .cloned()
                    .collect();
                // Holdings that never name the end user as owned say nothing of its owners
                // (an ownership file about other parties): its ownership is unknown, not
                // "no owners" — a silent clear. An empty list given as such is a statement.
                if above.is_empty() && !stakes.is_empty() {
                    None
                } else {
                    Some(above)
                }
            }
            None => None,
        };
        let end_user = match end_user_name {
            Some(name) => self.screen_party(name, "end user")?,
            None => Vec::new(),
        };
        let owners = match &stakes {
            Some(s) => self.screen_owners(s)?,
            None => Vec::new(),
        };
        let unscreenable_owners = stakes
            .iter()
            .flatten()
            .map(|s| s.owner.clone())
            .filter(|owner| known_only_by_lei(owner))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        Ok(Parties {
            screened: req.end_user.is_some(),
            end_user,
            stakes,
            owners,
            graph: graph.map(|g| g.version.clone()),
            graph_matches,
            unscreenable_owners,
            reviewed: Vec::new(),
        })
    }

    /// The parties with the reviewers' dispositions applied (`crate::review`): hits set aside
    /// as false positives move to `reviewed`; the others carry what a disposition says.
    pub(crate) fn reviewed(
        &self,
        parties: &Parties,
        req: &CheckRequest,
    ) -> Result<Parties, EngineError> {
        let reviews = self.reviews();
        let on = crate::review::judged_on(req.date);
        let country = match &req.end_user_hq {
            Some(hq) => self.country(hq)?,
            None => self.country(&req.to)?,
        };
        let (end_user, mut reviewed) =
            reviews.apply(parties.end_user.clone(), Some(&country.code), on);
        let (owners, owners_reviewed) = reviews.apply(parties.owners.clone(), None, on);
        reviewed.extend(owners_reviewed);
        Ok(Parties {
            screened: parties.screened,
            end_user,
            stakes: parties.stakes.clone(),
            owners,
            graph: parties.graph.clone(),
            graph_matches: parties.graph_matches.clone(),
            unscreenable_owners: parties.unscreenable_owners.clone(),
            reviewed,
        })
    }
}

/// An owner a GLEIF file names only by its LEI (`earl_front::owners` writes "LEI " and the
/// 20-character code when the parent's lei-record is absent): no list can be asked about it.
fn known_only_by_lei(owner: &str) -> bool {
    owner.strip_prefix("LEI ").is_some_and(|code| {
        code.len() == 20
            && code
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    })
}

fn review_policy(p: LicensePolicy) -> ReviewPolicy {
    match p {
        LicensePolicy::PolicyOfDenial => ReviewPolicy::PolicyOfDenial,
        LicensePolicy::PresumptionOfDenial => ReviewPolicy::PresumptionOfDenial,
        LicensePolicy::CaseByCase => ReviewPolicy::CaseByCase,
        LicensePolicy::PresumptionOfApproval => ReviewPolicy::PresumptionOfApproval,
    }
}
