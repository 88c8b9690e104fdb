//! `earl serve`: the HTTP API and web page (see `earl_server`).

use clap::Args;
use earl_data::Dataset;
use earl_front::app::{App, Failure};
use earl_render::Lang;
use earl_render::errors::Problem;
use earl_server::{Limits, ServeError, ServeOptions, Token};
use earl_store::AuditStore;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Tokens shorter than this are accepted with a warning: they can be guessed.
const SHORT_TOKEN: usize = 16;

#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on. Loopback by default; any other address needs a token.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT")]
    pub addr: String,
    /// Read the bearer token that every /v1/ request must present from this file (instead of
    /// the EARL_TOKEN environment variable, which is read otherwise).
    #[arg(long = "token-file", value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// Connections served at once; beyond it a few more get 503 (or /healthz) and the rest are
    /// closed. Default: the open-file limit (raised to its hard maximum) less 128.
    #[arg(long = "max-connections", value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: Option<u32>,
    /// Requests answered at once (every endpoint but /healthz, the page and the OpenAPI
    /// document); beyond it a request gets 503 with Retry-After.
    #[arg(long = "max-requests", value_name = "N", default_value_t = earl_server::net::DEFAULT_MAX_REQUESTS as u32, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_requests: u32,
    /// Seconds a client has to send a complete request head, from when the server starts
    /// waiting for it; then the connection is closed.
    #[arg(long = "header-timeout", value_name = "SECONDS", default_value = "10", value_parser = seconds)]
    pub header_timeout: Duration,
    /// Seconds a connection may stay open with no request in progress and no byte arriving.
    #[arg(long = "idle-timeout", value_name = "SECONDS", default_value = "5", value_parser = seconds)]
    pub idle_timeout: Duration,
    /// Seconds to let requests in flight finish on SIGTERM or Ctrl-C before closing the rest.
    #[arg(long = "drain-timeout", value_name = "SECONDS", default_value = "10", value_parser = seconds)]
    pub drain_timeout: Duration,
}

/// A positive number of seconds, e.g. `10` or `0.5`.
fn seconds(text: &str) -> Result<Duration, String> {
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a number of seconds"))?;
    if !(value.is_finite() && value > 0.0 && value <= 86_400.0) {
        return Err(format!(
            "`{text}`: give a number of seconds above 0 and at most 86400"
        ));
    }
    Ok(Duration::from_secs_f64(value))
}

pub fn run(app: &App, a: &ServeArgs, lang: Lang) -> Result<(), Failure> {
    let token = token(a)?;
    if token.as_ref().is_some_and(|t| t.len_bytes() < SHORT_TOKEN) {
        eprintln!(
            "earl: {}",
            earl_render::errors::short_token(SHORT_TOKEN, lang)
        );
    }
    // The server shares the engine between threads, so it owns one rather than borrowing the App's.
    let engine = app.new_engine(Dataset::load(&app.data_paths())?)?;
    let audit = if app.args.no_audit {
        None
    } else {
        let path = match &app.args.db {
            Some(p) => p.clone(),
            None => AuditStore::default_path()
                .ok_or_else(|| Failure::input("no data directory for the audit trail: set EARL_DB, pass --db FILE, or --no-audit"))?,
        };
        Some(Arc::new(AuditStore::open(&path)?))
    };
    earl_server::run(
        engine,
        ServeOptions {
            addr: a.addr.clone(),
            token,
            audit,
            limits: Limits {
                max_connections: a.max_connections.map(|n| n as usize),
                max_requests: a.max_requests as usize,
                header_timeout: a.header_timeout,
                idle_timeout: a.idle_timeout,
                drain_timeout: a.drain_timeout,
            },
        },
    )
    .map_err(|e| match e {
        ServeError::Io(_) => Failure::internal(e.to_string()),
        ServeError::TokenRequired { addr } => Failure::said(
            2,
            Problem::TokenRequired {
                addr: addr.to_string(),
            },
        ),
        ServeError::BadAddress { addr, reason } => {
            Failure::said(2, Problem::BadAddress { addr, reason })
        }
        _ => Failure::input(e.to_string()),
    })
}

/// The token from `--token-file`, else from `EARL_TOKEN`, else none.
fn token(a: &ServeArgs) -> Result<Option<Token>, Failure> {
    if let Some(path) = &a.token_file {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            Failure::said(
                2,
                Problem::TokenFileUnreadable {
                    file: file.clone(),
                    error: (&e).into(),
                },
            )
        })?;
        return Token::new(&text)
            .map(Some)
            .ok_or_else(|| Failure::said(2, Problem::TokenFileEmpty { file }));
    }
    match std::env::var("EARL_TOKEN") {
        Ok(text) => Token::new(&text)
            .map(Some)
            .ok_or_else(|| Failure::said(2, Problem::TokenVarEmpty)),
        Err(_) => Ok(None),
    }
}
