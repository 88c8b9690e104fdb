//! `earl update`: fetch the newest Consolidated Screening List and the BIS Federal Register
//! documents published after the rules' `as_of`, verify them, and only then put them in use.
//!
//! Nothing half-written is ever used: each download goes to a temporary file in the data
//! directory, is parsed and checked (SHA-256, per-list entry counts against the list in use,
//! every documents page parsed), and is renamed into place only when every check passed. A
//! failure leaves the previous data in use and says why.
//!
//! Layout under the data directory (`--data-dir`, `EARL_DATA_DIR`, else ~/.local/share/earl):
//!
//! ```text
//! updates/lists/<sha256>.json|csv   every verified list file, named by its hash
//! updates/lists.json                the list in use: file, URL, fetch time, SHA-256, the
//!                                   source's own generation date, per-list counts
//! updates/fr-documents.json         the BIS documents since the rules' as_of, with the URLs,
//!                                   fetch time and SHA-256 of every response page
//! ```
//!
//! Exit codes: 0 updated; 2 refused (bad input, or a file that fails verification: not JSON,
//! not a CSL layout, a sharp drop in entries without `--accept-drop`); 3 network failure
//! (cannot connect, timed out, an HTTP error status, a transfer cut short).

use crate::print_json;
use clap::Args;
use earl_core::step::DocumentRef;
use earl_engine::ListsSource;
use earl_front::app::{App, EXIT_NETWORK, Failure};
use earl_front::stored::{
    DocumentsManifest, FetchedPage, ListsManifest, read_json, stored_lists, updates,
};
use earl_render::errors::{Problem, RetryReason};
use earl_screen::{ListCounts, ScreeningLists};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// trade.gov's consolidated JSON (dated by its envelope; docs/research/feeds.md §2.1).
pub const DEFAULT_LISTS_URL: &str =
    "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json";
/// The Federal Register site; `/api/v1/documents.json` is appended.
pub const DEFAULT_FR_URL: &str = "https://www.federalregister.gov";

/// Largest download accepted (the CSL is about 16 MB; a documents page far less).
const MAX_BYTES: u64 = 512 * 1024 * 1024;
/// The API serves at most 50 pages of a search (feeds.md §1.2).
const MAX_PAGES: usize = 50;

#[derive(Args)]
pub struct UpdateArgs {
    /// Ingest files downloaded elsewhere instead of fetching: `consolidated.json` or
    /// `consolidated.csv`, and any `documents*.json` (Federal Register documents API responses).
    #[arg(long = "from-dir", value_name = "DIR")]
    pub from_dir: Option<PathBuf>,
    /// Accept a list in which some list lost more than 20% of its entries (or vanished).
    #[arg(long = "accept-drop")]
    pub accept_drop: bool,
    /// Where to fetch the Consolidated Screening List (CSV or JSON).
    #[arg(long = "lists-url", env = "EARL_LISTS_URL", default_value = DEFAULT_LISTS_URL)]
    pub lists_url: String,
    /// The Federal Register site whose documents API is asked.
    #[arg(long = "fr-url", env = "EARL_FR_URL", default_value = DEFAULT_FR_URL)]
    pub fr_url: String,
    /// Seconds to wait for a connection, and for any one read.
    #[arg(long, default_value_t = 20)]
    pub timeout: u64,
    /// Fetch GLEIF Level 2 parents (direct and ultimate accounting-consolidation) of every
    /// party the audit trail names, instead of the lists, and import them into the ownership
    /// graph as dataset `gleif`. With --from-dir, import the `gleif*.json` files there.
    #[arg(long)]
    pub ownership: bool,
    /// The GLEIF API asked by --ownership.
    #[arg(long = "gleif-url", env = "EARL_GLEIF_URL", default_value = DEFAULT_GLEIF_URL)]
    pub gleif_url: String,
    /// Milliseconds between two GLEIF requests (a rate limit kept by earl).
    #[arg(long = "gleif-interval-ms", default_value_t = 1000)]
    pub gleif_interval_ms: u64,
    /// Print what was installed as JSON.
    #[arg(long)]
    pub json: bool,
}

