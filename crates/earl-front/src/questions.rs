//! The questions as structured inputs — an MCP tool's arguments, a Python call's keyword
//! arguments — and their answers.
//!
//! Each input is the question's own type (`earl_question`), the one the CLI's arguments
//! flatten, and is answered by the function `earl CMD --json` calls, so every front end gets
//! the CLI's JSON, recorded the same way, and a bad argument gets the CLI's message. [`Question::parse`] takes a question by name and JSON arguments;
//! an argument earl does not know is refused, never ignored.

use crate::app::is_scenario_file;
use crate::app::{App, Failure};
use crate::{check, classify, explore, screen};
use earl_question::{
    AffiliatesQuestion, CheckQuestion, ClassifyQuestion, DiffQuestion, ImpactQuestion,
    MatchQuestion, ScenariosQuestion, ScreenQuestion, TimelineQuestion,
};
use earl_render::{Lang, explained_in};
use serde::Deserialize;
use serde_json::Value;

fn is_file(s: Option<&str>) -> bool {
    s.is_some_and(is_scenario_file)
}

fn to_value(v: &impl serde::Serialize) -> Result<Value, Failure> {
    serde_json::to_value(v).map_err(|e| Failure::internal(e.to_string()))
}

/// The JSON Schema of a question's input (what MCP lists as the tool's `inputSchema`).
pub fn schema(name: &str) -> Result<Value, Failure> {
    let schema = match name {
        "classify" => schemars::schema_for!(ClassifyQuestion),
        "check" => schemars::schema_for!(CheckQuestion),
        "screen" => schemars::schema_for!(ScreenQuestion),
        "match" => schemars::schema_for!(MatchQuestion),
        "diff" => schemars::schema_for!(DiffQuestion),
        "timeline" => schemars::schema_for!(TimelineQuestion),
        "impact" => schemars::schema_for!(ImpactQuestion),
        "scenarios" => schemars::schema_for!(ScenariosQuestion),
        _ => {
            return Err(Failure::input(format!(
                "no question `{name}` with arguments; the questions are: {}",
                QUESTIONS.join(", ")
            )));
        }
    };
    to_value(&schema)
}

/// One question with its inputs.
pub enum Question {
    Classify(ClassifyQuestion),
    Check(CheckQuestion),
    Screen(ScreenQuestion),
    Match(MatchQuestion),
    Diff(DiffQuestion),
    Timeline(TimelineQuestion),
    Impact(ImpactQuestion),
    Scenarios(ScenariosQuestion),
    About,
    /// The recorded hits no reviewer's disposition covers (`earl review queue`).
    ReviewQueue,
    /// The affiliates of listed parties in the ownership graph (`earl owners affiliates`).
    Affiliates(AffiliatesQuestion),
}

/// The names [`Question::parse`] knows.
pub const QUESTIONS: &[&str] = &[
    "classify",
    "check",
    "screen",
    "match",
    "diff",
    "timeline",
    "impact",
    "scenarios",
    "about",
    "review_queue",
    "affiliates",
];

impl Question {
    /// The question `name` with arguments `args` (a JSON object; `null` for none), and the
    /// language its answer is asked in: `lang` (`en`, `ar`, `zh`), which is how the answer is
    /// shown, not part of the question (English when absent).
    pub fn parse_with_lang(name: &str, mut args: Value) -> Result<(Question, Lang), Failure> {
        let lang = match args.as_object_mut().and_then(|o| o.remove("lang")) {
            None | Some(Value::Null) => Lang::En,
            Some(Value::String(tag)) => Lang::parse(&tag).ok_or_else(|| {
                Failure::input(format!(
                    "{name}: lang `{tag}`: earl speaks en, ar and zh (zh-Hans)"
                ))
            })?,
            Some(other) => {
                return Err(Failure::input(format!(
                    "{name}: lang {other}: expected a language tag such as \"ar\""
                )));
            }
        };
        Ok((Question::parse(name, args)?, lang))
    }

    /// The question `name` with arguments `args` (a JSON object; `null` for none).
    pub fn parse(name: &str, args: Value) -> Result<Question, Failure> {
        fn input<T: for<'de> Deserialize<'de>>(name: &str, args: Value) -> Result<T, Failure> {
            let args = if args.is_null() {
                Value::Object(Default::default())
            } else {
                args
            };
            serde_json::from_value(args).map_err(|e| Failure::input(format!("{name}: {e}")))
        }
        Ok(match name {
            "classify" => Question::Classify(input(name, args)?),
            "check" => Question::Check(input(name, args)?),
            "screen" => Question::Screen(input(name, args)?),
            "match" => Question::Match(input(name, args)?),
            "diff" => Question::Diff(input(name, args)?),
            "timeline" => Question::Timeline(input(name, args)?),
            "impact" => Question::Impact(input(name, args)?),
            "scenarios" => Question::Scenarios(input(name, args)?),
            "about" | "review_queue" => {
                if args.as_object().is_some_and(|o| !o.is_empty()) {
                    return Err(Failure::input(format!("{name}: takes no arguments")));
                }
                match name {
                    "about" => Question::About,
                    _ => Question::ReviewQueue,
                }
            }
            "affiliates" => Question::Affiliates(input(name, args)?),
            _ => {
                return Err(Failure::input(format!(
                    "no question `{name}`; the questions are: {}",
                    QUESTIONS.join(", ")
                )));
            }
        })
    }

    /// Whether the question loads a scenario file, which needs an app of its own: the data is
    /// loaded with the file added.
    pub fn needs_own_app(&self) -> bool {
        match self {
            Question::Classify(p) => is_file(p.scenario.as_deref()),
            Question::Check(p) => is_file(p.scenario.as_deref()),
            Question::Diff(p) => is_file(Some(&p.from)) || is_file(Some(&p.to)),
            Question::Timeline(p) => is_file(p.scenario.as_deref()),
            Question::Impact(p) => is_file(p.scenario.as_deref()),
            Question::Scenarios(p) => is_file(p.scenario.as_deref()),
            Question::Screen(_)
            | Question::Match(_)
            | Question::About
            | Question::ReviewQueue
            | Question::Affiliates(_) => false,
        }
    }

    /// The answer: what `earl CMD --json` prints for the same question, recorded (in
    /// English), its sentences in `lang`.
    pub fn answer(self, app: &App, lang: Lang) -> Result<Value, Failure> {
        match self {
            Question::Classify(q) => to_value(&explained_in(classify::answer(app, &q)?, lang)),
            Question::Check(q) => to_value(&explained_in(check::answer(app, &q)?, lang)),
            Question::Screen(q) => to_value(&screen::screen_answer(app, &q)?),
            Question::Match(q) => to_value(&screen::pair_answer(app, &q)?),
            Question::Diff(q) => to_value(&explore::diff_answer(app, &q)?),
            Question::Timeline(q) => to_value(&explore::timeline_answer(app, &q)?.0),
            Question::Impact(q) => to_value(&explore::impact_answer(app, &q)?),
            Question::Scenarios(q) => {
                let (engine, _) = app.engine_with_scenario(q.scenario.as_deref())?;
                to_value(&engine.scenario_rows())
            }
            Question::About => to_value(&app.engine()?.about()?),
            Question::ReviewQueue => to_value(&crate::review::queue(app)?),
            Question::Affiliates(q) => to_value(&crate::owners::affiliates_answer(app, &q)?),
        }
    }
}
