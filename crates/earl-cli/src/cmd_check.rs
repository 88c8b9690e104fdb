//! `earl check`: one shipment, or a CSV of them with `--batch`.

use crate::app::{App, Failure, date_or_today, print_json};
use clap::Args;
use earl_core::check::Determination;
use earl_core::ownership::Stake;
use earl_engine::audit::{SharedAnswer, Source};
use earl_engine::{CheckRequest, Item};
use serde_json::json;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct CheckArgs {
    /// Catalog chip or system name (a system's name is looked up first: "HGX B200" is the
    /// board; the licence rules name 3A090 and 4A090 together).
    #[arg(required_unless_present_any = ["batch", "system", "contains"])]
    pub chip: Option<String>,
    /// A catalog system (see `earl systems`).
    #[arg(long, conflicts_with_all = ["chip", "batch", "contains"])]
    pub system: Option<String>,
    /// A system not in the catalog: a catalog chip it contains and how many, e.g. H200=8;
    /// repeatable. --quantity then counts systems.
    #[arg(long, value_name = "CHIP=COUNT", conflicts_with_all = ["chip", "batch"])]
    pub contains: Vec<String>,
    /// Destination country (ISO code or name; Hong Kong is treated as China).
    #[arg(long, required_unless_present = "batch")]
    pub to: Option<String>,
    /// Country the item is exported from (default US); a re-export can differ.
    #[arg(long)]
    pub from: Option<String>,
    /// End user's name, screened against the restricted-party lists.
    #[arg(long = "end-user")]
    pub end_user: Option<String>,
    /// Country where the end user (or its ultimate parent) is headquartered.
    #[arg(long = "end-user-hq")]
    pub end_user_hq: Option<String>,
    /// Date of the question, YYYY-MM-DD (default: today).
    #[arg(long)]
    pub date: Option<String>,
    /// Apply a scenario (id, or a scenario file).
    #[arg(long)]
    pub scenario: Option<String>,
    /// Number of units (used by quantity-based exceptions such as LPP under scenarios).
    #[arg(long)]
    pub quantity: Option<u64>,
    /// An owner of the end user and the share it holds, e.g. "Huawei Investment & Holding=60";
    /// repeatable. Owners are screened, and listed owners holding 50% or more (with --ownership,
    /// directly or indirectly) restrict the end user while the Affiliates rule is in force.
    #[arg(long = "owner", value_name = "NAME=PERCENT", requires = "end_user")]
    pub owners: Vec<String>,
    /// A CSV of holdings at any depth, columns owner,owned,percent; with --batch it applies to
    /// every row's end user (an end user absent from it is taken as having no such owners).
    #[arg(long, value_name = "FILE")]
    pub ownership: Option<PathBuf>,
    /// Check every row of this CSV (columns chip, destination; optional end_user, end_user_hq,
    /// date, quantity, from).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["chip", "to"])]
    pub batch: Option<PathBuf>,
    /// Where batch results go (default stdout); `.jsonl` writes JSON Lines, anything else CSV.
    #[arg(long, value_name = "FILE", requires = "batch")]
    pub out: Option<PathBuf>,
    /// Print the answer as JSON (field names in docs/json.md).
    #[arg(long)]
    pub json: bool,
}

/// The holdings a check was given: `--owner` for the end user, plus an `--ownership` file.
fn ownership(a: &CheckArgs, end_user: Option<&str>) -> Result<Option<Vec<Stake>>, Failure> {
    let mut stakes = Vec::new();
    for o in &a.owners {
        let (name, percent) = o.rsplit_once('=').ok_or_else(|| {
            Failure::input(format!(
                "--owner `{o}`: expected NAME=PERCENT, e.g. \"Huawei Investment & Holding=60\""
            ))
        })?;
        let percent: f64 = percent.trim().trim_end_matches('%').parse().map_err(|_| {
            Failure::input(format!("--owner `{o}`: `{percent}` is not a percentage"))
        })?;
        stakes.push(Stake {
            owner: name.trim().to_string(),
            owned: end_user.unwrap_or_default().to_string(),
            percent,
        });
    }
    if let Some(path) = &a.ownership {
        stakes.extend(read_ownership(path)?);
    }
    Ok((!a.owners.is_empty() || a.ownership.is_some()).then_some(stakes))
}

