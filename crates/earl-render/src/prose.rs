//! One sentence per step. This is the only place where earl writes its reasons: the core
//! records what it evaluated ([`Reason`]), this module picks each step's message in the
//! language's catalog (`locales/`), and every front end shows the sentence written here.

use crate::lang::Lang;
use crate::tr;
use earl_core::metrics::MetricName;
use earl_core::rules::{Ground, Reading, Requirement, ReviewPolicy};
use earl_core::step::{
    Comparison, Fact, Holding, Listed, Reason, ReviewReading, Shown, Step, Verdict,
};

/// The sentence for `step` in `lang`. It never names the date asked (the answer's header
/// does), so one answer's steps read the same for every date they hold on. A new step kind is
/// one match arm in [`reason`] and one message in each catalog.
pub fn sentence(step: &Step, lang: Lang) -> String {
    let entry = match step.entry.as_deref() {
        Some(e) => e.to_string(),
        None => tr!(lang, "the-entry"),
    };
    // The rule's own wording, in the language asked where a translation is written.
    let mut quoted = step.reason.clone();
    if let Some(rule) = quoted.rule_mut() {
        *rule = crate::rule_texts::in_language(rule, lang).to_string();
    }
    let text = reason(&quoted, &entry, lang);
    match &step.branch {
        // A system's contained chip: "[8 × NVIDIA H200 SXM] TPP = ...".
        Some(b) if b.starts_with('[') => format!("{b} {text}"),
        Some(b) => tr!(
            lang,
            "step-if-branch",
            branch = outcome(b, lang),
            text = text
        ),
        None => text,
    }
}

/// A verdict as the catalogs' selectors name it.
pub(crate) fn verdict_key(v: Verdict) -> &'static str {
    match v {
        Verdict::Applies => "applies",
        Verdict::DoesNotApply => "does-not-apply",
        Verdict::Undetermined => "undetermined",
    }
}

fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// Items joined as the language lists them; `sep` is a `list-*` message.
pub(crate) fn join(items: &[String], sep: &str, lang: Lang) -> String {
    items.join(&tr!(lang, sep))
}

/// A classification outcome the core labels in English ("3A090.a.1", "not 3A090 (x)").
pub fn outcome(label: &str, lang: Lang) -> String {
    match label.strip_prefix("not ") {
        Some(rest) => tr!(lang, "outcome-not", eccn = rest),
        None => label.to_string(),
    }
}

