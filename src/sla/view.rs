//! What the deadline engine reads of a ticket: its received time, its
//! severity now and the few facts of its history that start, meet, stop or
//! pause a clock. Made from a whole [`Ticket`] or from the cached
//! [`IndexEntry`] alike, so `overdue` computes deadlines without reading YAML.

use chrono::{DateTime, FixedOffset};

use super::stage_kinds::KindSet;
use crate::ticket::action::{self, List};
use crate::ticket::{self, Action, Confirms, Event, IndexEntry, NoteKind, Status, Ticket};

type Instant = DateTime<FixedOffset>;

/// A ticket as the deadline engine sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClockView {
    pub received_at: Instant,
    /// The current severity: applied from the original start (spec §5).
    pub severity: String,
    /// The events that matter to a clock, sorted by time (events at the same
    /// time keep their file order).
    pub events: Vec<ClockEvent>,
    /// Review action items with a due time (`note --kind action --due`).
    /// Only a whole ticket has them: a summary with an action note gives no
    /// view (see [`ClockView::of_summary`]).
    pub actions: Vec<ActionClock>,
    /// Execution tasks handed to other departments (`task`), like
    /// [`ClockView::actions`] only from a whole ticket.
    pub tasks: Vec<ActionClock>,
    /// Each severity the ticket was given and when, in time order (empty
    /// when it never changed). A breach under a severity in force keeps
    /// standing after a change.
    pub severities: Vec<(Instant, String)>,
    /// Since when more than one department is involved (seed 001 8.3): the
    /// first resolution clock may then use `multi_department`.
    pub several_departments_since: Option<Instant>,
    /// The kinds of every history event, in time order, for the configured
    /// stages (spec §5.1). Only a whole ticket has them: with stages
    /// configured, a summary gives no view (see `SlaPolicy::has_stages`).
    pub kinds: Vec<(Instant, KindSet)>,
}

/// An action item or an execution task as its clock sees it: set at `at`,
/// due at `due`, owned by `owner` (a task without an owner: its
/// department), done at `done_at` by the rule of `ticket::action::done_at`.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionClock {
    pub at: Instant,
    pub owner: String,
    /// The department an execution task is handed to.
    pub department: Option<String>,
    pub due: Instant,
    pub done_at: Option<Instant>,
}

/// One history event, reduced to what clocks look at. An event may be
/// several things at once (a follow-up that also closes the ticket).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClockEvent {
    pub at: Instant,
    /// The status it moved the ticket to.
    pub to: Option<Status>,
    /// A follow-up the customer answered (a `--no-answer` attempt is not).
    pub answered_followup: bool,
    /// A progress note (`note` of kind `progress` or of no kind).
    pub progress_note: bool,
    /// The time promised to the customer.
    pub promised_at: Option<Instant>,
    /// An escalation (`escalate`): meets the report of a veto.
    pub escalated: bool,
    /// A plan sent to the customer, with the time it is to be carried out
    /// by (`plan --execute-by`): starts an execution clock.
    pub execute_by: Option<Instant>,
    /// The customer refused the plan (`confirm plan --refused`): stops the
    /// plan's execution clock.
    pub plan_refused: bool,
    /// Execution reported done (`execute --done`): meets it.
    pub executed: bool,
}

impl ClockEvent {
    fn new(at: Instant, action: Action, to: Option<Status>, kind: Option<NoteKind>, no_answer: bool) -> ClockEvent {
        ClockEvent {
            execute_by: None,
            plan_refused: false,
            executed: action == Action::Executed,
            at,
            to,
            answered_followup: action == Action::Followup && !no_answer,
            progress_note: action == Action::Note && matches!(kind, None | Some(NoteKind::Progress)),
            promised_at: None,
            escalated: action == Action::Escalated,
        }
    }

    /// Whether any clock can notice the event; the others are left out of
    /// the view (dropping them keeps the order of the rest).
    fn matters(&self) -> bool {
        self.to.is_some()
            || self.answered_followup
            || self.progress_note
            || self.promised_at.is_some()
            || self.escalated
            || self.execute_by.is_some()
            || self.plan_refused
            || self.executed
    }

    /// Sets what only a plan and its answer carry.
    fn with_plan(
        mut self,
        action: Action,
        execute_by: Option<Instant>,
        confirms: Option<Confirms>,
        accepted: Option<bool>,
    ) -> ClockEvent {
        self.execute_by = execute_by.filter(|_| action == Action::PlanSent);
        self.plan_refused =
            action == Action::Confirmation && confirms == Some(Confirms::Plan) && accepted == Some(false);
        self
    }
}

impl From<&Event> for ClockEvent {
    fn from(e: &Event) -> ClockEvent {
        ClockEvent { promised_at: e.promised_at, ..ClockEvent::new(e.at, e.action, e.to, e.kind, e.no_answer) }
            .with_plan(e.action, e.execute_by, e.confirms, e.accepted)
    }
}

impl From<&ticket::ClockEvent> for ClockEvent {
    fn from(e: &ticket::ClockEvent) -> ClockEvent {
        ClockEvent { promised_at: e.promised_at, ..ClockEvent::new(e.at, e.action, e.to, e.kind, e.no_answer) }
            .with_plan(e.action, e.execute_by, e.confirms, e.accepted)
    }
}

