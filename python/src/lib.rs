//! `earl._earl`: the extension module under the `earl` Python package.
//!
//! Deliberately small: every question goes through `earl_front` — the path the CLI and
//! `earl mcp` take — and comes back as the CLI's JSON text, which `earl/__init__.py` turns into
//! dicts. The engine and the audit trail are loaded once per process and shared by every
//! thread; the GIL is released while earl works, and batches run on every core.

use earl_engine::audit::Source;
use earl_front::app::{App, DataArgs, Failure};
use earl_front::check::{BatchDefaults, BatchRow, REQUIRED, header_check, optional_columns};
use earl_front::questions::Question;
use earl_question::ScreenQuestion;
use earl_render::Lang;
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

create_exception!(
    _earl,
    EarlError,
    PyException,
    "An error earl reports: the CLI's message."
);
create_exception!(
    _earl,
    InputError,
    EarlError,
    "Bad input or data (what the CLI exits 2 for), with the CLI's message saying what and where."
);

/// The data options and the app loaded with them (built on first use).
struct State {
    args: DataArgs,
    app: Option<Arc<App>>,
}

static STATE: Mutex<State> = Mutex::new(State {
    args: DataArgs {
        chips_file: Vec::new(),
        rules: None,
        countries: None,
        country_groups: None,
        lists: None,
        accept_partial_lists: false,
        db: None,
        no_audit: false,
        data_dir: None,
    },
    app: None,
});

fn state() -> std::sync::MutexGuard<'static, State> {
    STATE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The shared app; one of its own when the question loads a scenario file.
fn app(own: bool) -> Arc<App> {
    let mut s = state();
    if own {
        return Arc::new(App::with_source(s.args.clone(), Source::Python));
    }
    let args = s.args.clone();
    Arc::clone(
        s.app
            .get_or_insert_with(|| Arc::new(App::with_source(args, Source::Python))),
    )
}

fn to_py(f: Failure) -> PyErr {
    to_py_in(f, Lang::En)
}

/// The failure as Python's exception, its message in `lang` where earl has the words.
fn to_py_in(f: Failure, lang: Lang) -> PyErr {
    let message = f.text(lang);
    if f.code == 2 {
        InputError::new_err(message)
    } else {
        EarlError::new_err(message)
    }
}

fn to_json(v: &impl serde::Serialize) -> Result<String, Failure> {
    serde_json::to_string(v).map_err(|e| Failure::internal(e.to_string()))
}

/// The arguments as `earl/__init__.py` encoded them, read by the strict parse every front end
/// uses (a key named twice is refused); text that does not read is bad input.
fn parse_args(args: &str) -> Result<Value, Failure> {
    earl_front::json::parse(args).map_err(|e| Failure::input(format!("arguments: {e}")))
}

/// Sets where the data comes from and where determinations are recorded; the next question
/// loads it afresh. Paths are the CLI's `--chips-file`, `--rules`, `--countries`,
/// `--country-groups`, `--lists`, `--accept-partial-lists`, `--db`, `--data-dir`; `audit=False`
/// is `--no-audit`.
#[pyfunction]
#[pyo3(signature = (*, chips_files, rules, countries, country_groups, lists, accept_partial_lists, db, data_dir, audit))]
#[allow(clippy::too_many_arguments)]
fn configure(
    chips_files: Vec<PathBuf>,
    rules: Option<PathBuf>,
    countries: Option<PathBuf>,
    country_groups: Option<PathBuf>,
    lists: Option<PathBuf>,
    accept_partial_lists: bool,
    db: Option<PathBuf>,
    data_dir: Option<PathBuf>,
    audit: bool,
) {
    let mut s = state();
    s.args = DataArgs {
        chips_file: chips_files,
        rules,
        countries,
        country_groups,
        lists,
        accept_partial_lists,
        db,
        no_audit: !audit,
        data_dir,
    };
    s.app = None;
}

/// Answers one question (`classify`, `check`, `screen`, `match`, `diff`, `timeline`, `impact`,
/// `scenarios`, `about`) given its arguments as a JSON object; returns the CLI's JSON answer.
#[pyfunction]
fn ask(py: Python<'_>, question: &str, args: &str) -> PyResult<String> {
    // Refusals once the question reads are in the language it asks for.
    let mut lang = Lang::En;
    py.detach(|| {
        let (question, asked) = Question::parse_with_lang(question, parse_args(args)?)?;
        lang = asked;
        let app = app(question.needs_own_app());
        to_json(&question.answer(&app, lang)?)
    })
    .map_err(|f| to_py_in(f, lang))
}

