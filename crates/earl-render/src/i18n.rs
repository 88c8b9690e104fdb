//! The message catalogs: one Project Fluent file per language (`locales/<tag>/earl.ftl`),
//! bundled into the binary. Every sentence, heading and label earl writes is a message there;
//! the Rust code chooses the message and passes its arguments (figures already formatted, so
//! every language shows the same figures; plain numbers only where a plural form is chosen).

use crate::lang::Lang;
pub use fluent_bundle;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast::Entry;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Each catalog's source, in [`Lang::ALL`]'s order.
pub const SOURCES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../locales/en/earl.ftl")),
    (Lang::Ar, include_str!("../locales/ar/earl.ftl")),
    (Lang::ZhHans, include_str!("../locales/zh-Hans/earl.ftl")),
];

/// The isolates Fluent puts around each argument in a right-to-left catalog.
pub const ISOLATES: [char; 2] = ['\u{2068}', '\u{2069}'];

/// What marks a message shown in English because the asked language lacks it: visible, so a
/// gap is seen wherever it shows (the catalog test keeps releases from having one).
pub const FALLBACK_MARK: &str = "[en] ";

/// One language's compiled catalog.
pub type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 3] {
    static BUNDLES: OnceLock<[Bundle; 3]> = OnceLock::new();
    BUNDLES.get_or_init(|| bundles_from(SOURCES))
}

/// Catalogs compiled from their sources, in [`Lang::ALL`]'s order.
pub fn bundles_from(sources: [(Lang, &str); 3]) -> [Bundle; 3] {
    sources.map(|(lang, source)| bundle(lang, source))
}

fn bundle(lang: Lang, source: &str) -> Bundle {
    let locale = lang
        .tag()
        .parse()
        .expect("every Lang tag is a valid language identifier");
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // In right-to-left text every argument (a date, an id, a Latin name) is set apart by
    // Unicode's isolates (FSI … PDI, default-ignorable): without them a date after Arabic
    // words is laid out backwards ("2026-03-01" as "01-03-2026") and an id is cut apart.
    // Left-to-right catalogs need none, and English stays byte for byte as it was.
    bundle.set_use_isolating(lang.dir() == "rtl");
    let resource = FluentResource::try_new(source.to_string())
        .unwrap_or_else(|(_, errors)| panic!("locales/{lang}: {errors:?}"));
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("locales/{lang}: {errors:?}"));
    bundle
}

/// The message `id` in `lang` with `args`; in English, marked, when `lang` lacks it.
pub fn message(lang: Lang, id: &str, args: &FluentArgs) -> String {
    message_in(bundles(), lang, id, args)
}

/// [`message`] from the given catalogs.
pub fn message_in(bundles: &[Bundle; 3], lang: Lang, id: &str, args: &FluentArgs) -> String {
    match format(bundle_of(bundles, lang), id, args) {
        Some(text) => text,
        None => match format(bundle_of(bundles, Lang::En), id, args) {
            Some(text) => format!("{FALLBACK_MARK}{text}"),
            None => format!("[missing message {id}]"),
        },
    }
}

fn format(bundle: &Bundle, id: &str, args: &FluentArgs) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    debug_assert!(errors.is_empty(), "{:?} {id}: {errors:?}", bundle.locales);
    Some(text.into_owned())
}

/// The `--help` catalogs (`locales/<tag>/help.ftl`) of the languages other than English: the
/// English help is the CLI's doc comments themselves, so English has no help catalog.
pub const HELP_SOURCES: [(Lang, &str); 2] = [
    (Lang::Ar, include_str!("../locales/ar/help.ftl")),
    (Lang::ZhHans, include_str!("../locales/zh-Hans/help.ftl")),
];

fn help_bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| HELP_SOURCES.map(|(lang, source)| bundle(lang, source)))
}

