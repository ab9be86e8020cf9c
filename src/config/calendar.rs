//! `[calendar]`: the business calendar of spec §5 (work days, work hours,
//! holidays and make-up working days). Parsed and checked when the config is
//! read, so every error names its key; the sla module gets its typed policy.

use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::Deserialize;

use crate::sla::CalendarPolicy;
use crate::sla::holidays::DATA_SETS;

/// `[calendar]` as written in complaint.toml.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCalendarConfig {
    holiday_data: String,
    work_days: Vec<String>,
    work_hours: String,
    holidays: Vec<String>,
    workdays: Vec<String>,
}

/// Reads `[calendar]` into the calendar policy, every error naming its key.
pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<CalendarPolicy, D::Error> {
    let raw = RawCalendarConfig::deserialize(d)?;
    checked(raw).map_err(serde::de::Error::custom)
}

fn checked(raw: RawCalendarConfig) -> Result<CalendarPolicy, String> {
    {
        if !DATA_SETS.contains(&raw.holiday_data.as_str()) {
            return Err(format!(
                "calendar.holiday_data = {:?} is not a holiday data set; choose one of: {}",
                raw.holiday_data,
                DATA_SETS.join(", ")
            ));
        }
        let mut work_days = [false; 7];
        for name in &raw.work_days {
            let day = parse_weekday(name).ok_or_else(|| {
                format!("calendar.work_days: {name:?} is not a day of the week; use mon, tue, wed, thu, fri, sat, sun")
            })?;
            work_days[day.num_days_from_monday() as usize] = true;
        }
        if !work_days.contains(&true) {
            return Err("calendar.work_days is empty; list at least one day, e.g. [\"mon\", \"tue\"]".into());
        }
        let work_hours = parse_work_hours(&raw.work_hours).map_err(|why| {
            format!(
                "calendar.work_hours = {:?}: {why}; write e.g. \"09:00-18:00\" or \"09:00-12:00, 13:30-18:00\"",
                raw.work_hours
            )
        })?;
        let holidays = parse_days(&raw.holidays, "calendar.holidays")?;
        let workdays = parse_days(&raw.workdays, "calendar.workdays")?;
        if let Some((day, _)) = holidays.iter().find(|(d, _)| workdays.iter().any(|(w, _)| w == d)) {
            return Err(format!("{day} is listed in both calendar.holidays and calendar.workdays"));
        }
        Ok(CalendarPolicy { holiday_data: raw.holiday_data, work_days, work_hours, holidays, workdays })
    }
}

fn parse_weekday(name: &str) -> Option<Weekday> {
    let name = name.trim().to_ascii_lowercase();
    let day = match name.as_str() {
        "mon" | "monday" | "一" | "周一" | "星期一" => Weekday::Mon,
        "tue" | "tuesday" | "二" | "周二" | "星期二" => Weekday::Tue,
        "wed" | "wednesday" | "三" | "周三" | "星期三" => Weekday::Wed,
        "thu" | "thursday" | "四" | "周四" | "星期四" => Weekday::Thu,
        "fri" | "friday" | "五" | "周五" | "星期五" => Weekday::Fri,
        "sat" | "saturday" | "六" | "周六" | "星期六" => Weekday::Sat,
        "sun" | "sunday" | "日" | "周日" | "星期日" | "星期天" => Weekday::Sun,
        _ => return None,
    };
    Some(day)
}

fn parse_clock(text: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| format!("{:?} is not a time HH:MM", text.trim()))
}

/// `"09:00-18:00"` or several periods separated by commas.
fn parse_work_hours(text: &str) -> Result<Vec<(NaiveTime, NaiveTime)>, String> {
    let mut periods: Vec<(NaiveTime, NaiveTime)> = Vec::new();
    for part in text.split([',', '，']) {
        let (open, close) =
            part.split_once(['-', '–', '~']).ok_or_else(|| format!("{:?} is not a period OPEN-CLOSE", part.trim()))?;
        let (open, close) = (parse_clock(open)?, parse_clock(close)?);
        if open >= close {
            return Err(format!(
                "{} is not before {} (periods cannot be empty or cross midnight)",
                open.format("%H:%M"),
                close.format("%H:%M")
            ));
        }
        if let Some(&(_, last_close)) = periods.last()
            && open < last_close
        {
            return Err(format!(
                "periods overlap or are out of order ({} starts before {})",
                open.format("%H:%M"),
                last_close.format("%H:%M")
            ));
        }
        periods.push((open, close));
    }
    Ok(periods)
}

