//! What the CLI says when it refuses bad input, in the language asked: an unknown chip or
//! country, a malformed date, a batch with rows it could not read or answer. The English is
//! what each error's own `Display` says (the API's and the JSON's text; tested), so a front end
//! without a language shows the same words.

use crate::lang::Lang;
use crate::prose::join;
use crate::tr;
use earl_core::shown::shown;
use earl_data::CountryError;
use earl_engine::{InputError, Unscreenable};

/// A refusal the CLI can write in any language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// An unknown chip or country, a malformed date.
    Input(InputError),
    /// `earl check --batch`: rows that could not be checked.
    RowsNotChecked { failed: u64, rows: u64 },
    /// `earl screen --batch`: rows that could not be screened.
    RowsNotScreened { failed: u64, rows: u64 },
    /// A file the user named that earl cannot open or read, or whose columns or rows are
    /// wrong.
    File(FileProblem),
    /// `earl update`: a list refused because lists in it shrank (`drops`, none accepted with
    /// `--accept-drop`) — what a truncated download looks like.
    ListDropped {
        origin: String,
        drops: Vec<earl_screen::CountDrop>,
    },
    /// `earl update`: a list refused because it holds no entries.
    ListEmpty { origin: String },
    /// `earl update`: a server that answered `url` with an HTTP error (`status`: "404 Not
    /// Found", the status line as the HTTP library writes it).
    HttpStatus { url: String, status: String },
    /// `earl update`: no answer from `url` (`error`: the HTTP library's, in English).
    CannotFetch { url: String, error: String },
    /// `earl update`: a download from `url` that stopped after `bytes` bytes (`error`: the HTTP
    /// library's), or that stopped at all (`bytes`: `None`, GLEIF).
    CutShort {
        url: String,
        bytes: Option<u64>,
        error: String,
    },
    /// `earl update`: a download of `got` bytes where the server announced `expected`.
    ShortOf {
        url: String,
        got: u64,
        expected: u64,
    },
    /// `earl update --ownership`: GLEIF failed `attempts` times; the last failure.
    GaveUp {
        url: String,
        last: RetryReason,
        attempts: u32,
    },
    /// `earl update --ownership`: an answer that is not UTF-8.
    AnswerNotUtf8 { url: String },
    /// `earl update --ownership`: an answer that is not JSON (`error`: the parser's).
    AnswerNotJson { url: String, error: String },
    /// `earl update`: a list the loader refused (`error`: the loader's, in English).
    ListRefused { origin: String, error: String },
    /// `earl update`: documents the feed's parser refused (`error`: its own, in English).
    DocumentsRefused { error: String },
    /// `earl update`: more pages of documents than earl reads.
    TooManyPages { base: String, max: u64 },
    /// `earl update --from-dir`: no list file in the directory.
    NoListsFile { dir: String },
    /// `earl update --ownership --from-dir`: no GLEIF file in the directory.
    NoGleifFiles { dir: String },
    /// A JSON file that does not parse (`error`: the parser's, in English).
    NotJson { file: String, error: String },
    /// The audit trail could not be opened or read: "audit trail: {reason}".
    Trail(TrailReason),
    /// `--no-audit` given to a command whose facts are kept in the audit trail.
    NeedsTrail(TrailUse),
    /// `earl serve --token-file`: a file it cannot read.
    TokenFileUnreadable { file: String, error: IoReason },
    /// `earl serve --token-file`: a file with no token in it.
    TokenFileEmpty { file: String },
    /// `earl serve`: `EARL_TOKEN` set to nothing.
    TokenVarEmpty,
    /// `earl serve`: an address that is not loopback, without a token.
    TokenRequired { addr: String },
    /// `earl serve --addr`: an address it cannot use (`reason`: the resolver's, in English).
    BadAddress { addr: String, reason: String },
}

/// Why the audit trail could not be used: its kind, for the words of another language, and the
/// store's own sentence (English, with the path), which is what English says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrailReason {
    pub kind: TrailKind,
    pub text: String,
}

/// The kinds of [`TrailReason`] earl words in every language; any other keeps the store's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrailKind {
    IsDirectory { path: String },
    Missing { path: String },
    NotSqlite { path: String },
    ForeignSchema { path: String },
    NeedsMigration { path: String, found: i64 },
    Other,
}

impl From<&earl_store::StoreError> for TrailReason {
    fn from(e: &earl_store::StoreError) -> TrailReason {
        use earl_store::StoreError as E;
        let shown = |p: &std::path::Path| p.display().to_string();
        let kind = match e {
            E::IsDirectory { path } => TrailKind::IsDirectory { path: shown(path) },
            E::Missing { path } => TrailKind::Missing { path: shown(path) },
            E::NotSqlite { path } => TrailKind::NotSqlite { path: shown(path) },
            E::ForeignSchema { path } => TrailKind::ForeignSchema { path: shown(path) },
            E::NeedsMigration { path, found } => TrailKind::NeedsMigration {
                path: shown(path),
                found: *found,
            },
            _ => TrailKind::Other,
        };
        TrailReason {
            kind,
            text: e.to_string(),
        }
    }
}

