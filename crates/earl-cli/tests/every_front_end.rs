//! Every front end answers the same question with the same JSON (issue 26): the questions of
//! eval/front-ends/questions.jsonl (a few hundred of every kind, from
//! scripts/gen-front-end-questions.py) asked through the CLI (`earl CMD ... --json`, its
//! arguments derived from the question type's own clap declaration), the API (the server's
//! router, in process) and MCP (`earl mcp`, one session); Python asks the same file in
//! python/tests/test_every_front_end.py. A question one front end refuses, every front end
//! refuses. The second test holds each front end's schema to the question types: a field of a
//! question appears in the CLI's arguments, MCP's tool schema and the OpenAPI body without an
//! edit of its own.

mod common;

use axum::body::Body;
use axum::http::{Request, header};
use clap::{Args, Command as ClapCommand};
use earl_engine::{Engine, ListsSource};
use earl_question::{CheckQuestion, ClassifyQuestion, MatchQuestion, ScreenQuestion};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use tower::ServiceExt;

/// Each question: its name and arguments.
fn questions() -> Vec<(String, Value)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/front-ends/questions.jsonl");
    std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (
                v["question"].as_str().unwrap().to_string(),
                v["args"].clone(),
            )
        })
        .collect()
}

/// The question type's clap declaration, as the CLI flattens it into its subcommand.
fn declaration(question: &'static str) -> ClapCommand {
    let c = ClapCommand::new(question);
    match question {
        "check" => CheckQuestion::augment_args(c),
        "classify" => ClassifyQuestion::augment_args(c),
        "screen" => ScreenQuestion::augment_args(c),
        "match" => MatchQuestion::augment_args(c),
        "diff" => earl_question::DiffQuestion::augment_args(c),
        "timeline" => earl_question::TimelineQuestion::augment_args(c),
        "impact" => earl_question::ImpactQuestion::augment_args(c),
        other => panic!("no declaration for {other}"),
    }
}

/// The question's name as the static text clap keeps.
fn static_name(question: &str) -> &'static str {
    [
        "check", "classify", "screen", "match", "diff", "timeline", "impact",
    ]
    .into_iter()
    .find(|q| *q == question)
    .unwrap_or_else(|| panic!("no question {question}"))
}

/// The command line that asks `args`: each JSON field becomes the argument clap declares for
/// it (positional, or its long flag; a list repeats it; a map is written KEY=VALUE; a holding
/// NAME=PERCENT), so a field with no CLI argument fails here.
fn argv(question: &str, args: &Value) -> Vec<String> {
    let declared = declaration(static_name(question));
    let mut positional: Vec<(usize, String)> = Vec::new();
    let mut flags: Vec<String> = Vec::new();
    for (field, value) in args.as_object().unwrap() {
        // Positional arguments are taken in the order they are declared.
        let (order, arg) = declared
            .get_arguments()
            .enumerate()
            .find(|(_, a)| a.get_id() == field.as_str())
            .unwrap_or_else(|| panic!("`{question}` has no CLI argument for `{field}`"));
        let values: Vec<String> = match value {
            Value::Array(items) => items
                .iter()
                .map(|i| match i {
                    Value::String(s) => s.clone(),
                    other => format!("{}={}", other["owner"].as_str().unwrap(), other["percent"]),
                })
                .collect(),
            Value::Object(map) => map.iter().map(|(k, v)| format!("{k}={v}")).collect(),
            Value::String(s) => vec![s.clone()],
            Value::Bool(true) if !arg.get_action().takes_values() => vec![],
            other => vec![other.to_string()],
        };
        match arg.get_long() {
            Some(long) => {
                if values.is_empty() {
                    flags.push(format!("--{long}"));
                }
                for v in values {
                    flags.push(format!("--{long}={v}"));
                }
            }
            None => positional.push((order, values[0].clone())),
        }
    }
    positional.sort();
    let mut out = vec![question.to_string()];
    out.extend(positional.into_iter().map(|(_, v)| v));
    out.extend(flags);
    out.push("--json".into());
    out
}

/// An answer, or that the question was refused.
#[derive(Debug, PartialEq)]
enum Reply {
    Answer(Value),
    Refused,
}

