//! Confirm: the customer's answer to the plan sent (方案确认, seed 002 三)
//! or to the result of its execution (结果确认, seed 002 五), and how it was
//! given (短信 / 邮件 / 电话 / 签名). One operation for both: the same fact
//! (an answer, its channel) answering the latest thing asked.
//!
//! A refused plan needs a new plan (重新协商); the ticket stays where it is.
//! An accepted result resolves the ticket (seed 002 五: 要求客户签字确认，并
//! 同步更新问题状态为"已解决"), which meets the resolution clock and starts
//! the follow-up's. A refused result leaves it in hand; after resolution the
//! customer's objection is a follow-up's veto instead.

use serde::Deserialize;

use super::{Change, Stamp, optional_text};
use crate::config::Config;
use crate::error::{Refusal, Result};
use crate::lang::words::Words;
use crate::ticket::{Action, Confirms, Event, Status, Ticket, Via};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfirmInput {
    /// What the customer answers: `plan` or `result`.
    pub confirms: Confirms,
    /// Accepted (true) or refused (false).
    pub accepted: bool,
    /// How the answer was given.
    pub via: Via,
    /// A note, e.g. what the customer asked for instead.
    pub message: Option<String>,
    pub at: Option<String>,
}

pub fn confirm(ticket: &Ticket, config: &Config, input: &ConfirmInput, stamp: Stamp) -> Result<Change> {
    let max = config.limits.max_text_bytes;
    let note = optional_text("message", input.message.as_deref(), true, max)?;
    if ticket.status == Status::Closed {
        return Err(Refusal::StepOnSettled {
            id: ticket.id.clone(),
            status: ticket.status,
            operation: "a confirmation",
        }
        .into());
    }
    let (awaiting, what) = match input.confirms {
        Confirms::Plan => (ticket.latest_plan(), "plan"),
        Confirms::Result => (ticket.latest_execution(), "execution reported done"),
    };
    if awaiting.is_none_or(|a| a.answer.is_some()) {
        return Err(Refusal::NothingToConfirm { id: ticket.id.clone(), what }.into());
    }
    let resolves = input.confirms == Confirms::Result && input.accepted;
    if input.confirms == Confirms::Result && !input.accepted && ticket.status == Status::Resolved {
        return Err(Refusal::ResultRefusedAfterResolved { id: ticket.id.clone() }.into());
    }
    let mut event = Event::new(stamp.at, &stamp.by, Action::Confirmation);
    event.confirms = Some(input.confirms);
    event.accepted = Some(input.accepted);
    event.via = Some(input.via);
    event.note = note;
    let key = if resolves && ticket.status != Status::Resolved {
        event.from = Some(ticket.status);
        event.to = Some(Status::Resolved);
        "change.confirmed_resolves"
    } else {
        "change.confirmed"
    };
    let (zh, en) = if input.accepted { ("接受", "accepted") } else { ("拒绝", "refused") };
    let words = Words::new(key)
        .with_pick("what", input.confirms.label(), input.confirms.id())
        .with_pick("verdict", zh, en)
        .with_pick("via", input.via.label(), input.via.id())
        .with_pick("from", ticket.status.default_label(), ticket.status.id());
    Ok(Change::new(event, words))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::ops::fixtures::{after, at, config, stamp, ticket};

    fn input(confirms: Confirms, accepted: bool) -> ConfirmInput {
        ConfirmInput { confirms, accepted, via: Via::Sms, message: None, at: None }
    }

    fn event(action: Action, time: &str) -> Event {
        let mut e = Event::new(at(time), "李娜", action);
        if action == Action::PlanSent {
            (e.from, e.to) = (Some(Status::New), Some(Status::Processing));
            (e.plan, e.execute_by) = (Some("换新".into()), Some(at("2026-11-25 18:00")));
        }
        e
    }

    fn planned() -> Ticket {
        after(ticket(), event(Action::PlanSent, "2026-11-23 10:00"))
    }

    fn answered(t: Ticket, confirms: Confirms, accepted: bool, time: &str) -> Ticket {
        let change = confirm(&t, &config(), &input(confirms, accepted), stamp(time)).unwrap();
        after(t, change.event)
    }

    #[test]
    fn a_plan_is_accepted_by_sms_and_nothing_moves() {
        let change = confirm(&planned(), &config(), &input(Confirms::Plan, true), stamp("2026-11-23 11:00")).unwrap();
        assert_eq!(change.what, "plan accepted by sms");
        assert_eq!((change.event.confirms, change.event.accepted), (Some(Confirms::Plan), Some(true)));
        assert_eq!((change.event.from, change.event.to), (None, None));
    }

    #[test]
    fn without_a_plan_sent_there_is_nothing_to_confirm() {
        let got = confirm(&ticket(), &config(), &input(Confirms::Plan, true), stamp("2026-11-23 11:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::NothingToConfirm { what: "plan", .. }))));
    }

    #[test]
    fn a_plan_is_answered_once_and_a_refused_one_needs_a_new_plan() {
        let refused = answered(planned(), Confirms::Plan, false, "2026-11-23 11:00");
        assert!(refused.latest_plan().unwrap().refused());
        let again = confirm(&refused, &config(), &input(Confirms::Plan, true), stamp("2026-11-23 11:30"));
        assert!(matches!(again, Err(Error::Refused(Refusal::NothingToConfirm { .. }))));
        let replanned = after(refused, event(Action::PlanSent, "2026-11-23 12:00"));
        assert!(confirm(&replanned, &config(), &input(Confirms::Plan, true), stamp("2026-11-23 12:30")).is_ok());
    }

    #[test]
    fn a_result_needs_an_execution_reported_done() {
        let got = confirm(&planned(), &config(), &input(Confirms::Result, true), stamp("2026-11-24 11:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::NothingToConfirm { .. }))));
    }

    #[test]
    fn an_accepted_result_resolves_the_ticket() {
        let executed = after(planned(), event(Action::Executed, "2026-11-24 10:00"));
        let change = confirm(&executed, &config(), &input(Confirms::Result, true), stamp("2026-11-24 11:00")).unwrap();
        assert_eq!(change.what, "result accepted by sms (processing -> resolved)");
        assert_eq!(after(executed, change.event).status, Status::Resolved);
    }

    #[test]
    fn a_refused_result_stays_in_hand_until_executed_again() {
        let executed = after(planned(), event(Action::Executed, "2026-11-24 10:00"));
        let refused = answered(executed, Confirms::Result, false, "2026-11-24 11:00");
        assert_eq!(refused.status, Status::Processing);
        let again = confirm(&refused, &config(), &input(Confirms::Result, true), stamp("2026-11-24 12:00"));
        assert!(matches!(again, Err(Error::Refused(Refusal::NothingToConfirm { .. }))));
    }

    #[test]
    fn after_resolution_a_refused_result_is_a_veto() {
        let mut resolved = after(planned(), event(Action::Executed, "2026-11-24 10:00"));
        resolved.status = Status::Resolved;
        let got = confirm(&resolved, &config(), &input(Confirms::Result, false), stamp("2026-11-24 11:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::ResultRefusedAfterResolved { .. }))));
        let change = confirm(&resolved, &config(), &input(Confirms::Result, true), stamp("2026-11-24 11:00")).unwrap();
        assert_eq!(change.event.to, None);
    }

    #[test]
    fn the_input_reads_from_json() {
        let input: ConfirmInput =
            serde_json::from_str(r#"{"confirms": "plan", "accepted": false, "via": "signature"}"#).unwrap();
        assert_eq!((input.confirms, input.accepted, input.via), (Confirms::Plan, false, Via::Signature));
    }
}
