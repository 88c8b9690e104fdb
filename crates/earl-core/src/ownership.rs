//! Ownership: whether a party is owned, directly or indirectly, individually or in the aggregate,
//! at or above a threshold by restricted parties (the Entity List Affiliates rule, 15 CFR
//! 744.11(a)(1) as added by 90 FR 47201; OFAC's 50% rule for blocked persons).
//!
//! Indirect ownership follows the rule as BIS and OFAC describe it: a party that is itself owned
//! at or above the threshold by restricted parties is restricted, and its own holdings then
//! count in full towards the parties it owns (percentages are not multiplied down a chain).
//! Listings whose date is unknown make the result three-valued: a share held by parties that are
//! only possibly listed can make an owned party possibly restricted, never clear.

use crate::party::PartyHit;
use crate::step::{GraphHolding, Holding, HoldingReading};
use crate::tri::Tri;
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};

/// One holding: `owner` holds `percent` of `owned`.
#[derive(Debug, Clone, PartialEq)]
pub struct Stake {
    pub owner: String,
    pub owned: String,
    /// The share surely held (0 when the source states control and no percentage).
    pub percent: f64,
    /// Where the holding comes from when the ownership graph gave it; `None`: the question did.
    pub origin: Option<Origin>,
}

/// A holding taken from the ownership graph: its source, dates and reading.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    pub source: String,
    /// How the share is read: a stated percentage, a range, or control with no percentage
    /// (accounting consolidation: majority ownership likely) — never read as 0%.
    pub reading: HoldingReading,
    /// The most that may be held (the percentage itself when one is stated).
    pub upper: f64,
    /// The first and last days the holding held, when the source says.
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// The day earl imported it.
    pub imported: Date,
    /// The share the question stated for the same holding, when it differs (the stricter
    /// reading is the one walked).
    pub question_percent: Option<f64>,
}

impl Stake {
    /// A holding the question gave.
    pub fn given(owner: &str, owned: &str, percent: f64) -> Stake {
        Stake {
            owner: owner.to_string(),
            owned: owned.to_string(),
            percent,
            origin: None,
        }
    }

    /// Whether the holding held on `date`: a holding whose dates are not known is taken as
    /// holding (it can only add to what restricts a party).
    pub fn holds_on(&self, date: Date) -> bool {
        self.origin.as_ref().is_none_or(|o| {
            o.from.is_none_or(|from| from <= date) && o.to.is_none_or(|to| date <= to)
        })
    }

    /// Whether the share is not one stated percentage (a range, or control read as likely
    /// majority ownership).
    pub fn is_read(&self) -> bool {
        self.origin
            .as_ref()
            .is_some_and(|o| o.reading != HoldingReading::Percent)
    }

    /// The share counted: surely held (`Tri::True`) or possibly held (`Tri::Unknown`: the upper
    /// bound, all of the owned party for a consolidation).
    fn counted(&self, mode: Tri) -> f64 {
        match (&self.origin, mode) {
            (Some(o), Tri::Unknown) => o.upper.max(self.percent),
            _ => self.percent,
        }
    }
}

/// The result for one party: how much restricted parties hold, and through whom.
#[derive(Debug, Clone, PartialEq)]
pub struct Affiliation<'h> {
    /// True: parties listed on the date hold at least the threshold; Unknown: only when parties
    /// whose listing date is unknown are counted.
    pub verdict: Tri,
    /// The share held by restricted parties (possibly listed ones included when Unknown).
    pub percent: f64,
    /// The holdings that carry the share, from the owned party upwards.
    pub chain: Vec<Holding>,
    /// The listed owners behind the share.
    pub owners: Vec<&'h PartyHit>,
}

/// A name as a key of the ownership graph: case, spacing and surrounding punctuation ignored.
pub fn key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| c.is_ascii_punctuation())
        .to_lowercase()
}

/// The holdings on the chains above `party` (its owners' holdings in it, their owners'
/// holdings in them, and so on), in the order given. Only these can make `party` restricted,
/// so the rest of an ownership file is never walked: one index of who owns whom, then one visit
/// of each party above, whatever the file's size and however long (or cyclic) the chains.
pub fn above<'s>(party: &str, stakes: &'s [Stake]) -> Vec<&'s Stake> {
    let mut owners_of: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, s) in stakes.iter().enumerate() {
        owners_of.entry(key(&s.owned)).or_default().push(i);
    }
    let mut keep = vec![false; stakes.len()];
    let mut seen = HashSet::from([key(party)]);
    let mut todo = vec![key(party)];
    while let Some(owned) = todo.pop() {
        for &i in owners_of.get(&owned).into_iter().flatten() {
            keep[i] = true;
            let owner = key(&stakes[i].owner);
            if seen.insert(owner.clone()) {
                todo.push(owner);
            }
        }
    }
    stakes
        .iter()
        .zip(keep)
        .filter_map(|(s, k)| k.then_some(s))
        .collect()
}

