//! The SVG charts of `earl diff --svg` and `earl timeline --svg`: well formed, labelled.

use earl_engine::explore::diff::DiffRequest;
use earl_engine::explore::timeline::TimelineRequest;
use earl_engine::{Engine, ListsSource};
use earl_render::svg;
use jiff::civil::date;

fn engine() -> Engine {
    Engine::new(
        earl_data::Dataset::bundled().expect("bundled data loads"),
        ListsSource::Bundled,
    )
}

fn diff(
    e: &Engine,
    from: &str,
    to: &str,
    on: jiff::civil::Date,
) -> earl_engine::explore::diff::DiffReport {
    e.diff(&DiffRequest {
        from: from.into(),
        to: to.into(),
        destinations: Vec::new(),
        chips: Vec::new(),
        scenario_date: on,
    })
    .expect("diff runs")
}

/// Checks that `s` is well-formed XML as far as earl's SVG uses it: tags nest and close, attribute
/// values are quoted, and text holds no bare `<` or `&`.
fn assert_well_formed(s: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        let text = &rest[..i];
        for (j, _) in text.match_indices('&') {
            let ent = &text[j..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;"]
                    .iter()
                    .any(|e| ent.starts_with(e)),
                "bare & in {text:?}"
            );
        }
        let end = rest[i..].find('>').expect("unclosed tag") + i;
        let tag = &rest[i + 1..end];
        assert!(!tag.contains('<'), "< inside tag {tag:?}");
        assert_eq!(
            tag.matches('"').count() % 2,
            0,
            "unbalanced quotes in {tag:?}"
        );
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name.trim()),
                "mismatched close {name}"
            );
        } else if !tag.ends_with('/') {
            stack.push(
                tag.split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_string(),
            );
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed elements {stack:?}");
}

#[test]
fn svgs_are_well_formed_and_labelled() {
    let e = engine();
    let r = diff(&e, "2025-11-20", "2026-03-01", date(2026, 11, 28));
    let m = svg::diff_matrix(&r, earl_render::Lang::En);
    assert_well_formed(&m);
    assert!(m.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    for label in [
        "Destination (ISO code",
        ">Chip</text>",
        "Legend",
        ">CN</text>",
        ">H200 SXM</text>",
    ] {
        assert!(m.contains(label), "matrix lacks {label}");
    }
    assert_eq!(m.matches("class=\"changed\"").count(), r.summary.changed);

    let until = date(2026, 11, 28);
    let t = e
        .timeline(&TimelineRequest {
            chip: "H200".into(),
            to: "CN".into(),
            until,
            scenario: None,
        })
        .expect("timeline");
    let c = svg::timeline_chart(&t, until, earl_render::Lang::En);
    assert_well_formed(&c);
    for label in [
        "Date (rule versions in force)",
        "Determination (more restrictive",
        "Legend",
        "2026-01-15",
        ">2024</text>",
    ] {
        assert!(c.contains(label), "chart lacks {label}");
    }
    assert!(c.contains("<path d=\"M"), "the step line is drawn");
}
