//! The rule book: the enforced timeline of amendments and the scenarios that can be laid over it.

use crate::error::DataError;
use earl_core::rules::{Amendment, Entries, Place, Snapshot, Status, When};
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::BTreeSet;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    meta: RulesMeta,
    amendment: Vec<Spanned<Amendment>>,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct RulesMeta {
    /// The date of the newest source the rules reflect.
    pub as_of: Date,
    pub source_document: String,
}

/// The dated rules and the scenarios.
#[derive(Debug, Clone)]
pub struct RuleBook {
    pub meta: RulesMeta,
    /// Sorted by effective date.
    pub timeline: Vec<Amendment>,
    pub scenarios: Vec<Amendment>,
}

/// What a name used by a rule must be checked against.
pub struct Known<'a> {
    pub catalog: &'a crate::catalog::Catalog,
    pub countries: &'a crate::geo::Countries,
    pub groups: &'a earl_core::countries::CountryGroups,
}

impl RuleBook {
    pub fn parse(file: &str, text: &str, known: &Known) -> Result<RuleBook, DataError> {
        let parsed: RulesFile =
            toml::from_str(text).map_err(|e| DataError::from_toml(file, text, &e))?;
        let mut timeline = Vec::new();
        for (i, spanned) in parsed.amendment.into_iter().enumerate() {
            let start = spanned.span().start;
            let a = spanned.into_inner();
            if a.effective.is_none() && a.id != "ear-party-lists" && a.status != Status::Enforced {
                return Err(DataError::new(
                    file,
                    "an amendment of the timeline needs an effective date",
                )
                .at(text, start)
                .field(format!("amendment[{i}] ({}).effective", a.id)));
            }
            timeline.push((start, a));
        }
        timeline.sort_by_key(|(_, a)| a.effective);
        let book = RuleBook {
            meta: parsed.meta,
            timeline: Vec::new(),
            scenarios: Vec::new(),
        };
        let mut book = book;
        for (start, a) in &timeline {
            if book.timeline.iter().any(|b: &Amendment| b.id == a.id) {
                return Err(
                    DataError::new(file, format!("amendment id `{}` is used twice", a.id))
                        .at(text, *start)
                        .field("id"),
                );
            }
            book.timeline.push(a.clone());
        }
        // Validated once every amendment is known: an entry may refer to one defined later.
        for (start, a) in &timeline {
            book.validate(a, known).map_err(|(field, msg)| {
                let at = entry_offset(text, &field).unwrap_or(*start);
                DataError::new(file, msg)
                    .at(text, at)
                    .field(format!("amendment ({}).{field}", a.id))
            })?;
        }
        Ok(book)
    }

    /// Parses one scenario file (a single amendment at the top level) and adds it.
    pub fn add_scenario(
        &mut self,
        file: &str,
        text: &str,
        known: &Known,
    ) -> Result<&Amendment, DataError> {
        let a: Amendment =
            toml::from_str(text).map_err(|e| DataError::from_toml(file, text, &e))?;
        if a.status == Status::Enforced {
            return Err(DataError::new(file, "a scenario cannot have status `enforced`; use proposed, introduced, passed_committee, passed_one_chamber, enacted, announced, withdrawn or published_not_enforced").field("status"));
        }
        self.validate(&a, known).map_err(|(field, msg)| {
            let e = DataError::new(file, msg);
            let e = match entry_offset(text, &field) {
                Some(at) => e.at(text, at),
                None => e,
            };
            e.field(field)
        })?;
        if self.scenarios.iter().any(|s| s.id == a.id) || self.timeline.iter().any(|s| s.id == a.id)
        {
            return Err(
                DataError::new(file, format!("scenario id `{}` is already used", a.id)).field("id"),
            );
        }
        self.scenarios.push(a);
        Ok(self.scenarios.last().expect("just pushed"))
    }

    pub fn scenario(&self, id: &str) -> Option<&Amendment> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    pub fn amendment(&self, id: &str) -> Option<&Amendment> {
        self.timeline.iter().find(|s| s.id == id)
    }

    /// The rules in force on `date`, with `scenario` laid over them.
    pub fn snapshot(&self, date: Date, scenario: Option<&Amendment>) -> Snapshot {
        Snapshot::build(&self.timeline, date, scenario)
    }