fn cli(data_dir: &Path, question: &str, args: &Value) -> Reply {
    let out = Command::new(env!("CARGO_BIN_EXE_earl"))
        .args(["--no-audit", "--data-dir"])
        .arg(data_dir)
        .args(argv(question, args))
        .output()
        .unwrap();
    match out.status.code() {
        Some(0) => Reply::Answer(serde_json::from_slice(&out.stdout).unwrap()),
        Some(2) => Reply::Refused,
        other => panic!(
            "earl {question} {args}: exit {other:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

fn mcp(data_dir: &Path, questions: &[(String, Value)]) -> Vec<Reply> {
    let args = [
        std::ffi::OsStr::new("--no-audit"),
        std::ffi::OsStr::new("--data-dir"),
        data_dir.as_os_str(),
    ];
    let calls: Vec<(&str, Value)> = questions
        .iter()
        .map(|(name, args)| (name.as_str(), args.clone()))
        .collect();
    common::mcp_results(&args, &calls)
        .iter()
        .map(|result| match result["isError"] == true {
            true => Reply::Refused,
            false => Reply::Answer(common::answer_of(result)),
        })
        .collect()
}

/// The API's request for a question, where the API asks it.
fn api_request(question: &str, args: &Value) -> Option<Request<Body>> {
    let post = |path: &str| {
        Request::post(path)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(args.to_string()))
            .unwrap()
    };
    match question {
        "check" => Some(post("/v1/check")),
        "classify" => Some(post("/v1/classify")),
        "match" => Some(post("/v1/match")),
        "screen" => {
            let mut query = vec![("q", args["name"].as_str().unwrap().to_string())];
            for (field, param) in [("country", "country"), ("date", "date")] {
                if let Some(v) = args[field].as_str() {
                    query.push((param, v.to_string()));
                }
            }
            if let Some(t) = args["threshold"].as_f64() {
                query.push(("threshold", t.to_string()));
            }
            let query: String = query
                .iter()
                .map(|(k, v)| format!("{k}={}", urlencode(v)))
                .collect::<Vec<_>>()
                .join("&");
            Some(
                Request::get(format!("/v1/screen?{query}"))
                    .body(Body::empty())
                    .unwrap(),
            )
        }
        _ => None,
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test(flavor = "current_thread")]
async fn the_cli_the_api_and_mcp_give_one_answer_to_each_question() {
    let questions = questions();
    assert!(questions.len() >= 250, "a few hundred questions");
    let data = tempfile::tempdir().unwrap();
    // Two workers: the CLI is a process per question.
    let cli_replies: Vec<Reply> = std::thread::scope(|scope| {
        let halves: Vec<_> = questions
            .chunks(questions.len().div_ceil(2))
            .map(|part| {
                let dir = data.path();
                scope.spawn(move || part.iter().map(|(q, a)| cli(dir, q, a)).collect::<Vec<_>>())
            })
            .collect();
        halves.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    let mcp_replies = mcp(data.path(), &questions);
    let engine = Arc::new(Engine::new(
        earl_data::Dataset::bundled().unwrap(),
        ListsSource::Bundled,
    ));
    let app = earl_server::router(engine, None, None);
    let (mut answered, mut refused, mut by_api) = (0, 0, 0);
    for (i, (question, args)) in questions.iter().enumerate() {
        let context = format!("question {} `{question}` {args}", i + 1);
        assert_eq!(cli_replies[i], mcp_replies[i], "CLI and MCP: {context}");
        match &cli_replies[i] {
            Reply::Answer(_) => answered += 1,
            Reply::Refused => refused += 1,
        }
        let Some(request) = api_request(question, args) else {
            continue;
        };
        by_api += 1;
        let response = app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let api = match status.as_u16() {
            200 => Reply::Answer(serde_json::from_slice(&bytes).unwrap()),
            422 => Reply::Refused,
            other => panic!("{context}: API status {other}"),
        };
        assert_eq!(cli_replies[i], api, "CLI and API: {context}");
    }
    eprintln!(
        "{} questions: {answered} answered, {refused} refused alike by the CLI and MCP; {by_api} also through the API",
        questions.len()
    );
    assert!(answered > 200 && refused > 0);
}

/// The properties of a JSON schema object.
fn properties(schema: &Value) -> Vec<String> {
    let mut p: Vec<String> = schema["properties"]
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    p.sort();
    p
}

/// MCP's tools and their input schemas, from `tools/list`.
fn mcp_tools() -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_earl"))
        .args(["--no-audit", "mcp"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for m in [
        json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {},
            "clientInfo": {"name": "earl-test", "version": "0"}}}),
        json!({"jsonrpc": "2.0", "method": "notifications/initialized"}),
        json!({"jsonrpc": "2.0", "id": 1, "method": "tools/list"}),
    ] {
        writeln!(stdin, "{m}").unwrap();
    }
    drop(stdin);
    let lines: Vec<Value> = BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .collect();
    assert!(child.wait().unwrap().success());
    let list = lines.iter().find(|r| r["id"] == 1).unwrap();
    list["result"]["tools"].as_array().unwrap().clone()
}

/// A batch file's columns are the check question's facts, from its schema: every field but the
/// item's other forms (a batch names catalog chips), the scenario and ownership (one per batch).
#[test]
fn a_batch_row_states_every_fact_of_the_check_question() {
    let schema = serde_json::to_value(schemars::schema_for!(CheckQuestion)).unwrap();
    let not_columns = [
        "chip",
        "to",
        "system",
        "contains",
        "tpp",
        "throughput",
        "die_area",
        "pd",
        "datacenter",
        "memory_bandwidth",
        "chip_to_chip",
        "package_area",
        "kind",
        "scenario",
        "ownership",
    ];
    let columns = earl_front::check::optional_columns();
    for field in properties(&schema) {
        assert_eq!(
            columns.contains(&field.as_str()),
            !not_columns.contains(&field.as_str()),
            "`{field}`"
        );
    }
    for fact in [
        "made_in",
        "us_content",
        "us_tech",
        "us_available",
        "end_user",
        "quantity",
    ] {
        assert!(columns.contains(&fact), "{fact}");
    }
}

#[test]
fn every_face_of_a_question_is_its_type() {
    // MCP's tool schema and the OpenAPI body are the type's; the CLI declares each field.
    let tools = mcp_tools();
    let openapi = earl_server::openapi_json();
    let schemas = &openapi["components"]["schemas"];
    for (question, schema, api_name) in [
        (
            "check",
            serde_json::to_value(schemars::schema_for!(CheckQuestion)).unwrap(),
            Some("CheckQuestion"),
        ),
        (
            "classify",
            serde_json::to_value(schemars::schema_for!(ClassifyQuestion)).unwrap(),
            Some("ClassifyQuestion"),
        ),
        (
            "match",
            serde_json::to_value(schemars::schema_for!(MatchQuestion)).unwrap(),
            Some("MatchQuestion"),
        ),
        (
            "screen",
            serde_json::to_value(schemars::schema_for!(ScreenQuestion)).unwrap(),
            None,
        ),
    ] {
        let fields = properties(&schema);
        assert!(!fields.is_empty(), "{question}: {schema}");
        let tool = tools
            .iter()
            .find(|t| t["name"] == question)
            .unwrap_or_else(|| panic!("no MCP tool `{question}`"));
        // MCP adds `lang`, the language the answer is shown in (not part of the question).
        let mut mcp = properties(&tool["inputSchema"]);
        assert!(mcp.contains(&"lang".to_string()), "{question}: no `lang`");
        mcp.retain(|p| p != "lang");
        assert_eq!(
            mcp, fields,
            "{question}: the MCP tool's schema is the question type"
        );
        let cli: Vec<String> = declaration(question)
            .get_arguments()
            .map(|a| a.get_id().to_string())
            .collect();
        for f in &fields {
            assert!(cli.contains(f), "{question}: `{f}` has no CLI argument");
        }
        if let Some(name) = api_name {
            assert_eq!(
                properties(&schemas[name]),
                fields,
                "{question}: the OpenAPI body is the question type"
            );
        }
    }
}
