//! The audit record of an answer, built in one place for every front end (CLI, its batches,
//! the server, MCP, Python): what was asked, what earl answered, and the content hashes of the
//! rules and — whenever the answer consulted them — the screening lists.

use crate::explore::diff::DiffReport;
use crate::explore::impact::ImpactReport;
use crate::explore::timeline::TimelineReport;
use crate::{CheckAnswer, ClassifyAnswer, Engine, EngineError, ScreenAnswer};
use earl_screen::PairScore;
use earl_store::PreparedRecord;
use earl_store::body::{Body, Overlay};
use serde::Serialize;
use std::sync::Arc;

/// Who asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Cli,
    /// A row of `earl check --batch` or `earl screen --batch`.
    CliBatch,
    Api,
    Mcp,
    Python,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Cli => "cli",
            Source::CliBatch => "cli-batch",
            Source::Api => "api",
            Source::Mcp => "mcp",
            Source::Python => "python",
        }
    }
}

/// An answer earl records: its kind, and the screening lists it consulted.
pub trait Audited: Serialize {
    /// `check`, `classify`, `screen`, `match`, `diff`, `timeline`, `impact`, ...
    fn kind(&self) -> &'static str;
    /// SHA-256 of the screening lists, when the answer consulted them.
    fn lists_hash(&self) -> Option<&str>;
    /// How many of the answer's steps carry no sentence yet. An answer is recorded only once
    /// `earl_render` has explained it: a record is what a reader is shown, never bare ids.
    fn unexplained(&self) -> usize {
        0
    }
}

fn unexplained_steps(d: &earl_core::check::Determination) -> usize {
    [&d.because, &d.conditions, &d.notices, &d.not_checked]
        .into_iter()
        .flatten()
        .filter(|s| s.text.is_empty())
        .count()
}

/// Refuses an answer with a step that carries no sentence.
fn explained(answer: &impl Audited) -> Result<(), EngineError> {
    match answer.unexplained() {
        0 => Ok(()),
        n => Err(EngineError::Record(format!(
            "{n} of the {} answer's steps carry no sentence: explain it (earl_render) before recording",
            answer.kind()
        ))),
    }
}

impl Audited for CheckAnswer {
    fn kind(&self) -> &'static str {
        "check"
    }
    fn lists_hash(&self) -> Option<&str> {
        self.lists.as_ref().map(|p| p.sha256.as_str())
    }
    fn unexplained(&self) -> usize {
        unexplained_steps(&self.determination)
    }
}

impl Audited for ClassifyAnswer {
    fn kind(&self) -> &'static str {
        "classify"
    }
    fn lists_hash(&self) -> Option<&str> {
        None
    }
    fn unexplained(&self) -> usize {
        self.because.iter().filter(|s| s.text.is_empty()).count()
    }
}

impl Audited for ScreenAnswer {
    fn kind(&self) -> &'static str {
        "screen"
    }
    fn lists_hash(&self) -> Option<&str> {
        Some(&self.lists.sha256)
    }
}

/// A name comparison, with the lists whose token statistics weighed it.
#[derive(Debug, Clone, Serialize)]
pub struct MatchAnswer {
    #[serde(flatten)]
    pub score: PairScore,
    #[serde(skip)]
    pub lists_hash: String,
}

impl Audited for MatchAnswer {
    fn kind(&self) -> &'static str {
        "match"
    }
    fn lists_hash(&self) -> Option<&str> {
        Some(&self.lists_hash)
    }
}

macro_rules! no_lists {
    ($($t:ty => $kind:literal),*) => {$(
        impl Audited for $t {
            fn kind(&self) -> &'static str {
                $kind
            }
            fn lists_hash(&self) -> Option<&str> {
                None
            }
        }
    )*};
}
no_lists!(DiffReport => "diff", TimelineReport => "timeline", ImpactReport => "impact",
    crate::owners::ImportAnswer => "owners-import");

/// An answer many batch rows share: serialised, hashed and compressed once.
#[derive(Debug, Clone)]
pub struct SharedAnswer {
    kind: &'static str,
    body: Arc<Body>,
    /// The answer's own members left out of the body (its query; the date is each row's).
    overlay: Overlay,
    lists_hash: Option<String>,
}

impl Engine {
    /// The audit record of `answer` to `inputs`, asked by `source`.
    pub fn record(
        &self,
        source: Source,
        inputs: &impl Serialize,
        answer: &impl Audited,
    ) -> Result<PreparedRecord, EngineError> {
        explained(answer)?;
        PreparedRecord::new(
            answer.kind(),
            source.as_str(),
            inputs,
            answer,
            self.data.content_hash.as_str(),
            answer.lists_hash().map(str::to_string),
            env!("CARGO_PKG_VERSION"),
        )
        .map_err(|e| EngineError::Record(e.to_string()))
    }

    /// Prepares an answer that many batch rows share (see [`Engine::record_shared`]). Its
    /// per-question members (the date) are left to each row.
    pub fn share(&self, answer: &impl Audited) -> Result<SharedAnswer, EngineError> {
        explained(answer)?;
        let text = earl_store::canonical::to_canonical_string(answer)
            .map_err(|e| EngineError::Record(e.to_string()))?;
        let (body, overlay) = earl_store::body::split(&text);
        Ok(SharedAnswer {
            kind: answer.kind(),
            body: Body::shared(body),
            overlay: Overlay::read(overlay.as_deref()),
            lists_hash: answer.lists_hash().map(str::to_string),
        })
    }

    /// The audit record of one batch row: a shared answer, asked on `date`. Its content and
    /// hashes are exactly those [`Engine::record`] gives the same answer.
    pub fn record_shared(
        &self,
        source: Source,
        inputs: &impl Serialize,
        answer: &SharedAnswer,
        date: jiff::civil::Date,
    ) -> Result<PreparedRecord, EngineError> {
        PreparedRecord::with_body(
            answer.kind,
            source.as_str(),
            inputs,
            Arc::clone(&answer.body),
            Some(answer.overlay.with("date", &date.to_string())),
            self.data.content_hash.as_str(),
            answer.lists_hash.clone(),
            env!("CARGO_PKG_VERSION"),
        )
        .map_err(|e| EngineError::Record(e.to_string()))
    }
}
