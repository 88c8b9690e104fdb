//! Issue 28, points 4, 6, 7 and 9 on every front end they touch: ambiguous place names refused
//! (CLI, batch, API, MCP), batch rows with typed decisions that never read as a clear, the
//! header naming the rules in force and the operative entries, and an ownership file walked only
//! above the end user.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use earl_engine::{Engine, ListsSource};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use tower::ServiceExt;

fn earl(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_earl"))
        .arg("--no-audit")
        .args(args)
        .output()
        .expect("earl runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

const DECISIONS: &[&str] = &[
    "eccn",
    "license_required",
    "prohibited",
    "license_exception",
    "review_policy",
    "destination_code",
];

// Point 4 ------------------------------------------------------------------------------------

#[test]
fn check_refuses_a_name_of_several_countries_with_the_candidates() {
    for (name, codes) in [
        ("Congo", &["CG", "CD"][..]),
        ("Korea", &["KR", "KP"]),
        ("Republic of China", &["TW", "CN"]),
        ("Virgin Islands", &["VG", "VI"]),
        ("St. Martin", &["MF", "SX"]),
    ] {
        for args in [
            vec!["check", "H200", "--to", name, "--date", "2026-12-06"],
            vec!["check", "H200", "--to", "DE", "--from", name],
            vec![
                "check",
                "H200",
                "--to",
                "DE",
                "--end-user",
                "Acme",
                "--end-user-hq",
                name,
            ],
        ] {
            let o = earl(&args);
            let err = text(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.contains("ambiguous country"), "{args:?}: {err}");
            for c in codes {
                assert!(err.contains(&format!("{c} (")), "{args:?}: {err}");
            }
            assert!(
                o.stdout.is_empty(),
                "no answer printed: {}",
                text(&o.stdout)
            );
        }
    }
    // The Republic of the Congo by its own name, and DR Congo, still answer: CD needs a licence.
    let o = earl(&[
        "check",
        "H200",
        "--to",
        "DR Congo",
        "--date",
        "2026-12-06",
        "--json",
    ]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["destination"], "CD");
    assert_eq!(v["license_required"], true);
}

#[test]
fn screen_refuses_an_ambiguous_country_filter() {
    // A filter read as CG would hide a match with an address in CD: refused, not narrowed.
    let o = earl(&["screen", "Huawei", "--country", "Congo"]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("ambiguous country") && err.contains("CD ("),
        "{err}"
    );
}

#[test]
fn batch_refuses_the_ambiguous_row_and_carries_the_resolved_code_beside_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let orders = dir.path().join("orders.csv");
    std::fs::write(
        &orders,
        "chip,destination,date\nH200,Congo,2026-12-06\nH200,DR Congo,2026-12-06\nH200,china,2026-12-06\nH200,Korea,2026-12-06\n",
    )
    .unwrap();
    let out = dir.path().join("out.jsonl");
    let o = Command::new(env!("CARGO_BIN_EXE_earl"))
        .args(["--no-audit", "check", "--batch"])
        .arg(&orders)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    let rows = jsonl(&out);
    assert_eq!(rows.len(), 4);
    for i in [0, 3] {
        let r = &rows[i];
        assert!(
            r["error"].as_str().unwrap().contains("ambiguous country"),
            "{r}"
        );
        for f in DECISIONS {
            assert!(r[f].is_null(), "an error row says nothing of `{f}`: {r}");
        }
    }
    assert_eq!(rows[1]["destination"], "DR Congo");
    assert_eq!(rows[1]["destination_code"], "CD");
    assert_eq!(rows[1]["license_required"], true);
    assert_eq!(rows[2]["destination"], "china");
    assert_eq!(rows[2]["destination_code"], "CN");
}

#[test]
fn mcp_refuses_an_ambiguous_destination_as_a_tool_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_earl"))
        .args(["--no-audit", "mcp"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("earl mcp starts");
    let messages = [
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {},
            "clientInfo": {"name": "earl-test", "version": "0"}}}),
        json!({"jsonrpc": "2.0", "method": "notifications/initialized"}),
        json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {
            "name": "check", "arguments": {"chip": "H200", "to": "Congo", "date": "2026-12-06"}}}),
    ];
    let mut stdin = child.stdin.take().unwrap();
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(child.stdout.take().unwrap()));
    let mut last = Value::Null;
    for m in &messages {
        writeln!(stdin, "{m}").unwrap();
        stdin.flush().unwrap();
        if m.get("id").is_some() {
            last = serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap();
        }
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
    let result = &last["result"];
    assert_eq!(result["isError"], true, "{result}");
    let message = result["content"][0]["text"].as_str().unwrap();
    assert!(
        message.contains("ambiguous country")
            && message.contains("CG (")
            && message.contains("CD ("),
        "{message}"
    );
}

