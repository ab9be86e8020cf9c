//! Command-line layer: arguments, environment and the clock. One file per
//! subcommand, each with its own clap `Args` whose doc comments are the help.

mod allocator;
mod assign;
mod attach;
mod autocommit;
mod calendar;
mod change;
mod check;
mod check_fix;
mod check_fix_git;
mod classify;
mod common;
mod completions;
mod confirm;
mod context;
mod diagnose;
mod edit;
mod escalate;
mod execute;
mod export;
mod filter;
mod flags;
mod followup;
mod help;
mod import;
mod import_columns;
mod init;
mod input;
mod list;
mod log;
mod man;
mod merge_driver;
mod new;
mod new_prompt;
mod note;
mod notify;
mod output;
mod overdue;
mod plan;
mod promise;
mod report;
mod serve;
mod show;
mod sync;
mod task;
mod transition;
mod user;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use context::{Context, GlobalArgs};

/// `0.1.0 (a1b2c3d)`: the package version and, when built from a git
/// checkout, the commit (see build.rs).
pub const VERSION: &str = env!("COMPLAINT_VERSION");

use crate::error::Error;

/// Customer-complaint tickets (客户投诉) as YAML files in a git repository.
///
/// Record a complaint during the call with `complaint new`, move it along with
/// `transition`, follow up with `followup`, and see what is late with
/// `overdue`. Data goes to stdout, messages to stderr. Exit codes: 0 ok,
/// 1 found (problems from `check`, overdue items with --exit-code), 2 error.
#[derive(Debug, Parser)]
#[command(name = "complaint", version = VERSION, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(init::InitArgs),
    New(new::NewArgs),
    Show(show::ShowArgs),
    List(list::ListArgs),
    Classify(classify::ClassifyArgs),
    Assign(assign::AssignArgs),
    Promise(promise::PromiseArgs),
    Escalate(escalate::EscalateArgs),
    Transition(transition::TransitionArgs),
    Note(note::NoteArgs),
    Diagnose(diagnose::DiagnoseArgs),
    Plan(plan::PlanArgs),
    Confirm(confirm::ConfirmArgs),
    Execute(execute::ExecuteArgs),
    Task(task::TaskArgs),
    Attach(attach::AttachArgs),
    Followup(followup::FollowupArgs),
    Log(log::LogArgs),
    Overdue(overdue::OverdueArgs),
    Calendar(calendar::CalendarArgs),
    Export(export::ExportArgs),
    Report(report::ReportArgs),
    Check(check::CheckArgs),
    Sync(sync::SyncArgs),
    Serve(serve::ServeArgs),
    #[command(subcommand)]
    User(user::UserCommand),
    MergeDriver(merge_driver::MergeDriverArgs),
    Edit(edit::EditArgs),
    Import(import::ImportArgs),
    Completions(completions::CompletionsArgs),
    Man(man::ManArgs),
}

/// Runs one command line; returns the exit code for success and "found".
pub fn run<I, T>(args: I) -> crate::Result<ExitCode>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<T> = args.into_iter().collect();
    let cli = match Cli::try_parse_from(args.clone()) {
        Ok(cli) => cli,
        Err(e) => {
            let e = in_the_language_of_messages(e, args);
            // --help and --version are not errors.
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return Ok(ExitCode::from(code));
        }
    };
    let mut ctx = Context::new(cli.global)?;
    dispatch(&mut ctx, cli.command)
}

/// A help text asked for, in Chinese when the locale is: parsed again with
/// the help from the catalogue (only then, so parsing stays as cheap).
fn in_the_language_of_messages<I, T>(e: clap::Error, args: I) -> clap::Error
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    use clap::CommandFactory;
    use clap::error::ErrorKind;
    let help = matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand);
    let lang = context::locale_lang();
    if !help || lang == crate::lang::Lang::En {
        return e;
    }
    help::localise(Cli::command(), lang).try_get_matches_from(args).err().unwrap_or(e)
}

fn dispatch(ctx: &mut Context, command: Command) -> crate::Result<ExitCode> {
    if matches!(command, Command::Overdue(_) | Command::List(_) | Command::Report(_) | Command::Export(_)) {
        allocator::tune_allocator();
    }
    match command {
        Command::Init(args) => init::run(ctx, args),
        Command::New(args) => new::run(ctx, args),
        Command::Show(args) => show::run(ctx, args),
        Command::List(args) => list::run(ctx, args),
        Command::Classify(args) => classify::run(ctx, args),
        Command::Assign(args) => assign::run(ctx, args),
        Command::Promise(args) => promise::run(ctx, args),
        Command::Escalate(args) => escalate::run(ctx, args),
        Command::Transition(args) => transition::run(ctx, args),
        Command::Note(args) => note::run(ctx, args),
        Command::Task(args) => task::run(ctx, args),
        Command::Diagnose(args) => diagnose::run(ctx, args),
        Command::Plan(args) => plan::run(ctx, args),
        Command::Confirm(args) => confirm::run(ctx, args),
        Command::Execute(args) => execute::run(ctx, args),
        Command::Attach(args) => attach::run(ctx, args),
        Command::Followup(args) => followup::run(ctx, args),
        Command::Log(args) => log::run(ctx, args),
        Command::Overdue(args) => overdue::run(ctx, args),
        Command::Calendar(args) => calendar::run(ctx, args),
        Command::Check(args) => check::run(ctx, args),
        Command::Export(args) => export::run(ctx, args),
        Command::Report(args) => report::run(ctx, args),
        Command::Sync(args) => sync::run(ctx, args),
        Command::Serve(args) => serve::run(ctx, args),
        Command::User(command) => user::run(ctx, command),
        Command::MergeDriver(args) => merge_driver::run(ctx, args),
        Command::Edit(args) => edit::run(ctx, args),
        Command::Import(args) => import::run(ctx, args),
        Command::Completions(args) => completions::run(ctx, args),
        Command::Man(args) => man::run(ctx, args),
    }
}

/// The binary's entry point: runs, prints errors with hints, maps to exit codes.
pub fn main() -> ExitCode {
    completions::complete_if_asked();
    match run(std::env::args_os()) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            output::print_error(&e);
            ExitCode::from(e.exit_code())
        }
    }
}

/// A reader that closed the pipe (`complaint list | head`) is not an error.
fn is_broken_pipe(e: &Error) -> bool {
    matches!(e, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
}
