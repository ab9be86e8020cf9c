//! The policies the deadline engine works from: the business calendar and
//! the SLA targets. Typed and already checked; `config` deserialises
//! `[calendar]` and `[sla]` into them, so this module never reads config.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};

use super::SlaDuration;
use crate::ticket::Status;

/// `[calendar]`, checked and typed.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarPolicy {
    /// Shipped holiday data set: `"cn"` or `"none"`.
    pub holiday_data: String,
    /// Regular working weekdays, indexed Monday = 0 … Sunday = 6.
    pub work_days: [bool; 7],
    /// Working periods of a working day, increasing and disjoint
    /// (e.g. 09:00–12:00 and 13:30–18:00). Never empty.
    pub work_hours: Vec<(NaiveTime, NaiveTime)>,
    /// Extra days off, with an optional name (`"2027-02-06..2027-02-12 春节"`).
    pub holidays: Vec<(NaiveDate, Option<String>)>,
    /// Extra working days (make-up days, or a shipped holiday overridden).
    pub workdays: Vec<(NaiveDate, Option<String>)>,
}

/// `[sla]`, checked and typed.
#[derive(Debug, Clone, PartialEq)]
pub struct SlaPolicy {
    /// A `processing` ticket needs a progress note at least this often.
    pub update_every: SlaDuration,
    /// Resolution target of each cycle after a reopen.
    pub reopen_resolution: SlaDuration,
    /// How long before a promised time an extension must be told to the
    /// customer to be on time (seed 002: 提前1天告知); `m`, `h`, `d` or `wd`.
    pub notice_before: SlaDuration,
    /// Statuses that pause each target's clock.
    pub pause_while: PauseWhile,
    /// Targets per severity id.
    pub targets: BTreeMap<String, SeverityTargets>,
    /// Who gets the overdue mail per severity id (may be empty).
    pub escalate_to: BTreeMap<String, String>,
    /// The longest a ticket may wait for the customer (`waiting_customer`).
    pub max_wait: SlaDuration,
    /// How soon after a veto the supervisor must be told (an escalation).
    pub veto_report: SlaDuration,
    /// Who takes a veto when the ticket's department names nobody.
    pub supervisor: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct PauseWhile {
    pub first_response: Vec<Status>,
    pub resolution: Vec<Status>,
    pub followup: Vec<Status>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeverityTargets {
    pub first_response: SlaDuration,
    pub resolution: SlaDuration,
    pub followup: SlaDuration,
    /// Resolution when more than one department is involved (seed 001 8.3:
    /// one department 4h, several the same day); `None`: `resolution`.
    pub multi_department: Option<SlaDuration>,
}

impl SlaPolicy {
    /// Targets of a severity; a severity no longer configured falls back to
    /// `general`, else to the first configured one.
    pub fn targets_for(&self, severity: &str) -> Option<&SeverityTargets> {
        self.targets.get(severity).or_else(|| self.targets.get("general")).or_else(|| self.targets.values().next())
    }
}
