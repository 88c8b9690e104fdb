//! What changed between two versions of the screening lists (`earl lists diff OLD NEW`).
//!
//! Entries are matched by list and primary name (whitespace collapsed, case folded): trade.gov's
//! `_id` cannot be the key, because the Entity List's is a hash of the name and the Federal
//! Register notice (a new notice gives a new id) and DTC's and MEU's are drawn anew on every run
//! (docs/research/feeds.md §2.4). The CSL splits one entity into a row per address, so rows of
//! one key are paired: identical rows first, then, repeatedly, the old and new rows that differ
//! in the fewest fields; what is left over was added or removed.

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
        crate::identity::name_key(&entry.name),
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
        // Then, repeatedly, the old and new rows that differ least (ties: first in file order).
        while !olds.is_empty() && !news.is_empty() {
            let mut best: Option<(usize, usize, Vec<FieldChange>)> = None;
            for (i, o) in olds.iter().enumerate() {
                for (j, n) in news.iter().enumerate() {
                    let c = changes(o, n);
                    if best.as_ref().is_none_or(|(_, _, b)| c.len() < b.len()) {
                        best = Some((i, j, c));
                    }
                }
            }
            let (i, j, fields) = best.expect("both sides are non-empty");
            olds.remove(i);
            let n = news.remove(j);
            per_list.entry(list.clone()).or_default().changed += 1;
            changed.push(ChangedEntry {
                name: n.name.clone(),
                list: list.clone(),
                fields,
            });
        }
        for o in olds {
            per_list.entry(list.clone()).or_default().removed += 1;
            removed.push(diff_entry(o));
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

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids";
    const EL: &str = "Entity List (EL) - Bureau of Industry and Security";

    fn row(name: &str, address: &str, notice: &str, aliases: &str) -> String {
        let mut cells = vec![String::new(); 29];
        cells[1] = EL.into();
        cells[5] = format!("\"{name}\"");
        cells[7] = format!("\"{address}\"");
        cells[8] = format!("\"{notice}\"");
        cells[22] = format!("\"{aliases}\"");
        cells.join(",")
    }

    fn lists(tag: &str, rows: &[String]) -> ScreeningLists {
        let dir = std::env::temp_dir().join(format!("earl-diff-{}-{tag}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{tag}.csv"));
        std::fs::write(&path, format!("{HEADER}\n{}\n", rows.join("\n"))).unwrap();
        let lists = ScreeningLists::from_path(&path).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        lists
    }

    #[test]
    fn rows_of_one_entity_pair_up_and_reordering_is_no_change() {
        let old = lists(
            "old",
            &[
                row(
                    "Acme Ltd",
                    "1 Road, Shenzhen, CN",
                    "89 FR 1",
                    "Acme; ACME Co",
                ),
                row(
                    "Acme Ltd",
                    "2 Road, Hong Kong, HK",
                    "89 FR 1",
                    "Acme; ACME Co",
                ),
                row("Gone Co", "3 Road, Beijing, CN", "88 FR 2", ""),
            ],
        );
        let new = lists(
            "new",
            &[
                // Aliases reordered, name spacing and case changed: the same entry.
                row(
                    "ACME  Ltd",
                    "2 Road, Hong Kong, HK",
                    "89 FR 1",
                    "ACME Co; Acme",
                ),
                // The other row moved and gained a notice.
                row(
                    "Acme Ltd",
                    "9 Street, Shenzhen, CN",
                    "89 FR 1; 90 FR 5",
                    "Acme; ACME Co",
                ),
                row("New Co", "4 Road, Wuhan, CN", "91 FR 3", ""),
            ],
        );
        let d = diff(&old, &new);
        assert_eq!(d.added.len(), 1);
        assert_eq!(
            (d.added[0].name.as_str(), d.added[0].list.as_str()),
            ("New Co", "EL")
        );
        assert_eq!(d.removed.len(), 1);
        assert_eq!(d.removed[0].name, "Gone Co");
        assert_eq!(d.changed.len(), 2, "{:?}", d.changed);
        let moved = d
            .changed
            .iter()
            .find(|c| c.fields.iter().any(|f| f.field == "addresses"))
            .unwrap();
        let fields: Vec<&str> = moved.fields.iter().map(|f| f.field).collect();
        assert_eq!(fields, ["addresses", "federal_register_notice"]);
        assert_eq!(
            moved.fields[0].after,
            FieldValue::List(vec!["9 Street, Shenzhen, CN".into()])
        );
        // The respaced name is reported as a change of name only.
        let renamed = d.changed.iter().find(|c| c.name == "ACME  Ltd").unwrap();
        assert_eq!(renamed.fields.len(), 1);
        assert_eq!(renamed.fields[0].field, "name");
        assert_eq!(
            d.per_list["EL"],
            ListTally {
                added: 1,
                removed: 1,
                changed: 2
            }
        );
        assert!(diff(&old, &old).is_empty());
    }
}