/// Checks many rows, given column by column (the columns of `earl check --batch`), on every
/// core. `options` is a JSON object: `date`, `from`, `scenario` (defaults for every row) and
/// `answers` (whether to return the full answers). Returns the rows as JSON text, `[{"outcome":
/// {...batch columns...}, "answer": index | null}]`, and each distinct answer's JSON text once.
#[pyfunction]
fn check_many(
    py: Python<'_>,
    columns: HashMap<String, Vec<Option<String>>>,
    options: &str,
) -> PyResult<(String, Vec<String>)> {
    py.detach(|| {
        let options = parse_args(options)?;
        let names: Vec<&str> = columns.keys().map(String::as_str).collect();
        header_check(&names, REQUIRED, &optional_columns())
            .map_err(|e| Failure::input(format!("rows: {}", e.message)))?;
        let len = columns.values().next().map_or(0, Vec::len);
        if let Some((name, c)) = columns.iter().find(|(_, c)| c.len() != len) {
            return Err(Failure::input(format!(
                "rows: column `{name}` has {} values, others {len}",
                c.len()
            )));
        }
        let rows: Vec<BatchRow> = (0..len)
            .map(|i| {
                BatchRow::new(
                    columns
                        .iter()
                        .filter_map(|(name, cells)| Some((name.as_str(), cells[i].as_deref()?)))
                        .collect(),
                )
            })
            .collect();
        let text = |k: &str| options.get(k).and_then(Value::as_str).map(str::to_string);
        let scenario = text("scenario");
        let own = scenario
            .as_deref()
            .is_some_and(earl_front::app::is_scenario_file);
        let app = app(own);
        let (_, scenario) = app.engine_with_scenario(scenario.as_deref())?;
        let from = text("from");
        let defaults = BatchDefaults {
            date: earl_engine::questions::date_or_today(text("date").as_deref())?,
            from: from.as_deref(),
            scenario: scenario.as_deref(),
            stakes: None,
        };
        let with_answers = options.get("answers").and_then(Value::as_bool) == Some(true);
        let many =
            earl_front::check::check_many(&app, &rows, &defaults, Source::Python, with_answers)?;
        #[derive(serde::Serialize)]
        struct Row<'a> {
            outcome: &'a earl_front::check::BatchOutcome,
            answer: Option<usize>,
        }
        let rows: Vec<Row> = many
            .rows
            .iter()
            .map(|m| Row {
                outcome: &m.outcome,
                answer: m.answer,
            })
            .collect();
        Ok((to_json(&rows)?, many.answers))
    })
    .map_err(to_py)
}

/// Screens many names (each with an address country or null) on every core. `options` is a
/// JSON object: `lists` (source codes), `threshold`, `all`, `date`. Returns, for each name in
/// order, the index of its answer or why it could not be screened, and each distinct answer's
/// JSON text once.
#[pyfunction]
#[allow(clippy::type_complexity)]
fn screen_many(
    py: Python<'_>,
    names: Vec<(String, Option<String>)>,
    options: &str,
) -> PyResult<(Vec<(Option<usize>, Option<String>)>, Vec<String>)> {
    py.detach(|| {
        // The options are a screening question whose name and country are each row's.
        let mut options = parse_args(options)?;
        if options.get("name").is_some() || options.get("country").is_some() {
            return Err(Failure::input(
                "screen_many: the names and their countries are the rows, not options",
            ));
        }
        options["name"] = Value::String(String::new());
        let options: ScreenQuestion = serde_json::from_value(options)
            .map_err(|e| Failure::input(format!("screen_many: {e}")))?;
        let app = app(false);
        let rows: Vec<earl_front::screen::NameRow> = names
            .into_iter()
            .enumerate()
            .map(|(i, (name, country))| (i as u64 + 1, name, country))
            .collect();
        let (many, unrecorded) =
            earl_front::screen::screen_many(&app, &options, &rows, Source::Python)?;
        unrecorded.record()?;
        let rows = many
            .rows
            .into_iter()
            .map(|r| match r {
                Ok(i) => (Some(i), None),
                // The reason's English, as before (Python's text).
                Err(reason) => (None, Some(reason.to_string())),
            })
            .collect();
        // Each answer as `earl screen --json` prints it (empty for a name no row points to).
        let answers = many
            .answers
            .iter()
            .map(|a| match a {
                Some(answer) => serde_json::to_string(answer),
                None => Ok(String::new()),
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| Failure::internal(e.to_string()))?;
        Ok((rows, answers))
    })
    .map_err(to_py)
}

/// The JSON Schema of a question's arguments, as JSON text.
#[pyfunction]
fn schema(question: &str) -> PyResult<String> {
    earl_front::questions::schema(question)
        .and_then(|s| to_json(&s))
        .map_err(to_py)
}

#[pymodule]
fn _earl(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("EarlError", m.py().get_type::<EarlError>())?;
    m.add("InputError", m.py().get_type::<InputError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(configure, m)?)?;
    m.add_function(wrap_pyfunction!(ask, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(check_many, m)?)?;
    m.add_function(wrap_pyfunction!(screen_many, m)?)?;
    Ok(())
}
