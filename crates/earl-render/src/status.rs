//! The CLI's own status lines (on stderr or after a report): batch summaries, files written,
//! warnings. The CLI puts its name ("earl: ") before them; the sentence is the catalog's.

use crate::lang::Lang;
use crate::tr;
use std::path::Path;

/// What `earl screen --batch` says when every row is read.
pub fn batch_screened(rows: u64, hits: u64, failed: u64, lang: Lang) -> String {
    tr!(
        lang,
        "batch-screened",
        rows = rows,
        hits = hits,
        failed = failed
    )
}

/// How many rows `earl check --batch` checked, and of them how many need a licence and how
/// many the known facts cannot decide (never folded into the rest: they are no clear).
#[derive(Debug, Clone, Copy, Default)]
pub struct BatchChecked {
    pub rows: u64,
    pub checked: u64,
    pub required: u64,
    pub undetermined: u64,
    pub failed: u64,
}

/// What `earl check --batch` says when every row is read.
pub fn batch_checked(counts: BatchChecked, lang: Lang) -> String {
    tr!(
        lang,
        "batch-checked",
        rows = counts.rows,
        checked = counts.checked,
        required = counts.required,
        undetermined = counts.undetermined,
        failed = counts.failed
    )
}

/// What `earl audit export` says of the records it wrote.
pub fn audit_exported(records: u64, lang: Lang) -> String {
    tr!(lang, "audit-exported", count = records)
}

/// A file `earl diff --svg` or `earl timeline --svg` wrote.
#[derive(Debug, Clone, Copy)]
pub enum Written {
    Matrix,
    Chart,
}

/// The line after a report that names the file its chart went to.
pub fn written(what: Written, path: &Path, lang: Lang) -> String {
    let id = match what {
        Written::Matrix => "written-matrix",
        Written::Chart => "written-chart",
    };
    tr!(lang, id, path = path.display().to_string())
}

/// A warning line; `text` is already in `lang` (a count drop's sentence:
/// [`crate::currency::count_drop`]).
pub fn warning(text: &str, lang: Lang) -> String {
    tr!(
        lang,
        "field",
        label = tr!(lang, "label-warning"),
        value = text
    )
}
