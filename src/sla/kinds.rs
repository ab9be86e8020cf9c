//! One function per target kind (spec §5 "Clocks", docs/sla.md "Targets and
//! clocks"): each finds in the timeline where its clocks start, what meets
//! or stops them, which statuses pause them and how long they run. The
//! configurable stages of spec §5.1 will replace these with one evaluator
//! reading the same four answers from config.

use super::calendar::Calendar;
use super::clock::{Clock, End, Length};
use super::notice::notice_due;
use super::policy::{SeverityTargets, SlaPolicy};
use super::target::TargetKind;
use super::timeline::{Timeline, is_finish};
use super::view::{ActionClock, ClockEvent};
use crate::ticket::Status;

/// First response: from `received_at` to the first move out of `new`.
pub(super) fn first_response<'p>(t: &Timeline, sla: &'p SlaPolicy, durations: &SeverityTargets) -> Clock<'p> {
    Clock {
        kind: TargetKind::FirstResponse,
        cycle: 0,
        start: t.received_at,
        length: Length::For(durations.first_response),
        pause_while: &sla.pause_while.first_response,
        end: End::met(t.steps.get(1).map(|s| s.at)),
        owner: None,
        department: None,
    }
}

/// Resolution, one clock per cycle: the first from `received_at` with the
/// severity's duration (or `multi_department`, see [`first_resolution`]),
/// then one from each reopen with `reopen_resolution`; met by `resolved`,
/// stopped by `closed`.
pub(super) fn resolutions<'p>(
    t: &Timeline,
    sla: &'p SlaPolicy,
    durations: &SeverityTargets,
    cal: &Calendar,
) -> Vec<Clock<'p>> {
    t.cycle_starts()
        .enumerate()
        .map(|(cycle, k)| {
            let clock = Clock {
                kind: TargetKind::Resolution,
                cycle,
                start: t.steps[k].at,
                length: Length::For(if k == 0 { durations.resolution } else { sla.reopen_resolution }),
                pause_while: &sla.pause_while.resolution,
                end: End::by_finish(t.first_finish_after(k)),
                owner: None,
                department: None,
            };
            if k == 0 { first_resolution(t, durations, cal, clock) } else { clock }
        })
        .collect()
}

/// Several departments (seed 001 8.3: one department 4h, several the same
/// day): the first resolution clock runs `multi_department` long, from the
/// same start, when a second department was involved before the
/// one-department deadline passed and before the clock ended. Involved
/// only after that, the one-department deadline was already missed and
/// stays a breach (spec §5.1).
fn first_resolution<'p>(t: &Timeline, durations: &SeverityTargets, cal: &Calendar, single: Clock<'p>) -> Clock<'p> {
    let (Some(multi), Some(since)) = (durations.multi_department, t.several_departments_since) else {
        return single;
    };
    let due = single.evaluate(cal, t).due.at;
    let in_time = since <= due && single.end.met.or(single.end.stopped).is_none_or(|end| since <= end);
    if in_time { Clock { length: Length::For(multi), ..single } } else { single }
}

/// Follow-up, one clock per `resolved`: met by an answered follow-up,
/// stopped by any move before it (a close, or a reopen abandoning it).
pub(super) fn followups<'p>(t: &Timeline, sla: &'p SlaPolicy, durations: &SeverityTargets) -> Vec<Clock<'p>> {
    let mut clocks = Vec::new();
    for (cycle, k) in t.cycle_starts().enumerate() {
        for r in (k + 1..t.next_cycle_after(k)).filter(|&r| t.steps[r].status == Status::Resolved) {
            clocks.push(Clock {
                kind: TargetKind::Followup,
                cycle,
                start: t.steps[r].at,
                length: Length::For(durations.followup),
                pause_while: &sla.pause_while.followup,
                end: followup_end(t.events_after(t.steps[r])),
                owner: None,
                department: None,
            });
        }
    }
    clocks
}

fn followup_end(later: &[ClockEvent]) -> End {
    for e in later {
        if e.answered_followup {
            return End::met(Some(e.at));
        }
        if e.to.is_some() {
            return End { met: None, stopped: Some(e.at) };
        }
    }
    End::default()
}

