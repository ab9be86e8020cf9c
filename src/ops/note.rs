//! Note: progress, an internal remark, or an action item (seed 001 8.4).

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

use super::{Change, Stamp, optional_text, required_text};
use crate::config::Config;
use crate::error::{Refusal, Result};
use crate::lang::words::Words;
use crate::ticket::{Action, Event, NoteKind, Ticket, action};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteInput {
    pub message: String,
    #[serde(default = "progress")]
    pub kind: NoteKind,
    pub owner: Option<String>,
    /// A bare date means the end of that day.
    pub due: Option<String>,
    /// Marks the ticket's action item number N (1-based, history order) done.
    pub done: Option<u32>,
    pub at: Option<String>,
}

fn progress() -> NoteKind {
    NoteKind::Progress
}

impl NoteInput {
    /// What can be refused before the ticket is read: an owner and a due
    /// time belong to action items, an action item has an owner, a done
    /// marker has neither.
    pub fn check_given(&self) -> Result<()> {
        if self.done.is_some() {
            let fields_given = self.owner.is_some() || self.due.is_some() || self.kind == NoteKind::Internal;
            return if fields_given { Err(Refusal::DoneMarkerFields.into()) } else { Ok(()) };
        }
        if self.kind != NoteKind::Action && (self.owner.is_some() || self.due.is_some()) {
            return Err(Refusal::OwnerWithoutAction.into());
        }
        if self.kind == NoteKind::Action && self.owner.is_none() {
            return Err(Refusal::ActionNeedsOwner.into());
        }
        Ok(())
    }
}

pub fn note(ticket: &Ticket, config: &Config, input: &NoteInput, stamp: Stamp) -> Result<Change> {
    input.check_given()?;
    let max = config.limits.max_text_bytes;
    let text = required_text("message", &input.message, true, max)?;
    if let Some(number) = input.done {
        return done_marker(ticket, config, number, text, stamp);
    }
    let owner = optional_text("owner", input.owner.as_deref(), false, max)?;
    let due = input.due.as_deref().map(|d| parse_due(d, config, stamp.at)).transpose()?;
    let mut event = Event::new(stamp.at, &stamp.by, Action::Note);
    event.kind = Some(input.kind);
    event.note = Some(text);
    event.owner = owner;
    event.due = due;
    Ok(Change::new(event, Words::new("change.note_added").with_pick("kind", kind_label(input.kind), input.kind.id())))
}

/// A kind of note in Chinese, for the confirmation line.
fn kind_label(kind: NoteKind) -> &'static str {
    match kind {
        NoteKind::Progress => "进展",
        NoteKind::Internal => "内部",
        NoteKind::Action => "待办",
    }
}

/// `--done N`: an action note marking item N done; refused when there is
/// no item N or it is done already (by a marker, the ticket's resolution or
/// its owner's own step: the done rule of `ticket::action`, which the weekly
/// agenda and `overdue` share).
fn done_marker(ticket: &Ticket, config: &Config, number: u32, text: String, stamp: Stamp) -> Result<Change> {
    let mut events: Vec<&Event> = ticket.history.iter().collect();
    events.sort_by_key(|e| e.at);
    let items = action::items(action::List::Review, &events);
    let Some(item) = items.get((number as usize).wrapping_sub(1)) else {
        return Err(Refusal::NoSuchActionItem { id: ticket.id.clone(), number, items: items.len() }.into());
    };
    if let Some(done) = item.done_at {
        let at = crate::time::format_local(&done, config.zone());
        return Err(Refusal::ActionItemAlreadyDone { id: ticket.id.clone(), number, at }.into());
    }
    let mut event = Event::new(stamp.at, &stamp.by, Action::Note);
    event.kind = Some(NoteKind::Action);
    event.note = Some(text);
    event.done_item = Some(number);
    Ok(Change::new(event, Words::new("change.action_done").with("number", number)))
}

