//! The agenda of the weekly complaint review (seed 001 8.4, 客诉分析例会):
//! open serious and major tickets, the week's breaches and unsatisfied
//! follow-ups, the top categories, and the action items set at the last
//! meeting with whether each was done.

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

use super::figures::Share;
use super::period::Period;
use super::stats::Stats;
use super::summary::{ActionItem, FollowupFact, TargetFact, TicketSummary};
use crate::config::Config;
use crate::ticket::Status;

type Instant = DateTime<FixedOffset>;

#[derive(Debug, Clone, PartialEq)]
pub struct Agenda {
    /// Not yet resolved, severity above the lowest configured one.
    pub open_serious: Vec<TicketSummary>,
    /// Breached targets whose deadline fell in the week.
    pub breaches: Vec<(TicketSummary, TargetFact)>,
    /// Answered follow-ups of the week the customer was not satisfied with.
    pub unsatisfied: Vec<(TicketSummary, FollowupFact)>,
    pub top_categories: Vec<Share>,
    /// Action items recorded during the week (at its review meeting).
    pub actions: Vec<(ActionItem, ActionState)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionState {
    /// Done by the due time (or done, when there is no due time).
    Done,
    DoneLate,
    /// Not done, not yet due.
    Open,
    /// Not done and past due.
    Overdue,
}

impl ActionState {
    pub fn of(item: &ActionItem, as_of: Instant) -> ActionState {
        match (item.done_at, item.due) {
            (Some(done), Some(due)) if done > due => ActionState::DoneLate,
            (Some(_), _) => ActionState::Done,
            (None, Some(due)) if due <= as_of => ActionState::Overdue,
            (None, _) => ActionState::Open,
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            ActionState::Done => "done",
            ActionState::DoneLate => "done_late",
            ActionState::Open => "open",
            ActionState::Overdue => "overdue",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ActionState::Done => "已落实",
            ActionState::DoneLate => "逾期落实",
            ActionState::Open => "进行中",
            ActionState::Overdue => "未落实(逾期)",
        }
    }
}

/// The agenda for `week`, from every ticket summarised as of `as_of`.
pub fn agenda(
    summaries: &[TicketSummary],
    week: &Period,
    stats: &Stats,
    config: &Config,
    zone: Tz,
    as_of: Instant,
) -> Agenda {
    let mut builder = AgendaBuilder::new(*week, config, zone, as_of);
    for s in summaries {
        builder.add(s);
    }
    builder.finish(stats)
}

/// Builds the agenda one summary at a time (in scan order), keeping only
/// what the agenda lists, not every ticket it looked at.
pub struct AgendaBuilder<'a> {
    week: Period,
    config: &'a Config,
    zone: Tz,
    as_of: Instant,
    lowest: Option<&'a str>,
    agenda: Agenda,
}

impl<'a> AgendaBuilder<'a> {
    pub fn new(week: Period, config: &'a Config, zone: Tz, as_of: Instant) -> AgendaBuilder<'a> {
        AgendaBuilder {
            week,
            config,
            zone,
            as_of,
            lowest: config.severities.first().map(|c| c.id.as_str()),
            agenda: Agenda {
                open_serious: Vec::new(),
                breaches: Vec::new(),
                unsatisfied: Vec::new(),
                top_categories: Vec::new(),
                actions: Vec::new(),
            },
        }
    }

    pub fn add(&mut self, s: &TicketSummary) {
        let (week, zone, as_of, agenda) = (&self.week, self.zone, self.as_of, &mut self.agenda);
        let unresolved = matches!(s.status, Status::New | Status::Processing | Status::WaitingCustomer);
        if unresolved && Some(s.severity.as_str()) != self.lowest {
            agenda.open_serious.push(s.clone());
        }
        for t in s.breaches().filter(|t| week.contains(t.due, zone) && t.due <= as_of) {
            agenda.breaches.push((s.clone(), t.clone()));
        }
        for f in s.unsatisfied.iter().filter(|f| week.contains(f.at, zone)) {
            agenda.unsatisfied.push((s.clone(), f.clone()));
        }
        for item in s.actions.iter().filter(|a| week.contains(a.at, zone)) {
            agenda.actions.push((item.clone(), ActionState::of(item, as_of)));
        }
    }

    /// The agenda, in its order; the top categories come from the week's `stats`.
    pub fn finish(self, stats: &Stats) -> Agenda {
        let config = self.config;
        let severity_rank = |id: &str| config.severities.iter().position(|c| c.id == id).unwrap_or(0);
        let mut agenda = self.agenda;
        agenda.top_categories = stats.by_category.iter().take(3).cloned().collect();
        agenda.open_serious.sort_by(|a, b| {
            severity_rank(&b.severity).cmp(&severity_rank(&a.severity)).then_with(|| a.received_at.cmp(&b.received_at))
        });
        agenda.breaches.sort_by(|a, b| a.1.due.cmp(&b.1.due).then_with(|| a.0.id.cmp(&b.0.id)));
        agenda.unsatisfied.sort_by_key(|a| a.1.at);
        agenda.actions.sort_by(|a, b| a.0.at.cmp(&b.0.at).then_with(|| a.0.ticket.cmp(&b.0.ticket)));
        agenda
    }
}
