//! `earl check`: one shipment, or a CSV of them with `--batch`.

use crate::app::{App, Failure, date_or_today, print_json};
use crate::render::steps;
use clap::Args;
use earl_core::check::Determination;
use earl_engine::{CheckAnswer, CheckRequest, Item};
use serde_json::json;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct CheckArgs {
    /// Catalog chip name.
    #[arg(required_unless_present = "batch")]
    pub chip: Option<String>,
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
    /// Check every row of this CSV (columns chip, destination, end_user, end_user_hq, date, quantity).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["chip", "to"])]
    pub batch: Option<PathBuf>,
    /// Where batch results go (default stdout); `.jsonl` writes JSON Lines, anything else CSV.
    #[arg(long, value_name = "FILE", requires = "batch")]
    pub out: Option<PathBuf>,
    #[arg(long)]
    pub json: bool,
}

pub fn run(app: &App, a: &CheckArgs) -> Result<(), Failure> {
    if let Some(batch) = &a.batch {
        return run_batch(app, a, batch);
    }
    let (engine, scenario) = app.engine_with_scenario(a.scenario.as_deref())?;
    let req = CheckRequest {
        item: Item::Catalog(a.chip.clone().unwrap_or_default()),
        to: a.to.clone().unwrap_or_default(),
        from: a.from.clone(),
        end_user: a.end_user.clone(),
        end_user_hq: a.end_user_hq.clone(),
        date: date_or_today(&a.date)?,
        scenario,
        quantity: a.quantity,
    };
    let answer = engine.check(&req)?;
    let inputs = json!({"chip": a.chip, "to": a.to, "from": a.from, "end_user": a.end_user, "end_user_hq": a.end_user_hq,
        "date": req.date.to_string(), "scenario": req.scenario, "quantity": a.quantity});
    app.record("check", inputs, &answer)?;
    if a.json {
        return print_json(&answer);
    }
    print_human(&answer);
    Ok(())
}

fn print_human(a: &CheckAnswer) {
    let d = &a.determination;
    let dest = match &d.treated_as {
        Some(t) => format!("{} (treated as {t})", d.destination),
        None => d.destination.clone(),
    };
    let verdict = match (d.prohibited, d.license_required) {
        (true, _) => "PROHIBITED".to_string(),
        (false, Some(true)) => "LICENCE REQUIRED".to_string(),
        (false, Some(false)) => "no licence required by the rules earl evaluates".to_string(),
        (false, None) => "UNDETERMINED — depends on figures earl does not have".to_string(),
    };
    println!(
        "{} → {dest} from {} on {}: {verdict}",
        d.chip_name, d.from, d.date
    );
    let classification = match (&d.paragraph, &d.eccn) {
        (Some(p), _) => p.clone(),
        (None, _) if !d.possible_outcomes.is_empty() => "undetermined".into(),
        _ => "not 3A090".into(),
    };
    let scenario = d
        .scenario
        .as_deref()
        .map(|s| format!(", scenario {s}"))
        .unwrap_or_default();
    println!(
        "  classification: {classification} · rule version {}{scenario}",
        d.regime
    );
    if let Some(x) = &d.license_exception {
        println!("  licence exception: {x}");
    }
    if let Some(p) = d.review_policy {
        println!("  review policy: {}", p.as_str());
    }
    for o in &d.possible_outcomes {
        println!(
            "  if {}: licence {} · exception {} · review {}",
            o.classification,
            if o.license_required {
                "required"
            } else {
                "not required"
            },
            o.license_exception.as_deref().unwrap_or("none"),
            o.review_policy.map_or("none", |p| p.as_str())
        );
    }
    for m in &d.end_user_matches {
        println!(
            "  end user matches {} ({}) on {} — score {:.2}",
            m.name, m.matched_name, m.list, m.score
        );
    }
    for c in &d.charges {
        println!("  charge: {:.0}% {} — {}", c.rate * 100.0, c.kind, c.text);
    }
    steps("Conditions", &d.conditions);
    steps("Why", &d.because);
    steps("Notices", &d.notices);
    steps("Not checked — yours to check", &d.not_checked);
    println!(
        "\nThis is a determination under earl's encoded rules, not a clearance or legal advice."
    );
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
}

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

enum Sink {
    Csv(Box<csv::Writer<Box<dyn Write>>>),
    Jsonl(BufWriter<Box<dyn Write>>),
}

