//! `--help` in the language asked. The English help is clap's, written from the doc comments
//! (one source of truth, untouched); in Arabic and Chinese the same command tree is walked and
//! every text replaced from `earl-render`'s help catalogs (`locales/<tag>/help.ftl`), keyed by
//! command path and argument id. That command parses the line, so `-h`, `--help`, `help SUB`
//! and the help clap shows for a missing subcommand are all in the language; `--version` stays
//! `earl X.Y.Z` (a name and a number).

use clap::builder::PossibleValue;
use clap::{Arg, ArgAction, Command, CommandFactory};
use earl_render::Lang;
use earl_render::i18n::fluent_bundle::{FluentArgs, FluentValue};
use earl_render::i18n::{FALLBACK_MARK, help_message};

/// The English headings the CLI's `next_help_heading`s give, and their catalog keys.
pub const HEADINGS: [(&str, &str); 1] = [(
    "Data options (every subcommand)",
    "help-heading-data-options",
)];

/// The catalog keys of what clap itself writes in a help (headings, its own flags and
/// subcommand, the bracketed notes after an argument's help), beside the English it writes.
pub const CLAP_TEXTS: [(&str, &str); 14] = [
    ("help-heading-commands", "Commands"),
    ("help-heading-arguments", "Arguments"),
    ("help-heading-options", "Options"),
    ("help-clap-help", "Print help"),
    ("help-clap-help-more", "Print help (see more with '--help')"),
    (
        "help-clap-help-summary",
        "Print help (see a summary with '-h')",
    ),
    ("help-clap-version", "Print version"),
    (
        "help-clap-help-command",
        "Print this message or the help of the given subcommand(s)",
    ),
    (
        "help-clap-help-command--subcommand",
        "Print help for the subcommand(s)",
    ),
    ("help-clap-env", "[env: {$setting}]"),
    ("help-clap-default", "[default: {$values}]"),
    ("help-clap-possible-values", "[possible values: {$values}]"),
    ("help-clap-possible-values-heading", "Possible values:"),
    ("help-clap-value", "- {$name}: {$help}"),
];

/// earl's command, its help in `lang`: in English exactly [`crate::Cli::command`].
pub fn command(lang: Lang) -> Command {
    let cmd = crate::Cli::command();
    if lang == Lang::En {
        return cmd;
    }
    let mut cmd = localize(cmd, &mut Vec::new(), lang);
    // clap adds its `help` subcommand while building; it is worded once built.
    cmd.build();
    localize_built(cmd, lang)
}

/// The catalog key of a command's help: `help-earl` for earl itself, `help-check`,
/// `help-review-add` for a subcommand (the path of names below earl).
pub fn command_key(path: &[String]) -> String {
    if path.is_empty() {
        "help-earl".to_string()
    } else {
        format!("help-{}", path.join("-"))
    }
}

/// The catalog key of an argument's help: its command's key, `--` and its id (`help-check--to`,
/// `help-check--end-user`: an id's `_` written `-`, as its flag is).
pub fn argument_key(path: &[String], id: &str) -> String {
    format!("{}--{}", command_key(path), id.replace('_', "-"))
}

/// One English text of the command tree, as the doc comments wrote it, and where its
/// translation is: the catalog key and attribute (`long` for a long help or about, `after` for
/// the text after the help, `value-NAME` for a possible value's help).
#[cfg(test)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnglishText {
    pub key: String,
    pub attribute: Option<String>,
    pub english: String,
}

