//! `complaint completions SHELL`, and the completion of ticket IDs.
//!
//! The default script is clap_complete's dynamic one: the shell calls back
//! into `complaint` (with `COMPLAINT_COMPLETE=<shell>` set) for each
//! completion, so ticket IDs are completed from the store in the current
//! directory (or `COMPLAINT_STORE`). `--static` prints a script that needs
//! no call-back but knows no IDs.

use std::ffi::OsStr;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::{Args, CommandFactory, ValueEnum};
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::Shells;

use super::{Cli, Context};
use crate::error::{Error, Result};
use crate::store::{Store, TICKETS_DIR};

/// The environment variable that switches `complaint` into completion mode.
pub const COMPLETE_VAR: &str = "COMPLAINT_COMPLETE";

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

/// Print a shell completion script. Ticket IDs complete from the store of
/// the current directory. Install, e.g.:
/// bash: `complaint completions bash > ~/.local/share/bash-completion/completions/complaint`;
/// zsh: `complaint completions zsh > "${fpath[1]}/_complaint"`;
/// fish: `complaint completions fish > ~/.config/fish/completions/complaint.fish`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// Shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
    /// A self-contained script (flags and subcommands only, no ticket IDs)
    #[arg(long = "static")]
    pub static_script: bool,
}

pub fn run(_ctx: &mut Context, args: CompletionsArgs) -> Result<ExitCode> {
    let mut out = Vec::new();
    if args.static_script {
        let shell = match args.shell {
            Shell::Bash => clap_complete::Shell::Bash,
            Shell::Zsh => clap_complete::Shell::Zsh,
            Shell::Fish => clap_complete::Shell::Fish,
            Shell::Powershell => clap_complete::Shell::PowerShell,
            Shell::Elvish => clap_complete::Shell::Elvish,
        };
        clap_complete::generate(shell, &mut Cli::command(), "complaint", &mut out);
    } else {
        let name = args.shell.to_possible_value().expect("no skipped variants").get_name().to_string();
        let shells = Shells::builtins();
        let shell = shells.completer(&name).expect("clap_complete knows every shell we list");
        shell
            .write_registration(COMPLETE_VAR, "complaint", "complaint", "complaint", &mut out)
            .map_err(|e| Error::io("write", "stdout", e))?;
    }
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&out).and_then(|()| stdout.flush()).map_err(|e| Error::io("write", "stdout", e))?;
    Ok(ExitCode::SUCCESS)
}

/// The command tree used for completion: every subcommand's `id` argument
/// completes from the store's ticket files.
pub fn command() -> clap::Command {
    let mut cmd = Cli::command();
    let with_id: Vec<String> = cmd
        .get_subcommands()
        .filter(|sub| sub.get_arguments().any(|a| a.get_id() == "id" && a.is_positional()))
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in with_id {
        // `mut_args` keeps the order of the arguments (`mut_arg` re-appends
        // the argument, which would make ID the last positional).
        cmd = cmd.mut_subcommand(name, |sub| {
            sub.mut_args(|arg| if arg.get_id() == "id" { arg.add(ArgValueCompleter::new(ticket_ids)) } else { arg })
        });
    }
    cmd
}

/// Handles a completion request from the shell and exits; returns when the
/// process was started normally.
pub fn complete_if_asked() {
    clap_complete::CompleteEnv::with_factory(command).var(COMPLETE_VAR).complete();
}

/// IDs of the store's tickets starting with `current` (any case), newest
/// first. A prefix that names a month (`CP202611`) only reads that month.
fn ticket_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str() else { return Vec::new() };
    let Some((explicit, cwd)) = super::context::completion_store() else { return Vec::new() };
    let Ok(store) = Store::discover(explicit.as_deref(), &cwd) else { return Vec::new() };
    let wanted = current.to_ascii_uppercase();
    let prefix = &store.config().id.prefix;
    let tickets = store.root().join(TICKETS_DIR);
    let digits = wanted.strip_prefix(prefix.as_str()).unwrap_or("");
    let dir = if digits.len() >= 6 && digits.bytes().take(6).all(|b| b.is_ascii_digit()) {
        tickets.join(&digits[..4]).join(&digits[4..6])
    } else {
        tickets
    };
    let mut ids = Vec::new();
    collect_ids(&dir, 0, &wanted, &mut ids);
    ids.sort_unstable_by(|a, b| b.cmp(a));
    ids.into_iter().map(CompletionCandidate::new).collect()
}

fn collect_ids(dir: &Path, depth: usize, wanted: &str, ids: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let Ok(kind) = entry.file_type() else { continue };
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if kind.is_dir() && depth < 2 {
            collect_ids(&entry.path(), depth + 1, wanted, ids);
        } else if kind.is_file()
            && let Some(id) = name.strip_suffix(".yaml").filter(|id| !id.starts_with('.') && id.starts_with(wanted))
        {
            ids.push(id.to_string());
        }
    }
}
