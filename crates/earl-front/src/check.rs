//! The check question: one shipment (`earl check`, `check` over MCP and Python), and the rows
//! of a batch (`earl check --batch`, Python's `check_many`, the Spark UDF), which share one
//! row path: [`check_row`] answers a [`BatchRow`] and [`outcome`] summarises it in the batch
//! file's columns.

use crate::app::{App, Failure};
use clap::Args;
use earl_core::check::Determination;
use earl_core::ownership::Stake;
use earl_core::step::Reason;
use earl_engine::audit::{SharedAnswer, Source};
use earl_engine::{CheckAnswer, CheckRequest};
use earl_question::{CheckQuestion, Holding, Recorded};
use earl_render::Lang;
use earl_render::errors::{ColumnProblem, FileProblem, RowReason};
use earl_store::PreparedRecord;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// `earl check`: the question, and what only the CLI has — a file of holdings, a batch file,
/// where its rows go, and JSON output.
#[derive(Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub question: CheckQuestion,
    /// A CSV of holdings at any depth, columns owner,owned,percent, added to the question's
    /// owners; with --batch it applies to every row's end user (an end user it never names as
    /// owned has its ownership unknown: the answer says it was not checked).
    #[arg(long = "ownership", id = "ownership_file", value_name = "FILE")]
    pub ownership_file: Option<PathBuf>,
    /// Check every row of this CSV (columns chip, destination; optional: every fact of the
    /// question — end_user, end_user_hq, date, quantity, from, made_in, us_content, us_tech,
    /// us_available; see docs/json.md).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["chip", "to"])]
    pub batch: Option<PathBuf>,
    /// Where batch results go (default stdout); `.jsonl` (or `--json`) writes JSON Lines,
    /// anything else CSV.
    #[arg(long, value_name = "FILE", requires = "batch")]
    pub out: Option<PathBuf>,
    /// Print the answer as JSON (field names in docs/json.md); with --batch, JSON Lines: one
    /// object per row, the CSV's fields.
    #[arg(long)]
    pub json: bool,
}

impl CheckArgs {
    /// The question asked, with the `--ownership` file's holdings among its owners: the record
    /// then holds every holding the answer rests on, so it can be asked again.
    pub fn question(&self) -> Result<CheckQuestion, Failure> {
        let mut q = self.question.clone();
        if let Some(path) = &self.ownership_file {
            let holdings = read_ownership(path)?.into_iter().map(|s| Holding {
                owner: s.owner,
                owned: Some(s.owned),
                percent: s.percent,
            });
            q.ownership.get_or_insert_with(Vec::new).extend(holdings);
        }
        Ok(q)
    }

    /// The holdings every row of a batch shares (the `--ownership` file and any `--owner`).
    pub fn batch_stakes(&self) -> Result<Option<Vec<Stake>>, Failure> {
        let mut stakes: Vec<Stake> = self
            .question
            .ownership
            .iter()
            .flatten()
            .map(|h| Stake {
                owner: h.owner.clone(),
                owned: h.owned.clone().unwrap_or_default(),
                percent: h.percent,
                origin: None,
            })
            .collect();
        if let Some(path) = &self.ownership_file {
            stakes.extend(read_ownership(path)?);
        }
        Ok((self.question.ownership.is_some() || self.ownership_file.is_some()).then_some(stakes))
    }
}

/// Reads an ownership CSV (`owner,owned,percent`), every row or a clear error with its line.
fn read_ownership(path: &Path) -> Result<Vec<Stake>, Failure> {
    let file = std::fs::File::open(path).map_err(|e| Failure::cannot_open(path, &e))?;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(std::io::BufReader::new(file));
    let headers = reader
        .headers()
        .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?
        .clone();
    check_columns(path, &headers, &["owner", "owned", "percent"], &[])?;
    let mut stakes = Vec::new();
    let mut lines =
        crate::lines::LineCounter::open(path).map_err(|e| Failure::cannot_open(path, &e))?;
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
            Failure::unreadable_row(path, line, &e)
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
            Failure::file(FileProblem::Row {
                file: path.display().to_string(),
                line,
                reason: RowReason::NotNumber {
                    column: "percent".into(),
                    text: percent.to_string(),
                },
            })
        })?;
        stakes.push(Stake {
            owner: field("owner").to_string(),
            owned: field("owned").to_string(),
            percent,
            origin: None,
        });
    }
    Ok(stakes)
}

