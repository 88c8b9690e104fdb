//! Group commit: many threads' appends share one synced transaction.

use crate::error::StoreError;
use crate::store::{AuditStore, DEFAULT_CHUNK_SIZE, NewRecord, StoredRecord};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread::JoinHandle;

/// Most records one group commit takes: one `append_many` chunk, so a
/// failed group has committed nothing and can be retried record by record.
const MAX_GROUP: usize = DEFAULT_CHUNK_SIZE;

/// Appends waiting for the writer thread before `append` blocks.
const QUEUE_DEPTH: usize = 4_096;

type Reply = Result<StoredRecord, StoreError>;

struct Job {
    record: NewRecord,
    reply: SyncSender<Reply>,
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
    pub fn append(&self, record: NewRecord) -> Result<StoredRecord, StoreError> {
        let Some(jobs) = self.writer.as_ref().and(self.jobs.as_ref()) else {
            // No writer thread could be started: append directly.
            return self.store.append(record);
        };
        let stopped = || StoreError::WriterStopped {
            path: self.store.path().to_path_buf(),
        };
        let (reply, answer) = mpsc::sync_channel(1);
        jobs.send(Job { record, reply }).map_err(|_| stopped())?;
        answer.recv().map_err(|_| stopped())?
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
        // Cloned so that, if the group's transaction fails, each record can
        // be retried alone and get its own answer.
        let records: Vec<NewRecord> = group.iter().map(|job| job.record.clone()).collect();
        match store.append_many(records) {
            Ok(stored) => {
                for (job, record) in group.into_iter().zip(stored) {
                    let _ = job.reply.send(Ok(record));
                }
            }
            Err(_) => {
                for job in group {
                    let _ = job.reply.send(store.append(job.record));
                }
            }
        }
    }
}
