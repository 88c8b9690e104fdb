use earl_store::{AuditStore, GENESIS_PREV_HASH, ListFilter, NewRecord, StoreError};
use serde_json::json;
use sha2::{Digest, Sha256};
use std::path::Path;
use std::sync::Arc;

fn record(kind: &str, n: u64) -> NewRecord {
    NewRecord {
        kind: kind.to_owned(),
        source: "cli".to_owned(),
        inputs: json!({"to": "CN", "chip": "H100", "n": n}),
        outputs: json!({"decision": "license_required", "steps": ["3A090.a", "744.23"], "tpp": 4800.5}),
        rules_hash: "r".repeat(64),
        lists_hash: (kind == "screen").then(|| "l".repeat(64)),
        earl_version: "0.1.0".to_owned(),
    }
}

fn store_with(dir: &Path, count: u64) -> AuditStore {
    let store = AuditStore::open(&dir.join("audit.sqlite")).unwrap();
    for n in 1..=count {
        store.append(record("check", n)).unwrap();
    }
    store
}

/// Runs `statements` on a separate raw connection, without the append-only triggers.
fn tamper(path: &Path, statements: &str) {
    let connection = rusqlite::Connection::open(path).unwrap();
    connection
        .execute_batch(&format!(
            "DROP TRIGGER records_no_update; DROP TRIGGER records_no_delete; {statements}"
        ))
        .unwrap();
}

/// Replaces record `seq`'s outputs with `outputs` (stored as a new body, as an attacker
/// with write access to the file would), running `more` (`, column = value ...`) too.
fn tamper_outputs(path: &Path, seq: u64, outputs: &str, more: &str) {
    let body = earl_store::body::Body::new(outputs.to_string());
    let connection = rusqlite::Connection::open(path).unwrap();
    connection
        .execute_batch("DROP TRIGGER records_no_update; DROP TRIGGER records_no_delete;")
        .unwrap();
    connection
        .execute(
            "INSERT OR IGNORE INTO bodies (hash, data) VALUES (?1, ?2)",
            rusqlite::params![body.hash, &*body.compressed],
        )
        .unwrap();
    connection
        .execute(
            &format!("UPDATE records SET body = ?1, overlay = NULL{more} WHERE seq = ?2"),
            rusqlite::params![body.hash, seq],
        )
        .unwrap();
}

#[test]
fn append_assigns_seq_time_and_chained_hashes() {
    let dir = tempfile::tempdir().unwrap();
    let store = AuditStore::open(&dir.path().join("nested/dir/audit.sqlite")).unwrap();
    let first = store.append(record("classify", 1)).unwrap();
    let second = store.append(record("screen", 2)).unwrap();

    assert_eq!((first.seq, second.seq), (1, 2));
    assert_eq!(first.prev_hash, GENESIS_PREV_HASH);
    assert_eq!(second.prev_hash, first.hash);
    assert_eq!(first.hash.len(), 64);
    assert!(
        first
            .hash
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    );
    assert_ne!(first.hash, second.hash);
    // 2026-03-01T12:00:00.123Z
    assert_eq!(first.recorded_at.len(), 24, "{}", first.recorded_at);
    assert!(first.recorded_at.ends_with('Z') && first.recorded_at.as_bytes()[19] == b'.');
    assert!(first.recorded_at <= second.recorded_at);
    assert_eq!(second.lists_hash.as_deref(), Some("l".repeat(64).as_str()));
}

#[test]
fn get_returns_what_append_returned() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), 3);
    let appended = store.append(record("screen", 4)).unwrap();
    assert_eq!(store.get(4).unwrap(), Some(appended.clone()));
    assert_eq!(store.get(4).unwrap().unwrap().outputs["tpp"], json!(4800.5));
    assert_eq!(store.get(5).unwrap(), None);
    assert_eq!(store.get(0).unwrap(), None);
    assert_eq!(store.get(u64::MAX).unwrap(), None);

    // Survives reopening.
    drop(store);
    let reopened = AuditStore::open(&dir.path().join("audit.sqlite")).unwrap();
    assert_eq!(reopened.get(4).unwrap(), Some(appended));
}

