//! Configured stages with hand-computed deadlines. The after-sales preset
//! (docs/sla.md "Configured stages"); work hours 09:00–18:00; 2026-10-01…07
//! is the National Day holiday and Saturday 2026-10-10 a make-up working day
//! (调休); 2026-03-09 is a Monday.

use std::path::Path;

use chrono::{DateTime, FixedOffset};

use crate::config::{Config, preset};
use crate::sla::{Target, TargetState, ticket_targets};
use crate::ticket::{Action, Confirms, Customer, Event, Status, Ticket};
use crate::time::{format_local, parse_time};

fn t(text: &str) -> DateTime<FixedOffset> {
    parse_time(text, chrono_tz::Asia::Shanghai, "test").unwrap()
}

fn after_sales() -> Config {
    Config::from_toml(preset("after-sales").unwrap(), Path::new("test")).unwrap()
}

fn ticket(received: &str, severity: &str) -> Ticket {
    let mut created = Event::new(t(received), "wang", Action::Created);
    created.severity = Some(severity.into());
    let customer = Customer::new("张三", "13812345678", None);
    Ticket::new("CP20261009001", "01JDXQ3M5Q6Z3Y0K8N4V2T7B9C", t(received), "phone", customer, "充电座坏", created)
}

fn record(ticket: &mut Ticket, at: &str, action: Action, edit: impl FnOnce(&mut Event)) {
    let mut e = Event::new(t(at), "li", action);
    edit(&mut e);
    ticket.record(e);
}

fn go(ticket: &mut Ticket, at: &str, from: Status, to: Status) {
    record(ticket, at, Action::Transition, |e| (e.from, e.to) = (Some(from), Some(to)));
}

fn confirm(ticket: &mut Ticket, at: &str, what: Confirms, accepted: bool) {
    record(ticket, at, Action::Confirmation, |e| {
        (e.confirms, e.accepted) = (Some(what), Some(accepted));
        if what == Confirms::Result && accepted {
            (e.from, e.to) = (Some(Status::Processing), Some(Status::Resolved));
        }
    });
}

/// (label, due, state) of every configured stage's clock.
fn stages(config: &Config, ticket: &Ticket, now: &str) -> Vec<(&'static str, String, TargetState)> {
    let cal = config.business_calendar();
    let targets: Vec<Target> = ticket_targets(&cal, &config.sla, ticket, t(now));
    targets
        .iter()
        .filter(|x| matches!(x.kind, crate::sla::TargetKind::Stage(_)))
        .map(|x| (x.kind.label(), format_local(&x.due.at, chrono_tz::Asia::Shanghai), x.state))
        .collect()
}

#[test]
fn national_day_week_moves_the_plan_to_thursday() {
    let config = after_sales();
    let ticket = ticket("2026-09-30 15:00", "general");
    use TargetState::*;
    assert_eq!(
        stages(&config, &ticket, "2026-09-30 15:01"),
        [
            ("受理响应", "2026-09-30 15:05".into(), Pending),
            ("转交", "2026-09-30 15:30".into(), Pending),
            ("初步诊断", "2026-09-30 15:30".into(), Pending),
            ("方案制定", "2026-10-08 18:00".into(), Pending),
        ]
    );
}

/// Every stage of the preset on one ticket over the make-up week: a late
/// hand-over, a refused plan restarting 方案制定, a late result
/// confirmation, a veto starting 补救落实.
#[test]
fn every_preset_stage_over_a_make_up_week() {
    let config = after_sales();
    let mut tk = ticket("2026-10-09 16:00", "general");
    go(&mut tk, "2026-10-09 16:03", Status::New, Status::Processing);
    record(&mut tk, "2026-10-09 16:20", Action::Diagnosed, |_| {});
    record(&mut tk, "2026-10-09 16:40", Action::Assigned, |e| e.department = Some("技术支持部".into()));
    // Saturday 10-10 is a working day: 1wd from Friday ends there.
    record(&mut tk, "2026-10-10 10:00", Action::PlanSent, |e| e.plan = Some("换新".into()));
    confirm(&mut tk, "2026-10-10 11:00", Confirms::Plan, false);
    // Restarted at the refusal: 1wd from Saturday skips Sunday.
    record(&mut tk, "2026-10-12 17:00", Action::PlanSent, |e| e.plan = Some("上门维修".into()));
    confirm(&mut tk, "2026-10-12 18:30", Confirms::Plan, true);
    record(&mut tk, "2026-10-13 10:00", Action::Executed, |_| {});
    confirm(&mut tk, "2026-10-13 13:00", Confirms::Result, true);
    record(&mut tk, "2026-10-14 10:00", Action::Followup, |e| {
        (e.score, e.scale, e.satisfied) = (Some(2), Some(5), Some(false));
        (e.from, e.to) = (Some(Status::Resolved), Some(Status::Processing));
    });
    use TargetState::*;
    assert_eq!(
        stages(&config, &tk, "2026-10-20 09:00"),
        [
            ("受理响应", "2026-10-09 16:05".into(), Met),
            ("转交", "2026-10-09 16:30".into(), MetLate),
            ("初步诊断", "2026-10-09 16:30".into(), Met),
            ("方案制定", "2026-10-10 18:00".into(), Met),
            ("方案制定", "2026-10-12 18:00".into(), Met),
            ("方案确认", "2026-10-10 12:00".into(), Met),
            ("方案确认", "2026-10-12 19:00".into(), Met),
            ("结果确认", "2026-10-13 12:00".into(), MetLate),
            ("回访", "2026-10-14 13:00".into(), Met),
            // 3wd after Wednesday's veto: Thu, Fri, Mon.
            ("补救落实", "2026-10-19 18:00".into(), Overdue),
        ]
    );
}

