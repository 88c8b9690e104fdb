//! `/v1/diff`, `/v1/scenarios` and `/v1/timeline`: the same shipment asked under different
//! dates or scenarios, side by side.
//!
//! These are built from [`Engine::check`] alone: each cell is one determination. A dedicated
//! engine module (`earl_engine::explore`) can replace the loops here without changing the
//! request shapes.

use crate::audit::UsedLists;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiQuery};
use crate::routes::AppState;
use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use earl_core::check::Determination;
use earl_engine::{CheckRequest, Engine, Item};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// Most chips × destinations one diff or matrix may ask for: each cell is a full determination.
const MAX_CELLS: usize = 2_000;
/// What the matrix and diff show when the request names no chips or destinations.
const DEFAULT_CHIPS: &[&str] = &["H20", "H100", "H200", "B200"];
const DEFAULT_DESTINATIONS: &[&str] = &["CN", "AE", "IN", "DE"];

/// One short word for a determination, for tables: `prohibited`, `no_license_required`,
/// `license_exception`, the review policy (`case_by_case`, ...), `license_required` or
/// `undetermined`.
pub fn decision(d: &Determination) -> String {
    if d.prohibited {
        return "prohibited".into();
    }
    match d.license_required {
        None => "undetermined".into(),
        Some(false) => "no_license_required".into(),
        Some(true) if d.license_exception.is_some() => "license_exception".into(),
        Some(true) => d
            .review_policy
            .map_or_else(|| "license_required".into(), |p| p.as_str().to_string()),
    }
}

/// One chip to one destination under one set of rules.
#[derive(Debug, Serialize)]
struct Cell {
    chip: String,
    to: String,
    decision: String,
    eccn: Option<String>,
    license_exception: Option<String>,
    regime: String,
}

impl Cell {
    fn of(chip: &str, to: &str, d: &Determination) -> Cell {
        Cell {
            chip: chip.to_string(),
            to: to.to_string(),
            decision: decision(d),
            eccn: d.paragraph.clone().or_else(|| d.eccn.clone()),
            license_exception: d.license_exception.clone(),
            regime: d.regime.clone(),
        }
    }
}

fn ask(
    engine: &Engine,
    chip: &str,
    to: &str,
    date: Date,
    scenario: Option<&str>,
) -> Result<Determination, ApiError> {
    let request = CheckRequest {
        item: Item::Catalog(chip.to_string()),
        to: to.to_string(),
        from: None,
        end_user: None,
        end_user_hq: None,
        date,
        scenario: scenario.map(str::to_string),
        quantity: None,
    };
    Ok(engine.check(&request)?.determination)
}

fn date_or_today(date: Option<&str>) -> Result<Date, ApiError> {
    match date {
        Some(d) => Ok(earl_engine::parse_date(d)?),
        None => Ok(earl_engine::today()),
    }
}

/// Comma-separated names, or the defaults.
fn names(list: Option<&str>, default: &[&str]) -> Vec<String> {
    match list {
        Some(list) => list
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        None => default.iter().map(|s| s.to_string()).collect(),
    }
}

fn grid_size_ok(rows: usize, columns: usize, sides: usize) -> Result<(), ApiError> {
    if rows.saturating_mul(columns).saturating_mul(sides) > MAX_CELLS {
        return Err(ApiError::invalid_input(format!(
            "that asks for more than {MAX_CELLS} determinations; name fewer chips or destinations"
        )));
    }
    Ok(())
}

/// One side of a diff: the rules in force on `date`, with an optional scenario laid over them.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RulesAt {
    /// `YYYY-MM-DD`; default today (UTC).
    #[schema(example = "2025-01-01")]
    date: Option<String>,
    /// Id of a scenario from `GET /v1/scenarios`.
    scenario: Option<String>,
}

/// `POST /v1/diff`: what changes for these chips and destinations between two sets of rules.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DiffBody {
    from: RulesAt,
    to: RulesAt,
    /// Catalog names; default H20, H100, H200, B200.
    chips: Option<Vec<String>>,
    /// Countries; default CN, AE, IN, DE.
    destinations: Option<Vec<String>>,
}

#[derive(Debug, Serialize)]
struct Change {
    chip: String,
    to: String,
    before: String,
    after: String,
    regime_before: String,
    regime_after: String,
}

#[derive(Debug, Serialize)]
struct DiffAnswer<'a> {
    from: &'a RulesAt,
    to: &'a RulesAt,
    compared: usize,
    /// Only the chip–destination pairs whose decision or ECCN changed.
    changes: Vec<Change>,
}

/// What changes, chip by chip and destination by destination, between two dates or scenarios.
#[utoipa::path(post, path = "/v1/diff", tag = "determinations",
    request_body = DiffBody,
    responses(
        (status = 200, description = "`{from, to, compared, changes: [{chip, to, before, after, ...}]}`", body = serde_json::Value),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 422, description = "Unknown field, chip, country or scenario, a bad date, or too many cells", body = ErrorBody),
    ))]
