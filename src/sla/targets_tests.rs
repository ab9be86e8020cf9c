//! Targets from history. Default config: general 24h / 2wd / 3d, serious
//! 4h / 1wd / 3d, major 1h / 4h / 3d; reopen 3wd; update_every 24h; the
//! resolution clock pauses in waiting_customer. 2026-03-09 is a Monday.

use chrono::{DateTime, FixedOffset};

use super::*;
use crate::config::Config;
use crate::sla::{Target, TargetKind, TargetState, overdue_by};
use crate::ticket::{Action, Customer, Event, IndexEntry, NoteKind, Status, Ticket};
use crate::time::{format_local, parse_time};

pub(super) fn t(text: &str) -> DateTime<FixedOffset> {
    parse_time(text, chrono_tz::Asia::Shanghai, "test").unwrap()
}

pub(super) fn ticket(received: &str, severity: &str) -> Ticket {
    let mut created = Event::new(t(received), "wang", Action::Created);
    created.severity = Some(severity.into());
    let customer = Customer::new("张三", "13812345678", None);
    Ticket::new("CP20260309001", "01JDXQ3M5Q6Z3Y0K8N4V2T7B9C", t(received), "phone", customer, "表带断裂", created)
}

pub(super) fn go(ticket: &mut Ticket, at: &str, from: Status, to: Status) {
    let mut e = Event::new(t(at), "li", Action::Transition);
    e.from = Some(from);
    e.to = Some(to);
    ticket.record(e);
}

fn followup(ticket: &mut Ticket, at: &str, score: u32, to: Status) {
    let mut e = Event::new(t(at), "li", Action::Followup);
    e.score = Some(score);
    e.scale = Some(5);
    e.satisfied = Some(score >= 4);
    e.from = Some(Status::Resolved);
    e.to = Some(to);
    ticket.record(e);
}

fn no_answer(ticket: &mut Ticket, at: &str) {
    let mut e = Event::new(t(at), "li", Action::Followup);
    e.no_answer = true;
    ticket.record(e);
}

fn note(ticket: &mut Ticket, at: &str, kind: Option<NoteKind>) {
    let mut e = Event::new(t(at), "li", Action::Note);
    e.kind = kind;
    e.note = Some("已联系仓库".into());
    ticket.record(e);
}

fn promise(ticket: &mut Ticket, at: &str, promised: &str, reason: Option<&str>) {
    let mut e = Event::new(t(at), "li", Action::Promised);
    e.promised_at = Some(t(promised));
    e.reason = reason.map(str::to_string);
    ticket.record(e);
}

pub(super) fn classify(ticket: &mut Ticket, at: &str, severity: &str) {
    let mut e = Event::new(t(at), "li", Action::Classified);
    e.severity = Some(severity.into());
    ticket.record(e);
}

pub(super) fn targets(ticket: &Ticket, now: &str) -> Vec<Target> {
    let config = Config::default();
    let cal = config.business_calendar();
    let full = ticket_targets(&cal, &config.sla, ticket, t(now));
    // `overdue` works from the cached summary: it must give the same targets
    // (severity changes included, issue 14).
    let compact = IndexEntry::of(ticket);
    match ClockView::of_summary(&compact) {
        Some(view) => assert_eq!(clock_targets(&cal, &config.sla, &view, t(now)), full),
        None if compact.settled_by(t(now)) => assert!(full.iter().all(|x| !x.state.is_open()), "{full:?}"),
        None => {}
    }
    full
}

/// `(kind, cycle, due, state)` rows, for compact assertions.
pub(super) fn summary(targets: &[Target]) -> Vec<(TargetKind, usize, String, TargetState)> {
    targets.iter().map(|x| (x.kind, x.cycle, format_local(&x.due.at, chrono_tz::Asia::Shanghai), x.state)).collect()
}

pub(super) fn row(
    kind: TargetKind,
    cycle: usize,
    due: &str,
    state: TargetState,
) -> (TargetKind, usize, String, TargetState) {
    (kind, cycle, due.to_string(), state)
}

use Status::*;
use TargetKind::*;
use TargetState::*;

