//! Times as an agent types them during a call (spec §12): `18:00` (today),
//! `明天 18:00`, `后天`, `11-24 18:00`, `2026/11/24 18:00`, `9点半`. Relative
//! to "now", which is always a parameter. Anything else is left to the
//! strict forms of [`super::parse_time`]; durations (`+2h`, `+2wd`) need the
//! business calendar and are read by `ops::when`.

use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, NaiveTime};
use chrono_tz::Tz;

use crate::error::{Error, Result};

/// A time read from what a person typed; `date_only` when no time of day
/// was given (each field decides what a bare day means: `--due` its end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub at: DateTime<FixedOffset>,
    pub date_only: bool,
}

/// Reads `text` as a spoken or strict time in `tz`, relative to `now`; the
/// instant carries `tz`'s offset whatever offset was typed.
pub fn parse_when(text: &str, tz: Tz, now: DateTime<FixedOffset>, what: &str) -> Result<When> {
    let invalid = || Error::InvalidTime { text: text.to_string(), what: what.to_string() };
    let trimmed = text.trim();
    if let Some(when) = spoken(trimmed, tz, now) {
        let at = super::local_to_instant(when.0.and_time(when.1.unwrap_or(NaiveTime::MIN)), tz).ok_or_else(invalid)?;
        return Ok(When { at, date_only: when.1.is_none() });
    }
    let at = super::in_zone(super::parse_time(trimmed, tz, what)?, tz);
    Ok(When { at, date_only: super::parse_date(trimmed, what).is_ok() || slashed_date(trimmed).is_some() })
}

/// The day and (optional) time of a spoken form, or `None` when `text` is
/// not one (then the strict forms are tried).
fn spoken(text: &str, tz: Tz, now: DateTime<FixedOffset>) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let today = now.with_timezone(&tz).date_naive();
    let (day_part, time_part) = match text.split_once(char::is_whitespace) {
        Some((day, time)) => (Some(day.trim()), Some(time.trim())),
        None if clock_time(text).is_some() => (None, Some(text)),
        None => (Some(text), None),
    };
    let day = match day_part {
        None => today,
        Some(word) => relative_day(word, today).or_else(|| month_day(word, today)).or_else(|| slashed_date(word))?,
    };
    let time = match time_part {
        Some(t) => Some(clock_time(t)?),
        None => None,
    };
    // A lone `2026/11/24` is a spoken form too, but a lone ISO date is left
    // to the strict parser (same result, one code path for it).
    Some((day, time))
}

fn relative_day(word: &str, today: NaiveDate) -> Option<NaiveDate> {
    let offset = match word {
        "今天" | "今日" => 0,
        "明天" | "明日" => 1,
        "后天" => 2,
        "大后天" => 3,
        _ => return None,
    };
    today.checked_add_days(Days::new(offset))
}

/// `11-24`, `11/24` or `11月24日` of the current year.
fn month_day(word: &str, today: NaiveDate) -> Option<NaiveDate> {
    let word = word.strip_suffix('日').or_else(|| word.strip_suffix('号')).unwrap_or(word);
    let (month, day) = word.split_once(['-', '/', '月'])?;
    let number = |t: &str| (t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse::<u32>().ok())?;
    NaiveDate::from_ymd_opt(today.year(), number(month)?, number(day)?)
}

/// `2026/11/24`.
fn slashed_date(word: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(word, "%Y/%m/%d").ok().filter(|d| (1970..=9999).contains(&d.year()))
}

/// `18:00`, `9:15`, `18点`, `9点半`, `9点15`.
fn clock_time(text: &str) -> Option<NaiveTime> {
    if let Some((hour, rest)) = text.split_once('点') {
        let minute = match rest.trim_end_matches('分') {
            "" => 0,
            "半" => 30,
            digits => digits.parse().ok()?,
        };
        return NaiveTime::from_hms_opt(hour.parse().ok()?, minute, 0);
    }
    let (hour, minute) = text.split_once([':', '：'])?;
    if minute.len() != 2 || hour.is_empty() || hour.len() > 2 {
        return None;
    }
    NaiveTime::from_hms_opt(hour.parse().ok()?, minute.parse().ok()?, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TZ: Tz = chrono_tz::Asia::Shanghai;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-23T10:00:00+08:00").unwrap()
    }

    fn read(text: &str) -> (String, bool) {
        let when = parse_when(text, TZ, now(), "test").unwrap();
        (super::super::format_instant(&when.at), when.date_only)
    }

    #[test]
    fn spoken_forms_relative_to_now() {
        for (text, at, date_only) in [
            ("18:00", "2026-11-23T18:00:00+08:00", false),
            ("9:15", "2026-11-23T09:15:00+08:00", false),
            ("明天 18:00", "2026-11-24T18:00:00+08:00", false),
            ("后天", "2026-11-25T00:00:00+08:00", true),
            ("大后天 9点半", "2026-11-26T09:30:00+08:00", false),
            ("今天 18点", "2026-11-23T18:00:00+08:00", false),
            ("11-24 18:00", "2026-11-24T18:00:00+08:00", false),
            ("11/24 18:00", "2026-11-24T18:00:00+08:00", false),
            ("12月1日 9:00", "2026-12-01T09:00:00+08:00", false),
            ("2026/11/24 18:00", "2026-11-24T18:00:00+08:00", false),
            ("2026/11/24", "2026-11-24T00:00:00+08:00", true),
            ("2026-11-24", "2026-11-24T00:00:00+08:00", true),
            ("2026-11-24 18:00", "2026-11-24T18:00:00+08:00", false),
            ("2026-11-24T18:00:00+08:00", "2026-11-24T18:00:00+08:00", false),
        ] {
            assert_eq!(read(text), (at.to_string(), date_only), "{text}");
        }
    }

    #[test]
    fn ambiguous_or_wrong_forms_are_errors() {
        for text in ["24/11 18:00", "明天 25:00", "18", "下周", "11-31 9:00", "1800", "明天18:00x", "9点61"] {
            assert!(parse_when(text, TZ, now(), "test").is_err(), "{text}");
        }
    }
}
