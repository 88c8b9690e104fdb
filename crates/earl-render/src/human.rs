//! The human output of every command: the decision first, then the reasons with their
//! citations. Every printer writes to any `io::Write` and expects an answer already explained
//! ([`crate::Explain`]).

use crate::lang::Lang;
use crate::prose::{join, num, outcome, policy_name, review_readings, verdict_key};
use crate::rule_texts;
use crate::tr;
use earl_core::cite::Confidence;
use earl_core::step::{Listed, Step, Verdict};
use earl_engine::{AboutAnswer, CheckAnswer, ChipRow, ClassifyAnswer, ScreenAnswer};
use earl_screen::{DateBasis, PairScore, Provenance};
use earl_store::{MigrationReport, RecordSummary, StoredRecord, VerifyReport};
use std::io::{self, Write};
use std::path::Path;

/// Numbered steps, each followed by its citation (as published, in English). `title` is a
/// `heading-*` message.
pub fn steps(w: &mut dyn Write, title: &str, steps: &[Step], lang: Lang) -> io::Result<()> {
    if steps.is_empty() {
        return Ok(());
    }
    writeln!(w, "\n{}", tr!(lang, "heading", title = tr!(lang, title)))?;
    for (i, s) in steps.iter().enumerate() {
        writeln!(w, "  {:>2}. {}", i + 1, s.text)?;
        let mark = match s.confidence {
            Confidence::Unverified => format!(" [{}]", tr!(lang, "mark-unverified")),
            _ => String::new(),
        };
        writeln!(w, "      — {}{mark}", s.cite)?;
    }
    Ok(())
}

/// The one-line verdict of a determination.
pub fn verdict(d: &earl_core::check::Determination, lang: Lang) -> String {
    let jurisdiction = match d.subject_to_ear {
        Some(false) => return tr!(lang, "verdict-not-subject"),
        None => tr!(lang, "verdict-jurisdiction-undetermined"),
        Some(true) => String::new(),
    };
    let verdict = match (d.prohibited, d.license_required, &d.license_exception) {
        (Some(true), _, _) => tr!(lang, "verdict-prohibited"),
        (None, Some(true), _) => tr!(lang, "verdict-licence-possibly-prohibited"),
        (None, _, _) => tr!(lang, "verdict-undetermined-possibly-prohibited"),
        (Some(false), Some(true), Some(x)) => {
            tr!(lang, "verdict-licence-exception", exception = x.as_str())
        }
        (Some(false), Some(true), None) => tr!(lang, "verdict-licence-required"),
        (Some(false), Some(false), _) => tr!(lang, "verdict-no-licence"),
        (Some(false), None, _) => tr!(lang, "verdict-undetermined"),
    };
    format!("{verdict}{jurisdiction}")
}

/// A labelled line of a command's summary: "  label: value".
fn field(w: &mut dyn Write, lang: Lang, label: &str, value: &str) -> io::Result<()> {
    writeln!(
        w,
        "  {}",
        tr!(lang, "field", label = tr!(lang, label), value = value)
    )
}

/// What the lists an answer was screened against lack, in `lang` (the answer's English
/// `list_warnings` are the same facts' `Display`).
fn list_warnings(facts: &[earl_screen::ListWarning], lang: Lang) -> Vec<String> {
    facts
        .iter()
        .map(|f| crate::currency::list_warning(f, lang))
        .collect()
}

