//! Countries (codes, names, aliases) and dated Country Group membership.

use crate::error::{DataError, ErrorKind, FieldPath};
use earl_core::countries::{Country, CountryGroups, GroupChange};
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountriesFile {
    country: Vec<Spanned<Country>>,
    #[serde(default)]
    ambiguous: Vec<AmbiguousName>,
}

/// Names that denote more than one country in common use ("Congo", "Korea"): refused with
/// their candidates, because resolving one to either could clear an export to the other.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AmbiguousName {
    names: Vec<String>,
    codes: Vec<String>,
}

/// Every country earl can name, resolvable by code, name or alias.
#[derive(Debug, Clone)]
pub struct Countries {
    pub list: Vec<Country>,
    index: HashMap<String, usize>,
    /// Each ambiguous name (by its key) with the countries it may denote.
    ambiguous: HashMap<String, Vec<usize>>,
}

/// Why a name does not resolve to one country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountryError {
    /// No country has this code, name or alias; `suggestions` are the nearest names.
    Unknown {
        name: String,
        suggestions: Vec<String>,
    },
    /// The name denotes several countries; `candidates` are "CODE (name)".
    Ambiguous {
        name: String,
        candidates: Vec<String>,
    },
}

impl std::fmt::Display for CountryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CountryError::Unknown { name, suggestions } => {
                write!(f, "unknown country `{}`", earl_core::shown::shown(name))?;
                if !suggestions.is_empty() {
                    write!(f, "; did you mean {}?", suggestions.join(", "))?;
                }
            }
            CountryError::Ambiguous { name, candidates } => write!(
                f,
                "ambiguous country `{}`: it may mean {}",
                earl_core::shown::shown(name),
                candidates.join(" or ")
            )?,
        }
        write!(
            f,
            " (give an ISO 3166-1 alpha-2 code such as CN, or a name)"
        )
    }
}

impl std::error::Error for CountryError {}

fn key(s: &str) -> String {
    s.trim().to_lowercase().replace(['’', '`'], "'")
}

impl Countries {
    pub fn parse(file: &str, text: &str) -> Result<Countries, DataError> {
        let parsed: CountriesFile =
            toml::from_str(text).map_err(|e| DataError::from_toml(file, text, &e))?;
        let mut list = Vec::new();
        let mut index = HashMap::new();
        for (i, spanned) in parsed.country.into_iter().enumerate() {
            let c = spanned.into_inner();
            let here = FieldPath::new().key("country").index(i);
            if c.code.len() != 2 || !c.code.chars().all(|ch| ch.is_ascii_uppercase()) {
                return Err(DataError::located(
                    file,
                    text,
                    &here.key("code"),
                    ErrorKind::Invalid,
                    format!("`{}` is not a two-letter upper-case code", c.code),
                ));
            }
            let mut names = vec![c.code.clone(), c.name.clone()];
            names.extend(c.ecfr_name.iter().cloned());
            names.extend(c.aliases.iter().cloned());
            for n in names {
                if let Some(&other) = index.get(&key(&n))
                    && other != i
                {
                    let prev: &Country = &list[other];
                    return Err(DataError::located(
                        file,
                        text,
                        &here,
                        ErrorKind::Duplicate,
                        format!("name `{n}` of {} also names {}", c.code, prev.code),
                    ));
                }
                index.insert(key(&n), i);
            }
            list.push(c);
        }
        let mut ambiguous = HashMap::new();
        for (i, a) in parsed.ambiguous.iter().enumerate() {
            let here = FieldPath::new().key("ambiguous").index(i);
            let invalid = |field: &str, kind: ErrorKind, msg: String| {
                DataError::located(file, text, &here.key(field), kind, msg)
            };
            let mut codes = Vec::new();
            for code in &a.codes {
                match index.get(&key(code)).filter(|&&c| list[c].code == *code) {
                    Some(&c) if !codes.contains(&c) => codes.push(c),
                    Some(_) => {
                        return Err(invalid(
                            "codes",
                            ErrorKind::Duplicate,
                            format!("`{code}` is listed twice"),
                        ));
                    }
                    None => {
                        return Err(invalid(
                            "codes",
                            ErrorKind::UnknownReference,
                            format!("`{code}` is not a country code of the file"),
                        ));
                    }
                }
            }
            if codes.len() < 2 {
                return Err(invalid(
                    "codes",
                    ErrorKind::Invalid,
                    "an ambiguous name needs two countries or more".into(),
                ));
            }
            for n in &a.names {
                if let Some(&c) = index.get(&key(n)) {
                    return Err(invalid(
                        "names",
                        ErrorKind::Duplicate,
                        format!("`{n}` also names {}", list[c].code),
                    ));
                }
                if ambiguous.insert(key(n), codes.clone()).is_some() {
                    return Err(invalid(
                        "names",
                        ErrorKind::Duplicate,
                        format!("`{n}` is listed twice"),
                    ));
                }
            }
        }
        for (i, c) in list.iter().enumerate() {
            if let Some(t) = &c.treated_as
                && !index.contains_key(&key(&t.code))
            {
                return Err(DataError::located(
                    file,
                    text,
                    &FieldPath::new()
                        .key("country")
                        .index(i)
                        .key("treated_as")
                        .key("code"),
                    ErrorKind::UnknownReference,
                    format!("treated_as code `{}` is not a known country", t.code),
                ));
            }
        }
        Ok(Countries {
            list,
            index,
            ambiguous,
        })
    }

