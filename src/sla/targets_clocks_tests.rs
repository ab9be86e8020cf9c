//! Issue 14's clocks on today's targets: a plan's execution by its own time,
//! several departments, severity changes seen from the cache. Default
//! config (general 24h / 2wd, major 1h / 4h); 2026-03-09 is a Monday.

use super::tests::{classify, go, row, summary, t, targets, ticket};
use super::*;
use crate::config::Config;
use crate::sla::{SlaDuration, Target, TargetKind, TargetState};
use crate::ticket::{Action, Confirms, Event, IndexEntry, Status, Ticket};

use Status::*;
use TargetKind::*;
use TargetState::*;

fn plan(tk: &mut Ticket, at: &str, execute_by: &str) {
    let mut e = Event::new(t(at), "li", Action::PlanSent);
    e.plan = Some("上门更换".into());
    e.execute_by = Some(t(execute_by));
    if tk.status == New {
        e.from = Some(New);
        e.to = Some(Processing);
    }
    tk.record(e);
}

fn answer_plan(tk: &mut Ticket, at: &str, accepted: bool) {
    let mut e = Event::new(t(at), "li", Action::Confirmation);
    e.confirms = Some(Confirms::Plan);
    e.accepted = Some(accepted);
    tk.record(e);
}

fn executed(tk: &mut Ticket, at: &str) {
    let mut e = Event::new(t(at), "li", Action::Executed);
    e.note = Some("已完成".into());
    tk.record(e);
}

fn executions(tk: &Ticket, now: &str) -> Vec<(TargetKind, usize, String, TargetState)> {
    let all: Vec<Target> = targets(tk, now).into_iter().filter(|x| x.kind == Execution).collect();
    summary(&all)
}

#[test]
fn a_plan_is_carried_out_by_its_own_time() {
    let mut tk = ticket("2026-03-09 09:00", "general");
    plan(&mut tk, "2026-03-09 10:00", "2026-03-11 18:00");
    answer_plan(&mut tk, "2026-03-09 11:00", true);
    assert_eq!(executions(&tk, "2026-03-11 17:59"), [row(Execution, 0, "2026-03-11 18:00", Pending)]);
    assert_eq!(executions(&tk, "2026-03-11 18:00"), [row(Execution, 0, "2026-03-11 18:00", Overdue)]);
    executed(&mut tk, "2026-03-11 17:00");
    assert_eq!(executions(&tk, "2026-03-12 09:00"), [row(Execution, 0, "2026-03-11 18:00", Met)]);
    // The plan moved the new ticket to processing: its first response.
    assert_eq!(targets(&tk, "2026-03-12 09:00")[0].met_at, Some(t("2026-03-09 10:00")));
}

#[test]
fn a_refused_plan_stops_and_a_late_new_plan_keeps_the_breach() {
    let mut tk = ticket("2026-03-09 09:00", "general");
    plan(&mut tk, "2026-03-09 10:00", "2026-03-10 12:00");
    answer_plan(&mut tk, "2026-03-09 11:00", false);
    plan(&mut tk, "2026-03-09 14:00", "2026-03-10 18:00");
    answer_plan(&mut tk, "2026-03-09 15:00", true);
    // Refused before its time: stopped, no breach. The second is overdue.
    assert_eq!(
        executions(&tk, "2026-03-11 10:00"),
        [row(Execution, 0, "2026-03-10 12:00", Stopped), row(Execution, 0, "2026-03-10 18:00", Overdue)]
    );
    // A third plan after the second's time passed: the second stays a breach.
    plan(&mut tk, "2026-03-11 11:00", "2026-03-13 18:00");
    executed(&mut tk, "2026-03-12 10:00");
    assert_eq!(
        executions(&tk, "2026-03-13 09:00"),
        [
            row(Execution, 0, "2026-03-10 12:00", Stopped),
            row(Execution, 0, "2026-03-10 18:00", Breached),
            row(Execution, 0, "2026-03-13 18:00", Met),
        ]
    );
    // Closing stops an unmet one: before its time, no breach.
    let mut closed = ticket("2026-03-09 09:00", "general");
    plan(&mut closed, "2026-03-09 10:00", "2026-03-12 18:00");
    go(&mut closed, "2026-03-10 10:00", Processing, Closed);
    assert_eq!(executions(&closed, "2026-03-20 10:00"), [row(Execution, 0, "2026-03-12 18:00", Stopped)]);
}

fn involve(tk: &mut Ticket, at: &str, department: Option<&str>, also: &[&str]) {
    let mut e = Event::new(t(at), "li", Action::Assigned);
    e.department = department.map(str::to_string);
    e.also = also.iter().map(|d| d.to_string()).collect();
    tk.record(e);
}

