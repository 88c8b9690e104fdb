//! The human output of every command: the decision first, then the reasons with their
//! citations. Every printer writes to any `io::Write` and expects an answer already explained
//! ([`crate::Explain`]).

use crate::prose::{num, policy_name};
use earl_core::cite::Confidence;
use earl_core::step::{Listed, Step, Verdict};
use earl_engine::{AboutAnswer, CheckAnswer, ChipRow, ClassifyAnswer, ScreenAnswer};
use earl_screen::{DateBasis, PairScore, Provenance};
use earl_store::{MigrationReport, RecordSummary, StoredRecord, VerifyReport};
use std::io::{self, Write};
use std::path::Path;

/// Numbered steps, each followed by its citation.
pub fn steps(w: &mut dyn Write, title: &str, steps: &[Step]) -> io::Result<()> {
    if steps.is_empty() {
        return Ok(());
    }
    writeln!(w, "\n{title}:")?;
    for (i, s) in steps.iter().enumerate() {
        writeln!(w, "  {:>2}. {}", i + 1, s.text)?;
        let mark = match s.confidence {
            Confidence::Unverified => " [UNVERIFIED]",
            _ => "",
        };
        writeln!(w, "      — {}{mark}", s.cite)?;
    }
    Ok(())
}

/// The one-line verdict of a determination.
pub fn verdict(d: &earl_core::check::Determination) -> String {
    let jurisdiction = match d.subject_to_ear {
        Some(false) => {
            return "NOT SUBJECT TO THE EAR — no EAR licence requirement reaches it (see the path)"
                .into();
        }
        None => " (whether it is subject to the EAR is undetermined)",
        Some(true) => "",
    };
    let verdict: String = match (d.prohibited, d.license_required, &d.license_exception) {
        (Some(true), _, _) => "PROHIBITED — no licence or exception can authorise it".into(),
        (None, Some(true), _) => {
            "LICENCE REQUIRED, and possibly PROHIBITED — see what would decide it".into()
        }
        (None, _, _) => "UNDETERMINED, possibly PROHIBITED — see what would decide it".into(),
        (Some(false), Some(true), Some(x)) => {
            format!(
                "LICENCE REQUIRED, but License Exception {x} can authorise it (see its conditions)"
            )
        }
        (Some(false), Some(true), None) => "LICENCE REQUIRED".into(),
        (Some(false), Some(false), _) => "no licence required by the rules earl evaluates".into(),
        (Some(false), None, _) => "UNDETERMINED — see what would decide it".into(),
    };
    format!("{verdict}{jurisdiction}")
}

