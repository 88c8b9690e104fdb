//! `earl check --batch --json` writes JSON Lines, not CSV (issue 28, README): one object per
//! row with the CSV's fields in the CSV's order; `--json` with an `--out` file named `.csv` is
//! refused (exit 2) rather than writing one format under the other's name.

use serde_json::Value;
use std::process::{Command, Output};

const ORDERS: &str = "chip,destination,end_user,date\n\
                      H200,CN,,2026-03-01\n\
                      T4,CN,\"Huawei Technologies Co., Ltd.\",2026-03-01\n\
                      H9000,CN,,2026-03-01\n";

fn earl(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_earl"))
        .current_dir(dir)
        .arg("--no-audit")
        .args(args)
        .output()
        .expect("earl runs")
}

/// A directory of its own holding `orders` as orders.csv.
fn orders_dir(name: &str, orders: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("earl-batch-json-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("orders.csv"), orders).unwrap();
    dir
}

/// The JSON Lines a run printed, each parsed.
fn json_rows(out: &Output) -> Vec<Value> {
    std::str::from_utf8(&out.stdout)
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[test]
fn batch_json_writes_one_object_per_row_with_the_csvs_fields() {
    let dir = orders_dir("lines", ORDERS);
    let csv = earl(&dir, &["check", "--batch", "orders.csv"]);
    let json = earl(&dir, &["check", "--batch", "orders.csv", "--json"]);
    // The unknown chip's row is reported, so both exit alike (non-zero), each with its rows.
    assert_eq!(csv.status.code(), json.status.code());
    let csv_text = String::from_utf8(csv.stdout).unwrap();
    let header: Vec<&str> = csv_text.lines().next().unwrap().split(',').collect();
    let rows = json_rows(&json);
    assert_eq!(rows.len(), 3);
    for (i, row) in rows.iter().enumerate() {
        let keys: Vec<&str> = row
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut sorted_header = header.clone();
        sorted_header.sort_unstable();
        let mut sorted_keys = keys.clone();
        sorted_keys.sort_unstable();
        assert_eq!(sorted_keys, sorted_header, "the CSV's fields");
        assert_eq!(row["row"], i as u64 + 2, "the line in the file");
        if row["error"].as_str().is_some_and(|e| !e.is_empty()) {
            assert!(
                row["prohibited"].is_null(),
                "an error row decides nothing: {row}"
            );
        } else {
            assert!(row["prohibited"].is_boolean(), "typed: {row}");
        }
    }
    assert_eq!(rows[0]["chip"], "H200");
    assert_eq!(rows[1]["end_user"], "Huawei Technologies Co., Ltd.");
    assert!(
        rows[2]["error"].as_str().unwrap().contains("H9000"),
        "{}",
        rows[2]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn batch_json_into_a_csv_file_is_refused() {
    let dir = orders_dir("refused", ORDERS);
    let out = earl(
        &dir,
        &[
            "check",
            "--batch",
            "orders.csv",
            "--json",
            "--out",
            "results.csv",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("--json writes JSON lines"), "{stderr}");
    assert!(!dir.join("results.csv").exists(), "nothing written");
    let out = earl(
        &dir,
        &[
            "check",
            "--batch",
            "orders.csv",
            "--json",
            "--out",
            "results.jsonl",
        ],
    );
    let text = std::fs::read_to_string(dir.join("results.jsonl")).unwrap();
    assert_eq!(text.lines().count(), 3, "{out:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

// The false-clear audit: the summary line counted only the rows that need a licence, so a
// batch whose rows the known figures cannot decide read "2 checked (0 need a licence)" — a
// clear. The RTX Pro 6000D has no sourced throughput (licence undetermined to China on
// 2026-03-01); the H100 to Germany needs none.
#[test]
fn the_summary_counts_the_undetermined_rows() {
    let dir = orders_dir(
        "undetermined",
        "chip,destination,date\nRTX Pro 6000D,CN,2026-03-01\nH100,DE,2026-03-01\n",
    );
    let out = earl(&dir, &["check", "--batch", "orders.csv", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let rows = json_rows(&out);
    assert!(rows[0]["license_required"].is_null(), "{}", rows[0]);
    assert_eq!(rows[1]["license_required"], false, "{}", rows[1]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "2 rows: 2 checked (0 need a licence, 1 undetermined), 0 could not be checked"
        ),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

// An open review policy read as an empty `review_policy` cell beside `license_required`
// true: "no policy". The Ascend 910B3's memory bandwidth is not sourced (the H200 lane may
// apply, else presumption of denial); the RTX Pro 6000D's classification is open, each
// licensed paragraph between the same two readings. Both read `undetermined`; a row that needs
// no licence states none; a settled policy is named.
#[test]
fn an_open_review_policy_reads_undetermined_never_empty() {
    let dir = orders_dir(
        "open-review",
        "chip,destination,date\nAscend 910B3,CN,2026-03-01\nRTX Pro 6000D,CN,2026-03-01\nH100,DE,2026-03-01\nH200,CN,2026-03-01\n",
    );
    let out = earl(&dir, &["check", "--batch", "orders.csv", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let policies: Vec<serde_json::Value> = json_rows(&out)
        .iter()
        .map(|r| r["review_policy"].clone())
        .collect();
    assert_eq!(
        policies,
        [
            serde_json::json!("undetermined"),
            serde_json::json!("undetermined"),
            serde_json::Value::Null,
            serde_json::json!("case_by_case"),
        ]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

// The false-clear audit: a classification the known figures cannot decide, whose every
// possible outcome gives the same answer (the RTX Pro 6000D to Germany: no licence), read
// "classification: not 3A090" on `check` and `eccn` "none" on `check --batch`: surer than
// the facts, which leave it open between 3A090.a.1 and not 3A090.
#[test]
fn an_open_classification_with_one_answer_is_not_called_uncontrolled() {
    let dir = orders_dir(
        "open",
        "chip,destination,date\nRTX Pro 6000D,DE,2026-03-01\nT4,DE,2026-03-01\n",
    );
    let out = earl(&dir, &["check", "--batch", "orders.csv", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let rows = json_rows(&out);
    assert_eq!(rows[0]["license_required"], false, "{}", rows[0]);
    assert_eq!(rows[0]["eccn"], "undetermined", "{}", rows[0]);
    assert_eq!(
        rows[1]["eccn"], "none",
        "a chip below every threshold: {}",
        rows[1]
    );
    let human = earl(
        &dir,
        &[
            "check",
            "RTX Pro 6000D",
            "--to",
            "DE",
            "--date",
            "2026-03-01",
        ],
    );
    let text = String::from_utf8(human.stdout).unwrap();
    assert!(
        text.contains("\n  classification: undetermined\n"),
        "{text}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
