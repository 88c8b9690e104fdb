//! Canonical JSON: the single byte form of a JSON value that earl hashes.
//!
//! The rules, enough to reimplement in any language:
//!
//! * no whitespace anywhere outside strings;
//! * object members sorted by key, comparing keys as UTF-8 byte strings
//!   (the same as Unicode code point order; duplicate keys cannot occur);
//! * array elements in their given order;
//! * strings in double quotes, escaping only `"` as `\"`, `\` as `\\`, and
//!   control characters below U+0020: `\b \f \n \r \t` for those five, the
//!   rest as `\u00xx` with lowercase hex; everything else, including non-ASCII,
//!   is written as raw UTF-8;
//! * `null`, `true`, `false` as is;
//! * integers in plain decimal; other numbers in the shortest form that reads
//!   back to the same `f64`, as serde_json writes them (`0.1`, `4800.0`, `1e+16`,
//!   `2.5e-8`).
//!
//! Python's `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`
//! produces the same bytes except for floats with a negative exponent (`2.5e-08`
//! against `2.5e-8`), which is why independent verification works on the stored
//! text rather than re-serialising (see the crate documentation).

use serde_json::Value;
use std::fmt::Write as _;
use std::ops::Range;

mod direct;

/// Serialises `value` as canonical JSON (see the module documentation).
///
/// Written straight from `Serialize` when it can be ([`direct`]), otherwise through a
/// `serde_json::Value`; the bytes are the same either way.
pub fn to_canonical_string<T: serde::Serialize + ?Sized>(
    value: &T,
) -> Result<String, serde_json::Error> {
    Ok(to_canonical_members(value)?.0)
}

/// [`to_canonical_string`], with where each member of the outermost object lies in the text
/// (in key order) when that is known without reading the text again.
pub(crate) fn to_canonical_members<T: serde::Serialize + ?Sized>(
    value: &T,
) -> Result<(String, Option<Members>), serde_json::Error> {
    let mut out = String::new();
    let mut members = Vec::new();
    match direct::write(value, &mut out, &mut members) {
        Ok(()) => Ok((out, (!members.is_empty()).then_some(members))),
        Err(direct::GiveUp) => Ok((canonical_json(&serde_json::to_value(value)?), None)),
    }
}

/// Where each member (`"key":value`) of an object lies in its text, in key order.
pub(crate) type Members = Vec<Range<usize>>;

/// Renders `value` as canonical JSON (see the module documentation).
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_value(value, &mut out);
    out
}

fn write_value(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(number) => out.push_str(&number.to_string()),
        Value::String(text) => write_string(text, out),
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Value::Object(members) => {
            // Sorted here rather than trusting the map: serde_json's
            // `preserve_order` feature, if any crate enables it, keeps insertion order.
            let mut sorted: Vec<_> = members.iter().collect();
            sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (index, (key, item)) in sorted.into_iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write_value(item, out);
            }
            out.push('}');
        }
    }
}

/// Writes `text` as a canonical JSON string literal.
///
/// Copies runs of characters that need no escape in one go, finding the next byte that does
/// eight at a time: records are mostly long prose, and this runs for every record appended.
pub(crate) fn write_string(text: &str, out: &mut String) {
    out.push('"');
    let bytes = text.as_bytes();
    let mut run_start = 0;
    while let Some(at) = next_escape(bytes, run_start) {
        // Every byte that needs an escape is ASCII, so `at` is a character boundary.
        out.push_str(&text[run_start..at]);
        run_start = at + 1;
        let escape = match bytes[at] {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x0c => "\\f",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            byte => {
                let _ = write!(out, "\\u{:04x}", byte);
                continue;
            }
        };
        out.push_str(escape);
    }
    out.push_str(&text[run_start..]);
    out.push('"');
}

/// Whether canonical JSON escapes `byte`: `"`, `\` and the control characters.
fn needs_escape(byte: u8) -> bool {
    byte == b'"' || byte == b'\\' || byte < 0x20
}

/// The offset of the first byte at or after `from` that needs an escape.
///
/// Eight bytes at a time: a byte of a word is flagged when it is below 0x20 or equal to `"` or
/// `\`, with the usual "has a zero byte" arithmetic. That arithmetic can also flag bytes above
/// a flagged one (a borrow runs upwards), never below, so the lowest flag is always a real one.
fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let below = |word: u64, limit: u8| word.wrapping_sub(ONES * u64::from(limit)) & !word & HIGHS;
    let equal = |word: u64, byte: u8| below(word ^ (ONES * u64::from(byte)), 1);
    let mut at = from;
    while at + 8 <= bytes.len() {
        let word = u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
        let flags = below(word, 0x20) | equal(word, b'"') | equal(word, b'\\');
        if flags != 0 {
            return Some(at + (flags.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    (at..bytes.len()).find(|&i| needs_escape(bytes[i]))
}

#[cfg(test)]
mod tests {
    use super::{canonical_json, needs_escape, next_escape};
    use proptest::prelude::*;
    use serde_json::json;

    proptest! {
        #[test]
        fn the_word_scan_finds_what_a_byte_scan_finds(
            text in "[\"\\\\\u{0}-\u{1f} a-z\u{7f}\u{80}-\u{10ffff}]{0,40}",
            from in 0usize..48,
        ) {
            let bytes = text.as_bytes();
            let from = from.min(bytes.len());
            let expected = (from..bytes.len()).find(|&i| needs_escape(bytes[i]));
            prop_assert_eq!(next_escape(bytes, from), expected);
        }
    }

    #[test]
    fn sorts_keys_recursively_and_drops_whitespace() {
        let value = json!({"b": [3, {"z": 1, "a": null}], "a": true, "é": "x", "Z": false});
        assert_eq!(
            canonical_json(&value),
            r#"{"Z":false,"a":true,"b":[3,{"a":null,"z":1}],"é":"x"}"#
        );
    }

    #[test]
    fn escapes_only_quote_backslash_and_controls() {
        let value = json!("q\"b\\n\nt\tc\u{1}u\u{7f}é/");
        assert_eq!(
            canonical_json(&value),
            "\"q\\\"b\\\\n\\nt\\tc\\u0001u\u{7f}é/\""
        );
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        let value = json!([0, -7, 18446744073709551615u64, 0.1, 4800.0, 1e16, 2.5e-8]);
        assert_eq!(
            canonical_json(&value),
            "[0,-7,18446744073709551615,0.1,4800.0,1e+16,2.5e-8]"
        );
    }

    #[test]
    fn matches_serde_json_compact_output_for_sorted_input() {
        let value = json!({"a": {"b": ["x\u{0}y", 1.5, null]}, "c": "ü\r"});
        assert_eq!(
            canonical_json(&value),
            serde_json::to_string(&value).unwrap()
        );
    }
}