/// `earl check`.
pub fn check(w: &mut dyn Write, a: &CheckAnswer) -> io::Result<()> {
    let d = &a.determination;
    let dest = match &d.treated_as {
        Some(t) => format!("{} (treated as {t})", d.destination),
        None => d.destination.clone(),
    };
    writeln!(
        w,
        "{} → {dest} from {} on {}: {}",
        d.chip_name,
        d.from,
        d.date,
        verdict(d)
    )?;
    let classification = match (&d.paragraph, &d.eccn) {
        (Some(p), _) => p.clone(),
        (None, _) if !d.possible_outcomes.is_empty() => "undetermined".into(),
        _ if d.system.is_some() => "not 4A090".into(),
        _ => "not 3A090".into(),
    };
    let scenario = d
        .scenario
        .as_deref()
        .map(|s| format!(", scenario {s}"))
        .unwrap_or_default();
    writeln!(w, "  classification: {classification}")?;
    writeln!(
        w,
        "  rules in force on {}: {} amendments, the newest {}{scenario}",
        d.date,
        d.rules_in_force.len(),
        d.regime
    )?;
    if !d.operative.is_empty() {
        writeln!(w, "  decided under: {}", decided_under(&d.operative))?;
    }
    if let Some(x) = &d.license_exception {
        writeln!(w, "  licence exception: {x}")?;
    }
    if let Some(p) = d.review_policy {
        writeln!(w, "  review policy: {}", policy_name(p))?;
    }
    for o in &d.possible_outcomes {
        let lic = match o.license_required {
            Some(true) => "required",
            Some(false) => "not required",
            None => "undetermined",
        };
        writeln!(
            w,
            "  if {}: licence {lic} · exception {} · review {}",
            o.classification,
            o.license_exception.as_deref().unwrap_or("none"),
            o.review_policy.map_or("none", policy_name)
        )?;
    }
    for d in &d.deciding {
        writeln!(w, "  decided by: {d}")?;
    }
    for m in d.end_user_matches.iter().chain(&d.owner_matches) {
        let alias = if m.matched_name == m.name {
            String::new()
        } else {
            format!(" (as “{}”)", m.matched_name)
        };
        writeln!(
            w,
            "  “{}” matches {}{alias} on {} — score {:.2}",
            m.party, m.name, m.list, m.score
        )?;
    }
    if let Some(p) = &a.lists {
        writeln!(w, "  screened against: {}, {}", p.source_file, generated(p))?;
    }
    for warning in &a.list_warnings {
        writeln!(w, "  warning: {warning}")?;
    }
    for c in &d.charges {
        let may = if c.verdict == Verdict::Undetermined {
            " (may apply)"
        } else {
            ""
        };
        writeln!(
            w,
            "  charge{may}: {}% {} — {}",
            num(c.rate * 100.0),
            c.kind.replace('_', " "),
            c.text
        )?;
    }
    steps(w, "Conditions", &d.conditions)?;
    steps(w, "Why", &d.because)?;
    steps(w, "Notices", &d.notices)?;
    steps(w, "Not checked — yours to check", &d.not_checked)?;
    writeln!(
        w,
        "\nThis is a determination under earl's encoded rules, not a clearance or legal advice."
    )
}

/// `earl screen`.
pub fn screen(w: &mut dyn Write, a: &ScreenAnswer, count_drops: &[String]) -> io::Result<()> {
    if let Some(warning) = &a.staleness_warning {
        writeln!(w, "warning: {warning}")?;
    }
    for warning in count_drops.iter().chain(&a.list_warnings) {
        writeln!(w, "warning: {warning}")?;
    }
    if !a.has_match() {
        writeln!(
            w,
            "No match at or above {:.2} for “{}”{} on {}.",
            a.threshold,
            a.query,
            a.country
                .as_deref()
                .map(|c| format!(" with an address in {c} (or none)"))
                .unwrap_or_default(),
            a.date
        )?;
    }
    for m in &a.matches {
        let f = &m.found;
        let below = if f.below_threshold {
            " (below threshold)"
        } else {
            ""
        };
        let number = f
            .entity_number
            .as_deref()
            .map(|n| format!(" #{n}"))
            .unwrap_or_default();
        writeln!(w, "{:.2}  {} [{}{number}]{below}", f.score, f.name, f.list)?;
        if f.matched_name != f.name {
            writeln!(w, "      matched alias: {}", f.matched_name)?;
        }
        if !f.countries.is_empty() {
            writeln!(w, "      countries: {}", f.countries.join(", "))?;
        }
        writeln!(w, "      listed: {}", listed(&m.listed, m.listed_on_date))?;
        match &m.effect {
            Some(e) => writeln!(w, "      effect: {} — {}", e.text, e.cite.text)?,
            None => writeln!(
                w,
                "      effect: earl's rules do not name the {} list; read the entry and its source list",
                f.list
            )?,
        }
        if let Some(p) = &f.license_policy {
            writeln!(w, "      licence policy: {p}")?;
        }
        let pairs: Vec<String> = f
            .explain
            .pairs
            .iter()
            .map(|p| format!("{}≈{} ({:.2})", p.query, p.list, p.similarity))
            .collect();
        if !pairs.is_empty() {
            writeln!(w, "      why: {}", pairs.join(", "))?;
        }
    }
    writeln!(
        w,
        "\nLists: {}, {}. A match is a lead to review, not a determination.",
        a.lists.source_file,
        generated(&a.lists)
    )
}