/// Promises (spec §5.1): every promise is a target of its own, from when
/// it was made until the promised time; met by the first `resolved` after it
/// (or by being resolved already when it was made), stopped by a close. A
/// later promise made before this one's time supersedes it (stopped, no
/// breach); made after its time had passed, it cannot: the missed promise
/// stays unmet until the ticket is resolved (a breach is permanent). An
/// extension (a later time) also gives a notice target, see [`notice`].
pub(super) fn promises<'p>(t: &Timeline, sla: &SlaPolicy, cal: &Calendar) -> Vec<Clock<'p>> {
    let made: Vec<usize> = (0..t.events.len()).filter(|&i| t.events[i].promised_at.is_some()).collect();
    let mut clocks = Vec::new();
    for (n, &p) in made.iter().enumerate() {
        let next = made.get(n + 1).map(|&next| &t.events[next]);
        let clock = promise(t, p, next);
        let notice = next.and_then(|next| notice(cal, sla, &clock, next));
        clocks.push(clock);
        clocks.extend(notice);
    }
    clocks
}

/// The clock of the promise made by event `p`; `next` is the promise made
/// after it, if any.
fn promise(t: &Timeline, p: usize, next: Option<&ClockEvent>) -> Clock<'static> {
    let made = t.events[p];
    let promised = made.promised_at.expect("found by promised_at");
    let then = t.status_at(p);
    let finish = if then.status == Status::Resolved {
        Some(then)
    } else {
        t.steps.iter().find(|s| s.event.is_some_and(|i| i > p) && is_finish(s.status)).copied()
    };
    let mut end = End::by_finish(finish);
    if let Some(next) = next.filter(|next| next.at < promised && end.met.or(end.stopped).is_none_or(|e| next.at < e)) {
        // Superseded before its time: the customer was told another one.
        end = End { met: None, stopped: Some(next.at) };
    }
    Clock {
        kind: TargetKind::Promise,
        cycle: t.cycle_at(then.at),
        start: made.at,
        length: Length::Until(promised),
        pause_while: &[],
        end,
        owner: None,
        department: None,
    }
}

/// An extension (`next` promises a later time than `promise`, while
/// `promise` was still unmet) must be told at least `notice_before` ahead
/// of the old time; the notice target is met by the extension itself, late
/// when recorded after that (a late notice, 延期告知超时).
fn notice(cal: &Calendar, sla: &SlaPolicy, promise: &Clock, next: &ClockEvent) -> Option<Clock<'static>> {
    let Length::Until(old) = promise.length else { return None };
    let extends = next.promised_at.is_some_and(|new| new > old);
    let still_open = promise.end.met.or(promise.end.stopped).is_none_or(|e| next.at <= e);
    (extends && still_open).then(|| Clock {
        kind: TargetKind::PromiseNotice,
        cycle: promise.cycle,
        start: promise.start,
        length: Length::Until(notice_due(cal, old, sla.notice_before)),
        pause_while: &[],
        end: End::met(Some(next.at)),
        owner: None,
        department: None,
    })
}

/// Update: only while the ticket is in `processing`, from the entry into it
/// or the last progress note since, whichever is later. Never met: a
/// progress note restarts it.
pub(super) fn update(t: &Timeline, sla: &SlaPolicy) -> Option<Clock<'static>> {
    let last = *t.steps.last().expect("steps start with new");
    if last.status != Status::Processing {
        return None;
    }
    let last_note = t.events_after(last).iter().filter(|e| e.progress_note).map(|e| e.at).max();
    Some(Clock {
        kind: TargetKind::Update,
        cycle: t.current_cycle(),
        start: last_note.map_or(last.at, |n| n.max(last.at)),
        length: Length::For(sla.update_every),
        pause_while: &[],
        end: End::default(),
        owner: None,
        department: None,
    })
}

// Issue 14's clocks within today's targets. Each is one function returning
// its clocks, so the stage engine of spec §5.1 can take them over as stages.

