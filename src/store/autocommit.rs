//! Committing what a change wrote (`[git] auto_commit`, spec §8). A commit
//! that cannot be made is not an error of the change, which is already
//! saved: it is returned as [`CommitOutcome::Failed`] for the door to warn.

use std::path::PathBuf;

use super::Store;
use super::git::{CommitMessage, Repo};
use crate::error::Error;
use crate::ticket::Event;

/// Whether a change may be committed: `Never` for `--no-commit`; `Auto`
/// follows `[git] auto_commit` and whether the store is in git.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitPolicy {
    Auto,
    Never,
}

/// What became of the commit of a change.
#[derive(Debug)]
pub enum CommitOutcome {
    Committed {
        hash: String,
        subject: String,
    },
    /// Not asked for (`--no-commit`, `auto_commit` off) or not in git.
    Skipped,
    /// The change is saved but not committed.
    Failed(Error),
}

impl Store {
    fn commit_repo(&self, policy: CommitPolicy) -> Option<Repo> {
        if policy == CommitPolicy::Never || !self.config().git.auto_commit {
            return None;
        }
        Repo::discover(self.root())
    }

    /// Commits `paths` with `message`.
    pub fn commit_paths(&self, policy: CommitPolicy, paths: &[PathBuf], message: &CommitMessage) -> CommitOutcome {
        let Some(repo) = self.commit_repo(policy) else { return CommitOutcome::Skipped };
        match repo.commit(paths, message) {
            Ok(hash) => CommitOutcome::Committed { hash, subject: message.subject() },
            Err(e) => CommitOutcome::Failed(e),
        }
    }

    /// Commits several new or changed tickets at once (an import, a
    /// repair): one commit, a `Complaint-Id` trailer per ticket, so the
    /// audit search by ID finds it like a single change.
    pub fn commit_tickets(
        &self,
        policy: CommitPolicy,
        ids: &[String],
        subject: &str,
        action: &str,
        actor: &str,
    ) -> CommitOutcome {
        if ids.is_empty() {
            return CommitOutcome::Skipped;
        }
        let Some(repo) = self.commit_repo(policy) else { return CommitOutcome::Skipped };
        let paths: Vec<PathBuf> =
            ids.iter().filter_map(|id| self.parse_id(id).ok()).map(|id| self.path_of(&id)).collect();
        match repo.commit_tickets(&paths, ids, subject, None, (action, actor)) {
            Ok(hash) => CommitOutcome::Committed { hash, subject: subject.to_string() },
            Err(e) => CommitOutcome::Failed(e),
        }
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
