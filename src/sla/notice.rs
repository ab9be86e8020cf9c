//! When an extension of a promise had to be told to be on time: the old
//! promised time moved back by `notice_before` (spec §5.1, seed 002:
//! 提前1天告知). Counting backwards keeps the clock time of the promise:
//! 18:00 on Saturday less `1d` is 18:00 on Friday, less `1wd` is 18:00 on
//! the working day before.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};

use super::calendar::Calendar;
use super::duration::{SlaDuration, Unit};

type Instant = DateTime<FixedOffset>;

/// The latest time an extension of a promise due `deadline` is on time.
/// `bh` is refused by the config (`[sla] notice_before`) and counted as
/// hours here.
pub(super) fn notice_due(cal: &Calendar, deadline: Instant, before: SlaDuration) -> Instant {
    let amount = i64::from(before.amount);
    match before.unit {
        Unit::Minutes => deadline - Duration::minutes(amount),
        Unit::Hours | Unit::BusinessHours => deadline - Duration::hours(amount),
        Unit::Days => same_time_on(cal, deadline, |day| day - Duration::days(amount)),
        Unit::WorkingDays => same_time_on(cal, deadline, |day| working_days_back(cal, day, amount)),
    }
}

/// `deadline`'s local clock time on the day `move_day` gives.
fn same_time_on(cal: &Calendar, deadline: Instant, move_day: impl Fn(NaiveDate) -> NaiveDate) -> Instant {
    let zone = cal.zone();
    let local = deadline.with_timezone(&zone).naive_local();
    let moved = move_day(local.date()).and_time(local.time());
    match zone.from_local_datetime(&moved).earliest() {
        Some(at) => at.fixed_offset(),
        // A clock time skipped by a daylight-saving change: an hour earlier.
        None => deadline - (local - moved),
    }
}

/// The `n`-th working day before `day`.
fn working_days_back(cal: &Calendar, mut day: NaiveDate, n: i64) -> NaiveDate {
    let mut left = n;
    while left > 0 {
        day = day.pred_opt().expect("dates in range");
        if cal.is_working_day(day) {
            left -= 1;
        }
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::time::parse_time;

    fn t(text: &str) -> Instant {
        parse_time(text, chrono_tz::Asia::Shanghai, "test").unwrap()
    }

    #[test]
    fn moved_back_keeping_the_clock_time() {
        let cal = Config::default().business_calendar();
        let due = |d: &str, before: &str| notice_due(&cal, t(d), before.parse().unwrap());
        // Saturday 2026-11-21 18:00.
        assert_eq!(due("2026-11-21 18:00", "1d"), t("2026-11-20 18:00"));
        assert_eq!(due("2026-11-21 18:00", "4h"), t("2026-11-21 14:00"));
        assert_eq!(due("2026-11-21 18:00", "30m"), t("2026-11-21 17:30"));
        // Monday 2026-11-23 10:00 less one working day: Friday 11-20 10:00.
        assert_eq!(due("2026-11-23 10:00", "1wd"), t("2026-11-20 10:00"));
        // Thursday 2026-10-08 less 1wd skips National Day back to Sep 30.
        assert_eq!(due("2026-10-08 12:00", "1wd"), t("2026-09-30 12:00"));
        assert_eq!(due("2026-11-21 18:00", "0h"), t("2026-11-21 18:00"));
    }
}