/// What a command keeps in the audit trail, refused with `--no-audit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrailUse {
    Dispositions,
    ReviewQueue,
    Ledger,
}

/// The last failure of a request tried again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RetryReason {
    /// The server answered with this HTTP status.
    Status(u16),
    /// No answer (the HTTP library's reason, in English).
    Error(String),
}

impl std::fmt::Display for RetryReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RetryReason::Status(status) => write!(f, "the server answered HTTP {status}"),
            RetryReason::Error(e) => f.write_str(e),
        }
    }
}

/// Why an input or output call failed: its kind, for the words of another language, and the
/// system's own sentence (English, with its error number), which is what English says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IoReason {
    pub kind: IoKind,
    pub text: String,
}

/// The kinds of [`IoReason`] earl words in every language; any other keeps the system's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoKind {
    NotFound,
    PermissionDenied,
    Other,
}

impl From<&std::io::Error> for IoReason {
    fn from(e: &std::io::Error) -> IoReason {
        IoReason {
            kind: match e.kind() {
                std::io::ErrorKind::NotFound => IoKind::NotFound,
                std::io::ErrorKind::PermissionDenied => IoKind::PermissionDenied,
                _ => IoKind::Other,
            },
            text: e.to_string(),
        }
    }
}

impl std::fmt::Display for IoReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// Why the CSV reader could not read a row: its kind, for the words of another language, and
/// the reader's own sentence (English, with record and byte), which is what English says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvReason {
    pub kind: CsvKind,
    pub text: String,
}

/// The kinds of [`CsvReason`] earl words in every language; any other keeps the reader's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvKind {
    /// The row's `column`-th field (1-based) is not UTF-8.
    NotUtf8 {
        column: u64,
    },
    /// The row has `found` fields where the rows before it have `expected`.
    FieldCount {
        expected: u64,
        found: u64,
    },
    Other,
}

impl From<&csv::Error> for CsvReason {
    fn from(e: &csv::Error) -> CsvReason {
        let kind = match e.kind() {
            // The reader counts fields from 0.
            csv::ErrorKind::Utf8 { err, .. } => CsvKind::NotUtf8 {
                column: err.field() as u64 + 1,
            },
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => CsvKind::FieldCount {
                expected: *expected_len,
                found: *len,
            },
            _ => CsvKind::Other,
        };
        CsvReason {
            kind,
            text: e.to_string(),
        }
    }
}

impl std::fmt::Display for CsvReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// What is wrong with a file the user named, and where (its name as the user gave it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    CannotOpen {
        file: String,
        error: IoReason,
    },
    CannotRead {
        file: String,
        error: IoReason,
    },
    /// An output file (`--out`) or directory earl cannot create.
    CannotCreate {
        file: String,
        error: IoReason,
    },
    /// A file or directory earl cannot write (`man --dir`, `update`'s files): "{file}: cannot
    /// write: {error}".
    CannotWrite {
        file: String,
        error: IoReason,
    },
    /// A file earl cannot write (`diff --svg`): "cannot write {file}: {error}".
    CannotWriteFile {
        file: String,
        error: IoReason,
    },
    /// A row the CSV reader could not read.
    UnreadableRow {
        file: String,
        line: u64,
        error: CsvReason,
    },
    /// The header (line 1) misses a column, names an unknown one or one twice.
    Column {
        file: String,
        problem: ColumnProblem,
    },
    /// `earl match --batch`: the header lacks `a` or `b`.
    MissingPairColumn {
        file: String,
        name: String,
    },
    /// A row's own reason, at its line.
    Row {
        file: String,
        line: u64,
        reason: RowReason,
    },
    /// `review import`: a reason at a line, said "{file}:{line}: {reason}".
    At {
        file: String,
        line: u64,
        reason: RowReason,
    },
}

/// What is wrong with a header's columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnProblem {
    /// `column`: 1-based; `hint`: the nearest known column, when one is near.
    Unknown {
        column: usize,
        name: String,
        hint: Option<String>,
        expected: Vec<String>,
    },
    Twice {
        name: String,
    },
    Missing {
        name: String,
        expected: Vec<String>,
    },
}

impl ColumnProblem {
    /// The 1-based column at fault, when one is.
    pub fn column(&self) -> Option<usize> {
        match self {
            ColumnProblem::Unknown { column, .. } => Some(*column),
            _ => None,
        }
    }
}

/// What is wrong with the header, without where (the text Python's `check_many` gives).
impl std::fmt::Display for ColumnProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ColumnProblem::Unknown {
                name,
                hint,
                expected,
                ..
            } => {
                write!(f, "unknown column `{name}`")?;
                if let Some(hint) = hint {
                    write!(f, " (did you mean `{hint}`?)")?;
                }
                write!(f, "; the columns are: {}", expected.join(", "))
            }
            ColumnProblem::Twice { name } => write!(f, "column `{name}` appears twice"),
            ColumnProblem::Missing { name, expected } => write!(
                f,
                "missing column `{name}` (the columns are: {})",
                expected.join(", ")
            ),
        }
    }
}

