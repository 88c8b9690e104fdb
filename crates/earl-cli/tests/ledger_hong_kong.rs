//! Hong Kong is China for the Jan 2026 lane's volume cap (issue 21, point 3): the EAR treats
//! Hong Kong as China from 2020-12-23 (85 FR 83765; `data/countries.toml`, HK), and the lane's
//! condition caps shipments "to China and Macau" at 50% of units shipped to US end users
//! (91 FR 1684). A licence for H200 to HK must not let shipments escape the cap, and
//! `earl ledger` counts them with China. The cap's places and share are read from the rules.

use std::path::Path;
use std::process::{Command, Output};

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

#[test]
fn hong_kong_shipments_count_against_the_lane_cap_as_china() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.sqlite");
    json(&earl(
        &db,
        &[
            "licence",
            "add",
            "--number",
            "L-HK",
            "--chip",
            "H200",
            "--to",
            "HK",
            "--quantity",
            "1000",
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
            "100",
            "--date",
            "2026-02-10",
            "--json",
        ],
    ));
    // 100 US units allow 50 to China, Macau and Hong Kong: 300 is refused, whole.
    let over = earl(
        &db,
        &[
            "ship",
            "--licence",
            "L-HK",
            "--quantity",
            "300",
            "--date",
            "2026-03-01",
            "--json",
        ],
    );
    assert_eq!(
        over.status.code(),
        Some(3),
        "{}{}",
        String::from_utf8_lossy(&over.stdout),
        String::from_utf8_lossy(&over.stderr)
    );
    let refusal: serde_json::Value = serde_json::from_slice(&over.stdout).unwrap();
    assert_eq!(refusal["refused"]["refusal"]["kind"], "cap", "{refusal}");
    assert_eq!(refusal["refused"]["refusal"]["entry"], "cond-lane-volume");

    // 50 fit, are recorded as treated as CN and counted against the cap.
    let ok = json(&earl(
        &db,
        &[
            "ship",
            "--licence",
            "L-HK",
            "--quantity",
            "50",
            "--date",
            "2026-03-01",
            "--json",
        ],
    ));
    let shipment = &ok["shipments"][0]["shipment"];
    assert_eq!(shipment["destination"], "HK");
    assert_eq!(shipment["treated_as"], "CN");
    assert_eq!(
        shipment["capped"].as_array().map(Vec::len),
        Some(1),
        "the H200 counted against the cap: {shipment}"
    );

    // One more is over the cap.
    let one_more = earl(
        &db,
        &[
            "ship",
            "--licence",
            "L-HK",
            "--quantity",
            "1",
            "--date",
            "2026-03-02",
        ],
    );
    assert_eq!(one_more.status.code(), Some(3));

    let ledger = json(&earl(&db, &["ledger", "--json"]));
    let h200 = &ledger["items"][0];
    assert_eq!(h200["us_units"], 100);
    assert_eq!(h200["china_macau_units"], 50, "Hong Kong counted as China");
    assert_eq!(h200["capped_units"], 50);
    assert_eq!(h200["headroom_under_cap"], 0);
}
