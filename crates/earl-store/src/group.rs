//! Group commit: many threads' appends share one synced transaction.

use crate::error::StoreError;
use crate::store::{AuditStore, DEFAULT_CHUNK_SIZE, PreparedRecord, Receipt};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::thread::JoinHandle;

/// Most records one group commit takes: one `append_many` chunk, so a
/// failed group has committed nothing and can be retried record by record.
const MAX_GROUP: usize = DEFAULT_CHUNK_SIZE;

/// Most times the writer yields its core to let a group grow (see `write_groups`).
const MAX_YIELDS: usize = 8;

/// Appends waiting for the writer thread before `append` blocks.
const QUEUE_DEPTH: usize = 4_096;

/// Bytes of records written between wake-ups of the checkpointer thread.
const CHECKPOINT_EVERY: usize = 2 << 20;

/// Bytes of records written after which the writer checkpoints itself, so the
/// write-ahead log cannot grow without bound under sustained load (a passive
/// checkpoint beside a busy writer never catches up with the end of the log, and
/// SQLite restarts the log only once all of it is copied). Most of the copying is
/// then already done by the checkpointer thread, so this one is short.
const WRITER_CHECKPOINT_EVERY: usize = 64 << 20;

/// What an append comes to: where the record went in the chain, or why it was not stored.
pub type AppendResult = Result<Receipt, StoreError>;

/// Called by the writer thread with the outcome of one append.
type Reply = Box<dyn FnOnce(AppendResult) + Send>;

struct Job {
    record: PreparedRecord,
    reply: Reply,
}

/// Appends records for many threads through one writer thread that commits
/// whatever has queued up in a single transaction.
///
/// [`AuditStore::append`] syncs the disk once per record; under concurrent
/// load (a server) callers then queue behind each other's syncs. Here a
/// caller waits for at most the commit in progress plus its own group's, and
/// every record is still durable when [`append`](Self::append) returns.
///
/// The work is split so that the single writer does as little as possible per
/// record: callers canonicalise and hash the content ([`PreparedRecord`]) on
/// their own threads; the writer stamps the time, hashes the ~200-byte chain
/// link and inserts the row. It commits as soon as it is idle (whatever has
/// queued while the previous commit was syncing), never waiting to fill a group.
/// Copying the write-ahead log into the database (an SQLite checkpoint, which
/// syncs the database file) is done by a second thread on its own connection,
/// off the writer's path.
pub struct GroupAppender {
    jobs: Option<SyncSender<Job>>,
    writer: Option<JoinHandle<()>>,
    checkpointer: Option<JoinHandle<()>>,
    store: Arc<AuditStore>,
}

impl GroupAppender {
    /// Starts the writer thread for `store`, which stays usable for reading.
    pub fn new(store: Arc<AuditStore>) -> GroupAppender {
        let (jobs, queue) = mpsc::sync_channel(QUEUE_DEPTH);
        // The checkpointer wakes on a message; at most one waits, so the writer never blocks on it.
        let (wake, wakes) = mpsc::sync_channel::<()>(1);
        // True while the checkpointer copies: the writer then leaves its own for later.
        let copying = Arc::new(AtomicBool::new(false));
        let checkpointer_copying = Arc::clone(&copying);
        let checkpointer = store.checkpoint_connection().ok().and_then(|connection| {
            std::thread::Builder::new()
                .name("earl-audit-checkpoint".into())
                .spawn(move || {
                    while wakes.recv().is_ok() {
                        checkpointer_copying.store(true, Ordering::Release);
                        // PASSIVE: copies what it can without blocking the writer; errors
                        // (busy, I/O) leave the log as it is, for the next attempt.
                        let _ = connection.execute_batch("PRAGMA wal_checkpoint(PASSIVE)");
                        checkpointer_copying.store(false, Ordering::Release);
                    }
                })
                .ok()
        });
        let background_checkpoints = checkpointer.is_some();
        if background_checkpoints {
            store.set_autocheckpoint(false);
        }
        let writer_store = Arc::clone(&store);
        let writer = std::thread::Builder::new()
            .name("earl-audit-writer".into())
            .spawn(move || {
                let wake = background_checkpoints.then_some(wake);
                write_groups(&writer_store, &queue, wake.as_ref(), &copying)
            })
            .ok();
        GroupAppender {
            jobs: Some(jobs),
            writer,
            checkpointer,
            store,
        }
    }

    /// Appends `record` and returns where it went once its group is committed.
    pub fn append(&self, record: impl Into<PreparedRecord>) -> AppendResult {
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
    ///
    /// A [`NewRecord`](crate::NewRecord) is canonicalised and hashed here, on
    /// the caller's thread; a [`PreparedRecord`] already was.
    pub fn submit(
        &self,
        record: impl Into<PreparedRecord>,
        on_done: impl FnOnce(AppendResult) + Send + 'static,
    ) {
        let record = record.into();
        let Some(jobs) = self.writer.as_ref().and(self.jobs.as_ref()) else {
            // No writer thread could be started: append directly.
            on_done(self.store.append_prepared(&record));
            return;
        };
        let job = Job {
            record,
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
        // The writer held the checkpointer's wake-up sender, so it has stopped too.
        if let Some(checkpointer) = self.checkpointer.take() {
            let _ = checkpointer.join();
            self.store.set_autocheckpoint(true);
        }
    }
}

fn write_groups(
    store: &AuditStore,
    queue: &Receiver<Job>,
    wake: Option<&SyncSender<()>>,
    copying: &AtomicBool,
) {
    let mut group: Vec<Job> = Vec::new();
    let mut since_wake = 0usize;
    let mut since_own = 0usize;
    while let Ok(first) = queue.recv() {
        group.clear();
        group.push(first);
        group.extend(queue.try_iter().take(MAX_GROUP - 1));
        // Woken by the first records of a group, the writer gives the core back while more
        // keep coming: when the threads answering requests share its core, they add their
        // records to this group instead of each waiting for a sync of its own. With nothing
        // else to run, `yield_now` returns at once and the group is committed.
        for _ in 0..MAX_YIELDS {
            if group.len() >= MAX_GROUP {
                break;
            }
            std::thread::yield_now();
            let before = group.len();
            group.extend(queue.try_iter().take(MAX_GROUP - before));
            if group.len() == before {
                break;
            }
        }
        let records: Vec<&PreparedRecord> = group.iter().map(|job| &job.record).collect();
        let bytes: usize = records.iter().map(|r| r.approximate_size()).sum();
        match store.insert_prepared(&records) {
            Ok(receipts) => {
                drop(records);
                for (job, receipt) in group.drain(..).zip(receipts) {
                    (job.reply)(Ok(receipt));
                }
            }
            // The group's transaction committed nothing: retry each record
            // alone so that each caller gets its own answer.
            Err(_) => {
                drop(records);
                for job in group.drain(..) {
                    let outcome = store.append_prepared(&job.record);
                    (job.reply)(outcome);
                }
            }
        }
        let Some(wake) = wake else { continue };
        since_wake += bytes;
        since_own += bytes;
        if since_own >= WRITER_CHECKPOINT_EVERY && !copying.load(Ordering::Acquire) {
            // Right after a pass of the checkpointer, so little is left to copy; and
            // after this group's callers have their answers.
            if store.checkpoint_passive() {
                since_own = 0;
                since_wake = 0;
            }
        } else if since_wake >= CHECKPOINT_EVERY {
            match wake.try_send(()) {
                Ok(()) | Err(TrySendError::Full(())) => since_wake = 0,
                Err(TrySendError::Disconnected(())) => {}
            }
        }
    }
}
