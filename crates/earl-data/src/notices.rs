//! When restricted-party entries were listed: the effective dates of the Federal Register notices
//! the Consolidated Screening List cites, where earl's sources give them.

use crate::error::DataError;
use earl_core::cite::Confidence;
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoticesFile {
    notice: Vec<Notice>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    pub cite: String,
    pub effective: Date,
    pub source: String,
    pub confidence: Confidence,
}

/// A Federal Register citation as the CSL writes it: `88 FR 71992`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FrCite {
    pub volume: u16,
    pub page: u32,
}

impl FrCite {
    /// The calendar year of a Federal Register volume (volume 1 is 1936).
    pub fn year(self) -> i16 {
        self.volume as i16 + 1935
    }
}

/// Every citation in a CSL `federal_register_notice` cell (`84 FR 22963, 85 FR 29853; …`).
pub fn parse_fr_cites(cell: &str) -> Vec<FrCite> {
    cell.split([',', ';'])
        .filter_map(|part| {
            let mut words = part.split_whitespace();
            let volume = words.next()?.parse().ok()?;
            (words.next()? == "FR").then_some(())?;
            let page = words.next()?.parse().ok()?;
            Some(FrCite { volume, page })
        })
        .collect()
}

#[derive(Debug, Clone, Default)]
pub struct ListNotices {
    by_cite: HashMap<FrCite, Notice>,
}

impl ListNotices {
    pub fn parse(file: &str, text: &str) -> Result<ListNotices, DataError> {
        let parsed: NoticesFile =
            toml::from_str(text).map_err(|e| DataError::from_toml(file, text, &e))?;
        let mut by_cite = HashMap::new();
        for (i, n) in parsed.notice.into_iter().enumerate() {
            let cite = *parse_fr_cites(&n.cite).first().ok_or_else(|| {
                DataError::new(
                    file,
                    format!("`{}` is not a citation like `88 FR 71992`", n.cite),
                )
                .field(format!("notice[{i}].cite"))
            })?;
            by_cite.insert(cite, n);
        }
        Ok(ListNotices { by_cite })
    }

    /// The oldest notice of a CSL cell and, when earl knows it, its effective date.
    pub fn earliest(&self, cell: &str) -> Option<(FrCite, Option<&Notice>)> {
        let first = parse_fr_cites(cell).into_iter().min()?;
        Some((first, self.by_cite.get(&first)))
    }
}
