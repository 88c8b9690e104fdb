//! `earl scenarios`, `diff`, `timeline` and `impact` as a user runs them: JSON shapes, files
//! written, and exit code 2 with a clear message on bad input.

use serde_json::Value;
use std::process::{Command, Output};

fn earl(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_earl"))
        .arg("--no-audit")
        .args(args)
        .output()
        .expect("earl runs")
}

fn json(args: &[&str]) -> Value {
    let out = earl(args);
    assert!(
        out.status.success(),
        "earl {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn fails_with_input_error(args: &[&str], says: &str) {
    let out = earl(args);
    assert_eq!(out.status.code(), Some(2), "earl {args:?} should exit 2");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(says),
        "earl {args:?}: stderr {err:?} should mention {says:?}"
    );
}

#[test]
fn scenarios_lists_at_least_four_with_status_and_cites() {
    let v = json(&["scenarios", "--json"]);
    let list = v.as_array().expect("a list");
    assert!(list.len() >= 4);
    for s in list {
        for field in ["id", "title", "status", "summary"] {
            assert!(
                s[field].as_str().is_some_and(|x| !x.is_empty()),
                "{field} in {s}"
            );
        }
        assert!(!s["cites"].as_array().expect("cites").is_empty());
    }
    let safe = list
        .iter()
        .find(|s| s["id"] == "safe-chips-act")
        .expect("SAFE CHIPS listed");
    assert_eq!(safe["status"], "introduced");
    assert_eq!(safe["until"], "2028-06-04");
}

#[test]
fn diff_json_has_the_held_out_changes() {
    let v = json(&["diff", "2025-11-20", "2026-03-01", "--to", "CN", "--json"]);
    assert_eq!(v["from"]["date"], "2025-11-20");
    assert_eq!(v["to"]["date"], "2026-03-01");
    let changes = v["changes"].as_array().expect("changes");
    assert_eq!(v["summary"]["changed"].as_u64(), Some(changes.len() as u64));
    let h200 = changes
        .iter()
        .find(|c| c["chip"] == "h200-sxm")
        .expect("H200 changes");
    assert_eq!(h200["destination"], "CN");
    assert_eq!(h200["from"]["review_policy"], "presumption_of_denial");
    assert_eq!(h200["to"]["review_policy"], "case_by_case");
    assert_eq!(h200["to"]["license_required"], true);
    assert_eq!(h200["because"]["amendments"][0], "2026-01-15-h200-lane");
    assert!(
        changes.iter().all(|c| c["chip"] != "b200"),
        "B200 unchanged"
    );

    // A800 and H800 closed on Oct 23, 2023, when the US government made the Oct 2023 rule's
    // requirements effective immediately for them (NVIDIA 8-K of Oct 24, 2023).
    let v = json(&[
        "diff",
        "2023-10-22",
        "2023-10-23",
        "--to",
        "CN",
        "--chips",
        "A800,H800,H100",
        "--json",
    ]);
    let chips: Vec<&str> = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["chip"].as_str().unwrap())
        .collect();
    assert_eq!(chips, vec!["a800-sxm", "h800-sxm"]);
}