/// What is wrong with a header, and where (its 1-based column, when one column is at fault).
#[derive(Debug)]
pub struct HeaderError {
    pub column: Option<usize>,
    /// In English: `problem`'s own text.
    pub message: String,
    pub problem: ColumnProblem,
}

impl From<ColumnProblem> for HeaderError {
    fn from(problem: ColumnProblem) -> HeaderError {
        HeaderError {
            column: problem.column(),
            message: problem.to_string(),
            problem,
        }
    }
}

/// Refuses a header that misses a required column, names one earl does not know (suggesting
/// the nearest known one) or names one twice; returns the optional columns it lacks, which
/// are taken as empty in every row.
pub fn header_check<'k>(
    headers: &[&str],
    required: &[&'k str],
    optional: &[&'k str],
) -> Result<Vec<&'k str>, HeaderError> {
    let known: Vec<&str> = required.iter().chain(optional).copied().collect();
    let expected: Vec<String> = known.iter().map(|k| k.to_string()).collect();
    for (i, h) in headers.iter().enumerate() {
        if !known.contains(h) {
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
                .map(|(_, k)| k.to_string());
            return Err(ColumnProblem::Unknown {
                column: i + 1,
                name: h.to_string(),
                hint,
                expected,
            }
            .into());
        }
    }
    for (i, h) in headers.iter().enumerate() {
        if headers.iter().skip(i + 1).any(|other| other == h) {
            return Err(ColumnProblem::Twice {
                name: h.to_string(),
            }
            .into());
        }
    }
    for needed in required {
        if !headers.contains(needed) {
            return Err(ColumnProblem::Missing {
                name: needed.to_string(),
                expected,
            }
            .into());
        }
    }
    Ok(optional
        .iter()
        .copied()
        .filter(|o| !headers.contains(o))
        .collect())
}

/// [`header_check`] on a CSV file's header: the optional columns it lacks (taken as empty in
/// every row; the front end says so), or what is wrong with it and where.
pub fn check_columns<'k>(
    path: &Path,
    headers: &csv::StringRecord,
    required: &[&'k str],
    optional: &[&'k str],
) -> Result<Vec<&'k str>, Failure> {
    let names: Vec<&str> = headers.iter().collect();
    header_check(&names, required, optional).map_err(|e| {
        Failure::file(FileProblem::Column {
            file: path.display().to_string(),
            problem: e.problem,
        })
    })
}

/// The note a front end prints for the optional columns a file lacks, in `lang`.
pub fn absent_columns_note(path: &Path, absent: &[&str], lang: Lang) -> Option<String> {
    (!absent.is_empty())
        .then(|| earl_render::errors::absent_columns(&path.display().to_string(), absent, lang))
}

/// The explained, recorded answer of one check (what `--json` prints).
pub fn answer(app: &App, q: &CheckQuestion) -> Result<earl_engine::CheckAnswer, Failure> {
    let (engine, scenario) = app.engine_with_scenario(q.scenario.as_deref())?;
    let req = earl_engine::questions::check_request(q, scenario)?;
    let answer = earl_render::explained(engine.check(&req)?);
    app.record(&Recorded::new(q.clone()), &answer)?;
    Ok(answer)
}

/// One row of a batch: its cells by column, borrowed from the CSV record (or from Python's
/// columns). An empty cell is an absent one.
#[derive(Default, Debug, Clone)]
pub struct BatchRow<'r> {
    cells: Vec<(&'r str, &'r str)>,
}

