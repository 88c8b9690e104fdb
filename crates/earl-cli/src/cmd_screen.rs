//! `earl screen`, `earl match` and `earl lists`.

use crate::print_json;
use clap::Args;
use earl_engine::audit::Source;
use earl_front::app::{App, Failure};
pub use earl_front::screen::{
    MatchArgs, ScreenArgs, age_days, lists_json, pair_answer, screen_answer,
};
use earl_question::MatchQuestion;
use earl_render::errors::{FileProblem, Problem, RowReason};
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ListsArgs {
    #[command(subcommand)]
    pub command: Option<ListsCommand>,
    /// Warn when the lists are older than this many days.
    #[arg(long = "max-age-days", default_value_t = earl_screen::DEFAULT_MAX_AGE_DAYS)]
    pub max_age_days: u32,
    /// Print the provenance as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Subcommand)]
pub enum ListsCommand {
    /// Entries added, removed and changed between two list files (trade.gov CSV or JSON), per
    /// list, with both files' provenance.
    Diff {
        /// The older list file.
        old: PathBuf,
        /// The newer list file.
        new: PathBuf,
        /// Print the differences as JSON.
        #[arg(long)]
        json: bool,
    },
}

pub fn screen(app: &App, a: &ScreenArgs, lang: earl_render::Lang) -> Result<(), Failure> {
    if let Some(batch) = &a.batch {
        return screen_batch(app, a, batch, lang);
    }
    let answer = screen_answer(app, &a.question)?;
    if a.json {
        return print_json(&answer);
    }
    earl_render::human::screen(&mut std::io::stdout().lock(), &answer, lang)?;
    Ok(())
}

fn screen_batch(
    app: &App,
    a: &ScreenArgs,
    path: &std::path::Path,
    lang: earl_render::Lang,
) -> Result<(), Failure> {
    let engine = app.engine()?;
    let screening = engine.screening()?;
    let p = &screening.provenance;
    let stale = earl_screen::staleness(p, earl_engine::today(), earl_screen::DEFAULT_MAX_AGE_DAYS)
        .map(|s| earl_render::human::staleness(&s, lang));
    // What the lists lack is said once for the whole batch, as `check --batch` says it: a
    // row without matches against such lists is no clear.
    let lacking = screening
        .warnings
        .iter()
        .map(|w| earl_render::currency::list_warning(w, lang));
    for w in stale.into_iter().chain(lacking).chain(
        engine
            .count_drops()?
            .iter()
            .map(|d| earl_render::currency::count_drop(d, lang)),
    ) {
        eprintln!("earl: {}", earl_render::status::warning(&w, lang));
    }
    let file = std::fs::File::open(path).map_err(|e| Failure::cannot_open(path, &e))?;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(std::io::BufReader::new(file));
    let headers = reader
        .headers()
        .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?
        .clone();
    crate::check_columns(path, &headers, &["name"], &["country"], lang)?;
    let name_col = headers.iter().position(|h| h == "name").unwrap_or(0);
    let country_col = headers.iter().position(|h| h == "country");
    let mut out: Box<dyn Write> = match &a.out {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).map_err(|e| Failure::cannot_create(p, &e))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    // Rows are read, screened (on the shared batch path: each distinct name once, on every
    // core, records in grouped commits) and written a chunk at a time, in order: an
    // unreadable row says why, in its place.
    let mut tally = Tally::default();
    // A chunk's records are appended on a thread of their own while the next chunk is
    // screened; its lines are written once they are durable.
    std::thread::scope(|scope| -> Result<(), Failure> {
        let mut pipeline = Pipeline {
            scope,
            recording: None,
        };
        let mut chunk = Chunk::default();
        let mut record = csv::StringRecord::new();
        let mut lines = earl_front::lines::LineCounter::open(path)
            .map_err(|e| Failure::cannot_open(path, &e))?;
        loop {
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {
                    let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
                    let country = country_col
                        .and_then(|c| record.get(c))
                        .filter(|c| !c.is_empty())
                        .map(str::to_string);
                    chunk.names.push((
                        line,
                        record.get(name_col).unwrap_or("").to_string(),
                        country,
                    ));
                }
                Err(e) => {
                    let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                    chunk
                        .unreadable
                        .push((line, RowReason::Unreadable((&e).into())));
                }
            }
            if chunk.names.len() + chunk.unreadable.len() >= SCREEN_CHUNK {
                let full = std::mem::take(&mut chunk);
                pipeline.next(full, app, a, (path, &mut out, &mut tally, lang))?;
            }
        }
        pipeline.next(chunk, app, a, (path, &mut out, &mut tally, lang))?;
        pipeline.finish((path, &mut out, &mut tally, lang))?;
        Ok(())
    })?;
    let Tally { rows, hits, failed } = tally;
    out.flush()?;
    let summary = earl_render::status::batch_screened(rows as u64, hits, failed, lang);
    eprintln!("earl: {summary}");
    if failed > 0 {
        Err(Failure::said(
            2,
            Problem::RowsNotScreened {
                failed,
                rows: rows as u64,
            },
        ))
    } else {
        Ok(())
    }
}