impl ClockView {
    /// A view of events given in file order.
    pub fn new(received_at: Instant, severity: &str, events: impl Iterator<Item = ClockEvent>) -> ClockView {
        let mut events: Vec<ClockEvent> = events.filter(ClockEvent::matters).collect();
        // Stable: events recorded at the same time keep their file order.
        events.sort_by_key(|e| e.at);
        ClockView {
            received_at,
            severity: severity.to_string(),
            events,
            actions: Vec::new(),
            tasks: Vec::new(),
            severities: Vec::new(),
            several_departments_since: None,
            kinds: Vec::new(),
        }
    }

    /// The severities in force before the current one as of `now`, each
    /// with the time it was replaced; empty when the severity never changed.
    pub fn earlier_severities(&self, now: Instant) -> Vec<(&str, Instant)> {
        let known: Vec<&(Instant, String)> = self.severities.iter().filter(|(at, _)| *at <= now).collect();
        known.windows(2).filter(|w| w[0].1 != w[1].1).map(|w| (w[0].1.as_str(), w[1].0)).collect()
    }

    /// The view of a cached summary, without reading the ticket; `None` for
    /// a settled ticket, whose clock events the cache does not keep (an
    /// `--as-of` before it settled must read the file), and for a ticket
    /// with action items or execution tasks, whose owners and due times it
    /// does not keep.
    pub fn of_summary(summary: &IndexEntry) -> Option<ClockView> {
        let has_actions = summary.clock.iter().any(|e| e.kind == Some(NoteKind::Action) || e.action == Action::Task);
        if summary.settled_at.is_some() || has_actions {
            return None;
        }
        let mut view =
            ClockView::new(summary.received_at, &summary.severity, summary.clock.iter().map(ClockEvent::from));
        view.severities = severities(summary.clock.iter().map(|e| (e.at, e.severity.as_ref())));
        view.several_departments_since = summary.several_departments_since;
        Some(view)
    }

    /// The events recorded at or before `now` (the `--as-of` time).
    pub fn events_until(&self, now: Instant) -> &[ClockEvent] {
        &self.events[..self.events.partition_point(|e| e.at <= now)]
    }
}

impl From<&Ticket> for ClockView {
    fn from(ticket: &Ticket) -> ClockView {
        let mut view =
            ClockView::new(ticket.received_at, &ticket.severity, ticket.history.iter().map(ClockEvent::from));
        view.actions = action_clocks(&ticket.history, List::Review);
        view.tasks = action_clocks(&ticket.history, List::Tasks);
        view.severities = severities(ticket.history.iter().map(|e| (e.at, e.severity.as_ref())));
        view.several_departments_since = ticket::several_departments_since(&ticket.history);
        let mut kinds: Vec<(Instant, KindSet)> = ticket.history.iter().map(|e| (e.at, KindSet::of(e))).collect();
        kinds.sort_by_key(|(at, _)| *at);
        view.kinds = kinds;
        view
    }
}

/// Each severity set, with when, in time order (the same time: file order).
fn severities<'e>(set: impl Iterator<Item = (Instant, Option<&'e String>)>) -> Vec<(Instant, String)> {
    let mut severities: Vec<(Instant, String)> = set.filter_map(|(at, s)| Some((at, s?.clone()))).collect();
    severities.sort_by_key(|(at, _)| *at);
    severities
}

/// The items of `list` in `history` that have an owner (for a task: or a
/// department) and a due time.
fn action_clocks(history: &[Event], list: List) -> Vec<ActionClock> {
    let mut events: Vec<&Event> = history.iter().collect();
    events.sort_by_key(|e| e.at);
    action::items(list, &events)
        .into_iter()
        .filter_map(|item| {
            let department = item.event.task_department.clone();
            Some(ActionClock {
                at: item.event.at,
                owner: item.event.owner.clone().or_else(|| department.clone())?,
                department,
                due: item.event.due?,
                done_at: item.done_at,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_time;

    fn t(text: &str) -> Instant {
        parse_time(text, chrono_tz::Asia::Shanghai, "test").unwrap()
    }

    fn event(at: &str, action: Action) -> Event {
        Event::new(t(at), "li", action)
    }

    #[test]
    fn keeps_only_what_a_clock_notices_in_time_order() {
        let mut moved = event("2026-03-09 11:00", Action::Transition);
        moved.to = Some(Status::Processing);
        let mut internal = event("2026-03-09 10:30", Action::Note);
        internal.kind = Some(NoteKind::Internal);
        let mut unanswered = event("2026-03-09 12:00", Action::Followup);
        unanswered.no_answer = true;
        let progress = event("2026-03-09 10:30", Action::Note);
        let assigned = event("2026-03-09 10:00", Action::Assigned);
        let view = ClockView::new(
            t("2026-03-09 09:00"),
            "general",
            [&moved, &internal, &unanswered, &progress, &assigned].into_iter().map(ClockEvent::from),
        );
        let kept: Vec<(Instant, Option<Status>, bool)> =
            view.events.iter().map(|e| (e.at, e.to, e.progress_note)).collect();
        assert_eq!(
            kept,
            [(t("2026-03-09 10:30"), None, true), (t("2026-03-09 11:00"), Some(Status::Processing), false)]
        );
        assert_eq!(view.events_until(t("2026-03-09 10:59")).len(), 1);
        assert_eq!(view.events_until(t("2026-03-09 11:00")).len(), 2);
    }
}