/// The GLEIF API (api.gleif.org, JSON:API; Level 2 relationship records under each LEI record).
const DEFAULT_GLEIF_URL: &str = "https://api.gleif.org/api/v1";

/// Attempts per GLEIF request: a connection failure, HTTP 429 or a 5xx answer is tried again
/// after 1 s, then 2 s.
const GLEIF_ATTEMPTS: u32 = 3;

fn now() -> String {
    format!("{:.0}", jiff::Timestamp::now())
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Writes `bytes` to `path` through a temporary file in the same directory, synced, then
/// renamed: `path` holds the old content or the new, never part of it.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        path.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    let fail = |e: std::io::Error| Failure::cannot_write(1, path, &e);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(fail)
}

struct Http {
    agent: ureq::Agent,
}

/// A downloaded body and what the server said about it.
struct Download {
    bytes: Vec<u8>,
    last_modified: Option<String>,
}

impl Http {
    fn new(timeout: u64) -> Http {
        let t = Some(Duration::from_secs(timeout.max(1)));
        let config = ureq::Agent::config_builder()
            .timeout_connect(t)
            .timeout_recv_response(t)
            .timeout_recv_body(Some(Duration::from_secs(timeout.max(1) * 30)))
            .http_status_as_error(false)
            .user_agent(concat!("earl/", env!("CARGO_PKG_VERSION")))
            .build();
        Http {
            agent: config.into(),
        }
    }

    /// A GLEIF resource: its body, or `None` when the API answers 404 (no such record, or no
    /// parent reported). Retried on failures that may pass.
    fn get_gleif(&self, url: &str) -> Result<Option<Vec<u8>>, Failure> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let retry = |last: RetryReason| -> Result<(), Failure> {
                if attempt >= GLEIF_ATTEMPTS {
                    return Err(Failure::said(
                        EXIT_NETWORK,
                        Problem::GaveUp {
                            url: url.to_string(),
                            last,
                            attempts: GLEIF_ATTEMPTS,
                        },
                    ));
                }
                std::thread::sleep(Duration::from_secs(1 << (attempt - 1)));
                Ok(())
            };
            let mut response = match self.agent.get(url).call() {
                Ok(r) => r,
                Err(e) => {
                    retry(RetryReason::Error(e.to_string()))?;
                    continue;
                }
            };
            let status = response.status().as_u16();
            match status {
                404 => return Ok(None),
                429 | 500..=599 => {
                    retry(RetryReason::Status(status))?;
                    continue;
                }
                200..=299 => {}
                _ => {
                    return Err(Failure::said(
                        EXIT_NETWORK,
                        Problem::HttpStatus {
                            url: url.to_string(),
                            status: status.to_string(),
                        },
                    ));
                }
            }
            let mut bytes = Vec::new();
            let mut reader = response.body_mut().with_config().limit(MAX_BYTES).reader();
            std::io::copy(&mut reader, &mut bytes).map_err(|e| {
                Failure::said(
                    EXIT_NETWORK,
                    Problem::CutShort {
                        url: url.to_string(),
                        bytes: None,
                        error: e.to_string(),
                    },
                )
            })?;
            return Ok(Some(bytes));
        }
    }

    fn get(&self, url: &str) -> Result<Download, Failure> {
        let offline = |e: ureq::Error| {
            Failure::said(
                EXIT_NETWORK,
                Problem::CannotFetch {
                    url: url.to_string(),
                    error: e.to_string(),
                },
            )
        };
        let mut response = self.agent.get(url).call().map_err(offline)?;
        let status = response.status();
        if !status.is_success() {
            return Err(Failure::said(
                EXIT_NETWORK,
                Problem::HttpStatus {
                    url: url.to_string(),
                    status: status.to_string(),
                },
            ));
        }
        let last_modified = response
            .headers()
            .get("last-modified")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let expected: Option<u64> = response
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok());
        let mut bytes = Vec::new();
        let mut reader = response.body_mut().with_config().limit(MAX_BYTES).reader();
        std::io::copy(&mut reader, &mut bytes).map_err(|e| {
            Failure::said(
                EXIT_NETWORK,
                Problem::CutShort {
                    url: url.to_string(),
                    bytes: Some(bytes.len() as u64),
                    error: e.to_string(),
                },
            )
        })?;
        if let Some(n) = expected
            && n != bytes.len() as u64
        {
            return Err(Failure::said(
                EXIT_NETWORK,
                Problem::ShortOf {
                    url: url.to_string(),
                    got: bytes.len() as u64,
                    expected: n,
                },
            ));
        }
        Ok(Download {
            bytes,
            last_modified,
        })
    }
}

