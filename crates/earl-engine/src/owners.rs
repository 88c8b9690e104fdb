//! The ownership graph as `earl owners import` left it (`earl_store::graph`), read through its
//! indexes: a party is found by its name as screening normalises it (`earl_screen::normalize`),
//! however it is cased, punctuated or written in another script, and only the chains of the
//! parties asked are read — a check does not load the graph.

use crate::{Engine, EngineError};
use earl_core::cite::Cite;
use earl_core::ownership::{Origin, Stake};
use earl_core::party::PartyHit;
use earl_core::rules::InForce;
use earl_core::step::{Holding, HoldingReading, Verdict};
use earl_store::graph::{Edge, GraphError, Import, Share};
use jiff::civil::Date;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

/// The graph file, opened once per engine.
pub struct OwnershipGraph {
    /// The SHA-256 of the graph (recorded by its last import): the version a check relied on.
    pub version: String,
    store: Mutex<earl_store::graph::OwnershipGraph>,
}

/// A party's name as the graph keys it: screening's normalised form.
pub fn node(name: &str) -> String {
    earl_screen::normalize::normalize(name).text()
}

/// A name asked and the name the graph writes it with.
pub type NameMatch = (String, String);

/// One edge as `earl owners show` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct ChainLink {
    /// How many edges from the party asked (1: its direct owner or holding).
    pub depth: usize,
    #[serde(flatten)]
    pub edge: Edge,
}

fn unreadable(e: GraphError) -> EngineError {
    EngineError::OwnershipGraph(e.to_string())
}

/// A date of the graph file that is not a date: the file was written by something else.
fn date_of(e: &Edge, date: &str) -> Result<Date, EngineError> {
    date.parse().map_err(|_| {
        EngineError::OwnershipGraph(format!(
            "the edge {} -> {} holds a date that is not YYYY-MM-DD: {date}",
            e.owner, e.owned
        ))
    })
}

impl OwnershipGraph {
    /// The graph kept in `file`; `None` when there is no file (nothing imported).
    pub fn open(file: &std::path::Path) -> Result<Option<OwnershipGraph>, EngineError> {
        let Some(store) =
            earl_store::graph::OwnershipGraph::open_existing(file).map_err(unreadable)?
        else {
            return Ok(None);
        };
        Ok(Some(OwnershipGraph {
            version: store.version().map_err(unreadable)?,
            store: Mutex::new(store),
        }))
    }

    fn store(&self) -> std::sync::MutexGuard<'_, earl_store::graph::OwnershipGraph> {
        // A panic while reading leaves nothing half-written: the lock is still good.
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Every edge, in the graph's canonical order.
    pub fn edges(&self) -> Result<Vec<Edge>, EngineError> {
        self.store().edges().map_err(unreadable)
    }

    /// The name the graph gives a party, when the party is in it.
    pub fn name_of(&self, name: &str) -> Result<Option<String>, EngineError> {
        self.store().name_at(&node(name)).map_err(unreadable)
    }

    /// Every edge on the chains above `names` (up) or below them (down), breadth first, each
    /// once, with its distance from the nearest party asked.
    pub fn walk(&self, names: &[&str], up: bool) -> Result<Vec<ChainLink>, EngineError> {
        let store = self.store();
        let mut seen: HashSet<String> = names.iter().map(|n| node(n)).collect();
        let mut frontier: Vec<String> = seen.iter().cloned().collect();
        let mut links = Vec::new();
        let mut depth = 0;
        while !frontier.is_empty() {
            depth += 1;
            let mut next = Vec::new();
            for party in frontier {
                for edge in store.edges_at(&party, up).map_err(unreadable)? {
                    let other = node(if up { &edge.owner } else { &edge.owned });
                    if seen.insert(other.clone()) {
                        next.push(other);
                    }
                    links.push(ChainLink { depth, edge });
                }
            }
            frontier = next;
        }
        Ok(links)
    }

    /// The days on which the graph's edges begin or stop holding (batch epochs break there).
    pub fn dates(&self) -> Result<Vec<Date>, EngineError> {
        let periods = self.store().periods().map_err(unreadable)?;
        let parse = |d: &str| {
            d.parse::<Date>().map_err(|_| {
                EngineError::OwnershipGraph(format!("a date of the graph is not YYYY-MM-DD: {d}"))
            })
        };
        let mut dates = Vec::new();
        for (from, to) in periods {
            if let Some(from) = from {
                dates.push(parse(&from)?);
            }
            if let Some(to) = to {
                dates.extend(parse(&to)?.tomorrow().ok());
            }
        }
        dates.sort();
        dates.dedup();
        Ok(dates)
    }

