//! Issue 28, the ledger and audit trail points: quantities and values bounded and summed
//! without wrapping (3), `ship --batch` decided by running sums (8), a read-only trail that
//! lists and verifies, and `audit tail` (10), a trail that cannot be written exits 4 (13),
//! `audit recheck` re-asks system checks (15), and `licence add` says when the export needs no
//! licence (16). Each test runs the issue's own commands on the real binary.

use earl_store::{AuditStore, PreparedRecord};
use std::path::Path;
use std::process::{Command, Output};

const U64_MAX: &str = "18446744073709551615";

fn earl(db: &Path, args: &[&str]) -> Output {
    earl_command(db, args).output().unwrap()
}

fn earl_command(db: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_earl"));
    command
        .arg("--db")
        .arg(db)
        .arg("--data-dir")
        .arg(db.with_extension("data"))
        .args(args);
    command
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn records(db: &Path) -> u64 {
    AuditStore::open(db).unwrap().verify().unwrap().records
}

fn add_licence(db: &Path, number: &str, quantity: &str) {
    json(&earl(
        db,
        &[
            "licence",
            "add",
            "--number",
            number,
            "--chip",
            "H200",
            "--to",
            "CN",
            "--quantity",
            quantity,
            "--issued",
            "2026-02-01",
            "--json",
        ],
    ));
}

fn ship_us(db: &Path, quantity: &str) -> Output {
    earl(
        db,
        &[
            "ship",
            "--us",
            "--chip",
            "H200",
            "--quantity",
            quantity,
            "--date",
            "2026-02-10",
            "--json",
        ],
    )
}

/// Point 3, as reported: `ship --us --quantity u64::MAX` twice wrapped the US sum and a huge
/// US figure lifted the lane's cap for a 1,000,000-unit China shipment.
#[test]
fn a_quantity_at_u64_max_is_refused_and_cannot_lift_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.sqlite");
    add_licence(&db, "L-BIG", "1000000");
    assert_eq!(ship_us(&db, "4000").status.code(), Some(0));
    let before = records(&db);
    for _ in 0..2 {
        let out = ship_us(&db, U64_MAX);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("10^9"), "{}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
    assert_eq!(records(&db), before, "nothing recorded");
    let ledger = json(&earl(&db, &["ledger", "--json"]));
    assert_eq!(ledger["items"][0]["us_units"], 4000);
    let china = earl(
        &db,
        &[
            "ship",
            "--licence",
            "L-BIG",
            "--quantity",
            "1000000",
            "--date",
            "2026-03-01",
            "--json",
        ],
    );
    assert_eq!(china.status.code(), Some(3), "{}", stderr(&china));
    assert!(stderr(&china).contains("refused"));
    assert_eq!(records(&db), before);
}

/// Point 3: quantities and values that cannot be true, on every way in (`licence add`,
/// `ship`, a batch row): exit 2 saying what and where, nothing recorded.
#[test]
fn quantities_and_values_beyond_what_can_be_true_are_input_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.sqlite");
    add_licence(&db, "L-1", "1000");
    let before = records(&db);
    let thirty_digits = "123456789012345678901234567890";
    let licence = |flag: &str, value: &str| {
        earl(
            &db,
            &[
                "licence", "add", "--number", "L-2", "--chip", "H200", "--to", "CN", flag, value,
            ],
        )
    };
    for (flag, value) in [
        ("--quantity", U64_MAX),
        ("--quantity", "1000000001"),
        ("--quantity", "0"),
        ("--quantity", "-5"),
        ("--quantity", "1.5"),
        ("--value", thirty_digits),
        ("--value", "-1"),
        ("--value", "NaN"),
        ("--value", "inf"),
    ] {
        let out = licence(flag, value);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{flag} {value}: {}",
            stderr(&out)
        );
    }
    let ship = |quantity: &str, value: &str| {
        earl(
            &db,
            &[
                "ship",
                "--licence",
                "L-1",
                "--quantity",
                quantity,
                "--value",
                value,
                "--date",
                "2026-03-01",
            ],
        )
    };
    for (quantity, value) in [
        (U64_MAX, "1"),
        ("-1", "1"),
        ("0.5", "1"),
        ("1", thirty_digits),
        ("1", "-0.01"),
    ] {
        let out = ship(quantity, value);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{quantity} {value}: {}",
            stderr(&out)
        );
    }
    let csv = dir.path().join("ship.csv");
    for (row, says) in [
        (format!("L-1,{U64_MAX},,2026-03-01"), "line 3: quantity"),
        (format!("L-1,1,{thirty_digits},2026-03-01"), "line 3: value"),
        ("L-1,-3,,2026-03-01".to_string(), "line 3: quantity"),
    ] {
        std::fs::write(
            &csv,
            format!("licence,quantity,value,date\nL-1,1,,2026-03-01\n{row}\n"),
        )
        .unwrap();
        let out = earl(&db, &["ship", "--batch", csv.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{row}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{row}: {}", stderr(&out));
    }
    assert_eq!(records(&db), before, "nothing recorded");
}

/// Point 3: a trail recorded before the bounds (a US shipment of u64::MAX units) is not summed
/// into a wrapped or lifted figure: the ledger is refused, saying which record.
#[test]
fn a_recorded_quantity_beyond_the_bound_is_never_summed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.sqlite");
    add_licence(&db, "L-1", "1000000");
    let shipment = serde_json::json!({
        "licence": null,
        "item": {"kind": "chip", "id": "nvidia-h200", "name": "NVIDIA H200",
                 "parts": [{"chip": "nvidia-h200", "count": 1}]},
        "destination": "US", "end_user": null, "quantity": u64::MAX, "value": null,
        "date": "2026-02-10", "capped": [],
    });
    let record = PreparedRecord::new(
        "shipment",
        "cli",
        &shipment,
        &serde_json::json!({"shipment": shipment}),
        "x",
        None,
        "0",
    )
    .unwrap();
    let store = AuditStore::open(&db).unwrap();
    store.append_prepared(&record).unwrap();
    store.append_prepared(&record).unwrap();
    drop(store);
    let ledger = earl(&db, &["ledger", "--json"]);
    assert_eq!(ledger.status.code(), Some(2), "{}", stderr(&ledger));
    assert!(
        stderr(&ledger).contains("cannot be trusted"),
        "{}",
        stderr(&ledger)
    );
    let before = records(&db);
    let china = earl(
        &db,
        &[
            "ship",
            "--licence",
            "L-1",
            "--quantity",
            "1000000",
            "--date",
            "2026-03-01",
        ],
    );
    assert_eq!(china.status.code(), Some(2), "{}", stderr(&china));
    assert_eq!(records(&db), before);
}

