//! Systems: boards, servers and racks that contain accelerators (ECCN 4A090 candidates), as
//! `data/systems.toml` describes them — each naming its catalog chips and their count, with the
//! source of that composition.

use crate::cite::Cite;
use serde::{Deserialize, Serialize};

/// How many of one catalog chip a system contains, counted in accelerator packages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// Catalog chip id.
    pub chip: String,
    pub count: u32,
}

/// One system of the catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct System {
    pub id: String,
    pub vendor: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// `board`, `server` or `rack`.
    pub form: String,
    /// A part made for the China market (H20, H800, A800 boards).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub china_variant: bool,
    pub contains: Vec<Part>,
    /// The source of the composition, with its confidence.
    pub cite: Cite,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// One contained chip as an answer about a system shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contained {
    pub chip: String,
    pub name: String,
    pub count: u32,
    /// The chip's 3A090 paragraph, or null when not 3A090 or undetermined.
    pub paragraph: Option<String>,
}

/// What an answer about a system says the system is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SystemOf {
    /// Catalog system id, or null for a system given with `--contains`.
    pub id: Option<String>,
    pub name: String,
    pub contains: Vec<Contained>,
}

/// A system's classification under ECCN 4A090, from its contained chips' 3A090 classifications.
#[derive(Debug, Clone, PartialEq)]
pub struct SystemClassification {
    /// The outcomes still possible; exactly one when determined. `paragraph` is the 4A090
    /// paragraph's id.
    pub possible: Vec<crate::classify::Outcome>,
    pub deciding: Vec<String>,
    /// The 4A090 steps (after the contained chips' own steps).
    pub steps: Vec<crate::step::Step>,
}

impl SystemClassification {
    pub fn determined(&self) -> Option<&crate::classify::Outcome> {
        match self.possible.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// Classifies a system under the 4A090 paragraphs of `snapshot`, in their order: a paragraph
/// applies when a contained chip is determined under one of the 3A090 paragraphs it names, and
/// is undetermined when a contained chip could be. The first paragraph that applies decides;
/// an undetermined one before it keeps it possible. An IC is judged by itself (per contained
/// IC), as the Technical Note to 3A090 defines TPP for an integrated circuit.
pub fn classify_system(
    snapshot: &crate::rules::Snapshot,
    parts: &[(Contained, &crate::classify::Classification)],
) -> SystemClassification {
    use crate::classify::Outcome;
    use crate::step::{Reason, Step, Verdict};
    let mut possible = Vec::new();
    let mut deciding: Vec<String> = Vec::new();
    let mut steps = Vec::new();
    let mut settled = false;
    for a in &snapshot.entries.assembly {
        let mut by_sure = Vec::new();
        let mut by_maybe = Vec::new();
        for (c, cl) in parts {
            let label = |p: &str| format!("{} × {} ({p})", c.count, c.name);
            match cl.determined() {
                Some(o) => {
                    if let Some(p) = o.paragraph.as_deref().filter(|p| a.covers(p)) {
                        by_sure.push(label(p));
                    }
                }
                None => {
                    if let Some(p) = cl
                        .possible
                        .iter()
                        .filter_map(|o| o.paragraph.as_deref())
                        .find(|p| a.covers(p))
                    {
                        by_maybe.push(label(&format!("possibly {p}")));
                        for d in &cl.deciding {
                            let d = format!("{}: {d}", c.name);
                            if !deciding.contains(&d) {
                                deciding.push(d);
                            }
                        }
                    }
                }
            }
        }
        let outcome = Outcome {
            eccn: Some(a.eccn.clone()),
            paragraph: Some(a.id.clone()),
            excluded_by: None,
        };
        if !by_sure.is_empty() {
            steps.push(
                Step::entry(
                    Reason::Assembly {
                        verdict: Verdict::Applies,
                        rule: a.text.clone(),
                        by: by_sure,
                    },
                    &a.id,
                    &a.cite,
                )
                .decisive(),
            );
            possible.push(outcome);
            settled = true;
            break;
        }
        if !by_maybe.is_empty() {
            steps.push(Step::entry(
                Reason::Assembly {
                    verdict: Verdict::Undetermined,
                    rule: a.text.clone(),
                    by: by_maybe,
                },
                &a.id,
                &a.cite,
            ));
            possible.push(outcome);
        } else {
            steps.push(Step::entry(
                Reason::Assembly {
                    verdict: Verdict::DoesNotApply,
                    rule: a.text.clone(),
                    by: Vec::new(),
                },
                &a.id,
                &a.cite,
            ));
        }
    }
    if !settled {
        possible.push(Outcome {
            eccn: None,
            paragraph: None,
            excluded_by: None,
        });
    }
    let label = |o: &Outcome| o.paragraph.clone().unwrap_or_else(|| "not 4A090".into());
    let cite = "earl: first 4A090 paragraph met, in the order of ECCN 4A090, each contained IC judged by itself";
    match possible.as_slice() {
        [one] => steps.push(Step::computed(
            Reason::Classified {
                outcome: label(one),
            },
            cite,
        )),
        _ => steps.push(Step::computed(
            Reason::ClassificationOpen {
                possible: possible.iter().map(label).collect(),
                deciding: deciding.clone(),
            },
            cite,
        )),
    }
    SystemClassification {
        possible,
        deciding,
        steps,
    }
}
