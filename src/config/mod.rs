//! `complaint.toml`: the store's settings. The commented template is the
//! single source of the defaults: a user's file is laid over it, section by
//! section, so a store written by an older version keeps working.

pub mod calendar;
mod choice;
mod departments;
mod git;
mod people;
mod presets;
mod satisfaction;
pub mod sla;
mod sla_stages;
mod sla_values;

use std::collections::BTreeMap;
use std::path::Path;

use chrono_tz::Tz;
use serde::Deserialize;

pub use crate::mail::MailConfig;
pub use choice::{Choice, ChoiceKind, closest};
pub use departments::DepartmentConfig;
pub use git::GitConfig;
pub use people::{Person, ROLE_NAMES, Role};
pub use presets::{PRESETS, preset, preset_names};
pub use satisfaction::{Answer, SatisfactionConfig};

use crate::error::{Error, Result};
use crate::ticket::Status;

/// The text `complaint init` writes: every setting, commented.
pub const TEMPLATE: &str = include_str!("template.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub id: IdConfig,
    pub time: TimeConfig,
    #[serde(deserialize_with = "calendar::deserialize")]
    pub calendar: crate::sla::CalendarPolicy,
    #[serde(deserialize_with = "sla::deserialize")]
    pub sla: crate::sla::SlaPolicy,
    pub limits: Limits,
    pub statuses: BTreeMap<String, String>,
    pub satisfaction: SatisfactionConfig,
    pub categories: Vec<Choice>,
    pub severities: Vec<Choice>,
    pub channels: Vec<Choice>,
    pub causes: Vec<Choice>,
    pub mail: MailConfig,
    pub ui: UiConfig,
    pub serve: ServeConfig,
    /// Staff by name: their address (`assign --notify`, the overdue mail)
    /// and their role in `complaint serve`.
    #[serde(deserialize_with = "people::deserialize")]
    pub people: BTreeMap<String, Person>,
    /// Settings per department (`[departments.NAME]`).
    pub departments: BTreeMap<String, DepartmentConfig>,
    pub git: GitConfig,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdConfig {
    pub prefix: String,
    pub width: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeConfig {
    #[serde(deserialize_with = "deserialize_tz")]
    pub zone: Tz,
}

/// `[serve]`: the web desk and API of `complaint serve`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServeConfig {
    /// The users file, relative to the store root (default
    /// `.complaint/users.toml`, outside git).
    pub users_file: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiConfig {
    pub lang: crate::lang::Lang,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    pub max_file_bytes: u64,
    /// The largest request body `complaint serve` reads (attachments have
    /// their own cap).
    #[serde(default = "default_max_request_bytes")]
    pub max_request_bytes: u64,
    pub max_text_bytes: usize,
    /// Largest file `attach` keeps (spec §3.1).
    pub max_attachment_bytes: u64,
    #[serde(deserialize_with = "deserialize_wait")]
    pub lock_wait: std::time::Duration,
}

fn default_max_request_bytes() -> u64 {
    1024 * 1024
}

/// `lock_wait`: seconds as a number, or text such as "30s" or "2m".
fn deserialize_wait<'de, D: serde::Deserializer<'de>>(d: D) -> Result<std::time::Duration, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Wait {
        Seconds(u64),
        Text(String),
    }
    let invalid = |shown: String| {
        serde::de::Error::custom(format!(
            "invalid lock_wait {shown}: use seconds (30), \"30s\" or \"2m\", between 1 s and 1 h"
        ))
    };
    let seconds = match Wait::deserialize(d)? {
        Wait::Seconds(n) => n,
        Wait::Text(text) => {
            let trimmed = text.trim();
            let (number, factor) = match trimmed.strip_suffix('m') {
                Some(minutes) => (minutes, 60),
                None => (trimmed.strip_suffix('s').unwrap_or(trimmed), 1),
            };
            number.trim().parse::<u64>().map_err(|_| invalid(format!("{text:?}")))? * factor
        }
    };
    if !(1..=3600).contains(&seconds) {
        return Err(invalid(seconds.to_string()));
    }
    Ok(std::time::Duration::from_secs(seconds))
}

fn deserialize_tz<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Tz, D::Error> {
    let name = String::deserialize(d)?;
    name.parse::<Tz>().map_err(|_| {
        serde::de::Error::custom(format!("unknown time zone {name:?} (use an IANA name such as \"Asia/Shanghai\")"))
    })
}

impl Default for Config {
    fn default() -> Config {
        Config::from_toml(TEMPLATE, Path::new("<built-in defaults>")).expect("the built-in template is valid")
    }
}

impl Config {
    /// Parses a user's file laid over the defaults. `path` is for messages.
    pub fn from_toml(text: &str, path: &Path) -> Result<Config> {
        let config_error = |message: String| Error::Config {
            path: path.to_path_buf(),
            message,
            hint: Some("compare with the commented defaults: `complaint init --print-config`".into()),
        };
        let user: toml::Table = toml::from_str(text).map_err(|e| config_error(e.to_string()))?;
        let mut merged: toml::Table = toml::from_str(TEMPLATE).expect("the built-in template is TOML");
        overlay(&mut merged, user);
        let config: Config =
            toml::Value::Table(merged).try_into().map_err(|e: toml::de::Error| config_error(e.to_string()))?;
        config.validate().map_err(config_error)?;
        Ok(config)
    }

    fn validate(&self) -> std::result::Result<(), String> {
        if self.id.prefix.is_empty() || !self.id.prefix.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(format!("id.prefix {:?} must be one or more ASCII capital letters", self.id.prefix));
        }
        if !(1..=9).contains(&self.id.width) {
            return Err(format!("id.width {} must be between 1 and 9", self.id.width));
        }
        for (key, list) in [
            ("categories", &self.categories),
            ("severities", &self.severities),
            ("channels", &self.channels),
            ("causes", &self.causes),
        ] {
            choice::validate_list(key, list)?;
        }
        let severity_ids: Vec<&str> = self.severities.iter().map(|c| c.id.as_str()).collect();
        sla::validate(&self.sla, &severity_ids)?;
        for key in self.statuses.keys() {
            if key.parse::<Status>().is_err() {
                return Err(format!(
                    "statuses.{key} is not a status; the statuses are new, processing, waiting_customer, resolved, closed"
                ));
            }
        }
        self.satisfaction.validate()?;
        self.mail.validate()?;
        for (name, address) in self.people.iter().filter_map(|(n, p)| Some((n, p.email.as_deref()?))) {
            crate::mail::parse_address(address, &format!("[people] {name}")).map_err(|e| e.to_string())?;
        }
        self.validate_supervisors()?;
        Ok(())
    }

    /// The list of allowed values for one kind of field.
    pub fn choices(&self, kind: ChoiceKind) -> &[Choice] {
        match kind {
            ChoiceKind::Category => &self.categories,
            ChoiceKind::Severity => &self.severities,
            ChoiceKind::Channel => &self.channels,
            ChoiceKind::Cause => &self.causes,
        }
    }

    /// Resolves what a user typed (id, label or alias) to the stored id.
    pub fn resolve(&self, kind: ChoiceKind, text: &str) -> Result<String> {
        choice::resolve(kind, self.choices(kind), text).map(|c| c.id.clone())
    }

    /// The label of a stored id; an id no longer configured shows as itself.
    pub fn label<'a>(&'a self, kind: ChoiceKind, id: &'a str) -> &'a str {
        self.choices(kind).iter().find(|c| c.id == id).map_or(id, |c| c.label.as_str())
    }

    /// What a person sees for a coded value in the `[ui] lang`: the label in
    /// Chinese, the id in English.
    pub fn display<'a>(&'a self, kind: ChoiceKind, id: &'a str) -> &'a str {
        self.ui.lang.coded(id, self.label(kind, id))
    }

    /// A status as a person sees it in the `[ui] lang`.
    pub fn status_display(&self, status: Status) -> &str {
        self.ui.lang.coded(status.id(), self.status_label(status))
    }

    pub fn lang(&self) -> crate::lang::Lang {
        self.ui.lang
    }

    pub fn status_label(&self, status: Status) -> &str {
        self.statuses.get(status.id()).map_or(status.default_label(), String::as_str)
    }

    /// Resolves a status typed as id or label.
    pub fn resolve_status(&self, text: &str) -> Result<Status> {
        let wanted = text.trim();
        Status::ALL
            .into_iter()
            .find(|s| {
                s.id().eq_ignore_ascii_case(wanted)
                    || self.status_label(*s) == wanted
                    || s.id().replace('_', "-") == wanted
                    || Status::ALIASES.iter().any(|(alias, status)| status == s && *alias == wanted)
            })
            .ok_or_else(|| {
                let ids: Vec<&str> = Status::ALL.iter().map(|s| s.id()).collect();
                Error::UnknownValue {
                    kind: "status",
                    value: text.to_string(),
                    valid: Status::ALL
                        .iter()
                        .map(|s| format!("{} ({})", s.id(), self.status_label(*s)))
                        .collect::<Vec<_>>()
                        .join(", "),
                    suggestion: choice::closest(wanted, ids.iter().copied()).map(str::to_string),
                }
            })
    }

    /// Lowest satisfied score on `scale`, if the scale is configured.
    pub fn satisfied_at(&self, scale: u32) -> Option<u32> {
        self.satisfaction.satisfied_at.get(&scale.to_string()).copied()
    }

    /// An answer as a person reads it in `lang`: the word of a word scale
    /// (满意 / satisfied), else `4/5`.
    pub fn score_display(&self, score: u32, scale: u32, lang: crate::lang::Lang) -> String {
        match self.satisfaction.word(score, scale) {
            Some(word) => lang.coded(&word.id, &word.label).to_string(),
            None => format!("{score}/{scale}"),
        }
    }

    /// The business calendar of this store, in its time zone.
    pub fn business_calendar(&self) -> crate::sla::Calendar {
        crate::sla::Calendar::new(self.zone(), &self.calendar)
    }

    pub fn zone(&self) -> Tz {
        self.time.zone
    }
}

/// Lays `user` over `base`: tables merge key by key, everything else
/// (values, arrays such as `[[categories]]`) is replaced whole.
fn overlay(base: &mut toml::Table, user: toml::Table) {
    for (key, value) in user {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(base_table)), toml::Value::Table(user_table)) => overlay(base_table, user_table),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

#[cfg(test)]
mod tests;
