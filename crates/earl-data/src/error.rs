//! Errors that say what is wrong and where: file, line, column and field.

use std::fmt;

/// A data file that cannot be used, with the place of the fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Path of the field at fault, e.g. `chip[3].die_area_mm2.source`.
    pub field: Option<String>,
    pub message: String,
}

impl DataError {
    pub fn new(file: &str, message: impl Into<String>) -> DataError {
        DataError {
            file: file.to_string(),
            line: None,
            column: None,
            field: None,
            message: message.into(),
        }
    }

    pub fn at(mut self, text: &str, offset: usize) -> DataError {
        let (line, column) = line_col(text, offset);
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> DataError {
        self.field = Some(field.into());
        self
    }

    /// Converts a TOML parse or shape error, keeping its position.
    pub fn from_toml(file: &str, text: &str, err: &toml::de::Error) -> DataError {
        let e = DataError::new(file, err.message().trim().to_string());
        match err.span() {
            Some(span) => e.at(text, span.start),
            None => e,
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        if let Some(field) = &self.field {
            write!(f, ": field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for DataError {}

/// 1-based line and column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
