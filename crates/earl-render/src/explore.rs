//! The human output of `earl scenarios`, `diff`, `timeline` and `impact`, and the short
//! descriptions the SVG charts reuse.

use crate::lang::Lang;
use crate::prose::{join, num, outcome, policy_name};
use crate::rule_texts;
use crate::svg::outcome_class;
use crate::tr;
use earl_core::cite::Confidence;
use earl_core::step::Verdict as ChargeVerdict;
use earl_engine::ScenarioRow;
use earl_engine::explore::diff::DiffReport;
use earl_engine::explore::impact::{ImpactReport, fmt_count, ratio_text};
use earl_engine::explore::timeline::{Event, TimelineReport};
use earl_engine::explore::{EntryRef, Outcome, PointKind, RulePoint};
use jiff::civil::Date;
use std::io::{self, Write};

/// "scenario X over the rules of 2026-03-01", "rule version … (date)", "rules of 2026-03-01".
pub fn point(p: &RulePoint, lang: Lang) -> String {
    let date = p.date.to_string();
    match (&p.kind, &p.scenario) {
        (PointKind::Scenario, Some(s)) => {
            tr!(lang, "point-scenario", scenario = s.as_str(), date = date)
        }
        (PointKind::RuleVersion, _) => {
            tr!(
                lang,
                "point-rule-version",
                spec = p.spec.as_str(),
                date = date
            )
        }
        _ => tr!(lang, "point-rules-of", date = date),
    }
}

/// A change on a timeline, in one line.
pub fn event(e: &Event, lang: Lang) -> String {
    match e {
        Event::Amendment(a) => format!(
            "{} — {} [{}]",
            a.id,
            rule_texts::in_language(&a.title, lang),
            a.cite.text
        ),
        Event::AmendmentLapses(a) => tr!(
            lang,
            "event-lapses",
            id = a.id.as_str(),
            title = rule_texts::in_language(&a.title, lang),
            cite = a.cite.text.as_str(),
        ),
        Event::CountryGroup(g) => tr!(
            lang,
            "event-country-group",
            country = g.country.as_str(),
            action = g.action.as_str(),
            group = g.group.as_str(),
            cite = g.cite.as_str(),
        ),
    }
}

/// One line: "licence required, case-by-case, 5 conditions, tariff 25%".
pub fn brief(o: &Outcome, lang: Lang) -> String {
    let mut parts = vec![match o.license_required {
        Some(true) => tr!(lang, "brief-licence-required"),
        Some(false) => tr!(lang, "brief-no-licence"),
        None => tr!(lang, "brief-licence-undetermined"),
    }];
    match o.prohibited {
        Some(true) => parts.push(tr!(lang, "brief-prohibited")),
        None => parts.push(tr!(lang, "brief-possibly-prohibited")),
        Some(false) => {}
    }
    if let Some(x) = &o.license_exception {
        parts.push(tr!(lang, "brief-exception", code = x.as_str()));
    }
    if let Some(r) = o.review_policy {
        parts.push(policy_name(r, lang));
    }
    if !o.conditions.is_empty() {
        parts.push(tr!(lang, "brief-conditions", count = o.conditions.len()));
    }
    // The charges as the engine names them (rules-file wording, English).
    parts.extend(o.charges.iter().cloned());
    join(&parts, "list-comma", lang)
}

/// A confidence mark as the sources write it.
pub fn confidence(c: Confidence) -> &'static str {
    match c {
        Confidence::VerifiedPrimary => "VERIFIED-P",
        Confidence::VerifiedSecondary => "VERIFIED-S",
        Confidence::Computed => "COMPUTED",
        Confidence::Unverified => "UNVERIFIED",
    }
}

/// Wraps text at `width` columns, continuing lines with `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split_whitespace() {
        if line > 0 && line + 1 + word.chars().count() > width {
            out.push('\n');
            out.push_str(indent);
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += word.chars().count();
    }
    out
}

fn entry(e: &EntryRef) -> String {
    format!(
        "{} {} ({})",
        e.kind,
        e.id,
        e.amendment.as_deref().unwrap_or("?")
    )
}

/// Where a rule stands, as a reader of `lang` says it (its catalog id is its JSON name).
fn status(s: earl_core::rules::Status, lang: Lang) -> String {
    let id = serde_json::to_value(s)
        .ok()
        .and_then(|v| v.as_str().map(|s| format!("status-{s}")))
        .unwrap_or_default();
    tr!(lang, &id)
}