/// `earl check`.
pub fn check(w: &mut dyn Write, a: &CheckAnswer, lang: Lang) -> io::Result<()> {
    let d = &a.determination;
    let dest = match &d.treated_as {
        Some(t) => tr!(
            lang,
            "destination-treated-as",
            destination = d.destination.as_str(),
            treated_as = t.as_str()
        ),
        None => d.destination.clone(),
    };
    writeln!(
        w,
        "{}",
        tr!(
            lang,
            "check-head",
            chip = d.chip_name.as_str(),
            destination = dest,
            from = d.from.as_str(),
            date = d.date.to_string(),
            verdict = verdict(d, lang),
        )
    )?;
    let classification = match (&d.paragraph, &d.eccn) {
        (Some(p), _) => p.clone(),
        (None, _) if d.open_classification().is_some() => tr!(lang, "classification-undetermined"),
        _ if d.system.is_some() => tr!(lang, "outcome-not", eccn = "4A090"),
        _ => tr!(lang, "outcome-not", eccn = "3A090"),
    };
    field(w, lang, "label-classification", &classification)?;
    writeln!(
        w,
        "  {}",
        tr!(
            lang,
            "check-rules-in-force",
            date = d.date.to_string(),
            count = d.rules_in_force.len(),
            regime = d.regime.as_str(),
            scenario = scenario(d.scenario.as_deref(), lang),
        )
    )?;
    if !d.operative.is_empty() {
        field(w, lang, "label-decided-under", &decided_under(&d.operative))?;
    }
    if let Some(x) = &d.license_exception {
        field(w, lang, "label-licence-exception", x)?;
    }
    if let Some(p) = d.review_policy {
        field(w, lang, "label-review-policy", &policy_name(p, lang))?;
    }
    for o in &d.possible_outcomes {
        let licence = match o.license_required {
            Some(true) => "required",
            Some(false) => "not-required",
            None => "undetermined",
        };
        writeln!(
            w,
            "  {}",
            tr!(
                lang,
                "check-if-outcome",
                outcome = outcome(&o.classification, lang),
                licence = licence,
                exception = o
                    .license_exception
                    .clone()
                    .unwrap_or_else(|| tr!(lang, "none")),
                review = match (o.review_policy, &o.review_open) {
                    (Some(p), _) => policy_name(p, lang),
                    (None, Some(open)) => tr!(
                        lang,
                        "review-open",
                        readings = review_readings(&open.readings, open.fallback, lang)
                    ),
                    (None, None) => tr!(lang, "none"),
                },
            )
        )?;
    }
    for d in &d.deciding {
        field(w, lang, "label-decided-by", d)?;
    }
    for m in d.end_user_matches.iter().chain(&d.owner_matches) {
        let alias = if m.matched_name == m.name {
            String::new()
        } else {
            tr!(lang, "match-alias", alias = m.matched_name.as_str())
        };
        writeln!(
            w,
            "  {}",
            tr!(
                lang,
                "check-match",
                party = m.party.as_str(),
                name = m.name.as_str(),
                alias = alias,
                list = m.list.as_str(),
                score = format!("{:.2}", m.score),
            )
        )?;
        field(w, lang, "label-entry", &m.entry_id)?;
        if let Some(review) = &m.review {
            writeln!(w, "    {}", crate::review::hit_review(review, lang))?;
        }
    }
    if !a.reviewed.is_empty() {
        writeln!(w, "  {}", tr!(lang, "heading-reviewed"))?;
        for r in &a.reviewed {
            let h = &r.hit;
            let entry = (h.name.as_str(), h.list.as_str(), h.entry_id.as_str());
            writeln!(
                w,
                "    {}",
                crate::review::reviewed_hit(&h.party, entry, &r.review, lang)
            )?;
        }
    }
    if let Some(p) = &a.lists {
        let lists = format!("{}, {}", p.source_file, generated(p, lang));
        field(w, lang, "label-screened-against", &lists)?;
    }
    for warning in &list_warnings(&a.list_warning_facts, lang) {
        field(w, lang, "label-warning", warning)?;
    }
    for c in &d.charges {
        writeln!(
            w,
            "  {}",
            tr!(
                lang,
                "check-charge",
                may = yes(c.verdict == Verdict::Undetermined),
                rate = num(c.rate * 100.0),
                kind = match c.kind.as_str() {
                    "tariff" => tr!(lang, "charge-kind-tariff"),
                    "revenue_share" => tr!(lang, "charge-kind-revenue-share"),
                    other => other.replace('_', " "),
                },
                text = rule_texts::in_language(&c.text, lang),
            )
        )?;
    }
    steps(w, "heading-conditions", &d.conditions, lang)?;
    steps(w, "heading-why", &d.because, lang)?;
    steps(w, "heading-notices", &d.notices, lang)?;
    steps(w, "heading-not-checked", &d.not_checked, lang)?;
    let all_steps = d
        .conditions
        .iter()
        .chain(&d.because)
        .chain(&d.notices)
        .chain(&d.not_checked);
    if rule_texts::untranslated(all_steps, lang)
        || d.charges
            .iter()
            .any(|c| rule_texts::is_untranslated(&c.text, lang))
    {
        quoted_in_english(w, lang)?;
    }
    writeln!(w, "\n{}", tr!(lang, "check-disclaimer"))
}

