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
use earl_front::questions::Question;
use earl_question::{
    AffiliatesQuestion, CheckQuestion, ClassifyQuestion, DiffQuestion, ImpactQuestion,
    MatchQuestion, ScenariosQuestion, ScreenQuestion, TimelineQuestion,
};
use earl_render::Lang;
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::handler::server::tool::ToolCallContext;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, CustomRequest,
    CustomResult, ErrorCode, Implementation, ListResourcesResult, PaginatedRequestParams,
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
            tool_router: with_lang(Self::tool_router()),
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
    /// or a tool error with the CLI's message in `lang`.
    async fn ask(&self, question: Question, lang: Lang) -> CallToolResult {
        let fresh = question.needs_own_app();
        match self
            .run_job(fresh, move |app| question.answer(app, lang))
            .await
        {
            Ok(v) if v.is_object() => CallToolResult::structured(v),
            Ok(v) => {
                let text = v.to_string();
                let mut r = CallToolResult::structured(serde_json::json!({ "items": v }));
                r.content = vec![ContentBlock::text(text)];
                r
            }
            Err(f) => CallToolResult::error(vec![ContentBlock::text(f.text(lang))]),
        }
    }
}

/// Every tool's schema is its question's, plus `lang`: the language of the answer's sentences
/// (how it is shown, not part of the question; see [`Question::parse_with_lang`]).
fn with_lang(mut router: ToolRouter<EarlMcp>) -> ToolRouter<EarlMcp> {
    for route in router.map.values_mut() {
        let mut schema = (*route.attr.input_schema).clone();
        if let Some(Value::Object(properties)) = schema.get_mut("properties") {
            properties.insert(
                "lang".into(),
                serde_json::json!({
                    "type": ["string", "null"],
                    "description": "The language of the answer's sentences (the `text` fields): en, ar or zh (zh-Hans); default English. Field names, ids and citations do not change."
                }),
            );
            route.attr.input_schema = std::sync::Arc::new(schema);
        }
    }
    router
}

