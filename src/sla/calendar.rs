//! The business calendar and deadline arithmetic of spec §5.
//!
//! All date logic happens on local (store zone) wall-clock time; results are
//! instants carrying the store zone's offset.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Days, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Weekday};
use chrono_tz::Tz;
use serde::Serialize;

use super::CalendarPolicy;
use super::duration::{SlaDuration, Unit};
use super::holidays;

/// A computed deadline. `provisional` is set when the computation looked at a
/// date in a year without holiday data (then plain weekdays were used):
/// callers must warn about it, never present it as certain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Deadline {
    #[serde(with = "crate::time::instant")]
    pub at: DateTime<FixedOffset>,
    pub provisional: bool,
}

/// One day of a month view, for `calendar --json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayInfo {
    pub date: NaiveDate,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u32,
    pub working: bool,
    /// Name of the holiday (元旦, 春节 …) when the day is a day off by holiday.
    pub holiday: Option<String>,
    /// A day normally off (weekend) that is a working day (调休上班).
    pub makeup: bool,
    /// The holiday a make-up day belongs to, when known.
    pub makeup_for: Option<String>,
    /// No holiday data for this year: plain weekdays only.
    pub provisional: bool,
}

/// Work days, work hours, holidays and make-up days, in one time zone.
#[derive(Debug, Clone)]
pub struct Calendar {
    zone: Tz,
    work_days: [bool; 7],
    periods: Vec<(NaiveTime, NaiveTime)>,
    /// Days off by holiday, with their name if known.
    holidays: BTreeMap<NaiveDate, Option<String>>,
    /// Days that work whatever the weekday (make-up days, overrides).
    workdays: BTreeMap<NaiveDate, Option<String>>,
    /// Years the holiday data covers.
    covered: BTreeSet<i32>,
    /// `holiday_data = "none"`: the user keeps the whole calendar; nothing is provisional.
    all_covered: bool,
    data_version: Option<String>,
}

impl Calendar {
    pub fn new(zone: Tz, config: &CalendarPolicy) -> Calendar {
        let mut cal = Calendar {
            zone,
            work_days: config.work_days,
            periods: config.work_hours.clone(),
            holidays: BTreeMap::new(),
            workdays: BTreeMap::new(),
            covered: BTreeSet::new(),
            all_covered: config.holiday_data == "none",
            data_version: None,
        };
        if let Some(data) = holidays::data_set(&config.holiday_data) {
            cal.data_version = Some(data.version.clone());
            for year in &data.years {
                cal.covered.insert(year.year);
                for block in &year.blocks {
                    for day in block.days() {
                        cal.holidays.insert(day, Some(block.name.clone()));
                    }
                    for day in &block.workdays {
                        cal.workdays.insert(*day, Some(block.name.clone()));
                    }
                }
            }
        }
        for (day, name) in &config.holidays {
            cal.covered.insert(day.year());
            cal.workdays.remove(day);
            cal.holidays.insert(*day, name.clone());
        }
        for (day, name) in &config.workdays {
            let shipped = cal.holidays.remove(day).flatten();
            cal.workdays.insert(*day, name.clone().or(shipped));
        }
        cal
    }

    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// Version of the shipped holiday data in use, if any.
    pub fn data_version(&self) -> Option<&str> {
        self.data_version.as_deref()
    }

    /// Whether the holiday data covers `year` (else weekdays only, provisional).
    pub fn covers_year(&self, year: i32) -> bool {
        self.all_covered || self.covered.contains(&year)
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        if self.holidays.contains_key(&date) {
            return false;
        }
        self.workdays.contains_key(&date) || self.is_regular_work_day(date.weekday())
    }

    /// Whether `day` is a working day by the weekly pattern (`[calendar] work_days`),
    /// before holidays and make-up days.
    pub fn is_regular_work_day(&self, day: Weekday) -> bool {
        self.work_days[day.num_days_from_monday() as usize]
    }

    /// `is_working_day`, noting in `provisional` a year without data.
    fn working_tracked(&self, date: NaiveDate, provisional: &mut bool) -> bool {
        if !self.covers_year(date.year()) {
            *provisional = true;
        }
        self.is_working_day(date)
    }