/// Every English text of `cmd`'s tree (before clap builds it: its own flags are not there).
#[cfg(test)]
pub fn english_texts(cmd: &Command) -> Vec<EnglishText> {
    fn walk(cmd: &Command, path: &mut Vec<String>, out: &mut Vec<EnglishText>) {
        let key = command_key(path);
        let mut push = |key: &str, attribute: Option<String>, english: String| {
            out.push(EnglishText {
                key: key.to_string(),
                attribute,
                english,
            })
        };
        let texts = [
            (None, cmd.get_about()),
            (Some("long"), cmd.get_long_about()),
            (Some("after"), cmd.get_after_help()),
        ];
        for (attribute, text) in texts {
            if let Some(text) = text {
                push(&key, attribute.map(String::from), text.to_string());
            }
        }
        for arg in cmd.get_arguments() {
            let key = argument_key(path, arg.get_id().as_str());
            if let Some(help) = arg.get_help() {
                push(&key, None, help.to_string());
            }
            if let Some(help) = arg.get_long_help() {
                push(&key, Some("long".to_string()), help.to_string());
            }
            for value in values_with_help(arg) {
                let help = value
                    .get_help()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                push(&key, Some(value_attribute(&value)), help);
            }
        }
        for sub in cmd.get_subcommands() {
            path.push(sub.get_name().to_string());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(cmd, &mut Vec::new(), &mut out);
    out
}

/// The text `key` (`attribute`) in `lang`; the English, marked, when the catalog lacks it (a
/// test keeps every text in every catalog).
fn say(lang: Lang, key: &str, attribute: Option<&str>, english: &str) -> String {
    say_with(lang, key, attribute, english, &FluentArgs::new())
}

fn say_with(
    lang: Lang,
    key: &str,
    attribute: Option<&str>,
    english: &str,
    args: &FluentArgs,
) -> String {
    help_message(lang, key, attribute, args).unwrap_or_else(|| format!("{FALLBACK_MARK}{english}"))
}

fn clap_text(lang: Lang, key: &str, args: &FluentArgs) -> String {
    let english = CLAP_TEXTS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, english)| english);
    say_with(lang, key, None, english, args)
}

fn heading(lang: Lang, english: &str) -> String {
    match HEADINGS.iter().find(|(e, _)| *e == english) {
        Some((_, key)) => say(lang, key, None, english),
        None => format!("{FALLBACK_MARK}{english}"),
    }
}

/// The possible values whose help clap would list in a long help.
fn values_with_help(arg: &Arg) -> Vec<PossibleValue> {
    if !takes_values(arg) {
        return Vec::new();
    }
    arg.get_possible_values()
        .into_iter()
        .filter(|value| value.get_help().is_some() && !value.is_hide_set())
        .collect()
}

fn value_attribute(value: &PossibleValue) -> String {
    format!("value-{}", value.get_name())
}

/// Whether `arg` takes a value (before the command is built, clap has not yet said it: a flag
/// still reports the possible values of its `bool`).
fn takes_values(arg: &Arg) -> bool {
    arg.get_action().takes_values()
}

/// Where an argument is listed in the help: clap's order of headings, positional arguments,
/// then options, then the named headings.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    Arguments,
    Options,
    Named,
}

fn localize(mut cmd: Command, path: &mut Vec<String>, lang: Lang) -> Command {
    let key = command_key(path);
    if let Some(about) = cmd.get_about().map(ToString::to_string) {
        cmd = cmd.about(say(lang, &key, None, &about));
    }
    if let Some(about) = cmd.get_long_about().map(ToString::to_string) {
        cmd = cmd.long_about(say(lang, &key, Some("long"), &about));
    }
    if let Some(after) = cmd.get_after_help().map(ToString::to_string) {
        cmd = cmd.after_help(say(lang, &key, Some("after"), &after));
    }
    // clap shows a long help (`--help` apart from `-h`) when an argument has more to say.
    let long = cmd
        .get_arguments()
        .any(|a| a.get_long_help().is_some() || !values_with_help(a).is_empty());
    let mut places: Vec<(Place, String)> = Vec::new();
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let mut positionals = 0;
    for id in ids {
        let arg = cmd.get_arguments().find(|a| a.get_id() == id.as_str());
        let place = match arg.map(|a| (a.is_positional(), a.get_help_heading().is_some())) {
            Some((_, true)) => Place::Named,
            Some((true, false)) => Place::Arguments,
            _ => Place::Options,
        };
        let order = (place == Place::Arguments).then(|| {
            positionals += 1;
            positionals
        });
        cmd = cmd.mut_arg(&id, |arg| localize_arg(arg, path, place, order, long, lang));
        places.push((place, id));
    }
    // clap's own `-h`/`--help` (and `-V`/`--version` where earl has a version), worded here.
    let (help, long_help) = if long {
        (
            clap_text(lang, "help-clap-help-more", &FluentArgs::new()),
            Some(clap_text(
                lang,
                "help-clap-help-summary",
                &FluentArgs::new(),
            )),
        )
    } else {
        (clap_text(lang, "help-clap-help", &FluentArgs::new()), None)
    };
    let options = clap_text(lang, "help-heading-options", &FluentArgs::new());
    let mut help_flag = Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .help(help)
        .help_heading(options.clone());
    if let Some(long_help) = long_help {
        help_flag = help_flag.long_help(long_help);
    }
    cmd = cmd.disable_help_flag(true).arg(help_flag);
    places.push((Place::Options, "help".to_string()));
    if cmd.get_version().is_some() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(clap_text(lang, "help-clap-version", &FluentArgs::new()))
                .help_heading(options),
        );
        places.push((Place::Options, "version".to_string()));
    }
    // Every heading is now named, and clap lists named headings in the order their first
    // argument comes: arguments are moved (in order) so that it is clap's own order.
    places.sort_by_key(|(place, _)| *place);
    for (_, id) in &places {
        cmd = cmd.mut_arg(id, |arg| arg);
    }
    if cmd.has_subcommands() {
        cmd = cmd.subcommand_help_heading(clap_text(
            lang,
            "help-heading-commands",
            &FluentArgs::new(),
        ));
    }
    cmd = cmd.help_template(template(lang));
    cmd.mut_subcommands(|sub| {
        path.push(sub.get_name().to_string());
        let sub = localize(sub, path, lang);
        path.pop();
        sub
    })
}

