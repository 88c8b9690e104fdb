//! Issue 28 on the API: (1) a listed name with U+200B inside a word keeps its match on
//! `POST /v1/check` and `GET /v1/screen`, a control is refused (422) and named escaped; (2) the
//! server refuses to start on a list without Entity List or SDN rows unless accepted, and then
//! every answer says so; (5) a legal form is not a name.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use earl_data::Dataset;
use earl_engine::{Engine, ListsSource};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use std::sync::Arc;
use tower::ServiceExt;

fn app(engine: Engine) -> Router {
    earl_server::router(Arc::new(engine), None, None)
}

fn bundled() -> Engine {
    Engine::new(Dataset::bundled().unwrap(), ListsSource::Bundled)
}

async fn send(app: &Router, request: Request<Body>) -> (StatusCode, Value) {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap())
}

fn check(body: Value) -> Request<Body> {
    Request::post("/v1/check")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::HOST, "127.0.0.1:8080")
        .body(Body::from(body.to_string()))
        .unwrap()
}

fn screen(query: &str) -> Request<Body> {
    let mut url = String::from("/v1/screen?q=");
    for b in query.bytes() {
        url.push_str(&format!("%{b:02X}"));
    }
    Request::get(url)
        .header(header::HOST, "127.0.0.1:8080")
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn point_1_and_5_invisible_characters_controls_and_legal_forms() {
    let api = app(bundled());
    let (status, body) = send(
        &api,
        check(json!({"chip": "T4", "to": "CN", "date": "2026-03-01",
            "end_user": "Huawei Techno\u{200B}logies Co., Ltd."})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["license_required"], true);
    assert!(
        !body["end_user_matches"].as_array().unwrap().is_empty(),
        "{body}"
    );
    let (status, body) = send(&api, screen("Huawei Techno\u{200B}logies Co., Ltd.")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        body["matches"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["below_threshold"] == false),
        "{body}"
    );

    let (status, body) = send(
        &api,
        check(json!({"chip": "T4", "to": "CN", "end_user": "Huawei\u{1}Technologies"})),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("`Huawei<U+0001>Technologies` holds U+0001 at character 7"),
        "{message}"
    );
    let (status, body) = send(&api, screen("\u{202E}iewauH")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("U+202E at character 1"),
        "{body}"
    );

    let (status, body) = send(
        &api,
        check(json!({"chip": "H100", "to": "DE", "date": "2026-03-01", "end_user": "Acme GmbH"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["prohibited"], false, "{body}");
    assert_eq!(body["end_user_matches"], json!([]));
}

#[tokio::test]
async fn point_2_a_truncated_list_is_refused_at_start_or_stated_on_every_answer() {
    let dir = tempfile::tempdir().unwrap();
    let bundled_csv = include_str!("../../../data/csl/consolidated.csv");
    let truncated: String = bundled_csv
        .lines()
        .enumerate()
        .filter(|(i, l)| {
            *i == 0
                || !(l.contains(",Entity List (EL) ")
                    || l.contains(",Specially Designated Nationals (SDN) "))
        })
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    let path = dir.path().join("truncated.csv");
    std::fs::write(&path, truncated).unwrap();
    let engine = |accept: bool| {
        Engine::new(Dataset::bundled().unwrap(), ListsSource::File(path.clone()))
            .with_index_dir(None)
            .accept_partial_lists(accept)
    };
    // `earl serve` builds the index before it listens: this is the error it stops on.
    let refused = engine(false)
        .screening()
        .err()
        .expect("refused")
        .to_string();
    assert!(refused.contains("--accept-partial-lists"), "{refused}");
    let strict = app(engine(false));
    let (status, body) = send(
        &strict,
        check(json!({"chip": "T4", "to": "CN", "end_user": "Huawei"})),
    )
    .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");

    let accepting = app(engine(true));
    let (status, body) = send(
        &accepting,
        check(json!({"chip": "T4", "to": "CN", "end_user": "Huawei"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        body["list_warnings"]
            .to_string()
            .contains("as accepted (--accept-partial-lists)"),
        "{body}"
    );
    let (status, body) = send(&accepting, screen("Huawei")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        body["list_warnings"]
            .to_string()
            .contains("list SDN is empty or missing"),
        "{body}"
    );
}
