//! `complaint sync`: pull, check, push.

use std::process::ExitCode;

use clap::Args;

use super::Context;
use crate::error::{Error, Result};
use crate::store::git::Repo;

/// Share the store with the team: `git pull --no-rebase` (ticket files are
/// merged by the merge driver), `complaint check`, then `git push`. Stops
/// at the first step that fails and says what to do.
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
        ctx.info(format!("registered the merge driver in git config: {setting}"));
    }
    if let Some((what, finish)) = repo.in_progress() {
        return Err(Error::Git {
            message: format!("cannot sync: the repository is in the middle of {what}"),
            hint: Some(format!("{finish}; then run `complaint sync` again")),
        });
    }
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
    ctx.info("in sync");
    Ok(ExitCode::SUCCESS)
}
