//! A time typed by a person for a field: the spoken forms of
//! [`time::parse_when`] relative to the change's own time, and for
//! deadlines a duration from now (`+2h`, `+3d`, `+2wd`, `+8bh`) counted by
//! the store's business calendar, so `+2wd` on a Friday skips the weekend
//! and any 调休 rest day.

use chrono::{DateTime, FixedOffset};

use crate::config::Config;
use crate::error::Result;
use crate::sla::SlaDuration;
use crate::time::{self, When};

/// Reads a deadline: a point in time, or `+DURATION` from `now`.
pub fn deadline(text: &str, config: &Config, now: DateTime<FixedOffset>, what: &str) -> Result<When> {
    match text.trim().strip_prefix('+') {
        Some(duration) => {
            let duration = SlaDuration::parse_for(duration, what)?;
            let at = config.business_calendar().add(now, duration).at;
            Ok(When { at: time::in_zone(at, config.zone()), date_only: false })
        }
        None => time::parse_when(text, config.zone(), now, what),
    }
}

/// Reads a deadline where a bare date (`2026-11-25`, `后天`) means the
/// end of that day (24:00, stored as 00:00 of the next), like a period's
/// last day: `note --due`, `task --due`, `promise`.
pub fn deadline_by_day_end(
    text: &str,
    config: &Config,
    now: DateTime<FixedOffset>,
    what: &str,
) -> Result<DateTime<FixedOffset>> {
    let when = deadline(text, config, now, what)?;
    Ok(if when.date_only { when.at + chrono::Duration::days(1) } else { when.at })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::fixtures::{at, config};

    fn deadline_of(text: &str, now: &str) -> String {
        time::format_instant(&deadline(text, &config(), at(now), "time").unwrap().at)
    }

    #[test]
    fn durations_count_by_the_business_calendar() {
        // Friday 2026-11-20 10:00: +2wd is Tuesday 18:00, +2h is 12:00, +3d is Monday 24:00.
        assert_eq!(deadline_of("+2wd", "2026-11-20 10:00"), "2026-11-24T18:00:00+08:00");
        assert_eq!(deadline_of("+2h", "2026-11-20 10:00"), "2026-11-20T12:00:00+08:00");
        assert_eq!(deadline_of("+3d", "2026-11-20 10:00"), "2026-11-24T00:00:00+08:00");
        // Wednesday 2026-09-30 15:00 + 2wd: the National Day week off, Fri Oct 9.
        assert_eq!(deadline_of("+2wd", "2026-09-30 15:00"), "2026-10-09T18:00:00+08:00");
        assert_eq!(deadline_of("明天 18:00", "2026-11-20 10:00"), "2026-11-21T18:00:00+08:00");
    }

    #[test]
    fn a_bad_duration_names_the_field() {
        let e = deadline("+2weeks", &config(), at("2026-11-20 10:00"), "time").unwrap_err();
        assert!(e.to_string().contains("invalid time \"2weeks\""), "{e}");
    }
}
