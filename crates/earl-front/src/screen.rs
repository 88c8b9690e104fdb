//! The screening questions: one name (`earl screen`), many names (Python's `screen_many`, the
//! Spark UDF), two names compared (`earl match`), and the lists in use (`earl lists`).

use crate::app::{App, Failure};
use clap::Args;
use earl_engine::audit::Source;
use earl_question::{MatchQuestion, Recorded, ScreenQuestion};
use earl_render::errors::RowReason;
use earl_store::PreparedRecord;
use serde_json::json;
use std::path::PathBuf;

/// `earl screen`: the question, and what only the CLI has — a batch file, where its rows go,
/// and JSON output.
#[derive(Args)]
pub struct ScreenArgs {
    #[command(flatten)]
    pub question: ScreenQuestion,
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

/// `earl match`: the question, a batch of pairs, and JSON output.
#[derive(Args)]
pub struct MatchArgs {
    #[command(flatten)]
    pub question: MatchQuestion,
    /// Compare every row of this file: columns `a` and `b` (CSV, or tab-separated when the
    /// name ends in .tsv); writes JSON Lines {row, score, match}.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["a", "b"])]
    pub batch: Option<PathBuf>,
    /// Print the score and its explanation as JSON.
    #[arg(long)]
    pub json: bool,
}

/// The recorded answer of one screening (what `--json` prints).
pub fn screen_answer(app: &App, q: &ScreenQuestion) -> Result<earl_engine::ScreenAnswer, Failure> {
    let engine = app.engine()?;
    let answer = engine.screen(&earl_engine::questions::screen_request(q)?)?;
    app.record(&Recorded::new(q.clone()), &answer)?;
    Ok(answer)
}

/// The recorded comparison of two names (what `earl match --json` prints).
pub fn pair_answer(
    app: &App,
    q: &MatchQuestion,
) -> Result<earl_engine::audit::MatchAnswer, Failure> {
    let (Some(a), Some(b)) = (q.a.as_deref(), q.b.as_deref()) else {
        return Err(Failure::input("give two names to compare (`a` and `b`)"));
    };
    let result = app.engine()?.pair(a, b, q.threshold)?;
    app.record(&Recorded::new(q.clone()), &result)?;
    Ok(result)
}

/// Compares many pairs of names (each with its row number) on every core, as `earl match
/// --batch` does: records every row in grouped commits and returns each row's answer (or why it
/// could not be compared) once every record is durable.
pub fn pair_many(
    app: &App,
    pairs: &[(u64, MatchQuestion)],
    source: Source,
) -> Result<Vec<Result<earl_engine::audit::MatchAnswer, String>>, Failure> {
    let engine = app.engine()?;
    let audit = app.audit()?;
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(pairs.len().div_ceil(64).max(1));
    let per_thread = pairs.len().div_ceil(threads).max(1);
    type Compared = (
        Vec<Result<earl_engine::audit::MatchAnswer, String>>,
        Vec<PreparedRecord>,
    );
    let parts: Vec<Result<Compared, Failure>> = std::thread::scope(|scope| {
        let handles: Vec<_> = pairs
            .chunks(per_thread)
            .map(|chunk| {
                scope.spawn(move || -> Result<Compared, Failure> {
                    let (mut answers, mut records) = (Vec::new(), Vec::new());
                    for (row, q) in chunk {
                        let (a, b) = (q.a.as_deref().unwrap_or(""), q.b.as_deref().unwrap_or(""));
                        match engine.pair(a, b, q.threshold) {
                            Ok(answer) => {
                                if audit.is_some() {
                                    let inputs = Recorded {
                                        row: Some(*row),
                                        ..Recorded::new(q.clone())
                                    };
                                    records.push(engine.record(source, &inputs, &answer)?);
                                }
                                answers.push(Ok(answer));
                            }
                            Err(e) => answers.push(Err(e.to_string())),
                        }
                    }
                    Ok((answers, records))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Failure::internal("a comparing thread panicked")))
            })
            .collect()
    });
    let (mut answers, mut records) = (Vec::with_capacity(pairs.len()), Vec::new());
    for part in parts {
        let (a, r) = part?;
        answers.extend(a);
        records.extend(r);
    }
    if let Some(store) = audit {
        for chunk in records.chunks(earl_store::DEFAULT_CHUNK_SIZE) {
            store.append_all(&chunk.iter().collect::<Vec<_>>())?;
        }
    }
    Ok(answers)
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
    let drops = engine.count_drop_warnings()?;
    let mut answer = json!({"provenance": p, "age_days": age_days(p), "staleness_warning": stale, "count_drop_warnings": drops});
    let lacking: Vec<String> = engine
        .lists_against_bundled()?
        .iter()
        .map(ToString::to_string)
        .collect();
    if !lacking.is_empty() {
        answer["list_warnings"] = json!(lacking);
    }
    Ok(answer)
}

/// One name of a batch as the question it asks, with the batch's options.
pub fn row_question(
    options: &ScreenQuestion,
    name: &str,
    country: Option<String>,
) -> ScreenQuestion {
    ScreenQuestion {
        name: Some(name.to_string()),
        country,
        ..options.clone()
    }
}

/// What [`screen_many`] returns: for each name in order, which of `answers` is its answer (or
/// why it could not be screened), and each distinct name's answer once (`None` for a name
/// that could not be screened: no row points to it).
pub struct ScreenMany {
    pub rows: Vec<Result<usize, RowReason>>,
    pub answers: Vec<Option<earl_engine::ScreenAnswer>>,
}

/// How many distinct names a screening worker takes at a time.
const NAMES_TAKEN: usize = 8;

/// One name of a batch: its row number in its file (or list), the name and its address
/// country.
pub type NameRow = (u64, String, Option<String>);

/// Screens many names (each with an optional address country) with the options of `options`
/// (its name and country aside): each distinct (name, country) once, on every core; prepares
/// every row's record (the question it asks, and its row number), which the caller records
/// ([`Unrecorded::record`]) before it gives any answer out. `earl screen --batch`, Python's
/// `screen_many` and Spark take this path.
pub fn screen_many<'a>(
    app: &'a App,
    options: &ScreenQuestion,
    names: &[NameRow],
    source: Source,
) -> Result<(ScreenMany, Unrecorded<'a>), Failure> {
    let engine = app.engine()?;
    let audit = app.audit()?;
    let mut distinct: Vec<(&str, &Option<String>)> = Vec::new();
    let mut index: std::collections::HashMap<(&str, &Option<String>), usize> =
        std::collections::HashMap::new();
    let of_row: Vec<usize> = names
        .iter()
        .map(|(_, name, country)| (name.as_str(), country))
        .map(|n| {
            *index.entry(n).or_insert_with(|| {
                distinct.push(n);
                distinct.len() - 1
            })
        })
        .collect();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Each distinct name is screened and prepared for the trail (when there is one) on a worker.
    // Workers take the next few names from a shared counter, so one that meets slow names does
    // not leave the others idle at the end.
    let threads = cores.min(distinct.len().div_ceil(16).max(1));
    type Screened = Result<
        (
            earl_engine::ScreenAnswer,
            Option<earl_engine::audit::SharedAnswer>,
        ),
        Failure,
    >;
    let next = std::sync::atomic::AtomicUsize::new(0);
    // A name that cannot be screened is that row's error; an answer that cannot be prepared
    // for the trail stops the batch.
    let parts: Vec<Result<Vec<(usize, Screened)>, Failure>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let (next, distinct) = (&next, &distinct);
                scope.spawn(move || -> Result<Vec<(usize, Screened)>, Failure> {
                    let mut out = Vec::new();
                    loop {
                        let start =
                            next.fetch_add(NAMES_TAKEN, std::sync::atomic::Ordering::Relaxed);
                        if start >= distinct.len() {
                            return Ok(out);
                        }
                        let end = (start + NAMES_TAKEN).min(distinct.len());
                        for (d, &(name, country)) in distinct[start..end].iter().enumerate() {
                            let q = row_question(options, name, country.clone());
                            let answer = earl_engine::questions::screen_request(&q)
                                .and_then(|request| engine.screen(&request))
                                .map_err(Failure::from);
                            out.push((
                                start + d,
                                match answer {
                                    Ok(answer) => {
                                        let shared = match audit {
                                            Some(_) => Some(engine.share(&answer)?),
                                            None => None,
                                        };
                                        Ok((answer, shared))
                                    }
                                    Err(f) => Err(f),
                                },
                            ));
                        }
                    }
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
    let mut numbered: Vec<(usize, Screened)> = Vec::with_capacity(distinct.len());
    for part in parts {
        numbered.extend(part?);
    }
    numbered.sort_unstable_by_key(|(d, _)| *d);
    let screened: Vec<Screened> = numbered.into_iter().map(|(_, s)| s).collect();
    // Each row's record, on the workers too (in row order within each part).
    let rows_of = names.iter().zip(&of_row).collect::<Vec<_>>();
    let threads = cores.min(rows_of.len().div_ceil(256).max(1));
    let per_thread = rows_of.len().div_ceil(threads).max(1);
    type RowsAndRecords = Result<(Vec<Result<usize, RowReason>>, Vec<PreparedRecord>), Failure>;
    let parts: Vec<RowsAndRecords> = std::thread::scope(|scope| {
        let screened = &screened;
        let handles: Vec<_> = rows_of
            .chunks(per_thread)
            .map(|chunk| {
                scope.spawn(move || -> RowsAndRecords {
                    let (mut rows, mut records) = (Vec::with_capacity(chunk.len()), Vec::new());
                    for &((row, name, country), &d) in chunk {
                        match &screened[d] {
                            Ok((answer, shared)) => {
                                if let Some(shared) = shared {
                                    let inputs = Recorded {
                                        row: Some(*row),
                                        ..Recorded::new(row_question(
                                            options,
                                            name,
                                            country.clone(),
                                        ))
                                    };
                                    records.push(engine.record_shared(
                                        source,
                                        &inputs,
                                        shared,
                                        answer.date,
                                    )?);
                                }
                                rows.push(Ok(d));
                            }
                            Err(f) => rows.push(Err(f.row_reason())),
                        }
                    }
                    Ok((rows, records))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Failure::internal("a recording thread panicked")))
            })
            .collect()
    });
    let (mut rows, mut records) = (Vec::with_capacity(names.len()), Vec::new());
    for part in parts {
        let (r, p) = part?;
        rows.extend(r);
        records.extend(p);
    }
    let answers = screened
        .into_iter()
        .map(|s| s.ok().map(|(answer, _)| answer))
        .collect();
    Ok((
        ScreenMany { rows, answers },
        Unrecorded {
            store: audit,
            records,
        },
    ))
}

/// The records of a [`screen_many`], prepared and not yet in the trail: recording them is the
/// caller's next step, before any answer leaves earl (a batch may screen its next rows
/// meanwhile: appending is the serial part).
#[must_use = "the screenings are not recorded until `record` is called"]
pub struct Unrecorded<'a> {
    store: Option<&'a earl_store::AuditStore>,
    records: Vec<PreparedRecord>,
}

impl Unrecorded<'_> {
    /// Appends the records in order, in grouped commits; returns once they are durable.
    pub fn record(self) -> Result<(), Failure> {
        if let Some(store) = self.store {
            for chunk in self.records.chunks(earl_store::DEFAULT_CHUNK_SIZE) {
                store.append_all(&chunk.iter().collect::<Vec<_>>())?;
            }
        }
        Ok(())
    }
}