/// Point 8: a batch decided by running sums: US units count only from their own date on, US
/// rows of the batch count for the rows after them, the first row over the cap refuses the
/// whole batch, and a batch of thousands of rows is recorded whole.
#[test]
fn a_batch_is_decided_by_running_sums() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.sqlite");
    add_licence(&db, "L-1", "1000000");
    let csv = dir.path().join("ship.csv");
    // 10 US units by 03-01 allow 5 under the lane; the 1,000 of 03-10 do not count on 03-01.
    let head =
        "licence,us,chip,quantity,date\n,true,H200,10,2026-02-02\n,true,H200,1000,2026-03-10\n";
    let five = "L-1,,,1,2026-03-01\n".repeat(5);
    std::fs::write(&csv, format!("{head}{five}L-1,,,1,2026-03-01\n")).unwrap();
    let before = records(&db);
    let out = earl(&db, &["ship", "--batch", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("row 8"), "{}", stderr(&out));
    assert_eq!(records(&db), before, "a refused batch records nothing");
    std::fs::write(&csv, format!("{head}{five}L-1,,,1,2026-03-10\n")).unwrap();
    let ok = json(&earl(
        &db,
        &["ship", "--batch", csv.to_str().unwrap(), "--json"],
    ));
    let shipments = ok["shipments"].as_array().unwrap();
    assert_eq!(shipments.len(), 8);
    assert_eq!(shipments[7]["remaining_quantity"], 1_000_000 - 6);

    // Thousands of rows: recorded whole, each balance one less than the row before.
    let rows = 3_000;
    let mut big = String::from("licence,us,chip,quantity,date\n,true,H200,100000,2026-03-11\n");
    for i in 0..rows {
        big.push_str(&format!("L-1,,,1,2026-04-{:02}\n", 1 + i % 28));
    }
    std::fs::write(&csv, big).unwrap();
    let before = records(&db);
    let out = json(&earl(
        &db,
        &["ship", "--batch", csv.to_str().unwrap(), "--json"],
    ));
    let shipments = out["shipments"].as_array().unwrap();
    assert_eq!(shipments.len(), rows + 1);
    assert_eq!(
        shipments[rows]["remaining_quantity"],
        1_000_000 - 6 - rows as u64
    );
    assert_eq!(records(&db), before + rows as u64 + 1);
    assert_eq!(json(&earl(&db, &["audit", "verify", "--json"]))["ok"], true);
}

