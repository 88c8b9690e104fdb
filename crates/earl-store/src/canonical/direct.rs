//! Canonical JSON straight from `Serialize`, without building a `serde_json::Value` first.
//!
//! Recording an answer serialises it as canonical JSON every time; through a `Value` tree that
//! means a `String` for every key and value and a map node for every object, then a second walk
//! to write it. Here each value is written once into the output; an object's members are
//! written in the order they come and, only when that order is not already sorted, the
//! object's text is put back in key order.
//!
//! The output is byte for byte what [`canonical_json`](super::canonical_json) gives for
//! `serde_json::to_value` of the same value. Anything this writer does not handle the same way
//! (map keys that are not strings or integers, duplicate keys, a number beyond 64 bits, a
//! `serde_json::RawValue`, an error raised by the value's own `Serialize`) makes it give up,
//! and the caller takes the `Value` path, which then answers as before.

use super::write_string;
use serde::ser::{self, Serialize};
use std::fmt::{self, Write as _};
use std::ops::Range;

/// Writes `value` as canonical JSON into `out`, or gives up (see the module documentation).
/// When `value` is a map or struct, `members` receives where each of its members
/// (`"key":value`) lies in `out`, in key order; otherwise it is left empty.
pub(super) fn write<T: Serialize + ?Sized>(
    value: &T,
    out: &mut String,
    members: &mut super::Members,
) -> Result<(), GiveUp> {
    value.serialize(Writer {
        out,
        top: Some(members),
    })
}

/// This writer cannot produce the canonical text; the `Value` path decides.
#[derive(Debug)]
pub(super) struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not written directly")
    }
}

impl std::error::Error for GiveUp {}

impl ser::Error for GiveUp {
    fn custom<T: fmt::Display>(_: T) -> GiveUp {
        GiveUp
    }
}

thread_local! {
    /// An object's members while they are put in key order: one buffer per thread, reused.
    static SCRATCH: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The name serde_json gives the struct that carries a raw JSON value.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

struct Writer<'a> {
    out: &'a mut String,
    /// Where the members of the outermost object go, for the writer of the outermost value.
    top: Option<&'a mut Vec<Range<usize>>>,
}

impl<'a> Writer<'a> {
    /// The writer of a value inside another (never the outermost object).
    fn nested(out: &'a mut String) -> Writer<'a> {
        Writer { out, top: None }
    }

    /// A number as `serde_json::Number` writes it; non-finite floats are null, as in a `Value`.
    fn float(self, float: f64) -> Result<(), GiveUp> {
        match serde_json::Number::from_f64(float) {
            Some(number) => write!(self.out, "{number}").map_err(|_| GiveUp),
            None => {
                self.out.push_str("null");
                Ok(())
            }
        }
    }

    fn integer(self, integer: impl fmt::Display) -> Result<(), GiveUp> {
        write!(self.out, "{integer}").map_err(|_| GiveUp)
    }

    /// Opens `{"variant":` for an enum variant with content; the caller closes it with `}`.
    fn open_variant(&mut self, variant: &str) {
        self.out.push('{');
        write_string(variant, self.out);
        self.out.push(':');
    }

    fn object(self, close_variant: bool) -> Object<'a> {
        let start = self.out.len();
        self.out.push('{');
        Object {
            out: self.out,
            start,
            members: Vec::new(),
            key: None,
            // Inside `{"variant":`, these members are not the outermost object's.
            report: if close_variant { None } else { self.top },
            close_variant,
        }
    }

    fn array(self, close_variant: bool) -> Array<'a> {
        self.out.push('[');
        Array {
            out: self.out,
            first: true,
            close_variant,
        }
    }
}

/// The eight integer methods of a serializer, each writing through `self.integer`.
macro_rules! integer_methods {
    () => {
        integer_methods!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
            serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
            serialize_u64: u64);
    };
    ($($method:ident: $integer:ty),*) => {$(
        fn $method(self, v: $integer) -> Result<(), GiveUp> {
            self.integer(v)
        }
    )*};
}

