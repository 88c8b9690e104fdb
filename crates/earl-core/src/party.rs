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
}

impl PartyHit {
    /// Whether the entry was listed on `date` (see [`Listed::on`]).
    pub fn listed_on(&self, date: Date) -> Tri {
        self.listed.on(date)
    }
}
