//! Report periods (spec §6 `report`): an ISO week, a month, a quarter, a
//! year or a range of dates. A ticket belongs to the period of its
//! `received_at`, read in the store's time zone; every period knows the one
//! before it of the same length, for the "change versus previous" figures.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Weekday};
use chrono_tz::Tz;

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    Week,
    Month,
    Quarter,
    Year,
    Range,
}

impl PeriodKind {
    pub fn id(self) -> &'static str {
        match self {
            PeriodKind::Week => "week",
            PeriodKind::Month => "month",
            PeriodKind::Quarter => "quarter",
            PeriodKind::Year => "year",
            PeriodKind::Range => "range",
        }
    }
}

/// Whole days, `first` to `last` inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub kind: PeriodKind,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Period {
    pub fn week(year: i32, week: u32) -> Option<Period> {
        let first = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
        Some(Period { kind: PeriodKind::Week, first, last: first + Duration::days(6) })
    }

    pub fn month(year: i32, month: u32) -> Option<Period> {
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        let next = if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1)? } else { first.with_month(month + 1)? };
        Some(Period { kind: PeriodKind::Month, first, last: next.pred_opt()? })
    }

    pub fn quarter(year: i32, quarter: u32) -> Option<Period> {
        if !(1..=4).contains(&quarter) {
            return None;
        }
        let first = Period::month(year, quarter * 3 - 2)?.first;
        let last = Period::month(year, quarter * 3)?.last;
        Some(Period { kind: PeriodKind::Quarter, first, last })
    }

    pub fn year(year: i32) -> Option<Period> {
        Some(Period {
            kind: PeriodKind::Year,
            first: NaiveDate::from_ymd_opt(year, 1, 1)?,
            last: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    pub fn range(first: NaiveDate, last: NaiveDate) -> Result<Period> {
        if first > last {
            return Err(Error::invalid(
                format!("--from {first} is after --to {last}"),
                Some("--from is the first day and --to the last day of the period (both included)"),
            ));
        }
        Ok(Period { kind: PeriodKind::Range, first, last })
    }

    /// The period of `kind` that contains `day` (a range becomes one day).
    pub fn containing(kind: PeriodKind, day: NaiveDate) -> Period {
        let found = match kind {
            PeriodKind::Week => Period::week(day.iso_week().year(), day.iso_week().week()),
            PeriodKind::Month => Period::month(day.year(), day.month()),
            PeriodKind::Quarter => Period::quarter(day.year(), (day.month() - 1) / 3 + 1),
            PeriodKind::Year => Period::year(day.year()),
            PeriodKind::Range => Some(Period { kind, first: day, last: day }),
        };
        found.expect("every representable day lies in a period")
    }

    /// The period of the same kind and length just before this one.
    pub fn previous(&self) -> Period {
        match self.kind {
            PeriodKind::Range => {
                let last = self.first - Duration::days(1);
                Period { kind: PeriodKind::Range, first: last - Duration::days(self.days() - 1), last }
            }
            kind => Period::containing(kind, self.first - Duration::days(1)),
        }
    }

    pub fn days(&self) -> i64 {
        (self.last - self.first).num_days() + 1
    }

    /// `2026-W47`, `2026-11`, `2026Q4`, `2026`, `2026-11-01..2026-11-15`.
    pub fn label(&self) -> String {
        match self.kind {
            PeriodKind::Week => format!("{}-W{:02}", self.first.iso_week().year(), self.first.iso_week().week()),
            PeriodKind::Month => self.first.format("%Y-%m").to_string(),
            PeriodKind::Quarter => format!("{}Q{}", self.first.year(), (self.first.month() - 1) / 3 + 1),
            PeriodKind::Year => self.first.year().to_string(),
            PeriodKind::Range => format!("{}..{}", self.first, self.last),
        }
    }

    pub fn contains_day(&self, day: NaiveDate) -> bool {
        self.first <= day && day <= self.last
    }

    pub fn contains(&self, t: DateTime<FixedOffset>, zone: Tz) -> bool {
        self.contains_day(t.with_timezone(&zone).date_naive())
    }

    /// 00:00 of the first day (included) and of the day after the last
    /// (excluded), in the store zone.
    pub fn bounds(&self, zone: Tz) -> (DateTime<FixedOffset>, DateTime<FixedOffset>) {
        let at = |d: NaiveDate| {
            crate::time::local_to_instant(d.and_time(chrono::NaiveTime::MIN), zone).expect("midnight exists")
        };
        (at(self.first), at(self.last + Duration::days(1)))
    }

    /// Each day of the period.
    pub fn each_day(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let first = self.first;
        (0..self.days()).map(move |i| first + Duration::days(i))
    }
}

fn bad(flag: &str, text: &str, example: &str) -> Error {
    Error::Invalid {
        message: format!("impossible {flag} {text:?}"),
        hint: Some(format!("e.g. --{flag} {example}; with no value, --{flag} means the previous one")),
    }
}

fn number<T: std::str::FromStr>(text: &str) -> Option<T> {
    (!text.is_empty() && text.chars().all(|c| c.is_ascii_digit())).then(|| text.parse().ok()).flatten()
}

/// `2026-10` (or `2026-1`).
pub fn parse_month(text: &str) -> Result<Period> {
    let t = text.trim();
    t.split_once('-')
        .and_then(|(y, m)| Period::month(number(y)?, number(m)?))
        .filter(|_| t.len() <= 7)
        .ok_or_else(|| bad("month", text, "2026-10"))
}

/// `2026Q3`, `2026-Q3`, `2026q3`.
pub fn parse_quarter(text: &str) -> Result<Period> {
    let t = text.trim().to_ascii_uppercase();
    t.split_once('Q')
        .and_then(|(y, q)| Period::quarter(number(y.trim_end_matches('-'))?, number(q)?))
        .ok_or_else(|| bad("quarter", text, "2026Q3"))
}

/// ISO week `2026-W47` (also `2026W47`); week 53 only in years that have it.
pub fn parse_week(text: &str) -> Result<Period> {
    let t = text.trim().to_ascii_uppercase();
    t.split_once('W')
        .and_then(|(y, w)| Period::week(number(y.trim_end_matches('-'))?, number(w)?))
        .ok_or_else(|| bad("week", text, "2026-W47"))
}

pub fn parse_year(text: &str) -> Result<Period> {
    number(text.trim())
        .filter(|y| (1970..=9999).contains(y))
        .and_then(Period::year)
        .ok_or_else(|| bad("year", text, "2026"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn parses_each_kind() {
        let w = parse_week("2026-W47").unwrap();
        assert_eq!((w.first, w.last), (d("2026-11-16"), d("2026-11-22")));
        assert_eq!(w.label(), "2026-W47");
        let m = parse_month("2026-02").unwrap();
        assert_eq!((m.first, m.last), (d("2026-02-01"), d("2026-02-28")));
        let q = parse_quarter("2026Q3").unwrap();
        assert_eq!((q.first, q.last, q.label()), (d("2026-07-01"), d("2026-09-30"), "2026Q3".to_string()));
        assert_eq!(parse_quarter("2026-q4").unwrap().last, d("2026-12-31"));
        assert_eq!(parse_year("2026").unwrap().days(), 365);
        // 2026 has 53 ISO weeks (it starts on a Thursday); 2025 has 52.
        assert!(parse_week("2026-W53").is_ok());
        assert_eq!(parse_week("2026-W01").unwrap().first, d("2025-12-29"));
    }

    #[test]
    fn rejects_impossible_periods() {
        for bad in ["2026-13", "2026-00", "2026", "26-1x", "2026-10-01", ""] {
            assert!(parse_month(bad).is_err(), "{bad}");
        }
        for bad in ["2026Q5", "2026Q0", "Q3", "2026"] {
            assert!(parse_quarter(bad).is_err(), "{bad}");
        }
        for bad in ["2025-W53", "2026-W00", "2026-W54", "2026-47"] {
            assert!(parse_week(bad).is_err(), "{bad}");
        }
        assert!(Period::range(d("2026-11-02"), d("2026-11-01")).is_err());
    }

    #[test]
    fn previous_has_the_same_kind_and_length() {
        let w = parse_week("2026-W01").unwrap().previous();
        assert_eq!(w.label(), "2025-W52");
        assert_eq!(parse_month("2026-01").unwrap().previous().label(), "2025-12");
        assert_eq!(parse_month("2026-03").unwrap().previous().days(), 28);
        assert_eq!(parse_quarter("2026Q1").unwrap().previous().label(), "2025Q4");
        let r = Period::range(d("2026-11-10"), d("2026-11-14")).unwrap().previous();
        assert_eq!((r.first, r.last), (d("2026-11-05"), d("2026-11-09")));
    }
}
