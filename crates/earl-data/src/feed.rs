//! The Federal Register's documents API (`/api/v1/documents.json`), as `earl update` reads it:
//! the BIS documents published after the rules' `as_of` that touch the parts earl encodes.
//!
//! The shape is the one recorded in `docs/research/feeds.md` §1 from the API's own code and a
//! saved real response: an envelope `{count, description, total_pages?, next_page_url?,
//! results?}` (`results` only when `count > 0`), each result holding exactly the `fields[]`
//! asked for. Nothing here is guessed: a field not documented there is not read.

use earl_core::step::DocumentRef;
use jiff::civil::Date;
use serde_json::Value;

/// The parts of 15 CFR whose rules earl encodes; `earl update` asks for BIS documents
/// affecting any of them.
pub const ENCODED_PARTS: [u32; 6] = [734, 740, 742, 744, 746, 774];

/// The BIS agency slug of the API (`conditions[agencies][]`).
pub const BIS_AGENCY: &str = "industry-and-security-bureau";

/// The `fields[]` earl asks for (names from the API's `EntrySerializer.api_fields`).
pub const FIELDS: [&str; 8] = [
    "document_number",
    "title",
    "type",
    "publication_date",
    "effective_on",
    "citation",
    "html_url",
    "cfr_references",
];

/// One page of results.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentsPage {
    /// Total hits of the search (not of this page).
    pub count: u64,
    pub next_page_url: Option<String>,
    pub documents: Vec<DocumentRef>,
}

/// The query string of a search for BIS documents affecting 15 CFR `part` published on or
/// after `since` (oldest first, 1,000 a page: the documented maximum).
pub fn query(part: u32, since: Date) -> String {
    let mut q = format!(
        "per_page=1000&order=oldest&conditions%5Bagencies%5D%5B%5D={BIS_AGENCY}\
         &conditions%5Bcfr%5D%5Btitle%5D=15&conditions%5Bcfr%5D%5Bpart%5D={part}\
         &conditions%5Bpublication_date%5D%5Bgte%5D={since}"
    );
    for f in FIELDS {
        q.push_str("&fields%5B%5D=");
        q.push_str(f);
    }
    q
}

/// Parses one response page; `origin` names it in errors.
pub fn parse_page(bytes: &[u8], origin: &str) -> Result<DocumentsPage, String> {
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| {
        format!(
            "{origin}: not a JSON documents response (line {}, column {}: {e})",
            e.line(),
            e.column()
        )
    })?;
    let Value::Object(map) = &doc else {
        return Err(format!("{origin}: expected a JSON object with `count`"));
    };
    if let Some(errors) = map.get("errors") {
        return Err(format!("{origin}: the API refused the search: {errors}"));
    }
    if let (Some(status), Some(message)) = (map.get("status"), map.get("message")) {
        return Err(format!("{origin}: the API answered {status}: {message}"));
    }
    let count = map
        .get("count")
        .and_then(Value::as_u64)
        .ok_or_else(|| format!("{origin}: no `count` in the response"))?;
    let next_page_url = match map.get("next_page_url") {
        None | Some(Value::Null) => None,
        Some(Value::String(u)) => Some(u.clone()),
        Some(other) => return Err(format!("{origin}: `next_page_url` is {other}, not a URL")),
    };
    let results = match map.get("results") {
        Some(Value::Array(items)) => items.as_slice(),
        None if count == 0 => &[],
        None => {
            return Err(format!(
                "{origin}: `count` is {count} but the response has no `results`"
            ));
        }
        Some(_) => return Err(format!("{origin}: `results` is not an array")),
    };
    let mut documents = Vec::with_capacity(results.len());
    for (i, item) in results.iter().enumerate() {
        let at = |field: &str, problem: &str| format!("{origin}: results[{i}].{field}: {problem}");
        let string = |field: &str| -> Result<Option<String>, String> {
            match item.get(field) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(at(field, "not a string")),
            }
        };
        let required = |field: &str| -> Result<String, String> {
            string(field)?
                .filter(|s| !s.trim().is_empty())
                .ok_or_else(|| at(field, "missing"))
        };
        let date = |field: &str, value: &str| -> Result<Date, String> {
            value
                .parse()
                .map_err(|_| at(field, &format!("`{value}` is not YYYY-MM-DD")))
        };
        let publication_date = date("publication_date", &required("publication_date")?)?;
        let effective_on = string("effective_on")?
            .map(|e| date("effective_on", &e))
            .transpose()?;
        let mut cfr_parts = Vec::new();
        match item.get("cfr_references") {
            None | Some(Value::Null) => {}
            Some(Value::Array(refs)) => {
                for r in refs {
                    if r.get("title").and_then(Value::as_u64) == Some(15)
                        && let Some(part) = r.get("part").and_then(Value::as_u64)
                    {
                        let part = u32::try_from(part)
                            .map_err(|_| at("cfr_references", "part out of range"))?;
                        if !cfr_parts.contains(&part) {
                            cfr_parts.push(part);
                        }
                    }
                }
            }
            Some(_) => return Err(at("cfr_references", "not an array")),
        }
        documents.push(DocumentRef {
            document_number: required("document_number")?,
            title: required("title")?,
            doc_type: required("type")?,
            publication_date,
            effective_on,
            citation: string("citation")?,
            html_url: string("html_url")?,
            cfr_parts,
        });
    }
    Ok(DocumentsPage {
        count,
        next_page_url,
        documents,
    })
}

/// Merges documents found by several searches (one per part): each once, parts joined,
/// oldest first.
pub fn merge(pages: impl IntoIterator<Item = DocumentRef>) -> Vec<DocumentRef> {
    let mut out: Vec<DocumentRef> = Vec::new();
    for d in pages {
        match out
            .iter_mut()
            .find(|o| o.document_number == d.document_number)
        {
            Some(o) => {
                for p in d.cfr_parts {
                    if !o.cfr_parts.contains(&p) {
                        o.cfr_parts.push(p);
                    }
                }
                o.cfr_parts.sort_unstable();
            }
            None => out.push(d),
        }
    }
    out.sort_by(|a, b| {
        (a.publication_date, &a.document_number).cmp(&(b.publication_date, &b.document_number))
    });
    out
}
