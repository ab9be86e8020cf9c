//! Promise: the resolution time told to the customer (承诺时限, seed 001 8.3).

use serde::Deserialize;

use super::{Change, Stamp, optional_text};
use crate::config::Config;
use crate::error::{Refusal, Result};
use crate::lang::words::Words;
use crate::ticket::{Action, Event, Status, Ticket};
use crate::time;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PromiseInput {
    /// The promised time, as typed (store time zone unless it says otherwise).
    pub time: String,
    pub reason: Option<String>,
    pub note: Option<String>,
    pub at: Option<String>,
}

/// Moving a promise later is an extension and needs a reason (seed 002:
/// tell the customer one day ahead); a settled ticket takes no promise.
pub fn promise(ticket: &Ticket, config: &Config, input: &PromiseInput, stamp: Stamp) -> Result<Change> {
    let zone = config.zone();
    let max = config.limits.max_text_bytes;
    let promised = super::when::deadline_by_day_end(&input.time, config, stamp.at, "promised time")?;
    if matches!(ticket.status, Status::Resolved | Status::Closed) {
        return Err(Refusal::PromiseOnSettled { id: ticket.id.clone(), status: ticket.status }.into());
    }
    let reason = optional_text("reason", input.reason.as_deref(), true, max)?;
    let note = optional_text("note", input.note.as_deref(), true, max)?;
    if promised <= stamp.at {
        return Err(Refusal::PromiseNotAfter {
            promised: time::format_instant(&promised),
            at: time::format_instant(&stamp.at),
        }
        .into());
    }
    let earlier = ticket.promised_at.filter(|old| promised > *old);
    if let (Some(old), None) = (earlier, &reason) {
        return Err(Refusal::ExtensionNeedsReason {
            id: ticket.id.clone(),
            from: time::format_deadline(&old, zone),
            to: time::format_deadline(&promised, zone),
        }
        .into());
    }
    let key = if earlier.is_some() { "change.promise_extended" } else { "change.promised" };
    let what = Words::new(key).with("time", time::format_deadline(&promised, zone));
    let mut event = Event::new(stamp.at, &stamp.by, Action::Promised);
    event.promised_at = Some(promised);
    event.reason = reason;
    event.note = note;
    Ok(Change::new(event, what))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::ops::fixtures::{after, config, stamp, ticket};

    fn input(time: &str, reason: Option<&str>) -> PromiseInput {
        PromiseInput { time: time.into(), reason: reason.map(str::to_string), ..PromiseInput::default() }
    }

    fn promised(time: &str) -> Ticket {
        let change = promise(&ticket(), &config(), &input(time, None), stamp("2026-11-23 10:00")).unwrap();
        after(ticket(), change.event)
    }

    #[test]
    fn a_first_promise_needs_no_reason() {
        let change = promise(&ticket(), &config(), &input("2026-11-25 18:00", None), stamp("2026-11-23 10:00"));
        assert_eq!(change.unwrap().what, "promised by 2026-11-25 18:00");
    }

    #[test]
    fn an_extension_needs_a_reason() {
        let got = promise(
            &promised("2026-11-25 18:00"),
            &config(),
            &input("2026-11-26 18:00", None),
            stamp("2026-11-23 11:00"),
        );
        assert!(matches!(got, Err(Error::Refused(Refusal::ExtensionNeedsReason { .. }))));
        let got = promise(
            &promised("2026-11-25 18:00"),
            &config(),
            &input("2026-11-26 18:00", Some("等待厂家")),
            stamp("2026-11-23 11:00"),
        );
        assert_eq!(got.unwrap().what, "promise extended to 2026-11-26 18:00");
    }

    #[test]
    fn an_earlier_promise_needs_no_reason() {
        let got = promise(
            &promised("2026-11-25 18:00"),
            &config(),
            &input("2026-11-24 18:00", None),
            stamp("2026-11-23 11:00"),
        );
        assert!(got.is_ok());
    }

    #[test]
    fn a_promise_must_lie_after_its_own_time() {
        let got = promise(&ticket(), &config(), &input("2026-11-23 09:30", None), stamp("2026-11-23 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::PromiseNotAfter { .. }))));
    }

    #[test]
    fn a_settled_ticket_takes_no_promise() {
        let mut resolved = ticket();
        resolved.status = Status::Resolved;
        let got = promise(&resolved, &config(), &input("2026-11-25 18:00", None), stamp("2026-11-23 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::PromiseOnSettled { .. }))));
    }
}