/// How many rows `earl screen --batch` holds at once: rows are read, screened, recorded and
/// written this many at a time, so memory stays bounded whatever the file's length.
const SCREEN_CHUNK: usize = 4096;

/// Rows read and not yet screened.
#[derive(Default)]
struct Chunk {
    names: Vec<earl_front::screen::NameRow>,
    unreadable: Vec<(u64, RowReason)>,
}

/// What the rows written so far came to.
#[derive(Default)]
struct Tally {
    rows: usize,
    hits: u64,
    failed: u64,
}

/// Where a chunk's lines go: the input file (for row errors), the output, the tally, the
/// language of stderr.
type Destination<'o> = (
    &'o std::path::Path,
    &'o mut dyn Write,
    &'o mut Tally,
    earl_render::Lang,
);

/// Chunks screened in turn, each recorded on its own thread while the next is screened.
struct Pipeline<'scope, 'env> {
    scope: &'scope std::thread::Scope<'scope, 'env>,
    /// The chunk last screened: its records being appended, its lines waiting for them.
    recording: Option<Recording<'scope>>,
}

/// A chunk's records being appended, and its lines.
type Recording<'scope> = (
    std::thread::ScopedJoinHandle<'scope, Result<(), Failure>>,
    Vec<Rendered>,
);

impl<'scope, 'env> Pipeline<'scope, 'env> {
    /// Screens `chunk`, writes the chunk before it once its records are durable, and starts
    /// recording this one. A chunk that cannot be screened still lets the one before it out.
    fn next(
        &mut self,
        chunk: Chunk,
        app: &'env App,
        a: &ScreenArgs,
        to: Destination<'_>,
    ) -> Result<(), Failure> {
        let screened = chunk.screen(app, a);
        let (path, out, tally, lang) = to;
        self.finish((path, &mut *out, &mut *tally, lang))?;
        let (rendered, unrecorded) = screened?;
        self.recording = Some((self.scope.spawn(move || unrecorded.record()), rendered));
        Ok(())
    }

    /// Waits for the chunk being recorded and writes its lines, in order.
    fn finish(&mut self, (path, out, tally, lang): Destination<'_>) -> Result<(), Failure> {
        let Some((recording, parts)) = self.recording.take() else {
            return Ok(());
        };
        recording
            .join()
            .unwrap_or_else(|_| Err(Failure::internal("a recording thread panicked")))?;
        for part in parts {
            for (line, reason) in &part.failed {
                let said = earl_render::errors::batch_row(
                    &path.display().to_string(),
                    *line,
                    reason,
                    lang,
                );
                eprintln!("earl: {said}");
            }
            out.write_all(&part.text)?;
            tally.rows += part.rows;
            tally.hits += part.hits;
            tally.failed += part.failed.len() as u64;
        }
        Ok(())
    }
}

