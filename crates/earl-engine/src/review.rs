//! Hit review: what a reviewer decided about a list match, recorded in the audit trail itself
//! (a `disposition` record, withdrawn by a `revocation` record, so `earl audit verify` covers
//! both), and applied to every answer that screens a party.
//!
//! A disposition is keyed on what was reviewed: the party name (whitespace collapsed, outer
//! punctuation trimmed, case folded: `earl_core::ownership::key`), the party's country when the
//! reviewer gave one, the list entry's id and the hash of its reviewed fields
//! (`earl_screen::identity`). It covers exactly that entry, never every match of a name.
//!
//! - `false-positive`: the hit moves to `reviewed` and no licence decision rests on it — while
//!   the entry's hash is the one reviewed and the disposition has not expired. Otherwise the hit
//!   is raised again with why ([`Reraised`]).
//! - `true-match`: the hit stays, with the reviewer's note. `escalated`: it stays open, noted.
//!
//! **Expiry is judged on the later of today and the question's date.** A disposition holds
//! through its `expires` day. Judged on today alone, a check of an export dated after the expiry
//! would rest on a review that will have lapsed by then; judged on the question's date alone, a
//! check dated in the past would keep a lapsed review alive. The later date is the stricter.
//!
//! The country: a disposition with a country covers a question that names the same country for
//! the party — `earl screen --country`, and for a check the end user's headquarters, else the
//! destination. Owners are named without a country: only dispositions without one cover them.

use crate::audit::{Audited, Source};
use crate::{Engine, EngineError};
use earl_core::party::{HitReview, PartyHit, Reraised, ReviewNote, ReviewedHit};
use earl_question::Decision;
use earl_store::{AuditStore, LedgerEntry};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The kinds of audit record hit review is made of.
pub const REVIEW_KINDS: [&str; 2] = ["disposition", "revocation"];

/// A file a decision rests on, by its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evidence {
    /// The file's name as given.
    pub file: String,
    /// SHA-256 of its bytes, hex.
    pub sha256: String,
}

/// A disposition as recorded (the `inputs` and the answer of a `disposition` record).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Disposition {
    /// The party name as the reviewer gave it.
    pub party: String,
    /// The name as dispositions are matched on (`earl_core::ownership::key`).
    pub party_key: String,
    /// ISO code of the party's country, when the disposition is limited to it.
    pub country: Option<String>,
    /// The list entry's id (`LIST:ENTITY_NUMBER`, or derived).
    pub entry: String,
    /// The hash of the entry's reviewed fields in the lists in use when it was recorded.
    pub entry_hash: String,
    pub list: String,
    /// The entry's primary name.
    pub entry_name: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub decision: Decision,
    pub reviewer: String,
    pub reason: String,
    /// Last day it holds; null: until revoked.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub expires: Option<Date>,
    pub evidence: Option<Evidence>,
    /// The day it was recorded (UTC).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: Date,
    /// SHA-256 of the lists in use when it was recorded.
    pub lists_sha256: String,
    /// The CSV file it was imported from, by SHA-256, when it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imported_from: Option<Evidence>,
}

/// A revocation as recorded (the `inputs` and the answer of a `revocation` record).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Revocation {
    /// The disposition withdrawn.
    pub disposition: u64,
    pub reviewer: String,
    pub reason: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: Date,
}

impl Audited for Disposition {
    fn kind(&self) -> &'static str {
        "disposition"
    }
    fn lists_hash(&self) -> Option<&str> {
        Some(&self.lists_sha256)
    }
}

impl Audited for Revocation {
    fn kind(&self) -> &'static str {
        "revocation"
    }
    fn lists_hash(&self) -> Option<&str> {
        None
    }
}

/// A disposition with its id and, once withdrawn, its revocation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DispositionView {
    /// The disposition's id: the sequence number of its record.
    pub id: u64,
    #[serde(flatten)]
    pub disposition: Disposition,
    /// The revocation's record id and terms; null while in force.
    pub revoked: Option<RevocationView>,
}

/// A revocation with its record id.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RevocationView {
    pub id: u64,
    #[serde(flatten)]
    pub revocation: Revocation,
}

