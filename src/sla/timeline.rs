//! A ticket's history replayed as of "now": the statuses it went through
//! and its resolution cycles. What every clock looks up its start, its end
//! and its pauses in.

use chrono::{DateTime, FixedOffset};

use super::view::{ClockEvent, ClockView};
use crate::ticket::Status;

type Instant = DateTime<FixedOffset>;

/// One status and since when.
#[derive(Debug, Clone, Copy)]
pub(super) struct Step {
    pub at: Instant,
    pub status: Status,
    /// Index in [`Timeline::events`]; the implicit `new` at `received_at`
    /// has none.
    pub event: Option<usize>,
}

pub(super) struct Timeline<'v> {
    pub received_at: Instant,
    /// The events up to `now`, sorted by time.
    pub events: &'v [ClockEvent],
    /// Starts with `new` at `received_at`; one more per move.
    pub steps: Vec<Step>,
    pub now: Instant,
    /// Since when more than one department is involved, if by `now`.
    pub several_departments_since: Option<Instant>,
}

impl<'v> Timeline<'v> {
    /// The history of `view` as of `now`: events after it are ignored.
    pub fn new(view: &'v ClockView, now: Instant) -> Timeline<'v> {
        let events = view.events_until(now);
        let mut steps = vec![Step { at: view.received_at, status: Status::New, event: None }];
        for (i, e) in events.iter().enumerate() {
            if let Some(to) = e.to {
                steps.push(Step { at: e.at, status: to, event: Some(i) });
            }
        }
        let several_departments_since = view.several_departments_since.filter(|&at| at <= now);
        Timeline { received_at: view.received_at, events, steps, now, several_departments_since }
    }

    /// Step `k` re-opens the ticket: back to `processing` from `resolved` or
    /// `closed`.
    pub fn is_reopen(&self, k: usize) -> bool {
        let steps = &self.steps;
        k > 0
            && steps[k].status == Status::Processing
            && matches!(steps[k - 1].status, Status::Resolved | Status::Closed)
    }

    /// The steps that start a resolution cycle: the first, then each reopen.
    /// Cycle `c` is the `c`-th of them.
    pub fn cycle_starts(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.steps.len()).filter(|&k| k == 0 || self.is_reopen(k))
    }

    /// The step that starts the cycle after the one step `k` is in (or the
    /// number of steps: none).
    pub fn next_cycle_after(&self, k: usize) -> usize {
        (k + 1..self.steps.len()).find(|&j| self.is_reopen(j)).unwrap_or(self.steps.len())
    }

    /// The number of reopens so far: the cycle the ticket is in now.
    pub fn current_cycle(&self) -> usize {
        self.cycle_starts().count() - 1
    }

    /// The first step after step `k` that ends work on the ticket
    /// (`resolved` or `closed`).
    pub fn first_finish_after(&self, k: usize) -> Option<Step> {
        self.steps[k + 1..].iter().find(|s| is_finish(s.status)).copied()
    }

    /// The status in force when event `event` happened.
    pub fn status_at(&self, event: usize) -> Step {
        *self.steps.iter().rev().find(|s| s.event.is_none_or(|i| i <= event)).expect("steps start with new")
    }

    /// Resolution cycle in force at `at`.
    pub fn cycle_at(&self, at: Instant) -> usize {
        self.steps
            .windows(2)
            .filter(|w| w[1].at <= at && w[1].status == Status::Processing && is_finish(w[0].status))
            .count()
    }

    /// The events after the one step `step` was made by (all of them for the
    /// implicit first step).
    pub fn events_after(&self, step: Step) -> &'v [ClockEvent] {
        &self.events[step.event.map_or(0, |i| i + 1)..]
    }
}

/// `resolved` or `closed`: a finish meets (or stops) the resolution clock.
pub(super) fn is_finish(status: Status) -> bool {
    matches!(status, Status::Resolved | Status::Closed)
}
