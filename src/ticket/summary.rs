//! The compact form of a ticket the scanning commands work from: what
//! `list` and `overdue` show and filter on, and the few history facts SLA
//! clocks run on. Small enough to cache and to hold 100 000 of in memory
//! (spec §9); the full ticket is read from its file only when needed.

use chrono::{DateTime, FixedOffset};

use super::{Action, Confirms, Event, NoteKind, Status, Ticket};

type Instant = DateTime<FixedOffset>;

/// A ticket's entry in the index cache and in the scans of `list` and
/// `overdue`. (Not the ticket's `summary` text, nor the report's
/// `TicketSummary`.)
#[derive(Debug, Clone, PartialEq)]
pub struct IndexEntry {
    pub id: String,
    pub received_at: Instant,
    pub channel: String,
    pub customer_name: String,
    pub customer_contact: String,
    pub customer_id: Option<String>,
    /// The product, for `list --product` (drill-down from the frequent
    /// complaint points of `report`).
    pub product: Option<String>,
    pub summary: String,
    pub category: Option<String>,
    pub severity: String,
    pub department: Option<String>,
    pub departments_involved: Vec<String>,
    pub assignee: Option<String>,
    pub escalated: bool,
    pub status: Status,
    pub last_event_at: Option<Instant>,
    /// Set when the history ends in `closed`: the time of its latest event.
    /// As of that time or later every SLA target of the ticket is settled
    /// (met, breached or stopped), so `overdue` can skip it unread.
    pub settled_at: Option<Instant>,
    /// Since when more than one department has been involved (see
    /// [`several_departments_since`]); the resolution target uses the
    /// `multi_department` duration then.
    pub several_departments_since: Option<Instant>,
    /// The events SLA targets are computed from (moves, notes, follow-ups,
    /// promises), in file order. Empty for a settled ticket: an `--as-of`
    /// before `settled_at` reads the file instead.
    pub clock: Vec<ClockEvent>,
}

/// The part of a history event that SLA clocks look at.
#[derive(Debug, Clone, PartialEq)]
pub struct ClockEvent {
    pub at: Instant,
    pub action: Action,
    pub to: Option<Status>,
    pub kind: Option<NoteKind>,
    pub no_answer: bool,
    pub promised_at: Option<Instant>,
    /// The severity a `classify` or `diagnose` set: a breach under an
    /// earlier severity stands (spec §5.1).
    pub severity: Option<String>,
    /// When a plan sent is to be carried out by (the execution clock).
    pub execute_by: Option<Instant>,
    /// What a confirmation answers, and the answer (a refused plan stops
    /// its execution clock).
    pub confirms: Option<Confirms>,
    pub accepted: Option<bool>,
}

/// When the ticket first had more than one department involved: its
/// department (`assign --department`) and those added by `assign --also`,
/// replayed in time order (events at the same time in file order). A
/// hand-over replaces the department; an involved one stays involved.
pub fn several_departments_since(history: &[Event]) -> Option<Instant> {
    let mut events: Vec<&Event> = history.iter().collect();
    events.sort_by_key(|e| e.at);
    let mut department: Option<&str> = None;
    let mut also: Vec<&str> = Vec::new();
    for e in events {
        department = e.department.as_deref().or(department);
        for d in &e.also {
            if !also.contains(&d.as_str()) {
                also.push(d);
            }
        }
        let others = also.iter().filter(|d| Some(**d) != department).count();
        if others + usize::from(department.is_some()) > 1 {
            return Some(e.at);
        }
    }
    None
}

impl ClockEvent {
    /// Whether SLA targets can be affected by the event (`sla::ClockView`
    /// is made of these). Dropping the others keeps the relative order of
    /// the rest, which is all the target computation depends on.
    fn drives_clocks(event: &Event) -> bool {
        event.to.is_some()
            || event.promised_at.is_some()
            || event.severity.is_some()
            || matches!(
                event.action,
                Action::Note
                    | Action::Followup
                    | Action::Escalated
                    | Action::PlanSent
                    | Action::Executed
                    | Action::Confirmation
                    | Action::Task
            )
    }

    fn of(event: &Event) -> ClockEvent {
        ClockEvent {
            at: event.at,
            action: event.action,
            to: event.to,
            kind: event.kind,
            no_answer: event.no_answer,
            promised_at: event.promised_at,
            severity: event.severity.clone(),
            execute_by: event.execute_by,
            confirms: event.confirms,
            accepted: event.accepted,
        }
    }
}

impl IndexEntry {
    pub fn of(ticket: &Ticket) -> IndexEntry {
        // The status the history ends in, in the order `ticket_targets`
        // replays it (stable sort by time).
        let mut moves: Vec<&Event> = ticket.history.iter().filter(|e| e.to.is_some()).collect();
        moves.sort_by_key(|e| e.at);
        let ends_closed = moves.last().and_then(|e| e.to) == Some(Status::Closed);
        let last_event_at = ticket.last_event_at();
        let settled_at = if ends_closed { last_event_at } else { None };
        let clock = if settled_at.is_some() {
            Vec::new()
        } else {
            ticket.history.iter().filter(|e| ClockEvent::drives_clocks(e)).map(ClockEvent::of).collect()
        };
        IndexEntry {
            id: ticket.id.clone(),
            received_at: ticket.received_at,
            channel: ticket.channel.clone(),
            customer_name: ticket.customer.name.clone(),
            customer_contact: ticket.customer.contact.clone(),
            customer_id: ticket.customer.id.clone(),
            product: ticket.product.clone(),
            summary: ticket.summary.clone(),
            category: ticket.category.clone(),
            severity: ticket.severity.clone(),
            department: ticket.department.clone(),
            departments_involved: ticket.departments_involved.clone(),
            assignee: ticket.assignee.clone(),
            escalated: ticket.escalated,
            status: ticket.status,
            last_event_at,
            settled_at,
            several_departments_since: several_departments_since(&ticket.history),
            clock,
        }
    }

    /// No SLA target of the ticket can be pending or overdue as of `as_of`.
    pub fn settled_by(&self, as_of: Instant) -> bool {
        self.settled_at.is_some_and(|at| at <= as_of)
    }
}
