//! Licences and shipments, recorded in the audit trail itself: a licence is a `licence` record,
//! a shipment a `shipment` record, so the hash chain (and `earl audit verify`) covers them. A
//! licence's balance is what its shipments leave of it. Every shipment is decided inside one
//! IMMEDIATE transaction ([`earl_store::AuditStore::append_guarded`]): the ledger is read and the
//! shipment appended with no other writer between, so two processes drawing down one licence
//! cannot over-draw it, and a batch is recorded whole or not at all.

use crate::audit::{Audited, Source};
use crate::{CheckAnswer, CheckRequest, Engine, EngineError, InputError, Item};
use earl_core::check::Determination;
use earl_core::cite::Cite;
use earl_core::rules::VolumeCap;
use earl_core::step::{Reason, Verdict};
use earl_core::system::Part;
use earl_core::tri::Tri;
use earl_store::{AuditStore, LedgerEntry};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// The kinds of audit record the ledger is made of.
pub const LEDGER_KINDS: [&str; 2] = ["licence", "shipment"];

/// The most units one licence or shipment can name: 10^9. The world makes tens of millions of
/// data-centre AI accelerators a year, so a larger figure cannot be true; it would only be a
/// slip (or a way to lift the lane's cap). With it, units per shipment (× chips per system)
/// stay far inside `u64`, and every sum of them is still checked.
pub const MAX_UNITS: u64 = 1_000_000_000;

/// The most US dollars one licence or shipment can name: 10^13 (ten trillion dollars, a third
/// of the US's yearly GDP), more than any licence could authorise.
pub const MAX_VALUE_USD: f64 = 1e13;

/// A quantity of units within what can be true, or why not.
pub fn units_in_bounds(what: &str, quantity: u64) -> Result<(), InputError> {
    match quantity {
        1..=MAX_UNITS => Ok(()),
        _ => Err(InputError::UnitsOutOfBounds {
            what: what.to_string(),
            quantity,
        }),
    }
}

/// A value in US dollars within what can be true, or why not.
pub fn value_in_bounds(what: &str, value: f64) -> Result<(), InputError> {
    match value.is_finite() && (0.0..=MAX_VALUE_USD).contains(&value) {
        true => Ok(()),
        false => Err(InputError::ValueOutOfBounds {
            what: what.to_string(),
            value: value.to_string(),
        }),
    }
}

/// `a + b` units, or an error: a sum of units never wraps.
fn add_units(a: u64, b: u64) -> Result<u64, EngineError> {
    a.checked_add(b).ok_or_else(|| {
        EngineError::Record(format!(
            "units overflow: {a} + {b} exceeds {}; the ledger cannot be summed",
            u64::MAX
        ))
    })
}

/// What a licence or shipment is for: a catalog chip or system, with the chips it amounts to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ItemRef {
    /// `chip` or `system`.
    pub kind: String,
    pub id: String,
    pub name: String,
    /// Chips per unit (a chip is one of itself).
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub parts: Vec<Part>,
}

/// A licence as recorded (the `inputs` of a `licence` record).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Licence {
    pub number: String,
    pub item: ItemRef,
    /// ISO code of the destination.
    pub destination: String,
    pub end_user: Option<String>,
    /// Units authorised (null: not limited by quantity).
    pub quantity: Option<u64>,
    /// US dollars authorised (null: not limited by value).
    pub value: Option<f64>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub expires: Option<Date>,
    pub conditions: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub issued: Date,
}

/// A shipment as recorded (the `inputs` of a `shipment` record).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Shipment {
    /// The licence drawn down; null for a shipment to US end users.
    pub licence: Option<String>,
    pub item: ItemRef,
    pub destination: String,
    pub end_user: Option<String>,
    pub quantity: u64,
    pub value: Option<f64>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: Date,
    /// Chips of this shipment counted against a volume cap (the Jan 2026 lane's 50%).
    #[serde(default)]
    pub capped: Vec<String>,
    /// The place the EAR treats the destination as on the shipment's date (Hong Kong → CN),
    /// from its fresh check; absent when it is the destination itself. Caps count a shipment
    /// where it is treated as going, so Hong Kong is China for the lane's cap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treated_as: Option<String>,
}

impl Shipment {
    /// Where caps count this shipment: the place the EAR treats its destination as.
    pub fn place(&self) -> &str {
        self.treated_as.as_deref().unwrap_or(&self.destination)
    }

    /// Units of `chip` this shipment carries.
    pub fn units_of(&self, chip: &str) -> Result<u64, EngineError> {
        self.item
            .parts
            .iter()
            .filter(|p| p.chip == chip)
            .try_fold(0, |sum, p| add_units(sum, self.part_units(p)?))
    }

    /// Units of one part: its count per unit × the quantity, checked.
    fn part_units(&self, part: &Part) -> Result<u64, EngineError> {
        u64::from(part.count)
            .checked_mul(self.quantity)
            .ok_or_else(|| {
                EngineError::Record(format!(
                    "units overflow: {} × {} of {}",
                    part.count, self.quantity, part.chip
                ))
            })
    }
}