/// The columns every batch file has: the catalog chip, and the destination (the question's
/// `to`).
pub const REQUIRED: &[&str] = &["chip", "destination"];

/// Fields of the check question that are not batch columns: the item's other forms (a batch
/// names catalog chips), the scenario (one per batch) and ownership (one file per batch).
const NOT_COLUMNS: &[&str] = &[
    "chip",
    "to",
    "system",
    "contains",
    "tpp",
    "throughput",
    "die_area",
    "pd",
    "datacenter",
    "memory_bandwidth",
    "chip_to_chip",
    "package_area",
    "kind",
    "scenario",
    "ownership",
];

/// How a cell is read: the JSON type of its field in the check question's schema.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cell {
    Text,
    WholeNumber,
    Number,
    YesNo,
}

/// The optional columns of a batch and how each is read: every other field of the check
/// question, from its schema, so a fact added to the question is a column without an edit here.
fn optional() -> &'static [(String, Cell)] {
    static COLUMNS: std::sync::OnceLock<Vec<(String, Cell)>> = std::sync::OnceLock::new();
    COLUMNS.get_or_init(|| {
        let schema = serde_json::to_value(schemars::schema_for!(CheckQuestion))
            .expect("a schema serialises");
        let mut columns: Vec<(String, Cell)> = schema["properties"]
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(name, _)| !NOT_COLUMNS.contains(&name.as_str()))
            .map(|(name, property)| {
                let types: Vec<&str> = match &property["type"] {
                    serde_json::Value::String(t) => vec![t.as_str()],
                    serde_json::Value::Array(ts) => ts.iter().filter_map(|t| t.as_str()).collect(),
                    _ => Vec::new(),
                };
                let cell = if types.contains(&"integer") {
                    Cell::WholeNumber
                } else if types.contains(&"number") {
                    Cell::Number
                } else if types.contains(&"boolean") {
                    Cell::YesNo
                } else {
                    Cell::Text
                };
                (name.clone(), cell)
            })
            .collect();
        columns.sort_by(|a, b| a.0.cmp(&b.0));
        columns
    })
}

/// The optional columns of a batch file (every fact of the check question a row can state).
pub fn optional_columns() -> Vec<&'static str> {
    optional().iter().map(|(name, _)| name.as_str()).collect()
}

/// What every row of a batch shares: the default date, origin, scenario and ownership.
pub struct BatchDefaults<'a> {
    pub date: jiff::civil::Date,
    pub from: Option<&'a str>,
    pub scenario: Option<&'a str>,
    pub stakes: Option<&'a Vec<Stake>>,
}

/// One output row of a batch: the decision in the batch file's columns, or why the row could
/// not be checked (`error`, and every decision column null). In CSV a null is an empty cell.
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
pub struct BatchOutcome {
    pub row: u64,
    pub chip: String,
    /// The destination as the row gave it.
    pub destination: String,
    /// The ISO code it resolved to (null when the row could not be checked).
    pub destination_code: Option<String>,
    pub end_user: String,
    pub date: String,
    pub eccn: Option<String>,
    /// Null when the facts or the law at hand cannot tell, never a silent `false`.
    pub license_required: Option<bool>,
    pub prohibited: Option<bool>,
    pub license_exception: Option<String>,
    pub review_policy: Option<String>,
    pub regime: String,
    pub end_user_matches: String,
    /// What the lists the end user was screened against lack (lists without Entity List or
    /// SDN rows, lists that lost entries), joined by `; `: beside an empty `end_user_matches`
    /// it says how little "no match" means. Empty when no end user was screened.
    pub list_warnings: String,
    pub error: String,
}

