//! The screening index, kept between processes: built once per list (by SHA-256) and per earl
//! build, stored under the data directory (`--data-dir`/`EARL_DATA_DIR`, else beside the
//! default audit trail), and read back in a fraction of the time building
//! takes. The cache only saves time: when it cannot be read or written the index is built in
//! memory as if there were none, and a stored index is only used when its header names this
//! build and its length is whole (it is written to a temporary file and renamed into place).

use crate::ListsSource;
use earl_screen::{Provenance, Screener, ScreeningLists, TokenStats};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The lists' provenance and their index: from the cache when it holds them, else built (and
/// stored for next time).
pub(crate) fn load(
    source: &ListsSource,
    dir: Option<&Path>,
) -> Result<(Provenance, Screener), String> {
    let (provenance, screener) = load_unlabelled(source, dir)?;
    Ok((labelled(source, provenance), screener))
}

/// A stored update is shown as `earl update` names it (where and when it was fetched).
fn labelled(source: &ListsSource, mut provenance: Provenance) -> Provenance {
    if let ListsSource::Stored { label, .. } = source {
        provenance.source_file = label.clone();
    }
    provenance
}

fn load_unlabelled(
    source: &ListsSource,
    dir: Option<&Path>,
) -> Result<(Provenance, Screener), String> {
    let (provenance, key) = identify(source)?;
    let cached = cache_path(dir, &key, "idx");
    if let Some(path) = &cached
        && let Ok(bytes) = std::fs::read(path)
        && let Ok((stored_provenance, screener)) = decode(&bytes)
    {
        return Ok((provenance.unwrap_or(stored_provenance), screener));
    }
    let lists = source.load().map_err(|e| e.to_string())?;
    let screener = Screener::new(&lists);
    if let Some(path) = &cached {
        // Best effort: a read-only or full disk leaves the next process to build again.
        let _ = store(path, &encode(&lists.provenance, &screener.to_bytes()));
        if let Some(stats_path) = cache_path(dir, &key, "stats") {
            let _ = store(
                &stats_path,
                &encode(&lists.provenance, &stats_bytes(screener.stats())),
            );
        }
    }
    Ok((lists.provenance, screener))
}

/// The lists' provenance and token statistics, from their cache file when present (a few
/// hundred kilobytes), else from the index.
pub(crate) fn load_stats(
    source: &ListsSource,
    dir: Option<&Path>,
) -> Result<(Provenance, TokenStats), String> {
    let (provenance, key) = identify(source)?;
    if let Some(path) = cache_path(dir, &key, "stats")
        && let Ok(bytes) = std::fs::read(&path)
        && let Ok((stored_provenance, payload)) = split(&bytes)
        && let Some(stats) = read_stats(payload)
    {
        return Ok((
            labelled(source, provenance.unwrap_or(stored_provenance)),
            stats,
        ));
    }
    let (provenance, screener) = load(source, dir)?;
    Ok((provenance, screener.stats().clone()))
}

/// Statistics behind the same build header as the index, so another build's are not read.
fn stats_bytes(stats: &TokenStats) -> Vec<u8> {
    let mut out = Screener::build_header();
    out.extend(postcard::to_allocvec(stats).expect("statistics serialise"));
    out
}

fn read_stats(bytes: &[u8]) -> Option<TokenStats> {
    let payload = bytes.strip_prefix(Screener::build_header().as_slice())?;
    postcard::from_bytes(payload).ok()
}

/// The key of a source's index (its list's SHA-256) and, where known without parsing, its
/// provenance: the bundled list's is known at build time; a stored update's is the stored
/// index's, relabelled as the update names it.
fn identify(source: &ListsSource) -> Result<(Option<Provenance>, String), String> {
    let file_key = |path: &Path| -> Result<String, String> {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect())
    };
    Ok(match source {
        ListsSource::Bundled => {
            let provenance = ScreeningLists::bundled_provenance();
            let key = provenance.sha256.clone();
            (Some(provenance), key)
        }
        ListsSource::File(path) => (None, file_key(path)?),
        ListsSource::Stored { path, sha256, .. } => {
            let key = file_key(path)?;
            if *sha256 != key {
                // Refused, with the message the source's own load gives.
                return Err(source.load().err().map_or_else(
                    || format!("{}: changed since `earl update`", path.display()),
                    |e| e.to_string(),
                ));
            }
            (None, key)
        }
    })
}

