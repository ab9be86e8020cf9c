//! Telling the user what became of a commit (`[git] auto_commit`): the
//! commit itself is the store's (`store::autocommit`). A commit that cannot
//! be made is a warning, never an error: the ticket change is already
//! saved, and the warning says how to commit it by hand.

use std::path::PathBuf;

use super::Context;
use crate::store::git::CommitMessage;
use crate::store::{CommitOutcome, CommitPolicy, Store};
use crate::tr;

/// `--no-commit` as the store's commit policy.
pub fn policy(ctx: &Context) -> CommitPolicy {
    if ctx.global.no_commit { CommitPolicy::Never } else { CommitPolicy::Auto }
}

/// Commits `paths` and says what became of it.
pub fn commit(ctx: &Context, store: &Store, paths: &[PathBuf], message: &CommitMessage) {
    report(ctx, &store.commit_paths(policy(ctx), paths, message));
}

/// Commits several tickets in one commit (see `Store::commit_tickets`).
pub fn commit_many(ctx: &Context, store: &Store, ids: &[String], subject: &str, action: &str, actor: &str) {
    report(ctx, &store.commit_tickets(policy(ctx), ids, subject, action, actor));
}

/// `committed HASH: SUBJECT`, or the warning for a commit not made.
pub fn report(ctx: &Context, outcome: &CommitOutcome) {
    match outcome {
        CommitOutcome::Committed { hash, subject } => {
            ctx.info(tr!(ctx.lang(), "cli.committed", hash = hash, subject = subject))
        }
        CommitOutcome::Skipped => {}
        CommitOutcome::Failed(e) => warn_not_committed(ctx, e),
    }
}

/// The warning for a commit that could not be made, with its hint.
pub fn warn_not_committed(ctx: &Context, e: &crate::error::Error) {
    let lang = ctx.lang();
    ctx.warn(e.message(lang));
    if let Some(hint) = e.hint_in(lang) {
        eprintln!("{}: {hint}", tr!(lang, "output.hint"));
    }
}