/// Why a licence or shipment was refused: data, rendered by `earl-render`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Refusal {
    UnknownLicence {
        number: String,
    },
    DuplicateLicence {
        number: String,
    },
    BeforeIssue {
        number: String,
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        issued: Date,
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        date: Date,
    },
    Expired {
        number: String,
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        expires: Date,
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        date: Date,
    },
    OverQuantity {
        number: String,
        remaining: u64,
        asked: u64,
    },
    OverValue {
        number: String,
        remaining: f64,
        asked: f64,
    },
    ValueNeeded {
        number: String,
    },
    ItemMismatch {
        number: String,
        licensed: String,
        asked: String,
    },
    DestinationMismatch {
        number: String,
        licensed: String,
        asked: String,
    },
    EndUserMismatch {
        number: String,
        licensed: Option<String>,
        asked: Option<String>,
    },
    /// A fresh check says no licence can authorise the shipment.
    Prohibited {
        number: String,
    },
    /// A fresh check cannot rule out that no licence can authorise the shipment.
    PossiblyProhibited {
        number: String,
    },
    /// The end user matched a restricted-party list on an entry listed after the licence was
    /// issued (or whose listing date earl cannot place before it).
    ListedSince {
        number: String,
        party: String,
        list: String,
        listed_as: String,
    },
    /// The end user is restricted through its owners (the Affiliates rule) on the shipment's
    /// date but was not when the licence was issued: an owner listed since, a holding acquired
    /// since, or the rule in force since. Whether the licence still authorises the shipment is
    /// not settled, so it is not drawn down.
    OwnersListedSince {
        number: String,
        party: String,
        /// The listed owners' list, as the ownership step names it.
        list: String,
        percent: f64,
        #[cfg_attr(feature = "openapi", schema(value_type = String))]
        issued: Date,
    },
    /// The shipment would take shipments of `chip` to the cap's places above `share` of the
    /// units shipped to US end users by its date.
    Cap {
        chip: String,
        us_units: u64,
        capped_units: u64,
        asked: u64,
        share: f64,
        places: Vec<String>,
        entry: String,
        rule: String,
        #[cfg_attr(feature = "openapi", schema(value_type = Object))]
        cite: Cite,
    },
}

/// A refusal, with the batch row it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Refused {
    /// 1-based row of a batch (null for a single shipment).
    pub row: Option<usize>,
    pub refusal: Refusal,
    /// The sentence `earl-render` writes; empty inside the engine.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// A licence with what its shipments leave of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LicenceView {
    #[serde(flatten)]
    pub licence: Licence,
    /// Audit record of the licence.
    pub seq: u64,
    pub shipped_quantity: u64,
    pub remaining_quantity: Option<u64>,
    pub shipped_value: f64,
    pub remaining_value: Option<f64>,
    /// Whether the licence has expired by the date asked (today unless given).
    pub expired: bool,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub as_of: Date,
    pub shipments: Vec<ShipmentRow>,
}

/// One shipment in a listing.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShipmentRow {
    pub seq: u64,
    #[serde(flatten)]
    pub shipment: Shipment,
}

/// One shipment to record: under a licence, or to US end users.
#[derive(Debug, Clone)]
pub enum ShipRequest {
    Licence {
        number: String,
        quantity: u64,
        value: Option<f64>,
        date: Date,
        /// What the shipper says it ships, checked against the licence when given.
        item: Option<Item>,
        to: Option<String>,
        end_user: Option<String>,
    },
    Us {
        item: Item,
        quantity: u64,
        value: Option<f64>,
        date: Date,
    },
}

/// The answer recorded for a shipment: the shipment, the fresh check it passed (for a
/// licensed one) and the licence's balance after it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShipmentAnswer {
    pub shipment: Shipment,
    pub remaining_quantity: Option<u64>,
    pub remaining_value: Option<f64>,
    /// Notes about the shipment (no licence needed any more, an undetermined check, a cap).
    pub notes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub check: Option<SharedCheck>,
}

/// A fresh check shared by the shipments of a batch that ask the same question (same
/// licence, date and quantity), so a batch holds each distinct answer once.
#[derive(Debug, Clone)]
pub struct SharedCheck(pub Arc<CheckAnswer>);

impl Serialize for SharedCheck {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// The answer recorded for a licence.
#[derive(Debug, Clone, Serialize)]
pub struct LicenceAnswer {
    pub licence: Licence,
    pub fresh_check: FreshCheck,
}

/// What a fresh check of the licensed export says on the day the licence was issued: a
/// licence for an export that needs none authorises nothing, so `earl licence add` says so.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FreshCheck {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: Date,
    /// Whether the export needs a licence on that day (null: undetermined).
    pub license_required: Option<bool>,
    /// Whether no licence can authorise it (null: undetermined).
    pub prohibited: Option<bool>,
    /// The entries that decided it.
    pub decided_by: Vec<String>,
}