#[test]
fn waiting_for_the_customer_pauses_the_plan() {
    let config = after_sales();
    let mut tk = ticket("2026-03-09 10:00", "serious");
    go(&mut tk, "2026-03-09 10:02", Status::New, Status::Processing);
    // 24h from 10:00: 22h left when the pause begins at 12:00.
    go(&mut tk, "2026-03-09 12:00", Status::Processing, Status::WaitingCustomer);
    go(&mut tk, "2026-03-10 12:00", Status::WaitingCustomer, Status::Processing);
    let plan = stages(&config, &tk, "2026-03-10 13:00").into_iter().find(|s| s.0 == "方案制定").unwrap();
    assert_eq!(plan, ("方案制定", "2026-03-11 10:00".into(), TargetState::Pending));
}

/// Severity changes recompute from the original start (spec §5), and a
/// breach under the earlier severity stays (spec §5.1).
#[test]
fn a_severity_change_mid_stage() {
    let config = after_sales();
    let mut raised = ticket("2026-03-09 09:00", "general");
    record(&mut raised, "2026-03-09 09:05", Action::Classified, |e| e.severity = Some("major".into()));
    let diagnosis = |tk: &Ticket, now| stages(&config, tk, now).into_iter().find(|s| s.0 == "初步诊断").unwrap();
    assert_eq!(diagnosis(&raised, "2026-03-09 09:20"), ("初步诊断", "2026-03-09 09:10".into(), TargetState::Overdue));

    let mut lowered = ticket("2026-03-09 09:00", "major");
    record(&mut lowered, "2026-03-09 09:20", Action::Classified, |e| e.severity = Some("general".into()));
    assert_eq!(diagnosis(&lowered, "2026-03-09 09:25"), ("初步诊断", "2026-03-09 09:10".into(), TargetState::Overdue));
    let mut early = ticket("2026-03-09 09:00", "major");
    record(&mut early, "2026-03-09 09:05", Action::Classified, |e| e.severity = Some("general".into()));
    assert_eq!(diagnosis(&early, "2026-03-09 09:25"), ("初步诊断", "2026-03-09 09:30".into(), TargetState::Pending));
}

const HANDOVER: &str = r#"
[sla.stages.fix]
label = "修复"
starts = "assigned_department"
met_by = ["resolved"]
durations = { general = "4h" }
multi_department = { general = "1d" }
"#;

#[test]
fn several_departments_use_the_multi_department_durations() {
    let config = Config::from_toml(HANDOVER, Path::new("test")).unwrap();
    let mut tk = ticket("2026-03-09 09:00", "serious");
    record(&mut tk, "2026-03-09 10:00", Action::Assigned, |e| e.department = Some("售后部".into()));
    // A severity without durations falls back to general.
    assert_eq!(stages(&config, &tk, "2026-03-09 10:30"), [("修复", "2026-03-09 14:00".into(), TargetState::Pending)]);
    record(&mut tk, "2026-03-09 10:30", Action::Assigned, |e| e.also = vec!["仓储部".into()]);
    assert_eq!(stages(&config, &tk, "2026-03-09 11:00"), [("修复", "2026-03-11 00:00".into(), TargetState::Pending)]);
}

#[test]
fn a_ticket_is_judged_by_the_version_in_force_when_received() {
    let text = format!(
        "{HANDOVER}\n[[sla.versions]]\nfrom = 2027-01-01\n{}",
        HANDOVER.replace("[sla.stages.fix]", "[sla.versions.stages.fix]").replace("\"4h\"", "\"8h\"")
    );
    let config = Config::from_toml(&text, Path::new("test")).unwrap();
    for (received, due) in [("2026-12-31 09:00", "2026-12-31 14:00"), ("2027-01-04 09:00", "2027-01-04 18:00")] {
        let mut tk = ticket(received, "general");
        record(&mut tk, &received.replace("09:00", "10:00"), Action::Assigned, |e| {
            e.department = Some("售后部".into())
        });
        assert_eq!(stages(&config, &tk, received).len(), 0);
        assert_eq!(stages(&config, &tk, &received.replace("09:00", "10:30"))[0].1, due, "{received}");
    }
}

#[test]
fn the_config_names_the_bad_key() {
    let bad_kind = HANDOVER.replace(r#"met_by = ["resolved"]"#, r#"met_by = ["solved"]"#);
    let err = Config::from_toml(&bad_kind, Path::new("test")).unwrap_err().to_string();
    assert!(
        err.contains("sla.stages.fix.met_by: \"solved\" is not an event kind; the kinds are received, responded"),
        "{err}"
    );
    let zero = HANDOVER.replace(r#"general = "4h""#, r#"general = "0m""#);
    let err = Config::from_toml(&zero, Path::new("test")).unwrap_err().to_string();
    assert!(err.contains("sla.stages.fix.durations.general"), "{err}");
    assert!(err.contains("longer than zero"), "{err}");
}
