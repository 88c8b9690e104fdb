//! earl's prose, in one place. The engine answers with structured steps (`earl_core::step`);
//! this crate writes them as sentences ([`prose`]) and prints every command's human output to
//! any [`std::io::Write`] ([`human`]). Front ends (CLI, server, MCP, Python) call
//! [`Explain::explain`] on an answer before they show it, so every one of them shows the same
//! words for the same answer.

pub mod currency;
pub mod explore;
pub mod human;
pub mod prose;
pub mod svg;

use earl_core::check::Determination;
use earl_core::step::Step;
use earl_engine::{CheckAnswer, ClassifyAnswer};

/// An answer whose steps can be written out as sentences.
pub trait Explain {
    /// Fills the `text` of every step.
    fn explain(&mut self);
}

fn fill(steps: &mut [Step]) {
    for s in steps {
        s.text = prose::sentence(s);
    }
}

impl Explain for Determination {
    fn explain(&mut self) {
        for list in [
            &mut self.because,
            &mut self.conditions,
            &mut self.notices,
            &mut self.not_checked,
        ] {
            fill(list);
        }
    }
}

impl Explain for CheckAnswer {
    fn explain(&mut self) {
        self.determination.explain();
    }
}

impl Explain for ClassifyAnswer {
    fn explain(&mut self) {
        fill(&mut self.because);
    }
}

impl<T: Explain> Explain for Vec<T> {
    fn explain(&mut self) {
        for a in self {
            a.explain();
        }
    }
}

/// Explains an answer and returns it, for front ends that build and show it in one expression.
pub fn explained<T: Explain>(mut answer: T) -> T {
    answer.explain();
    answer
}