#[test]
fn national_day_ticket_met_on_time() {
    // Received the day before 国庆. First response 24h => Oct 1 15:00.
    // Resolution 2wd: Oct 1–7 off, Oct 8 = 1, Oct 9 = 2 => Oct 9 18:00.
    // Follow-up 3d from Oct 9 17:00: Oct 10, 11, 12 => 24:00 of Oct 12.
    let mut tk = ticket("2026-09-30 15:00", "general");
    go(&mut tk, "2026-09-30 16:00", New, Processing);
    go(&mut tk, "2026-10-09 17:00", Processing, Resolved);
    followup(&mut tk, "2026-10-10 10:00", 5, Closed);
    let all = targets(&tk, "2026-10-20 10:00");
    assert_eq!(
        summary(&all),
        vec![
            row(FirstResponse, 0, "2026-10-01 15:00", Met),
            row(Resolution, 0, "2026-10-09 18:00", Met),
            row(Followup, 0, "2026-10-13 00:00", Met),
        ]
    );
    assert!(all.iter().all(|x| !x.due.provisional && !x.state.is_breach()));
}

#[test]
fn overdue_resolution_and_update() {
    // Mon 10:00 + 2wd => Wed 18:00. As of Fri 12:00 it is overdue by
    // Thu 9h + Fri 09:00–12:00 3h = 12 working hours, 42 wall hours.
    let mut tk = ticket("2026-03-09 10:00", "general");
    go(&mut tk, "2026-03-09 11:00", New, Processing);
    let all = targets(&tk, "2026-03-13 12:00");
    assert_eq!(
        summary(&all),
        vec![
            row(FirstResponse, 0, "2026-03-10 10:00", Met),
            row(Resolution, 0, "2026-03-11 18:00", Overdue),
            // No progress note since entering processing Mon 11:00: + 24h.
            row(Update, 0, "2026-03-10 11:00", Overdue),
        ]
    );
    let cal = Config::default().business_calendar();
    let (working, wall) = overdue_by(&cal, &all[1], t("2026-03-13 12:00"));
    assert_eq!((working.num_hours(), wall.num_hours()), (12, 42));

    // An internal note does not count as progress; a progress note does.
    let mut internal = tk.clone();
    note(&mut internal, "2026-03-13 10:00", Some(NoteKind::Internal));
    assert_eq!(targets(&internal, "2026-03-13 12:00")[2].state, Overdue);
    let mut progress = tk.clone();
    note(&mut progress, "2026-03-13 10:00", Some(NoteKind::Progress));
    assert_eq!(summary(&targets(&progress, "2026-03-13 12:00"))[2], row(Update, 0, "2026-03-14 10:00", Pending));
    let mut plain = tk.clone();
    note(&mut plain, "2026-03-13 10:00", None);
    assert_eq!(targets(&plain, "2026-03-13 12:00")[2].state, Pending);
}

#[test]
fn first_response_both_sides_of_due() {
    // major: first response 1h from 10:00 => 11:00.
    for (moved, state) in [("2026-03-09 10:59", Met), ("2026-03-09 11:00", Met), ("2026-03-09 11:01", MetLate)] {
        let mut tk = ticket("2026-03-09 10:00", "major");
        go(&mut tk, moved, New, Processing);
        assert_eq!(targets(&tk, "2026-03-09 11:30")[0].state, state, "{moved}");
    }
    let tk = ticket("2026-03-09 10:00", "major");
    assert_eq!(targets(&tk, "2026-03-09 10:59")[0].state, Pending);
    assert_eq!(targets(&tk, "2026-03-09 11:00")[0].state, Overdue);
}