fn reason(r: &Reason, entry: &str, lang: Lang) -> String {
    match r {
        Reason::Tpp {
            tpp,
            tops: Some(tops),
            precision: Some(p),
            bits: Some(bits),
            precisions_listed,
            source,
        } => tr!(
            lang,
            "step-tpp",
            tops = num(*tops),
            precision = p.to_string(),
            given = yes(source == "user input"),
            bits = bits.to_string(),
            tpp = num(*tpp),
            over = yes(*precisions_listed > 1),
            precisions = *precisions_listed,
        ),
        Reason::Tpp { tpp, .. } => tr!(lang, "step-tpp-as-given", tpp = num(*tpp)),
        Reason::Pd {
            tpp,
            die_area_mm2: Some(area),
            pd,
            source,
        } => tr!(
            lang,
            "step-pd",
            tpp = num(*tpp),
            area = num(*area),
            given = yes(source == "user input"),
            pd = format!("{pd:.2}"),
        ),
        Reason::Pd { pd, .. } => tr!(lang, "step-pd-as-given", pd = num(*pd)),
        Reason::HbmDensity {
            bandwidth_gbps,
            package_area_mm2,
            density,
            ..
        } => tr!(
            lang,
            "step-hbm-density",
            bandwidth = num(*bandwidth_gbps),
            area = num(*package_area_mm2),
            density = format!("{density:.3}"),
        ),
        Reason::IoBound {
            chip_to_chip_gbps,
            host_link_max_gbps,
            low,
            high,
        } => tr!(
            lang,
            "step-io-bound",
            chip_to_chip = num(*chip_to_chip_gbps),
            host_link = num(*host_link_max_gbps),
            low = num(*low),
            high = num(*high),
        ),
        Reason::No3a090 => tr!(lang, "step-no-3a090"),
        Reason::Exclusion { verdict, rule } => tr!(
            lang,
            "step-exclusion",
            entry = entry,
            verdict = verdict_key(*verdict),
            rule = rule.as_str(),
        ),
        Reason::Paragraph {
            rule,
            applicable: false,
            ..
        } => tr!(
            lang,
            "step-paragraph-not-applicable",
            entry = entry,
            rule = rule.as_str()
        ),
        Reason::Paragraph {
            verdict,
            rule,
            tests,
            ..
        } => {
            let parts: Vec<String> = tests.iter().map(|t| comparison(t, lang)).collect();
            tr!(
                lang,
                "step-paragraph",
                entry = entry,
                rule = rule.as_str(),
                verdict = verdict_key(*verdict),
                tests = join(&parts, "list-semicolon", lang),
            )
        }
        Reason::UnknownIrrelevant { metric } => tr!(
            lang,
            "step-unknown-irrelevant",
            metric = metric_label(*metric, lang)
        ),
        Reason::Classified { outcome: o } => {
            tr!(lang, "step-classified", outcome = outcome(o, lang))
        }
        Reason::ClassificationOpen { possible, deciding } => {
            let possible: Vec<String> = possible.iter().map(|o| outcome(o, lang)).collect();
            tr!(
                lang,
                "step-classification-open",
                possible = join(&possible, "list-or", lang),
                deciding = join(deciding, "list-and", lang),
            )
        }
        Reason::RestsOnUnverified { figures } => tr!(
            lang,
            "step-rests-on-unverified",
            figures = join(figures, "list-comma", lang)
        ),
        Reason::Contains { system, parts } => {
            let parts: Vec<String> = parts
                .iter()
                .map(|p| {
                    tr!(
                        lang,
                        "contained-part",
                        count = p.count.to_string(),
                        name = p.name.as_str(),
                        chip = p.chip.as_str(),
                    )
                })
                .collect();
            tr!(
                lang,
                "step-contains",
                system = system.as_str(),
                parts = join(&parts, "list-comma", lang)
            )
        }
        Reason::Assembly { verdict, rule, by } => tr!(
            lang,
            "step-assembly",
            entry = entry,
            rule = rule.as_str(),
            verdict = verdict_key(*verdict),
            by = join(by, "list-comma", lang),
        ),
        Reason::TreatedAs {
            country,
            treated_as,
            from,
        } => tr!(
            lang,
            "step-treated-as",
            country = country.as_str(),
            treated_as = treated_as.as_str(),
            from = from.to_string(),
        ),
        Reason::TppRange { low, high, source } => tr!(
            lang,
            "step-tpp-range",
            low = num(*low),
            high = num(*high),
            source = source.as_str(),
        ),
        Reason::Production {
            made_in,
            us_content,
            us_tech,
        } => production(made_in, us_content, us_tech, lang),
        Reason::Jurisdiction {
            ground,
            verdict,
            rule,
            percent,
            readings,
        } => jurisdiction(*ground, *verdict, rule, *percent, readings, lang),
        Reason::SubjectToEar { verdict } => match verdict {
            Verdict::Applies => tr!(lang, "step-subject"),
            Verdict::DoesNotApply => tr!(lang, "step-not-subject"),
            Verdict::Undetermined => tr!(lang, "step-subject-undetermined"),
        },
        Reason::Control {
            verdict,
            requirement,
            rule,
            readings,
        } => match (verdict, readings.is_empty()) {
            (Verdict::Undetermined, false) => {
                let rs: Vec<String> = readings
                    .iter()
                    .map(|r| {
                        tr!(
                            lang,
                            "control-reading",
                            reading = r.reading.as_str(),
                            cite = r.cite.text.as_str()
                        )
                    })
                    .collect();
                tr!(
                    lang,
                    "step-control-unsettled",
                    rule = rule.as_str(),
                    readings = join(&rs, "list-semicolon", lang)
                )
            }
            (Verdict::Undetermined, true) => {
                tr!(lang, "step-control-figures-unknown", rule = rule.as_str())
            }
            _ => tr!(
                lang,
                "step-control",
                requirement = match requirement {
                    Requirement::License => "license",
                    Requirement::Prohibited => "prohibited",
                },
                rule = rule.as_str(),
            ),
        },
        Reason::NoRequirement {
            destination,
            regime,
        } => tr!(
            lang,
            "step-no-requirement",
            destination = destination.as_str(),
            regime = regime.as_str()
        ),
        Reason::Party {
            list,
            name,
            matched_name,
            party,
            listed,
            verdict,
            rule,
        } => {
            let who = if matched_name != name {
                tr!(
                    lang,
                    "party-matched-as",
                    name = name.as_str(),
                    matched = matched_name.as_str()
                )
            } else {
                name.clone()
            };
            let subject = tr!(
                lang,
                "party-subject",
                party = party.as_str(),
                who = who,
                list = list.as_str()
            );
            match verdict {
                Verdict::Applies => tr!(
                    lang,
                    "step-party-listed",
                    subject = subject,
                    since = listed_since(listed, lang),
                    rule = rule.as_str(),
                ),
                Verdict::DoesNotApply => tr!(
                    lang,
                    "step-party-listed-later",
                    subject = subject,
                    listing = listing(listed, lang)
                ),
                Verdict::Undetermined => tr!(
                    lang,
                    "step-party-listing-undated",
                    subject = subject,
                    listing = listing(listed, lang),
                    rule = rule.as_str(),
                ),
            }
        }
        Reason::Owned {
            party,
            percent,
            chain,
            list,
            verdict,
            rule,
        } if *percent == 0.0 => tr!(
            lang,
            "step-owned-read",
            party = party.as_str(),
            list = list.as_str(),
            chain = holdings(chain, lang),
            rule = rule.as_str(),
        ),
        Reason::Owned {
            party,
            percent,
            chain,
            list,
            verdict,
            rule,
        } => tr!(
            lang,
            "step-owned",
            party = party.as_str(),
            verdict = verdict_key(*verdict),
            percent = num(*percent),
            list = list.as_str(),
            chain = holdings(chain, lang),
            rule = rule.as_str(),
        ),
        Reason::OwnerNotScreenable { owner } => {
            tr!(lang, "step-owner-not-screenable", owner = owner.as_str())
        }
        Reason::FoundInOwnershipGraph { asked, found } => tr!(
            lang,
            "step-found-in-ownership-graph",
            asked = asked.as_str(),
            found = found.as_str(),
        ),
        Reason::OwnershipNotApplied {
            party,
            percent,
            list,
        } => tr!(
            lang,
            "step-ownership-not-applied",
            party = party.as_str(),
            percent = num(*percent),
            list = list.as_str(),
        ),
        Reason::Exception {
            code,
            rule,
            barred_by: None,
        } => tr!(
            lang,
            "step-exception",
            code = code.as_str(),
            rule = rule.as_str()
        ),
        Reason::Exception {
            code,
            barred_by: Some(list),
            ..
        } => tr!(
            lang,
            "step-exception-barred",
            code = code.as_str(),
            list = list.as_str()
        ),
        Reason::Review {
            policy,
            verdict,
            rule,
            overridden,
        } => {
            let policy = policy_name(*policy, lang);
            match (verdict, overridden) {
                (_, true) => tr!(
                    lang,
                    "step-review-overridden",
                    policy = policy,
                    rule = rule.as_str()
                ),
                (Verdict::Undetermined, _) => {
                    tr!(lang, "step-review-figures-unknown", rule = rule.as_str())
                }
                _ => tr!(lang, "step-review", policy = policy, rule = rule.as_str()),
            }
        }
        Reason::PolicyOverride {
            policy,
            list,
            overridden,
        } => {
            let policy = policy_name(*policy, lang);
            match overridden {
                Some(id) => tr!(
                    lang,
                    "step-policy-override-replaces",
                    list = list.as_str(),
                    policy = policy,
                    replaced = id.as_str(),
                ),
                None => tr!(
                    lang,
                    "step-policy-override",
                    list = list.as_str(),
                    policy = policy
                ),
            }
        }
        Reason::SameAcrossOutcomes => tr!(lang, "step-same-across-outcomes"),
        Reason::DependsOnClassification { deciding } => tr!(
            lang,
            "step-depends-on-classification",
            deciding = join(deciding, "list-and", lang)
        ),
        // The rule's own text, from the rules file (translated in `sentence`).
        Reason::Condition { rule } | Reason::Notice { rule } | Reason::NotChecked { rule } => {
            rule.clone()
        }
        Reason::ReviewUndetermined { readings, fallback } => {
            tr!(
                lang,
                "step-review-undetermined",
                readings = review_readings(readings, *fallback, lang)
            )
        }
        Reason::ConditionIf {
            rule,
            review: Some(review),
        } => tr!(
            lang,
            "step-condition-if-review",
            review = review.as_str(),
            rule = rule.as_str()
        ),
        Reason::ConditionIf { rule, review: None } => {
            tr!(lang, "step-condition-may-apply", rule = rule.as_str())
        }
        Reason::ExceptionUndetermined { code, rule } => tr!(
            lang,
            "step-exception-undetermined",
            code = code.as_str(),
            rule = rule.as_str()
        ),
        Reason::ChargeUndetermined { rule } => {
            tr!(lang, "step-charge-undetermined", rule = rule.as_str())
        }
        Reason::ListingDateUnknown {
            list,
            name,
            notice,
            year,
        } => tr!(
            lang,
            "step-listing-date-unknown",
            list = list.as_str(),
            name = name.as_str(),
            notice = notice.as_str(),
            year = year.to_string(),
        ),
        Reason::ListingUndated { list, name } => tr!(
            lang,
            "step-listing-undated",
            list = list.as_str(),
            name = name.as_str()
        ),
        Reason::NoEndUser => tr!(lang, "step-no-end-user"),
        Reason::HqNotGiven => tr!(lang, "step-hq-not-given"),
        Reason::OwnershipNotGiven { in_force } => tr!(
            lang,
            "step-ownership-not-given",
            in_force = verdict_key(*in_force)
        ),
        Reason::RulesVintage { as_of, source } => tr!(
            lang,
            "step-rules-vintage",
            as_of = as_of.to_string(),
            source = source.as_str()
        ),
        Reason::NewerDocuments {
            as_of,
            source,
            documents,
        } => {
            let listed: Vec<String> = documents
                .iter()
                .map(|d| {
                    let effective = d
                        .effective_on
                        .map(|e| tr!(lang, "document-effective", date = e.to_string()))
                        .unwrap_or_default();
                    let link = d
                        .html_url
                        .as_deref()
                        .map(|u| format!(" <{u}>"))
                        .unwrap_or_default();
                    tr!(
                        lang,
                        "newer-document",
                        kind = d.doc_type.as_str(),
                        title = d.title.as_str(),
                        cite = d.citation.as_deref().unwrap_or(&d.document_number),
                        published = d.publication_date.to_string(),
                        effective = effective,
                        link = link,
                    )
                })
                .collect();
            tr!(
                lang,
                "step-newer-documents",
                as_of = as_of.to_string(),
                source = source.as_str(),
                count = documents.len(),
                documents = join(&listed, "list-semicolon", lang),
            )
        }
    }
}

