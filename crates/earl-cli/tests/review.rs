//! Hit review (issue 23), the judged scenario end to end through the real binary, on the
//! bundled list and on a modified copy of it: screen a name, disposition one hit
//! false-positive, screen again (set aside, under `reviewed`), load a list where that entry
//! gained an alias (raised again, with why), pass its expiry (raised again), disposition a
//! true match (kept, noted); `audit rescreen` reporting re-raised hits apart from new ones;
//! the same through `check --batch` and MCP; bad input exits 2 and
//! records nothing; a revocation raises the hit again; CSV export and import; and
//! `earl audit verify` passes after all of it.

mod common;

use earl_store::AuditStore;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

const PARTY: &str = "Huawei Technologies";
/// A match of `PARTY` in the bundled list that a reviewer sets aside.
const SET_ASIDE: &str = "Huawei Tech Investment Limited";
/// The match of `PARTY` a reviewer confirms.
const TRUE_MATCH: &str = "Huawei Technologies Co., Ltd. (Huawei)";
/// The set-aside disposition's last day, and a question dated after it. Far ahead, so the
/// test never ages: expiry is judged on the later of today and the question's date.
const EXPIRES: &str = "2099-12-31";
const AFTER_EXPIRY: &str = "2100-01-01";

fn earl(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_earl"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

fn json_of(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn records(db: &Path) -> u64 {
    AuditStore::open(db).unwrap().verify().unwrap().records
}

fn screen(db: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["screen", PARTY, "--sources", "EL", "--json"];
    args.extend(extra);
    json_of(&earl(db, &args))
}

/// The match of `name` among the answer's `matches`, if any.
fn found<'a>(answer: &'a Value, name: &str) -> Option<&'a Value> {
    answer["matches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == name)
}

/// The bundled list with `alias` added to the row named `name`.
fn list_with_alias(dir: &Path, name: &str, alias: &str) -> std::path::PathBuf {
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/csl/consolidated.csv");
    let mut reader = csv::Reader::from_path(bundled).unwrap();
    let headers = reader.headers().unwrap().clone();
    let column = |c: &str| headers.iter().position(|h| h == c).unwrap();
    let (name_column, alias_column) = (column("name"), column("alt_names"));
    let path = dir.join("consolidated-modified.csv");
    let mut writer = csv::Writer::from_path(&path).unwrap();
    writer.write_record(&headers).unwrap();
    let mut changed = 0;
    for row in reader.records() {
        let mut cells: Vec<String> = row.unwrap().iter().map(str::to_string).collect();
        if cells[name_column] == name {
            let aliases = &mut cells[alias_column];
            aliases.push_str(if aliases.is_empty() { "" } else { "; " });
            aliases.push_str(alias);
            changed += 1;
        }
        writer.write_record(&cells).unwrap();
    }
    assert_eq!(changed, 1, "one row of {name}");
    path
}

fn add(db: &Path, entry: &str, decision: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "review",
        "add",
        "--party",
        PARTY,
        "--entry",
        entry,
        "--decision",
        decision,
        "--reviewer",
        "A. Analyst",
        "--reason",
        "checked against the customer's registration",
        "--json",
    ];
    args.extend(extra);
    earl(db, &args)
}

/// Sends MCP tool calls to one `earl mcp` on `db`; returns each call's parsed result.
fn mcp(db: &Path, calls: &[(&str, Value)]) -> Vec<Value> {
    let args = [std::ffi::OsStr::new("--db"), db.as_os_str()];
    common::mcp_results(&args, calls)
        .iter()
        .map(common::answer_of)
        .collect()
}