fn listed(l: &Listed, on_date: Verdict) -> String {
    let when = match l {
        Listed::On { date, notice } => format!("by {notice}, effective {date}"),
        Listed::By { date, notice, .. } => format!("by {notice}, in force by {date}"),
        Listed::InYear { year, notice } => {
            format!("by {notice} ({year}; exact date not known to earl)")
        }
        Listed::NoNotice => "no Federal Register notice cited".into(),
    };
    let then = match on_date {
        Verdict::Applies => "listed on the date asked",
        Verdict::DoesNotApply => "not yet listed on the date asked",
        Verdict::Undetermined => "may or may not have been listed on the date asked",
    };
    format!("{when} — {then}")
}

/// When the lists were generated, as a reader needs it.
pub fn generated(p: &Provenance) -> String {
    match p.generated {
        Some(d) => format!("generated {d}"),
        None => "generation date unknown".into(),
    }
}

/// `earl match`.
pub fn pair(w: &mut dyn Write, r: &PairScore) -> io::Result<()> {
    writeln!(
        w,
        "{:.3} — {} (threshold {:.2})",
        r.score,
        if r.matched { "match" } else { "no match" },
        r.threshold
    )?;
    for p in &r.explain.pairs {
        writeln!(
            w,
            "  {} ≈ {} ({:.2}, {})",
            p.query,
            p.list,
            p.similarity,
            p.method.as_str()
        )?;
    }
    if !r.explain.unmatched_query_tokens.is_empty() {
        writeln!(
            w,
            "  unmatched in the first: {}",
            r.explain.unmatched_query_tokens.join(", ")
        )?;
    }
    if !r.explain.unmatched_list_tokens.is_empty() {
        writeln!(
            w,
            "  unmatched in the second: {}",
            r.explain.unmatched_list_tokens.join(", ")
        )?;
    }
    for t in &r.explain.transliterations {
        writeln!(
            w,
            "  transliterated ({}, {}): {} → {}",
            t.script.as_str(),
            t.method,
            t.from,
            t.to
        )?;
    }
    Ok(())
}

/// `earl lists`.
pub fn lists(
    w: &mut dyn Write,
    p: &Provenance,
    stale: Option<&str>,
    drops: &[String],
) -> io::Result<()> {
    let basis = match p.generated_basis {
        DateBasis::BundledSnapshot => "the bundled snapshot's documented date",
        DateBasis::JsonEnvelope => "from the file's own date field",
        DateBasis::Unknown => "the file carries no date",
    };
    writeln!(
        w,
        "{} — {} ({basis}), {} entries, sha256 {}",
        p.source_file,
        generated(p),
        p.counts.total,
        p.sha256
    )?;
    for (list, n) in &p.counts.per_list {
        writeln!(w, "  {list:<8} {n:>6}")?;
    }
    if let Some(stale) = stale {
        writeln!(w, "warning: {stale}")?;
    }
    for d in drops {
        writeln!(w, "warning: {d}")?;
    }
    Ok(())
}

/// `earl audit list`.
pub fn audit_list(w: &mut dyn Write, rows: &[RecordSummary], path: &Path) -> io::Result<()> {
    for r in rows {
        // A tampered record may hold anything in its hash column: show what is there.
        let hash: String = r.hash.chars().take(16).collect();
        writeln!(
            w,
            "{:>6}  {}  {:<9} {:<9} {hash}",
            r.seq, r.recorded_at, r.kind, r.source
        )?;
    }
    writeln!(w, "{} records shown ({})", rows.len(), path.display())
}

/// `earl audit show`: the record, and its answer as the command printed it when it can tell.
pub fn audit_record(w: &mut dyn Write, r: &StoredRecord) -> io::Result<()> {
    writeln!(
        w,
        "record {} — {} {} at {}",
        r.seq, r.source, r.kind, r.recorded_at
    )?;
    writeln!(
        w,
        "earl {} · rules {} · lists {}",
        r.earl_version,
        r.rules_hash,
        r.lists_hash.as_deref().unwrap_or("not consulted")
    )?;
    writeln!(w, "hash {} (previous {})", r.hash, r.prev_hash)?;
    writeln!(w, "asked: {}", pretty(&r.inputs))?;
    writeln!(w, "answered: {}", pretty(&r.outputs))
}

fn pretty(v: &serde_json::Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string())
}

