//! Append, verify and export rates on a file on disk, with every commit synced.
//!
//! `cargo bench -p earl-store --bench append` for the real run; under
//! `cargo test --benches` (no `--bench` argument) it does a quick smoke run.

use earl_store::{AuditStore, GroupAppender, NewRecord, StoreError, StoredRecord};
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
    F: Fn(NewRecord) -> Result<StoredRecord, StoreError> + Send + Sync + 'static,
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
                        append(record(caller * each + n)).unwrap();
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
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
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
    concurrent("64 threads, append", callers, each, move |r| {
        shared.append(r)
    });
    let appender = GroupAppender::new(Arc::clone(&store));
    concurrent("64 threads, GroupAppender", callers, each, move |r| {
        appender.append(r)
    });

    let started = Instant::now();
    let report = store.verify().unwrap();
    assert!(report.ok, "{report:?}");
    rate("verify", report.records, started);

    let started = Instant::now();
    let exported = store.export_jsonl(&mut std::io::sink()).unwrap();
    rate("export_jsonl", exported, started);
}
