//! `earl classify`: a catalog chip or a specification, on a date.

use crate::print_json;
use earl_front::app::{App, Failure};
pub use earl_front::classify::{ClassifyArgs, answer};
use earl_render::Lang;

pub fn run(app: &App, a: &ClassifyArgs, lang: Lang) -> Result<(), Failure> {
    // Recorded in English (the audit record's language), shown in the language asked.
    let answer = earl_render::explained_in(answer(app, &a.question)?, lang);
    if a.json {
        return print_json(&answer);
    }
    earl_render::human::classify(&mut std::io::stdout().lock(), &answer, lang)?;
    Ok(())
}
