//! A schema-2 trail is upgraded to schema 3 only through `earl_store::migrate`: backed up,
//! verified before and after, every record's hashes and content unchanged — and a trail that
//! does not verify is refused untouched.

use earl_store::canonical::canonical_json;
use earl_store::{AuditStore, StoreError};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::path::Path;

const V2_SCHEMA: &str = "
CREATE TABLE records (
    seq          INTEGER PRIMARY KEY CHECK (seq >= 1),
    recorded_at  TEXT NOT NULL,
    kind         TEXT NOT NULL,
    source       TEXT NOT NULL,
    inputs       TEXT NOT NULL,
    outputs      TEXT NOT NULL,
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
PRAGMA application_id = 1161908812;
PRAGMA user_version = 2;
";

fn sha(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// A schema-2 trail of `n` check records, hashed as schema 2 hashed them (the crate docs).
fn write_v2(path: &Path, n: u64) -> Vec<serde_json::Value> {
    let c = rusqlite::Connection::open(path).unwrap();
    c.execute_batch(V2_SCHEMA).unwrap();
    let mut prev = "0".repeat(64);
    let mut outputs = Vec::new();
    for seq in 1..=n {
        let inputs = canonical_json(&json!({"chip": "H100", "row": seq}));
        let out_value = json!({
            "date": format!("2025-03-{:02}", 1 + seq % 28),
            "license_required": seq % 2 == 0,
            "because": [{"kind": "control", "text": "a long explanation that repeats"}],
        });
        let out = canonical_json(&out_value);
        outputs.push(out_value);
        let rules = "r".repeat(64);
        let content = format!(
            r#"{{"earl_version":"0.1.0","inputs":{inputs},"kind":"check","lists_hash":null,"outputs":{out},"rules_hash":"{rules}","source":"cli"}}"#
        );
        let content_hash = sha(&content);
        let at = "2026-01-01T00:00:00.000Z";
        let hash = sha(&format!(
            r#"{{"content_hash":"{content_hash}","prev_hash":"{prev}","recorded_at":"{at}","seq":{seq}}}"#
        ));
        c.execute(
            "INSERT INTO records VALUES (?1, ?2, 'check', 'cli', ?3, ?4, ?5, NULL, '0.1.0', ?6, ?7, ?8)",
            rusqlite::params![seq, at, inputs, out, rules, content_hash, prev, hash],
        )
        .unwrap();
        prev = hash;
    }
    outputs
}

#[test]
fn a_schema_2_trail_is_refused_until_migrated_then_verifies_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("audit.sqlite");
    let outputs = write_v2(&path, 40);
    let error = AuditStore::open(&path).unwrap_err();
    assert!(
        matches!(error, StoreError::NeedsMigration { found: 2, .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("earl audit migrate"), "{error}");

    let report = earl_store::migrate(&path).unwrap();
    assert_eq!(report.records, 40);
    assert!(report.verified.ok);
    // The 40 records share two bodies: the answer with and without a licence required.
    assert_eq!(report.bodies, 2);
    assert!(report.backup.exists());

    let store = AuditStore::open(&path).unwrap();
    let v = store.verify().unwrap();
    assert!(v.ok, "{v:?}");
    assert_eq!(v.last_hash, report.verified.last_hash);
    for (i, expected) in outputs.iter().enumerate() {
        let got = store.get(i as u64 + 1).unwrap().unwrap();
        assert_eq!(&got.outputs, expected, "record {}", i + 1);
    }
    // The backup is the schema-2 file as it was, and migrating twice is refused.
    let backup = rusqlite::Connection::open(&report.backup).unwrap();
    let version: i64 = backup
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 2);
    assert!(matches!(
        earl_store::migrate(&path).unwrap_err(),
        StoreError::NothingToMigrate { found: 3, .. }
    ));
}

#[test]
fn a_schema_2_trail_that_does_not_verify_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("audit.sqlite");
    write_v2(&path, 5);
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute_batch(
        "DROP TRIGGER records_no_update; UPDATE records SET outputs = '{}' WHERE seq = 3;",
    )
    .unwrap();
    drop(c);
    let before: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM records", [], |r| r.get(0))
        .unwrap();
    let error = earl_store::migrate(&path).unwrap_err();
    assert!(
        matches!(error, StoreError::MigrationRefused { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("record 3"), "{error}");
    let c = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 2);
    let after: i64 = c
        .query_row("SELECT count(*) FROM records", [], |r| r.get(0))
        .unwrap();
    assert_eq!(after, before);
}
