//! The rules of `task`, with due times computed by hand.

use std::path::Path;

use super::*;
use crate::error::Error;
use crate::ops::fixtures::{after, at, stamp, ticket};
use crate::ticket::Status;

/// 仓储部 (supervisor 张仓管) within 24h, 财务部 within 3 working days,
/// 质量部 with no default time.
fn config() -> Config {
    let toml = "[people]\n\"张仓管\" = \"zhang@example.com\"\n\
                [departments.\"仓储部\"]\nsupervisor = \"张仓管\"\ntask_within = \"24h\"\n\
                [departments.\"财务部\"]\ntask_within = \"3wd\"\n\
                [departments.\"质量部\"]\n";
    Config::from_toml(toml, Path::new("complaint.toml")).unwrap()
}

fn input(department: &str) -> TaskInput {
    TaskInput { text: Some("发出换新机".into()), department: Some(department.into()), ..TaskInput::default() }
}

fn done(number: u32) -> TaskInput {
    TaskInput { done: Some(number), message: Some("已发货".into()), ..TaskInput::default() }
}

fn with_task(department: &str, at_time: &str) -> Ticket {
    after(ticket(), task(&ticket(), &config(), &input(department), stamp(at_time)).unwrap().event)
}

#[test]
fn the_warehouse_ships_within_24_wall_hours_owned_by_its_supervisor() {
    let change = task(&ticket(), &config(), &input("仓储部"), stamp("2026-11-20 10:00")).unwrap();
    let e = &change.event;
    assert_eq!(
        (e.action, e.task_department.as_deref(), e.owner.as_deref()),
        (Action::Task, Some("仓储部"), Some("张仓管"))
    );
    assert_eq!(e.due, Some(at("2026-11-21 10:00")));
    assert_eq!(change.what, "execution task 1 for 仓储部 added (张仓管, due 2026-11-21 10:00)");
}

#[test]
fn finance_pays_within_3_working_days_by_the_calendar() {
    // Fri 2026-11-20 10:00: Mon 23, Tue 24, Wed 25 ⇒ Wed 18:00; no supervisor: no owner by name.
    let e = task(&ticket(), &config(), &input("财务部"), stamp("2026-11-20 10:00")).unwrap().event;
    assert_eq!((e.due, e.owner), (Some(at("2026-11-25 18:00")), None));
    // Wed 2026-09-30 15:00, before National Day: Oct 1–7 off; Thu 8, Fri 9, the 调休 Sat 10.
    let e = task(&ticket(), &config(), &input("财务部"), stamp("2026-09-30 15:00")).unwrap().event;
    assert_eq!(e.due, Some(at("2026-10-10 18:00")));
}

#[test]
fn a_given_owner_and_due_win_over_the_department_defaults() {
    let given = TaskInput { owner: Some("钱专员".into()), due: Some("+2wd".into()), ..input("仓储部") };
    let e = task(&ticket(), &config(), &given, stamp("2026-11-20 10:00")).unwrap().event;
    assert_eq!((e.owner.as_deref(), e.due), (Some("钱专员"), Some(at("2026-11-24 18:00"))));
    let bare = TaskInput { due: Some("2026-11-30".into()), ..input("质量部") };
    let e = task(&ticket(), &config(), &bare, stamp("2026-11-20 10:00")).unwrap().event;
    assert_eq!(e.due, Some(at("2026-12-01 00:00")));
}

#[test]
fn no_due_time_and_none_configured_is_refused() {
    let got = task(&ticket(), &config(), &input("质量部"), stamp("2026-11-20 10:00"));
    assert!(matches!(got, Err(Error::Refused(Refusal::TaskNeedsDue { .. }))), "{got:?}");
}

#[test]
fn an_unknown_department_names_the_configured_ones() {
    let got = task(&ticket(), &config(), &input("物流部"), stamp("2026-11-20 10:00")).unwrap_err();
    assert_eq!(
        got.to_string(),
        "department \"物流部\" is not configured; configured departments: 仓储部, 财务部, 质量部"
    );
}

#[test]
fn done_marks_an_open_task_once() {
    let ticket = with_task("仓储部", "2026-11-23 10:00");
    let change = task(&ticket, &config(), &done(1), stamp("2026-11-23 12:00")).unwrap();
    assert_eq!((change.event.action, change.event.done_item), (Action::Task, Some(1)));
    assert_eq!(change.what, "execution task 1 done");
    let marked = after(ticket, change.event);
    let again = task(&marked, &config(), &done(1), stamp("2026-11-23 13:00"));
    assert!(matches!(again, Err(Error::Refused(Refusal::TaskAlreadyDone { number: 1, .. }))), "{again:?}");
    let missing = task(&marked, &config(), &done(2), stamp("2026-11-23 13:00"));
    assert!(matches!(missing, Err(Error::Refused(Refusal::NoSuchTask { number: 2, tasks: 1, .. }))));
    let zero = task(&marked, &config(), &done(0), stamp("2026-11-23 13:00"));
    assert!(matches!(zero, Err(Error::Refused(Refusal::NoSuchTask { number: 0, .. }))));
}

#[test]
fn a_resolved_ticket_has_done_its_tasks() {
    let mut resolved = Event::new(at("2026-11-23 11:00"), "李娜", Action::Transition);
    (resolved.from, resolved.to) = (Some(Status::New), Some(Status::Resolved));
    let ticket = after(with_task("仓储部", "2026-11-23 10:00"), resolved);
    let got = task(&ticket, &config(), &done(1), stamp("2026-11-23 12:00"));
    assert!(matches!(got, Err(Error::Refused(Refusal::TaskAlreadyDone { .. }))), "{got:?}");
}

#[test]
fn a_done_marker_takes_no_task_fields() {
    let mixed = TaskInput { department: Some("仓储部".into()), ..done(1) };
    assert!(matches!(mixed.check_given(), Err(Error::Refused(Refusal::TaskDoneFields))));
    let bare = TaskInput::default();
    assert!(matches!(bare.check_given(), Err(Error::Refused(Refusal::NeedsOneOf { operation: "task", .. }))));
}

#[test]
fn reads_the_api_keys() {
    let input: TaskInput = serde_json::from_str(r#"{"text": "补偿", "department": "财务部"}"#).unwrap();
    assert_eq!(input.department.as_deref(), Some("财务部"));
    assert!(serde_json::from_str::<TaskInput>(r#"{"dept": "财务部"}"#).is_err());
}
