//! `earl review`: what reviewers decided about list matches, kept in the audit trail as
//! `disposition` and `revocation` records (see `earl_engine::review`), and the CSV of them
//! (`earl_front::review` documents its columns). Bad input — an entry not in the lists in
//! use, an expiry in the past, a blank reviewer or reason — exits 2 and records nothing.

use crate::print_json;
use clap::{Args, Subcommand};
use earl_engine::audit::Source;
use earl_front::app::{App, Failure};
use earl_front::review;
use earl_question::{ReviewQuestion, RevokeQuestion};
use earl_render::Lang;
use std::path::PathBuf;

#[derive(Args)]
pub struct ReviewArgs {
    #[command(subcommand)]
    pub command: ReviewCommand,
}

#[derive(Subcommand)]
pub enum ReviewCommand {
    /// Record a reviewer's decision about one match: false-positive (set aside while the entry
    /// stays as reviewed and the disposition unexpired), true-match (kept, noted) or escalated.
    Add(ReviewAddArgs),
    /// Every disposition, oldest first, with its revocation if any.
    List(JsonArgs),
    /// One disposition.
    Show(ReviewShowArgs),
    /// Withdraw a disposition: its match is raised again.
    Revoke(ReviewRevokeArgs),
    /// Record every disposition of a CSV file (all or none); each record names the file by
    /// SHA-256.
    Import(ReviewImportArgs),
    /// Write the dispositions in force as CSV, the columns `import` reads.
    Export,
    /// The recorded hits no disposition covers, oldest first, with counts per list.
    Queue(JsonArgs),
}

#[derive(Args)]
pub struct JsonArgs {
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct ReviewAddArgs {
    #[command(flatten)]
    pub question: ReviewQuestion,
    /// Print the disposition recorded as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct ReviewShowArgs {
    /// The disposition's id (the sequence number of its record).
    pub id: u64,
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct ReviewRevokeArgs {
    #[command(flatten)]
    pub question: RevokeQuestion,
    /// Print the revocation recorded as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct ReviewImportArgs {
    /// The CSV file (columns: party, entry, decision, reviewer, reason; optionally country,
    /// expires, entry_hash).
    pub file: PathBuf,
    /// Print the dispositions recorded as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(app: &App, a: &ReviewArgs, lang: Lang) -> Result<(), Failure> {
    let out = &mut std::io::stdout().lock();
    match &a.command {
        ReviewCommand::Add(a) => {
            let added = review::add(app, &a.question, Source::Cli)?;
            if a.json {
                return print_json(&added);
            }
            earl_render::review::dispositions(out, &[added], lang)?;
        }
        ReviewCommand::List(a) => {
            let all = review::list(app)?;
            if a.json {
                return print_json(&serde_json::json!({ "dispositions": all }));
            }
            earl_render::review::dispositions(out, &all, lang)?;
        }
        ReviewCommand::Show(a) => {
            let one = review::show(app, a.id)?;
            if a.json {
                return print_json(&one);
            }
            earl_render::review::dispositions(out, &[one], lang)?;
        }
        ReviewCommand::Revoke(a) => {
            let revoked = review::revoke(app, &a.question, Source::Cli)?;
            if a.json {
                return print_json(&revoked);
            }
            earl_render::review::revocation(out, &revoked, lang)?;
        }
        ReviewCommand::Import(a) => {
            let added = review::import(app, &a.file, Source::Cli)?;
            if a.json {
                return print_json(&serde_json::json!({ "dispositions": added }));
            }
            earl_render::review::dispositions(out, &added, lang)?;
        }
        ReviewCommand::Export => review::export(app, out)?,
        ReviewCommand::Queue(a) => {
            let queue = review::queue(app)?;
            if a.json {
                return print_json(&queue);
            }
            earl_render::review::queue(out, &queue, lang)?;
        }
    }
    Ok(())
}
