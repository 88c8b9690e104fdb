//! Issue 24, the judged scenario: an ownership graph imported from earl's CSV
//! (eval/ownership/judged.csv; the names of X, Y and Z are made up and match no list entry, the
//! listed parents are Entity List entries of the bundled list) — a listed parent owning 100% of X,
//! X owning 60% of Y in Hong Kong, two listed owners at 30% and 25% of Z. `check` finds Y's
//! owners in the graph with no --owner given: restricted by the parent's listing with the chain
//! shown on 2026-12-01, the stay stated and the rule not applied on 2026-06-01; Z restricted in the
//! aggregate; `owners affiliates` lists X, Y and Z; `screen Y` finds it as an affiliate; the batch,
//! the API and MCP agree with the CLI.

mod common;

use assert_cmd::Command;
use axum::body::Body;
use axum::http::{Request, header};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower::ServiceExt;

const PARENT: &str = "Huawei Technologies Co., Ltd.";
const X: &str = "Kestrel Harbour Holdings Limited";
const Y: &str = "Tidewater Lumen Trading Limited";
const Z: &str = "Orchid Quay Components Limited";
const ENDED: &str = "Larkspur Fen Logistics Limited";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../eval/ownership")
        .join(name)
}

fn earl(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("earl").unwrap();
    c.arg("--data-dir")
        .arg(dir)
        .arg("--db")
        .arg(dir.join("audit.sqlite"));
    c
}

fn json_of(dir: &Path, args: &[&str]) -> Value {
    let out = earl(dir).args(args).arg("--json").output().unwrap();
    assert!(
        out.status.success(),
        "earl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A data directory holding the judged graph.
fn imported() -> (tempfile::TempDir, Value) {
    let dir = tempfile::tempdir().unwrap();
    let file = fixture("judged.csv");
    let import = json_of(dir.path(), &["owners", "import", file.to_str().unwrap()]);
    (dir, import)
}

fn check(dir: &Path, end_user: &str, date: &str) -> Value {
    json_of(
        dir,
        &[
            "check",
            "H200",
            "--to",
            "HK",
            "--end-user",
            end_user,
            "--date",
            date,
        ],
    )
}

/// The steps of an answer from the given entry.
fn steps<'a>(answer: &'a Value, entry: &str) -> Vec<&'a Value> {
    answer["because"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["entry"] == entry)
        .collect()
}

#[test]
fn y_is_restricted_by_its_parents_listing_through_the_chain_from_the_graph() {
    let (dir, import) = imported();
    assert_eq!(import["edges_after"], 5);
    assert_eq!(import["rows"], 5);
    let a = check(dir.path(), Y, "2026-12-01");
    assert_eq!(a["license_required"], true);
    assert_eq!(a["ownership_graph"], import["graph_sha256"]);
    let owned = steps(&a, "affiliates-bis");
    assert_eq!(owned.len(), 1);
    let owned = owned[0];
    assert_eq!(owned["kind"], "owned");
    assert_eq!(owned["verdict"], "applies");
    assert_eq!(owned["percent"], 60.0);
    let chain = owned["chain"].as_array().unwrap();
    assert_eq!(chain.len(), 2);
    assert_eq!(
        (chain[0]["owner"].as_str(), chain[0]["owned"].as_str()),
        (Some(X), Some(Y))
    );
    assert_eq!(chain[1]["owner"], PARENT);
    assert_eq!(chain[1]["list"], "EL");
    assert_eq!(chain[1]["percent"], 100.0);
    // Each edge says where it came from: the graph, its source and dates.
    assert_eq!(
        chain[0]["graph"]["source"],
        "issue 24 scenario: X holds 60% of Y (Hong Kong)"
    );
    assert_eq!(chain[0]["graph"]["from"], "2021-05-01");
    assert_eq!(chain[0]["graph"]["reading"], "percent");
    assert!(owned["text"].as_str().unwrap().contains("ownership graph"));
    assert!(
        a["decided_by"]
            .as_array()
            .unwrap()
            .contains(&json!("affiliates-bis"))
    );
    // The parent's Entity List rule is applied through the ownership.
    assert!(steps(&a, "party-el").iter().any(|s| s["party"] == PARENT));
}

