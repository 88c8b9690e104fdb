//! What the CLI says when it refuses bad input, in the language asked: an unknown chip or
//! country, a malformed date, a batch with rows it could not read or answer. The English is
//! what each error's own `Display` says (the API's and the JSON's text; tested), so a front end
//! without a language shows the same words.

use crate::lang::Lang;
use crate::prose::join;
use crate::tr;
use earl_core::shown::shown;
use earl_data::CountryError;
use earl_engine::InputError;

/// A refusal the CLI can write in any language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// An unknown chip or country, a malformed date.
    Input(InputError),
    /// `earl check --batch`: rows that could not be checked.
    RowsNotChecked { failed: u64, rows: u64 },
    /// `earl screen --batch`: rows that could not be screened.
    RowsNotScreened { failed: u64, rows: u64 },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Input(e) => e.fmt(f),
            Problem::RowsNotChecked { failed, rows } => {
                write!(
                    f,
                    "{failed} of {rows} rows could not be checked (see above)"
                )
            }
            Problem::RowsNotScreened { failed, rows } => {
                write!(
                    f,
                    "{failed} of {rows} rows could not be screened (see above)"
                )
            }
        }
    }
}

/// `p` in `lang`.
pub fn problem(p: &Problem, lang: Lang) -> String {
    match p {
        Problem::Input(e) => input(e, lang),
        Problem::RowsNotChecked { failed, rows } => tr!(
            lang,
            "error-rows-not-checked",
            failed = *failed,
            rows = *rows
        ),
        Problem::RowsNotScreened { failed, rows } => tr!(
            lang,
            "error-rows-not-screened",
            failed = *failed,
            rows = *rows
        ),
    }
}

/// Bad input in `lang`: the names the user typed (shown with their hidden characters made
/// visible) and earl's suggestions stay as they are.
pub fn input(e: &InputError, lang: Lang) -> String {
    match e {
        InputError::UnknownChip(e) if e.suggestions.is_empty() => {
            tr!(lang, "error-unknown-chip", name = shown(&e.name))
        }
        InputError::UnknownChip(e) => tr!(
            lang,
            "error-unknown-chip-suggest",
            name = shown(&e.name),
            suggestions = join(&e.suggestions, "list-comma", lang)
        ),
        InputError::Country(CountryError::Unknown { name, suggestions })
            if suggestions.is_empty() =>
        {
            tr!(lang, "error-unknown-country", name = shown(name))
        }
        InputError::Country(CountryError::Unknown { name, suggestions }) => tr!(
            lang,
            "error-unknown-country-suggest",
            name = shown(name),
            suggestions = join(suggestions, "list-comma", lang)
        ),
        InputError::Country(CountryError::Ambiguous { name, candidates }) => tr!(
            lang,
            "error-ambiguous-country",
            name = shown(name),
            candidates = join(candidates, "list-or", lang)
        ),
        InputError::BadDate { text, detail: None } => {
            tr!(lang, "error-bad-date", text = shown(text))
        }
        InputError::BadDate {
            text,
            detail: Some(detail),
        } => tr!(
            lang,
            "error-bad-date-detail",
            text = shown(text),
            detail = detail.as_str()
        ),
    }
}

/// A batch row the CSV reader could not read (`error`: the reader's reason, in English).
pub fn unreadable_row(file: &str, line: u64, error: &str, lang: Lang) -> String {
    tr!(
        lang,
        "error-unreadable-row",
        file = file,
        line = line,
        error = error
    )
}
