//! Screening a party, as every front end asks it: the request validated the same way for the
//! CLI, its batch, the server and the other front ends; each match with when its entry was
//! listed and what the list means legally on the date asked (the rules' `party` entry).

use crate::review::Judgement;
use crate::{Engine, EngineError};
use earl_core::cite::Cite;
use earl_core::party::{HitReview, ReviewNote};
use earl_core::shown::{code_point, shown};
use earl_core::step::{Listed, Verdict};
use earl_screen::{ListCode, Match, Provenance, Query};
use jiff::civil::Date;
use serde::Serialize;

/// Longest name accepted; real names are far shorter.
pub const MAX_NAME_CHARS: usize = 512;

/// A party to screen.
#[derive(Debug, Clone, Serialize)]
pub struct ScreenRequest {
    pub name: String,
    /// Keep only entries with an address in this country: an ISO code, name or alias.
    pub country: Option<String>,
    /// Screen only these lists (codes such as `EL`, `SDN`).
    pub lists: Option<Vec<String>>,
    pub threshold: Option<f64>,
    pub include_below: bool,
    /// The date whose rules give each list's effect and against which listings are dated.
    pub date: Date,
}

/// What a list match means on the date asked.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ListEffect {
    /// The rules' party entry for the list.
    pub entry: String,
    pub text: String,
    pub cite: Cite,
}

/// One match with its legal effect and listing date.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScreenMatch {
    #[serde(flatten)]
    pub found: Match,
    /// The list's effect under the rules of the date asked; null for a list the rules do not
    /// name (a list trade.gov added after earl's rules).
    pub effect: Option<ListEffect>,
    /// When the entry was listed, from the Federal Register notices it cites.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub listed: Listed,
    /// Whether the entry was listed on the date asked.
    pub listed_on_date: Verdict,
    /// What a reviewer's disposition says of this match, when one covers it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<HitReview>,
}

/// A match a reviewer set aside as a false positive.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewedMatch {
    #[serde(rename = "match")]
    pub found: ScreenMatch,
    pub review: ReviewNote,
}

/// The answer to `earl screen`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScreenAnswer {
    pub query: String,
    /// The country filter, resolved to its code.
    pub country: Option<String>,
    /// The lists screened when the question limited them (codes such as `SDN`); absent, every
    /// list. A name without matches in some lists may be on the others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sources: Option<Vec<String>>,
    pub threshold: f64,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub date: Date,
    pub lists: Provenance,
    /// Set when the lists are old, or when their age is unknown.
    pub staleness_warning: Option<String>,
    /// The same as a fact, for the renderer to write in the language asked (not serialised:
    /// `staleness_warning` is its English).
    #[serde(skip)]
    pub staleness: Option<earl_screen::Staleness>,
    /// What the lists lack: lists that lost entries against the bundled snapshot, an accepted
    /// list without Entity List or SDN rows.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub list_warnings: Vec<String>,
    /// The same as facts, for the renderer to write in the language asked (not serialised:
    /// `list_warnings` is their English).
    #[serde(skip)]
    pub list_warning_facts: Vec<earl_screen::ListWarning>,
    /// Lists that lost a sharp share of their entries against the lists the previous run
    /// loaded (a truncated download): see [`Engine::count_drops`].
    pub count_drop_warnings: Vec<String>,
    /// The same as facts (not serialised: `count_drop_warnings` is their English).
    #[serde(skip)]
    pub count_drops: Vec<earl_screen::CountDrop>,
    /// Best first.
    pub matches: Vec<ScreenMatch>,
    /// Matches a reviewer set aside as false positives, best first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reviewed: Vec<ReviewedMatch>,
    /// The dispositions this answer relied on (their record ids).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dispositions: Vec<u64>,
    /// The name is in the ownership graph, owned at or above an ownership rule's threshold by
    /// listed parties: an affiliate of them, with the chain and whether the rule is in force.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub affiliate_of: Vec<crate::owners::Affiliate>,
    /// The ownership graph's version, when the name was looked up in one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ownership_graph: Option<String>,
}

impl ScreenAnswer {
    /// Whether any match is at or above the threshold.
    pub fn has_match(&self) -> bool {
        self.matches.iter().any(|m| !m.found.below_threshold) || !self.affiliate_of.is_empty()
    }
}

/// Refuses a name that cannot be screened — empty, too long, without a letter or digit in any
/// script ("---", an emoji), or holding a control character or a bidirectional control —
/// rather than answering "no match" for it. `subject` names it in the message ("the name to
/// screen", "the end user name").
///
/// Controls (C0, C1: a tab, a NUL, U+0085) and line breaks (U+2028, U+2029) have no place in
/// a name: they come from a broken export. Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) make
/// the name drawn differ from the name stored ("\u{202E}iewauH" is drawn "Hauwei"), so earl
/// would screen a name other than the one the user sees. Other invisible characters (U+200B,
/// the soft hyphen, ZWJ) cannot change what is read: the normaliser removes them.
pub fn screenable(name: &str, subject: &str) -> Result<(), EngineError> {
    let refuse = |why: crate::Unscreenable| {
        Err(EngineError::Input(crate::InputError::Unscreenable {
            subject: subject.to_string(),
            name: name.to_string(),
            why,
        }))
    };
    if name.trim().is_empty() {
        return refuse(crate::Unscreenable::Empty);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return refuse(crate::Unscreenable::TooLong {
            max: MAX_NAME_CHARS,
        });
    }
    if let Some((at, c)) = name
        .chars()
        .enumerate()
        .find(|&(_, c)| is_line_break_or_control(c) || is_bidi_control(c))
    {
        return refuse(crate::Unscreenable::Hidden {
            code_point: code_point(c),
            at: at + 1,
            bidi: !is_line_break_or_control(c),
        });
    }
    if !name.chars().any(char::is_alphanumeric) {
        return refuse(crate::Unscreenable::NoLetter);
    }
    Ok(())
}

