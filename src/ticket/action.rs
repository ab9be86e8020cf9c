//! Review action items (`note --kind action --owner --due`, seed 001 8.4)
//! and the one rule that says when an item is done, shared by the weekly
//! agenda of `report` and the `action_item` clock of `overdue`.

use chrono::{DateTime, FixedOffset};

use super::{Action, Event, NoteKind, Status};

type Instant = DateTime<FixedOffset>;

/// An action item: an action note that is not a done marker.
pub fn is_item(e: &Event) -> bool {
    e.action == Action::Note && e.kind == Some(NoteKind::Action) && e.done_item.is_none()
}

/// The number of action items in `history` (numbered from 1 in history
/// order; `note --kind action --done N` refers to these numbers).
pub fn count(history: &[Event]) -> usize {
    history.iter().filter(|e| is_item(e)).count()
}

/// When item `number` (owned by `owner`) was done, looking at the events
/// after it: the first that moves the ticket to `resolved` or `closed`
/// (whoever does it), marks the item done (`--done N`, whoever records it),
/// or is recorded by the owner (the actor's name equals `--owner`) and is a
/// move, an answered follow-up or a progress note.
pub fn done_at<'e>(number: usize, owner: Option<&str>, later: impl IntoIterator<Item = &'e Event>) -> Option<Instant> {
    later
        .into_iter()
        .find(|e| {
            let finishes = matches!(e.to, Some(Status::Resolved | Status::Closed));
            let marked = e.done_item.is_some_and(|n| n as usize == number);
            let by_owner = owner.is_some_and(|o| o == e.by)
                && (e.is_move()
                    || (e.action == Action::Followup && !e.no_answer)
                    || (e.action == Action::Note && matches!(e.kind, None | Some(NoteKind::Progress))));
            finishes || marked || by_owner
        })
        .map(|e| e.at)
}

/// One action item with its number and when it was done.
#[derive(Debug, Clone, PartialEq)]
pub struct Item<'e> {
    pub number: usize,
    pub event: &'e Event,
    pub done_at: Option<Instant>,
}

/// Every action item of `events` (sorted by time), numbered, with its done
/// time by [`done_at`].
pub fn items<'e>(events: &[&'e Event]) -> Vec<Item<'e>> {
    let mut number = 0;
    let mut found = Vec::new();
    for (i, e) in events.iter().enumerate() {
        if is_item(e) {
            number += 1;
            let done_at = done_at(number, e.owner.as_deref(), events[i + 1..].iter().copied());
            found.push(Item { number, event: e, done_at });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_time;

    fn event(at: &str, by: &str, action: Action) -> Event {
        Event::new(parse_time(at, chrono_tz::Asia::Shanghai, "test").unwrap(), by, action)
    }

    fn item(at: &str, owner: &str) -> Event {
        let mut e = event(at, "lead", Action::Note);
        e.kind = Some(NoteKind::Action);
        e.owner = Some(owner.into());
        e
    }

    #[test]
    fn items_are_numbered_and_done_by_marker_owner_or_finish() {
        let mut marker = event("2026-11-17 10:00", "lead", Action::Note);
        marker.kind = Some(NoteKind::Action);
        marker.done_item = Some(2);
        let mut owner_note = event("2026-11-18 10:00", "张", Action::Note);
        owner_note.kind = Some(NoteKind::Progress);
        let mut other_note = event("2026-11-18 11:00", "李", Action::Note);
        other_note.kind = Some(NoteKind::Progress);
        let history = [
            item("2026-11-16 10:00", "张"),
            item("2026-11-16 10:00", "赵"),
            item("2026-11-16 10:00", "钱"),
            marker,
            owner_note,
            other_note,
        ];
        let refs: Vec<&Event> = history.iter().collect();
        let done: Vec<(usize, Option<String>)> =
            items(&refs).iter().map(|i| (i.number, i.done_at.map(|d| d.format("%d %H:%M").to_string()))).collect();
        assert_eq!(done, [(1, Some("18 10:00".into())), (2, Some("17 10:00".into())), (3, None)]);
        assert_eq!(count(&history), 3);
    }
}