    /// Every id an amendment of the book or a scenario defines.
    fn defined_ids(&self, extra: &Amendment) -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        for a in self
            .timeline
            .iter()
            .chain(&self.scenarios)
            .chain(std::iter::once(extra))
        {
            let e = &a.add;
            ids.extend(e.control.iter().map(|x| x.id.clone()));
            ids.extend(e.review.iter().map(|x| x.id.clone()));
            ids.extend(e.paragraph.iter().map(|x| x.id.clone()));
            ids.extend(e.exclusion.iter().map(|x| x.id.clone()));
            ids.extend(e.exception.iter().map(|x| x.id.clone()));
            ids.extend(e.condition.iter().map(|x| x.id.clone()));
            ids.extend(e.notice.iter().map(|x| x.id.clone()));
            ids.extend(e.not_checked.iter().map(|x| x.id.clone()));
            ids.extend(e.charge.iter().map(|x| x.id.clone()));
            ids.extend(e.party.iter().map(|x| x.id.clone()));
            ids.extend(e.affiliates.iter().map(|x| x.id.clone()));
            ids.extend(e.group.iter().map(|x| x.id.clone()));
        }
        ids
    }

    fn validate(&self, a: &Amendment, known: &Known) -> Result<(), (String, String)> {
        if let (Some(e), Some(u)) = (a.effective, a.until)
            && u <= e
        {
            return Err((
                "until".into(),
                format!("until {u} is not after effective {e}"),
            ));
        }
        let ids = self.defined_ids(a);
        let own_groups: BTreeSet<&str> = self
            .timeline
            .iter()
            .chain(&self.scenarios)
            .chain(std::iter::once(a))
            .flat_map(|x| x.add.group.iter().map(|g| g.id.as_str()))
            .collect();
        for id in &a.remove {
            if !ids.contains(id) {
                return Err((
                    "remove".into(),
                    format!("removes `{id}`, which no amendment defines"),
                ));
            }
        }
        let check = Checker {
            known,
            ids: &ids,
            own_groups: &own_groups,
        };
        check.entries(&a.add)
    }
}

/// A restricted-party list code as trade.gov writes it: `EL`, `SDN`, `NS-MBS`.
fn list_code(code: &str) -> Check {
    let ok = !code.is_empty()
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '-' || c.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err((
            "list".into(),
            format!("`{code}` is not a list code like EL, SDN or NS-MBS"),
        ))
    }
}

/// Where the entry a field path names (`add.control[1] (ac-dest).when…`) is written: the offset
/// of its `id = "…"` line, so a fault inside an entry is reported at that entry.
fn entry_offset(text: &str, field: &str) -> Option<usize> {
    let open = field.rfind(" (")?;
    let close = field[open..].find(')')? + open;
    let id = &field[open + 2..close];
    text.find(&format!("id = \"{id}\""))
}

struct Checker<'a> {
    known: &'a Known<'a>,
    ids: &'a BTreeSet<String>,
    own_groups: &'a BTreeSet<&'a str>,
}

type Check = Result<(), (String, String)>;