/// A licence just recorded, with its balance and the fresh check of its export.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddedLicence {
    #[serde(flatten)]
    pub view: LicenceView,
    pub fresh_check: FreshCheck,
}

impl Audited for ShipmentAnswer {
    fn kind(&self) -> &'static str {
        "shipment"
    }
    fn lists_hash(&self) -> Option<&str> {
        self.check
            .as_ref()
            .and_then(|c| c.0.lists.as_ref())
            .map(|p| p.sha256.as_str())
    }
    fn unexplained(&self) -> usize {
        self.check.as_ref().map_or(0, |c| c.0.unexplained())
    }
}

impl Audited for LicenceAnswer {
    fn kind(&self) -> &'static str {
        "licence"
    }
    fn lists_hash(&self) -> Option<&str> {
        None
    }
}

/// The licences and shipments of the trail.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    pub licences: Vec<(u64, Licence)>,
    pub shipments: Vec<(u64, Shipment)>,
}

impl Ledger {
    /// Reads the ledger from its records; a record that does not parse is an error (the trail
    /// was written by earl, so it means a newer or damaged file).
    pub fn from_entries(entries: &[LedgerEntry]) -> Result<Ledger, EngineError> {
        let mut l = Ledger::default();
        for e in entries {
            let bad = |err: serde_json::Error| {
                EngineError::Record(format!(
                    "record {} ({}) is not a {}: {err}",
                    e.seq, e.kind, e.kind
                ))
            };
            // A figure beyond the bounds (recorded before they were enforced) cannot be true,
            // and summed it would lift a cap or wrap: the ledger is refused, never guessed at.
            let beyond = |m: String| {
                EngineError::Record(format!(
                    "record {} ({}): {m}; the ledger cannot be trusted as it stands",
                    e.seq, e.kind
                ))
            };
            match e.kind.as_str() {
                "licence" => {
                    let licence: Licence = serde_json::from_value(e.inputs.clone()).map_err(bad)?;
                    if let Some(q) = licence.quantity {
                        units_in_bounds("quantity", q).map_err(|e| beyond(e.to_string()))?;
                    }
                    if let Some(v) = licence.value {
                        value_in_bounds("value", v).map_err(|e| beyond(e.to_string()))?;
                    }
                    l.licences.push((e.seq, licence));
                }
                "shipment" => {
                    let shipment: Shipment =
                        serde_json::from_value(e.inputs.clone()).map_err(bad)?;
                    units_in_bounds("quantity", shipment.quantity)
                        .map_err(|e| beyond(e.to_string()))?;
                    if let Some(v) = shipment.value {
                        value_in_bounds("value", v).map_err(|e| beyond(e.to_string()))?;
                    }
                    l.shipments.push((e.seq, shipment));
                }
                _ => {}
            }
        }
        Ok(l)
    }

    pub fn licence(&self, number: &str) -> Option<&(u64, Licence)> {
        self.licences.iter().find(|(_, l)| l.number == number)
    }

    fn drawn(&self, number: &str) -> Result<(u64, f64), EngineError> {
        self.shipments
            .iter()
            .filter(|(_, s)| s.licence.as_deref() == Some(number))
            .try_fold((0, 0.0), |(q, v), (_, s)| {
                Ok((add_units(q, s.quantity)?, v + s.value.unwrap_or(0.0)))
            })
    }

    /// A licence's balance as of `as_of` (`None`: no such licence).
    pub fn view(&self, number: &str, as_of: Date) -> Result<Option<LicenceView>, EngineError> {
        let Some((seq, l)) = self.licence(number) else {
            return Ok(None);
        };
        let (q, v) = self.drawn(number)?;
        Ok(Some(LicenceView {
            licence: l.clone(),
            seq: *seq,
            shipped_quantity: q,
            remaining_quantity: l.quantity.map(|max| max.saturating_sub(q)),
            shipped_value: v,
            remaining_value: l.value.map(|max| (max - v).max(0.0)),
            expired: l.expires.is_some_and(|e| as_of > e),
            as_of,
            shipments: self
                .shipments
                .iter()
                .filter(|(_, s)| s.licence.as_deref() == Some(number))
                .map(|(seq, s)| ShipmentRow {
                    seq: *seq,
                    shipment: s.clone(),
                })
                .collect(),
        }))
    }

    /// The running sums of every shipment, for deciding more.
    fn sums(&self) -> Result<Sums, EngineError> {
        let mut sums = Sums::default();
        for (_, s) in &self.shipments {
            sums.add(s)?;
        }
        Ok(sums)
    }