/// The production facts the jurisdiction step read, each with its source.
fn production(
    made_in: &Fact<Vec<String>>,
    us_content: &Fact<f64>,
    us_tech: &Fact<bool>,
    lang: Lang,
) -> String {
    let sourced = |value: Option<String>, source: &str, unverified: bool| match value {
        None => tr!(lang, "shown-unknown"),
        Some(v) if unverified => tr!(lang, "fact-sourced-unverified", value = v, source = source),
        Some(v) => tr!(lang, "fact-sourced", value = v, source = source),
    };
    let yes_no = |b: &bool| tr!(lang, if *b { "fact-yes" } else { "fact-no" });
    tr!(
        lang,
        "step-production",
        made_in = sourced(
            made_in
                .value
                .as_ref()
                .map(|places| places.join(&tr!(lang, "fact-or"))),
            &made_in.source,
            made_in.unverified
        ),
        us_content = sourced(
            us_content.value.map(|pct| format!("{}%", num(pct))),
            &us_content.source,
            us_content.unverified
        ),
        us_tech = sourced(
            us_tech.value.as_ref().map(yes_no),
            &us_tech.source,
            us_tech.unverified
        ),
    )
}

/// One prong of "is the item subject to the EAR".
fn jurisdiction(
    ground: Ground,
    verdict: Verdict,
    rule: &str,
    percent: Option<f64>,
    readings: &[Reading],
    lang: Lang,
) -> String {
    let prong = match (ground, percent) {
        (Ground::UsLocated, _) => tr!(lang, "prong-us-located"),
        (Ground::UsOrigin, _) => tr!(lang, "prong-us-origin"),
        (Ground::DeMinimis, Some(level)) => tr!(lang, "prong-de-minimis-level", level = num(level)),
        (Ground::DeMinimis, None) => tr!(lang, "prong-de-minimis"),
        (Ground::DirectProduct, _) => tr!(lang, "prong-direct-product"),
        (Ground::Presumed, _) => tr!(lang, "prong-presumed"),
    };
    match (verdict, readings.is_empty()) {
        (Verdict::Applies, _) => tr!(lang, "step-prong-applies", prong = prong, rule = rule),
        (Verdict::DoesNotApply, _) => {
            tr!(
                lang,
                "step-prong-does-not-apply",
                prong = prong,
                rule = rule
            )
        }
        (Verdict::Undetermined, false) => {
            let rs: Vec<String> = readings
                .iter()
                .map(|r| {
                    tr!(
                        lang,
                        "control-reading",
                        reading = r.reading.as_str(),
                        cite = r.cite.text.as_str()
                    )
                })
                .collect();
            tr!(
                lang,
                "step-prong-unsettled",
                prong = prong,
                rule = rule,
                readings = rs.join("; ")
            )
        }
        (Verdict::Undetermined, true) => {
            tr!(lang, "step-prong-fact-unknown", prong = prong, rule = rule)
        }
    }
}

