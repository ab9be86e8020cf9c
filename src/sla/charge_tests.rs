//! Charging by hand: 王芳 takes the call, 孙磊 (售后部) holds the ticket
//! and resolves it, 赵敏 calls back and the customer vetoes (3/5), then it
//! is reassigned to 李娜 (客服部).

use chrono::{DateTime, FixedOffset};

use super::*;
use crate::ticket::{Action, Event, Status};
use crate::time::parse_time;

fn t(text: &str) -> DateTime<FixedOffset> {
    parse_time(text, chrono_tz::Asia::Shanghai, "test").unwrap()
}

fn event(at: &str, by: &str, action: Action) -> Event {
    Event::new(t(at), by, action)
}

fn moved(at: &str, by: &str, action: Action, from: Status, to: Status) -> Event {
    let mut e = event(at, by, action);
    e.from = Some(from);
    e.to = Some(to);
    e
}

fn assigned(at: &str, department: Option<&str>, assignee: &str) -> Event {
    let mut e = event(at, "王芳", Action::Assigned);
    e.department = department.map(str::to_string);
    e.assignee = Some(assignee.into());
    e
}

fn holder(assignee: &str, department: &str) -> Holder {
    Holder { assignee: Some(assignee.into()), department: Some(department.into()) }
}

fn history() -> Vec<Event> {
    let mut veto = moved("2026-11-12 10:00", "赵敏", Action::Followup, Status::Resolved, Status::Processing);
    veto.score = Some(3);
    veto.scale = Some(5);
    veto.satisfied = Some(false);
    vec![
        event("2026-11-09 09:00", "王芳", Action::Created),
        assigned("2026-11-09 09:05", Some("售后部"), "孙磊"),
        moved("2026-11-09 09:30", "孙磊", Action::Transition, Status::New, Status::Processing),
        moved("2026-11-11 17:00", "孙磊", Action::Transition, Status::Processing, Status::Resolved),
        veto,
        assigned("2026-11-12 11:00", Some("客服部"), "李娜"),
    ]
}

#[test]
fn each_charge_goes_to_the_holder_at_the_time() {
    let charges = Charges::of(&history());
    assert_eq!(charges.receiver.as_deref(), Some("王芳"));
    let sun = holder("孙磊", "售后部");
    assert_eq!(charges.resolutions, [(t("2026-11-11 17:00"), sun.clone())]);
    assert_eq!(charges.reopens, std::slice::from_ref(&sun));
    assert_eq!(charges.followups.len(), 1);
    assert_eq!((charges.followups[0].caller.as_str(), &charges.followups[0].resolver), ("赵敏", &sun));
    // Before the first assignment nobody held it; an assignment at the very
    // deadline is too late to take the breach.
    assert_eq!(charges.holder_at(t("2026-11-09 09:05")), Holder::default());
    assert_eq!(charges.holder_at(t("2026-11-12 11:00")), sun);
    assert_eq!(charges.holder_at(t("2026-11-12 11:01")), holder("李娜", "客服部"));
    assert_eq!(charges.assignees(), ["孙磊", "李娜"]);
}

#[test]
fn an_assignee_alone_keeps_the_department() {
    let mut events = history();
    events.push(assigned("2026-11-13 09:00", None, "周婷"));
    let charges = Charges::of(&events);
    assert_eq!(charges.holder_at(t("2026-11-13 10:00")), holder("周婷", "客服部"));
}

#[test]
fn nobody_assigned_charges_whoever_resolved() {
    let events = [
        event("2026-11-09 09:00", "王芳", Action::Created),
        moved("2026-11-09 10:00", "吴昊", Action::Transition, Status::New, Status::Resolved),
        moved("2026-11-10 10:00", "吴昊", Action::Transition, Status::Resolved, Status::Processing),
    ];
    let charges = Charges::of(&events);
    assert_eq!(charges.reopens, [Holder { assignee: Some("吴昊".into()), department: None }]);
}
