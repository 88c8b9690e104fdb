//! `earl chips` and `earl about`.

use crate::app::{App, Failure, print_json};
use crate::render::{opt_num, opt_pd, yes_no};
use clap::Args;

#[derive(Args)]
pub struct ChipsArgs {
    /// Machine-readable output.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct AboutArgs {
    #[arg(long)]
    pub json: bool,
}

pub fn chips(app: &App, a: &ChipsArgs) -> Result<(), Failure> {
    let engine = app.engine()?;
    let rows = engine.chip_rows();
    if a.json {
        return print_json(&serde_json::json!({
            "as_of": engine.data.catalog.meta.as_of,
            "source_document": engine.data.catalog.meta.source_document,
            "chips": rows,
            "sources": engine.data.catalog.sources,
        }));
    }
    println!(
        "{:<18} {:<14} {:<28} {:>10} {:>7} {:>4} {:>10}",
        "ID", "VENDOR", "NAME", "TPP", "PD", "DC", "MEM GB/s"
    );
    for r in &rows {
        let flag = if r.unverified.is_empty() { "" } else { " *" };
        println!(
            "{:<18} {:<14} {:<28} {:>10} {:>7} {:>4} {:>10}{flag}",
            r.id,
            r.vendor,
            r.name,
            opt_num(r.tpp),
            opt_pd(r.pd),
            yes_no(r.datacenter),
            opt_num(r.memory_bandwidth_gbps)
        );
    }
    println!(
        "\n{} chips. TPP and PD are computed from the catalog's dense throughput and die area; * = rests on a figure marked unverified.\nCatalog as of {} ({}).",
        rows.len(),
        engine.data.catalog.meta.as_of,
        engine.data.catalog.meta.source_document
    );
    Ok(())
}

pub fn about(app: &App, a: &AboutArgs) -> Result<(), Failure> {
    let engine = app.engine()?;
    let d = &engine.data;
    let newest_rule = d
        .rules
        .timeline
        .iter()
        .filter_map(|x| x.effective.map(|e| (e, x)))
        .max_by_key(|(e, _)| *e);
    let lists = &engine.list_provenance()?;
    let value = serde_json::json!({
        "earl_version": env!("CARGO_PKG_VERSION"),
        "rules": {
            "as_of": d.rules.meta.as_of,
            "source_document": d.rules.meta.source_document,
            "newest_rule": newest_rule.map(|(e, x)| serde_json::json!({"id": x.id, "effective": e.to_string(), "title": x.title})),
            "rule_versions": d.rules.timeline.len(),
            "scenarios": d.rules.scenarios.len(),
        },
        "chips": {"as_of": d.catalog.meta.as_of, "count": d.catalog.chips.len(), "source_document": d.catalog.meta.source_document},
        "country_groups": {"ecfr_issue": d.groups.base_issue.to_string(), "source": d.groups.base_source, "dated_changes": d.groups.changes.len()},
        "screening_lists": {"generated": lists.generated, "source_file": lists.source_file, "entries": lists.counts.total, "sha256": lists.sha256},
        "files": d.files,
        "content_hash": d.content_hash,
    });
    if a.json {
        return print_json(&value);
    }
    println!("earl {}", env!("CARGO_PKG_VERSION"));
    println!(
        "  rules:          sources to {} ({} rule versions; newest {})",
        d.rules.meta.as_of,
        d.rules.timeline.len(),
        newest_rule.map_or("none".into(), |(e, x)| format!("{} effective {e}", x.id))
    );
    println!("  scenarios:      {}", d.rules.scenarios.len());
    println!(
        "  chips:          {} (sources to {})",
        d.catalog.chips.len(),
        d.catalog.meta.as_of
    );
    println!(
        "  country groups: eCFR issue {} + {} dated changes",
        d.groups.base_issue,
        d.groups.changes.len()
    );
    println!(
        "  screening:      Consolidated Screening List, {} ({} entries)",
        earl_render::human::generated(lists),
        lists.counts.total
    );
    println!("  content hash:   {}", d.content_hash);
    Ok(())
}
