//! Append, verify and export rates on a file on disk, with every commit synced.
//!
//! Small records first, then records whose outputs are a real `earl check`
//! answer (H200 to CN, about 9 KB of canonical JSON), the size the server writes.
//!
//! `cargo bench -p earl-store --bench append` for the real run; under
//! `cargo test --benches` (no `--bench` argument) it does a quick smoke run.

use earl_store::{AuditStore, GroupAppender, NewRecord, PreparedRecord, StoreError};
use serde_json::json;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn record(n: u64) -> NewRecord {
    NewRecord {
        kind: "check".into(),
        source: "api".into(),
        inputs: json!({"chip": "H100-SXM5-80GB", "to": "CN", "end_user": "Example Co", "date": "2026-03-01", "n": n}),
        outputs: json!({
            "decision": "license_required",
            "conditions": ["license exception ACA not available"],
            "steps": [
                {"rule": "3A090.a", "why": "TPP 63,328 >= 4,800"},
                {"rule": "744.23", "why": "destination in Country Group D:5"}
            ],
            "tpp": 63328.0
        }),
        rules_hash: "4b6f".repeat(16),
        lists_hash: Some("9a0c".repeat(16)),
        earl_version: "0.1.0".into(),
    }
}

/// A check whose outputs are a real ~9 KB answer.
fn large_record(answer: &serde_json::Value, n: u64) -> NewRecord {
    NewRecord {
        outputs: answer.clone(),
        ..record(n)
    }
}

/// What a server does on the request's thread: canonicalise and hash straight
/// from the answer, without cloning it.
fn prepare_large(answer: &serde_json::Value, n: u64) -> PreparedRecord {
    let small = record(n);
    PreparedRecord::new(
        "check",
        "api",
        &small.inputs,
        answer,
        small.rules_hash,
        small.lists_hash,
        small.earl_version,
    )
    .unwrap()
}

fn rate(label: &str, count: u64, started: Instant) {
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{label:<28} {count:>8} records in {seconds:>7.3} s = {:>10.0} records/s",
        count as f64 / seconds
    );
}

/// `callers` threads each append `each` records through `append`; prints the
/// rate and the latency percentiles callers saw.
fn concurrent<F>(label: &str, callers: u64, each: u64, append: F)
where
    F: Fn(u64) -> Result<(), StoreError> + Send + Sync + 'static,
{
    let append = Arc::new(append);
    let started = Instant::now();
    let threads: Vec<_> = (0..callers)
        .map(|caller| {
            let append = Arc::clone(&append);
            std::thread::spawn(move || {
                (0..each)
                    .map(|n| {
                        let sent = Instant::now();
                        append(caller * each + n).unwrap();
                        sent.elapsed()
                    })
                    .collect::<Vec<Duration>>()
            })
        })
        .collect();
    let mut latencies: Vec<Duration> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    rate(label, callers * each, started);
    latencies.sort_unstable();
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q) as usize].as_secs_f64() * 1e3;
    println!(
        "{:<28} latency p50 {:.2} ms, p99 {:.2} ms",
        "",
        at(0.50),
        at(0.99)
    );
}

