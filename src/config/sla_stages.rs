//! `[sla.stages.ID]` and `[[sla.versions]]` (spec §5.1): configured stages,
//! checked into `sla::StagePolicy` when the config is read, every error
//! naming its key.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

use super::sla_values::{positive, statuses};
use crate::sla::{PolicyVersion, SlaDuration, StagePolicy, StageRef, Unit};
use crate::ticket::EventKind;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStage {
    label: String,
    starts: String,
    met_by: Vec<String>,
    #[serde(default)]
    restarts_on: Vec<String>,
    #[serde(default)]
    pause_while: Vec<String>,
    durations: BTreeMap<String, String>,
    #[serde(default)]
    multi_department: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawVersion {
    /// A TOML date (`2027-01-01`) or the same as a string.
    from: toml::Value,
    #[serde(default)]
    stages: BTreeMap<String, RawStage>,
}

/// The stages of `raw` under `section`, in the order they run in a
/// procedure (TOML tables have no order of their own): by the kind that
/// starts them (the order of the event kinds, receipt first), then the
/// shortest first (by its longest duration, roughly: a day counts as
/// 24h), then by id.
pub(super) fn stages(raw: &BTreeMap<String, RawStage>, section: &str) -> Result<Vec<StagePolicy>, String> {
    let mut checked: Vec<((usize, u64), StagePolicy)> = Vec::new();
    for (id, stage) in raw {
        let starts = kind(&stage.starts, &format!("{section}.{id}.starts"))?;
        let policy = one(0, id, stage, starts, section)?;
        let rank = EventKind::ALL.iter().position(|&k| k == starts).expect("ALL lists every kind");
        let length = policy.durations.values().map(rough_minutes).max().unwrap_or(0);
        checked.push(((rank, length), policy));
    }
    // Stable: equal ranks keep id order.
    checked.sort_by_key(|(rank, _)| *rank);
    Ok(checked
        .into_iter()
        .enumerate()
        .map(|(index, (_, mut policy))| {
            policy.stage.index = u16::try_from(index).unwrap_or(u16::MAX);
            policy
        })
        .collect())
}

/// A duration's nominal length in minutes, only to order stages.
fn rough_minutes(d: &SlaDuration) -> u64 {
    let per = match d.unit {
        Unit::Minutes => 1,
        Unit::Hours | Unit::BusinessHours => 60,
        Unit::Days | Unit::WorkingDays => 24 * 60,
    };
    u64::from(d.amount) * per
}

fn one(index: usize, id: &str, raw: &RawStage, starts: EventKind, section: &str) -> Result<StagePolicy, String> {
    let key = |name: &str| format!("{section}.{id}.{name}");
    if raw.met_by.is_empty() {
        return Err(format!("{}: name at least one event kind that meets the stage", key("met_by")));
    }
    if raw.durations.is_empty() {
        return Err(format!(
            "{}: give at least one severity's duration, e.g. {{ general = \"30m\" }}",
            key("durations")
        ));
    }
    let mut all_starts = vec![starts];
    all_starts.extend(kinds(&raw.restarts_on, &key("restarts_on"))?);
    let label = if raw.label.trim().is_empty() { id } else { raw.label.trim() };
    Ok(StagePolicy {
        stage: StageRef::new(index, id, label),
        starts: all_starts,
        met_by: kinds(&raw.met_by, &key("met_by"))?,
        pause_while: statuses(&raw.pause_while, &key("pause_while"))?,
        durations: durations(&raw.durations, &key("durations"))?,
        multi_department: durations(&raw.multi_department, &key("multi_department"))?,
    })
}

fn kind(name: &str, key: &str) -> Result<EventKind, String> {
    EventKind::parse(name.trim()).ok_or_else(|| {
        let all: Vec<&str> = EventKind::ALL.iter().map(|k| k.id()).collect();
        format!("{key}: {name:?} is not an event kind; the kinds are {}", all.join(", "))
    })
}

fn kinds(names: &[String], key: &str) -> Result<Vec<EventKind>, String> {
    names.iter().map(|n| kind(n, key)).collect()
}

fn durations(raw: &BTreeMap<String, String>, key: &str) -> Result<BTreeMap<String, SlaDuration>, String> {
    raw.iter().map(|(severity, text)| Ok((severity.clone(), positive(text, &format!("{key}.{severity}"))?))).collect()
}

/// `[[sla.versions]]`, sorted by `from`; two versions from the same day are
/// an error (which one would apply?).
pub(super) fn versions(raw: &[RawVersion]) -> Result<Vec<PolicyVersion>, String> {
    let mut versions = Vec::new();
    for (n, version) in raw.iter().enumerate() {
        let key = format!("sla.versions[{n}]");
        let from = from_date(&version.from, &key)?;
        versions.push(PolicyVersion { from, stages: stages(&version.stages, &format!("{key}.stages"))? });
    }
    versions.sort_by_key(|v| v.from);
    if let Some(w) = versions.windows(2).find(|w| w[0].from == w[1].from) {
        return Err(format!("sla.versions: two versions from {}; merge them into one", w[0].from));
    }
    Ok(versions)
}

fn from_date(value: &toml::Value, key: &str) -> Result<NaiveDate, String> {
    let text = match value {
        toml::Value::String(s) => s.clone(),
        toml::Value::Datetime(d) => d.to_string(),
        other => other.to_string(),
    };
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{key}.from = {text}: give the first day it applies as YYYY-MM-DD"))
}
