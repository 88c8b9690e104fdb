//! Human-readable output: the decision first, then the reasons with their citations.

use earl_core::metrics::fmt_num;
use earl_core::step::Step;

/// Prints numbered steps, each followed by its citation.
pub fn steps(title: &str, steps: &[Step]) {
    let _ = earl_render::human::steps(&mut std::io::stdout().lock(), title, steps);
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