fn open_out(out: &Option<PathBuf>) -> Result<Sink, Failure> {
    let (w, jsonl): (Box<dyn Write>, bool) = match out {
        Some(p) => {
            let f = std::fs::File::create(p)
                .map_err(|e| Failure::input(format!("{}: cannot create: {e}", p.display())))?;
            (Box::new(f), p.extension().is_some_and(|e| e == "jsonl"))
        }
        None => (Box::new(std::io::stdout().lock()), false),
    };
    Ok(if jsonl {
        Sink::Jsonl(BufWriter::new(w))
    } else {
        Sink::Csv(Box::new(csv::Writer::from_writer(w)))
    })
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
    for needed in ["chip", "destination"] {
        if !headers.iter().any(|h| h == needed) {
            return Err(Failure::input(format!(
                "{}: line 1: missing column `{needed}` (columns: chip, destination, end_user, end_user_hq, date, quantity)",
                path.display()
            )));
        }
    }
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
    let mut sink = open_out(&a.out)?;
    let default_date = date_or_today(&a.date)?;
    let audit = app.audit()?;
    let mut pending = Vec::new();
    let (mut ok, mut failed, mut required, mut rows) = (0u64, 0u64, 0u64, 0u64);
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                rows += 1;
                failed += 1;
                let line = e.position().map_or(0, |p| p.line());
                eprintln!("earl: {}: line {line}: unreadable row: {e}", path.display());
                continue;
            }
        }
        rows += 1;
        let line = record.position().map_or(rows + 1, |p| p.line());
        let result = check_row(
            &mut checker,
            &record,
            &headers,
            default_date,
            a.from.as_deref(),
            scenario.as_deref(),
        );
        match result {
            Ok((r, date, d)) => {
                ok += 1;
                if d.license_required == Some(true) {
                    required += 1;
                }
                let out = summary_of(line, &r, date, d);
                write_row(&mut sink, &out)?;
                if audit.is_some() {
                    pending.push(earl_store::NewRecord {
                        kind: "check".into(),
                        source: "cli-batch".into(),
                        inputs: json!({"row": line, "chip": r.chip, "to": r.destination, "end_user": r.end_user, "end_user_hq": r.end_user_hq, "date": out.date, "quantity": r.quantity}),
                        outputs: {
                            let mut v = serde_json::to_value(d).map_err(|e| Failure::internal(e.to_string()))?;
                            v["date"] = json!(out.date);
                            v
                        },
                        rules_hash: engine.data.content_hash.clone(),
                        lists_hash: None,
                        earl_version: env!("CARGO_PKG_VERSION").into(),
                    });
                }
            }
            Err(reason) => {
                failed += 1;
                eprintln!("earl: {}: line {line}: {reason}", path.display());
                let out = OutRow {
                    row: line,
                    chip: record.get(0).unwrap_or(""),
                    destination: record.get(1).unwrap_or(""),
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
                };
                write_row(&mut sink, &out)?;
            }
        }
        if let (Some(store), true) = (audit, pending.len() >= earl_store::DEFAULT_CHUNK_SIZE) {
            store.append_many(std::mem::take(&mut pending))?;
        }
        if rows % 4096 == 0 {
            progress.set_position(record.position().map_or(0, |p| p.byte()));
        }
    }
    if let Some(store) = audit {
        store.append_many(pending)?;
    }
    match &mut sink {
        Sink::Csv(w) => w.flush()?,
        Sink::Jsonl(w) => w.flush()?,
    }
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

/// Checks one CSV record: the parsed row, its date and the determination.
fn check_row<'c, 'r>(
    checker: &'c mut earl_engine::BatchChecker<'_>,
    record: &'r csv::StringRecord,
    headers: &'r csv::StringRecord,
    default_date: jiff::civil::Date,
    from: Option<&str>,
    scenario: Option<&str>,
) -> Result<(Row<'r>, String, &'c Determination), String> {
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
    let req = CheckRequest {
        item: Item::Catalog(r.chip.to_string()),
        to: r.destination.to_string(),
        from: from.map(str::to_string),
        end_user: r.end_user.filter(|s| !s.is_empty()).map(str::to_string),
        end_user_hq: r.end_user_hq.filter(|s| !s.is_empty()).map(str::to_string),
        date,
        scenario: scenario.map(str::to_string),
        quantity,
    };
    let d = checker.check(r.chip, &req).map_err(|e| e.to_string())?;
    Ok((r, date.to_string(), d))
}

fn write_row(sink: &mut Sink, row: &OutRow) -> Result<(), Failure> {
    match sink {
        Sink::Csv(w) => w
            .serialize(row)
            .map_err(|e| Failure::internal(e.to_string())),
        Sink::Jsonl(w) => {
            serde_json::to_writer(&mut *w, row).map_err(|e| Failure::internal(e.to_string()))?;
            w.write_all(b"\n")?;
            Ok(())
        }
    }
}