/// A disposition to record, its names not yet resolved.
#[derive(Debug, Clone)]
pub struct ReviewAdd {
    pub party: String,
    pub entry: String,
    pub decision: Decision,
    pub reviewer: String,
    pub reason: String,
    pub country: Option<String>,
    pub expires: Option<Date>,
    pub evidence: Option<Evidence>,
    pub imported_from: Option<Evidence>,
}

/// Every disposition of the trail, with its revocation if any.
#[derive(Debug, Clone, Default)]
pub struct Reviews {
    views: Vec<DispositionView>,
}

/// How a hit stands against the dispositions.
#[derive(Debug, Clone, PartialEq)]
pub enum Judgement {
    /// No disposition covers it.
    Uncovered,
    /// Set aside as a false positive.
    SetAside(ReviewNote),
    /// Kept among the hits, with what the disposition says.
    Kept(HitReview),
}

fn bad(message: impl Into<String>) -> EngineError {
    EngineError::BadInput(message.into())
}

impl Reviews {
    /// The dispositions and revocations of `entries` (records of [`REVIEW_KINDS`]).
    pub fn from_entries(entries: &[LedgerEntry]) -> Result<Reviews, EngineError> {
        let unreadable = |e: &LedgerEntry, error: serde_json::Error| {
            EngineError::Record(format!(
                "audit record {} ({}) cannot be read: {error}",
                e.seq, e.kind
            ))
        };
        let mut views: Vec<DispositionView> = Vec::new();
        for e in entries {
            match e.kind.as_str() {
                "disposition" => views.push(DispositionView {
                    id: e.seq,
                    disposition: serde_json::from_value(e.inputs.clone())
                        .map_err(|error| unreadable(e, error))?,
                    revoked: None,
                }),
                "revocation" => {
                    let revocation: Revocation = serde_json::from_value(e.inputs.clone())
                        .map_err(|error| unreadable(e, error))?;
                    if let Some(v) = views.iter_mut().find(|v| v.id == revocation.disposition) {
                        v.revoked = Some(RevocationView {
                            id: e.seq,
                            revocation,
                        });
                    }
                }
                _ => {}
            }
        }
        Ok(Reviews { views })
    }

    /// Every disposition, oldest first.
    pub fn all(&self) -> &[DispositionView] {
        &self.views
    }

    /// One disposition by id.
    pub fn get(&self, id: u64) -> Option<&DispositionView> {
        self.views.iter().find(|v| v.id == id)
    }

    /// The days after each expiry: answers judged on either side of one differ, so a batch
    /// answers them apart.
    pub fn expiry_breaks(&self) -> impl Iterator<Item = Date> + '_ {
        self.views
            .iter()
            .filter_map(|v| v.disposition.expires?.tomorrow().ok())
    }

    /// The latest disposition in force for this party (and country) and entry.
    fn covering(
        &self,
        party: &str,
        country: Option<&str>,
        entry: &str,
    ) -> Option<&DispositionView> {
        let key = earl_core::ownership::key(party);
        self.views.iter().rev().find(|v| {
            let d = &v.disposition;
            v.revoked.is_none()
                && d.entry == entry
                && d.party_key == key
                && d.country.as_deref().is_none_or(|c| Some(c) == country)
        })
    }

    /// How a match of `party` to an entry (its id and hash) stands, judged on `judged_on` (see
    /// the module documentation).
    pub fn judge(
        &self,
        party: &str,
        country: Option<&str>,
        (entry_id, entry_hash): (&str, &str),
        judged_on: Date,
    ) -> Judgement {
        let Some(view) = self.covering(party, country, entry_id) else {
            return Judgement::Uncovered;
        };
        let d = &view.disposition;
        let note = ReviewNote {
            disposition: view.id,
            reviewer: d.reviewer.clone(),
            date: d.date,
            reason: d.reason.clone(),
            expires: d.expires,
        };
        match d.decision {
            Decision::TrueMatch => Judgement::Kept(HitReview::Confirmed { note }),
            Decision::Escalated => Judgement::Kept(HitReview::Escalated { note }),
            Decision::FalsePositive if d.entry_hash != entry_hash => {
                Judgement::Kept(HitReview::Reraised {
                    note,
                    why: Reraised::EntryChanged {
                        reviewed_hash: d.entry_hash.clone(),
                        current_hash: entry_hash.to_string(),
                    },
                })
            }
            Decision::FalsePositive => match d.expires {
                Some(expires) if expires < judged_on => Judgement::Kept(HitReview::Reraised {
                    note,
                    why: Reraised::Expired { expires, judged_on },
                }),
                _ => Judgement::SetAside(note),
            },
        }
    }

    /// Splits `hits` into those that stay (each with what a disposition says of it) and those
    /// set aside as false positives.
    pub fn apply(
        &self,
        hits: Vec<PartyHit>,
        country: Option<&str>,
        judged_on: Date,
    ) -> (Vec<PartyHit>, Vec<ReviewedHit>) {
        let mut kept = Vec::with_capacity(hits.len());
        let mut set_aside = Vec::new();
        for mut hit in hits {
            let entry = (hit.entry_id.as_str(), hit.entry_hash.as_str());
            match self.judge(&hit.party, country, entry, judged_on) {
                Judgement::Uncovered => kept.push(hit),
                Judgement::Kept(review) => {
                    hit.review = Some(review);
                    kept.push(hit);
                }
                Judgement::SetAside(review) => set_aside.push(ReviewedHit { hit, review }),
            }
        }
        (kept, set_aside)
    }
}

