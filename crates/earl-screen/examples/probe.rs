//! Ad-hoc look at scores: `cargo run --release --example probe -- "query" ["list name"]`.
//! With one argument it screens the name (with the best few below the threshold); with two it
//! compares them and prints the explanation.

use earl_screen::{Query, Screener, ScreeningLists};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let screener = Screener::new(&ScreeningLists::bundled());
    match args.as_slice() {
        [query] if std::env::var("PROBE_REPEAT").is_ok() => {
            // For profilers: screen the name again and again.
            let n: usize = std::env::var("PROBE_REPEAT").unwrap().parse().unwrap_or(1000);
            let started = std::time::Instant::now();
            for _ in 0..n {
                std::hint::black_box(screener.screen(&Query::new(query.clone())));
            }
            println!("{:?} per screen", started.elapsed() / n as u32);
        }
        [query] => {
            let mut q = Query::new(query.clone());
            q.include_below = true;
            for m in screener.screen(&q).matches {
                println!(
                    "{:.3} {} | {} | {:?} | q-unmatched {:?} l-unmatched {:?}",
                    m.score,
                    m.name,
                    m.matched_name,
                    m.list,
                    m.explain.unmatched_query_tokens,
                    m.explain.unmatched_list_tokens
                );
            }
        }
        [a, b] => {
            let pair = screener.compare(a, b, None);
            println!("{}", serde_json::to_string_pretty(&pair).unwrap());
        }
        _ => eprintln!("usage: probe QUERY [LIST_NAME]"),
    }
}