/// Reads an ownership CSV (`owner,owned,percent`), every row or a clear error with its line.
fn read_ownership(path: &Path) -> Result<Vec<Stake>, Failure> {
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::input(format!("{}: cannot open: {e}", path.display())))?;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(std::io::BufReader::new(file));
    let headers = reader
        .headers()
        .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?
        .clone();
    check_columns(path, &headers, &["owner", "owned", "percent"], &[])?;
    let mut stakes = Vec::new();
    let mut lines = crate::lines::LineCounter::open(path)
        .map_err(|e| Failure::input(format!("{}: cannot open: {e}", path.display())))?;
    for record in reader.records() {
        let record = record.map_err(|e| {
            Failure::input(format!(
                "{}: line {}: unreadable row: {e}",
                path.display(),
                e.position().map_or(0, |p| lines.line_at(p.byte()))
            ))
        })?;
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        let field = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .and_then(|i| record.get(i))
                .unwrap_or("")
        };
        let percent = field("percent");
        let percent: f64 = percent.trim_end_matches('%').parse().map_err(|_| {
            Failure::input(format!(
                "{}: line {line}: percent `{percent}` is not a number",
                path.display()
            ))
        })?;
        stakes.push(Stake {
            owner: field("owner").to_string(),
            owned: field("owned").to_string(),
            percent,
        });
    }
    Ok(stakes)
}