// The tools: each declares its name, description and input type (the schema clients see).
// `call_tool` answers every call itself, with its `lang`; these bodies are what rmcp's router
// would run for a call that reached it, and give the same answer in English.
#[tool_router]
impl EarlMcp {
    #[tool(
        description = "Classify a chip (catalog name or specification) under ECCN 3A090, or a system under 4A090, on a date: the ECCN, every reason with its citation, and what was not checked."
    )]
    async fn classify(&self, Parameters(p): Parameters<ClassifyQuestion>) -> CallToolResult {
        self.ask(Question::Classify(p), Lang::En).await
    }

    #[tool(
        description = "Does shipping a chip or system to a destination (and end user) need a licence, and on what terms? Returns license_required, review_policy, conditions, charges, exceptions, screening of the end user and owners, every step cited, and what was not checked."
    )]
    async fn check(&self, Parameters(p): Parameters<CheckQuestion>) -> CallToolResult {
        self.ask(Question::Check(p), Lang::En).await
    }

    #[tool(
        description = "Screen a party name (any script) against the US restricted-party lists (Consolidated Screening List): matches grouped by entity with explained scores, each list's EAR effect on the date, and the lists' provenance."
    )]
    async fn screen(&self, Parameters(p): Parameters<ScreenQuestion>) -> CallToolResult {
        self.ask(Question::Screen(p), Lang::En).await
    }

    #[tool(
        name = "match",
        description = "Compare two names the way screening does, and explain the score."
    )]
    async fn match_names(&self, Parameters(p): Parameters<MatchQuestion>) -> CallToolResult {
        self.ask(Question::Match(p), Lang::En).await
    }

    #[tool(
        description = "What changes between two dates, rule versions or scenarios, chip by chip and destination by destination."
    )]
    async fn diff(&self, Parameters(p): Parameters<DiffQuestion>) -> CallToolResult {
        self.ask(Question::Diff(p), Lang::En).await
    }

    #[tool(
        description = "A chip's determination for a destination on every rule version from 2022 to a date."
    )]
    async fn timeline(&self, Parameters(p): Parameters<TimelineQuestion>) -> CallToolResult {
        self.ask(Question::Timeline(p), Lang::En).await
    }

    #[tool(
        description = "How much compute a set of shipments moves, and what the rules (or a scenario) license, with fees and tariffs."
    )]
    async fn impact(&self, Parameters(p): Parameters<ImpactQuestion>) -> CallToolResult {
        self.ask(Question::Impact(p), Lang::En).await
    }

    #[tool(
        description = "The policy scenarios earl knows (ids to pass as `scenario`), as {\"items\": [...]}."
    )]
    async fn scenarios(&self, Parameters(p): Parameters<ScenariosQuestion>) -> CallToolResult {
        self.ask(Question::Scenarios(p), Lang::En).await
    }

    #[tool(
        description = "earl's version and the vintage, source and content hash of every bundled dataset and of the screening lists."
    )]
    async fn about(&self) -> CallToolResult {
        self.ask(Question::About, Lang::En).await
    }

    #[tool(
        description = "The recorded list matches no reviewer's disposition covers, oldest first, with counts per list (as `earl review queue --json`); a match set aside and raised again says why."
    )]
    async fn review_queue(&self) -> CallToolResult {
        self.ask(Question::ReviewQueue, Lang::En).await
    }

    #[tool(
        description = "Every party the imported ownership graph shows owned at or above an ownership rule's threshold (50%) by listed parties, with the chain and whether the rule is in force on the date (as `earl owners affiliates --json`)."
    )]
    async fn affiliates(&self, Parameters(p): Parameters<AffiliatesQuestion>) -> CallToolResult {
        self.ask(Question::Affiliates(p), Lang::En).await
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

    /// A tool's arguments are read as its question's input first: one that does not fit (a wrong
    /// type, an unknown or missing field) is an invalid-params error (-32602), not a tool
    /// error, as JSON-RPC asks; a question that reads but cannot be answered (an unknown chip)
    /// stays a tool error carrying the CLI's message.
    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, ErrorData> {
        if self.tool_router.has_route(&request.name) {
            // Every tool is a question: asked here, in the language `lang` names (how the
            // answer is shown, not part of the question), rather than through the typed
            // handlers, which declare the tools' schemas.
            let arguments = Value::Object(request.arguments.clone().unwrap_or_default());
            let (question, lang) = Question::parse_with_lang(&request.name, arguments)
                .map_err(|f| ErrorData::invalid_params(f.message, None))?;
            return Ok(self.ask(question, lang).await.into());
        }
        let call = ToolCallContext::new(self, request, context);
        self.tool_router.call(call).await
    }

    /// A request rmcp could not read as the MCP method it names comes here as a custom one:
    /// its params are wrong (-32602); only a method MCP does not define is not found (-32601).
    async fn on_custom_request(
        &self,
        request: CustomRequest,
        _context: RequestContext<RoleServer>,
    ) -> Result<CustomResult, ErrorData> {
        if MCP_METHODS.contains(&request.method.as_str()) {
            Err(ErrorData::invalid_params(
                format!(
                    "the params of `{}` are missing or not of the form MCP defines",
                    request.method
                ),
                None,
            ))
        } else {
            Err(ErrorData::new(
                ErrorCode::METHOD_NOT_FOUND,
                format!("no method `{}`", request.method),
                None,
            ))
        }
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
                self.run_job(false, |app| Question::About.answer(app, Lang::En))
                    .await
            }
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

/// The requests MCP defines that a client sends a server.
const MCP_METHODS: [&str; 13] = [
    "initialize",
    "ping",
    "completion/complete",
    "logging/setLevel",
    "prompts/get",
    "prompts/list",
    "resources/list",
    "resources/templates/list",
    "resources/read",
    "resources/subscribe",
    "resources/unsubscribe",
    "tools/call",
    "tools/list",
];

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
        // rmcp speaks over two in-process pipes; the line layer stands between them and stdio.
        let (rmcp_in, layer_out) = tokio::io::duplex(PIPE_BYTES);
        let (rmcp_out, layer_in) = tokio::io::duplex(PIPE_BYTES);
        let (lines, to_stdout) = tokio::sync::mpsc::unbounded_channel();
        let writer = tokio::spawn(write_lines(to_stdout));
        let forwarder = tokio::spawn(forward_responses(layer_in, lines.clone()));
        let reader = tokio::spawn(filter_requests(tokio::io::stdin(), layer_out, lines));
        let service = EarlMcp::new(args)
            .serve((rmcp_in, rmcp_out))
            .await
            .map_err(|e| Failure::internal(format!("mcp: {e}")))?;
        let ended = service.waiting().await;
        reader.abort();
        let _ = forwarder.await;
        let _ = writer.await;
        ended.map_err(|e| Failure::internal(format!("mcp: {e}")))?;
        Ok(())
    })
}