    /// The holdings above `parties` as stakes for the rule's walk, with each named party's
    /// graph name replaced by the name asked (so the question's and the graph's holdings join),
    /// and the pairs whose graph name differs from the name asked.
    pub fn stakes_above(
        &self,
        parties: &[&str],
    ) -> Result<(Vec<Stake>, Vec<NameMatch>), EngineError> {
        let asked: HashMap<String, &str> = parties.iter().map(|p| (node(p), *p)).collect();
        let mut matched: Vec<(String, String)> = Vec::new();
        for p in parties {
            if let Some(found) = self.name_of(p)?
                && found != *p
                && !matched.iter().any(|(a, _)| a == p)
            {
                matched.push((p.to_string(), found));
            }
        }
        let named = |graph_name: &str| {
            asked
                .get(&node(graph_name))
                .map_or_else(|| graph_name.to_string(), |n| n.to_string())
        };
        let stakes = self
            .walk(parties, true)?
            .into_iter()
            .map(|link| {
                let (owner, owned) = (named(&link.edge.owner), named(&link.edge.owned));
                stake_of(&link.edge, owner, owned)
            })
            .collect::<Result<_, _>>()?;
        Ok((stakes, matched))
    }
}

/// What `earl owners import` did: the import as the graph recorded it, and what the file held.
#[derive(Debug, Clone, Serialize)]
pub struct ImportAnswer {
    #[serde(flatten)]
    pub import: Import,
    /// Data rows (or statements) read from the file.
    pub rows: u64,
    /// Edges the file gave with a stated percentage, and read otherwise (a range, control).
    pub percent_edges: u64,
    pub read_edges: u64,
    /// Records of the file that give no edge (a relationship of another kind, an unspecified
    /// party, a primary indirect relationship whose components are imported instead).
    pub skipped: u64,
}

/// `earl owners diff OLD NEW`: the holdings two ownership files give, compared.
#[derive(Debug, Clone, Serialize)]
pub struct DiffAnswer {
    pub old: DiffSide,
    pub new: DiffSide,
    /// Holdings only the new file gives.
    pub added: Vec<Edge>,
    /// Holdings only the old file gives.
    pub removed: Vec<Edge>,
    /// Holdings both give, with another share or reading: (old, new).
    pub changed: Vec<(Edge, Edge)>,
    pub unchanged: usize,
}

/// One file of a diff.
#[derive(Debug, Clone, Serialize)]
pub struct DiffSide {
    pub file: String,
    pub sha256: String,
    pub edges: usize,
}

/// Compares the holdings of two files: a holding is the owner, the owned party (as screening
/// normalises their names) and the dates it held; its share or reading may change.
pub fn diff(old: DiffSide, old_edges: &[Edge], new: DiffSide, new_edges: &[Edge]) -> DiffAnswer {
    let identity = |e: &Edge| (node(&e.owner), node(&e.owned), e.from.clone(), e.to.clone());
    let olds: HashMap<_, &Edge> = old_edges.iter().map(|e| (identity(e), e)).collect();
    let news: HashMap<_, &Edge> = new_edges.iter().map(|e| (identity(e), e)).collect();
    let mut answer = DiffAnswer {
        old,
        new,
        added: Vec::new(),
        removed: Vec::new(),
        changed: Vec::new(),
        unchanged: 0,
    };
    for e in new_edges {
        match olds.get(&identity(e)) {
            None => answer.added.push(e.clone()),
            Some(o) if o.share != e.share => answer.changed.push(((*o).clone(), e.clone())),
            Some(_) => answer.unchanged += 1,
        }
    }
    answer.removed = old_edges
        .iter()
        .filter(|e| !news.contains_key(&identity(e)))
        .cloned()
        .collect();
    answer
}

