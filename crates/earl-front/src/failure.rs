//! A failed question: the exit code it ends with and what to tell the user.

use earl_engine::EngineError;
use earl_render::Lang;
use earl_render::errors::{FileProblem, Problem, RowReason};
use std::path::Path;

/// Exit code of a network failure.
pub const EXIT_NETWORK: u8 = 3;

/// Exit code when an answer could not be recorded in the audit trail (a full disk, an I/O
/// error, a read-only trail): the input was fine, and nothing was printed as recorded.
pub const EXIT_NOT_RECORDED: u8 = 4;

/// A failed command: the exit code (2 for bad input or data) and what to tell the user.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    /// In English (the API's, MCP's and Python's text).
    pub message: String,
    /// The same as a fact, when earl can say it in another language
    /// ([`earl_render::errors::problem`]); `message` is its English.
    /// (Boxed: a failure travels in every `Result` of the front ends.)
    pub problem: Option<Box<Problem>>,
}

impl Failure {
    pub fn input(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
            problem: None,
        }
    }

    /// A refusal earl can say in any language, with the exit code it ends with.
    pub fn said(code: u8, problem: Problem) -> Failure {
        Failure {
            code,
            message: problem.to_string(),
            problem: Some(Box::new(problem)),
        }
    }

    /// What to tell the user, in `lang` when earl has the words, else in English.
    pub fn text(&self, lang: Lang) -> String {
        match self.problem.as_deref() {
            Some(p) => earl_render::errors::problem(p, lang),
            None => self.message.clone(),
        }
    }

    /// A file's problem (exit code 2), said in any language.
    pub fn file(problem: FileProblem) -> Failure {
        Failure::said(2, Problem::File(problem))
    }

    /// `path: cannot open: …`
    pub fn cannot_open(path: &Path, e: &std::io::Error) -> Failure {
        Failure::file(FileProblem::CannotOpen {
            file: path.display().to_string(),
            error: e.into(),
        })
    }

    /// `path: cannot read: …`
    pub fn cannot_read(path: &Path, e: &std::io::Error) -> Failure {
        Failure::file(FileProblem::CannotRead {
            file: path.display().to_string(),
            error: e.into(),
        })
    }

    /// `path: cannot create: …`
    pub fn cannot_create(path: &Path, e: &std::io::Error) -> Failure {
        Failure::file(FileProblem::CannotCreate {
            file: path.display().to_string(),
            error: e.into(),
        })
    }

    /// `path: cannot write: …`, ending with `code`.
    pub fn cannot_write(code: u8, path: &Path, e: &std::io::Error) -> Failure {
        Failure::said(
            code,
            Problem::File(FileProblem::CannotWrite {
                file: path.display().to_string(),
                error: e.into(),
            }),
        )
    }

    /// `cannot write path: …` (`diff --svg`).
    pub fn cannot_write_file(path: &Path, e: &std::io::Error) -> Failure {
        Failure::file(FileProblem::CannotWriteFile {
            file: path.display().to_string(),
            error: e.into(),
        })
    }

    /// `path: line N: unreadable row: …` (the CSV reader's reason).
    pub fn unreadable_row(path: &Path, line: u64, e: &csv::Error) -> Failure {
        Failure::file(FileProblem::UnreadableRow {
            file: path.display().to_string(),
            line,
            error: e.into(),
        })
    }

    /// This failure as one batch row's reason (its English: `message`).
    pub fn row_reason(&self) -> RowReason {
        match self.problem.as_deref() {
            Some(Problem::Input(e)) => RowReason::Input(e.clone()),
            _ => RowReason::Said(self.message.clone()),
        }
    }

    pub fn internal(message: impl Into<String>) -> Failure {
        Failure {
            code: 1,
            message: message.into(),
            problem: None,
        }
    }
}

impl From<EngineError> for Failure {
    fn from(e: EngineError) -> Failure {
        match e {
            EngineError::Audit(e) => Failure::from(e),
            EngineError::Input(e) => Failure::said(2, Problem::Input(e)),
            e => Failure::input(e.to_string()),
        }
    }
}

impl From<earl_data::DataError> for Failure {
    fn from(e: earl_data::DataError) -> Failure {
        Failure::input(e.to_string())
    }
}

impl From<earl_store::StoreError> for Failure {
    fn from(e: earl_store::StoreError) -> Failure {
        match e.is_write_failure() {
            true => Failure {
                code: EXIT_NOT_RECORDED,
                message: format!("could not record: {e}"),
                problem: None,
            },
            false => Failure::said(2, Problem::Trail((&e).into())),
        }
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        Failure::internal(format!("output failed: {e}"))
    }
}
