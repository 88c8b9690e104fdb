//! When restricted-party entries were listed. The Consolidated Screening List gives each entry
//! the Federal Register pages that list or amend it (`88 FR 71992`) but no dates; this table
//! holds the Federal Register documents those pages belong to, with their publication and
//! effective dates and the source of each.

use crate::error::{DataError, ErrorKind, FieldPath};
use earl_core::cite::Confidence;
use earl_core::step::Listed;
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::HashMap;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoticesFile {
    #[serde(default)]
    correction: Vec<Correction>,
    document: Vec<Spanned<Document>>,
}

/// CSL citations that are clerical errors, read as the citation they copy.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    pub cited: Vec<String>,
    pub reads_as: String,
    pub source: String,
    pub confidence: Confidence,
}

/// One Federal Register document that lists restricted parties.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The document's first page, `VOL FR PAGE`.
    pub citation: String,
    /// Its last page, when known; without it only the first page is matched.
    #[serde(default)]
    pub last_page: Option<u32>,
    #[serde(default)]
    pub document_number: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    /// Publication date; absent when no source gives it.
    #[serde(default)]
    pub published: Option<Date>,
    /// When the listing took effect; absent when no source gives it.
    #[serde(default)]
    pub effective: Option<Date>,
    /// The rule's first public date (BIS announcement or public inspection), before which it
    /// cannot have taken effect; with a source in `source`.
    #[serde(default)]
    pub announced: Option<Date>,
    /// False when the document's first page was not seen: `citation` is then the lowest cited
    /// page known to lie in it, and only `cites_covered` are matched.
    #[serde(default = "yes")]
    pub first_page_verified: bool,
    /// The page link or the date rests on page order or content matching only.
    #[serde(default)]
    pub inferred: bool,
    pub source: String,
    pub confidence: Confidence,
    /// The CSL citations that fall in this document.
    #[serde(default)]
    pub cites_covered: Vec<String>,
    /// Pages on which this document only revises existing entries: a first listing that cites
    /// one of them belongs to another document sharing the page.
    #[serde(default)]
    pub revisions_only_on: Vec<String>,
}

fn yes() -> bool {
    true
}

impl Document {
    /// When a party this document lists counts as listed.
    fn listed(&self, notice: String) -> Listed {
        let exact = !self.inferred && self.confidence != Confidence::Unverified;
        match (self.effective, self.published) {
            (Some(date), _) if exact => Listed::On { date, notice },
            // Listed by the later of the dates known: a rule may take effect before publication.
            (effective, published) => match effective.max(published) {
                Some(date) => Listed::By {
                    date,
                    not_before: self.announced,
                    notice,
                },
                None => Listed::InYear {
                    year: FrCite::parse(&notice).map_or(0, FrCite::year),
                    notice,
                },
            },
        }
    }
}

/// A Federal Register citation as the CSL writes it: `88 FR 71992`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FrCite {
    pub volume: u16,
    pub page: u32,
}

impl FrCite {
    /// The first citation in `text`.
    pub fn parse(text: &str) -> Option<FrCite> {
        parse_fr_cites(text).into_iter().next()
    }

    /// The calendar year of a Federal Register volume (volume 1 is 1936).
    pub fn year(self) -> i16 {
        self.volume as i16 + 1935
    }
}

impl std::fmt::Display for FrCite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} FR {}", self.volume, self.page)
    }
}

/// Every citation in a CSL `federal_register_notice` cell (`84 FR 22963, 85 FR 29853; …`).
/// Dates and issue numbers written beside a citation (`76 FR 50407 (8/15/2011)`) are ignored.
pub fn parse_fr_cites(cell: &str) -> Vec<FrCite> {
    cell.split([',', ';'])
        .filter_map(|part| {
            let mut words = part.split_whitespace();
            let volume = words.next()?.parse().ok()?;
            let fr = words.next()?;
            (fr == "FR" || fr == "F.R.").then_some(())?;
            let page = words.next()?.trim_end_matches('.').parse().ok()?;
            Some(FrCite { volume, page })
        })
        .collect()
}

