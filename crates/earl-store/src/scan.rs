//! Reading the trail back in bulk, for `earl audit rescreen` and `recheck`, and the cache that
//! makes a rescreen incremental.
//!
//! The cache is derived data beside the chain, not part of it: a table `screen_cache` keyed by
//! the screening lists' SHA-256, a screener version and the party name. Losing it costs only a
//! slower rescreen; it never changes a record, so `verify` is unaffected.

use crate::error::StoreError;
use crate::store::{AuditStore, TimeBound, time_bound};
use std::collections::HashMap;

/// One record as [`AuditStore::scan`] yields it: the body is given only the first time the
/// scan meets it (records of a batch share few bodies; the caller keeps what it derives from
/// each by `body_hash`).
#[derive(Debug, Clone)]
pub struct ScanRow {
    pub seq: u64,
    pub recorded_at: String,
    pub kind: String,
    pub source: String,
    /// Canonical JSON text.
    pub inputs: String,
    /// SHA-256 of the answer body; records of one batch share few bodies.
    pub body_hash: String,
    /// The body (canonical JSON without the per-record members), when wanted.
    pub body: Option<String>,
    /// The record's own members (`{"date":…}`), canonical JSON.
    pub overlay: Option<String>,
    /// SHA-256 of the screening lists the answer consulted, if any.
    pub lists_hash: Option<String>,
    pub earl_version: String,
}

const CACHE_TABLE: &str = "CREATE TABLE IF NOT EXISTS screen_cache (
    lists_hash TEXT NOT NULL,
    screener TEXT NOT NULL,
    name TEXT NOT NULL,
    result TEXT NOT NULL,
    PRIMARY KEY (lists_hash, screener, name)
) STRICT, WITHOUT ROWID";

impl AuditStore {
    /// Calls `each` on every record of one of `kinds` recorded at or after `since` (RFC 3339
    /// or `YYYY-MM-DD`), in `seq` order, inside one read transaction. Each body is
    /// decompressed and given once, with the first record that has it.
    pub fn scan(
        &self,
        kinds: &[&str],
        since: Option<&str>,
        each: &mut dyn FnMut(ScanRow),
    ) -> Result<u64, StoreError> {
        let path = self.path().to_path_buf();
        let sql = |source| StoreError::sqlite(&path, source);
        let since = since.map(|s| time_bound(s, TimeBound::Since)).transpose()?;
        let placeholders: Vec<String> = (0..kinds.len()).map(|i| format!("?{}", i + 2)).collect();
        let query = format!(
            "SELECT r.seq, r.recorded_at, r.kind, r.source, r.inputs, r.body, r.overlay, \
             r.lists_hash, r.earl_version \
             FROM records r WHERE (?1 IS NULL OR r.recorded_at >= ?1) AND r.kind IN ({}) \
             ORDER BY r.seq",
            placeholders.join(",")
        );
        let mut connection = self.lock();
        let transaction = connection.transaction().map_err(sql)?;
        let mut params: Vec<rusqlite::types::Value> = vec![since.into()];
        params.extend(
            kinds
                .iter()
                .map(|k| rusqlite::types::Value::from(k.to_string())),
        );
        let mut statement = transaction.prepare(&query).map_err(sql)?;
        let mut body_statement = transaction
            .prepare("SELECT data FROM bodies WHERE hash = ?1")
            .map_err(sql)?;
        let mut rows = statement
            .query(rusqlite::params_from_iter(params))
            .map_err(sql)?;
        let mut n = 0u64;
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        while let Some(row) = rows.next().map_err(sql)? {
            let seq: i64 = row.get(0).map_err(sql)?;
            let body_hash: String = row.get(5).map_err(sql)?;
            let body = if seen.insert(body_hash.clone()) {
                let bytes: Vec<u8> = body_statement
                    .query_row([&body_hash], |r| r.get(0))
                    .map_err(sql)?;
                Some(
                    crate::body::decompress(&bytes).map_err(|e| StoreError::CorruptRecord {
                        path: path.clone(),
                        seq: seq as u64,
                        reason: format!("its body cannot be decompressed: {e}"),
                    })?,
                )
            } else {
                None
            };
            each(ScanRow {
                seq: seq as u64,
                recorded_at: row.get(1).map_err(sql)?,
                kind: row.get(2).map_err(sql)?,
                source: row.get(3).map_err(sql)?,
                inputs: row.get(4).map_err(sql)?,
                body_hash,
                body,
                overlay: row.get(6).map_err(sql)?,
                lists_hash: row.get(7).map_err(sql)?,
                earl_version: row.get(8).map_err(sql)?,
            });
            n += 1;
        }
        Ok(n)
    }

    /// Every cached screening result for these lists and this screener: name → result.
    pub fn screen_cache(
        &self,
        lists_hash: &str,
        screener: &str,
    ) -> Result<HashMap<String, String>, StoreError> {
        let sql = |source| StoreError::sqlite(self.path(), source);
        let connection = self.lock();
        connection.execute_batch(CACHE_TABLE).map_err(sql)?;
        let mut statement = connection
            .prepare(
                "SELECT name, result FROM screen_cache WHERE lists_hash = ?1 AND screener = ?2",
            )
            .map_err(sql)?;
        let rows = statement
            .query_map([lists_hash, screener], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(sql)?;
        rows.collect::<Result<_, _>>().map_err(sql)
    }

    /// The lists the cache holds results for (by SHA-256), with how many names each, most
    /// first: where a re-screen after an update can start from.
    pub fn screen_cache_lists(&self, screener: &str) -> Result<Vec<(String, u64)>, StoreError> {
        let sql = |source| StoreError::sqlite(self.path(), source);
        let connection = self.lock();
        connection.execute_batch(CACHE_TABLE).map_err(sql)?;
        let mut statement = connection
            .prepare(
                "SELECT lists_hash, COUNT(*) FROM screen_cache WHERE screener = ?1 \
                 GROUP BY lists_hash ORDER BY COUNT(*) DESC, lists_hash",
            )
            .map_err(sql)?;
        let rows = statement
            .query_map([screener], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(sql)?;
        rows.collect::<Result<_, _>>().map_err(sql)
    }

    /// Adds screening results to the cache, in one transaction.
    pub fn put_screen_cache(
        &self,
        lists_hash: &str,
        screener: &str,
        results: &[(String, String)],
    ) -> Result<(), StoreError> {
        let sql = |source| StoreError::sqlite(self.path(), source);
        let mut connection = self.lock();
        connection.execute_batch(CACHE_TABLE).map_err(sql)?;
        let transaction = connection.transaction().map_err(sql)?;
        {
            let mut statement = transaction
                .prepare(
                    "INSERT OR REPLACE INTO screen_cache (lists_hash, screener, name, result) \
                     VALUES (?1, ?2, ?3, ?4)",
                )
                .map_err(sql)?;
            for (name, result) in results {
                statement
                    .execute([lists_hash, screener, name, result])
                    .map_err(sql)?;
            }
        }
        transaction.commit().map_err(sql)
    }
}