/// Point 10: a trail copied to a read-only directory, its file chmod 444: verify, list, show,
/// export, tail, `licence list` and `ledger` all read it, and its bytes are unchanged.
#[test]
fn a_read_only_trail_verifies_and_lists() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.sqlite");
    add_licence(&db, "L-1", "1000");
    assert_eq!(ship_us(&db, "40").status.code(), Some(0));
    let tail = json(&earl(&db, &["audit", "tail", "--json"]));
    assert_eq!(tail["seq"], 2);
    let copy_dir = dir.path().join("worm");
    std::fs::create_dir(&copy_dir).unwrap();
    let copy = copy_dir.join("audit.sqlite");
    std::fs::copy(&db, &copy).unwrap();
    let bytes = std::fs::read(&copy).unwrap();
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&copy_dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let verify = json(&earl(&copy, &["audit", "verify", "--json"]));
    assert_eq!(verify["ok"], true);
    assert_eq!(verify["last_hash"], tail["hash"]);
    assert_eq!(json(&earl(&copy, &["audit", "tail", "--json"])), tail);
    assert_eq!(
        json(&earl(&copy, &["audit", "list", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        2
    );
    json(&earl(&copy, &["audit", "show", "1", "--json"]));
    assert_eq!(earl(&copy, &["audit", "export"]).status.code(), Some(0));
    json(&earl(&copy, &["licence", "list", "--json"]));
    assert_eq!(
        json(&earl(&copy, &["ledger", "--json"]))["items"][0]["us_units"],
        40
    );
    let human = earl(&copy, &["audit", "tail"]);
    assert!(String::from_utf8_lossy(&human.stdout).contains("keep this elsewhere"));
    assert_eq!(std::fs::read(&copy).unwrap(), bytes, "nothing written");
    std::fs::set_permissions(&copy_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    // A trail that is not there is said to be absent, not created.
    let absent = dir.path().join("absent.sqlite");
    let out = earl(&absent, &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!absent.exists());
}

/// Runs `earl` with its files limited to `bytes` (RLIMIT_FSIZE, SIGXFSZ ignored): a write
/// past the limit fails as on a full disk.
fn earl_on_full_disk(db: &Path, args: &[&str], bytes: u64) -> Output {
    use std::os::unix::process::CommandExt;
    let mut command = earl_command(db, args);
    // SAFETY: async-signal-safe calls only, between fork and exec.
    unsafe {
        command.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit {
                rlim_cur: bytes,
                rlim_max: bytes,
            };
            match libc::setrlimit(libc::RLIMIT_FSIZE, &limit) {
                0 => Ok(()),
                _ => Err(std::io::Error::last_os_error()),
            }
        });
    }
    command.output().unwrap()
}

/// Point 13: when the trail cannot be written (a full disk), a check, a shipment and a licence
/// exit 4 "could not record", print no answer, and leave the trail as it was.
#[test]
fn a_full_disk_exits_4_and_prints_no_answer() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.sqlite");
    add_licence(&db, "L-1", "1000");
    let before = records(&db);
    for args in [
        &[
            "check",
            "H200",
            "--to",
            "CN",
            "--date",
            "2026-03-01",
            "--json",
        ][..],
        &[
            "ship",
            "--us",
            "--chip",
            "H200",
            "--quantity",
            "10",
            "--date",
            "2026-02-10",
        ],
        &[
            "licence", "add", "--number", "L-2", "--chip", "H200", "--to", "CN", "--json",
        ],
    ] {
        let out = earl_on_full_disk(&db, args, 4096);
        assert_eq!(out.status.code(), Some(4), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("could not record"),
            "{}",
            stderr(&out)
        );
        assert!(out.stdout.is_empty(), "{args:?} printed an answer");
    }
    assert_eq!(records(&db), before);
    assert_eq!(json(&earl(&db, &["audit", "verify", "--json"]))["ok"], true);
}

/// Point 15: recorded checks of systems — a catalog name that is a system ("HGX B200"),
/// `--system`, `--contains` — are asked again as systems.
#[test]
fn recheck_asks_system_checks_again() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.sqlite");
    for args in [
        &["check", "HGX B200", "--to", "CN", "--date", "2026-03-01"][..],
        &[
            "check",
            "--system",
            "DGX H200",
            "--to",
            "AE",
            "--date",
            "2026-03-01",
        ],
        &[
            "check",
            "--contains",
            "H200=8",
            "--contains",
            "B200=4",
            "--to",
            "CN",
            "--quantity",
            "3",
            "--date",
            "2026-03-01",
        ],
        &["check", "H200", "--to", "CN", "--date", "2026-03-01"],
    ] {
        json(&earl(
            &db,
            &args.iter().copied().chain(["--json"]).collect::<Vec<_>>(),
        ));
    }
    let report = json(&earl(&db, &["audit", "recheck", "--json"]));
    assert_eq!(report["records"], 4);
    assert_eq!(report["not_rechecked"], serde_json::json!([]), "{report}");
    assert_eq!(report["changed"], serde_json::json!([]), "{report}");
}

/// Point 16: a licence for an export that needs none is recorded, with a warning and the
/// fresh check in its JSON; a licence for an export that needs one carries no warning.
#[test]
fn licence_add_says_when_no_licence_is_needed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("audit.sqlite");
    let add = |number: &str, chip: &str, to: &str| {
        earl(
            &db,
            &[
                "licence",
                "add",
                "--number",
                number,
                "--chip",
                chip,
                "--to",
                to,
                "--issued",
                "2026-03-01",
                "--json",
            ],
        )
    };
    let needless = add("L-DE", "H200", "DE");
    let added = json(&needless);
    assert_eq!(added["fresh_check"]["license_required"], false);
    assert!(
        stderr(&needless).contains("needs no licence on 2026-03-01"),
        "{}",
        stderr(&needless)
    );
    let recorded = json(&earl(&db, &["audit", "show", "1", "--json"]));
    assert_eq!(
        recorded["outputs"]["fresh_check"]["license_required"],
        false
    );
    let needed = add("L-CN", "H200", "CN");
    assert_eq!(json(&needed)["fresh_check"]["license_required"], true);
    assert!(!stderr(&needed).contains("warning"), "{}", stderr(&needed));
}