#[derive(Debug, Clone, Default)]
pub struct ListNotices {
    documents: Vec<Document>,
    /// Every citation a document covers (its `cites_covered`, and its pages when verified).
    by_cite: HashMap<FrCite, Vec<usize>>,
    /// Verified page ranges: (volume, first, last, document).
    ranges: Vec<(u16, u32, u32, usize)>,
    corrections: HashMap<FrCite, FrCite>,
    correction_notes: Vec<Correction>,
    /// (page, document) pairs where the document only revises entries.
    revisions: Vec<(FrCite, usize)>,
}

impl ListNotices {
    pub fn parse(file: &str, text: &str) -> Result<ListNotices, DataError> {
        let parsed: NoticesFile =
            toml::from_str(text).map_err(|e| DataError::from_toml(file, text, &e))?;
        let mut notices = ListNotices::default();
        for (i, c) in parsed.correction.iter().enumerate() {
            let c: &Correction = c;
            let bad = |what: &str| {
                DataError::located(
                    file,
                    text,
                    &FieldPath::new().key("correction").index(i),
                    ErrorKind::Invalid,
                    format!("`{what}` is not a citation like `83 FR 37423`"),
                )
            };
            let to = FrCite::parse(&c.reads_as).ok_or_else(|| bad(&c.reads_as))?;
            for cited in &c.cited {
                let from = FrCite::parse(cited).ok_or_else(|| bad(cited))?;
                notices.corrections.insert(from, to);
            }
        }
        notices.correction_notes = parsed.correction;
        for (i, spanned) in parsed.document.into_iter().enumerate() {
            let d = spanned.into_inner();
            let err = |msg: String, field: &str| {
                DataError::located(
                    file,
                    text,
                    &FieldPath::new().key("document").index(i).key(field),
                    ErrorKind::Invalid,
                    msg,
                )
            };
            let first = FrCite::parse(&d.citation).ok_or_else(|| {
                err(
                    format!("`{}` is not a citation like `88 FR 71991`", d.citation),
                    "citation",
                )
            })?;
            let last = d.last_page.unwrap_or(first.page);
            if last < first.page {
                return Err(err(
                    format!("last page {last} is before the first page {}", first.page),
                    "last_page",
                ));
            }
            for (field, date) in [("published", d.published), ("effective", d.effective)] {
                if let Some(date) = date
                    && (date.year() - first.year()).abs() > 1
                {
                    return Err(err(
                        format!(
                            "{field} {date} is far from the year of volume {} ({})",
                            first.volume,
                            first.year()
                        ),
                        field,
                    ));
                }
            }
            if let Some(p) = d.published
                && p.year() != first.year()
            {
                return Err(err(
                    format!(
                        "published {p} is not in the year of volume {} ({})",
                        first.volume,
                        first.year()
                    ),
                    "published",
                ));
            }
            let index = notices.documents.len();
            let mut covered = vec![first];
            for c in &d.cites_covered {
                let c = FrCite::parse(c)
                    .ok_or_else(|| err(format!("`{c}` is not a citation"), "cites_covered"))?;
                if c.volume != first.volume {
                    return Err(err(
                        format!("`{c}` is not in volume {}", first.volume),
                        "cites_covered",
                    ));
                }
                covered.push(c);
            }
            let mut revisions = Vec::new();
            for c in &d.revisions_only_on {
                revisions.push(
                    FrCite::parse(c).ok_or_else(|| {
                        err(format!("`{c}` is not a citation"), "revisions_only_on")
                    })?,
                );
            }
            for c in covered.into_iter().filter(|c| !revisions.contains(c)) {
                let docs = notices.by_cite.entry(c).or_default();
                if !docs.contains(&index) {
                    docs.push(index);
                }
            }
            notices
                .revisions
                .extend(revisions.into_iter().map(|c| (c, index)));
            if d.first_page_verified && d.last_page.is_some() {
                notices.ranges.push((first.volume, first.page, last, index));
            }
            notices.documents.push(d);
        }
        Ok(notices)
    }

