//! The `/v1/` endpoints: request bodies with the CLI's names, answers with the CLI's JSON.
//!
//! Each handler parses its input into the engine's types (rejecting what the engine would not
//! understand with a 422 that says why), asks the [`Engine`], records the determination in the
//! audit trail, and only then answers. Nothing here touches the file system: a `scenario` is an
//! id looked up among the loaded scenarios, never a path.

use crate::audit::Recorder;
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiQuery};
use crate::lang::{AskedLang, in_language};
use crate::screen_cache::{ScreenCache, ScreenKey, Screened};
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use earl_engine::audit::{Audited, Source};
use earl_engine::{Engine, questions};
use earl_question::{CheckQuestion, ClassifyQuestion, MatchQuestion, Recorded};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;
use utoipa::{IntoParams, ToSchema};

/// Longest party name or screening query accepted; real names are far shorter.
pub(crate) const MAX_NAME_CHARS: usize = 512;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub engine: Arc<Engine>,
    /// `None` when the audit trail is off (`--no-audit`).
    pub recorder: Option<Arc<Recorder>>,
    /// `GET /v1/chips`, serialized once: the catalog does not change while serving.
    pub chips_json: Bytes,
    /// `GET /v1/scenarios`, serialized once.
    pub scenarios_json: Bytes,
    /// Whether every `/v1/` request must present a bearer token: writes that change later
    /// answers (`POST /v1/review`) are refused otherwise.
    pub token_required: bool,
    /// Recent `GET /v1/screen` answers, prepared for the trail.
    pub(crate) screen_answers: Arc<ScreenCache>,
}

impl AppState {
    /// Serializes the answer for the response and records it: the answer's bytes exist
    /// before the (longer) wait for the audit commit, and are sent only after it. The record
    /// is built by the engine, as for every front end.
    pub(crate) async fn record_json(
        &self,
        inputs: &impl Serialize,
        answer: &impl Audited,
    ) -> Result<Bytes, ApiError> {
        // The same bytes with the trail on or off: the record's canonical JSON (keys sorted).
        let Some(recorder) = &self.recorder else {
            return earl_store::canonical::to_canonical_string(answer)
                .map(Bytes::from)
                .map_err(|e| ApiError::internal(format!("cannot serialize the answer: {e}")));
        };
        // Serialized once: the answer is the record's canonical JSON (keys sorted).
        let record = self.engine.record(Source::Api, inputs, answer)?;
        let body = Bytes::copy_from_slice(record.outputs_json().as_bytes());
        recorder.commit(record).await?;
        Ok(body)
    }
}

/// A JSON response from bytes already serialized.
pub(crate) fn json_bytes(body: Bytes) -> Response {
    ([(CONTENT_TYPE, "application/json")], body).into_response()
}

/// `GET /v1/screen` parameters.
#[derive(Debug, Serialize, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ScreenParams {
    /// The party name to screen, in any script.
    #[param(example = "Huawei Technologies")]
    q: String,
    /// Keep only entries with an address in this country (name or ISO code); entries with no
    /// address country are kept.
    country: Option<String>,
    /// Comma-separated list codes to screen, e.g. `EL,SDN` (default: all).
    lists: Option<String>,
    /// Minimum score in [0, 1] (default 0.80).
    threshold: Option<f64>,
    /// Also return the best few entries below the threshold.
    include_below: Option<bool>,
    /// `YYYY-MM-DD` for each list's effect and the listing dates; default today (UTC).
    date: Option<String>,
}

/// The shape of every date the API takes, as the OpenAPI document's pattern: what
/// [`earl_engine::parse_date`] enforces for every front end.
pub(crate) const DATE_PATTERN: &str = r"^\d{4}-\d{2}-\d{2}$";

fn name_field(what: &str, value: &str) -> Result<(), ApiError> {
    if value.trim().is_empty() {
        return Err(ApiError::invalid_input(format!("`{what}` is empty")));
    }
    if value.chars().count() > MAX_NAME_CHARS {
        return Err(ApiError::invalid_input(format!(
            "`{what}` is longer than {MAX_NAME_CHARS} characters"
        )));
    }
    Ok(())
}

fn threshold_field(threshold: Option<f64>) -> Result<Option<f64>, ApiError> {
    match threshold {
        Some(t) if !(0.0..=1.0).contains(&t) => Err(ApiError::invalid_input(format!(
            "`threshold` must be between 0 and 1, got {t}"
        ))),
        t => Ok(t),
    }
}

/// Liveness: answers as soon as the server accepts connections (no token needed).
#[utoipa::path(get, path = "/healthz", tag = "service",
    responses((status = 200, description = "The server is up", body = Health)))]
pub async fn healthz() -> Json<Health> {
    Json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
    })
}

/// `GET /healthz`.
#[derive(Serialize, ToSchema)]
pub struct Health {
    #[schema(example = "ok")]
    status: &'static str,
    version: &'static str,
}

