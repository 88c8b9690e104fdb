//! The questions as structured inputs — an MCP tool's arguments, a Python call's keyword
//! arguments — and their answers.
//!
//! Each input fills the CLI's own argument struct and calls the function `earl CMD --json`
//! calls, so every front end gets the CLI's JSON, recorded the same way, and a bad argument
//! gets the CLI's message. [`Question::parse`] takes a question by name and JSON arguments;
//! an argument earl does not know is refused, never ignored.

use crate::app::{App, Failure};
use crate::{check, classify, explore, screen};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::Value;

fn to_value(v: &impl serde::Serialize) -> Result<Value, Failure> {
    serde_json::to_value(v).map_err(|e| Failure::internal(e.to_string()))
}

/// Whether a scenario value names a file rather than a bundled scenario id.
fn is_file(s: Option<&str>) -> bool {
    s.is_some_and(|s| s.ends_with(".toml") || std::path::Path::new(s).is_file())
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassifyInput {
    /// Catalog chip or system name, e.g. "H200" (case, spaces, hyphens and vendor prefixes
    /// don't matter; a system's name is looked up first).
    pub chip: Option<String>,
    /// A catalog system, classified under ECCN 4A090.
    pub system: Option<String>,
    /// A system not in the catalog: the catalog chips it contains, each CHIP=COUNT, e.g. "H200=8".
    #[serde(default)]
    pub contains: Vec<String>,
    /// Date of the question, YYYY-MM-DD (default: today).
    pub date: Option<String>,
    /// A scenario id (see the `scenarios` tool) or a scenario file.
    pub scenario: Option<String>,
    /// A chip not in the catalog: its TPP.
    pub tpp: Option<f64>,
    /// A chip not in the catalog: dense throughput, each PRECISION=TOPS, e.g. "fp8=1979".
    #[serde(default)]
    pub throughput: Vec<String>,
    /// Applicable die area in mm².
    pub die_area: Option<f64>,
    /// Performance density, when known but the die area is not.
    pub pd: Option<f64>,
    /// Whether the chip is designed or marketed for use in datacenters.
    pub datacenter: Option<bool>,
    /// Total DRAM bandwidth in GB/s.
    pub memory_bandwidth: Option<f64>,
    /// Chip-to-chip bandwidth in GB/s (the Oct 2022 rule).
    pub chip_to_chip: Option<f64>,
    /// An HBM stack (3A090.c): its bandwidth in GB/s; give package_area too.
    pub hbm_bandwidth: Option<f64>,
    /// An HBM stack's package area in mm².
    pub package_area: Option<f64>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckInput {
    /// Catalog chip or system name, e.g. "H200".
    pub chip: Option<String>,
    /// A catalog system (board, server, rack).
    pub system: Option<String>,
    /// A system not in the catalog: the chips it contains, each CHIP=COUNT.
    #[serde(default)]
    pub contains: Vec<String>,
    /// Destination country (ISO code or name; Hong Kong is treated as China).
    pub to: String,
    /// Country the item is exported from (default US).
    pub from: Option<String>,
    /// End user's name, screened against the restricted-party lists.
    pub end_user: Option<String>,
    /// Country where the end user (or its ultimate parent) is headquartered.
    pub end_user_hq: Option<String>,
    /// Owners of the end user, each NAME=PERCENT, e.g. "Huawei Investment & Holding=60"
    /// (needs end_user).
    #[serde(default)]
    pub owners: Vec<String>,
    /// Date of the question, YYYY-MM-DD (default: today).
    pub date: Option<String>,
    /// A scenario id (see the `scenarios` tool) or a scenario file.
    pub scenario: Option<String>,
    /// Number of units.
    pub quantity: Option<u64>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScreenInput {
    /// The party's name, in any script.
    pub name: String,
    /// Keep only entries with an address in this country (ISO code or name).
    pub country: Option<String>,
    /// Screen only these lists, e.g. ["EL", "MEU", "SDN"] (trade.gov's `sources` codes).
    #[serde(default)]
    pub sources: Vec<String>,
    /// Minimum score of a match, in [0, 1].
    pub threshold: Option<f64>,
    /// Also return the best entries below the threshold.
    #[serde(default)]
    pub all: bool,
    /// Date for each list's effect and for listing dates, YYYY-MM-DD (default: today).
    pub date: Option<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MatchInput {
    /// The first name, in any script.
    pub a: String,
    /// The second name, in any script.
    pub b: String,
    /// Score at or above which the names count as a match, in [0, 1].
    pub threshold: Option<f64>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DiffInput {
    /// The rules to compare from: a date (YYYY-MM-DD), a rule version id, a scenario id or file.
    pub from: String,
    /// The rules to compare to, in the same forms.
    pub to: String,
    /// Destinations (ISO codes or names). Default: CN, HK, MO, RU, IR, SA, AE, IN, VN, MY, SG,
    /// IL, DE, GB, JP, US.
    #[serde(default)]
    pub destinations: Vec<String>,
    /// Chips. Default: every catalog chip.
    #[serde(default)]
    pub chips: Vec<String>,
    /// The date a scenario is laid over (default: today).
    pub date: Option<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimelineInput {
    /// Catalog chip name.
    pub chip: String,
    /// Destination (ISO code or name).
    pub to: String,
    /// Last date considered, YYYY-MM-DD (default: today).
    pub until: Option<String>,
    /// A scenario (id or file) laid over every date.
    pub scenario: Option<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImpactInput {
    /// Units shipped, each CHIP=N, e.g. ["H200=400000"].
    pub units: Vec<String>,
    /// Price per unit in US dollars, each CHIP=USD, for fees and tariffs.
    #[serde(default)]
    pub prices: Vec<String>,
    /// Destination (default CN).
    pub to: Option<String>,
    /// Date of the rules, YYYY-MM-DD (default: today).
    pub date: Option<String>,
    /// A scenario (id or file) laid over the rules of the date.
    pub scenario: Option<String>,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScenariosInput {
    /// Also validate and list this scenario file.
    pub scenario: Option<String>,
}

/// One question with its inputs.
pub enum Question {
    Classify(ClassifyInput),
    Check(CheckInput),
    Screen(ScreenInput),
    Match(MatchInput),
    Diff(DiffInput),
    Timeline(TimelineInput),
    Impact(ImpactInput),
    Scenarios(ScenariosInput),
    About,
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
];

impl Question {
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
            "about" => {
                if args.as_object().is_some_and(|o| !o.is_empty()) {
                    return Err(Failure::input("about: takes no arguments"));
                }
                Question::About
            }
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
            Question::Screen(_) | Question::Match(_) | Question::About => false,
        }
    }

    /// The answer: what `earl CMD --json` prints for the same question, recorded.
    pub fn answer(self, app: &App) -> Result<Value, Failure> {
        match self {
            Question::Classify(p) => {
                if p.chip.is_none()
                    && p.system.is_none()
                    && p.contains.is_empty()
                    && p.tpp.is_none()
                    && p.throughput.is_empty()
                    && p.hbm_bandwidth.is_none()
                {
                    return Err(Failure::input(
                        "give a chip, a system, contains, or a specification (tpp, throughput or hbm_bandwidth)",
                    ));
                }
                let a = classify::ClassifyArgs {
                    chip: p.chip,
                    system: p.system,
                    contains: p.contains,
                    date: p.date,
                    scenario: p.scenario,
                    tpp: p.tpp,
                    throughput: p.throughput,
                    die_area: p.die_area,
                    pd: p.pd,
                    datacenter: p.datacenter,
                    memory_bandwidth: p.memory_bandwidth,
                    chip_to_chip: p.chip_to_chip,
                    hbm_bandwidth: p.hbm_bandwidth,
                    package_area: p.package_area,
                    json: true,
                };
                to_value(&classify::answer(app, &a)?)
            }
            Question::Check(p) => {
                if p.chip.is_none() && p.system.is_none() && p.contains.is_empty() {
                    return Err(Failure::input("give a chip, a system or contains"));
                }
                if !p.owners.is_empty() && p.end_user.is_none() {
                    return Err(Failure::input("owners need an end_user"));
                }
                let a = check::CheckArgs {
                    chip: p.chip,
                    system: p.system,
                    contains: p.contains,
                    to: Some(p.to),
                    from: p.from,
                    end_user: p.end_user,
                    end_user_hq: p.end_user_hq,
                    date: p.date,
                    scenario: p.scenario,
                    quantity: p.quantity,
                    owners: p.owners,
                    ownership: None,
                    batch: None,
                    out: None,
                    json: true,
                };
                to_value(&check::answer(app, &a)?)
            }
            Question::Screen(p) => {
                let a = screen_args(p.name, p.country, p.sources, p.threshold, p.all, p.date);
                let (answer, drops) = screen::screen_answer(app, &a)?;
                screen::screen_json(&answer, &drops)
            }
            Question::Match(p) => {
                let a = screen::MatchArgs {
                    first: Some(p.a),
                    second: Some(p.b),
                    batch: None,
                    threshold: p.threshold,
                    json: true,
                };
                to_value(&screen::pair_answer(app, &a)?)
            }
            Question::Diff(p) => {
                let a = explore::DiffArgs {
                    from: p.from,
                    to: p.to,
                    destinations: p.destinations,
                    chips: p.chips,
                    date: p.date,
                    svg: None,
                    json: true,
                };
                to_value(&explore::diff_answer(app, &a)?)
            }
            Question::Timeline(p) => {
                let a = explore::TimelineArgs {
                    chip: p.chip,
                    to: p.to,
                    until: p.until,
                    scenario: p.scenario,
                    svg: None,
                    json: true,
                };
                to_value(&explore::timeline_answer(app, &a)?.0)
            }
            Question::Impact(p) => {
                if p.units.is_empty() {
                    return Err(Failure::input("give units, each CHIP=N, e.g. H200=400000"));
                }
                let a = explore::ImpactArgs {
                    units: p.units,
                    price: p.prices,
                    to: p.to.unwrap_or_else(|| "CN".to_string()),
                    date: p.date,
                    scenario: p.scenario,
                    json: true,
                };
                to_value(&explore::impact_answer(app, &a)?)
            }
            Question::Scenarios(p) => {
                let (engine, _) = app.engine_with_scenario(p.scenario.as_deref())?;
                to_value(&engine.scenario_rows())
            }
            Question::About => to_value(&app.engine()?.about()?),
        }
    }
}

/// The CLI's screening arguments for a question asked with these options.
pub fn screen_args(
    name: String,
    country: Option<String>,
    sources: Vec<String>,
    threshold: Option<f64>,
    all: bool,
    date: Option<String>,
) -> screen::ScreenArgs {
    screen::ScreenArgs {
        name: Some(name),
        country,
        sources,
        threshold,
        all,
        date,
        batch: None,
        out: None,
        json: true,
    }
}
