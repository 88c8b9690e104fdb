//! The screening index as one byte layout, read in place.
//!
//! A one-off `earl screen` must not pay for the whole list: the index is written once as a file
//! of *sections* (flat little-endian arrays and length-prefixed records) and later mapped into
//! memory (`memmap2`), so a query touches only the pages it reads: a few binary searches in the
//! term tables, the posting lists it walks, and the records of the few dozen names it scores.
//! Resident memory grows with the query, not with the list.
//!
//! Layout: a header (magic, the build's index-inputs hash, the section count, the payload's
//! SHA-256), a table of `(offset, length)` per [`Section`], then the sections, each starting on
//! an 8-byte boundary so that its integers are read as slices without copying (`bytemuck`).
//!
//! What is checked when a file is opened: the header names this build, the length is whole,
//! every section lies inside the file and is aligned, the offset tables end inside their
//! records, and the posting and form tables name no name past the last. The payload hash is
//! checked in full right after the file is written (before it is renamed into place) and by
//! [`Stored::verify`]; a file that fails any check is not used (the caller builds the index
//! again), never trusted in part.

use crate::screener::IndexError;
use sha2::{Digest, Sha256};

#[cfg(not(target_endian = "little"))]
compile_error!("the stored screening index is read as little-endian integers in place");

const MAGIC: &[u8; 8] = b"EARLIDX\x02";

/// The sections of a stored index, in file order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    /// The lists' provenance (JSON).
    Provenance,
    /// The token statistics (postcard).
    Stats,
    /// Per name: entry, form, flags (`u32` × 3).
    NameRecords,
    /// Per name: where its record (text and prepared parts, postcard) starts; one more at the end.
    NameStarts,
    NameBlobs,
    /// Per entry: where its record (postcard) starts; one more at the end.
    EntryStarts,
    EntryBlobs,
    /// Per entry: its list and address countries (postcard), for the list and country filters.
    FilterStarts,
    FilterBlobs,
    /// The names of each form: `FormNames[FormStarts[f]..FormStarts[f + 1]]`.
    FormStarts,
    FormNames,
    /// Hashes of term texts, sorted, and the term id of each.
    TermHashes,
    TermIds,
    /// Term texts: `TermTexts[TermTextStarts[t]..TermTextStarts[t + 1]]`.
    TermTextStarts,
    TermTexts,
    /// Names containing term `t`: `PostingNames[PostingStarts[t]..PostingStarts[t + 1]]`.
    PostingStarts,
    PostingNames,
    /// 32-bit hashes of romanisation keys and their one-deletion variants, sorted; term of each.
    DeletionHashes,
    DeletionTerms,
    /// Hashes of consonant skeletons, sorted; term of each.
    SkeletonHashes,
    SkeletonTerms,
    /// Person-name symbols, sorted; their names: `SymbolNames[SymbolStarts[s]..SymbolStarts[s + 1]]`.
    Symbols,
    SymbolStarts,
    SymbolNames,
    /// Hashes of (list, name) of every entry, sorted, with the entry: the rows of one entity.
    EntityKeys,
    EntityEntries,
}

pub(crate) const SECTIONS: [Section; 26] = [
    Section::Provenance,
    Section::Stats,
    Section::NameRecords,
    Section::NameStarts,
    Section::NameBlobs,
    Section::EntryStarts,
    Section::EntryBlobs,
    Section::FilterStarts,
    Section::FilterBlobs,
    Section::FormStarts,
    Section::FormNames,
    Section::TermHashes,
    Section::TermIds,
    Section::TermTextStarts,
    Section::TermTexts,
    Section::PostingStarts,
    Section::PostingNames,
    Section::DeletionHashes,
    Section::DeletionTerms,
    Section::SkeletonHashes,
    Section::SkeletonTerms,
    Section::Symbols,
    Section::SymbolStarts,
    Section::SymbolNames,
    Section::EntityKeys,
    Section::EntityEntries,
];

