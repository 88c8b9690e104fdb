//! Issue 28, "Harmless-looking input: never a false clear" — the screening points on the
//! binary: `check`, `check --batch`, `screen` and `earl mcp`. (1) an invisible character inside
//! a listed name keeps its match, a control is refused with exit 2 and shown escaped; (2) a
//! list without Entity List or SDN rows is refused unless accepted, and a list that lost
//! entries is warned of; (5) a legal form is not a name.

use serde_json::{Value, json};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const HUAWEI_ZWSP: &str = "Huawei Techno\u{200B}logies Co., Ltd.";

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn command(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_earl"));
        c.env_remove("EARL_LISTS")
            .env_remove("EARL_ACCEPT_PARTIAL_LISTS")
            .env("EARL_DATA_DIR", self.path("data"))
            .arg("--no-audit");
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().expect("earl runs")
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.run(args);
        assert!(out.status.success(), "earl {args:?}: {}", stderr(&out));
        serde_json::from_slice(&out.stdout).expect("JSON")
    }

    /// Runs a command that must exit 2 mentioning `needle`, without a panic; returns stderr.
    fn refused(&self, args: &[&str], needle: &str) -> String {
        let out = self.run(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "earl {args:?}: {err}");
        assert!(
            err.contains(needle),
            "earl {args:?}: want `{needle}` in {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
        err
    }

    /// The bundled list less the rows of the named lists (their `source` column).
    fn lists_without(&self, name: &str, drop: &[&str]) -> PathBuf {
        let bundled = include_str!("../../../data/csl/consolidated.csv");
        let mut out = String::new();
        for (i, line) in bundled.lines().enumerate() {
            if i == 0 || !drop.iter().any(|d| line.contains(&format!(",{d} "))) {
                out.push_str(line);
                out.push('\n');
            }
        }
        let path = self.path(name);
        std::fs::write(&path, out).unwrap();
        path
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn check_json(env: &Env, end_user: &str) -> Value {
    env.json(&[
        "check",
        "T4",
        "--to",
        "CN",
        "--end-user",
        end_user,
        "--date",
        "2026-03-01",
        "--json",
    ])
}

fn batch(env: &Env, end_user: &str) -> PathBuf {
    let path = env.path("orders.csv");
    let mut w = csv::Writer::from_path(&path).unwrap();
    w.write_record(["chip", "destination", "end_user", "date"])
        .unwrap();
    w.write_record(["T4", "CN", end_user, "2026-03-01"])
        .unwrap();
    w.flush().unwrap();
    path
}

/// Point 1: "Huawei Techno\u{200B}logies Co., Ltd." keeps its match on check, check --batch
/// and screen; a control or bidirectional control is refused (exit 2) and named escaped, as
/// is a control in a chip name.
#[test]
fn point_1_an_invisible_character_keeps_the_match_and_a_control_is_refused() {
    let env = Env::new();
    let plain = check_json(&env, "Huawei Technologies Co., Ltd.");
    let hidden = check_json(&env, HUAWEI_ZWSP);
    assert_eq!(hidden["license_required"], true, "{hidden:#}");
    assert_eq!(
        hidden["end_user_matches"].as_array().unwrap().len(),
        plain["end_user_matches"].as_array().unwrap().len()
    );
    assert_eq!(hidden["review_policy"], plain["review_policy"]);

    let screen = env.json(&["screen", HUAWEI_ZWSP, "--json"]);
    assert!(
        screen["matches"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["below_threshold"] == false),
        "{screen:#}"
    );

    let orders = batch(&env, HUAWEI_ZWSP);
    let out = env.run(&["check", "--batch", orders.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = String::from_utf8(out.stdout).unwrap();
    assert!(
        rows.to_lowercase().contains("huawei technologies"),
        "{rows}"
    );

    for (name, needle) in [
        (
            "Huawei\u{1}Technologies",
            "`Huawei<U+0001>Technologies` holds U+0001 at character 7",
        ),
        ("\u{202E}seigolonhceT iewauH", "U+202E at character 1"),
    ] {
        env.refused(&["check", "T4", "--to", "CN", "--end-user", name], needle);
        env.refused(&["screen", name], needle);
        let orders = batch(&env, name);
        env.refused(&["check", "--batch", orders.to_str().unwrap()], needle);
    }
    env.refused(
        &["check", "H2\u{1}00", "--to", "CN"],
        "unknown chip `H2<U+0001>00`",
    );
    env.refused(
        &["check", "H200", "--to", "C\u{200B}N"],
        "unknown country `C<U+200B>N`",
    );
}

/// Point 2: a list with no Entity List and no SDN rows is refused (exit 2) by check, check
/// --batch and screen unless accepted, and then every answer says so; a list that lost
/// another list is screened with a warning; a check of no party does not read the lists.
#[test]
fn point_2_a_truncated_list_is_refused_or_warned_of_on_every_path_that_screens() {
    let env = Env::new();
    let truncated = env.lists_without(
        "truncated.csv",
        &["Entity List (EL)", "Specially Designated Nationals (SDN)"],
    );
    let lists = truncated.to_str().unwrap();
    let orders = batch(&env, "Huawei Technologies Co., Ltd.");
    let orders = orders.to_str().unwrap();
    let needle = "no rows of the Entity List (EL) and the SDN list (SDN)";
    env.refused(
        &[
            "--lists",
            lists,
            "check",
            "T4",
            "--to",
            "CN",
            "--end-user",
            "Huawei",
        ],
        needle,
    );
    env.refused(&["--lists", lists, "check", "--batch", orders], needle);
    env.refused(
        &["--lists", lists, "screen", "Huawei"],
        "--accept-partial-lists",
    );
    let unscreened = env.run(&["--lists", lists, "check", "T4", "--to", "CN"]);
    assert!(unscreened.status.success(), "{}", stderr(&unscreened));

    let accepted = env.json(&[
        "--lists",
        lists,
        "--accept-partial-lists",
        "check",
        "T4",
        "--to",
        "CN",
        "--end-user",
        "Huawei",
        "--json",
    ]);
    let warnings = accepted["list_warnings"].to_string();
    assert!(
        warnings.contains("list EL is empty or missing"),
        "{accepted:#}"
    );
    assert!(
        warnings.contains("as accepted (--accept-partial-lists)"),
        "{warnings}"
    );
    let human = env
        .command()
        .env("EARL_ACCEPT_PARTIAL_LISTS", "1")
        .args([
            "--lists",
            lists,
            "check",
            "T4",
            "--to",
            "CN",
            "--end-user",
            "Huawei",
        ])
        .output()
        .unwrap();
    assert!(human.status.success(), "{}", stderr(&human));
    assert!(
        String::from_utf8_lossy(&human.stdout).contains("warning: list SDN is empty or missing")
    );
    let batch = env
        .command()
        .env("EARL_ACCEPT_PARTIAL_LISTS", "1")
        .args(["--lists", lists, "check", "--batch", orders])
        .output()
        .unwrap();
    assert!(batch.status.success(), "{}", stderr(&batch));
    assert!(
        stderr(&batch).contains("earl: warning: list EL is empty or missing"),
        "{}",
        stderr(&batch)
    );
    // And in the output itself, on the screened row: the CSV outlives the terminal (Spark's
    // struct has no stderr at all).
    let mut rows = csv::Reader::from_reader(batch.stdout.as_slice());
    let at = rows
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "list_warnings")
        .expect("a list_warnings column");
    let row = rows.records().next().unwrap().unwrap();
    assert!(
        row[at].contains("list EL is empty or missing") && row[at].contains("as accepted"),
        "{row:?}"
    );
    let screen = env.json(&[
        "--lists",
        lists,
        "--accept-partial-lists",
        "screen",
        "Huawei",
        "--json",
    ]);
    assert_eq!(screen["list_warnings"], accepted["list_warnings"]);

    let no_meu = env.lists_without("no-meu.csv", &["Military End User (MEU)"]);
    let answer = env.json(&[
        "--lists",
        no_meu.to_str().unwrap(),
        "check",
        "T4",
        "--to",
        "CN",
        "--end-user",
        "Huawei",
        "--json",
    ]);
    assert_eq!(answer["license_required"], true);
    assert!(
        answer["list_warnings"][0]
            .as_str()
            .unwrap()
            .contains("list MEU is empty or missing (had 70 entries)"),
        "{answer:#}"
    );
    let bundled = check_json(&env, "Huawei");
    assert!(
        bundled.get("list_warnings").is_none(),
        "the bundled lists are whole"
    );
}

/// The false-clear audit: `screen --batch` against a list without Entity List rows (accepted)
/// said only the lists' age and "1 rows: 0 with matches" for a party listed only there, where
/// `screen` and `check --batch` say the lists lack the Entity List.
#[test]
fn screen_batch_says_what_the_lists_lack() {
    let env = Env::new();
    let lists = env.lists_without("no-el.csv", &["Entity List (EL)"]);
    let lists = lists.to_str().unwrap();
    let names = env.path("names.csv");
    // An Entity List entry's own name (Hong Kong), on no other list.
    std::fs::write(&names, "name,country\nCorezing International,\n").unwrap();
    let names = names.to_str().unwrap();
    let out = env
        .command()
        .env("EARL_ACCEPT_PARTIAL_LISTS", "1")
        .args(["--lists", lists, "screen", "--batch", names])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["matches"], serde_json::json!([]), "{line}");
    let err = stderr(&out);
    assert!(err.contains("1 rows: 0 with matches"), "{err}");
    assert!(
        err.contains("earl: warning: list EL is empty or missing"),
        "{err}"
    );
    assert!(
        err.contains("no rows of the Entity List (EL), as accepted (--accept-partial-lists)"),
        "{err}"
    );
}

/// Point 5: "Acme GmbH" is not SDN "LLC AKM" (it was PROHIBITED); legal forms alone match
/// nothing.
#[test]
fn point_5_a_legal_form_is_not_a_name() {
    let env = Env::new();
    for end_user in ["Acme GmbH", "Acme Ltd", "Acme S.A.", "OOO", "有限公司"] {
        let answer = env.json(&[
            "check",
            "H100",
            "--to",
            "DE",
            "--end-user",
            end_user,
            "--date",
            "2026-03-01",
            "--json",
        ]);
        assert_eq!(answer["prohibited"], false, "{end_user}: {answer:#}");
        assert_eq!(answer["end_user_matches"], json!([]), "{end_user}");
    }
    let pair = env.json(&["match", "Acme GmbH", "LLC AKM", "--json"]);
    assert_eq!(pair["match"], false, "{pair:#}");
}

/// Points 1 and 2 under `earl mcp`: the check tool keeps the match through U+200B, refuses a
/// control as a tool error naming it escaped, and refuses a truncated list.
#[test]
fn mcp_keeps_the_match_refuses_controls_and_truncated_lists() {
    let env = Env::new();
    let truncated = env.lists_without(
        "truncated.csv",
        &["Entity List (EL)", "Specially Designated Nationals (SDN)"],
    );
    let session = |extra: &[&str], calls: &[Value]| -> Vec<Value> {
        let mut child = env
            .command()
            .args(extra)
            .arg("mcp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("earl mcp starts");
        let mut stdin = child.stdin.take().unwrap();
        let mut lines =
            std::io::BufRead::lines(std::io::BufReader::new(child.stdout.take().unwrap()));
        let mut send = |m: Value| writeln!(stdin, "{m}").and_then(|_| stdin.flush()).unwrap();
        send(
            json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {},
            "clientInfo": {"name": "earl-test", "version": "0"}}}),
        );
        lines.next().unwrap().unwrap();
        send(json!({"jsonrpc": "2.0", "method": "notifications/initialized"}));
        let mut results = Vec::new();
        for (id, arguments) in calls.iter().enumerate() {
            send(
                json!({"jsonrpc": "2.0", "id": id + 1, "method": "tools/call",
                "params": {"name": "check", "arguments": arguments}}),
            );
            let line = lines.next().expect("a response").unwrap();
            results.push(serde_json::from_str::<Value>(&line).unwrap()["result"].clone());
        }
        drop(stdin);
        child.wait().unwrap();
        results
    };
    let results = session(
        &[],
        &[
            json!({"chip": "T4", "to": "CN", "end_user": HUAWEI_ZWSP, "date": "2026-03-01"}),
            json!({"chip": "T4", "to": "CN", "end_user": "Huawei\u{1}Technologies"}),
            json!({"chip": "H100", "to": "DE", "end_user": "Acme GmbH", "date": "2026-03-01"}),
        ],
    );
    assert_eq!(results[0]["isError"], false, "{}", results[0]);
    assert_eq!(results[0]["structuredContent"]["license_required"], true);
    assert!(
        !results[0]["structuredContent"]["end_user_matches"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(results[1]["isError"], true);
    assert!(
        results[1]["content"][0]["text"]
            .as_str()
            .unwrap()
            .contains("U+0001 at character 7"),
        "{}",
        results[1]
    );
    assert_eq!(
        results[2]["structuredContent"]["end_user_matches"],
        json!([]),
        "{}",
        results[2]
    );

    let lists = ["--lists", truncated.to_str().unwrap()];
    let huawei = json!({"chip": "T4", "to": "CN", "end_user": "Huawei"});
    let refused = &session(&lists, std::slice::from_ref(&huawei))[0];
    assert_eq!(refused["isError"], true, "{refused}");
    assert!(
        refused["content"][0]["text"]
            .as_str()
            .unwrap()
            .contains("--accept-partial-lists"),
        "{refused}"
    );
    let accepted = &session(&[lists[0], lists[1], "--accept-partial-lists"], &[huawei])[0];
    assert_eq!(accepted["isError"], false, "{accepted}");
    assert!(
        accepted["structuredContent"]["list_warnings"]
            .to_string()
            .contains("as accepted"),
        "{accepted}"
    );
}
