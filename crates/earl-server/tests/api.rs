//! The API driven in-process: every endpoint with good and malformed input, authentication,
//! limits, the OpenAPI document, and the audit trail the calls leave behind.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use earl_data::Dataset;
use earl_engine::{Engine, ListsSource};
use earl_server::{Recorder, Token};
use earl_store::{AuditStore, ListFilter};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

/// One engine for every test: loading the data and indexing the lists is the slow part.
fn engine() -> Arc<Engine> {
    static ENGINE: OnceLock<Arc<Engine>> = OnceLock::new();
    Arc::clone(ENGINE.get_or_init(|| {
        Arc::new(Engine::new(
            Dataset::bundled().expect("bundled data loads"),
            ListsSource::Bundled,
        ))
    }))
}

fn app() -> Router {
    earl_server::router(engine(), None, None)
}

struct Answer {
    status: StatusCode,
    content_type: String,
    text: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    /// Asserts an error response of the API's shape and returns its message.
    fn error(&self, status: StatusCode, code: &str) -> String {
        assert_eq!(self.status, status, "{}", self.text);
        assert!(
            self.content_type.starts_with("application/json"),
            "{}",
            self.content_type
        );
        let body = self.json();
        assert_eq!(body["error"]["code"], code, "{body}");
        body["error"]["message"]
            .as_str()
            .expect("a message")
            .to_string()
    }
}

async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app
        .clone()
        .oneshot(request)
        .await
        .expect("the router answers");
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    Answer {
        status,
        content_type,
        text: String::from_utf8(bytes.to_vec()).expect("UTF-8"),
    }
}

fn post(path: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::HOST, "127.0.0.1:8080")
        .body(body.into())
        .unwrap()
}

fn get(path: &str) -> Request<Body> {
    Request::get(path)
        .header(header::HOST, "localhost:8080")
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn healthz_answers() {
    let answer = send(&app(), get("/healthz")).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json()["status"], "ok");
}

