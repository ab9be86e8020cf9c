//! Create: the fields of a new complaint (`new`, and every row of `import`).

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

use super::{Stamp, clean_text, optional_text, required_text};
use crate::config::{ChoiceKind, Config};
use crate::error::{Error, Refusal, Result};
use crate::ticket::{Action, Customer, Event, Ticket};
use crate::time;

/// The fields of a new complaint, named as in the ticket file (the shape
/// `new --from-file` reads).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewInput {
    pub customer: Option<CustomerInput>,
    pub channel: Option<String>,
    pub product: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub expectation: Option<String>,
    pub category: Option<String>,
    pub severity: Option<String>,
    pub received_at: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerInput {
    pub name: Option<String>,
    pub contact: Option<String>,
    pub id: Option<String>,
}

/// The validated fields of a new ticket.
#[derive(Debug)]
pub struct Fields {
    pub customer: Customer,
    pub channel: String,
    pub product: Option<String>,
    pub summary: String,
    pub description: Option<String>,
    pub expectation: Option<String>,
    pub category: Option<String>,
    pub severity: String,
    pub received_at: DateTime<FixedOffset>,
}

/// The required fields `input` lacks, by their input keys.
fn missing(input: &NewInput, customer: &CustomerInput) -> Vec<String> {
    [
        ("customer", customer.name.is_none()),
        ("contact", customer.contact.is_none()),
        ("channel", input.channel.is_none()),
        ("summary", input.summary.is_none()),
    ]
    .into_iter()
    .filter(|(_, missing)| *missing)
    .map(|(name, _)| name.to_string())
    .collect()
}

/// Validates a new complaint received no later than `now`; the ID is
/// allocated by the store ([`Fields::into_ticket`] builds the ticket).
/// The words of a new ticket's commit subject: `new complaint (物流)`.
pub fn created_what(ticket: &Ticket, config: &Config) -> String {
    let category = ticket.category.as_deref().map_or("未分类", |c| config.label(ChoiceKind::Category, c));
    format!("new complaint ({category})")
}

pub fn create(input: NewInput, config: &Config, now: DateTime<FixedOffset>) -> Result<Fields> {
    let max = config.limits.max_text_bytes;
    let mut input = input;
    let customer = input.customer.take().unwrap_or_default();
    let missing = missing(&input, &customer);
    if !missing.is_empty() {
        return Err(Error::MissingFields { fields: missing });
    }
    let zone = config.zone();
    let received_at = match input.received_at.as_deref() {
        Some(text) => time::parse_when(text, zone, now, "received_at")?.at,
        None => now,
    };
    if received_at > now {
        return Err(Refusal::ReceivedInFuture {
            at: time::format_instant(&received_at),
            now: time::format_instant(&now),
        }
        .into());
    }
    Ok(Fields {
        customer: Customer {
            name: required_text("customer name", customer.name.as_deref().unwrap_or(""), false, max)?,
            contact: required_text("contact", customer.contact.as_deref().unwrap_or(""), false, max)?,
            id: optional_text("customer id", customer.id.as_deref(), false, max)?,
            extra: Default::default(),
        },
        channel: config.resolve(ChoiceKind::Channel, input.channel.as_deref().unwrap_or(""))?,
        product: optional_text("product", input.product.as_deref(), false, max)?,
        summary: required_text("summary", input.summary.as_deref().unwrap_or(""), false, max)?,
        description: input
            .description
            .as_deref()
            .map(|d| clean_text("description", d, true, max))
            .transpose()?
            .filter(|d| !d.is_empty()),
        expectation: optional_text("expectation", input.expectation.as_deref(), true, max)?,
        category: input.category.as_deref().map(|c| config.resolve(ChoiceKind::Category, c)).transpose()?,
        severity: match input.severity.as_deref() {
            Some(s) => config.resolve(ChoiceKind::Severity, s)?,
            None => config.severities[0].id.clone(),
        },
        received_at,
    })
}

impl Fields {
    /// The new ticket under `id`, its `created` event stamped.
    pub fn into_ticket(self, id: &str, stamp: &Stamp) -> Ticket {
        let mut created = Event::new(stamp.at, &stamp.by, Action::Created);
        created.category = self.category;
        created.severity = Some(self.severity);
        let uid = ulid::Ulid::from_datetime(stamp.at.into()).to_string();
        let mut ticket = Ticket::new(id, &uid, self.received_at, &self.channel, self.customer, &self.summary, created);
        ticket.product = self.product;
        ticket.description = self.description;
        ticket.expectation = self.expectation;
        ticket
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::fixtures::{at, config, stamp};

    fn complete() -> NewInput {
        NewInput {
            customer: Some(CustomerInput { name: Some("王女士".into()), contact: Some("138".into()), id: None }),
            channel: Some("电话".into()),
            summary: Some("快递破损".into()),
            ..NewInput::default()
        }
    }

    #[test]
    fn missing_required_fields_are_named_together() {
        let got = create(NewInput::default(), &config(), at("2026-11-23 10:00"));
        let Err(Error::MissingFields { fields }) = got else { panic!("{got:?}") };
        assert_eq!(fields, ["customer", "contact", "channel", "summary"]);
    }

    #[test]
    fn a_complete_input_resolves_labels_and_defaults_severity() {
        let fields = create(complete(), &config(), at("2026-11-23 10:00")).unwrap();
        assert_eq!(fields.channel, "phone");
        assert_eq!(fields.severity, "general");
        assert_eq!(fields.received_at, at("2026-11-23 10:00"));
        let ticket = fields.into_ticket("CP20261123001", &stamp("2026-11-23 10:00"));
        assert_eq!(ticket.history.len(), 1);
    }

    #[test]
    fn a_complaint_received_in_the_future_is_refused() {
        let input = NewInput { received_at: Some("2026-11-24".into()), ..complete() };
        let got = create(input, &config(), at("2026-11-23 10:00"));
        assert!(matches!(got, Err(Error::Refused(Refusal::ReceivedInFuture { .. }))));
    }

    #[test]
    fn a_blank_description_is_absent() {
        let input = NewInput { description: Some("  ".into()), ..complete() };
        assert_eq!(create(input, &config(), at("2026-11-23 10:00")).unwrap().description, None);
    }
}