/// Says that some of the rules' own wording is quoted in English: no translation is written
/// for it (a rules file of the user's, or a text changed since), and a reader must not take it
/// for a gap in the translation.
fn quoted_in_english(w: &mut dyn Write, lang: Lang) -> io::Result<()> {
    writeln!(w, "\n{}", tr!(lang, "rule-texts-in-english"))
}

fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

fn scenario(s: Option<&str>, lang: Lang) -> String {
    s.map(|s| tr!(lang, "scenario-suffix", scenario = s))
        .unwrap_or_default()
}

/// `earl screen`.
pub fn screen(w: &mut dyn Write, a: &ScreenAnswer, lang: Lang) -> io::Result<()> {
    let warning = |w: &mut dyn Write, text: &str| {
        writeln!(
            w,
            "{}",
            tr!(
                lang,
                "field",
                label = tr!(lang, "label-warning"),
                value = text
            )
        )
    };
    match (&a.staleness, &a.staleness_warning) {
        (Some(s), _) => warning(w, &staleness(s, lang))?,
        // An answer read back from a record carries the English sentence only.
        (None, Some(text)) => warning(w, text)?,
        (None, None) => {}
    }
    let drops = match a.count_drops.len() == a.count_drop_warnings.len() {
        true => a
            .count_drops
            .iter()
            .map(|d| crate::currency::count_drop(d, lang))
            .collect(),
        false => a.count_drop_warnings.clone(),
    };
    for text in drops
        .iter()
        .chain(&list_warnings(&a.list_warning_facts, lang))
    {
        warning(w, text)?;
    }
    for affiliate in &a.affiliate_of {
        writeln!(w, "{}", crate::prose::affiliate(affiliate, lang))?;
    }
    if !a.has_match() {
        let address = a
            .country
            .as_deref()
            .map(|c| tr!(lang, "screen-with-address", country = c))
            .unwrap_or_default();
        // "No match" in some lists only is no clear against the others: say which.
        let only = a
            .sources
            .as_deref()
            .map(|codes| {
                tr!(
                    lang,
                    "screen-in-lists",
                    lists = crate::prose::join(codes, "list-comma", lang)
                )
            })
            .unwrap_or_default();
        let place = format!("{address}{only}");
        writeln!(
            w,
            "{}",
            tr!(
                lang,
                "screen-no-match",
                threshold = format!("{:.2}", a.threshold),
                query = a.query.as_str(),
                place = place,
                date = a.date.to_string(),
            )
        )?;
    }
    for m in &a.matches {
        let f = &m.found;
        let below = if f.below_threshold {
            format!(" ({})", tr!(lang, "below-threshold"))
        } else {
            String::new()
        };
        let number = f
            .entity_number
            .as_deref()
            .map(|n| format!(" #{n}"))
            .unwrap_or_default();
        writeln!(w, "{:.2}  {} [{}{number}]{below}", f.score, f.name, f.list)?;
        let detail = |w: &mut dyn Write, label: &str, value: &str| {
            writeln!(
                w,
                "      {}",
                tr!(lang, "field", label = tr!(lang, label), value = value)
            )
        };
        if f.matched_name != f.name {
            detail(w, "label-matched-alias", &f.matched_name)?;
        }
        if !f.countries.is_empty() {
            detail(
                w,
                "label-countries",
                &join(&f.countries, "list-comma", lang),
            )?;
        }
        detail(
            w,
            "label-listed",
            &listed(&m.listed, m.listed_on_date, lang),
        )?;
        let effect = match &m.effect {
            Some(e) => format!(
                "{} — {}",
                rule_texts::in_language(&e.text, lang),
                e.cite.text
            ),
            None => tr!(lang, "effect-not-named", list = f.list.as_str()),
        };
        detail(w, "label-effect", &effect)?;
        if let Some(p) = &f.license_policy {
            detail(w, "label-licence-policy", p)?;
        }
        let pairs: Vec<String> = f
            .explain
            .pairs
            .iter()
            .map(|p| format!("{}≈{} ({:.2})", p.query, p.list, p.similarity))
            .collect();
        if !pairs.is_empty() {
            detail(w, "label-why", &join(&pairs, "list-comma", lang))?;
        }
        detail(w, "label-entry", &f.entry_id)?;
        if let Some(review) = &m.review {
            writeln!(w, "      {}", crate::review::hit_review(review, lang))?;
        }
    }
    if !a.reviewed.is_empty() {
        writeln!(w, "{}", tr!(lang, "heading-reviewed"))?;
        for r in &a.reviewed {
            let f = &r.found.found;
            let entry = (f.name.as_str(), f.list.as_str(), f.entry_id.as_str());
            writeln!(
                w,
                "  {}",
                crate::review::reviewed_hit(&a.query, entry, &r.review, lang)
            )?;
        }
    }
    if a.matches.iter().any(|m| {
        m.effect
            .as_ref()
            .is_some_and(|e| rule_texts::is_untranslated(&e.text, lang))
    }) {
        quoted_in_english(w, lang)?;
    }
    writeln!(
        w,
        "\n{}",
        tr!(
            lang,
            "screen-footer",
            source = a.lists.source_file.as_str(),
            generated = generated(&a.lists, lang)
        )
    )
}

