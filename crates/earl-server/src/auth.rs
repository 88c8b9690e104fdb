//! Who may call the API.
//!
//! With a token (required on a non-loopback address), every `/v1/` request must carry
//! `Authorization: Bearer <token>`. The token is compared in constant time ([`subtle`]): a
//! comparison that stops at the first differing byte lets a client on the network learn the
//! token a byte at a time from response times. Only its length can leak.
//!
//! Without a token the server listens on loopback only, where any local program may call it.
//! A web page on another site can still reach `127.0.0.1` through the user's browser; two
//! checks keep it out: JSON bodies must be sent as `application/json`, which a cross-site
//! page cannot do without a CORS preflight this server never grants, and the `Host` header
//! must be a loopback name, which defeats DNS rebinding (a hostile name re-pointed at
//! 127.0.0.1 after the page loaded).

use crate::error::ApiError;
use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, HOST, WWW_AUTHENTICATE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use subtle::ConstantTimeEq;

/// The secret every `/v1/` request must present as `Authorization: Bearer <token>`.
#[derive(Clone)]
pub struct Token(Arc<[u8]>);

impl Token {
    /// A token from its text, trimmed (a token file usually ends in a newline); `None` if empty.
    pub fn new(text: &str) -> Option<Token> {
        let text = text.trim();
        (!text.is_empty()).then(|| Token(Arc::from(text.as_bytes())))
    }

    /// Length in bytes, to warn about short tokens.
    pub fn len_bytes(&self) -> usize {
        self.0.len()
    }

    fn matches(&self, presented: &[u8]) -> bool {
        self.0.as_ref().ct_eq(presented).into()
    }
}

/// Middleware: applies the rules above to `/v1/` requests; the page and `/healthz` are open.
pub async fn guard(State(token): State<Option<Token>>, request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/v1/") {
        return next.run(request).await;
    }
    match &token {
        Some(token) => {
            let presented = request
                .headers()
                .get(AUTHORIZATION)
                .and_then(|v| v.as_bytes().strip_prefix(b"Bearer "))
                .map(<[u8]>::trim_ascii);
            match presented {
                Some(presented) if token.matches(presented) => next.run(request).await,
                Some(_) => unauthorized("the bearer token is not valid"),
                None => unauthorized("this server requires `Authorization: Bearer <token>` on every /v1/ request"),
            }
        }
        None => match request.headers().get(HOST) {
            Some(host) if !is_loopback_host(host) => ApiError::new(
                StatusCode::MISDIRECTED_REQUEST,
                "misdirected_request",
                "this server has no token, so it answers only requests addressed to localhost, 127.0.0.1 or [::1]",
            )
            .into_response(),
            _ => next.run(request).await,
        },
    }
}

/// `localhost`, `127.x.y.z` or `[::1]`, with or without a port.
fn is_loopback_host(host: &HeaderValue) -> bool {
    let Ok(host) = host.to_str() else {
        return false;
    };
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(name, _port)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn unauthorized(message: &str) -> Response {
    let mut response =
        ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", message).into_response();
    response
        .headers_mut()
        .insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts_are_recognised_with_and_without_ports() {
        for host in [
            "localhost",
            "LOCALHOST:8080",
            "127.0.0.1",
            "127.0.0.1:43210",
            "127.9.9.9:1",
            "[::1]",
            "[::1]:8080",
        ] {
            assert!(is_loopback_host(&HeaderValue::from_static(host)), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:8080",
            "10.0.0.1:80",
            "[::2]:80",
            "localhost.evil.example",
        ] {
            assert!(!is_loopback_host(&HeaderValue::from_static(host)), "{host}");
        }
    }

    #[test]
    fn tokens_match_exactly() {
        let token = Token::new(" s3cret-token\n").unwrap();
        assert!(token.matches(b"s3cret-token"));
        assert!(!token.matches(b"s3cret-toke"));
        assert!(!token.matches(b"s3cret-tokenX"));
        assert!(Token::new("  \n").is_none());
    }
}
