//! Keeping answers current: `earl lists diff`, `earl audit rescreen`, `earl audit recheck` and
//! `earl update`, in words; and the count-drop warnings of the lists.

use crate::human::generated;
use crate::lang::Lang;
use crate::prose::join;
use crate::tr;
use earl_core::step::DocumentRef;
use earl_engine::reexamine::{NotRead, Outcome, PartyChange, RecheckReport, RescreenReport};
use earl_screen::diff::{FieldValue, ListsDiff};
use earl_screen::{CountDrop, ListWarning, Provenance};
use std::io::{self, Write};

/// A SHA-256 shortened as every printer shows it: its first 16 hex digits.
fn short_hash(sha256: &str) -> String {
    sha256.chars().take(16).collect()
}

fn provenance_line(p: &Provenance, lang: Lang) -> String {
    tr!(
        lang,
        "lists-provenance",
        source = p.source_file.as_str(),
        generated = generated(p, lang),
        count = p.counts.total,
        hash = short_hash(&p.sha256)
    )
}

fn value(v: &FieldValue, lang: Lang) -> String {
    match v {
        FieldValue::Text(Some(t)) => tr!(lang, "quoted", text = t.as_str()),
        FieldValue::Text(None) => tr!(lang, "none"),
        FieldValue::List(items) if items.is_empty() => tr!(lang, "none"),
        FieldValue::List(items) => {
            let quoted: Vec<String> = items
                .iter()
                .map(|i| tr!(lang, "quoted", text = i.as_str()))
                .collect();
            join(&quoted, "list-comma", lang)
        }
    }
}

/// The first line of `earl lists`: which list is in use and how old it is.
pub fn lists_in_use(
    w: &mut dyn Write,
    p: &Provenance,
    age_days: Option<i32>,
    lang: Lang,
) -> io::Result<()> {
    let line = match (p.generated, age_days) {
        (Some(g), Some(age)) => tr!(
            lang,
            "lists-in-use",
            source = p.source_file.as_str(),
            date = g.to_string(),
            days = age
        ),
        _ => tr!(
            lang,
            "lists-in-use-undated",
            source = p.source_file.as_str()
        ),
    };
    writeln!(w, "{line}")
}

/// `earl lists diff`.
pub fn lists_diff(w: &mut dyn Write, d: &ListsDiff, lang: Lang) -> io::Result<()> {
    let from = provenance_line(&d.from, lang);
    let to = provenance_line(&d.to, lang);
    writeln!(w, "{}", tr!(lang, "lists-diff-from", provenance = from))?;
    writeln!(w, "{}", tr!(lang, "lists-diff-to", provenance = to))?;
    if d.is_empty() {
        writeln!(w, "{}", tr!(lang, "lists-diff-same"))?;
        return Ok(());
    }
    for (list, t) in &d.per_list {
        let counts = tr!(
            lang,
            "lists-diff-counts",
            added = t.added,
            removed = t.removed,
            changed = t.changed
        );
        writeln!(w, "  {list:<8} {counts}")?;
    }
    // The list codes, entry names and notices are data, shown as published; only the marks
    // (+, -, ~) and the field values' quotes are earl's.
    for e in &d.added {
        let notice = e
            .federal_register_notice
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        writeln!(w, "+ {}: {}{notice}", e.list, e.name)?;
    }
    for e in &d.removed {
        writeln!(w, "- {}: {}", e.list, e.name)?;
    }
    for c in &d.changed {
        writeln!(w, "~ {}: {}", c.list, c.name)?;
        for f in &c.fields {
            let change = tr!(
                lang,
                "lists-diff-field",
                before = value(&f.before, lang),
                after = value(&f.after, lang)
            );
            writeln!(w, "    {}: {change}", f.field)?;
        }
    }
    Ok(())
}

fn records(r: &[u64], lang: Lang) -> String {
    let shown: Vec<String> = r.iter().take(10).map(u64::to_string).collect();
    let shown = join(&shown, "list-comma", lang);
    match r.len() {
        n if n > 10 => tr!(lang, "records-and-more", shown = shown, more = n - 10),
        _ => shown,
    }
}