/// Why one row of a batch could not be answered. Its English (`Display`) is what the output's
/// `error` or `reason` column holds, in every language: data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowReason {
    /// An unknown chip or country, a malformed date.
    Input(InputError),
    NotWholeNumber {
        column: String,
        text: String,
    },
    NotNumber {
        column: String,
        text: String,
    },
    NotYesNo {
        column: String,
        text: String,
    },
    /// `ship --batch`: a quantity that is not a whole number of units.
    QuantityNotUnits,
    /// `ship --batch`: a row under a licence that also says `us`.
    LicenceAndUs,
    /// `owners import`: a row whose owner and owned are the same name.
    OwnsItself {
        name: String,
    },
    /// `owners import`: a `percent` that is not a share in (0, 100].
    NotShare {
        text: String,
    },
    /// `owners import`: a `from` or `to` that is not a date.
    NotDate {
        column: String,
        text: String,
    },
    /// `owners import`: a `to` before the row's `from`.
    ToBeforeFrom {
        from: String,
        to: String,
    },
    /// `review import`: a header column it does not know, and the columns it knows.
    UnknownReviewColumn {
        name: String,
        required: Vec<String>,
        optional: Vec<String>,
    },
    /// `review import`: the header lacks a required column.
    HeaderLacks {
        name: String,
    },
    /// `review import`: a `decision` that is none of the three.
    NotDecision,
    /// `owners import`: the same holding for the same dates on two rows.
    HoldingTwice {
        owner: String,
        owned: String,
    },
    /// `owners import`: a column's cell refused as input (a name that cannot be screened).
    InColumn {
        column: String,
        error: Box<InputError>,
    },
    /// A row the CSV reader could not read.
    Unreadable(CsvReason),
    /// Any other reason, in English only.
    Said(String),
}

impl std::fmt::Display for RowReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RowReason::Input(e) => e.fmt(f),
            RowReason::NotWholeNumber { column, text } => {
                write!(f, "{column} `{text}` is not a whole number")
            }
            RowReason::NotNumber { column, text } => write!(f, "{column} `{text}` is not a number"),
            RowReason::NotYesNo { column, text } => write!(
                f,
                "{column} `{text}` is not yes or no (leave it out when the fact is not known)"
            ),
            RowReason::QuantityNotUnits => f.write_str("quantity is not a whole number of units"),
            RowReason::LicenceAndUs => {
                f.write_str("a row is either under a licence or `us`, not both")
            }
            RowReason::OwnsItself { name } => {
                write!(f, "`{}` is said to own itself", shown(name))
            }
            RowReason::NotShare { text } => write!(
                f,
                "column `percent`: `{}` is not a share more than 0 and at most 100",
                shown(text)
            ),
            RowReason::NotDate { column, text } => write!(
                f,
                "column `{column}`: `{}` is not a date (YYYY-MM-DD)",
                shown(text)
            ),
            RowReason::ToBeforeFrom { from, to } => {
                write!(f, "column `to`: {to} is before `from` {from}")
            }
            RowReason::UnknownReviewColumn {
                name,
                required,
                optional,
            } => write!(
                f,
                "unknown column `{name}` (columns: {}, optionally {})",
                required.join(", "),
                optional.join(", ")
            ),
            RowReason::HeaderLacks { name } => write!(f, "the header lacks `{name}`"),
            RowReason::NotDecision => {
                f.write_str("`decision` is false-positive, true-match or escalated")
            }
            RowReason::HoldingTwice { owner, owned } => write!(
                f,
                "the holding of `{}` in `{}` for the same dates is given twice",
                shown(owner),
                shown(owned)
            ),
            RowReason::InColumn { column, error } => write!(f, "column `{column}`: {error}"),
            RowReason::Unreadable(e) => write!(f, "unreadable row: {e}"),
            RowReason::Said(s) => f.write_str(s),
        }
    }
}

