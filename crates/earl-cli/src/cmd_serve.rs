//! `earl serve`: the HTTP API and web page (see `earl_server`).

use crate::app::{App, Failure};
use clap::Args;
use earl_data::Dataset;
use earl_server::{ServeError, ServeOptions, Token};
use earl_store::AuditStore;
use std::path::PathBuf;
use std::sync::Arc;

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
}

pub fn run(app: &App, a: &ServeArgs) -> Result<(), Failure> {
    let token = token(a)?;
    if token.as_ref().is_some_and(|t| t.len_bytes() < SHORT_TOKEN) {
        eprintln!(
            "earl: warning: the token is shorter than {SHORT_TOKEN} characters and can be guessed"
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
        },
    )
    .map_err(|e| match e {
        ServeError::Io(_) => Failure::internal(e.to_string()),
        _ => Failure::input(e.to_string()),
    })
}

/// The token from `--token-file`, else from `EARL_TOKEN`, else none.
fn token(a: &ServeArgs) -> Result<Option<Token>, Failure> {
    if let Some(path) = &a.token_file {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Failure::input(format!(
                "{}: cannot read the token file: {e}",
                path.display()
            ))
        })?;
        return Token::new(&text)
            .map(Some)
            .ok_or_else(|| Failure::input(format!("{}: the token file is empty", path.display())));
    }
    match std::env::var("EARL_TOKEN") {
        Ok(text) => Token::new(&text)
            .map(Some)
            .ok_or_else(|| Failure::input("EARL_TOKEN is set but empty")),
        Err(_) => Ok(None),
    }
}