fn listed(l: &Listed, on_date: Verdict, lang: Lang) -> String {
    let when = match l {
        Listed::On { date, notice } => tr!(
            lang,
            "screen-listed-on",
            notice = notice.as_str(),
            date = date.to_string()
        ),
        Listed::By { date, notice, .. } => tr!(
            lang,
            "screen-listed-by",
            notice = notice.as_str(),
            date = date.to_string()
        ),
        Listed::InYear { year, notice } => tr!(
            lang,
            "screen-listed-in-year",
            notice = notice.as_str(),
            year = year.to_string()
        ),
        Listed::NoNotice => tr!(lang, "screen-listed-no-notice"),
    };
    tr!(
        lang,
        "screen-listed",
        when = when,
        verdict = verdict_key(on_date)
    )
}

/// When the lists were generated, as a reader needs it.
pub fn generated(p: &Provenance, lang: Lang) -> String {
    match p.generated {
        Some(d) => tr!(lang, "lists-generated", date = d.to_string()),
        None => tr!(lang, "lists-generation-date-unknown"),
    }
}

/// `earl match`.
pub fn pair(w: &mut dyn Write, r: &PairScore, lang: Lang) -> io::Result<()> {
    writeln!(
        w,
        "{}",
        tr!(
            lang,
            "match-score",
            score = format!("{:.3}", r.score),
            matched = if r.matched { "yes" } else { "no" },
            threshold = format!("{:.2}", r.threshold),
        )
    )?;
    for p in &r.explain.pairs {
        writeln!(
            w,
            "  {}",
            tr!(
                lang,
                "match-pair",
                query = p.query.as_str(),
                list = p.list.as_str(),
                similarity = format!("{:.2}", p.similarity),
                method = p.method.as_str(),
            )
        )?;
    }
    for (id, tokens) in [
        ("match-unmatched-first", &r.explain.unmatched_query_tokens),
        ("match-unmatched-second", &r.explain.unmatched_list_tokens),
    ] {
        if !tokens.is_empty() {
            let tokens = join(tokens, "list-comma", lang);
            writeln!(w, "  {}", tr!(lang, id, tokens = tokens))?;
        }
    }
    for t in &r.explain.transliterations {
        writeln!(
            w,
            "  {}",
            tr!(
                lang,
                "match-transliterated",
                script = t.script.as_str(),
                method = &*t.method,
                from = t.from.as_str(),
                to = t.to.as_str(),
            )
        )?;
    }
    Ok(())
}

/// Why the lists in use may not be current.
pub fn staleness(s: &earl_screen::Staleness, lang: Lang) -> String {
    match s {
        earl_screen::Staleness::Undated { file, modified } => tr!(
            lang,
            "staleness-undated",
            file = file.as_str(),
            modified = modified.map_or_else(
                || tr!(lang, "staleness-modified-unknown"),
                |d| tr!(lang, "staleness-modified-on", date = d.to_string())
            )
        ),
        earl_screen::Staleness::Old {
            generated,
            age_days,
            max_days,
        } => tr!(
            lang,
            "staleness-old",
            generated = generated.to_string(),
            age = age_days.to_string(),
            max = max_days.to_string()
        ),
    }
}

