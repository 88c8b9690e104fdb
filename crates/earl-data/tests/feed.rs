//! The Federal Register documents API pages `earl update` reads, on the saved real response
//! recorded verbatim (trimmed) in docs/research/feeds.md §1.5 (mfebrizio/fr-toolbelt
//! tests/test_documents.json @038477b1), and on the error and empty shapes of §1.3 and §1.6.

use earl_data::feed::{merge, parse_page, query};
use jiff::civil::date;

const SAMPLE: &str = include_str!("data/fr-documents-2024-sample.json");

#[test]
fn the_saved_real_page_parses() {
    let page = parse_page(SAMPLE.as_bytes(), "sample").unwrap();
    assert_eq!(page.count, 1893);
    assert!(page.next_page_url.as_deref().unwrap().contains("page=2"));
    assert_eq!(page.documents.len(), 2);
    let bis = &page.documents[0];
    assert_eq!(bis.document_number, "2024-00359");
    assert_eq!(bis.doc_type, "Notice");
    assert_eq!(bis.publication_date, date(2024, 1, 10));
    assert_eq!(bis.effective_on, None);
    assert_eq!(bis.citation.as_deref(), Some("89 FR 1520"));
    assert!(
        bis.html_url
            .as_deref()
            .unwrap()
            .starts_with("https://www.federalregister.gov/documents/2024/01/10/2024-00359/")
    );
    assert!(bis.cfr_parts.is_empty());
    let fmc = &page.documents[1];
    assert_eq!(fmc.effective_on, Some(date(2024, 2, 1)));
    // Its reference is to 46 CFR 520: not a part of title 15.
    assert!(fmc.cfr_parts.is_empty());
}

#[test]
fn empty_error_and_foreign_answers() {
    // Zero hits: the API sends only count and description.
    let empty = parse_page(br#"{"count":0,"description":"All Documents"}"#, "e").unwrap();
    assert!(empty.documents.is_empty() && empty.next_page_url.is_none());
    let missing = parse_page(br#"{"count":3,"description":"x"}"#, "m").unwrap_err();
    assert!(missing.contains("no `results`"), "{missing}");
    let refused = parse_page(
        br#"{"errors":{"publication_date":"is not a valid date"}}"#,
        "r",
    )
    .unwrap_err();
    assert!(refused.contains("refused the search"), "{refused}");
    let not_found = parse_page(br#"{"status":404,"message":"Record Not Found"}"#, "n").unwrap_err();
    assert!(
        not_found.contains("404") && not_found.contains("Record Not Found"),
        "{not_found}"
    );
    let html = parse_page(b"<!DOCTYPE html><html></html>", "h").unwrap_err();
    assert!(html.contains("not a JSON documents response"), "{html}");
    let bad_date = SAMPLE.replace(
        "\"publication_date\": \"2024-01-10\"",
        "\"publication_date\": \"01/10/2024\"",
    );
    let e = parse_page(bad_date.as_bytes(), "d").unwrap_err();
    assert!(
        e.contains("results[0].publication_date") && e.contains("01/10/2024"),
        "{e}"
    );
}

#[test]
fn searches_ask_for_bis_and_one_part_and_merge_once_each() {
    let q = query(744, date(2026, 10, 1));
    assert!(
        q.contains("conditions%5Bagencies%5D%5B%5D=industry-and-security-bureau"),
        "{q}"
    );
    assert!(
        q.contains("conditions%5Bcfr%5D%5Btitle%5D=15&conditions%5Bcfr%5D%5Bpart%5D=744"),
        "{q}"
    );
    assert!(
        q.contains("conditions%5Bpublication_date%5D%5Bgte%5D=2026-10-01"),
        "{q}"
    );
    assert!(
        q.contains("per_page=1000") && q.contains("fields%5B%5D=cfr_references"),
        "{q}"
    );
    let page = parse_page(SAMPLE.as_bytes(), "sample").unwrap();
    let mut twice = page.documents.clone();
    twice.extend(page.documents.clone());
    let merged = merge(twice);
    assert_eq!(merged.len(), 2);
    assert_eq!(merged[0].document_number, "2023-27783", "oldest first");
}
