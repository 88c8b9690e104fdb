//! Errors of list loading. Screening itself cannot fail: any text is a valid query.

use std::path::PathBuf;

/// Why a screening-list file was refused.
#[derive(Debug, thiserror::Error)]
pub enum ListError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A record is unusable; `line` is the 1-based line where the CSV record starts
    /// (for JSON, the 1-based position of the entry in its array).
    #[error("{file}: row at line {line}, column `{column}`: {problem}")]
    Malformed {
        file: String,
        line: u64,
        column: String,
        problem: String,
    },
    #[error("{file}: {problem}")]
    Format { file: String, problem: String },
}
