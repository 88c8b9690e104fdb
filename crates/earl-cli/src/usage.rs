//! clap's usage errors in the language asked: the language is read from the raw command line
//! (clap refused it, so there is no parsed `--lang`), and the error from clap's structured parts.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use earl_render::Lang;
use earl_render::usage::{Conflicting, Similar, Tip, UsageError, Wrong};
use std::ffi::OsString;

/// The language of a command line clap refused: `--lang X` or `--lang=X` before any `--`, then
/// the environment, as [`Lang::from_cli`] decides for a parsed one; an unknown language is
/// English (its own refusal comes once the line parses).
pub fn lang_of(args: &[OsString], var: impl Fn(&str) -> Option<String>) -> Lang {
    let mut flag = None;
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            flag = args.next().map(|v| v.into_owned());
            break;
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            flag = Some(value.to_string());
            break;
        }
    }
    Lang::from_cli(flag.as_deref(), var).unwrap_or(Lang::En)
}

/// `e` in parts, when it is of a kind earl words and clap gave every part that kind needs;
/// `None` leaves it in clap's own words.
pub fn usage_error(e: &clap::Error) -> Option<UsageError> {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let texts = |kind| match e.get(kind) {
        Some(ContextValue::Strings(s)) => Some(s.clone()),
        Some(ContextValue::String(s)) => Some(vec![s.clone()]),
        _ => None,
    };
    let wrong = match e.kind() {
        ErrorKind::UnknownArgument => Wrong::UnknownArgument {
            arg: text(ContextKind::InvalidArg)?,
        },
        ErrorKind::InvalidSubcommand => Wrong::UnknownSubcommand {
            name: text(ContextKind::InvalidSubcommand)?,
        },
        ErrorKind::MissingRequiredArgument => Wrong::MissingArguments {
            args: texts(ContextKind::InvalidArg)?,
        },
        ErrorKind::InvalidValue => {
            let arg = text(ContextKind::InvalidArg)?;
            let value = text(ContextKind::InvalidValue)?;
            if value.is_empty() {
                Wrong::ValueMissing { arg }
            } else {
                Wrong::InvalidValue {
                    arg,
                    value,
                    possible: texts(ContextKind::ValidValue).unwrap_or_default(),
                }
            }
        }
        ErrorKind::ValueValidation => Wrong::BadValue {
            arg: text(ContextKind::InvalidArg)?,
            value: text(ContextKind::InvalidValue)?,
            reason: std::error::Error::source(e).map(ToString::to_string),
        },
        ErrorKind::ArgumentConflict => {
            let arg = text(ContextKind::InvalidArg)?;
            match e.get(ContextKind::PriorArg) {
                Some(ContextValue::String(prior)) if *prior == arg => Wrong::UsedTwice { arg },
                Some(ContextValue::String(prior)) => Wrong::Conflict {
                    arg,
                    with: Conflicting::One(prior.clone()),
                },
                Some(ContextValue::Strings(prior)) => Wrong::Conflict {
                    arg,
                    with: Conflicting::Many(prior.clone()),
                },
                _ => Wrong::Conflict {
                    arg,
                    with: Conflicting::Unnamed,
                },
            }
        }
        ErrorKind::TooManyValues => Wrong::ExtraValue {
            arg: text(ContextKind::InvalidArg)?,
            value: text(ContextKind::InvalidValue)?,
        },
        ErrorKind::MissingSubcommand => Wrong::MissingSubcommand {
            name: text(ContextKind::InvalidSubcommand)?,
            subcommands: texts(ContextKind::ValidSubcommand).unwrap_or_default(),
        },
        _ => return None,
    };
    let mut tips = Vec::new();
    for (kind, what) in [
        (ContextKind::SuggestedSubcommand, Similar::Subcommand),
        (ContextKind::SuggestedArg, Similar::Argument),
        (ContextKind::SuggestedValue, Similar::Value),
    ] {
        if let Some(names) = texts(kind).filter(|n| !n.is_empty()) {
            tips.push(Tip::Similar { what, names });
        }
    }
    if let Some(ContextValue::StyledStrs(said)) = e.get(ContextKind::Suggested) {
        tips.extend(said.iter().map(|s| pass_as_value(&s.to_string())));
    }
    let usage = match e.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(usage)) => {
            Some(usage.to_string().strip_prefix("Usage: ")?.to_string())
        }
        _ => None,
    };
    // clap points to `--help` unless the command has none (earl's commands all have it).
    let help = Some("--help".to_string());
    Some(UsageError {
        wrong,
        tips,
        usage,
        help,
    })
}

/// clap's one tip that has no structured part, "to pass '{arg}' as a value, use '{command}'",
/// in parts; any other stays clap's English.
fn pass_as_value(tip: &str) -> Tip {
    let parts = tip
        .strip_prefix("to pass '")
        .and_then(|rest| rest.strip_suffix('\''))
        .and_then(|rest| rest.split_once("' as a value, use '"));
    match parts {
        Some((arg, command)) if !arg.contains('\'') && !command.contains('\'') => {
            Tip::PassAsValue {
                arg: arg.to_string(),
                command: command.to_string(),
            }
        }
        _ => Tip::Said(tip.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    /// The English catalog says what clap says, byte for byte, for every kind earl words.
    #[test]
    fn the_english_catalog_is_claps_own_message() {
        let lines: [&[&str]; 12] = [
            &["earl", "check", "H200", "--bogus"],
            &["earl", "check", "H200", "--to", "CN", "--chip-count", "3"],
            &["earl", "chek"],
            &["earl", "check"],
            &["earl", "review", "add", "--party", "X", "--entry", "E"],
            &["earl", "review", "add", "--decision", "false"],
            &["earl", "review", "add", "--decision", "maybe"],
            &["earl", "check", "H200", "--to"],
            &["earl", "check", "H200", "--us-tech", "maybe"],
            &["earl", "ship", "--licence", "L", "--us"],
            &["earl", "check", "H200", "--to", "CN", "--to", "US"],
            &["earl", "screen", "Huawei", "extra"],
        ];
        for line in lines {
            let e = crate::Cli::try_parse_from(line).err().expect("refused");
            let parts = usage_error(&e).unwrap_or_else(|| panic!("{line:?}: {e}"));
            assert_eq!(
                earl_render::usage::usage_error(&parts, Lang::En),
                e.to_string(),
                "{line:?}"
            );
        }
    }

    #[test]
    fn the_language_is_the_flags_then_the_environments() {
        let none = |_: &str| None;
        let zh_env = |name: &str| (name == "EARL_LANG").then(|| "zh".to_string());
        assert_eq!(
            lang_of(&os(&["earl", "--lang", "ar", "chek"]), none),
            Lang::Ar
        );
        assert_eq!(
            lang_of(&os(&["earl", "chek", "--lang=zh"]), none),
            Lang::ZhHans
        );
        assert_eq!(
            lang_of(&os(&["earl", "chek", "--lang=en"]), zh_env),
            Lang::En
        );
        assert_eq!(lang_of(&os(&["earl", "chek"]), zh_env), Lang::ZhHans);
        // After `--` it is a value; an unknown language is English here.
        assert_eq!(
            lang_of(&os(&["earl", "screen", "--", "--lang", "ar"]), none),
            Lang::En
        );
        assert_eq!(
            lang_of(&os(&["earl", "--lang", "fr", "chek"]), zh_env),
            Lang::En
        );
    }
}
