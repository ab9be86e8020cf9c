//! Plan: the plan told to the customer with the time it will be carried
//! out by (方案告知, seed 002 三: 解决措施、预计完成时间). The plan becomes the
//! ticket's plan (处理方案). Telling the customer a plan is handling the
//! ticket: one still `new` moves to `processing`, which makes it its first
//! response (the first move out of `new`, spec §5).

use serde::Deserialize;

use super::{Change, Stamp, require_open, required_text};
use crate::config::Config;
use crate::error::{Refusal, Result};
use crate::lang::words::Words;
use crate::ticket::{Action, Event, Status, Ticket};
use crate::time;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanInput {
    /// The plan, as told to the customer.
    pub message: String,
    /// When it will have been carried out, as typed (a bare date means the
    /// end of that day).
    pub execute_by: String,
    pub at: Option<String>,
}

/// A new plan replaces the one before it (after a refusal, seed 002 三:
/// 拒绝方案则需重新协商).
pub fn plan(ticket: &Ticket, config: &Config, input: &PlanInput, stamp: Stamp) -> Result<Change> {
    require_open(ticket, "a plan")?;
    let zone = config.zone();
    let text = required_text("message", &input.message, true, config.limits.max_text_bytes)?;
    let execute_by =
        time::in_zone(super::when::deadline_by_day_end(&input.execute_by, config, stamp.at, "execute_by")?, zone);
    if execute_by <= stamp.at {
        return Err(Refusal::ExecuteByNotAfter {
            execute_by: time::format_instant(&execute_by),
            at: time::format_instant(&stamp.at),
        }
        .into());
    }
    let mut event = Event::new(stamp.at, &stamp.by, Action::PlanSent);
    let mut key = "change.plan_sent";
    if ticket.status == Status::New {
        event.from = Some(Status::New);
        event.to = Some(Status::Processing);
        key = "change.plan_sent_new";
    }
    let what = Words::new(key).with("time", time::format_deadline(&execute_by, zone));
    event.plan = Some(text);
    event.execute_by = Some(execute_by);
    Ok(Change::new(event, what))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::ops::fixtures::{after, at, config, stamp, ticket};

    fn input(execute_by: &str) -> PlanInput {
        PlanInput { message: "上门更换充电座".into(), execute_by: execute_by.into(), at: None }
    }

    #[test]
    fn the_execution_time_is_read_as_people_say_it() {
        // Monday 2026-11-23 10:00: 后天 is Wednesday, its end; +2wd is Wednesday 18:00.
        let by =
            |text: &str| plan(&ticket(), &config(), &input(text), stamp("2026-11-23 10:00")).unwrap().event.execute_by;
        assert_eq!(by("后天"), Some(at("2026-11-26 00:00")));
        assert_eq!(by("+2wd"), Some(at("2026-11-25 18:00")));
        assert_eq!(by("明天 18:00"), Some(at("2026-11-24 18:00")));
        assert_eq!(by("2026/11/25 18:00"), Some(at("2026-11-25 18:00")));
    }

    #[test]
    fn a_plan_on_a_new_ticket_moves_it_to_processing() {
        let change = plan(&ticket(), &config(), &input("2026-11-25 18:00"), stamp("2026-11-23 10:00")).unwrap();
        assert_eq!((change.event.from, change.event.to), (Some(Status::New), Some(Status::Processing)));
        assert_eq!(change.event.execute_by, Some(at("2026-11-25 18:00")));
        assert_eq!(change.what, "plan sent, to be carried out by 2026-11-25 18:00 (new -> processing)");
        let planned = after(ticket(), change.event);
        assert_eq!(planned.plan.as_deref(), Some("上门更换充电座"));
        assert_eq!(planned.status, Status::Processing);
    }

    #[test]
    fn a_plan_on_a_ticket_in_hand_moves_nothing() {
        let mut waiting = ticket();
        waiting.status = Status::WaitingCustomer;
        let change = plan(&waiting, &config(), &input("2026-11-25 18:00"), stamp("2026-11-23 10:00")).unwrap();
        assert_eq!((change.event.from, change.event.to), (None, None));
    }

    #[test]
    fn a_bare_date_means_the_end_of_that_day() {
        let change = plan(&ticket(), &config(), &input("2026-11-25"), stamp("2026-11-23 10:00")).unwrap();
        assert_eq!(change.event.execute_by, Some(at("2026-11-26 00:00")));
        assert_eq!(change.what, "plan sent, to be carried out by 2026-11-25 24:00 (new -> processing)");
    }

    #[test]
    fn the_execution_time_lies_after_the_plan() {
        let got = plan(&ticket(), &config(), &input("2026-11-23 09:30"), stamp("2026-11-23 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::ExecuteByNotAfter { .. }))));
    }

    #[test]
    fn a_resolved_ticket_takes_no_plan() {
        let mut resolved = ticket();
        resolved.status = Status::Resolved;
        let got = plan(&resolved, &config(), &input("2026-11-25 18:00"), stamp("2026-11-23 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::StepOnSettled { .. }))));
    }
}