/// The batch columns of a row's determination. `eccn` is `none` when the item is not
/// controlled and `undetermined` when a missing fact decides it.
pub fn outcome(row: u64, r: &BatchRow, date: String, answer: &CheckAnswer) -> BatchOutcome {
    let d = &answer.determination;
    BatchOutcome {
        row,
        chip: r.chip().to_string(),
        destination: r.destination().to_string(),
        destination_code: Some(d.destination.clone()),
        end_user: r.get("end_user").unwrap_or("").to_string(),
        date,
        eccn: Some(
            d.paragraph
                .as_deref()
                .unwrap_or(if d.open_classification().is_none() {
                    "none"
                } else {
                    "undetermined"
                })
                .to_string(),
        ),
        license_required: d.license_required,
        prohibited: d.prohibited,
        license_exception: d.license_exception.clone(),
        review_policy: review_column(d),
        regime: d.regime.clone(),
        end_user_matches: matches_column(d),
        list_warnings: answer.list_warnings.join("; "),
        error: String::new(),
    }
}

/// The `review_policy` cell: the policy; `undetermined` when readings of the review entries or
/// the classifications still possible leave it open (an empty cell beside a licence requirement
/// would read as "no policy"); empty when none is stated.
fn review_column(d: &Determination) -> Option<String> {
    if let Some(p) = d.review_policy {
        return Some(p.as_str().to_string());
    }
    let open = d
        .because
        .iter()
        .any(|s| matches!(s.reason, Reason::ReviewUndetermined { .. }))
        || d.possible_outcomes
            .iter()
            .any(|o| o.review_policy.is_some() || o.review_open.is_some());
    open.then(|| "undetermined".to_string())
}

/// The `end_user_matches` cell: the end user's own hits (`LIST:name`), then its owners' hits
/// (`LIST:name (owner OWNER)`): an end user restricted through its owners must not show an
/// empty cell beside `license_required`.
fn matches_column(d: &Determination) -> String {
    let own = d
        .end_user_matches
        .iter()
        .map(|m| format!("{}:{}", m.list, m.name));
    let owners = d
        .owner_matches
        .iter()
        .map(|m| format!("{}:{} (owner {})", m.list, m.name, m.party));
    own.chain(owners).collect::<Vec<_>>().join("; ")
}

/// The batch row of one that could not be checked: no decision column says anything.
pub fn failed(row: u64, chip: &str, destination: &str, reason: String) -> BatchOutcome {
    BatchOutcome {
        row,
        chip: chip.to_string(),
        destination: destination.to_string(),
        destination_code: None,
        end_user: String::new(),
        date: String::new(),
        eccn: None,
        license_required: None,
        prohibited: None,
        license_exception: None,
        review_policy: None,
        regime: String::new(),
        end_user_matches: String::new(),
        list_warnings: String::new(),
        error: reason,
    }
}

impl<'r> BatchRow<'r> {
    /// A row of `(column, cell)` pairs.
    pub fn new(cells: Vec<(&'r str, &'r str)>) -> BatchRow<'r> {
        BatchRow { cells }
    }

    /// The cell of `column`, when the row has one that is not empty.
    pub fn get(&self, column: &str) -> Option<&'r str> {
        self.cells
            .iter()
            .find(|(c, v)| *c == column && !v.is_empty())
            .map(|(_, v)| *v)
    }

    pub fn chip(&self) -> &'r str {
        self.get("chip").unwrap_or("")
    }

    pub fn destination(&self) -> &'r str {
        self.get("destination").unwrap_or("")
    }

    /// The row as the question it asks: its cells, the batch's defaults where a cell is empty.
    pub fn question(&self, defaults: &BatchDefaults) -> Result<CheckQuestion, RowReason> {
        use serde_json::Value;
        let mut fields = serde_json::Map::new();
        fields.insert("chip".into(), self.chip().into());
        fields.insert("to".into(), self.destination().into());
        for (column, cell) in optional() {
            let Some(text) = self.get(column) else {
                continue;
            };
            let value = match cell {
                Cell::Text => Value::from(text),
                Cell::WholeNumber => {
                    Value::from(text.parse::<u64>().map_err(|_| RowReason::NotWholeNumber {
                        column: column.clone(),
                        text: text.to_string(),
                    })?)
                }
                Cell::Number => Value::from(
                    text.trim_end_matches('%')
                        .trim()
                        .parse::<f64>()
                        .map_err(|_| RowReason::NotNumber {
                            column: column.clone(),
                            text: text.to_string(),
                        })?,
                ),
                Cell::YesNo => Value::from(earl_question::parse_yes_no(text).map_err(|_| {
                    RowReason::NotYesNo {
                        column: column.clone(),
                        text: text.to_string(),
                    }
                })?),
            };
            fields.insert(column.clone(), value);
        }
        if !fields.contains_key("from")
            && let Some(from) = defaults.from
        {
            fields.insert("from".into(), from.into());
        }
        if !fields.contains_key("date") {
            fields.insert("date".into(), defaults.date.to_string().into());
        }
        if let Some(scenario) = defaults.scenario {
            fields.insert("scenario".into(), scenario.into());
        }
        serde_json::from_value(Value::Object(fields)).map_err(|e| RowReason::Said(e.to_string()))
    }
}