/// Header: magic, index-inputs hash (64 hex bytes), section count, payload SHA-256.
fn header_length(build: &[u8]) -> usize {
    MAGIC.len() + build.len() + 8 + 32
}

/// Writes sections into one buffer, in [`SECTIONS`] order.
pub(crate) struct Writer {
    sections: Vec<Vec<u8>>,
}

impl Writer {
    pub fn new() -> Writer {
        Writer {
            sections: vec![Vec::new(); SECTIONS.len()],
        }
    }

    pub fn bytes(&mut self, section: Section, bytes: Vec<u8>) {
        self.sections[section as usize] = bytes;
    }

    pub fn u32s(&mut self, section: Section, values: &[u32]) {
        self.bytes(section, bytemuck::cast_slice(values).to_vec());
    }

    pub fn u64s(&mut self, section: Section, values: &[u64]) {
        self.bytes(section, bytemuck::cast_slice(values).to_vec());
    }

    /// Records one after another, with the table of where each starts (and the end).
    pub fn records(&mut self, starts: Section, blobs: Section, records: &[Vec<u8>]) {
        let mut offsets = Vec::with_capacity(records.len() + 1);
        let mut all = Vec::new();
        for r in records {
            offsets.push(u32::try_from(all.len()).expect("records under 4 GiB"));
            all.extend_from_slice(r);
        }
        offsets.push(u32::try_from(all.len()).expect("records under 4 GiB"));
        self.u32s(starts, &offsets);
        self.bytes(blobs, all);
    }

    /// The whole file: header, section table, sections.
    pub fn finish(self, build: &[u8]) -> Vec<u8> {
        let table_start = header_length(build);
        let mut offset = align(table_start + SECTIONS.len() * 16);
        let mut table = Vec::with_capacity(SECTIONS.len() * 16);
        for s in &self.sections {
            table.extend_from_slice(&(offset as u64).to_le_bytes());
            table.extend_from_slice(&(s.len() as u64).to_le_bytes());
            offset = align(offset + s.len());
        }
        let mut payload = table;
        payload.resize(align(table_start + payload.len()) - table_start, 0);
        for s in &self.sections {
            payload.extend_from_slice(s);
            payload.resize(align(table_start + payload.len()) - table_start, 0);
        }
        let mut out = Vec::with_capacity(table_start + payload.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(build);
        out.extend_from_slice(&(SECTIONS.len() as u64).to_le_bytes());
        out.extend_from_slice(&Sha256::digest(&payload));
        out.extend_from_slice(&payload);
        out
    }
}

fn align(n: usize) -> usize {
    n.next_multiple_of(8)
}

/// Where the bytes live: a buffer of this process (8-aligned: kept as `u64`s) or a mapped file.
enum Backing {
    Owned { words: Vec<u64>, length: usize },
    Mapped(memmap2::Mmap),
}

impl Backing {
    fn bytes(&self) -> &[u8] {
        match self {
            Backing::Owned { words, length } => &bytemuck::cast_slice(words)[..*length],
            Backing::Mapped(map) => map,
        }
    }
}

/// A stored index, checked as the module documentation says, with typed views of its sections.
pub(crate) struct Stored {
    backing: Backing,
    /// Where the section table, and the hashed payload, start.
    table_start: usize,
    ranges: Vec<(usize, usize)>,
}

impl Stored {
    /// Copies `bytes` into an aligned buffer and checks them.
    pub fn from_bytes(bytes: &[u8], build: &[u8]) -> Result<Stored, IndexError> {
        let mut words = vec![0u64; bytes.len().div_ceil(8)];
        bytemuck::cast_slice_mut::<u64, u8>(&mut words)[..bytes.len()].copy_from_slice(bytes);
        Stored::checked(
            Backing::Owned {
                words,
                length: bytes.len(),
            },
            build,
        )
    }

