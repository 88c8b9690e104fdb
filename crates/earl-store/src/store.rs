use crate::body::Body;
use crate::canonical::{canonical_json, write_string};
use crate::error::StoreError;
use rusqlite::{Connection, OpenFlags, OptionalExtension, Row, TransactionBehavior};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// `prev_hash` of record 1.
pub const GENESIS_PREV_HASH: &str =
    "0000000000000000000000000000000000000000000000000000000000000000";

/// Version of the table layout, kept in SQLite's `user_version`; bump it and
/// add a migration in [`AuditStore::open`] when the layout changes.
///
/// Version 2 split the record hash into a content hash and a chain hash (see the
/// crate documentation); version 3 keeps each answer body once, compressed, and the
/// record's own members beside it ([`crate::body`]). Version 2 files are upgraded by
/// [`crate::migrate`], verified before and after; version 1 files are refused.
pub const SCHEMA_VERSION: i64 = 3;

/// Records per transaction in [`AuditStore::append_many`].
pub const DEFAULT_CHUNK_SIZE: usize = 1_000;

/// SQLite `application_id` ("EARL"): tells our databases from anybody else's.
pub(crate) const APPLICATION_ID: i64 = 0x4541_524C;

/// How long an append waits for another writer before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Page size of a new database. Bodies live in a WITHOUT ROWID table, whose rows SQLite keeps
/// whole on a page only up to about a quarter of it: with 4 KiB pages every compressed body
/// over ~1 KB took an overflow page of its own (a 20,000-name screening wrote 39 MB of body
/// pages for 10 MB of bodies); with 16 KiB pages they stay in the tree (13 MB).
const PAGE_SIZE: i64 = 16_384;

pub(crate) const SCHEMA: &str = "
CREATE TABLE bodies (
    hash TEXT PRIMARY KEY,
    data BLOB NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE records (
    seq          INTEGER PRIMARY KEY CHECK (seq >= 1),
    recorded_at  TEXT NOT NULL,
    kind         TEXT NOT NULL,
    source       TEXT NOT NULL,
    inputs       TEXT NOT NULL,
    body         TEXT NOT NULL REFERENCES bodies (hash),
    overlay      TEXT,
    rules_hash   TEXT NOT NULL,
    lists_hash   TEXT,
    earl_version TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
) STRICT;
CREATE INDEX records_by_kind ON records (kind, seq);
CREATE INDEX records_by_time ON records (recorded_at);
CREATE TRIGGER records_no_update BEFORE UPDATE ON records
BEGIN SELECT RAISE(ABORT, 'earl audit records are append-only'); END;
CREATE TRIGGER records_no_delete BEFORE DELETE ON records
BEGIN SELECT RAISE(ABORT, 'earl audit records are append-only'); END;
CREATE TRIGGER bodies_no_update BEFORE UPDATE ON bodies
BEGIN SELECT RAISE(ABORT, 'earl audit records are append-only'); END;
CREATE TRIGGER bodies_no_delete BEFORE DELETE ON bodies
BEGIN SELECT RAISE(ABORT, 'earl audit records are append-only'); END;
";

const RECORD_COLUMNS: &str = "r.seq, r.recorded_at, r.kind, r.source, r.inputs, b.data, r.overlay, \
                              r.rules_hash, r.lists_hash, r.earl_version, r.content_hash, \
                              r.prev_hash, r.hash";

/// The records joined with their bodies.
const RECORDS_WITH_BODIES: &str = "records r JOIN bodies b ON b.hash = r.body";

/// A determination to record; the store adds sequence, time and hashes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewRecord {
    /// What was determined: `classify`, `check`, `screen`, `match`, `diff`, ...
    pub kind: String,
    /// Who asked: `cli` or `api`.
    pub source: String,
    pub inputs: serde_json::Value,
    pub outputs: serde_json::Value,
    /// Content hash of the rule snapshot used.
    pub rules_hash: String,
    /// Content hash of the screening lists used, if any were.
    pub lists_hash: Option<String>,
    pub earl_version: String,
}

/// A record's `inputs` as a ledger reads them ([`AuditStore::append_guarded`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerEntry {
    pub seq: u64,
    pub recorded_at: String,
    pub kind: String,
    pub inputs: serde_json::Value,
}

fn read_entries(connection: &Connection, kinds: &[&str]) -> rusqlite::Result<Vec<LedgerEntry>> {
    let mut out = Vec::new();
    let mut statement = connection.prepare_cached(
        "SELECT seq, recorded_at, kind, inputs FROM records WHERE kind = ?1 ORDER BY seq",
    )?;
    for kind in kinds {
        let rows = statement.query_map([kind], |row| {
            let inputs: String = row.get(3)?;
            Ok(LedgerEntry {
                seq: row.get::<_, i64>(0)? as u64,
                recorded_at: row.get(1)?,
                kind: row.get(2)?,
                inputs: serde_json::from_str(&inputs).map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        3,
                        rusqlite::types::Type::Text,
                        Box::new(e),
                    )
                })?,
            })
        })?;
        for r in rows {
            out.push(r?);
        }
    }
    out.sort_by_key(|e| e.seq);
    Ok(out)
}

/// A record as stored, with the fields the store added.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredRecord {
    pub seq: u64,
    /// UTC, RFC 3339 with milliseconds: `2026-03-01T12:00:00.123Z`.
    pub recorded_at: String,
    pub kind: String,
    pub source: String,
    pub inputs: serde_json::Value,
    pub outputs: serde_json::Value,
    pub rules_hash: String,
    pub lists_hash: Option<String>,
    pub earl_version: String,
    /// SHA-256 of the record's content (see the crate documentation).
    pub content_hash: String,
    pub prev_hash: String,
    pub hash: String,
}

/// What an append of a [`PreparedRecord`] returns: where the record went in the
/// chain. (The content is the caller's; nothing is copied back.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    pub seq: u64,
    pub recorded_at: String,
    pub content_hash: String,
    pub prev_hash: String,
    pub hash: String,
}

/// A record ready to append: its `inputs` and `outputs` in canonical JSON, the body
/// and overlay `outputs` is stored as, and its content hash, computed on the thread that
/// builds it.
///
/// Canonicalising, hashing and compressing the content is nearly all of an append's
/// work. Done here, on the caller's thread, it runs in parallel across callers, and
/// the single writer of a [`GroupAppender`](crate::GroupAppender) only hashes a
/// ~200-byte chain link and inserts a row per record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedRecord {
    kind: String,
    source: String,
    inputs: String,
    outputs: String,
    body: Arc<Body>,
    overlay: Option<String>,
    rules_hash: String,
    lists_hash: Option<String>,
    earl_version: String,
    content_hash: String,
}

