//! A ticket's SLA targets, computed from config, calendar, history and "now"
//! (spec §5). Deadlines are never stored: a calendar fix corrects them.

use chrono::{DateTime, Duration, FixedOffset};
use serde::Serialize;

use super::SlaPolicy;
use super::calendar::{Calendar, Deadline};
use super::duration::{SlaDuration, TimeKind};
use crate::ticket::{Action, Event, NoteKind, Status, Ticket};

type Instant = DateTime<FixedOffset>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// Met by the first transition out of `new`.
    FirstResponse,
    /// One per cycle; met by `resolved`.
    Resolution,
    /// Starts at each `resolved`; met by an answered follow-up.
    Followup,
    /// A `processing` ticket needs a progress note every `update_every`.
    Update,
    /// The time told to the customer (`promised_at`); met by `resolved`.
    Promise,
}

impl TargetKind {
    pub fn id(self) -> &'static str {
        match self {
            TargetKind::FirstResponse => "first_response",
            TargetKind::Resolution => "resolution",
            TargetKind::Followup => "followup",
            TargetKind::Update => "update",
            TargetKind::Promise => "promise",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TargetKind::FirstResponse => "首次响应",
            TargetKind::Resolution => "处理时限",
            TargetKind::Followup => "回访",
            TargetKind::Update => "进展更新",
            TargetKind::Promise => "承诺时间",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetState {
    /// Met on time.
    Met,
    /// Met after the deadline: a breach stays a breach.
    MetLate,
    /// Unmet, due in the future (or its clock is paused).
    Pending,
    /// Unmet and due at or before now: someone has to act.
    Overdue,
    /// The clock was stopped (ticket closed, or the follow-up abandoned by a
    /// reopen) after the deadline had passed: a breach, nobody can act on it.
    Breached,
    /// The clock was stopped before the deadline, unmet: no breach.
    Stopped,
}

impl TargetState {
    /// Counts as a breach in reports (permanent even if later met).
    pub fn is_breach(self) -> bool {
        matches!(self, TargetState::MetLate | TargetState::Overdue | TargetState::Breached)
    }

    /// Still running: belongs in `overdue` / `--warn-before` lists.
    pub fn is_open(self) -> bool {
        matches!(self, TargetState::Pending | TargetState::Overdue)
    }
}

/// One deadline of one ticket.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    pub kind: TargetKind,
    /// Resolution cycle: 0 for the first, +1 per reopen.
    pub cycle: usize,
    #[serde(with = "crate::time::instant")]
    pub start: Instant,
    /// The configured duration; `None` for a promise (a fixed time).
    pub duration: Option<SlaDuration>,
    pub due: Deadline,
    #[serde(with = "crate::time::opt_instant")]
    pub met_at: Option<Instant>,
    /// When the clock stopped without the target being met.
    #[serde(with = "crate::time::opt_instant")]
    pub stopped_at: Option<Instant>,
    /// The clock is paused now (e.g. waiting for the customer); `due` is then
    /// where it would be if the clock resumed at `now`.
    pub paused: bool,
    pub state: TargetState,
}

/// How far past due: (working time inside work hours, wall-clock time).
/// Measured to `met_at` / `stopped_at` for a finished target, else to `now`.
pub fn overdue_by(cal: &Calendar, target: &Target, now: Instant) -> (Duration, Duration) {
    let end = target.met_at.or(target.stopped_at).unwrap_or(now);
    if end <= target.due.at {
        return (Duration::zero(), Duration::zero());
    }
    (cal.business_time_between(target.due.at, end), end - target.due.at)
}

/// One status and since when, from history.
#[derive(Debug, Clone, Copy)]
struct Step {
    at: Instant,
    status: Status,
    /// Index in the sorted events; the implicit `new` at `received_at` has none.
    event: Option<usize>,
}

/// All targets of `ticket` as of `now`; events after `now` are ignored, so
/// `now` doubles as the `--as-of` time. Severity is the ticket's current one,
/// applied from the original start.
pub fn ticket_targets(cal: &Calendar, sla: &SlaPolicy, ticket: &Ticket, now: Instant) -> Vec<Target> {
    let Some(durations) = sla.targets_for(&ticket.severity) else {
        return Vec::new();
    };
    if ticket.received_at > now {
        return Vec::new();
    }
    let mut events: Vec<&Event> = ticket.history.iter().filter(|e| e.at <= now).collect();
    events.sort_by_key(|e| e.at);
    let mut steps = vec![Step { at: ticket.received_at, status: Status::New, event: None }];
    for (i, e) in events.iter().enumerate() {
        if let Some(to) = e.to {
            steps.push(Step { at: e.at, status: to, event: Some(i) });
        }
    }
    let clock = Clock { cal, steps: &steps, now };
    let mut targets = Vec::new();

    // First response: from received_at to the first move out of `new`.
    let met = steps.get(1).map(|s| s.at);
    targets.push(clock.target(
        TargetKind::FirstResponse,
        0,
        ticket.received_at,
        durations.first_response,
        &sla.pause_while.first_response,
        met,
        None,
    ));

    // Resolution cycles: the first from received_at, one more per reopen.
    let mut cycle = 0;
    for (k, step) in steps.iter().enumerate() {
        let reopen = is_reopen(&steps, k);
        if k > 0 && !reopen {
            continue;
        }
        let duration = if k == 0 { durations.resolution } else { sla.reopen_resolution };
        if reopen {
            cycle += 1;
        }
        let end = steps[k + 1..].iter().find(|s| matches!(s.status, Status::Resolved | Status::Closed));
        let (met, stopped) = match end {
            Some(s) if s.status == Status::Resolved => (Some(s.at), None),
            Some(s) => (None, Some(s.at)),
            None => (None, None),
        };
        targets.push(clock.target(
            TargetKind::Resolution,
            cycle,
            step.at,
            duration,
            &sla.pause_while.resolution,
            met,
            stopped,
        ));

        // Follow-up after each `resolved` of this cycle.
        let next_cycle = (k + 1..steps.len()).find(|&j| is_reopen(&steps, j)).unwrap_or(steps.len());
        for r in (k + 1..next_cycle).filter(|&r| steps[r].status == Status::Resolved) {
            let from = steps[r].event.map_or(0, |i| i + 1);
            let mut met = None;
            let mut stopped = None;
            for e in &events[from..] {
                if e.action == Action::Followup && !e.no_answer {
                    met = Some(e.at);
                    break;
                }
                if e.to.is_some() {
                    stopped = Some(e.at);
                    break;
                }
            }
            targets.push(clock.target(
                TargetKind::Followup,
                cycle,
                steps[r].at,
                durations.followup,
                &sla.pause_while.followup,
                met,
                stopped,
            ));
        }
    }

    // Promise: the latest promised time counts (a later one is an extension).
    if let Some((p, promise)) = events.iter().enumerate().rev().find(|(_, e)| e.promised_at.is_some()) {
        let promised_at = promise.promised_at.expect("found by promised_at");
        let status_then = status_at(&steps, p);
        // Met by the first `resolved` after the promise (or already resolved
        // when it was made); a close before that stops the clock.
        let end = if status_then.status == Status::Resolved {
            Some(status_then)
        } else {
            steps
                .iter()
                .find(|s| s.event.is_some_and(|i| i > p) && matches!(s.status, Status::Resolved | Status::Closed))
                .copied()
        };
        let (met, stopped) = match end {
            Some(s) if s.status == Status::Resolved => (Some(s.at), None),
            Some(s) => (None, Some(s.at)),
            None => (None, None),
        };
        let due = Deadline { at: promised_at.with_timezone(&cal.zone()).fixed_offset(), provisional: false };
        targets.push(Target {
            kind: TargetKind::Promise,
            cycle: cycle_at(&steps, status_then.at),
            start: promise.at,
            duration: None,
            due,
            met_at: met,
            stopped_at: stopped,
            paused: false,
            state: state(due, met, stopped, now),
        });
    }

    // Update: only while the ticket is in `processing`.
    let last = steps[steps.len() - 1];
    if last.status == Status::Processing {
        let from = last.event.map_or(0, |i| i + 1);
        let last_note = events[from..]
            .iter()
            .filter(|e| e.action == Action::Note && matches!(e.kind, None | Some(NoteKind::Progress)))
            .map(|e| e.at)
            .max();
        let start = last_note.map_or(last.at, |n| n.max(last.at));
        let due = cal.add(start, sla.update_every);
        targets.push(Target {
            kind: TargetKind::Update,
            cycle,
            start,
            duration: Some(sla.update_every),
            due,
            met_at: None,
            stopped_at: None,
            paused: false,
            state: state(due, None, None, now),
        });
    }
    targets
}

/// Step `k` re-opens the ticket: back to `processing` from `resolved` or `closed`.
fn is_reopen(steps: &[Step], k: usize) -> bool {
    k > 0 && steps[k].status == Status::Processing && matches!(steps[k - 1].status, Status::Resolved | Status::Closed)
}

/// The status in force when event `event` happened.
fn status_at(steps: &[Step], event: usize) -> Step {
    *steps.iter().rev().find(|s| s.event.is_none_or(|i| i <= event)).expect("steps start with new")
}

/// Resolution cycle in force at `at`.
fn cycle_at(steps: &[Step], at: Instant) -> usize {
    steps
        .windows(2)
        .filter(|w| {
            w[1].at <= at
                && w[1].status == Status::Processing
                && matches!(w[0].status, Status::Resolved | Status::Closed)
        })
        .count()
}

fn state(due: Deadline, met: Option<Instant>, stopped: Option<Instant>, now: Instant) -> TargetState {
    match (met, stopped) {
        (Some(m), _) if m <= due.at => TargetState::Met,
        (Some(_), _) => TargetState::MetLate,
        (None, Some(s)) if due.at <= s => TargetState::Breached,
        (None, Some(_)) => TargetState::Stopped,
        (None, None) if due.at <= now => TargetState::Overdue,
        (None, None) => TargetState::Pending,
    }
}

struct Clock<'a> {
    cal: &'a Calendar,
    steps: &'a [Step],
    now: Instant,
}

