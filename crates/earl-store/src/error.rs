use std::path::{Path, PathBuf};

/// Everything that can go wrong opening or using an audit store.
///
/// Every variant that concerns the database names its path, so a CLI can print
/// the error as is.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: is a directory; the audit trail needs a database file path", path.display())]
    IsDirectory { path: PathBuf },

    #[error("{}: cannot create the directory: {source}", path.display())]
    CreateDirectory {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("{}: no audit trail here", path.display())]
    Missing { path: PathBuf },

    #[error("{}: not an SQLite database", path.display())]
    NotSqlite { path: PathBuf },

    #[error(
        "{}: an SQLite database that is not an earl audit trail; refusing to modify it",
        path.display()
    )]
    ForeignSchema { path: PathBuf },

    #[error(
        "{}: audit trail schema version {found}, but this earl understands version {supported}",
        path.display()
    )]
    UnsupportedSchemaVersion {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error(
        "{}: audit trail schema version {found}: run `earl audit migrate` to upgrade it to version 3 (verified before and after, with a backup)",
        path.display()
    )]
    NeedsMigration { path: PathBuf, found: i64 },

    #[error("{}: schema version {found} is not a schema-2 trail; nothing to migrate", path.display())]
    NothingToMigrate { path: PathBuf, found: i64 },

    #[error("{}: a backup from an earlier migration is in the way; move it elsewhere first", path.display())]
    BackupExists { path: PathBuf },

    #[error("{}: migration refused: {reason}", path.display())]
    MigrationRefused { path: PathBuf, reason: String },

    #[error(
        "{}: SQLite cannot use write-ahead logging here (journal mode stays {journal_mode}); \
         is the file on a network file system?",
        path.display()
    )]
    NoWal { path: PathBuf, journal_mode: String },

    #[error("{}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },

    #[error("{}: record {seq} cannot be read: {reason}", path.display())]
    CorruptRecord {
        path: PathBuf,
        seq: u64,
        reason: String,
    },

    #[error("invalid time {value:?}: expected an RFC 3339 timestamp or a YYYY-MM-DD date")]
    InvalidTime { value: String },

    #[error("batch stopped after {committed} records were committed: {source}")]
    Batch {
        committed: u64,
        source: Box<StoreError>,
    },

    #[error("{}: the audit writer thread has stopped", path.display())]
    WriterStopped { path: PathBuf },

    #[error("writing the export: {0}")]
    Export(#[source] std::io::Error),
}

impl StoreError {
    /// Whether this is a failure to write a record (a full disk, an I/O error, a read-only
    /// file or medium, a writer that stopped): the question was answered but its answer could
    /// not be recorded, which is no fault of the input.
    pub fn is_write_failure(&self) -> bool {
        use rusqlite::ErrorCode::{
            CannotOpen, DiskFull, PermissionDenied, ReadOnly, SystemIoFailure,
        };
        match self {
            StoreError::Sqlite { source, .. } => matches!(
                source.sqlite_error_code(),
                Some(DiskFull | SystemIoFailure | ReadOnly | CannotOpen | PermissionDenied)
            ),
            StoreError::CreateDirectory { .. } | StoreError::WriterStopped { .. } => true,
            StoreError::Batch { source, .. } => source.is_write_failure(),
            _ => false,
        }
    }

    /// Wraps an SQLite error for `path`, recognising "not a database" so the
    /// message says what the user did wrong rather than what SQLite saw.
    pub(crate) fn sqlite(path: &Path, source: rusqlite::Error) -> Self {
        if source.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) {
            StoreError::NotSqlite {
                path: path.to_path_buf(),
            }
        } else {
            StoreError::Sqlite {
                path: path.to_path_buf(),
                source,
            }
        }
    }
}
