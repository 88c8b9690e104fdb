//! Answer bodies stored once. A batch of a million orders has a few thousand distinct answers:
//! the same determination for every row that asks the same question in the same epoch, except
//! for the date asked. So the store keeps each record's `outputs` as a body — the canonical
//! JSON without its per-question members ([`VOLATILE`]) — content-addressed and compressed
//! once, plus the row's own members (the overlay). The canonical `outputs` a record's hashes
//! cover is the body with the overlay members put back in key order, byte for byte what a
//! single serialisation would give (see [`splice`]).

use crate::canonical::write_string;
use lru::LruCache;
use sha2::{Digest, Sha256};
use std::cell::RefCell;
use std::num::NonZeroUsize;
use std::ops::Range;
use std::sync::Arc;

/// Top-level members of `outputs` kept with each record rather than in the shared body: the
/// date asked, which is all that differs between rows sharing one answer, and the name a
/// screening asked about, which is all that differs between the answers of names that match
/// nothing (most of a screening batch: one body for all of them).
pub const VOLATILE: &[&str] = &["date", "query"];

/// zstd level for bodies: the fastest; a 10 KB answer still shrinks to about a fifth (level 3
/// saved under 1% more on a batch of screening answers, at a fifth more time).
const ZSTD_LEVEL: i32 = 1;

/// A body ready to store: its canonical text, SHA-256 and compressed bytes, and where its
/// top-level members lie (`None` when the text is not an object).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub hash: String,
    pub text: Arc<str>,
    pub compressed: Arc<[u8]>,
    /// Read once, so that splicing a record's overlay into the body (every record: a server
    /// answering the same question again) copies the text once instead of parsing it again.
    members: Option<Arc<[Member]>>,
}

impl Body {
    /// Hashes and compresses a canonical JSON body.
    pub fn new(text: String) -> Body {
        let hash = hex::encode(Sha256::digest(text.as_bytes()));
        let compressed = COMPRESSOR.with_borrow_mut(|compressor| match compressor {
            Ok(compressor) => compressor.compress(text.as_bytes()),
            Err(_) => zstd::bulk::compress(text.as_bytes(), ZSTD_LEVEL),
        });
        Body {
            hash,
            members: members(&text).map(Into::into),
            text: text.into(),
            compressed: compressed
                .expect("compressing an in-memory buffer cannot fail")
                .into(),
        }
    }

    /// The body of `text`: the one this thread prepared lately for the same text, or a new one.
    ///
    /// A server asked the same question again, or a batch whose rows share an answer, would
    /// otherwise hash and compress the same ~15 KB again for every record — most of the cost of
    /// recording an answer. A body is a function of its text, so a cached one is the same body.
    pub fn shared(text: String) -> Arc<Body> {
        RECENT.with_borrow_mut(|recent| {
            if let Some(body) = recent.get(text.as_str()) {
                return Arc::clone(body);
            }
            let body = Arc::new(Body::new(text));
            recent.put(Arc::clone(&body.text), Arc::clone(&body));
            body
        })
    }
}

/// Bodies each thread keeps for [`Body::shared`]: at most ~20 KB each (text and compressed).
const RECENT_BODIES: NonZeroUsize = NonZeroUsize::new(32).unwrap();

thread_local! {
    /// One compression context per thread: creating one costs about as much as compressing a
    /// small answer.
    static COMPRESSOR: RefCell<std::io::Result<zstd::bulk::Compressor<'static>>> =
        RefCell::new(zstd::bulk::Compressor::new(ZSTD_LEVEL));
    static RECENT: RefCell<LruCache<Arc<str>, Arc<Body>>> =
        RefCell::new(LruCache::new(RECENT_BODIES));
}

/// The text of a stored body.
pub fn decompress(bytes: &[u8]) -> std::io::Result<String> {
    let raw = zstd::stream::decode_all(bytes)?;
    String::from_utf8(raw).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

/// One top-level member of a canonical JSON object: its key and the byte range of the whole
/// member (`"key":value`) in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Member {
    key: String,
    start: usize,
    end: usize,
}

/// The top-level members of canonical JSON object text, or `None` when it is not an object.
fn members(text: &str) -> Option<Vec<Member>> {
    let b = text.as_bytes();
    if b.first() != Some(&b'{') || b.last() != Some(&b'}') {
        return None;
    }
    let mut out = Vec::new();
    let mut i = 1;
    while i < b.len() - 1 {
        let start = i;
        let (key, after_key) = read_string(text, i)?;
        if b.get(after_key) != Some(&b':') {
            return None;
        }
        let end = skip_value(b, after_key + 1)?;
        out.push(Member { key, start, end });
        i = end;
        if b.get(i) == Some(&b',') {
            i += 1;
        }
    }
    Some(out)
}

/// Reads the JSON string at `at`; returns it unescaped and the offset after its closing quote.
fn read_string(text: &str, at: usize) -> Option<(String, usize)> {
    if text.as_bytes().get(at) != Some(&b'"') {
        return None;
    }
    let end = skip_string(text.as_bytes(), at)?;
    let key: String = serde_json::from_str(&text[at..end]).ok()?;
    Some((key, end))
}

