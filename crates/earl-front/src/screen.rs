//! The screening questions: one name (`earl screen`), many names (Python's `screen_many`, the
//! Spark UDF), two names compared (`earl match`), and the lists in use (`earl lists`).

use crate::app::{App, Failure, date_or_today};
use clap::Args;
use earl_engine::ScreenRequest;
use earl_engine::audit::Source;
use serde_json::json;
use std::path::PathBuf;

#[derive(Args)]
pub struct ScreenArgs {
    /// The party's name, in any script.
    #[arg(required_unless_present = "batch")]
    pub name: Option<String>,
    /// Keep only entries with an address in this country (ISO code, name or alias; entries with
    /// no address country are kept).
    #[arg(long)]
    pub country: Option<String>,
    /// Screen only these lists, e.g. EL,MEU,SDN (trade.gov's `sources` codes).
    #[arg(long = "sources", value_delimiter = ',', value_name = "CODES")]
    pub sources: Vec<String>,
    /// Minimum score of a match, in [0, 1].
    #[arg(long, allow_negative_numbers = true)]
    pub threshold: Option<f64>,
    /// Also show the best entries below the threshold.
    #[arg(long)]
    pub all: bool,
    /// Date for each list's effect and for listing dates, YYYY-MM-DD (default: today).
    #[arg(long)]
    pub date: Option<String>,
    /// Screen every row of this CSV (column `name`, optional `country`).
    #[arg(long, value_name = "FILE", conflicts_with = "name")]
    pub batch: Option<PathBuf>,
    /// Where batch results go (JSON Lines; default stdout).
    #[arg(long, value_name = "FILE", requires = "batch")]
    pub out: Option<PathBuf>,
    /// Print the answer as JSON (field names in docs/json.md).
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct MatchArgs {
    /// The first name, in any script.
    #[arg(required_unless_present = "batch")]
    pub first: Option<String>,
    /// The second name, in any script.
    #[arg(required_unless_present = "batch")]
    pub second: Option<String>,
    /// Compare every row of this file: columns `a` and `b` (CSV, or tab-separated when the
    /// name ends in .tsv); writes JSON Lines {row, score, match}.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["first", "second"])]
    pub batch: Option<PathBuf>,
    /// Score at or above which the names count as a match, in [0, 1].
    #[arg(long, allow_negative_numbers = true)]
    pub threshold: Option<f64>,
    /// Print the score and its explanation as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn request(
    a: &ScreenArgs,
    name: &str,
    country: Option<String>,
) -> Result<ScreenRequest, Failure> {
    Ok(ScreenRequest {
        name: name.to_string(),
        country,
        lists: (!a.sources.is_empty()).then(|| a.sources.clone()),
        threshold: a.threshold,
        include_below: a.all,
        date: date_or_today(&a.date)?,
    })
}

/// The recorded answer of one screening and its count-drop warnings.
pub fn screen_answer(
    app: &App,
    a: &ScreenArgs,
) -> Result<(earl_engine::ScreenAnswer, Vec<String>), Failure> {
    let engine = app.engine()?;
    let req = request(a, a.name.as_deref().unwrap_or_default(), a.country.clone())?;
    let answer = engine.screen(&req)?;
    let drops = count_drops(app, &answer.lists);
    app.record(&req, &answer)?;
    Ok((answer, drops))
}

/// What `earl screen --json` prints.
pub fn screen_json(
    answer: &earl_engine::ScreenAnswer,
    drops: &[String],
) -> Result<serde_json::Value, Failure> {
    let mut v = serde_json::to_value(answer).map_err(|e| Failure::internal(e.to_string()))?;
    v["count_drop_warnings"] = json!(drops);
    Ok(v)
}

/// The recorded comparison of two names (what `earl match --json` prints).
pub fn pair_answer(app: &App, a: &MatchArgs) -> Result<earl_engine::audit::MatchAnswer, Failure> {
    let (first, second) = (
        a.first.as_deref().unwrap_or(""),
        a.second.as_deref().unwrap_or(""),
    );
    let result = app.engine()?.pair(first, second, a.threshold)?;
    app.record(
        &json!({"a": a.first, "b": a.second, "threshold": a.threshold}),
        &result,
    )?;
    Ok(result)
}

/// Days since the lists were generated, when their generation date is known.
pub fn age_days(p: &earl_screen::Provenance) -> Option<i32> {
    p.generated
        .and_then(|g| g.until(earl_engine::today()).ok())
        .map(|s| s.get_days())
}

/// What `earl lists --json` prints: the lists' provenance, age, staleness and count drops.
pub fn lists_json(app: &App, max_age_days: u32) -> Result<serde_json::Value, Failure> {
    let engine = app.engine()?;
    let p = &engine.list_provenance()?;
    let stale = earl_screen::staleness_warning(p, earl_engine::today(), max_age_days);
    let drops = count_drops(app, p);
    Ok(
        json!({"provenance": p, "age_days": age_days(p), "staleness_warning": stale, "count_drop_warnings": drops}),
    )
}

/// Compares this load's per-list counts with the previous load's (kept in the data directory)
/// and records this load's for next time, so a truncated download is flagged, not silently used.
pub fn count_drops(app: &App, p: &earl_screen::Provenance) -> Vec<String> {
    let Some(dir) = app.data_dir() else {
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

/// What [`screen_many`] returns: for each name in order, which of `answers` is its answer (or
/// why it could not be screened), and each distinct answer once as JSON text — what
/// `earl screen --json` prints.
pub struct ScreenMany {
    pub rows: Vec<Result<usize, String>>,
    pub answers: Vec<String>,
}

/// Screens many names (each with an optional address country) with the options of `a`: each
/// distinct (name, country) once, on every core; records every row (inputs `row`, `name`,
/// `country`, as `earl screen --batch` does) and returns once every record is durable.
pub fn screen_many(
    app: &App,
    a: &ScreenArgs,
    names: &[(String, Option<String>)],
    source: Source,
) -> Result<ScreenMany, Failure> {
    let engine = app.engine()?;
    let audit = app.audit()?;
    let drops = count_drops(app, &engine.list_provenance()?);
    let mut distinct: Vec<&(String, Option<String>)> = Vec::new();
    let mut index: std::collections::HashMap<&(String, Option<String>), usize> =
        std::collections::HashMap::new();
    let of_row: Vec<usize> = names
        .iter()
        .map(|n| {
            *index.entry(n).or_insert_with(|| {
                distinct.push(n);
                distinct.len() - 1
            })
        })
        .collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(distinct.len().div_ceil(16).max(1));
    let per_thread = distinct.len().div_ceil(threads).max(1);
    type Screened = Result<(earl_engine::ScreenAnswer, String), Failure>;
    let screened: Vec<Screened> = std::thread::scope(|scope| {
        let handles: Vec<_> = distinct
            .chunks(per_thread)
            .map(|chunk| {
                let drops = &drops;
                scope.spawn(move || -> Vec<Screened> {
                    chunk
                        .iter()
                        .map(|(name, country)| {
                            let answer = engine.screen(&request(a, name, country.clone())?)?;
                            let text = serde_json::to_string(&screen_json(&answer, drops)?)
                                .map_err(|e| Failure::internal(e.to_string()))?;
                            Ok((answer, text))
                        })
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|_| vec![Err(Failure::internal("a screening thread panicked"))])
            })
            .collect()
    });
    let mut shared = Vec::with_capacity(screened.len());
    for s in &screened {
        shared.push(match s {
            Ok((answer, _)) => Some(engine.share(answer)?),
            Err(_) => None,
        });
    }
    let mut records = Vec::new();
    let mut rows = Vec::with_capacity(names.len());
    for (i, ((name, _), &d)) in names.iter().zip(&of_row).enumerate() {
        match (&screened[d], &shared[d]) {
            (Ok((answer, _)), Some(s)) => {
                if audit.is_some() {
                    let inputs = json!({"row": i + 1, "name": name, "country": answer.country});
                    records.push(engine.record_shared(source, &inputs, s, answer.date)?);
                }
                rows.push(Ok(d));
            }
            (Err(f), _) => rows.push(Err(f.message.clone())),
            (Ok(_), None) => return Err(Failure::internal("an answer was not prepared")),
        }
    }
    if let Some(store) = audit {
        for chunk in records.chunks(earl_store::DEFAULT_CHUNK_SIZE) {
            store.append_all(&chunk.iter().collect::<Vec<_>>())?;
        }
    }
    let answers = screened
        .into_iter()
        .map(|s| s.map(|(_, text)| text).unwrap_or_default())
        .collect();
    Ok(ScreenMany { rows, answers })
}