    /// Per chip: US units, units to the places of `cap` (the rules' volume cap: China and
    /// Macau, Hong Kong counted as China), the capped units, and the headroom under the cap.
    pub fn totals(&self, cap: &VolumeCap) -> Result<Vec<LedgerTotal>, EngineError> {
        let mut chips: Vec<String> = Vec::new();
        for (_, s) in &self.shipments {
            for p in &s.item.parts {
                if !chips.contains(&p.chip) {
                    chips.push(p.chip.clone());
                }
            }
        }
        let places = &cap.places;
        let sums = self.sums()?;
        chips
            .into_iter()
            .map(|chip| {
                let mut us = 0;
                let mut cn_mo = 0;
                for (_, s) in &self.shipments {
                    if s.destination == "US" {
                        us = add_units(us, s.units_of(&chip)?)?;
                    } else if places.iter().any(|p| p == s.place()) {
                        cn_mo = add_units(cn_mo, s.units_of(&chip)?)?;
                    }
                }
                let capped = sums.capped_units(&chip, places)?;
                // The cap's share of US units, rounded down (exact below 2^53 units).
                let allowed = (cap.share * us as f64).floor() as u64;
                Ok(LedgerTotal {
                    headroom_under_cap: allowed.saturating_sub(capped),
                    chip,
                    us_units: us,
                    china_macau_units: cn_mo,
                    capped_units: capped,
                })
            })
            .collect()
    }
}

/// Running sums of a ledger's shipments, so that each shipment of a batch is decided without
/// walking the shipments before it (a batch is linear in its rows). Every sum is checked.
#[derive(Debug, Default)]
struct Sums {
    /// Per licence number: units and dollars drawn.
    drawn: HashMap<String, (u64, f64)>,
    /// Per chip: units shipped to US end users, by shipment date.
    us: HashMap<String, BTreeMap<Date, u64>>,
    /// Per chip and destination: units counted against a volume cap.
    capped: HashMap<(String, String), u64>,
}

impl Sums {
    fn add(&mut self, s: &Shipment) -> Result<(), EngineError> {
        if let Some(number) = &s.licence {
            let drawn = self.drawn.entry(number.clone()).or_default();
            *drawn = (
                add_units(drawn.0, s.quantity)?,
                drawn.1 + s.value.unwrap_or(0.0),
            );
        }
        for p in &s.item.parts {
            let units = s.part_units(p)?;
            if s.destination == "US" {
                let on_date = self
                    .us
                    .entry(p.chip.clone())
                    .or_default()
                    .entry(s.date)
                    .or_default();
                *on_date = add_units(*on_date, units)?;
            }
            if s.capped.contains(&p.chip) {
                let capped = self
                    .capped
                    .entry((p.chip.clone(), s.place().to_string()))
                    .or_default();
                *capped = add_units(*capped, units)?;
            }
        }
        Ok(())
    }

    fn drawn(&self, number: &str) -> (u64, f64) {
        self.drawn.get(number).copied().unwrap_or_default()
    }

    /// Units of `chip` shipped to US end users on or before `date`.
    fn us_units(&self, chip: &str, date: Date) -> Result<u64, EngineError> {
        self.us
            .get(chip)
            .into_iter()
            .flat_map(|by_date| by_date.range(..=date))
            .try_fold(0, |sum, (_, units)| add_units(sum, *units))
    }

    /// Units of `chip` counted against a cap, shipped to `places`.
    fn capped_units(&self, chip: &str, places: &[String]) -> Result<u64, EngineError> {
        places.iter().try_fold(0, |sum, place| {
            let units = self
                .capped
                .get(&(chip.to_string(), place.clone()))
                .copied()
                .unwrap_or(0);
            add_units(sum, units)
        })
    }
}

/// One chip's totals in `earl ledger`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LedgerTotal {
    pub chip: String,
    /// Units shipped to US end users (every date).
    pub us_units: u64,
    /// Units shipped to the cap's places, China and Macau (Hong Kong counted as China), under
    /// any licence.
    pub china_macau_units: u64,
    /// Of those, the units shipped under the Jan 2026 lane, which its 50% cap counts.
    pub capped_units: u64,
    /// Units more that could ship under the lane: the cap's share (50%) of US units, less the
    /// capped units.
    pub headroom_under_cap: u64,
}

/// The volume caps among a check's conditions: entry id, cap, rule text, citation.
type Caps = Vec<(String, VolumeCap, String, Cite)>;

/// Why a guarded append wrote nothing: a refusal (data, rendered by earl-render), or a failure.
enum Stop {
    Refused(Box<Refused>),
    Failed(EngineError),
}

/// A shipment decided before the transaction: what a fresh check found, not yet its balance.
/// A shipment asked under a licence, as [`Engine::plan_licensed`] reads it.
struct Asked<'r> {
    number: &'r String,
    quantity: u64,
    value: Option<f64>,
    date: Date,
    item: Option<&'r Item>,
    to: Option<&'r str>,
    end_user: &'r Option<String>,
}

struct Planned {
    shipment: Shipment,
    check: Option<(SharedCheck, Arc<Caps>)>,
    notes: Vec<String>,
}

