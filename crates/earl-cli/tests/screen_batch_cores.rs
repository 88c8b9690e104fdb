//! `earl screen --batch` on every core writes exactly what it writes on one (issue 27, point
//! 4): the same lines in the same order, the same errors, and the same audit records (their
//! content hashes, which leave out only when and in what chain they were recorded).
//!
//! One core is had with `taskset -c 0`: the batch sizes its threads by the cores it may use.
//! The file is longer than one chunk of rows, and repeats its names, so that rows are grouped,
//! answered once per chunk and written across a chunk's end.

use std::path::Path;
use std::process::{Command, Output};

fn run(on_one_core: bool, names: &Path, db: &Path) -> Output {
    let earl = env!("CARGO_BIN_EXE_earl");
    let mut c = if on_one_core {
        let mut c = Command::new("taskset");
        c.args(["-c", "0", earl]);
        c
    } else {
        Command::new(earl)
    };
    c.args(["--db", db.to_str().unwrap()])
        .args(["screen", "--batch", names.to_str().unwrap()])
        .output()
        .expect("earl runs")
}

/// Each record's content hash and inputs, in the order recorded.
fn records(db: &Path) -> Vec<(String, String)> {
    let o = Command::new(env!("CARGO_BIN_EXE_earl"))
        .args(["--db", db.to_str().unwrap(), "audit", "export"])
        .output()
        .expect("earl audit export runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let r: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                r["content_hash"].as_str().unwrap().to_string(),
                r["inputs"].to_string(),
            )
        })
        .collect()
}

#[test]
fn screening_a_batch_on_every_core_writes_what_one_core_writes() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let has_taskset = Command::new("taskset").arg("-V").output().is_ok();
    if cores < 2 || !has_taskset {
        eprintln!("skipped: needs two cores and taskset ({cores} cores, taskset: {has_taskset})");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let names = dir.path().join("names.csv");
    // Listed names (some with a country), look-alikes, clean names, a name that cannot be
    // screened (a bad country) and an unreadable row (a field too many), repeated past the
    // first chunk of rows.
    let kinds = [
        "Huawei Technologies Co., Ltd.,CN",
        "Huawei Technologies,",
        "Nettrix Information Industry Co. Ltd.,",
        "\"Sugon, Inc.\",",
        "Rosoboronexport,RU",
        "Golden Star Electronics Co. Ltd.,",
        "Pacific Harbor Logistics GmbH,DE",
        "Zhongguancun Data Systems,",
        "Acme Widgets,Chna",
        "Bright Unity Trading,SG,extra",
    ];
    let mut csv = String::from("name,country\n");
    for i in 0..9000 {
        let k = kinds[i % kinds.len()];
        // Every 7th row a name of its own, so that parts see names the others do not.
        if i % 7 == 0 {
            csv.push_str(&format!("Vertex Quantum Computing {} Limited,\n", i % 61));
        } else {
            csv.push_str(k);
            csv.push('\n');
        }
    }
    std::fs::write(&names, csv).unwrap();
    let (one_db, every_db) = (
        dir.path().join("one.sqlite"),
        dir.path().join("every.sqlite"),
    );
    let one = run(true, &names, &one_db);
    let every = run(false, &names, &every_db);
    assert_eq!(one.status.code(), Some(2), "a row could not be screened");
    assert_eq!(every.status.code(), one.status.code());
    assert_eq!(
        String::from_utf8_lossy(&every.stderr),
        String::from_utf8_lossy(&one.stderr)
    );
    let lines = String::from_utf8(one.stdout.clone()).unwrap();
    assert_eq!(lines.lines().count(), 9000, "one line per row");
    assert!(
        lines.contains(r#""error":"unreadable row"#),
        "the unreadable row says so in its place"
    );
    assert!(every.stdout == one.stdout, "the same lines, byte for byte");
    let recorded = records(&one_db);
    let screened = lines.lines().filter(|l| !l.contains(r#""error":"#)).count();
    assert!(screened > 6000, "{screened} rows screened");
    assert_eq!(recorded.len(), screened, "a record per screened row");
    assert_eq!(records(&every_db), recorded);
}
