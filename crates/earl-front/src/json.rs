//! The one strict JSON parse every front end taking JSON text uses (`earl mcp`'s messages, the
//! API's bodies, Python's arguments): an object naming a key twice is refused, at any depth.
//!
//! serde_json keeps the last of two equal keys in a `Value` (and in a map), so a question could
//! read differently to earl than to the tool that wrote it; serde's derived structs refuse a
//! repeated field, but only at their own level. Nesting is bounded by serde_json's recursion
//! limit (128), which refuses deeper text as an error, not a stack overflow.

use serde::Deserializer as _;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// Parses JSON text into a `Value`, refusing a key repeated in one object. The error says
/// what and where (line and column), as serde_json's do.
pub fn parse(text: &str) -> Result<Value, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = deserializer.deserialize_any(StrictValue)?;
    deserializer.end()?;
    Ok(value)
}

/// Builds a `Value` like serde_json's own visitor, but an object's keys must differ.
struct StrictValue;

impl<'de> DeserializeSeed<'de> for StrictValue {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictValue {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(StrictValue)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if members.contains_key(&key) {
                return Err(de::Error::custom(format_args!(
                    "duplicate key `{key}` in an object"
                )));
            }
            let value = map.next_value_seed(StrictValue)?;
            members.insert(key, value);
        }
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn a_repeated_key_is_refused_at_any_depth_with_its_position() {
        let e = parse(r#"{"a": {"b": 1, "b": 2}}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "duplicate key `b` in an object at line 1 column 18"
        );
        assert!(parse(r#"[{"x": 1}, {"x": 2}]"#).is_ok());
    }

    #[test]
    fn nesting_past_the_recursion_limit_is_an_error() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        let e = parse(&deep).unwrap_err();
        assert!(e.to_string().contains("recursion limit exceeded"), "{e}");
    }

    #[test]
    fn values_are_as_serde_json_reads_them() {
        let text =
            r#"{"n": -1, "u": 18446744073709551615, "f": 1.5, "s": "é", "z": null, "t": [true]}"#;
        assert_eq!(
            parse(text).unwrap(),
            serde_json::from_str::<serde_json::Value>(text).unwrap()
        );
        assert!(parse("{} x").is_err());
    }
}