    /// The documents a citation falls in (more than one where documents share a page).
    pub fn documents(&self, cite: FrCite) -> Vec<&Document> {
        let mut found: Vec<usize> = self.by_cite.get(&cite).cloned().unwrap_or_default();
        for (volume, first, last, i) in &self.ranges {
            if *volume == cite.volume
                && (*first..=*last).contains(&cite.page)
                && !found.contains(i)
                && !self.revisions.contains(&(cite, *i))
            {
                found.push(*i);
            }
        }
        found.into_iter().map(|i| &self.documents[i]).collect()
    }

    /// When the entry with this CSL cell was listed: the oldest citation's document's date, or
    /// the citation's year when earl's sources do not date it. Where several documents share
    /// the cited page, the latest date any of them gives is the one earl can rely on.
    pub fn listed(&self, cell: Option<&str>) -> Listed {
        let Some(first) = cell.and_then(|c| {
            parse_fr_cites(c)
                .into_iter()
                .map(|c| self.corrections.get(&c).copied().unwrap_or(c))
                .min()
        }) else {
            return Listed::NoNotice;
        };
        let notice = first.to_string();
        let listings: Vec<Listed> = self
            .documents(first)
            .into_iter()
            .map(|d| d.listed(notice.clone()))
            .collect();
        match listings.as_slice() {
            [] => Listed::InYear {
                year: first.year(),
                notice,
            },
            [one] => one.clone(),
            many => {
                let dates = |l: &Listed| match l {
                    Listed::On { date, .. } => Some((*date, Some(*date))),
                    Listed::By {
                        date, not_before, ..
                    } => Some((*date, *not_before)),
                    _ => None,
                };
                let latest = many.iter().filter_map(dates).map(|(d, _)| d).max();
                let earliest = many
                    .iter()
                    .map(|l| dates(l).and_then(|(_, nb)| nb))
                    .collect::<Option<Vec<Date>>>()
                    .and_then(|v| v.into_iter().min());
                match latest {
                    Some(date) if many.iter().all(|l| !matches!(l, Listed::InYear { .. })) => {
                        Listed::By {
                            date,
                            not_before: earliest,
                            notice,
                        }
                    }
                    _ => Listed::InYear {
                        year: first.year(),
                        notice,
                    },
                }
            }
        }
    }

    pub fn len(&self) -> usize {
        self.documents.len()
    }

    /// The CSL citations earl reads as clerical copies of others, with the reason.
    pub fn corrections(&self) -> &[Correction] {
        &self.correction_notes
    }

    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }

    /// Every date in the table on which a listing can change an answer.
    pub fn dates(&self) -> impl Iterator<Item = Date> + '_ {
        self.documents
            .iter()
            .flat_map(|d| [d.effective, d.published, d.announced])
            .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_citations_with_dates_and_issue_numbers_beside_them() {
        let got = parse_fr_cites(
            "73 FR 54506 (9/22/08), 75 FR 1699 (1/13/10); 77 FR 61249 No. 195, 89 F.R. 51302",
        );
        let pages: Vec<(u16, u32)> = got.iter().map(|c| (c.volume, c.page)).collect();
        assert_eq!(
            pages,
            vec![(73, 54506), (75, 1699), (77, 61249), (89, 51302)]
        );
    }

    #[test]
    fn a_page_inside_a_document_finds_it_and_a_page_outside_does_not() {
        let text = r#"
[[document]]
citation = "88 FR 71991"
last_page = 71997
published = "2023-10-19"
effective = "2023-10-17"
source = "test"
confidence = "VERIFIED-P"

[[document]]
citation = "89 FR 100"
published = "2024-03-01"
source = "test"
confidence = "VERIFIED-S"
"#;
        let n = ListNotices::parse("t", text).unwrap();
        assert!(matches!(
            n.listed(Some("88 FR 71992")),
            Listed::On { date, .. } if date.to_string() == "2023-10-17"
        ));
        assert!(matches!(
            n.listed(Some("88 FR 71998")),
            Listed::InYear { year: 2023, .. }
        ));
        assert!(matches!(n.listed(None), Listed::NoNotice));
        // Only the publication date known: listed by it at the latest.
        assert!(matches!(
            n.listed(Some("89 FR 100")),
            Listed::By { date, .. } if date.to_string() == "2024-03-01"
        ));
        assert!(matches!(n.listed(Some("no citation")), Listed::NoNotice));
    }
}
