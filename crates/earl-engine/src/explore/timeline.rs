//! `earl timeline`: one chip's determination for one destination on every rule version, with the
//! date and citation of each change.
//!
//! The dates asked are every date the rules could change: each amendment's effective date (and
//! `until`, when it lapses) and each Country Group change for the destination, from 2022 to the
//! end date. Consecutive dates with the same outcome are collapsed into one period that keeps the
//! date its outcome took effect.

use super::{AmendmentRef, EntryRef, GroupChangeRef, Outcome, PointKind, RulePoint};
use crate::{Engine, EngineError};
use jiff::civil::{Date, date};
use serde::Serialize;

/// The first date a timeline considers: the first US rule on AI chips was in 2022.
pub const TIMELINE_START: Date = date(2022, 1, 1);

#[derive(Debug, Clone)]
pub struct TimelineRequest {
    pub chip: String,
    pub to: String,
    /// The last date considered (default: today).
    pub until: Date,
    /// A scenario laid over every date.
    pub scenario: Option<String>,
}

/// What happened on a date: an amendment took effect or lapsed, or a Country Group changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    Amendment(AmendmentRef),
    AmendmentLapses(AmendmentRef),
    CountryGroup(GroupChangeRef),
}

/// A run of dates with one outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Period {
    /// The date this outcome took effect.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub from: Date,
    /// The date the next outcome took effect; null for the current period.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub until: Option<Date>,
    /// The newest enforced amendment in force on `from`.
    pub regime: String,
    /// What changed on `from` (empty for the first period when nothing changed that day).
    pub changed_by: Vec<Event>,
    pub outcome: Outcome,
    /// The entries that decided the outcome.
    pub because: Vec<EntryRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineReport {
    pub chip: String,
    pub chip_name: String,
    pub destination: String,
    pub scenario: Option<String>,
    /// Every date asked.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
    pub dates_checked: Vec<Date>,
    pub periods: Vec<Period>,
}

impl Engine {
    pub fn timeline(&self, req: &TimelineRequest) -> Result<TimelineReport, EngineError> {
        let chip = self.chip(&req.chip)?;
        let dest = self.country(&req.to)?.code.clone();
        let scenario = self
            .scenario(req.scenario.as_deref())?
            .map(|s| s.id.clone());
        if req.until < TIMELINE_START {
            return Err(EngineError::BadInput(format!(
                "the timeline starts in {TIMELINE_START}; {} is earlier",
                req.until
            )));
        }
        let events = self.events_for(&dest, scenario.as_deref(), req.until);
        let mut dates: Vec<Date> = events.iter().map(|(d, _)| *d).collect();
        dates.dedup();
        if dates.first().is_none_or(|d| *d > TIMELINE_START) {
            dates.insert(0, TIMELINE_START);
        }

        let mut periods: Vec<Period> = Vec::new();
        for &d in &dates {
            let point = RulePoint {
                spec: d.to_string(),
                kind: if scenario.is_some() {
                    PointKind::Scenario
                } else {
                    PointKind::Date
                },
                date: d,
                scenario: scenario.clone(),
                regime: String::new(),
                applied: Vec::new(),
            };
            let snap = self.point_snapshot(&point);
            let ev = self.evaluate(chip, &dest, &point, &snap, None)?;
            let changed_by: Vec<Event> = events
                .iter()
                .filter(|(day, _)| *day == d)
                .map(|(_, e)| e.clone())
                .collect();
            match periods.last_mut() {
                Some(last) if last.outcome.same_as(&ev.outcome) => {}
                _ => {
                    if let Some(last) = periods.last_mut() {
                        last.until = Some(d);
                    }
                    periods.push(Period {
                        from: d,
                        until: None,
                        regime: snap.regime.clone(),
                        changed_by,
                        outcome: ev.outcome,
                        because: ev.entries,
                    });
                }
            }
        }
        Ok(TimelineReport {
            chip: chip.id.clone(),
            chip_name: format!("{} {}", chip.vendor, chip.name),
            destination: dest,
            scenario,
            dates_checked: dates,
            periods,
        })
    }

    /// Every dated event between [`TIMELINE_START`] and `until` that can change an answer for
    /// `dest`, sorted by date.
    fn events_for(&self, dest: &str, scenario: Option<&str>, until: Date) -> Vec<(Date, Event)> {
        let mut events = Vec::new();
        let scenario = scenario.and_then(|s| self.data.rules.scenario(s));
        for a in self.data.rules.timeline.iter().chain(scenario) {
            if let Some(e) = a.effective {
                events.push((e, Event::Amendment(AmendmentRef::of(a))));
            }
            if let Some(u) = a.until {
                events.push((u, Event::AmendmentLapses(AmendmentRef::of(a))));
            }
        }
        for g in self.group_changes_for(dest) {
            events.push((g.effective, Event::CountryGroup(g)));
        }
        events.retain(|(d, _)| *d >= TIMELINE_START && *d <= until);
        events.sort_by_key(|(d, _)| *d);
        events
    }
}
