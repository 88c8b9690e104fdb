//! Citations and explanation steps: every answer earl gives is a list of [`Step`]s, each with the
//! text of what was decided and the source that decided it.

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

/// One step of an explanation: what was found or decided, and the citation behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Step {
    pub text: String,
    pub cite: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

impl Step {
    pub fn new(text: impl Into<String>, cite: &Cite) -> Step {
        Step {
            text: text.into(),
            cite: cite.text.clone(),
            confidence: Some(cite.confidence),
        }
    }

    /// A step whose source is earl's own arithmetic on the figures shown in its text.
    pub fn computed(text: impl Into<String>, cite: impl Into<String>) -> Step {
        Step {
            text: text.into(),
            cite: cite.into(),
            confidence: Some(Confidence::Computed),
        }
    }
}
