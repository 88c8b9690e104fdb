//! The API and the page in the language asked (issue 25): `?lang=` or `Accept-Language`
//! chooses the language of the `text` fields and of the page; field names, ids, enum values
//! and citations are the same in every language; the audit trail keeps English.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use earl_data::Dataset;
use earl_engine::{Engine, ListsSource};
use http_body_util::BodyExt;
use serde_json::Value;
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

fn app() -> Router {
    static ENGINE: OnceLock<Arc<Engine>> = OnceLock::new();
    let engine = ENGINE.get_or_init(|| {
        Arc::new(Engine::new(
            Dataset::bundled().expect("bundled data loads"),
            ListsSource::Bundled,
        ))
    });
    earl_server::router(Arc::clone(engine), None, None)
}

async fn send(request: Request<Body>) -> (StatusCode, Option<String>, String) {
    let response = app().oneshot(request).await.expect("the router answers");
    let status = response.status();
    let language = response
        .headers()
        .get(header::CONTENT_LANGUAGE)
        .map(|v| v.to_str().unwrap().to_string());
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, language, String::from_utf8(bytes.to_vec()).unwrap())
}

const H200_CN: &str = r#"{"chip":"H200","to":"CN","date":"2026-03-01"}"#;

async fn check(uri: &str, accept_language: Option<&str>) -> (StatusCode, Value) {
    let mut request = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
    if let Some(al) = accept_language {
        request = request.header(header::ACCEPT_LANGUAGE, al);
    }
    let (status, _, text) = send(request.body(Body::from(H200_CN)).unwrap()).await;
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn review_text(answer: &Value) -> String {
    answer["because"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["entry"] == "rp-2026-lane")
        .expect("the lane's review step")["text"]
        .as_str()
        .unwrap()
        // Less the isolates around each argument in right-to-left text.
        .replace(['\u{2068}', '\u{2069}'], "")
}

/// The answer less its sentences: what must be the same in every language.
fn facts(answer: &Value) -> Value {
    let mut v = answer.clone();
    for list in ["because", "conditions", "notices", "not_checked"] {
        for step in v[list].as_array_mut().into_iter().flatten() {
            step.as_object_mut().unwrap().remove("text");
        }
    }
    v
}

#[tokio::test]
async fn check_speaks_the_language_asked_and_keeps_the_facts() {
    let (status, english) = check("/v1/check", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(review_text(&english).starts_with("Review policy case-by-case: "));
    let (_, arabic) = check("/v1/check?lang=ar", None).await;
    assert!(
        review_text(&arabic).starts_with("سياسة المراجعة «على أساس كل حالة على حدة»: "),
        "{}",
        review_text(&arabic)
    );
    let (_, chinese) = check("/v1/check", Some("zh-CN,zh;q=0.9,en;q=0.8")).await;
    assert!(review_text(&chinese).starts_with("审查政策“逐案审查”："));
    assert_eq!(facts(&arabic), facts(&english));
    assert_eq!(facts(&chinese), facts(&english));
    // ?lang= wins over the header; a header without a known language is English.
    let (_, asked) = check("/v1/check?lang=en", Some("ar")).await;
    assert_eq!(asked, english);
    let (_, other) = check("/v1/check", Some("de-DE, fr;q=0.5")).await;
    assert_eq!(other, english);
}

#[tokio::test]
async fn an_unknown_lang_is_refused_by_name() {
    let (status, body) = check("/v1/check?lang=fr", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("lang: ")
    );
}

#[tokio::test]
async fn classify_speaks_the_language_asked() {
    let request = Request::post("/v1/classify?lang=zh-Hans")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"chip":"H200","date":"2026-03-01"}"#))
        .unwrap();
    let (status, _, text) = send(request).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let answer: Value = serde_json::from_str(&text).unwrap();
    let steps = answer["because"].as_array().unwrap();
    assert!(
        steps.iter().any(|s| s["text"] == "分类：3A090.a.1。"),
        "{text}"
    );
}

#[tokio::test]
async fn the_page_is_written_in_the_language_asked() {
    let page = |uri: &str, al: Option<&str>| {
        let mut r = Request::get(uri);
        if let Some(al) = al {
            r = r.header(header::ACCEPT_LANGUAGE, al);
        }
        send(r.body(Body::empty()).unwrap())
    };
    let (status, language, english) = page("/", None).await;
    assert_eq!((status, language.as_deref()), (StatusCode::OK, Some("en")));
    assert!(english.contains(r#"<html lang="en" dir="ltr">"#));
    assert!(english.contains("<h2>Does this shipment need a licence?</h2>"));
    let (_, language, arabic) = page("/?lang=ar", None).await;
    assert_eq!(language.as_deref(), Some("ar"));
    assert!(arabic.contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(arabic.contains("<h2>هل تحتاج هذه الشحنة إلى ترخيص؟</h2>"));
    let (_, _, chinese) = page("/", Some("zh-TW,zh;q=0.8")).await;
    assert!(chinese.contains(r#"<html lang="zh-Hans" dir="ltr">"#));
    assert!(chinese.contains("<h2>这批货物需要许可证吗？</h2>"));
    for html in [&english, &arabic, &chinese] {
        assert!(!html.contains("{{"), "a placeholder left unfilled");
        // The switch offers every language, each named in itself.
        for link in [
            r#"href="/?lang=en""#,
            r#"href="/?lang=ar""#,
            r#"href="/?lang=zh-Hans""#,
        ] {
            assert!(html.contains(link), "{link}");
        }
        // The script's messages are embedded as JSON it can parse.
        let start = html.find(r#"id="messages">"#).unwrap() + r#"id="messages">"#.len();
        let end = start + html[start..].find("</script>").unwrap();
        let messages: Value = serde_json::from_str(&html[start..end]).unwrap();
        assert!(messages["page-decision-case_by_case"].is_string());
        // The review section's words, and the decisions as the terminal names them.
        for id in [
            "page-review-submit",
            "page-review-refused",
            "decision-false-positive",
            "decision-true-match",
            "decision-escalated",
            "heading-reviewed",
            "reviewed-hit",
            "review-reraised-changed",
        ] {
            assert!(messages[id].is_string(), "{id}");
        }
    }
    assert!(arabic.contains("<h2>مراجعة المطابقات</h2>"));
    assert!(chinese.contains("<h2>审核命中</h2>"));
}

#[tokio::test]
async fn the_charts_are_labelled_in_the_language_asked() {
    let chart = |al: &str| {
        send(
            Request::get("/v1/timeline.svg?chip=H100&to=CN")
                .header(header::ACCEPT_LANGUAGE, al)
                .body(Body::empty())
                .unwrap(),
        )
    };
    let (status, _, english) = chart("en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(english.contains(">Legend</text>"));
    let (_, _, arabic) = chart("ar").await;
    assert!(arabic.contains(">مفتاح الرموز</text>"), "{arabic}");
    let (_, _, chinese) = chart("zh-CN").await;
    assert!(chinese.contains(">图例</text>"));
    // The same chart: as many marks, the same colours.
    let marks = |svg: &str| svg.matches("<rect").count();
    assert_eq!(marks(&arabic), marks(&english));
    assert_eq!(marks(&chinese), marks(&english));
}

/// An error's `message` is in the language asked where earl can say it (an unknown chip or
/// country, a bare status), its `code` unchanged; without a language asked, the English stays
/// byte for byte. The page shows these messages as they come.
#[tokio::test]
async fn errors_speak_the_language_asked() {
    let error = |text: &str| -> (String, String) {
        let v: Value = serde_json::from_str(text).unwrap();
        (
            v["error"]["code"].as_str().unwrap().to_string(),
            v["error"]["message"]
                .as_str()
                .unwrap()
                .replace(['\u{2068}', '\u{2069}'], ""),
        )
    };
    let unknown = |uri: &str, lang: Option<&str>| {
        let mut request = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
        if let Some(al) = lang {
            request = request.header(header::ACCEPT_LANGUAGE, al);
        }
        request
            .body(Body::from(r#"{"chip":"H2000","to":"CN"}"#))
            .unwrap()
    };
    let (status, _, english) = send(unknown("/v1/check", None)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (code, english) = error(&english);
    assert_eq!(code, "invalid_input");
    assert!(english.starts_with("unknown chip `H2000`"), "{english}");
    for (asked, lang, word) in [(Some("zh-CN"), "zh", "芯片"), (Some("ar"), "ar", "رقاقة")] {
        let (status, _, text) = send(unknown("/v1/check", asked)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let (code, message) = error(&text);
        assert_eq!(code, "invalid_input", "{lang}");
        assert!(
            message.contains("H2000") && message.contains(word) && !message.contains("unknown"),
            "{lang}: {message}"
        );
        let (_, _, by_query) = send(unknown(&format!("/v1/check?lang={lang}"), None)).await;
        assert_eq!(
            error(&by_query).1,
            message,
            "{lang}: ?lang= and Accept-Language agree"
        );
    }
    // A bare status, on a route that takes no ?lang= of its own.
    let (status, _, text) = send(
        Request::get("/v1/no-such-thing")
            .header(header::ACCEPT_LANGUAGE, "zh")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        error(&text),
        (
            "not_found".into(),
            "没有该端点；参见 GET /v1/openapi.json".into()
        )
    );
    // A 405 reworded keeps what tells the client how to retry (`Allow`), and its body reads.
    let response = app()
        .oneshot(
            Request::get("/v1/check")
                .header(header::ACCEPT_LANGUAGE, "ar")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(
        response.headers().contains_key(header::ALLOW),
        "{:?}",
        response.headers()
    );
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(
        error(std::str::from_utf8(&bytes).unwrap()),
        (
            "method_not_allowed".into(),
            "نقطة النهاية هذه لا تقبل هذه الطريقة".into()
        )
    );
    let (_, _, text) = send(
        Request::get("/v1/no-such-thing")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(error(&text).1, "no such endpoint; see GET /v1/openapi.json");
}
