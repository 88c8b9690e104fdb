//! List codes, and the Entity List's free-text licence policy and footnotes turned into data.
//! What a match on each list means legally is written once, in the rules (`party` entries of
//! `data/rules.toml`), and attached to matches by the engine.
//!
//! Effects and citations follow `shared/reference/peers.md` §1.3 (the `listAuthority` table of
//! the 2026-07-31 CSL compilation) and `shared/reference/rules.md` §6 (footnote designations).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A sub-list of the Consolidated Screening List, named by the token trade.gov puts in
/// parentheses in the `source` column, e.g. `Entity List (EL) - Bureau of Industry and Security`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ListCode {
    El,
    Sdn,
    Dpl,
    Uvl,
    Meu,
    Isn,
    Dtc,
    Ssi,
    Cmic,
    Plc,
    Cap,
    NsMbs,
    Fse,
    /// A list trade.gov added after this code was written; kept rather than refused so a fresh
    /// file still loads, and screened like any other list.
    Other(String),
}

impl ListCode {
    /// Every list of the 2026-07-31 snapshot plus FSE (listed by peers.md §1.3, empty in that snapshot).
    pub const KNOWN: [ListCode; 13] = [
        ListCode::El,
        ListCode::Sdn,
        ListCode::Dpl,
        ListCode::Uvl,
        ListCode::Meu,
        ListCode::Isn,
        ListCode::Dtc,
        ListCode::Ssi,
        ListCode::Cmic,
        ListCode::Plc,
        ListCode::Cap,
        ListCode::NsMbs,
        ListCode::Fse,
    ];

    /// The short code as trade.gov writes it (`EL`, `SDN`, `NS-MBS` ...).
    pub fn as_str(&self) -> &str {
        match self {
            ListCode::El => "EL",
            ListCode::Sdn => "SDN",
            ListCode::Dpl => "DPL",
            ListCode::Uvl => "UVL",
            ListCode::Meu => "MEU",
            ListCode::Isn => "ISN",
            ListCode::Dtc => "DTC",
            ListCode::Ssi => "SSI",
            ListCode::Cmic => "CMIC",
            ListCode::Plc => "PLC",
            ListCode::Cap => "CAP",
            ListCode::NsMbs => "NS-MBS",
            ListCode::Fse => "FSE",
            ListCode::Other(code) => code,
        }
    }

    /// The code inside the parentheses of a `source` cell, e.g. `NS-MBS List` → `NS-MBS`.
    pub fn from_source(source: &str) -> Option<ListCode> {
        let open = source.find('(')?;
        let close = open + source[open..].find(')')?;
        let token = source[open + 1..close].trim();
        let token = token.strip_suffix(" List").unwrap_or(token);
        (!token.is_empty()).then(|| token.parse().expect("ListCode parsing is infallible"))
    }
}

impl FromStr for ListCode {
    type Err = std::convert::Infallible;

    /// Case-insensitive; `MBS` and `NS-MBS LIST` both mean NS-MBS. Unknown codes become `Other`.
    fn from_str(code: &str) -> Result<Self, Self::Err> {
        let upper = code.trim().to_ascii_uppercase();
        let upper = upper.strip_suffix(" LIST").unwrap_or(&upper);
        Ok(match upper {
            "EL" => ListCode::El,
            "SDN" => ListCode::Sdn,
            "DPL" => ListCode::Dpl,
            "UVL" => ListCode::Uvl,
            "MEU" => ListCode::Meu,
            "ISN" => ListCode::Isn,
            "DTC" => ListCode::Dtc,
            "SSI" => ListCode::Ssi,
            "CMIC" => ListCode::Cmic,
            "PLC" => ListCode::Plc,
            "CAP" => ListCode::Cap,
            "NS-MBS" | "MBS" => ListCode::NsMbs,
            "FSE" => ListCode::Fse,
            other => ListCode::Other(other.to_string()),
        })
    }
}

impl fmt::Display for ListCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ListCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ListCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Ok(code.parse().expect("ListCode parsing is infallible"))
    }
}

/// The review policy an Entity List (or MEU) entry states, reduced from its free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LicensePolicy {
    // Declared from strictest to most lenient: `Ord` picks the strictest one a text states.
    PolicyOfDenial,
    PresumptionOfDenial,
    CaseByCase,
    PresumptionOfApproval,
}

/// The strictest review policy the text states, or `None` when it only cross-refers ("See §744.2(d)").
///
/// The CSL spells one policy many ways ("Presumption of denial.", "Presumption for denial",
/// "Policy of Denial ...", peers.md §1.3 counts them); carve-outs such as "apart from food and
/// medicine ... case-by-case" are left in the raw text, which callers must keep showing.
pub fn normalize_license_policy(text: &str) -> Option<LicensePolicy> {
    let lower = text.to_lowercase().replace('-', " ");
    const PHRASES: [(&str, LicensePolicy); 5] = [
        ("policy of denial", LicensePolicy::PolicyOfDenial),
        ("presumption of denial", LicensePolicy::PresumptionOfDenial),
        ("presumption for denial", LicensePolicy::PresumptionOfDenial),
        ("case by case", LicensePolicy::CaseByCase),
        (
            "presumption of approval",
            LicensePolicy::PresumptionOfApproval,
        ),
    ];
    PHRASES
        .iter()
        .filter(|(phrase, _)| lower.contains(phrase))
        .map(|(_, policy)| *policy)
        .min()
}