fn comparison(c: &Comparison, lang: Lang) -> String {
    let shown = match c.value {
        Shown::Exact(x) => value(c.metric, x),
        Shown::Between(lo, hi) => tr!(lang, "shown-between", low = num(lo), high = num(hi)),
        Shown::Unknown => tr!(lang, "shown-unknown"),
        Shown::NotApplicable => tr!(lang, "shown-not-applicable"),
    };
    let op = match c.op {
        ">=" => "≥",
        "<=" => "≤",
        other => other,
    };
    tr!(
        lang,
        "comparison",
        metric = metric_label(c.metric, lang),
        shown = shown,
        op = op,
        threshold = value(c.metric, c.threshold),
        verdict = verdict_key(c.verdict),
    )
}

/// A metric's name as a reader of `lang` writes it.
pub fn metric_label(m: MetricName, lang: Lang) -> String {
    let id = match m {
        MetricName::Tpp => "metric-tpp",
        MetricName::Pd => "metric-pd",
        MetricName::MemoryBandwidthGbps => "metric-memory-bandwidth",
        MetricName::ChipToChipGbps => "metric-chip-to-chip",
        MetricName::IoAggregateGbps => "metric-io-aggregate",
        MetricName::HbmDensity => "metric-hbm-density",
        MetricName::FrontierShare => "metric-frontier-share",
        MetricName::ShipmentTpp => "metric-shipment-tpp",
    };
    tr!(lang, id)
}

