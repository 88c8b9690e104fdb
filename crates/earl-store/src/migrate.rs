//! Upgrading a schema-2 audit trail to schema 3, never silently: the file is copied aside
//! first, the old chain is verified, every record is moved (its body stored once, compressed),
//! the new chain is verified in the same transaction, and only then is it committed. A trail
//! that fails either check is left exactly as it was.

use crate::body::{Body, split};
use crate::error::StoreError;
use crate::store::{APPLICATION_ID, RecordRow, SCHEMA, VerifyReport, check_chain, verify_v3};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What [`crate::AuditStore::migrate`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MigrationReport {
    pub records: u64,
    /// Distinct answer bodies the records share.
    pub bodies: u64,
    /// The copy of the schema-2 file kept beside it.
    pub backup: PathBuf,
    pub bytes_before: u64,
    pub bytes_after: u64,
    /// The verification of the upgraded trail (always ok when a report is returned).
    pub verified: VerifyReport,
}

const V2_COLUMNS: &str = "seq, recorded_at, kind, source, inputs, outputs, rules_hash, \
                          lists_hash, earl_version, content_hash, prev_hash, hash";

fn read_v2(row: &rusqlite::Row<'_>) -> rusqlite::Result<RecordRow> {
    Ok(RecordRow {
        seq: row.get(0)?,
        recorded_at: row.get(1)?,
        kind: row.get(2)?,
        source: row.get(3)?,
        inputs: row.get(4)?,
        outputs: row.get(5)?,
        rules_hash: row.get(6)?,
        lists_hash: row.get(7)?,
        earl_version: row.get(8)?,
        content_hash: row.get(9)?,
        prev_hash: row.get(10)?,
        hash: row.get(11)?,
    })
}

/// Upgrades the schema-2 trail at `path` (see the module documentation).
pub fn migrate(path: &Path) -> Result<MigrationReport, StoreError> {
    let sql = |source| StoreError::sqlite(path, source);
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut connection = Connection::open_with_flags(path, flags).map_err(sql)?;
    let application_id: i64 = connection
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(sql)?;
    let version: i64 = connection
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(sql)?;
    if application_id != APPLICATION_ID {
        return Err(StoreError::ForeignSchema {
            path: path.to_path_buf(),
        });
    }
    if version != 2 {
        return Err(StoreError::NothingToMigrate {
            path: path.to_path_buf(),
            found: version,
        });
    }
    let bytes_before = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let backup = backup_path(path);
    if backup.exists() {
        return Err(StoreError::BackupExists { path: backup });
    }
    connection
        .execute("VACUUM INTO ?1", [backup.to_string_lossy()])
        .map_err(sql)?;

    let transaction = connection
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sql)?;
    let records: i64 = transaction
        .query_row("SELECT count(*) FROM records", [], |row| row.get(0))
        .map_err(sql)?;
    let before = {
        let mut statement = transaction
            .prepare(&format!("SELECT {V2_COLUMNS} FROM records ORDER BY seq"))
            .map_err(sql)?;
        let mut rows = statement.query([]).map_err(sql)?;
        let mut iter = std::iter::from_fn(|| match rows.next() {
            Ok(Some(row)) => Some(read_v2(row).map(|r| (r.seq, Ok(r))).map_err(sql)),
            Ok(None) => None,
            Err(e) => Some(Err(sql(e))),
        });
        check_chain(records, &mut iter)?
    };
    if !before.ok {
        return Err(StoreError::MigrationRefused {
            path: path.to_path_buf(),
            reason: format!(
                "the schema-2 trail does not verify (record {}: {}); nothing was changed",
                before.first_bad.unwrap_or(0),
                before.reason.unwrap_or_default()
            ),
        });
    }
    transaction
        .execute_batch(
            "DROP TRIGGER records_no_update;
             DROP TRIGGER records_no_delete;
             DROP INDEX records_by_kind;
             DROP INDEX records_by_time;
             ALTER TABLE records RENAME TO records_v2;",
        )
        .map_err(sql)?;
    transaction.execute_batch(SCHEMA).map_err(sql)?;
    {
        let mut read = transaction
            .prepare(&format!("SELECT {V2_COLUMNS} FROM records_v2 ORDER BY seq"))
            .map_err(sql)?;
        let mut insert_body = transaction
            .prepare("INSERT OR IGNORE INTO bodies (hash, data) VALUES (?1, ?2)")
            .map_err(sql)?;
        let mut insert = transaction
            .prepare(
                "INSERT INTO records (seq, recorded_at, kind, source, inputs, body, overlay, \
                 rules_hash, lists_hash, earl_version, content_hash, prev_hash, hash) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )
            .map_err(sql)?;
        let mut rows = read.query([]).map_err(sql)?;
        while let Some(row) = rows.next().map_err(sql)? {
            let r = read_v2(row).map_err(sql)?;
            let (body, overlay) = split(&r.outputs);
            let body = Body::shared(body);
            insert_body
                .execute(rusqlite::params![body.hash, &*body.compressed])
                .map_err(sql)?;
            insert
                .execute(rusqlite::params![
                    r.seq,
                    r.recorded_at,
                    r.kind,
                    r.source,
                    r.inputs,
                    body.hash,
                    overlay,
                    r.rules_hash,
                    r.lists_hash,
                    r.earl_version,
                    r.content_hash,
                    r.prev_hash,
                    r.hash,
                ])
                .map_err(sql)?;
        }
    }
    transaction
        .execute_batch("DROP TABLE records_v2;")
        .map_err(sql)?;
    let after = verify_v3(&transaction, path)?;
    if !after.ok || after.last_hash != before.last_hash || after.records != before.records {
        // Dropping the transaction rolls everything back.
        return Err(StoreError::MigrationRefused {
            path: path.to_path_buf(),
            reason: format!(
                "the upgraded trail did not verify the same as before ({:?}); nothing was changed",
                after.reason
            ),
        });
    }
    let bodies: i64 = transaction
        .query_row("SELECT count(*) FROM bodies", [], |row| row.get(0))
        .map_err(sql)?;
    transaction
        .pragma_update(None, "user_version", crate::SCHEMA_VERSION)
        .map_err(sql)?;
    transaction.commit().map_err(sql)?;
    connection.execute_batch("VACUUM").map_err(sql)?;
    Ok(MigrationReport {
        records: records as u64,
        bodies: bodies as u64,
        backup,
        bytes_before,
        bytes_after: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
        verified: after,
    })
}

/// `audit.sqlite` → `audit.sqlite.schema2-backup`.
fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".schema2-backup");
    PathBuf::from(name)
}
