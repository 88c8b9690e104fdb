//! A typed question (`earl_question`) turned into the engine's request: the one place where
//! what was asked becomes what is answered, for every front end and for `earl audit recheck`.
//! A question that cannot be asked — no item, an owner without an end user, a date that is not
//! one — is refused here, with the same words whichever face asked it.

use crate::ledger::{LicenceAdd, ShipRequest};
use crate::review::{Evidence, ReviewAdd};
use crate::{
    CheckRequest, EngineError, Item, MadeInput, ScreenRequest, parse_contains, parse_date, today,
};
use earl_core::chip::{ChipKind, CustomSpec};
use earl_core::ownership::Stake;
use earl_question::{
    CheckQuestion, Figures, LicenceQuestion, ReviewQuestion, ScreenQuestion, ShipQuestion,
};
use jiff::civil::Date;

fn bad(message: impl Into<String>) -> EngineError {
    EngineError::BadInput(message.into())
}

/// The date asked (exactly YYYY-MM-DD), or today (UTC).
pub fn date_or_today(date: Option<&str>) -> Result<Date, EngineError> {
    match date {
        Some(d) => parse_date(d),
        None => Ok(today()),
    }
}

/// The item a question names: a catalog system, a system by its contents, a catalog name, or
/// a chip's figures — exactly one of them.
pub fn item(f: Figures) -> Result<Item, EngineError> {
    let named = [f.chip.is_some(), f.system.is_some(), !f.contains.is_empty()];
    if named.iter().filter(|n| **n).count() > 1 {
        return Err(bad(
            "give one of `chip`, `system` or `contains`, not several",
        ));
    }
    if f.any_figure() && (f.system.is_some() || !f.contains.is_empty()) {
        return Err(bad(
            "a system is named or given by what it contains; its chips' figures come from the catalog",
        ));
    }
    if let Some(system) = f.system {
        return Ok(Item::System(system.to_string()));
    }
    if !f.contains.is_empty() {
        return Ok(Item::Contains(parse_contains(f.contains)?));
    }
    if let Some(chip) = f.chip {
        if f.any_figure() {
            return Err(bad(
                "give either `chip` (a catalog name) or a specification (`tpp`, `throughput`, `die_area`, ...), not both",
            ));
        }
        if chip.trim().is_empty() {
            return Err(bad("`chip` is empty"));
        }
        return Ok(Item::Catalog(chip.to_string()));
    }
    let kind = f.kind.unwrap_or_default();
    if f.tpp.is_none() && f.throughput.is_empty() && kind != ChipKind::Hbm {
        return Err(bad(
            "name a catalog `chip`, a `system` or what it `contains`, or give a specification with `tpp` or `throughput` (or `kind` hbm)",
        ));
    }
    if kind == ChipKind::Hbm && (f.memory_bandwidth.is_none() || f.package_area.is_none()) {
        return Err(bad(
            "an HBM stack needs `memory_bandwidth` (GB/s) and `package_area` (mm²) for its memory bandwidth density",
        ));
    }
    Ok(Item::Spec(CustomSpec {
        tpp: f.tpp,
        throughput: f.throughput.iter().map(|t| (t.precision, t.tops)).collect(),
        die_area_mm2: f.die_area,
        pd: f.pd,
        datacenter: f.datacenter,
        memory_bandwidth_gbps: f.memory_bandwidth,
        chip_to_chip_gbps: f.chip_to_chip,
        package_area_mm2: f.package_area,
        kind,
    }))
}