fn value(m: MetricName, x: f64) -> String {
    match m {
        MetricName::Pd | MetricName::HbmDensity => format!("{x:.2}"),
        MetricName::FrontierShare => format!("{:.1} %", x * 100.0),
        _ => num(x),
    }
}

fn listing(l: &Listed, lang: Lang) -> String {
    listed_as(l, "listing", lang).unwrap_or_else(|| tr!(lang, "listing-no-notice"))
}

fn listed_since(l: &Listed, lang: Lang) -> String {
    listed_as(l, "listed-since", lang).unwrap_or_default()
}

/// A dated listing in the messages `<family>-on`, `-by` and `-in-year`; `None` without a notice.
fn listed_as(l: &Listed, family: &str, lang: Lang) -> Option<String> {
    Some(match l {
        Listed::On { date, notice } => tr!(
            lang,
            &format!("{family}-on"),
            notice = notice.as_str(),
            date = date.to_string()
        ),
        Listed::By { date, notice, .. } => tr!(
            lang,
            &format!("{family}-by"),
            notice = notice.as_str(),
            date = date.to_string()
        ),
        Listed::InYear { year, notice } => tr!(
            lang,
            &format!("{family}-in-year"),
            notice = notice.as_str(),
            year = year.to_string()
        ),
        Listed::NoNotice => return None,
    })
}