impl<'a> ser::Serializer for Writer<'a> {
    type Ok = ();
    type Error = GiveUp;
    type SerializeSeq = Array<'a>;
    type SerializeTuple = Array<'a>;
    type SerializeTupleStruct = Array<'a>;
    type SerializeTupleVariant = Array<'a>;
    type SerializeMap = Object<'a>;
    type SerializeStruct = Object<'a>;
    type SerializeStructVariant = Object<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), GiveUp> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    integer_methods!();
    fn serialize_i128(self, v: i128) -> Result<(), GiveUp> {
        // A `Value` holds 64-bit integers only; beyond that it is an error there.
        if i64::try_from(v).is_ok() || u64::try_from(v).is_ok() {
            self.integer(v)
        } else {
            Err(GiveUp)
        }
    }
    fn serialize_u128(self, v: u128) -> Result<(), GiveUp> {
        if u64::try_from(v).is_ok() {
            self.integer(v)
        } else {
            Err(GiveUp)
        }
    }
    fn serialize_f32(self, v: f32) -> Result<(), GiveUp> {
        // A `Value` widens an f32 to f64 and writes that.
        self.float(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), GiveUp> {
        self.float(v)
    }
    fn serialize_char(self, v: char) -> Result<(), GiveUp> {
        write_string(v.encode_utf8(&mut [0; 4]), self.out);
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), GiveUp> {
        write_string(v, self.out);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), GiveUp> {
        let mut array = self.array(false);
        for byte in v {
            ser::SerializeSeq::serialize_element(&mut array, byte)?;
        }
        ser::SerializeSeq::end(array)
    }
    fn serialize_none(self) -> Result<(), GiveUp> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), GiveUp> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), GiveUp> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), GiveUp> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), GiveUp> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), GiveUp> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), GiveUp> {
        self.open_variant(variant);
        value.serialize(Writer::nested(self.out))?;
        self.out.push('}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Array<'a>, GiveUp> {
        Ok(self.array(false))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Array<'a>, GiveUp> {
        Ok(self.array(false))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Array<'a>, GiveUp> {
        Ok(self.array(false))
    }
    fn serialize_tuple_variant(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Array<'a>, GiveUp> {
        self.open_variant(variant);
        Ok(self.array(true))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Object<'a>, GiveUp> {
        Ok(self.object(false))
    }
    fn serialize_struct(self, name: &'static str, _len: usize) -> Result<Object<'a>, GiveUp> {
        if name == RAW_VALUE_TOKEN {
            return Err(GiveUp);
        }
        Ok(self.object(false))
    }
    fn serialize_struct_variant(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Object<'a>, GiveUp> {
        self.open_variant(variant);
        Ok(self.object(true))
    }
}

/// An array being written.
struct Array<'a> {
    out: &'a mut String,
    first: bool,
    /// Inside `{"variant":`, which `end` closes too.
    close_variant: bool,
}

impl Array<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), GiveUp> {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        value.serialize(Writer::nested(self.out))
    }

    fn close(self) -> Result<(), GiveUp> {
        self.out.push(']');
        if self.close_variant {
            self.out.push('}');
        }
        Ok(())
    }
}

/// The four ways serde writes an array, all the same here.
macro_rules! array_serializers {
    ($($serializer:ident :: $add:ident),*) => {$(
        impl ser::$serializer for Array<'_> {
            type Ok = ();
            type Error = GiveUp;
            fn $add<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), GiveUp> {
                self.element(value)
            }
            fn end(self) -> Result<(), GiveUp> {
                self.close()
            }
        }
    )*};
}

array_serializers!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// One member written into an object: where its key's text (escaped, without the quotes) and
/// the whole `"key":value` lie in the output.
struct Member {
    key: Range<usize>,
    start: usize,
    end: usize,
}

