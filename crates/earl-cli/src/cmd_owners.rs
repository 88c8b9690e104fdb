//! `earl owners import|show|list|affiliates`: the ownership graph in earl's data directory
//! (`ownership.sqlite`), from which every check finds the end user's owners.

use crate::print_json;
use clap::{Args, Subcommand};
use earl_engine::owners::ImportAnswer;
use earl_front::app::{App, Failure};
use earl_front::owners::Format;
use earl_render::Lang;
use earl_render::errors::Problem;
use earl_store::graph::{Import, OwnershipGraph, Share};
use std::path::PathBuf;

#[derive(Args)]
pub struct OwnersArgs {
    #[command(subcommand)]
    pub command: OwnersCommand,
}

#[derive(Subcommand)]
pub enum OwnersCommand {
    /// Import an ownership file into the graph, verified row by row (exit 2 with file, line and
    /// column on a bad row): it replaces its dataset's edges; an import that would drop more
    /// than 20% of the graph's edges is refused without --accept-drop. Recorded in the audit
    /// trail.
    Import {
        /// The file: earl's CSV (`owner,owned,percent`, optionally `source,from,to`).
        file: PathBuf,
        /// The file's format (default: from its name).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// The dataset the file replaces (default: the format's name).
        #[arg(long)]
        dataset: Option<String>,
        /// Import even when the graph would lose more than 20% of its edges.
        #[arg(long = "accept-drop")]
        accept_drop: bool,
        /// Print the import as JSON.
        #[arg(long)]
        json: bool,
    },
    /// A party's chains in the graph: its owners upwards and its holdings downwards.
    Show {
        /// The party's name (compared as screening normalises names).
        name: String,
        /// Print the chains as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every edge of the graph, with its source and dates.
    List {
        /// Print the edges as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Compare the holdings two ownership files give: added, removed, changed share.
    Diff {
        /// The earlier ownership file.
        old: PathBuf,
        /// The later ownership file.
        new: PathBuf,
        /// The files' format (default: from each file's name or content).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Print the differences as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every party the graph shows owned at or above an ownership rule's threshold by listed
    /// parties, with the chain and the rule's effect on the date.
    Affiliates {
        #[command(flatten)]
        question: earl_question::AffiliatesQuestion,
        /// Print the affiliates as JSON.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(app: &App, a: &OwnersArgs, lang: Lang) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match &a.command {
        OwnersCommand::Import {
            file,
            format,
            dataset,
            accept_drop,
            json,
        } => {
            let answer = import(app, file, *format, dataset.as_deref(), *accept_drop)?;
            if *json {
                print_json(&answer)
            } else {
                Ok(earl_render::owners::import(&mut out, &answer, lang)?)
            }
        }
        OwnersCommand::Show { name, json } => {
            earl_engine::screenable(name, "the name")?;
            let engine = app.engine()?;
            let graph = engine.ownership_graph()?.ok_or_else(no_graph)?;
            let answer = graph.show(name)?;
            if *json {
                print_json(&answer)
            } else {
                Ok(earl_render::owners::show(&mut out, &answer, lang)?)
            }
        }
        OwnersCommand::List { json } => {
            let path = graph_path(app)?;
            let graph = OwnershipGraph::open_existing(&path)
                .map_err(graph_failure)?
                .ok_or_else(no_graph)?;
            let edges = graph.edges().map_err(graph_failure)?;
            let version = graph.version().map_err(graph_failure)?;
            let imports = graph.imports().map_err(graph_failure)?;
            if *json {
                print_json(&serde_json::json!({
                    "graph": version,
                    "imports": imports,
                    "edges": edges,
                }))
            } else {
                Ok(earl_render::owners::list(
                    &mut out,
                    &edges,
                    &version,
                    imports.len(),
                    lang,
                )?)
            }
        }
        OwnersCommand::Diff {
            old,
            new,
            format,
            json,
        } => {
            let today = earl_engine::today();
            let read = |path: &std::path::Path| -> Result<_, Failure> {
                let format = match format {
                    Some(f) => *f,
                    None => Format::of(path)?,
                };
                let read = earl_front::owners::read(path, format, format.as_str(), today)?;
                let side = earl_engine::owners::DiffSide {
                    file: path.display().to_string(),
                    sha256: read.file_sha256.clone(),
                    edges: read.edges.len(),
                };
                Ok((side, read.edges))
            };
            let ((old_side, old_edges), (new_side, new_edges)) = (read(old)?, read(new)?);
            let answer = earl_engine::owners::diff(old_side, &old_edges, new_side, &new_edges);
            if *json {
                print_json(&answer)
            } else {
                Ok(earl_render::owners::diff(&mut out, &answer, lang)?)
            }
        }
        OwnersCommand::Affiliates { question, json } => {
            let answer = earl_front::owners::affiliates_answer(app, question)?;
            if *json {
                print_json(&answer)
            } else {
                Ok(earl_render::owners::affiliates(&mut out, &answer, lang)?)
            }
        }
    }
}

fn graph_path(app: &App) -> Result<PathBuf, Failure> {
    app.ownership_graph_path().ok_or_else(|| {
        Failure::input("no data directory: give --data-dir or set XDG_DATA_HOME or HOME")
    })
}

fn no_graph() -> Failure {
    Failure::said(2, Problem::Input(earl_engine::InputError::NoOwnershipGraph))
}

fn graph_failure(e: earl_store::graph::GraphError) -> Failure {
    Failure::input(e.to_string())
}

/// Reads and checks the file, replaces its dataset in the graph, and records the import.
pub fn import(
    app: &App,
    file: &std::path::Path,
    format: Option<Format>,
    dataset: Option<&str>,
    accept_drop: bool,
) -> Result<ImportAnswer, Failure> {
    let format = match format {
        Some(f) => f,
        None => Format::of(file)?,
    };
    let dataset = dataset.unwrap_or(format.as_str());
    let now = jiff::Timestamp::now();
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    let read = earl_front::owners::read(file, format, dataset, today)?;
    let percent_edges = read
        .edges
        .iter()
        .filter(|e| matches!(e.share, Share::Percent { .. }))
        .count() as u64;
    let read_edges = read.edges.len() as u64 - percent_edges;
    let mut graph = OwnershipGraph::open(&graph_path(app)?).map_err(graph_failure)?;
    let import = graph
        .replace(
            Import {
                imported_at: format!("{now:.0}"),
                dataset: dataset.to_string(),
                format: format.as_str().to_string(),
                file: file.display().to_string(),
                file_sha256: read.file_sha256.clone(),
                edges_before: 0,
                edges_after: 0,
                graph_sha256: String::new(),
            },
            &read.edges,
            &earl_engine::owners::node,
            accept_drop,
        )
        .map_err(graph_failure)?;
    let answer = ImportAnswer {
        import,
        rows: read.rows,
        percent_edges,
        read_edges,
        skipped: read.skipped,
    };
    app.record(
        &serde_json::json!({
            "file": file.display().to_string(),
            "format": format.as_str(),
            "dataset": dataset,
            "accept_drop": accept_drop,
        }),
        &answer,
    )?;
    Ok(answer)
}
