//! A ticket as the JSON every door shows: `--json` of the command line
//! and the HTTP API (`/api/v1`).

use serde_json::{Value, json};

use crate::config::{ChoiceKind, Config};
use crate::report::mask::Masker;
use crate::ticket::Ticket;

/// The version of every `--json` document; bumped only on breaking change.
pub const JSON_SCHEMA: u32 = 1;

/// A ticket as JSON: the file's field names, customer data masked unless
/// asked otherwise, plus the display labels of its coded fields.
pub fn ticket_json(ticket: &Ticket, config: &Config, masker: &Masker) -> Value {
    let mut value = serde_json::to_value(ticket).expect("tickets serialise");
    if let Some(customer) = value.get_mut("customer").and_then(Value::as_object_mut) {
        customer.insert("name".into(), json!(masker.name(&ticket.customer.name)));
        customer.insert("contact".into(), json!(masker.contact(&ticket.customer.contact)));
    }
    let labels = json!({
        "status": config.status_label(ticket.status),
        "category": ticket.category.as_deref().map(|c| config.label(ChoiceKind::Category, c)),
        "severity": config.label(ChoiceKind::Severity, &ticket.severity),
        "channel": config.label(ChoiceKind::Channel, &ticket.channel),
        "cause": ticket.cause.as_deref().map(|c| config.label(ChoiceKind::Cause, c)),
    });
    if let Some(object) = value.as_object_mut() {
        object.insert("labels".into(), labels);
    }
    value
}
