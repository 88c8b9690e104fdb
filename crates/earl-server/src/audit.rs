//! Recording the API's determinations in the audit trail.
//!
//! A determination is answered only after its record is committed: a compliance team must be
//! able to find every answer the server gave. Records go through a [`GroupAppender`], so
//! concurrent requests share one synced SQLite transaction instead of queueing behind each
//! other's disk syncs, and the request's task awaits the commit without holding a runtime thread.

use crate::error::ApiError;
use axum::http::StatusCode;
use earl_store::{AuditStore, GroupAppender, PreparedRecord};
use std::sync::Arc;

/// Appends API determinations (source `"api"`) to one audit trail.
pub struct Recorder {
    appender: GroupAppender,
    /// The trail itself, for what is read from it or appended whole (hit review).
    store: Arc<AuditStore>,
}

impl Recorder {
    pub fn new(store: Arc<AuditStore>) -> Recorder {
        Recorder {
            appender: GroupAppender::new(Arc::clone(&store)),
            store,
        }
    }

    /// The audit trail records go to.
    pub fn store(&self) -> &Arc<AuditStore> {
        &self.store
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