impl PreparedRecord {
    /// Prepares a record from any serialisable inputs and outputs.
    pub fn new(
        kind: impl Into<String>,
        source: impl Into<String>,
        inputs: &impl Serialize,
        outputs: &impl Serialize,
        rules_hash: impl Into<String>,
        lists_hash: Option<String>,
        earl_version: impl Into<String>,
    ) -> Result<PreparedRecord, serde_json::Error> {
        let (outputs, members) = crate::canonical::to_canonical_members(outputs)?;
        let (body, overlay) = match members {
            Some(members) => crate::body::split_members(&outputs, &members),
            None => crate::body::split(&outputs),
        };
        Ok(PreparedRecord::assemble(
            kind.into(),
            source.into(),
            crate::canonical::to_canonical_string(inputs)?,
            outputs,
            Body::shared(body),
            overlay,
            rules_hash.into(),
            lists_hash,
            earl_version.into(),
        ))
    }

    /// Prepares a record whose outputs are a body already prepared (one a batch shares
    /// between its rows) with this record's own members.
    #[allow(clippy::too_many_arguments)]
    pub fn with_body(
        kind: impl Into<String>,
        source: impl Into<String>,
        inputs: &impl Serialize,
        body: Arc<Body>,
        overlay: Option<String>,
        rules_hash: impl Into<String>,
        lists_hash: Option<String>,
        earl_version: impl Into<String>,
    ) -> Result<PreparedRecord, serde_json::Error> {
        let outputs = body.with_overlay(overlay.as_deref()).ok_or_else(|| {
            <serde_json::Error as serde::de::Error>::custom(
                "the body or overlay is not a JSON object",
            )
        })?;
        Ok(PreparedRecord::assemble(
            kind.into(),
            source.into(),
            crate::canonical::to_canonical_string(inputs)?,
            outputs,
            body,
            overlay,
            rules_hash.into(),
            lists_hash,
            earl_version.into(),
        ))
    }

    #[allow(clippy::too_many_arguments)]
    fn assemble(
        kind: String,
        source: String,
        inputs: String,
        outputs: String,
        body: Arc<Body>,
        overlay: Option<String>,
        rules_hash: String,
        lists_hash: Option<String>,
        earl_version: String,
    ) -> PreparedRecord {
        let mut record = PreparedRecord {
            kind,
            source,
            inputs,
            outputs,
            body,
            overlay,
            rules_hash,
            lists_hash,
            earl_version,
            content_hash: String::new(),
        };
        if record.body.text.len() < REMEMBERED_BODY_BYTES {
            record.content_hash = content_hash(&record.content());
            return record;
        }
        record.content_hash = RECENT_CONTENT_HASHES.with_borrow_mut(|recent| {
            // Everything the hash covers, the body by its own SHA-256 (outputs are the body
            // and the overlay): equal keys are equal content, so an equal hash.
            let key = [
                record.kind.as_str(),
                record.source.as_str(),
                record.inputs.as_str(),
                record.body.hash.as_str(),
                record.overlay.as_deref().unwrap_or("\0none"),
                record.rules_hash.as_str(),
                record.lists_hash.as_deref().unwrap_or("\0none"),
                record.earl_version.as_str(),
            ]
            .join("\0");
            if let Some(hash) = recent.get(&key) {
                return hash.clone();
            }
            let hash = content_hash(&record.content());
            recent.put(key, hash.clone());
            hash
        });
        record
    }

    fn content(&self) -> Content<'_> {
        Content {
            kind: &self.kind,
            source: &self.source,
            inputs: &self.inputs,
            outputs: &self.outputs,
            rules_hash: &self.rules_hash,
            lists_hash: self.lists_hash.as_deref(),
            earl_version: &self.earl_version,
        }
    }

    /// The outputs as canonical JSON: a server can send these bytes as its answer
    /// and so serialise the answer only once.
    pub fn outputs_json(&self) -> &str {
        &self.outputs
    }

    /// Roughly how many bytes the record adds to the database (its body counted in full,
    /// though a body already stored costs nothing).
    pub(crate) fn approximate_size(&self) -> usize {
        400 + self.inputs.len() + self.body.compressed.len() + self.kind.len() + self.source.len()
    }

    /// Lowercase hex SHA-256 of the record's content.
    pub fn content_hash(&self) -> &str {
        &self.content_hash
    }
}

impl From<&NewRecord> for PreparedRecord {
    fn from(record: &NewRecord) -> PreparedRecord {
        let outputs = canonical_json(&record.outputs);
        let (body, overlay) = crate::body::split(&outputs);
        PreparedRecord::assemble(
            record.kind.clone(),
            record.source.clone(),
            canonical_json(&record.inputs),
            outputs,
            Body::shared(body),
            overlay,
            record.rules_hash.clone(),
            record.lists_hash.clone(),
            record.earl_version.clone(),
        )
    }
}

impl From<NewRecord> for PreparedRecord {
    fn from(record: NewRecord) -> PreparedRecord {
        PreparedRecord::from(&record)
    }
}

/// Content hashes of records each thread prepared lately. A server asked the same question
/// again records the same content (the date asked changes once a day): hashing its ~100 KB of
/// outputs again was a fifth of serving a cached screening answer.
const RECENT_RECORDS: std::num::NonZeroUsize = std::num::NonZeroUsize::new(64).unwrap();
/// Bodies below this size are hashed again: that costs less than remembering them (a batch
/// of distinct small answers would only fill the cache).
const REMEMBERED_BODY_BYTES: usize = 8 * 1024;

thread_local! {
    static RECENT_CONTENT_HASHES: std::cell::RefCell<lru::LruCache<String, String>> =
        std::cell::RefCell::new(lru::LruCache::new(RECENT_RECORDS));
}

/// One line of [`AuditStore::list`]: enough to pick a record to `get`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordSummary {
    pub seq: u64,
    pub recorded_at: String,
    pub kind: String,
    pub source: String,
    pub earl_version: String,
    pub hash: String,
}

