//! Many checks at once: a batch answers each distinct question once per epoch (the span
//! between two dates on which anything an answer reads can change), with the rows' names
//! resolved once.

use crate::parties::Parties;
use crate::{CheckAnswer, CheckRequest, Engine, EngineError, Item};
use earl_core::chip::Chip;
use earl_core::classify::{self, Classification};
use earl_core::metrics::{MetricName, Metrics};
use earl_core::rules::{Amendment, Snapshot};
use jiff::civil::Date;
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

/// How many full answers (and screened end users) a batch keeps at once for questions asked
/// once. A batch of distinct end users asks as many questions as it has rows; holding every
/// answer (tens of KB each) made 100,000 rows take gigabytes. A question asked again after its
/// answer left the window is answered again, identically (answers are deterministic), under
/// the same id — and from then on kept (up to [`KEPT_ANSWERS`]): questions that repeat are
/// answered at most twice, however many other questions come between.
pub const ANSWER_WINDOW: usize = 4096;
/// How many answers of questions asked more than once a batch keeps besides the window.
pub const KEPT_ANSWERS: usize = 1 << 17;

/// See [`Engine::batch`].
pub struct BatchChecker<'a> {
    engine: &'a Engine,
    scenario: Option<&'a Amendment>,
    /// Dates on which any rule, group membership or treatment changes, sorted.
    breaks: Vec<Date>,
    /// Whether any rule looks at the shipment's quantity; if none does, quantity is not a key.
    by_quantity: bool,
    snapshots: HashMap<usize, Arc<Snapshot>>,
    measured: HashMap<(usize, usize), (&'a Chip, Metrics, Classification)>,
    chip_names: Interner,
    country_names: Interner,
    party_names: Interner,
    /// The parties of the latest end users met (at most [`ANSWER_WINDOW`]).
    parties: HashMap<String, Parties>,
    /// Each distinct question's id: kept for every question (a few words each) so a question
    /// keeps its id however long the batch.
    answers: HashMap<AnswerKey, usize>,
    /// The full answers of the latest ids answered (at most [`ANSWER_WINDOW`] asked once, in
    /// `answered_order` oldest first, and up to [`KEPT_ANSWERS`] asked again).
    answered: HashMap<usize, CheckAnswer>,
    answered_order: VecDeque<usize>,
    kept: usize,
}

/// One batch row's answer: shared by every row asking the same question in the same epoch.
pub struct Checked<'b> {
    /// Which distinct answer of the batch this is (0, 1, 2, ... in the order first met), so a
    /// caller can prepare what it derives from an answer once per answer.
    pub id: usize,
    /// Its `date` is the first date asked in the epoch: report the row's own date.
    pub answer: &'b CheckAnswer,
}

/// Everything a determination depends on, with the date reduced to its epoch and names to
/// small indices, so that a repeated question costs one hash lookup.
#[derive(PartialEq, Eq, Hash, Clone, Copy)]
struct AnswerKey {
    chip: usize,
    epoch: usize,
    year: i16,
    to: usize,
    from: Option<usize>,
    hq: Option<usize>,
    end_user: Option<usize>,
    quantity: Option<u64>,
    made_in: Option<usize>,
    /// The US content's bits (a percent is compared exactly).
    us_content: Option<u64>,
    us_tech: Option<bool>,
    us_available: Option<bool>,
}

/// Interns names as they are met: the index of a name already seen costs no allocation.
#[derive(Default)]
struct Interner(HashMap<String, usize>);

impl Interner {
    fn get(
        &mut self,
        name: &str,
        resolve: impl FnOnce(&str) -> Result<usize, EngineError>,
    ) -> Result<usize, EngineError> {
        if let Some(&i) = self.0.get(name) {
            return Ok(i);
        }
        let i = resolve(name)?;
        self.0.insert(name.to_string(), i);
        Ok(i)
    }
}

