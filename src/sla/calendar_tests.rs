//! Calendar arithmetic. Expected values are worked out by hand in the
//! comments (weekdays: 2026-01-01 is a Thursday, 2026-03-09 a Monday,
//! 2026-09-30 a Wednesday, 2026-10-10 a Saturday).

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate};
use proptest::prelude::*;

use super::*;
use crate::config::Config;
use crate::time::{format_instant, format_local, parse_time};

fn cal() -> Calendar {
    Config::default().business_calendar()
}

fn cal_with(toml: &str) -> Calendar {
    Config::from_toml(toml, Path::new("complaint.toml")).unwrap().business_calendar()
}

fn t(text: &str) -> DateTime<FixedOffset> {
    parse_time(text, chrono_tz::Asia::Shanghai, "test").unwrap()
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn dur(text: &str) -> SlaDuration {
    text.parse().unwrap()
}

/// Runs `(start, duration, expected local time, provisional)` rows.
fn check(cal: &Calendar, rows: &[(&str, &str, &str, bool)]) {
    let mut failures = Vec::new();
    for &(start, d, expected, provisional) in rows {
        let got = cal.add(t(start), dur(d));
        let shown = format_local(&got.at, cal.zone());
        if shown != expected || got.provisional != provisional {
            failures.push(format!(
                "{start} + {d}: got {shown} (provisional {}), expected {expected} (provisional {provisional})",
                got.provisional
            ));
        }
        assert_eq!(got.at.offset().local_minus_utc(), 8 * 3600, "deadline carries the store offset");
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_2026_holiday_block_and_makeup_day() {
    let cal = cal();
    // The spec's list, typed independently of src/sla/holidays/cn.toml.
    let blocks = [
        ("2026-01-01", "2026-01-03"),
        ("2026-02-15", "2026-02-23"),
        ("2026-04-04", "2026-04-06"),
        ("2026-05-01", "2026-05-05"),
        ("2026-06-19", "2026-06-21"),
        ("2026-09-25", "2026-09-27"),
        ("2026-10-01", "2026-10-07"),
    ];
    let mut off = 0;
    for (from, to) in blocks {
        for day in date(from).iter_days().take_while(|d| *d <= date(to)) {
            assert!(!cal.is_working_day(day), "{day} is a holiday");
            off += 1;
        }
        // The day before and after each block is a working day in 2026
        // (Dec 31 Thu, Jan 4 make-up Sun; Feb 14 make-up Sat, Feb 24 Tue;
        // Apr 3 Fri, Apr 7 Tue; Apr 30 Thu, May 6 Wed; Jun 18 Thu, Jun 22 Mon;
        // Sep 24 Thu, Sep 28 Mon; Sep 30 Wed, Oct 8 Thu).
        assert!(cal.is_working_day(date(from).pred_opt().unwrap()), "day before {from}");
        assert!(cal.is_working_day(date(to).succ_opt().unwrap()), "day after {to}");
    }
    // 3 + 9 + 3 + 5 + 3 + 3 + 7 days off.
    assert_eq!(off, 33);
    for makeup in ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"] {
        assert!(cal.is_working_day(date(makeup)), "{makeup} is a make-up working day");
    }
    // Ordinary weekends stay off; ordinary weekdays stay on.
    for weekend in ["2026-03-14", "2026-03-15", "2026-10-11", "2026-02-07", "2026-05-10"] {
        assert!(!cal.is_working_day(date(weekend)), "{weekend}");
    }
    for weekday in ["2026-03-09", "2026-10-08", "2026-10-09", "2026-02-24", "2026-11-23"] {
        assert!(cal.is_working_day(date(weekday)), "{weekday}");
    }
}

#[test]
fn every_2025_holiday_block_and_makeup_day() {
    let cal = cal();
    let blocks = [
        ("2025-01-01", "2025-01-01"),
        ("2025-01-28", "2025-02-04"),
        ("2025-04-04", "2025-04-06"),
        ("2025-05-01", "2025-05-05"),
        ("2025-05-31", "2025-06-02"),
        ("2025-10-01", "2025-10-08"),
    ];
    for (from, to) in blocks {
        for day in date(from).iter_days().take_while(|d| *d <= date(to)) {
            assert!(!cal.is_working_day(day), "{day} is a holiday");
        }
    }
    for makeup in ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"] {
        assert!(cal.is_working_day(date(makeup)), "{makeup}");
    }
    assert!(cal.covers_year(2025) && cal.covers_year(2026));
    assert!((2020..=2026).all(|year| cal.covers_year(year)));
    assert!(!cal.covers_year(2019) && !cal.covers_year(2027));
}

#[test]
fn working_days_spec_examples() {
    check(
        &cal(),
        &[
            // Spec: received Monday 10:00 or Monday 20:00, 2wd => Wednesday 18:00
            // (start day not counted: Tue = 1, Wed = 2).
            ("2026-03-09 10:00", "2wd", "2026-03-11 18:00", false),
            ("2026-03-09 20:00", "2wd", "2026-03-11 18:00", false),
            ("2026-11-23 10:00", "2wd", "2026-11-25 18:00", false),
            // Received Saturday => Tuesday 18:00 (Sun off, Mon = 1, Tue = 2).
            ("2026-03-14 10:00", "2wd", "2026-03-17 18:00", false),
            ("2026-11-21 15:00", "2wd", "2026-11-24 18:00", false),
            // Sunday night likewise.
            ("2026-03-15 23:30", "2wd", "2026-03-17 18:00", false),
            // Both sides of closing time make no difference for wd.
            ("2026-03-09 17:59", "1wd", "2026-03-10 18:00", false),
            ("2026-03-09 18:00", "1wd", "2026-03-10 18:00", false),
            ("2026-03-09 18:01", "1wd", "2026-03-10 18:00", false),
            ("2026-03-09 00:00", "1wd", "2026-03-10 18:00", false),
            // Friday: Sat and Sun skipped.
            ("2026-03-13 17:59", "1wd", "2026-03-16 18:00", false),
            ("2026-03-13 18:01", "1wd", "2026-03-16 18:00", false),
            ("2026-03-09 10:00", "5wd", "2026-03-16 18:00", false),
            ("2026-03-09 10:00", "0wd", "2026-03-09 10:00", false),
        ],
    );
}

#[test]
fn working_days_across_every_2026_holiday() {
    check(
        &cal(),
        &[
            // 元旦 Jan 1–3 (Thu–Sat), Jan 4 Sun is a make-up working day.
            ("2025-12-31 10:00", "1wd", "2026-01-04 18:00", false),
            ("2025-12-31 10:00", "2wd", "2026-01-05 18:00", false),
            ("2026-01-01 10:00", "1wd", "2026-01-04 18:00", false),
            // Start on the make-up Sunday itself: the start day is not counted.
            ("2026-01-04 10:00", "1wd", "2026-01-05 18:00", false),
            // 春节 Feb 15–23, make-up Sat Feb 14 and Sat Feb 28.
            ("2026-02-12 10:00", "2wd", "2026-02-14 18:00", false), // Fri 13 = 1, Sat 14 = 2
            ("2026-02-13 17:59", "1wd", "2026-02-14 18:00", false),
            ("2026-02-13 18:01", "1wd", "2026-02-14 18:00", false),
            ("2026-02-13 10:00", "2wd", "2026-02-24 18:00", false), // Sat 14 = 1, 15–23 off, Tue 24 = 2
            ("2026-02-14 15:00", "1wd", "2026-02-24 18:00", false), // make-up Saturday start
            ("2026-02-20 10:00", "1wd", "2026-02-24 18:00", false), // start inside the block
            ("2026-02-23 20:00", "1wd", "2026-02-24 18:00", false),
            ("2026-02-27 10:00", "1wd", "2026-02-28 18:00", false), // Sat 28 is a make-up day
            ("2026-02-27 10:00", "2wd", "2026-03-02 18:00", false), // Sun Mar 1 off, Mon Mar 2 = 2
            // 清明节 Apr 4–6 (Sat–Mon).
            ("2026-04-03 10:00", "1wd", "2026-04-07 18:00", false),
            ("2026-04-03 18:00", "2wd", "2026-04-08 18:00", false),
            // 劳动节 May 1–5 (Fri–Tue), make-up Sat May 9.
            ("2026-04-30 10:00", "1wd", "2026-05-06 18:00", false),
            ("2026-04-30 10:00", "3wd", "2026-05-08 18:00", false), // Wed 6, Thu 7, Fri 8
            ("2026-04-30 10:00", "4wd", "2026-05-09 18:00", false), // make-up Sat 9
            ("2026-04-30 10:00", "5wd", "2026-05-11 18:00", false), // Sun 10 off, Mon 11
            ("2026-05-08 17:59", "1wd", "2026-05-09 18:00", false),
            // 端午节 Jun 19–21 (Fri–Sun).
            ("2026-06-18 10:00", "1wd", "2026-06-22 18:00", false),
            // 中秋节 Sep 25–27 (Fri–Sun); make-up Sun Sep 20 (for 国庆).
            ("2026-09-18 10:00", "1wd", "2026-09-20 18:00", false), // Sat 19 off, Sun 20 works
            ("2026-09-19 10:00", "1wd", "2026-09-20 18:00", false),
            ("2026-09-24 10:00", "1wd", "2026-09-28 18:00", false),
            // 国庆节 Oct 1–7 (Thu–Wed); make-up Sat Oct 10. Oct 8 (Thu) and
            // Oct 9 (Fri) are ordinary working days after the block.
            ("2026-09-30 15:00", "1wd", "2026-10-08 18:00", false),
            ("2026-09-30 15:00", "2wd", "2026-10-09 18:00", false),
            ("2026-09-30 15:00", "3wd", "2026-10-10 18:00", false),
            ("2026-09-30 15:00", "4wd", "2026-10-12 18:00", false), // Sun 11 off
            ("2026-10-09 17:59", "1wd", "2026-10-10 18:00", false),
            ("2026-10-09 18:00", "1wd", "2026-10-10 18:00", false),
            ("2026-10-09 18:01", "1wd", "2026-10-10 18:00", false),
            // Make-up Saturday start: Sun 11 off, Mon 12 = 1, Tue 13 = 2.
            ("2026-10-10 10:00", "1wd", "2026-10-12 18:00", false),
            ("2026-10-10 20:00", "2wd", "2026-10-13 18:00", false),
        ],
    );
}

#[test]
fn provisional_outside_the_data() {
    check(
        &cal(),
        &[
            // Dec 31 2026 is covered; Jan 1 2027 is not (really 元旦, which is
            // why it must be flagged): weekday rule gives Fri Jan 1.
            ("2026-12-30 10:00", "1wd", "2026-12-31 18:00", false),
            ("2026-12-31 10:00", "1wd", "2027-01-01 18:00", true),
            ("2027-03-08 10:00", "2wd", "2027-03-10 18:00", true),
            ("2027-03-08 10:00", "8bh", "2027-03-08 18:00", true),
            // 2019 (the data starts in 2020): Dec 31 (Tue) is looked at.
            ("2019-12-30 10:00", "1wd", "2019-12-31 18:00", true),
            ("2019-12-31 10:00", "2bh", "2019-12-31 12:00", true),
            // Only Jan 1-2 2020 are looked at (start day not counted): covered,
            // and Jan 1 is 元旦.
            ("2019-12-31 10:00", "1wd", "2020-01-02 18:00", false),
            // Calendar days and elapsed time need no holiday data.
            ("2026-12-31 10:00", "3d", "2027-01-04 00:00", false),
            ("2027-06-01 10:00", "4h", "2027-06-01 14:00", false),
        ],
    );
}

#[test]
fn calendar_days_end_at_midnight_and_ignore_rest_days() {
    check(
        &cal(),
        &[
            // 3d from Mon Mar 9: Tue 10 = 1, Wed 11 = 2, Thu 12 = 3, ends 24:00 of
            // Thu = Fri 00:00.
            ("2026-03-09 10:00", "3d", "2026-03-13 00:00", false),
            ("2026-03-09 00:00", "1d", "2026-03-11 00:00", false),
            ("2026-03-09 23:59", "1d", "2026-03-11 00:00", false),
            // Never extended over rest days: 24:00 of Oct 3 is inside 国庆.
            ("2026-09-30 15:00", "3d", "2026-10-04 00:00", false),
            // Ends on a Saturday: stays there.
            ("2026-03-12 10:00", "1d", "2026-03-14 00:00", false),
            ("2026-02-13 20:00", "1d", "2026-02-15 00:00", false),
            ("2026-03-09 10:00", "0d", "2026-03-09 10:00", false),
        ],
    );
}

#[test]
fn elapsed_minutes_and_hours() {
    check(
        &cal(),
        &[
            ("2026-09-30 17:30", "4h", "2026-09-30 21:30", false),
            ("2026-10-03 10:00", "24h", "2026-10-04 10:00", false),
            ("2026-03-09 23:45", "30m", "2026-03-10 00:15", false),
            ("2026-03-13 17:00", "1h", "2026-03-13 18:00", false),
        ],
    );
    // An instant given in UTC comes back with the store offset.
    let got = cal().add(t("2026-03-09T02:00:00Z"), dur("1h"));
    assert_eq!(format_instant(&got.at), "2026-03-09T11:00:00+08:00");
}

#[test]
fn business_hours() {
    check(
        &cal(),
        &[
            // 10:00 + 8h = 18:00 exactly at closing: stays there.
            ("2026-03-09 10:00", "8bh", "2026-03-09 18:00", false),
            // 9h: 8h on Monday, 1h from Tuesday 09:00.
            ("2026-03-09 10:00", "9bh", "2026-03-10 10:00", false),
            // Both sides of closing time.
            ("2026-03-09 17:59", "1bh", "2026-03-10 09:59", false), // 1 min Mon + 59 min Tue
            ("2026-03-09 18:00", "1bh", "2026-03-10 10:00", false),
            ("2026-03-09 18:01", "1bh", "2026-03-10 10:00", false),
            ("2026-03-09 17:00", "1bh", "2026-03-09 18:00", false),
            // Before opening / at night: begins at the next opening.
            ("2026-03-09 08:00", "1bh", "2026-03-09 10:00", false),
            ("2026-03-09 20:00", "9bh", "2026-03-10 18:00", false), // a full day ends at closing
            ("2026-03-09 02:00", "9bh", "2026-03-09 18:00", false),
            // Friday 17:00 + 2h: 1h Fri, weekend skipped, 1h Mon.
            ("2026-03-13 17:00", "2bh", "2026-03-16 10:00", false),
            ("2026-03-14 10:00", "1bh", "2026-03-16 10:00", false), // Saturday start
            // 国庆: Sep 30 15:00–18:00 is 3h, then Oct 8 09:00 + 5h = 14:00.
            ("2026-09-30 15:00", "8bh", "2026-10-08 14:00", false),
            // 春节: Fri Feb 13 17:00 + 10h = 1h Fri + 9h on make-up Sat Feb 14.
            ("2026-02-13 17:00", "10bh", "2026-02-14 18:00", false),
            ("2026-02-13 17:00", "11bh", "2026-02-24 10:00", false),
            // Make-up Saturday start: 10:00 + 8h = 18:00 the same day.
            ("2026-10-10 10:00", "8bh", "2026-10-10 18:00", false),
            ("2026-09-20 09:00", "9bh", "2026-09-20 18:00", false),
        ],
    );
}

#[test]
fn business_time_between_counts_work_hours_only() {
    let cal = cal();
    let h = |a: &str, b: &str| cal.business_time_between(t(a), t(b)).num_minutes();
    assert_eq!(h("2026-03-09 10:00", "2026-03-09 12:00"), 120);
    assert_eq!(h("2026-03-09 17:00", "2026-03-10 10:00"), 120); // 1h Mon + 1h Tue
    assert_eq!(h("2026-03-13 18:00", "2026-03-16 09:00"), 0); // weekend
    assert_eq!(h("2026-09-30 17:00", "2026-10-08 10:00"), 120); // 国庆 in between
    assert_eq!(h("2026-03-11 18:00", "2026-03-13 12:00"), 12 * 60); // Thu 9h + Fri 3h
    assert_eq!(h("2026-03-10 10:00", "2026-03-09 10:00"), 0); // reversed
    assert_eq!(h("2026-03-09 00:00", "2026-03-16 00:00"), 45 * 60); // one week: 5 × 9h
}

#[test]
fn configured_calendar_overrides() {
    // Lunch break: 11:00 + 2bh = 1h to 12:00, then 13:30 + 1h.
    let lunch = cal_with("[calendar]\nwork_hours = \"09:00-12:00, 13:30-18:00\"\n");
    check(
        &lunch,
        &[
            ("2026-03-09 11:00", "2bh", "2026-03-09 14:30", false),
            ("2026-03-09 11:00", "1bh", "2026-03-09 12:00", false), // end of a period stays
            ("2026-03-09 12:30", "1bh", "2026-03-09 14:30", false), // start in the break
            ("2026-03-09 10:00", "1wd", "2026-03-10 18:00", false),
        ],
    );
    assert_eq!(lunch.business_time_between(t("2026-03-09 00:00"), t("2026-03-10 00:00")).num_minutes(), 450);

    // A company that works on Oct 2 (override of a shipped holiday).
    check(
        &cal_with("[calendar]\nworkdays = [\"2026-10-02\"]\n"),
        &[("2026-09-30 15:00", "1wd", "2026-10-02 18:00", false)],
    );
    // The 2027 元旦 entered by hand: 2027 counts as covered.
    let own = cal_with("[calendar]\nholidays = [\"2027-01-01..2027-01-03 元旦\"]\n");
    check(&own, &[("2026-12-31 10:00", "1wd", "2027-01-04 18:00", false)]);
    assert_eq!(own.month_days(2027, 1)[0].holiday.as_deref(), Some("元旦"));
    // No shipped data: weekdays only, and the user said so: not provisional.
    check(
        &cal_with("[calendar]\nholiday_data = \"none\"\n"),
        &[("2026-09-30 15:00", "1wd", "2026-10-01 18:00", false)],
    );
    // Six-day week.
    check(
        &cal_with("[calendar]\nwork_days = [\"mon\",\"tue\",\"wed\",\"thu\",\"fri\",\"sat\"]\n"),
        &[("2026-03-13 10:00", "1wd", "2026-03-14 18:00", false)],
    );
}

#[test]
fn month_days_count_working_days() {
    let cal = cal();
    // Feb 2026: 20 weekdays, minus 6 holiday weekdays (16–20, 23), plus the
    // make-up Saturdays 14 and 28 = 16.
    let feb = cal.month_days(2026, 2);
    assert_eq!(feb.len(), 28);
    assert_eq!(feb.iter().filter(|d| d.working).count(), 16);
    assert_eq!(
        feb.iter().filter(|d| d.makeup).map(|d| d.date.to_string()).collect::<Vec<_>>(),
        ["2026-02-14", "2026-02-28"]
    );
    assert_eq!(feb[14].holiday.as_deref(), Some("春节")); // Feb 15
    assert_eq!(feb[13].makeup_for.as_deref(), Some("春节"));
    // Oct 2026: 22 weekdays, minus Oct 1, 2, 5, 6, 7, plus Sat 10 = 18.
    let oct = cal.month_days(2026, 10);
    assert_eq!(oct.iter().filter(|d| d.working).count(), 18);
    assert_eq!(oct[0].weekday, 4);
    assert!(oct.iter().all(|d| !d.provisional));
    assert!(cal.month_days(2027, 1).iter().all(|d| d.provisional));
    assert!(cal.month_days(2026, 13).is_empty());
    let json = serde_json::to_string(&oct[9]).unwrap();
    assert_eq!(
        json,
        r#"{"date":"2026-10-10","weekday":6,"working":true,"holiday":null,"makeup":true,"makeup_for":"国庆节","provisional":false}"#
    );
}

fn any_start() -> impl Strategy<Value = DateTime<FixedOffset>> {
    // 2024-06-01 .. 2027-06-30 in minutes, to cross covered and uncovered years.
    let base = t("2024-06-01 00:00");
    (0i64..(3 * 366 * 24 * 60)).prop_map(move |m| base + chrono::Duration::minutes(m))
}

fn any_unit() -> impl Strategy<Value = Unit> {
    prop::sample::select(Unit::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn deadlines_are_monotonic_in_start(a in any_start(), b in any_start(), n in 0u32..60, unit in any_unit()) {
        let cal = cal();
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        let d = SlaDuration::new(n, unit);
        prop_assert!(cal.add(a, d).at <= cal.add(b, d).at, "{a} <= {b} + {d}");
    }

    #[test]
    fn deadlines_are_monotonic_in_n(s in any_start(), n in 0u32..60, m in 0u32..60, unit in any_unit()) {
        let cal = cal();
        let (n, m) = if n <= m { (n, m) } else { (m, n) };
        let short = cal.add(s, SlaDuration::new(n, unit));
        let long = cal.add(s, SlaDuration::new(m, unit));
        prop_assert!(s <= short.at);
        prop_assert!(short.at <= long.at, "{s} + {n} vs {m} {unit:?}");
    }

    #[test]
    fn long_spans_count_like_day_by_day(s in any_start(), days in 0i64..1200, minutes in 0i64..1440, workdays in any::<bool>()) {
        // The whole-day shortcut of long spans equals the day-by-day sum,
        // and notes a year without holiday data the same way.
        let cal = if workdays {
            cal()
        } else {
            cal_with(concat!(
                "[calendar]\nwork_days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\"]\n",
                "work_hours = \"09:00-12:00, 13:30-18:00\"\nworkdays = [\"2026-10-04\"]\nholidays = [\"2025-03-05\"]\n",
            ))
        };
        let e = s + Duration::days(days) + Duration::minutes(minutes);
        let (mut p1, mut p2) = (false, false);
        let fast = cal.business_between_tracked(s, e, &mut p1);
        let (la, lb) = (cal.local(s), cal.local(e));
        let slow = cal.business_days(la, lb, la.date(), lb.date(), &mut p2);
        prop_assert_eq!(fast, slow);
        prop_assert_eq!(p1, p2);
    }

    #[test]
    fn business_hours_round_trip(s in any_start(), n in 1u32..40) {
        // The business time between a start and its bh deadline is exactly N hours.
        let cal = cal();
        let due = cal.add(s, SlaDuration::new(n, Unit::BusinessHours)).at;
        prop_assert_eq!(cal.business_time_between(s, due), chrono::Duration::hours(i64::from(n)));
    }
}