/// `earl audit verify`.
pub fn audit_verify(w: &mut dyn Write, r: &VerifyReport, path: &Path) -> io::Result<()> {
    if r.ok {
        writeln!(
            w,
            "ok: {} records, chain intact ({}); last hash {}",
            r.records,
            path.display(),
            r.last_hash.as_deref().unwrap_or("none (empty trail)")
        )
    } else {
        writeln!(
            w,
            "ALTERED: first bad record {} of {}: {}",
            r.first_bad.map_or("?".into(), |s| s.to_string()),
            r.records,
            r.reason.as_deref().unwrap_or("")
        )
    }
}

/// `earl audit tail`.
pub fn audit_tail(w: &mut dyn Write, tail: Option<(u64, String)>, path: &Path) -> io::Result<()> {
    match tail {
        Some((seq, hash)) => writeln!(
            w,
            "record {seq} of {}: hash {hash}\nkeep this elsewhere: a later `earl audit verify` shows the same hash at record {seq}, or the trail was cut or rewritten",
            path.display()
        ),
        None => writeln!(w, "{}: no records yet", path.display()),
    }
}

/// `earl audit migrate`.
pub fn migration(w: &mut dyn Write, path: &Path, r: &MigrationReport) -> io::Result<()> {
    writeln!(
        w,
        "upgraded {} to schema 3: {} records ({} distinct answers), verified before and after (last hash {})",
        path.display(),
        r.records,
        r.bodies,
        r.verified.last_hash.as_deref().unwrap_or("none")
    )?;
    writeln!(
        w,
        "size {} → {} bytes; the schema-2 file is kept at {}",
        r.bytes_before,
        r.bytes_after,
        r.backup.display()
    )
}

fn known(v: Option<f64>, unit: &str) -> String {
    v.map_or_else(|| "unknown".into(), |x| format!("{}{unit}", num(x)))
}

fn yes_no(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "yes",
        Some(false) => "no",
        None => "unknown",
    }
}

/// `earl classify`.
pub fn classify(w: &mut dyn Write, c: &ClassifyAnswer) -> io::Result<()> {
    let who = match (&c.vendor, &c.system) {
        (Some(v), None) => format!("{v} {}", c.name),
        _ => c.name.clone(),
    };
    let verdict = match (&c.paragraph, c.determined) {
        (Some(p), true) => p.clone(),
        (None, true) if c.system.is_some() => "not 4A090".into(),
        (None, true) => match &c.excluded_by {
            Some(x) => format!("not 3A090 — excluded by {x}"),
            None => "not 3A090".into(),
        },
        (_, false) => format!("UNDETERMINED — could be {}", c.possible.join(" or ")),
    };
    writeln!(w, "{who}: {verdict}")?;
    let scenario = c
        .scenario
        .as_deref()
        .map(|s| format!(", scenario {s}"))
        .unwrap_or_default();
    writeln!(
        w,
        "  as of {} under rule version {}{scenario}",
        c.date, c.regime
    )?;
    if let Some(sys) = &c.system {
        for p in &sys.contains {
            writeln!(
                w,
                "  contains {} × {} ({}): {}",
                p.count,
                p.name,
                p.chip,
                p.paragraph
                    .as_deref()
                    .unwrap_or("not 3A090 or undetermined")
            )?;
        }
    } else {
        writeln!(
            w,
            "  TPP {}{} · PD {} · datacenter: {} · memory bandwidth {}",
            known(c.tpp, ""),
            c.tpp_precision
                .as_deref()
                .map(|p| format!(" ({p})"))
                .unwrap_or_default(),
            c.pd.map_or_else(|| "unknown".into(), |p| format!("{p:.2}")),
            yes_no(c.datacenter),
            known(c.memory_bandwidth_gbps, " GB/s")
        )?;
    }
    if !c.deciding.is_empty() {
        writeln!(w, "  decided by: {}", c.deciding.join("; "))?;
    }
    if !c.hinges_on_unverified.is_empty() {
        writeln!(
            w,
            "  rests on unverified figures: {}",
            c.hinges_on_unverified.join(", ")
        )?;
    }
    steps(w, "Why", &c.because)
}

