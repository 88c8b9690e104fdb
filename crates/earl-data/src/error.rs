//! Errors that say what is wrong and where: file, line, column and field.
//!
//! A fault found after parsing (an unknown chip id, a figure out of bounds) is located by its
//! [`FieldPath`] in the file's own syntax tree (`toml::de::DeTable`, which keeps the span of
//! every key and value), so the line and column are those of the offending value, whatever the
//! spacing, and of the right entry when two entries share an id.

use std::fmt;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// What kind of fault a data file has, for callers and tests that must tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The file cannot be read.
    Io,
    /// Not TOML, or not the shape the file must have (a missing or unknown field, a wrong type).
    Syntax,
    /// A name that refers to nothing: a chip id, country code, group, rule entry or source key.
    UnknownReference,
    /// An id, name or alias used twice.
    Duplicate,
    /// A figure outside physical bounds.
    OutOfBounds,
    /// A figure without its source.
    MissingSource,
    /// Any other value the rules of the file do not allow.
    Invalid,
}

/// One step of a field path: a table key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// Where a value is in a data file, from the top: `amendment[3].add.control[1].when.chips`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldPath(pub Vec<Seg>);

impl FieldPath {
    pub fn new() -> FieldPath {
        FieldPath(Vec::new())
    }

    /// This path with a key added.
    pub fn key(&self, k: &str) -> FieldPath {
        let mut p = self.clone();
        p.0.push(Seg::Key(k.to_string()));
        p
    }

    /// This path with an array index added.
    pub fn index(&self, i: usize) -> FieldPath {
        let mut p = self.clone();
        p.0.push(Seg::Index(i));
        p
    }

    /// This path followed by `rest`.
    pub fn join(&self, rest: &FieldPath) -> FieldPath {
        let mut p = self.clone();
        p.0.extend(rest.0.iter().cloned());
        p
    }

    /// Parses `when.metrics[0].value` (keys and indices only).
    pub fn parse(text: &str) -> FieldPath {
        let mut p = FieldPath::new();
        for part in text.split('.').filter(|s| !s.is_empty()) {
            let (key, rest) = part.split_once('[').unwrap_or((part, ""));
            if !key.is_empty() {
                p.0.push(Seg::Key(key.to_string()));
            }
            for index in rest.split('[') {
                if let Ok(i) = index.trim_end_matches(']').parse() {
                    p.0.push(Seg::Index(i));
                }
            }
        }
        p
    }

    /// The span of the value this path names in `text`, or of the deepest part of it found.
    pub fn span(&self, text: &str) -> Option<std::ops::Range<usize>> {
        let root = DeTable::parse(text).ok()?;
        let mut span = root.span();
        let mut table: Option<&DeTable> = Some(root.get_ref());
        let mut array: Option<&[Spanned<DeValue>]> = None;
        for seg in &self.0 {
            let value: &Spanned<DeValue> = match seg {
                Seg::Key(k) => match table.and_then(|t| t.get(k.as_str())) {
                    Some(v) => v,
                    None => break,
                },
                Seg::Index(i) => match array.and_then(|a| a.get(*i)) {
                    Some(v) => v,
                    None => break,
                },
            };
            span = value.span();
            table = None;
            array = None;
            match value.get_ref() {
                DeValue::Table(t) => table = Some(t),
                DeValue::Array(a) => array = Some(&a[..]),
                _ => {}
            }
        }
        Some(span)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// A data file that cannot be used, with the place of the fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub kind: ErrorKind,
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Path of the field at fault, e.g. `chip[3].die_area_mm2.value`.
    pub field: Option<String>,
    pub message: String,
}

impl DataError {
    pub fn new(file: &str, kind: ErrorKind, message: impl Into<String>) -> DataError {
        DataError {
            kind,
            file: file.to_string(),
            line: None,
            column: None,
            field: None,
            message: message.into(),
        }
    }

    /// A fault at the value `path` names in `text`: its line, column and field.
    pub fn located(
        file: &str,
        text: &str,
        path: &FieldPath,
        kind: ErrorKind,
        message: impl Into<String>,
    ) -> DataError {
        let e = DataError::new(file, kind, message).field(path.to_string());
        match path.span(text) {
            Some(span) => e.at(text, span.start),
            None => e,
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
        let e = DataError::new(file, ErrorKind::Syntax, err.message().trim().to_string());
        match err.span() {
            Some(span) => e.at(text, span.start),
            None => e,
        }
    }
}

/// A fault found in a parsed value, before it is placed in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// Path relative to the value checked.
    pub path: FieldPath,
    pub kind: ErrorKind,
    pub message: String,
}

impl Fault {
    pub fn new(path: &str, kind: ErrorKind, message: impl Into<String>) -> Fault {
        Fault {
            path: FieldPath::parse(path),
            kind,
            message: message.into(),
        }
    }

    /// The same fault one level down: under `prefix`.
    pub fn under(mut self, prefix: &FieldPath) -> Fault {
        self.path = prefix.join(&self.path);
        self
    }

    /// Places the fault in its file.
    pub fn locate(self, file: &str, text: &str, prefix: &FieldPath) -> DataError {
        DataError::located(
            file,
            text,
            &prefix.join(&self.path),
            self.kind,
            self.message,
        )
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_finds_its_value_whatever_the_spacing() {
        let text = "[[chip]]\nid=\"a\"\n\n[[chip]]\nid   =   \"a\"\ntops = [1, 2.5e308]\n";
        let p = FieldPath::parse("chip[1].tops[1]");
        let e = DataError::located("f", text, &p, ErrorKind::OutOfBounds, "too big");
        assert_eq!((e.line, e.column), (Some(6), Some(12)));
        assert_eq!(e.field.as_deref(), Some("chip[1].tops[1]"));
        // The second of two entries with one id is the one named.
        let e = DataError::located(
            "f",
            text,
            &FieldPath::parse("chip[1].id"),
            ErrorKind::Duplicate,
            "twice",
        );
        assert_eq!(e.line, Some(5));
    }
}