/// `earl owners show NAME`: the party as the graph names it, its chains up and down.
#[derive(Debug, Clone, Serialize)]
pub struct ShowAnswer {
    pub asked: String,
    /// The graph's name for the party; `None` when it is not in the graph (its ownership is
    /// unknown to earl, not "no owners").
    pub found: Option<String>,
    /// The graph's version (SHA-256).
    pub graph: String,
    /// Every holding on the chains above the party (its owners, theirs, ...).
    pub owners: Vec<ChainLink>,
    /// Every holding on the chains below it (what it holds, and so on).
    pub holdings: Vec<ChainLink>,
}

impl OwnershipGraph {
    /// The chains up and down from `name`.
    pub fn show(&self, name: &str) -> Result<ShowAnswer, EngineError> {
        Ok(ShowAnswer {
            asked: name.to_string(),
            found: self.name_of(name)?,
            graph: self.version.clone(),
            owners: self.walk(&[name], true)?,
            holdings: self.walk(&[name], false)?,
        })
    }
}

/// A party the graph shows owned at or above an ownership rule's threshold by listed parties.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Affiliate {
    pub party: String,
    /// Applies: parties listed on the date hold the threshold; undetermined: only with parties
    /// whose listing date is not known, or with holdings read from control (consolidation).
    pub verdict: Verdict,
    /// The share stated on the chain (holdings read from control add none: see the chain).
    pub percent: f64,
    /// The holdings that carry the share, from the party upwards.
    pub chain: Vec<Holding>,
    /// The listed owners behind it: their names in the graph, and the lists they are on.
    pub listed_owners: Vec<ListedOwner>,
    /// The ownership rule and whether it is in force on the date (a suspended rule is shown,
    /// not applied).
    pub rule: String,
    pub rule_status: InForce,
    pub rule_text: String,
    pub cite: Cite,
}

/// A listed owner behind an affiliate.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ListedOwner {
    pub name: String,
    pub list: String,
    /// The list entry's name the owner matched.
    pub matched_name: String,
}

/// `earl owners affiliates`: every party the graph shows at or above a rule's threshold.
#[derive(Debug, Clone, Serialize)]
pub struct AffiliatesAnswer {
    pub date: Date,
    /// The graph's version (SHA-256).
    pub graph: String,
    /// Distinct owners in the graph, each screened.
    pub owners_screened: usize,
    pub affiliates: Vec<Affiliate>,
    /// Set when the lists the owners were screened against are old, or their age unknown.
    pub staleness_warning: Option<String>,
    /// The same as a fact, for the renderer (not serialised: `staleness_warning` is its English).
    #[serde(skip)]
    pub staleness: Option<earl_screen::Staleness>,
    /// What the lists lack (a list missing against the bundled one, a partial list accepted):
    /// no affiliate found against such lists is no clear.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub list_warnings: Vec<String>,
    /// The same as facts (not serialised: `list_warnings` is their English).
    #[serde(skip)]
    pub list_warning_facts: Vec<earl_screen::ListWarning>,
}

impl Engine {
    /// The ownership graph, or a refusal saying how to make one.
    fn graph(&self) -> Result<&OwnershipGraph, EngineError> {
        self.ownership_graph()?
            .ok_or(EngineError::Input(crate::InputError::NoOwnershipGraph))
    }

    /// Whether `party` is an affiliate of listed parties on `date`, by every ownership rule
    /// the date's rules hold (in force or not: a rule not in force is shown as such).
    pub fn affiliations_of(
        &self,
        party: &str,
        date: Date,
        screened: &mut HashMap<String, Vec<PartyHit>>,
    ) -> Result<Vec<Affiliate>, EngineError> {
        let graph = self.graph()?;
        let (stakes, _) = graph.stakes_above(&[party])?;
        if stakes.is_empty() {
            return Ok(Vec::new());
        }
        let mut hits = Vec::new();
        for s in &stakes {
            let key = node(&s.owner);
            if let std::collections::hash_map::Entry::Vacant(v) = screened.entry(key.clone()) {
                v.insert(self.screen_party(&s.owner, "owner")?);
            }
            for h in &screened[&key] {
                if !hits.iter().any(|x: &PartyHit| x == h) {
                    hits.push(h.clone());
                }
            }
        }
        let snap = self.snapshot(date, None);
        let mut found = Vec::new();
        for rule in &snap.entries.affiliates {
            let Some(a) = earl_core::ownership::affiliation(
                party,
                &stakes,
                &hits,
                &rule.lists,
                rule.percent,
                date,
            ) else {
                continue;
            };
            found.push(Affiliate {
                party: party.to_string(),
                verdict: a.verdict.into(),
                percent: a.percent,
                chain: a.chain,
                listed_owners: listed_owners(&a.owners),
                rule: rule.id.clone(),
                rule_status: rule.status,
                rule_text: rule.text.clone(),
                cite: rule.cite.clone(),
            });
        }
        Ok(found)
    }

