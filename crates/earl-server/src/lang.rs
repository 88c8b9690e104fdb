//! The language of an answer's sentences: `?lang=` (en, ar, zh…), else the `Accept-Language`
//! header, else English. JSON field names, ids, enum values and citations do not change; the
//! audit trail keeps the English answer.

use crate::error::ApiError;
use axum::body::Bytes;
use axum::extract::FromRequestParts;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::request::Parts;
use axum::http::{HeaderValue, Uri};
use earl_render::{Explain, Lang};
use serde::Deserialize;

/// The language asked for.
pub struct AskedLang(pub Lang);

#[derive(Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

impl<S: Send + Sync> FromRequestParts<S> for AskedLang {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        asked(&parts.uri, parts.headers.get(ACCEPT_LANGUAGE)).map(AskedLang)
    }
}

/// The language a request asks for: `?lang=` (refused when earl does not speak it), else the
/// `Accept-Language` header, else English.
pub fn asked(uri: &Uri, accept_language: Option<&HeaderValue>) -> Result<Lang, ApiError> {
    // Other parameters are the route's own to accept or refuse.
    let asked = axum::extract::Query::<LangQuery>::try_from_uri(uri)
        .ok()
        .and_then(|q| q.0.lang);
    if let Some(asked) = asked {
        return asked
            .parse()
            .map_err(|e| ApiError::invalid_input(format!("lang: {e}")));
    }
    let header = accept_language.and_then(|v| v.to_str().ok());
    Ok(header
        .and_then(Lang::from_accept_language)
        .unwrap_or_default())
}

/// The recorded (English) JSON, or the same answer with its sentences in `lang`.
pub fn in_language<T: Explain + serde::Serialize>(
    recorded: Bytes,
    answer: T,
    lang: Lang,
) -> Result<Bytes, ApiError> {
    if lang == Lang::En {
        return Ok(recorded);
    }
    // Through a `Value`, so its keys are sorted as the recorded JSON's are.
    serde_json::to_value(earl_render::explained_in(answer, lang))
        .and_then(|v| serde_json::to_vec(&v))
        .map(Bytes::from)
        .map_err(|e| ApiError::internal(format!("cannot serialize the answer: {e}")))
}
