//! Dense throughput at a precision: `fp8=1979` on the CLI, `{"fp8": 1979}` in JSON.

use earl_core::chip::Precision;
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserializer, Serializer};
use std::fmt;
use std::str::FromStr;

/// Dense TOPS at one precision.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tops {
    pub precision: Precision,
    pub tops: f64,
}

impl FromStr for Tops {
    type Err = String;

    fn from_str(s: &str) -> Result<Tops, String> {
        let (p, v) = s
            .split_once('=')
            .ok_or_else(|| format!("`{s}`: expected PRECISION=TOPS, e.g. fp8=1979"))?;
        let precision: Precision = p.parse().map_err(|e: String| format!("`{s}`: {e}"))?;
        let tops: f64 = v
            .trim()
            .parse()
            .map_err(|_| format!("`{s}`: `{v}` is not a number"))?;
        Ok(Tops { precision, tops })
    }
}

/// Serialises as a map from precision to TOPS; reads a map or a list of `PRECISION=TOPS`.
pub fn serialize<S: Serializer>(tops: &[Tops], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(tops.len()))?;
    for t in tops {
        map.serialize_entry(t.precision.name(), &t.tops)?;
    }
    map.end()
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Tops>, D::Error> {
    struct TopsVisitor;
    impl<'de> Visitor<'de> for TopsVisitor {
        type Value = Vec<Tops>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(r#"a map such as {"fp8": 1979} or a list such as ["fp8=1979"]"#)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<Tops>, A::Error> {
            let mut out = Vec::new();
            while let Some((p, tops)) = map.next_entry::<String, f64>()? {
                let precision = p.parse().map_err(serde::de::Error::custom)?;
                out.push(Tops { precision, tops });
            }
            Ok(out)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Tops>, A::Error> {
            let mut out = Vec::new();
            while let Some(s) = seq.next_element::<String>()? {
                out.push(s.parse().map_err(serde::de::Error::custom)?);
            }
            Ok(out)
        }
        fn visit_unit<E>(self) -> Result<Vec<Tops>, E> {
            Ok(Vec::new())
        }
        fn visit_none<E>(self) -> Result<Vec<Tops>, E> {
            Ok(Vec::new())
        }
    }
    d.deserialize_any(TopsVisitor)
}
