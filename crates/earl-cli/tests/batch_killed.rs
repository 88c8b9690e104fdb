//! A batch killed at any moment leaves no output row without its audit record (issue 13,
//! point 6): rows are written only after the records answering them are durable.

use earl_store::{AuditStore, ListFilter};
use std::process::{Command, Stdio};
use std::time::Duration;

#[test]
fn a_killed_batch_never_leaves_an_output_row_without_its_record() {
    let dir = tempfile::tempdir().unwrap();
    let orders = dir.path().join("orders.csv");
    let chips = [
        "H100", "H200", "A100", "T4", "RTX 4090", "B200", "MI300X", "L40S",
    ];
    let places = ["CN", "DE", "SA", "VN", "IN", "AE", "KH", "GB", "RU"];
    let mut csv = String::from("chip,destination,date\n");
    for i in 0..60_000u32 {
        csv.push_str(&format!(
            "{},{},2025-{:02}-{:02}\n",
            chips[i as usize % chips.len()],
            places[(i as usize / 7) % places.len()],
            1 + i % 12,
            1 + (i / 12) % 28
        ));
    }
    std::fs::write(&orders, csv).unwrap();
    // Kill at different points of the run: while the first chunk is checked, and later.
    let mut rows_seen = 0;
    for (n, millis) in (0..10u64).map(|k| 400 + k * 290).enumerate() {
        let db = dir.path().join(format!("audit-{n}.sqlite"));
        let out = dir.path().join(format!("out-{n}.csv"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_earl"))
            .arg("--db")
            .arg(&db)
            .args(["check", "--batch"])
            .arg(&orders)
            .arg("--out")
            .arg(&out)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(millis));
        let _ = child.kill();
        let _ = child.wait();

        let written: Vec<u64> = std::fs::read_to_string(&out)
            .unwrap_or_default()
            .lines()
            .skip(1)
            .filter_map(|l| l.split(',').next()?.parse().ok())
            .collect();
        if !db.exists() {
            assert!(
                written.is_empty(),
                "rows without any trail: {}",
                written.len()
            );
            continue;
        }
        let store = AuditStore::open(&db).unwrap();
        let report = store.verify().unwrap();
        assert!(report.ok, "{report:?}");
        let mut recorded = std::collections::HashSet::new();
        for summary in store.list(&ListFilter::default()).unwrap() {
            let record = store.get(summary.seq).unwrap().unwrap();
            recorded.insert(record.inputs["row"].as_u64().unwrap());
        }
        rows_seen += written.len();
        let missing: Vec<&u64> = written.iter().filter(|r| !recorded.contains(r)).collect();
        assert!(
            missing.is_empty(),
            "killed after {millis} ms: {} of {} written rows have no record (first {:?})",
            missing.len(),
            written.len(),
            missing.first()
        );
    }
    assert!(
        rows_seen > 0,
        "no run got far enough to write a row: the test proves nothing"
    );
}
