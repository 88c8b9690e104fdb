//! `earl mcp` answering every line it is sent (issue 28, point 11): text that is not JSON, not
//! UTF-8, nested too deep or naming a key twice gets a JSON-RPC parse error (-32700, id null);
//! params that do not fit their method or tool get -32602; only an unknown method gets -32601;
//! and the server goes on answering the next request.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

/// Sends the lines, each raw, to one `earl mcp` after the initialize handshake; returns every
/// response (the handshake's first) once stdin is closed and the server has exited.
fn session(lines: &[Vec<u8>]) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_earl"))
        .args(["--no-audit", "mcp"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("earl mcp starts");
    let mut stdin = child.stdin.take().unwrap();
    let handshake = [
        json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {},
            "clientInfo": {"name": "earl-test", "version": "0"}}}),
        json!({"jsonrpc": "2.0", "method": "notifications/initialized"}),
    ];
    for m in handshake {
        writeln!(stdin, "{m}").unwrap();
    }
    for line in lines {
        stdin.write_all(line).unwrap();
        stdin.write_all(b"\n").unwrap();
    }
    drop(stdin);
    let responses = BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map(|l| serde_json::from_str(&l.expect("readable")).expect("each response is JSON"))
        .collect();
    assert!(child.wait().unwrap().success(), "earl mcp exits 0");
    responses
}

fn with_id(responses: &[Value], id: i64) -> &Value {
    responses
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no response to request {id}: {responses:#?}"))
}

fn list_tools(id: i64) -> Vec<u8> {
    json!({"jsonrpc": "2.0", "id": id, "method": "tools/list"})
        .to_string()
        .into_bytes()
}

#[test]
fn unreadable_lines_get_a_parse_error_and_the_server_goes_on() {
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let unreadable: [(&[u8], &str); 5] = [
        (
            b"{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\":",
            "EOF while parsing",
        ),
        (b"{not json}", "key must be a string"),
        (b"\xff\xfe{\"jsonrpc\": \"2.0\"}", "not UTF-8"),
        (deep.as_bytes(), "recursion limit exceeded"),
        (
            br#"{"jsonrpc": "2.0", "id": 2, "id": 3, "method": "tools/list"}"#,
            "duplicate key `id`",
        ),
    ];
    let mut lines: Vec<Vec<u8>> = unreadable.iter().map(|(l, _)| l.to_vec()).collect();
    lines.push(list_tools(9));
    let responses = session(&lines);

    let errors: Vec<&Value> = responses.iter().filter(|r| r["id"].is_null()).collect();
    assert_eq!(errors.len(), unreadable.len(), "{responses:#?}");
    for (error, (_, why)) in errors.iter().zip(unreadable) {
        assert_eq!(error["jsonrpc"], "2.0");
        assert_eq!(error["error"]["code"], -32700, "{error}");
        let message = error["error"]["message"].as_str().unwrap();
        assert!(message.starts_with("Parse error: "), "{message}");
        assert!(message.contains(why), "{message} should say {why}");
    }
    assert!(
        responses.iter().all(|r| r["id"] != 2 && r["id"] != 3),
        "a message with a duplicate key is not answered as either reading"
    );
    assert!(with_id(&responses, 9)["result"]["tools"].is_array());
}

#[test]
fn a_duplicate_key_inside_a_tools_arguments_is_refused() {
    let call = br#"{"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "check", "arguments": {"chip": "H200", "to": "NL", "to": "CN", "date": "2026-03-01"}}}"#;
    let responses = session(&[call.to_vec(), list_tools(2)]);
    let error = responses.iter().find(|r| r["id"].is_null()).unwrap();
    assert_eq!(error["error"]["code"], -32700);
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("duplicate key `to`")
    );
    assert!(responses.iter().all(|r| r["id"] != 1));
    assert!(with_id(&responses, 2)["result"]["tools"].is_array());
}

