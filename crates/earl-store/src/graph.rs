//! The ownership graph: who owns whom, as imported from ownership files (earl's CSV, BODS,
//! GLEIF Level 2), kept in its own SQLite file beside the audit trail (`ownership.sqlite` in
//! earl's data directory).
//!
//! Every edge carries its share (a percentage, or a reading such as accounting consolidation
//! where the source states control and no percentage), its source, the dates it held when the
//! source gives them, the date earl imported it and the dataset it belongs to. An import
//! replaces one dataset's edges in one transaction; one that would leave the graph with fewer
//! than 80% of its edges is refused unless accepted. Each import is kept with the SHA-256 of
//! the file and of the whole graph after it (the graph's version, which checks record).
//!
//! Each edge is also kept under its parties' keys (the caller's normalised names: screening's),
//! indexed, so a check walks the chains of its parties without loading the graph.
//!
//! Schema versions (SQLite `user_version`; application id "EOWN"): 1 — edges and imports.
//! Opening an older file migrates it in place in one transaction; a newer one is refused.

use rusqlite::{Connection, OpenFlags, TransactionBehavior, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// SQLite `application_id` ("EOWN"): tells the ownership graph from the audit trail.
const APPLICATION_ID: i64 = 0x454F_574E;

/// The migrations, in order: entry `i` takes a file from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &["
CREATE TABLE edges (
    owner      TEXT NOT NULL,
    owned      TEXT NOT NULL,
    owner_key  TEXT NOT NULL,
    owned_key  TEXT NOT NULL,
    reading    TEXT NOT NULL CHECK (reading IN ('percent', 'range', 'consolidation', 'control')),
    percent    REAL NOT NULL,
    upper      REAL NOT NULL,
    source     TEXT NOT NULL,
    valid_from TEXT,
    valid_to   TEXT,
    imported   TEXT NOT NULL,
    dataset    TEXT NOT NULL
) STRICT;
CREATE INDEX edges_by_dataset ON edges (dataset);
CREATE INDEX edges_by_owned ON edges (owned_key);
CREATE INDEX edges_by_owner ON edges (owner_key);
CREATE TABLE imports (
    seq          INTEGER PRIMARY KEY,
    imported_at  TEXT NOT NULL,
    dataset      TEXT NOT NULL,
    format       TEXT NOT NULL,
    file         TEXT NOT NULL,
    file_sha256  TEXT NOT NULL,
    edges_before INTEGER NOT NULL,
    edges_after  INTEGER NOT NULL,
    graph_sha256 TEXT NOT NULL
) STRICT;
"];

/// The schema version this build writes.
pub const GRAPH_SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// An import may leave no fewer than this share of the graph's edges without `--accept-drop`.
pub const KEPT_WITHOUT_ACCEPTING: f64 = 0.8;

/// What an edge says of the share held.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reading", rename_all = "snake_case")]
pub enum Share {
    /// A stated percentage, in (0, 100].
    Percent { percent: f64 },
    /// A stated range (BODS `share` with `minimum`/`exclusiveMinimum` and
    /// `maximum`/`exclusiveMaximum`): at least `minimum`, at most `maximum`.
    Range { minimum: f64, maximum: f64 },
    /// The owned party's accounts are consolidated into the owner's (GLEIF Level 2): control,
    /// with no percentage stated — majority ownership likely, never read as 0%.
    Consolidation,
    /// An interest other than a stated shareholding (BODS voting rights, board appointment, a
    /// shareholding with no share given): the ownership share is unknown, never read as 0%.
    Control,
}

impl Share {
    /// The share surely held, and the most that may be held.
    pub fn bounds(self) -> (f64, f64) {
        match self {
            Share::Percent { percent } => (percent, percent),
            Share::Range { minimum, maximum } => (minimum, maximum),
            Share::Consolidation | Share::Control => (0.0, 100.0),
        }
    }

    /// The reading's name as stored.
    pub fn reading(self) -> &'static str {
        match self {
            Share::Percent { .. } => "percent",
            Share::Range { .. } => "range",
            Share::Consolidation => "consolidation",
            Share::Control => "control",
        }
    }
}

