//! Installing earl like a tool: shell completions and man pages from the clap definitions, and
//! `earl mcp` answering a raw JSON-RPC session (the Python SDK drives it in scripts/mcp-test.sh).

use serde_json::{Value, json};
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn earl(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_earl"))
        .arg("--no-audit")
        .args(args)
        .output()
        .expect("earl runs")
}

#[test]
fn completions_cover_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = earl(&["completions", shell]);
        assert!(out.status.success(), "{shell}: {:?}", out);
        let text = String::from_utf8(out.stdout).unwrap();
        for sub in ["classify", "check", "screen", "timeline", "mcp", "end-user"] {
            assert!(text.contains(sub), "{shell} completions lack {sub}");
        }
    }
    let out = earl(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tcsh"));
}

#[test]
fn man_pages_are_roff_from_the_clap_definitions() {
    let out = earl(&["man"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(".ie") || text.contains(".TH earl"),
        "{}",
        &text[..200]
    );
    assert!(text.contains("classify") && text.contains("not legal advice"));

    let dir = tempfile::tempdir().unwrap();
    let out = earl(&["man", "--dir", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    for page in [
        "earl.1",
        "earl-check.1",
        "earl-mcp.1",
        "earl-audit-verify.1",
    ] {
        let p = dir.path().join(page);
        let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{page}: {e}"));
        assert!(text.contains(".TH"), "{page} is not a man page");
    }
    assert!(
        std::fs::read_to_string(dir.path().join("earl-check.1"))
            .unwrap()
            .contains("end\\-user")
    );
}

/// One JSON-RPC session over stdio: initialize, list tools, a check, a bad check; the server
/// answers each and exits when stdin closes.
#[test]
fn mcp_answers_a_raw_session() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_earl"))
        .args(["--no-audit", "mcp"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("earl mcp starts");
    let messages = [
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {},
            "clientInfo": {"name": "earl-test", "version": "0"}}}),
        json!({"jsonrpc": "2.0", "method": "notifications/initialized"}),
        json!({"jsonrpc": "2.0", "id": 2, "method": "tools/list"}),
        json!({"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {
            "name": "check", "arguments": {"chip": "H200", "to": "CN", "date": "2026-03-01"}}}),
        json!({"jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": {
            "name": "check", "arguments": {"chip": "H200", "to": "Atlantis"}}}),
    ];
    let mut stdin = child.stdin.take().unwrap();
    let mut responses = Vec::new();
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(child.stdout.take().unwrap()));
    for m in &messages {
        writeln!(stdin, "{m}").unwrap();
        stdin.flush().unwrap();
        if m.get("id").is_some() {
            let line = lines.next().expect("a response").expect("readable");
            responses.push(serde_json::from_str::<Value>(&line).expect("JSON-RPC"));
        }
    }
    drop(stdin);
    let status = child.wait().unwrap();
    assert!(status.success(), "earl mcp exited with {status}");

    assert_eq!(responses[0]["result"]["serverInfo"]["name"], "earl");
    let tools: Vec<&str> = responses[1]["result"]["tools"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    for t in [
        "classify",
        "check",
        "screen",
        "match",
        "diff",
        "timeline",
        "impact",
        "scenarios",
        "about",
    ] {
        assert!(tools.contains(&t), "no tool {t}: {tools:?}");
    }
    let check = &responses[2]["result"];
    assert_eq!(check["isError"], false, "{check}");
    assert_eq!(check["structuredContent"]["review_policy"], "case_by_case");
    let cli = earl(&[
        "check",
        "H200",
        "--to",
        "CN",
        "--date",
        "2026-03-01",
        "--json",
    ]);
    let cli: Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(
        check["structuredContent"], cli,
        "the MCP answer is the CLI's JSON"
    );
    let bad = &responses[3]["result"];
    assert_eq!(bad["isError"], true, "{bad}");
    assert!(
        bad["content"][0]["text"]
            .as_str()
            .unwrap()
            .contains("Atlantis")
    );
}