#[test]
fn diff_and_timeline_write_svg_files() {
    let dir = tempfile::tempdir().unwrap();
    let matrix = dir.path().join("m.svg");
    let out = earl(&[
        "diff",
        "2025-11-20",
        "safe-chips-act",
        "--date",
        "2026-03-01",
        "--svg",
        matrix.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&matrix).unwrap();
    assert!(text.starts_with("<svg") && text.trim_end().ends_with("</svg>"));
    assert!(text.contains("scenario safe-chips-act over the rules of 2026-03-01"));

    let chart = dir.path().join("t.svg");
    let out = earl(&[
        "timeline",
        "A800",
        "--to",
        "CN",
        "--svg",
        chart.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("2023-11-17"),
        "the date A800 closed is shown"
    );
    let text = std::fs::read_to_string(&chart).unwrap();
    assert!(text.contains("Date (rule versions in force)") && text.trim_end().ends_with("</svg>"));
}

#[test]
fn timeline_json_dates_each_change_with_its_citation() {
    let v = json(&[
        "timeline",
        "H200",
        "--to",
        "CN",
        "--until",
        "2026-11-28",
        "--json",
    ]);
    let periods = v["periods"].as_array().expect("periods");
    let last = periods.last().unwrap();
    assert_eq!(last["from"], "2026-01-15");
    assert_eq!(last["outcome"]["review_policy"], "case_by_case");
    let cause = &last["changed_by"][0];
    assert_eq!(cause["kind"], "amendment");
    assert!(
        cause["cite"]["text"]
            .as_str()
            .unwrap()
            .contains("91 FR 1684")
    );
}

#[test]
fn impact_json_totals_and_reference_figures() {
    let v = json(&[
        "impact",
        "--units",
        "H200=1000",
        "B200=10",
        "--price",
        "H200=27000",
        "--date",
        "2026-03-01",
        "--json",
    ]);
    assert_eq!(v["total_tpp"].as_f64(), Some(15_831_200.0 + 360_000.0));
    assert_eq!(
        v["h100_equivalents"].as_f64(),
        Some(16_191_200.0 / 15_831.2)
    );
    assert_eq!(v["licensable_units"].as_u64(), Some(1000));
    assert_eq!(v["charges_total_cents"].as_u64(), Some(675_000_000));
    let figures = v["comparisons"].as_array().unwrap();
    assert!(
        figures
            .iter()
            .any(|f| f["id"] == "ascend-2025-bis" && f["date"] == "2025-06-12")
    );
    assert!(
        figures
            .iter()
            .all(|f| f["source"].as_str().is_some_and(|s| !s.is_empty()) && f["date"].is_string())
    );

    let out = earl(&["impact", "--units", "H200=1000", "--date", "2026-03-01"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("A unit is licensable when"),
        "the definition of licensable is printed"
    );
    assert!(
        text.contains("Kessler") && text.contains("2025-06-12"),
        "reference figures carry source and date"
    );
}

#[test]
fn a_user_scenario_file_is_validated_and_used() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("deny-cn.toml");
    std::fs::write(
        &good,
        r#"id = "deny-everything-cn"
title = "Test: deny every 3A090 licence to China"
status = "proposed"
summary = "A test scenario."
cite = { text = "test" }
[[add.review]]
id = "test-deny"
rank = 0
policy = "policy_of_denial"
text = "Denied."
cite = { text = "test" }
when = { controls = ["ac-dest"], destination = { countries = ["CN"] } }
"#,
    )
    .unwrap();
    let v = json(&[
        "diff",
        "2026-03-01",
        good.to_str().unwrap(),
        "--date",
        "2026-03-01",
        "--to",
        "CN",
        "--chips",
        "H200",
        "--json",
    ]);
    assert_eq!(v["changes"][0]["to"]["review_policy"], "policy_of_denial");
    let v = json(&[
        "impact",
        "--scenario",
        good.to_str().unwrap(),
        "--units",
        "H200=10",
        "--date",
        "2026-03-01",
        "--json",
    ]);
    assert_eq!(v["licensable_units"].as_u64(), Some(0));

    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "id = \"x\"\ntitle = \"x\"\nstatus = \"proposed\"\nsummary = \"s\"\ncite = { text = \"c\" }\nbogus = 1\n").unwrap();
    fails_with_input_error(&["diff", "2026-01-01", bad.to_str().unwrap()], "bad.toml");
    fails_with_input_error(
        &[
            "impact",
            "--scenario",
            bad.to_str().unwrap(),
            "--units",
            "H200=1",
        ],
        "bogus",
    );
}

#[test]
fn bad_input_exits_2_with_a_clear_message() {
    fails_with_input_error(&["diff", "2025-13-01", "2026-01-01"], "invalid date");
    fails_with_input_error(&["diff", "no-such-thing", "2026-01-01"], "not a date");
    fails_with_input_error(
        &["diff", "2025-01-01", "2026-01-01", "--to", "Atlantis"],
        "Atlantis",
    );
    fails_with_input_error(
        &["diff", "2025-01-01", "2026-01-01", "--chips", "H9000"],
        "H9000",
    );
    fails_with_input_error(&["timeline", "H9000", "--to", "CN"], "H9000");
    fails_with_input_error(
        &[
            "timeline",
            "H200",
            "--to",
            "CN",
            "--scenario",
            "no-such-bill",
        ],
        "unknown scenario",
    );
    fails_with_input_error(&["impact", "--units", "H200=abc"], "not a whole number");
    fails_with_input_error(&["impact", "--units", "H200=-5"], "not a whole number");
    fails_with_input_error(&["impact", "--units", "H9000=5"], "H9000");
    fails_with_input_error(
        &["impact", "--units", "H200=5", "--price", "H200=cheap"],
        "not a price",
    );
    fails_with_input_error(
        &["impact", "--units", "H200=5", "--to", "Atlantis"],
        "Atlantis",
    );
    fails_with_input_error(
        &["impact", "--units", "H200=5", "--date", "yesterday"],
        "invalid date",
    );
}