fn main() {
    let full = std::env::args().any(|arg| arg == "--bench");
    let (singles, batched) = if full { (2_000, 200_000) } else { (50, 2_000) };
    // On the target directory's disk, not a RAM-backed /tmp, so syncs cost what they will.
    // EARL_BENCH_DIR=/dev/shm separates the disk's share from the CPU's.
    let parent = std::env::var("EARL_BENCH_DIR").unwrap_or(env!("CARGO_TARGET_TMPDIR").into());
    let dir = tempfile::tempdir_in(parent).unwrap();
    let store = AuditStore::open(&dir.path().join("audit.sqlite")).unwrap();

    let started = Instant::now();
    for n in 0..singles {
        store.append(record(n)).unwrap();
    }
    rate("append (one per commit)", singles, started);

    let started = Instant::now();
    let appended = store.append_many((0..batched).map(record)).unwrap().len() as u64;
    rate("append_many (1,000/commit)", appended, started);

    let store = Arc::new(store);
    let callers = 64;
    let each = if full { 50 } else { 2 };
    let shared = Arc::clone(&store);
    concurrent("64 threads, append", callers, each, move |n| {
        shared.append(record(n)).map(drop)
    });
    let appender = Arc::new(GroupAppender::new(Arc::clone(&store)));
    let shared = Arc::clone(&appender);
    concurrent("64 threads, GroupAppender", callers, each, move |n| {
        shared.append(record(n)).map(drop)
    });

    // ~9 KB records, as `earl serve` writes for /v1/check.
    let answer: serde_json::Value =
        serde_json::from_str(include_str!("check_answer.json")).unwrap();
    let large = if full { 20_000 } else { 200 };
    let started = Instant::now();
    let appended = store
        .append_many((0..large).map(|n| large_record(&answer, n)))
        .unwrap()
        .len() as u64;
    rate("9 KB, append_many", appended, started);
    let started = Instant::now();
    for n in 0..large {
        std::hint::black_box(prepare_large(&answer, n));
    }
    rate("9 KB, prepare (caller side)", large, started);
    let prepared: Vec<PreparedRecord> = (0..large).map(|n| prepare_large(&answer, n)).collect();
    let started = Instant::now();
    let (done, receipts) = std::sync::mpsc::channel();
    for record in prepared {
        let done = done.clone();
        appender.submit(record, move |outcome| done.send(outcome.map(drop)).unwrap());
    }
    drop(done);
    assert!(receipts.iter().all(|outcome| outcome.is_ok()));
    rate("9 KB, writer alone (queued)", large, started);
    let each = if full { 200 } else { 2 };
    let shared = Arc::clone(&appender);
    let shared_answer = Arc::new(answer.clone());
    concurrent("9 KB, 64 thr, GroupAppender", callers, each, move |n| {
        shared.append(prepare_large(&shared_answer, n)).map(drop)
    });
    drop(appender);

    let started = Instant::now();
    let report = store.verify().unwrap();
    assert!(report.ok, "{report:?}");
    rate("verify", report.records, started);

    let started = Instant::now();
    let exported = store.export_jsonl(&mut std::io::sink()).unwrap();
    rate("export_jsonl", exported, started);

    batch_rows(&answer, if full { 200_000 } else { 5_000 });
}

/// What `earl check --batch` writes per row: a body shared by the rows asking the same
/// question (here 50 distinct answers), and each row's inputs and date. Prints the bytes per
/// record the file grows by.
fn batch_rows(answer: &serde_json::Value, rows: u64) {
    let parent = std::env::var("EARL_BENCH_DIR").unwrap_or(env!("CARGO_TARGET_TMPDIR").into());
    let dir = tempfile::tempdir_in(parent).unwrap();
    let path = dir.path().join("batch.sqlite");
    let store = AuditStore::open(&path).unwrap();
    let bodies: Vec<std::sync::Arc<earl_store::body::Body>> = (0..50)
        .map(|n| {
            let mut v = answer.clone();
            v["regime"] = serde_json::json!(format!("variant-{n}"));
            let text = earl_store::canonical::canonical_json(&v);
            std::sync::Arc::new(earl_store::body::Body::new(
                earl_store::body::split(&text).0,
            ))
        })
        .collect();
    let started = Instant::now();
    let mut chunk = Vec::with_capacity(1_000);
    for n in 0..rows {
        let inputs = serde_json::json!({"row": n + 2, "chip": "H200", "to": "CN",
            "end_user": "Example Trading Co., Ltd.", "end_user_hq": null, "date": "2026-03-01",
            "quantity": null, "from": null, "scenario": null, "ownership_file": null});
        chunk.push(
            PreparedRecord::with_body(
                "check",
                "cli-batch",
                &inputs,
                std::sync::Arc::clone(&bodies[(n % 50) as usize]),
                Some(earl_store::body::overlay_of(
                    "date",
                    &format!("2026-03-{:02}", 1 + n % 28),
                )),
                "r".repeat(64),
                Some("l".repeat(64)),
                "0.1.0",
            )
            .unwrap(),
        );
        if chunk.len() == 1_000 {
            store.append_all(&chunk.iter().collect::<Vec<_>>()).unwrap();
            chunk.clear();
        }
    }
    store.append_all(&chunk.iter().collect::<Vec<_>>()).unwrap();
    rate("batch rows, shared bodies", rows, started);
    let connection = rusqlite::Connection::open(&path).unwrap();
    connection
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let bytes = std::fs::metadata(&path).unwrap().len();
    println!(
        "{:<28} {:.0} bytes per record ({} records, {} bytes; body {} bytes compressed)",
        "batch rows, file size",
        bytes as f64 / rows as f64,
        rows,
        bytes,
        bodies[0].compressed.len()
    );
}
