//! Applying one change to one ticket, for every door: lock, read "now",
//! load, refuse an inconsistent file, run the operation, write atomically,
//! commit. The operation itself (the rules) is `crate::ops`.

use chrono::{DateTime, FixedOffset};

use super::Store;
use super::autocommit::{CommitOutcome, CommitPolicy, message_for};
use crate::error::{Error, Result};
use crate::ticket::{Event, Ticket, TicketId, integrity};

/// What an operation asks to record: the event and the words describing
/// it (the commit subject).
pub type Entry = (Event, String);

/// A change as applied.
#[derive(Debug)]
pub struct Applied {
    /// The ticket as saved (as loaded when nothing was recorded).
    pub ticket: Ticket,
    /// The description of what was recorded; `None` when the operation
    /// found nothing to change and nothing was written.
    pub what: Option<String>,
    pub commit: CommitOutcome,
}

impl Store {
    /// Runs `op` on ticket `id` under the store lock and records the event
    /// it returns. `clock` is read once the lock is held: a change that
    /// waited for the lock must not be stamped before the one it waited
    /// for. `op` gets the ticket and that "now"; it may change the fields
    /// an edit owns, and returns `None` when there is nothing to record.
    pub fn apply(
        &self,
        id: &TicketId,
        policy: CommitPolicy,
        clock: impl FnOnce() -> Result<DateTime<FixedOffset>>,
        op: impl FnOnce(&mut Ticket, DateTime<FixedOffset>) -> Result<Option<Entry>>,
    ) -> Result<Applied> {
        self.apply_writing(id, policy, clock, op, |_, _| Ok(Vec::new()))
    }

    /// [`Store::apply`] for a change that also writes files of its own
    /// (an attachment's copy): `write` runs under the lock once the
    /// operation has returned its event and before the ticket is saved, so
    /// an event is never on disk without its file (a file without its event
    /// is harmless: `check` reports it as unreferenced). The paths it
    /// returns are committed with the ticket.
    pub fn apply_writing(
        &self,
        id: &TicketId,
        policy: CommitPolicy,
        clock: impl FnOnce() -> Result<DateTime<FixedOffset>>,
        op: impl FnOnce(&mut Ticket, DateTime<FixedOffset>) -> Result<Option<Entry>>,
        write: impl FnOnce(&Ticket, &Event) -> Result<Vec<std::path::PathBuf>>,
    ) -> Result<Applied> {
        let _lock = self.lock()?;
        let now = clock()?;
        let mut ticket = self.load(id)?;
        self.refuse_inconsistent(id, &ticket)?;
        let Some((event, what)) = op(&mut ticket, now)? else {
            return Ok(Applied { ticket, what: None, commit: CommitOutcome::Skipped });
        };
        let message = message_for(&ticket.id, &what, &event);
        let mut paths = write(&ticket, &event)?;
        ticket.record(event);
        self.save(&ticket)?;
        // The ticket's own path: `id` may name one that `check --fix`
        // renumbered. Committed under the lock, in the order of the writes.
        paths.push(self.path_of(&self.parse_id(&ticket.id)?));
        let commit = self.commit_paths(policy, &paths, &message);
        Ok(Applied { ticket, what: Some(what), commit })
    }

    /// A ticket whose history `check` rejects takes no further event.
    fn refuse_inconsistent(&self, id: &TicketId, ticket: &Ticket) -> Result<()> {
        let problems = integrity::write_blockers(ticket);
        if problems.is_empty() {
            return Ok(());
        }
        let path = self.path_of(id);
        Err(Error::InconsistentTicket {
            id: ticket.id.clone(),
            path: self.display_path(&path).into_owned().into(),
            problems,
        })
    }
}
