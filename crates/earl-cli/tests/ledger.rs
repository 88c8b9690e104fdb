//! Licences and shipments (issue 15): the judged drawdown, the lane's 50% cap, expiry, the
//! audit chain, concurrent drawdown by several processes, and a process killed mid-shipment.

use earl_store::AuditStore;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn earl(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_earl"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

fn json(out: &Output) -> serde_json::Value {
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

fn remaining(db: &Path, number: &str) -> serde_json::Value {
    let list = json(&earl(
        db,
        &["licence", "list", "--date", "2026-03-01", "--json"],
    ));
    list["licences"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["number"] == number)
        .unwrap()["remaining_quantity"]
        .clone()
}

#[test]
fn judged_drawdown_cap_and_expiry() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.sqlite");
    json(&earl(
        &db,
        &[
            "licence",
            "add",
            "--number",
            "L-1000",
            "--chip",
            "H200",
            "--to",
            "CN",
            "--quantity",
            "1000",
            "--issued",
            "2026-02-01",
            "--expires",
            "2026-06-30",
            "--json",
        ],
    ));
    // 4,000 units to US end users: the lane lets 2,000 go to China and Macau.
    json(&earl(
        &db,
        &[
            "ship",
            "--us",
            "--chip",
            "H200",
            "--quantity",
            "4000",
            "--date",
            "2026-02-10",
            "--json",
        ],
    ));
    let first = earl(
        &db,
        &[
            "ship",
            "--licence",
            "L-1000",
            "--quantity",
            "600",
            "--date",
            "2026-03-01",
            "--json",
        ],
    );
    assert_eq!(json(&first)["shipments"][0]["remaining_quantity"], 400);
    let before = records(&db);
    let second = earl(
        &db,
        &[
            "ship",
            "--licence",
            "L-1000",
            "--quantity",
            "600",
            "--date",
            "2026-03-02",
        ],
    );
    assert_eq!(second.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&second.stderr).contains("400 units"));
    assert_eq!(records(&db), before, "a refused shipment records nothing");
    assert_eq!(remaining(&db, "L-1000"), 400);

    // The cap: 600 shipped, 1,400 more reach 2,000 (50% of 4,000); one more is refused.
    json(&earl(
        &db,
        &[
            "licence",
            "add",
            "--number",
            "L-5000",
            "--chip",
            "H200",
            "--to",
            "CN",
            "--quantity",
            "5000",
            "--issued",
            "2026-02-01",
            "--json",
        ],
    ));
    json(&earl(
        &db,
        &[
            "ship",
            "--licence",
            "L-5000",
            "--quantity",
            "1400",
            "--date",
            "2026-03-03",
            "--json",
        ],
    ));
    let over = earl(
        &db,
        &[
            "ship",
            "--licence",
            "L-5000",
            "--quantity",
            "1",
            "--date",
            "2026-03-04",
            "--json",
        ],
    );
    assert_eq!(over.status.code(), Some(3));
    let refusal: serde_json::Value = serde_json::from_slice(&over.stdout).unwrap();
    assert_eq!(refusal["refused"]["refusal"]["kind"], "cap");
    assert_eq!(refusal["refused"]["refusal"]["us_units"], 4000);
    assert_eq!(refusal["refused"]["refusal"]["capped_units"], 2000);
    assert!(
        refusal["refused"]["refusal"]["cite"]["text"]
            .as_str()
            .unwrap()
            .contains("91 FR 1684")
    );
    let ledger = json(&earl(&db, &["ledger", "--json"]));
    assert_eq!(ledger["items"][0]["us_units"], 4000);
    assert_eq!(ledger["items"][0]["capped_units"], 2000);
    assert_eq!(ledger["items"][0]["headroom_under_cap"], 0);

    // After expiry.
    let late = earl(
        &db,
        &[
            "ship",
            "--licence",
            "L-1000",
            "--quantity",
            "1",
            "--date",
            "2026-07-01",
        ],
    );
    assert_eq!(late.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&late.stderr).contains("expired on 2026-06-30"));
    // Outside the licence: another destination or item.
    let elsewhere = earl(
        &db,
        &[
            "ship",
            "--licence",
            "L-1000",
            "--quantity",
            "1",
            "--to",
            "MO",
            "--date",
            "2026-03-05",
        ],
    );
    assert_eq!(elsewhere.status.code(), Some(3));
    let other = earl(
        &db,
        &[
            "ship",
            "--licence",
            "L-1000",
            "--quantity",
            "1",
            "--chip",
            "H100",
            "--date",
            "2026-03-05",
        ],
    );
    assert_eq!(other.status.code(), Some(3));
    // The licence number is unique.
    let dup = earl(
        &db,
        &[
            "licence", "add", "--number", "L-1000", "--chip", "H200", "--to", "CN",
        ],
    );
    assert_eq!(dup.status.code(), Some(3));
    // Bad input exits 2.
    let bad = earl(
        &db,
        &[
            "ship",
            "--licence",
            "L-1000",
            "--quantity",
            "1",
            "--date",
            "2026-13-01",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));

    let verify = json(&earl(&db, &["audit", "verify", "--json"]));
    assert_eq!(verify["ok"], true, "{verify}");
    let show = json(&earl(
        &db,
        &[
            "licence",
            "show",
            "L-1000",
            "--date",
            "2026-03-01",
            "--json",
        ],
    ));
    assert_eq!(show["shipments"].as_array().unwrap().len(), 1);
    assert_eq!(show["expires"], "2026-06-30");
}

