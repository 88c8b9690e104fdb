//! Every failure the API reports has one shape: `{"error": {"code": "...", "message": "..."}}`,
//! with a stable machine-readable `code` and a `message` for a person that says what was wrong.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use earl_engine::EngineError;
use serde::Serialize;
use utoipa::ToSchema;

/// The body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// What went wrong.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable code: `malformed_json`, `invalid_body`, `invalid_query`, `invalid_input`,
    /// `unsupported_media_type`, `payload_too_large`, `unauthorized`, `not_found`,
    /// `method_not_allowed`, `timeout`, `lists_unavailable`, `audit_failed`, `internal`.
    #[schema(example = "invalid_input")]
    pub code: &'static str,
    #[schema(example = "unknown chip `H300`")]
    pub message: String,
}

/// An error on its way to becoming a JSON response.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    /// The request was well-formed but asks about something earl does not know or accept
    /// (an unknown chip, country, list or scenario, a bad date or figure).
    pub fn invalid_input(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input", message)
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }

    /// The error a bare status (from a layer such as the timeout) stands for.
    pub fn from_status(status: StatusCode) -> ApiError {
        let (code, message) = match status {
            StatusCode::NOT_FOUND => ("not_found", "no such endpoint; see GET /v1/openapi.json"),
            StatusCode::METHOD_NOT_ALLOWED => (
                "method_not_allowed",
                "this endpoint does not accept that method",
            ),
            StatusCode::REQUEST_TIMEOUT => {
                ("timeout", "the request took too long and was abandoned")
            }
            StatusCode::PAYLOAD_TOO_LARGE => ("payload_too_large", "the request body is too large"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => (
                "unsupported_media_type",
                "send the body as application/json",
            ),
            StatusCode::UNAUTHORIZED => ("unauthorized", "a bearer token is required"),
            s if s.is_client_error() => ("bad_request", "the request was not accepted"),
            _ => (
                "internal",
                "the server failed to answer; the failure was logged",
            ),
        };
        ApiError::new(status, code, message)
    }
}

impl From<EngineError> for ApiError {
    fn from(e: EngineError) -> ApiError {
        match e {
            EngineError::BadInput(message) => ApiError::invalid_input(message),
            EngineError::Input(e) => ApiError::invalid_input(e.to_string()),
            EngineError::Lists(message) => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "lists_unavailable",
                format!("the screening lists could not be loaded: {message}"),
            ),
            EngineError::Data(e) => ApiError::internal(format!("earl's data is faulty: {e}")),
            EngineError::Record(e) => ApiError::internal(format!("cannot record the answer: {e}")),
            EngineError::Audit(e) => ApiError::internal(format!("audit trail: {e}")),
            EngineError::OwnershipGraph(e) => ApiError::internal(format!("ownership graph: {e}")),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code,
                message: self.message,
            },
        };
        (self.status, Json(body)).into_response()
    }
}