#[test]
fn list_filters_by_kind_time_and_pages() {
    let dir = tempfile::tempdir().unwrap();
    let store = AuditStore::open(&dir.path().join("audit.sqlite")).unwrap();
    for n in 1..=6 {
        store
            .append(record(if n % 2 == 0 { "screen" } else { "check" }, n))
            .unwrap();
        // Times have millisecond resolution; the time filters below need distinct times.
        std::thread::sleep(std::time::Duration::from_millis(3));
    }
    let seqs = |filter: ListFilter| -> Vec<u64> {
        store
            .list(&filter)
            .unwrap()
            .iter()
            .map(|summary| summary.seq)
            .collect()
    };

    assert_eq!(seqs(ListFilter::default()), [1, 2, 3, 4, 5, 6]);
    let screens = ListFilter {
        kind: Some("screen".into()),
        ..Default::default()
    };
    assert_eq!(seqs(screens.clone()), [2, 4, 6]);
    assert_eq!(
        seqs(ListFilter {
            limit: Some(2),
            offset: Some(1),
            ..screens.clone()
        }),
        [4, 6]
    );
    assert_eq!(
        seqs(ListFilter {
            newest_first: true,
            limit: Some(2),
            ..Default::default()
        }),
        [6, 5]
    );
    assert_eq!(
        seqs(ListFilter {
            offset: Some(10),
            ..Default::default()
        }),
        Vec::<u64>::new()
    );

    let summary = &store.list(&screens).unwrap()[0];
    let full = store.get(2).unwrap().unwrap();
    assert_eq!(
        (summary.kind.as_str(), summary.source.as_str()),
        ("screen", "cli")
    );
    assert_eq!(
        (&summary.recorded_at, &summary.hash),
        (&full.recorded_at, &full.hash)
    );

    let day = &full.recorded_at[..10];
    let within = |since: &str, until: &str| {
        seqs(ListFilter {
            since: Some(since.into()),
            until: Some(until.into()),
            ..Default::default()
        })
    };
    assert_eq!(
        within(day, day).len(),
        6,
        "a bare `until` date includes that day"
    );
    assert_eq!(within("2000-01-01", "2000-12-31"), Vec::<u64>::new());
    assert_eq!(within(&full.recorded_at, "9999-01-01T00:00:00Z")[0], 2);
    assert_eq!(within("2000-01-01T00:00:00+05:00", &full.recorded_at), [1]);

    let bad = store.list(&ListFilter {
        since: Some("last tuesday".into()),
        ..Default::default()
    });
    assert!(matches!(bad, Err(StoreError::InvalidTime { value }) if value == "last tuesday"));
}

#[test]
fn verify_accepts_an_empty_and_a_clean_chain() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), 0);
    let empty = store.verify().unwrap();
    assert!(
        empty.ok && empty.records == 0 && empty.first_bad.is_none() && empty.last_hash.is_none()
    );

    let last = (1..=50)
        .map(|n| store.append(record("check", n)).unwrap())
        .last()
        .unwrap();
    let report = store.verify().unwrap();
    assert!(report.ok, "{report:?}");
    assert_eq!(report.records, 50);
    assert_eq!(report.first_bad, None);
    assert_eq!(report.reason, None);
    assert_eq!(report.last_hash, Some(last.hash));
    assert_eq!(
        serde_json::to_value(&report).unwrap(),
        json!({"ok": true, "records": 50, "first_bad": null, "reason": null, "last_hash": report.last_hash})
    );
}

#[test]
fn verify_names_the_record_whose_outputs_were_altered() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), 5);
    tamper_outputs(store.path(), 3, r#"{"decision":"no_license_required"}"#, "");
    let report = store.verify().unwrap();
    assert!(!report.ok);
    assert_eq!(report.records, 5);
    assert_eq!(report.first_bad, Some(3));
    assert_eq!(
        report.reason.as_deref(),
        Some("content_hash does not match the record's contents")
    );
    assert_eq!(report.last_hash, None);
}

#[test]
fn verify_names_the_record_whose_content_hash_was_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), 5);
    let original = store.get(3).unwrap().unwrap();
    // Outputs altered and content_hash recomputed to match: the chain hash still gives it away.
    let outputs = r#"{"decision":"no_license_required"}"#;
    let forged = hex::encode(Sha256::digest(
        format!(
            r#"{{"earl_version":"0.1.0","inputs":{},"kind":"check","lists_hash":null,"outputs":{outputs},"rules_hash":"{}","source":"cli"}}"#,
            serde_json::to_string(&original.inputs).unwrap(),
            "r".repeat(64)
        )
        .as_bytes(),
    ));
    tamper_outputs(
        store.path(),
        3,
        outputs,
        &format!(", content_hash = '{forged}'"),
    );
    let report = store.verify().unwrap();
    assert_eq!(report.first_bad, Some(3));
    assert_eq!(
        report.reason.as_deref(),
        Some("hash does not match the record's seq, time, content_hash and prev_hash")
    );
}

