//! `earl serve`: the engine over HTTP, and a web page that uses it.
//!
//! # Shape
//!
//! [`router`] builds the whole application (API, page, OpenAPI document, middleware) around one
//! shared [`Engine`]; [`run`] binds it, warms the screening index, serves until SIGINT or
//! SIGTERM, then drains in-flight requests and flushes the audit trail. Tests drive [`router`]
//! in-process.
//!
//! # Guarantees
//!
//! - Every answer is JSON, errors included: `{"error": {"code", "message"}}` ([`ErrorBody`]).
//!   Malformed JSON is a 400; a body that is JSON but wrong (unknown field, wrong type,
//!   unknown chip or country, bad date) is a 422 whose message names the field.
//! - Bodies over [`BODY_LIMIT`] get 413 and requests over [`REQUEST_TIMEOUT`] get 408. A panic
//!   in a handler becomes a 500 for that request only (a backstop: inputs are validated first).
//! - Every determination (classify, check, screen, match, diff and its SVG) is in the audit
//!   trail before its answer is sent.
//! - On a non-loopback address the server will not start without a token (see [`auth`]).

mod assets;
mod audit;
pub mod auth;
mod contract;
mod error;
mod explore;
mod extract;
mod lang;
pub mod net;
mod review;
mod routes;
mod screen_cache;

pub use audit::Recorder;
pub use auth::Token;
pub use error::{ApiError, ErrorBody, ErrorDetail};
pub use net::Limits;

use axum::Router;
use axum::body::Bytes;
use axum::error_handling::HandleErrorLayer;
use axum::extract::Request;
use axum::http::header::{ACCEPT_LANGUAGE, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use earl_engine::Engine;
use earl_store::AuditStore;
use routes::AppState;
use std::any::Any;
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;
use tower::ServiceBuilder;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower::load_shed::LoadShedLayer;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use utoipa::OpenApi;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The allocator of the binary that links this crate (see the `mimalloc` feature).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Largest request body accepted: every request earl understands fits in a few hundred bytes.
pub const BODY_LIMIT: usize = 64 * 1024;
/// Longest a request may take; the slowest determination takes milliseconds.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// The parts of the OpenAPI document not derived from the handlers.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "earl",
        description = "US export rules for AI chips, as code: classify, check, screen and explore. \
                       Every answer is as of a date and cites its steps. Not legal advice.",
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "determinations", description = "Answers that are recorded in the audit trail"),
        (name = "reference", description = "What earl knows: chips and scenarios"),
        (name = "review", description = "Reviewers' dispositions of list matches, recorded in the audit trail"),
        (name = "service", description = "Liveness and this document"),
    )
)]
struct ApiDoc;

/// Declares the bearer scheme and applies it to every operation, as the server does on a
/// non-loopback address.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
        openapi.security = Some(vec![utoipa::openapi::security::SecurityRequirement::new(
            "bearer",
            Vec::<String>::new(),
        )]);
    }
}

/// The routes and their OpenAPI description, from the same declarations. Every operation but
/// `/healthz` counts towards `max_requests` (see [`Limits`]); beyond it, requests are shed
/// with 503 at once (tower's `load_shed` over a global `concurrency_limit`).
fn api(max_requests: usize) -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(routes::classify))
        .routes(routes!(routes::check))
        .routes(routes!(routes::screen))
        .routes(routes!(routes::pair))
        .routes(routes!(routes::chips))
        .routes(routes!(routes::lists))
        .routes(routes!(explore::diff))
        .routes(routes!(explore::diff_svg))
        .routes(routes!(explore::scenarios))
        .routes(routes!(explore::timeline))
        .routes(routes!(explore::timeline_svg))
        .routes(routes!(review::add))
        .routes(routes!(review::queue))
        .layer(
            ServiceBuilder::new()
                .layer(HandleErrorLayer::new(|_: tower::BoxError| async {
                    net::overloaded("requests")
                }))
                .layer(LoadShedLayer::new())
                .layer(GlobalConcurrencyLimitLayer::new(max_requests)),
        )
        // Outside the request cap: liveness answers however busy the server is.
        .routes(routes!(routes::healthz))
}

