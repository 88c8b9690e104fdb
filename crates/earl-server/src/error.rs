//! Every failure the API reports has one shape: `{"error": {"code": "...", "message": "..."}}`,
//! with a stable machine-readable `code` and a `message` for a person that says what was wrong:
//! in English, or in the language asked (`?lang=`, `Accept-Language`) where earl can say it
//! (bad input of a kind the renderer knows, the bare statuses); the `code` never changes.

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
    /// What the message says as a fact the renderer can word in another language (boxed:
    /// every handler returns this type, and most errors have none).
    pub said: Option<Box<Said>>,
}

/// An error's message as a fact, carried on the response (an extension) for the layer that
/// knows the language asked to word it (`in_language`).
#[derive(Debug, Clone)]
pub enum Said {
    Input(earl_engine::InputError),
    /// One of [`ApiError::from_status`]'s fixed messages.
    Status(StatusCode),
}

impl Said {
    /// The message in `lang`.
    pub fn in_language(&self, lang: earl_render::Lang) -> String {
        match self {
            Said::Input(e) => earl_render::errors::input(e, lang),
            Said::Status(status) => earl_render::errors::api_status(status.as_u16(), lang),
        }
    }
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            said: None,
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
        let code = match status {
            StatusCode::NOT_FOUND => "not_found",
            StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
            StatusCode::REQUEST_TIMEOUT => "timeout",
            StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
            StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
            StatusCode::UNAUTHORIZED => "unauthorized",
            s if s.is_client_error() => "bad_request",
            _ => "internal",
        };
        let said = Said::Status(status);
        ApiError {
            status,
            code,
            message: said.in_language(earl_render::Lang::En),
            said: Some(Box::new(said)),
        }
    }
}

impl From<EngineError> for ApiError {
    fn from(e: EngineError) -> ApiError {
        match e {
            EngineError::BadInput(message) => ApiError::invalid_input(message),
            EngineError::Input(e) => ApiError {
                said: Some(Box::new(Said::Input(e.clone()))),
                ..ApiError::invalid_input(e.to_string())
            },
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
        let mut response = (self.status, Json(body)).into_response();
        if let Some(said) = self.said {
            response.extensions_mut().insert(Wordable {
                code: self.code,
                said: *said,
            });
        }
        response
    }
}

/// An error response's code and message as a fact, for [`in_language`].
#[derive(Debug, Clone)]
struct Wordable {
    code: &'static str,
    said: Said,
}

/// `response` with its error message worded in the language `asked` gives, when it is an
/// error whose message earl can say in that language (the English one is the message as
/// built). `asked` is read only for such an error.
pub fn in_language(response: Response, asked: impl FnOnce() -> earl_render::Lang) -> Response {
    let Some(Wordable { code, said }) = response.extensions().get::<Wordable>().cloned() else {
        return response;
    };
    let lang = asked();
    if lang == earl_render::Lang::En {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    let body = ErrorBody {
        error: ErrorDetail {
            code,
            message: said.in_language(lang),
        },
    };
    let (reworded, body) = Json(body).into_response().into_parts();
    // The other headers stay (a 405's `Allow`); the body's own are the new body's.
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    for (name, value) in &reworded.headers {
        parts.headers.insert(name, value.clone());
    }
    Response::from_parts(parts, body)
}
