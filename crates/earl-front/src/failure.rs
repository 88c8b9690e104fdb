//! A failed question: the exit code it ends with and what to tell the user.

use earl_engine::EngineError;

/// Exit code of a network failure.
pub const EXIT_NETWORK: u8 = 3;

/// Exit code when an answer could not be recorded in the audit trail (a full disk, an I/O
/// error, a read-only trail): the input was fine, and nothing was printed as recorded.
pub const EXIT_NOT_RECORDED: u8 = 4;

/// A failed command: the exit code (2 for bad input or data) and what to tell the user.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    pub fn input(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
        }
    }

    /// A network failure (cannot connect, timed out, an HTTP error, a transfer cut short):
    /// exit code 3.
    pub fn network(message: impl Into<String>) -> Failure {
        Failure {
            code: EXIT_NETWORK,
            message: message.into(),
        }
    }

    pub fn internal(message: impl Into<String>) -> Failure {
        Failure {
            code: 1,
            message: message.into(),
        }
    }
}

impl From<EngineError> for Failure {
    fn from(e: EngineError) -> Failure {
        match e {
            EngineError::Audit(e) => Failure::from(e),
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
            },
            false => Failure::input(format!("audit trail: {e}")),
        }
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        Failure::internal(format!("output failed: {e}"))
    }
}
