//! `earl mcp`: the engine's questions as Model Context Protocol tools over stdio (rmcp).
//!
//! Thin like every front end: each tool fills the CLI's own argument struct and calls the same
//! function `earl CMD --json` calls, so the answer (the tool's structured content and its text)
//! is the CLI's JSON, recorded in the audit trail the same way (source `mcp`), and a bad
//! argument is a tool error carrying the CLI's message. The engine and the audit trail live on
//! one worker thread; a job that panics becomes a tool error and the server goes on.

use clap::Args;
use earl_engine::audit::Source;
use earl_front::app::{App, DataArgs, Failure};
use earl_front::questions::{
    CheckInput, ClassifyInput, DiffInput, ImpactInput, MatchInput, Question, ScenariosInput,
    ScreenInput, TimelineInput,
};
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::{
    CallToolResult, ContentBlock, Implementation, ListResourcesResult, PaginatedRequestParams,
    ReadResourceRequestParams, ReadResourceResponse, ReadResourceResult, Resource,
    ResourceContents, ServerCapabilities, ServerConfig,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, RoleServer, ServerHandler, ServiceExt, tool, tool_handler, tool_router};
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
    async fn ask(&self, question: Question) -> CallToolResult {
        let fresh = question.needs_own_app();
        match self.run_job(fresh, move |app| question.answer(app)).await {
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
        self.ask(Question::Classify(p)).await
    }

    #[tool(
        description = "Does shipping a chip or system to a destination (and end user) need a licence, and on what terms? Returns license_required, review_policy, conditions, charges, exceptions, screening of the end user and owners, every step cited, and what was not checked."
    )]
    async fn check(&self, Parameters(p): Parameters<CheckInput>) -> CallToolResult {
        self.ask(Question::Check(p)).await
    }

    #[tool(
        description = "Screen a party name (any script) against the US restricted-party lists (Consolidated Screening List): matches grouped by entity with explained scores, each list's EAR effect on the date, and the lists' provenance."
    )]
    async fn screen(&self, Parameters(p): Parameters<ScreenInput>) -> CallToolResult {
        self.ask(Question::Screen(p)).await
    }

    #[tool(
        name = "match",
        description = "Compare two names the way screening does, and explain the score."
    )]
    async fn match_names(&self, Parameters(p): Parameters<MatchInput>) -> CallToolResult {
        self.ask(Question::Match(p)).await
    }

    #[tool(
        description = "What changes between two dates, rule versions or scenarios, chip by chip and destination by destination."
    )]
    async fn diff(&self, Parameters(p): Parameters<DiffInput>) -> CallToolResult {
        self.ask(Question::Diff(p)).await
    }

    #[tool(
        description = "A chip's determination for a destination on every rule version from 2022 to a date."
    )]
    async fn timeline(&self, Parameters(p): Parameters<TimelineInput>) -> CallToolResult {
        self.ask(Question::Timeline(p)).await
    }

    #[tool(
        description = "How much compute a set of shipments moves, and what the rules (or a scenario) license, with fees and tariffs."
    )]
    async fn impact(&self, Parameters(p): Parameters<ImpactInput>) -> CallToolResult {
        self.ask(Question::Impact(p)).await
    }

    #[tool(
        description = "The policy scenarios earl knows (ids to pass as `scenario`), as {\"items\": [...]}."
    )]
    async fn scenarios(&self, Parameters(p): Parameters<ScenariosInput>) -> CallToolResult {
        self.ask(Question::Scenarios(p)).await
    }

    #[tool(
        description = "earl's version and the vintage, source and content hash of every bundled dataset and of the screening lists."
    )]
    async fn about(&self) -> CallToolResult {
        self.ask(Question::About).await
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
            "earl://about" => self.run_job(false, |app| Question::About.answer(app)).await,
            "earl://lists" => {
                self.run_job(false, |app| {
                    earl_front::screen::lists_json(app, earl_screen::DEFAULT_MAX_AGE_DAYS)
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