async fn post_check(body: Value) -> (StatusCode, Value) {
    let engine = Arc::new(Engine::new(
        earl_data::Dataset::bundled().unwrap(),
        ListsSource::Bundled,
    ));
    let app = earl_server::router(engine, None, None);
    let response = app
        .oneshot(
            Request::post("/v1/check")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
        )
        .await
        .unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap())
}

#[tokio::test(flavor = "current_thread")]
async fn the_api_refuses_an_ambiguous_destination() {
    let (status, body) =
        post_check(json!({"chip": "H200", "to": "Congo", "date": "2026-12-06"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let said = body.to_string();
    assert!(
        said.contains("ambiguous country") && said.contains("CD ("),
        "{said}"
    );
}

// Point 6 ------------------------------------------------------------------------------------

#[test]
fn batch_decisions_are_typed_and_an_error_row_reads_as_no_clear_in_csv_and_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let orders = dir.path().join("orders.csv");
    std::fs::write(
        &orders,
        "chip,destination,date\nH200,CN,2026-12-06\nH200,DE,2026-12-06\nH2000,CN,2026-12-06\nH200,Narnia,2026-12-06\n",
    )
    .unwrap();
    let out = dir.path().join("out.jsonl");
    let o = Command::new(env!("CARGO_BIN_EXE_earl"))
        .args(["--no-audit", "check", "--batch"])
        .arg(&orders)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "two rows cannot be checked");
    let rows = jsonl(&out);
    assert_eq!(rows[0]["license_required"], json!(true));
    assert_eq!(rows[0]["prohibited"], json!(false));
    assert_eq!(rows[0]["destination_code"], "CN");
    assert_eq!(rows[1]["license_required"], json!(false));
    for r in &rows[2..] {
        assert!(!r["error"].as_str().unwrap().is_empty(), "{r}");
        for f in DECISIONS {
            assert!(r[f].is_null(), "an error row says nothing of `{f}`: {r}");
        }
    }

    // CSV: booleans as true/false, an unknown or an error row's decision as an empty cell.
    let o = earl(&["check", "--batch", orders.to_str().unwrap()]);
    let csv = text(&o.stdout);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert_eq!(col("destination_code"), col("destination") + 1);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(&records[0][col("license_required")], "true");
    assert_eq!(&records[0][col("prohibited")], "false");
    assert_eq!(&records[1][col("license_required")], "false");
    for r in &records[2..] {
        assert!(!r[col("error")].is_empty());
        for f in DECISIONS {
            assert_eq!(&r[col(f)], "", "an error row's `{f}` is empty");
        }
    }
}

// Point 7 ------------------------------------------------------------------------------------

#[test]
fn the_header_names_the_rules_in_force_and_the_operative_entries() {
    let o = earl(&["check", "H200", "--to", "CN", "--date", "2026-12-06"]);
    let out = text(&o.stdout);
    assert!(
        out.contains("rules in force on 2026-12-06: ")
            && out.contains("the newest 2026-11-10-affiliates-stay-ends"),
        "{out}"
    );
    let decided = out
        .lines()
        .find(|l| l.trim_start().starts_with("decided under:"))
        .unwrap_or_else(|| panic!("no `decided under` line: {out}"));
    assert!(decided.contains("91 FR 1684 (rp-2026-lane"), "{decided}");
    assert!(!decided.contains("affiliates-stay-ends"), "{decided}");

    let o = earl(&[
        "check",
        "H200",
        "--to",
        "CN",
        "--date",
        "2026-12-06",
        "--json",
    ]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v["regime"], "2026-11-10-affiliates-stay-ends",
        "regime is unchanged"
    );
    let in_force: Vec<&str> = v["rules_in_force"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(in_force.contains(&"2026-01-15-h200-lane"), "{in_force:?}");
    assert_eq!(in_force.last(), Some(&"2026-11-10-affiliates-stay-ends"));
    let lane = v["operative"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["entry"] == "rp-2026-lane")
        .expect("the review policy that stands is operative");
    assert_eq!(lane["amendment"], "2026-01-15-h200-lane");
    assert!(lane["cite"].as_str().unwrap().starts_with("91 FR 1684"));
    let operative: Vec<&Value> = v["operative"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| &o["entry"])
        .collect();
    let decided_by: Vec<&Value> = v["decided_by"].as_array().unwrap().iter().collect();
    assert_eq!(
        operative, decided_by,
        "one operative entry per decided_by id"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn the_api_answer_names_the_operative_entries() {
    let (status, v) = post_check(json!({"chip": "H200", "to": "CN", "date": "2026-12-06"})).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        v["operative"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["entry"] == "rp-2026-lane" && o["amendment"] == "2026-01-15-h200-lane"),
        "{}",
        v["operative"]
    );
    assert!(!v["rules_in_force"].as_array().unwrap().is_empty());
}

// Point 9 ------------------------------------------------------------------------------------

/// A listed party at the top of a chain of `links` 100% holdings down to "Acme Widgets", and
/// `unrelated` holdings among parties that own nothing above it.
fn ownership_file(dir: &Path, links: usize, unrelated: usize) -> std::path::PathBuf {
    let mut csv = String::from("owner,owned,percent\n");
    csv.push_str("Huawei Technologies Co. Ltd.,Chain Holding 1,100\n");
    for i in 1..links {
        csv.push_str(&format!("Chain Holding {i},Chain Holding {},100\n", i + 1));
    }
    csv.push_str(&format!("Chain Holding {links},Acme Widgets,100\n"));
    for i in 0..unrelated {
        csv.push_str(&format!(
            "Quillfeather Partner {i},Quillfeather Venture {},40\n",
            i / 2
        ));
    }
    let path = dir.join("ownership.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

#[test]
fn a_listed_party_atop_a_long_chain_restricts_the_end_user_and_unrelated_holdings_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = ownership_file(dir.path(), 300, 100_000);
    let args = |to: &str| {
        vec![
            "check".to_string(),
            "H200".into(),
            "--to".into(),
            to.into(),
            "--date".into(),
            "2026-12-06".into(),
            "--end-user".into(),
            "Acme Widgets".into(),
            "--ownership".into(),
            file.to_str().unwrap().into(),
            "--json".into(),
        ]
    };
    let a: Vec<String> = args("DE");
    let o = earl(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v["license_required"], true,
        "restricted through 301 holdings"
    );
    assert!(
        v["decided_by"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d.as_str().unwrap().starts_with("affiliates")),
        "{}",
        v["decided_by"]
    );
    let owners = v["owner_matches"].as_array().unwrap();
    assert!(!owners.is_empty());
    assert!(
        owners
            .iter()
            .all(|m| !m["party"].as_str().unwrap().starts_with("Quillfeather")),
        "unrelated holders are not screened: {owners:?}"
    );

    // The batch front end reads the same file for every row.
    let orders = dir.path().join("orders.csv");
    std::fs::write(&orders, "chip,destination,end_user,date\nH200,DE,Acme Widgets,2026-12-06\nH200,DE,Quillfeather Venture 3,2026-12-06\n").unwrap();
    let out = dir.path().join("out.jsonl");
    let o = Command::new(env!("CARGO_BIN_EXE_earl"))
        .args(["--no-audit", "check", "--batch"])
        .arg(&orders)
        .arg("--ownership")
        .arg(&file)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let rows = jsonl(&out);
    assert_eq!(rows[0]["license_required"], true);
    assert_eq!(
        rows[1]["license_required"], false,
        "Quillfeather Venture 3 has no listed owner"
    );
}