#[test]
fn business_time_pause_moves_the_deadline() {
    // 2wd from Mon 10:00 => Wed 18:00. Waiting for the customer from Tue
    // 10:00: left = Tue 10–18 (8h) + Wed 9h = 17 business hours. Resumed Thu
    // 15:00: Thu 3h (14 left), Fri 9h (5 left), Mon 09:00 + 5h => Mon 14:00.
    let mut tk = ticket("2026-03-09 10:00", "general");
    go(&mut tk, "2026-03-09 10:30", New, Processing);
    go(&mut tk, "2026-03-10 10:00", Processing, WaitingCustomer);
    go(&mut tk, "2026-03-12 15:00", WaitingCustomer, Processing);
    let all = targets(&tk, "2026-03-16 12:00");
    assert_eq!(summary(&all)[1], row(Resolution, 0, "2026-03-16 14:00", Pending));
    assert!(!all[1].paused);
    let mut resolved = tk.clone();
    go(&mut resolved, "2026-03-16 13:00", Processing, Resolved);
    assert_eq!(targets(&resolved, "2026-03-16 13:30")[1].state, Met);

    // Still waiting on Fri 12:00: the clock is paused; if resumed now,
    // Fri 12–18 6h (11 left), Mon 9h (2 left), Tue 09:00 + 2h => Tue 11:00.
    let mut waiting = ticket("2026-03-09 10:00", "general");
    go(&mut waiting, "2026-03-09 10:30", New, Processing);
    go(&mut waiting, "2026-03-10 10:00", Processing, WaitingCustomer);
    let all = targets(&waiting, "2026-03-13 12:00");
    assert_eq!(summary(&all)[1], row(Resolution, 0, "2026-03-17 11:00", Pending));
    assert!(all[1].paused);
    // No update target while waiting for the customer.
    assert!(all.iter().all(|x| x.kind != Update));

    // Resolved straight out of waiting_customer: met, on time.
    go(&mut waiting, "2026-03-13 16:00", WaitingCustomer, Resolved);
    assert_eq!(targets(&waiting, "2026-03-13 17:00")[1].state, Met);
}

#[test]
fn wall_time_pause_and_pause_after_breach() {
    // major: resolution 4h from Mon 10:00 => 14:00. Waiting from 11:00 with
    // 3h left; resumed 20:00 => 23:00 (wall time, not business time).
    let mut tk = ticket("2026-03-09 10:00", "major");
    go(&mut tk, "2026-03-09 10:10", New, Processing);
    go(&mut tk, "2026-03-09 11:00", Processing, WaitingCustomer);
    go(&mut tk, "2026-03-09 20:00", WaitingCustomer, Processing);
    assert_eq!(summary(&targets(&tk, "2026-03-09 22:00"))[1], row(Resolution, 0, "2026-03-09 23:00", Pending));
    go(&mut tk, "2026-03-09 23:30", Processing, Resolved);
    let all = targets(&tk, "2026-03-10 09:00");
    assert_eq!(all[1].state, MetLate);
    assert!(all[1].state.is_breach());

    // A pause that begins after the deadline has nothing left: stays breached.
    let mut late = ticket("2026-03-09 10:00", "major");
    go(&mut late, "2026-03-09 10:10", New, Processing);
    go(&mut late, "2026-03-09 15:00", Processing, WaitingCustomer);
    go(&mut late, "2026-03-10 10:00", WaitingCustomer, Processing);
    assert_eq!(summary(&targets(&late, "2026-03-10 11:00"))[1], row(Resolution, 0, "2026-03-09 14:00", Overdue));
}

#[test]
fn severity_change_recomputes_from_the_original_start() {
    // Raised to serious at 12:00: first response 4h from 10:00 => 14:00,
    // resolution 1wd => Tue 18:00.
    let mut tk = ticket("2026-03-09 10:00", "general");
    classify(&mut tk, "2026-03-09 12:00", "serious");
    go(&mut tk, "2026-03-09 13:00", New, Processing);
    let s = summary(&targets(&tk, "2026-03-09 13:30"));
    assert_eq!(s[0], row(FirstResponse, 0, "2026-03-09 14:00", Met));
    assert_eq!(s[1], row(Resolution, 0, "2026-03-10 18:00", Pending));

    // Raised to major: first response 1h => 11:00, already missed at 13:00.
    let mut tk = ticket("2026-03-09 10:00", "general");
    classify(&mut tk, "2026-03-09 12:00", "major");
    go(&mut tk, "2026-03-09 13:00", New, Processing);
    let s = summary(&targets(&tk, "2026-03-09 13:30"));
    assert_eq!(s[0], row(FirstResponse, 0, "2026-03-09 11:00", MetLate));
    assert_eq!(s[1], row(Resolution, 0, "2026-03-09 14:00", Pending));
}