/// The OpenAPI 3.1 document of the API as generated from the handlers' declarations.
pub fn openapi() -> utoipa::openapi::OpenApi {
    api(1).into_openapi()
}

/// The OpenAPI 3.1 document the server serves at `/v1/openapi.json`: [`openapi`] with every
/// status each operation can return and the constraints the server enforces on requests.
pub fn openapi_json() -> serde_json::Value {
    contract::complete(serde_json::to_value(openapi()).unwrap_or_default())
}

/// Builds the application around `engine` with the default [`Limits`]. `recorder` is `None`
/// with the audit trail off; with a `token`, every `/v1/` request must present it.
pub fn router(
    engine: Arc<Engine>,
    recorder: Option<Arc<Recorder>>,
    token: Option<Token>,
) -> Router {
    router_with(engine, recorder, token, &Limits::default())
}

/// [`router`] with the request cap of `limits`.
pub fn router_with(
    engine: Arc<Engine>,
    recorder: Option<Arc<Recorder>>,
    token: Option<Token>,
    limits: &Limits,
) -> Router {
    let state = AppState {
        chips_json: routes::chips_json(&engine),
        scenarios_json: explore::scenarios_json(&engine),
        engine,
        recorder,
        token_required: token.is_some(),
        screen_answers: Default::default(),
    };
    let (api, openapi) = api(limits.max_requests).with_state(state).split_for_parts();
    let openapi_json = Bytes::from(
        contract::complete(serde_json::to_value(&openapi).unwrap_or_default()).to_string(),
    );
    api.route(
        "/v1/openapi.json",
        get(move || async move { ([(CONTENT_TYPE, "application/json")], openapi_json.clone()) }),
    )
    .merge(assets::routes())
    .fallback(|| async { ApiError::from_status(StatusCode::NOT_FOUND) })
    .layer(
        ServiceBuilder::new()
            .layer(middleware::from_fn(json_errors))
            .layer(CatchPanicLayer::custom(panic_response))
            .layer(TimeoutLayer::with_status_code(
                StatusCode::REQUEST_TIMEOUT,
                REQUEST_TIMEOUT,
            ))
            .layer(middleware::from_fn_with_state(token, auth::guard))
            .layer(RequestBodyLimitLayer::new(BODY_LIMIT)),
    )
}

/// Gives the errors that layers and axum answer with bare statuses (405, 408, 413) the API's
/// JSON error shape, words error messages in the language asked where earl can, and stops
/// browsers from guessing content types.
async fn json_errors(request: Request, next: Next) -> Response {
    // What says the language, kept to read only for an error earl can word (not on every
    // answer): a `?lang=` earl does not speak is the route's to refuse, its errors English.
    let uri = request.uri().clone();
    let accept_language = request.headers().get(ACCEPT_LANGUAGE).cloned();
    let mut response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if (status.is_client_error() || status.is_server_error()) && !is_json {
        let headers = std::mem::take(response.headers_mut());
        response = ApiError::from_status(status).into_response();
        // Keep what tells the client how to retry (`Allow` on a 405, ...), not the old body's type.
        for (name, value) in headers
            .iter()
            .filter(|(name, _)| !name.as_str().starts_with("content-"))
        {
            response.headers_mut().insert(name, value.clone());
        }
    }
    let mut response = error::in_language(response, || {
        lang::asked(&uri, accept_language.as_ref()).unwrap_or_default()
    });
    response
        .headers_mut()
        .insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into());
    eprintln!("earl serve: a request panicked: {what}");
    ApiError::internal("earl failed on this request (a bug: please report it with the request)")
        .into_response()
}

/// Why the server did not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot use the address `{addr}`: {reason}")]
    BadAddress { addr: String, reason: String },
    #[error(
        "refusing to listen on {addr}, which is not a loopback address, without a token: set EARL_TOKEN or pass --token-file FILE (or listen on 127.0.0.1)"
    )]
    TokenRequired { addr: SocketAddr },
    #[error("the screening lists could not be loaded: {0}")]
    Lists(String),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("the server failed: {0}")]
    Io(#[from] std::io::Error),
}

