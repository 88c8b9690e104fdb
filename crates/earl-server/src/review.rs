//! Hit review over HTTP: `POST /v1/review` records a reviewer's disposition (as `earl review
//! add --json`), `GET /v1/review/queue` lists the recorded hits no disposition covers (as `earl
//! review queue --json`). Recording a disposition changes what later answers say, so it is
//! refused unless the server requires a bearer token (a server on loopback without one answers
//! anyone on the machine) and keeps an audit trail.

use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::routes::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use earl_engine::audit::Source;
use earl_engine::questions;
use earl_engine::reexamine::ReviewQueue;
use earl_engine::review::DispositionView;
use earl_question::ReviewQuestion;
use earl_store::AuditStore;
use std::sync::Arc;

fn trail(state: &AppState) -> Result<Arc<AuditStore>, ApiError> {
    state
        .recorder
        .as_ref()
        .map(|r| Arc::clone(r.store()))
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::CONFLICT,
                "audit_off",
                "dispositions are kept in the audit trail, which this server does not keep (--no-audit)",
            )
        })
}

/// Runs blocking trail work off the runtime's threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, earl_engine::EngineError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| ApiError::internal(format!("the review task failed: {e}")))?
        .map_err(ApiError::from)
}

/// Record a reviewer's decision about one list match (as `earl review add --json`): a
/// `false-positive` sets the match aside in later answers while the entry stays as reviewed
/// and the disposition unexpired.
#[utoipa::path(post, path = "/v1/review", tag = "review",
    request_body = ReviewQuestion,
    responses(
        (status = 200, description = "The disposition recorded, with its id", body = DispositionView),
        (status = 403, description = "The server requires no bearer token: start it with one to record dispositions", body = ErrorBody),
        (status = 409, description = "The server keeps no audit trail", body = ErrorBody),
        (status = 422, description = "An entry not in the lists in use, an expiry in the past, a blank party, reviewer or reason, or an `evidence` file (give it on the command line)", body = ErrorBody),
    ))]
pub async fn add(
    State(state): State<AppState>,
    ApiJson(question): ApiJson<ReviewQuestion>,
) -> Result<Json<DispositionView>, ApiError> {
    if !state.token_required {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "token_required",
            "recording a disposition needs a server that requires a bearer token (earl serve --token-file)",
        ));
    }
    if question.evidence.is_some() {
        return Err(ApiError::invalid_input(
            "`evidence` names a file the server does not read: record it with `earl review add --evidence FILE`",
        ));
    }
    let store = trail(&state)?;
    let engine = Arc::clone(&state.engine);
    let mut added = blocking(move || {
        let disposition = engine.disposition(&questions::review_add(&question, None)?, None)?;
        engine.record_dispositions(&store, Source::Api, vec![disposition])
    })
    .await?;
    Ok(Json(added.remove(0)))
}

/// The recorded hits no disposition covers, oldest first, with counts per list (as `earl
/// review queue --json`).
#[utoipa::path(get, path = "/v1/review/queue", tag = "review",
    responses(
        (status = 200, description = "The hits awaiting review", body = ReviewQueue),
        (status = 409, description = "The server keeps no audit trail", body = ErrorBody),
    ))]
pub async fn queue(State(state): State<AppState>) -> Result<Json<ReviewQueue>, ApiError> {
    let store = trail(&state)?;
    let engine = Arc::clone(&state.engine);
    Ok(Json(blocking(move || engine.review_queue(&store)).await?))
}