#[test]
fn params_that_do_not_fit_are_invalid_params_not_method_not_found() {
    let call = |id: i64, params: Value| {
        json!({"jsonrpc": "2.0", "id": id, "method": "tools/call", "params": params})
            .to_string()
            .into_bytes()
    };
    let lines = vec![
        // A tool's argument of the wrong type, an unknown one, one missing, arguments to `about`.
        call(
            1,
            json!({"name": "check", "arguments": {"chip": 5, "to": "CN"}}),
        ),
        call(
            2,
            json!({"name": "check", "arguments": {"chip": "H200", "to": "CN", "bogus": 1}}),
        ),
        call(3, json!({"name": "check", "arguments": {"chip": "H200"}})),
        call(4, json!({"name": "about", "arguments": {"x": 1}})),
        // MCP's own params wrong: a tool name that is not a string, no params at all.
        call(5, json!({"name": 5})),
        json!({"jsonrpc": "2.0", "id": 6, "method": "tools/call"})
            .to_string()
            .into_bytes(),
        json!({"jsonrpc": "2.0", "id": 7, "method": "resources/read", "params": {}})
            .to_string()
            .into_bytes(),
        json!({"jsonrpc": "2.0", "id": 8, "method": "no/such/method"})
            .to_string()
            .into_bytes(),
        list_tools(9),
    ];
    let responses = session(&lines);
    for id in 1..=7 {
        let r = with_id(&responses, id);
        assert_eq!(r["error"]["code"], -32602, "request {id}: {r}");
    }
    assert!(
        with_id(&responses, 1)["error"]["message"]
            .as_str()
            .unwrap()
            .contains("invalid type: integer `5`, expected a string")
    );
    assert!(
        with_id(&responses, 2)["error"]["message"]
            .as_str()
            .unwrap()
            .contains("unknown field `bogus`")
    );
    assert_eq!(with_id(&responses, 8)["error"]["code"], -32601);
    assert!(with_id(&responses, 9)["result"]["tools"].is_array());
}

#[test]
fn a_question_that_reads_but_cannot_be_answered_stays_a_tool_error() {
    let call = json!({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {
        "name": "check", "arguments": {"chip": "H200", "to": "Atlantis"}}});
    // The same in Chinese: the tool error is worded in the language asked (issue 25).
    let in_chinese = json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {
        "name": "check", "arguments": {"chip": "H2000", "to": "CN", "lang": "zh"}}});
    let in_english = json!({"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {
        "name": "check", "arguments": {"chip": "H2000", "to": "CN"}}});
    let responses = session(&[
        call.to_string().into_bytes(),
        in_chinese.to_string().into_bytes(),
        in_english.to_string().into_bytes(),
    ]);
    let result = &with_id(&responses, 1)["result"];
    assert_eq!(result["isError"], true, "{result}");
    let text = |id| {
        with_id(&responses, id)["result"]["content"][0]["text"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(text(2).starts_with("未知芯片“H2000”"), "{}", text(2));
    assert!(text(3).starts_with("unknown chip `H2000`"), "{}", text(3));
}

#[test]
fn json_that_is_not_a_json_rpc_message_is_an_invalid_request_with_its_id() {
    let lines: Vec<Vec<u8>> = [
        "[]",
        "42",
        r#"[{"jsonrpc": "2.0", "id": 1, "method": "tools/list"}]"#,
        r#"{"jsonrpc": "1.0", "id": 7, "method": "tools/list"}"#,
        r#"{"jsonrpc": "2.0", "id": 8}"#,
        r#"{"jsonrpc": "2.0", "id": "nine", "method": 9}"#,
    ]
    .iter()
    .map(|l| l.as_bytes().to_vec())
    .chain([list_tools(10)])
    .collect();
    let responses = session(&lines);
    let invalid: Vec<&Value> = responses
        .iter()
        .filter(|r| r["error"]["code"] == -32600)
        .collect();
    assert_eq!(invalid.len(), 6, "{responses:#?}");
    assert!(
        invalid
            .iter()
            .all(|r| r.get("id").is_some() && r["jsonrpc"] == "2.0")
    );
    assert_eq!(invalid.iter().filter(|r| r["id"].is_null()).count(), 3);
    assert!(
        with_id(&responses, 7)["error"]["message"]
            .as_str()
            .unwrap()
            .contains("`jsonrpc` must be \"2.0\"")
    );
    assert_eq!(with_id(&responses, 8)["error"]["code"], -32600);
    assert_eq!(
        responses.iter().find(|r| r["id"] == "nine").unwrap()["error"]["code"],
        -32600
    );
    assert!(with_id(&responses, 10)["result"]["tools"].is_array());
}
