//! `[sla]`: SLA targets per severity (spec §5), the update interval, the
//! reopen cycle, pauses, the longest wait for the customer, the report of a
//! veto and who is told about breaches.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::sla_stages::{RawStage, RawVersion, stages, versions};
use super::sla_values::{positive, statuses};
use crate::sla::{PauseWhile, SeverityTargets, SlaDuration, SlaPolicy};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSlaPolicy {
    update_every: String,
    reopen_resolution: String,
    notice_before: String,
    pause_while: RawPauseWhile,
    targets: BTreeMap<String, RawTargets>,
    escalate_to: BTreeMap<String, String>,
    max_wait: String,
    veto_report: String,
    supervisor: String,
    #[serde(default)]
    stages: BTreeMap<String, RawStage>,
    #[serde(default)]
    versions: Vec<RawVersion>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPauseWhile {
    first_response: Vec<String>,
    resolution: Vec<String>,
    followup: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTargets {
    first_response: String,
    resolution: String,
    followup: String,
    #[serde(default)]
    multi_department: Option<String>,
}

/// Reads `[sla]` into the SLA policy, every error naming its key.
pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<SlaPolicy, D::Error> {
    let raw = RawSlaPolicy::deserialize(d)?;
    checked(raw).map_err(serde::de::Error::custom)
}

/// Checks `[sla]` against the configured severities (called by `Config::validate`).
pub fn validate(policy: &SlaPolicy, severity_ids: &[&str]) -> Result<(), String> {
    {
        for id in severity_ids {
            if !policy.targets.contains_key(*id) {
                return Err(format!(
                    "severity {id:?} has no SLA targets; add [sla.targets.{id}] with first_response, resolution and followup"
                ));
            }
        }
        let target_keys: Vec<&String> = policy.targets.keys().collect();
        let escalate_keys: Vec<&String> = policy.escalate_to.keys().collect();
        for (section, keys) in [("sla.targets", target_keys), ("sla.escalate_to", escalate_keys)] {
            for key in keys {
                // The template's own severities stay in the merged file even when
                // a store renames its severities; only the user's typos are errors.
                let template_default = ["general", "serious", "major"].contains(&key.as_str());
                if !severity_ids.contains(&key.as_str()) && !template_default {
                    return Err(format!(
                        "{section}.{key}: {key:?} is not a configured severity; severities: {}",
                        severity_ids.join(", ")
                    ));
                }
            }
        }
        for stage in policy.stages.iter().chain(policy.versions.iter().flat_map(|v| &v.stages)) {
            for key in stage.durations.keys().chain(stage.multi_department.keys()) {
                let template_default = ["general", "serious", "major"].contains(&key.as_str());
                if !severity_ids.contains(&key.as_str()) && !template_default {
                    return Err(format!(
                        "sla.stages.{}: {key:?} is not a configured severity; severities: {}",
                        stage.stage.id,
                        severity_ids.join(", ")
                    ));
                }
            }
        }
        Ok(())
    }
}

/// `sla.notice_before`: zero is allowed (an extension is then on time up to
/// the old deadline); business hours are not, as they have no clock time
/// to keep when counted backwards.
fn notice_before(text: &str) -> Result<SlaDuration, String> {
    let key = "sla.notice_before";
    let d = SlaDuration::parse_for(text, key).map_err(|e| e.to_string())?;
    if d.unit == crate::sla::Unit::BusinessHours {
        return Err(format!("{key} = {text:?}: use m, h, d or wd (business hours cannot be counted back)"));
    }
    Ok(d)
}

fn checked(raw: RawSlaPolicy) -> Result<SlaPolicy, String> {
    {
        let mut targets = BTreeMap::new();
        for (severity, t) in &raw.targets {
            let key = |name: &str| format!("sla.targets.{severity}.{name}");
            targets.insert(
                severity.clone(),
                SeverityTargets {
                    first_response: positive(&t.first_response, &key("first_response"))?,
                    resolution: positive(&t.resolution, &key("resolution"))?,
                    followup: positive(&t.followup, &key("followup"))?,
                    multi_department: match &t.multi_department {
                        Some(text) => Some(positive(text, &key("multi_department"))?),
                        None => None,
                    },
                },
            );
        }
        Ok(SlaPolicy {
            update_every: positive(&raw.update_every, "sla.update_every")?,
            reopen_resolution: positive(&raw.reopen_resolution, "sla.reopen_resolution")?,
            notice_before: notice_before(&raw.notice_before)?,
            pause_while: PauseWhile {
                first_response: statuses(&raw.pause_while.first_response, "sla.pause_while.first_response")?,
                resolution: statuses(&raw.pause_while.resolution, "sla.pause_while.resolution")?,
                followup: statuses(&raw.pause_while.followup, "sla.pause_while.followup")?,
            },
            targets,
            escalate_to: raw.escalate_to,
            max_wait: positive(&raw.max_wait, "sla.max_wait")?,
            veto_report: positive(&raw.veto_report, "sla.veto_report")?,
            supervisor: Some(raw.supervisor.trim().to_string()).filter(|s| !s.is_empty()),
            stages: stages(&raw.stages, "sla.stages")?,
            versions: versions(&raw.versions)?,
        })
    }
}
