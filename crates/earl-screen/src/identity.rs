//! Which list entry a match is, across list updates, and whether it is still the entry a
//! reviewer saw: the entry id and the entry content hash that hit review keys on.
//!
//! **Entry id.** `LIST:ENTITY_NUMBER` where the list gives an entity number (SDN, SSI, CMIC,
//! NS-MBS, PLC, CAP: unique per list in the bundled file). Where it gives none (every Entity
//! List, DPL, UVL, MEU, DTC and ISN row in trade.gov's file), `LIST:n` followed by 16 hex
//! digits of SHA-256 over the list code and the primary name (whitespace collapsed, case
//! folded) — the key `earl lists diff` pairs entries by. Nothing else enters it, so the id
//! stays when aliases, addresses, notices or any other entry change; a renamed entry is a new
//! entry. trade.gov's own `_id` cannot serve: the Entity List's is a hash of the name and the
//! notice, and DTC's and MEU's are drawn anew on every run (docs/research/feeds.md §2.4).
//! Rows sharing an id (the CSL splits one entity into a row per address) are one entry.
//!
//! **Entry hash.** 16 hex digits of SHA-256 over the fields a reviewer's judgement rests on,
//! across all rows of the id, each as a sorted set: primary names, aliases, addresses,
//! programmes, Federal Register notices. A new alias, address, programme or notice changes it;
//! the licence columns, the type and the row order do not.

use crate::lists::Entry;
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap};

/// Hex digits kept of each SHA-256 (64 bits: ample to tell entries and versions apart).
const HEX_DIGITS: usize = 16;

/// Separates fields in hashed text: a control character no list field carries.
const SEPARATOR: char = '\u{1f}';

fn short_sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()[..HEX_DIGITS]
        .to_string()
}

/// The primary name as entries are keyed: whitespace collapsed, case folded.
pub(crate) fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The stable id of an entry (see the module documentation).
pub fn entry_id(entry: &Entry) -> String {
    let list = entry.list.as_str();
    match &entry.entity_number {
        Some(number) => format!("{list}:{number}"),
        None => format!(
            "{list}:n{}",
            short_sha256(&format!("{list}{SEPARATOR}{}", name_key(&entry.name)))
        ),
    }
}

/// Sets every entry's `entry_id` and `entry_hash` (the hash over all rows sharing the id).
pub(crate) fn assign(entries: &mut [Entry]) {
    #[derive(Default)]
    struct Fields<'a> {
        names: BTreeSet<&'a str>,
        aliases: BTreeSet<&'a str>,
        addresses: BTreeSet<&'a str>,
        programs: BTreeSet<&'a str>,
        notices: BTreeSet<&'a str>,
    }
    let ids: Vec<String> = entries.iter().map(entry_id).collect();
    let mut fields: HashMap<&str, Fields> = HashMap::new();
    for (entry, id) in entries.iter().zip(&ids) {
        let f = fields.entry(id.as_str()).or_default();
        f.names.insert(&entry.name);
        f.aliases.extend(entry.alt_names.iter().map(String::as_str));
        f.addresses
            .extend(entry.addresses.iter().map(String::as_str));
        f.programs.extend(entry.programs.iter().map(String::as_str));
        f.notices.extend(entry.federal_register_notice.as_deref());
    }
    let joined = |set: &BTreeSet<&str>| set.iter().copied().collect::<Vec<_>>().join("\u{1e}");
    let hashes: HashMap<&str, String> = fields
        .iter()
        .map(|(id, f)| {
            let text = [&f.names, &f.aliases, &f.addresses, &f.programs, &f.notices]
                .map(joined)
                .join(&SEPARATOR.to_string());
            (*id, short_sha256(&text))
        })
        .collect();
    let hashes: Vec<String> = ids.iter().map(|id| hashes[id.as_str()].clone()).collect();
    for ((entry, id), hash) in entries.iter_mut().zip(ids).zip(hashes) {
        entry.entry_id = id;
        entry.entry_hash = hash;
    }
}