/// The day expiry is judged on: the later of today and the question's date.
pub fn judged_on(question_date: Date) -> Date {
    question_date.max(crate::today())
}

impl Engine {
    /// The dispositions every answer is judged against (none until [`Engine::set_reviews`]).
    pub fn reviews(&self) -> std::sync::Arc<Reviews> {
        self.reviews
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Sets the dispositions answers are judged against: a front end reads them from the
    /// trail it records in ([`Engine::read_reviews`]) and sets them again after it adds one.
    pub fn set_reviews(&self, reviews: Reviews) {
        *self
            .reviews
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = std::sync::Arc::new(reviews);
    }

    /// The trail's dispositions.
    pub fn read_reviews(&self, store: &AuditStore) -> Result<Reviews, EngineError> {
        Reviews::from_entries(&store.entries(&REVIEW_KINDS)?)
    }

    /// The disposition `add` asks for, validated against the lists in use. Refused (exit 2)
    /// for an entry not in those lists, an expiry before today, a blank party, reviewer or
    /// reason, or an `expected_hash` (an imported row's) that is not the entry's hash now.
    pub fn disposition(
        &self,
        add: &ReviewAdd,
        expected_hash: Option<&str>,
    ) -> Result<Disposition, EngineError> {
        crate::screen::screenable(&add.party, "the party name")?;
        for (what, value) in [("reviewer", &add.reviewer), ("reason", &add.reason)] {
            if value.trim().is_empty() {
                return Err(bad(format!("the {what} is empty: say who decided and why")));
            }
        }
        let today = crate::today();
        if let Some(expires) = add.expires
            && expires < today
        {
            return Err(bad(format!(
                "the expiry {expires} is in the past (today is {today}): a disposition must hold at least until today"
            )));
        }
        let country = match add.country.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(c) => Some(self.country(c)?.code.clone()),
        };
        let screening = self.screening()?;
        let entry_id = add.entry.trim();
        let entry = screening
            .screener
            .entries()
            .find(|e| e.entry_id == entry_id)
            .ok_or_else(|| {
                bad(format!(
                    "entry `{}`: no such entry in the lists in use ({}); give the `entry_id` a match carries",
                    earl_core::shown::shown(entry_id),
                    screening.provenance.source_file
                ))
            })?;
        if let Some(expected) = expected_hash
            && expected != entry.entry_hash
        {
            return Err(bad(format!(
                "entry `{entry_id}` changed since it was reviewed (entry hash {expected}, now {}): review it again",
                entry.entry_hash
            )));
        }
        Ok(Disposition {
            party: add.party.trim().to_string(),
            party_key: earl_core::ownership::key(&add.party),
            country,
            entry: entry.entry_id.clone(),
            entry_hash: entry.entry_hash.clone(),
            list: entry.list.as_str().to_string(),
            entry_name: entry.name.clone(),
            decision: add.decision,
            reviewer: add.reviewer.trim().to_string(),
            reason: add.reason.trim().to_string(),
            expires: add.expires,
            evidence: add.evidence.clone(),
            date: today,
            lists_sha256: screening.provenance.sha256.clone(),
            imported_from: add.imported_from.clone(),
        })
    }

