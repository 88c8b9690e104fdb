//! `earl`: the US Export Administration Regulations for AI chips, as code.
//!
//! A thin binary: argument parsing and output formatting live here; every answer comes from
//! `earl-engine`. Bad input of any kind exits with code 2 and a message saying what and where.

mod cmd_audit;
mod cmd_catalog;
mod cmd_check;
mod cmd_classify;
mod cmd_explore;
mod cmd_ledger;
mod cmd_mcp;
mod cmd_owners;
mod cmd_review;
mod cmd_screen;
mod cmd_serve;
mod cmd_update;
mod help;
mod usage;

use clap::{Parser, Subcommand};
use earl_front::app::{App, DataArgs, Failure};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "earl",
    version,
    about = "US export rules for AI chips, as code: classify, check, screen and explore — offline, dated, every step cited.",
    after_help = "Every answer is as of a date (default: today, UTC) and lists what earl did not check. It is not legal advice or a clearance.\n\nExit codes: 0 answered; 1 internal error, or a trail that does not verify; 2 bad input or data; 3 refused (a licence or shipment) or a network failure (update); 4 could not record in the audit trail (full disk, I/O error, read-only trail): no answer was given."
)]
struct Cli {
    #[command(flatten, next_help_heading = "Data options (every subcommand)")]
    data: DataArgs,
    /// The language of the sentences of `check`, `classify`, `screen`, `match`, `about`,
    /// `licence`, `ship`, `ledger`, `review`, `owners`, `lists`, `audit`, `chips`, `systems`, `impact`,
    /// `scenarios`, `diff` and `timeline` (and their charts): en, ar or zh
    /// (default: EARL_LANG, then LC_ALL or LANG, else English). JSON field names, ids, enum
    /// values and citations stay as they are.
    #[arg(long, global = true, value_name = "LANG")]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the chip catalog with TPP, PD, datacenter flag and memory bandwidth.
    Chips(cmd_catalog::ChipsArgs),
    /// List the systems (boards, servers, racks) with the chips they contain and the sources.
    Systems(cmd_catalog::SystemsArgs),
    /// Classify a chip under ECCN 3A090 on a date, with the reasons.
    Classify(cmd_classify::ClassifyArgs),
    /// Does shipping a chip to a destination (and end user) need a licence, and on what terms?
    Check(Box<cmd_check::CheckArgs>),
    /// Screen a party name against the US restricted-party lists.
    Screen(cmd_screen::ScreenArgs),
    /// Compare two names the way screening does, and explain the score.
    Match(cmd_screen::MatchArgs),
    /// Show the screening lists in use: provenance, counts, hash, staleness.
    Lists(cmd_screen::ListsArgs),
    /// List the policy scenarios earl knows.
    Scenarios(cmd_explore::ScenariosArgs),
    /// What changes between two dates, rule versions or scenarios, chip by chip and country by country.
    Diff(cmd_explore::DiffArgs),
    /// A chip's determination for a destination on every rule version from 2022 to today.
    Timeline(cmd_explore::TimelineArgs),
    /// How much compute a set of shipments moves, and what a scenario licenses.
    Impact(cmd_explore::ImpactArgs),
    /// Record licences and see their balances (kept in the audit trail).
    Licence(cmd_ledger::LicenceArgs),
    /// Record a shipment: under a licence (drawn down, checked afresh, the lane's 50% cap
    /// enforced) or to US end users; refused shipments exit 3 and record nothing, shipments
    /// that could not be recorded exit 4.
    Ship(cmd_ledger::ShipArgs),
    /// Per chip: units shipped to US end users and to China/Macau, and the lane's headroom.
    Ledger(cmd_ledger::LedgerArgs),
    /// What reviewers decided about list matches: add, list, show, revoke, import, export
    /// (kept in the audit trail).
    Review(cmd_review::ReviewArgs),
    /// The audit trail of determinations: list, show, verify, export.
    Audit(cmd_audit::AuditArgs),
    /// The ownership graph every check finds owners in: import, show, list, affiliates.
    Owners(cmd_owners::OwnersArgs),
    /// Fetch the newest screening list and the BIS documents newer than the rules; verify them,
    /// then put them in use (exit 2: refused data; 3: network failure).
    Update(cmd_update::UpdateArgs),
    /// Serve the HTTP API and the web page.
    Serve(cmd_serve::ServeArgs),
    /// earl's version and the vintage of every bundled dataset.
    About(cmd_catalog::AboutArgs),
    /// Serve earl's questions as Model Context Protocol tools over stdio, for AI assistants.
    Mcp(cmd_mcp::McpArgs),
    /// Print a shell completion script, e.g. `earl completions bash > ~/.local/share/bash-completion/completions/earl`.
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write one page per subcommand with --dir.
    Man(ManArgs),
}

#[derive(clap::Args)]
struct CompletionsArgs {
    /// The shell: bash, zsh, fish, elvish or powershell.
    shell: clap_complete::Shell,
}

#[derive(clap::Args)]
struct ManArgs {
    /// Write earl.1 and earl-SUBCOMMAND.1 pages into this directory instead of printing earl.1.
    #[arg(long, value_name = "DIR")]
    dir: Option<std::path::PathBuf>,
}

fn completions(a: &CompletionsArgs) -> Result<(), Failure> {
    use clap::CommandFactory;
    clap_complete::generate(a.shell, &mut Cli::command(), "earl", &mut std::io::stdout());
    Ok(())
}

