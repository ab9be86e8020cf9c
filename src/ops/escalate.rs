//! Escalate: hand the ticket up (seed 001 8.2, seed 002).

use serde::Deserialize;

use super::{Change, Stamp, required_text};
use crate::config::Config;
use crate::error::Result;
use crate::lang::words::Words;
use crate::ticket::{Action, Event, Ticket};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EscalateInput {
    pub to: String,
    pub reason: String,
    pub at: Option<String>,
}

pub fn escalate(_ticket: &Ticket, config: &Config, input: &EscalateInput, stamp: Stamp) -> Result<Change> {
    let max = config.limits.max_text_bytes;
    let to = required_text("to", &input.to, false, max)?;
    let reason = required_text("reason", &input.reason, true, max)?;
    let what = Words::new("change.escalated").with("to", &to);
    let mut event = Event::new(stamp.at, &stamp.by, Action::Escalated);
    event.escalated_to = Some(to);
    event.reason = Some(reason);
    Ok(Change::new(event, what))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::ops::fixtures::{config, stamp, ticket};

    #[test]
    fn an_escalation_needs_a_reason() {
        let input = EscalateInput { to: "客服经理".into(), reason: " ".into(), at: None };
        let got = escalate(&ticket(), &config(), &input, stamp("2026-11-23 10:00"));
        assert!(matches!(got, Err(Error::EmptyField { ref field }) if field == "reason"));
    }

    #[test]
    fn an_escalation_names_who_takes_it() {
        let input = EscalateInput { to: "客服经理".into(), reason: "客户要求".into(), at: None };
        let change = escalate(&ticket(), &config(), &input, stamp("2026-11-23 10:00")).unwrap();
        assert_eq!(change.what, "escalated to 客服经理");
        assert_eq!(change.event.escalated_to.as_deref(), Some("客服经理"));
    }
}
