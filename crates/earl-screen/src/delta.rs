//! Re-screening after a list update, through what changed only.
//!
//! Every index weighs words by the same statistics ([`crate::reference_stats`]), so a name's
//! score against an entry does not depend on the other entries. What screening a name against
//! the new lists gives can then differ from what it gave against the old ones only where the
//! name meets an entry that was added, removed or changed: a [`Delta`] indexes just those
//! entries (both versions of a changed one), and a name it does not reach
//! ([`Screener::reaches`]) keeps its earlier result. The property test in
//! `tests/delta.rs` holds this against full re-screening over random list edits.

use crate::lists::{Entry, ScreeningLists};
use crate::screener::{COMMON_SYMBOL_POSTINGS, Screener};
use std::collections::HashMap;

/// The entries two indexes do not share, indexed.
pub struct Delta<'a> {
    old: &'a Screener,
    new: &'a Screener,
    changed: Screener,
    /// Entries of the new lists that the old ones lack (added, or a changed entry's new form).
    pub added: usize,
    /// Entries of the old lists that the new ones lack (removed, or a changed entry's old form).
    pub removed: usize,
}

impl<'a> Delta<'a> {
    /// The entries of `old` and `new` that the other lacks, compared whole (every field the
    /// index keeps, including the entry's hash of what a reviewer saw).
    pub fn between(old: &'a Screener, new: &'a Screener) -> Delta<'a> {
        let key = |e: &Entry| postcard::to_allocvec(e).expect("entries serialise");
        let mut old_entries: HashMap<Vec<u8>, Vec<Entry>> = HashMap::new();
        for e in old.entries() {
            old_entries.entry(key(&e)).or_default().push(e);
        }
        let mut added = Vec::new();
        for e in new.entries() {
            match old_entries.get_mut(&key(&e)).and_then(Vec::pop) {
                Some(_) => {}
                None => added.push(e),
            }
        }
        let removed: Vec<Entry> = old_entries.into_values().flatten().collect();
        let (added_count, removed_count) = (added.len(), removed.len());
        let mut entries = added;
        entries.extend(removed);
        let changed = Screener::new(&ScreeningLists {
            entries,
            provenance: new.provenance().clone(),
        });
        Delta {
            old,
            new,
            changed,
            added: added_count,
            removed: removed_count,
        }
    }

    /// Whether screening `name` against the new lists could differ from screening it against
    /// the old ones.
    pub fn affects(&self, name: &str) -> bool {
        // A person-name symbol that both lists carry on too many names finds nothing in either.
        let symbol_used = |s: u32| {
            self.old.symbol_names(s).len() <= COMMON_SYMBOL_POSTINGS
                || self.new.symbol_names(s).len() <= COMMON_SYMBOL_POSTINGS
        };
        self.changed.entry_count() > 0 && self.changed.reaches(name, &symbol_used)
    }
}