/// Which records [`AuditStore::list`] returns. The default is all, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ListFilter {
    pub kind: Option<String>,
    /// Inclusive lower bound on `recorded_at`: an RFC 3339 timestamp, or a
    /// `YYYY-MM-DD` date meaning its midnight UTC.
    pub since: Option<String>,
    /// Exclusive upper bound on `recorded_at`: an RFC 3339 timestamp, or a
    /// `YYYY-MM-DD` date, which includes that whole day (UTC).
    pub until: Option<String>,
    pub limit: Option<u64>,
    pub offset: Option<u64>,
    /// Highest `seq` first, so `limit` gives the latest records.
    pub newest_first: bool,
}

/// Result of [`AuditStore::verify`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifyReport {
    pub ok: bool,
    /// Number of records in the store.
    pub records: u64,
    /// The first record that is altered, missing or out of place.
    pub first_bad: Option<u64>,
    /// Why `first_bad` failed, in words.
    pub reason: Option<String>,
    /// Hash of the last record when the chain is intact: keep a copy elsewhere
    /// to detect later truncation or a rewritten chain.
    pub last_hash: Option<String>,
}

/// An audit trail in one SQLite file.
///
/// The connection sits behind a mutex, so one `AuditStore` can be shared
/// between threads (e.g. in an `Arc` in a server); a long [`verify`](Self::verify)
/// or [`export_jsonl`](Self::export_jsonl) then holds up appends on the same
/// `AuditStore`, not on a second one opened on the same file.
#[derive(Debug)]
pub struct AuditStore {
    path: PathBuf,
    connection: Mutex<Connection>,
}

impl AuditStore {
    /// `$XDG_DATA_HOME/earl/audit.sqlite`, else `~/.local/share/earl/audit.sqlite`;
    /// `None` when neither variable gives an absolute directory.
    pub fn default_path() -> Option<PathBuf> {
        let absolute = |var: &str| {
            std::env::var_os(var)
                .map(PathBuf::from)
                .filter(|dir| dir.is_absolute())
        };
        let data_dir = absolute("XDG_DATA_HOME")
            .or_else(|| absolute("HOME").map(|home| home.join(".local").join("share")))?;
        Some(data_dir.join("earl").join("audit.sqlite"))
    }

    /// Opens the audit trail at `path`, creating the file, its directory and the
    /// schema if absent. Refuses directories, non-SQLite files, other
    /// applications' databases and newer schema versions, without modifying them.
    pub fn open(path: &Path) -> Result<AuditStore, StoreError> {
        if path.is_dir() {
            return Err(StoreError::IsDirectory {
                path: path.to_path_buf(),
            });
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::CreateDirectory {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let sql = |source| StoreError::sqlite(path, source);
        // No URI parsing: the path is a file name, whatever it looks like.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut connection = Connection::open_with_flags(path, flags).map_err(sql)?;
        connection.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
        // Takes effect only when the file is created (a no-op on an existing one).
        connection
            .pragma_update(None, "page_size", PAGE_SIZE)
            .map_err(sql)?;
        create_or_check_schema(&mut connection, path)?;
        // WAL lets readers (list, verify, export) run beside a writer.
        // synchronous=FULL syncs the WAL on every commit: these are legal records,
        // so a commit must survive power loss, not only a process crash as NORMAL
        // would guarantee; batching amortises the cost.
        let journal_mode: String = connection
            .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
            .map_err(sql)?;
        if !journal_mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::NoWal {
                path: path.to_path_buf(),
                journal_mode,
            });
        }
        connection
            .pragma_update(None, "synchronous", "FULL")
            .map_err(sql)?;
        // No foreign keys yet; on so that tables added by later versions are checked.
        connection
            .pragma_update(None, "foreign_keys", true)
            .map_err(sql)?;
        Ok(AuditStore {
            path: path.to_path_buf(),
            connection: Mutex::new(connection),
        })
    }

