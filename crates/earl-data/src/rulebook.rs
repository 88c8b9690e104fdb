//! The rule book: the enforced timeline of amendments and the scenarios that can be laid over it.

use crate::error::{DataError, ErrorKind, Fault, FieldPath};
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
            let a = spanned.into_inner();
            let here = FieldPath::new().key("amendment").index(i);
            if a.effective.is_none() && a.id != "ear-party-lists" && a.status != Status::Enforced {
                return Err(DataError::located(
                    file,
                    text,
                    &here.key("id"),
                    ErrorKind::Invalid,
                    format!(
                        "amendment `{}` of the timeline needs an effective date",
                        a.id
                    ),
                ));
            }
            if timeline
                .iter()
                .any(|(_, b): &(FieldPath, Amendment)| b.id == a.id)
            {
                return Err(DataError::located(
                    file,
                    text,
                    &here.key("id"),
                    ErrorKind::Duplicate,
                    format!("amendment id `{}` is used twice", a.id),
                ));
            }
            timeline.push((here, a));
        }
        timeline.sort_by_key(|(_, a)| a.effective);
        for (here, a) in &timeline {
            removes_only_what_came_before(a, &timeline).map_err(|f| f.locate(file, text, here))?;
        }
        let mut book = RuleBook {
            meta: parsed.meta,
            timeline: timeline.iter().map(|(_, a)| a.clone()).collect(),
            scenarios: Vec::new(),
        };
        // Validated once every amendment is known: an entry may refer to one defined later.
        for (here, a) in &timeline {
            book.validate(a, known)
                .map_err(|f| f.locate(file, text, here))?;
        }
        book.timeline.shrink_to_fit();
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
        let root = FieldPath::new();
        if a.status == Status::Enforced {
            return Err(DataError::located(
                file,
                text,
                &root.key("status"),
                ErrorKind::Invalid,
                "a scenario cannot have status `enforced`; use proposed, introduced, passed_committee, passed_one_chamber, enacted, announced, withdrawn or published_not_enforced",
            ));
        }
        self.validate(&a, known)
            .map_err(|f| f.locate(file, text, &root))?;
        if self.scenarios.iter().any(|s| s.id == a.id) || self.timeline.iter().any(|s| s.id == a.id)
        {
            return Err(DataError::located(
                file,
                text,
                &root.key("id"),
                ErrorKind::Duplicate,
                format!("scenario id `{}` is already used", a.id),
            ));
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
        self.timeline
            .iter()
            .chain(&self.scenarios)
            .chain(std::iter::once(extra))
            .flat_map(entry_ids)
            .map(str::to_string)
            .collect()
    }

    fn validate(&self, a: &Amendment, known: &Known) -> Result<(), Fault> {
        if let (Some(e), Some(u)) = (a.effective, a.until)
            && u <= e
        {
            return Err(Fault::new(
                "until",
                ErrorKind::Invalid,
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
        for (i, id) in a.remove.iter().enumerate() {
            if !ids.contains(id) {
                return Err(Fault::new(
                    &format!("remove[{i}]"),
                    ErrorKind::UnknownReference,
                    format!("removes `{id}`, which no amendment defines"),
                ));
            }
        }
        let check = Checker {
            known,
            ids: &ids,
            own_groups: &own_groups,
        };
        check
            .entries(&a.add)
            .map_err(|f| f.under(&FieldPath::new().key("add")))
    }
}

/// The ids of the entries an amendment adds.
fn entry_ids(a: &Amendment) -> impl Iterator<Item = &str> {
    let e = &a.add;
    e.control
        .iter()
        .map(|x| x.id.as_str())
        .chain(e.review.iter().map(|x| x.id.as_str()))
        .chain(e.paragraph.iter().map(|x| x.id.as_str()))
        .chain(e.assembly.iter().map(|x| x.id.as_str()))
        .chain(e.exclusion.iter().map(|x| x.id.as_str()))
        .chain(e.jurisdiction.iter().map(|x| x.id.as_str()))
        .chain(e.exception.iter().map(|x| x.id.as_str()))
        .chain(e.condition.iter().map(|x| x.id.as_str()))
        .chain(e.notice.iter().map(|x| x.id.as_str()))
        .chain(e.not_checked.iter().map(|x| x.id.as_str()))
        .chain(e.charge.iter().map(|x| x.id.as_str()))
        .chain(e.party.iter().map(|x| x.id.as_str()))
        .chain(e.affiliates.iter().map(|x| x.id.as_str()))
        .chain(e.group.iter().map(|x| x.id.as_str()))
}

/// An amendment of the timeline removes only entries added by one in force on or before its
/// own date: the timeline is folded in date order, so removing an entry that an amendment
/// dated later adds removes nothing, and the entry would stay in force after it.
fn removes_only_what_came_before(a: &Amendment, timeline: &[(FieldPath, Amendment)]) -> Check {
    for (i, id) in a.remove.iter().enumerate() {
        let definers = || {
            timeline
                .iter()
                .map(|(_, b)| b)
                .filter(|b| b.id != a.id && entry_ids(b).any(|x| x == id))
        };
        let earlier = definers().any(|b| match (b.effective, a.effective) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(added), Some(removed)) => added <= removed,
        });
        if let Some(later) = definers().find(|_| !earlier) {
            let effective = |x: &Amendment| {
                x.effective
                    .map_or_else(|| "no date".to_string(), |d| d.to_string())
            };
            return invalid(
                &format!("remove[{i}]"),
                format!(
                    "removes `{id}` from {}, but `{}` adds it only from {}: an amendment cannot be dated before what it removes",
                    effective(a),
                    later.id,
                    effective(later)
                ),
            );
        }
    }
    Ok(())
}