impl BatchChecker<'_> {
    /// Checks one shipment of the catalog chip named `chip`. The answer is shared by every
    /// shipment with the same inputs in the same epoch, so its `date` is the first date asked
    /// in that epoch: report the row's own date. Every row of one batch must carry the same
    /// `ownership` (the batch's ownership file): parties are screened once per end user.
    pub fn check(&mut self, req: &CheckRequest) -> Result<Checked<'_>, EngineError> {
        let engine = self.engine;
        let Item::Catalog(chip) = &req.item else {
            return Err(EngineError::BadInput(
                "a batch row names a catalog chip; give a specification to `check` instead".into(),
            ));
        };
        let epoch = self.breaks.partition_point(|b| *b <= req.date);
        let catalog = &engine.data.catalog;
        let countries = &engine.data.countries;
        let chip_index = self.chip_names.get(chip, |n| {
            let id = &engine.chip(n)?.id;
            Ok(catalog
                .chips
                .iter()
                .position(|c| &c.id == id)
                .expect("resolved chips are in the catalog"))
        })?;
        let mut country = |s: &str| {
            self.country_names.get(s, |n| {
                let code = &engine.country(n)?.code;
                Ok(countries
                    .list
                    .iter()
                    .position(|c| &c.code == code)
                    .expect("resolved countries are listed"))
            })
        };
        let to = country(&req.to)?;
        let from = req.from.as_deref().map(&mut country).transpose()?;
        let hq = req.end_user_hq.as_deref().map(&mut country).transpose()?;
        let made_in = req.made.made_in.as_deref().map(&mut country).transpose()?;
        let end_user = match req.end_user.as_deref() {
            Some(name) => {
                let next = self.party_names.0.len();
                Some(self.party_names.get(name, |_| Ok(next))?)
            }
            None => None,
        };
        let key = AnswerKey {
            chip: chip_index,
            epoch,
            year: req.date.year(),
            to,
            from,
            hq,
            end_user,
            quantity: req.quantity.filter(|_| self.by_quantity),
            made_in,
            us_content: req.made.us_content.map(f64::to_bits),
            us_tech: req.made.us_tech,
            us_available: req.made.us_available,
        };
        let known = self.answers.get(&key).copied();
        if let Some(id) = known
            && self.answered.contains_key(&id)
        {
            return Ok(Checked {
                id,
                answer: &self.answered[&id],
            });
        }
        let scenario = self.scenario;
        let snap = self
            .snapshots
            .entry(epoch)
            .or_insert_with(|| engine.snapshot(req.date, scenario));
        let measured = match self.measured.entry((chip_index, epoch)) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => {
                let c = engine.chip(chip)?;
                let metrics = Metrics::of_chip(c);
                let classification = classify::classify(snap, &metrics, &engine.evaluator(snap));
                v.insert((c, metrics, classification))
            }
        };
        let (c, metrics, classification) = &*measured;
        // Parties depend only on the end user's name: a batch's ownership is the same for every
        // row (see `BatchChecker::check`).
        if self.parties.len() >= ANSWER_WINDOW
            && !self
                .parties
                .contains_key(req.end_user.as_deref().unwrap_or_default())
        {
            self.parties.clear();
        }
        let parties = match self.parties.entry(req.end_user.clone().unwrap_or_default()) {
            std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
            std::collections::hash_map::Entry::Vacant(v) => v.insert(engine.parties(req)?),
        };
        // The reviewers' dispositions depend on the date (expiry: its days are among the
        // breaks) and the country (in the key), so they are applied per answer.
        let parties = engine.reviewed(parties, req)?;
        let determination =
            engine.determine(snap, Some(c), metrics, classification, req, &parties, false)?;
        let answer = engine.answer(determination, req, parties)?;
        let id = known.unwrap_or(self.answers.len());
        if known.is_some() && self.kept < KEPT_ANSWERS {
            // Asked again after its answer left the window: a question that repeats.
            self.kept += 1;
        } else {
            if self.answered_order.len() >= ANSWER_WINDOW
                && let Some(oldest) = self.answered_order.pop_front()
            {
                self.answered.remove(&oldest);
            }
            self.answered_order.push_back(id);
        }
        self.answered.insert(id, answer);
        self.answers.insert(key, id);
        Ok(Checked {
            id,
            answer: &self.answered[&id],
        })
    }

    /// How many distinct questions this checker has been asked.
    pub fn questions(&self) -> usize {
        self.answers.len()
    }
}

impl Engine {
    /// A checker for many shipments that answers each distinct question once. A determination
    /// depends on the date only through the rules and Country Groups in force, which change on
    /// known dates; between two such dates ("an epoch") the same shipment gets the same answer.
    pub fn batch(&self, scenario: Option<&str>) -> Result<BatchChecker<'_>, EngineError> {
        let scenario = self.scenario(scenario)?;
        let mut breaks: Vec<Date> = Vec::new();
        for a in self.data.rules.timeline.iter().chain(scenario) {
            breaks.extend(a.effective);
            breaks.extend(a.until);
        }
        for c in &self.data.groups.changes {
            breaks.push(c.effective);
            breaks.extend(c.not_before);
        }
        breaks.extend(
            self.data
                .countries
                .list
                .iter()
                .filter_map(|c| c.treated_as.as_ref().map(|t| t.from)),
        );
        breaks.extend(self.data.rules.meta.as_of.tomorrow().ok());
        // Each newer BIS document joins the answers' notices from its publication date.
        breaks.extend(self.newer_documents.iter().map(|d| d.publication_date));
        // A listing changes answers from its notice's effective date.
        breaks.extend(self.data.list_notices.dates());
        // A disposition stops holding the day after it expires.
        breaks.extend(self.reviews().expiry_breaks());
        // A holding of the ownership graph counts from its first day to its last.
        if let Some(graph) = self.ownership_graph()? {
            breaks.extend(graph.dates()?);
        }
        breaks.sort();
        breaks.dedup();
        let by_quantity = self
            .data
            .rules
            .timeline
            .iter()
            .chain(scenario)
            .any(|a| a.add.mention(MetricName::ShipmentTpp));
        Ok(BatchChecker {
            engine: self,
            scenario,
            breaks,
            by_quantity,
            snapshots: HashMap::new(),
            measured: HashMap::new(),
            chip_names: Interner::default(),
            country_names: Interner::default(),
            party_names: Interner::default(),
            parties: HashMap::new(),
            answers: HashMap::new(),
            answered: HashMap::new(),
            answered_order: VecDeque::new(),
            kept: 0,
        })
    }
}