/// Draws one planned shipment down its licence: its balance and the volume caps of its
/// fresh check's conditions, against the running sums of the ledger read inside the
/// transaction. The answer, or why it is refused.
fn draw(
    planned: Planned,
    licences: &HashMap<&str, &Licence>,
    sums: &mut Sums,
) -> Result<Result<ShipmentAnswer, Refusal>, EngineError> {
    let Planned {
        mut shipment,
        check,
        mut notes,
    } = planned;
    let mut remaining = (None, None);
    if let Some(number) = shipment.licence.clone() {
        let Some(l) = licences.get(number.as_str()) else {
            return Ok(Err(Refusal::UnknownLicence { number }));
        };
        let (drawn_units, drawn_value) = sums.drawn(&number);
        let left_units = l.quantity.map(|max| max.saturating_sub(drawn_units));
        let left_value = l.value.map(|max| (max - drawn_value).max(0.0));
        if let Some(left) = left_units
            && shipment.quantity > left
        {
            return Ok(Err(Refusal::OverQuantity {
                number,
                remaining: left,
                asked: shipment.quantity,
            }));
        }
        if let (Some(left), Some(v)) = (left_value, shipment.value)
            && v > left + 1e-9
        {
            return Ok(Err(Refusal::OverValue {
                number,
                remaining: left,
                asked: v,
            }));
        }
        remaining = (
            left_units.map(|q| q - shipment.quantity),
            left_value.map(|v| (v - shipment.value.unwrap_or(0.0)).max(0.0)),
        );
        // Volume caps of the conditions the fresh check returned.
        let caps = check
            .as_ref()
            .map(|(_, caps)| caps.as_slice())
            .unwrap_or_default();
        for (entry, cap, rule, cite) in caps {
            if !cap.places.iter().any(|p| p == shipment.place()) {
                continue;
            }
            for p in &shipment.item.parts {
                let us = sums.us_units(&p.chip, shipment.date)?;
                let capped = sums.capped_units(&p.chip, &cap.places)?;
                let asked = shipment.units_of(&p.chip)?;
                let after = add_units(capped, asked)?;
                // Exact in f64 while the units stay below 2^53 (nine million
                // shipments at the 10^9 bound); the sums themselves never wrap.
                if after as f64 > cap.share * us as f64 {
                    return Ok(Err(Refusal::Cap {
                        chip: p.chip.clone(),
                        us_units: us,
                        capped_units: capped,
                        asked,
                        share: cap.share,
                        places: cap.places.clone(),
                        entry: entry.clone(),
                        rule: rule.clone(),
                        cite: cite.clone(),
                    }));
                }
                if !shipment.capped.contains(&p.chip) {
                    shipment.capped.push(p.chip.clone());
                }
            }
            notes.push(format!(
                "counted against the volume cap of {entry}: at most {}% of units shipped to US end users",
                cap.share * 100.0
            ));
        }
    }
    Ok(Ok(ShipmentAnswer {
        shipment,
        remaining_quantity: remaining.0,
        remaining_value: remaining.1,
        notes,
        check: check.map(|(check, _)| check),
    }))
}

impl ItemRef {
    /// The item to check: the catalog system or chip it names.
    fn as_item(&self) -> Item {
        match self.kind.as_str() {
            "system" => Item::System(self.id.clone()),
            _ => Item::Catalog(self.id.clone()),
        }
    }
}

/// A licence to add.
#[derive(Debug, Clone)]
pub struct LicenceAdd {
    pub number: String,
    pub item: Item,
    pub to: String,
    pub end_user: Option<String>,
    pub quantity: Option<u64>,
    pub value: Option<f64>,
    pub expires: Option<Date>,
    pub conditions: Option<String>,
    pub issued: Date,
}

fn bad(msg: impl Into<String>) -> EngineError {
    EngineError::BadInput(msg.into())
}

fn check_value(what: &str, v: Option<f64>) -> Result<(), EngineError> {
    v.map_or(Ok(()), |v| {
        value_in_bounds(what, v).map_err(EngineError::Input)
    })
}

impl Engine {
    /// What an item names, for a licence or shipment.
    pub fn item_ref(&self, item: &Item) -> Result<ItemRef, EngineError> {
        if let Some(sys) = self.system_of(item)? {
            let Some(id) = sys.id.clone() else {
                return Err(bad(
                    "a licence or shipment names a catalog chip or system, not --contains",
                ));
            };
            return Ok(ItemRef {
                kind: "system".into(),
                id,
                name: sys.name.clone(),
                parts: sys
                    .parts
                    .iter()
                    .map(|(c, n)| Part {
                        chip: c.id.clone(),
                        count: *n,
                    })
                    .collect(),
            });
        }
        match item {
            Item::Catalog(name) => {
                let c = self.chip(name)?;
                Ok(ItemRef {
                    kind: "chip".into(),
                    id: c.id.clone(),
                    name: format!("{} {}", c.vendor, c.name),
                    parts: vec![Part {
                        chip: c.id.clone(),
                        count: 1,
                    }],
                })
            }
            _ => Err(bad("a licence or shipment names a catalog chip or system")),
        }
    }

