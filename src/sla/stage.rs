//! Configured stages (`[sla.stages.ID]`, spec §5.1) described as clocks,
//! like the default stages in `kinds.rs`: each occurrence of a `starts` (or
//! `restarts_on`) kind starts a clock; the first `met_by` kind after it
//! meets it; the next start of the same stage before that supersedes it
//! (stopped: a breach if its deadline had passed), and so does a close.

use chrono::{DateTime, FixedOffset};

use super::clock::{Clock, End, Length};
use super::policy::StagePolicy;
use super::stage_kinds::KindSet;
use super::target::TargetKind;
use super::timeline::Timeline;
use super::view::ClockView;
use crate::ticket::EventKind;

type Instant = DateTime<FixedOffset>;

/// The clocks of every stage of `stages` for a ticket of `severity`.
pub(super) fn clocks<'p>(t: &Timeline, view: &ClockView, stages: &'p [StagePolicy], severity: &str) -> Vec<Clock<'p>> {
    let kinds = &view.kinds[..view.kinds.partition_point(|(at, _)| *at <= t.now)];
    let several = kinds.iter().any(|(_, k)| k.contains(EventKind::DepartmentInvolved));
    stages.iter().flat_map(|stage| stage_clocks(t, kinds, stage, severity, several)).collect()
}

/// Where one clock starts: at `at`, looking for what meets it from event
/// `from` on.
#[derive(Debug, Clone, Copy)]
struct Start {
    at: Instant,
    from: usize,
}

fn stage_clocks<'p>(
    t: &Timeline,
    kinds: &[(Instant, KindSet)],
    stage: &'p StagePolicy,
    severity: &str,
    several: bool,
) -> Vec<Clock<'p>> {
    let Some(duration) = stage.duration_for(severity, several) else {
        return Vec::new();
    };
    let starts = starts(t, kinds, &stage.starts);
    starts
        .iter()
        .enumerate()
        .map(|(n, start)| Clock {
            kind: TargetKind::Stage(stage.stage),
            cycle: t.cycle_at(start.at),
            start: start.at,
            length: Length::For(duration),
            pause_while: &stage.pause_while,
            end: end(kinds, stage, *start, starts.get(n + 1).copied()),
            owner: None,
            department: None,
        })
        .collect()
}

/// Every start of a stage starting at `kinds_starting`. `received` starts it
/// at `received_at` (the `created` event's time may be later, for an
/// imported ticket), also when the history has no `created` event.
fn starts(t: &Timeline, kinds: &[(Instant, KindSet)], kinds_starting: &[EventKind]) -> Vec<Start> {
    let on_receipt = kinds_starting.contains(&EventKind::Received);
    let mut starts: Vec<Start> = kinds
        .iter()
        .enumerate()
        .filter(|(_, (_, k))| k.any(kinds_starting))
        .map(|(i, &(at, k))| {
            let at = if on_receipt && k.contains(EventKind::Received) { t.received_at } else { at };
            Start { at, from: i + 1 }
        })
        .collect();
    if on_receipt && !kinds.iter().any(|(_, k)| k.contains(EventKind::Received)) {
        starts.insert(0, Start { at: t.received_at, from: 0 });
    }
    starts
}

/// Met by the first `met_by` kind after `start`; stopped by the next
/// start or a close before that.
fn end(kinds: &[(Instant, KindSet)], stage: &StagePolicy, start: Start, next: Option<Start>) -> End {
    for (i, &(at, k)) in kinds.iter().enumerate().skip(start.from) {
        if k.any(&stage.met_by) {
            return End::met(Some(at));
        }
        let superseded = next.is_some_and(|n| n.from == i + 1);
        if superseded || k.contains(EventKind::Closed) {
            return End { met: None, stopped: Some(at) };
        }
    }
    End::default()
}

#[cfg(test)]
#[path = "stage_tests.rs"]
mod tests;