#[test]
fn before_november_10_2026_the_stay_is_stated_and_the_rule_not_applied() {
    let (dir, _) = imported();
    let a = check(dir.path(), Y, "2026-06-01");
    let steps = steps(&a, "affiliates-bis");
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0]["kind"], "ownership_not_applied");
    assert!(steps[0]["cite"].as_str().unwrap().contains("90 FR 50857"));
    assert!(
        !a["decided_by"]
            .as_array()
            .unwrap()
            .contains(&json!("affiliates-bis"))
    );
}

#[test]
fn z_is_restricted_in_the_aggregate_and_an_ended_holding_does_not_count() {
    let (dir, _) = imported();
    let z = check(dir.path(), Z, "2026-12-01");
    let owned = steps(&z, "affiliates-bis");
    assert_eq!(owned[0]["kind"], "owned");
    assert_eq!(owned[0]["percent"], 55.0);
    assert_eq!(owned[0]["chain"].as_array().unwrap().len(), 2);
    // X held 40% of this party until 2023: in 2022 not enough, after 2023 nothing — never a
    // restriction, and its ownership is still known from the graph (no "not checked" line).
    let ended = check(dir.path(), ENDED, "2026-12-01");
    assert!(steps(&ended, "affiliates-bis").is_empty());
    assert!(steps(&ended, "nc-affiliates").is_empty());
    assert!(
        !ended["not_checked"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["entry"] == "nc-affiliates")
    );
}

#[test]
fn an_end_user_absent_from_the_graph_reads_ownership_unknown() {
    let (dir, _) = imported();
    let a = check(dir.path(), "Quillfeather Instruments Limited", "2026-12-01");
    assert!(
        a["not_checked"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["entry"] == "nc-affiliates"),
        "{a}"
    );
}

