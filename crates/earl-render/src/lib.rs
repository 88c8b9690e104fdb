//! earl's prose, in one place. The engine answers with structured steps (`earl_core::step`);
//! this crate writes them as sentences ([`prose`]) and prints every command's human output to
//! any [`std::io::Write`] ([`human`]). Front ends (CLI, server, MCP, Python) call
//! [`Explain::explain`] on an answer before they show it, so every one of them shows the same
//! words for the same answer, in the language asked ([`Lang`]; the catalogs are in
//! `locales/`, see [`i18n`]).

pub mod currency;
pub mod errors;
pub mod explore;
pub mod human;
pub mod i18n;
pub mod lang;
pub mod owners;
pub mod prose;
pub mod review;
pub mod rule_texts;
pub mod status;
pub mod svg;
pub mod usage;

use earl_core::check::Determination;
use earl_core::step::Step;
use earl_engine::{CheckAnswer, ClassifyAnswer};
pub use lang::{Lang, UnknownLang};

/// An answer whose steps can be written out as sentences.
pub trait Explain {
    /// Fills the `text` of every step in `lang`.
    fn explain_in(&mut self, lang: Lang);

    /// Fills the `text` of every step in English, the language of the audit record.
    fn explain(&mut self) {
        self.explain_in(Lang::En);
    }
}

fn fill(steps: &mut [Step], lang: Lang) {
    for s in steps {
        s.text = prose::sentence(s, lang);
    }
}

impl Explain for Determination {
    fn explain_in(&mut self, lang: Lang) {
        for list in [
            &mut self.because,
            &mut self.conditions,
            &mut self.notices,
            &mut self.not_checked,
        ] {
            fill(list, lang);
        }
    }
}

impl Explain for CheckAnswer {
    fn explain_in(&mut self, lang: Lang) {
        self.determination.explain_in(lang);
    }
}

impl Explain for ClassifyAnswer {
    fn explain_in(&mut self, lang: Lang) {
        fill(&mut self.because, lang);
    }
}

impl<T: Explain> Explain for Vec<T> {
    fn explain_in(&mut self, lang: Lang) {
        for a in self {
            a.explain_in(lang);
        }
    }
}

/// Explains an answer and returns it, for front ends that build and show it in one expression.
pub fn explained<T: Explain>(mut answer: T) -> T {
    answer.explain();
    answer
}

/// Explains an answer in `lang` and returns it.
pub fn explained_in<T: Explain>(mut answer: T, lang: Lang) -> T {
    answer.explain_in(lang);
    answer
}