impl Checker<'_> {
    fn entries(&self, e: &Entries) -> Check {
        let mut seen = BTreeSet::new();
        macro_rules! each {
            ($field:ident, $name:literal, |$x:ident| $body:expr) => {
                for (i, $x) in e.$field.iter().enumerate() {
                    if !seen.insert($x.id.clone()) {
                        return Err((
                            format!("add.{}[{i}].id", $name),
                            format!("id `{}` is used twice", $x.id),
                        ));
                    }
                    let r: Check = $body;
                    r.map_err(|(f, m)| (format!("add.{}[{i}] ({}).{f}", $name, $x.id), m))?;
                }
            };
        }
        each!(paragraph, "paragraph", |p| {
            if p.all.is_empty() {
                Err((
                    "all".into(),
                    "a paragraph needs at least one threshold".into(),
                ))
            } else {
                self.thresholds(&p.all)
            }
        });
        each!(exclusion, "exclusion", |x| self.when(&x.when));
        each!(control, "control", |x| {
            match (x.readings.is_empty(), &x.deciding) {
                (false, None) => {
                    return Err((
                        "deciding".into(),
                        "a control with readings must say what would decide between them".into(),
                    ));
                }
                (true, Some(_)) => {
                    return Err((
                        "readings".into(),
                        "`deciding` is only for a control with readings (at least two)".into(),
                    ));
                }
                (false, Some(_)) if x.readings.len() < 2 => {
                    return Err((
                        "readings".into(),
                        "an unsettled requirement needs at least two readings".into(),
                    ));
                }
                _ => {}
            }
            self.when(&x.when)
        });
        each!(review, "review", |x| self.when(&x.when));
        each!(exception, "exception", |x| {
            for c in &x.covers {
                if !self.ids.contains(c) {
                    return Err((
                        "covers".into(),
                        format!("covers `{c}`, which no amendment defines"),
                    ));
                }
            }
            self.when(&x.when)
        });
        each!(condition, "condition", |x| self.when(&x.when));
        each!(notice, "notice", |x| self.when(&x.when));
        each!(not_checked, "not_checked", |x| self.when(&x.when));
        each!(charge, "charge", |x| {
            if !(0.0..=1.0).contains(&x.rate) {
                return Err((
                    "rate".into(),
                    format!("rate {} must be a fraction between 0 and 1", x.rate),
                ));
            }
            self.when(&x.when)
        });
        each!(party, "party", |x| list_code(&x.list));
        each!(affiliates, "affiliates", |x| {
            if !(x.percent > 0.0 && x.percent <= 100.0) {
                return Err((
                    "percent".into(),
                    format!("percent {} must be more than 0 and at most 100", x.percent),
                ));
            }
            if x.lists.is_empty() {
                return Err(("lists".into(), "name at least one list".into()));
            }
            x.lists.iter().try_for_each(|l| list_code(l))
        });
        each!(group, "group", |g| {
            for c in &g.countries {
                self.country(c)?;
            }
            Ok(())
        });
        Ok(())
    }

    fn thresholds(&self, ths: &[earl_core::rules::Threshold]) -> Check {
        for (i, t) in ths.iter().enumerate() {
            if !t.value.is_finite() {
                return Err((
                    format!("metrics[{i}].value"),
                    "must be a finite number".into(),
                ));
            }
            if let Some(to) = t.value_to
                && !(to.is_finite() && to > t.value)
            {
                return Err((
                    format!("metrics[{i}].value_to"),
                    format!(
                        "the highest possible limit {to} must be a finite number above value {}",
                        t.value
                    ),
                ));
            }
        }
        Ok(())
    }

    fn country(&self, code: &str) -> Check {
        match self.known.countries.by_code(code) {
            Some(_) => Ok(()),
            None => Err((
                "countries".into(),
                format!("`{code}` is not a country code"),
            )),
        }
    }

    fn place(&self, field: &str, p: &Place) -> Check {
        for c in p.countries.iter().chain(&p.except_countries) {
            self.country(c).map_err(|(_, m)| (field.to_string(), m))?;
        }
        for g in p.groups.iter().chain(&p.except_groups) {
            if g != "*"
                && !self.known.groups.knows_group(g)
                && !self.own_groups.contains(g.as_str())
            {
                return Err((
                    field.to_string(),
                    format!("`{g}` is not a Country Group or a group a rule defines"),
                ));
            }
        }
        Ok(())
    }

    fn when(&self, w: &When) -> Check {
        let places = [
            ("when.destination", &w.destination),
            ("when.not_destination", &w.not_destination),
            ("when.hq", &w.hq),
            ("when.not_hq", &w.not_hq),
        ];
        for (field, p) in places {
            if let Some(p) = p {
                self.place(field, p)?;
            }
        }
        for id in w.chips.iter().flatten() {
            if self.known.catalog.get(id).is_none() {
                return Err((
                    "when.chips".into(),
                    format!("`{id}` is not a catalog chip id"),
                ));
            }
        }
        for (field, refs) in [("when.controls", &w.controls), ("when.review", &w.review)] {
            for r in refs.iter().flatten() {
                if !self.ids.contains(r) {
                    return Err((
                        field.into(),
                        format!("refers to `{r}`, which no amendment defines"),
                    ));
                }
            }
        }
        self.thresholds(&w.metrics)?;
        self.thresholds(&w.metrics_any)?;
        for sub in w.any.iter().chain(&w.all) {
            self.when(sub)?;
        }
        Ok(())
    }
}
