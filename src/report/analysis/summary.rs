//! The compact facts of one ticket that reports and exports need, computed
//! once per ticket (times, breaches, satisfaction, reopens, action items).
//! Aggregation then runs over these summaries in a single pass, so they can
//! later come from an index cache instead of the YAML files.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};

use crate::sla::SlaPolicy;
use crate::sla::{self, Calendar, Charges, Holder, TargetKind, TargetState};
use crate::ticket::{Action, Derived, Event, Status, Ticket, action};

type Instant = DateTime<FixedOffset>;

/// A duration both in wall-clock time and in working time (inside work hours).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub wall: Duration,
    pub work: Duration,
}

impl Span {
    pub fn wall_hours(&self) -> f64 {
        self.wall.num_seconds() as f64 / 3600.0
    }

    pub fn work_hours(&self) -> f64 {
        self.work.num_seconds() as f64 / 3600.0
    }
}

/// One SLA target, reduced to what reports count.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetFact {
    pub kind: TargetKind,
    pub cycle: usize,
    pub due: Instant,
    pub state: TargetState,
    /// Who held the ticket when the deadline passed: charged with a breach.
    pub charged: Holder,
    /// From the clock's start to the target being met (on time or late).
    pub took: Option<Span>,
}

/// An answered follow-up (回访).
#[derive(Debug, Clone, PartialEq)]
pub struct FollowupFact {
    pub at: Instant,
    pub score: u32,
    pub scale: u32,
    pub satisfied: bool,
    pub comment: Option<String>,
    /// Dimension name and its score normalised to 0–100.
    pub dimensions: Vec<(String, f64)>,
    /// Who made the call (credited with it).
    pub caller: String,
    /// Who resolved what was scored (the score is theirs, a veto too).
    pub resolver: Holder,
}

impl FollowupFact {
    /// The score on a 0–100 scale: score / scale × 100.
    pub fn normalised(&self) -> f64 {
        normalise(self.score, self.scale)
    }
}

pub fn normalise(score: u32, scale: u32) -> f64 {
    if scale == 0 { 0.0 } else { f64::from(score) / f64::from(scale) * 100.0 }
}

