//! `complaint sync`: pull, check, push.

use std::process::ExitCode;

use clap::Args;

use super::Context;
use crate::error::{Error, Result};
use crate::store::Store;
use crate::store::git::Repo;
use crate::tr;

/// Share the store with the team: `git pull --no-rebase` (ticket files are
/// merged by the merge driver), `complaint check`, then `git push`. Stops
/// at the first step that fails and says what to do; refuses to start while
/// ticket changes are not committed (`complaint check --fix` commits them).
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Pull and check, but do not push
    #[arg(long)]
    pub no_push: bool,
}

pub fn run(ctx: &mut Context, args: SyncArgs) -> Result<ExitCode> {
    let store = ctx.open_store()?;
    let repo = Repo::require(store.root())?;
    // A clone where `init` was never run would merge tickets as text.
    for setting in repo.register_merge_driver()? {
        ctx.info(tr!(ctx.lang(), "cli.merge_driver", setting = setting));
    }
    if let Some((what, finish)) = repo.in_progress() {
        return Err(Error::Git {
            message: format!("cannot sync: the repository is in the middle of {what}"),
            hint: Some(format!("{finish}; then run `complaint sync` again")),
        });
    }
    refuse_leftovers(&store)?;
    ctx.info("git pull --no-rebase");
    repo.step(
        &["pull", "--no-rebase"],
        "see git's message above: commit or stash your own changes, set an upstream (`git push -u origin BRANCH`), \
         or resolve a conflict in a non-ticket file; then run `complaint sync` again",
    )?;
    ctx.info("complaint check");
    let check = super::check::run(ctx, super::check::CheckArgs { fix: false })?;
    if check != ExitCode::SUCCESS {
        return Err(Error::Git {
            message: "stopped after pull: `complaint check` found problems; nothing was pushed".into(),
            hint: Some(
                "an ID collision is repaired by `complaint check --fix`; other problems are named above. \
                 Then run `complaint sync` again"
                    .into(),
            ),
        });
    }
    if !args.no_push {
        ctx.info("git push");
        repo.step(&["push"], "see git's message above (no upstream? `git push -u origin BRANCH`); then sync again")?;
    }
    ctx.info(tr!(ctx.lang(), "cli.in_sync"));
    Ok(ExitCode::SUCCESS)
}

/// Ticket changes that never reached git would never be pushed: stop, and
/// say how to commit them.
fn refuse_leftovers(store: &Store) -> Result<()> {
    let Some(leftovers) = super::check_fix_git::find(store)? else { return Ok(()) };
    let mut shown: Vec<String> = leftovers
        .files
        .iter()
        .take(5)
        .map(|f| format!("{} ({})", store.display_path(&f.path), f.state.describe()))
        .collect();
    if leftovers.files.len() > shown.len() {
        shown.push(format!("and {} more", leftovers.files.len() - shown.len()));
    }
    Err(Error::Git {
        message: format!(
            "cannot sync: {} ticket file(s) have changes that were never committed, so they would not be pushed: {}",
            leftovers.files.len(),
            shown.join(", ")
        ),
        hint: Some(
            "an interrupted command, a stale git lock or --no-commit left them; run `complaint check --fix` to \
             commit them, then `complaint sync` again"
                .into(),
        ),
    })
}