/// Classify a chip under ECCN 3A090 on a date, with the cited steps (as `earl classify --json`).
#[utoipa::path(post, path = "/v1/classify", tag = "determinations",
    request_body = ClassifyQuestion,
    params(
        ("lang" = Option<String>, Query, description = "The language of the `text` fields: en, ar or zh (zh-Hans); default: Accept-Language, else English. Field names, ids, enum values and citations do not change."),
        ("Accept-Language" = Option<String>, Header, description = "Used when `lang` is not given: the most preferred of en, ar and zh."),
    ),
    responses(
        (status = 200, description = "The classification, with `eccn`, `paragraph`, `because` steps", body = earl_engine::ClassifyAnswer),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 422, description = "Unknown field, chip or scenario, or a bad date or figure", body = ErrorBody),
    ))]
pub async fn classify(
    State(state): State<AppState>,
    AskedLang(lang): AskedLang,
    ApiJson(question): ApiJson<ClassifyQuestion>,
) -> Result<Response, ApiError> {
    let item = questions::item(question.figures())?;
    let date = questions::date_or_today(question.date.as_deref())?;
    let answer = earl_render::explained(state.engine.classify(
        &item,
        date,
        question.scenario.as_deref(),
    )?);
    let json = state.record_json(&Recorded::new(question), &answer).await?;
    Ok(json_bytes(in_language(json, answer, lang)?))
}

/// Does a shipment need a licence, and on what terms (as `earl check --json`)?
#[utoipa::path(post, path = "/v1/check", tag = "determinations",
    request_body = CheckQuestion,
    params(
        ("lang" = Option<String>, Query, description = "The language of the `text` fields: en, ar or zh (zh-Hans); default: Accept-Language, else English. Field names, ids, enum values and citations do not change."),
        ("Accept-Language" = Option<String>, Header, description = "Used when `lang` is not given: the most preferred of en, ar and zh."),
    ),
    responses(
        (status = 200, description = "The determination: `license_required`, `license_exception`, `review_policy`, `conditions`, `charges`, `end_user_matches`, `because`, `not_checked`", body = earl_engine::CheckAnswer),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 422, description = "Unknown field, chip, country or scenario, or a bad date", body = ErrorBody),
    ))]
pub async fn check(
    State(state): State<AppState>,
    AskedLang(lang): AskedLang,
    ApiJson(question): ApiJson<CheckQuestion>,
) -> Result<Response, ApiError> {
    let request = questions::check_request(&question, question.scenario.clone())?;
    let answer = earl_render::explained(state.engine.check(&request)?);
    let json = state.record_json(&Recorded::new(question), &answer).await?;
    Ok(json_bytes(in_language(json, answer, lang)?))
}

/// Screen a party name against the US restricted-party lists, each match explained (as `earl screen --json`).
#[utoipa::path(get, path = "/v1/screen", tag = "determinations",
    params(ScreenParams),
    responses(
        (status = 200, description = "Matches best first, each with `explain`, and the lists' provenance", body = earl_engine::ScreenAnswer),
        (status = 422, description = "Missing `q`, unknown parameter, list code or country, or a threshold outside [0, 1]", body = ErrorBody),
    ))]
pub async fn screen(
    State(state): State<AppState>,
    ApiQuery(params): ApiQuery<ScreenParams>,
) -> Result<Response, ApiError> {
    name_field("q", &params.q)?;
    // The contract says a country filter is not blank; leaving it out screens every country.
    if params
        .country
        .as_deref()
        .is_some_and(|c| c.trim().is_empty())
    {
        return Err(ApiError::invalid_input(
            "`country` is empty: name a country, or leave the parameter out to keep every country",
        ));
    }
    let request = earl_engine::ScreenRequest {
        name: params.q.clone(),
        country: params.country.clone(),
        lists: params.lists.as_deref().map(|codes| {
            codes
                .split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_string)
                .collect()
        }),
        threshold: threshold_field(params.threshold)?,
        include_below: params.include_below.unwrap_or(false),
        date: questions::date_or_today(params.date.as_deref())?,
    };
    let engine = &state.engine;
    let key = ScreenKey::new(
        &request,
        earl_engine::today(),
        &engine.screening()?.provenance.sha256,
    );
    let reviews = engine.reviews();
    let date = request.date;
    let answer = match state.screen_answers.get(&key, &reviews) {
        Some(answer) => answer,
        None => {
            // Screening takes a while: off the async workers, so that other requests
            // (audit commits among them) go on meanwhile, and one per core at a time.
            let _permit = state
                .screen_answers
                .screening
                .acquire()
                .await
                .map_err(|e| ApiError::internal(format!("screening is closed: {e}")))?;
            let engine = Arc::clone(engine);
            let answer = tokio::task::spawn_blocking(move || {
                engine
                    .screen(&request)
                    .and_then(|answer| engine.share(&answer))
            })
            .await
            .map_err(|e| ApiError::internal(format!("the screening task failed: {e}")))??;
            state.screen_answers.put(
                key,
                Screened {
                    reviews,
                    answer: answer.clone(),
                },
            );
            answer
        }
    };
    let record = engine.record_shared(Source::Api, &params, &answer, date)?;
    let body = Bytes::copy_from_slice(record.outputs_json().as_bytes());
    if let Some(recorder) = &state.recorder {
        recorder.commit(record).await?;
    }
    Ok(json_bytes(body))
}

