//! `earl impact --scenario` says when the scenario changes no figure, and why (issue 28,
//! README): `h200-revenue-share` laid over the rules from Jan 15, 2026 is outranked by the H200
//! lane, so its figures equal those without it; before the lane it decides the H200 line.

use serde_json::Value;
use std::process::Command;

fn earl(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_earl"))
        .arg("--no-audit")
        .args(args)
        .output()
        .expect("earl runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

fn impact(date: &str, scenario: Option<&str>, json: bool) -> String {
    let mut args = vec![
        "impact",
        "--units",
        "H200=400000",
        "--price",
        "H200=27000",
        "--date",
        date,
    ];
    if let Some(s) = scenario {
        args.extend(["--scenario", s]);
    }
    if json {
        args.push("--json");
    }
    let (code, out) = earl(&args);
    assert_eq!(code, 0, "{out}");
    out
}

#[test]
fn a_scenario_outranked_by_the_rules_in_force_is_said_to_change_nothing() {
    let with: Value =
        serde_json::from_str(&impact("2026-03-01", Some("h200-revenue-share"), true)).unwrap();
    let alone: Value = serde_json::from_str(&impact("2026-03-01", None, true)).unwrap();
    let note = &with["scenario_without_effect"];
    assert_eq!(note["scenario"], "h200-revenue-share", "{with}");
    assert_eq!(note["in_force"], true);
    assert_eq!(note["effective"], "2025-12-08");
    let decided_by: Vec<&str> = note["decided_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(decided_by.contains(&"rp-2026-lane"), "{decided_by:?}");
    for figure in [
        "licensable_units",
        "licensable_tpp",
        "charges_total_cents",
        "total_tpp",
    ] {
        assert_eq!(with[figure], alone[figure], "{figure}");
    }
    assert!(alone.get("scenario_without_effect").is_none());

    let human = impact("2026-03-01", Some("h200-revenue-share"), false);
    assert!(
        human.contains("Note: scenario h200-revenue-share changes nothing here"),
        "{human}"
    );
}

#[test]
fn a_scenario_that_decides_a_line_carries_no_note() {
    let with: Value =
        serde_json::from_str(&impact("2025-12-20", Some("h200-revenue-share"), true)).unwrap();
    assert!(with.get("scenario_without_effect").is_none(), "{with}");
    let human = impact("2025-12-20", Some("h200-revenue-share"), false);
    assert!(!human.contains("changes nothing"), "{human}");
}

#[test]
fn a_scenario_not_in_force_on_the_date_is_said_to_be() {
    let with: Value =
        serde_json::from_str(&impact("2025-06-01", Some("h200-revenue-share"), true)).unwrap();
    assert_eq!(with["scenario_without_effect"]["in_force"], false, "{with}");
    let human = impact("2025-06-01", Some("h200-revenue-share"), false);
    assert!(
        human.contains("is in force from 2025-12-08, not on 2025-06-01"),
        "{human}"
    );
}