    /// Opening time of a working day.
    pub fn opening(&self) -> NaiveTime {
        self.periods[0].0
    }

    /// Closing time of a working day.
    pub fn closing(&self) -> NaiveTime {
        self.periods[self.periods.len() - 1].1
    }

    fn local(&self, t: DateTime<FixedOffset>) -> NaiveDateTime {
        t.with_timezone(&self.zone).naive_local()
    }

    /// A local wall-clock time as an instant; a time skipped by a DST change
    /// moves forward to the first instant that exists.
    fn instant(&self, naive: NaiveDateTime) -> DateTime<FixedOffset> {
        let mut probe = naive;
        for _ in 0..8 {
            if let Some(t) = self.zone.from_local_datetime(&probe).earliest() {
                return t.fixed_offset();
            }
            probe += Duration::minutes(30);
        }
        self.zone.from_utc_datetime(&naive).fixed_offset()
    }

    /// The deadline `d` after `start` (spec §5):
    /// - `m`, `h`: elapsed time;
    /// - `Nd`: 24:00 of the Nth calendar day after the start date (start day not
    ///   counted), never extended over rest days;
    /// - `Nwd`: closing time of the Nth working day after the start date;
    /// - `Nbh`: business time inside work hours, see [`Calendar::add_business`].
    ///
    /// Adding zero returns `start` (in the store zone).
    pub fn add(&self, start: DateTime<FixedOffset>, d: SlaDuration) -> Deadline {
        let n = i64::from(d.amount);
        let wall = |at: DateTime<FixedOffset>| Deadline {
            at: at.with_timezone(&self.zone).fixed_offset(),
            provisional: false,
        };
        if d.is_zero() {
            return wall(start);
        }
        match d.unit {
            Unit::Minutes => wall(start + Duration::minutes(n)),
            Unit::Hours => wall(start + Duration::hours(n)),
            Unit::Days => {
                // 24:00 of day start+N is 00:00 of day start+N+1.
                let end = self.local(start).date() + Days::new(u64::from(d.amount) + 1);
                Deadline { at: self.instant(end.and_time(NaiveTime::MIN)), provisional: false }
            }
            Unit::WorkingDays => {
                let mut provisional = false;
                let mut date = self.local(start).date();
                let mut counted = 0;
                while counted < d.amount {
                    date = date.succ_opt().expect("dates within range");
                    if self.working_tracked(date, &mut provisional) {
                        counted += 1;
                    }
                }
                Deadline { at: self.instant(date.and_time(self.closing())), provisional }
            }
            Unit::BusinessHours => self.add_business(start, Duration::hours(n)),
        }
    }

    /// Adds `amount` of business time (inside work hours of working days) to
    /// `start`. A start outside work hours begins at the next opening; a result
    /// exactly at the end of a period (closing time) stays there.
    pub fn add_business(&self, start: DateTime<FixedOffset>, amount: Duration) -> Deadline {
        let start = start.with_timezone(&self.zone).fixed_offset();
        if amount <= Duration::zero() {
            return Deadline { at: start, provisional: false };
        }
        let mut provisional = false;
        let local = self.local(start);
        let mut date = local.date();
        let mut from = Some(local.time());
        let mut remaining = amount;
        loop {
            if self.working_tracked(date, &mut provisional) {
                for &(open, close) in &self.periods {
                    let begin = match from {
                        Some(t) if t > open => t,
                        _ => open,
                    };
                    if begin >= close {
                        continue;
                    }
                    let available = close - begin;
                    if remaining <= available {
                        return Deadline { at: self.instant(date.and_time(begin) + remaining), provisional };
                    }
                    remaining -= available;
                }
            }
            date = date.succ_opt().expect("dates within range");
            from = None;
        }
    }

    /// Working time inside work hours between `a` and `b` (zero if `b <= a`).
    pub fn business_time_between(&self, a: DateTime<FixedOffset>, b: DateTime<FixedOffset>) -> Duration {
        self.business_between_tracked(a, b, &mut false)
    }

