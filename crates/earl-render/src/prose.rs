//! One sentence per step. This is the only place where earl writes its reasons as English: the
//! core records what it evaluated ([`Reason`]), and every front end shows the sentence written
//! here.

use earl_core::metrics::MetricName;
use earl_core::rules::{Ground, Requirement, ReviewPolicy};
use earl_core::step::{Comparison, Fact, Holding, Listed, Reading, Reason, Shown, Step, Verdict};

/// The sentence for `step`. It never names the date asked (the answer's header does), so one
/// answer's steps read the same for every date they hold on.
pub fn sentence(step: &Step) -> String {
    let text = reason(&step.reason, step.entry.as_deref().unwrap_or("the entry"));
    match &step.branch {
        // A system's contained chip: "[8 × NVIDIA H200 SXM] TPP = ...".
        Some(b) if b.starts_with('[') => format!("{b} {text}"),
        Some(b) => format!("If {b}: {text}"),
        None => text,
    }
}

fn reason(r: &Reason, entry: &str) -> String {
    match r {
        Reason::Tpp {
            tpp,
            tops: Some(tops),
            precision: Some(p),
            bits: Some(bits),
            precisions_listed,
            source,
        } => {
            let over = if *precisions_listed > 1 {
                format!(" (highest over the {precisions_listed} precisions listed)")
            } else {
                String::new()
            };
            let given = if source == "user input" { " given" } else { "" };
            format!(
                "TPP = {} dense {p} TOPS{given} × {bits} bits = {}{over}",
                num(*tops),
                num(*tpp)
            )
        }
        Reason::Tpp { tpp, .. } => format!("TPP = {} as given", num(*tpp)),
        Reason::Pd {
            tpp,
            die_area_mm2: Some(area),
            pd,
            source,
        } => {
            let what = if source == "user input" {
                "mm²"
            } else {
                "mm² applicable die area"
            };
            format!("PD = TPP {} / {} {what} = {pd:.2}", num(*tpp), num(*area))
        }
        Reason::Pd { pd, .. } => format!("PD = {} as given", num(*pd)),
        Reason::HbmDensity {
            bandwidth_gbps,
            package_area_mm2,
            density,
            ..
        } => format!(
            "memory bandwidth density = {} GB/s / {} mm² = {density:.3} GB/s/mm²",
            num(*bandwidth_gbps),
            num(*package_area_mm2)
        ),
        Reason::IoBound {
            chip_to_chip_gbps,
            host_link_max_gbps,
            low,
            high,
        } => format!(
            "Aggregate bidirectional I/O is taken as the chip-to-chip figure {} GB/s plus up to {} GB/s of host link: between {} and {} GB/s.",
            num(*chip_to_chip_gbps),
            num(*host_link_max_gbps),
            num(*low),
            num(*high)
        ),
        Reason::No3a090 => "No ECCN 3A090 existed on the date asked: it was created by the rule effective 2022-10-07 (87 FR 62186).".into(),
        Reason::Exclusion { verdict, rule } => {
            let head = match verdict {
                Verdict::Applies => "applies",
                Verdict::DoesNotApply => "does not apply",
                Verdict::Undetermined => "cannot tell whether it applies",
            };
            format!("{entry} {head}: {rule}")
        }
        Reason::Paragraph {
            verdict,
            rule,
            applicable: false,
            ..
        } => {
            let _ = verdict;
            format!("{entry} ({rule}): does not apply to this kind of item.")
        }
        Reason::Paragraph {
            verdict,
            rule,
            tests,
            ..
        } => {
            let head = match verdict {
                Verdict::Applies => "met",
                Verdict::DoesNotApply => "not met",
                Verdict::Undetermined => "undetermined",
            };
            let parts: Vec<String> = tests.iter().map(comparison).collect();
            format!("{entry} ({rule}): {head} — {}.", parts.join("; "))
        }
        Reason::UnknownIrrelevant { metric } => {
            let label = metric.label();
            format!(
                "{label} is unknown, but it cannot change this outcome: the paragraphs that decide it do not depend on {label}."
            )
        }
        Reason::Classified { outcome } => format!("Classification: {outcome}."),
        Reason::ClassificationOpen { possible, deciding } => format!(
            "Classification undetermined: could be {}; decided by {}.",
            possible.join(" or "),
            deciding.join(" and ")
        ),
        Reason::RestsOnUnverified { figures } => format!(
            "This result rests on figures the sources mark unverified: {}.",
            figures.join(", ")
        ),
        Reason::Contains { system, parts } => format!(
            "{system} contains {}.",
            parts
                .iter()
                .map(|p| format!("{} × {} ({})", p.count, p.name, p.chip))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Reason::Assembly { verdict, rule, by } => match verdict {
            Verdict::Applies => format!("{entry} ({rule}): applies — it contains {}.", by.join(", ")),
            Verdict::Undetermined => format!(
                "{entry} ({rule}): undetermined — it contains {}, whose classification is open.",
                by.join(", ")
            ),
            Verdict::DoesNotApply => {
                format!("{entry} ({rule}): does not apply — no contained chip meets it.")
            }
        },
        Reason::TreatedAs {
            country,
            treated_as,
            from,
        } => format!("{country} is treated as {treated_as} under the EAR from {from}."),
        Reason::TppRange { low, high, source } => format!(
            "TPP between {} and {} (no throughput published; the range its sources give, {source})",
            num(*low),
            num(*high)
        ),
        Reason::Production {
            made_in,
            us_content,
            us_tech,
        } => production(made_in, us_content, us_tech),
        Reason::Jurisdiction {
            ground,
            verdict,
            rule,
            percent,
            readings,
        } => jurisdiction(*ground, *verdict, rule, *percent, readings),
        Reason::SubjectToEar { verdict } => match verdict {
            Verdict::Applies => "The item is subject to the EAR.".to_string(),
            Verdict::DoesNotApply => "Not subject to the EAR: no prong of 15 CFR 734.3 reaches the item, so no EAR licence requirement applies to it.".to_string(),
            Verdict::Undetermined => "Whether the item is subject to the EAR is undetermined, so whether a licence is required is undetermined too; what applies if it is subject follows.".to_string(),
        },
        Reason::Control {
            verdict,
            requirement,
            rule,
            readings,
        } => {
            let what = match requirement {
                Requirement::License => "Licence required",
                Requirement::Prohibited => "Prohibited",
            };
            match (verdict, readings.is_empty()) {
                (Verdict::Undetermined, false) => {
                    let rs: Vec<String> = readings
                        .iter()
                        .map(|r| format!("“{}” ({})", r.reading, r.cite.text))
                        .collect();
                    format!(
                        "Undetermined — the law is unsettled: {rule} The readings differ: {}.",
                        rs.join("; ")
                    )
                }
                (Verdict::Undetermined, true) => format!(
                    "Cannot tell whether this applies (figures unknown): {rule}"
                ),
                _ => format!("{what}: {rule}"),
            }
        }
        Reason::NoRequirement {
            destination,
            regime,
        } => format!(
            "No licence requirement in earl's rules applies to this item for {destination} on the date asked (rules as of regime {regime})."
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
                format!("{name} (matched as “{matched_name}”)")
            } else {
                name.clone()
            };
            let subject = format!("“{party}” matches {who} on the {list} list");
            match verdict {
                Verdict::Applies => format!("{subject}{}: {rule}", listed_since(listed)),
                Verdict::DoesNotApply => format!(
                    "{subject}, but {}, after the date asked: it was not yet listed then, so the listing is not applied.",
                    listing(listed)
                ),
                Verdict::Undetermined => format!(
                    "{subject}; {} and earl does not know its effective date, so the entry may or may not have been listed on the date asked: {rule}",
                    listing(listed)
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
        } => {
            let how = match verdict {
                Verdict::Applies => "is",
                _ => "may be (some owners' listing dates are unknown)",
            };
            format!(
                "{party} {how} owned {}% in the aggregate by parties on the {list} list ({}): {rule}",
                num(*percent),
                holdings(chain)
            )
        }
        Reason::OwnershipNotApplied {
            party,
            percent,
            list,
        } => format!(
            "{party} is owned {}% by parties on the {list} list, but on the date asked the ownership rule did not apply (see its citation); the ownership remains a red flag.",
            num(*percent)
        ),
        Reason::Exception {
            code,
            rule,
            barred_by: None,
        } => format!("License Exception {code} can authorise it: {rule}"),
        Reason::Exception {
            code,
            barred_by: Some(list),
            ..
        } => format!(
            "License Exception {code} would apply, but the party's {list} listing bars licence exceptions."
        ),
        Reason::Review {
            policy,
            verdict,
            rule,
            overridden,
        } => match (verdict, overridden) {
            (_, true) => format!(
                "Review policy {} would apply, but a listed party's stricter policy replaces it (below): {rule}",
                policy_name(*policy)
            ),
            (Verdict::Undetermined, _) => format!(
                "Cannot tell whether this review policy applies (figures unknown): {rule}"
            ),
            _ => format!("Review policy {}: {rule}", policy_name(*policy)),
        },
        Reason::PolicyOverride {
            policy,
            list,
            overridden,
        } => match overridden {
            Some(id) => format!(
                "The {list} listing sets the stricter review policy: {}. It replaces {id}, and that policy's conditions and charges do not apply.",
                policy_name(*policy)
            ),
            None => format!(
                "The {list} listing sets the review policy: {}.",
                policy_name(*policy)
            ),
        },
        Reason::SameAcrossOutcomes => {
            "Every possible classification leads to this same answer, so the unknown figures do not change it.".into()
        }
        Reason::DependsOnClassification { deciding } => format!(
            "The answer depends on the classification, which turns on {}.",
            deciding.join(" and ")
        ),
        Reason::Condition { rule } | Reason::Notice { rule } | Reason::NotChecked { rule } => {
            rule.clone()
        }
        Reason::ReviewUndetermined { readings, fallback } => {
            let mut said: Vec<String> = Vec::new();
            for (i, r) in readings.iter().enumerate() {
                let policy = policy_name(r.policy);
                said.push(match (i, *fallback && i + 1 == readings.len()) {
                    (_, true) => format!("else {policy} ({})", r.entry),
                    (0, _) => format!("{policy} if {} applies", r.entry),
                    _ => format!("else {policy} if {} applies", r.entry),
                });
            }
            if !fallback {
                said.push("else none of these".into());
            }
            format!(
                "The review policy is undetermined: {}. The undetermined steps above say what would decide it.",
                said.join("; ")
            )
        }
        Reason::ConditionIf {
            rule,
            review: Some(review),
        } => format!("If {review} applies: {rule}"),
        Reason::ConditionIf { rule, review: None } => {
            format!("May apply (the facts that decide it are not known): {rule}")
        }
        Reason::ExceptionUndetermined { code, rule } => format!(
            "License Exception {code} may be available: whether its terms are met cannot be told from the facts given. {rule}"
        ),
        Reason::ChargeUndetermined { rule } => format!(
            "This charge may be due: the figures that decide it are not known exactly. {rule}"
        ),
        Reason::ListingDateUnknown {
            list,
            name,
            notice,
            year,
        } => format!(
            "The {list} entry for {name} first cites {notice} ({year}); earl does not know that notice's effective date, so whether {name} was listed on the date asked is undetermined."
        ),
        Reason::ListingUndated { list, name } => format!(
            "The {list} entry for {name} cites no Federal Register notice, so earl cannot date the listing; it was applied as if in force on the date asked."
        ),
        Reason::NoEndUser => {
            "No end user was named, so no restricted-party list was screened.".into()
        }
        Reason::HqNotGiven => {
            "The end user's headquarters was not given: earl assumed it is not headquartered (nor its ultimate parent) in Country Group D:5 or Macau. If it is, a licence is required for advanced computing items to any destination.".into()
        }
        Reason::OwnershipNotGiven { in_force } => match in_force {
            Verdict::Applies => "The end user's owners were not given, so ownership by listed parties was not checked.".into(),
            _ => "The end user's owners were not given.".into(),
        },
        Reason::RulesVintage { as_of, source } => format!(
            "earl's rules reflect sources up to {as_of} ({source}); changes after that date are not known to earl, so this answer may be out of date."
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
                        .map(|e| format!(", effective {e}"))
                        .unwrap_or_default();
                    let cite = d.citation.as_deref().unwrap_or(&d.document_number);
                    let link = d
                        .html_url
                        .as_deref()
                        .map(|u| format!(" <{u}>"))
                        .unwrap_or_default();
                    format!(
                        "{} “{}” ({cite}, published {}{effective}){link}",
                        d.doc_type, d.title, d.publication_date
                    )
                })
                .collect();
            format!(
                "earl's rules reflect sources up to {as_of} ({source}). BIS has published {} document{} touching the parts earl encodes since then, which may change this answer and which earl has not encoded: {}.",
                documents.len(),
                if documents.len() == 1 { "" } else { "s" },
                listed.join("; ")
            )
        }
    }
}

