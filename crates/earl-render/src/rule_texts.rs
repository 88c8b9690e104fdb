//! The rules' own wording (control, review, condition, notice and list-effect texts, amendment
//! titles and summaries of `data/rules.toml` and the scenarios) and the reference figures'
//! labels and notes, in the languages earl speaks besides English.
//!
//! `locales/<lang>/rules.toml` pairs each English text with its translation, keyed by the
//! English text itself: a rule text that changes has no translation until one is written for
//! the new wording, so an old translation never stands for a new rule. A text with no
//! translation is quoted in English and the answer says so ([`untranslated`]).

use crate::Lang;
use earl_core::step::Step;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalog {
    text: Vec<Translation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Translation {
    en: String,
    tr: String,
}

type Table = HashMap<String, String>;

fn parse(source: &str, file: &str) -> Table {
    let catalog: Catalog =
        toml::from_str(source).unwrap_or_else(|e| panic!("locales/{file}/rules.toml: {e}"));
    catalog.text.into_iter().map(|t| (t.en, t.tr)).collect()
}

fn table(lang: Lang) -> Option<&'static Table> {
    static AR: OnceLock<Table> = OnceLock::new();
    static ZH_HANS: OnceLock<Table> = OnceLock::new();
    match lang {
        Lang::En => None,
        Lang::Ar => Some(AR.get_or_init(|| parse(include_str!("../locales/ar/rules.toml"), "ar"))),
        Lang::ZhHans => Some(
            ZH_HANS.get_or_init(|| parse(include_str!("../locales/zh-Hans/rules.toml"), "zh-Hans")),
        ),
    }
}

/// `text` in `lang`: its translation, or the English when there is none (or `lang` is English).
pub fn in_language(text: &str, lang: Lang) -> &str {
    match table(lang).and_then(|t| t.get(text)) {
        Some(translated) => translated,
        None => text,
    }
}

/// Whether `text` would be quoted in English in `lang`.
pub fn is_untranslated(text: &str, lang: Lang) -> bool {
    table(lang).is_some_and(|t| !t.contains_key(text))
}

/// Whether any of `steps` quotes a rule text that has no translation in `lang`.
pub fn untranslated<'s>(steps: impl IntoIterator<Item = &'s Step>, lang: Lang) -> bool {
    steps.into_iter().any(|s| {
        s.reason
            .clone()
            .rule_mut()
            .is_some_and(|rule| is_untranslated(rule, lang))
    })
}
