//! A ticket's SLA targets, computed from config, calendar, history and "now"
//! (spec §5). Deadlines are never stored: a calendar fix corrects them.

use chrono::{DateTime, FixedOffset};

use super::SlaPolicy;
use super::calendar::Calendar;
use super::kinds;
use super::stage;
use super::target::{Target, TargetKind};
use super::timeline::Timeline;
use super::view::ClockView;
use crate::ticket::Ticket;

type Instant = DateTime<FixedOffset>;

/// All targets of the ticket `view` shows, as of `now`; events after `now`
/// are ignored, so `now` doubles as the `--as-of` time. Severity is the
/// ticket's current one, applied from the original start. In this order:
/// first response; each cycle's resolution followed by its follow-ups;
/// each promise, followed by the notice of its extension if it was
/// extended; the update; each stay in `waiting_customer`; each veto's
/// report; each action item; each plan's execution; each execution task; each configured
/// stage (spec §5.1) in configured order, each start of it in time order.
pub fn clock_targets(cal: &Calendar, sla: &SlaPolicy, view: &ClockView, now: Instant) -> Vec<Target> {
    let mut targets = targets_under(cal, sla, view, &view.severity, now);
    for (severity, until) in view.earlier_severities(now) {
        let earlier = targets_under(cal, sla, view, severity, now);
        keep_earlier_breaches(&mut targets, earlier, until);
    }
    targets
}

/// A change of severity never removes a breach (spec §5.1): a target that
/// was breached under an earlier severity, its deadline passed before that
/// severity was replaced at `until`, keeps that deadline when it is
/// earlier than the one of the current severity.
fn keep_earlier_breaches(targets: &mut [Target], earlier: Vec<Target>, until: Instant) {
    for (target, before) in targets.iter_mut().zip(earlier) {
        let same_clock = before.kind == target.kind && before.cycle == target.cycle && before.start == target.start;
        if same_clock && before.state.is_breach() && before.due.at < until && before.due.at < target.due.at {
            *target = before;
        }
    }
}

/// The targets as if the ticket had severity `severity` from the start.
fn targets_under(cal: &Calendar, sla: &SlaPolicy, view: &ClockView, severity: &str, now: Instant) -> Vec<Target> {
    let Some(durations) = sla.targets_for(severity) else {
        return Vec::new();
    };
    if view.received_at > now {
        return Vec::new();
    }
    let timeline = Timeline::new(view, now);
    let mut cycles = kinds::resolutions(&timeline, sla, durations, cal);
    cycles.extend(kinds::followups(&timeline, sla, durations));
    // Stable: within a cycle its resolution stays ahead of its follow-ups.
    cycles.sort_by_key(|clock| clock.cycle);
    std::iter::once(kinds::first_response(&timeline, sla, durations))
        .chain(cycles)
        .chain(kinds::promises(&timeline, sla, cal))
        .chain(kinds::update(&timeline, sla))
        .chain(kinds::max_waits(&timeline, sla))
        .chain(kinds::veto_reports(&timeline, sla))
        .chain(kinds::action_items(&timeline, &view.actions, TargetKind::ActionItem))
        .chain(kinds::executions(&timeline))
        .chain(kinds::action_items(&timeline, &view.tasks, TargetKind::ExecutionTask))
        .chain(stage::clocks(&timeline, view, sla.stages_for(view.received_at.date_naive()), severity))
        .map(|clock| clock.evaluate(cal, &timeline))
        .collect()
}

/// [`clock_targets`] of a whole ticket.
pub fn ticket_targets(cal: &Calendar, sla: &SlaPolicy, ticket: &Ticket, now: Instant) -> Vec<Target> {
    clock_targets(cal, sla, &ClockView::from(ticket), now)
}

#[cfg(test)]
#[path = "targets_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "targets_clocks_tests.rs"]
mod clocks_tests;