    /// Opens an existing audit trail for reading only (verify, list, show, export, tail): no
    /// schema is created, nothing is migrated or written, so an auditor's read-only or WORM
    /// copy reads as well as the live file. When SQLite cannot make its shared-memory file
    /// beside a WAL database (a read-only directory), the file is opened as immutable — but
    /// only if no write-ahead log lies beside it, whose records would then be missed.
    pub fn open_read_only(path: &Path) -> Result<AuditStore, StoreError> {
        if path.is_dir() {
            return Err(StoreError::IsDirectory {
                path: path.to_path_buf(),
            });
        }
        if !path.exists() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        let sql = |source| StoreError::sqlite(path, source);
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let opened = Connection::open_with_flags(path, flags)
            .map_err(ReadOnlyOpen::Sqlite)
            .and_then(|connection| check_schema_read_only(&connection, path).map(|()| connection));
        let connection = match opened {
            Ok(connection) => connection,
            Err(ReadOnlyOpen::Schema(e)) => return Err(e),
            Err(ReadOnlyOpen::Sqlite(e)) => {
                let mut wal = path.as_os_str().to_owned();
                wal.push("-wal");
                if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
                    return Err(StoreError::sqlite(path, e));
                }
                let connection = Connection::open_with_flags(
                    immutable_uri(path),
                    flags | OpenFlags::SQLITE_OPEN_URI,
                )
                .map_err(sql)?;
                check_schema_read_only(&connection, path).map_err(|e| match e {
                    ReadOnlyOpen::Schema(e) => e,
                    ReadOnlyOpen::Sqlite(e) => StoreError::sqlite(path, e),
                })?;
                connection
            }
        };
        connection.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
        Ok(AuditStore {
            path: path.to_path_buf(),
            connection: Mutex::new(connection),
        })
    }

    /// The database file this store writes to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one record and returns it as stored, durably committed.
    pub fn append(&self, record: NewRecord) -> Result<StoredRecord, StoreError> {
        let mut stored = Vec::with_capacity(1);
        self.append_chunk(&mut std::iter::once(record), 1, &mut stored)?;
        Ok(stored.remove(0))
    }

    /// Appends one prepared record, durably committed, and says where it went.
    pub fn append_prepared(&self, record: &PreparedRecord) -> Result<Receipt, StoreError> {
        Ok(self.insert_prepared(&[record])?.remove(0))
    }

    /// Appends prepared records in one durable transaction and says where each went.
    pub fn append_all(&self, records: &[&PreparedRecord]) -> Result<Vec<Receipt>, StoreError> {
        self.insert_prepared(records)
    }

    /// Appends `records` in transactions of [`DEFAULT_CHUNK_SIZE`] records.
    ///
    /// Each transaction is durable once committed. If one fails, the chunks
    /// before it stay committed and the error is [`StoreError::Batch`] with
    /// their count.
    pub fn append_many<I>(&self, records: I) -> Result<Vec<StoredRecord>, StoreError>
    where
        I: IntoIterator<Item = NewRecord>,
    {
        let mut all = Vec::new();
        self.append_chunked(records, DEFAULT_CHUNK_SIZE, |chunk| {
            all.extend_from_slice(chunk)
        })?;
        Ok(all)
    }

    /// Appends `records` (read lazily) in transactions of `chunk_size`
    /// records, calling `on_commit` with each chunk once it is durable.
    /// Returns how many records were appended; errors as for
    /// [`append_many`](Self::append_many).
    ///
    /// Other writers may interleave between chunks, so one batch's records
    /// are consecutive within a chunk but not necessarily across chunks.
    pub fn append_chunked<I, F>(
        &self,
        records: I,
        chunk_size: usize,
        mut on_commit: F,
    ) -> Result<u64, StoreError>
    where
        I: IntoIterator<Item = NewRecord>,
        F: FnMut(&[StoredRecord]),
    {
        let chunk_size = chunk_size.max(1);
        let mut records = records.into_iter().peekable();
        let mut committed = 0u64;
        let mut chunk = Vec::with_capacity(chunk_size);
        while records.peek().is_some() {
            chunk.clear();
            if let Err(error) = self.append_chunk(&mut records, chunk_size, &mut chunk) {
                return Err(match committed {
                    0 => error,
                    _ => StoreError::Batch {
                        committed,
                        source: Box::new(error),
                    },
                });
            }
            committed += chunk.len() as u64;
            on_commit(&chunk);
        }
        Ok(committed)
    }

    /// Takes up to `limit` records from `records` and commits them in one
    /// write transaction, pushing them onto `stored`.
    fn append_chunk(
        &self,
        records: &mut dyn Iterator<Item = NewRecord>,
        limit: usize,
        stored: &mut Vec<StoredRecord>,
    ) -> Result<(), StoreError> {
        let records: Vec<NewRecord> = records.take(limit).collect();
        let prepared: Vec<PreparedRecord> = records.iter().map(PreparedRecord::from).collect();
        let receipts = self.insert_prepared(&prepared.iter().collect::<Vec<_>>())?;
        stored.extend(
            receipts
                .into_iter()
                .zip(records)
                .map(|(receipt, record)| receipt.into_stored(record)),
        );
        Ok(())
    }

    /// Commits `records` in one write transaction and says where each went.
    /// Takes the records by reference so that a caller whose transaction
    /// failed still has them to retry.
    ///
    /// This is all the single writer of a [`GroupAppender`](crate::GroupAppender)
    /// does per record: one timestamp per transaction, a SHA-256 of a ~200-byte
    /// chain link, and an INSERT through a cached statement.
    pub(crate) fn insert_prepared(
        &self,
        records: &[&PreparedRecord],
    ) -> Result<Vec<Receipt>, StoreError> {
        let sql = |source| StoreError::sqlite(&self.path, source);
        let mut connection = self.lock();
        // IMMEDIATE takes the write lock before reading the tail, so no other
        // writer can append between our read and our insert.
        let transaction = connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let receipts = self.insert_in(&transaction, records)?;
        transaction.commit().map_err(sql)?;
        Ok(receipts)
    }

    /// Appends records that depend on what the trail already holds, atomically: in one
    /// IMMEDIATE transaction (no other writer, in this process or another, can append between
    /// the read and the write), reads every record of `kinds` (their `inputs`, in `seq` order)
    /// and lets `decide` append records one at a time through a [`GuardedAppend`] (so a large
    /// batch never holds all its records in memory). When `decide` refuses, or anything
    /// fails, nothing is written. A process killed during the call leaves either all of the
    /// records or none (SQLite's rollback of an uncommitted transaction).
    pub fn append_guarded<T, E>(
        &self,
        kinds: &[&str],
        decide: impl FnOnce(&[LedgerEntry], &mut GuardedAppend<'_, '_>) -> Result<T, E>,
    ) -> Result<Result<T, E>, StoreError> {
        let sql = |source| StoreError::sqlite(&self.path, source);
        let mut connection = self.lock();
        let transaction = connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let entries = read_entries(&transaction, kinds).map_err(sql)?;
        let mut appender = GuardedAppend::after_tail(&transaction, &self.path)?;
        let decided = match decide(&entries, &mut appender) {
            Ok(decided) => decided,
            Err(refusal) => return Ok(Err(refusal)),
        };
        drop(appender);
        transaction.commit().map_err(sql)?;
        Ok(Ok(decided))
    }

    /// Every record of `kinds` (their `inputs`), in `seq` order, for reading a ledger.
    pub fn entries(&self, kinds: &[&str]) -> Result<Vec<LedgerEntry>, StoreError> {
        let connection = self.lock();
        read_entries(&connection, kinds).map_err(|e| StoreError::sqlite(&self.path, e))
    }

    /// Inserts `records` after the chain's tail, inside `transaction`.
    fn insert_in(
        &self,
        transaction: &rusqlite::Transaction<'_>,
        records: &[&PreparedRecord],
    ) -> Result<Vec<Receipt>, StoreError> {
        let mut appender = GuardedAppend::after_tail(transaction, &self.path)?;
        records.iter().map(|r| appender.append(r)).collect()
    }

    /// The last record's sequence number and hash (`None` for an empty trail): the value to
    /// keep elsewhere, since a hash chain cannot show that its own tail was cut.
    pub fn tail(&self) -> Result<Option<(u64, String)>, StoreError> {
        let connection = self.lock();
        connection
            .query_row(
                "SELECT seq, hash FROM records ORDER BY seq DESC LIMIT 1",
                [],
                |row| Ok((row.get::<_, i64>(0)? as u64, row.get(1)?)),
            )
            .optional()
            .map_err(|e| StoreError::sqlite(&self.path, e))
    }

    /// Record summaries matching `filter`, by `seq`.
    pub fn list(&self, filter: &ListFilter) -> Result<Vec<RecordSummary>, StoreError> {
        let mut conditions = Vec::new();
        let mut params: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(kind) = &filter.kind {
            params.push(kind.clone().into());
            conditions.push(format!("kind = ?{}", params.len()));
        }
        if let Some(since) = &filter.since {
            params.push(time_bound(since, TimeBound::Since)?.into());
            conditions.push(format!("recorded_at >= ?{}", params.len()));
        }
        if let Some(until) = &filter.until {
            params.push(time_bound(until, TimeBound::Until)?.into());
            conditions.push(format!("recorded_at < ?{}", params.len()));
        }
        let where_clause = match conditions.is_empty() {
            true => String::new(),
            false => format!("WHERE {}", conditions.join(" AND ")),
        };
        let order = if filter.newest_first { "DESC" } else { "ASC" };
        // SQLite reads a negative LIMIT as "no limit".
        let limit = filter
            .limit
            .map_or(-1, |limit| i64::try_from(limit).unwrap_or(i64::MAX));
        let offset = filter
            .offset
            .map_or(0, |offset| i64::try_from(offset).unwrap_or(i64::MAX));
        params.push(limit.into());
        params.push(offset.into());
        let query = format!(
            "SELECT seq, recorded_at, kind, source, earl_version, hash FROM records \
             {where_clause} ORDER BY seq {order} LIMIT ?{} OFFSET ?{}",
            params.len() - 1,
            params.len()
        );
        let sql = |source| StoreError::sqlite(&self.path, source);
        let connection = self.lock();
        let mut statement = connection.prepare(&query).map_err(sql)?;
        let rows = statement
            .query_map(rusqlite::params_from_iter(params), |row| {
                Ok(RecordSummary {
                    seq: row.get::<_, i64>(0)? as u64,
                    recorded_at: row.get(1)?,
                    kind: row.get(2)?,
                    source: row.get(3)?,
                    earl_version: row.get(4)?,
                    hash: row.get(5)?,
                })
            })
            .map_err(sql)?;
        rows.collect::<Result<_, _>>().map_err(sql)
    }

    /// The record with sequence number `seq`, if there is one.
    pub fn get(&self, seq: u64) -> Result<Option<StoredRecord>, StoreError> {
        let Ok(seq) = i64::try_from(seq) else {
            return Ok(None);
        };
        let sql = |source| StoreError::sqlite(&self.path, source);
        let connection = self.lock();
        let row = connection
            .query_row(
                &format!("SELECT {RECORD_COLUMNS} FROM {RECORDS_WITH_BODIES} WHERE r.seq = ?1"),
                [seq],
                RawRow::read,
            )
            .optional()
            .map_err(sql)?;
        row.map(|row| {
            let seq = row.seq as u64;
            row.assemble(&mut Bodies::default())
                .map_err(|reason| StoreError::CorruptRecord {
                    path: self.path.clone(),
                    seq,
                    reason,
                })?
                .parse(&self.path)
        })
        .transpose()
    }

    /// Recomputes every record's content hash, hash and link in `seq` order, reading one row
    /// at a time, and reports the first record that fails.
    ///
    /// Problems with the chain are reported in the [`VerifyReport`]; an `Err`
    /// means the database could not be read at all.
    pub fn verify(&self) -> Result<VerifyReport, StoreError> {
        let mut connection = self.lock();
        // One read transaction: the count and the rows come from one snapshot
        // even while other processes append.
        let snapshot = connection
            .transaction()
            .map_err(|e| StoreError::sqlite(&self.path, e))?;
        verify_v3(&snapshot, &self.path)
    }

    /// Writes every record in `seq` order as JSON Lines and returns how many.
    ///
    /// Each line is the record's canonical JSON with the fields of
    /// [`StoredRecord`]; `inputs` and `outputs` are copied byte for byte from
    /// the database, so the hashes can be checked from the file alone (see the
    /// crate documentation).
    pub fn export_jsonl(&self, out: &mut dyn Write) -> Result<u64, StoreError> {
        let sql = |source| StoreError::sqlite(&self.path, source);
        let connection = self.lock();
        let mut statement = connection
            .prepare(&format!(
                "SELECT {RECORD_COLUMNS} FROM {RECORDS_WITH_BODIES} ORDER BY r.seq"
            ))
            .map_err(sql)?;
        let mut rows = statement.query([]).map_err(sql)?;
        let mut written = 0u64;
        let mut bodies = Bodies::default();
        while let Some(row) = rows.next().map_err(sql)? {
            let raw = RawRow::read(row).map_err(sql)?;
            let seq = raw.seq as u64;
            let record = raw
                .assemble(&mut bodies)
                .map_err(|reason| StoreError::CorruptRecord {
                    path: self.path.clone(),
                    seq,
                    reason,
                })?;
            let mut line = record.canonical_object();
            line.push('\n');
            out.write_all(line.as_bytes()).map_err(StoreError::Export)?;
            written += 1;
        }
        out.flush().map_err(StoreError::Export)?;
        Ok(written)
    }

    /// A second connection to the file, for checkpointing beside the writer.
    pub(crate) fn checkpoint_connection(&self) -> Result<Connection, StoreError> {
        let sql = |source| StoreError::sqlite(&self.path, source);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let connection = Connection::open_with_flags(&self.path, flags).map_err(sql)?;
        connection.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
        // A checkpoint syncs the log before copying it and the database after.
        connection
            .pragma_update(None, "synchronous", "FULL")
            .map_err(sql)?;
        connection
            .pragma_update(None, "wal_autocheckpoint", 0)
            .map_err(sql)?;
        Ok(connection)
    }

    /// Turns SQLite's checkpoint-on-commit on (the default: every 1,000 pages
    /// of log) or off, for a writer whose checkpoints another thread runs.
    pub(crate) fn set_autocheckpoint(&self, on: bool) {
        let pages = if on { 1_000 } else { 0 };
        let _ = self.lock().pragma_update(None, "wal_autocheckpoint", pages);
    }

    /// Runs a passive checkpoint on this connection; `true` when the whole
    /// log was copied, so the next write starts it over.
    pub(crate) fn checkpoint_passive(&self) -> bool {
        let connection = self.lock();
        let outcome: rusqlite::Result<(i64, i64, i64)> =
            connection.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            });
        matches!(outcome, Ok((0, log, copied)) if log == copied)
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while locked leaves at worst an uncommitted transaction,
        // which SQLite rolled back when it was dropped: the connection is fine.
        self.connection
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Appends records one at a time after the chain's tail, inside an open write transaction
/// ([`AuditStore::append_guarded`]); nothing is durable until that transaction commits.
pub struct GuardedAppend<'t, 'c> {
    transaction: &'t rusqlite::Transaction<'c>,
    path: &'t Path,
    last_seq: i64,
    prev_hash: String,
    /// One time for the whole transaction: its records are committed together.
    recorded_at: String,
    /// Bodies already inserted by this transaction (a batch repeats them).
    stored_bodies: std::collections::HashSet<String>,
}

