//! A writer killed with SIGKILL in the middle of a batch loses no committed
//! record and leaves a database that verifies.
//!
//! The test binary re-invokes itself as the writer: with `WRITER_DB` set,
//! `writer` appends one endless batch and prints the seq of every record it
//! saw committed; the parent kills it after some commits.

use earl_store::{AuditStore, NewRecord};
use serde_json::json;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

const WRITER_DB: &str = "EARL_STORE_TEST_WRITER_DB";
const COMMITTED: &str = "committed ";

#[test]
fn writer() {
    let Some(path) = std::env::var_os(WRITER_DB) else {
        return; // Only does something when run as the child below.
    };
    let store = AuditStore::open(path.as_ref()).unwrap();
    let records = (0u64..).map(|n| NewRecord {
        kind: "check".into(),
        source: "cli".into(),
        inputs: json!({"chip": "H100", "to": "CN", "n": n}),
        outputs: json!({"decision": "license_required"}),
        rules_hash: "r".repeat(64),
        lists_hash: None,
        earl_version: "0.1.0".into(),
    });
    let mut stdout = std::io::stdout().lock();
    store
        .append_chunked(records, 50, |chunk| {
            for record in chunk {
                writeln!(stdout, "{COMMITTED}{}", record.seq).unwrap();
            }
            stdout.flush().unwrap();
        })
        .unwrap();
}

#[test]
fn sigkill_mid_batch_loses_no_committed_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("audit.sqlite");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "writer", "--nocapture", "--test-threads=1"])
        .env(WRITER_DB, &path)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();

    // The pipe stays open until the writer is dead, so it cannot fail on a
    // closed stdout and exit by itself first.
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut reported = Vec::new();
    for line in lines.by_ref() {
        if let Some(seq) = line.unwrap().strip_prefix(COMMITTED) {
            reported.push(seq.parse::<u64>().unwrap());
        }
        if reported.len() >= 1_000 {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL on Unix
    let status = child.wait().unwrap();
    drop(lines);
    assert!(
        !status.success(),
        "the writer ran to completion instead of being killed"
    );
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(9), "{status:?}");
    }
    assert_eq!(reported.len(), 1_000, "the writer stopped reporting early");

    let store = AuditStore::open(&path).unwrap();
    let report = store.verify().unwrap();
    assert!(report.ok, "{report:?}");
    assert!(report.records >= 1_000, "{report:?}");
    for seq in &reported {
        assert!(
            store.get(*seq).unwrap().is_some(),
            "committed record {seq} was lost"
        );
    }
    // And the trail goes on where it stopped.
    let next = store
        .append(NewRecord {
            kind: "check".into(),
            source: "cli".into(),
            inputs: json!({}),
            outputs: json!({}),
            rules_hash: "r".repeat(64),
            lists_hash: None,
            earl_version: "0.1.0".into(),
        })
        .unwrap();
    assert_eq!(next.seq, report.records + 1);
    assert!(store.verify().unwrap().ok);
}