/// A party found an affiliate of listed parties in the ownership graph, with the rule's effect
/// on the date asked.
pub fn affiliate(a: &earl_engine::owners::Affiliate, lang: Lang) -> String {
    let owners: Vec<String> = a
        .listed_owners
        .iter()
        .map(|o| {
            tr!(
                lang,
                "affiliate-owner",
                name = o.name.as_str(),
                list = o.list.as_str()
            )
        })
        .collect();
    let status = match a.rule_status {
        earl_core::rules::InForce::InForce => "in_force",
        earl_core::rules::InForce::Suspended => "suspended",
        earl_core::rules::InForce::NotInForce => "not_in_force",
    };
    // A share read from control states no percentage: never shown as 0%.
    let stated = match a.percent {
        0.0 => tr!(lang, "affiliate-no-share-stated"),
        p => tr!(lang, "affiliate-share-stated", percent = num(p)),
    };
    tr!(
        lang,
        "affiliate",
        party = a.party.as_str(),
        verdict = verdict_key(a.verdict),
        owners = join(&owners, "list-comma", lang),
        stated = stated,
        chain = holdings(&a.chain, lang),
        status = status,
        rule = a.rule.as_str(),
    )
}

fn holdings(chain: &[Holding], lang: Lang) -> String {
    let said: Vec<String> = chain.iter().map(|h| holding(h, lang)).collect();
    join(&said, "list-semicolon", lang)
}

/// One link of a chain: the share (or the reading, where the source states control without a
/// percentage), the owner's list, and where the ownership graph found it.
fn holding(h: &Holding, lang: Lang) -> String {
    use earl_core::step::HoldingReading;
    let (owner, owned) = (h.owner.as_str(), h.owned.as_str());
    let reading = h.graph.as_ref().map(|g| (g.reading, g.upper));
    let share = match (reading, h.percent, h.list.as_deref()) {
        (None | Some((HoldingReading::Percent, _)), Some(p), Some(list)) => {
            return with_graph(
                h,
                tr!(
                    lang,
                    "holding-listed",
                    owner = owner,
                    percent = num(p),
                    owned = owned,
                    list = list
                ),
                lang,
            );
        }
        (None | Some((HoldingReading::Percent, _)), Some(p), None) => {
            tr!(
                lang,
                "holding",
                owner = owner,
                percent = num(p),
                owned = owned
            )
        }
        (Some((HoldingReading::Range, Some(upper))), p, _) => tr!(
            lang,
            "holding-range",
            owner = owner,
            minimum = num(p.unwrap_or(0.0)),
            maximum = num(upper),
            owned = owned
        ),
        (Some((HoldingReading::ConsolidationMajorityLikely, _)), _, _) => {
            tr!(lang, "holding-consolidation", owner = owner, owned = owned)
        }
        _ => tr!(lang, "holding-control", owner = owner, owned = owned),
    };
    let share = match h.list.as_deref() {
        Some(list) => tr!(lang, "holding-with-list", holding = share, list = list),
        None => share,
    };
    with_graph(h, share, lang)
}

