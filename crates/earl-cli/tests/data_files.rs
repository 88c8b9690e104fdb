//! A data file holding a value it may not (issue 28, point 14) stops the CLI with exit 2 and
//! the file, line, column and field; nothing is answered from it.

use std::process::Command;

fn earl_with(flag: &str, name: &str, text: &str) -> (i32, String, String) {
    let dir = std::env::temp_dir().join(format!("earl-data-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_earl"))
        .args(["--no-audit", flag])
        .arg(&path)
        .args([
            "check",
            "H200",
            "--to",
            "CN",
            "--date",
            "2026-03-01",
            "--json",
        ])
        .output()
        .expect("earl runs");
    std::fs::remove_file(&path).unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_chip_released_after_its_files_vintage_exits_2_with_its_place() {
    let (code, stdout, stderr) = earl_with(
        "--chips-file",
        "future-chips.toml",
        "[catalog]\nas_of = \"2026-01-31\"\nsource_document = \"t\"\n[sources]\nS1 = \"a\"\n\
         [[chip]]\nid = \"x1\"\nvendor = \"V\"\nname = \"X1\"\nreleased = \"9999-12\"\n",
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty(), "no answer: {stdout}");
    assert!(
        stderr.contains("future-chips.toml:10:12: field `chip[0].released`: `9999-12` is after"),
        "{stderr}"
    );
}

#[test]
fn a_negative_threshold_in_the_rules_exits_2_with_its_place() {
    let rules = include_str!("../../../data/rules.toml").replacen(
        r#"all = [{ metric = "tpp", op = ">=", value = 4800.0 }]"#,
        r#"all = [{ metric = "tpp", op = ">=", value = -4800.0 }]"#,
        1,
    );
    let (code, stdout, stderr) = earl_with("--rules", "negative-rules.toml", &rules);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty(), "no answer: {stdout}");
    assert!(stderr.contains("negative-rules.toml:"), "{stderr}");
    assert!(
        stderr.contains(".all[0].value`: -4800 is negative"),
        "{stderr}"
    );
}