    /// Records a licence. Refused (nothing written) when its number is already recorded. A
    /// fresh check of the licensed export on the issue date is recorded with it and returned,
    /// so that a licence for an export that needs none (or whose need is undetermined, or
    /// that no licence can authorise) is said to be one.
    pub fn licence_add(
        &self,
        store: &AuditStore,
        source: Source,
        add: &LicenceAdd,
    ) -> Result<Result<AddedLicence, Refused>, EngineError> {
        if add.number.trim().is_empty() {
            return Err(bad("the licence number is empty"));
        }
        if add.end_user.as_deref().is_some_and(|e| e.trim().is_empty()) {
            return Err(bad("the end user name is empty"));
        }
        if let Some(q) = add.quantity {
            units_in_bounds("--quantity", q).map_err(EngineError::Input)?;
        }
        check_value("--value", add.value)?;
        if let Some(e) = add.expires
            && e < add.issued
        {
            return Err(bad(format!(
                "--expires {e} is before the issue date {}",
                add.issued
            )));
        }
        let licence = Licence {
            number: add.number.trim().to_string(),
            item: self.item_ref(&add.item)?,
            destination: self.country(&add.to)?.code.clone(),
            end_user: add.end_user.clone(),
            quantity: add.quantity,
            value: add.value,
            expires: add.expires,
            conditions: add.conditions.clone(),
            issued: add.issued,
        };
        let checked = self.check(&CheckRequest {
            item: licence.item.as_item(),
            to: licence.destination.clone(),
            from: None,
            end_user: licence.end_user.clone(),
            end_user_hq: None,
            date: licence.issued,
            scenario: None,
            quantity: licence.quantity,
            ownership: None,
            made: Default::default(),
        })?;
        let d = &checked.determination;
        let fresh_check = FreshCheck {
            date: licence.issued,
            license_required: d.license_required,
            prohibited: d.prohibited,
            decided_by: d.decided_by.clone(),
        };
        let result = store.append_guarded(&LEDGER_KINDS, |entries, appender| {
            let ledger = Ledger::from_entries(entries).map_err(Stop::Failed)?;
            if ledger.licence(&licence.number).is_some() {
                return Err(Stop::Refused(Box::new(Refused {
                    row: None,
                    refusal: Refusal::DuplicateLicence {
                        number: licence.number.clone(),
                    },
                    text: String::new(),
                })));
            }
            let answer = LicenceAnswer {
                licence: licence.clone(),
                fresh_check: fresh_check.clone(),
            };
            let record = self
                .record(source, &licence, &answer)
                .map_err(Stop::Failed)?;
            appender
                .append(&record)
                .map_err(|e| Stop::Failed(EngineError::Audit(e)))
        })?;
        match result {
            Ok(receipt) => {
                let mut ledger = Ledger::default();
                ledger.licences.push((receipt.seq, licence.clone()));
                let view = ledger
                    .view(&licence.number, add.issued)?
                    .expect("just added");
                Ok(Ok(AddedLicence { view, fresh_check }))
            }
            Err(Stop::Refused(refused)) => Ok(Err(*refused)),
            Err(Stop::Failed(e)) => Err(e),
        }
    }

    /// Every licence with its balance as of `as_of`.
    pub fn licences(
        &self,
        store: &AuditStore,
        as_of: Date,
    ) -> Result<Vec<LicenceView>, EngineError> {
        let ledger = self.read_ledger(store)?;
        ledger
            .licences
            .iter()
            .filter_map(|(_, l)| ledger.view(&l.number, as_of).transpose())
            .collect()
    }

    pub fn read_ledger(&self, store: &AuditStore) -> Result<Ledger, EngineError> {
        Ledger::from_entries(&store.entries(&LEDGER_KINDS)?)
    }

