//! Recording the API's determinations in the audit trail.
//!
//! A determination is answered only after its record is committed: a compliance team must be
//! able to find every answer the server gave. Records go through a [`GroupAppender`], so
//! concurrent requests share one synced SQLite transaction instead of queueing behind each
//! other's disk syncs, and the request's task awaits the commit without holding a runtime thread.

use crate::error::ApiError;
use axum::http::StatusCode;
use earl_store::{AuditStore, GroupAppender, PreparedRecord};
use serde::Serialize;
use std::sync::Arc;

/// Appends API determinations (source `"api"`) to one audit trail.
pub struct Recorder {
    appender: GroupAppender,
    rules_hash: String,
    /// SHA-256 of the screening lists, for determinations that used them.
    lists_hash: Option<String>,
}

/// Whether a determination consulted the restricted-party lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UsedLists {
    Yes,
    No,
}

impl Recorder {
    /// `rules_hash` is the data set's content hash; `lists_hash` the screening lists' SHA-256.
    pub fn new(store: Arc<AuditStore>, rules_hash: String, lists_hash: Option<String>) -> Recorder {
        Recorder {
            appender: GroupAppender::new(store),
            rules_hash,
            lists_hash,
        }
    }

    /// Appends one determination and waits until it is durable.
    pub async fn record(
        &self,
        kind: &str,
        inputs: &impl Serialize,
        outputs: &impl Serialize,
        used_lists: UsedLists,
    ) -> Result<(), ApiError> {
        let record = self.prepare(kind, inputs, outputs, used_lists)?;
        self.commit(record).await
    }

    /// Canonicalises and hashes a determination, on the request's own thread, so that the
    /// audit writer (one thread for all requests) only chains and inserts it.
    pub fn prepare(
        &self,
        kind: &str,
        inputs: &impl Serialize,
        outputs: &impl Serialize,
        used_lists: UsedLists,
    ) -> Result<PreparedRecord, ApiError> {
        PreparedRecord::new(
            kind,
            "api",
            inputs,
            outputs,
            self.rules_hash.as_str(),
            match used_lists {
                UsedLists::Yes => self.lists_hash.clone(),
                UsedLists::No => None,
            },
            env!("CARGO_PKG_VERSION"),
        )
        .map_err(|e| ApiError::internal(format!("cannot record the determination: {e}")))
    }

    /// Appends a prepared determination and waits until it is durable.
    pub async fn commit(&self, record: PreparedRecord) -> Result<(), ApiError> {
        let (done, outcome) = tokio::sync::oneshot::channel();
        self.appender.submit(record, move |result| {
            let _ = done.send(result);
        });
        let failed = |message: String| {
            ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "audit_failed",
                format!(
                    "the determination was not recorded in the audit trail, so it is not given: {message}"
                ),
            )
        };
        match outcome.await {
            Ok(Ok(_receipt)) => Ok(()),
            Ok(Err(e)) => Err(failed(e.to_string())),
            Err(_) => Err(failed("the audit writer stopped".into())),
        }
    }
}