#[test]
fn a_rewritten_record_breaks_the_next_link() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), 5);
    let original = store.get(3).unwrap().unwrap();
    let outputs = r#"{"decision":"no_license_required"}"#;
    let content_hash = hex::encode(Sha256::digest(
        format!(
            r#"{{"earl_version":"0.1.0","inputs":{},"kind":"check","lists_hash":null,"outputs":{outputs},"rules_hash":"{}","source":"cli"}}"#,
            serde_json::to_string(&original.inputs).unwrap(),
            "r".repeat(64)
        )
        .as_bytes(),
    ));
    let hash = hex::encode(Sha256::digest(
        format!(
            r#"{{"content_hash":"{content_hash}","prev_hash":"{}","recorded_at":"{}","seq":3}}"#,
            original.prev_hash, original.recorded_at
        )
        .as_bytes(),
    ));
    tamper_outputs(
        store.path(),
        3,
        outputs,
        &format!(", content_hash = '{content_hash}', hash = '{hash}'"),
    );
    let report = store.verify().unwrap();
    assert_eq!(report.first_bad, Some(4));
    assert_eq!(
        report.reason.as_deref(),
        Some("prev_hash does not match the hash of record 3")
    );
}

#[test]
fn verify_catches_an_altered_record_whose_hash_was_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), 5);
    let forged = "f".repeat(64);
    tamper_outputs(store.path(), 3, "{}", &format!(", hash = '{forged}'"));
    let report = store.verify().unwrap();
    assert_eq!(report.first_bad, Some(3));
}

#[test]
fn verify_detects_a_deleted_middle_record() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), 5);
    tamper(store.path(), "DELETE FROM records WHERE seq = 3;");
    let report = store.verify().unwrap();
    assert!(!report.ok);
    assert_eq!(report.records, 4);
    assert_eq!(report.first_bad, Some(3));
    assert_eq!(
        report.reason.as_deref(),
        Some("record 3 is missing (next is 4)")
    );
}

#[test]
fn verify_detects_a_deleted_first_record() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), 3);
    tamper(store.path(), "DELETE FROM records WHERE seq = 1;");
    assert_eq!(store.verify().unwrap().first_bad, Some(1));
}

#[test]
fn verify_detects_swapped_records() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), 5);
    tamper(
        store.path(),
        "UPDATE records SET seq = 1002 WHERE seq = 2;
         UPDATE records SET seq = 2 WHERE seq = 3;
         UPDATE records SET seq = 3 WHERE seq = 1002;",
    );
    let report = store.verify().unwrap();
    assert!(!report.ok);
    assert_eq!(report.first_bad, Some(2));
    assert_eq!(
        report.reason.as_deref(),
        Some("prev_hash does not match the hash of record 1")
    );
}

#[test]
fn the_table_refuses_updates_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), 2);
    let raw = rusqlite::Connection::open(store.path()).unwrap();
    for statement in [
        "UPDATE records SET kind = 'x' WHERE seq = 1",
        "DELETE FROM records",
    ] {
        let error = raw.execute(statement, []).unwrap_err();
        assert!(error.to_string().contains("append-only"), "{error}");
    }
    assert!(store.verify().unwrap().ok);
}