#[tokio::test]
async fn classify_a_catalog_chip_and_a_specification() {
    let app = app();
    let answer = send(
        &app,
        post("/v1/classify", r#"{"chip":"H200","date":"2026-03-01"}"#),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let body = answer.json();
    assert_eq!(body["chip"], "h200-sxm");
    assert_eq!(body["eccn"], "3A090.a");
    assert!(!body["because"].as_array().unwrap().is_empty());

    let spec = json!({"tpp": 5000.0, "die_area": 800.0, "datacenter": true, "date": "2026-03-01"});
    let answer = send(&app, post("/v1/classify", spec.to_string())).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    assert_eq!(answer.json()["chip"], Value::Null);

    let throughput = json!({"throughput": {"fp16": 989.4}, "die_area": 814.0, "datacenter": true});
    assert_eq!(
        send(&app, post("/v1/classify", throughput.to_string()))
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn classify_rejects_what_it_cannot_understand() {
    let app = app();
    let message = send(&app, post("/v1/classify", r#"{"chip": "H200""#))
        .await
        .error(StatusCode::BAD_REQUEST, "malformed_json");
    assert!(message.contains("line 1"), "{message}");

    let message = send(
        &app,
        post("/v1/classify", r#"{"chip":"H200","colour":"green"}"#),
    )
    .await
    .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert!(message.contains("unknown field `colour`"), "{message}");

    let message = send(&app, post("/v1/classify", r#"{"chip":200}"#))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert!(message.contains("chip"), "{message}");

    let message = send(&app, post("/v1/classify", r#"{"chip":"H9000"}"#))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    assert!(message.contains("H9000"), "{message}");

    let message = send(
        &app,
        post("/v1/classify", r#"{"chip":"H200","date":"2026-13-45"}"#),
    )
    .await
    .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    assert!(message.contains("2026-13-45"), "{message}");

    let message = send(
        &app,
        post(
            "/v1/classify",
            r#"{"chip":"H200","scenario":"../../etc/passwd"}"#,
        ),
    )
    .await
    .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    assert!(message.contains("unknown scenario"), "{message}");

    send(&app, post("/v1/classify", r#"{"chip":"H200","tpp":5000}"#))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    send(&app, post("/v1/classify", r#"{}"#))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    send(&app, post("/v1/classify", r#"{"tpp":-1}"#))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    // A precision is part of the question's type: one earl does not know is a body that does
    // not fit.
    send(&app, post("/v1/classify", r#"{"throughput":{"fp7":1}}"#))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    send(&app, post("/v1/classify", r#"[1,2,3]"#))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    send(&app, post("/v1/classify", ""))
        .await
        .error(StatusCode::BAD_REQUEST, "malformed_json");

    let form = Request::post("/v1/classify")
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from(r#"{"chip":"H200"}"#))
        .unwrap();
    send(&app, form)
        .await
        .error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
}

#[tokio::test]
async fn check_h200_to_china_is_case_by_case() {
    let app = app();
    let body = json!({"chip": "H200", "to": "CN", "date": "2026-03-01"});
    let answer = send(&app, post("/v1/check", body.to_string())).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let body = answer.json();
    assert_eq!(body["license_required"], true);
    assert_eq!(body["review_policy"], "case_by_case");
    assert!(!body["not_checked"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn check_screens_the_end_user() {
    let body = json!({"chip": "H200", "to": "China", "end_user": "Huawei Technologies", "date": "2026-03-01"});
    let answer = send(&app(), post("/v1/check", body.to_string())).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let body = answer.json();
    assert!(
        !body["end_user_matches"].as_array().unwrap().is_empty(),
        "{body}"
    );
    assert!(body["lists"]["sha256"].is_string());
}

#[tokio::test]
async fn check_rejects_unknown_places_and_missing_fields() {
    let app = app();
    let message = send(
        &app,
        post("/v1/check", r#"{"chip":"H200","to":"Atlantis"}"#),
    )
    .await
    .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    assert!(message.contains("Atlantis"), "{message}");
    let message = send(&app, post("/v1/check", r#"{"chip":"H200"}"#))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert!(message.contains("missing field `to`"), "{message}");
    send(
        &app,
        post("/v1/check", r#"{"chip":"H200","to":"CN","end_user":"   "}"#),
    )
    .await
    .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    send(
        &app,
        post("/v1/check", r#"{"chip":"H200","to":"CN","quantity":-5}"#),
    )
    .await
    .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    send(
        &app,
        post(
            "/v1/check",
            r#"{"chip":"H200","to":"CN","end_user_hq":"Nowhere"}"#,
        ),
    )
    .await
    .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
}

#[tokio::test]
async fn screen_explains_its_matches() {
    let app = app();
    let answer = send(
        &app,
        get("/v1/screen?q=Huawei%20Technologies&lists=EL&country=CN"),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let body = answer.json();
    let best = &body["matches"][0];
    assert!(best["name"].as_str().unwrap().contains("Huawei"), "{body}");
    assert!(best["explain"]["pairs"].is_array());
    assert!(body["lists"]["sha256"].is_string());

    let message = send(&app, get("/v1/screen"))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_query");
    assert!(message.contains("q"), "{message}");
    send(&app, get("/v1/screen?q="))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    let message = send(&app, get("/v1/screen?q=Huawei&lists=EL,XYZ"))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    assert!(message.contains("XYZ"), "{message}");
    send(&app, get("/v1/screen?q=Huawei&threshold=2"))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    send(&app, get("/v1/screen?q=Huawei&threshold=high"))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_query");
    send(&app, get("/v1/screen?q=Huawei&country=Atlantis"))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    // A blank country filter breaks the contract's `pattern`; it is refused, not read as "any".
    let message = send(&app, get("/v1/screen?q=Huawei&country="))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    assert!(message.contains("`country` is empty"), "{message}");
    send(&app, get("/v1/screen?q=Huawei&country=%20"))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    let message = send(&app, get("/v1/screen?q=Huawei&path=/etc/passwd"))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_query");
    assert!(message.contains("path"), "{message}");
    let long = "a".repeat(600);
    send(&app, get(&format!("/v1/screen?q={long}")))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
}

#[tokio::test]
async fn match_compares_two_names() {
    let app = app();
    let body = json!({"a": "Huawei Technologies Co., Ltd.", "b": "华为技术有限公司"});
    let answer = send(&app, post("/v1/match", body.to_string())).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let body = answer.json();
    assert!(body["score"].as_f64().unwrap() > 0.5, "{body}");
    assert!(body["explain"].is_object());
    send(&app, post("/v1/match", r#"{"a":"Huawei"}"#))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    send(&app, post("/v1/match", r#"{"a":"","b":"x"}"#))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    send(
        &app,
        post("/v1/match", r#"{"a":"x","b":"y","threshold":-0.1}"#),
    )
    .await
    .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
}

/// The engine's answer to a question, as the CLI's `--json` would print it (compared as JSON values).
fn as_json(value: &impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap()
}

#[tokio::test]
async fn diff_is_the_engines_diff() {
    let app = app();
    let body = json!({"from": "2022-01-01", "to": "2026-03-01", "chips": ["H100"], "destinations": ["CN"]});
    let answer = send(&app, post("/v1/diff", body.to_string())).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let expected = engine()
        .diff(&earl_engine::explore::diff::DiffRequest {
            from: "2022-01-01".into(),
            to: "2026-03-01".into(),
            destinations: vec!["CN".into()],
            chips: vec!["H100".into()],
            scenario_date: earl_engine::today(),
        })
        .unwrap();
    assert_eq!(answer.json(), as_json(&expected));
    let change = &answer.json()["changes"][0];
    assert_eq!(change["from"]["verdict"], "no_licence", "{change}");
    assert_eq!(change["destination"], "CN");

    // A scenario as side B, laid over a given date; chips may be comma-separated.
    let body = json!({"from": "2026-03-01", "to": "ai-diffusion", "date": "2026-03-01", "chips": ["H20,H200"], "destinations": ["CN", "AE"]});
    let answer = send(&app, post("/v1/diff", body.to_string())).await;
    {
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
        assert_eq!(answer.json()["summary"]["cells"], 4);
    }

    send(
        &app,
        post(
            "/v1/diff",
            r#"{"from":"2022-01-01","to":"2026-01-01","when":"now"}"#,
        ),
    )
    .await
    .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    send(&app, post("/v1/diff", r#"{"from":"2022-01-01"}"#))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    let message = send(
        &app,
        post(
            "/v1/diff",
            r#"{"from":"../../etc/passwd","to":"2026-01-01"}"#,
        ),
    )
    .await
    .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    assert!(message.contains("not a date"), "{message}");
    send(
        &app,
        post(
            "/v1/diff",
            r#"{"from":"2022-01-01","to":"2026-01-01","chips":["H9000"]}"#,
        ),
    )
    .await
    .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    let many: Vec<String> = (0..100).map(|i| format!("chip{i}")).collect();
    let too_big =
        json!({"from": "2022-01-01", "to": "2026-01-01", "chips": many, "destinations": many});
    let message = send(&app, post("/v1/diff", too_big.to_string()))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    assert!(message.contains("cells"), "{message}");
}

#[tokio::test]
async fn diff_svg_is_the_engines_matrix() {
    let app = app();
    let body = json!({"from": "2022-01-01", "to": "2026-03-01", "chips": ["H100", "H20"], "destinations": ["CN", "DE"]});
    let answer = send(&app, post("/v1/diff.svg", body.to_string())).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    assert!(
        answer.content_type.starts_with("image/svg+xml"),
        "{}",
        answer.content_type
    );
    assert!(answer.text.starts_with("<svg"), "{}", &answer.text[..80]);
    assert!(
        answer.text.contains("class=\"changed\""),
        "a changed cell is outlined"
    );
    assert!(!answer.text.contains("<script"));
    send(
        &app,
        post("/v1/diff.svg", r#"{"from":"2022-01-01","to":"someday"}"#),
    )
    .await
    .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
}

#[tokio::test]
async fn timeline_is_the_engines_timeline_and_chart() {
    let app = app();
    let answer = send(&app, get("/v1/timeline?chip=H100&to=CN&until=2026-03-01")).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let expected = engine()
        .timeline(&earl_engine::explore::timeline::TimelineRequest {
            chip: "H100".into(),
            to: "CN".into(),
            until: "2026-03-01".parse().unwrap(),
            scenario: None,
        })
        .unwrap();
    assert_eq!(answer.json(), as_json(&expected));
    assert!(answer.json()["periods"].as_array().unwrap().len() > 1);

    let svg = send(
        &app,
        get("/v1/timeline.svg?chip=H100&to=China&until=2026-03-01"),
    )
    .await;
    assert_eq!(svg.status, StatusCode::OK, "{}", svg.text);
    assert!(svg.content_type.starts_with("image/svg+xml"));
    assert!(
        svg.text.starts_with("<svg") && svg.text.contains("<path"),
        "{}",
        svg.text
    );
    assert_eq!(
        svg.text,
        earl_render::svg::timeline_chart(
            &expected,
            "2026-03-01".parse().unwrap(),
            earl_render::Lang::En
        )
    );

    send(&app, get("/v1/timeline?chip=H100"))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_query");
    send(&app, get("/v1/timeline.svg?chip=H9000&to=CN"))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    send(
        &app,
        get("/v1/timeline.svg?chip=H100&to=CN&until=2020-01-01"),
    )
    .await
    .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
    send(&app, get("/v1/timeline?chip=H100&to=CN&scenario=nope"))
        .await
        .error(StatusCode::UNPROCESSABLE_ENTITY, "invalid_input");
}

#[tokio::test]
async fn scenarios_and_chips_are_listed() {
    let app = app();
    let answer = send(&app, get("/v1/scenarios")).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let rows = answer.json();
    let rows = rows.as_array().expect("a list, as earl scenarios --json");
    assert_eq!(rows.len(), engine().data.rules.scenarios.len());
    for row in rows {
        assert!(row["id"].is_string() && row["status"].is_string(), "{row}");
        assert!(!row["cites"].as_array().unwrap().is_empty(), "{row}");
    }

    let answer = send(&app, get("/v1/chips")).await;
    assert_eq!(answer.status, StatusCode::OK);
    let chips = answer.json()["chips"].clone();
    assert!(
        chips
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == "h200-sxm"),
        "{chips}"
    );
}

#[tokio::test]
async fn unknown_paths_and_methods_get_json_errors() {
    let app = app();
    send(&app, get("/v1/nothing"))
        .await
        .error(StatusCode::NOT_FOUND, "not_found");
    send(&app, get("/v1/check"))
        .await
        .error(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
}

#[tokio::test]
async fn bodies_over_the_limit_are_refused() {
    let app = app();
    let huge = format!(
        r#"{{"chip":"H200","scenario":"{}"}}"#,
        "x".repeat(earl_server::BODY_LIMIT)
    );
    send(&app, post("/v1/classify", huge.clone()))
        .await
        .error(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    // Without a Content-Length (a chunked body) the limit applies while reading.
    let chunks = futures_stream(huge);
    let request = Request::post("/v1/classify")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from_stream(chunks))
        .unwrap();
    send(&app, request)
        .await
        .error(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
}

fn futures_stream(
    text: String,
) -> impl tokio_stream::Stream<Item = Result<Vec<u8>, std::io::Error>> + Send + 'static {
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> = text
        .into_bytes()
        .chunks(4096)
        .map(|c| Ok(c.to_vec()))
        .collect();
    tokio_stream::iter(chunks)
}

#[tokio::test]
async fn a_token_guards_every_v1_call() {
    let app = earl_server::router(engine(), None, Token::new("correct horse battery staple"));
    let with = |auth: &str| {
        Request::get("/v1/chips")
            .header(header::AUTHORIZATION, auth)
            .body(Body::empty())
            .unwrap()
    };
    let message = send(&app, get("/v1/chips"))
        .await
        .error(StatusCode::UNAUTHORIZED, "unauthorized");
    assert!(message.contains("Bearer"), "{message}");
    send(&app, with("Bearer wrong"))
        .await
        .error(StatusCode::UNAUTHORIZED, "unauthorized");
    send(&app, with("Basic Y29ycmVjdA=="))
        .await
        .error(StatusCode::UNAUTHORIZED, "unauthorized");
    send(&app, get("/v1/openapi.json"))
        .await
        .error(StatusCode::UNAUTHORIZED, "unauthorized");
    assert_eq!(
        send(&app, with("Bearer correct horse battery staple"))
            .await
            .status,
        StatusCode::OK
    );
    // The page and the health check stay open, and a token-bearing server accepts any Host.
    let remote = Request::get("/healthz")
        .header(header::HOST, "earl.example.com")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, remote).await.status, StatusCode::OK);
    assert_eq!(send(&app, get("/")).await.status, StatusCode::OK);
}

#[tokio::test]
async fn without_a_token_only_loopback_hosts_are_answered() {
    let app = app();
    let rebound = Request::get("/v1/chips")
        .header(header::HOST, "attacker.example:8080")
        .body(Body::empty())
        .unwrap();
    send(&app, rebound)
        .await
        .error(StatusCode::MISDIRECTED_REQUEST, "misdirected_request");
    let local = Request::get("/v1/chips")
        .header(header::HOST, "[::1]:8080")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(&app, local).await.status, StatusCode::OK);
}

#[test]
fn a_public_address_needs_a_token() {
    let err = earl_server::resolve_address("0.0.0.0:0", None).unwrap_err();
    assert!(err.to_string().contains("EARL_TOKEN"), "{err}");
    assert!(
        earl_server::resolve_address("0.0.0.0:0", Token::new("t0ken-of-some-length").as_ref())
            .is_ok()
    );
    assert!(earl_server::resolve_address("127.0.0.1:0", None).is_ok());
    assert!(earl_server::resolve_address("localhost:0", None).is_ok());
    assert!(earl_server::resolve_address("not an address", None).is_err());
}

#[tokio::test]
async fn openapi_document_lists_every_endpoint() {
    let answer = send(&app(), get("/v1/openapi.json")).await;
    assert_eq!(answer.status, StatusCode::OK);
    let doc = answer.json();
    for path in [
        "/healthz",
        "/v1/classify",
        "/v1/check",
        "/v1/screen",
        "/v1/match",
        "/v1/diff",
        "/v1/scenarios",
        "/v1/timeline",
        "/v1/timeline.svg",
        "/v1/diff.svg",
        "/v1/chips",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} missing");
    }
    // Answers are typed, not bare objects.
    let schema_of = |path: &str, method: &str| {
        doc["paths"][path][method]["responses"]["200"]["content"]["application/json"]["schema"]
            .clone()
    };
    for (path, method, name) in [
        ("/v1/classify", "post", "ClassifyAnswer"),
        ("/v1/check", "post", "CheckAnswer"),
        ("/v1/screen", "get", "ScreenAnswer"),
        ("/v1/match", "post", "PairScore"),
        ("/v1/diff", "post", "DiffReport"),
        ("/v1/timeline", "get", "TimelineReport"),
        ("/v1/chips", "get", "ChipsAnswer"),
    ] {
        let schema = schema_of(path, method);
        assert_eq!(
            schema["$ref"],
            format!("#/components/schemas/{name}"),
            "{path}: {schema}"
        );
        assert!(doc["components"]["schemas"][name].is_object(), "{name}");
    }
    assert_eq!(
        schema_of("/v1/scenarios", "get")["items"]["$ref"],
        "#/components/schemas/ScenarioRow"
    );
    let schemas = &doc["components"]["schemas"];
    assert!(
        schemas["Determination"]["properties"]["because"].is_object(),
        "{}",
        schemas["Determination"]
    );
    assert!(schemas["Match"]["properties"]["explain"].is_object());
    assert_eq!(schemas["RulePoint"]["properties"]["date"]["format"], "date");
    assert!(doc["components"]["schemas"]["CheckQuestion"]["properties"]["end_user_hq"].is_object());
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}

#[tokio::test]
async fn openapi_document_lists_every_status_and_the_enforced_constraints() {
    let doc = send(&app(), get("/v1/openapi.json")).await.json();
    let error_body = "#/components/schemas/ErrorBody";
    let check = &doc["paths"]["/v1/check"]["post"]["responses"];
    for status in [
        "200", "400", "401", "408", "413", "415", "421", "422", "500", "503",
    ] {
        assert!(
            check[status].is_object(),
            "POST /v1/check lacks {status}: {check}"
        );
        if status != "200" {
            assert_eq!(
                check[status]["content"]["application/json"]["schema"]["$ref"], error_body,
                "{status}"
            );
        }
    }
    assert!(check["503"]["headers"]["Retry-After"].is_object());
    assert!(check["401"]["headers"]["WWW-Authenticate"].is_object());
    // Every /v1/ operation can be refused for its token and shed beyond the caps.
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let responses = &operation["responses"];
            assert!(responses["413"].is_object(), "{method} {path}");
            if path.starts_with("/v1/") {
                assert!(responses["401"].is_object(), "{method} {path}");
                assert!(responses["503"].is_object(), "{method} {path}");
            }
        }
    }
    // The health check needs no token.
    assert_eq!(doc["paths"]["/healthz"]["get"]["security"], json!([]));
    // Request schemas say what the server enforces.
    let schemas = &doc["components"]["schemas"];
    let check_body = &schemas["CheckQuestion"];
    assert_eq!(check_body["properties"]["chip"]["minLength"], 1);
    assert_eq!(check_body["properties"]["to"]["minLength"], 1);
    // A catalog chip, a catalog system, a system by its contents, or a chip's figures (by TPP,
    // by throughput, an HBM stack).
    assert_eq!(check_body["oneOf"].as_array().map(Vec::len), Some(6));
    assert_eq!(
        schemas["ClassifyQuestion"]["oneOf"]
            .as_array()
            .map(Vec::len),
        Some(6)
    );
    assert_eq!(
        schemas["Holding"]["properties"]["percent"]["maximum"],
        100.0
    );
    assert_eq!(
        schemas["MatchQuestion"]["properties"]["threshold"]["maximum"],
        1.0
    );
    let q = doc["paths"]["/v1/screen"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "q")
        .unwrap();
    assert_eq!(q["schema"]["minLength"], 1);
}

#[tokio::test]
async fn beyond_the_request_cap_work_gets_503_and_healthz_still_answers() {
    // No request may be in progress at once: every /v1/ request is shed, /healthz is not.
    let limits = earl_server::Limits {
        max_requests: 1,
        ..earl_server::Limits::default()
    };
    let app = earl_server::router_with(engine(), None, None, &limits);
    // A request holding the only slot: its body never ends.
    let (sender, body) = tokio::sync::mpsc::channel::<Result<axum::body::Bytes, std::io::Error>>(1);
    let stalled = Request::post("/v1/check")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from_stream(
            tokio_stream::wrappers::ReceiverStream::new(body),
        ))
        .unwrap();
    let held = tokio::spawn({
        let app = app.clone();
        async move { app.oneshot(stalled).await.unwrap().status() }
    });
    // Until the slot is taken, a request may still get through; once it is, every one is shed.
    let mut tries = 0;
    let shed = loop {
        let answer = send(&app, get("/v1/chips")).await;
        if answer.status == StatusCode::SERVICE_UNAVAILABLE {
            break answer;
        }
        tries += 1;
        assert!(
            tries < 100_000 && !held.is_finished(),
            "the held request never took the slot"
        );
        tokio::task::yield_now().await;
    };
    shed.error(StatusCode::SERVICE_UNAVAILABLE, "overloaded");
    assert_eq!(send(&app, get("/healthz")).await.status, StatusCode::OK);
    // The held request completes once its body does, and the slot is free again.
    sender
        .send(Ok(axum::body::Bytes::from_static(
            br#"{"chip":"H200","to":"CN"}"#,
        )))
        .await
        .unwrap();
    drop(sender);
    assert_eq!(held.await.unwrap(), StatusCode::OK);
    assert_eq!(send(&app, get("/v1/chips")).await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_page_is_served_with_its_assets() {
    let app = app();
    let page = send(&app, get("/")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.content_type.starts_with("text/html"));
    assert!(page.text.contains("id=\"check-form\""));
    // The review section: a reviewer loads the queue and dispositions a hit from the page.
    assert!(page.text.contains("<section id=\"review\">"));
    assert!(page.text.contains("<h2>Review hits</h2>"));
    assert!(page.text.contains(">Load the queue</button>"));
    for asset in ["/assets/app.js", "/assets/style.css"] {
        let answer = send(&app, get(asset)).await;
        assert_eq!(answer.status, StatusCode::OK, "{asset}");
        assert!(!answer.text.is_empty());
    }
    let script = send(&app, get("/assets/app.js")).await.text;
    for call in [
        "api(\"/v1/review/queue\")",
        "api(\"/v1/review\", body)",
        "reviewedList(r.reviewed, \"match\"",
        "reviewedList(d.reviewed, \"hit\"",
    ] {
        assert!(script.contains(call), "the script calls {call}");
    }
    assert!(
        !page.text.contains("http://") && !page.text.contains("https://"),
        "the page must load nothing from elsewhere"
    );
}

#[tokio::test]
async fn determinations_are_recorded_and_the_chain_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(AuditStore::open(&dir.path().join("audit.sqlite")).unwrap());
    let engine = engine();
    let lists_hash = engine.screening().unwrap().provenance.sha256.clone();
    let recorder = Arc::new(Recorder::new(Arc::clone(&store)));
    let app = earl_server::router(Arc::clone(&engine), Some(recorder), None);

    let calls = [
        post("/v1/classify", r#"{"chip":"H200","date":"2026-03-01"}"#),
        post(
            "/v1/check",
            r#"{"chip":"H200","to":"CN","end_user":"Huawei Technologies","date":"2026-03-01"}"#,
        ),
        get("/v1/screen?q=Huawei"),
        post("/v1/match", r#"{"a":"Huawei","b":"Hua Wei"}"#),
        post(
            "/v1/diff",
            r#"{"from":"2023-01-01","to":"2026-01-01","chips":["H20"],"destinations":["CN"]}"#,
        ),
        // Neither a failed request nor a lookup is a determination.
        post("/v1/check", r#"{"chip":"H9000","to":"CN"}"#),
        get("/v1/chips"),
    ];
    for call in calls {
        send(&app, call).await;
    }
    let records = store.list(&ListFilter::default()).unwrap();
    let kinds: Vec<&str> = records.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(kinds, ["classify", "check", "screen", "match", "diff"]);
    assert!(records.iter().all(|r| r.source == "api"));
    let check = store.get(2).unwrap().unwrap();
    // The record's inputs are the question, typed and versioned.
    assert_eq!(check.inputs["question"], "check");
    assert_eq!(check.inputs["version"], 1);
    assert_eq!(check.inputs["input"]["end_user"], "Huawei Technologies");
    // Huawei is on the Entity List, whose policy overrides the chip's case-by-case review.
    assert_eq!(check.outputs["review_policy"], "presumption_of_denial");
    assert_eq!(check.rules_hash, engine.data.content_hash);
    assert_eq!(check.lists_hash.as_deref(), Some(lists_hash.as_str()));
    assert_eq!(store.get(1).unwrap().unwrap().lists_hash, None);
    let report = store.verify().unwrap();
    assert!(report.ok && report.records == 5, "{report:?}");
}

#[tokio::test]
async fn concurrent_requests_share_group_commits_and_all_land() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(AuditStore::open(&dir.path().join("audit.sqlite")).unwrap());
    let recorder = Arc::new(Recorder::new(Arc::clone(&store)));
    let app = earl_server::router(engine(), Some(recorder), None);
    let tasks: Vec<_> = (0..64)
        .map(|_| {
            let app = app.clone();
            tokio::spawn(async move {
                send(&app, post("/v1/check", r#"{"chip":"H200","to":"CN"}"#))
                    .await
                    .status
            })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.unwrap(), StatusCode::OK);
    }
    let report = store.verify().unwrap();
    assert!(report.ok && report.records == 64, "{report:?}");
}

#[tokio::test]
async fn lists_shows_the_list_in_use_and_its_age() {
    let answer = send(&app(), get("/v1/lists")).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let v = answer.json();
    assert_eq!(v["provenance"]["source_file"], "consolidated.csv (bundled)");
    assert_eq!(v["provenance"]["generated"], "2026-07-31");
    assert_eq!(v["provenance"]["counts"]["total"], 25_921);
    let today = earl_engine::today();
    let age = jiff::civil::date(2026, 7, 31)
        .until(today)
        .unwrap()
        .get_days();
    assert_eq!(v["age_days"], age);
    assert_eq!(v["staleness_warning"].is_string(), age > 7, "{v}");
    assert_eq!(v["newer_documents"], json!([]));
}

/// A name screened again is answered from the recent answers (issue 27, point 5): the same
/// bytes a fresh screening gives, and every request still recorded.
#[tokio::test]
async fn a_screening_asked_again_is_answered_the_same_and_recorded_again() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(AuditStore::open(&dir.path().join("audit.sqlite")).unwrap());
    let engine = engine();
    let recorder = Arc::new(Recorder::new(Arc::clone(&store)));
    let app = earl_server::router(Arc::clone(&engine), Some(recorder), None);
    let url = "/v1/screen?q=Huawei%20Technologies&country=CN&lists=EL,SDN";
    let first = send(&app, get(url)).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text);
    let again = send(&app, get(url)).await;
    assert_eq!(again.text, first.text);
    let fresh = engine
        .screen(&earl_engine::ScreenRequest {
            name: "Huawei Technologies".into(),
            country: Some("CN".into()),
            lists: Some(vec!["EL".into(), "SDN".into()]),
            threshold: None,
            include_below: false,
            date: earl_engine::today(),
        })
        .unwrap();
    let record = engine
        .record(earl_engine::audit::Source::Api, &json!({}), &fresh)
        .unwrap();
    assert_eq!(first.text, record.outputs_json());
    let records = store.list(&ListFilter::default()).unwrap();
    assert_eq!(records.len(), 2, "each request is recorded");
    let (one, two) = (
        store.get(1).unwrap().unwrap(),
        store.get(2).unwrap().unwrap(),
    );
    assert_eq!((one.kind.as_str(), two.kind.as_str()), ("screen", "screen"));
    assert_eq!(one.outputs, two.outputs);
    assert_eq!(one.inputs, two.inputs);
    assert!(store.verify().unwrap().ok);
}
