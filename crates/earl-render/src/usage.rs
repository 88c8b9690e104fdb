//! A command line the CLI's argument parser refused (an unknown flag, a missing argument, a
//! value it does not take …), in the language asked. The parts are the parser's (the CLI takes
//! them from clap's error); the words are the catalog's. In English the CLI prints the parser's
//! own message; the English catalog says the same words (tested in earl-cli).

use crate::lang::Lang;
use crate::prose::join;
use crate::tr;

/// What was wrong with the command line, its tips, and the usage line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError {
    pub wrong: Wrong,
    pub tips: Vec<Tip>,
    /// The usage line after its "Usage: " label, as the parser writes it (names, not words).
    pub usage: Option<String>,
    /// The flag the last line points to ("--help"), when the command has one.
    pub help: Option<String>,
}

/// What the parser found wrong. Arguments are as the parser names them (`--to <TO>`, `<CHIP>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wrong {
    UnknownArgument {
        arg: String,
    },
    UnknownSubcommand {
        name: String,
    },
    MissingArguments {
        args: Vec<String>,
    },
    /// A flag given without its value.
    ValueMissing {
        arg: String,
    },
    /// A value that is none of `possible` (none listed when the parser lists none).
    InvalidValue {
        arg: String,
        value: String,
        possible: Vec<String>,
    },
    /// A value the argument's own parser refused; `reason` is that parser's, in English.
    BadValue {
        arg: String,
        value: String,
        reason: Option<String>,
    },
    UsedTwice {
        arg: String,
    },
    /// An argument given with others it excludes (`with`: none named when the parser names none).
    Conflict {
        arg: String,
        with: Conflicting,
    },
    ExtraValue {
        arg: String,
        value: String,
    },
    MissingSubcommand {
        name: String,
        subcommands: Vec<String>,
    },
}

/// The arguments a [`Wrong::Conflict`] names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflicting {
    One(String),
    Many(Vec<String>),
    Unnamed,
}

/// A tip after the error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tip {
    /// Names near the one given.
    Similar { what: Similar, names: Vec<String> },
    /// An argument that looks like a flag, passed as a value with `command` (`-- --bogus`).
    PassAsValue { arg: String, command: String },
    /// Any other tip, in the parser's English.
    Said(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Similar {
    Argument,
    Subcommand,
    Value,
}

/// The parser's indent before a listed argument or a tip.
const INDENT: &str = "  ";

/// `e` in `lang`, laid out as the parser lays it out (ending with a newline).
pub fn usage_error(e: &UsageError, lang: Lang) -> String {
    let (first, listed) = wrong(&e.wrong, lang);
    // The listed lines stay out of the error's message: each is its own line, as in clap.
    let mut text = tr!(lang, "usage-error", wrong = first) + &lines(&listed);
    if !e.tips.is_empty() {
        text.push('\n');
        for t in &e.tips {
            text.push('\n');
            text.push_str(INDENT);
            text.push_str(&tr!(lang, "usage-tip", tip = tip(t, lang)));
        }
    }
    if let Some(usage) = &e.usage {
        text.push_str("\n\n");
        text.push_str(&tr!(lang, "usage-usage", usage = usage.as_str()));
    }
    if let Some(help) = &e.help {
        text.push_str("\n\n");
        text.push_str(&tr!(lang, "usage-more", help = help.as_str()));
    }
    text.push('\n');
    text
}

/// `items` one per line, each indented.
fn lines(items: &[String]) -> String {
    items.iter().map(|i| format!("\n{INDENT}{i}")).collect()
}

/// What was wrong: its sentence, and the lines listed under it.
fn wrong(w: &Wrong, lang: Lang) -> (String, Vec<String>) {
    let alone = |sentence: String| (sentence, Vec::new());
    match w {
        Wrong::UnknownArgument { arg } => {
            alone(tr!(lang, "usage-unknown-argument", arg = arg.as_str()))
        }
        Wrong::UnknownSubcommand { name } => {
            alone(tr!(lang, "usage-unknown-subcommand", name = name.as_str()))
        }
        Wrong::MissingArguments { args } => (tr!(lang, "usage-missing-arguments"), args.clone()),
        Wrong::ValueMissing { arg } => alone(tr!(lang, "usage-value-missing", arg = arg.as_str())),
        Wrong::InvalidValue {
            arg,
            value,
            possible,
        } => (
            tr!(
                lang,
                "usage-invalid-value",
                arg = arg.as_str(),
                value = value.as_str()
            ),
            listed("usage-possible-values", possible, lang),
        ),
        Wrong::BadValue {
            arg,
            value,
            reason: None,
        } => alone(tr!(
            lang,
            "usage-invalid-value",
            arg = arg.as_str(),
            value = value.as_str()
        )),
        Wrong::BadValue {
            arg,
            value,
            reason: Some(reason),
        } => alone(tr!(
            lang,
            "usage-bad-value",
            arg = arg.as_str(),
            value = value.as_str(),
            reason = reason.as_str()
        )),
        Wrong::UsedTwice { arg } => alone(tr!(lang, "usage-used-twice", arg = arg.as_str())),
        Wrong::Conflict {
            arg,
            with: Conflicting::One(other),
        } => alone(tr!(
            lang,
            "usage-conflict",
            arg = arg.as_str(),
            other = other.as_str()
        )),
        Wrong::Conflict {
            arg,
            with: Conflicting::Many(others),
        } => (
            tr!(lang, "usage-conflict-many", arg = arg.as_str()),
            others.clone(),
        ),
        Wrong::Conflict {
            arg,
            with: Conflicting::Unnamed,
        } => alone(tr!(lang, "usage-conflict-unnamed", arg = arg.as_str())),
        Wrong::ExtraValue { arg, value } => alone(tr!(
            lang,
            "usage-extra-value",
            arg = arg.as_str(),
            value = value.as_str()
        )),
        Wrong::MissingSubcommand { name, subcommands } => (
            tr!(lang, "usage-missing-subcommand", name = name.as_str()),
            listed("usage-subcommands", subcommands, lang),
        ),
    }
}

/// `values` as the one bracketed line `id` says (none when there are none).
fn listed(id: &str, values: &[String], lang: Lang) -> Vec<String> {
    if values.is_empty() {
        return Vec::new();
    }
    vec![tr!(lang, id, values = join(values, "list-comma", lang))]
}

fn tip(t: &Tip, lang: Lang) -> String {
    match t {
        Tip::Similar { what, names } => {
            let quoted: Vec<String> = names
                .iter()
                .map(|n| tr!(lang, "usage-quoted", name = n.as_str()))
                .collect();
            let id = match (what, names.len()) {
                (Similar::Argument, 1) => "usage-similar-argument",
                (Similar::Argument, _) => "usage-similar-arguments",
                (Similar::Subcommand, 1) => "usage-similar-subcommand",
                (Similar::Subcommand, _) => "usage-similar-subcommands",
                (Similar::Value, 1) => "usage-similar-value",
                (Similar::Value, _) => "usage-similar-values",
            };
            tr!(lang, id, names = join(&quoted, "list-comma", lang))
        }
        Tip::PassAsValue { arg, command } => tr!(
            lang,
            "usage-pass-as-value",
            arg = arg.as_str(),
            command = command.as_str()
        ),
        Tip::Said(text) => text.clone(),
    }
}