/// `earl lists`.
pub fn lists(
    w: &mut dyn Write,
    p: &Provenance,
    stale: Option<&earl_screen::Staleness>,
    drops: &[earl_screen::CountDrop],
    lang: Lang,
) -> io::Result<()> {
    let basis = match p.generated_basis {
        DateBasis::BundledSnapshot => "lists-basis-bundled",
        DateBasis::JsonEnvelope => "lists-basis-envelope",
        DateBasis::Unknown => "lists-basis-unknown",
    };
    writeln!(
        w,
        "{}",
        tr!(
            lang,
            "lists-line",
            file = p.source_file.as_str(),
            generated = generated(p, lang),
            basis = tr!(lang, basis),
            count = p.counts.total.to_string(),
            sha256 = p.sha256.as_str(),
        )
    )?;
    for (list, n) in &p.counts.per_list {
        writeln!(w, "  {list:<8} {n:>6}")?;
    }
    let stale = stale.map(|s| staleness(s, lang));
    let drops: Vec<String> = drops
        .iter()
        .map(|d| crate::currency::count_drop(d, lang))
        .collect();
    for warning in stale.iter().chain(&drops) {
        let label = tr!(lang, "label-warning");
        writeln!(w, "{}", tr!(lang, "field", label = label, value = warning))?;
    }
    Ok(())
}