/// Checks one batch row: the question it asks, the request made of it and its answer, or why
/// it cannot be checked (its English is what the output's `error` column holds).
pub fn check_row<'c>(
    checker: &'c mut earl_engine::BatchChecker<'_>,
    r: &BatchRow,
    defaults: &BatchDefaults,
) -> Result<(CheckQuestion, CheckRequest, earl_engine::Checked<'c>), RowReason> {
    let question = r.question(defaults)?;
    let mut req = earl_engine::questions::check_request(&question, question.scenario.clone())?;
    req.ownership = defaults.stakes.filter(|_| req.end_user.is_some()).cloned();
    let checked = checker.check(&req)?;
    Ok((question, req, checked))
}

/// Prepares the audit records of a batch's rows, explaining and serialising each distinct
/// answer once for every row that shares it.
pub struct BatchRecorder<'e> {
    engine: &'e earl_engine::Engine,
    source: Source,
    /// The prepared bodies of the latest answers (by the checker's id), at most
    /// [`earl_engine::ANSWER_WINDOW`]: an older one is prepared again, identically, and from
    /// then on kept in `kept` (up to [`earl_engine::KEPT_ANSWERS`]), as the checker keeps it.
    shared: HashMap<usize, SharedAnswer>,
    kept: HashMap<usize, SharedAnswer>,
    /// The ids prepared at least once.
    prepared: std::collections::HashSet<usize>,
}