/// A holding's words with where the ownership graph found it, when it did.
fn with_graph(h: &Holding, share: String, lang: Lang) -> String {
    let Some(g) = &h.graph else {
        return share;
    };
    let date = |d: Option<jiff::civil::Date>| {
        d.map_or_else(|| tr!(lang, "holding-date-unstated"), |d| d.to_string())
    };
    let period = match (g.from, g.to) {
        (None, None) => tr!(
            lang,
            "holding-period-unstated",
            imported = g.imported.to_string()
        ),
        _ => tr!(
            lang,
            "holding-period",
            from = date(g.from),
            to = date(g.to),
            imported = g.imported.to_string()
        ),
    };
    let found = tr!(
        lang,
        "holding-from-graph",
        holding = share,
        source = g.source.as_str(),
        period = period
    );
    match g.question_percent {
        Some(p) => tr!(
            lang,
            "holding-question-differs",
            holding = found,
            percent = num(p)
        ),
        None => found,
    }
}

/// A review policy as a reader of `lang` writes it.
pub fn policy_name(p: ReviewPolicy, lang: Lang) -> String {
    let id = match p {
        ReviewPolicy::PresumptionOfApproval => "policy-presumption-of-approval",
        ReviewPolicy::CaseByCase => "policy-case-by-case",
        ReviewPolicy::PresumptionOfDenial => "policy-presumption-of-denial",
        ReviewPolicy::PolicyOfDenial => "policy-policy-of-denial",
    };
    tr!(lang, id)
}

/// Formats a figure the way a reader writes it: thousands separated, at most two decimals.
pub fn num(v: f64) -> String {
    earl_core::metrics::fmt_num(v)
}

/// What `earl licence add` warns of when a fresh check of the licensed export on the issue
/// date does not show that it needs a licence; `None` when it does.
pub fn licence_fresh_check(
    c: &earl_engine::ledger::FreshCheck,
    number: &str,
    lang: Lang,
) -> Option<String> {
    let by = match c.decided_by.is_empty() {
        true => String::new(),
        false => tr!(
            lang,
            "fresh-check-decided-by",
            deciding = join(&c.decided_by, "list-comma", lang)
        ),
    };
    let id = match (c.prohibited, c.license_required) {
        (Some(true), _) => "fresh-check-prohibited",
        (None, _) => "fresh-check-possibly-prohibited",
        (Some(false), Some(true)) => return None,
        (Some(false), Some(false)) => "fresh-check-no-licence-needed",
        (Some(false), None) => "fresh-check-undetermined",
    };
    Some(tr!(
        lang,
        id,
        date = c.date.to_string(),
        by = by,
        number = number
    ))
}

