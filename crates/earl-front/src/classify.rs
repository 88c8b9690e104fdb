//! `earl classify`: a catalog chip or a specification, on a date.

use crate::app::{App, Failure};
use clap::Args;
use earl_question::{ClassifyQuestion, Recorded};

/// `earl classify`: the question, and JSON output.
#[derive(Args)]
pub struct ClassifyArgs {
    #[command(flatten)]
    pub question: ClassifyQuestion,
    /// Print the answer as JSON (field names in docs/json.md).
    #[arg(long)]
    pub json: bool,
}

/// The explained, recorded answer of a classification (what `--json` prints).
pub fn answer(app: &App, q: &ClassifyQuestion) -> Result<earl_engine::ClassifyAnswer, Failure> {
    let date = earl_engine::questions::date_or_today(q.date.as_deref())?;
    let item = earl_engine::questions::item(q.figures())?;
    let (engine, scenario) = app.engine_with_scenario(q.scenario.as_deref())?;
    let answer = earl_render::explained(engine.classify(&item, date, scenario.as_deref())?);
    app.record(&Recorded::new(q.clone()), &answer)?;
    Ok(answer)
}
