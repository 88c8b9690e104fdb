//! The ownership graph on 1,000,000 edges: one import (insert, hash) and one read of every edge,
//! with wall-clock time and the process's peak resident memory (VmHWM). Prints figures.
//!
//! `cargo bench -p earl-store --bench graph` (EDGES=N for another size); under
//! `cargo test --benches` it runs on 1,000 edges.

use earl_store::graph::{Edge, Import, OwnershipGraph, Share};
use std::time::Instant;

fn peak_mb() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or_else(|| "unknown".into(), |kb| format!("{:.0} MB", kb / 1024.0))
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let n: usize = std::env::var("EDGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if full { 1_000_000 } else { 1_000 });
    let edges: Vec<Edge> = (0..n)
        .map(|i| Edge {
            owner: format!("Bench Holding {}-{} Limited", i / 10, i % 10),
            owned: format!("Bench Holding {}-{} Limited", i / 10, i % 10 + 1),
            share: Share::Percent { percent: 60.0 },
            source: format!("bench row {i}"),
            from: Some("2020-01-01".into()),
            to: None,
            imported: "2026-12-01".into(),
            dataset: "csv".into(),
        })
        .collect();
    println!("{n} edges built; peak RSS so far {}", peak_mb());
    let dir = tempfile::tempdir().unwrap();
    let path = OwnershipGraph::path_in(dir.path());
    let mut graph = OwnershipGraph::open(&path).unwrap();
    let start = Instant::now();
    let import = graph
        .replace(
            Import {
                imported_at: "2026-12-01T00:00:00Z".into(),
                dataset: "csv".into(),
                format: "csv".into(),
                file: "bench.csv".into(),
                file_sha256: "0".repeat(64),
                edges_before: 0,
                edges_after: 0,
                graph_sha256: String::new(),
            },
            &edges,
            &|name: &str| name.to_lowercase(),
            false,
        )
        .unwrap();
    println!(
        "import (insert, hash): {:.2} s for {} edges; peak RSS {}",
        start.elapsed().as_secs_f64(),
        import.edges_after,
        peak_mb()
    );
    drop(edges);
    let start = Instant::now();
    let read = OwnershipGraph::open_existing(&path)
        .unwrap()
        .unwrap()
        .edges()
        .unwrap();
    println!(
        "read every edge: {:.2} s for {}; peak RSS {}; file {:.0} MB",
        start.elapsed().as_secs_f64(),
        read.len(),
        peak_mb(),
        std::fs::metadata(&path).unwrap().len() as f64 / 1048576.0
    );
}