impl Chunk {
    /// Screens the chunk's rows and renders their lines in line order (on every core); the
    /// records are returned to be appended before the lines are written.
    fn screen<'a>(
        self,
        app: &'a App,
        a: &ScreenArgs,
    ) -> Result<(Vec<Rendered>, earl_front::screen::Unrecorded<'a>), Failure> {
        let (many, unrecorded) =
            earl_front::screen::screen_many(app, &a.question, &self.names, Source::CliBatch)?;
        let mut results: Vec<(u64, Result<usize, RowReason>)> = self
            .names
            .iter()
            .zip(many.rows)
            .map(|((line, _, _), r)| (*line, r))
            .chain(self.unreadable.into_iter().map(|(line, e)| (line, Err(e))))
            .collect();
        results.sort_by_key(|(line, _)| *line);
        // The rows' lines are rendered on every core, each part in order.
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(results.len().div_ceil(256).max(1));
        let per_thread = results.len().div_ceil(threads).max(1);
        let answers = &many.answers;
        let parts: Vec<Result<Rendered, Failure>> = std::thread::scope(|scope| {
            let handles: Vec<_> = results
                .chunks(per_thread)
                .map(|part| scope.spawn(move || render(part, answers)))
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err(Failure::internal("a writing thread panicked")))
                })
                .collect()
        });
        Ok((parts.into_iter().collect::<Result<_, _>>()?, unrecorded))
    }
}

/// Some rows' output lines, with their tally.
struct Rendered {
    text: Vec<u8>,
    rows: usize,
    hits: u64,
    /// The rows that could not be screened, and why.
    failed: Vec<(u64, RowReason)>,
}

/// One output line of `earl screen --batch`: the row's number and what its answer says of the
/// party — every match, the reviewed hits and the dispositions relied on, and the listed owners
/// it is an affiliate of (an affiliate is a hit: the line must not read as a clear).
#[derive(serde::Serialize)]
struct BatchLine<'a> {
    row: u64,
    query: &'a str,
    threshold: f64,
    /// The lists screened, when limited (`--sources`): no match in them is no clear elsewhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    sources: Option<&'a [String]>,
    matches: &'a [earl_engine::ScreenMatch],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    reviewed: &'a [earl_engine::ReviewedMatch],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    dispositions: &'a [u64],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    affiliate_of: &'a [earl_engine::owners::Affiliate],
    #[serde(skip_serializing_if = "Option::is_none")]
    ownership_graph: Option<&'a str>,
}

fn render(
    results: &[(u64, Result<usize, RowReason>)],
    answers: &[Option<earl_engine::ScreenAnswer>],
) -> Result<Rendered, Failure> {
    let mut rendered = Rendered {
        text: Vec::new(),
        rows: results.len(),
        hits: 0,
        failed: Vec::new(),
    };
    for (line, result) in results {
        match result {
            Ok(i) => {
                let answer = answers[*i]
                    .as_ref()
                    .ok_or_else(|| Failure::internal("a screened row lost its answer"))?;
                if answer.has_match() {
                    rendered.hits += 1;
                }
                serde_json::to_writer(
                    &mut rendered.text,
                    &BatchLine {
                        row: *line,
                        query: &answer.query,
                        threshold: answer.threshold,
                        sources: answer.sources.as_deref(),
                        matches: &answer.matches,
                        reviewed: &answer.reviewed,
                        dispositions: &answer.dispositions,
                        affiliate_of: &answer.affiliate_of,
                        ownership_graph: answer.ownership_graph.as_deref(),
                    },
                )
                .map_err(|e| Failure::internal(e.to_string()))?;
                rendered.text.push(b'\n');
            }
            Err(e) => {
                rendered.failed.push((*line, e.clone()));
                // The output keeps the reason's English (data).
                writeln!(
                    rendered.text,
                    "{}",
                    json!({"row": line, "error": e.to_string()})
                )?;
            }
        }
    }
    Ok(rendered)
}