    /// Records dispositions, all or none, and sets them on the engine.
    pub fn record_dispositions(
        &self,
        store: &AuditStore,
        source: Source,
        dispositions: Vec<Disposition>,
    ) -> Result<Vec<DispositionView>, EngineError> {
        let records = dispositions
            .iter()
            .map(|d| self.record(source, d, d))
            .collect::<Result<Vec<_>, _>>()?;
        let receipts = store.append_all(&records.iter().collect::<Vec<_>>())?;
        self.set_reviews(self.read_reviews(store)?);
        Ok(receipts
            .into_iter()
            .zip(dispositions)
            .map(|(receipt, disposition)| DispositionView {
                id: receipt.seq,
                disposition,
                revoked: None,
            })
            .collect())
    }

    /// Records a revocation. Refused (exit 2, nothing written) for a disposition not recorded
    /// or already revoked, a blank reviewer or reason.
    pub fn review_revoke(
        &self,
        store: &AuditStore,
        source: Source,
        disposition: u64,
        reviewer: &str,
        reason: &str,
    ) -> Result<RevocationView, EngineError> {
        for (what, value) in [("--reviewer", reviewer), ("--reason", reason)] {
            if value.trim().is_empty() {
                return Err(bad(format!("{what} is empty: say who revokes and why")));
            }
        }
        let revocation = Revocation {
            disposition,
            reviewer: reviewer.trim().to_string(),
            reason: reason.trim().to_string(),
            date: crate::today(),
        };
        let decided = store.append_guarded(&REVIEW_KINDS, |entries, appender| {
            let reviews = Reviews::from_entries(entries)?;
            match reviews.get(disposition) {
                None => {
                    return Err(EngineError::Input(crate::InputError::NoDisposition {
                        id: disposition,
                    }));
                }
                Some(v) if v.revoked.is_some() => {
                    return Err(EngineError::Input(crate::InputError::AlreadyRevoked {
                        id: disposition,
                    }));
                }
                Some(_) => {}
            }
            let record = self.record(source, &revocation, &revocation)?;
            Ok(appender.append(&record)?)
        })??;
        self.set_reviews(self.read_reviews(store)?);
        Ok(RevocationView {
            id: decided.seq,
            revocation,
        })
    }
}