/// An object being written. Members go into the output as they come; `end` puts them in key
/// order if they were not.
struct Object<'a> {
    out: &'a mut String,
    /// Where the object's `{` is.
    start: usize,
    members: Vec<Member>,
    /// A map key given to `serialize_key`: its text and where its member starts.
    key: Option<(Range<usize>, usize)>,
    /// For the outermost object: where its members end up, in key order.
    report: Option<&'a mut Vec<Range<usize>>>,
    /// Inside `{"variant":`, which `end` closes too.
    close_variant: bool,
}

impl Object<'_> {
    /// Writes the separator and the key (with `write_key`), then the colon.
    fn open_member(
        &mut self,
        write_key: impl FnOnce(&mut String) -> Result<(), GiveUp>,
    ) -> Result<(Range<usize>, usize), GiveUp> {
        if !self.members.is_empty() {
            self.out.push(',');
        }
        let start = self.out.len();
        write_key(self.out)?;
        let key = start + 1..self.out.len() - 1;
        self.out.push(':');
        Ok((key, start))
    }

    fn value<T: Serialize + ?Sized>(
        &mut self,
        (key, start): (Range<usize>, usize),
        value: &T,
    ) -> Result<(), GiveUp> {
        value.serialize(Writer::nested(self.out))?;
        let end = self.out.len();
        self.members.push(Member { key, start, end });
        Ok(())
    }

    fn close(self) -> Result<(), GiveUp> {
        let Object {
            out,
            start,
            members,
            key,
            report,
            close_variant,
        } = self;
        if key.is_some() {
            return Err(GiveUp);
        }
        let order = key_order(out, &members)?;
        if let Some(order) = &order {
            let base = start + 1;
            SCRATCH.with_borrow_mut(|text| {
                text.clear();
                text.push_str(&out[base..]);
                out.truncate(base);
                for (index, &member) in order.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    let member = &members[member];
                    out.push_str(&text[member.start - base..member.end - base]);
                }
            });
        }
        if let Some(report) = report {
            // Where each member is now: in key order, one comma apart.
            report.clear();
            let mut at = start + 1;
            let mut place = |index: usize| {
                let length = members[index].end - members[index].start;
                report.push(at..at + length);
                at += length + 1;
            };
            match &order {
                Some(order) => order.iter().for_each(|&index| place(index)),
                None => (0..members.len()).for_each(place),
            }
        }
        out.push('}');
        if close_variant {
            out.push('}');
        }
        Ok(())
    }
}

/// The members in key order (UTF-8 byte order of the keys themselves), or `None` when they
/// are in it already. Keys are compared as written, which is their own order unless one holds
/// an escape; then they are read back first.
fn key_order(out: &str, members: &[Member]) -> Result<Option<Vec<usize>>, GiveUp> {
    let escaped = members
        .iter()
        .any(|m| out.as_bytes()[m.key.clone()].contains(&b'\\'));
    let read: Vec<String> = if escaped {
        members
            .iter()
            .map(|m| serde_json::from_str(&out[m.key.start - 1..m.key.end + 1]).map_err(|_| GiveUp))
            .collect::<Result<_, _>>()?
    } else {
        Vec::new()
    };
    let key = |index: usize| -> &[u8] {
        if escaped {
            read[index].as_bytes()
        } else {
            &out.as_bytes()[members[index].key.clone()]
        }
    };
    if (1..members.len()).all(|i| key(i - 1) < key(i)) {
        return Ok(None);
    }
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by(|&a, &b| key(a).cmp(key(b)));
    // Two members with one key: a `Value` keeps the last; leave that to it.
    if order.windows(2).any(|pair| key(pair[0]) == key(pair[1])) {
        return Err(GiveUp);
    }
    Ok(Some(order))
}

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = GiveUp;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), GiveUp> {
        if self.key.is_some() {
            return Err(GiveUp);
        }
        self.key = Some(self.open_member(|out| key.serialize(KeyWriter { out }))?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), GiveUp> {
        let key = self.key.take().ok_or(GiveUp)?;
        self.value(key, value)
    }
    fn end(self) -> Result<(), GiveUp> {
        self.close()
    }
}