#[cfg(test)]
mod tests {
    use crate::lists::{BUNDLED_CSV, Entry, parse_csv};

    /// The bundled list with `edit` applied to each row (as CSV cells), ids and hashes assigned.
    fn bundled_edited(edit: impl Fn(&mut Vec<String>)) -> Vec<Entry> {
        let mut reader = csv::Reader::from_reader(BUNDLED_CSV);
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(reader.headers().unwrap()).unwrap();
        for record in reader.records() {
            let mut cells: Vec<String> = record.unwrap().iter().map(str::to_string).collect();
            edit(&mut cells);
            writer.write_record(&cells).unwrap();
        }
        let mut entries = parse_csv(&writer.into_inner().unwrap(), "edited.csv").unwrap();
        super::assign(&mut entries);
        entries
    }

    fn find<'a>(entries: &'a [Entry], name: &str) -> &'a Entry {
        entries.iter().find(|e| e.name == name).unwrap()
    }

    // Columns of trade.gov's 29-column layout.
    const NAME: usize = 5;
    const LICENSE_POLICY: usize = 13;
    const ALT_NAMES: usize = 22;
    const HUAWEI: &str = "Huawei Technologies Co., Ltd. (Huawei)";

    #[test]
    fn ids_are_the_entity_number_or_derived_from_list_and_name() {
        let entries = bundled_edited(|_| {});
        let kunlun = find(&entries, "BANK OF KUNLUN CO LTD");
        assert_eq!(kunlun.entry_id, "CAP:15268");
        let huawei = find(&entries, HUAWEI);
        assert_eq!(huawei.entity_number, None);
        assert!(huawei.entry_id.starts_with("EL:n"), "{}", huawei.entry_id);
        assert_eq!(huawei.entry_id.len(), "EL:n".len() + 16);
        assert_eq!(huawei.entry_hash.len(), 16);
        // Distinct entries, distinct ids: only rows of one list and one name (whitespace and
        // case aside) share one.
        let mut ids: Vec<(&str, String)> = entries
            .iter()
            .map(|e| (e.entry_id.as_str(), super::name_key(&e.name)))
            .collect();
        ids.sort();
        ids.dedup();
        for pair in ids.windows(2) {
            assert!(pair[0].0 != pair[1].0, "{pair:?} share an id");
        }
    }

    #[test]
    fn unrelated_changes_leave_id_and_hash_unchanged() {
        let before = bundled_edited(|_| {});
        let after = bundled_edited(|cells| {
            if cells[NAME] == "ZTE Parsian" {
                cells[ALT_NAMES].push_str("; ZTE NEW ALIAS");
            }
            if cells[NAME] == HUAWEI {
                cells[LICENSE_POLICY] = "Case-by-case review".into();
            }
        });
        let (old, new) = (find(&before, HUAWEI), find(&after, HUAWEI));
        assert_ne!(old.license_policy, new.license_policy);
        assert_eq!(old.entry_id, new.entry_id);
        assert_eq!(old.entry_hash, new.entry_hash);
        let (old_zte, new_zte) = (find(&before, "ZTE Parsian"), find(&after, "ZTE Parsian"));
        assert_eq!(old_zte.entry_id, new_zte.entry_id);
        assert_ne!(old_zte.entry_hash, new_zte.entry_hash);
    }

    #[test]
    fn a_new_alias_changes_the_hash_and_keeps_the_id() {
        let before = bundled_edited(|_| {});
        let after = bundled_edited(|cells| {
            if cells[NAME] == HUAWEI {
                cells[ALT_NAMES].push_str("; HUAWEI NEW ALIAS");
            }
        });
        let (old, new) = (find(&before, HUAWEI), find(&after, HUAWEI));
        assert_eq!(old.entry_id, new.entry_id);
        assert_ne!(old.entry_hash, new.entry_hash);
    }
}