/// The production facts the jurisdiction step read, each with its source.
fn production(made_in: &Fact<Vec<String>>, us_content: &Fact<f64>, us_tech: &Fact<bool>) -> String {
    fn sourced<T>(f: &Fact<T>, shown: impl Fn(&T) -> String) -> String {
        match &f.value {
            None => "unknown".to_string(),
            Some(v) if f.unverified => format!("{} ({}, unverified)", shown(v), f.source),
            Some(v) => format!("{} ({})", shown(v), f.source),
        }
    }
    format!(
        "Production facts: made in {}; controlled US-origin content {}; direct product of US-origin technology or software: {}.",
        sourced(made_in, |places| places.join(" or ")),
        sourced(us_content, |pct| format!("{}%", num(*pct))),
        sourced(us_tech, |b| if *b { "yes" } else { "no" }.to_string()),
    )
}

/// One prong of "is the item subject to the EAR".
fn jurisdiction(
    ground: Ground,
    verdict: Verdict,
    rule: &str,
    percent: Option<f64>,
    readings: &[Reading],
) -> String {
    let prong = match (ground, percent) {
        (Ground::UsLocated, _) => "Located in the United States".to_string(),
        (Ground::UsOrigin, _) => "US-origin".to_string(),
        (Ground::DeMinimis, Some(level)) => {
            format!("De minimis (controlled US content above {}%)", num(level))
        }
        (Ground::DeMinimis, None) => "De minimis".to_string(),
        (Ground::DirectProduct, _) => "Foreign direct product".to_string(),
        (Ground::Presumed, _) => "Presumed subject by BIS".to_string(),
    };
    match (verdict, readings.is_empty()) {
        (Verdict::Applies, _) => format!("{prong}: subject to the EAR — {rule}"),
        (Verdict::DoesNotApply, _) => format!("{prong}: does not reach the item — {rule}"),
        (Verdict::Undetermined, false) => {
            let rs: Vec<String> = readings
                .iter()
                .map(|r| format!("“{}” ({})", r.reading, r.cite.text))
                .collect();
            format!(
                "{prong}: undetermined — the reach of the rule is unsettled: {rule} The readings differ: {}.",
                rs.join("; ")
            )
        }
        (Verdict::Undetermined, true) => {
            format!("{prong}: undetermined — a fact that decides it is unknown: {rule}")
        }
    }
}