/// `earl scenarios`.
pub fn scenarios(w: &mut dyn Write, rows: &[ScenarioRow], lang: Lang) -> io::Result<()> {
    writeln!(w, "{}", tr!(lang, "scenarios-head", count = rows.len()))?;
    for r in rows {
        let when = match (r.effective, r.until) {
            (Some(e), Some(u)) => tr!(
                lang,
                "scenario-effective-until",
                from = e.to_string(),
                until = u.to_string()
            ),
            (Some(e), None) => tr!(lang, "scenario-effective", from = e.to_string()),
            (None, _) => tr!(lang, "scenario-no-date"),
        };
        writeln!(
            w,
            "\n{} — {}\n  {}",
            r.id,
            rule_texts::in_language(r.title, lang),
            tr!(
                lang,
                "scenario-status",
                status = status(r.status, lang),
                when = when
            )
        )?;
        writeln!(
            w,
            "  {}",
            wrap(rule_texts::in_language(r.summary, lang), 100, "  ")
        )?;
        for c in &r.cites {
            writeln!(w, "  — {} [{}]", c.text, confidence(c.confidence))?;
        }
    }
    Ok(())
}

/// `earl diff`.
pub fn diff(w: &mut dyn Write, r: &DiffReport, lang: Lang) -> io::Result<()> {
    writeln!(
        w,
        "{}",
        tr!(
            lang,
            "diff-head",
            a = point(&r.from, lang),
            b = point(&r.to, lang)
        )
    )?;
    writeln!(w, "{}", tr!(lang, "diff-subtitle"))?;
    for (title, list) in [
        ("diff-only-in-b", &r.amendments_only_in_to),
        ("diff-only-in-a", &r.amendments_only_in_from),
    ] {
        if !list.is_empty() {
            writeln!(w, "\n{}", tr!(lang, "heading", title = tr!(lang, title)))?;
            for am in list {
                writeln!(
                    w,
                    "  {} — {}\n      — {}",
                    am.id,
                    rule_texts::in_language(&am.title, lang),
                    am.cite.text
                )?;
            }
        }
    }
    writeln!(
        w,
        "\n{}",
        tr!(
            lang,
            "diff-summary",
            chips = r.summary.chips.to_string(),
            destinations = r.summary.destinations.to_string(),
            cells = r.summary.cells.to_string(),
            changed = r.summary.changed.to_string(),
        )
    )?;
    for (t, n) in &r.summary.transitions {
        writeln!(w, "  {n:>4}  {t}")?;
    }
    for c in &r.changes {
        writeln!(w, "\n{} → {}", c.chip_name, c.destination)?;
        writeln!(
            w,
            "  A: {}  [{}]",
            brief(&c.from, lang),
            outcome(&c.from.classification, lang)
        )?;
        writeln!(
            w,
            "  B: {}  [{}]",
            brief(&c.to, lang),
            outcome(&c.to.classification, lang)
        )?;
        if !c.because.amendments.is_empty() {
            let label = tr!(lang, "label-because-of");
            let amendments = join(&c.because.amendments, "list-comma", lang);
            writeln!(
                w,
                "  {}",
                tr!(lang, "field", label = label, value = amendments)
            )?;
        }
        for e in &c.because.entries_added {
            writeln!(w, "    + {}", entry(e))?;
        }
        for e in &c.because.entries_dropped {
            writeln!(w, "    − {}", entry(e))?;
        }
        for g in &c.because.country_group_changes {
            writeln!(
                w,
                "    {}",
                tr!(
                    lang,
                    "diff-country-group",
                    country = g.country.as_str(),
                    action = g.action.as_str(),
                    group = g.group.as_str(),
                    date = g.effective.to_string(),
                    cite = g.cite.as_str(),
                )
            )?;
        }
    }
    Ok(())
}

/// `earl timeline`.
pub fn timeline(w: &mut dyn Write, r: &TimelineReport, until: Date, lang: Lang) -> io::Result<()> {
    let scenario = r
        .scenario
        .as_deref()
        .map(|s| tr!(lang, "scenario-suffix", scenario = s))
        .unwrap_or_default();
    writeln!(
        w,
        "{}",
        tr!(
            lang,
            "timeline-head",
            chip = r.chip_name.as_str(),
            destination = r.destination.as_str(),
            scenario = scenario,
            count = r.dates_checked.len(),
            first = r
                .dates_checked
                .first()
                .map(|d| d.to_string())
                .unwrap_or_default(),
            until = until.to_string(),
            periods = r.periods.len(),
        )
    )?;
    for p in &r.periods {
        let end = p
            .until
            .map_or_else(|| tr!(lang, "timeline-today"), |d| d.to_string());
        writeln!(
            w,
            "\n{}",
            tr!(
                lang,
                "timeline-period",
                from = p.from.to_string(),
                until = end,
                outcome = outcome_class(p.outcome.verdict, lang),
            )
        )?;
        writeln!(
            w,
            "  {}  [{}]",
            brief(&p.outcome, lang),
            outcome(&p.outcome.classification, lang)
        )?;
        for e in &p.changed_by {
            let label = tr!(lang, "label-changed-by");
            writeln!(
                w,
                "  {}",
                tr!(lang, "field", label = label, value = event(e, lang))
            )?;
        }
        if !p.because.is_empty() {
            let ids: Vec<String> = p.because.iter().map(entry).collect();
            let label = tr!(lang, "label-decided-by");
            let value = join(&ids, "list-semicolon", lang);
            writeln!(w, "  {}", tr!(lang, "field", label = label, value = value))?;
        }
    }
    Ok(())
}

