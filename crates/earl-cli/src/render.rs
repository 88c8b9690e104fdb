//! Human-readable output: the decision first, then the reasons with their citations.

use earl_core::cite::Step;
use earl_core::metrics::fmt_num;

/// Prints numbered steps, each followed by its citation.
pub fn steps(title: &str, steps: &[Step]) {
    if steps.is_empty() {
        return;
    }
    println!("\n{title}:");
    for (i, s) in steps.iter().enumerate() {
        println!("  {:>2}. {}", i + 1, s.text);
        let mark = match s.confidence {
            Some(earl_core::cite::Confidence::Unverified) => " [UNVERIFIED]",
            _ => "",
        };
        println!("      — {}{mark}", s.cite);
    }
}

pub fn opt_num(v: Option<f64>) -> String {
    v.map_or_else(|| "unknown".into(), fmt_num)
}

pub fn opt_pd(v: Option<f64>) -> String {
    v.map_or_else(|| "unknown".into(), |v| format!("{v:.2}"))
}

pub fn yes_no(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "yes",
        Some(false) => "no",
        None => "unknown",
    }
}