    /// A shipment under a licence, checked against the licence's terms and a fresh check of
    /// it (each distinct licence, date and quantity checked once, in `checks`): what to draw
    /// down, or why it is refused. Balances and caps are decided in [`draw`].
    fn plan_licensed(
        &self,
        before: &Ledger,
        checks: &mut HashMap<(String, Date, u64), (SharedCheck, Arc<Caps>)>,
        explain: &dyn Fn(CheckAnswer) -> CheckAnswer,
        asked: Asked,
    ) -> Result<Result<Planned, Refusal>, EngineError> {
        let Asked {
            number,
            quantity,
            value,
            date,
            item,
            to,
            end_user,
        } = asked;
        let Some((_, l)) = before.licence(number) else {
            return Ok(Err(Refusal::UnknownLicence {
                number: number.clone(),
            }));
        };
        if let Some(item) = item {
            let asked = self.item_ref(item)?;
            if asked.id != l.item.id {
                return Ok(Err(Refusal::ItemMismatch {
                    number: number.clone(),
                    licensed: l.item.name.clone(),
                    asked: asked.name,
                }));
            }
        }
        if let Some(to) = to {
            let code = self.country(to)?.code.clone();
            if code != l.destination {
                return Ok(Err(Refusal::DestinationMismatch {
                    number: number.clone(),
                    licensed: l.destination.clone(),
                    asked: code,
                }));
            }
        }
        if end_user.is_some() {
            let norm = |s: &Option<String>| s.as_deref().map(earl_core::ownership::key);
            if norm(end_user) != norm(&l.end_user) {
                return Ok(Err(Refusal::EndUserMismatch {
                    number: number.clone(),
                    licensed: l.end_user.clone(),
                    asked: end_user.clone(),
                }));
            }
        }
        if date < l.issued {
            return Ok(Err(Refusal::BeforeIssue {
                number: number.clone(),
                issued: l.issued,
                date,
            }));
        }
        if let Some(e) = l.expires
            && date > e
        {
            return Ok(Err(Refusal::Expired {
                number: number.clone(),
                expires: e,
                date,
            }));
        }
        if l.value.is_some() && value.is_none() {
            return Ok(Err(Refusal::ValueNeeded {
                number: number.clone(),
            }));
        }
        let key = (number.clone(), date, quantity);
        let ask = |date: Date| CheckRequest {
            item: l.item.as_item(),
            to: l.destination.clone(),
            from: None,
            end_user: l.end_user.clone(),
            end_user_hq: None,
            date,
            scenario: None,
            quantity: Some(quantity),
            ownership: None,
            made: Default::default(),
        };
        let (check, caps) = match checks.get(&key) {
            Some(known) => known.clone(),
            None => {
                let check = explain(self.check(&ask(date))?);
                let caps = Arc::new(self.caps_of(&check));
                let known = (SharedCheck(Arc::new(check)), caps);
                checks.insert(key, known.clone());
                known
            }
        };
        let d = &check.0.determination;
        match d.prohibited {
            Some(true) => {
                return Ok(Err(Refusal::Prohibited {
                    number: number.clone(),
                }));
            }
            None => {
                return Ok(Err(Refusal::PossiblyProhibited {
                    number: number.clone(),
                }));
            }
            Some(false) => {}
        }
        if let Some(hit) = d
            .end_user_matches
            .iter()
            .find(|h| h.listed_on(date) != Tri::False && h.listed_on(l.issued) != Tri::True)
        {
            return Ok(Err(Refusal::ListedSince {
                number: number.clone(),
                party: hit.party.clone(),
                list: hit.list.clone(),
                listed_as: hit.name.clone(),
            }));
        }
        // Restricted through its owners now: so it must have been when the licence was issued
        // (asked of the same engine on the issue date: listing dates, holdings, the rule's stay).
        if let Some((party, list, percent)) = restricted_through_owners(d) {
            let then = self.check(&ask(l.issued))?;
            if restricted_through_owners(&then.determination).is_none() {
                return Ok(Err(Refusal::OwnersListedSince {
                    number: number.clone(),
                    party,
                    list,
                    percent,
                    issued: l.issued,
                }));
            }
        }
        let mut notes = Vec::new();
        match d.license_required {
            Some(false) => notes.push(format!(
                "a fresh check finds no licence requirement for this shipment on {date}; it is recorded against licence {number} as asked"
            )),
            None => notes.push(
                "a fresh check leaves the licence requirement undetermined; see the check".into(),
            ),
            Some(true) => {}
        }
        Ok(Ok(Planned {
            shipment: Shipment {
                licence: Some(number.clone()),
                item: l.item.clone(),
                destination: l.destination.clone(),
                end_user: l.end_user.clone(),
                quantity,
                value,
                date,
                capped: Vec::new(),
                treated_as: check.0.determination.treated_as.clone(),
            },
            check: Some((check, caps)),
            notes,
        }))
    }