/// The in-process pipes' buffer: a message larger than this is passed on in pieces.
const PIPE_BYTES: usize = 64 * 1024;

/// The longest request line read; a longer one is refused (and skipped to its end) rather than
/// held in memory. rmcp's own bound.
const MAX_LINE_BYTES: usize = rmcp::transport::async_rw::DEFAULT_MAX_LINE_LENGTH;

/// JSON-RPC's codes for text that is not JSON, and for JSON that is not a request (or a
/// message too large to read).
const PARSE_ERROR: i32 = -32700;
const INVALID_REQUEST: i32 = -32600;

/// Reads stdin line by line. A line that is not UTF-8, not JSON, nested too deep or naming a
/// key twice gets a JSON-RPC parse error (id null: it cannot be read), and JSON that is not a
/// JSON-RPC message an invalid-request error; neither is passed on (rmcp would drop the first
/// silently, leaving the client waiting, and answer the second without its id). A valid line
/// goes to rmcp. At the
/// end of stdin rmcp's input is closed, so the server ends as before.
async fn filter_requests(
    stdin: impl tokio::io::AsyncRead + Unpin,
    mut to_rmcp: tokio::io::DuplexStream,
    replies: tokio::sync::mpsc::UnboundedSender<Vec<u8>>,
) {
    use tokio::io::AsyncWriteExt;
    let mut stdin = tokio::io::BufReader::new(stdin);
    loop {
        let line = match read_bounded_line(&mut stdin).await {
            Ok(Line::Eof) | Err(_) => break,
            Ok(Line::TooLong) => {
                let message = format!("the message is longer than {MAX_LINE_BYTES} bytes");
                let _ = replies.send(error_response(&Value::Null, INVALID_REQUEST, &message));
                continue;
            }
            Ok(Line::Text(line)) => line,
        };
        let text = line.strip_suffix(b"\n").unwrap_or(&line);
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match refusal(text) {
            Some(error) => {
                let _ = replies.send(error);
            }
            None => {
                let passed = async {
                    to_rmcp.write_all(text).await?;
                    to_rmcp.write_all(b"\n").await?;
                    to_rmcp.flush().await
                };
                if passed.await.is_err() {
                    break;
                }
            }
        }
    }
    let _ = to_rmcp.shutdown().await;
}