pub async fn diff(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<DiffBody>,
) -> Result<Response, ApiError> {
    let chips = body
        .chips
        .clone()
        .unwrap_or_else(|| names(None, DEFAULT_CHIPS));
    let destinations = body
        .destinations
        .clone()
        .unwrap_or_else(|| names(None, DEFAULT_DESTINATIONS));
    grid_size_ok(chips.len(), destinations.len(), 2)?;
    let before_date = date_or_today(body.from.date.as_deref())?;
    let after_date = date_or_today(body.to.date.as_deref())?;
    let mut changes = Vec::new();
    for chip in &chips {
        for to in &destinations {
            let before = ask(
                &state.engine,
                chip,
                to,
                before_date,
                body.from.scenario.as_deref(),
            )?;
            let after = ask(
                &state.engine,
                chip,
                to,
                after_date,
                body.to.scenario.as_deref(),
            )?;
            let (b, a) = (Cell::of(chip, to, &before), Cell::of(chip, to, &after));
            if b.decision != a.decision || b.eccn != a.eccn {
                changes.push(Change {
                    chip: chip.clone(),
                    to: to.clone(),
                    before: b.decision,
                    after: a.decision,
                    regime_before: b.regime,
                    regime_after: a.regime,
                });
            }
        }
    }
    let answer = DiffAnswer {
        from: &body.from,
        to: &body.to,
        compared: chips.len() * destinations.len(),
        changes,
    };
    state.record("diff", &body, &answer, UsedLists::No).await?;
    Ok(Json(answer).into_response())
}

/// `GET /v1/scenarios` parameters: which chips and destinations the matrix covers.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ScenariosParams {
    /// Comma-separated catalog names; default H20,H100,H200,B200.
    chips: Option<String>,
    /// Comma-separated countries; default CN,AE,IN,DE.
    to: Option<String>,
    /// `YYYY-MM-DD`; default today (UTC).
    date: Option<String>,
}

#[derive(Debug, Serialize)]
struct ScenarioRow<'a> {
    /// `null` for the rules in force without any scenario.
    id: Option<&'a str>,
    title: &'a str,
    status: Option<&'a earl_core::rules::Status>,
    effective: Option<Date>,
    summary: &'a str,
    cite: &'a str,
    cells: Vec<Cell>,
}

/// The scenarios earl knows, and the decision for each chip and destination under each.
#[utoipa::path(get, path = "/v1/scenarios", tag = "reference",
    params(ScenariosParams),
    responses(
        (status = 200, description = "`{date, chips, destinations, scenarios: [{id, title, status, summary, cite, cells: [{chip, to, decision}]}]}`; the first row is the rules in force", body = serde_json::Value),
        (status = 422, description = "Unknown chip, country or parameter, or a bad date", body = ErrorBody),
    ))]
pub async fn scenarios(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<ScenariosParams>,
) -> Result<Response, ApiError> {
    let engine = &state.engine;
    let date = date_or_today(params.date.as_deref())?;
    let chips = names(params.chips.as_deref(), DEFAULT_CHIPS);
    let destinations = names(params.to.as_deref(), DEFAULT_DESTINATIONS);
    let scenarios = &engine.data.rules.scenarios;
    grid_size_ok(chips.len(), destinations.len(), scenarios.len() + 1)?;
    let cells = |scenario: Option<&str>| -> Result<Vec<Cell>, ApiError> {
        let mut row = Vec::new();
        for chip in &chips {
            for to in &destinations {
                row.push(Cell::of(chip, to, &ask(engine, chip, to, date, scenario)?));
            }
        }
        Ok(row)
    };
    let mut rows = vec![ScenarioRow {
        id: None,
        title: "Rules in force",
        status: None,
        effective: None,
        summary: "The regulations as earl knows them on this date, with no scenario.",
        cite: &engine.data.rules.meta.source_document,
        cells: cells(None)?,
    }];
    for s in scenarios {
        rows.push(ScenarioRow {
            id: Some(&s.id),
            title: &s.title,
            status: Some(&s.status),
            effective: s.effective,
            summary: &s.summary,
            cite: &s.cite.text,
            cells: cells(Some(&s.id))?,
        });
    }
    Ok(Json(serde_json::json!({ "date": date, "chips": chips, "destinations": destinations, "scenarios": rows })).into_response())
}

/// `GET /v1/timeline` parameters.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct TimelineParams {
    /// Catalog name, e.g. `H200`.
    #[param(example = "H200")]
    chip: String,
    /// Destination country.
    #[param(example = "CN")]
    to: String,
    /// A scenario laid over every date.
    scenario: Option<String>,
}

#[derive(Debug, Serialize)]
struct TimelinePoint<'a> {
    /// The first day of this rule version.
    date: Date,
    /// The rule version that took effect that day.
    amendment: &'a str,
    title: &'a str,
    #[serde(flatten)]
    cell: Cell,
}

/// A chip's decision for a destination on every rule version since 2022.
#[utoipa::path(get, path = "/v1/timeline", tag = "reference",
    params(TimelineParams),
    responses(
        (status = 200, description = "`{chip, to, points: [{date, amendment, title, decision, eccn, ...}]}`, oldest first", body = serde_json::Value),
        (status = 422, description = "Unknown chip, country, scenario or parameter", body = ErrorBody),
    ))]
pub async fn timeline(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<TimelineParams>,
) -> Result<Response, ApiError> {
    let engine = &state.engine;
    let today = earl_engine::today();
    let mut points = Vec::new();
    for amendment in &engine.data.rules.timeline {
        let Some(date) = amendment.effective.filter(|d| *d <= today) else {
            continue;
        };
        let d = ask(
            engine,
            &params.chip,
            &params.to,
            date,
            params.scenario.as_deref(),
        )?;
        points.push(TimelinePoint {
            date,
            amendment: &amendment.id,
            title: &amendment.title,
            cell: Cell::of(&params.chip, &params.to, &d),
        });
    }
    Ok(Json(serde_json::json!({ "chip": params.chip, "to": params.to, "scenario": params.scenario, "points": points })).into_response())
}