/// A struct and a struct variant's fields, written alike (the variant's wrapper is the
/// object's `close_variant`).
macro_rules! struct_serializers {
    ($($serializer:ident),*) => {$(
        impl ser::$serializer for Object<'_> {
            type Ok = ();
            type Error = GiveUp;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), GiveUp> {
                let member = self.open_member(|out| {
                    write_string(key, out);
                    Ok(())
                })?;
                self.value(member, value)
            }
            fn end(self) -> Result<(), GiveUp> {
                self.close()
            }
        }
    )*};
}

struct_serializers!(SerializeStruct, SerializeStructVariant);

/// Writes a map key as the string a `Value` object would hold: strings, characters and
/// integers; anything else gives up.
struct KeyWriter<'a> {
    out: &'a mut String,
}

impl KeyWriter<'_> {
    fn integer(self, integer: impl fmt::Display) -> Result<(), GiveUp> {
        write!(self.out, "\"{integer}\"").map_err(|_| GiveUp)
    }
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = GiveUp;
    type SerializeSeq = ser::Impossible<(), GiveUp>;
    type SerializeTuple = ser::Impossible<(), GiveUp>;
    type SerializeTupleStruct = ser::Impossible<(), GiveUp>;
    type SerializeTupleVariant = ser::Impossible<(), GiveUp>;
    type SerializeMap = ser::Impossible<(), GiveUp>;
    type SerializeStruct = ser::Impossible<(), GiveUp>;
    type SerializeStructVariant = ser::Impossible<(), GiveUp>;

    fn serialize_str(self, v: &str) -> Result<(), GiveUp> {
        write_string(v, self.out);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), GiveUp> {
        write_string(v.encode_utf8(&mut [0; 4]), self.out);
        Ok(())
    }
    integer_methods!();
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), GiveUp> {
        write_string(variant, self.out);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), GiveUp> {
        value.serialize(self)
    }

    fn serialize_bool(self, _: bool) -> Result<(), GiveUp> {
        Err(GiveUp)
    }
    fn serialize_f32(self, _: f32) -> Result<(), GiveUp> {
        Err(GiveUp)
    }
    fn serialize_f64(self, _: f64) -> Result<(), GiveUp> {
        Err(GiveUp)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), GiveUp> {
        Err(GiveUp)
    }
    fn serialize_none(self) -> Result<(), GiveUp> {
        Err(GiveUp)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), GiveUp> {
        Err(GiveUp)
    }
    fn serialize_unit(self) -> Result<(), GiveUp> {
        Err(GiveUp)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), GiveUp> {
        Err(GiveUp)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), GiveUp> {
        Err(GiveUp)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, GiveUp> {
        Err(GiveUp)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, GiveUp> {
        Err(GiveUp)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, GiveUp> {
        Err(GiveUp)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, GiveUp> {
        Err(GiveUp)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, GiveUp> {
        Err(GiveUp)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, GiveUp> {
        Err(GiveUp)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, GiveUp> {
        Err(GiveUp)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{canonical_json, to_canonical_string};
    use proptest::prelude::*;
    use serde::Serialize;
    use serde_json::{Value, json};
    use std::collections::{BTreeMap, HashMap};

    /// What the `Value` path gives: the definition the direct writer must meet.
    fn through_value<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
        serde_json::to_value(value)
            .map(|v| canonical_json(&v))
            .map_err(|e| e.to_string())
    }

    fn direct<T: Serialize + ?Sized>(value: &T) -> Option<String> {
        let mut out = String::new();
        let mut members = Vec::new();
        super::write(value, &mut out, &mut members).ok()?;
        // The members reported are the outermost object's, in order, one comma apart.
        if !members.is_empty() {
            let rebuilt: Vec<&str> = members.iter().map(|m| &out[m.clone()]).collect();
            assert_eq!(format!("{{{}}}", rebuilt.join(",")), out);
        }
        Some(out)
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(i32, String),
        Struct { z: f64, a: Option<bool> },
    }

    #[derive(Serialize)]
    struct Answer {
        verdict: &'static str,
        because: Vec<Shape>,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        #[serde(flatten)]
        extra: BTreeMap<String, Value>,
        counts: HashMap<u32, f32>,
        tuple: (char, u128, i128),
        bytes: serde_bytes_like::Bytes,
        nothing: (),
    }

    mod serde_bytes_like {
        /// Serialised with `serialize_bytes`.
        pub struct Bytes(pub Vec<u8>);
        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(&self.0)
            }
        }
    }

    #[test]
    fn derived_structs_enums_flatten_and_maps_match_the_value_path() {
        let answer = Answer {
            verdict: "license_required",
            because: vec![
                Shape::Unit,
                Shape::Newtype(7),
                Shape::Tuple(-3, "q\"\n".into()),
                Shape::Struct {
                    z: f64::NAN,
                    a: Some(true),
                },
                Shape::Struct { z: 0.1, a: None },
            ],
            note: None,
            extra: [("aaa".to_string(), json!({"y": 1, "b": [1.5e300]}))]
                .into_iter()
                .collect(),
            counts: [(10, 0.1f32), (9, f32::INFINITY), (100, 2.5e-8)]
                .into_iter()
                .collect(),
            tuple: ('é', u64::MAX as u128, i64::MIN as i128),
            bytes: serde_bytes_like::Bytes(vec![0, 255]),
            nothing: (),
        };
        let expected = through_value(&answer).unwrap();
        assert_eq!(direct(&answer).as_deref(), Some(expected.as_str()));
        assert_eq!(to_canonical_string(&answer).unwrap(), expected);
    }

    #[test]
    fn what_it_does_not_write_the_value_path_answers() {
        // A 128-bit number a `Value` cannot hold: an error there, the same error here.
        let big = (u64::MAX as u128) + 1;
        assert!(direct(&big).is_none());
        assert_eq!(
            to_canonical_string(&big).map_err(|e| e.to_string()),
            through_value(&big)
        );
        // Non-string, non-integer keys.
        let keyed: BTreeMap<bool, u8> = [(true, 1)].into_iter().collect();
        assert!(direct(&keyed).is_none());
        assert_eq!(
            to_canonical_string(&keyed).map_err(|e| e.to_string()),
            through_value(&keyed)
        );
        // Two members with one key (a flattened map repeating a field): the last wins, as in
        // a `Value`.
        #[derive(Serialize)]
        struct Twice {
            a: u8,
            #[serde(flatten)]
            more: BTreeMap<String, u8>,
        }
        let twice = Twice {
            a: 1,
            more: [("a".to_string(), 2)].into_iter().collect(),
        };
        assert!(direct(&twice).is_none());
        assert_eq!(
            to_canonical_string(&twice).unwrap(),
            through_value(&twice).unwrap()
        );
    }

    fn any_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            "\\PC*".prop_map(Value::String),
            "[\"\\\\\u{0}-\u{1f}a-cé]{0,6}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                prop::collection::vec(("[a-cA-C_é\"]{0,4}", inner), 0..8)
                    .prop_map(|members| Value::Object(members.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn any_json_value_is_written_as_the_value_path_writes_it(value in any_value()) {
            prop_assert_eq!(direct(&value), Some(canonical_json(&value)));
        }

        #[test]
        fn maps_in_any_order_are_sorted(
            members in prop::collection::vec(("[a-d]{0,3}", any::<i32>()), 0..12)
        ) {
            // A Vec of pairs serialised as a map, in the order given (duplicates included).
            struct Pairs(Vec<(String, i32)>);
            impl Serialize for Pairs {
                fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
                }
            }
            let pairs = Pairs(members);
            prop_assert_eq!(to_canonical_string(&pairs).unwrap(), through_value(&pairs).unwrap());
        }
    }
}
