//! `earl owners import|show|list|affiliates`, in words.

use crate::Lang;
use crate::prose::{affiliate, num};
use crate::tr;
use earl_engine::owners::{AffiliatesAnswer, ChainLink, DiffAnswer, ImportAnswer, ShowAnswer};
use earl_store::graph::{Edge, Share};
use std::io::{self, Write};

/// One edge: the share or reading, its source and dates.
pub fn edge(e: &Edge, lang: Lang) -> String {
    let (owner, owned) = (e.owner.as_str(), e.owned.as_str());
    let share = match e.share {
        Share::Percent { percent } => tr!(
            lang,
            "holding",
            owner = owner,
            percent = num(percent),
            owned = owned
        ),
        Share::Range { minimum, maximum } => tr!(
            lang,
            "holding-range",
            owner = owner,
            minimum = num(minimum),
            maximum = num(maximum),
            owned = owned
        ),
        Share::Consolidation => tr!(lang, "holding-consolidation", owner = owner, owned = owned),
        Share::Control => tr!(lang, "holding-control", owner = owner, owned = owned),
    };
    let unstated = || tr!(lang, "holding-date-unstated");
    let period = match (&e.from, &e.to) {
        (None, None) => tr!(
            lang,
            "holding-period-unstated",
            imported = e.imported.as_str()
        ),
        (from, to) => tr!(
            lang,
            "holding-period",
            from = from.clone().unwrap_or_else(unstated),
            to = to.clone().unwrap_or_else(unstated),
            imported = e.imported.as_str()
        ),
    };
    tr!(
        lang,
        "holding-from-graph",
        holding = share,
        source = e.source.as_str(),
        period = period
    )
}

/// `earl owners import`.
pub fn import(w: &mut dyn Write, a: &ImportAnswer, lang: Lang) -> io::Result<()> {
    let i = &a.import;
    writeln!(
        w,
        "{}",
        tr!(
            lang,
            "owners-imported",
            file = i.file.as_str(),
            format = i.format.as_str(),
            rows = a.rows,
            sha = i.file_sha256.as_str(),
            percent = a.percent_edges,
            read = a.read_edges,
            skipped = a.skipped,
            dataset = i.dataset.as_str(),
            before = i.edges_before,
            after = i.edges_after,
            version = i.graph_sha256.as_str(),
        )
    )
}

fn links(w: &mut dyn Write, heading: &str, links: &[ChainLink], lang: Lang) -> io::Result<()> {
    writeln!(w, "{}", tr!(lang, heading))?;
    if links.is_empty() {
        writeln!(w, "  {}", tr!(lang, "owners-none"))?;
    }
    for l in links {
        writeln!(w, "  {}{}", "  ".repeat(l.depth - 1), edge(&l.edge, lang))?;
    }
    Ok(())
}

/// `earl owners show NAME`.
pub fn show(w: &mut dyn Write, a: &ShowAnswer, lang: Lang) -> io::Result<()> {
    match &a.found {
        None => writeln!(
            w,
            "{}",
            tr!(
                lang,
                "owners-not-found",
                asked = a.asked.as_str(),
                version = a.graph.as_str()
            )
        ),
        Some(found) => {
            writeln!(
                w,
                "{}",
                tr!(
                    lang,
                    "owners-found",
                    asked = a.asked.as_str(),
                    found = found.as_str(),
                    version = a.graph.as_str()
                )
            )?;
            links(w, "owners-up", &a.owners, lang)?;
            links(w, "owners-down", &a.holdings, lang)
        }
    }
}

/// `earl owners list`.
pub fn list(
    w: &mut dyn Write,
    edges: &[Edge],
    version: &str,
    imports: usize,
    lang: Lang,
) -> io::Result<()> {
    writeln!(
        w,
        "{}",
        tr!(
            lang,
            "owners-list",
            edges = edges.len(),
            imports = imports,
            version = version
        )
    )?;
    for e in edges {
        writeln!(w, "  {}", edge(e, lang))?;
    }
    Ok(())
}

/// `earl owners affiliates`.
pub fn affiliates(w: &mut dyn Write, a: &AffiliatesAnswer, lang: Lang) -> io::Result<()> {
    writeln!(
        w,
        "{}",
        tr!(
            lang,
            "owners-affiliates",
            count = a.affiliates.len(),
            date = a.date.to_string(),
            owners = a.owners_screened,
            version = a.graph.as_str()
        )
    )?;
    // The lists the owners were screened against: what they lack, and their age.
    let stale = a
        .staleness
        .as_ref()
        .map(|s| crate::human::staleness(s, lang));
    let lacking = a
        .list_warning_facts
        .iter()
        .map(|f| crate::currency::list_warning(f, lang));
    for text in stale.into_iter().chain(lacking) {
        writeln!(
            w,
            "  {}",
            tr!(
                lang,
                "field",
                label = tr!(lang, "label-warning"),
                value = text
            )
        )?;
    }
    for x in &a.affiliates {
        writeln!(w, "  {}", affiliate(x, lang))?;
    }
    Ok(())
}

/// `earl owners diff OLD NEW`.
pub fn diff(w: &mut dyn Write, d: &DiffAnswer, lang: Lang) -> io::Result<()> {
    writeln!(
        w,
        "{}",
        tr!(
            lang,
            "owners-diff",
            old = d.old.file.as_str(),
            new = d.new.file.as_str(),
            added = d.added.len(),
            removed = d.removed.len(),
            changed = d.changed.len(),
            unchanged = d.unchanged
        )
    )?;
    for e in &d.added {
        writeln!(w, "  + {}", edge(e, lang))?;
    }
    for e in &d.removed {
        writeln!(w, "  - {}", edge(e, lang))?;
    }
    for (old, new) in &d.changed {
        writeln!(w, "  ~ {}", edge(old, lang))?;
        writeln!(w, "    → {}", edge(new, lang))?;
    }
    Ok(())
}