    /// Maps the file at `path` and checks it.
    pub fn map(path: &std::path::Path, build: &[u8]) -> Result<Stored, IndexError> {
        let file = std::fs::File::open(path).map_err(|e| IndexError(e.to_string()))?;
        // SAFETY: the index is only ever written to a temporary file and renamed into place, so
        // a file once mapped is never written again (a new index is a new file); a process
        // that truncated it in place would break that contract, which no earl does.
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| IndexError(e.to_string()))?;
        Stored::checked(Backing::Mapped(map), build)
    }

    fn checked(backing: Backing, build: &[u8]) -> Result<Stored, IndexError> {
        let bytes = backing.bytes();
        let bad = |why: &str| IndexError(why.to_string());
        let rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or_else(|| bad("no index header"))?
            .strip_prefix(build)
            .ok_or_else(|| bad("another build's index"))?;
        let (count, _) = rest
            .split_first_chunk::<8>()
            .ok_or_else(|| bad("no section count"))?;
        if u64::from_le_bytes(*count) != SECTIONS.len() as u64 {
            return Err(bad("another section count"));
        }
        let table_start = header_length(build);
        let table = bytes
            .get(table_start..table_start + SECTIONS.len() * 16)
            .ok_or_else(|| bad("truncated section table"))?;
        let mut ranges = Vec::with_capacity(SECTIONS.len());
        for entry in table.chunks_exact(16) {
            let offset = u64::from_le_bytes(entry[..8].try_into().expect("8 bytes")) as usize;
            let length = u64::from_le_bytes(entry[8..].try_into().expect("8 bytes")) as usize;
            let end = offset
                .checked_add(length)
                .filter(|&end| {
                    end <= bytes.len() && offset.is_multiple_of(8) && offset >= table_start
                })
                .ok_or_else(|| bad("a section outside the file"))?;
            ranges.push((offset, end));
        }
        let last_end = ranges.last().map_or(0, |r| r.1);
        if align(last_end) != bytes.len() {
            return Err(bad("truncated or extended"));
        }
        let stored = Stored {
            backing,
            table_start,
            ranges,
        };
        stored.check_tables()?;
        Ok(stored)
    }

    /// The cheap consistency checks every open makes: counts agree, and the ends of every
    /// offset table lie inside the records they index.
    fn check_tables(&self) -> Result<(), IndexError> {
        let bad = |why: &str| Err(IndexError(why.to_string()));
        for s in SECTIONS {
            let length = self.bytes(s).len();
            let width = match s {
                Section::TermHashes | Section::SkeletonHashes | Section::EntityKeys => 8,
                Section::Provenance
                | Section::Stats
                | Section::NameBlobs
                | Section::EntryBlobs
                | Section::FilterBlobs
                | Section::TermTexts => 1,
                _ => 4,
            };
            if !length.is_multiple_of(width) {
                return bad("a section of partial integers");
            }
        }
        let names = self.u32s(Section::NameRecords).len() / 3;
        let entries = self.u32s(Section::EntryStarts).len().saturating_sub(1);
        let terms = self.u32s(Section::TermTextStarts).len().saturating_sub(1);
        let pairs = [
            (Section::TermHashes, Section::TermIds),
            (Section::DeletionHashes, Section::DeletionTerms),
            (Section::SkeletonHashes, Section::SkeletonTerms),
            (Section::EntityKeys, Section::EntityEntries),
        ];
        for (keys, values) in pairs {
            let width = if matches!(keys, Section::DeletionHashes) {
                4
            } else {
                8
            };
            if self.bytes(keys).len() / width != self.u32s(values).len() {
                return bad("a key table and its values differ in length");
            }
        }
        let ends_inside = |starts: Section, items: usize, records: usize| {
            let table = self.u32s(starts);
            table.len() == items + 1
                && table.first() == Some(&0)
                && table.last().is_some_and(|&e| e as usize == records)
        };
        if !ends_inside(
            Section::NameStarts,
            names,
            self.bytes(Section::NameBlobs).len(),
        ) || !ends_inside(
            Section::EntryStarts,
            entries,
            self.bytes(Section::EntryBlobs).len(),
        ) || !ends_inside(
            Section::FilterStarts,
            entries,
            self.bytes(Section::FilterBlobs).len(),
        ) || !ends_inside(
            Section::TermTextStarts,
            terms,
            self.bytes(Section::TermTexts).len(),
        ) || !ends_inside(
            Section::PostingStarts,
            terms,
            self.u32s(Section::PostingNames).len(),
        ) || !ends_inside(
            Section::FormStarts,
            self.u32s(Section::FormStarts).len().saturating_sub(1),
            self.u32s(Section::FormNames).len(),
        ) || !ends_inside(
            Section::SymbolStarts,
            self.u32s(Section::Symbols).len(),
            self.u32s(Section::SymbolNames).len(),
        ) {
            return bad("an offset table that does not end with its records");
        }
        Ok(())
    }