#[test]
fn concurrent_appends_on_separate_connections_form_one_chain() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("audit.sqlite");
    AuditStore::open(&path).unwrap();
    let writers: Vec<_> = (0..2)
        .map(|writer| {
            let path = path.clone();
            std::thread::spawn(move || {
                let store = AuditStore::open(&path).unwrap();
                (0..150)
                    .map(|n| {
                        store
                            .append(record("check", writer * 1000 + n))
                            .unwrap()
                            .seq
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut seqs: Vec<u64> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    seqs.sort_unstable();
    assert_eq!(seqs, (1..=300).collect::<Vec<_>>());

    let report = AuditStore::open(&path).unwrap().verify().unwrap();
    assert!(report.ok, "{report:?}");
    assert_eq!(report.records, 300);
}

#[test]
fn one_store_can_be_shared_between_threads() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(store_with(dir.path(), 0));
    let writers: Vec<_> = (0..4)
        .map(|_| {
            let store = Arc::clone(&store);
            std::thread::spawn(move || {
                for n in 0..25 {
                    store.append(record("screen", n)).unwrap();
                }
            })
        })
        .collect();
    writers.into_iter().for_each(|w| w.join().unwrap());
    let report = store.verify().unwrap();
    assert!(report.ok && report.records == 100, "{report:?}");
}

#[test]
fn append_many_commits_in_chunks_and_reports_each() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), 1);
    let stored = store
        .append_many((0..2_500).map(|n| record("match", n)))
        .unwrap();
    assert_eq!(stored.len(), 2_500);
    assert_eq!(stored[0].seq, 2);
    assert_eq!(stored[0].prev_hash, store.get(1).unwrap().unwrap().hash);
    assert_eq!(stored.last().unwrap().seq, 2_501);

    let mut chunks = Vec::new();
    let appended = store
        .append_chunked((0..25).map(|n| record("diff", n)), 10, |chunk| {
            chunks.push(chunk.iter().map(|r| r.seq).collect::<Vec<_>>())
        })
        .unwrap();
    assert_eq!(appended, 25);
    assert_eq!(chunks.iter().map(Vec::len).collect::<Vec<_>>(), [10, 10, 5]);
    assert_eq!(chunks[2], [2_522, 2_523, 2_524, 2_525, 2_526]);
    assert_eq!(store.append_many(std::iter::empty()).unwrap(), []);

    let report = store.verify().unwrap();
    assert!(report.ok && report.records == 2_526, "{report:?}");
}

#[test]
fn export_lines_can_be_verified_without_earl() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), 3);
    store
        .append(NewRecord {
            inputs: json!({"q": "Huawei \"Tech\"\n\u{1}", "z": [1e16, 2.5e-8, -0.0], "a": {}}),
            ..record("screen", 4)
        })
        .unwrap();
    let mut out = Vec::new();
    assert_eq!(store.export_jsonl(&mut out).unwrap(), 4);
    let text = String::from_utf8(out).unwrap();
    assert!(text.ends_with('\n'));

    // The recipe from the crate documentation: cut the chain members out of the
    // line to get the content, hash it; build the chain link, hash it.
    let mut prev_hash = GENESIS_PREV_HASH.to_owned();
    for (index, line) in text.lines().enumerate() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let field = |name: &str| value[name].as_str().unwrap().to_owned();
        let (content_hash, hash) = (field("content_hash"), field("hash"));
        let cut = |line: &str, member: String, last: bool| {
            let at = if last {
                line.rfind(&member)
            } else {
                line.find(&member)
            };
            let at = at.unwrap_or_else(|| panic!("{member} not in {line}"));
            format!("{}{}", &line[..at], &line[at + member.len()..])
        };
        let content = cut(line, format!("\"content_hash\":\"{content_hash}\","), false);
        let content = cut(&content, format!(",\"hash\":\"{hash}\""), false);
        let content = cut(
            &content,
            format!(",\"prev_hash\":\"{}\"", field("prev_hash")),
            true,
        );
        let content = cut(
            &content,
            format!(",\"recorded_at\":\"{}\"", field("recorded_at")),
            true,
        );
        let content = cut(&content, format!(",\"seq\":{}", value["seq"]), true);
        assert_eq!(
            hex::encode(Sha256::digest(content.as_bytes())),
            content_hash
        );
        let link = format!(
            r#"{{"content_hash":"{content_hash}","prev_hash":"{}","recorded_at":"{}","seq":{}}}"#,
            field("prev_hash"),
            field("recorded_at"),
            value["seq"]
        );
        assert_eq!(hex::encode(Sha256::digest(link.as_bytes())), hash);
        assert_eq!(value["prev_hash"], json!(prev_hash));
        assert_eq!(value["seq"], json!(index + 1));
        prev_hash = hash.to_owned();

        let record: earl_store::StoredRecord = serde_json::from_value(value).unwrap();
        assert_eq!(Some(record), store.get(index as u64 + 1).unwrap());
    }
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with(r#"{"content_hash":""#)
            && first.contains(r#"","earl_version":"0.1.0","hash":""#),
        "{first}"
    );
    assert!(first.contains(
        r#","inputs":{"chip":"H100","n":1,"to":"CN"},"kind":"check","lists_hash":null,"#
    ));
    // The export is what the Python recipe in the crate documentation reads.
    if let Ok(dir) = std::env::var("EARL_EXPORT_TO") {
        std::fs::write(std::path::Path::new(&dir).join("audit.jsonl"), &text).unwrap();
    }
}

