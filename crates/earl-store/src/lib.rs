//! Tamper-evident audit trail of earl determinations, kept in SQLite.
//!
//! 15 CFR 762.6 asks that export records be kept for five years. A record is
//! only worth keeping if one can show later that nobody altered it, so every
//! determination earl makes (classify, check, screen, ...) is appended here as
//! one row of a hash chain.
//!
//! # The chain
//!
//! Each record has a `seq` (1, 2, 3, ... with no gaps), the time it was written
//! (`recorded_at`, UTC RFC 3339 with milliseconds, e.g. `2026-03-01T12:00:00.123Z`),
//! what was asked (`kind`, `source`, `inputs`), what earl answered (`outputs`),
//! which rules and lists it used (`rules_hash`, `lists_hash`), the `earl_version`,
//! and three hashes, each lowercase hex SHA-256 of a [canonical JSON](canonical)
//! object (one line, no spaces, keys sorted):
//!
//! * `content_hash`: of the record's *content*, every field that says what was
//!   determined (`lists_hash` is `null` when no lists were used):
//!
//!   ```text
//!   {"earl_version":…,"inputs":…,"kind":…,"lists_hash":…,"outputs":…,"rules_hash":…,"source":…}
//!   ```
//!
//! * `prev_hash`: the `hash` of record `seq - 1`, or 64 zeros for record 1;
//! * `hash`: of the record's *chain link*:
//!
//!   ```text
//!   {"content_hash":…,"prev_hash":…,"recorded_at":…,"seq":…}
//!   ```
//!
//! Changing any byte of a record's content changes its `content_hash`; changing
//! that too changes its `hash`; changing the hash too breaks the next record's
//! `prev_hash`; deleting or reordering records breaks `seq` or the links.
//! [`AuditStore::verify`] recomputes both hashes of every record, walks the
//! links, and names the first record that fails.
//!
//! The split keeps appends cheap: the content (a check answer is about 9 KB) is
//! canonicalised and hashed by whoever builds the [`PreparedRecord`], on its own
//! thread, and the one thread that appends to the chain hashes only the
//! ~200-byte link. The same determination always has the same `content_hash`.
//!
//! # Verifying without earl
//!
//! [`AuditStore::export_jsonl`] writes one canonical JSON object per line with
//! every field, keys sorted:
//!
//! ```text
//! {"content_hash":…,"earl_version":…,"hash":…,"inputs":…,"kind":…,"lists_hash":…,
//!  "outputs":…,"prev_hash":…,"recorded_at":…,"rules_hash":…,"seq":…,"source":…}
//! ```
//!
//! So the content of a line is the line itself with the `content_hash`, `hash`,
//! `prev_hash`, `recorded_at` and `seq` members cut out, and no JSON library has to
//! agree with earl on how to print numbers. `content_hash` and `hash` come before
//! `inputs`, the other three after `outputs`, so they are found from the start
//! and from the end of the line:
//!
//! ```python
//! import hashlib, json
//! sha256 = lambda text: hashlib.sha256(text.encode()).hexdigest()
//! def cut(line, member, last=False):
//!     at = line.rfind(member) if last else line.find(member)
//!     assert at >= 0, member
//!     return line[:at] + line[at + len(member):]
//! prev = "0" * 64
//! for seq, line in enumerate(open("audit.jsonl", encoding="utf-8"), start=1):
//!     line = line.rstrip("\n")
//!     rec = json.loads(line)
//!     content = cut(line, '"content_hash":"%s",' % rec["content_hash"])
//!     content = cut(content, ',"hash":"%s"' % rec["hash"])
//!     for name in ("prev_hash", "recorded_at"):
//!         content = cut(content, ',"%s":"%s"' % (name, rec[name]), last=True)
//!     content = cut(content, ',"seq":%d' % rec["seq"], last=True)
//!     link = '{"content_hash":"%s","prev_hash":"%s","recorded_at":"%s","seq":%d}' % (
//!         rec["content_hash"], rec["prev_hash"], rec["recorded_at"], rec["seq"])
//!     assert rec["seq"] == seq and rec["prev_hash"] == prev, seq
//!     assert sha256(content) == rec["content_hash"], seq
//!     assert sha256(link) == rec["hash"], seq
//!     prev = rec["hash"]
//! ```
//!
//! In the database, `inputs` and `outputs` are stored as their canonical JSON
//! text and `content_hash` has its own column, so both preimages can also be
//! assembled from a row's columns.
//!
//! # What the chain cannot show
//!
//! Someone who can write the file can cut records off the *end*, or rewrite the
//! whole chain from some point on with fresh hashes. Both are caught only by
//! comparing with a copy of a recent `hash` kept elsewhere: [`VerifyReport::last_hash`]
//! is that value; record it (in a ticket, an e-mail, a signed log) now and then.
//! The table also refuses `UPDATE` and `DELETE` through triggers, which stops
//! mistakes, not an attacker.
//!
//! # Durability and concurrency
//!
//! Appends take SQLite's write lock first (`BEGIN IMMEDIATE`), read the last
//! record and insert after it in the same transaction, so several processes and
//! threads can append to one file and still form one valid chain. Each commit is
//! synced to disk (`synchronous=FULL` in WAL mode) before [`AuditStore::append`]
//! returns, so a record it returned survives a crash of the process or the
//! machine. Under concurrent load, a [`GroupAppender`] lets many callers share one
//! synced transaction, and copies the log into the database on a thread of its own.
//!
//! New files use 8 KiB pages: a 9.5 KB record takes one full overflow page and
//! a small part of a leaf. Files of
//! schema version 1 (one hash over the whole record) are refused, not migrated.

pub mod body;
pub mod canonical;
mod error;
pub mod graph;
mod group;
mod migrate;
mod scan;
mod store;

pub use error::StoreError;
pub use group::{AppendResult, GroupAppender};
pub use migrate::{MigrationReport, migrate};
pub use scan::ScanRow;
pub use store::{
    AuditStore, DEFAULT_CHUNK_SIZE, GENESIS_PREV_HASH, GuardedAppend, LedgerEntry, ListFilter,
    NewRecord, PreparedRecord, Receipt, RecordSummary, SCHEMA_VERSION, StoredRecord, VerifyReport,
};