/// Refuses a CSV whose header misses a required column or names one earl does not know; says
/// once which optional columns are absent.
pub(crate) fn check_columns(
    path: &Path,
    headers: &csv::StringRecord,
    required: &[&str],
    optional: &[&str],
) -> Result<(), Failure> {
    let known: Vec<&str> = required.iter().chain(optional).copied().collect();
    let expected = known.join(", ");
    for (i, h) in headers.iter().enumerate() {
        if !known.contains(&h) {
            let hint = known
                .iter()
                .map(|k| {
                    (
                        strsim::jaro_winkler(&h.to_lowercase().replace([' ', '-'], "_"), k),
                        k,
                    )
                })
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .filter(|(score, _)| *score > 0.8)
                .map(|(_, k)| format!(" (did you mean `{k}`?)"))
                .unwrap_or_default();
            return Err(Failure::input(format!(
                "{}: line 1, column {}: unknown column `{h}`{hint}; the columns are: {expected}",
                path.display(),
                i + 1
            )));
        }
    }
    for (i, h) in headers.iter().enumerate() {
        if headers.iter().skip(i + 1).any(|other| other == h) {
            return Err(Failure::input(format!(
                "{}: line 1: column `{h}` appears twice",
                path.display()
            )));
        }
    }
    for needed in required {
        if !headers.iter().any(|h| h == *needed) {
            return Err(Failure::input(format!(
                "{}: line 1: missing column `{needed}` (the columns are: {expected})",
                path.display()
            )));
        }
    }
    let absent: Vec<&str> = optional
        .iter()
        .copied()
        .filter(|o| !headers.iter().any(|h| h == *o))
        .collect();
    if !absent.is_empty() {
        eprintln!(
            "earl: {}: no column {} — taken as empty in every row",
            path.display(),
            absent
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    Ok(())
}

pub fn run(app: &App, a: &CheckArgs) -> Result<(), Failure> {
    if let Some(batch) = &a.batch {
        return run_batch(app, a, batch);
    }
    let answer = answer(app, a)?;
    if a.json {
        return print_json(&answer);
    }
    earl_render::human::check(&mut std::io::stdout().lock(), &answer)?;
    Ok(())
}

/// The explained, recorded answer of one check (what `--json` prints).
pub fn answer(app: &App, a: &CheckArgs) -> Result<earl_engine::CheckAnswer, Failure> {
    let (engine, scenario) = app.engine_with_scenario(a.scenario.as_deref())?;
    let item = match (&a.system, a.contains.is_empty()) {
        (Some(s), _) => Item::System(s.clone()),
        (None, false) => Item::Contains(crate::cmd_classify::parse_contains(&a.contains)?),
        (None, true) => Item::Catalog(a.chip.clone().unwrap_or_default()),
    };
    let req = CheckRequest {
        item,
        to: a.to.clone().unwrap_or_default(),
        from: a.from.clone(),
        end_user: a.end_user.clone(),
        end_user_hq: a.end_user_hq.clone(),
        date: date_or_today(&a.date)?,
        scenario,
        quantity: a.quantity,
        ownership: ownership(a, a.end_user.as_deref())?,
    };
    let answer = earl_render::explained(engine.check(&req)?);
    let inputs = json!({"chip": a.chip, "system": a.system, "contains": a.contains, "to": a.to, "from": a.from, "end_user": a.end_user, "end_user_hq": a.end_user_hq,
        "date": req.date.to_string(), "scenario": req.scenario, "quantity": a.quantity,
        "ownership": req.ownership.as_ref().map(|s| s.iter().map(|s| json!({"owner": s.owner, "owned": s.owned, "percent": s.percent})).collect::<Vec<_>>())});
    app.record(&inputs, &answer)?;
    Ok(answer)
}

/// One input row of a batch file, borrowed from the CSV record.
#[derive(serde::Deserialize)]
struct Row<'r> {
    chip: &'r str,
    destination: &'r str,
    #[serde(default)]
    end_user: Option<&'r str>,
    #[serde(default)]
    end_user_hq: Option<&'r str>,
    #[serde(default)]
    date: Option<&'r str>,
    #[serde(default)]
    quantity: Option<&'r str>,
    #[serde(default)]
    from: Option<&'r str>,
}

/// The columns of a batch file.
const REQUIRED: &[&str] = &["chip", "destination"];
const OPTIONAL: &[&str] = &["end_user", "end_user_hq", "date", "quantity", "from"];

/// One output row: the decision, or the reason the row could not be checked.
#[derive(serde::Serialize)]
struct OutRow<'a> {
    row: u64,
    chip: &'a str,
    destination: &'a str,
    end_user: &'a str,
    date: String,
    eccn: &'a str,
    license_required: &'a str,
    prohibited: bool,
    license_exception: &'a str,
    review_policy: &'a str,
    regime: &'a str,
    end_user_matches: String,
    error: String,
}

fn summary_of<'a>(row: u64, r: &'a Row, date: String, d: &'a Determination) -> OutRow<'a> {
    OutRow {
        row,
        chip: r.chip,
        destination: r.destination,
        end_user: r.end_user.unwrap_or(""),
        date,
        eccn: d
            .paragraph
            .as_deref()
            .unwrap_or(if d.possible_outcomes.is_empty() {
                "none"
            } else {
                "undetermined"
            }),
        license_required: match d.license_required {
            Some(true) => "true",
            Some(false) => "false",
            None => "undetermined",
        },
        prohibited: d.prohibited,
        license_exception: d.license_exception.as_deref().unwrap_or(""),
        review_policy: d.review_policy.map_or("", |p| p.as_str()),
        regime: &d.regime,
        end_user_matches: d
            .end_user_matches
            .iter()
            .map(|m| format!("{}:{}", m.list, m.name))
            .collect::<Vec<_>>()
            .join("; "),
        error: String::new(),
    }
}

/// Where batch rows go, holding them until their records are durable.
struct Sink {
    out: Box<dyn Write>,
    jsonl: bool,
    held: Vec<u8>,
    header_written: bool,
    held_rows: usize,
}

