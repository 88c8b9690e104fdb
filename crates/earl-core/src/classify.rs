//! Classification under ECCN 3A090: which paragraph, if any, an item falls in on a date.
//!
//! Exclusions (Note 2) are tested first, then paragraphs in the order the snapshot lists them;
//! the first paragraph met decides. A paragraph whose figures are unknown keeps every later
//! outcome possible, so an answer is either determined or lists the outcomes still possible and
//! the figures that would decide between them.

use crate::metrics::{MetricName, MetricValue, Metrics};
use crate::rules::{Evaluator, Facts, Paragraph, Snapshot};
use crate::step::{Comparison, Reason, Shown, Step};
use crate::tri::Tri;
use serde::Serialize;

/// One outcome of classification: the paragraph met, or none (`paragraph: None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub eccn: Option<String>,
    pub paragraph: Option<String>,
    /// The exclusion that took the item out of 3A090, if one did.
    pub excluded_by: Option<String>,
}

impl Outcome {
    fn none() -> Outcome {
        Outcome {
            eccn: None,
            paragraph: None,
            excluded_by: None,
        }
    }

    pub fn label(&self) -> String {
        match (&self.paragraph, &self.excluded_by) {
            (Some(p), _) => p.clone(),
            (None, Some(x)) => format!("not 3A090 ({x})"),
            (None, None) => "not 3A090".into(),
        }
    }
}

/// One step of the evaluation, kept structured so that classification itself allocates little;
/// [`Classification::because`] renders the steps as text with their citations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Traced {
    /// No 3A090 paragraph was in force on the date.
    NoRules,
    /// Exclusion `index` of the snapshot was evaluated.
    Exclusion { index: usize, verdict: Tri },
    /// Paragraph `index` of the snapshot was evaluated.
    Paragraph { index: usize, verdict: Tri },
    /// A metric was unknown but did not matter.
    Irrelevant(MetricName),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Classification {
    pub regime: String,
    /// The outcomes still possible; exactly one when the classification is determined.
    pub possible: Vec<Outcome>,
    /// Figures that would decide between the possible outcomes.
    pub deciding: Vec<String>,
    /// Figures the outcome rests on that the source marks unverified.
    pub hinges_on_unverified: Vec<&'static str>,
    #[serde(skip)]
    pub trace: Vec<Traced>,
}