#[test]
fn a_directory_is_refused_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let error = AuditStore::open(dir.path()).unwrap_err();
    assert!(matches!(error, StoreError::IsDirectory { .. }));
    assert!(
        error
            .to_string()
            .starts_with(&dir.path().display().to_string()),
        "{error}"
    );
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    for (name, contents) in [
        ("notes.txt", "H100 to CN: licence required. ".repeat(40)),
        ("short.txt", "hello".to_owned()),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &contents).unwrap();
        let error = AuditStore::open(&path).unwrap_err();
        assert!(
            matches!(error, StoreError::NotSqlite { .. }),
            "{name}: {error:?}"
        );
        assert_eq!(
            error.to_string(),
            format!("{}: not an SQLite database", path.display())
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), contents);
    }
}

#[test]
fn another_applications_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE records (id INTEGER); INSERT INTO records VALUES (1);")
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let error = AuditStore::open(&path).unwrap_err();
    assert!(
        matches!(error, StoreError::ForeignSchema { .. }),
        "{error:?}"
    );
    assert!(
        error.to_string().contains(&path.display().to_string()),
        "{error}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_newer_schema_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_with(dir.path(), 1).path().to_path_buf();
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 4)
        .unwrap();
    let error = AuditStore::open(&path).unwrap_err();
    assert!(
        matches!(
            error,
            StoreError::UnsupportedSchemaVersion {
                found: 4,
                supported: 3,
                ..
            }
        ),
        "{error:?}"
    );
}

#[test]
fn a_version_1_trail_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = store_with(dir.path(), 1).path().to_path_buf();
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 1)
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let error = AuditStore::open(&path).unwrap_err();
    assert!(
        matches!(
            error,
            StoreError::UnsupportedSchemaVersion {
                found: 1,
                supported: 3,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("version 1"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_new_database_uses_16_kib_pages() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), 1);
    let page_size: i64 = rusqlite::Connection::open(store.path())
        .unwrap()
        .pragma_query_value(None, "page_size", |row| row.get(0))
        .unwrap();
    assert_eq!(page_size, 16_384);
}

#[test]
fn an_empty_file_becomes_an_audit_trail() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("audit.sqlite");
    std::fs::write(&path, "").unwrap();
    let store = AuditStore::open(&path).unwrap();
    assert_eq!(store.append(record("check", 1)).unwrap().seq, 1);
}