/// `earl audit list`.
pub fn audit_list(
    w: &mut dyn Write,
    rows: &[RecordSummary],
    path: &Path,
    lang: Lang,
) -> io::Result<()> {
    for r in rows {
        // A tampered record may hold anything in its hash column: show what is there.
        let hash: String = r.hash.chars().take(16).collect();
        writeln!(
            w,
            "{:>6}  {}  {:<9} {:<9} {hash}",
            r.seq, r.recorded_at, r.kind, r.source
        )?;
    }
    writeln!(
        w,
        "{}",
        tr!(
            lang,
            "audit-shown",
            count = rows.len().to_string(),
            path = path.display().to_string()
        )
    )
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
pub fn audit_verify(
    w: &mut dyn Write,
    r: &VerifyReport,
    path: &Path,
    lang: Lang,
) -> io::Result<()> {
    let line = if r.ok {
        tr!(
            lang,
            "audit-verify-ok",
            count = r.records.to_string(),
            path = path.display().to_string(),
            hash = r
                .last_hash
                .clone()
                .unwrap_or_else(|| tr!(lang, "audit-verify-empty")),
        )
    } else {
        tr!(
            lang,
            "audit-verify-altered",
            seq = r.first_bad.map_or("?".into(), |s| s.to_string()),
            count = r.records.to_string(),
            reason = r.reason.as_deref().unwrap_or(""),
        )
    };
    writeln!(w, "{line}")
}

/// `earl audit tail`.
pub fn audit_tail(
    w: &mut dyn Write,
    tail: Option<(u64, String)>,
    path: &Path,
    lang: Lang,
) -> io::Result<()> {
    let path = path.display().to_string();
    match tail {
        Some((seq, hash)) => writeln!(
            w,
            "{}\n{}",
            tr!(
                lang,
                "audit-tail",
                seq = seq.to_string(),
                path = path.as_str(),
                hash = hash.as_str()
            ),
            tr!(lang, "audit-tail-keep", seq = seq.to_string())
        ),
        None => writeln!(w, "{}", tr!(lang, "audit-tail-none", path = path)),
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

fn known(v: Option<f64>, unit: &str, lang: Lang) -> String {
    v.map_or_else(|| tr!(lang, "unknown"), |x| format!("{}{unit}", num(x)))
}

fn yes_no(v: Option<bool>, lang: Lang) -> String {
    match v {
        Some(true) => tr!(lang, "yes"),
        Some(false) => tr!(lang, "no"),
        None => tr!(lang, "unknown"),
    }
}

/// `earl classify`.
pub fn classify(w: &mut dyn Write, c: &ClassifyAnswer, lang: Lang) -> io::Result<()> {
    let who = match (&c.vendor, &c.system) {
        (Some(v), None) => format!("{v} {}", c.name),
        _ => c.name.clone(),
    };
    let verdict = match (&c.paragraph, c.determined) {
        (Some(p), true) => p.clone(),
        (None, true) if c.system.is_some() => tr!(lang, "outcome-not", eccn = "4A090"),
        (None, true) => match &c.excluded_by {
            Some(x) => tr!(lang, "classify-excluded", exclusion = x.as_str()),
            None => tr!(lang, "outcome-not", eccn = "3A090"),
        },
        (_, false) => {
            let possible: Vec<String> = c.possible.iter().map(|o| outcome(o, lang)).collect();
            tr!(
                lang,
                "classify-undetermined",
                possible = join(&possible, "list-or", lang)
            )
        }
    };
    writeln!(w, "{}", tr!(lang, "field", label = who, value = verdict))?;
    writeln!(
        w,
        "  {}",
        tr!(
            lang,
            "classify-as-of",
            date = c.date.to_string(),
            regime = c.regime.as_str(),
            scenario = scenario(c.scenario.as_deref(), lang),
        )
    )?;
    if let Some(sys) = &c.system {
        for p in &sys.contains {
            let paragraph = p
                .paragraph
                .clone()
                .unwrap_or_else(|| tr!(lang, "classify-part-not-3a090"));
            writeln!(
                w,
                "  {}",
                tr!(
                    lang,
                    "classify-contains",
                    count = p.count.to_string(),
                    name = p.name.as_str(),
                    chip = p.chip.as_str(),
                    paragraph = paragraph,
                )
            )?;
        }
    } else {
        writeln!(
            w,
            "  {}",
            tr!(
                lang,
                "classify-metrics",
                tpp = known(c.tpp, "", lang),
                precision = c
                    .tpp_precision
                    .as_deref()
                    .map(|p| format!(" ({p})"))
                    .unwrap_or_default(),
                pd =
                    c.pd.map_or_else(|| tr!(lang, "unknown"), |p| format!("{p:.2}")),
                datacenter = yes_no(c.datacenter, lang),
                bandwidth = known(c.memory_bandwidth_gbps, " GB/s", lang),
            )
        )?;
    }
    if !c.deciding.is_empty() {
        field(
            w,
            lang,
            "label-decided-by",
            &join(&c.deciding, "list-semicolon", lang),
        )?;
    }
    if !c.hinges_on_unverified.is_empty() {
        field(
            w,
            lang,
            "label-rests-on-unverified",
            &join(&c.hinges_on_unverified, "list-comma", lang),
        )?;
    }
    steps(w, "heading-why", &c.because, lang)?;
    if rule_texts::untranslated(&c.because, lang) {
        quoted_in_english(w, lang)?;
    }
    Ok(())
}

/// `earl chips`.
pub fn chips(
    w: &mut dyn Write,
    rows: &[ChipRow],
    as_of: &str,
    source_document: &str,
    lang: Lang,
) -> io::Result<()> {
    let head = [
        tr!(lang, "chips-head-id"),
        tr!(lang, "chips-head-vendor"),
        tr!(lang, "chips-head-name"),
        "TPP".to_string(),
        "PD".to_string(),
        tr!(lang, "chips-head-dc"),
        tr!(lang, "chips-head-memory"),
    ];
    let mut table: Vec<Vec<String>> = vec![head.to_vec()];
    for r in rows {
        let flag = if r.unverified.is_empty() { "" } else { "*" };
        table.push(vec![
            r.id.to_string(),
            r.vendor.to_string(),
            r.name.to_string(),
            known(r.tpp, "", lang),
            r.pd.map_or_else(|| tr!(lang, "unknown"), |p| format!("{p:.2}")),
            yes_no(r.datacenter, lang),
            known(r.memory_bandwidth_gbps, "", lang),
            flag.to_string(),
        ]);
    }
    let left = [true, true, true, false, false, false, false, true];
    aligned(w, &table, &[20, 14, 28, 10, 7, 4, 10, 0], &left)?;
    writeln!(
        w,
        "\n{}\n{}",
        tr!(lang, "chips-footer", count = rows.len().to_string()),
        tr!(
            lang,
            "catalog-as-of",
            as_of = as_of,
            source = source_document
        )
    )
}

/// Rows of cells in columns at least `widths` wide, measured in terminal columns (a Chinese
/// character takes two), each flush left where `left` says so, else flush right.
pub(crate) fn aligned(
    w: &mut dyn Write,
    rows: &[Vec<String>],
    widths: &[usize],
    left: &[bool],
) -> io::Result<()> {
    let widths: Vec<usize> = widths
        .iter()
        .enumerate()
        .map(|(c, &min)| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| display_width(cell))
                .max()
                .unwrap_or(0)
                .max(min)
        })
        .collect();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[c].saturating_sub(display_width(cell)));
            if c > 0 {
                line.push(' ');
            }
            if left[c] {
                line.push_str(cell);
                line.push_str(&pad);
            } else {
                line.push_str(&pad);
                line.push_str(cell);
            }
        }
        writeln!(w, "{}", line.trim_end())?;
    }
    Ok(())
}