/// Documents the feed's parser refused (exit code 2).
fn documents_refused(e: impl std::fmt::Display) -> Failure {
    Failure::said(
        2,
        Problem::DocumentsRefused {
            error: e.to_string(),
        },
    )
}

/// A verified list, not yet installed.
struct NewLists {
    bytes: Vec<u8>,
    extension: &'static str,
    manifest: ListsManifest,
    /// The drops accepted with `--accept-drop` (the manifest keeps their English).
    drops: Vec<earl_screen::CountDrop>,
}

fn verify_lists(
    bytes: Vec<u8>,
    origin: &str,
    last_modified: Option<String>,
    previous: &ListCounts,
    accept_drop: bool,
    staging: &Path,
) -> Result<NewLists, Failure> {
    let json = matches!(
        bytes.iter().find(|b| !b.is_ascii_whitespace()),
        Some(b'{' | b'[')
    );
    let extension = if json { "json" } else { "csv" };
    // Parsed from a staging copy (the loader reads files), removed whatever the outcome.
    let tmp = staging.join(format!(".verify.{}.{extension}", std::process::id()));
    std::fs::write(&tmp, &bytes).map_err(|e| Failure::cannot_write(1, &tmp, &e))?;
    let parsed = ScreeningLists::from_path(&tmp);
    let _ = std::fs::remove_file(&tmp);
    let lists = parsed.map_err(|e| {
        Failure::said(
            2,
            Problem::ListRefused {
                origin: origin.to_string(),
                error: e.to_string(),
            },
        )
    })?;
    if lists.entries.is_empty() {
        return Err(Failure::said(
            2,
            Problem::ListEmpty {
                origin: origin.to_string(),
            },
        ));
    }
    let p = lists.provenance;
    let drops = earl_screen::count_drops(previous, &p.counts);
    if !drops.is_empty() && !accept_drop {
        return Err(Failure::said(
            2,
            Problem::ListDropped {
                origin: origin.to_string(),
                drops,
            },
        ));
    }
    let english: Vec<String> = drops.iter().map(ToString::to_string).collect();
    Ok(NewLists {
        extension,
        manifest: ListsManifest {
            file: format!("{}.{extension}", p.sha256),
            sha256: p.sha256,
            url: origin.to_string(),
            fetched_at: now(),
            generated: p.generated.map(|d| d.to_string()),
            last_modified,
            counts: p.counts,
            accepted_drops: english,
        },
        bytes,
        drops,
    })
}