fn man(a: &ManArgs) -> Result<(), Failure> {
    use clap::CommandFactory;
    match &a.dir {
        Some(dir) => std::fs::create_dir_all(dir)
            .and_then(|()| clap_mangen::generate_to(Cli::command(), dir))
            .map_err(|e| Failure::cannot_write(2, dir, &e)),
        None => Ok(clap_mangen::Man::new(Cli::command()).render(&mut std::io::stdout().lock())?),
    }
}

/// Refuses a CSV header that misses a required column or names an unknown one; says on stderr
/// which optional columns are absent (taken as empty in every row).
pub fn check_columns(
    path: &std::path::Path,
    headers: &csv::StringRecord,
    required: &[&str],
    optional: &[&str],
    lang: earl_render::Lang,
) -> Result<(), Failure> {
    let absent = earl_front::check::check_columns(path, headers, required, optional)?;
    if let Some(note) = earl_front::check::absent_columns_note(path, &absent, lang) {
        eprintln!("earl: {note}");
    }
    Ok(())
}

/// Prints a value as pretty JSON on stdout, written as it is serialised (a large answer is
/// never held twice).
pub fn print_json(value: &impl serde::Serialize) -> Result<(), Failure> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, value)
        .map_err(|e| Failure::internal(format!("output failed: {e}")))?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language of the help and of clap's refusals, read before clap parses the line.
    let lang = usage::lang_of(&args, |name| std::env::var(name).ok());
    let cli = match parse(&args, lang) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            // English, `--help` and `--version` (the help already in the language), and the
            // kinds earl does not word: clap's own.
            match usage::usage_error(&e).filter(|_| lang != earl_render::Lang::En) {
                Some(parts) => eprint!("{}", earl_render::usage::usage_error(&parts, lang)),
                None => {
                    let _ = e.print();
                }
            }
            return ExitCode::from(code);
        }
    };
    // The language of the refusal below; an unknown one is itself refused, in English, by run.
    let lang = earl_render::Lang::from_cli(cli.lang.as_deref(), |name| std::env::var(name).ok())
        .unwrap_or(earl_render::Lang::En);
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("earl: {}", failure.text(lang));
            ExitCode::from(failure.code)
        }
    }
}

/// The command line parsed by earl's command with its help in `lang` (in English, exactly
/// `Cli::try_parse_from`).
fn parse(args: &[std::ffi::OsString], lang: earl_render::Lang) -> Result<Cli, clap::Error> {
    use clap::FromArgMatches;
    let mut command = help::command(lang);
    let mut matches = command.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut command))
}

fn run(cli: Cli) -> Result<(), Failure> {
    // A server outlives any one peer: a client that closes before reading its answers must
    // not end `earl serve` or `earl mcp`, which see the closed pipe as a write error instead.
    if !matches!(cli.command, Command::Serve(_) | Command::Mcp(_)) {
        reset_sigpipe();
    }
    let lang = earl_render::Lang::from_cli(cli.lang.as_deref(), |name| std::env::var(name).ok())
        .map_err(|e| Failure::input(e.to_string()))?;
    let app = App::new(cli.data);
    match cli.command {
        Command::Chips(a) => cmd_catalog::chips(&app, &a, lang),
        Command::About(a) => cmd_catalog::about(&app, &a, lang),
        Command::Systems(a) => cmd_catalog::systems(&app, &a, lang),
        Command::Classify(a) => cmd_classify::run(&app, &a, lang),
        Command::Check(a) => cmd_check::run(&app, &a, lang),
        Command::Screen(a) => cmd_screen::screen(&app, &a, lang),
        Command::Match(a) => cmd_screen::pair(&app, &a, lang),
        Command::Lists(a) => cmd_screen::lists(&app, &a, lang),
        Command::Scenarios(a) => cmd_explore::scenarios(&app, &a, lang),
        Command::Diff(a) => cmd_explore::diff(&app, &a, lang),
        Command::Timeline(a) => cmd_explore::timeline(&app, &a, lang),
        Command::Impact(a) => cmd_explore::impact(&app, &a, lang),
        Command::Audit(a) => cmd_audit::run(&app, &a, lang),
        Command::Review(a) => cmd_review::run(&app, &a, lang),
        Command::Licence(a) => cmd_ledger::licence(&app, &a, lang),
        Command::Ship(a) => cmd_ledger::ship(&app, &a, lang),
        Command::Ledger(a) => cmd_ledger::ledger(&app, &a, lang),
        Command::Serve(a) => cmd_serve::run(&app, &a, lang),
        Command::Update(a) => cmd_update::run(&app, &a, lang),
        Command::Owners(a) => cmd_owners::run(&app, &a, lang),
        Command::Mcp(a) => cmd_mcp::run(app.args, &a),
        Command::Completions(a) => completions(&a),
        Command::Man(a) => man(&a),
    }
}

/// Lets `earl ... | head` end quietly, as other Unix tools do, instead of failing on a closed pipe.
fn reset_sigpipe() {
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of SIGPIPE before any thread starts (the
    // arguments are parsed; nothing else has run).
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    /// Every argument and flag of every subcommand says what it is for.
    #[test]
    fn every_argument_has_help_text() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if matches!(id, "help" | "version") {
                    continue;
                }
                if arg.get_help().is_none() && arg.get_long_help().is_none() {
                    missing.push(format!("{path} {id}"));
                }
            }
            for sub in cmd.get_subcommands() {
                if sub.get_about().is_none() {
                    missing.push(format!("{path} {} (the subcommand)", sub.get_name()));
                }
                walk(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "earl", &mut missing);
        assert!(missing.is_empty(), "no help text: {missing:#?}");
    }
}