/// A share as a percentage: 0.8252 → "82.52%".
fn percent(x: f64) -> String {
    format!("{:.2}%", x * 100.0)
}

/// A rate as a percentage without trailing zeros: 0.25 → "25%".
fn rate(x: f64) -> String {
    format!("{}%", num(x * 100.0))
}

/// US cents as dollars with thousands separators: 270000000000 → "$2,700,000,000.00".
fn money(cents: u64) -> String {
    format!("${}.{:02}", fmt_count((cents / 100) as f64), cents % 100)
}

/// A number with thousands separators and two decimals.
fn decimal(x: f64) -> String {
    let hundredths = (x * 100.0).round() as i128;
    format!(
        "{}.{:02}",
        fmt_count((hundredths / 100) as f64),
        hundredths % 100
    )
}

/// FLOP/s in the largest readable unit.
fn flops(x: f64) -> String {
    match x {
        x if x >= 1e18 => format!("{:.3} EFLOP/s", x / 1e18),
        x if x >= 1e15 => format!("{:.3} PFLOP/s", x / 1e15),
        x => format!("{:.3} TFLOP/s", x / 1e12),
    }
}

/// Why a scenario asked changes no figure of an impact answer.
fn scenario_without_effect(
    n: &earl_engine::explore::impact::ScenarioWithoutEffect,
    date: Date,
    lang: Lang,
) -> String {
    let dates = match (n.effective, n.until) {
        (Some(e), Some(u)) => tr!(
            lang,
            "impact-scenario-dates-both",
            from = e.to_string(),
            until = u.to_string()
        ),
        (Some(e), None) => tr!(lang, "impact-scenario-dates-from", from = e.to_string()),
        (None, Some(u)) => tr!(lang, "impact-scenario-dates-until", until = u.to_string()),
        (None, None) => tr!(lang, "impact-scenario-dates-any"),
    };
    if !n.in_force {
        return tr!(
            lang,
            "impact-scenario-not-in-force",
            scenario = n.scenario.as_str(),
            dates = dates,
            date = date.to_string()
        );
    }
    tr!(
        lang,
        "impact-scenario-no-change",
        scenario = n.scenario.as_str(),
        date = date.to_string(),
        decided_by = n.decided_by.join(", ")
    )
}