/// Major with `multi_department = "8bh"`: one department 4h, several the
/// same day (seed 001 8.3). The view from the cache must agree.
fn resolution(tk: &Ticket, now: &str) -> (String, TargetState) {
    let mut config = Config::default();
    let major = config.sla.targets.get_mut("major").unwrap();
    major.multi_department = Some(SlaDuration::parse_for("8bh", "test").unwrap());
    let cal = config.business_calendar();
    let full = ticket_targets(&cal, &config.sla, tk, t(now));
    if let Some(view) = ClockView::of_summary(&IndexEntry::of(tk)) {
        assert_eq!(clock_targets(&cal, &config.sla, &view, t(now)), full);
    }
    let r = full.iter().find(|x| x.kind == Resolution).unwrap();
    (crate::time::format_local(&r.due.at, chrono_tz::Asia::Shanghai), r.state)
}

#[test]
fn several_departments_involved_in_time_get_the_day() {
    // Received Mon 10:00: one department 4h => 14:00; 8bh => 10:00–18:00 =
    // Mon 18:00 (exactly at closing time, it stays there).
    let mut tk = ticket("2026-03-09 10:00", "major");
    involve(&mut tk, "2026-03-09 10:05", Some("售后部"), &[]);
    go(&mut tk, "2026-03-09 10:10", New, Processing);
    assert_eq!(resolution(&tk, "2026-03-09 12:00"), ("2026-03-09 14:00".into(), Pending));
    involve(&mut tk, "2026-03-09 13:00", None, &["仓储部"]);
    // As of before the second department, still 14:00.
    assert_eq!(resolution(&tk, "2026-03-09 12:59"), ("2026-03-09 14:00".into(), Pending));
    assert_eq!(resolution(&tk, "2026-03-09 15:00"), ("2026-03-09 18:00".into(), Pending));
    go(&mut tk, "2026-03-09 17:00", Processing, Resolved);
    assert_eq!(resolution(&tk, "2026-03-09 17:30"), ("2026-03-09 18:00".into(), Met));
}

#[test]
fn a_department_involved_after_the_deadline_keeps_the_breach() {
    // 14:00 passed with one department: adding one at 15:00 cannot undo it.
    let mut tk = ticket("2026-03-09 10:00", "major");
    involve(&mut tk, "2026-03-09 10:05", Some("售后部"), &[]);
    go(&mut tk, "2026-03-09 10:10", New, Processing);
    involve(&mut tk, "2026-03-09 15:00", None, &["仓储部"]);
    go(&mut tk, "2026-03-09 17:00", Processing, Resolved);
    assert_eq!(resolution(&tk, "2026-03-09 17:30"), ("2026-03-09 14:00".into(), MetLate));
}

#[test]
fn one_department_handed_over_is_still_one() {
    // A hand-over replaces the department; `--also` naming the department
    // itself adds none.
    let mut tk = ticket("2026-03-09 10:00", "major");
    involve(&mut tk, "2026-03-09 10:05", Some("售后部"), &["售后部"]);
    assert_eq!(resolution(&tk, "2026-03-09 12:00"), ("2026-03-09 14:00".into(), Pending));
    let mut handed = ticket("2026-03-09 10:00", "major");
    involve(&mut handed, "2026-03-09 10:05", Some("售后部"), &[]);
    involve(&mut handed, "2026-03-09 11:00", Some("技术支持部"), &[]);
    assert_eq!(resolution(&handed, "2026-03-09 12:00"), ("2026-03-09 14:00".into(), Pending));
    // An involved department stays involved after a hand-over: two.
    involve(&mut tk, "2026-03-09 11:00", Some("技术支持部"), &[]);
    assert_eq!(resolution(&tk, "2026-03-09 12:00"), ("2026-03-09 18:00".into(), Pending));
    // Two departments from the start, no `multi_department` configured for
    // general: its 2wd stands (Wed 18:00).
    let mut general = ticket("2026-03-09 10:00", "general");
    involve(&mut general, "2026-03-09 10:05", Some("售后部"), &["仓储部"]);
    assert_eq!(resolution(&general, "2026-03-09 12:00"), ("2026-03-11 18:00".into(), Pending));
}

#[test]
fn the_cache_keeps_a_breach_made_before_the_severity_was_lowered() {
    // 重大 received Mon 10:00, first response due 11:00 (1h); lowered to 一般
    // at 12:00, not yet answered: as of 12:30 the 11:00 breach is overdue,
    // from the whole ticket and from its cached summary alike.
    let mut tk = ticket("2026-03-09 10:00", "major");
    classify(&mut tk, "2026-03-09 12:00", "general");
    let config = Config::default();
    let cal = config.business_calendar();
    let view = ClockView::of_summary(&IndexEntry::of(&tk)).expect("open ticket");
    // Everything but the kinds of every event, which only configured stages
    // need (they read the whole ticket).
    assert_eq!(view, ClockView { kinds: Vec::new(), ..ClockView::from(&tk) });
    let cached = clock_targets(&cal, &config.sla, &view, t("2026-03-09 12:30"));
    assert_eq!((cached[0].kind, cached[0].due.at, cached[0].state), (FirstResponse, t("2026-03-09 11:00"), Overdue));
}
