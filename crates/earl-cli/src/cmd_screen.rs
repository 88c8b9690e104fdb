//! `earl screen`, `earl match` and `earl lists`.

use crate::app::{App, Failure, date_or_today, print_json};
use clap::Args;
use earl_engine::ScreenRequest;
use serde_json::json;
use std::io::{IsTerminal, Write};
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

fn request(a: &ScreenArgs, name: &str, country: Option<String>) -> Result<ScreenRequest, Failure> {
    Ok(ScreenRequest {
        name: name.to_string(),
        country,
        lists: (!a.sources.is_empty()).then(|| a.sources.clone()),
        threshold: a.threshold,
        include_below: a.all,
        date: date_or_today(&a.date)?,
    })
}

pub fn screen(app: &App, a: &ScreenArgs) -> Result<(), Failure> {
    if let Some(batch) = &a.batch {
        return screen_batch(app, a, batch);
    }
    let (answer, drops) = screen_answer(app, a)?;
    if a.json {
        return print_json(&screen_json(&answer, &drops)?);
    }
    earl_render::human::screen(&mut std::io::stdout().lock(), &answer, &drops)?;
    Ok(())
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

fn screen_batch(app: &App, a: &ScreenArgs, path: &std::path::Path) -> Result<(), Failure> {
    let engine = app.engine()?;
    let p = &engine.screening()?.provenance;
    let stale =
        earl_screen::staleness_warning(p, earl_engine::today(), earl_screen::DEFAULT_MAX_AGE_DAYS);
    for w in stale.into_iter().chain(count_drops(app, p)) {
        eprintln!("earl: warning: {w}");
    }
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::input(format!("{}: cannot open: {e}", path.display())))?;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(std::io::BufReader::new(file));
    let headers = reader
        .headers()
        .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?
        .clone();
    crate::cmd_check::check_columns(path, &headers, &["name"], &["country"])?;
    let name_col = headers.iter().position(|h| h == "name").unwrap_or(0);
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
    let mut record = csv::StringRecord::new();
    let mut lines = crate::lines::LineCounter::open(path)
        .map_err(|e| Failure::input(format!("{}: cannot open: {e}", path.display())))?;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                rows += 1;
                failed += 1;
                let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                eprintln!("earl: {}: line {line}: unreadable row: {e}", path.display());
                writeln!(out, "{}", json!({"row": line, "error": e.to_string()}))?;
                continue;
            }
        }
        rows += 1;
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        let name = record.get(name_col).unwrap_or("");
        let country = country_col
            .and_then(|c| record.get(c))
            .filter(|c| !c.is_empty())
            .map(str::to_string);
        match request(a, name, country).and_then(|q| Ok(engine.screen(&q)?)) {
            Ok(answer) => {
                if answer.has_match() {
                    hits += 1;
                }
                app.record(
                    &json!({"row": line, "name": name, "country": answer.country}),
                    &answer,
                )?;
                writeln!(
                    out,
                    "{}",
                    json!({"row": line, "query": answer.query, "threshold": answer.threshold, "matches": answer.matches})
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
    if let Some(path) = &a.batch {
        return pair_batch(app, a, path);
    }
    let result = pair_answer(app, a)?;
    if a.json {
        return print_json(&result);
    }
    earl_render::human::pair(&mut std::io::stdout().lock(), &result.score)?;
    Ok(())
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

/// `earl match --batch`: one comparison per row, JSON Lines out, each recorded.
fn pair_batch(app: &App, a: &MatchArgs, path: &std::path::Path) -> Result<(), Failure> {
    let engine = app.engine()?;
    let tsv = path.extension().is_some_and(|e| e == "tsv");
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::input(format!("{}: cannot open: {e}", path.display())))?;
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
            Failure::input(format!(
                "{}: line 1: missing column `{name}` (columns a and b are compared)",
                path.display()
            ))
        })
    };
    let (ca, cb) = (column("a")?, column("b")?);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut lines = crate::lines::LineCounter::open(path)
        .map_err(|e| Failure::input(format!("{}: cannot open: {e}", path.display())))?;
    let mut record = csv::StringRecord::new();
    let (mut rows, mut failed) = (0u64, 0u64);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                return Err(Failure::input(format!(
                    "{}: line {}: unreadable row: {e}",
                    path.display(),
                    e.position().map_or(0, |p| lines.line_at(p.byte()))
                )));
            }
        }
        rows += 1;
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        let (x, y) = (record.get(ca).unwrap_or(""), record.get(cb).unwrap_or(""));
        match engine.pair(x, y, a.threshold) {
            Ok(r) => {
                app.record(
                    &json!({"row": line, "a": x, "b": y, "threshold": a.threshold}),
                    &r,
                )?;
                writeln!(
                    out,
                    "{}",
                    json!({"row": line, "score": r.score.score, "match": r.score.matched})
                )?
            }
            Err(e) => {
                failed += 1;
                eprintln!("earl: {}: line {line}: {e}", path.display());
                writeln!(out, "{}", json!({"row": line, "error": e.to_string()}))?;
            }
        }
    }
    out.flush()?;
    if failed > 0 {
        return Err(Failure::input(format!(
            "{failed} of {rows} rows could not be compared (see above)"
        )));
    }
    Ok(())
}

pub fn lists(app: &App, a: &ListsArgs) -> Result<(), Failure> {
    if let Some(ListsCommand::Diff { old, new, json }) = &a.command {
        let load = |p: &PathBuf| {
            earl_screen::ScreeningLists::from_path(p).map_err(|e| Failure::input(e.to_string()))
        };
        let diff = earl_screen::diff::diff(&load(old)?, &load(new)?);
        if *json {
            return print_json(&diff);
        }
        earl_render::currency::lists_diff(&mut std::io::stdout().lock(), &diff)?;
        return Ok(());
    }
    if a.json {
        return print_json(&lists_json(app, a.max_age_days)?);
    }
    let engine = app.engine()?;
    let p = &engine.list_provenance()?;
    let stale = earl_screen::staleness_warning(p, earl_engine::today(), a.max_age_days);
    let drops = count_drops(app, p);
    let mut w = std::io::stdout().lock();
    earl_render::currency::lists_in_use(&mut w, p, age_days(p))?;
    earl_render::human::lists(&mut w, p, stale.as_deref(), &drops)?;
    Ok(())
}

/// Days since the lists were generated, when their generation date is known.
fn age_days(p: &earl_screen::Provenance) -> Option<i32> {
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
fn count_drops(app: &App, p: &earl_screen::Provenance) -> Vec<String> {
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
