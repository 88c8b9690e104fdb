//! `/v1/diff`, `/v1/timeline`, `/v1/scenarios` and their SVG charts: the engine's explore
//! functions ([`Engine::diff`], [`Engine::timeline`], [`earl_render::svg`]) over HTTP,
//! with the JSON of `earl diff --json`, `earl timeline --json` and `earl scenarios --json`.
//!
//! A diff or a timeline is many determinations (up to [`MAX_CELLS`] cells, two each), so it
//! runs on the blocking pool rather than on a runtime thread that other requests are waiting
//! for. Nothing here reads a file: a side of a diff is a date, a rule version id or a scenario
//! id, never a path.

use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiQuery};
use crate::lang::AskedLang;
use crate::routes::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::header::{CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use earl_engine::Engine;
use earl_engine::explore::diff::{DEFAULT_DESTINATIONS, DiffReport, DiffRequest};
use earl_engine::explore::timeline::{TimelineReport, TimelineRequest};
use earl_question::{DiffQuestion, Recorded, TimelineQuestion};
use earl_render::svg;
use jiff::civil::Date;
use std::sync::Arc;

/// Most chips × destinations one diff may compare: each cell is two full determinations.
pub const MAX_CELLS: usize = 2_000;

/// SVG answers may not run script even when opened directly (`/v1/timeline.svg` in a tab).
const SVG_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'";

/// How many names a comma-separated or repeated list holds (as the engine splits them).
fn count_names(names: &[String]) -> usize {
    names
        .iter()
        .flat_map(|n| n.split(','))
        .filter(|n| !n.trim().is_empty())
        .count()
}

/// The engine's request for a diff the API may answer: a side is never a file, and the cells
/// are capped.
fn diff_request(engine: &Engine, question: &DiffQuestion) -> Result<DiffRequest, ApiError> {
    {
        let chips = question.chips.clone();
        let destinations = question.destinations.clone();
        let rows = match count_names(&chips) {
            0 => engine.data.catalog.chips.len(),
            n => n,
        };
        let columns = match count_names(&destinations) {
            0 => DEFAULT_DESTINATIONS.len(),
            n => n,
        };
        if rows.saturating_mul(columns) > MAX_CELLS {
            return Err(ApiError::invalid_input(format!(
                "that compares {rows} chips × {columns} destinations, more than {MAX_CELLS} cells; name fewer chips or destinations"
            )));
        }
        Ok(DiffRequest {
            from: question.from.clone(),
            to: question.to.clone(),
            destinations,
            chips,
            scenario_date: earl_engine::questions::date_or_today(question.date.as_deref())?,
        })
    }
}

/// Runs `work` on the blocking pool: explore answers take milliseconds, not microseconds.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| ApiError::internal(format!("earl failed on this request: {e}")))?
}

/// Computes a diff and records it (a diff is a set of determinations).
async fn recorded_diff(
    state: &AppState,
    question: DiffQuestion,
) -> Result<(DiffReport, Bytes), ApiError> {
    let request = diff_request(&state.engine, &question)?;
    let engine = Arc::clone(&state.engine);
    let report = blocking(move || Ok(engine.diff(&request)?)).await?;
    let json = state.record_json(&Recorded::new(question), &report).await?;
    Ok((report, json))
}

/// What changes, chip by chip and destination by destination, between two dates, rule versions
/// or scenarios, with the amendments and entries that changed each cell (as `earl diff --json`).
#[utoipa::path(post, path = "/v1/diff", tag = "determinations",
    request_body = DiffQuestion,
    responses(
        (status = 200, description = "Both sides, the amendments applied on one side only, a summary and every changed cell with why", body = DiffReport),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 422, description = "Unknown field, chip, country, rule version or scenario, a bad date, or too many cells", body = ErrorBody),
    ))]
pub async fn diff(
    State(state): State<AppState>,
    ApiJson(question): ApiJson<DiffQuestion>,
) -> Result<Response, ApiError> {
    let (_, json) = recorded_diff(&state, question).await?;
    Ok(crate::routes::json_bytes(json))
}