#[test]
fn the_judged_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.sqlite");

    // 1. Screen: both entries match, each carrying its stable id and content hash.
    let first = screen(&db, &[]);
    let set_aside = found(&first, SET_ASIDE)
        .expect("matched before review")
        .clone();
    let true_match = found(&first, TRUE_MATCH).expect("matched").clone();
    let entry = set_aside["entry_id"].as_str().unwrap().to_string();
    assert!(entry.starts_with("EL:n"), "{entry}");
    assert_eq!(set_aside["entry_hash"].as_str().unwrap().len(), 16);

    // 2. Disposition it false-positive, with the evidence it rests on.
    let evidence = dir.path().join("registration.txt");
    std::fs::write(&evidence, "abc").unwrap();
    let disposition = json_of(&add(
        &db,
        &entry,
        "false-positive",
        &[
            "--expires",
            EXPIRES,
            "--evidence",
            evidence.to_str().unwrap(),
        ],
    ));
    assert_eq!(
        disposition["evidence"]["sha256"],
        // SHA-256 of "abc" (FIPS 180-2, appendix B.1).
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    let id = disposition["id"].as_u64().unwrap();
    assert_eq!(disposition["entry"], entry.as_str());
    assert_eq!(disposition["entry_hash"], set_aside["entry_hash"]);
    assert_eq!(disposition["decision"], "false-positive");

    // 3. Screen again: set aside, under `reviewed`, with who, when and why; the answer names it.
    let again = screen(&db, &[]);
    assert!(found(&again, SET_ASIDE).is_none(), "set aside");
    let reviewed = &again["reviewed"][0];
    assert_eq!(reviewed["match"]["name"], SET_ASIDE);
    assert_eq!(reviewed["review"]["disposition"], id);
    assert_eq!(reviewed["review"]["reviewer"], "A. Analyst");
    assert_eq!(
        reviewed["review"]["reason"],
        "checked against the customer's registration"
    );
    assert_eq!(again["dispositions"], json!([id]));
    // It covers exactly that entry: the other matches stay.
    assert_eq!(
        again["matches"].as_array().unwrap().len() + 1,
        first["matches"].as_array().unwrap().len()
    );

    // The check rests on no hit set aside, and its record names the disposition.
    let check = json_of(&earl(
        &db,
        &["check", "H200", "--to", "CN", "--end-user", PARTY, "--json"],
    ));
    let hits: Vec<&str> = check["end_user_matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert!(!hits.contains(&SET_ASIDE), "{hits:?}");
    assert_eq!(check["reviewed"][0]["hit"]["name"], SET_ASIDE);
    assert_eq!(check["dispositions"], json!([id]));
    let store = AuditStore::open(&db).unwrap();
    let last = store.tail().unwrap().unwrap().0;
    let record = store.get(last).unwrap().unwrap();
    assert_eq!(record.kind, "check");
    assert_eq!(record.outputs["dispositions"], json!([id]));
    drop(store);

    // The human output shows it under `reviewed`.
    let human = earl(&db, &["screen", PARTY, "--sources", "EL"]);
    let text = String::from_utf8(human.stdout).unwrap();
    assert!(
        text.contains("Reviewed — set aside as false positives"),
        "{text}"
    );
    assert!(
        text.contains(&format!("(disposition {id}, until {EXPIRES})")),
        "{text}"
    );

    // 4. A list where that entry gained an alias: raised again, with why.
    let modified = list_with_alias(dir.path(), SET_ASIDE, "HTI NEW TRADING NAME");
    let lists = modified.to_str().unwrap();
    let changed = screen(&db, &["--lists", lists]);
    let raised = found(&changed, SET_ASIDE).expect("raised again when the entry changed");
    assert_eq!(
        raised["entry_id"],
        entry.as_str(),
        "the id survives the change"
    );
    assert_ne!(raised["entry_hash"], set_aside["entry_hash"]);
    assert_eq!(raised["review"]["status"], "reraised");
    assert_eq!(raised["review"]["why"]["kind"], "entry_changed");
    assert_eq!(
        raised["review"]["why"]["reviewed_hash"],
        set_aside["entry_hash"]
    );
    assert!(
        changed.get("dispositions").is_none(),
        "a lapsed review is not relied on"
    );
    // `audit rescreen` reports it apart from new hits, with why; on the lists reviewed, it
    // stays set aside.
    let rescreen = json_of(&earl(
        &db,
        &["--lists", lists, "audit", "rescreen", "--json"],
    ));
    let named = |list: &Value| {
        list.as_array()
            .unwrap()
            .iter()
            .filter(|c| c["entry"] == SET_ASIDE)
            .cloned()
            .collect::<Vec<_>>()
    };
    let reraised = named(&rescreen["reraised"]);
    assert_eq!(reraised.len(), 1, "{rescreen}");
    assert_eq!(reraised[0]["review"]["why"]["kind"], "entry_changed");
    assert!(named(&rescreen["new_hits"]).is_empty(), "{rescreen}");
    let unchanged = json_of(&earl(&db, &["audit", "rescreen", "--json"]));
    assert!(named(&unchanged["reraised"]).is_empty(), "{unchanged}");
    assert!(named(&unchanged["new_hits"]).is_empty(), "{unchanged}");
    // Set aside by a reviewer is not cleared by the lists: the first screen's record had the
    // hit, and the lists still give it.
    assert!(named(&unchanged["cleared"]).is_empty(), "{unchanged}");
    let human = earl(&db, &["--lists", lists, "audit", "rescreen"]);
    let text = String::from_utf8(human.stdout).unwrap();
    assert!(
        text.contains("Raised again (matches a reviewer had set aside"),
        "{text}"
    );
    assert!(
        text.contains("raised again: the entry changed since"),
        "{text}"
    );

    // An unrelated entry's change leaves the disposition standing.
    let unrelated = list_with_alias(dir.path(), TRUE_MATCH, "UNRELATED ALIAS");
    let still = screen(&db, &["--lists", unrelated.to_str().unwrap()]);
    assert!(found(&still, SET_ASIDE).is_none());

    // 5. Past its expiry: raised again.
    let expired = screen(&db, &["--date", AFTER_EXPIRY]);
    let raised = found(&expired, SET_ASIDE).expect("raised again after expiry");
    assert_eq!(raised["review"]["why"]["kind"], "expired");
    assert_eq!(raised["review"]["why"]["expires"], EXPIRES);
    assert_eq!(raised["review"]["why"]["judged_on"], AFTER_EXPIRY);

    // 6. A true match: kept, with the reviewer's note.
    let confirmed = json_of(&add(
        &db,
        true_match["entry_id"].as_str().unwrap(),
        "true-match",
        &[],
    ));
    let kept = screen(&db, &[]);
    let hit = found(&kept, TRUE_MATCH).expect("a true match stays");
    assert_eq!(hit["review"]["status"], "confirmed");
    assert_eq!(hit["review"]["note"]["disposition"], confirmed["id"]);
    let check = json_of(&earl(
        &db,
        &["check", "H200", "--to", "CN", "--end-user", PARTY, "--json"],
    ));
    assert_eq!(check["license_required"], true);

    // The queue: only hits no disposition covers, oldest first, counted per list.
    let queue = json_of(&earl(&db, &["review", "queue", "--json"]));
    let queued: Vec<&str> = queue["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["entry"].as_str().unwrap())
        .collect();
    assert!(!queued.contains(&TRUE_MATCH), "{queued:?}");
    // The hit set aside is queued only as the modified list recorded it: changed since review.
    let again_queued: Vec<&Value> = queue["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["entry"] == SET_ASIDE)
        .collect();
    assert_eq!(again_queued.len(), 1, "{queue}");
    assert_eq!(again_queued[0]["review"]["why"]["kind"], "entry_changed");
    assert_ne!(again_queued[0]["entry_hash"], set_aside["entry_hash"]);
    for m in first["matches"].as_array().unwrap() {
        let name = m["name"].as_str().unwrap();
        if name != SET_ASIDE && name != TRUE_MATCH {
            assert!(queued.contains(&name), "{name} awaits review");
        }
    }
    let counted: u64 = queue["per_list"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(counted, queued.len() as u64);
    let firsts: Vec<&str> = queue["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["first_recorded"].as_str().unwrap())
        .collect();
    assert!(firsts.windows(2).all(|w| w[0] <= w[1]), "oldest first");

    // 7. The same through `check --batch`: the row before expiry leaves the hit out, the row
    // after it raises it.
    let orders = dir.path().join("orders.csv");
    std::fs::write(
        &orders,
        format!("chip,destination,end_user,date\nH200,CN,{PARTY},2026-12-06\nH200,CN,{PARTY},{AFTER_EXPIRY}\n"),
    )
    .unwrap();
    let batch = earl(
        &db,
        &["check", "--batch", orders.to_str().unwrap(), "--json"],
    );
    let rows: Vec<Value> = String::from_utf8(batch.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let listed = |row: &Value| {
        row["end_user_matches"]
            .as_str()
            .unwrap()
            .contains(&format!("EL:{SET_ASIDE};"))
    };
    assert!(!listed(&rows[0]), "{}", rows[0]);
    assert!(listed(&rows[1]), "{}", rows[1]);

    // 8. The same through MCP.
    let answers = mcp(
        &db,
        &[
            ("screen", json!({"name": PARTY, "sources": ["EL"]})),
            (
                "check",
                json!({"chip": "H200", "to": "CN", "end_user": PARTY}),
            ),
        ],
    );
    assert!(found(&answers[0], SET_ASIDE).is_none());
    assert_eq!(answers[0]["reviewed"][0]["review"]["disposition"], id);
    assert_eq!(answers[1]["reviewed"][0]["hit"]["name"], SET_ASIDE);

    // 9. Bad input: exit 2, nothing recorded.
    let before = records(&db);
    for (entry, decision, extra) in [
        ("EL:n0000000000000000", "false-positive", vec![]),
        (
            entry.as_str(),
            "false-positive",
            vec!["--expires", "2020-01-01"],
        ),
        (entry.as_str(), "maybe", vec![]),
    ] {
        let out = add(&db, entry, decision, &extra);
        assert_eq!(out.status.code(), Some(2), "{entry} {decision} {extra:?}");
    }
    let blank = earl(
        &db,
        &[
            "review",
            "add",
            "--party",
            PARTY,
            "--entry",
            &entry,
            "--decision",
            "false-positive",
            "--reviewer",
            " ",
            "--reason",
            "x",
        ],
    );
    assert_eq!(blank.status.code(), Some(2));
    let missing = earl(
        &db,
        &[
            "review",
            "add",
            "--party",
            PARTY,
            "--entry",
            &entry,
            "--decision",
            "false-positive",
        ],
    );
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(records(&db), before, "nothing recorded");

    // 10. List and show.
    let all = json_of(&earl(&db, &["review", "list", "--json"]));
    assert_eq!(all["dispositions"].as_array().unwrap().len(), 2);
    let shown = json_of(&earl(&db, &["review", "show", &id.to_string(), "--json"]));
    assert_eq!(shown["id"], id);
    assert!(shown["revoked"].is_null());

    // 11. Export, revoke, and import back: the imported row carries its file's hash.
    let export = earl(&db, &["review", "export"]);
    assert!(export.status.success());
    let csv_path = dir.path().join("dispositions.csv");
    std::fs::write(&csv_path, &export.stdout).unwrap();
    let revoked = json_of(&earl(
        &db,
        &[
            "review",
            "revoke",
            &id.to_string(),
            "--reviewer",
            "B. Lead",
            "--reason",
            "customer restructured",
            "--json",
        ],
    ));
    assert_eq!(revoked["disposition"], id);
    assert!(
        found(&screen(&db, &[]), SET_ASIDE).is_some(),
        "raised again once revoked"
    );
    let again = earl(
        &db,
        &[
            "review",
            "revoke",
            &id.to_string(),
            "--reviewer",
            "B",
            "--reason",
            "x",
        ],
    );
    assert_eq!(again.status.code(), Some(2), "revoked once only");
    let imported = json_of(&earl(
        &db,
        &["review", "import", csv_path.to_str().unwrap(), "--json"],
    ));
    let rows = imported["dispositions"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[0]["imported_from"]["sha256"].as_str().unwrap().len(),
        64
    );
    assert!(
        found(&screen(&db, &[]), SET_ASIDE).is_none(),
        "set aside again"
    );
    // An exported row whose entry has changed since is refused on import.
    let stale = earl(
        &db,
        &[
            "--lists",
            lists,
            "review",
            "import",
            csv_path.to_str().unwrap(),
        ],
    );
    assert_eq!(stale.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&stale.stderr).contains("changed since it was reviewed"),
        "{}",
        String::from_utf8_lossy(&stale.stderr)
    );

    // 12. The trail verifies, dispositions and revocations included.
    let verify = earl(&db, &["audit", "verify"]);
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );
    let store = AuditStore::open(&db).unwrap();
    let kinds: Vec<String> = store
        .entries(&["disposition", "revocation"])
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            "disposition",
            "disposition",
            "revocation",
            "disposition",
            "disposition"
        ]
    );
}

/// A running `earl serve`, killed when dropped.
struct Server {
    child: std::process::Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(db: &Path, token_file: Option<&Path>) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_earl"));
        command
            .arg("--db")
            .arg(db)
            .args(["serve", "--addr", "127.0.0.1:0"]);
        if let Some(file) = token_file {
            command.arg("--token-file").arg(file);
        }
        let mut child = command
            .env_remove("EARL_TOKEN")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        Server { child, addr }
    }

    /// One request; the status and the body as JSON.
    fn request(&self, method: &str, path: &str, token: Option<&str>, body: &str) -> (u16, Value) {
        use std::io::Read;
        let mut stream = std::net::TcpStream::connect(&self.addr).unwrap();
        let auth = token
            .map(|t| format!("Authorization: Bearer {t}\r\n"))
            .unwrap_or_default();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: localhost\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let status = response.split(' ').nth(1).unwrap().parse().unwrap();
        let body = response.split("\r\n\r\n").nth(1).unwrap_or_default();
        // A chunked body: the JSON sits between the chunk-size lines.
        let json = body
            .find('{')
            .and_then(|start| body.rfind('}').map(|end| &body[start..=end]))
            .unwrap_or("null");
        (status, serde_json::from_str(json).unwrap())
    }
}

#[test]
fn the_api_records_dispositions_only_behind_a_token_and_answers_with_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.sqlite");
    let first = screen(&db, &[]);
    let entry = found(&first, SET_ASIDE).unwrap()["entry_id"]
        .as_str()
        .unwrap()
        .to_string();
    let body = json!({"party": PARTY, "entry": entry, "decision": "false-positive",
                      "reviewer": "A. Analyst", "reason": "different entity"})
    .to_string();

    // Without a token the server records no disposition.
    let open = Server::start(&db, None);
    let (status, error) = open.request("POST", "/v1/review", None, &body);
    assert_eq!(status, 403, "{error}");
    assert_eq!(error["error"]["code"], "token_required", "{error}");
    drop(open);

    let token = "review-test-token-0123456789abcdef";
    let token_file = dir.path().join("token");
    std::fs::write(&token_file, token).unwrap();
    let server = Server::start(&db, Some(&token_file));
    let (status, _) = server.request("POST", "/v1/review", None, &body);
    assert_eq!(status, 401, "a token is required");
    let bad = json!({"party": PARTY, "entry": "EL:n0000000000000000",
                     "decision": "false-positive", "reviewer": "A", "reason": "x"})
    .to_string();
    let before = records(&db);
    let (status, _) = server.request("POST", "/v1/review", Some(token), &bad);
    assert_eq!(status, 422, "an entry not in the lists in use");
    assert_eq!(records(&db), before, "nothing recorded");
    let (status, added) = server.request("POST", "/v1/review", Some(token), &body);
    assert_eq!(status, 200, "{added}");
    let id = added["id"].as_u64().unwrap();

    // The server's next answers are judged against it.
    let query = format!("/v1/screen?q={}&lists=EL", PARTY.replace(' ', "%20"));
    let (status, screened) = server.request("GET", &query, Some(token), "");
    assert_eq!(status, 200, "{screened}");
    assert!(found(&screened, SET_ASIDE).is_none());
    assert_eq!(screened["reviewed"][0]["review"]["disposition"], id);
    let check = json!({"chip": "H200", "to": "CN", "end_user": PARTY}).to_string();
    let (status, checked) = server.request("POST", "/v1/check", Some(token), &check);
    assert_eq!(status, 200, "{checked}");
    assert_eq!(checked["reviewed"][0]["hit"]["name"], SET_ASIDE);
    assert_eq!(checked["dispositions"], json!([id]));

    let (status, queue) = server.request("GET", "/v1/review/queue", Some(token), "");
    assert_eq!(status, 200, "{queue}");
    let hits = queue["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["entry"] != SET_ASIDE), "{queue}");
    drop(server);

    let verify = earl(&db, &["audit", "verify"]);
    assert!(verify.status.success());
}

// The false-clear audit: the queue read only the matches a record kept, not those it set
// aside. A party screened only while a disposition set a hit aside holds that hit under
// `reviewed` in every record: once the disposition is revoked the hit is no longer covered,
// yet the queue did not list it — "No recorded hit awaits review".
#[test]
fn the_queue_raises_a_hit_every_record_set_aside_once_its_disposition_is_revoked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.sqlite");
    let unrecorded = json_of(&earl(
        &db,
        &["--no-audit", "screen", PARTY, "--sources", "EL", "--json"],
    ));
    let entry = found(&unrecorded, SET_ASIDE).expect("matched before review")["entry_id"]
        .as_str()
        .unwrap()
        .to_string();
    let id = json_of(&add(&db, &entry, "false-positive", &[]))["id"]
        .as_u64()
        .unwrap();
    // Every record of the party sets the hit aside.
    let recorded = screen(&db, &[]);
    assert!(found(&recorded, SET_ASIDE).is_none(), "set aside");
    assert_eq!(recorded["reviewed"][0]["match"]["name"], SET_ASIDE);
    let queued = |queue: &Value| -> Vec<Value> {
        queue["hits"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h["entry"] == SET_ASIDE)
            .cloned()
            .collect()
    };
    let before = json_of(&earl(&db, &["review", "queue", "--json"]));
    assert!(queued(&before).is_empty(), "covered: {before}");
    json_of(&earl(
        &db,
        &[
            "review",
            "revoke",
            &id.to_string(),
            "--reviewer",
            "B. Lead",
            "--reason",
            "registration not verified",
            "--json",
        ],
    ));
    let after = json_of(&earl(&db, &["review", "queue", "--json"]));
    let raised = queued(&after);
    assert_eq!(raised.len(), 1, "{after}");
    assert_eq!(raised[0]["party"], PARTY);
    assert_eq!(raised[0]["entry_id"], entry.as_str());
    assert_eq!(raised[0]["list"], "EL");
}