fn comparison(c: &Comparison) -> String {
    let shown = match c.value {
        Shown::Exact(x) => value(c.metric, x),
        Shown::Between(lo, hi) => format!("between {} and {}", num(lo), num(hi)),
        Shown::Unknown => "unknown".into(),
        Shown::NotApplicable => "not applicable".into(),
    };
    let mark = match c.verdict {
        Verdict::Applies => "met",
        Verdict::DoesNotApply => "not met",
        Verdict::Undetermined => "cannot tell",
    };
    let op = match c.op {
        ">=" => "≥",
        "<=" => "≤",
        other => other,
    };
    format!(
        "{} {shown} {op} {}: {mark}",
        c.metric.label(),
        value(c.metric, c.threshold)
    )
}

fn value(m: MetricName, x: f64) -> String {
    match m {
        MetricName::Pd | MetricName::HbmDensity => format!("{x:.2}"),
        MetricName::FrontierShare => format!("{:.1} %", x * 100.0),
        _ => num(x),
    }
}

fn listing(l: &Listed) -> String {
    match l {
        Listed::On { date, notice } => {
            format!("the entry was listed by {notice}, effective {date}")
        }
        Listed::By { date, notice, .. } => {
            format!("the entry was listed by {notice}, in force by {date} at the latest")
        }
        Listed::InYear { year, notice } => {
            format!("the entry was listed by {notice} (published in {year})")
        }
        Listed::NoNotice => "the entry cites no Federal Register notice".into(),
    }
}