/// One holding in the graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub owner: String,
    pub owned: String,
    #[serde(flatten)]
    pub share: Share,
    /// Where the edge comes from (a register, a file, a record id).
    pub source: String,
    /// The first day the holding is known to hold (`YYYY-MM-DD`), when the source says.
    pub from: Option<String>,
    /// The last day it held, when the source says it ended.
    pub to: Option<String>,
    /// The day earl imported it (`YYYY-MM-DD`): the date the graph knew it.
    pub imported: String,
    /// The dataset an import replaces as a whole (`csv`, `bods`, `gleif`, or a name given).
    pub dataset: String,
}

/// The first and last days an edge held (`YYYY-MM-DD`), each when the source says.
pub type Period = (Option<String>, Option<String>);

/// One import, as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Import {
    pub imported_at: String,
    pub dataset: String,
    pub format: String,
    pub file: String,
    pub file_sha256: String,
    pub edges_before: u64,
    pub edges_after: u64,
    /// The SHA-256 of the whole graph after the import: the graph's version.
    pub graph_sha256: String,
}

/// What can go wrong with the ownership graph.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    #[error("{}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{}: cannot create the directory: {source}", path.display())]
    CreateDirectory {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: an SQLite database that is not earl's ownership graph; refusing to modify it", path.display())]
    Foreign { path: PathBuf },
    #[error("{}: ownership graph schema version {found}, but this earl understands version {supported}", path.display())]
    Newer {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// The import would drop more than the accepted share of the graph's edges.
    #[error(
        "the import would leave {after} of the graph's {before} edges (more than 20% dropped); pass --accept-drop if that is intended"
    )]
    Drop { before: u64, after: u64 },
}

/// The ownership graph file.
pub struct OwnershipGraph {
    path: PathBuf,
    connection: Connection,
}

impl OwnershipGraph {
    /// `DIR/ownership.sqlite`: where the graph of a data directory is kept.
    pub fn path_in(data_dir: &Path) -> PathBuf {
        data_dir.join("ownership.sqlite")
    }

