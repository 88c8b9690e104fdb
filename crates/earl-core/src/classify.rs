//! Classification under ECCN 3A090: which paragraph, if any, an item falls in on a date.
//!
//! Exclusions (Note 2) are tested first, then paragraphs in the order the snapshot lists them;
//! the first paragraph met decides. A paragraph whose figures are unknown keeps every later
//! outcome possible, so an answer is either determined or lists the outcomes still possible and
//! the figures that would decide between them.

use crate::cite::Step;
use crate::metrics::{MetricName, MetricValue, Metrics, fmt_num};
use crate::rules::{Evaluator, Facts, Paragraph, Snapshot};
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
        Outcome { eccn: None, paragraph: None, excluded_by: None }
    }

    pub fn label(&self) -> String {
        match (&self.paragraph, &self.excluded_by) {
            (Some(p), _) => p.clone(),
            (None, Some(x)) => format!("not 3A090 ({x})"),
            (None, None) => "not 3A090".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Classification {
    pub regime: String,
    /// The outcomes still possible; exactly one when the classification is determined.
    pub possible: Vec<Outcome>,
    /// Figures that would decide between the possible outcomes.
    pub deciding: Vec<String>,
    /// Figures the outcome rests on that the source marks unverified.
    pub hinges_on_unverified: Vec<String>,
    pub because: Vec<Step>,
}

impl Classification {
    pub fn determined(&self) -> Option<&Outcome> {
        match self.possible.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// Classifies an item with `metrics` under the rules of `snapshot`.
pub fn classify(snapshot: &Snapshot, metrics: &Metrics, eval: &Evaluator) -> Classification {
    let mut because = metrics.steps.clone();
    let mut possible = Vec::new();
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
        controls: &[],
        review: None,
        lists: &[],
    };
    let paragraphs = &snapshot.entries.paragraph;
    if paragraphs.is_empty() {
        because.push(Step::computed(
            format!(
                "No ECCN 3A090 existed on {}: it was created by the rule effective 2022-10-07 (87 FR 62186).",
                snapshot.date
            ),
            "87 FR 62186 (Oct. 13, 2022), FR Doc 2022-21658",
        ));
        return Classification {
            regime: snapshot.regime.clone(),
            possible: vec![Outcome::none()],
            deciding,
            hinges_on_unverified: Vec::new(),
            because,
        };
    }

    let mut settled = false;
    for x in &snapshot.entries.exclusion {
        match eval.eval(&x.when, &facts) {
            Tri::True => {
                because.push(Step::new(format!("{}: applies — {}", x.id, x.text), &x.cite));
                possible.push(Outcome { excluded_by: Some(x.id.clone()), ..Outcome::none() });
                collect_metrics(&x.when.metrics, &mut used);
                if x.when.datacenter.is_some() {
                    used.push(MetricName::Tpp);
                }
                settled = true;
                break;
            }
            Tri::Unknown => {
                because.push(Step::new(format!("{}: cannot tell whether it applies — {}", x.id, x.text), &x.cite));
                if metrics.datacenter.is_none() {
                    deciding.push("whether the item is designed or marketed for use in datacenters".into());
                }
                possible.push(Outcome { excluded_by: Some(x.id.clone()), ..Outcome::none() });
            }
            Tri::False => {
                because.push(Step::new(format!("{}: does not apply — {}", x.id, x.text), &x.cite));
                collect_metrics(&x.when.metrics, &mut used);
            }
        }
    }
    if !settled {
        for p in paragraphs {
            let (verdict, text) = test_paragraph(p, metrics);
            because.push(Step::new(text, &p.cite));
            match verdict {
                Tri::True => {
                    possible.push(Outcome { eccn: Some(p.eccn.clone()), paragraph: Some(p.id.clone()), excluded_by: None });
                    collect_metrics(&p.all, &mut used);
                    settled = true;
                    break;
                }
                Tri::Unknown => {
                    possible.push(Outcome { eccn: Some(p.eccn.clone()), paragraph: Some(p.id.clone()), excluded_by: None });
                    for th in &p.all {
                        if matches!(metrics.value(th.metric, None, None), MetricValue::Unknown | MetricValue::Between(..))
                            && !deciding.iter().any(|d| d.starts_with(th.metric.label()))
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

    let determined = possible.len() == 1;
    if determined {
        for (name, label) in [(MetricName::Pd, "PD"), (MetricName::Tpp, "TPP")] {
            if metrics.value(name, None, None) == MetricValue::Unknown && metrics.kind == crate::chip::ChipKind::Accelerator {
                because.push(Step::computed(
                    format!("{label} is unknown, but it cannot change this outcome: the paragraphs that decide it do not depend on {label}."),
                    "earl: three-valued evaluation of the 3A090 paragraphs",
                ));
            }
        }
        if let Some(o) = possible.first() {
            because.push(Step::computed(format!("Classification: {}.", o.label()), "earl: first paragraph met, in the order of ECCN 3A090"));
        }
    } else {
        let labels: Vec<String> = possible.iter().map(Outcome::label).collect();
        because.push(Step::computed(
            format!("Classification undetermined: could be {}; decided by {}.", labels.join(" or "), deciding.join(" and ")),
            "earl: three-valued evaluation of the 3A090 paragraphs",
        ));
    }
    let hinges_on_unverified = metrics
        .unverified
        .iter()
        .filter(|m| match **m {
            "tpp" => used.contains(&MetricName::Tpp) || used.contains(&MetricName::Pd),
            "pd" => used.contains(&MetricName::Pd),
            "datacenter" => !snapshot.entries.exclusion.is_empty(),
            "chip_to_chip_gbps" => used.contains(&MetricName::IoAggregateGbps),
            "memory_bandwidth_gbps" => used.contains(&MetricName::MemoryBandwidthGbps),
            _ => false,
        })
        .map(|m| m.to_string())
        .collect::<Vec<_>>();
    if !hinges_on_unverified.is_empty() {
        because.push(Step::computed(
            format!("This result rests on figures the sources mark unverified: {}.", hinges_on_unverified.join(", ")),
            "catalog figures marked unverified (shared/reference/chips.md)",
        ));
    }
    Classification { regime: snapshot.regime.clone(), possible, deciding, hinges_on_unverified, because }
}

fn collect_metrics(ths: &[crate::rules::Threshold], used: &mut Vec<MetricName>) {
    used.extend(ths.iter().map(|t| t.metric));
}

fn deciding_figure(m: MetricName) -> String {
    match m {
        MetricName::Pd => "PD (the applicable die area is unknown)".into(),
        MetricName::Tpp => "TPP (dense throughput is unknown)".into(),
        MetricName::IoAggregateGbps => "aggregate bidirectional I/O (host-link bandwidth is not in the catalog)".into(),
        other => format!("{} (unknown)", other.label()),
    }
}

/// Tests one paragraph, with a sentence that shows every figure compared.
fn test_paragraph(p: &Paragraph, metrics: &Metrics) -> (Tri, String) {
    if p.kind != metrics.kind {
        return (Tri::False, format!("{} ({}): does not apply to this kind of item", p.id, p.text));
    }
    let mut verdict = Tri::True;
    let mut parts = Vec::new();
    for th in &p.all {
        let v = metrics.value(th.metric, None, None);
        let t = th.eval(v);
        verdict = verdict.and(t);
        let shown = match v {
            MetricValue::Exact(x) => fmt_value(th.metric, x),
            MetricValue::Between(lo, hi) => format!("between {} and {}", fmt_num(lo), fmt_num(hi)),
            MetricValue::Unknown => "unknown".into(),
            MetricValue::NotApplicable => "not applicable".into(),
        };
        let mark = match t {
            Tri::True => "met",
            Tri::False => "not met",
            Tri::Unknown => "cannot tell",
        };
        parts.push(format!("{} {shown} {} {}: {mark}", th.metric.label(), th.op.symbol(), fmt_value(th.metric, th.value)));
    }
    let head = match verdict {
        Tri::True => "met",
        Tri::False => "not met",
        Tri::Unknown => "undetermined",
    };
    (verdict, format!("{} ({}): {head} — {}", p.id, p.text, parts.join("; ")))
}

fn fmt_value(m: MetricName, x: f64) -> String {
    match m {
        MetricName::Pd | MetricName::HbmDensity => format!("{x:.2}"),
        MetricName::FrontierShare => format!("{:.1} %", x * 100.0),
        _ => fmt_num(x),
    }
}