pub fn pair(app: &App, a: &MatchArgs, lang: earl_render::Lang) -> Result<(), Failure> {
    if let Some(path) = &a.batch {
        return pair_batch(app, a, path);
    }
    let result = pair_answer(app, &a.question)?;
    if a.json {
        return print_json(&result);
    }
    earl_render::human::pair(&mut std::io::stdout().lock(), &result.score, lang)?;
    Ok(())
}

/// `earl match --batch`: one comparison per row on the shared batch path (every core, grouped
/// commits), JSON Lines out in row order.
fn pair_batch(app: &App, a: &MatchArgs, path: &std::path::Path) -> Result<(), Failure> {
    let tsv = path.extension().is_some_and(|e| e == "tsv");
    let file = std::fs::File::open(path).map_err(|e| Failure::cannot_open(path, &e))?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tsv { b'\t' } else { b',' })
        .quoting(!tsv)
        .flexible(false)
        .from_reader(std::io::BufReader::new(file));
    let headers = reader
        .headers()
        .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?
        .clone();
    let column = |name: &str| {
        headers.iter().position(|h| h == name).ok_or_else(|| {
            Failure::file(FileProblem::MissingPairColumn {
                file: path.display().to_string(),
                name: name.to_string(),
            })
        })
    };
    let (ca, cb) = (column("a")?, column("b")?);
    let mut lines =
        earl_front::lines::LineCounter::open(path).map_err(|e| Failure::cannot_open(path, &e))?;
    let mut record = csv::StringRecord::new();
    let mut pairs = Vec::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                return Err(Failure::unreadable_row(path, line, &e));
            }
        }
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        let cell = |c: usize| record.get(c).map(str::to_string);
        pairs.push((
            line,
            MatchQuestion {
                a: cell(ca),
                b: cell(cb),
                threshold: a.question.threshold,
            },
        ));
    }
    let answers = earl_front::screen::pair_many(app, &pairs, Source::CliBatch)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = 0u64;
    for ((line, _), answer) in pairs.iter().zip(&answers) {
        match answer {
            Ok(r) => writeln!(
                out,
                "{}",
                json!({"row": line, "score": r.score.score, "match": r.score.matched})
            )?,
            Err(e) => {
                failed += 1;
                eprintln!("earl: {}: line {line}: {e}", path.display());
                writeln!(out, "{}", json!({"row": line, "error": e}))?;
            }
        }
    }
    out.flush()?;
    if failed > 0 {
        return Err(Failure::input(format!(
            "{failed} of {} rows could not be compared (see above)",
            pairs.len()
        )));
    }
    Ok(())
}

pub fn lists(app: &App, a: &ListsArgs, lang: earl_render::Lang) -> Result<(), Failure> {
    if let Some(ListsCommand::Diff { old, new, json }) = &a.command {
        let load = |p: &PathBuf| {
            earl_screen::ScreeningLists::from_path(p).map_err(|e| Failure::input(e.to_string()))
        };
        let diff = earl_screen::diff::diff(&load(old)?, &load(new)?);
        if *json {
            return print_json(&diff);
        }
        earl_render::currency::lists_diff(&mut std::io::stdout().lock(), &diff, lang)?;
        return Ok(());
    }
    if a.json {
        return print_json(&lists_json(app, a.max_age_days)?);
    }
    let engine = app.engine()?;
    let p = &engine.list_provenance()?;
    let stale = earl_screen::staleness(p, earl_engine::today(), a.max_age_days);
    let drops = engine.count_drops()?;
    let mut w = std::io::stdout().lock();
    earl_render::currency::lists_in_use(&mut w, p, age_days(p), lang)?;
    earl_render::human::lists(&mut w, p, stale.as_ref(), drops, lang)?;
    for lacking in engine.lists_against_bundled()? {
        let text = earl_render::currency::list_warning(&lacking, lang);
        writeln!(w, "{}", earl_render::status::warning(&text, lang))?;
    }
    Ok(())
}