/// Every page of every search (one per encoded part), parsed.
fn fetch_documents(
    http: &Http,
    base: &str,
    since: jiff::civil::Date,
) -> Result<DocumentsManifest, Failure> {
    let mut pages = Vec::new();
    let mut documents = Vec::new();
    for part in earl_data::feed::ENCODED_PARTS {
        let mut url = Some(format!(
            "{}/api/v1/documents.json?{}",
            base.trim_end_matches('/'),
            earl_data::feed::query(part, since)
        ));
        let mut n = 0;
        while let Some(u) = url.take() {
            n += 1;
            if n > MAX_PAGES {
                return Err(Failure::said(
                    2,
                    Problem::TooManyPages {
                        base: base.to_string(),
                        max: MAX_PAGES as u64,
                    },
                ));
            }
            let download = http.get(&u)?;
            let page =
                earl_data::feed::parse_page(&download.bytes, &u).map_err(documents_refused)?;
            pages.push(FetchedPage {
                url: u,
                sha256: sha256_hex(&download.bytes),
            });
            documents.extend(page.documents);
            url = page.next_page_url;
        }
    }
    Ok(DocumentsManifest {
        fetched_at: now(),
        since: since.to_string(),
        pages,
        documents: earl_data::feed::merge(documents),
    })
}

/// `documents*.json` of a directory, parsed.
fn read_documents_dir(
    dir: &Path,
    since: jiff::civil::Date,
) -> Result<Option<DocumentsManifest>, Failure> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Failure::cannot_read(dir, &e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.starts_with("documents") && n.ends_with(".json")
            })
        })
        .collect();
    if files.is_empty() {
        return Ok(None);
    }
    files.sort();
    let mut pages = Vec::new();
    let mut documents = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f).map_err(|e| Failure::cannot_read(&f, &e))?;
        let origin = f.display().to_string();
        let page = earl_data::feed::parse_page(&bytes, &origin).map_err(documents_refused)?;
        pages.push(FetchedPage {
            url: format!("file://{origin}"),
            sha256: sha256_hex(&bytes),
        });
        documents.extend(
            page.documents
                .into_iter()
                .filter(|d| d.publication_date >= since),
        );
    }
    Ok(Some(DocumentsManifest {
        fetched_at: now(),
        since: since.to_string(),
        pages,
        documents: earl_data::feed::merge(documents),
    }))
}

/// What `earl update` did.
#[derive(Serialize)]
struct Report {
    data_dir: String,
    lists: ListsManifest,
    previous_lists: String,
    documents: Option<DocumentsReport>,
}

#[derive(Serialize)]
struct DocumentsReport {
    since: String,
    pages: usize,
    documents: Vec<DocumentRef>,
}

/// A query value percent-encoded (RFC 3986 unreserved characters kept).
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `earl update --ownership`: for every party the trail names, the LEI records whose legal
/// name is that name (as screening normalises names), their direct and ultimate
/// consolidation parents and the parents' LEI records; all written as one file of GLEIF API
/// documents (temporary file, then rename) and imported as the graph's `gleif` dataset.
fn update_ownership(
    app: &App,
    a: &UpdateArgs,
    dir: &Path,
    lang: earl_render::Lang,
) -> Result<(), Failure> {
    let staging = updates(dir).join("ownership");
    std::fs::create_dir_all(&staging).map_err(|e| Failure::cannot_create(&staging, &e))?;
    let documents: Vec<serde_json::Value> = match &a.from_dir {
        Some(from) => {
            let mut files: Vec<PathBuf> = std::fs::read_dir(from)
                .map_err(|e| Failure::cannot_read(from, &e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("gleif") && n.ends_with(".json"))
                })
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(Failure::said(
                    2,
                    Problem::NoGleifFiles {
                        dir: from.display().to_string(),
                    },
                ));
            }
            let mut documents = Vec::new();
            for file in files {
                let text =
                    std::fs::read_to_string(&file).map_err(|e| Failure::cannot_read(&file, &e))?;
                match earl_front::json::parse(&text).map_err(|e| {
                    Failure::said(
                        2,
                        Problem::NotJson {
                            file: file.display().to_string(),
                            error: e.to_string(),
                        },
                    )
                })? {
                    serde_json::Value::Array(items) => documents.extend(items),
                    one => documents.push(one),
                }
            }
            documents
        }
        None => fetch_gleif(app, a)?,
    };
    let bytes =
        serde_json::to_vec_pretty(&documents).map_err(|e| Failure::internal(e.to_string()))?;
    let file = staging.join(format!("gleif-{}.json", &sha256_hex(&bytes)[..16]));
    write_atomic(&file, &bytes)?;
    let answer = crate::cmd_owners::import(
        app,
        &file,
        Some(earl_front::owners::Format::Gleif),
        Some("gleif"),
        a.accept_drop,
    )?;
    if a.json {
        print_json(&answer)
    } else {
        Ok(earl_render::owners::import(
            &mut std::io::stdout().lock(),
            &answer,
            lang,
        )?)
    }
}