/// C0 and C1 controls (a tab, a NUL, U+0085) and the line and paragraph separators: none
/// belongs in a name on one line.
fn is_line_break_or_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// The characters that reorder displayed text (Unicode Bidi_Control).
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

impl Engine {
    /// Screens one party name.
    pub fn screen(&self, req: &ScreenRequest) -> Result<ScreenAnswer, EngineError> {
        screenable(&req.name, "the name to screen")?;
        let country = match req.country.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(c) => Some(self.country(c)?.code.clone()),
        };
        let lists = req
            .lists
            .as_ref()
            .map(|codes| codes.iter().map(|c| list_code(c)).collect())
            .transpose()?;
        if let Some(t) = req.threshold
            && !(0.0..=1.0).contains(&t)
        {
            return Err(EngineError::Input(crate::InputError::ThresholdRange {
                value: t.to_string(),
            }));
        }
        let sources = lists
            .as_ref()
            .map(|codes: &Vec<ListCode>| codes.iter().map(|c| c.as_str().to_string()).collect());
        let screening = self.screening()?;
        let result = screening.screener.screen(&Query {
            name: req.name.clone(),
            country: country.clone(),
            lists,
            threshold: req.threshold,
            include_below: req.include_below,
        });
        let snap = self.snapshot(req.date, None);
        let reviews = self.reviews();
        let judged_on = crate::review::judged_on(req.date);
        let mut matches = Vec::new();
        let mut reviewed = Vec::new();
        let mut dispositions = Vec::new();
        for m in result.matches {
            let listed = self
                .data
                .list_notices
                .listed(screening.match_cites(&m).as_deref());
            let effect = snap
                .entries
                .party
                .iter()
                .find(|r| r.list == m.list.as_str())
                .map(|r| ListEffect {
                    entry: r.id.clone(),
                    text: r.text.clone(),
                    cite: r.cite.clone(),
                });
            let judgement = reviews.judge(
                &req.name,
                country.as_deref(),
                (&m.entry_id, &m.entry_hash),
                judged_on,
            );
            let mut found = ScreenMatch {
                listed_on_date: listed.on(req.date).into(),
                found: m,
                effect,
                listed,
                review: None,
            };
            match judgement {
                Judgement::Uncovered => matches.push(found),
                Judgement::SetAside(review) => {
                    dispositions.push(review.disposition);
                    reviewed.push(ReviewedMatch { found, review });
                }
                Judgement::Kept(review) => {
                    if let HitReview::Confirmed { note } | HitReview::Escalated { note } = &review {
                        dispositions.push(note.disposition);
                    }
                    found.review = Some(review);
                    matches.push(found);
                }
            }
        }
        dispositions.sort_unstable();
        dispositions.dedup();
        let staleness = earl_screen::staleness(
            &screening.provenance,
            crate::today(),
            earl_screen::DEFAULT_MAX_AGE_DAYS,
        );
        Ok(ScreenAnswer {
            query: result.query,
            country,
            sources,
            threshold: result.threshold,
            date: req.date,
            staleness_warning: staleness.as_ref().map(ToString::to_string),
            staleness,
            lists: screening.provenance.clone(),
            list_warnings: screening.warnings.iter().map(ToString::to_string).collect(),
            list_warning_facts: screening.warnings.clone(),
            count_drop_warnings: self.count_drop_warnings()?,
            count_drops: self.count_drops()?.to_vec(),
            matches,
            reviewed,
            dispositions,
            affiliate_of: match self.ownership_graph()? {
                Some(_) => self.affiliations_of(&req.name, req.date, &mut Default::default())?,
                None => Vec::new(),
            },
            ownership_graph: self.ownership_graph()?.map(|g| g.version.clone()),
        })
    }
}

/// A list code earl knows, or an error naming the known ones.
fn list_code(code: &str) -> Result<ListCode, EngineError> {
    match code.trim().parse::<ListCode>() {
        Ok(ListCode::Other(_)) | Err(_) => {
            let known: Vec<&str> = ListCode::KNOWN.iter().map(ListCode::as_str).collect();
            Err(EngineError::BadInput(format!(
                "unknown list `{}` (known: {})",
                shown(code),
                known.join(", ")
            )))
        }
        Ok(c) => Ok(c),
    }
}

impl Engine {
    /// Compares two names the way screening does, weighing tokens by the lists' statistics.
    pub fn pair(
        &self,
        a: &str,
        b: &str,
        threshold: Option<f64>,
    ) -> Result<crate::audit::MatchAnswer, EngineError> {
        for (which, name) in [("first", a), ("second", b)] {
            screenable(name, &format!("the {which} name"))?;
        }
        if let Some(t) = threshold
            && !(0.0..=1.0).contains(&t)
        {
            return Err(EngineError::Input(crate::InputError::ThresholdRange {
                value: t.to_string(),
            }));
        }
        // A comparison needs the lists' token statistics, not their index.
        let (provenance, stats) = self.token_stats()?;
        Ok(crate::audit::MatchAnswer {
            score: earl_screen::compare(a, b, stats, threshold),
            lists_hash: provenance.sha256.clone(),
        })
    }
}
