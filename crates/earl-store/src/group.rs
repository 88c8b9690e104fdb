//! Group commit: many threads' appends share one synced transaction.

use crate::error::StoreError;
use crate::store::{AuditStore, DEFAULT_CHUNK_SIZE, NewRecord, Pending, StoredRecord};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread::JoinHandle;

/// Most records one group commit takes: one `append_many` chunk, so a
/// failed group has committed nothing and can be retried record by record.
const MAX_GROUP: usize = DEFAULT_CHUNK_SIZE;

/// Appends waiting for the writer thread before `append` blocks.
const QUEUE_DEPTH: usize = 4_096;

/// What an append comes to: the stored record, or why it was not stored.
pub type AppendResult = Result<StoredRecord, StoreError>;

/// Called by the writer thread with the outcome of one append.
type Reply = Box<dyn FnOnce(AppendResult) + Send>;

struct Job {
    pending: Pending,
    reply: Reply,
}

/// Appends records for many threads through one writer thread that commits
/// whatever has queued up in a single transaction.
///
/// [`AuditStore::append`] syncs the disk once per record; under concurrent
/// load (a server) callers then queue behind each other's syncs. Here a
/// caller waits for at most the commit in progress plus its own group's, and
/// every record is still durable when [`append`](Self::append) returns.
pub struct GroupAppender {
    jobs: Option<SyncSender<Job>>,
    writer: Option<JoinHandle<()>>,
    store: Arc<AuditStore>,
}

impl GroupAppender {
    /// Starts the writer thread for `store`, which stays usable for reading.
    pub fn new(store: Arc<AuditStore>) -> GroupAppender {
        let (jobs, queue) = mpsc::sync_channel(QUEUE_DEPTH);
        let writer_store = Arc::clone(&store);
        let writer = std::thread::Builder::new()
            .name("earl-audit-writer".into())
            .spawn(move || write_groups(&writer_store, &queue))
            .ok();
        GroupAppender {
            jobs: Some(jobs),
            writer,
            store,
        }
    }

    /// Appends `record` and returns it once its group is committed.
    pub fn append(&self, record: NewRecord) -> AppendResult {
        let (reply, answer) = mpsc::sync_channel(1);
        self.submit(record, move |outcome| {
            let _ = reply.send(outcome);
        });
        answer.recv().map_err(|_| self.stopped())?
    }

    /// Queues `record` and returns at once; `on_done` is called with the
    /// outcome once the record's group is committed (or failed).
    ///
    /// For async callers, which must not block a runtime thread on the
    /// commit: pass a closure that completes a oneshot channel and await it.
    /// `on_done` runs on the writer thread, so it should only hand the result
    /// on. It blocks only while the queue is full.
    pub fn submit(&self, record: NewRecord, on_done: impl FnOnce(AppendResult) + Send + 'static) {
        let Some(jobs) = self.writer.as_ref().and(self.jobs.as_ref()) else {
            // No writer thread could be started: append directly.
            on_done(self.store.append(record));
            return;
        };
        // Canonicalising here, on the caller's thread, keeps the writer free for the inserts.
        let job = Job {
            pending: Pending::new(record),
            reply: Box::new(on_done),
        };
        if let Err(mpsc::SendError(job)) = jobs.send(job) {
            (job.reply)(Err(self.stopped()));
        }
    }

    fn stopped(&self) -> StoreError {
        StoreError::WriterStopped {
            path: self.store.path().to_path_buf(),
        }
    }
}

impl Drop for GroupAppender {
    /// Lets the writer finish the queued appends, then waits for it.
    fn drop(&mut self) {
        self.jobs.take();
        if let Some(writer) = self.writer.take() {
            let _ = writer.join();
        }
    }
}

fn write_groups(store: &AuditStore, queue: &Receiver<Job>) {
    while let Ok(first) = queue.recv() {
        let mut group = vec![first];
        group.extend(queue.try_iter().take(MAX_GROUP - 1));
        let pending: Vec<&Pending> = group.iter().map(|job| &job.pending).collect();
        match store.insert_pending(&pending) {
            Ok(rows) => {
                for (job, row) in group.into_iter().zip(rows) {
                    (job.reply)(Ok(row.into_stored(job.pending.record)));
                }
            }
            // The group's transaction committed nothing: retry each record
            // alone so that each caller gets its own answer.
            Err(_) => {
                for job in group {
                    let outcome = store
                        .insert_pending(&[&job.pending])
                        .map(|mut rows| rows.remove(0).into_stored(job.pending.record));
                    (job.reply)(outcome);
                }
            }
        }
    }
}