impl Sink {
    fn open(out: &Option<PathBuf>) -> Result<Sink, Failure> {
        let (w, jsonl): (Box<dyn Write>, bool) = match out {
            Some(p) => {
                let f = std::fs::File::create(p)
                    .map_err(|e| Failure::input(format!("{}: cannot create: {e}", p.display())))?;
                (
                    Box::new(BufWriter::new(f)),
                    p.extension().is_some_and(|e| e == "jsonl"),
                )
            }
            None => (Box::new(BufWriter::new(std::io::stdout().lock())), false),
        };
        Ok(Sink {
            out: w,
            jsonl,
            held: Vec::new(),
            header_written: false,
            held_rows: 0,
        })
    }

    fn hold(&mut self, row: &OutRow) -> Result<(), Failure> {
        self.held_rows += 1;
        if self.jsonl {
            serde_json::to_writer(&mut self.held, row)
                .map_err(|e| Failure::internal(e.to_string()))?;
            self.held.push(b'\n');
            return Ok(());
        }
        let mut w = csv::WriterBuilder::new()
            .has_headers(!self.header_written)
            .buffer_capacity(512)
            .from_writer(&mut self.held);
        w.serialize(row)
            .map_err(|e| Failure::internal(e.to_string()))?;
        w.flush()?;
        self.header_written = true;
        Ok(())
    }

    /// Writes out every held row.
    fn release(&mut self) -> Result<(), Failure> {
        self.out.write_all(&self.held)?;
        self.held.clear();
        self.out.flush()?;
        self.held_rows = 0;
        Ok(())
    }

    fn finish(mut self) -> Result<(), Failure> {
        self.release()
    }
}

fn run_batch(app: &App, a: &CheckArgs, path: &Path) -> Result<(), Failure> {
    let (engine, scenario) = app.engine_with_scenario(a.scenario.as_deref())?;
    let mut checker = engine.batch(scenario.as_deref())?;
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::input(format!("{}: cannot open: {e}", path.display())))?;
    let total_bytes = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(std::io::BufReader::new(file));
    let headers = reader
        .headers()
        .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?
        .clone();
    check_columns(path, &headers, REQUIRED, OPTIONAL)?;
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (chip_col, destination_col) = (column("chip"), column("destination"));
    let stakes = ownership(a, None)?;
    let progress = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(total_bytes);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {per_sec} {msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut sink = Sink::open(&a.out)?;
    let default_date = date_or_today(&a.date)?;
    let audit = app.audit()?;
    // Rows are held until their audit records are durable: an output row never exists
    // without its record, however the run ends.
    let mut pending = Vec::new();
    // Each distinct answer explained, serialised and compressed once for every row sharing it.
    let mut shared: Vec<Option<SharedAnswer>> = Vec::new();
    let (mut ok, mut failed, mut required, mut rows) = (0u64, 0u64, 0u64, 0u64);
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
                continue;
            }
        }
        rows += 1;
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        let result = check_row(
            &mut checker,
            &record,
            &headers,
            default_date,
            a.from.as_deref(),
            scenario.as_deref(),
            stakes.as_ref(),
        );
        match result {
            Ok((r, req, checked)) => {
                ok += 1;
                let d = &checked.answer.determination;
                if d.license_required == Some(true) {
                    required += 1;
                }
                let out = summary_of(line, &r, req.date.to_string(), d);
                sink.hold(&out)?;
                if audit.is_some() {
                    if shared.len() <= checked.id {
                        shared.resize_with(checked.id + 1, || None);
                    }
                    let answer = match &mut shared[checked.id] {
                        Some(s) => s,
                        slot => slot
                            .insert(engine.share(&earl_render::explained(checked.answer.clone()))?),
                    };
                    let inputs = json!({"row": line, "chip": r.chip, "to": r.destination, "from": req.from,
                        "end_user": r.end_user, "end_user_hq": r.end_user_hq, "date": out.date, "quantity": r.quantity,
                        "scenario": req.scenario, "ownership_file": a.ownership});
                    pending.push(engine.record_shared(
                        Source::CliBatch,
                        &inputs,
                        answer,
                        req.date,
                    )?);
                }
            }
            Err(reason) => {
                failed += 1;
                eprintln!("earl: {}: line {line}: {reason}", path.display());
                let cell = |c: Option<usize>| c.and_then(|i| record.get(i)).unwrap_or("");
                sink.hold(&OutRow {
                    row: line,
                    chip: cell(chip_col),
                    destination: cell(destination_col),
                    end_user: "",
                    date: String::new(),
                    eccn: "",
                    license_required: "",
                    prohibited: false,
                    license_exception: "",
                    review_policy: "",
                    regime: "",
                    end_user_matches: String::new(),
                    error: reason,
                })?;
            }
        }
        if pending.len() >= earl_store::DEFAULT_CHUNK_SIZE
            || sink.held_rows >= earl_store::DEFAULT_CHUNK_SIZE
        {
            commit(audit, &mut pending, &mut sink)?;
        }
        if rows % 4096 == 0 {
            progress.set_position(record.position().map_or(0, |p| p.byte()));
        }
    }
    commit(audit, &mut pending, &mut sink)?;
    sink.finish()?;
    progress.finish_and_clear();
    eprintln!(
        "earl: {rows} rows: {ok} checked ({required} need a licence), {failed} could not be checked"
    );
    if failed > 0 {
        Err(Failure {
            code: 2,
            message: format!("{failed} of {rows} rows could not be checked (see above)"),
        })
    } else {
        Ok(())
    }
}

