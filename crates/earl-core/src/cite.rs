//! Citations: the source of a rule or figure as a reader would write it, and how sure it is.

use serde::{Deserialize, Serialize};

/// How sure the source of a rule or figure is, using the marks of `shared/reference/rules.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Confidence {
    /// Read in a primary text (Federal Register, eCFR, BIS guidance, bill text, SEC filing).
    #[serde(rename = "VERIFIED-P")]
    VerifiedPrimary,
    /// Read in a reliable secondary source quoting or summarising the primary text.
    #[serde(rename = "VERIFIED-S")]
    #[default]
    VerifiedSecondary,
    /// Arithmetic from cited figures.
    #[serde(rename = "COMPUTED")]
    Computed,
    /// No primary or reliable secondary text found: results that hinge on it say so.
    #[serde(rename = "UNVERIFIED")]
    Unverified,
}

/// A source: the citation as a reader would write it, and how sure it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Cite {
    pub text: String,
    #[serde(default)]
    pub confidence: Confidence,
}
