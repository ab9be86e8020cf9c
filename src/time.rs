//! Instants as the files and flags spell them. Pure: the clock is read in
//! exactly one place, `cli::Context::now`.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;

use crate::error::{Error, Result};

mod spoken;

pub use spoken::{When, parse_when};

/// `2026-11-23T09:15:00+08:00`: seconds, no fraction, explicit offset.
pub fn format_instant(t: &DateTime<FixedOffset>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// `2026-11-23 09:15` in the store's time zone, for tables and CSV.
pub fn format_local(t: &DateTime<FixedOffset>, tz: Tz) -> String {
    minutes(&t.with_timezone(&tz).naive_local())
}

/// `2026-11-23 09:15`; by hand, since a table of 15 000 rows formats 30 000
/// of these and chrono re-parses a format string each time.
fn minutes(t: &chrono::NaiveDateTime) -> String {
    use chrono::{Datelike, Timelike};
    format!("{:04}-{:02}-{:02} {:02}:{:02}", t.year(), t.month(), t.day(), t.hour(), t.minute())
}

/// A deadline for people: midnight is shown as 24:00 of the day before,
/// the way a period's last day is spoken of (`3d` ends "11-21 24:00").
pub fn format_deadline(t: &DateTime<FixedOffset>, tz: Tz) -> String {
    use chrono::Timelike;
    let local = t.with_timezone(&tz);
    if local.hour() == 0 && local.minute() == 0 && local.second() == 0 {
        let day = local.date_naive() - chrono::Duration::days(1);
        return format!("{} 24:00", day.format("%Y-%m-%d"));
    }
    minutes(&local.naive_local())
}

/// Drops sub-second precision so files stay short and deterministic.
pub fn truncate_to_seconds(t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    use chrono::Timelike;
    t.with_nanosecond(0).unwrap_or(t)
}

/// Converts an instant to the store zone, keeping the zone's offset.
pub fn in_zone(t: DateTime<FixedOffset>, tz: Tz) -> DateTime<FixedOffset> {
    t.with_timezone(&tz).fixed_offset()
}

/// Reads a time typed by a user. Naive input is read in the store zone;
/// a bare date means its start (00:00).
///
/// Accepted: RFC 3339 (`2026-11-23T09:15:00+08:00`), `2026-11-23T09:15`,
/// `2026-11-23 09:15`, either with `:SS`, and `2026-11-23`.
pub fn parse_time(text: &str, tz: Tz, what: &str) -> Result<DateTime<FixedOffset>> {
    let invalid = || Error::InvalidTime { text: text.to_string(), what: what.to_string() };
    let trimmed = text.trim();
    // A leap second (`:60`) does not survive a round trip through the file
    // (found by fuzzing); nobody records a complaint at one.
    let leap = |nanos: u32| nanos >= 1_000_000_000;
    if let Ok(t) = DateTime::parse_from_rfc3339(trimmed) {
        if leap(chrono::Timelike::nanosecond(&t)) {
            return Err(invalid());
        }
        return Ok(truncate_to_seconds(t));
    }
    let naive = parse_naive(trimmed).filter(|n| !leap(chrono::Timelike::nanosecond(n))).ok_or_else(invalid)?;
    // `26-11-23` would be year 26, read in the zone's local mean time
    // (+08:05:43 for Shanghai), which RFC 3339 in the file cannot even
    // represent (found by fuzzing). Complaints are from this era.
    if !(1970..=9999).contains(&chrono::Datelike::year(&naive)) {
        return Err(invalid());
    }
    local_to_instant(naive, tz).ok_or_else(invalid)
}

fn parse_naive(text: &str) -> Option<NaiveDateTime> {
    const FORMATS: [&str; 4] = ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"];
    for format in FORMATS {
        if let Ok(t) = NaiveDateTime::parse_from_str(text, format) {
            return Some(t);
        }
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok().map(|d| d.and_time(NaiveTime::MIN))
}

/// A wall-clock time in `tz`; in a DST gap or fold the earlier instant.
pub fn local_to_instant(naive: NaiveDateTime, tz: Tz) -> Option<DateTime<FixedOffset>> {
    tz.from_local_datetime(&naive).earliest().map(|t| t.fixed_offset())
}

/// Reads a calendar date `YYYY-MM-DD`.
pub fn parse_date(text: &str, what: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| Error::InvalidTime { text: text.to_string(), what: what.to_string() })
}

/// Serde for a required instant in the file format.
pub mod instant {
    use chrono::{DateTime, FixedOffset};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::format_instant(t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
        let text = String::deserialize(d)?;
        DateTime::parse_from_rfc3339(&text).map_err(|e| {
            serde::de::Error::custom(format!(
                "invalid time {text:?} ({e}); expected RFC 3339 such as 2026-11-23T09:15:00+08:00"
            ))
        })
    }
}

/// Serde for an optional instant in the file format.
pub mod opt_instant {
    use chrono::{DateTime, FixedOffset};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Option<DateTime<FixedOffset>>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => super::instant::serialize(t, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(text) => DateTime::parse_from_rfc3339(&text).map(Some).map_err(|e| {
                serde::de::Error::custom(format!(
                    "invalid time {text:?} ({e}); expected RFC 3339 such as 2026-11-23T09:15:00+08:00"
                ))
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn naive_input_is_read_in_store_zone() {
        let tz: Tz = "Asia/Shanghai".parse().unwrap();
        for text in ["2026-11-23 09:15", "2026-11-23T09:15", "2026-11-23T09:15:00", "2026-11-23T01:15:00Z"] {
            let t = parse_time(text, tz, "--at").unwrap();
            assert_eq!(format_instant(&in_zone(t, tz)), "2026-11-23T09:15:00+08:00", "{text}");
        }
        assert_eq!(format_instant(&parse_time("2026-11-23", tz, "x").unwrap()), "2026-11-23T00:00:00+08:00");
    }

    #[test]
    fn deadlines_at_midnight_read_as_24_00() {
        let tz: Tz = "Asia/Shanghai".parse().unwrap();
        let t = parse_time("2026-11-22 00:00", tz, "x").unwrap();
        assert_eq!(format_deadline(&t, tz), "2026-11-21 24:00");
        let t = parse_time("2026-11-22 18:00", tz, "x").unwrap();
        assert_eq!(format_deadline(&t, tz), "2026-11-22 18:00");
    }

    #[test]
    fn rejects_years_out_of_this_era() {
        // Fuzzing found `1-1-1`: year 1, local mean time +08:05:43, which
        // did not survive a round trip through the file.
        for text in [
            "1-1-1",
            "26-11-23 09:15",
            "0001-01-01T00:00",
            "1969-12-31",
            "8114-10-31T11:11:60+08:00",
            "2026-11-23 23:59:60",
        ] {
            assert!(parse_time(text, chrono_tz::Asia::Shanghai, "t").is_err(), "{text}");
        }
        assert!(parse_time("1970-01-01", chrono_tz::Asia::Shanghai, "t").is_ok());
    }

    #[test]
    fn rejects_impossible_dates() {
        let tz: Tz = "Asia/Shanghai".parse().unwrap();
        for text in ["2026-02-30", "2026-13-01 10:00", "yesterday", "2026-11-23 25:00", ""] {
            assert!(parse_time(text, tz, "--at").is_err(), "{text}");
        }
    }
}