impl Classification {
    pub fn determined(&self) -> Option<&Outcome> {
        match self.possible.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    /// The explanation: how the metrics were computed, each exclusion and paragraph tested with
    /// the figures compared, and the conclusion, every step with its citation. The paragraph met
    /// (or the exclusion that applied) is decisive.
    pub fn because(&self, snapshot: &Snapshot, metrics: &Metrics) -> Vec<Step> {
        let mut because = metrics.steps.clone();
        let settled = self.determined();
        for t in &self.trace {
            match *t {
                Traced::NoRules => because.push(Step::computed(
                    Reason::No3a090,
                    "87 FR 62186 (Oct. 13, 2022), FR Doc 2022-21658: ECCN 3A090 effective 2022-10-07",
                )),
                Traced::Exclusion { index, verdict } => {
                    let x = &snapshot.entries.exclusion[index];
                    let step = Step::entry(
                        Reason::Exclusion {
                            verdict: verdict.into(),
                            rule: x.text.clone(),
                        },
                        &x.id,
                        &x.cite,
                    );
                    let decisive = settled.is_some_and(|o| o.excluded_by.as_deref() == Some(&x.id));
                    because.push(if decisive { step.decisive() } else { step });
                }
                Traced::Paragraph { index, verdict } => {
                    let p = &snapshot.entries.paragraph[index];
                    if p.all.iter().any(|t| t.metric == MetricName::IoAggregateGbps) {
                        because.extend(metrics.io_bound_step());
                    }
                    let step = Step::entry(
                        Reason::Paragraph {
                            verdict: verdict.into(),
                            rule: p.text.clone(),
                            applicable: p.kind == metrics.kind,
                            tests: comparisons(p, metrics),
                        },
                        &p.id,
                        &p.cite,
                    );
                    let decisive = settled.is_some_and(|o| o.paragraph.as_deref() == Some(&p.id));
                    because.push(if decisive { step.decisive() } else { step });
                }
                Traced::Irrelevant(metric) => because.push(Step::computed(
                    Reason::UnknownIrrelevant { metric },
                    "earl: three-valued evaluation of the 3A090 paragraphs",
                )),
            }
        }
        match settled {
            Some(o) => because.push(Step::computed(
                Reason::Classified { outcome: o.label() },
                "earl: first paragraph met, in the order of ECCN 3A090",
            )),
            None => because.push(Step::computed(
                Reason::ClassificationOpen {
                    possible: self.possible.iter().map(Outcome::label).collect(),
                    deciding: self.deciding.clone(),
                },
                "earl: three-valued evaluation of the 3A090 paragraphs",
            )),
        }
        if !self.hinges_on_unverified.is_empty() {
            because.push(Step::computed(
                Reason::RestsOnUnverified {
                    figures: self
                        .hinges_on_unverified
                        .iter()
                        .map(|s| s.to_string())
                        .collect(),
                },
                "catalog figures marked unverified (shared/reference/chips.md)",
            ));
        }
        because
    }
}

/// Classifies an item with `metrics` under the rules of `snapshot`.
pub fn classify(snapshot: &Snapshot, metrics: &Metrics, eval: &Evaluator) -> Classification {
    let mut trace = Vec::with_capacity(4);
    let mut possible = Vec::with_capacity(1);
    let mut deciding = Vec::new();
    let mut used: Vec<MetricName> = Vec::new();
    let facts = Facts {
        date: snapshot.date,
        classification: None,
        chip_id: None,
        vendor: None,
        metrics,
        frontier_tpp: None,
        quantity: None,
        destination: None,
        hq: None,
        export_from_us: true,
        ownership_given: false,
        system: false,
        controls: &[],
        review: None,
        review_open: &[],
        lists: &[],
        el_footnotes: &[],
        us_available: crate::tri::Tri::Unknown,
    };
    let paragraphs = &snapshot.entries.paragraph;
    if paragraphs.is_empty() {
        trace.push(Traced::NoRules);
        return Classification {
            regime: snapshot.regime.clone(),
            possible: vec![Outcome::none()],
            deciding,
            hinges_on_unverified: Vec::new(),
            trace,
        };
    }

    let mut settled = false;
    for (index, x) in snapshot.entries.exclusion.iter().enumerate() {
        let verdict = eval.eval(&x.when, &facts);
        trace.push(Traced::Exclusion { index, verdict });
        match verdict {
            Tri::True => {
                possible.push(Outcome {
                    excluded_by: Some(x.id.clone()),
                    ..Outcome::none()
                });
                collect_metrics(&x.when.metrics, &mut used);
                settled = true;
                break;
            }
            Tri::Unknown => {
                if metrics.datacenter.is_none() {
                    deciding.push(
                        "whether the item is designed or marketed for use in datacenters".into(),
                    );
                }
                possible.push(Outcome {
                    excluded_by: Some(x.id.clone()),
                    ..Outcome::none()
                });
            }
            Tri::False => collect_metrics(&x.when.metrics, &mut used),
        }
    }
    if !settled {
        for (index, p) in paragraphs.iter().enumerate() {
            let verdict = test_paragraph(p, metrics);
            trace.push(Traced::Paragraph { index, verdict });
            match verdict {
                Tri::True => {
                    possible.push(Outcome {
                        eccn: Some(p.eccn.clone()),
                        paragraph: Some(p.id.clone()),
                        excluded_by: None,
                    });
                    collect_metrics(&p.all, &mut used);
                    settled = true;
                    break;
                }
                Tri::Unknown => {
                    possible.push(Outcome {
                        eccn: Some(p.eccn.clone()),
                        paragraph: Some(p.id.clone()),
                        excluded_by: None,
                    });
                    for th in &p.all {
                        if matches!(
                            metrics.value(th.metric, None, None),
                            MetricValue::Unknown | MetricValue::Between(..)
                        ) && !deciding.iter().any(|d| d.starts_with(th.metric.label()))
                        {
                            deciding.push(deciding_figure(th.metric));
                        }
                    }
                }
                Tri::False => collect_metrics(&p.all, &mut used),
            }
        }
    }
    if !settled {
        possible.push(Outcome::none());
    }
    possible.dedup();

    if possible.len() == 1 && metrics.kind == crate::chip::ChipKind::Accelerator {
        for name in [MetricName::Pd, MetricName::Tpp] {
            if metrics.value(name, None, None) == MetricValue::Unknown {
                trace.push(Traced::Irrelevant(name));
            }
        }
    }
    let hinges_on_unverified = metrics
        .unverified
        .iter()
        .copied()
        .filter(|m| match *m {
            "tpp" => used.contains(&MetricName::Tpp) || used.contains(&MetricName::Pd),
            "pd" => used.contains(&MetricName::Pd),
            "datacenter" => !snapshot.entries.exclusion.is_empty(),
            "chip_to_chip_gbps" => used.contains(&MetricName::IoAggregateGbps),
            "memory_bandwidth_gbps" => used.contains(&MetricName::MemoryBandwidthGbps),
            _ => false,
        })
        .collect();
    Classification {
        regime: snapshot.regime.clone(),
        possible,
        deciding,
        hinges_on_unverified,
        trace,
    }
}

fn collect_metrics(ths: &[crate::rules::Threshold], used: &mut Vec<MetricName>) {
    used.extend(ths.iter().map(|t| t.metric));
}

fn deciding_figure(m: MetricName) -> String {
    match m {
        MetricName::Pd => "PD (the applicable die area is unknown)".into(),
        MetricName::Tpp => "TPP (dense throughput is unknown)".into(),
        MetricName::IoAggregateGbps => {
            "aggregate bidirectional I/O (host-link bandwidth is not in the catalog)".into()
        }
        other => format!("{} (unknown)", other.label()),
    }
}

/// Whether an item meets a paragraph.
fn test_paragraph(p: &Paragraph, metrics: &Metrics) -> Tri {
    if p.kind != metrics.kind {
        return Tri::False;
    }
    Tri::all(
        p.all
            .iter()
            .map(|th| th.eval(metrics.value(th.metric, None, None))),
    )
}

/// Every threshold of a paragraph compared with the item's figure.
fn comparisons(p: &Paragraph, metrics: &Metrics) -> Vec<Comparison> {
    if p.kind != metrics.kind {
        return Vec::new();
    }
    p.all
        .iter()
        .map(|th| {
            let v = metrics.value(th.metric, None, None);
            Comparison {
                metric: th.metric,
                value: match v {
                    MetricValue::Exact(x) => Shown::Exact(x),
                    MetricValue::Between(lo, hi) => Shown::Between(lo, hi),
                    MetricValue::Unknown => Shown::Unknown,
                    MetricValue::NotApplicable => Shown::NotApplicable,
                },
                op: th.op.as_str(),
                threshold: th.value,
                verdict: th.eval(v).into(),
            }
        })
        .collect()
}
