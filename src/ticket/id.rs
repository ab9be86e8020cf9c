//! Ticket IDs: prefix + received date (store time zone) + day sequence.
//!
//! Validated before any path is built from them, so `../../etc/passwd` never
//! reaches the file system.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Result};

/// A ticket ID such as `CP20261123001`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TicketId {
    prefix: String,
    date: NaiveDate,
    seq: u32,
    width: usize,
}

impl TicketId {
    pub fn new(prefix: &str, date: NaiveDate, seq: u32, min_width: usize) -> TicketId {
        let width = min_width.max(seq.to_string().len());
        TicketId { prefix: prefix.to_string(), date, seq, width }
    }

    /// Parses `text` against `prefix`; the sequence must have at least
    /// `min_width` digits (it widens past 999, never wraps).
    pub fn parse(text: &str, prefix: &str, min_width: usize) -> Result<TicketId> {
        let invalid = || Error::InvalidId {
            id: text.to_string(),
            expected: format!("{prefix}YYYYMMDD{}", "N".repeat(min_width)),
        };
        let rest = text.strip_prefix(prefix).ok_or_else(invalid)?;
        if rest.len() < 8 + min_width || !rest.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        let (date_part, seq_part) = rest.split_at(8);
        // Digits were checked above; no strftime parsing (every scan parses
        // the name of every file, cached or not).
        let number = |range: std::ops::Range<usize>| date_part[range].parse::<u32>().map_err(|_| invalid());
        let date = NaiveDate::from_ymd_opt(number(0..4)? as i32, number(4..6)?, number(6..8)?).ok_or_else(invalid)?;
        // A sequence wider than needed must not start with 0 beyond min width:
        // `CP202611230001` and `CP20261123001` would otherwise be one ticket twice.
        if seq_part.len() > min_width && seq_part.starts_with('0') {
            return Err(invalid());
        }
        let seq: u32 = seq_part.parse().map_err(|_| invalid())?;
        if seq == 0 {
            return Err(invalid());
        }
        Ok(TicketId { prefix: prefix.to_string(), date, seq, width: seq_part.len() })
    }

    /// Whether `text` is a valid ID, without building one (no allocation).
    pub fn is_valid(text: &str, prefix: &str, min_width: usize) -> bool {
        let Some(rest) = text.strip_prefix(prefix) else { return false };
        if rest.len() < 8 + min_width || !rest.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let (date_part, seq_part) = rest.split_at(8);
        let number = |range: std::ops::Range<usize>| date_part[range].parse::<u32>().unwrap_or(0);
        let valid_date = NaiveDate::from_ymd_opt(number(0..4) as i32, number(4..6), number(6..8)).is_some();
        let canonical_width = seq_part.len() == min_width || !seq_part.starts_with('0');
        valid_date && canonical_width && seq_part.parse::<u32>().is_ok_and(|seq| seq > 0)
    }

    pub fn date(&self) -> NaiveDate {
        self.date
    }

    pub fn seq(&self) -> u32 {
        self.seq
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The file's path relative to the store root: `tickets/YYYY/MM/<ID>.yaml`.
    pub fn relative_path(&self) -> std::path::PathBuf {
        std::path::PathBuf::from(format!("tickets/{:04}/{:02}/{self}.yaml", self.date.year(), self.date.month()))
    }
}

impl fmt::Display for TicketId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = (self.date.year(), self.date.month(), self.date.day());
        write!(f, "{}{year:04}{month:02}{day:02}{:0width$}", self.prefix, self.seq, width = self.width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_min_width_and_widens() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(TicketId::new("CP", d, 1, 3).to_string(), "CP20261123001");
        assert_eq!(TicketId::new("CP", d, 1000, 3).to_string(), "CP202611231000");
        assert_eq!(TicketId::new("CW", d, 7, 4).to_string(), "CW202611230007");
    }

    #[test]
    fn parses_round_trip() {
        for text in ["CP20261123001", "CP202611231000", "CP20261123999"] {
            assert_eq!(TicketId::parse(text, "CP", 3).unwrap().to_string(), text);
        }
    }

    #[test]
    fn is_valid_agrees_with_parse() {
        for text in [
            "CP20261123001",
            "CP202611231000",
            "CP2026112300",
            "CP20261323001",
            "CP20260230001",
            "CP20261123000",
            "CP202611230001",
            "XX20261123001",
            "CP2026112300a",
            "",
        ] {
            assert_eq!(TicketId::is_valid(text, "CP", 3), TicketId::parse(text, "CP", 3).is_ok(), "{text}");
        }
    }

    #[test]
    fn rejects_bad_ids() {
        for text in [
            "../../etc/passwd",
            "CP2026112300",
            "CP20261323001",
            "CP20261123000",
            "XX20261123001",
            "CP20261123001/..",
            "CP202611230001",
            "CP20261123-01",
            "",
        ] {
            assert!(TicketId::parse(text, "CP", 3).is_err(), "{text}");
        }
    }

    #[test]
    fn path_is_sharded_by_year_and_month() {
        let id = TicketId::parse("CP20261123001", "CP", 3).unwrap();
        assert_eq!(id.relative_path(), std::path::PathBuf::from("tickets/2026/11/CP20261123001.yaml"));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn format_then_parse_is_the_identity(
                days in 0i64..40_000,
                seq in 1u32..100_000,
                width in 1usize..6,
                prefix in "[A-Z]{1,4}",
            ) {
                let date = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Duration::days(days);
                let id = TicketId::new(&prefix, date, seq, width);
                let text = id.to_string();
                let parsed = TicketId::parse(&text, &prefix, width).unwrap();
                prop_assert_eq!(&parsed, &id);
                prop_assert_eq!(parsed.to_string(), text);
                prop_assert_eq!(parsed.relative_path().components().count(), 4);
            }

            #[test]
            fn parse_accepts_only_what_it_prints(text in "\\PC{0,20}") {
                if let Ok(id) = TicketId::parse(&text, "CP", 3) {
                    prop_assert_eq!(id.to_string(), text);
                }
            }
        }
    }
}
