//! When and by whom a change happens.

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::ticket::Ticket;
use crate::time;

/// The time and actor an operation records on its event.
#[derive(Debug, Clone, PartialEq)]
pub struct Stamp {
    pub at: DateTime<FixedOffset>,
    pub by: String,
}

/// The time of a change: `requested` (a back-dated `at`, as typed) or
/// `now`. History is append-only, so it may be neither in the future nor
/// before the ticket's last event.
pub fn stamp_time(
    ticket: &Ticket,
    zone: Tz,
    requested: Option<&str>,
    now: DateTime<FixedOffset>,
) -> Result<DateTime<FixedOffset>> {
    let at = match requested {
        Some(text) => time::parse_when(text, zone, now, "at")?.at,
        None => now,
    };
    if at > now {
        return Err(Error::AtInFuture {
            what: "at".into(),
            at: time::format_instant(&at),
            now: time::format_instant(&now),
        });
    }
    if let Some(last) = ticket.last_event_at().filter(|last| at < *last) {
        let what = if requested.is_some() { "at" } else { "now" };
        return Err(Error::BackdateTooEarly {
            what: what.into(),
            at: time::format_instant(&at),
            last: time::format_instant(&last),
        });
    }
    Ok(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::fixtures::{at, ticket, zone};

    #[test]
    fn no_requested_time_is_now() {
        let now = at("2026-11-23 12:00");
        assert_eq!(stamp_time(&ticket(), zone(), None, now).unwrap(), now);
    }

    #[test]
    fn a_requested_time_is_read_in_the_store_zone() {
        let got = stamp_time(&ticket(), zone(), Some("2026-11-23 10:00"), at("2026-11-23 12:00")).unwrap();
        assert_eq!(got, at("2026-11-23 10:00"));
    }

    #[test]
    fn a_requested_time_in_the_future_is_refused() {
        let got = stamp_time(&ticket(), zone(), Some("2026-11-23 13:00"), at("2026-11-23 12:00"));
        assert!(matches!(got, Err(Error::AtInFuture { .. })));
    }

    #[test]
    fn a_time_before_the_last_event_is_refused() {
        // The fixture ticket was created at 09:00.
        let got = stamp_time(&ticket(), zone(), Some("2026-11-23 08:00"), at("2026-11-23 12:00"));
        assert!(matches!(got, Err(Error::BackdateTooEarly { ref what, .. }) if what == "at"));
        let got = stamp_time(&ticket(), zone(), None, at("2026-11-23 08:30"));
        assert!(matches!(got, Err(Error::BackdateTooEarly { ref what, .. }) if what == "now"));
    }
}
