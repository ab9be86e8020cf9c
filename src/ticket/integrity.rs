//! Whether a ticket's history can be trusted: the rules `check` reports and
//! every writer enforces before it appends an event. A writer that appended
//! to a history out of order, or decided a transition from a hand-edited
//! `status:`, would bury the inconsistency under a new, valid-looking event.

use super::{Action, Status, Ticket, merge};

/// What is wrong with the history itself: empty, not starting with
/// `created`, out of time order, a second `created`, or a move the lifecycle
/// does not allow (unless a merge reconciled it).
pub fn history_problems(ticket: &Ticket) -> Vec<String> {
    let mut problems = Vec::new();
    match ticket.history.first() {
        None => return vec!["history is empty".into()],
        Some(first) if first.action != Action::Created => problems.push("history does not start with `created`".into()),
        Some(_) => {}
    }
    for (i, pair) in ticket.history.windows(2).enumerate() {
        if pair[1].at < pair[0].at {
            problems.push(format!("history event {} is earlier than the one before it", i + 2));
        }
    }
    let mut status = Status::New;
    for (i, event) in ticket.history.iter().enumerate().skip(1) {
        if event.action == Action::Created {
            problems.push(format!("history event {} is a second `created`", i + 1));
        }
        if let Some(to) = event.to {
            let from = event.from.unwrap_or(status);
            if from != status && !merge::reconciled_by_merge(&ticket.history, i) {
                problems.push(format!("history event {} moves from {from} but the ticket was {status}", i + 1));
            } else if !from.can_move_to(to) {
                problems
                    .push(format!("history event {} moves {from} -> {to}, which the lifecycle does not allow", i + 1));
            }
            status = to;
        }
    }
    problems
}

/// Every reason a writer must not touch this ticket: the history problems,
/// then current fields that differ from what the history implies.
pub fn write_blockers(ticket: &Ticket) -> Vec<String> {
    let mut problems = history_problems(ticket);
    let wrong = ticket.inconsistent_fields();
    if !wrong.is_empty() {
        problems.push(format!("current field(s) differ from what history implies: {}", wrong.join(", ")));
    }
    problems
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::ticket::{Customer, Event};

    fn ticket() -> Ticket {
        let at = DateTime::parse_from_rfc3339("2026-11-23T09:00:00+08:00").unwrap();
        let mut created = Event::new(at, "wang", Action::Created);
        created.severity = Some("general".into());
        let customer = Customer::new("张三", "13812345678", None);
        Ticket::new("CP20261123001", "01JDXQ3M5Q6Z3Y0K8N4V2T7B9C", at, "phone", customer, "表带断裂", created)
    }

    fn later(ticket: &Ticket, minutes: i64, action: Action) -> Event {
        let at = ticket.history[0].at + chrono::Duration::minutes(minutes);
        Event::new(at, "li", action)
    }

    #[test]
    fn a_fresh_ticket_is_writable() {
        assert!(write_blockers(&ticket()).is_empty());
    }

    #[test]
    fn events_out_of_order_block_writes() {
        let mut t = ticket();
        let note = later(&t, 30, Action::Note);
        t.record(note);
        let early = later(&t, 10, Action::Note);
        t.history.push(early);
        assert_eq!(write_blockers(&t), ["history event 3 is earlier than the one before it"]);
    }

    #[test]
    fn a_hand_edited_status_blocks_writes() {
        let mut t = ticket();
        t.status = Status::Resolved;
        assert_eq!(write_blockers(&t), ["current field(s) differ from what history implies: status"]);
    }

    #[test]
    fn a_second_created_blocks_writes() {
        let mut t = ticket();
        let again = later(&t, 5, Action::Created);
        t.history.push(again);
        assert_eq!(write_blockers(&t), ["history event 2 is a second `created`"]);
    }
}
