//! Licences and shipments, recorded in the audit trail itself: a licence is a `licence` record,
//! a shipment a `shipment` record, so the hash chain (and `earl audit verify`) covers them. A
//! licence's balance is what its shipments leave of it. Every shipment is decided inside one
//! IMMEDIATE transaction ([`earl_store::AuditStore::append_guarded`]): the ledger is read and the
//! shipment appended with no other writer between, so two processes drawing down one licence
//! cannot over-draw it, and a batch is recorded whole or not at all.

use crate::audit::{Audited, Source};
use crate::{CheckAnswer, CheckRequest, Engine, EngineError, Item};
use earl_core::cite::Cite;
use earl_core::system::Part;
use earl_core::tri::Tri;
use earl_store::{AuditStore, LedgerEntry, PreparedRecord};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The kinds of audit record the ledger is made of.
pub const LEDGER_KINDS: [&str; 2] = ["licence", "shipment"];

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
}

impl Shipment {
    /// Units of `chip` this shipment carries.
    pub fn units_of(&self, chip: &str) -> u64 {
        self.item
            .parts
            .iter()
            .filter(|p| p.chip == chip)
            .map(|p| u64::from(p.count) * self.quantity)
            .sum()
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
    /// The end user matched a restricted-party list on an entry listed after the licence was
    /// issued (or whose listing date earl cannot place before it).
    ListedSince {
        number: String,
        party: String,
        list: String,
        listed_as: String,
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
    pub check: Option<CheckAnswer>,
}

/// The answer recorded for a licence.
#[derive(Debug, Clone, Serialize)]
pub struct LicenceAnswer {
    pub licence: Licence,
}

impl Audited for ShipmentAnswer {
    fn kind(&self) -> &'static str {
        "shipment"
    }
    fn lists_hash(&self) -> Option<&str> {
        self.check
            .as_ref()
            .and_then(|c| c.lists.as_ref())
            .map(|p| p.sha256.as_str())
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
            match e.kind.as_str() {
                "licence" => l.licences.push((
                    e.seq,
                    serde_json::from_value(e.inputs.clone()).map_err(bad)?,
                )),
                "shipment" => l.shipments.push((
                    e.seq,
                    serde_json::from_value(e.inputs.clone()).map_err(bad)?,
                )),
                _ => {}
            }
        }
        Ok(l)
    }

    pub fn licence(&self, number: &str) -> Option<&(u64, Licence)> {
        self.licences.iter().find(|(_, l)| l.number == number)
    }

    fn drawn(&self, number: &str) -> (u64, f64) {
        self.shipments
            .iter()
            .filter(|(_, s)| s.licence.as_deref() == Some(number))
            .fold((0, 0.0), |(q, v), (_, s)| {
                (q + s.quantity, v + s.value.unwrap_or(0.0))
            })
    }

    /// A licence's balance as of `as_of`.
    pub fn view(&self, number: &str, as_of: Date) -> Option<LicenceView> {
        let (seq, l) = self.licence(number)?;
        let (q, v) = self.drawn(number);
        Some(LicenceView {
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
        })
    }

    /// Units of `chip` shipped to US end users on or before `date`.
    pub fn us_units(&self, chip: &str, date: Date) -> u64 {
        self.shipments
            .iter()
            .filter(|(_, s)| s.destination == "US" && s.date <= date)
            .map(|(_, s)| s.units_of(chip))
            .sum()
    }

    /// Units of `chip` counted against a cap, shipped to `places`.
    pub fn capped_units(&self, chip: &str, places: &[String]) -> u64 {
        self.shipments
            .iter()
            .filter(|(_, s)| s.capped.iter().any(|c| c == chip) && places.contains(&s.destination))
            .map(|(_, s)| s.units_of(chip))
            .sum()
    }

