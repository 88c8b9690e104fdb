//! Systems (ECCN 4A090): classification from the contained chips, and licence checks that apply
//! the rules to each contained chip — the rules name 3A090 and 4A090 together — and combine the
//! answers, the strictest standing.

use crate::{CheckAnswer, CheckRequest, ClassifyAnswer, Engine, EngineError, Item};
use earl_core::check::Determination;
use earl_core::chip::Chip;
use earl_core::cite::Confidence;
use earl_core::classify::{self, Classification};
use earl_core::metrics::Metrics;
use earl_core::rules::Snapshot;
use earl_core::step::{Reason, Step, decided_by};
use earl_core::system::{Contained, SystemOf, classify_system};
use serde::Serialize;

/// A system resolved: catalog entry (if any), name, parts.
pub(crate) struct Resolved<'a> {
    pub id: Option<String>,
    pub name: String,
    pub vendor: Option<String>,
    pub parts: Vec<(&'a Chip, u32)>,
    /// The composition's citation.
    pub cite: String,
    pub confidence: Confidence,
}

/// A row of `earl systems`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SystemRow<'a> {
    pub id: &'a str,
    pub vendor: &'a str,
    pub name: &'a str,
    pub aliases: &'a [String],
    pub form: &'a str,
    pub china_variant: bool,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub contains: &'a [earl_core::system::Part],
    /// Total accelerator packages.
    pub accelerators: u64,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub cite: &'a earl_core::cite::Cite,
}

/// The most of one chip `--contains` takes.
const MAX_CONTAINS: u32 = earl_data::systems::MAX_COUNT;