    /// Every party the graph shows owned at or above an ownership rule's threshold by listed
    /// parties on `date`: each owner in the graph screened once, then every party below a
    /// listed one examined.
    pub fn affiliates(&self, date: Date) -> Result<AffiliatesAnswer, EngineError> {
        let graph = self.graph()?;
        let edges = graph.edges()?;
        let mut screened: HashMap<String, Vec<PartyHit>> = HashMap::new();
        for e in &edges {
            if let std::collections::hash_map::Entry::Vacant(v) = screened.entry(node(&e.owner)) {
                v.insert(self.screen_party(&e.owner, "owner")?);
            }
        }
        let listed: Vec<&str> = edges
            .iter()
            .filter(|e| !screened[&node(&e.owner)].is_empty())
            .map(|e| e.owner.as_str())
            .collect();
        let mut candidates: Vec<String> = Vec::new();
        let mut seen = HashSet::new();
        for link in graph.walk(&listed, false)? {
            if seen.insert(node(&link.edge.owned)) {
                candidates.push(link.edge.owned);
            }
        }
        let mut affiliates = Vec::new();
        for party in &candidates {
            affiliates.extend(self.affiliations_of(party, date, &mut screened)?);
        }
        // One order whatever order the walk met them in: the same question, the same answer.
        affiliates
            .sort_by(|a: &Affiliate, b: &Affiliate| (&a.party, &a.rule).cmp(&(&b.party, &b.rule)));
        let screening = self.screening()?;
        let staleness = earl_screen::staleness(
            &screening.provenance,
            crate::today(),
            earl_screen::DEFAULT_MAX_AGE_DAYS,
        );
        Ok(AffiliatesAnswer {
            date,
            graph: graph.version.clone(),
            owners_screened: screened.len(),
            affiliates,
            staleness_warning: staleness.as_ref().map(ToString::to_string),
            staleness,
            list_warnings: screening.warnings.iter().map(ToString::to_string).collect(),
            list_warning_facts: screening.warnings.clone(),
        })
    }
}

/// The listed owners behind an affiliation, each owner and list once (a list entry can span
/// many rows).
fn listed_owners(hits: &[&PartyHit]) -> Vec<ListedOwner> {
    let mut owners: Vec<ListedOwner> = Vec::new();
    for h in hits {
        if !owners.iter().any(|o| o.name == h.party && o.list == h.list) {
            owners.push(ListedOwner {
                name: h.party.clone(),
                list: h.list.clone(),
                matched_name: h.matched_name.clone(),
            });
        }
    }
    owners
}

fn stake_of(e: &Edge, owner: String, owned: String) -> Result<Stake, EngineError> {
    let (percent, upper) = e.share.bounds();
    let reading = match e.share {
        Share::Percent { .. } => HoldingReading::Percent,
        Share::Range { .. } => HoldingReading::Range,
        Share::Consolidation => HoldingReading::ConsolidationMajorityLikely,
        Share::Control => HoldingReading::ControlShareUnknown,
    };
    let date = |d: &Option<String>| d.as_deref().map(|d| date_of(e, d)).transpose();
    let (from, to, imported) = (date(&e.from)?, date(&e.to)?, date_of(e, &e.imported)?);
    Ok(Stake {
        owner,
        owned,
        percent,
        origin: Some(Origin {
            source: e.source.clone(),
            reading,
            upper,
            from,
            to,
            imported,
            question_percent: None,
        }),
    })
}