/// A restricted-party list code as trade.gov writes it: `EL`, `SDN`, `NS-MBS`.
fn list_code(field: &str, code: &str) -> Check {
    let ok = !code.is_empty()
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '-' || c.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(Fault::new(
            field,
            ErrorKind::Invalid,
            format!("`{code}` is not a list code like EL, SDN or NS-MBS"),
        ))
    }
}

struct Checker<'a> {
    known: &'a Known<'a>,
    ids: &'a BTreeSet<String>,
    own_groups: &'a BTreeSet<&'a str>,
}

type Check = Result<(), Fault>;

fn invalid(field: &str, message: impl Into<String>) -> Check {
    Err(Fault::new(field, ErrorKind::Invalid, message))
}

fn unknown(field: &str, message: impl Into<String>) -> Check {
    Err(Fault::new(field, ErrorKind::UnknownReference, message))
}

impl Checker<'_> {
    fn entries(&self, e: &Entries) -> Check {
        let mut seen = BTreeSet::new();
        macro_rules! each {
            ($field:ident, $name:literal, |$x:ident| $body:expr) => {
                for (i, $x) in e.$field.iter().enumerate() {
                    let here = FieldPath::new().key($name).index(i);
                    if !seen.insert($x.id.clone()) {
                        return Err(Fault::new(
                            "id",
                            ErrorKind::Duplicate,
                            format!("id `{}` is used twice", $x.id),
                        )
                        .under(&here));
                    }
                    let r: Check = $body;
                    r.map_err(|f| f.under(&here))?;
                }
            };
        }
        each!(paragraph, "paragraph", |p| {
            if p.all.is_empty() {
                invalid("all", "a paragraph needs at least one threshold")
            } else {
                self.thresholds("all", &p.all)
            }
        });
        each!(assembly, "assembly", |x| {
            if x.contains.is_empty() {
                invalid(
                    "contains",
                    "a 4A090 paragraph names the 3A090 paragraphs it covers",
                )
            } else if let Some(p) = x.contains.iter().find(|p| !p.starts_with("3A090")) {
                invalid("contains", format!("`{p}` is not a 3A090 paragraph"))
            } else {
                Ok(())
            }
        });
        each!(exclusion, "exclusion", |x| self.when("when", &x.when));
        each!(control, "control", |x| {
            match (x.readings.len(), &x.deciding) {
                (0, None) => {}
                (0, Some(_)) => {
                    return invalid(
                        "deciding",
                        "`deciding` is only for a control with readings (at least two)",
                    );
                }
                (_, None) => {
                    return invalid(
                        "readings",
                        "a control with readings must say what would decide between them (`deciding`)",
                    );
                }
                (1, Some(_)) => {
                    return invalid(
                        "readings",
                        "an unsettled requirement needs at least two readings",
                    );
                }
                _ => {}
            }
            self.when("when", &x.when)
        });
        each!(jurisdiction, "jurisdiction", |x| {
            use earl_core::rules::Ground;
            match (x.ground, x.percent) {
                (Ground::DeMinimis, Some(p)) if (0.0..100.0).contains(&p) => {}
                (Ground::DeMinimis, Some(p)) => {
                    return invalid(
                        "percent",
                        format!("percent {p} must be at least 0 and below 100"),
                    );
                }
                (Ground::DeMinimis, None) => {
                    return invalid("percent", "a de minimis entry states its level (`percent`)");
                }
                (_, Some(_)) => {
                    return invalid("percent", "only a de minimis entry has a `percent`");
                }
                (_, None) => {}
            }
            match (x.readings.len(), &x.deciding) {
                (0, None) => {}
                (0, Some(_)) => {
                    return invalid(
                        "deciding",
                        "`deciding` is only for an entry with readings (at least two)",
                    );
                }
                (_, None) => {
                    return invalid(
                        "readings",
                        "an entry with readings must say what would decide between them (`deciding`)",
                    );
                }
                (1, Some(_)) => {
                    return invalid("readings", "an unsettled prong needs at least two readings");
                }
                _ => {}
            }
            self.when("when", &x.when)
        });
        each!(review, "review", |x| self.when("when", &x.when));
        each!(exception, "exception", |x| {
            for (j, c) in x.covers.iter().enumerate() {
                if !self.ids.contains(c) {
                    return unknown(
                        &format!("covers[{j}]"),
                        format!("covers `{c}`, which no amendment defines"),
                    );
                }
            }
            self.when("when", &x.when)
        });
        each!(condition, "condition", |x| {
            if let Some(cap) = &x.cap {
                if !(cap.share > 0.0 && cap.share <= 1.0) {
                    return invalid(
                        "cap.share",
                        format!("share {} must be a fraction in (0, 1]", cap.share),
                    );
                }
                for (i, c) in cap.places.iter().enumerate() {
                    self.country(&format!("cap.places[{i}]"), c)?;
                }
            }
            self.when("when", &x.when)
        });
        each!(notice, "notice", |x| self.when("when", &x.when));
        each!(not_checked, "not_checked", |x| self.when("when", &x.when));
        each!(charge, "charge", |x| {
            if !(0.0..=1.0).contains(&x.rate) {
                return invalid(
                    "rate",
                    format!("rate {} must be a fraction between 0 and 1", x.rate),
                );
            }
            self.when("when", &x.when)
        });
        each!(party, "party", |x| list_code("list", &x.list));
        each!(affiliates, "affiliates", |x| {
            if !(x.percent > 0.0 && x.percent <= 100.0) {
                return invalid(
                    "percent",
                    format!("percent {} must be more than 0 and at most 100", x.percent),
                );
            }
            if x.lists.is_empty() {
                return invalid("lists", "name at least one list");
            }
            for (j, l) in x.lists.iter().enumerate() {
                list_code(&format!("lists[{j}]"), l)?;
            }
            Ok(())
        });
        each!(group, "group", |g| {
            for (j, c) in g.countries.iter().enumerate() {
                self.country(&format!("countries[{j}]"), c)?;
            }
            Ok(())
        });
        Ok(())
    }

    fn thresholds(&self, field: &str, ths: &[earl_core::rules::Threshold]) -> Check {
        for (i, t) in ths.iter().enumerate() {
            if !t.value.is_finite() {
                return invalid(&format!("{field}[{i}].value"), "must be a finite number");
            }
            // Every metric is a size, a rate or a count: a limit below zero is a typo, and one
            // that `less than` could never meet.
            if t.value < 0.0 {
                return invalid(
                    &format!("{field}[{i}].value"),
                    format!("{} is negative: a metric's limit is at least 0", t.value),
                );
            }
            if let Some(to) = t.value_to
                && !(to.is_finite() && to > t.value)
            {
                return invalid(
                    &format!("{field}[{i}].value_to"),
                    format!(
                        "the highest possible limit {to} must be a finite number above value {}",
                        t.value
                    ),
                );
            }
        }
        Ok(())
    }

    fn country(&self, field: &str, code: &str) -> Check {
        match self.known.countries.by_code(code) {
            Some(_) => Ok(()),
            None => unknown(field, format!("`{code}` is not a country code")),
        }
    }

    fn place(&self, field: &str, p: &Place) -> Check {
        for (key, list) in [
            ("countries", &p.countries),
            ("except_countries", &p.except_countries),
        ] {
            for (j, c) in list.iter().enumerate() {
                self.country(&format!("{field}.{key}[{j}]"), c)?;
            }
        }
        for (key, list) in [("groups", &p.groups), ("except_groups", &p.except_groups)] {
            for (j, g) in list.iter().enumerate() {
                if g != "*"
                    && !self.known.groups.knows_group(g)
                    && !self.own_groups.contains(g.as_str())
                {
                    return unknown(
                        &format!("{field}.{key}[{j}]"),
                        format!("`{g}` is not a Country Group or a group a rule defines"),
                    );
                }
            }
        }
        Ok(())
    }

    fn when(&self, field: &str, w: &When) -> Check {
        let places = [
            ("destination", &w.destination),
            ("not_destination", &w.not_destination),
            ("hq", &w.hq),
            ("not_hq", &w.not_hq),
        ];
        for (key, p) in places {
            if let Some(p) = p {
                self.place(&format!("{field}.{key}"), p)?;
            }
        }
        for (j, id) in w.chips.iter().flatten().enumerate() {
            if self.known.catalog.get(id).is_none() {
                return unknown(
                    &format!("{field}.chips[{j}]"),
                    format!("`{id}` is not a catalog chip id"),
                );
            }
        }
        for (key, refs) in [("controls", &w.controls), ("review", &w.review)] {
            for (j, r) in refs.iter().flatten().enumerate() {
                if !self.ids.contains(r) {
                    return unknown(
                        &format!("{field}.{key}[{j}]"),
                        format!("refers to `{r}`, which no amendment defines"),
                    );
                }
            }
        }
        // Only footnotes 1, 4 and 5 of Supp. No. 4 to Part 744 name FDP rules (734.9(e)(1)-(3)).
        for (j, n) in w.el_footnotes.iter().flatten().enumerate() {
            if ![1, 4, 5].contains(n) {
                return invalid(
                    &format!("{field}.el_footnotes[{j}]"),
                    format!("footnote {n} is not an Entity List FDP footnote (1, 4 or 5)"),
                );
            }
        }
        self.thresholds(&format!("{field}.metrics"), &w.metrics)?;
        self.thresholds(&format!("{field}.metrics_any"), &w.metrics_any)?;
        for (key, subs) in [("any", &w.any), ("all", &w.all)] {
            for (j, sub) in subs.iter().enumerate() {
                self.when(&format!("{field}.{key}[{j}]"), sub)?;
            }
        }
        Ok(())
    }
}