    /// Records shipments, all or none: each is checked against its licence (item, destination,
    /// end user, quantity, value, dates), a fresh `check` of it (prohibited, or a party listed
    /// since the licence was issued, refuses it) and any volume cap of the licence conditions
    /// the check returns; the first refusal refuses them all and nothing is written.
    /// `explain` fills the check's sentences (earl-render) before it is recorded.
    ///
    /// Linear in the rows: the ledger is read once and summed as it grows, each distinct
    /// question (licence, date, quantity) is checked once, and each record is appended as it
    /// is made, so a batch holds its shipments and distinct checks, not its records.
    pub fn ship(
        &self,
        store: &AuditStore,
        source: Source,
        requests: &[ShipRequest],
        explain: &dyn Fn(CheckAnswer) -> CheckAnswer,
    ) -> Result<Result<Vec<ShipmentAnswer>, Refused>, EngineError> {
        // The licences' terms never change once recorded, so the checks can run before the
        // transaction; balances and caps are decided inside it.
        let before = self.read_ledger(store)?;
        let mut checks: HashMap<(String, Date, u64), (SharedCheck, Arc<Caps>)> = HashMap::new();
        let mut planned: Vec<Planned> = Vec::with_capacity(requests.len());
        for (i, r) in requests.iter().enumerate() {
            let row = (requests.len() > 1).then_some(i + 1);
            let at_row = |m: String| match row {
                Some(n) => bad(format!("row {n}: {m}")),
                None => bad(m),
            };
            let refuse = |refusal| {
                Ok(Err(Refused {
                    row,
                    refusal,
                    text: String::new(),
                }))
            };
            match r {
                ShipRequest::Us {
                    item,
                    quantity,
                    value,
                    date,
                } => {
                    units_in_bounds("--quantity", *quantity).map_err(|e| at_row(e.to_string()))?;
                    if let Some(v) = value {
                        value_in_bounds("--value", *v).map_err(|e| at_row(e.to_string()))?;
                    }
                    planned.push(Planned {
                        shipment: Shipment {
                            licence: None,
                            item: self.item_ref(item)?,
                            destination: "US".into(),
                            end_user: None,
                            quantity: *quantity,
                            value: *value,
                            date: *date,
                            capped: Vec::new(),
                            treated_as: None,
                        },
                        check: None,
                        notes: Vec::new(),
                    });
                }
                ShipRequest::Licence {
                    number,
                    quantity,
                    value,
                    date,
                    item,
                    to,
                    end_user,
                } => {
                    units_in_bounds("--quantity", *quantity).map_err(|e| at_row(e.to_string()))?;
                    if let Some(v) = value {
                        value_in_bounds("--value", *v).map_err(|e| at_row(e.to_string()))?;
                    }
                    let asked = Asked {
                        number,
                        quantity: *quantity,
                        value: *value,
                        date: *date,
                        item: item.as_ref(),
                        to: to.as_deref(),
                        end_user,
                    };
                    match self.plan_licensed(&before, &mut checks, explain, asked)? {
                        Ok(p) => planned.push(p),
                        Err(refusal) => return refuse(refusal),
                    }
                }
            }
        }
        drop(checks);
        let n = planned.len();
        let result = store.append_guarded(&LEDGER_KINDS, |entries, appender| {
            let ledger = Ledger::from_entries(entries).map_err(Stop::Failed)?;
            let mut sums = ledger.sums().map_err(Stop::Failed)?;
            let licences: HashMap<&str, &Licence> = ledger
                .licences
                .iter()
                .map(|(_, l)| (l.number.as_str(), l))
                .collect();
            let mut answers = Vec::with_capacity(n);
            for (i, planned) in planned.into_iter().enumerate() {
                let row = (n > 1).then_some(i + 1);
                let refuse = |refusal| {
                    Err(Stop::Refused(Box::new(Refused {
                        row,
                        refusal,
                        text: String::new(),
                    })))
                };
                let answer = match draw(planned, &licences, &mut sums).map_err(Stop::Failed)? {
                    Ok(answer) => answer,
                    Err(refusal) => return refuse(refusal),
                };
                let record = self
                    .record(source, &answer.shipment, &answer)
                    .map_err(Stop::Failed)?;
                appender
                    .append(&record)
                    .map_err(|e| Stop::Failed(EngineError::Audit(e)))?;
                sums.add(&answer.shipment).map_err(Stop::Failed)?;
                answers.push(answer);
            }
            Ok(answers)
        })?;
        match result {
            Ok(answers) => Ok(Ok(answers)),
            Err(Stop::Refused(refused)) => Ok(Err(*refused)),
            Err(Stop::Failed(e)) => Err(e),
        }
    }

    /// The volume caps among a check's conditions, with their entries' text and citation.
    /// The volume cap the rules set (the Jan 2026 lane's), read from the rules only: what
    /// `earl ledger` totals against. `None` when no rule sets one.
    pub fn volume_cap(&self) -> Option<&VolumeCap> {
        self.data
            .rules
            .timeline
            .iter()
            .flat_map(|a| &a.add.condition)
            .find_map(|n| n.cap.as_ref())
    }

    fn caps_of(&self, c: &CheckAnswer) -> Caps {
        let d = &c.determination;
        let snap = self.snapshot(d.date, self.scenario(d.scenario.as_deref()).ok().flatten());
        d.conditions
            .iter()
            .filter_map(|s| s.entry.as_deref())
            .filter_map(|id| snap.entries.condition.iter().find(|n| n.id == id))
            .filter_map(|n| {
                n.cap
                    .clone()
                    .map(|cap| (n.id.clone(), cap, n.text.clone(), n.cite.clone()))
            })
            .collect()
    }
}

/// The end user's restriction through its owners (the Affiliates rule), when the ownership step
/// applies or cannot be ruled out: the party, the owners' list and the share held.
fn restricted_through_owners(d: &Determination) -> Option<(String, String, f64)> {
    d.because.iter().find_map(|s| match &s.reason {
        Reason::Owned {
            party,
            percent,
            list,
            verdict: Verdict::Applies | Verdict::Undetermined,
            ..
        } => Some((party.clone(), list.clone(), *percent)),
        _ => None,
    })
}