/// `earl chips`.
pub fn chips(
    w: &mut dyn Write,
    rows: &[ChipRow],
    as_of: &str,
    source_document: &str,
) -> io::Result<()> {
    writeln!(
        w,
        "{:<20} {:<14} {:<28} {:>10} {:>7} {:>4} {:>10}",
        "ID", "VENDOR", "NAME", "TPP", "PD", "DC", "MEM GB/s"
    )?;
    for r in rows {
        let flag = if r.unverified.is_empty() { "" } else { " *" };
        writeln!(
            w,
            "{:<20} {:<14} {:<28} {:>10} {:>7} {:>4} {:>10}{flag}",
            r.id,
            r.vendor,
            r.name,
            known(r.tpp, ""),
            r.pd.map_or_else(|| "unknown".into(), |p| format!("{p:.2}")),
            yes_no(r.datacenter),
            known(r.memory_bandwidth_gbps, "")
        )?;
    }
    writeln!(
        w,
        "\n{} chips. TPP and PD are computed from the catalog's dense throughput and die area; * = rests on a figure marked unverified.\nCatalog as of {as_of} ({source_document}).",
        rows.len()
    )
}

/// `earl licence list|show|add`.
pub fn licences(w: &mut dyn Write, views: &[earl_engine::ledger::LicenceView]) -> io::Result<()> {
    if views.is_empty() {
        return writeln!(w, "No licences recorded.");
    }
    for v in views {
        let l = &v.licence;
        writeln!(
            w,
            "Licence {}: {} → {}{} (issued {}{}){}",
            l.number,
            l.item.name,
            l.destination,
            l.end_user
                .as_deref()
                .map(|e| format!(", end user {e}"))
                .unwrap_or_default(),
            l.issued,
            l.expires
                .map(|e| format!(", expires {e}"))
                .unwrap_or_default(),
            if v.expired { " — EXPIRED" } else { "" }
        )?;
        writeln!(
            w,
            "  quantity: {} shipped of {} · remaining {}",
            v.shipped_quantity,
            l.quantity
                .map_or_else(|| "unlimited".into(), |q| q.to_string()),
            v.remaining_quantity
                .map_or_else(|| "unlimited".into(), |q| q.to_string())
        )?;
        if let Some(max) = l.value {
            writeln!(
                w,
                "  value: US${} shipped of US${} · remaining US${}",
                num(v.shipped_value),
                num(max),
                num(v.remaining_value.unwrap_or(0.0))
            )?;
        }
        if let Some(c) = &l.conditions {
            writeln!(w, "  conditions: {c}")?;
        }
        for s in &v.shipments {
            writeln!(
                w,
                "  shipment #{}: {} units on {}{}",
                s.seq,
                s.shipment.quantity,
                s.shipment.date,
                s.shipment
                    .value
                    .map(|x| format!(", US${}", num(x)))
                    .unwrap_or_default()
            )?;
        }
    }
    Ok(())
}

/// `earl ship`.
pub fn shipments(
    w: &mut dyn Write,
    answers: &[earl_engine::ledger::ShipmentAnswer],
) -> io::Result<()> {
    for a in answers {
        let s = &a.shipment;
        let under = s.licence.as_deref().map_or_else(
            || "to US end users".to_string(),
            |l| format!("under licence {l}"),
        );
        writeln!(
            w,
            "Recorded: {} × {} → {} on {} {under}{}",
            s.quantity,
            s.item.name,
            s.destination,
            s.date,
            a.remaining_quantity
                .map(|r| format!("; {r} units left"))
                .unwrap_or_default()
        )?;
        for n in &a.notes {
            writeln!(w, "  note: {n}")?;
        }
    }
    Ok(())
}

/// `earl ledger`.
pub fn ledger(w: &mut dyn Write, totals: &[earl_engine::ledger::LedgerTotal]) -> io::Result<()> {
    writeln!(
        w,
        "{:<20} {:>12} {:>14} {:>14} {:>14}",
        "CHIP", "US UNITS", "CN+MO UNITS", "UNDER LANE", "LANE HEADROOM"
    )?;
    for t in totals {
        writeln!(
            w,
            "{:<20} {:>12} {:>14} {:>14} {:>14}",
            t.chip, t.us_units, t.china_macau_units, t.capped_units, t.headroom_under_cap
        )?;
    }
    writeln!(
        w,
        "\nThe Jan 2026 lane (91 FR 1684): aggregate China and Macau shipments of a chip at most 50% of those to US end users; units count chips, a system's by its contents."
    )
}

