//! `earl mcp`: the engine's questions as Model Context Protocol tools over stdio (rmcp).
//!
//! Thin like every front end: each tool fills the CLI's own argument struct and calls the same
//! function `earl CMD --json` calls, so the answer (the tool's structured content and its text)
//! is the CLI's JSON, recorded in the audit trail the same way (source `mcp`), and a bad
//! argument is a tool error carrying the CLI's message. The engine and the audit trail live on
//! one worker thread; a job that panics becomes a tool error and the server goes on.

use crate::app::{App, DataArgs, Failure};
use crate::{cmd_check, cmd_classify, cmd_explore, cmd_screen};
use clap::Args;
use earl_engine::audit::Source;
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::{
    CallToolResult, ContentBlock, Implementation, ListResourcesResult, PaginatedRequestParams,
    ReadResourceRequestParams, ReadResourceResponse, ReadResourceResult, Resource,
    ResourceContents, ServerCapabilities, ServerConfig,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, RoleServer, ServerHandler, ServiceExt, tool, tool_handler, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::Value;
use std::panic::AssertUnwindSafe;
use std::sync::mpsc;

#[derive(Args)]
pub struct McpArgs {}

/// A question as the worker runs it: the CLI's JSON answer, or the CLI's failure.
type Work = Box<dyn FnOnce(&App) -> Result<Value, Failure> + Send>;

/// A question for the worker: run on the long-lived app, or on a fresh one (a scenario file
/// must be loaded with the data).
struct Job {
    fresh: bool,
    work: Work,
    reply: tokio::sync::oneshot::Sender<Result<Value, Failure>>,
}

fn worker(args: DataArgs, jobs: mpsc::Receiver<Job>) {
    let app = App::with_source(args.clone(), Source::Mcp);
    for job in jobs {
        let fresh;
        let app = if job.fresh {
            fresh = App::with_source(args.clone(), Source::Mcp);
            &fresh
        } else {
            &app
        };
        let work = job.work;
        let answer = std::panic::catch_unwind(AssertUnwindSafe(|| work(app))).unwrap_or_else(|p| {
            let what = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(Failure::internal(format!("internal error: {what}")))
        });
        let _ = job.reply.send(answer);
    }
}

#[derive(Clone)]
pub struct EarlMcp {
    jobs: mpsc::SyncSender<Job>,
    tool_router: ToolRouter<Self>,
}

/// Whether a scenario value names a file rather than a bundled scenario id.
fn is_file(s: &Option<String>) -> bool {
    s.as_deref()
        .is_some_and(|s| s.ends_with(".toml") || std::path::Path::new(s).is_file())
}

fn to_value(v: &impl serde::Serialize) -> Result<Value, Failure> {
    serde_json::to_value(v).map_err(|e| Failure::internal(e.to_string()))
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

impl EarlMcp {
    pub fn new(args: DataArgs) -> EarlMcp {
        let (jobs, rx) = mpsc::sync_channel(64);
        std::thread::Builder::new()
            .name("earl-engine".into())
            .spawn(move || worker(args, rx))
            .expect("spawn the engine thread");
        EarlMcp {
            jobs,
            tool_router: Self::tool_router(),
        }
    }

    /// Runs a job on the worker thread and waits for its answer.
    async fn run_job(
        &self,
        fresh: bool,
        work: impl FnOnce(&App) -> Result<Value, Failure> + Send + 'static,
    ) -> Result<Value, Failure> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job = Job {
            fresh,
            work: Box::new(work),
            reply,
        };
        match self.jobs.send(job) {
            Ok(()) => answer
                .await
                .unwrap_or_else(|_| Err(Failure::internal("the engine thread stopped"))),
            Err(_) => Err(Failure::internal("the engine thread stopped")),
        }
    }

    /// Runs a question on the worker and turns its answer into a tool result: the CLI's JSON as
    /// structured content (an array is wrapped as `{"items": [...]}`, the text keeps it bare),
    /// or a tool error with the CLI's message.
    async fn ask(
        &self,
        fresh: bool,
        work: impl FnOnce(&App) -> Result<Value, Failure> + Send + 'static,
    ) -> CallToolResult {
        match self.run_job(fresh, work).await {
            Ok(v) if v.is_object() => CallToolResult::structured(v),
            Ok(v) => {
                let text = v.to_string();
                let mut r = CallToolResult::structured(serde_json::json!({ "items": v }));
                r.content = vec![ContentBlock::text(text)];
                r
            }
            Err(f) => CallToolResult::error(vec![ContentBlock::text(f.message)]),
        }
    }
}

#[tool_router]
impl EarlMcp {
    #[tool(
        description = "Classify a chip (catalog name or specification) under ECCN 3A090, or a system under 4A090, on a date: the ECCN, every reason with its citation, and what was not checked."
    )]
    async fn classify(&self, Parameters(p): Parameters<ClassifyInput>) -> CallToolResult {
        let fresh = is_file(&p.scenario);
        self.ask(fresh, move |app| {
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
            let a = cmd_classify::ClassifyArgs {
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
            to_value(&cmd_classify::answer(app, &a)?)
        })
        .await
    }

    #[tool(
        description = "Does shipping a chip or system to a destination (and end user) need a licence, and on what terms? Returns license_required, review_policy, conditions, charges, exceptions, screening of the end user and owners, every step cited, and what was not checked."
    )]
    async fn check(&self, Parameters(p): Parameters<CheckInput>) -> CallToolResult {
        let fresh = is_file(&p.scenario);
        self.ask(fresh, move |app| {
            if p.chip.is_none() && p.system.is_none() && p.contains.is_empty() {
                return Err(Failure::input("give a chip, a system or contains"));
            }
            if !p.owners.is_empty() && p.end_user.is_none() {
                return Err(Failure::input("owners need an end_user"));
            }
            let a = cmd_check::CheckArgs {
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
            to_value(&cmd_check::answer(app, &a)?)
        })
        .await
    }

    #[tool(
        description = "Screen a party name (any script) against the US restricted-party lists (Consolidated Screening List): matches grouped by entity with explained scores, each list's EAR effect on the date, and the lists' provenance."
    )]
    async fn screen(&self, Parameters(p): Parameters<ScreenInput>) -> CallToolResult {
        self.ask(false, move |app| {
            let a = cmd_screen::ScreenArgs {
                name: Some(p.name),
                country: p.country,
                sources: p.sources,
                threshold: p.threshold,
                all: p.all,
                date: p.date,
                batch: None,
                out: None,
                json: true,
            };
            let (answer, drops) = cmd_screen::screen_answer(app, &a)?;
            cmd_screen::screen_json(&answer, &drops)
        })
        .await
    }

    #[tool(
        name = "match",
        description = "Compare two names the way screening does, and explain the score."
    )]
    async fn match_names(&self, Parameters(p): Parameters<MatchInput>) -> CallToolResult {
        self.ask(false, move |app| {
            let a = cmd_screen::MatchArgs {
                first: Some(p.a),
                second: Some(p.b),
                batch: None,
                threshold: p.threshold,
                json: true,
            };
            to_value(&cmd_screen::pair_answer(app, &a)?)
        })
        .await
    }

    #[tool(
        description = "What changes between two dates, rule versions or scenarios, chip by chip and destination by destination."
    )]
    async fn diff(&self, Parameters(p): Parameters<DiffInput>) -> CallToolResult {
        let fresh = is_file(&Some(p.from.clone())) || is_file(&Some(p.to.clone()));
        self.ask(fresh, move |app| {
            let a = cmd_explore::DiffArgs {
                from: p.from,
                to: p.to,
                destinations: p.destinations,
                chips: p.chips,
                date: p.date,
                svg: None,
                json: true,
            };
            to_value(&cmd_explore::diff_answer(app, &a)?)
        })
        .await
    }

    #[tool(
        description = "A chip's determination for a destination on every rule version from 2022 to a date."
    )]
    async fn timeline(&self, Parameters(p): Parameters<TimelineInput>) -> CallToolResult {
        let fresh = is_file(&p.scenario);
        self.ask(fresh, move |app| {
            let a = cmd_explore::TimelineArgs {
                chip: p.chip,
                to: p.to,
                until: p.until,
                scenario: p.scenario,
                svg: None,
                json: true,
            };
            to_value(&cmd_explore::timeline_answer(app, &a)?.0)
        })
        .await
    }

    #[tool(
        description = "How much compute a set of shipments moves, and what the rules (or a scenario) license, with fees and tariffs."
    )]
    async fn impact(&self, Parameters(p): Parameters<ImpactInput>) -> CallToolResult {
        let fresh = is_file(&p.scenario);
        self.ask(fresh, move |app| {
            if p.units.is_empty() {
                return Err(Failure::input("give units, each CHIP=N, e.g. H200=400000"));
            }
            let a = cmd_explore::ImpactArgs {
                units: p.units,
                price: p.prices,
                to: p.to.unwrap_or_else(|| "CN".to_string()),
                date: p.date,
                scenario: p.scenario,
                json: true,
            };
            to_value(&cmd_explore::impact_answer(app, &a)?)
        })
        .await
    }

    #[tool(
        description = "The policy scenarios earl knows (ids to pass as `scenario`), as {\"items\": [...]}."
    )]
    async fn scenarios(&self, Parameters(p): Parameters<ScenariosInput>) -> CallToolResult {
        let fresh = is_file(&p.scenario);
        self.ask(fresh, move |app| {
            let (engine, _) = app.engine_with_scenario(p.scenario.as_deref())?;
            to_value(&engine.scenario_rows())
        })
        .await
    }

    #[tool(
        description = "earl's version and the vintage, source and content hash of every bundled dataset and of the screening lists."
    )]
    async fn about(&self) -> CallToolResult {
        self.ask(false, |app| to_value(&app.engine()?.about()?))
            .await
    }
}

