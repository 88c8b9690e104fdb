//! `earl screen`, `earl match` and `earl lists`.

use crate::app::{App, Failure, print_json};
use clap::Args;
use earl_screen::{ListCode, Match, Query};
use serde_json::json;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(Args)]
pub struct ScreenArgs {
    /// The party's name, in any script.
    #[arg(required_unless_present = "batch")]
    pub name: Option<String>,
    /// Keep only entries with an address in this country (ISO code).
    #[arg(long)]
    pub country: Option<String>,
    /// Screen only these lists, e.g. EL,MEU,SDN.
    #[arg(long, value_delimiter = ',')]
    pub lists: Vec<String>,
    /// Minimum score of a match, in [0, 1].
    #[arg(long, allow_negative_numbers = true)]
    pub threshold: Option<f64>,
    /// Also show the best entries below the threshold.
    #[arg(long)]
    pub all: bool,
    /// Screen every row of this CSV (column `name`, optional `country`).
    #[arg(long, value_name = "FILE", conflicts_with = "name")]
    pub batch: Option<PathBuf>,
    /// Where batch results go (JSON Lines; default stdout).
    #[arg(long, value_name = "FILE", requires = "batch")]
    pub out: Option<PathBuf>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct MatchArgs {
    pub first: String,
    pub second: String,
    #[arg(long)]
    pub threshold: Option<f64>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct ListsArgs {
    /// Warn when the lists are older than this many days.
    #[arg(long = "max-age-days", default_value_t = earl_screen::DEFAULT_MAX_AGE_DAYS)]
    pub max_age_days: u32,
    #[arg(long)]
    pub json: bool,
}

fn threshold(t: Option<f64>) -> Result<Option<f64>, Failure> {
    match t {
        Some(v) if !(0.0..=1.0).contains(&v) => Err(Failure::input(format!(
            "--threshold {v} must be between 0 and 1"
        ))),
        other => Ok(other),
    }
}

fn query(a: &ScreenArgs, name: &str, country: Option<String>) -> Result<Query, Failure> {
    let lists = if a.lists.is_empty() {
        None
    } else {
        Some(
            a.lists
                .iter()
                .map(|l| {
                    l.parse::<ListCode>().map_err(|_| {
                        let known: Vec<&str> = ListCode::KNOWN.iter().map(|c| c.as_str()).collect();
                        Failure::input(format!("unknown list `{l}` (known: {})", known.join(", ")))
                    })
                })
                .collect::<Result<Vec<_>, _>>()?,
        )
    };
    if name.trim().is_empty() {
        return Err(Failure::input("the name to screen is empty"));
    }
    Ok(Query {
        name: name.to_string(),
        country,
        lists,
        threshold: threshold(a.threshold)?,
        include_below: a.all,
    })
}

pub fn screen(app: &App, a: &ScreenArgs) -> Result<(), Failure> {
    let engine = app.engine()?;
    let screening = engine.screening()?;
    if let Some(batch) = &a.batch {
        return screen_batch(app, a, batch);
    }
    let name = a.name.clone().unwrap_or_default();
    let result = screening
        .screener
        .screen(&query(a, &name, a.country.clone())?);
    let answer = json!({
        "query": result.query,
        "threshold": result.threshold,
        "lists": screening.lists.provenance,
        "staleness_warning": earl_screen::staleness_warning(&screening.lists.provenance, earl_engine::today(), earl_screen::DEFAULT_MAX_AGE_DAYS),
        "count_drop_warnings": count_drops(&screening.lists.provenance),
        "matches": result.matches,
    });
    app.record("screen", json!({"name": name, "country": a.country, "lists": a.lists, "threshold": a.threshold, "all": a.all}), &answer)?;
    if a.json {
        return print_json(&answer);
    }
    if let Some(w) = answer["staleness_warning"].as_str() {
        println!("warning: {w}");
    }
    for w in answer["count_drop_warnings"]
        .as_array()
        .into_iter()
        .flatten()
    {
        println!("warning: {}", w.as_str().unwrap_or_default());
    }
    let shown: Vec<&Match> = result.matches.iter().collect();
    if shown.iter().all(|m| m.below_threshold) {
        println!(
            "No match at or above {:.2} for “{}”.",
            result.threshold, result.query
        );
    }
    for m in shown {
        let below = if m.below_threshold {
            " (below threshold)"
        } else {
            ""
        };
        println!(
            "{:.2}  {} [{}] {}{below}",
            m.score,
            m.name,
            m.list.as_str(),
            m.entity_number.as_deref().unwrap_or("")
        );
        if m.matched_name != m.name {
            println!("      matched alias: {}", m.matched_name);
        }
        if !m.countries.is_empty() {
            println!("      countries: {}", m.countries.join(", "));
        }
        println!("      effect: {} — {}", m.effect.text, m.effect.cite);
        if let Some(p) = &m.license_policy {
            println!("      licence policy: {p}");
        }
        let pairs: Vec<String> = m
            .explain
            .pairs
            .iter()
            .map(|p| format!("{}≈{} ({:.2})", p.query, p.list, p.similarity))
            .collect();
        if !pairs.is_empty() {
            println!("      why: {}", pairs.join(", "));
        }
    }
    println!(
        "\nLists: {} generated {}. A match is a lead to review, not a determination.",
        screening.lists.provenance.source_file, screening.lists.provenance.generated
    );
    Ok(())
}

fn screen_batch(app: &App, a: &ScreenArgs, path: &std::path::Path) -> Result<(), Failure> {
    let engine = app.engine()?;
    let screening = engine.screening()?;
    let p = &screening.lists.provenance;
    let stale =
        earl_screen::staleness_warning(p, earl_engine::today(), earl_screen::DEFAULT_MAX_AGE_DAYS);
    for w in stale.into_iter().chain(count_drops(p)) {
        eprintln!("earl: warning: {w}");
    }
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::input(format!("{}: cannot open: {e}", path.display())))?;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(file);
    let headers = reader
        .headers()
        .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?
        .clone();
    let name_col = headers.iter().position(|h| h == "name").ok_or_else(|| {
        Failure::input(format!("{}: line 1: missing column `name`", path.display()))
    })?;
    let country_col = headers.iter().position(|h| h == "country");
    let mut out: Box<dyn Write> = match &a.out {
        Some(p) => Box::new(std::io::BufWriter::new(std::fs::File::create(p).map_err(
            |e| Failure::input(format!("{}: cannot create: {e}", p.display())),
        )?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let bar = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new_spinner()
    } else {
        indicatif::ProgressBar::hidden()
    };
    let (mut rows, mut hits, mut failed) = (0u64, 0u64, 0u64);
    for record in reader.records() {
        rows += 1;
        let line = rows + 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                failed += 1;
                eprintln!("earl: {}: line {line}: unreadable row: {e}", path.display());
                writeln!(out, "{}", json!({"row": line, "error": e.to_string()}))?;
                continue;
            }
        };
        let name = record.get(name_col).unwrap_or("");
        let country = country_col
            .and_then(|c| record.get(c))
            .filter(|c| !c.is_empty())
            .map(str::to_string);
        match query(a, name, country) {
            Ok(q) => {
                let r = screening.screener.screen(&q);
                if r.matches.iter().any(|m| !m.below_threshold) {
                    hits += 1;
                }
                writeln!(
                    out,
                    "{}",
                    json!({"row": line, "query": r.query, "threshold": r.threshold, "matches": r.matches})
                )?;
            }
            Err(f) => {
                failed += 1;
                eprintln!("earl: {}: line {line}: {}", path.display(), f.message);
                writeln!(out, "{}", json!({"row": line, "error": f.message}))?;
            }
        }
        bar.inc(1);
    }
    out.flush()?;
    bar.finish_and_clear();
    app.record(
        "screen-batch",
        json!({"file": path.display().to_string(), "rows": rows}),
        &json!({"rows": rows, "with_matches": hits, "failed": failed}),
    )?;
    eprintln!("earl: {rows} rows: {hits} with matches, {failed} could not be screened");
    if failed > 0 {
        Err(Failure::input(format!(
            "{failed} of {rows} rows could not be screened (see above)"
        )))
    } else {
        Ok(())
    }
}

pub fn pair(app: &App, a: &MatchArgs) -> Result<(), Failure> {
    if a.first.trim().is_empty() || a.second.trim().is_empty() {
        return Err(Failure::input("both names must be non-empty"));
    }
    let engine = app.engine()?;
    let result = engine
        .screening()?
        .screener
        .compare(&a.first, &a.second, threshold(a.threshold)?);
    app.record(
        "match",
        json!({"a": a.first, "b": a.second, "threshold": a.threshold}),
        &result,
    )?;
    if a.json {
        return print_json(&result);
    }
    println!(
        "{:.3} — {} (threshold {:.2})",
        result.score,
        if result.matched { "match" } else { "no match" },
        result.threshold
    );
    for p in &result.explain.pairs {
        println!(
            "  {} ≈ {} ({:.2}, {:?})",
            p.query, p.list, p.similarity, p.method
        );
    }
    if !result.explain.unmatched_query_tokens.is_empty() {
        println!(
            "  unmatched in the first: {}",
            result.explain.unmatched_query_tokens.join(", ")
        );
    }
    if !result.explain.unmatched_list_tokens.is_empty() {
        println!(
            "  unmatched in the second: {}",
            result.explain.unmatched_list_tokens.join(", ")
        );
    }
    for t in &result.explain.transliterations {
        println!("  transliterated: {t:?}");
    }
    Ok(())
}

pub fn lists(app: &App, a: &ListsArgs) -> Result<(), Failure> {
    let engine = app.engine()?;
    let p = &engine.list_provenance()?;
    let stale = earl_screen::staleness_warning(p, earl_engine::today(), a.max_age_days);
    let drops = count_drops(p);
    let value = json!({"provenance": p, "staleness_warning": stale, "count_drop_warnings": drops});
    if a.json {
        return print_json(&value);
    }
    println!(
        "{} — generated {} ({:?}), {} entries, sha256 {}",
        p.source_file, p.generated, p.generated_basis, p.counts.total, p.sha256
    );
    for (list, n) in &p.counts.per_list {
        println!("  {list:<8} {n:>6}");
    }
    if let Some(w) = stale {
        println!("warning: {w}");
    }
    for w in drops {
        println!("warning: {w}");
    }
    Ok(())
}

/// Compares this load's per-list counts with the previous load's (kept next to the audit trail)
/// and records this load's for next time, so a truncated download is flagged, not silently used.
fn count_drops(p: &earl_screen::Provenance) -> Vec<String> {
    let Some(dir) =
        earl_store::AuditStore::default_path().and_then(|d| d.parent().map(|p| p.to_path_buf()))
    else {
        return Vec::new();
    };
    let state = dir.join("lists-state.json");
    let previous: Option<earl_screen::ListCounts> = std::fs::read(&state)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok());
    let warnings = previous
        .map(|prev| earl_screen::count_drop_warnings(&prev, &p.counts))
        .unwrap_or_default();
    if warnings.is_empty()
        && std::fs::create_dir_all(&dir).is_ok()
        && let Ok(bytes) = serde_json::to_vec(&p.counts)
    {
        let _ = std::fs::write(&state, bytes);
    }
    warnings
}
