//! What every earl front end shares, so that the CLI, `earl mcp` and the Python package give
//! the same answer to the same question by one path.
//!
//! - [`app`]: the data options ([`app::DataArgs`]), the engine and audit trail loaded once
//!   ([`app::App`]), and [`app::Failure`] (an exit code and a message).
//! - [`classify`], [`check`], [`screen`], [`explore`]: each question's recorded answer, the
//!   value `earl CMD --json` prints, from its one type (`earl_question`), and the CLI's
//!   arguments around it (the question flattened beside output options). [`check`] also holds
//!   the batch row path shared by `earl check --batch`, Python's `check_many` and Spark.
//! - [`review`]: hit review (dispositions, their CSV import and export).
//! - [`questions`]: a question by name with JSON arguments (MCP tools, Python calls).
//! - [`failure`]: a failed question's exit code and message.
//! - [`json`]: the strict JSON parse (no key twice in an object) every JSON input goes through.
//! - [`stored`]: what `earl update` left in the data directory, which every front end uses.
//!
//! Nothing here prints: output formats belong to each front end.

pub mod app;
pub mod check;
pub mod classify;
pub mod explore;
pub mod failure;
pub mod json;
pub mod lines;
pub mod owners;
pub mod questions;
pub mod review;
pub mod screen;
pub mod stored;