/// A bare date (`2026-11-25`, `后天`) means the end of that day (24:00),
/// like a period's last day; `+2wd` counts working days from the note.
/// Shared with `task --due`.
pub(super) fn parse_due(text: &str, config: &Config, now: DateTime<FixedOffset>) -> Result<DateTime<FixedOffset>> {
    super::when::deadline_by_day_end(text, config, now, "due")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::ops::fixtures::{at, config, stamp, ticket};

    fn input(kind: NoteKind, owner: Option<&str>, due: Option<&str>) -> NoteInput {
        NoteInput {
            message: "已联系客户".into(),
            kind,
            owner: owner.map(str::to_string),
            due: due.map(str::to_string),
            done: None,
            at: None,
        }
    }

    fn action_items(owners: &[&str]) -> Ticket {
        let mut ticket = ticket();
        for owner in owners {
            let mut item = Event::new(at("2026-11-23 09:00"), "lead", Action::Note);
            item.kind = Some(NoteKind::Action);
            item.owner = Some(owner.to_string());
            ticket.history.push(item);
        }
        ticket
    }

    #[test]
    fn done_marks_an_existing_item() {
        let ticket = action_items(&["张仓管", "赵财务"]);
        let done = NoteInput { done: Some(2), ..input(NoteKind::Progress, None, None) };
        let change = note(&ticket, &config(), &done, stamp("2026-11-23 10:00")).unwrap();
        assert_eq!((change.event.kind, change.event.done_item), (Some(NoteKind::Action), Some(2)));
        assert_eq!(change.what, "action item 2 done");
        let missing = NoteInput { done: Some(3), ..input(NoteKind::Action, None, None) };
        let got = note(&ticket, &config(), &missing, stamp("2026-11-23 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::NoSuchActionItem { number: 3, items: 2, .. }))));
        let with_owner = NoteInput { done: Some(1), ..input(NoteKind::Action, Some("王经理"), None) };
        let got = note(&ticket, &config(), &with_owner, stamp("2026-11-23 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::DoneMarkerFields))));
    }

    #[test]
    fn an_item_done_already_is_refused_once_more() {
        let mut ticket = action_items(&["张仓管", "赵财务"]);
        let done = NoteInput { done: Some(1), ..input(NoteKind::Action, None, None) };
        let change = note(&ticket, &config(), &done, stamp("2026-11-23 10:00")).unwrap();
        ticket.history.push(change.event);
        let again = note(&ticket, &config(), &done, stamp("2026-11-23 11:00"));
        let Err(Error::Refused(refusal)) = again else { panic!("{again:?}") };
        assert_eq!(refusal.to_string(), "action item 1 of CP20261123001 is already done (at 2026-11-23 10:00)",);
        // Item 2 is still open.
        let second = NoteInput { done: Some(2), ..done };
        assert!(note(&ticket, &config(), &second, stamp("2026-11-23 11:00")).is_ok());
    }

    #[test]
    fn an_action_item_needs_an_owner() {
        let got = note(&ticket(), &config(), &input(NoteKind::Action, None, None), stamp("2026-11-23 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::ActionNeedsOwner))));
    }

    #[test]
    fn owner_and_due_belong_to_action_items() {
        let got =
            note(&ticket(), &config(), &input(NoteKind::Progress, Some("王经理"), None), stamp("2026-11-23 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::OwnerWithoutAction))));
    }

    #[test]
    fn a_bare_due_date_means_the_end_of_that_day() {
        let item = input(NoteKind::Action, Some("王经理"), Some("2026-11-30"));
        let change = note(&ticket(), &config(), &item, stamp("2026-11-23 10:00")).unwrap();
        assert_eq!(change.event.due, Some(at("2026-12-01 00:00")));
        assert_eq!(change.what, "action note added");
    }

    #[test]
    fn the_kind_defaults_to_progress_in_json() {
        let input: NoteInput = serde_json::from_str(r#"{"message": "已回电"}"#).unwrap();
        assert_eq!(input.kind, NoteKind::Progress);
    }
}
