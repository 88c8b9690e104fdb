//! Screening speed on the full bundled CSL: index build time, resident memory, per-query
//! latency (p50/p99) and single-core throughput, over a query set drawn from the list itself
//! (names, typos, reorderings, legal-form changes), other scripts, and non-listed names.
//!
//! `cargo bench -p earl-screen --bench screen` prints the figures; with `EARL_BENCH_QUERIES=FILE`
//! it also writes the query set, one per line, for `scripts/bench-screen-baseline.py`.

use criterion::{Criterion, black_box};
use earl_screen::{Query, Screener, ScreeningLists};
use std::time::{Duration, Instant};

fn queries(lists: &ScreeningLists) -> Vec<String> {
    let mut queries = Vec::new();
    for (i, entry) in lists.entries.iter().enumerate().step_by(13) {
        let name = entry.name.clone();
        queries.push(match i % 4 {
            0 => name,
            1 => name.to_uppercase().replacen('A', "E", 1),
            2 => name.split_whitespace().rev().collect::<Vec<_>>().join(" "),
            _ => format!("{name} Co., Ltd."),
        });
    }
    for other in [
        "华为技术有限公司",
        "摩尔线程",
        "حزب الله",
        "Рособоронэкспорт",
        "Apple Inc.",
        "Completely Fictional Trading Company",
        "Samsung Electronics Co., Ltd.",
        "摩尔线程智能科技（北京）有限责任公司",
        "上海壁仞智能科技有限公司",
        "華為技術有限公司",
        "海安集团",
        "深圳市佰联升电子科技有限公司",
    ] {
        queries.push(other.to_string());
    }
    queries
}

/// Resident set size of this process in MiB, from /proc (Linux).
fn resident_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kib: f64 = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(kib / 1024.0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn bench(c: &mut Criterion) {
    let started = Instant::now();
    let lists = ScreeningLists::bundled();
    let parsed = started.elapsed();
    let screener = Screener::new(&lists);
    let built = started.elapsed() - parsed;
    let rss = resident_mib();

    let queries = queries(&lists);
    if let Ok(path) = std::env::var("EARL_BENCH_QUERIES") {
        std::fs::write(&path, queries.join("\n") + "\n").expect("query file writable");
        println!("wrote {} queries to {path}", queries.len());
    }
    let prepared: Vec<Query> = queries.iter().map(Query::new).collect();
    for query in &prepared {
        black_box(screener.screen(query)); // warm caches and lazy tables
    }
    let mut latencies = Vec::with_capacity(prepared.len() * 3);
    let mut slowest: Vec<(Duration, usize)> = Vec::new();
    let run_started = Instant::now();
    for _ in 0..3 {
        for (i, query) in prepared.iter().enumerate() {
            let t = Instant::now();
            black_box(screener.screen(query));
            let elapsed = t.elapsed();
            latencies.push(elapsed);
            slowest.push((elapsed, i));
        }
    }
    let wall = run_started.elapsed();
    latencies.sort();
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    println!(
        "\nearl-screen on the bundled CSL ({} entries, {} names and aliases)",
        screener.entry_count(),
        screener.name_count()
    );
    println!("  parse CSV        {:>10.1?}", parsed);
    println!("  build index      {:>10.1?}", built);
    println!(
        "  resident memory  {:>10}",
        rss.map_or("n/a".to_string(), |m| format!("{m:.0} MiB"))
    );
    println!("  queries          {:>10}", latencies.len());
    println!("  p50              {:>10.1?}", percentile(&latencies, 0.50));
    println!("  p99              {:>10.1?}", percentile(&latencies, 0.99));
    println!("  max              {:>10.1?}", latencies.last().unwrap());
    println!(
        "  throughput       {:>10.0} queries/s (one thread)",
        latencies.len() as f64 / wall.as_secs_f64()
    );

    // Issue 22: a Chinese query costs no more than a Latin one.
    let han = |q: &str| q.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for (label, chinese) in [("Latin-script", false), ("Chinese", true)] {
        let mut times: Vec<Duration> = Vec::new();
        for (query, prepared) in queries.iter().zip(&prepared) {
            if han(query) == chinese {
                for _ in 0..3 {
                    let t = Instant::now();
                    black_box(screener.screen(prepared));
                    times.push(t.elapsed());
                }
            }
        }
        times.sort();
        println!(
            "  {label:<12} p50 {:>10.1?}  ({} timings)",
            percentile(&times, 0.50),
            times.len()
        );
    }
    println!("  slowest queries:");
    for (elapsed, i) in slowest.iter().take(5) {
        println!("    {:>10.1?}  {}", elapsed, queries[*i]);
    }

    let sample = prepared[prepared.len() / 2].clone();
    c.bench_function("screen one query", |b| {
        b.iter(|| screener.screen(black_box(&sample)))
    });
    c.bench_function("compare two names", |b| {
        b.iter(|| {
            screener.compare(
                black_box("Huawei Technologies Co., Ltd."),
                black_box("Huawie Technologies"),
                None,
            )
        })
    });
}

fn main() {
    let mut criterion = Criterion::default()
        .configure_from_args()
        .sample_size(20)
        .measurement_time(Duration::from_secs(3));
    bench(&mut criterion);
    criterion.final_summary();
}