/// The question's holdings and the graph's, combined: a holding both give is walked once, at the
/// stricter reading (the larger share; a reading from the graph keeps its upper bound), and the question's
/// differing share is kept on it to be shown.
pub fn combine(question: &[Stake], graph: Vec<Stake>) -> Vec<Stake> {
    use earl_core::ownership::key;
    let mut combined: Vec<Stake> = Vec::with_capacity(question.len() + graph.len());
    let mut from_graph: HashMap<(String, String), usize> = HashMap::new();
    for s in graph {
        from_graph.insert((key(&s.owner), key(&s.owned)), combined.len());
        combined.push(s);
    }
    for q in question {
        match from_graph.get(&(key(&q.owner), key(&q.owned))) {
            Some(&i) => {
                let g = &mut combined[i];
                if q.percent != g.percent || g.is_read() {
                    if let Some(origin) = g.origin.as_mut() {
                        origin.question_percent = Some(q.percent);
                    }
                    g.percent = g.percent.max(q.percent);
                }
            }
            None => combined.push(q.clone()),
        }
    }
    combined
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(owner: &str, owned: &str, share: Share) -> Edge {
        Edge {
            owner: owner.into(),
            owned: owned.into(),
            share,
            source: "test".into(),
            from: None,
            to: None,
            imported: "2026-12-01".into(),
            dataset: "csv".into(),
        }
    }

    #[test]
    fn finds_a_party_by_its_normalised_name_and_walks_both_ways() {
        let dir = tempfile::tempdir().unwrap();
        let path = earl_store::graph::OwnershipGraph::path_in(dir.path());
        earl_store::graph::OwnershipGraph::open(&path)
            .unwrap()
            .replace(
                Import {
                    imported_at: "2026-12-01T00:00:00Z".into(),
                    dataset: "csv".into(),
                    format: "csv".into(),
                    file: "t.csv".into(),
                    file_sha256: String::new(),
                    edges_before: 0,
                    edges_after: 0,
                    graph_sha256: String::new(),
                },
                &[
                    edge("Parent Co", "X Ltd.", Share::Percent { percent: 100.0 }),
                    edge("X Ltd.", "Y LIMITED", Share::Percent { percent: 60.0 }),
                ],
                &node,
                false,
            )
            .unwrap();
        let g = OwnershipGraph::open(&path).unwrap().unwrap();
        assert_eq!(
            g.name_of("y limited").unwrap().as_deref(),
            Some("Y LIMITED")
        );
        let up = g.walk(&["y limited"], true).unwrap();
        assert_eq!(up.len(), 2);
        assert_eq!((up[0].depth, up[1].depth), (1, 2));
        let down = g.walk(&["PARENT CO"], false).unwrap();
        assert_eq!(down.len(), 2);
        let (stakes, matched) = g.stakes_above(&["y limited"]).unwrap();
        assert_eq!(matched, vec![("y limited".into(), "Y LIMITED".into())]);
        assert!(stakes.iter().any(|s| s.owned == "y limited"));
    }

    #[test]
    fn a_diff_names_holdings_added_removed_and_changed() {
        let side = |file: &str| DiffSide {
            file: file.into(),
            sha256: String::new(),
            edges: 0,
        };
        let old = vec![
            edge("A", "T", Share::Percent { percent: 30.0 }),
            edge("B", "T", Share::Percent { percent: 20.0 }),
            edge("C", "U", Share::Consolidation),
        ];
        let new = vec![
            edge("a", "t", Share::Percent { percent: 30.0 }),
            edge("B", "T", Share::Percent { percent: 25.0 }),
            edge("D", "U", Share::Consolidation),
        ];
        let d = diff(side("old"), &old, side("new"), &new);
        assert_eq!(d.unchanged, 1);
        assert_eq!(d.changed.len(), 1);
        assert_eq!(d.changed[0].1.share, Share::Percent { percent: 25.0 });
        assert_eq!(d.added[0].owner, "D");
        assert_eq!(d.removed[0].owner, "C");
    }

    #[test]
    fn the_stricter_of_the_question_and_the_graph_is_walked() {
        let graph = vec![
            stake_of(
                &edge("A", "T", Share::Percent { percent: 30.0 }),
                "A".into(),
                "T".into(),
            )
            .unwrap(),
            stake_of(
                &edge("B", "T", Share::Consolidation),
                "B".into(),
                "T".into(),
            )
            .unwrap(),
        ];
        let question = vec![Stake::given("A", "T", 55.0), Stake::given("B", "T", 10.0)];
        let c = combine(&question, graph);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].percent, 55.0);
        assert_eq!(c[0].origin.as_ref().unwrap().question_percent, Some(55.0));
        assert!(c[1].is_read());
        assert_eq!(c[1].percent, 10.0);
    }
}