/// The offset just after the JSON value starting at `at`.
fn skip_value(b: &[u8], at: usize) -> Option<usize> {
    match *b.get(at)? {
        b'"' => skip_string(b, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = at;
            while i < b.len() {
                match b[i] {
                    b'"' => {
                        i = skip_string(b, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            None
        }
        // A number, true, false or null: up to the next separator.
        _ => (at..b.len()).find(|&i| matches!(b[i], b',' | b'}' | b']')),
    }
}

/// The offset just after the JSON string starting at `at`.
fn skip_string(b: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    // Strings are most of a record (its prose): jump from one quote or backslash to the next.
    while let Some(found) = memchr::memchr2(b'"', b'\\', &b[i..]) {
        i += found;
        if b[i] == b'"' {
            return Some(i + 1);
        }
        i += 2;
        if i > b.len() {
            return None;
        }
    }
    None
}

/// Splits canonical `outputs` into the body (without the [`VOLATILE`] members) and the overlay
/// (those members as a canonical object), or `None` when there is nothing to take out.
pub fn split(outputs: &str) -> (String, Option<String>) {
    match members(outputs) {
        Some(members) => split_members(
            outputs,
            &members.iter().map(|m| m.start..m.end).collect::<Vec<_>>(),
        ),
        None => (outputs.to_string(), None),
    }
}

/// [`split`], given where the top-level members of `outputs` lie (`"key":value`, in order).
pub(crate) fn split_members(outputs: &str, members: &[Range<usize>]) -> (String, Option<String>) {
    // A member's key is volatile when its text starts `"date":` (such keys need no escape).
    let volatile = |member: &Range<usize>| {
        let text = &outputs[member.clone()];
        VOLATILE.iter().any(|key| {
            text.strip_prefix('"')
                .and_then(|rest| rest.strip_prefix(key))
                .is_some_and(|rest| rest.starts_with("\":"))
        })
    };
    if !members.iter().any(volatile) {
        return (outputs.to_string(), None);
    }
    let join = |keep: bool, capacity: usize| {
        let mut text = String::with_capacity(capacity);
        text.push('{');
        for member in members.iter().filter(|m| volatile(m) != keep) {
            if text.len() > 1 {
                text.push(',');
            }
            text.push_str(&outputs[member.clone()]);
        }
        text.push('}');
        text
    };
    (join(true, outputs.len()), Some(join(false, 64)))
}

/// The canonical `outputs` from a body's text and an overlay: the overlay's members put into
/// the body's members in key order (UTF-8 byte order, as canonical JSON sorts them). `None`
/// when either is not a JSON object. (A [`Body`] being written splices with
/// [`Body::with_overlay`], which reads its text once for every record.)
pub fn splice(body: &str, overlay: Option<&str>) -> Option<String> {
    match overlay {
        None => Some(body.to_string()),
        Some(overlay) => splice_members(body, &members(body)?, overlay),
    }
}

impl Body {
    /// [`splice`] of this body's text, its members read when the body was made.
    pub fn with_overlay(&self, overlay: Option<&str>) -> Option<String> {
        match overlay {
            None => Some(self.text.to_string()),
            Some(overlay) => splice_members(&self.text, self.members.as_deref()?, overlay),
        }
    }
}

fn splice_members(text: &str, own: &[Member], overlay: &str) -> Option<String> {
    let mut added = members(overlay)?;
    // Both lists are in key order: canonical JSON sorts the body's, and the overlay's is sorted
    // here (sort is stable: equal keys keep the body's first, as a sort of all members would).
    added.sort_by(|a, b| a.key.as_bytes().cmp(b.key.as_bytes()));
    let mut out = String::with_capacity(text.len() + overlay.len() + 1);
    out.push('{');
    let mut push = |member: &str| {
        if out.len() > 1 {
            out.push(',');
        }
        out.push_str(member);
    };
    let mut added = added.iter().peekable();
    for m in own {
        while let Some(a) = added.next_if(|a| a.key.as_bytes() < m.key.as_bytes()) {
            push(&overlay[a.start..a.end]);
        }
        push(&text[m.start..m.end]);
    }
    for a in added {
        push(&overlay[a.start..a.end]);
    }
    out.push('}');
    Some(out)
}

/// An overlay with one string member, as canonical JSON: `{"date":"2026-03-01"}`.
pub fn overlay_of(key: &str, value: &str) -> String {
    Overlay::default().with(key, value)
}

/// A shared answer's own members (those [`split`] left out of its body: its query), read once
/// so that each row's record lays its date over them without parsing them again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overlay {
    /// (key, the member's text `"key":value`), in key order.
    members: Vec<(String, String)>,
}

impl Overlay {
    /// The members of `overlay` (canonical JSON object text, or none).
    pub fn read(overlay: Option<&str>) -> Overlay {
        let members = overlay
            .and_then(|text| {
                let members = members(text)?;
                Some(
                    members
                        .into_iter()
                        .map(|m| (m.key, text[m.start..m.end].to_string()))
                        .collect(),
                )
            })
            .unwrap_or_default();
        Overlay { members }
    }

    /// These members with `key` set to the string `value`, as canonical JSON.
    pub fn with(&self, key: &str, value: &str) -> String {
        let mut member = String::new();
        write_string(key, &mut member);
        member.push(':');
        write_string(value, &mut member);
        let mut all: Vec<(&str, &str)> = self
            .members
            .iter()
            .filter(|(k, _)| k != key)
            .map(|(k, text)| (k.as_str(), text.as_str()))
            .collect();
        all.push((key, &member));
        all.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        let mut out = String::from("{");
        for (index, (_, text)) in all.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            out.push_str(text);
        }
        out.push('}');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canonical::canonical_json;
    use proptest::prelude::*;
    use serde_json::json;

    proptest! {
        #[test]
        fn any_answer_splits_and_splices_back(
            texts in prop::collection::vec("[\"\\\\{}\\[\\],:a-c\u{1}é]{0,12}", 0..6),
            date in prop::option::of("[0-9-\"\\\\]{0,10}"),
            query in prop::option::of("[a-z\"\\\\é ]{0,10}"),
            row_date in "[0-9-]{0,10}",
        ) {
            let mut answer = json!({
                "because": texts.iter().map(|t| json!({"text": t, "n": t.len()})).collect::<Vec<_>>(),
                "a": texts.first(),
                "zz": {"date": texts.last(), "query": texts.first()},
            });
            if let Some(date) = &date {
                answer["date"] = json!(date);
            }
            if let Some(query) = &query {
                answer["query"] = json!(query);
            }
            let full = canonical_json(&answer);
            let (body, overlay) = split(&full);
            prop_assert_eq!(overlay.is_some(), date.is_some() || query.is_some());
            // A row's date laid over the answer's own members is the answer asked on that date.
            let mut on_row_date = answer.clone();
            on_row_date["date"] = json!(row_date);
            prop_assert_eq!(
                splice(&body, Some(&Overlay::read(overlay.as_deref()).with("date", &row_date))),
                Some(canonical_json(&on_row_date))
            );
            prop_assert_eq!(splice(&body, overlay.as_deref()), Some(full.clone()));
            prop_assert_eq!(Body::new(body.clone()).with_overlay(overlay.as_deref()), Some(full.clone()));
            // The members the writer reports split the text as reading it does.
            let (written, members) = crate::canonical::to_canonical_members(&answer).unwrap();
            prop_assert_eq!(&written, &full);
            let members = members.expect("an object's members are reported");
            prop_assert_eq!(split_members(&written, &members), (body, overlay));
        }
    }

    #[test]
    fn split_and_splice_give_back_the_canonical_text() {
        let v = json!({
            "a": [1, {"date": "x"}],
            "date": "2026-03-01",
            "because": [{"text": "a \"quoted\" , } word", "n": 1.5}],
            "z": null,
            "é": {"date": true}
        });
        let full = canonical_json(&v);
        let (body, overlay) = split(&full);
        assert_eq!(overlay.as_deref(), Some(r#"{"date":"2026-03-01"}"#));
        assert!(!body.contains("2026-03-01"));
        assert_eq!(splice(&body, overlay.as_deref()).unwrap(), full);
        assert_eq!(
            Body::new(body.clone())
                .with_overlay(overlay.as_deref())
                .unwrap(),
            full
        );
        let mut without = v.clone();
        without.as_object_mut().unwrap().remove("date");
        assert_eq!(body, canonical_json(&without));
    }

    #[test]
    fn values_without_a_date_pass_through() {
        for v in [json!([1, 2]), json!("s"), json!({"a": 1}), json!({})] {
            let full = canonical_json(&v);
            let (body, overlay) = split(&full);
            assert_eq!(overlay, None);
            assert_eq!(body, full);
        }
    }

    #[test]
    fn bodies_round_trip_through_compression() {
        let b = Body::new(canonical_json(&json!({"x": "y".repeat(1000)})));
        assert!(b.compressed.len() < 100);
        assert_eq!(decompress(&b.compressed).unwrap(), &*b.text);
    }

    #[test]
    fn a_shared_body_is_the_body_of_its_text_and_prepared_once() {
        let text = canonical_json(&json!({"because": "x".repeat(20_000), "n": 1}));
        let first = Body::shared(text.clone());
        let again = Body::shared(text.clone());
        assert!(Arc::ptr_eq(&first, &again));
        assert_eq!(*first, Body::new(text.clone()));
        assert_eq!(decompress(&first.compressed).unwrap(), text);
        let other = Body::shared(canonical_json(&json!({"n": 2})));
        assert_ne!(other.hash, first.hash);
        // More distinct bodies than the cache keeps: the first is prepared anew, still equal.
        for n in 0..2 * RECENT_BODIES.get() {
            Body::shared(canonical_json(&json!({ "n": n })));
        }
        let evicted = Body::shared(text.clone());
        assert!(!Arc::ptr_eq(&first, &evicted));
        assert_eq!(*evicted, *first);
    }
}
