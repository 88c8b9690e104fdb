//! What `earl update` leaves in the data directory, and how every front end finds it: the
//! screening list in use and the BIS documents fetched since the rules' `as_of`.
//!
//! ```text
//! updates/lists/<sha256>.json|csv   every verified list file, named by its hash
//! updates/lists.json                the list in use (a ListsManifest)
//! updates/fr-documents.json         the BIS documents since the rules' as_of (a DocumentsManifest)
//! ```

use crate::failure::Failure;
use earl_core::step::DocumentRef;
use earl_engine::ListsSource;
use earl_screen::ListCounts;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The list `earl update` put in use.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ListsManifest {
    /// File name under `updates/lists/`.
    pub file: String,
    pub sha256: String,
    /// Where it came from: an `https://` URL or `file://` path.
    pub url: String,
    /// When earl fetched it (UTC, RFC 3339).
    pub fetched_at: String,
    /// The source's own generation date (the JSON envelope's), when the file has one.
    pub generated: Option<String>,
    /// The HTTP `Last-Modified` header, when the server sent one (not a generation date).
    pub last_modified: Option<String>,
    pub counts: ListCounts,
    /// Per-list drops accepted with `--accept-drop`.
    pub accepted_drops: Vec<String>,
}

/// One fetched documents page.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FetchedPage {
    pub url: String,
    pub sha256: String,
}

/// The BIS documents since the rules' `as_of`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocumentsManifest {
    pub fetched_at: String,
    /// Documents published on or after this date were asked for.
    pub since: String,
    pub pages: Vec<FetchedPage>,
    pub documents: Vec<DocumentRef>,
}

pub fn updates(dir: &Path) -> PathBuf {
    dir.join("updates")
}

pub fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Option<T>, Failure> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map(Some).map_err(|e| {
            Failure::input(format!(
                "{}: unreadable ({e}); run `earl update` again or pass --lists FILE",
                path.display()
            ))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Failure::cannot_read(path, &e)),
    }
}

/// The list in use after an update, or the bundled one when none was made.
pub fn stored_lists(dir: &Path) -> Result<ListsSource, Failure> {
    let manifest: Option<ListsManifest> = read_json(&updates(dir).join("lists.json"))?;
    Ok(match manifest {
        None => ListsSource::Bundled,
        Some(m) => ListsSource::Stored {
            path: updates(dir).join("lists").join(&m.file),
            label: format!(
                "{} (earl update, fetched {} from {})",
                m.file, m.fetched_at, m.url
            ),
            sha256: m.sha256,
        },
    })
}

/// The BIS documents the last update fetched (none before any update).
pub fn stored_documents(dir: &Path) -> Result<Vec<DocumentRef>, Failure> {
    let manifest: Option<DocumentsManifest> = read_json(&updates(dir).join("fr-documents.json"))?;
    Ok(manifest.map(|m| m.documents).unwrap_or_default())
}