    /// Opens the graph at `path` for writing, creating or migrating it.
    pub fn open(path: &Path) -> Result<OwnershipGraph, GraphError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| GraphError::CreateDirectory {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let sql = |source| GraphError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let mut connection = Connection::open(path).map_err(sql)?;
        connection
            .busy_timeout(std::time::Duration::from_secs(30))
            .map_err(sql)?;
        let tx = connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let (application_id, version, objects) = identity(&tx).map_err(sql)?;
        match (application_id, objects) {
            (APPLICATION_ID, _) | (0, 0) => {}
            _ => {
                return Err(GraphError::Foreign {
                    path: path.to_path_buf(),
                });
            }
        }
        if version > GRAPH_SCHEMA_VERSION {
            return Err(GraphError::Newer {
                path: path.to_path_buf(),
                found: version,
                supported: GRAPH_SCHEMA_VERSION,
            });
        }
        for migration in &MIGRATIONS[version as usize..] {
            tx.execute_batch(migration).map_err(sql)?;
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(sql)?;
        tx.pragma_update(None, "user_version", GRAPH_SCHEMA_VERSION)
            .map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(OwnershipGraph {
            path: path.to_path_buf(),
            connection,
        })
    }

    /// Opens an existing graph for reading; `None` when there is no file (no graph imported).
    pub fn open_existing(path: &Path) -> Result<Option<OwnershipGraph>, GraphError> {
        if !path.is_file() {
            return Ok(None);
        }
        let sql = |source| GraphError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let connection =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(sql)?;
        let (application_id, version, _) = identity(&connection).map_err(sql)?;
        if application_id != APPLICATION_ID {
            return Err(GraphError::Foreign {
                path: path.to_path_buf(),
            });
        }
        if version != GRAPH_SCHEMA_VERSION {
            return Err(GraphError::Newer {
                path: path.to_path_buf(),
                found: version,
                supported: GRAPH_SCHEMA_VERSION,
            });
        }
        Ok(Some(OwnershipGraph {
            path: path.to_path_buf(),
            connection,
        }))
    }

    fn sql(&self) -> impl Fn(rusqlite::Error) -> GraphError + '_ {
        |source| GraphError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// Every edge, in the graph's canonical order (the order its hash is taken in).
    pub fn edges(&self) -> Result<Vec<Edge>, GraphError> {
        read_edges(&self.connection).map_err(self.sql())
    }

    /// The graph's version: the SHA-256 recorded by the last import (of the empty graph when
    /// nothing was imported).
    pub fn version(&self) -> Result<String, GraphError> {
        let last: Option<String> = self
            .connection
            .query_row(
                "SELECT graph_sha256 FROM imports ORDER BY seq DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })
            .map_err(self.sql())?;
        Ok(last.unwrap_or_else(|| graph_hash(&[])))
    }

    /// The edges whose owned party (`up`: true) or owner has this key.
    pub fn edges_at(&self, key: &str, up: bool) -> Result<Vec<Edge>, GraphError> {
        let sql = if up {
            "SELECT owner, owned, reading, percent, upper, source, valid_from, valid_to, imported, \
             dataset FROM edges WHERE owned_key = ?1 ORDER BY rowid"
        } else {
            "SELECT owner, owned, reading, percent, upper, source, valid_from, valid_to, imported, \
             dataset FROM edges WHERE owner_key = ?1 ORDER BY rowid"
        };
        let mut statement = self.connection.prepare_cached(sql).map_err(self.sql())?;
        statement
            .query_map([key], edge_of)
            .map_err(self.sql())?
            .collect::<Result<_, _>>()
            .map_err(self.sql())
    }

    /// The name the graph gives the party with this key, when it is in the graph.
    pub fn name_at(&self, key: &str) -> Result<Option<String>, GraphError> {
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT owned FROM edges WHERE owned_key = ?1 \
                 UNION ALL SELECT owner FROM edges WHERE owner_key = ?1 LIMIT 1",
            )
            .map_err(self.sql())?;
        let mut rows = statement.query([key]).map_err(self.sql())?;
        match rows.next().map_err(self.sql())? {
            Some(row) => row.get(0).map(Some).map_err(self.sql()),
            None => Ok(None),
        }
    }

    /// Every distinct pair of dates the edges carry.
    pub fn periods(&self) -> Result<Vec<Period>, GraphError> {
        let mut statement = self
            .connection
            .prepare(
                "SELECT DISTINCT valid_from, valid_to FROM edges \
                 WHERE valid_from IS NOT NULL OR valid_to IS NOT NULL",
            )
            .map_err(self.sql())?;
        statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(self.sql())?
            .collect::<Result<_, _>>()
            .map_err(self.sql())
    }

    /// The imports, oldest first.
    pub fn imports(&self) -> Result<Vec<Import>, GraphError> {
        let mut statement = self
            .connection
            .prepare(
                "SELECT imported_at, dataset, format, file, file_sha256, edges_before, \
                 edges_after, graph_sha256 FROM imports ORDER BY seq",
            )
            .map_err(self.sql())?;
        statement
            .query_map([], |r| {
                Ok(Import {
                    imported_at: r.get(0)?,
                    dataset: r.get(1)?,
                    format: r.get(2)?,
                    file: r.get(3)?,
                    file_sha256: r.get(4)?,
                    edges_before: r.get(5)?,
                    edges_after: r.get(6)?,
                    graph_sha256: r.get(7)?,
                })
            })
            .map_err(self.sql())?
            .collect::<Result<_, _>>()
            .map_err(self.sql())
    }

    /// Replaces the edges of `import.dataset` by `edges` in one transaction, refusing a drop of
    /// more than 20% of the graph's edges unless `accept_drop`; `key` gives the key a party's
    /// name is found by. Fills in the import's counts and the graph's new hash.
    pub fn replace(
        &mut self,
        mut import: Import,
        edges: &[Edge],
        key: &dyn Fn(&str) -> String,
        accept_drop: bool,
    ) -> Result<Import, GraphError> {
        let path = self.path.clone();
        let sql = |source| GraphError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let before: u64 = tx
            .query_row("SELECT count(*) FROM edges", [], |r| r.get(0))
            .map_err(sql)?;
        let replaced: u64 = tx
            .query_row(
                "SELECT count(*) FROM edges WHERE dataset = ?1",
                [&import.dataset],
                |r| r.get(0),
            )
            .map_err(sql)?;
        let after = before - replaced + edges.len() as u64;
        if !accept_drop && (after as f64) < before as f64 * KEPT_WITHOUT_ACCEPTING {
            return Err(GraphError::Drop { before, after });
        }
        tx.execute("DELETE FROM edges WHERE dataset = ?1", [&import.dataset])
            .map_err(sql)?;
        {
            let mut insert = tx
                .prepare(
                    "INSERT INTO edges (owner, owned, owner_key, owned_key, reading, percent, upper, \
                     source, valid_from, valid_to, imported, dataset) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                )
                .map_err(sql)?;
            for e in edges {
                let (percent, upper) = e.share.bounds();
                insert
                    .execute(params![
                        e.owner,
                        e.owned,
                        key(&e.owner),
                        key(&e.owned),
                        e.share.reading(),
                        percent,
                        upper,
                        e.source,
                        e.from,
                        e.to,
                        e.imported,
                        e.dataset
                    ])
                    .map_err(sql)?;
            }
        }
        // The hash is taken row by row: the graph is never held twice.
        let (after, hash) = hash_rows(&tx).map_err(sql)?;
        import.edges_before = before;
        import.edges_after = after;
        import.graph_sha256 = hash;
        tx.execute(
            "INSERT INTO imports (imported_at, dataset, format, file, file_sha256, edges_before, \
             edges_after, graph_sha256) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                import.imported_at,
                import.dataset,
                import.format,
                import.file,
                import.file_sha256,
                import.edges_before,
                import.edges_after,
                import.graph_sha256
            ],
        )
        .map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(import)
    }
}

fn identity(connection: &Connection) -> rusqlite::Result<(i64, i64, i64)> {
    Ok((
        connection.pragma_query_value(None, "application_id", |r| r.get(0))?,
        connection.pragma_query_value(None, "user_version", |r| r.get(0))?,
        connection.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?,
    ))
}

/// Every edge, in canonical order.
const EDGES_IN_ORDER: &str = "SELECT owner, owned, reading, percent, upper, source, valid_from, valid_to, imported, \
     dataset FROM edges \
     ORDER BY owned, owner, dataset, source, valid_from, valid_to, reading, percent, upper";

/// The number of edges and the graph's hash, read row by row.
fn hash_rows(connection: &Connection) -> rusqlite::Result<(u64, String)> {
    let mut statement = connection.prepare(EDGES_IN_ORDER)?;
    let mut rows = statement.query([])?;
    let mut hasher = Sha256::new();
    let mut count = 0;
    while let Some(row) = rows.next()? {
        hasher.update(line(&edge_of(row)?).as_bytes());
        count += 1;
    }
    Ok((count, hex::encode(hasher.finalize())))
}

fn read_edges(connection: &Connection) -> rusqlite::Result<Vec<Edge>> {
    let mut statement = connection.prepare(EDGES_IN_ORDER)?;
    statement.query_map([], edge_of)?.collect()
}

fn edge_of(r: &rusqlite::Row) -> rusqlite::Result<Edge> {
    let reading: String = r.get(2)?;
    let (percent, upper): (f64, f64) = (r.get(3)?, r.get(4)?);
    let share = match reading.as_str() {
        "percent" => Share::Percent { percent },
        "range" => Share::Range {
            minimum: percent,
            maximum: upper,
        },
        "consolidation" => Share::Consolidation,
        // The table's CHECK admits no other reading.
        _ => Share::Control,
    };
    Ok(Edge {
        owner: r.get(0)?,
        owned: r.get(1)?,
        share,
        source: r.get(5)?,
        from: r.get(6)?,
        to: r.get(7)?,
        imported: r.get(8)?,
        dataset: r.get(9)?,
    })
}

/// The SHA-256 of the graph: one tab-separated line per edge, in canonical order.
pub fn graph_hash(edges: &[Edge]) -> String {
    let mut hasher = Sha256::new();
    for e in edges {
        hasher.update(line(e).as_bytes());
    }
    hex::encode(hasher.finalize())
}

/// An edge as the graph's hash reads it.
fn line(e: &Edge) -> String {
    let (lower, upper) = e.share.bounds();
    format!(
        "{}\t{}\t{}\t{lower}\t{upper}\t{}\t{}\t{}\t{}\t{}\n",
        e.owner,
        e.owned,
        e.share.reading(),
        e.source,
        e.from.as_deref().unwrap_or(""),
        e.to.as_deref().unwrap_or(""),
        e.imported,
        e.dataset
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(owner: &str, owned: &str, percent: f64, dataset: &str) -> Edge {
        Edge {
            owner: owner.into(),
            owned: owned.into(),
            share: Share::Percent { percent },
            source: "test".into(),
            from: None,
            to: None,
            imported: "2026-12-01".into(),
            dataset: dataset.into(),
        }
    }

    fn key(name: &str) -> String {
        name.to_lowercase()
    }

    fn import(dataset: &str) -> Import {
        Import {
            imported_at: "2026-12-01T00:00:00Z".into(),
            dataset: dataset.into(),
            format: "csv".into(),
            file: "f.csv".into(),
            file_sha256: "0".repeat(64),
            edges_before: 0,
            edges_after: 0,
            graph_sha256: String::new(),
        }
    }

    #[test]
    fn imports_replace_a_dataset_and_refuse_a_sharp_drop() {
        let dir = tempfile::tempdir().unwrap();
        let path = OwnershipGraph::path_in(dir.path());
        let mut graph = OwnershipGraph::open(&path).unwrap();
        let five: Vec<Edge> = (0..5)
            .map(|i| edge(&format!("O{i}"), "T", 10.0, "csv"))
            .collect();
        let first = graph.replace(import("csv"), &five, &key, false).unwrap();
        assert_eq!((first.edges_before, first.edges_after), (0, 5));
        // Another dataset adds to the graph.
        let consolidation = Edge {
            share: Share::Consolidation,
            ..edge("P", "T", 0.0, "gleif")
        };
        let second = graph
            .replace(
                import("gleif"),
                std::slice::from_ref(&consolidation),
                &key,
                false,
            )
            .unwrap();
        assert_eq!(second.edges_after, 6);
        assert_ne!(first.graph_sha256, second.graph_sha256);
        // Keeping 4 of 6 is a drop of a third: refused, the graph unchanged.
        let err = graph
            .replace(import("csv"), &five[..3], &key, false)
            .unwrap_err();
        assert!(matches!(
            err,
            GraphError::Drop {
                before: 6,
                after: 4
            }
        ));
        assert_eq!(graph.edges().unwrap().len(), 6);
        let accepted = graph
            .replace(import("csv"), &five[..3], &key, true)
            .unwrap();
        assert_eq!(accepted.edges_after, 4);
        drop(graph);
        let read = OwnershipGraph::open_existing(&path).unwrap().unwrap();
        assert_eq!(read.version().unwrap(), accepted.graph_sha256);
        assert_eq!(read.imports().unwrap().len(), 3);
        assert!(read.edges().unwrap().contains(&consolidation));
        // Found by key without reading the graph.
        assert_eq!(read.edges_at("t", true).unwrap().len(), 4);
        assert_eq!(read.edges_at("p", false).unwrap(), vec![consolidation]);
        assert_eq!(read.name_at("t").unwrap().as_deref(), Some("T"));
        assert_eq!(read.name_at("nobody").unwrap(), None);
    }

    #[test]
    fn no_file_is_no_graph_and_a_foreign_database_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.sqlite");
        assert!(OwnershipGraph::open_existing(&path).unwrap().is_none());
        Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE t (x)")
            .unwrap();
        assert!(matches!(
            OwnershipGraph::open(&path),
            Err(GraphError::Foreign { .. })
        ));
    }
}