/// The error response to a request line the layer refuses, or None to pass it to rmcp: text
/// that is not UTF-8 or not strict JSON is a parse error (-32700); JSON that is not a JSON-RPC
/// 2.0 message object (a batch, a bare value, no `jsonrpc: "2.0"`, neither a method nor a
/// result) is an invalid request (-32600), answered with its id when it has a usable one.
fn refusal(line: &[u8]) -> Option<Vec<u8>> {
    let text = match std::str::from_utf8(line) {
        Ok(text) => text,
        Err(e) => {
            let why = format!(
                "Parse error: the message is not UTF-8 (invalid byte at offset {})",
                e.valid_up_to()
            );
            return Some(error_response(&Value::Null, PARSE_ERROR, &why));
        }
    };
    let message = match earl_front::json::parse(text) {
        Ok(message) => message,
        Err(e) => {
            return Some(error_response(
                &Value::Null,
                PARSE_ERROR,
                &format!("Parse error: {e}"),
            ));
        }
    };
    let Some(object) = message.as_object() else {
        let why = "Invalid Request: a message is one JSON-RPC object (batches are not supported)";
        return Some(error_response(&Value::Null, INVALID_REQUEST, why));
    };
    let id = object
        .get("id")
        .filter(|id| id.is_string() || id.is_number())
        .cloned()
        .unwrap_or(Value::Null);
    let why = if object.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        "Invalid Request: `jsonrpc` must be \"2.0\""
    } else if !["method", "result", "error"]
        .iter()
        .any(|k| object.contains_key(*k))
    {
        "Invalid Request: a message has a `method` (or is a response, with `result` or `error`)"
    } else if object.get("method").is_some_and(|m| !m.is_string()) {
        "Invalid Request: `method` must be a string"
    } else {
        return None;
    };
    Some(error_response(&id, INVALID_REQUEST, why))
}

enum Line {
    Text(Vec<u8>),
    TooLong,
    Eof,
}

/// One `\n`-terminated line (the last may lack it), never holding more than the bound: a
/// longer line is consumed to its end and reported as too long.
async fn read_bounded_line(
    input: &mut (impl tokio::io::AsyncBufRead + Unpin),
) -> std::io::Result<Line> {
    use tokio::io::AsyncBufReadExt;
    let mut line = Vec::new();
    let mut too_long = false;
    loop {
        let available = input.fill_buf().await?;
        if available.is_empty() {
            return Ok(match (too_long, line.is_empty()) {
                (true, _) => Line::TooLong,
                (false, true) => Line::Eof,
                (false, false) => Line::Text(line),
            });
        }
        let (piece, ended) = match available.iter().position(|&b| b == b'\n') {
            Some(end) => (&available[..=end], true),
            None => (available, false),
        };
        let used = piece.len();
        if !too_long && line.len() + used <= MAX_LINE_BYTES {
            line.extend_from_slice(piece);
        } else {
            too_long = true;
            line = Vec::new();
        }
        input.consume(used);
        if ended {
            return Ok(if too_long {
                Line::TooLong
            } else {
                Line::Text(line)
            });
        }
    }
}

/// A JSON-RPC error response (id null when the message's id cannot be known).
fn error_response(id: &Value, code: i32, message: &str) -> Vec<u8> {
    let mut line = serde_json::to_vec(&serde_json::json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": {"code": code, "message": message},
    }))
    .expect("a JSON value serialises");
    line.push(b'\n');
    line
}

/// Passes rmcp's output on to the writer line by line, so that no error response written by
/// the line layer lands inside one of rmcp's messages.
async fn forward_responses(
    from_rmcp: tokio::io::DuplexStream,
    lines: tokio::sync::mpsc::UnboundedSender<Vec<u8>>,
) {
    use tokio::io::AsyncBufReadExt;
    let mut from_rmcp = tokio::io::BufReader::new(from_rmcp);
    loop {
        let mut line = Vec::new();
        match from_rmcp.read_until(b'\n', &mut line).await {
            Ok(0) | Err(_) => break,
            Ok(_) => {
                if lines.send(line).is_err() {
                    break;
                }
            }
        }
    }
}

/// The one writer of stdout: whole lines, each flushed (a client waits for its answer).
async fn write_lines(mut lines: tokio::sync::mpsc::UnboundedReceiver<Vec<u8>>) {
    use tokio::io::AsyncWriteExt;
    let mut stdout = tokio::io::stdout();
    while let Some(line) = lines.recv().await {
        if stdout.write_all(&line).await.is_err() || stdout.flush().await.is_err() {
            break;
        }
    }
}