#[test]
fn a_batch_is_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.sqlite");
    json(&earl(
        &db,
        &[
            "licence",
            "add",
            "--number",
            "B1",
            "--system",
            "DGX H200",
            "--to",
            "CN",
            "--quantity",
            "100",
            "--issued",
            "2026-02-01",
            "--json",
        ],
    ));
    let csv = dir.path().join("ship.csv");
    // US shipments of DGX H200 count 8 H200s each; the lane caps H200 units.
    std::fs::write(&csv, "licence,us,system,quantity,date\n,true,DGX H200,100,2026-02-02\nB1,,,40,2026-03-01\nB1,,,70,2026-03-02\n").unwrap();
    let before = records(&db);
    let out = earl(&db, &["ship", "--batch", csv.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("row 3"));
    assert_eq!(records(&db), before, "a refused batch records nothing");
    std::fs::write(&csv, "licence,us,system,quantity,date\n,true,DGX H200,100,2026-02-02\nB1,,,40,2026-03-01\nB1,,,10,2026-03-02\n").unwrap();
    let ok = json(&earl(
        &db,
        &["ship", "--batch", csv.to_str().unwrap(), "--json"],
    ));
    assert_eq!(ok["shipments"].as_array().unwrap().len(), 3);
    assert_eq!(records(&db), before + 3);
    assert_eq!(remaining(&db, "B1"), 50);
}

/// Several processes draw down one licence at once: exactly as many shipments as the licence
/// holds are accepted, the rest refused, and the balance never goes below zero.
#[test]
fn concurrent_drawdown_never_overdraws() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.sqlite");
    json(&earl(
        &db,
        &[
            "licence",
            "add",
            "--number",
            "C1",
            "--chip",
            "H200",
            "--to",
            "CN",
            "--quantity",
            "500",
            "--issued",
            "2026-02-01",
            "--json",
        ],
    ));
    json(&earl(
        &db,
        &[
            "ship",
            "--us",
            "--chip",
            "H200",
            "--quantity",
            "100000",
            "--date",
            "2026-02-02",
            "--json",
        ],
    ));
    let children: Vec<_> = (0..8)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_earl"))
                .arg("--db")
                .arg(&db)
                .args([
                    "ship",
                    "--licence",
                    "C1",
                    "--quantity",
                    "100",
                    "--date",
                    "2026-03-01",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let codes: Vec<Option<i32>> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap().status.code())
        .collect();
    assert_eq!(
        codes.iter().filter(|c| **c == Some(0)).count(),
        5,
        "{codes:?}"
    );
    assert_eq!(
        codes.iter().filter(|c| **c == Some(3)).count(),
        3,
        "{codes:?}"
    );
    assert_eq!(remaining(&db, "C1"), 0);
    assert!(json(&earl(&db, &["audit", "verify", "--json"]))["ok"] == true);
}

/// A shipment batch killed at any moment is recorded whole or not at all.
#[test]
fn a_killed_shipment_is_whole_or_absent() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("ship.csv");
    let rows = 300;
    let mut text = String::from("licence,us,chip,quantity,date\n,true,H200,1000000,2026-02-02\n");
    for _ in 0..rows {
        text.push_str("K1,,,1,2026-03-01\n");
    }
    std::fs::write(&csv, text).unwrap();
    let mut outcomes = Vec::new();
    for (n, millis) in [150u64, 400, 700, 1000, 1400, 2000, 3000]
        .into_iter()
        .enumerate()
    {
        let db = dir.path().join(format!("audit-{n}.sqlite"));
        json(&earl(
            &db,
            &[
                "licence",
                "add",
                "--number",
                "K1",
                "--chip",
                "H200",
                "--to",
                "CN",
                "--quantity",
                "100000",
                "--issued",
                "2026-02-01",
                "--json",
            ],
        ));
        let mut child = Command::new(env!("CARGO_BIN_EXE_earl"))
            .arg("--db")
            .arg(&db)
            .args(["ship", "--batch"])
            .arg(&csv)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(millis));
        let _ = child.kill();
        let _ = child.wait();
        let store = AuditStore::open(&db).unwrap();
        let report = store.verify().unwrap();
        assert!(report.ok, "{report:?}");
        let shipments = store.entries(&["shipment"]).unwrap().len();
        assert!(
            shipments == 0 || shipments == rows + 1,
            "{shipments} shipments after a kill"
        );
        outcomes.push(shipments);
    }
    eprintln!("shipments recorded after each kill: {outcomes:?}");
}