    /// Finds a country by ISO code, name or alias, case-insensitively; a name that denotes
    /// several countries is refused with them.
    pub fn resolve(&self, name: &str) -> Result<&Country, CountryError> {
        let wanted = key(name);
        if let Some(&i) = self.index.get(&wanted) {
            return Ok(&self.list[i]);
        }
        if let Some(codes) = self.ambiguous.get(&wanted) {
            return Err(CountryError::Ambiguous {
                name: name.to_string(),
                candidates: codes
                    .iter()
                    .map(|&c| format!("{} ({})", self.list[c].code, self.list[c].name))
                    .collect(),
            });
        }
        let mut scored: Vec<(f64, &Country)> = self
            .list
            .iter()
            .map(|c| (strsim::jaro_winkler(&wanted, &key(&c.name)), c))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let suggestions = scored
            .iter()
            .take(3)
            .filter(|(s, _)| *s > 0.7)
            .map(|(_, c)| format!("{} ({})", c.code, c.name))
            .collect();
        Err(CountryError::Unknown {
            name: name.to_string(),
            suggestions,
        })
    }

    pub fn by_code(&self, code: &str) -> Option<&Country> {
        self.index
            .get(&key(code))
            .map(|&i| &self.list[i])
            .filter(|c| c.code == code)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupsFile {
    meta: GroupsMeta,
    labels: BTreeMap<String, String>,
    groups: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    change: Vec<Spanned<GroupChange>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupsMeta {
    citation: String,
    base_issue: Date,
    base_source: String,
}

/// Parses Country Group membership and checks every code against `countries`.
pub fn parse_groups(
    file: &str,
    text: &str,
    countries: &Countries,
) -> Result<CountryGroups, DataError> {
    let parsed: GroupsFile =
        toml::from_str(text).map_err(|e| DataError::from_toml(file, text, &e))?;
    let mut base = BTreeMap::new();
    for (group, members) in parsed.groups {
        let mut set = BTreeSet::new();
        for (j, code) in members.into_iter().enumerate() {
            if countries.by_code(&code).is_none() {
                return Err(DataError::located(
                    file,
                    text,
                    &FieldPath::new().key("groups").key(&group).index(j),
                    ErrorKind::UnknownReference,
                    format!("`{code}` is not a country code in the countries file"),
                ));
            }
            set.insert(code);
        }
        base.insert(group, set);
    }
    let mut changes = Vec::new();
    for (i, spanned) in parsed.change.into_iter().enumerate() {
        let c = spanned.into_inner();
        let err = |field: &str, kind: ErrorKind, msg: String| {
            DataError::located(
                file,
                text,
                &FieldPath::new().key("change").index(i).key(field),
                kind,
                msg,
            )
        };
        if countries.by_code(&c.country).is_none() {
            return Err(err(
                "country",
                ErrorKind::UnknownReference,
                format!(
                    "`{}` is not a country code in the countries file",
                    c.country
                ),
            ));
        }
        if !base.contains_key(&c.group) {
            return Err(err(
                "group",
                ErrorKind::UnknownReference,
                format!("`{}` is not a Country Group of the file", c.group),
            ));
        }
        if c.not_before.is_some_and(|nb| nb > c.effective) {
            return Err(err(
                "not_before",
                ErrorKind::Invalid,
                "not_before is after effective".into(),
            ));
        }
        changes.push(c);
    }
    changes.sort_by_key(|c| c.effective);
    Ok(CountryGroups {
        base_issue: parsed.meta.base_issue,
        base_source: parsed.meta.base_source,
        citation: parsed.meta.citation,
        labels: parsed.labels,
        base,
        changes,
    })
}
