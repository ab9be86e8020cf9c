//! Items a ticket carries for someone to do, each with an owner and a due
//! time: review action items (`note --kind action --owner --due`, seed 001
//! 8.4) and the execution tasks a plan hands to other departments
//! (`task --department`, seed 000 执行落地). One rule says when an item of
//! either list is done, shared by the weekly agenda of `report` and the
//! `action_item` / `execution_task` clocks of `overdue`.

use chrono::{DateTime, FixedOffset};

use super::{Action, Event, NoteKind, Status};

type Instant = DateTime<FixedOffset>;

/// The two lists of items; each is numbered on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// Review action items: action notes.
    Review,
    /// Execution tasks: `task` events.
    Tasks,
}

impl List {
    /// An event of this list: an item or a done marker of one.
    fn holds(self, e: &Event) -> bool {
        match self {
            List::Review => e.action == Action::Note && e.kind == Some(NoteKind::Action),
            List::Tasks => e.action == Action::Task,
        }
    }

    /// An item of this list: an event of it that is not a done marker.
    pub fn is_item(self, e: &Event) -> bool {
        self.holds(e) && e.done_item.is_none()
    }

    /// A done marker of item `number` of this list.
    fn marks(self, e: &Event, number: usize) -> bool {
        self.holds(e) && e.done_item.is_some_and(|n| n as usize == number)
    }
}

/// A review action item: an action note that is not a done marker.
pub fn is_item(e: &Event) -> bool {
    List::Review.is_item(e)
}

/// The number of items of `list` in `history` (numbered from 1 in history
/// order; `note --kind action --done N` and `task --done N` refer to these
/// numbers).
pub fn count(list: List, history: &[Event]) -> usize {
    history.iter().filter(|e| list.is_item(e)).count()
}

/// When item `number` of `list` (owned by `owner`) was done, looking at the
/// events after it: the first that moves the ticket to `resolved` or
/// `closed` (whoever does it), marks the item done (`--done N`, whoever
/// records it), or is recorded by the owner (the actor's name equals
/// `--owner`) and is a move, an answered follow-up or a progress note.
pub fn done_at<'e>(
    list: List,
    number: usize,
    owner: Option<&str>,
    later: impl IntoIterator<Item = &'e Event>,
) -> Option<Instant> {
    later
        .into_iter()
        .find(|e| {
            let finishes = matches!(e.to, Some(Status::Resolved | Status::Closed));
            let marked = list.marks(e, number);
            let by_owner = owner.is_some_and(|o| o == e.by)
                && (e.is_move()
                    || (e.action == Action::Followup && !e.no_answer)
                    || (e.action == Action::Note && matches!(e.kind, None | Some(NoteKind::Progress))));
            finishes || marked || by_owner
        })
        .map(|e| e.at)
}

/// One item with its number and when it was done.
#[derive(Debug, Clone, PartialEq)]
pub struct Item<'e> {
    pub number: usize,
    pub event: &'e Event,
    pub done_at: Option<Instant>,
}

/// Every item of `list` in `events` (sorted by time), numbered, with its
/// done time by [`done_at`].
pub fn items<'e>(list: List, events: &[&'e Event]) -> Vec<Item<'e>> {
    let mut number = 0;
    let mut found = Vec::new();
    for (i, e) in events.iter().enumerate() {
        if list.is_item(e) {
            number += 1;
            let done_at = done_at(list, number, e.owner.as_deref(), events[i + 1..].iter().copied());
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

    fn task(at: &str, owner: &str) -> Event {
        let mut e = event(at, "lead", Action::Task);
        (e.owner, e.task_department) = (Some(owner.into()), Some("仓储部".into()));
        e
    }

    #[test]
    fn each_list_is_numbered_and_marked_on_its_own() {
        let mut task_marker = event("2026-11-17 10:00", "lead", Action::Task);
        task_marker.done_item = Some(1);
        let history = [item("2026-11-16 10:00", "张"), task("2026-11-16 11:00", "钱"), task_marker];
        let refs: Vec<&Event> = history.iter().collect();
        let done = |list| items(list, &refs).iter().map(|i| (i.number, i.done_at.is_some())).collect::<Vec<_>>();
        assert_eq!(done(List::Review), [(1, false)]);
        assert_eq!(done(List::Tasks), [(1, true)]);
        assert_eq!((count(List::Review, &history), count(List::Tasks, &history)), (1, 1));
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
        let done: Vec<(usize, Option<String>)> = items(List::Review, &refs)
            .iter()
            .map(|i| (i.number, i.done_at.map(|d| d.format("%d %H:%M").to_string())))
            .collect();
        assert_eq!(done, [(1, Some("18 10:00".into())), (2, Some("17 10:00".into())), (3, None)]);
        assert_eq!(count(List::Review, &history), 3);
    }
}