impl From<earl_engine::EngineError> for RowReason {
    fn from(e: earl_engine::EngineError) -> RowReason {
        match e {
            earl_engine::EngineError::Input(e) => RowReason::Input(e),
            e => RowReason::Said(e.to_string()),
        }
    }
}

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileProblem::CannotOpen { file, error } => write!(f, "{file}: cannot open: {error}"),
            FileProblem::CannotRead { file, error } => write!(f, "{file}: cannot read: {error}"),
            FileProblem::CannotCreate { file, error } => {
                write!(f, "{file}: cannot create: {error}")
            }
            FileProblem::CannotWrite { file, error } => {
                write!(f, "{file}: cannot write: {error}")
            }
            FileProblem::CannotWriteFile { file, error } => {
                write!(f, "cannot write {file}: {error}")
            }
            FileProblem::UnreadableRow { file, line, error } => {
                write!(f, "{file}: line {line}: unreadable row: {error}")
            }
            FileProblem::Column { file, problem } => match problem.column() {
                Some(c) => write!(f, "{file}: line 1, column {c}: {problem}"),
                None => write!(f, "{file}: line 1: {problem}"),
            },
            FileProblem::MissingPairColumn { file, name } => write!(
                f,
                "{file}: line 1: missing column `{name}` (columns a and b are compared)"
            ),
            FileProblem::Row { file, line, reason } => write!(f, "{file}: line {line}: {reason}"),
            FileProblem::At { file, line, reason } => write!(f, "{file}:{line}: {reason}"),
        }
    }
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
            Problem::File(p) => p.fmt(f),
            Problem::ListDropped { origin, drops } => {
                let drops: Vec<String> = drops.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "refused the list from {origin}: {}; a truncated download looks like this. If the lists really shrank, run again with --accept-drop",
                    drops.join("; ")
                )
            }
            Problem::ListEmpty { origin } => {
                write!(f, "refused the list from {origin}: it holds no entries")
            }
            Problem::HttpStatus { url, status } => {
                write!(f, "{url}: the server answered HTTP {status}")
            }
            Problem::CannotFetch { url, error } => write!(
                f,
                "cannot fetch {url}: {error} (offline? for an air-gapped site, download the files elsewhere and use `earl update --from-dir DIR`)"
            ),
            Problem::CutShort {
                url,
                bytes: Some(bytes),
                error,
            } => write!(
                f,
                "{url}: the download was cut short after {bytes} bytes: {error}"
            ),
            Problem::CutShort {
                url,
                bytes: None,
                error,
            } => write!(f, "{url}: the download was cut short: {error}"),
            Problem::ShortOf { url, got, expected } => write!(
                f,
                "{url}: the download was cut short: {got} of {expected} bytes"
            ),
            Problem::GaveUp {
                url,
                last,
                attempts,
            } => write!(f, "{url}: {last} (tried {attempts} times)"),
            Problem::AnswerNotUtf8 { url } => write!(f, "{url}: the answer is not UTF-8"),
            Problem::AnswerNotJson { url, error } => {
                write!(f, "{url}: the answer is not JSON: {error}")
            }
            Problem::ListRefused { origin, error } => {
                write!(f, "refused the list from {origin}: {error}")
            }
            Problem::DocumentsRefused { error } => write!(f, "refused the documents: {error}"),
            Problem::TooManyPages { base, max } => write!(
                f,
                "refused the documents from {base}: more than {max} pages"
            ),
            Problem::NoListsFile { dir } => write!(
                f,
                "{dir}: no consolidated.json or consolidated.csv (trade.gov's CSL download)"
            ),
            Problem::NoGleifFiles { dir } => {
                write!(f, "{dir}: no gleif*.json (GLEIF API documents)")
            }
            Problem::NotJson { file, error } => write!(f, "{file}: not valid JSON: {error}"),
            Problem::Trail(reason) => write!(f, "audit trail: {}", reason.text),
            Problem::NeedsTrail(TrailUse::Dispositions) => {
                f.write_str("dispositions are kept in the audit trail: drop --no-audit")
            }
            Problem::NeedsTrail(TrailUse::ReviewQueue) => {
                f.write_str("the review queue is read from the audit trail: drop --no-audit")
            }
            Problem::NeedsTrail(TrailUse::Ledger) => {
                f.write_str("licences and shipments are kept in the audit trail: drop --no-audit")
            }
            Problem::TokenFileUnreadable { file, error } => {
                write!(f, "{file}: cannot read the token file: {error}")
            }
            Problem::TokenFileEmpty { file } => write!(f, "{file}: the token file is empty"),
            Problem::TokenVarEmpty => f.write_str("EARL_TOKEN is set but empty"),
            Problem::TokenRequired { addr } => write!(
                f,
                "refusing to listen on {addr}, which is not a loopback address, without a token: set EARL_TOKEN or pass --token-file FILE (or listen on 127.0.0.1)"
            ),
            Problem::BadAddress { addr, reason } => {
                write!(f, "cannot use the address `{addr}`: {reason}")
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
        Problem::File(p) => file(p, lang),
        Problem::ListDropped { origin, drops } => {
            let drops: Vec<String> = drops
                .iter()
                .map(|d| crate::currency::count_drop(d, lang))
                .collect();
            tr!(
                lang,
                "error-list-dropped",
                origin = origin.as_str(),
                drops = drops.join(&tr!(lang, "list-semicolon"))
            )
        }
        Problem::ListEmpty { origin } => {
            tr!(lang, "error-list-empty", origin = origin.as_str())
        }
        Problem::HttpStatus { url, status } => tr!(
            lang,
            "error-http-status",
            url = url.as_str(),
            status = status.as_str()
        ),
        Problem::CannotFetch { url, error } => tr!(
            lang,
            "error-cannot-fetch",
            url = url.as_str(),
            error = error.as_str()
        ),
        Problem::CutShort {
            url,
            bytes: Some(bytes),
            error,
        } => tr!(
            lang,
            "error-cut-short-after",
            url = url.as_str(),
            bytes = bytes.to_string(),
            error = error.as_str()
        ),
        Problem::CutShort {
            url,
            bytes: None,
            error,
        } => tr!(
            lang,
            "error-cut-short",
            url = url.as_str(),
            error = error.as_str()
        ),
        Problem::ShortOf { url, got, expected } => tr!(
            lang,
            "error-short-of",
            url = url.as_str(),
            got = got.to_string(),
            expected = expected.to_string()
        ),
        Problem::GaveUp {
            url,
            last,
            attempts,
        } => {
            let last = match last {
                RetryReason::Status(status) => {
                    tr!(lang, "error-http-answer", status = status.to_string())
                }
                RetryReason::Error(e) => e.clone(),
            };
            tr!(
                lang,
                "error-gave-up",
                url = url.as_str(),
                last = last,
                attempts = attempts.to_string()
            )
        }
        Problem::AnswerNotUtf8 { url } => tr!(lang, "error-answer-not-utf8", url = url.as_str()),
        Problem::AnswerNotJson { url, error } => tr!(
            lang,
            "error-answer-not-json",
            url = url.as_str(),
            error = error.as_str()
        ),
        Problem::ListRefused { origin, error } => tr!(
            lang,
            "error-list-refused",
            origin = origin.as_str(),
            error = error.as_str()
        ),
        Problem::DocumentsRefused { error } => {
            tr!(lang, "error-documents-refused", error = error.as_str())
        }
        Problem::TooManyPages { base, max } => tr!(
            lang,
            "error-too-many-pages",
            base = base.as_str(),
            max = max.to_string()
        ),
        Problem::NoListsFile { dir } => tr!(lang, "error-no-lists-file", dir = dir.as_str()),
        Problem::NoGleifFiles { dir } => tr!(lang, "error-no-gleif-files", dir = dir.as_str()),
        Problem::NotJson { file, error } => tr!(
            lang,
            "error-not-json",
            file = file.as_str(),
            error = error.as_str()
        ),
        Problem::Trail(reason) => trail(reason, lang),
        Problem::NeedsTrail(what) => tr!(
            lang,
            match what {
                TrailUse::Dispositions => "error-needs-trail-dispositions",
                TrailUse::ReviewQueue => "error-needs-trail-review-queue",
                TrailUse::Ledger => "error-needs-trail-ledger",
            }
        ),
        Problem::TokenFileUnreadable { file, error } => tr!(
            lang,
            "error-token-file-unreadable",
            file = file.as_str(),
            error = io(error, lang)
        ),
        Problem::TokenFileEmpty { file } => {
            tr!(lang, "error-token-file-empty", file = file.as_str())
        }
        Problem::TokenVarEmpty => tr!(lang, "error-token-var-empty"),
        Problem::TokenRequired { addr } => {
            tr!(lang, "error-token-required", addr = addr.as_str())
        }
        Problem::BadAddress { addr, reason } => tr!(
            lang,
            "error-bad-address",
            addr = addr.as_str(),
            reason = reason.as_str()
        ),
    }
}