    pub(crate) fn business_between_tracked(
        &self,
        a: DateTime<FixedOffset>,
        b: DateTime<FixedOffset>,
        provisional: &mut bool,
    ) -> Duration {
        if b <= a {
            return Duration::zero();
        }
        let (la, lb) = (self.local(a), self.local(b));
        let (first, last) = (la.date(), lb.date());
        if (last - first).num_days() <= 14 {
            return self.business_days(la, lb, first, last, provisional);
        }
        // Long spans (an overdue ticket forgotten for years): the first and
        // the last day as below, every working day in between counts whole.
        let mut total = self.business_days(la, lb, first, first, provisional);
        let (inner_first, inner_last) = (first + Duration::days(1), last - Duration::days(1));
        let whole_days = self.working_days_in(inner_first, inner_last, provisional);
        total += self.full_day() * whole_days;
        total + self.business_days(la, lb, last, last, provisional)
    }

    /// Working time between `la` and `lb` on the days `from..=to`, day by day.
    fn business_days(
        &self,
        la: NaiveDateTime,
        lb: NaiveDateTime,
        from: NaiveDate,
        to: NaiveDate,
        provisional: &mut bool,
    ) -> Duration {
        let mut total = Duration::zero();
        for date in from.iter_days().take_while(|d| *d <= to) {
            if !self.working_tracked(date, provisional) {
                continue;
            }
            for &(open, close) in &self.periods {
                let begin = date.and_time(open).max(la);
                let end = date.and_time(close).min(lb);
                if end > begin {
                    total += end - begin;
                }
            }
        }
        total
    }

    /// The working time of a whole working day.
    fn full_day(&self) -> Duration {
        let day = NaiveDate::from_ymd_opt(2000, 1, 3).expect("a valid date");
        let mut total = Duration::zero();
        for &(open, close) in &self.periods {
            let (begin, end) = (day.and_time(open), day.and_time(close));
            if end > begin {
                total += end - begin;
            }
        }
        total
    }

    /// How many days of `first..=last` are working days (as
    /// `working_tracked` day by day, noting a year without data), counted
    /// by whole weeks and the holiday and make-up day lists.
    fn working_days_in(&self, first: NaiveDate, last: NaiveDate, provisional: &mut bool) -> i32 {
        if last < first {
            return 0;
        }
        if (first.year()..=last.year()).any(|year| !self.covers_year(year)) {
            *provisional = true;
        }
        let days = (last - first).num_days() + 1;
        let per_week = self.work_days.iter().filter(|&&w| w).count() as i64;
        let mut count = days / 7 * per_week;
        let mut date = first + Duration::days(days / 7 * 7);
        while date <= last {
            count += self.is_regular_work_day(date.weekday()) as i64;
            date += Duration::days(1);
        }
        for date in self.holidays.range(first..=last).map(|(d, _)| *d) {
            count -= self.is_regular_work_day(date.weekday()) as i64;
        }
        for date in self.workdays.range(first..=last).map(|(d, _)| *d) {
            count += (!self.holidays.contains_key(&date) && !self.is_regular_work_day(date.weekday())) as i64;
        }
        count as i32
    }

    /// The days of a month with their working status (empty for an invalid month).
    pub fn month_days(&self, year: i32, month: u32) -> Vec<DayInfo> {
        let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
            return Vec::new();
        };
        first
            .iter_days()
            .take_while(|d| d.month() == month)
            .map(|date| {
                let working = self.is_working_day(date);
                let makeup = working && !self.is_regular_work_day(date.weekday()) && self.workdays.contains_key(&date);
                DayInfo {
                    date,
                    weekday: date.weekday().number_from_monday(),
                    working,
                    holiday: if working { None } else { self.holidays.get(&date).cloned().flatten() },
                    makeup,
                    makeup_for: if makeup { self.workdays.get(&date).cloned().flatten() } else { None },
                    provisional: !self.covers_year(year),
                }
            })
            .collect()
    }
}

#[cfg(test)]
#[path = "calendar_tests.rs"]
mod tests;
