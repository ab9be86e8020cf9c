//! The domain: a complaint ticket, its lifecycle and its history. No I/O.

pub mod action;
mod derived;
mod event;
mod event_kind;
mod evidence;
mod id;
pub mod integrity;
pub mod merge;
pub mod search;
mod status;
mod summary;
pub mod text;

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

pub use derived::Derived;
pub use event::{Action, Confirms, Event, NoteKind, Via};
pub use event_kind::EventKind;
pub use evidence::{Attachment, AttachmentKind, ContactWay, HASH_PREFIX_LEN, Purchase};
pub use id::TicketId;
pub use status::Status;
pub use summary::{ClockEvent, IndexEntry, several_departments_since};

use crate::time::{instant, opt_instant};

/// The version of the file format this build writes.
pub const SCHEMA: u32 = 1;

/// One complaint, exactly as stored in `tickets/YYYY/MM/<ID>.yaml`.
///
/// Field order here is the key order in the file: identity, what the
/// customer said, how it is handled, then the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ticket {
    pub schema: u32,
    pub id: String,
    pub uid: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renamed_from: Vec<String>,
    #[serde(with = "instant")]
    pub received_at: DateTime<FixedOffset>,
    pub channel: String,
    pub customer: Customer,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_contact: Option<ContactWay>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase: Option<Purchase>,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expectation: Option<String>,
    #[serde(default)]
    pub category: Option<String>,
    pub severity: String,
    #[serde(default)]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments_involved: Vec<String>,
    #[serde(default)]
    pub assignee: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub involved_staff: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_instant")]
    pub promised_at: Option<DateTime<FixedOffset>>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub escalated: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalated_to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    #[serde(default)]
    pub satisfaction: Option<Satisfaction>,
    pub history: Vec<Event>,
    /// Keys written by a newer version, kept on rewrite.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_yaml::Value>,
}

/// An event the customer is asked to confirm (a plan sent, an execution
/// done) and the confirmation that answered it, if any.
#[derive(Debug, Clone, Copy)]
pub struct Answered<'t> {
    pub event: &'t Event,
    pub answer: Option<&'t Event>,
}

impl Answered<'_> {
    /// Answered, and the answer was a refusal.
    pub fn refused(&self) -> bool {
        self.answer.is_some_and(|a| a.accepted == Some(false))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Customer {
    pub name: String,
    pub contact: String,
    #[serde(default)]
    pub id: Option<String>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_yaml::Value>,
}

/// The result of the last answered follow-up (回访).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Satisfaction {
    pub score: u32,
    pub scale: u32,
    pub satisfied: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dimensions: BTreeMap<String, u32>,
    #[serde(with = "instant")]
    pub at: DateTime<FixedOffset>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_yaml::Value>,
}

impl Customer {
    pub fn new(name: &str, contact: &str, id: Option<&str>) -> Customer {
        Customer { name: name.into(), contact: contact.into(), id: id.map(str::to_string), extra: BTreeMap::new() }
    }
}

impl Ticket {
    /// A ticket with what every complaint has, its `created` event recorded
    /// (which sets the severity and, if given, the category). The optional
    /// fields start empty.
    pub fn new(
        id: &str,
        uid: &str,
        received_at: DateTime<FixedOffset>,
        channel: &str,
        customer: Customer,
        summary: &str,
        created: Event,
    ) -> Ticket {
        let mut ticket = Ticket {
            schema: SCHEMA,
            id: id.into(),
            uid: uid.into(),
            renamed_from: Vec::new(),
            received_at,
            channel: channel.into(),
            customer,
            preferred_contact: None,
            product: None,
            purchase: None,
            summary: summary.into(),
            description: None,
            expectation: None,
            category: None,
            severity: String::new(),
            department: None,
            departments_involved: Vec::new(),
            assignee: None,
            involved_staff: Vec::new(),
            promised_at: None,
            escalated: false,
            escalated_to: None,
            cause: None,
            status: Status::New,
            plan: None,
            satisfaction: None,
            history: Vec::new(),
            extra: BTreeMap::new(),
        };
        ticket.record(created);
        ticket
    }

    /// Appends `event` to the history and updates the current fields.
    pub fn record(&mut self, event: Event) {
        let mut derived = self.derived();
        derived.apply(&event);
        self.history.push(event);
        self.set_derived(derived);
    }

    /// Names of the current fields that differ from what history implies.
    pub fn inconsistent_fields(&self) -> Vec<&'static str> {
        self.derived().differing_fields(&Derived::from_history(&self.history))
    }

    /// Time of the latest event; a back-dated action may not precede it.
    pub fn last_event_at(&self) -> Option<DateTime<FixedOffset>> {
        self.history.iter().map(|e| e.at).max()
    }

    /// The latest plan sent to the customer and the customer's answer to
    /// it, if any (seed 002 三). History is in time order (integrity).
    pub fn latest_plan(&self) -> Option<Answered<'_>> {
        self.latest_awaiting(Action::PlanSent, Confirms::Plan)
    }

    /// The latest execution reported done and the customer's answer to its
    /// result, if any (seed 002 五).
    pub fn latest_execution(&self) -> Option<Answered<'_>> {
        self.latest_awaiting(Action::Executed, Confirms::Result)
    }

    fn latest_awaiting(&self, action: Action, confirms: Confirms) -> Option<Answered<'_>> {
        let i = self.history.iter().rposition(|e| e.action == action)?;
        let answer =
            self.history[i + 1..].iter().find(|e| e.action == Action::Confirmation && e.confirms == Some(confirms));
        Some(Answered { event: &self.history[i], answer })
    }

    /// Times the ticket went back to `processing` after `resolved` or
    /// `closed`: each starts a new resolution cycle.
    pub fn reopen_count(&self) -> usize {
        self.history
            .iter()
            .filter(|e| matches!(e.from, Some(Status::Resolved | Status::Closed)) && e.to == Some(Status::Processing))
            .count()
    }
}

#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod tests;