impl<'t, 'c> GuardedAppend<'t, 'c> {
    fn after_tail(
        transaction: &'t rusqlite::Transaction<'c>,
        path: &'t Path,
    ) -> Result<Self, StoreError> {
        let tail: Option<(i64, String)> = transaction
            .prepare_cached("SELECT seq, hash FROM records ORDER BY seq DESC LIMIT 1")
            .and_then(|mut statement| {
                statement
                    .query_row([], |row| Ok((row.get(0)?, row.get(1)?)))
                    .optional()
            })
            .map_err(|e| StoreError::sqlite(path, e))?;
        let (last_seq, prev_hash) = tail.unwrap_or_else(|| (0, GENESIS_PREV_HASH.to_owned()));
        Ok(GuardedAppend {
            transaction,
            path,
            last_seq,
            prev_hash,
            recorded_at: format!("{:.3}", jiff::Timestamp::now()),
            stored_bodies: std::collections::HashSet::new(),
        })
    }

    /// Inserts `record` after the last one and says where it went.
    pub fn append(&mut self, record: &PreparedRecord) -> Result<Receipt, StoreError> {
        let sql = |source| StoreError::sqlite(self.path, source);
        let seq = self.last_seq + 1;
        let hash = chain_hash(
            &record.content_hash,
            &self.prev_hash,
            &self.recorded_at,
            seq,
        );
        if !self.stored_bodies.contains(&record.body.hash) {
            self.transaction
                .prepare_cached("INSERT OR IGNORE INTO bodies (hash, data) VALUES (?1, ?2)")
                .and_then(|mut insert| {
                    insert.execute(rusqlite::params![
                        record.body.hash,
                        &*record.body.compressed
                    ])
                })
                .map_err(sql)?;
            self.stored_bodies.insert(record.body.hash.clone());
        }
        self.transaction
            .prepare_cached(
                "INSERT INTO records (seq, recorded_at, kind, source, inputs, body, overlay, \
                 rules_hash, lists_hash, earl_version, content_hash, prev_hash, hash) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )
            .and_then(|mut insert| {
                insert.execute(rusqlite::params![
                    seq,
                    self.recorded_at,
                    record.kind,
                    record.source,
                    record.inputs,
                    record.body.hash,
                    record.overlay,
                    record.rules_hash,
                    record.lists_hash,
                    record.earl_version,
                    record.content_hash,
                    self.prev_hash,
                    hash,
                ])
            })
            .map_err(sql)?;
        self.last_seq = seq;
        let prev_hash = std::mem::replace(&mut self.prev_hash, hash.clone());
        Ok(Receipt {
            seq: seq as u64,
            recorded_at: self.recorded_at.clone(),
            content_hash: record.content_hash.clone(),
            prev_hash,
            hash,
        })
    }
}

/// Walks records in `seq` order, checking each one's place, content hash, hash and link,
/// and reports the first that fails. `rows` yields each record's `seq` and its
/// assembled content, or why it could not be read.
pub(crate) fn check_chain(
    records: i64,
    rows: &mut dyn Iterator<Item = Result<(i64, Result<RecordRow, String>), StoreError>>,
) -> Result<VerifyReport, StoreError> {
    let report = |first_bad: Option<i64>, reason: Option<String>, last_hash| VerifyReport {
        ok: first_bad.is_none(),
        records: records as u64,
        first_bad: first_bad.map(|seq| seq as u64),
        reason,
        last_hash,
    };
    let mut expected_seq = 1i64;
    let mut prev_hash = GENESIS_PREV_HASH.to_owned();
    for row in rows {
        let (seq, record) = row?;
        if seq != expected_seq {
            let reason = format!("record {expected_seq} is missing (next is {seq})");
            return Ok(report(Some(expected_seq), Some(reason), None));
        }
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let reason = format!("unreadable: {error}");
                return Ok(report(Some(seq), Some(reason), None));
            }
        };
        if record.prev_hash != prev_hash {
            let reason = match seq {
                1 => "prev_hash of the first record is not 64 zeros".to_owned(),
                _ => format!("prev_hash does not match the hash of record {}", seq - 1),
            };
            return Ok(report(Some(seq), Some(reason), None));
        }
        if content_hash(&record.content()) != record.content_hash {
            let reason = "content_hash does not match the record's contents".to_owned();
            return Ok(report(Some(seq), Some(reason), None));
        }
        if record.computed_hash() != record.hash {
            let reason =
                "hash does not match the record's seq, time, content_hash and prev_hash".to_owned();
            return Ok(report(Some(seq), Some(reason), None));
        }
        prev_hash = record.hash;
        expected_seq += 1;
    }
    if expected_seq - 1 != records {
        let reason = format!("{records} records counted but {} read", expected_seq - 1);
        return Ok(report(Some(expected_seq), Some(reason), None));
    }
    let last_hash = (records > 0).then_some(prev_hash);
    Ok(report(None, None, last_hash))
}

