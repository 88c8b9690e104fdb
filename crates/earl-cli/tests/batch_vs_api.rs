//! `earl check --batch` and `POST /v1/check` give the same answer for the same order (issue 12,
//! point 4): 450 generated orders around every rule, Country Group and listing date, through the
//! CLI batch and through the API one by one.

use assert_cmd::Command;
use axum::body::Body;
use axum::http::{Request, header};
use earl_engine::{Engine, ListsSource};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use std::sync::Arc;
use tower::ServiceExt;

const CHIPS: &[&str] = &[
    "A100", "A800", "H100", "H800", "H20", "H200", "L40S", "RTX 4090", "B200", "MI325X", "T4",
    "V100",
];
const DESTINATIONS: &[&str] = &[
    "CN",
    "China",
    "Hong Kong",
    "MO",
    "RU",
    "BY",
    "DE",
    "SA",
    "AE",
    "KP",
    "IR",
    "CU",
    "SY",
    "VN",
    "KH",
    "GB",
];
const PARTIES: &[&str] = &[
    "",
    "",
    "Huawei Technologies Co., Ltd.",
    "Nettrix Information Industry Co., Ltd.",
    "Beijing Zhipu Huazhang Technology Co., Ltd.",
    "Inspur Group",
    "Moore Threads",
    "Acme Widgets Trading Ltd",
];
const HQS: &[&str] = &["", "", "", "CN", "MO", "US"];

/// A small deterministic generator, so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn pick<'a>(&mut self, xs: &'a [&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        xs[((self.0 >> 33) as usize) % xs.len()]
    }
}

fn critical_dates(engine: &Engine) -> Vec<String> {
    let d = &engine.data;
    let mut dates: Vec<jiff::civil::Date> = Vec::new();
    for a in &d.rules.timeline {
        dates.extend(a.effective);
        dates.extend(a.until);
    }
    for c in &d.groups.changes {
        dates.push(c.effective);
    }
    dates.extend(d.list_notices.dates().filter(|x| x.year() >= 2022));
    let mut out: Vec<String> = Vec::new();
    for x in dates {
        for shift in [-1i32, 0, 1] {
            if let Ok(y) = x.checked_add(jiff::Span::new().days(shift)) {
                out.push(y.to_string());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[tokio::test(flavor = "current_thread")]
async fn the_batch_and_the_api_agree_on_every_order() {
    let engine = Arc::new(Engine::new(
        earl_data::Dataset::bundled().unwrap(),
        ListsSource::Bundled,
    ));
    let dates = critical_dates(&engine);
    let date_refs: Vec<&str> = dates.iter().map(String::as_str).collect();
    let mut rng = Lcg(20261201);
    let mut csv = String::from("chip,destination,end_user,end_user_hq,date\n");
    let mut orders = Vec::new();
    for _ in 0..450 {
        let o = (
            rng.pick(CHIPS),
            rng.pick(DESTINATIONS),
            rng.pick(PARTIES),
            rng.pick(HQS),
            rng.pick(&date_refs),
        );
        csv.push_str(&format!("{},{},\"{}\",{},{}\n", o.0, o.1, o.2, o.3, o.4));
        orders.push(o);
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("orders.csv");
    let output = dir.path().join("out.jsonl");
    std::fs::write(&input, csv).unwrap();
    Command::cargo_bin("earl")
        .unwrap()
        .args(["--no-audit", "check", "--batch"])
        .arg(&input)
        .arg("--out")
        .arg(&output)
        .assert()
        .success();
    let rows: Vec<Value> = std::fs::read_to_string(&output)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), orders.len());

    let app = earl_server::router(engine, None, None);
    for (row, (chip, to, party, hq, date)) in rows.iter().zip(&orders) {
        let mut body = json!({"chip": chip, "to": to, "date": date});
        if !party.is_empty() {
            body["end_user"] = json!(party);
        }
        if !hq.is_empty() {
            body["end_user_hq"] = json!(hq);
        }
        let response = app
            .clone()
            .oneshot(
                Request::post("/v1/check")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(body.to_string()))
                    .unwrap(),
            )
            .await
            .unwrap();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let api: Value = serde_json::from_slice(&bytes).unwrap();
        let context = format!("{body} → batch {row} / api {}", api["license_required"]);
        assert_eq!(
            row["license_required"], api["license_required"],
            "{context}"
        );
        assert_eq!(row["destination_code"], api["destination"], "{context}");
        assert_eq!(row["prohibited"], api["prohibited"], "{context}");
        // A policy left open reads `undetermined` in the batch, null in the answer (whose
        // steps and possible outcomes say why).
        let open = api["because"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["kind"] == "review_undetermined")
            || api["possible_outcomes"].as_array().is_some_and(|outcomes| {
                outcomes
                    .iter()
                    .any(|o| !o["review_policy"].is_null() || o.get("review_open").is_some())
            });
        let policy = match &api["review_policy"] {
            Value::Null if open => Value::from("undetermined"),
            stated => stated.clone(),
        };
        assert_eq!(row["review_policy"], policy, "{context}");
        assert_eq!(
            row["license_exception"], api["license_exception"],
            "{context}"
        );
    }
}
