//! `earl scenarios`, `earl diff`, `earl timeline`, `earl impact`: exploring rule versions and
//! proposals. The work is in `earl_engine::explore`; this file parses arguments and prints.

use crate::print_json;
use earl_front::app::{App, Failure};
pub use earl_front::explore::{
    DiffArgs, ImpactArgs, ScenariosArgs, TimelineArgs, diff_answer, impact_answer, timeline_answer,
};
use earl_render::Lang;
use std::path::Path;

pub fn scenarios(app: &App, a: &ScenariosArgs, lang: Lang) -> Result<(), Failure> {
    let (engine, _) = app.engine_with_scenario(a.question.scenario.as_deref())?;
    let rows = engine.scenario_rows();
    if a.json {
        return print_json(&rows);
    }
    earl_render::explore::scenarios(&mut std::io::stdout().lock(), &rows, lang)?;
    Ok(())
}

pub fn diff(app: &App, a: &DiffArgs, lang: Lang) -> Result<(), Failure> {
    let report = diff_answer(app, &a.question)?;
    if let Some(path) = &a.svg {
        write_file(path, &earl_render::svg::diff_matrix(&report, lang))?;
    }
    if a.json {
        return print_json(&report);
    }
    earl_render::explore::diff(&mut std::io::stdout().lock(), &report, lang)?;
    if let Some(path) = &a.svg {
        let written =
            earl_render::status::written(earl_render::status::Written::Matrix, path, lang);
        println!("\n{written}");
    }
    Ok(())
}

fn write_file(path: &Path, text: &str) -> Result<(), Failure> {
    std::fs::write(path, text).map_err(|e| Failure::cannot_write_file(path, &e))
}

pub fn timeline(app: &App, a: &TimelineArgs, lang: Lang) -> Result<(), Failure> {
    let (report, until) = timeline_answer(app, &a.question)?;
    if let Some(path) = &a.svg {
        write_file(
            path,
            &earl_render::svg::timeline_chart(&report, until, lang),
        )?;
    }
    if a.json {
        return print_json(&report);
    }
    earl_render::explore::timeline(&mut std::io::stdout().lock(), &report, until, lang)?;
    if let Some(path) = &a.svg {
        let written = earl_render::status::written(earl_render::status::Written::Chart, path, lang);
        println!("\n{written}");
    }
    Ok(())
}

pub fn impact(app: &App, a: &ImpactArgs, lang: earl_render::Lang) -> Result<(), Failure> {
    let report = impact_answer(app, &a.question)?;
    if a.json {
        return print_json(&report);
    }
    earl_render::explore::impact(&mut std::io::stdout().lock(), &report, lang)?;
    Ok(())
}