impl Engine {
    /// Every catalog system, as `earl systems` lists them.
    pub fn system_rows(&self) -> Vec<SystemRow<'_>> {
        self.data
            .systems
            .list
            .iter()
            .map(|s| SystemRow {
                id: &s.id,
                vendor: &s.vendor,
                name: &s.name,
                aliases: &s.aliases,
                form: &s.form,
                china_variant: s.china_variant,
                contains: &s.contains,
                accelerators: s.contains.iter().map(|p| u64::from(p.count)).sum(),
                cite: &s.cite,
            })
            .collect()
    }

    /// The system an item names, if it names one.
    pub(crate) fn system_of(&self, item: &Item) -> Result<Option<Resolved<'_>>, EngineError> {
        let catalog_system = |s: &earl_core::system::System| -> Result<Resolved<'_>, EngineError> {
            let parts = s
                .contains
                .iter()
                .map(|p| {
                    let chip = self.data.catalog.get(&p.chip).ok_or_else(|| {
                        EngineError::BadInput(format!(
                            "system `{}` names chip `{}`, which is not in the catalog",
                            s.id, p.chip
                        ))
                    })?;
                    Ok((chip, p.count))
                })
                .collect::<Result<Vec<_>, EngineError>>()?;
            Ok(Resolved {
                id: Some(s.id.clone()),
                name: format!("{} {}", s.vendor, s.name),
                vendor: Some(s.vendor.clone()),
                parts,
                cite: format!("data/systems.toml `{}`: {}", s.id, s.cite.text),
                confidence: s.cite.confidence,
            })
        };
        match item {
            Item::Catalog(name) => match self.data.systems.resolve(name) {
                Some(s) => catalog_system(s).map(Some),
                None => Ok(None),
            },
            Item::System(name) => match self.data.systems.resolve(name) {
                Some(s) => catalog_system(s).map(Some),
                None => {
                    let near = self.data.systems.suggestions(name);
                    Err(EngineError::BadInput(format!(
                        "unknown system `{name}`{} (see `earl systems`, or give --contains CHIP=COUNT)",
                        if near.is_empty() {
                            String::new()
                        } else {
                            format!("; closest: {}", near.join(", "))
                        }
                    )))
                }
            },
            Item::Contains(given) => {
                if given.is_empty() {
                    return Err(EngineError::BadInput(
                        "--contains needs at least one CHIP=COUNT".into(),
                    ));
                }
                let mut parts: Vec<(&Chip, u32)> = Vec::new();
                for (name, count) in given {
                    if *count == 0 || *count > MAX_CONTAINS {
                        return Err(EngineError::BadInput(format!(
                            "--contains {name}={count}: the count must be 1 to {MAX_CONTAINS}"
                        )));
                    }
                    let chip = self.chip(name)?;
                    match parts.iter_mut().find(|(c, _)| c.id == chip.id) {
                        Some((_, n)) => {
                            *n = n
                                .checked_add(*count)
                                .filter(|n| *n <= MAX_CONTAINS)
                                .ok_or_else(|| {
                                    EngineError::BadInput(format!(
                                        "--contains: more than {MAX_CONTAINS} of {name} in all"
                                    ))
                                })?
                        }
                        None => parts.push((chip, *count)),
                    }
                }
                let name = parts
                    .iter()
                    .map(|(c, n)| format!("{n} × {} {}", c.vendor, c.name))
                    .collect::<Vec<_>>()
                    .join(" + ");
                Ok(Some(Resolved {
                    id: None,
                    name: format!("system containing {name}"),
                    vendor: None,
                    parts,
                    cite: "user input (--contains)".into(),
                    confidence: Confidence::Computed,
                }))
            }
            Item::Spec(_) => Ok(None),
        }
    }

    /// Each contained chip measured and classified on the snapshot.
    fn system_parts<'a>(
        &self,
        snap: &Snapshot,
        sys: &Resolved<'a>,
    ) -> Vec<(&'a Chip, Metrics, Classification, Contained)> {
        sys.parts
            .iter()
            .map(|(chip, count)| {
                let metrics = Metrics::of_chip(chip);
                let cl = classify::classify(snap, &metrics, &self.evaluator(snap));
                let contained = Contained {
                    chip: chip.id.clone(),
                    name: format!("{} {}", chip.vendor, chip.name),
                    count: *count,
                    paragraph: cl.determined().and_then(|o| o.paragraph.clone()),
                };
                (*chip, metrics, cl, contained)
            })
            .collect()
    }

    fn contains_step(sys: &Resolved, parts: &[Contained]) -> Step {
        Step::sourced(
            Reason::Contains {
                system: sys.name.clone(),
                parts: parts.to_vec(),
            },
            sys.cite.clone(),
            sys.confidence,
        )
    }

    /// Classifies a system under 4A090 on the snapshot.
    pub(crate) fn classify_system(
        &self,
        snap: &Snapshot,
        sys: &Resolved,
        notices: Vec<Step>,
    ) -> ClassifyAnswer {
        let parts = self.system_parts(snap, sys);
        let contained: Vec<Contained> = parts.iter().map(|p| p.3.clone()).collect();
        let pairs: Vec<(Contained, &Classification)> =
            parts.iter().map(|p| (p.3.clone(), &p.2)).collect();
        let sc = classify_system(snap, &pairs);
        let mut because = vec![Self::contains_step(sys, &contained)];
        let mut hinges = Vec::new();
        for (chip, metrics, cl, c) in &parts {
            let label = format!("[{} × {}]", c.count, c.name);
            because.extend(cl.because(snap, metrics).into_iter().map(|mut s| {
                s.branch = Some(label.clone());
                // The chip's own classification is a step towards the system's; the 4A090
                // paragraph is what decides.
                s.decisive = false;
                s
            }));
            for h in &cl.hinges_on_unverified {
                let h = format!("{} {h}", chip.id);
                if !hinges.contains(&h) {
                    hinges.push(h);
                }
            }
        }
        because.extend(sc.steps.iter().cloned());
        if sys.confidence == Confidence::Unverified {
            hinges.push(format!("composition of {}", sys.name));
        }
        because.extend(notices);
        let determined = sc.determined();
        let label = |o: &classify::Outcome| {
            o.paragraph
                .clone()
                .unwrap_or_else(|| "not 4A090".to_string())
        };
        ClassifyAnswer {
            chip: None,
            name: sys.name.clone(),
            vendor: sys.vendor.clone(),
            date: snap.date,
            regime: snap.regime.clone(),
            scenario: snap.scenario.clone(),
            tpp: None,
            tpp_precision: None,
            pd: None,
            datacenter: None,
            memory_bandwidth_gbps: None,
            eccn: determined.and_then(|o| o.eccn.clone()),
            paragraph: determined.and_then(|o| o.paragraph.clone()),
            excluded_by: None,
            determined: determined.is_some(),
            possible: sc.possible.iter().map(label).collect(),
            deciding: sc.deciding.clone(),
            hinges_on_unverified: hinges,
            because,
            system: Some(SystemOf {
                id: sys.id.clone(),
                name: sys.name.clone(),
                contains: contained,
            }),
        }
    }

    /// Checks a shipment of a system: each contained chip under the rules, with the question's
    /// quantity multiplied by its count, then the answers combined (see the module text).
    pub(crate) fn check_system(
        &self,
        req: &CheckRequest,
        snap: &Snapshot,
        sys: &Resolved,
    ) -> Result<CheckAnswer, EngineError> {
        let parties = self.reviewed(&self.parties(req)?, req)?;
        let parts = self.system_parts(snap, sys);
        let contained: Vec<Contained> = parts.iter().map(|p| p.3.clone()).collect();
        let pairs: Vec<(Contained, &Classification)> =
            parts.iter().map(|p| (p.3.clone(), &p.2)).collect();
        let sc = classify_system(snap, &pairs);
        let mut answers = Vec::new();
        for (chip, metrics, cl, c) in &parts {
            let quantity = match req.quantity {
                Some(q) => Some(q.checked_mul(u64::from(c.count)).ok_or_else(|| {
                    EngineError::BadInput(format!("--quantity {q}: too many units"))
                })?),
                None => None,
            };
            let part_req = CheckRequest {
                quantity,
                ..req.clone()
            };
            let d = self.determine(snap, Some(chip), metrics, cl, &part_req, &parties, true)?;
            let n_class = cl.because(snap, metrics).len();
            answers.push((format!("[{} × {}]", c.count, c.name), d, n_class));
        }
        let mut d = combine(answers, &sc);
        d.because.insert(0, Self::contains_step(sys, &contained));
        if sys.confidence == Confidence::Unverified {
            d.hinges_on_unverified
                .push(format!("composition of {}", sys.name));
        }
        d.chip = None;
        d.chip_name = sys.name.clone();
        let determined = sc.determined();
        d.eccn = determined.and_then(|o| o.eccn.clone());
        d.paragraph = determined.and_then(|o| o.paragraph.clone());
        let mut decided = decided_by(d.because.iter().chain(&d.conditions));
        for c in d
            .charges
            .iter()
            .filter(|c| c.verdict == earl_core::step::Verdict::Applies)
        {
            if !decided.contains(&c.entry) {
                decided.push(c.entry.clone());
            }
        }
        d.operative = snap.operative(&decided);
        d.decided_by = decided;
        d.system = Some(SystemOf {
            id: sys.id.clone(),
            name: sys.name.clone(),
            contains: contained,
        });
        self.answer(d, req, parties)
    }
}