    /// Per chip: US units, capped China/Macau units, and the headroom under a 50% cap.
    pub fn totals(&self) -> Vec<LedgerTotal> {
        let mut chips: Vec<String> = Vec::new();
        for (_, s) in &self.shipments {
            for p in &s.item.parts {
                if !chips.contains(&p.chip) {
                    chips.push(p.chip.clone());
                }
            }
        }
        let places = vec!["CN".to_string(), "MO".to_string()];
        chips
            .into_iter()
            .map(|chip| {
                let us: u64 = self
                    .shipments
                    .iter()
                    .filter(|(_, s)| s.destination == "US")
                    .map(|(_, s)| s.units_of(&chip))
                    .sum();
                let cn_mo: u64 = self
                    .shipments
                    .iter()
                    .filter(|(_, s)| places.contains(&s.destination))
                    .map(|(_, s)| s.units_of(&chip))
                    .sum();
                let capped = self.capped_units(&chip, &places);
                LedgerTotal {
                    headroom_under_cap: (us / 2).saturating_sub(capped),
                    chip,
                    us_units: us,
                    china_macau_units: cn_mo,
                    capped_units: capped,
                }
            })
            .collect()
    }
}

/// One chip's totals in `earl ledger`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LedgerTotal {
    pub chip: String,
    /// Units shipped to US end users (every date).
    pub us_units: u64,
    /// Units shipped to China and Macau (under any licence).
    pub china_macau_units: u64,
    /// Of those, the units shipped under the Jan 2026 lane, which its 50% cap counts.
    pub capped_units: u64,
    /// Units more that could ship under the lane: 50% of US units, less the capped units.
    pub headroom_under_cap: u64,
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
    match v {
        Some(v) if !(v.is_finite() && (0.0..=1e15).contains(&v)) => Err(bad(format!(
            "{what} {v}: a value in US dollars is a number from 0 to 10^15"
        ))),
        _ => Ok(()),
    }
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

    /// Records a licence. Refused (nothing written) when its number is already recorded.
    pub fn licence_add(
        &self,
        store: &AuditStore,
        source: Source,
        add: &LicenceAdd,
    ) -> Result<Result<LicenceView, Refused>, EngineError> {
        if add.number.trim().is_empty() {
            return Err(bad("the licence number is empty"));
        }
        if add.end_user.as_deref().is_some_and(|e| e.trim().is_empty()) {
            return Err(bad("the end user name is empty"));
        }
        if add.quantity == Some(0) {
            return Err(bad("--quantity 0: a licence authorises at least one unit"));
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
        let mut failure = None;
        let result = store
            .append_guarded(&LEDGER_KINDS, |entries| {
                let ledger = match Ledger::from_entries(entries) {
                    Ok(l) => l,
                    Err(e) => {
                        failure = Some(e);
                        return Err(None);
                    }
                };
                if ledger.licence(&licence.number).is_some() {
                    return Err(Some(Box::new(Refused {
                        row: None,
                        refusal: Refusal::DuplicateLicence {
                            number: licence.number.clone(),
                        },
                        text: String::new(),
                    })));
                }
                let answer = LicenceAnswer {
                    licence: licence.clone(),
                };
                match self.record(source, &licence, &answer) {
                    Ok(r) => Ok(vec![r]),
                    Err(e) => {
                        failure = Some(e);
                        Err(None)
                    }
                }
            })
            .map_err(|e| EngineError::Record(e.to_string()))?;
        if let Some(e) = failure {
            return Err(e);
        }
        match result {
            Ok(receipts) => {
                let mut ledger = Ledger::default();
                ledger.licences.push((receipts[0].seq, licence.clone()));
                Ok(Ok(ledger
                    .view(&licence.number, add.issued)
                    .expect("just added")))
            }
            Err(refused) => Ok(Err(*refused.expect("a refusal"))),
        }
    }

    /// Every licence with its balance as of `as_of`.
    pub fn licences(
        &self,
        store: &AuditStore,
        as_of: Date,
    ) -> Result<Vec<LicenceView>, EngineError> {
        let ledger = self.read_ledger(store)?;
        Ok(ledger
            .licences
            .iter()
            .filter_map(|(_, l)| ledger.view(&l.number, as_of))
            .collect())
    }

    pub fn read_ledger(&self, store: &AuditStore) -> Result<Ledger, EngineError> {
        let entries = store
            .entries(&LEDGER_KINDS)
            .map_err(|e| EngineError::Record(e.to_string()))?;
        Ledger::from_entries(&entries)
    }

    /// Records shipments, all or none: each is checked against its licence (item, destination,
    /// end user, quantity, value, dates), a fresh `check` of it (prohibited, or a party listed
    /// since the licence was issued, refuses it) and any volume cap of the licence conditions
    /// the check returns; the first refusal refuses them all and nothing is written.
    /// `explain` fills the check's sentences (earl-render) before it is recorded.
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
        let mut planned: Vec<(Shipment, Option<CheckAnswer>, Vec<String>)> = Vec::new();
        for (i, r) in requests.iter().enumerate() {
            let row = (requests.len() > 1).then_some(i + 1);
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
                    if *quantity == 0 {
                        return Err(bad("--quantity must be at least 1"));
                    }
                    check_value("--value", *value)?;
                    planned.push((
                        Shipment {
                            licence: None,
                            item: self.item_ref(item)?,
                            destination: "US".into(),
                            end_user: None,
                            quantity: *quantity,
                            value: *value,
                            date: *date,
                            capped: Vec::new(),
                        },
                        None,
                        Vec::new(),
                    ));
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
                    if *quantity == 0 {
                        return Err(bad("--quantity must be at least 1"));
                    }
                    check_value("--value", *value)?;
                    let Some((_, l)) = before.licence(number) else {
                        return refuse(Refusal::UnknownLicence {
                            number: number.clone(),
                        });
                    };
                    if let Some(item) = item {
                        let asked = self.item_ref(item)?;
                        if asked.id != l.item.id {
                            return refuse(Refusal::ItemMismatch {
                                number: number.clone(),
                                licensed: l.item.name.clone(),
                                asked: asked.name,
                            });
                        }
                    }
                    if let Some(to) = to {
                        let code = self.country(to)?.code.clone();
                        if code != l.destination {
                            return refuse(Refusal::DestinationMismatch {
                                number: number.clone(),
                                licensed: l.destination.clone(),
                                asked: code,
                            });
                        }
                    }
                    if end_user.is_some() {
                        let norm = |s: &Option<String>| s.as_deref().map(earl_core::ownership::key);
                        if norm(end_user) != norm(&l.end_user) {
                            return refuse(Refusal::EndUserMismatch {
                                number: number.clone(),
                                licensed: l.end_user.clone(),
                                asked: end_user.clone(),
                            });
                        }
                    }
                    if *date < l.issued {
                        return refuse(Refusal::BeforeIssue {
                            number: number.clone(),
                            issued: l.issued,
                            date: *date,
                        });
                    }
                    if let Some(e) = l.expires
                        && *date > e
                    {
                        return refuse(Refusal::Expired {
                            number: number.clone(),
                            expires: e,
                            date: *date,
                        });
                    }
                    if l.value.is_some() && value.is_none() {
                        return refuse(Refusal::ValueNeeded {
                            number: number.clone(),
                        });
                    }
                    let item = if l.item.kind == "system" {
                        Item::System(l.item.id.clone())
                    } else {
                        Item::Catalog(l.item.id.clone())
                    };
                    let check = explain(self.check(&CheckRequest {
                        item,
                        to: l.destination.clone(),
                        from: None,
                        end_user: l.end_user.clone(),
                        end_user_hq: None,
                        date: *date,
                        scenario: None,
                        quantity: Some(*quantity),
                        ownership: None,
                    })?);
                    let d = &check.determination;
                    if d.prohibited {
                        return refuse(Refusal::Prohibited {
                            number: number.clone(),
                        });
                    }
                    if let Some(hit) = d.end_user_matches.iter().find(|h| {
                        h.listed_on(*date) != Tri::False && h.listed_on(l.issued) != Tri::True
                    }) {
                        return refuse(Refusal::ListedSince {
                            number: number.clone(),
                            party: hit.party.clone(),
                            list: hit.list.clone(),
                            listed_as: hit.name.clone(),
                        });
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
                    planned.push((
                        Shipment {
                            licence: Some(number.clone()),
                            item: l.item.clone(),
                            destination: l.destination.clone(),
                            end_user: l.end_user.clone(),
                            quantity: *quantity,
                            value: *value,
                            date: *date,
                            capped: Vec::new(),
                        },
                        Some(check),
                        notes,
                    ));
                }
            }
        }
        let mut failure = None;
        let mut answers = Vec::new();
        let result = store
            .append_guarded(&LEDGER_KINDS, |entries| {
                let mut ledger = match Ledger::from_entries(entries) {
                    Ok(l) => l,
                    Err(e) => {
                        failure = Some(e);
                        return Err(None);
                    }
                };
                let mut records: Vec<PreparedRecord> = Vec::new();
                let n = planned.len();
                for (i, (mut shipment, check, mut notes)) in planned.into_iter().enumerate() {
                    let row = (n > 1).then_some(i + 1);
                    let refuse = |refusal| Err(Some(Box::new(Refused { row, refusal, text: String::new() })));
                    let mut remaining = (None, None);
                    if let Some(number) = shipment.licence.clone() {
                        let Some(view) = ledger.view(&number, shipment.date) else {
                            return refuse(Refusal::UnknownLicence { number });
                        };
                        if let Some(left) = view.remaining_quantity
                            && shipment.quantity > left
                        {
                            return refuse(Refusal::OverQuantity { number, remaining: left, asked: shipment.quantity });
                        }
                        if let (Some(left), Some(v)) = (view.remaining_value, shipment.value)
                            && v > left + 1e-9
                        {
                            return refuse(Refusal::OverValue { number, remaining: left, asked: v });
                        }
                        remaining = (
                            view.remaining_quantity.map(|q| q - shipment.quantity),
                            view.remaining_value.map(|v| (v - shipment.value.unwrap_or(0.0)).max(0.0)),
                        );
                        // Volume caps of the conditions the fresh check returned.
                        let caps = check.as_ref().map(|c| self.caps_of(c)).unwrap_or_default();
                        for (entry, cap, rule, cite) in caps {
                            if !cap.places.contains(&shipment.destination) {
                                continue;
                            }
                            for p in &shipment.item.parts {
                                let us = ledger.us_units(&p.chip, shipment.date);
                                let capped = ledger.capped_units(&p.chip, &cap.places);
                                let asked = shipment.units_of(&p.chip);
                                if (capped + asked) as f64 > cap.share * us as f64 {
                                    return refuse(Refusal::Cap {
                                        chip: p.chip.clone(),
                                        us_units: us,
                                        capped_units: capped,
                                        asked,
                                        share: cap.share,
                                        places: cap.places.clone(),
                                        entry: entry.clone(),
                                        rule: rule.clone(),
                                        cite: cite.clone(),
                                    });
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
                    let answer = ShipmentAnswer {
                        shipment: shipment.clone(),
                        remaining_quantity: remaining.0,
                        remaining_value: remaining.1,
                        notes,
                        check,
                    };
                    match self.record(source, &shipment, &answer) {
                        Ok(r) => records.push(r),
                        Err(e) => {
                            failure = Some(e);
                            return Err(None);
                        }
                    }
                    ledger.shipments.push((0, shipment));
                    answers.push(answer);
                }
                Ok(records)
            })
            .map_err(|e| EngineError::Record(e.to_string()))?;
        if let Some(e) = failure {
            return Err(e);
        }
        match result {
            Ok(_) => Ok(Ok(answers)),
            Err(refused) => Ok(Err(*refused.expect("a refusal"))),
        }
    }

    /// The volume caps among a check's conditions, with their entries' text and citation.
    fn caps_of(&self, c: &CheckAnswer) -> Vec<(String, earl_core::rules::VolumeCap, String, Cite)> {
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