/// Entries `"YYYY-MM-DD"` or `"YYYY-MM-DD..YYYY-MM-DD"`, each with an optional name after a space.
fn parse_days(entries: &[String], key: &str) -> Result<Vec<(NaiveDate, Option<String>)>, String> {
    let mut days = Vec::new();
    for entry in entries {
        let bad = |why: &str| {
            format!(
                "{key}: {entry:?} {why}; write \"2027-01-01\", \"2027-02-06..2027-02-12\" or \"2027-02-06..2027-02-12 春节\""
            )
        };
        let trimmed = entry.trim();
        let (range, name) = match trimmed.split_once(char::is_whitespace) {
            Some((range, name)) => (range, Some(name.trim().to_string())),
            None => (trimmed, None),
        };
        let date = |t: &str| NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| bad("is not a date"));
        let (from, to) = match range.split_once("..") {
            Some((a, b)) => (date(a)?, date(b)?),
            None => (date(range)?, date(range)?),
        };
        if from > to {
            return Err(bad("ends before it starts"));
        }
        if (to - from).num_days() > 366 {
            return Err(bad("spans more than a year"));
        }
        days.extend(from.iter_days().take_while(|d| *d <= to).map(|d| (d, name.clone())));
    }
    Ok(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(work_days: &[&str], work_hours: &str, holidays: &[&str], workdays: &[&str]) -> RawCalendarConfig {
        RawCalendarConfig {
            holiday_data: "cn".into(),
            work_days: work_days.iter().map(|s| s.to_string()).collect(),
            work_hours: work_hours.into(),
            holidays: holidays.iter().map(|s| s.to_string()).collect(),
            workdays: workdays.iter().map(|s| s.to_string()).collect(),
        }
    }

    const WEEK: [&str; 5] = ["mon", "tue", "wed", "thu", "fri"];

    #[test]
    fn parses_periods_days_and_ranges() {
        let c = checked(raw(
            &["Mon", "周二", "sat"],
            "09:00-12:00, 13:30-18:00",
            &["2027-02-06..2027-02-08 春节", "2027-01-01"],
            &["2027-02-14"],
        ))
        .unwrap();
        assert_eq!(c.work_days, [true, true, false, false, false, true, false]);
        assert_eq!(c.work_hours.len(), 2);
        assert_eq!(c.holidays.len(), 4);
        assert_eq!(c.holidays[0], (NaiveDate::from_ymd_opt(2027, 2, 6).unwrap(), Some("春节".into())));
        assert_eq!(c.holidays[3], (NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(), None));
    }

    #[test]
    fn errors_name_the_key() {
        for (r, needle) in [
            (raw(&WEEK, "18:00-09:00", &[], &[]), "calendar.work_hours"),
            (raw(&WEEK, "09:00-13:00,12:00-18:00", &[], &[]), "overlap"),
            (raw(&WEEK, "9-18", &[], &[]), "calendar.work_hours"),
            (raw(&WEEK, "09:00-18:00", &["2026-13-01"], &[]), "calendar.holidays: \"2026-13-01\" is not a date"),
            (raw(&WEEK, "09:00-18:00", &["next friday"], &[]), "calendar.holidays"),
            (raw(&WEEK, "09:00-18:00", &[], &["2026-02-30"]), "calendar.workdays"),
            (raw(&WEEK, "09:00-18:00", &["2026-03-02"], &["2026-03-02"]), "both"),
            (raw(&["mon", "funday"], "09:00-18:00", &[], &[]), "calendar.work_days: \"funday\""),
            (raw(&[], "09:00-18:00", &[], &[]), "calendar.work_days is empty"),
        ] {
            let err = checked(r).unwrap_err();
            assert!(err.contains(needle), "{err}");
        }
        let mut r = raw(&WEEK, "09:00-18:00", &[], &[]);
        r.holiday_data = "us".into();
        assert!(checked(r).unwrap_err().contains("calendar.holiday_data"));
    }
}
