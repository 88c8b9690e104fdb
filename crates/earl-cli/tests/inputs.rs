//! Issue 12, point 5: every input that could skip a check is an error (exit 2, saying what and
//! where) or gives the right answer — never a clean answer with a check silently skipped, and
//! never a panic.

use std::path::Path;
use std::process::{Command, Output};

fn earl(args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_earl"));
    c.arg("--no-audit").args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("earl runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn assert_exit_2(o: &Output, needle: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert!(
        err.contains(needle),
        "stderr should mention `{needle}`: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_misspelled_or_unknown_batch_column_is_an_error_not_a_skipped_screen() {
    let dir = tempfile::tempdir().unwrap();
    let orders = dir.path().join("orders.csv");
    std::fs::write(
        &orders,
        "chip,destination,End User\nT4,CN,\"Huawei Technologies Co., Ltd.\"\n",
    )
    .unwrap();
    let o = earl(&["check", "--batch", orders.to_str().unwrap()], &[]);
    assert_exit_2(&o, "unknown column `End User`");
    assert!(
        stderr(&o).contains("did you mean `end_user`"),
        "{}",
        stderr(&o)
    );
    assert!(
        stdout(&o).is_empty(),
        "no row may be answered: {}",
        stdout(&o)
    );

    std::fs::write(&orders, "chip,end_user\nT4,Huawei\n").unwrap();
    assert_exit_2(
        &earl(&["check", "--batch", orders.to_str().unwrap()], &[]),
        "missing column `destination`",
    );

    // Optional columns absent are said once, and the rows are checked.
    std::fs::write(&orders, "chip,destination\nT4,CN\nH100,CN\n").unwrap();
    let o = earl(&["check", "--batch", orders.to_str().unwrap()], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o).matches("no column").count(), 1, "{}", stderr(&o));
}

#[test]
fn the_end_user_column_is_screened() {
    let dir = tempfile::tempdir().unwrap();
    let orders = dir.path().join("orders.csv");
    std::fs::write(
        &orders,
        "chip,destination,end_user,date\nT4,CN,\"Huawei Technologies Co., Ltd.\",2025-06-01\n",
    )
    .unwrap();
    let o = earl(&["check", "--batch", orders.to_str().unwrap()], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = stdout(&o);
    let row = rows.lines().nth(1).expect("a result row");
    assert!(
        row.contains(",true,"),
        "T4 to China for Huawei needs a licence: {row}"
    );
}

#[test]
fn screening_country_filters_resolve_names_and_refuse_unknown_countries() {
    let o = earl(&["screen", "Huawei", "--country", "China", "--json"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["country"], "CN");
    assert!(
        v["matches"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["list"] == "EL" && !m["below_threshold"].as_bool().unwrap()),
        "Huawei is on the Entity List with a Chinese address"
    );
    assert_exit_2(
        &earl(&["screen", "Huawei", "--country", "Chna"], &[]),
        "did you mean CN",
    );

    let dir = tempfile::tempdir().unwrap();
    let names = dir.path().join("names.csv");
    std::fs::write(&names, "name,country\nHuawei,Chna\n").unwrap();
    let o = earl(&["screen", "--batch", names.to_str().unwrap()], &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("line 2"), "{}", stderr(&o));
}

#[test]
fn the_lists_file_and_the_list_codes_have_distinct_names() {
    let dir = tempfile::tempdir().unwrap();
    let lists = dir.path().join("lists.csv");
    let csl = include_str!("../../../data/csl/consolidated.csv");
    let mut small: String = csl.lines().take(1).collect();
    small.push('\n');
    for line in csl
        .lines()
        .filter(|l| l.contains("Entity List (EL)"))
        .take(50)
    {
        small.push_str(line);
        small.push('\n');
    }
    std::fs::write(&lists, small).unwrap();
    // The codes option, with the file given by the environment: both work together.
    // An Entity List alone: accepted as partial (it has no SDN rows).
    let accept = ("EARL_ACCEPT_PARTIAL_LISTS", Path::new("1"));
    let o = earl(
        &["screen", "--sources", "EL", "Huawei"],
        &[("EARL_LISTS", &lists), accept],
    );
    assert!(o.status.code() == Some(0), "{}", stderr(&o));
    let o = earl(
        &[
            "--lists",
            lists.to_str().unwrap(),
            "screen",
            "--sources",
            "EL,MEU",
            "Huawei",
        ],
        &[accept],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_exit_2(
        &earl(&["screen", "--sources", "XYZ", "Huawei"], &[]),
        "unknown list `XYZ`",
    );
}

#[test]
fn a_list_file_without_a_generation_date_is_not_dated_by_its_mtime() {
    let dir = tempfile::tempdir().unwrap();
    let lists = dir.path().join("lists.csv");
    let csl = include_str!("../../../data/csl/consolidated.csv");
    std::fs::write(&lists, csl.lines().take(20).collect::<Vec<_>>().join("\n")).unwrap();
    let o = earl(
        &["--lists", lists.to_str().unwrap(), "lists", "--json"],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["provenance"]["generated"], serde_json::Value::Null);
    assert_eq!(v["provenance"]["generated_basis"], "unknown");
    assert!(
        v["staleness_warning"]
            .as_str()
            .unwrap()
            .contains("no generation date")
    );
}

#[test]
fn crlf_batch_files_report_the_lines_an_editor_shows() {
    let dir = tempfile::tempdir().unwrap();
    let orders = dir.path().join("orders.csv");
    std::fs::write(
        &orders,
        "chip,destination\r\nH100,CN\r\nNOPE,CN\r\nH100,XX\r\n",
    )
    .unwrap();
    let o = earl(&["check", "--batch", orders.to_str().unwrap()], &[]);
    let err = stderr(&o);
    assert!(err.contains("line 3: unknown chip `NOPE`"), "{err}");
    assert!(err.contains("line 4: unknown country `XX`"), "{err}");
    let out = stdout(&o);
    assert!(out.lines().nth(1).unwrap().starts_with("2,"), "{out}");
}

#[test]
fn ownership_inputs_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("owners.csv");
    std::fs::write(&file, "owner,owned,percent\nA,B,150\n").unwrap();
    assert_exit_2(
        &earl(
            &[
                "check",
                "T4",
                "--to",
                "SG",
                "--end-user",
                "B",
                "--ownership",
                file.to_str().unwrap(),
            ],
            &[],
        ),
        "at most 100 percent",
    );
    std::fs::write(&file, "owner,owned,share\nA,B,50\n").unwrap();
    assert_exit_2(
        &earl(
            &[
                "check",
                "T4",
                "--to",
                "SG",
                "--end-user",
                "B",
                "--ownership",
                file.to_str().unwrap(),
            ],
            &[],
        ),
        "unknown column `share`",
    );
    assert_exit_2(
        &earl(
            &[
                "check",
                "T4",
                "--to",
                "SG",
                "--end-user",
                "B",
                "--owner",
                "A",
            ],
            &[],
        ),
        "NAME=PERCENT",
    );
    // A listed owner at 60% on a date the Affiliates rule applies: licence required.
    let o = earl(
        &[
            "check",
            "T4",
            "--to",
            "SG",
            "--date",
            "2026-12-01",
            "--end-user",
            "Acme Widgets Trading Ltd",
            "--owner",
            "Huawei Technologies Co., Ltd.=60",
            "--json",
        ],
        &[],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["license_required"], true);
}
