//! Reference figures: published estimates (Huawei's Ascend output, H200 orders, compute shares)
//! that `earl impact` sets a shipment against, each with its source.

use crate::catalog::Catalog;
use crate::error::{DataError, ErrorKind, FieldPath};
use earl_core::cite::Confidence;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A published estimate a shipment is set against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceFigure {
    pub id: String,
    pub label: String,
    pub value: f64,
    /// Top of a range, when the source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// "units" (of `chip`), "tpp" or "percent".
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chip: Option<String>,
    pub date: Date,
    pub source: String,
    pub confidence: Confidence,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FiguresFile {
    figure: Vec<ReferenceFigure>,
}

/// Parses and validates the reference figures against the catalog.
pub fn parse(file: &str, text: &str, catalog: &Catalog) -> Result<Vec<ReferenceFigure>, DataError> {
    let parsed: FiguresFile =
        toml::from_str(text).map_err(|e| DataError::from_toml(file, text, &e))?;
    for (i, f) in parsed.figure.iter().enumerate() {
        let here = FieldPath::new().key("figure").index(i);
        let bad = |field: &str, kind: ErrorKind, m: String| {
            DataError::located(file, text, &here.key(field), kind, m)
        };
        if !(f.value.is_finite() && f.value >= 0.0)
            || f.high.is_some_and(|h| h.is_nan() || h < f.value)
        {
            return Err(bad(
                "value",
                ErrorKind::Invalid,
                format!(
                    "figure `{}`: value and high must be finite, high at least value",
                    f.id
                ),
            ));
        }
        match (f.unit.as_str(), &f.chip) {
            ("units", Some(c)) if catalog.get(c).is_none() => {
                return Err(bad(
                    "chip",
                    ErrorKind::UnknownReference,
                    format!("figure `{}`: chip `{c}` is not in the catalog", f.id),
                ));
            }
            ("units", None) => {
                return Err(bad(
                    "unit",
                    ErrorKind::Invalid,
                    format!("figure `{}`: a figure in units needs a chip", f.id),
                ));
            }
            ("units" | "tpp" | "percent", _) => {}
            (u, _) => {
                return Err(bad(
                    "unit",
                    ErrorKind::Invalid,
                    format!(
                        "figure `{}`: unknown unit `{u}` (units, tpp or percent)",
                        f.id
                    ),
                ));
            }
        }
    }
    Ok(parsed.figure)
}