#[test]
fn reopen_starts_a_new_cycle() {
    // Cycle 0: Mon 10:00 + 2wd => Wed 18:00, resolved Tue 16:00 (met).
    // Follow-up from Tue 16:00 + 3d => 24:00 of Fri = Sat 00:00; the
    // unsatisfied answer on Wed 10:00 meets it and reopens the ticket.
    // Cycle 1: Wed 10:00 + 3wd => Thu, Fri, Mon => Mon 16 18:00. As of Tue
    // 10:00 overdue by Tue 09:00–10:00 = 1 working hour, 16 wall hours.
    let mut tk = ticket("2026-03-09 10:00", "general");
    go(&mut tk, "2026-03-09 10:30", New, Processing);
    go(&mut tk, "2026-03-10 16:00", Processing, Resolved);
    followup(&mut tk, "2026-03-11 10:00", 2, Processing);
    assert_eq!(tk.reopen_count(), 1);
    let now = "2026-03-17 10:00";
    let all = targets(&tk, now);
    assert_eq!(
        summary(&all),
        vec![
            row(FirstResponse, 0, "2026-03-10 10:00", Met),
            row(Resolution, 0, "2026-03-11 18:00", Met),
            row(Followup, 0, "2026-03-14 00:00", Met),
            row(Resolution, 1, "2026-03-16 18:00", Overdue),
            row(Update, 1, "2026-03-12 10:00", Overdue),
            // The veto was never reported to the supervisor (1h, issue 14).
            row(VetoReport, 1, "2026-03-11 11:00", Overdue),
        ]
    );
    let cal = Config::default().business_calendar();
    let (working, wall) = overdue_by(&cal, &all[3], t(now));
    assert_eq!((working.num_hours(), wall.num_hours()), (1, 16));

    // Resolved again and closed after a satisfied follow-up; reopened from
    // closed later: cycle 2.
    go(&mut tk, "2026-03-17 11:00", Processing, Resolved);
    followup(&mut tk, "2026-03-18 10:00", 5, Closed);
    go(&mut tk, "2026-03-20 10:00", Closed, Processing);
    let s = summary(&targets(&tk, "2026-03-20 11:00"));
    assert_eq!(s[3], row(Resolution, 1, "2026-03-16 18:00", MetLate));
    assert_eq!(s[4], row(Followup, 1, "2026-03-21 00:00", Met));
    // Fri 20 10:00 + 3wd => Mon 23, Tue 24, Wed 25.
    assert_eq!(s[5], row(Resolution, 2, "2026-03-25 18:00", Pending));
}

#[test]
fn no_answer_does_not_meet_the_followup() {
    // Resolved Tue 16:00 => follow-up due Sat 00:00.
    let mut tk = ticket("2026-03-09 10:00", "general");
    go(&mut tk, "2026-03-09 10:30", New, Processing);
    go(&mut tk, "2026-03-10 16:00", Processing, Resolved);
    no_answer(&mut tk, "2026-03-11 10:00");
    no_answer(&mut tk, "2026-03-12 10:00");
    let all = targets(&tk, "2026-03-14 09:00");
    assert_eq!(summary(&all)[2], row(Followup, 0, "2026-03-14 00:00", Overdue));
    followup(&mut tk, "2026-03-14 10:00", 4, Closed);
    let all = targets(&tk, "2026-03-14 11:00");
    assert_eq!(all[2].met_at, Some(t("2026-03-14 10:00")));
    assert_eq!(all[2].state, MetLate);
}

#[test]
fn every_promise_is_a_target_of_its_own() {
    // Promised Wed 03-11 12:00; extended Wed 09:00 to Fri 18:00. The
    // extension supersedes the first promise before its time (stopped, no
    // breach) but came later than 1d ahead (notice due Tue 03-10 12:00):
    // a late notice.
    let mut tk = ticket("2026-03-09 10:00", "general");
    go(&mut tk, "2026-03-09 10:30", New, Processing);
    promise(&mut tk, "2026-03-09 10:30", "2026-03-11 12:00", None);
    promise(&mut tk, "2026-03-11 09:00", "2026-03-13 18:00", Some("等待厂家配件"));
    let kinds = [Promise, PromiseNotice];
    let p = |tk: &Ticket, now: &str| -> Vec<(TargetKind, DateTime<FixedOffset>, TargetState)> {
        targets(tk, now).into_iter().filter(|x| kinds.contains(&x.kind)).map(|x| (x.kind, x.due.at, x.state)).collect()
    };
    assert_eq!(
        p(&tk, "2026-03-12 10:00"),
        [
            (Promise, t("2026-03-11 12:00"), Stopped),
            (PromiseNotice, t("2026-03-10 12:00"), MetLate),
            (Promise, t("2026-03-13 18:00"), Pending),
        ]
    );
    assert_eq!(p(&tk, "2026-03-14 10:00")[2].2, Overdue);
    let mut met = tk.clone();
    go(&mut met, "2026-03-13 17:00", Processing, Resolved);
    assert_eq!(p(&met, "2026-03-14 10:00")[2].2, Met);
    // Before the extension was recorded, only the first promise was in force.
    assert_eq!(p(&tk, "2026-03-11 08:00"), [(Promise, t("2026-03-11 12:00"), Pending)]);
}