/// The review notes a party's hits carry, keyed by disposition id: what an answer relied on.
pub fn relied_on<'a>(
    kept: impl IntoIterator<Item = &'a PartyHit>,
    set_aside: impl IntoIterator<Item = &'a ReviewedHit>,
) -> Vec<u64> {
    let mut ids: Vec<u64> = kept
        .into_iter()
        .filter_map(|h| match &h.review {
            Some(HitReview::Confirmed { note } | HitReview::Escalated { note }) => {
                Some(note.disposition)
            }
            // A lapsed or outdated disposition is not relied on.
            Some(HitReview::Reraised { .. }) | None => None,
        })
        .chain(set_aside.into_iter().map(|r| r.review.disposition))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use earl_store::LedgerEntry;

    const ENTRY: (&str, &str) = ("EL:n0123456789abcdef", "aaaaaaaaaaaaaaaa");

    fn disposition(
        seq: u64,
        decision: &str,
        country: Option<&str>,
        expires: Option<&str>,
    ) -> LedgerEntry {
        LedgerEntry {
            seq,
            recorded_at: "2026-12-01T00:00:00.000Z".into(),
            kind: "disposition".into(),
            inputs: serde_json::json!({
                "party": "Acme  Trading", "party_key": "acme trading", "country": country,
                "entry": ENTRY.0, "entry_hash": ENTRY.1, "list": "EL", "entry_name": "ACME",
                "decision": decision, "reviewer": "R", "reason": "why", "expires": expires,
                "evidence": null, "date": "2026-12-01", "lists_sha256": "x",
            }),
        }
    }

    fn revocation(seq: u64, of: u64) -> LedgerEntry {
        LedgerEntry {
            seq,
            recorded_at: "2026-12-02T00:00:00.000Z".into(),
            kind: "revocation".into(),
            inputs: serde_json::json!({"disposition": of, "reviewer": "R", "reason": "no", "date": "2026-12-02"}),
        }
    }

    fn on(date: &str) -> Date {
        date.parse().unwrap()
    }

    fn set_aside(j: &Judgement) -> bool {
        matches!(j, Judgement::SetAside(_))
    }

    #[test]
    fn it_covers_the_party_as_folded_and_exactly_the_entry_named() {
        let reviews =
            Reviews::from_entries(&[disposition(1, "false-positive", None, None)]).unwrap();
        let day = on("2027-01-01");
        assert!(set_aside(&reviews.judge("ACME TRADING.", None, ENTRY, day)));
        assert!(set_aside(&reviews.judge(
            "acme trading",
            Some("CN"),
            ENTRY,
            day
        )));
        let other_entry = ("EL:nffffffffffffffff", ENTRY.1);
        assert_eq!(
            reviews.judge("Acme Trading", None, other_entry, day),
            Judgement::Uncovered
        );
        assert_eq!(
            reviews.judge("Acme Trading Ltd", None, ENTRY, day),
            Judgement::Uncovered
        );
    }

    #[test]
    fn a_country_limits_it_to_questions_naming_that_country() {
        let reviews =
            Reviews::from_entries(&[disposition(1, "false-positive", Some("CN"), None)]).unwrap();
        let day = on("2027-01-01");
        assert!(set_aside(&reviews.judge(
            "Acme Trading",
            Some("CN"),
            ENTRY,
            day
        )));
        assert_eq!(
            reviews.judge("Acme Trading", Some("HK"), ENTRY, day),
            Judgement::Uncovered
        );
        assert_eq!(
            reviews.judge("Acme Trading", None, ENTRY, day),
            Judgement::Uncovered
        );
    }

    #[test]
    fn it_holds_through_its_expiry_day_and_not_after() {
        let reviews =
            Reviews::from_entries(&[disposition(1, "false-positive", None, Some("2030-06-30"))])
                .unwrap();
        assert!(set_aside(&reviews.judge(
            "Acme Trading",
            None,
            ENTRY,
            on("2030-06-30")
        )));
        match reviews.judge("Acme Trading", None, ENTRY, on("2030-07-01")) {
            Judgement::Kept(HitReview::Reraised {
                why: Reraised::Expired { expires, judged_on },
                ..
            }) => {
                assert_eq!(expires, on("2030-06-30"));
                assert_eq!(judged_on, on("2030-07-01"));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            reviews.expiry_breaks().collect::<Vec<_>>(),
            [on("2030-07-01")]
        );
        // The later of today and the question's date: a past question date never revives it.
        assert_eq!(judged_on(on("2000-01-01")), crate::today());
        assert_eq!(judged_on(on("2100-01-01")), on("2100-01-01"));
    }

    #[test]
    fn a_changed_entry_is_raised_again_and_a_true_match_is_kept() {
        let reviews =
            Reviews::from_entries(&[disposition(1, "false-positive", None, None)]).unwrap();
        let changed = (ENTRY.0, "bbbbbbbbbbbbbbbb");
        assert!(matches!(
            reviews.judge("Acme Trading", None, changed, on("2027-01-01")),
            Judgement::Kept(HitReview::Reraised {
                why: Reraised::EntryChanged { .. },
                ..
            })
        ));
        let reviews = Reviews::from_entries(&[disposition(1, "true-match", None, None)]).unwrap();
        assert!(matches!(
            reviews.judge("Acme Trading", None, ENTRY, on("2027-01-01")),
            Judgement::Kept(HitReview::Confirmed { .. })
        ));
    }

    #[test]
    fn the_latest_in_force_decides_and_a_revocation_withdraws_it() {
        let day = on("2027-01-01");
        let later_escalation = Reviews::from_entries(&[
            disposition(1, "false-positive", None, None),
            disposition(2, "escalated", None, None),
        ])
        .unwrap();
        assert!(matches!(
            later_escalation.judge("Acme Trading", None, ENTRY, day),
            Judgement::Kept(HitReview::Escalated { .. })
        ));
        let revoked = Reviews::from_entries(&[
            disposition(1, "false-positive", None, None),
            disposition(2, "escalated", None, None),
            revocation(3, 2),
        ])
        .unwrap();
        assert!(set_aside(&revoked.judge("Acme Trading", None, ENTRY, day)));
        assert_eq!(revoked.get(2).unwrap().revoked.as_ref().unwrap().id, 3);
    }
}
