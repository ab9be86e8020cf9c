//! Execute: the plan's execution reported done (执行完成, seed 002 四). It
//! starts the result confirmation (结果确认, 2h); the ticket is resolved
//! when the customer accepts the result (`confirm`), so nothing moves here.
//! `done` is the only report today; seed 002 四 also records when execution
//! starts (处理开始时间), which a `started` report would add.

use serde::Deserialize;

use super::{Change, Stamp, require_open, required_text};
use crate::config::Config;
use crate::error::{Refusal, Result};
use crate::lang::words::Words;
use crate::ticket::{Action, Event, Ticket};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExecuteInput {
    /// The execution is reported done.
    pub done: bool,
    /// What was done.
    pub message: String,
    pub at: Option<String>,
}

impl ExecuteInput {
    /// What can be refused before the ticket is read.
    pub fn check_given(&self) -> Result<()> {
        if !self.done {
            return Err(Refusal::NeedsOneOf { operation: "execute", fields: &["done"] }.into());
        }
        Ok(())
    }
}

pub fn execute(ticket: &Ticket, config: &Config, input: &ExecuteInput, stamp: Stamp) -> Result<Change> {
    input.check_given()?;
    require_open(ticket, "an execution")?;
    let text = required_text("message", &input.message, true, config.limits.max_text_bytes)?;
    if ticket.latest_plan().is_some_and(|p| p.refused()) {
        return Err(Refusal::PlanRefused { id: ticket.id.clone() }.into());
    }
    let mut event = Event::new(stamp.at, &stamp.by, Action::Executed);
    event.note = Some(text);
    Ok(Change::new(event, Words::new("change.execution_done")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::ops::fixtures::{after, at, config, stamp, ticket};
    use crate::ticket::{Confirms, Status};

    fn input() -> ExecuteInput {
        ExecuteInput { done: true, message: "已上门更换".into(), at: None }
    }

    fn plan_answered(accepted: bool) -> Ticket {
        let mut sent = Event::new(at("2026-11-23 10:00"), "李娜", Action::PlanSent);
        sent.plan = Some("换新".into());
        let mut answer = Event::new(at("2026-11-23 11:00"), "李娜", Action::Confirmation);
        (answer.confirms, answer.accepted) = (Some(Confirms::Plan), Some(accepted));
        after(after(ticket(), sent), answer)
    }

    #[test]
    fn an_execution_done_moves_no_status() {
        let change = execute(&plan_answered(true), &config(), &input(), stamp("2026-11-24 10:00")).unwrap();
        assert_eq!(change.what, "execution done");
        assert_eq!((change.event.action, change.event.to), (Action::Executed, None));
        assert_eq!(change.event.note.as_deref(), Some("已上门更换"));
    }

    #[test]
    fn a_refused_plan_is_not_executed() {
        let got = execute(&plan_answered(false), &config(), &input(), stamp("2026-11-24 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::PlanRefused { .. }))));
    }

    #[test]
    fn only_done_is_reported_today() {
        let got = execute(&ticket(), &config(), &ExecuteInput { done: false, ..input() }, stamp("2026-11-24 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::NeedsOneOf { .. }))));
    }

    #[test]
    fn a_resolved_ticket_takes_no_execution() {
        let mut resolved = ticket();
        resolved.status = Status::Resolved;
        let got = execute(&resolved, &config(), &input(), stamp("2026-11-24 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::StepOnSettled { .. }))));
    }
}
