//! What several of the CLI's integration tests share: one `earl mcp` session over stdio.

use serde_json::{Value, json};
use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

/// Runs `earl ARGS mcp`: initialises, sends each `(tool, arguments)` as a `tools/call` (ids 1,
/// 2, …), closes stdin and returns each call's `result` in call order; the server must answer
/// every call and exit cleanly.
pub fn mcp_results<S: AsRef<OsStr>>(args: &[S], calls: &[(&str, Value)]) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_earl"))
        .args(args)
        .arg("mcp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let initialize = json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {},
        "clientInfo": {"name": "earl-test", "version": "0"}}});
    writeln!(stdin, "{initialize}").unwrap();
    writeln!(
        stdin,
        "{}",
        json!({"jsonrpc": "2.0", "method": "notifications/initialized"})
    )
    .unwrap();
    for (i, (tool, arguments)) in calls.iter().enumerate() {
        let call = json!({"jsonrpc": "2.0", "id": i + 1, "method": "tools/call",
            "params": {"name": tool, "arguments": arguments}});
        writeln!(stdin, "{call}").unwrap();
    }
    drop(stdin);
    let responses: Vec<Value> = BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .collect();
    assert!(child.wait().unwrap().success());
    (1..=calls.len())
        .map(|id| {
            let response = responses.iter().find(|r| r["id"] == id);
            response.expect("every call answered")["result"].clone()
        })
        .collect()
}

/// The JSON answer a tool's `result` carries as its text.
pub fn answer_of(result: &Value) -> Value {
    serde_json::from_str(result["content"][0]["text"].as_str().unwrap()).unwrap()
}