impl<'e> BatchRecorder<'e> {
    pub fn new(engine: &'e earl_engine::Engine, source: Source) -> BatchRecorder<'e> {
        BatchRecorder {
            engine,
            source,
            shared: HashMap::new(),
            kept: HashMap::new(),
            prepared: std::collections::HashSet::new(),
        }
    }

    /// The record of one checked row; `ownership_file` is what `--ownership` named, if anything.
    pub fn record(
        &mut self,
        row: u64,
        question: CheckQuestion,
        req: &CheckRequest,
        checked: &earl_engine::Checked,
        ownership_file: Option<&Path>,
    ) -> Result<PreparedRecord, Failure> {
        let id = checked.id;
        if !self.kept.contains_key(&id) && !self.shared.contains_key(&id) {
            let prepared = self
                .engine
                .share(&earl_render::explained(checked.answer.clone()))?;
            if !self.prepared.insert(id) && self.kept.len() < earl_engine::KEPT_ANSWERS {
                // Prepared before and asked again: an answer that repeats.
                self.kept.insert(id, prepared);
            } else {
                if self.shared.len() >= earl_engine::ANSWER_WINDOW {
                    self.shared.clear();
                }
                self.shared.insert(id, prepared);
            }
        }
        let answer = match self.kept.get(&id) {
            Some(answer) => answer,
            None => &self.shared[&id],
        };
        let inputs = Recorded {
            row: Some(row),
            ownership_file: ownership_file.map(|p| p.display().to_string()),
            ..Recorded::new(question)
        };
        Ok(self
            .engine
            .record_shared(self.source, &inputs, answer, req.date)?)
    }
}

/// One row of [`check_many`]: its batch columns and, when answers were asked for, which of
/// [`Many::answers`] is its full answer (`None` for a row that failed).
pub struct ManyRow {
    pub outcome: BatchOutcome,
    pub answer: Option<usize>,
}

/// What [`check_many`] returns: the rows in order, and each distinct answer once as JSON text
/// — what `earl check --json` prints for the question, but with the `date` of the first row
/// asking it in its epoch; a row's own answer is that with the row's `date` (`outcome.date`).
pub struct Many {
    pub rows: Vec<ManyRow>,
    pub answers: Vec<String>,
}

/// Checks many rows on every core, records them in the audit trail (unless it is off) and
/// returns them in order once every record is durable. Rows are numbered from 1 in `row`.
/// A row that cannot be checked carries its reason in `error`, as in `earl check --batch`.
pub fn check_many(
    app: &App,
    rows: &[BatchRow],
    defaults: &BatchDefaults,
    source: Source,
    with_answers: bool,
) -> Result<Many, Failure> {
    let engine = app.engine()?;
    let audit = app.audit()?;
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(rows.len().div_ceil(256).max(1));
    let per_thread = rows.len().div_ceil(threads).max(1);
    struct Part {
        rows: Vec<ManyRow>,
        answers: Vec<String>,
        records: Vec<PreparedRecord>,
    }
    let parts: Vec<Result<Part, Failure>> = std::thread::scope(|scope| {
        let handles: Vec<_> = rows
            .chunks(per_thread)
            .enumerate()
            .map(|(chunk, rows)| {
                scope.spawn(move || -> Result<Part, Failure> {
                    let mut checker = engine.batch(defaults.scenario)?;
                    let mut recorder = BatchRecorder::new(engine, source);
                    // This thread's checker numbers its distinct answers 0, 1, 2, ...
                    let mut answers: Vec<String> = Vec::new();
                    let (mut out, mut records) = (Vec::with_capacity(rows.len()), Vec::new());
                    for (i, r) in rows.iter().enumerate() {
                        let row = (chunk * per_thread + i + 1) as u64;
                        match check_row(&mut checker, r, defaults) {
                            Ok((question, req, checked)) => {
                                let outcome = outcome(row, r, req.date.to_string(), checked.answer);
                                if audit.is_some() {
                                    records.push(
                                        recorder.record(row, question, &req, &checked, None)?,
                                    );
                                }
                                if with_answers && answers.len() == checked.id {
                                    answers.push(
                                        serde_json::to_string(&earl_render::explained(
                                            checked.answer.clone(),
                                        ))
                                        .map_err(|e| Failure::internal(e.to_string()))?,
                                    );
                                }
                                let answer = with_answers.then_some(checked.id);
                                out.push(ManyRow { outcome, answer });
                            }
                            Err(reason) => out.push(ManyRow {
                                outcome: failed(row, r.chip(), r.destination(), reason.to_string()),
                                answer: None,
                            }),
                        }
                    }
                    Ok(Part {
                        rows: out,
                        answers,
                        records,
                    })
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Failure::internal("a batch thread panicked")))
            })
            .collect()
    });
    let mut many = Many {
        rows: Vec::with_capacity(rows.len()),
        answers: Vec::new(),
    };
    let mut records = Vec::new();
    for part in parts {
        let part = part?;
        let offset = many.answers.len();
        many.rows.extend(part.rows.into_iter().map(|mut r| {
            r.answer = r.answer.map(|i| i + offset);
            r
        }));
        many.answers.extend(part.answers);
        records.extend(part.records);
    }
    if let Some(store) = audit {
        for chunk in records.chunks(earl_store::DEFAULT_CHUNK_SIZE) {
            store.append_all(&chunk.iter().collect::<Vec<_>>())?;
        }
    }
    Ok(many)
}