#[tool_handler(router = self.tool_router)]
impl ServerHandler for EarlMcp {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(
            ServerCapabilities::builder()
                .enable_tools()
                .enable_resources()
                .build(),
        )
            .with_server_info(Implementation::new("earl", env!("CARGO_PKG_VERSION")))
            .with_instructions(
                "US Export Administration Regulations for AI chips, as code. Every answer is as of a date (default today, UTC), cites its rules, and lists what was not checked. Not legal advice or a clearance.",
            )
    }

    async fn list_resources(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, ErrorData> {
        Ok(ListResourcesResult::with_all_items(
            RESOURCES
                .iter()
                .map(|(uri, name, description)| {
                    Resource::new(*uri, *name)
                        .with_description(*description)
                        .with_mime_type("application/json")
                })
                .collect(),
        ))
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, ErrorData> {
        let uri = request.uri.clone();
        let answer = match uri.as_str() {
            "earl://about" => {
                self.run_job(false, |app| to_value(&app.engine()?.about()?))
                    .await
            }
            "earl://lists" => {
                self.run_job(false, |app| {
                    cmd_screen::lists_json(app, earl_screen::DEFAULT_MAX_AGE_DAYS)
                })
                .await
            }
            _ => {
                return Err(ErrorData::resource_not_found(
                    format!("no resource {uri}; the resources are earl://about and earl://lists"),
                    None,
                ));
            }
        };
        let value = answer.map_err(|f| ErrorData::internal_error(f.message, None))?;
        Ok(ReadResourceResult::new(vec![
            ResourceContents::text(value.to_string(), uri).with_mime_type("application/json"),
        ])
        .into())
    }
}

/// The data's provenance as resources: URI, name, description.
const RESOURCES: [(&str, &str, &str); 2] = [
    (
        "earl://about",
        "about",
        "earl's version and the vintage, source and content hash of every bundled dataset (what `earl about --json` prints).",
    ),
    (
        "earl://lists",
        "lists",
        "The screening lists in use: provenance, counts, SHA-256, staleness (what `earl lists --json` prints).",
    ),
];

pub fn run(args: DataArgs, _a: &McpArgs) -> Result<(), Failure> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::internal(format!("cannot start the runtime: {e}")))?;
    runtime.block_on(async {
        let service = EarlMcp::new(args)
            .serve(rmcp::transport::stdio())
            .await
            .map_err(|e| Failure::internal(format!("mcp: {e}")))?;
        service
            .waiting()
            .await
            .map_err(|e| Failure::internal(format!("mcp: {e}")))?;
        Ok(())
    })
}