/// The engine's request for a check; `scenario` is the scenario as the engine knows it (a
/// front end that loaded a scenario file gives its id).
pub fn check_request(
    q: &CheckQuestion,
    scenario: Option<String>,
) -> Result<CheckRequest, EngineError> {
    let to =
        q.to.as_deref()
            .ok_or_else(|| bad("give a destination (`to`)"))?;
    if q.ownership.is_some() && q.end_user.is_none() {
        return Err(bad("owners need an end user (`end_user`)"));
    }
    let ownership = q.ownership.as_ref().map(|holdings| {
        holdings
            .iter()
            .map(|h| Stake {
                owner: h.owner.clone(),
                owned: h
                    .owned
                    .clone()
                    .or_else(|| q.end_user.clone())
                    .unwrap_or_default(),
                percent: h.percent,
                origin: None,
            })
            .collect()
    });
    Ok(CheckRequest {
        item: item(q.figures())?,
        to: to.to_string(),
        from: q.from.clone(),
        end_user: q.end_user.clone(),
        end_user_hq: q.end_user_hq.clone(),
        date: date_or_today(q.date.as_deref())?,
        scenario,
        quantity: q.quantity,
        ownership,
        made: MadeInput {
            made_in: q.made_in.clone(),
            us_content: q.us_content,
            us_tech: q.us_tech,
            us_available: q.us_available,
        },
    })
}

/// A catalog chip or system named by a ledger question, if any.
fn ledger_item(chip: &Option<String>, system: &Option<String>) -> Option<Item> {
    match (chip, system) {
        (_, Some(s)) => Some(Item::System(s.clone())),
        (Some(c), None) => Some(Item::Catalog(c.clone())),
        (None, None) => None,
    }
}

/// The licence a `licence` question records.
pub fn licence_add(q: &LicenceQuestion) -> Result<LicenceAdd, EngineError> {
    Ok(LicenceAdd {
        number: q.number.clone(),
        item: ledger_item(&q.chip, &q.system)
            .ok_or_else(|| bad("a licence names its `chip` or `system`"))?,
        to: q.to.clone(),
        end_user: q.end_user.clone(),
        quantity: q.quantity,
        value: q.value,
        expires: q.expires.as_deref().map(parse_date).transpose()?,
        conditions: q.conditions.clone(),
        issued: date_or_today(q.issued.as_deref())?,
    })
}

/// The disposition a `review` question records; `evidence` is the file it names, hashed by
/// the front end that read it.
pub fn review_add(
    q: &ReviewQuestion,
    evidence: Option<Evidence>,
) -> Result<ReviewAdd, EngineError> {
    Ok(ReviewAdd {
        party: q.party.clone(),
        entry: q.entry.clone(),
        decision: q.decision,
        reviewer: q.reviewer.clone(),
        reason: q.reason.clone(),
        country: q.country.clone(),
        expires: q.expires.as_deref().map(parse_date).transpose()?,
        evidence,
        imported_from: None,
    })
}

/// The shipment a `ship` question records: to US end users, or under a licence.
pub fn ship_request(q: &ShipQuestion) -> Result<ShipRequest, EngineError> {
    let date = parse_date(
        q.date
            .as_deref()
            .ok_or_else(|| bad("give the shipment's `date`"))?,
    )?;
    let quantity = q
        .quantity
        .ok_or_else(|| bad("give the units shipped (`quantity`)"))?;
    if q.us {
        return Ok(ShipRequest::Us {
            item: ledger_item(&q.chip, &q.system)
                .ok_or_else(|| bad("a shipment to US end users names its `chip` or `system`"))?,
            quantity,
            value: q.value,
            date,
        });
    }
    Ok(ShipRequest::Licence {
        number: q
            .licence
            .clone()
            .ok_or_else(|| bad("name the `licence` drawn down, or ship to US end users (`us`)"))?,
        quantity,
        value: q.value,
        date,
        item: ledger_item(&q.chip, &q.system),
        to: q.to.clone(),
        end_user: q.end_user.clone(),
    })
}

/// The engine's request for a screening.
pub fn screen_request(q: &ScreenQuestion) -> Result<ScreenRequest, EngineError> {
    Ok(ScreenRequest {
        name: q
            .name
            .clone()
            .ok_or_else(|| bad("give a name to screen (`name`)"))?,
        country: q.country.clone(),
        lists: (!q.sources.is_empty()).then(|| q.sources.clone()),
        threshold: q.threshold,
        include_below: q.all,
        date: date_or_today(q.date.as_deref())?,
    })
}