fn changes(w: &mut dyn Write, title: &str, list: &[PartyChange], lang: Lang) -> io::Result<()> {
    if list.is_empty() {
        return Ok(());
    }
    writeln!(w, "{}", tr!(lang, title))?;
    for c in list {
        let line = tr!(
            lang,
            "reexamine-party-change",
            name = c.name.as_str(),
            list = c.list.as_str(),
            entry = c.entry.as_str(),
            matched = c.matched_name.as_str(),
            score = format!("{:.2}", c.score),
            records = records(&c.records, lang)
        );
        writeln!(w, "  {line}")?;
        if let Some(review) = &c.review {
            writeln!(w, "    {}", crate::review::hit_review(review, lang))?;
        }
    }
    Ok(())
}

/// The records a re-examination could not read; `heading` is a message taking `count`.
pub(crate) fn not_read(
    w: &mut dyn Write,
    heading: &str,
    list: &[NotRead],
    lang: Lang,
) -> io::Result<()> {
    if list.is_empty() {
        return Ok(());
    }
    writeln!(w, "{}", tr!(lang, heading, count = list.len()))?;
    for n in list.iter().take(20) {
        // The reason is the engine's (an I/O or parse error), quoted as it is.
        let line = tr!(
            lang,
            "not-read-record",
            record = n.record,
            reason = n.reason.as_str()
        );
        writeln!(w, "  {line}")?;
    }
    if list.len() > 20 {
        writeln!(
            w,
            "  {}",
            tr!(lang, "not-read-more", more = list.len() - 20)
        )?;
    }
    Ok(())
}

/// What the lists a re-examination used lack, one warning a line: a hit they no longer give
/// may be their gap, not a clear.
fn lists_lack(
    w: &mut dyn Write,
    lists: &earl_engine::reexamine::ListsUsed,
    lang: Lang,
) -> io::Result<()> {
    for fact in &lists.warning_facts {
        let text = list_warning(fact, lang);
        writeln!(w, "{}", crate::status::warning(&text, lang))?;
    }
    Ok(())
}

/// `earl audit rescreen`.
pub fn rescreen(w: &mut dyn Write, r: &RescreenReport, lang: Lang) -> io::Result<()> {
    let head = tr!(
        lang,
        "rescreen-head",
        parties = r.parties,
        records = r.records,
        occurrences = r.occurrences,
        source = r.lists.source_file.as_str(),
        hash = short_hash(&r.lists.sha256),
        screened = r.screened,
        reused = r.reused
    );
    writeln!(w, "{head}")?;
    lists_lack(w, &r.lists, lang)?;
    if let Some(u) = &r.unchanged_by_update {
        let line = tr!(
            lang,
            "rescreen-unchanged-by-update",
            names = u.names,
            hash = short_hash(&u.earlier_lists),
            added = u.entries_added,
            removed = u.entries_removed
        );
        writeln!(w, "{line}")?;
    }
    if r.new_hits.is_empty() && r.reraised.is_empty() && r.cleared.is_empty() {
        writeln!(w, "{}", tr!(lang, "rescreen-none-changed"))?;
    }
    changes(w, "rescreen-new-hits", &r.new_hits, lang)?;
    changes(w, "rescreen-reraised", &r.reraised, lang)?;
    changes(w, "rescreen-cleared", &r.cleared, lang)?;
    not_read(w, "rescreen-not-read", &r.not_read, lang)
}

/// A recorded or fresh answer's verdict, as `recheck` compares them.
fn outcome(o: &Outcome, lang: Lang) -> String {
    let licence = match o.license_required.as_bool() {
        Some(true) => "required",
        Some(false) => "not-required",
        None => "undetermined",
    };
    let prohibited = match o.prohibited.as_bool() {
        Some(true) => "yes",
        _ => "no",
    };
    tr!(
        lang,
        "recheck-outcome",
        licence = licence,
        prohibited = prohibited
    )
}

/// `earl audit recheck`.
pub fn recheck(w: &mut dyn Write, r: &RecheckReport, lang: Lang) -> io::Result<()> {
    let head = tr!(
        lang,
        "recheck-head",
        records = r.records,
        questions = r.questions,
        source = r.lists.source_file.as_str()
    );
    writeln!(w, "{head}")?;
    lists_lack(w, &r.lists, lang)?;
    if let Some(graph) = &r.ownership_graph {
        let line = tr!(lang, "recheck-ownership-graph", graph = graph.as_str());
        writeln!(w, "{line}")?;
    }
    if r.changed.is_empty() {
        writeln!(w, "{}", tr!(lang, "recheck-none-changed"))?;
    }
    for c in &r.changed {
        let because = match c.decided_by.is_empty() {
            true => tr!(lang, "recheck-because-details"),
            false => join(&c.decided_by, "list-comma", lang),
        };
        let line = tr!(
            lang,
            "recheck-changed",
            record = c.record,
            date = c.date.to_string(),
            before = outcome(&c.before, lang),
            after = outcome(&c.after, lang),
            because = because
        );
        writeln!(w, "{line}")?;
    }
    not_read(w, "recheck-not-rechecked", &r.not_rechecked, lang)
}