/// The GLEIF documents for the trail's parties, one request at a time, `gleif_interval_ms`
/// apart.
fn fetch_gleif(app: &App, a: &UpdateArgs) -> Result<Vec<serde_json::Value>, Failure> {
    let names = earl_engine::reexamine::screened_names(&app.audit_read_only()?)?;
    let http = Http::new(a.timeout);
    let base = a.gleif_url.trim_end_matches('/');
    let interval = Duration::from_millis(a.gleif_interval_ms);
    let mut last: Option<std::time::Instant> = None;
    let mut get = |url: String| -> Result<Option<serde_json::Value>, Failure> {
        if let Some(at) = last {
            std::thread::sleep(interval.saturating_sub(at.elapsed()));
        }
        last = Some(std::time::Instant::now());
        match http.get_gleif(&url)? {
            None => Ok(None),
            Some(bytes) => {
                let text = String::from_utf8(bytes).map_err(|_| {
                    Failure::said(
                        EXIT_NETWORK,
                        Problem::AnswerNotUtf8 {
                            url: url.to_string(),
                        },
                    )
                })?;
                earl_front::json::parse(&text).map(Some).map_err(|e| {
                    Failure::said(
                        EXIT_NETWORK,
                        Problem::AnswerNotJson {
                            url: url.to_string(),
                            error: e.to_string(),
                        },
                    )
                })
            }
        }
    };
    let mut documents = Vec::new();
    let mut parents_named = std::collections::HashSet::new();
    for name in names {
        let url = format!(
            "{base}/lei-records?filter%5Bentity.legalName%5D={}",
            encode(&name)
        );
        let Some(found) = get(url)? else { continue };
        let wanted = earl_engine::owners::node(&name);
        let leis: Vec<String> = found["data"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|r| {
                r.pointer("/attributes/entity/legalName/name")
                    .and_then(|n| n.as_str())
                    .is_some_and(|n| earl_engine::owners::node(n) == wanted)
            })
            .filter_map(|r| r["id"].as_str().map(str::to_string))
            .collect();
        // Only the records whose legal name is the party's: a near name is another entity.
        for record in found["data"].as_array().into_iter().flatten() {
            if record["id"]
                .as_str()
                .is_some_and(|id| leis.iter().any(|l| l == id))
            {
                documents.push(serde_json::json!({ "data": record }));
            }
        }
        for lei in &leis {
            for relation in ["direct-parent-relationship", "ultimate-parent-relationship"] {
                let Some(doc) = get(format!("{base}/lei-records/{lei}/{relation}"))? else {
                    continue;
                };
                let parent = doc
                    .pointer("/data/attributes/relationship/endNode/id")
                    .and_then(|p| p.as_str())
                    .map(str::to_string);
                documents.push(doc);
                if let Some(parent) = parent
                    && parents_named.insert(parent.clone())
                    && let Some(record) = get(format!("{base}/lei-records/{parent}"))?
                {
                    documents.push(record);
                }
            }
        }
    }
    Ok(documents)
}