#[test]
fn an_extension_told_a_day_ahead_is_on_time() {
    // Promised Fri 03-13 18:00; notice due Thu 03-12 18:00. Told Thu 17:59:
    // on time; the first promise is superseded without a breach.
    let mut tk = ticket("2026-03-09 10:00", "general");
    go(&mut tk, "2026-03-09 10:30", New, Processing);
    promise(&mut tk, "2026-03-09 10:30", "2026-03-13 18:00", None);
    promise(&mut tk, "2026-03-12 17:59", "2026-03-16 18:00", Some("配件缺货"));
    let all = targets(&tk, "2026-03-14 10:00");
    let promises = all.iter().filter(|x| matches!(x.kind, Promise | PromiseNotice));
    let got: Vec<(TargetKind, TargetState)> = promises.map(|x| (x.kind, x.state)).collect();
    assert_eq!(got, [(Promise, Stopped), (PromiseNotice, Met), (Promise, Pending)]);
}

#[test]
fn moving_a_missed_promise_keeps_its_breach() {
    // Promised Sat 2026-11-21 18:00 (the sample store's CP20261120001),
    // moved on Mon 11-23 10:00 to Wed 11-25 18:00: the first promise stays
    // unmet (overdue) until resolved, and the notice (due Fri 11-20 18:00)
    // is late.
    let mut tk = ticket("2026-11-20 09:10", "general");
    go(&mut tk, "2026-11-20 09:30", New, Processing);
    promise(&mut tk, "2026-11-20 09:50", "2026-11-21 18:00", None);
    promise(&mut tk, "2026-11-23 10:00", "2026-11-25 18:00", Some("配件缺货"));
    let p = |tk: &Ticket, now: &str| -> Vec<(TargetKind, DateTime<FixedOffset>, TargetState)> {
        targets(tk, now)
            .into_iter()
            .filter(|x| matches!(x.kind, Promise | PromiseNotice))
            .map(|x| (x.kind, x.due.at, x.state))
            .collect()
    };
    assert_eq!(
        p(&tk, "2026-11-23 10:00"),
        [
            (Promise, t("2026-11-21 18:00"), Overdue),
            (PromiseNotice, t("2026-11-20 18:00"), MetLate),
            (Promise, t("2026-11-25 18:00"), Pending),
        ]
    );
    go(&mut tk, "2026-11-24 15:00", Processing, Resolved);
    let states: Vec<TargetState> = p(&tk, "2026-11-24 16:00").into_iter().map(|x| x.2).collect();
    assert_eq!(states, [MetLate, MetLate, Met]);
}

#[test]
fn closing_stops_unmet_clocks() {
    // Closed (invalid) Thu 10:00 after the Wed 18:00 resolution deadline: a
    // breach; closed Tue 10:00 before it: stopped, no breach.
    for (closed, state) in [("2026-03-12 10:00", Breached), ("2026-03-10 10:00", Stopped)] {
        let mut tk = ticket("2026-03-09 10:00", "general");
        go(&mut tk, "2026-03-09 10:30", New, Processing);
        go(&mut tk, closed, Processing, Closed);
        let all = targets(&tk, "2026-04-01 10:00");
        assert_eq!(all[1].state, state, "{closed}");
        assert!(all.iter().all(|x| !x.state.is_open()), "{closed}: {all:?}");
    }
    // Resolved then closed without a follow-up before the follow-up deadline.
    let mut tk = ticket("2026-03-09 10:00", "general");
    go(&mut tk, "2026-03-09 10:30", New, Processing);
    go(&mut tk, "2026-03-10 16:00", Processing, Resolved);
    go(&mut tk, "2026-03-11 10:00", Resolved, Closed);
    let all = targets(&tk, "2026-04-01 10:00");
    assert_eq!(summary(&all)[2], row(Followup, 0, "2026-03-14 00:00", Stopped));
}

