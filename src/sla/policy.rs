//! The policies the deadline engine works from: the business calendar and
//! the SLA targets. Typed and already checked; `config` deserialises
//! `[calendar]` and `[sla]` into them, so this module never reads config.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};

use super::SlaDuration;
use super::stage_ref::StageRef;
use crate::ticket::{EventKind, Status};

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
    /// Configured stages (`[sla.stages.ID]`, spec §5.1), in id order; they
    /// run beside the default stages above.
    pub stages: Vec<StagePolicy>,
    /// Later stage sets (`[[sla.versions]]`), by increasing `from`: a ticket
    /// received on or after `from` is judged by that version's stages.
    pub versions: Vec<PolicyVersion>,
}

/// One configured stage (`[sla.stages.ID]`).
#[derive(Debug, Clone, PartialEq)]
pub struct StagePolicy {
    /// Its id and label, as targets carry them.
    pub stage: StageRef,
    /// Kinds of event that start a clock (`starts` and `restarts_on`); each
    /// occurrence starts one.
    pub starts: Vec<EventKind>,
    /// The first event of one of these kinds after the start meets it.
    pub met_by: Vec<EventKind>,
    pub pause_while: Vec<Status>,
    /// Per severity id; a severity missing falls back like [`SlaPolicy::targets_for`].
    pub durations: BTreeMap<String, SlaDuration>,
    /// Used instead when several departments are involved (`department_involved`).
    pub multi_department: BTreeMap<String, SlaDuration>,
}

/// The stages in force for tickets received from `from` on.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyVersion {
    pub from: NaiveDate,
    pub stages: Vec<StagePolicy>,
}

impl StagePolicy {
    /// The duration for a ticket of `severity`, with several departments
    /// involved or not; `None` when nothing is configured for it.
    pub fn duration_for(&self, severity: &str, several_departments: bool) -> Option<SlaDuration> {
        let by_severity = |map: &BTreeMap<String, SlaDuration>| {
            map.get(severity).or_else(|| map.get("general")).or_else(|| map.values().next()).copied()
        };
        several_departments
            .then(|| by_severity(&self.multi_department))
            .flatten()
            .or_else(|| by_severity(&self.durations))
    }
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

    /// The configured stages a ticket received on `received` is judged by:
    /// those of the latest version in force then (spec §5.1: a change of
    /// policy does not rewrite the past).
    pub fn stages_for(&self, received: NaiveDate) -> &[StagePolicy] {
        self.versions.iter().rev().find(|v| v.from <= received).map_or(&self.stages, |v| &v.stages)
    }

    /// Whether any stage is configured: their clocks need every event's
    /// kinds, which the cache does not keep, so deadlines come from the
    /// ticket file then (see `ClockView::of_summary`).
    pub fn has_stages(&self) -> bool {
        !self.stages.is_empty() || self.versions.iter().any(|v| !v.stages.is_empty())
    }
}
