//! One clock, evaluated: a start, a length, the statuses that pause it and
//! how it ended give a [`Target`]. Every target kind is described as a
//! [`Clock`] by its own function (`kinds.rs`); the configurable stages of
//! spec §5.1 are meant to be described the same way.

use chrono::{DateTime, FixedOffset};

use super::calendar::{Calendar, Deadline};
use super::duration::{SlaDuration, TimeKind};
use super::target::{Target, TargetKind, TargetState};
use super::timeline::{Step, Timeline};
use crate::ticket::Status;

type Instant = DateTime<FixedOffset>;

/// How long a clock runs.
#[derive(Debug, Clone, Copy)]
pub(super) enum Length {
    /// A configured duration from the start; a pause moves its end.
    For(SlaDuration),
    /// A fixed time (a promise made to the customer).
    Until(Instant),
}

/// How a clock ended, if it has: met, or stopped unmet.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct End {
    pub met: Option<Instant>,
    pub stopped: Option<Instant>,
}

impl End {
    pub fn met(at: Option<Instant>) -> End {
        End { met: at, stopped: None }
    }

    /// Ended by a finishing step: `resolved` meets the clock, `closed`
    /// stops it.
    pub fn by_finish(finish: Option<Step>) -> End {
        match finish {
            Some(s) if s.status == Status::Resolved => End { met: Some(s.at), stopped: None },
            Some(s) => End { met: None, stopped: Some(s.at) },
            None => End::default(),
        }
    }

    fn at(self) -> Option<Instant> {
        self.met.or(self.stopped)
    }
}

/// A clock of one target, ready to be evaluated.
#[derive(Debug, Clone, Copy)]
pub(super) struct Clock<'p> {
    pub kind: TargetKind,
    /// Resolution cycle it belongs to.
    pub cycle: usize,
    pub start: Instant,
    pub length: Length,
    /// The clock stands still while the ticket is in one of these.
    pub pause_while: &'p [Status],
    pub end: End,
    /// Who must act, if the clock names someone (an action item's owner).
    pub owner: Option<&'p str>,
    /// The department an execution task is handed to.
    pub department: Option<&'p str>,
}

impl Clock<'_> {
    /// The target as of `timeline.now`.
    pub fn evaluate(&self, cal: &Calendar, timeline: &Timeline) -> Target {
        let (due, duration, time) = match self.length {
            Length::For(duration) => (cal.add(self.start, duration), Some(duration), duration.kind()),
            Length::Until(at) => {
                let at = at.with_timezone(&cal.zone()).fixed_offset();
                (Deadline { at, provisional: false }, None, TimeKind::Wall)
            }
        };
        let (due, paused) = self.paused_due(cal, timeline, due, time);
        Target {
            kind: self.kind,
            cycle: self.cycle,
            start: self.start,
            duration,
            due,
            met_at: self.end.met,
            stopped_at: self.end.stopped,
            paused,
            state: TargetState::of(due, self.end.met, self.end.stopped, timeline.now),
            owner: self.owner.map(str::to_string),
            department: self.department.map(str::to_string),
        }
    }

    /// `due` moved by every pause of the clock, and whether it is paused now.
    fn paused_due(&self, cal: &Calendar, timeline: &Timeline, mut due: Deadline, time: TimeKind) -> (Deadline, bool) {
        let limit = self.end.at().unwrap_or(timeline.now);
        let mut paused = false;
        let steps = &timeline.steps;
        for (k, step) in steps.iter().enumerate() {
            if !self.pause_while.contains(&step.status) {
                continue;
            }
            let resume_at = steps.get(k + 1).map(|s| s.at);
            if resume_at.is_some_and(|r| r <= self.start) {
                continue;
            }
            let begin = step.at.max(self.start);
            if begin >= limit || begin >= due.at {
                // After the clock ended, or the deadline had already passed
                // when the pause began: nothing left to move.
                break;
            }
            let resume = match resume_at {
                Some(r) if r <= limit => r,
                _ => {
                    paused = self.end.at().is_none();
                    limit
                }
            };
            due = moved(cal, due, begin, resume, time);
        }
        (due, paused)
    }
}

/// The pause from `begin` to `resume` moves the deadline by the time that
/// was left when it began, re-applied from the resume in the target's kind
/// of time (spec §5).
fn moved(cal: &Calendar, due: Deadline, begin: Instant, resume: Instant, time: TimeKind) -> Deadline {
    match time {
        TimeKind::Wall => Deadline {
            at: (resume + (due.at - begin)).with_timezone(&cal.zone()).fixed_offset(),
            provisional: due.provisional,
        },
        TimeKind::Business => {
            let mut provisional = due.provisional;
            let left = cal.business_between_tracked(begin, due.at, &mut provisional);
            let moved = cal.add_business(resume, left);
            Deadline { at: moved.at, provisional: provisional || moved.provisional }
        }
    }
}
