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
//! and two hashes:
//!
//! * `prev_hash`: the `hash` of record `seq - 1`, or 64 zeros for record 1;
//! * `hash`: lowercase hex SHA-256 of the record's *preimage*, the
//!   [canonical JSON](canonical) object of every field except `hash`:
//!
//! ```text
//! {"earl_version":…,"inputs":…,"kind":…,"lists_hash":…,"outputs":…,
//!  "prev_hash":…,"recorded_at":…,"rules_hash":…,"seq":…,"source":…}
//! ```
//!
//! (one line, no spaces; `lists_hash` is `null` when no lists were used). Changing
//! any byte of a record changes its hash; changing the hash too breaks the next
//! record's `prev_hash`; deleting or reordering records breaks `seq` or the links.
//! [`AuditStore::verify`] walks the chain and names the first record that fails.
//!
//! # Verifying without earl
//!
//! [`AuditStore::export_jsonl`] writes one canonical JSON object per line: the
//! preimage above with `"hash":"<hex>",` inserted after `earl_version` (keys stay
//! sorted). So the preimage of a line is the line itself with that member cut out,
//! and no JSON library has to agree with earl on how to print numbers:
//!
//! ```python
//! import hashlib, json
//! prev = "0" * 64
//! for seq, line in enumerate(open("audit.jsonl", encoding="utf-8"), start=1):
//!     line = line.rstrip("\n")
//!     rec = json.loads(line)
//!     preimage = line.replace('"hash":"%s",' % rec["hash"], "", 1)
//!     assert rec["seq"] == seq and rec["prev_hash"] == prev, seq
//!     assert hashlib.sha256(preimage.encode()).hexdigest() == rec["hash"], seq
//!     prev = rec["hash"]
//! ```
//!
//! In the database, `inputs` and `outputs` are stored as their canonical JSON
//! text, so the preimage can also be assembled from a row's columns.
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
//! synced to disk before [`AuditStore::append`] returns, so a record it returned
//! survives a crash of the process or the machine. Under concurrent load, a
//! [`GroupAppender`] lets many callers share one synced transaction.

pub mod canonical;
mod error;
mod group;
mod store;

pub use error::StoreError;
pub use group::{AppendResult, GroupAppender};
pub use store::{
    AuditStore, DEFAULT_CHUNK_SIZE, GENESIS_PREV_HASH, ListFilter, NewRecord, RecordSummary,
    SCHEMA_VERSION, StoredRecord, VerifyReport,
};
