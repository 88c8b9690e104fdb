//! The OpenAPI document says what the server accepts for a date (issue 28, point 14): exactly
//! `YYYY-MM-DD` and a real date; an empty `until=`, a date with spaces or without zero padding,
//! a non-date are refused with 422, and each refused value is one the document does not allow.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use earl_data::Dataset;
use earl_engine::{Engine, ListsSource};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

fn app() -> axum::Router {
    static ENGINE: OnceLock<Arc<Engine>> = OnceLock::new();
    let engine = ENGINE.get_or_init(|| {
        Arc::new(Engine::new(
            Dataset::bundled().expect("bundled data loads"),
            ListsSource::Bundled,
        ))
    });
    earl_server::router(Arc::clone(engine), None, None)
}

async fn send(request: Request<Body>) -> (StatusCode, Value) {
    let response = app().oneshot(request).await.expect("the router answers");
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

fn get(path: &str) -> Request<Body> {
    Request::get(path)
        .header(header::HOST, "localhost:8080")
        .body(Body::empty())
        .unwrap()
}

fn post(path: &str, body: Value) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::HOST, "localhost:8080")
        .body(Body::from(body.to_string()))
        .unwrap()
}

/// Asserts that a date's schema carries the constraints the server enforces (pattern and
/// length; `format: date` asks for a real date).
fn date_schema_is_strict(schema: &Value) {
    assert_eq!(schema["format"], "date", "{schema}");
    assert_eq!(schema["pattern"], r"^\d{4}-\d{2}-\d{2}$", "{schema}");
    assert_eq!(schema["minLength"], 10, "{schema}");
    assert_eq!(schema["maxLength"], 10, "{schema}");
}

#[tokio::test]
async fn every_date_in_the_document_is_yyyy_mm_dd() {
    let (status, doc) = send(get("/v1/openapi.json")).await;
    assert_eq!(status, StatusCode::OK);
    let parameter = |path: &str, name: &str| -> Value {
        doc["paths"][path]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("{path} has no parameter {name}"))["schema"]
            .clone()
    };
    date_schema_is_strict(&parameter("/v1/timeline", "until"));
    date_schema_is_strict(&parameter("/v1/timeline.svg", "until"));
    date_schema_is_strict(&parameter("/v1/screen", "date"));
    for body in ["ClassifyQuestion", "CheckQuestion", "DiffQuestion"] {
        date_schema_is_strict(&doc["components"]["schemas"][body]["properties"]["date"]);
    }
}

#[tokio::test]
async fn a_date_the_document_does_not_allow_is_refused() {
    for bad in [
        "",
        " 2026-03-01",
        "2026-3-1",
        "20260301",
        "2026-02-30",
        "soon",
    ] {
        let query = format!(
            "/v1/timeline?chip=H100&to=CN&until={}",
            bad.replace(' ', "%20")
        );
        let (status, body) = send(get(&query)).await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "until={bad:?}: {body}"
        );
        assert_eq!(body["error"]["code"], "invalid_input", "{body}");
        let screen = format!("/v1/screen?q=Sugon&date={}", bad.replace(' ', "%20"));
        let (status, _) = send(get(&screen)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "date={bad:?}");
        let (status, _) = send(post(
            "/v1/check",
            json!({"chip": "H200", "to": "CN", "date": bad}),
        ))
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "date={bad:?}");
    }
    let (status, _) = send(get("/v1/timeline?chip=H100&to=CN&until=2026-03-01")).await;
    assert_eq!(status, StatusCode::OK);
}