/// Compare two names the way screening does, and explain the score (as `earl match --json`).
#[utoipa::path(post, path = "/v1/match", tag = "determinations",
    request_body = MatchQuestion,
    responses(
        (status = 200, description = "`score`, `match`, `threshold` and the `explain` of the token pairs", body = earl_screen::PairScore),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 422, description = "A missing or empty name, unknown field, or a threshold outside [0, 1]", body = ErrorBody),
    ))]
pub async fn pair(
    State(state): State<AppState>,
    ApiJson(question): ApiJson<MatchQuestion>,
) -> Result<Response, ApiError> {
    let (Some(a), Some(b)) = (question.a.as_deref(), question.b.as_deref()) else {
        return Err(ApiError::invalid_input("give two names, `a` and `b`"));
    };
    name_field("a", a)?;
    name_field("b", b)?;
    let answer = state
        .engine
        .pair(a, b, threshold_field(question.threshold)?)?;
    let json = state.record_json(&Recorded::new(question), &answer).await?;
    Ok(json_bytes(json))
}

/// The chip catalog with computed TPP, PD and the datacenter flag (as `earl chips --json`).
#[utoipa::path(get, path = "/v1/chips", tag = "reference",
    responses((status = 200, description = "The catalog: each chip with its computed metrics and its figures as sourced", body = ChipsAnswer)))]
pub async fn chips(State(state): State<AppState>) -> Response {
    (
        [(CONTENT_TYPE, "application/json")],
        state.chips_json.clone(),
    )
        .into_response()
}

/// `GET /v1/chips`, as `earl chips --json`.
#[derive(Serialize, ToSchema)]
pub struct ChipsAnswer<'a> {
    #[schema(example = "2026-07-23")]
    as_of: &'a str,
    source_document: &'a str,
    chips: Vec<earl_engine::ChipRow<'a>>,
    /// Source key → citation.
    sources: &'a BTreeMap<String, String>,
}

/// Serializes the catalog for `GET /v1/chips`, in the shape of `earl chips --json`.
pub fn chips_json(engine: &Engine) -> Bytes {
    let rows = engine.chip_rows();
    let catalog = &engine.data.catalog;
    let body = ChipsAnswer {
        as_of: catalog.meta.as_of.as_str(),
        source_document: &catalog.meta.source_document,
        chips: rows,
        sources: &catalog.sources,
    };
    Bytes::from(serde_json::to_vec(&body).unwrap_or_else(|_| b"{}".to_vec()))
}

/// `GET /v1/lists`: the screening lists in use and how old they are.
#[derive(Serialize, ToSchema)]
pub struct ListsAnswer {
    #[schema(value_type = Object)]
    provenance: earl_screen::Provenance,
    /// Days from the lists' generation date to today (UTC); null when the file carries no date.
    age_days: Option<i32>,
    /// Set when the lists are older than 7 days, or their age is unknown.
    staleness_warning: Option<String>,
    /// The lists that lost entries against the bundled snapshot (a list missing, or cut
    /// short): a party listed only there is not found.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    list_warnings: Vec<String>,
    /// BIS documents published after the rules' `as_of` that may change answers (from `earl
    /// update`).
    #[schema(value_type = Vec<Object>)]
    newer_documents: Vec<earl_core::step::DocumentRef>,
}

/// The screening lists in use: provenance, age, staleness, and the BIS documents newer than the rules.
#[utoipa::path(get, path = "/v1/lists", tag = "reference",
    responses(
        (status = 200, description = "The lists in use and their age", body = ListsAnswer),
        (status = 422, description = "The lists in use cannot be read", body = ErrorBody),
    ))]
pub async fn lists(State(state): State<AppState>) -> Result<Json<ListsAnswer>, ApiError> {
    let provenance = state.engine.list_provenance()?;
    let today = earl_engine::today();
    Ok(Json(ListsAnswer {
        age_days: provenance
            .generated
            .and_then(|g| g.until(today).ok())
            .map(|span| span.get_days()),
        staleness_warning: earl_screen::staleness_warning(
            &provenance,
            today,
            earl_screen::DEFAULT_MAX_AGE_DAYS,
        ),
        newer_documents: state.engine.newer_documents().to_vec(),
        list_warnings: state
            .engine
            .lists_against_bundled()?
            .iter()
            .map(ToString::to_string)
            .collect(),
        provenance,
    }))
}
