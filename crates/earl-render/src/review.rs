//! Hit review in words: what a disposition says of a hit that stays (confirmed, escalated,
//! raised again and why), the hits set aside, and `earl review list`.

use crate::lang::Lang;
use crate::tr;
use earl_core::party::{HitReview, Reraised, ReviewNote};
use earl_engine::review::DispositionView;
use earl_question::Decision;
use std::io::{self, Write};

/// One line on what a disposition says of a hit that stays among the hits.
pub fn hit_review(review: &HitReview, lang: Lang) -> String {
    let note_args = |n: &ReviewNote| (n.disposition, n.reviewer.clone(), n.date.to_string());
    match review {
        HitReview::Confirmed { note } => {
            let (id, reviewer, date) = note_args(note);
            tr!(
                lang,
                "review-confirmed",
                id = id,
                reviewer = reviewer,
                date = date,
                reason = note.reason.as_str()
            )
        }
        HitReview::Escalated { note } => {
            let (id, reviewer, date) = note_args(note);
            tr!(
                lang,
                "review-escalated",
                id = id,
                reviewer = reviewer,
                date = date,
                reason = note.reason.as_str()
            )
        }
        HitReview::Reraised { note, why } => {
            let (id, reviewer, date) = note_args(note);
            match why {
                Reraised::EntryChanged {
                    reviewed_hash,
                    current_hash,
                } => tr!(
                    lang,
                    "review-reraised-changed",
                    id = id,
                    reviewer = reviewer,
                    date = date,
                    reviewed = reviewed_hash.as_str(),
                    current = current_hash.as_str(),
                ),
                Reraised::Expired { expires, judged_on } => tr!(
                    lang,
                    "review-reraised-expired",
                    id = id,
                    reviewer = reviewer,
                    date = date,
                    expires = expires.to_string(),
                    judged = judged_on.to_string(),
                ),
            }
        }
    }
}

/// One hit set aside as a false positive.
pub fn reviewed_hit(
    party: &str,
    (name, list, entry): (&str, &str, &str),
    note: &ReviewNote,
    lang: Lang,
) -> String {
    tr!(
        lang,
        "reviewed-hit",
        party = party,
        name = name,
        list = list,
        entry = entry,
        reviewer = note.reviewer.as_str(),
        date = note.date.to_string(),
        id = note.disposition,
        expires = expires(note.expires, "reviewed-expires", lang),
        reason = note.reason.as_str(),
    )
}

fn expires(date: Option<jiff::civil::Date>, id: &str, lang: Lang) -> String {
    date.map(|d| tr!(lang, id, date = d.to_string()))
        .unwrap_or_default()
}

/// The name of a decision.
pub fn decision(d: Decision, lang: Lang) -> String {
    match d {
        Decision::FalsePositive => tr!(lang, "decision-false-positive"),
        Decision::TrueMatch => tr!(lang, "decision-true-match"),
        Decision::Escalated => tr!(lang, "decision-escalated"),
    }
}

/// `earl review list` and `show`: one line per disposition, its revocation under it.
pub fn dispositions(w: &mut dyn Write, views: &[DispositionView], lang: Lang) -> io::Result<()> {
    if views.is_empty() {
        return writeln!(w, "{}", tr!(lang, "review-none"));
    }
    for v in views {
        let d = &v.disposition;
        let country = d
            .country
            .as_deref()
            .map(|c| tr!(lang, "disposition-country", country = c))
            .unwrap_or_default();
        writeln!(
            w,
            "{}",
            tr!(
                lang,
                "disposition-line",
                id = v.id,
                decision = decision(d.decision, lang),
                party = d.party.as_str(),
                country = country,
                name = d.entry_name.as_str(),
                entry = d.entry.as_str(),
                reviewer = d.reviewer.as_str(),
                date = d.date.to_string(),
                expires = expires(d.expires, "reviewed-expires", lang),
                reason = d.reason.as_str(),
            )
        )?;
        if let Some(r) = &v.revoked {
            writeln!(
                w,
                "{}",
                tr!(
                    lang,
                    "disposition-revoked",
                    reviewer = r.revocation.reviewer.as_str(),
                    date = r.revocation.date.to_string(),
                    id = r.id,
                    reason = r.revocation.reason.as_str(),
                )
            )?;
        }
    }
    Ok(())
}

/// `earl review revoke`.
pub fn revocation(
    w: &mut dyn Write,
    r: &earl_engine::review::RevocationView,
    lang: Lang,
) -> io::Result<()> {
    writeln!(
        w,
        "{}",
        tr!(
            lang,
            "revocation-recorded",
            disposition = r.revocation.disposition,
            id = r.id
        )
    )
}

/// `earl review queue`: the count per list, then one line per hit, oldest first, with why a
/// disposition that covered it no longer holds.
pub fn queue(
    w: &mut dyn Write,
    q: &earl_engine::reexamine::ReviewQueue,
    lang: Lang,
) -> io::Result<()> {
    if q.hits.is_empty() {
        writeln!(w, "{}", tr!(lang, "queue-empty"))?;
    } else {
        let lists: Vec<String> = q
            .per_list
            .iter()
            .map(|(list, n)| format!("{list} {n}"))
            .collect();
        writeln!(
            w,
            "{}",
            tr!(
                lang,
                "queue-head",
                count = q.hits.len(),
                lists = crate::prose::join(&lists, "list-comma", lang)
            )
        )?;
    }
    for h in &q.hits {
        let records: Vec<String> = h.records.iter().map(u64::to_string).collect();
        writeln!(
            w,
            "  {}",
            tr!(
                lang,
                "queue-hit",
                recorded = h.first_recorded.get(..10).unwrap_or(&h.first_recorded),
                party = h.party.as_str(),
                name = h.entry.as_str(),
                list = h.list.as_str(),
                entry = h
                    .entry_id
                    .clone()
                    .unwrap_or_else(|| tr!(lang, "queue-no-entry-id")),
                score = format!("{:.2}", h.score),
                records = records.join(", "),
            )
        )?;
        if let Some(review) = &h.review {
            writeln!(w, "    {}", hit_review(review, lang))?;
        }
    }
    // A record not read may hold a hit no disposition covers: the queue is not empty of it.
    crate::currency::not_read(w, "rescreen-not-read", &q.not_read, lang)
}
