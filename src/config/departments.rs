//! `[departments.NAME]`: settings per department (the name used with
//! `assign --department`), who takes a veto (spec §5.1: the department's
//! supervisor, else `[sla] supervisor`), and how long its execution tasks
//! may take by default (`task_within`).

use serde::Deserialize;

use super::Config;
use crate::sla::SlaDuration;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentConfig {
    /// Takes this department's vetoes: a `[people]` name or an address.
    #[serde(default)]
    pub supervisor: Option<String>,
    /// How long an execution task handed to this department (`task`) may
    /// take by default, from when it is handed over, through the business
    /// calendar (seed 000 执行落地: `"24h"`, `"3wd"`).
    #[serde(default)]
    pub task_within: Option<SlaDuration>,
}

impl Config {
    /// Who takes a veto on a ticket of `department`: its supervisor, else
    /// `[sla] supervisor`; `None` when neither is set.
    pub fn supervisor_for(&self, department: Option<&str>) -> Option<&str> {
        department
            .and_then(|d| self.departments.get(d))
            .and_then(|d| d.supervisor.as_deref())
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .or(self.sla.supervisor.as_deref())
    }

    /// The address of a supervisor: their `[people]` entry, else the text
    /// itself (an address).
    pub fn supervisor_address<'a>(&'a self, supervisor: &'a str) -> &'a str {
        self.address_of(supervisor).unwrap_or(supervisor)
    }

    /// The supervisor of `department` itself (not `[sla] supervisor`): the
    /// default owner of a task handed to it.
    pub fn department_supervisor(&self, department: &str) -> Option<&str> {
        self.departments.get(department)?.supervisor.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }

    /// Every supervisor named is a `[people]` name or a valid address, so
    /// the overdue mail can always copy them.
    pub(super) fn validate_supervisors(&self) -> Result<(), String> {
        let named = self
            .departments
            .iter()
            .filter_map(|(name, d)| Some((format!("departments.{name}.supervisor"), d.supervisor.as_deref()?)))
            .chain(self.sla.supervisor.as_deref().map(|s| ("sla.supervisor".to_string(), s)));
        for (key, who) in named {
            let who = who.trim();
            if who.is_empty() || self.address_of(who).is_some() {
                continue;
            }
            if crate::mail::parse_address(who, &key).is_err() {
                return Err(format!(
                    "{key} = {who:?} is neither a name under [people] with an address nor an e-mail address; \
                     add \"{who}\" = \"name <address>\" under [people]"
                ));
            }
        }
        Ok(())
    }
}