/// A file's problem in `lang`: the file's name, its columns' names, the user's cells and the
/// CSV reader's reason stay as they are.
pub fn file(p: &FileProblem, lang: Lang) -> String {
    match lang {
        // The error's own text, byte for byte (what the API and scripts have always seen):
        // a name with hidden characters is shown as it is, not as `<U+XXXX>`.
        Lang::En => p.to_string(),
        _ => file_words(p, lang),
    }
}

/// [`file`] from the catalog (tested to say the English of `Display` too).
fn file_words(p: &FileProblem, lang: Lang) -> String {
    match p {
        FileProblem::CannotOpen { file, error } => tr!(
            lang,
            "error-cannot-open",
            file = file.as_str(),
            error = io(error, lang)
        ),
        FileProblem::CannotRead { file, error } => tr!(
            lang,
            "error-cannot-read",
            file = file.as_str(),
            error = io(error, lang)
        ),
        FileProblem::CannotCreate { file, error } => tr!(
            lang,
            "error-cannot-create",
            file = file.as_str(),
            error = io(error, lang)
        ),
        FileProblem::CannotWrite { file, error } => tr!(
            lang,
            "error-cannot-write",
            file = file.as_str(),
            error = io(error, lang)
        ),
        FileProblem::CannotWriteFile { file, error } => tr!(
            lang,
            "error-cannot-write-file",
            file = file.as_str(),
            error = io(error, lang)
        ),
        FileProblem::UnreadableRow { file, line, error } => {
            unreadable_row(file, *line, error, lang)
        }
        FileProblem::Column { file, problem } => column(file, problem, lang),
        FileProblem::MissingPairColumn { file, name } => tr!(
            lang,
            "error-missing-pair-column",
            file = file.as_str(),
            name = shown(name)
        ),
        FileProblem::Row { file, line, reason } => tr!(
            lang,
            "error-row",
            file = file.as_str(),
            line = *line,
            reason = row_words(reason, lang)
        ),
        FileProblem::At { file, line, reason } => tr!(
            lang,
            "error-at",
            file = file.as_str(),
            line = *line,
            reason = row_words(reason, lang)
        ),
    }
}

/// The system's reason in `lang`, for the kinds earl words.
fn io(e: &IoReason, lang: Lang) -> String {
    match e.kind {
        _ if lang == Lang::En => e.text.clone(),
        IoKind::NotFound => tr!(lang, "io-not-found"),
        IoKind::PermissionDenied => tr!(lang, "io-permission-denied"),
        IoKind::Other => e.text.clone(),
    }
}