/// An action item from the weekly review (`note --kind action`), and when
/// it was done by the rule of [`done_at`].
#[derive(Debug, Clone, PartialEq)]
pub struct ActionItem {
    pub ticket: String,
    pub at: Instant,
    pub by: String,
    pub owner: Option<String>,
    pub due: Option<Instant>,
    pub text: String,
    pub done_at: Option<Instant>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TicketSummary {
    pub id: String,
    pub received_at: Instant,
    pub received_day: NaiveDate,
    pub channel: String,
    pub category: Option<String>,
    pub severity: String,
    pub status: Status,
    pub department: Option<String>,
    pub assignee: Option<String>,
    pub involved_staff: Vec<String>,
    pub product: Option<String>,
    pub cause: Option<String>,
    pub summary: String,
    pub escalated: bool,
    /// The first move out of `new`.
    pub first_response_at: Option<Instant>,
    pub first_response: Option<Span>,
    /// The latest `resolved`, when the ticket is resolved or closed now
    /// (a reopened ticket has no resolution time until resolved again).
    pub resolved_at: Option<Instant>,
    pub resolution: Option<Span>,
    /// Reached `resolved` at least once: owes a follow-up.
    pub ever_resolved: bool,
    /// One entry per reopen: the handler charged with the failed resolution
    /// (seed 001 8.6), i.e. the assignee and department when it was resolved.
    pub reopens: Vec<Holder>,
    /// The agent who took the complaint (the `created` event's actor).
    pub receiver: Option<String>,
    /// Everyone who held the ticket (was its assignee) at some time.
    pub held_by: Vec<String>,
    /// Every answered follow-up, each with its caller and resolver.
    pub followups: Vec<FollowupFact>,
    pub targets: Vec<TargetFact>,
    /// The latest answered follow-up.
    pub satisfaction: Option<FollowupFact>,
    /// Every answered follow-up the customer was not satisfied with.
    pub unsatisfied: Vec<FollowupFact>,
    pub actions: Vec<ActionItem>,
}

impl TicketSummary {
    /// The summary of `ticket` as of `as_of`: events after it are ignored.
    pub fn of(ticket: &Ticket, cal: &Calendar, sla_config: &SlaPolicy, as_of: Instant) -> TicketSummary {
        let mut events: Vec<&Event> = ticket.history.iter().filter(|e| e.at <= as_of).collect();
        events.sort_by_key(|e| e.at);
        let derived = if events.len() == ticket.history.len() {
            ticket.derived()
        } else {
            let owned: Vec<Event> = events.iter().map(|e| (*e).clone()).collect();
            Derived::from_history(&owned)
        };
        let status = derived.status.unwrap_or(Status::New);
        let span = |end: Instant| Span {
            wall: end - ticket.received_at,
            work: cal.business_time_between(ticket.received_at, end),
        };
        let first_response_at = events.iter().find(|e| e.is_move()).map(|e| e.at);
        let last_resolved = events.iter().rev().find(|e| e.to == Some(Status::Resolved)).map(|e| e.at);
        let resolved_at = last_resolved.filter(|_| matches!(status, Status::Resolved | Status::Closed));
        let charges = Charges::of(events.iter().copied());
        // Action items are review tasks, not the ticket's SLA: the agenda
        // reports them with their own states (done, done late, overdue).
        let targets = sla::ticket_targets(cal, sla_config, ticket, as_of)
            .into_iter()
            .filter(|t| t.kind != TargetKind::ActionItem)
            .map(|t| TargetFact {
                kind: t.kind,
                cycle: t.cycle,
                due: t.due.at,
                state: t.state,
                charged: charges.breach(&t),
                took: t.met_at.map(|met| Span { wall: met - t.start, work: cal.business_time_between(t.start, met) }),
            })
            .collect();
        let followups: Vec<FollowupFact> = events.iter().filter_map(|e| followup(e, &charges)).collect();
        TicketSummary {
            id: ticket.id.clone(),
            received_at: ticket.received_at,
            received_day: ticket.received_at.with_timezone(&cal.zone()).date_naive(),
            channel: ticket.channel.clone(),
            category: derived.category,
            severity: derived.severity.unwrap_or_else(|| ticket.severity.clone()),
            status,
            department: derived.department,
            assignee: derived.assignee,
            involved_staff: derived.involved_staff,
            product: ticket.product.clone(),
            cause: derived.cause,
            summary: ticket.summary.clone(),
            escalated: derived.escalated,
            first_response_at,
            first_response: first_response_at.map(span),
            resolved_at,
            resolution: resolved_at.map(span),
            ever_resolved: last_resolved.is_some(),
            reopens: charges.reopens.clone(),
            receiver: charges.receiver.clone(),
            held_by: charges.assignees().into_iter().map(str::to_string).collect(),
            targets,
            satisfaction: followups.last().cloned(),
            unsatisfied: followups.iter().filter(|f| !f.satisfied).cloned().collect(),
            followups,
            actions: actions(&ticket.id, &events),
        }
    }

    pub fn breaches(&self) -> impl Iterator<Item = &TargetFact> {
        self.targets.iter().filter(|t| t.state.is_breach())
    }

    pub fn is_breached(&self) -> bool {
        self.breaches().next().is_some()
    }
}

fn followup(e: &Event, charges: &Charges) -> Option<FollowupFact> {
    if e.action != Action::Followup || e.no_answer {
        return None;
    }
    let (score, scale) = (e.score?, e.scale?);
    Some(FollowupFact {
        at: e.at,
        score,
        scale,
        satisfied: e.satisfied.unwrap_or(false),
        comment: e.comment.clone(),
        dimensions: e.dimensions.iter().map(|(name, s)| (name.clone(), normalise(*s, scale))).collect(),
        caller: e.by.clone(),
        resolver: charges
            .followups
            .iter()
            .find(|c| c.at == e.at && c.caller == e.by)
            .map(|c| c.resolver.clone())
            .unwrap_or_default(),
    })
}

/// The action items, done by the rule `overdue` uses too
/// (`ticket::action::done_at`, docs/reports.md).
fn actions(ticket: &str, events: &[&Event]) -> Vec<ActionItem> {
    action::items(action::List::Review, events)
        .into_iter()
        .map(|item| ActionItem {
            ticket: ticket.to_string(),
            at: item.event.at,
            by: item.event.by.clone(),
            owner: item.event.owner.clone(),
            due: item.event.due,
            text: item.event.note.clone().unwrap_or_default(),
            done_at: item.done_at,
        })
        .collect()
}