/// Entity List footnote designations carried by a licence-requirement text, e.g. `["FN1", "FN2"]`.
///
/// Supp. No. 4 to Part 744 marks footnotes as bare digits glued to citations, and the CSL keeps
/// them: "see §§ 734.9(e)1 and 744.11 of the EAR2", "734.9(g),3", "744.11 of the EAR)4",
/// "744.11 of the EAR)5". The foreign-direct-product paragraph each footnote implements is
/// recognised too, for texts that dropped the digit (rules.md §6: FN1 = Huawei FDP
/// §734.9(e)(1), FN4 = §734.9(e)(2), FN5 = §734.9(e)(3); FN3 sits on §734.9(g) in every CSL text).
pub fn footnotes(license_requirement: &str) -> Vec<String> {
    let compact: String = license_requirement
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut found = Vec::new();
    let mut mark = |n: u8, hit: bool| {
        let label = format!("FN{n}");
        if hit && !found.contains(&label) {
            found.push(label);
        }
    };
    mark(
        1,
        compact.contains("734.9(e)(1)") || compact.contains("734.9(e)1"),
    );
    mark(2, ends_with_marker(&compact, '2'));
    mark(3, compact.contains("734.9(g)"));
    mark(
        4,
        compact.contains("734.9(e)(2)") || ends_with_marker(&compact, '4'),
    );
    mark(
        5,
        compact.contains("734.9(e)(3)") || ends_with_marker(&compact, '5'),
    );
    found.sort();
    found
}

/// True when the text ends with "EAR<digit>" or "EAR)<digit>" (a trailing footnote marker).
fn ends_with_marker(compact: &str, digit: char) -> bool {
    let trimmed = compact.trim_end_matches('.');
    let Some(before) = trimmed.strip_suffix(digit) else {
        return false;
    };
    before.ends_with("EAR") || before.ends_with("EAR)") || before.ends_with("EAR.)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_code_from_source_column() {
        let code = |s| ListCode::from_source(s).unwrap();
        assert_eq!(
            code("Entity List (EL) - Bureau of Industry and Security"),
            ListCode::El
        );
        assert_eq!(
            code("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department"),
            ListCode::NsMbs
        );
        assert_eq!(
            code("Military End User (MEU) List - Bureau of Industry and Security"),
            ListCode::Meu
        );
        assert_eq!(
            code("Brand New List (BNL) - Somewhere"),
            ListCode::Other("BNL".into())
        );
        assert_eq!(ListCode::from_source("no parentheses"), None);
    }

    #[test]
    fn policies_are_reduced_to_the_strictest_stated() {
        use LicensePolicy::*;
        assert_eq!(
            normalize_license_policy("Presumption of denial."),
            Some(PresumptionOfDenial)
        );
        assert_eq!(
            normalize_license_policy("Presumption for denial"),
            Some(PresumptionOfDenial)
        );
        assert_eq!(
            normalize_license_policy(
                "Policy of denial for all items subject to the EAR apart from food and medicine designated as EAR99, which will be reviewed on a case-by-case basis."
            ),
            Some(PolicyOfDenial)
        );
        assert_eq!(
            normalize_license_policy(
                "Case-by-case for all items listed on the CCL. Presumption of approval for EAR99 items"
            ),
            Some(CaseByCase)
        );
        assert_eq!(
            normalize_license_policy("Presumption of approval for EAR99 items"),
            Some(PresumptionOfApproval)
        );
        assert_eq!(normalize_license_policy("See §744.2(d) of the EAR."), None);
    }

    #[test]
    fn footnotes_from_csl_texts() {
        assert_eq!(
            footnotes("For all items subject to the EAR, see §§ 734.9(e)1 and 744.11 of the EAR2"),
            ["FN1", "FN2"]
        );
        assert_eq!(
            footnotes(
                "For all items subject to the EAR, see §§ 734.9(e) 1 and 744.11 of the EAR 2"
            ),
            ["FN1", "FN2"]
        );
        assert_eq!(
            footnotes(
                "For all items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR)"
            ),
            ["FN3"]
        );
        assert_eq!(
            footnotes(
                "For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR) 4"
            ),
            ["FN4"]
        );
        assert_eq!(
            footnotes("For All Items Subject to the EAR (See §734.9(e), and 744.11 of the EAR)4."),
            ["FN4"]
        );
        assert_eq!(
            footnotes(
                "For all items subject to the EAR (See §§734.4(a)(9), 734.9(e)(3), and 744.11 of the EAR)5"
            ),
            ["FN5"]
        );
        assert!(
            footnotes("For all items subject to the EAR. (See §744.11 of the EAR).").is_empty()
        );
    }
}
