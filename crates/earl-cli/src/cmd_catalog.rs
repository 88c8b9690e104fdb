//! `earl chips` and `earl about`.

use crate::print_json;
use clap::Args;
use earl_front::app::{App, Failure};

#[derive(Args)]
pub struct ChipsArgs {
    /// Machine-readable output.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct SystemsArgs {
    /// Machine-readable output.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct AboutArgs {
    /// Print the vintage of every dataset as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn chips(app: &App, a: &ChipsArgs, lang: earl_render::Lang) -> Result<(), Failure> {
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
    earl_render::human::chips(
        &mut std::io::stdout().lock(),
        &rows,
        &engine.data.catalog.meta.as_of,
        &engine.data.catalog.meta.source_document,
        lang,
    )?;
    Ok(())
}

pub fn systems(app: &App, a: &SystemsArgs, lang: earl_render::Lang) -> Result<(), Failure> {
    let engine = app.engine()?;
    let rows = engine.system_rows();
    let meta = &engine.data.systems.meta;
    if a.json {
        return print_json(&serde_json::json!({
            "as_of": meta.as_of,
            "source_document": meta.source_document,
            "systems": rows,
        }));
    }
    earl_render::human::systems(
        &mut std::io::stdout().lock(),
        &rows,
        &meta.as_of,
        &meta.source_document,
        lang,
    )?;
    Ok(())
}

pub fn about(app: &App, a: &AboutArgs, lang: earl_render::Lang) -> Result<(), Failure> {
    let answer = app.engine()?.about()?;
    if a.json {
        return print_json(&answer);
    }
    earl_render::human::about(&mut std::io::stdout().lock(), &answer, lang)?;
    Ok(())
}