/// `earl licence list|show|add`.
pub fn licences(
    w: &mut dyn Write,
    views: &[earl_engine::ledger::LicenceView],
    lang: Lang,
) -> io::Result<()> {
    if views.is_empty() {
        return writeln!(w, "{}", tr!(lang, "licences-none"));
    }
    let unlimited =
        |q: Option<u64>| q.map_or_else(|| tr!(lang, "licence-unlimited"), |q| q.to_string());
    for v in views {
        let l = &v.licence;
        writeln!(
            w,
            "{}",
            tr!(
                lang,
                "licence-line",
                number = l.number.as_str(),
                item = l.item.name.as_str(),
                destination = l.destination.as_str(),
                end_user = l
                    .end_user
                    .as_deref()
                    .map(|e| tr!(lang, "licence-end-user", name = e))
                    .unwrap_or_default(),
                issued = l.issued.to_string(),
                expires = l
                    .expires
                    .map(|e| tr!(lang, "licence-expires", date = e.to_string()))
                    .unwrap_or_default(),
                expired = if v.expired {
                    tr!(lang, "licence-expired")
                } else {
                    String::new()
                },
            )
        )?;
        writeln!(
            w,
            "  {}",
            tr!(
                lang,
                "licence-quantity",
                shipped = v.shipped_quantity.to_string(),
                limit = unlimited(l.quantity),
                remaining = unlimited(v.remaining_quantity),
            )
        )?;
        if let Some(max) = l.value {
            writeln!(
                w,
                "  {}",
                tr!(
                    lang,
                    "licence-value",
                    shipped = num(v.shipped_value),
                    limit = num(max),
                    remaining = num(v.remaining_value.unwrap_or(0.0)),
                )
            )?;
        }
        if let Some(c) = &l.conditions {
            writeln!(
                w,
                "  {}",
                tr!(lang, "licence-conditions", conditions = c.as_str())
            )?;
        }
        for s in &v.shipments {
            writeln!(
                w,
                "  {}",
                tr!(
                    lang,
                    "licence-shipment",
                    seq = s.seq.to_string(),
                    quantity = s.shipment.quantity.to_string(),
                    date = s.shipment.date.to_string(),
                    value = s
                        .shipment
                        .value
                        .map(|x| tr!(lang, "shipment-value", value = num(x)))
                        .unwrap_or_default(),
                )
            )?;
        }
    }
    Ok(())
}

/// `earl ship`.
pub fn shipments(
    w: &mut dyn Write,
    answers: &[earl_engine::ledger::ShipmentAnswer],
    lang: Lang,
) -> io::Result<()> {
    for a in answers {
        let s = &a.shipment;
        let under = s.licence.as_deref().map_or_else(
            || tr!(lang, "shipment-to-us"),
            |l| tr!(lang, "shipment-under", licence = l),
        );
        writeln!(
            w,
            "{}",
            tr!(
                lang,
                "shipment-recorded",
                quantity = s.quantity.to_string(),
                item = s.item.name.as_str(),
                destination = s.destination.as_str(),
                date = s.date.to_string(),
                under = under,
                left = a
                    .remaining_quantity
                    .map(|r| tr!(lang, "shipment-left", remaining = r.to_string()))
                    .unwrap_or_default(),
            )
        )?;
        for n in &a.notes {
            writeln!(w, "  {}", tr!(lang, "shipment-note", note = n.as_str()))?;
        }
    }
    Ok(())
}