#[test]
fn now_is_the_as_of_time() {
    // Events after `now` are ignored: as of Tue the ticket was still open.
    let mut tk = ticket("2026-03-09 10:00", "general");
    go(&mut tk, "2026-03-09 10:30", New, Processing);
    go(&mut tk, "2026-03-12 10:00", Processing, Resolved);
    assert_eq!(targets(&tk, "2026-03-10 10:00")[1].state, Pending);
    assert_eq!(targets(&tk, "2026-03-13 10:00")[1].state, MetLate);
    assert!(targets(&tk, "2026-03-01 10:00").is_empty());
}

#[test]
fn provisional_deadline_is_flagged() {
    // Received Wed Dec 30 2026: 2wd = Thu Dec 31, Fri Jan 1 2027 (no data).
    let tk = ticket("2026-12-30 10:00", "general");
    let all = targets(&tk, "2026-12-30 11:00");
    assert_eq!(summary(&all)[1], row(Resolution, 0, "2027-01-01 18:00", Pending));
    assert!(all[1].due.provisional);
    assert!(!all[0].due.provisional);
}

#[test]
fn pause_configurable_per_target() {
    // Without the pause the waiting time counts: due stays Wed 18:00.
    let config =
        Config::from_toml("[sla.pause_while]\nresolution = []\n", std::path::Path::new("complaint.toml")).unwrap();
    let mut tk = ticket("2026-03-09 10:00", "general");
    go(&mut tk, "2026-03-09 10:30", New, Processing);
    go(&mut tk, "2026-03-10 10:00", Processing, WaitingCustomer);
    let all = ticket_targets(&config.business_calendar(), &config.sla, &tk, t("2026-03-12 10:00"));
    assert_eq!(summary(&all)[1], row(Resolution, 0, "2026-03-11 18:00", Overdue));
}

#[test]
fn makeup_saturday_ticket() {
    // docs/sla.md example 2: serious, received on the make-up Saturday Oct 10
    // 10:00. First response 4h => 14:00 the same day. Resolution 1wd: Sat not
    // counted, Sun 11 off, Mon 12 = 1 => Mon 18:00.
    let tk = ticket("2026-10-10 10:00", "serious");
    let all = targets(&tk, "2026-10-10 11:00");
    assert_eq!(
        summary(&all),
        vec![row(FirstResponse, 0, "2026-10-10 14:00", Pending), row(Resolution, 0, "2026-10-12 18:00", Pending)]
    );
}

#[test]
fn lowering_the_severity_keeps_a_breach_already_made() {
    // 重大 received Mon 10:00: first response due 11:00 (1h), missed; lowered
    // to 一般 at 12:00, answered at 13:00. Under 一般 alone it would be met
    // (due Tue 10:00); the 11:00 breach stands. Resolution: 重大's 14:00 had
    // not passed at 12:00, so 一般's 2wd (Wed 18:00) applies.
    let mut tk = ticket("2026-03-09 10:00", "major");
    let mut lowered = Event::new(t("2026-03-09 12:00"), "li", Action::Classified);
    lowered.severity = Some("general".into());
    tk.record(lowered);
    go(&mut tk, "2026-03-09 13:00", New, Processing);
    assert_eq!(tk.severity, "general");
    let all = targets(&tk, "2026-03-09 15:00");
    assert_eq!((all[0].kind, all[0].due.at, all[0].state), (FirstResponse, t("2026-03-09 11:00"), MetLate));
    assert_eq!((all[1].kind, all[1].due.at, all[1].state), (Resolution, t("2026-03-11 18:00"), Pending));
    // Raising it instead recomputes from the original start, as before.
    let mut raised = ticket("2026-03-09 10:00", "general");
    let mut up = Event::new(t("2026-03-09 12:00"), "li", Action::Classified);
    up.severity = Some("major".into());
    raised.record(up);
    let all = targets(&raised, "2026-03-09 12:30");
    assert_eq!((all[0].due.at, all[0].state), (t("2026-03-09 11:00"), Overdue));
}
