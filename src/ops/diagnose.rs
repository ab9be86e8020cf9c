//! Diagnose: the first judgement of what the problem is (初步诊断, seed 002
//! 二), which may set the severity. Deadlines then follow the new severity
//! from the original start (spec §5). Not a first response: seed 002 gives
//! the diagnosis its own time (30m / 2h / 10m by level) after the 5-minute
//! response, and it may be made without speaking to the customer.

use serde::Deserialize;

use super::{Change, Stamp, require_open, required_text};
use crate::config::{ChoiceKind, Config};
use crate::error::Result;
use crate::lang::words::Words;
use crate::ticket::{Action, Event, Ticket};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiagnoseInput {
    /// What the problem is, as judged.
    pub message: String,
    /// The severity the diagnosis finds: id, label or alias.
    pub severity: Option<String>,
    pub at: Option<String>,
}

pub fn diagnose(ticket: &Ticket, config: &Config, input: &DiagnoseInput, stamp: Stamp) -> Result<Change> {
    require_open(ticket, "a diagnosis")?;
    let text = required_text("message", &input.message, true, config.limits.max_text_bytes)?;
    let severity = input.severity.as_deref().map(|s| config.resolve(ChoiceKind::Severity, s)).transpose()?;
    let severity = severity.filter(|s| ticket.severity != *s);
    let what = match &severity {
        Some(s) => Words::new("change.diagnosed_severity").with("label", config.label(ChoiceKind::Severity, s)),
        None => Words::new("change.diagnosed"),
    };
    let mut event = Event::new(stamp.at, &stamp.by, Action::Diagnosed);
    event.severity = severity;
    event.note = Some(text);
    Ok(Change::new(event, what))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{Error, Refusal};
    use crate::ops::fixtures::{after, config, stamp, ticket};
    use crate::ticket::Status;

    fn input(severity: Option<&str>) -> DiagnoseInput {
        DiagnoseInput { message: "充电座短路".into(), severity: severity.map(str::to_string), at: None }
    }

    #[test]
    fn a_diagnosis_may_set_the_severity_by_its_label() {
        let change = diagnose(&ticket(), &config(), &input(Some("重大")), stamp("2026-11-23 09:20")).unwrap();
        assert_eq!(change.event.severity.as_deref(), Some("major"));
        assert_eq!(change.event.note.as_deref(), Some("充电座短路"));
        assert_eq!(change.what, "diagnosed, severity 重大");
        assert_eq!(after(ticket(), change.event).severity, "major");
    }

    #[test]
    fn the_same_severity_is_not_recorded_again() {
        let change = diagnose(&ticket(), &config(), &input(Some("general")), stamp("2026-11-23 09:20")).unwrap();
        assert_eq!(change.event.severity, None);
        assert_eq!(change.what, "diagnosed");
    }

    #[test]
    fn a_diagnosis_moves_no_status() {
        let change = diagnose(&ticket(), &config(), &input(None), stamp("2026-11-23 09:20")).unwrap();
        assert_eq!((change.event.from, change.event.to), (None, None));
    }

    #[test]
    fn an_unknown_severity_is_refused() {
        let got = diagnose(&ticket(), &config(), &input(Some("catastrophic")), stamp("2026-11-23 09:20"));
        assert!(got.is_err());
    }

    #[test]
    fn a_settled_ticket_takes_no_diagnosis() {
        let mut closed = ticket();
        closed.status = Status::Closed;
        let got = diagnose(&closed, &config(), &input(None), stamp("2026-11-23 09:20"));
        assert!(matches!(got, Err(Error::Refused(Refusal::StepOnSettled { .. }))));
    }
}
