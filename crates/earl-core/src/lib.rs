//! The pure core of earl: the chip model and its metrics, the rules as dated data, and their
//! evaluation into classifications and licence determinations. No I/O happens here; loading
//! data is `earl-data`'s job, and asking questions end to end is `earl-engine`'s.
//!
//! The flow of a question: [`metrics::Metrics`] are computed from a [`chip::Chip`]; the
//! [`rules::Snapshot`] in force on the date is folded from dated [`rules::Amendment`]s;
//! [`classify::classify`] finds the 3A090 paragraph; [`check::check`] applies controls,
//! exceptions, review policies and conditions. Every answer is a list of structured
//! [`step::Step`]s, each citing its source; prose is written by `earl-render`, not here.

pub mod bounds;
pub mod check;
pub mod chip;
pub mod cite;
pub mod classify;
pub mod countries;
pub mod metrics;
pub mod ownership;
pub mod party;
pub mod rules;
pub mod shown;
pub mod step;
pub mod system;
pub mod tri;