fn listed_since(l: &Listed) -> String {
    match l {
        Listed::On { date, notice } => format!(" (listed by {notice}, effective {date})"),
        Listed::By { date, notice, .. } => format!(" (listed by {notice}, in force by {date})"),
        Listed::InYear { year, notice } => format!(" (listed by {notice}, {year})"),
        Listed::NoNotice => String::new(),
    }
}

fn holdings(chain: &[Holding]) -> String {
    chain
        .iter()
        .map(|h| {
            let list = h
                .list
                .as_deref()
                .map(|l| format!(", {l}"))
                .unwrap_or_default();
            format!("{} holds {}% of {}{list}", h.owner, num(h.percent), h.owned)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A review policy as a reader writes it.
pub fn policy_name(p: ReviewPolicy) -> &'static str {
    match p {
        ReviewPolicy::PresumptionOfApproval => "presumption of approval",
        ReviewPolicy::CaseByCase => "case-by-case",
        ReviewPolicy::PresumptionOfDenial => "presumption of denial",
        ReviewPolicy::PolicyOfDenial => "policy of denial",
    }
}

/// Formats a figure the way a reader writes it: thousands separated, at most two decimals.
pub fn num(v: f64) -> String {
    earl_core::metrics::fmt_num(v)
}

/// What `earl licence add` warns of when a fresh check of the licensed export on the issue
/// date does not show that it needs a licence; `None` when it does.
pub fn licence_fresh_check(c: &earl_engine::ledger::FreshCheck, number: &str) -> Option<String> {
    let by = match c.decided_by.is_empty() {
        true => String::new(),
        false => format!(" (decided by {})", c.decided_by.join(", ")),
    };
    match c.prohibited {
        Some(true) => {
            return Some(format!(
                "a fresh check finds this export prohibited on {}{by}: no licence can authorise it, so shipments under licence {number} will be refused; recorded as asked",
                c.date
            ));
        }
        None => {
            return Some(format!(
                "a fresh check cannot rule out that this export is prohibited on {}{by}: shipments under licence {number} will be refused until that is decided; recorded as asked",
                c.date
            ));
        }
        Some(false) => {}
    }
    match c.license_required {
        Some(true) => None,
        Some(false) => Some(format!(
            "a fresh check finds that this export needs no licence on {}{by}; licence {number} is recorded as asked, but authorises nothing that needed one",
            c.date
        )),
        None => Some(format!(
            "a fresh check leaves undetermined whether this export needs a licence on {}{by}; licence {number} is recorded as asked",
            c.date
        )),
    }
}

/// The sentence for a refused licence or shipment.
pub fn refusal(r: &earl_engine::ledger::Refusal) -> String {
    use earl_engine::ledger::Refusal as R;
    match r {
        R::UnknownLicence { number } => {
            format!("No licence {number} is recorded (see `earl licence list`).")
        }
        R::DuplicateLicence { number } => {
            format!("Licence {number} is already recorded; a licence is recorded once.")
        }
        R::BeforeIssue {
            number,
            issued,
            date,
        } => format!("The shipment date {date} is before licence {number} was issued ({issued})."),
        R::Expired {
            number,
            expires,
            date,
        } => format!("Licence {number} expired on {expires}; the shipment is dated {date}."),
        R::OverQuantity {
            number,
            remaining,
            asked,
        } => format!(
            "The shipment of {asked} units exceeds what licence {number} has left: {remaining} units."
        ),
        R::OverValue {
            number,
            remaining,
            asked,
        } => format!(
            "The shipment's value, US${}, exceeds what licence {number} has left: US${}.",
            num(*asked),
            num(*remaining)
        ),
        R::ValueNeeded { number } => {
            format!("Licence {number} limits the value shipped: give the shipment's --value.")
        }
        R::ItemMismatch {
            number,
            licensed,
            asked,
        } => format!("Licence {number} is for {licensed}, not {asked}."),
        R::DestinationMismatch {
            number,
            licensed,
            asked,
        } => format!("Licence {number} is for {licensed}, not {asked}."),
        R::EndUserMismatch {
            number,
            licensed,
            asked,
        } => format!(
            "Licence {number} names the end user {}, not {}.",
            licensed.as_deref().unwrap_or("(none)"),
            asked.as_deref().unwrap_or("(none)")
        ),
        R::Prohibited { number } => format!(
            "A fresh check of the shipment finds it prohibited: no licence, {number} included, can authorise it."
        ),
        R::PossiblyProhibited { number } => format!(
            "A fresh check of the shipment cannot rule out that it is prohibited (see the check's deciding facts): licence {number} cannot be relied on until that is decided."
        ),
        R::ListedSince {
            number,
            party,
            list,
            listed_as,
        } => format!(
            "The end user {party} matches {listed_as} on the {list} list, listed after licence {number} was issued (or on a date earl cannot place before it): the licence may no longer be what the shipment needs."
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
        } => format!(
            "Refused under {entry} ({rule} — {}): {asked} more units of {chip} would bring shipments to {} under the lane to {}, above {}% of the {us_units} units shipped to US end users by the shipment's date ({} allowed).",
            cite.text,
            places.join("/"),
            capped_units + asked,
            num(share * 100.0),
            num((share * *us_units as f64).floor()),
        ),
    }
}