#[test]
fn owners_affiliates_lists_x_y_and_z_and_screen_finds_y() {
    let (dir, _) = imported();
    let a = json_of(
        dir.path(),
        &["owners", "affiliates", "--date", "2026-12-01"],
    );
    let bis: Vec<&str> = a["affiliates"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["rule"] == "affiliates-bis")
        .map(|x| x["party"].as_str().unwrap())
        .collect();
    let mut sorted = bis.clone();
    sorted.sort();
    assert_eq!(sorted, vec![X, Z, Y]);
    let screened = json_of(dir.path(), &["screen", Y, "--date", "2026-12-01"]);
    let of = screened["affiliate_of"].as_array().unwrap();
    assert_eq!(of.len(), 1);
    assert_eq!(of[0]["rule"], "affiliates-bis");
    assert_eq!(of[0]["rule_status"], "in_force");
    assert_eq!(of[0]["listed_owners"][0]["name"], PARENT);
    // In words: the affiliate and the rule's effect on the date.
    let out = earl(dir.path())
        .args(["screen", Y, "--date", "2026-12-01"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(&format!("{Y} is an affiliate of {PARENT} (EL)")),
        "{text}"
    );
    // Before the stay ended the affiliate is found and the rule said not to apply.
    let june = json_of(dir.path(), &["screen", Y, "--date", "2026-06-01"]);
    assert_eq!(june["affiliate_of"][0]["rule_status"], "suspended");
}

#[test]
fn show_walks_up_and_down_and_list_gives_every_edge() {
    let (dir, _) = imported();
    let shown = json_of(
        dir.path(),
        &["owners", "show", "kestrel harbour holdings ltd."],
    );
    assert_eq!(shown["found"], X);
    assert_eq!(shown["owners"].as_array().unwrap().len(), 1);
    assert_eq!(shown["holdings"].as_array().unwrap().len(), 2);
    let missing = json_of(dir.path(), &["owners", "show", "Nobody Known Ltd"]);
    assert_eq!(missing["found"], Value::Null);
    let list = json_of(dir.path(), &["owners", "list"]);
    assert_eq!(list["edges"].as_array().unwrap().len(), 5);
    assert_eq!(list["imports"].as_array().unwrap().len(), 1);
}

#[test]
fn an_import_is_recorded_and_a_sharp_drop_or_a_bad_row_is_refused() {
    let (dir, first) = imported();
    let records = json_of(dir.path(), &["audit", "list", "--kind", "owners-import"]);
    assert_eq!(records.as_array().unwrap().len(), 1);
    // Two of five edges left: refused (exit 2) and the graph unchanged.
    let short = dir.path().join("short.csv");
    let text = std::fs::read_to_string(fixture("judged.csv")).unwrap();
    std::fs::write(&short, text.lines().take(3).collect::<Vec<_>>().join("\n")).unwrap();
    let out = earl(dir.path())
        .args(["owners", "import"])
        .arg(&short)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--accept-drop"));
    let list = json_of(dir.path(), &["owners", "list"]);
    assert_eq!(list["graph"], first["graph_sha256"]);
    let accepted = json_of(
        dir.path(),
        &["owners", "import", short.to_str().unwrap(), "--accept-drop"],
    );
    assert_eq!(accepted["edges_after"], 2);
    // A bad share, a bad date, an unknown column: exit 2 with the line and the column.
    for (body, said) in [
        (
            "owner,owned,percent\nA Co,B Co,0\n",
            "line 2: column `percent`",
        ),
        (
            "owner,owned,percent\nA Co,B Co,101\n",
            "line 2: column `percent`",
        ),
        (
            "owner,owned,percent,from\nA Co,B Co,50,2026-13-01\n",
            "line 2: column `from`",
        ),
        ("owner,owned,percnt\nA Co,B Co,50\n", "line 1"),
        (
            "owner,owned,percent\nA Co,B Co,60\nC Co,B Co,60\n",
            "more than 100%",
        ),
        ("owner,owned,percent\nA Co,A Co.,60\n", "own itself"),
    ] {
        let bad = dir.path().join("bad.csv");
        std::fs::write(&bad, body).unwrap();
        let out = earl(dir.path())
            .args(["owners", "import"])
            .arg(&bad)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{body}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(said), "{body}: {err}");
    }
}