/// The chips × destinations matrix of side B of a diff, changed cells outlined (as
/// `earl diff --svg`).
#[utoipa::path(post, path = "/v1/diff.svg", tag = "determinations",
    request_body = DiffQuestion,
    params(
        ("Accept-Language" = Option<String>, Header, description = "The language of the chart's labels: the most preferred of en, ar and zh; default English."),
    ),
    responses(
        (status = 200, description = "An SVG image", content_type = "image/svg+xml", body = String),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 422, description = "As for `POST /v1/diff`", body = ErrorBody),
    ))]
pub async fn diff_svg(
    State(state): State<AppState>,
    AskedLang(lang): AskedLang,
    ApiJson(question): ApiJson<DiffQuestion>,
) -> Result<Response, ApiError> {
    let (report, _) = recorded_diff(&state, question).await?;
    Ok(svg_response(svg::diff_matrix(&report, lang)))
}

fn svg_response(svg: String) -> Response {
    (
        [
            (CONTENT_TYPE, "image/svg+xml; charset=utf-8"),
            (CONTENT_SECURITY_POLICY, SVG_POLICY),
        ],
        svg,
    )
        .into_response()
}

/// The engine's request for a timeline.
fn timeline_request(question: TimelineQuestion) -> Result<TimelineRequest, ApiError> {
    Ok(TimelineRequest {
        until: earl_engine::questions::date_or_today(question.until.as_deref())?,
        chip: question.chip,
        to: question.to,
        scenario: question.scenario.filter(|s| !s.trim().is_empty()),
    })
}

async fn timeline_report(
    state: &AppState,
    question: TimelineQuestion,
) -> Result<(TimelineReport, Date), ApiError> {
    let request = timeline_request(question)?;
    let engine = Arc::clone(&state.engine);
    blocking(move || Ok((engine.timeline(&request)?, request.until))).await
}

/// A chip's determination for a destination on every date the rules or its Country Groups
/// changed since 2022, collapsed into periods with what changed and why (as
/// `earl timeline --json`).
#[utoipa::path(get, path = "/v1/timeline", tag = "reference",
    params(TimelineQuestion),
    responses(
        (status = 200, description = "The dates checked and the periods, oldest first", body = TimelineReport),
        (status = 422, description = "Unknown chip, country, scenario or parameter, or a bad date", body = ErrorBody),
    ))]
pub async fn timeline(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<TimelineQuestion>,
) -> Result<Response, ApiError> {
    let (report, _) = timeline_report(&state, params).await?;
    Ok(axum::Json(report).into_response())
}

/// The timeline as a step chart (as `earl timeline --svg`).
#[utoipa::path(get, path = "/v1/timeline.svg", tag = "reference",
    params(
        TimelineQuestion,
        ("Accept-Language" = Option<String>, Header, description = "The language of the chart's labels: the most preferred of en, ar and zh; default English."),
    ),
    responses(
        (status = 200, description = "An SVG image", content_type = "image/svg+xml", body = String),
        (status = 422, description = "As for `GET /v1/timeline`", body = ErrorBody),
    ))]
pub async fn timeline_svg(
    State(state): State<AppState>,
    AskedLang(lang): AskedLang,
    ApiQuery(params): ApiQuery<TimelineQuestion>,
) -> Result<Response, ApiError> {
    let (report, until) = timeline_report(&state, params).await?;
    Ok(svg_response(svg::timeline_chart(&report, until, lang)))
}

/// Serializes the scenario list once: it does not change while serving.
pub fn scenarios_json(engine: &Engine) -> Bytes {
    let rows = engine.scenario_rows();
    Bytes::from(serde_json::to_vec(&rows).unwrap_or_else(|_| b"[]".to_vec()))
}

/// The policy scenarios earl knows, each usable as `scenario` in a check or as a side of a
/// diff (as `earl scenarios --json`).
#[utoipa::path(get, path = "/v1/scenarios", tag = "reference",
    responses((status = 200, description = "Every scenario with its status, dates, summary and citations", body = Vec<earl_engine::ScenarioRow>)))]
pub async fn scenarios(State(state): State<AppState>) -> Response {
    crate::routes::json_bytes(state.scenarios_json.clone())
}
