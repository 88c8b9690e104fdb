//! The screening index, kept between processes: built once per list (by SHA-256) and per earl
//! build, stored in the cache directory (`$XDG_CACHE_HOME/earl/index`), and mapped into memory
//! by the next process, which reads only the pages its queries touch (`earl_screen::Screener::open`).
//! The cache only saves time: when it cannot be read or written the index is built in memory
//! as if there were none. A new index is written to a temporary file, read back whole and
//! verified (payload hash and every table), and only then renamed into place; a stored index
//! is used only when its header names this build and its layout checks out, else it is built
//! again and replaced.

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
        && let Ok(screener) = Screener::open(path)
    {
        return Ok((
            provenance.unwrap_or_else(|| screener.provenance().clone()),
            screener,
        ));
    }
    let lists = source.load().map_err(|e| e.to_string())?;
    let screener = Screener::new(&lists);
    if let Some(path) = &cached {
        // Best effort: a read-only or full disk leaves the next process to build again.
        let _ = store(path, screener.to_bytes(), |written| {
            Screener::open(written)
                .and_then(|s| s.verify())
                .map_err(std::io::Error::other)
        });
        if let Some(stats_path) = cache_path(dir, &key, "stats") {
            let _ = store(
                &stats_path,
                &encode(&lists.provenance, &stats_bytes(screener.stats())),
                |_| Ok(()),
            );
        }
    }
    Ok((lists.provenance, screener))
}

/// The index stored for the lists of SHA-256 `list_sha256`, if the cache still holds it (an
/// earlier list, for a re-screen after an update).
pub(crate) fn stored(dir: Option<&Path>, list_sha256: &str) -> Option<Screener> {
    Screener::open(&cache_path(dir, list_sha256, "idx")?).ok()
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
    let mut out = Screener::build_hash().as_bytes().to_vec();
    out.extend(postcard::to_allocvec(stats).expect("statistics serialise"));
    out
}

fn read_stats(bytes: &[u8]) -> Option<TokenStats> {
    let payload = bytes.strip_prefix(Screener::build_hash().as_bytes())?;
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

/// Writes `bytes` to a temporary file beside `path`, checks what was written (`check` reads
/// the temporary file back), then renames it into place: readers see the old file or the
/// whole, checked new one.
fn store(
    path: &Path,
    bytes: &[u8],
    check: impl FnOnce(&Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path.parent().expect("cache paths have a directory");
    std::fs::create_dir_all(dir)?;
    let temporary = dir.join(format!(".{}.{}.tmp", std::process::id(), rand_suffix()));
    std::fs::write(&temporary, bytes)
        .and_then(|()| check(&temporary))
        .and_then(|()| std::fs::rename(&temporary, path))
        .inspect_err(|_| {
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

    fn stored_index() -> (tempfile::TempDir, PathBuf, Screener) {
        let dir = tempfile::tempdir().unwrap();
        let (_, screener) = load(&ListsSource::Bundled, Some(dir.path())).unwrap();
        let key = ScreeningLists::bundled_provenance().sha256;
        let path = cache_path(Some(dir.path()), &key, "idx").unwrap();
        (dir, path, screener)
    }

    #[test]
    fn a_stored_index_maps_back_and_answers_alike() {
        let (dir, path, built) = stored_index();
        assert!(path.exists(), "the index was stored");
        let mapped = Screener::open(&path).expect("maps");
        mapped.verify().expect("verifies");
        for name in [
            "Huawei Technologies",
            "华为技术有限公司",
            "Ali Khamenei",
            "Rosneft",
        ] {
            let query = earl_screen::Query::new(name);
            assert_eq!(
                serde_json::to_value(mapped.screen(&query)).unwrap(),
                serde_json::to_value(built.screen(&query)).unwrap(),
                "{name}"
            );
        }
        let (provenance, _) = load(&ListsSource::Bundled, Some(dir.path())).unwrap();
        assert_eq!(provenance, ScreeningLists::bundled_provenance());
    }

    #[test]
    fn a_damaged_index_is_refused_and_built_again() {
        let (dir, path, built) = stored_index();
        let whole = std::fs::read(&path).unwrap();
        // Truncated, extended, another build's header, a section table pointing outside.
        let truncated = whole[..whole.len() - 8].to_vec();
        let mut extended = whole.clone();
        extended.extend_from_slice(&[0; 8]);
        let mut other_build = whole.clone();
        other_build[9] ^= 1;
        let mut bad_table = whole.clone();
        let table = 8 + Screener::build_hash().len() + 8 + 32;
        bad_table[table + 8..table + 16].copy_from_slice(&u64::MAX.to_le_bytes());
        let mut flipped_payload = whole.clone();
        let middle = whole.len() / 2;
        flipped_payload[middle] ^= 0x55;
        for (what, bytes) in [
            ("truncated", &truncated),
            ("extended", &extended),
            ("another build", &other_build),
            ("bad table", &bad_table),
        ] {
            std::fs::write(&path, bytes).unwrap();
            assert!(Screener::open(&path).is_err(), "{what} opens");
            let (_, screener) = load(&ListsSource::Bundled, Some(dir.path())).unwrap();
            assert_eq!(
                screener.entry_count(),
                built.entry_count(),
                "{what}: built again"
            );
            let replaced = Screener::open(&path).expect("the rebuilt index replaced it");
            assert!(
                replaced.verify().is_ok(),
                "{what}: replaced by a whole index"
            );
        }
        // A flipped byte inside a record passes the opening checks but not verification,
        // which every newly written index passes before it is renamed into place.
        std::fs::write(&path, &flipped_payload).unwrap();
        let opened = Screener::open(&path);
        assert!(opened.is_err() || opened.unwrap().verify().is_err());
        drop(dir);
    }
}
