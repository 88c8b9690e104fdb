//! A restricted-party list match as the core reads it: which list, which entry, its own
//! policy and when it was listed. Checks apply it (`check`) and ownership aggregates it
//! (`ownership`).

use crate::rules::ReviewPolicy;
use crate::step::Listed;
use crate::tri::Tri;
use jiff::civil::Date;
use serde::Serialize;

/// A restricted-party list match, as screening reports it, with when the entry was listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartyHit {
    /// List short code (EL, DPL, UVL, MEU, SDN, ...).
    pub list: String,
    /// The entry's primary name and the name or alias that matched.
    pub name: String,
    pub matched_name: String,
    pub entity_number: Option<String>,
    /// The entry's stable id (`LIST:ENTITY_NUMBER`, or derived where the list gives none).
    pub entry_id: String,
    /// The hash of the entry's reviewed fields (names, aliases, addresses, programmes, notices).
    pub entry_hash: String,
    pub score: f64,
    pub license_requirement: Option<String>,
    /// The entry's own review policy, normalised (Entity List entries state one).
    pub policy: Option<ReviewPolicy>,
    pub raw_policy: Option<String>,
    /// The name that was screened: the end user's, or an owner's.
    pub party: String,
    /// When the entry was listed, as far as the Federal Register notices it cites tell.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub listed: Listed,
    /// What a reviewer's disposition says of this hit, when one covers it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<HitReview>,
}

impl PartyHit {
    /// Whether the entry was listed on `date` (see [`Listed::on`]).
    pub fn listed_on(&self, date: Date) -> Tri {
        self.listed.on(date)
    }
}

/// A reviewer's disposition, as a hit judged against it shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewNote {
    /// The disposition's id: the sequence number of its audit record.
    pub disposition: u64,
    pub reviewer: String,
    /// The day the disposition was recorded (UTC).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: Date,
    pub reason: String,
    /// Last day it holds; null: until revoked.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub expires: Option<Date>,
}

/// Why a match a reviewer set aside as a false positive is raised again.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reraised {
    /// The entry's reviewed fields (names, aliases, addresses, programmes, notices) changed
    /// since the review: the reviewer did not see this entry.
    EntryChanged {
        reviewed_hash: String,
        current_hash: String,
    },
    /// The disposition expired before the day the answer is judged on.
    Expired {
        #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
        expires: Date,
        #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
        judged_on: Date,
    },
}

/// What a reviewer's disposition says of a hit that stays among the hits.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum HitReview {
    /// A `true-match` disposition: the hit stands, with the reviewer's note.
    Confirmed { note: ReviewNote },
    /// An `escalated` disposition: the hit stays open, with the reviewer's note.
    Escalated { note: ReviewNote },
    /// A `false-positive` disposition that no longer holds: the hit is raised again.
    Reraised { note: ReviewNote, why: Reraised },
}

/// A hit a reviewer set aside as a false positive: shown under `reviewed`, and no licence
/// decision rests on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewedHit {
    pub hit: PartyHit,
    pub review: ReviewNote,
}