/// A list that lost a sharp share of its entries, or vanished (`earl_screen::count_drops`):
/// the sentence without the "warning" label.
pub fn count_drop(d: &CountDrop, lang: Lang) -> String {
    if d.vanished() {
        tr!(
            lang,
            "count-drop-vanished",
            list = d.list.as_str(),
            before = d.before
        )
    } else {
        tr!(
            lang,
            "count-drop",
            list = d.list.as_str(),
            before = d.before,
            now = d.now,
            percent = d.percent(),
            max = CountDrop::max_percent()
        )
    }
}

/// What an answer screened against a list file says about the file (`list_warnings`).
pub fn list_warning(warning: &ListWarning, lang: Lang) -> String {
    match warning {
        ListWarning::AgainstBundled { drop, file } => tr!(
            lang,
            "list-warning-against-bundled",
            drop = count_drop(drop, lang),
            file = file.as_str()
        ),
        ListWarning::PartialAccepted { missing } => {
            let names: Vec<String> = missing
                .iter()
                .map(|code| match code.as_str() {
                    "EL" => tr!(lang, "essential-list-el"),
                    "SDN" => tr!(lang, "essential-list-sdn"),
                    other => other.to_string(),
                })
                .collect();
            let missing = match names.as_slice() {
                [first, second] => tr!(
                    lang,
                    "essential-lists-both",
                    first = first.as_str(),
                    second = second.as_str()
                ),
                _ => names.join(", "),
            };
            tr!(lang, "list-warning-partial-accepted", missing = missing)
        }
    }
}

/// What `earl update` put in use, for its report.
#[derive(Debug, Clone, Copy)]
pub struct Update<'a> {
    /// The list file's name under `updates/lists/`.
    pub file: &'a str,
    /// Where it came from (`https://…` or `file://…`).
    pub url: &'a str,
    pub entries: usize,
    /// The source's own generation date, when the file has one.
    pub generated: Option<&'a str>,
    pub fetched_at: &'a str,
    pub sha256: &'a str,
    /// The lists in use before.
    pub previous: &'a str,
    /// The drops accepted with `--accept-drop`.
    pub accepted_drops: &'a [CountDrop],
    /// The Federal Register documents read, when any were (`None`: `--from-dir` held none).
    pub documents: Option<UpdateDocuments<'a>>,
}

/// The BIS documents `earl update` found.
#[derive(Debug, Clone, Copy)]
pub struct UpdateDocuments<'a> {
    /// Documents published on or after this date were asked for.
    pub since: &'a str,
    pub pages: usize,
    pub documents: &'a [DocumentRef],
}

/// `earl update`'s report: the lists now in use, the drops accepted, the documents found.
pub fn update(w: &mut dyn Write, u: &Update, lang: Lang) -> io::Result<()> {
    let generated = match u.generated {
        Some(date) => date.to_string(),
        None => tr!(lang, "update-generated-unknown"),
    };
    writeln!(
        w,
        "{}",
        tr!(
            lang,
            "update-lists-in-use",
            file = u.file,
            url = u.url,
            count = u.entries,
            generated = generated,
            fetched = u.fetched_at,
            hash = u.sha256
        )
    )?;
    writeln!(w, "{}", tr!(lang, "update-previously", source = u.previous))?;
    for d in u.accepted_drops {
        writeln!(
            w,
            "{}",
            tr!(lang, "update-accepted-drop", drop = count_drop(d, lang))
        )?;
    }
    match &u.documents {
        Some(d) => {
            writeln!(
                w,
                "{}",
                tr!(
                    lang,
                    "update-documents",
                    count = d.documents.len(),
                    since = d.since,
                    pages = d.pages
                )
            )?;
            for doc in d.documents {
                writeln!(
                    w,
                    "  {}",
                    tr!(
                        lang,
                        "update-document",
                        date = doc.publication_date.to_string(),
                        kind = doc.doc_type.as_str(),
                        title = doc.title.as_str(),
                        citation = doc.citation.as_deref().unwrap_or(&doc.document_number)
                    )
                )?;
            }
        }
        None => writeln!(w, "{}", tr!(lang, "update-no-documents"))?,
    }
    Ok(())
}