/// How to run the server.
pub struct ServeOptions {
    /// `host:port`; a name must resolve to loopback addresses only unless a token is set.
    pub addr: String,
    pub token: Option<Token>,
    /// The audit trail, or `None` with `--no-audit`.
    pub audit: Option<Arc<AuditStore>>,
    /// Caps and timeouts on connections and requests.
    pub limits: Limits,
}

/// Resolves `addr` and refuses a non-loopback one without a token.
pub fn resolve_address(addr: &str, token: Option<&Token>) -> Result<SocketAddr, ServeError> {
    let bad = |reason: String| ServeError::BadAddress {
        addr: addr.to_string(),
        reason,
    };
    let resolved: Vec<SocketAddr> = addr
        .to_socket_addrs()
        .map_err(|e| bad(format!("{e} (expected HOST:PORT, e.g. 127.0.0.1:8080)")))?
        .collect();
    let first = *resolved
        .first()
        .ok_or_else(|| bad("it resolves to no address".into()))?;
    if let (None, Some(public)) = (token, resolved.iter().find(|a| !a.ip().is_loopback())) {
        return Err(ServeError::TokenRequired { addr: *public });
    }
    Ok(first)
}

/// Serves until SIGINT or SIGTERM, then lets in-flight requests finish for at most
/// [`Limits::drain_timeout`], closes what is left and flushes the audit trail before
/// returning. Blocks the calling thread.
pub fn run(engine: Engine, options: ServeOptions) -> Result<(), ServeError> {
    let addr = resolve_address(&options.addr, options.token.as_ref())?;
    // Build the screening index now, so the first screen or checked end user is not slow.
    engine
        .screening()
        .map_err(|e| ServeError::Lists(e.to_string()))?;
    let recorder = options
        .audit
        .as_ref()
        .map(|store| Arc::new(Recorder::new(Arc::clone(store))));
    let limits = options.limits;
    let max_connections = limits.connections();
    let app = router_with(
        Arc::new(engine),
        recorder.clone(),
        options.token.clone(),
        &limits,
    );

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServeError::Bind { addr, source })?;
        let local = listener.local_addr()?;
        let audit = match &options.audit {
            Some(store) => format!("audit trail {}", store.path().display()),
            None => "audit trail off".into(),
        };
        let auth = if options.token.is_some() {
            "bearer token required on /v1/"
        } else {
            "no token (loopback only)"
        };
        // Scripts read this line to learn the port when started with port 0.
        println!("earl: listening on http://{local}/ ({audit}; {auth})");
        eprintln!(
            "earl: at most {max_connections} connections and {} requests at once; header timeout {} s, idle timeout {} s, drain {} s",
            limits.max_requests,
            limits.header_timeout.as_secs_f64(),
            limits.idle_timeout.as_secs_f64(),
            limits.drain_timeout.as_secs_f64(),
        );
        net::serve(listener, app, &limits, max_connections, shutdown_signal()).await;
        Ok::<(), ServeError>(())
    })?;
    // Every connection has ended (those left after the drain were dropped with requests that
    // were not answered), and with them the router's references to the recorder. A blocking
    // explore task still running is not waited for beyond a second.
    runtime.shutdown_timeout(Duration::from_secs(1));
    if let Some(recorder) = recorder {
        match Arc::try_unwrap(recorder) {
            // Dropping the recorder's appender waits until its queued records are committed.
            Ok(recorder) => drop(recorder),
            Err(recorder) => eprintln!(
                "earl: a request still holds the audit trail; its records are committed when it ends ({} holders)",
                Arc::strong_count(&recorder)
            ),
        }
    }
    eprintln!("earl: stopped");
    Ok(())
}

/// Completes on the first SIGINT (Ctrl-C) or SIGTERM.
async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
    eprintln!("earl: shutting down: no new connections; finishing requests in flight");
}
