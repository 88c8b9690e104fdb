//! The web page: plain HTML, CSS and JavaScript compiled into the binary, so it works offline
//! and the page always matches the API it calls. The page is written in the language asked
//! (`?lang=`, else `Accept-Language`): its `{{message-id}}` placeholders are filled from
//! earl-render's catalogs, and the messages its script shows are embedded as JSON.

use crate::lang::AskedLang;
use axum::Router;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_LANGUAGE, CONTENT_SECURITY_POLICY, CONTENT_TYPE, VARY,
};
use axum::response::IntoResponse;
use axum::routing::get;
use earl_render::Lang;

const INDEX_HTML: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const STYLE_CSS: &str = include_str!("../assets/style.css");

/// Only this server's own scripts and styles; SVG charts are shown as `blob:` images, where
/// any script inside them cannot run.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, content_type),
            (CONTENT_SECURITY_POLICY, POLICY),
            (CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
}

/// The page in `lang`: `lang` and `dir` set, every `{{message-id}}` filled (as HTML text), and
/// the script's messages embedded as JSON.
pub fn page(lang: Lang) -> String {
    let messages = earl_render::i18n::page_messages(lang);
    // Nothing in the JSON may close its <script> element.
    let json = serde_json::to_string(&messages)
        .unwrap_or_else(|_| "{}".into())
        .replace("</", "<\\/");
    let mut html = INDEX_HTML
        .replace("{{lang}}", lang.tag())
        .replace("{{dir}}", lang.dir())
        .replace("{{messages}}", &json);
    for (id, text) in &messages {
        html = html.replace(&format!("{{{{{id}}}}}"), &escape_html(text));
    }
    html
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        .route(
            "/",
            get(|AskedLang(lang): AskedLang| async move {
                (
                    [
                        (CONTENT_TYPE, "text/html; charset=utf-8"),
                        (CONTENT_SECURITY_POLICY, POLICY),
                        (CACHE_CONTROL, "no-cache"),
                        (CONTENT_LANGUAGE, lang.tag()),
                        (VARY, "Accept-Language"),
                    ],
                    page(lang),
                )
            }),
        )
        .route(
            "/assets/app.js",
            get(|| async { asset("text/javascript; charset=utf-8", APP_JS) }),
        )
        .route(
            "/assets/style.css",
            get(|| async { asset("text/css; charset=utf-8", STYLE_CSS) }),
        )
}