/// `earl systems`.
pub fn systems(
    w: &mut dyn Write,
    rows: &[earl_engine::SystemRow],
    as_of: &str,
    source_document: &str,
) -> io::Result<()> {
    writeln!(
        w,
        "{:<24} {:<11} {:<40} {:<7} {:<26} CONFIDENCE",
        "ID", "VENDOR", "NAME", "FORM", "CONTAINS"
    )?;
    for r in rows {
        let contains = r
            .contains
            .iter()
            .map(|p| format!("{} × {}", p.count, p.chip))
            .collect::<Vec<_>>()
            .join(" + ");
        let conf = serde_json::to_value(r.cite.confidence)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        writeln!(
            w,
            "{:<24} {:<11} {:<40} {:<7} {:<26} {conf}{}",
            r.id,
            r.vendor,
            r.name,
            r.form,
            contains,
            if r.china_variant {
                " (China variant)"
            } else {
                ""
            }
        )?;
    }
    writeln!(
        w,
        "\n{} systems. Counts are accelerator packages, each with its source (`earl systems --json`).\nSystems as of {as_of} ({source_document}).",
        rows.len()
    )
}

/// `earl about`.
pub fn about(w: &mut dyn Write, a: &AboutAnswer) -> io::Result<()> {
    writeln!(w, "earl {}", a.earl_version)?;
    writeln!(
        w,
        "  rules:          sources to {} ({} rule versions; newest {})",
        a.rules.as_of,
        a.rules.rule_versions,
        a.rules
            .newest_rule
            .as_ref()
            .map_or("none".into(), |r| format!(
                "{} effective {}",
                r.id, r.effective
            ))
    )?;
    writeln!(w, "  scenarios:      {}", a.rules.scenarios)?;
    writeln!(
        w,
        "  chips:          {} (sources to {})",
        a.chips.count, a.chips.as_of
    )?;
    writeln!(
        w,
        "  country groups: eCFR issue {} + {} dated changes",
        a.country_groups.ecfr_issue, a.country_groups.dated_changes
    )?;
    writeln!(
        w,
        "  listing dates:  {} Federal Register documents",
        a.listing_documents
    )?;
    writeln!(
        w,
        "  screening:      Consolidated Screening List, {} ({} entries), from {}",
        generated(&a.screening_lists),
        a.screening_lists.counts.total,
        a.screening_lists.source_file
    )?;
    writeln!(w, "  content hash:   {}", a.content_hash)?;
    if !a.newer_documents.is_empty() {
        writeln!(
            w,
            "BIS documents published since the rules' {} that may change this answer (not encoded by earl):",
            a.rules.as_of
        )?;
        for d in &a.newer_documents {
            writeln!(
                w,
                "  {} {} — {} ({}{}){}",
                d.publication_date,
                d.doc_type,
                d.title,
                d.citation.as_deref().unwrap_or(&d.document_number),
                d.effective_on
                    .map(|e| format!(", effective {e}"))
                    .unwrap_or_default(),
                d.html_url
                    .as_deref()
                    .map(|u| format!(" {u}"))
                    .unwrap_or_default()
            )?;
        }
    }
    Ok(())
}

/// The operative entries grouped by the amendment that put them in force, each amendment by its
/// citation's first clause: "91 FR 1684 (rp-2026-lane, cond-lane-supply) · 88 FR 73458 (ac-dest)".
fn decided_under(operative: &[earl_core::rules::Operative]) -> String {
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for o in operative {
        match groups.iter_mut().find(|(cite, _)| *cite == o.cite) {
            Some((_, entries)) => entries.push(&o.entry),
            None => groups.push((&o.cite, vec![&o.entry])),
        }
    }
    groups
        .iter()
        .map(|(cite, entries)| {
            let short = cite.split([';', '(']).next().unwrap_or(cite);
            format!(
                "{} ({})",
                short.trim().trim_end_matches(','),
                entries.join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}