fn column(file: &str, p: &ColumnProblem, lang: Lang) -> String {
    let listed = |columns: &[String]| join(columns, "list-comma", lang);
    match p {
        ColumnProblem::Unknown {
            column,
            name,
            hint: None,
            expected,
        } => tr!(
            lang,
            "error-unknown-column",
            file = file,
            column = *column,
            name = shown(name),
            expected = listed(expected)
        ),
        ColumnProblem::Unknown {
            column,
            name,
            hint: Some(hint),
            expected,
        } => tr!(
            lang,
            "error-unknown-column-hint",
            file = file,
            column = *column,
            name = shown(name),
            hint = hint.as_str(),
            expected = listed(expected)
        ),
        ColumnProblem::Twice { name } => {
            tr!(lang, "error-column-twice", file = file, name = shown(name))
        }
        ColumnProblem::Missing { name, expected } => tr!(
            lang,
            "error-missing-column",
            file = file,
            name = shown(name),
            expected = listed(expected)
        ),
    }
}

/// A batch row's reason in `lang` (the output file keeps its English: `reason.to_string()`).
pub fn row_reason(r: &RowReason, lang: Lang) -> String {
    match lang {
        Lang::En => r.to_string(),
        _ => row_words(r, lang),
    }
}

fn row_words(r: &RowReason, lang: Lang) -> String {
    match r {
        RowReason::Input(e) => input(e, lang),
        RowReason::NotWholeNumber { column, text } => tr!(
            lang,
            "error-not-whole-number",
            column = column.as_str(),
            text = shown(text)
        ),
        RowReason::NotNumber { column, text } => tr!(
            lang,
            "error-not-number",
            column = column.as_str(),
            text = shown(text)
        ),
        RowReason::NotYesNo { column, text } => tr!(
            lang,
            "error-not-yes-no",
            column = column.as_str(),
            text = shown(text)
        ),
        RowReason::QuantityNotUnits => tr!(lang, "error-quantity-not-units"),
        RowReason::LicenceAndUs => tr!(lang, "error-licence-and-us"),
        RowReason::OwnsItself { name } => tr!(lang, "error-owns-itself", name = shown(name)),
        RowReason::NotShare { text } => tr!(lang, "error-not-share", text = shown(text)),
        RowReason::NotDate { column, text } => tr!(
            lang,
            "error-not-date",
            column = column.as_str(),
            text = shown(text)
        ),
        RowReason::ToBeforeFrom { from, to } => tr!(
            lang,
            "error-to-before-from",
            from = from.as_str(),
            to = to.as_str()
        ),
        RowReason::UnknownReviewColumn {
            name,
            required,
            optional,
        } => tr!(
            lang,
            "error-review-unknown-column",
            name = shown(name),
            required = required.join(", "),
            optional = optional.join(", ")
        ),
        RowReason::HeaderLacks { name } => tr!(lang, "error-header-lacks", name = name.as_str()),
        RowReason::NotDecision => tr!(lang, "error-not-decision"),
        RowReason::HoldingTwice { owner, owned } => tr!(
            lang,
            "error-holding-twice",
            owner = shown(owner),
            owned = shown(owned)
        ),
        RowReason::InColumn { column, error } => tr!(
            lang,
            "error-in-column",
            column = column.as_str(),
            error = input(error, lang)
        ),
        RowReason::Unreadable(e) => tr!(lang, "error-unreadable", error = csv_reason(e, lang)),
        RowReason::Said(s) => s.clone(),
    }
}

/// A batch row's line on stderr: `file: line N: reason`, in `lang`.
pub fn batch_row(file: &str, line: u64, reason: &RowReason, lang: Lang) -> String {
    match reason {
        RowReason::Unreadable(error) => unreadable_row(file, line, error, lang),
        reason => self::file(
            &FileProblem::Row {
                file: file.to_string(),
                line,
                reason: reason.clone(),
            },
            lang,
        ),
    }
}

/// The note for the optional columns a file lacks (taken as empty in every row).
pub fn absent_columns(file: &str, columns: &[&str], lang: Lang) -> String {
    let columns: Vec<String> = columns.iter().map(|c| format!("`{c}`")).collect();
    tr!(
        lang,
        "note-absent-columns",
        file = file,
        columns = join(&columns, "list-comma", lang)
    )
}