/// One holding with its parties' keys, computed once.
struct Link<'s> {
    stake: &'s Stake,
    owner: String,
    owned: String,
}

/// Whether `party` is owned at or above `threshold` percent by parties on `lists`.
/// `owner_hits` are the screening matches of every owner named in `stakes`.
pub fn affiliation<'h>(
    party: &str,
    stakes: &[Stake],
    owner_hits: &'h [PartyHit],
    lists: &[String],
    threshold: f64,
    date: Date,
) -> Option<Affiliation<'h>> {
    let links: Vec<Link> = above(party, stakes)
        .into_iter()
        .filter(|stake| stake.holds_on(date))
        .map(|stake| Link {
            stake,
            owner: key(&stake.owner),
            owned: key(&stake.owned),
        })
        .collect();
    let mut owners_of: HashMap<&str, Vec<&Link>> = HashMap::new();
    for l in &links {
        owners_of.entry(&l.owned).or_default().push(l);
    }
    let direct = |mode: Tri| -> HashSet<String> {
        owner_hits
            .iter()
            .filter(|h| lists.contains(&h.list))
            .filter(|h| match h.listed_on(date) {
                Tri::True => true,
                Tri::Unknown => mode == Tri::Unknown,
                Tri::False => false,
            })
            .map(|h| key(&h.party))
            .collect()
    };
    let sure = restricted(direct(Tri::True), &links, &owners_of, threshold, Tri::True);
    let maybe = restricted(
        direct(Tri::Unknown),
        &links,
        &owners_of,
        threshold,
        Tri::Unknown,
    );
    let target = key(party);
    let share = |set: &HashSet<String>, mode| held_by(set, owners_of.get(target.as_str()), mode);
    let sure_share = share(&sure, Tri::True);
    let (verdict, percent) = if sure_share >= threshold {
        (Tri::True, sure_share)
    } else if share(&maybe, Tri::Unknown) >= threshold {
        // The share surely held (readings add their lower bound: the chain shows them).
        (Tri::Unknown, share(&maybe, Tri::True))
    } else {
        return None;
    };
    let set = if verdict == Tri::True { &sure } else { &maybe };
    let mut chain = Vec::new();
    let mut owners: Vec<&PartyHit> = Vec::new();
    let mut seen = HashSet::new();
    let mut todo = vec![target];
    while let Some(owned) = todo.pop() {
        if !seen.insert(owned.clone()) {
            continue;
        }
        for l in owners_of
            .get(owned.as_str())
            .into_iter()
            .flatten()
            .filter(|l| set.contains(&l.owner))
        {
            let hits: Vec<&PartyHit> = owner_hits
                .iter()
                .filter(|h| key(&h.party) == l.owner && lists.contains(&h.list))
                .filter(|h| h.listed_on(date) != Tri::False)
                .collect();
            chain.push(holding(l.stake, hits.first().map(|h| h.list.clone())));
            if hits.is_empty() {
                // Restricted through its own owners: follow them.
                todo.push(l.owner.clone());
            }
            for h in hits {
                if !owners.iter().any(|o| std::ptr::eq(*o, h)) {
                    owners.push(h);
                }
            }
        }
    }
    Some(Affiliation {
        verdict,
        percent,
        chain,
        owners,
    })
}

/// A link of a chain as the answer shows it: the share or reading, and the graph's source and
/// dates when the graph gave it.
fn holding(stake: &Stake, list: Option<String>) -> Holding {
    let control = stake.origin.as_ref().is_some_and(|o| {
        matches!(
            o.reading,
            HoldingReading::ConsolidationMajorityLikely | HoldingReading::ControlShareUnknown
        )
    });
    Holding {
        owner: stake.owner.clone(),
        owned: stake.owned.clone(),
        percent: (!control || stake.percent > 0.0).then_some(stake.percent),
        list,
        graph: stake.origin.as_ref().map(|o| GraphHolding {
            source: o.source.clone(),
            reading: o.reading,
            upper: (o.reading == HoldingReading::Range).then_some(o.upper),
            from: o.from,
            to: o.to,
            imported: o.imported,
            question_percent: o.question_percent,
        }),
    }
}

/// The share of a party held by the members of `set`, summed in the order the holdings were
/// given.
fn held_by(set: &HashSet<String>, owners: Option<&Vec<&Link>>, mode: Tri) -> f64 {
    owners
        .into_iter()
        .flatten()
        .filter(|l| set.contains(&l.owner))
        .map(|l| l.stake.counted(mode))
        .sum()
}