/// clap's template with the usage line in the language (the same wording as its usage errors).
fn template(lang: Lang) -> String {
    let usage = earl_render::tr!(lang, "usage-usage", usage = "{usage}");
    format!("{{before-help}}{{about-with-newline}}\n{usage}\n\n{{all-args}}{{after-help}}")
}

fn localize_arg(
    mut arg: Arg,
    path: &[String],
    place: Place,
    order: Option<usize>,
    long: bool,
    lang: Lang,
) -> Arg {
    let key = argument_key(path, arg.get_id().as_str());
    let no_args = FluentArgs::new();
    arg = match place {
        Place::Arguments => arg
            .help_heading(clap_text(lang, "help-heading-arguments", &no_args))
            .display_order(order.unwrap_or_default()),
        Place::Options => arg.help_heading(clap_text(lang, "help-heading-options", &no_args)),
        Place::Named => {
            let english = arg.get_help_heading().unwrap_or_default().to_string();
            arg.help_heading(heading(lang, &english))
        }
    };
    let Some(english) = arg.get_help().map(ToString::to_string) else {
        return arg;
    };
    let help = say(lang, &key, None, &english);
    let long_help = arg
        .get_long_help()
        .map(|h| say(lang, &key, Some("long"), &h.to_string()));
    let listed = values_with_help(&arg);
    // clap's bracketed notes, worded: the environment variable, the default, the values.
    let mut notes = Vec::new();
    if let Some(name) = arg.get_env().map(|n| n.to_string_lossy().into_owned()) {
        let value = std::env::var_os(&name)
            .map(|v| v.to_string_lossy().into_owned())
            .unwrap_or_default();
        // One argument, so that in Arabic the whole `NAME=VALUE` is one isolated run.
        let mut args = FluentArgs::new();
        args.set("setting", FluentValue::from(format!("{name}={value}")));
        notes.push(clap_text(lang, "help-clap-env", &args));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_values(&arg) && !defaults.is_empty() {
        let mut args = FluentArgs::new();
        args.set("values", FluentValue::from(defaults.join(" ")));
        notes.push(clap_text(lang, "help-clap-default", &args));
    }
    let values: Vec<String> = if takes_values(&arg) {
        arg.get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| quoted(v.get_name()))
            .collect()
    } else {
        Vec::new()
    };
    let separator = earl_render::tr!(lang, "list-comma");
    let values_note = (!values.is_empty()).then(|| {
        let mut args = FluentArgs::new();
        args.set("values", FluentValue::from(values.join(&separator)));
        clap_text(lang, "help-clap-possible-values", &args)
    });
    let short_notes: Vec<&String> = notes.iter().chain(values_note.as_ref()).collect();
    let mut short = help.clone();
    for note in &short_notes {
        short.push(' ');
        short.push_str(note);
    }
    if arg.get_env().is_some() {
        arg = arg.hide_env(true);
    }
    if takes_values(&arg) {
        arg = arg.hide_default_value(true).hide_possible_values(true);
    }
    arg = arg.help(short);
    if long {
        // As clap writes a long help: the notes in a paragraph of their own, and the values
        // with help listed one a line, their names aligned.
        let mut text = long_help.unwrap_or(help);
        let long_notes: Vec<&String> = if listed.is_empty() {
            short_notes
        } else {
            notes.iter().collect()
        };
        if !long_notes.is_empty() {
            text.push_str("\n\n");
            text.push_str(
                &long_notes
                    .iter()
                    .map(|n| n.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
        if !listed.is_empty() {
            text.push_str("\n\n");
            text.push_str(&clap_text(
                lang,
                "help-clap-possible-values-heading",
                &no_args,
            ));
            let width = listed.iter().map(|v| v.get_name().len()).max();
            for value in &listed {
                let english = value
                    .get_help()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                let mut args = FluentArgs::new();
                let name = format!("{}:", value.get_name());
                args.set(
                    "name",
                    FluentValue::from(format!("{name:<w$}", w = width.unwrap_or(0) + 1)),
                );
                args.set(
                    "help",
                    FluentValue::from(say(lang, &key, Some(&value_attribute(value)), &english)),
                );
                text.push('\n');
                text.push_str(&clap_text(lang, "help-clap-value", &args));
            }
        }
        arg = arg.long_help(text);
    }
    arg
}

/// A value as clap shows it among the possible values: quoted when it has a space.
fn quoted(name: &str) -> String {
    if name.contains(char::is_whitespace) {
        format!("{name:?}")
    } else {
        name.to_string()
    }
}

/// What clap added while building, worded: every command's usage line, and its `help`
/// subcommand — clap's, built for `build` with copies of the whole tree under it, is put back
/// as parsing builds it (`earl help help` shows its one argument, as in English).
fn localize_built(cmd: Command, lang: Lang) -> Command {
    let no_args = FluentArgs::new();
    let mut cmd = cmd.help_template(template(lang));
    if cmd.has_subcommands() {
        cmd = cmd.subcommand_help_heading(clap_text(lang, "help-heading-commands", &no_args));
    }
    if cmd.find_subcommand("help").is_some() {
        let bin_name = format!("{} help", cmd.get_bin_name().unwrap_or(cmd.get_name()));
        cmd = cmd.mut_subcommand("help", |_| help_subcommand(bin_name, lang));
    }
    cmd.mut_subcommands(|sub| match sub.get_name() {
        "help" => sub,
        _ => localize_built(sub, lang),
    })
}

/// clap's `help` subcommand as it adds it while parsing, worded.
fn help_subcommand(bin_name: String, lang: Lang) -> Command {
    let no_args = FluentArgs::new();
    Command::new("help")
        .bin_name(bin_name)
        .about(clap_text(lang, "help-clap-help-command", &no_args))
        .help_template(template(lang))
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("subcommand")
                .action(ArgAction::Append)
                .num_args(..)
                .value_name("COMMAND")
                .help(clap_text(
                    lang,
                    "help-clap-help-command--subcommand",
                    &no_args,
                ))
                .help_heading(clap_text(lang, "help-heading-arguments", &no_args)),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use earl_render::i18n::help_messages;
    use std::collections::BTreeSet;

    const TRANSLATED: [Lang; 2] = [Lang::Ar, Lang::ZhHans];

    /// The fixed texts (headings, clap's own) every help catalog carries besides the tree's.
    fn fixed_keys() -> impl Iterator<Item = &'static str> {
        CLAP_TEXTS
            .iter()
            .map(|(key, _)| *key)
            .chain(HEADINGS.iter().map(|(_, key)| *key))
    }

    /// Every argument and subcommand of the whole tree has its Arabic and Chinese text, and
    /// no catalog entry names an argument, subcommand or attribute that does not exist.
    #[test]
    fn every_help_text_is_in_every_catalog_and_nothing_else_is() {
        let texts = english_texts(&crate::Cli::command());
        assert!(texts.len() > 200, "{} texts", texts.len());
        let expected: BTreeSet<(String, Option<String>)> = texts
            .iter()
            .map(|t| (t.key.clone(), t.attribute.clone()))
            .chain(fixed_keys().map(|key| (key.to_string(), None)))
            .collect();
        assert_eq!(
            expected.len(),
            texts.len() + fixed_keys().count(),
            "two texts share a key"
        );
        // Every heading a `next_help_heading` gives has its key.
        let headings: BTreeSet<String> = all_commands(&crate::Cli::command())
            .iter()
            .flat_map(|c| c.get_arguments().filter_map(|a| a.get_help_heading()))
            .map(str::to_string)
            .collect();
        for heading in &headings {
            assert!(
                HEADINGS.iter().any(|(english, _)| english == heading),
                "no key for the heading {heading:?}"
            );
        }
        for lang in TRANSLATED {
            let catalog: BTreeSet<(String, Option<String>)> = help_messages(lang)
                .into_iter()
                .flat_map(|(id, attributes)| {
                    let entries = std::iter::once(None).chain(attributes.into_iter().map(Some));
                    entries.map(move |attribute| (id.clone(), attribute))
                })
                .collect();
            let missing: Vec<_> = expected.difference(&catalog).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:#?}");
            let orphans: Vec<_> = catalog.difference(&expected).collect();
            assert!(
                orphans.is_empty(),
                "{lang} has entries for nothing in the command tree: {orphans:#?}"
            );
        }
    }

    fn all_commands(cmd: &Command) -> Vec<&Command> {
        let mut out = vec![cmd];
        for sub in cmd.get_subcommands() {
            out.extend(all_commands(sub));
        }
        out
    }

    /// Every help page of the tree (`-h` and `--help`, every subcommand), in Arabic and in
    /// Chinese, holds no English sentence of the doc comments and none of clap's own.
    #[test]
    fn no_help_page_says_an_english_sentence() {
        let texts = english_texts(&crate::Cli::command());
        let clap_english = [
            "Usage:",
            "Commands:",
            "Arguments:",
            "Options:",
            "Print help",
            "Print version",
            "Print this message",
            "[env:",
            "[default:",
            "[possible values:",
            "Possible values:",
            FALLBACK_MARK,
        ];
        for lang in TRANSLATED {
            let mut cmd = command(lang);
            let mut pages = 0;
            let mut check = |cmd: &mut Command, path: &str| {
                for page in [cmd.render_help(), cmd.render_long_help()] {
                    let page = page.to_string();
                    for text in &texts {
                        assert!(
                            !page.contains(&text.english),
                            "{lang} `{path}` says {:?}:\n{page}",
                            text.english
                        );
                    }
                    for english in clap_english {
                        assert!(!page.contains(english), "{lang} `{path}` says {english:?}");
                    }
                    pages += 1;
                }
            };
            fn walk(cmd: &mut Command, path: String, check: &mut impl FnMut(&mut Command, &str)) {
                check(cmd, &path);
                for sub in cmd.get_subcommands_mut() {
                    let path = format!("{path} {}", sub.get_name());
                    walk(sub, path, check);
                }
            }
            walk(&mut cmd, "earl".to_string(), &mut check);
            assert!(pages > 100, "{lang}: {pages} pages");
        }
    }

    /// The localised command parses as earl's own: the same arguments, flags and subcommands.
    #[test]
    fn the_localised_command_has_the_same_arguments() {
        fn shape(cmd: &Command, path: &str, out: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                out.push(format!(
                    "{path} {} {:?} {:?} {:?}",
                    arg.get_id(),
                    arg.get_short(),
                    arg.get_long(),
                    arg.get_value_names()
                ));
            }
            // clap's own `help` subcommand: built for `build` with the tree under it, put back
            // as parsing builds it in the localised command (`earl help help` shows it).
            for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                shape(sub, &format!("{path} {}", sub.get_name()), out);
            }
        }
        let mut english = crate::Cli::command();
        english.build();
        let mut expected = Vec::new();
        shape(&english, "earl", &mut expected);
        expected.sort();
        for lang in TRANSLATED {
            let mut localised = Vec::new();
            shape(&command(lang), "earl", &mut localised);
            localised.sort();
            let differ: Vec<_> = expected
                .iter()
                .filter(|e| !localised.contains(e))
                .chain(localised.iter().filter(|l| !expected.contains(l)))
                .collect();
            assert!(differ.is_empty(), "{lang}: {differ:#?}");
        }
        assert_eq!(
            command(Lang::ZhHans).render_version(),
            english.render_version()
        );
    }
}