/// The batch, the API and MCP give the CLI's answers on the graph.
#[tokio::test(flavor = "current_thread")]
async fn the_batch_the_api_and_mcp_agree_with_the_cli() {
    let (dir, _) = imported();
    let questions = [
        (Y, "2026-12-01"),
        (Y, "2026-06-01"),
        (Z, "2026-12-01"),
        (X, "2026-12-01"),
        ("Quillfeather Instruments Limited", "2026-12-01"),
    ];
    let cli: Vec<Value> = questions
        .iter()
        .map(|(p, d)| check(dir.path(), p, d))
        .collect();

    // The batch.
    let mut csv = String::from("chip,destination,end_user,date\n");
    for (p, d) in &questions {
        csv.push_str(&format!("H200,HK,\"{p}\",{d}\n"));
    }
    let input = dir.path().join("orders.csv");
    let output = dir.path().join("out.jsonl");
    std::fs::write(&input, csv).unwrap();
    earl(dir.path())
        .args(["check", "--batch"])
        .arg(&input)
        .arg("--out")
        .arg(&output)
        .assert()
        .success();
    let rows: Vec<Value> = std::fs::read_to_string(&output)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for (row, single) in rows.iter().zip(&cli) {
        for field in ["license_required", "prohibited", "review_policy"] {
            assert_eq!(row[field], single[field], "{field}: {row} / {single}");
        }
    }
    // Y is restricted through its owners: the row names them, never an empty cell.
    let owners = rows[0]["end_user_matches"].as_str().unwrap();
    assert!(
        owners.contains(&format!("EL:{PARENT} (owner {PARENT})")),
        "{owners}"
    );
    assert_eq!(rows[4]["end_user_matches"], "", "{}", rows[4]);

    // The API, on an engine with the same data directory.
    let app = earl_front::app::App::new(earl_front::app::DataArgs {
        data_dir: Some(dir.path().to_path_buf()),
        ..Default::default()
    });
    let engine = app
        .new_engine(earl_data::Dataset::bundled().unwrap())
        .unwrap();
    let router = earl_server::router(Arc::new(engine), None, None);
    for ((p, d), single) in questions.iter().zip(&cli) {
        let body = json!({"chip": "H200", "to": "HK", "end_user": p, "date": d});
        let response = router
            .clone()
            .oneshot(
                Request::post("/v1/check")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(body.to_string()))
                    .unwrap(),
            )
            .await
            .unwrap();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let api: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(&api, single, "API: {body}");
    }

    // MCP, one session: the checks, then the affiliates, as MCP's tool and the CLI give them.
    let mut calls: Vec<(&str, Value)> = questions
        .iter()
        .map(|(p, d)| {
            let args = json!({"chip": "H200", "to": "HK", "end_user": p, "date": d});
            ("check", args)
        })
        .collect();
    calls.push(("affiliates", json!({"date": "2026-12-01"})));
    let args = [
        std::ffi::OsStr::new("--data-dir"),
        dir.path().as_os_str(),
        std::ffi::OsStr::new("--no-audit"),
    ];
    let results = common::mcp_results(&args, &calls);
    let affiliates = json_of(
        dir.path(),
        &["owners", "affiliates", "--date", "2026-12-01"],
    );
    let expected = cli.iter().chain(std::iter::once(&affiliates));
    for (id, (result, expected)) in results.iter().zip(expected).enumerate() {
        assert_eq!(&common::answer_of(result), expected, "MCP: call {}", id + 1);
    }
}

/// `screen --batch` says what `screen` says of each name: an affiliate of a listed owner is a
/// hit on its line and in the count (it was once written as `"matches":[]`, a clear), with the
/// listed owner and the rule's status on the row's date; an unrelated name stays clear.
#[test]
fn screen_batch_reports_affiliates_as_screen_does() {
    let (dir, _) = imported();
    let input = dir.path().join("names.csv");
    let batch = |names: &[&str], date: &str| -> (String, Vec<Value>) {
        let mut csv = String::from("name\n");
        for p in names {
            csv.push_str(&format!("\"{p}\"\n"));
        }
        std::fs::write(&input, csv).unwrap();
        let out = earl(dir.path())
            .args(["screen", "--batch"])
            .arg(&input)
            .args(["--date", date])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success(), "{stderr}");
        let lines: Vec<Value> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), names.len());
        for (line, p) in lines.iter().zip(names) {
            let single = json_of(dir.path(), &["screen", p, "--date", date]);
            for field in ["query", "matches", "affiliate_of", "ownership_graph"] {
                assert_eq!(line[field], single[field], "{field} of {p} on {date}");
            }
        }
        (stderr, lines)
    };
    let unrelated = "Quillfeather Instruments Limited";
    let (stderr, lines) = batch(&[Y, Z, unrelated], "2026-12-01");
    assert!(stderr.contains("3 rows: 2 with matches"), "{stderr}");
    let of = &lines[0]["affiliate_of"][0];
    assert_eq!(of["listed_owners"][0]["name"], PARENT);
    assert_eq!(of["rule_status"], "in_force");
    assert!(lines[2].get("affiliate_of").is_none(), "{}", lines[2]);
    assert_eq!(lines[2]["matches"], json!([]));
    // Before the stay ended: found, and the rule said not to apply.
    let (_, lines) = batch(&[Y], "2026-06-01");
    assert_eq!(lines[0]["affiliate_of"][0]["rule_status"], "suspended");
}

