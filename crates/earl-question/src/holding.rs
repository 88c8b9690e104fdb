//! One holding in an ownership chain: `owner` holds `percent` of `owned`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// `owner` holds `percent` of `owned` (the end user when `owned` is absent). Written
/// `NAME=PERCENT` on the CLI and in JSON lists of strings, or as an object.
#[derive(Serialize, JsonSchema, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Holding {
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Huawei Investment & Holding Co., Ltd.")
    )]
    pub owner: String,
    /// Default: the end user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owned: Option<String>,
    /// More than 0, at most 100.
    #[cfg_attr(feature = "openapi", schema(example = 60.0))]
    pub percent: f64,
}

impl FromStr for Holding {
    type Err = String;

    /// `NAME=PERCENT`: the last `=` splits, so a name may hold one; `%` is allowed.
    fn from_str(s: &str) -> Result<Holding, String> {
        let (name, percent) = s.rsplit_once('=').ok_or_else(|| {
            format!("`{s}`: expected NAME=PERCENT, e.g. \"Huawei Investment & Holding=60\"")
        })?;
        let percent = percent.trim();
        let number: f64 = percent
            .trim_end_matches('%')
            .trim()
            .parse()
            .map_err(|_| format!("`{s}`: `{percent}` is not a percentage"))?;
        Ok(Holding {
            owner: name.trim().to_string(),
            owned: None,
            percent: number,
        })
    }
}

impl<'de> Deserialize<'de> for Holding {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Holding, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Object {
            owner: String,
            owned: Option<String>,
            percent: f64,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Form {
            Text(String),
            Object(Object),
        }
        match Form::deserialize(d).map_err(|_| {
            serde::de::Error::custom(
                "a holding is NAME=PERCENT or {\"owner\": NAME, \"owned\": NAME, \"percent\": N}",
            )
        })? {
            Form::Text(s) => s.parse().map_err(serde::de::Error::custom),
            Form::Object(o) => Ok(Holding {
                owner: o.owner,
                owned: o.owned,
                percent: o.percent,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_object_forms_are_one_holding() {
        let text: Holding = "Huawei Investment & Holding = 60%".parse().unwrap();
        let object: Holding =
            serde_json::from_str(r#"{"owner": "Huawei Investment & Holding", "percent": 60}"#)
                .unwrap();
        assert_eq!(text, object);
        assert!(
            "Acme"
                .parse::<Holding>()
                .unwrap_err()
                .contains("NAME=PERCENT")
        );
        assert!(
            "Acme=lots"
                .parse::<Holding>()
                .unwrap_err()
                .contains("not a percentage")
        );
        assert!(
            serde_json::from_str::<Holding>(r#"{"owner": "A", "percent": 5, "x": 1}"#).is_err()
        );
    }
}
