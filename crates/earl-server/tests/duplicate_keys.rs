//! A body naming a key twice is refused at any depth (issue 28, point 11), by the strict parse
//! `earl mcp` and Python use too, rather than read as its last value.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use earl_data::Dataset;
use earl_engine::{Engine, ListsSource};
use http_body_util::BodyExt;
use serde_json::Value;
use std::sync::Arc;
use tower::ServiceExt;

async fn post(path: &str, body: &'static str) -> (StatusCode, Value) {
    let engine = Arc::new(Engine::new(
        Dataset::bundled().expect("bundled data loads"),
        ListsSource::Bundled,
    ));
    let request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::HOST, "127.0.0.1:8080")
        .body(Body::from(body))
        .unwrap();
    let response = earl_server::router(engine, None, None)
        .oneshot(request)
        .await
        .expect("the router answers");
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).expect("a JSON answer"),
    )
}

#[tokio::test]
async fn a_key_named_twice_is_refused_at_any_depth() {
    // Nested: the figures of a specification.
    let (status, body) = post(
        "/v1/classify",
        r#"{"throughput": {"fp16": 989.4, "fp16": 1.0}, "die_area": 814.0, "datacenter": true}"#,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["code"], "invalid_body");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(message.contains("duplicate key `fp16`"), "{message}");

    // At the top: the question's own field.
    let (status, body) = post(
        "/v1/check",
        r#"{"chip": "H200", "to": "NL", "to": "CN", "date": "2026-03-01"}"#,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["code"], "invalid_body");
    assert!(body["error"]["message"].as_str().unwrap().contains("`to`"));

    // The same body without the repetition is answered.
    let (status, body) = post(
        "/v1/classify",
        r#"{"throughput": {"fp16": 989.4}, "die_area": 814.0, "datacenter": true}"#,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}