/// Max wait, one clock per stay in `waiting_customer` (seed 001 8.3: no
/// ticket waits forever): from entering it, `max_wait` long, met by leaving
/// it (whatever the next status). Never paused.
pub(super) fn max_waits<'p>(t: &Timeline, sla: &'p SlaPolicy) -> Vec<Clock<'p>> {
    (0..t.steps.len())
        .filter(|&k| t.steps[k].status == Status::WaitingCustomer)
        .map(|k| Clock {
            kind: TargetKind::MaxWait,
            cycle: t.cycle_at(t.steps[k].at),
            start: t.steps[k].at,
            length: Length::For(sla.max_wait),
            pause_while: &[],
            end: End::met(t.steps.get(k + 1).map(|s| s.at)),
            owner: None,
            department: None,
        })
        .collect()
}

/// Veto report, one clock per veto (an answered follow-up that reopens the
/// ticket): from the veto, `veto_report` long, met by the first escalation
/// at or after it, stopped by a close before that. The supervisor who must
/// be told comes from config (the ticket's department), not from here.
pub(super) fn veto_reports<'p>(t: &Timeline, sla: &'p SlaPolicy) -> Vec<Clock<'p>> {
    let vetoes = t.events.iter().enumerate().filter(|(_, e)| e.answered_followup && e.to == Some(Status::Processing));
    vetoes
        .map(|(i, veto)| Clock {
            kind: TargetKind::VetoReport,
            cycle: t.cycle_at(veto.at),
            start: veto.at,
            length: Length::For(sla.veto_report),
            pause_while: &[],
            end: escalation_end(&t.events[i + 1..]),
            owner: None,
            department: None,
        })
        .collect()
}

fn escalation_end(later: &[ClockEvent]) -> End {
    for e in later {
        if e.escalated {
            return End::met(Some(e.at));
        }
        if e.to == Some(Status::Closed) {
            return End { met: None, stopped: Some(e.at) };
        }
    }
    End::default()
}

/// Action items, one clock per review item with an owner and a due time
/// (seed 001 8.4, `kind` [`TargetKind::ActionItem`]) or per execution task
/// (seed 000 执行落地, [`TargetKind::ExecutionTask`]): from when it was set
/// until its due time, met when done (`ticket::action::done_at`); the owner
/// is who must act.
pub(super) fn action_items<'v>(t: &Timeline, actions: &'v [ActionClock], kind: TargetKind) -> Vec<Clock<'v>> {
    actions
        .iter()
        .filter(|a| a.at <= t.now)
        .map(|a| Clock {
            kind,
            cycle: t.cycle_at(a.at),
            start: a.at,
            length: Length::Until(a.due),
            pause_while: &[],
            // A done time after `now` (an `--as-of` in the past) is not yet.
            end: End::met(a.done_at.filter(|&d| d <= t.now)),
            owner: Some(&a.owner),
            department: a.department.as_deref(),
        })
        .collect()
}

/// Execution, one clock per plan sent (seed 002 执行落地: "execution by the
/// plan's own duration", a promise): from the plan until its `execute_by`,
/// met by the first `execute --done` after it. Stopped by the customer
/// refusing it, by a newer plan or by a close: before its time no breach,
/// after it a breach that stays (as a promise moved too late).
pub(super) fn executions(t: &Timeline) -> Vec<Clock<'static>> {
    let plans = t.events.iter().enumerate().filter_map(|(i, e)| Some((i, e.execute_by?)));
    plans
        .map(|(i, execute_by)| Clock {
            kind: TargetKind::Execution,
            cycle: t.cycle_at(t.events[i].at),
            start: t.events[i].at,
            length: Length::Until(execute_by),
            pause_while: &[],
            end: execution_end(&t.events[i + 1..]),
            owner: None,
            department: None,
        })
        .collect()
}

fn execution_end(later: &[ClockEvent]) -> End {
    for e in later {
        if e.executed {
            return End::met(Some(e.at));
        }
        if e.plan_refused || e.execute_by.is_some() || e.to == Some(Status::Closed) {
            return End { met: None, stopped: Some(e.at) };
        }
    }
    End::default()
}