impl Clock<'_> {
    /// A target whose clock starts at `start`, runs for `duration`, pauses
    /// while the ticket is in one of `pause_while`, and ends at `met` or
    /// `stopped` (or is still running at `now`).
    #[allow(clippy::too_many_arguments)]
    fn target(
        &self,
        kind: TargetKind,
        cycle: usize,
        start: Instant,
        duration: SlaDuration,
        pause_while: &[Status],
        met: Option<Instant>,
        stopped: Option<Instant>,
    ) -> Target {
        let end = met.or(stopped);
        let limit = end.unwrap_or(self.now);
        let mut due = self.cal.add(start, duration);
        let mut paused = false;
        for (k, step) in self.steps.iter().enumerate() {
            if !pause_while.contains(&step.status) {
                continue;
            }
            let resume_at = self.steps.get(k + 1).map(|s| s.at);
            if resume_at.is_some_and(|r| r <= start) {
                continue;
            }
            let begin = step.at.max(start);
            if begin >= limit || begin >= due.at {
                // After the clock ended, or the deadline had already passed
                // when the pause began: nothing left to move.
                break;
            }
            let resume = match resume_at {
                Some(r) if r <= limit => r,
                _ => {
                    paused = end.is_none();
                    limit
                }
            };
            // The pause moves the deadline by the time that was left when it
            // began, re-applied from the resume in the target's kind of time.
            due = match duration.kind() {
                TimeKind::Wall => Deadline {
                    at: (resume + (due.at - begin)).with_timezone(&self.cal.zone()).fixed_offset(),
                    provisional: due.provisional,
                },
                TimeKind::Business => {
                    let mut provisional = due.provisional;
                    let left = self.cal.business_between_tracked(begin, due.at, &mut provisional);
                    let moved = self.cal.add_business(resume, left);
                    Deadline { at: moved.at, provisional: provisional || moved.provisional }
                }
            };
        }
        Target {
            kind,
            cycle,
            start,
            duration: Some(duration),
            due,
            met_at: met,
            stopped_at: stopped,
            paused,
            state: state(due, met, stopped, self.now),
        }
    }
}

#[cfg(test)]
#[path = "targets_tests.rs"]
mod tests;