/// `<dir>/<list SHA-256>.<extension>`; none without a directory.
fn cache_path(dir: Option<&Path>, list_sha256: &str, extension: &str) -> Option<PathBuf> {
    Some(dir?.join(format!("{list_sha256}.{extension}")))
}

/// `$XDG_CACHE_HOME/earl/index` (else `~/.cache/earl/index`): the index is a cache, rebuilt
/// from the lists whenever it is missing (XDG Base Directory spec; a relative
/// `XDG_CACHE_HOME` is ignored, as the spec says).
pub(crate) fn default_dir() -> Option<PathBuf> {
    let absolute = |var: &str| {
        std::env::var_os(var)
            .map(PathBuf::from)
            .filter(|dir| dir.is_absolute())
    };
    let cache =
        absolute("XDG_CACHE_HOME").or_else(|| absolute("HOME").map(|h| h.join(".cache")))?;
    Some(cache.join("earl").join("index"))
}

/// The provenance as JSON (its length first), then the payload.
fn encode(provenance: &Provenance, payload: &[u8]) -> Vec<u8> {
    let json = serde_json::to_vec(provenance).expect("provenance serialises");
    let mut out = (json.len() as u64).to_le_bytes().to_vec();
    out.extend_from_slice(&json);
    out.extend_from_slice(payload);
    out
}

fn split(bytes: &[u8]) -> Result<(Provenance, &[u8]), String> {
    let (length, rest) = bytes.split_first_chunk::<8>().ok_or("no header")?;
    let length = usize::try_from(u64::from_le_bytes(*length)).map_err(|e| e.to_string())?;
    let json = rest.get(..length).ok_or("truncated")?;
    let provenance = serde_json::from_slice(json).map_err(|e| e.to_string())?;
    Ok((provenance, &rest[length..]))
}

fn decode(bytes: &[u8]) -> Result<(Provenance, Screener), String> {
    let (provenance, payload) = split(bytes)?;
    let screener = Screener::from_bytes(payload).map_err(|e| e.to_string())?;
    Ok((provenance, screener))
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into place: readers see
/// the old file or the whole new one.
fn store(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().expect("cache paths have a directory");
    std::fs::create_dir_all(dir)?;
    let temporary = dir.join(format!(".{}.{}.tmp", std::process::id(), rand_suffix()));
    std::fs::write(&temporary, bytes)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}

/// Distinguishes temporary files of threads of one process.
fn rand_suffix() -> u64 {
    use std::hash::{BuildHasher, RandomState};
    RandomState::new().hash_one(std::thread::current().id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_index_reads_back_and_a_damaged_one_is_refused() {
        let lists = ScreeningLists::bundled();
        let screener = Screener::new(&lists);
        let bytes = encode(&lists.provenance, &screener.to_bytes());
        let (provenance, read) = decode(&bytes).expect("reads back");
        assert_eq!(provenance, lists.provenance);
        let query = earl_screen::Query::new("Huawei Technologies");
        assert_eq!(
            serde_json::to_value(read.screen(&query)).unwrap(),
            serde_json::to_value(screener.screen(&query)).unwrap()
        );
        assert!(decode(&bytes[..bytes.len() - 1]).is_err(), "truncated");
        let mut other_build = bytes.clone();
        let at = 8 + serde_json::to_vec(&lists.provenance).unwrap().len() + 9;
        other_build[at] ^= 1;
        assert!(decode(&other_build).is_err(), "another build's header");
    }
}
