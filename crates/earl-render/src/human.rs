//! The human output of every command: the decision first, then the reasons with their
//! citations. Every printer writes to any `io::Write` and expects an answer already explained
//! ([`crate::Explain`]).

use crate::prose::{num, policy_name};
use earl_core::cite::Confidence;
use earl_core::step::{Step, Verdict};
use earl_engine::CheckAnswer;
use std::io::{self, Write};

/// Numbered steps, each followed by its citation.
pub fn steps(w: &mut dyn Write, title: &str, steps: &[Step]) -> io::Result<()> {
    if steps.is_empty() {
        return Ok(());
    }
    writeln!(w, "\n{title}:")?;
    for (i, s) in steps.iter().enumerate() {
        writeln!(w, "  {:>2}. {}", i + 1, s.text)?;
        let mark = match s.confidence {
            Confidence::Unverified => " [UNVERIFIED]",
            _ => "",
        };
        writeln!(w, "      — {}{mark}", s.cite)?;
    }
    Ok(())
}

/// The one-line verdict of a determination.
pub fn verdict(d: &earl_core::check::Determination) -> String {
    match (d.prohibited, d.license_required, &d.license_exception) {
        (true, _, _) => "PROHIBITED — no licence or exception can authorise it".into(),
        (false, Some(true), Some(x)) => {
            format!("LICENCE REQUIRED, but License Exception {x} can authorise it (see its conditions)")
        }
        (false, Some(true), None) => "LICENCE REQUIRED".into(),
        (false, Some(false), _) => "no licence required by the rules earl evaluates".into(),
        (false, None, _) => "UNDETERMINED — see what would decide it".into(),
    }
}

/// `earl check`.
pub fn check(w: &mut dyn Write, a: &CheckAnswer) -> io::Result<()> {
    let d = &a.determination;
    let dest = match &d.treated_as {
        Some(t) => format!("{} (treated as {t})", d.destination),
        None => d.destination.clone(),
    };
    writeln!(
        w,
        "{} → {dest} from {} on {}: {}",
        d.chip_name,
        d.from,
        d.date,
        verdict(d)
    )?;
    let classification = match (&d.paragraph, &d.eccn) {
        (Some(p), _) => p.clone(),
        (None, _) if !d.possible_outcomes.is_empty() => "undetermined".into(),
        _ => "not 3A090".into(),
    };
    let scenario = d
        .scenario
        .as_deref()
        .map(|s| format!(", scenario {s}"))
        .unwrap_or_default();
    writeln!(
        w,
        "  classification: {classification} · rule version {}{scenario}",
        d.regime
    )?;
    if let Some(x) = &d.license_exception {
        writeln!(w, "  licence exception: {x}")?;
    }
    if let Some(p) = d.review_policy {
        writeln!(w, "  review policy: {}", policy_name(p))?;
    }
    for o in &d.possible_outcomes {
        let lic = match o.license_required {
            Some(true) => "required",
            Some(false) => "not required",
            None => "undetermined",
        };
        writeln!(
            w,
            "  if {}: licence {lic} · exception {} · review {}",
            o.classification,
            o.license_exception.as_deref().unwrap_or("none"),
            o.review_policy.map_or("none", policy_name)
        )?;
    }
    for d in &d.deciding {
        writeln!(w, "  decided by: {d}")?;
    }
    for m in d.end_user_matches.iter().chain(&d.owner_matches) {
        let alias = if m.matched_name == m.name {
            String::new()
        } else {
            format!(" (as “{}”)", m.matched_name)
        };
        writeln!(
            w,
            "  “{}” matches {}{alias} on {} — score {:.2}",
            m.party, m.name, m.list, m.score
        )?;
    }
    for c in &d.charges {
        let may = if c.verdict == Verdict::Undetermined {
            " (may apply)"
        } else {
            ""
        };
        writeln!(
            w,
            "  charge{may}: {}% {} — {}",
            num(c.rate * 100.0),
            c.kind.replace('_', " "),
            c.text
        )?;
    }
    steps(w, "Conditions", &d.conditions)?;
    steps(w, "Why", &d.because)?;
    steps(w, "Notices", &d.notices)?;
    steps(w, "Not checked — yours to check", &d.not_checked)?;
    writeln!(
        w,
        "\nThis is a determination under earl's encoded rules, not a clearance or legal advice."
    )
}