/// `earl impact`.
pub fn impact(w: &mut dyn Write, r: &ImpactReport, lang: Lang) -> io::Result<()> {
    writeln!(
        w,
        "{}",
        tr!(
            lang,
            "impact-head",
            rules = point(&r.rules, lang),
            destination = r.destination.as_str()
        )
    )?;
    if let Some(n) = &r.scenario_without_effect {
        writeln!(
            w,
            "{}",
            wrap(&scenario_without_effect(n, r.rules.date, lang), 100, "")
        )?;
    }
    let missing = || tr!(lang, "impact-missing");
    let mut table = vec![vec![
        tr!(lang, "impact-col-chip"),
        tr!(lang, "impact-col-units"),
        "TPP".to_string(),
        tr!(lang, "impact-col-h100"),
        tr!(lang, "impact-col-fp16"),
        tr!(lang, "impact-col-fp8"),
        tr!(lang, "impact-col-determination"),
    ]];
    for l in &r.lines {
        let licensable = if l.outcome.verdict.licensable() {
            tr!(lang, "impact-licensable")
        } else {
            tr!(lang, "impact-not-licensable")
        };
        table.push(vec![
            l.chip_name.clone(),
            fmt_count(l.units as f64),
            num(l.total_tpp),
            decimal(l.h100_equivalents),
            l.fp16_flops.map_or_else(missing, flops),
            l.fp8_flops.map_or_else(missing, flops),
            format!("{} — {licensable}", brief(&l.outcome, lang)),
        ]);
    }
    writeln!(w)?;
    crate::human::aligned(
        w,
        &table,
        &[28, 10, 16, 12, 16, 16, 0],
        &[true, false, false, false, false, false, true],
    )?;
    writeln!(
        w,
        "\n{}",
        tr!(
            lang,
            "impact-total",
            units = fmt_count(r.total_units as f64),
            tpp = num(r.total_tpp),
            h100 = decimal(r.h100_equivalents),
            h100_tpp = num(r.h100_tpp)
        )
    )?;
    writeln!(
        w,
        "{}",
        tr!(
            lang,
            "impact-dense",
            fp16 = flops(r.fp16_flops),
            fp8 = flops(r.fp8_flops)
        )
    )?;
    if !r.missing_precisions.is_empty() {
        writeln!(
            w,
            "{}",
            tr!(
                lang,
                "impact-not-counted",
                precisions = r.missing_precisions.join(", ")
            )
        )?;
    }
    writeln!(
        w,
        "\n{}",
        tr!(
            lang,
            "impact-licensable-line",
            units = fmt_count(r.licensable_units as f64),
            total = fmt_count(r.total_units as f64),
            share_units = percent(r.licensable_share_units),
            tpp = num(r.licensable_tpp),
            share_tpp = percent(r.licensable_share_tpp)
        )
    )?;
    writeln!(
        w,
        "  {}",
        wrap(&tr!(lang, "impact-licensable-definition"), 100, "  ")
    )?;
    let charges: Vec<_> = r
        .lines
        .iter()
        .flat_map(|l| l.charges.iter().map(move |c| (l, c)))
        .collect();
    if charges.is_empty() {
        writeln!(w, "\n{}", tr!(lang, "impact-no-charges"))?;
    } else {
        writeln!(w, "\n{}", tr!(lang, "impact-charges"))?;
        for (l, c) in charges {
            let amount = match (c.amount_cents, l.price_cents) {
                (Some(a), Some(p)) => tr!(
                    lang,
                    "impact-charge-amount",
                    rate = rate(c.rate),
                    price = money(p),
                    units = fmt_count(l.units as f64),
                    amount = money(a)
                ),
                _ => tr!(lang, "impact-charge-no-price"),
            };
            let may = if c.verdict == ChargeVerdict::Undetermined {
                tr!(lang, "impact-charge-may")
            } else {
                String::new()
            };
            let kind = match c.kind.as_str() {
                "tariff" => tr!(lang, "charge-kind-tariff"),
                "revenue_share" => tr!(lang, "charge-kind-revenue-share"),
                other => other.replace('_', " "),
            };
            writeln!(
                w,
                "  {} {kind} {}: {amount}{may}\n      — {}",
                l.chip_name,
                rate(c.rate),
                c.cite
            )?;
        }
        writeln!(
            w,
            "  {}",
            tr!(
                lang,
                "impact-total-due",
                amount = money(r.charges_total_cents)
            )
        )?;
        if !r.charges_unpriced.is_empty() {
            writeln!(
                w,
                "  {}",
                tr!(
                    lang,
                    "impact-give-price",
                    chips = r.charges_unpriced.join(", ")
                )
            )?;
        }
    }
    writeln!(w, "\n{}", tr!(lang, "impact-reference"))?;
    for c in &r.comparisons {
        let f = &c.figure;
        let value = match f.high {
            Some(h) => format!("{}–{}", fmt_count(f.value), fmt_count(h)),
            None => fmt_count(f.value),
        };
        let unit = match (f.unit.as_str(), &f.chip) {
            ("units", Some(chip)) => tr!(lang, "impact-unit-chip", chip = chip.as_str()),
            ("percent", _) => "%".into(),
            (u, _) => u.to_string(),
        };
        let compared = match (c.shipment_ratio, &f.chip) {
            (Some(ratio), Some(chip)) => tr!(
                lang,
                "impact-compare-chip",
                ratio = ratio_text(ratio),
                value = fmt_count(f.value),
                chip = chip.as_str(),
                h100 = fmt_count(c.reference_h100_equivalents.unwrap_or(0.0).round())
            ),
            (Some(ratio), None) => tr!(lang, "impact-compare", ratio = ratio_text(ratio)),
            (None, _) => tr!(lang, "impact-compare-context"),
        };
        writeln!(
            w,
            "  {}: {value} {unit}",
            rule_texts::in_language(&f.label, lang)
        )?;
        writeln!(w, "      {compared}")?;
        writeln!(
            w,
            "      — {} ({}, {})",
            f.source,
            f.date,
            confidence(f.confidence)
        )?;
        if let Some(n) = &f.note {
            writeln!(
                w,
                "      {}",
                tr!(lang, "impact-note", note = rule_texts::in_language(n, lang))
            )?;
        }
    }
    Ok(())
}