/// BODS 0.4, the published example of indirect ownership (eval/ownership/README.md): Company B's
/// 60% of Company A is imported with its date and statement; Person 1's interest in B, with no
/// type or share, is control with the share unknown — never 0%; the primary indirect
/// relationship, restated by its components, is not counted twice.
#[test]
fn bods_statements_give_dated_sourced_edges_and_no_share_is_never_zero() {
    let dir = tempfile::tempdir().unwrap();
    let file = fixture("bods/indirect-ownership.json");
    let import = json_of(dir.path(), &["owners", "import", file.to_str().unwrap()]);
    assert_eq!(import["format"], "bods");
    assert_eq!(
        (import["rows"].as_u64(), import["skipped"].as_u64()),
        (Some(6), Some(1))
    );
    assert_eq!(
        (
            import["percent_edges"].as_u64(),
            import["read_edges"].as_u64()
        ),
        (Some(1), Some(1))
    );
    let list = json_of(dir.path(), &["owners", "list"]);
    let edges = list["edges"].as_array().unwrap();
    let b_in_a = edges.iter().find(|e| e["owned"] == "Company A").unwrap();
    assert_eq!(b_in_a["owner"], "Company B");
    assert_eq!(b_in_a["reading"], "percent");
    assert_eq!(b_in_a["percent"], 60.0);
    assert_eq!(b_in_a["from"], "2017-11-01");
    assert!(
        b_in_a["source"]
            .as_str()
            .unwrap()
            .starts_with("BODS statement ")
    );
    let person = edges.iter().find(|e| e["owned"] == "Company B").unwrap();
    assert_eq!(person["reading"], "control");

    // A listed owner's range share (minimum 75, exclusiveMaximum 100) reaches the rule.
    let file = fixture("bods/listed-owner-range.json");
    json_of(
        dir.path(),
        &[
            "owners",
            "import",
            file.to_str().unwrap(),
            "--dataset",
            "range",
        ],
    );
    let a = json_of(
        dir.path(),
        &[
            "check",
            "H200",
            "--to",
            "GB",
            "--end-user",
            "JENEX LIMITED",
            "--date",
            "2026-12-01",
        ],
    );
    let owned = steps(&a, "affiliates-bis");
    assert_eq!(owned[0]["verdict"], "applies");
    assert_eq!(owned[0]["percent"], 75.0);
    assert_eq!(owned[0]["chain"][0]["graph"]["reading"], "range");
    assert_eq!(owned[0]["chain"][0]["graph"]["upper"], 100.0);
    assert_eq!(a["license_required"], true);
}