/// The parties restricted directly or, to a fixed point, through holdings at the threshold.
/// Each newly restricted party adds its holdings once (a worklist), and a party's share is
/// summed again in the given order only when it comes near the threshold, so the answer is
/// the one the plain fixed point gives, in time linear in the holdings.
fn restricted(
    mut set: HashSet<String>,
    links: &[Link],
    owners_of: &HashMap<&str, Vec<&Link>>,
    threshold: f64,
    mode: Tri,
) -> HashSet<String> {
    let mut holdings_of: HashMap<&str, Vec<&Link>> = HashMap::new();
    for l in links {
        holdings_of.entry(&l.owner).or_default().push(l);
    }
    let mut held: HashMap<&str, f64> = HashMap::new();
    let mut todo: Vec<String> = set.iter().cloned().collect();
    while let Some(owner) = todo.pop() {
        for l in holdings_of.get(owner.as_str()).into_iter().flatten() {
            let total = held.entry(&l.owned).or_default();
            *total += l.stake.counted(mode);
            if *total >= threshold - 1e-6
                && !set.contains(&l.owned)
                && held_by(&set, owners_of.get(l.owned.as_str()), mode) >= threshold
            {
                set.insert(l.owned.clone());
                todo.push(l.owned.clone());
            }
        }
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::step::Listed;

    fn hit(party: &str, list: &str, listed: Listed) -> PartyHit {
        PartyHit {
            list: list.into(),
            name: party.into(),
            matched_name: party.into(),
            entity_number: None,
            entry_id: "test entry".into(),
            entry_hash: "test hash".into(),
            review: None,
            score: 1.0,
            license_requirement: None,
            policy: None,
            raw_policy: None,
            party: party.into(),
            listed,
        }
    }

    fn stake(owner: &str, owned: &str, percent: f64) -> Stake {
        Stake::given(owner, owned, percent)
    }

    fn on(date: &str) -> Listed {
        Listed::On {
            date: date.parse().unwrap(),
            notice: "90 FR 1".into(),
        }
    }

    const EL: &[&str] = &["EL"];

    fn lists() -> Vec<String> {
        EL.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn aggregates_listed_owners_directly_and_through_owned_parties() {
        // Two listed owners at 30% and 25% reach 55% together (individually or in the aggregate).
        let hits = vec![
            hit("A Corp", "EL", on("2020-01-01")),
            hit("B Corp", "EL", on("2020-01-01")),
        ];
        let stakes = vec![
            stake("A Corp", "Target", 30.0),
            stake("B Corp", "Target", 25.0),
        ];
        let date = "2026-12-01".parse().unwrap();
        let a = affiliation("target", &stakes, &hits, &lists(), 50.0, date).unwrap();
        assert_eq!(a.verdict, Tri::True);
        assert_eq!(a.percent, 55.0);
        assert_eq!(a.owners.len(), 2);

        // Indirect: A holds 60% of Mid (so Mid is restricted), Mid holds 50% of Target: counted
        // in full, not as 30%.
        let stakes = vec![stake("A Corp", "Mid", 60.0), stake("Mid", "Target", 50.0)];
        let a = affiliation("Target", &stakes, &hits, &lists(), 50.0, date).unwrap();
        assert_eq!(a.verdict, Tri::True);
        assert_eq!(a.chain.len(), 2);

        // Below the threshold: 49.9% is not 50%.
        let stakes = vec![stake("A Corp", "Target", 49.9)];
        assert!(affiliation("Target", &stakes, &hits, &lists(), 50.0, date).is_none());
    }

    #[test]
    fn owners_listed_after_the_date_do_not_count_and_unknown_dates_make_it_undetermined() {
        let date: Date = "2025-03-01".parse().unwrap();
        let later = vec![hit("A Corp", "EL", on("2025-03-25"))];
        let stakes = vec![stake("A Corp", "Target", 100.0)];
        assert!(affiliation("Target", &stakes, &later, &lists(), 50.0, date).is_none());
        let in_year = vec![hit(
            "A Corp",
            "EL",
            Listed::InYear {
                year: 2025,
                notice: "90 FR 9999".into(),
            },
        )];
        let a = affiliation("Target", &stakes, &in_year, &lists(), 50.0, date).unwrap();
        assert_eq!(a.verdict, Tri::Unknown);
    }

    #[test]
    fn cycles_terminate() {
        let hits = vec![hit("A", "EL", on("2020-01-01"))];
        let stakes = vec![
            stake("A", "X", 50.0),
            stake("X", "Y", 50.0),
            stake("Y", "X", 50.0),
            stake("Y", "T", 50.0),
        ];
        let a = affiliation(
            "T",
            &stakes,
            &hits,
            &lists(),
            50.0,
            "2026-01-01".parse().unwrap(),
        );
        assert_eq!(a.unwrap().verdict, Tri::True);
    }
}