/// How many steps at the head of an answer are its jurisdiction steps.
fn jurisdiction_steps(steps: &[Step]) -> usize {
    steps
        .iter()
        .take_while(|s| {
            matches!(
                s.reason,
                Reason::Production { .. }
                    | Reason::Jurisdiction { .. }
                    | Reason::SubjectToEar { .. }
            )
        })
        .count()
}

fn push_new<T: PartialEq + Clone>(out: &mut Vec<T>, items: &[T]) {
    for i in items {
        if !out.contains(i) {
            out.push(i.clone());
        }
    }
}

/// Combines the contained chips' determinations into the system's: a licence is required if
/// any chip needs one (undetermined if none does and one is undetermined), prohibited if any is,
/// the strictest review policy stands, and an exception only if every chip that needs a licence
/// names the same one. The 4A090 steps follow the chips' classification steps.
fn combine(
    answers: Vec<(String, Determination, usize)>,
    sc: &earl_core::system::SystemClassification,
) -> Determination {
    let single = answers.len() == 1;
    let mut iter = answers.into_iter();
    let (label, first, n_class) = iter.next().expect("a system contains at least one chip");
    let rest: Vec<(String, Determination, usize)> = iter.collect();
    let mut d = first.clone();
    let labelled = |steps: &[Step], label: &str| -> Vec<Step> {
        steps
            .iter()
            .map(|s| Step {
                branch: Some(
                    s.branch
                        .clone()
                        .map_or_else(|| label.to_string(), |b| format!("{label}: {b}")),
                ),
                ..s.clone()
            })
            .collect()
    };
    let class_steps = |steps: &[Step], n: usize, label: &str| -> Vec<Step> {
        let mut v = labelled(&steps[..n.min(steps.len())], label);
        for s in &mut v {
            s.decisive = false;
        }
        v
    };
    if single {
        let lead = jurisdiction_steps(&first.because);
        let mut because = first.because[..lead].to_vec();
        because.extend(class_steps(&first.because[lead..], n_class, &label));
        because.extend(sc.steps.iter().cloned());
        because.extend(
            first.because[(lead + n_class).min(first.because.len())..]
                .iter()
                .cloned(),
        );
        d.because = because;
        return d;
    }
    let all: Vec<(String, Determination, usize)> = std::iter::once((label, first, n_class))
        .chain(rest)
        .collect();
    // Whether the EAR reaches each contained chip comes first, then what each is.
    let mut because = Vec::new();
    for (label, a, _) in &all {
        because.extend(labelled(
            &a.because[..jurisdiction_steps(&a.because)],
            label,
        ));
    }
    for (label, a, n) in &all {
        because.extend(class_steps(
            &a.because[jurisdiction_steps(&a.because)..],
            *n,
            label,
        ));
    }
    because.extend(sc.steps.iter().cloned());
    for (label, a, n) in &all {
        let from = (jurisdiction_steps(&a.because) + n).min(a.because.len());
        because.extend(labelled(&a.because[from..], label));
    }
    d.because = because;
    // Subject only when every contained chip is, not subject only when none is.
    d.subject_to_ear = if all.iter().all(|(_, a, _)| a.subject_to_ear == Some(true)) {
        Some(true)
    } else if all.iter().all(|(_, a, _)| a.subject_to_ear == Some(false)) {
        Some(false)
    } else {
        None
    };
    d.license_required = if all.iter().any(|(_, a, _)| a.license_required == Some(true)) {
        Some(true)
    } else if all
        .iter()
        .all(|(_, a, _)| a.license_required == Some(false))
    {
        Some(false)
    } else {
        None
    };
    // Any contained chip prohibited makes the system so; one that cannot tell leaves it open.
    d.prohibited = if all.iter().any(|(_, a, _)| a.prohibited == Some(true)) {
        Some(true)
    } else if all.iter().all(|(_, a, _)| a.prohibited == Some(false)) {
        Some(false)
    } else {
        None
    };
    let needing: Vec<&Determination> = all
        .iter()
        .map(|(_, a, _)| a)
        .filter(|a| a.license_required != Some(false))
        .collect();
    d.review_policy = needing.iter().filter_map(|a| a.review_policy).max();
    d.license_exception = match needing.first() {
        Some(f)
            if needing
                .iter()
                .all(|a| a.license_exception == f.license_exception) =>
        {
            f.license_exception.clone()
        }
        _ => None,
    };
    d.conditions = Vec::new();
    d.charges = Vec::new();
    d.notices = Vec::new();
    d.not_checked = Vec::new();
    d.possible_outcomes = Vec::new();
    d.deciding = Vec::new();
    d.hinges_on_unverified = Vec::new();
    for (_, a, _) in &all {
        push_new(&mut d.conditions, &a.conditions);
        push_new(&mut d.charges, &a.charges);
        push_new(&mut d.notices, &a.notices);
        push_new(&mut d.not_checked, &a.not_checked);
        push_new(&mut d.possible_outcomes, &a.possible_outcomes);
        push_new(&mut d.deciding, &a.deciding);
        push_new(&mut d.hinges_on_unverified, &a.hinges_on_unverified);
    }
    d
}