pub fn run(app: &App, a: &UpdateArgs, lang: earl_render::Lang) -> Result<(), Failure> {
    let dir = app.data_dir().ok_or_else(|| {
        Failure::input("no data directory: pass --data-dir DIR or set EARL_DATA_DIR")
    })?;
    if a.ownership {
        return update_ownership(app, a, &dir, lang);
    }
    let staging = updates(&dir).join("lists");
    std::fs::create_dir_all(&staging).map_err(|e| Failure::cannot_create(&staging, &e))?;
    let data = earl_data::Dataset::load(&app.data_paths())?;
    let since = data
        .rules
        .meta
        .as_of
        .tomorrow()
        .map_err(|e| Failure::internal(e.to_string()))?;

    // The counts a new list is compared with: the list in use (never `--lists`, which is
    // only this command's choice).
    let previous = match stored_lists(&dir)? {
        ListsSource::Stored { label, .. } => {
            let manifest: Option<ListsManifest> = read_json(&updates(&dir).join("lists.json"))?;
            (manifest.map(|m| m.counts).unwrap_or_default(), label)
        }
        _ => {
            let b = ScreeningLists::bundled();
            (b.provenance.counts, b.provenance.source_file)
        }
    };

    let http = Http::new(a.timeout);
    let (lists, documents) = match &a.from_dir {
        Some(from) => {
            let file = ["consolidated.json", "consolidated.csv"]
                .iter()
                .map(|n| from.join(n))
                .find(|p| p.is_file())
                .ok_or_else(|| {
                    Failure::said(
                        2,
                        Problem::NoListsFile {
                            dir: from.display().to_string(),
                        },
                    )
                })?;
            let bytes = std::fs::read(&file).map_err(|e| Failure::cannot_read(&file, &e))?;
            let origin = format!("file://{}", file.display());
            let lists = verify_lists(bytes, &origin, None, &previous.0, a.accept_drop, &staging)?;
            (lists, read_documents_dir(from, since)?)
        }
        None => {
            let download = http.get(&a.lists_url)?;
            let lists = verify_lists(
                download.bytes,
                &a.lists_url,
                download.last_modified,
                &previous.0,
                a.accept_drop,
                &staging,
            )?;
            (lists, Some(fetch_documents(&http, &a.fr_url, since)?))
        }
    };

    // Everything verified: install. The list file first (named by its hash), then the
    // manifests that point at it, each by rename.
    let target = staging.join(&lists.manifest.file);
    write_atomic(&target, &lists.bytes)?;
    debug_assert!(target.extension().is_some_and(|e| e == lists.extension));
    let manifest_json =
        serde_json::to_vec_pretty(&lists.manifest).map_err(|e| Failure::internal(e.to_string()))?;
    if let Some(d) = &documents {
        let json = serde_json::to_vec_pretty(d).map_err(|e| Failure::internal(e.to_string()))?;
        write_atomic(&updates(&dir).join("fr-documents.json"), &json)?;
    }
    write_atomic(&updates(&dir).join("lists.json"), &manifest_json)?;

    let report = Report {
        data_dir: dir.display().to_string(),
        previous_lists: previous.1,
        documents: documents.map(|d| DocumentsReport {
            since: d.since,
            pages: d.pages.len(),
            documents: d.documents,
        }),
        lists: lists.manifest,
    };
    if a.json {
        return print_json(&report);
    }
    let m = &report.lists;
    let update = earl_render::currency::Update {
        file: &m.file,
        url: &m.url,
        entries: m.counts.total,
        generated: m.generated.as_deref(),
        fetched_at: &m.fetched_at,
        sha256: &m.sha256,
        previous: &report.previous_lists,
        accepted_drops: &lists.drops,
        documents: report
            .documents
            .as_ref()
            .map(|d| earl_render::currency::UpdateDocuments {
                since: &d.since,
                pages: d.pages,
                documents: &d.documents,
            }),
    };
    earl_render::currency::update(&mut std::io::stdout().lock(), &update, lang)?;
    Ok(())
}
