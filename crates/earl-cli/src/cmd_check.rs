//! `earl check`: one shipment, or a CSV of them with `--batch`.

use crate::print_json;
use earl_engine::audit::Source;
use earl_engine::questions::date_or_today;
use earl_front::app::{App, Failure};
use earl_front::check::{
    BatchDefaults, BatchRecorder, BatchRow, REQUIRED, check_row, failed, optional_columns, outcome,
};
pub use earl_front::check::{CheckArgs, answer};
use earl_render::Lang;
use earl_render::errors::Problem;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

pub fn run(app: &App, a: &CheckArgs, lang: Lang) -> Result<(), Failure> {
    if let Some(batch) = &a.batch {
        return run_batch(app, a, batch, lang);
    }
    // Recorded in English (the audit record's language), shown in the language asked.
    let answer = earl_render::explained_in(answer(app, &a.question()?)?, lang);
    if a.json {
        return print_json(&answer);
    }
    earl_render::human::check(&mut std::io::stdout().lock(), &answer, lang)?;
    Ok(())
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
    /// Rows are JSON lines (one object per row, the CSV's fields typed) with `--json` or an
    /// `--out` file named `.jsonl`, else CSV.
    fn open(out: &Option<PathBuf>, json: bool) -> Result<Sink, Failure> {
        if let Some(p) = out
            && json
            && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"))
        {
            return Err(Failure::input(format!(
                "--json writes JSON lines, but --out {} names a CSV file: drop --json, or name the file .jsonl",
                p.display()
            )));
        }
        let (w, jsonl): (Box<dyn Write>, bool) = match out {
            Some(p) => {
                let f = std::fs::File::create(p).map_err(|e| Failure::cannot_create(p, &e))?;
                (
                    Box::new(BufWriter::new(f)),
                    json || p.extension().is_some_and(|e| e == "jsonl"),
                )
            }
            None => (Box::new(BufWriter::new(std::io::stdout().lock())), json),
        };
        Ok(Sink {
            out: w,
            jsonl,
            held: Vec::new(),
            header_written: false,
            held_rows: 0,
        })
    }

    fn hold(&mut self, row: &earl_front::check::BatchOutcome) -> Result<(), Failure> {
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

fn run_batch(app: &App, a: &CheckArgs, path: &Path, lang: Lang) -> Result<(), Failure> {
    let (engine, scenario) = app.engine_with_scenario(a.question.scenario.as_deref())?;
    let mut checker = engine.batch(scenario.as_deref())?;
    let file = std::fs::File::open(path).map_err(|e| Failure::cannot_open(path, &e))?;
    let total_bytes = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(std::io::BufReader::new(file));
    let headers = reader
        .headers()
        .map_err(|e| Failure::input(format!("{}: {e}", path.display())))?
        .clone();
    crate::check_columns(path, &headers, REQUIRED, &optional_columns(), lang)?;
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (chip_col, destination_col) = (column("chip"), column("destination"));
    let stakes = a.batch_stakes()?;
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
    let mut sink = Sink::open(&a.out, a.json)?;
    let defaults = BatchDefaults {
        date: date_or_today(a.question.date.as_deref())?,
        from: a.question.from.as_deref(),
        scenario: scenario.as_deref(),
        stakes: stakes.as_ref(),
    };
    let audit = app.audit()?;
    // Rows are held until their audit records are durable: an output row never exists
    // without its record, however the run ends.
    let mut pending = Vec::new();
    let mut recorder = BatchRecorder::new(engine, Source::CliBatch);
    let (mut ok, mut failed_rows, mut required, mut rows) = (0u64, 0u64, 0u64, 0u64);
    let mut undetermined = 0u64;
    // What the lists lack, said once for the run (every screened row's record carries it).
    let mut list_warnings: Vec<earl_screen::ListWarning> = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut lines =
        earl_front::lines::LineCounter::open(path).map_err(|e| Failure::cannot_open(path, &e))?;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                rows += 1;
                failed_rows += 1;
                let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                let said = earl_render::errors::unreadable_row(
                    &path.display().to_string(),
                    line,
                    &(&e).into(),
                    lang,
                );
                eprintln!("earl: {said}");
                continue;
            }
        }
        rows += 1;
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        let r = BatchRow::new(headers.iter().zip(record.iter()).collect());
        let result = check_row(&mut checker, &r, &defaults).map(|(q, req, c)| (r, q, req, c));
        match result {
            Ok((r, question, req, checked)) => {
                ok += 1;
                if list_warnings.is_empty() {
                    list_warnings.clone_from(&checked.answer.list_warning_facts);
                }
                let d = &checked.answer.determination;
                if d.license_required == Some(true) {
                    required += 1;
                } else if d.license_required.is_none() || d.prohibited.is_none() {
                    undetermined += 1;
                }
                sink.hold(&outcome(line, &r, req.date.to_string(), checked.answer))?;
                if audit.is_some() {
                    pending.push(recorder.record(
                        line,
                        question,
                        &req,
                        &checked,
                        a.ownership_file.as_deref(),
                    )?);
                }
            }
            Err(reason) => {
                failed_rows += 1;
                // One reason: in the language asked on stderr, in English in the output (data).
                let said = earl_render::errors::batch_row(
                    &path.display().to_string(),
                    line,
                    &reason,
                    lang,
                );
                eprintln!("earl: {said}");
                let cell = |c: Option<usize>| c.and_then(|i| record.get(i)).unwrap_or("");
                let reason = reason.to_string();
                sink.hold(&failed(line, cell(chip_col), cell(destination_col), reason))?;
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
    for warning in &list_warnings {
        let warning = earl_render::currency::list_warning(warning, lang);
        eprintln!("earl: {}", earl_render::status::warning(&warning, lang));
    }
    let summary = earl_render::status::batch_checked(
        earl_render::status::BatchChecked {
            rows,
            checked: ok,
            required,
            undetermined,
            failed: failed_rows,
        },
        lang,
    );
    eprintln!("earl: {summary}");
    if failed_rows > 0 {
        Err(Failure::said(
            2,
            Problem::RowsNotChecked {
                failed: failed_rows,
                rows,
            },
        ))
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