/// `earl ledger`: a table whose columns line up in any script (a Chinese character takes two
/// terminal columns).
pub fn ledger(
    w: &mut dyn Write,
    totals: &[earl_engine::ledger::LedgerTotal],
    lang: Lang,
) -> io::Result<()> {
    let head = [
        "ledger-head-chip",
        "ledger-head-us",
        "ledger-head-china",
        "ledger-head-lane",
        "ledger-head-headroom",
    ]
    .map(|id| tr!(lang, id));
    let mut table: Vec<Vec<String>> = vec![head.to_vec()];
    for t in totals {
        table.push(vec![
            t.chip.clone(),
            t.us_units.to_string(),
            t.china_macau_units.to_string(),
            t.capped_units.to_string(),
            t.headroom_under_cap.to_string(),
        ]);
    }
    let left = [true, false, false, false, false];
    aligned(w, &table, &[20, 12, 14, 14, 14], &left)?;
    writeln!(w, "\n{}", tr!(lang, "ledger-lane"))
}

/// Terminal columns a cell takes: East Asian wide characters two, Unicode isolates none.
fn display_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `earl systems`.
pub fn systems(
    w: &mut dyn Write,
    rows: &[earl_engine::SystemRow],
    as_of: &str,
    source_document: &str,
    lang: Lang,
) -> io::Result<()> {
    let mut table: Vec<Vec<String>> = vec![vec![
        tr!(lang, "chips-head-id"),
        tr!(lang, "chips-head-vendor"),
        tr!(lang, "chips-head-name"),
        tr!(lang, "systems-head-form"),
        tr!(lang, "systems-head-contains"),
        tr!(lang, "systems-head-confidence"),
    ]];
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
        let variant = if r.china_variant {
            tr!(lang, "systems-china-variant")
        } else {
            String::new()
        };
        table.push(vec![
            r.id.to_string(),
            r.vendor.to_string(),
            r.name.to_string(),
            r.form.to_string(),
            contains,
            format!("{conf}{variant}"),
        ]);
    }
    aligned(w, &table, &[24, 11, 40, 7, 26, 0], &[true; 6])?;
    writeln!(
        w,
        "\n{}\n{}",
        tr!(lang, "systems-footer", count = rows.len().to_string()),
        tr!(
            lang,
            "systems-as-of",
            as_of = as_of,
            source = source_document
        )
    )
}

/// `earl about`.
pub fn about(w: &mut dyn Write, a: &AboutAnswer, lang: Lang) -> io::Result<()> {
    writeln!(w, "earl {}", a.earl_version)?;
    let newest = a.rules.newest_rule.as_ref().map_or_else(
        || tr!(lang, "about-none"),
        |r| {
            tr!(
                lang,
                "about-newest-rule",
                id = r.id.as_str(),
                effective = r.effective.to_string()
            )
        },
    );
    let lines = [
        tr!(
            lang,
            "about-rules",
            as_of = a.rules.as_of.to_string(),
            versions = a.rules.rule_versions.to_string(),
            newest = newest
        ),
        tr!(
            lang,
            "about-scenarios",
            count = a.rules.scenarios.to_string()
        ),
        tr!(
            lang,
            "about-chips",
            count = a.chips.count.to_string(),
            as_of = a.chips.as_of.to_string()
        ),
        tr!(
            lang,
            "about-country-groups",
            issue = a.country_groups.ecfr_issue.to_string(),
            changes = a.country_groups.dated_changes.to_string()
        ),
        tr!(
            lang,
            "about-listing-dates",
            count = a.listing_documents.to_string()
        ),
        tr!(
            lang,
            "about-screening",
            generated = generated(&a.screening_lists, lang),
            entries = a.screening_lists.counts.total.to_string(),
            file = a.screening_lists.source_file.as_str()
        ),
        tr!(lang, "about-content-hash", hash = a.content_hash.as_str()),
    ];
    for line in lines {
        writeln!(w, "  {line}")?;
    }
    if !a.newer_documents.is_empty() {
        writeln!(
            w,
            "{}",
            tr!(
                lang,
                "about-newer-documents",
                as_of = a.rules.as_of.to_string()
            )
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
                    .map(|e| tr!(lang, "about-effective", date = e.to_string()))
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