/// The help text `id` (its attribute `attribute`, e.g. `long`, when given) in `lang`, with
/// `args`; `None` in English and when the catalog lacks it (the caller keeps the English).
pub fn help_message(
    lang: Lang,
    id: &str,
    attribute: Option<&str>,
    args: &FluentArgs,
) -> Option<String> {
    let index = HELP_SOURCES.iter().position(|(l, _)| *l == lang)?;
    let bundle = &help_bundles()[index];
    let message = bundle.get_message(id)?;
    let pattern = match attribute {
        Some(name) => message.get_attribute(name)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    debug_assert!(errors.is_empty(), "{lang} {id}: {errors:?}");
    Some(text.into_owned())
}

/// Every message of `lang`'s help catalog: its id and the names of its attributes (terms, the
/// `-`-prefixed shared wordings, left out).
pub fn help_messages(lang: Lang) -> Vec<(String, Vec<String>)> {
    let Some((_, source)) = HELP_SOURCES.iter().find(|(l, _)| *l == lang) else {
        return Vec::new();
    };
    let resource = FluentResource::try_new(source.to_string())
        .unwrap_or_else(|(_, errors)| panic!("locales/{lang}/help.ftl: {errors:?}"));
    resource
        .entries()
        .filter_map(|entry| match entry {
            Entry::Message(m) => Some((
                m.id.name.to_string(),
                m.attributes.iter().map(|a| a.id.name.to_string()).collect(),
            )),
            _ => None,
        })
        .collect()
}

/// What the web page's script shows, from the page's own messages (`page-*`) and those it
/// shares with the terminal: each message's text with its `{$name}` placeholders kept for the
/// script to fill (the page's messages choose no plural form, so none needs a number here).
pub fn page_messages(lang: Lang) -> BTreeMap<String, String> {
    const SHARED: [&str; 4] = ["policy-", "outcome-class-", "status-", "page-"];
    const ALSO: [&str; 24] = [
        "mark-unverified",
        "heading-conditions",
        "heading-notices",
        "destination-treated-as",
        "scenario-suffix",
        "outcome-not",
        // Hit review: the page's queue and the reviewed and re-raised matches of a screen.
        "decision-false-positive",
        "decision-true-match",
        "decision-escalated",
        "review-confirmed",
        "review-escalated",
        "review-reraised-changed",
        "review-reraised-expired",
        "heading-reviewed",
        "reviewed-hit",
        "reviewed-expires",
        "queue-empty",
        "queue-no-entry-id",
        // A possible outcome's review policy open between readings.
        "review-open",
        "review-reading-first",
        "review-reading-else",
        "review-reading-fallback",
        "review-reading-none",
        "list-semicolon",
    ];
    let english = FluentResource::try_new(SOURCES[0].1.to_string())
        .unwrap_or_else(|(_, errors)| panic!("locales/en/earl.ftl: {errors:?}"));
    let bundle = bundle_of(bundles(), lang);
    english
        .entries()
        .filter_map(|entry| match entry {
            Entry::Message(m) => Some(m.id.name),
            _ => None,
        })
        .filter(|id| SHARED.iter().any(|p| id.starts_with(p)) || ALSO.contains(id))
        .map(|id| {
            let text = placeholders_kept(bundle, id)
                .or_else(|| {
                    placeholders_kept(bundle_of(bundles(), Lang::En), id)
                        .map(|t| format!("{FALLBACK_MARK}{t}"))
                })
                .unwrap_or_default();
            (id.to_string(), text)
        })
        .collect()
}

/// A message with no arguments given: Fluent writes each variable as `{$name}`.
fn placeholders_kept(bundle: &Bundle, id: &str) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut missing_variables = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, None, &mut missing_variables)
            .into_owned(),
    )
}

fn bundle_of(bundles: &[Bundle; 3], lang: Lang) -> &Bundle {
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    &bundles[index]
}

/// `tr!(lang, "message-id", name = value, …)`: the message with its arguments. A value is
/// anything Fluent takes (`&str`, `String`, a number for a plural choice).
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        #[allow(unused_mut)]
        let mut args = $crate::i18n::fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::fluent_bundle::FluentValue::from($value)); )*
        $crate::i18n::message($lang, $id, &args)
    }};
}
