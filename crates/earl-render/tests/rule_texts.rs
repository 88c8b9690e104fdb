//! The rules' own wording in every language earl speaks: each text of the bundled rules file
//! has a translation in each catalog, and a text with none is quoted in English, said so.

use earl_render::Lang;
use earl_render::rule_texts::{in_language, is_untranslated};

/// Every text of `data/rules.toml` and the scenarios an answer can quote (the `text` of their
/// entries, the `title` and `summary` of their amendments), and the labels and notes of the
/// reference figures; citations and sources stay as published.
fn rule_texts() -> Vec<String> {
    fn walk(value: &toml::Value, key: &str, out: &mut Vec<String>) {
        match value {
            toml::Value::Table(t) => {
                for (k, v) in t {
                    if k != "cite" && k != "more_cites" {
                        walk(v, k, out);
                    }
                }
            }
            toml::Value::Array(items) => items.iter().for_each(|v| walk(v, key, out)),
            toml::Value::String(s) if matches!(key, "text" | "title" | "summary") => {
                out.push(s.clone())
            }
            _ => {}
        }
    }
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");
    let mut files = vec![std::path::PathBuf::from(format!("{data}/rules.toml"))];
    for entry in std::fs::read_dir(format!("{data}/scenarios")).expect("data/scenarios") {
        files.push(entry.expect("a scenario file").path());
    }
    let mut out = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).expect("a bundled rules file");
        let rules: toml::Value = toml::from_str(&source).expect("the bundled rules parse");
        walk(&rules, "", &mut out);
    }
    // The reference figures `earl impact` sets a shipment against: their labels and notes.
    let figures: toml::Value =
        toml::from_str(&std::fs::read_to_string(format!("{data}/reference-figures.toml")).unwrap())
            .expect("the bundled reference figures parse");
    for figure in figures["figure"].as_array().expect("[[figure]]") {
        for key in ["label", "note"] {
            if let Some(text) = figure.get(key).and_then(toml::Value::as_str) {
                out.push(text.to_string());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_rule_text_is_translated_into_every_language() {
    let texts = rule_texts();
    assert!(texts.len() > 200, "{} texts", texts.len());
    for lang in [Lang::Ar, Lang::ZhHans] {
        let missing: Vec<&String> = texts.iter().filter(|t| is_untranslated(t, lang)).collect();
        assert!(
            missing.is_empty(),
            "{lang:?}: {} of {} rule texts have no translation, e.g. {:?}",
            missing.len(),
            texts.len(),
            missing.first()
        );
    }
}

#[test]
fn a_text_with_no_translation_is_quoted_in_english() {
    let changed = "A rule text written after the translations were.";
    for lang in [Lang::Ar, Lang::ZhHans] {
        assert_eq!(in_language(changed, lang), changed);
        assert!(is_untranslated(changed, lang));
    }
    assert!(!is_untranslated(changed, Lang::En));
}