    /// The payload hash and every offset table in full: after writing, before the file is
    /// renamed into place, and on demand. Reads the whole index.
    pub fn verify(&self) -> Result<(), IndexError> {
        let bytes = self.backing.bytes();
        let stored_hash = &bytes[self.table_start - 32..self.table_start];
        if Sha256::digest(&bytes[self.table_start..]).as_slice() != stored_hash {
            return Err(IndexError("payload hash differs".into()));
        }
        let names = self.u32s(Section::NameRecords).len() / 3;
        let entries = self.u32s(Section::EntryStarts).len() - 1;
        let forms = self.u32s(Section::FormStarts).len() - 1;
        let terms = self.u32s(Section::TermTextStarts).len() - 1;
        let increasing = |s: Section| self.u32s(s).windows(2).all(|w| w[0] <= w[1]);
        let all_below = |s: Section, n: usize| self.u32s(s).iter().all(|&v| (v as usize) < n);
        let sorted64 = |s: Section| self.u64s(s).windows(2).all(|w| w[0] <= w[1]);
        let ok = [
            Section::NameStarts,
            Section::EntryStarts,
            Section::FilterStarts,
            Section::FormStarts,
            Section::TermTextStarts,
            Section::PostingStarts,
            Section::SymbolStarts,
            Section::DeletionHashes,
            Section::Symbols,
        ]
        .into_iter()
        .all(increasing)
            && sorted64(Section::TermHashes)
            && sorted64(Section::SkeletonHashes)
            && sorted64(Section::EntityKeys)
            && all_below(Section::PostingNames, names)
            && all_below(Section::FormNames, names)
            && all_below(Section::SymbolNames, names)
            && all_below(Section::TermIds, terms)
            && all_below(Section::DeletionTerms, terms)
            && all_below(Section::SkeletonTerms, terms)
            && all_below(Section::EntityEntries, entries)
            && self
                .u32s(Section::NameRecords)
                .chunks_exact(3)
                .all(|r| (r[0] as usize) < entries && (r[1] as usize) < forms);
        if !ok {
            return Err(IndexError("an inconsistent table".into()));
        }
        Ok(())
    }

    pub fn bytes(&self, section: Section) -> &[u8] {
        let (start, end) = self.ranges[section as usize];
        &self.backing.bytes()[start..end]
    }

    pub fn u32s(&self, section: Section) -> &[u32] {
        bytemuck::cast_slice(self.bytes(section))
    }

    pub fn u64s(&self, section: Section) -> &[u64] {
        bytemuck::cast_slice(self.bytes(section))
    }

    /// Record `i` of a records section.
    pub fn record(&self, starts: Section, blobs: Section, i: usize) -> &[u8] {
        let starts = self.u32s(starts);
        &self.bytes(blobs)[starts[i] as usize..starts[i + 1] as usize]
    }

    /// The whole file.
    pub fn all(&self) -> &[u8] {
        self.backing.bytes()
    }
}