/// The sentence for a refused licence or shipment.
pub fn refusal(r: &earl_engine::ledger::Refusal, lang: Lang) -> String {
    use earl_engine::ledger::Refusal as R;
    match r {
        R::UnknownLicence { number } => {
            tr!(lang, "refusal-unknown-licence", number = number.as_str())
        }
        R::DuplicateLicence { number } => {
            tr!(lang, "refusal-duplicate-licence", number = number.as_str())
        }
        R::BeforeIssue {
            number,
            issued,
            date,
        } => tr!(
            lang,
            "refusal-before-issue",
            number = number.as_str(),
            issued = issued.to_string(),
            date = date.to_string(),
        ),
        R::Expired {
            number,
            expires,
            date,
        } => tr!(
            lang,
            "refusal-expired",
            number = number.as_str(),
            expires = expires.to_string(),
            date = date.to_string(),
        ),
        R::OverQuantity {
            number,
            remaining,
            asked,
        } => tr!(
            lang,
            "refusal-over-quantity",
            number = number.as_str(),
            remaining = remaining.to_string(),
            asked = asked.to_string(),
        ),
        R::OverValue {
            number,
            remaining,
            asked,
        } => tr!(
            lang,
            "refusal-over-value",
            number = number.as_str(),
            remaining = num(*remaining),
            asked = num(*asked),
        ),
        R::ValueNeeded { number } => {
            tr!(lang, "refusal-value-needed", number = number.as_str())
        }
        R::ItemMismatch {
            number,
            licensed,
            asked,
        }
        | R::DestinationMismatch {
            number,
            licensed,
            asked,
        } => tr!(
            lang,
            "refusal-mismatch",
            number = number.as_str(),
            licensed = licensed.as_str(),
            asked = asked.as_str(),
        ),
        R::EndUserMismatch {
            number,
            licensed,
            asked,
        } => {
            let named =
                |name: &Option<String>| name.clone().unwrap_or_else(|| tr!(lang, "none-named"));
            tr!(
                lang,
                "refusal-end-user-mismatch",
                number = number.as_str(),
                licensed = named(licensed),
                asked = named(asked),
            )
        }
        R::Prohibited { number } => tr!(lang, "refusal-prohibited", number = number.as_str()),
        R::PossiblyProhibited { number } => tr!(
            lang,
            "refusal-possibly-prohibited",
            number = number.as_str()
        ),
        R::ListedSince {
            number,
            party,
            list,
            listed_as,
        } => tr!(
            lang,
            "refusal-listed-since",
            number = number.as_str(),
            party = party.as_str(),
            list = list.as_str(),
            listed_as = listed_as.as_str(),
        ),
        R::OwnersListedSince {
            number,
            party,
            list,
            percent,
            issued,
        } => tr!(
            lang,
            "refusal-owners-listed-since",
            number = number.as_str(),
            party = party.as_str(),
            list = list.as_str(),
            percent = num(*percent),
            issued = issued.to_string(),
        ),
        R::Cap {
            chip,
            us_units,
            capped_units,
            asked,
            share,
            places,
            entry,
            rule,
            cite,
        } => tr!(
            lang,
            "refusal-cap",
            entry = entry.as_str(),
            rule = crate::rule_texts::in_language(rule, lang),
            cite = cite.text.as_str(),
            asked = asked.to_string(),
            chip = chip.as_str(),
            total = (capped_units + asked).to_string(),
            places = places.join("/"),
            share = num(share * 100.0),
            us_units = us_units.to_string(),
            allowed = num((share * *us_units as f64).floor()),
        ),
    }
}

/// The review policies still possible, each with the entry that sets it, highest rank first:
/// "case-by-case review if rp-x applies; else presumption of denial (rp-y)".
pub(crate) fn review_readings(readings: &[ReviewReading], fallback: bool, lang: Lang) -> String {
    let mut said: Vec<String> = Vec::new();
    for (i, r) in readings.iter().enumerate() {
        let id = match (i, fallback && i + 1 == readings.len()) {
            (_, true) => "review-reading-fallback",
            (0, _) => "review-reading-first",
            _ => "review-reading-else",
        };
        said.push(tr!(
            lang,
            id,
            policy = policy_name(r.policy, lang),
            entry = r.entry.as_str()
        ));
    }
    if !fallback {
        said.push(tr!(lang, "review-reading-none"));
    }
    join(&said, "list-semicolon", lang)
}