/// GLEIF Level 2: the recorded API responses import as consolidation edges named from the
/// lei-records; a listed consolidating parent leaves a check that no control would need a
/// licence for undetermined — never clear — with the reading and its source shown.
#[test]
fn a_gleif_consolidation_is_majority_likely_undetermined_never_clear() {
    let dir = tempfile::tempdir().unwrap();
    let file = fixture("gleif/recorded-5493001KJTIIGC8Y1R12.json");
    let import = json_of(dir.path(), &["owners", "import", file.to_str().unwrap()]);
    assert_eq!(import["format"], "gleif");
    assert_eq!(import["read_edges"], 2);
    let shown = json_of(dir.path(), &["owners", "show", "Bloomberg Finance L.P."]);
    let owners = shown["owners"].as_array().unwrap();
    assert_eq!(owners.len(), 2);
    assert!(owners.iter().all(|e| e["reading"] == "consolidation"));
    assert!(
        owners
            .iter()
            .any(|e| e["owner"] == "Bloomberg L.P." && e["from"] == "2007-06-05")
    );
    // The ultimate parent's lei-record is not in the file: known only by its LEI, it cannot be
    // screened, and a check of its subsidiary says so rather than count it as unlisted.
    let check = json_of(
        dir.path(),
        &[
            "check",
            "H200",
            "--to",
            "GB",
            "--end-user",
            "Bloomberg Finance L.P.",
            "--date",
            "2026-12-01",
        ],
    );
    let not_screened: Vec<&Value> = check["not_checked"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "owner_not_screenable")
        .collect();
    assert_eq!(not_screened.len(), 1, "{check}");
    assert_eq!(not_screened[0]["owner"], "LEI 549300RMUDWPHCUQNE66");

    // Without a graph the same party's check to the UK is no licence, with ownership not checked.
    let bare = tempfile::tempdir().unwrap();
    let party = "Quillfeather Instruments Limited";
    let without = json_of(
        bare.path(),
        &[
            "check",
            "H200",
            "--to",
            "GB",
            "--end-user",
            party,
            "--date",
            "2026-12-01",
        ],
    );
    assert_eq!(without["license_required"], false);
    let file = fixture("gleif/listed-parent-consolidation.json");
    json_of(
        dir.path(),
        &[
            "owners",
            "import",
            file.to_str().unwrap(),
            "--dataset",
            "listed",
        ],
    );
    let a = json_of(
        dir.path(),
        &[
            "check",
            "H200",
            "--to",
            "GB",
            "--end-user",
            party,
            "--date",
            "2026-12-01",
        ],
    );
    assert_eq!(a["license_required"], Value::Null, "{a}");
    let owned = steps(&a, "affiliates-bis");
    assert_eq!(owned[0]["verdict"], "undetermined");
    let link = &owned[0]["chain"][0];
    assert_eq!(link["percent"], Value::Null);
    assert_eq!(link["graph"]["reading"], "consolidation_majority_likely");
    assert!(
        link["graph"]["source"]
            .as_str()
            .unwrap()
            .contains("IS_DIRECTLY_CONSOLIDATED_BY")
    );
    assert!(!owned[0]["text"].as_str().unwrap().contains(" 0%"));
}

/// A check recorded before the graph was imported is asked again after the import, and the
/// recheck reports the answer that changed and the graph's version.
#[test]
fn audit_recheck_reports_what_an_import_changed() {
    let dir = tempfile::tempdir().unwrap();
    let before = json_of(
        dir.path(),
        &[
            "check",
            "H200",
            "--to",
            "GB",
            "--end-user",
            Y,
            "--date",
            "2026-12-01",
        ],
    );
    assert_eq!(before["license_required"], false);
    let file = fixture("judged.csv");
    let import = json_of(dir.path(), &["owners", "import", file.to_str().unwrap()]);
    let report = json_of(dir.path(), &["audit", "recheck"]);
    assert_eq!(report["ownership_graph"], import["graph_sha256"]);
    let changed = report["changed"].as_array().unwrap();
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0]["before"]["license_required"], false);
    assert_eq!(changed[0]["after"]["license_required"], true);
    assert!(
        changed[0]["after"]["decided_by"]
            .as_array()
            .unwrap()
            .contains(&json!("affiliates-bis"))
    );
}

/// A name written otherwise is found (screening's normalisation) and the match is shown; a
/// holding the question also gives is walked at the stricter share, the question's shown.
#[test]
fn the_match_is_shown_and_the_stricter_of_question_and_graph_decides() {
    let (dir, _) = imported();
    let asked = "TIDEWATER  LUMEN TRADING LIMITED";
    let a = check(dir.path(), asked, "2026-12-01");
    let found: Vec<&Value> = a["notices"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "found_in_ownership_graph")
        .collect();
    assert_eq!(found.len(), 1, "{a}");
    assert_eq!(found[0]["asked"], asked);
    assert_eq!(found[0]["found"], Y);
    assert_eq!(steps(&a, "affiliates-bis")[0]["verdict"], "applies");

    // The question says X holds 30% of Y; the graph says 60%: 60% is walked, 30% shown.
    let a = json_of(
        dir.path(),
        &[
            "check",
            "H200",
            "--to",
            "HK",
            "--end-user",
            Y,
            "--date",
            "2026-12-01",
            "--owner",
            &format!("{X}=30"),
        ],
    );
    let owned = steps(&a, "affiliates-bis");
    assert_eq!(owned[0]["verdict"], "applies");
    let link = owned[0]["chain"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["owner"] == X)
        .unwrap();
    assert_eq!(link["percent"], 60.0);
    assert_eq!(link["graph"]["question_percent"], 30.0);
    assert!(
        owned[0]["text"]
            .as_str()
            .unwrap()
            .contains("the question gave 30%")
    );
}

