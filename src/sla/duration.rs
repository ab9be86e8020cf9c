//! SLA durations as typed in config and flags: `30m`, `4h`, `3d`, `2wd`, `8bh`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;

/// The units of spec §5, each with its own kind of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// `m`: elapsed clock minutes.
    Minutes,
    /// `h`: elapsed clock hours.
    Hours,
    /// `d`: calendar days; ends at 24:00 of the Nth day after the start date.
    Days,
    /// `wd`: working days; ends at closing time of the Nth working day after the start date.
    WorkingDays,
    /// `bh`: business hours, counted inside work hours on working days.
    BusinessHours,
}

/// How a pause is re-applied for a target measured in this unit (spec §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeKind {
    /// Wall-clock time (`m`, `h`, `d`).
    Wall,
    /// Business time inside work hours (`wd`, `bh`).
    Business,
}

impl Unit {
    pub const ALL: [Unit; 5] = [Unit::Minutes, Unit::Hours, Unit::Days, Unit::WorkingDays, Unit::BusinessHours];

    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Minutes => "m",
            Unit::Hours => "h",
            Unit::Days => "d",
            Unit::WorkingDays => "wd",
            Unit::BusinessHours => "bh",
        }
    }

    pub fn kind(self) -> TimeKind {
        match self {
            Unit::Minutes | Unit::Hours | Unit::Days => TimeKind::Wall,
            Unit::WorkingDays | Unit::BusinessHours => TimeKind::Business,
        }
    }
}

/// The largest number accepted for any unit (100 000 days is 273 years;
/// 100 000 minutes is 69 days). Keeps every computation finite and in range.
pub const MAX_AMOUNT: u32 = 100_000;

/// What the units are, for error messages (kept with the error type, which
/// sits below every other module).
pub use crate::error::DURATION_UNITS as UNITS_HELP;

/// A duration such as `2wd`. Zero parses (`0h`); callers that need a positive
/// duration check [`SlaDuration::is_zero`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SlaDuration {
    pub amount: u32,
    pub unit: Unit,
}

impl SlaDuration {
    pub fn new(amount: u32, unit: Unit) -> SlaDuration {
        SlaDuration { amount, unit }
    }

    pub fn is_zero(&self) -> bool {
        self.amount == 0
    }

    pub fn kind(&self) -> TimeKind {
        self.unit.kind()
    }

    /// Parses, naming `what` (a config key or flag) in the error.
    pub fn parse_for(text: &str, what: &str) -> Result<SlaDuration, Error> {
        text.parse::<SlaDuration>().map_err(|e| match e {
            Error::InvalidDuration { text, reason, .. } => Error::InvalidDuration { text, reason, what: what.into() },
            other => other,
        })
    }
}

impl fmt::Display for SlaDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.amount, self.unit.suffix())
    }
}

impl FromStr for SlaDuration {
    type Err = Error;

    fn from_str(text: &str) -> Result<SlaDuration, Error> {
        let bad = |reason: String| Error::InvalidDuration { text: text.to_string(), reason, what: "duration".into() };
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(bad("it is empty".into()));
        }
        if trimmed.starts_with('-') {
            return Err(bad("durations cannot be negative".into()));
        }
        let trimmed = trimmed.strip_prefix('+').unwrap_or(trimmed);
        let split = trimmed.find(|c: char| !c.is_ascii_digit()).unwrap_or(trimmed.len());
        let (digits, rest) = trimmed.split_at(split);
        let suffix = rest.trim();
        if digits.is_empty() {
            return Err(bad("the number is missing".into()));
        }
        if suffix.starts_with(['.', ',']) {
            return Err(bad("fractions are not supported; use a smaller unit (90m, not 1.5h)".into()));
        }
        if suffix.is_empty() {
            return Err(bad("the unit is missing".into()));
        }
        let unit = Unit::ALL
            .into_iter()
            .find(|u| u.suffix().eq_ignore_ascii_case(suffix))
            .ok_or_else(|| bad(format!("unknown unit {suffix:?}")))?;
        let amount = match digits.parse::<u32>() {
            Ok(n) if n <= MAX_AMOUNT => n,
            _ => return Err(bad(format!("the number is too large (at most {MAX_AMOUNT})"))),
        };
        Ok(SlaDuration { amount, unit })
    }
}

impl<'de> Deserialize<'de> for SlaDuration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<SlaDuration, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(|e: Error| serde::de::Error::custom(e.to_string()))
    }
}

impl Serialize for SlaDuration {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_displays_every_unit() {
        for (text, amount, unit, shown) in [
            ("30m", 30, Unit::Minutes, "30m"),
            ("4h", 4, Unit::Hours, "4h"),
            ("3d", 3, Unit::Days, "3d"),
            ("2wd", 2, Unit::WorkingDays, "2wd"),
            ("8bh", 8, Unit::BusinessHours, "8bh"),
            ("  2wd\n", 2, Unit::WorkingDays, "2wd"),
            ("2 WD", 2, Unit::WorkingDays, "2wd"),
            ("0h", 0, Unit::Hours, "0h"),
            ("100000m", 100_000, Unit::Minutes, "100000m"),
        ] {
            let d: SlaDuration = text.parse().unwrap_or_else(|e| panic!("{text:?}: {e}"));
            assert_eq!(d, SlaDuration::new(amount, unit), "{text:?}");
            assert_eq!(d.to_string(), shown);
            assert_eq!(d.to_string().parse::<SlaDuration>().unwrap(), d);
        }
        assert!("0h".parse::<SlaDuration>().unwrap().is_zero());
        assert!(!"1bh".parse::<SlaDuration>().unwrap().is_zero());
    }

    #[test]
    fn errors_name_the_text_and_list_the_units() {
        for (text, needle) in [
            ("5x", "unknown unit \"x\""),
            ("5", "unit is missing"),
            ("wd", "number is missing"),
            ("", "empty"),
            ("-2wd", "negative"),
            ("1.5h", "fractions"),
            ("99999999999999999999h", "too large"),
            ("100001d", "too large"),
            ("2w", "unknown unit \"w\""),
        ] {
            let message = text.parse::<SlaDuration>().unwrap_err().to_string();
            assert!(message.contains(needle), "{text:?}: {message}");
            assert!(message.contains(&format!("{text:?}")), "{text:?}: {message}");
            assert!(message.contains("wd (working days)"), "{text:?}: {message}");
        }
        let message = SlaDuration::parse_for("3x", "sla.update_every").unwrap_err().to_string();
        assert!(message.contains("sla.update_every"), "{message}");
    }

    #[test]
    fn deserializes_from_a_toml_string() {
        #[derive(Deserialize)]
        struct T {
            d: SlaDuration,
        }
        let t: T = toml::from_str("d = \"8bh\"").unwrap();
        assert_eq!(t.d, SlaDuration::new(8, Unit::BusinessHours));
        let err = toml::from_str::<T>("d = \"8x\"").err().unwrap().to_string();
        assert!(err.contains("unknown unit"), "{err}");
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn display_then_parse_is_the_identity(amount in 0u32..=MAX_AMOUNT, unit in 0usize..5) {
                let d = SlaDuration::new(amount, Unit::ALL[unit]);
                prop_assert_eq!(d.to_string().parse::<SlaDuration>().unwrap(), d);
            }

            #[test]
            fn parse_never_panics_and_its_result_prints_back(text in "\\PC{0,12}") {
                if let Ok(d) = text.parse::<SlaDuration>() {
                    prop_assert_eq!(d.to_string().parse::<SlaDuration>().unwrap(), d);
                }
            }
        }
    }
}
