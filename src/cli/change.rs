//! The shared shape of every command that changes a ticket: lock the store,
//! load, validate, append one event, write atomically, report.

use chrono::{DateTime, FixedOffset};
use clap::Args;

use super::Context;
use super::output;
use crate::error::{Error, Result};
use crate::report::mask::Masker;
use crate::store::{Store, StoreLock};
use crate::ticket::{Action, Event, Ticket, integrity, text};
use crate::time;

/// Flags every changing command shares.
#[derive(Debug, Args)]
pub struct ChangeArgs {
    /// Back-date the action (never before the ticket's previous event), e.g. "2026-11-23 09:40"
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
}

/// A ticket loaded under the store lock, ready for one more event.
pub struct Change {
    pub store: Store,
    pub ticket: Ticket,
    pub at: DateTime<FixedOffset>,
    pub by: String,
    _lock: StoreLock,
}

impl Change {
    pub fn begin(ctx: &Context, id_text: &str, change: &ChangeArgs) -> Result<Change> {
        let store = ctx.open_store()?;
        let id = store.parse_id(id_text)?;
        let zone = store.config().zone();
        let lock = store.lock()?;
        // "Now" is read only once the lock is held: a command that waited for
        // the lock must not stamp its event before the one it waited for.
        let now = ctx.now(zone)?;
        let ticket = store.load(&id)?;
        let problems = integrity::write_blockers(&ticket);
        if !problems.is_empty() {
            let path = store.path_of(&id);
            return Err(Error::InconsistentTicket {
                id: ticket.id,
                path: store.display_path(&path).into_owned().into(),
                problems,
            });
        }
        let at = match &change.at {
            Some(text) => time::in_zone(time::parse_time(text, zone, "--at")?, zone),
            None => now,
        };
        if at > now {
            return Err(Error::AtInFuture { at: time::format_instant(&at), now: time::format_instant(&now) });
        }
        if let Some(last) = ticket.last_event_at().filter(|last| at < *last) {
            let what = if change.at.is_some() { "--at" } else { "now (--now / COMPLAINT_NOW)" };
            return Err(Error::BackdateTooEarly {
                what,
                at: time::format_instant(&at),
                last: time::format_instant(&last),
            });
        }
        let by = ctx.actor(&store)?;
        Ok(Change { store, ticket, at, by, _lock: lock })
    }

    pub fn event(&self, action: Action) -> Event {
        Event::new(self.at, &self.by, action)
    }

    /// Appends `event`, writes the file and tells the user `message`.
    pub fn commit(mut self, ctx: &Context, event: Event, message: &str) -> Result<Ticket> {
        let git_message = super::autocommit::message_for(&self.ticket.id, message, &event);
        self.ticket.record(event);
        self.store.save(&self.ticket)?;
        ctx.info(format!("{}: {message}", self.ticket.id));
        let path = self.store.path_of(&self.store.parse_id(&self.ticket.id)?);
        super::autocommit::commit(ctx, &self.store, &[path], &git_message);
        if ctx.global.json {
            let masker = Masker { mask: true };
            output::print_json(&serde_json::json!({
                "schema": output::JSON_SCHEMA,
                "ticket": output::ticket_json(&self.ticket, self.store.config(), &masker),
            }))?;
        }
        Ok(self.ticket)
    }
}

/// Checks and normalises a free-text field: CRLF becomes LF, surrounding
/// blanks go, the characters crate::ticket::text refuses are refused
/// (line breaks and tabs only where `multiline`), and the length is capped.
pub fn clean_text(field: &str, value: &str, multiline: bool, max: usize) -> Result<String> {
    let value = value.replace("\r\n", "\n");
    let value = value.trim();
    if multiline {
        text::check_multi_line(field, value)?;
    } else {
        text::check_one_line(field, value)?;
    }
    if value.len() > max {
        return Err(Error::TooLong { field: field.to_string(), len: value.len(), max });
    }
    Ok(value.to_string())
}

/// Like [`clean_text`], and refuses an empty result.
pub fn required_text(field: &str, value: &str, multiline: bool, max: usize) -> Result<String> {
    let value = clean_text(field, value, multiline, max)?;
    if value.is_empty() {
        return Err(Error::EmptyField { field: field.to_string() });
    }
    Ok(value)
}

/// An optional text flag: absent stays absent, present must not be empty.
pub fn optional_text(field: &str, value: Option<&str>, multiline: bool, max: usize) -> Result<Option<String>> {
    value.map(|v| required_text(field, v, multiline, max)).transpose()
}