/// A local HTTP server answering each request by the first route its path starts with, else a
/// 404 as the GLEIF API gives for a record it does not hold; the first `unavailable` requests
/// get a 503.
fn serve(routes: Vec<(String, String)>, unavailable: usize) -> String {
    use std::io::{BufRead, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for (n, stream) in listener.incoming().take(40).enumerate() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = std::io::BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
            let (status, body) = if n < unavailable {
                (503, String::new())
            } else {
                routes
                    .iter()
                    .find(|(prefix, _)| path.starts_with(prefix.as_str()))
                    .map_or(
                        (
                            404,
                            r#"{"errors":[{"status":"404","title":"Not Found"}]}"#.to_string(),
                        ),
                        |(_, b)| (200, b.clone()),
                    )
            };
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: application/vnd.api+json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body.as_bytes());
            let _ = stream.flush();
        }
    });
    addr
}

/// `earl update --ownership` asks the GLEIF API (here a local server answering with the
/// recorded shapes of eval/ownership/gleif/listed-parent-consolidation.json) for the parties the
/// trail names: the LEI record by legal name, its direct parent relationship (the ultimate one
/// answers 404: none reported), the parent's LEI record — the first two requests answered 503
/// and retried; the documents are written beside the
/// lists (temporary file, then rename) and imported as the `gleif` dataset. `--from-dir` imports
/// the same documents from files.
#[test]
fn update_ownership_fetches_gleif_parents_of_the_screened_parties() {
    let docs: Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("gleif/listed-parent-consolidation.json")).unwrap(),
    )
    .unwrap();
    let (child, parent, relationship) = (&docs[0], &docs[1], &docs[2]);
    let party = "Quillfeather Instruments Limited";
    let addr = serve(
        vec![
        (
            "/api/v1/lei-records?filter%5Bentity.legalName%5D=Quillfeather%20Instruments%20Limited"
                .into(),
            json!({"data": [child["data"].clone()]}).to_string(),
        ),
        (
            "/api/v1/lei-records/984500TESTCHILD00001/direct-parent-relationship".into(),
            relationship.to_string(),
        ),
        (
            "/api/v1/lei-records/984500TESTPARENT0001".into(),
            parent.to_string(),
        ),
    ],
        2,
    );
    let dir = tempfile::tempdir().unwrap();
    let before = json_of(
        dir.path(),
        &[
            "check",
            "H200",
            "--to",
            "GB",
            "--end-user",
            party,
            "--date",
            "2026-12-01",
        ],
    );
    assert_eq!(before["license_required"], false);
    let import = json_of(
        dir.path(),
        &[
            "update",
            "--ownership",
            "--gleif-url",
            &format!("{addr}/api/v1"),
            "--gleif-interval-ms",
            "0",
        ],
    );
    assert_eq!(import["dataset"], "gleif");
    assert_eq!(import["read_edges"], 1);
    let stored: Vec<_> = std::fs::read_dir(dir.path().join("updates/ownership"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(
        stored.len() == 1 && stored[0].starts_with("gleif-"),
        "{stored:?}"
    );
    let after = json_of(
        dir.path(),
        &[
            "check",
            "H200",
            "--to",
            "GB",
            "--end-user",
            party,
            "--date",
            "2026-12-01",
        ],
    );
    assert_eq!(after["license_required"], Value::Null);

    // The same documents from a directory, elsewhere.
    let offline = tempfile::tempdir().unwrap();
    let from = offline.path().join("in");
    std::fs::create_dir(&from).unwrap();
    std::fs::copy(
        fixture("gleif/listed-parent-consolidation.json"),
        from.join("gleif-1.json"),
    )
    .unwrap();
    let import = json_of(
        offline.path(),
        &[
            "update",
            "--ownership",
            "--from-dir",
            from.to_str().unwrap(),
        ],
    );
    assert_eq!(import["edges_after"], 1);

    // A server that is not there: exit 3 (network), the graph unchanged.
    let out = earl(dir.path())
        .args([
            "update",
            "--ownership",
            "--gleif-url",
            "http://127.0.0.1:9/api/v1",
            "--gleif-interval-ms",
            "0",
            "--timeout",
            "1",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

// The false-clear audit: `owners affiliates` screens every owner in the graph, yet against
// lists without Entity List rows (accepted) it said "0 affiliates of listed parties" and no
// word of what the lists lack; screening X's listed parent needs the Entity List.
#[test]
fn affiliates_say_what_the_lists_lack() {
    let (dir, _) = imported();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/csl/consolidated.csv");
    let without_el: String = std::fs::read_to_string(bundled)
        .unwrap()
        .lines()
        .filter(|l| !l.contains(",Entity List (EL) - Bureau of Industry and Security,"))
        .map(|l| format!("{l}\n"))
        .collect();
    let lists = dir.path().join("without-el.csv");
    std::fs::write(&lists, without_el).unwrap();
    let args = [
        "--lists",
        lists.to_str().unwrap(),
        "--accept-partial-lists",
        "owners",
        "affiliates",
        "--date",
        "2026-12-01",
    ];
    let a = json_of(dir.path(), &args);
    assert_eq!(a["affiliates"], json!([]), "{a}");
    let warnings = a["list_warnings"].to_string();
    assert!(
        warnings.contains("no rows of the Entity List (EL)"),
        "{a:#}"
    );
    let out = earl(dir.path()).args(args).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("0 affiliates of listed parties"), "{text}");
    assert!(
        text.contains("warning: screened against lists with no rows of the Entity List (EL)"),
        "{text}"
    );
}

/// The false-clear audit: `ship` refused a shipment to an end user listed after its licence was
/// issued, but not one restricted through owners since: Y's licence issued on 2026-10-01 (the
/// Affiliates rule stayed) is not drawn down on 2026-12-01, when the rule reaches Y through its
/// listed parent; a licence issued to Y after the stay ended is.
#[test]
fn ship_refuses_a_licence_issued_before_the_end_user_was_restricted_through_its_owners() {
    let (dir, _) = imported();
    for (number, issued) in [("L-BEFORE", "2026-10-01"), ("L-AFTER", "2026-11-20")] {
        json_of(
            dir.path(),
            &[
                "licence",
                "add",
                "--number",
                number,
                "--chip",
                "H200",
                "--to",
                "HK",
                "--end-user",
                Y,
                "--quantity",
                "100",
                "--issued",
                issued,
            ],
        );
    }
    let ship = |number: &str| {
        earl(dir.path())
            .args([
                "ship",
                "--licence",
                number,
                "--quantity",
                "10",
                "--date",
                "2026-12-01",
                "--json",
            ])
            .output()
            .unwrap()
    };
    let refused = ship("L-BEFORE");
    assert_eq!(
        refused.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    let said: Value = serde_json::from_slice(&refused.stdout).unwrap();
    let refusal = &said["refused"]["refusal"];
    assert_eq!(refusal["kind"], "owners_listed_since", "{said:#}");
    assert_eq!(
        (&refusal["party"], &refusal["list"], &refusal["percent"]),
        (&json!(Y), &json!("EL"), &json!(60.0))
    );
    assert_eq!(refusal["issued"], "2026-10-01");
    let drawn = ship("L-AFTER");
    assert!(
        drawn.status.success(),
        "{}",
        String::from_utf8_lossy(&drawn.stderr)
    );
    let drawn: Value = serde_json::from_slice(&drawn.stdout).unwrap();
    assert_eq!(drawn["shipments"][0]["remaining_quantity"], 90);
}