/// The API's message for an error that is only an HTTP status (no such endpoint, a timeout,
/// a body too large …) in `lang`.
pub fn api_status(status: u16, lang: Lang) -> String {
    let id = match status {
        404 => "api-status-not-found",
        405 => "api-status-method-not-allowed",
        408 => "api-status-timeout",
        413 => "api-status-payload-too-large",
        415 => "api-status-unsupported-media-type",
        401 => "api-status-unauthorized",
        400..=499 => "api-status-bad-request",
        _ => "api-status-internal",
    };
    tr!(lang, id)
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
        InputError::UnknownScenario { name, known } => tr!(
            lang,
            "error-unknown-scenario",
            name = shown(name),
            known = join(known, "list-comma", lang)
        ),
        InputError::UnknownPoint { spec, known } => tr!(
            lang,
            "error-unknown-point",
            spec = shown(spec),
            known = join(known, "list-comma", lang)
        ),
        InputError::NotAssignment {
            flag,
            arg,
            form,
            example,
        } => tr!(
            lang,
            "error-not-assignment",
            flag = flag.as_str(),
            arg = shown(arg),
            form = form.as_str(),
            example = example.as_str()
        ),
        InputError::BadUnits { arg, n } => {
            tr!(lang, "error-bad-units", arg = shown(arg), n = shown(n))
        }
        InputError::ZeroUnits { arg } => tr!(lang, "error-zero-units", arg = shown(arg)),
        InputError::BadPrice { arg, price } => tr!(
            lang,
            "error-bad-price",
            arg = shown(arg),
            price = shown(price)
        ),
        InputError::Unscreenable { subject, name, why } => {
            let subject = name_subject(subject, lang);
            let name = shown(name);
            match why {
                Unscreenable::Empty => tr!(lang, "error-name-empty", subject = subject),
                Unscreenable::TooLong { max } => {
                    tr!(lang, "error-name-too-long", subject = subject, max = *max)
                }
                Unscreenable::Hidden {
                    code_point,
                    at,
                    bidi,
                } => tr!(
                    lang,
                    if *bidi {
                        "error-name-bidi"
                    } else {
                        "error-name-control"
                    },
                    subject = subject,
                    name = name,
                    char = code_point.as_str(),
                    at = *at
                ),
                Unscreenable::NoLetter => {
                    tr!(lang, "error-name-no-letter", subject = subject, name = name)
                }
            }
        }
        InputError::BadCount { arg, n } => {
            tr!(lang, "error-bad-count", arg = arg.as_str(), n = n.as_str())
        }
        InputError::ThresholdRange { value } => {
            tr!(lang, "error-threshold-range", value = value.as_str())
        }
        InputError::OutOfBounds { flag, value, bound } => out_of_bounds(flag, value, bound, lang),
        InputError::NoOwnershipGraph => tr!(lang, "error-no-ownership-graph"),
        InputError::NoDisposition { id } => {
            tr!(lang, "error-no-disposition", id = id.to_string())
        }
        InputError::AlreadyRevoked { id } => {
            tr!(lang, "error-already-revoked", id = id.to_string())
        }
        InputError::UnitsOutOfBounds { what, quantity } => tr!(
            lang,
            "error-units-out-of-bounds",
            what = what.as_str(),
            quantity = quantity.to_string()
        ),
        InputError::ValueOutOfBounds { what, value } => tr!(
            lang,
            "error-value-out-of-bounds",
            what = what.as_str(),
            value = value.as_str()
        ),
    }
}

/// A figure outside its bound: what the figure is and why the bound is where it is, in the
/// language, for the nine bounds earl has; a bound the renderer does not know keeps its English.
fn out_of_bounds(flag: &str, value: &str, bound: &earl_core::bounds::Bound, lang: Lang) -> String {
    let (what, reason) = match bound.key {
        "tops" | "tpp" | "die-area" | "pd" | "memory-bandwidth" | "chip-to-chip"
        | "package-area" | "memory" | "power" => (
            tr!(lang, &format!("bound-what-{}", bound.key)),
            tr!(lang, &format!("bound-reason-{}", bound.key)),
        ),
        _ => (bound.what.to_string(), bound.reason.to_string()),
    };
    let min = bound.min.to_string();
    let low = if bound.min_exclusive {
        tr!(lang, "bound-more-than", min = min.as_str())
    } else {
        tr!(lang, "bound-at-least", min = min.as_str())
    };
    tr!(
        lang,
        "error-out-of-bounds",
        flag = flag,
        value = value,
        what = what.as_str(),
        low = low.as_str(),
        max = bound.max.to_string(),
        reason = reason.as_str()
    )
}

/// Which name a refusal is about, in `lang`: the engine says it in English ("the end user
/// name"); the ones it uses have a message (`name-subject-*`), any other stays English.
fn name_subject(subject: &str, lang: Lang) -> String {
    let id = match subject {
        "the name" => "name-subject-name",
        "the name to screen" => "name-subject-to-screen",
        "the first name" => "name-subject-first",
        "the second name" => "name-subject-second",
        "the end user name" => "name-subject-end-user",
        "the owner name" => "name-subject-owner-name",
        "the party name" => "name-subject-party",
        "the owner" => "name-subject-owner",
        "the owned" => "name-subject-owned",
        other => return other.to_string(),
    };
    tr!(lang, id)
}

/// The audit trail's refusal in `lang`: English (and any kind not worded) is the store's own
/// sentence.
fn trail(r: &TrailReason, lang: Lang) -> String {
    let path = |id: &str, path: &str| tr!(lang, id, path = path);
    match (&r.kind, lang) {
        (_, Lang::En) | (TrailKind::Other, _) => {
            tr!(lang, "error-trail", reason = r.text.as_str())
        }
        (TrailKind::IsDirectory { path: p }, _) => path("error-trail-is-directory", p),
        (TrailKind::Missing { path: p }, _) => path("error-trail-missing", p),
        (TrailKind::NotSqlite { path: p }, _) => path("error-trail-not-sqlite", p),
        (TrailKind::ForeignSchema { path: p }, _) => path("error-trail-foreign", p),
        (TrailKind::NeedsMigration { path, found }, _) => tr!(
            lang,
            "error-trail-needs-migration",
            path = path.as_str(),
            found = found.to_string()
        ),
    }
}

