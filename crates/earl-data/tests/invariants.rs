//! Values a data file may not hold even when they parse (issue 28, point 14): a negative
//! threshold, an amendment dated before what it removes, a release month that is not a month or
//! postdates the file, an `as_of` that is not a date. Each is refused with file, line, column
//! and field.

use earl_data::{Catalog, DataError, Dataset, ErrorKind, rulebook::RuleBook};

const RULES: &str = include_str!("../../../data/rules.toml");
const SYSTEMS: &str = include_str!("../../../data/systems.toml");

/// The bundled rules with one edit, loaded as a user's `--rules` file.
fn rules_with(from: &str, to: &str) -> DataError {
    assert_eq!(
        RULES.matches(from).count(),
        1,
        "the edit is unambiguous: {from}"
    );
    let path = std::env::temp_dir().join(format!(
        "earl-invariants-{}-{}.toml",
        std::process::id(),
        from.len()
    ));
    std::fs::write(&path, RULES.replace(from, to)).unwrap();
    let paths = earl_data::DataPaths {
        rules: Some(path.clone()),
        ..Default::default()
    };
    let e = Dataset::load(&paths).map(|_| ()).unwrap_err();
    std::fs::remove_file(&path).unwrap();
    assert!(
        e.file.ends_with(".toml") && e.file.contains("earl-invariants"),
        "{e}"
    );
    e
}

/// The line (1-based) of the first occurrence of `text` in the bundled rules.
fn line_of(text: &str) -> usize {
    RULES[..RULES.find(text).unwrap()].lines().count() + 1
}

#[test]
fn a_negative_threshold_is_refused() {
    let e = rules_with(
        r#"all = [{ metric = "tpp", op = ">=", value = 4800.0 }]"#,
        r#"all = [{ metric = "tpp", op = ">=", value = -4800.0 }]"#,
    );
    assert_eq!(e.kind, ErrorKind::Invalid);
    assert!(e.message.contains("-4800 is negative"), "{e}");
    let field = e.field.as_deref().unwrap();
    assert!(field.ends_with(".add.paragraph[0].all[0].value"), "{field}");
    assert_eq!(
        e.line,
        Some(line_of(
            r#"all = [{ metric = "tpp", op = ">=", value = 4800.0 }]"#
        ))
    );
    assert!(e.column.is_some());
}

#[test]
fn an_amendment_dated_before_what_it_removes_is_refused() {
    // The 2023 Russia rule removes a notice the 2022 embargo adds; dated 2021, it would remove
    // nothing and the notice would stay in force after it.
    let e = rules_with(
        "effective = \"2023-05-19\"\n",
        "effective = \"2021-05-19\"\n",
    );
    assert_eq!(e.kind, ErrorKind::Invalid);
    assert!(
        e.message
            .contains("removes `notice-emb-ear99` from 2021-05-19"),
        "{e}"
    );
    assert!(
        e.message.contains("cannot be dated before what it removes"),
        "{e}"
    );
    assert!(e.field.as_deref().unwrap().ends_with(".remove[0]"), "{e:?}");
    assert_eq!(e.line, Some(line_of(r#"remove = ["notice-emb-ear99"]"#)));
}

#[test]
fn the_bundled_rules_keep_both_invariants() {
    let d = Dataset::bundled().expect("bundled data loads");
    let _: &RuleBook = &d.rules;
}

fn catalog(as_of: &str, released: &str) -> Result<Catalog, DataError> {
    Catalog::parse(
        "user.toml",
        &format!(
            "[catalog]\nas_of = \"{as_of}\"\nsource_document = \"test\"\n[sources]\nS1 = \"a source\"\n\
             [[chip]]\nid = \"x1\"\nvendor = \"V\"\nname = \"X1\"\nreleased = \"{released}\"\n"
        ),
    )
}

#[test]
fn a_release_after_the_files_vintage_or_not_a_month_is_refused() {
    for (released, says) in [
        ("9999-12", "after the file's as_of 2026-01-31"),
        ("2026-02", "after the file's as_of 2026-01-31"),
        ("2024-13", "not a year and month"),
        ("2024-00", "not a year and month"),
        ("2024-1", "not a year and month"),
        ("24", "not a year and month"),
        ("2024xx", "not a year and month"),
    ] {
        let e = catalog("2026-01-31", released).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Invalid, "{released}");
        assert!(e.message.contains(says), "{released}: {e}");
        assert_eq!(e.field.as_deref(), Some("chip[0].released"));
        assert_eq!((e.file.as_str(), e.line), ("user.toml", Some(10)));
    }
    for released in ["2026-01", "2026", "2019-12"] {
        assert!(catalog("2026-01-31", released).is_ok(), "{released}");
    }
}

#[test]
fn an_as_of_that_is_not_a_date_is_refused() {
    for as_of in ["2026-13-01", "2026-02-30", "", "soon"] {
        let e = catalog(as_of, "2024").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Invalid, "{as_of}");
        assert_eq!(e.field.as_deref(), Some("catalog.as_of"));
        assert_eq!((e.line, e.column), (Some(2), Some(9)), "{as_of}");
        assert!(e.message.contains("is not a date"), "{e}");
    }
    let d = Dataset::bundled().unwrap();
    let text = SYSTEMS.replacen("as_of = \"2026-09-30\"", "as_of = \"2026-13-01\"", 1);
    let e = earl_data::systems::Systems::parse("systems.toml", &text, &d.catalog).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("meta.as_of"));
    assert_eq!(e.line, Some(15));
    // The rules' as_of is a date by its type: refused when the file is read.
    let e = rules_with("as_of = \"2026-09-30\"", "as_of = \"2026-13-01\"");
    assert_eq!(e.kind, ErrorKind::Syntax);
    assert!(e.line.is_some());
}
