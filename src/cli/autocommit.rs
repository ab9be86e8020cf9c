//! Committing what a command wrote (`[git] auto_commit`, spec §8). A commit
//! that cannot be made is a warning, never an error: the ticket change is
//! already saved, and the warning says how to commit it by hand.

use std::path::PathBuf;

use super::Context;
use crate::store::Store;
use crate::store::git::{CommitMessage, Repo};
use crate::ticket::Event;

/// Commits `paths` when the store is in git, `auto_commit` is on and
/// `--no-commit` was not given.
pub fn commit(ctx: &Context, store: &Store, paths: &[PathBuf], message: &CommitMessage) {
    if ctx.global.no_commit || !store.config().git.auto_commit {
        return;
    }
    let Some(repo) = Repo::discover(store.root()) else { return };
    match repo.commit(paths, message) {
        Ok(hash) => ctx.info(format!("committed {hash}: {}", message.subject())),
        Err(e) => warn_not_committed(ctx, &e),
    }
}

/// Commits several new or changed tickets at once (an import, a repair):
/// one commit, a `Complaint-Id` trailer per ticket, so the audit search by
/// ID finds it like a single change.
pub fn commit_many(ctx: &Context, store: &Store, ids: &[String], subject: &str, action: &str, actor: &str) {
    if ids.is_empty() || ctx.global.no_commit || !store.config().git.auto_commit {
        return;
    }
    let Some(repo) = Repo::discover(store.root()) else { return };
    let paths: Vec<PathBuf> =
        ids.iter().filter_map(|id| store.parse_id(id).ok()).map(|id| store.path_of(&id)).collect();
    let mut trailers: Vec<(&str, &str)> = ids.iter().map(|id| ("Complaint-Id", id.as_str())).collect();
    trailers.extend([("Action", action), ("Actor", actor)]);
    let text = crate::store::git::message_text(subject, None, &trailers);
    match repo.commit_with_text(&paths, &text, &repo.commit_command(&paths, subject)) {
        Ok(hash) => ctx.info(format!("committed {hash}: {subject}")),
        Err(e) => warn_not_committed(ctx, &e),
    }
}

/// The warning for a commit that could not be made, with its hint.
pub fn warn_not_committed(ctx: &Context, e: &crate::error::Error) {
    ctx.warn(e);
    if let Some(hint) = e.hint() {
        eprintln!("hint: {hint}");
    }
}

/// The message of the commit that records `event` on ticket `id`.
pub fn message_for(id: &str, what: &str, event: &Event) -> CommitMessage {
    CommitMessage {
        id: id.to_string(),
        what: what.to_string(),
        action: event.action.id().to_string(),
        actor: event.by.clone(),
        note: event.note.clone().or_else(|| event.reason.clone()).or_else(|| event.comment.clone()),
    }
}
