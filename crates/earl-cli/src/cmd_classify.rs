//! `earl classify`: a catalog chip or a specification, on a date.

use crate::print_json;
use earl_front::app::{App, Failure};
pub use earl_front::classify::{ClassifyArgs, answer};

pub fn run(app: &App, a: &ClassifyArgs) -> Result<(), Failure> {
    let answer = answer(app, &a.question)?;
    if a.json {
        return print_json(&answer);
    }
    earl_render::human::classify(&mut std::io::stdout().lock(), &answer)?;
    Ok(())
}