/// Verifies a schema-3 trail through `connection` (a transaction for a consistent snapshot).
pub(crate) fn verify_v3(connection: &Connection, path: &Path) -> Result<VerifyReport, StoreError> {
    let sql = |source| StoreError::sqlite(path, source);
    let records: i64 = connection
        .query_row("SELECT count(*) FROM records", [], |row| row.get(0))
        .map_err(sql)?;
    let mut statement = connection
        .prepare(&format!(
            "SELECT {RECORD_COLUMNS} FROM records r LEFT JOIN bodies b ON b.hash = r.body \
             ORDER BY r.seq"
        ))
        .map_err(sql)?;
    let mut rows = statement.query([]).map_err(sql)?;
    let mut bodies = Bodies::default();
    let mut iter = std::iter::from_fn(|| match rows.next() {
        Ok(Some(row)) => Some(row.get::<_, i64>(0).map_err(sql).map(|seq| {
            let record = RawRow::read(row)
                .map_err(|e| e.to_string())
                .and_then(|raw| raw.assemble(&mut bodies));
            (seq, record)
        })),
        Ok(None) => None,
        Err(e) => Some(Err(sql(e))),
    });
    check_chain(records, &mut iter)
}

/// Why a read-only open failed: the file is not a trail earl can read, or SQLite could not
/// read it at all (perhaps only for want of its shared-memory file).
enum ReadOnlyOpen {
    Schema(StoreError),
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for ReadOnlyOpen {
    fn from(e: rusqlite::Error) -> Self {
        ReadOnlyOpen::Sqlite(e)
    }
}

/// Checks, writing nothing, that `connection` holds an earl trail of the current schema.
fn check_schema_read_only(connection: &Connection, path: &Path) -> Result<(), ReadOnlyOpen> {
    // Reading the schema is the first access: it fails here if the file cannot be read.
    let objects: i64 =
        connection.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?;
    let application_id: i64 =
        connection.pragma_query_value(None, "application_id", |row| row.get(0))?;
    let version: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let path = path.to_path_buf();
    Err(ReadOnlyOpen::Schema(match (application_id, objects) {
        (APPLICATION_ID, _) if version == SCHEMA_VERSION => return Ok(()),
        (APPLICATION_ID, _) if version == 2 => StoreError::NeedsMigration {
            path,
            found: version,
        },
        (APPLICATION_ID, _) => StoreError::UnsupportedSchemaVersion {
            path,
            found: version,
            supported: SCHEMA_VERSION,
        },
        (0, 0) => StoreError::Missing { path },
        _ => StoreError::ForeignSchema { path },
    }))
}

/// `file:PATH?immutable=1`, the path percent-encoded so that no character of it is read as
/// part of the URI.
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for byte in path.as_os_str().as_encoded_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                uri.push(char::from(*byte))
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// Creates the schema in an empty database, or checks that a non-empty one
/// is ours and of a version we understand.
fn create_or_check_schema(connection: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let sql = |source| StoreError::sqlite(path, source);
    // IMMEDIATE so that two processes opening a new file do not both create it.
    let transaction = connection
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sql)?;
    let application_id: i64 = transaction
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(sql)?;
    let version: i64 = transaction
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(sql)?;
    let objects: i64 = transaction
        .query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))
        .map_err(sql)?;
    match (application_id, objects) {
        (APPLICATION_ID, _) if version == SCHEMA_VERSION => {}
        (APPLICATION_ID, _) if version == 2 => {
            return Err(StoreError::NeedsMigration {
                path: path.to_path_buf(),
                found: version,
            });
        }
        (APPLICATION_ID, _) => {
            return Err(StoreError::UnsupportedSchemaVersion {
                path: path.to_path_buf(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        (0, 0) => {
            transaction.execute_batch(SCHEMA).map_err(sql)?;
            transaction
                .pragma_update(None, "application_id", APPLICATION_ID)
                .map_err(sql)?;
            transaction
                .pragma_update(None, "user_version", SCHEMA_VERSION)
                .map_err(sql)?;
        }
        _ => {
            return Err(StoreError::ForeignSchema {
                path: path.to_path_buf(),
            });
        }
    }
    transaction.commit().map_err(sql)
}

/// The fields a record's `content_hash` covers, `inputs` and `outputs` as
/// canonical JSON text.
struct Content<'a> {
    kind: &'a str,
    source: &'a str,
    inputs: &'a str,
    outputs: &'a str,
    rules_hash: &'a str,
    lists_hash: Option<&'a str>,
    earl_version: &'a str,
}

/// Lowercase hex SHA-256 of the content's canonical object:
/// `{"earl_version","inputs","kind","lists_hash","outputs","rules_hash","source"}`.
fn content_hash(content: &Content<'_>) -> String {
    // Streamed: the two large members go to the hasher as they are, not through a copy.
    let mut hasher = Sha256::new();
    let mut small = String::with_capacity(256);
    small.push_str("{\"earl_version\":");
    write_string(content.earl_version, &mut small);
    small.push_str(",\"inputs\":");
    hasher.update(small.as_bytes());
    hasher.update(content.inputs.as_bytes());
    small.clear();
    small.push_str(",\"kind\":");
    write_string(content.kind, &mut small);
    small.push_str(",\"lists_hash\":");
    match content.lists_hash {
        Some(lists_hash) => write_string(lists_hash, &mut small),
        None => small.push_str("null"),
    }
    small.push_str(",\"outputs\":");
    hasher.update(small.as_bytes());
    hasher.update(content.outputs.as_bytes());
    small.clear();
    small.push_str(",\"rules_hash\":");
    write_string(content.rules_hash, &mut small);
    small.push_str(",\"source\":");
    write_string(content.source, &mut small);
    small.push('}');
    hasher.update(small.as_bytes());
    hex::encode(hasher.finalize())
}

/// Lowercase hex SHA-256 of a record's chain link, the canonical object
/// `{"content_hash","prev_hash","recorded_at","seq"}`: a ~200-byte input.
fn chain_hash(content_hash: &str, prev_hash: &str, recorded_at: &str, seq: i64) -> String {
    let mut out = String::with_capacity(64 + content_hash.len() + prev_hash.len() + 48);
    out.push_str("{\"content_hash\":");
    write_string(content_hash, &mut out);
    out.push_str(",\"prev_hash\":");
    write_string(prev_hash, &mut out);
    out.push_str(",\"recorded_at\":");
    write_string(recorded_at, &mut out);
    out.push_str(",\"seq\":");
    out.push_str(&seq.to_string());
    out.push('}');
    hex::encode(Sha256::digest(out.as_bytes()))
}

impl Receipt {
    /// The stored record, reusing the caller's JSON values instead of reparsing.
    fn into_stored(self, record: NewRecord) -> StoredRecord {
        StoredRecord {
            seq: self.seq,
            recorded_at: self.recorded_at,
            kind: record.kind,
            source: record.source,
            inputs: record.inputs,
            outputs: record.outputs,
            rules_hash: record.rules_hash,
            lists_hash: record.lists_hash,
            earl_version: record.earl_version,
            content_hash: self.content_hash,
            prev_hash: self.prev_hash,
            hash: self.hash,
        }
    }
}

/// A row as read: the body still compressed.
struct RawRow {
    seq: i64,
    recorded_at: String,
    kind: String,
    source: String,
    inputs: String,
    body: Option<Vec<u8>>,
    overlay: Option<String>,
    rules_hash: String,
    lists_hash: Option<String>,
    earl_version: String,
    content_hash: String,
    prev_hash: String,
    hash: String,
}

/// Bodies already decompressed while reading many records (a batch shares few).
#[derive(Default)]
struct Bodies {
    by_bytes: std::collections::HashMap<Vec<u8>, Arc<str>>,
}

impl Bodies {
    fn text(&mut self, bytes: Vec<u8>) -> Result<Arc<str>, String> {
        if let Some(t) = self.by_bytes.get(&bytes) {
            return Ok(Arc::clone(t));
        }
        if self.by_bytes.len() > 4_096 {
            self.by_bytes.clear();
        }
        let text: Arc<str> = crate::body::decompress(&bytes)
            .map_err(|e| format!("its body cannot be decompressed: {e}"))?
            .into();
        self.by_bytes.insert(bytes, Arc::clone(&text));
        Ok(text)
    }
}

impl RawRow {
    /// Reads the columns of [`RECORD_COLUMNS`], in that order.
    fn read(row: &Row<'_>) -> rusqlite::Result<RawRow> {
        Ok(RawRow {
            seq: row.get(0)?,
            recorded_at: row.get(1)?,
            kind: row.get(2)?,
            source: row.get(3)?,
            inputs: row.get(4)?,
            body: row.get(5)?,
            overlay: row.get(6)?,
            rules_hash: row.get(7)?,
            lists_hash: row.get(8)?,
            earl_version: row.get(9)?,
            content_hash: row.get(10)?,
            prev_hash: row.get(11)?,
            hash: row.get(12)?,
        })
    }

    /// The record with its canonical `outputs` put back together.
    fn assemble(self, bodies: &mut Bodies) -> Result<RecordRow, String> {
        let body = bodies.text(self.body.ok_or("its body is missing")?)?;
        let outputs = crate::body::splice(&body, self.overlay.as_deref())
            .ok_or("its body and overlay do not form a JSON object")?;
        Ok(RecordRow {
            seq: self.seq,
            recorded_at: self.recorded_at,
            kind: self.kind,
            source: self.source,
            inputs: self.inputs,
            outputs,
            rules_hash: self.rules_hash,
            lists_hash: self.lists_hash,
            earl_version: self.earl_version,
            content_hash: self.content_hash,
            prev_hash: self.prev_hash,
            hash: self.hash,
        })
    }
}

/// A record with its `inputs` and `outputs` as canonical JSON text: what the hashes are
/// computed over.
pub(crate) struct RecordRow {
    pub(crate) seq: i64,
    pub(crate) recorded_at: String,
    pub(crate) kind: String,
    pub(crate) source: String,
    pub(crate) inputs: String,
    pub(crate) outputs: String,
    pub(crate) rules_hash: String,
    pub(crate) lists_hash: Option<String>,
    pub(crate) earl_version: String,
    pub(crate) content_hash: String,
    pub(crate) prev_hash: String,
    pub(crate) hash: String,
}

impl RecordRow {
    fn content(&self) -> Content<'_> {
        Content {
            kind: &self.kind,
            source: &self.source,
            inputs: &self.inputs,
            outputs: &self.outputs,
            rules_hash: &self.rules_hash,
            lists_hash: self.lists_hash.as_deref(),
            earl_version: &self.earl_version,
        }
    }

    /// The chain hash from the stored `content_hash`, which `verify` checks first.
    fn computed_hash(&self) -> String {
        chain_hash(
            &self.content_hash,
            &self.prev_hash,
            &self.recorded_at,
            self.seq,
        )
    }

    /// The record as one canonical JSON object with every field, keys in
    /// sorted order: one line of the export. `inputs` and `outputs` are
    /// already canonical.
    fn canonical_object(&self) -> String {
        let mut out =
            String::with_capacity(400 + self.inputs.len() + self.outputs.len() + self.kind.len());
        out.push_str("{\"content_hash\":");
        write_string(&self.content_hash, &mut out);
        out.push_str(",\"earl_version\":");
        write_string(&self.earl_version, &mut out);
        out.push_str(",\"hash\":");
        write_string(&self.hash, &mut out);
        out.push_str(",\"inputs\":");
        out.push_str(&self.inputs);
        out.push_str(",\"kind\":");
        write_string(&self.kind, &mut out);
        out.push_str(",\"lists_hash\":");
        match &self.lists_hash {
            Some(lists_hash) => write_string(lists_hash, &mut out),
            None => out.push_str("null"),
        }
        out.push_str(",\"outputs\":");
        out.push_str(&self.outputs);
        out.push_str(",\"prev_hash\":");
        write_string(&self.prev_hash, &mut out);
        out.push_str(",\"recorded_at\":");
        write_string(&self.recorded_at, &mut out);
        out.push_str(",\"rules_hash\":");
        write_string(&self.rules_hash, &mut out);
        out.push_str(",\"seq\":");
        out.push_str(&self.seq.to_string());
        out.push_str(",\"source\":");
        write_string(&self.source, &mut out);
        out.push('}');
        out
    }

    /// The stored record, parsing `inputs` and `outputs`.
    fn parse(self, path: &Path) -> Result<StoredRecord, StoreError> {
        let seq = self.seq as u64;
        let json = |column: &str, text: &str| {
            serde_json::from_str(text).map_err(|error| StoreError::CorruptRecord {
                path: path.to_path_buf(),
                seq,
                reason: format!("{column} is not JSON: {error}"),
            })
        };
        Ok(StoredRecord {
            seq,
            inputs: json("inputs", &self.inputs)?,
            outputs: json("outputs", &self.outputs)?,
            recorded_at: self.recorded_at,
            kind: self.kind,
            source: self.source,
            rules_hash: self.rules_hash,
            lists_hash: self.lists_hash,
            earl_version: self.earl_version,
            content_hash: self.content_hash,
            prev_hash: self.prev_hash,
            hash: self.hash,
        })
    }
}

#[derive(Clone, Copy)]
pub(crate) enum TimeBound {
    Since,
    Until,
}

/// Turns a user's time bound into the `recorded_at` format, so that string
/// comparison in SQL is time comparison.
pub(crate) fn time_bound(value: &str, bound: TimeBound) -> Result<String, StoreError> {
    let invalid = || StoreError::InvalidTime {
        value: value.to_owned(),
    };
    let timestamp = match value.parse::<jiff::Timestamp>() {
        Ok(timestamp) => timestamp,
        Err(_) => {
            let date: jiff::civil::Date = value.parse().map_err(|_| invalid())?;
            let day = match bound {
                TimeBound::Since => date,
                TimeBound::Until => date.tomorrow().map_err(|_| invalid())?,
            };
            day.to_zoned(jiff::tz::TimeZone::UTC)
                .map_err(|_| invalid())?
                .timestamp()
        }
    };
    Ok(format!("{timestamp:.3}"))
}