/// Makes the held records durable, then releases the rows they answer.
fn commit(
    audit: Option<&earl_store::AuditStore>,
    pending: &mut Vec<earl_store::PreparedRecord>,
    sink: &mut Sink,
) -> Result<(), Failure> {
    if let Some(store) = audit
        && !pending.is_empty()
    {
        let records: Vec<&earl_store::PreparedRecord> = pending.iter().collect();
        store.append_all(&records)?;
    }
    pending.clear();
    sink.release()
}

/// Checks one CSV record: the parsed row, the request and the answer.
fn check_row<'c, 'r>(
    checker: &'c mut earl_engine::BatchChecker<'_>,
    record: &'r csv::StringRecord,
    headers: &'r csv::StringRecord,
    default_date: jiff::civil::Date,
    from: Option<&str>,
    scenario: Option<&str>,
    stakes: Option<&Vec<Stake>>,
) -> Result<(Row<'r>, CheckRequest, earl_engine::Checked<'c>), String> {
    let r: Row = record
        .deserialize(Some(headers))
        .map_err(|e| e.to_string())?;
    let date = match r.date.filter(|d| !d.is_empty()) {
        Some(d) => earl_engine::parse_date(d).map_err(|e| e.to_string())?,
        None => default_date,
    };
    let quantity = match r.quantity.filter(|q| !q.is_empty()) {
        Some(q) => Some(
            q.parse::<u64>()
                .map_err(|_| format!("quantity `{q}` is not a whole number"))?,
        ),
        None => None,
    };
    let end_user = r.end_user.filter(|s| !s.is_empty()).map(str::to_string);
    let req = CheckRequest {
        item: Item::Catalog(r.chip.to_string()),
        to: r.destination.to_string(),
        from: r
            .from
            .filter(|s| !s.is_empty())
            .or(from)
            .map(str::to_string),
        ownership: stakes.filter(|_| end_user.is_some()).cloned(),
        end_user,
        end_user_hq: r.end_user_hq.filter(|s| !s.is_empty()).map(str::to_string),
        date,
        scenario: scenario.map(str::to_string),
        quantity,
    };
    let checked = checker.check(&req).map_err(|e| e.to_string())?;
    Ok((r, req, checked))
}
