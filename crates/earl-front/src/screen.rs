//! The screening questions: one name (`earl screen`), many names (Python's `screen_many`, the
//! Spark UDF), two names compared (`earl match`), and the lists in use (`earl lists`).

use crate::app::{App, Failure, date_or_today};
use clap::Args;
use earl_engine::ScreenRequest;
use earl_engine::audit::Source;
use serde_json::{Value, json};
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

pub fn request(a: &ScreenArgs, name: &str, country: Option<String>) -> Result<ScreenRequest, Failure> {
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

/// Screens many names (each with an optional address country) on every core with the options
/// of `a`, records each answer (inputs `row`, `name`, `country`, as `earl screen --batch`
/// does) and returns, in order once every record is durable, what `earl screen --json` prints
/// for each name, or why it could not be screened.
pub fn screen_many(
    app: &App,
    a: &ScreenArgs,
    names: &[(String, Option<String>)],
    source: Source,
) -> Result<Vec<Result<Value, Failure>>, Failure> {
    let engine = app.engine()?;
    let audit = app.audit()?;
    let drops = count_drops(app, &engine.list_provenance()?);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(names.len().div_ceil(16).max(1));
    let per_thread = names.len().div_ceil(threads).max(1);
    type Part = Result<(Vec<Result<Value, Failure>>, Vec<earl_store::PreparedRecord>), Failure>;
    let parts: Vec<Part> = std::thread::scope(|scope| {
        let handles: Vec<_> = names
            .chunks(per_thread)
            .enumerate()
            .map(|(chunk, names)| {
                let drops = &drops;
                scope.spawn(move || -> Part {
                    let (mut out, mut records) = (Vec::with_capacity(names.len()), Vec::new());
                    for (i, (name, country)) in names.iter().enumerate() {
                        let row = chunk * per_thread + i + 1;
                        let answer = request(a, name, country.clone())
                            .and_then(|q| Ok(engine.screen(&q)?));
                        out.push(match answer {
                            Ok(answer) => {
                                if audit.is_some() {
                                    let inputs = json!({"row": row, "name": name, "country": answer.country});
                                    records.push(engine.record(source, &inputs, &answer)?);
                                }
                                Ok(screen_json(&answer, drops)?)
                            }
                            Err(f) => Err(f),
                        });
                    }
                    Ok((out, records))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Failure::internal("a screening thread panicked")))
            })
            .collect()
    });
    let mut all = Vec::with_capacity(names.len());
    let mut records = Vec::new();
    for part in parts {
        let (out, recs) = part?;
        all.extend(out);
        records.extend(recs);
    }
    if let Some(store) = audit {
        for chunk in records.chunks(earl_store::DEFAULT_CHUNK_SIZE) {
            store.append_all(&chunk.iter().collect::<Vec<_>>())?;
        }
    }
    Ok(all)
}
