//! What changed between two versions of the screening lists (`earl lists diff OLD NEW`).
//!
//! Entries are matched by list and primary name (whitespace collapsed, case folded): trade.gov's
//! `_id` cannot be the key, because the Entity List's is a hash of the name and the Federal
//! Register notice (a new notice gives a new id) and DTC's and MEU's are drawn anew on every run
//! (docs/research/feeds.md §2.4). The CSL splits one entity into a row per address, so rows of
//! one key are paired: identical rows first, then each remaining old row with the new row it
//! differs from least; what is left over was added or removed.

use crate::lists::{Entry, Provenance, ScreeningLists};
use serde::Serialize;
use std::collections::BTreeMap;

/// The fields compared, in the order they are reported.
pub const COMPARED_FIELDS: [&str; 8] = [
    "name",
    "alt_names",
    "addresses",
    "federal_register_notice",
    "license_requirement",
    "license_policy",
    "programs",
    "type",
];

/// One field's value: a text field (absent or a string) or a list of strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FieldValue {
    Text(Option<String>),
    List(Vec<String>),
}

/// One entry added or removed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffEntry {
    pub name: String,
    /// Short list code (`EL`, `SDN`, ...).
    pub list: String,
    pub alt_names: Vec<String>,
    pub addresses: Vec<String>,
    pub federal_register_notice: Option<String>,
    pub license_requirement: Option<String>,
    pub license_policy: Option<String>,
}

/// One field that differs between the two versions of an entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub before: FieldValue,
    pub after: FieldValue,
}

/// An entry present in both versions with some fields changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangedEntry {
    /// The new version's name.
    pub name: String,
    pub list: String,
    pub fields: Vec<FieldChange>,
}

/// Counts per list, for the summary line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ListTally {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
}

/// `earl lists diff`: both provenances and every difference, by list then name.
#[derive(Debug, Clone, Serialize)]
pub struct ListsDiff {
    pub from: Provenance,
    pub to: Provenance,
    pub added: Vec<DiffEntry>,
    pub removed: Vec<DiffEntry>,
    pub changed: Vec<ChangedEntry>,
    /// Per list code, only lists with a difference.
    pub per_list: BTreeMap<String, ListTally>,
}

impl ListsDiff {
    /// Whether the two versions hold the same entries.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// The key entries are matched by.
fn key(entry: &Entry) -> (String, String) {
    (
        entry.list.as_str().to_string(),
        entry
            .name
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
    )
}

fn sorted(items: &[String]) -> Vec<String> {
    let mut v = items.to_vec();
    v.sort();
    v.dedup();
    v
}

/// The compared value of `field` (lists as sorted sets: a reordering is not a change).
fn value(entry: &Entry, field: &str) -> FieldValue {
    match field {
        "name" => FieldValue::Text(Some(entry.name.clone())),
        "alt_names" => FieldValue::List(sorted(&entry.alt_names)),
        "addresses" => FieldValue::List(sorted(&entry.addresses)),
        "federal_register_notice" => FieldValue::Text(entry.federal_register_notice.clone()),
        "license_requirement" => FieldValue::Text(entry.license_requirement.clone()),
        "license_policy" => FieldValue::Text(entry.license_policy.clone()),
        "programs" => FieldValue::List(sorted(&entry.programs)),
        "type" => FieldValue::Text(entry.entity_type.clone()),
        _ => unreachable!("COMPARED_FIELDS lists every field"),
    }
}

fn changes(old: &Entry, new: &Entry) -> Vec<FieldChange> {
    COMPARED_FIELDS
        .iter()
        .filter_map(|field| {
            let (before, after) = (value(old, field), value(new, field));
            (before != after).then_some(FieldChange {
                field,
                before,
                after,
            })
        })
        .collect()
}

fn diff_entry(e: &Entry) -> DiffEntry {
    DiffEntry {
        name: e.name.clone(),
        list: e.list.as_str().to_string(),
        alt_names: e.alt_names.clone(),
        addresses: e.addresses.clone(),
        federal_register_notice: e.federal_register_notice.clone(),
        license_requirement: e.license_requirement.clone(),
        license_policy: e.license_policy.clone(),
    }
}

/// Everything added, removed and changed from `old` to `new`.
pub fn diff(old: &ScreeningLists, new: &ScreeningLists) -> ListsDiff {
    type Groups<'a> = BTreeMap<(String, String), (Vec<&'a Entry>, Vec<&'a Entry>)>;
    let mut groups: Groups<'_> = BTreeMap::new();
    for e in &old.entries {
        groups.entry(key(e)).or_default().0.push(e);
    }
    for e in &new.entries {
        groups.entry(key(e)).or_default().1.push(e);
    }
    let (mut added, mut removed, mut changed) = (Vec::new(), Vec::new(), Vec::new());
    let mut per_list: BTreeMap<String, ListTally> = BTreeMap::new();
    for ((list, _), (mut olds, mut news)) in groups {
        // Identical rows first.
        olds.retain(
            |o| match news.iter().position(|n| changes(o, n).is_empty()) {
                Some(i) => {
                    news.remove(i);
                    false
                }
                None => true,
            },
        );
        // Then each old row with the new row it differs from least.
        for o in olds {
            let best = news
                .iter()
                .enumerate()
                .map(|(i, n)| (changes(o, n), i))
                .min_by_key(|(c, i)| (c.len(), *i));
            match best {
                Some((fields, i)) => {
                    let n = news.remove(i);
                    per_list.entry(list.clone()).or_default().changed += 1;
                    changed.push(ChangedEntry {
                        name: n.name.clone(),
                        list: list.clone(),
                        fields,
                    });
                }
                None => {
                    per_list.entry(list.clone()).or_default().removed += 1;
                    removed.push(diff_entry(o));
                }
            }
        }
        for n in news {
            per_list.entry(list.clone()).or_default().added += 1;
            added.push(diff_entry(n));
        }
    }
    ListsDiff {
        from: old.provenance.clone(),
        to: new.provenance.clone(),
        added,
        removed,
        changed,
        per_list,
    }
}
