//! `[people]`: the staff by the name used with `assign --assignee` and as
//! a supervisor. An entry is either the old string form, an address
//! (`"李四" = "李四 <lisi@example.com>"`), or a table
//! (`[people.王芳] email = "…"`, `role = "agent"`), the role being what the
//! person may do in `complaint serve` (spec §11).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The roles, as a person types them.
pub const ROLE_NAMES: &str = "agent, lead, viewer";

/// What a signed-in person may do (spec §11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Reads only.
    Viewer,
    /// Reads and writes; sees names and contacts masked.
    Agent,
    /// Reads and writes, and sees names and contacts unmasked.
    Lead,
}

impl Role {
    pub fn parse(text: &str) -> Result<Role> {
        Role::from_name(text).ok_or_else(|| {
            Error::invalid(format!("unknown role “{}”", text.trim()), Some(&format!("a role is one of: {ROLE_NAMES}")))
        })
    }

    fn from_name(text: &str) -> Option<Role> {
        match text.trim() {
            "viewer" => Some(Role::Viewer),
            "agent" => Some(Role::Agent),
            "lead" => Some(Role::Lead),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Agent => "agent",
            Role::Lead => "lead",
        }
    }

    pub fn may_write(self) -> bool {
        self != Role::Viewer
    }

    /// Names and contacts are shown in full only to leads.
    pub fn sees_unmasked(self) -> bool {
        self == Role::Lead
    }
}

/// One `[people]` entry.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Person {
    /// `"name <address>"` or a bare address; `None`: no address known.
    pub email: Option<String>,
    pub role: Option<Role>,
}

/// `[people]`, checked entry by entry so that an error names the person.
pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<BTreeMap<String, Person>, D::Error> {
    let raw = BTreeMap::<String, toml::Value>::deserialize(d)?;
    raw.into_iter()
        .map(|(name, value)| person(&name, value).map(|p| (name, p)).map_err(serde::de::Error::custom))
        .collect()
}

fn person(name: &str, value: toml::Value) -> std::result::Result<Person, String> {
    let table = match value {
        toml::Value::String(address) => return Ok(Person { email: Some(address), role: None }),
        toml::Value::Table(table) => table,
        other => {
            return Err(format!(
                "[people] {name:?} is not text but {}: write \"{name}\" = \"{name} <address>\", or a \
                 table [people.\"{name}\"] with email = \"…\" and role = \"agent\"",
                other.type_str()
            ));
        }
    };
    let mut person = Person::default();
    for (key, value) in table {
        let text = value.as_str().ok_or_else(|| format!("[people.\"{name}\"] {key} must be text in quotes"))?;
        match key.as_str() {
            "email" => person.email = Some(text.to_string()),
            "role" => {
                person.role = Some(Role::from_name(text).ok_or_else(|| {
                    format!("[people.\"{name}\"] role = {text:?} is not a role; a role is one of: {ROLE_NAMES}")
                })?);
            }
            _ => return Err(format!("[people.\"{name}\"] has an unknown key {key:?}; the keys are email and role")),
        }
    }
    Ok(person)
}

impl super::Config {
    /// The address of the person `name` under `[people]`, if any.
    pub fn address_of(&self, name: &str) -> Option<&str> {
        self.people.get(name)?.email.as_deref()
    }

    /// The role `[people]` gives `name`, if any.
    pub fn role_of(&self, name: &str) -> Option<Role> {
        self.people.get(name)?.role
    }
}