#[test]
fn group_appender_serves_many_threads_with_one_valid_chain() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(store_with(dir.path(), 1));
    let appender = Arc::new(earl_store::GroupAppender::new(Arc::clone(&store)));
    let callers: Vec<_> = (0..16)
        .map(|caller| {
            let appender = Arc::clone(&appender);
            std::thread::spawn(move || {
                (0..40)
                    .map(|n| {
                        let receipt = appender.append(record("check", caller * 100 + n)).unwrap();
                        (receipt, caller * 100 + n)
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let receipts: Vec<_> = callers
        .into_iter()
        .flat_map(|c| c.join().unwrap())
        .collect();
    // Each receipt names the row that holds its caller's record.
    for (receipt, n) in &receipts {
        let stored = store.get(receipt.seq).unwrap().unwrap();
        assert_eq!(stored.inputs["n"], json!(n));
        assert_eq!(
            (&stored.content_hash, &stored.hash, &stored.prev_hash),
            (&receipt.content_hash, &receipt.hash, &receipt.prev_hash)
        );
    }
    let mut seqs: Vec<u64> = receipts.iter().map(|(receipt, _)| receipt.seq).collect();
    seqs.sort_unstable();
    assert_eq!(seqs, (2..=641).collect::<Vec<_>>());
    // Every answer was given after its commit: reading through another connection sees them.
    let other = AuditStore::open(store.path()).unwrap();
    let report = other.verify().unwrap();
    assert!(report.ok && report.records == 641, "{report:?}");
    drop(appender);
    assert!(store.verify().unwrap().ok);
}

#[test]
fn group_appender_submit_reports_each_commit_and_drop_flushes_the_queue() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(store_with(dir.path(), 0));
    let appender = earl_store::GroupAppender::new(Arc::clone(&store));
    let (done, outcomes) = std::sync::mpsc::channel();
    for n in 0..100 {
        let done = done.clone();
        appender.submit(record("screen", n), move |outcome| {
            done.send(outcome.map(|r| r.seq)).unwrap();
        });
    }
    // Dropping waits for the writer, so every queued record is committed.
    drop(appender);
    drop(done);
    let mut seqs: Vec<u64> = outcomes.iter().map(Result::unwrap).collect();
    seqs.sort_unstable();
    assert_eq!(seqs, (1..=100).collect::<Vec<_>>());
    assert!(store.verify().unwrap().ok);
}

#[test]
fn a_new_database_is_in_wal_mode_and_records_its_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_with(dir.path(), 1);
    let raw = rusqlite::Connection::open(store.path()).unwrap();
    let pragma = |name: &str| -> rusqlite::types::Value {
        raw.pragma_query_value(None, name, |row| row.get(0))
            .unwrap()
    };
    assert_eq!(
        pragma("journal_mode"),
        rusqlite::types::Value::Text("wal".into())
    );
    assert_eq!(
        pragma("user_version"),
        rusqlite::types::Value::Integer(earl_store::SCHEMA_VERSION)
    );
    assert_eq!(
        pragma("application_id"),
        rusqlite::types::Value::Integer(0x4541_524C)
    );
}

/// Records sharing a body, prepared again and again in varying order (a server answering the
/// same names, batch rows sharing answers): each content hash is the one `verify` computes
/// afresh, however many times its content was prepared before on this thread.
#[test]
fn records_prepared_again_keep_their_content_hashes() {
    use earl_store::PreparedRecord;
    use earl_store::body::{Body, overlay_of};
    let dir = tempfile::tempdir().unwrap();
    let store = AuditStore::open(&dir.path().join("audit.sqlite")).unwrap();
    let bodies: Vec<Arc<Body>> = (0..3)
        .map(|b| {
            Arc::new(Body::new(earl_store::canonical::canonical_json(
                &json!({"answer": b, "because": "x".repeat(9_000 * b)}),
            )))
        })
        .collect();
    let mut hashes = std::collections::HashMap::new();
    for n in 0..200u64 {
        let body = &bodies[(n % 3) as usize];
        let date = format!("2026-12-0{}", 1 + n % 2);
        let inputs = json!({"q": format!("name {}", n % 5)});
        let lists = (n % 7 == 0).then(|| "l".repeat(64));
        let record = PreparedRecord::with_body(
            "screen",
            if n % 4 == 0 { "api" } else { "cli" },
            &inputs,
            Arc::clone(body),
            Some(overlay_of("date", &date)),
            "r".repeat(64),
            lists,
            "0.1.0",
        )
        .unwrap();
        hashes
            .entry(record.content_hash().to_string())
            .or_insert(0usize);
        store.append_prepared(&record).unwrap();
    }
    assert!(hashes.len() > 10, "contents differ: {}", hashes.len());
    let report = store.verify().unwrap();
    assert!(report.ok, "{report:?}");
    assert_eq!(report.records, 200);
}

#[test]
fn screenings_that_differ_only_in_the_name_asked_share_one_body() {
    let dir = tempfile::tempdir().unwrap();
    let store = AuditStore::open(&dir.path().join("audit.sqlite")).unwrap();
    for n in 0..50u64 {
        let record = NewRecord {
            kind: "screen".to_owned(),
            source: "cli".to_owned(),
            inputs: json!({"name": format!("Vertex Quantum {n} Limited")}),
            outputs: json!({
                "date": format!("2026-12-0{}", 1 + n % 3),
                "matches": [],
                "query": format!("Vertex Quantum {n} Limited"),
                "threshold": 0.75,
            }),
            rules_hash: "r".repeat(64),
            lists_hash: Some("l".repeat(64)),
            earl_version: "0.1.0".to_owned(),
        };
        store.append(record).unwrap();
    }
    let connection = rusqlite::Connection::open(store.path()).unwrap();
    let bodies: i64 = connection
        .query_row("SELECT count(*) FROM bodies", [], |row| row.get(0))
        .unwrap();
    assert_eq!(
        bodies, 1,
        "the date and the name asked are each record's own"
    );
    // Each record reads back whole, its name and date in place.
    let exported = store.get(37).unwrap().unwrap();
    assert_eq!(exported.outputs["query"], "Vertex Quantum 36 Limited");
    assert_eq!(exported.outputs["date"], "2026-12-01");
    let report = store.verify().unwrap();
    assert!(report.ok && report.records == 50, "{report:?}");
}