/// `earl serve`'s warning for a token shorter than `min` characters.
pub fn short_token(min: usize, lang: Lang) -> String {
    tr!(lang, "warning-short-token", min = min)
}

/// A batch row the CSV reader could not read.
pub fn unreadable_row(file: &str, line: u64, error: &CsvReason, lang: Lang) -> String {
    tr!(
        lang,
        "error-unreadable-row",
        file = file,
        line = line,
        error = csv_reason(error, lang)
    )
}

/// The CSV reader's reason in `lang`: English (and any kind not worded) is the reader's own
/// sentence.
fn csv_reason(e: &CsvReason, lang: Lang) -> String {
    match (lang, e.kind) {
        (Lang::En, _) | (_, CsvKind::Other) => e.text.clone(),
        (_, CsvKind::NotUtf8 { column }) => tr!(lang, "csv-not-utf8", column = column),
        (_, CsvKind::FieldCount { expected, found }) => {
            tr!(lang, "csv-field-count", expected = expected, found = found)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The English catalog says what each problem's `Display` says (for names without hidden
    /// characters), so the catalog a translator reads is the English earl prints.
    #[test]
    fn the_english_catalog_is_each_problems_display() {
        let file = || "rows.csv".to_string();
        let expected = vec!["chip".to_string(), "destination".to_string()];
        let not_found = IoReason {
            kind: IoKind::Other,
            text: "No such file or directory (os error 2)".into(),
        };
        let reasons = [
            RowReason::NotWholeNumber {
                column: "quantity".into(),
                text: "lots".into(),
            },
            RowReason::NotNumber {
                column: "percent".into(),
                text: "half".into(),
            },
            RowReason::NotYesNo {
                column: "us_tech".into(),
                text: "maybe".into(),
            },
            RowReason::QuantityNotUnits,
            RowReason::LicenceAndUs,
            RowReason::OwnsItself {
                name: "Acme".into(),
            },
            RowReason::NotShare { text: "150".into() },
            RowReason::NotDate {
                column: "from".into(),
                text: "soon".into(),
            },
            RowReason::ToBeforeFrom {
                from: "2026-02-01".into(),
                to: "2026-01-01".into(),
            },
            RowReason::UnknownReviewColumn {
                name: "color".into(),
                required: vec!["party".into(), "entry".into()],
                optional: vec!["country".into(), "expires".into()],
            },
            RowReason::HeaderLacks {
                name: "reason".into(),
            },
            RowReason::NotDecision,
            RowReason::HoldingTwice {
                owner: "Acme".into(),
                owned: "Beta".into(),
            },
            RowReason::InColumn {
                column: "owner".into(),
                error: Box::new(InputError::Unscreenable {
                    subject: "the owner".into(),
                    name: String::new(),
                    why: Unscreenable::Empty,
                }),
            },
            RowReason::Input(InputError::UnitsOutOfBounds {
                what: "quantity".into(),
                quantity: 0,
            }),
            RowReason::Input(InputError::ValueOutOfBounds {
                what: "value".into(),
                value: "100000000000000".into(),
            }),
            RowReason::Unreadable(CsvReason {
                kind: CsvKind::Other,
                text: "CSV error".into(),
            }),
            RowReason::Said("anything".into()),
        ];
        let mut problems = vec![
            FileProblem::CannotOpen {
                file: file(),
                error: not_found.clone(),
            },
            FileProblem::CannotRead {
                file: file(),
                error: not_found.clone(),
            },
            FileProblem::CannotCreate {
                file: file(),
                error: not_found,
            },
            FileProblem::UnreadableRow {
                file: file(),
                line: 4,
                error: CsvReason {
                    kind: CsvKind::FieldCount {
                        expected: 3,
                        found: 2,
                    },
                    text: "CSV error".into(),
                },
            },
            FileProblem::MissingPairColumn {
                file: file(),
                name: "a".into(),
            },
        ];
        for problem in [
            ColumnProblem::Unknown {
                column: 3,
                name: "end user".into(),
                hint: Some("end_user".into()),
                expected: expected.clone(),
            },
            ColumnProblem::Unknown {
                column: 3,
                name: "zzz".into(),
                hint: None,
                expected: expected.clone(),
            },
            ColumnProblem::Twice {
                name: "chip".into(),
            },
            ColumnProblem::Missing {
                name: "destination".into(),
                expected,
            },
        ] {
            problems.push(FileProblem::Column {
                file: file(),
                problem,
            });
        }
        for reason in reasons {
            assert_eq!(row_words(&reason, Lang::En), reason.to_string());
            problems.push(FileProblem::At {
                file: file(),
                line: 2,
                reason: reason.clone(),
            });
            problems.push(FileProblem::Row {
                file: file(),
                line: 2,
                reason,
            });
        }
        for p in problems {
            assert_eq!(file_words(&p, Lang::En), p.to_string());
        }
        assert_eq!(
            absent_columns("rows.csv", &["date", "us_tech"], Lang::En),
            "rows.csv: no column `date`, `us_tech` — taken as empty in every row"
        );
    }
}
