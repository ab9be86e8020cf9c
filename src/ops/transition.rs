//! Transition: move a ticket along the lifecycle (ticket::status).

use serde::Deserialize;

use super::{Change, Stamp, optional_text};
use crate::config::{ChoiceKind, Config};
use crate::error::{Error, Refusal, Result};
use crate::lang::words::Words;
use crate::ticket::{Action, Event, Status, Ticket};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransitionInput {
    /// The target status: id or label.
    pub status: String,
    pub plan: Option<String>,
    pub cause: Option<String>,
    pub note: Option<String>,
    pub reason: Option<String>,
    pub at: Option<String>,
}

/// Closing without a satisfied follow-up needs a reason (invalid,
/// duplicate, unreachable …).
pub fn transition(ticket: &Ticket, config: &Config, input: &TransitionInput, stamp: Stamp) -> Result<Change> {
    let max = config.limits.max_text_bytes;
    let to = config.resolve_status(&input.status)?;
    let from = ticket.status;
    if !from.can_move_to(to) {
        let allowed =
            from.allowed_targets().iter().map(|s| format!("{s} ({})", config.status_label(*s))).collect::<Vec<_>>();
        return Err(Error::InvalidTransition {
            id: ticket.id.clone(),
            from: format!("{from} ({})", config.status_label(from)),
            to: format!("{to} ({})", config.status_label(to)),
            allowed: allowed.join(", "),
        });
    }
    let plan = optional_text("plan", input.plan.as_deref(), true, max)?;
    let cause = input.cause.as_deref().map(|c| config.resolve(ChoiceKind::Cause, c)).transpose()?;
    let note = optional_text("note", input.note.as_deref(), true, max)?;
    let reason = optional_text("reason", input.reason.as_deref(), true, max)?;
    let satisfied = ticket.satisfaction.as_ref().is_some_and(|s| s.satisfied);
    if to == Status::Closed && reason.is_none() && !satisfied {
        return Err(Refusal::CloseNeedsReason { id: ticket.id.clone() }.into());
    }
    let mut event = Event::new(stamp.at, &stamp.by, Action::Transition);
    event.from = Some(from);
    event.to = Some(to);
    event.plan = plan;
    event.cause = cause;
    event.note = note;
    event.reason = reason;
    let words = Words::new("change.transition").with_pick("from", from.default_label(), from.id()).with_pick(
        "to",
        to.default_label(),
        to.id(),
    );
    Ok(Change::new(event, words))
}

/// A ticket resolved with no plan (处理方案) ever recorded: allowed, but the
/// record table will show it empty, so the door warns.
pub fn resolved_without_plan(ticket: &Ticket, event: &Event) -> bool {
    event.to == Some(Status::Resolved) && event.plan.is_none() && ticket.plan.is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::fixtures::{after, config, stamp, ticket};

    fn input(status: &str) -> TransitionInput {
        TransitionInput { status: status.into(), ..TransitionInput::default() }
    }

    fn moved(ticket: Ticket, status: &str, at: &str) -> Ticket {
        let change = transition(&ticket, &config(), &input(status), stamp(at)).unwrap();
        after(ticket, change.event)
    }

    #[test]
    fn a_label_names_the_target_status() {
        let change = transition(&ticket(), &config(), &input("处理中"), stamp("2026-11-23 10:00")).unwrap();
        assert_eq!(change.what, "new -> processing");
    }

    #[test]
    fn a_move_the_lifecycle_does_not_allow_is_refused() {
        let got = transition(&ticket(), &config(), &input("new"), stamp("2026-11-23 10:00"));
        assert!(matches!(got, Err(Error::InvalidTransition { .. })));
    }

    #[test]
    fn closing_without_a_satisfied_follow_up_needs_a_reason() {
        let resolved = moved(moved(ticket(), "processing", "2026-11-23 10:00"), "resolved", "2026-11-23 11:00");
        let got = transition(&resolved, &config(), &input("closed"), stamp("2026-11-23 12:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::CloseNeedsReason { .. }))));
        let with_reason = TransitionInput { reason: Some("重复投诉".into()), ..input("closed") };
        assert!(transition(&resolved, &config(), &with_reason, stamp("2026-11-23 12:00")).is_ok());
    }

    #[test]
    fn resolving_without_any_plan_is_flagged() {
        let processing = moved(ticket(), "processing", "2026-11-23 10:00");
        let change = transition(&processing, &config(), &input("resolved"), stamp("2026-11-23 11:00")).unwrap();
        assert!(resolved_without_plan(&processing, &change.event));
        let planned = TransitionInput { plan: Some("补发".into()), ..input("resolved") };
        let change = transition(&processing, &config(), &planned, stamp("2026-11-23 11:00")).unwrap();
        assert!(!resolved_without_plan(&processing, &change.event));
    }
}
