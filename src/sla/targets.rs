//! A ticket's SLA targets, computed from config, calendar, history and "now"
//! (spec §5). Deadlines are never stored: a calendar fix corrects them.

use chrono::{DateTime, FixedOffset};

use super::SlaPolicy;
use super::calendar::Calendar;
use super::kinds;
use super::target::Target;
use super::timeline::Timeline;
use super::view::ClockView;
use crate::ticket::Ticket;

type Instant = DateTime<FixedOffset>;

/// All targets of the ticket `view` shows, as of `now`; events after `now`
/// are ignored, so `now` doubles as the `--as-of` time. Severity is the
/// ticket's current one, applied from the original start. In this order:
/// first response; each cycle's resolution followed by its follow-ups;
/// each promise, followed by the notice of its extension if it was
/// extended; the update.
pub fn clock_targets(cal: &Calendar, sla: &SlaPolicy, view: &ClockView, now: Instant) -> Vec<Target> {
    let Some(durations) = sla.targets_for(&view.severity) else {
        return Vec::new();
    };
    if view.received_at > now {
        return Vec::new();
    }
    let timeline = Timeline::new(view, now);
    let mut cycles = kinds::resolutions(&timeline, sla, durations);
    cycles.extend(kinds::followups(&timeline, sla, durations));
    // Stable: within a cycle its resolution stays ahead of its follow-ups.
    cycles.sort_by_key(|clock| clock.cycle);
    std::iter::once(kinds::first_response(&timeline, sla, durations))
        .chain(cycles)
        .chain(kinds::promises(&timeline, sla, cal))
        .chain(kinds::update(&timeline, sla))
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
